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
CREATE FUNCTION jobq_cli_retry(job uuid, grace_ms bigint, reason text)
    RETURNS TABLE (status text, id uuid, queue text, type text, lease_token bigint)
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
WITH target AS (SELECT j.status FROM public.jobs j WHERE j.id = $1),
 requeued AS (
  UPDATE public.jobs SET status = 'queued', status_reason = $3,
   attempt = 0, lease_token = jobs.lease_token + 1,
   error = NULL, result = NULL, progress = NULL,
   started_at = NULL, finished_at = NULL,
   worker_id = NULL, heartbeat_at = NULL, lease_expires_at = NULL,
   cancel_requested_at = NULL, cancel_reason = NULL,
   run_after = now(), published_at = NULL, updated_at = now(),
   publish_after = now() + make_interval(secs => $2 / 1000.0)
  WHERE jobs.id = $1 AND jobs.status IN ('failed', 'cancelled')
  RETURNING jobs.id, jobs.queue, jobs.type, jobs.lease_token)
SELECT t.status, r.id, r.queue, r.type, r.lease_token FROM target t LEFT JOIN requeued r ON true
$$;

DROP FUNCTION jobq_mark_published(uuid[], jsonb);
CREATE FUNCTION jobq_mark_published(ids uuid[], tokens jsonb) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
WITH l AS (SELECT j.id AS lid FROM public.jobs j WHERE j.id = ANY($1)
           AND j.status = 'queued' AND j.published_at IS NULL ORDER BY j.id FOR UPDATE),
 m AS (UPDATE public.jobs j SET published_at = now() FROM l
       WHERE j.id = l.lid AND j.lease_token = ($2 ->> j.id::text)::bigint RETURNING 1)
SELECT count(*) FROM m
$$;

REVOKE EXECUTE ON FUNCTION jobq_cli_retry(uuid, bigint, text),
    jobq_mark_published(uuid[], jsonb) FROM PUBLIC;
