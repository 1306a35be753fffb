#!/usr/bin/env bash
# test_unique_window — `submit --key K --unique-for DUR` (migration 0016, docs/scheduling.md):
#  - within the window a second submit of K returns the first job (existed=true), also when
#    the second one gives no window; a key given without a window stays unique for ever;
#  - after the window (2 s; the wait is bounded) a submit of K makes a new job, and from
#    then on K returns the new one; the old job is intact: its status, payload and history
#    unchanged, its key kept in expired_key, `jobq status` and `jobq list` still show it;
#  - 8 concurrent submits of an expired key make exactly one new job, and all 8 print its id;
#    so do 8 application sessions calling jobq_submit at once in open transactions;
#  - the same through `submit --batch` (the "unique_for" field; a key repeated in the
#    batch is one new job), through the SQL API as jobq_app (jobq_submit's unique_for,
#    jobq_submit_many's "unique_for"), and through the CLI's own role jobq_cli;
#  - bad values are refused with one line naming the flag or field: zero, negative, over
#    365 days, unparseable, and a window without a key;
#  - a job still running when its window ends loses its key to a new submit and runs on to
#    its end (one start, one success), and the new job runs too.
source "$(dirname "$0")/lib.sh"
jq_setup unique_window

APP_DB="postgresql://jobq_app:jobq_app@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
CLI_DB="postgresql://jobq_cli:jobq_cli@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
# app SQL — run SQL as jobq_app (the SQL API's role)
app() { psql "$APP_DB" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
# jsql JSON EXPR: EXPR over the jsonb value j
jsql() { sql "select $2 from (select \$j\$$1\$j\$::jsonb as j) x" 2>/dev/null; }
nlines() { local nl="${1//[!$'\n']/}"; if [[ -z "$1" ]]; then echo 0; else echo $(( ${#nl} + 1 )); fi; }
# expired KEY: the job holding KEY has a window that is over (database clock)
expired() { sql_is t "select coalesce(bool_and(unique_until <= clock_timestamp()), false) from jobs where idempotency_key = '$1'"; }

check --fatal "migrate" jobq migrate
# No consumer until the last part: the jobs stay queued, so that each one's state and
# history are known.

# ---- bad values: one line each, naming the flag
for bad in "0" "0s" "-1s" "366d" "soon" ""; do
  check_status "--unique-for '$bad' is refused (exit 2)" 2 jobq submit noop --key bad-1 --unique-for "$bad"
  check "... with one line naming --unique-for" test "$(nlines "$ERR")" = 1 -a -n "$(grep -F -- '--unique-for' "$ERR_FILE")"
done
check_status "--unique-for without --key is refused (exit 2)" 2 jobq submit noop --unique-for 1h
check "... with one line saying it needs --key" grep -q -- '--unique-for needs --key' "$ERR_FILE"
check_eq "... and nothing was saved" 0 "$(sql "select count(*) from jobs")"

# ---- within the window: the same job
check_status "submit --key win-1 --unique-for 1h" 0 jobq submit echo '{"n":1}' --key win-1 --unique-for 1h
w1=$OUT
check_status "submit --key win-1 --unique-for 1h again" 0 jobq --json submit echo '{"n":2}' --key win-1 --unique-for 1h
check_eq "... returns the first job (existed)" "$w1 true" "$(jsql "$OUT" "concat_ws(' ', j->>'id', j->>'existed')")"
check_status "submit --key win-1 without a window" 0 jobq submit echo --key win-1
check_eq "... returns the first job too" "$w1" "$OUT"
check_eq "one row holds win-1, its window 1 h from its creation" "1 01:00:00" \
  "$(sql "select count(*) || ' ' || min(unique_until - created_at) from jobs where idempotency_key = 'win-1'")"
check_status "submit --key forever-1 (no window)" 0 jobq submit noop --key forever-1
f1=$OUT
check_eq "... has no window (unique for ever)" t "$(sql "select unique_until is null from jobs where id = '$f1'")"

# ---- after the window: a new job, and the key is the new job's
check_status "submit --key short-1 --unique-for 2s" 0 jobq submit echo '{"gen":1}' --key short-1 --unique-for 2s
s1=$OUT
check_eq "... its window is 2 s" "00:00:02" "$(sql "select unique_until - created_at from jobs where id = '$s1'")"
events_before=$(sql "select count(*) from job_events where job_id = '$s1'")
check_status "submit --key short-1 at once" 0 jobq submit echo '{"gen":9}' --key short-1 --unique-for 2s
# The second submit is within the window unless the machine stalled for 2 s; say which.
short_jobs=2
if [[ "$OUT" == "$s1" ]]; then
  check_eq "within 2 s: the same job" "$s1" "$OUT"
else
  check "the second submit came after the window (a stall), so a new job is right" \
    sql_is t "select created_at >= (select unique_until from jobs where id = '$s1') from jobs where id = '$OUT'"
  short_jobs=3
fi
wait_for 10 "short-1's window is over" expired short-1 || fail "short-1's window did not end within 10 s"
check_status "submit --key short-1 after the window" 0 jobq --json submit echo '{"gen":2}' --key short-1
s2=$(jsql "$OUT" "j->>'id'")
check_eq "... makes a new job (existed false)" "false" "$(jsql "$OUT" "j->>'existed'")"
check "... with a new id ($s2)" test "$s2" != "$s1" -a -n "$s2"
check_eq "... which holds short-1 with its own payload and no window" '2 true' \
  "$(sql "select payload->>'gen' || ' ' || (unique_until is null) from jobs where idempotency_key = 'short-1'")"
check_status "submit --key short-1 once more" 0 jobq submit echo '{"gen":3}' --key short-1
check_eq "... returns the new job" "$s2" "$OUT"
check_eq "the old job is intact: queued, its payload, its key in expired_key" 'queued 1 short-1 t' \
  "$(sql "select concat_ws(' ', status, payload->>'gen', expired_key, idempotency_key is null) from jobs where id = '$s1'")"
check_eq "... its history unchanged" "$events_before" "$(sql "select count(*) from job_events where job_id = '$s1'")"
check_status "jobq status of the old job exits 0" 0 jobq --json status "$s1"
check_eq "... and shows it" "$s1 queued" "$(jsql "$OUT" "concat_ws(' ', j->>'id', j->>'status')")"
check_status "jobq list --json exits 0" 0 jobq list --json --limit 1000
check_eq "... lists the old job and the new one" 2 "$(grep -o -e "$s1" -e "$s2" "$OUT_FILE" | sort -u | wc -l)"
check_eq "$short_jobs jobs were made for short-1 (2, and 1 more after a stall), no more" "$short_jobs" \
  "$(sql "select count(*) from jobs where 'short-1' in (idempotency_key, expired_key)")"

# ---- 8 submits of an expired key at once: one new job
check_status "submit --key race-1 --unique-for 1s" 0 jobq submit noop --key race-1 --unique-for 1s
r0=$OUT
wait_for 10 "race-1's window is over" expired race-1 || fail "race-1's window did not end within 10 s"
for i in 1 2 3 4 5 6 7 8; do
  ( rc=0; timeout 60 "$JOBQ_BIN_DIR/jobq" submit noop --key race-1 --unique-for 1h \
      >"$T/race.$i.out" 2>"$T/race.$i.err" || rc=$?; echo "$rc" >"$T/race.$i.rc" ) &
done
wait_for 90 "the 8 submits ended" bash -c "ls '$T'/race.*.rc 2>/dev/null | wc -l | grep -qx 8" ||
  fail "the 8 concurrent submits did not all end within 90 s"
check_eq "the 8 concurrent submits all exit 0" "0 0 0 0 0 0 0 0" "$(cat "$T"/race.*.rc 2>/dev/null | xargs)"
check_eq "... and print one and the same id" 1 "$(cat "$T"/race.*.out | sort -u | wc -l)"
rnew=$(sort -u "$T"/race.*.out | head -n 1)
check "... a new one ($rnew)" test "$rnew" != "$r0" -a -n "$rnew"
check_eq "race-1: one holder (the new job), one old job" "1 $rnew 1" \
  "$(sql "select concat_ws(' ', count(*) filter (where idempotency_key = 'race-1'),
                 min(id::text) filter (where idempotency_key = 'race-1'),
                 count(*) filter (where expired_key = 'race-1'))
          from jobs where 'race-1' in (idempotency_key, expired_key)")"

# ---- --batch: the "unique_for" field
printf '%s\n' '{"type":"noop","key":"batch-u","unique_for":"2s","payload":{"b":1}}' \
  '{"type":"noop","key":"batch-f"}' >"$T/b1.jsonl"
check_status "submit --batch with a unique_for line" 0 jobq --json submit --batch "$T/b1.jsonl"
b1=$(jsql "$(sed -n 1p <<<"$OUT")" "j->>'id'")
check_eq "... its window is 2 s" "00:00:02" "$(sql "select unique_until - created_at from jobs where id = '$b1'")"
wait_for 10 "batch-u's window is over" expired batch-u || fail "batch-u's window did not end within 10 s"
printf '%s\n' '{"type":"noop","key":"batch-u","unique_for":60,"payload":{"b":2}}' \
  '{"type":"noop","key":"batch-f"}' '{"type":"noop","key":"batch-u","payload":{"b":3}}' >"$T/b2.jsonl"
check_status "submit --batch again after batch-u's window" 0 jobq --json submit --batch "$T/b2.jsonl"
bout=$OUT
bid() { jsql "$(sed -n "${1}p" <<<"$bout")" "j->>'id'"; }
bex() { jsql "$(sed -n "${1}p" <<<"$bout")" "j->>'existed'"; }
check "... line 1 is a new job for batch-u" test "$(bid 1)" != "$b1" -a "$(bex 1)" = false
check_eq "... line 3 (batch-u again) is line 1's job" "$(bid 1)" "$(bid 3)"
check_eq "... batch-f (no window) is the earlier job" true "$(bex 2)"
check_eq "batch-u's new job: payload of line 1, window 60 s; the old one kept its key aside" \
  "2 00:01:00 $b1" \
  "$(sql "select concat_ws(' ', payload->>'b', unique_until - created_at,
                 (select id from jobs where expired_key = 'batch-u'))
          from jobs where idempotency_key = 'batch-u'")"
printf '%s\n' '{"type":"noop"}' '{"type":"noop","key":"x","unique_for":0}' >"$T/bad.jsonl"
check_status "a batch line with unique_for 0 is refused (exit 2)" 2 jobq submit --batch "$T/bad.jsonl"
check "... naming the file, the line and the field" grep -q 'bad.jsonl:2: "unique_for" must be more than 0' "$ERR_FILE"
printf '%s\n' '{"type":"noop","unique_for":"1h"}' >"$T/bad2.jsonl"
check_status "a batch line with a window and no key is refused (exit 2)" 2 jobq submit --batch "$T/bad2.jsonl"
check "... naming the line" grep -q 'bad2.jsonl:1: unique_for needs a key' "$ERR_FILE"

# ---- the CLI's own role (jobq_cli): the key moves through jobq_expire_keys
check_status "as jobq_cli: submit --key cli-1 --unique-for 1s" 0 \
  env JOBQ_DATABASE_URL="$CLI_DB" "$JOBQ_BIN_DIR/jobq" submit noop --key cli-1 --unique-for 1s
c1=$OUT
wait_for 10 "cli-1's window is over" expired cli-1 || fail "cli-1's window did not end within 10 s"
check_status "as jobq_cli: submit --key cli-1 after the window" 0 \
  env JOBQ_DATABASE_URL="$CLI_DB" "$JOBQ_BIN_DIR/jobq" submit noop --key cli-1
check "... makes a new job" test "$OUT" != "$c1" -a -n "$OUT"
check_eq "... and the old one has the key aside" cli-1 "$(sql "select expired_key from jobs where id = '$c1'")"

# ---- the SQL API (as jobq_app)
check_status "jobq_submit(..., key, unique_for => 1 h)" 0 \
  app "select jobq_submit('noop', key => 'sql-0', unique_for => interval '1 hour')"
qh=$OUT
check_status "jobq_submit of sql-0 without a window" 0 app "select jobq_submit('noop', key => 'sql-0')"
check_eq "... within the window: the same job" "$qh" "$OUT"
check_status "jobq_submit(..., key, unique_for => 1 s)" 0 \
  app "select jobq_submit('noop', key => 'sql-1', unique_for => interval '1 second')"
q1=$OUT
check_eq "... its window is 1 s" "00:00:01" "$(sql "select unique_until - created_at from jobs where id = '$q1'")"
check_status "jobq_submit of sql-1 at once" 0 \
  app "select jobq_submit('noop', key => 'sql-1', unique_for => interval '1 second')"
# within the window unless the machine stalled for 1 s (psql's start included); say which
if [[ "$OUT" == "$q1" ]]; then
  check_eq "... within 1 s: the same job" "$q1" "$OUT"
else
  check "... it came after the window (a stall), so a new job is right" \
    sql_is t "select created_at >= (select unique_until from jobs where id = '$q1') from jobs where id = '$OUT'"
  q1=$OUT
fi
wait_for 10 "sql-1's window is over" expired sql-1 || fail "sql-1's window did not end within 10 s"
check_status "jobq_submit of sql-1 after the window" 0 app "select jobq_submit('noop', key => 'sql-1')"
q2=$OUT
check "... makes a new job" test "$q2" != "$q1" -a -n "$q2"
check_eq "... which holds the key for ever; the old one keeps it aside" "true sql-1" \
  "$(sql "select (select unique_until is null from jobs where id = '$q2') || ' ' || expired_key from jobs where id = '$q1'")"
check_status "jobq_submit_many with \"unique_for\"" 0 \
  app "select array_to_string(jobq_submit_many('[{\"type\":\"noop\",\"key\":\"sql-2\",\"unique_for\":1},
        {\"type\":\"noop\",\"key\":\"sql-2\"}]'), ' ')"
read -r m1 m2 <<<"$OUT"
check_eq "... a key repeated in the call is one job" "$m1" "$m2"
wait_for 10 "sql-2's window is over" expired sql-2 || fail "sql-2's window did not end within 10 s"
check_status "jobq_submit_many of sql-2 after the window" 0 \
  app "select array_to_string(jobq_submit_many('[{\"type\":\"noop\",\"key\":\"sql-2\",\"unique_for\":\"1 hour\"}]'), ' ')"
check "... makes a new job" test "$OUT" != "$m1" -a -n "$OUT"
check_eq "... with a window of 1 hour" "01:00:00" \
  "$(sql "select unique_until - created_at from jobs where id = '$OUT'")"
# 8 application sessions submit an expired key at once, each in a transaction that holds on
# for 0.3 s after its submit: one new job
check_status "jobq_submit of sql-race with a window of 1 s" 0 \
  app "select jobq_submit('noop', key => 'sql-race', unique_for => interval '1 second', run_at => now() + interval '1 hour')"
q0=$OUT
wait_for 10 "sql-race's window is over" expired sql-race || fail "sql-race's window did not end within 10 s"
for i in 1 2 3 4 5 6 7 8; do
  ( rc=0; timeout 60 psql "$APP_DB" -XAtq -v ON_ERROR_STOP=1 -c "begin" \
      -c "select jobq_submit('noop', key => 'sql-race', run_at => now() + interval '1 hour')" \
      -c "select pg_sleep(0.3)" -c "commit" >"$T/sqlrace.$i.out" 2>"$T/sqlrace.$i.err" || rc=$?
    echo "$rc" >"$T/sqlrace.$i.rc" ) &
done
wait_for 90 "the 8 sessions ended" bash -c "ls '$T'/sqlrace.*.rc 2>/dev/null | wc -l | grep -qx 8" ||
  fail "the 8 concurrent sessions did not all end within 90 s"
check_eq "the 8 concurrent sessions all commit" "0 0 0 0 0 0 0 0" "$(cat "$T"/sqlrace.*.rc 2>/dev/null | xargs)"
check_eq "... and got one and the same id" 1 "$(grep -h -E '^[0-9a-f-]{36}$' "$T"/sqlrace.*.out | sort -u | wc -l)"
check_eq "sql-race: one new holder, one old job" "1 1" \
  "$(sql "select concat_ws(' ', count(*) filter (where idempotency_key = 'sql-race'),
                 count(*) filter (where expired_key = 'sql-race' and id = '$q0'))
          from jobs where 'sql-race' in (idempotency_key, expired_key)")"
check "... the holder is not the old job" sql_is f "select id = '$q0' from jobs where idempotency_key = 'sql-race'"

for bad in "key => 'sql-bad', unique_for => interval '0'|unique_for: 00:00:00 must be more than 0 and at most 365 days" \
           "key => 'sql-bad', unique_for => interval '-1 second'|must be more than 0" \
           "key => 'sql-bad', unique_for => interval '366 days'|at most 365 days" \
           "unique_for => interval '1 hour'|unique_for needs a key"; do
  fn_args=${bad%%|*} want=${bad#*|}
  check_status "jobq_submit('noop', $fn_args) is refused" 1 app "select jobq_submit('noop', $fn_args)"
  check "... with '$want'" grep -qF "$want" "$ERR_FILE"
done
check_status "jobq_submit_many with \"unique_for\": -1 is refused" 1 \
  app "select jobq_submit_many('[{\"type\":\"noop\",\"key\":\"k\",\"unique_for\":-1}]')"
check "... naming the job and the field" grep -qF 'job 1: "unique_for" must be seconds' "$ERR_FILE"
check_status "jobq_submit_many with \"unique_for\" and no key is refused" 1 \
  app "select jobq_submit_many('[{\"type\":\"noop\"},{\"type\":\"noop\",\"unique_for\":5}]')"
check "... naming the job" grep -qF 'job 2: unique_for needs a key' "$ERR_FILE"
check_eq "the refused calls saved nothing" 0 "$(sql "select count(*) from jobs where idempotency_key = 'sql-bad'")"

# ---- a job still running when its window ends: the key moves, the job runs on
start_consumer w1 --worker-id w1 --concurrency 2
check_status "submit sleep 15 s --key run-1 --unique-for 1s" 0 jobq submit sleep '{"seconds":15}' --key run-1 --unique-for 1s
o1=$OUT
wait_for 20 "run-1's job running" sql_is running "select status from jobs where id = '$o1'" ||
  fail "run-1's job did not start within 20 s"
wait_for 10 "run-1's window is over" expired run-1 || fail "run-1's window did not end within 10 s"
check_status "submit --key run-1 while its old job runs" 0 jobq submit noop --key run-1
o2=$OUT
check "... makes a new job" test "$o2" != "$o1" -a -n "$o2"
check_eq "... while the old one is still running, without its key" "running run-1" \
  "$(sql "select concat_ws(' ', status, expired_key, idempotency_key) from jobs where id = '$o1'")"
wait_for 45 "both run-1 jobs succeeded" sql_is 2 \
  "select count(*) from jobs where id in ('$o1', '$o2') and status = 'succeeded'" ||
  fail "the run-1 jobs did not both succeed within 45 s"
check_eq "the old job ran to its end once: one start, one success in its history" "1 1" \
  "$(sql "select count(*) filter (where to_status = 'running') || ' ' || count(*) filter (where to_status = 'succeeded')
          from job_events where job_id = '$o1'")"
