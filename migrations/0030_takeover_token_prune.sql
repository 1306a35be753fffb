-- A takeover's rate token, and the prune of key turns and fired slots (docs/scheduling.md,
-- "Concurrency and rate limits" and docs/cli.md "jobq prune").
--
-- 1. jobq_limit_takeover: a takeover (common/store_takeover.c) starts a new attempt of a job
--    whose owner was lost, running → running; it went around the admission, so after a
--    kill -9 of a consumer running K jobs of a rated scope, K handlers started at once
--    beyond the bucket. The takeover now asks this function first, before it touches the
--    job's row: it locks the job's limit rows in scope order FOR UPDATE, as the admission
--    (jobq_limit_admit, 0023) does, and takes one token from each rated scope when every
--    one of them has a whole token. Without one, the takeover gives the job back to queued
--    and holds it (publish_after 'infinity', as a refused claim's hold), so the limit
--    release brings it back with a token. A job the takeover would end (cancel asked,
--    attempts used up) or hold for a pause takes no token. A concurrency limit needs
--    nothing: a takeover keeps the running count.
-- 2. jobq_cli_prune_turns: key_turns (0027) kept one row per queue and key ever released.
--    `jobq prune` deletes the rows of keys last served more than a day ago (and before the
--    prune's cutoff) that have no scheduled or queued job: such a key, when it comes back,
--    starts as never served, which is its place anyway (first in the next turn).
-- 3. jobq_cli_prune_slots: schedule_slots (0019) kept one row per slot ever fired. A slot
--    row guards against a second fire of its slot; the fire function only fires slots at or
--    after its schedule's next_slot, which only moves forward while the schedule lives
--    (fire, resume and run never move it before now()). A row whose slot is before its
--    schedule's next_slot (or whose schedule is gone, or fires no more), more than a day
--    old and fired before the cutoff, guards nothing and is deleted. The latest slot of
--    each schedule is kept, so that what was fired last stays readable.

CREATE FUNCTION jobq_limit_takeover(id uuid) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
DECLARE
    j record;
    t timestamptz;
    ok boolean;
BEGIN
    SELECT x.queue, x.type, x.concurrency_key,
           x.cancel_requested_at IS NULL AND x.attempt < x.max_attempts
           AND NOT EXISTS (SELECT 1 FROM public.queues q
                           WHERE q.name = x.queue AND q.paused_at IS NOT NULL) AS starts
    INTO j FROM public.jobs x WHERE x.id = $1;
    IF NOT FOUND OR NOT j.starts THEN
        RETURN true; -- ended or held by the takeover itself: no token
    END IF;
    -- the admission's locks: every limit row of the job's scopes, in scope order
    PERFORM 1 FROM public.limits l
        WHERE l.scope IN ('queue:' || j.queue, 'type:' || j.type, 'key:' || j.concurrency_key)
        ORDER BY l.scope FOR UPDATE OF l;
    t := clock_timestamp();
    SELECT COALESCE(bool_and(public.jobq_limit_tokens(l.rate, l.tokens, l.refilled_at, t) >= 1),
                    true)
    INTO ok FROM public.limits l
    WHERE l.rate IS NOT NULL
      AND l.scope IN ('queue:' || j.queue, 'type:' || j.type, 'key:' || j.concurrency_key);
    IF ok THEN
        UPDATE public.limits l
        SET tokens = public.jobq_limit_tokens(l.rate, l.tokens, l.refilled_at, t) - 1,
            refilled_at = t
        WHERE l.rate IS NOT NULL
          AND l.scope IN ('queue:' || j.queue, 'type:' || j.type, 'key:' || j.concurrency_key);
    END IF;
    RETURN ok;
END
$$;

-- 2. above. Returns how many rows it deleted, or with dry, would delete. A NULL argument is
-- refused.
CREATE FUNCTION jobq_cli_prune_turns(cutoff timestamptz, dry boolean) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE n bigint;
BEGIN
    IF cutoff IS NULL OR dry IS NULL THEN
        RAISE EXCEPTION 'jobq_cli_prune_turns: cutoff and dry must not be NULL';
    END IF;
    WITH c AS (SELECT t.queue, t.concurrency_key FROM public.key_turns t
               WHERE t.last_released_at < LEAST(cutoff, pg_catalog.now() - interval '1 day')
                 AND NOT EXISTS (SELECT 1 FROM public.jobs j
                                 WHERE j.queue = t.queue
                                   AND j.concurrency_key = t.concurrency_key
                                   AND j.status IN ('scheduled'::text, 'queued'::text))),
         d AS (DELETE FROM public.key_turns t USING c
               WHERE NOT dry AND t.queue = c.queue AND t.concurrency_key = c.concurrency_key
                 AND t.last_released_at < LEAST(cutoff, pg_catalog.now() - interval '1 day')
               RETURNING 1)
    SELECT CASE WHEN dry THEN (SELECT count(*) FROM c) ELSE (SELECT count(*) FROM d) END
    INTO n;
    RETURN n;
END
$$;

-- 3. above. Returns how many rows it deleted, or with dry, would delete. A NULL argument is
-- refused.
CREATE FUNCTION jobq_cli_prune_slots(cutoff timestamptz, dry boolean) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE n bigint;
BEGIN
    IF cutoff IS NULL OR dry IS NULL THEN
        RAISE EXCEPTION 'jobq_cli_prune_slots: cutoff and dry must not be NULL';
    END IF;
    WITH c AS (SELECT s.name, s.slot FROM public.schedule_slots s
               WHERE s.fired_at < LEAST(cutoff, pg_catalog.now())
                 AND s.slot < pg_catalog.now() - interval '1 day'
                 AND NOT EXISTS (SELECT 1 FROM public.schedules x
                                 WHERE x.name = s.name AND x.next_slot <= s.slot)
                 AND EXISTS (SELECT 1 FROM public.schedule_slots l
                             WHERE l.name = s.name AND l.slot > s.slot)),
         d AS (DELETE FROM public.schedule_slots s USING c
               WHERE NOT dry AND s.name = c.name AND s.slot = c.slot RETURNING 1)
    SELECT CASE WHEN dry THEN (SELECT count(*) FROM c) ELSE (SELECT count(*) FROM d) END
    INTO n;
    RETURN n;
END
$$;

REVOKE EXECUTE ON FUNCTION jobq_limit_takeover(uuid), jobq_cli_prune_turns(timestamptz, boolean),
    jobq_cli_prune_slots(timestamptz, boolean) FROM PUBLIC;
