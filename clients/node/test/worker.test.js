// Tests of jobq/worker (the Node SDK of persistent handlers) against a fake of the jobq side:
// the test plays jobq-consumer over a real AF_UNIX socketpair (the child's descriptor 3, as
// jobq gives it) and worker_fixture.js runs the handlers. No server is needed:
//   node --test test/worker.test.js
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');
const { Retry, Permanent } = require('../lib/worker');

// Outside test/: `node --test test/` runs every .js file below test/.
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'worker_fixture.js');
const WAIT = 15000; // ms: the longest any expected line may take

/** The worker's side of the channel: the child's descriptor 3 is the other end of a socketpair. */
class FakeJobq {
  constructor(concurrency = 1) {
    const env = { ...process.env, JOBQ_PROTOCOL_FD: '3', JOBQ_PROTOCOL: '1' };
    this.proc = spawn(process.execPath, [FIXTURE, String(concurrency)],
      { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env });
    this.ch = this.proc.stdio[3];
    this.seen = [];
    this.queue = [];
    this.waiters = [];
    this.stdout = '';
    this.stderr = '';
    this.proc.stdout.setEncoding('utf8').on('data', (d) => { this.stdout += d; });
    this.proc.stderr.setEncoding('utf8').on('data', (d) => { this.stderr += d; });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, sig) => resolve(sig || code)));
    this.raw = [];
    let buf = '';
    this.ch.setEncoding('utf8');
    this.ch.on('data', (chunk) => {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        this.raw.push(line);
        this.push(JSON.parse(line));
      }
    });
    this.ch.on('end', () => this.push(null));
    this.ch.on('error', () => {});
  }

  push(msg) {
    const w = this.waiters.shift();
    if (w) w(msg); else this.queue.push(msg);
  }

  /** The next line from the child (an object), failing after WAIT ms or at end of channel. */
  async next() {
    const msg = this.queue.length > 0 ? this.queue.shift() : await new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no line from the handler process in time')), WAIT);
      this.waiters.push((m) => { clearTimeout(t); resolve(m); });
    });
    if (msg === null) throw new Error('the handler process closed the channel');
    this.seen.push(msg);
    return msg;
  }

  send(msg) {
    this.ch.write(typeof msg === 'string' ? msg : `${JSON.stringify(msg)}\n`);
  }

  job(type, payload = null, fields = {}) {
    const id = crypto.randomUUID();
    this.send({ op: 'job', id, type, attempt: 1, max_attempts: 3, payload, deadline: null, ...fields });
    return id;
  }

  /** The result or error line of id (other lines stay in this.seen). */
  async answer(id) {
    const isIt = (m) => m.id === id && (m.op === 'result' || m.op === 'error');
    const old = this.seen.find(isIt);
    if (old) return old;
    for (;;) {
      const m = await this.next();
      if (isIt(m)) return m;
    }
  }

  async run(type, payload, fields) {
    return this.answer(this.job(type, payload, fields));
  }

  /** Closes the channel (end of file for the child); resolves with its exit status. */
  async close() {
    this.ch.end();
    this.ch.destroy();
    const t = setTimeout(() => this.proc.kill('SIGKILL'), WAIT);
    const status = await this.exited;
    clearTimeout(t);
    // the pipes' last bytes
    await new Promise((r) => setImmediate(r));
    return status;
  }
}

async function withJobq(concurrency, fn) {
  const jq = new FakeJobq(concurrency);
  try {
    jq.ready = await jq.next();
    await fn(jq);
  } finally {
    if (jq.proc.exitCode === null && jq.proc.signalCode === null) await jq.close();
  }
}

test('handshake: ready with protocol, sorted types and pid, one line', () => withJobq(1, async (jq) => {
  const r = jq.ready;
  assert.equal(r.op, 'ready');
  assert.equal(r.protocol, 1);
  assert.equal(r.pid, jq.proc.pid);
  assert.deepEqual(r.types, [...r.types].sort());
  assert.ok(r.types.includes('echo') && r.types.includes('waitCancel'));
  assert.equal(jq.raw.length, 1);
}));

test('result, job fields, undefined is null', () => withJobq(1, async (jq) => {
  const payload = { a: [1, 2, { b: 'é' }], n: null };
  const e = await jq.run('echo', payload);
  assert.deepEqual(e, { op: 'result', id: e.id, result: payload });
  const deadline = 1765000000000;
  const a = await jq.run('attrs', { x: 1 }, { attempt: 2, max_attempts: 5, deadline });
  assert.deepEqual(a.result, {
    id: a.id, type: 'attrs', attempt: 2, maxAttempts: 5, payload: { x: 1 },
    deadline: new Date(deadline).toISOString(), cancelled: false,
  });
  assert.equal((await jq.run('attrs')).result.deadline, null);
  assert.deepEqual(await jq.run('none'), { op: 'result', id: jq.seen.at(-1).id, result: null });
}));

test('Permanent fails permanently, one line', () => withJobq(1, async (jq) => {
  const e = await jq.run('perm');
  assert.equal(e.op, 'error');
  assert.equal(e.permanent, true);
  assert.equal(e.error, 'bad input: x missing');
  assert.equal('retry_in' in e, false);
}));

test('Retry sends retry_in in seconds', () => withJobq(1, async (jq) => {
  for (const [inp, want] of [['30s', 30], [1.5, 1.5], ['250ms', 0.25], ['2h', 7200], [0, 0], ['1.5m', 90]]) {
    const e = await jq.run('retry', { in: inp });
    assert.equal(e.op, 'error');
    assert.equal(e.permanent ?? false, false);
    assert.equal(e.error, 'later');
    assert.equal(e.retry_in, want, `in ${inp}`);
  }
  const plain = await jq.run('retry', {});
  assert.equal(plain.error, 'retry requested');
  assert.equal('retry_in' in plain, false);
  for (const bad of ['3x', '-1s', ' 5s', -2, '1h30m']) {
    const e = await jq.run('retry', { in: bad });
    assert.equal(e.permanent ?? false, false);
    assert.equal('retry_in' in e, false);
    assert.match(e.error, /^RangeError: Retry: in /, `in ${bad}`);
  }
}));

test('other errors are retryable "Name: message", stack on stderr', () => withJobq(1, async (jq) => {
  const e = await jq.run('boom');
  assert.equal(e.op, 'error');
  assert.equal(e.permanent ?? false, false);
  assert.equal(e.error, 'TypeError: bad thing');
  assert.equal((await jq.run('throwString')).error, 'thrown string: just text');
  assert.equal((await jq.run('echo', 1)).result, 1);
  assert.equal(await jq.close(), 0);
  assert.match(jq.stderr, /handler 'boom' threw on job [0-9a-f-]{36}:\nTypeError: bad/);
}));

test('a result that is not JSON fails permanently, naming its type', () => withJobq(1, async (jq) => {
  const e = await jq.run('badResult');
  assert.equal(e.permanent, true);
  assert.match(e.error, /not JSON \(Object\): .*BigInt/);
  const f = await jq.run('fnResult');
  assert.equal(f.permanent, true);
  assert.match(f.error, /not JSON \(function\)/);
}));

test('progress and log lines, in order, then the result; print goes to stdout', () => withJobq(1, async (jq) => {
  const id = jq.job('progress');
  const msgs = [await jq.next(), await jq.next(), await jq.next(), await jq.next()];
  assert.deepEqual(msgs, [
    { op: 'progress', id, progress: { done: 1, of: 2 } },
    { op: 'log', id, level: 'warn', msg: 'half way' },
    { op: 'log', id, level: 'info', msg: 'no level' },
    { op: 'result', id, result: 'done' },
  ]);
  assert.match((await jq.run('badProgress')).error, /^TypeError: progress must be a JSON value/);
  assert.match((await jq.run('badLevel')).error, /^RangeError: log level "loud"/);
  assert.equal(await jq.close(), 0);
  assert.match(jq.stdout, /printed by the handler\n/);
}));

test('cancel aborts job.signal with the reason; others unaffected', () => withJobq(1, async (jq) => {
  const id = jq.job('waitCancel');
  assert.deepEqual(await jq.next(), { op: 'progress', id, progress: 'waiting' });
  jq.send({ op: 'cancel', id: crypto.randomUUID(), reason: 'cancel' }); // not a job of ours
  jq.send({ op: 'cancel', id, reason: 'timeout' });
  assert.deepEqual((await jq.answer(id)).result, { cancelled: true, reason: 'timeout', name: 'AbortError' });
  assert.equal((await jq.run('echo', 'after')).result, 'after');
}));

test('an unknown type fails permanently', () => withJobq(1, async (jq) => {
  const e = await jq.run('nosuch');
  assert.equal(e.permanent, true);
  assert.match(e.error, /no handler for job type 'nosuch'/);
}));

test('bad lines are ignored (logged), unknown ops silently', () => withJobq(1, async (jq) => {
  for (const l of ['garbage\n', '[1,2]\n', '\n', '{"op":"nope","x":1}\n', '{"op":"job","type":"echo"}\n',
    '{"op":"cancel"}\n', '{"op":"job","id":"x","type":7}\n', 'null\n']) jq.send(l);
  assert.deepEqual((await jq.run('echo', [1], { future_key: { a: 1 } })).result, [1]);
  assert.equal(await jq.close(), 0);
  assert.match(jq.stderr, /not JSON/);
  assert.match(jq.stderr, /not a JSON object/);
  assert.match(jq.stderr, /without a string id and type/);
  assert.doesNotMatch(jq.stderr, /nope/);
}));

test('end of the channel exits 0, also with a job running', async () => {
  await withJobq(1, async (jq) => { assert.equal(await jq.close(), 0); });
  await withJobq(1, async (jq) => {
    const id = jq.job('waitCancel');
    assert.equal((await jq.next()).id, id);
    assert.equal(await jq.close(), 0);
  });
});

test('concurrency 3: three jobs run at once', () => withJobq(3, async (jq) => {
  const ids = [jq.job('barrier'), jq.job('barrier'), jq.job('barrier')];
  const got = [];
  for (const id of ids) {
    const a = await jq.answer(id);
    assert.equal(a.op, 'result', a.error);
    got.push(a.result.index);
  }
  assert.deepEqual(got.sort(), [0, 1, 2]);
}));

test('concurrency 1: the second job waits for the first', () => withJobq(1, async (jq) => {
  const first = jq.job('waitCancel');
  assert.equal((await jq.next()).op, 'progress');
  const second = jq.job('echo', 2);
  jq.send({ op: 'cancel', id: first, reason: 'cancel' });
  assert.equal((await jq.answer(second)).result, 2);
  assert.deepEqual(jq.seen.filter((m) => m.op === 'result' || m.op === 'error').map((m) => m.id), [first, second]);
}));

test('not started by jobq: exit 2 with one line on stderr', () => {
  const env = { ...process.env };
  delete env.JOBQ_PROTOCOL_FD;
  delete env.JOBQ_PROTOCOL;
  for (const [extra, text] of [[{}, 'JOBQ_PROTOCOL_FD is not set'], [{ JOBQ_PROTOCOL_FD: 'x' }, 'not a descriptor number'],
    [{ JOBQ_PROTOCOL_FD: '0' }, 'not a socket'], [{ JOBQ_PROTOCOL_FD: '3', JOBQ_PROTOCOL: '2' }, 'protocol 1 only']]) {
    const p = spawnSync(process.execPath, [FIXTURE], { env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'], timeout: WAIT });
    assert.equal(p.status, 2, JSON.stringify(extra));
    const lines = p.stderr.toString().split('\n').filter(Boolean);
    assert.equal(lines.length, 1, lines.join('|'));
    assert.ok(lines[0].includes(text), lines[0]);
  }
});

test('Retry and Permanent in process; run() refuses bad arguments', () => {
  assert.equal(new Retry('x', { in: '2d' }).retryIn, 172800);
  assert.equal(new Retry('x').retryIn, null);
  for (const bad of ['s', '1e3', Infinity, NaN, true, [1]]) assert.throws(() => new Retry('x', { in: bad }), RangeError);
  assert.ok(new Permanent('p') instanceof Error);
  const { run } = require('../lib/worker');
  assert.throws(() => run({}), /non-empty object/);
  assert.throws(() => run({ a: 1 }), /not a function/);
  assert.throws(() => run({ a: () => 1 }, { concurrency: 0 }), /concurrency 0/);
  assert.throws(() => run({ a: () => 1 }, { concurency: 2 }), /unknown option 'concurency'/);
});
