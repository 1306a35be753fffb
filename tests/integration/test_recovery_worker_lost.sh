#!/usr/bin/env bash
# test_recovery_worker_lost — a job that kills its worker on every attempt ends failed instead
# of looping, and the other workers keep serving (issue 3, "Worker-lost attempts"):
#  - a command handler `suicide` runs `kill -9` on its worker (the command's parent is the
#    jobq-exec-shim, whose parent is the worker: checked first with a `whoami`
#    handler that prints both);
#  - three workers (--concurrency 1); a supervisor loop in the test restarts each one that
#    dies, with the same worker id, a bounded number of times;
#  - `jobq submit suicide --max-attempts 3`: every attempt kills its worker; the lost attempts
#    count against max_attempts, so the job ends failed at attempt 3 with an error that says
#    'worker lost', with exactly one terminal transition; exactly three workers died;
#  - no command or shim process of the job is left behind;
#  - meanwhile the workers keep serving: afterwards three workers are up and a noop job
#    succeeds.
source "$(dirname "$0")/lib.sh"
jq_setup recovery_worker_lost

MARK="jobq-suicide-$$"
cat >"$T/jobq.conf" <<CONF
handlers = (
  { type = "suicide"; command = [ "/bin/sh", "-c", "kill -9 \$(ps -o ppid= -p \$PPID)", "$MARK" ]; },
  { type = "whoami"; command = [ "/bin/sh", "-c",
      "printf '{\"shim\":%d,\"worker\":%d}' \$PPID \$(ps -o ppid= -p \$PPID)" ]; }
);
CONF
check --fatal "migrate" jobq migrate
for w in 1 2 3; do start_consumer "w$w" --worker-id "l$w" --concurrency 1; done
wait_for 15 "three workers registered" sql_is 3 "select count(*) from workers where state='running'"

# ---- where the command runs: its parent is the shim, the shim's parent the worker
check_status "a whoami job succeeds" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" --json submit whoami --wait
wid=$(sql "select id from jobs where type='whoami'")
read -r shim wpid owner < <(sql "select result->>'shim', result->>'worker', worker_id from jobs where id='$wid'" | tr '|' ' ')
check_eq "the command's grandparent is the worker that ran it (worker $owner)" "$(pid_of "w${owner#l}")" "$wpid"
check "its parent was another process (the shim)" test -n "$shim" -a "$shim" != "$wpid"

# ---- the supervisor: restart a dead worker with its id, at most MAX_RESTARTS times in all
MAX_RESTARTS=6
restarts=0
supervise() {
  local w
  for w in w1 w2 w3; do
    if ! is_running "$w" && (( restarts < MAX_RESTARTS )); then
      wait_exit "$w" 1 || true
      note "$w (l${w#w}) died (exit ${STATUS:-?}): restarting it"
      restarts=$((restarts + 1))
      start_consumer "$w" --worker-id "l${w#w}" --concurrency 1
    fi
  done
}

t0=$(_jq_now_ms)
id=$(jobq submit suicide --max-attempts 3)
deadline=$(( $(_jq_now_ms) + 60000 ))
while (( $(_jq_now_ms) < deadline )); do
  supervise
  [[ "$(sql "select status in ('succeeded','failed','cancelled') from jobs where id='$id'")" == t ]] && break
  sleep 0.2
done
note "the job ended $(( $(_jq_now_ms) - t0 )) ms after its submit: $(sql "select status, attempt, status_reason, error from jobs where id='$id'")"
check_eq "it ended failed at attempt 3 (max 3)" "failed|3|3" \
  "$(sql "select status, attempt, max_attempts from jobs where id='$id'")"
check "its error says 'worker lost'" sql_is t "select error like '%worker lost%' from jobs where id='$id'"
check_eq "exactly one terminal transition" 0 "$(terminal_anomalies "j.id='$id'")"
check_eq "... into failed" failed "$(sql "select to_status from job_events where job_id='$id'
  and to_status in ('succeeded','failed','cancelled')")"
note "history: $(sql "select string_agg(coalesce(from_status, '(new)') || '>' || to_status || ':' || coalesce(worker_id, '-')
  || ':' || attempt, ', ' order by id) from job_events where job_id='$id'")"

# let the last death be seen and restarted
for ((i = 0; i < 20; i++)); do supervise; sleep 0.1; done
check_eq "exactly three workers died, one per attempt" 3 "$restarts"
# the command line of both the shim and the command carries $MARK (the command's $0)
gone() { ! pgrep -f "$MARK" >/dev/null; }
wait_for 5 "no command or shim process of the job is left" gone && _jq_ok "no command or shim process of the job is left"

# ---- the workers keep serving
wait_for 15 "three workers are up" sql_is 3 "select count(*) from workers where state='running'
  and heartbeat_at > now() - interval '1 min'" && _jq_ok "three workers are up"
check_status "a noop job submitted afterwards succeeds" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" submit noop --wait
for w in w1 w2 w3; do
  check_status "$w drains and exits 0 on TERM" 0 stop_consumer "$w"
done
