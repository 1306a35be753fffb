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
const LINE_MAX = 8 * 1024 * 1024; // the protocol's line limit: UTF-8 bytes without the newline
const MIB = 1024 * 1024;

/**
 * Why jobq's parser (jansson, without JSON_ALLOW_NUL) would refuse a line (a Buffer without
 * its newline), or null: over the limit, not UTF-8, not a JSON object, a NUL or a lone
 * surrogate in a string or key, an integer beyond 64 bits.
 */
function strictProblem(buf) {
  if (buf.length > LINE_MAX) return `a line of ${buf.length} bytes`;
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf); // encoded surrogates too
  } catch {
    return 'not UTF-8';
  }
  let obj;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    return `not JSON: ${e.message}`;
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return 'not a JSON object';
  // Integers: the number tokens outside strings, without a fraction or exponent.
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let j = i + 1;
      while (j < text.length && /[0-9.eE+-]/.test(text[j])) j++;
      const tok = text.slice(i, j);
      if (!/[.eE]/.test(tok) && (BigInt(tok) >= 2n ** 63n || BigInt(tok) < -(2n ** 63n))) return `the integer ${tok} is beyond 64 bits`;
      i = j - 1;
    }
  }
  // Strings: JSON.parse made escaped pairs one character; a lone surrogate does not survive
  // a trip through UTF-8.
  const todo = [obj];
  while (todo.length > 0) {
    const v = todo.pop();
    if (typeof v === 'string') {
      if (v.includes('\0') || Buffer.from(v).toString() !== v) return `a NUL or a lone surrogate in ${JSON.stringify(v.slice(0, 60))}`;
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) todo.push(k, x);
    }
  }
  return null;
}

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
    this.raw = []; // the lines as received, Buffers without the newline
    this.refused = []; // lines jobq would have refused (a protocol error)
    let parts = [];
    this.ch.on('data', (chunk) => {
      let nl;
      while (this.refused.length === 0 && (nl = chunk.indexOf(0x0a)) >= 0) {
        const line = Buffer.concat([...parts, chunk.subarray(0, nl)]);
        parts = [];
        chunk = chunk.subarray(nl + 1);
        this.raw.push(line);
        const problem = strictProblem(line);
        if (problem === null) {
          this.push(JSON.parse(line.toString()));
        } else {
          this.refused.push(`${problem}: ${line.subarray(0, 200)}`);
          this.push(null); // jobq would kill the process here
        }
      }
      if (chunk.length > 0) parts.push(chunk);
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
    if (this.refused.length > 0) throw new Error(`jobq would refuse a line: ${this.refused[0]}`);
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
  assert.deepEqual(jq.refused, []);
}

test('handshake: ready with protocol, sorted types and pid, one line', () => withJobq(1, async (jq) => {
  const r = jq.ready;
  assert.equal(r.op, 'ready');
  assert.equal(r.protocol, 1);
  assert.equal(r.pid, jq.proc.pid);
  assert.deepEqual(r.types, [...r.types].sort());
  assert.ok(r.types.includes('echo') && r.types.includes('waitCancel'));
  assert.equal(jq.raw.length, 1);
  assert.equal(jq.raw[0].includes(0x0a), false);
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

test('the strict checker refuses what jansson refuses', () => {
  for (const bad of ['{"a":"\\udc80"}', '{"a":"\\u0000"}', '{"\\u0000":1}', '{"a":9223372036854775808}',
    '{"a":-9223372036854775809}', '[1]', `{"a":"${'x'.repeat(LINE_MAX)}"}`]) {
    assert.notEqual(strictProblem(Buffer.from(bad)), null, bad.slice(0, 40));
  }
  assert.notEqual(strictProblem(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xb2, 0x80, 0x22, 0x7d])), null);
  for (const good of ['{"a":"\\ud83d\\ude00"}', '{"a":-9223372036854775808}', '{"a":"\\\\u0000"}', '{"a":1e+300}', '{"a":[-1,2.5e-3]}']) {
    assert.equal(strictProblem(Buffer.from(good)), null, good);
  }
});

test('a result jobq cannot read fails permanently, naming why', () => withJobq(1, async (jq) => {
  const cases = {
    surrogate: 'result is not valid Unicode: a lone surrogate U+DC80 in a string',
    key: 'result is not valid Unicode: a lone surrogate U+D800 in a string',
    nul: 'result is not valid Unicode: a NUL character (U+0000) in a string',
    int: 'result has the integer 100000000000000000000, beyond the 64-bit range jobq reads',
    int63: 'result has the integer 9223372036854776000, beyond the 64-bit range jobq reads',
    negativeInt: 'result has the integer -9223372036854776000, beyond the 64-bit range jobq reads',
  };
  for (const [bad, error] of Object.entries(cases)) {
    const e = await jq.run('unicode', { bad });
    assert.deepEqual(e, { op: 'error', id: e.id, permanent: true, error }, bad);
  }
  const want = { pair: 'smile \u{1F600}', intMax: 2 ** 63 - 1024, big: 1e21, escaped: 'a\\u0000 and \\udc80 as text' };
  for (const [good, result] of Object.entries(want)) {
    const r = await jq.run('unicode', { good });
    assert.deepEqual(r, { op: 'result', id: r.id, result }, good);
  }
}));

test('log and error text is cleaned; progress jobq cannot take is dropped with a warning', () => withJobq(1, async (jq) => {
  const id = jq.job('dirty');
  assert.deepEqual(await jq.next(), { op: 'log', id, level: 'info', msg: 'log \ufffd and \ufffd end second line' });
  const p = await jq.next(); // only the one of exactly 64 KiB; the job went on
  assert.equal(p.op, 'progress');
  assert.equal(JSON.stringify(p.progress).length, 64 * 1024);
  assert.deepEqual(await jq.next(), { op: 'error', id, permanent: true, error: 'bad \ufffd name\ufffd here next' });
  assert.equal((await jq.run('echo', 1)).result, 1); // still serving
  const e = await jq.run('no\u0000such');
  assert.equal(e.permanent, true);
  assert.match(e.error, /^no handler for job type 'no\ufffdsuch'/);
  assert.equal(await jq.close(), 0);
  assert.ok(jq.stderr.includes(`job ${id}: dropped a progress report: progress is not valid Unicode: a lone surrogate U+DC80 in a string`), jq.stderr);
  assert.ok(jq.stderr.includes('dropped a progress report: progress has the integer 100000000000000000000'), jq.stderr);
  assert.ok(jq.stderr.includes("dropped a progress report: progress of 65538 bytes exceeds jobq's 64 KiB limit"), jq.stderr);
}));

test('the 8 MiB line limit: a result over it fails permanently', () => withJobq(1, async (jq) => {
  const r = await jq.run('huge', { kind: 'line', bytes: LINE_MAX });
  assert.equal(r.op, 'result');
  assert.equal(jq.raw.at(-1).length, LINE_MAX); // exactly at the limit: sent
  const e = await jq.run('huge', { kind: 'line', bytes: LINE_MAX + 1 });
  const size = LINE_MAX + 1 - `{"op":"result","id":"${e.id}","result":}`.length;
  assert.deepEqual([e.permanent, e.error], [true, `result of ${size} bytes exceeds the 8 MiB line limit`]);
  const big = await jq.run('huge', { kind: 'result', bytes: 9 * MIB });
  assert.equal(big.error, `result of ${9 * MIB + 2} bytes exceeds the 8 MiB line limit`);
}));

test('long error and log text is cut; big progress is dropped', () => withJobq(1, async (jq) => {
  const e = await jq.run('huge', { kind: 'error', bytes: 9 * MIB });
  assert.equal(e.permanent ?? false, false);
  assert.equal(e.error, `${'e'.repeat(MIB)} ... (cut: ${9 * MIB} bytes)`);
  const id = jq.job('huge', { kind: 'log', bytes: 9 * MIB });
  assert.equal((await jq.next()).msg, `${'\x01'.repeat(MIB)} ... (cut: ${9 * MIB} bytes)`);
  assert.ok(jq.raw.at(-1).length < LINE_MAX);
  assert.equal((await jq.answer(id)).result, 'logged');
  const p = await jq.run('huge', { kind: 'progress', bytes: 9 * MIB });
  assert.equal(p.result, 'progressed');
  assert.deepEqual(jq.seen.filter((m) => m.id === p.id).map((m) => m.op), ['result']);
  assert.equal(await jq.close(), 0);
  assert.ok(jq.stderr.includes(`progress of ${9 * MIB + 2} bytes exceeds jobq's 64 KiB limit`), jq.stderr);
}));

test('a thrown value that cannot be shown is answered; the process lives on', () => withJobq(1, async (jq) => {
  for (const what of ['nullProto', 'revokedProxy', 'messageGetter', 'messageObject']) {
    const e = await jq.run('unshowable', what);
    assert.deepEqual(e, { op: 'error', id: e.id, error: 'handler threw a value that cannot be shown' }, what);
  }
  const p = await jq.run('unshowable', 'permanent');
  assert.deepEqual([p.error, p.permanent], ['handler threw a value that cannot be shown', true]);
  const r = await jq.run('badProxyResult');
  assert.deepEqual([r.permanent, r.error], [true, "handler 'badProxyResult' returned a result that is not JSON (object): trap"]);
  assert.equal((await jq.run('echo', 2)).result, 2);
  assert.equal(await jq.close(), 0);
  assert.doesNotMatch(jq.stderr, /Unhandled|unhandledRejection|ERR_UNHANDLED/);
}));

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
  assert.throws(() => run({ 'a\0': () => 1 }), /has a NUL or a lone surrogate/);
  assert.throws(() => run({ '\udc80': () => 1 }), /has a NUL or a lone surrogate/);
});
