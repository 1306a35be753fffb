# shellcheck shell=bash
# scripts/stack.d/common.sh — small helpers shared by scripts/stack and the integration test
# harness (tests/integration/lib.sh): time, URL encoding, process liveness and waits, loopback
# ports, the stack's state file, and calls to the RabbitMQ management API. It only defines
# functions; it sets no options and no variables, and its names (time_, url_, proc_, port_,
# state_, mgmt_) stay clear of the harness's and the tests' own.

# time_now_ms — the wall clock in milliseconds.
time_now_ms() { local t; time_now_ms_into t; echo "$t"; }
# time_now_ms_into VAR — the same, into VAR, without the subshell a $(time_now_ms) costs.
time_now_ms_into() { local _now_t=${EPOCHREALTIME/./}; printf -v "$1" '%d' $((10#$_now_t / 1000)); }

# time_since T0_MS — the time since T0_MS as "S.D s" (tenths of a second).
time_since() {
  local ms=$(( $(time_now_ms) - $1 ))
  printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100))
}

# url_encode TEXT — TEXT with every byte but A-Z a-z 0-9 . _ ~ - as %XX (for vhost names in
# URLs and management API paths).
url_encode() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [A-Za-z0-9._~-]) out+="$c" ;;
      *) printf -v c '%%%02X' "'$c"; out+="$c" ;;
    esac
  done
  printf '%s' "$out"
}

# proc_alive PID — whether process PID runs: it exists and is not a zombie (killed, not yet
# reaped). Reads /proc, so it also answers for other users' processes.
proc_alive() {
  local stat
  [[ "$1" =~ ^[0-9]+$ ]] || return 1
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  stat=${stat##*) }   # the state field follows the command name, which may hold ") "
  [[ "${stat%% *}" != Z ]]
}

# proc_wait_gone PID SECONDS — wait until PID no longer exists (a zombie still does);
# returns 1 if it still does after SECONDS.
proc_wait_gone() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  return 1
}

# proc_group_gone PGID SECONDS — wait until process group PGID is empty; returns 1 if it is
# not after SECONDS.
proc_group_gone() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    [[ -z "$(pgrep -g "$1" 2>/dev/null)" ]] && return 0
    sleep 0.1
  done
  return 1
}

# proc_terminate PID GRACE_S — TERM one process the caller owns (by PID), then KILL it if it
# is still there after GRACE_S seconds.
proc_terminate() {
  kill -TERM "$1" 2>/dev/null || return 0
  proc_wait_gone "$1" "$2" && return 0
  kill -KILL "$1" 2>/dev/null || true
  proc_wait_gone "$1" 5 || true
}

# port_valid TEXT — whether TEXT is a TCP port number (1..65535).
port_valid() { [[ "$1" =~ ^[0-9]+$ ]] && (( $1 >= 1 && $1 <= 65535 )); }

# port_listeners PORT — ss's lines for the sockets listening on TCP port PORT (none: nothing).
port_listeners() { ss -Hltnp "( sport = :$1 )" 2>/dev/null || true; }

# port_busy PORT — whether something listens on TCP port PORT.
port_busy() { [[ -n "$(port_listeners "$1")" ]]; }

# state_read FILE VAR=KEY... — for each pair, set the caller's variable VAR to the value of
# the last KEY=VALUE line of FILE (scripts/stack's DIR/stack.env); a VAR whose KEY is not
# there keeps its value. Returns 1 if FILE cannot be read.
state_read() {
  local _sr_file="$1" _sr_k _sr_v _sr_pair
  shift
  [[ -r "$_sr_file" ]] || return 1
  while IFS='=' read -r _sr_k _sr_v; do
    for _sr_pair in "$@"; do
      [[ "${_sr_pair#*=}" == "$_sr_k" ]] && printf -v "${_sr_pair%%=*}" '%s' "$_sr_v"
    done
  done <"$_sr_file"
  return 0
}

# mgmt_request PORT USER:PASSWORD BODY_FILE METHOD PATH [JSON] — one call to the RabbitMQ
# management API on 127.0.0.1:PORT (PATH starts with /api), bounded by $MGMT_MAX_TIME
# seconds (default 10). Prints the HTTP status ("000" when nothing answered) and writes the
# response body to BODY_FILE (/dev/null drops it). Fails when curl does.
mgmt_request() {
  local args=(-sS --max-time "${MGMT_MAX_TIME:-10}" -u "$2" -X "$4" -o "$3" -w '%{http_code}'
              "http://127.0.0.1:$1$5")
  [[ $# -ge 6 ]] && args+=(-H 'content-type: application/json' -d "$6")
  curl "${args[@]}"
}
