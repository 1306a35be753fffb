/* Waiting for jobs to end (jobq/store_wait.h): the waiter registrations whose jobs'
 * terminal transitions notify channel jobq_done, the wait for a notification on the
 * session, and the read of how a job ended. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jobq/clock.h"

#include "jobq/store_wait.h"
#include "store_internal.h"

int jobq_store_listen(struct jobq_store *st, struct jobq_err *err)
{
	return jobq_store_command(st, "LISTEN jobq_done", err);
}

int jobq_store_unlisten(struct jobq_store *st, struct jobq_err *err)
{
	PGconn *conn = jobq_store_conn(st);
	PGnotify *n;
	int r = jobq_store_command(st, "UNLISTEN jobq_done", err);

	while (conn != NULL && (n = PQnotifies(conn)) != NULL)
		PQfreemem(n);
	return r;
}

int jobq_store_listen_relay(struct jobq_store *st, struct jobq_err *err)
{
	int r = jobq_store_command(st, "LISTEN jobq_submitted", err);

	return r != 0 ? r : jobq_store_command(st, "LISTEN jobq_cancel", err);
}

int jobq_store_add_waiter(struct jobq_store *st, const char *job_id, struct jobq_err *err)
{
	const char *p[1] = { job_id };
	PGresult *res;
	int r = jobq_store_exec(
		st, NULL, "INSERT INTO job_waiters (job_id) VALUES ($1) ON CONFLICT DO NOTHING", 1,
		p, &res, "register waiter", err);
	PQclear(res);
	return r;
}

int jobq_store_drop_waiters(struct jobq_store *st, struct jobq_err *err)
{
	return jobq_store_command(st, "DELETE FROM job_waiters WHERE backend = pg_backend_pid()",
				  err);
}

/* A timestamp column as whole ms since 1970 on the database clock (floored, so that it prints
 * as to_char's .MS does); 0 for NULL. */
#define UNIX_MS(col) "COALESCE(floor(extract(epoch FROM " col ") * 1000), 0)::bigint"

int jobq_store_job_end(struct jobq_store *st, const char *job_id, bool full,
		       struct jobq_job_end *out, struct jobq_err *err)
{
	enum {
		STATUS,
		ATTEMPT,
		RESULT,
		ERROR,
		CANCEL,
		REASON,
		STOP_MS,
		MAX_ATTEMPTS,
		TYPE,
		QUEUE,
		WORKER,
		STATUS_REASON,
		KEY,
		PROGRESS,
		PAYLOAD,
		METADATA,
		TIMEOUT_MS,
		NOW,
		RUN_AFTER,
		CREATED,
		STARTED,
		FINISHED,
		UPDATED,
		PUBLISHED,
		HEARTBEAT,
		LEASE,
		CANCEL_AT,
		NCOLS
	};
	static const char *const names[NCOLS] = {
		"status",          "attempt",          "result",
		"error",           "cancel_requested", "cancel_reason",
		"stop_ms",         "max_attempts",     "type",
		"queue",           "worker_id",        "status_reason",
		"idempotency_key", "progress",         "payload",
		"job_metadata",    "timeout_ms",       "now_ms",
		"run_after_ms",    "created_ms",       "started_ms",
		"finished_ms",     "updated_ms",       "published_ms",
		"heartbeat_ms",    "lease_ms",         "cancel_ms"
	};
	const char *p[2] = { job_id, full ? "t" : "f" };
	PGresult *res;
	int col[NCOLS];
	int r;

	memset(out, 0, sizeof(*out));
	/* FOR SHARE waits for a transition in flight to commit, then reads its result. */
	r = jobq_store_exec(
		st, "jobq_job_end",
		"SELECT status, attempt, result::text AS result, error,"
		" cancel_requested_at IS NOT NULL AS cancel_requested, cancel_reason,"
		" COALESCE(extract(epoch FROM finished_at - cancel_requested_at) * 1000, -1)"
		" AS stop_ms, max_attempts, type, queue, worker_id, status_reason,"
		" idempotency_key, progress::text AS progress,"
		" CASE WHEN $2::bool THEN payload::text END AS payload,"
		" CASE WHEN $2::bool THEN job_metadata::text END AS job_metadata,"
		" COALESCE((extract(epoch FROM timeout) * 1000)::bigint, 0) AS timeout_ms,"
		" " UNIX_MS("now()") " AS now_ms,"
				     " " UNIX_MS(
					     "run_after") " AS run_after_ms,"
							  " " UNIX_MS(
								  "created_at") " AS created_ms,"
										" " UNIX_MS(
											"started_"
											"at") " AS "
											      "star"
											      "ted_"
											      "ms,"
											      " " UNIX_MS(
												      "finished_at") " AS finished_ms,"
														     " " UNIX_MS(
															     "updated_at") " AS updated_ms,"
																	   " " UNIX_MS(
																		   "published_at") " AS published_ms,"
																				   " " UNIX_MS(
																					   "heartbeat_at") " AS heartbeat_ms,"
																							   " " UNIX_MS(
																								   "lease_expires_at") " AS lease_ms,"
																										       " " UNIX_MS(
																											       "cancel_requested_at") " AS cancel_ms"
																														      " FROM jobs WHERE id = $1 FOR SHARE",
		2, p, &res, "read job", err);
	if (r != 0)
		return r;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return jobq_err_set(err, JOBQ_ENOTFOUND, "no job %s", job_id);
	}
	if ((r = store_columns(res, names, NCOLS, col, "read job", err)) == 0) {
		store_status(res, 0, col[STATUS], &out->status);
		out->attempt = store_int(res, 0, col[ATTEMPT]);
		out->cancel_requested = store_bool(res, 0, col[CANCEL]);
		out->stop_ms = store_double(res, 0, col[STOP_MS]);
		out->max_attempts = store_int(res, 0, col[MAX_ATTEMPTS]);
		out->timeout_ms = store_int64(res, 0, col[TIMEOUT_MS]);
		int64_t *times[] = { &out->now_ms,           &out->run_after_ms,
				     &out->created_ms,       &out->started_ms,
				     &out->finished_ms,      &out->updated_ms,
				     &out->published_ms,     &out->heartbeat_ms,
				     &out->lease_expires_ms, &out->cancel_requested_ms };
		for (int i = NOW; i <= CANCEL_AT; i++)
			*times[i - NOW] = store_int64(res, 0, col[i]);
		char **strs[] = { &out->result,   &out->error,   &out->cancel_reason, &out->type,
				  &out->queue,    &out->worker,  &out->status_reason, &out->key,
				  &out->progress, &out->payload, &out->metadata };
		int cols[] = { RESULT,        ERROR, REASON,   TYPE,    QUEUE,   WORKER,
			       STATUS_REASON, KEY,   PROGRESS, PAYLOAD, METADATA };
		for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
			if (!PQgetisnull(res, 0, col[cols[i]]) &&
			    (*strs[i] = store_dup(res, 0, col[cols[i]])) == NULL)
				r = jobq_err_set(err, JOBQ_ENOMEM, "read job: out of memory");
	}
	PQclear(res);
	if (r != 0)
		jobq_job_end_release(out);
	return r;
}

void jobq_job_end_release(struct jobq_job_end *e)
{
	if (e == NULL)
		return;
	char **strs[] = { &e->result,   &e->error,   &e->cancel_reason, &e->type,
			  &e->queue,    &e->worker,  &e->status_reason, &e->key,
			  &e->progress, &e->payload, &e->metadata };

	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
		free(*strs[i]);
		*strs[i] = NULL;
	}
}

int jobq_store_notices(struct jobq_store *st, int64_t timeout_ms, int max, jobq_notice_fn fn,
		       void *arg, struct jobq_err *err)
{
	PGconn *conn = jobq_store_conn(st);
	int64_t deadline = jobq_monotonic_ms() + (timeout_ms > 0 ? timeout_ms : 0);
	int handed = 0;

	for (;;) {
		PGnotify *n;
		struct pollfd pfd = { .fd = PQsocket(conn), .events = POLLIN };
		int64_t left;

		if (PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK)
			return jobq_err_set(err, JOBQ_EDB,
					    "notifications: database connection lost");
		while (handed < max && (n = PQnotifies(conn)) != NULL) {
			fn(n->relname, n->extra, arg);
			PQfreemem(n);
			handed++;
		}
		if (handed > 0)
			return handed;
		left = deadline - jobq_monotonic_ms();
		if (left <= 0)
			return 0;
		if (poll(&pfd, 1, left > 1000 ? 1000 : (int)left) < 0 && errno != EINTR)
			return jobq_err_set(err, JOBQ_ESYS, "notifications: poll: %s",
					    strerror(errno));
	}
}

static void copy_payload(const char *channel, const char *payload, void *arg)
{
	(void)channel;
	if (arg != NULL)
		store_copy(arg, JOBQ_ID_BUF, payload);
}

int jobq_store_wait_notify(struct jobq_store *st, int64_t timeout_ms, char job_id[JOBQ_ID_BUF],
			   struct jobq_err *err)
{
	return jobq_store_notices(st, timeout_ms, 1, copy_payload, job_id, err);
}
