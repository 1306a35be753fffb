#!/usr/bin/env bash
# test_relay_stale_stats — the relays' statements read a few index entries even when their
# generic plans were made on statistics that saw none of the rows they look for (a quiet
# installation: the jobs table analyzed while empty, and not again before jobs are held).
# A worker's session keeps its generic plans for hours (common/store.c), so a plan made then
# is the plan. Set-up as test_limits' blocked case, on a database analyzed empty with
# autovacuum off for jobs: type:sleep has room and 300 held jobs, all in queue bq, which
# is full with one long job; 2 consumers x 2 serve bq; a paused queue pz holds 2,000 due jobs,
# 2,000 due priority jobs and 2,000 held sleep jobs, and queue rq 5 held keyed sleep jobs
# whose key has no room (all inserted after the analyze, as the held ones). From the submit of the 300 (each is
# delivered, refused and held) to 6 s after the last is held, the live rows of jobs fetched
# through an index stay within 40 a commit, and the index tuples read from the held-job
# indexes within 20 (every relay statement and every hold commits on its own, so the
# commits bound the statements). Live rows, not index tuples, for the first bound: with
# autovacuum off, the dead versions the takes leave in a queue's range of
# jobs_plain_unpublished_queue are read again by every scan for as long as a snapshot held
# elsewhere in the database (or a leaf page changed under the scan) keeps them from being
# marked dead: 46,764 index tuples in 6 s with one REPEATABLE READ transaction open, on
# plans that fetch a few live rows a statement. The test holds such a snapshot open.
# With such statistics the old statements read every held job through bitmap scans of the
# held indexes, and every queued one through jobs_status_created (the keyed release's pick,
# the take's join, the hold): 187,914 tuples of jobs_status_created in one run.
# JQ_STALE_FINISHED=N (test_relay_rare_stats runs it with 800): N finished jobs are in the
# table when it is analyzed, so the statistics see a table of rows none of which waits, as
# a busy installation's whose unpublished jobs are too few to show: every predicate on
# unpublished jobs estimated at one row. The relay's probes then cost the same through any
# index whose predicate fits, and read through 0001's jobs_unpublished and 0027's
# jobs_plain_unpublished (publish_after alone, the queue as a filter), and through a held
# index with a sort rather than the one in the scan's order: 2,139,773 live rows in 6 s,
# every due job of the paused queue and every held one read on every pass. Migration 0049
# drops the two indexes, and the relay's session sorts only where a statement cannot
# avoid it (common/store.c): 4,159 and 4,227 in two runs.
# The paused queue's due priority jobs and held sleep jobs, and rq's blocked keyed ones,
# came later: on the code and indexes before migration 0053 they made 926,729 live rows
# fetched in 6 s here (jobs_priority_waiting 964,000 tuples: the priority probe and release
# asked for any due priority job, the paused queues as a filter) and 1,397,466 with 800
# finished jobs (jobs_limit_held 584,466 more: jobq_limit_held('key:kz') found key kz's
# first held job through the index of every held job, pz's first); after: 14,709 and
# 15,306 (one run each, bounds about 67,000 and 70,000).
source "$(dirname "$0")/lib.sh"
FINISHED=${JQ_STALE_FINISHED:-0}
jq_setup "${JQ_STALE_NAME:-relay_stale_stats}"

check --fatal "jobq migrate exits 0" jobq migrate
if (( FINISHED > 0 )); then
  sql "insert into jobs (type, queue, status, status_reason, publish_after, run_after,
                         published_at, finished_at)
       select 'sleep', 'old', 'succeeded', 'done', now(), now(), now(), now()
       from generate_series(1, $FINISHED)" >/dev/null
fi
sql "alter table jobs set (autovacuum_enabled = false); analyze jobs" >/dev/null
# and a paused queue's due backlog, which the due probe must not read row by row (review R9
# finding 4: an EXISTS per queue flattened into a semi-join hashed every due row)
check_status "pause pz" 0 jobq queue pause pz
sql "insert into jobs (type, queue, status, status_reason, publish_after, run_after)
     select 'noop', 'pz', 'queued', 'submitted', now(), now() from generate_series(1, 2000)" >/dev/null
# ... its due priority jobs, which the priority part of the probe and the priority release
# must skip by queue as well (they asked for any due priority job of a running queue through
# jobs_priority_waiting, the queue as a filter: every one read on every pass) ...
sql "insert into jobs (type, queue, status, status_reason, publish_after, run_after, priority)
     select 'noop', 'pz', 'queued', 'submitted', now(), now(), 5
     from generate_series(1, 2000)" >/dev/null
# ... and jobs of type sleep held there by the limit, higher in priority than any other held
# job of the type, while queue rq runs with held keyed sleep jobs that cannot go (key:kz's
# rate has no token left): the limit release reads type:sleep's held jobs of rq on every
# pass, and with sorts off the index in (priority, created_at) order of the whole type
# (jobs_held_type) walked pz's first; migration 0053's index is by type, queue, then order.
sql "insert into jobs (type, queue, status, status_reason, publish_after, run_after, priority)
     select 'sleep', 'pz', 'queued', 'held: limit', 'infinity', now(), 5
     from generate_series(1, 2000)" >/dev/null
check_status "limit set key:kz --rate 1/m" 0 jobq limit set key:kz --rate 1/m
sql "insert into jobs (type, queue, status, status_reason, publish_after, run_after,
                       concurrency_key)
     select 'sleep', 'rq', 'queued', 'held: limit', 'infinity', now(), 'kz'
     from generate_series(1, 5)" >/dev/null
blocked_queue_start s
# A snapshot held open over the measure, as a long report would hold one: the takes' dead
# versions stay in the index ranges the relays read (see above); the live rows must not.
start_proc snapshot env PGAPPNAME=jq_snapshot psql -X -q \
  "postgresql://jobq:jobq@127.0.0.1:$JOBQ_TEST_PG_PORT/$_JQ_DB" \
  -c "begin isolation level repeatable read; select 1; select pg_sleep(150); commit"
wait_for 30 "a snapshot is held open" sql_is 1 \
  "select count(*) from pg_stat_activity where application_name = 'jq_snapshot' and backend_xmin is not null"
jobs_index_mark "$T/idx0"
read -r h0 a0 c0 f0 _ <<<"$(jobs_index_reads)"
blocked_queue_hold
check_eq "the statistics still say the table holds $FINISHED rows" "$FINISHED" \
  "$(sql "select coalesce(reltuples, 0)::bigint from pg_class where relname = 'jobs'" | tr -d ' ')"
jq_nap 6; read -r h1 a1 c1 f1 _ <<<"$(jobs_index_reads)"
note "from the submit to 6 s after the hold: held-index tuples $((h1 - h0)), index tuples on jobs $((a1 - a0)) (dead versions included), live rows fetched through an index $((f1 - f0)), commits $((c1 - c0))"
note "by index (tuples read/live rows fetched): $(jobs_index_by "$T/idx0")"
check "held rows are not walked (held-index tuples read <= 20 a commit)" \
  test "$((h1 - h0))" -le "$((20 * (c1 - c0)))"
check "nor walked through another index (live rows fetched through an index <= 40 a commit)" \
  test "$((f1 - f0))" -le "$((40 * (c1 - c0)))"
check_eq "none of the held jobs ran" 0 \
  "$(sql "select count(*) from jobs where queue = 'bq' and status = 'succeeded'")"
stop_proc snapshot || true
stop_consumer s1 KILL || true
stop_consumer s2 KILL || true
