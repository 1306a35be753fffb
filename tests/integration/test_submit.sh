#!/usr/bin/env bash
# test_submit — the happy path of `jobq submit` and the read commands, end to end:
#  - `submit TYPE PAYLOAD --wait` prints the job id, then the result, and exits 0;
#  - `status` (text and --json) shows the job succeeded with its result;
#  - `submit` without --wait prints exactly one line: the UUID;
#  - the payload can come from stdin (`-`) and from `--payload-file`;
#  - `--key K` given twice returns the same id and creates one row (idempotency), also when
#    6 submits with one key race, and in a `--batch`: a key repeated within the batch is one
#    job (its first line's, existed=true for the others), a key of an earlier job is that
#    job, and the batch's own jobs are new, in line order;
#  - `wait` on a job that already ended exits 0 at once;
#  - `list --json` includes the jobs;
#  - every job has exactly one terminal transition in job_events (the trigger's history);
#  - `--concurrency-key K` and a batch line's "concurrency_key" are saved and shown by
#    `status` (text and --json); a bad key exits 2 with one line naming it (and its line).
source "$(dirname "$0")/lib.sh"
jq_setup submit

UUID_RE='^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
is_uuid() { [[ "$1" =~ $UUID_RE ]]; }
# json_same A B: A and B are the same JSON value (whitespace and key order do not matter).
# JSON is compared and read with PostgreSQL's jsonb (psql starts much faster than python3 on a
# loaded machine).
json_same() { [[ "$(sql "select \$j1\$$1\$j1\$::jsonb = \$j2\$$2\$j2\$::jsonb" 2>/dev/null)" == t ]]; }
# jsql JSON EXPR: EXPR over the jsonb value j, e.g. jsql "$OUT" "j->>'status'"
jsql() { sql "select $2 from (select \$j\$$1\$j\$::jsonb as j) x" 2>/dev/null; }
nlines() { local nl="${1//[!$'\n']/}"; if [[ -z "$1" ]]; then echo 0; else echo $(( ${#nl} + 1 )); fi; }

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 2

# ---- submit --wait: id, then the result
check_status "submit echo --wait exits 0" 0 timeout 20 "$JOBQ_BIN_DIR/jobq" submit echo '{"x":1}' --wait
id1=$(sed -n 1p <<<"$OUT")
check "first line of submit --wait is a UUID ($id1)" is_uuid "$id1"
check_eq "submit --wait prints two lines (id, result)" 2 "$(nlines "$OUT")"
check "second line is the result {\"x\":1} (got: $(sed -n 2p <<<"$OUT"))" json_same '{"x":1}' "$(sed -n 2p <<<"$OUT")"
check_eq "row is succeeded" succeeded "$(sql "select status from jobs where id='$id1'")"
check "row's result is the payload" json_same '{"x":1}' "$(sql "select result::text from jobs where id='$id1'")"

# ---- status, text and JSON
check_status "status ID exits 0" 0 jobq status "$id1"
check "status shows 'status: succeeded'" grep -Eq '^status:[[:space:]]+succeeded$' "$OUT_FILE"
res_line=$(sed -n 's/^result:[[:space:]]*//p' "$OUT_FILE")
check "status shows the result ($res_line)" json_same '{"x":1}' "${res_line:-null}"
check_status "status --json ID exits 0" 0 jobq status --json "$id1"
check "status --json parses as JSON" python3 -c 'import json,sys; json.loads(sys.argv[1])' "$OUT"
check_eq "status --json: id, status, result = {\"x\":1}" "$id1 succeeded t" \
  "$(jsql "$OUT" "concat_ws(' ', j->>'id', j->>'status', j->'result' = '{\"x\":1}')")"
check_status "global --json before the command works too" 0 jobq --json status "$id1"
check_eq "jobq --json status: status" succeeded "$(jsql "$OUT" "j->>'status'")"

# ---- submit without --wait: exactly one UUID line
check_status "submit noop exits 0" 0 jobq submit noop
id2=$OUT
check_eq "submit prints exactly one line" 1 "$(nlines "$OUT")"
check "that line is a UUID ($id2)" is_uuid "$id2"
check_eq "nothing on stderr" "" "$ERR"
check_eq "a row exists for it" 1 "$(sql "select count(*) from jobs where id='$id2'")"

# ---- payload from stdin ('-')
# shellcheck disable=SC2016  # the single quotes are meant: bash -c's script reads its own arguments
check_status "submit echo - (payload on stdin) exits 0" 0 \
  bash -c 'printf "%s" "{\"from\":\"stdin\",\"n\":[1,2]}" | "$1" submit echo -' _ "$JOBQ_BIN_DIR/jobq"
id3=$OUT
check "stdin submit prints a UUID ($id3)" is_uuid "$id3"
check "stdin payload is stored" json_same '{"from":"stdin","n":[1,2]}' \
  "$(sql "select payload::text from jobs where id='$id3'" 2>/dev/null || echo null)"

# ---- payload from --payload-file
printf '{"from": "file",\n "deep": {"a": [true, null]}}\n' >"$T/payload.json"
check_status "submit --payload-file exits 0" 0 jobq submit echo --payload-file "$T/payload.json"
id4=$OUT
check "payload-file submit prints a UUID ($id4)" is_uuid "$id4"
check "payload-file payload is stored" json_same '{"from":"file","deep":{"a":[true,null]}}' \
  "$(sql "select payload::text from jobs where id='$id4'" 2>/dev/null || echo null)"

# ---- idempotency key
check_status "submit --key K (first)" 0 jobq submit echo '{"k":1}' --key "order-42"
k1=$OUT
check_status "submit --key K (again)" 0 jobq submit echo '{"k":2}' --key "order-42"
k2=$OUT
check "--key: first id is a UUID ($k1)" is_uuid "$k1"
check_eq "--key twice returns the same id" "$k1" "$k2"
check_eq "--key twice makes one row" 1 "$(sql "select count(*) from jobs where idempotency_key='order-42'")"
check "--key: the first payload stands" json_same '{"k":1}' \
  "$(sql "select payload::text from jobs where idempotency_key='order-42'" 2>/dev/null || echo null)"

# the same key from 6 concurrent submits: one row, and every submit prints its id
pids=()
for i in 1 2 3 4 5 6; do
  "$JOBQ_BIN_DIR/jobq" submit noop --key "race-7" >"$T/race.$i.out" 2>"$T/race.$i.err" & pids+=($!)
done
race_rc=0
for p in "${pids[@]}"; do wait "$p" || race_rc=$?; done
check_eq "6 concurrent submits with one key all exit 0" 0 "$race_rc"
check_eq "... and print one and the same id" 1 "$(cat "$T"/race.*.out | sort -u | wc -l)"
check_eq "... which is the only row with that key" "$(cat "$T"/race.*.out | sort -u)" \
  "$(sql "select string_agg(id::text, ',') from jobs where idempotency_key='race-7'")"
race_id=$(sort -u "$T"/race.*.out | head -n1)

# keys in a --batch: repeated within it, and one of an earlier job
printf '%s\n' '{"type":"noop","key":"batch-1","payload":{"n":1}}' '{"type":"noop","payload":{"n":2}}' \
  '{"type":"noop","key":"batch-1","payload":{"n":3}}' '{"type":"echo","key":"order-42"}' \
  '{"type":"noop","key":"batch-2","payload":{"n":5}}' >"$T/keys.jsonl"
check_status "submit --batch with repeated keys exits 0" 0 jobq --json submit --batch "$T/keys.jsonl"
bout=$OUT
bid() { jsql "$(sed -n "${1}p" <<<"$bout")" "j->>'id'"; }
bex() { jsql "$(sed -n "${1}p" <<<"$bout")" "j->>'existed'"; }
check_eq "--batch: one line per job" 5 "$(nlines "$bout")"
check_eq "--batch: a key repeated in the batch is its first line's job" "$(bid 1)" "$(bid 3)"
check_eq "--batch: ... which is new on line 1, existed on line 3" "false,true" "$(bex 1),$(bex 3)"
check_eq "--batch: a key of an earlier job is that job (existed)" "$k1,true" "$(bid 4),$(bex 4)"
check_eq "--batch: the other lines are new jobs, with their payloads" '2,5' \
  "$(sql "select string_agg(payload->>'n', ',' order by payload->>'n') from jobs where id in ('$(bid 2)','$(bid 5)')")"
check_eq "--batch: the repeated key made one row, with the first line's payload" '1:1' \
  "$(sql "select count(*) || ':' || max(payload->>'n') from jobs where idempotency_key='batch-1'")"
check_eq "--batch: the repeated key's job ran once" 1 \
  "$(sql "select count(*) from job_events where job_id='$(bid 1)' and to_status='running'")"

# ---- every submitted job finishes
all_ids=("$id1" "$id2" "$id3" "$id4" "$k1" "$race_id" "$(bid 1)" "$(bid 2)" "$(bid 5)")
in_list=$(printf "'%s'," "${all_ids[@]}"); in_list=${in_list%,}
wait_for 20 "all jobs succeeded" sql_is 9 "select count(*) from jobs where id in ($in_list) and status='succeeded'" || true
check "stdin job's result is its payload" json_same '{"from":"stdin","n":[1,2]}' \
  "$(sql "select coalesce(result::text,'null') from jobs where id='$id3'")"

# ---- wait on a finished job: exit 0 at once
cost=$(cli_cost_ms "$id1")
t0=$(_jq_now_ms)
check_status "wait on a finished job exits 0" 0 timeout 10 "$JOBQ_BIN_DIR/jobq" wait "$id1"
dt=$(( $(_jq_now_ms) - t0 ))
check "wait on a finished job returns at once (${dt} ms < 2000 + a status call's ${cost} ms)" \
  test "$dt" -lt $(( 2000 + cost ))
check "wait prints the result" json_same '{"x":1}' "${OUT:-null}"

# ---- list --json includes them
check_status "list --json exits 0" 0 jobq list --json
check_eq "list --json includes every job, as succeeded" "$(printf '%s=succeeded\n' "${all_ids[@]}" | LC_ALL=C sort | paste -sd' ')" \
  "$(jsql "$OUT" "(select string_agg((r->>'id') || '=' || (r->>'status'), ' ' order by r->>'id' collate \"C\")
                   from jsonb_array_elements(j) r)")"
check_eq "list --json lists each job once (9 jobs)" 9 "$(jsql "$OUT" "jsonb_array_length(j)")"

# ---- history: exactly one terminal transition per job
check_eq "every job has exactly one terminal job_events row" "9|9" "$(sql "
  select count(*), count(*) filter (where n = 1) from (
    select j.id, (select count(*) from job_events e where e.job_id = j.id
                  and e.to_status in ('succeeded','failed','cancelled')) as n
    from jobs j) x")"
check_eq "every job has exactly one queued->running" 9 "$(sql "
  select count(*) from (select job_id from job_events where from_status='queued' and to_status='running'
                        group by job_id having count(*)=1) x")"
check_eq "every job has a creation event" 9 "$(sql "select count(*) from job_events where from_status is null")"

# ---- --concurrency-key: saved, shown by status (text and --json); a bad one named (also in
# a batch, with its line); a batch line's "concurrency_key"
check_status "--concurrency-key 'a b' exits 2" 2 jobq submit noop --concurrency-key 'a b'
check_eq "  one line naming the key and the rule" \
  "jobq submit: concurrency key 'a b' is invalid (1-128 characters of A-Z a-z 0-9 _ . : -)" "$ERR"
printf '{"type":"noop"}\n{"type":"noop","concurrency_key":"x/y"}\n' >"$T/badkey.jsonl"
check_status "a batch line with a bad concurrency key exits 2" 2 jobq submit --batch "$T/badkey.jsonl"
check "  the message names the file, line 2 and the key" \
  grep -q "badkey.jsonl:2: concurrency key 'x/y' is invalid" "$ERR_FILE"
check_status "--batch with --concurrency-key exits 2" 2 jobq submit --batch "$T/badkey.jsonl" --concurrency-key t
check_status "submit --concurrency-key tenant-1 --wait" 0 jobq submit echo '{"t":1}' --concurrency-key tenant-1 --wait
kid=$(sed -n 1p <<<"$OUT")
check_status "status shows the key" 0 jobq status "$kid"
check "  concurrency key: tenant-1" grep -Eq '^concurrency key: +tenant-1$' "$OUT_FILE"
check_status "status --json" 0 jobq status --json "$kid"
check_eq "  \"concurrency_key\": \"tenant-1\"" tenant-1 "$(jsql "$OUT" "j->>'concurrency_key'")"
printf '{"type":"noop","concurrency_key":"tenant-2"}\n{"type":"noop"}\n' >"$T/keyed.jsonl"
check_status "a batch with a concurrency key on one line" 0 jobq submit --batch "$T/keyed.jsonl"
check_eq "  the key is saved on that job only" "tenant-2|" "$(sql "select string_agg(coalesce(concurrency_key, ''), '|' order by concurrency_key nulls last)
  from jobs where id in ('$(sed -n 1p <<<"$OUT")', '$(sed -n 2p <<<"$OUT")')")"
check_status "status --json of a job without one" 0 jobq status --json "$(sed -n 2p <<<"$OUT")"
check_eq "  \"concurrency_key\": null" null "$(jsql "$OUT" "j->'concurrency_key'")"

check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
