#!/usr/bin/env bash
# test_limit_rm — `jobq limit rm SCOPE` frees only the removed scope's held jobs (migration
# 0039, docs/cli.md "limit"): held jobs (queued or scheduled, unpublished, publish_after
# 'infinity') of queue:rma, queue:rmb, type:rmt and key:k1/key:k2 are staged in SQL (no
# consumer runs, so nothing else touches them). `limit rm queue:rma`:
#  - frees rma's held jobs that no other limit covers: publish_after now, status_reason
#    'limit removed' (shown as the reason by `jobq status`, text and --json); before 0039
#    they kept 'held: limit';
#  - keeps rma's job of the still-limited type rmt held;
#  - reads only rma's held rows: fewer than 50 rows of jobs read in its transaction
#    (pg_stat_xact_user_tables), and queue:rmb's limit row not share-locked; before 0039 rm
#    walked every held job of the installation, here queue:rmb's 2,000, and called
#    jobq_limited on each, which share-locked queue:rmb's limit row;
#  - leaves queue:rmb's held rows as they were, neither updated nor row-locked (xmin/xmax;
#    rm locks only the rows it frees, before 0039 too).
# Then `limit rm type:rmt` frees the rmt job, and `limit rm key:k1` frees k1's held job
# only, again leaving every other held row unlocked. Last (migration 0042): limit rm runs
# with search_path pg_catalog, pg_temp; the rooms of 2 limits named among 2,002 scopes
# (1,003 limits) on a generic plan read at most 100 tuples of limits in 5 calls.
source "$(dirname "$0")/lib.sh"
jq_setup limit_rm

check --fatal "migrate" jobq migrate
for s in queue:rma queue:rmb type:rmt key:k1 key:k2; do
  check_status "limit set $s --max-running 1 exits 0" 0 jobq limit set "$s" --max-running 1
done
# held QUEUE TYPE KEY STATUS: one held job, its id
held() {
  local key="NULL"
  [[ -n "$3" ]] && key="'$3'"
  sql "insert into jobs (type, queue, concurrency_key, status, run_after, published_at,
                         publish_after, status_reason)
       values ('$2', '$1', $key, '$4', now(), NULL, 'infinity', 'held: limit') returning id"
}
a1=$(held rma noop "" queued)
a2=$(held rma noop "" queued)
a3=$(held rma noop "" scheduled)
at=$(held rma rmt "" queued)
sql "insert into jobs (type, queue, status, published_at, publish_after, status_reason)
     select 'noop', 'rmb', 'queued', NULL, 'infinity', 'held: limit'
     from generate_series(1, 2000)" >/dev/null
k1=$(held kq noop k1 queued)
k2=$(held kq noop k2 queued)
# the rows' versions and lock marks: xmax is 0 until a transaction updates or locks the row
marks() {  # WHERE: the md5 of the matching rows' xmin/xmax, in id order
  sql "select md5(string_agg(xmin::text || '/' || xmax::text, ',' order by id)) from jobs where $1"
}
sql "analyze jobs" >/dev/null   # planned as on a table with statistics, as in use
rmb_before=$(marks "queue = 'rmb'")
check_eq "queue:rmb's 2,000 held rows were never locked (xmax 0)" 2000 \
  "$(sql "select count(*) from jobs where queue = 'rmb' and xmax::text = '0'")"
rmb_limit=$(sql "select xmax from limits where scope = 'queue:rmb'")

# rm of queue:rma in a transaction that then reads its own counts of jobs' rows read
# (pg_stat_xact_user_tables: sequential reads plus rows fetched through indexes)
check_status "jobq_cli_limit_rm('queue:rma') in a transaction exits 0" 0 \
  _jq_psql "$_JQ_DB" -c "BEGIN" -c "SELECT jobq_cli_limit_rm('queue:rma')" \
  -c "SELECT 'read', coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)
      FROM pg_stat_xact_user_tables WHERE relname = 'jobs'" -c "COMMIT"
check_eq "rm found the limit" t "$(head -n1 "$OUT_FILE")"
read_rows=$(grep '^read|' "$OUT_FILE" | cut -d'|' -f2)
note "rm queue:rma read $read_rows jobs rows (4 held in rma, 2,000 held in rmb, 2 keyed)"
check "rm read only rma's held rows, not the 2,000 of queue:rmb (< 50 rows read)" \
  test "${read_rows:-99999}" -lt 50
check_eq "queue:rmb's limit row was not share-locked by rm (no jobq_limited on rmb's rows)" \
  "$rmb_limit" "$(sql "select xmax from limits where scope = 'queue:rmb'")"
check_eq "rma's three held jobs of no other limit are freed, reason 'limit removed'" \
  "3" "$(sql "select count(*) from jobs where id in ('$a1', '$a2', '$a3')
              and publish_after < 'infinity' and status_reason = 'limit removed'")"
check_eq "rma's job of type rmt (still limited) stays held" "infinity|held: limit" \
  "$(sql "select publish_after, status_reason from jobs where id = '$at'")"
check_eq "queue:rmb's held rows: not updated, not locked (xmin/xmax unchanged)" \
  "$rmb_before" "$(marks "queue = 'rmb'")"
check_eq "queue:rmb's held rows stay held" 2000 \
  "$(sql "select count(*) from jobs where queue = 'rmb' and publish_after = 'infinity'")"
check_status "status of a freed job exits 0" 0 jobq status "$a1"
check "status shows the reason 'limit removed'" grep -Eq '^ *reason: +limit removed$' "$OUT_FILE"
check_status "status --json of a freed job exits 0" 0 jobq status "$a3" --json
check_eq "status --json: status_reason" "limit removed" "$(json_get "d['status_reason']" <"$OUT_FILE")"

keyed_before=$(marks "queue = 'kq'")
check_status "limit rm type:rmt exits 0" 0 jobq limit rm type:rmt
check_eq "the rmt job is freed, reason 'limit removed'" t \
  "$(sql "select publish_after < 'infinity' and status_reason = 'limit removed' from jobs where id = '$at'")"
check_eq "queue:rmb's and the keyed held rows untouched by rm type:rmt" \
  "$rmb_before $keyed_before" "$(marks "queue = 'rmb'") $(marks "queue = 'kq'")"

k2_before=$(marks "id = '$k2'")
check_status "limit rm key:k1 exits 0" 0 jobq limit rm key:k1
check_eq "k1's held job is freed, reason 'limit removed'" t \
  "$(sql "select publish_after < 'infinity' and status_reason = 'limit removed' from jobs where id = '$k1'")"
check_eq "k2's held job: held, not locked (xmin/xmax unchanged)" "$k2_before infinity" \
  "$(marks "id = '$k2'") $(sql "select publish_after from jobs where id = '$k2'")"
check_eq "queue:rmb's held rows untouched by rm key:k1" "$rmb_before" "$(marks "queue = 'rmb'")"

# ---- migration 0042 (review R8 findings 4, 8)
check_eq "limit rm runs with search_path pg_catalog, pg_temp (no public)" \
  '{"search_path=pg_catalog, pg_temp"}' \
  "$(sql "select proconfig from pg_proc where proname = 'jobq_cli_limit_rm'")"
# The rooms of 2 limits named among 2,002 scopes, with 1,000 more key:K limits, on a
# worker's session (generic plans, no sequential scan): the named limit rows are found by
# index (one descent a name), not by reading every limit row against the array (before
# 0042: 5,025 tuples in 5 calls; after: 20). Tuples of limits read (index and sequential),
# flushed at the session's end.
sql "select count(*) from generate_series(1, 1000) i,
       jobq_cli_limit_set('key:r' || i, 2, null) s" >/dev/null
limit_reads() {  # "SCANS TUPLES" of limits (index and sequential), flushed
  sql "select pg_stat_force_next_flush(); select seq_scan + coalesce(idx_scan, 0) || ' '
       || (select coalesce(sum(idx_tup_read), 0) from pg_stat_user_indexes
           where relname = 'limits') + seq_tup_read
       from pg_stat_user_tables where relname = 'limits'" | tail -n1
}
r0=$(limit_reads)
rooms="select count(*) from jobq_limit_rooms(false, true, array['queue:rmb', 'key:k2']
       || array(select 'key:x' || i from generate_series(1, 2000) i))"
check_eq "the rooms of 2 named limits, 5 calls on a generic plan: 2 rooms each" "2 2 2 2 2" \
  "$(PGOPTIONS="-c plan_cache_mode=force_generic_plan -c enable_seqscan=off -c jit=off" \
       _jq_psql "$_JQ_DB" -c "$rooms" -c "$rooms" -c "$rooms" -c "$rooms" -c "$rooms" \
       | tr '\n' ' ' | sed 's/ $//')"
r1=$r0
for _ in $(seq 1 50); do  # the session's stats reach the server at its exit: at most 5 s
  r1=$(limit_reads)
  (( ${r1% *} - ${r0% *} >= 5 )) && break
  sleep 0.1
done
check "  ... the calls' scans of limits are counted (${r0% *} -> ${r1% *})" \
  test "$(( ${r1% *} - ${r0% *} ))" -ge 5
check "  ... read at most 100 tuples of limits in all ($(( ${r1#* } - ${r0#* } )); not every row)" \
  test "$(( ${r1#* } - ${r0#* } ))" -le 100
