#!/usr/bin/env bash
# test_retry_batch — retries of jobs that fail while their submitter is still publishing are
# not lost (docs/design.md §1.1 "nothing is lost", §6 relay):
#  - 1,000 `fail` jobs with max_attempts 2 submitted in one `submit --batch`; while the CLI
#    publishes the rest and collects confirms, the worker already claims and fails the first
#    ones, which go running → scheduled with published_at NULL (the relay's work);
#  - every job must end `failed` after exactly 2 attempts (two queued→running, one
#    running→scheduled, one terminal transition), bounded at 40 s;
#  - no `scheduled` row may carry a published_at that no publish of its current attempt made
#    (such a row is invisible to the relay and stays scheduled for ever).
source "$(dirname "$0")/lib.sh"
jq_setup retry_batch

N=1000
export JOBQ_RETRY_BASE=100ms JOBQ_RETRY_MAX=1s   # read by the consumer: a short backoff

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 8
wait_for 15 "the worker registered" sql_is 1 "select count(*) from workers where id='w1' and state='running'" || true

for ((i = 1; i <= N; i++)); do
  printf '{"type":"fail","payload":{"message":"boom %d"},"max_attempts":2}\n' "$i"
done >"$T/batch.jsonl"
t0=$(_jq_now_ms)
check_status "submit --batch of $N failing jobs exits 0" 0 timeout 60 "$JOBQ_BIN_DIR/jobq" submit --batch "$T/batch.jsonl"
check_eq "$N ids printed" "$N" "$(wc -l <"$OUT_FILE")"

if wait_for 40 "all $N jobs failed" sql_is "$N" "select count(*) from jobs where status='failed'"; then
  note "all $N failed after 2 attempts in $(( $(_jq_now_ms) - t0 )) ms"
else
  note "states: $(sql "select string_agg(format('%s, attempt %s, published_at %s: %s', status, attempt,
                                            case when p then 'set' else 'null' end, n), '; ')
                        from (select status, attempt, published_at is not null as p, count(*) n
                              from jobs group by 1, 2, 3) s")"
fi
check_eq "every job: failed after attempt 2" "$N" "$(sql "select count(*) from jobs where status='failed' and attempt=2")"
check_eq "no scheduled job is marked published (the relay would never publish it)" 0 \
  "$(sql "select count(*) from jobs where status='scheduled' and published_at is not null")"
check_eq "every job: exactly two queued->running" 0 "$(sql "
  select count(*) from (select j.id from jobs j left join job_events e
                          on e.job_id = j.id and e.from_status = 'queued' and e.to_status = 'running'
                        group by j.id having count(e.id) <> 2) x")"
check_eq "every job: exactly one terminal transition" 0 "$(sql "
  select count(*) from (select j.id from jobs j left join job_events e
                          on e.job_id = j.id and e.to_status in ('succeeded','failed','cancelled')
                        group by j.id having count(e.id) <> 1) x")"

check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
