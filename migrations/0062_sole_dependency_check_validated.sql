-- Migration 0061's check on job_deps.stripe (-1 to 255), validated on the rows written before
-- it (0 to 255 then) in a transaction of its own: VALIDATE reads the whole table under a SHARE
-- UPDATE EXCLUSIVE lock, which lets ends and links read and write job_deps meanwhile; in
-- 0061's transaction, the ACCESS EXCLUSIVE lock of its ALTERs would have been held through
-- that read, stopping every end with dependents and every link for its length.
ALTER TABLE job_deps VALIDATE CONSTRAINT job_deps_stripe_or_sole;
