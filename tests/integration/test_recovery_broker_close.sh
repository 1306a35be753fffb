#!/usr/bin/env bash
# test_recovery_broker_close — a worker cut off from the broker while its job runs is never
# double-run (docs/design.md §1.4, §6 "running, other owner alive"; architecture "Reconnecting"):
#  - two workers consume; the one that gets `sleep {"seconds":8}` is the owner;
#  - the owner's consuming connection ("jobq-consumer worker=ID ...") is closed from the
#    broker side (DELETE /api/connections/NAME); the broker requeues the unacked delivery and
#    hands it to the other worker, whose reconcile finds the owner alive (liveness lock held,
#    heartbeating) and acks the duplicate;
#  - the owner reconnects (a new consuming connection appears) and keeps running the job; it
#    ends succeeded once: one queued->running, attempt 1, owner unchanged, terminal event by
#    the owner, after its uninterrupted 8 s, which spans the close; no event carries the other worker's id;
#  - nothing is left unacked or ready in jobq.default (the stale tag of the closed connection
#    was never acked), both workers keep running, and the owner serves a new job afterwards.
source "$(dirname "$0")/lib.sh"
jq_setup recovery_broker_close

check --fatal "migrate" jobq migrate
# Both consume before the job exists (the management API shows a new consumer only after a
# few seconds); whichever gets the job is the owner, the other one receives the redelivery.
# (debug logs: the notes below say who reconciled the redelivery and how)
JOBQ_LOG_LEVEL=debug start_consumer w1 --worker-id c1 --concurrency 2
JOBQ_LOG_LEVEL=debug start_consumer w2 --worker-id c2 --concurrency 2
consumers_are() { [[ "$(queue_stat jobq.default consumers)" == "$1" ]]; }
wait_for 20 "both workers consume jobq.default" consumers_are 2

# the broker's names of both consuming connections, known before the job starts so that the
# close is one HTTP call
declare -A conn=()
named() { conn[$1]=$(connections_of "jobq-consumer worker=$1 ") && [[ -n "${conn[$1]}" ]]; }
wait_for 15 "the management API lists c1's connection" named c1 || true
wait_for 15 "the management API lists c2's connection" named c2 || true

id=$(jobq submit sleep '{"seconds":8}')
wait_for 10 "the job runs" sql_is running "select status from jobs where id='$id'"
owner=$(sql "select worker_id from jobs where id='$id'")
other=$([[ "$owner" == c1 ]] && echo c2 || echo c1)
t_close0=$(_jq_now_ms)
check "close $owner's consuming connection from the broker side" close_connection "${conn[$owner]}"
t_close=$(_jq_now_ms)
A=w${owner#c} B=w${other#c}
started=$(sql "select (extract(epoch from started_at) * 1000)::bigint from jobs where id='$id'")
note "owner $owner (process $A), other $other (process $B); closed $(( t_close - started )) ms into the job"
check_eq "right after the close the job runs on $owner, attempt 1" "running|$owner|1" \
  "$(sql "select status, worker_id, attempt from jobs where id='$id'")"
new_conn() { local c; c=$(connections_of "jobq-consumer worker=$owner ") && [[ -n "$c" && "$c" != "${conn[$owner]}" ]]; }
wait_for 15 "$owner reconnects (a new consuming connection)" new_conn && _jq_ok "$owner reconnected ($(connections_of "jobq-consumer worker=$owner "))"

wait_for 15 "the job ends" sql_is 1 \
  "select count(*) from jobs where id='$id' and status in ('succeeded','failed','cancelled')" || true
note "the job ended $(( $(sql "select (extract(epoch from finished_at) * 1000)::bigint from jobs where id='$id'") - t_close )) ms after the close"
check_eq "the job succeeded, attempt 1, owner $owner" "succeeded|1|$owner" \
  "$(sql "select status, attempt, worker_id from jobs where id='$id'")"
check_eq "exactly one queued->running" 1 \
  "$(sql "select count(*) from job_events where job_id='$id' and from_status='queued' and to_status='running'")"
check_eq "exactly one terminal transition, by $owner at attempt 1" "running|succeeded|$owner|1" \
  "$(sql "select from_status, to_status, worker_id, attempt from job_events where job_id='$id'
          and to_status in ('succeeded','failed','cancelled')")"
check_eq "no event carries $other's id" 0 "$(sql "select count(*) from job_events where job_id='$id' and worker_id='$other'")"
check "$owner ran it once, uninterrupted (8 s <= finished - started < 9.5 s)" sql_is t \
  "select finished_at - started_at between interval '8 s' and interval '9.5 s' from jobs where id='$id'"
check "it started before the close and ended after it" sql_is t \
  "select extract(epoch from started_at) * 1000 < $t_close0 and extract(epoch from finished_at) * 1000 > $t_close
   from jobs where id='$id'"

for w in w1 w2; do
  grep -E "event=(reconcile|delivery_adopted).*job=$id" "$(log_of "$w")" | sed -E 's/.*event=([a-z_]+) worker=([^ ]+).*action=([a-z_]+).*/# \2: \1 \3/; s/.*event=(delivery_adopted) worker=([^ ]+).*/# \2: \1/' || true
done
queue_empty() { queue_counts_are jobq.default "0|0"; }
wait_for 10 "jobq.default: nothing left unacked or ready" queue_empty && _jq_ok "jobq.default: nothing left unacked or ready"
wait_for 15 "both consumers are back on jobq.default" consumers_are 2 && _jq_ok "both consumers are back on jobq.default"
check "$owner still runs" is_running "$A"
check "$other still runs" is_running "$B"
# and the owner still serves after its reconnect: with the other one gone, a new job goes to it
check_status "$other drains and exits 0 on TERM" 0 stop_consumer "$B"
check_status "a new job succeeds on $owner after the reconnect" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" submit noop --wait
check_eq "... run by $owner" "$owner" "$(sql "select worker_id from jobs where id='$(head -n1 "$OUT_FILE")'")"
check_status "$owner drains and exits 0 on TERM" 0 stop_consumer "$A"
