#!/usr/bin/env bash
# test_agent — `jobq agent` and the jobq front end (docs/agent.md). A copy of the front end
# alone in a folder ($LONE: no jobq-cli beside it or installed) exits 127 whenever it would
# run the submit itself, so it shows which side ran what:
#  - with JOBQ_AGENT_SOCKET set, `jobq submit` is run by the agent; the job runs to success,
#    published by the submit;
#  - bad input through the agent gets the same one line and exit status as without it;
#  - declined, so run by the caller: a payload from stdin or a file, --wait, other
#    commands, a caller whose JOBQ_*/PG* environment differs from the agent's, a request
#    whose start deadline passed, and one whose caller hung up before it was read;
#  - the socket is created 0600 (0660 with --mode 0660); a second agent on the socket is
#    refused; hostile frames get an error line and the agent keeps serving;
#    with its 64 connection slots held, a caller is declined at once;
#  - the agent's connections survive the servers ending them: the next submit is saved and
#    confirmed (exit 0);
#  - another user's agent in a folder anyone can write to is not trusted (a warning, the
#    caller submits itself); one in its own folder under a folder only root controls is;
#  - a killed agent leaves a stale socket: submits fall back, a new agent takes it over;
#    SIGTERM hands the requests that were waiting back to their callers (each saved once)
#    and removes the socket.
source "$(dirname "$0")/lib.sh"
jq_setup agent

J="$JOBQ_BIN_DIR/jobq"
SOCK="$T/agent.sock"
LONE="$T/lone/jobq"
mkdir -p "$T/lone" && cp "$J" "$LONE"
[[ ! -e /usr/local/libexec/jobq/jobq-cli ]] || note "an installed jobq-cli exists: the lone front end can run it"

check --fatal "migrate" jobq migrate
start_consumer c1 --worker-id agent-c1

# listening — whether a process accepts connections on $SOCK (a socket file alone may be a
# killed agent's).
listening() {
  _jq_py -c 'import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])' "$SOCK"
}
start_agent() {  # [ARGS...]
  start_proc agent "$J" agent --socket "$SOCK" "$@"
  wait_for 15 "the agent listens on $SOCK" listening
}
jobs_now() { sql "select count(*) from jobs"; }
start_agent
check_eq "the socket is the agent's user's only (0600)" 600 "$(stat -c %a "$SOCK")"

# ---------------------------------------------------------------- submits through the agent
export JOBQ_AGENT_SOCKET="$SOCK"
check_status "the lone front end submits through the agent" 0 "$LONE" submit echo '{"via":"agent"}'
id="$OUT"
check_eq "it printed one job id" 1 "$(grep -cE '^[0-9a-f-]{36}$' <<<"$OUT")"
wait_for 20 "the agent's job succeeded" sql_is succeeded "select status from jobs where id = '$id'"
check_eq "its result is its payload" '{"via": "agent"}' "$(sql "select result from jobs where id = '$id'")"
check_eq "it was published by the submit (published_at set)" t \
  "$(sql "select published_at is not null from jobs where id = '$id'")"
check_status "--json through the agent" 0 "$LONE" --json submit noop --key agent-k1
check_eq "--json fields" "id status existed published" \
  "$(_jq_py -c 'import json,sys; print(" ".join(json.loads(sys.stdin.read()).keys()))' <<<"$OUT")"
check_status "a repeated key through the agent" 0 "$LONE" --json submit noop --key agent-k1
check_eq "it says the job existed" True \
  "$(_jq_py -c 'import json,sys; print(json.loads(sys.stdin.read())["existed"])' <<<"$OUT")"

# Same line, same status, with and without the agent.
same() {  # DESC ARGS...
  local desc="$1" a_out a_err a_st; shift
  check_status "$desc (agent)" 2 "$LONE" "$@"
  a_out="$OUT" a_err="$ERR" a_st="$STATUS"
  check_status "$desc (no agent)" 2 env -u JOBQ_AGENT_SOCKET "$J" "$@"
  check_eq "$desc: the same message" "$ERR" "$a_err"
  check_eq "$desc: nothing on stdout" "|" "$a_out|$OUT"
  check_eq "$desc: one line" 1 "$(wc -l <<<"$a_err")"
  check_eq "$desc: the same status" "$STATUS" "$a_st"
}
same "invalid type"        submit 'bad type!'
same "--max-attempts 0"    submit noop --max-attempts 0
same "unknown option"      submit --bogus noop
same "invalid JSON"        submit echo '{"a":'
same "--delay and --at"    submit noop --delay 5s --at 2030-01-01T00:00:00Z

# ---------------------------------------------------------------- declined: run by the caller
printf '{}' >"$T/p.json"
check_status "a payload from stdin is the caller's to read (lone: 127)" 127 \
  bash -c "echo '{}' | '$LONE' submit noop -"
check_status "--payload-file too" 127 "$LONE" submit noop --payload-file "$T/p.json"
check_status "--wait too" 127 "$LONE" submit noop --wait
check_status "other commands too" 127 "$LONE" stats
check_status "a caller with another JOBQ_* environment too" 127 env JOBQ_LOG_LEVEL=warn "$LONE" submit noop
check_status "a caller with another PG* environment too" 127 env PGAPPNAME=other "$LONE" submit noop
check_status "a declined submit works with the full CLI" 0 \
  bash -c "echo '{\"x\":1}' | '$J' submit echo - --wait --wait-timeout 20s"

# ---------------------------------------------------------------- hostile and late requests
check_status "a second agent on the socket is refused" 2 "$J" agent --socket "$SOCK"
check_eq "with one line naming the socket" 1 "$(grep -c "already runs on $SOCK" <<<"$ERR")"
check_status "a relative --socket is refused" 2 "$J" agent --socket rel.sock
before=$(jobs_now)
_jq_py - "$SOCK" "$(pid_of agent)" >"$T/hostile.out" 2>&1 <<'EOF'
import os, signal, socket, struct, sys, time
path, agent = sys.argv[1], int(sys.argv[2])
env = sorted(f"{k}={v}" for k, v in os.environ.items()
             if (k.startswith("JOBQ_") and k != "JOBQ_AGENT_SOCKET") or k.startswith("PG"))
def body(deadline, args):
    return b"".join(s.encode() + b"\0" for s in [str(deadline), str(len(args))] + args + env)
frame = lambda b: b"JQA1" + struct.pack(">I", len(b)) + b
def ask(data, close_after_send=False):
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    try:
        s.sendall(data)
        if close_after_send:
            return b"closed"
        got = b""
        while True:
            x = s.recv(65536)
            if not x:
                break
            got += x
        return got
    except OSError as e:
        return repr(e).encode()
    finally:
        s.close()
print("magic", ask(b"GET / HTTP/1.0\r\n\r\n"))
print("size", ask(b"JQA1" + struct.pack(">I", 1 << 30)))
print("nul", ask(frame(b"9999999999999\x001\x00submit\x00noop")))
print("count", ask(frame(b"9999999999999\x005\x00submit\x00")))
# the start deadline passed (0): declined, kind byte 1
print("late", ask(frame(body(0, ["submit", "noop"])))[8:9] == b"\x01")
# a whole request whose caller hung up while the agent was stopped: not run
os.kill(agent, signal.SIGSTOP)
try:
    ask(frame(body(time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 10**6 + 30000, ["submit", "noop"])), True)
    time.sleep(0.3)
finally:
    os.kill(agent, signal.SIGCONT)
time.sleep(0.5)
EOF
check_eq "a frame that is not the agent's gets a message" 1 "$(grep -c "^magic .*not a jobq agent frame" "$T/hostile.out")"
check_eq "an oversized one too" 1 "$(grep -c "^size .*over the 4 MiB limit" "$T/hostile.out")"
check_eq "malformed string lists too" 2 "$(grep -cE "^(nul|count) .*(NUL-ended|argument count)" "$T/hostile.out")"
check_eq "a request past its start deadline is declined" 1 "$(grep -c "^late True" "$T/hostile.out")"
check_eq "none of them, nor the abandoned request, saved a job" "$before" "$(jobs_now)"
check_status "the agent still serves" 0 "$LONE" submit noop
check "the agent still runs" is_running agent
# 64 idle connections fill the agent's table: the next caller is declined at once, and
# submits itself (the lone front end cannot: 127) rather than wait behind them.
# The filler says when all 64 are connected (a slow machine may take long to start it),
# and holds them until the test is done with them (or 20 s). The agent drops an idle
# connection after 2 s: the filler connects again at once for each one dropped, so the
# table stays full however long a loaded machine takes to start the caller (a CI run
# started it after the first drops, and the agent served it).
rm -f "$T/held" "$T/release"
_jq_py - "$SOCK" "$T/held" "$T/release" <<'EOF' &
import os, select, socket, sys, time
def connect():
    s = socket.socket(socket.AF_UNIX)
    s.connect(sys.argv[1])
    return s
held = [connect() for _ in range(64)]
open(sys.argv[2], "w").close()
end = time.monotonic() + 20
while not os.path.exists(sys.argv[3]) and time.monotonic() < end:
    for s in select.select(held, [], [], 0.05)[0]:
        try:
            data = s.recv(4096)
        except OSError:
            data = b""
        if not data:  # dropped by the agent: take its place again
            held.remove(s)
            s.close()
            held.append(connect())
EOF
filler=$!
check "the filler connected 64 times" wait_for 20 "the filler's 64 connections" test -e "$T/held"
check_status "with 64 connections held, the next caller is declined at once (lone: 127)" 127 \
  timeout 10 "$LONE" submit noop
: >"$T/release"
wait "$filler" || true
jq_nap 0.5
check_status "once they are gone, the agent serves again" 0 "$LONE" submit noop

# ---------------------------------------------------------------- the servers end its sessions
check_eq "the agent's database session ended" t "$(sql "select bool_and(pg_terminate_backend(pid))
  from pg_stat_activity where datname = current_database() and application_name = 'libjobq'")"
wait_for 10 "its backend is gone" sql_is 0 "select count(*) from pg_stat_activity
  where datname = current_database() and application_name = 'libjobq'" || true
check_status "a submit after the database ended the session" 0 "$LONE" submit noop
# the management API lists a connection some seconds after it opened
listed() { [[ -n "$(connections_of libjobq)" ]]; }
wait_for 30 "the broker lists the agent's connection" listed || true
check "the broker closes the agent's connection" close_connections libjobq
jq_nap 0.3
check_status "a submit after the broker closed the connection: saved and confirmed" 0 "$LONE" submit noop
id="$OUT"
# The mark is sent without waiting (docs/design.md §6 "Relay"): it lands with the handle's
# next call or the relay's pass after the grace, not necessarily before the submit returns.
check "that job is marked published" wait_for 10 "its publish mark" sql_is t \
  "select published_at is not null from jobs where id = '$id'"

# ---------------------------------------------------------------- an agent that dies mid-submit
# The fault point ends the agent right after the commit: the caller cannot know whether the
# job was saved (exit 7); it was, and the relay publishes it.
start_proc faulty env JOBQ_FAULT=submit_after_insert "$J" agent --socket "$T/faulty.sock"
SOCK="$T/faulty.sock" wait_for 15 "the faulty agent listens" listening
before=$(jobs_now)
check_status "an agent that dies mid-submit: exit 7" 7 \
  env JOBQ_FAULT=submit_after_insert JOBQ_AGENT_SOCKET="$T/faulty.sock" "$LONE" submit echo '{"n":7}'
check_eq "one line says the job may or may not have been saved" 1 \
  "$(grep -c 'may or may not have been saved' <<<"$ERR")"
check_eq "it was saved" $(( before + 1 )) "$(jobs_now)"
wait_for 30 "the relay published it and it ran" sql_is succeeded \
  "select status from jobs where payload = '{\"n\": 7}'::jsonb" || true
wait_exit faulty 10 || true

# ---------------------------------------------------------------- killed before it started them
# A stopped agent, callers waiting, then SIGKILL: it started none of them (no "started"
# frame), so each runs its submit itself, once.
start_proc doomed "$J" agent --socket "$T/doomed.sock"
SOCK="$T/doomed.sock" wait_for 15 "the doomed agent listens" listening
stop_proc doomed STOP
before=$(jobs_now)
doomed=()
for i in 1 2; do
  env JOBQ_AGENT_SOCKET="$T/doomed.sock" "$J" submit noop >"$T/doomed.$i.out" 2>&1 &
  doomed+=($!)
done
jq_nap 0.5
stop_proc doomed KILL || true
st=0; for p in "${doomed[@]}"; do wait "$p" || st=$?; done
check_eq "the callers of an agent killed before it started their submits exit 0" 0 "$st"
check_eq "each submit was saved once, by its caller" $(( before + 2 )) "$(jobs_now)"

# ---------------------------------------------------------------- a queue deleted under it
# The agent's connection remembers the queues it declared: one an operator deleted returns
# the next message as unroutable, which makes it declare them again.
check_status "a submit to queue agentq" 0 "$LONE" submit noop --queue agentq
_jq_mgmt DELETE "/api/queues/$(url_encode "$_JQ_VHOST")/jobq.agentq" >/dev/null
st=0; "$LONE" submit noop --queue agentq >/dev/null 2>&1 || st=$?
check "a submit after the queue was deleted is saved (exit $st: 0, or 6 when returned)" \
  test "$st" = 0 -o "$st" = 6
check_status "the next submit declares the queue again and is confirmed" 0 "$LONE" submit noop --queue agentq
check "the queue exists again" queue_stat jobq.agentq messages

# ---------------------------------------------------------------- other users' agents
# nobody's agent in a folder everyone may write to (like /tmp): not trusted. The caller
# warns and submits itself (the lone front end cannot: 127).
chmod 711 "$T"
mkdir -m 1777 "$T/shared"
start_proc other runuser -u nobody -- "$J" agent --socket "$T/shared/other.sock" --mode 0666
SOCK="$T/shared/other.sock" wait_for 15 "nobody's agent listens in a shared folder" listening
check_status "another user's agent in a shared folder is not sent the submit" 127 \
  env JOBQ_AGENT_SOCKET="$T/shared/other.sock" "$LONE" submit noop
check_eq "it warns, naming the socket" 1 "$(grep -c "not using the agent at $T/shared/other.sock" <<<"$ERR")"
stop_proc other TERM || true
# nobody's agent in its own folder, under one only root controls ($T, 0711): trusted.
mkdir -m 0755 "$T/svc" && chown nobody "$T/svc"
start_proc svc runuser -u nobody -- "$J" agent --socket "$T/svc/agent.sock" --mode 0666
SOCK="$T/svc/agent.sock" wait_for 15 "nobody's agent listens in its own folder" listening
check_status "a service user's agent in its own folder is used" 0 \
  env JOBQ_AGENT_SOCKET="$T/svc/agent.sock" "$LONE" submit noop
stop_proc svc TERM || true

# ---------------------------------------------------------------- killed, stale, replaced, stopped
stop_proc agent KILL || true
check "a killed agent leaves its socket file" test -S "$SOCK"
if listening 2>/dev/null; then fail "…on which nothing listens"; else _jq_ok "…on which nothing listens"; fi
check_status "with no agent listening, the caller submits itself" 0 "$J" submit noop
check_status "(the lone front end cannot: 127)" 127 "$LONE" submit noop
start_agent --mode 0660
check_eq "a new agent took the stale socket over, mode 0660" 660 "$(stat -c %a "$SOCK")"
check_status "and serves" 0 "$LONE" submit noop
# SIGTERM while callers wait on a stopped agent: they are handed back and submit themselves
stop_proc agent STOP
before=$(jobs_now)
queued=()
for i in 1 2 3; do "$J" submit noop >"$T/queued.$i.out" 2>&1 & queued+=($!); done
jq_nap 0.5
kill -TERM "$(pid_of agent)"
stop_proc agent CONT
wait_exit agent 15 || true
check_eq "SIGTERM stops it with status 0" 0 "$STATUS"
wait "${queued[@]}"
check_eq "the three waiting submits were saved, once each" $(( before + 3 )) "$(jobs_now)"
check_eq "each printed its id" 3 "$(cat "$T"/queued.*.out | grep -cE '^[0-9a-f-]{36}$')"
check "the socket is removed" test ! -e "$SOCK"
