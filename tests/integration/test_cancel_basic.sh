#!/usr/bin/env bash
# test_cancel_basic — `jobq cancel` on jobs in every state (docs/design.md §3, §7; docs/cli.md):
#  - a queued job (no consumer running, its message waits in jobq.default) is cancelled at
#    once: "ID cancelled (was queued)", exit 0, status cancelled, history queued→cancelled.
#    A consumer started afterwards never runs it (no queued→running event, still cancelled,
#    one terminal transition) and acks its message: jobq.default ends with 0 ready, 0 unacked;
#  - a scheduled job (--delay 1m) likewise ("was scheduled"); the relay never publishes it;
#  - a running sleep {"seconds":30} job with --wait --reason: exit 0, "ID stopped (cancelled)
#    in N ms", well before 30 s; status cancelled, cancel_reason stored, history
#    running→cancelled, one terminal transition, stop_ms = finished_at − cancel_requested_at;
#  - without --wait: "ID cancel requested (running)", exit 0, and the job then ends cancelled;
#  - --json: one object per job with id, outcome, status, stop_ms;
#  - cancel of a finished job → "already finished (STATE)", exit 1, job untouched;
#    unknown id → exit 3; not a UUID → exit 2 (and nothing else in that call is cancelled);
#  - several ids in one call: one line per id and the highest exit status.
source "$(dirname "$0")/lib.sh"
jq_setup cancel_basic

J="$JOBQ_BIN_DIR/jobq"
UNKNOWN=6a0c2f35-3f0e-4d7b-9d47-7c1d3b2f9e01
st() { sql "select status from jobs where id='$1'"; }
events() {  # ID FROM TO
  sql "select count(*) from job_events where job_id='$1' and from_status='$2' and to_status='$3'"
}
terminal_events() {
  sql "select count(*) from job_events where job_id='$1' and to_status in ('succeeded','failed','cancelled')"
}
elapsed_ms() { echo $(( $(_jq_now_ms) - $1 )); }
qs_is() { [[ "$(queue_stat "$1" "$2")" == "$3" ]]; }   # QUEUE FIELD VALUE
drained() { qs_is jobq.default messages_ready 0 && qs_is jobq.default messages_unacknowledged 0; }

check --fatal "migrate" jobq migrate

# ---------------------------------------------------------------- queued, no consumer
check_status "submit sleep (no consumer running) exits 0" 0 "$J" submit sleep '{"seconds":30}'
q_id=$OUT
check_eq "it is queued" queued "$(st "$q_id")"
check_eq "it was published (published_at set)" t "$(sql "select published_at is not null from jobs where id='$q_id'")"
wait_for 15 "its message is ready in jobq.default" qs_is jobq.default messages_ready 1 || true
check_status "cancel of the queued job exits 0" 0 "$J" cancel "$q_id"
check_eq "... prints 'ID cancelled (was queued)'" "$q_id cancelled (was queued)" "$OUT"
check_eq "... status cancelled" cancelled "$(st "$q_id")"
check_eq "... history: queued→cancelled" 1 "$(events "$q_id" queued cancelled)"
check_eq "... cancel_requested_at, finished_at and the default reason are set" "t|t|cancelled by user" \
  "$(sql "select cancel_requested_at is not null, finished_at is not null, cancel_reason from jobs where id='$q_id'")"

# ---------------------------------------------------------------- scheduled
check_status "submit --delay 1m exits 0" 0 "$J" submit --delay 1m noop
s_id=$OUT
check_eq "it is scheduled" scheduled "$(st "$s_id")"
check_status "cancel of the scheduled job exits 0" 0 "$J" cancel --reason "not needed" "$s_id"
check_eq "... prints 'ID cancelled (was scheduled)'" "$s_id cancelled (was scheduled)" "$OUT"
check_eq "... status cancelled, reason stored" "cancelled|not needed" \
  "$(sql "select status, cancel_reason from jobs where id='$s_id'")"
check_eq "... history: scheduled→cancelled" 1 "$(events "$s_id" scheduled cancelled)"

# ---------------------------------------------------------------- a consumer starts
# The queued job's message is still in jobq.default: the consumer must ack it without
# running the job.
start_consumer w1 --worker-id w1 --concurrency 4
wait_for 20 "jobq.default drained: 0 ready, 0 unacked" drained || true
sleep 2   # let the relay run a round or two: nothing may bring the cancelled jobs back
check_eq "the cancelled queued job never ran (no queued→running)" 0 \
  "$(sql "select count(*) from job_events where job_id='$q_id' and to_status='running'")"
check_eq "... it is still cancelled, attempt 0, no owner" "cancelled|0|" \
  "$(sql "select status, attempt, coalesce(worker_id, '') from jobs where id='$q_id'")"
check_eq "... with exactly one terminal transition" 1 "$(terminal_events "$q_id")"
check_eq "the cancelled scheduled job never ran and was never published" "cancelled|0|f" \
  "$(sql "select status, (select count(*) from job_events where job_id='$s_id' and to_status in ('queued','running')), published_at is not null from jobs where id='$s_id'")"
check_eq "jobq.default: 0 messages ready" 0 "$(queue_stat jobq.default messages_ready)"
check_eq "jobq.default: 0 messages unacked" 0 "$(queue_stat jobq.default messages_unacknowledged)"
check_eq "nothing was dead-lettered" 0 "$(queue_stat jobq.dead messages)"

# ---------------------------------------------------------------- running, --wait
check_status "submit sleep 30s exits 0" 0 "$J" submit sleep '{"seconds":30}'
r_id=$OUT
wait_for 15 "the sleep job is running" sql_is running "select status from jobs where id='$r_id'" || true
t0=$(_jq_now_ms)
check_status "cancel --wait --reason of the running job exits 0" 0 \
  timeout 30 "$J" cancel --wait --timeout 20s --reason "operator said so" "$r_id"
dt=$(elapsed_ms "$t0")
check "... prints 'ID stopped (cancelled) in N ms' ($OUT)" \
  grep -Eq "^$r_id stopped \(cancelled\) in [0-9]+\.[0-9] ms$" "$OUT_FILE"
check "... returned well before the 30 s sleep ended (${dt} ms < 15000)" test "$dt" -lt 15000
check "... the job stopped within 3 s of the request (stop_ms $(sql "select (extract(epoch from finished_at - cancel_requested_at) * 1000)::int from jobs where id='$r_id'"); heartbeats every 30 s)" \
  sql_is t "select finished_at - cancel_requested_at < interval '3 s' from jobs where id='$r_id'"
check_eq "... status cancelled, reason stored" "cancelled|operator said so" \
  "$(sql "select status, cancel_reason from jobs where id='$r_id'")"
check_eq "... history: running→cancelled" 1 "$(events "$r_id" running cancelled)"
check_eq "... exactly one terminal transition" 1 "$(terminal_events "$r_id")"
check_eq "... the last transition was written by its owner w1, attempt 1" "w1|1" \
  "$(sql "select worker_id, attempt from job_events where job_id='$r_id' order by id desc limit 1")"
printed_ms=$(sed -nE 's/.* in ([0-9.]+) ms$/\1/p' "$OUT_FILE")
db_ms=$(sql "select round((extract(epoch from finished_at - cancel_requested_at) * 1000)::numeric, 1) from jobs where id='$r_id'")
check_eq "... the printed stop time is finished_at − cancel_requested_at" "$db_ms" "$printed_ms"
note "cancel --wait of a running sleep job: stopped in $printed_ms ms (command took $dt ms)"

# ---------------------------------------------------------------- running, no --wait
check_status "submit sleep 30s exits 0" 0 "$J" submit sleep '{"seconds":30}'
n_id=$OUT
wait_for 15 "the sleep job is running" sql_is running "select status from jobs where id='$n_id'" || true
check_status "cancel (no --wait) of the running job exits 0" 0 "$J" cancel "$n_id"
check_eq "... prints 'ID cancel requested (running)'" "$n_id cancel requested (running)" "$OUT"
check_status "wait on it then exits 1 (cancelled)" 1 timeout 20 "$J" wait --timeout 15s "$n_id"
check_eq "... it ended cancelled, with one terminal transition" "cancelled|1" \
  "$(sql "select status, (select count(*) from job_events where job_id='$n_id' and to_status in ('succeeded','failed','cancelled')) from jobs where id='$n_id'")"

# ---------------------------------------------------------------- --json
check_status "submit sleep 30s exits 0" 0 "$J" submit sleep '{"seconds":30}'
j_id=$OUT
wait_for 15 "the sleep job is running" sql_is running "select status from jobs where id='$j_id'" || true
check_status "cancel --json --wait exits 0" 0 timeout 30 "$J" --json cancel --wait --timeout 20s "$j_id"
check_eq "... one JSON object: id, outcome stopped, status cancelled" "$j_id|stopped|cancelled|True" \
  "$(json_get '"%s|%s|%s|%s" % (d["id"], d["outcome"], d["status"], isinstance(d["stop_ms"], (int, float)) and d["stop_ms"] >= 0)' <<<"$OUT" 2>&1)"
check_status "submit --delay 1m noop exits 0" 0 "$J" submit --delay 1m noop
js_id=$OUT
check_status "cancel --json of a scheduled job and a finished one exits 1" 1 "$J" --json cancel "$js_id" "$r_id"
check_eq "... two lines of JSON" 2 "$(wc -l <"$OUT_FILE")"
check_eq "... first: the scheduled job, outcome cancelled" "$js_id|cancelled" \
  "$(sed -n 1p "$OUT_FILE" | json_get '"%s|%s" % (d["id"], d["outcome"])' 2>&1)"
check_eq "... second: the finished job, already finished, status cancelled" "$r_id|already finished|cancelled" \
  "$(sed -n 2p "$OUT_FILE" | json_get '"%s|%s|%s" % (d["id"], d["outcome"], d["status"])' 2>&1)"

# ---------------------------------------------------------------- refusals
check_status "submit noop --wait exits 0" 0 timeout 20 "$J" submit noop --wait
ok_id=$(sed -n 1p <<<"$OUT")
check_eq "the noop job succeeded" succeeded "$(st "$ok_id")"
check_status "cancel of a succeeded job exits 1" 1 "$J" cancel "$ok_id"
check_eq "... prints 'ID already finished (succeeded)'" "$ok_id already finished (succeeded)" "$OUT"
check_eq "... the job is untouched (succeeded, no cancel request)" "succeeded|f" \
  "$(sql "select status, cancel_requested_at is not null from jobs where id='$ok_id'")"
check_status "cancel --wait of a cancelled job exits 1" 1 timeout 20 "$J" cancel --wait "$r_id"
check_eq "... prints 'ID already finished (cancelled)'" "$r_id already finished (cancelled)" "$OUT"
check_eq "... still one terminal transition" 1 "$(terminal_events "$r_id")"
check_status "cancel of an unknown id exits 3" 3 "$J" cancel "$UNKNOWN"
check "... stderr names the id" grep -q "$UNKNOWN" "$ERR_FILE"
check_status "cancel of a non-UUID exits 2" 2 "$J" cancel not-a-uuid
check_status "cancel with no id exits 2" 2 "$J" cancel
check_status "submit --delay 1m noop exits 0" 0 "$J" submit --delay 1m noop
b_id=$OUT
check_status "cancel of a scheduled job together with a non-UUID exits 2" 2 "$J" cancel "$b_id" not-a-uuid
check_eq "... and cancels nothing (the scheduled job stays scheduled)" scheduled "$(st "$b_id")"

# ---------------------------------------------------------------- several ids in one call
check_status "submit sleep 30s exits 0" 0 "$J" submit sleep '{"seconds":30}'
m_run=$OUT
wait_for 15 "the sleep job is running" sql_is running "select status from jobs where id='$m_run'" || true
check_status "cancel SCHEDULED SUCCEEDED UNKNOWN RUNNING exits 3 (the highest)" 3 \
  timeout 30 "$J" cancel --wait --timeout 20s "$b_id" "$ok_id" "$UNKNOWN" "$m_run"
check "... 'cancelled (was scheduled)' for the scheduled one" grep -qx "$b_id cancelled (was scheduled)" "$OUT_FILE"
check "... 'already finished (succeeded)' for the succeeded one" grep -qx "$ok_id already finished (succeeded)" "$OUT_FILE"
check "... 'stopped (cancelled) in N ms' for the running one" grep -Eq "^$m_run stopped \(cancelled\) in [0-9.]+ ms$" "$OUT_FILE"
check_eq "... three lines on stdout" 3 "$(wc -l <"$OUT_FILE")"
check "... the unknown one is reported on stderr" grep -q "$UNKNOWN" "$ERR_FILE"
check_eq "... states: cancelled, succeeded, cancelled" "cancelled succeeded cancelled" \
  "$(st "$b_id") $(st "$ok_id") $(st "$m_run")"

check_status "submit --delay 1m noop exits 0" 0 "$J" submit --delay 1m noop
c1=$OUT
check_status "cancel SCHEDULED SUCCEEDED exits 1" 1 "$J" cancel "$c1" "$ok_id"
check_eq "... one line each, in order" "$c1 cancelled (was scheduled)|$ok_id already finished (succeeded)" \
  "$(paste -sd'|' "$OUT_FILE")"
check_status "cancel of the same id twice in one call exits 1 and reports it once" 1 "$J" cancel "$c1" "$c1"
check_eq "... one line" "$c1 already finished (cancelled)" "$OUT"

check_eq "at the end: nothing running" 0 "$(sql "select count(*) from jobs where status='running'")"
check_eq "at the end: every job has at most one terminal transition" 0 \
  "$(sql "select count(*) from (select job_id from job_events where to_status in ('succeeded','failed','cancelled') group by job_id having count(*) > 1) x")"
# (the management API's figures lag by up to a stats interval: poll)
no_unacked() { [[ "$(queue_stat jobq.default messages_unacknowledged)" == 0 ]]; }
check "at the end: jobq.default has 0 unacked" wait_for 10 "0 unacked" no_unacked
check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
