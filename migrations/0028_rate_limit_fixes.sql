-- Fixes to rate limits from their review (docs/scheduling.md "Concurrency and rate limits").
--
-- 1. jobq_cli_limit_rm takes the limits table in EXCLUSIVE mode before anything else. It
--    deleted its scope's row and then locked the limit rows of its held jobs' other scopes
--    (jobq_limited, FOR KEY SHARE), the reverse of the scope order in which claims and
--    releases lock them, and a review's probe saw `deadlock detected`. EXCLUSIVE lets plain
--    reads on but makes every row lock on limits wait for rm's commit (rm is rare).
-- 2. jobq_cli_limit_set refuses a rate under 0.0001 per second (0.006 a minute). A rate of
--    1e-18/s was accepted, and once its bucket was empty the wait for its next token
--    overflowed bigint in every relay's due probe, failing the probe on every loop. The CLI
--    refuses it too (common/limit.c, jobq_parse_rate).
--
-- The comments of 0023 say the burst is a tenth of a second of tokens; jobq_limit_burst is
-- half a second (at least one token), as docs/scheduling.md says. A checksummed migration
-- cannot be edited, so this note corrects it.

CREATE OR REPLACE FUNCTION jobq_cli_limit_rm(sc text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    found_it boolean;
BEGIN
    -- First, and whole: the claims' admission and the releases lock the rows of several
    -- scopes in scope order; deleting this one first and then locking the held jobs' other
    -- scopes (jobq_limited) took them in the reverse order and could deadlock.
    LOCK TABLE public.limits IN EXCLUSIVE MODE;
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
