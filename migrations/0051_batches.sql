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
--   that concurrent ends of one batch do not queue on one row. An end lowers one stripe
--   with jobs left (the first free one from a place given by the job id's hash, SKIP
--   LOCKED; when every such stripe is locked it waits for one); a job leaving a finished
--   state (jobq retry) raises one. An end never locks another job nor the batch row. Only
--   the transaction whose end brings a stripe to 0 takes the batch row's lock, at its
--   commit (a deferred trigger, batch_left_zero), and then, in a new statement (a new
--   snapshot under READ COMMITTED: it sees every end committed while it waited), checks
--   that no stripe has jobs left and that no job of the batch is unfinished. The last of
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
    CHECK (on_complete_type IS NOT NULL OR on_success_type IS NOT NULL),
    CHECK ((on_complete_type IS NULL) = (on_complete_payload IS NULL)),
    CHECK ((on_success_type IS NULL) = (on_success_payload IS NULL)),
    -- the wrapper adds under 256 bytes of text (jobq_batch_complete)
    CHECK (octet_length(on_complete_payload::text) <= 4194304 - 256),
    CHECK (octet_length(on_success_payload::text) <= 4194304 - 256)
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
    zeroed_by xid8,   -- the transaction that last brought it to 0 (batch_left_zero)
    PRIMARY KEY (batch_id, stripe)
);

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
    k integer;
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
    k := least(64, n);
    INSERT INTO public.batch_left (batch_id, stripe, jobs_left)
    SELECT batch, s, n / k + CASE WHEN s < n % k THEN 1 ELSE 0 END
      FROM generate_series(0, k - 1) s;
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
-- under the batch row's lock, in statements of their own, no stripe has jobs left and no
-- job of the batch is unfinished; then its callback jobs are queued and completed_at set,
-- in the caller's transaction. A completed batch is left alone.
CREATE FUNCTION jobq_batch_complete(batch uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    b public.batches;
    ns bigint;
    nf bigint;
    nc bigint;
    nleft bigint;
    wrap jsonb;
    cj uuid;
    sj uuid;
BEGIN
    SELECT * INTO b FROM public.batches x
     WHERE x.id = batch AND x.sealed AND x.completed_at IS NULL FOR UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    PERFORM 1 FROM public.batch_left l WHERE l.batch_id = batch AND l.jobs_left > 0;
    IF FOUND THEN
        RETURN;
    END IF;
    SELECT count(*) FILTER (WHERE j.status = 'succeeded'),
           count(*) FILTER (WHERE j.status = 'failed'),
           count(*) FILTER (WHERE j.status = 'cancelled'),
           count(*) FILTER (WHERE j.status NOT IN ('succeeded', 'failed', 'cancelled'))
      INTO ns, nf, nc, nleft
      FROM public.jobs j WHERE j.batch_id = batch;
    IF nleft > 0 THEN
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
    UPDATE public.batches SET completed_at = now(), on_complete_job = cj, on_success_job = sj
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

-- jobs_batch_count: a job of a batch entering a finished state lowers one stripe of its
-- batch, one leaving it (a retry) raises one. See the head of this file.
CREATE FUNCTION jobq_batch_count() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    ended boolean := NEW.status IN ('succeeded', 'failed', 'cancelled');
    h integer := hashtext(NEW.id::text) & 63;
    st smallint;
BEGIN
    IF TG_RELID <> 'public.jobs'::regclass::oid THEN
        RAISE EXCEPTION 'jobq_batch_count fires only on jobs, not on %', TG_RELID::regclass;
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'job % of batch %: a job of a batch changes state only under READ COMMITTED (this transaction is %)',
            NEW.id, NEW.batch_id, current_setting('transaction_isolation')
            USING ERRCODE = '0A000';
    END IF;
    SELECT l.stripe INTO st FROM public.batch_left l
     WHERE l.batch_id = NEW.batch_id AND (l.jobs_left > 0 OR NOT ended)
     ORDER BY (l.stripe - h + 64) % 64 LIMIT 1 FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
        -- every stripe with jobs left is being lowered by another end: wait for one
        SELECT l.stripe INTO st FROM public.batch_left l
         WHERE l.batch_id = NEW.batch_id AND (l.jobs_left > 0 OR NOT ended)
         ORDER BY (l.stripe - h + 64) % 64 LIMIT 1 FOR UPDATE;
        IF NOT FOUND THEN
            RETURN NULL; -- a completed batch (no stripes): nothing to count
        END IF;
    END IF;
    -- a stripe brought to 0 queues batch_left_zero's check for the commit
    UPDATE public.batch_left
       SET jobs_left = jobs_left + CASE WHEN ended THEN -1 ELSE 1 END,
           zeroed_by = CASE WHEN ended AND jobs_left = 1 THEN pg_current_xact_id()
                            ELSE zeroed_by END
     WHERE batch_id = NEW.batch_id AND stripe = st;
    RETURN NULL;
END
$$;
CREATE TRIGGER jobs_batch_count AFTER UPDATE OF status ON jobs FOR EACH ROW
    WHEN (NEW.batch_id IS NOT NULL
          AND (OLD.status IN ('succeeded', 'failed', 'cancelled'))
              IS DISTINCT FROM (NEW.status IN ('succeeded', 'failed', 'cancelled')))
    EXECUTE FUNCTION jobq_batch_count();

-- batch_left_zero: the completion check of the stripes brought to 0, deferred to the commit
-- of the transaction that did it, when every end of that transaction has taken its stripe.
-- Checked at once, an end held the batch row's lock while a later end of the same
-- transaction (a consumer finishes several jobs in one statement, a cancel many) waited
-- for a stripe that another end held, which waited for the batch row: a deadlock. The
-- first firing in a transaction locks the rows of every batch whose stripe the transaction
-- brought to 0 (zeroed_by), in id order, so that two transactions ending the last jobs of
-- the same batches lock them in the same order; the later firings find them completed or
-- locked by their own transaction already.
CREATE FUNCTION jobq_batch_zero() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    bid uuid;
BEGIN
    IF TG_RELID <> 'public.batch_left'::regclass::oid THEN
        RAISE EXCEPTION 'jobq_batch_zero fires only on batch_left, not on %', TG_RELID::regclass;
    END IF;
    FOR bid IN SELECT b.id FROM public.batches b
                WHERE b.id IN (SELECT l.batch_id FROM public.batch_left l
                                WHERE l.zeroed_by = pg_current_xact_id() AND l.jobs_left = 0)
                  AND b.completed_at IS NULL
                ORDER BY b.id FOR UPDATE OF b LOOP
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
    jobq_batch_seal(uuid), jobq_batch_guard(), jobq_batch_complete(uuid), jobq_batch_count(),
    jobq_batch_zero() FROM PUBLIC;
