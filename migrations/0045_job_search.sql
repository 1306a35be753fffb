-- Search by filter (`jobq list`, and the commands that act on a set of jobs: docs/cli.md;
-- docs/design.md, "Finding jobs"). A page is the newest jobs first, keyed on
-- (created_at, id) and continued from the last one shown, never with OFFSET: each filter
-- column gets an index that ends in (created_at, id), so that a page, however deep, reads
-- about as many index entries as it shows (a batch shares one created_at: the id orders
-- its jobs, and a page inside a batch of 100,000 must not read the ones before it).
--
-- The filter indexes leave RUNNING jobs out, as jobs_status_created does since 0014. A
-- claim or a finish changes status, so it is never a HOT update: the new row version gets
-- an entry in every index whose predicate it matches. Over every job, these indexes cost a
-- claim four or five entries and a finish as many again (41 us more database CPU per
-- claimed or finished row, docs/scaling.md). Without the running jobs, a claim writes none
-- of them, a finish one in each, and a submit one in jobs_type_created and
-- jobs_queue_created (and the GIN entries of its metadata). Over finished jobs only, a
-- submit would write none either, but then a filtered page of the scheduled and queued
-- jobs must read all of them: 35,000 queued jobs took 20 to 150 ms (a shared machine). The
-- running jobs (as many as run at once) are read through jobs_running_lease. A page is one
-- branch per state, each ordered and limited on its own, merged in (created_at, id) order
-- (jobq_filter_page_sql, common/store_filter.c); the state is a constant in each branch, so
-- that the planner sees which partial index holds its rows.
--
-- - jobs_status_created gains id, and the succeeded rows 0014 left out (a page of them read
--   the newest rows of every status until it found 100). It also serves a page without a
--   filter of its own column (none, --since/--until): a branch per state.
-- - jobs_type_created, jobs_queue_created: --type, --queue; jobs_worker_created: --worker
--   (the last worker), only rows that have one (not a job that never ran). Each starts
--   with status: a branch (one state) reads exactly its rows, newest first, however few of
--   the column's jobs are in that state (a worker with no cancelled job made the cancelled
--   branch of an index without status read every finished job of that worker: 15,000
--   rows, 180 ms).
-- - jobs_metadata: --meta, containment (@>) in a GIN index with jsonb_path_ops (a hash per
--   path to a value: smaller than jsonb_ops and what @> needs), only of jobs that have
--   metadata, so that jobs without any cost it nothing.
--
-- Cost: a finish writes an entry to jobs_type_created, jobs_queue_created and
-- jobs_worker_created, and to jobs_status_created when it succeeds (0014's index had
-- failed and cancelled rows already), plus the GIN entries of its metadata when it has
-- some; a submit to jobs_type_created and jobs_queue_created (and the GIN); a claim to
-- none. Measured in docs/scaling.md ("Search indexes").
--
-- Building them reads the whole table and blocks writes to jobs (submits, claims,
-- finishes, heartbeats) until the migration commits, as 0018, 0024 and 0027 do (docs/cli.md,
-- "migrate"): on 1,000,000 jobs the five builds took 27 to 44 s on a loaded machine (load
-- average 13 to 28; the first layout's six took 9 s at about 6). On a large table, run it
-- in a quiet moment or `jobq prune` first.
-- lock_timeout: a migrate that cannot get its lock within 10 s fails and can be run again,
-- rather than queueing every statement on jobs behind it.
SET LOCAL lock_timeout = '10s';

CREATE INDEX jobs_type_created ON jobs (status, type, created_at, id)
    WHERE status <> 'running';
CREATE INDEX jobs_queue_created ON jobs (status, queue, created_at, id)
    WHERE status <> 'running';
CREATE INDEX jobs_worker_created ON jobs (status, worker_id, created_at, id)
    WHERE status <> 'running' AND worker_id IS NOT NULL;
CREATE INDEX jobs_metadata ON jobs USING gin (job_metadata jsonb_path_ops)
    WHERE status <> 'running' AND job_metadata <> '{}'::jsonb;

-- Built under another name first, then swapped (as 0014 did).
CREATE INDEX jobs_status_created_0045 ON jobs (status, created_at, id)
    WHERE status <> 'running';
DROP INDEX jobs_status_created;
ALTER INDEX jobs_status_created_0045 RENAME TO jobs_status_created;
