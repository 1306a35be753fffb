#!/usr/bin/env bash
# test_recovery_kill9 — a worker killed with SIGKILL in the middle of its jobs (design §1.1,
# §1.2, §1.4, §6 "owner's database session gone"):
#  - two workers (--concurrency 50 each) run 50 `sleep {"seconds":3}` jobs; once all 50 run,
#    the worker that holds more of them gets `kill -9`;
#  - the broker redelivers its unacked jobs to the survivor, which finds the dead worker's
#    liveness lock free and takes each one over at once (attempt 2, no lease timeout);
#  - every job ends succeeded with exactly one terminal transition and exactly one
#    queued->running (a takeover keeps `running`); the victim's jobs finish under the survivor
#    (attempt 2, terminal event by the survivor), the survivor's own jobs ran once (attempt 1);
#  - no job ran under two owners at once: every taken-over job started after the kill;
#  - it prints p50/p99/max of (jobs.started_at of the takeover − kill time) and asserts that
#    the slowest takeover came within a second (guarantee 4: "well under a second").
source "$(dirname "$0")/lib.sh"
jq_setup recovery_kill9

N=50
check --fatal "migrate" jobq migrate
start_consumer k1 --worker-id k1 --concurrency 50
start_consumer k2 --worker-id k2 --concurrency 50
# both must be consuming before the jobs arrive, so the broker shares them out
two_consumers() { [[ "$(queue_stat jobq.default consumers)" == 2 ]]; }
wait_for 20 "both workers consume jobq.default" two_consumers

for ((i = 1; i <= N; i++)); do printf '{"type":"sleep","payload":{"seconds":3,"i":%d}}\n' "$i"; done >"$T/batch.jsonl"
check_status "submit --batch of $N sleep jobs exits 0" 0 timeout 30 "$JOBQ_BIN_DIR/jobq" submit --batch "$T/batch.jsonl"
wait_for 15 "all $N jobs running" sql_is "$N" "select count(*) from jobs where status='running'" || true
sql "select worker_id, count(*) from jobs where status='running' group by worker_id order by 1" >"$T/split"
note "running before the kill: $(tr '\n' ' ' <"$T/split")"

victim=$(sql "select worker_id from jobs where status='running' group by worker_id order by count(*) desc, worker_id limit 1")
survivor=$([[ "$victim" == k1 ]] && echo k2 || echo k1)
sql "create table victim_jobs as select id from jobs where status='running' and worker_id='$victim'"
nv=$(sql "select count(*) from victim_jobs")
note "victim $victim holds $nv jobs; survivor $survivor"
check "the victim holds jobs" test "$nv" -gt 0

vpid=$(pid_of "$victim")
t_kill=$(_jq_now_ms)
kill -KILL "$vpid"
# how long the kernel takes to tear the process down (its sockets close at the end of it)
while _jq_alive "$vpid" && (( $(_jq_now_ms) - t_kill < 5000 )); do :; done
note "the victim's process was gone $(( $(_jq_now_ms) - t_kill )) ms after SIGKILL"
wait_exit "$victim" 5 || true
check "the victim's process is gone" bash -c "! kill -0 $vpid 2>/dev/null"
check_eq "the victim died of SIGKILL (137)" 137 "${STATUS:-}"

# the taken-over jobs sleep 3 s again from the takeover
wait_for 30 "all $N jobs terminal" sql_is "$N" \
  "select count(*) from jobs where status in ('succeeded','failed','cancelled')" ||
  note "states: $(state_counts)"

check_eq "all $N jobs succeeded" "$N" "$(sql "select count(*) from jobs where status='succeeded'")"
check_eq "every job has exactly one terminal transition" 0 "$(terminal_anomalies)"
check_eq "every job has exactly one queued->running" 0 "$(sql "
  select count(*) from jobs j where (select count(*) from job_events e where e.job_id = j.id
    and e.from_status = 'queued' and e.to_status = 'running') <> 1")"
check_eq "no job went back to queued (no lease expired, no reaper)" 0 \
  "$(sql "select count(*) from job_events where from_status='running' and to_status='queued'")"

check_eq "the victim's $nv jobs: attempt 2, finished by $survivor" "$nv" "$(sql "
  select count(*) from jobs where id in (select id from victim_jobs)
    and status='succeeded' and attempt=2 and worker_id='$survivor'")"
check_eq "... and their terminal transition is $survivor's, attempt 2" "$nv" "$(sql "
  select count(*) from job_events where job_id in (select id from victim_jobs)
    and to_status='succeeded' and worker_id='$survivor' and attempt=2")"
check_eq "the survivor's own $((N - nv)) jobs ran once (attempt 1, $survivor)" "$((N - nv))" "$(sql "
  select count(*) from jobs where id not in (select id from victim_jobs)
    and status='succeeded' and attempt=1 and worker_id='$survivor'")"
# never two owners: each takeover began after the kill, and ran its full 3 s afterwards
check_eq "no taken-over job restarted before the kill" 0 "$(sql "
  select count(*) from jobs where id in (select id from victim_jobs)
    and extract(epoch from started_at) * 1000 < $t_kill")"
check_eq "each taken-over job ran its whole sleep after the takeover (>= 3 s)" 0 "$(sql "
  select count(*) from jobs where id in (select id from victim_jobs)
    and finished_at - started_at < interval '3 s'")"

read -r pmin p50 p99 pmax < <(sql "
  select round(min(ms))::int, round(percentile_cont(0.5) within group (order by ms))::int,
         round(percentile_cont(0.99) within group (order by ms))::int,
         round(max(ms))::int
  from (select extract(epoch from started_at) * 1000 - $t_kill as ms
        from jobs where id in (select id from victim_jobs)) x" | tr '|' ' ')
note "restart after kill -9 ($nv jobs taken over by $survivor): min ${pmin} ms, p50 ${p50} ms, p99 ${p99} ms, max ${pmax} ms"
check "every taken-over job restarted within 1 s of the kill (max ${pmax} ms)" test "${pmax:-99999}" -lt 1000
check "the survivor is still running" is_running "$survivor"
queue_empty() {
  [[ "$(mgmt_get queues/jobq.default | json_get '"%d %d" % (d.get("messages_unacknowledged", 0), d.get("messages_ready", 0))')" == "0 0" ]]
}
wait_for 10 "jobq.default: nothing left unacked or ready" queue_empty && _jq_ok "jobq.default: nothing left unacked or ready"
check_status "the survivor drains and exits 0 on TERM" 0 stop_consumer "$survivor"
