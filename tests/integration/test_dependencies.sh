#!/usr/bin/env bash
# test_dependencies — `submit --after/--after-any` and batch refs (migration 0050,
# docs/workflows.md), on real consumers:
#  - a chain A→B→C ran in order (each claim after its dependency's finish, by job_events),
#    each dependent waiting first and queued with reason "dependencies done";
#  - fan-out then fan-in: a root, 6 jobs after it, a sink after the 6;
#  - a failure cascades: G after a failing F is cancelled ("dependency F failed"), H after G
#    too ("dependency G cancelled"); K --after-any F runs;
#  - a waiting job can be cancelled; `status` shows after:/dependents: (also --json);
#    `list --status waiting` finds waiting jobs; `retry` refuses G (exit 2) and a retry by
#    filter leaves G and H out;
#  - bad input (an unknown id, a malformed id, an empty item, an unknown ref, a ref to a later
#    line, a ref given twice, --after a failed job) exits 2 and saves nothing;
#  - a race: 300 jobs, then 300 dependents each after 2 of them in 3 concurrent batches while
#    2 consumers × 8 run the first ones: each dependent is released and runs exactly once;
#  - kill -9 of a consumer mid-graph: every job ends once (succeeded), none claimed before
#    its dependencies finished;
#  - a chain of 2,000 waiting jobs cancelled from its head ends all cancelled;
#  - privileges: the CLI and consumer roles cannot change has_dependents, has_dependencies,
#    or move a job into or out of waiting, nor call the release functions; the CLI cannot
#    commit an unlinked waiting job; temp tables named like the tables the functions use are
#    never touched by them; the owner's own session cannot run jobq_deps_lower without the
#    release's planner settings; a batch's job that a later one names by ref is flagged
#    has_dependents at its insert, never rewritten by the link;
#  - a release in a REPEATABLE READ transaction is refused, and nothing changes; an end with
#    the flag and no edge is not;
#  - the CLI role cannot build a cycle of two waiting jobs in two jobq_link_deps calls;
#  - lock order, with a third session holding a row lock to widen the window: in a diamond
#    (A→J1, A→K, J1 -any→ K) a cancel of J1 racing A's finish succeeds and J1 stays
#    cancelled; a submit after D1 and D2 (D1 waiting after D2, D1 < D2) racing D2's finish:
#    no deadlock; deleting jobs takes their edges along;
#  - a sink with 12 stripes whose 96 dependencies 8 sessions end at once is released and
#    run exactly once;
#  - a batch whose ref names a line repeating an earlier line's key: its job waits on that
#    earlier job, which is inserted with has_dependents;
#  - one statement ending many dependencies of one sink (its stripes lowered by several edges
#    each), or of two sinks at once: each is released and run exactly once;
#  - `status` of a sink after 1,001 jobs shows 1,000 (JSON) or 20 (text) and how many more.
source "$(dirname "$0")/lib.sh"
jq_setup dependencies

J="$JOBQ_BIN_DIR/jobq"
st() { sql "select status from jobs where id='$1'"; }
status_is() { sql_is "$2" "select status from jobs where id='$1'"; }
jobs_count() { sql "select count(*) from jobs"; }
# claimed_before_deps IDS_SQL — jobs among IDS_SQL claimed before one of their dependencies
# finished (a claim is an event into running)
claimed_before_deps() {
  sql "select count(*) from job_deps d join jobs p on p.id = d.dep_id
       join job_events e on e.job_id = d.job_id and e.to_status = 'running'
       where d.job_id in ($1) and (p.finished_at is null or e.at < p.finished_at)"
}

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 8

# ---------------------------------------------------------------- chain, fan-out/in, cascade
{
  echo '{"type": "sleep", "payload": {"seconds": 0.3}, "ref": "a"}'
  echo '{"type": "sleep", "payload": {"seconds": 0.2}, "ref": "b", "after": "a"}'
  echo '{"type": "noop", "ref": "c", "after": ["b"]}'
  echo '{"type": "noop", "ref": "root"}'
  for i in 1 2 3 4 5 6; do
    echo "{\"type\": \"sleep\", \"payload\": {\"seconds\": 0.$i}, \"ref\": \"m$i\", \"after\": \"root\"}"
  done
  echo '{"type": "noop", "ref": "sink", "after": ["m1", "m2", "m3", "m4", "m5", "m6"]}'
  echo '{"type": "fail", "payload": {"message": "boom"}, "max_attempts": 1, "ref": "f", "metadata": {"grp": "cascade"}}'
  echo '{"type": "noop", "ref": "g", "after": "f", "metadata": {"grp": "cascade"}}'
  echo '{"type": "noop", "ref": "h", "after": "g", "metadata": {"grp": "cascade"}}'
  echo '{"type": "noop", "ref": "k", "after_any": "f"}'
} >"$T/graph.jsonl"
check_status "submit --batch of a graph exits 0" 0 "$J" submit --batch "$T/graph.jsonl"
mapfile -t g <"$OUT_FILE"
check_eq "15 ids" 15 "${#g[@]}"
A=${g[0]} B=${g[1]} C=${g[2]} ROOT=${g[3]} SINK=${g[10]} F=${g[11]} G=${g[12]} H=${g[13]} K=${g[14]}
mids="'${g[4]}','${g[5]}','${g[6]}','${g[7]}','${g[8]}','${g[9]}'"
check_eq "the dependents were created waiting" "waiting waiting waiting" \
  "$(sql "select string_agg(to_status, ' ' order by job_id) from job_events
          where from_status is null and job_id in ('$B', '$C', '$SINK')")"
wait_for 30 "the chain's last job succeeded" status_is "$C" succeeded || true
wait_for 30 "the sink succeeded" status_is "$SINK" succeeded || true
wait_for 30 "the after-any job succeeded" status_is "$K" succeeded || true
check_eq "chain, fan-out and fan-in: every job succeeded once" "11" \
  "$(sql "select count(*) from job_events where to_status = 'succeeded'
          and job_id in ('$A','$B','$C','$ROOT','$SINK',$mids)")"
check_eq "no job of the graph was claimed before its dependencies finished" 0 \
  "$(claimed_before_deps "'$B','$C','$SINK','$K',$mids")"
check_eq "B and C were queued by their dependency's end" "dependencies done|dependencies done" \
  "$(sql "select string_agg(reason, '|') from job_events where from_status = 'waiting'
          and to_status = 'queued' and job_id in ('$B', '$C')")"
check_eq "the sink was queued by the last of the 6 to finish, in its transaction" "t" \
  "$(sql "select (select at from job_events where job_id = '$SINK' and from_status = 'waiting')
                 = (select max(finished_at) from jobs where id in ($mids))")"
check_eq "the failure cascaded: G cancelled, naming F" "cancelled|dependency $F failed" \
  "$(sql "select status || '|' || status_reason from jobs where id = '$G'")"
check_eq "  ... and H, naming G" "cancelled|dependency $G cancelled" \
  "$(sql "select status || '|' || status_reason from jobs where id = '$H'")"
check_eq "the after-any job ran after F failed" 0 "$(claimed_before_deps "'$K'")"
check_eq "a job with one dependency keeps no counter: its edge carries stripe -1 (0061)" \
  "-1 -1 -1 -1 -1 -1 -1 -1 -1" \
  "$(sql "select string_agg(stripe::text, ' ') from job_deps
          where job_id in ('$B', '$C', '$K', $mids)")"
check_eq "  ... and the sink's 6 edges share its one stripe" "0 0 0 0 0 0" \
  "$(sql "select string_agg(stripe::text, ' ') from job_deps where job_id = '$SINK'")"

# ---------------------------------------------------------------- status, list, cancel, retry
check_status "status of B exits 0" 0 "$J" status "$B"
check "status shows after: A succeeded" grep -Eq "^after: +$A succeeded$" "$OUT_FILE"
check "status shows dependents: C succeeded" grep -Eq "^dependents: +$C succeeded$" "$OUT_FILE"
check_status "status --json of F exits 0" 0 "$J" status --json "$F"
check_eq "status --json: F's dependents, with their states and any_end" \
  "$(sort <<<"$G cancelled False
$K succeeded True" | paste -sd,)" \
  "$(json_get '",".join(sorted("%s %s %s" % (e["id"], e["status"], e["any_end"]) for e in d["dependents"]))' <<<"$OUT")"
check_status "submit a job an hour ahead" 0 "$J" submit --delay 1h noop
LATER=$OUT
check_status "submit --after it exits 0" 0 "$J" submit noop --after "$LATER"
W=$OUT
check_eq "the job after it is waiting" waiting "$(st "$W")"
check_status "list --status waiting exits 0" 0 "$J" list --status waiting --json
check "list --status waiting shows it" grep -q "$W" "$OUT_FILE"
check_status "stats --json exits 0" 0 "$J" stats --json
check_eq "stats counts the waiting job" 1 "$(json_get 'd["waiting"]' <<<"$OUT")"
check_eq "  ... with no counter row, its one edge sole" "0|-1" \
  "$(sql "select (select count(*) from job_deps_left where job_id = '$W'),
                 (select stripe from job_deps where job_id = '$W')")"
check_status "submit a job after A (succeeded) and the later one" 0 "$J" submit noop --after "$A,$LATER"
W3=$OUT
check_eq "  ... it waits, its open edge sole, A's counted, no counter row" "waiting|-1|t|0" \
  "$(sql "select (select status from jobs where id = '$W3'),
                 (select stripe from job_deps where job_id = '$W3' and dep_id = '$LATER'),
                 (select counted from job_deps where job_id = '$W3' and dep_id = '$A'),
                 (select count(*) from job_deps_left where job_id = '$W3')")"
check_status "cancel of it exits 0" 0 "$J" cancel "$W3"
check_status "cancel of the waiting job exits 0" 0 "$J" cancel "$W"
check "  ... and says it was waiting" grep -Eq "^$W cancelled \(was waiting\)$" "$OUT_FILE"
check_status "submit another job after it" 0 "$J" submit noop --after "$LATER"
W2=$OUT
check_status "cancel --json of a waiting job exits 0" 0 "$J" cancel --json "$W2"
check_eq "  ... was: waiting" "cancelled waiting" "$(json_get '"%s %s" % (d["status"], d["was"])' <<<"$OUT")"
check_eq "the waiting job is cancelled; its dependency untouched" "cancelled scheduled" \
  "$(st "$W") $(st "$LATER")"
check_status "retry of G (after a failed job) exits 2" 2 "$J" retry "$G"
check "the refusal says why" grep -q "have not succeeded" "$ERR_FILE"
check_eq "G is still cancelled" cancelled "$(st "$G")"
retry_cascade() { "$J" retry --meta grp=cascade --json || [[ $? == 6 ]]; }
check_status "retry by filter of the cascade exits 0 or 6 (left to the relay)" 0 retry_cascade
check_eq "the retry by filter requeued F only and skipped G and H" "1 2" \
  "$(json_get '"%s %s" % (d["requeued"], d["skipped"])' <<<"$OUT")"
wait_for 20 "F failed again" sql_is "failed|2" \
  "select status, (select count(*) from job_events where job_id = '$F' and to_status = 'failed')
   from jobs where id = '$F'" || true
check_eq "G and H stayed cancelled" "cancelled cancelled" "$(st "$G") $(st "$H")"

# ---------------------------------------------------------------- bad input, nothing saved
before=$(jobs_count)
check_status "--after an unknown id exits 2" 2 "$J" submit noop --after 00000000-0000-4000-8000-000000000001
check "  ... naming it" grep -q "00000000-0000-4000-8000-000000000001 does not exist" "$ERR_FILE"
check_status "--after a malformed id exits 2" 2 "$J" submit noop --after not-a-uuid
check_status "--after with an empty item exits 2" 2 "$J" submit noop --after "$A,,$B"
check_status "--after a failed job exits 2" 2 "$J" submit noop --after "$F"
check "  ... saying it could never run" grep -q "could never run" "$ERR_FILE"
printf '%s\n' '{"type": "noop", "ref": "x"}' '{"type": "noop", "after": "nope"}' >"$T/bad1.jsonl"
check_status "a batch naming an unknown ref exits 2" 2 "$J" submit --batch "$T/bad1.jsonl"
check "  ... naming the line and the ref" grep -q "bad1.jsonl:2: \"after\": 'nope' is neither" "$ERR_FILE"
printf '%s\n' '{"type": "noop", "after": "y"}' '{"type": "noop", "ref": "y"}' >"$T/bad2.jsonl"
check_status "a batch naming a later line's ref exits 2" 2 "$J" submit --batch "$T/bad2.jsonl"
check "  ... saying so" grep -q "is the ref of line 2, not of an earlier line" "$ERR_FILE"
printf '%s\n' '{"type": "noop", "ref": "z"}' '{"type": "noop", "ref": "z"}' >"$T/bad3.jsonl"
check_status "a batch giving a ref twice exits 2" 2 "$J" submit --batch "$T/bad3.jsonl"
printf '%s\n' '{"type": "noop", "ref": "s", "after": "s"}' >"$T/bad4.jsonl"
check_status "a batch line after itself exits 2" 2 "$J" submit --batch "$T/bad4.jsonl"
printf '%s\n' '{"type": "noop", "ref": "p"}' "{\"type\": \"noop\", \"after\": [\"p\", \"$F\"]}" >"$T/bad5.jsonl"
check_status "a batch with a line after a failed job exits 2" 2 "$J" submit --batch "$T/bad5.jsonl"
check_eq "nothing was saved by the refused submits" "$before" "$(jobs_count)"

# ---------------------------------------------------------------- race: 300 + 300 dependents
start_consumer w2 --worker-id w2 --concurrency 8
for i in $(seq 1 300); do echo '{"type": "noop"}'; done >"$T/roots.jsonl"
check_status "submit 300 jobs" 0 "$J" submit --batch "$T/roots.jsonl"
mapfile -t roots <"$OUT_FILE"
for part in 0 1 2; do
  for i in $(seq 0 99); do
    k=$(( part * 100 + i ))
    echo "{\"type\": \"noop\", \"after\": [\"${roots[k]}\", \"${roots[(k * 7 + 3) % 300]}\"], \"metadata\": {\"race\": \"1\"}}"
  done >"$T/deps$part.jsonl"
done
pids=()
for part in 0 1 2; do
  "$J" submit --batch "$T/deps$part.jsonl" >"$T/deps$part.out" 2>"$T/deps$part.err" &
  pids+=($!)
done
rcs=""
for p in "${pids[@]}"; do rc=0; wait "$p" || rc=$?; rcs+="$rc "; done
check_eq "the 3 concurrent batches exited 0" "0 0 0 " "$rcs"
check_eq "the 3 concurrent batches saved 300 dependents" 300 \
  "$(cat "$T/deps0.out" "$T/deps1.out" "$T/deps2.out" | sort -u | wc -l)"
wait_for 60 "the 300 dependents succeeded" sql_is 300 \
  "select count(*) from jobs where job_metadata @> '{\"race\": \"1\"}' and status = 'succeeded'" || true
check_eq "each dependent was released once and ran once" "300|300|300" \
  "$(sql "select count(*) filter (where q = 1), count(*) filter (where r = 1), count(*)
          from (select j.id,
                  (select count(*) from job_events e where e.job_id = j.id and e.from_status = 'waiting') q,
                  (select count(*) from job_events e where e.job_id = j.id and e.to_status = 'running') r
                from jobs j where j.job_metadata @> '{\"race\": \"1\"}' and j.has_dependencies) x")"
check_eq "no dependent of the race was claimed before both its dependencies finished" 0 \
  "$(claimed_before_deps "select id from jobs where job_metadata @> '{\"race\": \"1\"}'")"
check_eq "no counter row is left but those of waiting or cancelled jobs" 0 \
  "$(sql "select count(*) from job_deps_left s join jobs j on j.id = s.job_id
          where j.status not in ('waiting', 'cancelled')")"

# ---------------------------------------------------------------- kill -9 mid-graph
{
  for r in 0 1 2 3 4 5; do
    echo "{\"type\": \"sleep\", \"payload\": {\"seconds\": 0.6}, \"ref\": \"r$r\", \"metadata\": {\"kill\": \"1\"}}"
    for c in 0 1 2; do
      echo "{\"type\": \"sleep\", \"payload\": {\"seconds\": 2}, \"ref\": \"c$r$c\", \"after\": \"r$r\", \"metadata\": {\"kill\": \"1\"}}"
    done
  done
  echo '{"type": "noop", "after": ["c00", "c11", "c22", "c30", "c41", "c52"], "metadata": {"kill": "1"}}'
} >"$T/kill.jsonl"
check_status "submit a graph of 25 jobs" 0 "$J" submit --batch "$T/kill.jsonl"
wait_for 20 "some children run" sql_is t \
  "select count(*) > 0 from jobs where job_metadata @> '{\"kill\": \"1\"}' and status = 'running' and has_dependencies" || true
kill -KILL "$(pid_of w1)"
wait_exit w1 5 || true
start_consumer w3 --worker-id w3 --concurrency 8
wait_for 90 "the 25 jobs succeeded" sql_is 25 \
  "select count(*) from jobs where job_metadata @> '{\"kill\": \"1\"}' and status = 'succeeded'" || true
check_eq "each of the 25 jobs ended once" "25|25" \
  "$(sql "select count(*), sum(n) from (select (select count(*) from job_events e where e.job_id = j.id
          and e.to_status in ('succeeded', 'failed', 'cancelled')) n
          from jobs j where j.job_metadata @> '{\"kill\": \"1\"}') x where n = 1")"
check_eq "none was claimed before its dependencies finished" 0 \
  "$(claimed_before_deps "select id from jobs where job_metadata @> '{\"kill\": \"1\"}'")"

# ---------------------------------------------------------------- a chain of 2,000 cancelled
{
  echo '{"type": "noop", "delay": "1h", "ref": "n0"}'
  for i in $(seq 1 1999); do echo "{\"type\": \"noop\", \"ref\": \"n$i\", \"after\": \"n$(( i - 1 ))\"}"; done
} >"$T/chain.jsonl"
check_status "submit a chain of 2,000 jobs" 0 "$J" submit --batch "$T/chain.jsonl"
mapfile -t chain <"$OUT_FILE"
check_status "cancel of the chain's head exits 0" 0 "$J" cancel "${chain[0]}"
check_eq "the 2,000 jobs are cancelled" 2000 \
  "$(sql "select count(*) from jobs where status = 'cancelled' and id in ($(printf "'%s'," "${chain[@]}" | sed 's/,$//'))")"
check_eq "the last one names its dependency" "dependency ${chain[1998]} cancelled" \
  "$(sql "select status_reason from jobs where id = '${chain[1999]}'")"

# ---------------------------------------------------------------- privileges
CLI_DB="postgresql://jobq_cli:jobq_cli@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
CONSUMER_DB="postgresql://jobq_consumer:jobq_consumer@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
clpsql() { PGCONNECT_TIMEOUT=10 psql -X -A -t -q -v ON_ERROR_STOP=1 "$CLI_DB" -c "$1"; }
cpsql() { PGCONNECT_TIMEOUT=10 psql -X -A -t -q -v ON_ERROR_STOP=1 "$CONSUMER_DB" -c "$1"; }
check_status "submit a job an hour ahead" 0 "$J" submit --delay 1h noop
D=$OUT
check_status "and one after it" 0 "$J" submit noop --after "$D"
WD=$OUT
for who in cli consumer; do
  run=clpsql; [[ $who == consumer ]] && run=cpsql
  check_status "$who role: setting has_dependents is refused" 1 $run \
    "UPDATE jobs SET has_dependents = false WHERE id = '$D'"
  check_status "$who role: setting has_dependencies is refused" 1 $run \
    "UPDATE jobs SET has_dependencies = false WHERE id = '$WD'"
  check_status "$who role: moving a waiting job to queued is refused" 1 $run \
    "UPDATE jobs SET status = 'queued' WHERE id = '$WD'"
  check_status "$who role: moving a job into waiting is refused" 1 $run \
    "UPDATE jobs SET status = 'waiting' WHERE id = '$D'"
  for fn in "jobq_deps_ended(ARRAY['$D']::uuid[])" "jobq_deps_queue(ARRAY['$WD']::uuid[])" \
            "jobq_deps_count(ARRAY['$D']::uuid[], ARRAY['$WD']::uuid[])" \
            "jobq_deps_lower(ARRAY['$WD']::uuid[], ARRAY[0]::smallint[], ARRAY[1])"; do
    check_status "$who role: ${fn%%(*} is refused" 1 $run "SELECT $fn"
  done
done
check_status "the owner's own session: jobq_deps_lower outside the release is refused" 1 \
  psql -X -A -t -q -v ON_ERROR_STOP=1 "$JOBQ_DATABASE_URL" \
  -c "SELECT jobq_deps_lower(ARRAY['$WD']::uuid[], ARRAY[0]::smallint[], ARRAY[1])"
check "  ... as run without the release's planner settings" grep -q "runs only inside jobq_deps_ended and jobq_deps_count" "$ERR_FILE"
check_eq "the waiting job and its dependency are as they were" "waiting t scheduled t" \
  "$(sql "select status, has_dependencies from jobs where id = '$WD'" | tr '|' ' ') $(sql "select status, has_dependents from jobs where id = '$D'" | tr '|' ' ')"
check_status "cli role: a waiting job committed without its edges is refused" 1 clpsql \
  "INSERT INTO jobs (type, status, has_dependencies) VALUES ('noop', 'waiting', true)"
check_status "cli role: a waiting job without has_dependencies is refused" 1 clpsql \
  "INSERT INTO jobs (type, status) VALUES ('noop', 'waiting')"
# A batch's job that a later one runs after is inserted with has_dependents (0059): the CLI's
# role may set it, and the link leaves it set.
printf '%s\n' '{"type": "noop", "ref": "p", "delay": "1h", "metadata": {"t": "cli-ref"}}' \
  '{"type": "noop", "after": "p", "metadata": {"t": "cli-ref"}}' >"$T/cli_ref.jsonl"
check_status "cli role: a batch with a ref submits" 0 \
  env JOBQ_DATABASE_URL="$CLI_DB" "$J" submit --batch "$T/cli_ref.jsonl"
check_eq "  ... its first job has dependents, its second waits on it" "scheduled true false|waiting false true" \
  "$(sql "select string_agg(status || ' ' || has_dependents || ' ' || has_dependencies, '|' order by has_dependencies)
          from jobs where job_metadata @> '{\"t\": \"cli-ref\"}'")"
# same_insert ID...: 1 when the rows of the jobs are still the versions that one statement
# inserted (one command id): no later statement of the submit rewrote them
same_insert() { sql "select count(distinct cmin::text::bigint) from jobs where id in ($(printf "'%s'," "$@" | sed 's/,$//'))"; }
mapfile -t cr <"$OUT_FILE"
check_eq "  ... set at the insert: the link rewrote neither row" 1 "$(same_insert "${cr[@]}")"
# A ref to a line whose key repeats an earlier line's: the later job runs after the earlier
# line's job (the one both lines stand for), which carries the flag.
printf '%s\n' '{"type": "noop", "key": "dup-ref", "delay": "1h", "ref": "a"}' \
  '{"type": "noop", "key": "dup-ref", "delay": "1h", "ref": "b"}' '{"type": "noop", "after": "b"}' >"$T/dup_ref.jsonl"
check_status "a batch whose ref names a repeated key's line submits" 0 "$J" submit --batch "$T/dup_ref.jsonl"
mapfile -t dr <"$OUT_FILE"
check_eq "  ... both keyed lines are one job" "${dr[0]}" "${dr[1]:-}"
check_eq "  ... which has dependents, and the third waits on it by one edge" "t waiting 1" \
  "$(sql "select has_dependents from jobs where id = '${dr[0]}'") $(st "${dr[2]:-00000000-0000-0000-0000-000000000000}") $(sql "select count(*) from job_deps where dep_id = '${dr[0]}' and job_id = '${dr[2]:-00000000-0000-0000-0000-000000000000}'")"
check_eq "  ... set at the insert, on the first line's job: the link rewrote neither row" 1 \
  "$(same_insert "${dr[0]}" "${dr[2]:-00000000-0000-0000-0000-000000000000}")"
# Temp tables named like every table the functions use, each refusing any write: the link
# and the release write only the real ones.
trap_tables=""
for t in jobs job_deps job_deps_left job_events jobq_wake; do
  trap_tables+="CREATE TEMP TABLE $t (x int);
    CREATE FUNCTION pg_temp.trap_$t() RETURNS trigger LANGUAGE plpgsql AS
      \$f\$ BEGIN RAISE EXCEPTION 'temp table $t used'; END \$f\$;
    CREATE TRIGGER trap BEFORE INSERT OR UPDATE OR DELETE ON pg_temp.$t
      FOR EACH ROW EXECUTE FUNCTION pg_temp.trap_$t();"
done
check_status "cli role: link with temp tables named like the functions' tables" 0 clpsql "
  $trap_tables
  BEGIN;
  INSERT INTO public.jobs (type, status, has_dependencies) VALUES ('noop', 'waiting', true);
  SELECT jobq_link_deps(ARRAY(SELECT id FROM public.jobs WHERE type = 'noop' AND status = 'waiting'
                              AND has_dependencies AND NOT EXISTS (SELECT 1 FROM public.job_deps d
                              WHERE d.job_id = public.jobs.id)), ARRAY['$D']::uuid[], ARRAY[false]);
  COMMIT;"
check_eq "  ... the edge is in the real table" 2 "$(sql "select count(*) from job_deps where dep_id = '$D'")"

# ---------------------------------------------------------------- REPEATABLE READ
apsql() { PGCONNECT_TIMEOUT=10 psql -X -A -t -q -v ON_ERROR_STOP=1 "$JOBQ_DATABASE_URL" -c "$1"; }
check_status "a cancel releasing dependents under REPEATABLE READ is refused" 1 apsql "
  BEGIN ISOLATION LEVEL REPEATABLE READ;
  SELECT * FROM jobq_cli_cancel(ARRAY['$D']::uuid[], 'rr');
  COMMIT;"
check "  ... naming the job and the level" grep -q "job $D ended with dependents in a repeatable read transaction" "$ERR_FILE"
check_eq "  ... nothing changed" "scheduled waiting" "$(st "$D") $(st "$WD")"
check_status "the same cancel under READ COMMITTED exits 0" 0 "$J" cancel "$D"
check_eq "  ... and cancels its dependents" "cancelled" \
  "$(sql "select string_agg(distinct status, ',') from jobs where id in (select job_id from job_deps where dep_id = '$D')")"
# A job may carry has_dependents with no edge (a submit sets it on a job that a repeated
# key's line named, 0059): with nothing to release, its end needs no READ COMMITTED.
RJ=$(sql "INSERT INTO jobs (type, status, run_after, publish_after, has_dependents)
          VALUES ('noop', 'scheduled', now() + interval '1 hour', now() + interval '1 hour', true)
          RETURNING id")
check_status "a job flagged with dependents but with none is cancelled under REPEATABLE READ" 0 apsql "
  BEGIN ISOLATION LEVEL REPEATABLE READ;
  SELECT * FROM jobq_cli_cancel(ARRAY['$RJ']::uuid[], 'rr');
  COMMIT;"
check_eq "  ... it is cancelled" cancelled "$(st "$RJ")"

# ---------------------------------------------------------------- SQL-level cycle
check_status "cli role: two waiting jobs linked to each other in two calls is refused" 1 clpsql "
  BEGIN;
  INSERT INTO jobs (type, status, has_dependencies) VALUES ('cyc_a', 'waiting', true), ('cyc_b', 'waiting', true);
  SELECT jobq_link_deps(ARRAY(SELECT id FROM jobs WHERE type = 'cyc_a'),
                        ARRAY(SELECT id FROM jobs WHERE type = 'cyc_b'), ARRAY[false]);
  SELECT jobq_link_deps(ARRAY(SELECT id FROM jobs WHERE type = 'cyc_b'),
                        ARRAY(SELECT id FROM jobs WHERE type = 'cyc_a'), ARRAY[false]);
  COMMIT;"
check "  ... naming the unlinked dependency" grep -q "is waiting and not linked yet" "$ERR_FILE"
check_eq "  ... nothing saved" 0 "$(sql "select count(*) from jobs where type in ('cyc_a', 'cyc_b')")"

# ---------------------------------------------------------------- lock order
# A third session holds a row lock for 3 s to widen the window between the locks of a
# cancel and of a finish (the finish is an UPDATE as the owner, as a consumer's would be).
bgsql() { PGCONNECT_TIMEOUT=10 psql -X -A -t -q -v ON_ERROR_STOP=1 "$JOBQ_DATABASE_URL" "$@"; }
# Diamond: A -> J1, A -> K, J1 -any-> K. The cancel of J1 holds J1's row and counts J1 -> K;
# A's finish counts A -> J1 and A -> K and queues J1 only through J1's row.
printf '%s\n' '{"type": "noop", "delay": "1h", "ref": "a"}' \
  '{"type": "noop", "ref": "j1", "after": "a"}' \
  '{"type": "noop", "ref": "k", "after": "a", "after_any": "j1"}' >"$T/diamond.jsonl"
check_status "submit a diamond" 0 "$J" submit --batch "$T/diamond.jsonl"
mapfile -t dia <"$OUT_FILE"
DA=${dia[0]} DJ=${dia[1]} DK=${dia[2]}
# The steps wait for each other (a loaded machine may take seconds to start each psql or
# CLI): the lock is held, then the cancel waits for it, then the finish comes; the lock is
# let go once both wait (or 10 s after the finish began).
bgsql -c "BEGIN" -c "SELECT 1 FROM job_deps WHERE dep_id = '$DJ' AND job_id = '$DK' FOR UPDATE" \
  -c "SELECT pg_sleep(60)" -c "COMMIT" >/dev/null 2>"$T/dia_z.err" &
zpid=$!
# lock_waiters_at_least N: N sessions of the test database wait for a lock
lock_waiters_at_least() {
  [[ "$(sql "select count(*) from pg_stat_activity where datname = current_database()
               and wait_event_type = 'Lock'")" -ge "$1" ]]
}
wait_for 20 "  the third session holds the J1 -> K edge" sessions_in_is 1 'SELECT pg_sleep(60)' || true
"$J" cancel "$DJ" >"$T/dia_c.out" 2>"$T/dia_c.err" &
cpid=$!
wait_for 20 "  the cancel waits for the edge" lock_waiters_at_least 1 || true
bgsql -c "UPDATE jobs SET status = 'succeeded', finished_at = now() WHERE id = '$DA'" \
  >/dev/null 2>"$T/dia_f.err" &
fpid=$!
wait_for 10 "  the finish waits too" lock_waiters_at_least 2 || true
cancel_sessions_in 'SELECT pg_sleep(60)' >/dev/null
crc=0; wait "$cpid" || crc=$?
frc=0; wait "$fpid" || frc=$?
wait "$zpid" || true
check_eq "diamond: the cancel of J1 racing A's finish exits 0" 0 "$crc"
# (was queued: the CLI started after A's finish had released J1, on a loaded machine)
check "  ... and says so ($(cat "$T/dia_c.out"))" \
  grep -qxE "$DJ cancelled \(was (waiting|queued)\)" "$T/dia_c.out"
check_eq "  ... A's finish committed" 0 "$frc"
check_eq "  ... J1 is cancelled, A succeeded" "cancelled succeeded" "$(st "$DJ") $(st "$DA")"
wait_for 30 "  ... K is released (after A, and any end of J1) and runs" status_is "$DK" succeeded || true

# A deadlock the cancel loses: a third session holds K's counter, the cancel of J1 waits for
# it holding J1's row, then the session asks for J1's row. The cancel, chosen as the victim,
# runs its write once more and succeeds.
check_status "submit a second diamond" 0 "$J" submit --batch "$T/diamond.jsonl"
mapfile -t dia2 <"$OUT_FILE"
bgsql -c "BEGIN" -c "SELECT 1 FROM job_deps_left WHERE job_id = '${dia2[2]}' FOR UPDATE" \
  -c "SELECT pg_sleep(1)" -c "SELECT 1 FROM jobs WHERE id = '${dia2[1]}' FOR UPDATE" -c "COMMIT" \
  >/dev/null 2>"$T/dl_z.err" &
zpid=$!
sleep 0.5
crc=0; "$J" cancel "${dia2[1]}" >"$T/dl_c.out" 2>"$T/dl_c.err" || crc=$?
zrc=0; wait "$zpid" || zrc=$?
# Which of the two PostgreSQL picks is a matter of which waited its deadlock_timeout first:
# the cancel normally (it waits from 0.5 s, the session from 1 s), the session when the CLI
# started late on a loaded machine. Either way the cancel must exit 0.
check_eq "a cancel in a deadlock exits 0 (a victim runs again)" 0 "$crc"
(( crc == 0 )) || note "  ... its stderr: $(head -c 400 "$T/dl_c.err" | tr '\n' ' '); the session's: $(head -c 400 "$T/dl_z.err" | tr '\n' ' ')"
if (( zrc == 0 )); then note "  ... the cancel was the victim, and ran again"
else note "  ... the other session was the victim (the cancel started late)"; fi
check_eq "  ... J1 is cancelled" cancelled "$(st "${dia2[1]}")"

check_status "delete the diamond's jobs" 0 sql "DELETE FROM jobs WHERE id IN ('$DA', '$DJ', '$DK')"
check_eq "  ... their edges and counters go with them" "0 0" \
  "$(sql "select (select count(*) from job_deps where '$DA' in (dep_id, job_id) or '$DJ' in (dep_id, job_id)
                  or '$DK' in (dep_id, job_id)),
                 (select count(*) from job_deps_left where job_id in ('$DJ', '$DK'))" | tr '|' ' ')"

# Link against finish: D1 waits after D2 with D1 < D2, and a new job is linked after both
# while D2 ends (the finish reaches D1's stripe, held by the third session).
for _ in $(seq 1 20); do
  printf '%s\n' '{"type": "noop", "delay": "1h", "ref": "d2"}' \
    '{"type": "noop", "ref": "d1", "after": "d2"}' >"$T/pair.jsonl"
  check_status "submit D2 an hour ahead, D1 after it" 0 "$J" submit --batch "$T/pair.jsonl"
  mapfile -t lf <"$OUT_FILE"
  [[ ${lf[1]} < ${lf[0]} ]] && break
done
LD2=${lf[0]} LD1=${lf[1]}
bgsql -c "BEGIN" -c "SELECT 1 FROM job_deps_left WHERE job_id = '$LD1' FOR UPDATE" \
  -c "SELECT pg_sleep(3)" -c "COMMIT" >/dev/null 2>"$T/lf_z.err" &
zpid=$!
sleep 0.5
bgsql -c "UPDATE jobs SET status = 'succeeded', finished_at = now() WHERE id = '$LD2'" \
  >/dev/null 2>"$T/lf_f.err" &
fpid=$!
sleep 0.5
"$J" submit noop --after "$LD1,$LD2" >"$T/lf_l.out" 2>"$T/lf_l.err" &
lpid=$!
frc=0; wait "$fpid" || frc=$?
lrc=0; wait "$lpid" || lrc=$?
wait "$zpid" || true
check_eq "link vs finish: the finish of D2 commits" 0 "$frc"
check_eq "  ... the submit after D1 and D2 exits 0" 0 "$lrc"
check "  ... no deadlock" bash -c "! grep -q deadlock '$T/lf_f.err' '$T/lf_l.err'"
wait_for 30 "  ... and the new job runs once D1 has" status_is "$(cat "$T/lf_l.out")" succeeded || true

# ---------------------------------------------------------------- multi-stripe release
# A sink after 96 jobs has 12 stripes; its dependencies are ended at once by 8 sessions
# (one end per transaction, all let go by one advisory lock): it is released exactly once.
{
  for i in $(seq 0 95); do echo "{\"type\": \"noop\", \"delay\": \"1h\", \"ref\": \"s$i\"}"; done
  printf '{"type": "noop", "ref": "sink", "after": [%s]}\n' "$(seq 0 95 | sed 's/^/"s/; s/$/"/' | paste -sd,)"
} >"$T/stripes.jsonl"
check_status "submit a sink after 96 jobs" 0 "$J" submit --batch "$T/stripes.jsonl"
mapfile -t sj <"$OUT_FILE"
MS=${sj[96]}
check_eq "  ... it has 12 stripes" 12 "$(sql "select count(*) from job_deps_left where job_id = '$MS'")"
bgsql -c "BEGIN" -c "SELECT pg_advisory_xact_lock(5050)" -c "SELECT pg_sleep(2)" -c "COMMIT" \
  >/dev/null 2>&1 &
bpid=$!
sleep 0.5
spids=()
for w in $(seq 0 7); do
  args=(-c "SELECT pg_advisory_lock_shared(5050)")
  for i in $(seq "$w" 8 95); do
    args+=(-c "UPDATE jobs SET status = 'succeeded', finished_at = now() WHERE id = '${sj[$i]}'")
  done
  bgsql "${args[@]}" >/dev/null 2>"$T/stripe_$w.err" &
  spids+=($!)
done
src=0
for p in "${spids[@]}"; do wait "$p" || src=$?; done
wait "$bpid" || true
check_eq "multi-stripe: the 8 sessions' ends all committed" 0 "$src"
wait_for 30 "  ... the sink runs" status_is "$MS" succeeded || true
check_eq "  ... released exactly once, and ran once" "1 1" \
  "$(sql "select count(*) filter (where from_status = 'waiting' and to_status = 'queued'),
              count(*) filter (where to_status = 'running') from job_events where job_id = '$MS'" | tr '|' ' ')"
check_eq "  ... no stripe left" 0 "$(sql "select count(*) from job_deps_left where job_id = '$MS'")"

# ---------------------------------------------------------------- many ends in one statement
# One statement ending many dependencies lowers several stripes of one job by several edges
# each (one UPDATE for the job's stripes), or stripes of two jobs at once (one UPDATE per
# stripe, migration 0059): each sink is released exactly once, with no stripe left.
{
  for i in $(seq 0 15); do echo "{\"type\": \"noop\", \"delay\": \"1h\", \"ref\": \"m$i\"}"; done
  printf '{"type": "noop", "ref": "k1", "after": [%s]}\n' "$(seq 0 15 | sed 's/^/"m/; s/$/"/' | paste -sd,)"
  printf '{"type": "noop", "ref": "k2", "after": [%s]}\n' "$(seq 0 15 | sed 's/^/"m/; s/$/"/' | paste -sd,)"
  for i in $(seq 0 15); do echo "{\"type\": \"noop\", \"delay\": \"1h\", \"ref\": \"o$i\"}"; done
  printf '{"type": "noop", "ref": "k3", "after": [%s]}\n' "$(seq 0 15 | sed 's/^/"o/; s/$/"/' | paste -sd,)"
} >"$T/many.jsonl"
check_status "submit two sinks after the same 16 jobs, and a third after 16 others" 0 \
  "$J" submit --batch "$T/many.jsonl"
mapfile -t mj <"$OUT_FILE"
K1=${mj[16]} K2=${mj[17]} K3=${mj[34]}
left_of() { sql "select coalesce(sum(remaining), 0) || '/' || count(*) from job_deps_left where job_id = '$1'"; }
check_eq "  ... each sink has 16 edges left on 2 stripes" "16/2 16/2 16/2" "$(left_of "$K1") $(left_of "$K2") $(left_of "$K3")"
# end_all IDS...: one statement ends them all
end_all() { sql "UPDATE jobs SET status = 'succeeded', finished_at = now()
                 WHERE id IN ($(printf "'%s'," "$@" | sed 's/,$//'))" >/dev/null; }
check_status "12 of the two sinks' dependencies end in one statement" 0 end_all "${mj[@]:0:12}"
check_eq "  ... both sinks wait, 4 edges left each" "waiting waiting 4" \
  "$(st "$K1") $(st "$K2") $(sql "select coalesce(sum(remaining), 0) from job_deps_left where job_id = '$K1'")"
check_eq "  ... the same for the second" 4 "$(sql "select coalesce(sum(remaining), 0) from job_deps_left where job_id = '$K2'")"
check_status "their last 4 end in one statement" 0 end_all "${mj[@]:12:4}"
check_status "the third sink's 16 end in one statement" 0 end_all "${mj[@]:18:16}"
for k in "$K1" "$K2" "$K3"; do
  wait_for 30 "  ... sink $k runs" status_is "$k" succeeded || true
  check_eq "  ... released exactly once, ran once, no stripe left" "1 1 0/0" \
    "$(sql "select count(*) filter (where from_status = 'waiting' and to_status = 'queued'),
                count(*) filter (where to_status = 'running') from job_events where job_id = '$k'" | tr '|' ' ') $(left_of "$k")"
done

# ---------------------------------------------------------------- status of a large fan-in
{
  for i in $(seq 0 1000); do echo "{\"type\": \"noop\", \"delay\": \"1h\", \"ref\": \"b$i\"}"; done
  printf '{"type": "noop", "ref": "big", "after": [%s]}\n' "$(seq 0 1000 | sed 's/^/"b/; s/$/"/' | paste -sd,)"
} >"$T/big.jsonl"
check_status "submit a sink after 1,001 jobs" 0 "$J" submit --batch "$T/big.jsonl"
BIG=$(tail -n 1 "$OUT_FILE")
check_status "status --json of it exits 0" 0 "$J" status --json "$BIG"
check_eq "  ... 1,000 dependencies shown, and how many more" "1000 1 0 False" \
  "$(json_get '"%d %d %d %s" % (len(d["after"]), d["after_more"], d["dependents_more"], d["dependents_truncated"])' <<<"$OUT")"
check_status "status of it exits 0" 0 "$J" status "$BIG"
check "  ... shows 20 and says 981 more" grep -Eq "^ +\.\.\. and 981 more$" "$OUT_FILE"

note "states: $(state_counts)"
