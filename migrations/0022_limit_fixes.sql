-- Fixes to concurrency limits (migration 0021) from their review (docs/scheduling.md,
-- "Concurrency and rate limits").
--
-- 1. The admission admits a job of a limited scope only if it is queued in the admission's
--    snapshot. The claim decides on the version of the row it locks, which may be newer: a
--    job that was scheduled (or failed) when the admission looked, and became queued (the
--    relay's take, `jobq retry`) while the claim waited for its row, was claimed without
--    taking room, so a limit of 1 could run 2. Now such a claim is refused and its delivery
--    held, and the release brings the job back when there is room. The candidates are also
--    taken in the order the comment of 0021 promised: highest priority first, then oldest
--    (0021 went by id).
-- 2. jobq_limited locks the limit rows it finds (FOR KEY SHARE, to the caller's commit), and
--    reads with a fresh snapshot (VOLATILE). A hold that decided "limited" before `jobq
--    limit rm` committed then finishes before rm frees the held rows, so rm frees it too; a
--    hold that starts after rm's commit sees no limit and does not hold. 0021's STABLE
--    version read the hold statement's own snapshot, and a hold racing rm left its job
--    queued, unpublished and due at 'infinity' with no limit to release it: stuck for good.
--    FOR KEY SHARE conflicts only with the admission's FOR UPDATE (claims of the scope, a
--    few milliseconds) and rm's DELETE.
-- 3. jobq_cli_limit_rm locks the rows it frees in id order, as every multi-row statement
--    on jobs does (docs/design.md §4), so it cannot deadlock with a claim batch.
CREATE OR REPLACE FUNCTION jobq_limit_admit(ids uuid[]) RETURNS uuid[]
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
DECLARE
    s record;
    c record;
    room jsonb := '{}';
    ok boolean;
    limited boolean;
    admitted uuid[] := '{}';
    sc text;
BEGIN
    FOR s IN SELECT l.scope, l.max_running FROM public.limits l
             WHERE l.max_running IS NOT NULL AND l.scope IN (
                 SELECT x FROM public.jobs j,
                     LATERAL (VALUES ('queue:' || j.queue), ('type:' || j.type),
                                     ('key:' || j.concurrency_key)) v(x)
                 WHERE j.id = ANY(ids) AND x IS NOT NULL)
             ORDER BY l.scope FOR UPDATE OF l
    LOOP
        room := room || jsonb_build_object(s.scope, s.max_running - (
            SELECT count(*) FROM public.jobs r
            WHERE r.status = 'running'
              AND s.scope IN ('queue:' || r.queue, 'type:' || r.type,
                              'key:' || r.concurrency_key)));
    END LOOP;
    FOR c IN SELECT d.* FROM (
                 SELECT DISTINCT ON (j.id) j.id, j.status, j.priority, j.created_at,
                        ARRAY['queue:' || j.queue, 'type:' || j.type,
                              'key:' || j.concurrency_key] AS scopes
                 FROM public.jobs j WHERE j.id = ANY(ids) ORDER BY j.id) d
             ORDER BY d.priority DESC, d.created_at, d.id
    LOOP
        ok := true;
        limited := false;
        FOREACH sc IN ARRAY c.scopes LOOP
            IF sc IS NOT NULL AND room ? sc THEN
                limited := true;
                IF (room ->> sc)::bigint <= 0 THEN
                    ok := false;
                END IF;
            END IF;
        END LOOP;
        IF limited AND c.status <> 'queued' THEN
            ok := false; -- see 1. above
        END IF;
        IF ok THEN
            admitted := admitted || c.id;
            IF limited THEN
                FOREACH sc IN ARRAY c.scopes LOOP
                    IF sc IS NOT NULL AND room ? sc THEN
                        room := jsonb_set(room, ARRAY[sc], to_jsonb((room ->> sc)::bigint - 1));
                    END IF;
                END LOOP;
            END IF;
        END IF;
    END LOOP;
    RETURN admitted;
END
$$;

CREATE OR REPLACE FUNCTION jobq_limited(q text, t text, k text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    SET jit = off AS $$
BEGIN
    PERFORM 1 FROM public.limits l WHERE l.max_running IS NOT NULL
        AND l.scope IN ('queue:' || q, 'type:' || t, 'key:' || k)
        ORDER BY l.scope FOR KEY SHARE OF l;
    RETURN FOUND;
END
$$;

CREATE OR REPLACE FUNCTION jobq_cli_limit_rm(sc text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    found_it boolean;
BEGIN
    DELETE FROM public.limits l WHERE l.scope OPERATOR(pg_catalog.=) sc;
    found_it := FOUND;
    WITH held AS (
        SELECT j.id FROM public.jobs j
        WHERE j.published_at IS NULL AND j.status IN ('scheduled', 'queued')
          AND j.publish_after OPERATOR(pg_catalog.=) 'infinity'::timestamptz
          AND NOT public.jobq_limited(j.queue, j.type, j.concurrency_key)
        ORDER BY j.id FOR UPDATE OF j)
    UPDATE public.jobs j SET publish_after = pg_catalog.now()
    FROM held WHERE j.id OPERATOR(pg_catalog.=) held.id;
    PERFORM pg_catalog.pg_notify('jobq_submitted'::text, ''::text);
    RETURN found_it;
END
$$;
