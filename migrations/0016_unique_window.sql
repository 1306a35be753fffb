-- Unique jobs within a window (docs/scheduling.md): `submit --key K --unique-for DUR` keeps
-- K for the job it creates until unique_until (its created_at plus DUR, on the database's
-- clock); a submit of K after that creates a new job, which holds K from then on. A job
-- submitted without a window holds its key forever, as before.
--
-- - The partial unique index of 0006 still decides which job holds a key: there is at most
--   one holder at any time, and every submit still inserts with ON CONFLICT on it.
-- - A key whose window is over is taken from its holder before the insert, by
--   jobq_expire_keys: idempotency_key moves to expired_key, so the old job keeps its
--   history and its key stays on record, and the insert that follows finds the key free. Two submits of an expired key at once: the first locks the
--   holder's row and moves the key; the second waits for that lock, then finds the key
--   already moved (READ COMMITTED reads the row again) and moves nothing; the two inserts
--   then meet on the unique index, where the second waits for the first and returns its
--   job. So one new job, however many submits race.
-- - expired_key has no index: it is for reading a job, not for finding one.

ALTER TABLE jobs ADD COLUMN unique_until timestamptz, ADD COLUMN expired_key text;
COMMENT ON COLUMN jobs.unique_until IS
    'the end of the window in which idempotency_key is unique (NULL: forever)';
COMMENT ON COLUMN jobs.expired_key IS
    'the key the job held until its window ended and a later submit of it took it over';

-- Take each of these keys from its holder when the holder's window is over (unique_until
-- at or before clock_timestamp(): a long transaction sees windows end as they end). Rows
-- are locked in key order, as submit inserts, so that two batches sharing keys wait for
-- each other rather than deadlock. Returns how many keys were taken. The caller inserts
-- the new jobs afterwards, in the same transaction or not: a key taken with no insert
-- after it is free for the next submit, which is what its window's end means anyway.
CREATE FUNCTION jobq_expire_keys(keys text[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
BEGIN
    IF keys IS NULL OR cardinality(keys) = 0 THEN
        RETURN 0;
    END IF;
    WITH old AS (
        SELECT j.id FROM public.jobs j
        WHERE j.idempotency_key = ANY (keys) AND j.unique_until <= clock_timestamp()
        ORDER BY j.idempotency_key FOR UPDATE
    )
    UPDATE public.jobs j SET expired_key = j.idempotency_key, idempotency_key = NULL
    FROM old WHERE j.id = old.id;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- The SQL API gains the window: jobq_submit(..., unique_for interval) and a "unique_for"
-- field of jobq_submit_many (seconds or interval text, as "delay"). The functions are
-- dropped and made again with the new argument (an added overload would make every call
-- that leaves the defaults out ambiguous); migrate grants them again.
DROP FUNCTION jobq_submit_many(jsonb);
DROP FUNCTION jobq_submit(text, jsonb, text, timestamptz, integer, text, interval, jsonb);
DROP FUNCTION jobq_insert_job(text, jsonb, text, timestamptz, integer, text, interval, jsonb);

-- The window's checks, as the CLI makes them: NULL when valid (or not given), else the
-- one-line message.
CREATE FUNCTION jobq_unique_problem(key text, unique_for interval) RETURNS text
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
SELECT CASE
    WHEN $2 IS NULL THEN NULL
    WHEN $2 <= interval '0' OR $2 > interval '365 days'
        THEN format('unique_for: %s must be more than 0 and at most 365 days', $2)
    WHEN $1 IS NULL THEN 'unique_for needs a key'
END
$$;

-- As in 0011, plus the window: a key whose holder's window is over is taken from it first
-- (jobq_expire_keys), and the new job keeps its key until now() + unique_for (its
-- created_at plus the window; NULL: forever). Taking the key locks the old holder's row
-- until the caller's transaction ends; that happens once per window, and only when the
-- window is over.
CREATE FUNCTION jobq_insert_job(type text, payload jsonb, queue text, at timestamptz,
                                max_attempts integer, key text, timeout interval,
                                metadata jsonb, unique_for interval) RETURNS uuid
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
                                  job_metadata, unique_until)
    VALUES ($1, coalesce($2, '{}'::jsonb), coalesce($3, 'default'), coalesce($5, 3), run,
            CASE WHEN run > now() THEN 'scheduled' ELSE 'queued' END, $7, $6,
            'submitted via SQL', run, coalesce($8, '{}'::jsonb), now() + $9)
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
                            unique_for interval DEFAULT NULL)
    RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    problem text := coalesce(public.jobq_job_problem($1, $2, $3, $4, $5, $6, $7, $8),
                             public.jobq_unique_problem($6, $9));
BEGIN
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = problem;
    END IF;
    RETURN public.jobq_insert_job($1, $2, $3, $4, $5, $6, $7, $8, $9);
END
$$;

-- As in 0011, with the field "unique_for".
CREATE FUNCTION jobq_submit_many(jobs jsonb) RETURNS uuid[]
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
                            'timeout', 'metadata', 'unique_for')
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
        problem := coalesce(
            public.jobq_job_problem(e ->> 'type', coalesce(e -> 'payload', '{}'::jsonb),
                                    e ->> 'queue', at, max_attempts, e ->> 'key', timeout,
                                    nullif(e -> 'metadata', 'null'::jsonb)),
            public.jobq_unique_problem(e ->> 'key', unique_for));
        IF problem IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = format('job %s: %s', i, problem);
        END IF;
        ids := ids || public.jobq_insert_job(e ->> 'type', coalesce(e -> 'payload', '{}'::jsonb),
                                             e ->> 'queue', at, max_attempts, e ->> 'key',
                                             timeout, nullif(e -> 'metadata', 'null'::jsonb),
                                             unique_for);
    END LOOP;
    RETURN ids;
END
$$;

REVOKE EXECUTE ON FUNCTION jobq_expire_keys(text[]), jobq_unique_problem(text, interval),
    jobq_insert_job(text, jsonb, text, timestamptz, integer, text, interval, jsonb, interval),
    jobq_submit(text, jsonb, text, timestamptz, integer, text, interval, jsonb, interval),
    jobq_submit_many(jsonb)
    FROM PUBLIC;
