// A typed use of the client, compiled (not run) by tests/integration/test_client_node.sh with
// `tsc -p test/types`: index.d.ts must accept every call of the README and refuse misuse
// (each @ts-expect-error line must be an error, or tsc fails).
import {
  Client, JobFailed, JobCancelled, WaitTimeout, InvalidArgument, JobNotFound, JobqError,
  JobStatus, JobState, SubmitOptions, JobSpec, Queryable,
} from '../..';

declare const console: { log(...a: unknown[]): void };

export async function use(conn: Queryable): Promise<void> {
  const c = new Client('postgresql://app@db/app', { pollInterval: 2 });
  const c2 = new Client({ connectionString: 'postgresql://app@db/app', max: 4 });
  const c3 = new Client();
  const o: SubmitOptions = { queue: 'q', delay: 5, key: 'k', maxAttempts: 2, timeout: 3, metadata: { a: 1 }, uniqueFor: 60, conn };
  const id: string = await c.submit('echo', { x: 1 }, o);
  await c.submit('noop');
  await c.submit('noop', null, { runAt: new Date() });
  const jobs: JobSpec[] = [{ type: 'noop', runAt: '2030-01-01T00:00:00Z' }, { type: 'echo', payload: [1], delay: 1 }];
  const ids: string[] = await c.submitMany(jobs, { conn });
  await c.submit('noop', null, { after: id, afterAny: [ids[0]], conn });
  await c.submitMany([{ type: 'noop', ref: 'a' }, { type: 'noop', after: ['a', id], afterAny: 'a' }]);
  const w: JobState = 'waiting';
  const st: JobStatus = await c.status(id);
  const was: JobState = await c.cancel(ids[0], 'why');
  try {
    const result: unknown = await c.wait(id, { timeout: 3 });
    console.log(result);
  } catch (e) {
    if (e instanceof JobFailed) console.log(e.error, e.status.attempt, e.jobId);
    if (e instanceof JobCancelled) console.log(e.reason);
    if (e instanceof WaitTimeout || e instanceof JobNotFound || e instanceof InvalidArgument) console.log(e.message);
    if (e instanceof JobqError) console.log(e.code);
  }
  console.log(st.runAt?.toISOString(), st.createdAt.getTime(), st.maxAttempts, was, w);
  // @ts-expect-error maxAttempts is a number
  await c.submit('noop', {}, { maxAttempts: '2' });
  // @ts-expect-error options are camelCase
  await c.submit('noop', {}, { max_attempts: 2 });
  // @ts-expect-error a job needs a type
  await c.submitMany([{ payload: {} }]);
  // @ts-expect-error after takes job ids, not numbers
  await c.submit('noop', {}, { after: [1] });
  // @ts-expect-error submitMany's field is afterAny
  await c.submitMany([{ type: 'noop', after_any: 'a' }]);
  // @ts-expect-error status has no such field
  console.log(st.max_attempts);
  await Promise.all([c.close(), c2.close(), c3.close()]);
}
