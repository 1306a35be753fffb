#!/usr/bin/env bash
# test_worker_python — persistent handlers written with the Python SDK (clients/python,
# jobq.worker) under a real jobq-consumer: examples/python-worker/worker.py as the pools of
# types parse and count, run by Debian's python3 with the package from the source tree
# (PYTHONPATH). The scenario is worker_sdk_lib.sh's: result, permanent failure, retry_in,
# progress in `jobq status`, cancel of a running job, SIGKILL of a child mid-job.
# Needs the worker pool (handlers with mode = "persistent").
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/worker_sdk_lib.sh"
jq_setup worker_python

SRC=$(_jq_src_dir)
PY=/usr/bin/python3
[[ -x "$PY" ]] || { fail "$PY is not installed"; exit 1; }
SDK_SCRIPT="$SRC/examples/python-worker/worker.py"
SDK_COMM=python3   # python3.11 and the like
sdk_worker_scenario python "\"$PY\", \"$SDK_SCRIPT\"" "\"PYTHONPATH=$SRC/clients/python\""
