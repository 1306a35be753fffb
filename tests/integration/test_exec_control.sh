#!/usr/bin/env bash
# test_exec_control — a command handler's control descriptor (docs/handlers.md, "The
# control descriptor"): descriptor 3, named by JOBQ_CONTROL_FD, takes protocol lines
# without a job id:
#  - progress lines reach jobs.progress while the command runs (the keeper's heartbeat) and
#    `jobq status` shows them; the last one is kept when the job ends, even without its
#    newline;
#  - a log line lands in the worker's log as handler_log with the job id and the text;
#  - retry_in then a retryable exit: the next attempt is scheduled that long after (4 s, not
#    the 100 ms backoff), as a duration text too ("3s"); retry_in then exit 0 or 65 changes
#    nothing (succeeded; failed at once);
#  - bad lines (not JSON, an unknown op, a result op, a line over 1 MiB) never fail the job:
#    it succeeds, and the log has control_line_ignored warnings, at most 5, then a count;
#  - a command that closes descriptor 3 at once still succeeds;
#  - a command that leaves a setsid process holding its stdout, stderr and descriptor 3
#    ends about a second after it exited (asserted: under 10 s, not at the end of the 31 s
#    sleep that holds them), with what it wrote (command_pipes_left_open).
source "$(dirname "$0")/lib.sh"
jq_setup exec_control

export JOBQ_RETRY_BASE=100ms JOBQ_RETRY_MAX=1s
J="$JOBQ_BIN_DIR/jobq"
chmod 755 "$T"
cat >"$T/ctl" <<'SCRIPT'
#!/bin/sh
# $1: what to do; the payload is ignored.
case "$1" in
progress)
  [ "$JOBQ_CONTROL_FD" = 3 ] || exit 9
  echo '{"op":"progress","progress":{"step":1,"of":2}}' >&3
  echo '{"op":"log","level":"warn","msg":"hello from the command"}' >&3
  sleep 6   # step 1 stays while the test reads it (with 2.5 s a loaded CI run missed it)
  printf '{"op":"progress","progress":{"step":2,"of":2}}' >&3   # no newline: the end counts
  exec 3>&-
  echo '{"done":true}' ;;
retry)   echo '{"op":"retry_in","retry_in":4}' >&3; exit 3 ;;
retry_s) echo '{"op":"retry_in","retry_in":"3s"}' >&3; exit 75 ;;
retry_ok) echo '{"op":"retry_in","retry_in":30}' >&3; echo 1 ;;
retry_perm) echo '{"op":"retry_in","retry_in":30}' >&3; exit 65 ;;
bad)
  echo 'not json' >&3
  echo '{"op":"frobnicate"}' >&3
  echo '{"op":"result","result":1}' >&3
  echo '{"op":"progress"' >&3
  head -c 1100000 /dev/zero | tr '\0' 'x' >&3; echo >&3
  echo '[1,2]' >&3
  echo '"str"' >&3
  echo '{"op":"progress","progress":{"after":"bad"}}' >&3
  echo ok ;;
closed) exec 3>&-; echo closed ;;
daemon)   # a process out of the group that keeps stdout, stderr and 3 open
  setsid sh -c ': >"$1"; exec sleep "31.$2"' sh "$3" "$2" &
  n=0; while [ ! -e "$3" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
  echo '"started"' ;;
esac
SCRIPT
chmod 755 "$T/ctl"
cat >"$T/jobq.conf" <<CONF
handlers = (
  { type = "ctl_progress"; command = [ "$T/ctl", "progress" ]; },
  { type = "ctl_retry"; command = [ "$T/ctl", "retry" ]; },
  { type = "ctl_retry_s"; command = [ "$T/ctl", "retry_s" ]; },
  { type = "ctl_retry_ok"; command = [ "$T/ctl", "retry_ok" ]; },
  { type = "ctl_retry_perm"; command = [ "$T/ctl", "retry_perm" ]; },
  { type = "ctl_bad"; command = [ "$T/ctl", "bad" ]; },
  { type = "ctl_closed"; command = [ "$T/ctl", "closed" ]; },
  { type = "ctl_daemon"; command = [ "$T/ctl", "daemon", "$$", "$T/daemon.ready" ]; }
);
CONF
check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 4 --config "$T/jobq.conf"
LOG=$(log_of w1)

# ---- progress and log
id=$("$J" submit ctl_progress '{}')
wait_for 15 "the first progress is in jobs.progress while it runs" sql_is 'running|{"of": 2, "step": 1}' \
  "select status, progress from jobs where id='$id'" || true
check_status "jobq status ID exits 0" 0 jobq status "$id"
check "jobq status shows it" grep -Eq '^progress: +\{"of": 2, "step": 1\}' "$OUT_FILE"
wait_for 15 "the job succeeded" sql_is succeeded "select status from jobs where id='$id'" || true
check_eq "the last progress (no newline, then closed) is kept" '{"of": 2, "step": 2}' \
  "$(sql "select progress from jobs where id='$id'")"
check_eq "its result is its stdout" '{"done": true}' "$(sql "select result from jobs where id='$id'")"
check "the log line is in the worker's log with the job id" \
  grep -Eq "level=warn .*event=handler_log .*job=$id .*msg=\"hello from the command\"" "$LOG"

# ---- retry_in
id=$("$J" submit --max-attempts 2 ctl_retry '{}')
wait_for 15 "retry_in 4 then exit 3: scheduled" sql_is scheduled "select status from jobs where id='$id'" || true
# the failure's time from its history (updated_at moves again once the job is due)
check_eq "run_after is 4 s after the failure" t \
  "$(sql "select run_after - $(event_at "$id" scheduled) between interval '3.9 s' and interval '4.1 s' from jobs where id='$id'")"
check_eq "the error is the exit status" "exit status 3" "$(sql "select error from jobs where id='$id'")"
id=$("$J" submit --max-attempts 2 ctl_retry_s '{}')
wait_for 15 "retry_in \"3s\" then exit 75: scheduled" sql_is scheduled "select status from jobs where id='$id'" || true
check_eq "run_after is 3 s after the failure" t \
  "$(sql "select run_after - $(event_at "$id" scheduled) between interval '2.9 s' and interval '3.1 s' from jobs where id='$id'")"
id=$("$J" submit ctl_retry_ok '{}')
wait_for 15 "retry_in then exit 0: succeeded" sql_is succeeded "select status from jobs where id='$id'" || true
id=$("$J" submit --max-attempts 3 ctl_retry_perm '{}')
wait_for 15 "retry_in then exit 65: failed at attempt 1" sql_is "failed|1" \
  "select status, attempt from jobs where id='$id'" || true

# ---- bad lines
id=$("$J" submit ctl_bad '{}')
wait_for 20 "bad control lines: the job still succeeds" sql_is succeeded "select status from jobs where id='$id'" || true
check_eq "a good progress after the bad lines still counts" '{"after": "bad"}' \
  "$(sql "select progress from jobs where id='$id'")"
check_eq "5 control_line_ignored warnings for the job" 5 \
  "$(grep -c "event=control_line_ignored .*job=$id" "$LOG" || true)"
check "the first names the line that is not JSON" grep -Eq "event=control_line_ignored .*job=$id .*error=\"[^\"]*JSON" "$LOG"
check "then a count of the rest (2 more)" grep -Eq "event=control_lines_ignored .*job=$id .*count=2" "$LOG"

# ---- closed at once
id=$("$J" submit ctl_closed '{}')
wait_for 15 "a command that closes descriptor 3 succeeds" sql_is succeeded "select status from jobs where id='$id'" || true

# ---- a process outside the group keeps the pipes open
id=$("$J" submit ctl_daemon '{}')
wait_for 30 "a command that leaves a setsid process holding its pipes still ends" sql_is succeeded \
  "select status from jobs where id='$id'" || true
check_eq "with what it wrote before it ended" '"started"' "$(sql "select result from jobs where id='$id'")"
check_eq "soon after its end, not when the 31 s sleep lets the pipes go (under 10 s)" t \
  "$(sql "select finished_at - started_at < interval '10 s' from jobs where id='$id'")"
check "the worker logged command_pipes_left_open" grep -q "event=command_pipes_left_open .*job=$id" "$LOG"
pkill -f "sleep 31.$$" || true

check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
