#!/usr/bin/env bash
# test_metrics — the consumer's Prometheus endpoint (--metrics ADDR) reports what it did:
# claims, outcomes by kind, retries, cancels by path, the duration and queue-wait
# histograms' counts and cumulative buckets, the running-jobs gauge and a fresh heartbeat; unknown paths are 404.
source "$(dirname "$0")/lib.sh"
jq_setup metrics

port=$(free_port)
URL="http://127.0.0.1:$port/metrics"
metric() { curl -s --max-time 5 "$URL" | awk -v m="$1" '$1 == m { print $2 }'; }

check --fatal "migrate" jobq migrate
JOBQ_RETRY_BASE=100ms JOBQ_RETRY_MAX=200ms HEARTBEAT_INTERVAL=500ms LEASE_DURATION=10s \
  start_consumer w --worker-id w --concurrency 4 --metrics "127.0.0.1:$port"
wait_for 10 "the metrics endpoint answers" curl -sf --max-time 2 -o /dev/null "$URL"

for i in 1 2 3 4 5; do jobq submit noop >/dev/null; done
check_status "a job that fails twice (one retry)" 1 timeout 30 "$JOBQ_BIN_DIR/jobq" submit fail '{}' --max-attempts 2 --wait
long=$(jobq submit sleep '{"seconds":30}')
wait_for 10 "sleep job running" sql_is running "select status from jobs where id='$long'"
check_eq "running gauge shows 1" 1 "$(metric jobq_running_jobs)"
check_status "cancel it" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" cancel "$long" --wait
wait_for 10 "5 noop jobs succeeded" sql_is 5 "select count(*) from jobs where type='noop' and status='succeeded'"

claims=$(sql "select count(*) from job_events where to_status='running'")
check_eq "claims = queued→running transitions ($claims)" "$claims" "$(metric jobq_jobs_claimed_total)"
check_eq "succeeded" 5 "$(metric 'jobq_jobs_finished_total{outcome="succeeded"}')"
check_eq "failed" 1 "$(metric 'jobq_jobs_finished_total{outcome="failed"}')"
check_eq "retry" 1 "$(metric 'jobq_jobs_finished_total{outcome="retry"}')"
check_eq "retries_total" 1 "$(metric jobq_retries_total)"
check_eq "cancelled" 1 "$(metric 'jobq_jobs_finished_total{outcome="cancelled"}')"
# The broadcast and the 500 ms heartbeat race to bring the cancel (a starved consumer may
# hear it from the heartbeat first): it is counted once, on the path its log line names.
cancel_path=$(sed -n 's/.*event=cancel_received .*path=\([a-z]*\).*/\1/p' "$(log_of w)" | head -n 1)
total=0 counted_on=""
for p in broadcast heartbeat notify; do
  v=$(metric "jobq_cancels_received_total{path=\"$p\"}")
  total=$((total + ${v:-0}))
  [[ "$v" == 1 ]] && counted_on=$p
done
check_eq "the cancel is counted once" 1 "$total"
check_eq "... on the path its log line names (broadcast or heartbeat)" "$cancel_path" "$counted_on"
note "the cancel came by $cancel_path"
check_eq "duration histogram counts every attempt" "$claims" "$(metric jobq_job_duration_seconds_count)"
check_eq "queue-wait histogram counts every claim" "$claims" "$(metric jobq_queue_wait_seconds_count)"
check_eq "+Inf bucket = count" "$claims" "$(metric 'jobq_job_duration_seconds_bucket{le="+Inf"}')"
# Buckets are cumulative: every attempt here took under an hour, the noops under a second.
check_eq "le=3600 bucket = count" "$claims" "$(metric 'jobq_job_duration_seconds_bucket{le="3600"}')"
check "le=1 bucket holds the 5 noops" test "$(metric 'jobq_job_duration_seconds_bucket{le="1"}')" -ge 5
check "duration buckets never decrease" bash -c "curl -s '$URL' | awk '
  /^jobq_job_duration_seconds_bucket/ { if (\$2 < last) bad = 1; last = \$2 } END { exit bad }'"
check_eq "no takeovers" 0 "$(metric 'jobq_takeovers_total{reason="owner_dead"}')"
# every claim and every finish went through the combined statements, none twice
check_eq "claims written by batches = claims" "$claims" "$(metric 'jobq_write_batch_items_total{kind="claim"}')"
check_eq "finishes written by batches = attempts ended" "$claims" "$(metric 'jobq_write_batch_items_total{kind="finish"}')"
check "at least one write statement" test "$(metric jobq_write_batches_total)" -ge 1
check "no more write statements than claims and finishes" test "$(metric jobq_write_batches_total)" -le $((2 * claims))
check_eq "running gauge back to 0" 0 "$(metric jobq_running_jobs)"
check "heartbeat age under 5 s (every 500 ms; a loaded machine's margin)" python3 -c "import sys; sys.exit(0 if float('$(metric jobq_heartbeat_age_seconds)') < 5 else 1)"
check_eq "unknown path is 404" 404 "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/nope")"
check "the exposition has HELP and TYPE lines" bash -c "curl -s '$URL' | grep -q '^# TYPE jobq_job_duration_seconds histogram'"
