#!/usr/bin/env bash
# test_delay — scheduled jobs (`submit --delay`, `submit --at`):
#  - `submit noop --delay 10s` creates a `scheduled` row with run_after = created_at + 10 s;
#  - it stays scheduled (never running/succeeded) until 1 s before run_after, polled (the
#    database's clock);
#  - it starts no earlier than 10 s after it was created (started_at >= created_at + 10 s,
#    database clock) and succeeds within about 10 + 3 s;
#  - `--at` a time 8 s in the future: scheduled, run_after is exactly that time, it starts no
#    earlier and succeeds soon after;
#  (The delays leave room for two CLI starts of a sanitized build on a loaded machine, which
#  may take 2-4 s each, before the job is due.)
#  - `--delay` together with `--at` is a usage error (exit 2, one stderr line, no row).
source "$(dirname "$0")/lib.sh"
jq_setup delay

nlines() { local nl="${1//[!$'\n']/}"; if [[ -z "$1" ]]; then echo 0; else echo $(( ${#nl} + 1 )); fi; }

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 2

# ---- --delay 10s
t_submit=$(_jq_now_ms)
check_status "submit noop --delay 10s exits 0" 0 jobq submit noop --delay 10s
id=$OUT
check_eq "it is scheduled at once" scheduled "$(sql "select status from jobs where id='$id'")"
check_eq "run_after = created_at + 10 s (within 50 ms)" t \
  "$(sql "select abs(extract(epoch from run_after - created_at) - 10) < 0.05 from jobs where id='$id'")"
check_status "status shows it scheduled" 0 jobq status "$id"
check "status line says scheduled" grep -Eq '^status:[[:space:]]+scheduled$' "$OUT_FILE"
check "status shows when it will run ('run after: ... (in ...)')" grep -Eq '^run after:[[:space:]]+.*\(in [0-9.]+[a-z]+' "$OUT_FILE"

# poll until 1 s before run_after (the database's clock): it must stay scheduled
bad=""
polls=0
while true; do
  IFS='|' read -r st early < <(sql "select status, clock_timestamp() < run_after - interval '1 s' from jobs where id='$id'")
  [[ "$early" == t ]] || break
  polls=$((polls + 1))
  [[ "$st" == scheduled ]] || { bad="$st after $(( $(_jq_now_ms) - t_submit )) ms"; break; }
  sleep 0.1
done
check_eq "still scheduled until 1 s before run_after ($polls polls)" "" "$bad"
check "... polled at least once" test "$polls" -ge 1

if wait_for 20 "the delayed job succeeded" sql_is succeeded "select status from jobs where id='$id'"; then
  note "delayed job done $(( $(_jq_now_ms) - t_submit )) ms after the submit began"
fi
check_eq "started_at >= created_at + 10 s" t \
  "$(sql "select started_at >= created_at + interval '10 s' from jobs where id='$id'")"
check_eq "finished within 10 + 3 s of its creation" t \
  "$(sql "select finished_at < created_at + interval '13 s' from jobs where id='$id'")"
note "created->started: $(sql "select round(extract(epoch from started_at - created_at)::numeric, 3) from jobs where id='$id'") s"
check_eq "history: new->scheduled, scheduled->queued, queued->running, running->succeeded" \
  "->scheduled,scheduled->queued,queued->running,running->succeeded" \
  "$(sql "select string_agg(coalesce(from_status,'') || '->' || to_status, ',' order by id) from job_events where job_id='$id'")"

# ---- --at, 8 s in the future (second resolution: between 7 and 8 s away)
at=$(date -u -d '+8 seconds' +%Y-%m-%dT%H:%M:%SZ)
check_status "submit noop --at $at exits 0" 0 jobq submit noop --at "$at"
id2=$OUT
check_eq "--at: it is scheduled" scheduled "$(sql "select status from jobs where id='$id2'")"
check_eq "--at: run_after is exactly the given time" t \
  "$(sql "select run_after = '$at'::timestamptz from jobs where id='$id2'")"
if wait_for 20 "the --at job succeeded" sql_is succeeded "select status from jobs where id='$id2'"; then
  check_eq "--at: started_at >= the given time" t \
    "$(sql "select started_at >= '$at'::timestamptz from jobs where id='$id2'")"
  check_eq "--at: finished within 3 s of the given time" t \
    "$(sql "select finished_at < '$at'::timestamptz + interval '3 s' from jobs where id='$id2'")"
fi

# ---- --delay with --at: usage error
before=$(sql "select count(*) from jobs")
check_status "--delay with --at exits 2" 2 jobq submit noop --delay 3s --at "$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)"
check_eq "... one line on stderr" 1 "$(nlines "$ERR")"
check_eq "... nothing on stdout" "" "$OUT"
check_eq "... and no job inserted" "$before" "$(sql "select count(*) from jobs")"

check_eq "one terminal transition per job" 0 "$(sql "select count(*) from (select j.id from jobs j left join job_events e on e.job_id=j.id and e.to_status in ('succeeded','failed','cancelled') group by j.id having count(e.id) <> 1) x")"
check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
