#!/usr/bin/env bash
# test_retention — the retention config group applied by the consumers (docs/configuration.md
# "Retention", migration 0041), with three consumers running as the jobq_consumer role:
#  - a backlog of 1,000 succeeded jobs past the window goes at no more than retention.rate
#    rows a second (the jobs table's count sampled with the database clock: any two samples
#    at least 1 s apart differ by at most rate x seconds + one batch, plus rate x 0.5 s for
#    the time a batch's statement may take between its start and its commit on a loaded
#    machine; unpaced, the 1,000 rows would go in well under a second);
#  - only one consumer prunes at a time: the recorded rounds (retention_rounds) never
#    overlap, and each round's rows fit its own duration at the rate; a round ends at its
#    budget (rate x interval rows a kind), so a backlog takes several rounds;
#  - finished jobs of each state, and dead letters, go after their own window and not before
#    (no deletion is seen while the window is still open); jobs that ran on the consumers go
#    too;
#  - live jobs (queued, scheduled, a retried one) and their history never go;
#  - `jobq stats` shows the latest round;
#  - the consumer's role can call the retention functions but not prune live states, delete
#    dead letters or rounds itself;
#  - bad retention values stop the consumer with one line naming the key and the file:line
#    or the variable.
source "$(dirname "$0")/lib.sh"
jq_setup retention

RATE=200
BATCH=50
vh=$(_jq_urlencode "$TEST_VHOST")
check --fatal "RabbitMQ user jobq_consumer exists (scripts/stack creates it)" \
  _jq_mgmt GET "/api/users/jobq_consumer"
check --fatal "grant jobq_consumer its rights on the test vhost" _jq_mgmt PUT \
  "/api/permissions/$vh/jobq_consumer" \
  '{"configure":"^amq\\.gen-.*$","write":"^(jobq\\.jobs|amq\\.gen-.*)$","read":"^(jobq\\..*|amq\\.gen-.*)$"}'
check --fatal "migrate" jobq migrate
CONSUMER_AMQP="amqp://jobq_consumer:jobq_consumer@127.0.0.1:$JOBQ_TEST_AMQP_PORT/$vh"
CONSUMER_DB="postgresql://jobq_consumer:jobq_consumer@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
cpsql() { PGCONNECT_TIMEOUT=10 psql -X -A -t -q -v ON_ERROR_STOP=1 "$CONSUMER_DB" -c "$1"; }

# ---- bad values: one line naming the key and where it was set
bad_conf() {  # DESC TEXT EXPECTED-LINE
  printf '%s\n' "$2" >"$T/bad.conf"
  check_status "$1: the consumer refuses to start (exit 2)" 2 \
    timeout 20 "$JOBQ_BIN_DIR/jobq-consumer" --config "$T/bad.conf" --check-config
  check_eq "$1: one line" 1 "$(wc -l <"$ERR_FILE")"
  check_eq "$1: naming the key and file:line" "$3" "$ERR"
}
bad_conf "a zero window" 'retention = { succeeded = "0s"; };' \
  "jobq-consumer: $T/bad.conf:1: retention.succeeded: 0s is not a retention (1m to 365d); leave it unset to keep the rows for ever"
bad_conf "a window under a minute" 'retention = { failed = "10s"; };' \
  "jobq-consumer: $T/bad.conf:1: retention.failed: 10000ms is under the shortest retention (1m to 365d)"
bad_conf "a window that is no duration" 'retention = { failed = "soon"; };' \
  "jobq-consumer: $T/bad.conf:1: retention.failed: 'soon' is not a duration (use e.g. 250ms, 30s, 5m, 1h, 2d or plain seconds)"
bad_conf "a rate of 0" $'retention = {\n  rate = 0; };' \
  "jobq-consumer: $T/bad.conf:2: retention.rate: 0 is out of range (1 to 1000000)"
bad_conf "a batch over the cap" 'retention = { batch = 20000; };' \
  "jobq-consumer: $T/bad.conf:1: retention.batch: 20000 is out of range (1 to 10000)"
bad_conf "a batch above the rate" $'retention = { rate = 100;\n batch = 500; };' \
  "jobq-consumer: $T/bad.conf:2: retention.batch (500) must not exceed retention.rate (100)"
bad_conf "an unknown key" 'retention = { events = "1d"; };' \
  "jobq-consumer: $T/bad.conf:1: retention.events: unknown setting (expected one of: succeeded, failed, cancelled, dead_letters, batch, rate, interval)"
printf 'retention = { };\n' >"$T/empty.conf"
check_status "a bad variable: the consumer refuses to start (exit 2)" 2 \
  env JOBQ_RETENTION_CANCELLED=xyz timeout 20 "$JOBQ_BIN_DIR/jobq-consumer" --config "$T/empty.conf" --check-config
check_eq "... one line naming the variable" \
  "jobq-consumer: \$JOBQ_RETENTION_CANCELLED: 'xyz' is not a duration (use e.g. 250ms, 30s, 5m, 1h, 2d or plain seconds)" "$ERR"

# ---- the consumer's role: the retention functions, and no more
check_status "consumer role: jobq_prune_jobs refuses a live state" 1 \
  cpsql "select jobq_prune_jobs(array['queued'], now(), 10)"
check "... saying which states it takes" grep -q "only finished states" "$ERR_FILE"
check_status "consumer role: DELETE FROM dead_letters is refused" 1 cpsql "delete from dead_letters"
check_status "consumer role: DELETE FROM retention_rounds is refused" 1 cpsql "delete from retention_rounds"
check_status "consumer role: the prune's CLI function is refused" 1 cpsql "select jobq_cli_prune_jobs(now(), 10)"
check_status "consumer role: jobq_prune_dead_letters refuses NULL" 1 cpsql "select jobq_prune_dead_letters(NULL, 10)"
check "... saying so" grep -q "must not be NULL" "$ERR_FILE"
check_status "consumer role: jobq_prune_jobs_before is refused" 1 \
  cpsql "select jobq_prune_jobs_before(array['succeeded'], now(), 10)"
check "... for want of the right" grep -q "permission denied for function jobq_prune_jobs_before" "$ERR_FILE"
# The role has UPDATE on jobs: it marks a scheduled job finished a day ago, then prunes with
# a cutoff of now. The job's history dates the finish now, so the job and its history stay.
forged=$(jobq submit noop '{}' --queue forged --delay 1h)
forged_events=$(sql "select count(*) from job_events where job_id = '$forged'")
check_status "consumer role: it can mark a scheduled job succeeded a day ago" 0 \
  cpsql "update jobs set status = 'succeeded', finished_at = now() - interval '1 day'
         where id = '$forged'"
check_status "consumer role: a prune with a cutoff of now runs" 0 \
  cpsql "select jobq_prune_jobs(array['succeeded'], now(), 10000)"
check_eq "... and deletes nothing" 0 "$OUT"
check_eq "... the job stays, with its history and the forged transition in it" \
  "1 $(( forged_events + 1 ))" \
  "$(sql "select (select count(*) from jobs where id = '$forged'),
               (select count(*) from job_events where job_id = '$forged')" | tr '|' ' ')"
check_status "cli role's path (jobq prune --older-than 1d) keeps it too" 0 jobq prune --older-than 1d --json
check "... deleting no job" grep -q '"deleted":0,' "$OUT_FILE"
sql "delete from jobs where id = '$forged'" >/dev/null  # not to be pruned a minute on
check_status "consumer role: jobq_retention_record refuses a negative count" 1 \
  cpsql "select jobq_retention_record('x', now(), -1, 0)"
check "... saying so" grep -q "counts of 0 or more" "$ERR_FILE"

# ---- rows: a backlog past the window, fresh finished jobs of each state, live jobs
ins_jobs() {  # N STATUS QUEUE FINISHED-AGO [HISTORY-AGO] (history dated FINISHED-AGO, as a
  # finish is, or HISTORY-AGO)
  sql "insert into jobs (id, type, queue, payload, status, status_reason, created_at, updated_at,
         finished_at, published_at, attempt)
       select gen_random_uuid(), 'noop', '$3', '{}', '$2', 'test', now() - interval '$4',
              now() - interval '$4', now() - interval '$4', now() - interval '$4', 1
       from generate_series(1, $1)" >/dev/null
  sql "update job_events e set at = now() - interval '${5:-$4}' from jobs j
       where j.id = e.job_id and j.queue = '$3' and j.status = '$2'" >/dev/null
}
ins_jobs 1000 succeeded backlog '1 hour'
live_q=$(jobq submit noop '{}' --queue live)
live_s=$(jobq submit noop '{}' --queue live --delay 1h)
retried=$(sql "insert into jobs (id, type, queue, payload, status, status_reason, created_at,
                 updated_at, finished_at, published_at, attempt)
               values (gen_random_uuid(), 'noop', 'live', '{}', 'failed', 'test',
                 now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour',
                 now() - interval '1 hour', 1) returning id" | head -n1)
check_status "jobq retry of an old failed job exits 0" 0 jobq retry "$retried"
live_ids="'$live_q', '$live_s', '$retried'"
live_events=$(sql "select count(*) from job_events where job_id in ($live_ids)")
check "the live jobs have history" test "$live_events" -ge 4

cat >"$T/ret.conf" <<CONF
retention = {
  succeeded = "60s"; failed = "62s"; cancelled = "64s"; dead_letters = "61s";
  batch = $BATCH; rate = $RATE; interval = "300ms";
};
CONF
declare -A PORT=()
for w in w1 w2 w3; do
  PORT[$w]=$(free_port)
  JOBQ_AMQP_URL="$CONSUMER_AMQP" JOBQ_DATABASE_URL="$CONSUMER_DB" \
    start_consumer "$w" --config "$T/ret.conf" --worker-id "$w" --concurrency 2 \
    --metrics "127.0.0.1:${PORT[$w]}"
done
wait_for 20 "three retention sessions" sql_is 3 \
  "select count(*) from pg_stat_activity where application_name = 'jobq-consumer retention'" || true

# ---- the rate: sample the backlog's count with the database clock until it is gone
: >"$T/samples"
for _ in $(seq 1 150); do   # 0.1 s apart: 1,000 rows at 200/s take about 5 s
  sql "select extract(epoch from clock_timestamp()) * 1000, count(*) from jobs where queue = 'backlog'" \
    | tr '|' ' ' >>"$T/samples"
  [[ "$(tail -n1 "$T/samples" | cut -d' ' -f2)" == 0 ]] && break
  jq_nap 0.1
done
check_eq "the backlog of 1,000 succeeded jobs is gone" 0 "$(tail -n1 "$T/samples" | cut -d' ' -f2)"
worst=$(awk -v rate="$RATE" -v batch="$BATCH" '
  { t[NR] = $1; n[NR] = $2 }
  END { w = -1e9
        for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) {
          dt = (t[j] - t[i]) / 1000; if (dt < 1) continue
          over = (n[i] - n[j]) - (rate * (dt + 0.5) + batch); if (over > w) w = over }
        printf "%d\n", w }' "$T/samples")
check "no window of 1 s or more deleted more than rate x (seconds + 0.5) + one batch (worst excess $worst rows)" \
  test "$worst" -le 0
# from the first sample below 1,000 (the rounds may have begun before the first sample: its
# count, not 1,000, is what was left to delete) to the one at 0
read -r span left < <(awk '$2 < 1000 && !s { s = $1; n = $2 } $2 == 0 { e = $1; exit }
  END { printf "%d %d\n", e - s, n }' "$T/samples")
note "the last $left of 1,000 rows deleted in about $span ms at retention.rate $RATE"
# the first sample below 1,000 may come up to a batch late
check "... it took at least (rows left - 2 x batch) / rate seconds" \
  test "$span" -ge $(( (left - 2 * BATCH) * 1000 / RATE ))

# ---- finished jobs of each state and dead letters: after their window, not before
# (the shortest window is a minute: the rows are made 57 s old, so they fall due 3 to 7 s on)
ins_jobs 20 succeeded fresh '57 s'
ins_jobs 20 failed fresh '57 s'
ins_jobs 20 cancelled fresh '57 s'
sql "insert into dead_letters (queue, reason, body, body_bytes, at)
     select 'default', 'rejected', 'x', 1, now() - interval '57 s' from generate_series(1, 20)" >/dev/null
# when each kind's rows were finished (recorded): one statement each, so one time each
born() { sql "select floor(extract(epoch from max($1)) * 1000) from $2"; }
t_s=$(born finished_at "jobs where queue = 'fresh' and status = 'succeeded'")
t_f=$(born finished_at "jobs where queue = 'fresh' and status = 'failed'")
t_c=$(born finished_at "jobs where queue = 'fresh' and status = 'cancelled'")
t_d=$(born at dead_letters)
ran=$(jobq submit noop '{}')
wait_for 20 "a job ran on the consumers" sql_is succeeded "select status from jobs where id = '$ran'" || true
# a minute older, its history too, so that it falls due within the test
sql "update jobs set finished_at = finished_at - interval '1 minute' where id = '$ran';
     update job_events set at = at - interval '1 minute' where job_id = '$ran'" >/dev/null
early=0
for _ in $(seq 1 120); do   # 0.15 s apart, 18 s at most: the last rows fall due 7 s on
  # the clock read while the statement runs, after its snapshot: a row it no longer sees
  # was deleted before that (now(), read before the snapshot, could come before a delete
  # the snapshot sees, by a millisecond)
  row=$(sql "select floor(extract(epoch from clock_timestamp()) * 1000),
                    count(*) filter (where status = 'succeeded' and queue = 'fresh'),
                    count(*) filter (where status = 'failed' and queue = 'fresh'),
                    count(*) filter (where status = 'cancelled' and queue = 'fresh'),
                    (select count(*) from dead_letters)
             from jobs" | tr '|' ' ')
  read -r now s f c d <<<"$row"
  if { (( s < 20 && now - t_s < 60000 )) || (( f < 20 && now - t_f < 62000 )) ||
       (( c < 20 && now - t_c < 64000 )) || (( d < 20 && now - t_d < 61000 )); }; then
    early=1
    note "deleted before the window: ages $(( now - t_s )) $(( now - t_f )) $(( now - t_c )) $(( now - t_d )) ms, left $s $f $c $d"
  fi
  [[ "$s $f $c $d" == "0 0 0 0" ]] && break
  jq_nap 0.15
done
check_eq "nothing went before its window" 0 "$early"
check_eq "succeeded, failed, cancelled jobs and dead letters went after their windows" \
  "0 0 0 0" "$s $f $c $d"
wait_for 15 "the job that ran on the consumers went too" \
  sql_is 0 "select count(*) from jobs where id = '$ran'" || true
check_eq "no history is left of deleted jobs" 0 \
  "$(sql "select count(*) from job_events e where not exists (select 1 from jobs j where j.id = e.job_id)")"

# ---- live jobs and their history stay
check_eq "the live jobs stay" 3 "$(sql "select count(*) from jobs where id in ($live_ids)")"
check_eq "... with their whole history" "$live_events" \
  "$(sql "select count(*) from job_events where job_id in ($live_ids)")"

# ---- one consumer at a time: the rounds never overlap, and keep to the rate
check "rounds were recorded" test "$(sql "select count(*) from retention_rounds where jobs > 0")" -ge 2
check_eq "no two rounds overlap" 0 "$(sql "select count(*) from retention_rounds a
  join retention_rounds b on a.id < b.id
  and a.started_at < b.finished_at and b.started_at < a.finished_at")"
check_eq "every round's rows fit its duration at the rate (plus one batch)" 0 \
  "$(sql "select count(*) from retention_rounds
          where jobs + dead_letters > $RATE * extract(epoch from finished_at - started_at) + $BATCH")"
# a kind's turn ends at rate x interval rows (60), in whole batches: 100 rows of each kind
check_eq "no round deleted more than its budget (100 jobs of each of 3 states)" 0 \
  "$(sql "select count(*) from retention_rounds where jobs > 300")"
check "the backlog took several rounds" test "$(sql "select count(*) from retention_rounds where jobs >= 100")" -ge 8
note "rounds by worker: $(sql "select string_agg(worker_id || '=' || n, ' ' order by worker_id)
  from (select worker_id, count(*) n from retention_rounds group by worker_id) r")"
# rounds go on (every 300 ms): the one stats shows is the latest before it or a later one
before=$(sql "select max(id) from retention_rounds")
check_status "stats --json exits 0" 0 jobq stats --json
shown_w=$(jq -r '.retention_last.worker' "$OUT_FILE")
shown_at=$(jq -r '.retention_last.finished_at' "$OUT_FILE")
check_eq "stats shows the latest round" 1 "$(sql "select count(*) from retention_rounds
  where id >= $before and worker_id = '$shown_w' and to_char(finished_at at time zone 'UTC',
  'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') = '$shown_at'")"
check_status "stats exits 0" 0 jobq stats
check "... with a last retention line" grep -Eq '^last retention +[0-9]+ jobs, [0-9]+ dead letters deleted in [0-9]+ ms by w[123], [0-9]+ s ago$' "$OUT_FILE"
deleted_metric() {  # the three consumers' jobq_retention_deleted_total, summed
  local w sum=0 v
  for w in w1 w2 w3; do
    v=$(curl -s --max-time 5 "http://127.0.0.1:${PORT[$w]}/metrics" |
      awk '$1 ~ /^jobq_retention_deleted_total/ { s += $2 } END { printf "%d\n", s }')
    sum=$(( sum + v ))
  done
  echo "$sum"
}
check_eq "the consumers' metrics count the rows the rounds recorded" \
  "$(sql "select sum(jobs + dead_letters) from retention_rounds")" "$(deleted_metric)"

for w in w1 w2 w3; do
  check_status "$w stops cleanly" 0 stop_consumer "$w"
done
check_eq "the retention sessions are gone" 0 \
  "$(sql "select count(*) from pg_stat_activity where application_name = 'jobq-consumer retention'")"

# ---- the session is checked before a round: one the server ended while idle is opened
# again then, and the round runs (before, the round failed: retention_failed, one interval
# lost); a reload that shortens the interval applies at the next tick, not after the old
# interval
printf 'retention = { succeeded = "1m"; interval = "300ms"; };\n' >"$T/w5.conf"
JOBQ_AMQP_URL="$CONSUMER_AMQP" JOBQ_DATABASE_URL="$CONSUMER_DB" \
  start_consumer w5 --config "$T/w5.conf" --worker-id w5 --concurrency 1
rounds_of_w5() { grep -c 'event=retention_round ' "$(log_of w5)" || true; }
w5_ran() { (( $(rounds_of_w5) >= $1 )); }  # N: w5 logged N rounds at least
wait_for 20 "w5 ran a round" w5_ran 1 || true
old_pid=$(sql "select pid from pg_stat_activity where application_name = 'jobq-consumer retention'")
check_eq "the server ends w5's idle retention session" t \
  "$(sql "select pg_terminate_backend($old_pid)")"
n0=$(rounds_of_w5)
wait_for 20 "w5 ran two rounds more" w5_ran $(( n0 + 2 )) || true
check_eq "... on a new session" 1 "$(sql "select count(*) from pg_stat_activity
  where application_name = 'jobq-consumer retention' and pid <> $old_pid")"
check_eq "... and no round failed" 0 "$(grep -c 'event=retention_failed' "$(log_of w5)" || true)"
w5_reloaded() { (( $(grep -c 'event=config_reloaded' "$(log_of w5)" || true) >= $1 )); }
printf 'retention = { succeeded = "1m"; interval = "10m"; };\n' >"$T/w5.conf"
check_status "reload w5 with an interval of 10m" 0 stop_consumer w5 HUP
wait_for 10 "w5 reloaded" w5_reloaded 1 || true
jq_nap 0.5   # a round due under the old interval may still start
ins_jobs 5 succeeded reload '2 minutes'
jq_nap 1
check_eq "under the 10m interval, due jobs wait" 5 "$(sql "select count(*) from jobs where queue = 'reload'")"
printf 'retention = { succeeded = "1m"; interval = "300ms"; };\n' >"$T/w5.conf"
check_status "reload w5 with an interval of 300ms" 0 stop_consumer w5 HUP
wait_for 10 "w5 reloaded again" w5_reloaded 2 || true
wait_for 10 "after the reload to 300ms, the next tick's round deletes them" \
  sql_is 0 "select count(*) from jobs where queue = 'reload'" || true
# a job retried while a round runs: another session holds its row (the retry's UPDATE, not
# yet committed) across rounds; the rounds skip it (SKIP LOCKED, then the recheck), and
# once the retry commits it is live, so it stays, with its history
# The job is due only once the retry holds its row: inserted with its history dated now
# (not due: a job's age is read from its history too), then its history dated back while the
# retry holds the row (a round in between would otherwise delete it before the retry).
# (Its history dated now in ins_jobs itself: dated back first, then now, a round in between
# deleted it once in a loaded CI run.) The retry holds the row 12 s, longer than the 10 s
# the test gives w5 for its two rounds: held 3 s, a loaded CI run saw the retry commit first.
ins_jobs 1 succeeded retrying '2 minutes' '0 seconds'
retrying=$(sql "select id from jobs where queue = 'retrying'")
retrying_events=$(sql "select count(*) from job_events where job_id = '$retrying'")
( rc=0; PGAPPNAME=retention-test-retry _jq_psql "$_JQ_DB" -q -c "begin;
    update jobs set status = 'queued', finished_at = null where id = '$retrying';
    select pg_sleep(12); commit;" >/dev/null 2>&1 || rc=$?; echo "$rc" >"$T/retry.rc" ) &
retrier=$!
wait_for 10 "the retry holds the job's row" sql_is active \
  "select state from pg_stat_activity where application_name = 'retention-test-retry'" || true
sql "update job_events set at = now() - interval '2 minutes' where job_id = '$retrying'" >/dev/null
n0=$(rounds_of_w5)
wait_for 10 "w5 ran two rounds while the retry held the job" w5_ran $(( n0 + 2 )) || true
check "... while it still held it" test ! -e "$T/retry.rc"
wait "$retrier" || true
check_eq "the retry committed" 0 "$(cat "$T/retry.rc" 2>/dev/null)"
wait_for 10 "w5 ran two rounds after it" w5_ran $(( $(rounds_of_w5) + 2 )) || true
check_eq "the retried job stays, queued, with its history and the retry's event" \
  "queued $(( retrying_events + 1 ))" \
  "$(sql "select status || ' ' || (select count(*) from job_events where job_id = '$retrying')
          from jobs where id = '$retrying'")"
check_status "w5 stops cleanly" 0 stop_consumer w5

# ---- shutdown does not wait on a retention statement: another session holds a lock on
# the job_events rows of a due job (as an operator's transaction, a VACUUM FULL or a LOCK
# TABLE would; a row lock, so that only the retention's delete waits on it, not the
# relay's writes); the round's batch waits on it until the consumer's drain is over, when
# the consumer cancels it (and lock_timeout ends each wait after 5 s anyway). Before, the
# exit waited for the lock, up to lease_duration.
ins_jobs 1 succeeded locked '2 minutes'
( rc=0; PGAPPNAME=retention-test-lock _jq_psql "$_JQ_DB" -q -c "begin;
    select 1 from job_events where job_id in (select id from jobs where queue = 'locked')
      for update;
    select pg_sleep(45); commit;" >/dev/null 2>&1 || rc=$?; echo "$rc" >"$T/lock.rc" ) &
locker=$!
wait_for 10 "the due job's history is locked" sql_is active \
  "select state from pg_stat_activity where application_name = 'retention-test-lock'" || true
cat >"$T/lock.conf" <<CONF
consumer = { shutdown_timeout = "5s"; };
retention = { succeeded = "1m"; interval = "200ms"; };
CONF
JOBQ_AMQP_URL="$CONSUMER_AMQP" JOBQ_DATABASE_URL="$CONSUMER_DB" \
  start_consumer w4 --config "$T/lock.conf" --worker-id w4 --concurrency 1
wait_for 20 "w4's retention batch waits on the lock" sql_is t \
  "select exists (select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid
                  where not l.granted and a.application_name = 'jobq-consumer retention')" || true
JQ_STOP_TIMEOUT=30 check_status "w4 stops cleanly while the due job's history is locked" 0 \
  stop_consumer w4
check "... before the lock is released" test ! -e "$T/lock.rc"
check "... having logged worker_stopped" grep -q worker_stopped "$(log_of w4)"
sql "select pg_terminate_backend(pid) from pg_stat_activity
     where application_name = 'retention-test-lock'" >/dev/null
wait "$locker" || true
check_eq "the cancelled batch deleted nothing: the due job stays" 1 \
  "$(sql "select count(*) from jobs where queue = 'locked'")"
