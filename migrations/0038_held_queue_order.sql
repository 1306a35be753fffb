-- The relay's reads of held jobs per scope and queue (docs/scheduling.md "Concurrency and
-- rate limits", "Costs"). From review R7 (finding 2):
--
-- The due probe (HELD_GOES) and the limit release read a limited scope's held jobs in its
-- index's order with a filter: the job's queue runs and none of its other scopes is full.
-- A LIMIT 1 that no row passes reads the whole scope: 3,000 held jobs of a full queue and
-- 20,000 of a paused one made every probe and every release of every relay read 23,000
-- index tuples with nothing to release.
--
-- Now a type:T or key:K scope's queues with held jobs are walked first (a loose scan, one
-- index descent per queue), the paused queues and those whose queue:Q limit has no room
-- are left out, and only then is each remaining queue's part of the scope read, in
-- priority order. That read needs the scope's held jobs per queue in that order: the two
-- indexes of migration 0034 become (type or key, queue, priority DESC, created_at); their
-- first two columns still serve the loose scans (jobs_held_type_queue and
-- jobs_held_key_queue keep their names, and jobq_limit_held its plans).
DROP INDEX jobs_held_type_queue;
CREATE INDEX jobs_held_type_queue ON jobs (type, queue, priority DESC, created_at)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued')
      AND publish_after = 'infinity';
DROP INDEX jobs_held_key_queue;
CREATE INDEX jobs_held_key_queue ON jobs (concurrency_key, queue, priority DESC, created_at)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued')
      AND publish_after = 'infinity' AND concurrency_key IS NOT NULL;
