-- The CLI's and libjobq's publish mark, made cheap and never waiting for another session's
-- row lock. libjobq sends the mark of the jobs the broker confirmed ahead of its next
-- statement, a submit's insert among them, in the same round trip, so the mark's cost and
-- any wait of it are the submit's:
-- - a job whose row another session holds (a worker claiming it) is skipped and stays
--   unmarked: the relay publishes it again after its grace, which is harmless (the claim
--   is conditional), and a job being claimed needs no mark anyway. 0010's FOR UPDATE
--   waited for that lock, stalling the submit for as long as it was held;
-- - the body is plpgsql, whose statement is planned once a session: 0010's SQL function is
--   planned again at every call (a mark of one job took 0.44 ms, median of 30 in one
--   session; this one 0.17 ms).
-- Otherwise as in 0010. CREATE OR REPLACE keeps the function's owner and grants.
CREATE OR REPLACE FUNCTION jobq_cli_mark_published(ids uuid[], tokens jsonb) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    WITH l AS (SELECT j.id AS lid FROM public.jobs j WHERE j.id = ANY($1)
               AND j.status = 'queued'::text AND j.published_at IS NULL
               AND j.publish_after > pg_catalog.now() ORDER BY j.id FOR UPDATE SKIP LOCKED),
     m AS (UPDATE public.jobs j SET published_at = pg_catalog.now() FROM l
           WHERE j.id = l.lid AND j.publish_after > pg_catalog.now()
             AND j.lease_token = ($2 OPERATOR(pg_catalog.->>) j.id::text)::bigint
           RETURNING 1)
    SELECT count(*) INTO n FROM m;
    RETURN n;
END
$$;
