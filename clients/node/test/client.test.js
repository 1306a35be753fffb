// Integration tests of the client against a real stack: JOBQ_DATABASE_URL names a migrated
// database (as its owner, for checks on the tables) served by a running jobq-consumer with the
// built-in handlers; the client and the application's transactions log in as
// JOBQ_CLIENT_DATABASE_URL (default: the same), e.g. a member of jobq_producer
// (tests/integration/test_client_node.sh sets this up).
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const pg = require('pg');
const jobq = require('..');

const OWNER_URL = process.env.JOBQ_DATABASE_URL;
if (!OWNER_URL) throw new Error('JOBQ_DATABASE_URL is not set: run through tests/integration/test_client_node.sh');
const CLIENT_URL = process.env.JOBQ_CLIENT_DATABASE_URL || OWNER_URL;
const CLIENT_USER = decodeURIComponent(new globalThis.URL(CLIENT_URL).username);

let client;
let owner; // a connection of our own, for checks on the tables behind the API

before(async () => {
  client = new jobq.Client(CLIENT_URL);
  owner = new pg.Client({ connectionString: OWNER_URL });
  await owner.connect();
});
after(async () => {
  await client.close();
  await owner.end();
});

const rowCount = async (id) => Number((await owner.query('SELECT count(*) AS n FROM jobs WHERE id = $1', [id])).rows[0].n);
const sleepMs = (ms) => new Promise((r) => setTimeout(r, ms));
/** Polls status(id) until `pred` holds, for at most `s` seconds. */
async function until(id, pred, s = 20) {
  const end = Date.now() + s * 1000;
  for (;;) {
    const st = await client.status(id);
    if (pred(st)) return st;
    if (Date.now() > end) assert.fail(`job ${id}: condition not met within ${s} s (status ${st.status})`);
    await sleepMs(50);
  }
}
const unique = (p) => `${p}-${randomUUID()}`;
/** Retries the async assertion `fn` until it passes, for at most `s` seconds. */
async function eventually(fn, s = 10) {
  const end = Date.now() + s * 1000;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > end) throw err;
    }
    await sleepMs(50);
  }
}

test('submit + wait returns the handler result', async () => {
  const payload = { x: 1, s: 'héllo', list: [1, 2, { y: null }] };
  const id = await client.submit('echo', payload);
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.deepEqual(await client.wait(id, { timeout: 30 }), payload);
  assert.deepEqual(await client.wait(id.toUpperCase(), { timeout: 30 }), payload, 'ids in either case');
  const st = await client.status(id);
  assert.equal(st.status, 'succeeded');
  assert.deepEqual(st.result, payload);
});

test('concurrent waits on one client all settle', async () => {
  const ids = await Promise.all([1, 2, 3, 4, 5].map((n) => client.submit('echo', { n })));
  const results = await Promise.all(ids.map((id) => client.wait(id, { timeout: 30 })));
  assert.deepEqual(results, [1, 2, 3, 4, 5].map((n) => ({ n })));
  // two waits on the same job
  const id = await client.submit('sleep', { seconds: 0.3 });
  const both = await Promise.all([client.wait(id, { timeout: 30 }), client.wait(id, { timeout: 30 })]);
  assert.deepEqual(both, [null, null]);
});

test('a failed job rejects wait with JobFailed and its error', async () => {
  const id = await client.submit('fail', { message: 'boom from node', permanent: true });
  await assert.rejects(client.wait(id, { timeout: 30 }), (err) => {
    assert.ok(err instanceof jobq.JobFailed);
    assert.ok(err instanceof jobq.JobqError);
    assert.equal(err.jobId, id);
    assert.equal(err.error, 'boom from node');
    assert.equal(err.status.status, 'failed');
    return true;
  });
  const st = await client.status(id);
  assert.equal(st.status, 'failed');
  assert.equal(st.error, 'boom from node');
  assert.equal(st.attempt, 1);
});

test('cancel of a running job: wait rejects with JobCancelled', async () => {
  const id = await client.submit('sleep', { seconds: 60 });
  await until(id, (st) => st.status === 'running');
  const waiting = client.wait(id, { timeout: 30 });
  const t0 = Date.now();
  assert.equal(await client.cancel(id, 'stopped by the node test'), 'running');
  await assert.rejects(waiting, (err) => {
    assert.ok(err instanceof jobq.JobCancelled);
    assert.equal(err.reason, 'stopped by the node test');
    return true;
  });
  assert.ok(Date.now() - t0 < 10000, `the cancel took ${Date.now() - t0} ms`);
  const st = await client.status(id);
  assert.equal(st.status, 'cancelled');
  assert.equal(st.cancelRequested, true);
  assert.equal(st.cancelReason, 'stopped by the node test');
  // a finished job is left alone
  assert.equal(await client.cancel(id), 'cancelled');
});

test('metadata submitted by the client is found by jobq list --meta', async () => {
  const tenant = unique('node-tenant');
  const mine = await client.submit('noop', {}, { delay: 3600, metadata: { tenant, order: 'o-1', n: 2 } });
  const other = await client.submit('noop', {}, { delay: 3600, metadata: { tenant: unique('other') } });
  // The CLI itself (JOBQ_BIN_DIR: the build; JOBQ_DATABASE_URL and the rest from the test's
  // environment), so that this follows whatever condition jobq list uses.
  const bin = process.env.JOBQ_BIN_DIR;
  if (!bin) assert.fail('JOBQ_BIN_DIR is not set: run through tests/integration/test_client_node.sh');
  const list = (...meta) => JSON.parse(execFileSync(`${bin}/jobq`,
    ['list', '--json', ...meta.flatMap((m) => ['--meta', m])], { encoding: 'utf8', timeout: 30000 }));
  assert.deepEqual(list(`tenant=${tenant}`, 'order=o-1').map((j) => j.id), [mine]);
  assert.deepEqual(list(`tenant=${tenant}`, 'order=o-2'), []);
  // A number is not matched by K=V (docs/cli.md): n=2 finds nothing.
  assert.deepEqual(list(`tenant=${tenant}`, 'n=2'), []);
  assert.deepEqual((await client.status(mine)).metadata, { tenant, order: 'o-1', n: 2 });
  await client.cancel(mine);
  await client.cancel(other);
});

test('status returns every field; unknown ids give JobNotFound', async () => {
  const key = unique('status');
  const before0 = Date.now();
  const id = await client.submit('noop', { a: [1] }, {
    queue: 'node_status', delay: 3600, key, maxAttempts: 7, timeout: 90, metadata: { team: 'node' },
  });
  const st = await client.status(id);
  assert.equal(st.id, id);
  assert.equal(st.type, 'noop');
  assert.equal(st.queue, 'node_status');
  assert.equal(st.status, 'scheduled');
  assert.equal(st.attempt, 0);
  assert.equal(st.maxAttempts, 7);
  assert.deepEqual(st.payload, { a: [1] });
  assert.deepEqual(st.metadata, { team: 'node' });
  assert.equal(st.key, key);
  assert.ok(st.runAt instanceof Date && st.createdAt instanceof Date);
  const ahead = (st.runAt.getTime() - before0) / 1000;
  assert.ok(ahead > 3590 && ahead < 3610, `run_at is ${ahead} s ahead`);
  assert.equal(st.result, null);
  assert.equal(st.startedAt, null);
  assert.equal(st.finishedAt, null);
  assert.equal(st.cancelRequested, false);
  assert.deepEqual(Object.keys(st).sort(), [
    'attempt', 'cancelReason', 'cancelRequested', 'createdAt', 'error', 'finishedAt', 'id', 'key',
    'maxAttempts', 'metadata', 'payload', 'progress', 'queue', 'result', 'runAt', 'startedAt',
    'status', 'statusReason', 'type', 'workerId'].sort());

  // a scheduled job is cancelled at once
  assert.equal(await client.cancel(id, 'not needed'), 'scheduled');
  assert.equal((await client.status(id)).status, 'cancelled');

  // a delay of 0 is no delay: the job is queued at once, not scheduled
  const now0 = await client.submit('noop', null, { delay: 0 });
  const s0 = await client.status(now0);
  assert.notEqual(s0.status, 'scheduled');
  assert.ok(s0.runAt.getTime() <= s0.createdAt.getTime(), 'run_at is not after created_at');

  const unknown = randomUUID();
  await assert.rejects(client.status(unknown), (e) => e instanceof jobq.JobNotFound && e.jobId === unknown);
  await assert.rejects(client.cancel(unknown), jobq.JobNotFound);
  await assert.rejects(client.wait(unknown, { timeout: 5 }), jobq.JobNotFound);
});

test('wait times out with WaitTimeout and leaves the job as it is', async () => {
  const id = await client.submit('noop', null, { delay: 3600 });
  const t0 = Date.now();
  await assert.rejects(client.wait(id, { timeout: 0.5 }), (err) => {
    assert.ok(err instanceof jobq.WaitTimeout);
    assert.equal(err.code, 'ETIMEDOUT');
    return true;
  });
  const took = Date.now() - t0;
  assert.ok(took >= 450 && took < 5000, `the wait took ${took} ms`);
  assert.equal((await client.status(id)).status, 'scheduled');
  await client.cancel(id);
});

test('submitMany returns ids in input order; a repeated key gives the same id', async () => {
  const k1 = unique('many1');
  const k2 = unique('many2');
  const ids = await client.submitMany([
    { type: 'echo', payload: { i: 0 }, key: k1 },
    { type: 'echo', payload: { i: 1 }, key: k2, maxAttempts: 2, metadata: { m: 1 } },
    { type: 'echo', payload: { i: 2 } },
    { type: 'echo', payload: { i: 3 }, key: k1 },
    { type: 'noop', delay: 3600 },
    { type: 'noop', runAt: new Date(Date.now() + 7200 * 1000), queue: 'node_many' },
  ]);
  assert.equal(ids.length, 6);
  assert.equal(ids[3], ids[0], 'the repeated key returned the first job');
  assert.equal(new Set(ids).size, 5);
  for (const i of [0, 1, 2]) assert.deepEqual(await client.wait(ids[i], { timeout: 30 }), { i });
  const s1 = await client.status(ids[1]);
  assert.equal(s1.key, k2);
  assert.equal(s1.maxAttempts, 2);
  assert.deepEqual(s1.metadata, { m: 1 });
  const s4 = await client.status(ids[4]);
  const s5 = await client.status(ids[5]);
  assert.equal(s4.status, 'scheduled');
  assert.equal(s5.status, 'scheduled');
  assert.equal(s5.queue, 'node_many');
  assert.ok(s5.runAt.getTime() - s4.runAt.getTime() > 3500 * 1000);
  assert.deepEqual(await client.submitMany([]), []);
  await client.cancel(ids[4]);
  await client.cancel(ids[5]);
});

test('an idempotency key returns the existing job and creates nothing', async () => {
  const key = unique('idem');
  const a = await client.submit('echo', { first: true }, { key });
  const b = await client.submit('echo', { second: true }, { key });
  assert.equal(b, a);
  assert.deepEqual(await client.wait(a, { timeout: 30 }), { first: true });
  const n = await owner.query('SELECT count(*) AS n FROM jobs WHERE idempotency_key = $1', [key]);
  assert.equal(Number(n.rows[0].n), 1);
  // after the job ended, too
  assert.equal(await client.submit('echo', {}, { key }), a);
});

test('uniqueFor: a key is unique within its window, and makes a new job after it', async () => {
  const key = unique('window');
  // scheduled an hour ahead, so that the consumer leaves them as they are
  // (a window of 3 s: the second call must come within it on a loaded machine too)
  const a = await client.submit('noop', {}, { key, uniqueFor: 3, delay: 3600 });
  assert.equal(await client.submit('noop', {}, { key, uniqueFor: 3 }), a, 'within the window: the same job');
  const expired = async () => (await owner.query(
    'SELECT bool_and(unique_until <= clock_timestamp()) AS e FROM jobs WHERE idempotency_key = $1', [key])).rows[0].e;
  for (let i = 0; i < 100 && !(await expired()); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(await expired(), 'the window ended within 10 s');
  const [b, b2] = await client.submitMany([{ type: 'noop', key, uniqueFor: 3600, delay: 3600 }, { type: 'noop', key }]);
  assert.notEqual(b, a, 'after the window: a new job');
  assert.equal(b2, b, 'a key repeated in the call is that new job');
  const { rows } = await owner.query(
    'SELECT id, expired_key, extract(epoch FROM unique_until - created_at) AS w FROM jobs WHERE $1 IN (idempotency_key, expired_key) ORDER BY created_at',
    [key]);
  assert.deepEqual(rows.map((r) => [r.id, r.expired_key, Number(r.w)]), [[a, key, 3], [b, null, 3600]]);
  assert.equal((await client.status(a)).status, 'scheduled', 'the old job is intact');
  await client.cancel(a);
  await client.cancel(b);
});

test('bad input is an InvalidArgument with the server\'s message', async () => {
  const bad = async (p, message) => assert.rejects(p, (err) => {
    assert.ok(err instanceof jobq.InvalidArgument, `${err.name}: ${err.message}`);
    assert.equal(err.message, message);
    return true;
  });
  await bad(client.submit('bad type!'), "job type 'bad type!' is invalid (1-64 characters of A-Z a-z 0-9 _ . : -)");
  await bad(client.submit('noop', {}, { queue: 'bad q' }), "queue 'bad q' is invalid (1-64 characters of A-Z a-z 0-9 _ . -)");
  await bad(client.submit('noop', {}, { maxAttempts: 0 }), 'max_attempts: 0 is not a whole number from 1 to 1000');
  await bad(client.submit('noop', {}, { key: '' }), 'key must be 1 to 255 characters');
  await bad(client.submit('noop', {}, { metadata: [1] }), 'metadata must be a JSON object');
  await bad(client.submit('noop', {}, { uniqueFor: 60 }), 'unique_for needs a key');
  await bad(client.submit('noop', {}, { key: 'k', uniqueFor: 0 }),
    'unique_for: 00:00:00 must be more than 0 and at most 365 days');
  await bad(client.submitMany([{ type: 'noop', key: 'k', uniqueFor: 'soon' }]),
    'job 1: "unique_for" must be seconds (0 to 31536000) or an interval such as "30 seconds"');
  const key = unique('bad-many');
  await bad(client.submitMany([{ type: 'noop', key }, { type: 'noop' }, { type: 'noop', bogus: 1 }]),
    'job 3: unknown field "bogus"');
  assert.equal(Number((await owner.query('SELECT count(*) AS n FROM jobs WHERE idempotency_key = $1', [key])).rows[0].n), 0,
    'a bad batch inserts nothing');
  // refused before reaching the server
  await assert.rejects(client.submit('noop', {}, { max_attempts: 2 }), /unknown option "max_attempts"/);
  await assert.rejects(client.submit('noop', {}, { delay: 1, runAt: new Date() }), /exclusive/);
  await assert.rejects(client.submit('noop', {}, { delay: -1 }), jobq.InvalidArgument);
  await assert.rejects(client.submit('noop', {}, { maxAttempts: 2.5 }), jobq.InvalidArgument);
  await assert.rejects(client.status('not-a-uuid'), /status: job id "not-a-uuid" is not a UUID/);
  await assert.rejects(client.submit(42), /type must be a string/);
});

test('priority: submit and submitMany take it; 0 to 9 only', async () => {
  const id = await client.submit('echo', { p: 9 }, { priority: 9 });
  const [id3, id0] = await client.submitMany([{ type: 'echo', payload: 3, priority: 3 }, { type: 'echo', payload: 0 }]);
  assert.deepEqual(await client.wait(id), { p: 9 });
  assert.equal(await client.wait(id3), 3);
  assert.equal(await client.wait(id0), 0);
  const { rows } = await owner.query('SELECT priority FROM jobs WHERE id = ANY($1::uuid[]) ORDER BY priority DESC', [[id, id3, id0]]);
  assert.deepEqual(rows.map((r) => r.priority), [9, 3, 0]);
  await assert.rejects(client.submit('noop', {}, { priority: 10 }), (err) => {
    assert.ok(err instanceof jobq.InvalidArgument, `${err.name}: ${err.message}`);
    assert.equal(err.message, 'priority 10 is not a whole number from 0 to 9');
    return true;
  });
  await assert.rejects(client.submit('noop', {}, { priority: 1.5 }), /priority 1.5 is not a whole number from 0 to 9/);
});

test('concurrencyKey: submit and submitMany take it; a bad one is named', async () => {
  const id = await client.submit('echo', { t: 'a' }, { concurrencyKey: 'tenant-a' });
  const [idb, idn] = await client.submitMany([{ type: 'echo', payload: 'b', concurrencyKey: 'tenant-b' },
    { type: 'echo', payload: 'n' }]);
  assert.deepEqual(await client.wait(id), { t: 'a' });
  assert.equal(await client.wait(idb), 'b');
  assert.equal(await client.wait(idn), 'n');
  const { rows } = await owner.query(
    'SELECT concurrency_key FROM jobs WHERE id = ANY($1::uuid[]) ORDER BY concurrency_key NULLS LAST', [[id, idb, idn]]);
  assert.deepEqual(rows.map((r) => r.concurrency_key), ['tenant-a', 'tenant-b', null]);
  await assert.rejects(client.submit('noop', {}, { concurrencyKey: 'a b' }), (err) => {
    assert.ok(err instanceof jobq.InvalidArgument, `${err.name}: ${err.message}`);
    assert.equal(err.message, "concurrency key 'a b' is invalid (1-128 characters of A-Z a-z 0-9 _ . : -)");
    return true;
  });
  await assert.rejects(client.submitMany([{ type: 'noop' }, { type: 'noop', concurrencyKey: 'x/y' }]),
    /job 2: concurrency key 'x\/y' is invalid/);
});

test('priority and uniqueFor together: both are stored', async () => {
  const key = unique('prio-window');
  const a = await client.submit('noop', {}, { key, uniqueFor: 3600, priority: 4, delay: 3600 });
  assert.equal(await client.submit('noop', {}, { key, uniqueFor: 3600, priority: 4 }), a, 'within the window: the same job');
  const [b] = await client.submitMany([{ type: 'noop', key: `${key}-m`, uniqueFor: 60, priority: 2, delay: 3600 }]);
  const { rows } = await owner.query(
    'SELECT priority, extract(epoch FROM unique_until - created_at) AS w FROM jobs WHERE id = ANY($1::uuid[]) ORDER BY priority DESC',
    [[a, b]]);
  assert.deepEqual(rows.map((r) => [r.priority, Number(r.w)]), [[4, 3600], [2, 60]]);
  await client.cancel(a);
  await client.cancel(b);
});

test('a job enqueued in a transaction that rolls back never exists', async () => {
  const app = new pg.Client({ connectionString: CLIENT_URL });
  await app.connect();
  try {
    await app.query('BEGIN');
    await app.query('CREATE TEMP TABLE app_orders (n int)'); // the application's own work
    await app.query('INSERT INTO app_orders VALUES (1)');
    const id = await client.submit('echo', { order: 1 }, { conn: app, key: unique('rollback') });
    const [other] = await client.submitMany([{ type: 'echo' }], { conn: app });
    // inside the transaction the job exists; outside it nothing is committed yet
    assert.equal((await app.query('SELECT status FROM jobq_status($1)', [id])).rows[0].status, 'queued');
    await assert.rejects(client.status(id), jobq.JobNotFound);
    await app.query('ROLLBACK');
    await sleepMs(1500); // time for a relay or a worker to act on it, had it been committed
    assert.equal(await rowCount(id), 0);
    assert.equal(await rowCount(other), 0);
    await assert.rejects(client.status(id), jobq.JobNotFound);
    const runs = await owner.query('SELECT count(*) AS n FROM job_events WHERE job_id = ANY($1::uuid[])', [[id, other]]);
    assert.equal(Number(runs.rows[0].n), 0, 'no transition was ever recorded');
  } finally {
    await app.end();
  }
});

test('a job enqueued in a transaction that commits runs', async () => {
  const app = new pg.Client({ connectionString: CLIENT_URL });
  await app.connect();
  try {
    await app.query('BEGIN');
    const id = await client.submit('echo', { committed: true }, { conn: app });
    const waiting = client.wait(id, { timeout: 30 }); // before the commit: not found yet
    await assert.rejects(waiting, jobq.JobNotFound);
    await sleepMs(300);
    await assert.rejects(client.status(id), jobq.JobNotFound, 'the client did not commit it');
    await app.query('COMMIT');
    assert.deepEqual(await client.wait(id, { timeout: 30 }), { committed: true });
  } finally {
    await app.end();
  }
});

/** True when job `id` started after every job of `deps` finished (read as the owner). */
async function startedAfter(id, deps) {
  const { rows } = await owner.query(`SELECT j.started_at >= (SELECT max(d.finished_at) FROM jobs d
    WHERE d.id = ANY($2::uuid[])) AS ok FROM jobs j WHERE j.id = $1`, [id, deps]);
  return rows[0].ok === true;
}

test('submit with after and afterAny waits for its dependencies', async () => {
  const first = await client.submit('sleep', { seconds: 2 });
  const app = new pg.Client({ connectionString: CLIENT_URL });
  await app.connect();
  let failing;
  let after;
  let both;
  let doomed;
  try {
    await app.query('BEGIN');
    failing = await client.submit('fail', { message: 'dep fails', permanent: true }, { after: first, conn: app });
    after = await client.submit('echo', { after: 1 }, { after: [first.toUpperCase()], conn: app });
    both = await client.submit('echo', { both: 1 }, { after: first, afterAny: [failing], conn: app });
    doomed = await client.submit('noop', {}, { after: [failing, first], conn: app });
    await app.query('COMMIT');
  } finally {
    await app.end();
  }
  for (const id of [failing, after, both, doomed]) assert.equal((await client.status(id)).status, 'waiting');
  assert.deepEqual(await client.wait(after, { timeout: 30 }), { after: 1 });
  assert.ok(await startedAfter(after, [first]), 'after ran once its dependency had finished');
  assert.deepEqual(await client.wait(both, { timeout: 30 }), { both: 1 });
  assert.ok(await startedAfter(both, [first, failing]), 'afterAny ran once the failed job had ended');
  await assert.rejects(client.wait(doomed, { timeout: 30 }), jobq.JobCancelled);
  assert.equal((await client.status(doomed)).statusReason, `dependency ${failing} failed`);
  await assert.rejects(client.submit('noop', {}, { after: failing }), (err) => {
    assert.ok(err instanceof jobq.InvalidArgument);
    assert.equal(err.message, `after: job ${failing} is failed, so this one could never run (use after_any to run after any end)`);
    return true;
  });
  await assert.rejects(client.submit('noop', {}, { after: 'nope' }), /after: job id "nope" is not a UUID/);
});

test('submitMany links a graph of refs in one call', async () => {
  const root = await client.submit('sleep', { seconds: 1 });
  const ids = await client.submitMany([
    { type: 'sleep', payload: { seconds: 1 }, ref: 'a', after: root },
    { type: 'echo', payload: 'b', ref: 'b', after: 'a' },
    { type: 'echo', payload: 'c', ref: 'c', after: ['a'] },
    { type: 'echo', payload: 'sink', after: ['b', 'c'], afterAny: [root] },
  ]);
  assert.equal(new Set(ids).size, 4);
  for (const id of ids.slice(1)) assert.equal((await client.status(id)).status, 'waiting');
  assert.equal(await client.wait(ids[3], { timeout: 30 }), 'sink');
  assert.ok(await startedAfter(ids[0], [root]));
  assert.ok(await startedAfter(ids[1], [ids[0]]));
  assert.ok(await startedAfter(ids[2], [ids[0]]));
  assert.ok(await startedAfter(ids[3], [ids[1], ids[2], root]));
  const edges = await owner.query('SELECT count(*) AS n FROM job_deps WHERE job_id = ANY($1::uuid[])', [ids]);
  assert.equal(Number(edges.rows[0].n), 6);
  await assert.rejects(client.submitMany([{ type: 'noop', ref: 'a' }, { type: 'noop', afterAny: 'zz' }]),
    /^InvalidArgument: job 2: "after_any": unknown ref "zz"$/);
  await assert.rejects(client.submitMany([{ type: 'noop', ref: 'a' }, { type: 'noop', ref: 'a' }]),
    /^InvalidArgument: job 2: "ref": "a" is job 1's too$/);
});

/** The backends of `client`'s listening connection and the ids each watches. */
async function listeners() {
  const { rows } = await owner.query(`SELECT a.pid, array_remove(array_agg(w.job_id::text ORDER BY w.job_id), NULL) AS ids
    FROM pg_stat_activity a LEFT JOIN job_waiters w ON w.backend = a.pid
    WHERE a.application_name = 'jobq-node-wait' AND a.datname = current_database()
      AND a.usename = $1 GROUP BY a.pid`, [CLIENT_USER]);
  return rows;
}

test('wait watches its job on one listening connection and unwatches it when done', async () => {
  const ids = await Promise.all([1, 2].map(() => client.submit('sleep', { seconds: 2 })));
  const waits = ids.map((id) => client.wait(id, { timeout: 30 }));
  await eventually(async () => {
    const during = await listeners();
    assert.equal(during.length, 1, 'one listening connection');
    assert.deepEqual(during[0].ids, [...ids].sort());
  });
  assert.deepEqual(await Promise.all(waits), [null, null]);
  await eventually(async () => assert.deepEqual((await listeners())[0].ids, [], 'both unwatched'));
});

test('a notification ends a wait (no poll for 60 s)', async () => {
  const c = new jobq.Client(CLIENT_URL, { pollInterval: 60 });
  try {
    const id = await c.submit('sleep', { seconds: 1 });
    const t0 = Date.now();
    assert.equal(await c.wait(id, { timeout: 30 }), null);
    const took = Date.now() - t0;
    assert.ok(took < 20000, `the wait took ${took} ms`);
    assert.equal((await c.status(id)).status, 'succeeded');
    // a job that has already ended: the first read answers (nothing will notify, no poll)
    assert.equal(await c.wait(id, { timeout: 20 }), null);
  } finally {
    await c.close();
  }
});

test('wait survives the loss of its listening connection', async () => {
  const id = await client.submit('sleep', { seconds: 2 });
  const waiting = client.wait(id, { timeout: 30 });
  const before1 = await eventually(async () => {
    const l = await listeners();
    assert.deepEqual(l.map((r) => r.ids), [[id]]);
    return l;
  });
  const killed = await owner.query('SELECT pg_terminate_backend($1) AS ok', [before1[0].pid]);
  assert.equal(killed.rows[0].ok, true, 'the listening connection was terminated');
  assert.equal(await waiting, null);
  // the next wait opens a new one
  const id2 = await client.submit('sleep', { seconds: 0.5 });
  const w2 = client.wait(id2, { timeout: 30 });
  await eventually(async () => {
    const after1 = await listeners();
    assert.equal(after1.length, 1);
    assert.notEqual(after1[0].pid, before1[0].pid);
    assert.deepEqual(after1[0].ids, [id2]);
  });
  assert.equal(await w2, null);
});

test('close rejects pending waits and later calls', async () => {
  const c = new jobq.Client({ connectionString: CLIENT_URL });
  const id = await c.submit('noop', null, { delay: 3600 });
  // closed at once, while the wait is still registering: its rejection must reach the
  // caller's handler (not be reported as unhandled)
  const waiting = c.wait(id).then(() => assert.fail('the wait resolved'), (e) => e);
  await c.close();
  const err = await waiting;
  assert.ok(err instanceof jobq.JobqError && /closed/.test(err.message), String(err));
  await assert.rejects(c.status(id), /closed/);
  await c.close();
  await client.cancel(id);
});
