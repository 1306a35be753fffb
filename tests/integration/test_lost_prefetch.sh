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
#  - a message really lost while a worker of its queue is busy with another queue's job
#    (the R6 review's probe): w2 (--concurrency 1, queues lb,lk) runs a 120 s job of lb,
#    w3 (4 executors, queue lk) is idle; 3 keyed jobs of lk are marked released 10 minutes
#    ago with no message. Within 60 s (the round every 10 s needs two checks of an empty
#    express queue, and every worker's mark that no express delivery waits in it, made
#    each round), all 3 ran once, while w2's long job still runs. Before, the round
#    released nothing while any worker of lk was full, so they waited for the long job.
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

# ---- lost keyed jobs while a worker of their queue is busy with another queue's long job
start_consumer w2 --worker-id w2 --concurrency 1 --queues lb,lk
start_consumer w3 --worker-id w3 --concurrency 4 --queues lk
check_status "submit a keyed job to lk (its express queue declared)" 0 jobq submit noop --queue lk --concurrency-key warm
wait_for 30 "it ran" sql_is 1 "select count(*) from jobs where queue = 'lk' and status = 'succeeded'"
check_status "submit a 120 s job to lb" 0 jobq submit sleep '{"seconds":120}' --queue lb
lb=$(sed -n 1p <<<"$OUT")
wait_for 30 "w2 runs it (w2 is full)" sql_is 1 \
  "select count(*) from jobs where queue = 'lb' and status = 'running' and worker_id = 'w2'"
t0=$(date +%s)
sql "insert into jobs (type, queue, status, status_reason, publish_after, run_after, concurrency_key, published_at)
     select 'noop', 'lk', 'queued', 'due', now() - interval '10 min', now() - interval '10 min', 'lost',
            now() - interval '10 min' from generate_series(1, 3)" >/dev/null
wait_for 60 "the 3 lost keyed jobs were released again while w2 is full" sql_is 3 \
  "select count(*) from jobs where concurrency_key = 'lost'
     and (published_at is null or published_at > now() - interval '5 min')"
note "released again $(( $(date +%s) - t0 )) s after the loss was staged"
wait_for 30 "at least one of them ran on w3 while w2 is full" sql_is t \
  "select count(*) >= 1 from jobs where concurrency_key = 'lost' and status = 'succeeded'"
check_eq "w2's long job still runs" running "$(sql "select status from jobs where id = '${lb:-00000000-0000-0000-0000-000000000000}'")"
held=$(sql "select count(*) from jobs where concurrency_key = 'lost' and status = 'queued'")
note "$held of the 3 released again wait in w2's prefetch (RabbitMQ delivers to both consumers)"
check "a relay logged express_jobs_released_again" \
  bash -c "cat '$(log_of w2)' '$(log_of w3)' | grep -q 'express_jobs_released_again.*queue=lk'"
check_status "cancel the long job" 0 jobq cancel "$lb"
wait_for 30 "it ended" sql_is cancelled "select status from jobs where id = '$lb'"
wait_for 30 "all 3 lost jobs ran" sql_is 3 \
  "select count(*) from jobs where concurrency_key = 'lost' and status = 'succeeded'"
check_eq "each lost job started once (job_events)" "3 0" "$(sql "select count(*), count(*) filter (where n <> 1)
  from (select j.id, count(e.id) filter (where e.to_status = 'running') n from jobs j
        left join job_events e on e.job_id = j.id where j.concurrency_key = 'lost' group by j.id) x" | tr '|' ' ')"
check_eq "each was released again once (the count of express_jobs_released_again)" 3 \
  "$(cat "$(log_of w2)" "$(log_of w3)" | grep 'express_jobs_released_again.*queue=lk' |
     sed -n 's/.* count=\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')"
check_status "w2 stops cleanly on TERM" 0 stop_consumer w2
check_status "w3 stops cleanly on TERM" 0 stop_consumer w3
