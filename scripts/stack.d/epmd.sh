# shellcheck shell=bash
# scripts/stack.d/epmd.sh — the Erlang port mapper (port 4369) that every RabbitMQ node of a
# network namespace registers with: start it when no one runs, and stop it only if a jobq
# stack started it and no node uses it any more, under a lock shared by every stack.

# One lock and one record (the PID of the epmd that a jobq stack started, if any) per
# network namespace.
LOCKDIR=/run/lock; [[ -d "$LOCKDIR" && -w "$LOCKDIR" ]] || LOCKDIR=/tmp
NETNS=$(readlink /proc/self/ns/net 2>/dev/null | tr -dc '0-9')
EPMD_LOCK="$LOCKDIR/jobq-stack-epmd${NETNS:+-$NETNS}.lock"
EPMD_RECORD="$LOCKDIR/jobq-stack-epmd${NETNS:+-$NETNS}.pid"

epmd_bin() {
  local f
  command -v epmd && return 0
  for f in /usr/lib/erlang/erts-*/bin/epmd; do [[ -e "$f" ]] && { echo "$f"; return 0; }; done
  return 1
}

epmd_pid_listening() {
  port_listeners 4369 | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2
}

# Start epmd (loopback only) unless one is running; record its PID. Returns holding a shared
# lock on EPMD_LOCK (fd 9) until the node has registered (release_epmd_lock), so that a
# concurrent 'down' never stops epmd under a node that is still starting.
ensure_epmd() {
  local pid i
  exec 9>"$EPMD_LOCK"
  flock -s -w 90 9 || die "could not lock $EPMD_LOCK"
  port_busy 4369 || flock -x -w 90 9 || die "could not lock $EPMD_LOCK"
  if ! port_busy 4369; then
    (cd / && runuser -u rabbitmq -- env -i PATH="$CLEAN_PATH" HOME="$RMQ_HOME" \
        ERL_EPMD_ADDRESS=127.0.0.1 "$(epmd_bin)" -daemon) </dev/null >/dev/null 2>&1 9>&- ||
      die "could not start epmd"
    for ((i = 0; i < 50; i++)); do
      pid=$(epmd_pid_listening)
      [[ -n "$pid" ]] && break
      sleep 0.1
    done
    [[ -n "${pid:-}" ]] || die "epmd did not start listening on 127.0.0.1:4369"
    echo "$pid" >"$EPMD_RECORD"
    say "started epmd (pid $pid, 127.0.0.1:4369)"
  fi
  flock -s 9
}
release_epmd_lock() { { flock -u 9; exec 9>&-; } 2>/dev/null || true; }

# Stop epmd if a jobq stack started it and no Erlang node is registered with it any more.
maybe_stop_epmd() {
  local pid names
  release_epmd_lock
  exec 9>"$EPMD_LOCK"
  flock -w 90 9 || { echo "stack: could not lock $EPMD_LOCK; leaving epmd" >&2; return 0; }
  if pid=$(pid_if_alive "$EPMD_RECORD" epmd rabbitmq) &&
     [[ "$(readlink "/proc/$pid/ns/net" 2>/dev/null)" == "$(readlink /proc/self/ns/net)" ]]; then
    names=$(timeout 10 "$(epmd_bin)" -names 2>/dev/null | grep '^name ' || true)
    if [[ -z "$names" ]]; then
      proc_terminate "$pid" 5
      rm -f "$EPMD_RECORD"
      say "stopped epmd (pid $pid)"
    else
      say "left epmd running: still used by $(awk '{print $2}' <<<"$names" | paste -sd, -)"
    fi
  elif [[ -f "$EPMD_RECORD" ]]; then
    rm -f "$EPMD_RECORD"
  fi
  flock -u 9
  exec 9>&-
}
