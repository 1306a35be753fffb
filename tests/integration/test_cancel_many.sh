#!/usr/bin/env bash
# test_cancel_many — cancel 50 running jobs at once (issue 4, docs/design.md §7):
#  - 50 sleep {"seconds":60} jobs (one --batch) run on 2 consumers (concurrency 25 each);
#    both hold some of them;
#  - one `jobq cancel --wait` call with all 50 ids exits 0, prints 50 "ID stopped (cancelled)
#    in N ms" lines, and every job ends cancelled with exactly one terminal transition
#    (running→cancelled, by the worker that ran it, attempt 1);
#  - the stop times from the database (finished_at − cancel_requested_at) are reported as
#    `# note` lines (median, p99, max) and the slowest is under 3 s;
#  - afterwards nothing runs, jobq.default has 0 ready and 0 unacked messages, and both
#    workers still serve (a noop job succeeds).
source "$(dirname "$0")/lib.sh"
jq_setup cancel_many

J="$JOBQ_BIN_DIR/jobq"
N=50
qs_is() { [[ "$(queue_stat "$1" "$2")" == "$3" ]]; }
drained() { qs_is jobq.default messages_ready 0 && qs_is jobq.default messages_unacknowledged 0; }

check --fatal "migrate" jobq migrate
JOBQ_SHUTDOWN_TIMEOUT=2s start_consumer w1 --worker-id w1 --concurrency 25
JOBQ_SHUTDOWN_TIMEOUT=2s start_consumer w2 --worker-id w2 --concurrency 25

for ((i = 0; i < N; i++)); do echo '{"type":"sleep","payload":{"seconds":60}}'; done >"$T/batch.jsonl"
check_status "submit --batch of $N sleep jobs exits 0" 0 "$J" submit --batch "$T/batch.jsonl"
mapfile -t ids <"$OUT_FILE"
check_eq "$N ids printed" "$N" "${#ids[@]}"
wait_for 30 "all $N jobs running" sql_is "$N" "select count(*) from jobs where status='running'" || true
check_eq "both workers run some of them (w1, w2 = 25, 25)" "w1=25 w2=25" \
  "$(sql "select string_agg(worker_id || '=' || n, ' ' order by worker_id) from (select worker_id, count(*) n from jobs where status='running' group by worker_id) x")"

t0=$(_jq_now_ms)
check_status "one cancel --wait with all $N ids exits 0" 0 \
  timeout 60 "$J" cancel --wait --timeout 40s --reason "mass cancel" "${ids[@]}"
dt=$(( $(_jq_now_ms) - t0 ))
check_eq "... $N 'stopped (cancelled) in N ms' lines" "$N" \
  "$(grep -Ec '^[0-9a-f-]{36} stopped \(cancelled\) in [0-9.]+ ms$' "$OUT_FILE" || true)"
check_eq "... one line per id" "$N" "$(cut -d' ' -f1 "$OUT_FILE" | sort -u | grep -cFf <(printf '%s\n' "${ids[@]}") || true)"
note "cancel --wait of $N running jobs took $dt ms in all"

check_eq "all $N jobs cancelled, with the reason" "$N" \
  "$(sql "select count(*) from jobs where status='cancelled' and cancel_reason='mass cancel'")"
check_eq "each has exactly one terminal transition, running→cancelled" "$N" \
  "$(sql "select count(*) from (select job_id from job_events where to_status in ('succeeded','failed','cancelled') group by job_id having count(*) = 1 and bool_and(from_status = 'running' and to_status = 'cancelled')) x")"
check_eq "each was run once (attempt 1) and cancelled by the worker that ran it" "$N" \
  "$(sql "select count(*) from jobs j where attempt = 1 and (select count(*) from job_events e where e.job_id = j.id and e.to_status = 'running') = 1
          and worker_id = (select e.worker_id from job_events e where e.job_id = j.id and e.to_status = 'cancelled')")"

stats=$(sql "select round(percentile_cont(0.5) within group (order by ms)::numeric, 1),
                    round(percentile_cont(0.99) within group (order by ms)::numeric, 1),
                    round(max(ms)::numeric, 1), round(min(ms)::numeric, 1)
             from (select extract(epoch from finished_at - cancel_requested_at) * 1000 as ms
                   from jobs where status = 'cancelled') x")
IFS='|' read -r med p99 max min <<<"$stats"
note "cancel-many: $N running jobs, stop_ms (finished_at - cancel_requested_at): median $med ms, p99 $p99 ms"
note "cancel-many: min $min ms, max $max ms"
check "the slowest stop ($max ms) is under 3 s" awk -v m="${max:-99999}" 'BEGIN { exit !(m < 3000) }'

check_eq "nothing is running" 0 "$(sql "select count(*) from jobs where status='running'")"
wait_for 15 "jobq.default drained: 0 ready, 0 unacked" drained || true
check_status "a noop job still succeeds afterwards" 0 timeout 20 "$J" submit noop --wait
check_status "w1 stops cleanly" 0 stop_consumer w1
check_status "w2 stops cleanly" 0 stop_consumer w2
