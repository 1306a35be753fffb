#!/usr/bin/env bash
# test_priority — priorities (docs/scheduling.md "Priorities", docs/design.md §5-§6):
#  - `jobq migrate` declares each queue's express queue (jobq.default.express);
#  - bad input: --priority outside 0..9 or not a number, a batch line's "priority" of 10, a
#    queue named *.express, the SQL API's priority 10 and "priority": "x": exit 2 (or SQLSTATE
#    22023) with one line naming what is wrong; nothing saved;
#  - a priority job is saved unpublished (its submitter leaves it to the relay);
#  - ordering: with no consumer running, 18 jobs of priorities 1..9 submitted in mixed order;
#    one consumer at concurrency 1 then starts them in priority order (highest first, and
#    oldest first within a priority), exactly: the relay releases all 18 in one take (the
#    window, 64, is larger than the set), in that order, to the express queue, and the
#    consumer takes express deliveries highest priority first;
#  - a priority job that fails and retries runs again through the express path: its queue's
#    express queue delivered it twice, its ordinary queue never; `jobq retry` of it publishes
#    it to the express queue as well (two more deliveries there, none on the ordinary one);
#  - `jobq status --json` and `jobq list --json` show the priority; the SQL API takes it
#    (jobq_submit(..., priority => 7), jobq_submit_many's "priority"), and a call without it
#    still means priority 0.
source "$(dirname "$0")/lib.sh"
jq_setup priority

export JOBQ_RETRY_BASE=100ms JOBQ_RETRY_MAX=1s
check --fatal "migrate" jobq migrate
check "migrate declared jobq.default.express" mgmt_get "queues/jobq.default.express"
check_eq "jobs.priority defaults to 0" "0" \
  "$(sql "select column_default from information_schema.columns where table_name='jobs' and column_name='priority'")"

# ---- bad input
check_status "--priority 10 exits 2" 2 jobq submit noop --priority 10
check "  the message names --priority and its range" grep -q -- "--priority.*10" "$ERR_FILE"
check_eq "  one line" 1 "$(wc -l <"$ERR_FILE")"
check_status "--priority x exits 2" 2 jobq submit noop --priority x
check "  the message names --priority" grep -q -- "--priority" "$ERR_FILE"
check_status "--priority -1 exits 2" 2 jobq submit noop --priority -1
printf '{"type":"noop"}\n{"type":"noop","priority":10}\n' >"$T/bad.jsonl"
check_status "a batch line with priority 10 exits 2" 2 jobq submit --batch "$T/bad.jsonl"
check "  the message names line 2 and the field" grep -q 'bad.jsonl:2: "priority" must be a whole number from 0 to 9' "$ERR_FILE"
check_status "--queue q.express exits 2" 2 jobq submit noop --queue q.express
check "  the message says why" grep -q "ending in .express is kept for express queues" "$ERR_FILE"
check_status "SQL API: priority 10 is refused" 1 \
  psql -XAtq "$JOBQ_DATABASE_URL" -v ON_ERROR_STOP=1 -c "select jobq_submit('noop', priority => 10)"
check "  with the one-line message" grep -q "priority 10 is not a whole number from 0 to 9" "$ERR_FILE"
check_status "SQL API: jobq_submit_many with \"priority\": \"x\" is refused" 1 \
  psql -XAtq "$JOBQ_DATABASE_URL" -v ON_ERROR_STOP=1 -c "select jobq_submit_many('[{\"type\":\"noop\",\"priority\":\"x\"}]')"
check "  naming the job and the field" grep -q 'job 1: "priority" must be a whole number from 0 to 9' "$ERR_FILE"
check_status "SQL API: queue q.express is refused" 1 \
  psql -XAtq "$JOBQ_DATABASE_URL" -v ON_ERROR_STOP=1 -c "select jobq_submit('noop', queue => 'q.express', priority => 1)"
check_eq "nothing was saved" 0 "$(sql "select count(*) from jobs")"

# ---- ordering: submitted with no consumer running, started in priority order
order="3 9 1 5 7 2 8 4 6 6 4 8 2 7 5 1 9 3"
for p in $order; do
  check_status "submit noop --priority $p" 0 jobq submit noop "{\"p\":$p}" --priority "$p"
done
check_eq "18 priority jobs saved queued and unpublished" "18" \
  "$(sql "select count(*) from jobs where priority > 0 and status = 'queued' and published_at is null")"
check_eq "no message on the ordinary queue" "[]" "$(queue_get jobq.default)"
check_eq "none on the express queue yet (no relay runs)" "[]" "$(queue_get jobq.default.express)"

start_consumer w1 --worker-id w1 --concurrency 1
wait_for 60 "18 priority jobs succeeded" sql_is 18 "select count(*) from jobs where priority > 0 and status = 'succeeded'"
got=$(sql "select string_agg(priority::text, ' ' order by started_at, id) from jobs where priority > 0")
check_eq "started highest priority first" "9 9 8 8 7 7 6 6 5 5 4 4 3 3 2 2 1 1" "$got"
check_eq "oldest first within a priority" "0" \
  "$(sql "select count(*) from jobs a join jobs b on a.priority = b.priority and a.created_at < b.created_at
          where a.priority > 0 and a.started_at > b.started_at")"
check_eq "each ran once" "0" "$(terminal_anomalies "priority > 0")"

# ---- status and list show the priority; the SQL API takes it
id=$(sql "select id from jobs where priority = 9 limit 1")
check_status "status --json" 0 jobq status --json "$id"
check_eq "  priority 9" 9 "$(json_get 'd["priority"]' <<<"$OUT")"
check_status "list --json" 0 jobq list --json --limit 100
check_eq "  list shows each job's priority" "18" "$(json_get 'sum(1 for j in d if j["priority"] > 0)' <<<"$OUT")"
sid=$(sql "select jobq_submit('noop', queue => 'default', priority => 7)")
mids=$(sql "select array_to_string(jobq_submit_many('[{\"type\":\"noop\",\"priority\":3},{\"type\":\"noop\"}]'), ' ')")
did=$(sql "select jobq_submit('noop')")
wait_for 30 "the SQL API's jobs succeeded" sql_is 4 \
  "select count(*) from jobs where status = 'succeeded' and (id in ('$sid', '$did') or id = any(string_to_array('$mids', ' ')::uuid[]))"
check_eq "their priorities: 7, 3, 0 and 0 (no priority given)" "7 3 0 0" \
  "$(sql "select priority from jobs where id = '$sid'") $(sql "select string_agg(priority::text, ' ' order by priority desc) from jobs where id = any(string_to_array('$mids', ' ')::uuid[])") $(sql "select priority from jobs where id = '$did'")"

# ---- a priority job that fails and retries runs again through the express queue
stop_consumer w1
start_consumer w2 --worker-id w2 --concurrency 2 --queues default,retryq
check_status "submit fail --priority 5 --queue retryq --max-attempts 2 --wait exits 1" 1 \
  timeout 60 "$JOBQ_BIN_DIR/jobq" submit fail '{"message":"boom"}' --priority 5 --queue retryq --max-attempts 2 --wait
rid=$(sed -n 1p <<<"$OUT")
check_eq "it failed after 2 attempts" "failed|2|5" \
  "$(sql "select status, attempt, priority from jobs where id = '${rid:-00000000-0000-0000-0000-000000000000}'")"
check_eq "  one retry scheduled" 1 \
  "$(sql "select count(*) from job_events where job_id = '${rid:-00000000-0000-0000-0000-000000000000}' and from_status = 'running' and to_status = 'scheduled'")"
# message_stats refresh every 5 s
wait_for 20 "jobq.retryq.express delivered it twice" queue_deliveries_are jobq.retryq.express "2|0|2"
check_eq "jobq.retryq never delivered it" "0" \
  "$(mgmt_get "queues/jobq.retryq" | json_get "(d.get('message_stats') or {}).get('deliver_get', 0)")"
# `jobq retry` publishes it itself, to the express queue too
check_status "jobq retry of the failed priority job" 0 jobq retry "${rid:-00000000-0000-0000-0000-000000000000}"
wait_for 30 "it failed again after 2 more attempts" sql_is "failed|2" \
  "select status || '|' || attempt from jobs where id = '${rid:-00000000-0000-0000-0000-000000000000}' and finished_at > (select max(at) from job_events where job_id = '${rid:-00000000-0000-0000-0000-000000000000}' and from_status = 'failed')"
wait_for 20 "jobq.retryq.express delivered it 4 times in all" queue_deliveries_are jobq.retryq.express "4|0|4"
check_eq "jobq.retryq still never delivered it" "0" \
  "$(mgmt_get "queues/jobq.retryq" | json_get "(d.get('message_stats') or {}).get('deliver_get', 0)")"
stop_consumer w2

# ---- a priority with a key's window (migration 0018 keeps 0016's unique_for): both stored,
# through the CLI (single and batch) and through the SQL API (named and positional)
window_of() {  # KEY: "priority|window in seconds" of the job holding KEY
  sql "select priority || '|' || extract(epoch from unique_until - created_at)::int
       from jobs where idempotency_key = '$1'"
}
check_status "submit --key --unique-for 1h --priority 6" 0 \
  jobq submit noop --key both-cli --unique-for 1h --priority 6 --delay 1h
bid=$OUT
check_eq "  priority 6 and a window of 3600 s" "6|3600" "$(window_of both-cli)"
check_status "  the same submit again" 0 jobq submit noop --key both-cli --unique-for 1h --priority 6
check_eq "  returns the same job" "$bid" "$OUT"
printf '{"type":"noop","key":"both-batch","unique_for":"90s","priority":3,"delay":"1h"}\n' >"$T/both.jsonl"
check_status "a batch line with unique_for and priority" 0 jobq submit --batch "$T/both.jsonl"
check_eq "  priority 3 and a window of 90 s" "3|90" "$(window_of both-batch)"
check_status "SQL API: jobq_submit(key, unique_for, priority) by name" 0 \
  sql "select jobq_submit('noop', key => 'both-sql', unique_for => interval '30 minutes', priority => 4,
                          run_at => now() + interval '1 hour')"
check_eq "  priority 4 and a window of 1800 s" "4|1800" "$(window_of both-sql)"
check_status "SQL API: jobq_submit positional, unique_for 9th and priority 10th" 0 \
  sql "select jobq_submit('noop', '{}', 'default', now() + interval '1 hour', null, 'both-pos', null,
                          null, interval '10 minutes', 2)"
check_eq "  priority 2 and a window of 600 s" "2|600" "$(window_of both-pos)"
check_status "SQL API: jobq_submit_many with unique_for and priority" 0 \
  sql "select jobq_submit_many('[{\"type\":\"noop\",\"key\":\"both-many\",\"unique_for\":120,\"priority\":8,\"delay\":3600}]')"
check_eq "  priority 8 and a window of 120 s" "8|120" "$(window_of both-many)"
check_status "SQL API: unique_for without a key is still refused with a priority" 1 \
  psql -XAtq "$JOBQ_DATABASE_URL" -v ON_ERROR_STOP=1 -c "select jobq_submit('noop', unique_for => interval '1 hour', priority => 5)"
check "  unique_for needs a key" grep -q "unique_for needs a key" "$ERR_FILE"
check_status "cancel the five scheduled jobs" 0 \
  sql "select count(*) from jobq_cancel(array(select id from jobs where idempotency_key like 'both-%'))"

# ---- a paused queue's priority jobs are not released until it is resumed
check_status "queue pause pq" 0 jobq queue pause pq --reason test
start_consumer w3 --worker-id w3 --concurrency 1 --queues pq
check_status "submit noop --priority 5 --queue pq" 0 jobq submit noop --priority 5 --queue pq
pid5=$OUT
sleep 1.5  # 15 relay passes
check_eq "  not released while pq is paused" "queued|true" \
  "$(sql "select status || '|' || (published_at is null) from jobs where id = '${pid5:-00000000-0000-0000-0000-000000000000}'")"
check_eq "  nothing on jobq.pq.express" "[]" "$(queue_get jobq.pq.express)"
check_status "queue resume pq" 0 jobq queue resume pq
wait_for 30 "after the resume it is released and runs" sql_is succeeded \
  "select status from jobs where id = '${pid5:-00000000-0000-0000-0000-000000000000}'"
stop_consumer w3
