#!/usr/bin/env bash
# test_limits — concurrency limits (docs/scheduling.md "Concurrency and rate limits"):
#  - bad input: invalid scopes and counts, a missing --max-running, an unknown sub-command
#    exit 2 with one line naming the value; rm of a scope with no limit exits 3;
#  - exactness: `limit set type:sleep --max-running 5`, 3 consumers × 16 and 300 short
#    jobs; one consumer gets kill -9 mid-run (right after it was seen running a job of the
#    scope; its jobs are short, so it may have none at the kill) and is restarted, another is
#    stopped with SIGTERM in the second half (while it runs jobs, if it does within 10 s:
#    they are released; the count is printed). From job_events (each job's running
#    intervals: entering running to leaving it), at no instant are more than 5 jobs of the
#    scope running; every job succeeded exactly once;
#  - a limit added while jobs of its scope wait in the broker binds at once (no more than 2
#    running), and removing it while jobs are held releases them (all succeed, and more than
#    2 run at once afterwards);
#  - a saturated limit of 1 (2 consumers × 4, 40 jobs of 20 ms): never 2 running; the gap
#    from a finish to the next start (the finish wakes the relays) is noted, not asserted;
#  - `limit rm` while a transaction holds a limit row (migration 0035): other scopes' row
#    locks get through while rm waits; rm gives up after about 10 s (exit 5, one line);
#  - two `limit set`s racing on a new scope (migration 0029): one session's set of
#    --max-running 3 is held open while another sets --rate 5/s; both parts are kept.
source "$(dirname "$0")/lib.sh"
jq_setup limits

N=300
# The most jobs running at once, from job_events, of the jobs matching WHERE (on jobs j),
# before the time $2 (a timestamptz; 'infinity' for all). A running interval opens at an
# event into running (from another state) and closes at one out of it; at equal times a
# close counts first (the close is stamped at the finish's start, before its commit).
max_overlap() {
  sql "with ev as (select e.id, e.at, e.from_status, e.to_status from job_events e
         join jobs j on j.id = e.job_id where $1),
       d as (select at, 1 as d, id from ev
              where to_status = 'running' and from_status is distinct from 'running'
             union all
             select at, -1, id from ev where from_status = 'running' and to_status <> 'running')
       select coalesce(max(s), 0) from (select at, sum(d) over (order by at, d, id) s from d) x
       where at < '$2'::timestamptz"
}

check --fatal "migrate" jobq migrate

# ---- bad input
check_status "an invalid scope exits 2" 2 jobq limit set 'tenant:x' --max-running 3
check_eq "... one line naming it" 1 "$(grep -c "scope 'tenant:x' is invalid" "$ERR_FILE" || true)"
check_status "an invalid queue in a scope exits 2" 2 jobq limit set 'queue:a b' --max-running 3
check_status "--max-running 0 exits 2" 2 jobq limit set type:sleep --max-running 0
check_eq "... one line naming it" 1 "$(grep -c "max running '0' is not a whole number" "$ERR_FILE" || true)"
check_status "--max-running 5x exits 2" 2 jobq limit set type:sleep --max-running 5x
check_status "set without --max-running exits 2" 2 jobq limit set type:sleep
check_status "set without a scope exits 2" 2 jobq limit set --max-running 3
check_status "an unknown sub-command exits 2" 2 jobq limit frob
check_status "--max-running on list exits 2" 2 jobq limit list --max-running 3
check_status "rm of a scope with no limit exits 3" 3 jobq limit rm key:nobody
check_eq "nothing was written by the bad calls" 0 "$(sql "select count(*) from limits")"
check_status "the SQL function refuses a bad scope too" 1 sql "select jobq_cli_limit_set('x', 1, null)"
check_status "limit --help exits 0" 0 jobq limit --help
check "... and shows the usage" grep -q 'usage: jobq limit set SCOPE' "$OUT_FILE"

# ---- exactness under load, kill -9 and a release at shutdown
check_status "limit set type:sleep --max-running 5 exits 0" 0 jobq limit set type:sleep --max-running 5
check "... it says so" grep -q '^limit type:sleep: at most 5 running' "$OUT_FILE"
check_status "limit list --json exits 0" 0 jobq limit list --json
check_eq "list shows it" "type:sleep 5" "$(jq -r '.[] | "\(.scope) \(.max_running)"' "$OUT_FILE")"

for w in c1 c2 c3; do
  start_consumer "$w" --worker-id "$w" --queues lim,late --concurrency 16
done
for ((i = 0; i < N; i++)); do echo '{"type":"sleep","payload":{"seconds":0.05},"queue":"lim"}'; done >"$T/lim.jsonl"
check --fatal "submit $N jobs" jobq submit --batch "$T/lim.jsonl"
lim_done() { sql "select count(*) from jobs where queue = 'lim' and status = 'succeeded'"; }
wait_for 60 "a third of the jobs succeeded" sql_is t \
  "select count(*) >= $((N / 3)) from jobs where queue = 'lim' and status = 'succeeded'"
check "jobs are held meanwhile (unpublished, waiting for the release)" sql_is t \
  "select count(*) > 0 from jobs where queue = 'lim' and publish_after = 'infinity' and published_at is null"
wait_for 20 "c1 is running a job of the scope" sql_is t \
  "select count(*) > 0 from jobs where queue = 'lim' and status = 'running' and worker_id = 'c1'"
note "before the kill: $(lim_done) done, $(sql "select count(*) from jobs where queue = 'lim' and status = 'running'") running"
stop_consumer c1 KILL || true
start_consumer c1b --worker-id c1 --queues lim,late --concurrency 16
wait_for 90 "all but 150 jobs succeeded" sql_is t \
  "select count(*) >= $((N - 150)) from jobs where queue = 'lim' and status = 'succeeded'"
# near the end, stop c2 while it runs a job if it does within 10 s (its job is released)
for ((i = 0; i < 100; i++)); do
  [[ "$(sql "select count(*) from jobs where queue = 'lim' and status = 'running' and worker_id = 'c2'")" == 0 ]] || break
  jq_nap 0.1
done
note "c2 runs $(sql "select count(*) from jobs where queue = 'lim' and status = 'running' and worker_id = 'c2'") jobs at its SIGTERM"
check_status "SIGTERM of c2 near the end exits 0" 0 stop_consumer c2 TERM
wait_for 90 "every job succeeded" sql_is "$N" "select count(*) from jobs where queue = 'lim' and status = 'succeeded'"
check_eq "each job succeeded exactly once (job_events)" "$N 0" "$(sql "select count(*), count(*) filter (where n <> 1)
  from (select j.id, count(e.id) filter (where e.to_status = 'succeeded') n from jobs j
        left join job_events e on e.job_id = j.id where j.queue = 'lim' group by j.id) x" | tr '|' ' ')"
peak=$(max_overlap "j.queue = 'lim'" infinity)
note "the most jobs of type sleep running at once: $peak (limit 5)"
check "never more than 5 running at any instant (job_events)" test "$peak" -le 5
check "... and the limit was used (5 at some instant)" test "$peak" -eq 5

# ---- a limit added while jobs wait in the broker, removed while some are held
check_status "limit rm type:sleep exits 0" 0 jobq limit rm type:sleep
stop_consumer c3 TERM || true
stop_consumer c1b TERM || true
for ((i = 0; i < 40; i++)); do echo '{"type":"sleep","payload":{"seconds":0.4},"queue":"late"}'; done >"$T/late.jsonl"
check --fatal "submit 40 jobs of queue late (no consumer: they wait in the broker)" jobq submit --batch "$T/late.jsonl"
check_status "limit set queue:late --max-running 2 exits 0" 0 jobq limit set queue:late --max-running 2
start_consumer c4 --worker-id c4 --queues late --concurrency 8
wait_for 30 "some jobs of late succeeded" sql_is t \
  "select count(*) >= 6 from jobs where queue = 'late' and status = 'succeeded'"
check "the rest are held" sql_is t \
  "select count(*) > 10 from jobs where queue = 'late' and publish_after = 'infinity' and published_at is null"
removed_at=$(sql "select clock_timestamp()")
check_status "limit rm queue:late exits 0" 0 jobq limit rm queue:late
wait_for 30 "every job of late succeeded after the removal" sql_is 40 \
  "select count(*) from jobs where queue = 'late' and status = 'succeeded'"
peak=$(max_overlap "j.queue = 'late'" "$removed_at")
note "late: at most $peak running while limited to 2; $(max_overlap "j.queue = 'late'" infinity) in all"
check "never more than 2 running while the limit held" test "$peak" -le 2
check "more than 2 ran at once after the removal" test "$(max_overlap "j.queue = 'late'" infinity)" -gt 2
stop_consumer c4 TERM || true

# ---- the admission: a job of a limited scope that is not queued in the admission's view is
# not admitted (the claim could otherwise find it queued, claim it, and take no room)
check_status "limit set queue:adm --max-running 2 exits 0" 0 jobq limit set queue:adm --max-running 2
y=$(sql "insert into jobs (type, queue, status, run_after) values ('noop', 'adm', 'scheduled', now() + interval '1 hour') returning id")
z=$(sql "insert into jobs (type, queue, status) values ('noop', 'adm', 'queued') returning id")
check_eq "of a scheduled and a queued job, with room for two, only the queued one is admitted" \
  "$z" "$(sql "select array_to_string(jobq_limit_admit(array['$y', '$z']::uuid[]), ',')")"
check_status "limit set queue:adm1 --max-running 1 exits 0" 0 jobq limit set queue:adm1 --max-running 1
lo=$(sql "insert into jobs (type, queue, status) values ('noop', 'adm1', 'queued') returning id")
hi=$(sql "insert into jobs (type, queue, status, priority) values ('noop', 'adm1', 'queued', 7) returning id")
check_eq "with room for one, the higher priority is admitted, though submitted later" \
  "$hi" "$(sql "select array_to_string(jobq_limit_admit(array['$lo', '$hi']::uuid[]), ',')")"

# ---- a hold racing `limit rm`: the hold locks the limit row it decided on, so rm (which
# waits for it) frees the held row too, and no job is left held with no limit
check_status "limit set queue:race --max-running 1 exits 0" 0 jobq limit set queue:race --max-running 1
h=$(sql "insert into jobs (type, queue, status) values ('noop', 'race', 'queued') returning id")
( rc=0
  _jq_psql "$_JQ_DB" -qc "BEGIN" \
    -c "UPDATE jobs SET published_at = NULL, publish_after = 'infinity' WHERE id = '$h' AND jobq_limited(queue, type, concurrency_key)" \
    -c "SELECT pg_sleep(1.5)" -c "COMMIT" >/dev/null || rc=$?
  echo "$rc" >"$T/hold.rc" ) &
jq_nap 0.5
check_status "limit rm queue:race exits 0 (it waits for the hold)" 0 jobq limit rm queue:race
wait_for 10 "the hold committed" test -s "$T/hold.rc"
check_eq "the hold's transaction committed" 0 "$(cat "$T/hold.rc")"
check_eq "the held job is not left at 'infinity'" f \
  "$(sql "select publish_after = 'infinity' from jobs where id = '$h'")"

# ---- limit rm while another transaction holds a limit row (migration 0035): rm's table
# lock waits at most 100 ms a try, so a claim's row lock (here a FOR UPDATE on another
# scope's row, bounded by a 3 s lock_timeout) gets through between rm's tries; before, it
# queued behind rm's waiting EXCLUSIVE request as long as the holder held on. rm gives up
# after about 10 s: exit 5, one line, the limit kept.
check_status "limit set queue:rmb1 --max-running 1 exits 0" 0 jobq limit set queue:rmb1 --max-running 1
check_status "limit set queue:rmb2 --max-running 1 exits 0" 0 jobq limit set queue:rmb2 --max-running 1
( rc=0
  _jq_psql "$_JQ_DB" -qc "BEGIN" -c "SELECT 1 FROM limits WHERE scope = 'queue:rmb1' FOR KEY SHARE" \
    -c "SELECT pg_sleep(16)" -c "COMMIT" >/dev/null || rc=$?
  echo "$rc" >"$T/rmhold.rc" ) &
wait_for 10 "a session holds queue:rmb1's row" sql_is t \
  "select exists (select 1 from pg_locks l join pg_class c on c.oid = l.relation
                  where c.relname = 'limits' and l.mode = 'RowShareLock' and l.granted
                  and l.database = (select oid from pg_database where datname = current_database())
                  and l.pid <> pg_backend_pid())"
( rc=0; jobq limit rm queue:rmb2 >"$T/rmb.out" 2>"$T/rmb.err" || rc=$?; echo "$rc" >"$T/rmb.rc" ) &
jq_nap 1
check "while rm waits, a claim's row lock on queue:rmb2 is granted (lock_timeout 3 s)" \
  _jq_psql "$_JQ_DB" -c "SET lock_timeout = '3s'" \
  -c "SELECT scope FROM limits WHERE scope = 'queue:rmb2' FOR UPDATE"
wait_for 20 "rm gave up" test -s "$T/rmb.rc"
check_eq "rm exits 5 (the table stayed locked)" 5 "$(cat "$T/rmb.rc")"
check_eq "... with one line naming it" 1 "$(grep -c "limits table stayed locked" "$T/rmb.err" || true)"
check_eq "... and one line only" 1 "$(wc -l <"$T/rmb.err")"
check_eq "queue:rmb2's limit is kept" 1 "$(sql "select count(*) from limits where scope = 'queue:rmb2'")"
wait_for 20 "the holder committed" test -s "$T/rmhold.rc"
check_status "limit rm queue:rmb2 exits 0 once the holder is gone" 0 jobq limit rm queue:rmb2
check_status "limit rm queue:rmb1 exits 0" 0 jobq limit rm queue:rmb1

# ---- a saturated limit of 1: the gap from a finish to the next start (measured, noted,
# not asserted: docs/scheduling.md "Held, then released" gives the figures)
check_status "limit set queue:sat --max-running 1 exits 0" 0 jobq limit set queue:sat --max-running 1
start_consumer s1 --worker-id s1 --queues sat --concurrency 4
start_consumer s2 --worker-id s2 --queues sat --concurrency 4
for ((i = 0; i < 40; i++)); do echo '{"type":"sleep","payload":{"seconds":0.02},"queue":"sat"}'; done >"$T/sat.jsonl"
check --fatal "submit 40 jobs of queue sat" jobq submit --batch "$T/sat.jsonl"
wait_for 60 "every job of sat succeeded" sql_is 40 \
  "select count(*) from jobs where queue = 'sat' and status = 'succeeded'"
check "never more than 1 of sat running at once" test "$(max_overlap "j.queue = 'sat'" infinity)" -le 1
note "sat (max 1): from a finish to the next start, ms: $(sql "with ev as (select e.at, e.from_status,
    e.to_status from job_events e join jobs j on j.id = e.job_id where j.queue = 'sat'),
  s as (select at from ev where to_status = 'running' and from_status is distinct from 'running'),
  g as (select extract(epoch from s.at - (select max(f.at) from ev f where f.from_status = 'running'
         and f.to_status <> 'running' and f.at <= s.at)) * 1000 ms from s)
  select 'median ' || round(percentile_cont(0.5) within group (order by ms)::numeric, 1)
      || ', p90 ' || round(percentile_cont(0.9) within group (order by ms)::numeric, 1)
      || ', n ' || count(*) from g where ms is not null")"
stop_consumer s1 TERM || true
stop_consumer s2 TERM || true

# ---- two sets racing on a new scope keep both parts (migration 0029): the first inserts the
# row and holds its transaction open; the second, which read no row, waits on the insert and
# then updates it. Before, the second wrote the part it was not given from its own read
# (none), and the limit lost its max_running.
( rc=0; _jq_psql "$_JQ_DB" -q -c "begin; select jobq_cli_limit_set('queue:race', 3, null);
    select pg_sleep(2); commit;" >/dev/null || rc=$?; echo "$rc" >"$T/race.rc" ) &
race=$!
wait_for 10 "the first set's row is locked" sql_is t \
  "select exists (select 1 from pg_locks l join pg_class c on c.oid = l.relation
                  where c.relname = 'limits' and l.mode = 'RowExclusiveLock' and l.granted
                  and l.database = (select oid from pg_database where datname = current_database())
                  and l.pid <> pg_backend_pid())"
check_status "the second set (--rate 5/s) exits 0" 0 jobq limit set queue:race --rate 5/s
wait "$race" || true
check_eq "the first set exited 0" 0 "$(cat "$T/race.rc")"
check_eq "both parts were kept" "3|5" "$(sql "select max_running || '|' || rate from limits where scope = 'queue:race'")"

# ---- held jobs all blocked by another full scope make no relay spin (review R6, finding 4):
# type:sleep has room and held jobs, but every one of them is in queue:bq, full with one long
# job. The due probe asks the limit release's own question (a held job that may go), so the
# relays wait for their tick instead of running an empty release (its limit-row locks)
# every loop. The database's commits over two windows of equal length, blocked, then with
# type:sleep removed (queue:bq still full and holding them: nothing due), are noted, not
# asserted: with two consumers they did not tell the old probe from the new one apart
# (569 and 446 with the old, 174 and 227 with the new, in one run each).
blocked_queue_start b
blocked_queue_hold
check_eq "a limit's hold gives the reason 'held: limit' (out of the released indexes, R6 #7)" 300 \
  "$(sql "select count(*) from jobs where queue = 'bq' and publish_after = 'infinity'
            and published_at is null and status_reason = 'held: limit'")"
jq_nap 1
jobs_index_mark "$T/idx0"
read -r h0 a0 c0 f0 l0 <<<"$(jobs_index_reads)"; jq_nap 6; read -r h1 a1 c1 f1 l1 <<<"$(jobs_index_reads)"
by_index=$(jobs_index_by "$T/idx0")
# Review R7 finding 2: the due probe and the limit release read the scope's queues first (a
# loose scan), leave out queue:bq (no room), and so read a few held-index tuples a relay
# statement, not the 300 held rows of bq (in one run each: the old walk read 39,840 against
# 220 commits, the new one 351 against 213).
# Every relay statement commits on its own, so the commits bound the statements. The bound
# is on the live rows fetched through the held indexes: the index tuples read also count the
# dead versions the earlier sections' releases left in type sleep's held ranges, read again
# by every scan while anything keeps them from being marked dead (see jobs_index_reads in
# lib.sh; the likely cause of 32,683 against 205 commits once in a loaded CI run, not
# reproduced here), and every held-job statement reads a row's id, which no held index
# holds, so a walk of live rows fetches each one.
note "held-index tuples read over 6 s, blocked: $((h1 - h0)) (dead versions included); live rows fetched through them $((l1 - l0)); $((c1 - c0)) commits"
check "the blocked scope's held rows are not walked (live rows fetched through the held indexes <= 20 a commit)" \
  test "$((l1 - l0))" -le "$((20 * (c1 - c0)))"
# Nor any other way: the live rows fetched through any index, bitmap scans included (1,100
# to 1,200 against about 200 commits in a run). 433,069 against 201 once in a loaded CI run,
# and 150,935 against 197 once here (jobs_plain_unpublished 104,075, jobs_held_type_queue
# 60,830, jobs_limit_held 16,915): plans made while the statistics saw no waiting job (see
# test_relay_rare_stats; fixed by migration 0049 and the relay session's enable_sort off).
note "live rows of jobs fetched through any index over the same 6 s: $((f1 - f0)); by index (tuples read/live rows fetched): $by_index"
check "nor any other way (live rows fetched through any index <= 40 a commit)" \
  test "$((f1 - f0))" -le "$((40 * (c1 - c0)))"
# (test_relay_stale_stats bounds every index's reads, on plans made on stale statistics)
note "index tuples read on jobs over the same 6 s: $((a1 - a0))"
check_status "limit rm type:sleep exits 0" 0 jobq limit rm type:sleep
jq_nap 1
read -r _ _ c2 _ <<<"$(jobs_index_reads)"; jq_nap 6; read -r _ _ c3 _ <<<"$(jobs_index_reads)"
note "commits over 6 s: blocked $((c1 - c0)), after limit rm type:sleep $((c3 - c2))"
check_eq "none of the blocked held jobs ran" 0 \
  "$(sql "select count(*) from jobs where queue = 'bq' and status = 'succeeded'")"
stop_consumer b1 KILL || true
stop_consumer b2 KILL || true
