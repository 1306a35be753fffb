#!/usr/bin/env bash
# test_heartbeat_locked_row — a row another transaction holds locked stalls its own lease,
# not every lease of the worker (design §6 "Heartbeat"):
#  - LEASE_DURATION=2s, HEARTBEAT_INTERVAL=300ms; one worker at concurrency 2 runs two
#    6-second sleep jobs, J1 and J2;
#  - while both run, another session locks J1's row (FOR NO KEY UPDATE, the lock an
#    application's UPDATE or `SELECT jobq_cancel(...)` takes) and keeps its transaction open
#    for 4 s, twice the lease;
#  - the heartbeat skips the locked row instead of waiting on it: J2's lease is renewed all
#    along, so J2 succeeds in its first attempt with no second owner. J1's lease is not
#    renewed: its worker stops it at its fence point, and it runs again once the lock is
#    gone and succeeds (attempt 2). A heartbeat that waited on the lock would have failed
#    (its statement is bounded by the lease) and stopped J2 too.
source "$(dirname "$0")/lib.sh"
jq_setup heartbeat_locked_row

export HEARTBEAT_INTERVAL=300ms LEASE_DURATION=2s JOBQ_RELAY_INTERVAL=200ms

check --fatal "migrate" jobq migrate
start_consumer W --worker-id hw --concurrency 2
wait_for 15 "worker registered" sql_is 1 "select count(*) from workers where state='running'"

j1=$(jobq submit sleep '{"seconds": 6}' --max-attempts 3)
j2=$(jobq submit sleep '{"seconds": 6}' --max-attempts 3)
wait_for 15 "both jobs run" sql_is 2 \
  "select count(*) from jobs where status='running' and id in ('$j1','$j2')"
sleep 0.6 # a heartbeat or two land

( rc=0
  _jq_psql "$_JQ_DB" -v ON_ERROR_STOP=1 -qc "BEGIN" \
    -c "SELECT 1 FROM jobs WHERE id = '$j1' FOR NO KEY UPDATE" \
    -c "SELECT pg_sleep(4)" -c "COMMIT" >/dev/null || rc=$?
  echo "$rc" >"$T/locker.rc" ) &
wait_for 20 "the locker ran" test -s "$T/locker.rc"
check_eq "the locker's transaction committed" 0 "$(cat "$T/locker.rc")"

wait_for 30 "both jobs end" sql_is 0 \
  "select count(*) from jobs where status not in ('succeeded','failed','cancelled') and id in ('$j1','$j2')"
check_eq "J2 succeeded in its first attempt" "succeeded 1" \
  "$(sql "select status || ' ' || attempt from jobs where id = '$j2'")"
check_eq "J2 never changed hands (running -> running events)" 0 \
  "$(sql "select count(*) from job_events where job_id = '$j2' and from_status = 'running' and to_status in ('running','queued')")"
check_eq "J1 succeeded" succeeded "$(sql "select status from jobs where id = '$j1'")"
note "J1 ended in attempt $(sql "select attempt from jobs where id = '$j1'") (its lease could not be renewed while locked)"
check "the worker logged no failed heartbeat" \
  bash -c "! grep -q 'heartbeat_failed' '$(log_of W)'"
check_eq "every job succeeded exactly once" 0 "$(terminal_anomalies true)"
check_status "W drains and exits 0 on TERM" 0 stop_consumer W
