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
   * next heartbeat. TypeError if it is not JSON. Does nothing once the handler has finished.
   */
  progress(progress) {
    const text = JSON.stringify(progress);
    if (text === undefined) throw new TypeError(`progress must be a JSON value, not ${typeof progress}`);
    if (!this._done) this._channel.sendRaw(`{"op":"progress","id":${JSON.stringify(this.id)},"progress":${text}}`);
  }

  /** Write msg to the worker's log (event handler_log) with the job's id; level debug|info|warn|error. */
  log(msg, level = 'info') {
    if (!LEVELS.includes(level)) throw new RangeError(`log level ${JSON.stringify(level)} is not one of ${LEVELS.join(', ')}`);
    if (!this._done) this._channel.send({ op: 'log', id: this.id, level, msg: String(msg) });
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

/** The socket to jobq: whole lines, in the order sent; a broken channel ends the process. */
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
    this.sock.write(`${line}\n`);
  }
}

/** The outcome of one handler call as the answer line's fields (op and more, without id). */
async function outcome(fn, job) {
  let value;
  try {
    value = await fn(job);
  } catch (e) {
    if (e instanceof Permanent) return { op: 'error', error: oneLine(e.message) || 'Permanent', permanent: true };
    if (e instanceof Retry) {
      const out = { op: 'error', error: oneLine(e.message) || 'Retry' };
      if (e.retryIn !== null) out.retry_in = e.retryIn;
      return out;
    }
    if (e instanceof Error) {
      say(`handler '${job.type}' threw on job ${job.id}:\n${e.stack || e.message}`);
      const text = oneLine(e.message);
      return { op: 'error', error: `${e.name || 'Error'}${text ? `: ${text}` : ''}` };
    }
    say(`handler '${job.type}' threw a non-Error on job ${job.id}: ${String(e)}`);
    return { op: 'error', error: `thrown ${typeof e}: ${oneLine(String(e))}` };
  }
  if (value === undefined) return { op: 'result', result: null };
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    text = e;
  }
  if (typeof text !== 'string') {
    const kind = value === null ? 'null' : typeof value === 'object' ? value.constructor?.name || 'object' : typeof value;
    const why = text instanceof Error ? `: ${oneLine(text.message)}` : '';
    return { op: 'error', permanent: true, error: `handler '${job.type}' returned a result that is not JSON (${kind})${why}` };
  }
  return { op: 'result', raw: text };
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
      outcome(table.get(job.type), job).then((out) => {
        job._done = true;
        running.delete(job.id);
        active--;
        if (out.raw !== undefined) {
          channel.sendRaw(`{"op":"result","id":${JSON.stringify(job.id)},"result":${out.raw}}`);
        } else {
          const { op, ...fields } = out;
          channel.send({ op, id: job.id, ...fields });
        }
        startNext();
      });
    }
  };

  const onJob = (msg, line) => {
    if (typeof msg.id !== 'string' || msg.id === '' || typeof msg.type !== 'string') {
      say(`ignored a job line without a string id and type: ${line.slice(0, 200)}`);
      return;
    }
    if (!table.has(msg.type)) {
      channel.send({
        op: 'error', id: msg.id, permanent: true,
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
