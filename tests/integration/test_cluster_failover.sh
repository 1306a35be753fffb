#!/usr/bin/env bash
# test_cluster_failover — a node of a three-node RabbitMQ cluster goes away under load and
# nothing is lost or run twice (docs/design.md §1.1, §1.2; docs/scaling.md). On a private cluster
# (jq_private_stack --cluster 3; the quorum queue jobq.default has a replica on each node):
#  - three workers (--concurrency 4), each connected first to a different node (its
#    JOBQ_AMQP_URL lists every node, starting at its own); four loops go on submitting one
#    `jobq submit` at a time (noop and `sleep 1` alternately) for the whole test, each loop
#    listing the nodes from a different one;
#  - round 1: the node that leads jobq.default is stopped cleanly (rabbit:stop_and_halt(),
#    what 'rabbitmqctl stop' runs), stays down until every worker claims jobs again and then
#    3 s more, and comes back; round 2: the node that leads it then is killed (SIGKILL of
#    the node), stays down as long, and comes back;
#  - each round reports how long after the stop a new leader was seen and every worker
#    claimed a job again, and checks that the workers of the lost node are connected to
#    another node (the management API's connection list);
#  - afterwards: every submit exited 0 (its message confirmed, maybe by another node) or 6
#    (saved, left to the relay, with a warning) and printed the id of a saved job; all jobs
#    end succeeded with exactly one terminal transition, exactly one queued→running and
#    attempt 1 (no job ran twice: no takeover, no lease given back), every worker is alive,
#    and the queue ends with 0 ready and 0 unacked messages; whether all three replicas are
#    online again (within 20 s) is reported.
source "$(dirname "$0")/lib.sh"
: "${JQ_TEST_TIMEOUT:=570}"   # ctest gives this test 600 s (tests/CMakeLists.txt)
jq_private_stack --cluster 3 cluster_failover

export JOBQ_RELAY_GRACE=1s
check --fatal "migrate through the cluster" jobq migrate
for i in 1 2 3; do
  JOBQ_AMQP_URL=$(cluster_urls "$i") start_consumer "w$i" --worker-id "w$i" --concurrency 4
done
wait_for 30 "three workers registered" sql_is 3 "select count(*) from workers where state='running'" || true

# node_of WORKER — the cluster node (1..3) the worker's consuming connection is on, as the
# management API (of a running node) lists it; empty when it has none.
node_of() {
  mgmt_get connections | _jq_py -c 'import json, sys
port0 = int(sys.argv[2])
for c in json.load(sys.stdin):
    u = (c.get("client_properties") or {}).get("connection_name") or ""
    if u.startswith("jobq-consumer worker=%s " % sys.argv[1]) and c.get("port"):
        print(int(c["port"]) - port0 + 1)' "$1" "$JOBQ_TEST_AMQP_PORT"
}
three_placed() { [[ -n "$(node_of w1)" && -n "$(node_of w2)" && -n "$(node_of w3)" ]]; }
wait_for 30 "each worker's connection is listed" three_placed || true
check_eq "the workers start on three different nodes" "1 2 3" "$(node_of w1) $(node_of w2) $(node_of w3)"

# Four loops, submitting until told to stop; their lists start at nodes 1, 2, 3, 1.
N_MAX=2000
: >"$T/submits.tsv"
for l in 1 2 3 4; do
  JOBQ_AMQP_URL=$(cluster_urls $(( (l - 1) % 3 + 1 ))) SUBMIT_LOOP_STOP="$T/stop-submits" \
    start_proc "submitter$l" bash "$(dirname "$0")/submit_loop.sh" $((N_MAX / 4)) "$T/submits.tsv" 0.2 1
done
submitted() { [[ $(wc -l <"$T/submits.tsv") -ge $1 ]]; }
wait_for 150 "40 submits done" submitted 40 || true   # slow beside the whole suite

# claims_since MS — workers that claimed a job (queued → running) after epoch MS.
claims_since() {
  sql "select string_agg(distinct worker_id, ' ' order by worker_id) from job_events
       where from_status = 'queued' and to_status = 'running' and at > to_timestamp($1 / 1000.0)"
}

# round N HOW — stop (or kill) the node that leads jobq.default, measure, bring it back.
round() {
  local n="$1" how="$2" lead new t_stop t_gone t_lead="" w moved=() i survivor deadline
  lead=$(jq_leader jobq.default)
  [[ "$lead" =~ ^[1-3]$ ]] || { fail "round $n: no leader of jobq.default found"; return 1; }
  for w in w1 w2 w3; do [[ "$(node_of "$w")" == "$lead" ]] && moved+=("$w"); done
  survivor=$(( lead % 3 + 1 ))
  note "round $n: node $lead leads jobq.default; workers on it: ${moved[*]:-none}; $(wc -l <"$T/submits.tsv") submits so far"
  t_stop=$(_jq_now_ms)
  if [[ "$how" == hard ]]; then jq_stop_node "$lead" --hard; else jq_stop_node "$lead"; fi || return 1
  t_gone=$(_jq_now_ms)
  jq_use_mgmt_of "$survivor"
  # Two looks a second: a look (scripts/stack leader) asks a node through erl_call, without
  # an Erlang VM of its own that would slow the very election it waits for.
  deadline=$((SECONDS + 30))
  while (( SECONDS < deadline )); do
    new=$(jq_leader jobq.default || true)
    if [[ "$new" =~ ^[1-3]$ && "$new" != "$lead" ]]; then t_lead=$(_jq_now_ms); break; fi
    sleep 0.5
  done
  [[ -n "$t_lead" ]] || fail "round $n: no new leader within 30 s"
  note "round $n ($how stop of node $lead): the stop took $(( t_gone - t_stop )) ms; a new leader (node $new) was seen $(( ${t_lead:-$t_stop} - t_stop )) ms after it began"
  serving() { [[ "$(claims_since "$t_stop")" == "w1 w2 w3" ]]; }
  wait_for 60 "round $n: every worker claims jobs again" serving ||
    note "round $n: workers claiming since the stop: $(claims_since "$t_stop")"
  for w in "${moved[@]}"; do
    onode() { local x; x=$(node_of "$1"); [[ -n "$x" && "$x" != "$lead" ]]; }
    wait_for 30 "round $n: $w reconnected to another node" onode "$w" || continue
    # When its connection went, when it had another, and its first claim after that.
    local lost back first
    read -r lost back < <(_jq_py -c 'import sys, datetime
t0 = int(sys.argv[2]); lost = back = ""
for line in open(sys.argv[1], errors="replace"):
    if not line[:4].isdigit():
        continue
    ms = int(datetime.datetime.strptime(line[:23], "%Y-%m-%dT%H:%M:%S.%f").replace(
        tzinfo=datetime.timezone.utc).timestamp() * 1000)
    if ms < t0:
        continue
    if not lost and "event=broker_lost" in line:
        lost = ms
    elif lost and "event=broker_connected" in line:
        back = ms
        break
print(lost or "-", back or "-")' "$T/$w.log" "$t_stop")
    first=$(sql "select round(extract(epoch from min(at)) * 1000) from job_events where worker_id = '$w'
                 and from_status = 'queued' and to_status = 'running'
                 and at > to_timestamp(${back/-/$t_stop} / 1000.0)")
    if [[ "$lost" != - && "$back" != - && -n "$first" ]]; then
      note "round $n: $w lost node $lead $(( lost - t_stop )) ms into the stop, was connected to node $(node_of "$w") $(( back - lost )) ms later and claimed its next job $(( first - lost )) ms after the loss"
    else
      note "round $n: $w is on node $(node_of "$w") now (lost: $lost, back: $back)"
    fi
  done
  # The longest the cluster went without starting a job, from the stop to 20 s after it.
  note "round $n: longest pause between two claims (any worker) from the stop to 20 s after: $(sql "
    select coalesce(round(max(gap) * 1000), 0) from (
      select extract(epoch from at - lag(at) over (order by at)) gap from job_events
      where from_status = 'queued' and to_status = 'running'
        and at between to_timestamp($t_stop / 1000.0) and to_timestamp($t_stop / 1000.0 + 20)) g") ms"
  sleep 3
  jq_start_node "$lead" || return 1
  note "round $n: node $lead is back"
}

round 1 clean
wait_for 60 "20 more submits after round 1" submitted $(( $(wc -l <"$T/submits.tsv") + 20 )) || true
round 2 hard
wait_for 60 "20 more submits after round 2" submitted $(( $(wc -l <"$T/submits.tsv") + 20 )) || true
touch "$T/stop-submits"
for l in 1 2 3 4; do
  wait_exit "submitter$l" 60 || fail "submit loop $l did not stop within 60 s"
done

N=$(wc -l <"$T/submits.tsv")
note "$N submits; exit 0: $(awk -F'\t' '$2 == 0' "$T/submits.tsv" | wc -l), exit 6: $(awk -F'\t' '$2 == 6' "$T/submits.tsv" | wc -l), moved to another node: $(grep -c 'broker_failover' "$T/submits.tsv" || true)"
check "submits kept going through both rounds (over 100)" test "$N" -gt 100
check_submit_log "$T/submits.tsv"

t0=$(_jq_now_ms)
wait_for 120 "all $N jobs terminal" sql_is "$N" \
  "select count(*) from jobs where status in ('succeeded','failed','cancelled')" || note "states: $(state_counts)"
note "all terminal $(( $(_jq_now_ms) - t0 )) ms after the last submit; $(state_counts)"
check_eq "all $N jobs succeeded" "$N" "$(sql "select count(*) from jobs j join submitted using (id) where j.status = 'succeeded'")"
check_eq "exactly one terminal transition per job" 0 "$(sql "
  select count(*) from (select j.id from jobs j left join job_events e
                          on e.job_id = j.id and e.to_status in ('succeeded','failed','cancelled')
                        group by j.id having count(e.id) <> 1) x")"
check_eq "exactly one queued->running per job (none ran twice)" 0 "$(sql "
  select count(*) from (select j.id from jobs j left join job_events e
                          on e.job_id = j.id and e.from_status = 'queued' and e.to_status = 'running'
                        group by j.id having count(e.id) <> 1) x")"
check_eq "no takeover and no lease given back" 0 \
  "$(sql "select count(*) from job_events where from_status = 'running' and to_status in ('running','queued')")"
check_eq "every job ran attempt 1 only" "$N" "$(sql "select count(*) from jobs where attempt = 1")"
check_eq "nothing left unpublished" 0 "$(sql "select count(*) from jobs where published_at is null")"
for w in w1 w2 w3; do check "$w is still running" is_running "$w"; done

wait_for 30 "jobq.default shows 0 ready and 0 unacked" queue_counts_are jobq.default "0|0" ||
  note "jobq.default: ready|unacked $(queue_counts jobq.default)"
quorum_line() {
  timeout -k 5 60 "$(_jq_src_dir)/scripts/stack" status --vhost "$TEST_VHOST" --dir "$_JQ_STACK_DIR" 2>/dev/null |
    grep "queue jobq.default " || true
}
online() { [[ "$(quorum_line)" =~ members\ 1,2,3\ +online\ 1,2,3 ]]; }
# The broker's own business (a restarted replica catches up from the leader), so reported,
# not asserted.
t0=$(_jq_now_ms)
for ((i = 0; i < 20; i++)); do online && break; sleep 1; done
note "jobq.default replicas $(online && echo "all online $(( $(_jq_now_ms) - t0 )) ms after the drain" || echo "not all online 20 s after the drain"): $(quorum_line)"
for w in w1 w2 w3; do check_status "$w stops cleanly on TERM" 0 stop_consumer "$w"; done
