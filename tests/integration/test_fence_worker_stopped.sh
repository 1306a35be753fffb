#!/usr/bin/env bash
# test_fence_worker_stopped — a command keeps no job past its lease even when its whole worker
# process is stopped (docs/design.md §1.2 "never two owners", §8 command handlers):
#  - HEARTBEAT_INTERVAL=300ms, LEASE_DURATION=2s, relay every 200 ms; two workers (A, B,
#    --concurrency 1 each) run a command handler that records its own life in $T/ticks
#    ("JOB ATTEMPT start|tick|end MICROSECONDS", a tick every 50 ms for about 5 s; later
#    attempts tick a few times and end). It ignores SIGTERM (cancel_grace 10 s);
#  - while attempt 1 runs, its owner's worker process alone (not the command's process group)
#    is stopped with SIGSTOP: its fence thread stops with it. The lease expires in the
#    database, the other worker's reaper requeues the job and runs attempt 2. The command's
#    shim holds the fence point the worker last wrote and kills its group at it;
#  - from the handlers' own records: attempt 2 starts after the last record of attempt 1, and
#    when attempt 2 has started no process of attempt 1 (shim, command) is left (gone or a
#    zombie), in each of 5 repetitions; then SIGCONT, and every job succeeds exactly once;
#  - a command handler sees only descriptors 0-3 (3: its control pipe) and SIGPIPE at its default (not ignored).
source "$(dirname "$0")/lib.sh"
jq_setup fence_worker_stopped

source "$(dirname "$0")/lease_lib.sh"

REPS=${FENCE_REPS:-5}
export HEARTBEAT_INTERVAL=300ms LEASE_DURATION=2s JOBQ_RELAY_INTERVAL=200ms
tick_setup
# sh -c with no redirection (a script file, or a redirection, has the shell itself hold
# more descriptors); ls and grep run in children and list the shell's own descriptors and
# signal state on stdout, which becomes the job's result.
env_cmd='ls /proc/$$/fd; grep ^SigIgn: /proc/$$/status'
printf 'handlers = (\n  %s,\n  { type = "env"; command = [ "/bin/sh", "-c", "%s" ]; }\n);\n' \
  "$(tick_handler)" "$env_cmd" >"$T/jobq.conf"

check --fatal "migrate" jobq migrate
start_consumer A --worker-id fa --concurrency 1
start_consumer B --worker-id fb --concurrency 1
wait_for 15 "both workers registered" sql_is 2 "select count(*) from workers where state='running'"

# The processes under a worker: its shims and their commands (the shim is its child).
descendants() { local p; for p in $(pgrep -P "$1" || true); do echo "$p"; descendants "$p"; done; }
# Gone, or a zombie nobody reaped yet (the stopped worker cannot reap its shim). A stat that
# vanishes while it is read is a process that is gone.
dead() {
  local st
  { IFS= read -r st <"/proc/$1/stat"; } 2>/dev/null || return 0
  st=${st##*) }
  [[ "${st%% *}" == Z ]]
}
all_dead() { local p; for p in "$@"; do dead "$p" || return 1; done; }
# The processes of PIDS still there, as "PID COMM STATE" (for the note of a failure).
survivors() {
  local p st
  for p in "$@"; do
    dead "$p" && continue
    { IFS= read -r st <"/proc/$p/stat"; } 2>/dev/null || continue
    printf '%s %s %s; ' "$p" "$(cut -d' ' -f2 <<<"${st%%) *})")" "$(cut -d' ' -f1 <<<"${st##*) }")"
  done
}

bad=0 left=0 done_reps=0 gaps=()
for ((rep = 1; rep <= REPS; rep++)); do
  id=$(jobq submit tick '{}' --max-attempts 5) || { fail "rep $rep: submit failed"; break; }
  wait_for 15 "rep $rep: attempt 1 runs" has_start "$id" 1 || break
  owner=$(sql "select worker_id from jobs where id='$id'")
  case "$owner" in fa) w=A ;; fb) w=B ;; *) fail "rep $rep: unknown owner '$owner'"; break ;; esac
  sleep 0.4	# a heartbeat or two carry the new lease
  wp=$(pid_of "$w")
  mapfile -t procs < <(descendants "$wp")
  (( ${#procs[@]} >= 2 )) || { fail "rep $rep: no shim and command under $w (${procs[*]:-})"; break; }
  _LEASE_STOPPED=$wp	# the EXIT trap continues it
  kill -STOP "$wp"
  wait_for 15 "rep $rep: attempt 2 starts" has_start "$id" 2 || { cont_backend; ticks_diag "$id"; break; }
  if ! all_dead "${procs[@]}"; then
    left=$((left + 1))
    note "rep $rep (job $id, owner $owner): attempt 1's processes still run when attempt 2 starts: $(survivors "${procs[@]}")"
  fi
  cont_backend
  settle_rep "$rep" "$id" "$owner" || break
  done_reps=$rep
done
note "next attempt started after the previous one's last record by (ms): ${gaps[*]}"
check_eq "all $REPS repetitions ran" "$REPS" "$done_reps"
check_eq "no two attempts of a job overlapped (overlapping pairs)" 0 "$bad"
check_eq "no process of attempt 1 left when attempt 2 started (repetitions)" 0 "$left"
check_eq "every job succeeded exactly once" 0 "$(terminal_anomalies true)"

id=$(jobq submit env '{}')
wait_for 15 "the env job succeeds" sql_is succeeded "select status from jobs where id='$id'"
sql "select result #>> '{}' from jobs where id='$id'" >"$T/env.out"
check_eq "a command handler has only descriptors 0-3 (3: its control pipe)" "0 1 2 3" \
  "$(grep -E '^[0-9]+$' "$T/env.out" | sort -n | tr '\n' ' ' | sed 's/ $//')"
sigign=$(awk '/^SigIgn:/ {print $2}' "$T/env.out")
check_eq "a command handler does not ignore SIGPIPE" 0 "$(( (0x${sigign:-0} >> 12) & 1 ))"

check "A is alive" is_running A
check "B is alive" is_running B
check_status "A drains and exits 0 on TERM" 0 stop_consumer A
check_status "B drains and exits 0 on TERM" 0 stop_consumer B
