#!/usr/bin/env bash
# test_claim_ahead — prefetched deliveries and the claim sent with the previous job's outcome
# (docs/configuration.md, consumer.prefetch; docs/architecture.md step 5):
#  - the default prefetch is the concurrency, a larger one is kept (--check-config);
#  - 300 noop jobs through one worker at concurrency 1, prefetch 8: all succeed, each with
#    one queued→running and one terminal transition, attempt 1; the write statements carry
#    at least 1.5 claims and finishes each on average (a finish and the next claim share
#    one), where one at a time would carry 1;
#  - a waiting delivery holds no lease: while a sleep job runs on a worker of concurrency 1,
#    the jobs prefetched behind it stay queued with no owner, unacked in the broker; one of
#    them cancelled meanwhile ends cancelled without ever running, and its message is
#    acked; the others succeed once the sleep job ends (cancelled);
#  - SIGTERM with a delivery waiting: the worker drains, its running job ends (cancelled
#    here), the waiting one is given back untouched (still queued, attempt 0, no owner)
#    and a second worker runs it as attempt 1;
#  - kill -9 with deliveries waiting: another worker takes over the running job (attempt 2)
#    and runs the waiting ones as attempt 1; no job has two terminal transitions.
source "$(dirname "$0")/lib.sh"
jq_setup claim_ahead

J="$JOBQ_BIN_DIR/jobq"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
URL="http://127.0.0.1:$port/metrics"
metric() { curl -s --max-time 5 "$URL" | awk -v m="$1" '$1 == m { print $2 }'; }
st() { sql "select status from jobs where id='$1'"; }
qs_is() { [[ "$(queue_stat jobq.default "$1")" == "$2" ]]; }
drained() { qs_is messages_ready 0 && qs_is messages_unacknowledged 0; }
running_is() { [[ "$(st "$1")" == running ]]; }
status_is() { [[ "$(st "$1")" == "$2" ]]; }   # ID STATUS
succeeded_is() { sql_is "$1" "select count(*) from jobs where status='succeeded'"; }

check --fatal "migrate" jobq migrate

# ---------------------------------------------------------------- the default
check_status "--check-config exits 0" 0 "$JOBQ_BIN_DIR/jobq-consumer" --check-config --concurrency 3
check_eq "the default prefetch is the concurrency" 1 "$(grep -cxF "consumer.prefetch: 3 (= concurrency)" <<<"$OUT")"
check_status "--check-config with JOBQ_PREFETCH=6 exits 0" 0 env JOBQ_PREFETCH=6 \
  "$JOBQ_BIN_DIR/jobq-consumer" --check-config --concurrency 3
check_eq "... prints 6" 1 "$(grep -cxF "consumer.prefetch: 6" <<<"$OUT")"

# ---------------------------------------------------------------- a finish and the next claim
N=300
for ((i = 1; i <= N; i++)); do printf '{"type":"noop","payload":{"i":%d}}\n' "$i"; done >"$T/batch.jsonl"
check_status "submit --batch of $N jobs" 0 "$J" submit --batch "$T/batch.jsonl"
JOBQ_PREFETCH=8 start_consumer w1 --worker-id w1 --concurrency 1 --metrics "127.0.0.1:$port"
wait_for 10 "the metrics endpoint answers" curl -sf --max-time 2 -o /dev/null "$URL"
wait_for 60 "all $N jobs succeeded" succeeded_is "$N" || true
check_eq "all $N succeeded" "$N" "$(sql "select count(*) from jobs where status='succeeded'")"
check_eq "each ran once, as attempt 1" "$N" "$(sql "
  select count(*) from jobs j where attempt = 1 and
    (select count(*) from job_events e where e.job_id = j.id and e.to_status = 'running') = 1 and
    (select count(*) from job_events e where e.job_id = j.id
       and e.to_status in ('succeeded','failed','cancelled')) = 1")"
batches=$(metric jobq_write_batches_total)
items=$(( $(metric 'jobq_write_batch_items_total{kind="claim"}') + $(metric 'jobq_write_batch_items_total{kind="finish"}') ))
note "write statements: $batches for $items claims and finishes"
check_eq "claims and finishes: one of each per job" $(( 2 * N )) "$items"
check_eq "a finish and the next claim share a statement (>= 1.5 items per statement)" 1 \
  "$(( batches > 0 && 2 * items >= 3 * batches ? 1 : 0 ))"
wait_for 15 "jobq.default drained" drained || true
check_eq "jobq.default: 0 unacked" 0 "$(queue_stat jobq.default messages_unacknowledged)"
check_status "w1 stops on TERM" 0 stop_consumer w1

# ---------------------------------------------------------------- a waiting delivery has no lease
# The sleep jobs below sleep a minute and end by a cancel: the checks never race their end.
JOBQ_PREFETCH=2 start_consumer w2 --worker-id w2 --concurrency 1
check_status "submit a sleep job" 0 "$J" submit sleep '{"seconds":60}'
a=$OUT
wait_for 20 "the sleep job runs" running_is "$a" || true
check_status "submit job b" 0 "$J" submit noop; b=$OUT
check_status "submit job c" 0 "$J" submit noop; c=$OUT
wait_for 15 "the broker shows 2 unacked (the sleep job and b; prefetch 2)" qs_is messages_unacknowledged 2 || true
check_eq "b waits queued, with no owner or lease" "queued|t|t" \
  "$(sql "select status, worker_id is null, lease_expires_at is null from jobs where id='$b'")"
wait_for 15 "c waits in the queue, ready (the broker's figures lag a few seconds)" qs_is messages_ready 1 || true
check_status "cancel of the waiting job b exits 0" 0 "$J" cancel "$b"
check_eq "... 'ID cancelled (was queued)'" "$b cancelled (was queued)" "$OUT"
check_status "cancel --wait of the sleep job exits 0" 0 "$J" cancel --wait "$a"
wait_for 20 "c succeeded after the sleep job" status_is "$c" succeeded || true
check_eq "the sleep job was cancelled" cancelled "$(st "$a")"
check_eq "b is cancelled and never ran" "cancelled|0" \
  "$(sql "select status, (select count(*) from job_events e where e.job_id=j.id and e.to_status='running') from jobs j where id='$b'")"
check_eq "c succeeded as attempt 1" "succeeded|1" "$(sql "select status, attempt from jobs where id='$c'")"
wait_for 15 "jobq.default drained (b's message acked)" drained || true
check_eq "jobq.default: 0 ready, 0 unacked" "0|0" \
  "$(queue_stat jobq.default messages_ready)|$(queue_stat jobq.default messages_unacknowledged)"

# ---------------------------------------------------------------- SIGTERM with deliveries waiting
check_status "submit a sleep job" 0 "$J" submit sleep '{"seconds":60}'
a=$OUT
wait_for 20 "it runs on w2" running_is "$a" || true
check_status "submit job d" 0 "$J" submit noop; d=$OUT
wait_for 15 "d waits in w2 (2 unacked)" qs_is messages_unacknowledged 2 || true
kill -TERM "$(pid_of w2)"
wait_for 15 "w2 drains (its worker row says so)" sql_is draining "select state from workers where id='w2'" || true
check_status "cancel --wait of the running sleep job exits 0" 0 "$J" cancel --wait "$a"
wait_exit w2 30 || true
check_eq "w2 exited 0 after the drain" 0 "$STATUS"
check_eq "the sleep job was cancelled" cancelled "$(st "$a")"
check_eq "d was given back untouched: queued, attempt 0, no owner" "queued|0|t" \
  "$(sql "select status, attempt, worker_id is null from jobs where id='$d'")"
JOBQ_PREFETCH=2 start_consumer w3 --worker-id w3 --concurrency 1
wait_for 20 "d succeeded on w3" status_is "$d" succeeded || true
check_eq "d ran once, on w3, as attempt 1" "succeeded|1|w3" "$(sql "select status, attempt, worker_id from jobs where id='$d'")"
check_status "w3 stops on TERM" 0 stop_consumer w3

# ---------------------------------------------------------------- kill -9 with deliveries waiting
JOBQ_PREFETCH=4 start_consumer w4 --worker-id w4 --concurrency 1
check_status "submit a sleep job" 0 "$J" submit sleep '{"seconds":60}'
a=$OUT
wait_for 20 "it runs on w4" running_is "$a" || true
ids=()
for k in 1 2 3; do check_status "submit waiting job $k" 0 "$J" submit noop; ids+=("$OUT"); done
wait_for 15 "the broker shows 4 unacked on w4" qs_is messages_unacknowledged 4 || true
check_eq "the waiting jobs are queued, with no owner" 3 \
  "$(sql "select count(*) from jobs where status='queued' and worker_id is null and id in ('${ids[0]}','${ids[1]}','${ids[2]}')")"
kill -9 "$(pid_of w4)"
wait_exit w4 10 || true
start_consumer w5 --worker-id w5 --concurrency 2
waiting_done() { sql_is 3 "select count(*) from jobs where status='succeeded' and id in ('${ids[0]}','${ids[1]}','${ids[2]}')"; }
wait_for 30 "the waiting jobs succeeded" waiting_done || true
on_w5() { sql_is "running|w5|2" "select status, worker_id, attempt from jobs where id='$a'"; }
wait_for 30 "the killed worker's running job runs again on w5, attempt 2" on_w5 || true
check_eq "... it does" "running|w5|2" "$(sql "select status, worker_id, attempt from jobs where id='$a'")"
check_status "cancel --wait of it exits 0" 0 "$J" cancel --wait "$a"
for id in "${ids[@]}"; do
  check_eq "waiting job $id ran once on w5 as attempt 1" "succeeded|1|w5|1" \
    "$(sql "select status, attempt, worker_id, (select count(*) from job_events e where e.job_id=j.id and e.to_status='running') from jobs j where id='$id'")"
done
check_eq "no job has two terminal transitions" 0 "$(sql "
  select count(*) from (select job_id from job_events where to_status in ('succeeded','failed','cancelled')
                        group by job_id having count(*) > 1) x")"
wait_for 15 "jobq.default drained" drained || true
check_status "w5 stops on TERM" 0 stop_consumer w5
