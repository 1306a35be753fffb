-- The relay's limit rooms, only of the scopes that can matter (docs/scheduling.md
-- "Concurrency and rate limits", "Costs"). From review R7 (finding 3, = R6 finding 3):
--
-- With many key:K limits (one per tenant), the due probe computed every limit's room
-- whenever any keyed job waited, and every keyed release locked and counted every limit
-- row (1,000 key:K limits: a room look-up each, about 150 ms a call under load, while
-- every limited claim waited behind the keyed release's locks).
--
-- jobq_limit_rooms(lock, every, scopes) computes the rooms of the limits named in scopes
-- only (NULL: all), in scope order, their rows locked first with lock, as before. The
-- due probe names the scopes with held jobs (loose scans of the held indexes) and those
-- of the keyed jobs it looks at (their queue:Q, type:T and key:K); the keyed release the
-- queue:Q of its queues, every type:T and the key:K of the keys with waiting jobs in those
-- queues. jobq_limit_rooms(lock, every) is this over every limit (the limit release's,
-- and that of consumers not upgraded yet).
CREATE FUNCTION jobq_limit_rooms(lock boolean, every boolean, scopes text[])
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
    FOR s IN SELECT l.scope AS sc FROM public.limits l
             WHERE l.scope >= '' AND (scopes IS NULL OR l.scope = ANY (scopes)) ORDER BY l.scope
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

CREATE OR REPLACE FUNCTION jobq_limit_rooms(lock boolean, every boolean)
    RETURNS TABLE (scope text, n bigint, wait_ms double precision, held boolean)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
SELECT r.scope, r.n, r.wait_ms, r.held FROM public.jobq_limit_rooms($1, $2, NULL) r
$$;

REVOKE EXECUTE ON FUNCTION jobq_limit_rooms(boolean, boolean, text[]) FROM PUBLIC;
