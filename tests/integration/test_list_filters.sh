#!/usr/bin/env bash
# test_list_filters — `jobq list` by filter and by page (docs/cli.md "list"), and the
# metadata that `submit --meta` and batch lines keep:
#  - every filter alone (--status, --type, --queue, --worker, --meta, --since, --until) and
#    combined gives exactly the jobs the same condition selects in SQL, newest first;
#  - metadata from `submit --meta` and a batch line's "metadata" is stored, shown by
#    `jobq status` (text and --json) and found by --meta (containment: every pair);
#  - paging with --after through every job, in pages of 7, while another process submits
#    jobs, shows each job that existed before once (no duplicate, none missing); the text
#    form's "next page" line pages through a 250-job batch that shares one created_at;
#  - bad input gets a one-line error naming the option, exit 2 (times out of years 0001 to
#    9999, a duration over 365d, a --worker that is not UTF-8), bytes escaped; times of
#    years under 1000 are read as written.
: "${JQ_TEST_TIMEOUT:=870}"   # ctest gives this test 900 s (tests/CMakeLists.txt)
source "$(dirname "$0")/lib.sh"
jq_setup list_filters

check --fatal "migrate" jobq migrate

# ids of `jobq list --json --limit 10000 ARGS...`, one per line, in the order printed
list_ids() {
  jobq list --json --limit 10000 "$@" | json_get '"\n".join(j["id"] for j in d)'
}
# ids of the jobs matching the SQL condition, newest first, one per line
sql_ids() {
  sql "select coalesce(string_agg(id::text, E'\n' order by created_at desc, id desc), '')
       from jobs where $1"
}
# check_list DESC CONDITION ARGS...: list_ids ARGS equals sql_ids CONDITION (and is not empty
# unless CONDITION matches nothing)
check_list() {
  local desc="$1" cond="$2" got want
  shift 2
  got=$(list_ids "$@") || { fail "$desc: jobq list $* failed"; return 0; }
  want=$(sql_ids "$cond")
  if [[ "$got" == "$want" ]]; then
    _jq_ok "$desc ($(grep -c . <<<"$got" || true) jobs)"
  else
    fail "$desc: jobq list $* gave $(grep -c . <<<"$got" || true) jobs, SQL ($cond) $(grep -c . <<<"$want" || true)"
  fi
}

# ---- jobs of several types, queues, metadata and (set below) states and workers
for i in 1 2 3 4 5 6; do
  q=qa; ((i % 2)) && q=qb
  check_status "submit $i with --meta" 0 jobq submit --queue "$q" --meta tenant=t$((i % 3)) \
    --meta "order=o-$i" --meta 'note=a b=c' "type$((i % 2))" "{\"i\":$i}"
done
check_status "submit without metadata" 0 jobq submit type0
plain=$OUT
for ((i = 1; i <= 250; i++)); do
  printf '{"type":"batchjob","queue":"qc","metadata":{"tenant":"t%d","batch":"b1","n":%d}}\n' $((i % 2)) "$i"
done >"$T/batch.jsonl"
check_status "submit --batch of 250 with metadata" 0 jobq submit --batch "$T/batch.jsonl"
check_eq "the batch shares one created_at" 1 "$(sql "select count(distinct created_at) from jobs where type='batchjob'")"

check_eq "--meta pairs stored as strings" '{"note": "a b=c", "order": "o-1", "tenant": "t1"}' \
  "$(sql "select job_metadata::text from jobs where job_metadata->>'order'='o-1'")"
check_eq "a job without --meta has {}" '{}' "$(sql "select job_metadata::text from jobs where id='$plain'")"
check_eq "batch metadata kept as given (a number stays a number)" '{"n": 7, "batch": "b1", "tenant": "t1"}' \
  "$(sql "select job_metadata::text from jobs where type='batchjob' and job_metadata->>'n'='7'")"
id1=$(sql "select id from jobs where job_metadata->>'order'='o-1'")
check_status "status shows the metadata" 0 jobq status "$id1"
check "status text has a metadata line" grep -q '^metadata: .*"order": "o-1"' "$OUT_FILE"
check_status "status --json" 0 jobq status --json "$id1"
check_eq "status --json job_metadata" "o-1" "$(json_get 'd["job_metadata"]["order"]' <"$OUT_FILE")"
check_status "status of a job without metadata" 0 jobq status "$plain"
check "no metadata line for {}" bash -c "! grep -q '^metadata:' '$OUT_FILE'"

# states, workers and ages, set directly: what list reads, whatever path set them
sql "update jobs set status='failed', attempt=1, worker_id='w1', finished_at=now(), error='x'
     where job_metadata->>'order' in ('o-1','o-2') or (type='batchjob' and (job_metadata->>'n')::int <= 20)" >/dev/null
sql "update jobs set status='succeeded', attempt=1, worker_id='w2', finished_at=now()
     where job_metadata->>'order' in ('o-3') or (type='batchjob' and (job_metadata->>'n')::int between 21 and 60)" >/dev/null
sql "update jobs set status='running', attempt=1, worker_id='w1', started_at=now(),
     heartbeat_at=now(), lease_expires_at=now() + interval '5 min' where job_metadata->>'order'='o-4'" >/dev/null
sql "update jobs set created_at = created_at - interval '3 hours' where job_metadata->>'order' in ('o-5','o-6')" >/dev/null
sql "update jobs set created_at = '2026-01-01T00:00:00Z' where id='$plain'" >/dev/null

# ---- each filter alone
check_list "no filter: every job" "true"
for s in queued failed succeeded running; do
  check_list "--status $s" "status='$s'" --status "$s"
done
check_list "--status cancelled (none)" "status='cancelled'" --status cancelled
check_list "--type type1" "type='type1'" --type type1
check_list "--type batchjob" "type='batchjob'" --type batchjob
check_list "--queue qb" "queue='qb'" --queue qb
check_list "--queue qc" "queue='qc'" --queue qc
check_list "--worker w1 (owner or last worker)" "worker_id='w1'" --worker w1
check_list "--worker w2" "worker_id='w2'" --worker w2
check_list "--meta tenant=t1" "job_metadata @> '{\"tenant\":\"t1\"}'" --meta tenant=t1
check_list "--meta with = in the value" "job_metadata->>'note'='a b=c'" --meta 'note=a b=c'
check_list "--meta batch=b1" "job_metadata->>'batch'='b1'" --meta batch=b1
check_list "--meta of a number is a string: matches nothing" "false" --meta n=7
check_list "--meta no such key" "false" --meta nokey=1
check_list "--meta with --type (the type's index walked)" \
  "type='type1' and job_metadata @> '{\"tenant\":\"t1\"}'" --type type1 --meta tenant=t1
check_list "--meta with --queue and --status" \
  "queue='qc' and status='queued' and job_metadata @> '{\"tenant\":\"t0\"}'" \
  --queue qc --status queued --meta tenant=t0
# the jobs whose created_at was moved above: their pairs moved too (migration 0045's trigger)
check_list "--meta with --until 2h (jobs moved back)" \
  "job_metadata @> '{\"tenant\":\"t0\"}' and created_at < now() - interval '2 hours'" \
  --meta tenant=t0 --until 2h
check_eq "job_meta_pairs: one row per string pair, at the job's created_at" 0 \
  "$(sql "with a as (select j.id, e.key, e.value #>> '{}' v, j.created_at from jobs j,
            jsonb_each(j.job_metadata) e where jsonb_typeof(e.value) = 'string'),
          b as (select job_id, meta_key, meta_value, created_at from job_meta_pairs)
          select count(*) from ((select * from a except select * from b)
                                union all (select * from b except select * from a)) d")"
check_list "--since 2h" "created_at >= now() - interval '2 hours'" --since 2h
check_list "--until 2h" "created_at < now() - interval '2 hours'" --until 2h
check_list "--since RFC 3339" "created_at >= '2026-01-02T00:00:00Z'" --since 2026-01-02T00:00:00Z
check_list "--until RFC 3339 with an offset" "created_at < '2026-01-01T02:00:00+01:00'" --until 2026-01-01T02:00:00+01:00

# ---- combinations (AND)
check_list "--meta twice: both pairs" "job_metadata @> '{\"tenant\":\"t1\",\"batch\":\"b1\"}'" \
  --meta tenant=t1 --meta batch=b1
check_list "--status failed --meta tenant=t0" "status='failed' and job_metadata->>'tenant'='t0'" \
  --status failed --meta tenant=t0
check_list "--type type0 --queue qa" "type='type0' and queue='qa'" --type type0 --queue qa
check_list "--worker w1 --status running" "worker_id='w1' and status='running'" --worker w1 --status running
check_list "--queue qa --since 2h" "queue='qa' and created_at >= now() - interval '2 hours'" --queue qa --since 2h
check_list "--since 4h --until 2h" "created_at >= now() - interval '4 hours' and created_at < now() - interval '2 hours'" \
  --since 4h --until 2h
check_list "every filter at once" "status='failed' and type='batchjob' and queue='qc' and worker_id='w1'
  and job_metadata @> '{\"tenant\":\"t1\"}' and created_at >= now() - interval '1 hour'" \
  --status failed --type batchjob --queue qc --worker w1 --meta tenant=t1 --since 1h --until 2099-01-01T00:00:00Z
check_list "status + type that never meet" "false" --status running --type batchjob

# ---- text paging through the batch (one created_at): --after from the "next page" line
seen="$T/seen_text"; : >"$seen"
after=()
pages=0
while ((pages < 10)); do
  pages=$((pages + 1))
  check_status "text page $pages" 0 jobq list --type batchjob --limit 100 "${after[@]}"
  grep -E '^[0-9a-f]{8}-' "$OUT_FILE" | awk '{print $1}' >>"$seen"
  cur=$(sed -n 's/^next page: --after //p' "$OUT_FILE")
  [[ -n "$cur" ]] || break
  after=(--after "$cur")
done
check_eq "text paging: 3 pages of the 250-job batch" 3 "$pages"
check_eq "text paging: 250 distinct jobs" "250 250" "$(wc -l <"$seen") $(sort -u "$seen" | wc -l)"
check_eq "text paging: in the order of one listing" "$(list_ids --type batchjob)" "$(cat "$seen")"

# ---- JSON paging of every job, pages of 7, while jobs are submitted concurrently
sql_ids "true" | sort >"$T/before"
( rc=0
  for ((i = 0; i < 60; i++)); do
    jobq submit --meta tenant=t1 concurrent >/dev/null || { rc=$?; break; }
  done
  echo "$rc" >"$T/loop.rc" ) &
loop=$!
wait_for 20 "the concurrent submits started" sql_is 1 "select least(count(*), 1) from jobs where type='concurrent'" || true
: >"$T/paged"
cursor=""
pages=0
while ((pages < 200)); do
  pages=$((pages + 1))
  args=(--limit 7)
  [[ -n "$cursor" ]] && args+=(--after "$cursor")
  jobq list --json "${args[@]}" >"$T/page.json" || { fail "json page $pages failed"; break; }
  n=$(json_get 'len(d)' <"$T/page.json")
  json_get '"\n".join(j["id"] for j in d)' <"$T/page.json" | grep . >>"$T/paged" || true
  ((n == 7)) || break
  cursor=$(json_get 'd[-1]["cursor"]' <"$T/page.json")
done
wait "$loop" || true
check_eq "the concurrent submit loop ran" 0 "$(cat "$T/loop.rc" 2>/dev/null || echo missing)"
check_eq "json paging: no job twice" "$(wc -l <"$T/paged")" "$(sort -u "$T/paged" | wc -l)"
check_eq "json paging: every job that existed before, none missing" "" \
  "$(comm -23 "$T/before" <(sort -u "$T/paged"))"
note "json paging: $pages pages, $(wc -l <"$T/paged") jobs ($(wc -l <"$T/before") before, $(sql "select count(*) from jobs where type='concurrent'") submitted meanwhile)"
check_list "--meta tenant=t1 after the concurrent submits" "job_metadata @> '{\"tenant\":\"t1\"}'" --meta tenant=t1

# --json keeps its array shape; each object has its cursor
check_status "list --json" 0 jobq list --json --limit 2
check_eq "--json is an array of 2 with cursors" "2 True" \
  "$(json_get 'str(len(d)) + " " + str(all(j["cursor"].startswith("c") and len(j["cursor"]) == 49 for j in d))' <"$OUT_FILE")"
check_status "an empty page" 0 jobq list --type nosuchtype
check_eq "an empty page says so" "no jobs" "$OUT"

# ---- bad input: one line naming the option, exit 2
bad() {  # DESC EXPECTED-SUBSTRING ARGS...
  local desc="$1" want="$2"
  shift 2
  check_status "$desc: exit 2" 2 "$@"
  check_eq "$desc: one line naming it" "1 yes" \
    "$(wc -l <"$ERR_FILE") $([[ "$ERR" == *"$want"* ]] && echo yes || echo "no: $ERR")"
}
bad "list --status bogus" "--status" jobq list --status bogus
bad "list --type with a space" "--type: 'a b'" jobq list --type 'a b'
bad "list --queue invalid" "--queue: 'a/b'" jobq list --queue a/b
bad "list --worker empty" "--worker" jobq list --worker ''
bad "list --meta without =" "--meta: 'tenant' is not KEY=VALUE" jobq list --meta tenant
bad "list --meta empty key" "--meta: '=x' has an empty key" jobq list --meta =x
bad "list --meta key twice" "--meta: key 'k' is given twice" jobq list --meta k=1 --meta k=2
bad "list --since junk" "--since: 'yesterday'" jobq list --since yesterday
bad "list --until without a zone" "--until: '2026-01-01T00:00:00'" jobq list --until 2026-01-01T00:00:00
bad "list --after junk" "--after: 'abc' is not a cursor" jobq list --after abc
bad "list --after upper case" "is not a cursor" jobq list --after "C$(printf '0%.0s' {1..48})"
bad "list --limit 0" "--limit" jobq list --limit 0
# Times PostgreSQL would misread or refuse, refused in the CLI naming the flag
bad "list --after far before year 1" "--after: 'c8000" jobq list --after "c8$(printf '0%.0s' {1..47})"
bad "list --since year 0" "--since: '0000-06-01T00:00:00Z' is out of range" jobq list --since 0000-06-01T00:00:00Z
bad "list --since 400d" "--since: '400d' is over the longest duration, 365d" jobq list --since 400d
bad "list --worker not UTF-8" "is not a worker id" jobq list --worker $'\xff'
check "... the byte is shown escaped, not sent raw" grep -qF -- "--worker: '\xff'" "$ERR_FILE"
check_eq "... no raw byte 0xff in the message" 0 "$(LC_ALL=C grep -c $'\xff' "$ERR_FILE" || true)"
bad "cancel --worker with a control character" "is not a worker id" jobq cancel --worker $'w\x01'
bad "list --meta not UTF-8" "--meta: 'k=\xff' is not valid UTF-8" jobq list --meta $'k=\xff'
check_list "--until 0050-01-01T00:00:00Z: no job (year 50, not 2050)" "false" --until 0050-01-01T00:00:00Z
check_list "--since 0001-01-01T00:00:00Z: every job" "true" --since 0001-01-01T00:00:00Z
bad "list with an argument" "unexpected" jobq list extra
bad "submit --meta without =" "--meta: 'x' is not KEY=VALUE" jobq submit --meta x t
bad "submit --meta key twice" "--meta: key 'a' is given twice" jobq submit --meta a=1 --meta a=2 t
bad "submit --meta value over 1024 bytes" "is over 1024 bytes" jobq submit --meta "k=$(head -c 1025 /dev/zero | tr '\0' v)" t
bad "submit --meta key over 128 bytes" "is over 128 bytes" jobq submit --meta "$(head -c 129 /dev/zero | tr '\0' k)=v" t
many=()
for ((i = 0; i <= 32; i++)); do many+=(--meta "k$i=v"); done
bad "submit 33 --meta pairs" "more than 32 pairs" jobq submit "${many[@]}" t
bad "submit --meta with a control character" "control character" jobq submit --meta "$(printf 'k=a\tb')" t
bad "submit --meta with --batch" "--batch takes no" jobq submit --meta a=b --batch "$T/batch.jsonl"
printf '{"type":"x","metadata":[1]}\n' >"$T/bad.jsonl"
bad "batch metadata not an object" 'bad.jsonl:1: "metadata" must be a JSON object' jobq submit --batch "$T/bad.jsonl"
check_eq "nothing saved by the bad submits" 0 "$(sql "select count(*) from jobs where type in ('t','x')")"

# ---- a pruned job's metadata pairs go with it (job_meta_pairs' ON DELETE CASCADE, through
# jobq prune's definer functions): one finished job with metadata made a day old
gone=$(sql "select id from jobs where status in ('succeeded', 'failed', 'cancelled')
            and job_metadata <> '{}' order by id limit 1")
pairs_before=$(sql "select count(*) from job_meta_pairs")
mine=$(sql "select count(*) from job_meta_pairs where job_id = '$gone'")
sql "update jobs set finished_at = now() - interval '1 day' where id = '$gone';
     update job_events set at = at - interval '1 day' where job_id = '$gone'" >/dev/null
check_status "prune --older-than 1h exits 0" 0 jobq prune --older-than 1h
check_eq "the old job is gone" 0 "$(sql "select count(*) from jobs where id = '$gone'")"
check_eq "... and its $mine pairs with it, no other" "$((pairs_before - mine))|0" \
  "$(sql "select count(*) || '|' || count(*) filter (where job_id = '$gone') from job_meta_pairs")"
