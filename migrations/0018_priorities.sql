-- Priorities (docs/scheduling.md "Priorities", docs/design.md §4-§6): a job's priority, 0 to
-- 9. Priority 0, the default, is published by its submitter to jobq.<queue> as before. A job
-- of priority 1 to 9 is never published by its submitter: it waits unpublished and the
-- consumers' relay releases it, highest priority first, to the express queue
-- jobq.<queue>.express, at most a window of them per queue at a time
-- (jobq_store_relay_release, common/store_relay.c).
--
-- Adding a column with a constant default rewrites nothing; the CHECK reads the table once.
ALTER TABLE jobs ADD COLUMN priority smallint NOT NULL DEFAULT 0
    CHECK (priority BETWEEN 0 AND 9);

-- The release's take: the waiting priority jobs of a queue in the order they are released.
CREATE INDEX jobs_priority_waiting ON jobs (queue, priority DESC, created_at)
    WHERE priority > 0 AND published_at IS NULL AND status IN ('scheduled', 'queued');
-- The release's window: priority jobs released (published) and not claimed yet.
CREATE INDEX jobs_priority_released ON jobs (queue, published_at)
    WHERE priority > 0 AND status = 'queued' AND published_at IS NOT NULL;

-- A job of priority > 0 wakes the relay at commit however it was submitted (the CLI and
-- libjobq leave it to the relay, as the SQL API leaves every job). Priority 0 jobs of the
-- CLI still send no wake-up: the WHEN costs them one comparison.
DROP TRIGGER jobs_wake_relay ON jobs;
CREATE CONSTRAINT TRIGGER jobs_wake_relay AFTER INSERT ON jobs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.status = 'queued'
          AND (NEW.status_reason = 'submitted via SQL' OR NEW.priority > 0))
    EXECUTE FUNCTION jobq_wake_relay();

-- The SQL API takes a priority: jobq_insert_job and jobq_submit get a last parameter, after
-- 0016's unique_for (jobq_submit's defaults to 0, so every existing call, positional or
-- named, means what it meant), jobq_submit_many a "priority" field beside "unique_for". The
-- old signatures are dropped: an overload beside them would make a call without the
-- priority ambiguous.
DROP FUNCTION jobq_submit(text, jsonb, text, timestamptz, integer, text, interval, jsonb,
                          interval);
DROP FUNCTION jobq_insert_job(text, jsonb, text, timestamptz, integer, text, interval, jsonb,
                              interval);

-- NULL when p is a priority (NULL counts as 0) and the queue name leaves room for its
-- express queue (a queue Q.express would be Q's express queue), else the one-line message.
CREATE FUNCTION jobq_priority_problem(p integer, queue text) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
SELECT CASE WHEN $1 IS NOT NULL AND $1 NOT BETWEEN 0 AND 9
            THEN format('priority %s is not a whole number from 0 to 9', $1)
            WHEN $2 LIKE '%.express'
            THEN format('queue ''%s'' is invalid (a name ending in .express is kept for express queues)',
                        public.jobq_clean($2, 80)) END
$$;

-- As 0016's (0011's with the window), with the priority; see there.
CREATE FUNCTION jobq_insert_job(type text, payload jsonb, queue text, at timestamptz,
                                max_attempts integer, key text, timeout interval,
                                metadata jsonb, unique_for interval, priority integer)
    RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    run timestamptz := CASE WHEN $4 > clock_timestamp() THEN $4 ELSE now() END;
    jid uuid;
BEGIN
    IF $6 IS NOT NULL THEN
        PERFORM public.jobq_expire_keys(ARRAY[$6]);
    END IF;
    INSERT INTO public.jobs AS j (type, payload, queue, max_attempts, run_after, status,
                                  timeout, idempotency_key, status_reason, publish_after,
                                  job_metadata, unique_until, priority)
    VALUES ($1, coalesce($2, '{}'::jsonb), coalesce($3, 'default'), coalesce($5, 3), run,
            CASE WHEN run > now() THEN 'scheduled' ELSE 'queued' END, $7, $6,
            'submitted via SQL', run, coalesce($8, '{}'::jsonb), now() + $9,
            coalesce($10, 0))
    ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING j.id INTO jid;
    IF jid IS NULL THEN
        SELECT j.id INTO jid FROM public.jobs j WHERE j.idempotency_key = $6;
    END IF;
    IF jid IS NULL THEN   -- deleted (jobq prune) or expired between the conflict and the read
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
                            timeout interval DEFAULT NULL, metadata jsonb DEFAULT NULL,
                            unique_for interval DEFAULT NULL, priority integer DEFAULT 0)
    RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    problem text := coalesce(public.jobq_job_problem($1, $2, $3, $4, $5, $6, $7, $8),
                             public.jobq_unique_problem($6, $9),
                             public.jobq_priority_problem($10, $3));
BEGIN
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = problem;
    END IF;
    RETURN public.jobq_insert_job($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);
END
$$;

-- As 0016's (0011's with "unique_for"), with a "priority" field (a whole number from 0 to 9,
-- or null); see there.
CREATE OR REPLACE FUNCTION jobq_submit_many(jobs jsonb) RETURNS uuid[]
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    e jsonb;
    i bigint;
    f text;
    at timestamptz;
    delay interval;
    timeout interval;
    unique_for interval;
    max_attempts integer;
    priority integer;
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
                            'timeout', 'metadata', 'unique_for', 'priority')
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
                IF e ? 'priority' AND jsonb_typeof(e -> 'priority') NOT IN ('number', 'null') THEN
                    problem := '"priority" must be a whole number from 0 to 9';
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
        unique_for := public.jobq_duration_field(e -> 'unique_for',
                                                 format('job %s: "unique_for"', i));
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
        priority := 0;
        IF e ->> 'priority' IS NOT NULL THEN
            IF (e ->> 'priority') !~ '^-?[0-9]{1,9}$' THEN
                RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                    MESSAGE = format('job %s: priority %s is not a whole number from 0 to 9',
                                     i, public.jobq_clean(e ->> 'priority', 40));
            END IF;
            priority := (e ->> 'priority')::integer;
        END IF;
        problem := coalesce(public.jobq_job_problem(e ->> 'type',
                                                    coalesce(e -> 'payload', '{}'::jsonb),
                                                    e ->> 'queue', at, max_attempts, e ->> 'key',
                                                    timeout,
                                                    nullif(e -> 'metadata', 'null'::jsonb)),
                            public.jobq_unique_problem(e ->> 'key', unique_for),
                            public.jobq_priority_problem(priority, e ->> 'queue'));
        IF problem IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = format('job %s: %s', i, problem);
        END IF;
        ids := ids || public.jobq_insert_job(e ->> 'type', coalesce(e -> 'payload', '{}'::jsonb),
                                             e ->> 'queue', at, max_attempts, e ->> 'key',
                                             timeout, nullif(e -> 'metadata', 'null'::jsonb),
                                             unique_for, priority);
    END LOOP;
    RETURN ids;
END
$$;

REVOKE EXECUTE ON FUNCTION jobq_priority_problem(integer, text),
    jobq_insert_job(text, jsonb, text, timestamptz, integer, text, interval, jsonb, interval,
                    integer),
    jobq_submit(text, jsonb, text, timestamptz, integer, text, interval, jsonb, interval,
                integer)
    FROM PUBLIC;
