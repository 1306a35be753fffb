#!/usr/bin/env bash
# test_output_escape — text that jobs, handlers and users control never reaches the
# terminal as control characters (security.md, "Output"):
#  - a command handler whose stderr holds ESC sequences (a title change, a screen clear), a
#    C1 CSI (U+009B), a DEL and a carriage return fails; a job with such an idempotency key
#    and a cancel reason of the same kind is cancelled;
#  - the database keeps the text as it came (raw ESC in jobs.error, jobs.idempotency_key,
#    jobs.cancel_reason);
#  - `jobq status`, `jobq wait`, `jobq list`, `jobq history` and `jobq submit --wait` print
#    no ESC, CSI, DEL or CR byte; the characters appear as \u001b, \u009b, \u007f, \u000d;
#  - --json output stays valid JSON that decodes to the stored text;
#  - times stored as 'infinity' or '-infinity' are shown as such by status (text and
#    JSON), and wait still times out or ends on such jobs.
# Asserts on the bytes the commands print and on the database.
source "$(dirname "$0")/lib.sh"
jq_setup output_escape

J="$JOBQ_BIN_DIR/jobq"
cat >"$T/jobq.conf" <<'EOF'
handlers = (
  { type = "rude";
    command = [ "/bin/sh", "-c", "printf 'bad\\033]0;pwned\\007 \\033[2J\\302\\233m \\177 x\\rover' >&2; exit 65" ]; }
);
EOF
check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 2

# raw_controls FILE: the control bytes a terminal would act on (ESC, BEL, CR, DEL, C1 CSI)
raw_controls() { LC_ALL=C grep -c $'\e\|\a\|\r\|\x7f\|\xc2\x9b' "$1" || true; }

id=$("$J" submit rude '{}' --max-attempts 1)
wait_for 30 "rude job failed" sql_is failed "select status from jobs where id='$id'"
check_eq "the database keeps the raw ESC in jobs.error" t \
  "$(sql "select position(chr(27) in error) > 0 from jobs where id='$id'")"

kid=$("$J" submit sleep '{"seconds":30}' --key $'k\e[1mey\x7f' --queue nobody)
check_status "cancel with an ESC in the reason" 0 "$J" cancel --reason $'why\e[31m\rred' "$kid"
check_eq "the database keeps the raw ESC in jobs.idempotency_key and jobs.cancel_reason" t \
  "$(sql "select position(chr(27) in idempotency_key) > 0 and position(chr(27) in cancel_reason) > 0 from jobs where id='$kid'")"

for cmd in "status $id" "wait $id" "status $kid" "wait $kid" "list" "history $id" "history $kid"; do
  # shellcheck disable=SC2086
  "$J" $cmd >"$T/out" 2>&1 || true
  check_eq "jobq $cmd: no raw control byte in the output" 0 "$(raw_controls "$T/out")"
done
"$J" status "$id" >"$T/out" 2>&1 || true
# (the worker already turns the handler's CR into a space: an error is one line)
check "jobq status shows the ESC escaped (\\u001b]0;pwned\\u0007, \\u009b, \\u007f)" \
  grep -qF '\u001b]0;pwned\u0007 \u001b[2J\u009bm \u007f x over' "$T/out"
"$J" status "$kid" >"$T/out" 2>&1 || true
# shellcheck disable=SC2016  # the single quotes are meant: bash -c's script reads its own arguments
check "jobq status shows the key and the reason escaped" \
  bash -c 'grep -qF "k\\u001b[1mey\\u007f" "$1" && grep -qF "why\\u001b[31m\\u000dred" "$1"' _ "$T/out"
"$J" submit rude '{}' --max-attempts 1 --wait >"$T/out" 2>&1 || true
check_eq "jobq submit --wait: no raw control byte" 0 "$(raw_controls "$T/out")"

# --json: valid JSON holding the stored text
"$J" --json status "$id" >"$T/out.json"
check_eq "--json status decodes to the stored error" \
  "$(sql "select encode(convert_to(error, 'UTF8'), 'hex') from jobs where id='$id'")" \
  "$(json_get 'd["error"].encode().hex()' <"$T/out.json")"

# ---- times stored as 'infinity' (the table's owner may write them): status and wait show
# them, in one read with the other jobs, rather than fail (and never compute an age of one)
inf_a=$("$J" submit noop --delay 1h)
inf_b=$("$J" submit noop --delay 1h)
sql "update jobs set run_after = 'infinity' where id = '$inf_a'" >/dev/null
sql "update jobs set status = 'cancelled', started_at = now(), finished_at = 'infinity',
  cancel_requested_at = '-infinity', heartbeat_at = 'infinity', run_after = '-infinity'
  where id = '$inf_b'" >/dev/null
check_status "status of a job to run after 'infinity' exits 0" 0 "$J" status "$inf_a"
check "... and shows it" grep -Eq '^run after: +infinity$' "$OUT_FILE"
check_status "status --json of a job with infinite times exits 0" 0 "$J" --json status "$inf_b"
check_eq "... its times as \"infinity\" / \"-infinity\"" "infinity -infinity -infinity infinity" \
  "$(json_get '" ".join([d["finished_at"], d["cancel_requested_at"], d["run_after"], d["heartbeat_at"]])' <"$OUT_FILE")"
check_status "status (text) of it exits 0" 0 "$J" status "$inf_b"
check "... with 'finished: infinity'" grep -Eq '^finished: +infinity$' "$OUT_FILE"
check_status "wait --timeout 1s on the job to run after 'infinity' times out (4)" 4 \
  timeout 20 "$J" wait --timeout 1s "$inf_a"
check_status "wait on the one that ended at 'infinity' exits 1 (cancelled)" 1 \
  timeout 20 "$J" wait "$inf_b"
