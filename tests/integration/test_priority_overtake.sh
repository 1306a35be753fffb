#!/usr/bin/env bash
# test_priority_overtake — issue 19's target for priorities: one priority-9 job submitted
# behind 10,000 queued priority-0 jobs, at 2 consumers x 16, starts before 300 more of the
# others finish (counted from the jobs' finished_at between the priority job's created_at and
# its started_at; the figure is printed). The priority-0 jobs sleep 10 ms each so that the
# backlog lasts; the priority job is submitted once 1,000 of them finished (both consumers
# busy), and the check that at least 1,000 were still to start when it started shows that it
# did overtake a backlog. No speed is asserted: the count is of jobs, not of milliseconds.
source "$(dirname "$0")/lib.sh"
jq_setup priority_overtake

check --fatal "migrate" jobq migrate
python3 - "$T/backlog.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(10000):
        f.write('{"type":"sleep","payload":{"seconds":0.01,"i":%d}}\n' % i)
PY
check_status "submit 10,000 priority-0 jobs" 0 jobq submit --batch "$T/backlog.jsonl"
check_eq "10,000 queued" 10000 "$(sql "select count(*) from jobs where status = 'queued' and priority = 0")"

start_consumer w1 --worker-id w1 --concurrency 16
start_consumer w2 --worker-id w2 --concurrency 16
wait_for 120 "1,000 finished" sql_is t "select count(*) >= 1000 from jobs where status = 'succeeded'"
check_status "submit one priority-9 job" 0 jobq submit sleep '{"seconds":0.01}' --priority 9
pid9=$(sed -n 1p <<<"$OUT")
wait_for 60 "the priority job succeeded" sql_is succeeded \
  "select status from jobs where id = '${pid9:-00000000-0000-0000-0000-000000000000}'"

overtaken=$(sql "select count(*) from jobs j, jobs p where p.id = '$pid9' and j.priority = 0
                 and j.finished_at > p.created_at and j.finished_at < p.started_at")
behind=$(sql "select count(*) from jobs j, jobs p where p.id = '$pid9' and j.priority = 0
              and (j.started_at is null or j.started_at > p.started_at)")
wait_ms=$(sql "select round(extract(epoch from started_at - created_at) * 1000) from jobs where id = '$pid9'")
note "priority overtake: $overtaken priority-0 jobs finished between the priority-9 job's submit and its start (${wait_ms} ms); $behind were still to start"
check "fewer than 300 priority-0 jobs finished before it started ($overtaken)" test "${overtaken:-9999}" -lt 300
check "it overtook a backlog: at least 1,000 still to start ($behind)" test "${behind:-0}" -ge 1000
wait_for 180 "the backlog drained" sql_is 10001 "select count(*) from jobs where status = 'succeeded'"
check_eq "each ran once" 0 "$(terminal_anomalies true)"
