-- The link of a dependency that has dependents already takes a share lock (docs/workflows.md,
-- "From the SQL API").
--
-- jobq_link_deps (0050) locked every unended dependency FOR NO KEY UPDATE until the commit.
-- From the CLI that is a short transaction; from an application's own transaction (the SQL
-- API's point, 0054) it is as long as the application's work, and a second application
-- linking to the same job waited for it, then failed after 10 s (lock_timeout, 55P03). A
-- dependency that has dependents already is now share-locked: links to it no longer wait
-- for each other. Its end (finish, cancel) still waits for the commit of a transaction
-- that links to it, as it must to see the new edges: such transactions are to be short.

-- As 0050's, share-locking the dependencies that have dependents already.
CREATE OR REPLACE FUNCTION jobq_link_deps(p_jobs uuid[], p_deps uuid[], p_any boolean[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET lock_timeout = '10s' AS $$
DECLARE
    bad record;
    dids uuid[];
    dstat text[];
    odeps uuid[];
    now_ended uuid[];
    ed uuid[];
    ej uuid[];
    linked uuid[];
    fresh uuid[];
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
    SELECT s.d INTO bad FROM unnest(dids, dstat) AS s(d, st)
    WHERE s.st = 'waiting' AND NOT (s.d = ANY (linked))
      AND NOT EXISTS (SELECT 1 FROM public.job_deps d WHERE d.job_id = s.d) LIMIT 1;
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
    -- The unended dependencies: locked, marked, and read once more.
    odeps := ARRAY(SELECT s.d FROM unnest(dids, dstat) AS s(d, st)
                   WHERE s.st NOT IN ('succeeded', 'failed', 'cancelled') ORDER BY s.d);
    -- A dependency that has dependents already is only share-locked: enough to make its
    -- end wait for this transaction's commit (and then see the edges), while other links
    -- to it, from other transactions, go on at once. Only the first link of a job takes
    -- the update lock, to set has_dependents (which never goes back to false: a job read
    -- with it true is share-locked; one that became true after the read is left out of
    -- the update lock by its recheck, and share-locked next).
    WITH l AS (SELECT x.id, x.status FROM public.jobs x
               WHERE x.id = ANY (odeps) AND NOT x.has_dependents
               ORDER BY x.id FOR NO KEY UPDATE),
     u AS (UPDATE public.jobs x SET has_dependents = true FROM l
           WHERE x.id = l.id AND NOT x.has_dependents RETURNING x.id)
    SELECT array_agg(l.id ORDER BY l.id),
           array_agg(l.id) FILTER (WHERE l.status IN ('succeeded', 'failed', 'cancelled'))
      INTO fresh, now_ended FROM l;
    WITH l AS (SELECT x.id, x.status FROM public.jobs x
               WHERE x.id = ANY (odeps) AND NOT (x.id = ANY (coalesce(fresh, '{}')))
               ORDER BY x.id FOR SHARE)
    SELECT coalesce(now_ended, '{}') || coalesce(array_agg(l.id), '{}') INTO now_ended
      FROM l WHERE l.status IN ('succeeded', 'failed', 'cancelled');
    IF cardinality(now_ended) = 0 THEN
        now_ended := NULL;
    END IF;
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
    -- Jobs with every dependency done already.
    RETURN public.jobq_deps_queue(linked);
END
$$;
