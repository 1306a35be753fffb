#!/usr/bin/env bash
# test_relay_paused_backlog — a paused queue's backlog is not walked by idle relays
# (docs/scheduling.md "Pausing queues", migration 0036, review R7 finding 4): 3 consumers
# serve queue `other` (no jobs); 20,000 due, unpublished, priority-0 jobs wait in paused
# queue `pq` (the state a paused hold or submit leaves). Over 10 s:
#  - none of them is published;
#  - the jobs table's index tuples read stay under 2,000,000 (a read count, not a time: the
#    relays' due probe and take walked every paused row, 4.18 M over 10 s; 0.16 M since);
#  - after `queue resume pq` the relays publish them (one at least within 30 s).
source "$(dirname "$0")/lib.sh"
jq_setup relay_paused_backlog
check --fatal "migrate" jobq migrate
for w in c1 c2 c3; do start_consumer "$w" --worker-id "$w" --queues other --concurrency 4; done
check_status "pause pq" 0 jobq queue pause pq
sql "insert into jobs (type, queue, status, status_reason, publish_after, run_after)
     select 'noop', 'pq', 'queued', 'submitted', now(), now() from generate_series(1, 20000)" >/dev/null
sql "analyze jobs" >/dev/null
jq_nap 2
reads() {
  sql "select pg_stat_force_next_flush(); select coalesce(sum(idx_tup_read), 0)
       from pg_stat_user_indexes where relname = 'jobs'" | tail -n1
}
a=$(reads); jq_nap 10; b=$(reads)
note "20,000 due jobs in paused pq, 3 idle relays: $((b - a)) index tuples read over 10 s"
check "index tuples read over 10 s under 2,000,000 ($((b - a)))" test $((b - a)) -lt 2000000
check_eq "no job of paused pq published" 0 \
  "$(sql "select count(*) from jobs where queue = 'pq' and published_at is not null" | tail -n1)"
check_status "resume pq" 0 jobq queue resume pq
published() {
  (( $(sql "select count(*) from jobs where queue = 'pq' and published_at is not null" | tail -n1) > 0 ))
}
wait_for 30 "the relays publish pq's jobs after the resume" published && _jq_ok "pq's jobs published after the resume"
for w in c1 c2 c3; do stop_consumer "$w" KILL || true; done
