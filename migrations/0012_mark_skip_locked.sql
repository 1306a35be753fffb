-- The CLI's and libjobq's publish mark waits for no other session's row lock. libjobq sends
-- the mark of the jobs the broker confirmed ahead of its next statement, a submit's insert
-- among them, in the same round trip: a mark waiting on the row a worker is claiming (or
-- any transaction holds) would stall that submit for as long. A job whose row is locked is
-- skipped instead and stays unmarked: the relay publishes it again after its grace, which
-- is harmless (the claim is conditional), and a job being claimed needs no mark anyway.
-- Otherwise as in 0010. CREATE OR REPLACE keeps the function's grants.
CREATE OR REPLACE FUNCTION jobq_cli_mark_published(ids uuid[], tokens jsonb) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
WITH l AS (SELECT j.id AS lid FROM public.jobs j WHERE j.id = ANY($1)
           AND j.status = 'queued'::text AND j.published_at IS NULL
           AND j.publish_after > pg_catalog.now() ORDER BY j.id FOR UPDATE SKIP LOCKED),
 m AS (UPDATE public.jobs j SET published_at = pg_catalog.now() FROM l
       WHERE j.id = l.lid AND j.publish_after > pg_catalog.now()
         AND j.lease_token = ($2 OPERATOR(pg_catalog.->>) j.id::text)::bigint RETURNING 1)
SELECT count(*) FROM m
$$;
