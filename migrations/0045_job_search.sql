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
-- of them, a finish one in each, and a submit, the relay's take and the publish mark one in
-- jobs_type_created and jobs_queue_created. Over finished jobs only, those three would
-- write none either, but then a filtered page of the scheduled and queued
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
-- - job_meta_pairs: --meta. A job's string-valued metadata pairs, one row each, written
--   once by a trigger when the job is inserted (metadata never changes afterwards) and
--   deleted with the job (ON DELETE CASCADE), keyed (key, value, created_at, job_id): a
--   --meta page walks one pair's jobs newest first and reads about as many as it shows,
--   whatever the value's age or spread, where a GIN index (the first layout) can only
--   return every job with the pair, unordered, and the planner walked the newest jobs of
--   every state instead, filtering on @> (review R-meta F1: 0.2 to 2.7 s a page on
--   1,000,000 jobs). Only the pairs --meta can name are kept (a string value; a key of at
--   most 128 bytes, a value of at most 1,024: the CLI's limits). Nothing is written for a
--   job without metadata, and nothing after its insert: the relay's take, the publish
--   mark, the claim and the finish change no row of it (a GIN index got the job's entries
--   again at every one of those updates, none of them HOT).
--
-- Cost: an update that is not HOT writes an entry in every index whose predicate its new
-- row version matches, and no update of a job's life is HOT (each changes an indexed
-- column or one an index predicate names). So a submit writes one entry in
-- jobs_type_created and jobs_queue_created; the relay's take and the publish mark (queued
-- rows) one in each again; a claim none (running); a finish one in jobs_type_created,
-- jobs_queue_created and jobs_worker_created, and in jobs_status_created when it succeeds
-- (0014's index had failed and cancelled rows already). A job with metadata adds a row and
-- two entries per pair at its insert. Measured in docs/scaling.md ("Search indexes").
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
CREATE TABLE job_meta_pairs (
    meta_key   text NOT NULL,
    meta_value text NOT NULL,
    created_at timestamptz NOT NULL,  -- the job's, which never changes
    job_id     uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    PRIMARY KEY (meta_key, meta_value, created_at, job_id)
);
-- the cascade's lookup when a job is deleted (jobq prune, retention)
CREATE INDEX job_meta_pairs_job ON job_meta_pairs (job_id);

-- Written by the owner (SECURITY DEFINER): the roles that insert jobs get no privilege on
-- the table (common/migrate.c grants the CLI SELECT for `list`).
CREATE FUNCTION jobq_keep_meta_pairs() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    INSERT INTO public.job_meta_pairs (meta_key, meta_value, created_at, job_id)
    SELECT e.key, e.value #>> '{}', NEW.created_at, NEW.id
      FROM pg_catalog.jsonb_each(NEW.job_metadata) e
     WHERE pg_catalog.jsonb_typeof(e.value) = 'string'
       AND pg_catalog.octet_length(e.key) <= 128
       AND pg_catalog.octet_length(e.value #>> '{}') <= 1024;
    RETURN NULL;
END
$$;
-- Row by row, only for jobs with metadata: a job without any costs the WHEN's test.
CREATE TRIGGER jobs_meta_pairs AFTER INSERT ON jobs FOR EACH ROW
    WHEN (NEW.job_metadata <> '{}'::jsonb)
    EXECUTE FUNCTION jobq_keep_meta_pairs();
-- created_at never changes in jobq; a session that sets it anyway (a backfill through SQL)
-- moves the pairs with it, so a page's walk keeps the jobs' order.
CREATE FUNCTION jobq_move_meta_pairs() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    UPDATE public.job_meta_pairs SET created_at = NEW.created_at WHERE job_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER jobs_meta_pairs_moved AFTER UPDATE OF created_at ON jobs FOR EACH ROW
    WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at
          AND NEW.job_metadata <> '{}'::jsonb)
    EXECUTE FUNCTION jobq_move_meta_pairs();
-- Jobs submitted before this migration: their pairs, so --meta finds them too.
INSERT INTO job_meta_pairs (meta_key, meta_value, created_at, job_id)
SELECT e.key, e.value #>> '{}', j.created_at, j.id
  FROM jobs j CROSS JOIN LATERAL jsonb_each(j.job_metadata) e
 WHERE j.job_metadata <> '{}'::jsonb AND jsonb_typeof(e.value) = 'string'
   AND octet_length(e.key) <= 128 AND octet_length(e.value #>> '{}') <= 1024;

-- Built under another name first, then swapped (as 0014 did).
CREATE INDEX jobs_status_created_0045 ON jobs (status, created_at, id)
    WHERE status <> 'running';
DROP INDEX jobs_status_created;
ALTER INDEX jobs_status_created_0045 RENAME TO jobs_status_created;
