#!/usr/bin/env bash
# test_finish_hard_stop — an outcome that could not be written before a hard stop is not acked
# (docs/design.md §6 "Ack rule"): the delivery goes back to the queue, and the job is recovered as
# soon as another worker receives it, not a lease later:
#  - a private stack; LEASE_DURATION=60s; worker h1 runs `sleep {"seconds":8}`;
#  - PostgreSQL goes down for 15 s while the job runs: h1's handler ends and its outcome cannot
#    be written; two SIGTERMs (a hard stop) end h1 with the outcome unwritten;
#  - the job's message is back in jobq.default (ready), not acked;
#  - when PostgreSQL is back, worker h2 receives it, finds the owner h1 gone and takes the job
#    over: it succeeds at attempt 2, long before h1's 60 s lease would have lapsed.
source "$(dirname "$0")/lib.sh"
jq_private_stack finish_hard_stop

export HEARTBEAT_INTERVAL=1s LEASE_DURATION=60s
check --fatal "migrate" jobq migrate
start_consumer h1 --worker-id h1 --concurrency 1
wait_for 15 "h1 registered" sql_is 1 "select count(*) from workers where id='h1' and state='running'"
id=$(jobq submit sleep '{"seconds":8}' --max-attempts 3)
wait_for 10 "h1 runs the job" sql_is "running|h1|1" "select status, worker_id, attempt from jobs where id='$id'"
t_run=$(_jq_now_ms)

jq_restart_db --down-for 15 &
restart=$!
db_down() { ! sql "select 1" >/dev/null 2>&1; }
wait_for 20 "PostgreSQL is down" db_down || true
down_ms=$(( $(_jq_now_ms) - t_run ))
check "PostgreSQL went down before the handler ended (${down_ms} ms into its 8 s)" test "$down_ms" -lt 8000
# The handler ends 8 s after its start; its outcome cannot be written.
left=$(( 8000 - ($(_jq_now_ms) - t_run) ))
(( left > 0 )) && sleep $(( left / 1000 + 2 ))
kill -TERM "$(pid_of h1)" || true; sleep 0.3; kill -TERM "$(pid_of h1)" || true
STATUS=timeout; wait_exit h1 20 || true
note "h1 exited with status $STATUS after two signals, PostgreSQL down"
wait_for 15 "the job's message is back in jobq.default" queue_counts_are jobq.default "1|0" || true
check_eq "jobq.default: the message ready, none unacked (not acked without a commit)" "1|0" \
  "$(queue_counts jobq.default)"

wait "$restart" || fail "PostgreSQL restart failed"
wait_for 30 "PostgreSQL is back" sql_is 1 "select 1" || true
check_eq "the row still says running under h1 (nothing was written)" "running|h1|1" \
  "$(sql "select status, worker_id, attempt from jobs where id='$id'")"
t_back=$(_jq_now_ms)
start_consumer h2 --worker-id h2 --concurrency 1
wait_for 30 "the job ends, long before h1's 60 s lease" sql_is succeeded \
  "select status from jobs where id='$id'" || note "row: $(sql "select status, worker_id, attempt from jobs where id='$id'")"
note "the job ended $(( $(_jq_now_ms) - t_back )) ms after PostgreSQL was back"
check_eq "h2 took it over and finished it at attempt 2" "succeeded|h2|2" \
  "$(sql "select status, worker_id, attempt from jobs where id='$id'")"
check_eq "exactly one terminal transition" 0 "$(terminal_anomalies "j.id='$id'")"
check_status "h2 drains and exits 0 on TERM" 0 stop_consumer h2
