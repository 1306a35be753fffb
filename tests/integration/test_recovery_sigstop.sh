#!/usr/bin/env bash
# test_recovery_sigstop — a hung worker (SIGSTOP) loses its job when its lease expires, and its
# writes are fenced once it wakes up (docs/design.md §1.2, §6 "Reaper", "Relay", "Heartbeat"):
#  - HEARTBEAT_INTERVAL=300ms, LEASE_DURATION=2s; worker A (--concurrency 1, so it has no room
#    for a second delivery while stopped) runs `sleep {"seconds":15}` (to outlast B's start
#    and the takeover on a loaded machine); worker B is idle;
#  - SIGSTOP A: its lease is not renewed; after it expires B's reaper moves the job to queued
#    (reason 'lease expired'), B's relay republishes it and B claims it (attempt 2) — not
#    before the lease can have expired (>= lease − heartbeat interval after the stop);
#  - SIGCONT A after B started the job: A finds its lease lost and abandons the job; none of
#    its writes lands: the job ends succeeded exactly once, finished by B (terminal event by B,
#    attempt 2), after B's full 15 s, and no event after the takeover carries A's id;
#  - A itself keeps running (it abandons the job, it does not die) with no job of its own.
source "$(dirname "$0")/lib.sh"
jq_setup recovery_sigstop

export HEARTBEAT_INTERVAL=300ms LEASE_DURATION=2s
check --fatal "migrate" jobq migrate
start_consumer A --worker-id sa --concurrency 1
wait_for 15 "A consumes jobq.default" sql_is 1 "select count(*) from workers where id='sa' and state='running'"
one_consumer() { [[ "$(queue_stat jobq.default consumers)" == 1 ]]; }
wait_for 15 "A's consumer is registered at the broker" one_consumer || true

id=$(jobq submit sleep '{"seconds":15}')
wait_for 10 "A runs the job" sql_is "running|sa|1" "select status, worker_id, attempt from jobs where id='$id'"
start_consumer B --worker-id sb --concurrency 1
wait_for 15 "B registered" sql_is 1 "select count(*) from workers where id='sb' and state='running'"
sleep 0.5

t_stop=$(_jq_now_ms)
stop_consumer A STOP
# the stop takes effect when A's threads are next scheduled: on a loaded machine, not at once
a_stopped() { [[ "$(awk '{print $3}' "/proc/$(pid_of A)/stat")" == T ]]; }
wait_for 5 "A is stopped (state T)" a_stopped || true
check "A is stopped (state T)" a_stopped

wait_for 15 "B claims the job (attempt 2)" sql_is "running|sb|2" \
  "select status, worker_id, attempt from jobs where id='$id'" || note "row: $(sql "select status, worker_id, attempt, status_reason from jobs where id='$id'")"
takeover_ms=$(sql "select (extract(epoch from started_at) * 1000 - $t_stop)::int from jobs where id='$id'")
note "B started the job ${takeover_ms} ms after SIGSTOP (lease 2 s, heartbeat 300 ms, relay every 1 s)"
check "not before the lease could expire (${takeover_ms} ms >= 1700 ms)" test "${takeover_ms:-0}" -ge 1700

t_cont=$(_jq_now_ms)
stop_consumer A CONT
# A learns at its first heartbeat (or its own lease clock) that the lease is gone, and stops.
sleep 2
check "A is alive after SIGCONT (it abandoned the job, it did not die)" is_running A
check_eq "the job still runs under B, attempt 2 (A's writes were fenced)" "running|sb|2" \
  "$(sql "select status, worker_id, attempt from jobs where id='$id'")"
ab=$(grep -m1 -E 'event=(job_abandoned|lease_lost)' "$(log_of A)" | sed -E 's/^([^ ]+) .*event=([a-z_]+).*/\1 \2/' || true)
if [[ -n "$ab" ]]; then
  note "A logged ${ab#* } $(( $(date -d "${ab%% *}" +%s%3N) - t_cont )) ms after SIGCONT"
fi

wait_for 30 "the job ends" sql_is 1 \
  "select count(*) from jobs where id='$id' and status in ('succeeded','failed','cancelled')" || true
check_eq "the job succeeded, attempt 2, last owner B" "succeeded|2|sb" \
  "$(sql "select status, attempt, worker_id from jobs where id='$id'")"
check_eq "exactly one terminal transition" 0 "$(terminal_anomalies "j.id='$id'")"
check_eq "... written by B at attempt 2" "running|succeeded|sb|2" \
  "$(sql "select from_status, to_status, worker_id, attempt from job_events where job_id='$id'
          and to_status in ('succeeded','failed','cancelled')")"
check_eq "history: queued->running (A,1), running->queued (lease expired), queued->running (B,2), running->succeeded (B,2)" \
  "queued>running:sa:1,running>queued:sa:1:lease expired,queued>running:sb:2,running>succeeded:sb:2" \
  "$(sql "select string_agg(from_status || '>' || to_status || ':' || coalesce(worker_id, '-') || ':' || attempt
            || case when to_status = 'queued' then ':' || coalesce(reason, '') else '' end, ',' order by id)
          from job_events where job_id='$id' and from_status is not null")"
check_eq "no event after the takeover carries A's id" 0 "$(sql "
  select count(*) from job_events where job_id='$id' and worker_id='sa'
    and id > (select min(id) from job_events where job_id='$id' and to_status='running' and worker_id='sb')")"
check "B ran its whole 15 s sleep (finished_at - started_at >= 15 s)" sql_is t \
  "select finished_at - started_at >= interval '15 s' from jobs where id='$id'"
check_eq "A holds no job" 0 "$(sql "select count(*) from jobs where worker_id='sa' and status='running'")"
check "A is still running" is_running A
check_status "A drains and exits 0 on TERM" 0 stop_consumer A
check_status "B drains and exits 0 on TERM" 0 stop_consumer B
