#!/usr/bin/env bash
# test_metrics — the consumer's Prometheus endpoint (--metrics ADDR) reports what it did:
# claims, outcomes by kind, retries, cancels by path, the duration and queue-wait
# histograms' counts, the running-jobs gauge and a fresh heartbeat; unknown paths are 404.
source "$(dirname "$0")/lib.sh"
jq_setup metrics

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
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
check_eq "cancel by broadcast" 1 "$(metric 'jobq_cancels_received_total{path="broadcast"}')"
check_eq "duration histogram counts every attempt" "$claims" "$(metric jobq_job_duration_seconds_count)"
check_eq "queue-wait histogram counts every claim" "$claims" "$(metric jobq_queue_wait_seconds_count)"
check_eq "+Inf bucket = count" "$claims" "$(metric 'jobq_job_duration_seconds_bucket{le="+Inf"}')"
check_eq "no takeovers" 0 "$(metric 'jobq_takeovers_total{reason="owner_dead"}')"
# every claim and every finish went through the combined statements, none twice
check_eq "claims written by batches = claims" "$claims" "$(metric 'jobq_write_batch_items_total{kind="claim"}')"
check_eq "finishes written by batches = attempts ended" "$claims" "$(metric 'jobq_write_batch_items_total{kind="finish"}')"
check "at least one write statement" test "$(metric jobq_write_batches_total)" -ge 1
check "no more write statements than claims and finishes" test "$(metric jobq_write_batches_total)" -le $((2 * claims))
check_eq "running gauge back to 0" 0 "$(metric jobq_running_jobs)"
check "heartbeat age under 2 s" python3 -c "import sys; sys.exit(0 if float('$(metric jobq_heartbeat_age_seconds)') < 2 else 1)"
check_eq "unknown path is 404" 404 "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/nope")"
check "the exposition has HELP and TYPE lines" bash -c "curl -s '$URL' | grep -q '^# TYPE jobq_job_duration_seconds histogram'"
