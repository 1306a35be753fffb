#!/usr/bin/env bash
# test_queue_type_classic — jobs end to end on classic queues (amqp.queue_type = "classic",
# here through JOBQ_QUEUE_TYPE for every program; docs/scaling.md "Queue type"):
#  - `jobq migrate` declares jobq.default and jobq.dead as classic queues: jobq.default with
#    x-dead-letter-exchange jobq.dead and no delivery limit; `--check-config` shows the type;
#  - 300 noop jobs submitted with --batch are drained by two consumers: every job succeeded
#    with one queued->running and one terminal transition, and the queue ends empty;
#  - a running sleep job is cancelled with `jobq cancel --wait` and ends cancelled;
#  - a worker killed with SIGKILL while it runs sleep jobs: the broker requeues their
#    messages and the other worker takes each one over (attempt 2) and finishes it;
#  - a malformed message is rejected and dead-lettered through the classic queue's
#    x-dead-letter-exchange: the relay records it in dead_letters;
#  - a published queued job whose message vanished (jobq.lost purged before any consumer
#    took it) is NOT published again by the relay: it stays queued, published; clearing its
#    published_at (the recovery docs/scaling.md gives) hands it back to the relay, and it
#    runs.
source "$(dirname "$0")/lib.sh"
jq_setup queue_type_classic

export JOBQ_QUEUE_TYPE=classic JOBQ_RELAY_INTERVAL=200ms
J="$JOBQ_BIN_DIR/jobq"
qfield() {  # QUEUE PYTHON_EXPR over the queue's JSON d
  mgmt_get "queues/$1" | json_get "$2" 2>/dev/null
}

check --fatal "migrate (classic) exits 0" jobq migrate
check_eq "jobq.default is a classic queue" classic "$(qfield jobq.default 'd["type"]')"
check_eq "... declared with x-queue-type classic and x-dead-letter-exchange jobq.dead only" \
  "x-dead-letter-exchange=jobq.dead x-queue-type=classic" \
  "$(qfield jobq.default '" ".join("%s=%s" % kv for kv in sorted(d["arguments"].items()))')"
check_eq "jobq.dead is a classic queue" classic "$(qfield jobq.dead 'd["type"]')"
check_status "jobq-consumer --check-config exits 0" 0 jobq_consumer --check-config
check "... and shows amqp.queue_type: classic" grep -qx "amqp.queue_type: classic" "$OUT_FILE"

# ---------------------------------------------------------------- a drain
N=300
for ((i = 1; i <= N; i++)); do printf '{"type":"noop","payload":{"i":%d}}\n' "$i"; done >"$T/batch.jsonl"
check_status "submit --batch of $N noop jobs exits 0" 0 "$J" submit --batch "$T/batch.jsonl"
start_consumer c1 --worker-id c1 --concurrency 8
start_consumer c2 --worker-id c2 --concurrency 8
wait_for 60 "all $N jobs succeeded" sql_is "$N" "select count(*) from jobs where status='succeeded'" ||
  note "states: $(state_counts)"
check_eq "every job has exactly one terminal transition" 0 "$(terminal_anomalies true)"
check_eq "every job has exactly one queued->running" 0 "$(sql "
  select count(*) from jobs j where (select count(*) from job_events e where e.job_id = j.id
    and e.from_status = 'queued' and e.to_status = 'running') <> 1")"
check_eq "both workers ran jobs" 2 "$(sql "select count(distinct worker_id) from jobs")"
drained() { queue_counts_are jobq.default "0|0"; }
wait_for 15 "jobq.default: nothing ready or unacked" drained && _jq_ok "jobq.default: nothing ready or unacked"

# ---------------------------------------------------------------- cancel
check_status "submit sleep 30 s exits 0" 0 "$J" submit sleep '{"seconds":30}'
cid=$OUT
wait_for 20 "the sleep job runs" sql_is running "select status from jobs where id='$cid'" || true
check_status "cancel --wait exits 0" 0 timeout 30 "$J" cancel --wait "$cid"
check_eq "... it ended cancelled, one terminal transition" "cancelled|0" \
  "$(sql "select status from jobs where id='$cid'")|$(terminal_anomalies "j.id='$cid'")"

# ---------------------------------------------------------------- a worker killed
K=6
# 12 s jobs: a loaded machine may start the last ones seconds after the first, and the
# victim's must still be running when it is killed
for ((i = 1; i <= K; i++)); do printf '{"type":"sleep","payload":{"seconds":12,"k":%d}}\n' "$i"; done >"$T/sleep.jsonl"
check_status "submit --batch of $K sleep jobs exits 0" 0 "$J" submit --batch "$T/sleep.jsonl"
wait_for 30 "all $K sleep jobs running" sql_is "$K" "select count(*) from jobs where payload ? 'k' and status='running'" ||
  note "states: $(state_counts)"
victim=$(sql "select worker_id from jobs where payload ? 'k' and status='running' group by worker_id order by count(*) desc, worker_id limit 1")
survivor=$([[ "$victim" == c1 ]] && echo c2 || echo c1)
sql "create table victim_jobs as select id from jobs where payload ? 'k' and status='running' and worker_id='$victim'"
nv=$(sql "select count(*) from victim_jobs")
note "victim $victim runs $nv of the $K sleep jobs; survivor $survivor"
kill -KILL "$(pid_of "$victim")"
wait_exit "$victim" 10 || true
check_eq "the victim died of SIGKILL (137)" 137 "${STATUS:-}"
wait_for 60 "all $K sleep jobs succeeded" sql_is "$K" "select count(*) from jobs where payload ? 'k' and status='succeeded'" ||
  note "states: $(state_counts)"
check_eq "the victim's $nv jobs were taken over and finished by $survivor (attempt 2)" "$nv" "$(sql "
  select count(*) from jobs where id in (select id from victim_jobs)
    and status='succeeded' and attempt=2 and worker_id='$survivor'")"
check_eq "... each with one takeover (running->running, owner's session gone)" "$nv" "$(sql "
  select count(*) from job_events where job_id in (select id from victim_jobs)
    and from_status='running' and to_status='running' and reason='taken over: owner''s session gone'")"
check_eq "every sleep job has one terminal transition" 0 "$(terminal_anomalies "j.payload ? 'k'")"
check "the victim ran at least one of them" test "$nv" -gt 0

# ---------------------------------------------------------------- dead-lettering
printf 'not a job' >"$T/bad"
check "publish a malformed message to jobq.default" \
  "$JOBQ_BIN_DIR/tests/amqp_try" "$JOBQ_AMQP_URL" publish jobq.jobs default "$T/bad"
wait_for 20 "it was dead-lettered and recorded in dead_letters" \
  sql_is "1|rejected|jobq.default" "select count(*), min(reason), min(queue) from dead_letters" || true

# ---------------------------------------------------------------- a message that vanished
check_status "submit noop --queue lost exits 0 (no consumer serves it yet)" 0 "$J" submit noop --queue lost
lost=$OUT
check_eq "it is queued and published" "queued|t" \
  "$(sql "select status, published_at is not null from jobs where id='$lost'")"
wait_for 15 "its message is ready in jobq.lost" queue_counts_are jobq.lost "1|0" || true
check "purge jobq.lost (the message vanishes)" \
  _jq_mgmt DELETE "/api/queues/$(_jq_urlencode "$TEST_VHOST")/jobq.lost/contents"
start_consumer c3 --worker-id c3 --queues lost --concurrency 1
c3_consumes() { [[ "$(queue_stat jobq.lost consumers 2>/dev/null)" == 1 ]]; }
wait_for 20 "c3 consumes jobq.lost" c3_consumes || true
jq_nap 3  # 15 relay rounds of each of the two consumers
check_eq "the relay did not publish it again: still queued, published, never claimed" "queued|t|0" \
  "$(sql "select status, published_at is not null, attempt from jobs where id='$lost'")"
check "clear published_at of the queued job (the documented recovery)" \
  sql "update jobs set published_at = null where id='$lost' and status='queued'"
wait_for 20 "the relay published it and c3 ran it" sql_is "succeeded|c3" \
  "select status, worker_id from jobs where id='$lost'" || true

for w in "$survivor" c3; do
  check_status "$w drains and exits 0 on TERM" 0 stop_consumer "$w"
done
