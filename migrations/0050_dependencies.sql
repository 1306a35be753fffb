-- Job dependencies (docs/workflows.md): a job submitted with `--after`/`--after-any` waits in
-- the new state `waiting`, is never published while it waits, and the transaction that ends
-- its last dependency queues it (or schedules it, when its run time is ahead). A dependency
-- that fails for good or is cancelled cancels its waiting dependents, transitively, unless
-- they were submitted with --after-any, for which any end counts as done.
--
-- The tables:
--   job_deps       one row per edge (dep_id must end before job_id runs). counted: this
--                  edge has lowered its job's counter (at most once per edge: an after-any
--                  dependency retried and ended again does not count twice). stripe: which
--                  counter row of job_deps_left the edge lowers.
--   job_deps_left  the fan-in counter of each waiting job, striped: a job with E unended
--                  edges at its submit has S = min(256, max(1, E/8)) rows, edge k lowering
--                  row k mod S, so that many dependencies ending at once rarely queue on one
--                  row lock. The end that brings a row to 0 deletes it; the job is queued
--                  when it has no row left.
-- jobs.has_dependents (some job waits on this one) is the one check a workload without
-- dependencies pays at each end; jobs.has_dependencies marks a job submitted with some.
--
-- Exactly-once release: the end that brings a stripe to 0 deletes it, takes the dependent's
-- row lock, then in a new statement queues it if no stripe is left. Two ends zeroing two
-- stripes of one job at once both reach the lock; the second to take it sees, in its new
-- statement, the first's committed deletion (READ COMMITTED: each statement sees what
-- committed before it), so one of them queues the job, never both (the update also needs
-- the job still waiting). Under REPEATABLE READ or SERIALIZABLE a statement keeps the
-- transaction's snapshot and both could miss each other, so jobq_deps_ended and
-- jobq_link_deps refuse to run in them; jobq's own sessions connect with
-- default_transaction_isolation 'read committed' (common/store.c).
--
-- Security: the functions that link and release are SECURITY DEFINER with a fixed
-- search_path and use no temporary table (a caller could create one beforehand, with a
-- trigger, and have it run as the owner): arrays and CTEs only. The trigger
-- jobs_dep_columns refuses, to anyone but the owner of jobs (which the definer functions
-- run as), a change of has_dependents, has_dependencies or id, and any move into or out of
-- waiting. The CLI's role inserts a waiting job only with has_dependencies set, and the
-- deferred trigger jobs_waiting_linked refuses a commit that leaves such a job with no
-- edge, so a waiting job always has the edges that will release it.

ALTER TABLE jobs ADD COLUMN has_dependents boolean NOT NULL DEFAULT false,
                 ADD COLUMN has_dependencies boolean NOT NULL DEFAULT false;

ALTER TABLE jobs DROP CONSTRAINT jobs_status_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_status_check
    CHECK (status IN ('waiting', 'scheduled', 'queued', 'running',
                      'succeeded', 'failed', 'cancelled')) NOT VALID;
ALTER TABLE jobs VALIDATE CONSTRAINT jobs_status_check;

CREATE TABLE job_deps (
    dep_id   uuid NOT NULL,
    job_id   uuid NOT NULL,
    any_end  boolean NOT NULL,
    counted  boolean NOT NULL DEFAULT false,
    stripe   smallint NOT NULL CHECK (stripe BETWEEN 0 AND 255),
    PRIMARY KEY (dep_id, job_id)
);
CREATE INDEX job_deps_job ON job_deps (job_id);

CREATE TABLE job_deps_left (
    job_id    uuid NOT NULL,
    stripe    smallint NOT NULL CHECK (stripe BETWEEN 0 AND 255),
    remaining integer NOT NULL CHECK (remaining >= 0),
    PRIMARY KEY (job_id, stripe)
);
REVOKE ALL ON job_deps, job_deps_left FROM PUBLIC;

-- No foreign key to jobs: each would fire a per-row trigger and a DELETE on every deleted
-- job (prune, retention), with or without dependencies, tripling the cost of a delete. The
-- link reads each dependency's row (it must exist) and locks the unended ones; the edges
-- and counters of deleted jobs go with one statement-level trigger, which reads the deleted
-- rows once and touches job_deps only for those that had dependents or dependencies.
CREATE FUNCTION jobq_deps_deleted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM jobq_gone g WHERE g.has_dependents OR g.has_dependencies) THEN
        RETURN NULL;
    END IF;
    DELETE FROM public.job_deps d USING jobq_gone g
    WHERE g.has_dependents AND d.dep_id = g.id;
    DELETE FROM public.job_deps d USING jobq_gone g
    WHERE g.has_dependencies AND d.job_id = g.id;
    DELETE FROM public.job_deps_left s USING jobq_gone g
    WHERE g.has_dependencies AND s.job_id = g.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER jobs_deps_deleted AFTER DELETE ON jobs REFERENCING OLD TABLE AS jobq_gone
    FOR EACH STATEMENT EXECUTE FUNCTION jobq_deps_deleted();

-- ---------------------------------------------------------------- who may change what
-- The owner check of jobq_check_new_job (0008): the definer functions run as the owner of
-- jobs, every other role is refused. Not SECURITY DEFINER: current_user must be the caller.
CREATE FUNCTION jobq_check_dep_columns() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c
                                   WHERE c.oid OPERATOR(pg_catalog.=) TG_RELID),
                                  'USAGE'::text) THEN
        RAISE EXCEPTION 'job %: only jobq''s dependency functions change has_dependents, has_dependencies or id, or move a job into or out of waiting (from % to %)',
            OLD.id, OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER jobs_dep_columns BEFORE UPDATE ON jobs FOR EACH ROW
    WHEN (OLD.has_dependents IS DISTINCT FROM NEW.has_dependents
          OR OLD.has_dependencies IS DISTINCT FROM NEW.has_dependencies
          OR OLD.id IS DISTINCT FROM NEW.id
          OR (OLD.status = 'waiting') IS DISTINCT FROM (NEW.status = 'waiting'))
    EXECUTE FUNCTION jobq_check_dep_columns();

-- A new job: waiting only with has_dependencies (and then linked before its commit, below);
-- has_dependents never (a dependent is linked to an existing job). The other rules of 0008
-- stand: jobs_insert_new now lets waiting pass to this check.
CREATE FUNCTION jobq_check_new_waiting() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c
                                   WHERE c.oid OPERATOR(pg_catalog.=) TG_RELID),
                                  'USAGE'::text) THEN
        RAISE EXCEPTION 'a new job must be scheduled or queued, or waiting with has_dependencies, with no worker, attempt, outcome or dependents (got status %)',
            NEW.status USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER jobs_insert_new ON jobs;
CREATE TRIGGER jobs_insert_new BEFORE INSERT ON jobs FOR EACH ROW
    WHEN (NEW.status NOT IN ('scheduled', 'queued', 'waiting')
          OR (NEW.status = 'waiting') IS DISTINCT FROM NEW.has_dependencies
          OR NEW.has_dependents
          OR NEW.worker_id IS NOT NULL
          OR NEW.attempt <> 0 OR NEW.published_at IS NOT NULL OR NEW.started_at IS NOT NULL
          OR NEW.finished_at IS NOT NULL OR NEW.result IS NOT NULL OR NEW.error IS NOT NULL)
    EXECUTE FUNCTION jobq_check_new_waiting();

-- At commit, a job inserted as waiting has its edges (jobq_link_deps) or was released.
CREATE FUNCTION jobq_check_waiting_linked() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.jobs j WHERE j.id OPERATOR(pg_catalog.=) NEW.id
                AND j.status OPERATOR(pg_catalog.=) 'waiting'::text)
       AND NOT EXISTS (SELECT 1 FROM public.job_deps d
                        WHERE d.job_id OPERATOR(pg_catalog.=) NEW.id) THEN
        RAISE EXCEPTION 'job % is waiting with no dependency: submit it with --after (jobq_link_deps)',
            NEW.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER jobs_waiting_linked AFTER INSERT ON jobs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status = 'waiting')
    EXECUTE FUNCTION jobq_check_waiting_linked();

-- ---------------------------------------------------------------- release
-- Queue the waiting jobs of ids that have no stripe left: their row locks first, in id
-- order, then the update in a statement of its own, which sees every stripe deletion
-- committed before it (see the top). A job whose run time is ahead is scheduled. The relay
-- publishes them (publish_after now); its wake-up is jobq_wake_relay's (0011): one NOTIFY per
-- transaction, by the transaction that holds jobq_wake's row.
CREATE FUNCTION jobq_deps_queue(ids uuid[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    nq integer;
BEGIN
    PERFORM 1 FROM public.jobs j WHERE j.id = ANY (ids) ORDER BY j.id FOR UPDATE;
    -- By primary key, one id at a time (t is materialized): with the status in the WHERE
    -- clause the planner may otherwise read every waiting job through jobs_status_created.
    WITH t AS MATERIALIZED (SELECT DISTINCT unnest(ids) AS id),
     q AS (
        UPDATE public.jobs j SET
            status = CASE WHEN j.run_after > now() THEN 'scheduled' ELSE 'queued' END,
            status_reason = 'dependencies done',
            publish_after = CASE WHEN j.run_after > now() THEN j.run_after ELSE now() END,
            updated_at = now()
        FROM t
        WHERE j.id = t.id AND j.status = 'waiting'
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

-- Lower the counters of the edges in (deps[k], jobs[k]) that were not counted yet, and queue
-- the jobs whose last stripe that empties.
-- Lock order: a dependent's jobs row before its stripes. The rows of the dependents whose
-- stripe this count may bring to 0 (remaining, read without a lock, at most what this
-- count takes off) are locked first, in id order, and only then the stripes, in (job,
-- stripe) order; a stripe that stays above 0 needs no row lock, so the many ends of one
-- fan-in do not queue on their dependent's row. A cancel or a finish thus never holds a
-- stripe while it waits for a row that a cancel of that dependent holds. What one order
-- cannot rule out in a graph whose ids are random: a job that both ends (its row locked by
-- the statement that ends it) and is a dependent of another end (in a diamond), and a
-- stripe that a concurrent end lowered between the read and the lock. The deadlock that
-- such overlapping graphs can meet is resolved by running again: the cancel
-- (jobq_cli_cancel), the submit's link (the CLI and libjobq) and the consumer's finish do.
CREATE FUNCTION jobq_deps_count(p_deps uuid[], p_jobs uuid[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    zj uuid[];
    zs smallint[];
    pj uuid[];
    ps smallint[];
    pn integer[];
BEGIN
    WITH mk AS (
        UPDATE public.job_deps d SET counted = true
        FROM unnest(p_deps, p_jobs) AS e(dep, job)
        WHERE d.dep_id = e.dep AND d.job_id = e.job AND NOT d.counted
        RETURNING d.job_id, d.stripe)
    SELECT array_agg(g.job_id ORDER BY g.job_id, g.stripe),
           array_agg(g.stripe ORDER BY g.job_id, g.stripe),
           array_agg(g.n ORDER BY g.job_id, g.stripe)
    INTO pj, ps, pn
    FROM (SELECT mk.job_id, mk.stripe, count(*)::integer AS n FROM mk GROUP BY 1, 2) g;
    IF pj IS NULL THEN
        RETURN 0;
    END IF;
    PERFORM 1 FROM public.jobs j
    WHERE j.id IN (SELECT p.job FROM unnest(pj, ps, pn) AS p(job, stripe, n)
                   JOIN public.job_deps_left s ON s.job_id = p.job AND s.stripe = p.stripe
                   WHERE s.remaining <= p.n)
    ORDER BY j.id FOR UPDATE;
    WITH per AS (SELECT p.job AS job_id, p.stripe, p.n FROM unnest(pj, ps, pn) AS p(job, stripe, n)),
     lk AS (SELECT s.job_id, s.stripe, per.n FROM public.job_deps_left s
            JOIN per ON per.job_id = s.job_id AND per.stripe = s.stripe
            ORDER BY s.job_id, s.stripe FOR UPDATE OF s),
     dec AS (UPDATE public.job_deps_left s SET remaining = s.remaining - lk.n FROM lk
             WHERE s.job_id = lk.job_id AND s.stripe = lk.stripe
             RETURNING s.job_id, s.stripe, s.remaining)
    SELECT array_agg(dec.job_id ORDER BY dec.job_id, dec.stripe),
           array_agg(dec.stripe ORDER BY dec.job_id, dec.stripe)
    INTO zj, zs FROM dec WHERE dec.remaining = 0;
    IF zj IS NULL THEN
        RETURN 0;
    END IF;
    DELETE FROM public.job_deps_left s USING unnest(zj, zs) AS z(job, stripe)
    WHERE s.job_id = z.job AND s.stripe = z.stripe AND s.remaining = 0;
    RETURN public.jobq_deps_queue(ARRAY(SELECT DISTINCT unnest(zj)));
END
$$;

-- The dependents of jobs that just ended (ended: ids with has_dependents whose status just
-- became succeeded, failed or cancelled), from the history trigger jobq_record_updates, in
-- the ending transaction. Every path that ends a job goes through it: a finish, a cancel, a
-- dead letter, a reconcile, a bulk cancel, the cascade below.
-- 1. The edges it completes are counted: after a success, every edge; after a failure or a
--    cancel, the --after-any edges.
-- 2. The waiting jobs that can no longer run, those after a failed or cancelled job by a
--    plain --after edge, and theirs in turn (not through --after-any edges), are found in
--    one recursive query over job_deps and cancelled in one statement, each with a reason
--    naming the dependency that ended it. That statement fires this function once more for
--    the cancelled jobs that have dependents, which finds no waiting job left after them
--    (all were cancelled with them) and only counts their --after-any edges: no trigger
--    recursion per generation, however long the chain.
-- The history trigger turns nested loops off for its own statement; these statements look
-- rows up by key, so the planner's default is restored for this function's duration.
CREATE FUNCTION jobq_deps_ended(ended uuid[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET enable_nestloop = on AS $$
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
    SELECT array_agg(d.dep_id ORDER BY d.job_id, d.dep_id),
           array_agg(d.job_id ORDER BY d.job_id, d.dep_id)
    INTO ed, ej
    FROM public.job_deps d JOIN public.jobs p ON p.id = d.dep_id
    WHERE d.dep_id = ANY (ended) AND NOT d.counted
      AND (p.status = 'succeeded'
           OR (d.any_end AND p.status IN ('failed', 'cancelled')));
    IF ed IS NOT NULL THEN
        PERFORM public.jobq_deps_count(ed, ej);
    END IF;

    -- Only a failure or a cancel cascades: most ends are successes, which stop here.
    SELECT array_agg(p.id), array_agg(p.status) INTO bad, bad_status
    FROM public.jobs p WHERE p.id = ANY (ended) AND p.status IN ('failed', 'cancelled');
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

-- As 0021's, plus the release: when a row of the statement has dependents, the jobs among
-- them that just ended go to jobq_deps_ended. A workload without dependencies pays one
-- boolean test per changed row.
CREATE OR REPLACE FUNCTION jobq_record_updates() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET enable_nestloop = off AS $$
DECLARE
    notified bigint;
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'public.jobs'::pg_catalog.regclass::pg_catalog.oid THEN
        RAISE EXCEPTION 'jobq_record_updates fires only on jobs, not on %', TG_RELID::regclass;
    END IF;
    -- A terminal event is always a status change (terminal is not running), so the rows
    -- the INSERT returns with a terminal state are exactly the jobs that just ended.
    WITH ev AS (
        INSERT INTO job_events (job_id, from_status, to_status, at, worker_id, attempt, reason)
        SELECT n.id, o.status, n.status,
               CASE WHEN n.status = 'running'::text THEN pg_catalog.clock_timestamp()
                    ELSE pg_catalog.now() END, COALESCE(n.worker_id, o.worker_id),
               n.attempt, n.status_reason
        FROM jobq_new n JOIN jobq_old o ON o.id = n.id
        WHERE n.status IS DISTINCT FROM o.status
           OR (n.status = 'running'::text AND n.attempt IS DISTINCT FROM o.attempt)
        ORDER BY n.id
        RETURNING job_id, to_status)
    SELECT pg_catalog.count(pg_catalog.pg_notify('jobq_done'::text, ev.job_id::text))
    INTO notified
    FROM ev
    WHERE ev.to_status IN ('succeeded'::text, 'failed'::text, 'cancelled'::text)
      AND EXISTS (SELECT 1 FROM job_waiters)
      AND EXISTS (SELECT 1 FROM job_waiters w WHERE w.job_id = ev.job_id);
    IF EXISTS (SELECT 1 FROM jobq_new n WHERE n.has_dependents) THEN
        PERFORM public.jobq_deps_ended(ARRAY(
            SELECT n.id FROM jobq_new n JOIN jobq_old o ON o.id = n.id
            WHERE n.has_dependents
              AND n.status IN ('succeeded'::text, 'failed'::text, 'cancelled'::text)
              AND o.status IS DISTINCT FROM n.status
            ORDER BY n.id));
    END IF;
    RETURN NULL;
END
$$;

-- ---------------------------------------------------------------- link (submit)
-- The edges of jobs just inserted as waiting (in this transaction: a waiting job with no
-- edge cannot be committed): edge k says jobs[k] runs after deps[k], with any_end[k] for
-- --after-any. At most 1,000,000 edges per call. Refused, with nothing saved: a job that is
-- not a new waiting one, a dependency that does not exist, a job after itself or after a
-- job that comes later in the call (jobs are numbered by their first edge, so a dependency
-- among them must have its first edge earlier: no cycle can be built), and a plain --after
-- on a job that already failed or was cancelled (it could never run). A dependency that has
-- ended counts as done at once.
-- Each dependency's state is read once, in one statement; their row locks (FOR NO KEY
-- UPDATE, in id order, setting has_dependents) are taken in the last statement, with a
-- lock_timeout: a dependency that ends meanwhile is either seen ended there (and its edges
-- counted here) or, waiting for this transaction, sees has_dependents and the committed
-- edges when its end runs jobq_deps_ended. Returns how many of the jobs were queued at once.
CREATE FUNCTION jobq_link_deps(p_jobs uuid[], p_deps uuid[], p_any boolean[]) RETURNS integer
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
    -- Jobs with every dependency done already.
    RETURN public.jobq_deps_queue(linked);
END
$$;

-- ---------------------------------------------------------------- cancel and retry
-- jobq cancel: as 0008's, and a waiting job is cancelled at once as a queued one is. Its
-- own dependents then follow through jobq_deps_ended. The write runs once more, in a
-- subtransaction of the caller's, when it is chosen as the victim of a deadlock (or of a
-- serialization failure): a cancel racing the end of another job of an overlapping graph
-- can meet one (see jobq_deps_count), and the rolled-back attempt left nothing behind.
-- This covers every caller: jobq cancel, bulk cancel, the SQL API's jobq_cancel.
CREATE OR REPLACE FUNCTION jobq_cli_cancel(ids uuid[], reason text)
    RETURNS TABLE (id uuid, status text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    rid uuid[];
    rst text[];
BEGIN
    FOR attempt IN 1 .. 2 LOOP
        BEGIN
            WITH cur AS (SELECT j.id, j.status FROM public.jobs j WHERE j.id = ANY (ids)
                         ORDER BY j.id FOR UPDATE),
             upd AS (
              UPDATE public.jobs j SET
               status = CASE WHEN cur.status IN ('waiting', 'scheduled', 'queued')
                        THEN 'cancelled' ELSE j.status END,
               status_reason = CASE WHEN cur.status IN ('waiting', 'scheduled', 'queued')
                               THEN 'cancelled before it started' ELSE j.status_reason END,
               finished_at = CASE WHEN cur.status IN ('waiting', 'scheduled', 'queued')
                             THEN now() ELSE j.finished_at END,
               cancel_requested_at = COALESCE(j.cancel_requested_at, now()),
               cancel_reason = COALESCE(j.cancel_reason, left(reason, 1000)),
               updated_at = now()
              FROM cur WHERE j.id = cur.id
               AND cur.status IN ('waiting', 'scheduled', 'queued', 'running')
              RETURNING j.id)
            SELECT array_agg(cur.id), array_agg(cur.status) INTO rid, rst FROM cur;
            EXIT;
        EXCEPTION WHEN deadlock_detected OR serialization_failure THEN
            IF attempt = 2 THEN
                RAISE;
            END IF;
        END;
    END LOOP;
    RETURN QUERY SELECT u.i, u.s FROM unnest(rid, rst) AS u(i, s);
END
$$;

-- True when job has a dependency that is not done: a plain --after one that has not
-- succeeded, or an --after-any one that has not ended.
CREATE FUNCTION jobq_deps_blocked(job uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
SELECT EXISTS (
  SELECT 1 FROM public.job_deps d JOIN public.jobs p ON p.id OPERATOR(pg_catalog.=) d.dep_id
  WHERE d.job_id OPERATOR(pg_catalog.=) $1
    AND CASE WHEN d.any_end
             THEN p.status NOT IN ('succeeded'::text, 'failed'::text, 'cancelled'::text)
             ELSE p.status OPERATOR(pg_catalog.<>) 'succeeded'::text END)
$$;

-- jobq retry: as 0010's, but a job with dependencies is requeued only when they are done:
-- every plain --after dependency succeeded, every --after-any one ended. Otherwise the row
-- comes back with its status and a NULL id, as for a job in another state, and
-- jobq_deps_blocked tells the two apart.
CREATE OR REPLACE FUNCTION jobq_cli_retry(job uuid, grace_ms bigint, reason text)
    RETURNS TABLE (status text, id uuid, queue text, type text, lease_token bigint)
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
WITH target AS (SELECT j.status FROM public.jobs j WHERE j.id = $1),
 requeued AS (
  UPDATE public.jobs SET status = 'queued'::text,
   status_reason = pg_catalog.left($3, 1000),
   attempt = 0, lease_token = jobs.lease_token OPERATOR(pg_catalog.+) 1::bigint,
   error = NULL, result = NULL, progress = NULL,
   started_at = NULL, finished_at = NULL,
   worker_id = NULL, heartbeat_at = NULL, lease_expires_at = NULL,
   cancel_requested_at = NULL, cancel_reason = NULL,
   run_after = pg_catalog.now(), published_at = NULL, updated_at = pg_catalog.now(),
   publish_after = pg_catalog.now() OPERATOR(pg_catalog.+) pg_catalog.make_interval(
       secs => ($2::float8 OPERATOR(pg_catalog./) 1000::float8))
  WHERE jobs.id = $1 AND jobs.status IN ('failed'::text, 'cancelled'::text)
    AND NOT (jobs.has_dependencies AND public.jobq_deps_blocked($1))
  RETURNING jobs.id, jobs.queue, jobs.type, jobs.lease_token)
SELECT t.status, r.id, r.queue, r.type, r.lease_token FROM target t LEFT JOIN requeued r ON true
$$;

REVOKE EXECUTE ON FUNCTION jobq_check_dep_columns(), jobq_check_new_waiting(),
    jobq_check_waiting_linked(), jobq_deps_queue(uuid[]), jobq_deps_count(uuid[], uuid[]),
    jobq_deps_ended(uuid[]), jobq_link_deps(uuid[], uuid[], boolean[]),
    jobq_deps_blocked(uuid) FROM PUBLIC;
