-- Retention applied by the consumers (docs/configuration.md#retention, docs/cli.md "prune").
--
-- 1. jobq_prune_jobs: one batch of the finished jobs of the given states that finished
--    before a cutoff, with their history (the jobs_history_delete trigger, migration 0005).
--    It is the body jobq_cli_prune_jobs (migration 0008) had, with the states as an
--    argument: `jobq prune` passes the three terminal states and one cutoff, a consumer's
--    retention round one state and that state's own cutoff. One piece of code serves both.
-- 2. jobq_prune_dead_letters: one batch of dead letters recorded before a cutoff (by their
--    own age: a dead letter may name no job, or a job kept longer).
-- 3. retention_rounds and jobq_retention_record: what each retention round did, for `jobq
--    stats`, the tests and the operator; the table keeps the latest 1000 rounds.
--
-- jobq migrate grants EXECUTE on 1 to 3 to jobq_consumer, and SELECT on retention_rounds to
-- jobq_cli (common/migrate.c).

-- SKIP LOCKED leaves rows another session is changing (a concurrent retry) alone; the WHERE
-- clause is rechecked on the rows it locked, so a job requeued meanwhile is not deleted.
-- States other than the three terminal ones are refused, as NULL arguments are.
CREATE FUNCTION jobq_prune_jobs(states text[], cutoff timestamptz, batch integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE n bigint;
BEGIN
    IF states IS NULL OR cutoff IS NULL OR batch IS NULL THEN
        RAISE EXCEPTION 'jobq_prune_jobs: states, cutoff and batch must not be NULL';
    END IF;
    IF NOT states <@ ARRAY['succeeded'::text, 'failed'::text, 'cancelled'::text] THEN
        RAISE EXCEPTION 'jobq_prune_jobs: only finished states (succeeded, failed, cancelled) may be pruned, not %', states;
    END IF;
    WITH doomed AS (SELECT j.id FROM public.jobs j
                     WHERE j.finished_at < LEAST(cutoff, pg_catalog.now())
                     AND j.status = ANY (states)
                    ORDER BY j.finished_at LIMIT GREATEST(LEAST(batch, 10000), 1)
                    FOR UPDATE SKIP LOCKED),
     d AS (DELETE FROM public.jobs j USING doomed WHERE j.id = doomed.id RETURNING 1)
    SELECT count(*) INTO n FROM d;
    RETURN n;
END
$$;

CREATE OR REPLACE FUNCTION jobq_cli_prune_jobs(cutoff timestamptz, batch integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF cutoff IS NULL OR batch IS NULL THEN
        RAISE EXCEPTION 'jobq_cli_prune_jobs: cutoff and batch must not be NULL';
    END IF;
    RETURN public.jobq_prune_jobs(ARRAY['succeeded'::text, 'failed'::text, 'cancelled'::text],
                                  cutoff, batch);
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
-- ends now; drop the rounds before the latest 1000.
CREATE FUNCTION jobq_retention_record(worker text, started timestamptz, jobs bigint, dead bigint)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE t timestamptz := pg_catalog.clock_timestamp();
    newest bigint;
BEGIN
    IF worker IS NULL OR started IS NULL OR jobs IS NULL OR dead IS NULL THEN
        RAISE EXCEPTION 'jobq_retention_record: arguments must not be NULL';
    END IF;
    INSERT INTO public.retention_rounds (worker_id, started_at, finished_at, jobs, dead_letters)
    VALUES (worker, started, t, jobs, dead)
    RETURNING id INTO newest;
    DELETE FROM public.retention_rounds WHERE id <= newest - 1000;
END
$$;

REVOKE EXECUTE ON FUNCTION jobq_prune_jobs(text[], timestamptz, integer),
    jobq_prune_dead_letters(timestamptz, integer),
    jobq_retention_record(text, timestamptz, bigint, bigint) FROM PUBLIC;
REVOKE ALL ON retention_rounds FROM PUBLIC;
