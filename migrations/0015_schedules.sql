-- Cron schedules (docs/scheduling.md, "Cron schedules"): a job of a given type on every slot
-- of a cron expression in a time zone, fired exactly once per slot by whichever consumer's
-- relay gets to it first.
--
-- - The CLI parses the expression (common/cron.c) and stores it as the sets of values of
--   its fields; the next slot is computed here, with the server's time zone database, so
--   that no process of jobq changes its own time zone (TZ is process-global and the consumer
--   is multithreaded).
-- - Local times a spring-forward change skips fire once, at the first instant after the gap
--   (as cronie does); a local time that a fall-back change makes occur twice fires once, at
--   its first occurrence (jobq_cron_instant).
-- - Firing (jobq_schedule_fire) takes due rows FOR UPDATE SKIP LOCKED, inserts each slot's
--   job with the key schedule:NAME:SLOT (SLOT in UTC, ISO 8601) and moves next_slot on, in
--   one transaction: a slot is fired by the transaction that moves past it, and a job that
--   exists for the key is never inserted twice.
-- - The CLI writes only through the jobq_cli_schedule_* functions (SECURITY DEFINER, fixed
--   search_path, schema-qualified tables) and reads the table; the consumer only calls
--   jobq_schedule_fire (`jobq migrate` grants both, common/migrate.c).

CREATE TABLE schedules (
    name          text PRIMARY KEY
                  CHECK (name ~ '^[A-Za-z0-9_.:-]{1,64}$'),
    expression    text NOT NULL CHECK (length(expression) BETWEEN 1 AND 200),
    minutes       integer[] NOT NULL CHECK (cardinality(minutes) > 0
                  AND 0 <= ALL (minutes) AND 59 >= ALL (minutes)),
    hours         integer[] NOT NULL CHECK (cardinality(hours) > 0
                  AND 0 <= ALL (hours) AND 23 >= ALL (hours)),
    days          integer[] NOT NULL CHECK (cardinality(days) > 0
                  AND 1 <= ALL (days) AND 31 >= ALL (days)),
    months        integer[] NOT NULL CHECK (cardinality(months) > 0
                  AND 1 <= ALL (months) AND 12 >= ALL (months)),
    weekdays      integer[] NOT NULL CHECK (cardinality(weekdays) > 0
                  AND 0 <= ALL (weekdays) AND 6 >= ALL (weekdays)),
    days_any      boolean NOT NULL,   -- the day-of-month field began with '*'
    weekdays_any  boolean NOT NULL,   -- the day-of-week field began with '*'
    tz            text NOT NULL,
    type          text NOT NULL,
    payload       jsonb NOT NULL DEFAULT '{}',
    queue         text NOT NULL DEFAULT 'default',
    max_attempts  integer NOT NULL DEFAULT 3 CHECK (max_attempts BETWEEN 1 AND 1000),
    catch_up      text NOT NULL DEFAULT 'none' CHECK (catch_up IN ('none', 'last', 'all')),
    paused        boolean NOT NULL DEFAULT false,
    next_slot     timestamptz,        -- NULL: no slot is left (never fires again)
    last_slot     timestamptz,        -- the last slot fired (or skipped by catch-up none)
    last_job_id   uuid,               -- the job of the last slot fired, if one was inserted
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
-- What every relay tick reads: the due, running schedules.
CREATE INDEX schedules_due ON schedules (next_slot) WHERE NOT paused;
REVOKE ALL ON schedules FROM PUBLIC;

-- The instant of local time l in zone tz. A time a spring-forward change skips is the
-- first instant after the gap (the server reads it with the offset before the change, an
-- instant as far past the gap as l is into it; the gap's end is found by bisection to the
-- second). A time that occurs twice is its first occurrence (the server reads the second:
-- the offset of a day earlier gives the first). Instants are nondecreasing in l, which
-- jobq_cron_next relies on.
CREATE FUNCTION jobq_cron_instant(l timestamp, tz text) RETURNS timestamptz
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t timestamptz := l AT TIME ZONE tz;
    seen timestamp := t AT TIME ZONE tz;
    lo timestamptz;
    hi timestamptz;
    mid timestamptz;
    e timestamptz;
BEGIN
    IF seen <> l THEN
        IF seen > l THEN
            lo := t - (seen - l);
            hi := t;
        ELSE
            lo := t;
            hi := t + (l - seen);
        END IF;
        -- local(lo) < l < local(hi): the gap's end is the first instant past lo whose
        -- local time is past l
        WHILE hi - lo > interval '1 second' LOOP
            mid := to_timestamp(floor((extract(epoch FROM lo) + extract(epoch FROM hi)) / 2));
            IF mid <= lo THEN
                EXIT;
            END IF;
            IF (mid AT TIME ZONE tz) > l THEN
                hi := mid;
            ELSE
                lo := mid;
            END IF;
        END LOOP;
        RETURN hi;
    END IF;
    e := l - ((t - interval '1 day') AT TIME ZONE tz - (t - interval '1 day') AT TIME ZONE 'UTC');
    IF e < t AND (e AT TIME ZONE tz) = l THEN
        RETURN e;
    END IF;
    RETURN t;
END
$$;

-- The first slot strictly after `after` of an expression (the sets of its fields, as
-- common/cron.c parses them) in zone tz, or NULL when none comes within nine years (an
-- expression the parser accepts has one within eight: 29 February with no weekday).
-- Day by day in local time; a day, then an hour, whose last slot is not after `after` is
-- skipped whole.
CREATE FUNCTION jobq_cron_next(minutes integer[], hours integer[], days integer[],
                               months integer[], weekdays integer[], days_any boolean,
                               weekdays_any boolean, tz text, after timestamptz)
    RETURNS timestamptz
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d date := (after AT TIME ZONE tz)::date - 1;
    stop date := d + 9 * 366;
    ms integer[] := ARRAY(SELECT DISTINCT x FROM unnest(minutes) x ORDER BY x);
    hs integer[] := ARRAY(SELECT DISTINCT x FROM unnest(hours) x ORDER BY x);
    maxm integer := ms[cardinality(ms)];
    maxh integer := hs[cardinality(hs)];
    dom boolean;
    dow boolean;
    h integer;
    m integer;
    t timestamptz;
BEGIN
    WHILE d <= stop LOOP
        IF extract(month FROM d)::integer = ANY (months) THEN
            dom := extract(day FROM d)::integer = ANY (days);
            dow := extract(dow FROM d)::integer = ANY (weekdays);
            IF (CASE WHEN days_any OR weekdays_any THEN dom AND dow ELSE dom OR dow END)
               AND public.jobq_cron_instant(d + make_time(maxh, maxm, 0), tz) > after THEN
                FOREACH h IN ARRAY hs LOOP
                    IF public.jobq_cron_instant(d + make_time(h, maxm, 0), tz) > after THEN
                        FOREACH m IN ARRAY ms LOOP
                            t := public.jobq_cron_instant(d + make_time(h, m, 0), tz);
                            IF t > after THEN
                                RETURN t;
                            END IF;
                        END LOOP;
                    END IF;
                END LOOP;
            END IF;
        END IF;
        d := d + 1;
    END LOOP;
    RETURN NULL;
END
$$;

-- The next slot of schedule s after `after`.
CREATE FUNCTION jobq_schedule_next(s public.schedules, after timestamptz) RETURNS timestamptz
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
SELECT public.jobq_cron_next(s.minutes, s.hours, s.days, s.months, s.weekdays, s.days_any,
                             s.weekdays_any, s.tz, after)
$$;

-- Insert the job of schedule s for `slot` (publish_after now: the relay publishes it at its
-- next round). `key` NULL: the slot's key schedule:NAME:SLOT. Returns the job's id, NULL
-- when a job of that key exists already (the slot was fired).
CREATE FUNCTION jobq_schedule_insert(s public.schedules, slot timestamptz, key text,
                                     reason text) RETURNS uuid
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    jid uuid;
BEGIN
    INSERT INTO public.jobs AS j (type, payload, queue, max_attempts, run_after, status,
                                  idempotency_key, status_reason, publish_after)
    VALUES (s.type, s.payload, s.queue, s.max_attempts, now(), 'queued',
            coalesce(key, 'schedule:' || s.name || ':' ||
                          to_char(slot AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
            reason, now())
    ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING j.id INTO jid;
    RETURN jid;
END
$$;

-- How late a slot may be fired under catch-up `none`: a slot older than this when a relay
-- first sees it is skipped (its consumers were all down, or the schedule was just resumed).
-- A relay looks every consumer.relay_interval (1 s by default).
CREATE FUNCTION jobq_schedule_tolerance() RETURNS interval
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
SELECT interval '60 seconds'
$$;

-- The latest slot of s not after `upto`, given that s.next_slot is not after it: windows
-- before `upto` that double in length until one holds a slot, then forward slot by slot.
CREATE FUNCTION jobq_schedule_latest(s public.schedules, upto timestamptz)
    RETURNS timestamptz
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    span interval := interval '1 minute';
    cand timestamptz;
    n timestamptz;
BEGIN
    LOOP
        cand := public.jobq_schedule_next(s, greatest(upto - span,
                                                      s.next_slot - interval '1 microsecond'));
        EXIT WHEN cand <= upto OR upto - span < s.next_slot;
        span := span * 2;
    END LOOP;
    IF cand IS NULL OR cand > upto THEN
        RETURN s.next_slot;
    END IF;
    LOOP
        n := public.jobq_schedule_next(s, cand);
        EXIT WHEN n IS NULL OR n > upto;
        cand := n;
    END LOOP;
    RETURN cand;
END
$$;

-- Fire the due slots of due, running schedules, at most `budget` jobs in all (at most 100
-- schedules a call), skipping schedules other sessions hold; one transaction, the
-- caller's. Catch-up all fires every missed slot in order (the rest at the next call);
-- last fires the latest missed slot; none fires the latest only if it is at most
-- jobq_schedule_tolerance() old. next_slot then moves past what was fired. Returns the
-- number of jobs inserted, and the schedules that could not fire with why (their work
-- undone, they stay due), '' when none.
CREATE FUNCTION jobq_schedule_fire(budget integer, OUT fired integer, OUT problems text)
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
    FOR s IN SELECT * FROM public.schedules
             WHERE NOT paused AND next_slot <= now()
             ORDER BY next_slot LIMIT 100 FOR UPDATE SKIP LOCKED LOOP
        EXIT WHEN left_ <= 0;
        -- One schedule that cannot fire (a job the table refuses) must not stop the
        -- others: its work is undone, it stays due, and the next call tries again.
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
                IF s.catch_up = 'last' OR now() - latest <= public.jobq_schedule_tolerance()
                THEN
                    due := ARRAY[latest];
                END IF;
                slot := public.jobq_schedule_next(s, greatest(latest, now()));
            END IF;
            FOREACH t IN ARRAY due LOOP
                jid := public.jobq_schedule_insert(s, t, NULL, 'schedule ' || s.name || ' fired');
                IF jid IS NOT NULL THEN
                    ins := ins + 1;
                    last_jid := jid;
                END IF;
            END LOOP;
            UPDATE public.schedules SET next_slot = slot, last_slot = latest,
                   last_job_id = last_jid, updated_at = now()
            WHERE name = s.name;
            fired := fired + ins;
            left_ := left_ - greatest(cardinality(due), 1);
        EXCEPTION WHEN OTHERS THEN
            failed := failed || format('schedule %s not fired: %s', s.name, SQLERRM);
        END;
    END LOOP;
    problems := array_to_string(failed, '; ');
END
$$;

-- A problem of a schedule's time zone, or NULL: one of the server's zone names.
CREATE FUNCTION jobq_schedule_tz_problem(tz text) RETURNS text
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z.name = $1) THEN NULL
            ELSE format('unknown time zone ''%s'' (use a name such as Europe/Berlin or UTC)',
                        public.jobq_clean($1, 80)) END
$$;

-- jobq schedule add: a new schedule, or (replace) one that takes the place of the schedule
-- of that name, its slots counted from now. The fields come parsed (common/cron.c); the
-- table's checks hold them to their ranges. Raises 22023 for an unknown zone, 23505
-- (unique_violation) for a name in use without replace. Returns the first slot.
CREATE FUNCTION jobq_cli_schedule_add(name text, expression text, minutes integer[],
                                      hours integer[], days integer[], months integer[],
                                      weekdays integer[], days_any boolean,
                                      weekdays_any boolean, tz text, type text, payload jsonb,
                                      queue text, max_attempts integer, catch_up text,
                                      replace boolean)
    RETURNS timestamptz
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    problem text := public.jobq_schedule_tz_problem(tz);
    first timestamptz;
BEGIN
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

-- jobq schedule rm: true when the schedule existed. Its jobs stay.
CREATE FUNCTION jobq_cli_schedule_rm(name text) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
WITH d AS (DELETE FROM public.schedules s WHERE s.name = $1 RETURNING 1)
SELECT EXISTS (SELECT 1 FROM d)
$$;

-- jobq schedule pause / resume: NULL for an unknown schedule, else its next slot. A resumed
-- schedule counts its slots from now: the slots of the pause are not caught up.
CREATE FUNCTION jobq_cli_schedule_pause(name text, pause boolean) RETURNS timestamptz
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s public.schedules;
BEGIN
    SELECT * INTO s FROM public.schedules x WHERE x.name = $1 FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF pause THEN
        UPDATE public.schedules x SET paused = true, updated_at = now() WHERE x.name = $1;
    ELSIF s.paused THEN
        UPDATE public.schedules x SET paused = false, updated_at = now(),
               next_slot = public.jobq_schedule_next(s, now())
        WHERE x.name = $1 RETURNING x.next_slot INTO s.next_slot;
    END IF;
    RETURN coalesce(s.next_slot, 'infinity');
END
$$;

-- jobq schedule run: the schedule's job now, with a key of its own (schedule:NAME:run:UUID),
-- next_slot unchanged (a paused schedule runs too). NULL for an unknown schedule. The
-- commit wakes the relays (channel jobq_submitted), which publish it.
CREATE FUNCTION jobq_cli_schedule_run(name text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s public.schedules;
    jid uuid;
BEGIN
    SELECT * INTO s FROM public.schedules x WHERE x.name = $1;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    jid := public.jobq_schedule_insert(s, now(),
                                       'schedule:' || s.name || ':run:' || gen_random_uuid(),
                                       'schedule ' || s.name || ' run by hand');
    PERFORM pg_notify('jobq_submitted', '');
    RETURN jid;
END
$$;

REVOKE EXECUTE ON FUNCTION jobq_cron_instant(timestamp, text),
    jobq_cron_next(integer[], integer[], integer[], integer[], integer[], boolean, boolean,
                   text, timestamptz),
    jobq_schedule_next(schedules, timestamptz),
    jobq_schedule_insert(schedules, timestamptz, text, text), jobq_schedule_tolerance(),
    jobq_schedule_latest(schedules, timestamptz), jobq_schedule_fire(integer),
    jobq_schedule_tz_problem(text),
    jobq_cli_schedule_add(text, text, integer[], integer[], integer[], integer[], integer[],
                          boolean, boolean, text, text, jsonb, text, integer, text, boolean),
    jobq_cli_schedule_rm(text), jobq_cli_schedule_pause(text, boolean),
    jobq_cli_schedule_run(text)
    FROM PUBLIC;
