#!/usr/bin/env bash
# test_compose_stack: compose/docker-compose.yml started for real (scripts/compose-up: podman's
# Docker API under docker-compose, stand-in RabbitMQ and PostgreSQL images, jobq's image built
# from this checkout) as a project of its own: the one-shot migrate, three registered consumer
# replicas named in the management UI, jobs through the tools service, kill -9 of a replica's
# consumer under load, a graceful stop with running jobs, a RabbitMQ restart, and the
# management UI on 127.0.0.1 only. Needs none of scripts/check's servers; publishes nothing
# but the management UI, on a free loopback port, and the web console on 127.0.0.1:8080. The EXIT trap takes the project down (its
# containers, network and volumes, the API service by PID) whatever happened.
source "$(dirname "$0")/lib.sh"

# No test vhost or database: the stack under test has servers of its own. The watchdog
# allows for a first run that makes the images and leaves ctest's limit (tests/CMakeLists.txt:
# TIMEOUT 1500) 300 s for the cleanup, a `down` of at most 240 s (the image of jobq, built
# from the checkout on every run, took 337 s on a loaded machine).
: "${JQ_TEST_TIMEOUT:=1200}"
# rootful podman: skipped (ctest's SKIP_RETURN_CODE 77) rather than failed for another user
if (( $(id -u) != 0 )); then
  echo "# skip: test_compose_stack needs root (rootful podman; scripts/deps installs it as root)"
  exit 77
fi
_jq_init compose_stack
SRC=$(_jq_src_dir)
CU="$SRC/scripts/compose-up"
DIR="$T/compose"
PROJECT="jobqtest$$"
DOWN_DONE=0
t0=0 t1=0 t2=0 t3=0 tstop=0   # jq_now sets them
export CONTAINERS_CONF="$DIR/containers.conf"   # podman exec/inspect as compose-up runs them

# compose_down: the failure path's down: each container gets 5 s to stop, not 60
compose_down() {
  (( DOWN_DONE )) && return 0
  DOWN_DONE=1
  timeout -k 5 240 "$CU" down --dir "$DIR" --timeout 5 >>"$T/down.log" 2>&1 ||
    { echo "# warning: scripts/compose-up down failed:"; tail -n 20 "$T/down.log" | sed 's/^/#   /'; }
}
# the project goes down before lib.sh's exit (which reads the status it is handed)
trap 'rc=$?; compose_down; (exit $rc); _jq_exit' EXIT


# ---------------------------------------------------------------- helpers
dc() { timeout -k 5 300 "$CU" compose --dir "$DIR" -- "$@"; }
# cli ARGS...: the jobq CLI through the tools service (stdin passed on); compose's
# "Creating ..." lines go to $T/cli.err.
cli() { dc run --rm -T jobq "$@" 2>>"$T/cli.err"; }
envv() { sed -n "s/^$1=//p" "$DIR/compose.env" | tail -n 1; }
ctr() { echo "${PROJECT}_$1"; }
psqlq() {  # QUERY: rows (-A -t) from the stack's database, as its administrator
  timeout -k 5 60 podman exec -i "$(ctr postgres_1)" \
    psql -X -A -t -q -v ON_ERROR_STOP=1 -U "$(envv POSTGRES_USER)" -d "$(envv POSTGRES_DB)" -c "$1"
}
inspect() { podman inspect --format "$2" "$(ctr "$1")" 2>/dev/null; }
mgmt() {  # PATH: GET of the management API on the published loopback port (the
  # credentials through curl's config on stdin, not on its command line)
  curl -fsS --max-time 10 -K - "http://127.0.0.1:$MGMT$1" \
    <<<"user = \"$(envv RABBITMQ_USER):$(envv RABBITMQ_PASSWORD)\""
}
sql_is() { [[ "$(psqlq "$2")" == "$1" ]]; }
# a live worker: registered as running and its session still holds its advisory lock (a
# killed worker's row says running until it is pruned)
LIVE="state = 'running' AND jobq_lock_holder_alive(lock_key, backend_pid)"
# batch FILE TYPE PAYLOAD N: N lines of one job each
batch() { local i; for ((i = 0; i < $4; i++)); do printf '{"type":"%s","payload":%s}\n' "$2" "$3"; done >"$1"; }
submit_batch() {  # NAME FILE: submit FILE's jobs; their ids into $T/NAME.ids; the table t_NAME
  cli submit --batch - <"$2" >"$T/$1.ids"
  { echo "CREATE TABLE t_$1 (id uuid PRIMARY KEY);"; echo "COPY t_$1 FROM stdin;"; cat "$T/$1.ids"; echo '\.'; } |
    timeout -k 5 60 podman exec -i "$(ctr postgres_1)" \
      psql -X -q -v ON_ERROR_STOP=1 -U "$(envv POSTGRES_USER)" -d "$(envv POSTGRES_DB)" -f - >/dev/null
}
# the jobs of t_NAME not succeeded, and the jobs not succeeded exactly once (events)
not_done() { psqlq "SELECT count(*) FROM t_$1 JOIN jobs USING (id) WHERE status <> 'succeeded'"; }
not_once() {
  psqlq "SELECT count(*) FROM t_$1 t WHERE (SELECT count(*) FROM job_events e
           WHERE e.job_id = t.id AND e.to_status = 'succeeded') <> 1"
}
worker_of() {  # REPLICA (consumer_N): the id of the running worker in that container
  psqlq "SELECT id FROM workers WHERE $LIVE AND hostname = '$(inspect "$1" '{{.Id}}' | cut -c1-12)'
         ORDER BY started_at DESC LIMIT 1"
}
consumer_pid() {  # REPLICA: the host PID of jobq-consumer (the child of the container's init)
  local init
  init=$(inspect "$1" '{{.State.Pid}}')
  [[ "$init" =~ ^[1-9][0-9]*$ ]] || return 1
  pgrep -P "$init" -x jobq-consumer | head -n 1
}

# ---------------------------------------------------------------- up
# a free port may be taken before compose binds it: a failed up takes itself down, and is
# tried again on another port (3 times at most)
jq_now t0
for attempt in 1 2 3; do
  MGMT=$("$SRC/scripts/stack" free-ports | sed -n 's/^JOBQ_MGMT_PORT=//p')
  rc=0
  timeout -k 10 600 "$CU" up --dir "$DIR" --project "$PROJECT" --mgmt-port "$MGMT" 2>"$T/up.err" || rc=$?
  if (( rc == 0 )) ||
     ! grep -qiE "port $MGMT .*in use|address already in use" "$T/up.err" "$DIR/up.log" 2>/dev/null; then
    break
  fi
  echo "# port $MGMT was taken (attempt $attempt); trying another"
done
check_status "scripts/compose-up up exits 0" 0 bash -c "cat '$T/up.err' >&2; exit $rc"
jq_now t1
sed 's/^/#   /' "$ERR_FILE"
(( STATUS == 0 )) || { tail -n 30 "$DIR"/up.log "$DIR"/build-*.log 2>/dev/null | sed 's/^/#   /'; exit 1; }
note "compose-up up: $(( (t1 - t0) / 1000 )) s ($(grep -o 'built [^ ]* ([^)]*) in [0-9]* s' "$ERR_FILE" || echo 'no build figure'))"

check_eq "migrate ran once and exited 0" "exited 0" "$(inspect migrate_1 '{{.State.Status}} {{.State.ExitCode}}')"
check "migrate applied the schema" grep -q 'schema up to date' <(podman logs "$(ctr migrate_1)" 2>&1)

# ---------------------------------------------------------------- three replicas
wait_for 60 "3 workers running in the workers table" \
  sql_is 3 "SELECT count(*) FROM workers WHERE $LIVE"
mapfile -t WORKERS < <(psqlq "SELECT id FROM workers WHERE $LIVE ORDER BY id")
hosts=$(psqlq "SELECT count(DISTINCT hostname) FROM workers WHERE $LIVE")
check_eq "3 workers registered, one per replica" "3 3" "${#WORKERS[@]} $hosts"
names_in_ui() {  # every running worker's id in a connection name of the management UI
  local conns w
  conns=$(mgmt '/api/connections?columns=client_properties.connection_name') || return 1
  for w in $(psqlq "SELECT id FROM workers WHERE $LIVE"); do
    grep -q "worker=$w " <<<"$conns" || return 1
  done
}
wait_for 30 "the management UI names every worker's connection" names_in_ui
check "the management UI shows the 3 consumers by their worker ids" names_in_ui

# ---------------------------------------------------------------- the tools service
check_status "submit echo --wait through the tools service" 0 cli submit echo '{"compose":42}' --wait
check "it printed the payload" grep -q '"compose": 42' "$OUT_FILE"
batch "$T/b500.jsonl" echo '{"n":1}' 500
jq_now t0
rc=0; submit_batch b500 "$T/b500.jsonl" || rc=$?
check_eq "a batch of 500 submitted" "0 500" "$rc $(wc -l <"$T/b500.ids")"
wait_for 120 "500 batch jobs succeeded" sql_is 0 "SELECT count(*) FROM t_b500 JOIN jobs USING (id) WHERE status <> 'succeeded'"
jq_now t1
check_eq "all 500 succeeded" "500" "$(psqlq "SELECT count(*) FROM t_b500 JOIN jobs USING (id) WHERE status = 'succeeded'")"
note "500 echo jobs through 3 replicas: $(( t1 - t0 )) ms from submit to the last success"

# ---------------------------------------------------------------- kill -9 of a replica's consumer
victim=consumer_1
vworker=$(worker_of "$victim")
restarts0=$(inspect "$victim" '{{.RestartCount}}')
batch "$T/k50.jsonl" sleep '{"seconds":3}' 50
submit_batch k50 "$T/k50.jsonl"
wait_for 30 "$victim runs jobs" \
  sql_is t "SELECT count(*) > 0 FROM t_k50 JOIN jobs USING (id) WHERE status = 'running' AND worker_id = '$vworker'"
vpid=$(consumer_pid "$victim" || true)
check "the engine reports $victim's consumer PID ($vpid)" test -n "$vpid"
held=$(psqlq "SELECT count(*) FROM t_k50 JOIN jobs USING (id) WHERE status = 'running' AND worker_id = '$vworker'")
kill_at=$(psqlq "SELECT clock_timestamp()")   # the database's clock, as job_events' at
jq_now t0
kill -KILL "$vpid"
wait_for 90 "all 50 sleep jobs succeeded" sql_is 0 "SELECT count(*) FROM t_k50 JOIN jobs USING (id) WHERE status <> 'succeeded'"
jq_now t1
check_eq "every one of the 50 jobs succeeded" 0 "$(not_done k50)"
check_eq "each succeeded exactly once (one succeeded event per job)" 0 "$(not_once k50)"
taken=$(psqlq "SELECT count(*) FROM t_k50 t WHERE EXISTS (SELECT FROM job_events e WHERE e.job_id = t.id
                 AND e.to_status = 'running' AND e.worker_id = '$vworker')
               AND (SELECT worker_id FROM jobs j WHERE j.id = t.id) <> '$vworker'")
check "the killed worker's jobs were finished by others ($taken, $held running at the kill)" test "$taken" -ge 1
# claims (to running, a takeover included) in job_events: a job the killed worker never held
# was claimed exactly once; a job it held was claimed by another worker only after the kill,
# and the killed worker recorded nothing for it after that claim (never two owners)
check_eq "each job the killed worker never held was claimed exactly once" 0 \
  "$(psqlq "SELECT count(*) FROM t_k50 t
             WHERE NOT EXISTS (SELECT FROM job_events e WHERE e.job_id = t.id AND e.worker_id = '$vworker')
               AND (SELECT count(*) FROM job_events e WHERE e.job_id = t.id AND e.to_status = 'running') <> 1")"
check_eq "no job of the killed worker had two owners (claimed by another before the kill, or written by it after)" 0 \
  "$(psqlq "SELECT count(*) FROM t_k50 t JOIN job_events b ON b.job_id = t.id AND b.to_status = 'running'
             WHERE b.worker_id <> '$vworker'
               AND EXISTS (SELECT FROM job_events a WHERE a.job_id = t.id AND a.id < b.id
                             AND a.to_status = 'running' AND a.worker_id = '$vworker')
               AND (b.at < '$kill_at'
                    OR EXISTS (SELECT FROM job_events c WHERE c.job_id = t.id AND c.id > b.id
                                 AND c.worker_id = '$vworker'))")"
back() {
  [[ "$(inspect "$victim" '{{.State.Status}}')" == running ]] &&
    (( $(inspect "$victim" '{{.RestartCount}}') > restarts0 )) &&
    [[ -n "$(worker_of "$victim")" && "$(worker_of "$victim")" != "$vworker" ]]
}
wait_for 90 "$victim back through its restart policy with a new worker" back
jq_now t2
note "kill -9 of a replica's consumer with $held of 50 sleep jobs on it: all 50 succeeded once after $(( t1 - t0 )) ms; the replica was back (restart count $(inspect "$victim" '{{.RestartCount}}'), new worker registered) after $(( t2 - t0 )) ms"

# ---------------------------------------------------------------- graceful stop with running jobs
victim=consumer_2
vworker=$(worker_of "$victim")
grace=$(dc config | python3 -c 'import sys, yaml
print(yaml.safe_load(sys.stdin)["services"]["consumer"]["stop_grace_period"])' | sed -n 's/^\([0-9]*\)s$/\1/p')
check "stop_grace_period read from the compose file (${grace:-none} s)" test -n "$grace"
# 45 s jobs: longer than shutdown_timeout (30 s) by more than the few seconds the test takes
# to see a job running and stop the replica, so the drain hands its jobs back (35 s did not)
batch "$T/s12.jsonl" sleep '{"seconds":45}' 12
submit_batch s12 "$T/s12.jsonl"
wait_for 30 "$victim runs jobs" \
  sql_is t "SELECT count(*) > 0 FROM t_s12 JOIN jobs USING (id) WHERE status = 'running' AND worker_id = '$vworker'"
psqlq "SELECT id FROM t_s12 JOIN jobs USING (id) WHERE status = 'running' AND worker_id = '$vworker'" >"$T/s12.victim"
jq_now t0
# `docker stop -t GRACE` of one replica (docker-compose 1.29's stop takes a whole service)
check_status "stop of $victim (grace ${grace:-75} s) returns" 0 podman stop -t "${grace:-75}" "$(ctr "$victim")"
jq_now t1
stop_ms=$(( t1 - t0 ))
check "$victim stopped within stop_grace_period ($stop_ms ms)" test "$stop_ms" -lt $(( ${grace:-75} * 1000 ))
check_eq "$victim exited 0 (drained, not killed)" "exited 0" "$(inspect "$victim" '{{.State.Status}} {{.State.ExitCode}}')"
wait_for 120 "the 12 sleep jobs succeeded" sql_is 0 "SELECT count(*) FROM t_s12 JOIN jobs USING (id) WHERE status <> 'succeeded'"
jq_now t2
check_eq "each of the 12 succeeded exactly once" 0 "$(not_once s12)"
elsewhere=$(psqlq "SELECT count(*) FROM jobs WHERE id IN ($(sed "s/.*/'&'/" "$T/s12.victim" | paste -sd,)) AND worker_id <> '$vworker'")
check_eq "the $(wc -l <"$T/s12.victim") jobs it ran at the stop finished on another replica" \
  "$(wc -l <"$T/s12.victim")" "$elsewhere"
note "stop of a replica running $(wc -l <"$T/s12.victim") 45 s jobs: exited 0 after $stop_ms ms (stop_grace_period ${grace:-75} s); its jobs finished elsewhere $(( t2 - t0 )) ms after the stop began"
check_status "docker-compose up brings the stopped replica back" 0 dc up -d --no-build --no-recreate
wait_for 60 "3 workers running again" sql_is 3 "SELECT count(*) FROM workers WHERE $LIVE"

# ---------------------------------------------------------------- restart of RabbitMQ
before=$(psqlq "SELECT string_agg(id, ' ' ORDER BY id) FROM workers WHERE $LIVE")
batch "$T/r200.jsonl" sleep '{"seconds":0.5}' 200
submit_batch r200 "$T/r200.jsonl"
pending=$(not_done r200)
jq_now t0
# stop, then start: the broker must stop cleanly within its stop_grace_period (exit 0)
check_status "docker-compose stop rabbitmq" 0 dc stop rabbitmq
check_eq "RabbitMQ stopped cleanly (exit 0, not killed at the end of its grace)" "exited 0" \
  "$(inspect rabbitmq_1 '{{.State.Status}} {{.State.ExitCode}}')"
jq_now tstop
check_status "docker-compose start rabbitmq" 0 dc start rabbitmq
jq_now t1
reconnected() {
  [[ "$(inspect rabbitmq_1 '{{.State.Healthcheck.Status}}')" == healthy ]] && names_in_ui &&
    [[ "$(mgmt '/api/connections?columns=name' | grep -o '"name"' | wc -l)" -ge 3 ]]
}
wait_for 120 "RabbitMQ healthy and the 3 consumers connected again" reconnected
jq_now t2
wait_for 120 "the 200 jobs succeeded" sql_is 0 "SELECT count(*) FROM t_r200 JOIN jobs USING (id) WHERE status <> 'succeeded'"
jq_now t3
check "jobs were pending when the broker went down ($pending of 200)" test "$pending" -gt 0
check_eq "nothing lost: all 200 succeeded" 200 "$(psqlq "SELECT count(*) FROM t_r200 JOIN jobs USING (id) WHERE status = 'succeeded'")"
check_eq "each exactly once" 0 "$(not_once r200)"
check_eq "the same 3 workers run: they reconnected, none restarted" "$before" \
  "$(psqlq "SELECT string_agg(id, ' ' ORDER BY id) FROM workers WHERE $LIVE")"
check_status "a job after the restart" 0 cli submit echo '{"after":"restart"}' --wait
note "restart of RabbitMQ with $pending of 200 jobs not done: stop took $(( tstop - t0 )) ms, stop and start $(( t1 - t0 )) ms, consumers connected again $(( t2 - t1 )) ms later, all 200 succeeded once $(( t3 - t0 )) ms after it began"

# ---------------------------------------------------------------- what is published
check_eq "the management UI is published on 127.0.0.1 only" "15672/tcp -> 127.0.0.1:$MGMT" \
  "$(podman port "$(ctr rabbitmq_1)" | tr -d '\r')"
check "the management UI answers on 127.0.0.1:$MGMT" grep -q '"rabbitmq_version":"3.10' <(mgmt /api/overview)
ip=$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -vE '^(127\.|10\.89\.|$)' | grep -v : | head -n 1 || true)
if [[ -n "$ip" ]]; then
  check "nothing answers on $ip:$MGMT (a non-loopback address)" \
    bash -c "! curl -s --max-time 5 -o /dev/null http://$ip:$MGMT/"
else
  echo "# skip: no non-loopback address on this host to try the management port on"
fi
published=$(podman ps -a --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Names}} {{.Ports}}' |
  awk 'NF > 1' | grep -v "^$(ctr rabbitmq_1) " || true)
# the web console's port, on 127.0.0.1 only, is the one other port published (docs/web.md)
check_eq "the web console is published on 127.0.0.1 only" 1 \
  "$(grep -cE "^$(ctr web_1) 127\.0\.0\.1:[0-9]+->8080/tcp\$" <<<"$published" || true)"
check_eq "no other port published (no AMQP, no PostgreSQL)" "" \
  "$(grep -v "^$(ctr web_1) " <<<"$published" || true)"

# ---------------------------------------------------------------- down
api=$(sed -n 's/^API_PID=//p' "$DIR/compose-up.env" | tail -n 1)
api=${api%%:*}   # PID:STARTTIME
check "the API service's PID was recorded ($api)" test -n "$api"
DOWN_DONE=1
check_status "scripts/compose-up down exits 0" 0 timeout -k 5 240 "$CU" down --dir "$DIR"
check_eq "no container, volume or network of the project is left" "0 0 0" \
  "$(podman ps -aq --filter "label=com.docker.compose.project=$PROJECT" | wc -l) $(podman volume ls -q --filter "label=com.docker.compose.project=$PROJECT" | wc -l) $(podman network ls -q --filter "name=^${PROJECT}_" | wc -l)"
check "the API service (pid $api) is stopped" bash -c "! kill -0 $api 2>/dev/null || [[ \$(ps -o stat= -p $api) == Z* ]]"
