-- Less database work per claim and finish (docs/scaling.md, "Database work per claim and
-- finish").
--
-- - The history triggers write a statement's events and send its notifications in one
--   query: the INSERT, in a WITH, hands its terminal rows to the pg_notify query, which
--   looks at job_waiters only when it holds a row at all (a one-time test) and then for
--   each terminal row. 0007's IF EXISTS ran a query of its own at every statement, waiter
--   or not: one executor start-up more per claim or finish. What is recorded, and when
--   jobq_done is notified, is as before (0008's bodies): an event for every status change
--   and for a running job whose attempt changed (a takeover), in job id order; a
--   notification for each job that reached a terminal state and has a waiter.
-- - jobs_status_created (read only by `jobq list --status`) no longer holds running or
--   succeeded jobs. A claim or a finish changes indexed columns, so each writes a new entry
--   to every index whose predicate its row matches: a claim now writes two (the primary
--   key, jobs_running_lease), not three, and the finish of a succeeded job, the common
--   end, two (the primary key, jobs_finished), not three. `jobq list --status running`
--   reads jobs_running_lease instead (running rows are as many as the jobs running), `jobq
--   list --status succeeded` the table; every other status is still found by this index.
--   Building the new index blocks writes to jobs while it scans the table (reads go on),
--   heartbeats included: on a large table, stop the consumers first or run it in a quiet
--   moment, well within a lease (a worker whose heartbeats wait past its lease stops its
--   running jobs, which then run again).
--
-- The functions keep their SECURITY DEFINER, fixed search_path, owner check and
-- schema-qualified calls (0008); CREATE OR REPLACE keeps their owner and grants.

CREATE OR REPLACE FUNCTION jobq_record_inserts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    notified bigint;
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'public.jobs'::pg_catalog.regclass::pg_catalog.oid THEN
        RAISE EXCEPTION 'jobq_record_inserts fires only on jobs, not on %', TG_RELID::regclass;
    END IF;
    WITH ev AS (
        INSERT INTO job_events (job_id, from_status, to_status, at, worker_id, attempt, reason)
        SELECT n.id, NULL, n.status, pg_catalog.now(), n.worker_id, n.attempt, n.status_reason
        FROM jobq_new n ORDER BY n.id
        RETURNING job_id, to_status)
    SELECT pg_catalog.count(pg_catalog.pg_notify('jobq_done'::text, ev.job_id::text))
    INTO notified
    FROM ev
    WHERE ev.to_status IN ('succeeded'::text, 'failed'::text, 'cancelled'::text)
      AND EXISTS (SELECT 1 FROM job_waiters)
      AND EXISTS (SELECT 1 FROM job_waiters w WHERE w.job_id = ev.job_id);
    RETURN NULL;
END
$$;

-- The transition tables have no index: a hash join keeps the join of a statement that
-- updated n rows linear (enable_nestloop off, as since 0005).
CREATE OR REPLACE FUNCTION jobq_record_updates() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET enable_nestloop = off AS $$
DECLARE
    notified bigint;
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'public.jobs'::pg_catalog.regclass::pg_catalog.oid THEN
        RAISE EXCEPTION 'jobq_record_updates fires only on jobs, not on %', TG_RELID::regclass;
    END IF;
    -- A terminal event is always a status change (terminal is not running), so the rows
    -- the INSERT returns with a terminal state are exactly the jobs that just ended.
    WITH ev AS (
        INSERT INTO job_events (job_id, from_status, to_status, at, worker_id, attempt, reason)
        SELECT n.id, o.status, n.status, pg_catalog.now(), COALESCE(n.worker_id, o.worker_id),
               n.attempt, n.status_reason
        FROM jobq_new n JOIN jobq_old o ON o.id = n.id
        WHERE n.status IS DISTINCT FROM o.status
           OR (n.status = 'running'::text AND n.attempt IS DISTINCT FROM o.attempt)
        ORDER BY n.id
        RETURNING job_id, to_status)
    SELECT pg_catalog.count(pg_catalog.pg_notify('jobq_done'::text, ev.job_id::text))
    INTO notified
    FROM ev
    WHERE ev.to_status IN ('succeeded'::text, 'failed'::text, 'cancelled'::text)
      AND EXISTS (SELECT 1 FROM job_waiters)
      AND EXISTS (SELECT 1 FROM job_waiters w WHERE w.job_id = ev.job_id);
    RETURN NULL;
END
$$;

-- Built under another name first, then swapped: the build takes a SHARE lock (reads go on,
-- writes wait), and the ACCESS EXCLUSIVE lock of the drop and rename lasts a moment at the
-- end. lock_timeout: a migrate that cannot get a lock within 10 s fails and can be run again,
-- rather than queueing every statement on jobs behind it.
SET LOCAL lock_timeout = '10s';
CREATE INDEX jobs_status_created_0014 ON jobs (status, created_at)
    WHERE status NOT IN ('running', 'succeeded');
DROP INDEX jobs_status_created;
ALTER INDEX jobs_status_created_0014 RENAME TO jobs_status_created;
