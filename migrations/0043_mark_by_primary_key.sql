-- The publish marks find their rows by primary key only (review R9 finding 5).
--
-- jobq_mark_published (the relay's, 0010) and jobq_cli_mark_published (the CLI's and
-- libjobq's, 0012) locked `j.id = ANY($1) AND j.status = 'queued' AND j.published_at IS
-- NULL`, and joined the update to those rows. On statistics that saw none of these rows (a
-- table analyzed while nearly empty, as a quiet installation's is), the planner read them
-- through jobs_unpublished with the ids as a filter: every unpublished job (held jobs, a
-- backlog, keyed jobs waiting) walked for a mark of 5 (8,545 rows removed by the filter in
-- the review's probe), after every publish. Now the lock step reads only `id = ANY($1)`
-- (jobs_pkey, whatever the statistics say), and checks the state on the version it locked,
-- in its select list; the update finds the rows by primary key (= ANY of an array). A row
-- that no longer qualifies is locked until the commit and left alone, as before.
-- Otherwise as before: the relay's waits for a row lock, the CLI's skips it (0012); the
-- CLI's marks only a job still within its grace. CREATE OR REPLACE keeps owners and grants.

CREATE OR REPLACE FUNCTION jobq_mark_published(ids uuid[], tokens jsonb) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
WITH l AS MATERIALIZED (SELECT j.id AS lid,
           j.status = 'queued'::text AND j.published_at IS NULL AS ok
           FROM public.jobs j WHERE j.id = ANY($1) ORDER BY j.id FOR UPDATE),
 m AS (UPDATE public.jobs j SET published_at = pg_catalog.now()
       WHERE j.id = ANY (ARRAY(SELECT l.lid FROM l WHERE l.ok))
         AND j.lease_token = ($2 OPERATOR(pg_catalog.->>) j.id::text)::bigint RETURNING 1)
SELECT count(*) FROM m
$$;

CREATE OR REPLACE FUNCTION jobq_cli_mark_published(ids uuid[], tokens jsonb) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    WITH l AS MATERIALIZED (SELECT j.id AS lid,
               j.status = 'queued'::text AND j.published_at IS NULL
               AND j.publish_after > pg_catalog.now() AS ok
               FROM public.jobs j WHERE j.id = ANY($1) ORDER BY j.id FOR UPDATE SKIP LOCKED),
     m AS (UPDATE public.jobs j SET published_at = pg_catalog.now()
           WHERE j.id = ANY (ARRAY(SELECT l.lid FROM l WHERE l.ok))
             AND j.lease_token = ($2 OPERATOR(pg_catalog.->>) j.id::text)::bigint
           RETURNING 1)
    SELECT count(*) INTO n FROM m;
    RETURN n;
END
$$;
