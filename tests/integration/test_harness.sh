#!/usr/bin/env bash
# Smoke test of the integration harness (lib.sh) against the test servers: each test gets its
# own vhost and database, processes are tracked and stopped, assertions count, and a failing,
# aborted or overrunning test still cleans up everything and reports "N passed, N failed".
source "$(dirname "$0")/lib.sh"
jq_setup harness
LIB="$(cd "$(dirname "$0")" && pwd)/lib.sh"

# ---- isolation: our own vhost and database
check "vhost $TEST_VHOST exists" mgmt_get vhost
check "jobq has rights on the vhost" mgmt_get "/api/permissions/$TEST_VHOST/jobq"
check "JOBQ_AMQP_URL names the vhost" test "${JOBQ_AMQP_URL##*/}" = "$TEST_VHOST"
check_eq "sql runs in the test database" "$TEST_DB" "$(sql 'select current_database()')"
check_eq "JOBQ_DATABASE_URL points at it" "$TEST_DB" \
  "$(psql -XAtq "$JOBQ_DATABASE_URL" -c 'select current_database()')"
check_eq "the test database belongs to jobq" jobq \
  "$(sql "select pg_get_userbyid(datdba) from pg_database where datname = current_database()")"

sql "create table harness_probe (x int); insert into harness_probe values (42)"
check_eq "a table in the test database" 42 "$(sql 'select x from harness_probe')"

# ---- sql's session (one psql per test): errors, lost connections, the one-shot path
sql_rc() { local rc=0; sql "$1" >/dev/null 2>"$T/sql_rc.err" || rc=$?; echo "$rc"; }
check_eq "a failing statement returns 1" 1 "$(sql_rc 'select * from no_such_table')"
check "... with psql's message on stderr" grep -q 'no_such_table' "$T/sql_rc.err"
check_eq "... with a trailing ; too" 1 "$(sql_rc 'insert into no_such_table values (1);')"
check_eq "an unbalanced query returns 1" 1 "$(sql_rc "select ')', (1")"
check_eq "the session answers after the errors" 7 "$(sql 'select 7')"
check_eq "a query with ; inside runs in a psql of its own" "a;b" "$(sql "select 'a;b'")"
sql "select 1" >/dev/null                     # the test's shell holds a live session
sess=$(sql "select pg_backend_pid()")
check_eq "terminate the session's backend" t \
  "$(psql -XAtq "$JOBQ_DATABASE_URL" -c "select pg_terminate_backend($sess)")"
sql "insert into harness_probe values (43)"   # in the test's shell: a new session
check_eq "a write after the lost session lands once" 1 "$(sql 'select count(*) from harness_probe where x = 43')"
check "... in a new session" test "$(sql 'select pg_backend_pid()')" != "$sess"
sess=$(sql "select pg_backend_pid()")
psql -XAtq "$JOBQ_DATABASE_URL" -c "select pg_terminate_backend($sess)" >/dev/null
check "sql_is after a lost session" sql_is 2 "select count(*) from harness_probe"
check_eq "is not in database jobq" "" \
  "$(psql -XAtq "postgresql://jobq:jobq@127.0.0.1:$JOBQ_TEST_PG_PORT/jobq" -c "select to_regclass('harness_probe')")"

check "declare queue harness.q in the test vhost" \
  _jq_mgmt PUT "/api/queues/$TEST_VHOST/harness.q" '{"durable":true,"auto_delete":false}'
check "publish one message to it" _jq_mgmt POST "/api/exchanges/$TEST_VHOST/amq.default/publish" \
  '{"properties":{},"routing_key":"harness.q","payload":"hi","payload_encoding":"string"}'
queue_has_one() { [[ "$(queue_stat harness.q messages)" == 1 ]]; }
if wait_for 15 "management stats show the message" queue_has_one; then
  check_eq "queue_stat reads it" 1 "$(queue_stat harness.q messages_ready)"
fi
check_status "the queue is not in vhost /" nonzero _jq_mgmt GET /api/queues/%2F/harness.q

# ---- process helpers and assertions
start_proc sleeper sleep 300
check "start_proc tracks a running process" is_running sleeper
stop_consumer sleeper STOP
# the stop takes effect when the process is next scheduled: on a loaded machine, not at once
sleeper_state() { awk '{print $3}' "/proc/$(pid_of sleeper)/stat"; }
sleeper_stopped() { [[ "$(sleeper_state)" == T ]]; }
wait_for 5 "SIGSTOP stops it" sleeper_stopped || true
check_eq "SIGSTOP leaves it stopped" T "$(sleeper_state)"
check_status "stop_consumer (TERM) ends it, status 143" 143 stop_consumer sleeper
check "it is gone" bash -c "! kill -0 $(pid_of sleeper) 2>/dev/null"

start_proc stubborn bash -c 'trap "" TERM; echo ready; while :; do sleep 0.2; done'
wait_for 10 "stubborn has set its trap" grep -q ready "$(log_of stubborn)"
JQ_STOP_TIMEOUT=1 check_status "a process ignoring TERM is KILLed (137)" 137 stop_consumer stubborn

start_proc quick bash -c 'echo to-the-log; exit 7'
if wait_exit quick 5; then check_eq "wait_exit gives the exit status" 7 "$STATUS"; else fail "quick did not exit"; fi
check "its output went to its log" grep -q to-the-log "$(log_of quick)"

check_status "check_status captures status" 3 bash -c 'echo out; echo err >&2; exit 3'
check_eq "... stdout in OUT" out "$OUT"
check_eq "... stderr in ERR" err "$ERR"

start_proc flagger bash -c "sleep 0.5; touch '$T/flag'"
t0=$(_jq_now_ms)
wait_for 5 "flag file" test -e "$T/flag"
t=$(( $(_jq_now_ms) - t0 ))
check "wait_for returns soon after the condition holds (${t} ms)" test "$t" -lt 2000

# ---- a failing test run as a child: it must report, kill what it started and clean up
mkdir "$T/inner"
cat >"$T/inner/fails.sh" <<EOF
source "$LIB"
jq_setup inner
echo "VHOST=\$TEST_VHOST DB=\$TEST_DB TMP=\$T"
start_proc victim sleep 300
start_proc stubborn bash -c 'trap "" TERM; echo stubborn-log-line; while :; do sleep 0.2; done'
wait_for 10 "stubborn has set its trap" grep -q stubborn-log-line "\$(log_of stubborn)"
echo "PIDS=\$(pid_of victim) \$(pid_of stubborn)"
check "a passing check" true
check "a failing check" false
check_eq "a failing check_eq" a b
EOF
cat >"$T/inner/aborts.sh" <<EOF
source "$LIB"
jq_setup inner_abort
echo "VHOST=\$TEST_VHOST DB=\$TEST_DB TMP=\$T"
check "a passing check" true
false
echo "never reached"
EOF
cat >"$T/inner/overruns.sh" <<EOF
source "$LIB"
jq_setup inner_slow
echo "VHOST=\$TEST_VHOST DB=\$TEST_DB TMP=\$T"
start_proc victim sleep 300
echo "PIDS=\$(pid_of victim)"
sleep 60
EOF

# run_inner SCRIPT EXPECTED_SUMMARY [env...]: runs it, checks the summary and the cleanup
run_inner() {
  local script="$1" summary="$2" out rc=0 vh db tmp pids p
  out="$T/inner/$(basename "$1").out"
  shift 2
  env "$@" bash "$script" >"$out" 2>&1 || rc=$?
  check_eq "$(basename "$script"): exits 1" 1 "$rc"
  check_eq "$(basename "$script"): last line is the summary" "$summary" "$(tail -n1 "$out")"
  vh=$(sed -n 's/^VHOST=\([^ ]*\) .*/\1/p' "$out")
  db=$(sed -n 's/.* DB=\([^ ]*\) .*/\1/p' "$out")
  tmp=$(sed -n 's/.* TMP=\(.*\)$/\1/p' "$out")
  pids=$(sed -n 's/^PIDS=//p' "$out")
  check "$(basename "$script"): used its own vhost ($vh)" test -n "$vh" -a "$vh" != "$TEST_VHOST"
  check_status "$(basename "$script"): its vhost is deleted" nonzero _jq_mgmt GET "/api/vhosts/$vh"
  check_eq "$(basename "$script"): its database is dropped" "" \
    "$(_jq_psql postgres -c "select 1 from pg_database where datname = '$db'")"
  check "$(basename "$script"): its temp dir is removed" test -n "$tmp" -a ! -e "$tmp"
  for p in $pids; do
    check "$(basename "$script"): process $p is gone" bash -c "! kill -0 $p 2>/dev/null"
  done
  if (( JQ_LAST_OK == 0 )); then sed 's/^/#   inner: /' "$out"; fi
}

run_inner "$T/inner/fails.sh" "1 passed, 2 failed"
check "fails.sh: printed the log tail of its processes" grep -q stubborn-log-line "$T/inner/fails.sh.out"
check "fails.sh: KILLed the process that ignored TERM" grep -q 'ignored TERM for 5 s: KILL' "$T/inner/fails.sh.out"
run_inner "$T/inner/aborts.sh" "1 passed, 1 failed"
check "aborts.sh: says where it stopped" grep -q 'test stopped early (exit 1 at line 5: false)' "$T/inner/aborts.sh.out"
t0=$SECONDS
run_inner "$T/inner/overruns.sh" "0 passed, 1 failed" JQ_TEST_TIMEOUT=2
check "overruns.sh: stopped by the watchdog within 10 s ($((SECONDS - t0)) s)" test $((SECONDS - t0)) -le 10

# the ports can come from the stack's state folder alone
if [[ -n "${JOBQ_TEST_STACK_DIR:-}" ]]; then
  cat >"$T/inner/env.sh" <<EOF
source "$LIB"
jq_setup inner_env
check_eq "found the servers" "$TEST_DB" "\$(psql -XAtq "postgresql://jobq:jobq@127.0.0.1:\$JOBQ_TEST_PG_PORT/$TEST_DB" -c 'select current_database()')"
EOF
  check_status "JOBQ_TEST_STACK_DIR alone locates the servers" 0 \
    env -u JOBQ_TEST_AMQP_PORT -u JOBQ_TEST_MGMT_PORT -u JOBQ_TEST_PG_PORT bash "$T/inner/env.sh"
fi
