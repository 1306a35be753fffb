#!/usr/bin/env bash
# test_soak — a bounded soak (issue 3): 500 jobs through three workers while, for 45 s
# (JQ_SOAK_SECONDS; JQ_SOAK_JOBS sets the number of jobs), a random fault hits a random worker
# every 2 to 5 s, and at the end nothing is lost, nothing ended twice, nothing is left
# running:
#  - faults: `kill -9` and restart with the same id (its jobs come back by redelivery and
#    takeover, or by the restarted worker requeueing its previous run's jobs), `SIGSTOP` then
#    `SIGCONT` 3 to 5 s later (past the 2 s lease: the reaper requeues its jobs, its late
#    writes are fenced), and a graceful restart (SIGTERM drain, start again); at least one
#    worker is always left untouched, so the system keeps moving;
#  - short leases (HEARTBEAT_INTERVAL=300ms, LEASE_DURATION=2s), relay grace (1 s) and drain
#    (JOBQ_SHUTDOWN_TIMEOUT=1s: a graceful restart hands longer jobs back to the queue);
#  - the jobs (60 % noop, 40 % sleep 0-3.9 s) arrive in 10 batches spread over the window;
#  - at the end (bounded): every job is terminal, none is running, queued or scheduled; each
#    has exactly one terminal transition; a job may fail only because its worker was lost on
#    every attempt (error 'worker lost ...'), never for another reason; all three workers are
#    up and none is left stopped;
#  - it prints the counts as "# soak:" lines: jobs, succeeded, failed, faults injected (by
#    kind), takeovers (running->running in the history), leases reaped, jobs
#    requeued by a restarted worker, released at shutdown. JQ_SOAK_SEED repeats a run.
source "$(dirname "$0")/lib.sh"
: "${JQ_TEST_TIMEOUT:=450}"   # ctest gives this test 480 s (tests/CMakeLists.txt)
jq_setup soak

N=${JQ_SOAK_JOBS:-500}
BATCHES=10
N=$(( N / BATCHES * BATCHES ))   # whole batches
SOAK_S=${JQ_SOAK_SECONDS:-45}
SEED=${JQ_SOAK_SEED:-$$}
RANDOM=$SEED
export HEARTBEAT_INTERVAL=300ms LEASE_DURATION=2s JOBQ_RELAY_GRACE=1s JOBQ_SHUTDOWN_TIMEOUT=1s
note "soak: seed $SEED, $SOAK_S s of faults, $N jobs"

check --fatal "migrate" jobq migrate
W=(s1 s2 s3)
for w in "${W[@]}"; do start_consumer "$w" --worker-id "$w" --concurrency 8; done
wait_for 20 "three workers registered" sql_is 3 "select count(*) from workers where state='running'" || true

# the batches: written up front, submitted through the window
for ((b = 0; b < BATCHES; b++)); do
  for ((i = 0; i < N / BATCHES; i++)); do
    if (( RANDOM % 10 < 6 )); then
      printf '{"type":"noop","payload":{"b":%d,"i":%d}}\n' "$b" "$i"
    else
      printf '{"type":"sleep","payload":{"seconds":%d.%d,"b":%d,"i":%d}}\n' $(( RANDOM % 4 )) $(( RANDOM % 10 )) "$b" "$i"
    fi
  done >"$T/batch$b.jsonl"
done
submitted=0 submit_fail=0 next_batch=0
submit_batch() {
  local rc=0
  timeout -k 5 60 "$JOBQ_BIN_DIR/jobq" submit --batch "$T/batch$next_batch.jsonl" >"$T/ids$next_batch" 2>"$T/submit$next_batch.err" || rc=$?
  if (( rc == 0 )); then
    submitted=$((submitted + $(wc -l <"$T/ids$next_batch")))
  else
    submit_fail=$((submit_fail + 1))
    note "batch $next_batch: submit exited $rc: $(head -n1 "$T/submit$next_batch.err")"
  fi
  next_batch=$((next_batch + 1))
}

# ---- the fault loop
declare -A stopped_until=()   # worker -> ms when it gets SIGCONT
n_kill=0 n_stop=0 n_restart=0
now_ms() { _jq_now_ms; }
resume_due() {
  local w now
  for w in "${!stopped_until[@]}"; do
    jq_now now
    if (( now >= stopped_until[$w] )); then
      stop_consumer "$w" CONT
      unset "stopped_until[$w]"
    fi
  done
}
t_start=$(now_ms)
t_end=$(( t_start + SOAK_S * 1000 ))
next_fault=$(( t_start + 2000 + RANDOM % 3000 ))
# (the loop reads the clock with jq_now and naps with jq_nap: a subshell or a sleep process
# per turn would cost more CPU than the turn itself)
jq_now now
while (( now < t_end )); do
  # batches evenly over the first 90 % of the window
  if (( next_batch < BATCHES && now >= t_start + next_batch * SOAK_S * 900 / BATCHES )); then
    submit_batch
  fi
  resume_due
  jq_now now
  if (( now >= next_fault )); then
    # a target among the workers that are not stopped, leaving at least one other one alone
    cands=()
    for w in "${W[@]}"; do [[ -z "${stopped_until[$w]:-}" ]] && cands+=("$w"); done
    if (( ${#cands[@]} >= 2 )); then
      w=${cands[RANDOM % ${#cands[@]}]}
      case $(( RANDOM % 3 )) in
        0) stop_consumer "$w" KILL >/dev/null || true
           start_consumer "$w" --worker-id "$w" --concurrency 8 >/dev/null
           n_kill=$((n_kill + 1)); note "$(( ($(now_ms) - t_start) / 1000 )) s: kill -9 $w, restarted" ;;
        1) stop_consumer "$w" STOP
           stopped_until[$w]=$(( $(now_ms) + 3000 + RANDOM % 2000 ))
           n_stop=$((n_stop + 1)); note "$(( ($(now_ms) - t_start) / 1000 )) s: SIGSTOP $w" ;;
        2) rc=0; stop_consumer "$w" TERM >/dev/null || rc=$?
           (( rc == 0 )) || fail "graceful stop of $w exited $rc"
           start_consumer "$w" --worker-id "$w" --concurrency 8 >/dev/null
           n_restart=$((n_restart + 1)); note "$(( ($(now_ms) - t_start) / 1000 )) s: graceful restart of $w" ;;
      esac
    fi
    jq_now now
    next_fault=$(( now + 2000 + RANDOM % 3000 ))
  fi
  jq_nap 0.1
  jq_now now
done
while (( next_batch < BATCHES )); do submit_batch; done
for w in "${!stopped_until[@]}"; do stop_consumer "$w" CONT; unset "stopped_until[$w]"; done
note "soak: fault window over after $(( ($(now_ms) - t_start) / 1000 )) s; $(state_counts)"

# ---- the end state
for w in "${W[@]}"; do
  check "$w is up and not stopped" bash -c "kill -0 $(pid_of "$w") && [[ \$(awk '{print \$3}' /proc/$(pid_of "$w")/stat) != T ]]"
done
check_eq "every batch was submitted" 0 "$submit_fail"
t0=$(now_ms)
wait_for 120 "every job is terminal" sql_is 0 \
  "select count(*) from jobs where status not in ('succeeded','failed','cancelled')" || note "soak: states $(state_counts)"
note "soak: all terminal $(( $(now_ms) - t0 )) ms after the fault window"

check_eq "$N jobs were submitted and saved" "$N|$N" "$submitted|$(sql "select count(*) from jobs")"
check_eq "none is running, queued or scheduled" 0 \
  "$(sql "select count(*) from jobs where status in ('running','queued','scheduled')")"
check_eq "each job has exactly one terminal transition" 0 "$(terminal_anomalies true)"
check_eq "none was cancelled" 0 "$(sql "select count(*) from jobs where status='cancelled'")"
check_eq "every failed job failed because its worker was lost" "" \
  "$(sql "select id || ': ' || coalesce(error, '(no error)') from jobs where status='failed'
          and coalesce(error, '') not like 'worker lost%' limit 5")"
check_eq "every attempt is in the history (claims + takeovers - releases at shutdown)" 0 "$(sql "
  select count(*) from jobs j where j.attempt <> (select count(*) filter (where e.to_status = 'running')
      - count(*) filter (where e.from_status = 'running' and e.to_status = 'queued' and e.reason like 'released at worker shutdown%')
    from job_events e where e.job_id = j.id)")"
check_eq "every failed job used all its attempts" 0 \
  "$(sql "select count(*) from jobs where status='failed' and attempt < max_attempts")"

read -r n_ok n_failed < <(sql "select count(*) filter (where status='succeeded'), count(*) filter (where status='failed') from jobs" | tr '|' ' ')
takeovers=$(sql "select count(*) from job_events where from_status = 'running' and to_status = 'running'")
reasons() { sql "select count(*) from job_events where from_status='running' and to_status in ('queued','failed') and reason like '$1%'"; }
note "soak: jobs $(sql "select count(*) from jobs"), succeeded $n_ok, failed $n_failed"
note "soak: faults injected $((n_kill + n_stop + n_restart)): kill -9 $n_kill, SIGSTOP/SIGCONT $n_stop, graceful restart $n_restart"
note "soak: takeovers $takeovers, leases reaped $(reasons 'lease expired'), requeued by a restarted worker $(reasons 'its worker restarted'), released at shutdown $(sql "select count(*) from job_events where reason like 'released at worker shutdown%'")"
note "soak: attempts $(sql "select string_agg(attempt || 'x' || n, ' ' order by attempt) from (select attempt, count(*) n from jobs group by 1) a")"
check "faults were injected" test $((n_kill + n_stop + n_restart)) -gt 0
# the story of (up to three) failed jobs, for whoever reads the log
for fid in $(sql "select id from jobs where status='failed' order by finished_at limit 3"); do
  note "soak: failed $fid: $(sql "select string_agg(coalesce(from_status, '(new)') || '>' || to_status || ' '
    || coalesce(worker_id, '-') || ' #' || attempt || coalesce(' (' || reason || ')', '') || ' @'
    || to_char(at, 'HH24:MI:SS.MS'), ', ' order by id) from job_events where job_id='$fid'"); error: $(sql "select error from jobs where id='$fid'")"
done

for w in "${W[@]}"; do
  check_status "$w drains and exits 0 on TERM" 0 stop_consumer "$w"
done
