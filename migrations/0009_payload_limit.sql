-- A ceiling on the size of a job's payload, held by the database itself: the submitting
-- CLI checks consumer.max_payload, but a row written another way (psql, another client, a
-- CLI whose max_payload is larger) would otherwise reach a handler whatever its size.
--
-- - The size is that of the payload's text form (jsonb output), the very text a consumer
--   hands its handler, and what consumers compare with their own max_payload before a
--   handler runs. That form is not the submitted text: jsonb adds a space after each ','
--   and ':', and writes numbers out in full (`1e100000`, 8 bytes in, is 100001 bytes out).
-- - 4 MiB: four times the default max_payload of 1 MiB, room for those spaces; a payload
--   of numbers in exponent form can still pass the CLI and be refused here, with the
--   message below. A deployment that raises max_payload past that raises the ceiling too
--   (docs/configuration.md).
-- - A trigger, not a CHECK constraint: PostgreSQL evaluates a CHECK at every UPDATE of a
--   row, whatever columns change, so every claim, heartbeat and finish would rebuild the
--   payload's text, and a row over the ceiling (one written before this migration) could
--   never change state again: its heartbeat, the reaper's and the relay's multi-row
--   statements and a cancel naming it would fail every time. The trigger fires only on
--   INSERT and on an UPDATE that names payload (no jobq statement does).
-- - Unfinished rows already over the ceiling are ended first, so nothing waits for a
--   payload no consumer may take: a running one fails (running -> failed), a scheduled or
--   queued one is cancelled (the only way out of those states but a claim), each with its
--   reason and the sizes; the history triggers record the transitions. Finished rows stay
--   as they are, until `jobq prune` deletes them.

UPDATE jobs SET
    status = CASE WHEN status = 'running' THEN 'failed' ELSE 'cancelled' END,
    status_reason = 'payload over the database ceiling (migration 0009)',
    error = format('payload of %s bytes exceeds the database ceiling of 4194304 bytes'
                   ' (jobs_payload_size)', octet_length(payload::text)),
    cancel_requested_at = CASE WHEN status = 'running' THEN cancel_requested_at ELSE now() END,
    cancel_reason = CASE WHEN status = 'running' THEN cancel_reason
                    ELSE 'payload over the database ceiling (migration 0009)' END,
    finished_at = now(), worker_id = NULL, lease_expires_at = NULL, heartbeat_at = NULL,
    updated_at = now()
WHERE status IN ('scheduled', 'queued', 'running')
  AND octet_length(payload::text) > 4194304;

CREATE FUNCTION jobq_check_payload_size() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    size integer;
BEGIN
    IF TG_RELID <> 'public.jobs'::regclass THEN
        RAISE EXCEPTION 'jobq_check_payload_size fires only on jobs, not on %', TG_RELID::regclass;
    END IF;
    size := octet_length(NEW.payload::text);
    IF size > 4194304 THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'jobs_payload_size',
            TABLE = 'jobs', COLUMN = 'payload',
            MESSAGE = format('payload of %s bytes exceeds the database ceiling of 4194304'
                             ' bytes (jobs_payload_size)', size);
    END IF;
    RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION jobq_check_payload_size() FROM PUBLIC;

CREATE TRIGGER jobs_payload_size_trigger BEFORE INSERT OR UPDATE OF payload ON jobs
    FOR EACH ROW EXECUTE FUNCTION jobq_check_payload_size();
