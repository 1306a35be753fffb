#!/usr/bin/env bash
# test_output_utf8 — whatever bytes a command handler writes, its outcome is valid UTF-8 and
# is written at once; and an outcome the database refuses for any reason ends the attempt:
#  A. `cat >&2; exit 65` fed a payload of 1,100 "é" (2,202 bytes of stderr, its 2 KiB tail
#     cut inside a character): failed at attempt 1 within 10 s, the error ending in "é"s;
#  B. raw bytes 0xff 0xfe on stderr with exit 65: failed at attempt 1, U+FFFD in their place;
#  C. raw bytes 0xff on stdout with exit 0: succeeded, U+FFFD in the result;
#  D. a failure whose error text a CHECK constraint refuses, with attempts left: failed at
#     attempt 1 (not left running until its lease lapses) with "outcome refused by the
#     database: ...", run once.
source "$(dirname "$0")/lib.sh"
jq_setup output_utf8

J="$JOBQ_BIN_DIR/jobq"
cat >"$T/jobq.conf" <<'CONF'
handlers = (
  { type = "errcat"; command = [ "/bin/sh", "-c", "cat >&2; exit 65" ]; },
  { type = "errraw"; command = [ "/bin/sh", "-c", "printf 'bad \\377\\376 bytes' >&2; exit 65" ]; },
  { type = "outraw"; command = [ "/bin/sh", "-c", "printf 'x\\377y'" ]; }
);
CONF
export JOBQ_CONFIG="$T/jobq.conf"
ended() { sql_is "$2" "select status || '|' || attempt from jobs where id='$1'"; }

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 4

# ---- A: the reproduction: a 2 KiB tail cut inside a two-byte character
payload="\"$(printf 'é%.0s' $(seq 1 1100))\""
id=$("$J" submit errcat "$payload" --max-attempts 3)
wait_for 10 "A: failed at attempt 1 within 10 s" ended "$id" "failed|1" || true
check_eq "A: the error is the tail of stderr, from a character boundary" "t|t" \
  "$(sql "select error like 'exit status 65: ...é%', right(error, 6) = 'ééééé\"'
          from jobs where id='$id'")"

# ---- B: invalid bytes on stderr
id=$("$J" submit errraw '{}' --max-attempts 3)
wait_for 10 "B: failed at attempt 1 within 10 s" ended "$id" "failed|1" || true
check_eq "B: the bytes became U+FFFD" "exit status 65: bad �� bytes" \
  "$(sql "select error from jobs where id='$id'")"

# ---- C: invalid bytes on stdout
id=$("$J" submit outraw '{}' --max-attempts 3)
wait_for 10 "C: succeeded within 10 s" ended "$id" "succeeded|1" || true
check_eq "C: the result is the text with U+FFFD" "x�y" "$(sql "select result #>> '{}' from jobs where id='$id'")"

# ---- D: a refused error text, attempts left
check --fatal "a CHECK constraint that refuses errors containing 'refuse-me'" \
  sql "alter table jobs add constraint test_refuse_error check (error is null or error not like '%refuse-me%')"
id=$("$J" submit fail '{"message":"refuse-me"}' --max-attempts 3)
wait_for 10 "D: failed at attempt 1 within 10 s" ended "$id" "failed|1" || true
check_eq "D: with the server's reason" "t" \
  "$(sql "select error like 'outcome refused by the database: %test_refuse_error%' from jobs where id='$id'")"
check_eq "D: ... it ran once" 1 \
  "$(sql "select count(*) from job_events where job_id='$id' and to_status='running'")"

check_status "a job after that still runs (submit --wait exits 0)" 0 \
  timeout 20 "$J" submit echo '{"after":1}' --wait
check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
