# shellcheck shell=bash
# scripts/stack.d/commands.sh — the commands of scripts/stack on the whole stack: up, down,
# status, env, restart-broker, restart-db and free-ports. A single node is handled here; in
# cluster mode each hands over to cluster.sh.

cmd_up() {
  [[ $(id -u) -eq 0 ]] || die "must run as root (it runs the servers as the rabbitmq and postgres users)"
  [[ -x "$PGBIN/pg_ctl" && -x "$RMQBIN/rabbitmq-server" ]] ||
    die "RabbitMQ or PostgreSQL 15 is not installed: run scripts/deps"
  { id rabbitmq && id postgres; } >/dev/null 2>&1 || die "users rabbitmq/postgres missing: run scripts/deps"

  # The mode: --cluster, else the one recorded in DIR/stack.env, else one node; a running
  # stack keeps the mode it was started with.
  local rec
  rec=$(recorded_cluster)
  if [[ -n "$CLUSTER_ARG" && "$CLUSTER_ARG" != "$rec" ]] && any_server_running "$rec"; then
    die "a stack in $DIR already runs as $(mode_name "$rec") (asked for $(mode_name "$CLUSTER_ARG")): run 'scripts/stack down --dir $DIR' first"
  fi
  CLUSTER=${CLUSTER_ARG:-$rec}
  (( CLUSTER == 1 )) || { cluster_up; return; }

  local rmq_up=0 pg_up=0 pid
  pid=$(rmq_pid) && rmq_up=1
  pid=$(pg_pid) && pg_up=1
  up_ports $(( rmq_up || pg_up ))
  rmq_env

  if (( rmq_up && pg_up )); then
    say "already running in $DIR (RabbitMQ pid $(rmq_pid), PostgreSQL pid $(pg_pid))"
    cmd_status_lines
    return 0
  fi

  local want=""
  (( rmq_up )) || want+="amqp:$AMQP_PORT management:$MGMT_PORT erlang-dist:$DIST_PORT "
  (( pg_up )) || want+="postgresql:$PG_PORT"
  check_ports_free "$want"

  mkdir -p "$DIR"
  chmod 755 "$DIR"
  make_traversable "$DIR"
  printf 'AMQP_PORT=%s\nMGMT_PORT=%s\nPG_PORT=%s\nDIST_PORT=%s\nNODE=%s\n' \
    "$AMQP_PORT" "$MGMT_PORT" "$PG_PORT" "$DIST_PORT" "$NODE" >"$STATE_FILE"

  local t0=$SECONDS
  STARTED_RMQ=0 STARTED_PG=0
  # Anything this invocation started is stopped again if the rest fails.
  trap 'up_cleanup $?' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  if (( ! rmq_up )); then
    ensure_cookie
    ensure_epmd
    say "starting RabbitMQ (node $NODE, amqp 127.0.0.1:$AMQP_PORT, management 127.0.0.1:$MGMT_PORT)"
    rmq_launch
    STARTED_RMQ=1
  fi
  if (( ! pg_up )); then
    say "starting PostgreSQL 15 (127.0.0.1:$PG_PORT)"
    STARTED_PG=1
    pg_start || exit 1
  fi
  if (( ! rmq_up )); then
    rmq_wait_and_setup || exit 1
    release_epmd_lock
  fi
  rmq_pid >/dev/null || { echo "stack: RabbitMQ is not running after start" >&2; exit 1; }
  pg_pid >/dev/null || { echo "stack: PostgreSQL is not running after start" >&2; exit 1; }
  trap - EXIT INT TERM
  say "up in $((SECONDS - t0)) s (state: $DIR)"
  cmd_status_lines
}

# Stop what this 'up' started if the rest fails (the EXIT trap of cmd_up).
up_cleanup() {  # EXIT_STATUS
  set +e
  (( $1 != 0 )) || return 0
  echo "stack: up failed; stopping what it started" >&2
  (( STARTED_RMQ )) && { rmq_stop >/dev/null 2>&1 || true; }
  (( STARTED_PG )) && { pg_stop >/dev/null 2>&1 || true; }
  maybe_stop_epmd >/dev/null 2>&1 || true
}

cmd_status_lines() {
  local pid ok=0
  if pid=$(rmq_pid); then
    echo "rabbitmq:   running  pid $pid  node $NODE  amqp 127.0.0.1:$AMQP_PORT  management http://127.0.0.1:$MGMT_PORT/  dist $DIST_PORT"
  else
    echo "rabbitmq:   stopped"; ok=1
  fi
  if pid=$(pg_pid); then
    echo "postgresql: running  pid $pid  127.0.0.1:$PG_PORT  data $P/data"
  else
    echo "postgresql: stopped"; ok=1
  fi
  return $ok
}

cmd_status() {
  load_ports
  echo "state: $DIR"
  (( CLUSTER == 1 )) || { cluster_status_lines queues; return; }
  cmd_status_lines
}

cmd_down() {
  load_ports
  rmq_env
  [[ -d "$DIR" ]] || { say "no stack in $DIR"; return 0; }
  [[ $(id -u) -eq 0 ]] || die "must run as root"
  local t0=$SECONDS r
  # Stop them all at once: RabbitMQ's clean stop takes a few seconds.
  if (( CLUSTER == 1 )); then
    rmq_stop &
    r=$!
  else
    cluster_stop_all &
    r=$!
  fi
  pg_stop || true
  wait "$r" || true
  maybe_stop_epmd
  say "down in $((SECONDS - t0)) s"
}

# Restart one server of an existing stack on its recorded ports and data.
restart_precheck() {
  [[ $(id -u) -eq 0 ]] || die "must run as root"
  [[ -f "$STATE_FILE" ]] || die "no stack in $DIR (no $STATE_FILE)"
  load_ports
  rmq_env
}


cmd_restart_broker() {
  local old new
  restart_precheck
  (( CLUSTER == 1 )) || { cluster_restart; return; }
  old=$(rmq_pid) || die "RabbitMQ of $DIR is not running"
  if (( HARD )); then
    rmq_kill "$old"
  else
    rmq_stop
  fi
  sleep "$DOWN_FOR"
  check_ports_free "amqp:$AMQP_PORT management:$MGMT_PORT erlang-dist:$DIST_PORT"
  ensure_cookie
  ensure_epmd
  say "starting RabbitMQ again (node $NODE, amqp 127.0.0.1:$AMQP_PORT)"
  rmq_launch
  rmq_wait_and_setup || { release_epmd_lock; die "RabbitMQ did not come back"; }
  release_epmd_lock
  new=$(rmq_pid) || die "RabbitMQ is not running after the restart"
  say "restarted RabbitMQ (pid $old -> $new)"
}

cmd_restart_db() {
  local old new
  restart_precheck
  old=$(pg_pid) || die "PostgreSQL of $DIR is not running"
  if (( HARD )); then
    pgrun timeout -k 5 70 "$PGBIN/pg_ctl" -D "$P/data" -m immediate -w -t 60 stop >/dev/null 2>&1 ||
      { echo "stack: pg_ctl stop -m immediate failed; sending KILL to $old" >&2; kill -KILL "$old" 2>/dev/null || true; }
    proc_wait_gone "$old" 10 || true
    say "stopped PostgreSQL (pid $old, immediate)"
  else
    pg_stop
  fi
  sleep "$DOWN_FOR"
  check_ports_free "postgresql:$PG_PORT"
  pg_start || die "PostgreSQL did not come back"
  new=$(pg_pid) || die "PostgreSQL is not running after the restart"
  say "restarted PostgreSQL (pid $old -> $new)"
}

# Free ports for another stack (see usage); used by scripts/check and the integration tests.
# With --cluster N, AMQP, management and dist port + 0..N-1 are all free, and the dist ports
# lie in 61000-65499, above Linux's ephemeral range (32768-60999), where an outgoing
# connection can take a port between this check and a node's start.
cmd_free_ports() {
  local n=${CLUSTER_ARG:-1} try a m p d k ok
  for ((try = 0; try < 200; try++)); do
    a=$((20000 + RANDOM % (12001 - n))); m=$((10000 + RANDOM % (10001 - n))); p=$((10000 + RANDOM % 10000))
    (( p < m || p >= m + n )) || continue
    d=$((a + 20000)); (( n == 1 )) || d=$((61000 + RANDOM % (4501 - n)))
    ok=1
    for ((k = 0; k < n && ok; k++)); do
      if port_busy "$((a + k))" || port_busy "$((d + k))" || port_busy "$((m + k))"; then ok=0; fi
    done
    if (( ok )) && ! port_busy "$p"; then
      printf 'JOBQ_AMQP_PORT=%s\nJOBQ_MGMT_PORT=%s\nJOBQ_PG_PORT=%s\nJOBQ_DIST_PORT=%s\n' \
        "$a" "$m" "$p" "$d"
      return 0
    fi
  done
  die "found no free ports"
}

cmd_env() {
  load_ports
  (( CLUSTER == 1 )) || { cluster_env; return; }
  if ! rmq_pid >/dev/null || ! pg_pid >/dev/null; then
    echo "stack: warning: the stack in $DIR is not (fully) running: scripts/stack up" >&2
  fi
  cat <<ENV
export JOBQ_AMQP_URL=amqp://jobq:jobq@127.0.0.1:$AMQP_PORT/%2F
export JOBQ_DATABASE_URL=postgresql://jobq:jobq@127.0.0.1:$PG_PORT/jobq
export JOBQ_MGMT_URL=http://127.0.0.1:$MGMT_PORT/
# RabbitMQ management UI: http://127.0.0.1:$MGMT_PORT/  login jobq / jobq
ENV
}

