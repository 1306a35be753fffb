#!/usr/bin/env bash
# test_store_write — the consumer's combined claim and finish statement (SQL_WRITE of
# common/store_lease.c), row by row, on the real database: one statement with claims and
# finishes of every kind, driven by tests/store_write (jobq_store_write_many on a worker
# session), then the rows and their history are compared with what each item must do:
#  - a claim takes only a queued, due row with no cancel request (running, attempt + 1,
#    lease token + 1, its claim id, a lease, started_at, no error or progress); a job
#    claimed twice in one statement is claimed once, by the request whose claim id it took;
#  - a finish writes only a running row of this worker whose lease token it names: each
#    outcome (succeeded, failed, cancelled, scheduled for a retry, released to the queue,
#    an uncounted retry) with its columns, the token raised, the lease ended;
#  - every change is in job_events (from, to, worker, attempt, reason), nothing else is;
#  - the statement is all or nothing: a refused outcome (progress that is not JSON) leaves
#    the claim that came with it unwritten;
#  - a claim's token fences its finish (a second statement finishes the claimed job).
source "$(dirname "$0")/lib.sh"
jq_setup store_write

TOOL="$JOBQ_BIN_DIR/tests/store_write"
check --fatal "migrate" jobq migrate

id() { printf '00000000-0000-4000-8000-%012d' "$1"; }
A=$(id 1) B=$(id 2) C=$(id 3) D=$(id 4) E=$(id 5) F=$(id 6) G=$(id 7) H=$(id 8) I=$(id 9)
J=$(id 10) K=$(id 11) M=$(id 12) N=$(id 13) O=$(id 14)

# Queued rows as a submit and the publish mark leave them; running rows as a claim does.
sql "INSERT INTO jobs (id, type, status, status_reason, published_at, run_after,
                       cancel_requested_at)
     VALUES ('$A', 'noop', 'queued', 'submitted', now(), now(), NULL),
            ('$B', 'noop', 'queued', 'submitted', now(), now() + interval '1 hour', NULL),
            ('$C', 'noop', 'queued', 'submitted', now(), now(), now()),
            ('$D', 'noop', 'queued', 'submitted', now(), now(), NULL),
            ('$N', 'noop', 'queued', 'submitted', now(), now(), NULL)" >/dev/null
sql "INSERT INTO jobs (id, type, status, status_reason, published_at, worker_id, attempt,
                       lease_token, claim_id, started_at, heartbeat_at, lease_expires_at,
                       progress)
     SELECT i, 'noop', 'running', 'claimed', now() - interval '1 minute', w, a, t, 1,
            now() - interval '1 minute', now(), now() + interval '10 minutes', '[1]'
     FROM (VALUES ('$E'::uuid, 'sw', 1, 5), ('$F', 'sw', 1, 5), ('$G', 'other', 1, 5),
                  ('$H', 'sw', 2, 3), ('$I', 'sw', 2, 3), ('$J', 'sw', 3, 4),
                  ('$K', 'sw', 1, 2), ('$M', 'sw', 1, 2), ('$O', 'sw', 1, 6)) v(i, w, a, t)" >/dev/null
before=$(sql "SELECT COALESCE(max(id), 0) FROM job_events")

check_status "one statement with every kind of item runs" 0 "$TOOL" sw 300000 \
  "claim,$A,7" "claim,$B,8" "claim,$C,9" "claim,$D,10" "claim,$D,11" "claim,$M,12" \
  "finish,$E,5,succeeded,0,0,0,-" "finish,$F,4,succeeded,0,0,0,-" \
  "finish,$G,5,succeeded,0,0,0,-" "finish,$H,3,scheduled,60000,0,1,-" \
  "finish,$I,3,queued,0,30000,0,-" "finish,$J,4,failed,0,0,0,[7]" \
  "finish,$K,2,cancelled,0,0,0,-"
[[ $STATUS == 0 ]] || note "stderr: $ERR"
line() { grep -E "^(claim|finish) $1 " <<<"$OUT" | tr '\n' ';'; }
check_eq "A claimed: token 1, attempt 1" "claim $A r=0 token=1 attempt=1 claim_id=7;" "$(line "$A")"
check_eq "B not due: not claimed" "claim $B r=ECONFLICT;" "$(line "$B")"
check_eq "C cancel requested: not claimed" "claim $C r=ECONFLICT;" "$(line "$C")"
dl=$(line "$D")
[[ $dl == "claim $D r=0 token=1 attempt=1 claim_id=10;claim $D r=ECONFLICT;" ||
   $dl == "claim $D r=ECONFLICT;claim $D r=0 token=1 attempt=1 claim_id=11;" ]] && d_once=yes
check_eq "D claimed once of two requests ($dl)" yes "${d_once:-no}"
check_eq "M already running: not claimed" "claim $M r=ECONFLICT;" "$(line "$M")"
check_eq "E finished" "finish $E r=0;" "$(line "$E")"
check_eq "F stale token: lost" "finish $F r=ELOST;" "$(line "$F")"
check_eq "G another worker's: lost" "finish $G r=ELOST;" "$(line "$G")"
for x in H I J K; do check_eq "$x finished" "finish ${!x} r=0;" "$(line "${!x}")"; done

# The statement's time: now() of its transaction, which its history rows carry (but a move
# to running, stamped with the clock at the write since migration 0021).
at=$(sql "SELECT max(at) FROM job_events WHERE id > $before AND to_status <> 'running'")
# Each row as one line: status, reason, worker, attempt, token, claim id, error, progress,
# result, and each time column as it stands to the statement's time.
row() {
  sql "SELECT concat_ws('|', status, status_reason, COALESCE(worker_id, '-'), attempt,
         lease_token, COALESCE(claim_id::text, '-'), COALESCE(error, '-'),
         COALESCE(progress::text, '-'), COALESCE(result::text, '-'),
         CASE WHEN lease_expires_at IS NULL THEN 'nolease'
              WHEN lease_expires_at = t + interval '300 s' THEN 'lease300' ELSE 'lease?' END,
         CASE WHEN finished_at IS NULL THEN 'open' WHEN finished_at = t THEN 'finished'
              ELSE 'finished?' END,
         CASE WHEN published_at IS NULL THEN 'unpublished' ELSE 'published' END,
         CASE WHEN run_after = t + interval '60 s' THEN 'due+60' WHEN run_after <= t THEN 'due'
              ELSE 'due?' END,
         CASE WHEN publish_after = t + interval '60 s' THEN 'pub+60'
              WHEN publish_after = t + interval '30 s' THEN 'pub+30'
              WHEN publish_after <= t THEN 'pub-before' ELSE 'pub?' END,
         CASE WHEN started_at = t THEN 'started-now' WHEN started_at IS NULL THEN 'unstarted'
              WHEN started_at < t THEN 'started-before' ELSE 'started?' END)
       FROM jobs, (SELECT '$at'::timestamptz AS t) s WHERE id = '$1'"
}
check_eq "A running for sw" \
  "running|claimed|sw|1|1|7|-|-|-|lease300|open|published|due|pub-before|started-now" "$(row "$A")"
check_eq "B untouched" \
  "queued|submitted|-|0|0|-|-|-|-|nolease|open|published|due?|pub-before|unstarted" "$(row "$B")"
check_eq "C untouched" \
  "queued|submitted|-|0|0|-|-|-|-|nolease|open|published|due|pub-before|unstarted" "$(row "$C")"
check "D running for sw with the claim id of the request that got it" grep -Eq \
  "^running\|claimed\|sw\|1\|1\|1[01]\|-\|-\|-\|lease300\|open\|published\|due\|pub-before\|started-now$" \
  <<<"$(row "$D")"
check_eq "D's claim id is the one its reply names" \
  "$(sed -n "s/^claim $D r=0 .*claim_id=\([0-9]*\)$/\1/p" <<<"$OUT")" \
  "$(sql "SELECT claim_id FROM jobs WHERE id = '$D'")"
check_eq "M untouched" \
  "running|claimed|sw|1|2|1|-|[1]|-|lease?|open|published|due|pub-before|started-before" "$(row "$M")"
check_eq "E succeeded: result, token 6, lease ended, progress kept" \
  "succeeded|reason of $E|sw|1|6|1|-|[1]|{\"from\": \"store_write\"}|nolease|finished|published|due|pub-before|started-before" \
  "$(row "$E")"
check_eq "F untouched" \
  "running|claimed|sw|1|5|1|-|[1]|-|lease?|open|published|due|pub-before|started-before" "$(row "$F")"
check_eq "G untouched" \
  "running|claimed|other|1|5|1|-|[1]|-|lease?|open|published|due|pub-before|started-before" "$(row "$G")"
check_eq "H scheduled in 60 s, uncounted (attempt 2 -> 1), no owner, for the relay" \
  "scheduled|reason of $H|-|1|4|1|error of $H|[1]|-|nolease|open|unpublished|due+60|pub+60|started-before" \
  "$(row "$H")"
check_eq "I released: attempt given back, no owner, the relay's grace of 30 s" \
  "queued|reason of $I|-|1|4|1|-|[1]|-|nolease|open|unpublished|due|pub+30|started-before" \
  "$(row "$I")"
check_eq "J failed with its error and last progress" \
  "failed|reason of $J|sw|3|5|1|error of $J|[7]|-|nolease|finished|published|due|pub-before|started-before" \
  "$(row "$J")"
check_eq "K cancelled" \
  "cancelled|reason of $K|sw|1|3|1|error of $K|[1]|-|nolease|finished|published|due|pub-before|started-before" \
  "$(row "$K")"

events() {
  sql "SELECT string_agg(concat_ws(' ', job_id, COALESCE(from_status, '-'), to_status,
         COALESCE(worker_id, '-'), attempt, reason), E'\n' ORDER BY job_id, id)
       FROM job_events WHERE id > $1"
}
check_eq "the history holds each change once, and nothing else" \
  "$A queued running sw 1 claimed
$D queued running sw 1 claimed
$E running succeeded sw 1 reason of $E
$H running scheduled sw 1 reason of $H
$I running queued sw 1 reason of $I
$J running failed sw 3 reason of $J
$K running cancelled sw 1 reason of $K" "$(events "$before")"
check_eq "the events of one statement share its time (moves to running: its clock, later)" "1 0" \
  "$(sql "SELECT count(DISTINCT at) FILTER (WHERE to_status <> 'running'),
                 count(*) FILTER (WHERE to_status = 'running' AND at < '$at'::timestamptz)
          FROM job_events WHERE id > $before" | tr '|' ' ')"

# All or nothing: an outcome whose progress is not JSON fails the statement, and the claim
# sent with it is not written either.
before=$(sql "SELECT max(id) FROM job_events")
check_status "a statement with a refused outcome fails" 1 "$TOOL" sw 300000 \
  "claim,$N,20" "finish,$O,6,succeeded,0,0,0,{"
check_eq "... and writes nothing: N still queued, O still running" "queued running" \
  "$(sql "SELECT string_agg(status, ' ' ORDER BY id) FROM jobs WHERE id IN ('$N', '$O')")"
check_eq "... and records nothing" "" "$(events "$before")"

# A claim's token fences its finish: A's finish with token 1 is written, a repeat is lost.
check_status "A finished with the token its claim returned" 0 "$TOOL" sw 300000 \
  "finish,$A,1,succeeded,0,0,0,-"
check_eq "A succeeded" "finish $A r=0" "$OUT"
check_status "the same finish again" 0 "$TOOL" sw 300000 "finish,$A,1,succeeded,0,0,0,-"
check_eq "... is refused: the token moved on" "finish $A r=ELOST" "$OUT"
check_eq "A's history: submitted, claimed, succeeded" "- queued|queued running|running succeeded" \
  "$(sql "SELECT string_agg(concat_ws(' ', COALESCE(from_status, '-'), to_status), '|' ORDER BY id)
          FROM job_events WHERE job_id = '$A'")"
