#!/usr/bin/env bash
# test_migrate — `jobq migrate` is idempotent, checksummed and checks the broker topology:
#  - the first run applies every file of migrations/, the second applies 0 (text and --json);
#  - schema_migrations holds one row per migration file, with a checksum;
#  - it declares jobq.jobs (direct), jobq.cancel (fanout), jobq.dead and the quorum queue
#    jobq.default;
#  - `--dir COPY` of the same files applies nothing; a new file in the copy is applied once;
#  - an applied migration whose file changed → exit 2, one stderr line naming the file, and
#    nothing is recorded;
#  - a queue jobq.other that already exists as a classic queue → `migrate --queues other`
#    exits 2 and the message names the queue and the differing argument; the existing
#    queue is left as it was.
source "$(dirname "$0")/lib.sh"
jq_setup migrate

nlines() { local nl="${1//[!$'\n']/}"; if [[ -z "$1" ]]; then echo 0; else echo $(( ${#nl} + 1 )); fi; }
SRC_MIG="$JOBQ_SOURCE_DIR/migrations"
nfiles=$(find "$SRC_MIG" -maxdepth 1 -name '*.sql' | wc -l)
note "$nfiles migration file(s) in $SRC_MIG"

# ---- first run, second run
check_status "first migrate exits 0" 0 jobq migrate
check "... says $nfiles migration(s) applied" grep -q "database: $nfiles migration(s) applied" "$OUT_FILE"
check_eq "schema_migrations: one row per file" "$nfiles" "$(sql "select count(*) from schema_migrations" 2>&1)"
check_eq "schema_migrations: the versions are the files' names" \
  "$(find "$SRC_MIG" -maxdepth 1 -name '*.sql' -printf '%f\n' | sed 's/\.sql$//' | sort | paste -sd,)" \
  "$(sql "select string_agg(version::text, ',' order by version) from schema_migrations" 2>&1)"
check_eq "schema_migrations: every row has a checksum" 0 \
  "$(sql "select count(*) from schema_migrations where coalesce(checksum::text, '') = ''" 2>&1)"
check_eq "the jobs table exists" jobs "$(sql "select to_regclass('jobs')" 2>&1)"

check_status "second migrate exits 0" 0 jobq migrate
check "... says 0 migration(s) applied" grep -q "database: 0 migration(s) applied" "$OUT_FILE"
check_status "migrate --json exits 0" 0 jobq migrate --json
check_eq "migrate --json: applied 0" 0 "$(json_get 'd["applied"]' <<<"$OUT" 2>/dev/null)"
check_eq "migrate --json: total $nfiles" "$nfiles" "$(json_get 'd["total"]' <<<"$OUT" 2>/dev/null)"
check_eq "still one row per file" "$nfiles" "$(sql "select count(*) from schema_migrations")"

# ---- the broker topology
check_eq "exchange jobq.jobs is direct and durable" "direct True" \
  "$(mgmt_get exchanges/jobq.jobs | json_get 'd["type"] + " " + str(d["durable"])' 2>/dev/null)"
check_eq "exchange jobq.cancel is fanout and durable" "fanout True" \
  "$(mgmt_get exchanges/jobq.cancel | json_get 'd["type"] + " " + str(d["durable"])' 2>/dev/null)"
check "exchange jobq.dead exists" mgmt_get exchanges/jobq.dead
check "queue jobq.dead exists" mgmt_get queues/jobq.dead
check_eq "queue jobq.default is a quorum queue" quorum \
  "$(mgmt_get queues/jobq.default | json_get 'd["arguments"].get("x-queue-type")' 2>/dev/null)"
check_eq "jobq.default is bound to jobq.jobs with key 'default'" 1 \
  "$(mgmt_get bindings | json_get 'len([b for b in d if b["source"] == "jobq.jobs" and b["destination"] == "jobq.default" and b["routing_key"] == "default"])' 2>/dev/null)"

# ---- a queue that exists with other arguments
check "create classic queue jobq.other via the management API" \
  _jq_mgmt PUT "/api/queues/$(_jq_urlencode "$TEST_VHOST")/jobq.other" '{"durable":true}'
check_status "migrate --queues other exits 2" 2 jobq migrate --queues other
check_eq "... one line on stderr" 1 "$(nlines "$ERR")"
check "... naming the queue jobq.other" grep -q "jobq.other" "$ERR_FILE"
# RabbitMQ reports the first inequivalent argument it compares (x-queue-type,
# x-dead-letter-exchange, ...): any of jobq's queue arguments names the problem.
check "... naming the differing argument (x-...)" grep -Eq "x-[a-z][a-z-]*" "$ERR_FILE"
note "the message: $ERR"
check_eq "jobq.other is still a classic queue" classic \
  "$(mgmt_get queues/jobq.other | json_get 'd["arguments"].get("x-queue-type", "classic")' 2>/dev/null)"
check_status "migrate --queues default still exits 0" 0 jobq migrate --queues default

# ---- --dir: an unchanged copy, then a changed file, then a new file
cp -r "$SRC_MIG" "$T/mig"
check_status "migrate --dir COPY (unchanged) exits 0" 0 jobq migrate --dir "$T/mig" --no-broker
check "... applies 0" grep -q "database: 0 migration(s) applied" "$OUT_FILE"

first=$(find "$T/mig" -maxdepth 1 -name '0001*.sql' -printf '%f\n' | head -n1)
printf '\n-- tampered with after it was applied\n' >>"$T/mig/$first"
rows_before=$(sql "select count(*) || ':' || string_agg(checksum::text, ',' order by version) from schema_migrations")
check_status "migrate --dir COPY with a changed $first exits 2" 2 jobq migrate --dir "$T/mig" --no-broker
check_eq "... one line on stderr" 1 "$(nlines "$ERR")"
check "... naming the file (${first%.sql})" grep -q "${first%.sql}" "$ERR_FILE"
check_eq "... schema_migrations is unchanged" "$rows_before" \
  "$(sql "select count(*) || ':' || string_agg(checksum::text, ',' order by version) from schema_migrations")"
check_status "the real migrations folder still migrates (0 applied)" 0 jobq migrate --no-broker
cp "$SRC_MIG/$first" "$T/mig/$first"   # undo the tampering

# a new file in the copy is applied once (the database is then ahead of migrations/)
cat >"$T/mig/9999_probe.sql" <<'EOF'
CREATE TABLE migrate_probe (x integer);
EOF
check_status "migrate --dir COPY with a new file exits 0" 0 jobq migrate --dir "$T/mig" --no-broker
check "... applies 1" grep -q "database: 1 migration(s) applied" "$OUT_FILE"
check_eq "... the new file ran" migrate_probe "$(sql "select to_regclass('migrate_probe')")"
check_eq "... and is recorded" "$((nfiles + 1))" "$(sql "select count(*) from schema_migrations")"
check_status "migrate --dir COPY again exits 0" 0 jobq migrate --dir "$T/mig" --no-broker
check "... applies 0" grep -q "database: 0 migration(s) applied" "$OUT_FILE"

