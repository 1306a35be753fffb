-- Fencing by a token that only grows.
--
-- - lease_token: every transition after which an earlier holder's write must be refused
--   (claim, takeover, finish and release, reaper and start-up requeue, `jobq retry`, the
--   relay taking a row to publish) sets it to lease_token + 1, and every fenced write (the
--   finish, the heartbeat, the takeover, the published mark) names the token it holds.
--   (worker_id, attempt) could repeat over a job's life (`jobq retry` puts attempt back to
--   0, a release takes one off), so a stale execution could pass the fence of a newer one.
-- - claim_id: set by a claim or takeover to a value its sender made up, so that a worker
--   whose reply was lost after the commit (the connection dropped) recognises the row it
--   finds running under its own id as its own claim, not as one left behind.
--
-- Both are added without rewriting the table (a constant default).

ALTER TABLE jobs ADD COLUMN lease_token bigint NOT NULL DEFAULT 0,
                 ADD COLUMN claim_id bigint;

-- The two functions of 0008 that fence or reset a lease move to the token: `jobq retry`
-- raises it (and returns it, for the publish mark that follows), the publish mark is
-- fenced on it. Their result or parameter names change, so they are made anew; `jobq
-- migrate` grants them again to jobq_cli / jobq_consumer and keeps PUBLIC out.
DROP FUNCTION jobq_cli_retry(uuid, bigint, text);
-- As in 0008, every call names pg_catalog's operator or function with exact argument types.
CREATE FUNCTION jobq_cli_retry(job uuid, grace_ms bigint, reason text)
    RETURNS TABLE (status text, id uuid, queue text, type text, lease_token bigint)
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
WITH target AS (SELECT j.status FROM public.jobs j WHERE j.id = $1),
 requeued AS (
  UPDATE public.jobs SET status = 'queued'::text,
   status_reason = pg_catalog.left($3, 1000),
   attempt = 0, lease_token = jobs.lease_token OPERATOR(pg_catalog.+) 1::bigint,
   error = NULL, result = NULL, progress = NULL,
   started_at = NULL, finished_at = NULL,
   worker_id = NULL, heartbeat_at = NULL, lease_expires_at = NULL,
   cancel_requested_at = NULL, cancel_reason = NULL,
   run_after = pg_catalog.now(), published_at = NULL, updated_at = pg_catalog.now(),
   publish_after = pg_catalog.now() OPERATOR(pg_catalog.+) pg_catalog.make_interval(
       secs => ($2::float8 OPERATOR(pg_catalog./) 1000::float8))
  WHERE jobs.id = $1 AND jobs.status IN ('failed'::text, 'cancelled'::text)
  RETURNING jobs.id, jobs.queue, jobs.type, jobs.lease_token)
SELECT t.status, r.id, r.queue, r.type, r.lease_token FROM target t LEFT JOIN requeued r ON true
$$;

-- The relay's publish mark: only a queued, unpublished job still holding the lease token it
-- was published with ($2: a JSON object {"id": token}). jobq_consumer only.
DROP FUNCTION jobq_mark_published(uuid[], jsonb);
CREATE FUNCTION jobq_mark_published(ids uuid[], tokens jsonb) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
WITH l AS (SELECT j.id AS lid FROM public.jobs j WHERE j.id = ANY($1)
           AND j.status = 'queued'::text AND j.published_at IS NULL ORDER BY j.id FOR UPDATE),
 m AS (UPDATE public.jobs j SET published_at = pg_catalog.now() FROM l
       WHERE j.id = l.lid
         AND j.lease_token = ($2 OPERATOR(pg_catalog.->>) j.id::text)::bigint RETURNING 1)
SELECT count(*) FROM m
$$;

-- The CLI's publish mark (jobq submit, jobq retry, after the broker confirmed): as the
-- relay's, and only while the job is still within the relay grace its submit or retry set
-- (publish_after in the future). The CLI's role can read any job's token, so without that
-- test it could mark any unpublished job and hide it from the relay for good; a job past
-- its grace is the relay's to publish (a duplicate of a late CLI publish is harmless).
CREATE FUNCTION jobq_cli_mark_published(ids uuid[], tokens jsonb) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
WITH l AS (SELECT j.id AS lid FROM public.jobs j WHERE j.id = ANY($1)
           AND j.status = 'queued'::text AND j.published_at IS NULL
           AND j.publish_after > pg_catalog.now() ORDER BY j.id FOR UPDATE),
 m AS (UPDATE public.jobs j SET published_at = pg_catalog.now() FROM l
       WHERE j.id = l.lid AND j.publish_after > pg_catalog.now()
         AND j.lease_token = ($2 OPERATOR(pg_catalog.->>) j.id::text)::bigint RETURNING 1)
SELECT count(*) FROM m
$$;

REVOKE EXECUTE ON FUNCTION jobq_cli_retry(uuid, bigint, text),
    jobq_mark_published(uuid[], jsonb), jobq_cli_mark_published(uuid[], jsonb) FROM PUBLIC;
