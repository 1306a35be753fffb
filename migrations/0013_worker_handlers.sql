-- Handlers a worker found broken (their processes die at start or on every job), for
-- `jobq workers` and the console: a JSON array of {"type", "why", "since" (Unix ms)}, written
-- by the worker's keeper when the list changes. A worker that stopped keeps its last list.
ALTER TABLE workers ADD COLUMN broken_handlers jsonb NOT NULL DEFAULT '[]'::jsonb;
COMMENT ON COLUMN workers.broken_handlers IS
    'handlers this worker found broken: [{"type", "why", "since" (Unix ms)}], written by its keeper';
