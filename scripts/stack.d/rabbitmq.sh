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

# rabbitmqctl against this stack's node, as the rabbitmq user, bounded in time. Each call
# boots an Erlang VM of its own (a few CPU seconds on a small machine): only for what
# rmq_eval cannot do as simply (join_cluster).
rmqctl() {
  (cd / && exec timeout -k 5 85 runuser -u rabbitmq -- env -i "${RMQ_ENV[@]}" \
      "$RMQBIN/rabbitmqctl" -n "$NODE" "$@") </dev/null 9>&-
}

# erl_call (from erlang-base, which rabbitmq-server depends on) evaluates an expression on a
# running node over Erlang distribution, with the cookie of the rabbitmq user, in about 0.1 s
# and without a VM of its own.
erl_call_bin() {
  local f
  command -v erl_call && return 0
  for f in /usr/lib/erlang/lib/erl_interface-*/bin/erl_call; do [[ -x "$f" ]] && { echo "$f"; return 0; }; done
  return 1
}

# erl_call_ready — set ERL_CALL (once per shell) to the erl_call program; if there is none,
# say so and return 1 (the caller falls back: 'stack down' to TERM, a start wait fails).
erl_call_ready() {
  [[ -n "${ERL_CALL:-}" ]] && return 0
  ERL_CALL=$(erl_call_bin) && return 0
  ERL_CALL=""
  echo "stack: erl_call not found (package erlang-base): cannot ask node $NODE" >&2
  return 1
}

# rmq_eval EXPR — evaluate the Erlang expression EXPR (ending in a full stop) on the current
# node (use_node) and print its value as erl_call shows it ("[a, b]", "true", "\"text\"").
# Returns 1 if the node did not answer (not running, or not yet registered) or EXPR failed;
# why (erl_call's complaint, or the error it returned) goes to the file RMQ_EVAL_LOG if set
# (rmq_stop's log), else nowhere: a wait asks again and again while the node boots.
rmq_eval() {
  local out log=${RMQ_EVAL_LOG:-/dev/null}
  erl_call_ready || return 1
  if ! out=$(cd / && printf '%s\n' "$1" | timeout -k 5 30 runuser -u rabbitmq -- env -i HOME="$RMQ_HOME" \
          PATH="$CLEAN_PATH" "$ERL_CALL" -sname "$NODE" -e 2>>"$log" 9>&-); then
    printf 'erl_call -sname %s failed%s\n' "$NODE" "${out:+: $out}" >>"$log"
    return 1
  fi
  if [[ "$out" != "{ok, "*"}" ]]; then
    printf 'erl_call -sname %s: %s\n' "$NODE" "$out" >>"$log"
    return 1
  fi
  out=${out#"{ok, "}
  printf '%s\n' "${out%"}"}"
}

# rmq_eval_text EXPR — rmq_eval for an EXPR whose value is a string (a list of characters,
# possibly deep, or a UTF-8 binary): the string itself, as UTF-8; an empty string prints
# nothing. erl_call's printer would show a list of characters outside Latin-1 as a list of
# numbers, an empty string as [] and escape quotes and backslashes; so the node sends the
# string's UTF-8 bytes in hex behind a marker, and they are decoded here.
rmq_eval_text() {
  local expr="$1" v esc="" i
  expr=${expr%"${expr##*[![:space:]]}"}      # the trailing white space, then the full stop
  expr=${expr%.}
  v=$(rmq_eval "\"jqhex:\" ++ binary_to_list(binary:encode_hex(unicode:characters_to_binary(begin
    $expr
  end))).") || return 1
  [[ "$v" =~ ^\"jqhex:([0-9A-Fa-f]*)\"$ ]] || return 1
  v=${BASH_REMATCH[1]}
  (( ${#v} % 2 == 0 )) || return 1
  [[ -n "$v" ]] || return 0
  if command -v xxd >/dev/null; then
    xxd -r -p <<<"$v"
  else
    for ((i = 0; i < ${#v}; i += 2)); do esc+="\\x${v:i:2}"; done
    printf '%b' "$esc"
  fi
}

# erl_bin TEXT — TEXT as an Erlang binary literal of byte values (<<106,111>>), which needs no
# quoting whatever TEXT holds.
erl_bin() {
  local LC_ALL=C s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    printf -v c '%d' "'${s:i:1}"
    (( c >= 0 )) || c=$((c + 256))
    out+="${out:+,}$c"
  done
  printf '<<%s>>' "$out"
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

# Wait (60 s at most) until the node launched as RMQ_LAUNCHER has booted and its management
# API answers. Booted: rabbit's boot state (rabbit_boot_state, in rabbitmq_prelaunch) is
# 'ready', which the node sets once every boot step has run and the plugins have started,
# as 'rabbitmqctl await_startup' waits for; rabbit:is_running() is no test of it (in 3.10
# it is true as soon as the rabbit application's process runs, before the boot steps end).
# Until the AMQP listener opens, near the end of the boot, only /proc is read: a look
# costs no process, and a server that dies early is noticed within 0.2 s.
rmq_wait_started() {
  local deadline=$((SECONDS + 60)) listen tcp
  printf -v listen ':%04X 00000000:0000 0A ' "$AMQP_PORT"   # 127.0.0.1:PORT, state LISTEN
  erl_call_ready || { echo "stack: cannot tell when $LABEL is up" >&2; return 1; }
  while :; do
    if ! proc_alive "$RMQ_LAUNCHER"; then
      rmq_log_tail; echo "stack: $LABEL exited during start-up" >&2; return 1
    fi
    tcp=""; IFS= read -r -d '' tcp </proc/net/tcp || true
    [[ "$tcp" == *"$listen"* && "$(rmq_eval 'rabbit_boot_state:get() =:= ready.')" == true ]] && break
    if (( SECONDS >= deadline )); then
      rmq_log_tail; echo "stack: $LABEL did not start within 60 s" >&2; return 1
    fi
    sleep 0.2
  done
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
    # What 'rabbitmqctl stop' runs, rabbit:stop_and_halt(), from a process of the node's own.
    # The management agent's event handler goes first: when it is removed in the middle of
    # the shutdown it holds the stop of the rabbit application for 5 s (RabbitMQ 3.10;
    # fixed in 3.13, rabbitmq-server#11070); removed on a running node it takes a moment.
    # On a node still booting or already stopping rabbit_event may not run (noproc): the
    # catch lets the stop go ahead all the same. Why a request failed lands in stop.out.
    echo "=== $(date -Is) stop (node $NODE, pid $pid)" >>"$R/stop.out"
    if ! RMQ_EVAL_LOG="$R/stop.out" rmq_eval '_ = (catch gen_event:delete_handler(rabbit_event, rabbit_mgmt_db_handler, [])),
                   spawn(rabbit, stop_and_halt, []), ok.' >/dev/null; then
      echo "stack: $LABEL did not take the stop request (why: $R/stop.out); sending TERM to $pid" >&2
    elif ! proc_wait_gone "$pid" 60; then
      echo "stack: $LABEL did not stop within 60 s; sending TERM to $pid" >&2
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
