-- Less work per claim and finish.
--
-- - The history triggers look for waiters (job_waiters, filled only by `--wait` and
--   `jobq wait`) once per statement before they look for each terminal row's waiter: with
--   nobody waiting, a finish no longer joins its transition tables a second time.
-- - jobs_running_worker goes: a worker's running rows are found by id (heartbeats, claims
--   and finishes list them) or among the running rows of jobs_running_lease (the start-up
--   requeue, `jobq stats`), which are as many as the jobs running, and every claim wrote
--   an entry to it.

DROP INDEX jobs_running_worker;

CREATE OR REPLACE FUNCTION jobq_record_inserts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO job_events (job_id, from_status, to_status, at, worker_id, attempt, reason)
    SELECT n.id, NULL, n.status, now(), n.worker_id, n.attempt, n.status_reason
    FROM jobq_new n ORDER BY n.id;
    IF EXISTS (SELECT 1 FROM job_waiters) THEN
        PERFORM pg_notify('jobq_done', n.id::text)
        FROM jobq_new n
        WHERE n.status IN ('succeeded', 'failed', 'cancelled')
          AND EXISTS (SELECT 1 FROM job_waiters w WHERE w.job_id = n.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION jobq_record_updates() RETURNS trigger
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
    IF EXISTS (SELECT 1 FROM job_waiters) THEN
        PERFORM pg_notify('jobq_done', n.id::text)
        FROM jobq_new n JOIN jobq_old o ON o.id = n.id
        WHERE n.status IN ('succeeded', 'failed', 'cancelled')
          AND n.status IS DISTINCT FROM o.status
          AND EXISTS (SELECT 1 FROM job_waiters w WHERE w.job_id = n.id);
    END IF;
    RETURN NULL;
END
$$;
