#!/usr/bin/env bash
# test_lost_prefetch — the lost-message round (consumer/relay_lost.c relay_lost_round,
# jobq_store_relay_lost) does not release again an express message that is only waiting in
# a consumer's prefetch behind long jobs:
#  - w1 (--concurrency 2, queue lp) runs two 90 s jobs; a keyed job of lp is then released
#    to the express queue and delivered to w1, where it waits (the express queue holds it
#    unacknowledged, none ready);
#  - its release is made 10 minutes old (the round's threshold is 5): for 25 s (two or more
#    rounds) the job keeps its lease token and publish mark, w1 logs no
#    express_jobs_released_again, and the express queue delivered one message. Before, the
#    round saw no ready message and published it again;
#  - once a long job ends (cancelled), the job runs, exactly once, from that one delivery.
# A message really lost while a worker of its queue is busy with another queue's job, and
# holds another queue's express delivery: test_lost_busy_worker.sh.
# The release of a message really lost (no consumer busy) is test_fairness's too.
source "$(dirname "$0")/lib.sh"
jq_setup lost_prefetch

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 2 --queues lp
long=()
for i in 1 2; do
  check_status "submit long job $i" 0 jobq submit sleep '{"seconds":90}' --queue lp
  long+=("$(sed -n 1p <<<"$OUT")")
done
wait_for 30 "both long jobs run on w1" sql_is 2 \
  "select count(*) from jobs where queue = 'lp' and status = 'running' and worker_id = 'w1'"
check_status "submit a keyed job" 0 jobq submit noop --queue lp --concurrency-key k
kid=$(sed -n 1p <<<"$OUT")
check "its id was printed" test -n "$kid"
wait_for 20 "it was released (published to the express queue)" sql_is t \
  "select published_at is not null from jobs where id = '${kid:-00000000-0000-0000-0000-000000000000}'"
wait_for 20 "w1 holds its message unacknowledged, none ready" queue_counts_are jobq.lp.express "0|1"
check_eq "it is still queued (w1's executors are busy)" queued "$(sql "select status from jobs where id = '$kid'")"
sql "update jobs set published_at = now() - interval '10 min' where id = '$kid'" >/dev/null
before=$(sql "select lease_token || '|' || published_at from jobs where id = '$kid'")
jq_nap 25
check_eq "25 s later: not released again (same token and publish mark)" "$before" \
  "$(sql "select lease_token || '|' || published_at from jobs where id = '$kid' and status = 'queued'")"
check "w1 logged no release again" bash -c "! grep -q express_jobs_released_again '$(log_of w1)'"
check_eq "the express queue delivered one message" 1 "$(queue_deliveries jobq.lp.express | cut -d'|' -f1)"
check_status "cancel a long job" 0 jobq cancel "${long[0]}"
wait_for 40 "the keyed job ran once a long job ended" sql_is succeeded \
  "select status from jobs where id = '$kid'"
check_eq "it started once (job_events)" 1 \
  "$(sql "select count(*) from job_events where job_id = '$kid' and to_status = 'running'")"
check_status "cancel the other" 0 jobq cancel "${long[1]}"
wait_for 30 "it ended" sql_is cancelled "select status from jobs where id = '${long[1]}'"
check_eq "the express queue delivered one message in all" 1 "$(queue_deliveries jobq.lp.express | cut -d'|' -f1)"
check_status "w1 stops cleanly on TERM" 0 stop_consumer w1

