-- Dead letters: every message the broker dead-lettered to jobq.dead, kept for inspection
-- (`jobq dead list`) after its job, if any, was marked failed.
CREATE TABLE dead_letters (
    id         bigserial PRIMARY KEY,
    job_id     uuid,                  -- NULL when the message named no job we know
    queue      text,                  -- where it died (from x-death)
    reason     text NOT NULL,         -- rejected, delivery_limit, expired, ...
    detail     text,                  -- what jobq made of it
    body       bytea NOT NULL,        -- the first 64 KiB of the body
    body_bytes bigint NOT NULL,       -- its full size
    message_id text,
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dead_letters_job ON dead_letters (job_id);
CREATE INDEX dead_letters_at ON dead_letters (at);
