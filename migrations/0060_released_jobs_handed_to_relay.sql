-- The jobs an end releases go to the releasing consumer's relay, which publishes them
-- without taking them first. Found with bench/graph (a root, 9,998 jobs after it, a sink
-- after those; 2 consumers x 16): the root's end queued its 9,998 dependents, and a relay
-- then took them 500 at a time (an UPDATE of each row: publish_after pushed by the grace,
-- so that no other relay publishes it meanwhile), published them and marked them: three
-- writes of every released row (release, take, mark) where a submitted job has two (insert,
-- mark). The take was 0.5 s of the graph's 7.4 s of database time.
--
-- The consumer's write statement (common/store_lease.c, jobq_store_write_many_to) sets
-- jobq.release_grace_ms for its own transaction to its relay grace. When such a transaction
-- ends a job and queues its dependents, each released row that the relay's ordinary take
-- would take (queued now, priority 0, no concurrency key) gets publish_after = now() + the
-- grace instead of now(), as if a relay had taken it; the write statement returns that
-- instant for each end of a job with dependents (the same now(): one transaction), and the
-- consumer hands it to its own relay in memory (consumer_hand_released). The relay reads
-- those rows by their publish_after (jobs_plain_unpublished_queue), publishes them and marks
-- them, as it does the rows it takes (consumer/relay.c). If that consumer dies or drains
-- first, the grace runs out and any relay publishes them, as it does a dead submitter's
-- jobs. Other rows (a run time still ahead, priority or keyed jobs), and the releases of
-- other statements (the CLI's cancel, the SQL API, the reaper), are queued as before and wake
-- the relays on jobq_submitted. No notification carries the hand-off: NOTIFY serialises the
-- commits of the transactions that send one, and the releaser and its relay are one process.
--
-- The setting is honoured only for a session whose user owns jobs or is a member of
-- jobq_consumer (roles that may write publish_after themselves), and a grace between 100
-- ms and 60 s; any other session's releases are queued as before.
--
-- Precondition, as before: callers pass only jobs whose every counter is done (no stripe
-- left, and since migration 0061 no sole edge still open): jobq_deps_lower (the jobs an end
-- brought to 0) and jobq_link_deps (its jobs with neither).

CREATE OR REPLACE FUNCTION jobq_deps_queue(ids uuid[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    SET enable_seqscan = off SET enable_bitmapscan = off SET enable_hashjoin = off
    SET enable_mergejoin = off AS $$
DECLARE
    nq integer;
    nh integer;
    grace text := current_setting('jobq.release_grace_ms', true);
    hand_at timestamptz;
BEGIN
    -- The instant the handed rows are published by at the latest (NULL: none is handed).
    IF grace ~ '^[0-9]{1,9}$' AND grace::integer BETWEEN 100 AND 60000
       AND (pg_has_role(session_user,
                        (SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.jobs'::regclass),
                        'MEMBER')
            OR (EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = 'jobq_consumer')
                AND pg_has_role(session_user, 'jobq_consumer', 'MEMBER'))) THEN
        -- (the write statement returns the same expression)
        hand_at := now() + grace::integer * interval '1 millisecond';
    END IF;
    PERFORM 1 FROM public.jobs j WHERE j.id = ANY (ids) ORDER BY j.id FOR UPDATE;
    -- As 0057's, by primary key; a row handed to the releasing consumer's relay is
    -- published after hand_at by any other.
    WITH q AS (
        UPDATE public.jobs j SET
            status = CASE WHEN j.run_after > now() THEN 'scheduled' ELSE 'queued' END,
            status_reason = 'dependencies done',
            publish_after = CASE WHEN j.run_after > now() THEN j.run_after
                                 WHEN hand_at IS NOT NULL AND j.priority = 0
                                      AND j.concurrency_key IS NULL THEN hand_at
                                 ELSE now() END,
            updated_at = now()
        WHERE j.id = ANY (ids) AND (j.status = 'waiting') IS TRUE
          AND (SELECT s.job_id FROM public.job_deps_left s WHERE s.job_id = j.id LIMIT 1) IS NULL
        RETURNING j.status, j.publish_after)
    SELECT count(*), count(*) FILTER (WHERE q.status = 'queued' AND q.publish_after = hand_at)
    INTO nq, nh FROM q;
    IF nq > nh AND current_setting('jobq.woke', true) IS DISTINCT FROM 'on' THEN
        PERFORM set_config('jobq.woke', 'on', true);
        IF EXISTS (SELECT 1 FROM public.jobq_wake w FOR UPDATE SKIP LOCKED) THEN
            PERFORM pg_notify('jobq_submitted', '');
        END IF;
    END IF;
    RETURN nq;
END
$$;
