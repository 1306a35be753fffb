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
