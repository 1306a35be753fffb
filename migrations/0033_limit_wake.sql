-- 0033: a finish's wake reads held jobs through their scope's index.
--
-- A finish of a job in a concurrency-limited scope wakes the relays when that scope has held
-- jobs (jobq_limit_wake, migration 0023), so the next one is released at once. Its test
-- matched every held job's three scopes against the limit's, which no index serves: with
-- 50,000 jobs held in another scope, each such finish walked all of them. It now asks
-- jobq_limit_held (migration 0029), which reads only that scope's kind of index and skips
-- paused queues, as the limit release does. The finish statement (common/store_lease.c)
-- calls it only for jobs in a concurrency-limited scope.
CREATE OR REPLACE FUNCTION jobq_limit_wake(ids uuid[]) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
BEGIN
    PERFORM 1 FROM public.jobs j, public.limits l
    WHERE j.id = ANY(ids) AND l.max_running IS NOT NULL
      AND l.scope IN ('queue:' || j.queue, 'type:' || j.type, 'key:' || j.concurrency_key)
      AND public.jobq_limit_held(l.scope)
    LIMIT 1;
    IF FOUND THEN
        PERFORM pg_notify('jobq_submitted', '');
    END IF;
    RETURN FOUND;
END
$$;
