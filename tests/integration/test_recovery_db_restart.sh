#!/usr/bin/env bash
# test_recovery_db_restart — PostgreSQL restarts under load and nothing that was submitted is
# lost or run twice (docs/design.md §1.1, §1.2; architecture "Reconnecting", guarantees "Database
# restart"). Runs on servers of its own (jq_private_stack), since it restarts the database:
#  - two workers (--concurrency 8); jobs (noop and `sleep 0.2` alternately) submitted one
#    `jobq submit` at a time by four loops (tests/integration/submit_loop.sh);
#  - after 60 submits PostgreSQL is stopped (pg_ctl -m fast: every session is cut), stays down
#    3 s and starts again (scripts/stack restart-db) while the loops go on: a submit exits 0
#    (saved) or 5 (database unavailable: not submitted, not counted) and nothing else, and
#    the loops see at least one exit 5;
#  - every job whose submit exited 0 ends succeeded; every row in the table (including any a
#    failing submit may have committed) ends terminal with exactly one terminal transition
#    and exactly one queued->running, none left queued or running;
#  - both workers survive and register again, each holding its liveness lock; the queue ends
#    empty and a new job succeeds.
source "$(dirname "$0")/lib.sh"
: "${JQ_TEST_TIMEOUT:=450}"   # ctest gives this test 480 s (tests/CMakeLists.txt)
jq_private_stack recovery_db_restart

N_MAX=4000  # the loops stop (at most this many submits) once the server is back
export JOBQ_RELAY_GRACE=1s
check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id d1 --concurrency 8
start_consumer w2 --worker-id d2 --concurrency 8
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
jq_restart_db --down-for 3
t_up=$(_jq_now_ms)
note "database away for $(( t_up - t_down )) ms (stop, 3 s down, start); $(wc -l <"$T/submits.tsv") submits by then"
wait_for 60 "20 more submits after the restart" submitted $(( $(wc -l <"$T/submits.tsv") + 20 )) || true
touch "$T/stop-submits"
t_loops=$(_jq_now_ms)
for l in 1 2 3 4; do
  wait_exit "submitter$l" $(( 240 - ($(_jq_now_ms) - t_loops) / 1000 )) || fail "submit loop $l did not finish within 240 s"
done
note "the submit loops ended $(( $(_jq_now_ms) - t_loops )) ms after the restart"

N=$(wc -l <"$T/submits.tsv")
check "over 80 submits ran ($N)" test "$N" -gt 80
check_eq "every submit exited 0 or 5" "" "$(awk -F'\t' '$2 != 0 && $2 != 5 {print $1 ": exit " $2 " " $6}' "$T/submits.tsv" | head -5)"
ok_n=$(awk -F'\t' '$2 == 0' "$T/submits.tsv" | wc -l)
failed_n=$(awk -F'\t' '$2 == 5' "$T/submits.tsv" | wc -l)
note "$ok_n submits exited 0, $failed_n exited 5 (database unavailable); first: $(awk -F'\t' '$2 == 5 {print $6; exit}' "$T/submits.tsv")"
check "some submits ran while the database was away ($failed_n exited 5)" test "$failed_n" -gt 0
check_eq "every submit that exited 0 printed an id" "$ok_n" \
  "$(awk -F'\t' '$2 == 0 {print $3}' "$T/submits.tsv" | grep -cE '^[0-9a-f-]{36}$' || true)"
awk -F'\t' '$2 == 0 {print $3}' "$T/submits.tsv" | grep -E '^[0-9a-f-]{36}$' >"$T/ids" || true
sql "create table submitted (id uuid primary key)"
{ echo "copy submitted from stdin;"; cat "$T/ids"; echo '\.'; } | _jq_psql "$TEST_DB" -f - >/dev/null
check_eq "every id printed is a saved job" "$ok_n" "$(sql "select count(*) from submitted s join jobs j using (id)")"
rows=$(sql "select count(*) from jobs")
note "$rows rows in jobs ($(( rows - ok_n )) from submits that did not exit 0)"

t0=$(_jq_now_ms)
wait_for 120 "all jobs terminal" sql_is 0 \
  "select count(*) from jobs where status not in ('succeeded','failed','cancelled')" || note "states: $(state_counts)"
note "all terminal $(( $(_jq_now_ms) - t0 )) ms after the submit loop ended; $(state_counts)"
check_eq "all $ok_n jobs submitted with exit 0 succeeded" "$ok_n" "$(sql "select count(*) from jobs j join submitted using (id) where j.status = 'succeeded'")"
check_eq "every row succeeded" "$rows" "$(sql "select count(*) from jobs where status = 'succeeded'")"
check_eq "each has exactly one terminal transition" 0 "$(terminal_anomalies true)"
check_eq "each has exactly one queued->running (none ran twice)" 0 "$(sql "
  select count(*) from jobs j where (select count(*) from job_events e where e.job_id = j.id
    and e.from_status = 'queued' and e.to_status = 'running') <> 1")"
check_eq "none is left queued or running" 0 "$(sql "select count(*) from jobs where status in ('queued','running')")"
check_eq "every row was published" 0 "$(sql "select count(*) from jobs where published_at is null")"
note "attempts: $(sql "select string_agg(attempt || 'x' || n, ' ' order by attempt) from (select attempt, count(*) n from jobs group by 1) a")"

check "worker d1 survived the restart" is_running w1
check "worker d2 survived the restart" is_running w2
# the keepers reconnect on their own backoff (up to 5 s apart after a long outage)
wait_for 20 "both workers registered again after the restart" sql_is 2 "select count(*) from workers
  where state = 'running' and extract(epoch from heartbeat_at) * 1000 > $t_down" &&
  _jq_ok "both workers registered again after the restart"
check_eq "... each holding its liveness lock" 2 "$(sql "select count(*) from workers w where exists
  (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted
     and ((l.classid::bigint << 32) | l.objid::bigint) = w.lock_key)")"
queue_empty() { queue_counts_are jobq.default "0|0"; }
wait_for 15 "jobq.default: nothing left unacked or ready" queue_empty && _jq_ok "jobq.default: nothing left unacked or ready"
check_status "a job submitted after the restart succeeds" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" submit noop --wait
check_status "d1 drains and exits 0 on TERM" 0 stop_consumer w1
check_status "d2 drains and exits 0 on TERM" 0 stop_consumer w2
