# shellcheck shell=bash
# scripts/stack.d/cluster.sh — cluster mode (up --cluster N): N RabbitMQ nodes started in
# the right order and joined into one cluster, their status as a running node sees it,
# quorum queue leaders, and stopping, starting and restarting nodes.

# Whether PostgreSQL or any RabbitMQ node of the stack recorded in DIR (with N nodes) runs.
any_server_running() {  # N
  local i
  pg_pid >/dev/null && return 0
  if (( $1 == 1 )); then
    pid_if_alive "$DIR/rabbitmq/pid" beam.smp rabbitmq >/dev/null && return 0
  else
    for ((i = 1; i <= $1; i++)); do
      pid_if_alive "$DIR/rabbitmq-$i/pid" beam.smp rabbitmq >/dev/null && return 0
    done
  fi
  return 1
}


# The ports of node I, as check_ports_free takes them.
node_ports() {  # I
  echo "node$1-amqp:$((BASE_AMQP + $1 - 1)) node$1-management:$((BASE_MGMT + $1 - 1)) node$1-erlang-dist:$((BASE_DIST + $1 - 1))"
}
node_pid() { (use_node "$1"; rmq_pid); }  # I → PID if node I runs
has_database() { [[ -e "$DIR/rabbitmq-$1/mnesia/$(node_name "$1")/schema.DAT" ]]; }  # I
running_nodes() {  # [EXCEPT] → the indexes of the nodes whose process runs
  local i
  for ((i = 1; i <= CLUSTER; i++)); do
    [[ "$i" != "${1:-}" ]] && node_pid "$i" >/dev/null && echo "$i"
  done
  return 0
}



# The cluster as node I sees it (rabbit_mnesia:status(), as 'rabbitmqctl cluster_status'
# shows it): CS_RUNNING, the running members, and CS_ALL, every member; node names,
# space-separated, in node order. Returns 1 if node I did not answer.
cluster_status_of() {  # I
  local out
  CS_RUNNING="" CS_ALL=""
  out=$(use_node "$1"; rmq_eval 'S = rabbit_mnesia:status(),
    {proplists:get_value(running_nodes, S, []), [N || {_, Ns} <- proplists:get_value(nodes, S, []), N <- Ns]}.') ||
    return 1
  CS_RUNNING=$(node_list "${out%%], *}") CS_ALL=$(node_list "${out#*], }")
  [[ -n "$CS_RUNNING" ]]
}
has_word() { [[ " $1 " == *" $2 "* ]]; }  # LIST WORD
indexes_of() {  # "NODE NODE…" → "I,I…" in order (a node of another stack shows by name)
  local n out=()
  for n in $1; do out+=("$(node_index "$n" || echo "$n")"); done
  (( ${#out[@]} )) || { echo -; return 0; }
  printf '%s\n' "${out[@]}" | sort -n | paste -sd,
}

# SEED: a running node (other than EXCEPT) that answers cluster_status, with CS_* set as it
# sees the cluster; returns 1 if there is none.
seed_node() {  # [EXCEPT]
  local i
  SEED=""
  for i in $(running_nodes "${1:-}"); do
    cluster_status_of "$i" && { SEED=$i; return 0; }
  done
  return 1
}

# Launch the given nodes at once (NODES_STARTED, LAUNCHERS[I]; BOOTING[I] until it runs),
# then wait for all of them in parallel (WAITERS[I] while they run); the first that fails
# ends the wait. Holds the epmd lock until every node has registered.
cluster_start_nodes() {  # I…
  local i id rc
  ensure_cookie
  ensure_epmd
  for i in "$@"; do
    use_node "$i"
    say "starting $LABEL (node $NODE, amqp 127.0.0.1:$AMQP_PORT, management 127.0.0.1:$MGMT_PORT, dist $DIST_PORT)"
    rmq_launch
    LAUNCHERS[i]=$RMQ_LAUNCHER
    NODES_STARTED+=("$i")
    BOOTING[i]=1
  done
  [[ -z "${CLUSTER_PG_START:-}" ]] || { say "starting PostgreSQL 15 (127.0.0.1:$PG_PORT)"; STARTED_PG=1; pg_start || return 1; }
  for i in "$@"; do
    ( trap 'exit 1' TERM
      use_node "$i"; RMQ_LAUNCHER=${LAUNCHERS[i]}; rmq_wait_started ) &
    WAITERS[i]=$!
  done
  while (( ${#WAITERS[@]} )); do
    id="" rc=0
    wait -n -p id "${WAITERS[@]}" || rc=$?
    [[ -n "$id" ]] || return 1
    for i in "${!WAITERS[@]}"; do
      [[ "${WAITERS[i]}" == "$id" ]] || continue
      unset 'WAITERS[i]'
      (( rc != 0 )) || unset 'BOOTING[i]'
    done
    (( rc == 0 )) || return 1
  done
  release_epmd_lock
}

# Stop the given nodes at once (cleanly, or SIGKILL with HARD=1 or for a node that is still
# booting (BOOTING[I]): a clean stop would wait for its boot to end, and a node 2..N waits up
# to 60 s for node 1 there).
cluster_stop_nodes() {  # I…
  local i pid pids=() rc=0
  for i in "$@"; do
    ( use_node "$i"
      if (( HARD || ${BOOTING[i]:-0} )) && pid=$(rmq_pid); then rmq_kill "$pid"; else rmq_stop; fi ) &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || rc=1; done
  return $rc
}
cluster_stop_all() { HARD=0 cluster_stop_nodes "${ALL_NODES[@]}"; }

# Make node I a member of the cluster of node SEED: stop_app, join_cluster (which resets
# node I), start_app, then wait for its management API.
cluster_join() {  # I SEED
  local seed_name
  seed_name=$(node_name "$2")
  ( use_node "$1"
    say "joining $LABEL ($NODE) to the cluster of $seed_name"
    { rmqctl stop_app && rmqctl join_cluster "$seed_name" && rmqctl start_app; } >"$R/join.out" 2>&1 ||
      { cat "$R/join.out" >&2; rmq_log_tail
        echo "stack: $LABEL ($NODE) could not join $seed_name (see $R/join.out)" >&2; exit 1; }
    rmq_wait_mgmt )
}

# Join every node that is not yet a member to node 1's cluster, then wait (60 s at most)
# until node 1 sees all of them running.
cluster_form() {
  local i joined=0 deadline=$((SECONDS + 60))
  cluster_status_of 1 || { echo "stack: RabbitMQ node 1 ($(node_name 1)) does not answer for the cluster status" >&2; return 1; }
  for ((i = 2; i <= CLUSTER; i++)); do
    has_word "$CS_ALL" "$(node_name "$i")" && continue
    cluster_join "$i" 1 || return 1
    joined=1
  done
  (( joined )) || CS_FRESH=1
  cluster_wait_running 1 "$deadline"
}

# Wait until node SEED sees every node running (CS_* as it last saw them; CS_FRESH=1: CS_*
# are what it answered just now).
cluster_wait_running() {  # SEED DEADLINE
  local i missing
  while :; do
    missing=""
    if [[ -n "${CS_FRESH:-}" ]] || cluster_status_of "$1"; then
      CS_FRESH=""
      for ((i = 1; i <= CLUSTER; i++)); do
        has_word "$CS_RUNNING" "$(node_name "$i")" || missing+=" $i"
      done
      [[ -n "$missing" ]] || return 0
    else
      missing=" (node $1 does not answer)"
    fi
    (( SECONDS < $2 )) || break
    sleep 0.5
  done
  echo "stack: the cluster has not formed: node $1 sees running nodes [$CS_RUNNING], not node${missing}" >&2
  return 1
}

cluster_write_state() {
  local i
  {
    printf 'AMQP_PORT=%s\nMGMT_PORT=%s\nPG_PORT=%s\nDIST_PORT=%s\nNODE=%s\nCLUSTER=%s\n' \
      "$BASE_AMQP" "$BASE_MGMT" "$PG_PORT" "$BASE_DIST" "$(node_name 1)" "$CLUSTER"
    for ((i = 1; i <= CLUSTER; i++)); do printf 'NODE_%s=%s\n' "$i" "$(node_name "$i")"; done
  } >"$STATE_FILE"
}

# Stop what this invocation started if the rest fails (EXIT trap of cluster_up and friends).
cluster_cleanup() {
  local rc=$1 i
  set +e
  (( rc != 0 )) || return 0
  echo "stack: $CMD failed; stopping what it started" >&2
  for i in "${!WAITERS[@]}"; do kill -TERM "${WAITERS[i]}" 2>/dev/null; wait "${WAITERS[i]}" 2>/dev/null; done
  (( ${#NODES_STARTED[@]} == 0 )) || HARD=0 cluster_stop_nodes "${NODES_STARTED[@]}" >/dev/null 2>&1
  (( ! STARTED_PG )) || pg_stop >/dev/null 2>&1
  maybe_stop_epmd >/dev/null 2>&1
  return 0
}
cluster_trap() {
  NODES_STARTED=() LAUNCHERS=() WAITERS=() BOOTING=() STARTED_PG=0
  trap 'cluster_cleanup $?' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

cluster_up() {
  local i down=() pg_up=0 want=""
  for ((i = 1; i <= CLUSTER; i++)); do
    [[ -n "$(pid_if_alive "$DIR/rabbitmq-$i/pid" beam.smp rabbitmq)" ]] || down+=("$i")
  done
  pg_pid >/dev/null && pg_up=1
  up_ports $(( ${#down[@]} < CLUSTER || pg_up ))

  if (( ${#down[@]} == 0 && pg_up )); then
    say "already running in $DIR (a cluster of $CLUSTER nodes, PostgreSQL pid $(pg_pid))"
    cluster_form || die "the nodes in $DIR run but do not form one cluster"
    cluster_status_lines nodes || true
    return 0
  fi

  for i in "${down[@]}"; do
    want+="$(node_ports "$i") "
  done
  (( pg_up )) || want+="postgresql:$PG_PORT"
  check_ports_free "$want"

  mkdir -p "$DIR"
  chmod 755 "$DIR"
  make_traversable "$DIR"
  cluster_write_state

  local t0 rc
  t0=$(time_now_ms)
  cluster_trap
  CLUSTER_PG_START=""; (( pg_up )) || CLUSTER_PG_START=1
  # A node with an empty database (its first boot) joins node 1 as it boots, so it starts
  # only once node 1 and every node with data run: joining a node that is itself still
  # booting races with its feature flags (seen: schema_integrity_check_failed on
  # rabbit_vhost). Nodes with data start together: each waits for its peers.
  local first=() fresh=()
  for i in "${down[@]}"; do
    if (( i > 1 )) && ! has_database "$i"; then fresh+=("$i"); else first+=("$i"); fi
  done
  if (( ${#first[@]} )); then
    cluster_start_nodes "${first[@]}" || exit 1
    CLUSTER_PG_START=""
  fi
  if (( ${#fresh[@]} )); then
    want=""
    for i in "${fresh[@]}"; do
      want+="$(node_ports "$i") "
    done
    check_ports_free "$want"   # again: they were checked a node boot ago
    cluster_start_nodes "${fresh[@]}" || exit 1
  elif [[ -n "$CLUSTER_PG_START" ]]; then
    say "starting PostgreSQL 15 (127.0.0.1:$PG_PORT)"; STARTED_PG=1; pg_start || exit 1
  fi
  say "nodes running after $(time_since "$t0"); forming the cluster"
  cluster_form || exit 1
  # users, vhost rights: once, through node 1, after the join (join_cluster resets a node)
  use_node 1
  rmq_setup_users || exit 1
  pg_pid >/dev/null || { echo "stack: PostgreSQL is not running after start" >&2; exit 1; }
  rc=0; cluster_status_lines nodes >"$DIR/status.out" || rc=$?
  (( rc == 0 )) || { cat "$DIR/status.out"; echo "stack: the stack is not fully up after start" >&2; exit 1; }
  trap - EXIT INT TERM
  say "up in $(time_since "$t0") (a cluster of $CLUSTER nodes; state: $DIR)"
  cat "$DIR/status.out"; rm -f "$DIR/status.out"
}

# One line per node, PostgreSQL, the cluster as a running node sees it and (with 'queues',
# not 'nodes') one line per quorum queue. Returns 0 only if every node runs and is a running
# member, and PostgreSQL runs.
cluster_status_lines() {  # nodes|queues
  local i pid ok=0 seed running=() stopped=()
  for ((i = 1; i <= CLUSTER; i++)); do
    use_node "$i"
    if pid=$(rmq_pid); then
      echo "rabbitmq-$i: running  pid $pid  node $NODE  amqp 127.0.0.1:$AMQP_PORT  management http://127.0.0.1:$MGMT_PORT/  dist $DIST_PORT"
    else
      echo "rabbitmq-$i: stopped  node $NODE  amqp 127.0.0.1:$AMQP_PORT  management http://127.0.0.1:$MGMT_PORT/  dist $DIST_PORT"
      ok=1
    fi
  done
  if pid=$(pg_pid); then
    echo "postgresql: running  pid $pid  127.0.0.1:$PG_PORT  data $P/data"
  else
    echo "postgresql: stopped"; ok=1
  fi
  if [[ -z "$(running_nodes)" ]]; then
    echo "cluster:    no node is running"; return 1
  fi
  if ! seed_node; then
    echo "cluster:    no running node answers for the cluster status"; return 1
  fi
  seed=$SEED
  for ((i = 1; i <= CLUSTER; i++)); do
    if has_word "$CS_RUNNING" "$(node_name "$i")"; then running+=("$i"); else stopped+=("$i"); ok=1; fi
  done
  echo "cluster:    running $(IFS=,; echo "${running[*]:--}")  not running $(IFS=,; echo "${stopped[*]:--}")  (as node $seed sees it: ${CS_RUNNING// /,})"
  [[ "${1:-}" != queues ]] || quorum_lines "$seed" || true
  return $ok
}

# One line per quorum queue of VHOST (or of every vhost): leader and members as node SEED
# sees them (what 'rabbitmqctl list_queues name type leader members online' shows).
quorum_lines() {  # SEED
  local vhosts listing v name leader members online any=0
  vhosts="rabbit_vhost:list_names()"
  [[ -z "$VHOST" ]] || vhosts="[$(erl_bin "$VHOST")]"
  listing=$(use_node "$1"; rmq_eval_text "lists:flatten(
    [io_lib:format(\"~ts\\t~ts\\t~w\\t~w\\t~w~n\", [V, element(4, amqqueue:get_name(Q))
                                           | [proplists:get_value(K, rabbit_amqqueue:info(Q, [K])) || K <- [leader, members, online]]])
     || V <- $vhosts, Q <- rabbit_amqqueue:list(V), amqqueue:get_type(Q) =:= rabbit_quorum_queue]).") ||
    { echo "quorum:     node $1 did not list the quorum queues"; return 1; }
  while IFS=$'\t' read -r v name leader members online; do
    [[ -n "$name" ]] || continue
    any=1
    leader=$(node_list "$leader")
    echo "quorum:     vhost $v  queue $name  leader $(indexes_of "$leader") ${leader:--}  members $(indexes_of "$(node_list "$members")")  online $(indexes_of "$(node_list "$online")")"
  done < <(sort <<<"$listing")
  (( any )) || echo "quorum:     no quorum queues${VHOST:+ in vhost $VHOST}"
}
node_list() {  # "['b@h', 'a@h']" → "a@h b@h" (jobq nodes in node order)
  { grep -o '[A-Za-z0-9_.-]*@[A-Za-z0-9_.-]*' <<<"$1" || true; } | sort -t- -k2,2n -u | paste -sd' '
}

cluster_env() {
  local i urls=() u
  for ((i = 1; i <= CLUSTER; i++)); do urls+=("amqp://jobq:jobq@127.0.0.1:$((BASE_AMQP + i - 1))/%2F"); done
  if [[ $(running_nodes | wc -l) -ne $CLUSTER ]] || ! pg_pid >/dev/null; then
    echo "stack: warning: the stack in $DIR is not (fully) running: scripts/stack up" >&2
  fi
  u=$(IFS=,; echo "${urls[*]}")
  echo "export JOBQ_AMQP_URL=$u"
  for ((i = 1; i <= CLUSTER; i++)); do echo "export JOBQ_AMQP_URL_$i=${urls[i - 1]}"; done
  echo "export JOBQ_DATABASE_URL=postgresql://jobq:jobq@127.0.0.1:$PG_PORT/jobq"
  echo "export JOBQ_MGMT_URL=http://127.0.0.1:$BASE_MGMT/"
  for ((i = 1; i <= CLUSTER; i++)); do echo "export JOBQ_MGMT_URL_$i=http://127.0.0.1:$((BASE_MGMT + i - 1))/"; done
  echo "# RabbitMQ management UI: http://127.0.0.1:$BASE_MGMT/ (node 1; node I on port $BASE_MGMT+I-1)  login jobq / jobq"
}

cluster_precheck() {  # for stop-node, start-node, leader
  [[ $(id -u) -eq 0 ]] || die "must run as root (the RabbitMQ tools run as the rabbitmq user)"
  [[ -f "$STATE_FILE" ]] || die "no stack in $DIR (no $STATE_FILE)"
  load_ports
  (( CLUSTER > 1 )) || die "the stack in $DIR is a single node: $CMD is for a cluster (scripts/stack up --cluster N)"
  [[ "$CMD" == leader ]] || (( POS[0] <= CLUSTER )) ||
    die "no node ${POS[0]}: the cluster in $DIR has nodes 1..$CLUSTER"
}

cmd_stop_node() {
  local i=${POS[0]} pid t0
  cluster_precheck
  use_node "$i"
  pid=$(rmq_pid) || die "$LABEL ($NODE) of $DIR is not running"
  t0=$(time_now_ms)
  if (( HARD )); then rmq_kill "$pid"; else rmq_stop; fi
  say "node $i stopped in $(time_since "$t0")"
}

cmd_start_node() {
  local i=${POS[0]} pid t0 seed deadline
  cluster_precheck
  t0=$(time_now_ms)
  use_node "$i"
  if pid=$(rmq_pid); then
    say "$LABEL ($NODE) already runs (pid $pid)"
  else
    check_ports_free "$(node_ports "$i")"
    cluster_trap
    cluster_start_nodes "$i" || exit 1
  fi
  # Back in the cluster: seen running by another running node (joining it first if it was
  # never a member, e.g. after an 'up' that failed half-way).
  deadline=$((SECONDS + 60))
  if seed_node "$i"; then
    seed=$SEED
    if has_word "$CS_ALL" "$NODE"; then CS_FRESH=1; else cluster_join "$i" "$seed" || exit 1; fi
    cluster_wait_running "$seed" "$deadline" || {
      # only the nodes that run need to be running members
      local j missing=""
      for j in $(running_nodes); do has_word "$CS_RUNNING" "$(node_name "$j")" || missing+=" $j"; done
      [[ -z "$missing" ]] || die "node $i runs but node $seed does not see node(s)$missing running in its cluster"
    }
  else
    echo "stack: note: no other node of $DIR runs; node $i runs on its own" >&2
  fi
  use_node "$i"
  trap - EXIT INT TERM
  say "node $i running (pid $(rmq_pid), node $NODE) in $(time_since "$t0")"
}

cmd_leader() {
  local q=${POS[0]} v=${VHOST:-/} seed="" i answer="" type leader idx
  cluster_precheck
  # The first node that answers (one that is down fails at once): the queue's type and, for
  # a quorum queue, its leader as 'rabbitmqctl list_queues type leader' shows it (none while
  # no member leads).
  for ((i = 1; i <= CLUSTER; i++)); do
    if answer=$(use_node "$i"; rmq_eval_text "case rabbit_amqqueue:lookup(rabbit_misc:r($(erl_bin "$v"), queue, $(erl_bin "$q"))) of
        {ok, Q} -> case amqqueue:get_type(Q) of
                     rabbit_quorum_queue -> [{leader, L}] = rabbit_amqqueue:info(Q, [leader]),
                                            lists:flatten(io_lib:format(\"quorum ~w\", [L]));
                     rabbit_classic_queue -> \"classic\";
                     rabbit_stream_queue -> \"stream\";
                     M -> atom_to_list(M) end;
        _ -> \"none\" end."); then
      seed=$i; break
    fi
  done
  [[ -n "$seed" ]] || {
    [[ -n "$(running_nodes)" ]] || die "no node of the cluster in $DIR is running"
    die "no running node could look up queue '$q' in vhost '$v'"; }
  [[ "$answer" != none ]] || die "no queue '$q' in vhost '$v' (as node $seed sees it)"
  read -r type leader <<<"$answer"
  [[ "$type" == quorum ]] || die "queue '$q' in vhost '$v' is a $type queue, not a quorum queue"
  leader=$(node_list "$leader")
  [[ -n "$leader" ]] || die "quorum queue '$q' in vhost '$v' has no leader (as node $seed sees it)"
  idx=$(node_index "$leader") || die "quorum queue '$q' in vhost '$v' is led by $leader, which is not a node of $DIR"
  echo "$idx $leader"
}

cluster_restart() {
  local i old=() new=() t0
  [[ -n "$(running_nodes)" ]] || die "no RabbitMQ node of $DIR is running"
  for ((i = 1; i <= CLUSTER; i++)); do old+=("$(node_pid "$i" || echo -)"); done
  t0=$(time_now_ms)
  cluster_stop_nodes "${ALL_NODES[@]}" || die "not every RabbitMQ node of $DIR stopped"
  sleep "$DOWN_FOR"
  local want=""
  for i in "${ALL_NODES[@]}"; do
    want+="$(node_ports "$i") "
  done
  check_ports_free "$want"
  cluster_trap
  cluster_start_nodes "${ALL_NODES[@]}" || die "RabbitMQ did not come back"
  cluster_form || die "RabbitMQ did not come back"
  trap - EXIT INT TERM
  for ((i = 1; i <= CLUSTER; i++)); do new+=("$(node_pid "$i" || echo -)"); done
  say "restarted the RabbitMQ cluster (pids $(IFS=,; echo "${old[*]}") -> $(IFS=,; echo "${new[*]}")) in $(time_since "$t0")"
}
