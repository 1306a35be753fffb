-- The scoped limit rooms find their limit rows by index; limit rm's search_path pinned
-- (docs/scheduling.md "Concurrency and rate limits", "Costs"). From review R8 (findings 4
-- and 8):
--
-- 1. jobq_limit_rooms(lock, every, scopes) (0038) read its limit rows with
--    `scopes IS NULL OR l.scope = ANY (scopes)`. Worker sessions force generic plans
--    (plan_cache_mode), and a generic plan cannot make `= ANY (scopes)` an index condition
--    under that OR: it read every limit row in scope order and compared each one to the
--    whole array, O(limits x named scopes) a call (1,003 limits and 2,002 named scopes: 41
--    ms for 2 rooms). The function now branches on scopes IS NULL: with an array, the
--    limit rows are found by limits_pkey, one descent per name, still in scope order. The
--    loop's body is unchanged.
-- 2. jobq_cli_limit_rm (0039) ran with search_path = pg_catalog, public, pg_temp; every
--    object of its body is qualified, so public is dropped from its path: its operators
--    and types resolve in pg_catalog whatever public holds.
CREATE OR REPLACE FUNCTION jobq_limit_rooms(lock boolean, every boolean, scopes text[])
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
    named text[];
BEGIN
    IF scopes IS NULL THEN
        SELECT pg_catalog.array_agg(l.scope ORDER BY l.scope) INTO named
        FROM public.limits l WHERE l.scope >= '';
    ELSE
        -- the named limit rows by index (= ANY of the array: one descent a name)
        SELECT pg_catalog.array_agg(l.scope ORDER BY l.scope) INTO named
        FROM public.limits l WHERE l.scope = ANY (scopes);
    END IF;
    FOR s IN SELECT u.sc FROM pg_catalog.unnest(named) WITH ORDINALITY u(sc, i) ORDER BY u.i
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

ALTER FUNCTION jobq_cli_limit_rm(text) SET search_path = pg_catalog, pg_temp;
