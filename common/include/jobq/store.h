/* PostgreSQL access: connections, parameterised statements, error translation.
 * The job statements live in the store_*.h headers (store_jobs.h includes them all). */
#ifndef JOBQ_STORE_H
#define JOBQ_STORE_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stdint.h>
#include "jobq/err.h"

struct jobq_store;

/* Connect to url (NULL or "" = libpq's PG* environment variables) with application_name
 * app_name, connect_timeout 5 s, keepalives on, a notice processor that routes server
 * notices to the log, and session settings jobq relies on (UTC, statement_timeout off).
 * *out is owned by the caller. JOBQ_EDB with the masked URL and libpq's message on failure
 * (e.g. "database postgresql://jobq:***@127.0.0.1:5432/jobq: password authentication
 * failed for user \"jobq\""). */
int jobq_store_connect(const char *url, const char *app_name, struct jobq_store **out,
		       struct jobq_err *err) JOBQ_WUR;

/* A worker's session (jobq-consumer's executors, keeper and relay): long-lived, so its
 * generic plans must not depend on how many rows the tables held when they were made;
 * enable_seqscan is off for it (its statements all find their rows through an index). */
#define JOBQ_STORE_WORKER 1u

/* A session whose commits need not wait for the disk (synchronous_commit off): for writes
 * a crash may lose without harm, such as the keeper's heartbeats. */
#define JOBQ_STORE_ASYNC_COMMIT 2u

/* A session whose statements read a few rows of an index in its order (a loose scan, an
 * ORDER BY ... LIMIT): enable_bitmapscan and enable_sort are off for it. A bitmap scan, or
 * a scan of another index that the predicate fits, reads every matching row before a sort
 * picks the first; a plan made on statistics that saw none of those rows (a table analyzed
 * before jobs were held, or one whose unpublished jobs are too rare for its statistics:
 * estimated at one row, the sort looks free) chose one, and the relay then read every
 * held or unpublished job on every loop (2,139,773 live rows in 6 s in test_relay_stale_stats
 * with 800 finished jobs analyzed first). A sort the statement cannot avoid still runs.
 * No JIT either (a plan carrying a sort's disable cost would pass jit_above_cost). The
 * relay's session. */
#define JOBQ_STORE_ORDERED 4u

/* jobq_store_connect with JOBQ_STORE_* flags. */
int jobq_store_connect_as(const char *url, const char *app_name, unsigned flags,
			  struct jobq_store **out, struct jobq_err *err) JOBQ_WUR;

/* jobq_store_connect_as for a session whose every wait is bounded by wait_ms (0 = no
 * bound): statement_timeout and idle_in_transaction_session_timeout (server side),
 * tcp_user_timeout and keepalive probes that find a silent peer in about that time
 * (client side). A statement cut off by the bound fails with JOBQ_EDB (SQLSTATE 57014),
 * the session staying usable; a transaction left idle longer ends the session. For
 * sessions whose statements are all short (a worker's); never for migrations or batch
 * submits. The bound survives jobq_store_reconnect. */
int jobq_store_connect_bounded(const char *url, const char *app_name, unsigned flags,
			       int64_t wait_ms, struct jobq_store **out,
			       struct jobq_err *err) JOBQ_WUR;

/* Change the bound of jobq_store_connect_bounded: applied to the open session's server
 * settings at once (one round trip, only when it changed), and in full to the next
 * session jobq_store_reconnect opens. JOBQ_EDB if the session refused it. */
int jobq_store_set_bound(struct jobq_store *st, int64_t wait_ms, struct jobq_err *err) JOBQ_WUR;

/* Close the connection and free the handle. Accepts NULL. */
void jobq_store_free(struct jobq_store *st);

/* The underlying connection, for LISTEN/PQsocket, with no statement in flight (those of
 * jobq_store_send_unchecked are waited for first). Still owned by st. */
PGconn *jobq_store_conn(struct jobq_store *st);

/* True while the connection is usable (PQstatus == CONNECTION_OK). */
bool jobq_store_ok(struct jobq_store *st);

/* jobq_store_ok for an idle session, without waiting: reads whatever the server sent, so
 * a session the server ended (a restart, pg_terminate_backend) is noticed now rather than
 * at the next statement. Call it only between statements. */
bool jobq_store_alive(struct jobq_store *st);

/* A session idle at least this long is asked a question before it is used again (see
 * jobq_store_fresh): a round trip of a tenth of a millisecond before a submit that comes
 * after a pause, rather than the submit failing on a session the server ended during it
 * (a restart, pg_terminate_backend: its goodbye is not always on the socket yet). */
#define JOBQ_STORE_IDLE_CHECK_MS 100

/* True when a session kept between calls can take a statement now: jobq_store_alive,
 * and, after idle_ms >= JOBQ_STORE_IDLE_CHECK_MS without use, a round trip answered (a
 * session the server ended is not always seen on its socket at once, and a statement sent
 * on it fails without saying whether it ran). False: open it again. */
bool jobq_store_fresh(struct jobq_store *st, int64_t idle_ms);

/* Re-establish a broken connection (blocking, one attempt). Prepared statements are
 * re-prepared lazily by jobq_store_exec. */
int jobq_store_reconnect(struct jobq_store *st, struct jobq_err *err) JOBQ_WUR;

/* Run one parameterised statement (text params, NULL = SQL NULL). If `name` is non-NULL
 * the statement is prepared once per session under that name and executed prepared.
 * On success *res holds a PGRES_COMMAND_OK or PGRES_TUPLES_OK result the caller must
 * PQclear. On failure *res is NULL and err says what (`what` names the operation):
 * SQLSTATE class 22 (bad data, e.g. invalid JSON) and 23 (constraint) map to JOBQ_EINVAL;
 * 40001, 40P01 (serialization failure, deadlock), 53100, 53200, 53300 (disk, memory,
 * connections short), 57014 (statement cancelled) and 55P03 (lock not available) on a
 * connection that is still up map to JOBQ_EAGAIN (nothing committed; try again);
 * everything else to JOBQ_EDB. */
int jobq_store_exec(struct jobq_store *st, const char *name, const char *sql, int nparams,
		    const char *const *params, PGresult **res, const char *what,
		    struct jobq_err *err) JOBQ_WUR;

/* Run a parameterless command (BEGIN, COMMIT, ROLLBACK, LISTEN x, SET ...). */
int jobq_store_command(struct jobq_store *st, const char *sql, struct jobq_err *err) JOBQ_WUR;

/* Send one statement (text params, NULL = SQL NULL; not prepared) and return without
 * waiting for its outcome, which nobody reads: for writes whose failure is harmless, so
 * that the caller does not wait for their round trip and commit (the publish mark, which
 * the relay makes up for). It is sent in pipeline mode with a sync of its own (its own
 * implicit transaction: a failure touches nothing else). The next jobq_store_exec or
 * _command joins the same pipeline (no round trip of its own for it) and drops its
 * results; jobq_store_conn and _free first wait for them. 0, or JOBQ_EDB when it could
 * not be sent. */
int jobq_store_send_unchecked(struct jobq_store *st, const char *sql, int nparams,
			      const char *const *params, struct jobq_err *err) JOBQ_WUR;

/* jobq_store_send_unchecked for a named statement: prepared unless the session has it (the
 * name then counts as prepared once the result of its prepare, read by the session's next
 * statement, says it worked), then run with params, its outcome unread. For work the
 * server may do while the caller does something else: the first run of a statement in a
 * new session (catalog lookups, its plan, its triggers' functions), so that its next run,
 * inside the transaction that matters, finds them done. `name` and `sql` must outlive st
 * (string literals). 0, or JOBQ_EDB when it could not be sent. */
int jobq_store_send_prepared(struct jobq_store *st, const char *name, const char *sql, int nparams,
			     const char *const *params, struct jobq_err *err) JOBQ_WUR;

/* Translate a failed result (or a NULL one) into err; returns the status code. */
int jobq_store_result_error(struct jobq_store *st, const PGresult *res, const char *what,
			    struct jobq_err *err);

/* A text uuid[] literal '{id,id,...}' of n job ids (each 36 characters), for a statement
 * parameter. malloc'd; NULL when out of memory. */
char *jobq_store_uuid_array(const char *const *ids, size_t n);

#endif
