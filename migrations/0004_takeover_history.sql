-- A takeover keeps the job running but changes its owner and attempt: record it in the
-- history too (running → running, with the reason), so `jobq history` shows every owner.
CREATE OR REPLACE FUNCTION jobq_record_transition() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO job_events (job_id, from_status, to_status, at, worker_id, attempt, reason)
        VALUES (NEW.id, NULL, NEW.status, now(), NEW.worker_id, NEW.attempt, NEW.status_reason);
    ELSIF NEW.status IS DISTINCT FROM OLD.status
          OR (NEW.status = 'running' AND NEW.attempt IS DISTINCT FROM OLD.attempt) THEN
        INSERT INTO job_events (job_id, from_status, to_status, at, worker_id, attempt, reason)
        VALUES (NEW.id, OLD.status, NEW.status, now(),
                COALESCE(NEW.worker_id, OLD.worker_id), NEW.attempt, NEW.status_reason);
    END IF;
    IF NEW.status IN ('succeeded', 'failed', 'cancelled')
       AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status)
       AND EXISTS (SELECT 1 FROM job_waiters WHERE job_id = NEW.id) THEN
        PERFORM pg_notify('jobq_done', NEW.id::text);
    END IF;
    RETURN NULL;
END
$$;
