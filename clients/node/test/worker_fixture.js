// A persistent handler for worker.test.js: one job type per behaviour of jobq/worker.
//   node worker_fixture.js [CONCURRENCY]   (started by the test with JOBQ_PROTOCOL_FD=3)
'use strict';
const { run, Permanent, Retry } = require('../lib/worker');

const concurrency = Number(process.argv[2] || 1);
let arrived = 0;
let release;
const allThere = new Promise((resolve) => { release = resolve; });

run({
  attrs: (job) => ({
    id: job.id, type: job.type, attempt: job.attempt, maxAttempts: job.maxAttempts,
    payload: job.payload, deadline: job.deadline && job.deadline.toISOString(), cancelled: job.cancelled,
  }),
  echo: async (job) => job.payload,
  none: () => undefined,
  perm: () => { throw new Permanent('bad input: x\nmissing'); },
  retry: (job) => {
    if (job.payload && 'in' in job.payload) throw new Retry('later', { in: job.payload.in });
    throw new Retry();
  },
  boom: async () => { throw new TypeError('bad\nthing'); },
  throwString: () => { throw 'just text'; }, // eslint-disable-line no-throw-literal
  badResult: () => ({ n: 10n }),
  fnResult: () => () => 1,
  progress: async (job) => {
    job.progress({ done: 1, of: 2 });
    job.log('half way', 'warn');
    job.log('no level');
    console.log('printed by the handler');
    return 'done';
  },
  badProgress: (job) => { job.progress(undefined); },
  badLevel: (job) => { job.log('x', 'loud'); },
  waitCancel: (job) => new Promise((resolve) => {
    job.progress('waiting');
    const t = setTimeout(() => resolve({ cancelled: false }), 20000);
    job.signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve({ cancelled: job.cancelled, reason: job.cancelReason, name: job.signal.reason.name });
    });
  }),
  // Resolves only once `concurrency` of them run at the same time (10 s at most).
  barrier: async () => {
    const index = arrived++;
    if (arrived === concurrency) release();
    const t = setTimeout(() => release('timeout'), 10000);
    const how = await allThere;
    clearTimeout(t);
    if (how === 'timeout') throw new Error('not all jobs ran at once');
    return { index };
  },
}, { concurrency });
