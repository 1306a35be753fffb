-- Cron schedules, second part (docs/scheduling.md, "Cron schedules"; the review of 0015):
--
-- - Exactly once per slot no longer rests on the job's idempotency key schedule:NAME:SLOT,
--   which any producer could take first (jobq_submit(..., key => ...)) and so block a slot.
--   A slot is fired when its row in schedule_slots is inserted, in the transaction that
--   inserts its job; ON CONFLICT DO NOTHING on that row decides. Only the fire function
--   (SECURITY DEFINER) writes the table: producers and consumers have no right on it, the
--   CLI reads it. A schedule's job has no idempotency key; its job_metadata names the
--   schedule and the slot ({"schedule": NAME, "slot": SLOT}), its status_reason says the same.
-- - A slot of catch-up none is fired if at most max(60 s, 2 x the caller's relay interval)
--   late (jobq_schedule_fire(budget, relay_interval)); the one-argument form, which a
--   consumer of the previous version calls, keeps 60 s.
-- - A schedule that fails to fire backs off (retry_at: 1 s, doubled per failure up to
--   5 minutes, cleared on success), and healthy schedules are taken first, so that many
--   failing schedules cannot fill every call's 100 rows.
-- - jobq_cli_schedule_add checks type, queue, payload and max_attempts as jobq_submit does
--   (jobq_job_problem), and the fire function checks each job so too (a schedule written
--   before this migration may hold what the checks refuse).

CREATE TABLE schedule_slots (
    name      text NOT NULL,          -- the schedule's name (the slots outlive its removal)
    slot      timestamptz NOT NULL,
    job_id    uuid,                   -- the slot's job (jobs may be pruned)
    fired_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, slot)
);
REVOKE ALL ON schedule_slots FROM PUBLIC;

ALTER TABLE schedules ADD COLUMN failures integer NOT NULL DEFAULT 0,
                      ADD COLUMN retry_at timestamptz;
COMMENT ON COLUMN schedules.failures IS 'fire attempts that failed in a row';
COMMENT ON COLUMN schedules.retry_at IS 'not fired again before this (NULL: not failing)';

-- Slots fired before this migration are known by their jobs' keys: a key of the fire
-- function's form on a job whose first event is the fire function's ("schedule NAME fired")
-- and whose slot is not after the job's creation (the function fires only due slots;
-- created_at is written by no role but the owner's functions).
DO $$
DECLARE
    r record;
    m text[];
    t timestamptz;
BEGIN
    FOR r IN SELECT j.id, j.idempotency_key AS k, j.created_at FROM public.jobs j
             WHERE j.idempotency_key LIKE 'schedule:%' LOOP
        m := regexp_match(r.k, '^schedule:([A-Za-z0-9_.:-]{1,64}):'
                               '([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)$');
        CONTINUE WHEN m IS NULL;
        BEGIN
            t := m[2]::timestamptz;
        EXCEPTION WHEN OTHERS THEN
            CONTINUE;
        END;
        IF t <= r.created_at AND EXISTS (
               SELECT 1 FROM public.job_events e
               WHERE e.job_id = r.id AND e.from_status IS NULL
                 AND e.reason = 'schedule ' || m[1] || ' fired') THEN
            INSERT INTO public.schedule_slots (name, slot, job_id, fired_at)
            VALUES (m[1], t, r.id, r.created_at) ON CONFLICT DO NOTHING;
        END IF;
    END LOOP;
END
$$;

-- A slot as the store prints it: UTC, ISO 8601.
CREATE FUNCTION jobq_slot_text(t timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

-- Insert the job `id` of schedule s, queued now (the relay publishes it at its next round),
-- without an idempotency key. slot NULL: a run by hand. The job is checked as jobq_submit
-- checks one (22023 with the one-line message). Returns id.
CREATE FUNCTION jobq_schedule_job(s public.schedules, id uuid, slot timestamptz, reason text)
    RETURNS uuid
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    problem text := public.jobq_job_problem(s.type, s.payload, s.queue, NULL, s.max_attempts,
                                            NULL, NULL, NULL);
BEGIN
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = problem;
    END IF;
    INSERT INTO public.jobs (id, type, payload, queue, max_attempts, run_after, status,
                             status_reason, publish_after, job_metadata)
    VALUES (id, s.type, s.payload, s.queue, s.max_attempts, now(), 'queued', reason, now(),
            jsonb_build_object('schedule', s.name)
            || CASE WHEN slot IS NULL THEN '{}'::jsonb
                    ELSE jsonb_build_object('slot', public.jobq_slot_text(slot)) END);
    RETURN id;
END
$$;

-- Fire `slot` of schedule s: its row in schedule_slots and its job, in the caller's
-- transaction. Returns the job's id, NULL when the slot was fired already (its row exists).
CREATE FUNCTION jobq_schedule_fire_slot(s public.schedules, slot timestamptz) RETURNS uuid
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    jid uuid := gen_random_uuid();
BEGIN
    INSERT INTO public.schedule_slots (name, slot, job_id) VALUES (s.name, slot, jid)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    RETURN public.jobq_schedule_job(s, jid, slot, format('schedule %s fired (slot %s)', s.name,
                                                         public.jobq_slot_text(slot)));
END
$$;

-- How late a slot may be fired under catch-up `none`: 60 s, or twice the relay interval of
-- the caller when that is longer (a relay looks every consumer.relay_interval, and one
-- busy publishing looks later still).
CREATE FUNCTION jobq_schedule_tolerance(relay_interval interval) RETURNS interval
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
SELECT greatest(interval '60 seconds', 2 * coalesce(relay_interval, interval '0'))
$$;

-- Fire the due slots of due, running schedules, at most `budget` jobs in all (at most 100
-- schedules a call), skipping schedules other sessions hold; one transaction, the
-- caller's. Schedules not failing come first, and a failing one waits for its retry_at.
-- Catch-up all fires every missed slot in order (the rest at the next call); last fires
-- the latest missed slot; none fires the latest only if it is at most
-- jobq_schedule_tolerance(relay_interval) old. next_slot then moves past what was fired.
-- Returns the number of jobs inserted, and the schedules that could not fire with why
-- (their work undone, they stay due and back off), '' when none.
CREATE FUNCTION jobq_schedule_fire(budget integer, relay_interval interval,
                                   OUT fired integer, OUT problems text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s public.schedules;
    due timestamptz[];     -- the slots of s to fire now, in order
    slot timestamptz;      -- s's next slot after them
    latest timestamptz;
    t timestamptz;
    jid uuid;
    last_jid uuid;
    ins integer;           -- s's jobs inserted: counted in once its work is done
    left_ integer := least(greatest(coalesce(budget, 0), 0), 10000);
    failed text[] := '{}';
BEGIN
    fired := 0;
    FOR s IN SELECT * FROM public.schedules x
             WHERE NOT x.paused AND x.next_slot <= now()
               AND (x.retry_at IS NULL OR x.retry_at <= now())
             ORDER BY x.retry_at IS NOT NULL, x.next_slot LIMIT 100
             FOR UPDATE SKIP LOCKED LOOP
        EXIT WHEN left_ <= 0;
        -- One schedule that cannot fire (a job the checks or the table refuse) must not
        -- stop the others: its work is undone, it stays due and backs off.
        BEGIN
            due := '{}';
            ins := 0;
            last_jid := s.last_job_id;
            IF s.catch_up = 'all' THEN
                slot := s.next_slot;
                WHILE slot IS NOT NULL AND slot <= now() AND cardinality(due) < left_ LOOP
                    due := due || slot;
                    slot := public.jobq_schedule_next(s, slot);
                END LOOP;
                latest := due[cardinality(due)];
            ELSE
                latest := public.jobq_schedule_latest(s, now());
                IF s.catch_up = 'last'
                   OR now() - latest <= public.jobq_schedule_tolerance(relay_interval) THEN
                    due := ARRAY[latest];
                END IF;
                slot := public.jobq_schedule_next(s, greatest(latest, now()));
            END IF;
            FOREACH t IN ARRAY due LOOP
                jid := public.jobq_schedule_fire_slot(s, t);
                IF jid IS NOT NULL THEN
                    ins := ins + 1;
                    last_jid := jid;
                END IF;
            END LOOP;
            UPDATE public.schedules x SET next_slot = slot, last_slot = latest,
                   last_job_id = last_jid, failures = 0, retry_at = NULL, updated_at = now()
            WHERE x.name = s.name;
            fired := fired + ins;
            left_ := left_ - greatest(cardinality(due), 1);
        EXCEPTION WHEN OTHERS THEN
            failed := failed || format('schedule %s not fired: %s', s.name, SQLERRM);
            UPDATE public.schedules x SET failures = x.failures + 1, updated_at = now(),
                   retry_at = now() + least(interval '5 minutes',
                                            interval '1 second' * power(2, least(x.failures, 9)))
            WHERE x.name = s.name;
        END;
    END LOOP;
    problems := array_to_string(failed, '; ');
END
$$;

-- The form a consumer of the previous version calls: the 60 s tolerance.
CREATE OR REPLACE FUNCTION jobq_schedule_fire(budget integer, OUT fired integer,
                                              OUT problems text)
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
SELECT f.fired, f.problems FROM public.jobq_schedule_fire($1, NULL::interval) f
$$;

-- jobq schedule add, as in 0015, with the checks of jobq_submit (jobq_job_problem) and of
-- the name and catch-up: 22023 with a one-line message.
CREATE OR REPLACE FUNCTION jobq_cli_schedule_add(name text, expression text,
                                                 minutes integer[], hours integer[],
                                                 days integer[], months integer[],
                                                 weekdays integer[], days_any boolean,
                                                 weekdays_any boolean, tz text, type text,
                                                 payload jsonb, queue text,
                                                 max_attempts integer, catch_up text,
                                                 replace boolean)
    RETURNS timestamptz
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    problem text;
    first timestamptz;
BEGIN
    problem := CASE
        WHEN $1 IS NULL OR $1 !~ '^[A-Za-z0-9_.:-]{1,64}$' THEN
            format('schedule name ''%s'' is invalid (1-64 characters of A-Z a-z 0-9 _ . : -)',
                   public.jobq_clean($1, 80))
        WHEN $15 IS NOT NULL AND $15 NOT IN ('none', 'last', 'all') THEN
            format('catch-up ''%s'' is not none, last or all', public.jobq_clean($15, 40))
        END;
    problem := coalesce(problem, public.jobq_schedule_tz_problem(tz),
                        public.jobq_job_problem($11, coalesce($12, '{}'::jsonb),
                                                coalesce($13, 'default'), NULL, $14, NULL,
                                                NULL, NULL));
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = problem;
    END IF;
    first := public.jobq_cron_next(minutes, hours, days, months, weekdays, days_any,
                                   weekdays_any, tz, now());
    IF replace THEN
        DELETE FROM public.schedules s WHERE s.name = $1;
    ELSIF EXISTS (SELECT 1 FROM public.schedules s WHERE s.name = $1) THEN
        RAISE EXCEPTION USING ERRCODE = 'unique_violation',
            MESSAGE = format('schedule ''%s'' exists (remove it first, or add --replace)',
                             public.jobq_clean($1, 80));
    END IF;
    INSERT INTO public.schedules (name, expression, minutes, hours, days, months, weekdays,
                                  days_any, weekdays_any, tz, type, payload, queue,
                                  max_attempts, catch_up, next_slot)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12, '{}'::jsonb),
            coalesce($13, 'default'), coalesce($14, 3), coalesce($15, 'none'), first);
    RETURN first;
END
$$;

-- jobq schedule run: the schedule's job now, without a key (its job_metadata names the
-- schedule), next_slot unchanged (a paused schedule runs too). NULL for an unknown
-- schedule. The commit wakes the relays (channel jobq_submitted), which publish it.
CREATE OR REPLACE FUNCTION jobq_cli_schedule_run(name text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s public.schedules;
    jid uuid;
BEGIN
    SELECT * INTO s FROM public.schedules x WHERE x.name = $1;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    jid := public.jobq_schedule_job(s, gen_random_uuid(), NULL,
                                    'schedule ' || s.name || ' run by hand');
    PERFORM pg_notify('jobq_submitted', '');
    RETURN jid;
END
$$;

DROP FUNCTION jobq_schedule_insert(schedules, timestamptz, text, text);

REVOKE EXECUTE ON FUNCTION jobq_slot_text(timestamptz),
    jobq_schedule_job(schedules, uuid, timestamptz, text),
    jobq_schedule_fire_slot(schedules, timestamptz), jobq_schedule_tolerance(interval),
    jobq_schedule_fire(integer, interval), jobq_schedule_fire(integer)
    FROM PUBLIC;
