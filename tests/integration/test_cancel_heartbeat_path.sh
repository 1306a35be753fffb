#!/usr/bin/env bash
# test_cancel_heartbeat_path — a cancel whose broadcast cannot reach the owner still lands,
# through the batched heartbeat (docs/design.md §1.3, §6 "Heartbeat", §7). Workers heartbeat every
# 300 ms (HEARTBEAT_INTERVAL=300ms, LEASE_DURATION=5s), so the job must stop within about one
# heartbeat interval of the request (asserted: stop_ms < 3000, well under the 5 s lease):
#  A. the CLI cannot reach the broker (JOBQ_AMQP_URL points at a closed port): the broadcast
#     fails, `cancel --wait` still exits 0 with a warning on stderr, and the job ends
#     cancelled (one terminal transition); three times;
#  B. control: a worker with a 60 s heartbeat interval does NOT stop its job after such a
#     cancel (`cancel --wait --timeout 1s` exits 4, the job still runs 2 s later), so nothing
#     but the broadcast or the heartbeat carries a cancel; a second cancel whose broadcast
#     gets through stops it; and an 8 s job cancelled that way finishes first: `cancel --wait`
#     says "ID too late: finished (succeeded)", exit 1, and the success stands;
#  C. the owner's broker connection is down (its AMQP traffic goes through a TCP proxy that
#     the test kills): the job keeps running under its database lease (not run twice, its
#     heartbeat stays fresh), the cancel lands through the heartbeat, and once the proxy is
#     back the worker reconnects and acks the redelivered message without running the job
#     again (its queue ends with 0 ready, 0 unacked).
source "$(dirname "$0")/lib.sh"
jq_setup cancel_hb_path

J="$JOBQ_BIN_DIR/jobq"
BAD_AMQP="amqp://jobq:jobq@127.0.0.1:1/"
st() { sql "select status from jobs where id='$1'"; }
terminal_events() {
  sql "select count(*) from job_events where job_id='$1' and to_status in ('succeeded','failed','cancelled')"
}
runs() { sql "select count(*) from job_events where job_id='$1' and to_status='running'"; }
stop_ms() { sql "select (extract(epoch from finished_at - cancel_requested_at) * 1000)::int from jobs where id='$1'"; }
qs_is() { [[ "$(queue_stat "$1" "$2")" == "$3" ]]; }
running_on() {  # ID WORKER
  sql_is "running|$2" "select status || '|' || worker_id from jobs where id='$1'"
}

check --fatal "migrate" jobq migrate --queues default,slowhb,viaproxy
HEARTBEAT_INTERVAL=300ms LEASE_DURATION=5s start_consumer w1 --worker-id w1 --concurrency 2

# ---------------------------------------------------------------- A: the CLI cannot broadcast
# Three times: where the request falls within the 300 ms heartbeat cycle varies.
a_ms=()
for k in 1 2 3; do
  id=$("$J" submit sleep '{"seconds":30}')
  wait_for 15 "A$k: job running on w1" running_on "$id" w1 || true
  check_status "A$k: cancel --wait with an unreachable broker exits 0" 0 \
    env JOBQ_AMQP_URL="$BAD_AMQP" timeout 30 "$J" cancel --wait --timeout 15s "$id"
  check "A$k: ... it warns on stderr that the heartbeat will deliver the cancel" grep -qi 'heartbeat' "$ERR_FILE"
  check "A$k: ... and prints 'ID stopped (cancelled) in N ms'" grep -Eq "^$id stopped \(cancelled\) in [0-9.]+ ms$" "$OUT_FILE"
  ms=$(stop_ms "$id")
  a_ms+=("$ms")
  check "A$k: stop_ms ($ms) < 3000 (one 300 ms heartbeat plus a loaded machine's margin; the lease is 5 s)" \
    test "${ms:-99999}" -lt 3000
  check_eq "A$k: cancelled, run once, one terminal transition" "cancelled|1|1" "$(st "$id")|$(runs "$id")|$(terminal_events "$id")"
done
note "A: broadcast failed, stopped through the heartbeat (interval 300 ms) in ${a_ms[*]} ms"

# ---------------------------------------------------------------- B: control, slow heartbeat
# Started just now, w2 heartbeats at start and then only after 60 s: everything below falls
# between two of its heartbeats, so with the broadcast failing nothing reaches it.
HEARTBEAT_INTERVAL=60s LEASE_DURATION=180s start_consumer w2 --worker-id w2 --queues slowhb --concurrency 1
id=$("$J" submit --queue slowhb sleep '{"seconds":30}')
wait_for 15 "B: job running on w2" running_on "$id" w2 || true
cost=$(cli_cost_ms "$id")
t0=$(_jq_now_ms)
check_status "B: cancel --wait --timeout 1s with an unreachable broker exits 4 (timed out)" 4 \
  env JOBQ_AMQP_URL="$BAD_AMQP" timeout 30 "$J" cancel --wait --timeout 1s "$id"
dt=$(( $(_jq_now_ms) - t0 ))
check "B: ... after about 1 s ($dt ms; a CLI call takes $cost ms)" test "$dt" -ge 900 -a "$dt" -lt $(( 4000 + cost ))
sleep 1
check_eq "B: 2 s after the request the job is still running, with its cancel request (no heartbeat yet)" "running|t" \
  "$(sql "select status, cancel_requested_at is not null from jobs where id='$id'")"
check_status "B: cancel --wait again, broadcast reaching w2, exits 0" 0 timeout 30 "$J" cancel --wait --timeout 15s "$id"
check_eq "B: cancelled, one terminal transition" "cancelled|1" "$(st "$id")|$(terminal_events "$id")"
late=$(sql "select (extract(epoch from finished_at - cancel_requested_at) * 1000)::int from jobs where id='$id'")
note "B: the broadcast of the second cancel stopped it; stop_ms from the first request: $late"
check_eq "B: the request time is the first one (kept, not overwritten)" t \
  "$(sql "select finished_at - cancel_requested_at > interval '1.9 s' from jobs where id='$id'")"

# "too late": the cancel is recorded, reaches nobody, and the job succeeds meanwhile.
# (8 s: the cancel's CLI must record its request before the job ends on a loaded machine)
id=$("$J" submit --queue slowhb sleep '{"seconds":8}')
wait_for 15 "B: the 8 s job running on w2" running_on "$id" w2 || true
check_status "B: cancel --wait of a job that succeeds before the cancel reaches it exits 1" 1 \
  env JOBQ_AMQP_URL="$BAD_AMQP" timeout 30 "$J" cancel --wait --timeout 15s "$id"
check_eq "B: ... it prints 'ID too late: finished (succeeded)'" "$id too late: finished (succeeded)" "$OUT"
check_eq "B: ... the job's real outcome stands: succeeded, with the cancel request recorded" "succeeded|t|1" \
  "$(sql "select status, cancel_requested_at is not null, (select count(*) from job_events where job_id='$id' and to_status in ('succeeded','failed','cancelled')) from jobs where id='$id'")"
check_status "B: w2 stops cleanly" 0 stop_consumer w2

# ---------------------------------------------------------------- C: owner's broker connection down
cat >"$T/proxy.py" <<'EOF'
# A plain TCP forwarder: 127.0.0.1:LISTEN -> 127.0.0.1:TARGET. Killing it drops every
# connection through it at once.
import socket, sys, threading
listen, target = int(sys.argv[1]), int(sys.argv[2])
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", listen))
srv.listen(16)
def pipe(a, b):
    try:
        while True:
            data = a.recv(65536)
            if not data:
                break
            b.sendall(data)
    except OSError:
        pass
    for s in (a, b):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
while True:
    c, _ = srv.accept()
    try:
        u = socket.create_connection(("127.0.0.1", target))
    except OSError:
        c.close()
        continue
    threading.Thread(target=pipe, args=(c, u), daemon=True).start()
    threading.Thread(target=pipe, args=(u, c), daemon=True).start()
EOF
PPORT=""
for ((i = 0; i < 100; i++)); do
  p=$((30000 + RANDOM % 20000))
  [[ -z "$(ss -Hltn "( sport = :$p )" 2>/dev/null)" ]] && { PPORT=$p; break; }
done
port_open() { python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$1"; }
start_proc proxy python3 "$T/proxy.py" "$PPORT" "$JOBQ_TEST_AMQP_PORT"
wait_for 10 "C: the proxy listens on $PPORT" port_open "$PPORT" || true
PROXY_URL="amqp://jobq:jobq@127.0.0.1:$PPORT/$(_jq_urlencode "$TEST_VHOST")"
JOBQ_AMQP_URL="$PROXY_URL" HEARTBEAT_INTERVAL=300ms LEASE_DURATION=5s \
  start_consumer w3 --worker-id w3 --queues viaproxy --concurrency 1
id=$("$J" submit --queue viaproxy sleep '{"seconds":30}')
wait_for 15 "C: job running on w3" running_on "$id" w3 || true
w3_conns() { mgmt_get connections | json_get 'len([c for c in d if "worker=w3 " in (c.get("client_properties") or {}).get("connection_name", "")])'; }
w3_connected() { [[ "$(w3_conns 2>/dev/null)" -ge 1 ]]; }
wait_for 10 "C: the broker lists w3's connections" w3_connected || true
{ stop_proc proxy KILL || true; } 2>/dev/null   # w3 loses the broker
# The broker requeues w3's unacked delivery when its connection goes; with nobody else
# consuming jobq.viaproxy it waits there as ready.
wait_for 15 "C: the broker requeued w3's delivery (jobq.viaproxy: 1 ready, 0 unacked)" \
  eval 'qs_is jobq.viaproxy messages_ready 1 && qs_is jobq.viaproxy messages_unacknowledged 0' || true
check_eq "C: the broker has no connection of w3 left" 0 "$(w3_conns 2>/dev/null)"
check_eq "C: the job still runs on w3, under its lease" "running|w3|1" \
  "$(sql "select status, worker_id, attempt from jobs where id='$id'")"
check_eq "C: ... and w3 still heartbeats it (heartbeat younger than 3 s; every 300 ms)" t \
  "$(sql "select now() - heartbeat_at < interval '3 s' from jobs where id='$id'")"
check_status "C: cancel --wait (broadcast reaches nobody who runs the job) exits 0" 0 \
  timeout 30 "$J" cancel --wait --timeout 15s "$id"
ms=$(stop_ms "$id")
note "C: owner cut off from the broker, stopped through the heartbeat in $ms ms"
check "C: stop_ms ($ms) < 3000" test "${ms:-99999}" -lt 3000
check_eq "C: cancelled by w3, run once, one terminal transition" "cancelled|w3|1|1" \
  "$(st "$id")|$(sql "select worker_id from jobs where id='$id'")|$(runs "$id")|$(terminal_events "$id")"
start_proc proxy python3 "$T/proxy.py" "$PPORT" "$JOBQ_TEST_AMQP_PORT"
wait_for 10 "C: the proxy is back" port_open "$PPORT" || true
wait_for 30 "C: w3 reconnected and acked the redelivery (jobq.viaproxy: 0 ready, 0 unacked)" \
  eval 'w3_connected && qs_is jobq.viaproxy messages_ready 0 && qs_is jobq.viaproxy messages_unacknowledged 0' || true
check_eq "C: the job was not run again: still cancelled, run once, one terminal transition" "cancelled|1|1" \
  "$(st "$id")|$(runs "$id")|$(terminal_events "$id")"
check_eq "C: nothing was dead-lettered" 0 "$(queue_stat jobq.dead messages)"

check_eq "nothing is running" 0 "$(sql "select count(*) from jobs where status='running'")"
check_status "w3 stops cleanly" 0 stop_consumer w3
check_status "w1 stops cleanly" 0 stop_consumer w1
