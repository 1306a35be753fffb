#!/usr/bin/env bash
# test_sql_api — applications submit from their own transactions through the SQL API
# (migration 0011, docs/clients.md), as the login role jobq_app, a member of jobq_producer:
#  - jobq_producer may call jobq_submit, jobq_submit_many, jobq_cancel, jobq_status,
#    jobq_watch and jobq_unwatch, and nothing else: no INSERT, UPDATE, DELETE or SELECT on
#    jobs, no read of the other tables, no call of the CLI's, the relay's or the internal
#    functions;
#  - a submit in a transaction that rolls back leaves no row and no message, and nothing
#    runs; one that commits runs, and not before the commit (a transaction that sleeps 1 s
#    after its submit); the relay's tick is 60 s here, so only the commit's NOTIFY (or the
#    relay's check between ticks) can wake it;
#  - bad input fails with the CLI's one-line messages (the same text as `jobq submit`), and
#    submit_many is all or nothing and names the bad element; keys return the existing job;
#  - an open application transaction that submits a running job's key does not hold that
#    job's row (its heartbeats go on); a bare NOTIFY jobq_cancel (any session may send one)
#    stops nothing; a payload limit set for the database holds whatever the session SETs;
#  - dependencies (migration 0054): a chain and a fan-in submitted with jobq_submit's after
#    and jobq_submit_many's refs in one transaction are created waiting, each runs only after
#    its dependencies finished; a failing dependency cancels its dependents (the reason names
#    it), transitively, but not an after_any one, which runs; a key that returns an existing
#    job links nothing; every bad dependency input fails with its one-line message and saves
#    nothing; a REPEATABLE READ transaction is refused in one line; jobq_app cannot call
#    jobq_link_deps (nor the SQL API's own link function) itself;
#  - jobq_cancel stops a running job through the consumer's NOTIFY path, cancels a queued
#    one at once and leaves a finished one alone; jobq_status reads a job; a session that
#    LISTENs to jobq_done and calls jobq_watch is notified when the job ends.
source "$(dirname "$0")/lib.sh"
jq_setup sql_api

APP_DB="postgresql://jobq_app:jobq_app@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
# app SQL — run SQL as jobq_app (psql -c; on error the server's message is on stderr)
app() { psql "$APP_DB" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
# app_file FILE — run a file of SQL (psql variables and \gset allowed) as jobq_app
app_file() { psql "$APP_DB" -XAtq -v ON_ERROR_STOP=1 -f "$1"; }

check --fatal "migrate" jobq migrate
check --fatal "the role jobq_app is a member of jobq_producer" sql_is t \
  "select pg_has_role('jobq_app', 'jobq_producer', 'MEMBER')"

# ---- privileges
check_status "jobq_app submits through jobq_submit" 0 app "select jobq_submit('noop')"
first_id=$OUT
for stmt in "insert into jobs (type, status) values ('noop', 'queued')" \
            "update jobs set status = 'succeeded'" "delete from jobs" "select count(*) from jobs" \
            "select count(*) from job_events" "select count(*) from workers" \
            "select count(*) from dead_letters" "select count(*) from job_waiters" \
            "select * from jobq_cli_cancel(array['$first_id']::uuid[], 'x')" \
            "select jobq_mark_published(array['$first_id']::uuid[], '{}')" \
            "select jobq_insert_job('noop', '{}', null, null, null, null, null, null, null, 0, null, false)" \
            "select jobq_link_deps(array['$first_id']::uuid[], array['$first_id']::uuid[], array[false])" \
            "select jobq_sql_link_deps(array['$first_id']::uuid[], array['$first_id']::uuid[], array[false])" \
            "select jobq_priority_problem(0, 'default')" \
            "select jobq_concurrency_key_problem('a')" \
            "select jobq_job_problem('noop', '{}', null, null, null, null, null, null)" \
            "select * from jobq_wake for update"; do
  check_status "jobq_app is refused: ${stmt:0:60}" 1 app "$stmt"
  check "... for want of a privilege" grep -q "permission denied" "$ERR_FILE"
done
check_eq "the refused statements changed nothing" "1|queued" \
  "$(sql "select count(*), min(status) from jobs")"

# ---- a rollback leaves nothing
check_status "a submit in a transaction that rolls back" 0 \
  psql "$APP_DB" -XAtq -v ON_ERROR_STOP=1 -c "begin" \
  -c "select jobq_submit('echo', '{\"rolled\": \"back\"}')" -c "rollback"
rolled_id=${OUT%%$'\n'*}
check_eq "... leaves no row" 0 "$(sql "select count(*) from jobs where id = '$rolled_id'")"

# ---- the relay wakes on commit (its tick is 60 s: only the NOTIFY is fast)
# Heartbeats every second: often enough for the key-holding check below, rare enough that
# the notify path (within ~100 ms of a jobq_cancel) is the one that sees the cancel first.
JOBQ_RELAY_INTERVAL=60s HEARTBEAT_INTERVAL=1s LEASE_DURATION=10s \
  start_consumer w1 --worker-id w1 --concurrency 4
wait_for 15 "w1 registered" sql_is 1 "select count(*) from workers where state = 'running'"
wait_for 15 "the job submitted before the consumer started ran" \
  sql_is succeeded "select status from jobs where id = '$first_id'"
check_status "a submit that commits" 0 app "select jobq_submit('echo', '{\"n\": 1}')"
id=$OUT
if wait_for 15 "... runs (woken by the commit, not by the 60 s tick)" \
     sql_is succeeded "select status from jobs where id = '$id'"; then
  check_eq "... with its payload as the result" '{"n": 1}' "$(sql "select result::text from jobs where id = '$id'")"
  note "pickup of an SQL-submitted job: $(sql "select round(extract(epoch from started_at - created_at) * 1000, 1) from jobs where id = '$id'") ms after its commit"
fi
check_eq "the rolled-back job never appeared" 0 "$(sql "select count(*) from jobs where id = '$rolled_id'")"
# (the management API's queue counters lag the broker by its stats interval, 5 s: a
# message the rolled-back submit left would still be there after 15 s)
wait_for 15 "... and left no message in the queue" queue_counts_are jobq.default "0|0"

check_status "a transaction that submits, then works 1 s before it commits" 0 \
  psql "$APP_DB" -XAtq -v ON_ERROR_STOP=1 -c "begin" -c "select jobq_submit('noop')" \
  -c "select pg_sleep(1)" -c "select clock_timestamp()" -c "commit"
late_id=$(sed -n 1p <<<"$OUT")
committed_at=$(sed -n 3p <<<"$OUT")
if wait_for 15 "... its job runs" sql_is succeeded "select status from jobs where id = '$late_id'"; then
  check_eq "... and it started only after the commit" t \
    "$(sql "select started_at >= '$committed_at'::timestamptz from jobs where id = '$late_id'")"
fi

# ---- bad input: the CLI's messages
bad_sql() {  # bad_sql DESC SQL CLI_ARGS...: both fail, and the SQL error is the CLI's message
  local desc="$1" stmt="$2" want got
  shift 2
  check_status "$desc: jobq submit fails" 2 jobq submit "$@"
  want=${ERR#jobq submit: }
  want=${want%% (see *}
  check_status "$desc: the SQL call fails" 1 app "$stmt"
  got=$(sed -n 's/^ERROR:  //p' "$ERR_FILE" | head -n 1)
  check_eq "$desc: the same message" "$want" "$got"
  check_eq "$desc: one line" 1 "$(grep -c '^ERROR:' "$ERR_FILE")"
}
bad_sql "a bad type" "select jobq_submit('bad!type')" 'bad!type'
bad_sql "a bad queue" "select jobq_submit('noop', queue => 'bad/q')" noop --queue bad/q
bad_sql "a bad concurrency key" "select jobq_submit('noop', concurrency_key => 'tenant a')" \
  noop --concurrency-key 'tenant a'
check_status "submit_many with a bad concurrency key in its second job" 1 app \
  "select jobq_submit_many('[{\"type\":\"noop\"},{\"type\":\"noop\",\"concurrency_key\":\"a/b\"}]')"
check "... names the job and the key" grep -q "job 2: concurrency key 'a/b' is invalid (1-128 characters of A-Z a-z 0-9 _ . : -)" "$ERR_FILE"
check_status "submit_many with a concurrency key that is not a string" 1 app \
  "select jobq_submit_many('[{\"type\":\"noop\",\"concurrency_key\":7}]')"
check "... names the field" grep -q 'job 1: "concurrency_key" must be a string' "$ERR_FILE"
check_status "max_attempts 0 is refused" 1 app "select jobq_submit('noop', max_attempts => 0)"
check "... naming it" grep -q "max_attempts: 0 is not a whole number from 1 to 1000" "$ERR_FILE"
check_status "metadata that is not an object is refused" 1 app "select jobq_submit('noop', metadata => '[1]')"
check "... naming it" grep -q "metadata must be a JSON object" "$ERR_FILE"
sql "alter database \"$TEST_DB\" set jobq.max_payload = '16'" >/dev/null
check_status "a payload over the database's jobq.max_payload is refused" 1 \
  app "select jobq_submit('noop', '{\"s\": \"0123456789\"}')"
check "... naming the sizes" grep -q "payload of 19 bytes exceeds the limit of 16 bytes (jobq.max_payload)" "$ERR_FILE"
check_status "... and the session's own SET cannot raise the limit" 1 \
  psql "$APP_DB" -XAtq -v ON_ERROR_STOP=1 -c "set jobq.max_payload = 99999" \
  -c "select jobq_submit('noop', '{\"s\": \"0123456789\"}')"
sql "alter database \"$TEST_DB\" reset jobq.max_payload" >/dev/null
before=$(sql "select count(*) from jobs")
check_status "submit_many with a bad third element" 1 app \
  "select jobq_submit_many('[{\"type\":\"noop\"},{\"type\":\"noop\"},{\"type\":\"noop\",\"bogus\":1}]')"
check "... names it" grep -q 'job 3: unknown field "bogus"' "$ERR_FILE"
check_eq "... and inserts nothing" "$before" "$(sql "select count(*) from jobs")"

check_status "a run_at of the call's own time" 0 app "select jobq_submit('noop', run_at => clock_timestamp())"
check_eq "... is queued to run now, not scheduled" queued \
  "$(sql "select to_status from job_events where job_id = '$OUT' order by id limit 1")"

# ---- many, keys
check_status "submit_many of 3 jobs, two sharing a key" 0 app \
  "select array_to_string(jobq_submit_many('[{\"type\":\"echo\",\"payload\":{\"i\":1},\"key\":\"k-a\"},{\"type\":\"echo\",\"payload\":{\"i\":2}},{\"type\":\"echo\",\"payload\":{\"i\":3},\"key\":\"k-a\"}]'), ' ')"
read -r m1 m2 m3 <<<"$OUT"
check_eq "... the repeated key returns the first job's id" "$m1" "$m3"
check "... the second is another job" test "$m1" != "$m2"
check_status "jobq_submit with the same key" 0 app "select jobq_submit('echo', key => 'k-a')"
check_eq "... returns the existing job" "$m1" "$OUT"
wait_for 15 "the batch ran" sql_is 2 "select count(*) from jobs where id in ('$m1', '$m2') and status = 'succeeded'" || true
check_eq "... each with its own payload" '{"i": 1}|{"i": 2}' \
  "$(sql "select string_agg(result::text, '|' order by result::text) from jobs where id in ('$m1', '$m2')")"

# ---- concurrency keys (migration 0024): jobq_submit's last parameter, submit_many's field
check_status "jobq_submit with a concurrency key" 0 app "select jobq_submit('echo', '{\"k\": 1}', concurrency_key => 'tenant-a')"
k1=$OUT
check_status "submit_many with and without one" 0 app \
  "select array_to_string(jobq_submit_many('[{\"type\":\"echo\",\"payload\":{\"k\":2},\"concurrency_key\":\"tenant-b\"},{\"type\":\"echo\",\"payload\":{\"k\":3}}]'), ' ')"
read -r k2 k3 <<<"$OUT"
check_eq "... the keys are saved (none for the job without one)" "tenant-a|tenant-b|" \
  "$(sql "select string_agg(coalesce(concurrency_key, ''), '|' order by payload->>'k') from jobs where id in ('$k1', '$k2', '$k3')")"
wait_for 15 "the keyed jobs ran" sql_is 3 "select count(*) from jobs where id in ('$k1', '$k2', '$k3') and status = 'succeeded'" || true

# ---- dependencies (migration 0054): jobq_submit's after/after_any, jobq_submit_many's refs
# claimed_before_deps IDS_SQL — jobs among IDS_SQL claimed before one of their dependencies
# finished (a claim is an event into running)
claimed_before_deps() {
  sql "select count(*) from job_deps d join jobs p on p.id = d.dep_id
       join job_events e on e.job_id = d.job_id and e.to_status = 'running'
       where d.job_id in ($1) and (p.finished_at is null or e.at < p.finished_at)"
}
cat >"$T/graph.sql" <<'SQL'
begin;
select jobq_submit('sleep', '{"seconds": 0.5}') as a \gset
select jobq_submit('echo', '{"chain": 2}', after => array[:'a']::uuid[]) as b \gset
select array_to_string(jobq_submit_many(format(
  '[{"type": "echo", "payload": {"fan": 1}, "ref": "f1", "after": "%s"},
    {"type": "sleep", "payload": {"seconds": 0.3}, "ref": "f2", "after": ["%s"]},
    {"type": "echo", "payload": {"sink": 1}, "after": ["f1", "f2", "%s"]}]',
  :'a', :'b', :'a')::jsonb), ' ') as many \gset
select :'a' || ' ' || :'b' || ' ' || :'many';
commit;
SQL
check_status "a chain and a fan-in in one transaction (jobq_submit after, submit_many refs)" 0 \
  app_file "$T/graph.sql"
read -r DA DB DF1 DF2 DSINK <<<"$OUT"
deps_in="'$DB','$DF1','$DF2','$DSINK'"
check_eq "... the dependents were created waiting" "waiting waiting waiting waiting" \
  "$(sql "select string_agg(to_status, ' ') from job_events
          where from_status is null and job_id in ($deps_in)")"
check_eq "... with their edges (1 + 1 + 1 + 3)" 6 \
  "$(sql "select count(*) from job_deps where job_id in ($deps_in)")"
wait_for 30 "the fan-in's sink succeeded" sql_is succeeded "select status from jobs where id = '$DSINK'" || true
check_eq "every job of the graph succeeded" 5 \
  "$(sql "select count(*) from jobs where status = 'succeeded' and id in ('$DA',$deps_in)")"
check_eq "none was claimed before its dependencies finished" 0 "$(claimed_before_deps "$deps_in")"
check_eq "each was queued by its dependencies' end" "4 dependencies done" \
  "$(sql "select count(*) || ' ' || min(reason) from job_events where from_status = 'waiting'
          and to_status = 'queued' and job_id in ($deps_in)")"
check_eq "the sink ran with its payload" '{"sink": 1}' "$(sql "select result::text from jobs where id = '$DSINK'")"

cat >"$T/cascade.sql" <<'SQL'
begin;
select jobq_submit('sleep', '{"seconds": 0.3}') as s \gset
select jobq_submit('fail', '{"message": "boom"}', max_attempts => 1,
                   after => array[:'s']::uuid[]) as f \gset
select jobq_submit('noop', after => array[:'f']::uuid[]) as g \gset
select array_to_string(jobq_submit_many(format(
  '[{"type": "noop", "ref": "h", "after": "%s"},
    {"type": "echo", "payload": {"any": 1}, "after_any": ["%s"]},
    {"type": "noop", "after": "h", "after_any": "%s"}]', :'g', :'f', :'f')::jsonb), ' ') as m \gset
select :'f' || ' ' || :'g' || ' ' || :'m';
commit;
SQL
check_status "a failing dependency with dependents after it, and one after_any" 0 app_file "$T/cascade.sql"
read -r CF CG CH CK CL <<<"$OUT"
wait_for 30 "the after_any job ran after the failure" sql_is succeeded "select status from jobs where id = '$CK'" || true
check_eq "the dependency failed" failed "$(sql "select status from jobs where id = '$CF'")"
check_eq "the job after it is cancelled, the reason naming it" "cancelled|dependency $CF failed" \
  "$(sql "select status || '|' || status_reason from jobs where id = '$CG'")"
check_eq "... and the job after that one, naming it" "cancelled|dependency $CG cancelled" \
  "$(sql "select status || '|' || status_reason from jobs where id = '$CH'")"
check_eq "... and a job after it and after_any the failure" "cancelled|dependency $CH cancelled" \
  "$(sql "select status || '|' || status_reason from jobs where id = '$CL'")"
check_eq "the after_any job was not claimed before the failure" 0 "$(claimed_before_deps "'$CK'")"

check_status "a job scheduled an hour ahead with a key" 0 app \
  "select jobq_submit('noop', key => 'dep-key', run_at => now() + interval '1 hour')"
keyed=$OUT
check_status "jobq_submit of that key with after" 0 app \
  "select jobq_submit('noop', key => 'dep-key', after => array['$DA']::uuid[])"
check_eq "... returns the existing job" "$keyed" "$OUT"
check_eq "... which stays scheduled, with no edge" "scheduled 0" \
  "$(sql "select status || ' ' || (select count(*) from job_deps where job_id = '$keyed') from jobs where id = '$keyed'")"
check_status "submit_many of that key with after" 0 app \
  "select array_to_string(jobq_submit_many('[{\"type\":\"noop\",\"key\":\"dep-key\",\"after\":\"$DA\"}]'), ' ')"
check_eq "... returns it too, with no edge" "$keyed 0" \
  "$OUT $(sql "select count(*) from job_deps where job_id = '$keyed'")"
app "select count(*) from jobq_cancel(array['$keyed']::uuid[])" >/dev/null

# ---- a key's retry returns its job whatever became of its dependencies
check_status "a dependency an hour ahead" 0 app "select jobq_submit('noop', run_at => now() + interval '1 hour')"
KX=$OUT
check_status "a job after it, with a key" 0 app "select jobq_submit('noop', key => 'dep-key2', after => array['$KX']::uuid[])"
kdep=$OUT
app "select count(*) from jobq_cancel(array['$KX']::uuid[])" >/dev/null
check_eq "the dependency cancelled, the job after it too" cancelled "$(sql "select status from jobs where id = '$kdep'")"
check_status "jobq_submit of that key after the cancelled dependency again" 0 app \
  "select jobq_submit('noop', key => 'dep-key2', after => array['$KX']::uuid[])"
check_eq "... returns the job (a retry of a submit that committed)" "$kdep" "$OUT"
check_status "... and after a job that does not exist" 0 app \
  "select jobq_submit('noop', key => 'dep-key2', after => array['00000000-0000-4000-8000-000000000002']::uuid[])"
check_eq "... returns it too" "$kdep" "$OUT"

# ---- SET CONSTRAINTS ALL IMMEDIATE does not break a submit with dependencies
check_status "a second dependency an hour ahead" 0 app "select jobq_submit('noop', run_at => now() + interval '1 hour')"
KY=$OUT
check_status "jobq_submit after it under SET CONSTRAINTS ALL IMMEDIATE" 0 app \
  "begin; set constraints all immediate; select jobq_submit('noop', after => array['$KY']::uuid[]); commit"
check_status "jobq_submit_many after it under SET CONSTRAINTS ALL IMMEDIATE" 0 app \
  "begin; set constraints all immediate; select jobq_submit_many('[{\"type\":\"noop\",\"after\":\"$KY\"}]'); commit"
check_eq "both wait for it, linked" "2 2" \
  "$(sql "select count(*) filter (where j.status = 'waiting') || ' ' || count(*) from job_deps d join jobs j on j.id = d.job_id where d.dep_id = '$KY'")"

# ---- an open application transaction that submits after a job holds that job's row until
# its commit (the dependency's end must see the new edges): another application's submit
# after the same job waits for that commit, then links (docs/workflows.md)
app "begin; select jobq_submit('noop', after => array['$KY']::uuid[]); select pg_sleep(3); commit" \
  >/dev/null 2>&1 &
holder=$!
sleep 1
t0=$(_jq_now_ms)
check_status "meanwhile another application submits after the same job" 0 app \
  "select jobq_submit('noop', after => array['$KY']::uuid[])"
note "  ... it returned after $(($(_jq_now_ms) - t0)) ms (the first held its transaction 3 s)"
wait "$holder"
check_eq "all 4 jobs after it wait, linked" "4 4" \
  "$(sql "select count(*) filter (where j.status = 'waiting') || ' ' || count(*) from job_deps d join jobs j on j.id = d.job_id where d.dep_id = '$KY'")"
app "select count(*) from jobq_cancel(array['$KY']::uuid[])" >/dev/null
check_eq "cancelling it cancels the 4" 4 \
  "$(sql "select count(*) from job_deps d join jobs j on j.id = d.job_id where d.dep_id = '$KY' and j.status = 'cancelled'")"

# bad_deps DESC SQL MESSAGE — the call fails with MESSAGE as its one line and saves nothing
bad_deps() {
  local before
  before=$(sql "select count(*) from jobs")
  check_status "$1 is refused" 1 app "$2"
  check_eq "... with its message" "$3" "$(sed -n 's/^ERROR:  //p' "$ERR_FILE" | head -n 1)"
  check_eq "... on one line" 1 "$(grep -c '^ERROR:' "$ERR_FILE")"
  check_eq "... and saves nothing" "$before" "$(sql "select count(*) from jobs")"
}
nobody=00000000-0000-4000-8000-000000000001
bad_deps "jobq_submit after a job that does not exist" \
  "select jobq_submit('noop', after => array['$nobody']::uuid[])" "after: job $nobody does not exist"
bad_deps "jobq_submit after_any a NULL id" \
  "select jobq_submit('noop', after_any => array['$DA', null]::uuid[])" "after_any: a NULL job id"
bad_deps "jobq_submit after a two-dimensional array" \
  "select jobq_submit('noop', after => array[array['$DA']]::uuid[])" \
  "after must be a one-dimensional array of job ids"
bad_deps "jobq_submit after a failed job" "select jobq_submit('noop', after => array['$CF']::uuid[])" \
  "after: job $CF is failed, so this one could never run (use after_any to run after any end)"
bad_deps "submit_many after an unknown ref" \
  "select jobq_submit_many('[{\"type\":\"noop\",\"ref\":\"a\"},{\"type\":\"noop\"},{\"type\":\"noop\",\"after\":[\"a\",\"x\"]}]')" \
  'job 3: "after": unknown ref "x"'
bad_deps "submit_many after a later ref" \
  "select jobq_submit_many('[{\"type\":\"noop\",\"after_any\":\"b\"},{\"type\":\"noop\",\"ref\":\"b\"}]')" \
  'job 1: "after_any": "b" is the ref of job 2, not of an earlier job'
bad_deps "submit_many after its own ref" \
  "select jobq_submit_many('[{\"type\":\"noop\",\"ref\":\"c\",\"after\":\"c\"}]')" \
  'job 1: "after": "c" is the ref of job 1, not of an earlier job'
bad_deps "submit_many with a ref given twice" \
  "select jobq_submit_many('[{\"type\":\"noop\",\"ref\":\"d\"},{\"type\":\"noop\",\"ref\":\"d\"}]')" \
  'job 2: "ref": "d" is job 1'"'"'s too'
bad_deps "submit_many with a ref that is not a string" \
  "select jobq_submit_many('[{\"type\":\"noop\",\"ref\":1}]')" \
  'job 1: "ref" must be 1-64 characters of A-Z a-z 0-9 _ . : - (and not a job id)'
bad_deps "submit_many with a ref that is a job id" \
  "select jobq_submit_many('[{\"type\":\"noop\",\"ref\":\"$DA\"}]')" \
  'job 1: "ref" must be 1-64 characters of A-Z a-z 0-9 _ . : - (and not a job id)'
bad_deps "submit_many with an after that is an object" \
  "select jobq_submit_many('[{\"type\":\"noop\",\"after\":{\"id\":1}}]')" \
  'job 1: "after" must be a job id or ref, or an array of them'
bad_deps "submit_many with an after item that is not a string" \
  "select jobq_submit_many('[{\"type\":\"noop\",\"ref\":\"e\"},{\"type\":\"noop\",\"after\":[\"e\",2]}]')" \
  'job 2: "after": 2 is not a string (a job id or a ref)'
bad_deps "submit_many after a job that does not exist" \
  "select jobq_submit_many('[{\"type\":\"noop\"},{\"type\":\"noop\",\"after_any\":\"$nobody\"}]')" \
  "job 2: \"after_any\": job $nobody does not exist"
bad_deps "submit_many after a failed job" \
  "select jobq_submit_many('[{\"type\":\"noop\",\"after\":\"$CF\"}]')" \
  "job 1: \"after\": job $CF is failed, so this one could never run (use \"after_any\" to run after any end)"
for call in "select jobq_submit('noop', after => array['$DA']::uuid[])" \
            "select jobq_submit_many('[{\"type\":\"noop\",\"after\":\"$DA\"}]')"; do
  bad_deps "in a REPEATABLE READ transaction: ${call:0:40}" \
    "begin isolation level repeatable read; $call; commit" \
    "linking job dependencies needs a read committed transaction, not repeatable read"
done

# ---- status, cancel, watch
check_status "jobq_status of a finished job" 0 app "select status, type, attempt, result::text from jobq_status('$m2')"
check_eq "... reads it" 'succeeded|echo|1|{"i": 2}' "$OUT"
check_status "jobq_status of an unknown id" 0 app "select count(*) from jobq_status('0d4e5f66-7a8b-4c9d-8e0f-1a2b3c4d5e6f')"
check_eq "... has no row" 0 "$OUT"

check_status "submit a 60 s sleep with a key" 0 app \
  "select jobq_submit('sleep', '{\"seconds\": 60}', key => 'the-sleeper')"
sleeper=$OUT
wait_for 15 "it runs" sql_is running "select status from jobs where id = '$sleeper'" || true
# an application transaction that submits the same key and stays open must not hold the
# running job's row: its worker keeps writing heartbeats (every second here) while the
# holder, past its submit, sleeps in the open transaction
psql "$APP_DB" -XAtq -v ON_ERROR_STOP=1 -c "begin" \
  -c "select jobq_submit('sleep', key => 'the-sleeper')" -c "select pg_sleep(30)" -c "commit" \
  >"$T/holder.out" 2>&1 &
holder=$!
# (pg_stat_activity shows a session's statement to its own role: read as jobq_app)
holding() { sessions_in_is 1 'select pg_sleep(30)' app; }
wait_for 20 "the holder sleeps in its open transaction" holding || true
hb0=$(sql "select heartbeat_at from jobs where id = '$sleeper'")
wait_for 10 "a transaction holding the sleeper's key does not stop its heartbeats" \
  sql_is t "select heartbeat_at > '$hb0'::timestamptz from jobs where id = '$sleeper'" || true
check "... a heartbeat written while the holder still held the key" holding
cancel_sessions_in 'select pg_sleep(30)' app >/dev/null
wait "$holder" || true
check_eq "... and its submit returned the sleeper" "$sleeper" "$(sed -n 1p "$T/holder.out")"
# anyone may NOTIFY jobq_cancel: a notification without jobq_cancel's write stops nothing
check_status "a bare NOTIFY jobq_cancel naming the sleeper" 0 app "select pg_notify('jobq_cancel', '$sleeper')"
sleep 1
check_eq "... does not stop it" running "$(sql "select status from jobs where id = '$sleeper'")"
check_status "submit a scheduled job (run_at in an hour)" 0 app \
  "select jobq_submit('noop', run_at => now() + interval '1 hour')"
later=$OUT
# a session that waits for the sleeper: LISTEN, watch, then sleep while the cancel lands
# (psql prints a notification after the command it came during: 10 naps of 1 s)
naps=()
for _ in 1 2 3 4 5 6 7 8 9 10; do naps+=(-c "select pg_sleep(1)"); done
psql "$APP_DB" -XAtq -v ON_ERROR_STOP=1 -c "listen jobq_done" \
  -c "select jobq_watch(array['$sleeper']::uuid[])" "${naps[@]}" \
  >"$T/waiter.out" 2>&1 &
waiter=$!
wait_for 20 "the waiting session listens and watches (its first nap)" \
  sessions_in_is 1 'select pg_sleep(1)' app || true
check_status "jobq_cancel of the running, the scheduled and a finished job" 0 app \
  "select id || ' ' || status from jobq_cancel(array['$sleeper', '$later', '$m2']::uuid[], 'test over')"
check_eq "... reports the state each was in" "$(printf '%s\n' "$sleeper running" "$later scheduled" "$m2 succeeded" | sort)" "$(sort <<<"$OUT")"
if wait_for 10 "the running job is cancelled" sql_is cancelled "select status from jobs where id = '$sleeper'"; then
  check "... through the consumer's notify path" grep -q "event=cancel_received .*job=$sleeper path=notify" "$(log_of w1)"
  note "SQL cancel stop: $(sql "select round(extract(epoch from finished_at - cancel_requested_at) * 1000, 1) from jobs where id = '$sleeper'") ms"
fi
check_eq "the scheduled job is cancelled" cancelled "$(sql "select status from jobs where id = '$later'")"
check_eq "the finished job is left alone" succeeded "$(sql "select status from jobs where id = '$m2'")"
wait "$waiter" || true
check "the watching session was notified with the job's id" \
  grep -q "notification \"jobq_done\" with payload \"$sleeper\"" "$T/waiter.out"
check_status "jobq_unwatch" 0 app "select jobq_unwatch()"

check_status "w1 stops cleanly on TERM" 0 stop_consumer w1
