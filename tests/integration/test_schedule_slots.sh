#!/usr/bin/env bash
# test_schedule_slots — a cron slot is fired once by the schedule itself, whatever keys other
# roles write (migration 0019, docs/scheduling.md "Cron schedules", docs/security.md):
#  - upgrade: a database at 0017 whose schedule fired slots by key, one slot pre-empted by a
#    producer's job with the slot's key (the old flaw: the slot fired nothing); `jobq migrate`
#    seeds schedule_slots with the slots the fire function fired, not the producer's; fired
#    again from the same slots afterwards, only the pre-empted slot fires;
#  - as jobq_app (a member of jobq_producer) and jobq_cli, jobs with the old-style keys
#    schedule:NAME:SLOT for the next slots, and a key updated to one: a consumer still fires
#    the schedule's own job for every slot, once, without a key;
#  - schedule_slots: no right for the producer and the consumer, SELECT for the CLI;
#  - 120 schedules whose jobs are refused back off (retry_at) and do not delay a healthy
#    schedule due after them (the fire call takes 100 schedules).
source "$(dirname "$0")/lib.sh"
jq_setup schedule_slots

APP_DB="postgresql://jobq_app:jobq_app@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
CLI_DB="postgresql://jobq_cli:jobq_cli@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
CONSUMER_DB="postgresql://jobq_consumer:jobq_consumer@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB"
as_role() { local url="$1"; shift; psql "$url" -XAtq -v ON_ERROR_STOP=1 -c "$@"; }
denied() {  # DESC URL SQL: refused with "permission denied"
  check_status "$1: refused" nonzero as_role "$2" "$3"
  check "... for want of a right" grep -q "permission denied" "$ERR_FILE"
}

# ---- upgrade from 0017: the slots fired by key become rows of schedule_slots
mkdir -p "$T/old"
for f in "$JOBQ_SOURCE_DIR"/migrations/*.sql; do
  b=$(basename "$f")
  (( 10#${b:0:4} <= 17 )) && cp "$f" "$T/old/$b"
done
check --fatal "migrate to 0017" jobq migrate --dir "$T/old"
check "add up (catch-up all)" jobq schedule add up "* * * * *" noop --catch-up all
first_up=$(sql "select date_trunc('minute', now()) - interval '3 minutes'")
pre="timestamptz '$first_up' + interval '2 minutes'"   # the slot the producer pre-empts
sql "update schedules set next_slot = '$first_up' where name = 'up'" >/dev/null
check_status "as jobq_app: a job with the 0015 key of a slot of up" 0 \
  as_role "$APP_DB" "select jobq_submit('noop', key => 'schedule:up:' ||
    to_char(($pre) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"
n_old=$(sql "select fired from jobq_schedule_fire(10)")
k=$(sql "select extract(epoch from last_slot - timestamptz '$first_up')::int / 60 from schedules where name = 'up'")
check_eq "0015's fire: the pre-empted slot fired nothing" "$k" "$n_old"
check --fatal "migrate to the last" jobq migrate
check_eq "seeded: the slots the schedule fired, with their jobs" "$k" \
  "$(sql "select count(*) from schedule_slots s join jobs j on j.id = s.job_id
          where s.name = 'up' and j.idempotency_key = 'schedule:up:' || jobq_slot_text(s.slot)")"
check_eq "seeded: not the producer's slot" 0 \
  "$(sql "select count(*) from schedule_slots where name = 'up' and slot = $pre")"
sql "update schedules set next_slot = '$first_up' where name = 'up'" >/dev/null
check_status "fired again from its first slot" 0 sql "select fired from jobq_schedule_fire(10, interval '1 second')"
check_eq "... the pre-empted slot fires a job of its own" 1 \
  "$(sql "select count(*) from jobs where job_metadata->>'schedule' = 'up'
          and (job_metadata->>'slot')::timestamptz = $pre and idempotency_key is null")"
check_eq "... the slots fired before the upgrade do not fire again" 0 \
  "$(sql "select count(*) from jobs n join jobs o
          on o.idempotency_key = 'schedule:up:' || (n.job_metadata->>'slot')
          where n.job_metadata->>'schedule' = 'up' and (n.job_metadata->>'slot')::timestamptz <> $pre")"
check "rm up" jobq schedule rm up

# ---- rights on schedule_slots
denied "jobq_app reads schedule_slots" "$APP_DB" "select count(*) from schedule_slots"
denied "jobq_app inserts a slot" "$APP_DB" "insert into schedule_slots (name, slot) values ('h1', now())"
denied "jobq_consumer reads schedule_slots" "$CONSUMER_DB" "select count(*) from schedule_slots"
denied "jobq_consumer inserts a slot" "$CONSUMER_DB" "insert into schedule_slots (name, slot) values ('h1', now())"
check_status "jobq_cli reads schedule_slots" 0 as_role "$CLI_DB" "select count(*) from schedule_slots"
denied "jobq_cli inserts a slot" "$CLI_DB" "insert into schedule_slots (name, slot) values ('h1', now())"
denied "jobq_cli deletes a slot" "$CLI_DB" "delete from schedule_slots"

# ---- keys of the next slots taken by a producer and by the CLI: the schedule fires anyway.
# h1's slots: the 5 missed minutes (catch-up all), this minute and the next 2.
check "add h1 (catch-up all)" jobq schedule add h1 "* * * * *" noop '{"h":1}' --catch-up all
sql "update schedules set next_slot = date_trunc('minute', now()) - interval '5 minutes'
     where name = 'h1'" >/dev/null
sql "create table h1_slots as select g as slot from generate_series(
       date_trunc('minute', now()) - interval '5 minutes', date_trunc('minute', now()) + interval '2 minutes',
       interval '1 minute') g" >/dev/null
check_status "as jobq_app: jobs with the keys of 7 of h1's slots, and one without a key" 0 as_role "$APP_DB" \
  "select count(jobq_submit('other', '{\"evil\": true}', key => k))
   from unnest(array[$(sql "select string_agg(quote_literal('schedule:h1:' || jobq_slot_text(slot)), ',')
                            from h1_slots where slot <> date_trunc('minute', now()) - interval '4 minutes'")]::text[]
               || array[null]) k"
check_status "as jobq_cli: the job without a key updated to the key of the remaining slot" 0 as_role "$CLI_DB" \
  "update jobs set idempotency_key = 'schedule:h1:' ||
     to_char((date_trunc('minute', now()) - interval '4 minutes') at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')
   where type = 'other' and idempotency_key is null"
check_eq "every slot of h1 has a job with its key, none the schedule's" 8 \
  "$(sql "select count(*) from h1_slots s join jobs j on j.idempotency_key = 'schedule:h1:' || jobq_slot_text(s.slot)
          where j.type = 'other'")"
future=$(sql "select min(slot) from h1_slots where slot > now()")
export JOBQ_RELAY_INTERVAL=200ms
start_consumer w1 --worker-id w1 --concurrency 4
h1_past_now() { sql_is 0 "select count(*) from schedules where name = 'h1' and next_slot <= now()"; }
wait_for 30 "h1 caught up" h1_past_now || true
fired_h1() {  # the slots of h1 up to now fired by the schedule, one job each
  sql "select count(*) from h1_slots s where s.slot <= now() and (select count(*) from jobs j
       where j.job_metadata->>'schedule' = 'h1' and (j.job_metadata->>'slot')::timestamptz = s.slot
         and j.idempotency_key is null and j.type = 'noop' and j.payload = '{\"h\": 1}') = 1
       and exists (select 1 from schedule_slots x join jobs j on j.id = x.job_id
                   where x.name = 'h1' and x.slot = s.slot and j.job_metadata->>'schedule' = 'h1')"
}
check_eq "each due slot of h1 fired the schedule's own job, once" \
  "$(sql "select count(*) from h1_slots where slot <= now()")" "$(fired_h1)"
check_eq "no other job of h1" 0 "$(sql "select count(*) from jobs j where j.job_metadata->>'schedule' = 'h1'
  and not exists (select 1 from h1_slots s where s.slot = (j.job_metadata->>'slot')::timestamptz)")"
wait_for 75 "the next slot of h1 ($future) fired too" sql_is 1 "select count(*) from jobs
  where job_metadata->>'schedule' = 'h1' and (job_metadata->>'slot')::timestamptz = '$future'
  and idempotency_key is null" || true
check_eq "the producer's jobs kept their keys" 8 \
  "$(sql "select count(*) from h1_slots s join jobs j on j.idempotency_key = 'schedule:h1:' || jobq_slot_text(s.slot)
          where j.type = 'other'")"
check "rm h1" jobq schedule rm h1

# ---- 120 failing schedules (their type refused, written past the CLI) due before a healthy
# one: they back off and the healthy one fires at once
sql "insert into schedules (name, expression, minutes, hours, days, months, weekdays, days_any,
       weekdays_any, tz, type, catch_up, next_slot)
     select 'bad' || g, '* * * * *', array(select generate_series(0, 59)),
            array(select generate_series(0, 23)), array(select generate_series(1, 31)),
            array(select generate_series(1, 12)), array(select generate_series(0, 6)), true, true,
            'UTC', 'bad type', 'all', date_trunc('minute', now()) - interval '10 minutes'
     from generate_series(1, 120) g" >/dev/null
check "add ok" jobq schedule add ok "* * * * *" noop --catch-up all
sql "update schedules set next_slot = date_trunc('minute', now()) - interval '1 minute'
     where name = 'ok'" >/dev/null
wait_for 15 "ok fired behind 120 failing schedules" sql_is 2 \
  "select count(*) from jobs where job_metadata->>'schedule' = 'ok'" || true
check_eq "the failing schedules fired nothing" 0 "$(sql "select count(*) from jobs where job_metadata->>'schedule' like 'bad%'")"
check_eq "each failing schedule failed and waits to retry, at most 5 minutes" 120 \
  "$(sql "select count(*) from schedules where name like 'bad%' and failures >= 1
          and retry_at > now() - interval '10 seconds' and retry_at <= now() + interval '5 minutes'
          and next_slot <= now()")"
check_status "schedule list" 0 jobq schedule list
check "... shows a failing schedule as failing, with its retry time" \
  grep -Eq '^bad1 .* active, failing \([0-9]+\), retry 20[0-9-]+T[0-9:]+Z ' "$OUT_FILE"
check "... and ok as active only" grep -Eq '^ok .* active +20' "$OUT_FILE"
check_status "schedule list --json" 0 jobq schedule list --json
check_eq "... has failures and retry_at" "true true" "$(jq -r '[.[] | select(.name == "bad1")][0] |
  "\(.failures >= 1) \(.retry_at != null)"' "$OUT_FILE")"
check "the relay's log names a failing schedule and why" \
  grep -q "event=schedules_not_fired.*schedule bad[0-9]* not fired: job type 'bad type' is invalid" "$(log_of w1)"
check_eq "ok is healthy: no failure, no retry" "0 t" \
  "$(sql "select failures, retry_at is null from schedules where name = 'ok'" | tr '|' ' ')"
# the backoff doubles: a schedule failed 8 times waits 2^8 s, one failed 20 times 5 minutes
sql "update schedules set failures = 8, retry_at = now() - interval '1 second' where name = 'bad1';
     update schedules set failures = 20, retry_at = now() - interval '1 second' where name = 'bad2'" >/dev/null
backed_off() { sql_is 2 "select count(*) from schedules where name in ('bad1', 'bad2') and retry_at > now()"; }
wait_for 15 "bad1 and bad2 tried again" backed_off || true
check_eq "backoff after 9 failures: 256 s; after 21: 5 minutes" "9 256 21 300" \
  "$(sql "select string_agg(failures || ' ' || round(extract(epoch from retry_at - updated_at)), ' '
                            order by name)
          from schedules where name in ('bad1', 'bad2')")"
stop_consumer w1 TERM >/dev/null || true
