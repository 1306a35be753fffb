#!/usr/bin/env bash
# test_least_privilege — consumers and the CLI run under the restricted identities of
# docs/security.md (PostgreSQL roles jobq_consumer / jobq_cli, RabbitMQ users of the same
# names, created by scripts/stack; `jobq migrate` grants the table rights):
#  - the job path works end to end: submit --wait, cancel, retry, status, history, stats,
#    the relay, dead letters; submit --meta, list --meta/--since/--worker, cancel --meta and
#    retry --meta;
#  - the consumer's credentials cannot drop or alter the jobs table, write the history, insert
#    or delete jobs, delete workers, or delete or declare a jobq queue; the CLI's cannot
#    declare a queue;
#  - neither role can attach the history trigger functions to a table of its own to forge
#    or erase job_events rows, and those functions refuse to run on any table but jobs;
#  - the CLI's credentials cannot change a job's state, publish mark or owner, delete a job
#    or touch a worker row: cancel, retry, prune and the publish mark go through functions
#    that do exactly that command's write, and each command still works (prune too).
#  - an operator planted in public (by a role allowed to CREATE there, which migrate revokes
#    from PUBLIC) never runs with the definer functions' owner's rights;
#  - the CLI inserts jobs only as new (no forged running or finished job), cannot mark a job
#    past its relay grace published (hiding it from the relay), and cannot delete another
#    session's waiter rows nor add rows for another backend; prune refuses NULL arguments
#    and reasons are capped.
source "$(dirname "$0")/lib.sh"
jq_setup leastpriv

TRY="$JOBQ_BIN_DIR/tests/amqp_try"
vh=$(_jq_urlencode "$TEST_VHOST")
for user in jobq_consumer jobq_cli; do
  case $user in
    jobq_consumer) perms='{"configure":"^amq\\.gen-.*$","write":"^(jobq\\.jobs|amq\\.gen-.*)$","read":"^(jobq\\..*|amq\\.gen-.*)$"}' ;;
    jobq_cli) perms='{"configure":"^$","write":"^(jobq\\.jobs|jobq\\.cancel)$","read":"^$"}' ;;
  esac
  check --fatal "RabbitMQ user $user exists (scripts/stack creates it)" _jq_mgmt GET "/api/users/$user"
  check --fatal "grant $user its rights on the test vhost" _jq_mgmt PUT "/api/permissions/$vh/$user" "$perms"
done
check --fatal "PostgreSQL roles exist" sql_is 2 "select count(*) from pg_roles where rolname in ('jobq_consumer','jobq_cli')"
check --fatal "migrate (as the admin) applies the grants" jobq migrate

CONSUMER_AMQP="amqp://jobq_consumer:jobq_consumer@127.0.0.1:$JOBQ_TEST_AMQP_PORT/$vh"
CONSUMER_DB="postgresql://jobq_consumer:jobq_consumer@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
CLI_AMQP="amqp://jobq_cli:jobq_cli@127.0.0.1:$JOBQ_TEST_AMQP_PORT/$vh"
CLI_DB="postgresql://jobq_cli:jobq_cli@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
cli() { JOBQ_AMQP_URL="$CLI_AMQP" JOBQ_DATABASE_URL="$CLI_DB" timeout 30 "$JOBQ_BIN_DIR/jobq" "$@"; }

JOBQ_AMQP_URL="$CONSUMER_AMQP" JOBQ_DATABASE_URL="$CONSUMER_DB" JOBQ_RELAY_GRACE=500ms \
  start_consumer w --worker-id w --concurrency 4

# ---- the job path under restricted identities
check_status "submit echo --wait as jobq_cli" 0 cli submit echo '{"x":1}' --wait
id=$(sed -n 1p "$OUT_FILE")
check_eq "it succeeded on the restricted consumer" "succeeded|w" "$(sql "select status, worker_id from jobs where id='$id'")"
check_status "status as jobq_cli" 0 cli status "$id"
check_status "history as jobq_cli" 0 cli history "$id"
check_status "stats as jobq_cli" 0 cli stats
check_status "a failing job, then retry as jobq_cli" 1 cli submit fail '{}' --max-attempts 1 --wait
fid=$(sed -n 1p "$OUT_FILE")
check_status "retry as jobq_cli" 0 cli retry "$fid"
wait_for 20 "the retried job ran again (2 terminal transitions)" sql_is 2 "select count(*) from job_events where job_id='$fid' and to_status='failed'"
long=$(cli submit sleep '{"seconds":30}')
wait_for 20 "sleep job running" sql_is running "select status from jobs where id='$long'"
check_status "cancel --wait as jobq_cli (broadcast)" 0 cli cancel "$long" --wait
check_eq "cancelled" cancelled "$(sql "select status from jobs where id='$long'")"
check_status "a submitter whose broker is gone after its insert (exit 6; relay publishes as jobq_consumer)" 6 \
  env JOBQ_AMQP_URL=amqp://jobq:jobq@127.0.0.1:1/ JOBQ_DATABASE_URL="$CLI_DB" timeout 20 "$JOBQ_BIN_DIR/jobq" submit noop
rid=$(sed -n 1p "$OUT_FILE")
wait_for 20 "relayed job succeeded" sql_is succeeded "select status from jobs where id='$rid'"
printf 'garbage' >"$T/garbage"
check "publish a malformed message (as the admin)" "$TRY" "$JOBQ_AMQP_URL" publish jobq.jobs default "$T/garbage"
wait_for 20 "the consumer recorded the dead letter" sql_is 1 "select count(*) from dead_letters"

# ---- metadata, search and bulk actions as jobq_cli (no grant of their own: a column-level
# grant on jobs must not break them)
check_status "submit --meta as jobq_cli" 0 cli submit --delay 1h --meta lp=1 sleep '{"seconds":1}'
mid=$(sed -n 1p "$OUT_FILE")
check_eq "... its metadata is stored" 1 "$(sql "select job_metadata->>'lp' from jobs where id='$mid'")"
check_status "list --meta --since as jobq_cli" 0 cli list --json --meta lp=1 --since 1h
check_eq "... finds it" "$mid" "$(json_get '" ".join(j["id"] for j in d)' <"$OUT_FILE")"
check_status "list --worker as jobq_cli" 0 cli list --json --worker w --status succeeded
check_eq "... finds the job worker w ran" True "$(json_get "str('$id' in [j['id'] for j in d])" <"$OUT_FILE")"
check_status "cancel --meta as jobq_cli" 0 cli cancel --meta lp=1 --json
check_eq "... 1 cancelled" 1 "$(json_get 'd["cancelled"]' <"$OUT_FILE")"
check_eq "... the row says so" cancelled "$(sql "select status from jobs where id='$mid'")"
check_status "retry --meta as jobq_cli" 0 cli retry --meta lp=1 --json
check_eq "... 1 requeued and published" "1 0" "$(json_get 'str(d["requeued"]) + " " + str(d["left_to_relay"])' <"$OUT_FILE")"
wait_for 20 "... and it ran" sql_is succeeded "select status from jobs where id='$mid'"

# ---- what the consumer's credentials may not do
cpsql() { PGCONNECT_TIMEOUT=10 psql -X -A -t -q -v ON_ERROR_STOP=1 "$CONSUMER_DB" -c "$1"; }
check_status "consumer role: DROP TABLE jobs is refused" 1 cpsql "DROP TABLE jobs"
check "  ... because it is not the owner" grep -q "must be owner" "$ERR_FILE"
check_status "consumer role: ALTER TABLE jobs is refused" 1 cpsql "ALTER TABLE jobs ADD COLUMN x int"
check_status "consumer role: DELETE FROM job_events is refused" 1 cpsql "DELETE FROM job_events"
check_status "consumer role: INSERT INTO jobs is refused" 1 cpsql "INSERT INTO jobs (type, status) VALUES ('noop', 'queued')"
check_eq "the table is intact" 1 "$(sql "select count(*) from pg_tables where tablename='jobs'")"
check_status "consumer user: delete queue jobq.default is refused (403)" 0 "$TRY" "$CONSUMER_AMQP" delete-queue jobq.default
check_status "consumer user: declare queue jobq.evil is refused (403)" 0 "$TRY" "$CONSUMER_AMQP" declare-queue jobq.evil
check_status "cli user: declare queue jobq.evil is refused (403)" 0 "$TRY" "$CLI_AMQP" declare-queue jobq.evil
check_status "consumer role: DELETE FROM jobs is refused" 1 cpsql "DELETE FROM jobs"
check_status "consumer role: INSERT INTO job_events is refused" 1 cpsql \
  "INSERT INTO job_events (job_id, to_status, at) VALUES ('$id', 'failed', now())"
check_status "consumer role: DELETE FROM workers is refused" 1 cpsql "DELETE FROM workers"
check_status "consumer role: the CLI's prune function is refused" 1 cpsql \
  "SELECT jobq_cli_prune_jobs(now(), 1000)"
check "jobq.default still exists" _jq_mgmt GET "/api/queues/$vh/jobq.default"
check "the consumer is still serving" is_running w

# ---- the history trigger functions cannot be borrowed
clpsql() { PGCONNECT_TIMEOUT=10 psql -X -A -t -q -v ON_ERROR_STOP=1 "$CLI_DB" -c "$1"; }
apsql() { PGCONNECT_TIMEOUT=10 psql -X -A -t -q -v ON_ERROR_STOP=1 "$JOBQ_DATABASE_URL" -c "$1"; }
events_of_id=$(sql "select count(*) from job_events where job_id='$id'")
for who in cli consumer; do
  run=clpsql; [[ $who == consumer ]] && run=cpsql
  check_status "$who role: jobq_record_inserts on its own temp table is refused" 1 $run "
    CREATE TEMP TABLE f (id uuid, status text, worker_id text, attempt int, status_reason text);
    CREATE TRIGGER f AFTER INSERT ON f REFERENCING NEW TABLE AS jobq_new
      FOR EACH STATEMENT EXECUTE FUNCTION jobq_record_inserts();
    INSERT INTO f VALUES ('$id', 'succeeded', 'forged-$who', 9, 'forged');"
  check_status "$who role: jobq_record_updates on its own temp table is refused" 1 $run "
    CREATE TEMP TABLE u (id uuid, status text, worker_id text, attempt int, status_reason text);
    INSERT INTO u VALUES ('$id', 'running', 'forged-$who', 9, 'forged');
    CREATE TRIGGER u AFTER UPDATE ON u REFERENCING OLD TABLE AS jobq_old NEW TABLE AS jobq_new
      FOR EACH STATEMENT EXECUTE FUNCTION jobq_record_updates();
    UPDATE u SET status = 'failed';"
  check_status "$who role: jobq_forget_deleted on its own temp table is refused" 1 $run "
    CREATE TEMP TABLE e (id uuid);
    INSERT INTO e VALUES ('$id');
    CREATE TRIGGER e AFTER DELETE ON e REFERENCING OLD TABLE AS jobq_old
      FOR EACH STATEMENT EXECUTE FUNCTION jobq_forget_deleted();
    DELETE FROM e;"
  check_eq "  ... no history row forged through the $who role" 0 \
    "$(sql "select count(*) from job_events where worker_id = 'forged-$who'")"
  check_eq "  ... and none erased" "$events_of_id" "$(sql "select count(*) from job_events where job_id='$id'")"
done
check_eq "PUBLIC may execute none of jobq's functions" "" "$(sql "select string_agg(p.proname, ' ')
  from pg_proc p where p.proname like 'jobq\_%' and has_function_privilege('public', p.oid, 'EXECUTE')")"
check_status "attached by the owner to another table, jobq_record_inserts refuses to run" 1 apsql "
  CREATE TEMP TABLE decoy (id uuid, status text, worker_id text, attempt int, status_reason text);
  CREATE TRIGGER decoy AFTER INSERT ON decoy REFERENCING NEW TABLE AS jobq_new
    FOR EACH STATEMENT EXECUTE FUNCTION jobq_record_inserts();
  INSERT INTO decoy VALUES ('$id', 'succeeded', 'forged-decoy', 9, 'forged');"
check "  ... saying it serves jobs only" grep -q "fires only on jobs" "$ERR_FILE"
check_status "attached by the owner to another table, jobq_forget_deleted refuses to run" 1 apsql "
  CREATE TEMP TABLE decoy (id uuid);
  INSERT INTO decoy VALUES ('$id');
  CREATE TRIGGER decoy AFTER DELETE ON decoy REFERENCING OLD TABLE AS jobq_old
    FOR EACH STATEMENT EXECUTE FUNCTION jobq_forget_deleted();
  DELETE FROM decoy;"
check_eq "  ... the history is intact" "$events_of_id" "$(sql "select count(*) from job_events where job_id='$id'")"

# ---- what the CLI's credentials may not do, and each of its writes still working
jobs_sql="select string_agg(id || ':' || status || ':' || coalesce(worker_id, '') || ':' ||
            (published_at is not null), ' ' order by id) from jobs"
jobs_before=$(sql "$jobs_sql")
check_status "cli role: UPDATE jobs SET status is refused" 1 clpsql "UPDATE jobs SET status = 'succeeded' WHERE id = '$fid'"
check_status "cli role: UPDATE jobs SET published_at is refused" 1 clpsql "UPDATE jobs SET published_at = now()"
check_status "cli role: UPDATE jobs SET worker_id is refused" 1 clpsql "UPDATE jobs SET worker_id = 'x'"
check_status "cli role: DELETE FROM jobs is refused" 1 clpsql "DELETE FROM jobs"
check_status "cli role: INSERT of a job as another worker's is refused" 1 clpsql \
  "INSERT INTO jobs (type, status, worker_id, attempt) VALUES ('noop', 'running', 'w', 1)"
check_status "cli role: DELETE FROM workers is refused" 1 clpsql "DELETE FROM workers"
check_status "cli role: UPDATE workers is refused" 1 clpsql "UPDATE workers SET state = 'stopped'"
check_status "cli role: DELETE FROM job_events is refused" 1 clpsql "DELETE FROM job_events"
# Pausing queues (migration 0017): the CLI writes queues only through its two functions.
check_status "queue pause as jobq_cli" 0 cli queue pause lp --reason "least privilege"
check_status "queue list as jobq_cli" 0 cli queue list
check_status "queue resume as jobq_cli" 0 cli queue resume lp
check_status "cli role: INSERT INTO queues is refused" 1 clpsql "INSERT INTO queues (name, paused_at) VALUES ('x', now())"
check_status "cli role: UPDATE queues is refused" 1 clpsql "UPDATE queues SET paused_at = now()"
check_status "cli role: DELETE FROM queues is refused" 1 clpsql "DELETE FROM queues"
check_status "consumer role: reads queues" 0 cpsql "SELECT count(*) FROM queues"
check_status "consumer role: UPDATE queues is refused" 1 cpsql "UPDATE queues SET paused_at = now()"
check_status "consumer role: the CLI's pause function is refused" 1 cpsql "SELECT * FROM jobq_cli_queue_pause('x', NULL)"
check_eq "the queue lp is there, not paused" "lp|f" "$(sql "select name, paused_at is not null from queues")"
check_eq "every job is still there, in its state" "$jobs_before" "$(sql "$jobs_sql")"
# Limits (migrations 0021, 0023): the CLI writes them only through its functions; the
# restricted consumer admits, holds, releases (the rooms, the finish's wake) under them.
check_status "limit set with both limits as jobq_cli" 0 cli limit set queue:default --max-running 1 --rate 20/s
check_status "limit list as jobq_cli" 0 cli limit list
check_status "queue list with a limit as jobq_cli" 0 cli queue list
check_status "cli role: UPDATE limits is refused" 1 clpsql "UPDATE limits SET tokens = 100"
for ((i = 0; i < 6; i++)); do echo '{"type":"sleep","payload":{"seconds":0.1,"lp":true}}'; done >"$T/lp.jsonl"
check_status "6 jobs of the limited queue as jobq_cli" 0 cli submit --batch "$T/lp.jsonl"
wait_for 30 "they all succeeded on the restricted consumer, held and released in turn" sql_is 6 \
  "select count(*) from jobs where type = 'sleep' and status = 'succeeded' and payload ? 'lp'"
check_status "limit rm as jobq_cli" 0 cli limit rm queue:default
check_eq "worker w is still registered and running" running "$(sql "select state from workers where id='w'")"

check_status "submit --delay as jobq_cli" 0 cli submit noop --delay 1h
did=$(sed -n 1p "$OUT_FILE")
check_status "cancel of a scheduled job as jobq_cli" 0 cli cancel "$did"
check_eq "  ... it is cancelled" cancelled "$(sql "select status from jobs where id='$did'")"
check_status "retry of the cancelled job as jobq_cli" 0 cli retry "$did"
wait_for 20 "  ... it ran" sql_is succeeded "select status from jobs where id='$did'"
check_status "retry of a succeeded job as jobq_cli is refused with exit 2" 2 cli retry "$did"
check "  ... saying why" grep -q "only failed or cancelled jobs can be requeued" "$ERR_FILE"
check_status "dead-letter list as jobq_cli" 0 cli dead list
check_status "workers as jobq_cli" 0 cli workers
sql "insert into workers (id, hostname, pid, queues, concurrency, state, lock_key, started_at,
       heartbeat_at, stopped_at)
     values ('gone', 'h', 1, '{default}', 1, 'stopped', 1, now() - interval '2 days',
       now() - interval '2 days', now() - interval '2 days')" >/dev/null
sleep 0.1
finished=$(sql "select count(*) from jobs where status in ('succeeded', 'failed', 'cancelled')")
check_status "prune --dry-run as jobq_cli" 0 cli prune --older-than 1ms --dry-run --json
check "  ... counts every finished job and the stopped worker" grep -q "\"deleted\":$finished,\"workers\":1," "$OUT_FILE"
check_status "prune as jobq_cli" 0 cli prune --older-than 1ms --json
check "  ... reports what it deleted" grep -q "\"deleted\":$finished,\"workers\":1," "$OUT_FILE"
check_eq "  ... the finished jobs are gone, with their history" "0 0" \
  "$(sql "select (select count(*) from jobs where status in ('succeeded', 'failed', 'cancelled')),
               (select count(*) from job_events e where not exists (select 1 from jobs j where j.id = e.job_id))" | tr '|' ' ')"
check_eq "  ... the stopped worker is gone, the live one kept" "w" "$(sql "select string_agg(id, ' ') from workers")"
check "the consumer is still serving" is_running w

# ---- the definer functions cannot be hijacked through a schema others may create in
# (a database created before PostgreSQL 15 lets every role CREATE in public): an operator
# that matches a call's argument types exactly wins over pg_catalog's inexact one even with
# pg_catalog first in search_path, and would run with the function owner's rights.
sql "GRANT CREATE ON SCHEMA public TO PUBLIC" >/dev/null
check --fatal "migrate again" jobq migrate
check_eq "migrate revoked CREATE on public from PUBLIC" f \
  "$(sql "select has_schema_privilege('jobq_cli', 'public', 'CREATE')")"
sql "GRANT CREATE ON SCHEMA public TO jobq_cli" >/dev/null
# shellcheck disable=SC2016  # dollar quoting of SQL, not of the shell
check --fatal "cli role, allowed to CREATE in public, plants operators" clpsql '
  CREATE TABLE public.hijack (who text);
  GRANT SELECT, INSERT ON public.hijack TO PUBLIC;
  CREATE FUNCTION public.hijack_div(bigint, numeric) RETURNS numeric LANGUAGE sql AS
    $f$ INSERT INTO public.hijack SELECT current_user;
        SELECT $1::numeric OPERATOR(pg_catalog./) $2 $f$;
  CREATE OPERATOR public./ (LEFTARG = bigint, RIGHTARG = numeric, FUNCTION = public.hijack_div);
  CREATE FUNCTION public.hijack_ne(oid, regclass) RETURNS boolean LANGUAGE sql AS
    $f$ INSERT INTO public.hijack SELECT current_user;
        SELECT $1 OPERATOR(pg_catalog.<>) $2::oid $f$;
  CREATE OPERATOR public.<> (LEFTARG = oid, RIGHTARG = regclass, FUNCTION = public.hijack_ne);'
check_eq "  ... the planted operator is live (the cli role's own call runs it)" 1 \
  "$(clpsql "select 1::bigint / 1.0; select count(*) from public.hijack where who = 'jobq_cli'" | tail -1)"
check_status "submit --delay, cancel, retry as jobq_cli" 0 bash -c \
  "id=\$(JOBQ_AMQP_URL='$CLI_AMQP' JOBQ_DATABASE_URL='$CLI_DB' timeout 30 '$JOBQ_BIN_DIR/jobq' submit noop --delay 1h) &&
   JOBQ_AMQP_URL='$CLI_AMQP' JOBQ_DATABASE_URL='$CLI_DB' timeout 30 '$JOBQ_BIN_DIR/jobq' cancel \$id &&
   JOBQ_AMQP_URL='$CLI_AMQP' JOBQ_DATABASE_URL='$CLI_DB' timeout 30 '$JOBQ_BIN_DIR/jobq' retry \$id"
check_eq "  ... the planted operators never ran as another role" "" \
  "$(sql "select string_agg(distinct who, ' ') from public.hijack where who not in ('jobq_cli', 'jobq_consumer')")"
clpsql "DROP OPERATOR public./ (bigint, numeric); DROP OPERATOR public.<> (oid, regclass);
  DROP FUNCTION public.hijack_div(bigint, numeric), public.hijack_ne(oid, regclass);
  DROP TABLE public.hijack" >/dev/null
sql "REVOKE CREATE ON SCHEMA public FROM jobq_cli" >/dev/null

# ---- the CLI can only insert a job as new, and still submits every way
for s in running succeeded failed cancelled; do
  check_status "cli role: INSERT of a $s job is refused" 1 clpsql \
    "INSERT INTO jobs (type, status) VALUES ('forged', '$s')"
done
check_eq "  ... no forged job exists" 0 "$(sql "select count(*) from jobs where type = 'forged'")"
check_status "plain submit as jobq_cli" 0 cli submit noop
check_status "submit --delay as jobq_cli" 0 cli submit noop --delay 1h
check_status "submit --key as jobq_cli" 0 cli submit noop --key k1
check_status "submit --key again as jobq_cli (the same job)" 0 cli submit noop --key k1
printf '{"type":"noop"}\n{"type":"noop","key":"k2"}\n' >"$T/batch"
check_status "submit --batch as jobq_cli" 0 cli submit --batch "$T/batch"

# ---- the definer functions bound their arguments
check_status "cli role: prune with a NULL batch is refused" 1 clpsql "SELECT jobq_cli_prune_jobs(now(), NULL)"
check_status "cli role: prune with a NULL cutoff is refused" 1 clpsql "SELECT jobq_cli_prune_jobs(NULL, 10)"
cid=$(cli submit noop --delay 1h)
check "cli role: cancel with a 5000-character reason" clpsql \
  "SELECT jobq_cli_cancel(ARRAY['$cid']::uuid[], repeat('r', 5000))"
check_eq "  ... the reason kept is at most 1000 characters" 1000 \
  "$(sql "select length(cancel_reason) from jobs where id='$cid'")"

# ---- a CLI session sees and deletes only its own waiter rows
long=$(cli submit sleep '{"seconds":30}')
cli wait "$long" >"$T/wait.out" 2>&1 &
waiter=$!
wait_for 20 "the waiter registered" sql_is 1 "select count(*) from job_waiters where job_id='$long'"
check "cli role, another session: DELETE FROM job_waiters" clpsql "DELETE FROM job_waiters"
check_eq "  ... the other session's row is still there" 1 \
  "$(sql "select count(*) from job_waiters where job_id='$long'")"
check_status "cli role: a waiter row for another backend is refused" 1 clpsql \
  "INSERT INTO job_waiters (job_id, backend) VALUES ('$long', 1)"
check_status "cancel the job as jobq_cli" 0 cli cancel "$long"
wait_for 20 "  ... jobq wait returned" bash -c "! kill -0 $waiter 2>/dev/null"
ws=0; wait "$waiter" || ws=$?
check_eq "  ... with the job's end (cancelled: exit 1)" 1 "$ws"

# ---- the CLI cannot hide a job from the relay with the publish mark
u=$(sql "select gen_random_uuid()")
check "cli role: insert a job past its relay grace and mark it published" clpsql "
  BEGIN;
  INSERT INTO jobs (id, type, status, publish_after)
    VALUES ('$u', 'noop', 'queued', now() - interval '1 minute');
  DO \$\$ BEGIN
    BEGIN PERFORM jobq_mark_published(ARRAY['$u']::uuid[], '{\"$u\": 0}'::jsonb);
    EXCEPTION WHEN insufficient_privilege OR undefined_function THEN NULL; END;
    BEGIN PERFORM jobq_cli_mark_published(ARRAY['$u']::uuid[], '{\"$u\": 0}'::jsonb);
    EXCEPTION WHEN insufficient_privilege OR undefined_function THEN NULL; END;
  END \$\$;
  COMMIT;"
wait_for 20 "  ... the relay published it anyway and it ran" sql_is succeeded "select status from jobs where id='$u'"
