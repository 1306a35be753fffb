# shellcheck shell=bash source-path=SCRIPTDIR
# tests/integration/lib.sh — harness sourced by every tests/integration/test_*.sh.
#
# ctest runs each test as `bash test_x.sh` with JOBQ_BIN_DIR (build dir with ./jobq and
# ./jobq-consumer) and JOBQ_SOURCE_DIR. The servers come from scripts/check, which exports
# JOBQ_TEST_AMQP_PORT, JOBQ_TEST_MGMT_PORT, JOBQ_TEST_PG_PORT and JOBQ_TEST_STACK_DIR; without
# them the ports of a running `scripts/stack up` (JOBQ_TEST_STACK_DIR or <source>/.state/stack)
# are used. Each test gets its own RabbitMQ vhost and PostgreSQL database (t_NAME_PID), a temp
# dir $T and an EXIT trap that stops what it started, drops both and prints "N passed, N failed".
# A test that restarts or kills a server calls jq_private_stack NAME instead of jq_setup: it
# gets servers of its own (scripts/stack up --dir $T/stack on free ports), restarts them with
# jq_restart_broker / jq_restart_db, and the EXIT trap stops them.
#
#   source "$(dirname "$0")/lib.sh"
#   jq_setup cancel
#   jobq migrate
#   start_consumer w1 --worker-id w1 --concurrency 2
#   id=$(jobq submit sleep '{"seconds":30}')
#   wait_for 10 "job running" sql_is "running" "select status from jobs where id='$id'"
#   check_status "cancel exits 0" 0 jobq cancel "$id" --wait
#   check_eq "final state" cancelled "$(sql "select status from jobs where id='$id'")"
#
# A test of a RabbitMQ cluster calls jq_private_stack --cluster N NAME: JOBQ_AMQP_URL then
# lists every node (cluster_urls I: starting at node I; cluster_url I: node I alone), and
# jq_stop_node / jq_start_node / jq_leader / jq_use_mgmt_of act on one node.
#
# Functions: jq_setup NAME | jq_private_stack [--cluster N] NAME |
#   jq_restart_broker [--hard] [--down-for S] | cluster_url I | cluster_urls I |
#   jq_stop_node I [--hard] | jq_start_node I | jq_leader QUEUE | jq_use_mgmt_of I |
#   check_submit_log TSV (the lines of submit_loop.sh) |
#   jq_restart_db [--hard] [--down-for S] | broker_pid | db_pid | close_connections PREFIX |
#   jobq ARGS | jobq_consumer ARGS | start_consumer NAME ARGS |
#   start_proc NAME CMD... | stop_consumer NAME [SIG] (alias stop_proc) | pid_of NAME |
#   is_running NAME | wait_exit NAME TIMEOUT_S | sql QUERY | sql_is EXPECTED QUERY |
#   wait_for TIMEOUT_S DESC CMD... | jq_nap SECONDS | jq_now VAR | cli_cost_ms ID |
#   sessions_in TEXT [RUN] | sessions_in_is N TEXT [RUN] | cancel_sessions_in TEXT [RUN] |
#   event_at ID STATUS |
#   check [--fatal] DESC CMD... | check_eq DESC EXP ACT |
#   check_status DESC EXP_EXIT CMD... (sets STATUS, OUT, ERR, OUT_FILE, ERR_FILE) | fail MSG |
#   check_tap_counts NAME MIN (after check_status of node --test's TAP) |
#   mgmt_get PATH | json_get EXPR (stdin JSON) | queue_stat QUEUE FIELD |
#   queue_counts QUEUE | queue_counts_are QUEUE READY|UNACKED | note MSG |
#   state_counts | terminal_anomalies [COND] | connections_of PREFIX | close_connection NAME |
#   queue_deliveries QUEUE | queue_deliveries_are QUEUE D|R|A | queue_get QUEUE
# Environment knobs: JQ_FAIL_FAST=1 (stop at the first failure), JQ_KEEP=1 (keep $T, the
#   vhost and the database for inspection), JQ_TEST_TIMEOUT (default 420 s: the whole test is
#   stopped and cleaned up before ctest's 450 s limit), JQ_STOP_TIMEOUT (default 40 s grace
#   for stop_consumer with TERM/INT before KILL).

set -euo pipefail

# time_now_ms, url_encode, proc_alive, state_read, mgmt_request: shared with scripts/stack.
# shellcheck source=../../scripts/stack.d/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/stack.d/common.sh"

_JQ_PASS=0
_JQ_FAIL=0
_JQ_NAMES=()            # process names in start order
declare -gA _JQ_PID=()  # name -> pid
declare -gA _JQ_LOG=()  # name -> log file
_JQ_VHOST=""
_JQ_DB=""
_JQ_STACK_DIR=""        # set by jq_private_stack: the test's own servers
_JQ_CLUSTER=1           # RabbitMQ nodes of the private stack (jq_private_stack --cluster N)
_JQ_MGMT_PORT_1=""      # node 1's management port
_JQ_WATCHDOG=""
_JQ_ERR_LINE=""
_JQ_ERR_CMD=""
T=""

# note TEXT: a "# TEXT" line; also collected in $JOBQ_TEST_NOTES (scripts/check prints the
# measured figures after ctest, which shows a passing test's output only on failure).
note() {
  echo "# $*"
  if [[ -n "${JOBQ_TEST_NOTES:-}" ]]; then echo "${_JQ_NAME:-test}: $*" >>"$JOBQ_TEST_NOTES" || true; fi
}
# The names the tests know common.sh's helpers by.
_jq_now_ms() { time_now_ms; }
# jq_now VAR — VAR = time_now_ms, without the subshell of $(_jq_now_ms) (for polling loops).
jq_now() { time_now_ms_into "$1"; }
# cli_cost_ms ID — the ms `jobq status ID` takes now: a CLI start, its connections and one
# read. A bound on a command's own time adds it, as a loaded machine stalls both alike (a
# sanitized start took 3.9 s there).
cli_cost_ms() {
  local t
  t=$(_jq_now_ms)
  jobq status "$1" >/dev/null 2>&1 || true
  echo $(( $(_jq_now_ms) - t ))
}
# sessions_in TEXT [RUN] — how many sessions of the test database are running a statement
# whose text starts with TEXT, read through RUN (default sql). PostgreSQL shows a session's
# statement only to its own role (and superusers): for another role's sessions pass that
# role's query function. sessions_in_is N TEXT [RUN]: whether there are N (for wait_for).
# cancel_sessions_in TEXT [RUN]: pg_cancel_backend of each such session (running or idle in
# its transaction); prints how many.
sessions_in() {
  "${2:-sql}" "select count(*) from pg_stat_activity where datname = current_database()
                 and state = 'active' and starts_with(query, \$q\$$1\$q\$)"
}
sessions_in_is() { [[ "$(sessions_in "$2" "${3:-sql}")" == "$1" ]]; }
cancel_sessions_in() {
  "${2:-sql}" "select count(pg_cancel_backend(pid)) from pg_stat_activity
                 where datname = current_database() and starts_with(query, \$q\$$1\$q\$)"
}
# event_at ID STATUS — SQL for the time job ID first moved to STATUS, from its history (a
# poll of its status may miss a short state, and updated_at moves again after it)
event_at() {
  echo "(select at from job_events where job_id = '$1' and to_status = '$2' order by id limit 1)"
}
_jq_urlencode() { url_encode "$1"; }
_jq_alive() { proc_alive "$1"; }  # PID: running and not a zombie

# ---------------------------------------------------------------- servers
_jq_load_ports() {
  if [[ -z "${JOBQ_TEST_AMQP_PORT:-}" || -z "${JOBQ_TEST_MGMT_PORT:-}" || -z "${JOBQ_TEST_PG_PORT:-}" ]]; then
    local f="${JOBQ_TEST_STACK_DIR:-${JOBQ_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}/.state/stack}/stack.env"
    local a="" m="" p=""
    if state_read "$f" a=AMQP_PORT m=MGMT_PORT p=PG_PORT; then
      JOBQ_TEST_AMQP_PORT="${JOBQ_TEST_AMQP_PORT:-$a}"
      JOBQ_TEST_MGMT_PORT="${JOBQ_TEST_MGMT_PORT:-$m}"
      JOBQ_TEST_PG_PORT="${JOBQ_TEST_PG_PORT:-$p}"
    fi
  fi
  if [[ -z "${JOBQ_TEST_AMQP_PORT:-}" || -z "${JOBQ_TEST_MGMT_PORT:-}" || -z "${JOBQ_TEST_PG_PORT:-}" ]]; then
    echo "lib.sh: no test servers: run the tests through scripts/check, or start 'scripts/stack up' and export JOBQ_TEST_STACK_DIR" >&2
    return 1
  fi
  export JOBQ_TEST_AMQP_PORT JOBQ_TEST_MGMT_PORT JOBQ_TEST_PG_PORT
}

# curl the management API as jobq. Prints the body; fails on transport errors and non-2xx.
_jq_mgmt() {  # METHOD PATH [JSON]
  local code=""
  # the status through a file: a command substitution would cost a subshell per call
  mgmt_request "$JOBQ_TEST_MGMT_PORT" jobq:jobq "$T/.mgmt.body" "$@" >"$T/.mgmt.code" || return 1
  read -r code <"$T/.mgmt.code" || true
  _jq_cat "$T/.mgmt.body" 2>/dev/null
  [[ "$code" == 2?? ]] || { echo "lib.sh: $1 $2 -> HTTP $code" >&2; return 1; }
}

# psql as jobq against DB (default: the test database), bounded in time.
_jq_psql() {  # DB ARGS...
  local db="$1"; shift
  PGCONNECT_TIMEOUT=10 timeout -k 5 60 psql -X -A -t -q -v ON_ERROR_STOP=1 \
    "postgresql://jobq:jobq@127.0.0.1:$JOBQ_TEST_PG_PORT/$db" "$@"
}

# ---------------------------------------------------------------- setup / teardown
_jq_src_dir() { echo "${JOBQ_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"; }

# The traps, $T and the watchdog. Sets _JQ_NAME.
_jq_init() {
  # The test's CPU priority (tests/CMakeLists.txt gives each class its JQ_NICE): the shell and
  # everything it starts from here on, private servers included.
  if [[ "${JQ_NICE:-}" =~ ^[0-9]+$ ]]; then renice --priority "$JQ_NICE" -p $$ >/dev/null || true; fi
  _JQ_NAME=$(tr '[:upper:]' '[:lower:]' <<<"$1" | tr -c 'a-z0-9_\n' '_' | cut -c1-30)
  trap '_jq_exit' EXIT
  trap 'exit 143' TERM
  trap 'exit 130' INT
  trap 'exit 129' HUP
  trap '_JQ_ERR_LINE=$LINENO; _JQ_ERR_CMD=$BASH_COMMAND' ERR
  : "${JOBQ_BIN_DIR:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/build}"
  export JOBQ_BIN_DIR

  T=$(mktemp -d "${TMPDIR:-/tmp}/jobq-test-$_JQ_NAME.XXXXXX")
  export T
  _jq_watchdog "${JQ_TEST_TIMEOUT:-420}"
}

jq_setup() {
  [[ $# -eq 1 ]] || { echo "usage: jq_setup NAME" >&2; exit 2; }
  _jq_init "$1"
  _jq_load_ports || exit 1
  _jq_resources
}

# jq_private_stack NAME — like jq_setup, on a RabbitMQ and PostgreSQL of the test's own
# (scripts/stack up --dir $T/stack on ports from scripts/stack free-ports; three tries), for
# tests that restart or kill a server. Costs about 10 s to start and a few to stop.
jq_private_stack() {
  local cluster=()
  if [[ "${1:-}" == --cluster ]]; then
    [[ "${2:-}" =~ ^[2-7]$ ]] || { echo "usage: jq_private_stack [--cluster N] NAME" >&2; exit 2; }
    cluster=(--cluster "$2"); _JQ_CLUSTER="$2"; shift 2
  fi
  [[ $# -eq 1 ]] || { echo "usage: jq_private_stack [--cluster N] NAME" >&2; exit 2; }
  local stack try out k v t0 started=0 ports
  _jq_init "$1"
  stack="$(_jq_src_dir)/scripts/stack"
  _JQ_STACK_DIR="$T/stack"
  t0=$(time_now_ms)
  for try in 1 2 3; do
    out=$("$stack" free-ports "${cluster[@]}") || { echo "lib.sh: scripts/stack free-ports failed" >&2; exit 1; }
    while IFS='=' read -r k v; do
      case "$k" in
        JOBQ_AMQP_PORT) JOBQ_TEST_AMQP_PORT=$v ;;
        JOBQ_MGMT_PORT) JOBQ_TEST_MGMT_PORT=$v ;;
        JOBQ_PG_PORT) JOBQ_TEST_PG_PORT=$v ;;
      esac
    done <<<"$out"
    mapfile -t ports < <(printf '%s' "$out")
    if env "${ports[@]}" timeout -k 5 150 "$stack" up "${cluster[@]}" --dir "$_JQ_STACK_DIR" >>"$T/stack.log" 2>&1; then
      started=1; break
    fi
    echo "# private stack: start attempt $try failed (log: $T/stack.log)"
    timeout -k 5 120 "$stack" down --dir "$_JQ_STACK_DIR" >>"$T/stack.log" 2>&1 || true
  done
  if (( ! started )); then
    tail -n 30 "$T/stack.log" | sed 's/^/#   /'
    echo "lib.sh: could not start a private stack" >&2; exit 1
  fi
  export JOBQ_TEST_AMQP_PORT JOBQ_TEST_MGMT_PORT JOBQ_TEST_PG_PORT
  export JOBQ_TEST_STACK_DIR="$_JQ_STACK_DIR"
  _JQ_MGMT_PORT_1=$JOBQ_TEST_MGMT_PORT
  note "private stack${cluster:+ of ${cluster[1]} RabbitMQ nodes} in $(( $(time_now_ms) - t0 )) ms: amqp $JOBQ_TEST_AMQP_PORT, management $JOBQ_TEST_MGMT_PORT, postgresql $JOBQ_TEST_PG_PORT"
  _jq_resources
}

# check_submit_log TSV — for the lines submit_loop.sh wrote: every submit exited 0 (its
# message confirmed) or 6 (saved, left to the relay) and every exit 6 said why on stderr;
# every submit printed an id, and each id is a saved job. Loads the ids into a table
# `submitted` of the test database for the caller's own checks.
check_submit_log() {
  local tsv="$1" n
  n=$(wc -l <"$tsv")
  check_eq "every submit exited 0 (confirmed) or 6 (saved, left to the relay)" "" \
    "$(awk -F'\t' '$2 != 0 && $2 != 6 {print $1 ": exit " $2 " " $6}' "$tsv" | head -5)"
  check_eq "every submit that exited 6 said why on stderr" "" \
    "$(awk -F'\t' '$2 == 6 && $4 != 1 {print $1 ": exit 6 without a warning"}' "$tsv" | head -5)"
  check_eq "every submit printed an id" "$n" "$(cut -f3 "$tsv" | grep -cE '^[0-9a-f-]{36}$' || true)"
  cut -f3 "$tsv" | grep -E '^[0-9a-f-]{36}$' >"$T/submitted.ids" || true
  sql "create table submitted (id uuid primary key)"
  { echo "copy submitted from stdin;"; cat "$T/submitted.ids"; echo '\.'; } | _jq_psql "$TEST_DB" -f - >/dev/null
  check_eq "every id printed is a saved job" "$n" "$(sql "select count(*) from submitted s join jobs j using (id)")"
}

# ---- a private cluster (jq_private_stack --cluster N): node I (1..N) listens on the AMQP and
# management ports of node 1 + I-1 (scripts/stack's scheme).
# cluster_url I — the test vhost's URL on node I.
cluster_url() {
  echo "amqp://jobq:jobq@127.0.0.1:$(( JOBQ_TEST_AMQP_PORT + $1 - 1 ))/$(url_encode "$_JQ_VHOST")"
}
# cluster_urls I — every node's URL, comma-separated, starting at node I (the order a client
# tries them in).
cluster_urls() {
  local i list=""
  for ((i = 0; i < _JQ_CLUSTER; i++)); do
    list+="${list:+,}$(cluster_url $(( ($1 - 1 + i) % _JQ_CLUSTER + 1 )))"
  done
  echo "$list"
}
# jq_use_mgmt_of I — send management API calls (mgmt_get, queue_stat, ...) to node I.
jq_use_mgmt_of() { JOBQ_TEST_MGMT_PORT=$(( _JQ_MGMT_PORT_1 + $1 - 1 )); }
# jq_stop_node I [--hard] / jq_start_node I — scripts/stack stop-node / start-node, logged to
# $T/stack.log; a failure is reported and returns 1.
jq_stop_node() { _jq_restart stop-node "$@"; }
jq_start_node() { _jq_restart start-node "$@"; }
# jq_leader QUEUE — the index (1..N) of the node that leads QUEUE of the test vhost.
jq_leader() {
  timeout -k 5 60 "$(_jq_src_dir)/scripts/stack" leader "$1" --vhost "$_JQ_VHOST" \
    --dir "$_JQ_STACK_DIR" 2>>"$T/stack.log" | awk '{print $1}'
}

# jq_restart_broker / jq_restart_db [--hard] [--down-for S] — restart a server of the private
# stack (scripts/stack restart-broker|restart-db); returns when it is back. The output goes to
# $T/stack.log; a failure is reported and returns 1.
_jq_restart() {
  local what="$1" rc=0; shift
  [[ -n "$_JQ_STACK_DIR" ]] || { fail "$what: only for a jq_private_stack test"; return 1; }
  echo "=== $(date -Is) $what $*" >>"$T/stack.log"
  timeout -k 5 150 "$(_jq_src_dir)/scripts/stack" "$what" --dir "$_JQ_STACK_DIR" "$@" \
    </dev/null >>"$T/stack.log" 2>&1 || rc=$?
  if (( rc != 0 )); then
    fail "scripts/stack $what $* exited $rc"
    tail -n 20 "$T/stack.log" | sed 's/^/#   /'
    return 1
  fi
  note "$(tail -n 1 "$T/stack.log" | sed 's/^stack: //')"
}
jq_restart_broker() { _jq_restart restart-broker "$@"; }
jq_restart_db() { _jq_restart restart-db "$@"; }

# PIDs of the private stack's servers (as scripts/stack records them).
broker_pid() { head -n1 "$_JQ_STACK_DIR/rabbitmq/pid" 2>/dev/null | tr -dc '0-9'; }
db_pid() { head -n1 "$_JQ_STACK_DIR/postgres/data/postmaster.pid" 2>/dev/null | tr -dc '0-9'; }

# The vhost and the database of the test on the servers of JOBQ_TEST_*_PORT.
_jq_resources() {
  local name="$_JQ_NAME"
  _JQ_VHOST="t_${name}_$$"
  _jq_mgmt PUT "/api/vhosts/$(url_encode "$_JQ_VHOST")" '{}' >/dev/null ||
    { echo "lib.sh: cannot create vhost $_JQ_VHOST (management API on :$JOBQ_TEST_MGMT_PORT)" >&2; exit 1; }
  _jq_mgmt PUT "/api/permissions/$(url_encode "$_JQ_VHOST")/jobq" \
    '{"configure":".*","write":".*","read":".*"}' >/dev/null ||
    { echo "lib.sh: cannot grant jobq rights on vhost $_JQ_VHOST" >&2; exit 1; }

  _JQ_DB="t_${name}_$$"
  _jq_psql postgres -c "CREATE DATABASE \"$_JQ_DB\"" >/dev/null ||
    { echo "lib.sh: cannot create database $_JQ_DB on 127.0.0.1:$JOBQ_TEST_PG_PORT" >&2; _JQ_DB=""; exit 1; }

  export TEST_VHOST="$_JQ_VHOST" TEST_DB="$_JQ_DB"
  JOBQ_AMQP_URL="amqp://jobq:jobq@127.0.0.1:$JOBQ_TEST_AMQP_PORT/$(url_encode "$_JQ_VHOST")"
  export JOBQ_AMQP_URL
  (( _JQ_CLUSTER > 1 )) && JOBQ_AMQP_URL=$(cluster_urls 1)
  export JOBQ_DATABASE_URL="postgresql://jobq:jobq@127.0.0.1:$JOBQ_TEST_PG_PORT/$_JQ_DB"
  export JOBQ_MGMT_URL="http://127.0.0.1:$JOBQ_TEST_MGMT_PORT/"
  # An empty config file of its own, so a machine's /etc/jobq/jobq.conf never leaks in;
  # a test may write settings into it.
  : >"$T/jobq.conf"
  export JOBQ_CONFIG="$T/jobq.conf"
  unset PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD PGSERVICE
  _jq_sql_start   # sql's session (see sql)
  note "setup $name: vhost $_JQ_VHOST, database $_JQ_DB, tmp $T"
}

# Stops the whole test (with cleanup) if it overruns, before ctest kills it without one.
_jq_watchdog() {
  local limit="$1" main=$$
  (
    trap 'kill "$sp" 2>/dev/null; exit 0' TERM
    sleep "$limit" & sp=$!
    wait "$sp"
    echo "FAIL - test exceeded JQ_TEST_TIMEOUT=${limit}s; stopping it" >&2
    kill -TERM "$main" 2>/dev/null
    # wake the main shell out of whatever it is waiting on (its own children only)
    pkill -TERM -P "$main" 2>/dev/null
    exit 0
  ) </dev/null &
  _JQ_WATCHDOG=$!
}

_jq_exit() {
  local rc=$? name pid i any
  # ctest may be gone (interrupted): its pipe then breaks, and the cleanup must still run
  trap '' PIPE
  set +e
  trap - ERR
  trap '' TERM INT HUP
  [[ -n "$_JQ_WATCHDOG" ]] && kill -TERM "$_JQ_WATCHDOG" 2>/dev/null

  if (( rc != 0 && _JQ_FAIL == 0 )); then
    _JQ_FAIL=$((_JQ_FAIL + 1))
    echo "FAIL - test stopped early (exit $rc${_JQ_ERR_LINE:+ at line $_JQ_ERR_LINE: $_JQ_ERR_CMD})"
  elif (( rc != 0 )); then
    echo "# test stopped early (exit $rc${_JQ_ERR_LINE:+ at line $_JQ_ERR_LINE: $_JQ_ERR_CMD})"
  fi

  # 1. every process the test started: TERM (+CONT for stopped ones), KILL after 5 s
  any=0
  for name in "${_JQ_NAMES[@]}"; do
    pid="${_JQ_PID[$name]}"
    if proc_alive "$pid"; then kill -TERM "$pid" 2>/dev/null; kill -CONT "$pid" 2>/dev/null; any=1; fi
  done
  if (( any )); then
    for ((i = 0; i < 50; i++)); do
      any=0
      for name in "${_JQ_NAMES[@]}"; do proc_alive "${_JQ_PID[$name]}" && any=1; done
      (( any )) || break
      jq_nap 0.1
    done
    for name in "${_JQ_NAMES[@]}"; do
      pid="${_JQ_PID[$name]}"
      if proc_alive "$pid"; then echo "# $name (pid $pid) ignored TERM for 5 s: KILL"; kill -KILL "$pid" 2>/dev/null; fi
    done
  fi
  for name in "${_JQ_NAMES[@]}"; do wait "${_JQ_PID[$name]}" 2>/dev/null; done

  # 2. on failure, the tail of every log
  if (( _JQ_FAIL > 0 )); then
    for name in "${_JQ_NAMES[@]}"; do
      [[ -s "${_JQ_LOG[$name]}" ]] || continue
      echo "---- tail of $name log (${_JQ_LOG[$name]})"
      tail -n "${JQ_LOG_TAIL:-40}" "${_JQ_LOG[$name]}"
      echo "----"
    done
    for name in "${_JQ_NAMES[@]}"; do
      [[ -s "$T/$name.stacks" ]] || continue
      echo "---- $name's thread stacks before its KILL (stop_consumer)"
      cat "$T/$name.stacks"
      echo "----"
    done
  fi

  # 3. sql's session, the vhost, the database and $T
  _jq_sql_stop
  if [[ -n "$_JQ_STACK_DIR" ]]; then
    # the private stack goes away with its vhost and database
    timeout -k 5 120 "$(_jq_src_dir)/scripts/stack" down --dir "$_JQ_STACK_DIR" >>"$T/stack.log" 2>&1 ||
      echo "# warning: could not stop the private stack in $_JQ_STACK_DIR (see $T/stack.log)"
    _JQ_VHOST="" _JQ_DB=""
  fi
  if [[ "${JQ_KEEP:-0}" == 1 ]]; then
    echo "# JQ_KEEP=1: kept vhost $_JQ_VHOST, database $_JQ_DB, tmp $T"
  else
    if [[ -n "$_JQ_VHOST" ]]; then
      _jq_mgmt DELETE "/api/vhosts/$(url_encode "$_JQ_VHOST")" >/dev/null ||
        echo "# warning: could not delete vhost $_JQ_VHOST"
    fi
    if [[ -n "$_JQ_DB" ]]; then
      _jq_psql postgres -c "DROP DATABASE IF EXISTS \"$_JQ_DB\" WITH (FORCE)" >/dev/null ||
        echo "# warning: could not drop database $_JQ_DB"
    fi
    [[ -n "$T" && -d "$T" ]] && rm -rf -- "$T"
  fi
  [[ -n "$_JQ_WATCHDOG" ]] && wait "$_JQ_WATCHDOG" 2>/dev/null

  echo "$_JQ_PASS passed, $_JQ_FAIL failed"
  (( _JQ_FAIL == 0 )) && exit 0
  exit 1
}

# ---------------------------------------------------------------- programs
_jq_bin() {
  local b="$JOBQ_BIN_DIR/$1"
  [[ -x "$b" ]] || { echo "lib.sh: $b not found (JOBQ_BIN_DIR=$JOBQ_BIN_DIR)" >&2; return 127; }
  echo "$b"
}

jobq() { local b; b=$(_jq_bin jobq) || return 127; "$b" "$@"; }
jobq_consumer() { local b; b=$(_jq_bin jobq-consumer) || return 127; "$b" "$@"; }

# start_proc NAME CMD... — run CMD in the background, output to $T/NAME.log, track its PID.
start_proc() {
  local name="$1"; shift
  [[ -n "$T" ]] || { echo "lib.sh: call jq_setup first" >&2; return 1; }
  if [[ -n "${_JQ_PID[$name]:-}" ]] && proc_alive "${_JQ_PID[$name]}"; then
    echo "lib.sh: a process named $name is already running (pid ${_JQ_PID[$name]})" >&2; return 1
  fi
  local log="$T/$name.log"
  # run programs directly (so the PID is the program's): map the wrappers to their binaries
  case "$1" in
    jobq) set -- "$(_jq_bin jobq)" "${@:2}" ;;
    jobq_consumer) set -- "$(_jq_bin jobq-consumer)" "${@:2}" ;;
  esac
  "$@" </dev/null >>"$log" 2>&1 &
  [[ -n "${_JQ_PID[$name]:-}" ]] || _JQ_NAMES+=("$name")
  _JQ_PID[$name]=$!
  _JQ_LOG[$name]="$log"
  note "started $name (pid $!): $*"
}

# start_consumer NAME ARGS... — jobq-consumer ARGS in the background; log in $T/NAME.log.
start_consumer() {
  local name="$1" b; shift
  b=$(_jq_bin jobq-consumer) || { fail "start_consumer $name: no jobq-consumer binary"; return 1; }
  start_proc "$name" "$b" "$@"
}

pid_of() {
  [[ -n "${_JQ_PID[$1]:-}" ]] || { echo "lib.sh: no process named $1" >&2; return 1; }
  echo "${_JQ_PID[$1]}"
}
is_running() { local p; p=$(pid_of "$1") && proc_alive "$p"; }
log_of() { echo "${_JQ_LOG[$1]:-$T/$1.log}"; }

# wait_exit NAME TIMEOUT_S — wait for a tracked process to exit by itself; STATUS = its exit
# status (returns 0), or returns 1 if it still runs after TIMEOUT_S.
wait_exit() {
  local pid deadline
  pid=$(pid_of "$1") || return 1
  local now
  jq_now now
  deadline=$(( now + ${2:-10} * 1000 ))
  while proc_alive "$pid"; do
    jq_now now
    (( now < deadline )) || break
    jq_nap 0.1
  done
  proc_alive "$pid" && return 1
  STATUS=0; wait "$pid" 2>/dev/null || STATUS=$?
  return 0
}

# _jq_threads PID — one line per thread of PID: its id, name, state and kernel wait channel,
# and the process's tracer (0: none).
_jq_threads() {
  local t
  echo "tracer of $1: $(awk '/^TracerPid:/ { print $2 }' "/proc/$1/status" 2>/dev/null)"
  for t in /proc/"$1"/task/*; do
    echo "thread ${t##*/} $(cat "$t/comm" 2>/dev/null) state $(awk '{ print $3 }' "$t/stat" 2>/dev/null) wchan $(cat "$t/wchan" 2>/dev/null)"
  done
}

# _jq_exit_check_wait NAME PID — whether PID, which has logged worker_stopped, exited within
# 120 s more while LeakSanitizer checked it at its exit (ASAN_OPTIONS=detect_leaks=1 in
# scripts/check: the check runs in a tracer process, a child of PID that ptrace-stops its
# threads, and a starved machine has been seen to take over 40 s for it; gdb cannot attach
# meanwhile). Anything else is no reason to wait: 1 at once.
_jq_exit_check_wait() {
  local tracer ppid
  grep -q 'event=worker_stopped' "$(log_of "$1")" 2>/dev/null || return 1
  tracer=$(awk '/^TracerPid:/ { print $2 }' "/proc/$2/status" 2>/dev/null)
  [[ -n "$tracer" && "$tracer" != 0 ]] || return 1
  ppid=$(awk '/^PPid:/ { print $2 }' "/proc/$tracer/status" 2>/dev/null)
  [[ "$ppid" == "$2" ]] || return 1
  note "$1 (pid $2) logged worker_stopped and is in LeakSanitizer's exit check (tracer $tracer): up to 120 s more"
  wait_exit "$1" 120
}

# stop_consumer NAME [SIG] — send SIG (default TERM). For STOP/CONT/TSTP just signal; for
# others wait for the exit (JQ_STOP_TIMEOUT, default 40 s, then KILL) and return its status.
stop_consumer() {
  local name="$1" sig="${2:-TERM}" pid
  sig="${sig#SIG}"
  pid=$(pid_of "$name") || return 1
  case "$sig" in
    STOP|CONT|TSTP|TTIN|TTOU|USR1|USR2|HUP|0)
      kill "-$sig" "$pid"; return $? ;;
  esac
  if ! proc_alive "$pid"; then
    STATUS=0; wait "$pid" 2>/dev/null || STATUS=$?
    note "$name (pid $pid) had already exited ($STATUS)"
    return "$STATUS"
  fi
  kill "-$sig" "$pid" 2>/dev/null
  [[ "$sig" == KILL || "$sig" == 9 ]] || kill -CONT "$pid" 2>/dev/null || true
  if ! wait_exit "$name" "${JQ_STOP_TIMEOUT:-40}" && ! _jq_exit_check_wait "$name" "$pid"; then
    echo "lib.sh: $name (pid $pid) still running ${JQ_STOP_TIMEOUT:-40}s after SIG$sig: KILL" >&2
    # Where it hangs (a consumer once logged worker_stopped and then did not exit for 40 s,
    # in a loaded CI run): each thread's state and kernel wait channel, and every thread's
    # stack when gdb is installed, into $T/NAME.stacks, which the failure report prints
    # whole (check_status keeps 10 lines of stderr).
    _jq_threads "$pid" >"$T/$name.stacks"
    if command -v gdb >/dev/null 2>&1; then
      timeout -k 5 30 gdb -p "$pid" -batch -nx -ex "thread apply all bt 16" 2>&1 |
        grep -E '^(Thread |#[0-9])' | head -n 200 >>"$T/$name.stacks" || true
    fi
    echo "lib.sh: $name's threads: $T/$name.stacks (printed with the logs)" >&2
    kill -KILL "$pid" 2>/dev/null
    STATUS=0; wait "$pid" 2>/dev/null || STATUS=$?
  fi
  note "$name (pid $pid) exited with status $STATUS after SIG$sig"
  return "$STATUS"
}
stop_proc() { stop_consumer "$@"; }

# ---------------------------------------------------------------- database / broker
# sql QUERY — QUERY's rows on the test database (psql -A -t: fields joined by |), as
# `psql -c QUERY` prints them; an error goes to stderr and fails it (1; 2 when no connection).
# sql_is EXPECTED QUERY — whether sql QUERY prints EXPECTED (for wait_for).
#
# Both ask one long-lived psql of the test (a coprocess on the test database, started by
# _jq_resources), which spares a psql and a PostgreSQL backend per call (~60 ms of CPU each).
# Each request sends QUERY, then `\echo` of a sentinel with psql's ERROR flag; the rows go to
# a file ($T/.sql.out, rewritten by `\o` for each request) and psql's stderr to $T/.sql.err.
#  - Only a plain single statement takes that path (_jq_sql_plain): one without `;` inside,
#    psql syntax (\ :var), dollar quotes, comments that could swallow the sentinel, unmatched
#    quotes or parentheses, or anything that leaves state in the session (SET, BEGIN, temp
#    tables, advisory locks, COPY...). Every other query runs in a psql of its own (-c), as
#    before, so its meaning is unchanged.
#  - At most one request at a time: callers run sql in the test's own shell or in command
#    substitutions, one after the other. A background job (`&`, start_proc) must not call sql
#    while the test does; a subshell that finds no session uses a psql of its own.
#  - Each request has a sentinel of its own (the session's, the caller's BASHPID and a
#    number): an answer that is another caller's fails the call (2) and ends the session.
#  - A session that died (PostgreSQL restarted, its backend terminated) is replaced once and
#    a read-only query asked again (in a subshell, which cannot keep a new session, by its
#    own psql); a query that may write fails with 2, as psql -c would on a lost connection.
#    A new session that cannot connect fails the call with psql's message, as psql -c would.
#  - Each request is bounded to 60 s, like _jq_psql; a session that overruns is killed.
#  - (Re)starting the session sets $!: read $! right after the `&` it is meant for.
_JQ_SQL_END=""   # the sentinel of the current session (each request appends its own number)
_JQ_SQL_N=0

# _jq_sql_body VAR QUERY — QUERY without its trailing blanks and semicolons, into VAR.
_jq_sql_body() { printf -v "$1" '%s' "${2%"${2##*[![:space:];]}"}"; }

# _jq_sql_plain QUERY — whether QUERY may go to the session (see above).
_jq_sql_plain() {
  local body
  _jq_sql_body body "$1"
  [[ "$body" =~ [[:alnum:]] ]] || return 1
  [[ "$body" != *[\;\\\$]* && "$body" != */\** ]] || return 1
  [[ ! "$body" =~ (^|[^:]):[[:alpha:]_\'\"{] ]] || return 1
  local sq="${body//[^\']/}" dq="${body//[^\"]/}" op="${body//[^(]/}" cp="${body//[^)]/}"
  (( ${#sq} % 2 == 0 && ${#dq} % 2 == 0 && ${#op} == ${#cp} )) || return 1
  local lc="${body,,}"
  [[ ! "$lc" =~ advisory|set_config|(^|[^[:alnum:]_])(temp|temporary|copy|listen|prepare|cursor)([^[:alnum:]_]|$) ]] || return 1
  [[ ! "$lc" =~ ^[[:space:]]*(set|reset|begin|start|commit|rollback|end|abort|discard|lock|declare|do|savepoint|release|load|close|fetch|move|vacuum|call)([^[:alnum:]_]|$) ]]
}

# _jq_sql_read_only QUERY — whether QUERY only reads (safe to ask again after a lost reply).
_jq_sql_read_only() {
  local lc="${1,,}"
  [[ "$lc" =~ ^[[:space:]]*(select|table|values|show|with)([^[:alnum:]_]|$) ]] &&
    [[ ! "$lc" =~ (^|[^[:alnum:]_])(insert|update|delete|merge|into|pg_terminate_backend|pg_cancel_backend|nextval|setval)([^[:alnum:]_]|$) ]]
}

# _jq_sql_start / _jq_sql_stop — start the session (the test's shell only) / end it.
_jq_sql_start() {
  [[ -n "$_JQ_DB" && "$BASHPID" == "$$" ]] || return 1
  _JQ_SQL_END="__jq_sql_end_${RANDOM}${RANDOM}__"
  coproc _JQ_SQL {
    PGCONNECT_TIMEOUT=10 exec psql -X -A -t -q \
      "postgresql://jobq:jobq@127.0.0.1:$JOBQ_TEST_PG_PORT/$_JQ_DB" 2>>"$T/.sql.err"
  }
}
# Ending it does not rest on one signal: its input closes (psql exits at end of input), then
# TERM, then KILL after 5 s. A TERM alone twice left a test's exit (under heavy load) waiting
# on a psql that was still alive and reading its input.
_jq_sql_stop() {
  local pid="${_JQ_SQL_PID:-}" fd="${_JQ_SQL[1]:-}" i
  if [[ -n "$pid" && "$BASHPID" == "$$" ]]; then
    [[ -n "$fd" ]] && exec {fd}>&-
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do proc_alive "$pid" || break; jq_nap 0.1; done
    proc_alive "$pid" && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
  fi
  return 0
}

# _jq_sql_ask QUERY — QUERY through the session: its rows in $T/.sql.out, psql's messages on
# stderr; returns 0, 1 (an SQL error), 2 (no connection), 124 (no answer within 60 s), or 3:
# run QUERY in a psql of its own.
_jq_sql_ask() {
  local q="$1" try line sent answered rs new body end
  _jq_sql_plain "$q" || return 3
  _jq_sql_body body "$q"   # sent without its trailing `;`, and run by \g
  # A query that may write is not asked twice (below); so the session is first shown alive
  # by a read-only probe, which replaces a session that died meanwhile (e.g. the server was
  # restarted while the session sat idle).
  if ! _jq_sql_read_only "$body"; then
    _jq_sql_ask "select 1" >/dev/null 2>&1 || return 3
  fi
  for try in 1 2; do
    new=0
    if [[ -z "${_JQ_SQL[1]:-}" || -z "${_JQ_SQL_PID:-}" ]] || ! proc_alive "$_JQ_SQL_PID"; then
      _jq_sql_stop
      _jq_sql_start || return 3
      new=1
    fi
    : >"$T/.sql.err"
    : >"$T/.sql.out"   # an answer never reads a previous one's rows
    _JQ_SQL_N=$((_JQ_SQL_N + 1))
    end="${_JQ_SQL_END}${BASHPID}_${_JQ_SQL_N}"
    sent=0 answered=0 rs=0
    local pipe_trap
    pipe_trap=$(trap -p PIPE)
    trap '' PIPE   # a session that just died must fail the write, not end the test
    { printf '\\set ERROR false\n\\o %s\n%s\n\\g\n\\o\n\\echo %s :ERROR\n' \
        "'$T/.sql.out'" "$body" "$end" >&"${_JQ_SQL[1]}"; } 2>/dev/null && sent=1
    if [[ -n "$pipe_trap" ]]; then eval "$pipe_trap"; else trap - PIPE; fi
    if (( sent )); then
      while IFS= read -r -t 60 line 2>/dev/null <&"${_JQ_SQL[0]}" || { rs=$?; false; }; do
        if [[ "$line" == "$end "* ]]; then answered=1; break; fi
        if [[ "$line" == "$_JQ_SQL_END"* ]]; then
          # another caller's answer: two requests overlapped (see above); nothing read here
          # can be trusted, and the session's state is unknown
          echo "lib.sh: sql: two requests overlapped on the test's psql session: $q" >&2
          _jq_sql_stop
          return 2
        fi
      done
    fi
    if (( answered )); then
      if [[ -s "$T/.sql.err" ]]; then _jq_cat "$T/.sql.err" >&2; fi
      if [[ "$line" == *" false" ]]; then return 0; fi
      return 1
    fi
    if (( rs > 128 )); then
      echo "lib.sh: sql: no answer within 60 s: $q" >&2
      kill -KILL "$_JQ_SQL_PID" 2>/dev/null || true
      _jq_sql_stop
      return 124
    fi
    # The session ended. One started for this call never connected: fail as psql -c would.
    # An older one lost its connection: a read-only query is asked again, once, in a new
    # session (or in a psql of its own); any other fails as psql -c would (2), since it may
    # have committed before the connection went.
    if (( new )) || ! _jq_sql_read_only "$body"; then
      if [[ -s "$T/.sql.err" ]]; then _jq_cat "$T/.sql.err" >&2; fi
      _jq_sql_stop
      return 2
    fi
    _jq_sql_stop
    [[ "$BASHPID" == "$$" ]] || return 3
  done
  return 3
}

# _jq_cat FILE — FILE on stdout, without a cat process.
_jq_cat() {
  local s=""
  IFS= read -r -d '' s <"$1" || true
  printf '%s' "$s"
}

sql() {
  local rc=0
  _jq_sql_ask "$1" || rc=$?
  if (( rc == 3 )); then _jq_psql "$_JQ_DB" -c "$1"; return; fi
  if (( rc <= 1 )); then _jq_cat "$T/.sql.out"; fi
  return "$rc"
}
# jobs_index_reads — "HELD ALL COMMITS LIVE HELD_LIVE": index tuples read so far from the
# indexes of held jobs (jobs_held_*, jobs_limit_held), from every index of jobs, the
# database's commits, the live rows of jobs fetched through any index (idx_tup_fetch: plain,
# index-only and bitmap scans), and those fetched through the held jobs' indexes (their
# statements read a row's id, which no held index holds, so a walk fetches every row it
# reads; statistics flushed first). Two readings bound what the relays read a
# statement: each of their statements commits on its own. Index tuples read include the
# entries of dead row versions until a scan can mark them dead (vacuum removes them): a
# snapshot held elsewhere in the database, or a leaf page changed under a scan, leaves
# every scan of a queue's range reading its dead versions again. LIVE counts the live rows
# a plan visits, not dead versions.
jobs_index_reads() {
  sql "select pg_stat_force_next_flush(); select (select coalesce(sum(idx_tup_read), 0)
         from pg_stat_user_indexes where relname = 'jobs'
         and (indexrelname like 'jobs\\_held\\_%' or indexrelname = 'jobs_limit_held'))
       || ' ' || (select coalesce(sum(idx_tup_read), 0) from pg_stat_user_indexes
         where relname = 'jobs')
       || ' ' || (select xact_commit from pg_stat_database where datname = current_database())
       || ' ' || (select coalesce(idx_tup_fetch, 0) from pg_stat_user_tables where relname = 'jobs')
       || ' ' || (select coalesce(sum(idx_tup_fetch), 0) from pg_stat_user_indexes
         where relname = 'jobs'
         and (indexrelname like 'jobs\\_held\\_%' or indexrelname = 'jobs_limit_held'))" | tail -n1
}
# jobs_index_mark FILE / jobs_index_by FILE — the index reads on jobs per index since the
# mark: "index tuples-read/live-rows-fetched ..." for every index of jobs that read more than
# 1,000 tuples, largest first ("none over 1,000" otherwise). For the notes of a window whose
# reads are out of bounds, so a run that fails names the index (and so the plan) at fault.
jobs_index_mark() {
  sql "select pg_stat_force_next_flush()" >/dev/null
  sql "select indexrelname || ' ' || idx_tup_read || ' ' || idx_tup_fetch
       from pg_stat_user_indexes where relname = 'jobs'" >"$1"
}
jobs_index_by() {
  local now
  now=$(jobs_index_mark /dev/stdout)
  awk 'NR == FNR { r[$1] = $2; f[$1] = $3; next }
       { d = $2 - r[$1]; if (d > 1000) printf "%d %s %d/%d\n", d, $1, d, $3 - f[$1] }' "$1" - <<<"$now" |
    sort -rn | awk '{ printf "%s%s %s", (NR > 1 ? " " : ""), $2, $3 } END { if (NR == 0) printf "none over 1,000" }'
}
# blocked_queue_start P — the blocked case of test_limits and test_relay_stale_stats: type:sleep
# has room (100), queue:bq is full (max 1) with one long sleep job running, and consumers P1
# and P2 (2 executors each) serve bq. blocked_queue_hold then submits 300 short sleep jobs
# to bq in one batch and waits until every one is held (delivered, refused, held).
blocked_queue_start() {
  check_status "limit set type:sleep --max-running 100 exits 0" 0 jobq limit set type:sleep --max-running 100
  check_status "limit set queue:bq --max-running 1 exits 0" 0 jobq limit set queue:bq --max-running 1
  start_consumer "${1}1" --worker-id "${1}1" --queues bq --concurrency 2
  start_consumer "${1}2" --worker-id "${1}2" --queues bq --concurrency 2
  check_status "one long sleep job" 0 jobq submit sleep '{"seconds":300}' --queue bq
  wait_for 30 "the long job runs" sql_is 1 "select count(*) from jobs where queue = 'bq' and status = 'running'"
}
blocked_queue_hold() {
  local i
  for ((i = 0; i < 300; i++)); do echo '{"type":"sleep","payload":{"seconds":0.01},"queue":"bq"}'; done >"$T/bq.jsonl"
  check --fatal "submit 300 jobs of type sleep in queue bq" jobq submit --batch "$T/bq.jsonl"
  wait_for 60 "the 300 are held" sql_is 300 \
    "select count(*) from jobs where queue = 'bq' and publish_after = 'infinity' and published_at is null"
}
sql_is() {
  local rc=0 out=""
  _jq_sql_ask "$2" 2>/dev/null || rc=$?
  if (( rc == 3 )); then [[ "$(sql "$2" 2>/dev/null)" == "$1" ]]; return; fi
  if (( rc <= 1 )); then IFS= read -r -d '' out <"$T/.sql.out" || true; fi
  while [[ "$out" == *$'\n' ]]; do out="${out%$'\n'}"; done   # as $(...) would
  [[ "$out" == "$1" ]]
}

# state_counts — e.g. "queued=3 running=1 succeeded=40": the jobs by state, for notes.
state_counts() {
  sql "select coalesce(string_agg(status || '=' || n, ' ' order by status), 'no jobs')
       from (select status, count(*) n from jobs group by status) s"
}
# terminal_anomalies [COND] — how many jobs (those matching COND, SQL over jobs j) do not have
# exactly one transition into succeeded/failed/cancelled in job_events.
terminal_anomalies() {
  sql "select count(*) from jobs j where (${1:-true}) and (select count(*) from job_events e
       where e.job_id = j.id and e.to_status in ('succeeded','failed','cancelled')) <> 1"
}

# mgmt_get PATH — GET from the management API, scoped to the test vhost:
#   queues | queues/jobq.default | exchanges | bindings | consumers  -> /api/<x>/<vhost>[/...]
#   connections | channels                                          -> /api/vhosts/<vhost>/<x>
#   /api/...                                                        -> as given
# Stats refresh about once a second (collect_statistics_interval): poll, don't read once.
mgmt_get() {
  local p="${1#/}" vh
  _jq_enc vh "$_JQ_VHOST"
  case "$p" in
    api/*) ;;
    connections|channels) p="api/vhosts/$vh/$p" ;;
    vhost) p="api/vhosts/$vh" ;;
    */*) p="api/${p%%/*}/$vh/${p#*/}" ;;
    *) p="api/$p/$vh" ;;
  esac
  _jq_mgmt GET "/$p"
}
# _jq_enc VAR TEXT — VAR = url_encode TEXT, without a subshell when TEXT needs no escape.
_jq_enc() {
  if [[ "$2" =~ ^[A-Za-z0-9._~-]*$ ]]; then printf -v "$1" '%s' "$2"; else printf -v "$1" '%s' "$(url_encode "$2")"; fi
}

# The system's python3 when there is one: a version manager's shim on PATH (pyenv) can take
# seconds to start on a busy machine.
_jq_py() { if [[ -x /usr/bin/python3 ]]; then /usr/bin/python3 "$@"; else python3 "$@"; fi; }

# json_get EXPR — read JSON on stdin, print EXPR (a Python expression over `d`, e.g.
# 'd["messages_ready"]' or 'len(d)'); prints nothing and fails if it cannot.
json_get() {
  _jq_py -c 'import json,sys
d=json.load(sys.stdin)
v=eval(sys.argv[1], {"d": d, "len": len, "sum": sum, "any": any, "all": all})
print(json.dumps(v) if isinstance(v,(dict,list,bool)) or v is None else v)' "$1"
}

# _jq_queue_fields QUEUE FIELD... — one GET of QUEUE's FIELDs (?columns=): sets the array
# JQ_FIELDS to their values in order. The API answers compact JSON holding just those keys,
# so a number, true, false or null is read in bash; any other value (a string, an object) by
# json_get. A queue's message counts come from its own periodic report (a quorum queue's
# every 5 s), so a new queue has none at first: while a field is missing the GET is asked
# again, for up to 10 s; a field still missing then fails the call (returns 1), so that no
# check reads "0 messages" from a queue that has not reported yet.
_jq_queue_fields() {
  local queue="$1" q="$1" body f rest v cols deadline now missing
  shift
  printf -v cols '%s,' "$@"
  cols="${cols%,}"
  _jq_enc q "$q"
  jq_now now; deadline=$((now + 10000))
  while true; do
    mgmt_get "queues/$q?columns=$cols" >/dev/null || return 1
    IFS= read -r -d '' body <"$T/.mgmt.body" || true
    missing=""
    for f in "$@"; do [[ "$body" == *\""$f"\":* ]] || missing+=" $f"; done
    [[ -z "$missing" ]] && break
    jq_now now
    if (( now >= deadline )); then
      echo "lib.sh: queue $queue has not reported$missing within 10 s" >&2; return 1
    fi
    jq_nap 0.25
  done
  JQ_FIELDS=()
  for f in "$@"; do
    rest="${body#*\""$f"\":}"
    v="${rest%%[,\}]*}"
    [[ "$v" =~ ^(-?[0-9]+(\.[0-9]+)?|true|false|null)$ ]] || v=$(json_get "d.get('$f')" <<<"$body") || return 1
    JQ_FIELDS+=("$v")
  done
}
# free_port — a loopback TCP port free at this moment (for a consumer's --metrics).
free_port() {
  _jq_py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
# queue_stat QUEUE FIELD — e.g. queue_stat jobq.default messages_unacknowledged
queue_stat() { _jq_queue_fields "$1" "$2" && echo "${JQ_FIELDS[0]}"; }
# queue_counts QUEUE — "READY|UNACKED", e.g. 0|0 once every message of QUEUE was acked.
queue_counts() {
  _jq_queue_fields "$1" messages_ready messages_unacknowledged &&
    echo "${JQ_FIELDS[0]}|${JQ_FIELDS[1]}"
}
# queue_counts_are QUEUE EXPECTED — whether queue_counts QUEUE prints EXPECTED (for wait_for).
queue_counts_are() {
  _jq_queue_fields "$1" messages_ready messages_unacknowledged &&
    [[ "${JQ_FIELDS[0]}|${JQ_FIELDS[1]}" == "$2" ]]
}

# connections_of PREFIX — the broker's names (one a line) of the test vhost's connections whose
# client-given name (connection_name) starts with PREFIX, e.g. "jobq-consumer worker=w1 ".
connections_of() {
  mgmt_get connections | _jq_py -c 'import json,sys
for c in json.load(sys.stdin):
    u = (c.get("client_properties") or {}).get("connection_name") or c.get("user_provided_name") or ""
    if u.startswith(sys.argv[1]): print(c["name"])' "$1"
}
# close_connection NAME — close one connection from the broker side (DELETE /api/connections/NAME).
close_connection() { _jq_mgmt DELETE "/api/connections/$(url_encode "$1")" >/dev/null; }
# close_connections PREFIX — close every connection connections_of PREFIX lists. Prints how
# many it closed; fails if none matched.
close_connections() {
  local names n=0 name
  names=$(connections_of "$1") || return 1
  while IFS= read -r name; do
    [[ -n "$name" ]] || continue
    close_connection "$name" && n=$((n + 1))
  done <<<"$names"
  echo "$n"
  (( n > 0 ))
}

# The management API has a quorum queue's ready and unacked counts (queue_counts) from the
# queue's own report, every 5 s, and none before the first (queue_stat waits for it): just
# after a short job they can still be 0|0 from before its delivery, or 0|1 from before its ack.
# queue_deliveries QUEUE — "DELIVERED|REDELIVERED|ACKED": the broker's counts of QUEUE's
# deliveries (basic.get included), redeliveries and acks, as the consumers' channels report
# them: a few seconds late, but they only grow, so a count shown is a count reached.
queue_deliveries() {
  mgmt_get "queues/$(url_encode "$1")" | json_get "'%s|%s|%s' % tuple(
    (d.get('message_stats') or {}).get(k, 0) for k in ('deliver_get', 'redeliver', 'ack'))"
}
# queue_deliveries_are QUEUE EXPECTED — whether queue_deliveries QUEUE prints EXPECTED (wait_for).
queue_deliveries_are() { [[ "$(queue_deliveries "$1")" == "$2" ]]; }
# queue_get QUEUE — ask QUEUE itself, now, for one ready message (basic.get through the API,
# put back at once): prints the JSON list, [] when none is ready. With no consumer left (a
# closed connection gives its unacked deliveries back) [] means QUEUE holds no message.
queue_get() {
  _jq_mgmt POST "/api/queues/$(url_encode "$_JQ_VHOST")/$(url_encode "$1")/get" \
    '{"count":1,"ackmode":"reject_requeue_true","encoding":"auto","truncate":200}'
}

# ---------------------------------------------------------------- assertions
_jq_ok() { _JQ_PASS=$((_JQ_PASS + 1)); echo "ok - $1"; }
fail() {
  _JQ_FAIL=$((_JQ_FAIL + 1))
  echo "FAIL - $*"
  if [[ "${JQ_FAIL_FAST:-0}" == 1 ]]; then exit 1; fi
  return 0
}

# check [--fatal] DESC CMD... — pass if CMD succeeds. Its output is shown only on failure.
# Never stops the test unless --fatal or JQ_FAIL_FAST=1. JQ_LAST_OK=1/0.
check() {
  local fatal=0 desc rc=0
  [[ "$1" == --fatal ]] && { fatal=1; shift; }
  desc="$1"; shift
  "$@" >"$T/.check.out" 2>&1 || rc=$?
  if (( rc == 0 )); then
    JQ_LAST_OK=1; _jq_ok "$desc"
  else
    JQ_LAST_OK=0
    fail "$desc (exit $rc: $*)"
    [[ -s "$T/.check.out" ]] && sed -n '1,20s/^/#   /p' "$T/.check.out"
    (( fatal )) && exit 1
  fi
  return 0
}

check_eq() {  # DESC EXPECTED ACTUAL
  if [[ "$2" == "$3" ]]; then
    JQ_LAST_OK=1; _jq_ok "$1"
  else
    JQ_LAST_OK=0; fail "$1"
    printf '#   expected: %s\n#   actual:   %s\n' "$2" "$3"
  fi
  return 0
}

# check_status DESC EXPECTED CMD... — run CMD (stdin /dev/null), stdout to $OUT_FILE/$OUT,
# stderr to $ERR_FILE/$ERR, exit status to $STATUS. EXPECTED: a number, or "nonzero".
check_status() {
  local desc="$1" want="$2"; shift 2
  OUT_FILE="$T/last.out" ERR_FILE="$T/last.err"
  STATUS=0
  "$@" </dev/null >"$OUT_FILE" 2>"$ERR_FILE" || STATUS=$?
  OUT=$(cat "$OUT_FILE"); ERR=$(cat "$ERR_FILE")
  if [[ "$want" == "$STATUS" || ( "$want" == nonzero && "$STATUS" != 0 ) ]]; then
    JQ_LAST_OK=1; _jq_ok "$desc"
  else
    # shellcheck disable=SC2034  # JQ_LAST_OK is for the tests (check's comment)
    JQ_LAST_OK=0
    fail "$desc (exit $STATUS, expected $want: $*)"
    [[ -n "$OUT" ]] && sed -n '1,10s/^/#   out: /p' <<<"$OUT"
    [[ -n "$ERR" ]] && sed -n '1,10s/^/#   err: /p' <<<"$ERR"
  fi
  return 0
}

# check_tap_counts NAME MIN — after check_status of `node --test --test-reporter=tap ...`: on
# failure, the failing tests' output and the start of stderr; then checks that at least MIN
# tests ran and that every one passed, and notes "NAME: P of N tests passed".
check_tap_counts() {
  local tests passed
  if (( STATUS != 0 )); then
    grep -E '^\s*(not ok|ok|# )' "$OUT_FILE" | sed 's/^/#   /' | head -60 || true
    sed -n '/not ok/,/\.\.\./p' "$OUT_FILE" | head -80 | sed 's/^/#   /' || true
    head -c 3000 "$ERR_FILE" | sed 's/^/#   /' || true
  fi
  tests=$(sed -n 's/^# tests \([0-9]*\)$/\1/p' "$OUT_FILE")
  passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$OUT_FILE")
  check "$1: the suite ran its tests (found ${tests:-none})" test "${tests:-0}" -ge "$2"
  check_eq "$1: every test passed" "${tests:-?}" "${passed:-0}"
  note "$1: ${passed:-0} of ${tests:-0} tests passed"
}

# wait_for TIMEOUT_S DESC CMD... — poll CMD every 0.1 s for the first 3 s, then every 0.25 s
# (a condition is seen at most that late; the tests time events by the database's or the
# handlers' clocks, not by when a poll saw them). On timeout: a failure, and returns 1 (which
# stops the test under set -e unless used in a condition).
wait_for() {
  local timeout="$1" desc="$2"; shift 2
  local t0 now
  jq_now t0
  while true; do
    if "$@" >/dev/null 2>&1; then return 0; fi
    jq_now now
    (( now - t0 >= ${timeout%.*} * 1000 )) && break
    if (( now - t0 < 3000 )); then jq_nap 0.1; else jq_nap 0.25; fi
  done
  fail "timed out after ${timeout}s waiting for: $desc"
  return 1
}

# jq_nap SECONDS — sleep without a sleep process where it can (a process costs ~5 ms of CPU
# here): in the test's own shell, a read with a timeout on a pipe of its own that nobody
# writes to. Elsewhere, or if that read returns early, sleep.
_JQ_NAP_FD=""
jq_nap() {
  local line rs=0
  if [[ "$BASHPID" == "$$" ]]; then
    # a pipe of its own that nobody writes to (opened read-write, so it never reads EOF)
    [[ -n "$_JQ_NAP_FD" ]] || exec {_JQ_NAP_FD}<> <(:) || _JQ_NAP_FD=""
    if [[ -n "$_JQ_NAP_FD" ]]; then
      IFS= read -r -t "$1" line 2>/dev/null <&"$_JQ_NAP_FD" || rs=$?
      (( rs > 128 )) && return 0
    fi
  fi
  sleep "$1"
}
