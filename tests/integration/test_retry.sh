#!/usr/bin/env bash
# test_retry — failures, automatic retries and `jobq retry`:
#  - `submit fail --max-attempts 2 --wait` exits 1 and prints the handler's error; the row ends
#    failed with attempt=2 and error 'boom';
#  - its history (`jobq history` and job_events) shows both attempts: exactly two
#    queued→running, one running→scheduled (the retry backoff) and one terminal transition;
#  - a permanent failure ("permanent": true) fails after 1 attempt even with --max-attempts 5;
#  - `jobq retry ID` requeues a failed job (failed→queued, attempt back to 0) and it runs again
#    (and fails again → failed, one more terminal transition);
#  - `retry` of a succeeded job → exit 2; of an unknown id → exit 3; of a non-UUID → exit 2.
source "$(dirname "$0")/lib.sh"
jq_setup retry

# A short backoff keeps the test fast (the consumer reads these; the CLI ignores them).
export JOBQ_RETRY_BASE=100ms JOBQ_RETRY_MAX=1s
nlines() { local nl="${1//[!$'\n']/}"; if [[ -z "$1" ]]; then echo 0; else echo $(( ${#nl} + 1 )); fi; }
events() {  # ID FROM TO -> number of job_events rows FROM→TO of job ID ('' FROM = any)
  local cond="to_status='$3'"
  [[ -n "$2" ]] && cond+=" and from_status='$2'"
  sql "select count(*) from job_events where job_id='$1' and $cond"
}
terminal_events() { sql "select count(*) from job_events where job_id='$1' and to_status in ('succeeded','failed','cancelled')"; }

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 2

# ---- a retryable failure with 2 attempts
check_status "submit fail --max-attempts 2 --wait exits 1" 1 \
  timeout 30 "$JOBQ_BIN_DIR/jobq" submit fail '{"message":"boom"}' --max-attempts 2 --wait
id=$(sed -n 1p <<<"$OUT")
check "submit --wait printed the id first ($id)" test -n "$id" -a "$(sql "select count(*) from jobs where id='${id:-00000000-0000-0000-0000-000000000000}'" 2>/dev/null)" = 1
check "submit --wait printed the error 'boom'" grep -q boom "$OUT_FILE" "$ERR_FILE"
check_eq "row: failed, attempt 2, error boom" "failed|2|boom" \
  "$(sql "select status, attempt, error from jobs where id='$id'")"
check_eq "two queued->running" 2 "$(events "$id" queued running)"
check_eq "one running->scheduled (retry after backoff)" 1 "$(events "$id" running scheduled)"
check_eq "one running->failed" 1 "$(events "$id" running failed)"
check_eq "exactly one terminal transition" 1 "$(terminal_events "$id")"
check_eq "claims were attempts 1 and 2" "1,2" \
  "$(sql "select string_agg(attempt::text, ',' order by id) from job_events where job_id='$id' and to_status='running'")"

check_status "history ID exits 0" 0 jobq history "$id"
check_eq "history (text) shows two 'queued → running' lines" 2 "$(grep -c 'queued → running' "$OUT_FILE" || true)"
check "history (text) shows 'running → failed'" grep -q 'running → failed' "$OUT_FILE"
check_status "history --json ID exits 0" 0 jobq history --json "$id"
check_eq "history --json: attempts of the running transitions" "[1, 2]" \
  "$(json_get '[e["attempt"] for e in d if e["to_status"] == "running"]' <<<"$OUT" 2>/dev/null)"
check_eq "history --json: the last transition is running -> failed" '["running", "failed"]' \
  "$(json_get '[d[-1]["from_status"], d[-1]["to_status"]]' <<<"$OUT" 2>/dev/null)"

# ---- a permanent failure stops after one attempt
check_status "permanent failure with --max-attempts 5 --wait exits 1" 1 \
  timeout 30 "$JOBQ_BIN_DIR/jobq" submit fail '{"message":"perm","permanent":true}' --max-attempts 5 --wait
pid_=$(sed -n 1p <<<"$OUT")
check "the error 'perm' is printed" grep -q perm "$OUT_FILE" "$ERR_FILE"
check_eq "permanent: failed after attempt 1, error perm" "failed|1|5|perm" \
  "$(sql "select status, attempt, max_attempts, error from jobs where id='$pid_'")"
check_eq "permanent: one queued->running" 1 "$(events "$pid_" queued running)"
check_eq "permanent: no retry scheduled" 0 "$(events "$pid_" running scheduled)"
check_eq "permanent: one terminal transition" 1 "$(terminal_events "$pid_")"

# ---- jobq retry: a failed job runs again
check_status "retry of a failed job exits 0" 0 jobq retry "$pid_"
check_eq "retry prints 'requeued ID'" "requeued $pid_" "$OUT"
check_eq "history has failed->queued" 1 "$(events "$pid_" failed queued)"
check_eq "the retry's reason is 'retry requested'" "retry requested" \
  "$(sql "select reason from job_events where job_id='$pid_' and from_status='failed' and to_status='queued'")"
check_status "wait on the retried job exits 1 (it fails again)" 1 timeout 20 "$JOBQ_BIN_DIR/jobq" wait --timeout 15s "$pid_"
check_eq "retried job: failed again, attempt 1 (counted afresh)" "failed|1|perm" \
  "$(sql "select status, attempt, error from jobs where id='$pid_'")"
check_eq "retried job: two queued->running in all" 2 "$(events "$pid_" queued running)"
check_eq "retried job: one terminal transition per run (2)" 2 "$(terminal_events "$pid_")"
check_eq "retried job: last transition is running -> failed" "running|failed" \
  "$(sql "select from_status, to_status from job_events where job_id='$pid_' order by id desc limit 1")"

# retry the 2-attempt job too: it uses both attempts again, with the short backoff
t0=$(_jq_now_ms)
check_status "retry of the 2-attempt job exits 0" 0 jobq retry "$id"
check_status "it fails again after 2 more attempts" 1 timeout 20 "$JOBQ_BIN_DIR/jobq" wait --timeout 15s "$id"
note "retry with 2 attempts and JOBQ_RETRY_BASE=100ms took $(( $(_jq_now_ms) - t0 )) ms"
check_eq "2-attempt job: failed, attempt 2" "failed|2" "$(sql "select status, attempt from jobs where id='$id'")"
check_eq "2-attempt job: four queued->running in all" 4 "$(events "$id" queued running)"
check_eq "2-attempt job: two terminal transitions (one per run)" 2 "$(terminal_events "$id")"

# ---- retry refusals
check_status "submit noop --wait exits 0" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" submit noop --wait
ok_id=$(sed -n 1p <<<"$OUT")
check_eq "a noop job succeeded" succeeded "$(sql "select status from jobs where id='${ok_id:-00000000-0000-0000-0000-000000000000}'")"
check_status "retry of a succeeded job exits 2" 2 jobq retry "$ok_id"
check_eq "... with one line on stderr" 1 "$(nlines "$ERR")"
check_eq "... and the job is untouched" "succeeded|1" "$(sql "select status, count(e.*) from jobs j join job_events e on e.job_id=j.id and e.to_status='succeeded' where j.id='$ok_id' group by status")"
check_status "retry of an unknown id exits 3" 3 jobq retry 6a0c2f35-3f0e-4d7b-9d47-7c1d3b2f9e01
check_eq "... with one line on stderr" 1 "$(nlines "$ERR")"
check_status "retry of a non-UUID exits 2" 2 jobq retry not-a-uuid
check_eq "... with one line on stderr" 1 "$(nlines "$ERR")"

check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
