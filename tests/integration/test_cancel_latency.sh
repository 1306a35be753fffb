#!/usr/bin/env bash
# test_cancel_latency — the stop latency of a cancel (issue 4, acceptance): 100 running sleep
# jobs are cancelled one after the other, each by its own `jobq cancel --wait` (so every
# cancel is a separate request, broadcast and stop). Jobs are started in batches of 10 on
# one consumer (concurrency 10) so that the test stays well under a minute.
#  - every cancel exits 0 and prints "ID stopped (cancelled) in N ms";
#  - all 100 jobs end cancelled, each with one terminal transition (running→cancelled);
#  - it reports median and p99 of (the cancelled transition in job_events −
#    cancel_requested_at) as `# cancel-latency:` lines (and the CLI-printed ones as a note);
#  - the p99 stays under 1 s (the heartbeat interval is left at its 30 s default, so only the
#    broadcast can be that fast).
source "$(dirname "$0")/lib.sh"
jq_setup cancel_latency

J="$JOBQ_BIN_DIR/jobq"
ROUNDS=10 PER=10
N=$((ROUNDS * PER))

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency "$PER"
for ((i = 0; i < PER; i++)); do echo '{"type":"sleep","payload":{"seconds":60}}'; done >"$T/batch.jsonl"

t_start=$(_jq_now_ms)
ok=0 bad=0
: >"$T/printed"
for ((r = 1; r <= ROUNDS; r++)); do
  mapfile -t ids < <("$J" submit --batch "$T/batch.jsonl")
  if [[ ${#ids[@]} -ne $PER ]]; then fail "round $r: submit --batch printed ${#ids[@]} ids"; continue; fi
  wait_for 20 "round $r: $PER jobs running" \
    sql_is "$PER" "select count(*) from jobs where status='running'" || true
  for id in "${ids[@]}"; do
    rc=0
    out=$(timeout 20 "$J" cancel --wait --timeout 15s "$id" 2>"$T/cancel.err") || rc=$?
    if [[ $rc -eq 0 && "$out" =~ ^$id\ stopped\ \(cancelled\)\ in\ ([0-9.]+)\ ms$ ]]; then
      ok=$((ok + 1))
      echo "${BASH_REMATCH[1]}" >>"$T/printed"
    else
      bad=$((bad + 1))
      echo "# cancel $id: exit $rc, out: $out, err: $(head -c 300 "$T/cancel.err")"
    fi
  done
done
total=$(( $(_jq_now_ms) - t_start ))
note "$N submit+cancel cycles took $total ms"
check_eq "all $N cancels exited 0 and printed 'stopped (cancelled) in N ms'" "$N 0" "$ok $bad"
check_eq "all $N jobs cancelled" "$N" "$(sql "select count(*) from jobs where status='cancelled'")"
check_eq "each with exactly one terminal transition, running→cancelled" "$N" \
  "$(sql "select count(*) from (select job_id from job_events where to_status in ('succeeded','failed','cancelled')
          group by job_id having count(*) = 1 and bool_and(from_status = 'running' and to_status = 'cancelled')) x")"

stats=$(sql "select round(percentile_cont(0.5) within group (order by ms)::numeric, 1),
                    round(percentile_cont(0.99) within group (order by ms)::numeric, 1),
                    round(min(ms)::numeric, 1), round(max(ms)::numeric, 1), count(*)
             from (select extract(epoch from e.at - j.cancel_requested_at) * 1000 as ms
                   from jobs j join job_events e on e.job_id = j.id and e.to_status = 'cancelled') x")
IFS='|' read -r med p99 min max cnt <<<"$stats"
note "cancel-latency: median $med ms (cancelled transition - cancel_requested_at, n=$cnt)"
note "cancel-latency: p99 $p99 ms (min $min ms, max $max ms)"
cli=$(sort -n "$T/printed" | awk '{ a[NR] = $1 } END { if (NR) printf "%s %s", a[int((NR + 1) / 2)], a[NR] }')
note "as printed by cancel --wait (stop_ms): median ${cli% *} ms, max ${cli#* } ms"
check "p99 ($p99 ms) < 1000 ms" awk -v m="${p99:-99999}" 'BEGIN { exit !(m < 1000) }'

check_eq "nothing is running" 0 "$(sql "select count(*) from jobs where status='running'")"
check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
