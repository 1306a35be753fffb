-- Concurrency keys and fairness by key (docs/scheduling.md "Fairness"; docs/design.md §4-§6).
--
-- Part 1: the SQL API writes jobs.concurrency_key (0021's column, a tenant id, say):
-- jobq_insert_job and jobq_submit get a last parameter after 0018's priority (jobq_submit's
-- defaults to NULL, so every existing call, positional or named, means what it meant),
-- jobq_submit_many a "concurrency_key" field. The old signatures are dropped, as 0018 did:
-- an overload beside them would make a call without the key ambiguous.
DROP FUNCTION jobq_submit(text, jsonb, text, timestamptz, integer, text, interval, jsonb,
                          interval, integer);
DROP FUNCTION jobq_insert_job(text, jsonb, text, timestamptz, integer, text, interval, jsonb,
                              interval, integer);

-- NULL when k is a concurrency key (NULL = none), else the one-line message (as the CLI's,
-- jobq_check_concurrency_key in common/limit.c).
CREATE FUNCTION jobq_concurrency_key_problem(k text) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
SELECT CASE WHEN $1 IS NOT NULL AND $1 !~ '^[A-Za-z0-9_.:-]{1,128}$'
            THEN format('concurrency key ''%s'' is invalid (1-128 characters of A-Z a-z 0-9 _ . : -)',
                        public.jobq_clean($1, 80)) END
$$;

-- As 0018's, with the concurrency key; see there.
CREATE FUNCTION jobq_insert_job(type text, payload jsonb, queue text, at timestamptz,
                                max_attempts integer, key text, timeout interval,
                                metadata jsonb, unique_for interval, priority integer,
                                concurrency_key text)
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
                                  job_metadata, unique_until, priority, concurrency_key)
    VALUES ($1, coalesce($2, '{}'::jsonb), coalesce($3, 'default'), coalesce($5, 3), run,
            CASE WHEN run > now() THEN 'scheduled' ELSE 'queued' END, $7, $6,
            'submitted via SQL', run, coalesce($8, '{}'::jsonb), now() + $9,
            coalesce($10, 0), $11)
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
                            unique_for interval DEFAULT NULL, priority integer DEFAULT 0,
                            concurrency_key text DEFAULT NULL)
    RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    problem text := coalesce(public.jobq_job_problem($1, $2, $3, $4, $5, $6, $7, $8),
                             public.jobq_unique_problem($6, $9),
                             public.jobq_priority_problem($10, $3),
                             public.jobq_concurrency_key_problem($11));
BEGIN
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = problem;
    END IF;
    RETURN public.jobq_insert_job($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);
END
$$;

-- As 0018's, with a "concurrency_key" field (a string or null); see there.
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
                            'timeout', 'metadata', 'unique_for', 'priority',
                            'concurrency_key')
            ORDER BY k LIMIT 1;
            IF f IS NOT NULL THEN
                problem := format('unknown field "%s"', public.jobq_clean(f, 80));
            ELSIF jsonb_typeof(e -> 'type') IS DISTINCT FROM 'string' THEN
                problem := 'missing "type" (a string)';
            ELSE
                problem := NULL;
                FOREACH f IN ARRAY ARRAY['queue', 'run_at', 'key', 'concurrency_key'] LOOP
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
                            public.jobq_priority_problem(priority, e ->> 'queue'),
                            public.jobq_concurrency_key_problem(e ->> 'concurrency_key'));
        IF problem IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = format('job %s: %s', i, problem);
        END IF;
        ids := ids || public.jobq_insert_job(e ->> 'type', coalesce(e -> 'payload', '{}'::jsonb),
                                             e ->> 'queue', at, max_attempts, e ->> 'key',
                                             timeout, nullif(e -> 'metadata', 'null'::jsonb),
                                             unique_for, priority, e ->> 'concurrency_key');
    END LOOP;
    RETURN ids;
END
$$;

REVOKE EXECUTE ON FUNCTION jobq_concurrency_key_problem(text),
    jobq_insert_job(text, jsonb, text, timestamptz, integer, text, interval, jsonb, interval,
                    integer, text),
    jobq_submit(text, jsonb, text, timestamptz, integer, text, interval, jsonb, interval,
                integer, text)
    FROM PUBLIC;

-- Part 2: fairness by key. A job with a concurrency key, whatever its priority, is never
-- published by its submitter (as 0018's priority jobs): it waits unpublished and the
-- consumers' relay releases the keyed jobs of each queue to its express queue, a window of
-- them at a time, taking the keys round-robin (jobq_store_relay_key_release,
-- common/store_relay.c; docs/design.md §6 "Keyed release"). The take and the priority
-- release leave keyed jobs alone.

-- The release's take and its loose scan over the waiting keys: per queue and key, in the
-- order they are released (highest priority first, then oldest). A job held by a limit
-- (publish_after 'infinity') or scheduled for later is in it but not due.
CREATE INDEX jobs_keyed_waiting ON jobs (queue, concurrency_key, priority DESC, created_at)
    WHERE concurrency_key IS NOT NULL AND published_at IS NULL
      AND status IN ('scheduled', 'queued');
-- The release's window: keyed jobs released (published) and not claimed yet, per key.
CREATE INDEX jobs_keyed_released ON jobs (queue, concurrency_key, published_at)
    WHERE concurrency_key IS NOT NULL AND status = 'queued' AND published_at IS NOT NULL;

-- A keyed job wakes the relay at commit however it was submitted, as a priority job does
-- (0018); the others as before.
DROP TRIGGER jobs_wake_relay ON jobs;
CREATE CONSTRAINT TRIGGER jobs_wake_relay AFTER INSERT ON jobs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.status = 'queued'
          AND (NEW.status_reason = 'submitted via SQL' OR NEW.priority > 0
               OR NEW.concurrency_key IS NOT NULL))
    EXECUTE FUNCTION jobq_wake_relay();
