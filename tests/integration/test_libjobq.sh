#!/usr/bin/env bash
# test_libjobq — libjobq as an application gets it, end to end:
#  - `cmake --install` of the build into a temp prefix gives jobq/jobq.h, libjobq.so.0 (its
#    SONAME) and libjobq.a, and a jobq.pc that pkg-config finds through PKG_CONFIG_PATH;
#  - the header compiles on its own with nothing but the installed include dir;
#  - examples/c/submit_many.c builds with `cc ... $(pkg-config --cflags --libs jobq)`
#    against the installed shared library, and again with --static against libjobq.a alone;
#  - with a consumer up, the shared build submits 10,000 noop jobs through the many-jobs
#    call: 10,000 distinct ids, each a saved job, none left queued and unmarked when the call
#    returns, and all 10,000 succeed within the relay grace (set longer than the test, so
#    that only the library can have published them); the static build submits 1,000 more that succeed;
#  - tests/tools/libjobq_calls.c, built against the installed library too, drives submit,
#    wait, status (every field, for a succeeded, a scheduled and a running job), cancel and
#    cancel_many (scheduled, running, finished, unknown and repeated ids; a bad id cancels
#    nothing), wait_many (on_end in the order the jobs end, a timeout, an unknown id, calls
#    from inside on_end refused), keys (with a unique window of 3 s too) and submit_many
#    against the real servers; the database agrees with what it saw;
#  - a warm handle whose database session was terminated and whose AMQP connection the
#    broker closed opens both again at its next submit, which is published, not relayed;
#  - while another session holds a job's row (as a worker's claim does), the submits that
#    carry that job's publish mark each return within 5 s (the lock is held 60 s), and the
#    job is left unmarked, to the relay (a run whose first confirm came within its call,
#    marked before the lock, shows nothing: it runs again, 3 times at most);
#  - a job whose confirm comes during a call (a wait) is marked published at that call's
#    end, while the handle then sits idle.
source "$(dirname "$0")/lib.sh"
jq_setup libjobq

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 8

# ---- install into a temp prefix
P="$T/prefix"
check --fatal "cmake --install into $P" cmake --install "$JOBQ_BIN_DIR" --prefix "$P"
pc=$(find "$P" -name jobq.pc -print -quit)
check --fatal "jobq.pc is installed ($pc)" test -f "$pc"
export PKG_CONFIG_PATH="${pc%/jobq.pc}"
libdir=$(pkg-config --variable=libdir jobq)
check_eq "pkg-config finds jobq at the project's version" \
  "$(sed -n 's/^project(jobq VERSION \([0-9.]*\).*/\1/p' "$JOBQ_SOURCE_DIR/CMakeLists.txt")" \
  "$(pkg-config --modversion jobq)"
check "the header is installed as include/jobq/jobq.h" test -f "$P/include/jobq/jobq.h"
check "libjobq.a is installed" test -f "$libdir/libjobq.a"
check_eq "libjobq.so's SONAME is libjobq.so.0" "libjobq.so.0" \
  "$(readelf -d "$libdir/libjobq.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
check_eq "it exports only the public interface (jobq_client_*, jobq_job_*)" "" \
  "$(nm -D --defined-only "$libdir/libjobq.so" | awk '$2 ~ /^[TDB]$/ && $3 !~ /^jobq_(client_|job_)/')"
# shellcheck disable=SC2046  # pkg-config's flags are meant to split
check "the header compiles alone, with only the installed include dir" \
  cc -std=c11 -Wall -Wextra -Werror -fsyntax-only -x c -include jobq/jobq.h /dev/null \
  $(pkg-config --cflags jobq)

# ---- build the example against the installed library, shared and static
src="$JOBQ_SOURCE_DIR/examples/c/submit_many.c"
# shellcheck disable=SC2046
check --fatal "submit_many builds with pkg-config --cflags --libs jobq" \
  cc -std=c11 -Wall -Wextra -Werror -o "$T/submit_many" "$src" $(pkg-config --cflags --libs jobq)
check "it links the installed libjobq.so.0" \
  grep -q "$libdir/libjobq.so.0" <<<"$(LD_LIBRARY_PATH="$libdir" ldd "$T/submit_many")"
# A prefix with the archive alone, so that -ljobq can only mean libjobq.a.
cp -a "$P" "$T/static"
rm -f "$T"/static/"${libdir#"$P"/}"/libjobq.so*
# shellcheck disable=SC2046
check --fatal "submit_many builds with pkg-config --static against libjobq.a" \
  cc -std=c11 -Wall -Wextra -Werror -o "$T/submit_many_static" "$src" \
  $(PKG_CONFIG_PATH="${PKG_CONFIG_PATH/#$P/$T/static}" pkg-config --static --cflags --libs jobq)
check_eq "the static build needs no libjobq.so" "" "$(ldd "$T/submit_many_static" | grep libjobq || true)"
# shellcheck disable=SC2046
check --fatal "libjobq_calls builds against the installed library" \
  cc -std=c11 -Wall -Wextra -Werror -o "$T/libjobq_calls" \
  "$JOBQ_SOURCE_DIR/tests/tools/libjobq_calls.c" $(pkg-config --cflags --libs jobq)

# ---- 10,000 jobs through the many-jobs call
sql "create table submitted (id uuid primary key)"
load_ids() { { echo "copy submitted from stdin;"; cat "$1"; echo '\.'; } | _jq_psql "$_JQ_DB" -f - >/dev/null; }
t0=$(_jq_now_ms)
# A relay grace longer than the test: every job that runs was published by the library.
export JOBQ_RELAY_GRACE=300s
check_status "submit_many 10000 exits 0" 0 env LD_LIBRARY_PATH="$libdir" "$T/submit_many" 10000
note "submit_many 10000 (shared, sanitizers as built): $(( $(_jq_now_ms) - t0 )) ms, process start included"
check_eq "nothing on stderr" "" "$ERR"
cp "$OUT_FILE" "$T/ids.shared"
check_eq "10000 lines, each a UUID" 10000 "$(grep -cE '^[0-9a-f-]{36}$' "$T/ids.shared" || true)"
check_eq "10000 distinct ids" 10000 "$(sort -u "$T/ids.shared" | wc -l)"
load_ids "$T/ids.shared"
check_eq "each is a saved job" 10000 "$(sql "select count(*) from submitted s join jobs j using (id)")"
# Published, and marked once their confirms came (by the handle's close at the latest, which
# waits up to 5 s for them; the mark is conditional on the job being still queued, so a job
# a worker already took keeps it unset).
check_eq "none is left queued and unmarked for the relay" 0 \
  "$(sql "select count(*) from submitted s join jobs j using (id)
          where j.status = 'queued' and j.published_at is null")"
check_status "the static build submits 1000 more" 0 "$T/submit_many_static" 1000
load_ids "$OUT_FILE"
check_eq "11000 jobs in all" 11000 "$(sql "select count(*) from submitted s join jobs j using (id)")"
wait_for 300 "all 11000 jobs succeeded" sql_is 11000 \
  "select count(*) from submitted s join jobs j using (id) where j.status = 'succeeded'"
note "states: $(state_counts)"
unset JOBQ_RELAY_GRACE

# ---- every call of the library against the real servers
check_status "libjobq_calls: every check passes" 0 env LD_LIBRARY_PATH="$libdir" timeout 150 "$T/libjobq_calls"
# the failed checks, each with the job's fields when it is about them
grep -E '^(FAIL|# )' "$OUT_FILE" | sed 's/^/# /' || true
idof() { sed -n "s/^id $1 //p" "$OUT_FILE"; }
check_eq "the echo job's row: succeeded with its payload as result" "succeeded true" \
  "$(sql "select status || ' ' || (result = '{\"x\": 1}'::jsonb) from jobs where id = '$(idof echo)'")"
check_eq "the idle queue's job was marked published by the submitter, inside the grace" \
  "queued true" \
  "$(sql "select status || ' ' || coalesce(published_at < publish_after, false) from jobs where id = '$(idof marked)'")"
check_eq "one row for the key used twice, with its metadata" '1|{"tenant": "t-1"}' \
  "$(sql "select count(*), min(job_metadata::text) from jobs where idempotency_key = 'libjobq-key-1'")"
check_eq "the windowed key: the old job keeps it aside, the new one holds it for 3 s" \
  "libjobq-window-1 libjobq-window-1 00:00:03" \
  "$(sql "select concat_ws(' ', o.expired_key, n.idempotency_key, n.unique_until - n.created_at)
          from jobs o, jobs n where o.id = '$(idof window-old)' and n.id = '$(idof window-new)'")"
check_eq "the delayed job's row: cancelled, its reason, max_attempts 5, timeout 60 s" \
  "cancelled not needed 5 00:01:00" \
  "$(sql "select concat_ws(' ', status, cancel_reason, max_attempts, timeout) from jobs where id = '$(idof delayed)'")"
check_eq "the sleeper's row: cancelled while it ran" "cancelled true" \
  "$(sql "select status || ' ' || (started_at is not null) from jobs where id = '$(idof sleeper)'")"
check_eq "the confirmed submit's job was marked published before the call returned" \
  "queued true" \
  "$(sql "select status || ' ' || (published_at is not null) from jobs where id = '$(idof confirmed)'")"
check_eq "submit_batch's batch: its 2 jobs, its on_complete callback and payload" \
  '2 echo {"x": 1}' \
  "$(sql "select concat_ws(' ', b.total, b.on_complete_type, b.on_complete_payload) from batches b where b.id = '$(idof batch)'")"
check_eq "cancel_many left the finished echo job alone" "succeeded true" \
  "$(sql "select status || ' ' || (cancel_requested_at is null) from jobs where id = '$(idof echo)'")"
check_eq "the scheduled job's row: cancelled by cancel_many, with its options" \
  'cancelled batch cancel 4 00:01:30 libjobq-scheduled {"tenant": "t-2"} [1, 2, 3]' \
  "$(sql "select concat_ws(' ', status, cancel_reason, max_attempts, timeout, idempotency_key,
                 job_metadata, payload) from jobs where id = '$(idof scheduled)'")"
check_eq "its metadata, from jobq_submit_opts.metadata, is what jobq list --meta finds" \
  "$(idof scheduled)" \
  "$(jobq list --json --meta tenant=t-2 | json_get '" ".join(j["id"] for j in d)')"
check_eq "the running job's row: stopped by cancel_many, cancelled while it ran" \
  "cancelled batch cancel true" \
  "$(sql "select concat_ws(' ', status, cancel_reason, (started_at < finished_at)::text) from jobs where id = '$(idof runner)'")"
check_eq "the job wait_many timed out on is still queued" "queued" \
  "$(sql "select status from jobs where id = '$(idof unfinished)'")"
check_eq "submit_many's refused batch saved nothing" 0 \
  "$(sql "select count(*) from jobs where idempotency_key = 'libjobq-never'")"
check_eq "every job ended once in the history" 0 "$(terminal_anomalies "status in ('succeeded','failed','cancelled')")"

# ---- libjobq_calls' modes that pause at "ready" until the test has acted: one at a time,
# as the coproc CALLS. calls_start MODE; read its lines from ${CALLS[0]}; calls_finish LABEL
# tells it to go on and checks that every check of it passed.
calls_start() {
  coproc CALLS { env LD_LIBRARY_PATH="$libdir" timeout 120 "$T/libjobq_calls" "$1" 2>&1; }
  # shellcheck disable=SC2153  # CALLS_PID is set by coproc
  calls_pid=$CALLS_PID
}
calls_finish() {
  local out status=0
  echo go >&"${CALLS[1]}"
  out=$(cat <&"${CALLS[0]}")
  wait "$calls_pid" || status=$?
  check_eq "$1 (output: ${out//$'\n'/; })" 0 "$status"
}

# ---- a warm handle whose connections the servers closed
calls_start reconnect
read -r line <&"${CALLS[0]}" || true
check_eq "reconnect: the first submit" "ok submit" "$line"
read -r line <&"${CALLS[0]}" || true
check_eq "reconnect: ready" "ready" "$line"
wait_for 30 "the broker closed the handle's AMQP connection" close_connections libjobq
check_eq "the handle's database session terminated" 1 \
  "$(sql "select count(pg_terminate_backend(pid)) from pg_stat_activity
          where application_name = 'libjobq' and datname = current_database()")"
wait_for 30 "its backend is gone" sql_is 0 \
  "select count(*) from pg_stat_activity where application_name = 'libjobq' and datname = current_database()"
calls_finish "reconnect: every check passes"

# ---- the publish mark never waits for a row lock (a worker claiming the job)
# A relay grace longer than the test: only the library can mark these jobs.
export JOBQ_RELAY_GRACE=300s
# lockwait_try: one run of libjobq_calls lockwait with the first job's row locked by another
# session (as a worker's claim would) until the calls are done (not for a fixed time: a
# loaded machine may take seconds to run them). Its first submit's confirm is meant to come
# after that call, to be marked by the next one; one that came within the call was marked
# at its end, before the lock: that run shows nothing, and returns 1 (the caller runs again).
lockwait_try() {
  local line premarked
  calls_start lockwait
  read -r line <&"${CALLS[0]}" || true
  check_eq "lockwait: the first submit" "ok submit" "$line"
  read -r _ _ locked <&"${CALLS[0]}" || true
  read -r line <&"${CALLS[0]}" || true
  check_eq "lockwait: ready" "ready" "$line"
  _jq_psql "$_JQ_DB" >/dev/null 2>&1 <<SQL &
BEGIN;
SELECT id FROM jobs WHERE id = '$locked' FOR UPDATE;
SELECT pg_sleep(60);
COMMIT;
SQL
  locker=$!
  wait_for 20 "the job's row is locked" sessions_in_is 1 'SELECT pg_sleep(60)'
  premarked=$(sql "select published_at is not null from jobs where id = '$locked'")
  calls_finish "lockwait: no submit waited for the lock"
  if [[ "$premarked" == t ]]; then
    cancel_sessions_in 'SELECT pg_sleep(60)' >/dev/null
    wait "$locker" || true
    note "lockwait: the first submit's confirm came within its call (marked before the lock): again"
    return 1
  fi
}
conclusive=""
for try in 1 2 3; do if lockwait_try; then conclusive=$try; break; fi; done
if [[ -z "$conclusive" ]]; then
  fail "lockwait: 3 runs whose first confirm came within the call: nothing shown"
else
  # read while the row is still locked: once it is free, the consumer's relay (its grace
  # the default, shorter than a loaded run of this test) may rightly publish the job
  check_eq "the mark that found the row locked left the job unmarked, to the relay (run $try)" "queued true" \
    "$(sql "select status || ' ' || (published_at is null) from jobs where id = '$locked'")"
  check_eq "the row was still locked when the calls ended" 1 "$(sessions_in 'SELECT pg_sleep(60)')"
  cancel_sessions_in 'SELECT pg_sleep(60)' >/dev/null
  wait "$locker" || true
fi

# ---- a confirm that comes during a call is marked at its end, not at the next call
calls_start idle
for _ in 1 2; do read -r line <&"${CALLS[0]}" || true; done
read -r _ _ idle_id <&"${CALLS[0]}" || true
read -r line <&"${CALLS[0]}" || true
check_eq "idle: ready" "ready" "$line"
wait_for 5 "the job is marked published while the handle sits idle" sql_is "queued true" \
  "select status || ' ' || (published_at is not null) from jobs where id = '$idle_id'"
calls_finish "idle: every check passes"
unset JOBQ_RELAY_GRACE
