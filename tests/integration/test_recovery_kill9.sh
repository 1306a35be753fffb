#!/usr/bin/env bash
# test_recovery_kill9 — a worker killed with SIGKILL in the middle of its jobs (docs/design.md §1.1,
# §1.2, §1.4, §6 "owner's database session gone"):
#  - two workers (--concurrency 50 each) run 50 `sleep {"seconds":6}` jobs (long enough that
#    none has ended when the last is claimed, on a busy machine too); once all are claimed,
#    the worker that holds more of them gets `kill -9`;
#  - the broker redelivers its unacked jobs to the survivor, which finds the dead worker's
#    liveness lock free and takes each one over at once (attempt 2, no lease timeout);
#  - every job ends succeeded with exactly one terminal transition and exactly one
#    queued->running; each job the victim was running has exactly one takeover in its history
#    (running->running by the survivor, attempt 2, "taken over: owner's session gone") and
#    finishes under the survivor (terminal event by the survivor); every other job ran once;
#  - no job ran under two owners at once: every taken-over job started after the kill;
#  - it prints p50/p99/max of (time of the takeover event in job_events − kill time), also
#    counted from the moment the process was gone (guarantee 4: "well under a second" — a
#    figure, not asserted on a shared machine), and asserts that the slowest takeover came far
#    inside the 5-minute lease (JQ_TAKEOVER_MAX_MS, default 30000): recovery came from the
#    redelivery and the liveness probe, not from the reaper.
source "$(dirname "$0")/lib.sh"
jq_setup recovery_kill9

N=50
JOB_S=6
check --fatal "migrate" jobq migrate
start_consumer k1 --worker-id k1 --concurrency 50
start_consumer k2 --worker-id k2 --concurrency 50
# both must be consuming before the jobs arrive, so the broker shares them out
two_consumers() { [[ "$(queue_stat jobq.default consumers)" == 2 ]]; }
wait_for 20 "both workers consume jobq.default" two_consumers

for ((i = 1; i <= N; i++)); do printf '{"type":"sleep","payload":{"seconds":%d,"i":%d}}\n' "$JOB_S" "$i"; done >"$T/batch.jsonl"
check_status "submit --batch of $N sleep jobs exits 0" 0 timeout 30 "$JOBQ_BIN_DIR/jobq" submit --batch "$T/batch.jsonl"
# "once ~all are running": every job claimed (on a busy machine the first ones may end
# before the last one starts)
wait_for 30 "all $N jobs claimed" sql_is 0 "select count(*) from jobs where status='queued'" || true
victim=$(sql "select worker_id from jobs where status='running' group by worker_id order by count(*) desc, worker_id limit 1")
survivor=$([[ "$victim" == k1 ]] && echo k2 || echo k1)
vpid=$(pid_of "$victim")
# the victim's jobs, read right before the kill
sql "create table victim_jobs as select id from jobs where status='running' and worker_id='$victim'"
t_kill=$(_jq_now_ms)
kill -KILL "$vpid"
# how long the kernel takes to tear the process down (its sockets close at the end of it)
while _jq_alive "$vpid" && (( $(_jq_now_ms) - t_kill < 5000 )); do :; done
t_gone=$(_jq_now_ms)
note "the victim's process was gone $(( t_gone - t_kill )) ms after SIGKILL"
wait_exit "$victim" 5 || true
check "the victim's process is gone" bash -c "! kill -0 $vpid 2>/dev/null"
check_eq "the victim died of SIGKILL (137)" 137 "${STATUS:-}"
note "at the kill: $(sql "select count(*) from jobs where status='running'") running, $(sql "select count(*) from jobs where status='succeeded'") already done"
# A victim job may have ended in the moment between the read and the kill taking effect (its
# redelivery then finds it terminal): not taken over. It must have ended before the process
# was gone.
early=$(sql "select count(*) from jobs where id in (select id from victim_jobs) and worker_id='$victim'
             and status='succeeded' and attempt=1")
check_eq "no job of the victim ended after its process was gone" 0 "$(sql "select count(*) from jobs
  where worker_id='$victim' and finished_at is not null and extract(epoch from finished_at) * 1000 > $t_gone")"
sql "delete from victim_jobs where id in (select id from jobs where worker_id='$victim' and status='succeeded' and attempt=1)"
nv=$(sql "select count(*) from victim_jobs")
note "victim $victim was running $nv jobs at the kill ($early more had just ended); survivor $survivor"
check "the victim was running jobs" test "$nv" -gt 0

# the taken-over jobs sleep JOB_S again from the takeover
wait_for 30 "all $N jobs terminal" sql_is "$N" \
  "select count(*) from jobs where status in ('succeeded','failed','cancelled')" ||
  note "states: $(state_counts)"

check_eq "all $N jobs succeeded" "$N" "$(sql "select count(*) from jobs where status='succeeded'")"
check_eq "every job has exactly one terminal transition" 0 "$(terminal_anomalies true)"
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
check_eq "... each with exactly one takeover event (running->running, $survivor, attempt 2, owner's session gone)" "$nv" "$(sql "
  select count(*) from jobs j where id in (select id from victim_jobs)
    and (select count(*) from job_events e where e.job_id = j.id and e.from_status = 'running' and e.to_status = 'running') = 1
    and exists (select 1 from job_events e where e.job_id = j.id and e.from_status = 'running' and e.to_status = 'running'
                  and e.worker_id = '$survivor' and e.attempt = 2 and e.reason = 'taken over: owner''s session gone')")"
check_eq "no other job was taken over" 0 "$(sql "select count(*) from job_events where from_status = 'running'
  and to_status = 'running' and job_id not in (select id from victim_jobs)")"
check_eq "every other job ran once (attempt 1)" "$((N - nv))" "$(sql "
  select count(*) from jobs where id not in (select id from victim_jobs) and status='succeeded' and attempt=1")"
check_eq "... the survivor's jobs were not taken over" 0 "$(sql "
  select count(*) from jobs where worker_id='$survivor' and attempt <> 1 and id not in (select id from victim_jobs)")"
# never two owners: each takeover began after the kill, and ran its full JOB_S afterwards
check_eq "no taken-over job restarted before the kill" 0 "$(sql "
  select count(*) from jobs where id in (select id from victim_jobs)
    and extract(epoch from started_at) * 1000 < $t_kill")"
check_eq "each taken-over job ran its whole sleep after the takeover (>= $JOB_S s)" 0 "$(sql "
  select count(*) from jobs where id in (select id from victim_jobs)
    and finished_at - started_at < interval '$JOB_S s'")"

pct() {  # T0_MS -> "min p50 p99 max" of (takeover event − T0) over the taken-over jobs
  sql "select round(min(ms))::int, round(percentile_cont(0.5) within group (order by ms))::int,
              round(percentile_cont(0.99) within group (order by ms))::int, round(max(ms))::int
       from (select extract(epoch from at) * 1000 - $1 as ms from job_events
             where job_id in (select id from victim_jobs) and from_status = 'running' and to_status = 'running') x" | tr '|' ' '
}
read -r pmin p50 p99 pmax < <(pct "$t_kill")
note "restart after kill -9 ($nv jobs taken over by $survivor): min ${pmin} ms, p50 ${p50} ms, p99 ${p99} ms, max ${pmax} ms"
read -r gmin g50 g99 gmax < <(pct "$t_gone")
note "... counted from the moment the process was gone: min ${gmin} ms, p50 ${g50} ms, p99 ${g99} ms, max ${gmax} ms"
# Speed is measured (the notes above; bench/ for figures), not asserted: on a shared machine a
# timed assertion only measures the neighbours. The bound proves the mechanism: recovery came
# from the redelivery and the liveness probe, far inside the 5-minute lease the reaper would
# have waited for.
LIMIT=${JQ_TAKEOVER_MAX_MS:-30000}
check "every taken-over job restarted long before its lease (max ${pmax} ms < $LIMIT ms)" test "${pmax:-99999}" -lt "$LIMIT"
check "the survivor is still running" is_running "$survivor"
queue_empty() { queue_counts_are jobq.default "0|0"; }
wait_for 10 "jobq.default: nothing left unacked or ready" queue_empty && _jq_ok "jobq.default: nothing left unacked or ready"
check_status "the survivor drains and exits 0 on TERM" 0 stop_consumer "$survivor"
