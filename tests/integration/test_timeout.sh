#!/usr/bin/env bash
# test_timeout — runtime limits (docs/design.md §8; issue 4 "Runtime limits"): a limit stops the job
# like a cancel and records a failed attempt with the error "timed out after DUR".
#  - `submit sleep {"seconds":30} --timeout 1s --max-attempts 1 --wait` exits 1 within a few
#    seconds; the job ends failed, attempt 1, error 'timed out after 1s', having run 1-2 s
#    (finished_at − started_at), with one terminal transition and no cancel request;
#  - a job that ends before its limit is not affected (sleep 0.2 s with --timeout 2s
#    succeeds);
#  - a command handler with `timeout = "1s"` (cooperative script, sleeping children) ends
#    failed with 'timed out after 1s' after 1-2 s, and no live process of its group is left;
#  - a command handler that ignores SIGTERM, `timeout = "1s"`, `cancel_grace = "500ms"`:
#    killed after limit + grace (1.5-3 s), failed, group gone;
#  - `submit --timeout 500ms` overrides the handler's 1s limit: 'timed out after 500ms';
#  - retry rules apply: with --max-attempts 2 (consumer JOBQ_RETRY_BASE=100ms) both attempts
#    time out (two queued→running, one running→scheduled), then the job is failed, attempt 2.
source "$(dirname "$0")/lib.sh"
jq_setup timeout

J="$JOBQ_BIN_DIR/jobq"
export JOBQ_RETRY_BASE=100ms JOBQ_RETRY_MAX=1s
U=$$   # this run's PID, the fraction of the sleeps that mark its processes
cat >"$T/jobq.conf" <<EOF
handlers = (
  { type = "slowcmd";
    command = [ "/bin/sh", "-c", "sleep 3337.$U & sleep 3338.$U; wait" ];
    timeout = "1s"; cancel_grace = "5s"; },
  { type = "stubborncmd";
    command = [ "/bin/sh", "-c", "trap '' TERM; sleep 3347.$U & sleep 3348.$U; wait" ];
    timeout = "1s"; cancel_grace = "500ms"; }
);
EOF
row() {  # ID -> status|attempt|error|cancel requested
  sql "select status, attempt, coalesce(error, ''), cancel_requested_at is not null from jobs where id='$1'"
}
ran_ms() { sql "select (extract(epoch from finished_at - started_at) * 1000)::int from jobs where id='$1'"; }
terminal_events() {
  sql "select count(*) from job_events where job_id='$1' and to_status in ('succeeded','failed','cancelled')"
}
events() { sql "select count(*) from job_events where job_id='$1' and from_status='$2' and to_status='$3'"; }
group_count() { ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/' | wc -l; }
# shim_of WORKER_PID: its child running jobq-exec-shim, from the kernel's list of its children
# (no scan of the process table: the shim of a 1 s job must be seen on a busy machine too).
shim_of() {
  local f c args kids=()
  for f in /proc/"$1"/task/*/children; do
    c=()
    read -r -a c 2>/dev/null <"$f" || true   # one line, no newline at its end
    kids+=("${c[@]}")
  done
  for c in "${kids[@]}"; do
    args=$(tr '\0' ' ' 2>/dev/null <"/proc/$c/cmdline") || continue
    [[ "$args" == "jobq-exec-shim "* ]] && { echo "$c"; return 0; }
  done
  return 0
}
has_shim() { [[ -n "$(shim_of "$1")" ]]; }
in_range() { test "${1:-0}" -ge "$2" -a "${1:-999999}" -le "$3"; }   # N LO HI

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 2
wpid=$(pid_of w1)

# ---------------------------------------------------------------- built-in sleep
cost=$(cli_cost_ms 00000000-0000-0000-0000-000000000000)
t0=$(_jq_now_ms)
check_status "submit sleep 30s --timeout 1s --max-attempts 1 --wait exits 1" 1 \
  timeout 30 "$J" submit sleep '{"seconds":30}' --timeout 1s --max-attempts 1 --wait
dt=$(( $(_jq_now_ms) - t0 ))
id=$(sed -n 1p "$OUT_FILE")
check "... the error is printed" grep -q 'timed out after 1s' "$OUT_FILE" "$ERR_FILE"
check_eq "... failed, attempt 1, error 'timed out after 1s', no cancel request" \
  "failed|1|timed out after 1s|f" "$(row "$id")"
ms=$(ran_ms "$id")
note "sleep with --timeout 1s: ran $ms ms (finished_at - started_at); submit --wait took $dt ms"
check "... it ran 1-2 s ($ms ms)" in_range "$ms" 1000 2000
check "... submit --wait returned within 4 s and a CLI call's $cost ms ($dt ms)" \
  test "$dt" -lt $(( 4000 + cost ))
check_eq "... one terminal transition, running→failed" "1|1" "$(terminal_events "$id")|$(events "$id" running failed)"

check_status "sleep 0.2 s with --timeout 2s succeeds" 0 \
  timeout 30 "$J" submit sleep '{"seconds":0.2}' --timeout 2s --wait
id=$(sed -n 1p "$OUT_FILE")
check_eq "... succeeded, no error" "succeeded|1||f" "$(row "$id")"

# ---------------------------------------------------------------- command handler limit
# run_cmd TYPE [SUBMIT ARGS]: submit TYPE --max-attempts 1 --wait in the background and record
# its process group while it runs; sets id, pgid, dt, STATUS. With NO_GROUP=1 it records no
# group (a job of 500 ms may end before a loaded machine's poll sees its shim).
run_cmd() {
  local type="$1"; shift
  t0=$(_jq_now_ms)
  ( set +e; timeout 30 "$J" submit "$type" '{}' --max-attempts 1 --wait "$@" >"$T/sub.out" 2>"$T/sub.err"; echo $? >"$T/sub.rc" ) &
  local sub=$!
  pgid=""
  if [[ -z "${NO_GROUP:-}" ]]; then
    wait_for 10 "$type: the shim is started" has_shim "$wpid" || true
    pgid=$(shim_of "$wpid")
  fi
  wait "$sub" || true
  dt=$(( $(_jq_now_ms) - t0 ))
  STATUS=$(cat "$T/sub.rc")
  id=$(sed -n 1p "$T/sub.out")
}

run_cmd slowcmd
live=$(group_count "${pgid:-0}")
check_eq "slowcmd (timeout 1s): submit --wait exits 1" 1 "$STATUS"
check_eq "... failed, attempt 1, error 'timed out after 1s'" "failed|1|timed out after 1s|f" "$(row "$id")"
ms=$(ran_ms "$id")
note "command handler with timeout 1s (cooperative): ran $ms ms"
check "... it ran 1-2 s ($ms ms)" in_range "$ms" 1000 2000
check_eq "... no live process of its group ($pgid) is left" 0 "$live"
check_eq "... one terminal transition" 1 "$(terminal_events "$id")"

run_cmd stubborncmd
live=$(group_count "${pgid:-0}")
check_eq "stubborncmd (timeout 1s, grace 500ms, ignores TERM): submit --wait exits 1" 1 "$STATUS"
check_eq "... failed, attempt 1, error 'timed out after 1s'" "failed|1|timed out after 1s|f" "$(row "$id")"
ms=$(ran_ms "$id")
note "command handler with timeout 1s ignoring SIGTERM (grace 500ms): ran $ms ms"
check "... killed after limit + grace: ran 1.5-3 s ($ms ms)" in_range "$ms" 1480 3000
check_eq "... no live process of its group ($pgid) is left" 0 "$live"
check_eq "... no 'sleep 3347/3348' anywhere" 0 "$(pgrep -fx "sleep 334[78]\\.$U" | wc -l)"

NO_GROUP=1 run_cmd slowcmd --timeout 500ms
check_eq "slowcmd with submit --timeout 500ms: exits 1" 1 "$STATUS"
check_eq "... the job's own limit wins: 'timed out after 500ms'" "failed|1|timed out after 500ms|f" "$(row "$id")"
ms=$(ran_ms "$id")
check "... it ran 0.5-1.5 s ($ms ms)" in_range "$ms" 500 1500

# ---------------------------------------------------------------- retries apply
t0=$(_jq_now_ms)
check_status "sleep 30s --timeout 1s --max-attempts 2 --wait exits 1" 1 \
  timeout 30 "$J" submit sleep '{"seconds":30}' --timeout 1s --max-attempts 2 --wait
dt=$(( $(_jq_now_ms) - t0 ))
id=$(sed -n 1p "$OUT_FILE")
note "two timed-out attempts with JOBQ_RETRY_BASE=100ms took $dt ms"
check_eq "... failed, attempt 2, error 'timed out after 1s'" "failed|2|timed out after 1s|f" "$(row "$id")"
check_eq "... two queued→running, one running→scheduled, one running→failed" "2|1|1" \
  "$(events "$id" queued running)|$(events "$id" running scheduled)|$(events "$id" running failed)"
check_eq "... the retry was scheduled with the timeout as its reason" "failed, retry scheduled" \
  "$(sql "select reason from job_events where job_id='$id' and to_status='scheduled'")"
check_eq "... one terminal transition" 1 "$(terminal_events "$id")"
# from the database's clock: the CLI's start is no part of it
ms=$(sql "select (extract(epoch from finished_at - created_at) * 1000)::int from jobs where id='$id'")
check "... both attempts took 2-5 s in all, from the submit's commit to the end ($ms ms)" \
  in_range "$ms" 2000 5000

check_eq "nothing is running" 0 "$(sql "select count(*) from jobs where status='running'")"
check_eq "the worker has no child process left" 0 "$(pgrep -P "$wpid" | wc -l)"
check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
