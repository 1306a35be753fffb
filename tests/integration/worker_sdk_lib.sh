# shellcheck shell=bash
# tests/integration/worker_sdk_lib.sh — the scenario test_worker_python.sh and
# test_worker_node.sh share: a jobq-consumer whose handlers "parse" and "count" are persistent
# pools of an SDK example (examples/python-worker/worker.py, examples/node-worker/worker.js),
# against the real stack. Source it after lib.sh's jq_setup, then call
#   sdk_worker_scenario LANG COMMAND_JSON ENV_ENTRIES
# where COMMAND_JSON is the handlers' argv as a libconfig list body ("\"/usr/bin/python3\",
# \"/path/worker.py\"") and ENV_ENTRIES extra env entries (same form, may be empty).
#
# It checks: a result; a permanent failure (attempt 1, never retried); Retry's retry_in used
# for the next attempt's scheduled time (4 s where the configured backoff is at most 1 s),
# the job then succeeding; progress reaching jobs.progress and `jobq status` (heartbeat 1 s);
# a cancel of a running count job ending cancelled, with the pool serving the next job; a
# child killed with SIGKILL mid-job: the attempt fails retryably and the job succeeds on a
# later attempt in a new child; at the end nothing running, the consumer stopping cleanly
# and no child of the pools left.

# Processes of this run's pools: the example's interpreter with our mark in its environment.
# _sdk_children POOL — their pids (POOL: parse or count), one a line.
_sdk_children() {
  local pid
  for pid in $(pgrep -f "$SDK_SCRIPT" || true); do
    [[ -r /proc/$pid/environ ]] || continue
    tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "SDK_TEST_MARK=$$-$1" || continue
    # (the shim in front of it has the same arguments but is jobq-consumer)
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$SDK_COMM"* ]] && echo "$pid"
  done
  return 0
}
_sdk_child_count() { _sdk_children "$1" | wc -l; }
_sdk_pools_up() { [[ "$(_sdk_child_count parse)" -ge 1 && "$(_sdk_child_count count)" -ge 1 ]]; }
_sdk_pools_gone() { [[ "$(_sdk_child_count parse)" == 0 && "$(_sdk_child_count count)" == 0 ]]; }

_sdk_status() { sql "select status from jobs where id='$1'"; }
_sdk_done() { [[ "$(_sdk_status "$1")" =~ ^(succeeded|failed|cancelled)$ ]]; }
# _sdk_progress_done ID — the job's progress "done" as jobs.progress holds it, or empty.
_sdk_progress_done() { sql "select progress->>'done' from jobs where id='$1'"; }
_sdk_progress_at_least() { local d; d=$(_sdk_progress_done "$1"); [[ -n "$d" && "$d" -ge "$2" ]]; }

sdk_worker_scenario() {
  local lang="$1" cmd="$2" extra_env="$3" id out pid pid2 delay n J="$JOBQ_BIN_DIR/jobq"
  extra_env="${extra_env:+$extra_env, }"
  cat >"$T/jobq.conf" <<EOF
consumer = { concurrency = 4; heartbeat_interval = "1s"; lease_duration = "10s";
             cancel_grace = "2s"; };
retry = { base = "200ms"; max = "1s"; };
handlers = (
  { type = "parse"; mode = "persistent"; command = [ $cmd ];
    env = [ ${extra_env}"JOBS_PER_PROCESS=2", "SDK_TEST_MARK=$$-parse" ];
    processes = 1; jobs_per_process = 2; startup_timeout = "20s"; },
  { type = "count"; mode = "persistent"; command = [ $cmd ];
    env = [ ${extra_env}"JOBS_PER_PROCESS=1", "SDK_TEST_MARK=$$-count" ];
    processes = 1; jobs_per_process = 1; startup_timeout = "20s"; cancel_grace = "2s"; }
);
EOF
  check --fatal "migrate" jobq migrate
  check --fatal "the configuration with persistent $lang handlers is accepted" \
    jobq_consumer --check-config --config "$T/jobq.conf"
  start_consumer w1 --worker-id w1
  wait_for 30 "a $lang child of each pool is up" _sdk_pools_up || true

  # ---- a result
  check_status "$lang parse: submit --wait prints the parsed payload" 0 \
    timeout 60 "$J" submit parse '{"text": "[1, {\"a\": \"é\"}]"}' --wait --wait-timeout 50s
  check_eq "... the job's result is the parsed JSON" '[1, {"a": "é"}]' \
    "$(sql "select result::text from jobs where type='parse' order by created_at desc limit 1")"

  # ---- a permanent failure
  id=$(jobq submit parse '{"text": "[1"}' --max-attempts 3)
  wait_for 60 "the bad parse job ends" _sdk_done "$id" || true
  check_eq "$lang parse of bad text: failed permanently on attempt 1" \
    "failed|1|failed permanently" "$(sql "select status, attempt, status_reason from jobs where id='$id'")"
  check "... with the handler's one-line error" \
    sql_is t "select error like '%payload.text is not JSON%' and error not like E'%\\n%' from jobs where id='$id'"

  # ---- Retry(in 4s): the next attempt is scheduled 4 s after the failure (backoff: <= 1 s)
  id=$(jobq submit count '{"to": 1, "step": 0, "unavailable_attempts": 1, "retry_in": "4s"}' --max-attempts 3)
  wait_for 60 "the flaky count job ends" _sdk_done "$id" || true
  check_eq "$lang count with a flaky attempt 1: succeeded on attempt 2" "succeeded|2" \
    "$(sql "select status, attempt from jobs where id='$id'")"
  delay=$(sql "select round(extract(epoch from (select min(e2.at) from job_events e2
                 where e2.job_id = e.job_id and e2.from_status = 'queued' and e2.to_status = 'running'
                   and e2.attempt = 2) - e.at)::numeric, 2)
               from job_events e where e.job_id='$id' and e.from_status='running' and e.to_status='scheduled'")
  note "$lang: attempt 2 started ${delay:-?} s after attempt 1 failed (retry_in 4s, backoff at most 1s)"
  check "... attempt 2 started at least 3.9 s after attempt 1 failed (${delay:-none} s)" \
    awk -v d="${delay:-0}" 'BEGIN { exit !(d >= 3.9 && d < 30) }'

  # ---- progress, then cancel of the running job
  id=$(jobq submit count '{"to": 120, "step": 0.25}')
  wait_for 30 "the long count job reports progress >= 2 in jobs.progress" _sdk_progress_at_least "$id" 2 || true
  check_status "jobq status shows the progress" 0 jobq status "$id"
  check "... a progress line with done and of: 120" grep -Eq '^progress: .*"of": ?120' "$OUT_FILE"
  check_status "$lang count: cancel --wait of the running job exits 0" 0 \
    timeout 30 "$J" cancel "$id" --wait --timeout 20s
  check_eq "... it ended cancelled, attempt 1" "cancelled|1" "$(sql "select status, attempt from jobs where id='$id'")"
  check_status "... and the pool serves the next job" 0 \
    timeout 60 "$J" submit count '{"to": 2, "step": 0}' --wait --wait-timeout 50s
  check "... its result counted 2" grep -q '"counted": *2' "$OUT_FILE"

  # ---- SIGKILL of the child mid-job: a retryable failure, then success in a new child
  # 10 s a run: the kill must come while it runs, after a poll that a loaded machine may
  # answer seconds late (a 4 s count had ended, and the kill hit an idle child)
  id=$(jobq submit count '{"to": 40, "step": 0.25}' --max-attempts 3)
  wait_for 30 "the count job to kill reports progress >= 1" _sdk_progress_at_least "$id" 1 || true
  check_eq "... still running at the kill" running "$(_sdk_status "$id")"
  pid=$(_sdk_children count | head -n1)
  check_eq "one child in the count pool (processes = 1) runs it" 1 "$(_sdk_child_count count)"
  if [[ -n "$pid" ]]; then kill -KILL "$pid"; fi
  note "$lang: killed count child $pid with SIGKILL while job $id ran"
  wait_for 90 "the killed job ends" _sdk_done "$id" || true
  out=$(sql "select status, attempt >= 2, (result->>'counted')::int from jobs where id='$id'")
  check_eq "... it succeeded on a later attempt with the full count" "succeeded|t|40" "$out"
  pid2=$(sql "select result->>'pid' from jobs where id='$id'")
  check "... in another child (pid ${pid2:-?}, killed $pid)" test -n "$pid2" -a "$pid2" != "$pid"
  check "... attempt 1 failed retryably: running→scheduled" \
    sql_is t "select exists (select 1 from job_events where job_id='$id' and attempt = 1 and from_status='running' and to_status='scheduled')"

  # ---- afterwards
  n=$(sql "select count(*) from jobs where status in ('running', 'queued', 'scheduled')")
  check_eq "afterwards: no job left running, queued or scheduled" 0 "$n"
  check_status "the consumer stops cleanly on TERM" 0 stop_consumer w1
  wait_for 15 "the pools' children are gone" _sdk_pools_gone || true
  check_eq "no child of either pool is left" "0 0" "$(_sdk_child_count parse) $(_sdk_child_count count)"
}
