# shellcheck shell=bash
# scripts/stack.d/state.sh — what every command of scripts/stack stands on: its messages,
# the ports and node count of the stack in DIR (DIR/stack.env, else the environment), which
# node of a cluster the other parts act on, and the PIDs of the servers it runs.

# The PATH the servers and their tools run with.
# shellcheck disable=SC2034  # read by epmd.sh, rabbitmq.sh and postgres.sh
CLEAN_PATH=/usr/sbin:/usr/bin:/sbin:/bin

die() { echo "stack: $*" >&2; exit 1; }
say() { echo "stack: $*"; }

# Ports: the recorded ones for an existing stack (down/status/env, and up while running),
# otherwise the environment or the defaults. The node count (CLUSTER) comes with them: from
# DIR/stack.env when the ports do, else as the caller set it (up: --cluster; others: 1).
load_ports() {
  local from_env=1 rec_cluster=1
  AMQP_PORT="" MGMT_PORT="" PG_PORT="" DIST_PORT=""
  if [[ -f "$STATE_FILE" && ( "$CMD" != up || "${1:-}" == recorded ) ]]; then
    local a="" m="" p="" d="" c=""
    state_read "$STATE_FILE" a=AMQP_PORT m=MGMT_PORT p=PG_PORT d=DIST_PORT c=CLUSTER || true
    port_valid "$a" && AMQP_PORT=$a
    port_valid "$m" && MGMT_PORT=$m
    port_valid "$p" && PG_PORT=$p
    port_valid "$d" && DIST_PORT=$d
    [[ "$c" =~ ^[2-7]$ ]] && rec_cluster=$c
    from_env=0
  fi
  if (( from_env )) || [[ -z "$AMQP_PORT$MGMT_PORT$PG_PORT$DIST_PORT" ]]; then
    AMQP_PORT="${JOBQ_AMQP_PORT:-5672}"
    MGMT_PORT="${JOBQ_MGMT_PORT:-15672}"
    PG_PORT="${JOBQ_PG_PORT:-5432}"
    port_valid "$AMQP_PORT" || die "bad JOBQ_AMQP_PORT '$AMQP_PORT'"
    DIST_PORT="${JOBQ_DIST_PORT:-$((AMQP_PORT + 20000))}"
  else
    CLUSTER=$rec_cluster
  fi
  local n
  for n in AMQP_PORT MGMT_PORT PG_PORT DIST_PORT; do
    port_valid "${!n}" || die "bad $n '${!n}' (must be 1..65535; the Erlang dist port defaults to AMQP+20000, so pick an AMQP port <= 45535 or set JOBQ_DIST_PORT)"
  done
  local ports="$AMQP_PORT $MGMT_PORT $PG_PORT $DIST_PORT"
  if (( CLUSTER == 1 )); then
    [[ $(tr ' ' '\n' <<<"$ports" | sort -u | wc -l) -eq 4 ]] || die "ports must differ: $ports"
  else
    local last=$((CLUSTER - 1)) all="$PG_PORT" i
    for n in AMQP_PORT MGMT_PORT DIST_PORT; do
      port_valid "$((${!n} + last))" || die "bad $n '${!n}': node $CLUSTER would need port $((${!n} + last)) (> 65535)"
      for ((i = 0; i < CLUSTER; i++)); do all+=" $((${!n} + i))"; done
    done
    [[ $(tr ' ' '\n' <<<"$all" | sort -u | wc -l) -eq $((3 * CLUSTER + 1)) ]] ||
      die "ports must differ: amqp $AMQP_PORT-$((AMQP_PORT + last)), management $MGMT_PORT-$((MGMT_PORT + last)), dist $DIST_PORT-$((DIST_PORT + last)), postgresql $PG_PORT overlap"
  fi
  BASE_AMQP=$AMQP_PORT BASE_MGMT=$MGMT_PORT BASE_DIST=$DIST_PORT
  # shellcheck disable=SC2034  # read by commands.sh and cluster.sh
  mapfile -t ALL_NODES < <(seq 1 "$CLUSTER")
  NODE="jobq-$AMQP_PORT@localhost"
  (( CLUSTER == 1 )) || use_node 1
}

# The ports for 'up': while a server of the stack in DIR runs (RUNNING=1), the recorded ones,
# and the environment must not ask for others; else as load_ports finds them.
up_ports() {  # RUNNING
  if (( $1 )); then
    load_ports recorded
    local a=$BASE_AMQP m=$BASE_MGMT p=$PG_PORT
    local ea="${JOBQ_AMQP_PORT:-$a}" em="${JOBQ_MGMT_PORT:-$m}" ep="${JOBQ_PG_PORT:-$p}"
    if [[ "$ea $em $ep" != "$a $m $p" ]]; then
      die "a stack in $DIR already runs on amqp $a, mgmt $m, pg $p (asked for $ea, $em, $ep): run 'scripts/stack down --dir $DIR' first"
    fi
  else
    load_ports
  fi
}

# The node count recorded in DIR/stack.env (1 when there is none).
recorded_cluster() {
  local c=""
  state_read "$STATE_FILE" c=CLUSTER 2>/dev/null || true
  [[ "$c" =~ ^[2-7]$ ]] || c=1
  echo "$c"
}

# Point NODE, R, LABEL, the ports and RMQ_ENV at node I (1..CLUSTER) of the stack.
# shellcheck disable=SC2034  # NODE, LABEL and NODE_I are read by the other parts
use_node() {  # I
  AMQP_PORT=$((BASE_AMQP + $1 - 1)) MGMT_PORT=$((BASE_MGMT + $1 - 1)) DIST_PORT=$((BASE_DIST + $1 - 1))
  NODE="jobq-$AMQP_PORT@localhost"
  if (( CLUSTER == 1 )); then
    R="$DIR/rabbitmq" LABEL="RabbitMQ"
  else
    R="$DIR/rabbitmq-$1" LABEL="RabbitMQ node $1"
  fi
  NODE_I=$1
  rmq_env
}
node_name() { echo "jobq-$((BASE_AMQP + $1 - 1))@localhost"; }  # I
node_index() {  # NODE → its I, or nothing
  local i
  for ((i = 1; i <= CLUSTER; i++)); do [[ "$(node_name "$i")" == "$1" ]] && { echo "$i"; return 0; }; done
  return 1
}
mode_name() { if (( $1 == 1 )); then echo "a single node"; else echo "a cluster of $1 nodes"; fi; }

# PID from a file if that process is alive, is the expected program and runs as the user.
pid_if_alive() {  # FILE COMM USER
  local f="$1" pid
  [[ -r "$f" ]] || return 1
  pid=$(head -n1 "$f" 2>/dev/null | tr -dc '0-9')
  [[ -n "$pid" ]] || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$2" ]] || return 1
  [[ "$(stat -c %U "/proc/$pid" 2>/dev/null)" == "$3" ]] || return 1
  proc_alive "$pid" || return 1
  echo "$pid"
}
rmq_pid() { pid_if_alive "$R/pid" beam.smp rabbitmq; }
pg_pid() { pid_if_alive "$P/data/postmaster.pid" postgres postgres; }

# Make every folder from DIR up to / traversable (o+x only), so that the server users can
# reach their state under /work, /tmp/tmp.XXXX (mode 700) and the like.
make_traversable() {
  local d="$1"
  while [[ "$d" != / && -n "$d" ]]; do
    if [[ -d "$d" ]] && (( (8#$(stat -c %a "$d") & 1) == 0 )); then
      chmod o+x "$d"
      echo "stack: note: added o+x to $d so the server users can reach the state folder" >&2
    fi
    d=$(dirname "$d")
  done
}

# Die naming each port of "NAME:PORT NAME:PORT..." that something already listens on.
check_ports_free() {
  local want="$1" name port busy=0
  for name in $want; do
    port="${name#*:}"
    if port_busy "$port"; then
      echo "stack: port $port (${name%%:*}) is already in use: $(port_listeners "$port" | awk '{print $4, $6}' | head -n1)" >&2
      busy=1
    fi
  done
  (( busy == 0 )) || die "free those ports or pick others (JOBQ_AMQP_PORT, JOBQ_MGMT_PORT, JOBQ_PG_PORT, JOBQ_DIST_PORT)"
}
