#!/usr/bin/env bash
# test_id_case — a job id in upper case is the same job everywhere it enters. The worker
# heartbeats every 5 min, so a running job that stops within 10 s of a cancel was stopped by
# the broadcast, not by the heartbeat (the 10 s bounds leave room for a loaded sanitizer run):
#  A. `jobq cancel UPPER-CASE-ID` of a running job: cancelled within 10 s; `cancel --wait`
#     with an upper-case id returns 0 within 10 s;
#  B. `jobq wait UPPER-CASE-ID` returns (exit 0) when the job ends;
#  C. a cancel broadcast whose body names the job in upper case (published raw) stops it
#     within 10 s;
#  D. a job message whose envelope and message_id carry the id in upper case (published
#     raw) runs, keeps its lease (the heartbeat's fencing matches it), and a cancel stops it
#     within 10 s;
#  E. an id that is not a UUID gets exit 2 and one line naming it.
source "$(dirname "$0")/lib.sh"
jq_setup id_case

J="$JOBQ_BIN_DIR/jobq"
TRY="$JOBQ_BIN_DIR/tests/amqp_try"
upper() { tr 'a-f' 'A-F' <<<"$1"; }
st() { sql "select status from jobs where id='$1'"; }
running() { sql_is running "select status from jobs where id='$1'"; }

check --fatal "migrate" jobq migrate --queues default,parked
HEARTBEAT_INTERVAL=300s LEASE_DURATION=900s start_consumer w1 --worker-id w1 --concurrency 4

# ---- A: cancel by an upper-case id
id=$("$J" submit sleep '{"seconds":60}')
wait_for 15 "A: job running" running "$id" || true
check_status "A: jobq cancel $(upper "$id") exits 0" 0 "$J" cancel "$(upper "$id")"
check "A: ... it prints the id in its canonical lower-case form" grep -q "^$id cancel requested" "$OUT_FILE"
wait_for 10 "A: the job is cancelled within 10 s (broadcast, not the 5 min heartbeat)" \
  sql_is cancelled "select status from jobs where id='$id'" || true
note "A: stopped by a cancel of its upper-case id $(sql "select (extract(epoch from finished_at - cancel_requested_at) * 1000)::int
                                                         from jobs where id='$id'") ms after the request"

id=$("$J" submit sleep '{"seconds":60}')
wait_for 15 "A: second job running" running "$id" || true
t0=$(_jq_now_ms)
check_status "A: cancel --wait --timeout 10s with an upper-case id exits 0" 0 \
  timeout 20 "$J" cancel --wait --timeout 10s "$(upper "$id")"
check "A: ... within 10 s" test $(( $(_jq_now_ms) - t0 )) -lt 10000
check_eq "A: ... cancelled" cancelled "$(st "$id")"

# ---- B: wait by an upper-case id
id=$("$J" submit sleep '{"seconds":1}')
check_status "B: jobq wait $(upper "$id") returns 0 when the job ends" 0 \
  timeout 20 "$J" wait --timeout 10s "$(upper "$id")"
check_eq "B: ... succeeded" succeeded "$(st "$id")"

# ---- C: an upper-case id in a cancel broadcast
id=$("$J" submit sleep '{"seconds":60}')
wait_for 15 "C: job running" running "$id" || true
# The tombstone first, as jobq cancel does; the broadcast carries the id in upper case.
sql "update jobs set cancel_requested_at = now(), cancel_reason = 'test' where id='$id'" >/dev/null
printf '{"job_id":"%s","reason":"test"}' "$(upper "$id")" >"$T/cancel.json"
check "C: publish a broadcast naming the job in upper case" \
  "$TRY" "$JOBQ_AMQP_URL" publish jobq.cancel "" "$T/cancel.json"
wait_for 10 "C: the job is cancelled within 10 s" \
  sql_is cancelled "select status from jobs where id='$id'" || true

# ---- D: an upper-case id in a job envelope and message_id
id=$("$J" submit --queue parked sleep '{"seconds":60}')
sql "update jobs set queue='default' where id='$id'" >/dev/null
U=$(upper "$id")
printf '{"job_id":"%s","type":"sleep","queue":"default"}' "$U" >"$T/env.json"
check "D: publish a job message with the id in upper case" \
  "$TRY" "$JOBQ_AMQP_URL" publish jobq.jobs default "$T/env.json" "$U"
wait_for 15 "D: job running" running "$id" || true
check_status "D: cancel it (lower case)" 0 "$J" cancel "$id"
wait_for 10 "D: the job is cancelled within 10 s" \
  sql_is cancelled "select status from jobs where id='$id'" || true
check_eq "D: ... run once, owner never lost its lease" "1|0" \
  "$(sql "select count(*) filter (where to_status='running') || '|' ||
                 count(*) filter (where to_status='queued' and from_status='running')
          from job_events where job_id='$id'")"

# ---- E: not an id
check_status "E: jobq cancel with a non-UUID exits 2" 2 "$J" cancel 123e4567-e89b-12d3-a456-42661417400Z
check_eq "E: ... one line naming it" 1 "$(wc -l <"$ERR_FILE")"
check "E: ... quoting the argument" grep -q "123e4567-e89b-12d3-a456-42661417400Z" "$ERR_FILE"

check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
