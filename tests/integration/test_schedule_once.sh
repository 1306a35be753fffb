#!/usr/bin/env bash
# test_schedule_once — a cron schedule fires exactly once per slot across consumers that are
# killed with SIGKILL and restarted (docs/scheduling.md, "Cron schedules"):
#  - three consumers (relay ticks every 200 ms) fire schedules `* * * * *` with --catch-up
#    all whose next slot the test sets 40 to 160 minutes in the past, one schedule at a time,
#    while each round kill -9s one consumer at a random moment of its ticks and restarts it
#    (5 rounds);
#  - once every schedule has caught up, each slot from the first missed one to the schedule's
#    last fired slot has exactly one job (read from the jobs' job_metadata {"schedule",
#    "slot"}, not from the slots table): none missing, none twice, none outside the slots;
#    each slot's row in schedule_slots names its one job (no key: exactly once rests on that
#    table); and every such job was published and ran (succeeded).
# Without the row lock and with a key of the job's own (not the slot's), the same run fired
# hundreds of slots twice: the check can fail.
source "$(dirname "$0")/lib.sh"
jq_setup schedule_once

ROUNDS=5
export JOBQ_RELAY_INTERVAL=200ms
check --fatal "migrate" jobq migrate
for w in 1 2 3; do start_consumer "c$w" --worker-id "c$w" --concurrency 4; done

sql "create table first_slot (name text primary key, slot timestamptz)" >/dev/null
for ((i = 1; i <= ROUNDS; i++)); do
  back=$(( 40 * (1 + (i - 1) % 4) ))
  check "schedule add s$i exits 0" jobq schedule add "s$i" "* * * * *" noop '{"i":'"$i"'}' --catch-up all
  # the first missed slot, kept for the check: $back minutes before the current minute
  # (one statement: a relay may fire the schedule right after the update)
  sql "with u as (update schedules set next_slot = date_trunc('minute', now()) - interval '$back minutes'
                  where name = 's$i' returning name, next_slot)
       insert into first_slot select name, next_slot from u" >/dev/null
  # a random moment within the next ticks, then SIGKILL and a restart
  jq_nap "0.$((RANDOM % 9 + 1))"
  victim="c$(( (i - 1) % 3 + 1 ))"
  stop_consumer "$victim" KILL || true
  start_consumer "$victim" --worker-id "$victim-$i" --concurrency 4
done

caught_up() {
  sql_is 0 "select count(*) from schedules where next_slot <= now() - interval '5 seconds'"
}
wait_for 120 "every schedule caught up" caught_up || true
for w in 1 2 3; do stop_consumer "c$w" TERM >/dev/null || true; done
firers=$(cat "$T"/c[123].log | grep -c 'schedules_fired' || true)
note "relay ticks that fired jobs: $firers, by $(grep -l 'schedules_fired' "$T"/c[123].log | wc -l) of the 3 consumers' logs"

# every slot in [first missed slot, last fired slot] of each schedule, and the jobs by slot
sql "create table expected as
     select f.name, g.slot from first_slot f join schedules s using (name),
     generate_series(f.slot, s.last_slot, interval '1 minute') g(slot)" >/dev/null
sql "create table fired as
     select job_metadata->>'schedule' as name, (job_metadata->>'slot')::timestamptz as slot,
            id, status, idempotency_key from jobs where job_metadata ? 'slot'" >/dev/null
n_expected=$(sql "select count(*) from expected")
note "slots expected: $n_expected over $ROUNDS schedules; $(sql "select count(*) from fired") jobs fired"
check "at least 40 slots per schedule" test "$(sql "select min(n) from (select count(*) n from expected group by name) x")" -ge 40
check_eq "no slot is missing" 0 "$(sql "select count(*) from expected e where not exists
  (select 1 from fired f where f.name = e.name and f.slot = e.slot)")"
check_eq "no slot fired twice" 0 "$(sql "select count(*) from (select name, slot from fired
  group by name, slot having count(*) > 1) x")"
check_eq "no job outside the slots" 0 "$(sql "select count(*) from fired f where not exists
  (select 1 from expected e where e.name = f.name and e.slot = f.slot)")"
check_eq "the jobs have no key" 0 "$(sql "select count(*) from fired where idempotency_key is not null")"
check_eq "each slot's row names its job" 0 "$(sql "select count(*) from fired f where not exists
  (select 1 from schedule_slots s where s.name = f.name and s.slot = f.slot and s.job_id = f.id)")"
check_eq "each slot row has its job" 0 "$(sql "select count(*) from schedule_slots s where not exists
  (select 1 from fired f where f.id = s.job_id)")"
check_eq "each schedule's next slot is the minute after its last" 0 "$(sql "select count(*) from schedules
  where next_slot <> last_slot + interval '1 minute'")"
check_eq "each job's history says which schedule fired it" 0 "$(sql "select count(*) from fired f
  where not exists (select 1 from job_events e where e.job_id = f.id and e.from_status is null
                    and e.reason = format('schedule %s fired (slot %s)', f.name,
                                          jobq_slot_text(f.slot)))")"

# the jobs were published and ran; restart one consumer for what the kills left behind
start_consumer c9 --worker-id c9 --concurrency 8
all_done() { sql_is 0 "select count(*) from fired f join jobs j using (id) where j.status <> 'succeeded'"; }
wait_for 120 "every fired job succeeded" all_done || note "not succeeded: $(state_counts)"
stop_consumer c9 TERM >/dev/null || true
