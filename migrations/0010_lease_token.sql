-- Fencing by a token that only grows.
--
-- - lease_token: every transition after which an earlier holder's write must be refused
--   (claim, takeover, finish and release, reaper and start-up requeue, `jobq retry`, the
--   relay taking a row to publish) sets it to lease_token + 1, and every fenced write (the
--   finish, the heartbeat, the takeover, the published mark) names the token it holds.
--   (worker_id, attempt) could repeat over a job's life (`jobq retry` puts attempt back to
--   0, a release takes one off), so a stale execution could pass the fence of a newer one.
-- - claim_id: set by a claim or takeover to a value its sender made up, so that a worker
--   whose reply was lost after the commit (the connection dropped) recognises the row it
--   finds running under its own id as its own claim, not as one left behind.
--
-- Both are added without rewriting the table (a constant default).

ALTER TABLE jobs ADD COLUMN lease_token bigint NOT NULL DEFAULT 0,
                 ADD COLUMN claim_id bigint;
