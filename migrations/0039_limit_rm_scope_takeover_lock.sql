-- limit rm frees only the removed scope's held jobs, and says so; the takeover's re-check
-- locks the job (docs/scheduling.md "Concurrency and rate limits", docs/cli.md "limit").
--
-- 1. jobq_cli_limit_rm (0035), once it held the limits table, walked every held job of the
--    installation and called jobq_limited on each (which share-locks the limit rows of the
--    job's scopes), though only the removed scope's held jobs can change: with 2,000 jobs
--    held in another queue it read 4,012 rows of jobs (tests/integration/test_limit_rm.sh).
--    It now reads only that scope's held rows (queue = v, type = v or concurrency_key = v:
--    the column of jobs_held_queue, jobs_held_type or jobs_held_key, migration 0029; 7
--    rows read there), and frees those no other limit covers, locking only those, as
--    before. The rows it frees get status_reason 'limit removed' (they kept 'held: limit',
--    or the takeover's 'held: owner lost; no rate token to restart', while queued or
--    published: `jobq status` showed a hold that was over).
-- 2. jobq_limit_takeover (0035) re-read the job after the limit locks without locking it: a
--    finish or a heartbeat of the old owner (which take no limit lock) could commit between
--    that re-check and the caller's UPDATE, which then changed no row, and the token was
--    spent for nothing. The re-read is now FOR UPDATE, after the limit locks (the
--    admission's order: limit rows, then the job's row), so what it checked holds until the
--    caller's commit; a finish waits for the takeover and then finds its lease token gone.

CREATE OR REPLACE FUNCTION jobq_cli_limit_rm(sc text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    found_it boolean;
    old_timeout text := pg_catalog.current_setting('lock_timeout');
    tries integer := 0;
    col text;
    v text := pg_catalog.substr(sc, pg_catalog.strpos(sc, ':') OPERATOR(pg_catalog.+) 1);
BEGIN
    -- First, and whole (0028): the claims' admission and the releases lock the rows of
    -- several scopes in scope order; deleting this one first and then locking the held
    -- jobs' other scopes (jobq_limited) took them in the reverse order and could deadlock.
    -- Each try waits at most 100 ms (0035).
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
    -- 1. above: the removed scope's held rows only, through its kind's index (a statement
    -- planned for this scope's column and value), each freed unless another limit of its
    -- scopes remains (jobq_limited, which locks those limit rows FOR KEY SHARE)
    col := CASE WHEN pg_catalog.starts_with(sc, 'queue:') THEN 'queue'
                WHEN pg_catalog.starts_with(sc, 'type:') THEN 'type'
                WHEN pg_catalog.starts_with(sc, 'key:') THEN 'concurrency_key' END;
    IF col IS NOT NULL THEN
        EXECUTE pg_catalog.format(
            'WITH held AS ('
            '  SELECT j.id FROM public.jobs j'
            '  WHERE j.%I OPERATOR(pg_catalog.=) $1 AND j.published_at IS NULL'
            '    AND j.status IN (''scheduled'', ''queued'')'
            '    AND j.publish_after OPERATOR(pg_catalog.=) ''infinity''::timestamptz'
            '    AND NOT public.jobq_limited(j.queue, j.type, j.concurrency_key)'
            '  ORDER BY j.id FOR UPDATE OF j) '
            'UPDATE public.jobs j SET publish_after = pg_catalog.now(),'
            '  status_reason = ''limit removed'', updated_at = pg_catalog.now()'
            ' FROM held WHERE j.id OPERATOR(pg_catalog.=) held.id', col) USING v;
    END IF;
    PERFORM pg_catalog.pg_notify('jobq_submitted'::text, ''::text);
    RETURN found_it;
END
$$;

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
    -- 2. above: after the locks, the job's row locked to the commit; the takeover must still
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
