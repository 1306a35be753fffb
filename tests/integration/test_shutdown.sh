#!/usr/bin/env bash
# test_shutdown — graceful shutdown of jobq-consumer (issue: "Graceful shutdown"):
#  - SIGTERM while it runs 8 long jobs: state draining, its job consumers are cancelled, the
#    jobs get shutdown_timeout, then are released (running → queued, attempt not counted) and
#    nacked back; it exits 0 within shutdown_timeout + 4 s (a loaded machine's margin);
#    state stopped;
#  - all 8 then complete on another consumer, each with exactly one terminal transition;
#  - a job that finishes within shutdown_timeout simply finishes (succeeded on the first worker);
#  - a second signal skips the wait: exit 0 at once, jobs released;
#  - SIGHUP with an invalid config keeps the running one; with a valid one reloads it.
source "$(dirname "$0")/lib.sh"
jq_setup shutdown

terminal() { sql "select count(*) from job_events where job_id in ($1) and to_status in ('succeeded','failed','cancelled')"; }
quoted() { local s="" i; for i in "$@"; do s+="${s:+,}'$i'"; done; echo "$s"; }

check --fatal "migrate" jobq migrate
export JOBQ_SHUTDOWN_TIMEOUT=2s
start_consumer a --worker-id a --concurrency 8

# ---- 8 long jobs, SIGTERM, release after shutdown_timeout
for i in $(seq 8); do echo '{"type":"sleep","payload":{"seconds":20}}'; done >"$T/batch.jsonl"
mapfile -t ids < <(jobq submit --batch "$T/batch.jsonl")
check_eq "8 jobs submitted" 8 "${#ids[@]}"
Q=$(quoted "${ids[@]}")
wait_for 20 "8 jobs running on a" sql_is 8 "select count(*) from jobs where id in ($Q) and status='running' and worker_id='a'"
t0=$(_jq_now_ms)
kill -TERM "$(pid_of a)"
wait_for 10 "worker a marked draining or stopped" sql_is 1 "select count(*) from workers where id='a' and state in ('draining','stopped')"
STATUS=timeout; wait_exit a 10 || true
elapsed=$(( $(_jq_now_ms) - t0 ))
check_eq "consumer a exited 0" 0 "$STATUS"
note "a exited ${elapsed} ms after SIGTERM (shutdown_timeout 2 s)"
check "a exited within shutdown_timeout + 4 s, long before its jobs' 20 s ($elapsed ms)" \
  test "$elapsed" -le 6000
check_eq "a is stopped in the registry" stopped "$(sql "select state from workers where id='a'")"
check_eq "all 8 released: running → queued" 8 "$(sql "select count(*) from job_events where job_id in ($Q) and from_status='running' and to_status='queued' and reason like 'released%'")"
check_eq "released attempts are not counted" 0 "$(sql "select count(*) from jobs where id in ($Q) and attempt <> 0")"

# b drains for 10 s: its short job (3 s) must be seen running before the TERM and still
# end within the drain on a loaded machine
JOBQ_SHUTDOWN_TIMEOUT=10s start_consumer b --worker-id b --concurrency 8
wait_for 45 "all 8 succeeded on b" sql_is 8 "select count(*) from jobs where id in ($Q) and status='succeeded' and worker_id='b'"
check_eq "each has exactly one terminal transition" 8 "$(terminal "$Q")"
check_eq "each ran once on a, once on b" 16 "$(sql "select count(*) from job_events where job_id in ($Q) and to_status='running'")"

# ---- a job that ends within shutdown_timeout finishes normally
short=$(jobq submit sleep '{"seconds":3}')
wait_for 30 "short job running on b" sql_is running "select status from jobs where id='$short'"
kill -TERM "$(pid_of b)"
STATUS=timeout; wait_exit b 20 || true
check_eq "consumer b exited 0" 0 "$STATUS"
check_eq "short job succeeded on b during the drain" "succeeded|b|1" "$(sql "select status, worker_id, attempt from jobs where id='$short'")"

# ---- a second signal releases at once
export JOBQ_SHUTDOWN_TIMEOUT=60s
start_consumer c --worker-id c --concurrency 4
long=$(jobq submit sleep '{"seconds":30}')
wait_for 10 "long job running on c" sql_is running "select status from jobs where id='$long'"
t0=$(_jq_now_ms)
kill -TERM "$(pid_of c)"; sleep 0.3; kill -TERM "$(pid_of c)"
STATUS=timeout; wait_exit c 10 || true
elapsed=$(( $(_jq_now_ms) - t0 ))
check_eq "consumer c exited 0 after two signals" 0 "$STATUS"
check "second signal skipped the 60 s wait (${elapsed} ms)" test "$elapsed" -le 5000
check_eq "long job released to queued" queued "$(sql "select status from jobs where id='$long'")"
jobq cancel "$long" >/dev/null || true

# ---- SIGHUP: an invalid file is refused, a valid one is applied
cat >"$T/d.conf" <<'CONF'
consumer = { concurrency = 2; };
CONF
start_consumer d --config "$T/d.conf" --worker-id d
wait_for 10 "worker d registered" sql_is running "select state from workers where id='d'"
# logged NAME EVENT: NAME's log has an EVENT line (read at each call)
logged() { grep -q "event=$2 " "$(log_of "$1")"; }
printf 'consumer = {\n  concurrency = "two";\n};\n' >"$T/d.conf"
kill -HUP "$(pid_of d)"
wait_for 20 "d read the bad file" logged d config_reload_failed || true
check "d still runs after a bad reload" is_running d
check_eq "d still serves" "succeeded" "$(jobq submit noop --wait >/dev/null; sql "select status from jobs where type='noop' order by created_at desc limit 1")"
cat >"$T/d.conf" <<'CONF'
handlers = ( { type = "hello"; command = [ "/bin/echo", "hello" ]; } );
CONF
kill -HUP "$(pid_of d)"
wait_for 20 "d applied the good file" logged d config_reloaded || true
check_status "a handler added by SIGHUP runs" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" submit hello --wait
check "its result is hello" grep -q hello "$OUT_FILE"
