-- Privileges: what each role can do is what its program does, and no more
-- (docs/security.md, "Least privilege").
--
-- 1. The history trigger functions run with their owner's rights, and CREATE FUNCTION had
--    granted EXECUTE on them to PUBLIC. PostgreSQL checks that right when a trigger is
--    created, not when it fires, so any role could attach them to a temporary table of its
--    own and write or erase job_events rows. EXECUTE is revoked from PUBLIC (jobs' own
--    triggers were created by the owner and keep firing), and each function now refuses to
--    run on any table but jobs, should its owner ever attach it elsewhere. The bodies are
--    those of 0007 (jobq_forget_deleted: 0005) with that check in front.
--
-- 2. The CLI's writes to jobs and workers go through the functions below, each doing exactly
--    one command's write with the checks it always had: jobq migrate then grants jobq_cli
--    EXECUTE on them instead of UPDATE and DELETE on jobs and DELETE on workers, so the CLI
--    can no longer rewrite a job's state, owner or publish mark, delete a job that is not
--    finished, or delete a live worker's row (which made its running job look taken over).
--    They are SECURITY DEFINER with a fixed search_path (the tables live in public).
--
-- 3. workers.backend_pid: the server process of the session that holds the worker's
--    liveness lock. The lock key is now random per registration, and a worker counts as alive
--    only while that very session holds it (jobq_lock_holder_alive), so no other role can
--    keep a worker from starting by holding the lock of its id, nor make a dead one look
--    alive by taking its key.
--
-- 4. jobs_insert_new: a role other than the owner inserts a job only as a new one
--    (scheduled or queued, no worker, attempt or outcome).
--
-- 5. job_waiters: row-level security, so that a session other than the owner's sees, adds
--    and deletes only its own rows (and the stale rows of ended sessions), and cannot
--    silence another `jobq wait`.
--
-- The definer functions call only schema-qualified operators and functions with exact
-- argument types (see below), so nothing planted in public can stand in for them.

CREATE OR REPLACE FUNCTION jobq_record_inserts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'public.jobs'::pg_catalog.regclass::pg_catalog.oid THEN
        RAISE EXCEPTION 'jobq_record_inserts fires only on jobs, not on %', TG_RELID::regclass;
    END IF;
    INSERT INTO job_events (job_id, from_status, to_status, at, worker_id, attempt, reason)
    SELECT n.id, NULL, n.status, pg_catalog.now(), n.worker_id, n.attempt, n.status_reason
    FROM jobq_new n ORDER BY n.id;
    IF EXISTS (SELECT 1 FROM job_waiters) THEN
        PERFORM pg_catalog.pg_notify('jobq_done'::text, n.id::text)
        FROM jobq_new n
        WHERE n.status IN ('succeeded'::text, 'failed'::text, 'cancelled'::text)
          AND EXISTS (SELECT 1 FROM job_waiters w WHERE w.job_id = n.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION jobq_record_updates() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET enable_nestloop = off AS $$
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'public.jobs'::pg_catalog.regclass::pg_catalog.oid THEN
        RAISE EXCEPTION 'jobq_record_updates fires only on jobs, not on %', TG_RELID::regclass;
    END IF;
    INSERT INTO job_events (job_id, from_status, to_status, at, worker_id, attempt, reason)
    SELECT n.id, o.status, n.status, pg_catalog.now(), COALESCE(n.worker_id, o.worker_id), n.attempt,
           n.status_reason
    FROM jobq_new n JOIN jobq_old o ON o.id = n.id
    WHERE n.status IS DISTINCT FROM o.status
       OR (n.status = 'running'::text AND n.attempt IS DISTINCT FROM o.attempt)
    ORDER BY n.id;
    IF EXISTS (SELECT 1 FROM job_waiters) THEN
        PERFORM pg_catalog.pg_notify('jobq_done'::text, n.id::text)
        FROM jobq_new n JOIN jobq_old o ON o.id = n.id
        WHERE n.status IN ('succeeded'::text, 'failed'::text, 'cancelled'::text)
          AND n.status IS DISTINCT FROM o.status
          AND EXISTS (SELECT 1 FROM job_waiters w WHERE w.job_id = n.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION jobq_forget_deleted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'public.jobs'::pg_catalog.regclass::pg_catalog.oid THEN
        RAISE EXCEPTION 'jobq_forget_deleted fires only on jobs, not on %', TG_RELID::regclass;
    END IF;
    DELETE FROM job_events e USING jobq_old o WHERE e.job_id = o.id;
    RETURN NULL;
END
$$;

-- Every call in the SECURITY DEFINER functions below names pg_catalog's operator or function
-- and gives it arguments of its exact types: PostgreSQL prefers an exact match anywhere in
-- search_path over an inexact one earlier in it, so a role that may CREATE in public could
-- otherwise plant, say, public./(bigint, numeric) and have it run with the owner's rights.
-- Text given by the caller is cut to 1000 characters, prune's cutoff to now() and its batch
-- to 1..10000.

-- jobq retry and jobq dead requeue: requeue a failed or cancelled job as if new. One
-- statement: the UPDATE only touches a failed or cancelled job, and `target` reads the row
-- as the statement found it, so a miss tells an unknown id (no row) from a job in another
-- state (a row with a NULL id). $2 is the relay's grace in ms, $3 the history's reason.
CREATE FUNCTION jobq_cli_retry(job uuid, grace_ms bigint, reason text)
    RETURNS TABLE (status text, id uuid, queue text, type text)
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
WITH target AS (SELECT j.status FROM public.jobs j WHERE j.id = $1),
 requeued AS (
  UPDATE public.jobs SET status = 'queued'::text,
   status_reason = pg_catalog.left($3, 1000),
   attempt = 0, error = NULL, result = NULL, progress = NULL,
   started_at = NULL, finished_at = NULL,
   worker_id = NULL, heartbeat_at = NULL, lease_expires_at = NULL,
   cancel_requested_at = NULL, cancel_reason = NULL,
   run_after = pg_catalog.now(), published_at = NULL, updated_at = pg_catalog.now(),
   publish_after = pg_catalog.now() OPERATOR(pg_catalog.+) pg_catalog.make_interval(
       secs => ($2::float8 OPERATOR(pg_catalog./) 1000::float8))
  WHERE jobs.id = $1 AND jobs.status IN ('failed'::text, 'cancelled'::text)
  RETURNING jobs.id, jobs.queue, jobs.type)
SELECT t.status, r.id, r.queue, r.type FROM target t LEFT JOIN requeued r ON true
$$;

-- jobq cancel: a scheduled or queued job is cancelled at once, a running one gets a cancel
-- request (its worker stops it); finished jobs are left alone. Returns each found job with
-- the state the write acted on: the rows are locked first, in id order, as every statement
-- that locks several jobs does.
CREATE FUNCTION jobq_cli_cancel(ids uuid[], reason text)
    RETURNS TABLE (id uuid, status text)
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
WITH cur AS (SELECT j.id, j.status FROM public.jobs j WHERE j.id = ANY($1)
             ORDER BY j.id FOR UPDATE),
 upd AS (
  UPDATE public.jobs j SET
   status = CASE WHEN cur.status IN ('scheduled'::text, 'queued'::text) THEN 'cancelled'::text
            ELSE j.status END,
   status_reason = CASE WHEN cur.status IN ('scheduled'::text, 'queued'::text)
                   THEN 'cancelled before it started'::text ELSE j.status_reason END,
   finished_at = CASE WHEN cur.status IN ('scheduled'::text, 'queued'::text)
                 THEN pg_catalog.now() ELSE j.finished_at END,
   cancel_requested_at = COALESCE(j.cancel_requested_at, pg_catalog.now()),
   cancel_reason = COALESCE(j.cancel_reason, pg_catalog.left($2, 1000)),
   updated_at = pg_catalog.now()
  FROM cur WHERE j.id = cur.id
   AND cur.status IN ('scheduled'::text, 'queued'::text, 'running'::text)
  RETURNING j.id)
SELECT cur.id, cur.status FROM cur
$$;

-- The publish mark, after the broker confirmed a job (the relay; migration 0010 fences it on
-- the lease token and gives the CLI its own): only a queued, unpublished job still at the
-- attempt it was published with ($2: a JSON object {"id": attempt}). The rows are found by
-- primary key and locked in id order. Returns how many were marked.
CREATE FUNCTION jobq_mark_published(ids uuid[], attempts jsonb) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
WITH l AS (SELECT j.id AS lid FROM public.jobs j WHERE j.id = ANY($1)
           AND j.status = 'queued'::text AND j.published_at IS NULL ORDER BY j.id FOR UPDATE),
 m AS (UPDATE public.jobs j SET published_at = pg_catalog.now() FROM l
       WHERE j.id = l.lid
         AND j.attempt = ($2 OPERATOR(pg_catalog.->>) j.id::text)::integer RETURNING 1)
SELECT count(*) FROM m
$$;

-- jobq prune: up to `batch` (1..10000) finished jobs that finished before the cutoff (at
-- most now()), with their history (the jobs_history_delete trigger). SKIP LOCKED leaves
-- rows another session is changing (a concurrent retry) alone; the status test is
-- rechecked on the locked rows. NULL arguments are refused, not read as "no limit".
CREATE FUNCTION jobq_cli_prune_jobs(cutoff timestamptz, batch integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE n bigint;
BEGIN
    IF cutoff IS NULL OR batch IS NULL THEN
        RAISE EXCEPTION 'jobq_cli_prune_jobs: cutoff and batch must not be NULL';
    END IF;
    WITH doomed AS (SELECT j.id FROM public.jobs j
                     WHERE j.finished_at < LEAST(cutoff, pg_catalog.now())
                     AND j.status IN ('succeeded'::text, 'failed'::text, 'cancelled'::text)
                    ORDER BY j.finished_at LIMIT GREATEST(LEAST(batch, 10000), 1)
                    FOR UPDATE SKIP LOCKED),
     d AS (DELETE FROM public.jobs j USING doomed WHERE j.id = doomed.id RETURNING 1)
    SELECT count(*) INTO n FROM d;
    RETURN n;
END
$$;

-- jobq prune: the workers that stopped before the cutoff (at most now()); a running or
-- draining worker's row is never deleted. A NULL cutoff is refused.
CREATE FUNCTION jobq_cli_prune_workers(cutoff timestamptz) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE n bigint;
BEGIN
    IF cutoff IS NULL THEN
        RAISE EXCEPTION 'jobq_cli_prune_workers: cutoff must not be NULL';
    END IF;
    WITH d AS (DELETE FROM public.workers w WHERE w.state = 'stopped'::text
               AND coalesce(w.stopped_at, w.heartbeat_at) < LEAST(cutoff, pg_catalog.now())
               RETURNING 1)
    SELECT count(*) INTO n FROM d;
    RETURN n;
END
$$;

-- A role that may insert jobs (jobq_cli, for jobq submit) inserts them as new: scheduled or
-- queued, with no owner and no attempt or outcome. A forged running job would belong to no
-- worker, so no reaper would ever requeue it; a forged finished one would lie in the
-- history. The jobs table's owner (the migrations, tests, an operator's repair) may insert
-- anything. The WHEN clause lets an ordinary submit pass without calling the function.
CREATE FUNCTION jobq_check_new_job() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c
                                   WHERE c.oid OPERATOR(pg_catalog.=) TG_RELID),
                                  'USAGE'::text) THEN
        RAISE EXCEPTION 'a new job must be scheduled or queued, with no worker, attempt or outcome (got status %)',
            NEW.status USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER jobs_insert_new BEFORE INSERT ON jobs FOR EACH ROW
    WHEN (NEW.status NOT IN ('scheduled', 'queued') OR NEW.worker_id IS NOT NULL
          OR NEW.attempt <> 0 OR NEW.published_at IS NOT NULL OR NEW.started_at IS NOT NULL
          OR NEW.finished_at IS NOT NULL OR NEW.result IS NOT NULL OR NEW.error IS NOT NULL)
    EXECUTE FUNCTION jobq_check_new_job();

-- job_waiters: a session other than the table owner's sees, adds and deletes only its own
-- rows (backend = its server process), and may also see and delete the rows a session left
-- behind a day ago and more (jobq prune). Otherwise any `jobq` could delete every other
-- `jobq wait`'s rows and silence the NOTIFY it waits for. The history triggers read the table
-- as its owner and see every row.
ALTER TABLE job_waiters ENABLE ROW LEVEL SECURITY;
CREATE POLICY job_waiters_own ON job_waiters
    USING (backend = pg_backend_pid()
           OR (created_at < now() - interval '1 day'
               AND backend NOT IN (SELECT a.pid FROM pg_stat_activity a)))
    WITH CHECK (backend = pg_backend_pid());

ALTER TABLE workers ADD COLUMN backend_pid integer;
COMMENT ON COLUMN workers.lock_key IS
    'random key of the session advisory lock held for the worker''s lifetime';
COMMENT ON COLUMN workers.backend_pid IS
    'server process of the session holding lock_key (NULL: registered before 0008)';

-- Whether the session of server process `pid` holds the exclusive advisory lock `key` in
-- this database: the worker that registered them is alive. Any other session holding the
-- key proves nothing. A row from before 0008 (pid NULL) counts as alive while anyone holds
-- its key, as it did then. pg_locks needs no privilege; no lock is taken. VOLATILE: the
-- lock table changes under a running statement.
CREATE FUNCTION jobq_lock_holder_alive(key bigint, pid integer) RETURNS boolean
    LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
SELECT EXISTS (
    SELECT 1 FROM pg_catalog.pg_locks l
    WHERE l.locktype = 'advisory' AND l.granted AND l.mode = 'ExclusiveLock'
      AND l.objsubid = 1::smallint
      AND ((l.classid::bigint OPERATOR(pg_catalog.<<) 32)
           OPERATOR(pg_catalog.|) l.objid::bigint) = $1
      AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                         WHERE d.datname = pg_catalog.current_database())
      AND ($2 IS NULL OR l.pid = $2))
$$;

-- jobq migrate grants EXECUTE on these to the roles that call them (common/migrate.c).
REVOKE EXECUTE ON FUNCTION jobq_record_inserts(), jobq_record_updates(), jobq_forget_deleted(),
    jobq_cli_retry(uuid, bigint, text), jobq_cli_cancel(uuid[], text),
    jobq_mark_published(uuid[], jsonb), jobq_cli_prune_jobs(timestamptz, integer),
    jobq_cli_prune_workers(timestamptz), jobq_lock_holder_alive(bigint, integer),
    jobq_check_new_job() FROM PUBLIC;
