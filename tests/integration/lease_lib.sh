# shellcheck shell=bash
# tests/integration/lease_lib.sh — helpers for the lease tests (test_fence_*.sh), sourced after
# lib.sh and jq_setup:
#   tick_setup: writes $T/tick.sh, a command handler that records its own life in $T/ticks
#     ("JOB ATTEMPT start|tick|end MICROSECONDS", a tick every 50 ms for about 5 s; later
#     attempts tick 3 times and end) and ignores SIGTERM; tick_handler prints its config entry
#     (cancel_grace 10 s: only SIGKILL stops it inside a short lease);
#   keeper_backend WORKER: the PID of the backend of WORKER's keeper (the session holding its
#     liveness lock); stop_backend PID / cont_backend: SIGSTOP it between two statements,
#     and SIGCONT it again (the EXIT trap does it too); STOPPED_AT_MS: when it was stopped;
#   has_start ID ATTEMPT: that attempt has started; no_handler: no tick handler runs;
#   ticks_diag ID: notes of the job's records and history when an awaited attempt is missing;
#   first_ms / last_ms ID ATTEMPT: an attempt's first and last record, in ms;
#   attempt_gaps ID: one line per pair of successive attempts, the later one's start minus
#     the earlier one's last record (ms; <= 0 when they overlapped).

_LEASE_STOPPED=""
# lib.sh's EXIT trap, after waking a backend left stopped; _jq_exit reads the exit status
# from $?. Without set +e, the (exit RC) that hands a failure's status on would end the trap
# under set -e before _jq_exit could clean up.
_lease_exit() {
  local rc=$?
  set +e
  [[ -z "$_LEASE_STOPPED" ]] || kill -CONT "$_LEASE_STOPPED" 2>/dev/null || true
  (exit "$rc")
  _jq_exit
}
trap '_lease_exit' EXIT

tick_setup() {
  cat >"$T/tick.sh" <<'EOF2'
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
EOF2
  touch "$T/ticks"
}
tick_handler() {
  echo "{ type = \"tick\"; command = [ \"/bin/bash\", \"$T/tick.sh\" ]; cancel_grace = \"10s\";
    env = [ \"TICKS=$T/ticks\" ]; }"
}

keeper_backend() {
  sql "select l.pid from pg_locks l join workers w on w.id = '$1'
       join pg_stat_activity a on a.pid = l.pid
       where l.locktype = 'advisory' and l.granted and l.mode = 'ExclusiveLock'
         and l.objsubid = 1 and a.application_name like 'jobq-consumer keeper%'
         and l.database = (select oid from pg_database where datname = current_database())
         and ((l.classid::bigint << 32) | l.objid::bigint) = w.lock_key"
}
# A backend stopped in the middle of the heartbeat holds its rows locked: nobody can take the
# job over (safe, but not the case under test), so stop it only where pg_stat_activity
# (which a stopped backend cannot update) shows it idle; else wake it and try again.
stop_backend() {
  local i
  for ((i = 0; i < 50; i++)); do
    _LEASE_STOPPED=$1
    # shellcheck disable=SC2034  # STOPPED_AT_MS is for the tests (see the top)
    STOPPED_AT_MS=$(time_now_ms)
    kill -STOP "$1"
    [[ "$(sql "select state from pg_stat_activity where pid = $1")" == idle ]] && return 0
    cont_backend
    sleep 0.0$((RANDOM % 9 + 1))
  done
  fail "backend $1 was never idle when stopped"
  return 1
}
cont_backend() { [[ -z "$_LEASE_STOPPED" ]] || kill -CONT "$_LEASE_STOPPED" 2>/dev/null || true; _LEASE_STOPPED=""; }

has_start() { grep -aq "^$1 $2 start " "$T/ticks"; }
# ticks_diag ID: notes what the records and the history say of job ID, when an attempt that
# the test waits for is not in the records (a CI run once missed a second attempt that the
# consumer's log shows started and succeeded): the job's records, the file's size and NUL
# bytes, its lines that do not start with a job id, and the job's transitions
ticks_diag() {
  note "records of job $1: $(grep -ac "$1" "$T/ticks") lines; the last: $(grep -a "$1" "$T/ticks" | tail -n 3 | tr '\n' '|')"
  note "records file: $(wc -c <"$T/ticks") bytes, $(tr -dc '\000' <"$T/ticks" | wc -c) NUL; lines not starting with an id: $(grep -cav '^[0-9a-f-]\{36\} ' "$T/ticks")"
  note "history of job $1: $(sql "select string_agg(to_status || ' ' || attempt || ' ' || coalesce(worker_id, '-'), ', ' order by id) from job_events where job_id = '$1'")"
}
no_handler() { ! pgrep -f "^/bin/bash $T/tick.sh" >/dev/null; }
first_ms() { awk -v id="$1" -v a="$2" '$1 == id && $2 == a { printf "%.0f\n", $4 / 1000; exit }' "$T/ticks"; }
last_ms() { awk -v id="$1" -v a="$2" '$1 == id && $2 == a { t = $4 } END { printf "%.0f\n", t / 1000 }' "$T/ticks"; }
attempt_gaps() {
  awk -v id="$1" '$1 == id {
          a = $2; t = $4
          if (!(a in first) || t < first[a]) first[a] = t
          if (!(a in last) || t > last[a]) last[a] = t
        }
        END { for (a in first) if ((a + 1) in first) printf "%d\n", (first[a + 1] - last[a]) / 1000 }' "$T/ticks"
}

# settle_rep REP ID OWNER: after a takeover, wait for the job to succeed and every handler to
# end, then add its attempt gaps to the array `gaps` and count each overlap (gap <= 0) in
# `bad`, with a note naming the repetition. Returns 1 if the job did not settle in time.
settle_rep() {
  local rep=$1 id=$2 owner=$3 g
  wait_for 20 "rep $rep: the job succeeds" sql_is succeeded "select status from jobs where id='$id'" || return 1
  wait_for 15 "rep $rep: every handler has ended" no_handler || return 1
  for g in $(attempt_gaps "$id"); do
    gaps+=("$g")
    if (( g <= 0 )); then
      bad=$((bad + 1))
      note "rep $rep (job $id, owner $owner): the next attempt started $((-g)) ms before the previous one's last record"
    fi
  done
}
