#!/usr/bin/env bash
# test_rate_takeover — a takeover is a start, and takes a rate token (migration 0030,
# docs/scheduling.md "Concurrency and rate limits"): `limit set queue:rt --rate 5/s`
# (burst 2.5), 3 consumers × 24, 200 jobs of 8 s submitted at once (about 40 run at a time,
# 13 or so on each consumer). Once 60 have started, one consumer is killed (kill -9); the
# others take its jobs over (running → running, a new attempt) or, without a token, hold
# them for the limit release. From job_events, a start is any move into running, a takeover
# included; every 10 s window, slid by 0.5 s from the first start to the last one's 10 s
# before, holds at most 55 starts (5/s × 10 s + the burst, +10 %). Before the takeover took
# tokens, the killed consumer's jobs restarted at once on top of the rate (about 63 in the
# window of the kill). Each job succeeded exactly once; some jobs ran a second attempt (the
# kill hit running jobs).
# Then, in SQL, jobq_limit_takeover(id, worker, token, owner_dead) (migration 0035): a call
# for a job that no longer qualifies (finished, or taken over by another worker, or with
# another lease token) returns true and leaves the bucket as it was; one that qualifies
# takes the token, and the next finds none.
source "$(dirname "$0")/lib.sh"
jq_setup rate_takeover

N=200
MAX=55

check --fatal "migrate" jobq migrate
check_status "limit set queue:rt --rate 5/s exits 0" 0 jobq limit set queue:rt --rate 5/s
for w in c1 c2 c3; do
  start_consumer "$w" --worker-id "$w" --queues rt --concurrency 24
done
for ((i = 0; i < N; i++)); do echo '{"type":"sleep","payload":{"seconds":8},"queue":"rt"}'; done >"$T/rt.jsonl"
check --fatal "submit $N jobs at once" jobq submit --batch "$T/rt.jsonl"
wait_for 60 "60 jobs started" sql_is t \
  "select count(*) >= 60 from jobs where queue = 'rt' and started_at is not null"
wait_for 20 "c1 runs at least 8 jobs" sql_is t \
  "select count(*) >= 8 from jobs where queue = 'rt' and status = 'running' and worker_id = 'c1'"
lost=$(sql "select count(*) from jobs where queue = 'rt' and status = 'running' and worker_id = 'c1'")
note "killing c1 with $lost running jobs"
stop_consumer c1 KILL || true
wait_for 150 "every job succeeded" sql_is "$N" \
  "select count(*) from jobs where queue = 'rt' and status = 'succeeded'"
check_eq "each job succeeded exactly once (job_events)" "$N 0" "$(sql "select count(*), count(*) filter (where n <> 1)
  from (select j.id, count(e.id) filter (where e.to_status = 'succeeded') n from jobs j
        left join job_events e on e.job_id = j.id where j.queue = 'rt' group by j.id) x" | tr '|' ' ')"
again=$(sql "select count(*) from jobs where queue = 'rt' and attempt > 1")
check "the killed consumer's jobs ran again ($again with a second attempt)" test "$again" -ge 5
takeovers=$(sql "select count(*) from job_events e join jobs j on j.id = e.job_id
  where j.queue = 'rt' and e.from_status = 'running' and e.to_status = 'running'")
held=$(sql "select count(*) from job_events e join jobs j on j.id = e.job_id
  where j.queue = 'rt' and e.reason = 'held: owner lost; no rate token to restart'")
note "after the kill: $takeovers takeovers with a token, $held held for want of one"
read -r windows lo hi bad span < <(sql "with s as (
      select e.at from job_events e join jobs j on j.id = e.job_id
      where j.queue = 'rt' and e.to_status = 'running'),
    b as (select min(at) t0, max(at) t1 from s),
    w as (select b.t0 + make_interval(secs => k * 0.5) ws from b, generate_series(0, 2000) k
          where b.t0 + make_interval(secs => k * 0.5 + 10) <= b.t1),
    c as (select (select count(*) from s where s.at >= w.ws and s.at < w.ws + interval '10 s') n
          from w)
  select count(*), min(n), max(n), count(*) filter (where n > $MAX),
         (select round(extract(epoch from t1 - t0)::numeric, 1) from b)
  from c" | tr '|' ' ')
note "5/s with takeovers counted: $windows windows of 10 s over ${span} s, $lo..$hi starts each"
check "more than 20 windows were measured" test "$windows" -gt 20
check "every 10 s window holds at most $MAX starts, takeovers included ($bad over)" test "$bad" -eq 0

# ---- the takeover's token function re-checks the job after its locks (migration 0035);
# the consumers are stopped first, so that no reaper touches the rows staged here
stop_consumer c2 TERM || true
stop_consumer c3 TERM || true
check_status "limit set queue:tk --rate 0.006/m exits 0" 0 jobq limit set queue:tk --rate 0.006/m
sql "update limits set tokens = 1, refilled_at = clock_timestamp() where scope = 'queue:tk'" >/dev/null
tk_tokens() { sql "select round(jobq_limit_tokens(rate, tokens, refilled_at, clock_timestamp())::numeric, 2)
                   from limits where scope = 'queue:tk'"; }
check_eq "the bucket holds 1 token" 1.00 "$(tk_tokens)"
done_id=$(sql "insert into jobs (type, queue, status, worker_id, lease_token, attempt, started_at, finished_at)
               values ('noop', 'tk', 'succeeded', 'tw1', 3, 1, now(), now()) returning id")
run_id=$(sql "insert into jobs (type, queue, status, worker_id, lease_token, attempt, started_at, lease_expires_at)
              values ('noop', 'tk', 'running', 'tw2', 3, 1, now(), now() + interval '1 hour') returning id")
check_eq "a finished job: true, no token" "t 1.00" \
  "$(sql "select jobq_limit_takeover('$done_id', 'tw1', 3, true)") $(tk_tokens)"
check_eq "a job running under another worker: true, no token" "t 1.00" \
  "$(sql "select jobq_limit_takeover('$run_id', 'tw1', 3, true)") $(tk_tokens)"
check_eq "a job with another lease token: true, no token" "t 1.00" \
  "$(sql "select jobq_limit_takeover('$run_id', 'tw2', 2, true)") $(tk_tokens)"
check_eq "a lease not expired, owner not known dead: true, no token" "t 1.00" \
  "$(sql "select jobq_limit_takeover('$run_id', 'tw2', 3, false)") $(tk_tokens)"
check_eq "the job that qualifies takes the token" "t 0.00" \
  "$(sql "select jobq_limit_takeover('$run_id', 'tw2', 3, true)") $(tk_tokens)"
check_eq "the next call finds no token: false" "f 0.00" \
  "$(sql "select jobq_limit_takeover('$run_id', 'tw2', 3, true)") $(tk_tokens)"
