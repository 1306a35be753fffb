-- Fair keyed release that remembers (docs/design.md §6 "Keyed release"; docs/scheduling.md
-- "Fairness"). 0024's release ranked a key's jobs by their place in the key's line plus
-- its jobs in flight, with nothing kept between releases: once a queue had more waiting
-- keys than the window, a key whose job was claimed started again at turn 1 and ties went
-- to the oldest jobs, so the oldest backlogs always won and a new key waited for all of
-- them. key_turns keeps, per queue and key, when the release last released one of its jobs;
-- within a turn the release takes the keys least recently served first (never served
-- first of all), so the keys rotate however many there are. One row per key ever released
-- (a few dozen bytes); written only by the consumers' relays (jobq_store_relay_key_release).
CREATE TABLE key_turns (
    queue text NOT NULL,
    concurrency_key text NOT NULL,
    last_released_at timestamptz NOT NULL,
    PRIMARY KEY (queue, concurrency_key)
);
-- Per queue, the last key the keyed release served in its walk over the keys: the next
-- release walks on from there (wrapping), a bounded number of keys (4 times its room, at
-- least 64), so its cost follows the room, not the number of keys waiting.
CREATE TABLE key_cursors (
    queue text PRIMARY KEY,
    concurrency_key text NOT NULL
);

-- Cost (0024's release and the relay's probe read rows they then threw away):
-- The keyed release's index holds only what it can release: queued keyed jobs not held by a
-- limit (publish_after 'infinity'; a held backlog of 50,000 was filtered row by row on
-- every release). Scheduled ones (a later run time, a retry's backoff) wait in their own
-- index by run time; the release moves them to queued when due (jobq_store_relay_key_release).
DROP INDEX jobs_keyed_waiting;
CREATE INDEX jobs_keyed_waiting ON jobs (queue, concurrency_key, priority DESC, created_at)
    WHERE concurrency_key IS NOT NULL AND published_at IS NULL AND status = 'queued'
      AND publish_after < 'infinity';
-- The keyed jobs of priority 1-9, by queue: the release looks them up beside its bounded
-- walk over the keys, so that a keyed job of a higher priority is released first whether or
-- not the walk reaches its key.
CREATE INDEX jobs_keyed_priority ON jobs (queue, priority DESC, created_at)
    WHERE concurrency_key IS NOT NULL AND published_at IS NULL AND status = 'queued'
      AND publish_after < 'infinity' AND priority > 0;
CREATE INDEX jobs_keyed_scheduled ON jobs (run_after)
    WHERE concurrency_key IS NOT NULL AND published_at IS NULL AND status = 'scheduled';
-- The relay's ordinary take and its probe: unpublished, waiting, unkeyed jobs of priority 0
-- (0001's jobs_unpublished holds the keyed and priority ones too, which a take read and
-- discarded one by one: 100,000 keyed jobs waiting cost every take 100,000 rows).
CREATE INDEX jobs_plain_unpublished ON jobs (publish_after)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued') AND priority = 0
      AND concurrency_key IS NULL;
-- Jobs held by a concurrency limit (the limit release's and its probe's LIMIT_HELD).
CREATE INDEX jobs_limit_held ON jobs (priority DESC, created_at)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued')
      AND publish_after = 'infinity';
