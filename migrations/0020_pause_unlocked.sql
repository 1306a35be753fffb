-- A pause that takes no table lock (docs/scheduling.md, "Pausing queues").
--
-- 0017's pause took the queues table's ACCESS EXCLUSIVE lock, to wait out the claims in
-- flight. But that lock queues behind every open transaction that ever read the table (an
-- idle-in-transaction monitoring session, `jobq queue list` scanning jobs, pg_dump), and
-- every claim, finish, takeover and relay take of every queue then queued behind the pause,
-- for up to its 5 s lock_timeout. No job system should stall all its queues to pause one.
--
-- Now the pause is an ordinary upsert. A claim that began before the pause committed (a
-- single statement of a few milliseconds, whose snapshot predates the commit) may still
-- start its job; its started_at, the claim's own start, is then earlier than the pause's
-- commit. Every claim that starts after the commit sees the pause and refuses the queue's
-- jobs. So no job of a paused queue starts once `jobq queue pause` has returned, and none
-- has a started_at later than paused_at by more than the pause's own statement.
CREATE OR REPLACE FUNCTION jobq_cli_queue_pause(q text, reason text)
    RETURNS TABLE (name text, paused_at timestamptz, paused_reason text, was_paused boolean)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    before timestamptz;
BEGIN
    PERFORM public.jobq_check_queue_name(q);
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
ALTER FUNCTION jobq_cli_queue_pause(text, text) RESET lock_timeout;
