#!/usr/bin/env bash
# test_client_node — the Node client (clients/node) against the real stack: its node:test
# suite (clients/node/test) runs against a migrated database with a consumer up, the client
# logged in as jobq_app (a member of jobq_producer: the SQL API and nothing else) and the
# suite's checks on the tables as jobq. It covers submit + wait with the result, failure
# (JobFailed), cancel of a running job (JobCancelled), status, submitMany order and keys,
# idempotency keys, bad input (InvalidArgument with the server's message), a job enqueued in
# an application transaction that rolls back (no row, never runs) and one that commits
# (runs), dependencies (submit's after/afterAny in an application transaction, a submitMany
# graph of refs: waiting first, each run after its dependencies ended, a failed one
# cancelling its dependent), a wait ended by the notification alone, the loss of the
# waiting connection, close.
# TypeScript (a devDependency) checks index.d.ts and worker.d.ts against typed uses of the
# client and of the worker SDK (whose suite, test/worker.test.js, test_worker_sdk.sh runs), and an
# application installs the package as the README says and submits and waits through it.
# The client's dependencies (pg and typescript, from the npm registry) are installed by
# `npm ci` from clients/node/package-lock.json into $JOBQ_BIN_DIR/node-client (offline from
# npm's cache when it can), again only when package.json or the lock file changed; the
# suite finds them through NODE_PATH.
source "$(dirname "$0")/lib.sh"
jq_setup client_node

SRC=$(_jq_src_dir)/clients/node
DEPS="$JOBQ_BIN_DIR/node-client"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  fail "node and npm are not installed (scripts/deps installs them)"; exit 1
fi
npm_ci() { (cd "$DEPS" && timeout -k 5 300 npm ci --no-audit --no-fund --ignore-scripts "$@") >>"$T/npm.log" 2>&1; }
mkdir -p "$DEPS"
if ! cmp -s "$SRC/package.json" "$DEPS/package.json" || ! cmp -s "$SRC/package-lock.json" "$DEPS/package-lock.json" ||
   [[ ! -d "$DEPS/node_modules/pg" ]]; then
  cp "$SRC/package.json" "$SRC/package-lock.json" "$DEPS/"
  if ! npm_ci --offline; then
    check --fatal "npm ci installs the client's dependencies (log: $T/npm.log)" npm_ci
  fi
fi

# index.d.ts: a typed use of every call compiles, and each misuse marked in it is refused.
check "index.d.ts types clients/node/test/types/usage.ts (tsc --strict)" \
  node "$DEPS/node_modules/typescript/bin/tsc" -p "$SRC/test/types"

check --fatal "migrate" jobq migrate
start_consumer w1 --worker-id w1 --concurrency 4

# The package as an application installs it (README: npm install --install-links): its files
# and its dependency pg land in the application's node_modules, and it submits and waits.
app="$T/app"
mkdir -p "$app"
printf '{"name": "app", "version": "1.0.0", "private": true}\n' >"$app/package.json"
cat >"$app/use.js" <<'JS'
const { Client } = require('jobq');
(async () => {
  const c = new Client(process.env.JOBQ_CLIENT_DATABASE_URL);
  const id = await c.submit('echo', { app: 1 });
  console.log(JSON.stringify(await c.wait(id, { timeout: 30 })));
  await c.close();
})().catch((e) => { console.error(e.message); process.exit(1); });
JS
install_app() {
  (cd "$app" && timeout -k 5 300 npm install --no-audit --no-fund --ignore-scripts --install-links "$SRC" "$@") \
    >>"$T/npm.log" 2>&1
}
if ! install_app --offline; then
  check --fatal "npm install --install-links clients/node into an application (log: $T/npm.log)" install_app
fi
check "the application's node_modules has jobq's files and pg" \
  test -f "$app/node_modules/jobq/lib/index.js" -a -f "$app/node_modules/jobq/index.d.ts" -a -d "$app/node_modules/pg"
check_status "the application submits and waits through the installed package" 0 \
  env JOBQ_CLIENT_DATABASE_URL="postgresql://jobq_app:jobq_app@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB" node "$app/use.js"
check_eq "... and prints the job's result" '{"app":1}' "$OUT"

# TAP output: every test's line in the log, and its counts for the checks below. The
# client's files only: the worker SDK's suite (test/worker*.test.js) is test_worker_sdk.sh's.
suites=()
for f in "$SRC"/test/*.test.js; do
  [[ "$(basename "$f")" == worker* ]] || suites+=("$f")
done
check_status "the node client's suite passes" 0 \
  env NODE_PATH="$DEPS/node_modules" \
  JOBQ_CLIENT_DATABASE_URL="postgresql://jobq_app:jobq_app@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB" \
  node --test --test-reporter=tap "${suites[@]}"
check_tap_counts "node client" 20
