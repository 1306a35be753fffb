-- The cancel's retries after a deadlock (jobq_cli_cancel, 0050) wait first: up to two more
-- attempts, 100 to 200 ms, then 200 to 400 ms later (jittered).
-- Seen in CI (test_dependencies, "a cancel in a deadlock exits 0"): the cancel of J1 held
-- J1's row and waited for a stripe another session held, which then asked for J1's row;
-- the cancel was the victim. Its retry ran at once and locked J1's row again before the
-- other session, woken by the rollback, had taken it (a row whose locker aborted is free to
-- whoever comes first), then waited for the stripe again: the same deadlock, the cancel
-- its victim once more, and `jobq cancel` failed with 40P01. A short, jittered wait lets
-- the other session take the row and finish first; a third attempt, after a longer wait,
-- covers a slow one. That makes a lost cancel unlikely, not impossible: past the third,
-- the 40P01 reaches the caller. Three attempts, each after a deadlock_timeout (1 s) of
-- waiting, stay within the web console's 5 s statement limit.
CREATE OR REPLACE FUNCTION jobq_cli_cancel(ids uuid[], reason text)
    RETURNS TABLE (id uuid, status text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    rid uuid[];
    rst text[];
BEGIN
    FOR attempt IN 1 .. 3 LOOP
        IF attempt > 1 THEN
            PERFORM pg_sleep(0.1 * (attempt - 1) * (1 + random()));
        END IF;
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
            IF attempt = 3 THEN
                RAISE;
            END IF;
        END;
    END LOOP;
    RETURN QUERY SELECT u.i, u.s FROM unnest(rid, rst) AS u(i, s);
END
$$;
