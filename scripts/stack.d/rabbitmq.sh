# shellcheck shell=bash
# scripts/stack.d/rabbitmq.sh — one RabbitMQ node of the stack (the one use_node points
# at): its configuration, launch as the rabbitmq user, readiness, users and rights, and stop.

RMQBIN=/usr/lib/rabbitmq/bin
RMQ_HOME=/var/lib/rabbitmq

rmq_env() {
  RMQ_ENV=(
    PATH="$CLEAN_PATH" LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$RMQ_HOME"
    RABBITMQ_NODENAME="$NODE"
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    RABBITMQ_NODE_PORT="$AMQP_PORT"
    RABBITMQ_DIST_PORT="$DIST_PORT"
    RABBITMQ_MNESIA_BASE="$R/mnesia"
    RABBITMQ_LOG_BASE="$R/log"
    RABBITMQ_CONFIG_FILE="$R/rabbitmq.conf"
    RABBITMQ_ADVANCED_CONFIG_FILE="$R/advanced.config"
    RABBITMQ_ENABLED_PLUGINS_FILE="$R/enabled_plugins"
    RABBITMQ_FEATURE_FLAGS_FILE="$R/feature_flags"
    RABBITMQ_PID_FILE="$R/pid"
    RABBITMQ_CONF_ENV_FILE="$R/rabbitmq-env.conf"
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    ERL_CRASH_DUMP="$R/erl_crash.dump"
  )
}

# rabbitmqctl against this stack's node, as the rabbitmq user, bounded in time.
rmqctl() {
  (cd / && exec timeout -k 5 85 runuser -u rabbitmq -- env -i "${RMQ_ENV[@]}" \
      "$RMQBIN/rabbitmqctl" -n "$NODE" "$@") </dev/null 9>&-
}

# mgmt METHOD PATH [JSON] — the management API of the current node as guest (loopback
# only); prints the HTTP status, "000" when nothing answered.
mgmt() {
  MGMT_MAX_TIME=5 mgmt_request "$MGMT_PORT" guest:guest /dev/null "$1" "/api$2" "${@:3}" 2>/dev/null || true
}

ensure_cookie() {
  local c="$RMQ_HOME/.erlang.cookie" cookie
  [[ -d "$RMQ_HOME" ]] || die "$RMQ_HOME is missing: is rabbitmq-server installed? (scripts/deps)"
  if [[ ! -s "$c" ]]; then
    cookie=$(set +o pipefail; LC_ALL=C tr -dc '[:upper:]' </dev/urandom | head -c 20)
    (umask 077; printf '%s' "$cookie" >"$c")
    chown rabbitmq:rabbitmq "$c"
    chmod 400 "$c"
  fi
}

rmq_prepare() {
  install -d -o rabbitmq -g rabbitmq -m 750 "$R" "$R/mnesia" "$R/log"
  cat >"$R/rabbitmq.conf" <<CONF
# written by scripts/stack — regenerated on every 'up'
listeners.tcp.default = 127.0.0.1:$AMQP_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $MGMT_PORT
# jobs may run for hours while their delivery stays unacked (docs/design.md §5): 3 h
consumer_timeout = 10800000
# management stats every second (default 5 s) so tests see queue counts sooner
collect_statistics_interval = 1000
loopback_users.guest = true
log.console = false
log.file.level = info
CONF
  if (( CLUSTER > 1 )); then
    cat >>"$R/rabbitmq.conf" <<CONF
# cluster mode: node $NODE_I of $CLUSTER
cluster_name = jobq-$BASE_AMQP
CONF
    # On its first boot (empty database) node I > 1 joins node 1 (which 'up' starts first),
    # waiting up to 60 s for it; node 1 lists no peers, so it always starts a cluster of its
    # own. 'up' then checks the membership and joins any node that did not make it with
    # join_cluster.
    (( NODE_I == 1 )) || cat >>"$R/rabbitmq.conf" <<CONF
cluster_formation.peer_discovery_backend = classic_config
cluster_formation.classic_config.nodes.1 = $(node_name 1)
cluster_formation.classic_config.nodes.2 = $NODE
cluster_formation.discovery_retry_limit = 120
cluster_formation.discovery_retry_interval = 500
CONF
  fi
  echo '[rabbitmq_management].' >"$R/enabled_plugins"
  : >"$R/rabbitmq-env.conf"     # keeps /etc/rabbitmq/rabbitmq-env.conf out of it
  rm -f "$R/advanced.config" "$R/pid"
  if (( CLUSTER > 1 )); then
    # The initial replica count of a new quorum queue (rabbit's quorum_cluster_size, default
    # 3, capped at the cluster size) has no rabbitmq.conf key in 3.10: one on every node.
    printf '%% written by scripts/stack\n[{rabbit, [{quorum_cluster_size, %s}]}].\n' "$CLUSTER" \
      >"$R/advanced.config"
    chown rabbitmq:rabbitmq "$R/advanced.config"; chmod 640 "$R/advanced.config"
  fi
  chown rabbitmq:rabbitmq "$R/rabbitmq.conf" "$R/enabled_plugins" "$R/rabbitmq-env.conf"
  chmod 640 "$R/rabbitmq.conf" "$R/enabled_plugins" "$R/rabbitmq-env.conf"
}

rmq_launch() {
  rmq_prepare
  : >>"$R/server.out"; chown rabbitmq:rabbitmq "$R/server.out"
  echo "=== $(date -Is) up (node $NODE)" >>"$R/server.out"
  (cd / && exec setsid runuser -u rabbitmq -- env -i "${RMQ_ENV[@]}" "$RMQBIN/rabbitmq-server") \
    </dev/null >>"$R/server.out" 2>&1 9>&- &
  RMQ_LAUNCHER=$!
  echo "$RMQ_LAUNCHER" >"$R/launcher.pid"
}

rmq_log_tail() {
  echo "--- $R/server.out (tail)" >&2; tail -n 15 "$R/server.out" >&2 2>/dev/null || true
  local f="$R/log/$NODE.log"
  [[ -f "$f" ]] && { echo "--- $f (tail)" >&2; tail -n 15 "$f" >&2; }
  return 0
}

rmq_wait_and_setup() { rmq_wait_started && rmq_setup_users; }

# Wait until the node launched as RMQ_LAUNCHER runs and its management API answers.
# WAIT_PID names the rabbitmqctl wait meanwhile, for the cleanup traps of commands.sh and
# cluster.sh.
# shellcheck disable=SC2034  # WAIT_PID is read by those traps only
rmq_wait_started() {
  local wpid rc
  # In the background (as timeout's own PID) so a server that dies early is noticed at once.
  (cd / && exec timeout -k 5 70 runuser -u rabbitmq -- env -i "${RMQ_ENV[@]}" \
      "$RMQBIN/rabbitmqctl" -n "$NODE" wait --timeout 60 "$R/pid") >"$R/wait.out" 2>&1 9>&- &
  wpid=$!
  WAIT_PID=$wpid
  while kill -0 "$wpid" 2>/dev/null; do
    if ! kill -0 "$RMQ_LAUNCHER" 2>/dev/null; then
      kill "$wpid" 2>/dev/null || true; wait "$wpid" 2>/dev/null || true
      rmq_log_tail; echo "stack: $LABEL exited during start-up" >&2; return 1
    fi
    sleep 0.2
  done
  rc=0; wait "$wpid" || rc=$?
  WAIT_PID=""
  if (( rc != 0 )); then
    cat "$R/wait.out" >&2; rmq_log_tail
    echo "stack: $LABEL did not start within 60 s (rabbitmqctl wait exit $rc)" >&2
    return 1
  fi
  rmq_wait_mgmt
}

rmq_wait_mgmt() {
  local code i
  # The management listener comes up with the node; give it a bounded moment.
  for ((i = 0; i < 150; i++)); do
    code=$(mgmt GET /overview)
    [[ "$code" == 200 ]] && break
    sleep 0.2
  done
  [[ "$code" == 200 ]] || { rmq_log_tail; echo "stack: management API on :$MGMT_PORT not answering (last HTTP $code)" >&2; return 1; }
}

rmq_setup_users() {
  local code
  code=$(mgmt PUT /users/jobq '{"password":"jobq","tags":"administrator"}')
  [[ "$code" == 201 || "$code" == 204 ]] || { echo "stack: creating RabbitMQ user jobq failed (HTTP $code)" >&2; return 1; }
  code=$(mgmt PUT /permissions/%2F/jobq '{"configure":".*","write":".*","read":".*"}')
  [[ "$code" == 201 || "$code" == 204 ]] || { echo "stack: granting jobq rights on / failed (HTTP $code)" >&2; return 1; }
  # Least-privilege users for consumers and the CLI (docs/security.md). The consumer gets
  # the management tag only so that tests can show, through the HTTP API, what it may not do.
  local user tags perms
  for user in jobq_consumer jobq_cli; do
    tags=""; [[ "$user" == jobq_consumer ]] && tags="management"
    code=$(mgmt PUT "/users/$user" "{\"password\":\"$user\",\"tags\":\"$tags\"}")
    [[ "$code" == 201 || "$code" == 204 ]] || { echo "stack: creating RabbitMQ user $user failed (HTTP $code)" >&2; return 1; }
    perms=$(rmq_perms "$user")
    code=$(mgmt PUT "/permissions/%2F/$user" "$perms")
    [[ "$code" == 201 || "$code" == 204 ]] || { echo "stack: granting $user rights on / failed (HTTP $code)" >&2; return 1; }
  done
}

# The RabbitMQ permissions (JSON for the management API) of a least-privilege user.
rmq_perms() {
  case "$1" in
    jobq_consumer) printf '%s\n' '{"configure":"^amq\\.gen-.*$","write":"^(jobq\\.jobs|amq\\.gen-.*)$","read":"^(jobq\\..*|amq\\.gen-.*)$"}' ;;
    jobq_cli) printf '%s\n' '{"configure":"^$","write":"^(jobq\\.jobs|jobq\\.cancel)$","read":"^$"}' ;;
  esac
}

rmq_stop() {
  local pid lpid
  if pid=$(rmq_pid); then
    if ! rmqctl stop "$R/pid" >"$R/stop.out" 2>&1; then
      echo "stack: rabbitmqctl stop failed; sending TERM to $pid" >&2
      cat "$R/stop.out" >&2 || true
    fi
    if kill -0 "$pid" 2>/dev/null; then proc_terminate "$pid" 20; fi
    say "stopped $LABEL (pid $pid, node $NODE)"
  else
    say "$LABEL was not running"
  fi
  # The launcher (runuser → rabbitmq-server → beam, in their own process group) exits with
  # the node; if it did not (e.g. a node stopped while still booting, with no pid file yet),
  # TERM the group and KILL what is left after 10 s.
  if lpid=$(pid_if_alive "$R/launcher.pid" runuser root); then
    if ! proc_wait_gone "$lpid" 5; then
      kill -TERM -- "-$lpid" 2>/dev/null || true
      proc_group_gone "$lpid" 10 || kill -KILL -- "-$lpid" 2>/dev/null || true
      proc_group_gone "$lpid" 5 || true
    fi
  fi
  rm -f "$R/pid" "$R/launcher.pid"
}


# SIGKILL the current node (use_node) by its recorded PID.
rmq_kill() {  # PID
  local old="$1" lpid
  kill -KILL "$old" 2>/dev/null || true
  proc_wait_gone "$old" 10 || die "$LABEL (pid $old) did not die on SIGKILL"
  say "killed $LABEL (pid $old, SIGKILL)"
  # the launcher group (runuser, rabbitmq-server script, epmd children) follows the node
  if lpid=$(pid_if_alive "$R/launcher.pid" runuser root); then
    proc_wait_gone "$lpid" 5 || { kill -TERM -- "-$lpid" 2>/dev/null || true; proc_group_gone "$lpid" 5 || true; }
  fi
  rm -f "$R/pid" "$R/launcher.pid"
}
