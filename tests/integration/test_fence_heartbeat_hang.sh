#!/usr/bin/env bash
# test_fence_heartbeat_hang — a worker whose heartbeat hangs fences itself in time (design
# §1.2 "never two owners", §6 "Heartbeat"):
#  - HEARTBEAT_INTERVAL=300ms, LEASE_DURATION=2s, relay every 200 ms; two workers (A, B,
#    --concurrency 1 each) run a command handler that records its own life in $T/ticks
#    ("JOB ATTEMPT start|tick|end MICROSECONDS", a tick every 50 ms for about 5 s; later
#    attempts tick a few times and end). It ignores SIGTERM, and cancel_grace is 10 s: only
#    SIGKILL stops it inside the lease;
#  - while attempt 1 runs, the keeper backend of its owner (the session holding the owner's
#    liveness lock, found in pg_locks/pg_stat_activity) is stopped with SIGSTOP: the
#    heartbeat's statement never returns. The lease expires in the database, the reaper
#    requeues the job, and attempt 2 starts (on either worker). Then SIGCONT;
#  - from the handlers' own records: attempt 2 starts after the last record of attempt 1
#    (the owner stopped its handler before the lease could expire), in every one of 20
#    repetitions; both workers stay alive throughout, and every job succeeds exactly once.
source "$(dirname "$0")/lib.sh"
jq_setup fence_heartbeat_hang

REPS=${FENCE_REPS:-20}
STOPPED=""	# the backend this test stopped: the EXIT trap must wake it
trap 'rc=$?; [[ -n "$STOPPED" ]] && kill -CONT "$STOPPED" 2>/dev/null; (exit $rc); _jq_exit' EXIT

export HEARTBEAT_INTERVAL=300ms LEASE_DURATION=2s JOBQ_RELAY_INTERVAL=200ms
cat >"$T/tick.sh" <<'EOF'
#!/bin/bash
trap '' TERM
n=90
[[ "$JOBQ_ATTEMPT" -gt 1 ]] && n=3
echo "$JOBQ_JOB_ID $JOBQ_ATTEMPT start ${EPOCHREALTIME/./}" >>"$TICKS"
for ((i = 0; i < n; i++)); do
  sleep 0.05
  echo "$JOBQ_JOB_ID $JOBQ_ATTEMPT tick ${EPOCHREALTIME/./}" >>"$TICKS"
done
echo "$JOBQ_JOB_ID $JOBQ_ATTEMPT end ${EPOCHREALTIME/./}" >>"$TICKS"
EOF
cat >"$T/jobq.conf" <<EOF
handlers = (
  { type = "tick"; command = [ "/bin/bash", "$T/tick.sh" ]; cancel_grace = "10s";
    env = [ "TICKS=$T/ticks" ]; }
);
EOF
export JOBQ_CONFIG="$T/jobq.conf"
touch "$T/ticks"

check --fatal "migrate" jobq migrate
start_consumer A --worker-id fa --concurrency 1
start_consumer B --worker-id fb --concurrency 1
wait_for 15 "both workers registered" sql_is 2 "select count(*) from workers where state='running'"

# The backend of worker $1's keeper: the session that holds its liveness lock.
keeper_backend() {
  sql "select l.pid from pg_locks l join workers w on w.id = '$1'
       join pg_stat_activity a on a.pid = l.pid
       where l.locktype = 'advisory' and l.granted and l.mode = 'ExclusiveLock'
         and l.objsubid = 1 and a.application_name like 'jobq-consumer keeper%'
         and l.database = (select oid from pg_database where datname = current_database())
         and ((l.classid::bigint << 32) | l.objid::bigint) = w.lock_key"
}
# attempts ID: the records of job ID's attempts compared, one line per pair of successive
# attempts: "GAP_MS" (the later attempt's start minus the earlier one's last record;
# negative when they overlapped).
attempts() {
  awk -v id="$1" '$1 == id {
          a = $2; t = $4
          if (!(a in first) || t < first[a]) first[a] = t
          if (!(a in last) || t > last[a]) last[a] = t
        }
        END { for (a in first) if ((a + 1) in first) printf "%d\n", (first[a + 1] - last[a]) / 1000 }' "$T/ticks"
}
has_line() { grep -q "^$1 $2 start " "$T/ticks"; }
# No handler runs (each worker runs one job at a time, so a late one is the stopped owner's).
no_handler() { ! pgrep -f "^/bin/bash $T/tick.sh" >/dev/null; }

bad=0 done_reps=0 gaps=()
for ((rep = 1; rep <= REPS; rep++)); do
  id=$(jobq submit tick '{}' --max-attempts 5) || { fail "rep $rep: submit failed"; break; }
  wait_for 15 "rep $rep: attempt 1 runs" has_line "$id" 1 || break
  owner=$(sql "select worker_id from jobs where id='$id'")
  sleep 0.4	# a heartbeat or two carry the new lease
  kp=$(keeper_backend "$owner")
  [[ "$kp" =~ ^[0-9]+$ ]] || { fail "rep $rep: no keeper backend for $owner ('$kp')"; break; }
  STOPPED=$kp
  kill -STOP "$kp"
  wait_for 15 "rep $rep: attempt 2 starts" has_line "$id" 2 || { kill -CONT "$kp"; STOPPED=""; break; }
  kill -CONT "$kp"
  STOPPED=""
  wait_for 20 "rep $rep: the job succeeds" sql_is succeeded "select status from jobs where id='$id'" || break
  wait_for 15 "rep $rep: every handler has ended" no_handler || break
  for g in $(attempts "$id"); do
    gaps+=("$g")
    if (( g <= 0 )); then
      bad=$((bad + 1))
      note "rep $rep (job $id, owner $owner): the next attempt started $((-g)) ms before the previous one's last record"
    fi
  done
  done_reps=$rep
done
note "next attempt started after the previous one's last record by (ms): ${gaps[*]}"
check_eq "all $REPS repetitions ran" "$REPS" "$done_reps"
check_eq "no two attempts of a job overlapped (overlapping pairs)" 0 "$bad"
check_eq "every job succeeded exactly once" 0 "$(terminal_anomalies)"
check "A is alive" is_running A
check "B is alive" is_running B
check_status "A drains and exits 0 on TERM" 0 stop_consumer A
check_status "B drains and exits 0 on TERM" 0 stop_consumer B
