-- The limit release reads a type:T's or key:K's held jobs queue by queue (HELD_READ in
-- common/store_relay_sql.h: scope value and queue equal, highest priority first, then
-- oldest), and the relay's session plans no avoidable sort (0049, common/store.c). 0034's
-- indexes give the scope and the queue but not that order, so without a sort the planner
-- had to read the scope's held jobs of every queue in order through jobs_held_type or
-- jobs_held_key and filter the queue: the held jobs of a paused queue (which the walk
-- leaves out by name) read again for every running queue of the scope on every pass. These
-- indexes give both, scope and queue, then the order: a queue's read is one descent. Their
-- first two columns serve the loose scans of a scope's queues (HELD_WALK, jobq_limit_held)
-- as 0034's did, which they replace.
-- CREATE INDEX holds a SHARE lock on jobs (writes wait) while it reads the whole table (a
-- partial index still reads every row); DROP INDEX takes an ACCESS EXCLUSIVE one.
-- lock_timeout keeps the wait for either lock at 2 s: a migrate that cannot get it fails,
-- names it, and can be run again (docs/cli.md, "migrate").
SET LOCAL lock_timeout = '2s';
CREATE INDEX jobs_held_type_queue_order ON jobs (type, queue, priority DESC, created_at)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued')
      AND publish_after = 'infinity';
CREATE INDEX jobs_held_key_queue_order
    ON jobs (concurrency_key, queue, priority DESC, created_at)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued')
      AND publish_after = 'infinity' AND concurrency_key IS NOT NULL;
DROP INDEX jobs_held_type_queue;
DROP INDEX jobs_held_key_queue;
-- 0027's index of every held job in priority order serves no statement since 0029's
-- per-scope indexes: every read of held jobs names its queue, type or key (the counts of
-- `jobq limit list` and `jobq queue list` read any index of held rows, or the table). But
-- its predicate fits every one of those reads, and on statistics that saw no held job
-- (estimated at one row) a scope's first held row cost the same through it, the scope as a
-- filter: jobq_limit_held('key:K') read the 2,000 held jobs of another scope ahead of K's
-- on every call (584,466 rows in 6 s in test_relay_rare_stats), as 0049's indexes did for
-- the due probe. Every submit and every hold also wrote an entry in it.
DROP INDEX jobs_limit_held;
-- jobq_limit_held (0034) asks for a scope's first held job in its kind's index order
-- (jobs_held_type, jobs_held_key), and is called from sessions that sort (the claim's
-- admission, the CLI). With the wider indexes above, a generic plan could read the scope's
-- held rows through one of them and sort them all (an earlier trial of such indexes: 300
-- tuples a call in test_limits). The function plans no avoidable sort nor bitmap scan,
-- whatever its caller's session: each of its statements reads one index in its order.
ALTER FUNCTION jobq_limit_held(text) SET enable_sort = off;
ALTER FUNCTION jobq_limit_held(text) SET enable_bitmapscan = off;
