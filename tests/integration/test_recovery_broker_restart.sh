#!/usr/bin/env bash
# test_recovery_broker_restart — RabbitMQ restarts under load and nothing is lost or run twice
# (docs/design.md §1.1, §1.2; architecture "Reconnecting"). Runs on servers of its own
# (jq_private_stack), since it restarts the broker:
#  - two workers (--concurrency 8); jobs (noop and `sleep 0.2` alternately) submitted one
#    `jobq submit` at a time by four loops (tests/integration/submit_loop.sh);
#  - after 60 submits RabbitMQ is stopped cleanly, stays down 3 s and starts again
#    (scripts/stack restart-broker) while the loop goes on: every submit prints an id and
#    exits 0, or 6 with a warning when it was made while the broker was away and left the
#    job to the relay (JOBQ_RELAY_GRACE=1s), and the loops see at least one such submit;
#  - all the jobs end succeeded, each with exactly one terminal transition and exactly one
#    queued->running (no job ran twice), none left queued or running, every row published;
#  - both workers survive, reconnect and consume again; the queue ends empty.
source "$(dirname "$0")/lib.sh"
: "${JQ_TEST_TIMEOUT:=450}"   # ctest gives this test 480 s (tests/CMakeLists.txt)
jq_private_stack recovery_broker_restart

N_MAX=4000  # the loops stop (at most this many submits) once the server is back
export JOBQ_RELAY_GRACE=1s
check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id b1 --concurrency 8
start_consumer w2 --worker-id b2 --concurrency 8
consumers_are() { [[ "$(queue_stat jobq.default consumers)" == "$1" ]]; }
wait_for 20 "both workers registered" sql_is 2 "select count(*) from workers where state='running'" || true

# four submit loops (one CLI process per job is slow on a busy machine) that go on until
# 20 submits after the server came back, so that some always run while it is away
for l in 1 2 3 4; do
  SUBMIT_LOOP_STOP="$T/stop-submits" \
    start_proc "submitter$l" bash "$(dirname "$0")/submit_loop.sh" "$((N_MAX / 4))" "$T/submits.tsv" 0.05
done
submitted() { [[ $(wc -l 2>/dev/null <"$T/submits.tsv") -ge $1 ]]; }
wait_for 150 "60 submits done" submitted 60 || true   # slow beside the whole suite
t_down=$(_jq_now_ms)
jq_restart_broker --down-for 3
t_up=$(_jq_now_ms)
note "broker away for $(( t_up - t_down )) ms (stop, 3 s down, start); $(wc -l <"$T/submits.tsv") submits by then"
wait_for 60 "20 more submits after the restart" submitted $(( $(wc -l <"$T/submits.tsv") + 20 )) || true
touch "$T/stop-submits"
t_loops=$(_jq_now_ms)
for l in 1 2 3 4; do
  wait_exit "submitter$l" $(( 240 - ($(_jq_now_ms) - t_loops) / 1000 )) || fail "submit loop $l did not finish within 240 s"
done
note "the submit loops ended $(( $(_jq_now_ms) - t_loops )) ms after the restart"

N=$(wc -l <"$T/submits.tsv")
check "over 80 submits ran ($N)" test "$N" -gt 80
check_submit_log "$T/submits.tsv"
warned=$(awk -F'\t' '$4 == 1' "$T/submits.tsv" | wc -l)
note "$warned submits warned (broker unreachable, left to the relay); first: $(awk -F'\t' '$4 == 1 {print $6; exit}' "$T/submits.tsv")"
check "some submits ran while the broker was away ($warned warned)" test "$warned" -gt 0

t0=$(_jq_now_ms)
wait_for 120 "all $N jobs terminal" sql_is "$N" \
  "select count(*) from jobs where status in ('succeeded','failed','cancelled')" || note "states: $(state_counts)"
note "all terminal $(( $(_jq_now_ms) - t0 )) ms after the submit loop ended; $(state_counts)"
check_eq "all $N jobs succeeded" "$N" "$(sql "select count(*) from jobs j join submitted using (id) where j.status = 'succeeded'")"
check_eq "each has exactly one terminal transition" 0 "$(terminal_anomalies true)"
check_eq "each has exactly one queued->running (none ran twice)" 0 "$(sql "
  select count(*) from jobs j where (select count(*) from job_events e where e.job_id = j.id
    and e.from_status = 'queued' and e.to_status = 'running') <> 1")"
check_eq "none is left queued or running" 0 "$(sql "select count(*) from jobs where status in ('queued','running')")"
check_eq "every row was published" 0 "$(sql "select count(*) from jobs where published_at is null")"
note "attempts: $(sql "select string_agg(attempt || 'x' || n, ' ' order by attempt) from (select attempt, count(*) n from jobs group by 1) a")"

check "worker b1 survived the restart" is_running w1
check "worker b2 survived the restart" is_running w2
wait_for 30 "both workers consume jobq.default again" consumers_are 2 && _jq_ok "both workers consume jobq.default again"
queue_empty() { queue_counts_are jobq.default "0|0"; }
wait_for 15 "jobq.default: nothing left unacked or ready" queue_empty && _jq_ok "jobq.default: nothing left unacked or ready"
check_status "a job submitted after the restart succeeds" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" submit noop --wait
check_status "b1 drains and exits 0 on TERM" 0 stop_consumer w1
check_status "b2 drains and exits 0 on TERM" 0 stop_consumer w2
