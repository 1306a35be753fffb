-- The cost of a scope's held-jobs look-up (docs/scheduling.md "Concurrency and rate limits",
-- "Costs"). From the review of the limit rooms (R6, finding 1):
--
-- jobq_limit_held (migration 0029) asked for the first held job of a type or key scope in
-- its index's order, with the paused queues as a filter in the same query. With one limited
-- type holding most held jobs (200,000), a worker's generic plan estimated one row, read
-- every held row through another index and sorted them: 76 to 86 ms a call, on every relay
-- probe, limit or keyed release and finish of a job of that type. Even in index order, the
-- filter walked every held job of the scope sitting in a paused queue.
--
-- Now the indexed query has no filter outside the index's predicate (the first row of the
-- scope, read as its index's order), and only when that row's queue is paused are the
-- scope's queues walked, one index probe per queue (a loose scan of the two indexes below),
-- until one that runs. The paused queues are read only then.
--
-- From the same review (finding 7): a released job whose delivery is refused is held again
-- (publish_after 'infinity'), and kept status_reason 'released', so it stayed in the indexes
-- of released jobs that every flight count walks (jobq_limit_busy), filtered out row by row:
-- 100,000 such rows of one type made each count of that type cost 26 to 41 ms. Those
-- indexes now hold only rows that are not held (publish_after < 'infinity', as every job in
-- flight is), and the counts say so; the hold (common/store_queue.c) now also sets the
-- reason 'held: limit'.
CREATE INDEX jobs_held_type_queue ON jobs (type, queue)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued')
      AND publish_after = 'infinity';
CREATE INDEX jobs_held_key_queue ON jobs (concurrency_key, queue)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued')
      AND publish_after = 'infinity' AND concurrency_key IS NOT NULL;

CREATE OR REPLACE FUNCTION jobq_limit_held(sc text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
DECLARE
    v text := substr(sc, strpos(sc, ':') + 1);
    q text;
    paused text[];
BEGIN
    IF sc LIKE 'queue:%' THEN
        IF EXISTS (SELECT 1 FROM public.queues p WHERE p.name = v AND p.paused_at IS NOT NULL)
        THEN
            RETURN false;
        END IF;
        RETURN (SELECT true FROM public.jobs h WHERE h.queue = v
                       AND h.published_at IS NULL AND h.status IN ('scheduled', 'queued')
                       AND h.publish_after = 'infinity'
                       ORDER BY h.queue, h.priority DESC, h.created_at LIMIT 1) IS NOT NULL;
    ELSIF sc LIKE 'type:%' THEN
        SELECT h.queue INTO q FROM public.jobs h WHERE h.type = v
            AND h.published_at IS NULL AND h.status IN ('scheduled', 'queued')
            AND h.publish_after = 'infinity'
            ORDER BY h.type, h.priority DESC, h.created_at LIMIT 1;
    ELSE
        SELECT h.queue INTO q FROM public.jobs h WHERE h.concurrency_key = v
            AND h.published_at IS NULL AND h.status IN ('scheduled', 'queued')
            AND h.publish_after = 'infinity'
            ORDER BY h.concurrency_key, h.priority DESC, h.created_at LIMIT 1;
    END IF;
    IF q IS NULL THEN
        RETURN false;
    END IF;
    paused := ARRAY(SELECT p.name FROM public.queues p WHERE p.paused_at IS NOT NULL);
    IF q <> ALL (paused) THEN
        RETURN true;
    END IF;
    -- The first held job is in a paused queue: the scope's other queues, in name order.
    q := '';
    LOOP
        IF sc LIKE 'type:%' THEN
            SELECT h.queue INTO q FROM public.jobs h WHERE h.type = v AND h.queue > q
                AND h.published_at IS NULL AND h.status IN ('scheduled', 'queued')
                AND h.publish_after = 'infinity'
                ORDER BY h.type, h.queue LIMIT 1;
        ELSE
            SELECT h.queue INTO q FROM public.jobs h WHERE h.concurrency_key = v
                AND h.queue > q
                AND h.published_at IS NULL AND h.status IN ('scheduled', 'queued')
                AND h.publish_after = 'infinity' AND h.concurrency_key IS NOT NULL
                ORDER BY h.concurrency_key, h.queue LIMIT 1;
        END IF;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        IF q <> ALL (paused) THEN
            RETURN true;
        END IF;
    END LOOP;
END
$$;

DROP INDEX jobs_released_queue;
DROP INDEX jobs_released_type;
DROP INDEX jobs_released_key;
CREATE INDEX jobs_released_queue ON jobs (queue)
    WHERE status = 'queued' AND status_reason = 'released' AND publish_after < 'infinity';
CREATE INDEX jobs_released_type ON jobs (type)
    WHERE status = 'queued' AND status_reason = 'released' AND publish_after < 'infinity';
CREATE INDEX jobs_released_key ON jobs (concurrency_key)
    WHERE status = 'queued' AND status_reason = 'released' AND publish_after < 'infinity'
      AND concurrency_key IS NOT NULL;

-- Scope sc's running jobs (when counted) and jobs in flight (0029), through its kind's
-- indexes; in flight never counts a held row (publish_after 'infinity').
CREATE OR REPLACE FUNCTION jobq_limit_busy(sc text, count_running boolean, OUT running bigint,
                                           OUT flight bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
DECLARE
    v text := substr(sc, strpos(sc, ':') + 1);
    paused text[] := ARRAY(SELECT q.name FROM public.queues q WHERE q.paused_at IS NOT NULL);
BEGIN
    running := 0;
    IF sc LIKE 'queue:%' THEN
        SELECT count(*) INTO running FROM public.jobs r
        WHERE count_running AND r.status = 'running' AND r.queue = v;
        SELECT count(*) INTO flight FROM public.jobs r
        WHERE r.status = 'queued' AND r.status_reason = 'released'
          AND r.publish_after < 'infinity' AND r.queue = v
          AND public.jobq_limit_flying(r.published_at, r.publish_after,
                                       r.concurrency_key IS NOT NULL, r.queue, paused);
    ELSIF sc LIKE 'type:%' THEN
        SELECT count(*) INTO running FROM public.jobs r
        WHERE count_running AND r.status = 'running' AND r.type = v;
        SELECT count(*) INTO flight FROM public.jobs r
        WHERE r.status = 'queued' AND r.status_reason = 'released'
          AND r.publish_after < 'infinity' AND r.type = v
          AND public.jobq_limit_flying(r.published_at, r.publish_after,
                                       r.concurrency_key IS NOT NULL, r.queue, paused);
    ELSE
        SELECT count(*) INTO running FROM public.jobs r
        WHERE count_running AND r.status = 'running' AND r.concurrency_key = v;
        SELECT count(*) INTO flight FROM public.jobs r
        WHERE r.status = 'queued' AND r.status_reason = 'released'
          AND r.publish_after < 'infinity' AND r.concurrency_key = v
          AND public.jobq_limit_flying(r.published_at, r.publish_after, true, r.queue, paused);
    END IF;
END
$$;

REVOKE EXECUTE ON FUNCTION jobq_limit_held(text), jobq_limit_busy(text, boolean) FROM PUBLIC;
