#!/usr/bin/env bash
# test_heartbeat_round_trip — a worker that stops in the middle of its heartbeat leaves no
# row locked (docs/design.md §6 "Heartbeat"):
#  - needs a build with -DJOBQ_FAULT_POINTS=ON (scripts/check builds one); skipped otherwise;
#  - worker A (HEARTBEAT_INTERVAL=300ms, LEASE_DURATION=30s) runs `sleep {"seconds":60}` and,
#    with JOBQ_FAULT_STOP=heartbeat_after_update, stops itself (SIGSTOP, every thread) right
#    after the first heartbeat statement that extended a lease returned;
#  - while A is stopped: its keeper's backend is not idle in a transaction, the job's row can
#    be locked at once (SELECT ... FOR UPDATE NOWAIT succeeds), and `jobq cancel` returns 0
#    within 5 s;
#  - after SIGCONT, A stops the job for the cancel: it ends cancelled, with one terminal
#    transition, and A keeps running.
source "$(dirname "$0")/lib.sh"
jq_setup heartbeat_round_trip

if ! grep -q '^JOBQ_FAULT_POINTS:BOOL=ON' "$JOBQ_BIN_DIR/CMakeCache.txt" 2>/dev/null; then
  note "SKIP: this build has no fault points (-DJOBQ_FAULT_POINTS=OFF; scripts/check builds with them)"
  exit 0
fi
export HEARTBEAT_INTERVAL=300ms LEASE_DURATION=30s
check --fatal "migrate" jobq migrate
start_proc A env JOBQ_FAULT_STOP=heartbeat_after_update "$JOBQ_BIN_DIR/jobq-consumer" \
  --worker-id ha --concurrency 1
wait_for 15 "A registered" sql_is 1 "select count(*) from workers where id='ha' and state='running'"
apid=$(pid_of A)
trap 'rc=$?; kill -CONT "$apid" 2>/dev/null || true; (exit $rc); _jq_exit' EXIT

id=$(jobq submit sleep '{"seconds":60}')
stopped() { [[ "$(awk '{print $3}' "/proc/$apid/stat")" == T ]]; }
wait_for 15 "A stops itself inside its first heartbeat with a lease" stopped
check_eq "the job runs under A" "running|ha" "$(sql "select status, worker_id from jobs where id='$id'")"
check_eq "A's keeper backend is idle, not idle in a transaction" "idle" \
  "$(sql "select state from pg_stat_activity where datname = current_database()
          and application_name = 'jobq-consumer keeper'")"
check_status "the job's row can be locked at once (FOR UPDATE NOWAIT)" 0 \
  sql "select id from jobs where id='$id' for update nowait"
t0=$(_jq_now_ms)
check_status "jobq cancel returns 0 within 5 s while A is stopped" 0 timeout 5 "$JOBQ_BIN_DIR/jobq" cancel "$id"
note "cancel took $(( $(_jq_now_ms) - t0 )) ms"
check "A is still stopped" stopped

kill -CONT "$apid"
wait_for 15 "the job ends" sql_is 1 \
  "select count(*) from jobs where id='$id' and status in ('succeeded','failed','cancelled')" || true
check_eq "the job ended cancelled" cancelled "$(sql "select status from jobs where id='$id'")"
check_eq "exactly one terminal transition" 0 "$(terminal_anomalies "j.id='$id'")"
check "A is alive" is_running A
check_status "A drains and exits 0 on TERM" 0 stop_consumer A
