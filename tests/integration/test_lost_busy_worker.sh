#!/usr/bin/env bash
# test_lost_busy_worker — the lost-message round records per message, not per worker
# (consumer/relay_lost.c, jobq_store_relay_lost, migration 0037; review R7 finding 1):
#  - w1 (--concurrency 1, queues lb,lk) runs a 150 s job of lb and holds one priority
#    delivery of lb waiting in its express list; w2 (4 executors, lk) is idle. w1's record
#    (workers.express_waiting) names the lb job it holds. 3 keyed jobs of lk are marked
#    released 10 minutes ago with no message: within 60 s all 3 were released again and
#    one ran on w2, while w1's long job still runs. Before, w1 recorded nothing while any
#    express delivery waited in it, so lk's lost jobs waited for the long job. The lb job
#    w1 holds is never released again (same lease token and publish mark), and each lost
#    job is released again once (those that then wait in w1's prefetch are in its list);
#    after the long job is cancelled, each ran once.
#  - a worker registered again with the id of a stopped one does not inherit its record
#    (a record naming a job, as of an hour from now, is gone once it registered); once its
#    broker connection is closed and it reconnects, it records the requeue
#    (express_requeued_at, at least 60 s ahead).
#  - a draining worker gives its waiting deliveries back at once: w3 (--concurrency 1, ld,
#    shutdown_timeout 90 s) runs a 90 s job and holds a priority delivery of ld; on TERM it
#    gives it back (w4 runs it while w3 still drains) and goes on recording what it holds
#    (its long job). Before, the delivery waited in w3 until its drain ended, and w3's
#    relay stopped recording.
#  - an executor's requeue (a claim that fails) is recorded as a requeue, so the job is not
#    released again while its message moves between two idle workers (review R8 #3).
source "$(dirname "$0")/lib.sh"
jq_setup lost_busy_worker
# Classic queues (no delivery limit) for every program: in the last section the broker
# would dead-letter J's message after 20 deliveries of a quorum queue, about 20 s, and J
# failed would end the window. Nothing else here depends on the queue type.
export JOBQ_QUEUE_TYPE=classic

none=00000000-0000-0000-0000-000000000000
check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 1 --queues lb,lk
start_consumer w2 --worker-id w2 --concurrency 4 --queues lk
check_status "a keyed job to lk (its express queue declared)" 0 jobq submit noop --queue lk --concurrency-key warm
check_status "a priority job to lb (its express queue declared)" 0 jobq submit noop --queue lb --priority 5
wait_for 30 "both ran" sql_is 2 "select count(*) from jobs where status = 'succeeded'"
check_status "a 150 s job to lb" 0 jobq submit sleep '{"seconds":150}' --queue lb
long=$(sed -n 1p <<<"$OUT")
wait_for 30 "w1 runs it (w1 is full)" sql_is 1 \
  "select count(*) from jobs where id = '${long:-$none}' and status = 'running' and worker_id = 'w1'"
check_status "a priority job to lb, which waits in w1" 0 jobq submit noop --queue lb --priority 5
held=$(sed -n 1p <<<"$OUT")
wait_for 20 "w1 holds lb's express message unacknowledged, none ready" queue_counts_are jobq.lb.express "0|1"
sql "update jobs set published_at = now() - interval '10 min' where id = '${held:-$none}'" >/dev/null
held_before=$(sql "select lease_token || '|' || published_at from jobs where id = '${held:-$none}'")
t0=$(date +%s)
sql "insert into jobs (type, queue, status, status_reason, publish_after, run_after, concurrency_key, published_at)
     select 'noop', 'lk', 'queued', 'due', now() - interval '10 min', now() - interval '10 min', 'lost',
            now() - interval '10 min' from generate_series(1, 3)" >/dev/null
wait_for 60 "the 3 lost lk jobs were released again while w1 holds an lb express delivery" sql_is 3 \
  "select count(*) from jobs where concurrency_key = 'lost'
     and (published_at is null or published_at > now() - interval '5 min')"
note "released again $(( $(date +%s) - t0 )) s after the loss was staged"
wait_for 20 "w1's record names the lb job it holds" sql_is t \
  "select '${held:-$none}' = any (express_waiting) from workers where id = 'w1'"
wait_for 30 "at least one of them ran on w2" sql_is t \
  "select count(*) >= 1 from jobs where concurrency_key = 'lost' and status = 'succeeded' and worker_id = 'w2'"
jq_nap 25
check_eq "w1's long job still runs" running "$(sql "select status from jobs where id = '${long:-$none}'")"
check_eq "the lb job w1 holds was not released again (same token and publish mark)" "$held_before" \
  "$(sql "select lease_token || '|' || published_at from jobs where id = '${held:-$none}' and status = 'queued'")"
check "no relay released lb's jobs again" \
  bash -c "! cat '$(log_of w1)' '$(log_of w2)' | grep -q 'express_jobs_released_again.*queue=lb'"
check_eq "each lost job was released again once (the count of express_jobs_released_again)" 3 \
  "$(cat "$(log_of w1)" "$(log_of w2)" | grep 'express_jobs_released_again.*queue=lk' |
     sed -n 's/.* count=\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')"
check_status "cancel the long job" 0 jobq cancel "$long"
wait_for 30 "then the lb job w1 held ran" sql_is succeeded "select status from jobs where id = '${held:-$none}'"
wait_for 30 "all 3 lost jobs ran" sql_is 3 \
  "select count(*) from jobs where concurrency_key = 'lost' and status = 'succeeded'"
check_eq "each lost job and the held one started once (job_events)" "4 0" "$(sql "select count(*), count(*) filter (where n <> 1)
  from (select j.id, count(e.id) filter (where e.to_status = 'running') n from jobs j
        left join job_events e on e.job_id = j.id
        where j.concurrency_key = 'lost' or j.id = '${held:-$none}' group by j.id) x" | tr '|' ' ')"
check_status "w1 stops cleanly on TERM" 0 stop_consumer w1

# ---- a worker registered again does not inherit its predecessor's record
check_status "w2 stops cleanly on TERM" 0 stop_consumer w2
sql "update workers set express_waiting = array['${held:-$none}']::uuid[],
       express_waiting_at = now() + interval '1 hour' where id = 'w2'" >/dev/null
start_consumer w2b --worker-id w2 --concurrency 4 --queues lk
wait_for 20 "w2 registered again" sql_is running "select state from workers where id = 'w2'"
check_eq "its record is its own (no list from an hour ahead)" "t|f" \
  "$(sql "select coalesce(express_waiting_at <= now(), true),
                 coalesce('${held:-$none}' = any (express_waiting), false) from workers where id = 'w2'")"
check_eq "no requeue recorded for it" t \
  "$(sql "select coalesce(express_requeued_at < now(), true) from workers where id = 'w2'")"
wait_for 15 "close w2's broker connection (its prefetch goes back)" close_connections "jobq-consumer worker=w2 "
wait_for 30 "w2 recorded the requeue once it reconnected (its queues wait a while)" sql_is t \
  "select express_requeued_at > now() + interval '30 s' from workers where id = 'w2'"
check_status "w2 stops cleanly on TERM" 0 stop_consumer w2b

# ---- a draining worker gives its waiting deliveries back at once
JOBQ_SHUTDOWN_TIMEOUT=90s start_consumer w3 --worker-id w3 --concurrency 1 --queues ld
check_status "a priority job to ld (its express queue declared)" 0 jobq submit noop --queue ld --priority 5
wait_for 30 "it ran" sql_is 1 "select count(*) from jobs where queue = 'ld' and status = 'succeeded'"
check_status "a 90 s job to ld" 0 jobq submit sleep '{"seconds":90}' --queue ld
dlong=$(sed -n 1p <<<"$OUT")
wait_for 30 "w3 runs it" sql_is running "select status from jobs where id = '${dlong:-$none}'"
check_status "a priority job to ld, which waits in w3" 0 jobq submit noop --queue ld --priority 5
dheld=$(sed -n 1p <<<"$OUT")
wait_for 20 "w3 holds ld's express message unacknowledged" queue_counts_are jobq.ld.express "0|1"
start_consumer w4 --worker-id w4 --concurrency 2 --queues ld
wait_for 20 "w4 is registered" sql_is running "select state from workers where id = 'w4'"
kill -TERM "$(pid_of w3)"
wait_for 20 "w4 ran the priority job while w3 drains" sql_is "succeeded|w4" \
  "select status || '|' || worker_id from jobs where id = '${dheld:-$none}'"
check "w3 still drains" is_running w3
check_eq "w3's record, fresh while it drains, names its long job, not the one it gave back" "t|t|f" \
  "$(sql "select express_waiting_at > now() - interval '15 s', '${dlong:-$none}' = any (express_waiting),
                 '${dheld:-$none}' = any (express_waiting) from workers where id = 'w3'")"
check "w3 logged the deliveries it gave back" grep -q 'drain_deliveries_given_back.*count=1' "$(log_of w3)"
check_status "cancel w3's long job" 0 jobq cancel "$dlong"
check_status "w3 then stops cleanly" 0 stop_consumer w3
check_status "w4 stops cleanly on TERM" 0 stop_consumer w4

# ---- an executor's requeue is recorded: its message is not released again meanwhile
# (review R8 #3). J, a priority job of le released 10 minutes ago, waits in one of two
# busy workers; a trigger fails J's claim (a stand-in for a statement that fails there).
# Once both long jobs are cancelled, both executors are free: J's message goes back and
# forth between them, each requeue after a 1 s pause during which no list names J. Before,
# a lost round then found le quiet and nobody holding J, and released it again (a second
# message of J, its lease token moved) within about 15 s; now each requeue is recorded
# (express_requeued_at), which holds le's lost jobs back.
start_consumer wx --worker-id wx --concurrency 1 --queues le
start_consumer wy --worker-id wy --concurrency 1 --queues le
check_status "a priority job to le (its express queue declared)" 0 jobq submit noop --queue le --priority 5
wait_for 30 "it ran" sql_is 1 "select count(*) from jobs where queue = 'le' and status = 'succeeded'"
check_status "a 300 s job to le" 0 jobq submit sleep '{"seconds":300}' --queue le
check_status "another 300 s job to le" 0 jobq submit sleep '{"seconds":300}' --queue le
wait_for 30 "both workers run one" sql_is 2 \
  "select count(distinct worker_id) from jobs where queue = 'le' and status = 'running'"
check_status "priority job J to le, which waits in one of them" 0 jobq submit noop --queue le --priority 5
ej=$(sed -n 1p <<<"$OUT")
wait_for 20 "J's express message is held unacknowledged" queue_counts_are jobq.le.express "0|1"
sql "update jobs set published_at = now() - interval '10 min' where id = '${ej:-$none}'" >/dev/null
sql "create function lbw_claim_fails() returns trigger language plpgsql as \$\$ begin
       if old.id = '${ej:-$none}' and new.status = 'running' then
         raise exception 'test_lost_busy_worker: the claim of J fails';
       end if;
       return new; end \$\$;
     create trigger lbw_claim_fails before update on jobs for each row
       execute function lbw_claim_fails()" >/dev/null
ej_before=$(sql "select lease_token || '|' || published_at from jobs where id = '${ej:-$none}'")
wait_for 30 "a record names J" sql_is 1 "select count(*) from workers where '${ej:-$none}' = any (express_waiting)"
mapfile -t le_running < <(sql "select id from jobs where queue = 'le' and status = 'running'" | grep .)
check_status "cancel both long jobs (the executors take J in turn; each claim fails)" 0 \
  jobq cancel "${le_running[@]}"
wait_for 20 "J's claim failed and J was requeued" \
  bash -c "cat '$(log_of wx)' '$(log_of wy)' | grep -q 'claim_failed.*job=${ej:-$none}'"
wait_for 20 "a record carries the executor's requeue" sql_is t \
  "select bool_or(express_requeued_at > now()) from workers where id in ('wx', 'wy')"
jq_nap 40
check_eq "J, still queued, was not released again while its message moved between the workers (same token and publish mark)" \
  "$ej_before|queued" \
  "$(sql "select lease_token || '|' || published_at || '|' || status from jobs where id = '${ej:-$none}'")"
check "its claim kept failing meanwhile (the message moved)" \
  bash -c "[ \"\$(cat '$(log_of wx)' '$(log_of wy)' | grep -c 'claim_failed.*job=${ej:-$none}')\" -ge 20 ]"
check "no relay released le's jobs again" \
  bash -c "! cat '$(log_of wx)' '$(log_of wy)' | grep -q 'express_jobs_released_again.*queue=le'"
sql "drop trigger lbw_claim_fails on jobs; drop function lbw_claim_fails()" >/dev/null
wait_for 30 "then J ran" sql_is succeeded "select status from jobs where id = '${ej:-$none}'"
check_eq "J started once (job_events)" 1 \
  "$(sql "select count(*) from job_events where job_id = '${ej:-$none}' and to_status = 'running'")"
check_status "wx stops cleanly on TERM" 0 stop_consumer wx
check_status "wy stops cleanly on TERM" 0 stop_consumer wy
