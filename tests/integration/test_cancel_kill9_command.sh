#!/usr/bin/env bash
# test_cancel_kill9_command — a command job dies with its worker (docs/design.md §8; issue 4):
#  - w1 runs a command job in a process group led by the shim: a shell that ignores SIGTERM
#    and SIGHUP, with a long background sleep, and that appends a timestamp to a file of its
#    attempt ($TICKS.$JOBQ_ATTEMPT) every 50 ms; the test records the group id;
#  - `kill -9` of w1: within 5 s no live process of that group is left (the shim gets SIGHUP
#    from PR_SET_PDEATHSIG and SIGKILLs its group; zombies waiting for init to reap them do
#    not count), and the background sleep runs nowhere;
#  - w2, started after the claim, receives the redelivery, finds w1's liveness lock free and
#    takes the job over at once (attempt 2, reason "taken over: owner's session gone", and
#    the takeover appears in the job's history); its copy runs in a new group;
#  - never two copies at once: the old copy's last timestamp is older than the new copy's
#    first;
#  - a cancel then stops w2's copy; the job ends cancelled with one terminal transition, and
#    no process of either group is left.
source "$(dirname "$0")/lib.sh"
jq_setup cancel_kill9_command

J="$JOBQ_BIN_DIR/jobq"
U=$$   # this run's PID, the fraction of the sleep that marks its processes
cat >"$T/jobq.conf" <<EOF
handlers = (
  { type = "long";
    command = [ "/bin/sh", "-c",
                "trap '' TERM HUP; sleep 3237.$U & while :; do date +%s%N >>\"\$TICKS.\$JOBQ_ATTEMPT\"; sleep 0.05; done" ];
    env = [ "TICKS=$T/ticks" ];
    cancel_grace = "300ms"; }
);
EOF
# Live (non-zombie) processes of group $1. Zombies are already dead; this machine's init
# reaps orphaned ones only after a second or so.
group_count() { ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/' | wc -l; }
group_gone() { [[ "$(group_count "$1")" == 0 ]]; }
shim_of() { ps -eo pid=,ppid=,args= | awk -v p="$1" '$2 == p && $3 == "jobq-exec-shim" {print $1}' | head -n1; }
has_shim() { [[ -n "$(shim_of "$1")" ]]; }
show_group() { ps -eo pid,pgid,ppid,stat,args | awk -v g="$1" 'NR == 1 || $2 == g'; }
long_sleeps() { pgrep -fx "sleep 3237\\.$U" | wc -l; }
in_group() { [[ "$(ps -eo pgid=,args= | awk -v g="$1" -v s="3237.$U" '$1 == g && $2 == "sleep" && $3 == s' | wc -l)" == 1 ]]; }
ticking() { [[ -s "$T/ticks.$1" ]]; }   # ATTEMPT

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 1
w1pid=$(pid_of w1)
id=$("$J" submit --max-attempts 3 long '{}')
wait_for 15 "the job runs on w1" sql_is "running|w1" "select status || '|' || worker_id from jobs where id='$id'" || true
wait_for 10 "w1 started the shim" has_shim "$w1pid" || true
pg1=$(shim_of "$w1pid")
wait_for 10 "group ${pg1:-?}: the command's sleep 3237 runs in it" in_group "${pg1:-0}" || true
wait_for 10 "attempt 1 is ticking" ticking 1 || true
note "w1 (pid $w1pid) runs job $id in process group $pg1:"
show_group "$pg1" | sed 's/^/#   /'
check_eq "the group is led by the shim, child of w1" "$pg1 $w1pid" \
  "$(ps -o pgid=,ppid= -p "${pg1:-1}" | awk '{print $1, $2}')"

# w2 starts only now, so that it did not get the job first.
start_consumer w2 --worker-id w2 --concurrency 1
w2pid=$(pid_of w2)
wait_for 10 "w2 is registered" sql_is running "select state from workers where id='w2'" || true

# The group's members, to time their end cheaply (no full process-table scan per poll).
members=$(pgrep -g "$pg1" | tr '\n' ' ')
members_gone() {
  local p st
  for p in $members; do
    st=$(cat "/proc/$p/stat" 2>/dev/null) || continue
    st=${st##*) }
    [[ "${st%% *}" == Z ]] || return 1
  done
  return 0
}
{
  kill -KILL "$w1pid"
  t0=$(_jq_now_ms)
  while ! members_gone && (( $(_jq_now_ms) - t0 < 6000 )); do sleep 0.02; done
  gone_ms=$(( $(_jq_now_ms) - t0 ))
} 2>/dev/null   # (no "Killed" job notice)
wait_for 3 "no process of group $pg1 left" group_gone "$pg1" || show_group "$pg1" | sed 's/^/#   /'
{ stop_consumer w1 KILL || true; } 2>/dev/null   # reap it
note "group $pg1 gone $gone_ms ms after kill -9 of w1 (including this test's polling)"
check_eq "no process of w1's group is left (ps: pgid $pg1, zombies excepted)" 0 "$(group_count "$pg1")"
check "... within 5 s, this test's polling included ($gone_ms ms)" test "$gone_ms" -le 5000

# The takeover: w2 runs the job again, in a new group of its own.
wait_for 10 "w2 took the job over" sql_is "running|w2|2" \
  "select status || '|' || worker_id || '|' || attempt from jobs where id='$id'" || true
check_eq "the row says why: taken over, the owner's session is gone" "taken over: owner's session gone" \
  "$(sql "select status_reason from jobs where id='$id'")"
# docs/design.md §3: every transition is in job_events, so `jobq history` shows the second attempt
# starting on w2 (whatever the from-state of that event).
check_eq "the history records the takeover: a transition into running by w2, attempt 2" 1 \
  "$(sql "select count(*) from job_events where job_id='$id' and to_status='running' and attempt=2 and worker_id='w2'")"
took_at=$(sql "select (extract(epoch from updated_at) * 1000)::bigint from jobs where id='$id'")
note "w2 took the job over $(( ${took_at:-0} - t0 )) ms after the kill (jobs.updated_at)"
wait_for 10 "w2 started the shim" has_shim "$w2pid" || true
pg2=$(shim_of "$w2pid")
wait_for 10 "w2's group runs the command's sleep 3237" in_group "${pg2:-0}" || true
wait_for 10 "attempt 2 is ticking" ticking 2 || true
check "w2's copy runs in a new group ($pg2)" test -n "$pg2" -a "$pg2" != "$pg1"
check_eq "exactly one copy of the command runs (one sleep 3237, in w2's group)" 1 "$(long_sleeps)"
check_eq "w1's group is still empty" 0 "$(group_count "$pg1")"
last1=$(tail -n1 "$T/ticks.1" 2>/dev/null) first2=$(head -n1 "$T/ticks.2" 2>/dev/null)
note "attempt 1 last ticked $(( (${last1:-0} / 1000000) - t0 )) ms after the kill; attempt 2 first ticked $(( (${first2:-0} / 1000000) - t0 )) ms after it"
check "never two copies at once: attempt 1's last tick is older than attempt 2's first" \
  test "${last1:-9}" -lt "${first2:-0}"

check_status "cancel --wait of the taken-over job exits 0" 0 timeout 30 "$J" cancel --wait --timeout 15s "$id"
check_eq "the job ended cancelled by w2, attempt 2, one terminal transition" "cancelled|w2|2|1" \
  "$(sql "select status, worker_id, attempt, (select count(*) from job_events where job_id='$id' and to_status in ('succeeded','failed','cancelled')) from jobs where id='$id'")"
check_eq "no live process of w2's group is left" 0 "$(group_count "${pg2:-0}")"
check_eq "the command's sleep runs nowhere" 0 "$(long_sleeps)"
n2=$(wc -l <"$T/ticks.2")
sleep 0.3
check_eq "attempt 2 stopped ticking" "$n2" "$(wc -l <"$T/ticks.2")"
check "w2 still runs" is_running w2
check_status "w2 stops cleanly" 0 stop_consumer w2
