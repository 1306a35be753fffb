-- limit rm's bounded table lock, the takeover's token re-check, and the mark by which the
-- lost-message round tells a lost express message from a prefetched one (docs/scheduling.md
-- "Concurrency and rate limits", docs/cli.md "limit", docs/design.md §6).
--
-- 1. jobq_cli_limit_rm (0028) took LOCK TABLE limits IN EXCLUSIVE MODE and waited for it
--    without bound. While it waited, every claim, release and takeover that locks a limit
--    row queued behind its request, installation-wide, for as long as any transaction held
--    a limit row (an open session, a slow statement). rm still takes the table first and
--    whole (the deadlock fix of 0028: it then locks the held jobs' other scopes), but each
--    try waits at most 100 ms (lock_timeout); between tries it sleeps 100 ms, so the
--    statements queued behind a try go on. After 50 tries (about 10 s) it gives up with
--    one line and SQLSTATE 55P03 (the CLI exits 5), having removed nothing.
-- 2. jobq_limit_takeover (0030) took a token without checking that the takeover would
--    happen: its caller checked the row on the statement's snapshot, then the function
--    waited for the limit rows, while another takeover of the same job (a duplicate
--    delivery after a kill) or the job's end could commit; the caller's UPDATE then
--    changed no row, and the token was spent for nothing (the rate ran under). The new
--    jobq_limit_takeover(id, worker, token, owner_dead) re-reads the row after the limit
--    locks (a statement of its own: a fresh snapshot, which sees every takeover that held
--    those locks before) and takes no token unless the job is still running under that
--    worker and lease token (and, unless the owner is known dead, its lease expired).
--    common/store_takeover.c calls it; the one-argument function of 0030 stays for a
--    consumer of the previous version during an upgrade.
-- 3. workers.express_idle_at: when the worker last had no express delivery waiting for an
--    executor (its relay records it each lost-message round, one second early). The
--    lost-message round (common/store_relay.c jobq_store_relay_lost) released nothing
--    while any live worker of the queue was full, even one busy with other queues' jobs,
--    so under steady load a lost express job could wait for ever. It now takes a job as
--    lost when each live worker of its queue recorded, after the round's earlier check
--    found no ready message, that no express delivery waited in it: a message in a busy
--    consumer's prefetch keeps that consumer from recording, so it is never released
--    twice. NULL (a worker of an earlier version) holds the queue's lost jobs back.

CREATE OR REPLACE FUNCTION jobq_cli_limit_rm(sc text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    found_it boolean;
    old_timeout text := pg_catalog.current_setting('lock_timeout');
    tries integer := 0;
BEGIN
    -- First, and whole (0028): the claims' admission and the releases lock the rows of
    -- several scopes in scope order; deleting this one first and then locking the held
    -- jobs' other scopes (jobq_limited) took them in the reverse order and could deadlock.
    LOOP
        BEGIN
            PERFORM pg_catalog.set_config('lock_timeout', '100ms', true);
            LOCK TABLE public.limits IN EXCLUSIVE MODE;
            EXIT;
        EXCEPTION WHEN lock_not_available THEN
            tries := tries OPERATOR(pg_catalog.+) 1;
            IF tries OPERATOR(pg_catalog.>=) 50 THEN
                RAISE EXCEPTION 'the limits table stayed locked for 10 s (a transaction holds limit rows: see pg_locks); % was not removed, try again',
                    sc USING ERRCODE = '55P03';
            END IF;
        END;
        PERFORM pg_catalog.pg_sleep(0.1);
    END LOOP;
    PERFORM pg_catalog.set_config('lock_timeout', old_timeout, true);
    DELETE FROM public.limits l WHERE l.scope OPERATOR(pg_catalog.=) sc;
    found_it := FOUND;
    WITH held AS (
        SELECT j.id FROM public.jobs j
        WHERE j.published_at IS NULL AND j.status IN ('scheduled', 'queued')
          AND j.publish_after OPERATOR(pg_catalog.=) 'infinity'::timestamptz
          AND NOT public.jobq_limited(j.queue, j.type, j.concurrency_key)
        ORDER BY j.id FOR UPDATE OF j)
    UPDATE public.jobs j SET publish_after = pg_catalog.now()
    FROM held WHERE j.id OPERATOR(pg_catalog.=) held.id;
    PERFORM pg_catalog.pg_notify('jobq_submitted'::text, ''::text);
    RETURN found_it;
END
$$;

CREATE FUNCTION jobq_limit_takeover(id uuid, prev_worker text, prev_token bigint,
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
    -- 2. above: after the locks, on a fresh snapshot, the takeover must still happen
    PERFORM 1 FROM public.jobs x
        WHERE x.id = $1 AND x.status = 'running' AND x.worker_id = $2
          AND x.lease_token = $3 AND ($4 OR x.lease_expires_at < now());
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

REVOKE EXECUTE ON FUNCTION jobq_limit_takeover(uuid, text, bigint, boolean) FROM PUBLIC;

ALTER TABLE workers ADD COLUMN express_idle_at timestamptz;
