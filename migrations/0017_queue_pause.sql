-- Pausing queues (docs/scheduling.md, "Pausing queues"; docs/design.md §4 and §6).
--
-- queues: one row per queue that was ever paused (later flow-control settings of a queue get
-- tables of their own). A queue whose row has paused_at set is paused: every statement that
-- moves a job to running (the claim, the takeover) refuses its jobs, the relay publishes none
-- of them, and a delivery refused for it is held (queued, unpublished) until the queue is
-- resumed. The claims look the job's queue up in this small table; a queue with no row costs
-- that look-up only.
--
-- The CLI writes the table only through the two functions below (SECURITY DEFINER with a
-- fixed search_path, every operator and function named in pg_catalog, as in migration 0008);
-- jobq migrate grants jobq_cli EXECUTE on them and SELECT on the table, jobq_consumer SELECT.
CREATE TABLE queues (
    name          text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_.-]{1,64}$'),
    paused_at     timestamptz,
    paused_reason text,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON queues FROM PUBLIC;

-- The queue name rule of `submit --queue` (jobq_queue_name_valid), with the CLI's message
-- (SQLSTATE 22023). Called by the two functions below, with their owner's rights.
CREATE FUNCTION jobq_check_queue_name(q text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF q IS NULL OR NOT (q OPERATOR(pg_catalog.~) '^[A-Za-z0-9_.-]{1,64}$'::text) THEN
        RAISE EXCEPTION 'queue % is invalid (1-64 characters of A-Z a-z 0-9 _ . -)',
            pg_catalog.quote_literal(pg_catalog.left(q, 80))
            USING ERRCODE = '22023';
    END IF;
END
$$;

-- jobq queue pause Q [--reason TEXT]. The pause is exact: no job of the queue starts (gets a
-- started_at) after its paused_at. A claim reads this table with its statement's snapshot,
-- which a concurrent pause's commit may postdate; so the pause first takes queues' ACCESS
-- EXCLUSIVE lock, which waits for every statement that reads the table (claims, takeovers,
-- the relay: all single statements of a few milliseconds) to end, and makes the ones that
-- start meanwhile wait at their first step (their table locks come before their snapshot),
-- so that they see the pause once it commits. paused_at is read after the lock is held:
-- every claim that did not see the pause started before it. lock_timeout bounds the wait
-- (and so how long claims queue behind it) should a long transaction hold the table.
-- Pausing a paused queue keeps its paused_at and takes the new reason, if one is given.
-- Returns the row and whether it was paused before.
CREATE FUNCTION jobq_cli_queue_pause(q text, reason text)
    RETURNS TABLE (name text, paused_at timestamptz, paused_reason text, was_paused boolean)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET lock_timeout = '5s' AS $$
#variable_conflict use_column
DECLARE
    before timestamptz;
BEGIN
    PERFORM public.jobq_check_queue_name(q);
    LOCK TABLE public.queues IN ACCESS EXCLUSIVE MODE;
    SELECT x.paused_at INTO before FROM public.queues x WHERE x.name OPERATOR(pg_catalog.=) q;
    RETURN QUERY
    INSERT INTO public.queues AS x (name, paused_at, paused_reason, updated_at)
    VALUES (q, pg_catalog.clock_timestamp(), pg_catalog.left(reason, 1000),
            pg_catalog.clock_timestamp())
    ON CONFLICT ON CONSTRAINT queues_pkey DO UPDATE
    SET paused_at = COALESCE(x.paused_at, EXCLUDED.paused_at),
        paused_reason = COALESCE(EXCLUDED.paused_reason, x.paused_reason),
        updated_at = EXCLUDED.updated_at
    RETURNING x.name, x.paused_at, x.paused_reason, before IS NOT NULL;
END
$$;

-- jobq queue resume Q: clears the pause (the row stays, unpaused) and wakes every consumer's
-- relay (NOTIFY jobq_submitted, docs/design.md §6 "Relay"), which publishes the queue's
-- held jobs at once. Returns the row and whether it was paused; no row for a queue never
-- paused.
CREATE FUNCTION jobq_cli_queue_resume(q text)
    RETURNS TABLE (name text, was_paused boolean, paused_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
BEGIN
    PERFORM public.jobq_check_queue_name(q);
    RETURN QUERY
    WITH old AS (SELECT x.name, x.paused_at FROM public.queues x
                 WHERE x.name OPERATOR(pg_catalog.=) q FOR UPDATE),
     upd AS (UPDATE public.queues x SET paused_at = NULL, paused_reason = NULL,
                    updated_at = pg_catalog.now()
             FROM old WHERE x.name OPERATOR(pg_catalog.=) old.name AND old.paused_at IS NOT NULL
             RETURNING x.name)
    SELECT old.name, old.paused_at IS NOT NULL, old.paused_at FROM old;
    PERFORM pg_catalog.pg_notify('jobq_submitted'::text, ''::text);
END
$$;

REVOKE EXECUTE ON FUNCTION jobq_check_queue_name(text), jobq_cli_queue_pause(text, text),
    jobq_cli_queue_resume(text) FROM PUBLIC;
