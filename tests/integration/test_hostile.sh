#!/usr/bin/env bash
# test_hostile — malformed and hostile input never stops a consumer, and nothing valid
# around it is lost:
#  - message bodies published straight to jobq.default: not JSON, no job_id, a non-UUID
#    job_id, a message_id that disagrees with the body, invalid UTF-8, a 10 MB body, a
#    well-formed envelope naming no job: each is dead-lettered and recorded in dead_letters
#    (`jobq dead list`), with the valid jobs submitted between them all succeeding;
#  - an unknown job type fails permanently with a clear error; the consumer keeps serving;
#  - a job for a queue no consumer serves waits (queued), untouched;
#  - a database that refuses the credentials, and an unreachable broker: exit 5 and one
#    line, within the connect timeout.
source "$(dirname "$0")/lib.sh"
jq_setup hostile

TRY="$JOBQ_BIN_DIR/tests/amqp_try"
check --fatal "migrate" jobq migrate
start_consumer w --worker-id w --concurrency 4
ID=0b0e5a5e-4d8c-4f43-9d6e-2a1f3c4b5d6e

good=()
hostile() {  # NAME FILE [MESSAGE_ID]: publish FILE raw, then a valid job after it
  check "publish $1" "$TRY" "$JOBQ_AMQP_URL" publish jobq.jobs default "$2" ${3:+"$3"}
  good+=("$(jobq submit echo "{\"after\":\"$1\"}")")
}
printf 'not json at all' >"$T/b1"; hostile "not JSON" "$T/b1"
printf '{"type":"noop","queue":"default"}' >"$T/b2"; hostile "no job_id" "$T/b2"
printf '{"job_id":"42","type":"noop","queue":"default"}' >"$T/b3"; hostile "non-UUID job_id" "$T/b3"
printf '{"job_id":"%s","type":"noop","queue":"default"}' "$ID" >"$T/b4"
hostile "message_id disagrees" "$T/b4" 11111111-2222-3333-4444-555555555555
printf '{"job_id":"%s","type":"no\xff\xfeop","queue":"default"}' "$ID" >"$T/b5"; hostile "invalid UTF-8" "$T/b5"
head -c 10485760 /dev/zero | tr '\0' 'x' >"$T/b6"; hostile "10 MB body" "$T/b6"
hostile "names no job" "$T/b4" "$ID"

Q=$(printf "'%s'," "${good[@]}"); Q=${Q%,}
wait_for 30 "the ${#good[@]} valid jobs between them succeeded" sql_is "${#good[@]}" "select count(*) from jobs where id in ($Q) and status='succeeded'"
wait_for 20 "7 dead letters recorded" sql_is 7 "select count(*) from dead_letters"
check_eq "the 10 MB body is recorded by size, its first 64 KiB kept" "10485760|65536" \
  "$(sql "select body_bytes, length(body) from dead_letters where body_bytes > 1000000")"
check_eq "the envelope naming no job is recorded with its id" "no such job" \
  "$(sql "select detail from dead_letters where job_id='$ID' and message_id='$ID'")"
check "consumer still running" is_running w
check_status "jobq dead list --json exits 0" 0 jobq dead list --json
check_eq "dead list shows 7" 7 "$(json_get 'len(d)' <<<"$OUT")"
check_eq "jobq.default is empty again (ready+unacked)" "0" \
  "$(for i in $(seq 50); do r=$(queue_stat jobq.default messages 2>/dev/null || echo x); [[ "$r" == 0 ]] && break; sleep 0.3; done; echo "$r")"

# ---- an unknown job type
check_status "unknown type: submit --wait exits 1" 1 timeout 30 "$JOBQ_BIN_DIR/jobq" submit nosuchtype '{}' --max-attempts 3 --wait
check "the error says there is no handler" grep -q "no handler for job type 'nosuchtype'" "$OUT_FILE"
bad=$(sed -n 1p "$OUT_FILE")
check_eq "failed permanently after one attempt" "failed|1" "$(sql "select status, attempt from jobs where id='$bad'")"
check_status "the consumer still serves (echo)" 0 timeout 30 "$JOBQ_BIN_DIR/jobq" submit echo '{"still":"here"}' --wait

# ---- a queue no consumer serves: the job waits, nothing else happens to it
check_status "submit --queue nobody exits 0" 0 jobq submit noop --queue nobody
lonely=$(sed -n 1p "$OUT_FILE")
sleep 2
check_eq "it waits as queued, published, never claimed" "queued|0|t" \
  "$(sql "select status, attempt, published_at is not null from jobs where id='$lonely'")"

# ---- servers that refuse or are not there: exit 5, one line, no hang
# (the test stack trusts loopback passwords, so an unknown role is the refusal here)
bad_db="postgresql://intruder:wrong-password@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
check_status "CLI with refused DB credentials exits 5" 5 env JOBQ_DATABASE_URL="$bad_db" timeout 15 "$JOBQ_BIN_DIR/jobq" stats
check_eq "one line on stderr" 1 "$(wc -l <"$ERR_FILE")"
check "the password is masked" bash -c "! grep -q wrong-password '$ERR_FILE'"
check_status "consumer with refused DB credentials exits 5" 5 env JOBQ_DATABASE_URL="$bad_db" timeout 15 "$JOBQ_BIN_DIR/jobq-consumer" --worker-id x
check "its error names the refusal, password masked" bash -c "grep -q 'intruder.*does not exist' '$ERR_FILE' && ! grep -q wrong-password '$ERR_FILE'"
cost=$(cli_cost_ms "$lonely")
t0=$(_jq_now_ms)
check_status "submit with the broker unreachable: saved, exit 6" 6 \
  env JOBQ_AMQP_URL=amqp://jobq:jobq@127.0.0.1:1/ timeout 15 "$JOBQ_BIN_DIR/jobq" submit noop --queue nobody
check "one warning line saying the relay will publish it" bash -c "test \$(wc -l <'$ERR_FILE') -eq 1 && grep -q relay '$ERR_FILE'"
check "no hang: under 6 s and a CLI call's $cost ms" test $(( $(_jq_now_ms) - t0 )) -lt $(( 6000 + cost ))
check_status "cancel of the waiting job works without a broker (exit 0)" 0 \
  env JOBQ_AMQP_URL=amqp://jobq:jobq@127.0.0.1:1/ timeout 15 "$JOBQ_BIN_DIR/jobq" cancel "$lonely"
check_eq "the cancel landed" cancelled "$(sql "select status from jobs where id='$lonely'")"
