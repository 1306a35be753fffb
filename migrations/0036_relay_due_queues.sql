-- The relay's due probe and paused queues (docs/scheduling.md "Pausing queues", "Costs").
-- From review R7 (finding 4):
--
-- The probe asked for any unpublished, due, unkeyed priority-0 job of a queue that runs in
-- jobs_plain_unpublished's order (publish_after), with the paused queues as a row filter.
-- A LIMIT-1 EXISTS that no row passes reads the whole index: 20,000 due jobs in a paused
-- queue made three idle relays read 4.6 M index tuples per 10 s.
--
-- The probe and the relay's take (which read the same rows on each tick) now walk the
-- distinct queues of those jobs (a loose scan of the index below, one descent per queue),
-- skip the paused ones, and read each queue that runs for due rows in publish_after order.
-- A paused queue's backlog costs one index descent a statement.
CREATE INDEX jobs_plain_unpublished_queue ON jobs (queue, publish_after)
    WHERE published_at IS NULL AND status IN ('scheduled', 'queued') AND priority = 0
      AND concurrency_key IS NULL;
