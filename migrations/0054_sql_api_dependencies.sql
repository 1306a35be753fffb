-- Job dependencies through the SQL API (docs/clients.md, docs/workflows.md): what `jobq
-- submit --after/--after-any` and batch refs do (0050), from an application's transaction.
--
-- jobq_submit gets two last parameters, `after` and `after_any` (uuid[], default NULL: every
-- existing call, positional or named, means what it meant); jobq_submit_many the fields
-- "ref" (a name for the element, unique in the call), "after" and "after_any" (a job id or
-- the ref of an EARLIER element, or an array of them). A job with dependencies is inserted
-- waiting (has_dependencies) and its edges are linked by jobq_link_deps in the same call:
-- one jobq_link_deps call for the whole array, so a whole graph goes in at once, and a
-- dependency must exist already or come earlier in the array, so no cycle can be built.
-- A key that returns an existing job links nothing and checks nothing of the dependencies
-- (that job keeps those of the submit that made it; a retry of a submit that committed
-- returns its job whatever became of them). Linking needs READ COMMITTED (0050:
-- jobq_link_deps refuses REPEATABLE READ and SERIALIZABLE with SQLSTATE 25000). A waiting
-- job's check for edges at the commit (jobs_waiting_linked) is deferred again by the
-- insert, so that an application's `SET CONSTRAINTS ALL IMMEDIATE` does not fire it before
-- the link.
--
-- jobq_link_deps is not for PUBLIC nor for jobq_producer (0050, common/migrate.c): the SQL
-- API's SECURITY DEFINER functions call it as their owner. The old signatures are dropped,
-- as 0024 did: an overload beside them would make a call without the new arguments
-- ambiguous. jobq_insert_job now also says whether it created the job.
DROP FUNCTION jobq_submit(text, jsonb, text, timestamptz, integer, text, interval, jsonb,
                          interval, integer, text);
DROP FUNCTION jobq_insert_job(text, jsonb, text, timestamptz, integer, text, interval, jsonb,
                              interval, integer, text);

-- As 0024's, with `waiting` (the job has dependencies: inserted waiting, with
-- has_dependencies, for jobq_link_deps to link before the commit) and `created` (false when
-- the key returned an existing job).
CREATE FUNCTION jobq_insert_job(type text, payload jsonb, queue text, at timestamptz,
                                max_attempts integer, key text, timeout interval,
                                metadata jsonb, unique_for interval, priority integer,
                                concurrency_key text, waiting boolean,
                                OUT id uuid, OUT created boolean)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    run timestamptz := CASE WHEN $4 > clock_timestamp() THEN $4 ELSE now() END;
BEGIN
    IF $6 IS NOT NULL THEN
        PERFORM public.jobq_expire_keys(ARRAY[$6]);
    END IF;
    IF $12 THEN   -- linked after this insert, in this transaction: checked at its commit
        SET CONSTRAINTS public.jobs_waiting_linked DEFERRED;
    END IF;
    INSERT INTO public.jobs AS j (type, payload, queue, max_attempts, run_after, status,
                                  timeout, idempotency_key, status_reason, publish_after,
                                  job_metadata, unique_until, priority, concurrency_key,
                                  has_dependencies)
    VALUES ($1, coalesce($2, '{}'::jsonb), coalesce($3, 'default'), coalesce($5, 3), run,
            CASE WHEN $12 THEN 'waiting' WHEN run > now() THEN 'scheduled' ELSE 'queued' END,
            $7, $6, 'submitted via SQL', run, coalesce($8, '{}'::jsonb), now() + $9,
            coalesce($10, 0), $11, coalesce($12, false))
    ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING j.id INTO id;
    created := id IS NOT NULL;
    IF id IS NULL THEN
        SELECT j.id INTO id FROM public.jobs j WHERE j.idempotency_key = $6;
    END IF;
    IF id IS NULL THEN   -- deleted (jobq prune) or expired between the conflict and the read
        RAISE EXCEPTION USING ERRCODE = 'serialization_failure',
            MESSAGE = format('key ''%s'' changed hands during the submit; try again',
                             public.jobq_clean($6, 80));
    END IF;
END
$$;

-- jobq_link_deps for the SQL API: the edges (jobs[k] after deps[k], any_end[k]) of jobs this
-- call inserted waiting. Its write runs once more, in a subtransaction, when PostgreSQL
-- picks it as a deadlock victim (overlapping graphs can meet one, see 0050's
-- jobq_deps_count), as the CLI's submit runs its link again; the rolled-back attempt left
-- nothing behind.
CREATE FUNCTION jobq_sql_link_deps(p_jobs uuid[], p_deps uuid[], p_any boolean[])
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF cardinality(p_jobs) = 0 THEN
        RETURN;
    END IF;
    FOR attempt IN 1 .. 2 LOOP
        BEGIN
            PERFORM public.jobq_link_deps(p_jobs, p_deps, p_any);
            EXIT;
        EXCEPTION WHEN deadlock_detected THEN
            IF attempt = 2 THEN
                RAISE;
            END IF;
        END;
    END LOOP;
END
$$;

-- As 0024's, with `after` and `after_any`: job ids that must end before this job runs
-- (after: succeed; after_any: end in any way). NULL or empty: none.
CREATE FUNCTION jobq_submit(type text, payload jsonb DEFAULT '{}'::jsonb,
                            queue text DEFAULT 'default', run_at timestamptz DEFAULT NULL,
                            max_attempts integer DEFAULT NULL, key text DEFAULT NULL,
                            timeout interval DEFAULT NULL, metadata jsonb DEFAULT NULL,
                            unique_for interval DEFAULT NULL, priority integer DEFAULT 0,
                            concurrency_key text DEFAULT NULL, after uuid[] DEFAULT NULL,
                            after_any uuid[] DEFAULT NULL)
    RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    problem text := coalesce(public.jobq_job_problem($1, $2, $3, $4, $5, $6, $7, $8),
                             public.jobq_unique_problem($6, $9),
                             public.jobq_priority_problem($10, $3),
                             public.jobq_concurrency_key_problem($11),
                             CASE WHEN array_ndims($12) > 1
                                  THEN 'after must be a one-dimensional array of job ids'
                                  WHEN array_position($12, NULL) IS NOT NULL
                                  THEN 'after: a NULL job id' END,
                             CASE WHEN array_ndims($13) > 1
                                  THEN 'after_any must be a one-dimensional array of job ids'
                                  WHEN array_position($13, NULL) IS NOT NULL
                                  THEN 'after_any: a NULL job id' END);
    deps boolean := coalesce(cardinality($12), 0) + coalesce(cardinality($13), 0) > 0;
    r record;
BEGIN
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = problem;
    END IF;
    SELECT * INTO r FROM public.jobq_insert_job($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
                                                deps);
    -- A key that returns an existing job links nothing, and so checks nothing of the
    -- dependencies: a retry of a submit that committed returns its job whatever became of
    -- them since. A refusal below undoes the insert with the whole call.
    IF deps AND r.created THEN
        -- As jobq_submit_many's check, in the parameters' words; jobq_link_deps checks
        -- again under its locks.
        SELECT CASE WHEN j.id IS NULL THEN format('%s: job %s does not exist', x.f, x.d)
                    ELSE format('after: job %s is %s, so this one could never run (use after_any to run after any end)',
                                x.d, j.status) END INTO problem
        FROM (SELECT 'after' AS f, u.d, u.n FROM unnest($12) WITH ORDINALITY AS u(d, n)
              UNION ALL
              SELECT 'after_any', u.d, u.n FROM unnest($13) WITH ORDINALITY AS u(d, n)) x
        LEFT JOIN public.jobs j ON j.id = x.d
        WHERE j.id IS NULL OR (x.f = 'after' AND j.status IN ('failed', 'cancelled'))
        ORDER BY x.f = 'after_any', x.n LIMIT 1;
        IF problem IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = problem;
        END IF;
        PERFORM public.jobq_sql_link_deps(
            array_fill(r.id, ARRAY[coalesce(cardinality($12), 0) + coalesce(cardinality($13), 0)]),
            coalesce($12, '{}') || coalesce($13, '{}'),
            array_fill(false, ARRAY[coalesce(cardinality($12), 0)])
                || array_fill(true, ARRAY[coalesce(cardinality($13), 0)]));
    END IF;
    RETURN r.id;
END
$$;

-- As 0024's, with the fields "ref", "after" and "after_any" (see the top).
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
    refs jsonb;          -- each ref given, with the first element (from 1) that gives it
    item jsonb;
    t text;
    kref bigint;
    dl uuid[];           -- this element's dependencies and their any_end
    da boolean[];
    r record;
    ej uuid[] := '{}';   -- the edges of the whole call, and the element each comes from
    ed uuid[] := '{}';
    ea boolean[] := '{}';
    eo bigint[] := '{}';
    bad record;
BEGIN
    IF jobs IS NULL OR jsonb_typeof(jobs) <> 'array' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'jobs must be a JSON array of job objects';
    END IF;
    IF jsonb_array_length(jobs) > 10000 THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = format('%s jobs in one call: at most 10000', jsonb_array_length(jobs));
    END IF;
    SELECT coalesce(jsonb_object_agg(x.ref, x.ord), '{}'::jsonb) INTO refs
    FROM (SELECT a.value ->> 'ref' AS ref, min(a.ord) AS ord
          FROM jsonb_array_elements(jobs) WITH ORDINALITY a(value, ord)
          WHERE jsonb_typeof(a.value) = 'object' AND jsonb_typeof(a.value -> 'ref') = 'string'
          GROUP BY 1) x;
    FOR e, i IN SELECT a.value, a.ord FROM jsonb_array_elements(jobs) WITH ORDINALITY a(value, ord)
    LOOP
        IF jsonb_typeof(e) <> 'object' THEN
            problem := 'expected a JSON object';
        ELSE
            SELECT k INTO f FROM jsonb_object_keys(e) k
            WHERE k NOT IN ('type', 'payload', 'queue', 'run_at', 'delay', 'max_attempts', 'key',
                            'timeout', 'metadata', 'unique_for', 'priority',
                            'concurrency_key', 'ref', 'after', 'after_any')
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
                -- A ref: the CLI's batch refs (1-64 characters, not a job id), once per call.
                IF jsonb_typeof(e -> 'ref') IS DISTINCT FROM 'null' AND e ? 'ref' THEN
                    t := e ->> 'ref';
                    IF jsonb_typeof(e -> 'ref') <> 'string' OR t !~ '^[A-Za-z0-9_.:-]{1,64}$'
                       OR t ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
                        problem := '"ref" must be 1-64 characters of A-Z a-z 0-9 _ . : - (and not a job id)';
                    ELSIF (refs ->> t)::bigint <> i THEN
                        problem := format('"ref": "%s" is job %s''s too', t, refs ->> t);
                    END IF;
                END IF;
            END IF;
        END IF;
        IF problem IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = format('job %s: %s', i, problem);
        END IF;
        -- "after" and "after_any": a job id or the ref of an earlier element, or an array of
        -- them (null or [] for none).
        dl := '{}';
        da := '{}';
        FOREACH f IN ARRAY ARRAY['after', 'after_any'] LOOP
            CONTINUE WHEN jsonb_typeof(e -> f) IS NULL OR jsonb_typeof(e -> f) = 'null';
            IF jsonb_typeof(e -> f) NOT IN ('string', 'array') THEN
                RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                    MESSAGE = format('job %s: "%s" must be a job id or ref, or an array of them',
                                     i, f);
            END IF;
            FOR item IN SELECT v.value FROM jsonb_array_elements(
                            CASE WHEN jsonb_typeof(e -> f) = 'array' THEN e -> f
                                 ELSE jsonb_build_array(e -> f) END) v(value)
            LOOP
                IF jsonb_typeof(item) <> 'string' THEN
                    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                        MESSAGE = format('job %s: "%s": %s is not a string (a job id or a ref)',
                                         i, f, public.jobq_clean(item::text, 80));
                END IF;
                t := item #>> '{}';
                IF t ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
                    dl := dl || t::uuid;
                ELSE
                    kref := (refs ->> t)::bigint;
                    IF kref IS NULL THEN
                        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                            MESSAGE = format('job %s: "%s": unknown ref "%s"', i, f,
                                             public.jobq_clean(t, 80));
                    ELSIF kref >= i THEN
                        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                            MESSAGE = format('job %s: "%s": "%s" is the ref of job %s, not of an earlier job',
                                             i, f, public.jobq_clean(t, 80), kref);
                    END IF;
                    dl := dl || ids[kref];
                END IF;
                da := da || (f = 'after_any');
            END LOOP;
        END LOOP;
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
        SELECT * INTO r
        FROM public.jobq_insert_job(e ->> 'type', coalesce(e -> 'payload', '{}'::jsonb),
                                    e ->> 'queue', at, max_attempts, e ->> 'key',
                                    timeout, nullif(e -> 'metadata', 'null'::jsonb),
                                    unique_for, priority, e ->> 'concurrency_key',
                                    cardinality(dl) > 0);
        ids := ids || r.id;
        IF r.created THEN   -- one element at a time: appended in place, not copied
            FOR n IN 1 .. cardinality(dl) LOOP
                ej := ej || r.id;
                ed := ed || dl[n];
                ea := ea || da[n];
                eo := eo || i;
            END LOOP;
        END IF;
    END LOOP;
    IF cardinality(ej) > 0 THEN
        -- The element that names a job id that does not exist, or a plain "after" on a job
        -- that failed or was cancelled (it could never run); jobq_link_deps checks again
        -- under its locks, naming the job ids.
        SELECT x.o, x.d, x.a, j.status INTO bad
        FROM unnest(eo, ed, ea) WITH ORDINALITY AS x(o, d, a, n)
        LEFT JOIN public.jobs j ON j.id = x.d
        WHERE j.id IS NULL OR (NOT x.a AND j.status IN ('failed', 'cancelled'))
        ORDER BY x.n LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = CASE WHEN bad.status IS NULL
                    THEN format('job %s: "%s": job %s does not exist', bad.o,
                                CASE WHEN bad.a THEN 'after_any' ELSE 'after' END, bad.d)
                    ELSE format('job %s: "after": job %s is %s, so this one could never run (use "after_any" to run after any end)',
                                bad.o, bad.d, bad.status) END;
        END IF;
        PERFORM public.jobq_sql_link_deps(ej, ed, ea);
    END IF;
    RETURN ids;
END
$$;

REVOKE EXECUTE ON FUNCTION
    jobq_insert_job(text, jsonb, text, timestamptz, integer, text, interval, jsonb, interval,
                    integer, text, boolean),
    jobq_sql_link_deps(uuid[], uuid[], boolean[]),
    jobq_submit(text, jsonb, text, timestamptz, integer, text, interval, jsonb, interval,
                integer, text, uuid[], uuid[])
    FROM PUBLIC;
