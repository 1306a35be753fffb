#!/usr/bin/env bash
# test_rate_limit — rate limits (docs/scheduling.md "Concurrency and rate limits"):
#  - bad input: --rate 0/s, 1.5/x, abc, a rate on list, `none` for the last part of a limit
#    exit 2 with one line naming the value; `set` keeps the part it is not given, `none`
#    clears one;
#  - the rate held: `limit set type:noop --rate 20/s`, 3 consumers × 16, 500 quick jobs
#    submitted at once, one consumer killed (kill -9) mid-run and restarted. From job_events
#    (a start: a move into running from another state; a takeover, running to running, is
#    not one), every 10 s window, slid by 0.5 s from the first start to the last one's
#    10 s before (the tail after the backlog ran out is left out), holds 180..220 starts;
#    each job succeeded once;
#  - --rate 30/m: consecutive starts of the scope at least 2 s apart (1.95 s allowed for the
#    clocks' rounding), and all of them start;
#  - `jobq queue list` (table and --json) shows a queue's limit and its held jobs;
#  - `limit rm` of a 1/m scope releases its held jobs at once (all succeed within 20 s,
#    where the rate would take minutes);
#  - from the rate/limit review (migration 0029), 3 consumers: keyed jobs under
#    `queue:kr --rate 10/s` (B's 5 jobs behind A's 150 start within 15 of A's, the express
#    queue delivers at most 165 messages for the 155 jobs, at most 26 starts in any 2 s); a
#    pause while jobs are rate-held (their lease tokens do not move, none starts, all run
#    after the resume); a job in two limited scopes (`queue:dq --rate 5/s` and
#    `type:sleep --max-running 2`: never more than 2 running in a 20 ms sampling, at most 13
#    starts in any 2 s); a rate raised while jobs are held (1/s to 50/s: all 30 run within
#    8 s).
source "$(dirname "$0")/lib.sh"
jq_setup rate_limit

N=500
# starts FILTER: the times of the starts (moves into running from another state) of the
# jobs j matching FILTER, as a subquery.
starts() {
  echo "select e.at from job_events e join jobs j on j.id = e.job_id where $1
        and e.to_status = 'running' and e.from_status is distinct from 'running'"
}

check --fatal "migrate" jobq migrate

# ---- bad input, and what set keeps
check_status "--rate 0/s exits 2" 2 jobq limit set type:noop --rate 0/s
check_eq "... one line naming it" 1 "$(grep -c "rate '0/s' is invalid" "$ERR_FILE" || true)"
check_eq "... and nothing else" 1 "$(wc -l <"$ERR_FILE")"
check_status "--rate 1.5/x exits 2" 2 jobq limit set type:noop --rate 1.5/x
check_eq "... one line naming it" 1 "$(grep -c "rate '1.5/x' is invalid" "$ERR_FILE" || true)"
check_status "--rate abc exits 2" 2 jobq limit set type:noop --rate abc
check_eq "... one line naming it" 1 "$(grep -c "rate 'abc' is invalid" "$ERR_FILE" || true)"
check_status "--rate 2000000/s exits 2" 2 jobq limit set type:noop --rate 2000000/s
check_status "--rate 0.000000000000000001/s exits 2 (the slowest is 0.0001/s)" 2 \
  jobq limit set type:noop --rate 0.000000000000000001/s
check_eq "... one line naming it" 1 "$(grep -c "is under 0.0001/s" "$ERR_FILE" || true)"
tiny=$(sql "select jobq_cli_limit_set('type:tiny', null, 0.000000000000000001)" 2>&1 || true)
check "the database refuses it too (jobq_cli_limit_set, migration 0028)" \
  grep -q "is not from 0.0001 to 1000000" <<<"$tiny"
check_eq "... and stores no limit" 0 "$(sql "select count(*) from limits where scope = 'type:tiny'")"
check_status "--rate on list exits 2" 2 jobq limit list --rate 5/s
check_status "--rate none on a new scope exits 2 (no limit left)" 2 jobq limit set type:noop --rate none
check_eq "... one line naming it" 1 "$(grep -c "would have no limit left" "$ERR_FILE" || true)"
check_eq "nothing was written by the bad calls" 0 "$(sql "select count(*) from limits")"
check_status "the SQL function refuses a rate of 0 too" 1 sql "select jobq_cli_limit_set('type:x', null, 0)"

check_status "set queue:k --max-running 3 exits 0" 0 jobq limit set queue:k --max-running 3
check_status "then --rate 5/s exits 0" 0 jobq limit set queue:k --rate 5/s
check "... it says both, with the burst" grep -q '^limit queue:k: at most 3 running, at most 5/s (burst 2.5)' "$OUT_FILE"
check_status "then --max-running none exits 0" 0 jobq limit set queue:k --max-running none --json
check_eq "... the rate alone is left" "null 5 2.5" "$(jq -r '"\(.max_running) \(.rate) \(.burst)"' "$OUT_FILE")"
check_status "--rate none now exits 2 (it is the last part)" 2 jobq limit set queue:k --rate none
check_status "--rate 90/m exits 0" 0 jobq limit set queue:k --rate 90/m
check_status "limit list exits 0" 0 jobq limit list
check "... it shows the rate (per second from 1/s) and a full bucket" \
  grep -Eq '^queue:k +- +1.5/s +1(\.00)? +0 +0 *$' "$OUT_FILE"
check_status "limit rm queue:k exits 0" 0 jobq limit rm queue:k

# ---- the rate held over every 10 s window, under kill -9
check_status "limit set type:noop --rate 20/s exits 0" 0 jobq limit set type:noop --rate 20/s
check "... it says so" grep -q '^limit type:noop: at most 20/s (burst 10)' "$OUT_FILE"
for w in c1 c2 c3; do
  start_consumer "$w" --worker-id "$w" --queues rate,slow,gone --concurrency 16
done
for ((i = 0; i < N; i++)); do echo '{"type":"noop","payload":{},"queue":"rate"}'; done >"$T/rate.jsonl"
check --fatal "submit $N jobs at once" jobq submit --batch "$T/rate.jsonl"
wait_for 30 "60 jobs started" sql_is t \
  "select count(*) >= 60 from jobs where queue = 'rate' and status = 'succeeded'"
check "jobs are held meanwhile (unpublished, waiting for a token)" sql_is t \
  "select count(*) > 0 from jobs where queue = 'rate' and publish_after = 'infinity' and published_at is null"
check_status "limit list --json exits 0" 0 jobq limit list --json
check "... it shows the rate and held jobs" \
  jq -e '.[] | select(.scope == "type:noop" and .rate == 20 and .burst == 10 and .held > 0)' "$OUT_FILE"
note "before the kill: $(sql "select count(*) from jobs where queue = 'rate' and status = 'succeeded'") done"
stop_consumer c1 KILL || true
start_consumer c1b --worker-id c1 --queues rate,slow,gone --concurrency 16
wait_for 90 "every job succeeded" sql_is "$N" \
  "select count(*) from jobs where queue = 'rate' and status = 'succeeded'"
check_eq "each job succeeded exactly once (job_events)" "$N 0" "$(sql "select count(*), count(*) filter (where n <> 1)
  from (select j.id, count(e.id) filter (where e.to_status = 'succeeded') n from jobs j
        left join job_events e on e.job_id = j.id where j.queue = 'rate' group by j.id) x" | tr '|' ' ')"
read -r windows lo hi bad span < <(sql "with s as ($(starts "j.queue = 'rate'")),
    b as (select min(at) t0, max(at) t1 from s),
    w as (select b.t0 + make_interval(secs => k * 0.5) ws from b, generate_series(0, 2000) k
          where b.t0 + make_interval(secs => k * 0.5 + 10) <= b.t1),
    c as (select (select count(*) from s where s.at >= w.ws and s.at < w.ws + interval '10 s') n
          from w)
  select count(*), min(n), max(n), count(*) filter (where n not between 180 and 220),
         (select round(extract(epoch from t1 - t0)::numeric, 1) from b)
  from c" | tr '|' ' ')
note "20/s: $windows windows of 10 s over ${span} s of starts, $lo..$hi starts each ($bad outside 180..220)"
check "more than 20 windows were measured" test "$windows" -gt 20
check "every 10 s window holds 180..220 starts" test "$bad" -eq 0
note "takeovers (running to running, not counted as starts): $(sql "select count(*) from job_events e
  join jobs j on j.id = e.job_id where j.queue = 'rate' and e.from_status = 'running' and e.to_status = 'running'")"
check_status "limit rm type:noop exits 0" 0 jobq limit rm type:noop

# ---- a rate per minute
check_status "limit set queue:slow --rate 30/m exits 0" 0 jobq limit set queue:slow --rate 30/m
check "... burst 1" grep -q '^limit queue:slow: at most 30/m (burst 1)' "$OUT_FILE"
for ((i = 0; i < 4; i++)); do echo '{"type":"noop","payload":{},"queue":"slow"}'; done >"$T/slow.jsonl"
check --fatal "submit 4 jobs" jobq submit --batch "$T/slow.jsonl"
wait_for 40 "all 4 succeeded" sql_is 4 "select count(*) from jobs where queue = 'slow' and status = 'succeeded'"
gap=$(sql "select round(min(d)::numeric, 3) from (select extract(epoch from at - lag(at) over (order by at)) d
           from ($(starts "j.queue = 'slow'")) s) x")
note "30/m: the shortest gap between two starts: $gap s"
check "consecutive starts at least 2 s apart (1.95 allowed)" sql_is t "select $gap >= 1.95"

# ---- limit rm releases rate-held jobs at once
check_status "limit set queue:gone --rate 1/m exits 0" 0 jobq limit set queue:gone --rate 1/m
for ((i = 0; i < 10; i++)); do echo '{"type":"noop","payload":{},"queue":"gone"}'; done >"$T/gone.jsonl"
check --fatal "submit 10 jobs" jobq submit --batch "$T/gone.jsonl"
wait_for 30 "9 are held (one started with the bucket's token)" sql_is 9 \
  "select count(*) from jobs where queue = 'gone' and publish_after = 'infinity' and published_at is null"
check_eq "one succeeded" 1 "$(sql "select count(*) from jobs where queue = 'gone' and status = 'succeeded'")"
check_status "limit set queue:gone --max-running 7 exits 0" 0 jobq limit set queue:gone --max-running 7
check_status "queue list exits 0" 0 jobq queue list
check "... it shows the queue's limit and its held jobs" \
  grep -Eq '^gone +0 +0 +9 +0 +no +- +- +max 7, 1/m +9 *$' "$OUT_FILE"
check_status "queue list --all --json exits 0 (queue rate has only finished jobs)" 0 jobq queue list --all --json
check_eq "... the same in JSON" "7 9 1" \
  "$(jq -r '.[] | select(.queue == "gone") | "\(.max_running) \(.held) \(.rate * 60 | round)"' "$OUT_FILE")"
check_eq "... and a queue without a limit shows none" "null null" \
  "$(jq -r '.[] | select(.queue == "rate") | "\(.max_running) \(.rate)"' "$OUT_FILE")"
check_status "limit rm queue:gone exits 0" 0 jobq limit rm queue:gone
wait_for 20 "all 10 succeeded after the removal (the rate would take 9 minutes)" sql_is 10 \
  "select count(*) from jobs where queue = 'gone' and status = 'succeeded'"

# ---- the rate/limit review's cases (migration 0029), 3 consumers on queues kr, pz, dq, rc
for w in d1 d2 d3; do
  start_consumer "$w" --worker-id "$w" --queues kr,pz,dq,rc --concurrency 8
done
acked_at_least() {  # QUEUE N: the broker's stats show at least N acks of QUEUE
  local a
  a=$(queue_deliveries "$1" | cut -d'|' -f3)
  [[ "${a:-0}" -ge "$2" ]]
}

# keyed jobs under a queue rate: the keyed release gives a key no more than the tokens
# (before: it ignored rates, the claims refused all but the tokens' worth, and the limit
# release handed the held jobs back oldest first, so B's jobs waited behind all of A's held
# ones, and most jobs were delivered two or three times).
check_status "limit set queue:kr --rate 10/s exits 0" 0 jobq limit set queue:kr --rate 10/s
# (150: A's backlog lasts 15 s at 10/s, so that it still remains after B's submit, whose
# CLI may take seconds to start on a loaded machine)
for ((i = 0; i < 150; i++)); do echo '{"type":"noop","payload":{},"queue":"kr","concurrency_key":"A"}'; done >"$T/kra.jsonl"
for ((i = 0; i < 5; i++)); do echo '{"type":"noop","payload":{},"queue":"kr","concurrency_key":"B"}'; done >"$T/krb.jsonl"
check --fatal "submit A's 150 keyed jobs to kr" jobq submit --batch "$T/kra.jsonl"
wait_for 30 "10 of A's started" sql_is t \
  "select count(*) >= 10 from jobs where queue = 'kr' and started_at is not null"
check --fatal "submit B's 5 keyed jobs to kr" jobq submit --batch "$T/krb.jsonl"
wait_for 90 "the 155 jobs of kr succeeded" sql_is 155 "select count(*) from jobs where queue = 'kr' and status = 'succeeded'"
read -r kr_between kr_after < <(sql "with b as (select min(created_at) b0, max(started_at) b1 from jobs
    where queue = 'kr' and concurrency_key = 'B')
  select count(*) filter (where j.started_at > b.b0 and j.started_at < b.b1),
         count(*) filter (where j.started_at > b.b1)
  from jobs j, b where j.queue = 'kr' and j.concurrency_key = 'A'" | tr '|' ' ')
wait_for 30 "jobq.kr.express acked the 155 (stats)" acked_at_least jobq.kr.express 155
kr_express=$(queue_deliveries jobq.kr.express)
note "keys + rate: A jobs started between B's submit and B's last start $kr_between, after $kr_after; jobq.kr.express delivered|redelivered|acked $kr_express"
check "B's 5 jobs started before 15 more of A's did ($kr_between)" test "${kr_between:-9999}" -lt 15
check "... while A's backlog remained (at least 20 after: $kr_after)" test "${kr_after:-0}" -ge 20
check "jobq.kr.express delivered at most 165 messages for the 155 jobs ($kr_express)" \
  test "$(cut -d'|' -f1 <<<"$kr_express")" -le 165
kr_max=$(sql "select max(n) from (select (select count(*) from ($(starts "j.queue = 'kr'")) s
    where s.at >= w.at and s.at < w.at + interval '2 s') n from ($(starts "j.queue = 'kr'")) w) x")
check "the rate held: at most 26 starts in any 2 s ($kr_max; 20 + the burst of 5 + 1)" test "${kr_max:-9999}" -le 26

# a pause while jobs are rate-held: the held jobs are left alone (before: the limit release
# kept releasing them to a paused queue, each delivery refused), and all run after the resume.
check_status "limit set queue:pz --rate 2/s exits 0" 0 jobq limit set queue:pz --rate 2/s
for ((i = 0; i < 12; i++)); do echo '{"type":"noop","payload":{},"queue":"pz"}'; done >"$T/pz.jsonl"
check --fatal "submit 12 jobs to pz" jobq submit --batch "$T/pz.jsonl"
wait_for 20 "some of pz are held" sql_is t \
  "select count(*) >= 5 from jobs where queue = 'pz' and publish_after = 'infinity' and published_at is null"
check_status "pause queue pz" 0 jobq queue pause pz --reason test
jq_nap 1
pz_tokens=$(sql "select sum(lease_token) from jobs where queue = 'pz'")
pz_started=$(sql "select count(*) from jobs where queue = 'pz' and started_at is not null")
jq_nap 3
check_eq "while paused, no held job of pz is released (lease tokens unchanged)" "$pz_tokens" \
  "$(sql "select sum(lease_token) from jobs where queue = 'pz'")"
check_eq "... and none started" "$pz_started" "$(sql "select count(*) from jobs where queue = 'pz' and started_at is not null")"
check_status "resume queue pz" 0 jobq queue resume pz
wait_for 30 "all 12 of pz succeeded after the resume" sql_is 12 \
  "select count(*) from jobs where queue = 'pz' and status = 'succeeded'"

# a job in two limited scopes: queue:dq --rate 5/s and type:sleep --max-running 2
check_status "limit set queue:dq --rate 5/s exits 0" 0 jobq limit set queue:dq --rate 5/s
check_status "limit set type:sleep --max-running 2 exits 0" 0 jobq limit set type:sleep --max-running 2
for ((i = 0; i < 20; i++)); do echo '{"type":"sleep","payload":{"seconds":0.3},"queue":"dq"}'; done >"$T/dq.jsonl"
# the running jobs of type sleep, sampled every 20 ms (a statement each, so each sees what
# committed; timestamps would not do: a claim's started_at is its start, before it waited
# for the limit's lock) until the 20 succeed, 15 s at most
sql "create table dq_peak (n bigint)" >/dev/null
( rc=0; sql "do \$\$ declare m bigint := 0; c bigint; begin
      for i in 1..750 loop
        select count(*) into c from jobs where type = 'sleep' and status = 'running';
        m := greatest(m, c);
        exit when (select count(*) from jobs where queue = 'dq' and status = 'succeeded') = 20;
        perform pg_sleep(0.02);
      end loop;
      insert into dq_peak values (m); end \$\$" >/dev/null || rc=$?; echo "$rc" >"$T/dq.rc" ) &
dq_sampler=$!
check --fatal "submit 20 sleep jobs to dq" jobq submit --batch "$T/dq.jsonl"
wait_for 40 "the 20 of dq succeeded" sql_is 20 "select count(*) from jobs where queue = 'dq' and status = 'succeeded'"
wait "$dq_sampler" || true
check_eq "the sampler ran" 0 "$(cat "$T/dq.rc")"
dq_peak=$(sql "select n from dq_peak")
note "dq: at most $dq_peak of type sleep running at once (sampled)"
check "never more than 2 of type sleep ran at once (${dq_peak:-?})" test "${dq_peak:-9}" -le 2
check "... and 2 did (0.3 s jobs, one start per 0.2 s)" test "${dq_peak:-0}" -eq 2
dq_max=$(sql "select max(n) from (select (select count(*) from ($(starts "j.queue = 'dq'")) s
    where s.at >= w.at and s.at < w.at + interval '2 s') n from ($(starts "j.queue = 'dq'")) w) x")
check "at most 13 starts in any 2 s ($dq_max; 10 + the burst of 2.5)" test "${dq_max:-9999}" -le 13
check_status "limit rm type:sleep exits 0" 0 jobq limit rm type:sleep

# a rate change while jobs are held: the new rate applies to them at once
check_status "limit set queue:rc --rate 1/s exits 0" 0 jobq limit set queue:rc --rate 1/s
for ((i = 0; i < 30; i++)); do echo '{"type":"noop","payload":{},"queue":"rc"}'; done >"$T/rc.jsonl"
check --fatal "submit 30 jobs to rc" jobq submit --batch "$T/rc.jsonl"
wait_for 20 "at least 20 of rc are held" sql_is t \
  "select count(*) >= 20 from jobs where queue = 'rc' and publish_after = 'infinity' and published_at is null"
check_status "limit set queue:rc --rate 50/s exits 0" 0 jobq limit set queue:rc --rate 50/s
wait_for 8 "all 30 of rc succeeded within 8 s (1/s would take over 20 s)" sql_is 30 \
  "select count(*) from jobs where queue = 'rc' and status = 'succeeded'"
