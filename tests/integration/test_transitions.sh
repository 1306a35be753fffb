#!/usr/bin/env bash
# test_transitions — the history of real runs holds only transitions the table of
# common/job.c allows (docs/states.md), and every pair of the table can be made:
#  - one batch on worker w1: a --delay 1s job (scheduled→queued→running→succeeded); a
#    failing job with 2 attempts (running→scheduled, then failed), requeued by `jobq retry`
#    (failed→queued), that fails again; a job over its timeout; sleep jobs; a job for a queue
#    nobody serves; two scheduled jobs; jobs after others (→waiting): after a job that
#    succeeds (waiting→queued), the same with a run time ahead (waiting→scheduled), after a
#    job that fails (waiting→cancelled), after a scheduled job (cancelled below);
#  - one `jobq cancel --wait` of a queued, a scheduled, a running and a waiting job; `jobq
#    retry` of the cancelled queued job (cancelled→queued);
#  - dead letters naming that queued job and a scheduled one (an envelope whose message_id
#    disagrees with its body: w1 rejects it, the broker dead-letters it, the relay fails the
#    job: queued→failed, scheduled→failed);
#  - `kill -9` of w1 while it runs two sleep jobs; w2, started then, receives them again,
#    takes one over (running→running, attempt 2) and fails the other, which had no attempt
#    left (running→failed, "worker lost; attempts used up");
#  - w2 stopped with TERM and a 1 s shutdown_timeout releases the taken-over job
#    (running→queued);
#  - then every (from_status, to_status) of job_events, "-" for a creation, is a pair that
#    `tests/transitions --pairs` prints (the table read from the C code), and every pair it
#    prints was made.
source "$(dirname "$0")/lib.sh"
jq_setup transitions

J="$JOBQ_BIN_DIR/jobq"
TRY="$JOBQ_BIN_DIR/tests/amqp_try"
TABLE="$JOBQ_BIN_DIR/tests/transitions"
OTHER_MID=11111111-2222-3333-4444-555555555555
export JOBQ_RETRY_BASE=100ms JOBQ_RETRY_MAX=200ms
st() { sql "select status from jobs where id='$1'"; }
running_on() { sql_is "running|$2" "select status, worker_id from jobs where id='$1'"; }
status_is() { sql_is "$2" "select status from jobs where id='$1'"; }
retry_saved() { "$J" retry "$1" || [[ $? == 6 ]]; }
# dead_letter ID — publish an envelope naming job ID under another message id: the consumer
# rejects it, the broker dead-letters it, and the relay fails the job if it has not started.
dead_letter() {
  printf '{"job_id":"%s","type":"noop","queue":"default"}' "$1" >"$T/dead-$1"
  check "publish a mismatched envelope naming $1" "$TRY" "$JOBQ_AMQP_URL" publish jobq.jobs default \
    "$T/dead-$1" "$OTHER_MID"
}

check --fatal "the transition table tool runs" "$TABLE" --pairs
check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 8

# ---------------------------------------------------------------- one worker
# The sleep jobs run 600 s: two of them must still run at the kill below, which a loaded
# machine reached 42 s after their start (the waits before it add up).
{
  echo '{"type": "noop", "delay": "1s"}'
  echo '{"type": "fail", "payload": {"message": "boom"}, "max_attempts": 2}'
  echo '{"type": "sleep", "payload": {"seconds": 30}, "timeout": "500ms", "max_attempts": 1}'
  echo '{"type": "noop", "queue": "nobody"}'
  echo '{"type": "noop", "delay": "10m", "ref": "far"}'
  echo '{"type": "noop", "delay": "1m"}'
  echo '{"type": "sleep", "payload": {"seconds": 600}}'
  echo '{"type": "sleep", "payload": {"seconds": 600}}'
  echo '{"type": "sleep", "payload": {"seconds": 600}, "max_attempts": 1}'
  echo '{"type": "noop", "ref": "dep"}'
  echo '{"type": "noop", "after": "dep"}'
  echo '{"type": "noop", "after": "dep", "delay": "1h"}'
  echo '{"type": "fail", "payload": {"message": "gone"}, "max_attempts": 1, "ref": "lost"}'
  echo '{"type": "noop", "after": "lost"}'
  echo '{"type": "noop", "after": "far"}'
} >"$T/batch.jsonl"
check_status "submit --batch of 15 jobs exits 0" 0 "$J" submit --batch "$T/batch.jsonl"
mapfile -t ids <"$OUT_FILE"
check_eq "15 ids" 15 "${#ids[@]}"
delayed=${ids[0]} failing=${ids[1]} timed=${ids[2]} lonely=${ids[3]} far=${ids[4]}
sched=${ids[5]} slow=${ids[6]} again=${ids[7]} last=${ids[8]}
after_dep=${ids[10]} after_dep_later=${ids[11]} after_lost=${ids[13]} after_far=${ids[14]}
three_on_w1() { running_on "$slow" w1 && running_on "$again" w1 && running_on "$last" w1; }
wait_for 20 "the three sleep jobs run on w1" three_on_w1 || true
check_status "cancel --wait of a queued, a scheduled, a running and a waiting job exits 0" 0 \
  timeout 30 "$J" cancel --wait --timeout 20s "$lonely" "$sched" "$slow" "$after_far"
check_status "retry of the cancelled queued job exits 0 or 6 (saved, left to the relay)" 0 \
  retry_saved "$lonely"
dead_letter "$lonely"
dead_letter "$far"
wait_for 15 "the failing job failed" status_is "$failing" failed || true
check_status "jobq retry of the failed job exits 0 or 6 (saved, left to the relay)" 0 \
  retry_saved "$failing"
wait_for 15 "the dead-lettered queued job failed" status_is "$lonely" failed || true
wait_for 15 "the dead-lettered scheduled job failed" status_is "$far" failed || true
wait_for 15 "the delayed job succeeded" status_is "$delayed" succeeded || true
wait_for 15 "the job over its timeout failed" status_is "$timed" failed || true
wait_for 15 "the job after a succeeded one was queued and succeeded" \
  status_is "$after_dep" succeeded || true
wait_for 15 "the job after a succeeded one with a run time ahead was scheduled" \
  status_is "$after_dep_later" scheduled || true
wait_for 15 "the job after a failed one was cancelled" status_is "$after_lost" cancelled || true
wait_for 15 "the retried job failed again, after 2 attempts" \
  sql_is "failed|2" "select status, attempt from jobs where id='$failing'" || true

# ---------------------------------------------------------------- kill -9, takeover
# The broker requeues w1's unacked messages when its connection drops; w2 receives them,
# finds w1's liveness lock free and takes the jobs over.
kill -KILL "$(pid_of w1)"
wait_exit w1 5 || true
JOBQ_SHUTDOWN_TIMEOUT=1s start_consumer w2 --worker-id w2 --concurrency 4
wait_for 30 "w2 took the job with attempts left over" running_on "$again" w2 || true
wait_for 30 "the job with no attempt left failed" status_is "$last" failed || true

# ---------------------------------------------------------------- release at shutdown
check_status "w2 exits 0 on TERM" 0 stop_consumer w2
check_eq "the taken-over job was released (queued)" queued "$(st "$again")"

# ---------------------------------------------------------------- the history against the table
check_eq "no job is running" 0 "$(sql "select count(*) from jobs where status='running'")"
note "states: $(state_counts); $(sql "select count(*) from job_events") events"
"$TABLE" --pairs | LC_ALL=C sort -u >"$T/table.pairs"
sql "select distinct coalesce(from_status, '-') || ' ' || to_status from job_events" |
  LC_ALL=C sort -u >"$T/seen.pairs"
check_eq "every transition in job_events is in the table (tests/transitions --pairs)" "" \
  "$(LC_ALL=C comm -23 "$T/seen.pairs" "$T/table.pairs" | paste -sd, -)"
check_eq "every pair of the table was made" "" \
  "$(LC_ALL=C comm -13 "$T/seen.pairs" "$T/table.pairs" | paste -sd, -)"
check_eq "the pairs new to the table each came from their statement" \
  "queued failed dead-lettered: rejected|running failed worker lost; attempts used up|running queued released at worker shutdown|running running taken over: owner's session gone|scheduled failed dead-lettered: rejected" \
  "$(sql "select distinct from_status || ' ' || to_status || ' ' || reason from job_events
          where (from_status, to_status) in (('running', 'running'), ('queued', 'failed'),
                                             ('scheduled', 'failed'), ('running', 'queued'))
             or (from_status, to_status, job_id) = ('running', 'failed', '$last')" |
     LC_ALL=C sort | paste -sd'|' -)"
