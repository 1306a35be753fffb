#!/usr/bin/env bash
# test_cancel_cap — a consumer parses no message larger than it would ever need: a 16 MB
# cancel broadcast (`[{},{},...]`, which costs a JSON parser about 78 bytes of heap per
# byte) published raw to jobq.cancel reaches two consumers at once; each one's peak
# resident memory (VmHWM) grows by less than 64 MiB (the body itself is read, not parsed),
# and a normal cancel behind it still stops a running job within 5 s on each of them (both
# heartbeat every 30 s, so only the broadcast can stop it that fast).
source "$(dirname "$0")/lib.sh"
jq_setup cancel_cap

J="$JOBQ_BIN_DIR/jobq"
TRY="$JOBQ_BIN_DIR/tests/amqp_try"
BOUND_KB=$((64 * 1024))
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$(pid_of "$1")/status"; }
running_on() { sql_is "running|$2" "select status || '|' || worker_id from jobs where id='$1'"; }

check --fatal "migrate" jobq migrate --queues q1,q2
HEARTBEAT_INTERVAL=30s LEASE_DURATION=120s start_consumer w1 --worker-id w1 --queues q1 --concurrency 1
HEARTBEAT_INTERVAL=30s LEASE_DURATION=120s start_consumer w2 --worker-id w2 --queues q2 --concurrency 1
id1=$("$J" submit --queue q1 sleep '{"seconds":60}')
id2=$("$J" submit --queue q2 sleep '{"seconds":60}')
wait_for 15 "a job running on w1" running_on "$id1" w1 || true
wait_for 15 "a job running on w2" running_on "$id2" w2 || true
before1=$(hwm_kb w1) before2=$(hwm_kb w2)

_jq_py -c 'import sys; sys.stdout.write("[" + "{}," * (16 * 1024 * 1024 // 3 - 1) + "{}]")' >"$T/big.json"
check "publish a $(stat -c %s "$T/big.json")-byte broadcast to jobq.cancel" \
  "$TRY" "$JOBQ_AMQP_URL" publish jobq.cancel "" "$T/big.json"
# Each consumer reads its cancel queue in order: once the cancel below has stopped its job,
# the big body before it has been handled.
check_status "then cancel both running jobs" 0 "$J" cancel "$id1" "$id2"
wait_for 10 "w1's job cancelled (the broadcast behind the big one)" sql_is cancelled "select status from jobs where id='$id1'" || true
wait_for 10 "w2's job cancelled" sql_is cancelled "select status from jobs where id='$id2'" || true
check_eq "both stopped within 5 s of the request" "2" \
  "$(sql "select count(*) from jobs where id in ('$id1','$id2') and finished_at - cancel_requested_at < interval '5 s'")"
check_eq "... by the cancel's messages, not a heartbeat (every 30 s)" 0 \
  "$(cat "$(log_of w1)" "$(log_of w2)" | grep -c "event=cancel_received .*path=heartbeat" || true)"
after1=$(hwm_kb w1) after2=$(hwm_kb w2)
note "VmHWM growth: w1 $(( (after1 - before1) / 1024 )) MiB, w2 $(( (after2 - before2) / 1024 )) MiB (bound $((BOUND_KB / 1024)) MiB)"
check "w1's peak memory grew by less than 64 MiB ($(( (after1 - before1) / 1024 )) MiB)" test $((after1 - before1)) -lt $BOUND_KB
check "w2's peak memory grew by less than 64 MiB ($(( (after2 - before2) / 1024 )) MiB)" test $((after2 - before2)) -lt $BOUND_KB

# ---- and a normal cancel still works afterwards
id=$("$J" submit --queue q1 sleep '{"seconds":60}')
wait_for 15 "another job running on w1" running_on "$id" w1 || true
check_status "cancel --wait --timeout 5s exits 0" 0 timeout 20 "$J" cancel --wait --timeout 5s "$id"

check_status "w1 stops cleanly on TERM" 0 stop_consumer w1
check_status "w2 stops cleanly on TERM" 0 stop_consumer w2
