#!/usr/bin/env bash
# test_claim_reply_lost — a claim that committed but whose reply was lost (the connection
# dropped between the commit and the answer, as in a database restart) is recognised as the
# worker's own claim when it is sent again, not taken for a job "left behind" and taken over:
#  - needs a build with -DJOBQ_FAULT_POINTS=ON (scripts/check builds one); skipped otherwise;
#  - JOBQ_FAULT=claim_reply_lost: the consumer's first combined write that claims drops its
#    connection after the commit and reports the reply lost; the consumer reconnects and
#    claims again, which finds the row already running under its own id;
#  - a command job with --max-attempts 1 that appends a line to a file per run: it succeeds
#    at attempt 1, ran exactly once (one line, one queued->running), no takeover in its
#    history, and the queue ends empty.
source "$(dirname "$0")/lib.sh"
jq_setup claim_reply_lost

check --fatal "migrate" jobq migrate
# A build with fault points dies at this one (exit 86) right after the insert.
probe=0
env JOBQ_FAULT=submit_after_insert "$JOBQ_BIN_DIR/jobq" submit noop '{}' </dev/null >/dev/null 2>&1 || probe=$?
if [[ "$probe" != 86 ]]; then
  note "SKIP: this build has no fault points (-DJOBQ_FAULT_POINTS=OFF; scripts/check builds with them)"
  exit 0
fi
sql "delete from jobs" >/dev/null
cat >"$T/jobq.conf" <<CONF
handlers = ( { type = "count"; command = [ "/bin/sh", "-c", "echo \"\$JOBQ_ATTEMPT\" >>$T/runs; echo null" ]; } );
CONF

id=$(jobq submit count '{}' --max-attempts 1)
JOBQ_FAULT=claim_reply_lost start_consumer w1 --worker-id rl --concurrency 1
wait_for 30 "the job ends" sql_is 1 \
  "select count(*) from jobs where id='$id' and status in ('succeeded','failed','cancelled')" || true
check "the consumer played the fault (it reconnected its write session)" \
  grep -q "event=db_reconnected.*thread=writer" "$(log_of w1)"
check_eq "the job succeeded at attempt 1" "succeeded|1|" \
  "$(sql "select status, attempt, coalesce(error, '') from jobs where id='$id'")"
check_eq "it ran exactly once, as attempt 1" "1" "$(tr '\n' ' ' 2>/dev/null <"$T/runs" | sed 's/ $//')"
check_eq "history: queued->running (rl, 1), running->succeeded (rl, 1)" \
  "queued>running:rl:1,running>succeeded:rl:1" \
  "$(sql "select string_agg(from_status || '>' || to_status || ':' || coalesce(worker_id, '-') || ':' || attempt, ','
          order by id) from job_events where job_id='$id' and from_status is not null")"
# Not queue_counts: right after the job it may still show the queue before the ack (lib.sh).
wait_for 30 "the broker counts the delivery acked" queue_deliveries_are jobq.default "1|0|1" || true
check_eq "jobq.default: one delivery, acked while w1 runs (delivered|redelivered|acked)" \
  "1|0|1" "$(queue_deliveries jobq.default)"
check_status "w1 drains and exits 0 on TERM" 0 stop_consumer w1
# The broker hands an unacked delivery back when the consumer's channel closes, a moment
# after the process exits: look once the queue lists no consumer.
no_consumer() { [[ "$(queue_stat jobq.default consumers)" == 0 ]]; }
wait_for 15 "jobq.default lists no consumer" no_consumer || true
check_eq "w1 gone, jobq.default holds no message (basic.get)" "[]" "$(queue_get jobq.default)"
