#!/usr/bin/env bash
# test_queue_type_mismatch — a job queue that exists with the other type than
# amqp.queue_type is one line naming the queue, its type and the configured type, never a
# hang or a retry loop (docs/scaling.md "Queue type"):
#  - queues declared as quorum (the default); then with JOBQ_QUEUE_TYPE=classic:
#    `jobq migrate` exits 2 with one stderr line naming jobq.dead, quorum and classic;
#    jobq-consumer exits 2 at start with one start_failed line saying the same, before it
#    registers; `jobq submit` saves the job, exits 6 and its one warning names jobq.default;
#  - the queues are left exactly as they were (type and arguments), and a consumer with the
#    matching type publishes the saved job through its relay and runs it;
#  - the other way: a queue declared as classic, then `jobq migrate` with the default
#    (quorum) exits 2 naming it as a classic queue;
#  - a bad value (JOBQ_QUEUE_TYPE=fast, or queue_type = "fast" in the file): exit 2 and one
#    line naming where the value came from, for the CLI and the consumer.
source "$(dirname "$0")/lib.sh"
jq_setup queue_type_mismatch

J="$JOBQ_BIN_DIR/jobq"
nlines() { local nl="${1//[!$'\n']/}"; if [[ -z "$1" ]]; then echo 0; else echo $(( ${#nl} + 1 )); fi; }
args_of() {  # QUEUE: "TYPE ARG=VALUE ..." as the management API shows it
  mgmt_get "queues/$1" |
    json_get 'd["type"] + " " + " ".join("%s=%s" % kv for kv in sorted(d["arguments"].items()))' 2>/dev/null
}

check --fatal "migrate (quorum, the default) exits 0" jobq migrate
before_default=$(args_of jobq.default)
before_dead=$(args_of jobq.dead)
check_eq "jobq.default is a quorum queue" quorum "${before_default%% *}"

# ---------------------------------------------------------------- configured classic
check_status "JOBQ_QUEUE_TYPE=classic jobq migrate exits 2" 2 env JOBQ_QUEUE_TYPE=classic "$J" migrate
check_eq "... one line on stderr" 1 "$(nlines "$ERR")"
check_eq "... naming the queue, its type and the configured type" \
  "jobq migrate: broker: queue jobq.dead is a quorum queue, but amqp.queue_type is classic: set amqp.queue_type to quorum, or delete the queue so that it is declared anew (docs/scaling.md, \"Queue type\")" \
  "$ERR"

JOBQ_QUEUE_TYPE=classic start_consumer bad --worker-id bad
if wait_exit bad 30; then
  check_eq "a classic consumer exits 2 at start" 2 "$STATUS"
else
  fail "a classic consumer exits 2 at start (still running after 30 s)"
  stop_consumer bad KILL || true
fi
check_eq "... with one start_failed line" 1 "$(grep -c 'event=start_failed' "$(log_of bad)")"
check "... that names jobq.dead, quorum and classic" \
  grep -q 'event=start_failed worker=bad error="queue jobq.dead is a quorum queue, but amqp.queue_type is classic' "$(log_of bad)"
check_eq "... and nothing else at warn or error (no retry loop)" 0 \
  "$(grep -c 'level=warn\|broker_unavailable' "$(log_of bad)")"
check_eq "... before it registered" 0 "$(sql "select count(*) from workers where id='bad'")"

check_status "JOBQ_QUEUE_TYPE=classic jobq submit noop exits 6 (saved, left to the relay)" 6 \
  env JOBQ_QUEUE_TYPE=classic "$J" submit noop '{"saved":true}'
saved=$(sed -n 1p "$OUT_FILE")
check_eq "... one line on stderr" 1 "$(nlines "$ERR")"
check "... naming jobq.default, quorum and classic" \
  grep -q "queue jobq.default is a quorum queue, but amqp.queue_type is classic" "$ERR_FILE"
check_eq "... the job is saved, queued and unpublished" "queued|f" \
  "$(sql "select status, published_at is not null from jobs where id='$saved'")"

check_eq "jobq.default is left as it was" "$before_default" "$(args_of jobq.default)"
check_eq "jobq.dead is left as it was" "$before_dead" "$(args_of jobq.dead)"

JOBQ_RELAY_GRACE=0s JOBQ_RELAY_INTERVAL=200ms start_consumer good --worker-id good
wait_for 30 "a quorum consumer's relay published the saved job and ran it" \
  sql_is succeeded "select status from jobs where id='$saved'"
check_status "it drains and exits 0 on TERM" 0 stop_consumer good

# ---------------------------------------------------------------- the other way round
check_status "JOBQ_QUEUE_TYPE=classic migrate --queues other exits 2 (jobq.dead is quorum)" 2 \
  env JOBQ_QUEUE_TYPE=classic "$J" migrate --queues other
check_eq "... jobq.other was not created" 0 "$(mgmt_get queues | json_get 'len([q for q in d if q["name"] == "jobq.other"])')"
check "declare jobq.other as a classic queue, as jobq does" _jq_mgmt PUT \
  "/api/queues/$(_jq_urlencode "$TEST_VHOST")/jobq.other" \
  '{"durable":true,"arguments":{"x-queue-type":"classic","x-dead-letter-exchange":"jobq.dead"}}'
check_status "migrate --queues other (quorum) exits 2" 2 jobq migrate --queues other
check_eq "... one line on stderr naming it as a classic queue" \
  "jobq migrate: broker: queue jobq.other is a classic queue, but amqp.queue_type is quorum: set amqp.queue_type to classic, or delete the queue so that it is declared anew (docs/scaling.md, \"Queue type\")" \
  "$ERR"
check_eq "jobq.other is left as it was" "classic x-dead-letter-exchange=jobq.dead x-queue-type=classic" \
  "$(args_of jobq.other)"

# ---------------------------------------------------------------- bad values
check_status "JOBQ_QUEUE_TYPE=fast jobq migrate exits 2" 2 env JOBQ_QUEUE_TYPE=fast "$J" migrate
check_eq "... one line naming the variable" \
  "jobq migrate: \$JOBQ_QUEUE_TYPE: 'fast' is not one of quorum, classic" "$ERR"
check_status "JOBQ_QUEUE_TYPE=fast jobq-consumer exits 2" 2 env JOBQ_QUEUE_TYPE=fast "$JOBQ_BIN_DIR/jobq-consumer" --worker-id x
check_eq "... one line naming the variable" 1 "$(nlines "$ERR")"
check "... that names it" grep -q "JOBQ_QUEUE_TYPE: 'fast' is not one of quorum, classic" "$ERR_FILE"
printf 'amqp = {\n  queue_type = "fast";\n};\n' >"$T/bad.conf"
check_status "queue_type = \"fast\" in the file: jobq-consumer --check-config exits 2" 2 \
  jobq_consumer --config "$T/bad.conf" --check-config
check_eq "... one line naming the file, line and key" \
  "jobq-consumer: $T/bad.conf:2: amqp.queue_type: 'fast' is not one of quorum, classic" "$ERR"
