-- The relay's statements read unpublished jobs per queue, through jobs_plain_unpublished_queue
-- (0036), jobs_priority_waiting and the keyed and held indexes. Two older indexes of every
-- unpublished row ordered by publish_after alone, 0001's jobs_unpublished and 0027's
-- jobs_plain_unpublished, serve no statement any more, but their predicates fit the relay's
-- probes, and on statistics that saw no unpublished row (a table analyzed before anything
-- waited, or one whose unpublished jobs are too few to show in its statistics) a probe of
-- one queue's due jobs costs the same through them as through the per-queue index, so the
-- planner chose them, and filtered the queue: every due job of every queue (a paused
-- queue's backlog, held jobs) read on every pass of the loop, twice. test_relay_stale_stats
-- with 800 finished jobs analyzed first read 2,139,773 rows in 6 s (2,000 of a paused
-- queue, 300 held); without these indexes the same plans read the per-queue ranges only.
-- They also cost every submit an index entry each. DROP INDEX takes an ACCESS EXCLUSIVE
-- lock on jobs: while it waits for a transaction that holds any lock on jobs (a long
-- report, a pg_dump), every later statement on jobs queues behind it. lock_timeout keeps
-- that wait at 2 s: a migrate that cannot get the lock fails, names it, and can be run
-- again (docs/cli.md, "migrate"). Once it has the lock the drop is quick.
SET LOCAL lock_timeout = '2s';
DROP INDEX jobs_unpublished;
DROP INDEX jobs_plain_unpublished;
