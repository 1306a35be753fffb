#!/usr/bin/env bash
# test_fence_heartbeat_hang — a worker whose heartbeat hangs fences itself in time (design
# §1.2 "never two owners", §6 "Heartbeat"):
#  - HEARTBEAT_INTERVAL=300ms, LEASE_DURATION=2s, relay every 200 ms; two workers (A, B,
#    --concurrency 1 each) run a command handler that records its own life in $T/ticks
#    ("JOB ATTEMPT start|tick|end MICROSECONDS", a tick every 50 ms for about 5 s; later
#    attempts tick a few times and end). It ignores SIGTERM, and cancel_grace is 10 s: only
#    SIGKILL stops it inside the lease;
#  - while attempt 1 runs, the keeper backend of its owner (the session holding the owner's
#    liveness lock, found in pg_locks/pg_stat_activity) is stopped with SIGSTOP between two
#    statements (one stopped inside the heartbeat would keep the rows locked, and nobody
#    could take the job over at all): the next heartbeat's statement never returns. The lease expires in the database, the reaper
#    requeues the job, and attempt 2 starts (on either worker). Then SIGCONT;
#  - from the handlers' own records: attempt 2 starts after the last record of attempt 1
#    (the owner stopped its handler before the lease could expire), in every one of 20
#    repetitions; both workers stay alive throughout, and every job succeeds exactly once.
source "$(dirname "$0")/lib.sh"
jq_setup fence_heartbeat_hang

source "$(dirname "$0")/lease_lib.sh"

REPS=${FENCE_REPS:-20}
export HEARTBEAT_INTERVAL=300ms LEASE_DURATION=2s JOBQ_RELAY_INTERVAL=200ms
tick_setup
printf 'handlers = (\n  %s\n);\n' "$(tick_handler)" >"$T/jobq.conf"

check --fatal "migrate" jobq migrate
start_consumer A --worker-id fa --concurrency 1
start_consumer B --worker-id fb --concurrency 1
wait_for 15 "both workers registered" sql_is 2 "select count(*) from workers where state='running'"

bad=0 done_reps=0 gaps=()
for ((rep = 1; rep <= REPS; rep++)); do
  id=$(jobq submit tick '{}' --max-attempts 5) || { fail "rep $rep: submit failed"; break; }
  wait_for 15 "rep $rep: attempt 1 runs" has_start "$id" 1 || break
  owner=$(sql "select worker_id from jobs where id='$id'")
  sleep 0.4	# a heartbeat or two carry the new lease
  kp=$(keeper_backend "$owner")
  [[ "$kp" =~ ^[0-9]+$ ]] || { fail "rep $rep: no keeper backend for $owner ('$kp')"; break; }
  stop_backend "$kp"
  wait_for 15 "rep $rep: attempt 2 starts" has_start "$id" 2 || { cont_backend; ticks_diag "$id"; break; }
  cont_backend
  settle_rep "$rep" "$id" "$owner" || break
  done_reps=$rep
done
note "next attempt started after the previous one's last record by (ms): ${gaps[*]}"
check_eq "all $REPS repetitions ran" "$REPS" "$done_reps"
check_eq "no two attempts of a job overlapped (overlapping pairs)" 0 "$bad"
check_eq "every job succeeded exactly once" 0 "$(terminal_anomalies true)"
check "A is alive" is_running A
check "B is alive" is_running B
check_status "A drains and exits 0 on TERM" 0 stop_consumer A
check_status "B drains and exits 0 on TERM" 0 stop_consumer B
