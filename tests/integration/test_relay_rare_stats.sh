#!/usr/bin/env bash
# test_relay_rare_stats — test_relay_stale_stats on statistics that saw 800 finished jobs
# and no waiting one (see JQ_STALE_FINISHED there): the relays' probes still read a few
# index entries per queue, not every due or held job through an index the queue filters.
JQ_STALE_FINISHED=800 JQ_STALE_NAME=relay_rare_stats exec bash "$(dirname "$0")/test_relay_stale_stats.sh"
