// Waiting for jobs to end: one listening connection per Client (LISTEN jobq_done, each waited
// id registered with jobq_watch), with a poll of jobq_status (every second by default) as the
// fallback for a missed notification or a lost connection.
'use strict';

const pg = require('pg');
const { JobqError, JobNotFound, JobFailed, JobCancelled, WaitTimeout, translate } = require('./errors');
const { TERMINAL, statusFromRow } = require('./options');

const queues = new WeakMap(); // pg.Client -> the promise of its last statement

/**
 * Runs a statement on `c` after the ones already sent on it: the waits share the listening
 * connection, and pg wants one statement at a time on a client.
 */
function serial(c, text, values) {
  const run = (queues.get(c) ?? Promise.resolve()).then(() => c.query(text, values));
  queues.set(c, run.catch(() => {}));
  return run;
}
const STATUS_MANY_SQL =
  'SELECT s.* FROM unnest($1::uuid[]) AS u(id), LATERAL jobq_status(u.id) AS s';

/**
 * The waits of one Client. Invariant: every id in `waits` has at least one pending entry, and
 * is watched on the listening connection while that connection is up; the poll timer runs
 * exactly while `waits` is not empty.
 */
class Waiter {
  /**
   * @param {object} config pg.Client configuration of the listening connection
   * @param {(text: string, values: any[]) => Promise<any>} query runs a statement on the pool
   * @param {number} pollMs the interval of the fallback reads
   */
  constructor(config, query, pollMs) {
    this._config = config;
    this._query = query;
    this._pollMs = pollMs;
    /** @type {Map<string, Set<{resolve: Function, reject: Function, timer: any}>>} */
    this._waits = new Map();
    this._conn = null;
    this._connecting = null;
    this._poll = null;
    this._closed = false;
  }

  /**
   * Resolves with the job's result once it has succeeded; rejects with JobFailed,
   * JobCancelled, JobNotFound, WaitTimeout after `timeoutS` seconds (null: no limit), or the
   * error of the first status read.
   * @param {string} id a lower-case job id
   * @param {number|null} timeoutS
   */
  wait(id, timeoutS) {
    if (this._closed) return Promise.reject(new JobqError('wait: the client is closed'));
    let entry;
    const done = new Promise((resolve, reject) => {
      entry = { resolve, reject, timer: null };
    });
    if (timeoutS !== null) {
      entry.timer = setTimeout(() => this._settle(id, entry, () => entry.reject(new WaitTimeout(id, timeoutS))), timeoutS * 1000);
    }
    if (!this._waits.has(id)) this._waits.set(id, new Set());
    this._waits.get(id).add(entry);
    if (this._poll === null) this._poll = setInterval(() => this._tick(), this._pollMs);
    this._start(id, entry);
    // Returned at once, so that the caller's handler is attached before anything (a close,
    // a timeout) can reject it.
    return done;
  }

  /** Watches `id`, then reads its status once: a job that has already ended settles here. */
  async _start(id, entry) {
    // Watch before the first read, so that an end between the two is notified.
    try {
      await this._watch([id]);
    } catch {
      // the poll covers it, and reconnects the listener
    }
    try {
      await this._check([id]);
    } catch (err) {
      this._settle(id, entry, () => entry.reject(translate(err)));
    }
  }

  /** Rejects every pending wait and closes the listening connection. */
  async close() {
    this._closed = true;
    for (const [id, entries] of this._waits) {
      for (const e of entries) this._settle(id, e, () => e.reject(new JobqError('wait: the client was closed')));
    }
    const c = this._conn;
    this._conn = null;
    if (c) await c.end().catch(() => {});
  }

  /** Reads the status of `ids` and settles the waits of those that ended or do not exist. */
  async _check(ids) {
    const wanted = ids.filter((id) => this._waits.has(id));
    if (wanted.length === 0) return;
    const { rows } = await this._query(STATUS_MANY_SQL, [wanted]);
    const byId = new Map(rows.map((r) => [r.id, statusFromRow(r)]));
    for (const id of wanted) {
      const st = byId.get(id);
      if (st !== undefined && !TERMINAL.has(st.status)) continue;
      for (const e of [...(this._waits.get(id) ?? [])]) {
        this._settle(id, e, () => {
          if (st === undefined) e.reject(new JobNotFound(id));
          else if (st.status === 'succeeded') e.resolve(st.result);
          else if (st.status === 'failed') e.reject(new JobFailed(id, st));
          else e.reject(new JobCancelled(id, st));
        });
      }
    }
  }

  /** Removes one wait, unwatches its id when it was the last, then calls `fn` to settle it. */
  _settle(id, entry, fn) {
    const entries = this._waits.get(id);
    if (!entries || !entries.delete(entry)) return; // already settled
    clearTimeout(entry.timer);
    if (entries.size === 0) {
      this._waits.delete(id);
      const c = this._conn;
      if (c) serial(c, 'SELECT jobq_unwatch($1::uuid[])', [[id]]).catch(() => {});
    }
    if (this._waits.size === 0 && this._poll !== null) {
      clearInterval(this._poll);
      this._poll = null;
    }
    fn();
  }

  /** The fallback: reconnect the listener if it is gone, and read every waited id. */
  _tick() {
    const ids = [...this._waits.keys()];
    if (ids.length === 0) return;
    if (this._conn === null) this._listener().catch(() => {});
    this._check(ids).catch(() => {}); // a transient failure: the next tick tries again
  }

  /**
   * Registers `ids` on the listening connection. Always sent, even on a connection that was
   * just opened: its own registration may have run before these ids were added.
   */
  async _watch(ids) {
    const c = await this._listener();
    await serial(c, 'SELECT jobq_watch($1::uuid[])', [ids]);
  }

  /** The listening connection, opened (LISTEN, every waited id watched) if there is none. */
  _listener() {
    if (this._conn) return Promise.resolve(this._conn);
    if (this._connecting) return this._connecting;
    const c = new pg.Client(this._config);
    const drop = () => {
      if (this._conn === c) this._conn = null;
      c.end().catch(() => {});
    };
    c.on('error', drop);
    c.on('end', drop);
    c.on('notification', (msg) => {
      if (msg.channel === 'jobq_done' && msg.payload) this._check([msg.payload.toLowerCase()]).catch(() => {});
    });
    this._connecting = (async () => {
      try {
        await c.connect();
        await serial(c, 'LISTEN jobq_done');
        const sent = [...this._waits.keys()];
        await serial(c, 'SELECT jobq_watch($1::uuid[])', [sent]);
        if (this._closed) throw new JobqError('wait: the client is closed');
        this._conn = c;
        // a wait that ended while this connection was opening could not unwatch its id on
        // it (there was no connection to send that on): unwatch those now
        const gone = sent.filter((id) => !this._waits.has(id));
        if (gone.length > 0) serial(c, 'SELECT jobq_unwatch($1::uuid[])', [gone]).catch(() => {});
        return c;
      } catch (err) {
        c.end().catch(() => {});
        throw translate(err);
      } finally {
        this._connecting = null;
      }
    })();
    return this._connecting;
  }
}

module.exports = { Waiter };
