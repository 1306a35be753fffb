#!/usr/bin/env bash
# test_liveness_lock — no other database role can fool or block a worker's liveness lock
# (docs/security.md, "Liveness lock"):
#  - a session of jobq_cli that holds an advisory lock on the key a worker id used to map to
#    (hashtextextended(id, 0)) does not keep the worker from starting: it starts and runs a
#    job;
#  - a second process with the id of a live worker is still refused at start, and the first
#    keeps its registration;
#  - after the worker is killed (-9), a jobq_cli session that takes the dead worker's lock
#    key (read from its row) does not make it look alive: the job it was running is taken
#    over by the next worker at once, not after its 5 minute lease.
source "$(dirname "$0")/lib.sh"
jq_setup liveness_lock

check --fatal "PostgreSQL role jobq_cli exists (scripts/stack creates it)" sql_is 1 \
  "select count(*) from pg_roles where rolname = 'jobq_cli'"
check --fatal "migrate" jobq migrate
CLI_DB="postgresql://jobq_cli:jobq_cli@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"

# ---- squatting the key the worker id used to map to
start_proc squat1 /usr/bin/psql -XAtq "$CLI_DB" \
  -c "select pg_advisory_lock(hashtextextended('w1', 0))" -c "select pg_sleep(120)"
wait_for 10 "jobq_cli holds the lock on hashtextextended('w1', 0)" \
  sql_is 1 "select count(*) from pg_locks l where l.locktype = 'advisory' and l.granted
              and ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended('w1', 0)"
start_consumer w1 --worker-id w1 --concurrency 2
wait_for 10 "worker w1 registered" sql_is running "select state from workers where id = 'w1'" ||
  note "w1: $(tail -n 3 "$T/w1.log" | tr '\n' ' ')"
check_status "a job runs on w1" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" submit noop --wait
check_eq "  ... it ran on w1" "succeeded|w1" "$(sql "select status, worker_id from jobs order by created_at desc limit 1")"
check "w1 is running" is_running w1
stop_proc squat1 TERM >/dev/null 2>&1 || true
check_eq "w1's lock is held by w1's own session" 1 "$(sql "select count(*) from workers w
  join pg_locks l on l.locktype = 'advisory' and l.granted and l.mode = 'ExclusiveLock'
   and ((l.classid::bigint << 32) | l.objid::bigint) = w.lock_key and l.pid = w.backend_pid
  where w.id = 'w1'")"

# ---- a second process with the same id is refused
row_before=$(sql "select pid, lock_key, backend_pid from workers where id = 'w1'" || true)
start_consumer w1b --worker-id w1 --concurrency 2
if wait_exit w1b 20; then
  check "a second worker with the id of a live one exits at start (status $STATUS)" test "$STATUS" -ne 0
else
  fail "a second worker with the id of a live one is still running after 20 s"
fi
check_eq "  ... and w1 keeps its registration" "$row_before" "$(sql "select pid, lock_key, backend_pid from workers where id = 'w1'")"
check "w1 is still running" is_running w1

# ---- a dead worker's key taken by someone else does not make it look alive
# (10 s: a poll on a loaded machine must see it running on w1 before the kill)
check_status "submit a 10 s sleep job" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" submit sleep '{"seconds":10}'
sid=$(sed -n 1p "$OUT_FILE")
wait_for 20 "it runs on w1" sql_is "running|w1" "select status, worker_id from jobs where id = '$sid'"
kill -KILL "$(pid_of w1)"
wait_exit w1 5 || true
start_proc squat2 /usr/bin/psql -XAtq "$CLI_DB" -c "DO \$\$ DECLARE k bigint; BEGIN
    SELECT lock_key INTO k FROM workers WHERE id = 'w1';
    FOR i IN 1..200 LOOP EXIT WHEN pg_try_advisory_lock(k); PERFORM pg_sleep(0.05); END LOOP;
  END \$\$" -c "select pg_sleep(120)"
wait_for 15 "jobq_cli holds the dead w1's lock key" sql_is 1 \
  "select count(*) from pg_locks l join workers w on w.id = 'w1' where l.locktype = 'advisory'
     and l.granted and ((l.classid::bigint << 32) | l.objid::bigint) = w.lock_key"
t0=$(_jq_now_ms)
start_consumer w2 --worker-id w2 --concurrency 2
wait_for 15 "the dead w1's job is taken over by w2 at once" sql_is w2 \
  "select worker_id from jobs where id = '$sid'" ||
  note "job: $(sql "select status, worker_id, attempt from jobs where id = '$sid'")"
note "taken over $(( $(_jq_now_ms) - t0 )) ms after w2 started"
wait_for 40 "  ... and it succeeds" sql_is succeeded "select status from jobs where id = '$sid'"
check_eq "  ... with one terminal transition" 0 "$(terminal_anomalies "j.id = '$sid'")"
stop_proc squat2 TERM >/dev/null 2>&1 || true
check_status "w2 drains and exits 0 on TERM" 0 stop_consumer w2
