#!/usr/bin/env bash
# test_fence_token — a stale execution cannot write over a newer execution of the same job by
# the same worker id at the same attempt number (docs/design.md §1.2: every write is fenced by the
# lease token, which only grows; `jobq retry` resets the attempt, not the token):
#  - process A (worker id fw, a command handler that sleeps 8 s and prints {"by":"A"}) runs a
#    job with --max-attempts 1 (with 2 s, a loaded CI run stopped A only after the job had
#    finished);
#  - SIGSTOP A and end its database sessions (as a database restart or a network cut would):
#    its liveness lock is free, so a new process A2 with the same id fw starts and gives back
#    what fw left running: the job fails (its one attempt used up);
#  - `jobq retry` requeues it (attempt 0) and A2 claims it: running, worker fw, attempt 1 —
#    the same (worker id, attempt) as A's execution. A2's handler sleeps 20 s, prints {"by":"A2"};
#  - SIGCONT A: its handler has finished meanwhile and it writes that outcome (reconnecting
#    first). The write must be refused: while A2 still runs the job it stays running, and it
#    ends succeeded with A2's result, one terminal transition after the retry, A2's full run.
source "$(dirname "$0")/lib.sh"
jq_setup fence_token

# A long lease: nothing here waits for one, and A's own lease clock must not fence it.
export HEARTBEAT_INTERVAL=1s LEASE_DURATION=60s
# A's handler sleeps 8 s (its sleep named by this test's pid, to be seen ending); A2's 20 s,
# so that it still runs when A's outcome comes, on a loaded machine too
U=$$
cat >"$T/a.conf" <<CONF
handlers = ( { type = "stamp"; command = [ "/bin/sh", "-c", "sleep 8.$U; echo '{\"by\":\"A\"}'" ]; } );
CONF
cat >"$T/a2.conf" <<'CONF'
handlers = ( { type = "stamp"; command = [ "/bin/sh", "-c", "sleep 20; echo '{\"by\":\"A2\"}'" ]; } );
CONF
row() { sql "select status, worker_id, attempt from jobs where id='$id'"; }

check --fatal "migrate" jobq migrate
start_consumer A --config "$T/a.conf" --worker-id fw --concurrency 1
wait_for 15 "A registered" sql_is 1 "select count(*) from workers where id='fw' and state='running'"

id=$(jobq submit stamp '{}' --max-attempts 1)
wait_for 10 "A runs the job (fw, attempt 1)" sql_is "running|fw|1" \
  "select status, worker_id, attempt from jobs where id='$id'"
token_a=$(sql "select lease_token from jobs where id='$id'" 2>/dev/null || echo none)

stop_consumer A STOP
# the stop takes effect when A's threads are next scheduled: on a loaded machine, not at once
a_stopped() { [[ "$(awk '{print $3}' "/proc/$(pid_of A)/stat")" == T ]]; }
wait_for 5 "A is stopped (state T)" a_stopped || true
check "A is stopped (state T)" a_stopped
check_eq "A's database sessions ended" t "$(sql "select bool_and(pg_terminate_backend(pid))
  from pg_stat_activity where datname = current_database() and application_name like 'jobq-consumer%'")"
wait_for 10 "A's sessions are gone" sql_is 0 "select count(*) from pg_stat_activity
  where datname = current_database() and application_name like 'jobq-consumer%'" || true

start_consumer A2 --config "$T/a2.conf" --worker-id fw --concurrency 1
wait_for 20 "A2 took the id fw and failed the job A left running" sql_is "failed" \
  "select status from jobs where id='$id'" || note "row: $(row)"
check_status "jobq retry requeues it" 0 jobq retry "$id"
wait_for 15 "A2 runs the job: fw, attempt 1 again" sql_is "running|fw|1" \
  "select status, worker_id, attempt from jobs where id='$id'" || note "row: $(row)"
token_a2=$(sql "select lease_token from jobs where id='$id'" 2>/dev/null || echo none)
note "lease token: A claimed at $token_a, A2 at $token_a2"

# A's handler (8 s) finishes while A is stopped: on SIGCONT A writes its outcome.
wait_for 30 "A's handler has ended" bash -c "! pgrep -fx 'sleep 8\\.$U' >/dev/null" || true
stop_consumer A CONT
sleep 3
check_eq "A's outcome was refused: the job still runs under A2" "running|fw|1|" \
  "$(sql "select status, worker_id, attempt, coalesce(result->>'by', '') from jobs where id='$id'")"
wait_for 40 "the job ends" sql_is 1 \
  "select count(*) from jobs where id='$id' and status in ('succeeded','failed','cancelled')" || true
check_eq "it succeeded with A2's result" "succeeded|A2" \
  "$(sql "select status, result->>'by' from jobs where id='$id'")"
check_eq "one terminal transition after the retry" 1 "$(sql "select count(*) from job_events
  where job_id='$id' and to_status in ('succeeded','failed','cancelled')
    and id > (select max(id) from job_events where job_id='$id' and reason = 'retry requested')")"
check "A2 ran its whole 20 s (finished_at - started_at >= 20 s)" sql_is t \
  "select finished_at - started_at >= interval '20 s' from jobs where id='$id'"
check "A2 is still running" is_running A2
check_status "A2 drains and exits 0 on TERM" 0 stop_consumer A2
stop_consumer A KILL || true
