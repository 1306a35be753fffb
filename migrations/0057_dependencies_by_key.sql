-- The dependencies' statements read job_deps and job_deps_left by key whatever the statistics
-- say, and the history trigger joins a statement's old and new rows by hash whatever its
-- caller set. Found with bench/graph (a root, 9,998 jobs after it, a sink after those) run
-- again and again on one database: in 4 of 6 runs the root's release (its finish's
-- transaction) took 12 to 88 s instead of about 1 s, and the submit's link 9 to 10 s instead
-- of 1 s (in jobq_deps_queue, below; the submit's commit had a cost of its own, at the end).
-- 0055 turned sequential scans off in these functions; the planner then walked a whole
-- index instead, with the key as a join filter:
-- - jobq_deps_queue's `NOT EXISTS (SELECT 1 FROM job_deps_left s WHERE s.job_id = j.id)`:
--     Nested Loop Anti Join, Join Filter: (s.job_id = j.id)
--       -> Index Scan using job_deps_left_pkey on job_deps_left s   (no Index Cond)
--   every stripe of every waiting job (21,027 entries) for each released job: the
--   statistics, taken while one sink held most stripes, said each job has some 21,000, so
--   the anti join was expected to stop at its first entry; the released jobs have none.
-- - jobq_deps_count's read of the stripes before its row locks, its lock of the stripes and
--   its update of them: job_deps_left analyzed while empty (every graph released, its pages
--   not yet given back) is estimated at 1 row whatever it holds, so the planner put a full
--   walk of job_deps_left_pkey on the outer side and rescanned the array of edges for each
--   of its 10,000 entries (32 s and 44 s for one release).
-- - jobq_record_updates, fired by the release's update of 9,998 jobs: it turns nested loops
--   off for its join of the transition tables, but its callers here had hash and merge
--   joins off too, and a planner with every join method off joined 9,998 rows to 9,998 in a
--   nested loop (11 s). 0055's note that "with every join method off it plans as usual" was
--   wrong: it now turns hash and merge joins on for itself.
-- The statements on job_deps and job_deps_left now leave the planner no join to choose:
-- - the dependents' test for a stripe left is a scalar subquery with LIMIT 1, never turned
--   into a join: one lookup of job_deps_left_pkey per job;
-- - jobq_deps_count marks each edge, and lowers each stripe, with an UPDATE by its primary
--   key, one statement each (in (job, stripe) order, the lock order of 0050), and reads a
--   stripe's count before its row locks with a scalar subquery per stripe;
-- - jobq_deps_ended reads an ended job's edges, and the cascade a failed job's, through
--   LATERAL subqueries with OFFSET 0, which the planner keeps apart: a lookup of
--   job_deps_pkey by dep_id per job.
-- The updates of jobs in the release and in the cascade find their rows by `id = ANY (ids)`
-- with no join either (from review: joined to the ids, jobs analyzed small or with no
-- waiting job had the planner walk all of jobs_pkey, or every waiting job, once per id: 3.6
-- s for a release of 6,000, 12 s for a cascade of 10,000). jobq_link_deps, once per
-- submit, keeps joins whose stale plans read a whole table once (linear, not per id).
-- In the cascade, jobq_record_updates now runs jobq_batch_count with hash and merge joins
-- on, as an ordinary finish does.
-- The check at commit that a waiting job has its edges (jobq_check_waiting_linked, once per
-- waiting job) reads the job's state by primary key, not through jobs_status_created.
-- tests/integration/test_deps_stale_stats.sh analyzes job_deps_left empty and jobs with no
-- waiting job, then counts the rows fetched and the index scans of a release, of a cascade
-- and of the commit's check.

CREATE OR REPLACE FUNCTION jobq_deps_queue(ids uuid[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET enable_seqscan = off SET enable_bitmapscan = off SET enable_hashjoin = off
    SET enable_mergejoin = off AS $$
DECLARE
    nq integer;
BEGIN
    PERFORM 1 FROM public.jobs j WHERE j.id = ANY (ids) ORDER BY j.id FOR UPDATE;
    -- By primary key (`id = ANY (ids)`, no join: joined to the ids, jobs analyzed small and
    -- with no waiting job had the planner walk all of jobs_pkey for each id; the state's
    -- test is one no index on the state can serve: with `status = 'waiting'` the planner,
    -- its statistics stale, read every waiting job through jobs_status_created); its
    -- stripes by key, one lookup per job (see the top).
    WITH q AS (
        UPDATE public.jobs j SET
            status = CASE WHEN j.run_after > now() THEN 'scheduled' ELSE 'queued' END,
            status_reason = 'dependencies done',
            publish_after = CASE WHEN j.run_after > now() THEN j.run_after ELSE now() END,
            updated_at = now()
        WHERE j.id = ANY (ids) AND (j.status = 'waiting') IS TRUE
          AND (SELECT s.job_id FROM public.job_deps_left s WHERE s.job_id = j.id LIMIT 1) IS NULL
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

-- As 0050's, with every read and write of job_deps and job_deps_left by primary key (see
-- the top). The edges are marked one UPDATE each, in (job, dep) order; the stripes lowered
-- one UPDATE each, in (job, stripe) order, after the rows of the dependents whose stripe
-- may reach 0 (the lock order of 0050), and deleted at 0.
CREATE OR REPLACE FUNCTION jobq_deps_count(p_deps uuid[], p_jobs uuid[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET enable_seqscan = off SET enable_bitmapscan = off SET enable_hashjoin = off
    SET enable_mergejoin = off AS $$
DECLARE
    e record;
    st smallint;
    mj uuid[] := '{}';
    ms smallint[] := '{}';
    pj uuid[];
    ps smallint[];
    pn integer[];
    zj uuid[] := '{}';
    nleft integer;
BEGIN
    FOR e IN SELECT DISTINCT u.dep, u.job FROM unnest(p_deps, p_jobs) AS u(dep, job)
             WHERE u.dep IS NOT NULL AND u.job IS NOT NULL ORDER BY u.job, u.dep LOOP
        UPDATE public.job_deps d SET counted = true
        WHERE d.dep_id = e.dep AND d.job_id = e.job AND NOT d.counted
        RETURNING d.stripe INTO st;
        IF FOUND THEN
            mj := array_append(mj, e.job);
            ms := array_append(ms, st);
        END IF;
    END LOOP;
    IF cardinality(mj) = 0 THEN
        RETURN 0;
    END IF;
    SELECT array_agg(g.job ORDER BY g.job, g.stripe), array_agg(g.stripe ORDER BY g.job, g.stripe),
           array_agg(g.n ORDER BY g.job, g.stripe)
    INTO pj, ps, pn
    FROM (SELECT u.job, u.stripe, count(*)::integer AS n
          FROM unnest(mj, ms) AS u(job, stripe) GROUP BY 1, 2) g;
    -- The rows of the dependents whose stripe this count may bring to 0 (read without a
    -- lock), in id order, before any stripe.
    PERFORM 1 FROM public.jobs j
    WHERE j.id = ANY (ARRAY(
        SELECT p.job FROM unnest(pj, ps, pn) AS p(job, stripe, n)
        WHERE (SELECT s.remaining FROM public.job_deps_left s
               WHERE s.job_id = p.job AND s.stripe = p.stripe) <= p.n))
    ORDER BY j.id FOR UPDATE;
    FOR k IN 1 .. cardinality(pj) LOOP
        UPDATE public.job_deps_left s SET remaining = s.remaining - pn[k]
        WHERE s.job_id = pj[k] AND s.stripe = ps[k]
        RETURNING s.remaining INTO nleft;
        IF FOUND AND nleft = 0 THEN
            DELETE FROM public.job_deps_left s
            WHERE s.job_id = pj[k] AND s.stripe = ps[k] AND s.remaining = 0;
            zj := array_append(zj, pj[k]);
        END IF;
    END LOOP;
    IF cardinality(zj) = 0 THEN
        RETURN 0;
    END IF;
    RETURN public.jobq_deps_queue(ARRAY(SELECT DISTINCT unnest(zj)));
END
$$;

-- As 0055's, with the edges of the ended jobs, and of the failed ones in the cascade, read
-- through LATERAL subqueries kept apart by OFFSET 0 (see the top).
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
    rmap jsonb;
BEGIN
    IF ended IS NULL OR cardinality(ended) = 0 THEN
        RETURN;
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'job % ended with dependents in a % transaction: releasing them needs read committed',
            ended[1], current_setting('transaction_isolation')
            USING ERRCODE = 'invalid_transaction_state';
    END IF;
    -- The ended jobs by primary key, the edges of each by job_deps' (the state's test is a
    -- CASE, which no index on the state serves).
    SELECT array_agg(d.dep_id ORDER BY d.job_id, d.dep_id),
           array_agg(d.job_id ORDER BY d.job_id, d.dep_id)
    INTO ed, ej
    FROM public.jobs p
    CROSS JOIN LATERAL (
        SELECT x.dep_id, x.job_id FROM public.job_deps x
        WHERE x.dep_id = p.id AND NOT x.counted
          AND CASE WHEN p.status = 'succeeded' THEN true
                   WHEN p.status IN ('failed', 'cancelled') THEN x.any_end
                   ELSE false END
        OFFSET 0) d
    WHERE p.id = ANY (ended);
    IF ed IS NOT NULL THEN
        PERFORM public.jobq_deps_count(ed, ej);
    END IF;

    -- Only a failure or a cancel cascades: most ends are successes, which stop here.
    SELECT array_agg(p.id), array_agg(p.status) INTO bad, bad_status
    FROM public.jobs p
    WHERE p.id = ANY (ended)
      AND CASE WHEN p.status IN ('failed', 'cancelled') THEN true ELSE false END;
    IF bad IS NULL THEN
        RETURN;
    END IF;
    -- Walked from the ended jobs along job_deps' primary key (dep_id first); each
    -- dependent's state is read by its own primary key.
    WITH RECURSIVE c(id, cause) AS (
        SELECT d.job_id, format('dependency %s %s', b.id, b.st)
        FROM unnest(bad, bad_status) AS b(id, st)
        CROSS JOIN LATERAL (
            SELECT x.job_id FROM public.job_deps x
            WHERE x.dep_id = b.id AND NOT x.any_end OFFSET 0) d
        WHERE (SELECT w.status FROM public.jobs w WHERE w.id = d.job_id) = 'waiting'
      UNION
        SELECT d.job_id, format('dependency %s cancelled', c.id)
        FROM c
        CROSS JOIN LATERAL (
            SELECT x.job_id FROM public.job_deps x
            WHERE x.dep_id = c.id AND NOT x.any_end OFFSET 0) d
        WHERE (SELECT w.status FROM public.jobs w WHERE w.id = d.job_id) = 'waiting')
    SELECT array_agg(x.id ORDER BY x.id), array_agg(x.cause ORDER BY x.id)
    INTO cids, reasons
    FROM (SELECT DISTINCT ON (c.id) c.id, c.cause FROM c ORDER BY c.id, c.cause) x;
    IF cids IS NULL THEN
        RETURN;
    END IF;
    PERFORM 1 FROM public.jobs j WHERE j.id = ANY (cids) ORDER BY j.id FOR UPDATE;
    -- By primary key, no join (joined to the ids with the state's plain test, jobs analyzed
    -- with no waiting job had the planner walk every waiting job for each id: 12 s for a
    -- cascade of 10,000); each job's reason from a map of id to reason, 100,000 jobs a
    -- statement (a jsonb value holds at most 256 MB).
    FOR i IN 0 .. (cardinality(cids) - 1) / 100000 LOOP
        rmap := jsonb_object(cids[i * 100000 + 1 : (i + 1) * 100000]::text[],
                             reasons[i * 100000 + 1 : (i + 1) * 100000]);
        UPDATE public.jobs j SET status = 'cancelled',
            status_reason = rmap ->> j.id::text, finished_at = now(), updated_at = now(),
            cancel_requested_at = COALESCE(j.cancel_requested_at, now()),
            cancel_reason = COALESCE(j.cancel_reason, rmap ->> j.id::text)
        WHERE j.id = ANY (cids[i * 100000 + 1 : (i + 1) * 100000])
          AND (j.status = 'waiting') IS TRUE;
    END LOOP;
END
$$;

-- As 0050's, with the job's state read by primary key. Its `j.id = NEW.id AND j.status =
-- 'waiting'` was served by jobs_status_created, whose index condition (status, then id)
-- walks every waiting entry, live or dead, to find the one id: at the commit of a submit of
-- 9,998 waiting jobs, once for each of them (about 1 ms each on a database that had run a
-- few such graphs: bench/graph's root ended 2 to 19 s after the submit's start over 8 runs
-- on one database; a submit of 9,998 waiting jobs on it took 9.9 s, then 2.7 s with this).
CREATE OR REPLACE FUNCTION jobq_check_waiting_linked() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF (SELECT j.status FROM public.jobs j WHERE j.id OPERATOR(pg_catalog.=) NEW.id)
            OPERATOR(pg_catalog.=) 'waiting'::text
       AND NOT EXISTS (SELECT 1 FROM public.job_deps d
                        WHERE d.job_id OPERATOR(pg_catalog.=) NEW.id) THEN
        RAISE EXCEPTION 'job % is waiting with no dependency: submit it with --after (jobq_link_deps)',
            NEW.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;

-- The history trigger, 0051's, with hash and merge joins on for its own statements (see the
-- top): its join of the transition tables is by hash, whatever the statement that fired it
-- had set.
ALTER FUNCTION jobq_record_updates() SET enable_hashjoin = on;
ALTER FUNCTION jobq_record_updates() SET enable_mergejoin = on;
