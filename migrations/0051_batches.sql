-- Batches with callbacks (docs/workflows.md, "Batches with callbacks"): `jobq submit --batch
-- FILE --on-complete TYPE [PAYLOAD] --on-success TYPE [PAYLOAD]`. A callback job is queued
-- exactly once, at the commit of the end that leaves no job of the batch unfinished
-- (succeeded, failed for good, cancelled); --on-success's only if every job succeeded.
--
-- - batches: one row per batch, written by jobq_batch_open (the submit's transaction opens
--   it), jobq_batch_seal (the same transaction counts its jobs) and jobq_batch_complete
--   (the completion). The callbacks' payloads carry a CHECK that leaves room for the
--   wrapper the callback job gets (the batch id and the largest counts), so that the
--   completion's insert can never trip the 4 MiB ceiling of migration 0009 and fail the
--   last job's end.
-- - jobs.batch_id: written by submit's own INSERT (a second UPDATE would write every job's
--   row twice). Only a batch the inserting transaction opened may be named
--   (jobs_batch_insert), and no UPDATE may change it (jobs_batch_update): the consumer's
--   UPDATE right on jobs cannot move a job into or out of a batch.
-- - batch_left: the count of the batch's unfinished jobs, split into up to 64 stripes, so
--   that concurrent ends of one batch do not queue on one row, with the tallies of its
--   ended jobs by state (succeeded, failed, cancelled). A job belongs to the stripe its id
--   hashes to (hashtext(id) & 63). An end lowers its stripe's jobs_left and raises the
--   tally of its state; a job leaving a finished state (jobq retry) does the opposite. The
--   counting runs once per statement, from the history trigger (jobq_record_updates, over
--   its transition tables): the statement's changes are summed per stripe and the stripes
--   locked in (batch, stripe) order, so that ends of many jobs of many batches in one
--   statement (a consumer's combined finish, a cancel) never wait in a cycle (two ends of
--   jobs of one stripe in different transactions wait for the first's commit). The tallies
--   live here, not in jobs: pruning finished jobs (retention, jobq prune) while the batch
--   runs cannot change its counts. An end never locks another job nor the batch row. Only
--   the transaction whose end brings a stripe to 0 takes the batch row's lock, at its
--   commit (a deferred trigger, batch_left_zero), and then, in a new statement (a new
--   snapshot under READ COMMITTED: it sees every end committed while it waited), checks
--   that no stripe has jobs left, and sums the tallies. The last of
--   two concurrent such ends always sees the other's stripe: whichever takes the batch
--   lock second waits for the first's commit. Hence the refusal of any other isolation
--   level: under REPEATABLE READ the check would read the transaction's first snapshot
--   and could miss the other end for good.

CREATE TABLE batches (
    id                  uuid PRIMARY KEY,
    created_at          timestamptz NOT NULL DEFAULT now(),
    total               integer NOT NULL DEFAULT 0 CHECK (total >= 0),
    on_complete_type    text CHECK (on_complete_type ~ '^[A-Za-z0-9_.:-]{1,64}$'),
    on_complete_payload jsonb,
    on_success_type     text CHECK (on_success_type ~ '^[A-Za-z0-9_.:-]{1,64}$'),
    on_success_payload  jsonb,
    callback_queue      text NOT NULL DEFAULT 'default'
                        CHECK (callback_queue ~ '^[A-Za-z0-9_.-]{1,64}$'
                               AND callback_queue !~ '\.express$'),
    opened_xact         xid8 NOT NULL,   -- the transaction that opened it (and alone fills it)
    sealed              boolean NOT NULL DEFAULT false, -- its jobs are counted: no new job
    completed_at        timestamptz,     -- when its last job ended and its callbacks were queued
    on_complete_job     uuid,            -- the callback jobs queued then (NULL: none)
    on_success_job      uuid,
    succeeded           integer,         -- the counts at completion (NULL until then)
    failed              integer,
    cancelled           integer,
    CHECK (on_complete_type IS NOT NULL OR on_success_type IS NOT NULL),
    CHECK ((on_complete_type IS NULL) = (on_complete_payload IS NULL)),
    CHECK ((on_success_type IS NULL) = (on_success_payload IS NULL))
    -- the payloads' sizes are checked once, in jobq_batch_open (the only writer of them): a
    -- CHECK here would rebuild their text form at every UPDATE (seal, completion)
);

-- No foreign key to batches: PostgreSQL checks one again when a row that the same
-- transaction updated before is updated once more (a second end on a stripe in one
-- statement), and that check's KEY SHARE lock on the batch row, taken in the middle of an
-- end, closed deadlock cycles with the completion's lock at commit. Only jobq_batch_seal
-- inserts rows, for the batch it holds.
CREATE TABLE batch_left (
    batch_id  uuid NOT NULL,
    stripe    smallint NOT NULL CHECK (stripe BETWEEN 0 AND 63),
    jobs_left integer NOT NULL CHECK (jobs_left >= 0),
    succeeded integer NOT NULL DEFAULT 0,   -- its jobs' ends by state, retries taken back
    failed    integer NOT NULL DEFAULT 0,
    cancelled integer NOT NULL DEFAULT 0,
    zeroed_by xid8,   -- the transaction that last brought it to 0 (batch_left_zero)
    PRIMARY KEY (batch_id, stripe)
);
-- jobq_batch_zero's search for the stripes its transaction brought to 0
CREATE INDEX batch_left_zeroed ON batch_left (zeroed_by) WHERE jobs_left = 0;

ALTER TABLE jobs ADD COLUMN batch_id uuid;
CREATE INDEX jobs_batch ON jobs (batch_id) WHERE batch_id IS NOT NULL;

-- Open a batch in the caller's transaction and return its id. Its jobs are then inserted
-- naming it (jobs.batch_id), and jobq_batch_seal counts them before the commit.
CREATE FUNCTION jobq_batch_open(on_complete_type text, on_complete_payload jsonb,
                                on_success_type text, on_success_payload jsonb,
                                callback_queue text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    bid uuid := gen_random_uuid();
BEGIN
    -- the wrapper adds under 256 bytes of text (jobq_batch_complete): a callback can never
    -- trip the 4 MiB ceiling of migration 0009 and fail the last job's end
    IF octet_length(on_complete_payload::text) > 4194304 - 256
       OR octet_length(on_success_payload::text) > 4194304 - 256 THEN
        RAISE EXCEPTION 'batch callback payload too large (at most % bytes of JSON text)',
            4194304 - 256 USING ERRCODE = '23514';
    END IF;
    INSERT INTO public.batches (id, on_complete_type, on_complete_payload, on_success_type,
                                on_success_payload, callback_queue, opened_xact)
    VALUES (bid, on_complete_type,
            CASE WHEN on_complete_type IS NOT NULL THEN coalesce(on_complete_payload, '{}') END,
            on_success_type,
            CASE WHEN on_success_type IS NOT NULL THEN coalesce(on_success_payload, '{}') END,
            coalesce(callback_queue, 'default'), pg_current_xact_id());
    RETURN bid;
END
$$;

-- Count the jobs the caller's transaction inserted into its batch and spread the count over
-- the stripes; from then on the batch takes no new job. A batch is never empty.
CREATE FUNCTION jobq_batch_seal(batch uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
BEGIN
    PERFORM 1 FROM public.batches b
     WHERE b.id = batch AND b.opened_xact = pg_current_xact_id() AND NOT b.sealed FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'batch %: not opened by this transaction, or sealed already', batch
            USING ERRCODE = '42501';
    END IF;
    SELECT count(*) INTO n FROM public.jobs j WHERE j.batch_id = batch;
    IF n = 0 THEN
        RAISE EXCEPTION 'batch %: a batch needs at least one job', batch USING ERRCODE = '22023';
    END IF;
    INSERT INTO public.batch_left (batch_id, stripe, jobs_left, succeeded, failed, cancelled)
    SELECT batch, hashtext(j.id::text) & 63,
           count(*) FILTER (WHERE j.status NOT IN ('succeeded', 'failed', 'cancelled')),
           count(*) FILTER (WHERE j.status = 'succeeded'),
           count(*) FILTER (WHERE j.status = 'failed'),
           count(*) FILTER (WHERE j.status = 'cancelled')
      FROM public.jobs j WHERE j.batch_id = batch
     GROUP BY 2 ORDER BY 2;
    UPDATE public.batches SET total = n, sealed = true WHERE id = batch;
    RETURN n;
END
$$;

-- jobs_batch_insert and jobs_batch_update: a job names only a batch its own transaction
-- opened and has not sealed, and keeps it for good.
CREATE FUNCTION jobq_batch_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_RELID <> 'public.jobs'::regclass::oid THEN
        RAISE EXCEPTION 'jobq_batch_guard fires only on jobs, not on %', TG_RELID::regclass;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'job %: its batch cannot change (% to %)', OLD.id, OLD.batch_id,
            NEW.batch_id USING ERRCODE = '42501';
    END IF;
    PERFORM 1 FROM public.batches b
     WHERE b.id = NEW.batch_id AND b.opened_xact = pg_current_xact_id() AND NOT b.sealed;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'job %: batch % was not opened by this transaction (or takes no more jobs)',
            NEW.id, NEW.batch_id USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER jobs_batch_insert BEFORE INSERT ON jobs FOR EACH ROW
    WHEN (NEW.batch_id IS NOT NULL) EXECUTE FUNCTION jobq_batch_guard();
CREATE TRIGGER jobs_batch_update BEFORE UPDATE OF batch_id ON jobs FOR EACH ROW
    WHEN (OLD.batch_id IS DISTINCT FROM NEW.batch_id) EXECUTE FUNCTION jobq_batch_guard();

-- The completion check of batch `batch`, called by the end that brought a stripe to 0:
-- under the batch row's lock (by primary key), in statements of their own, no stripe has
-- jobs left; then its callback jobs are queued with the stripes' tallies and completed_at
-- set, in the caller's transaction. A completed batch is left alone, except that the
-- stripes the caller brought to 0 (a retry that raced its completion, then ended) go.
CREATE FUNCTION jobq_batch_complete(batch uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    b public.batches;
    ns bigint;
    nf bigint;
    nc bigint;
    nleft bigint;
    nstripes bigint;
    wrap jsonb;
    cj uuid;
    sj uuid;
BEGIN
    SELECT * INTO b FROM public.batches x
     WHERE x.id = batch AND x.sealed AND x.completed_at IS NULL FOR UPDATE;
    IF NOT FOUND THEN
        DELETE FROM public.batch_left l
         WHERE l.batch_id = batch AND l.jobs_left = 0 AND l.zeroed_by = pg_current_xact_id()
           AND EXISTS (SELECT 1 FROM public.batches x
                        WHERE x.id = batch AND x.completed_at IS NOT NULL);
        RETURN;
    END IF;
    SELECT coalesce(sum(l.jobs_left), 0), coalesce(sum(l.succeeded), 0),
           coalesce(sum(l.failed), 0), coalesce(sum(l.cancelled), 0), count(*)
      INTO nleft, ns, nf, nc, nstripes
      FROM public.batch_left l WHERE l.batch_id = batch;
    IF nleft > 0 OR nstripes = 0 THEN
        RETURN;
    END IF;
    wrap := jsonb_build_object('batch', batch::text, 'total', b.total,
                               'counts', jsonb_build_object('succeeded', ns, 'failed', nf,
                                                            'cancelled', nc));
    IF b.on_complete_type IS NOT NULL THEN
        cj := gen_random_uuid();
        INSERT INTO public.jobs (id, type, payload, queue, max_attempts, run_after, status,
                                 status_reason, publish_after, job_metadata)
        VALUES (cj, b.on_complete_type, wrap || jsonb_build_object('payload', b.on_complete_payload),
                b.callback_queue, 3, now(), 'queued', format('batch %s completed', batch), now(),
                jsonb_build_object('batch', batch::text, 'callback', 'on_complete'));
    END IF;
    IF b.on_success_type IS NOT NULL AND nf = 0 AND nc = 0 THEN
        sj := gen_random_uuid();
        INSERT INTO public.jobs (id, type, payload, queue, max_attempts, run_after, status,
                                 status_reason, publish_after, job_metadata)
        VALUES (sj, b.on_success_type, wrap || jsonb_build_object('payload', b.on_success_payload),
                b.callback_queue, 3, now(), 'queued', format('batch %s succeeded', batch), now(),
                jsonb_build_object('batch', batch::text, 'callback', 'on_success'));
    END IF;
    UPDATE public.batches SET completed_at = now(), on_complete_job = cj, on_success_job = sj,
                              succeeded = ns, failed = nf, cancelled = nc
     WHERE id = batch;
    -- a completed batch counts no more (a retry of its jobs changes nothing): batch_left
    -- keeps the unfinished batches only, which batch_left_zero's search reads. A stripe
    -- that a retry racing this completion holds is left to it (waiting for it here could
    -- close a cycle with that transaction's own completion check).
    DELETE FROM public.batch_left l
     WHERE (l.batch_id, l.stripe) IN (SELECT x.batch_id, x.stripe FROM public.batch_left x
                                        WHERE x.batch_id = batch FOR UPDATE SKIP LOCKED);
END
$$;

-- The counting of a statement's changes to jobs of batches (from jobq_record_updates): row k
-- is job jobs[k] of batch batches[k] going from status olds[k] to news[k]. Each stripe's
-- change is summed, the stripes are locked in (batch, stripe) order and written once. A
-- stripe brought to 0 queues batch_left_zero's check for the commit. A completed batch has
-- no stripes: nothing to count.
CREATE FUNCTION jobq_batch_count(batches uuid[], jobs uuid[], olds text[], news text[])
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET enable_nestloop = on AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'job % of batch %: a job of a batch changes state only under READ COMMITTED (this transaction is %)',
            jobs[1], batches[1], current_setting('transaction_isolation')
            USING ERRCODE = '0A000';
    END IF;
    WITH e AS (
        SELECT x.b, (hashtext(x.j::text) & 63)::smallint AS s,
               (x.o IN ('succeeded', 'failed', 'cancelled'))::integer
                 - (x.n IN ('succeeded', 'failed', 'cancelled'))::integer AS dl,
               (x.n = 'succeeded')::integer - (x.o = 'succeeded')::integer AS ds,
               (x.n = 'failed')::integer - (x.o = 'failed')::integer AS df,
               (x.n = 'cancelled')::integer - (x.o = 'cancelled')::integer AS dc
          FROM unnest(batches, jobs, olds, news) AS x(b, j, o, n)),
     per AS (SELECT e.b, e.s, sum(e.dl)::integer AS dl, sum(e.ds)::integer AS ds,
                    sum(e.df)::integer AS df, sum(e.dc)::integer AS dc
               FROM e GROUP BY 1, 2),
     lk AS (SELECT l.batch_id, l.stripe, per.dl, per.ds, per.df, per.dc
              FROM public.batch_left l JOIN per ON per.b = l.batch_id AND per.s = l.stripe
             ORDER BY l.batch_id, l.stripe FOR UPDATE OF l)
    UPDATE public.batch_left l
       SET jobs_left = l.jobs_left + lk.dl, succeeded = l.succeeded + lk.ds,
           failed = l.failed + lk.df, cancelled = l.cancelled + lk.dc,
           zeroed_by = CASE WHEN l.jobs_left > 0 AND l.jobs_left + lk.dl = 0
                            THEN pg_current_xact_id() ELSE l.zeroed_by END
      FROM lk
     WHERE l.batch_id = lk.batch_id AND l.stripe = lk.stripe;
END
$$;

-- As 0050's, plus the batches' counting: the rows of the statement that name a batch and
-- whose status changed into, out of or between finished states go to jobq_batch_count. A
-- workload without batches pays one test per changed row.
CREATE OR REPLACE FUNCTION jobq_record_updates() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET enable_nestloop = off AS $$
DECLARE
    notified bigint;
    cb uuid[];
    cj uuid[];
    co text[];
    cn text[];
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
    IF EXISTS (SELECT 1 FROM jobq_new n WHERE n.batch_id IS NOT NULL) THEN
        SELECT array_agg(n.batch_id), array_agg(n.id), array_agg(o.status), array_agg(n.status)
          INTO cb, cj, co, cn
          FROM jobq_new n JOIN jobq_old o ON o.id = n.id
         WHERE n.batch_id IS NOT NULL AND n.status IS DISTINCT FROM o.status
           AND (n.status IN ('succeeded'::text, 'failed'::text, 'cancelled'::text)
                OR o.status IN ('succeeded'::text, 'failed'::text, 'cancelled'::text));
        IF cb IS NOT NULL THEN
            PERFORM public.jobq_batch_count(cb, cj, co, cn);
        END IF;
    END IF;
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

-- batch_left_zero: the completion check of the stripes brought to 0, deferred to the commit
-- of the transaction that did it, when every end of that transaction has taken its stripe.
-- Checked at once, an end held the batch row's lock while a later end of the same
-- transaction (a consumer finishes several jobs in one statement, a cancel many) waited
-- for a stripe that another end held, which waited for the batch row: a deadlock. The
-- first firing in a transaction locks the rows of every batch whose stripe the transaction
-- brought to 0 (zeroed_by, through the partial index batch_left_zeroed), by primary key in
-- id order, so that two transactions ending the last jobs of the same batches lock them in
-- the same order; the later firings find them completed or locked by their own
-- transaction already.
CREATE FUNCTION jobq_batch_zero() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    bid uuid;
BEGIN
    IF TG_RELID <> 'public.batch_left'::regclass::oid THEN
        RAISE EXCEPTION 'jobq_batch_zero fires only on batch_left, not on %', TG_RELID::regclass;
    END IF;
    -- batch_left_zeroed finds the stripes; each batch is then locked by primary key (in
    -- jobq_batch_complete), in id order
    FOR bid IN SELECT DISTINCT l.batch_id FROM public.batch_left l
                WHERE l.zeroed_by = pg_current_xact_id() AND l.jobs_left = 0
                ORDER BY 1 LOOP
        PERFORM public.jobq_batch_complete(bid);
    END LOOP;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER batch_left_zero AFTER UPDATE OF jobs_left ON batch_left
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.jobs_left = 0 AND OLD.jobs_left > 0)
    EXECUTE FUNCTION jobq_batch_zero();

REVOKE EXECUTE ON FUNCTION jobq_batch_open(text, jsonb, text, jsonb, text),
    jobq_batch_seal(uuid), jobq_batch_guard(), jobq_batch_complete(uuid),
    jobq_batch_count(uuid[], uuid[], text[], text[]),
    jobq_batch_zero() FROM PUBLIC;
