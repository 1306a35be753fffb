#!/usr/bin/env bash
# test_recovery_submit_fault — a submitter that dies between its insert and its publish loses
# nothing: the outbox relay publishes the job (docs/design.md §1.1, §6 "Relay (outbox)"):
#  - needs a build with -DJOBQ_FAULT_POINTS=ON (scripts/check builds one); skipped otherwise;
#  - JOBQ_FAULT=submit_after_insert jobq submit noop → exit 86 right after its commit, with no
#    id printed; the row is queued with published_at NULL and jobq.default holds no message;
#  - a consumer started afterwards (JOBQ_RELAY_GRACE=1s for the CLI, which sets the row's
#    publish_after, and for the consumer) publishes it once the grace is over, and it
#    succeeds: one queued->running, one terminal transition, attempt 1;
#  - a second dying submit while that consumer runs is published by its relay too, not before
#    the grace (published_at − created_at >= 1 s) and well within a few relay rounds.
source "$(dirname "$0")/lib.sh"
jq_setup recovery_submit_fault

export JOBQ_RELAY_GRACE=1s
check --fatal "migrate" jobq migrate

STATUS=0
env JOBQ_FAULT=submit_after_insert "$JOBQ_BIN_DIR/jobq" submit noop '{"n":1}' </dev/null >"$T/f.out" 2>"$T/f.err" || STATUS=$?
if [[ "$STATUS" == 0 ]]; then
  note "SKIP: this build has no fault points (-DJOBQ_FAULT_POINTS=OFF; scripts/check builds with them)"
  exit 0
fi
check_eq "JOBQ_FAULT=submit_after_insert jobq submit noop exits 86" 86 "$STATUS"
check_eq "it printed no id" "" "$(cat "$T/f.out")"
check_eq "one row: queued, published_at NULL" "1|queued|t" \
  "$(sql "select count(*), min(status), bool_and(published_at is null) from jobs")"
id=$(sql "select id from jobs where payload->>'n' = '1'")
no_message() { [[ "$(queue_stat jobq.default messages)" == 0 ]]; }
sleep 1.5   # one management stats interval and more: a published message would show by now
check "jobq.default holds no message" no_message
check_status "jobq status shows it as not yet published" 0 jobq status "$id"
check "... 'published: not yet'" grep -Eq '^published: +not yet' "$OUT_FILE"

t0=$(_jq_now_ms)
start_consumer w1 --worker-id f1 --concurrency 2
wait_for 20 "the relay publishes it and it succeeds" sql_is succeeded "select status from jobs where id='$id'" || true
note "first job: succeeded $(( $(_jq_now_ms) - t0 )) ms after the consumer started"
check_eq "succeeded, attempt 1, published" "succeeded|1|t" \
  "$(sql "select status, attempt, published_at is not null from jobs where id='$id'")"
check_eq "one queued->running" 1 "$(sql "select count(*) from job_events where job_id='$id' and from_status='queued' and to_status='running'")"
check_eq "one terminal transition" 0 "$(terminal_anomalies "j.id='$id'")"

# ---- with the consumer already running: its relay waits for the grace, then publishes
check_status "a second dying submit exits 86" 86 \
  env JOBQ_FAULT=submit_after_insert "$JOBQ_BIN_DIR/jobq" submit noop '{"n":2}'
id2=$(sql "select id from jobs where payload->>'n' = '2'")
check "its row exists" test -n "$id2"
wait_for 15 "the relay publishes it and it succeeds" sql_is succeeded "select status from jobs where id='$id2'" || true
lag=$(sql "select (extract(epoch from published_at - created_at) * 1000)::int from jobs where id='$id2'")
note "second job: published ${lag} ms after its insert (relay grace 1 s, relay every 1 s)"
check "published no earlier than the grace (${lag} ms >= 1000 ms)" test "${lag:-0}" -ge 1000
check "published within a few relay rounds (${lag} ms < 5000 ms)" test "${lag:-99999}" -lt 5000
check_eq "second job: succeeded, attempt 1, one terminal transition" "succeeded|1|0" \
  "$(sql "select status, attempt, $(terminal_anomalies "j.id='$id2'") from jobs where id='$id2'")"

# ---- an ordinary submit still publishes by itself
check_status "a submit without the fault point exits 0" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" submit noop --wait
check_status "the consumer drains and exits 0 on TERM" 0 stop_consumer w1
