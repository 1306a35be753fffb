-- The SQL API (docs/clients.md): applications submit, cancel, read and wait for jobs from
-- their own code and inside their own transactions, in any language with a PostgreSQL
-- driver. The role jobq_producer may call these functions and nothing else of jobq's
-- (`jobq migrate` grants them; an application's login role is made a member of it).
--
-- - Each function is SECURITY DEFINER with search_path = pg_catalog, pg_temp: the tables
--   are named with their schema, and every unqualified function and operator can only be
--   pg_catalog's (pg_temp is never searched for functions or operators), so nothing a
--   caller creates anywhere can stand in for one.
-- - The checks are the CLI's, with the CLI's messages, raised as SQLSTATE 22023
--   (invalid_parameter_value) on one line (caller text in them is cut and its control
--   characters replaced). The payload limit is jobq.max_payload as an operator set it for
--   the database or the role (a superuser's ALTER DATABASE ... SET jobq.max_payload =
--   '2097152'; read
--   from pg_db_role_setting, so that a caller's own SET cannot raise it; the smallest
--   applies), 1 MiB by default as consumer.max_payload; the ceiling of 0009 still applies.
-- - jobq_producer's members are one trust domain, as the CLI's users are: any of them may
--   read or cancel any job whose id it knows, and idempotency keys are shared by all.
-- - A job is a row in the caller's transaction: a rollback leaves nothing, a commit hands it
--   to the consumers' relay. The relay must not wait for its tick: the commit wakes it with
--   a NOTIFY on channel jobq_submitted, sent only for jobs submitted here (the CLI publishes
--   its own jobs and does not pay for it). See jobq_wake_relay below for how that NOTIFY is
--   kept from serialising concurrent submitters' commits.
-- - jobq_cancel's cancel request reaches the running job's worker by a NOTIFY on channel
--   jobq_cancel (payload: job ids separated by spaces), which every consumer's relay
--   listens to; the heartbeat carries it otherwise, as for every cancel.

-- Caller text for a message: at most n characters, control characters (a line break
-- among them) replaced by '?', so that a message stays one line.
CREATE FUNCTION jobq_clean(t text, n integer) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
SELECT regexp_replace(left(coalesce($1, ''), $2), '[[:cntrl:]]', '?', 'g')
$$;

-- The payload limit in bytes: the smallest jobq.max_payload an operator set for this
-- database, the session's login role, or the two together (pg_db_role_setting: a caller's
-- own SET does not count), else 1 MiB. NULL when a set value is not a number.
CREATE FUNCTION jobq_max_payload() RETURNS bigint
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    bad boolean;
    lim bigint;
BEGIN
    -- plpgsql, not sql: its plan is kept for the session (a SQL function with a SET clause is
    -- planned on every call, 0.4 ms here, a third of a submit)
    SELECT bool_or(x.v !~ '^[0-9]{1,18}$'),
           min(CASE WHEN x.v ~ '^[0-9]{1,18}$' THEN x.v::bigint END)
      INTO bad, lim
      FROM (SELECT substr(c, length('jobq.max_payload=') + 1) AS v
              FROM pg_db_role_setting s, unnest(s.setconfig) c
             WHERE s.setdatabase IN (0, (SELECT d.oid FROM pg_database d
                                         WHERE d.datname = current_database()))
               AND s.setrole IN (0, to_regrole(session_user::text)::oid)
               AND c LIKE 'jobq.max\_payload=%') x;
    RETURN CASE WHEN bad THEN NULL ELSE coalesce(lim, 1048576) END;
END
$$;

-- The checks of one job, as the CLI makes them: NULL when it is valid, else the one-line
-- message. `at` is the time it should run (NULL = now), `lim` the payload limit in bytes.
CREATE FUNCTION jobq_job_problem(type text, payload jsonb, queue text, at timestamptz,
                                 max_attempts integer, key text, timeout interval,
                                 metadata jsonb) RETURNS text
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    lim bigint;
    size bigint;
BEGIN
    IF type IS NULL OR type !~ '^[A-Za-z0-9_.:-]{1,64}$' THEN
        RETURN format('job type ''%s'' is invalid (1-64 characters of A-Z a-z 0-9 _ . : -)',
                      public.jobq_clean(type, 80));
    END IF;
    IF queue IS NOT NULL AND queue !~ '^[A-Za-z0-9_.-]{1,64}$' THEN
        RETURN format('queue ''%s'' is invalid (1-64 characters of A-Z a-z 0-9 _ . -)',
                      public.jobq_clean(queue, 80));
    END IF;
    IF max_attempts IS NOT NULL AND (max_attempts < 1 OR max_attempts > 1000) THEN
        RETURN format('max_attempts: %s is not a whole number from 1 to 1000', max_attempts);
    END IF;
    IF key IS NOT NULL AND (char_length(key) < 1 OR char_length(key) > 255) THEN
        RETURN 'key must be 1 to 255 characters';
    END IF;
    IF at IS NOT NULL AND at > now() + interval '365 days' THEN
        RETURN format('run_at: %s is more than 365 days ahead', at);
    END IF;
    IF timeout IS NOT NULL AND (timeout <= interval '0' OR timeout > interval '365 days') THEN
        RETURN format('timeout: %s must be more than 0 and at most 365 days', timeout);
    END IF;
    IF metadata IS NOT NULL THEN
        IF jsonb_typeof(metadata) <> 'object' THEN
            RETURN 'metadata must be a JSON object';
        END IF;
        size := octet_length(metadata::text);
        IF size > 65536 THEN
            RETURN format('metadata of %s bytes exceeds the limit of 65536 bytes', size);
        END IF;
    END IF;
    IF payload IS NOT NULL THEN
        lim := public.jobq_max_payload();
        IF lim IS NULL THEN
            RETURN 'jobq.max_payload (set for the database or role) is not a number of bytes';
        END IF;
        size := octet_length(payload::text);
        IF size > lim THEN
            RETURN format('payload of %s bytes exceeds the limit of %s bytes (jobq.max_payload)',
                          size, lim);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

-- Insert one checked job in the caller's transaction and return its id: queued to run now
-- when `at` is NULL or not later than the call (clock_timestamp(), so that `now() + 0` or a
-- time computed by the client a moment ago does not make it scheduled), else scheduled for
-- `at`. A key already used returns the existing job's id. ON CONFLICT DO NOTHING waits for
-- a concurrent insert of the key to commit or roll back, as the CLI's insert does, but
-- locks no existing row: the CLI's DO UPDATE would hold the existing job's row until the
-- caller's transaction ends, and an application's transaction may be long, while that
-- job's worker must keep writing its heartbeat. Its status_reason marks the job as
-- submitted here, which is what wakes the relay at commit (jobs_wake_relay).
CREATE FUNCTION jobq_insert_job(type text, payload jsonb, queue text, at timestamptz,
                                max_attempts integer, key text, timeout interval,
                                metadata jsonb) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    run timestamptz := CASE WHEN $4 > clock_timestamp() THEN $4 ELSE now() END;
    jid uuid;
BEGIN
    INSERT INTO public.jobs AS j (type, payload, queue, max_attempts, run_after, status,
                                  timeout, idempotency_key, status_reason, publish_after,
                                  job_metadata)
    VALUES ($1, coalesce($2, '{}'::jsonb), coalesce($3, 'default'), coalesce($5, 3), run,
            CASE WHEN run > now() THEN 'scheduled' ELSE 'queued' END, $7, $6,
            'submitted via SQL', run, coalesce($8, '{}'::jsonb))
    ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING j.id INTO jid;
    IF jid IS NULL THEN
        SELECT j.id INTO jid FROM public.jobs j WHERE j.idempotency_key = $6;
    END IF;
    IF jid IS NULL THEN   -- deleted (jobq prune) between the conflict and the read
        RAISE EXCEPTION USING ERRCODE = 'serialization_failure',
            MESSAGE = format('key ''%s'' changed hands during the submit; try again',
                             public.jobq_clean($6, 80));
    END IF;
    RETURN jid;
END
$$;

CREATE FUNCTION jobq_submit(type text, payload jsonb DEFAULT '{}'::jsonb,
                            queue text DEFAULT 'default', run_at timestamptz DEFAULT NULL,
                            max_attempts integer DEFAULT NULL, key text DEFAULT NULL,
                            timeout interval DEFAULT NULL, metadata jsonb DEFAULT NULL)
    RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    problem text := public.jobq_job_problem($1, $2, $3, $4, $5, $6, $7, $8);
BEGIN
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = problem;
    END IF;
    RETURN public.jobq_insert_job($1, $2, $3, $4, $5, $6, $7, $8);
END
$$;

-- A duration field of jobq_submit_many: seconds as a number, or interval text ("5 seconds",
-- "00:00:05"). NULL when absent; raises with `what` (e.g. 'job 3: "delay"') when bad.
CREATE FUNCTION jobq_duration_field(v jsonb, what text) RETURNS interval
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d interval;
BEGIN
    IF v IS NULL OR jsonb_typeof(v) = 'null' THEN
        RETURN NULL;
    ELSIF jsonb_typeof(v) = 'number' AND (v #>> '{}')::numeric BETWEEN 0 AND 31536000 THEN
        RETURN make_interval(secs => (v #>> '{}')::float8);
    ELSIF jsonb_typeof(v) = 'string' THEN
        BEGIN
            d := (v #>> '{}')::interval;
        EXCEPTION WHEN OTHERS THEN
            d := NULL;
        END;
        IF d IS NOT NULL THEN
            RETURN d;
        END IF;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
        MESSAGE = format('%s must be seconds (0 to 31536000) or an interval such as "30 seconds"',
                         what);
END
$$;

-- Many jobs in one call, all or nothing: a JSON array of objects (fields below), at most
-- 10000; the ids come back in input order (a repeated key gives the same id). An element's
-- problem is raised naming it ("job 3: ...").
CREATE FUNCTION jobq_submit_many(jobs jsonb) RETURNS uuid[]
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    e jsonb;
    i bigint;
    f text;
    at timestamptz;
    delay interval;
    timeout interval;
    max_attempts integer;
    problem text;
    ids uuid[] := '{}';
BEGIN
    IF jobs IS NULL OR jsonb_typeof(jobs) <> 'array' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'jobs must be a JSON array of job objects';
    END IF;
    IF jsonb_array_length(jobs) > 10000 THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = format('%s jobs in one call: at most 10000', jsonb_array_length(jobs));
    END IF;
    FOR e, i IN SELECT a.value, a.ord FROM jsonb_array_elements(jobs) WITH ORDINALITY a(value, ord)
    LOOP
        IF jsonb_typeof(e) <> 'object' THEN
            problem := 'expected a JSON object';
        ELSE
            SELECT k INTO f FROM jsonb_object_keys(e) k
            WHERE k NOT IN ('type', 'payload', 'queue', 'run_at', 'delay', 'max_attempts', 'key',
                            'timeout', 'metadata')
            ORDER BY k LIMIT 1;
            IF f IS NOT NULL THEN
                problem := format('unknown field "%s"', public.jobq_clean(f, 80));
            ELSIF jsonb_typeof(e -> 'type') IS DISTINCT FROM 'string' THEN
                problem := 'missing "type" (a string)';
            ELSE
                problem := NULL;
                FOREACH f IN ARRAY ARRAY['queue', 'run_at', 'key'] LOOP
                    IF e ? f AND jsonb_typeof(e -> f) NOT IN ('string', 'null') THEN
                        problem := format('"%s" must be a string', f);
                    END IF;
                END LOOP;
                IF e ? 'max_attempts' AND jsonb_typeof(e -> 'max_attempts') NOT IN ('number', 'null') THEN
                    problem := '"max_attempts" must be a whole number';
                END IF;
                IF e ? 'run_at' AND e ? 'delay' THEN
                    problem := '"run_at" and "delay" are exclusive';
                END IF;
            END IF;
        END IF;
        IF problem IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = format('job %s: %s', i, problem);
        END IF;
        delay := public.jobq_duration_field(e -> 'delay', format('job %s: "delay"', i));
        timeout := public.jobq_duration_field(e -> 'timeout', format('job %s: "timeout"', i));
        at := NULL;
        IF e ->> 'run_at' IS NOT NULL THEN
            BEGIN
                at := (e ->> 'run_at')::timestamptz;
            EXCEPTION WHEN OTHERS THEN
                RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                    MESSAGE = format('job %s: "run_at" ''%s'' is not a time (ISO 8601 with a zone)',
                                     i, public.jobq_clean(e ->> 'run_at', 80));
            END;
        ELSIF delay IS NOT NULL THEN
            at := clock_timestamp() + delay;  -- from the call, not the transaction's start
        END IF;
        max_attempts := NULL;
        IF e ->> 'max_attempts' IS NOT NULL THEN
            IF (e ->> 'max_attempts') !~ '^-?[0-9]{1,9}$' THEN
                RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                    MESSAGE = format('job %s: max_attempts: %s is not a whole number from 1 to 1000',
                                     i, public.jobq_clean(e ->> 'max_attempts', 40));
            END IF;
            max_attempts := (e ->> 'max_attempts')::integer;
        END IF;
        problem := public.jobq_job_problem(e ->> 'type', coalesce(e -> 'payload', '{}'::jsonb),
                                           e ->> 'queue', at, max_attempts, e ->> 'key', timeout,
                                           nullif(e -> 'metadata', 'null'::jsonb));
        IF problem IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = format('job %s: %s', i, problem);
        END IF;
        ids := ids || public.jobq_insert_job(e ->> 'type', coalesce(e -> 'payload', '{}'::jsonb),
                                             e ->> 'queue', at, max_attempts, e ->> 'key',
                                             timeout, nullif(e -> 'metadata', 'null'::jsonb));
    END LOOP;
    RETURN ids;
END
$$;

-- Wake the consumers' relays when a transaction that submitted a job through the SQL API
-- commits. A deferred constraint trigger runs at commit, once per job row of
-- jobs_wake_relay's WHEN; the first run of a transaction does the work (jobq.woke marks it
-- done for the rest of the transaction).
--
-- NOTIFY serialises the commits of the transactions that send one (PostgreSQL holds a
-- database-wide lock from the NOTIFY's queueing at commit until the commit is flushed), so
-- concurrent submitters that all notified would commit one at a time, without group commit:
-- about half the rate measured with 4 sessions here. Only the transaction that locks the row
-- of jobq_wake (FOR UPDATE SKIP LOCKED, held to its end) notifies; a transaction that finds
-- it locked is committing at the same moment as the one holding it, which notifies when it
-- commits. Only jobq's owner may lock that row: no other role can hold it to silence the
-- wake-ups. The relay reads the due jobs once more shortly after each wake-up, and checks for
-- due unpublished jobs between its ticks (consumer/relay.c), so a job whose commit landed
-- just after a notification, or whose transaction fired this trigger early (SET
-- CONSTRAINTS ALL IMMEDIATE) and held the row long, waits a tenth of a second at most. A
-- session that sets jobq.woke to 'on' itself (SET jobq.woke = 'on') sends no wake-up: its
-- jobs wait for that check (the benchmark measures the wake-up's cost that way).
CREATE TABLE jobq_wake (one boolean PRIMARY KEY DEFAULT true CHECK (one));
INSERT INTO jobq_wake VALUES (true);
REVOKE ALL ON jobq_wake FROM PUBLIC;

CREATE FUNCTION jobq_wake_relay() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_RELID <> 'public.jobs'::regclass THEN
        RAISE EXCEPTION 'jobq_wake_relay fires only on jobs, not on %', TG_RELID::regclass;
    END IF;
    IF current_setting('jobq.woke', true) IS DISTINCT FROM 'on' THEN
        PERFORM set_config('jobq.woke', 'on', true);
        IF EXISTS (SELECT 1 FROM public.jobq_wake w FOR UPDATE SKIP LOCKED) THEN
            PERFORM pg_notify('jobq_submitted', '');
        END IF;
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER jobs_wake_relay AFTER INSERT ON jobs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.status = 'queued' AND NEW.status_reason = 'submitted via SQL')
    EXECUTE FUNCTION jobq_wake_relay();

-- Cancel: the CLI's write (jobq_cli_cancel), then a NOTIFY per 200 running jobs on channel
-- jobq_cancel for their workers. One row per found job, with the state the cancel acted on.
CREATE FUNCTION jobq_cancel(ids uuid[], reason text DEFAULT NULL)
    RETURNS TABLE (id uuid, status text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r record;
    running uuid[] := '{}';
BEGIN
    IF ids IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'ids must be an array of job ids';
    END IF;
    IF cardinality(ids) > 10000 THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = format('%s ids in one call: at most 10000', cardinality(ids));
    END IF;
    FOR r IN SELECT c.id AS cid, c.status AS cstatus
             FROM public.jobq_cli_cancel(ids, coalesce(reason, 'cancelled by user')) c
             ORDER BY c.id
    LOOP
        id := r.cid;
        status := r.cstatus;
        RETURN NEXT;
        IF r.cstatus = 'running' THEN
            running := running || r.cid;
        END IF;
    END LOOP;
    FOR k IN 0 .. (cardinality(running) - 1) / 200 LOOP
        EXIT WHEN cardinality(running) = 0;
        PERFORM pg_notify('jobq_cancel', array_to_string(running[k * 200 + 1 : k * 200 + 200], ' '));
    END LOOP;
END
$$;

-- One job as an application sees it; no row for an unknown id.
CREATE FUNCTION jobq_status(job uuid)
    RETURNS TABLE (id uuid, type text, queue text, status text, attempt integer,
                   max_attempts integer, payload jsonb, result jsonb, error text,
                   progress jsonb, metadata jsonb, key text, run_at timestamptz,
                   created_at timestamptz, started_at timestamptz, finished_at timestamptz,
                   cancel_requested boolean, cancel_reason text, status_reason text,
                   worker_id text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
SELECT j.id, j.type, j.queue, j.status, j.attempt, j.max_attempts, j.payload, j.result,
       j.error, j.progress, j.job_metadata, j.idempotency_key, j.run_after, j.created_at,
       j.started_at, j.finished_at, j.cancel_requested_at IS NOT NULL, j.cancel_reason,
       j.status_reason, j.worker_id
FROM public.jobs j WHERE j.id = $1
$$;

-- Waiting: this session becomes a waiter of each existing job (unknown ids are ignored; at
-- most 10000 watched at once), so that the job's terminal transition notifies channel
-- jobq_done with its id (the history triggers; a session LISTENs there), and a status read
-- after this call sees any transition that sent no notification. A watch lasts until
-- jobq_unwatch or the end of the session (jobq prune deletes rows a session left behind).
CREATE FUNCTION jobq_watch(ids uuid[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF ids IS NULL OR cardinality(ids) > 10000 THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'ids must be an array of at most 10000 job ids';
    END IF;
    INSERT INTO public.job_waiters (job_id, backend)
    SELECT DISTINCT j.id, pg_backend_pid() FROM public.jobs j WHERE j.id = ANY (ids)
    ON CONFLICT DO NOTHING;
    IF (SELECT count(*) FROM public.job_waiters w WHERE w.backend = pg_backend_pid()) > 10000 THEN
        RAISE EXCEPTION USING ERRCODE = 'program_limit_exceeded',
            MESSAGE = 'this session watches more than 10000 jobs: jobq_unwatch some first';
    END IF;
    -- A transition whose history trigger ran before these rows were visible sends no
    -- notification; if it has not committed yet, a status read now would still see the old
    -- state. So wait for the jobs' in-flight writers to end: a share lock on their rows,
    -- taken in a subtransaction that is then rolled back, which gives the lock up at once
    -- (held until the caller's commit, it would stop the jobs' heartbeats meanwhile).
    BEGIN
        PERFORM 1 FROM public.jobs j WHERE j.id = ANY (ids) ORDER BY j.id FOR SHARE;
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'jobq_watch: locks released';
    EXCEPTION WHEN raise_exception THEN
        NULL;
    END;
END
$$;

CREATE FUNCTION jobq_unwatch(ids uuid[] DEFAULT NULL) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DELETE FROM public.job_waiters w
WHERE w.backend = pg_backend_pid() AND ($1 IS NULL OR w.job_id = ANY ($1))
$$;

REVOKE EXECUTE ON FUNCTION jobq_clean(text, integer), jobq_max_payload(),
    jobq_job_problem(text, jsonb, text, timestamptz, integer, text, interval, jsonb),
    jobq_insert_job(text, jsonb, text, timestamptz, integer, text, interval, jsonb),
    jobq_submit(text, jsonb, text, timestamptz, integer, text, interval, jsonb),
    jobq_duration_field(jsonb, text), jobq_submit_many(jsonb), jobq_wake_relay(),
    jobq_cancel(uuid[], text), jobq_status(uuid), jobq_watch(uuid[]), jobq_unwatch(uuid[])
    FROM PUBLIC;
