#!/usr/bin/env bash
# test_pool — persistent handlers (docs/handlers.md#persistent-handlers, issue 17): a Python
# child written here (stdlib only, plain json and socket on JOBQ_PROTOCOL_FD) speaks the
# worker protocol. Checks:
#  - 200 jobs succeed through a warm pool of 2: at most 2 distinct child pids answer;
#  - a child's stdout and stderr lines land in the worker's log with the job's id;
#  - error lines: retryable with retry_in, permanent;
#  - a cancel of a running job ends it cancelled within 3 s (the child answers; no kill), the pool keeps serving;
#  - a child that ignores the cancel and SIGTERM is killed after 2 x cancel_grace and
#    replaced; the job ends cancelled;
#  - kill -9 of a child mid-job: that job succeeds on a later attempt, no other job fails;
#  - a runtime limit: the job fails with "timed out after 1s"; the job line's deadline;
#  - max_jobs = 3: 9 jobs are served by at least 3 children, none by more than 3 jobs;
#  - jobs_per_process = 2: two jobs run at once on one child;
#  - concurrency 6 over processes 1: 12 jobs succeed one at a time on the one child, the
#    later ones claimed while they wait for its slot; a waiting job that is cancelled ends
#    cancelled at once, one over its runtime limit fails timed out, and neither reaches the
#    child (no job or cancel line), which runs on;
#  - a lost lease during a cancel's grace (20 s, cancel and SIGTERM ignored) kills the
#    child at once;
#  - a child killed for a protocol error right after an answer gets no waiting job: that
#    job (max-attempts 1) succeeds on the replacement;
#  - a child past its cancel grace that answers late gets no waiting job either;
#  - jobs_per_process = 2: a cancel of one job leaves the other alone; a job on a child
#    killed for the other's stop is released (attempt not counted) and succeeds;
#  - a second ready, an answer for a foreign id and an unknown op are ignored;
#  - a handler whose child dies on every job: 5 jobs fail (their one attempt each, the
#    child's exit status as the error), the handler is then broken, and of 4 more jobs at
#    least 3 are released at once (uncounted) while one at a time is its probe;
#  - a command that exits at once: the handler is broken, its job is released, not failed
#    (attempt not burned), and a reload that fixes the command runs it;
#  - the worker kill -9'd: no child survives it.
#  - a clean stop (TERM): the worker exits 0 and its children are gone; a job running on a
#    child and one waiting for its slot are both released to the queue, the waiting one
#    never sent to the child.
# Asserts on the database and the process table; on the log only for the output lines.
source "$(dirname "$0")/lib.sh"
jq_setup pool

J="$JOBQ_BIN_DIR/jobq"
U=$$
cat >"$T/child.py" <<'PY'
import json, os, signal, socket, sys, threading, time
if "--ignore-term" in sys.argv:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
trace = "--trace" in sys.argv  # stderr names each job and cancel line received
types = [a for a in sys.argv[1:] if not a.startswith("--")]
assert os.environ["JOBQ_PROTOCOL"] == "1"
sock = socket.socket(fileno=int(os.environ["JOBQ_PROTOCOL_FD"]))
lock = threading.Lock()
cancels = {}

def send(obj):
    with lock:
        sock.sendall((json.dumps(obj) + "\n").encode())

def run(job):
    jid, p = job["id"], job["payload"]
    op = p.get("op", "ok")
    t0 = time.time()
    if "out" in p:
        print(p["out"], flush=True)
    if "err" in p:
        print(p["err"], file=sys.stderr, flush=True)
    if op == "fail":
        send({"op": "error", "id": jid, "error": p.get("error", "failed"),
              "permanent": p.get("permanent", False), "retry_in": p.get("retry_in")})
        return
    secs = p.get("seconds", 0)
    if op == "slow_once":
        if os.path.exists(p["marker"]):
            secs = 0
        else:
            with open(p["marker"] + ".tmp", "w") as f:
                f.write(str(os.getpid()))
            os.rename(p["marker"] + ".tmp", p["marker"])
    if op == "hostile":  # lines the worker must ignore, then a normal answer
        send({"op": "ready", "protocol": 1, "types": ["other"], "pid": 1})
        send({"op": "result", "id": "00000000-0000-0000-0000-000000000000", "result": 1})
        send({"op": "frobnicate", "id": jid})
    if op == "stubborn":
        time.sleep(secs)
    elif cancels[jid].wait(secs):
        time.sleep(p.get("late", 0))  # answers the cancel this late
        send({"op": "error", "id": jid, "error": "cancelled"})
        return
    send({"op": "progress", "id": jid, "progress": {"done": 1}})
    line = json.dumps({"op": "result", "id": jid,
                       "result": {"pid": os.getpid(), "t0": t0, "t1": time.time(),
                                  "deadline": job["deadline"], "attempt": job["attempt"]}})
    # then_garbage: the answer and a line that is not JSON in one write (one read)
    with lock:
        sock.sendall((line + "\n" + ("garbage\n" if p.get("then_garbage") else "")).encode())

send({"op": "ready", "protocol": 1, "types": types, "pid": os.getpid()})
send({"op": "log", "level": "info", "msg": "child up"})
buf = b""
while True:
    data = sock.recv(65536)
    if not data:
        sys.exit(0)
    buf += data
    while b"\n" in buf:
        line, buf = buf.split(b"\n", 1)
        m = json.loads(line)
        if trace and m.get("op") in ("job", "cancel"):
            print(m["op"] + "-line " + m["id"], file=sys.stderr, flush=True)
        if m.get("op") == "job" and "--die" in sys.argv:
            os._exit(5)  # dies on every job
        if m.get("op") == "job":
            cancels[m["id"]] = threading.Event()
            threading.Thread(target=run, args=(m,), daemon=True).start()
        elif m.get("op") == "cancel" and m["id"] in cancels:
            cancels[m["id"]].set()
PY
PY3=$(python3 -c "import sys; print(sys.executable)")  # the interpreter itself, not a wrapper
conf() {  # the configuration; $1 = the command of the "bad" handler
  cat >"$T/jobq.conf" <<CONF
consumer = { cancel_grace = "1s"; heartbeat_interval = "300ms"; };
retry = { base = "200ms"; max = "1s"; };
handlers = (
  { type = "py"; mode = "persistent"; processes = 2;
    command = [ "$PY3", "$T/child.py", "py", "--mark=$U" ]; },
  { type = "tmo"; mode = "persistent"; processes = 1; timeout = "1s";
    command = [ "$PY3", "$T/child.py", "tmo", "--mark=$U" ]; },
  { type = "stub"; mode = "persistent"; processes = 1; cancel_grace = "500ms";
    command = [ "$PY3", "$T/child.py", "stub", "--ignore-term", "--mark=$U" ]; },
  { type = "recy"; mode = "persistent"; processes = 1; max_jobs = 3;
    command = [ "$PY3", "$T/child.py", "recy", "--mark=$U" ]; },
  { type = "duo"; mode = "persistent"; processes = 1; jobs_per_process = 2;
    command = [ "$PY3", "$T/child.py", "duo", "--mark=$U" ]; },
  { type = "one"; mode = "persistent"; processes = 1; cancel_grace = "5s";
    command = [ "$PY3", "$T/child.py", "one", "--trace", "--mark=$U" ]; },
  { type = "hold"; mode = "persistent"; processes = 1; cancel_grace = "20s";
    command = [ "$PY3", "$T/child.py", "hold", "--ignore-term", "--trace", "--mark=$U" ]; },
  { type = "gar"; mode = "persistent"; processes = 1;
    command = [ "$PY3", "$T/child.py", "gar", "--mark=$U" ]; },
  { type = "late"; mode = "persistent"; processes = 1; cancel_grace = "1s";
    command = [ "$PY3", "$T/child.py", "late", "--ignore-term", "--mark=$U" ]; },
  { type = "pair"; mode = "persistent"; processes = 1; jobs_per_process = 2; cancel_grace = "500ms";
    command = [ "$PY3", "$T/child.py", "pair", "--ignore-term", "--mark=$U" ]; },
  { type = "crash"; mode = "persistent"; processes = 1;
    command = [ "$PY3", "$T/child.py", "crash", "--die", "--mark=$U" ]; },
  { type = "bad"; mode = "persistent"; processes = 1; startup_timeout = "5s";
    command = $1; }
);
CONF
}
conf '[ "/bin/sh", "-c", "echo gone >&2; exit 3" ]'
st() { sql "select status from jobs where id='$1'"; }
# This test's live python children (zombies not counted), of one type or all.
kids() {
  local p
  for p in $(pgrep -f -- "child.py ${1:-[a-z]*} .*--mark=$U"); do
    [[ "$(ps -o stat= -p "$p" 2>/dev/null)" =~ ^[^Z] ]] || continue
    if ps -o args= -p "$p" | grep -q "^$PY3"; then echo "$p"; fi
  done
  return 0
}
nkids() { kids "$1" | wc -l; }
stop_ms() { sql "select (extract(epoch from finished_at - cancel_requested_at) * 1000)::int from jobs where id='$1'"; }
in_log() { grep "$1" "$(log_of w1)" | grep -q -- "$2"; }
gone() { [[ ! "$(ps -o stat= -p "$1" 2>/dev/null)" =~ ^[^Z] ]]; }

check --fatal "migrate" jobq migrate
check_status "the configuration checks" 0 jobq_consumer --check-config --config "$T/jobq.conf"
check "--check-config names the persistent handlers" grep -q "py (persistent)" "$OUT_FILE"
start_consumer w1 --worker-id w1 --concurrency 6
wpid=$(pid_of w1)
wait_for 20 "the py pool is warm (2 children) before any job" bash -c "[[ \$(pgrep -f -- 'child.py py .*--mark=$U' | wc -l) -ge 2 ]]"

# ---------------------------------------------------------------- 200 jobs, warm pool
for i in $(seq 1 200); do echo "{\"type\": \"py\", \"payload\": {\"n\": $i}}"; done >"$T/batch.jsonl"
check_status "200 py jobs succeed (submit --batch --wait)" 0 timeout 150 "$J" submit --batch "$T/batch.jsonl" --wait --wait-timeout 120s
check_eq "... all 200 succeeded" 200 "$(sql "select count(*) from jobs where type='py' and status='succeeded'")"
npids=$(sql "select count(distinct result->>'pid') from jobs where type='py'")
note "200 jobs answered by $npids distinct child pids (processes = 2)"
check "... by at most 2 children ($npids)" test "$npids" -le 2 -a "$npids" -ge 1
check_eq "... each on its first attempt" 0 "$(sql "select count(*) from jobs where type='py' and attempt <> 1")"
check_eq "... the job line's deadline is null without a runtime limit" 0 "$(sql "select count(*) from jobs where type='py' and result->>'deadline' is not null")"

# ---------------------------------------------------------------- output lines
id=$("$J" submit py "{\"out\": \"hello-out-$U\", \"err\": \"hello-err-$U\"}")
check_status "a job writing stdout and stderr succeeds" 0 timeout 30 "$J" wait --timeout 20s "$id"
wait_for 5 "its stdout line is in the worker log with the job id" in_log "event=handler_output.*stream=stdout.*job=$id" "line=hello-out-$U"
wait_for 5 "its stderr line is in the worker log with the job id" in_log "event=handler_output.*stream=stderr.*job=$id" "line=hello-err-$U"
check "the children's log lines are in the worker log (handler_log)" in_log "event=handler_log" 'msg="child up"'
check_eq "the child's last progress report is the job's progress" '{"done": 1}' "$(sql "select progress from jobs where id='$id'")"

# ---------------------------------------------------------------- errors
id=$("$J" submit --max-attempts 1 py '{"op": "fail", "error": "try later", "retry_in": "3s"}')
check_status "a retryable error on the last attempt fails the job" 1 timeout 30 "$J" wait --timeout 20s "$id"
check_eq "... with the child's error" "failed|try later" "$(sql "select status || '|' || error from jobs where id='$id'")"
id=$("$J" submit --max-attempts 2 py '{"op": "fail", "error": "try later", "retry_in": "3s"}')
wait_for 15 "a retryable error with attempts left is scheduled" sql_is scheduled "select status from jobs where id='$id'"
check_eq "... its retry_in \"3s\" replaces the 200 ms backoff" t \
  "$(sql "select run_after - updated_at between interval '2.9 s' and interval '3.1 s' from jobs where id='$id'")"
check_status "... and runs again (succeeds or fails on attempt 2)" 1 timeout 30 "$J" wait --timeout 20s "$id"
check_eq "... attempt 2" 2 "$(sql "select attempt from jobs where id='$id'")"
id=$("$J" submit py '{"op": "fail", "error": "never", "permanent": true}')
check_status "a permanent error fails the job at once" 1 timeout 30 "$J" wait --timeout 20s "$id"
check_eq "... failed on attempt 1 with the child's error" "failed|1|never" "$(sql "select status || '|' || attempt || '|' || error from jobs where id='$id'")"

# ---------------------------------------------------------------- cancel
id=$("$J" submit py '{"op": "sleep", "seconds": 60}')
wait_for 15 "a 60 s job is running" sql_is running "select status from jobs where id='$id'"
before=$(kids py | sort | tr '\n' ' ')
check_status "cancel --wait ends it" 0 timeout 30 "$J" cancel --wait --timeout 20s "$id"
ms=$(stop_ms "$id")
note "cancel answered by the child: stop_ms $ms"
check_eq "... cancelled" cancelled "$(st "$id")"
check "... within 3 s on a loaded machine ($ms ms; a kill after the grace would replace the child: checked next)" test "${ms:-99999}" -lt 3000
check_eq "... and no child was replaced" "$before" "$(kids py | sort | tr '\n' ' ')"
check_status "the pool keeps serving" 0 timeout 30 "$J" submit --wait py '{"n": 1}'

# ---------------------------------------------------------------- a child that ignores the cancel
id=$("$J" submit stub '{"op": "stubborn", "seconds": 60}')
wait_for 15 "a stubborn job is running" sql_is running "select status from jobs where id='$id'"
old=$(kids stub | head -n1)
check_status "cancel --wait of a child that ignores cancel and SIGTERM" 0 timeout 30 "$J" cancel --wait --timeout 20s "$id"
ms=$(stop_ms "$id")
note "stubborn child (cancel_grace 500ms): stop_ms $ms"
check_eq "... cancelled" cancelled "$(st "$id")"
check "... after both graces (SIGTERM ignored, then SIGKILL): $ms ms in 950..4000" test "${ms:-0}" -ge 950 -a "${ms:-99999}" -lt 4000
check "... the old child (${old:-?}) is gone" gone "${old:-0}"
replaced() { (( $(kids stub | grep -cvx "${old:-x}") > 0 )); }
wait_for 10 "... and replaced" replaced
check_status "... the new one serves" 0 timeout 30 "$J" submit --wait stub '{"n": 1}'

# ---------------------------------------------------------------- kill -9 of a child mid-job
id=$("$J" submit py "{\"op\": \"slow_once\", \"marker\": \"$T/once\", \"seconds\": 60}")
wait_for 15 "a slow job is running" sql_is running "select status from jobs where id='$id'"
wait_for 10 "its child wrote its pid" test -s "$T/once"
victim=$(cat "$T/once")
others=()
for i in 1 2 3 4 5 6; do others+=("$("$J" submit py "{\"op\": \"sleep\", \"seconds\": 0.5, \"n\": $i}")"); done
kill -9 "$victim"
note "killed child $victim while job $id ran"
check_status "the slow job succeeds on a later attempt" 0 timeout 60 "$J" wait --timeout 50s "$id"
check "... on attempt 2 or later" test "$(sql "select attempt from jobs where id='$id'")" -ge 2
check "... its first attempt's error named the process and the signal" \
  in_log "event=job_finished.*job=$id" "handler process $victim killed by signal 9 (SIGKILL)"
for o in "${others[@]}"; do timeout 40 "$J" wait --timeout 30s "$o" >/dev/null 2>&1 || true; done
check_eq "no other job failed (the six others succeeded, on their first attempt)" 6 "$(sql "select count(*) from jobs where id in ($(printf "'%s'," "${others[@]}" | sed 's/,$//')) and status='succeeded' and attempt = 1")"

# ---------------------------------------------------------------- runtime limit
id=$("$J" submit --max-attempts 1 tmo '{"op": "sleep", "seconds": 30}')
check_status "a job over the handler's 1s limit fails" 1 timeout 30 "$J" wait --timeout 20s "$id"
check_eq "... timed out" "failed|timed out after 1s" "$(sql "select status || '|' || error from jobs where id='$id'")"
id=$("$J" submit tmo '{"n": 1}')
check_status "a job within the limit succeeds" 0 timeout 30 "$J" wait --timeout 20s "$id"
dl=$(sql "select (result->>'deadline')::bigint - (extract(epoch from started_at) * 1000)::bigint from jobs where id='$id'")
check "... its job line's deadline is about a second after its start ($dl ms)" test "${dl:-0}" -ge 500 -a "${dl:-0}" -le 2500

# ---------------------------------------------------------------- max_jobs
for i in $(seq 1 9); do echo "{\"type\": \"recy\", \"payload\": {\"n\": $i}}"; done >"$T/recy.jsonl"
check_status "9 jobs on a pool with max_jobs 3" 0 timeout 60 "$J" submit --batch "$T/recy.jsonl" --wait --wait-timeout 50s
n=$(sql "select count(distinct result->>'pid') from jobs where type='recy'")
check "... served by 3 or more children ($n)" test "$n" -ge 3
check_eq "... none by more than 3 jobs" 0 "$(sql "select count(*) from (select result->>'pid' from jobs where type='recy' group by 1 having count(*) > 3) x")"

# ---------------------------------------------------------------- jobs_per_process = 2
# one batch, 5 s each: two CLI starts on a loaded machine may come 2 s apart or more
printf '%s\n' '{"type": "duo", "payload": {"op": "sleep", "seconds": 5}}' \
  '{"type": "duo", "payload": {"op": "sleep", "seconds": 5}}' >"$T/duo2.jsonl"
{ read -r a; read -r b; } < <("$J" submit --batch "$T/duo2.jsonl")
for o in "$a" "$b"; do timeout 30 "$J" wait --timeout 20s "$o" >/dev/null 2>&1 || true; done
check_eq "two jobs on a jobs_per_process = 2 pool succeed" "succeeded succeeded" "$(st "$a") $(st "$b")"
check_eq "... on one child" 1 "$(sql "select count(distinct result->>'pid') from jobs where id in ('$a','$b')")"
check_eq "... at once (their runs overlap)" t "$(sql "select max((result->>'t0')::float) < min((result->>'t1')::float) from jobs where id in ('$a','$b')")"

# ---------------------------------------------------------------- concurrency 6 > processes 1
for i in $(seq 1 12); do echo "{\"type\": \"one\", \"payload\": {\"op\": \"sleep\", \"seconds\": 0.2, \"n\": $i}}"; done >"$T/one.jsonl"
check_status "12 jobs on a pool of one child, concurrency 6, succeed" 0 timeout 60 "$J" submit --batch "$T/one.jsonl" --wait --wait-timeout 50s
check_eq "... all 12, on the one child" "12|1" "$(sql "select count(*) || '|' || count(distinct result->>'pid') from jobs where type='one' and status='succeeded'")"
check_eq "... one at a time (no two runs overlap)" f "$(sql "select exists (select 1 from jobs a join jobs b on a.id < b.id where a.type='one' and b.type='one' and (a.result->>'t0')::float < (b.result->>'t1')::float and (b.result->>'t0')::float < (a.result->>'t1')::float)")"
waited=$(sql "select count(*) from jobs where type='one' and (result->>'t0')::float - extract(epoch from started_at) > 0.3")
note "$waited of 12 jobs were claimed over 0.3 s before the child began them"
check "... the later ones claimed while they waited for the slot ($waited >= 3)" test "${waited:-0}" -ge 3
hold=$("$J" submit one '{"op": "sleep", "seconds": 60}')
wait_for 15 "a 60 s job holds the one child's slot" sql_is running "select status from jobs where id='$hold'"
# running in the database comes at the claim, before the child has the job: wait for the
# child's line, or the next job may reach the free child first
wait_for 15 "... the child has it" in_log "event=handler_output" "job-line $hold"
one=$(kids one)
wid=$("$J" submit one '{"n": "waits"}')
wait_for 15 "a second job is claimed and waits for the slot (running)" sql_is running "select status from jobs where id='$wid'"
check_status "cancel --wait of the waiting job" 0 timeout 30 "$J" cancel --wait --timeout 20s "$wid"
ms=$(stop_ms "$wid")
note "a waiting job's cancel: stop_ms $ms"
check_eq "... cancelled" cancelled "$(st "$wid")"
check "... at once: within 3 s on a loaded machine, not at its 5 s grace's end ($ms ms)" test "${ms:-99999}" -lt 3000
tid=$("$J" submit --max-attempts 1 --timeout 1s one '{"n": "waits too"}')
check_status "a waiting job over its 1s runtime limit fails" 1 timeout 30 "$J" wait --timeout 20s "$tid"
check_eq "... timed out" "failed|timed out after 1s" "$(sql "select status || '|' || error from jobs where id='$tid'")"
check "the child got the holding job's line (its trace works)" in_log "event=handler_output" "job-line $hold"
check_eq "... but no job or cancel line of the waiting ones" 0 "$(grep -cE "(job|cancel)-line ($wid|$tid)" "$(log_of w1)")"
check_eq "... and still runs the holding job" "$one|running" "$(kids one)|$(st "$hold")"
check_status "the holding job is cancelled" 0 timeout 30 "$J" cancel --wait --timeout 20s "$hold"

# ---------------------------------------------------------------- a lost lease during a cancel's grace
id=$("$J" submit hold '{"op": "stubborn", "seconds": 25}')
wait_for 15 "a job that ignores cancels runs (cancel_grace 20s)" sql_is running "select status from jobs where id='$id'"
old=$(kids hold)
check_status "it is cancelled (no wait)" 0 "$J" cancel "$id"
wait_for 10 "... its child got the cancel line" in_log "event=handler_output" "cancel-line $id"
check "... and still runs in the grace" test -n "$(kids hold)"
sql "update jobs set lease_token = lease_token + 1 where id='$id'" >/dev/null
wait_for 5 "the lease lost in the grace kills the child at once (heartbeat 300ms, not 40 s)" gone "${old:-0}"
wait_for 10 "... which is replaced" bash -c "[[ -n \"\$(pgrep -f -- 'child.py hold .*--mark=$U' | grep -vx '${old:-x}')\" ]]"
# nobody owns it now: end it, so that no later worker takes it over
sql "update jobs set status = 'cancelled', finished_at = now() where id='$id' and status = 'running'" >/dev/null

# ---------------------------------------------------------------- no job for a killed child
a=$("$J" submit gar '{"op": "sleep", "seconds": 3, "then_garbage": true}')
wait_for 15 "a job whose child then writes a line that is not JSON runs" sql_is running "select status from jobs where id='$a'"
b=$("$J" submit --max-attempts 1 gar '{"n": "after garbage"}')
wait_for 15 "a second job waits for its slot" sql_is running "select status from jobs where id='$b'"
timeout 30 "$J" wait --timeout 20s "$a" >/dev/null 2>&1 || true
check_status "a job waiting for that child's slot succeeds (on the replacement)" 0 timeout 30 "$J" wait --timeout 20s "$b"
check_eq "... the first one succeeded too (answered before the garbage)" succeeded "$(st "$a")"
check "... on another child" test "$(sql "select count(distinct result->>'pid') from jobs where id in ('$a','$b')")" -eq 2
check "... which was killed for a protocol error" in_log "event=handler_died" "protocol error"

# ---------------------------------------------------------------- a child past its cancel grace
a=$("$J" submit late '{"op": "sleep", "seconds": 60, "late": 1.3}')
wait_for 15 "a job answering cancels 1.3 s late runs (cancel_grace 1s, SIGTERM ignored)" sql_is running "select status from jobs where id='$a'"
b=$("$J" submit --max-attempts 1 late '{"op": "sleep", "seconds": 1.5}')  # would outlive kill_at
wait_for 15 "a second job waits for its slot" sql_is running "select status from jobs where id='$b'"
check_status "the first is cancelled" 0 timeout 30 "$J" cancel --wait --timeout 20s "$a"
check_eq "... cancelled" cancelled "$(st "$a")"
check_status "the waiting job succeeds (not sent to the child SIGKILL awaits)" 0 timeout 30 "$J" wait --timeout 20s "$b"
check_eq "... on its first attempt" 1 "$(sql "select attempt from jobs where id='$b'")"

# ---------------------------------------------------------------- jobs_per_process = 2 and stops
# b first, a for 10 s: both must be seen running at once by a poll on a loaded machine, and
# a must still run when b is cancelled
b=$("$J" submit duo '{"op": "sleep", "seconds": 60}')
a=$("$J" submit duo '{"op": "sleep", "seconds": 10}')
wait_for 15 "two jobs run on the duo child" sql_is "running|running" "select string_agg(status, '|') from jobs where id in ('$a','$b')"
check_status "one of them is cancelled" 0 timeout 30 "$J" cancel --wait --timeout 20s "$b"
check_status "... the other succeeds" 0 timeout 30 "$J" wait --timeout 20s "$a"
check_eq "... cancelled / succeeded" "cancelled succeeded" "$(st "$b") $(st "$a")"
x=$("$J" submit pair '{"op": "stubborn", "seconds": 60}')
y=$("$J" submit --max-attempts 1 pair '{"op": "sleep", "seconds": 10}')  # outlives x's stop
wait_for 15 "a job ignoring its cancel and another share a child" sql_is "running|running" "select string_agg(status, '|') from jobs where id in ('$x','$y')"
check_status "the first is cancelled (its child killed after both graces)" 0 timeout 30 "$J" cancel --wait --timeout 20s "$x"
check_status "the other (max-attempts 1), killed with the child, is released and succeeds" 0 timeout 40 "$J" wait --timeout 30s "$y"
check_eq "... on its single attempt, released once" "1|1" "$(sql "select attempt || '|' || (select count(*) from job_events where job_id='$y' and from_status='running' and to_status='scheduled') from jobs where id='$y'")"

# ---------------------------------------------------------------- lines to ignore
before=$(kids py | sort | tr '\n' ' ')
id=$("$J" submit py '{"op": "hostile"}')
check_status "a second ready, a foreign id's answer and an unknown op are ignored" 0 timeout 30 "$J" wait --timeout 20s "$id"
check_eq "... the child was not replaced" "$before" "$(kids py | sort | tr '\n' ' ')"
check "... the foreign answer was logged as ignored" in_log "event=handler_answer_ignored" "00000000-0000-0000-0000-000000000000"

# ---------------------------------------------------------------- a broken handler
check "a handler whose command exits at once is reported broken" in_log "event=handler_broken" "type=bad"
check_status "jobq workers exits 0" 0 jobq workers
check "... and shows the bad handler broken" grep -Eq '^w1 .*bad' "$OUT_FILE"
id=$("$J" submit --max-attempts 1 bad '{"n": 1}')
wait_for 15 "its job is released (running -> scheduled)" sql_is t "select count(*) > 0 from job_events where job_id='$id' and from_status='running' and to_status='scheduled'"
check_eq "... never failed" 0 "$(sql "select count(*) from job_events where job_id='$id' and to_status='failed'")"
err=$(sql "select error from jobs where id='$id'")
check "... with the handler's breakage as its error ($err)" grep -qE '^handler bad is broken: handler process [0-9]+ exited with status 3' <<<"$err"
conf "[ \"$PY3\", \"$T/child.py\", \"bad\", \"--mark=$U\" ]"
stop_consumer w1 HUP
check_status "after a reload that fixes its command, the job succeeds" 0 timeout 60 "$J" wait --timeout 50s "$id"
check_eq "... on its single attempt" 1 "$(sql "select attempt from jobs where id='$id'")"

# ------------------------------------------------- a handler whose children die on every job
crash=()
for i in 1 2 3 4 5; do crash+=("$("$J" submit --max-attempts 1 crash "{\"n\": $i}")"); done
crash_failed() { sql_is 5 "select count(*) from jobs where type = 'crash' and status = 'failed'"; }
wait_for 40 "5 jobs whose child dies with them each fail (exit status 5, their one attempt)" crash_failed || true
check_eq "... each with the child's death as its error" 5 \
  "$(sql "select count(*) from jobs where type = 'crash' and error ~ '^handler process [0-9]+ exited with status 5'")"
wait_for 15 "after 5 deaths in a row the handler is broken" in_log "event=handler_broken" "type=crash" || true
more=()
for i in 1 2 3 4; do more+=("$("$J" submit --max-attempts 3 crash "{\"more\": $i}")"); done
released() {  # jobs of the 4 given back uncounted: running -> scheduled with the breakage
  sql "select count(distinct e.job_id) from job_events e join jobs j on j.id = e.job_id
       where j.payload ? 'more' and e.from_status = 'running' and e.to_status = 'scheduled'
         and e.reason = 'released: handler could not run'"
}
released_3() { [[ "$(released)" -ge 3 ]]; }
wait_for 15 "while broken, at least 3 of 4 jobs are released at once (one probe at a time)" \
  released_3 || true
# A probe's death counts its attempt (a poison job is not released for ever), so on a slow
# machine one of the 4 may be the probe 3 times and fail; a release never counts.
check_eq "... none failed but through 3 counted probe deaths" 0 \
  "$(sql "select count(*) from jobs where payload ? 'more' and status = 'failed'
          and not (attempt = 3 and error ~ '^handler process [0-9]+ exited with status 5')")"
check_eq "... a released job's error names the breakage" t \
  "$(sql "select bool_or(error like 'handler crash is broken:%') from jobs where payload ? 'more'")"

all=$(kids | tr '\n' ' ')
note "children before the worker's kill -9: $all"
check "the worker has children" test -n "$all"
kill -9 "$wpid"
alive() { local p; for p in $all; do [[ "$(ps -o stat= -p "$p" 2>/dev/null)" =~ ^[^Z] ]] && echo "$p"; done; true; }
none_alive() { [[ -z "$(alive)" ]]; }
wait_for 10 "no child survives the worker's kill -9" none_alive

# ---------------------------------------------------------------- a clean stop
JOBQ_SHUTDOWN_TIMEOUT=1s start_consumer w2 --worker-id w2 --concurrency 2
wait_for 20 "a new worker's py pool is warm" bash -c "[[ \$(pgrep -f -- 'child.py py .*--mark=$U' | wc -l) -ge 2 ]]"
hold=$("$J" submit one '{"op": "sleep", "seconds": 60}')
wait_for 15 "a 60 s job holds the one child's slot" sql_is running "select status from jobs where id='$hold'"
# running in the database comes at the claim, before the child has the job: wait for the
# child's line, or the next job may reach the free child first
wait_for 15 "... the child has it" grep -q "job-line $hold" "$(log_of w2)"
wid=$("$J" submit one '{"n": "waits at shutdown"}')
wait_for 15 "a second job waits for the slot (running)" sql_is running "select status from jobs where id='$wid'"
all=$(kids | tr '\n' ' ')
check_status "the worker stops cleanly on TERM (shutdown_timeout 1s), its pools with it" 0 stop_consumer w2
check "... leaving none of its children ($all)" none_alive
check_eq "... the running job and the waiting one released to the queue" "queued queued" "$(st "$hold") $(st "$wid")"
check_eq "... the waiting one never reached the child" 0 "$(grep -c "job-line $wid" "$(log_of w2)")"
check "... the running one had (the trace works)" grep -q "job-line $hold" "$(log_of w2)"
