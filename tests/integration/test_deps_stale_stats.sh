#!/usr/bin/env bash
# test_deps_stale_stats — the end of a job with dependents, and the release of its
# dependents, read their rows by key whatever the statistics say (migration 0055). The jobs
# table is analyzed while it holds 50 finished jobs and 1 waiting one, with autovacuum off
# for jobs and job_deps_left, then 30,000 succeeded jobs come, as on an installation that
# keeps its finished jobs a while. In one transaction each (pg_stat_xact_user_tables counts
# that transaction's reads):
#  - the success of a job with one dependent: at most 50 rows of jobs fetched, none read by
#    a sequential scan, nor of job_deps_left (on 0050's statements: 6 rows fetched, and
#    2,003 stripes read sequentially; in bench/graph, on statistics as stale, 0050's read
#    of the ended job's edges hashed every succeeded job of the table through a BitmapOr of
#    jobs_status_created, 54,909 rows for one end);
#  - the success of a root with 2,000 dependents, which queues them: at most 4 rows of jobs
#    fetched per dependent, and no sequential scan of jobs or job_deps_left (on 0050's:
#    32,053 rows of jobs read sequentially, and 2,007,000 of job_deps_left: an anti-join
#    that scanned every stripe for each released job; with sequential scans off alone, a
#    hash of a full scan of jobs_pkey, 38,057 rows fetched).
# Both releases happen (the dependents are queued), and the graph's other checks are
# test_dependencies'.
# Then job_deps_left, empty again, is analyzed (0 rows on its pages: estimated at 1 row
# whatever it holds; a job after two others gives it its pages, as a job with one dependency
# has no stripe since migration 0061) and jobs with none waiting, and of two roots with
# 1,000 jobs after both and a sink after those, the second to end: no scan of jobs_status_created, and every stripe is looked up by
# key (migration 0057), at most 3.5 rows fetched per dependent (0056: 1,004 index scans,
# 129,500 rows fetched). Then jobs is vacuumed and analyzed with 1 job waiting, and a
# cascade among 2,100 waiting jobs (the failure of a root with 100 dependents) cancels them
# by primary key: at most 1,000 rows of jobs fetched and no scan of jobs_status_created
# (0056: 2,304 rows, through it). Last, the commit's check that a waiting job has its edges
# refuses one inserted without, and reads a waiting job's state by primary key (0057's first
# version scanned jobs_status_created, all visible after the vacuum).
source "$(dirname "$0")/lib.sh"
jq_setup deps_stale_stats

check --fatal "jobq migrate exits 0" jobq migrate
sql "insert into jobs (type, queue, status, status_reason, publish_after, run_after,
                       published_at, finished_at)
     select 'noop', 'old', 'succeeded', 'done', now(), now(), now(), now()
     from generate_series(1, 50)" >/dev/null
check_status "submit a dependency" 0 jobq submit noop --queue dq
dep=$(sed -n 1p <<<"$OUT")
check_status "and a job after it" 0 jobq submit noop --queue dq --after "${dep:-x}"
one=$(sed -n 1p <<<"$OUT")
sql "alter table jobs set (autovacuum_enabled = false);
     alter table job_deps_left set (autovacuum_enabled = false);
     analyze jobs; analyze job_deps_left" >/dev/null
sql "insert into jobs (type, queue, status, status_reason, publish_after, run_after,
                       published_at, finished_at)
     select 'noop', 'old', 'succeeded', 'done', now(), now(), now(), now()
     from generate_series(1, 30000)" >/dev/null
python3 - "$T/fan.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"type":"noop","queue":"dq","ref":"root"}\n')
    for i in range(2000):
        f.write('{"type":"noop","queue":"dq","after":"root","payload":{"i":%d}}\n' % i)
PY
check_status "submit a root and 2,000 jobs after it (one batch)" 0 jobq submit --batch "$T/fan.jsonl"
root=$(sed -n 1p <<<"$OUT")
check_eq "2,000 jobs wait" 2001 "$(sql "select count(*) from jobs where status = 'waiting'")"

# end JOB — succeed JOB in a transaction of its own; prints "FETCHED SEQ_JOBS SEQ_STRIPES":
# that transaction's rows of jobs fetched through indexes, rows of jobs read by sequential
# scans, and rows of job_deps_left read by sequential scans
end() {
  sql "begin;
       update jobs set status = 'succeeded', status_reason = 'done', finished_at = now()
        where id = '$1';
       select coalesce(sum(idx_tup_fetch) filter (where relname = 'jobs'), 0) || ' ' ||
              coalesce(sum(seq_tup_read) filter (where relname = 'jobs'), 0) || ' ' ||
              coalesce(sum(seq_tup_read) filter (where relname = 'job_deps_left'), 0)
         from pg_stat_xact_user_tables where relname in ('jobs', 'job_deps_left');
       commit" | grep -E '^[0-9]+ [0-9]+ [0-9]+$'
}
read -r fetched seq_jobs seq_stripes <<<"$(end "${dep:-00000000-0000-0000-0000-000000000000}")"
note "one end with one dependent: jobs rows fetched $fetched, read sequentially $seq_jobs; stripes read sequentially $seq_stripes"
check "the end of a job with one dependent fetched at most 50 rows of jobs ($fetched)" \
  test "${fetched:-999999}" -le 50
check_eq "... and read none sequentially" 0 "${seq_jobs:-x}"
check_eq "... nor of job_deps_left" 0 "${seq_stripes:-x}"
check_eq "... and its dependent was queued" queued "$(sql "select status from jobs where id = '${one:-00000000-0000-0000-0000-000000000000}'")"

read -r fetched seq_jobs seq_stripes <<<"$(end "${root:-00000000-0000-0000-0000-000000000000}")"
note "one end with 2,000 dependents: jobs rows fetched $fetched, read sequentially $seq_jobs; stripes read sequentially $seq_stripes"
check "the end of a root with 2,000 dependents fetched at most 8,000 rows of jobs (4 a dependent: $fetched)" \
  test "${fetched:-999999}" -le 8000
check_eq "... read none of jobs sequentially" 0 "${seq_jobs:-x}"
check_eq "... nor of job_deps_left" 0 "${seq_stripes:-x}"
check_eq "... and queued its 2,000 dependents" 2000 \
  "$(sql "select count(*) from jobs where queue = 'dq' and status = 'queued' and status_reason = 'dependencies done' and payload ? 'i'")"
check_eq "no stripe is left" 0 "$(sql "select count(*) from job_deps_left")"
# A job with one dependency has no stripe (migration 0061): one after two jobs gets one,
# which both ends remove, so that the table has pages and no row.
check_status "two more jobs" 0 jobq submit noop --queue dq
p1=$(sed -n 1p <<<"$OUT")
check_status "..." 0 jobq submit noop --queue dq
p2=$(sed -n 1p <<<"$OUT")
check_status "and a job after both (a stripe of its own)" 0 jobq submit noop --queue dq --after "${p1:-x},${p2:-x}"
check_eq "... which it has" 1 "$(sql "select count(*) from job_deps_left")"
end "${p1:-00000000-0000-0000-0000-000000000000}" >/dev/null
end "${p2:-00000000-0000-0000-0000-000000000000}" >/dev/null
check_eq "... until both have ended" 0 "$(sql "select count(*) from job_deps_left")"

# ---- job_deps_left analyzed while empty (migration 0057)
# Every graph above is released: job_deps_left is empty and keeps its pages (autovacuum is off
# for it), so ANALYZE records 0 rows on N pages and the planner then estimates 1 row however
# many it holds. On 0056's statements a graph released after that walked the whole of
# job_deps_left_pkey for every released job (the anti join of the release), or rescanned the
# array of edges for every entry of it (the count's read and lock of the stripes): bench/graph
# saw 12 to 88 s for one release of 9,998 jobs.
sql "analyze job_deps_left; analyze jobs" >/dev/null  # jobs: about 32,000, none waiting
check_eq "job_deps_left is analyzed empty, with pages" "0|true" \
  "$(sql "select reltuples::bigint || '|' || (relpages > 0) from pg_class where relname = 'job_deps_left'")"
python3 - "$T/graph.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"type":"noop","queue":"dq","ref":"r2"}\n')
    f.write('{"type":"noop","queue":"dq","ref":"r2b"}\n')
    for i in range(1000):
        f.write('{"type":"noop","queue":"dq","ref":"m%d","after":["r2","r2b"],"payload":{"m":%d}}\n' % (i, i))
    f.write('{"type":"noop","queue":"dq","payload":{"sink":1},"after":[%s]}\n'
            % ",".join('"m%d"' % i for i in range(1000)))
PY
check_status "submit two roots, 1,000 jobs after both and a sink after those (one batch)" 0 \
  jobq submit --batch "$T/graph.jsonl"
r2=$(sed -n 1p <<<"$OUT")
r2b=$(sed -n 2p <<<"$OUT")
stripes=$(sql "select count(*) from job_deps_left")
note "the graph's stripes: $stripes (1,000 middle jobs' and the sink's)"
# the second root ends first (each middle job's stripe from 2 to 1), then the measured one
end "${r2b:-00000000-0000-0000-0000-000000000000}" >/dev/null
# the root's end in a transaction of its own: "SCANS FETCHED SEQ BYSTATE" (job_deps_left's
# index scans started, rows fetched through them, rows read sequentially; scans of
# jobs_status_created, which walks every waiting entry to find one id)
read -r scans fetched seq bystate <<<"$(sql "begin;
     update jobs set status = 'succeeded', status_reason = 'done', finished_at = now()
      where id = '${r2:-00000000-0000-0000-0000-000000000000}';
     select idx_scan || ' ' || idx_tup_fetch || ' ' || seq_tup_read || ' ' ||
            pg_stat_get_xact_numscans('jobs_status_created'::regclass)
       from pg_stat_xact_user_tables where relname = 'job_deps_left';
     commit" | grep -E '^[0-9]+ [0-9]+ [0-9]+ [0-9]+$')"
note "the root's end: job_deps_left index scans $scans, rows fetched $fetched, read sequentially $seq; jobs_status_created scans $bystate"
# the plan's shape: 0056's walks of the whole index were 5 index scans in all
check "... looked up its 1,000 dependents' stripes by key, one index scan each per step (>= 3,000: $scans)" \
  test "${scans:-0}" -ge 3000
check "... fetching at most 3.5 rows of job_deps_left per dependent ($fetched; 0056: 4,625)" \
  test "${fetched:-999999}" -le 3500
check_eq "... and reading none sequentially" 0 "${seq:-x}"
check_eq "... nor any job through jobs_status_created" 0 "${bystate:-x}"
check_eq "... queued the 1,000 jobs after it" 1000 \
  "$(sql "select count(*) from jobs where queue = 'dq' and status = 'queued' and payload ? 'm'")"
check_eq "... whose stripes are gone, the sink's are all left" "$((stripes - 1000))" \
  "$(sql "select count(*) from job_deps_left")"
check_eq "... and the sink still waits" waiting "$(sql "select status from jobs where payload ? 'sink'")"

# ---- a cascade among many waiting jobs (jobs analyzed with 1 waiting job of 33,000)
# A root with 2,000 jobs waiting after it (left waiting), and another with 100 after it that
# fails: the cascade cancels the 100 by primary key. Joined to their ids with the state's
# plain test, the update walked every waiting job once per cancelled one (from review: 12 s
# for a cascade of 10,000).
python3 - "$T/wait.jsonl" "$T/fail.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"type":"noop","queue":"held","ref":"r3"}\n')
    for i in range(2000):
        f.write('{"type":"noop","queue":"held","after":"r3","payload":{"w":%d}}\n' % i)
with open(sys.argv[2], "w") as f:
    f.write('{"type":"noop","queue":"dq","ref":"r4"}\n')
    for i in range(100):
        f.write('{"type":"noop","queue":"dq","after":"r4","payload":{"c":%d}}\n' % i)
PY
sql "vacuum analyze jobs" >/dev/null  # about 33,000 jobs, 1 waiting (the sink); all visible
check_status "submit 2,000 jobs waiting after one root" 0 jobq submit --batch "$T/wait.jsonl"
check_status "and 100 after another" 0 jobq submit --batch "$T/fail.jsonl"
r4=$(sed -n 1p <<<"$OUT")
read -r fetched seq_jobs bystate <<<"$(sql "begin;
     update jobs set status = 'failed', status_reason = 'failed', finished_at = now(),
            error = 'test' where id = '${r4:-00000000-0000-0000-0000-000000000000}';
     select idx_tup_fetch || ' ' || seq_tup_read || ' ' ||
            pg_stat_get_xact_numscans('jobs_status_created'::regclass)
       from pg_stat_xact_user_tables where relname = 'jobs';
     commit" | grep -E '^[0-9]+ [0-9]+ [0-9]+$')"
note "the failure of a root with 100 dependents among 2,100 waiting jobs: jobs rows fetched $fetched, read sequentially $seq_jobs; jobs_status_created scans $bystate"
check_eq "the failure cancelled its 100 dependents, each with its reason" 100 \
  "$(sql "select count(*) from jobs where status = 'cancelled' and payload ? 'c' and status_reason = 'dependency $r4 failed' and cancel_reason = status_reason")"
check_eq "... through no scan of jobs_status_created" 0 "${bystate:-x}"
check "... fetching at most 1,000 rows of jobs, not every waiting job ($fetched)" \
  test "${fetched:-999999}" -le 1000
check_eq "... reading none sequentially" 0 "${seq_jobs:-x}"
check_eq "... and the 2,000 others still wait" 2000 \
  "$(sql "select count(*) from jobs where status = 'waiting' and payload ? 'w'")"

# ---- the commit's check that a waiting job has its edges (jobq_check_waiting_linked, 0057)
out=$(sql "insert into jobs (type, queue, status, status_reason, publish_after, run_after,
                             has_dependencies)
           values ('noop', 'dq', 'waiting', 'dependencies', now(), now(), true)" 2>&1 || true)
check "a waiting job inserted with no edge is refused at its commit" \
  grep -q 'is waiting with no dependency: submit it with --after' <<<"$out"
check_eq "... and not kept" 0 \
  "$(sql "select count(*) from jobs where status = 'waiting' and queue = 'dq' and not exists (select 1 from job_deps d where d.job_id = jobs.id)")"
sink=$(sql "select id from jobs where payload ? 'sink'")
# a job after the sink (it waits), its check run at once: the scans of jobs_status_created
# that the check itself made
bystate=$(sql "begin;
     select jobq_submit('noop', '{\"late\": 1}'::jsonb, after => ARRAY['${sink:-00000000-0000-0000-0000-000000000000}']::uuid[]) is not null;
     create temporary table n0 as select pg_stat_get_xact_numscans('jobs_status_created'::regclass) as n;
     set constraints jobs_waiting_linked immediate;
     select 'scans ' || (pg_stat_get_xact_numscans('jobs_status_created'::regclass) - n) from n0;
     commit" | sed -n 's/^scans //p')
check_eq "the commit's check of a waiting job's edges scans no jobs_status_created" 0 "${bystate:-x}"
check_eq "... and the job waits" waiting "$(sql "select status from jobs where payload ? 'late'")"
