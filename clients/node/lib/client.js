// The Client: submit, submitMany, cancel, status and wait over jobq's SQL API, on a pg.Pool.
'use strict';

const pg = require('pg');
const { InvalidArgument, JobqError, JobNotFound, translate } = require('./errors');
const opt = require('./options');
const { Waiter } = require('./waiter');

// Named parameters: the API's defaults apply to every NULL. A delay counts from the call, on
// the server's clock (clock_timestamp(): now() is the start of the application's
// transaction); a delay of 0 is no run_at, so that the job is queued, not scheduled a few
// microseconds ahead.
const SUBMIT_SQL = `SELECT jobq_submit(
  type => $1, payload => $2::jsonb, queue => $3,
  run_at => COALESCE($4::timestamptz,
                     CASE WHEN $5::float8 > 0 THEN clock_timestamp() + $5::float8 * interval '1 second' END),
  max_attempts => $6::int, key => $7, timeout => $8::float8 * interval '1 second',
  metadata => $9::jsonb, unique_for => $10::float8 * interval '1 second',
  priority => COALESCE($11::int, 0), concurrency_key => $12,
  after => $13::uuid[], after_any => $14::uuid[]) AS id`;
const SUBMIT_MANY_SQL = 'SELECT jobq_submit_many($1::jsonb) AS ids';
const CANCEL_SQL = 'SELECT status FROM jobq_cancel(ARRAY[$1]::uuid[], $2)';
const STATUS_SQL = 'SELECT * FROM jobq_status($1)';
const MAX_TIMER_S = 2147483; // setTimeout's limit (2^31 - 1 ms), in whole seconds

/**
 * A jobq client. It holds a pg.Pool for its calls and, while a wait() is pending, one more
 * connection that listens for jobs ending. Calls may run concurrently; each takes a pooled
 * connection of its own (or the caller's `conn`). Call close() when done, or the pool's
 * connections keep the process alive.
 */
class Client {
  /**
   * @param {string|object} [config] a PostgreSQL URL, or a pg.Pool configuration object;
   *   absent: $JOBQ_DATABASE_URL, else pg's own defaults (the PG* environment variables)
   * @param {{pollInterval?: number}} [opts] `pollInterval`: seconds between the reads of the
   *   waited jobs' status that back up the notifications (default 1)
   * @throws {InvalidArgument} if `config` is neither a string nor an object, or `opts` is bad
   */
  constructor(config, opts) {
    const o = opt.options(opts, ['pollInterval'], 'Client');
    const poll = opt.seconds(o.pollInterval, 'pollInterval', 0.01) ?? 1;
    if (poll > MAX_TIMER_S) throw new InvalidArgument(`pollInterval: ${poll} is more than ${MAX_TIMER_S} seconds`);
    if (config === undefined || config === null) {
      config = process.env.JOBQ_DATABASE_URL ? { connectionString: process.env.JOBQ_DATABASE_URL } : {};
    } else if (typeof config === 'string') {
      config = { connectionString: config };
    } else if (typeof config !== 'object' || Array.isArray(config)) {
      throw new InvalidArgument('Client: config must be a PostgreSQL URL or a pg.Pool configuration object');
    }
    this._pool = new pg.Pool({ application_name: 'jobq-node', ...config });
    // A pooled idle connection that breaks is dropped by the pool; without a listener the
    // 'error' event would end the process.
    this._pool.on('error', () => {});
    this._waiter = new Waiter({ application_name: 'jobq-node-wait', keepAlive: true, ...config },
      (text, values) => this._pool.query(text, values), poll * 1000);
    this._closed = false;
  }

  /** Runs one statement on `conn` (the caller's, in its transaction) or the pool. */
  async _run(conn, text, values) {
    if (this._closed) throw new JobqError('the client is closed');
    try {
      return await (conn ?? this._pool).query(text, values);
    } catch (err) {
      throw translate(err);
    }
  }

  /**
   * Submits one job. With `opts.conn` (the application's pg client, inside its transaction)
   * the job joins that transaction: it exists, and runs, only if the application commits; the
   * client neither commits nor rolls back. Without it the job is committed before this
   * resolves. Either way the consumers' relay publishes it as soon as it is committed.
   * @param {string} type the job type (1-64 characters of A-Z a-z 0-9 _ . : -)
   * @param {any} [payload] any JSON value (JSON.stringify'd); default {}
   * @param {import('../index').SubmitOptions} [opts]
   * @returns {Promise<string>} the job id; with a key already used, the existing job's id
   *   (and `after` / `afterAny` link nothing)
   * @throws {InvalidArgument} bad input, with the server's one-line message
   */
  async submit(type, payload, opts) {
    const { values, conn } = opt.submitParams(type, payload, opts);
    const { rows } = await this._run(conn, SUBMIT_SQL, values);
    return rows[0].id;
  }

  /**
   * Submits several jobs in one statement, all or nothing (any bad job: nothing is inserted).
   * @param {import('../index').JobSpec[]} jobs objects with `type` and the fields of submit's
   *   options (payload, queue, delay, runAt, key, maxAttempts, timeout, metadata, uniqueFor,
   *   priority, concurrencyKey), and for a graph of dependencies `ref` (a name for the job,
   *   unique in the call) and `after` / `afterAny` (a job id or the ref of an EARLIER job of
   *   the array, or an array of them); the whole graph is linked in the one statement
   * @param {{conn?: object}} [opts] `conn`: as for submit
   * @returns {Promise<string[]>} the ids in input order (a repeated key gives the same id)
   * @throws {InvalidArgument} bad input; the server's message names the job ("job 3: ...")
   */
  async submitMany(jobs, opts) {
    const o = opt.options(opts, ['conn'], 'submitMany');
    if (!Array.isArray(jobs)) throw new InvalidArgument('submitMany: jobs must be an array');
    const conn = opt.connection(o.conn, 'submitMany');
    const body = opt.json(jobs.map(opt.manyJob), 'submitMany: jobs');
    const { rows } = await this._run(conn, SUBMIT_MANY_SQL, [body]);
    return rows[0].ids;
  }

  /**
   * Cancels a job: a scheduled or queued one is cancelled at once; a running one is asked to
   * stop (its worker learns of it within milliseconds); a finished one is left alone.
   * @param {string} id the job id
   * @param {string} [reason] stored as the job's cancel reason
   * @returns {Promise<string>} the job's status when the cancel acted: 'scheduled' or
   *   'queued' (now cancelled), 'running' (stop requested), or a terminal status (unchanged)
   * @throws {JobNotFound} no job has this id
   */
  async cancel(id, reason) {
    const jid = opt.jobId(id, 'cancel');
    const why = reason === undefined || reason === null ? null : reason;
    if (why !== null && typeof why !== 'string') throw new InvalidArgument('cancel: reason must be a string');
    const { rows } = await this._run(null, CANCEL_SQL, [jid, why]);
    if (rows.length === 0) throw new JobNotFound(jid);
    return rows[0].status;
  }

  /**
   * Reads a job's state.
   * @param {string} id the job id
   * @returns {Promise<import('../index').JobStatus>}
   * @throws {JobNotFound} no job has this id
   */
  async status(id) {
    const jid = opt.jobId(id, 'status');
    const { rows } = await this._run(null, STATUS_SQL, [jid]);
    if (rows.length === 0) throw new JobNotFound(jid);
    return opt.statusFromRow(rows[0]);
  }

  /**
   * Waits for a job to end: woken by a notification when it does, with a read of its status
   * every second as the fallback. Returns at once for a job that has already ended.
   * @param {string} id the job id
   * @param {{timeout?: number}} [opts] `timeout`: seconds to wait at most (default: no limit)
   * @returns {Promise<any>} the job's result (the handler's JSON) once it has succeeded
   * @throws {JobFailed} the job failed (`.error`); {JobCancelled} it was cancelled;
   *   {WaitTimeout} the timeout passed (the job is left as it is); {JobNotFound} no such job
   */
  async wait(id, opts) {
    const jid = opt.jobId(id, 'wait');
    const o = opt.options(opts, ['timeout'], 'wait');
    const t = opt.seconds(o.timeout, 'timeout', 0);
    if (t !== null && t > MAX_TIMER_S) throw new InvalidArgument(`timeout: ${t} is more than ${MAX_TIMER_S} seconds`);
    if (this._closed) throw new JobqError('the client is closed');
    return this._waiter.wait(jid, t);
  }

  /**
   * Closes the client: pending waits reject with a JobqError, then every connection closes.
   * Later calls reject. Calling it twice is harmless.
   * @returns {Promise<void>}
   */
  async close() {
    if (this._closed) return;
    this._closed = true;
    await this._waiter.close();
    await this._pool.end();
  }
}

module.exports = { Client };
