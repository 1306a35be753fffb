// The errors the client throws, and the one place where PostgreSQL errors become them.
'use strict';

/** Base class of every error this package throws. `cause` holds the underlying error, if any. */
class JobqError extends Error {
  /**
   * @param {string} message one line saying what failed
   * @param {{cause?: unknown, code?: string}} [opts] the underlying error; its SQLSTATE
   */
  constructor(message, opts = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = this.constructor.name;
    /** The SQLSTATE of the database error behind this one, if any. @type {string|undefined} */
    this.code = opts.code;
  }
}

/**
 * Bad input: the SQL API refused it (SQLSTATE 22023; the message is the server's one line, the
 * same text the CLI prints), or the client did before sending it (a wrong option name or type).
 */
class InvalidArgument extends JobqError {}

/** No job has this id. `jobId` is the id asked for. */
class JobNotFound extends JobqError {
  /** @param {string} id the job id that was not found */
  constructor(id) {
    super(`job ${id} not found`);
    /** @type {string} */
    this.jobId = id;
  }
}

/** wait(): the job ended `failed`. `error` is its last error text, `status` its status row. */
class JobFailed extends JobqError {
  /**
   * @param {string} id the job id
   * @param {object} status the job's status (see Client#status)
   */
  constructor(id, status) {
    super(`job ${id} failed: ${status.error ?? '(no error text)'}`);
    /** @type {string} */
    this.jobId = id;
    /** The job's last error text. @type {string|null} */
    this.error = status.error;
    /** The job's status when it was seen failed. @type {object} */
    this.status = status;
  }
}

/** wait(): the job ended `cancelled`. `reason` is its cancel reason, `status` its status row. */
class JobCancelled extends JobqError {
  /**
   * @param {string} id the job id
   * @param {object} status the job's status (see Client#status)
   */
  constructor(id, status) {
    super(`job ${id} cancelled${status.cancelReason ? `: ${status.cancelReason}` : ''}`);
    /** @type {string} */
    this.jobId = id;
    /** The reason given with the cancel, if any. @type {string|null} */
    this.reason = status.cancelReason;
    /** The job's status when it was seen cancelled. @type {object} */
    this.status = status;
  }
}

/** wait(): the timeout passed before the job ended. The job itself is left as it is. */
class WaitTimeout extends JobqError {
  /**
   * @param {string} id the job id
   * @param {number} seconds the timeout that passed
   */
  constructor(id, seconds) {
    super(`job ${id} did not finish within ${seconds} s`, { code: 'ETIMEDOUT' });
    /** @type {string} */
    this.jobId = id;
  }
}

/**
 * Translates an error from pg into a JobqError: SQLSTATE 22023 (the SQL API's bad input)
 * becomes InvalidArgument with the server's message; anything else a JobqError with the same
 * message, its SQLSTATE in `code` and the original in `cause`. JobqErrors pass through.
 * @param {unknown} err
 * @returns {JobqError}
 */
function translate(err) {
  if (err instanceof JobqError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = err && typeof err === 'object' && typeof err.code === 'string' ? err.code : undefined;
  if (code === '22023') return new InvalidArgument(message, { cause: err, code });
  return new JobqError(message, { cause: err, code });
}

module.exports = { JobqError, InvalidArgument, JobNotFound, JobFailed, JobCancelled, WaitTimeout, translate };
