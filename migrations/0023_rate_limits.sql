-- Rate limits (docs/scheduling.md "Concurrency and rate limits"; docs/design.md §6).
--
-- `jobq limit set SCOPE --rate N/s|N/m` caps how many jobs of the scope start per second,
-- across all consumers: a token bucket in the scope's limits row (rate: tokens per second;
-- tokens; refilled_at), refilled lazily from clock_timestamp() whenever it is read under the
-- row's lock. Its capacity (the burst) is jobq_limit_burst(rate) = max(1, rate × 0.1 s): a
-- tenth of a second of tokens, so that any 10 s window holds at most rate × 10 + 1/10 s
-- worth of starts (±1 % at 10/s and more), and the relay, which comes back when the next
-- token is due, has 100 ms of slack before a token is lost to a full bucket.
--
-- 1. The claim's admission (jobq_limit_admit) also takes a token from each rated scope of
--    each job it admits, under the same row lock it takes for concurrency limits; a job
--    whose scope has less than one token is refused, and its delivery held (jobq_limited
--    now counts rated scopes), as a concurrency limit's is. It also refuses a limited job
--    that the claim would not start (a cancel requested, not due, its queue paused), so
--    that such a job takes neither room nor a token.
-- 2. The relay's release (jobq_limit_rooms, called by the relay's statements in
--    common/store_relay.c) gives, per limited scope with held jobs, how many may be released
--    now: for a rate, the whole tokens less the jobs released and not claimed yet; and, when
--    that is none, in how many ms the next token is due, which the relay waits for. With
--    lock, it locks the scopes' limit rows (scope order, FOR UPDATE, as the admission) and
--    counts with a fresh snapshot: the relays' releases and the claims of a scope take
--    turns, so releases never exceed the tokens (or the room) however many relays run.
--    "Released and not claimed yet" now also counts a released job whose publish is not
--    marked yet (publish_after in its grace), which 0021's count missed.
-- 3. A finish of a job of a concurrency-limited scope that has held jobs wakes the relays
--    (jobq_limit_wake: NOTIFY jobq_submitted at the finish's commit), so the next held job
--    is released at once instead of at the relay's next probe.
-- 4. jobq_cli_limit_set: a NULL part keeps what the scope had; -1 clears it (`--rate none`,
--    `--max-running none`), refused when nothing would be left (that is `limit rm`). A new
--    or changed rate starts with a full bucket (at most the burst).

-- The bucket's capacity for a rate (tokens per second): a tenth of a second of tokens, at
-- least one.
CREATE FUNCTION jobq_limit_burst(rate numeric) RETURNS double precision
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
SELECT greatest(1.0, $1::double precision * 0.5)
$$;

-- The tokens of a bucket at time `at`: what it held at refilled_at, plus rate × the time since,
-- at most the capacity. A bucket never read yet (tokens NULL) is full. NULL for no rate.
CREATE FUNCTION jobq_limit_tokens(rate numeric, tokens double precision,
                                  refilled_at timestamptz, at timestamptz)
    RETURNS double precision
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
SELECT CASE WHEN $1 IS NOT NULL THEN
    least(public.jobq_limit_burst($1),
          COALESCE($2, public.jobq_limit_burst($1)) + $1::double precision
          * greatest(0, extract(epoch FROM $4 - COALESCE($3, $4)))::double precision) END
$$;

-- As 0022's, plus the rate (1. above). The limit rows of the candidates' scopes are locked in
-- scope order; concurrency rooms are counted row by row with fresh snapshots; the buckets
-- are read after the last lock is granted (their time `t` then follows the previous
-- holder's refilled_at), and written back once, with what the admitted jobs took.
CREATE OR REPLACE FUNCTION jobq_limit_admit(ids uuid[]) RETURNS uuid[]
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
DECLARE
    s record;
    c record;
    room jsonb := '{}';
    tok jsonb := '{}';
    rated text[] := '{}';
    t timestamptz;
    ok boolean;
    limited boolean;
    admitted uuid[] := '{}';
    sc text;
BEGIN
    FOR s IN SELECT l.scope, l.max_running, l.rate FROM public.limits l
             WHERE l.scope IN (
                 SELECT x FROM public.jobs j,
                     LATERAL (VALUES ('queue:' || j.queue), ('type:' || j.type),
                                     ('key:' || j.concurrency_key)) v(x)
                 WHERE j.id = ANY(ids) AND x IS NOT NULL)
             ORDER BY l.scope FOR UPDATE OF l
    LOOP
        IF s.max_running IS NOT NULL THEN
            room := room || jsonb_build_object(s.scope, s.max_running - (
                SELECT count(*) FROM public.jobs r
                WHERE r.status = 'running'
                  AND s.scope IN ('queue:' || r.queue, 'type:' || r.type,
                                  'key:' || r.concurrency_key)));
        END IF;
        IF s.rate IS NOT NULL THEN
            rated := rated || s.scope;
        END IF;
    END LOOP;
    IF room = '{}' AND cardinality(rated) = 0 THEN
        RETURN ids; -- no candidate is in a limited scope (the limits are elsewhere)
    END IF;
    IF cardinality(rated) > 0 THEN
        t := clock_timestamp();
        SELECT jsonb_object_agg(l.scope,
                   public.jobq_limit_tokens(l.rate, l.tokens, l.refilled_at, t))
        INTO tok FROM public.limits l WHERE l.scope = ANY(rated);
    END IF;
    FOR c IN SELECT d.* FROM (
                 SELECT DISTINCT ON (j.id) j.id, j.priority, j.created_at,
                        j.status = 'queued' AND j.cancel_requested_at IS NULL
                        AND j.run_after <= now()
                        AND NOT EXISTS (SELECT 1 FROM public.queues q
                                        WHERE q.name = j.queue AND q.paused_at IS NOT NULL)
                        AS startable,
                        ARRAY['queue:' || j.queue, 'type:' || j.type,
                              'key:' || j.concurrency_key] AS scopes
                 FROM public.jobs j WHERE j.id = ANY(ids) ORDER BY j.id) d
             ORDER BY d.priority DESC, d.created_at, d.id
    LOOP
        ok := true;
        limited := false;
        FOREACH sc IN ARRAY c.scopes LOOP
            IF sc IS NOT NULL AND room ? sc THEN
                limited := true;
                IF (room ->> sc)::bigint <= 0 THEN
                    ok := false;
                END IF;
            END IF;
            IF sc IS NOT NULL AND tok ? sc THEN
                limited := true;
                IF (tok ->> sc)::double precision < 1 THEN
                    ok := false;
                END IF;
            END IF;
        END LOOP;
        IF limited AND NOT c.startable THEN
            ok := false; -- 0022's 1., and 1. above
        END IF;
        IF ok THEN
            admitted := admitted || c.id;
            FOREACH sc IN ARRAY c.scopes LOOP
                IF sc IS NOT NULL AND room ? sc THEN
                    room := jsonb_set(room, ARRAY[sc], to_jsonb((room ->> sc)::bigint - 1));
                END IF;
                IF sc IS NOT NULL AND tok ? sc THEN
                    tok := jsonb_set(tok, ARRAY[sc],
                                     to_jsonb((tok ->> sc)::double precision - 1));
                END IF;
            END LOOP;
        END IF;
    END LOOP;
    IF cardinality(rated) > 0 THEN
        UPDATE public.limits l SET tokens = (tok ->> l.scope)::double precision,
                                   refilled_at = t
        WHERE l.scope = ANY(rated);
    END IF;
    RETURN admitted;
END
$$;

-- As 0022's, for any limit: every row has a concurrency limit, a rate or both.
CREATE OR REPLACE FUNCTION jobq_limited(q text, t text, k text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
BEGIN
    PERFORM 1 FROM public.limits l
        WHERE l.scope IN ('queue:' || q, 'type:' || t, 'key:' || k)
        ORDER BY l.scope FOR KEY SHARE OF l;
    RETURN FOUND;
END
$$;

-- The relay's view of the limits (2. above): per limited scope with held jobs (queued or
-- scheduled, unpublished, publish_after 'infinity'), n = how many of them may be released
-- now, the least of max_running − running − in flight and whole tokens − in flight (in
-- flight: released, not claimed yet, published within the last minute or still in its
-- publish grace); wait_ms = when n is not positive for want of a token only, the ms until
-- the token that makes it positive is due, or one token's time when a claim in flight must
-- take a token first (NULL otherwise: a running job's finish makes the room). With lock: the scopes' limit rows are locked in scope
-- order, to the caller's commit, before anything is counted. Call it before locking any job
-- row (as the admission), so that it never waits for a limit holding a job.
CREATE FUNCTION jobq_limit_rooms(lock boolean)
    RETURNS TABLE (scope text, n bigint, wait_ms double precision)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
#variable_conflict use_column
DECLARE
    s record;
    x record;
    running bigint;
    flight bigint;
    conc bigint;
    tokens double precision;
BEGIN
    FOR s IN SELECT l.scope AS sc FROM public.limits l
             WHERE l.scope >= '' AND EXISTS (
                 SELECT 1 FROM public.jobs h
                 WHERE h.published_at IS NULL AND h.status IN ('scheduled', 'queued')
                   AND h.publish_after = 'infinity'
                   AND l.scope IN ('queue:' || h.queue, 'type:' || h.type,
                                   'key:' || h.concurrency_key))
             ORDER BY l.scope
    LOOP
        IF lock THEN
            SELECT l.max_running, l.rate, l.tokens, l.refilled_at INTO x
            FROM public.limits l WHERE l.scope = s.sc FOR UPDATE OF l;
        ELSE
            SELECT l.max_running, l.rate, l.tokens, l.refilled_at INTO x
            FROM public.limits l WHERE l.scope = s.sc;
        END IF;
        CONTINUE WHEN NOT FOUND; -- removed meanwhile
        SELECT count(*) INTO running FROM public.jobs r
        WHERE x.max_running IS NOT NULL AND r.status = 'running'
          AND s.sc IN ('queue:' || r.queue, 'type:' || r.type, 'key:' || r.concurrency_key);
        SELECT count(*) INTO flight FROM public.jobs r
        WHERE r.status = 'queued' AND r.status_reason = 'released'
          AND (r.published_at > now() - interval '1 minute'
               OR (r.published_at IS NULL AND r.publish_after > now()
                   AND r.publish_after < 'infinity'))
          AND s.sc IN ('queue:' || r.queue, 'type:' || r.type, 'key:' || r.concurrency_key);
        conc := x.max_running - running - flight;
        scope := s.sc;
        n := conc;
        wait_ms := NULL;
        IF x.rate IS NOT NULL THEN
            tokens := public.jobq_limit_tokens(x.rate, x.tokens, x.refilled_at,
                                               clock_timestamp());
            n := least(conc, floor(tokens)::bigint - flight);
            IF n <= 0 AND (conc IS NULL OR conc > 0) THEN
                -- the token that gives room; when the bucket cannot hold that many, a
                -- claim in flight must take one first: look again a token later
                wait_ms := CASE WHEN flight + 1 <= public.jobq_limit_burst(x.rate)
                    THEN greatest(0, (flight + 1 - tokens) / x.rate::double precision * 1000)
                    ELSE 1000 / x.rate::double precision END;
            END IF;
        END IF;
        RETURN NEXT;
    END LOOP;
END
$$;

-- 3. above: called by a finish (common/store_lease.c) with the ids of the jobs it ends, when
-- limits exist. Wakes the relays (at the finish's commit) when one of those jobs is in a
-- scope with a concurrency limit (a finish gives a rate nothing) that has held jobs;
-- otherwise does nothing. Returns whether it woke them.
CREATE FUNCTION jobq_limit_wake(ids uuid[]) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
BEGIN
    PERFORM 1 FROM public.jobs j, public.limits l
    WHERE j.id = ANY(ids) AND l.max_running IS NOT NULL
      AND l.scope IN ('queue:' || j.queue, 'type:' || j.type, 'key:' || j.concurrency_key)
      AND EXISTS (SELECT 1 FROM public.jobs h
                  WHERE h.published_at IS NULL AND h.status IN ('scheduled', 'queued')
                    AND h.publish_after = 'infinity'
                    AND l.scope IN ('queue:' || h.queue, 'type:' || h.type,
                                    'key:' || h.concurrency_key))
    LIMIT 1;
    IF FOUND THEN
        PERFORM pg_notify('jobq_submitted', '');
    END IF;
    RETURN FOUND;
END
$$;

-- jobq limit set SCOPE [--max-running N|none] [--rate R|none] (4. above). max_run and
-- per_second: NULL keeps the scope's (nothing on a new scope), -1 clears it. Wakes the
-- relays. Returns the row, with the bucket's capacity.
DROP FUNCTION jobq_cli_limit_set(text, integer, numeric);
CREATE FUNCTION jobq_cli_limit_set(sc text, max_run integer, per_second numeric)
    RETURNS TABLE (scope text, max_running integer, rate numeric, burst double precision)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    old record;
    new_max integer;
    new_rate numeric;
BEGIN
    IF sc IS NULL OR NOT (sc OPERATOR(pg_catalog.~) '^(queue|type|key):[A-Za-z0-9_.:-]{1,128}$'::text) THEN
        RAISE EXCEPTION 'scope % is invalid (queue:Q, type:T or key:K, 1-128 characters of A-Z a-z 0-9 _ . : -)',
            pg_catalog.quote_literal(pg_catalog.left(sc, 80)) USING ERRCODE = '22023';
    END IF;
    IF $2 IS NOT NULL AND $2 OPERATOR(pg_catalog.<>) -1 AND $2 NOT BETWEEN 1 AND 1000000 THEN
        RAISE EXCEPTION 'max running % is not a whole number from 1 to 1000000', $2
            USING ERRCODE = '22023';
    END IF;
    IF $3 IS NOT NULL AND $3 OPERATOR(pg_catalog.<>) -1
       AND ($3 OPERATOR(pg_catalog.<=) 0 OR $3 OPERATOR(pg_catalog.>) 1000000) THEN
        RAISE EXCEPTION 'rate % per second is not over 0 and at most 1000000', $3
            USING ERRCODE = '22023';
    END IF;
    SELECT l.max_running, l.rate INTO old FROM public.limits l
    WHERE l.scope OPERATOR(pg_catalog.=) sc FOR UPDATE;
    new_max := CASE WHEN $2 IS NULL THEN old.max_running WHEN $2 = -1 THEN NULL ELSE $2 END;
    new_rate := CASE WHEN $3 IS NULL THEN old.rate WHEN $3 = -1 THEN NULL ELSE $3 END;
    IF new_max IS NULL AND new_rate IS NULL THEN
        RAISE EXCEPTION 'scope % would have no limit left (to remove it: jobq limit rm %)', sc, sc
            USING ERRCODE = '22023';
    END IF;
    RETURN QUERY
    INSERT INTO public.limits AS x (scope, max_running, rate, tokens, refilled_at, updated_at)
    VALUES (sc, new_max, new_rate, NULL, NULL, pg_catalog.now())
    ON CONFLICT ON CONSTRAINT limits_pkey DO UPDATE
    SET max_running = EXCLUDED.max_running, rate = EXCLUDED.rate,
        tokens = CASE WHEN x.rate IS NOT DISTINCT FROM EXCLUDED.rate THEN x.tokens END,
        refilled_at = CASE WHEN x.rate IS NOT DISTINCT FROM EXCLUDED.rate
                           THEN x.refilled_at END,
        updated_at = EXCLUDED.updated_at
    RETURNING x.scope, x.max_running, x.rate,
        CASE WHEN x.rate IS NOT NULL THEN public.jobq_limit_burst(x.rate) END;
    PERFORM pg_catalog.pg_notify('jobq_submitted'::text, ''::text);
END
$$;

REVOKE EXECUTE ON FUNCTION jobq_limit_burst(numeric),
    jobq_limit_tokens(numeric, double precision, timestamptz, timestamptz),
    jobq_limit_rooms(boolean), jobq_limit_wake(uuid[]),
    jobq_cli_limit_set(text, integer, numeric) FROM PUBLIC;
