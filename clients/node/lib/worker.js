// jobq's worker SDK for Node: a persistent handler of jobq-consumer (worker protocol 1) that
// answers jobs sent as JSON lines over JOBQ_PROTOCOL_FD (docs/handlers.md, "SDKs"). No
// dependencies: require('jobq/worker') does not load pg.
'use strict';

const fs = require('node:fs');
const net = require('node:net');

/** The version of the worker protocol this module speaks. */
const PROTOCOL = 1;
const LEVELS = ['debug', 'info', 'warn', 'error'];
// jobq's duration syntax (docs/configuration.md, "Durations"): a number and an optional unit.
const DURATION = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d)?$/;
const UNIT_SECONDS = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, undefined: 1 };
// The protocol's line limit (UTF-8 bytes without the newline) and jobq's limit on a progress
// value (larger ones it ignores). Error and log text is cut at TEXT_MAX bytes: escaped, even 6
// bytes a character, it still fits a line.
const LINE_MAX = 8 * 1024 * 1024;
const PROGRESS_MAX = 64 * 1024;
const TEXT_MAX = 1024 * 1024;
// What jobq's JSON parser (jansson) refuses in a string: NUL and lone surrogates.
const HAS_BAD_CHAR = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BAD_CHAR = new RegExp(HAS_BAD_CHAR.source, 'g');
// The same in JSON.stringify's text, which escapes both: an odd run of backslashes before
// u0000 or a surrogate's code (outside strings JSON has no backslash).
const BAD_JSON = /(?<!\\)(?:\\\\)*\\u(0000|d[89a-f][0-9a-f]{2})/;
// Integers jansson reads are 64-bit; only a run of 19 digits can leave that range.
const LONG_DIGITS = /[0-9]{19}/;
const STRING_OR_NUMBER = /"[^"\\]*(?:\\.[^"\\]*)*"|-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/g;
const CANNOT_SHOW = 'handler threw a value that cannot be shown';

/** Throw it in a handler to fail the job permanently (never retried): bad input. */
class Permanent extends Error {
  constructor(message = 'permanent failure') {
    super(message);
    this.name = 'Permanent';
  }
}

/**
 * Throw it in a handler to fail this attempt and ask for the next one after a delay:
 * `new Retry('busy', { in: '30s' })`. `in` is seconds (a number) or a duration text of jobq's
 * syntax ('250ms', '30s', '5m', '1h', '2d'); without it the worker's backoff applies. jobq
 * clamps the delay to 0 .. 365 days and ignores it when the attempts are used up. A bad `in`
 * throws a RangeError here.
 */
class Retry extends Error {
  /**
   * @param {string} [message]
   * @param {{in?: number|string}} [opts]
   */
  constructor(message = 'retry requested', opts = {}) {
    super(message);
    this.name = 'Retry';
    /** The delay in seconds, or null for the worker's backoff. @type {number|null} */
    this.retryIn = opts.in === undefined || opts.in === null ? null : durationSeconds(opts.in);
  }
}

/** A number of seconds or a duration text as seconds; RangeError naming the value if not. */
function durationSeconds(value) {
  let s;
  if (typeof value === 'number') {
    s = value;
  } else if (typeof value === 'string') {
    const m = DURATION.exec(value);
    if (m === null) {
      throw new RangeError(`Retry: in ${JSON.stringify(value)} is not a duration (use e.g. 250ms, 30s, 5m, 1h, 2d or plain seconds)`);
    }
    s = Number(m[1]) * UNIT_SECONDS[m[2]];
  } else {
    throw new RangeError(`Retry: in must be seconds or a duration text, not ${typeof value}`);
  }
  if (!Number.isFinite(s) || s < 0) {
    throw new RangeError(`Retry: in ${JSON.stringify(value)} is not a delay of 0 seconds or more`);
  }
  return s;
}

/** text with line breaks and tabs as spaces, trailing blanks dropped (jobq's errors are one line). */
function oneLine(text) {
  return String(text).replace(/\r\n|[\r\n\t]/g, ' ').trimEnd();
}

/**
 * Error or log text as jobq can take it: one line, NUL and lone surrogates as U+FFFD, cut to
 * TEXT_MAX bytes of UTF-8 (with a note of the length it had).
 */
function cleanText(text) {
  const t = oneLine(String(text).replace(BAD_CHAR, '\ufffd'));
  const size = Buffer.byteLength(t);
  if (size <= TEXT_MAX) return t;
  const buf = Buffer.from(t);
  let end = TEXT_MAX;
  while (end > 0 && (buf[end] & 0xc0) === 0x80) end--; // not inside a character
  return `${buf.subarray(0, end).toString()} ... (cut: ${size} bytes)`;
}

/**
 * Why jobq's parser would refuse JSON text from JSON.stringify (one line naming what), or
 * null: a lone surrogate or a NUL in a string (keys included), an integer beyond 64 bits
 * (JSON.stringify writes 1e20 as 21 digits).
 */
function unreadable(text, what) {
  const m = BAD_JSON.exec(text);
  if (m !== null) {
    const found = m[1] === '0000' ? 'a NUL character (U+0000)' : `a lone surrogate U+${m[1].toUpperCase()}`;
    return `${what} is not valid Unicode: ${found} in a string`;
  }
  if (!LONG_DIGITS.test(text)) return null;
  for (const [tok] of text.matchAll(STRING_OR_NUMBER)) {
    if (tok[0] === '"' || /[.eE]/.test(tok)) continue;
    const n = BigInt(tok);
    if (n >= 2n ** 63n || n < -(2n ** 63n)) return `${what} has the integer ${tok}, beyond the 64-bit range jobq reads`;
  }
  return null;
}

/** One line on stderr, which the worker logs as handler_output. */
function say(text) {
  try {
    fs.writeSync(2, `jobq/worker: ${text}\n`);
  } catch {
    // stderr gone: nothing to tell
  }
}

function refuse(text) {
  say(text);
  process.exit(2);
}

/** The socket named by JOBQ_PROTOCOL_FD; exits 2 with one line on stderr when not started by jobq. */
function openChannel() {
  const fdText = process.env.JOBQ_PROTOCOL_FD;
  const proto = process.env.JOBQ_PROTOCOL;
  if (fdText === undefined) {
    refuse('JOBQ_PROTOCOL_FD is not set: this program is a jobq persistent handler, started by jobq-consumer (a handlers entry with mode = "persistent")');
  }
  if (proto !== undefined && proto !== String(PROTOCOL)) {
    refuse(`JOBQ_PROTOCOL=${JSON.stringify(proto)}: this module speaks protocol ${PROTOCOL} only`);
  }
  if (!/^[0-9]+$/.test(fdText)) refuse(`JOBQ_PROTOCOL_FD=${JSON.stringify(fdText)} is not a descriptor number`);
  const fd = Number(fdText);
  let st;
  try {
    st = fs.fstatSync(fd);
  } catch (e) {
    refuse(`JOBQ_PROTOCOL_FD=${fd}: not a socket from jobq (${e.code || e.message})`);
  }
  if (!st.isSocket()) refuse(`JOBQ_PROTOCOL_FD=${fd}: not a socket from jobq`);
  return new net.Socket({ fd, readable: true, writable: true });
}

/**
 * One job sent by jobq, handed to its handler: id, type, attempt, maxAttempts, payload (parsed
 * JSON), deadline (a Date: the runtime limit, or null), signal (an AbortSignal aborted when
 * jobq cancels the job; cancelReason then says why: 'cancel', 'timeout', 'shutdown', 'lost').
 */
class Job {
  constructor(channel, msg) {
    this.id = msg.id;
    this.type = msg.type;
    this.attempt = Number.isInteger(msg.attempt) ? msg.attempt : 1;
    this.maxAttempts = Number.isInteger(msg.max_attempts) ? msg.max_attempts : 1;
    this.payload = msg.payload === undefined ? null : msg.payload;
    this.deadline = typeof msg.deadline === 'number' ? new Date(msg.deadline) : null;
    /** @type {string|null} */
    this.cancelReason = null;
    this._controller = new AbortController();
    this.signal = this._controller.signal;
    this._channel = channel;
    this._done = false;
  }

  /** Whether jobq has cancelled the job (the same as signal.aborted). */
  get cancelled() {
    return this.signal.aborted;
  }

  /**
   * Report progress (any JSON value; the latest wins): jobq stores it in jobs.progress with its
   * next heartbeat. TypeError if it is not JSON. A value jobq cannot take (over 64 KiB of JSON,
   * a NUL or a lone surrogate in a string, an integer beyond 64 bits) is dropped with a warning
   * on stderr; the job goes on. Does nothing once the handler has finished.
   */
  progress(progress) {
    const text = JSON.stringify(progress);
    if (text === undefined) throw new TypeError(`progress must be a JSON value, not ${typeof progress}`);
    if (this._done) return;
    let problem = unreadable(text, 'progress');
    const size = problem === null ? Buffer.byteLength(text) : 0;
    if (size > PROGRESS_MAX) problem = `progress of ${size} bytes exceeds jobq's 64 KiB limit`;
    if (problem !== null) {
      say(`job ${this.id}: dropped a progress report: ${problem}`);
      return;
    }
    this._channel.sendRaw(`{"op":"progress","id":${JSON.stringify(this.id)},"progress":${text}}`);
  }

  /**
   * Write msg to the worker's log (event handler_log) with the job's id; level
   * debug|info|warn|error. The text is sent as one line, NUL and lone surrogates as U+FFFD, cut
   * at 1 MiB.
   */
  log(msg, level = 'info') {
    if (!LEVELS.includes(level)) throw new RangeError(`log level ${JSON.stringify(level)} is not one of ${LEVELS.join(', ')}`);
    if (!this._done) this._channel.send({ op: 'log', id: this.id, level, msg: cleanText(msg) });
  }

  _cancel(reason) {
    if (this.signal.aborted) return;
    this.cancelReason = reason;
    const err = new Error(`job ${this.id} cancelled (${reason})`);
    err.name = 'AbortError';
    err.code = 'ABORT_ERR';
    err.reason = reason;
    this._controller.abort(err);
  }
}

/**
 * The socket to jobq: whole lines, in the order sent; a broken channel ends the process.
 * Callers send only what jobq can read (texts through cleanText, values checked by
 * unreadable); sendRaw's size check is the last guard.
 */
class Channel {
  constructor(sock) {
    this.sock = sock;
    sock.on('error', (e) => {
      say(`the channel to jobq is closed (${e.code || e.message}): exiting`);
      process.exit(0);
    });
  }

  send(msg) {
    this.sendRaw(JSON.stringify(msg));
  }

  sendRaw(line) {
    const size = Buffer.byteLength(line);
    if (size > LINE_MAX) {
      say(`dropped a line of ${size} bytes (over the 8 MiB limit): ${line.slice(0, 200)}`);
      return;
    }
    this.sock.write(`${line}\n`);
  }
}

/**
 * The answer's fields for what a handler threw (op 'error', error text and more). Never
 * throws: a value whose message cannot be read (a getter or toString that throws, a revoked
 * Proxy, Object.create(null)) is CANNOT_SHOW, retryable (permanent for a Permanent).
 */
function thrownOutcome(e, job) {
  let permanent = false;
  try {
    permanent = e instanceof Permanent; // throws for a revoked Proxy
    if (permanent) return { op: 'error', error: oneLine(e.message) || 'Permanent', permanent };
    if (e instanceof Retry) {
      const out = { op: 'error', error: oneLine(e.message) || 'Retry' };
      if (Number.isFinite(e.retryIn)) out.retry_in = e.retryIn;
      return out;
    }
    if (e instanceof Error) {
      say(`handler '${job.type}' threw on job ${job.id}:\n${e.stack || e.message}`);
      const text = oneLine(e.message);
      return { op: 'error', error: `${e.name || 'Error'}${text ? `: ${text}` : ''}` };
    }
    const text = oneLine(String(e));
    say(`handler '${job.type}' threw a non-Error on job ${job.id}: ${text}`);
    return { op: 'error', error: `thrown ${typeof e}: ${text}` };
  } catch {
    say(`handler '${job.type}' threw a value that cannot be shown on job ${job.id}`);
    return permanent ? { op: 'error', error: CANNOT_SHOW, permanent } : { op: 'error', error: CANNOT_SHOW };
  }
}

/** The name of a result's type for an error: its constructor's name, or its typeof. */
function kindOf(value) {
  try {
    if (value === null) return 'null';
    return typeof value === 'object' ? String(value.constructor?.name || 'object') : typeof value;
  } catch {
    return typeof value;
  }
}

/**
 * The answer's fields for a handler's return value: op 'result' with raw (its JSON text,
 * checked), or a permanent failure when jobq could not read it (not JSON, not valid Unicode,
 * over a line). Never throws.
 */
function resultOutcome(value, job) {
  const fail = (error) => ({ op: 'error', permanent: true, error });
  if (value === undefined) return { op: 'result', raw: 'null' };
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    let why;
    try {
      why = `: ${oneLine(e.message)}`;
    } catch {
      why = '';
    }
    return fail(`handler '${job.type}' returned a result that is not JSON (${kindOf(value)})${why}`);
  }
  if (typeof text !== 'string') return fail(`handler '${job.type}' returned a result that is not JSON (${kindOf(value)})`);
  const problem = unreadable(text, 'result');
  if (problem !== null) return fail(problem);
  const size = Buffer.byteLength(text);
  if (size + Buffer.byteLength(resultLine(job.id, '')) > LINE_MAX) {
    return fail(`result of ${size} bytes exceeds the 8 MiB line limit`);
  }
  return { op: 'result', raw: text };
}

/** The result answer of id, the result given as JSON text (without the newline). */
function resultLine(id, resultJson) {
  return `{"op":"result","id":${JSON.stringify(id)},"result":${resultJson}}`;
}

/** The outcome of one handler call as the answer's fields; never rejects. */
async function outcome(fn, job) {
  let value;
  try {
    value = await fn(job);
  } catch (e) {
    return thrownOutcome(e, job);
  }
  return resultOutcome(value, job);
}

/** Sends an error answer: fields' error text made one line jobq can take. */
function answerError(channel, id, fields) {
  const { op, id: _id, error, ...rest } = fields;
  channel.send({ op: 'error', id, error: cleanText(error), ...rest });
}

/**
 * Serve jobs for jobq-consumer until it closes the channel, then exit 0.
 *
 * handlers maps each job type this process serves to a function `(job) => result` (async or
 * not); they are announced in the ready line. Up to `concurrency` jobs run at once (set it to
 * the handlers entry's jobs_per_process; default 1). A handler's return value is the job's
 * result (undefined = null); Permanent fails the job permanently, Retry asks for another
 * attempt after its delay, anything else thrown is a retryable failure `Name: message` (its
 * stack goes to stderr). A cancel from jobq aborts job.signal; the handler decides how to stop.
 *
 * Exits 2 with one line on stderr when not started by jobq (no JOBQ_PROTOCOL_FD), 0 at the end
 * of the channel or when it breaks. TypeError for bad handlers or concurrency.
 * @param {Record<string, (job: Job) => unknown>} handlers
 * @param {{concurrency?: number}} [opts]
 */
function run(handlers, opts = {}) {
  if (handlers === null || typeof handlers !== 'object' || Object.keys(handlers).length === 0) {
    throw new TypeError('run: handlers must be a non-empty object of job type to function');
  }
  for (const [type, fn] of Object.entries(handlers)) {
    if (typeof fn !== 'function') throw new TypeError(`run: the handler of '${type}' is not a function (${typeof fn})`);
    if (HAS_BAD_CHAR.test(type)) {
      throw new TypeError(`run: handler key ${JSON.stringify(type)} has a NUL or a lone surrogate, which jobq cannot read`);
    }
  }
  const { concurrency = 1, ...rest } = opts;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new TypeError(`run: unknown option '${unknown[0]}' (known: concurrency)`);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`run: concurrency ${JSON.stringify(concurrency)} must be an integer of 1 or more`);
  }
  const sock = openChannel();
  const channel = new Channel(sock);
  const table = new Map(Object.entries(handlers));
  const running = new Map(); // id -> Job, queued or running
  const waiting = [];
  let active = 0;

  const startNext = () => {
    while (active < concurrency && waiting.length > 0) {
      const job = waiting.shift();
      active++;
      // outcome() never rejects; the catches are the last guards: no rejection goes unhandled.
      outcome(table.get(job.type), job)
        .catch(() => ({ op: 'error', error: 'jobq/worker could not report the outcome' }))
        .then((out) => {
          job._done = true;
          running.delete(job.id);
          active--;
          if (out.op === 'result') channel.sendRaw(resultLine(job.id, out.raw));
          else answerError(channel, job.id, out);
          startNext();
        })
        .catch(() => say(`could not answer job ${job.id}`));
    }
  };

  const onJob = (msg, line) => {
    if (typeof msg.id !== 'string' || msg.id === '' || typeof msg.type !== 'string') {
      say(`ignored a job line without a string id and type: ${line.slice(0, 200)}`);
      return;
    }
    if (HAS_BAD_CHAR.test(msg.id)) {
      say(`ignored a job line whose id has a NUL or a lone surrogate: ${line.slice(0, 200)}`);
      return;
    }
    if (!table.has(msg.type)) {
      answerError(channel, msg.id, {
        permanent: true,
        error: `no handler for job type '${msg.type}' in this process (it serves ${[...table.keys()].sort().join(', ')})`,
      });
      return;
    }
    if (running.has(msg.id)) {
      say(`ignored job ${msg.id}: it is already running here`);
      return;
    }
    const job = new Job(channel, msg);
    running.set(job.id, job);
    waiting.push(job);
    startNext();
  };

  const onLine = (line) => {
    if (line.trim() === '') return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch (e) {
      say(`ignored a line from jobq that is not JSON (${e.message}): ${line.slice(0, 200)}`);
      return;
    }
    if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) {
      say(`ignored a line from jobq that is not a JSON object: ${line.slice(0, 200)}`);
      return;
    }
    if (msg.op === 'job') {
      onJob(msg, line);
    } else if (msg.op === 'cancel') {
      const job = typeof msg.id === 'string' ? running.get(msg.id) : undefined;
      if (job !== undefined) job._cancel(typeof msg.reason === 'string' ? msg.reason : 'cancel');
    }
    // any other op: ignored (forward compatible)
  };

  let buf = '';
  sock.setEncoding('utf8');
  sock.on('data', (chunk) => {
    buf += chunk;
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      onLine(line);
    }
  });
  // End of the channel: jobq recycles or retires this process (or is gone): exit at once.
  sock.on('end', () => process.exit(0));
  channel.send({ op: 'ready', protocol: PROTOCOL, types: [...table.keys()].sort(), pid: process.pid });
}

module.exports = { run, Permanent, Retry, Job, PROTOCOL };
