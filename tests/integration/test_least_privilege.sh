#!/usr/bin/env bash
# test_least_privilege — consumers and the CLI run under the restricted identities of
# docs/security.md (PostgreSQL roles jobq_consumer / jobq_cli, RabbitMQ users of the same
# names, created by scripts/stack; `jobq migrate` grants the table rights):
#  - the job path works end to end: submit --wait, cancel, retry, status, history, stats,
#    the relay, dead letters;
#  - the consumer's credentials cannot drop or alter the jobs table, write the history, insert
#    jobs, or delete or declare a jobq queue; the CLI's cannot declare a queue.
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
check "jobq.default still exists" _jq_mgmt GET "/api/queues/$vh/jobq.default"
check "the consumer is still serving" is_running w
