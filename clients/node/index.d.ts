// Type declarations of jobq's Node client (lib/index.js).

/** A pg.Pool configuration (connectionString, host, user, max, ssl, ...); see pg's documentation. */
export type PoolConfig = { [option: string]: unknown };

/** Anything with pg's query method: a pg.Client, or a client checked out of a pg.Pool. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** Options of Client#submit. Absent fields take the SQL API's defaults. */
export interface SubmitOptions {
  /** Queue name (1-64 characters of A-Z a-z 0-9 _ . -); default 'default'. */
  queue?: string;
  /** Run no earlier than this many seconds after the call (the server's clock). Exclusive with runAt. */
  delay?: number;
  /** Run no earlier than this time (a Date or ISO 8601 text; at most 365 days ahead). Exclusive with delay. */
  runAt?: Date | string;
  /** Idempotency key (1-255 characters): a key already used returns that job's id and creates nothing. */
  key?: string;
  /** Attempts in all, 1 to 1000; default 3. */
  maxAttempts?: number;
  /** Runtime limit of one attempt in seconds (> 0, at most 365 days); default: the handler's own. */
  timeout?: number;
  /** A JSON object stored with the job (at most 64 KiB as text). */
  metadata?: Record<string, unknown>;
  /**
   * With key: the key is this job's for this many seconds from its creation (> 0, at most 365
   * days); a submit of the key afterwards creates a new job. Absent: the key is the job's for ever.
   */
  uniqueFor?: number;
  /** 0 to 9; default 0. A higher one runs first among the queue's due jobs (docs/scheduling.md, "Priorities"). */
  priority?: number;
  /**
   * The job's tenant (1-128 characters of A-Z a-z 0-9 _ . : -): the keys of a queue take turns,
   * and a limit on key:K caps K's running jobs (docs/scheduling.md, "Fairness"). Absent: none.
   */
  concurrencyKey?: string;
  /**
   * Dependencies (docs/workflows.md): ids of existing jobs that must succeed before this one
   * runs. The job is saved 'waiting'; a failed or cancelled dependency cancels it. A key that
   * returns an existing job links nothing. Needs a READ COMMITTED transaction (the default).
   */
  after?: string | string[];
  /** As after, but any end of these jobs (succeeded, failed or cancelled) counts as done. */
  afterAny?: string | string[];
  /** The application's own connection: the job joins its open transaction and is not committed by the client. */
  conn?: Queryable;
}

/** One job of Client#submitMany: its type and the fields of SubmitOptions (without conn). */
export interface JobSpec extends Omit<SubmitOptions, 'conn'> {
  /** The job type (1-64 characters of A-Z a-z 0-9 _ . : -). */
  type: string;
  /** Any JSON value; default {}. */
  payload?: unknown;
  /** A name for this job in the call (1-64 characters of A-Z a-z 0-9 _ . : -, not a job id, unique in the call). */
  ref?: string;
  /** Job ids, or refs of EARLIER jobs of the same call, that must succeed before this one runs. */
  after?: string | string[];
  /** As after, but any end of these jobs counts as done. */
  afterAny?: string | string[];
}

/** The states of a job (waiting: for its dependencies); succeeded, failed and cancelled are terminal. */
export type JobState = 'waiting' | 'scheduled' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A job's state as Client#status returns it (jobq_status's columns, in camelCase). */
export interface JobStatus {
  id: string;
  type: string;
  queue: string;
  status: JobState;
  attempt: number;
  maxAttempts: number;
  payload: unknown;
  /** The handler's JSON result once succeeded, else null. */
  result: unknown;
  /** The last error text, if an attempt failed. */
  error: string | null;
  progress: unknown;
  metadata: Record<string, unknown> | null;
  key: string | null;
  runAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  cancelRequested: boolean;
  cancelReason: string | null;
  statusReason: string | null;
  workerId: string | null;
}

/** Options of the Client beside its pg configuration. */
export interface ClientOptions {
  /** Seconds between the reads of the waited jobs' status that back up the notifications; default 1. */
  pollInterval?: number;
}

/** A jobq client over the SQL API, on a pg.Pool (plus one listening connection while waiting). */
export class Client {
  /**
   * @param config a PostgreSQL URL or a pg.Pool configuration; absent: $JOBQ_DATABASE_URL,
   *   else pg's defaults (PG* environment variables)
   */
  constructor(config?: string | PoolConfig, opts?: ClientOptions);
  /** Submits one job; resolves with its id (an existing job's id for a key already used). */
  submit(type: string, payload?: unknown, opts?: SubmitOptions): Promise<string>;
  /** Submits jobs all or nothing; resolves with their ids in input order. */
  submitMany(jobs: JobSpec[], opts?: { conn?: Queryable }): Promise<string[]>;
  /**
   * Cancels a job; resolves with its status when the cancel acted ('scheduled'/'queued': now
   * cancelled; 'running': stop requested; terminal: unchanged). Rejects with JobNotFound.
   */
  cancel(id: string, reason?: string): Promise<JobState>;
  /** Reads a job's state. Rejects with JobNotFound. */
  status(id: string): Promise<JobStatus>;
  /**
   * Resolves with the job's result once it has succeeded; rejects with JobFailed,
   * JobCancelled, WaitTimeout (after `timeout` seconds) or JobNotFound.
   */
  wait(id: string, opts?: { timeout?: number }): Promise<unknown>;
  /** Rejects pending waits and closes every connection. */
  close(): Promise<void>;
}

/** Base class of every error of this package. */
export class JobqError extends Error {
  constructor(message: string, opts?: { cause?: unknown; code?: string });
  /** The SQLSTATE of the database error behind it, if any. */
  code?: string;
}
/** Bad input; the message is the server's one line when the SQL API refused it (SQLSTATE 22023). */
export class InvalidArgument extends JobqError {}
/** No job has this id. */
export class JobNotFound extends JobqError {
  constructor(id: string);
  jobId: string;
}
/** wait(): the job failed; `error` is its last error text. */
export class JobFailed extends JobqError {
  constructor(id: string, status: JobStatus);
  jobId: string;
  error: string | null;
  status: JobStatus;
}
/** wait(): the job was cancelled; `reason` is its cancel reason. */
export class JobCancelled extends JobqError {
  constructor(id: string, status: JobStatus);
  jobId: string;
  reason: string | null;
  status: JobStatus;
}
/** wait(): the timeout passed before the job ended (code 'ETIMEDOUT'). */
export class WaitTimeout extends JobqError {
  constructor(id: string, seconds: number);
  jobId: string;
}
