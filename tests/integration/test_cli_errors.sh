#!/usr/bin/env bash
# test_cli_errors — bad input gets a clear error and loses nothing (docs/design.md §1.5, §9):
#  - each bad CLI input exits 2 with exactly ONE line on stderr that names the problem (the
#    bad word, option or value): unknown command and option, missing type, invalid JSON, an
#    invalid type name, bad --max-attempts / --delay / --queue / --at values, a non-UUID id,
#    bad list filters, a --batch file with a bad line 3 (the message names FILE:3), an
#    oversized payload (JOBQ_MAX_PAYLOAD; exactly the limit is accepted, one byte more is
#    not), an unreadable --config file, boundaries (--max-attempts 1001, --limit 0/10001);
#  - unknown but well-formed ids → exit 3 for status, history and retry;
#  - none of them inserts a row; the batch is all-or-nothing (its 2 good lines are not saved);
#  - `jobq-consumer --check-config`: a config with an unknown key or a wrongly typed value on
#    line 3 → exit 2 and one stderr line containing FILE:3; a valid config → exit 0 (secrets
#    masked in what it prints);
#  - with a URL list whose first node is down, submit, consumer and relay use the second;
#  - with the broker unreachable, `submit` still saves the job (exit 6, the id on stdout, a
#    warning on stderr), and a consumer's relay publishes it later so that it succeeds.
source "$(dirname "$0")/lib.sh"
jq_setup cli_errors

J="$JOBQ_BIN_DIR/jobq"
C="$JOBQ_BIN_DIR/jobq-consumer"
nlines() { local nl="${1//[!$'\n']/}"; if [[ -z "$1" ]]; then echo 0; else echo $(( ${#nl} + 1 )); fi; }

a_times() { local s; printf -v s '%*s' "$1" ''; printf '%s' "${s// /a}"; }   # N times 'a'

check --fatal "migrate" jobq migrate

# bad DESC NEEDLE CMD... — CMD exits 2, prints one line on stderr containing NEEDLE (fixed
# string), and nothing on stdout.
bad() {
  local desc="$1" needle="$2"; shift 2
  check_status "$desc: exit 2" 2 "$@"
  check_eq "$desc: exactly one line on stderr" 1 "$(nlines "$ERR")"
  if [[ "$ERR" == *"$needle"* ]]; then
    _jq_ok "$desc: the message names '$needle'"
  else
    fail "$desc: the message names '$needle'"
    printf '#   stderr: %s\n' "$ERR"
  fi
  check_eq "$desc: nothing on stdout" "" "$OUT"
}

jobs_before=$(sql "select count(*) from jobs")

bad "unknown command"          "frobnicate"       "$J" frobnicate
bad "unknown global option"    "--bogus"          "$J" --bogus status
bad "unknown submit option"    "--bogus"          "$J" submit --bogus noop
bad "submit without a type"    "TYPE"             "$J" submit
bad "invalid JSON payload"     "JSON"             "$J" submit echo '{"a":'
bad "invalid type name"        "bad type!"        "$J" submit 'bad type!'
bad "--max-attempts 0"         "--max-attempts"   "$J" submit noop --max-attempts 0
bad "--max-attempts 12x"       "12x"              "$J" submit noop --max-attempts 12x
bad "--max-attempts huge"      "99999999999999999999" "$J" submit noop --max-attempts 99999999999999999999
bad "--delay 5x"               "5x"               "$J" submit noop --delay 5x
bad "--delay -1s"              "-1s"              "$J" submit noop --delay -1s
bad "--queue 'bad queue'"      "bad queue"        "$J" submit noop --queue 'bad queue'
bad "--at yesterday"           "yesterday"        "$J" submit noop --at yesterday
bad "status not-a-uuid"        "not-a-uuid"       "$J" status not-a-uuid
bad "list --limit abc"         "abc"              "$J" list --limit abc
bad "list --status bogus"      "bogus"            "$J" list --status bogus
# boundaries and a few more shapes of bad input
bad "--max-attempts 1001"      "1001"             "$J" submit noop --max-attempts 1001
bad "list --limit 0"           "--limit"          "$J" list --limit 0
bad "list --limit 10001"       "10001"            "$J" list --limit 10001
bad "--at without a time zone" "2026-11-28T12:00:00" "$J" submit noop --at 2026-11-28T12:00:00
bad "--delay over 365d"        "366d"             "$J" submit noop --delay 366d
bad "an extra argument"        "extra"            "$J" submit noop '{}' extra
bad "payload argument and --payload-file" "payload-file" "$J" submit noop '{}' --payload-file /dev/null
bad "--payload-file missing"   "$T/none.json"     "$J" submit noop --payload-file "$T/none.json"
bad "--batch with a TYPE"      "--batch"          "$J" submit --batch /dev/null noop
bad "\$JOBQ_MAX_PAYLOAD=abc"   "JOBQ_MAX_PAYLOAD" env JOBQ_MAX_PAYLOAD=abc "$J" submit noop

# a batch whose line 3 is bad: named as FILE:3, and nothing of the batch is saved
printf '%s\n' '{"type":"noop"}' '{"type":"echo","payload":{"n":2}}' '{"type":"noop","bogus":1}' \
  '{"type":"noop"}' >"$T/bad-field.jsonl"
bad "--batch, unknown field on line 3" "$T/bad-field.jsonl:3" "$J" submit --batch "$T/bad-field.jsonl"
printf '%s\n' '{"type":"noop"}' '{"type":"noop"}' '{"type":"noop",' >"$T/bad-json.jsonl"
bad "--batch, broken JSON on line 3" "$T/bad-json.jsonl:3" "$J" submit --batch "$T/bad-json.jsonl"
printf '%s\n' '{"type":"noop"}' '' '{"type":"bad type!"}' >"$T/bad-type.jsonl"
bad "--batch, invalid type on line 3 (after a blank line)" "$T/bad-type.jsonl:3" "$J" submit --batch "$T/bad-type.jsonl"
printf '{"type": "noop"}\n{"type": "echo", "payload": {"s": "%s"}}\n' "$(a_times 2000)" >"$T/bad-size.jsonl"
bad "--batch, line 2 over JOBQ_MAX_PAYLOAD=1024" "$T/bad-size.jsonl:2" env JOBQ_MAX_PAYLOAD=1024 "$J" submit --batch "$T/bad-size.jsonl"
# shellcheck disable=SC2016  # the single quotes are meant: bash -c's script reads its own arguments
bad "--batch from stdin, bad line 3" ":3" bash -c 'printf "%s\n" "{\"type\":\"noop\"}" "{\"type\":\"noop\"}" "{\"type\":3}" | "$1" submit --batch -' _ "$J"
check_eq "the bad batches inserted nothing (all or nothing)" "$jobs_before" "$(sql "select count(*) from jobs")"

# oversized payload: 2 KB against a 1 KiB limit
printf '{"s": "%s"}\n' "$(a_times 2048)" >"$T/big.json"
bad "payload over JOBQ_MAX_PAYLOAD=1024 (file)" "payload" env JOBQ_MAX_PAYLOAD=1024 "$J" submit echo --payload-file "$T/big.json"
bad "payload over JOBQ_MAX_PAYLOAD=1024 (argument)" "payload" env JOBQ_MAX_PAYLOAD=1024 "$J" submit echo "$(cat "$T/big.json")"
printf '{"s": "%s"}' "$(a_times $((1024 - 9)))" >"$T/exact.json"   # 9 = length of {"s": ""}
check_eq "(the exact-limit payload is 1024 bytes)" 1024 "$(wc -c <"$T/exact.json")"
check_status "a payload of exactly JOBQ_MAX_PAYLOAD=1024 bytes is accepted" 0 \
  env JOBQ_MAX_PAYLOAD=1024 "$J" submit echo --payload-file "$T/exact.json"
exact_id=$OUT
printf ' ' >>"$T/exact.json"
bad "a payload of 1025 bytes (limit 1024)" "1025" env JOBQ_MAX_PAYLOAD=1024 "$J" submit echo --payload-file "$T/exact.json"
check_status "a small payload under the same limit is fine" 0 env JOBQ_MAX_PAYLOAD=1024 "$J" submit echo '{"s":"small"}'
small_id=$OUT
jobs_before=$((jobs_before + 2))

bad "--config /nonexistent" "/nonexistent" "$J" --config /nonexistent submit noop

# unknown (well-formed) ids are "no such job": exit 3, one line
for cmd in status history retry; do
  check_status "$cmd of an unknown UUID exits 3" 3 "$J" "$cmd" 0d4e5f66-7a8b-4c9d-8e0f-1a2b3c4d5e6f
  check_eq "... one line on stderr" 1 "$(nlines "$ERR")"
done
check_eq "no bad submit inserted a row" "$jobs_before" "$(sql "select count(*) from jobs")"

# ---- configuration files (line 3 is the bad one)
printf 'consumer = {\n  concurrency = 2;\n  bogus_key = 1;\n};\n' >"$T/unknown-key.conf"
bad "--check-config, unknown key on line 3" "$T/unknown-key.conf:3" "$C" --config "$T/unknown-key.conf" --check-config
printf 'consumer = {\n  worker_id = "x";\n  concurrency = "eight";\n};\n' >"$T/wrong-type.conf"
bad "--check-config, wrong type on line 3" "$T/wrong-type.conf:3" "$C" --config "$T/wrong-type.conf" --check-config
printf 'consumer = {\n  worker_id = "x";\n  concurrency = 5000000000;\n};\n' >"$T/out-of-range.conf"
bad "--check-config, out of range on line 3" "$T/out-of-range.conf:3" "$C" --config "$T/out-of-range.conf" --check-config
bad "jobq with a config whose line 3 is bad" "$T/unknown-key.conf:3" "$J" --config "$T/unknown-key.conf" status "$small_id"
printf 'consumer = {\n  worker_id = "x";\n  concurrency = 2;\n};\nretry = { base = "100ms"; max = "1s"; };\n' >"$T/good.conf"
check_status "--check-config on a valid config exits 0" 0 "$C" --config "$T/good.conf" --check-config
# shellcheck disable=SC2016  # the single quotes are meant: bash -c's script reads its own arguments
check "... and it does not print the password" bash -c '! grep -q "jobq:jobq@" "$1"' _ "$OUT_FILE"
check_status "--check-config on the empty test config exits 0" 0 "$C" --check-config

# ---- a database URL libpq cannot parse: its parse error would quote the password
bad_db='postgresql://jobq:ab%zzSECRET@127.0.0.1:1/x'
check_status "status with an unparsable database URL fails" 5 env JOBQ_DATABASE_URL="$bad_db" \
  timeout 30 "$J" status 0d4e5f66-7a8b-4c9d-8e0f-1a2b3c4d5e6f
check "... and says the URL cannot be parsed" grep -q "cannot be parsed" "$ERR_FILE"
# shellcheck disable=SC2016  # the single quotes are meant: bash -c's script reads its own arguments
check "... without the password" bash -c '! grep -q SECRET "$1"' _ "$ERR_FILE"
check_status "status with an unparsable keyword conninfo fails" 5 \
  env JOBQ_DATABASE_URL='host=127.0.0.1 password=a SECRET' \
  timeout 30 "$J" status 0d4e5f66-7a8b-4c9d-8e0f-1a2b3c4d5e6f
# shellcheck disable=SC2016  # the single quotes are meant: bash -c's script reads its own arguments
check "... without the password" bash -c '! grep -q SECRET "$1"' _ "$ERR_FILE"
check_status "a consumer with an unparsable database URL stops" 5 \
  env JOBQ_DATABASE_URL="$bad_db" timeout 20 "$C" --worker-id badurl
check "... and says the URL cannot be parsed" grep -q "cannot be parsed" "$ERR_FILE"
# shellcheck disable=SC2016  # the single quotes are meant: bash -c's script reads its own arguments
check "... without the password" bash -c '! grep -q SECRET "$1"' _ "$ERR_FILE"

# ---- broker unreachable for submit: the job is saved, the relay publishes it later
check_status "submit with the broker unreachable exits 6 (saved, left to the relay)" 6 \
  env JOBQ_AMQP_URL=amqp://jobq:jobq@127.0.0.1:1/ timeout 30 "$J" submit echo '{"via":"relay"}'
relay_id=$OUT
check_eq "... the id is the only line on stdout" 1 "$(nlines "$OUT")"
check_eq "... and one warning line is on stderr" 1 "$(nlines "$ERR")"
check_eq "... the job is saved, queued, not yet published" "queued|t" \
  "$(sql "select status, published_at is null from jobs where id='$relay_id'")"
# ---- a list of broker URLs whose first node is down: the next one takes the message
DEAD_FIRST="amqp://jobq:jobq@127.0.0.1:1/,$JOBQ_AMQP_URL"
check_status "submit with the first of two broker URLs down exits 0" 0 \
  env JOBQ_AMQP_URL="$DEAD_FIRST" timeout 30 "$J" submit echo '{"via":"second node"}'
listed_id=$OUT
check "... and one warning line names the node it skipped" bash -c \
  "test \$(wc -l <'$ERR_FILE') -eq 1 && grep -q 'event=broker_failover .*127.0.0.1:1/' '$ERR_FILE'"
check_eq "... the job is saved and published" "queued|f" \
  "$(sql "select status, published_at is null from jobs where id='$listed_id'")"
# the consumer (and its relay) get the same list: they pass over the dead node too
JOBQ_AMQP_URL="$DEAD_FIRST" JOBQ_RELAY_GRACE=1s start_consumer w1 --worker-id w1 --concurrency 2
wait_for 15 "the job published on the second node succeeded" sql_is succeeded \
  "select status from jobs where id='$listed_id'" || true
if wait_for 15 "the relayed job succeeded" sql_is succeeded "select status from jobs where id='$relay_id'"; then
  check_eq "it was published" t "$(sql "select published_at is not null from jobs where id='$relay_id'")"
  check_eq "its result is its payload" '{"via": "relay"}' "$(sql "select result::text from jobs where id='$relay_id'")"
fi
wait_for 10 "the small and the exact-limit jobs succeeded" sql_is 2 "select count(*) from jobs where id in ('$small_id','$exact_id') and status='succeeded'" || true
check_eq "one terminal transition per job" 0 "$(sql "select count(*) from (select j.id from jobs j left join job_events e on e.job_id=j.id and e.to_status in ('succeeded','failed','cancelled') group by j.id having count(e.id) <> 1) x")"
check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
