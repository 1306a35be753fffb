-- jobq schema: jobs (the truth), job_events (every transition), workers (the registry),
-- job_waiters (who listens for a job's end, so NOTIFY is paid only where someone waits).

CREATE TABLE jobs (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    queue               text NOT NULL DEFAULT 'default',
    type                text NOT NULL,
    payload             jsonb NOT NULL DEFAULT '{}'::jsonb,
    status              text NOT NULL
                        CHECK (status IN ('scheduled', 'queued', 'running',
                                          'succeeded', 'failed', 'cancelled')),
    status_reason       text,          -- why the latest transition happened (copied to job_events)
    attempt             integer NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    max_attempts        integer NOT NULL DEFAULT 3 CHECK (max_attempts BETWEEN 1 AND 1000),
    run_after           timestamptz NOT NULL DEFAULT now(),
    published_at        timestamptz,   -- NULL: not yet handed to the broker (the relay's work)
    publish_after       timestamptz NOT NULL DEFAULT now(), -- when the relay may publish it
    worker_id           text,
    heartbeat_at        timestamptz,
    lease_expires_at    timestamptz,
    cancel_requested_at timestamptz,
    cancel_reason       text,
    result              jsonb,
    error               text,
    timeout             interval,      -- runtime limit of one attempt; NULL = handler's or none
    idempotency_key     text UNIQUE,
    job_metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
    progress            jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    started_at          timestamptz,
    finished_at         timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- The relay: due rows not yet handed to the broker.
CREATE INDEX jobs_unpublished ON jobs (publish_after)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued');
-- The heartbeat and the reaper: running rows by owner and by lease.
CREATE INDEX jobs_running_worker ON jobs (worker_id) WHERE status = 'running';
CREATE INDEX jobs_running_lease ON jobs (lease_expires_at) WHERE status = 'running';
-- list/stats and prune.
CREATE INDEX jobs_status_created ON jobs (status, created_at);
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE job_events (
    id          bigserial PRIMARY KEY,
    job_id      uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    from_status text,                  -- NULL for the job's creation
    to_status   text NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    worker_id   text,
    attempt     integer NOT NULL,
    reason      text
);
CREATE INDEX job_events_job ON job_events (job_id, id);

CREATE TABLE workers (
    id            text PRIMARY KEY,
    hostname      text NOT NULL,
    pid           integer NOT NULL,
    queues        text[] NOT NULL,
    concurrency   integer NOT NULL,
    state         text NOT NULL CHECK (state IN ('running', 'draining', 'stopped')),
    lock_key      bigint NOT NULL,      -- session advisory lock held for the worker's lifetime
    started_at    timestamptz NOT NULL DEFAULT now(),
    heartbeat_at  timestamptz NOT NULL DEFAULT now(),
    stopped_at    timestamptz
);

CREATE TABLE job_waiters (
    job_id     uuid NOT NULL,
    backend    integer NOT NULL DEFAULT pg_backend_pid(),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, backend)
);

-- Every status change is recorded, whatever code path made it: a trigger cannot be
-- forgotten by a new statement. A terminal transition notifies channel jobq_done with the
-- job id only when a waiter is registered (NOTIFY serialises commits; see docs/design.md §12).
CREATE FUNCTION jobq_record_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO job_events (job_id, from_status, to_status, at, worker_id, attempt, reason)
        VALUES (NEW.id, NULL, NEW.status, now(), NEW.worker_id, NEW.attempt, NEW.status_reason);
    ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
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

CREATE TRIGGER jobs_transition
    AFTER INSERT OR UPDATE OF status ON jobs
    FOR EACH ROW EXECUTE FUNCTION jobq_record_transition();
