-- The history, recorded once per statement instead of once per row. A claim or a finish
-- now writes the rows of many jobs in one statement; the row-level trigger ran a plpgsql
-- call, a planned INSERT and a foreign-key check for each of them, which was a quarter of
-- the database's work per job. These statement-level triggers read the statement's
-- transition tables and write all its events in one INSERT, with the same content and the
-- same rules as before (0004): a status change, or a running job whose attempt changed (a
-- takeover); a terminal transition notifies jobq_done only where a waiter is registered.
--
-- job_events keeps no foreign key to jobs: only these SECURITY DEFINER functions write it
-- (no role has rights on it, docs/security.md), always for a row of jobs, and the delete
-- trigger below does what ON DELETE CASCADE did.

DROP TRIGGER jobs_transition ON jobs;
DROP FUNCTION jobq_record_transition();
ALTER TABLE job_events DROP CONSTRAINT job_events_job_id_fkey;

CREATE FUNCTION jobq_record_inserts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO job_events (job_id, from_status, to_status, at, worker_id, attempt, reason)
    SELECT n.id, NULL, n.status, now(), n.worker_id, n.attempt, n.status_reason
    FROM jobq_new n ORDER BY n.id;
    PERFORM pg_notify('jobq_done', n.id::text)
    FROM jobq_new n
    WHERE n.status IN ('succeeded', 'failed', 'cancelled')
      AND EXISTS (SELECT 1 FROM job_waiters w WHERE w.job_id = n.id);
    RETURN NULL;
END
$$;

-- The transition tables have no index: with a nested loop, the join of a statement that
-- updated n rows (a batch's mark as published, a heartbeat) costs n x n. A hash join
-- keeps it linear.
CREATE FUNCTION jobq_record_updates() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    SET enable_nestloop = off AS $$
BEGIN
    INSERT INTO job_events (job_id, from_status, to_status, at, worker_id, attempt, reason)
    SELECT n.id, o.status, n.status, now(), COALESCE(n.worker_id, o.worker_id), n.attempt,
           n.status_reason
    FROM jobq_new n JOIN jobq_old o ON o.id = n.id
    WHERE n.status IS DISTINCT FROM o.status
       OR (n.status = 'running' AND n.attempt IS DISTINCT FROM o.attempt)
    ORDER BY n.id;
    PERFORM pg_notify('jobq_done', n.id::text)
    FROM jobq_new n JOIN jobq_old o ON o.id = n.id
    WHERE n.status IN ('succeeded', 'failed', 'cancelled')
      AND n.status IS DISTINCT FROM o.status
      AND EXISTS (SELECT 1 FROM job_waiters w WHERE w.job_id = n.id);
    RETURN NULL;
END
$$;

CREATE FUNCTION jobq_forget_deleted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    DELETE FROM job_events e USING jobq_old o WHERE e.job_id = o.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_history_insert AFTER INSERT ON jobs
    REFERENCING NEW TABLE AS jobq_new
    FOR EACH STATEMENT EXECUTE FUNCTION jobq_record_inserts();
CREATE TRIGGER jobs_history_update AFTER UPDATE ON jobs
    REFERENCING OLD TABLE AS jobq_old NEW TABLE AS jobq_new
    FOR EACH STATEMENT EXECUTE FUNCTION jobq_record_updates();
CREATE TRIGGER jobs_history_delete AFTER DELETE ON jobs
    REFERENCING OLD TABLE AS jobq_old
    FOR EACH STATEMENT EXECUTE FUNCTION jobq_forget_deleted();
