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
# Then two races (migration 0039): two takeovers of one job, both waiting for the limit row
# another session holds: exactly one takes the job, and only one token is spent; and the old
# owner's finish landing between the function and the takeover's UPDATE: it waits for the
# job's row, which the function locked after the limit rows (before 0039 it committed, the
# UPDATE changed no row, and the token was spent for nothing).
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

# ---- two takeovers of one job race (migrations 0035, 0039): both wait for the limit row
# another session holds; the one that gets it first takes the job and the token, the other
# re-reads the job after the lock, finds it taken, takes no token and changes no row. Each
# runs the shape of common/store_takeover.c's statement: the function in a materialized CTE,
# then the UPDATE that re-checks owner and lease token.
sql "update limits set tokens = 1, refilled_at = clock_timestamp() where scope = 'queue:tk'" >/dev/null
race_id=$(sql "insert into jobs (type, queue, status, worker_id, lease_token, attempt, started_at, lease_expires_at)
               values ('noop', 'tk', 'running', 'tw3', 5, 1, now(), now() - interval '1 minute') returning id")
take_sql() {  # NEW_WORKER: one takeover of race_id from tw3, token 5; prints its row if it took
  echo "with a as materialized (select jobq_limit_takeover('$race_id', 'tw3', 5, false) as ok)
        update jobs set worker_id = '$1', lease_token = lease_token + 1 from a
        where id = '$race_id' and status = 'running' and worker_id = 'tw3' and lease_token = 5
          and lease_expires_at < now()
        returning '$1', a.ok"
}
waits_sql() {  # APPNAME: the query of its session's wait_event_type:wait_event
  echo "select coalesce(wait_event_type, '') || ':' || coalesce(wait_event, '')
        from pg_stat_activity where application_name = '$1' and datname = current_database()"
}
( rc=0; PGAPPNAME=tk_hold _jq_psql "$_JQ_DB" -qc "BEGIN" \
    -c "SELECT 1 FROM limits WHERE scope = 'queue:tk' FOR UPDATE" \
    -c "SELECT pg_sleep(8)" -c "COMMIT" >/dev/null || rc=$?
  echo "$rc" >"$T/tk_hold.rc" ) &
wait_for 10 "a session holds the limit row" sql_is "Timeout:PgSleep" "$(waits_sql tk_hold)"
for s in tr1 tr2; do
  ( rc=0; PGAPPNAME=$s _jq_psql "$_JQ_DB" -c "$(take_sql "$s")" >"$T/$s.out" || rc=$?
    echo "$rc" >"$T/$s.rc" ) &
done
wait_for 10 "both takeovers wait for the limit row" sql_is 2 \
  "select count(*) from pg_stat_activity where application_name in ('tr1', 'tr2')
   and datname = current_database() and wait_event_type = 'Lock'"
wait_for 30 "the holder and both takeovers ended" \
  test -s "$T/tk_hold.rc" -a -s "$T/tr1.rc" -a -s "$T/tr2.rc"
check_eq "holder and takeovers exit 0" "0 0 0" \
  "$(cat "$T/tk_hold.rc") $(cat "$T/tr1.rc") $(cat "$T/tr2.rc")"
took=$(cat "$T/tr1.out" "$T/tr2.out" | grep -c . || true)
winner=$(cat "$T/tr1.out" "$T/tr2.out" | grep . | cut -d'|' -f1 || true)
check_eq "exactly one takeover changed the row, with a token" "1 t" \
  "$took $(cat "$T/tr1.out" "$T/tr2.out" | grep . | cut -d'|' -f2 || true)"
check_eq "the job runs under the winner with lease token 6" "$winner 6" \
  "$(sql "select worker_id, lease_token from jobs where id = '$race_id'" | tr '|' ' ')"
check_eq "one token spent" 0.00 "$(tk_tokens)"

# ---- the old owner's finish races the takeover (migration 0039): the takeover's re-check
# locks the job's row after the limit locks, so a finish that lands between the function
# and the takeover's UPDATE waits for the takeover's commit and then finds its lease token
# gone. Before 0039 the finish committed in that window: the UPDATE changed no row and the
# token was spent. Here the window is widened by a pause between the two statements.
sql "update limits set tokens = 1, refilled_at = clock_timestamp() where scope = 'queue:tk'" >/dev/null
fin_id=$(sql "insert into jobs (type, queue, status, worker_id, lease_token, attempt, started_at, lease_expires_at)
              values ('noop', 'tk', 'running', 'tw4', 7, 1, now(), now() + interval '1 hour') returning id")
( rc=0; PGAPPNAME=tk_take _jq_psql "$_JQ_DB" -c "BEGIN" \
    -c "SELECT jobq_limit_takeover('$fin_id', 'tw4', 7, true)" -c "SELECT pg_sleep(5)" \
    -c "UPDATE jobs SET worker_id = 'tw5', lease_token = lease_token + 1
        WHERE id = '$fin_id' AND status = 'running' AND worker_id = 'tw4' AND lease_token = 7
        RETURNING 'took'" -c "COMMIT" >"$T/tk_take.out" || rc=$?
  echo "$rc" >"$T/tk_take.rc" ) &
wait_for 10 "the takeover's function returned (its session pauses)" sql_is "Timeout:PgSleep" \
  "$(waits_sql tk_take)"
( rc=0; PGAPPNAME=tk_fin _jq_psql "$_JQ_DB" -c "UPDATE jobs SET status = 'succeeded', finished_at = now()
    WHERE id = '$fin_id' AND status = 'running' AND worker_id = 'tw4' AND lease_token = 7
    RETURNING 'finished'" >"$T/tk_fin.out" || rc=$?
  echo "$rc" >"$T/tk_fin.rc" ) &
wait_for 10 "the old owner's finish waits for the takeover's row lock" \
  sql_is "Lock:transactionid" "$(waits_sql tk_fin)"
wait_for 30 "the takeover and the finish ended" test -s "$T/tk_take.rc" -a -s "$T/tk_fin.rc"
check_eq "takeover and finish exit 0" "0 0" "$(cat "$T/tk_take.rc") $(cat "$T/tk_fin.rc")"
check "the takeover's UPDATE took the job" grep -qx took "$T/tk_take.out"
check "the finish changed no row (its lease token was gone)" test "$(grep -c finished "$T/tk_fin.out" || true)" -eq 0
check_eq "the job runs under tw5, lease token 8" "running tw5 8" \
  "$(sql "select status, worker_id, lease_token from jobs where id = '$fin_id'" | tr '|' ' ')"
check_eq "the token went to the takeover that happened" 0.00 "$(tk_tokens)"
