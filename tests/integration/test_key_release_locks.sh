#!/usr/bin/env bash
# test_key_release_locks — the keyed release locks the key:K limit rows of the keys it can
# reach only, not of every waiting key (review R8 finding 5, docs/scheduling.md "Costs"):
# queue:kq --max-running 1 is full (one long sleep job runs), 1,000 key:K limits, and one
# waiting keyed job of each of those 1,000 keys in kq. The consumer's relay runs its keyed
# release every tick; it walks at most max(4 x window, 64) = 256 keys (window 64) from the
# queue's cursor, and locks (FOR UPDATE, so xmax set) the key:K rows of those keys only.
# Before, it locked all 1,000 on each release (1,000 rows with xmax set after one release of
# bench/limit_probe_relay.c on this layout; 256 after).
# Nothing is released: the queue has no room.
source "$(dirname "$0")/lib.sh"
jq_setup key_release_locks

check --fatal "migrate" jobq migrate
check_status "limit set queue:kq --max-running 1 exits 0" 0 jobq limit set queue:kq --max-running 1
start_consumer c1 --worker-id c1 --queues kq --concurrency 2
check_status "one long sleep job in kq" 0 jobq submit sleep '{"seconds":300}' --queue kq
wait_for 30 "the long job runs" sql_is 1 \
  "select count(*) from jobs where queue = 'kq' and status = 'running'"
sql "select count(*) from generate_series(1, 1000) i,
       jobq_cli_limit_set('key:r' || i, 2, null) s" >/dev/null
locked="select count(*) from limits where scope like 'key:r%' and xmax::text <> '0'"
check_eq "the 1,000 key:K rows are not locked yet" 0 "$(sql "$locked")"
sql "insert into jobs (type, queue, status, status_reason, publish_after, run_after,
                       concurrency_key)
     select 'noop', 'kq', 'queued', 'submitted', now(), now(), 'r' || i
     from generate_series(1, 1000) i" >/dev/null
wait_for 20 "a keyed release locked key:K rows" sql_is t "select ($locked) > 0"
jq_nap 3  # some 30 releases more
n=$(sql "$locked")
check "  ... at most 300 of the 1,000 key:K rows were ever locked ($n; 256 expected)" \
  test "$n" -le 300
check_eq "nothing released: the 1,000 keyed jobs still wait, unpublished" 1000 \
  "$(sql "select count(*) from jobs where concurrency_key like 'r%' and published_at is null
          and publish_after <= now()")"
