#!/usr/bin/env bash
# test_refused_outcome — an outcome the database refuses never leaves a job stuck, and never
# fails its neighbours in the same combined statement:
#  - a command handler whose stdout holds a NUL byte (which jsonb cannot store) succeeds,
#    its result a string with U+FFFD in place of the NUL;
#  - with a CHECK constraint that refuses one result, a --batch of 40 echo jobs into a
#    consumer at concurrency 8 (finishes combined into shared statements, so the refused
#    one's statement is run again one item at a time): the 39 others succeed, the refused
#    one ends failed at attempt 1 with "result refused by the database: ...", and it ran
#    once (one queued->running);
#  - the consumer logs result_refused and is still serving jobs afterwards.
source "$(dirname "$0")/lib.sh"
jq_setup refused_outcome

J="$JOBQ_BIN_DIR/jobq"
cat >"$T/jobq.conf" <<'CONF'
handlers = (
  { type = "nulcmd"; command = [ "/bin/sh", "-c", "printf 'a\\000b'" ]; }
);
CONF

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 8

# ---- a NUL byte on stdout
check_status "a command printing a NUL byte: submit --wait exits 0" 0 \
  timeout 30 "$J" submit nulcmd '{}' --max-attempts 1 --wait
nid=$(sed -n 1p "$OUT_FILE")
check_eq "... succeeded, its result the text with U+FFFD for the NUL" "succeeded|a�b" \
  "$(sql "select status || '|' || (result #>> '{}') from jobs where id='$nid'")"

# ---- a result the database refuses, among 39 it accepts
check --fatal "a CHECK constraint that refuses results with the key 'refuse'" \
  sql "alter table jobs add constraint test_refuse check (result is null or not (result ? 'refuse'))"
for i in $(seq 1 40); do
  if [[ $i == 20 ]]; then echo '{"type":"echo","payload":{"refuse":20}}'
  else echo "{\"type\":\"echo\",\"payload\":{\"n\":$i}}"; fi
done >"$T/batch.jsonl"
check_status "submit --batch of 40 echo jobs" 0 jobq submit --batch "$T/batch.jsonl"
wait_for 30 "the 40 jobs ended" sql_is 40 \
  "select count(*) from jobs where status in ('succeeded','failed') and (payload ? 'n' or payload ? 'refuse')" || true
check_eq "the 39 accepted results: succeeded" 39 \
  "$(sql "select count(*) from jobs where payload ? 'n' and status = 'succeeded' and result = payload")"
check_eq "the refused one: failed at attempt 1, with the server's reason" \
  "failed|1|true" "$(sql "select status || '|' || attempt || '|' || (error like 'result refused by the database: %test_refuse%')
                     from jobs where payload ? 'refuse'")"
check_eq "... it ran once" 1 "$(sql "select count(*) from job_events e join jobs j on j.id = e.job_id
                                      where j.payload ? 'refuse' and e.to_status = 'running'")"
check "the consumer logged result_refused" grep -q "event=result_refused" "$(log_of w1)"

# ---- and it goes on
check_status "a job after that still runs (submit --wait exits 0)" 0 \
  timeout 20 "$J" submit echo '{"after":1}' --wait
check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
