#!/usr/bin/env bash
# test_metrics_robust — the metrics endpoint cannot be blinded or broken cheaply
# (monitoring.md, security.md "Metrics"):
#  - a worker whose file descriptors are numbered past FD_SETSIZE (1024) still serves
#    /metrics (it is started holding 1100 inherited descriptors, so every socket it opens
#    is numbered above 1100; a select()-based server cannot watch those);
#  - 64 idle TCP connections to the endpoint (sending nothing) do not stop a scrape: it
#    answers within 3 s while they stay open, and the idle ones are dropped after the
#    connection timeout;
#  - `--metrics PORT` (no host) listens on 127.0.0.1 only.
# Asserts on what curl gets and on the listening sockets (ss).
source "$(dirname "$0")/lib.sh"
jq_setup metrics_robust

PY=/usr/bin/python3
[[ -x $PY ]] || PY=$(command -v python3)
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
port=$(free_port)
URL="http://127.0.0.1:$port/metrics"

check --fatal "migrate" jobq migrate
ulimit -n 4096
# hold 1100 descriptors (without close-on-exec) and exec the worker with them
start_proc w1 "$PY" -c 'import os, sys
fds = [os.open("/dev/null", os.O_RDONLY) for _ in range(1100)]
for fd in fds: os.set_inheritable(fd, True)
os.execv(sys.argv[1], sys.argv[1:])' "$JOBQ_BIN_DIR/jobq-consumer" --worker-id w1 --concurrency 2 \
  --metrics "127.0.0.1:$port"
wait_for 20 "the metrics endpoint answers (worker fds above 1100)" \
  curl -sf --max-time 2 -o /dev/null "$URL"
check "the worker does hold more than 1024 descriptors" \
  test "$(ls "/proc/$(pid_of w1)/fd" 2>/dev/null | wc -l)" -gt 1024

# 64 idle connections, held for 25 s by a helper of ours
"$PY" -c 'import socket, sys, time
socks = []
for _ in range(64):
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
    socks.append(s)
print("open", flush=True)
time.sleep(25)' "$port" >"$T/idle.out" 2>&1 &
idle=$!
wait_for 10 "64 idle connections open" grep -q open "$T/idle.out"
t0=$(date +%s%N)
check "a scrape answers within 3 s while 64 idle connections are open" \
  curl -sf --max-time 3 -o "$T/scrape" "$URL"
note "scrape took $(( ($(date +%s%N) - t0) / 1000000 )) ms with 64 idle connections"
check "... and it is the metrics page" grep -q '^jobq_jobs_claimed_total' "$T/scrape"
wait_for 15 "the idle connections are dropped by the server (connection timeout)" \
  bash -c '[[ $(ss -Htn state established "( sport = :$1 )" | wc -l) == 0 ]]' _ "$port"
kill "$idle" 2>/dev/null || true
wait "$idle" 2>/dev/null || true
stop_consumer w1

# --metrics PORT: loopback only
port2=$(free_port)
start_consumer w2 --worker-id w2 --concurrency 1 --metrics "$port2"
wait_for 20 "--metrics $port2 answers on 127.0.0.1" \
  curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$port2/metrics"
check_eq "--metrics PORT listens on 127.0.0.1:PORT only" "127.0.0.1:$port2" \
  "$(ss -Hltn "( sport = :$port2 )" | awk '{print $4}' | sort -u | tr '\n' ' ' | sed 's/ $//')"
stop_consumer w2
