-- The web console's role, jobq_web (jobq-web, docs/web.md and docs/security.md): it reads
-- what the console shows and changes jobs and queues only through the CLI's functions for
-- cancel, retry and queue pause/resume (SECURITY DEFINER, migrations 0008, 0010, 0017),
-- never by a write of its own. The rights are set by jobq_grant_web(), which this migration
-- runs once and `jobq migrate` runs again on every run (common/migrate.c), so that a role
-- created after the schema, or a function a later migration creates again, gets them.
-- Every right the role held is revoked first: a run also takes back what an older jobq
-- granted. Nothing happens while the role does not exist (scripts/stack and compose create
-- it; a deployment creates it as docs/web.md says).
CREATE FUNCTION jobq_grant_web() RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    f regprocedure;
    fname name;
    t text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_web') THEN
        RETURN;
    END IF;
    -- Every table and sequence of public: none but those below is for the console.
    FOR t IN SELECT c.oid::regclass::text FROM pg_class c
             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S', 'v')
    LOOP
        EXECUTE format('REVOKE ALL ON %s FROM jobq_web', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['jobs', 'job_events', 'workers', 'dead_letters', 'queues',
                             'limits', 'schedules', 'job_meta_pairs', 'job_deps',
                             'batches', 'batch_left']
    LOOP
        IF to_regclass('public.' || t) IS NOT NULL THEN
            EXECUTE format('GRANT SELECT ON public.%I TO jobq_web', t);
        END IF;
    END LOOP;
    FOR f, fname IN SELECT p.oid, p.proname FROM pg_proc p
                    WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'jobq\_%'
    LOOP
        EXECUTE format(CASE WHEN fname IN ('jobq_cli_cancel', 'jobq_cli_retry',
                                           'jobq_cli_queue_pause', 'jobq_cli_queue_resume')
                            THEN 'GRANT EXECUTE ON FUNCTION %s TO jobq_web'
                            ELSE 'REVOKE EXECUTE ON FUNCTION %s FROM jobq_web' END, f);
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION jobq_grant_web() FROM PUBLIC;
SELECT jobq_grant_web();
