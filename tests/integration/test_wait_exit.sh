#!/usr/bin/env bash
# test_wait_exit — the exit statuses of `submit --wait` and `wait` (docs/cli.md, docs/design.md §9):
#  - 0 when the job succeeded, 1 when it failed, 1 when it was cancelled (a `wait` already
#    waiting is woken by the cancel: LISTEN/NOTIFY);
#  - `submit --batch --wait`: 0 when every job succeeded, 1 when one failed;
#  - 4 when `wait --timeout 1s` (or `submit --wait --wait-timeout 1s`) gives up on a job that
#    runs 30 s, within about 1-2 s;
#  - 3 for an unknown (well-formed) UUID, 2 for something that is not a UUID;
#  - 5, promptly and with exactly one line on stderr, when the database is unreachable
#    (JOBQ_DATABASE_URL pointing at a closed port), bounded by `timeout 15`;
#  - a wait whose NOTIFY is lost (its waiter row deleted) ends by its periodic re-read,
#    even while another job's notifications arrive every 0.3 s (not at its 60 s timeout);
#  - a `submit --wait` on a long job closes its broker connection after 10 s of waiting.
source "$(dirname "$0")/lib.sh"
jq_setup wait_exit

J="$JOBQ_BIN_DIR/jobq"
nlines() { local nl="${1//[!$'\n']/}"; if [[ -z "$1" ]]; then echo 0; else echo $(( ${#nl} + 1 )); fi; }
elapsed_ms() { echo $(( $(_jq_now_ms) - $1 )); }

check --fatal "migrate" jobq migrate
# a short shutdown_timeout: at the end the 30 s sleepers are released back to the queue
JOBQ_SHUTDOWN_TIMEOUT=1s start_consumer w1 --worker-id w1 --concurrency 4

# ---- 0: succeeded
check_status "submit noop --wait exits 0" 0 timeout 20 "$J" submit noop --wait
ok_id=$(sed -n 1p <<<"$OUT")
check_status "wait on the succeeded job exits 0" 0 timeout 20 "$J" wait "$ok_id"
check_status "wait --json on it exits 0" 0 timeout 20 "$J" wait --json "$ok_id"
check_eq "wait --json: status succeeded" succeeded "$(json_get 'd["status"]' <<<"$OUT" 2>/dev/null)"

# ---- 1: failed
check_status "submit fail --max-attempts 1 --wait exits 1" 1 \
  timeout 20 "$J" submit fail '{"message":"nope"}' --max-attempts 1 --wait
bad_id=$(sed -n 1p <<<"$OUT")
check_eq "that job is failed" failed "$(sql "select status from jobs where id='$bad_id'")"
check_status "wait on the failed job exits 1" 1 timeout 20 "$J" wait "$bad_id"
check "wait prints the error" grep -q nope "$OUT_FILE" "$ERR_FILE"

# ---- batches: submit --batch --wait exits 0 if all succeeded, 1 if one failed
printf '%s\n' '{"type":"noop"}' '{"type":"echo","payload":{"a":1}}' >"$T/ok.jsonl"
printf '%s\n' '{"type":"noop"}' '{"type":"fail","payload":{"message":"second"},"max_attempts":1}' \
  '{"type":"echo","payload":{"c":3}}' >"$T/one-fails.jsonl"
check_status "submit --batch --wait, all succeed: exit 0" 0 timeout 20 "$J" submit --batch "$T/ok.jsonl" --wait
# (the results follow in the order the jobs end, which docs/cli.md leaves open)
check_eq "... two ids, then the two results" 'null|{"a": 1}' "$(sed -n '3,$p' "$OUT_FILE" | LC_ALL=C sort | paste -sd'|')"
check_status "submit --batch --wait, one fails: exit 1" 1 timeout 20 "$J" submit --batch "$T/one-fails.jsonl" --wait
check "... the error is printed" grep -q second "$OUT_FILE" "$ERR_FILE"
b1=$(sed -n 1p "$OUT_FILE") b2=$(sed -n 2p "$OUT_FILE") b3=$(sed -n 3p "$OUT_FILE")
check_eq "... the others succeeded (statuses in batch order)" "succeeded failed succeeded" \
  "$(sql "select string_agg(j.status, ' ' order by o.n) from jobs j
          join (values ('$b1', 1), ('$b2', 2), ('$b3', 3)) o(id, n) on j.id::text = o.id" 2>&1)"

# ---- 4: timed out
check_status "submit sleep 30s exits 0" 0 "$J" submit sleep '{"seconds":30}'
slow_id=$OUT
wait_for 10 "the sleep job is running" sql_is running "select status from jobs where id='$slow_id'" || true
# "about 1 s": the CLI's own start and connection (cli_cost_ms, measured at the time) plus
# 1 s, give or take 1.5 s
cost=$(cli_cost_ms "$slow_id")
t0=$(_jq_now_ms)
check_status "wait --timeout 1s on a 30 s job exits 4" 4 timeout 15 "$J" wait --timeout 1s "$slow_id"
dt=$(elapsed_ms "$t0")
check "... after about 1 s (${dt} ms, a CLI call ${cost} ms; expected 900 to 2500 + that)" \
  test "$dt" -ge 900 -a "$dt" -le $(( 2500 + cost ))
check_eq "... and the job is still running" running "$(sql "select status from jobs where id='$slow_id'")"

cost=$(cli_cost_ms "$slow_id")
t0=$(_jq_now_ms)
check_status "submit sleep --wait --wait-timeout 1s exits 4" 4 \
  timeout 15 "$J" submit sleep '{"seconds":30}' --wait --wait-timeout 1s
dt=$(elapsed_ms "$t0")
slow2_id=$(sed -n 1p <<<"$OUT")
check "... after about 1 s (${dt} ms, a CLI call ${cost} ms; expected 900 to 2500 + that)" \
  test "$dt" -ge 900 -a "$dt" -le $(( 2500 + cost ))
check_eq "... and the job was saved" 1 "$(sql "select count(*) from jobs where id='${slow2_id:-00000000-0000-0000-0000-000000000000}'")"

# ---- 1: cancelled. A `wait` already waiting is woken by the cancel (LISTEN/NOTIFY).
check_status "submit noop --delay 1h exits 0" 0 "$J" submit noop --delay 1h
later_id=$OUT
start_proc waiter "$J" wait --timeout 20s "$later_id"
wait_for 10 "the waiter registered" sql_is 1 "select count(*) from job_waiters where job_id='$later_id'" || true
check_eq "the waiter is still waiting" 0 "$(is_running waiter; echo $?)"
check_status "cancel of the scheduled job exits 0" 0 timeout 15 "$J" cancel --reason "by test" "$later_id"
t0=$(_jq_now_ms)
if wait_exit waiter 5; then
  check_eq "a waiting 'wait' exits 1 when the job is cancelled" 1 "$STATUS"
  check "... woken promptly ($(elapsed_ms "$t0") ms < 2000)" test "$(elapsed_ms "$t0")" -lt 2000
else
  fail "a waiting 'wait' did not return within 5 s of the cancel"
fi
check_status "wait on a cancelled job exits 1" 1 timeout 15 "$J" wait "$later_id"
check_status "cancel --wait of the running 30 s job exits 0" 0 timeout 15 "$J" cancel --wait --timeout 10s "$slow_id"
check_status "wait on the cancelled running job exits 1" 1 timeout 15 "$J" wait "$slow_id"
check_eq "it is cancelled" cancelled "$(sql "select status from jobs where id='$slow_id'")"

# ---- 3 and 2: unknown and malformed ids
check_status "wait on an unknown UUID exits 3" 3 timeout 15 "$J" wait 0d4e5f66-7a8b-4c9d-8e0f-1a2b3c4d5e6f
check_eq "... one line on stderr" 1 "$(nlines "$ERR")"
check_status "wait --timeout 5s on an unknown UUID exits 3 (not 4)" 3 timeout 15 "$J" wait --timeout 5s 0d4e5f66-7a8b-4c9d-8e0f-1a2b3c4d5e6f
check_status "wait not-a-uuid exits 2" 2 timeout 15 "$J" wait not-a-uuid
check_eq "... one line on stderr" 1 "$(nlines "$ERR")"
check "... naming the bad id" grep -q not-a-uuid "$ERR_FILE"
check_status "wait with no id exits 2" 2 timeout 15 "$J" wait
check_status "wait --timeout bogus exits 2" 2 timeout 15 "$J" wait --timeout bogus "$ok_id"

# ---- 5: database unreachable
DEAD_DB=postgresql://jobq:jobq@127.0.0.1:1/x
for cmd in "wait $ok_id" "wait --timeout 30s $ok_id" "status $ok_id"; do
  t0=$(_jq_now_ms)
  # shellcheck disable=SC2086
  check_status "database unreachable: jobq $cmd exits 5" 5 env JOBQ_DATABASE_URL="$DEAD_DB" timeout 15 "$J" $cmd
  dt=$(elapsed_ms "$t0")
  check_eq "... with one line on stderr" 1 "$(nlines "$ERR")"
  check "... promptly (${dt} ms < 10000)" test "$dt" -lt 10000
done
t0=$(_jq_now_ms)
check_status "database unreachable: submit noop --wait exits 5" 5 \
  env JOBQ_DATABASE_URL="$DEAD_DB" timeout 15 "$J" submit noop --wait
check_eq "... with one line on stderr" 1 "$(nlines "$ERR")"
check_eq "... and no id on stdout" "" "$OUT"
check "... promptly ($(elapsed_ms "$t0") ms < 10000)" test "$(elapsed_ms "$t0")" -lt 10000

# ---- the safety net: a wait whose notification is lost still sees the end, even while
# other jobs' notifications keep waking it (they must not put off its periodic re-read)
# (15 s: the job must outlast the wait's start, its registration and the delete on a loaded
# machine)
net_id=$("$J" submit sleep '{"seconds":15}')
check "the 15 s sleeper runs" wait_for 20 "the sleeper runs" \
  sql_is running "select status from jobs where id='$net_id'"
( rc=0; "$J" wait --timeout 60s "$net_id" >"$T/net.out" 2>&1 || rc=$?; echo "$rc" >"$T/net.rc" ) &
net_pid=$!
check "the wait registered" wait_for 10 "the wait registered" \
  sql_is 1 "select count(*) from job_waiters where job_id='$net_id'"
# its registration gone (a NOTIFY it will never get) while the job still runs, and another
# job's notification every 0.3 s for 36 s, each in a transaction of its own
check_eq "its registration is deleted while the job still runs" "1 running" \
  "$(sql "with d as (delete from job_waiters where job_id='$net_id' returning 1)
    select count(*) || ' ' || (select status from jobs where id='$net_id') from d")"
PGAPPNAME=jobq_test_noise psql -XAtq "$JOBQ_DATABASE_URL" -c "DO \$\$ BEGIN FOR i IN 1..120 LOOP
  PERFORM pg_notify('jobq_done', '00000000-0000-4000-8000-00000000000a'); COMMIT;
  PERFORM pg_sleep(0.3); END LOOP; END \$\$" >/dev/null 2>&1 &
noise_pid=$!
wait "$net_pid" || true
net_end_ms=0; jq_now net_end_ms
fin_ms=$(sql "select (extract(epoch from finished_at) * 1000)::bigint from jobs where id='$net_id'")
dt=none
[[ "$fin_ms" =~ ^[0-9]+$ ]] && dt=$(( net_end_ms - fin_ms ))
sql "select count(pg_terminate_backend(pid)) from pg_stat_activity
  where application_name = 'jobq_test_noise'" >/dev/null
wait "$noise_pid" 2>/dev/null || true
check_eq "a wait whose notification was lost, amid others', exits 0 (${dt} ms after the job's end)" 0 \
  "$(cat "$T/net.rc")"
check "... with the job's result" grep -q '^null$' "$T/net.out"
# the re-read comes every 5 s; without it the wait would last until its 60 s timeout (exit
# 4), or the end of the noise
check "... by its re-read: within 9 s of the job's end, not at its timeout (${dt} ms)" \
  test "$dt" != none -a "${dt/none/9000}" -lt 9000

# ---- a long `submit --wait` does not hold its broker connection for as long as the job
# takes: libjobq closes it after 10 s of waiting with nothing in flight (the management
# API lists a connection some seconds after it opens, and drops it some after it closes)
libjobq_conns() { [[ -n "$(connections_of libjobq)" ]]; }
no_libjobq_conn() { ! libjobq_conns; }
# (the subshell runs under the test's errexit: its status is caught, not exited on)
( rc=0; "$J" submit --wait sleep '{"seconds":120}' >"$T/long.out" 2>&1 || rc=$?; echo "$rc" >"$T/long.rc" ) &
long_pid=$!
check "the waiting submit's broker connection is listed" wait_for 20 "a libjobq connection" libjobq_conns
check "... and closed while the wait goes on" wait_for 30 "no libjobq connection" no_libjobq_conn
check "... the wait still going" test ! -e "$T/long.rc"
long_id=$(head -n1 "$T/long.out")
check_status "cancel the long job" 0 timeout 30 "$J" cancel "$long_id"
check "the waiting submit ends" wait_for 20 "the waiting submit's end" test -s "$T/long.rc"
wait "$long_pid" 2>/dev/null || true
check_eq "the waiting submit then reports the cancel (exit 1)" 1 "$(cat "$T/long.rc" 2>/dev/null)"

check_status "consumer stops cleanly on TERM (drains, releases the sleepers)" 0 stop_consumer w1
check_eq "no job is left running" 0 "$(sql "select count(*) from jobs where status='running'")"
