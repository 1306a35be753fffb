-- A ceiling on the size of a job's payload, held by the database itself: the submitting
-- CLI checks consumer.max_payload, but a row written another way (psql, another client, a
-- CLI whose max_payload is larger) would otherwise reach a handler whatever its size.
--
-- - The size is that of the payload's text form (jsonb output: a space after each ',' and
--   ':'), the very text a consumer hands its handler, and what consumers compare with
--   their own max_payload before a handler runs.
-- - 4 MiB: four times the default max_payload of 1 MiB, so that a payload the CLI accepted
--   by its own count is never refused here for the spaces jsonb adds. A deployment that
--   raises max_payload past that raises the ceiling too (docs/configuration.md).
-- - NOT VALID: the rows already there are not checked, so this migration applies to a
--   database that holds an over-size payload; every row inserted or updated from now on
--   is. Once such rows are gone (`jobq prune`), `ALTER TABLE jobs VALIDATE CONSTRAINT
--   jobs_payload_size` checks the old rows too.

ALTER TABLE jobs ADD CONSTRAINT jobs_payload_size
    CHECK (octet_length(payload::text) <= 4194304) NOT VALID;
