#!/usr/bin/env bash
# test_finish_uncommitted — a delivery is acked only after its outcome committed (docs/design.md §6
# "Ack rule"): a finish the database failed while the connection stayed up is retried, not
# acked and forgotten:
#  - LEASE_DURATION=60s; one consumer runs a command job that ends when the test creates the
#    file $T/go (so a busy machine cannot end it before the lock below is in place); a psql
#    session holds the job's row lock, so the combined write that finishes it waits;
#  - the test cancels that waiting statement (pg_cancel_backend: SQLSTATE 57014, the session
#    stays up), then releases the lock;
#  - the job ends succeeded within seconds, not after the 60 s lease, having run once, and
#    the queue holds no message for it (acked after the commit, not before).
source "$(dirname "$0")/lib.sh"
jq_setup finish_uncommitted

export HEARTBEAT_INTERVAL=1s LEASE_DURATION=60s
# The job waits for $T/go (at most 120 s, should the test stop before creating it).
cat >"$T/jobq.conf" <<CONF
handlers = ( { type = "hold"; command = [ "/bin/sh", "-c",
  "i=0; while [ ! -e $T/go ] && [ \$i -lt 1200 ]; do sleep 0.1; i=\$((i+1)); done; echo null" ]; } );
CONF
check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id fu --concurrency 1
wait_for 15 "w1 registered" sql_is 1 "select count(*) from workers where id='fu' and state='running'"

id=$(jobq submit hold '{}' --max-attempts 1)
wait_for 10 "the job runs" sql_is "running" "select status from jobs where id='$id'"
start_proc locker env PGAPPNAME=test-locker PGCONNECT_TIMEOUT=10 psql -X -A -t -q \
  "postgresql://jobq:jobq@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB" \
  -c "begin" -c "select 1 from jobs where id='$id' for update" -c "select pg_sleep(120)"
wait_for 10 "the locker holds the row" sql_is 1 "select count(*) from pg_stat_activity
  where application_name = 'test-locker' and query like '%pg_sleep%'"
waiting="select pid from pg_stat_activity where datname = current_database()
  and application_name = 'jobq-consumer writer' and wait_event_type = 'Lock'"
touch "$T/go"
wait_for 15 "the finish waits for the row lock" sql_is 1 "select count(*) from ($waiting) w"
check_eq "cancel the waiting finish (57014)" t "$(sql "select bool_and(pg_cancel_backend(pid)) from ($waiting) w")"
sleep 1
t_release=$(_jq_now_ms)
check_eq "release the row lock" t "$(sql "select bool_and(pg_terminate_backend(pid))
  from pg_stat_activity where application_name = 'test-locker'")"

wait_for 10 "the job ends well before its 60 s lease" sql_is succeeded \
  "select status from jobs where id='$id'" || note "row: $(sql "select status, worker_id, attempt from jobs where id='$id'")"
note "the job ended $(( $(_jq_now_ms) - t_release )) ms after the lock was released"
check_eq "it ran once (one queued->running)" 1 \
  "$(sql "select count(*) from job_events where job_id='$id' and to_status='running'")"
# Not queue_counts: right after the job it may still show the queue before the ack (lib.sh).
wait_for 30 "the broker counts the delivery acked" queue_deliveries_are jobq.default "1|0|1" || true
check_eq "jobq.default: one delivery, acked while w1 runs (delivered|redelivered|acked)" \
  "1|0|1" "$(queue_deliveries jobq.default)"
check "w1 is still running" is_running w1
check_status "w1 drains and exits 0 on TERM" 0 stop_consumer w1
# The broker hands an unacked delivery back when the consumer's channel closes, a moment
# after the process exits: look once the queue lists no consumer.
no_consumer() { [[ "$(queue_stat jobq.default consumers)" == 0 ]]; }
wait_for 15 "jobq.default lists no consumer" no_consumer || true
check_eq "w1 gone, jobq.default holds no message (basic.get)" "[]" "$(queue_get jobq.default)"
