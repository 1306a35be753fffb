#!/usr/bin/env bash
# test_fence_reload — a SIGHUP that changes consumer.heartbeat_interval and
# consumer.lease_duration applies both at once, consistently (docs/design.md §6 "Heartbeat", §10):
#  - longer: worker C starts with 300 ms / 2 s and reloads to 3 s / 60 s. An 8 s `sleep` job
#    it starts afterwards runs to the end and succeeds at attempt 1: its lease is not fenced
#    on each heartbeat cycle by the old, shorter fence point;
#  - shorter: workers A and B start with 1 s / 30 s and reload to 300 ms / 2 s. A command job
#    (it records its start, a tick every 50 ms and its end in $T/ticks, ignores SIGTERM,
#    cancel_grace 10 s) runs; its owner's keeper backend is stopped (SIGSTOP), so no
#    heartbeat lands. The owner fences the job at the new deadline: from the handlers' own
#    records, attempt 1 ended within 2 s of the stop (the new lease), and attempt 2 started
#    only after that;
#  - every job succeeds exactly once; all workers stay alive.
source "$(dirname "$0")/lib.sh"
jq_setup fence_reload

source "$(dirname "$0")/lease_lib.sh"
unset HEARTBEAT_INTERVAL LEASE_DURATION JOBQ_HEARTBEAT_INTERVAL JOBQ_LEASE_DURATION
export JOBQ_RELAY_INTERVAL=200ms

tick_setup
# conf FILE HEARTBEAT LEASE: a configuration with the tick handler.
conf() {
  cat >"$1.new" <<EOF2
consumer = { heartbeat_interval = "$2"; lease_duration = "$3"; };
handlers = (
  $(tick_handler)
);
EOF2
  mv "$1.new" "$1"
}
reloads() { grep -c 'event=config_reloaded' "$(log_of "$1")" || true; }
reloaded_since() { (( $(reloads "$1") > $2 )); }   # NAME COUNT: logged more reloads than COUNT
# reload NAME: SIGHUP, then wait until it logged the reload (counted afresh at every look).
reload() {
  local before
  before=$(reloads "$1")
  stop_consumer "$1" HUP
  wait_for 10 "$1 reloaded its configuration" reloaded_since "$1" "$before"
}

check --fatal "migrate" jobq migrate

# ---------------------------------------------------------------- longer lease
conf "$T/c.conf" 300ms 2s
JOBQ_CONFIG="$T/c.conf" start_consumer C --worker-id rc --queues long --concurrency 1
wait_for 15 "C registered" sql_is 1 "select count(*) from workers where id='rc' and state='running'"
conf "$T/c.conf" 3s 60s
reload C
id=$(jobq submit --queue long sleep '{"seconds":8}')
wait_for 15 "C runs the 8 s job" sql_is "running|rc|1" "select status, worker_id, attempt from jobs where id='$id'"
wait_for 20 "the 8 s job ends" sql_is 1 \
  "select count(*) from jobs where id='$id' and status in ('succeeded','failed','cancelled')" || true
check_eq "longer: the job succeeded at attempt 1, under C" "succeeded|1|rc" \
  "$(sql "select status, attempt, worker_id from jobs where id='$id'")"

# ---------------------------------------------------------------- shorter lease
conf "$T/ab.conf" 1s 30s
JOBQ_CONFIG="$T/ab.conf" start_consumer A --worker-id ra --concurrency 1
JOBQ_CONFIG="$T/ab.conf" start_consumer B --worker-id rb --concurrency 1
wait_for 15 "A and B registered" sql_is 2 \
  "select count(*) from workers where id in ('ra','rb') and state='running'"
conf "$T/ab.conf" 300ms 2s
reload A
reload B

id=$(jobq submit tick '{}' --max-attempts 5)
wait_for 15 "attempt 1 runs" has_start "$id" 1
owner=$(sql "select worker_id from jobs where id='$id'")
sleep 0.5
kp=$(keeper_backend "$owner")
if [[ "$kp" =~ ^[0-9]+$ ]]; then
  stop_backend "$kp"
  t_stop=$STOPPED_AT_MS
  wait_for 15 "attempt 2 starts" has_start "$id" 2 || true
  cont_backend
else
  fail "no keeper backend for $owner ('$kp')"
fi
wait_for 20 "the job succeeds" sql_is succeeded "select status from jobs where id='$id'" || true
wait_for 15 "every handler has ended" no_handler || true
end1=$(last_ms "$id" 1) start2=$(first_ms "$id" 2)
note "shorter: attempt 1 ended $((end1 - t_stop)) ms after the stop; attempt 2 started $((start2 - t_stop)) ms after it"
check "shorter: attempt 1 ended within the new 2 s lease of the stop ($((end1 - t_stop)) ms)" \
  test "$((end1 - t_stop))" -lt 2000
check "shorter: attempt 2 started after attempt 1's last record ($((start2 - end1)) ms later)" \
  test "${start2:-0}" -gt "${end1:-0}"

check_eq "every job succeeded exactly once" 0 "$(terminal_anomalies true)"
for w in A B C; do check "$w is alive" is_running "$w"; done
for w in A B C; do check_status "$w drains and exits 0 on TERM" 0 stop_consumer "$w"; done
