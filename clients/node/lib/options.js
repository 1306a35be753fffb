// Pure argument handling: checks a call's arguments and maps them to the SQL API's parameters
// and back (no I/O, so that the mapping can be tested without a server).
'use strict';

const { InvalidArgument } = require('./errors');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SUBMIT_OPTIONS = ['queue', 'delay', 'runAt', 'key', 'maxAttempts', 'timeout', 'metadata', 'uniqueFor',
  'priority', 'concurrencyKey', 'after', 'afterAny', 'conn'];
/** The JS names of submitMany's job fields that differ from the SQL API's JSON names. */
const MANY_FIELDS = { runAt: 'run_at', maxAttempts: 'max_attempts', uniqueFor: 'unique_for',
  concurrencyKey: 'concurrency_key', afterAny: 'after_any' };
/** The job states after which nothing changes. */
const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * Checks a job id and returns it in lower case (the form notifications carry).
 * @param {unknown} id
 * @param {string} where the call, for the message
 * @returns {string}
 */
function jobId(id, where) {
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new InvalidArgument(`${where}: job id ${JSON.stringify(id) ?? String(id)} is not a UUID`);
  }
  return id.toLowerCase();
}

/**
 * Checks an options object against the names allowed.
 * @param {unknown} opts
 * @param {string[]} allowed
 * @param {string} where
 * @returns {Record<string, any>}
 */
function options(opts, allowed, where) {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== 'object' || Array.isArray(opts)) {
    throw new InvalidArgument(`${where}: options must be an object`);
  }
  for (const k of Object.keys(opts)) {
    if (!allowed.includes(k)) {
      throw new InvalidArgument(`${where}: unknown option "${k}" (known: ${allowed.join(', ')})`);
    }
  }
  return opts;
}

/** A number of seconds, or null when absent. */
function seconds(v, name, min) {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
    throw new InvalidArgument(`${name}: ${String(v)} is not a number of seconds >= ${min}`);
  }
  return v;
}

/** An ISO 8601 text from a Date or a string, or null when absent. */
function timestamp(v, name) {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new InvalidArgument(`${name}: invalid Date`);
    return v.toISOString();
  }
  if (typeof v === 'string') return v;
  throw new InvalidArgument(`${name}: must be a Date or an ISO 8601 string`);
}

/**
 * JSON text of a value, or null when absent (the SQL API's default then applies).
 * @param {unknown} v
 * @param {string} name the argument, for the message
 */
function json(v, name) {
  if (v === undefined || v === null) return null;
  let s;
  try {
    s = JSON.stringify(v);
  } catch (err) {
    throw new InvalidArgument(`${name}: not serialisable as JSON (${err.message})`, { cause: err });
  }
  if (s === undefined) throw new InvalidArgument(`${name}: not serialisable as JSON (${typeof v})`);
  return s;
}

/** A string, or null when absent. */
function text(v, name) {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new InvalidArgument(`${name}: must be a string`);
  return v;
}

/**
 * submit's `after` / `afterAny`: a job id or an array of them, as lower-case ids; null when
 * absent or empty (no dependency).
 * @param {unknown} v
 * @param {string} name the option, for the message
 * @returns {string[]|null}
 */
function jobIds(v, name) {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' && !Array.isArray(v)) {
    throw new InvalidArgument(`${name} must be a job id or an array of job ids`);
  }
  const ids = (Array.isArray(v) ? v : [v]).map((id) => jobId(id, name));
  return ids.length > 0 ? ids : null;
}

/**
 * A submitMany job's `after` / `afterAny`: a string (a job id or the ref of an earlier job)
 * or an array of them; the server tells ids from refs and checks both.
 */
function manyDeps(v, where) {
  const ok = typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  if (!ok) throw new InvalidArgument(`${where} must be a job id or ref, or an array of them`);
  return v;
}

/**
 * Checks a pg client given as `conn` (anything with a query method, e.g. a pg.Client or a
 * client checked out of a pg.Pool), or returns null when absent.
 */
function connection(conn, where) {
  if (conn === undefined || conn === null) return null;
  if (typeof conn !== 'object' || typeof conn.query !== 'function') {
    throw new InvalidArgument(`${where}: conn must be a pg client (an object with a query method)`);
  }
  return conn;
}

/**
 * The parameters of jobq_submit for submit(type, payload, opts), in the order of SUBMIT_SQL.
 * @returns {{values: any[], conn: object|null}}
 */
function submitParams(type, payload, opts) {
  const o = options(opts, SUBMIT_OPTIONS, 'submit');
  if (typeof type !== 'string') throw new InvalidArgument('submit: type must be a string');
  const delay = seconds(o.delay, 'delay', 0);
  const runAt = timestamp(o.runAt, 'runAt');
  if (delay !== null && runAt !== null) throw new InvalidArgument('submit: delay and runAt are exclusive');
  let maxAttempts = null;
  if (o.maxAttempts !== undefined && o.maxAttempts !== null) {
    if (!Number.isInteger(o.maxAttempts)) {
      throw new InvalidArgument(`maxAttempts: ${String(o.maxAttempts)} is not a whole number`);
    }
    maxAttempts = o.maxAttempts;
  }
  let priority = null;
  if (o.priority !== undefined && o.priority !== null) {
    if (!Number.isInteger(o.priority)) {
      throw new InvalidArgument(`priority ${String(o.priority)} is not a whole number from 0 to 9`);
    }
    priority = o.priority;
  }
  const values = [
    type,
    json(payload, 'payload'),
    text(o.queue, 'queue'),
    runAt,
    delay,
    maxAttempts,
    text(o.key, 'key'),
    seconds(o.timeout, 'timeout', 0),
    json(o.metadata, 'metadata'),
    seconds(o.uniqueFor, 'uniqueFor', 0),
    priority,
    text(o.concurrencyKey, 'concurrencyKey'),
    jobIds(o.after, 'after'),
    jobIds(o.afterAny, 'afterAny'),
  ];
  return { values, conn: connection(o.conn, 'submit') };
}

/**
 * One element of jobq_submit_many's JSON array from a submitMany job: runAt, maxAttempts,
 * uniqueFor, concurrencyKey and afterAny take their SQL names, a Date becomes ISO text, after
 * and afterAny must be strings or arrays of strings; other fields pass unchanged, so that the
 * server names an unknown one ("job 3: unknown field ...").
 * @param {unknown} job
 * @param {number} i the 0-based index
 */
function manyJob(job, i) {
  if (typeof job !== 'object' || job === null || Array.isArray(job)) {
    throw new InvalidArgument(`submitMany: job ${i + 1} must be an object`);
  }
  const out = {};
  for (const [k, v] of Object.entries(job)) {
    if (v === undefined) continue;
    const where = `submitMany: job ${i + 1}: ${k}`;
    out[MANY_FIELDS[k] ?? k] = k === 'runAt' ? timestamp(v, where)
      : (k === 'after' || k === 'afterAny') && v !== null ? manyDeps(v, where) : v;
  }
  return out;
}

/** A jobq_status row with camelCase names (timestamps are Dates; JSON columns parsed). */
function statusFromRow(row) {
  return {
    id: row.id,
    type: row.type,
    queue: row.queue,
    status: row.status,
    attempt: row.attempt,
    maxAttempts: row.max_attempts,
    payload: row.payload,
    result: row.result,
    error: row.error,
    progress: row.progress,
    metadata: row.metadata,
    key: row.key,
    runAt: row.run_at,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    cancelRequested: row.cancel_requested,
    cancelReason: row.cancel_reason,
    statusReason: row.status_reason,
    workerId: row.worker_id,
  };
}

module.exports = {
  TERMINAL,
  json,
  jobId,
  options,
  seconds,
  connection,
  submitParams,
  manyJob,
  statusFromRow,
};
