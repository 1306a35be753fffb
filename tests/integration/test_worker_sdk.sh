#!/usr/bin/env bash
# test_worker_sdk — the unit suites of the worker SDKs, which play the jobq side of worker
# protocol 1 over a real socketpair (no server): clients/python/tests/test_worker.py
# (unittest, Debian's python3, the package from the source tree) and
# clients/node/test/worker.test.js (node:test). Handshake, results, Permanent, Retry's
# delay, exceptions, progress, log, cancel, concurrency, end of channel, bad lines, refusal
# outside jobq. Also: jobq.worker imports without psycopg, and require('jobq/worker') resolves
# through the package's exports map without loading pg.
source "$(dirname "$0")/lib.sh"
jq_setup worker_sdk

SRC=$(_jq_src_dir)/clients
PY=/usr/bin/python3

check_status "the Python worker SDK's suite passes" 0 env -C "$SRC/python" PYTHONPATH="$SRC/python" \
  timeout 300 "$PY" -m unittest discover -s tests -p 'test_worker.py' -v
ran=$(sed -nE 's/^Ran ([0-9]+) tests? in .*/\1/p' "$ERR_FILE")
if (( STATUS != 0 )); then sed -n '1,80s/^/#   /p' "$ERR_FILE"; fi
check "... and ran all its tests (${ran:-none}), none skipped" \
  test "${ran:-0}" -ge 20 -a "$(grep -c '\.\.\. skipped' "$ERR_FILE")" -eq 0
note "python worker SDK: $(grep -E '^(Ran|OK|FAILED)' "$ERR_FILE" | paste -sd' ')"

check_status "jobq.worker imports without psycopg (standard library only)" 0 env PYTHONPATH="$SRC/python" \
  "$PY" -c 'import sys; sys.modules["psycopg"] = None; import jobq.worker, jobq; assert "jobq.client" not in sys.modules'

if ! command -v node >/dev/null; then
  fail "node is not installed (scripts/deps installs it)"; exit 1
fi
check_status "the Node worker SDK's suite passes" 0 \
  timeout 300 node --test --test-reporter=tap "$SRC/node/test/worker.test.js"
check_tap_counts "node worker SDK" 15

# An application folder with the package as node_modules/jobq (a link, as npm link makes).
mkdir -p "$T/app/node_modules"
ln -s "$SRC/node" "$T/app/node_modules/jobq"
check_status "require('jobq/worker') resolves through the exports map, without pg" 0 env -C "$T/app" node -e "
  const w = require('jobq/worker');
  if (typeof w.run !== 'function' || typeof w.Retry !== 'function') process.exit(3);
  if (Object.keys(require.cache).some((k) => k.includes('/node_modules/pg/'))) process.exit(4);"
check_status "... and deep paths stay private (ERR_PACKAGE_PATH_NOT_EXPORTED)" 0 env -C "$T/app" node -e "
  try { require('jobq/lib/worker'); process.exit(3); } catch (e) { process.exit(e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' ? 0 : 4); }"
