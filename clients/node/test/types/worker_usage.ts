// A typed use of the worker SDK, compiled (not run) with index.d.ts's usage.ts by
// tests/integration/test_client_node.sh (`tsc -p test/types`): worker.d.ts must accept the
// README's calls and refuse misuse (each @ts-expect-error line must be an error).
import { run, Job, Permanent, Retry, RunOptions, PROTOCOL } from '../../worker';

const p: 1 = PROTOCOL;
const opts: RunOptions = { concurrency: 4 };

async function resize(job: Job): Promise<{ ok: boolean }> {
  job.progress({ done: 1, of: 3 });
  job.log('starting', 'debug');
  job.log('plain');
  const id: string = job.id;
  const n: number = job.attempt + job.maxAttempts;
  const d: Date | null = job.deadline;
  if (job.cancelled || job.signal.aborted) throw new Retry('stopped', { in: '30s' });
  if (job.cancelReason === 'timeout') throw new Retry('later', { in: 5 });
  if (job.payload === null) throw new Permanent('no payload');
  const r: number | null = new Retry().retryIn;
  job.signal.addEventListener('abort', () => undefined, { once: true });
  void [id, n, d, r, p];
  return { ok: true };
}

run({ resize, echo: (job) => job.payload, none: () => undefined }, opts);
run({ resize });

// @ts-expect-error a level jobq does not know
export const badLevel = (job: Job) => job.log('x', 'loud');
// @ts-expect-error concurrency is a number
run({ resize }, { concurrency: '2' });
// @ts-expect-error Retry's delay is seconds or a duration text
export const badRetry = new Retry('x', { in: new Date() });
// @ts-expect-error the job is read-only
export const assign = (job: Job) => { job.id = 'x'; };
