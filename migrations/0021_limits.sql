-- Concurrency limits (docs/scheduling.md "Concurrency and rate limits"; docs/design.md §4, §6).
--
-- limits: one row per limited scope, `queue:Q`, `type:T` or `key:K` (K a job's
-- concurrency_key). max_running caps the jobs of the scope that are running at any instant,
-- across all consumers. rate, tokens and refilled_at are the columns of a rate limit
-- (a token bucket); this migration stores them but nothing enforces them yet.
--
-- The claim is the gate: when the table is not empty, every claim asks jobq_limit_admit
-- which of its candidates may start; a refused delivery is held (queued, unpublished, with
-- publish_after 'infinity', out of the relay's due probe) and the relay releases held jobs
-- as their scopes get room (jobq_store_relay_limit_release, common/store_relay.c).
--
-- The CLI writes the table only through jobq_cli_limit_set and jobq_cli_limit_rm (SECURITY
-- DEFINER, fixed search_path, as 0008/0017); jobq migrate grants jobq_cli EXECUTE on them
-- and SELECT on the table, jobq_consumer SELECT and EXECUTE on jobq_limit_admit.
CREATE TABLE limits (
    scope       text PRIMARY KEY
                CHECK (scope ~ '^(queue|type|key):[A-Za-z0-9_.:-]{1,128}$'),
    max_running integer CHECK (max_running BETWEEN 1 AND 1000000),
    rate        numeric CHECK (rate > 0),       -- tokens per second (not enforced yet)
    tokens      double precision,
    refilled_at timestamptz,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (max_running IS NOT NULL OR rate IS NOT NULL)
);
REVOKE ALL ON limits FROM PUBLIC;

-- A job's fairness and limit key (`submit --concurrency-key K`): 1-128 characters of
-- A-Z a-z 0-9 _ . : - (a tenant id, say). NULL for none. A nullable column without a
-- default rewrites nothing.
ALTER TABLE jobs ADD COLUMN concurrency_key text
    CHECK (concurrency_key ~ '^[A-Za-z0-9_.:-]{1,128}$');

-- The claim's admission (docs/design.md §6 "Claim"). ids: the claim's candidates. Returns
-- the ones that may start: every candidate in no limited scope, and of the others, highest
-- priority first then oldest, each whose every limited scope still has room. Exact: the
-- limit rows of the candidates' scopes are locked in scope order (FOR UPDATE, held to the
-- claim's commit, so claims of one scope take turns), and each scope's running jobs are
-- counted after its lock, in a statement of their own: a VOLATILE function's statements
-- each take a fresh snapshot, which sees every claim that committed before the lock was
-- granted (the claim's own snapshot, taken before it waited, would not). Called before the
-- claim locks any job row, so it never waits for a limit while holding a job. jit off: a
-- worker's session plans with enable_seqscan off, whose penalty costs would JIT-compile
-- these few-row statements at every call.
CREATE FUNCTION jobq_limit_admit(ids uuid[]) RETURNS uuid[]
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
DECLARE
    s record;
    c record;
    room jsonb := '{}';
    ok boolean;
    admitted uuid[] := '{}';
    sc text;
BEGIN
    FOR s IN SELECT l.scope, l.max_running FROM public.limits l
             WHERE l.max_running IS NOT NULL AND l.scope IN (
                 SELECT x FROM public.jobs j,
                     LATERAL (VALUES ('queue:' || j.queue), ('type:' || j.type),
                                     ('key:' || j.concurrency_key)) v(x)
                 WHERE j.id = ANY(ids) AND x IS NOT NULL)
             ORDER BY l.scope FOR UPDATE OF l
    LOOP
        room := room || jsonb_build_object(s.scope, s.max_running - (
            SELECT count(*) FROM public.jobs r
            WHERE r.status = 'running'
              AND s.scope IN ('queue:' || r.queue, 'type:' || r.type,
                              'key:' || r.concurrency_key)));
    END LOOP;
    FOR c IN SELECT DISTINCT ON (j.id) j.id, j.status, j.priority, j.created_at,
                    ARRAY['queue:' || j.queue, 'type:' || j.type,
                          'key:' || j.concurrency_key] AS scopes
             FROM public.jobs j WHERE j.id = ANY(ids)
    LOOP
        ok := true;
        FOREACH sc IN ARRAY c.scopes LOOP
            IF sc IS NOT NULL AND room ? sc AND (room ->> sc)::bigint <= 0 THEN
                ok := false;
            END IF;
        END LOOP;
        IF ok THEN
            admitted := admitted || c.id;
            IF c.status = 'queued' THEN
                FOREACH sc IN ARRAY c.scopes LOOP
                    IF sc IS NOT NULL AND room ? sc THEN
                        room := jsonb_set(room, ARRAY[sc], to_jsonb((room ->> sc)::bigint - 1));
                    END IF;
                END LOOP;
            END IF;
        END IF;
    END LOOP;
    RETURN admitted;
END
$$;

-- Whether a job of this queue, type and key is in a scope with a concurrency limit: a
-- delivery its claim refused is then held for the release (jobq_store_hold).
CREATE FUNCTION jobq_limited(q text, t text, k text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
SELECT EXISTS (SELECT 1 FROM public.limits l WHERE l.max_running IS NOT NULL
               AND l.scope IN ('queue:' || q, 'type:' || t, 'key:' || k))
$$;

-- jobq limit set SCOPE [--max-running N] [--rate R]: creates or changes the scope's limit
-- (a NULL leaves that part as it was on a change) and wakes the relays, which release held
-- jobs a raised limit has room for. Returns the row.
CREATE FUNCTION jobq_cli_limit_set(sc text, max_run integer, per_second numeric)
    RETURNS TABLE (scope text, max_running integer, rate numeric)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
BEGIN
    IF sc IS NULL OR NOT (sc OPERATOR(pg_catalog.~) '^(queue|type|key):[A-Za-z0-9_.:-]{1,128}$'::text) THEN
        RAISE EXCEPTION 'scope % is invalid (queue:Q, type:T or key:K, 1-128 characters of A-Z a-z 0-9 _ . : -)',
            pg_catalog.quote_literal(pg_catalog.left(sc, 80)) USING ERRCODE = '22023';
    END IF;
    IF $2 IS NOT NULL AND $2 NOT BETWEEN 1 AND 1000000 THEN
        RAISE EXCEPTION 'max running % is not a whole number from 1 to 1000000', $2
            USING ERRCODE = '22023';
    END IF;
    IF $3 IS NOT NULL AND $3 OPERATOR(pg_catalog.<=) 0 THEN
        RAISE EXCEPTION 'rate % is not positive', $3 USING ERRCODE = '22023';
    END IF;
    RETURN QUERY
    INSERT INTO public.limits AS x (scope, max_running, rate, tokens, refilled_at, updated_at)
    VALUES (sc, $2, $3, NULL, NULL, pg_catalog.now())
    ON CONFLICT ON CONSTRAINT limits_pkey DO UPDATE
    SET max_running = COALESCE(EXCLUDED.max_running, x.max_running),
        rate = COALESCE(EXCLUDED.rate, x.rate), updated_at = EXCLUDED.updated_at
    RETURNING x.scope, x.max_running, x.rate;
    PERFORM pg_catalog.pg_notify('jobq_submitted'::text, ''::text);
END
$$;

-- jobq limit rm SCOPE: removes the limit; its held jobs are published again (their
-- publish_after set to now, so the relay takes them at once). Returns whether it existed.
CREATE FUNCTION jobq_cli_limit_rm(sc text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    found_it boolean;
BEGIN
    DELETE FROM public.limits l WHERE l.scope OPERATOR(pg_catalog.=) sc;
    found_it := FOUND;
    UPDATE public.jobs j SET publish_after = pg_catalog.now()
    WHERE j.published_at IS NULL AND j.status IN ('scheduled', 'queued')
      AND j.publish_after OPERATOR(pg_catalog.=) 'infinity'::timestamptz
      AND NOT public.jobq_limited(j.queue, j.type, j.concurrency_key);
    PERFORM pg_catalog.pg_notify('jobq_submitted'::text, ''::text);
    RETURN found_it;
END
$$;

-- As 0014's, but a move to running is stamped with the clock at the write, not with the
-- statement's start: a claim that waited for a limit row's lock started its job after the
-- finish that made room (the admission counted after the lock), and its event says so. So
-- the running intervals job_events gives (entering running to leaving it) overlap only
-- where the jobs' running states did; a finish's stamp stays its statement's start. The
-- trigger fires after the UPDATE, so the stamp follows the admission.
CREATE OR REPLACE FUNCTION jobq_record_updates() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET enable_nestloop = off AS $$
DECLARE
    notified bigint;
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'public.jobs'::pg_catalog.regclass::pg_catalog.oid THEN
        RAISE EXCEPTION 'jobq_record_updates fires only on jobs, not on %', TG_RELID::regclass;
    END IF;
    -- A terminal event is always a status change (terminal is not running), so the rows
    -- the INSERT returns with a terminal state are exactly the jobs that just ended.
    WITH ev AS (
        INSERT INTO job_events (job_id, from_status, to_status, at, worker_id, attempt, reason)
        SELECT n.id, o.status, n.status,
               CASE WHEN n.status = 'running'::text THEN pg_catalog.clock_timestamp()
                    ELSE pg_catalog.now() END, COALESCE(n.worker_id, o.worker_id),
               n.attempt, n.status_reason
        FROM jobq_new n JOIN jobq_old o ON o.id = n.id
        WHERE n.status IS DISTINCT FROM o.status
           OR (n.status = 'running'::text AND n.attempt IS DISTINCT FROM o.attempt)
        ORDER BY n.id
        RETURNING job_id, to_status)
    SELECT pg_catalog.count(pg_catalog.pg_notify('jobq_done'::text, ev.job_id::text))
    INTO notified
    FROM ev
    WHERE ev.to_status IN ('succeeded'::text, 'failed'::text, 'cancelled'::text)
      AND EXISTS (SELECT 1 FROM job_waiters)
      AND EXISTS (SELECT 1 FROM job_waiters w WHERE w.job_id = ev.job_id);
    RETURN NULL;
END
$$;

REVOKE EXECUTE ON FUNCTION jobq_limit_admit(uuid[]), jobq_limited(text, text, text),
    jobq_cli_limit_set(text, integer, numeric), jobq_cli_limit_rm(text) FROM PUBLIC;
