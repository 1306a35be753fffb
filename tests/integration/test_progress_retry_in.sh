#!/usr/bin/env bash
# test_progress_retry_in — progress reports and retry-in, through the built-in handlers
# (the persistent and command handlers' own paths have tests of their own):
#  - a running `sleep` job's progress ({"slept": S, "of": N}, reported each second) reaches
#    jobs.progress through the keeper's heartbeat while the job runs, with no statement per
#    report, and is shown by `jobq status` (text and --json) and `jobq list` (its PROGRESS
#    column, cut to 40 characters; --json whole);
#  - the last report is kept when the job ends (the outcome carries what no heartbeat wrote),
#    (a 1.5 s sleep reports once, at 1 s);
#  - `fail` with "retry_in": 3 is scheduled 3 s after it failed, not after the 100 ms
#    backoff this test configures, and runs again after that; "retry_in" with "permanent"
#    fails for good at once; a retry_in out of range fails permanently with a one-line error;
#  - `jobq workers` shows a BROKEN column ("-": none) and --json a broken_handlers array.
source "$(dirname "$0")/lib.sh"
jq_setup progress_retry_in

export JOBQ_RETRY_BASE=100ms JOBQ_RETRY_MAX=1s
check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 2

# ---- progress while running
# 8 s: the status check below wants it still running, and a loaded machine can spend
# seconds between the first report and it (the list checks read by type: a progress is kept
# after the end)
check_status "submit sleep 8 s" 0 jobq submit sleep '{"seconds": 8, "progress": true}'
id=$(sed -n 1p <<<"$OUT")
wait_for 15 "progress {slept: >=1} in jobs.progress while running" sql_is "running|t" \
  "select status, coalesce((progress->>'slept')::int >= 1, false) from jobs where id='$id'" || true
check_status "jobq status ID exits 0" 0 jobq status "$id"
check "jobq status shows the progress line" grep -Eq '^progress: +\{"of": 8, "slept": [0-9]+\}' "$OUT_FILE"
check_status "jobq status --json exits 0" 0 jobq status --json "$id"
check_eq "status --json: progress.of is 8" 8 "$(json_get 'd["progress"]["of"]' <<<"$OUT" 2>/dev/null)"
check_status "jobq list --type sleep exits 0" 0 jobq list --type sleep
check "jobq list has a PROGRESS column" grep -q 'PROGRESS' "$OUT_FILE"
check "jobq list shows the job's progress" grep -Eq "${id}.*\{\"of\": 8, \"slept\": [0-9]+\}" "$OUT_FILE"
check_status "jobq list --json exits 0" 0 jobq list --json --type sleep
check_eq "list --json: progress as JSON" 8 \
  "$(json_get "[j['progress']['of'] for j in d if j['id'] == '$id'][0]" <<<"$OUT" 2>/dev/null)"
wait_for 20 "the sleep job succeeded" sql_is succeeded "select status from jobs where id='$id'" || true
check_eq "the last report is kept after the end" '{"of": 8, "slept": 7}' \
  "$(sql "select progress from jobs where id='$id'")"

# ---- a long progress is cut in `jobq list`
sql "update jobs set progress = jsonb_build_object('text', repeat('x', 100)) where id='$id'" >/dev/null
check_status "jobq list --type sleep exits 0" 0 jobq list --type sleep
check "a long progress is cut with ..." grep -Eq "${id}.*\{\"text\": \"x+\.\.\.$" "$OUT_FILE"

# ---- the last report of a short job
check_status "submit sleep 1.5 s --wait" 0 jobq submit sleep '{"seconds": 1.5, "progress": true}' --wait
id2=$(sed -n 1p <<<"$OUT")
check_eq "a 1.5 s sleep ends with its one report" '{"of": 1.5, "slept": 1}' \
  "$(sql "select progress from jobs where id='$id2'")"

# ---- retry_in
check_status "submit fail with retry_in 3" 0 jobq submit fail '{"message": "later", "retry_in": 3}' --max-attempts 2
rid=$(sed -n 1p <<<"$OUT")
# The failure's time from the history: a poll of the status may miss the 3 s it is
# scheduled on a loaded machine, and updated_at moves again when it is due.
fail_at=$(event_at "$rid" scheduled)
wait_for 15 "the failure is scheduled" sql_is t "select $fail_at is not null" || true
check_eq "run_after is 3 s after the failure (not the 100 ms backoff)" t \
  "$(sql "select run_after - $fail_at between interval '2.9 s' and interval '3.1 s' from jobs where id='$rid'")"
# 1.5 s after the failure, not after the poll that saw it: a loaded machine may see it late
# (and past run_after nothing is left to check: the note says so)
late=$(sql "select extract(epoch from $fail_at + interval '1.5 s' - clock_timestamp())")
python3 -c 'import sys, time; time.sleep(max(0.0, float(sys.argv[1])))' "$late"
if [[ "$(sql "select clock_timestamp() < run_after - interval '0.2 s' from jobs where id='$rid'")" == t ]]; then
  check_eq "still scheduled 1.5 s after the failure" scheduled "$(sql "select status from jobs where id='$rid'")"
else
  note "1.5 s after the failure came past run_after: nothing left to check"
fi
wait_for 15 "attempt 2 ran and failed for good" sql_is "failed|2" "select status, attempt from jobs where id='$rid'" || true

check_status "fail permanent with retry_in --wait exits 1" 1 \
  timeout 30 "$JOBQ_BIN_DIR/jobq" submit fail '{"message": "no", "permanent": true, "retry_in": 3}' --max-attempts 3 --wait
pid_=$(sed -n 1p <<<"$OUT")
check_eq "permanent wins over retry_in: failed at attempt 1" "failed|1" \
  "$(sql "select status, attempt from jobs where id='$pid_'")"
check_status "fail with retry_in -1 --wait exits 1" 1 \
  timeout 30 "$JOBQ_BIN_DIR/jobq" submit fail '{"retry_in": -1}' --max-attempts 3 --wait
bid=$(sed -n 1p <<<"$OUT")
check_eq "a bad retry_in fails permanently with a one-line error" \
  "failed|1|fail: payload's retry_in must be a number of seconds, 0 to 365 days" \
  "$(sql "select status, attempt, error from jobs where id='$bid'")"

# ---- workers: the broken handlers
check_status "jobq workers exits 0" 0 jobq workers
check "jobq workers has a BROKEN column" grep -q 'BROKEN' "$OUT_FILE"
check "w1's BROKEN cell is -" grep -Eq '^w1 .* -$' "$OUT_FILE"
check_status "jobq workers --json exits 0" 0 jobq workers --json
check_eq "workers --json: w1's broken_handlers is []" "[]" \
  "$(json_get "[w['broken_handlers'] for w in d if w['id'] == 'w1'][0]" <<<"$OUT" 2>/dev/null)"
check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
