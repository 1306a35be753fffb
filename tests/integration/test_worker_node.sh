#!/usr/bin/env bash
# test_worker_node — persistent handlers written with the Node SDK (clients/node,
# require('jobq/worker')) under a real jobq-consumer: examples/node-worker/worker.js as the
# pools of types parse and count, run by node, which finds the package as jobq through
# NODE_PATH (a folder of the test holding a link to clients/node, so the package's exports
# map is what resolves 'jobq/worker'). The scenario is worker_sdk_lib.sh's: result, permanent
# failure, retry_in, progress in `jobq status`, cancel of a running job, SIGKILL of a child
# mid-job. Needs the worker pool (handlers with mode = "persistent").
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/worker_sdk_lib.sh"
jq_setup worker_node

SRC=$(_jq_src_dir)
NODE=$(command -v node || true)
[[ -n "$NODE" ]] || { fail "node is not installed (scripts/deps installs it)"; exit 1; }
mkdir -p "$T/node_path"
ln -s "$SRC/clients/node" "$T/node_path/jobq"
SDK_SCRIPT="$SRC/examples/node-worker/worker.js"
SDK_COMM=node
sdk_worker_scenario node "\"$NODE\", \"$SDK_SCRIPT\"" "\"NODE_PATH=$T/node_path\""
