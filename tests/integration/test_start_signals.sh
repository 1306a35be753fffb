#!/usr/bin/env bash
# test_start_signals — a signal that reaches a worker while it starts is noted, not fatal:
#  - needs a build with -DJOBQ_FAULT_POINTS=ON (scripts/check builds one); skipped otherwise;
#  - worker A, with JOBQ_FAULT_STOP=consumer_start, stops itself (SIGSTOP) at start-up, after
#    reading its configuration and before registering; the test sends SIGHUP, then SIGCONT:
#    A must live on, register and run a job (before the fix, SIGHUP's default action ended
#    the process);
#  - worker B, stopped at the same point, gets SIGTERM, then SIGCONT: the stop is not lost;
#    B starts, drains at once and exits 0.
source "$(dirname "$0")/lib.sh"
jq_setup start_signals

if ! grep -q '^JOBQ_FAULT_POINTS:BOOL=ON' "$JOBQ_BIN_DIR/CMakeCache.txt" 2>/dev/null; then
  note "SKIP: this build has no fault points (-DJOBQ_FAULT_POINTS=OFF; scripts/check builds with them)"
  exit 0
fi
check --fatal "migrate" jobq migrate
stopped() { [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" == T ]]; }

start_proc A env JOBQ_FAULT_STOP=consumer_start "$JOBQ_BIN_DIR/jobq-consumer" --worker-id sa \
  --concurrency 1
apid=$(pid_of A)
trap 'rc=$?; kill -CONT "$apid" ${bpid:-} 2>/dev/null || true; (exit $rc); _jq_exit' EXIT
wait_for 15 "A stops itself at start-up" stopped "$apid"
kill -HUP "$apid"
kill -CONT "$apid"
wait_for 15 "A registers" sql_is 1 "select count(*) from workers where id='sa' and state='running'"
check "A is alive after a SIGHUP during start-up" is_running A
id=$(jobq submit echo '{"x":1}')
wait_for 15 "A runs a job" sql_is succeeded "select status from jobs where id='$id'"

start_proc B env JOBQ_FAULT_STOP=consumer_start "$JOBQ_BIN_DIR/jobq-consumer" --worker-id sb \
  --concurrency 1
bpid=$(pid_of B)
wait_for 15 "B stops itself at start-up" stopped "$bpid"
kill -TERM "$bpid"
kill -CONT "$bpid"
wait_exit B 30 || fail "B did not exit within 30 s of a SIGTERM sent during start-up"
check_eq "B drains and exits 0 after a SIGTERM during start-up" 0 "$STATUS"
check_eq "B ran nothing and is stopped" "stopped" "$(sql "select state from workers where id='sb'")"
check_status "A drains and exits 0 on TERM" 0 stop_consumer A
