#!/usr/bin/env bash
# test_client_python — the Python client (clients/python) against the real stack:
#  - `pip install` of the package works in a venv of Debian's python3 with the system's
#    packages (psycopg, setuptools) and no index, and the suite imports that installed copy;
#  - its unittest suite (clients/python/tests) passes, the client connecting as jobq_app (a
#    member of jobq_producer only): submit + wait returns the result, a failure raises
#    JobFailed, a cancel of a running job raises JobCancelled in wait, status fields,
#    submit_many's order and keys, the idempotency key, bad input → InvalidArgument with the
#    server's message, a submit in an application transaction that rolls back (no job) and
#    one that commits (it runs), psycopg2 application connections, threads, reconnects,
#    dependencies (submit's after/after_any in an application transaction, a submit_many
#    graph of refs: waiting first, each run after its dependencies ended, a failed one
#    cancelling its dependent);
#  - afterwards nothing is left running and no session is left watching a job.
source "$(dirname "$0")/lib.sh"
jq_setup client_python

PY=/usr/bin/python3
SRC="$JOBQ_SOURCE_DIR/clients/python"

check --fatal "migrate" jobq migrate
check --fatal "the role jobq_app is a member of jobq_producer" sql_is t \
  "select pg_has_role('jobq_app', 'jobq_producer', 'MEMBER')"
start_consumer w1 --worker-id w1 --concurrency 4

# A copy: pip builds in the package's folder (build/, *.egg-info), which stays clean.
cp -r "$SRC" "$T/pkg"
rm -rf "$T/pkg/build" "$T/pkg/"*.egg-info
check --fatal "a venv of Debian's python3 with the system packages" \
  "$PY" -m venv --system-site-packages "$T/venv"
check --fatal "pip install of the package (no index, no build isolation)" \
  "$T/venv/bin/pip" install --no-build-isolation --no-index --no-cache-dir -q "$T/pkg"
check_status "the venv imports the installed jobq, with its py.typed" 0 \
  "$T/venv/bin/python" -c 'import jobq, os; d = os.path.dirname(jobq.__file__); print(d); assert os.path.isfile(os.path.join(d, "py.typed"))'
check "... from the venv's site-packages" grep -q "^$T/venv/lib/.*/site-packages/jobq$" "$OUT_FILE"

# The suite runs from the tests folder (not the package's, so `import jobq` is the venv's).
# Its client modules only (test_client*.py): the worker SDK's (test_worker.py) is
# test_worker_sdk.sh's.
check_status "the unittest suite passes" 0 env -C "$SRC/tests" \
  JOBQ_TEST_APP_DSN="postgresql://jobq_app:jobq_app@127.0.0.1:$JOBQ_TEST_PG_PORT/$TEST_DB" \
  JOBQ_TEST_WORKER=w1 timeout 300 "$T/venv/bin/python" -m unittest discover -s . -p 'test_client*.py' -v
sed -n 's/^/#   /p' "$ERR_FILE"
ran=$(sed -nE 's/^Ran ([0-9]+) tests? in .*/\1/p' "$ERR_FILE")
check "... and ran all its tests (${ran:-none}), none skipped" \
  test "${ran:-0}" -ge 17 -a "$(grep -c '\.\.\. skipped' "$ERR_FILE")" -eq 0
note "python client suite: $(grep -E '^(Ran|OK|FAILED)' "$ERR_FILE" | paste -sd' ')"

check_eq "afterwards: nothing is running" 0 "$(sql "select count(*) from jobs where status = 'running'")"
check_eq "afterwards: no session watches a job" 0 "$(sql "select count(*) from job_waiters")"
check_status "consumer stops cleanly on TERM" 0 stop_consumer w1
