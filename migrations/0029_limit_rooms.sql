-- One room computation for the limit release and the keyed release, at a cost that follows
-- the limited scopes only (docs/scheduling.md "Concurrency and rate limits"; docs/design.md
-- §6 "Limit release"). From the rate-limit review (R5, findings 1, 2, 5, 9, 11, 12):
--
-- 1. jobq_limit_rooms(lock, every) counts each scope through its kind's own partial index
--    (queue:Q by queue, type:T by type, key:K by concurrency key): held jobs and jobs in
--    flight; running jobs through the index of running rows. 0023's scope match
--    (`l.scope IN ('queue:' || h.queue, ...)`) could use no index, so every relay's due
--    probe walked every held job of every scope, every running job and every queued job
--    (the ordinary backlog of queues without a limit included): 53 ms with 50,000 held
--    elsewhere, 111 ms with 100,000 more queued.
-- 2. In flight (released and not claimed yet) is status_reason 'released' and queued, and:
--    published within the last minute; or unpublished with publish_after in the publish
--    grace (taken by a relay, not marked yet); or, unkeyed and of a queue that runs,
--    unpublished whatever publish_after (released by the limit release: its publish failed
--    or is late). The
--    keyed release now marks the rows it releases in a limited scope 'released' too, so its
--    releases count for the limit release and for itself (0023 counted neither the keyed
--    release's rows in their grace nor, once the limit release had let them go, the held
--    keyed rows it freed: relays each released another one per token).
-- 3. every = true gives every limited scope, not only those with held jobs (held says which):
--    the keyed release reads its rooms there (locked, as the limit release), instead of its
--    own count that ignored rates, took no lock and missed rows in their grace.
-- 4. A held job of a paused queue is not counted as held, so a paused queue's held jobs do
--    not make the relays release (the limit release skips them too).
-- 5. The wait for a claim in flight to take a token (the bucket holds fewer than the
--    released jobs plus one) is at least 100 ms: the relays poll a claim's progress, not a
--    token's time (0023 waited 1000/rate ms, 2 ms at 500/s).
-- 6. jobq_cli_limit_set keeps the part it is not given from the row it updates (ON CONFLICT
--    DO UPDATE), not from a read before it: two sets racing on a new scope lost a part.

-- Per kind of scope, held jobs (limit release) and jobs in flight (by the scope's name, the
-- predicates of the functions below). Running jobs are counted through the running rows'
-- own partial index (jobs_running_lease): as many as the executors, whatever the backlog; an
-- index per kind would cost every claim and finish of every job three more index writes.
CREATE INDEX jobs_held_queue ON jobs (queue, priority DESC, created_at)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued')
      AND publish_after = 'infinity';
CREATE INDEX jobs_held_type ON jobs (type, priority DESC, created_at)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued')
      AND publish_after = 'infinity';
CREATE INDEX jobs_held_key ON jobs (concurrency_key, priority DESC, created_at)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued')
      AND publish_after = 'infinity' AND concurrency_key IS NOT NULL;
CREATE INDEX jobs_released_queue ON jobs (queue)
    WHERE status = 'queued' AND status_reason = 'released';
CREATE INDEX jobs_released_type ON jobs (type)
    WHERE status = 'queued' AND status_reason = 'released';
CREATE INDEX jobs_released_key ON jobs (concurrency_key)
    WHERE status = 'queued' AND status_reason = 'released' AND concurrency_key IS NOT NULL;

-- Whether scope sc (queue:Q, type:T or key:K) has a job held by a limit in a queue that is
-- not paused (3. and 4. above), through its kind's index: a first row in that index's order
-- (not an EXISTS, whose ORDER BY the planner drops), so that a generic plan (a worker's
-- session) reads that index and no other whatever the estimates: an EXISTS on a type most
-- jobs have walked every held job of the other scopes. The paused queues are read once.
CREATE FUNCTION jobq_limit_held(sc text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
DECLARE
    v text := substr(sc, strpos(sc, ':') + 1);
    paused text[] := ARRAY(SELECT q.name FROM public.queues q WHERE q.paused_at IS NOT NULL);
BEGIN
    IF sc LIKE 'queue:%' THEN
        RETURN v <> ALL (paused)
           AND (SELECT true FROM public.jobs h WHERE h.queue = v
                       AND h.published_at IS NULL AND h.status IN ('scheduled', 'queued')
                       AND h.publish_after = 'infinity'
                       ORDER BY h.queue, h.priority DESC, h.created_at LIMIT 1) IS NOT NULL;
    ELSIF sc LIKE 'type:%' THEN
        RETURN (SELECT true FROM public.jobs h WHERE h.type = v
                       AND h.published_at IS NULL AND h.status IN ('scheduled', 'queued')
                       AND h.publish_after = 'infinity' AND h.queue <> ALL (paused)
                       ORDER BY h.type, h.priority DESC, h.created_at LIMIT 1) IS NOT NULL;
    END IF;
    RETURN (SELECT true FROM public.jobs h WHERE h.concurrency_key = v
                   AND h.published_at IS NULL AND h.status IN ('scheduled', 'queued')
                   AND h.publish_after = 'infinity' AND h.queue <> ALL (paused)
                   ORDER BY h.concurrency_key, h.priority DESC, h.created_at LIMIT 1) IS NOT NULL;
END
$$;

-- Whether a queued, released job (status_reason 'released') is in flight (2. above), given
-- its publish times, whether it is keyed, its queue and the paused queues. Inlined into the
-- caller's statement (so no SET clause: pg_catalog's operators are found first anyway).
CREATE FUNCTION jobq_limit_flying(published_at timestamptz, publish_after timestamptz,
                                  keyed boolean, queue text, paused text[]) RETURNS boolean
    LANGUAGE sql STABLE AS $$
SELECT $1 > now() - interval '1 minute'
    OR ($1 IS NULL AND $2 < 'infinity'
        AND ($2 > now() OR (NOT $3 AND $4 <> ALL ($5))))
$$;

-- Scope sc's running jobs (when counted) and jobs in flight, through its kind's indexes.
CREATE FUNCTION jobq_limit_busy(sc text, count_running boolean, OUT running bigint,
                                OUT flight bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
DECLARE
    v text := substr(sc, strpos(sc, ':') + 1);
    paused text[] := ARRAY(SELECT q.name FROM public.queues q WHERE q.paused_at IS NOT NULL);
BEGIN
    running := 0;
    IF sc LIKE 'queue:%' THEN
        SELECT count(*) INTO running FROM public.jobs r
        WHERE count_running AND r.status = 'running' AND r.queue = v;
        SELECT count(*) INTO flight FROM public.jobs r
        WHERE r.status = 'queued' AND r.status_reason = 'released' AND r.queue = v
          AND public.jobq_limit_flying(r.published_at, r.publish_after,
                                       r.concurrency_key IS NOT NULL, r.queue, paused);
    ELSIF sc LIKE 'type:%' THEN
        SELECT count(*) INTO running FROM public.jobs r
        WHERE count_running AND r.status = 'running' AND r.type = v;
        SELECT count(*) INTO flight FROM public.jobs r
        WHERE r.status = 'queued' AND r.status_reason = 'released' AND r.type = v
          AND public.jobq_limit_flying(r.published_at, r.publish_after,
                                       r.concurrency_key IS NOT NULL, r.queue, paused);
    ELSE
        SELECT count(*) INTO running FROM public.jobs r
        WHERE count_running AND r.status = 'running' AND r.concurrency_key = v;
        SELECT count(*) INTO flight FROM public.jobs r
        WHERE r.status = 'queued' AND r.status_reason = 'released' AND r.concurrency_key = v
          AND public.jobq_limit_flying(r.published_at, r.publish_after, true, r.queue, paused);
    END IF;
END
$$;

-- The relays' view of the limits: per limited scope (every: all of them; otherwise those
-- with held jobs in queues that run), n = how many jobs may be released now, the least of
-- max_running − running − in flight and whole tokens − in flight; wait_ms = when n is not
-- positive for want of a token only, the ms until the token that makes it positive is due,
-- or at least 100 ms when a claim in flight must take a token first (NULL otherwise: a
-- running job's finish makes the room); held = whether the scope has held jobs. With lock:
-- the scopes' limit rows are locked in scope order, to the caller's commit, before anything
-- is counted (fresh snapshots after each lock); call it before locking any job row, as the
-- claims' admission, so that it never waits for a limit holding a job.
CREATE FUNCTION jobq_limit_rooms(lock boolean, every boolean)
    RETURNS TABLE (scope text, n bigint, wait_ms double precision, held boolean)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
#variable_conflict use_column
DECLARE
    s record;
    x record;
    b record;
    conc bigint;
    tokens double precision;
BEGIN
    FOR s IN SELECT l.scope AS sc FROM public.limits l WHERE l.scope >= '' ORDER BY l.scope
    LOOP
        held := public.jobq_limit_held(s.sc);
        CONTINUE WHEN NOT every AND NOT held;
        IF lock THEN
            SELECT l.max_running, l.rate, l.tokens, l.refilled_at INTO x
            FROM public.limits l WHERE l.scope = s.sc FOR UPDATE OF l;
        ELSE
            SELECT l.max_running, l.rate, l.tokens, l.refilled_at INTO x
            FROM public.limits l WHERE l.scope = s.sc;
        END IF;
        CONTINUE WHEN NOT FOUND; -- removed meanwhile
        SELECT * INTO b FROM public.jobq_limit_busy(s.sc, x.max_running IS NOT NULL);
        conc := x.max_running - b.running - b.flight;
        scope := s.sc;
        n := conc;
        wait_ms := NULL;
        IF x.rate IS NOT NULL THEN
            tokens := public.jobq_limit_tokens(x.rate, x.tokens, x.refilled_at,
                                               clock_timestamp());
            n := least(conc, floor(tokens)::bigint - b.flight);
            IF n <= 0 AND (conc IS NULL OR conc > 0) THEN
                wait_ms := CASE WHEN b.flight + 1 <= public.jobq_limit_burst(x.rate)
                    THEN greatest(0, (b.flight + 1 - tokens) / x.rate::double precision * 1000)
                    ELSE greatest(100, 1000 / x.rate::double precision) END;
            END IF;
        END IF;
        RETURN NEXT;
    END LOOP;
END
$$;

-- 0023's signature, for a consumer not upgraded yet: the scopes with held jobs.
CREATE OR REPLACE FUNCTION jobq_limit_rooms(lock boolean)
    RETURNS TABLE (scope text, n bigint, wait_ms double precision)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
SELECT r.scope, r.n, r.wait_ms FROM public.jobq_limit_rooms($1, false) r
$$;

-- 6. above: the kept part is read from the row the upsert updates (x), under its lock.
CREATE OR REPLACE FUNCTION jobq_cli_limit_set(sc text, max_run integer, per_second numeric)
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
       AND ($3 OPERATOR(pg_catalog.<) 0.0001 OR $3 OPERATOR(pg_catalog.>) 1000000) THEN
        RAISE EXCEPTION 'rate % per second is not from 0.0001 to 1000000', $3
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
    -- The row inserted is what this session read; when a concurrent set inserted the row
    -- first, the part not given is kept from it (x, locked), not from that read.
    RETURN QUERY
    INSERT INTO public.limits AS x (scope, max_running, rate, tokens, refilled_at, updated_at)
    VALUES (sc, new_max, new_rate, NULL, NULL, pg_catalog.now())
    ON CONFLICT ON CONSTRAINT limits_pkey DO UPDATE
    SET max_running = CASE WHEN $2 IS NULL THEN x.max_running ELSE EXCLUDED.max_running END,
        rate = CASE WHEN $3 IS NULL THEN x.rate ELSE EXCLUDED.rate END,
        tokens = CASE WHEN $3 IS NULL OR x.rate IS NOT DISTINCT FROM EXCLUDED.rate
                      THEN x.tokens END,
        refilled_at = CASE WHEN $3 IS NULL OR x.rate IS NOT DISTINCT FROM EXCLUDED.rate
                           THEN x.refilled_at END,
        updated_at = EXCLUDED.updated_at
    RETURNING x.scope, x.max_running, x.rate,
        CASE WHEN x.rate IS NOT NULL THEN public.jobq_limit_burst(x.rate) END;
    PERFORM pg_catalog.pg_notify('jobq_submitted'::text, ''::text);
END
$$;

REVOKE EXECUTE ON FUNCTION jobq_limit_held(text), jobq_limit_busy(text, boolean),
    jobq_limit_flying(timestamptz, timestamptz, boolean, text, text[]),
    jobq_limit_rooms(boolean, boolean), jobq_limit_rooms(boolean),
    jobq_cli_limit_set(text, integer, numeric) FROM PUBLIC;
