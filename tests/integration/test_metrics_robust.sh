#!/usr/bin/env bash
# test_metrics_robust — the metrics endpoint cannot be blinded or broken cheaply
# (monitoring.md, security.md "Metrics"):
#  - a worker whose file descriptors are numbered past FD_SETSIZE (1024) still serves
#    /metrics (it is started holding 1100 inherited descriptors, so every socket it opens
#    is numbered above 1100; a select()-based server cannot watch those). The launcher
#    reports how many descriptors it hands over just before its exec: the worker is
#    non-dumpable, so only root can read its /proc/PID/fd (checked too when readable);
#  - 64 idle TCP connections to the endpoint (sending nothing) do not stop a scrape: it
#    answers within 3 s while they stay open, and the idle ones are dropped after the
#    connection timeout;
#  - one address holding 256 connections that trickle a byte a second (so the idle timeout
#    never fires) gets at most 128 of them served (the per-address limit), and a scrape
#    from another address (127.0.0.2) still answers;
#  - `--metrics PORT` (no host) listens on 127.0.0.1 only.
# Asserts on what curl gets, on the launcher's report and on the sockets (ss).
source "$(dirname "$0")/lib.sh"
jq_setup metrics_robust

PY=/usr/bin/python3
[[ -x $PY ]] || PY=$(command -v python3)
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
port=$(free_port)
URL="http://127.0.0.1:$port/metrics"

check --fatal "migrate" jobq migrate
# 1100 inherited descriptors need a limit above ~1150: raise the soft limit as far as the
# hard limit allows, and skip this part (saying so) where the hard limit is lower.
hard=$(ulimit -Hn)
if [[ $hard == unlimited ]] || (( hard >= 4096 )); then ulimit -n 4096; else ulimit -n "$hard"; fi
if (( $(ulimit -n) >= 1200 )); then
  HELD=1100
else
  HELD=0
  note "hard descriptor limit $hard: the worker starts without 1100 extra descriptors"
fi
# hold $HELD descriptors (without close-on-exec), report the count, exec the worker with them
start_proc w1 "$PY" -c 'import os, sys
fds = [os.open("/dev/null", os.O_RDONLY) for _ in range(int(sys.argv[1]))]
for fd in fds: os.set_inheritable(fd, True)
inh = [fd for fd in fds if os.get_inheritable(fd)]
with open(sys.argv[2], "w") as f: f.write("%d %d\n" % (len(inh), max(inh, default=0)))
os.execv(sys.argv[3], sys.argv[3:])' "$HELD" "$T/launcher.fds" \
  "$JOBQ_BIN_DIR/jobq-consumer" --worker-id w1 --concurrency 2 --metrics "127.0.0.1:$port"
wait_for 20 "the metrics endpoint answers (worker fds above $HELD)" \
  curl -sf --max-time 2 -o /dev/null "$URL"
if (( HELD > 0 )); then
  read -r handed top <"$T/launcher.fds"
  check "the launcher handed the worker more than 1024 inheritable descriptors ($handed, up to $top)" \
    test "$handed" -gt 1024 -a "$top" -gt 1024
  if [[ -r /proc/$(pid_of w1)/fd ]]; then
    check "the worker does hold more than 1024 descriptors (/proc, readable as root)" \
      test "$(find "/proc/$(pid_of w1)/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)" -gt 1024
  fi
fi

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
# shellcheck disable=SC2016  # the single quotes are meant: bash -c's script reads its own arguments
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

# One address (127.0.0.1) opens 256 connections and keeps each alive with a byte a second
# of a header that never ends, so the idle timeout never drops them: bounded to 30 s.
"$PY" -c 'import socket, sys, time
socks = []
for _ in range(256):
    try:
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5,
                                     source_address=("127.0.0.1", 0))
        s.sendall(b"GET /metrics HTTP/1.1\r\nX-Slow: ")
        socks.append(s)
    except OSError:
        pass
print("open %d" % len(socks), flush=True)
end = time.time() + 30
while time.time() < end and socks:
    time.sleep(1)
    for s in list(socks):
        try:
            s.sendall(b"a")
        except OSError:
            socks.remove(s)' "$port2" >"$T/slow.out" 2>&1 &
slow=$!
wait_for 20 "256 trickling connections opened from 127.0.0.1" grep -q '^open' "$T/slow.out"
sleep 3
held=$(ss -Htn state established "( sport = :$port2 and dst 127.0.0.1 )" | wc -l)
note "the worker serves $held connections from 127.0.0.1 ($(cat "$T/slow.out"))"
check "the worker serves at most 128 connections from one address" test "$held" -le 128
check "a scrape from another address (127.0.0.2) answers within 3 s meanwhile" \
  curl -sf --max-time 3 --interface 127.0.0.2 -o "$T/scrape2" "http://127.0.0.1:$port2/metrics"
check "... and it is the metrics page" grep -q '^jobq_jobs_claimed_total' "$T/scrape2"
kill "$slow" 2>/dev/null || true
wait "$slow" 2>/dev/null || true
stop_consumer w2
