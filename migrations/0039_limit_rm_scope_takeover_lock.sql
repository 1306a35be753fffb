-- The takeover's re-check locks the job (docs/scheduling.md "Concurrency and rate limits").
--
-- jobq_limit_takeover (0035) re-read the job after the limit locks without locking it: a
-- finish or a heartbeat of the old owner (which take no limit lock) could commit between
-- that re-check and the caller's UPDATE, which then changed no row, and the token was
-- spent for nothing. The re-read is now FOR UPDATE, after the limit locks (the admission's
-- order: limit rows, then the job's row), so what it checked holds until the caller's
-- commit; a finish waits for the takeover and then finds its lease token gone.

CREATE OR REPLACE FUNCTION jobq_limit_takeover(id uuid, prev_worker text, prev_token bigint,
                                               owner_dead boolean) RETURNS boolean
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
    -- after the locks, the job's row locked to the commit; the takeover must still
    -- happen on its latest version
    PERFORM 1 FROM public.jobs x
        WHERE x.id = $1 AND x.status = 'running' AND x.worker_id = $2
          AND x.lease_token = $3 AND ($4 OR x.lease_expires_at < now())
        FOR UPDATE OF x;
    IF NOT FOUND THEN
        RETURN true; -- the caller's UPDATE changes no row: no token
    END IF;
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
