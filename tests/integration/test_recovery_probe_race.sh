#!/usr/bin/env bash
# test_recovery_probe_race — the liveness probe of a dead worker must not be fooled by other
# probes of the same worker (docs/design.md §1.4, §6 "owner's database session gone"):
#  - after a crash every worker that receives a redelivery probes the dead owner's liveness
#    lock, many executors at once; the probe must say "dead" to each of them. Here a third
#    session runs the product's probe statement (jobq_store_worker_dead, common/store_worker.c:
#    is the owner's random lock key held by the session its row names) for the victim in a tight
#    loop, as a third worker reconciling its share would. (With the exclusive try used before
#    commit 8804fce, 3 to 6 of the victim's 10 jobs were acked as duplicates of a "live"
#    owner and left running until their lease expired.)
#  - two workers (--concurrency 20) run 20 `sleep {"seconds":4}` jobs; the one with more of
#    them gets `kill -9` while the prober runs;
#  - every job the victim was running must be taken over within a few seconds (none may be
#    acked as the duplicate of a live owner and left `running` under the dead worker until its
#    lease expires, 5 min by default), and all jobs end succeeded, once each.
source "$(dirname "$0")/lib.sh"
jq_setup recovery_probe_race

N=20
check --fatal "migrate" jobq migrate
start_consumer k1 --worker-id k1 --concurrency 20
start_consumer k2 --worker-id k2 --concurrency 20
two_consumers() { [[ "$(queue_stat jobq.default consumers)" == 2 ]]; }
wait_for 20 "both workers consume jobq.default" two_consumers

for ((i = 1; i <= N; i++)); do printf '{"type":"sleep","payload":{"seconds":4,"i":%d}}\n' "$i"; done >"$T/batch.jsonl"
check_status "submit --batch of $N sleep jobs exits 0" 0 timeout 30 "$JOBQ_BIN_DIR/jobq" submit --batch "$T/batch.jsonl"
wait_for 30 "all $N jobs claimed" sql_is 0 "select count(*) from jobs where status='queued'" || true
victim=$(sql "select worker_id from jobs where status='running' group by worker_id order by count(*) desc, worker_id limit 1")

# the product's probe (as in jobq_store_worker_dead), for the victim, in a loop (10 s)
cat >"$T/probe.sql" <<SQL
DO \$\$ DECLARE t0 timestamptz := clock_timestamp(); dead bool; BEGIN
  WHILE clock_timestamp() < t0 + interval '10 s' LOOP
    SELECT w.id IS NULL OR NOT jobq_lock_holder_alive(w.lock_key, w.backend_pid) INTO dead
    FROM (SELECT 1) one LEFT JOIN workers w ON w.id = '$victim';
  END LOOP;
END \$\$;
SQL
start_proc prober /usr/bin/psql -XAtq "$JOBQ_DATABASE_URL" -f "$T/probe.sql"
sleep 0.5
sql "create table victim_jobs as select id from jobs where status='running' and worker_id='$victim'"
kill -KILL "$(pid_of "$victim")"
wait_exit "$victim" 5 || true
nv=$(sql "select count(*) from victim_jobs")
note "victim $victim was running $nv jobs"

taken_over() {
  [[ "$(sql "select count(*) from jobs where id in (select id from victim_jobs)
               and not (status = 'running' and worker_id = '$victim')")" == "$nv" ]]
}
# (a few seconds when idle; 60 s on a loaded machine is still far from the 5 min lease that a
# job acked as a live owner's duplicate would wait for)
wait_for 60 "every job of the dead victim taken over, well before its lease (5 min)" taken_over ||
  note "left running under the dead $victim: $(sql "select count(*) from jobs where id in (select id from victim_jobs)
          and status = 'running' and worker_id = '$victim'") (acked as duplicates of a live owner)"
stop_proc prober TERM >/dev/null 2>&1 || true
wait_for 20 "all $N jobs terminal" sql_is "$N" \
  "select count(*) from jobs where status in ('succeeded','failed','cancelled')" || note "states: $(state_counts)"
check_eq "all $N jobs succeeded" "$N" "$(sql "select count(*) from jobs where status='succeeded'")"
check_eq "every job has exactly one terminal transition" 0 "$(terminal_anomalies true)"
