-- Least privilege: the roles jobq_consumer and jobq_cli get only the table rights they
-- need (granted by every `jobq migrate`, see docs/security.md), and no right on the
-- history. The transition trigger therefore runs with its owner's rights, under a fixed
-- search_path so that no caller can slip in objects of its own.
ALTER FUNCTION jobq_record_transition() SECURITY DEFINER SET search_path = public, pg_temp;
