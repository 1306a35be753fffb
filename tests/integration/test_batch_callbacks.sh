#!/usr/bin/env bash
# test_batch_callbacks — batches with callbacks (migration 0051, docs/workflows.md "Batches
# with callbacks"), the CLI as jobq_cli and the consumers as jobq_consumer:
#  - bad input (an unknown flag, a callback flag without --batch, bad JSON, a payload too
#    big once wrapped, a bad queue) is one line, exit 2, and saves nothing;
#  - a batch with succeeding, failing and cancelled jobs: --on-complete fires once with the
#    right counts and the user's payload, --on-success not at all; `jobq batch status`
#    (text and --json) before and after;
#  - an all-success batch fires both once; its keyed file submitted again resolves to the
#    same batch and ids (nothing queued twice); with other callbacks, or with a new key, it
#    is refused with one line naming file, line, key, job and batch;
#  - a retry of a failed job before completion raises the count again;
#  - pruning: a failed job pruned before the completion still counts; a completed batch is
#    kept while one of its jobs is, and goes (row and counters) with its last one, its
#    callback job kept (migration 0056); a batch not completed is kept without jobs;
#  - the guards: the consumer's role cannot change a job's batch, nor write the counts or
#    call the completion; the CLI's cannot insert a job into a batch its transaction did
#    not open; an end under REPEATABLE READ is refused (one line, the job unchanged);
#  - 200 batches drained by 4 consumers x 16 with random cancels and a kill -9 of one
#    consumer mid-way: every batch's callbacks exactly once, with counts that match;
#  - a graph in a batch (refs, after, after_any, a failure): run in order, the callback
#    once, the failure's dependent counted as cancelled.
: "${JQ_TEST_TIMEOUT:=570}"   # ctest gives this test 600 s (tests/CMakeLists.txt): 200 CLI submits
source "$(dirname "$0")/lib.sh"
jq_setup batchcb

export JOBQ_RETRY_BASE=100ms JOBQ_RETRY_MAX=1s
vh=$(_jq_urlencode "$TEST_VHOST")
for user in jobq_consumer jobq_cli; do
  case $user in
    jobq_consumer) perms='{"configure":"^amq\\.gen-.*$","write":"^(jobq\\.jobs|amq\\.gen-.*)$","read":"^(jobq\\..*|amq\\.gen-.*)$"}' ;;
    jobq_cli) perms='{"configure":"^$","write":"^(jobq\\.jobs|jobq\\.cancel)$","read":"^$"}' ;;
  esac
  check --fatal "grant $user its rights on the test vhost" _jq_mgmt PUT "/api/permissions/$vh/$user" "$perms"
done
check --fatal "migrate (as the admin) applies the grants" jobq migrate

CONSUMER_AMQP="amqp://jobq_consumer:jobq_consumer@127.0.0.1:$JOBQ_TEST_AMQP_PORT/$vh"
CONSUMER_DB="postgresql://jobq_consumer:jobq_consumer@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
CLI_AMQP="amqp://jobq_cli:jobq_cli@127.0.0.1:$JOBQ_TEST_AMQP_PORT/$vh"
CLI_DB="postgresql://jobq_cli:jobq_cli@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
cli() { JOBQ_AMQP_URL="$CLI_AMQP" JOBQ_DATABASE_URL="$CLI_DB" timeout 60 "$JOBQ_BIN_DIR/jobq" "$@"; }
as_role() {  # URL SQL: run SQL as that role; its output and error on stdout
  PGCONNECT_TIMEOUT=10 timeout 30 psql -X -A -t -q -v ON_ERROR_STOP=1 "$1" -c "$2" 2>&1
}
consumer() {  # NAME ARGS...
  local name="$1"; shift
  JOBQ_AMQP_URL="$CONSUMER_AMQP" JOBQ_DATABASE_URL="$CONSUMER_DB" JOBQ_RELAY_GRACE=500ms \
    start_consumer "$name" --worker-id "$name" "$@"
}
cb_jobs() {  # BATCH CALLBACK: how many callback jobs of that kind the batch queued
  sql "select count(*) from jobs where job_metadata->>'batch' = '$1' and job_metadata->>'callback' = '$2'"
}
cb_payload() {  # BATCH CALLBACK EXPR: a field of the callback job's payload
  sql "select payload$3 from jobs where job_metadata->>'batch' = '$1' and job_metadata->>'callback' = '$2'"
}
completed() { sql_is t "select completed_at is not null from batches where id = '$1'"; }
nothing_saved() { sql_is 0 "select (select count(*) from jobs) + (select count(*) from batches)"; }

# ---- bad input: one line, exit 2, nothing saved
printf '{"type":"noop"}\n{"type":"noop"}\n' >"$T/two.jsonl"
one_line_2() {  # DESC ARGS...: exit 2 with a one-line error
  local desc="$1"; shift
  check_status "$desc: exit 2" 2 cli "$@"
  check_eq "$desc: one line" 1 "$(wc -l <"$ERR_FILE")"
}
one_line_2 "unknown flag" submit --batch "$T/two.jsonl" --on-finish noop
one_line_2 "--on-complete without --batch" submit noop --on-complete echo
one_line_2 "bad JSON payload" submit --batch "$T/two.jsonl" --on-complete echo '{"a":'
check "the error names the flag" grep -q -- '--on-complete' "$ERR_FILE"
one_line_2 "bad callback type" submit --batch "$T/two.jsonl" --on-success 'no spaces'
one_line_2 "bad callback queue" submit --batch "$T/two.jsonl" --on-complete echo --callback-queue 'a/b'
one_line_2 "--callback-queue alone" submit --batch "$T/two.jsonl" --callback-queue q
one_line_2 "--on-complete twice" submit --batch "$T/two.jsonl" --on-complete echo --on-complete noop
check "... naming the flag" grep -q -- '--on-complete given twice' "$ERR_FILE"
big=$(printf '{"s":"%01900d"}' 0)
check_status "payload too big once wrapped: exit 2" 2 env JOBQ_MAX_PAYLOAD=2000 \
  JOBQ_AMQP_URL="$CLI_AMQP" JOBQ_DATABASE_URL="$CLI_DB" "$JOBQ_BIN_DIR/jobq" submit \
  --batch "$T/two.jsonl" --on-success echo "$big"
check_eq "payload too big: one line" 1 "$(wc -l <"$ERR_FILE")"
check "nothing saved by any of them" nothing_saved

# ---- the guards, on a batch whose jobs wait an hour
printf '{"type":"noop","delay":"1h"}\n{"type":"noop","delay":"1h"}\n' >"$T/later.jsonl"
check_status "submit a batch of 2 delayed jobs" 0 cli submit --batch "$T/later.jsonl" --on-complete echo
cp "$OUT_FILE" "$T/guard.out"
read -r word gb <"$OUT_FILE"
check_eq "its first line is the batch id" batch "$word"
check_eq "then one id per job" 3 "$(wc -l <"$OUT_FILE")"
gj=$(sed -n 2p "$OUT_FILE")
check_eq "the jobs name the batch" 2 "$(sql "select count(*) from jobs where batch_id = '$gb'")"
check_eq "total 2, 2 left in its stripes" "2 2" \
  "$(sql "select b.total, sum(l.jobs_left) from batches b join batch_left l on l.batch_id = b.id where b.id = '$gb' group by b.total" | tr '|' ' ')"
out=$(as_role "$CONSUMER_DB" "update jobs set batch_id = null where id = '$gj'" || true)
check "the consumer's role cannot take a job out of its batch" grep -q 'cannot change' <<<"$out"
out=$(as_role "$CONSUMER_DB" "update batch_left set jobs_left = 0 where batch_id = '$gb'" || true)
check "the consumer's role cannot write the counts" grep -q 'permission denied' <<<"$out"
out=$(as_role "$CONSUMER_DB" "select jobq_batch_complete('$gb')" || true)
check "the consumer's role cannot call the completion" grep -q 'permission denied' <<<"$out"
out=$(as_role "$CLI_DB" "insert into jobs (id, type, queue, status, batch_id) values (gen_random_uuid(), 'noop', 'default', 'queued', '$gb')" || true)
check "the CLI's role cannot add a job to a batch it did not open" grep -q 'not opened by this transaction' <<<"$out"
out=$(as_role "$CLI_DB" "begin; select jobq_batch_open('echo', '{}', null, null, null);
insert into jobs (id, type, queue, status, batch_id) values (gen_random_uuid(), 'noop', 'default', 'queued', '$gb'); commit" || true)
check "nor to another batch while it has one open" grep -q 'not opened by this transaction' <<<"$out"
check_eq "the batch still has its 2 jobs" 2 "$(sql "select count(*) from jobs where batch_id = '$gb'")"
out=$(_jq_psql "$TEST_DB" -v VERBOSITY=terse -c "begin isolation level repeatable read; update jobs set status = 'cancelled', finished_at = now() where id = '$gj'; commit" 2>&1 || true)
check "an end under REPEATABLE READ is refused" grep -q 'only under READ COMMITTED' <<<"$out"
check_eq "... in one line" 1 "$(grep -c ERROR <<<"$out")"
check_eq "... and the job is unchanged" scheduled "$(sql "select status from jobs where id = '$gj'")"
gleft() { sql "select sum(jobs_left) from batch_left where batch_id = '$gb'"; }
check_status "cancel one job" 0 cli cancel "$gj"
check_eq "1 left" 1 "$(gleft)"
check_status "retry it (no consumer runs yet)" 0 cli retry "$gj"
check_eq "2 left again: the retry raised the count" 2 "$(gleft)"
check_eq "not completed" 0 "$(cb_jobs "$gb" on_complete)"
# shellcheck disable=SC2046
check_status "cancel both jobs" 0 cli cancel $(sed -n '2,3p' "$T/guard.out")
wait_for 10 "the guarded batch completed" completed "$gb"
check_eq "its on_complete job: once, counts cancelled 2" "1 2" "$(cb_jobs "$gb" on_complete) $(cb_payload "$gb" on_complete "->'counts'->>'cancelled'")"

# ---- pruning a failed job of a batch that has not completed changes nothing of its counts
printf '{"type":"noop","delay":"1h"}\n{"type":"noop","delay":"1h"}\n{"type":"noop","delay":"1h"}\n' >"$T/prune.jsonl"
check_status "submit a batch of 3 delayed jobs (a negative number as PAYLOAD)" 0 cli submit --batch "$T/prune.jsonl" --on-complete echo -1 --on-success noop
read -r _ pb <"$OUT_FILE"
check_eq "the payload -1 was taken as the PAYLOAD" -1 "$(sql "select on_complete_payload from batches where id = '$pb'")"
pa=$(sed -n 2p "$OUT_FILE")
sql "update jobs set status = 'failed', finished_at = now() where id = '$pa'" >/dev/null
sql "update jobs set finished_at = now() - interval '30 days' where id = '$pa';
     update job_events set at = now() - interval '30 days' where job_id = '$pa'" >/dev/null
check_status "prune the jobs finished 7 days ago" 0 jobq prune --older-than 7d
check_eq "the failed job was pruned" 0 "$(sql "select count(*) from jobs where id = '$pa'")"
check_status "batch status --json after the prune" 0 cli batch status "$pb" --json
check_eq "status still counts the pruned failure: 2 left, failed 1" "2 1" \
  "$(json_get '" ".join(str(x) for x in [d["left"], d["counts"]["failed"]])' <"$OUT_FILE")"
sql "update jobs set status = 'succeeded', finished_at = now() where batch_id = '$pb' and status = 'scheduled'" >/dev/null
check "the pruned batch completed" completed "$pb"
check_eq "after a pruned failure: on_complete once, on_success never" "1 0" \
  "$(cb_jobs "$pb" on_complete) $(cb_jobs "$pb" on_success)"
check_eq "its counts add up to the total: 2 succeeded, 1 failed, 0 cancelled, total 3" "2 1 0 3" \
  "$(cb_payload "$pb" on_complete "->'counts'->>'succeeded'") $(cb_payload "$pb" on_complete "->'counts'->>'failed'") $(cb_payload "$pb" on_complete "->'counts'->>'cancelled'") $(cb_payload "$pb" on_complete "->>'total'")"

# ---- a completed batch goes with the last of its jobs (migration 0056), not before; its
# callback job stays (a job of its own)
pcb=$(sql "select on_complete_job from batches where id = '$pb'")
pkeep=$(sql "select id from jobs where batch_id = '$pb' order by id limit 1")
age() {  # WHERE: the jobs of pb that match finished 30 days ago, by their history too
  sql "update jobs set finished_at = now() - interval '30 days' where batch_id = '$pb' and $1;
       update job_events set at = now() - interval '30 days'
        where job_id in (select id from jobs where batch_id = '$pb' and $1)" >/dev/null
}
age "id <> '${pkeep:-00000000-0000-0000-0000-000000000000}'"
check_status "prune with one of the batch's jobs not due" 0 jobq prune --older-than 7d
check_eq "the batch is kept while one of its jobs is" "1 1" \
  "$(sql "select (select count(*) from jobs where batch_id = '$pb') || ' ' || (select count(*) from batches where id = '$pb')")"
age true
check_status "prune its last job" 0 jobq prune --older-than 7d
check_eq "the completed batch went with it, row and counters" "0 0 0" \
  "$(sql "select (select count(*) from jobs where batch_id = '$pb') || ' ' || (select count(*) from batches where id = '$pb') || ' ' || (select count(*) from batch_left where batch_id = '$pb')")"
check_eq "its on_complete callback job is kept" 1 "$(sql "select count(*) from jobs where id = '${pcb:-00000000-0000-0000-0000-000000000000}'")"
check_status "batch status of the pruned batch: no such batch (exit 3)" 3 cli batch status "$pb"
# two statements deleting a completed batch's last two jobs at once (two retention rounds):
# the one that locks the batch second sees the other's delete, and deletes the batch
printf '{"type":"noop","delay":"1h"}\n{"type":"noop","delay":"1h"}\n' >"$T/two.jsonl"
check_status "submit a batch of 2 delayed jobs" 0 cli submit --batch "$T/two.jsonl" --on-complete echo
read -r _ tb <"$OUT_FILE"
sql "update jobs set status = 'succeeded', finished_at = now() where batch_id = '$tb'" >/dev/null
check "the batch of 2 completed" completed "$tb"
mapfile -t two < <(sql "select id from jobs where batch_id = '$tb' order by id")
( _jq_psql "$TEST_DB" -q -c "begin; delete from jobs where id = '${two[0]:-}'; select pg_sleep(2); commit" \
    >/dev/null 2>&1 ) &
deleter=$!
sleep 1
sql "delete from jobs where id = '${two[1]:-}'" >/dev/null
wait "$deleter" || true
check_eq "both deleted at once: the batch went with the second to lock it" "0 0" \
  "$(sql "select (select count(*) from jobs where batch_id = '$tb') || ' ' || (select count(*) from batches where id = '$tb')")"
printf '{"type":"noop","delay":"1h"}\n' >"$T/keep.jsonl"
check_status "submit a batch of 1 delayed job" 0 cli submit --batch "$T/keep.jsonl" --on-complete echo
read -r _ kb <"$OUT_FILE"
sql "delete from jobs where batch_id = '$kb'" >/dev/null
check_eq "a batch that has not completed is kept when its jobs are deleted" 1 \
  "$(sql "select count(*) from batches where id = '$kb'")"

# ---- ends of many jobs of two batches, in combined statements, from 6 sessions at once:
# the stripes are taken in one order, so no end waits in a cycle (no deadlock, SQLSTATE
# 40P01), and each batch completes once with counts that add up
for ((i = 0; i < 300; i++)); do printf '{"type":"noop","delay":"1h"}\n'; done >"$T/dl.jsonl"
check_status "submit deadlock batch X (300 delayed jobs)" 0 cli submit --batch "$T/dl.jsonl" --on-complete echo
read -r _ dx <"$OUT_FILE"
check_status "submit deadlock batch Y (300 delayed jobs)" 0 cli submit --batch "$T/dl.jsonl" --on-complete echo
read -r _ dy <"$OUT_FILE"
deadlocks() { sql "select deadlocks from pg_stat_database where datname = current_database()"; }
dl0=$(deadlocks)
ender() {  # K: session K of 6 ends its share of both batches, 10 jobs a statement, random order
  local k="$1" r
  for ((r = 0; r < 12; r++)); do
    _jq_psql "$TEST_DB" -v ON_ERROR_STOP=1 -c "begin;
      update jobs set status = case when random() < 0.2 then 'failed' else 'succeeded' end,
             finished_at = now()
       where id in (select id from jobs where batch_id in ('$dx', '$dy') and status = 'scheduled'
                      and abs(hashtext(id::text || 'p')) % 6 = $k order by random() limit 10);
      select pg_sleep(0.05); commit" >>"$T/ender-$k.log" 2>&1 || echo "session $k round $r: exit $?" >>"$T/enders.failed"
  done
}
epids=()
for k in 0 1 2 3 4 5; do ender "$k" & epids+=($!); done
for p in "${epids[@]}"; do wait "$p" || true; done
check_eq "no ending session failed" "" "$(cat "$T/enders.failed" 2>/dev/null)"
check_eq "no deadlock in the sessions' logs" 0 "$(cat "$T"/ender-*.log | grep -c 'deadlock detected')"
check_eq "no deadlock counted by PostgreSQL (pg_stat_database.deadlocks)" "$dl0" "$(deadlocks)"
sql "update jobs set status = 'succeeded', finished_at = now() where batch_id in ('$dx', '$dy') and status = 'scheduled'" >/dev/null
check_eq "both batches completed, each callback once, counts adding up to 300" "1 300 1 300" \
  "$(cb_jobs "$dx" on_complete) $(sql "select (payload->'counts'->>'succeeded')::int + (payload->'counts'->>'failed')::int + (payload->'counts'->>'cancelled')::int from jobs where job_metadata->>'batch' = '$dx'") $(cb_jobs "$dy" on_complete) $(sql "select (payload->'counts'->>'succeeded')::int + (payload->'counts'->>'failed')::int + (payload->'counts'->>'cancelled')::int from jobs where job_metadata->>'batch' = '$dy'")"
check_eq "and their counts match their jobs" "$(sql "select count(*) filter (where status = 'failed') from jobs where batch_id = '$dx'")" \
  "$(cb_payload "$dx" on_complete "->'counts'->>'failed'")"

# ---- consumers (jobq_consumer)
consumer w1 --concurrency 8
wait_for 15 "the worker registered" sql_is 1 "select count(*) from workers where id='w1' and state='running'" || true

# ---- mixed batch: 6 succeed, 2 fail for good, 2 are cancelled
{
  for i in 1 2 3 4 5 6; do printf '{"type":"noop","payload":{"i":%d}}\n' "$i"; done
  printf '{"type":"fail","max_attempts":1}\n{"type":"fail","max_attempts":1}\n'
  printf '{"type":"sleep","payload":{"seconds":120}}\n{"type":"sleep","payload":{"seconds":120}}\n'
} >"$T/mixed.jsonl"
check_status "submit the mixed batch" 0 cli submit --batch "$T/mixed.jsonl" --on-complete echo '{"tag":"mixed"}' --on-success noop
read -r _ mb <"$OUT_FILE"
sleepers=$(sed -n '10,11p' "$OUT_FILE")
wait_for 20 "the 8 short jobs ended" sql_is 8 "select count(*) from jobs where batch_id = '$mb' and status in ('succeeded', 'failed')"
check_status "batch status --json before the end" 0 cli batch status "$mb" --json
check_eq "not completed, 2 left, 10 total" "False 2 10" \
  "$(json_get '" ".join(str(x) for x in [d["completed"], d["left"], d["total"]])' <"$OUT_FILE")"
check_eq "no callback yet" 0 "$(cb_jobs "$mb" on_complete)"
# shellcheck disable=SC2086
check_status "cancel the two sleepers" 0 cli cancel $sleepers
wait_for 20 "the mixed batch completed" completed "$mb"
wait_for 20 "its on_complete job succeeded" sql_is succeeded \
  "select status from jobs where job_metadata->>'batch' = '$mb' and job_metadata->>'callback' = 'on_complete'"
check_eq "on_complete: exactly once" 1 "$(cb_jobs "$mb" on_complete)"
check_eq "on_success: never" 0 "$(cb_jobs "$mb" on_success)"
check_eq "its counts: 6 succeeded, 2 failed, 2 cancelled" "6 2 2" \
  "$(sql "select format('%s %s %s', c->>'succeeded', c->>'failed', c->>'cancelled') from (select payload->'counts' c from jobs where job_metadata->>'batch' = '$mb') x")"
check_eq "its payload carries the batch id, the total and the user's payload" "$mb 10 mixed" \
  "$(sql "select format('%s %s %s', payload->>'batch', payload->>'total', payload->'payload'->>'tag') from jobs where job_metadata->>'batch' = '$mb'")"
check_status "batch status (text)" 0 cli batch status "$mb"
check "text: completed at a time" grep -Eq '^completed +[0-9]{4}-' "$OUT_FILE"
check "text: the on_complete job and its state" grep -Eq '^on_complete +echo: job [0-9a-f-]{36} \(succeeded\)' "$OUT_FILE"
check "text: on_success not queued" grep -Eq '^on_success +noop: not queued' "$OUT_FILE"
check_status "batch status --json after" 0 cli batch status "$mb" --json
check_eq "json: completed, 0 left, counts, callbacks" "True 0 6 2 2 succeeded None" \
  "$(json_get '" ".join(str(x) for x in [d["completed"], d["left"], d["counts"]["succeeded"], d["counts"]["failed"], d["counts"]["cancelled"], d["on_complete"]["state"], d["on_success"]["job"]])' <"$OUT_FILE")"
check_status "batch status of an unknown batch: exit 3" 3 cli batch status 00000000-0000-0000-0000-000000000000
check_status "batch status of a bad id: exit 2" 2 cli batch status nope

# ---- all-success batch, keyed: both callbacks once; submitted again: the same batch
for i in 1 2 3 4 5; do printf '{"type":"noop","key":"ok-%d"}\n' "$i"; done >"$T/ok.jsonl"
check_status "submit the keyed all-success batch" 0 cli submit --batch "$T/ok.jsonl" --on-complete echo --on-success noop '{"n":1}'
cp "$OUT_FILE" "$T/ok.out"
read -r _ ob <"$T/ok.out"
check_status "the same file again, at once" 0 cli submit --batch "$T/ok.jsonl" --on-complete echo --on-success noop '{"n":1}'
check "same batch id and job ids" cmp -s "$T/ok.out" "$OUT_FILE"
wait_for 20 "the all-success batch completed" completed "$ob"
wait_for 20 "both callbacks ran" sql_is 2 \
  "select count(*) from jobs where job_metadata->>'batch' = '$ob' and status = 'succeeded'"
check_eq "on_complete once, on_success once" "1 1" "$(cb_jobs "$ob" on_complete) $(cb_jobs "$ob" on_success)"
check_eq "on_success: succeeded 5, its payload" "5 1" \
  "$(cb_payload "$ob" on_success "->'counts'->>'succeeded'") $(cb_payload "$ob" on_success "->'payload'->>'n'")"
check_status "the same file after the end: still the same batch" 0 cli submit --batch "$T/ok.jsonl" --on-complete echo --on-success noop '{"n":1}'
check "same batch id and job ids after the end" cmp -s "$T/ok.out" "$OUT_FILE"
check_eq "nothing queued twice" "5 1 1" \
  "$(sql "select count(*) from jobs where batch_id = '$ob'") $(cb_jobs "$ob" on_complete) $(cb_jobs "$ob" on_success)"
check_status "the same keys with other callbacks: exit 2" 2 cli submit --batch "$T/ok.jsonl" --on-complete echo
check_eq "... one line" 1 "$(wc -l <"$ERR_FILE")"
k1=$(sed -n 2p "$T/ok.out")
check "... naming file, line, key, job and batch" grep -q "ok.jsonl:1: key 'ok-1' is job $k1 of batch $ob, which has other callbacks" "$ERR_FILE"
{ cat "$T/ok.jsonl"; printf '{"type":"noop","key":"ok-new"}\n'; } >"$T/ok2.jsonl"
check_status "the keys and a new one: exit 2" 2 cli submit --batch "$T/ok2.jsonl" --on-complete echo --on-success noop '{"n":1}'
check "... naming the new key's line" grep -q "ok2.jsonl:6: key 'ok-new' is new" "$ERR_FILE"
check_eq "nothing saved by the refused ones" 5 "$(sql "select count(*) from jobs where idempotency_key like 'ok-%'")"

# ---- two submits of one keyed file at once: one batch; --json names it first
for i in 1 2 3; do printf '{"type":"noop","delay":"1h","key":"race-%d"}\n' "$i"; done >"$T/race.jsonl"
s1=0; s2=0
cli submit --batch "$T/race.jsonl" --on-complete echo >"$T/race1.out" 2>"$T/race1.err" & r1=$!
cli submit --batch "$T/race.jsonl" --on-complete echo >"$T/race2.out" 2>"$T/race2.err" & r2=$!
wait "$r1" || s1=$?
wait "$r2" || s2=$?
check_eq "two submits of one keyed file at once: both exit 0" "0 0" "$s1 $s2"
check "... with the same batch and ids" cmp -s "$T/race1.out" "$T/race2.out"
check_eq "... one batch of 3 jobs" "1 3" \
  "$(sql "select count(distinct batch_id) || ' ' || count(*) from jobs where idempotency_key like 'race-%'")"
check_status "submit --json" 0 cli submit --json --batch "$T/race.jsonl" --on-complete echo
check_eq "--json: the batch first, then one object per job" "$(head -n1 "$T/race1.out" | cut -d' ' -f2) 4" \
  "$(head -n1 "$OUT_FILE" | json_get 'd["batch"]') $(wc -l <"$OUT_FILE")"

# ---- a retry before completion raises the count again
printf '{"type":"fail","max_attempts":1}\n{"type":"sleep","payload":{"seconds":120}}\n' >"$T/retry.jsonl"
check_status "submit the retry batch" 0 cli submit --batch "$T/retry.jsonl" --on-complete echo
read -r _ rb <"$OUT_FILE"
fj=$(sed -n 2p "$OUT_FILE"); sj=$(sed -n 3p "$OUT_FILE")
left() { sql "select sum(jobs_left) from batch_left where batch_id = '$rb'"; }
wait_for 20 "the failing job failed" sql_is failed "select status from jobs where id = '$fj'"
check_eq "1 left" 1 "$(left)"
check_status "retry the failed job" 0 cli retry "$fj"
wait_for 20 "the retried job failed again" sql_is 2 "select count(*) from job_events where job_id = '$fj' and to_status = 'failed'"
check_eq "1 left after its second end" 1 "$(left)"
check_eq "not completed" 0 "$(cb_jobs "$rb" on_complete)"
check_status "cancel the sleeper" 0 cli cancel "$sj"
wait_for 20 "the retry batch completed" completed "$rb"
check_eq "on_complete once: failed 1, cancelled 1" "1 1 1" \
  "$(cb_jobs "$rb" on_complete) $(cb_payload "$rb" on_complete "->'counts'->>'failed'") $(cb_payload "$rb" on_complete "->'counts'->>'cancelled'")"

# ---- 200 batches, 4 consumers x 16, random cancels, a kill -9 mid-way
consumer w2 --concurrency 16
consumer w3 --concurrency 16
consumer w4 --concurrency 16
NB=200
for ((b = 0; b < NB; b++)); do
  for ((i = 0; i < 5; i++)); do
    if (( b % 3 == 0 && i == 0 )); then
      printf '{"type":"fail","max_attempts":2}\n'
    elif (( i < 2 )); then
      printf '{"type":"sleep","payload":{"seconds":0.3}}\n'
    else
      printf '{"type":"noop"}\n'
    fi
  done >"$T/many-$b.jsonl"
done
submitter() {  # FROM STEP: submit batches FROM, FROM+STEP, ...
  local b
  for ((b = $1; b < NB; b += $2)); do
    cli submit --batch "$T/many-$b.jsonl" --on-complete echo '{"many":1}' --on-success noop \
      >"$T/many-$b.out" 2>"$T/many-$b.err" || echo "batch $b: exit $?" >>"$T/many.failed"
  done
}
MANY="b.on_complete_payload = '{\"many\": 1}'::jsonb"
t0=$(_jq_now_ms)
spids=()
for ((i = 0; i < 2000; i++)); do printf '{"type":"noop"}\n'; done >"$T/big.jsonl"
cli submit --batch "$T/big.jsonl" --on-complete echo '{"big":1}' --on-success noop >"$T/big.out" &
spids+=($!)
for s in 0 1 2 3; do submitter "$s" 4 & spids+=($!); done
for ((round = 0; round < 240; round++)); do  # until half the batches are in (at most 120 s)
  [[ "$(sql "select count(*) >= $NB / 2 from batches b where $MANY")" == t ]] && break
  sleep 0.5
done
vpid=$(pid_of w2)
kill -KILL "$vpid"
note "w2 (pid $vpid) killed with SIGKILL with $(sql "select count(*) from batches b where $MANY") batches submitted"
consumer w5 --concurrency 16
for ((round = 0; round < 60; round++)); do  # cancel about one job in ten, while submits go on
  sql "select count(*) from (select jobq_cli_cancel(array_agg(id), 'random cancel')
       from jobs where batch_id is not null and status in ('scheduled','queued','running')
        and batch_id not in (select id from batches where on_complete_payload = '{\"big\": 1}')
        and random() < 0.1) x" >/dev/null
  alive=0
  for p in "${spids[@]}"; do if kill -0 "$p" 2>/dev/null; then alive=1; fi; done
  (( alive )) || break
  sleep 1
done
for p in "${spids[@]}"; do wait "$p" || true; done
check_eq "every submit exited 0" "" "$(cat "$T/many.failed" 2>/dev/null)"
note "$NB batches submitted in $(( $(_jq_now_ms) - t0 )) ms"
wait_for 120 "all $NB batches completed" sql_is "$NB" \
  "select count(*) from batches b where $MANY and completed_at is not null"
note "drained in $(( $(_jq_now_ms) - t0 )) ms"
check_eq "every one of them: exactly one on_complete job" 0 "$(sql "
  select count(*) from batches b where $MANY and (select count(*) from jobs j
    where j.job_metadata->>'batch' = b.id::text and j.job_metadata->>'callback' = 'on_complete') <> 1")"
check_eq "on_success exactly once where all succeeded, else never" 0 "$(sql "
  select count(*) from batches b where $MANY and (select count(*) from jobs j
    where j.job_metadata->>'batch' = b.id::text and j.job_metadata->>'callback' = 'on_success')
    <> (case when (select count(*) from jobs j where j.batch_id = b.id and j.status = 'succeeded') = 5 then 1 else 0 end)")"
check_eq "every callback's counts match its batch's jobs" 0 "$(sql "
  select count(*) from jobs c join batches b on b.id::text = c.job_metadata->>'batch'
   where $MANY and format('%s %s %s', c.payload->'counts'->>'succeeded', c.payload->'counts'->>'failed', c.payload->'counts'->>'cancelled')
      <> (select format('%s %s %s', count(*) filter (where status = 'succeeded'), count(*) filter (where status = 'failed'),
                        count(*) filter (where status = 'cancelled')) from jobs j where j.batch_id = b.id)")"
check_eq "no stripe of theirs left above 0" 0 \
  "$(sql "select count(*) from batch_left l join batches b on b.id = l.batch_id where $MANY and l.jobs_left <> 0")"
check_eq "the batch of 2000 was submitted" 2001 "$(wc -l <"$T/big.out")"
read -r _ bigb <"$T/big.out"
check_eq "the batch of 2000 ends by many workers at once: each callback once, its stripes gone" "1 1 0" \
  "$(cb_jobs "$bigb" on_complete) $(cb_jobs "$bigb" on_success) $(sql "select count(*) from batch_left where batch_id = '$bigb'")"
note "the batch of 2000: submitted to completed in $(sql "select round(extract(epoch from completed_at - created_at) * 1000) from batches where id = '$bigb'") ms"
note "batches: $(sql "select format('%s all succeeded, %s not', count(*) filter (where on_success_job is not null), count(*) filter (where on_success_job is null)) from batches b where $MANY")"

# ---------------------------------------------------------------- a graph in a batch
# Dependencies (refs and after) and a callback in one file, one transaction: the chain runs
# in order, a failure's cascade counts as cancelled, and the callback fires once at the end.
{
  printf '{"type":"noop","ref":"a"}\n{"type":"noop","ref":"b","after":"a"}\n'
  printf '{"type":"noop","after":"b"}\n{"type":"fail","ref":"f","max_attempts":1}\n'
  printf '{"type":"noop","after":"f"}\n{"type":"noop","after_any":"f"}\n'
} >"$T/graph.jsonl"
check_status "submit a graph of 6 as a batch with a callback" 0 \
  cli submit --batch "$T/graph.jsonl" --on-complete echo '{"tag":"graph"}'
read -r _ gr <"$OUT_FILE"
wait_for 60 "the graph's batch completed" completed "$gr"
check_eq "the graph: its on_complete job once" 1 "$(cb_jobs "$gr" on_complete)"
check_eq "its counts: 4 succeeded, 1 failed, 1 cancelled (the dependent of the failure)" \
  "4 1 1" "$(sql "select format('%s %s %s', payload->'counts'->>'succeeded',
    payload->'counts'->>'failed', payload->'counts'->>'cancelled') from jobs
    where job_metadata->>'batch' = '$gr' and job_metadata->>'callback' = 'on_complete'")"
check_eq "no job of the chain started before its dependency ended" 0 "$(sql "
  select count(*) from job_deps d join jobs j on j.id = d.job_id join jobs p on p.id = d.dep_id
   where j.batch_id = '$gr' and j.started_at < p.finished_at")"

for w in w1 w3 w4 w5; do stop_consumer "$w" || true; done
