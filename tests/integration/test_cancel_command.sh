#!/usr/bin/env bash
# test_cancel_command — cancelling command handlers (docs/design.md §7, §8; issue 4):
#  - a command job runs in its own process group, led by the shim
#    (`jobq-exec-shim PID FENCE_FD CREDS -- cmd...`, PID = the worker), with the job's id and the
#    handler's env in the command's environment;
#  - "stubborn": a script that ignores SIGTERM and has children (`trap '' TERM; sleep & sleep;
#    wait`), cancel_grace 500ms. `cancel --wait` exits 0 after about the grace (stop_ms >=
#    the grace, well under 3 s); the job ends cancelled (one terminal transition,
#    running→cancelled) and, as soon as the cancel has returned, no live process of its
#    group is left (group id recorded while it ran; `ps` by pgid, zombies not counted: this
#    machine's init reaps orphans late), nor any of its sleeps anywhere;
#  - the same script with cancel_grace 8s, cancelled without --wait: well inside the grace
#    the whole group is still there (SIGTERM was ignored), and it is gone once the job has
#    ended (stop_ms >= 8000 ms; a grace that outlasts a loaded machine's CLI start);
#  - "polite": the same without the trap (default SIGTERM), cancel_grace 5s: it stops well
#    before the grace (SIGTERM is enough), ends cancelled, and no process of its group is left.
# Asserts on the database and the process table only.
source "$(dirname "$0")/lib.sh"
jq_setup cancel_command

J="$JOBQ_BIN_DIR/jobq"
# Unusual sleep lengths, with this run's PID as their fraction, mark this test's processes
# in the process table (another run of the test elsewhere on the machine has other ones).
U=$$
cat >"$T/jobq.conf" <<EOF
handlers = (
  { type = "stubborn";
    command = [ "/bin/sh", "-c", "trap '' TERM; sleep 3137.$U & sleep 3138.$U; wait" ];
    cancel_grace = "500ms"; timeout = "60s"; env = [ "A=1" ]; },
  { type = "stubborn_slow";
    command = [ "/bin/sh", "-c", "trap '' TERM; sleep 3147.$U & sleep 3148.$U; wait" ];
    cancel_grace = "8s"; },
  { type = "polite";
    command = [ "/bin/sh", "-c", "sleep 3157.$U & sleep 3158.$U; wait" ];
    cancel_grace = "5s"; }
);
EOF
st() { sql "select status from jobs where id='$1'"; }
terminal_events() {
  sql "select count(*) from job_events where job_id='$1' and to_status in ('succeeded','failed','cancelled')"
}
stop_ms() { sql "select (extract(epoch from finished_at - cancel_requested_at) * 1000)::int from jobs where id='$1'"; }
# Live (non-zombie) processes of group $1. Zombies are already dead; this machine's init
# reaps orphaned ones only after a second or so.
group_count() { ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/' | wc -l; }
group_gone() { [[ "$(group_count "$1")" == 0 ]]; }
# The shim of the command job of worker PID $1 (there is one job at a time): its pid.
shim_of() { ps -eo pid=,ppid=,args= | awk -v p="$1" '$2 == p && $3 == "jobq-exec-shim" {print $1}' | head -n1; }
# group_ready PGID N: the group has N processes (shim, sh and the sleeps)
group_ready() { [[ "$(group_count "$1")" == "$2" ]]; }
has_shim() { [[ -n "$(shim_of "$1")" ]]; }
show_group() { ps -eo pid,pgid,ppid,stat,args | awk -v g="$1" 'NR == 1 || $2 == g'; }

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 2
wpid=$(pid_of w1)

# run_job TYPE MARK: submit a job of TYPE, wait until its group is complete; sets id, pgid.
run_job() {
  id=$("$J" submit "$1" '{"n": 1}') || true
  wait_for 15 "$1 job running" sql_is running "select status from jobs where id='$id'" || true
  pgid=""
  wait_for 10 "$1: the shim is started" has_shim "$wpid" || true
  pgid=$(shim_of "$wpid")
  # shim + sh + two sleeps
  wait_for 10 "$1: its group (pgid ${pgid:-?}) has 4 processes" group_ready "${pgid:-0}" 4 || true
}

# ---------------------------------------------------------------- stubborn, --wait
run_job stubborn
note "stubborn job $id runs in process group $pgid:"
show_group "$pgid" | sed 's/^/#   /'
check_eq "the group leader is the shim, started by the worker with its pid" \
  "$pgid $wpid" "$(ps -o pgid=,args= -p "$pgid" | awk '{for (i = 1; i <= NF; i++) if ($i == "jobq-exec-shim") print $1, $(i + 1)}')"
sh_pid=$(ps -eo pid=,pgid=,args= | awk -v g="$pgid" '$2 == g && $3 == "/bin/sh" {print $1}' | head -n1)
check "the command sees JOBQ_JOB_ID=$id and the handler's A=1" \
  bash -c "tr '\\0' '\\n' </proc/${sh_pid:-0}/environ | grep -qx 'JOBQ_JOB_ID=$id' && tr '\\0' '\\n' </proc/${sh_pid:-0}/environ | grep -qx 'A=1'"
check "the command's children are in the same group (sleep 3137 and 3138)" \
  bash -c "[[ \$(ps -eo pgid=,args= | awk -v g=$pgid '\$1 == g && \$2 == \"sleep\" && (\$3 == \"3137.$U\" || \$3 == \"3138.$U\")' | wc -l) == 2 ]]"
t0=$(_jq_now_ms)
check_status "cancel --wait of the stubborn job exits 0" 0 timeout 30 "$J" cancel --wait --timeout 20s "$id"
dt=$(( $(_jq_now_ms) - t0 ))
live=$(group_count "$pgid")
check "... prints 'ID stopped (cancelled) in N ms' ($OUT)" \
  grep -Eq "^$id stopped \(cancelled\) in [0-9.]+ ms$" "$OUT_FILE"
ms=$(stop_ms "$id")
note "stubborn job (cancel_grace 500ms): stop_ms $ms, cancel --wait took $dt ms"
check "... stop_ms ($ms) >= the 500 ms grace: SIGTERM was ignored" test "${ms:-0}" -ge 480
check "... stop_ms ($ms) < 3000: SIGKILL came after the grace" test "${ms:-99999}" -lt 3000
check_eq "... status cancelled, one terminal transition, running→cancelled last" "cancelled|1|running>cancelled" \
  "$(st "$id")|$(terminal_events "$id")|$(sql "select from_status || '>' || to_status from job_events where job_id='$id' order by id desc limit 1")"
check_eq "no live process of the group is left once the job has ended (pgid $pgid)" 0 "$live"
(( live == 0 )) || show_group "$pgid" | sed 's/^/#   /'
check_eq "no 'sleep 3137/3138' anywhere" 0 "$(pgrep -fx "sleep 313[78]\\.$U" | wc -l)"
check "the worker is still running" is_running w1

# ---------------------------------------------------------------- stubborn, slow grace
run_job stubborn_slow
t0=$(_jq_now_ms)
check_status "cancel (no --wait) of the stubborn_slow job exits 0" 0 "$J" cancel "$id"
sleep 0.5
n_mid=$(group_count "$pgid")
row_mid=$(sql "select status, cancel_requested_at is not null from jobs where id='$id'")
mid_ms=$(( $(_jq_now_ms) - t0 ))
note "stubborn_slow: looked $mid_ms ms after the cancel started"
check_eq "well inside its 8 s grace the whole group is still there (SIGTERM ignored)" 4 "$n_mid"
check_eq "... and the job is still running, with a cancel request" "running|t" "$row_mid"
check "... (that look came within 6 s of the cancel's start: $mid_ms ms)" test "$mid_ms" -lt 6000
check_status "wait on it exits 1 (cancelled)" 1 timeout 30 "$J" wait --timeout 25s "$id"
live=$(group_count "$pgid")
ms=$(stop_ms "$id")
note "stubborn_slow job (cancel_grace 8s): stop_ms $ms"
check "... stop_ms ($ms) between 8000 and 11000" test "${ms:-0}" -ge 7980 -a "${ms:-99999}" -lt 11000
check_eq "... status cancelled, one terminal transition" "cancelled|1" "$(st "$id")|$(terminal_events "$id")"
check_eq "no live process of the group is left once the job has ended (pgid $pgid)" 0 "$live"
(( live == 0 )) || show_group "$pgid" | sed 's/^/#   /'
check_eq "no 'sleep 3147/3148' anywhere" 0 "$(pgrep -fx "sleep 314[78]\\.$U" | wc -l)"

# ---------------------------------------------------------------- polite
run_job polite
t0=$(_jq_now_ms)
check_status "cancel --wait of the polite job exits 0" 0 timeout 30 "$J" cancel --wait --timeout 20s "$id"
dt=$(( $(_jq_now_ms) - t0 ))
live=$(group_count "$pgid")
ms=$(stop_ms "$id")
note "polite job (cancel_grace 5s): stop_ms $ms, cancel --wait took $dt ms"
check "... stop_ms ($ms) < 1000: SIGTERM was enough, long before the 5 s grace" test "${ms:-99999}" -lt 1000
check_eq "... status cancelled, one terminal transition" "cancelled|1" "$(st "$id")|$(terminal_events "$id")"
check_eq "no live process of the group is left once the job has ended (pgid $pgid)" 0 "$live"
(( live == 0 )) || show_group "$pgid" | sed 's/^/#   /'
check_eq "no 'sleep 3157/3158' anywhere" 0 "$(pgrep -fx "sleep 315[78]\\.$U" | wc -l)"

check_eq "the worker has no child process left" 0 "$(pgrep -P "$wpid" | wc -l)"
check_eq "nothing is running" 0 "$(sql "select count(*) from jobs where status='running'")"
check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
