-- Cron schedules over a fall-back change of clocks (docs/scheduling.md "Time zones and DST").
--
-- 0015's jobq_cron_next fires a local time that occurs twice once, at its first occurrence.
-- That is right for a schedule with fixed hours (`30 1 * * *` must not run twice in a
-- night), but a schedule that fires every hour (its hour field covers all 24 hours: `*`,
-- `*/1`, `0-23`) then stops for the repeated hour of real time: `*/5 * * * *` skipped an
-- hour's worth of runs each autumn, and `0 * * * *` in Berlin fired at 02:00 CEST and then
-- at 03:00 CET, two hours apart. As cronie does for such jobs, an every-hour schedule now
-- also fires at the second occurrence of each of its repeated local times, so it keeps its
-- rhythm in real time. Fixed-hour schedules are unchanged.
--
-- The second occurrence of a local time l is `l AT TIME ZONE tz` (the server reads an
-- ambiguous local time as its later instant; 0015's jobq_cron_instant corrects that to the
-- first), when it differs from the first and reads back as l. Slots stay increasing: within
-- an hour, every first occurrence of its repeated local times comes before every second
-- one, and the second ones before the next hour's slots.
CREATE OR REPLACE FUNCTION jobq_cron_next(minutes integer[], hours integer[], days integer[],
                                          months integer[], weekdays integer[],
                                          days_any boolean, weekdays_any boolean, tz text,
                                          after timestamptz)
    RETURNS timestamptz
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d date := (after AT TIME ZONE tz)::date - 1;
    stop date := d + 9 * 366;
    ms integer[] := ARRAY(SELECT DISTINCT x FROM unnest(minutes) x ORDER BY x);
    hs integer[] := ARRAY(SELECT DISTINCT x FROM unnest(hours) x ORDER BY x);
    maxm integer := ms[cardinality(ms)];
    maxh integer := hs[cardinality(hs)];
    every_hour boolean := cardinality(hs) = 24;
    dom boolean;
    dow boolean;
    h integer;
    m integer;
    l timestamp;
    t timestamptz;
BEGIN
    WHILE d <= stop LOOP
        IF extract(month FROM d)::integer = ANY (months) THEN
            dom := extract(day FROM d)::integer = ANY (days);
            dow := extract(dow FROM d)::integer = ANY (weekdays);
            l := d + make_time(maxh, maxm, 0);
            IF (CASE WHEN days_any OR weekdays_any THEN dom AND dow ELSE dom OR dow END)
               AND (public.jobq_cron_instant(l, tz) > after
                    OR (every_hour AND (l AT TIME ZONE tz) > after)) THEN
                FOREACH h IN ARRAY hs LOOP
                    l := d + make_time(h, maxm, 0);
                    IF public.jobq_cron_instant(l, tz) > after THEN
                        FOREACH m IN ARRAY ms LOOP
                            t := public.jobq_cron_instant(d + make_time(h, m, 0), tz);
                            IF t > after THEN
                                RETURN t;
                            END IF;
                        END LOOP;
                    END IF;
                    -- an every-hour schedule: the second occurrences of this hour's slots
                    -- (none unless the hour repeats)
                    IF every_hour AND (l AT TIME ZONE tz) > after THEN
                        FOREACH m IN ARRAY ms LOOP
                            l := d + make_time(h, m, 0);
                            t := l AT TIME ZONE tz;
                            IF t > after AND (t AT TIME ZONE tz) = l
                               AND t <> public.jobq_cron_instant(l, tz) THEN
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
