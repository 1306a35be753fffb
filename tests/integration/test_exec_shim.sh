#!/usr/bin/env bash
# test_exec_shim — command handlers start through jobq-exec-shim (docs/handlers.md, "How it
# is started"):
#  - a script without `#!` as the command runs through /bin/sh (execvp's fallback); it sees
#    none of descriptors 3-9, an empty signal mask and no ignored signal (the worker ignores
#    SIGPIPE), and its output is the result;
#  - a missing program fails the attempt: exit status 127 with "jobq: cannot run ...";
#  - a handler with `user = "nobody"` runs as nobody, the shim in front of it too; when its
#    worker is killed with SIGKILL, no process of its group is left within 5 s (this test's
#    polling included);
#  - a jobq-consumer alone in a folder (no shim beside it, none installed) configured with a
#    command handler exits 2 at start with one line naming where it looked;
#    --check-config says the same; the same worker with no handler starts, and a SIGHUP that
#    brings one logs config_reload_failed naming the shim and keeps the running
#    configuration (the worker still runs in-process jobs);
#  - a shim removed after the worker started: a command job is released (scheduled again,
#    reason "released: handler could not run", its error naming the shim), not failed.
# Asserts on the jobs' rows, exit statuses, the process table and the reload's log event.
source "$(dirname "$0")/lib.sh"
jq_setup exec_shim

J="$JOBQ_BIN_DIR/jobq"
U=$$   # marks this run's sleeps
chmod 755 "$T"
cat >"$T/probe" <<'EOF'
open=""
for n in 3 4 5 6 7 8 9; do [ -e /proc/$$/fd/$n ] && open="$open$n "; done
blk=$(sed -n 's/^SigBlk:[[:space:]]*//p' /proc/$$/status)
ign=$(sed -n 's/^SigIgn:[[:space:]]*//p' /proc/$$/status)
printf '{"open":"%s","blk":"%s","ign":"%s","uid":%s}\n' "$open" "$blk" "$ign" "$(id -u)"
EOF
chmod 755 "$T/probe"
cat >"$T/jobq.conf" <<EOF
handlers = (
  { type = "probe"; command = [ "$T/probe" ]; },
  { type = "missing"; command = [ "$T/no-such-program" ]; },
  { type = "nobody"; command = [ "/bin/sh", "-c", "sleep 3239.$U & wait" ]; user = "nobody"; }
);
EOF
group_count() { ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/' | wc -l; }
group_gone() { [[ "$(group_count "$1")" == 0 ]]; }
shim_of() { ps -eo pid=,ppid=,args= | awk -v p="$1" '$2 == p && $3 == "jobq-exec-shim" {print $1}' | head -n1; }
has_shim() { [[ -n "$(shim_of "$1")" ]]; }
in_group() { [[ "$(ps -eo pgid=,args= | awk -v g="$1" -v s="3239.$U" '$1 == g && $2 == "sleep" && $3 == s' | wc -l)" == 1 ]]; }
# uids of the live processes of group $1, one line, sorted, unique
group_uids() { ps -eo pgid=,uid=,stat= | awk -v g="$1" '$1 == g && $3 !~ /^Z/ {print $2}' | sort -u | tr '\n' ' '; }
done_as() { sql_is "$1" "select status from jobs where id='$2'"; }

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 2
w1pid=$(pid_of w1)

# ---------------------------------------------------------------- a script without #!
id=$("$J" submit probe '{}')
wait_for 20 "the probe job ends" done_as succeeded "$id" || true
check_eq "a script without #! ran through /bin/sh: descriptor 3 (control) and none of 4-9, no blocked or ignored signal" \
  '{"blk": "0000000000000000", "ign": "0000000000000000", "uid": 0, "open": "3 "}' \
  "$(sql "select result from jobs where id='$id'")"

# ---------------------------------------------------------------- a missing program
id=$("$J" submit --max-attempts 1 missing '{}')
wait_for 20 "the missing job ends" done_as failed "$id" || true
check_eq "a missing program: exit status 127, the shim says why" \
  "exit status 127: jobq: cannot run $T/no-such-program: No such file or directory" \
  "$(sql "select error from jobs where id='$id'")"

# ---------------------------------------------------------------- user = "nobody", kill -9
nobody=$(id -u nobody)
id=$("$J" submit --max-attempts 3 nobody '{}')
wait_for 15 "the nobody job runs on w1" sql_is "running|w1" "select status || '|' || worker_id from jobs where id='$id'" || true
wait_for 10 "w1 started the shim" has_shim "$w1pid" || true
pg=$(shim_of "$w1pid")
wait_for 10 "group ${pg:-?}: the command's sleep runs in it" in_group "${pg:-0}" || true
check_eq "the shim and the command run as nobody ($nobody)" "$nobody " "$(group_uids "${pg:-0}")"
check_eq "the group is led by the shim, child of w1" "$pg $w1pid" \
  "$(ps -o pgid=,ppid= -p "${pg:-1}" | awk '{print $1, $2}')"
{
  kill -KILL "$w1pid"
  t0=$(_jq_now_ms)
  n=0
  while ! group_gone "${pg:-0}" && (( n < 1000 && $(_jq_now_ms) - t0 < 6000 )); do
    sleep 0.02; n=$(( n + 1 ))
  done
  gone_ms=$(( $(_jq_now_ms) - t0 ))
} 2>/dev/null
{ stop_consumer w1 KILL || true; } 2>/dev/null   # reap it
note "group $pg gone $gone_ms ms after kill -9 of w1"
check_eq "no process of the nobody group is left (zombies excepted)" 0 "$(group_count "${pg:-0}")"
check "... within 5 s, this test's polling included (without the death signal: an hour) ($gone_ms ms)" \
  test "$gone_ms" -le 5000

# ---------------------------------------------------------------- no shim to be found
LONE="$T/lone/jobq-consumer"
mkdir -p "$T/lone" && cp "$JOBQ_BIN_DIR/jobq-consumer" "$LONE"
INSTALLED=/usr/local/libexec/jobq/jobq-exec-shim
if [[ -e "$INSTALLED" ]]; then
  fail "$INSTALLED exists on this machine: the lone worker would find it (remove it to test)"
fi
want="jobq-consumer: command handlers need jobq-exec-shim, which is not at $T/lone/jobq-exec-shim, $T/lone/../libexec/jobq/jobq-exec-shim or $INSTALLED (No such file or directory)"
check_status "a lone worker with command handlers exits 2" 2 "$LONE" --worker-id lone0
check_eq "... with one line naming where it looked" "$want" "$(cat "$ERR_FILE")"
check_status "--check-config: exit 2" 2 "$LONE" --check-config
check_eq "... the same line" "$want" "$(cat "$ERR_FILE")"

mv "$T/jobq.conf" "$T/handlers.conf"
: >"$T/jobq.conf"
check_status "--check-config with no handler: exit 0" 0 "$LONE" --check-config
start_proc lone "$LONE" --worker-id lone1 --concurrency 1
wait_for 10 "the lone worker is registered" sql_is running "select state from workers where id='lone1'" || true
cp "$T/handlers.conf" "$T/jobq.conf"
failed_reloads() { grep -c 'event=config_reload_failed' "$(log_of lone)" || true; }
stop_consumer lone HUP
reload_failed() { [[ "$(failed_reloads)" -ge 1 ]]; }  # counted at each look, not once
wait_for 30 "the reload that brings handlers failed" reload_failed || true
check "the reload's error names the shim" \
  grep -q 'event=config_reload_failed.*command handlers need jobq-exec-shim' "$(log_of lone)"
check "the lone worker still runs" is_running lone
id=$("$J" submit noop '{}')
wait_for 20 "the lone worker still runs an in-process job" done_as succeeded "$id" || true
check_eq "... on the running configuration" "succeeded|lone1" \
  "$(sql "select status || '|' || worker_id from jobs where id='$id'")"
check_status "the lone worker stops cleanly" 0 stop_consumer lone

# ---------------------------------------------------------------- the shim gone after start
mkdir -p "$T/gone"
cp "$JOBQ_BIN_DIR/jobq-consumer" "$JOBQ_BIN_DIR/jobq-exec-shim" "$T/gone/"
start_proc gone "$T/gone/jobq-consumer" --worker-id gone1 --concurrency 1
wait_for 10 "the worker with its own shim is registered" sql_is running "select state from workers where id='gone1'" || true
rm "$T/gone/jobq-exec-shim"
id=$("$J" submit --max-attempts 1 probe '{}')
wait_for 20 "the job is released" sql_is "scheduled|released: handler could not run" \
  "select status || '|' || status_reason from jobs where id='$id'" || true
check_eq "... its error names the shim, its one attempt not used up" \
  "cannot start $T/gone/jobq-exec-shim: No such file or directory|0" \
  "$(sql "select error || '|' || attempt from jobs where id='$id'")"
check_status "that worker stops cleanly" 0 stop_consumer gone
