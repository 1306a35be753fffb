#!/usr/bin/env bash
# test_recovery_broker_close — a worker cut off from the broker while its job runs is never
# double-run (design §1.4, §6 "running, other owner alive"; architecture "Reconnecting"):
#  - worker A runs `sleep {"seconds":5}`; worker B is idle and consuming;
#  - A's consuming connection ("jobq-consumer worker=ca ...") is closed from the broker side
#    (DELETE /api/connections/NAME); the broker requeues A's unacked delivery and hands it to
#    B, whose reconcile finds A alive (liveness lock held, heartbeating) and acks the duplicate;
#  - A reconnects (a new consuming connection appears, both consumers are back) and keeps
#    running the job; it ends succeeded once: one queued->running, attempt 1, owner A,
#    terminal event by A, after A's uninterrupted 5 s; no event carries B's id;
#  - nothing is left unacked or ready in jobq.default (the stale tag of the closed connection
#    was never acked), and both workers keep running.
source "$(dirname "$0")/lib.sh"
jq_setup recovery_broker_close

check --fatal "migrate" jobq migrate
start_consumer A --worker-id ca --concurrency 2
consumers_are() { [[ "$(queue_stat jobq.default consumers)" == "$1" ]]; }
wait_for 15 "A consumes jobq.default" consumers_are 1

id=$(jobq submit sleep '{"seconds":5}')
wait_for 10 "A runs the job" sql_is "running|ca|1" "select status, worker_id, attempt from jobs where id='$id'"
start_consumer B --worker-id cb --concurrency 2
wait_for 15 "B consumes jobq.default too" consumers_are 2

# the management API lists a connection a moment after it opens: wait for A's
a_conns() {
  mgmt_get connections | json_get "[c['name'] for c in d if (c.get('client_properties') or {}).get('connection_name', '').startswith('jobq-consumer worker=ca ')]"
}
has_a_conn() { [[ "$(a_conns)" != "[]" ]]; }
wait_for 15 "the management API lists A's consuming connection" has_a_conn || true
old_conn=$(a_conns)
check_status "close A's consuming connection from the broker side" 0 close_connections "jobq-consumer worker=ca "
check_eq "one connection closed" 1 "$OUT"
t_close=$(_jq_now_ms)

new_a_conn() { local c; c=$(a_conns) && [[ "$c" != "[]" && "$c" != "$old_conn" ]]; }
wait_for 15 "A reconnects (a new consuming connection)" new_a_conn && _jq_ok "A reconnected: $(a_conns)"
wait_for 15 "both consumers are back on jobq.default" consumers_are 2 || true
check_eq "meanwhile the job still runs on A, attempt 1" "running|ca|1" \
  "$(sql "select status, worker_id, attempt from jobs where id='$id'")"

wait_for 15 "the job ends" sql_is 1 \
  "select count(*) from jobs where id='$id' and status in ('succeeded','failed','cancelled')" || true
note "the job ended $(( $(sql "select (extract(epoch from finished_at) * 1000)::bigint from jobs where id='$id'") - t_close )) ms after the close"
check_eq "the job succeeded, attempt 1, owner A" "succeeded|1|ca" \
  "$(sql "select status, attempt, worker_id from jobs where id='$id'")"
check_eq "exactly one queued->running" 1 \
  "$(sql "select count(*) from job_events where job_id='$id' and from_status='queued' and to_status='running'")"
check_eq "exactly one terminal transition, by A at attempt 1" "running|succeeded|ca|1" \
  "$(sql "select from_status, to_status, worker_id, attempt from job_events where job_id='$id'
          and to_status in ('succeeded','failed','cancelled')")"
check_eq "no event carries B's id" 0 "$(sql "select count(*) from job_events where job_id='$id' and worker_id='cb'")"
check "A ran it once, uninterrupted (5 s <= finished - started < 6.5 s)" sql_is t \
  "select finished_at - started_at between interval '5 s' and interval '6.5 s' from jobs where id='$id'"

queue_empty() {
  [[ "$(mgmt_get queues/jobq.default | json_get '"%d %d" % (d.get("messages_unacknowledged", 0), d.get("messages_ready", 0))')" == "0 0" ]]
}
wait_for 10 "jobq.default: nothing left unacked or ready" queue_empty && _jq_ok "jobq.default: nothing left unacked or ready"
check "A still runs" is_running A
check "B still runs" is_running B
# and A still serves: with B gone, a new job goes to A
check_status "B drains and exits 0 on TERM" 0 stop_consumer B
check_status "a new job succeeds on A after the reconnect" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" submit noop --wait
check_eq "... run by A" ca "$(sql "select worker_id from jobs where id='$(head -n1 "$OUT_FILE")'")"
check_status "A drains and exits 0 on TERM" 0 stop_consumer A
