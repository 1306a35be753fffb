-- Retention applied by the consumers (docs/configuration.md#retention, docs/cli.md "prune").
--
-- 1. jobq_prune_jobs_before: one batch of the finished jobs of the given states that
--    finished before a cutoff, by their finished_at and by their history, with that history
--    (the jobs_history_delete trigger, migration 0005). It is the body jobq_cli_prune_jobs
--    (migration 0008) had, with the states as an argument: `jobq prune` passes the three
--    terminal states and one cutoff through jobq_cli_prune_jobs, a consumer's retention
--    round one state and that state's own cutoff through jobq_prune_jobs, which holds the
--    cutoff to a minute ago at the latest. One piece of code serves both.
-- 2. jobq_prune_dead_letters: one batch of dead letters recorded before a cutoff (by their
--    own age: a dead letter may name no job, or a job kept longer).
-- 3. retention_rounds and jobq_retention_record: what each retention round did, for `jobq
--    stats`, the tests and the operator; the table keeps the latest 1000 rounds.
--
-- jobq migrate grants EXECUTE on 1 to 3 to jobq_consumer, and SELECT on retention_rounds to
-- jobq_cli (common/migrate.c).

-- The index the prune reads (docs/configuration.md#retention): one state's finished jobs in
-- finish order, so that a batch is a range scan that stops at its LIMIT, or at once when
-- nothing of that state is due. jobs_finished (0001, finished_at alone) made the planner
-- read every finished job of the other states too (a seq scan on a large table).
-- It replaces jobs_finished, which nothing else reads (`jobq prune` names the finished
-- states too, and `jobq stats` counts over the whole table), so that a finish still writes
-- one entry here, not two.
CREATE INDEX jobs_status_finished ON jobs (status, finished_at) WHERE finished_at IS NOT NULL;
DROP INDEX jobs_finished;

-- jobq_prune_jobs_before: one batch of jobs of the given finished states that finished
-- before a cutoff (at most now()), with their history; granted to no role, called by the two
-- entry points below. A job's age is read twice: from jobs.finished_at, which the index
-- orders, and from its history, which only the SECURITY DEFINER triggers write with the
-- server's clock (jobq_record_updates, 0021: a finish is stamped now() of its statement's
-- transaction). A job is due only if its latest event (by id) is into its present state
-- and every event of it is before the cutoff, so a job whose status and finished_at were
-- written by hand (the consumer role has UPDATE on jobs) is as old as the forged transition
-- itself. The two checks are subqueries run per row along job_events' key (job_id, id), so
-- the plan stays an ordered range scan that stops at the LIMIT (written as EXISTS, a
-- custom plan hash-joined all of job_events and sorted every due job: 1.5 s for 500 of
-- 100,000).
-- SKIP LOCKED leaves rows another session is changing (a concurrent retry) alone; the WHERE
-- clause is rechecked on the rows it locked, so a job requeued meanwhile is not deleted.
-- States other than the three terminal ones are refused, as NULL arguments are.
CREATE FUNCTION jobq_prune_jobs_before(states text[], cutoff timestamptz, batch integer)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE n bigint := 0;
    k bigint;
    lim integer;
    c timestamptz;
    s text;
BEGIN
    IF states IS NULL OR cutoff IS NULL OR batch IS NULL THEN
        RAISE EXCEPTION 'jobq_prune_jobs: states, cutoff and batch must not be NULL';
    END IF;
    IF NOT states <@ ARRAY['succeeded'::text, 'failed'::text, 'cancelled'::text] THEN
        RAISE EXCEPTION 'jobq_prune_jobs: only finished states (succeeded, failed, cancelled) may be pruned, not %', states;
    END IF;
    c := LEAST(cutoff, pg_catalog.now());
    lim := GREATEST(LEAST(batch, 10000), 1);
    -- One state at a time: `status = s` is a range of jobs_status_finished in finish order
    -- that stops at the LIMIT; `status = ANY (states)` made the planner walk jobs_finished
    -- through every finished job of the other states instead.
    FOREACH s IN ARRAY states LOOP
        EXIT WHEN n >= lim;
        WITH doomed AS (SELECT j.id FROM public.jobs j
                         WHERE j.status = s AND j.finished_at < c
                           AND (SELECT e.to_status = j.status FROM public.job_events e
                                 WHERE e.job_id = j.id ORDER BY e.id DESC LIMIT 1)
                           AND (SELECT pg_catalog.max(e.at) FROM public.job_events e
                                 WHERE e.job_id = j.id) < c
                        ORDER BY j.finished_at LIMIT lim - n
                        FOR UPDATE SKIP LOCKED),
         d AS (DELETE FROM public.jobs j USING doomed WHERE j.id = doomed.id RETURNING 1)
        SELECT count(*) INTO k FROM d;
        n := n + k;
    END LOOP;
    RETURN n;
END
$$;

-- The consumers' entry point (jobq_consumer has EXECUTE): the cutoff is at most one minute
-- before now(), the shortest retention window (docs/configuration.md#retention). A session
-- with the consumer's password can still mark a live job finished, but that transition is
-- in the job's history with the server's time, and the job is not due until a minute later.
CREATE FUNCTION jobq_prune_jobs(states text[], cutoff timestamptz, batch integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN public.jobq_prune_jobs_before(
        states, LEAST(cutoff, pg_catalog.now() - interval '1 minute'), batch);
END
$$;

CREATE OR REPLACE FUNCTION jobq_cli_prune_jobs(cutoff timestamptz, batch integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF cutoff IS NULL OR batch IS NULL THEN
        RAISE EXCEPTION 'jobq_cli_prune_jobs: cutoff and batch must not be NULL';
    END IF;
    RETURN public.jobq_prune_jobs_before(
        ARRAY['succeeded'::text, 'failed'::text, 'cancelled'::text], cutoff, batch);
END
$$;

-- Oldest first, along dead_letters_at (migration 0002).
CREATE FUNCTION jobq_prune_dead_letters(cutoff timestamptz, batch integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE n bigint;
BEGIN
    IF cutoff IS NULL OR batch IS NULL THEN
        RAISE EXCEPTION 'jobq_prune_dead_letters: cutoff and batch must not be NULL';
    END IF;
    WITH doomed AS (SELECT d.id FROM public.dead_letters d
                     WHERE d.at < LEAST(cutoff, pg_catalog.now())
                    ORDER BY d.at LIMIT GREATEST(LEAST(batch, 10000), 1)
                    FOR UPDATE SKIP LOCKED),
     d AS (DELETE FROM public.dead_letters d USING doomed WHERE d.id = doomed.id RETURNING 1)
    SELECT count(*) INTO n FROM d;
    RETURN n;
END
$$;

-- One row per retention round that ran (the one consumer holding the retention lock):
-- who, when (from the round's start to its record, clock time) and what it deleted.
CREATE TABLE retention_rounds (
    id           bigserial PRIMARY KEY,
    worker_id    text NOT NULL,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NOT NULL,
    jobs         bigint NOT NULL,
    dead_letters bigint NOT NULL
);

-- Record a round that started at `started` (the clock time the round's lock was taken) and
-- ends now; drop the rounds before the latest 1000. The consumer role calls it, so a session
-- with that password can add rows within these checks: the table reports, it proves nothing.
CREATE FUNCTION jobq_retention_record(worker text, started timestamptz, jobs bigint, dead bigint)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE t timestamptz := pg_catalog.clock_timestamp();
    newest bigint;
BEGIN
    IF worker IS NULL OR started IS NULL OR jobs IS NULL OR dead IS NULL THEN
        RAISE EXCEPTION 'jobq_retention_record: arguments must not be NULL';
    END IF;
    IF worker = '' OR jobs < 0 OR dead < 0 OR started > t THEN
        RAISE EXCEPTION 'jobq_retention_record: a round needs a worker, counts of 0 or more and a start not after now';
    END IF;
    INSERT INTO public.retention_rounds (worker_id, started_at, finished_at, jobs, dead_letters)
    VALUES (worker, started, t, jobs, dead)
    RETURNING id INTO newest;
    DELETE FROM public.retention_rounds WHERE id <= newest - 1000;
END
$$;

REVOKE EXECUTE ON FUNCTION jobq_prune_jobs_before(text[], timestamptz, integer),
    jobq_prune_jobs(text[], timestamptz, integer),
    jobq_prune_dead_letters(timestamptz, integer),
    jobq_retention_record(text, timestamptz, bigint, bigint) FROM PUBLIC;
REVOKE ALL ON retention_rounds FROM PUBLIC;
