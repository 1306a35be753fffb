// Type declarations of jobq's worker SDK (lib/worker.js): require('jobq/worker').

/** The version of the worker protocol the module speaks. */
export declare const PROTOCOL: 1;

/**
 * The global AbortSignal when the program's types have one (@types/node, or the DOM lib),
 * else the part of it a handler uses.
 */
export type JobSignal = typeof globalThis extends { AbortSignal: { prototype: infer S } } ? S : {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
};

/** Why jobq cancelled a job (forward compatible: other strings may come). */
export type CancelReason = 'cancel' | 'timeout' | 'shutdown' | 'lost' | (string & {});

/** One job sent by jobq, handed to its handler. */
export declare class Job {
  private constructor();
  /** The job's id (lower-case UUID). */
  readonly id: string;
  /** The job type (one of the types given to run). */
  readonly type: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** The job's payload, parsed JSON. */
  readonly payload: unknown;
  /** The runtime limit of this attempt, or null when there is none. */
  readonly deadline: Date | null;
  /** Aborted when jobq cancels the job; its reason is an Error named AbortError. */
  readonly signal: JobSignal;
  /** Whether jobq has cancelled the job (signal.aborted). */
  readonly cancelled: boolean;
  /** Why it was cancelled, or null. */
  readonly cancelReason: CancelReason | null;
  /**
   * Reports progress (any JSON value; the latest wins). Throws TypeError if it is not JSON. A
   * value jobq cannot take (over 64 KiB of JSON, a NUL or a lone surrogate in a string, an
   * integer beyond 64 bits) is dropped with a warning on stderr.
   */
  progress(progress: unknown): void;
  /**
   * Writes msg to the worker's log with the job's id, as one line (NUL and lone surrogates as
   * U+FFFD, cut at 1 MiB). Throws RangeError for another level.
   */
  log(msg: string, level?: 'debug' | 'info' | 'warn' | 'error'): void;
}

/** A handler: its (awaited) return value is the job's result, JSON; undefined means null. */
export type Handler = (job: Job) => unknown;

export interface RunOptions {
  /** Jobs run at once (default 1): the handlers entry's jobs_per_process. */
  concurrency?: number;
}

/** Throw it in a handler to fail the job permanently (never retried). */
export declare class Permanent extends Error {
  constructor(message?: string);
}

/** Throw it in a handler to fail this attempt and have the next one after `in`. */
export declare class Retry extends Error {
  /**
   * @param opts.in seconds, or a duration text of jobq's syntax ('250ms', '30s', '5m', '1h',
   * '2d'); absent: the worker's backoff. A bad one throws RangeError.
   */
  constructor(message?: string, opts?: { in?: number | string });
  /** The delay in seconds, or null. */
  readonly retryIn: number | null;
}

/**
 * Serves jobs for jobq-consumer until it closes the channel, then exits the process with 0.
 * Exits 2 with one line on stderr when not started by jobq. Throws TypeError for bad arguments.
 */
export declare function run(handlers: Record<string, Handler>, opts?: RunOptions): void;
