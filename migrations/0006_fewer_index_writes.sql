-- Fewer index entries written per job. Every version of a jobs row that is not a HOT
-- update (a claim, a finish, the mark as published: they change indexed columns) adds an
-- entry to every index whose predicate it matches, and each job's history adds three
-- job_events rows.
--
-- - The idempotency key's unique index holds only the rows that have a key. The full
--   UNIQUE constraint also indexed the NULL of every other job, four entries per job for
--   nothing. Submit names the predicate in ON CONFLICT, which both indexes satisfy.
-- - job_events is read and deleted by job (history, prune, the delete trigger), in id
--   order: (job_id, id) is its primary key, and the index on id alone goes.
--
-- Both rebuild an index: on a large table, run it in a quiet moment.

ALTER TABLE jobs DROP CONSTRAINT jobs_idempotency_key_key;
CREATE UNIQUE INDEX jobs_idempotency_key ON jobs (idempotency_key)
    WHERE idempotency_key IS NOT NULL;

ALTER TABLE job_events DROP CONSTRAINT job_events_pkey;
DROP INDEX job_events_job;
ALTER TABLE job_events ADD PRIMARY KEY (job_id, id);
