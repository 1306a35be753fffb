-- The dependencies' statements (0050) read their rows by key whatever the statistics say.
-- Found with bench/graph (a root, 9,998 jobs after it, a sink after those), whose graph runs
-- took 10, 22, then 77 s on one database against 7 s for the same jobs without
-- dependencies, and longer with each run:
--
-- - jobq_deps_ended, at every end of a job with dependents, read the ended jobs' edges
--   joined to jobs with the state test `p.status = 'succeeded' OR (d.any_end AND p.status
--   IN ('failed', 'cancelled'))`. The planner served that test with a BitmapOr of
--   jobs_status_created and hashed every succeeded job of the table: 54,909 rows, 60 ms,
--   for one end, and growing with the table (a million finished jobs kept: about a second
--   per end). It now reads the ended jobs by primary key from the ids and tests the state
--   in a CASE, which no index serves; so does its read of the failed and cancelled ones.
-- - jobq_deps_queue's update of the released jobs, with statistics taken while jobs and
--   job_deps_left were nearly empty (2 'waiting' rows estimated, 9,999 there; no pages of
--   job_deps_left), planned
--     Nested Loop Anti Join, Join Filter (s.job_id = j.id)
--       -> Hash Join (j.id = t.id) -> Index Scan using jobs_status_created ('waiting')
--       -> Seq Scan on job_deps_left s
--   a scan of every stripe for each released job: 3.2 to 3.9 s in the submit's link of a
--   10,000-job graph. Its state test is now `(status = 'waiting') IS TRUE`, which no index
--   on the state serves: the rows come by primary key from the ids.
-- - jobq_deps_ended, jobq_deps_count and jobq_deps_queue run with sequential, bitmap, hash
--   and merge plans off: each of their statements joins ids (arrays, or the rows of a
--   table it just read by key) to jobs, job_deps or job_deps_left by the key of an index,
--   so a nested loop of index lookups is always the plan, and any other is the planner's
--   guess from missing or stale statistics. With only sequential scans off, the release's
--   update hashed a full scan of jobs_pkey instead (38,057 rows of jobs fetched to queue
--   2,000 jobs: tests/integration/test_deps_stale_stats.sh). Like 0049's settings for the
--   relay's statements. jobq_link_deps keeps the planner's choice: it joins arrays to
--   arrays, which a hash join serves, and it runs once per submit, not per end. A
--   function's settings hold for what its statements fire too: the history trigger on the
--   release's update (jobq_record_updates, its own nested loops off: with every join
--   method off it plans as usual, each costed alike) and the batches' counting it calls
--   (jobq_batch_count, reads by key of batch_left); test_batch_callbacks runs graphs in
--   batches.

CREATE OR REPLACE FUNCTION jobq_deps_queue(ids uuid[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET enable_seqscan = off SET enable_bitmapscan = off SET enable_hashjoin = off
    SET enable_mergejoin = off AS $$
DECLARE
    nq integer;
BEGIN
    PERFORM 1 FROM public.jobs j WHERE j.id = ANY (ids) ORDER BY j.id FOR UPDATE;
    -- By primary key, one id at a time (t is materialized, and the state's test is one no
    -- index on the state can serve: with `status = 'waiting'` the planner, its statistics
    -- stale, read every waiting job through jobs_status_created).
    WITH t AS MATERIALIZED (SELECT DISTINCT unnest(ids) AS id),
     q AS (
        UPDATE public.jobs j SET
            status = CASE WHEN j.run_after > now() THEN 'scheduled' ELSE 'queued' END,
            status_reason = 'dependencies done',
            publish_after = CASE WHEN j.run_after > now() THEN j.run_after ELSE now() END,
            updated_at = now()
        FROM t
        WHERE j.id = t.id AND (j.status = 'waiting') IS TRUE
          AND NOT EXISTS (SELECT 1 FROM public.job_deps_left s WHERE s.job_id = j.id)
        RETURNING j.status)
    SELECT count(*) INTO nq FROM q;
    IF nq > 0 AND current_setting('jobq.woke', true) IS DISTINCT FROM 'on' THEN
        PERFORM set_config('jobq.woke', 'on', true);
        IF EXISTS (SELECT 1 FROM public.jobq_wake w FOR UPDATE SKIP LOCKED) THEN
            PERFORM pg_notify('jobq_submitted', '');
        END IF;
    END IF;
    RETURN nq;
END
$$;

ALTER FUNCTION jobq_deps_count(uuid[], uuid[]) SET enable_seqscan = off;
ALTER FUNCTION jobq_deps_count(uuid[], uuid[]) SET enable_bitmapscan = off;
ALTER FUNCTION jobq_deps_count(uuid[], uuid[]) SET enable_hashjoin = off;
ALTER FUNCTION jobq_deps_count(uuid[], uuid[]) SET enable_mergejoin = off;

-- As 0050's, its two reads of the ended jobs by primary key (see the top).
CREATE OR REPLACE FUNCTION jobq_deps_ended(ended uuid[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET enable_nestloop = on SET enable_seqscan = off SET enable_bitmapscan = off
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    ed uuid[];
    ej uuid[];
    bad uuid[];
    bad_status text[];
    cids uuid[];
    reasons text[];
BEGIN
    IF ended IS NULL OR cardinality(ended) = 0 THEN
        RETURN;
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'job % ended with dependents in a % transaction: releasing them needs read committed',
            ended[1], current_setting('transaction_isolation')
            USING ERRCODE = 'invalid_transaction_state';
    END IF;
    -- The ended jobs by primary key, their edges by job_deps' (the state's test is a CASE,
    -- which no index on the state serves: as a plain test, the planner hashed every
    -- succeeded job of the table, through jobs_status_created, at each end).
    SELECT array_agg(d.dep_id ORDER BY d.job_id, d.dep_id),
           array_agg(d.job_id ORDER BY d.job_id, d.dep_id)
    INTO ed, ej
    FROM (SELECT DISTINCT unnest(ended) AS id) u
    JOIN public.jobs p ON p.id = u.id
    JOIN public.job_deps d ON d.dep_id = p.id
    WHERE NOT d.counted
      AND CASE WHEN p.status = 'succeeded' THEN true
               WHEN p.status IN ('failed', 'cancelled') THEN d.any_end
               ELSE false END;
    IF ed IS NOT NULL THEN
        PERFORM public.jobq_deps_count(ed, ej);
    END IF;

    -- Only a failure or a cancel cascades: most ends are successes, which stop here.
    SELECT array_agg(p.id), array_agg(p.status) INTO bad, bad_status
    FROM (SELECT DISTINCT unnest(ended) AS id) u JOIN public.jobs p ON p.id = u.id
    WHERE CASE WHEN p.status IN ('failed', 'cancelled') THEN true ELSE false END;
    IF bad IS NULL THEN
        RETURN;
    END IF;
    -- Walked from the ended jobs along job_deps' primary key (dep_id first); each
    -- dependent's state is read by its own primary key (a join on the state could read
    -- every waiting job through jobs_status_created).
    WITH RECURSIVE c(id, cause) AS (
        SELECT d.job_id, format('dependency %s %s', b.id, b.st)
        FROM unnest(bad, bad_status) AS b(id, st)
        JOIN public.job_deps d ON d.dep_id = b.id
        WHERE NOT d.any_end
          AND (SELECT w.status FROM public.jobs w WHERE w.id = d.job_id) = 'waiting'
      UNION
        SELECT d.job_id, format('dependency %s cancelled', c.id)
        FROM c JOIN public.job_deps d ON d.dep_id = c.id
        WHERE NOT d.any_end
          AND (SELECT w.status FROM public.jobs w WHERE w.id = d.job_id) = 'waiting')
    SELECT array_agg(x.id ORDER BY x.id), array_agg(x.cause ORDER BY x.id)
    INTO cids, reasons
    FROM (SELECT DISTINCT ON (c.id) c.id, c.cause FROM c ORDER BY c.id, c.cause) x;
    IF cids IS NULL THEN
        RETURN;
    END IF;
    PERFORM 1 FROM public.jobs j WHERE j.id = ANY (cids) ORDER BY j.id FOR UPDATE;
    UPDATE public.jobs j SET status = 'cancelled',
        status_reason = x.cause, finished_at = now(), updated_at = now(),
        cancel_requested_at = COALESCE(j.cancel_requested_at, now()),
        cancel_reason = COALESCE(j.cancel_reason, x.cause)
    FROM unnest(cids, reasons) AS x(id, cause)
    WHERE j.id = x.id AND j.status = 'waiting';
END
$$;
