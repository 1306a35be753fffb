#!/usr/bin/env bash
# test_prune — `jobq prune` (docs/cli.md "prune") and the cost-bounded `jobq queue list`:
#  - finished jobs past the retention go, live ones stay;
#  - key_turns (migration 0027): a key last served more than a day ago with no scheduled or
#    queued job goes; one with a queued job, and one served an hour ago, stay;
#  - schedule_slots (migration 0019): a slot more than a day old and before its schedule's
#    next_slot goes, except each schedule's latest; a slot at or after next_slot stays
#    (it still prevents a double fire); a removed schedule's old slots go but its latest;
#  - --dry-run counts exactly what the prune then deletes, and deletes nothing;
#  - the prune functions refuse NULL arguments;
#  - `queue list` lists queues with live jobs, not one whose jobs have all finished;
#    `--all` lists that one too (counts 0); `--all` on pause exits 2 with one line.
source "$(dirname "$0")/lib.sh"
jq_setup prune

check --fatal "migrate" jobq migrate

# ---- jobs: one finished 2 days ago in queue `history`, one queued in queue `live`
sql "insert into jobs (id, type, queue, payload, status, status_reason, created_at, updated_at,
       finished_at, published_at, attempt)
     values (gen_random_uuid(), 'noop', 'history', '{}', 'succeeded', 'done',
             now() - interval '2 days', now() - interval '2 days', now() - interval '2 days',
             now() - interval '2 days', 1)" >/dev/null
# its history dated so too: the prune reads a job's age from both (migration 0041)
sql "update job_events e set at = j.finished_at from jobs j
     where j.id = e.job_id and j.queue = 'history'" >/dev/null
live=$(jobq submit noop '{}' --queue live --concurrency-key k-waiting)
check "a queued job was submitted" test -n "$live"
sql "insert into jobs (id, type, queue, payload, status, status_reason, created_at, updated_at,
       finished_at, published_at, attempt)
     values (gen_random_uuid(), 'noop', 'recent', '{}', 'succeeded', 'done', now(), now(), now(),
             now(), 1)" >/dev/null

# ---- queue list reads live jobs only
check_status "queue list --json exits 0" 0 jobq queue list --json
check_eq "it lists the queue with a queued job" "live 1" \
  "$(jq -r '.[] | select(.queue == "live") | "\(.queue) \(.queued)"' "$OUT_FILE")"
check_eq "it does not list a queue whose jobs have all finished" "" \
  "$(jq -r '.[] | select(.queue == "history") | .queue' "$OUT_FILE")"
check_status "queue list --all --json exits 0" 0 jobq queue list --all --json
check_eq "--all lists it, with zero counts" "history 0 0 0 0" \
  "$(jq -r '.[] | select(.queue == "history") | "\(.queue) \(.scheduled) \(.queued) \(.running) \(.held)"' "$OUT_FILE")"
check_eq "--all still counts the live queue" "live 1" \
  "$(jq -r '.[] | select(.queue == "live") | "\(.queue) \(.queued)"' "$OUT_FILE")"
check_status "queue list --all (table) exits 0" 0 jobq queue list --all
check "... a row for history" grep -Eq '^history +0 +0 +0 +0 +no ' "$OUT_FILE"
check_status "queue pause --all exits 2" 2 jobq queue pause live --all
check_eq "... one line naming it" 1 "$(grep -c -- "--all is for queue list only" "$ERR_FILE" || true)"
check_eq "... and nothing else" 1 "$(wc -l <"$ERR_FILE")"

# ---- key turns
sql "insert into key_turns (queue, concurrency_key, last_released_at) values
       ('live', 'k-idle', now() - interval '2 days'),
       ('live', 'k-waiting', now() - interval '2 days'),
       ('live', 'k-recent', now() - interval '1 hour')" >/dev/null

# ---- schedule slots
check_status "schedule add s1 exits 0" 0 jobq schedule add s1 '0 * * * *' noop
check_status "schedule add s2 exits 0" 0 jobq schedule add s2 '0 * * * *' noop
# s2 as if paused with slots left to catch up: next_slot 3 days ago
sql "update schedules set next_slot = date_trunc('hour', now()) - interval '3 days'
     where name = 's2'" >/dev/null
sql "insert into schedule_slots (name, slot, job_id, fired_at)
     select n, date_trunc('hour', now()) - d, null, date_trunc('hour', now()) - d
     from (values ('s1', interval '3 days'), ('s1', interval '2 days'), ('s1', interval '1 hour'),
                  ('s2', interval '5 days'), ('s2', interval '3 days'), ('s2', interval '2 days'),
                  ('gone', interval '4 days'), ('gone', interval '2 days')) v(n, d)" >/dev/null

check_status "prune --dry-run --json exits 0" 0 jobq prune --older-than 1d --dry-run --json
check_eq "dry run: 1 job, 1 key turn, 4 slots" "1 1 4" \
  "$(jq -r '"\(.deleted) \(.key_turns) \(.schedule_slots)"' "$OUT_FILE")"
check_eq "the dry run deleted nothing" "3 8" \
  "$(sql "select (select count(*) from key_turns), (select count(*) from schedule_slots)" | tr '|' ' ')"

check_status "prune exits 0" 0 jobq prune --older-than 1d
check "... it says what it deleted" \
  grep -q '^deleted 1 jobs finished before .*, 1 idle key turns, 4 old schedule slots$' "$OUT_FILE"
check_eq "the old finished job is gone, the recent and the live ones stay" "recent live" \
  "$(sql "select string_agg(queue, ' ' order by queue desc) from jobs")"
check_eq "the idle key's turn is gone; the waiting and recent keys' stay" "k-recent k-waiting" \
  "$(sql "select string_agg(concurrency_key, ' ' order by concurrency_key) from key_turns")"
check_eq "s1 keeps its latest slot; s2 its slots from next_slot on; gone its latest" \
  "gone:2 days s1:01:00:00 s2:2 days s2:3 days" \
  "$(sql "select string_agg(name || ':' || (date_trunc('hour', now()) - slot)::text, ' '
          order by name, slot desc) from schedule_slots")"
check_status "prune again --json exits 0" 0 jobq prune --older-than 1d --json
check_eq "... deletes nothing more" "0 0 0" \
  "$(jq -r '"\(.deleted) \(.key_turns) \(.schedule_slots)"' "$OUT_FILE")"
check_status "prune --older-than 1ms: a turn served an hour ago stays (a day at least)" 0 \
  jobq prune --older-than 1ms --json
check_eq "... no turn or slot deleted" "0 0" "$(jq -r '"\(.key_turns) \(.schedule_slots)"' "$OUT_FILE")"

# ---- NULL arguments
check_status "jobq_cli_prune_turns refuses a NULL cutoff" 1 sql "select jobq_cli_prune_turns(NULL, false)"
check_status "jobq_cli_prune_slots refuses a NULL dry" 1 sql "select jobq_cli_prune_slots(now(), NULL)"
