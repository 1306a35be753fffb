#!/usr/bin/env bash
# test_payload_limit — the payload limit holds whoever writes the row:
#  A. the database refuses a 5 MB payload inserted directly (psql), and one submitted by a
#     CLI whose max_payload allows it: exit non-zero, one line naming the constraint;
#  B. a consumer whose max_payload (1024) is below a job's payload (within the database's
#     ceiling) fails the job permanently at attempt 1 with "payload of N bytes exceeds
#     max_payload 1024", without running its handler; a small job on the same consumer
#     still succeeds;
#  C. the migration applies to a database that already holds an over-size row: the row
#     stays, the constraint is added NOT VALID (new rows checked, old ones not).
source "$(dirname "$0")/lib.sh"
jq_setup payload_limit

J="$JOBQ_BIN_DIR/jobq"
SRC=$(_jq_src_dir)
cat >"$T/jobq.conf" <<CONF
handlers = (
  { type = "marker"; command = [ "/bin/sh", "-c", "touch '$T/ran'; cat" ]; }
);
CONF
big_payload() { _jq_py -c "import sys; sys.stdout.write('{\"s\": \"' + 'x' * $1 + '\"}')"; }

# ---- C first: apply every migration before the payload limit, add a 5 MB row, then the rest
mkdir "$T/mig"
for f in "$SRC"/migrations/*.sql; do
  [[ "$(basename "$f")" < 0009 ]] && cp "$f" "$T/mig/"
done
check --fatal "migrate up to (not including) 0009" env JOBQ_MIGRATIONS_DIR="$T/mig" "$J" migrate
check --fatal "insert a 5 MB payload before the limit exists" \
  sql "insert into jobs (type, status, payload) values ('old', 'succeeded', jsonb_build_object('s', repeat('x', 5000000)))"
rm -r "$T/mig"
check_status "C: migrate applies 0009 over the old over-size row" 0 "$J" migrate
check_eq "C: the old row stays" 1 "$(sql "select count(*) from jobs where type='old'")"
check_eq "C: jobs_payload_size exists, not validated" "f" \
  "$(sql "select convalidated from pg_constraint where conname='jobs_payload_size'")"

# ---- A: the database's ceiling
check_status "A: psql insert of a 5 MB payload is refused" nonzero \
  _jq_psql "$TEST_DB" -v ON_ERROR_STOP=1 -c \
  "insert into jobs (type, status, payload) values ('echo', 'queued', jsonb_build_object('s', repeat('x', 5000000)))"
check "A: ... by jobs_payload_size" grep -q 'violates check constraint "jobs_payload_size"' "$ERR_FILE"
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

check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
