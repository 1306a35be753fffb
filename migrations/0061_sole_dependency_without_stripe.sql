-- A job with one dependency has no counter row (migration 0050's job_deps_left): its edge
-- carries stripe -1 and is its count. Found with bench/graph (a root, 9,998 jobs after it, a
-- sink after those): each of the 9,998 had one stripe row with remaining 1, inserted by the
-- submit's link, then read, lowered to 0 and deleted by the root's end, in the transaction
-- that queues them, while no job of the graph could run: 3 statements over 9,998 rows of the
-- release's 0.6 s, and one over as many rows of the link.
--
-- An edge with stripe -1 is its job's only open edge at the link (the others, if any, were
-- done already and counted). Exactly once: only the statement that marks it counted (an
-- UPDATE of the edge's row, `NOT counted`) counts it, so only that end queues the job.
-- jobq_deps_lower locks the rows of those jobs with the others it may queue (the lock order
-- of 0050: a dependent's row first, in id order, then stripes), lowers no stripe for them,
-- and queues them. The link queues at once only the jobs with neither a stripe nor a sole
-- edge uncounted (a sole dependency ended during the link is counted there, by
-- jobq_deps_count, which queues its job). Edges and stripes written before this migration
-- keep their stripes.

-- The check admits -1 (both statements take job_deps' lock for a moment: no row is read;
-- migration 0062 validates the old rows under a lock that lets reads and writes go on).
ALTER TABLE job_deps ADD CONSTRAINT job_deps_stripe_or_sole CHECK (stripe BETWEEN -1 AND 255) NOT VALID;
ALTER TABLE job_deps DROP CONSTRAINT job_deps_stripe_check;

-- As 0059's, with the sole edges (stripe -1) queued without a stripe.
CREATE OR REPLACE FUNCTION jobq_deps_lower(pj uuid[], ps smallint[], pn integer[]) RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    nleft integer;
    zj uuid[] := '{}';
    sole uuid[] := '{}';
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
        WHERE p.stripe = -1
           OR (SELECT s.remaining FROM public.job_deps_left s
               WHERE s.job_id = p.job AND s.stripe = p.stripe) <= p.n))
    ORDER BY j.id FOR UPDATE;
    -- A sole edge (stripe -1) was its job's only open one: its count brings the job to 0,
    -- with no stripe to lower. The pairs with a stripe go on, in their order.
    IF -1 = ANY (ps) THEN
        SELECT COALESCE(array_agg(p.job ORDER BY p.k) FILTER (WHERE p.stripe = -1), '{}'),
               array_agg(p.job ORDER BY p.k) FILTER (WHERE p.stripe <> -1),
               array_agg(p.stripe ORDER BY p.k) FILTER (WHERE p.stripe <> -1),
               array_agg(p.n ORDER BY p.k) FILTER (WHERE p.stripe <> -1)
        INTO sole, pj, ps, pn
        FROM unnest(pj, ps, pn) WITH ORDINALITY AS p(job, stripe, n, k);
        IF pj IS NULL THEN
            RETURN public.jobq_deps_queue(ARRAY(SELECT DISTINCT unnest(sole)));
        END IF;
    END IF;
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
    zj := zj || sole;
    IF cardinality(zj) = 0 THEN
        RETURN 0;
    END IF;
    RETURN public.jobq_deps_queue(ARRAY(SELECT DISTINCT unnest(zj)));
END
$$;

-- As 0059's, with a job of one open edge given stripe -1 and no counter row.
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
    sole uuid[];
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
                         WHEN k.open = 1 THEN -1
                         ELSE (k.rk % LEAST(256, GREATEST(1, k.open / 8)))::smallint END
             FROM k ORDER BY k.d, k.j
             RETURNING job_id, stripe, counted),
     lft AS (INSERT INTO public.job_deps_left (job_id, stripe, remaining)
             SELECT ins.job_id, ins.stripe, count(*) FROM ins
             WHERE NOT ins.counted AND ins.stripe >= 0
             GROUP BY ins.job_id, ins.stripe)
    SELECT COALESCE(array_agg(ins.job_id) FILTER (WHERE ins.stripe = -1), '{}') INTO sole
    FROM ins;
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
        EXCEPT SELECT s.job_id FROM public.job_deps_left s WHERE s.job_id = ANY (linked)
        EXCEPT SELECT unnest(sole)));
END
$$;
