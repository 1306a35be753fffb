#!/usr/bin/env bash
# test_web_browser — the web console in a real browser: Debian's chromium driven by
# puppeteer-core (tests/browser/web.test.js, node --test): log in with the password (the
# session cookie HttpOnly and SameSite=Strict, out of reach of scripts), filter the job list
# by type, open a job from it, cancel a running job and see another open page of it change
# to cancelled without a reload (the server-sent events of /jobs/ID/events), retry a failed
# job, and find hostile values (markup, quotes, control characters in the payload, error,
# metadata and worker id) as text in the DOM with no script of theirs run. A script error
# or a refused resource on any page fails the suite. It takes the screenshots of every page
# that docs/web.md shows (docs/img/web-*.png; set JQ_WEB_SHOTS=DIR to write them elsewhere,
# or JQ_WEB_SHOTS= for none).
# puppeteer-core comes from tests/browser/package-lock.json: the tests/browser/node_modules
# that scripts/deps installed when it holds the lock file's version, else `npm ci` into
# $JOBQ_BIN_DIR/web-browser (offline from npm's cache when it can), again only when the
# package files changed; it downloads no browser (PUPPETEER_SKIP_DOWNLOAD).
source "$(dirname "$0")/lib.sh"
jq_setup web_browser

SRC=$(_jq_src_dir)/tests/browser
DEPS="$JOBQ_BIN_DIR/web-browser"
SHOTS=${JQ_WEB_SHOTS-$(_jq_src_dir)/docs/img}
PY=/usr/bin/python3
[[ -x $PY ]] || PY=$(command -v python3)
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

check --fatal "chromium is installed (scripts/deps installs it)" test -x /usr/bin/chromium
check --fatal "node and npm are installed (scripts/deps installs them)" \
  bash -c 'command -v node && command -v npm'
npm_ci() {
  (cd "$DEPS" && PUPPETEER_SKIP_DOWNLOAD=1 timeout -k 5 300 npm ci --no-audit --no-fund --ignore-scripts "$@") \
    >>"$T/npm.log" 2>&1
}
# scripts/deps installs the lock file's packages in tests/browser itself: those are used as
# they are (an `npm ci` of its own took over 300 s on a loaded machine); else the build dir
# gets its own copy.
# installed_as_locked DIR: DIR/node_modules holds the puppeteer-core version the lock names
installed_as_locked() {
  "$PY" - "$1" <<'PYEOF' 2>/dev/null
import json, sys
d = sys.argv[1]
want = json.load(open(d + "/package-lock.json"))["packages"]["node_modules/puppeteer-core"]["version"]
have = json.load(open(d + "/node_modules/puppeteer-core/package.json"))["version"]
sys.exit(0 if want == have else 1)
PYEOF
}
if [[ "$SRC/node_modules/.package-lock.json" -nt "$SRC/package-lock.json" ]] && installed_as_locked "$SRC"; then
  DEPS=$SRC
fi
mkdir -p "$DEPS"
if [[ "$DEPS" != "$SRC" ]] && { ! cmp -s "$SRC/package.json" "$DEPS/package.json" ||
   ! cmp -s "$SRC/package-lock.json" "$DEPS/package-lock.json" || [[ ! -d "$DEPS/node_modules/puppeteer-core" ]]; }; then
  cp "$SRC/package.json" "$SRC/package-lock.json" "$DEPS/"
  if ! npm_ci --offline; then
    check --fatal "npm ci installs puppeteer-core (log: $T/npm.log)" npm_ci
  fi
fi

check --fatal "migrate" jobq migrate
vh=$(_jq_urlencode "$TEST_VHOST")
check --fatal "grant the broker user jobq_cli its rights on the test vhost" _jq_mgmt PUT \
  "/api/permissions/$vh/jobq_cli" '{"configure":"^$","write":"^(jobq\\.jobs|jobq\\.cancel)$","read":"^$"}'
PASSWORD='browser pass 7'
hash=$(printf '%s\n' "$PASSWORD" | "$JOBQ_BIN_DIR/jobq-web" --hash-password)
printf 'web = { password_hash = "%s"; };\n' "$hash" >"$T/web.conf"
port=$(free_port)
start_proc web env JOBQ_DATABASE_URL="postgresql://jobq_web:jobq_web@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB" \
  JOBQ_AMQP_URL="amqp://jobq_cli:jobq_cli@127.0.0.1:$JOBQ_TEST_AMQP_PORT/$vh" \
  "$JOBQ_BIN_DIR/jobq-web" --config "$T/web.conf" --port "$port"
wait_for 20 "the console answers" curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$port/"
start_consumer w --worker-id w --concurrency 4

# What the pages show: jobs of every state, a schedule, a limit, a dead letter.
for i in 1 2 3 4; do jobq submit --delay 1h --meta "order=$i" report "{\"n\":$i}" >/dev/null; done
for i in 1 2 3; do jobq submit echo "{\"n\":$i}" >/dev/null; done
failed=$(jobq submit fail '{}' --max-attempts 1)
running=$(jobq submit sleep '{"seconds":120}')
wait_for 20 "a job is running and one failed" sql_is "running failed" \
  "select string_agg(status, ' ' order by status desc) from jobs where id in ('$running', '$failed')"
check "a schedule" jobq schedule add nightly '0 3 * * *' report '{"full":true}'
check "a limit" jobq limit set queue:default --max-running 8
printf 'garbage' >"$T/garbage"
check "a malformed message (a dead letter)" "$JOBQ_BIN_DIR/tests/amqp_try" "$JOBQ_AMQP_URL" publish jobq.jobs default "$T/garbage"
wait_for 20 "the dead letter is recorded" sql_is 1 "select count(*) from dead_letters"
hostile=$(sql "insert into jobs (type, queue, status, payload, error, worker_id, job_metadata,
  finished_at, attempt) values ('evil', 'default', 'failed',
  jsonb_build_object('s', '<script>window.jobqXss=1</script> \"q\" ''a'''),
  '<script>window.jobqXss=2</script>' || chr(27) || '[31m red',
  '<img src=x onerror=\"window.jobqXss=3\">', '{\"k\":\"<b>bold</b>\"}', now(), 1)
  returning id" | head -1)

[[ -n "$SHOTS" ]] && mkdir -p "$SHOTS"
check_status "the browser suite (node --test tests/browser/web.test.js)" 0 \
  env NODE_PATH="$DEPS/node_modules" WEB_URL="http://127.0.0.1:$port" WEB_PASSWORD="$PASSWORD" \
  JOB_RUNNING="$running" JOB_FAILED="$failed" JOB_HOSTILE="$hostile" TYPE=report SHOTS="$SHOTS" \
  timeout -k 5 240 node --test --test-reporter=tap "$SRC/web.test.js"
check_tap_counts "web.test.js" 7
check_eq "the job cancelled in the browser ended cancelled" cancelled \
  "$(sql "select status from jobs where id='$running'")"
wait_for 20 "the job retried in the browser ran again (2 failures)" sql_is 2 \
  "select count(*) from job_events where job_id='$failed' and to_status='failed'"
if [[ -n "$SHOTS" ]]; then
  for name in login overview jobs job workers dead schedules bulk; do
    check "screenshot web-$name.png written" test -s "$SHOTS/web-$name.png"
  done
fi
