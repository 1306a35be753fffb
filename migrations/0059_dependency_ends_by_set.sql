-- The end of a job with dependents counts its edges with one statement instead of one per
-- edge, and lowers its dependents' stripes with one statement in the two shapes a graph
-- mostly has. The submit's link finds unlinked waiting dependencies with a hash instead of
-- a scan of an array per dependency, marks its own jobs that others wait on without
-- locking them first, and locks and queues only the jobs it links that have no stripe (all
-- their dependencies done), not all of them. Found with bench/graph (a root, 9,998 jobs after it, a
-- sink after those; 2 consumers x 16), which ran 43 % longer than the same jobs without
-- dependencies. pg_stat_statements and track_functions over one graph run:
-- - the consumers' finish statement took 2.46 ms a call against 1.23 ms without
--   dependencies; jobq_deps_ended was 3.4 s of the run's 7.1 s of finish statements, and
--   jobq_deps_count (0057: one UPDATE of job_deps per edge, then one of job_deps_left per
--   stripe) 2.8 s of that, 0.9 ms a call for about 8 edges;
-- - the root's end lowered its 9,998 dependents' stripes one UPDATE (and one DELETE) each
--   in the transaction that ends it, with every dependent waiting for it;
-- - jobq_link_deps took 1.0 s of the submit's transaction, 0.3 s of it in the test that a
--   waiting dependency is one of this call's jobs (`NOT (s.d = ANY (linked))`: the array of
--   9,999 jobs scanned for each of 9,999 dependencies).
--
-- Plans stay by key whatever the statistics say (0055, 0057): each statement below reads
-- one table by an index condition (`= ANY` of an array, or a constant) with no join for the
-- planner to choose, under the settings of its caller (sequential, bitmap, hash and merge
-- plans off).
--
-- Lock order: unchanged for the stripes, a dependent's row before its stripes, the stripes
-- in (job, stripe) order (an index scan of job_deps_left_pkey by `job_id = ANY` with one
-- stripe, or by one job with `stripe = ANY`, visits them in that order, as the loop did).
-- The edges of an ended job are now locked in job_deps_pkey's (dep, job) order instead of
-- (job, dep): only the end of their dependency marks them, and that end holds its
-- dependency's row (the ending statement locked it), so no two ends wait on each other's
-- edges; jobq_link_deps counts edges of jobs that ended during its link, which it has locked
-- too (FOR NO KEY UPDATE), and inserts the others. The delete of jobs (prune, retention)
-- deletes their edges (jobq_deps_deleted) and can meet an end in either order, as before:
-- PostgreSQL breaks that deadlock and the end runs again.

-- Lower the stripes (pj[k], ps[k]) by pn[k] (the edges of that stripe just counted; the
-- arrays in (job, stripe) order, each pair once) and queue the jobs whose last stripe that
-- empties. The part of 0057's jobq_deps_count after its edges are marked, which it and
-- jobq_deps_ended now share. Runs with its caller's search path and planner settings (both
-- callers are SECURITY DEFINER functions that set them; it refuses to run with hash joins
-- on, the sign of a caller that did not): no role but the owner of jobs may run it.
CREATE FUNCTION jobq_deps_lower(pj uuid[], ps smallint[], pn integer[]) RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    nleft integer;
    zj uuid[] := '{}';
    zs smallint[];
    one_job boolean;
    one_stripe boolean;
BEGIN
    IF current_setting('enable_hashjoin') <> 'off' THEN
        RAISE EXCEPTION 'jobq_deps_lower runs only inside jobq_deps_ended and jobq_deps_count, with their planner settings'
            USING ERRCODE = 'invalid_transaction_state';
    END IF;
    IF pj IS NULL OR cardinality(pj) = 0 THEN
        RETURN 0;
    END IF;
    -- The rows of the dependents whose stripe this count may bring to 0 (read without a
    -- lock), in id order, before any stripe.
    PERFORM 1 FROM public.jobs j
    WHERE j.id = ANY (ARRAY(
        SELECT p.job FROM unnest(pj, ps, pn) AS p(job, stripe, n)
        WHERE (SELECT s.remaining FROM public.job_deps_left s
               WHERE s.job_id = p.job AND s.stripe = p.stripe) <= p.n))
    ORDER BY j.id FOR UPDATE;
    one_job := pj[1] = ALL (pj);
    one_stripe := ps[1] = ALL (ps);
    IF one_stripe AND 1 = ALL (pn) THEN
        -- Many jobs, one stripe each, one edge each: the fan-out of an ended job to
        -- dependents with 8 or fewer dependencies (one stripe). The pairs are exactly the
        -- rows of these jobs with this stripe (each job once: the pairs are distinct).
        WITH d AS (
            UPDATE public.job_deps_left s SET remaining = s.remaining - 1
            WHERE s.job_id = ANY (pj) AND s.stripe = ps[1]
            RETURNING s.job_id, s.remaining)
        SELECT COALESCE(array_agg(d.job_id ORDER BY d.job_id), '{}') INTO zj
        FROM d WHERE d.remaining = 0;
        IF cardinality(zj) > 0 THEN
            DELETE FROM public.job_deps_left s
            WHERE s.job_id = ANY (zj) AND s.stripe = ps[1] AND s.remaining = 0;
        END IF;
    ELSIF one_job THEN
        -- One job, its stripes: the fan-in of a job after many (the pairs are distinct, so
        -- each stripe is once in ps: at most 256).
        WITH d AS (
            UPDATE public.job_deps_left s
            SET remaining = s.remaining - pn[pg_catalog.array_position(ps, s.stripe)]
            WHERE s.job_id = pj[1] AND s.stripe = ANY (ps)
            RETURNING s.stripe, s.remaining)
        SELECT array_agg(d.stripe ORDER BY d.stripe) INTO zs FROM d WHERE d.remaining = 0;
        IF zs IS NOT NULL THEN
            DELETE FROM public.job_deps_left s
            WHERE s.job_id = pj[1] AND s.stripe = ANY (zs) AND s.remaining = 0;
            zj := ARRAY[pj[1]];
        END IF;
    ELSE
        -- Any other mix, one stripe at a time (0057's loop).
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
    END IF;
    IF cardinality(zj) = 0 THEN
        RETURN 0;
    END IF;
    RETURN public.jobq_deps_queue(ARRAY(SELECT DISTINCT unnest(zj)));
END
$$;
REVOKE EXECUTE ON FUNCTION jobq_deps_lower(uuid[], smallint[], integer[]) FROM PUBLIC;

-- As 0057's: the edges in (p_deps[k], p_jobs[k]) not counted yet are marked, one UPDATE
-- each by primary key (jobq_link_deps' few, of jobs that ended during a link), then the
-- stripes lowered by jobq_deps_lower.
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
    RETURN public.jobq_deps_lower(pj, ps, pn);
END
$$;

-- As 0057's, with the ended jobs' states read once (the successes, and the failures and
-- cancels, which also start the cascade), and their edges marked counted by one UPDATE per
-- kind of end, found by dependency (`dep_id = ANY`, job_deps_pkey's first column): after a
-- success every edge, after a failure or a cancel the --after-any ones.
CREATE OR REPLACE FUNCTION jobq_deps_ended(ended uuid[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET enable_nestloop = on SET enable_seqscan = off SET enable_bitmapscan = off
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    first_dep uuid;
    ok uuid[];
    bad uuid[];
    bad_status text[];
    pj uuid[];
    ps smallint[];
    pn integer[];
    cids uuid[];
    reasons text[];
    rmap jsonb;
BEGIN
    IF ended IS NULL OR cardinality(ended) = 0 THEN
        RETURN;
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        -- Only an end with edges has something to release (a job may carry has_dependents
        -- with none: a submit sets it on a job that a repeated key's line named).
        SELECT d.dep_id INTO first_dep FROM public.job_deps d WHERE d.dep_id = ANY (ended) LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'job % ended with dependents in a % transaction: releasing them needs read committed',
                first_dep, current_setting('transaction_isolation')
                USING ERRCODE = 'invalid_transaction_state';
        END IF;
        RETURN;
    END IF;
    -- The ended jobs by primary key (the state's test is a CASE, which no index on the
    -- state serves).
    SELECT COALESCE(array_agg(p.id ORDER BY p.id) FILTER (WHERE p.status = 'succeeded'), '{}'),
           array_agg(p.id ORDER BY p.id)
               FILTER (WHERE CASE WHEN p.status IN ('failed', 'cancelled') THEN true ELSE false END),
           array_agg(p.status ORDER BY p.id)
               FILTER (WHERE CASE WHEN p.status IN ('failed', 'cancelled') THEN true ELSE false END)
    INTO ok, bad, bad_status
    FROM public.jobs p WHERE p.id = ANY (ended);
    WITH m AS (
        UPDATE public.job_deps d SET counted = true
        WHERE d.dep_id = ANY (ok) AND NOT d.counted
        RETURNING d.job_id, d.stripe),
     ma AS (
        UPDATE public.job_deps d SET counted = true
        WHERE d.dep_id = ANY (COALESCE(bad, '{}')) AND NOT d.counted AND d.any_end
        RETURNING d.job_id, d.stripe)
    SELECT array_agg(g.job_id ORDER BY g.job_id, g.stripe),
           array_agg(g.stripe ORDER BY g.job_id, g.stripe),
           array_agg(g.n ORDER BY g.job_id, g.stripe)
    INTO pj, ps, pn
    FROM (SELECT x.job_id, x.stripe, count(*)::integer AS n
          FROM (SELECT m.job_id, m.stripe FROM m UNION ALL SELECT ma.job_id, ma.stripe FROM ma) x
          GROUP BY 1, 2) g;
    IF pj IS NOT NULL THEN
        PERFORM public.jobq_deps_lower(pj, ps, pn);
    END IF;

    -- Only a failure or a cancel cascades: most ends are successes, which stop here.
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
    -- By primary key, no join (see 0057); each job's reason from a map of id to reason,
    -- 100,000 jobs a statement (a jsonb value holds at most 256 MB).
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

-- As 0050's, with this call's own jobs told from the other dependencies by set operations
-- (EXCEPT, INTERSECT: hashed, or sorted when large) instead of `NOT (s.d = ANY (linked))`, a
-- scan of the array per dependency (0.3 s of the submit of a graph of 9,999 jobs after 9,999
-- others), or an IN that the planner may join by rescanning the array (1.6 s). Its statements
-- are planned with their arrays' values at every call (plan_cache_mode = force_custom_plan):
-- a session's sixth call could otherwise run a cached generic plan made while job_deps_left
-- or jobs was small, a full read of the table testing each row against the whole array (a
-- root, 10,000 jobs and a sink linked in 1.2 to 1.8 s instead of 0.45 s from libjobq or
-- the SQL API, whose sessions link many times; the CLI's session links once).
CREATE OR REPLACE FUNCTION jobq_link_deps(p_jobs uuid[], p_deps uuid[], p_any boolean[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET lock_timeout = '10s' SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    bad record;
    dids uuid[];
    dstat text[];
    own uuid[];
    odeps uuid[];
    now_ended uuid[];
    ed uuid[];
    ej uuid[];
    linked uuid[];
    n integer := cardinality(p_jobs);
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'linking job dependencies needs a read committed transaction, not %',
            current_setting('transaction_isolation') USING ERRCODE = 'invalid_transaction_state';
    END IF;
    IF p_jobs IS NULL OR p_deps IS NULL OR p_any IS NULL OR n <> cardinality(p_deps)
       OR n <> cardinality(p_any) OR array_position(p_jobs, NULL) IS NOT NULL
       OR array_position(p_deps, NULL) IS NOT NULL OR array_position(p_any, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'jobq_link_deps: jobs, deps and any_end must be arrays of one length with no NULL'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF n = 0 THEN
        RETURN 0;
    END IF;
    IF n > 1000000 THEN
        RAISE EXCEPTION '% dependency edges in one submit: at most 1000000', n
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    linked := ARRAY(SELECT DISTINCT unnest(p_jobs));
    SELECT u.j INTO bad FROM unnest(linked) AS u(j) LEFT JOIN public.jobs x ON x.id = u.j
    WHERE x.id IS NULL OR x.status <> 'waiting' OR NOT x.has_dependencies
       OR EXISTS (SELECT 1 FROM public.job_deps d WHERE d.job_id = u.j)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'job % is not a job just submitted to wait: dependencies are given at its submit',
            bad.j USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- No cycle: a dependency among this call's jobs must come earlier (by first edge).
    WITH e AS (SELECT t.j, t.d, t.k FROM unnest(p_jobs, p_deps) WITH ORDINALITY AS t(j, d, k)),
     pos AS (SELECT e.j, min(e.k) AS p FROM e GROUP BY e.j)
    SELECT e.j, e.d INTO bad FROM e JOIN pos pj ON pj.j = e.j JOIN pos pd ON pd.j = e.d
    WHERE pd.p >= pj.p LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'job % cannot run after job %: a dependency must be submitted before its dependent',
            bad.j, bad.d USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Each dependency's state, once.
    SELECT array_agg(u.d ORDER BY u.d), array_agg(x.status ORDER BY u.d) INTO dids, dstat
    FROM (SELECT DISTINCT unnest(p_deps) AS d) u LEFT JOIN public.jobs x ON x.id = u.d;
    SELECT s.d INTO bad FROM unnest(dids, dstat) AS s(d, st) WHERE s.st IS NULL LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'dependency % does not exist', bad.d
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- A waiting dependency outside this call already has its edges (linked in its own
    -- submit's transaction): one with none yet is a job of an earlier call of this
    -- transaction still to be linked, and two such calls could build a cycle.
    SELECT x.d INTO bad
    FROM (SELECT s.d FROM unnest(dids, dstat) AS s(d, st) WHERE s.st = 'waiting'
          EXCEPT SELECT unnest(linked)) x
    WHERE NOT EXISTS (SELECT 1 FROM public.job_deps d WHERE d.job_id = x.d) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'dependency % is waiting and not linked yet: the jobs of one graph are linked in one call, each after earlier ones',
            bad.d USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT e.j, e.d, s.st INTO bad
    FROM unnest(p_jobs, p_deps, p_any) AS e(j, d, a) JOIN unnest(dids, dstat) AS s(d, st)
      ON s.d = e.d
    WHERE s.st IN ('failed', 'cancelled')
    GROUP BY e.j, e.d, s.st HAVING NOT bool_and(e.a) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'dependency % is %: job % after it could never run (use --after-any to run after any end)',
            bad.d, bad.st, bad.j USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- The edges (one per pair; --after and --after-any on one pair is --after), the ended
    -- ones counted already, the others spread over their job's stripes.
    WITH e AS (SELECT t.j, t.d, bool_and(t.a) AS a FROM unnest(p_jobs, p_deps, p_any) AS t(j, d, a)
               GROUP BY t.j, t.d),
     s AS (SELECT e.j, e.d, e.a,
                  (st.st = 'succeeded'
                   OR (e.a AND st.st IN ('failed', 'cancelled'))) AS done
           FROM e JOIN unnest(dids, dstat) AS st(d, st) ON st.d = e.d),
     k AS (SELECT s.*, row_number() OVER (PARTITION BY s.j, s.done ORDER BY s.d) - 1 AS rk,
                  count(*) FILTER (WHERE NOT s.done) OVER (PARTITION BY s.j) AS open
           FROM s),
     ins AS (INSERT INTO public.job_deps (dep_id, job_id, any_end, counted, stripe)
             SELECT k.d, k.j, k.a, k.done,
                    CASE WHEN k.done THEN 0
                         ELSE (k.rk % LEAST(256, GREATEST(1, k.open / 8)))::smallint END
             FROM k ORDER BY k.d, k.j
             RETURNING job_id, stripe, counted)
    INSERT INTO public.job_deps_left (job_id, stripe, remaining)
    SELECT ins.job_id, ins.stripe, count(*) FROM ins WHERE NOT ins.counted
    GROUP BY ins.job_id, ins.stripe;
    -- This call's own jobs among the dependencies were inserted by this transaction (a
    -- waiting job with no edge cannot commit: jobs_waiting_linked), so no other sees them
    -- and they cannot have ended: they are marked without a lock of their own.
    -- (An array in a variable, not a subquery's, planned with its value each call
    -- (plan_cache_mode above): a plan of `= ANY` of an array the planner cannot see, a
    -- subquery's or a cached plan's parameter, may read a table in full and test each row
    -- against the whole array: 2.2 s for 9,999 jobs.)
    own := ARRAY(SELECT s.d FROM unnest(dids, dstat) AS s(d, st) WHERE s.st = 'waiting'
                 INTERSECT SELECT unnest(linked));
    UPDATE public.jobs x SET has_dependents = true
    WHERE x.id = ANY (own) AND NOT x.has_dependents;
    -- The other unended dependencies: locked, marked, and read once more.
    odeps := ARRAY(SELECT s.d FROM unnest(dids, dstat) AS s(d, st)
                   WHERE s.st NOT IN ('succeeded', 'failed', 'cancelled')
                   EXCEPT SELECT unnest(linked) ORDER BY 1);
    WITH l AS (SELECT x.id, x.status FROM public.jobs x WHERE x.id = ANY (odeps)
               ORDER BY x.id FOR NO KEY UPDATE),
     u AS (UPDATE public.jobs x SET has_dependents = true FROM l
           WHERE x.id = l.id AND NOT x.has_dependents RETURNING x.id)
    SELECT array_agg(l.id) INTO now_ended FROM l
    WHERE l.status IN ('succeeded', 'failed', 'cancelled');
    IF now_ended IS NOT NULL THEN
        -- Ended between the read and the lock: a plain --after on a failure is refused as
        -- above; the rest count now.
        SELECT d.job_id, d.dep_id, x.status INTO bad
        FROM public.job_deps d JOIN public.jobs x ON x.id = d.dep_id
        WHERE d.dep_id = ANY (now_ended) AND d.job_id = ANY (linked) AND NOT d.any_end
          AND x.status IN ('failed', 'cancelled') LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'dependency % is %: job % after it could never run (use --after-any to run after any end)',
                bad.dep_id, bad.status, bad.job_id USING ERRCODE = 'invalid_parameter_value';
        END IF;
        SELECT array_agg(d.dep_id ORDER BY d.job_id, d.dep_id),
               array_agg(d.job_id ORDER BY d.job_id, d.dep_id) INTO ed, ej
        FROM public.job_deps d
        WHERE d.dep_id = ANY (now_ended) AND d.job_id = ANY (linked) AND NOT d.counted;
        IF ed IS NOT NULL THEN
            PERFORM public.jobq_deps_count(ed, ej);
        END IF;
    END IF;
    -- Jobs with every dependency done already: those with no stripe (the others are
    -- queued by the end of their last dependency, or were just now by jobq_deps_count).
    -- One read of job_deps_left for all of them, not a lock of each.
    RETURN public.jobq_deps_queue(ARRAY(
        SELECT unnest(linked)
        EXCEPT SELECT s.job_id FROM public.job_deps_left s WHERE s.job_id = ANY (linked)));
END
$$;

-- An edge is updated once (counted) and a stripe once per end it counts: with room left on
-- their pages those updates stay on the page and add no index entry (HOT updates, as
-- neither touches an indexed column), where full pages made each a new entry in every
-- index of the table.
ALTER TABLE job_deps SET (fillfactor = 50);
ALTER TABLE job_deps_left SET (fillfactor = 50);

-- A new job may carry has_dependents: the submit sets it on the jobs of its batch that later
-- jobs of the batch run after, so that jobq_link_deps has no row of them to update (9,999
-- jobs of a fan-out updated in the submit's transaction took 0.36 s; the rows were just
-- written, their pages full, so each update was a new entry in every index of jobs). The
-- flag only makes the job's end look for edges (jobq_deps_ended); set with none, it costs
-- that look and nothing else, so any role that may insert jobs may set it. Clearing it stays
-- the owner's (jobs_dep_columns): a job whose flag is false while others wait on it would
-- never release them.
CREATE OR REPLACE FUNCTION jobq_check_new_waiting() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c
                                   WHERE c.oid OPERATOR(pg_catalog.=) TG_RELID),
                                  'USAGE'::text) THEN
        RAISE EXCEPTION 'a new job must be scheduled or queued, or waiting with has_dependencies, with no worker, attempt or outcome (got status %)',
            NEW.status USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER jobs_insert_new ON jobs;
CREATE TRIGGER jobs_insert_new BEFORE INSERT ON jobs FOR EACH ROW
    WHEN (NEW.status NOT IN ('scheduled', 'queued', 'waiting')
          OR (NEW.status = 'waiting') IS DISTINCT FROM NEW.has_dependencies
          OR NEW.worker_id IS NOT NULL
          OR NEW.attempt <> 0 OR NEW.published_at IS NOT NULL OR NEW.started_at IS NOT NULL
          OR NEW.finished_at IS NOT NULL OR NEW.result IS NOT NULL OR NEW.error IS NOT NULL)
    EXECUTE FUNCTION jobq_check_new_waiting();
