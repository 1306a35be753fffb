#!/usr/bin/env bash
# test_bulk — `jobq cancel` and `jobq retry` by filter (docs/cli.md "cancel", "retry"):
#  - with a consumer running 4 sleep jobs of tenant 42 (an hour each: they outlast the
#    test however slow the machine), and more of them queued and
#    scheduled, `cancel --meta tenant=42 --dry-run` prints the count and changes nothing;
#    the cancel then cancels the waiting ones at once and stops the running ones through
#    the broadcast (well before the next heartbeat, which is set to 60 s), counts printed;
#    the jobs of another tenant are untouched;
#  - 1,200 scheduled jobs are cancelled in batches of 500 (3 batches);
#  - `retry --meta batch=r1 --status failed` requeues exactly those failed jobs (a retry
#    transition in their history, and they run again), leaving batch r2 failed;
#  - a bulk action without a filter is refused unless --all is given; ids and filters do
#    not mix; a --status the action never applies to, and cancel's --timeout with filters,
#    are refused (exit 2, nothing changed);
#  - a retry of 250 jobs (more than one publish group of 100) publishes every one itself.
source "$(dirname "$0")/lib.sh"
jq_setup bulk

check --fatal "migrate" jobq migrate
# A heartbeat far away: a running job that stops within seconds was stopped by the broadcast.
JOBQ_HEARTBEAT_INTERVAL=60s JOBQ_SHUTDOWN_TIMEOUT=2s start_consumer w1 --worker-id w1 --concurrency 4

for ((i = 0; i < 4; i++)); do
  check_status "submit running-to-be sleep $i" 0 jobq submit --meta tenant=42 sleep '{"seconds":3600}'
done
wait_for 30 "4 jobs running" sql_is 4 "select count(*) from jobs where status='running'" || true
for ((i = 0; i < 10; i++)); do echo '{"type":"sleep","payload":{"seconds":3600},"metadata":{"tenant":"42"}}'; done >"$T/q.jsonl"
check_status "10 more of tenant 42 (queued: the worker is full)" 0 jobq submit --batch "$T/q.jsonl"
check_status "one scheduled of tenant 42" 0 jobq submit --delay 1h --meta tenant=42 sleep '{"seconds":3600}'
for ((i = 0; i < 3; i++)); do
  check_status "tenant 7's scheduled job $i" 0 jobq submit --delay 1h --meta tenant=7 sleep '{"seconds":1}'
done
states() { sql "select string_agg(s, ' ' order by s) from (select job_metadata->>'tenant' || ':' || status || '=' || count(*) s
                from jobs group by job_metadata->>'tenant', status) x"; }
before=$(states)

# ---- refusals
check_status "cancel without ids or filters: exit 2" 2 jobq cancel
check_status "cancel --dry-run without a filter: exit 2" 2 jobq cancel --dry-run
check "... says to give a filter or --all" grep -q "give a filter .* or --all" "$ERR_FILE"
check_status "retry --dry-run without a filter: exit 2" 2 jobq retry --dry-run
check_status "ids and filters together: exit 2" 2 jobq cancel --meta tenant=42 "$(sql "select id from jobs limit 1")"
check_status "--wait with filters: exit 2" 2 jobq cancel --wait --meta tenant=42
check_status "--after is not a bulk filter: exit 2" 2 jobq cancel --meta tenant=42 --after c000661fb90afdf7a1f9ec2b6a2a8443a83f191745cbcb9e5
check_status "cancel --status succeeded (cancel never applies): exit 2" 2 jobq cancel --status succeeded
check "... names --status and the states cancel acts on" \
  grep -q -- "--status: jobq cancel acts on scheduled, queued, running or waiting jobs, not succeeded" "$ERR_FILE"
check_status "retry --status queued (retry never applies): exit 2" 2 jobq retry --status queued --json
check "... names --status and the states retry acts on" \
  grep -q -- "--status: jobq retry acts on failed or cancelled jobs, not queued" "$ERR_FILE"
check_status "cancel --timeout with filters: exit 2" 2 jobq cancel --timeout 5s --meta tenant=42
check "... --timeout goes with --wait" grep -q -- "--timeout goes with --wait" "$ERR_FILE"
check_eq "nothing changed by the refusals" "$before" "$(states)"

# ---- dry run
check_status "cancel --meta tenant=42 --dry-run --json" 0 jobq cancel --meta tenant=42 --dry-run --json
check_eq "dry run: 15 matched, a sample of 10" "15 10 True" \
  "$(json_get 'str(d["matched"]) + " " + str(len(d["sample"])) + " " + str(d["dry_run"])' <"$OUT_FILE")"
check_status "cancel --meta tenant=42 --dry-run (text)" 0 jobq cancel --meta tenant=42 --dry-run
check "text dry run: 'would cancel 15 jobs'" grep -q '^would cancel 15 jobs (dry run' "$OUT_FILE"
check_status "cancel --all --dry-run --json" 0 jobq cancel --all --dry-run --json
check_eq "--all dry run: every waiting or running job (18)" 18 "$(json_get 'd["matched"]' <"$OUT_FILE")"
check_eq "nothing changed by the dry runs" "$before" "$(states)"

# ---- the cancel
t0=$(_jq_now_ms)
check_status "cancel --meta tenant=42 --json" 0 jobq cancel --meta tenant=42 --reason "tenant 42 off" --json
check_eq "counts: 11 cancelled, 4 stops requested, 0 finished, 1 batch" "11 4 0 1" \
  "$(json_get '" ".join(str(d[k]) for k in ("cancelled", "stop_requested", "already_finished", "batches"))' <"$OUT_FILE")"
if wait_for 20 "every job of tenant 42 cancelled" sql_is 15 \
  "select count(*) from jobs where job_metadata->>'tenant'='42' and status='cancelled'"; then
  note "15 jobs of tenant 42 cancelled, the 4 running ones stopped, $(( $(_jq_now_ms) - t0 )) ms after the command started"
fi
check_eq "the running ones were stopped by their worker: running -> cancelled" 4 \
  "$(sql "select count(*) from job_events e join jobs j on j.id = e.job_id
          where j.job_metadata->>'tenant'='42' and e.from_status='running' and e.to_status='cancelled'")"
check_eq "... within 10 s of the request (the heartbeat is 60 s away: the broadcast did it)" 0 \
  "$(sql "select count(*) from jobs where job_metadata->>'tenant'='42'
          and finished_at - cancel_requested_at > interval '10 s'")"
check_eq "the reason is recorded" 15 "$(sql "select count(*) from jobs where cancel_reason='tenant 42 off' or
  (job_metadata->>'tenant'='42' and status_reason like '%tenant 42 off%')")"
check_eq "tenant 7 untouched" "3" "$(sql "select count(*) from jobs where job_metadata->>'tenant'='7' and status='scheduled'")"
check_status "a second cancel finds nothing" 0 jobq cancel --meta tenant=42 --json
check_eq "... 0 0 0 batches" "0 0 0" "$(json_get '" ".join(str(d[k]) for k in ("cancelled", "stop_requested", "batches"))' <"$OUT_FILE")"

# ---- batches of 500
for ((i = 0; i < 1200; i++)); do echo '{"type":"sleep","payload":{"seconds":1},"delay":"1h","metadata":{"load":"big"}}'; done >"$T/big.jsonl"
check_status "submit 1200 scheduled jobs" 0 jobq submit --batch "$T/big.jsonl"
check_status "cancel --meta load=big --status scheduled" 0 jobq cancel --meta load=big --status scheduled
check "text counts line" grep -q '^cancelled 1200 (scheduled or queued); stop requested for 0 running; 0 had finished meanwhile$' "$OUT_FILE"
check_eq "all 1200 cancelled" 1200 "$(sql "select count(*) from jobs where job_metadata->>'load'='big' and status='cancelled'")"
check_status "cancel --since 1h --type sleep --dry-run --json: the window is fixed at the start" 0 \
  jobq cancel --since 1h --type sleep --dry-run --json
check_eq "... 3 waiting jobs left (tenant 7)" 3 "$(json_get 'd["matched"]' <"$OUT_FILE")"

# ---- retry by filter
for ((i = 0; i < 5; i++)); do
  check_status "fail job r1 $i" 0 jobq submit --max-attempts 1 --meta batch=r1 fail '{"message":"boom"}'
  check_status "fail job r2 $i" 0 jobq submit --max-attempts 1 --meta batch=r2 fail '{"message":"boom"}'
done
wait_for 30 "10 jobs failed" sql_is 10 "select count(*) from jobs where status='failed'" || true
check_status "retry --meta batch=r1 --status failed --dry-run" 0 jobq retry --meta batch=r1 --status failed --dry-run --json
check_eq "... 5 matched" 5 "$(json_get 'd["matched"]' <"$OUT_FILE")"
check_eq "... nothing requeued" 0 "$(sql "select count(*) from job_events where reason='retry requested'")"
check_status "retry --meta batch=r1 --status failed --json" 0 jobq retry --meta batch=r1 --status failed --json
check_eq "counts: 5 requeued, 0 left to the relay, 0 skipped, 1 batch" "5 0 0 1" \
  "$(json_get '" ".join(str(d[k]) for k in ("requeued", "left_to_relay", "skipped", "batches"))' <"$OUT_FILE")"
check_eq "a retry transition for each r1 job, none for r2" "r1=5" \
  "$(sql "select string_agg(b || '=' || n, ' ') from (select j.job_metadata->>'batch' b, count(*) n from job_events e
          join jobs j on j.id = e.job_id where e.reason='retry requested' group by 1) x")"
wait_for 30 "the r1 jobs ran again and failed again" sql_is 5 \
  "select count(*) from jobs j where job_metadata->>'batch'='r1' and status='failed'
   and (select count(*) from job_events e where e.job_id=j.id and e.to_status='running') = 2" || true
check_eq "r2 ran once" 5 "$(sql "select count(*) from jobs j where job_metadata->>'batch'='r2' and status='failed'
   and (select count(*) from job_events e where e.job_id=j.id and e.to_status='running') = 1")"
check_status "retry (text) of cancelled tenant 7? none cancelled: 0 requeued" 0 jobq retry --meta tenant=7
check "text counts line" grep -q '^requeued 0; 0 left to the relay to publish; 0 changed state meanwhile' "$OUT_FILE"

# ---- a retry of more jobs than one publish group (100): each published by the command
for ((i = 0; i < 250; i++)); do echo '{"type":"sleep","payload":{"seconds":0},"delay":"1h","metadata":{"load":"r3"}}'; done >"$T/r3.jsonl"
check_status "submit 250 scheduled jobs" 0 jobq submit --batch "$T/r3.jsonl"
check_status "cancel them" 0 jobq cancel --meta load=r3
check_status "retry --meta load=r3 --json" 0 jobq retry --meta load=r3 --json
check_eq "counts: 250 requeued, 0 left to the relay, 0 skipped, 1 page" "250 0 0 1" \
  "$(json_get '" ".join(str(d[k]) for k in ("requeued", "left_to_relay", "skipped", "batches"))' <"$OUT_FILE")"
check_eq "every one marked published when the command ended (not left to the relay)" 0 \
  "$(sql "select count(*) from jobs where job_metadata->>'load'='r3' and published_at is null")"
wait_for 60 "the 250 retried jobs ran" sql_is 250 \
  "select count(*) from jobs where job_metadata->>'load'='r3' and status='succeeded'" || true

check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
