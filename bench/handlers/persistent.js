// The Node persistent handler of the handlers scenario, written with jobq's Node SDK
// (clients/node, jobq/worker; its path in $BENCH_NODE_WORKER). Types as persistent.py:
// parse (work(payload)) and wait (with {"hold": true}: until cancelled, at most 600 s).
'use strict';

const { run, Retry } = require(process.env.BENCH_NODE_WORKER || 'jobq/worker');
const { work } = require('./work.js');

function wait(job) {
  if (!job.payload.hold) return { pid: process.pid };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Retry('not cancelled within 600 s')), 600000);
    job.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Retry(`cancelled (${job.cancelReason})`));
    }, { once: true });
  });
}

run({ parse: (job) => work(job.payload), wait });
