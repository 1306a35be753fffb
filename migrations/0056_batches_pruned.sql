-- A batch goes with the last of its jobs (docs/workflows.md, "Batches with callbacks").
--
-- 0051 never deleted a batch: its row and its up to 64 stripes of batch_left stayed after
-- `jobq prune` and the consumers' retention (docs/configuration.md#retention) had deleted
-- every job of it, so that under a steady load of batches the two tables grew without end.
-- Now the statement that deletes a completed batch's last job deletes the batch too, with
-- its stripes, in the same transaction: whichever deletes jobs (prune, retention, an
-- operator's DELETE) keeps the batch as long as one of its jobs is kept, and no longer.
-- Its callback jobs are jobs of their own (no batch) and follow their own retention.
-- A batch that has not completed is kept even with no job left (its jobs can only be gone
-- by a hand-made DELETE, as the prune deletes finished jobs only, and a completion can no
-- longer come): `jobq batch status` still shows what it counted.
--
-- One statement-level trigger, as 0050's jobs_deps_deleted: a delete of jobs without a batch
-- pays a read of the deleted rows' batch_id. The batches are locked in id order (two
-- statements deleting the last jobs of the same batches wait, never in a cycle), then each
-- is deleted only if completed and with no job left, read in a new statement (jobs_batch,
-- 0051; a job of it retried meanwhile is not deleted by this statement, so it is still
-- there and keeps its batch). The deleting transaction must be READ COMMITTED, as jobq's
-- sessions are: under REPEATABLE READ two such deletes could each see the other's job.

CREATE FUNCTION jobq_batches_deleted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    gone uuid[];
BEGIN
    SELECT array_agg(DISTINCT g.batch_id ORDER BY g.batch_id) INTO gone
      FROM jobq_gone g WHERE g.batch_id IS NOT NULL;
    IF gone IS NULL THEN
        RETURN NULL;
    END IF;
    -- The locks first, then the check in a statement of its own: its snapshot (READ
    -- COMMITTED) sees the deletes committed while this one waited for a lock. Two
    -- statements deleting a batch's last two jobs at once (two consumers' retention
    -- rounds) each see the other's job until it commits; the one that locks the batch
    -- second sees it gone and deletes the batch.
    SELECT array_agg(b.id ORDER BY b.id) INTO gone
      FROM (SELECT b.id FROM public.batches b
             WHERE b.id = ANY (gone) AND b.completed_at IS NOT NULL
             ORDER BY b.id FOR UPDATE) b;
    IF gone IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT array_agg(b.id ORDER BY b.id) INTO gone
      FROM unnest(gone) AS b(id)
     WHERE NOT EXISTS (SELECT 1 FROM public.jobs j WHERE j.batch_id = b.id);
    IF gone IS NULL THEN
        RETURN NULL;
    END IF;
    DELETE FROM public.batch_left s WHERE s.batch_id = ANY (gone);
    DELETE FROM public.batches b WHERE b.id = ANY (gone);
    RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION jobq_batches_deleted() FROM PUBLIC;

CREATE TRIGGER jobs_batches_deleted AFTER DELETE ON jobs REFERENCING OLD TABLE AS jobq_gone
    FOR EACH STATEMENT EXECUTE FUNCTION jobq_batches_deleted();
