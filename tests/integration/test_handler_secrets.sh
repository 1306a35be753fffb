#!/usr/bin/env bash
# test_handler_secrets — a command handler cannot read the worker's credentials (security.md):
#  - the worker is started with secret markers in JOBQ_DATABASE_URL (a harmless
#    application_name parameter), PGAPPNAME and PGPASSWORD (the URL's password wins), and
#    JOBQ_AMQP_URL; a Python handler walks its parent chain (the shim, then the worker) and
#    reads each one's /proc/PID/environ and /proc/PID/cmdline, and its own environment, and
#    reports where it found a marker as its result: nowhere. Its environment holds no PG* and
#    no JOBQ_* variable but the job's own (JOBQ_JOB_ID, JOBQ_ATTEMPT, JOBQ_TYPE) and a
#    handler `env` entry;
#  - a handler with `user = "nobody"` (the worker runs as root here) runs as uid and gid
#    65534 with no other group, finds no marker, and is refused /proc/<worker>/environ;
#    `group = "..."` alone changes only the group;
#  - a worker is not dumpable: one running as nobody has a /proc/PID/environ owned by root;
#  - a worker that is not root refuses a configuration with `user` (exit 2, one line naming
#    handlers[0].user); an unknown user or group is a one-line error too.
# Asserts on the jobs' results in the database and on exit statuses.
source "$(dirname "$0")/lib.sh"
jq_setup handler_secrets

J="$JOBQ_BIN_DIR/jobq"
PY=/usr/bin/python3
[[ -x $PY ]] || PY=$(command -v python3)
M_DB="jqmarkdb$$x" M_PG="jqmarkpg$$x" M_PW="jqmarkpw$$x"
DB_URL="$JOBQ_DATABASE_URL?application_name=$M_DB"

# The probe: its result says which marker it found where, who it runs as, and what it was
# refused. It walks up from its parent until the worker (the first jobq-consumer that is
# not a shim).
chmod 755 "$T"
cat >"$T/probe.py" <<EOF
import json, os
marks = {"db": "$M_DB", "pg": "$M_PG", "pw": "$M_PW", "amqp": "$JOBQ_AMQP_URL"}
found, denied, chain = set(), [], 0
def scan(where, data):
    for name, m in marks.items():
        if m.encode() in data:
            found.add(where + ":" + name)
for k, v in os.environ.items():
    scan("own_env", (k + "=" + v).encode())
pid = os.getppid()
while pid > 1 and chain < 4:
    chain += 1
    cmd = b""
    for f in ("environ", "cmdline"):
        try:
            with open("/proc/%d/%s" % (pid, f), "rb") as fh:
                data = fh.read()
            scan(f, data)
            if f == "cmdline":
                cmd = data
        except OSError as e:
            denied.append("%s:%d" % (f, e.errno))
            if f == "cmdline":
                with open("/proc/%d/comm" % pid, "rb") as fh:
                    cmd = fh.read()
    if b"jobq-consumer" in cmd and b"jobq-exec-shim" not in cmd:
        break
    with open("/proc/%d/stat" % pid) as fh:
        st = fh.read()
    pid = int(st[st.rindex(")") + 2:].split()[1])
print(json.dumps({"uid": os.getuid(), "euid": os.geteuid(), "gid": os.getgid(),
                  "groups": sorted(os.getgroups()), "found": sorted(found),
                  "denied": denied, "chain": chain, "env": sorted(os.environ)}))
EOF
chmod 644 "$T/probe.py"
cat >"$T/jobq.conf" <<EOF
handlers = (
  { type = "probe"; command = [ "$PY", "$T/probe.py" ]; env = [ "PROBE=1" ]; }
);
EOF
cat >"$T/nobody.conf" <<EOF
handlers = (
  { type = "probe_nobody"; command = [ "$PY", "$T/probe.py" ]; user = "nobody"; },
  { type = "probe_group"; command = [ "$PY", "$T/probe.py" ]; group = "nogroup"; }
);
EOF

check --fatal "migrate" jobq migrate
# run_probe WORKER TYPE: run one probe job on a worker started with the markers; prints
# its result (JSON) or nothing.
run_probe() {
  local id
  id=$("$J" submit "$2" '{}') || return 0
  wait_for 30 "$2 job finished" sql_is succeeded "select status from jobs where id='$id'" || {
    sql "select status, error from jobs where id='$id'" >&2; return 0; }
  sql "select result::text from jobs where id='$id'"
}
field() { json_get "$1" <<<"$2"; }

start_proc w1 env JOBQ_DATABASE_URL="$DB_URL" PGAPPNAME="$M_PG" PGPASSWORD="$M_PW" \
  "$JOBQ_BIN_DIR/jobq-consumer" --worker-id w1 --concurrency 1 --queues default
r=$(run_probe w1 probe)
note "probe as the worker's user: $r"
check "the probe ran (a result)" test -n "$r"
check_eq "no marker found in the worker's or the shim's environ/cmdline, nor in the handler's env" \
  '[]' "$(field 'd["found"]' "$r")"
check "the probe walked up to the worker (shim, worker: 2)" test "$(field 'd["chain"]' "$r")" = 2
check_eq "no PG* variable and no JOBQ_* but the job's own in the handler's environment" '[]' \
  "$(field '[k for k in d["env"] if k.startswith("PG") or (k.startswith("JOBQ_") and k not in ("JOBQ_JOB_ID", "JOBQ_ATTEMPT", "JOBQ_TYPE", "JOBQ_CONTROL_FD"))]' "$r")"
check "the handler's env entry and the job's id are there" \
  test "$(field '"PROBE" in d["env"] and "JOBQ_JOB_ID" in d["env"]' "$r")" = true
stop_consumer w1

# ---- a handler under another user (the worker is root here)
if [[ $(id -u) == 0 ]]; then
  start_proc w2 env JOBQ_CONFIG="$T/nobody.conf" JOBQ_DATABASE_URL="$DB_URL" PGAPPNAME="$M_PG" \
    PGPASSWORD="$M_PW" "$JOBQ_BIN_DIR/jobq-consumer" --worker-id w2 --concurrency 1
  r=$(run_probe w2 probe_nobody)
  note "probe as nobody: $r"
  check_eq "user = nobody: uid, euid, gid, groups" '[65534, 65534, 65534, [65534]]' \
    "$(field '[d["uid"], d["euid"], d["gid"], d["groups"]]' "$r")"
  check_eq "user = nobody: no marker found" '[]' "$(field 'd["found"]' "$r")"
  check "user = nobody: the worker's environ was refused (EACCES)" \
    test "$(field '"environ:13" in d["denied"]' "$r")" = true
  r=$(run_probe w2 probe_group)
  note "probe with group nogroup: $r"
  check_eq "group = nogroup alone: uid 0, gid 65534, groups [65534]" '[0, 65534, [65534]]' \
    "$(field '[d["uid"], d["gid"], d["groups"]]' "$r")"
  stop_consumer w2

  # a worker that is not root is not dumpable: its /proc files are root's, not its user's
  start_proc w3 setpriv --reuid=nobody --regid=nogroup --clear-groups \
    "$JOBQ_BIN_DIR/jobq-consumer" --worker-id w3 --concurrency 1
  wait_for 20 "w3 registered" sql_is 1 "select count(*) from workers where id='w3'" || true
  check_eq "a worker running as nobody: its /proc/PID/environ belongs to uid 0 (not dumpable)" \
    0 "$(stat -c %u "/proc/$(pid_of w3)/environ")"
  stop_consumer w3

  # a worker that is not root cannot switch users: refused at load, one line
  check_status "--check-config as nobody with handlers[0].user: exit 2" 2 \
    setpriv --reuid=nobody --regid=nogroup --clear-groups env JOBQ_CONFIG="$T/nobody.conf" \
    "$JOBQ_BIN_DIR/jobq-consumer" --check-config
  # shellcheck disable=SC2016  # the single quotes are meant: bash -c's script reads its own arguments
  check "... one line naming handlers[0].user and root (got: $ERR)" \
    bash -c '[[ $(wc -l <<<"$1") == 1 && $1 == *"handlers[0].user"*root* ]]' _ "$ERR"
else
  note "not root: the user/group part is skipped"
fi
cat >"$T/bad.conf" <<EOF
handlers = ( { type = "x"; command = [ "/bin/true" ]; user = "no_such_user_jq"; } );
EOF
check_status "an unknown user: exit 2" 2 env JOBQ_CONFIG="$T/bad.conf" \
  "$JOBQ_BIN_DIR/jobq-consumer" --check-config
# shellcheck disable=SC2016  # the single quotes are meant: bash -c's script reads its own arguments
check "... one line naming the user (got: $ERR)" \
  bash -c '[[ $(wc -l <<<"$1") == 1 && $1 == *"handlers[0].user"*no_such_user_jq* ]]' _ "$ERR"
sed -i 's/user = "no_such_user_jq"/group = "no_such_group_jq"/' "$T/bad.conf"
check_status "an unknown group: exit 2" 2 env JOBQ_CONFIG="$T/bad.conf" \
  "$JOBQ_BIN_DIR/jobq-consumer" --check-config
# shellcheck disable=SC2016  # the single quotes are meant: bash -c's script reads its own arguments
check "... one line naming the group (got: $ERR)" \
  bash -c '[[ $(wc -l <<<"$1") == 1 && $1 == *"handlers[0].group"*no_such_group_jq* ]]' _ "$ERR"
