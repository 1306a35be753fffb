#!/usr/bin/env bash
# test_agent — `jobq agent` and the jobq front end (docs/agent.md):
#  - with JOBQ_AGENT_SOCKET set, `jobq submit` is run by the agent, on the agent's
#    configuration: it works although the caller's own database URL points nowhere, and the
#    job runs to success;
#  - bad input through the agent gets the same one line and exit status as without it, and
#    --json prints the same fields;
#  - what needs the caller's files, stdin or a wait (`-`, --payload-file, --wait) is declined
#    and runs in the caller (which, with its database URL pointing nowhere, exits 5);
#  - the socket is created 0600 (0660 with --mode 0660); a second agent on a live socket is
#    refused; hostile frames get an error and the agent keeps serving;
#  - the agent's connections survive the servers ending them (pg_terminate_backend, a
#    broker-side close): the next submit is saved and confirmed (exit 0);
#  - another user's agent in a folder anyone can write to is not trusted: the caller warns
#    and submits itself;
#  - a killed agent leaves a stale socket: submits fall back to the full CLI, and a new agent
#    takes the socket over; SIGTERM stops it and removes the socket.
source "$(dirname "$0")/lib.sh"
jq_setup agent

J="$JOBQ_BIN_DIR/jobq"
SOCK="$T/agent.sock"
# A database URL that refuses at once (a closed port): the caller's own path fails with it.
BAD_DB="postgresql://jobq:jobq@127.0.0.1:1/none?connect_timeout=2"

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
start_agent
check_eq "the socket is the agent's user's only (0600)" 600 "$(stat -c %a "$SOCK")"

# ---------------------------------------------------------------- submits through the agent
export JOBQ_AGENT_SOCKET="$SOCK"
check_status "submit through the agent, the caller's database unreachable" 0 \
  env JOBQ_DATABASE_URL="$BAD_DB" "$J" submit echo '{"via":"agent"}'
id="$OUT"
check_eq "it printed one job id" 1 "$(grep -cE '^[0-9a-f-]{36}$' <<<"$OUT")"
wait_for 20 "the agent's job succeeded" sql_is succeeded "select status from jobs where id = '$id'"
check_eq "its result is its payload" '{"via": "agent"}' "$(sql "select result from jobs where id = '$id'")"
check_eq "it was published by the submit (published_at set)" t \
  "$(sql "select published_at is not null from jobs where id = '$id'")"

check_status "--json through the agent" 0 env JOBQ_DATABASE_URL="$BAD_DB" "$J" --json submit noop --key agent-k1
check_eq "--json fields" "id status existed published" \
  "$(_jq_py -c 'import json,sys; print(" ".join(json.loads(sys.stdin.read()).keys()))' <<<"$OUT")"
check_status "a repeated key through the agent" 0 env JOBQ_DATABASE_URL="$BAD_DB" "$J" --json submit noop --key agent-k1
check_eq "it says the job existed" True \
  "$(_jq_py -c 'import json,sys; print(json.loads(sys.stdin.read())["existed"])' <<<"$OUT")"

# Same line, same status, with and without the agent.
same() {  # DESC ARGS...
  local desc="$1" a_out a_err a_st; shift
  check_status "$desc (agent)" 2 "$J" "$@"
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
check_status "a payload from stdin runs in the caller (its database unreachable: 5)" 5 \
  env JOBQ_DATABASE_URL="$BAD_DB" bash -c "echo '{}' | '$J' submit noop -"
check_status "--payload-file runs in the caller" 5 \
  env JOBQ_DATABASE_URL="$BAD_DB" "$J" submit noop --payload-file "$T/p.json"
check_status "--wait runs in the caller" 5 env JOBQ_DATABASE_URL="$BAD_DB" "$J" submit noop --wait
check_status "other commands run in the caller" 5 env JOBQ_DATABASE_URL="$BAD_DB" "$J" stats
check_status "a declined submit still works with a good URL" 0 \
  bash -c "echo '{\"x\":1}' | '$J' submit echo - --wait --wait-timeout 20s"

# ---------------------------------------------------------------- hostile input, a second agent
check_status "a second agent on a live socket is refused" 2 "$J" agent --socket "$SOCK"
check_eq "with one line naming the socket" 1 "$(grep -c "already listens on $SOCK" <<<"$ERR")"
_jq_py - "$SOCK" >"$T/hostile.out" 2>&1 <<'EOF'
import socket, struct, sys
def ask(data):
    s = socket.socket(socket.AF_UNIX)
    s.connect(sys.argv[1])
    try:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
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
frame = lambda body: b"JQA1" + struct.pack(">I", len(body)) + body
print(ask(b"GET / HTTP/1.0\r\n\r\n"))
print(ask(b"JQA1" + struct.pack(">I", 1 << 30)))
print(ask(frame(b"submit\0noop")))            # not NUL-ended
print(ask(frame(b"submit\0" * 2000)))         # too many arguments
print(ask(b"JQA1\0\0\0\x10abc"))              # cut short
EOF
check_eq "the oversized frame was refused with a message" 1 "$(grep -c 'over the 4 MiB limit' "$T/hostile.out")"
check_eq "the malformed lists were refused with a message" 2 "$(grep -c 'NUL-ended arguments' "$T/hostile.out")"
check_status "the agent still serves" 0 env JOBQ_DATABASE_URL="$BAD_DB" "$J" submit noop
check "the agent still runs" is_running agent

# ---------------------------------------------------------------- the servers end its sessions
check_eq "the agent's database session ended" t "$(sql "select bool_and(pg_terminate_backend(pid))
  from pg_stat_activity where datname = current_database() and application_name = 'libjobq'")"
check_status "a submit after the database ended the session" 0 env JOBQ_DATABASE_URL="$BAD_DB" "$J" submit noop
check "the broker closes the agent's connection" close_connections libjobq
jq_nap 0.3
check_status "a submit after the broker closed the connection: saved and confirmed" 0 \
  env JOBQ_DATABASE_URL="$BAD_DB" "$J" submit noop
id="$OUT"
check_eq "that job is marked published" t "$(sql "select published_at is not null from jobs where id = '$id'")"

# ---------------------------------------------------------------- another user's socket
# An agent of another user (nobody) in a folder everyone may write to (like /tmp): the
# front end does not send it the command line (it may have been put there to receive the
# submits), warns, and runs the submit itself.
chmod 711 "$T"
mkdir -m 1777 "$T/shared"
start_proc other runuser -u nobody -- env JOBQ_DATABASE_URL="$JOBQ_DATABASE_URL" \
  JOBQ_AMQP_URL="$JOBQ_AMQP_URL" "$J" agent --socket "$T/shared/other.sock" --mode 0666
SOCK="$T/shared/other.sock" wait_for 15 "nobody's agent listens" listening
before=$(sql "select count(*) from jobs")
check_status "a submit is not sent to another user's agent" 0 \
  env JOBQ_AGENT_SOCKET="$T/shared/other.sock" "$J" submit noop
check_eq "it warns, naming the socket" 1 "$(grep -c "not using the agent at $T/shared/other.sock" <<<"$ERR")"
check_eq "and saved the job itself, once" $(( before + 1 )) "$(sql "select count(*) from jobs")"
stop_proc other TERM || true

# ---------------------------------------------------------------- killed, stale, replaced, stopped
stop_proc agent KILL || true
check "a killed agent leaves its socket file" test -S "$SOCK"
if listening 2>/dev/null; then fail "…on which nothing listens"; else _jq_ok "…on which nothing listens"; fi
check_status "with no agent listening, submit runs in the caller" 0 "$J" submit noop
check_status "…and so fails with the caller's bad URL (nothing sent to a dead agent)" 5 \
  env JOBQ_DATABASE_URL="$BAD_DB" "$J" submit noop
start_agent --mode 0660
check_eq "the new agent took the stale socket over, mode 0660" 660 "$(stat -c %a "$SOCK")"
check_status "and serves" 0 env JOBQ_DATABASE_URL="$BAD_DB" "$J" submit noop
stop_proc agent TERM
check_eq "SIGTERM stops it with status 0" 0 "$STATUS"
check "and removes its socket" test ! -e "$SOCK"
