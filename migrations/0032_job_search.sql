-- Search by filter (`jobq list`, and the commands that act on a set of jobs: docs/cli.md;
-- docs/design.md, "Finding jobs"). A page is the newest jobs first, keyed on
-- (created_at, id) and continued from the last one shown, never with OFFSET: each filter
-- column gets an index that ends in (created_at, id), so that a page, however deep, reads
-- about as many index entries as it shows (a batch shares one created_at: the id orders
-- its jobs, and a page inside a batch of 100,000 must not read the ones before it).
--
-- - jobs_created: no filter, or --since/--until and --meta alone. Its predicate
--   (max_attempts >= 1) holds for every row (CHECK 1..1000), but only a query that names it
--   may use the index: the filters with an index of their own (status, type, queue, worker)
--   leave it out, so that the planner cannot walk this index newest first and filter them
--   row by row. It would: the leading column of a composite index has a low correlation
--   with the table's order, which makes that index look dear, and when the newest jobs do
--   not match (a backlog of 40,000 queued jobs, with --status succeeded) the walk reads
--   them all (32 ms at 1,000,000 jobs; 0.1 ms by the status index).
-- - jobs_status_created gains id, and the succeeded rows 0014 left out (a page of them read
--   the newest rows of every status until it found 100: a backlog of 40,000 queued jobs
--   cost 60 ms). Running rows stay out, so that a claim writes no entry to it: they are as
--   many as the jobs running, found by jobs_running_lease.
-- - jobs_type_created, jobs_queue_created: --type, --queue.
-- - jobs_worker_created: --worker (the owner or the last worker), only rows that had one.
-- - jobs_metadata: --meta, containment (@>) in a GIN index with jsonb_path_ops (a hash per
--   path to a value: smaller than jsonb_ops and what @> needs), only of jobs that have
--   metadata, so that jobs without any cost it nothing.
--
-- Cost: every version of a row that is not a HOT update (submit, the publish mark, a claim,
-- a finish) writes an entry to each index whose predicate it matches: four more btree
-- entries per version (five with a worker), and the GIN entries of its metadata when it has
-- some. Measured in docs/benchmarks.md ("Search").
--
-- Building them reads the whole table and blocks writes to jobs (submits, claims,
-- finishes, heartbeats) until the migration commits, as 0018, 0024 and 0027 do (docs/cli.md,
-- "migrate"): on 1,000,000 jobs the six builds took about 9 s. On a large table, run it in a
-- quiet moment or `jobq prune` first.
-- lock_timeout: a migrate that cannot get its lock within 10 s fails and can be run again,
-- rather than queueing every statement on jobs behind it.
SET LOCAL lock_timeout = '10s';

CREATE INDEX jobs_created ON jobs (created_at, id) WHERE max_attempts >= 1;
CREATE INDEX jobs_type_created ON jobs (type, created_at, id);
CREATE INDEX jobs_queue_created ON jobs (queue, created_at, id);
CREATE INDEX jobs_worker_created ON jobs (worker_id, created_at, id)
    WHERE worker_id IS NOT NULL;
CREATE INDEX jobs_metadata ON jobs USING gin (job_metadata jsonb_path_ops)
    WHERE job_metadata <> '{}'::jsonb;

-- Built under another name first, then swapped (as 0014 did).
CREATE INDEX jobs_status_created_0032 ON jobs (status, created_at, id)
    WHERE status <> 'running';
DROP INDEX jobs_status_created;
ALTER INDEX jobs_status_created_0032 RENAME TO jobs_status_created;
