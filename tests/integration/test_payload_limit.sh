#!/usr/bin/env bash
# test_payload_limit — the payload limit holds whoever writes the row, and a row over it
# never blocks other work:
#  A. the database refuses a 5 MB payload inserted directly (psql), set by an UPDATE of
#     payload, or submitted by a CLI whose max_payload allows it: SQLSTATE 23514, one line
#     naming the sizes and jobs_payload_size (the trigger of migration 0009);
#  B. a consumer whose max_payload (1024) is below a job's payload (within the database's
#     ceiling) fails the job permanently at attempt 1 with "payload of N bytes exceeds
#     max_payload 1024", without running its handler; a small job on the same consumer
#     still succeeds;
#  C. the migration applies to a database that already holds over-size rows: a finished
#     one stays; a running one fails and a queued one is cancelled, with the sizes, and
#     the history records both;
#  D. over-size rows written past the trigger (disabled by the owner) block nothing: an
#     UPDATE of their other columns lands, a cancel naming one with a small job cancels
#     both, and the reaper and the relay, whose statements take several rows with the
#     over-size one first, still hand back and publish the small jobs next to them (a CHECK
#     constraint, evaluated at every UPDATE of a row, failed all of these);
#  E. a worker allowed larger payloads claims, heartbeats and finishes an over-size job
#     and a small one together.
source "$(dirname "$0")/lib.sh"
jq_setup payload_limit

J="$JOBQ_BIN_DIR/jobq"
SRC=$(_jq_src_dir)
cat >"$T/jobq.conf" <<CONF
handlers = (
  { type = "marker"; command = [ "/bin/sh", "-c", "touch '$T/ran'; cat" ]; },
  { type = "plain"; command = [ "/bin/cat" ]; },
  { type = "slow"; command = [ "/bin/sh", "-c", "cat >/dev/null; sleep 10" ]; }
);
CONF
big_payload() { _jq_py -c "import sys; sys.stdout.write('{\"s\": \"' + 'x' * $1 + '\"}')"; }

# ---- C first: apply every migration before the payload limit, add 5 MB rows, then the rest
mkdir "$T/mig"
for f in "$SRC"/migrations/*.sql; do
  [[ "$(basename "$f")" < "0009_" ]] && cp "$f" "$T/mig/"   # by name: 0001_ ... 0008_
done
check --fatal "migrate up to (not including) 0009" env JOBQ_MIGRATIONS_DIR="$T/mig" "$J" migrate
BIG="jsonb_build_object('s', repeat('x', 5000000))"
BIG_N=$(sql "select octet_length($BIG::text)")
check --fatal "insert 5 MB payloads before the limit exists (succeeded, running, queued)" \
  sql "insert into jobs (type, status, payload, attempt, worker_id, lease_expires_at, started_at, published_at)
       values ('old', 'succeeded', $BIG, 1, null, null, now(), now()),
              ('oldrun', 'running', $BIG, 1, 'gone', now() + interval '1 hour', now(), now()),
              ('oldq', 'queued', $BIG, 0, null, null, null, null)"
rm -r "$T/mig"
check_status "C: migrate applies 0009 over the old over-size rows" 0 "$J" migrate
check_eq "C: the finished row stays" "succeeded" "$(sql "select status from jobs where type='old'")"
msg="payload of $BIG_N bytes exceeds the database ceiling of 4194304 bytes (jobs_payload_size)"
check_eq "C: the running row failed, released, with the sizes" \
  "failed|payload over the database ceiling (migration 0009)|$msg|||true" \
  "$(sql "select status || '|' || status_reason || '|' || error || '|' || coalesce(worker_id, '')
          || '|' || coalesce(lease_expires_at::text, '') || '|' || (finished_at is not null)
          from jobs where type='oldrun'")"
check_eq "C: the queued row is cancelled, with the sizes" "cancelled|$msg|true" \
  "$(sql "select status || '|' || error || '|' || (finished_at is not null) from jobs where type='oldq'")"
check_eq "C: the history records running -> failed and queued -> cancelled" \
  "oldq:queued>cancelled|oldrun:running>failed" \
  "$(sql "select string_agg(j.type || ':' || e.from_status || '>' || e.to_status, '|' order by j.type)
          from job_events e join jobs j on j.id = e.job_id
          where e.reason = 'payload over the database ceiling (migration 0009)'")"
check_eq "C: a trigger, no CHECK constraint" "1|0" \
  "$(sql "select (select count(*) from pg_trigger where tgname = 'jobs_payload_size_trigger'
                  and tgrelid = 'jobs'::regclass) || '|' ||
                 (select count(*) from pg_constraint where conname = 'jobs_payload_size')")"

# ---- A: the database's ceiling
check_status "A: psql insert of a 5 MB payload is refused" nonzero \
  _jq_psql "$TEST_DB" -v VERBOSITY=verbose -c \
  "insert into jobs (type, status, payload) values ('echo', 'queued', $BIG)"
check "A: ... with SQLSTATE 23514 and the sizes" grep -q "23514: $msg" "$ERR_FILE"
small=$(sql "insert into jobs (type, status, payload) values ('echo', 'succeeded', '{}') returning id")
check_status "A: an UPDATE setting a 5 MB payload is refused" nonzero \
  _jq_psql "$TEST_DB" -c "update jobs set payload = $BIG where id = '$small'"
check "A: ... by jobs_payload_size" grep -q "$msg" "$ERR_FILE"
sql "delete from jobs where id = '$small'" >/dev/null
big_payload 5000000 >"$T/big.json"
check_status "A: a CLI with max_payload 8 MiB submitting 5 MB is refused" nonzero \
  env JOBQ_MAX_PAYLOAD=8388608 "$J" submit echo --payload-file "$T/big.json"
check_eq "A: ... with one line on stderr" 1 "$(wc -l <"$ERR_FILE")"
check "A: ... naming the constraint" grep -q "jobs_payload_size" "$ERR_FILE"
check_eq "A: no such job in the table" 0 "$(sql "select count(*) from jobs where type='echo'")"

# ---- B: the consumer's own max_payload
JOBQ_MAX_PAYLOAD=1024 start_consumer w1 --worker-id w1 --concurrency 2
big_payload 2000 >"$T/mid.json"
id=$("$J" submit marker --payload-file "$T/mid.json" --max-attempts 3)
n=$(sql "select octet_length(payload::text) from jobs where id='$id'")
wait_for 15 "B: the job ended" sql_is failed "select status from jobs where id='$id'" || true
check_eq "B: failed permanently at attempt 1 with the sizes" \
  "failed|1|payload of $n bytes exceeds max_payload 1024" \
  "$(sql "select status || '|' || attempt || '|' || error from jobs where id='$id'")"
check "B: its handler never ran" test ! -e "$T/ran"
check_status "B: a small job on the same consumer succeeds" 0 \
  timeout 20 "$J" submit marker '{"small":1}' --wait
check "B: ... and its handler ran" test -e "$T/ran"

# ---- D: over-size rows written past the trigger block nothing
# The owner lifts the limit to write them. A schema whose 0009 is the earlier CHECK
# constraint is handled too, so that this part shows what that form broke.
has_trigger=$(sql "select count(*) from pg_trigger where tgname = 'jobs_payload_size_trigger'")
limit() {  # off | on
  if [[ $has_trigger == 1 ]]; then
    local verb=enable; [[ $1 == off ]] && verb=disable
    sql "alter table jobs $verb trigger jobs_payload_size_trigger"
  elif [[ $1 == off ]]; then
    sql "alter table jobs drop constraint jobs_payload_size"
  else
    sql "alter table jobs add constraint jobs_payload_size
         check (octet_length(payload::text) <= 4194304) not valid"
  fi
}
check --fatal "the owner lifts the limit" limit off
# Leases expired a minute ago (the over-size row first in the reaper's order), publish due.
ids=$(sql "insert into jobs (type, status, payload, attempt, max_attempts, worker_id,
             lease_expires_at, heartbeat_at, started_at, published_at, publish_after, run_after)
           values ('plain', 'running', $BIG, 1, 3, 'gone', now() - interval '2 min', now(), now(), now(), now(), now()),
                  ('plain', 'running', '{\"n\": 1}', 1, 3, 'gone', now() - interval '1 min', now(), now(), now(), now(), now()),
                  ('plain', 'queued', $BIG, 0, 3, null, null, null, null, null, now() - interval '2 min', now()),
                  ('plain', 'queued', '{\"n\": 2}', 0, 3, null, null, null, null, null, now() - interval '1 min', now()),
                  ('plain', 'scheduled', $BIG, 0, 3, null, null, null, null, null, now() + interval '1 day', now() + interval '1 day'),
                  ('plain', 'scheduled', '{\"n\": 3}', 0, 3, null, null, null, null, null, now() + interval '1 day', now() + interval '1 day')
           returning id")
check --fatal "the owner puts the limit back" limit on
mapfile -t D <<<"$ids"
check_status "D: an UPDATE of another column of an over-size row lands" 0 \
  sql "update jobs set job_metadata = '{\"note\": 1}' where id = '${D[2]}'"
check_status "D: cancel of an over-size job with a small one" 0 "$J" cancel "${D[4]}" "${D[5]}"
check_eq "D: ... cancels both" "cancelled|cancelled" \
  "$(sql "select string_agg(status, '|') from jobs where id in ('${D[4]}', '${D[5]}')")"
wait_for 30 "D: the reaper and the relay moved the small jobs" \
  sql_is "succeeded|succeeded" "select string_agg(status, '|' order by payload::text)
                                  from jobs where id in ('${D[1]}', '${D[3]}')" || true
check_eq "D: the small expired and unpublished jobs both succeeded" "succeeded|succeeded" \
  "$(sql "select string_agg(status, '|' order by payload::text) from jobs where id in ('${D[1]}', '${D[3]}')")"
wait_for 30 "D: the over-size jobs ended" \
  sql_is "failed|failed" "select string_agg(status, '|') from jobs where id in ('${D[0]}', '${D[2]}')" || true
check_eq "D: the over-size ones were handed back, published, claimed and failed by the consumer" \
  "failed|payload of $BIG_N bytes exceeds max_payload 1024" \
  "$(sql "select string_agg(distinct status || '|' || error, ',') from jobs where id in ('${D[0]}', '${D[2]}')")"

check_status "consumer stops cleanly on TERM" 0 stop_consumer w1

# ---- E: a worker that holds an over-size job (its max_payload allows 8 MiB) keeps its
# leases: its one heartbeat statement covers that job and a small one, for 10 s each, with
# a lease of 8 s renewed every 300 ms.
check --fatal "the owner lifts the limit" limit off
ids=$(sql "insert into jobs (type, status, payload, publish_after)
           values ('slow', 'queued', $BIG, now() - interval '1 min'),
                  ('slow', 'queued', '{\"n\": 4}', now() - interval '1 min') returning id")
check --fatal "the owner puts the limit back" limit on
mapfile -t E <<<"$ids"
JOBQ_MAX_PAYLOAD=8388608 JOBQ_HEARTBEAT_INTERVAL=300ms JOBQ_LEASE_DURATION=8s \
  start_consumer w2 --worker-id w2 --concurrency 2
wait_for 40 "E: both jobs ended" sql_is "0" \
  "select count(*) from jobs where id in ('${E[0]}', '${E[1]}') and finished_at is null" || true
check_eq "E: both succeeded at their first attempt, the lease never lost" \
  "succeeded|1,succeeded|1" \
  "$(sql "select string_agg(status || '|' || attempt, ',') from jobs where id in ('${E[0]}', '${E[1]}')")"
check_status "consumer w2 stops cleanly on TERM" 0 stop_consumer w2
