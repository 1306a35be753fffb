#!/usr/bin/env bash
# test_deps_handoff — the jobs an end releases are handed to the releasing consumer's relay
# (migration 0060), which publishes them without taking them, and are published by any
# relay once the grace has passed if that consumer dies first:
#  - a root and 1,200 jobs after it (more than a read of 500: the relay reads the instant
#    again after each full batch), run by one consumer: every dependent succeeds once, with
#    the lease token of a job nobody took (claim and finish: 2, as a job the CLI published;
#    the relay's take raises it once more), and its publish came before the instant it was
#    handed with (publish_after: the release's time plus the grace);
#  - the same graph with a consumer that dies (fault point relay_handed) right after its
#    relay was handed the release, before it published anything: the root stays succeeded,
#    and the 300 dependents are published by another consumer's relay once the grace (2 s)
#    has passed (not before), and each runs exactly once;
#  - the release setting (jobq.release_grace_ms) is honoured only for the owner of jobs or
#    a member of jobq_consumer, and only with a grace of 100 ms to 60 s: the CLI's role
#    cancelling a job with its session set to hand off, and the owner with a grace of 50 ms,
#    queue the released jobs for any relay at once (publish_after = now); the owner with a
#    grace of 2 s hands them (publish_after 2 s on).
source "$(dirname "$0")/lib.sh"
jq_setup deps_handoff

check --fatal "migrate" jobq migrate
export JOBQ_RELAY_GRACE=2s

# graph FILE QUEUE N — a root and N noop jobs after it, in QUEUE
graph() {
  {
    echo "{\"type\": \"noop\", \"queue\": \"$2\", \"ref\": \"root\"}"
    for ((i = 1; i <= $3; i++)); do
      echo "{\"type\": \"noop\", \"queue\": \"$2\", \"after\": \"root\", \"payload\": {\"i\": $i}}"
    done
  } >"$1"
}

# ---------------------------------------------------------------- handed and published
graph "$T/g1.jsonl" h1 1200
check_status "submit a root and 1,200 jobs after it" 0 jobq submit --batch "$T/g1.jsonl"
root1=$(sed -n 1p <<<"$OUT")
check_status "a plain job in the same queue" 0 jobq submit noop --queue h1
plain1=$(sed -n 1p <<<"$OUT")
start_consumer w1 --worker-id ho1 --queues h1 --concurrency 8
wait_for 90 "the 1,202 jobs succeed" sql_is 1202 \
  "select count(*) from jobs where queue = 'h1' and status = 'succeeded'" || true
check_eq "the plain job ends with lease token 2 (claim, finish)" 2 \
  "$(sql "select lease_token from jobs where id = '${plain1:-00000000-0000-0000-0000-000000000000}'")"
check_eq "every dependent ran once and ends with token 2: none was taken" "1200|1200" \
  "$(sql "select count(*) filter (where attempt = 1), count(*) filter (where lease_token = 2)
          from jobs where queue = 'h1' and has_dependencies")"
check_eq "each was published before its publish_after, the grace after the root's end (a take gives the same: the tokens above tell the two apart)" 1200 \
  "$(sql "select count(*) from jobs j where queue = 'h1' and has_dependencies
          and j.published_at < j.publish_after
          and j.publish_after >= (select r.finished_at from jobs r where r.id = '${root1:-00000000-0000-0000-0000-000000000000}') + interval '1.9 s'")"
check_eq "each ran once (one claim)" 1200 \
  "$(sql "select count(*) from jobs j where queue = 'h1' and has_dependencies
          and (select count(*) from job_events e where e.job_id = j.id and e.to_status = 'running') = 1")"
stop_consumer w1

# ---------------------------------------------------------------- the releaser dies
probe=0
env JOBQ_FAULT=submit_after_insert "$JOBQ_BIN_DIR/jobq" submit noop '{}' --queue probe </dev/null >/dev/null 2>&1 || probe=$?
if [[ "$probe" != 86 ]]; then
  note "SKIP the crash: this build has no fault points (-DJOBQ_FAULT_POINTS=OFF; scripts/check builds with them)"
else
  graph "$T/g2.jsonl" h2 300
  check_status "submit another root and 300 jobs after it" 0 jobq submit --batch "$T/g2.jsonl"
  root2=$(sed -n 1p <<<"$OUT")
  JOBQ_FAULT=relay_handed start_consumer w2 --worker-id ho2 --queues h2 --concurrency 8
  check "the consumer dies when its relay would publish what the root released (exit 86)" \
    wait_exit w2 30
  check_eq "... with exit status 86" 86 "${STATUS:-x}"
  check_eq "the root succeeded and its 300 dependents are queued, unpublished" "succeeded|300" \
    "$(sql "select (select status from jobs where id = '${root2:-00000000-0000-0000-0000-000000000000}'),
                   count(*) from jobs where queue = 'h2' and has_dependencies
                   and status = 'queued' and published_at is null")"
  check_eq "... handed: their publish_after is the root's end plus the grace" 300 \
    "$(sql "select count(*) from jobs j where queue = 'h2' and has_dependencies
            and j.publish_after = (select r.finished_at from jobs r
                                   where r.id = '${root2:-00000000-0000-0000-0000-000000000000}') + interval '2 s'")"
  start_consumer w3 --worker-id ho3 --queues h2 --concurrency 8
  wait_for 60 "another consumer runs the 300" sql_is 300 \
    "select count(*) from jobs where queue = 'h2' and has_dependencies and status = 'succeeded'" || true
  check_eq "each ran exactly once, on the other consumer" "300|300" \
    "$(sql "select count(*) filter (where attempt = 1), count(*) filter (where worker_id = 'ho3')
            from jobs where queue = 'h2' and has_dependencies")"
  check_eq "none was claimed before the grace (2 s) had passed since the root's end" 0 \
    "$(sql "select count(*) from jobs j join job_events e on e.job_id = j.id and e.to_status = 'running'
            where j.queue = 'h2' and j.has_dependencies
            and e.at < (select r.finished_at from jobs r where r.id = '${root2:-00000000-0000-0000-0000-000000000000}') + interval '1.9 s'")"
  stop_consumer w3
fi

# ---------------------------------------------------------------- who may hand off
# release ROOT_SQL_URL_SETTING... helpers: a root with one job after any end of it, in
# queue Q (no consumer there)
pair() {
  printf '{"type": "noop", "queue": "%s", "ref": "r"}\n{"type": "noop", "queue": "%s", "after_any": "r"}\n' "$1" "$1" >"$T/pair.jsonl"
  jobq submit --batch "$T/pair.jsonl"
}
# lag Q — ms from the root's end to its dependent's publish_after
lag() {
  sql "select round(extract(epoch from d.publish_after - r.finished_at) * 1000)
       from jobs r join job_deps e on e.dep_id = r.id join jobs d on d.id = e.job_id
       where r.queue = '$1' and d.status = 'queued'"
}
mapfile -t p <<<"$(pair hc)"
cli_url="postgresql://jobq_cli:jobq_cli@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB?options=-c%20jobq.release_grace_ms%3D2000"
check_status "the CLI's role cancels a root with its session set to hand off" 0 \
  env JOBQ_DATABASE_URL="$cli_url" "$JOBQ_BIN_DIR/jobq" cancel "${p[0]:-x}"
check "... its dependent is queued for any relay at once (publish_after $(lag hc) ms after)" \
  test "$(lag hc)" -lt 1000

mapfile -t p <<<"$(pair hs)"
sql "begin; select set_config('jobq.release_grace_ms', '50', true);
     update jobs set status = 'cancelled', finished_at = now() where id = '${p[0]:-00000000-0000-0000-0000-000000000000}';
     commit" >/dev/null
check "the owner with a grace of 50 ms: queued at once ($(lag hs) ms after)" test "$(lag hs)" -lt 1000

mapfile -t p <<<"$(pair ho)"
sql "begin; select set_config('jobq.release_grace_ms', '2000', true);
     update jobs set status = 'cancelled', finished_at = now() where id = '${p[0]:-00000000-0000-0000-0000-000000000000}';
     commit" >/dev/null
check_eq "the owner with a grace of 2 s: handed, publish_after 2 s after the end" 2000 "$(lag ho)"

