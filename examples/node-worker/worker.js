#!/usr/bin/env node
// An example persistent handler in Node (require('jobq/worker')), serving two job types:
//
//   parse  payload {"text": "<JSON text>"}: returns the parsed value. A payload without a
//          string "text", or a text that is not JSON, fails permanently.
//   count  payload {"to": N, "step": S}: counts to N (default 10), one step every S seconds
//          (default 0.5), reporting progress {"done": i, "of": N} at each step; a cancel
//          (job.signal) stops it at once. With "unavailable_attempts": K and "retry_in": D,
//          attempts 1..K fail as a flaky upstream would, asking for the next attempt after D
//          ("5s", or seconds). Resolves {"counted": N, "pid": <this process>}.
//
// jobq-consumer starts it once per pool process (jobq.conf next to this file);
// JOBS_PER_PROCESS (the handlers entry's jobs_per_process) sets how many jobs run at once.
'use strict';
const { setTimeout: sleep } = require('node:timers/promises');
const { run, Permanent, Retry } = require('jobq/worker');

function parse(job) {
  const p = job.payload;
  if (p === null || typeof p !== 'object' || typeof p.text !== 'string') {
    throw new Permanent('payload must be an object with a string "text"');
  }
  try {
    return JSON.parse(p.text);
  } catch (e) {
    throw new Permanent(`payload.text is not JSON: ${e.message}`);
  }
}

async function count(job) {
  const p = job.payload !== null && typeof job.payload === 'object' ? job.payload : {};
  const to = p.to ?? 10;
  const step = p.step ?? 0.5;
  if (!Number.isInteger(to) || to < 0 || to > 100000) throw new Permanent('payload.to must be an integer from 0 to 100000');
  if (typeof step !== 'number' || !(step >= 0 && step <= 3600)) throw new Permanent('payload.step must be a number of seconds from 0 to 3600');
  if (job.attempt <= (p.unavailable_attempts ?? 0)) {
    throw new Retry(`upstream unavailable on attempt ${job.attempt}`, { in: p.retry_in });
  }
  for (let done = 0; done < to; done++) {
    job.progress({ done, of: to });
    try {
      await sleep(step * 1000, undefined, { signal: job.signal }); // rejects at once on a cancel
    } catch (e) {
      if (!job.cancelled) throw e;
      job.log(`stopping at ${done} of ${to}: ${job.cancelReason}`);
      throw new Retry(`stopped at ${done} of ${to}`);
    }
  }
  job.progress({ done: to, of: to });
  return { counted: to, pid: process.pid };
}

run({ parse, count }, { concurrency: Number(process.env.JOBS_PER_PROCESS || 1) });
