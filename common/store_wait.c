/* Waiting for jobs to end (jobq/store_wait.h): the waiter registrations whose jobs'
 * terminal transitions notify channel jobq_done, the wait for a notification on the
 * session, and the read of how a job ended. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jobq/clock.h"
#include "jobq/id_index.h"

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

	if (r == 0)
		r = jobq_store_command(st, "LISTEN jobq_released", err);
	return r != 0 ? r : jobq_store_command(st, "LISTEN jobq_cancel", err);
}

int jobq_store_drop_waiters(struct jobq_store *st, struct jobq_err *err)
{
	return jobq_store_command(st, "DELETE FROM job_waiters WHERE backend = pg_backend_pid()",
				  err);
}

/* A timestamp column as whole ms since 1970 on the database clock (floored, so that it prints
 * as to_char's .MS does); 0 for NULL, INT64_MAX / INT64_MIN for 'infinity' / '-infinity'. */
#define UNIX_MS(col)                                                                               \
	"CASE WHEN " col " IS NULL THEN 0"                                                         \
	" WHEN isfinite(" col ") THEN floor(extract(epoch FROM " col ") * 1000)::bigint"           \
	" WHEN " col " > clock_timestamp() THEN 9223372036854775807"                               \
	" ELSE -9223372036854775807 - 1 END"

/* clang-format off */
/* The columns of a read; $1 the ids (a uuid[] literal), $2 whether payload and metadata are
 * wanted. The lock variant appends FOR SHARE. */
#define JOB_READ_SQL                                                                               \
	"SELECT id::text AS id, status, attempt, result::text AS result, error,"                  \
	" cancel_requested_at IS NOT NULL AS cancel_requested, cancel_reason,"                    \
	" CASE WHEN started_at IS NULL OR NOT isfinite(finished_at)"                               \
	"  OR NOT isfinite(cancel_requested_at) THEN -1"                                           \
	"  ELSE COALESCE(extract(epoch FROM finished_at - cancel_requested_at) * 1000, -1) END"   \
	"  AS stop_ms,"                                                                            \
	" max_attempts, type, queue, worker_id, status_reason, idempotency_key,"                  \
	" priority, concurrency_key,"                                                              \
	" progress::text AS progress,"                                                             \
	" CASE WHEN $2::bool THEN payload::text END AS payload,"                                  \
	" CASE WHEN $2::bool THEN job_metadata::text END AS job_metadata,"                        \
	" COALESCE((extract(epoch FROM timeout) * 1000)::bigint, 0) AS timeout_ms,"              \
	" " UNIX_MS("clock_timestamp()") " AS now_ms,"                                             \
	" " UNIX_MS("run_after") " AS run_after_ms,"                                               \
	" " UNIX_MS("created_at") " AS created_ms,"                                                \
	" " UNIX_MS("started_at") " AS started_ms,"                                                \
	" " UNIX_MS("finished_at") " AS finished_ms,"                                              \
	" " UNIX_MS("updated_at") " AS updated_ms,"                                                \
	" " UNIX_MS("published_at") " AS published_ms,"                                            \
	" " UNIX_MS("heartbeat_at") " AS heartbeat_ms,"                                            \
	" " UNIX_MS("lease_expires_at") " AS lease_ms,"                                            \
	" " UNIX_MS("cancel_requested_at") " AS cancel_ms"                                         \
	" FROM jobs WHERE id = ANY($1::uuid[])"
/* clang-format on */

/* How many ids one statement of jobq_store_job_ends reads. */
#define JOB_READ_CHUNK 1000

enum {
	ID,
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
	PRIORITY,
	CONCURRENCY_KEY,
	NCOLS
};

/* Fill *out (zeroed) from row `row` of res; JOBQ_ENOMEM leaves what it copied for the
 * caller to release. */
static int fill_end(const PGresult *res, int row, const int *col, struct jobq_job_end *out,
		    struct jobq_err *err)
{
	int64_t *times[] = { &out->now_ms,           &out->run_after_ms,
			     &out->created_ms,       &out->started_ms,
			     &out->finished_ms,      &out->updated_ms,
			     &out->published_ms,     &out->heartbeat_ms,
			     &out->lease_expires_ms, &out->cancel_requested_ms };
	char **strs[] = {
		&out->result,   &out->error,   &out->cancel_reason, &out->type,
		&out->queue,    &out->worker,  &out->status_reason, &out->key,
		&out->progress, &out->payload, &out->metadata,      &out->concurrency_key
	};
	static const int str_cols[] = { RESULT,   ERROR,   REASON,        TYPE,
					QUEUE,    WORKER,  STATUS_REASON, KEY,
					PROGRESS, PAYLOAD, METADATA,      CONCURRENCY_KEY };

	out->found = true;
	store_status(res, row, col[STATUS], &out->status);
	out->attempt = store_int(res, row, col[ATTEMPT]);
	out->cancel_requested = store_bool(res, row, col[CANCEL]);
	out->stop_ms = store_double(res, row, col[STOP_MS]);
	out->max_attempts = store_int(res, row, col[MAX_ATTEMPTS]);
	out->timeout_ms = store_int64(res, row, col[TIMEOUT_MS]);
	out->priority = store_int(res, row, col[PRIORITY]);
	for (int i = NOW; i <= CANCEL_AT; i++)
		*times[i - NOW] = store_int64(res, row, col[i]);
	for (size_t i = 0; i < sizeof(str_cols) / sizeof(str_cols[0]); i++)
		if (!PQgetisnull(res, row, col[str_cols[i]]) &&
		    (*strs[i] = store_dup(res, row, col[str_cols[i]])) == NULL)
			return jobq_err_set(err, JOBQ_ENOMEM, "read job: out of memory");
	return 0;
}

/* One statement's worth (n <= JOB_READ_CHUNK) of jobq_store_job_ends. */
static int read_chunk(struct jobq_store *st, const char *const *ids, size_t n, unsigned flags,
		      struct jobq_job_end *out, struct jobq_err *err)
{
	static const char *const names[NCOLS] = { "id",
						  "status",
						  "attempt",
						  "result",
						  "error",
						  "cancel_requested",
						  "cancel_reason",
						  "stop_ms",
						  "max_attempts",
						  "type",
						  "queue",
						  "worker_id",
						  "status_reason",
						  "idempotency_key",
						  "progress",
						  "payload",
						  "job_metadata",
						  "timeout_ms",
						  "now_ms",
						  "run_after_ms",
						  "created_ms",
						  "started_ms",
						  "finished_ms",
						  "updated_ms",
						  "published_ms",
						  "heartbeat_ms",
						  "lease_ms",
						  "cancel_ms",
						  "priority",
						  "concurrency_key" };
	bool lock = (flags & JOBQ_READ_LOCK) != 0;
	char *arr = jobq_store_uuid_array(ids, n);
	const char *p[2] = { arr, (flags & JOBQ_READ_FULL) != 0 ? "t" : "f" };
	const char **rowids = NULL;
	struct jobq_id_ref *refs = NULL;
	PGresult *res = NULL;
	size_t nrows;
	int col[NCOLS];
	int r;

	if (arr == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "read job: out of memory");
	/* FOR SHARE waits for a transition in flight to commit, then reads its result. */
	/* The lock variant locks in id order, as every other statement that locks several
	 * jobs does (jobq_cli_cancel, the marks): rows locked in plan order could deadlock
	 * with them. */
	r = jobq_store_exec(st, lock ? "jobq_job_read_lock" : "jobq_job_read",
			    lock ? JOB_READ_SQL " ORDER BY jobs.id FOR SHARE" : JOB_READ_SQL, 2, p,
			    &res, "read job", err);
	free(arr);
	if (r != 0)
		return r;
	if ((r = store_columns(res, names, NCOLS, col, "read job", err)) != 0)
		goto out;
	nrows = (size_t)PQntuples(res);
	rowids = malloc((nrows + 1) * sizeof(*rowids));
	refs = malloc((nrows + 1) * sizeof(*refs));
	if (rowids == NULL || refs == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "read job: out of memory");
		goto out;
	}
	for (size_t row = 0; row < nrows; row++)
		rowids[row] = PQgetvalue(res, (int)row, col[ID]);
	jobq_id_refs_build(refs, rowids, nrows);
	for (size_t i = 0; r == 0 && i < n; i++) {
		size_t at = jobq_id_refs_find(refs, nrows, ids[i]);

		if (at < nrows)
			r = fill_end(res, (int)refs[at].idx, col, &out[i], err);
	}
out:
	free(rowids);
	free(refs);
	PQclear(res);
	return r;
}

int jobq_store_job_ends(struct jobq_store *st, const char *const *ids, size_t n, unsigned flags,
			struct jobq_job_end *out, struct jobq_err *err)
{
	int r = 0;

	memset(out, 0, n * sizeof(*out));
	for (size_t at = 0; r == 0 && at < n; at += JOB_READ_CHUNK)
		r = read_chunk(st, ids + at, n - at < JOB_READ_CHUNK ? n - at : JOB_READ_CHUNK,
			       flags, out + at, err);
	if (r != 0)
		for (size_t i = 0; i < n; i++)
			jobq_job_end_release(&out[i]);
	return r;
}

int jobq_store_add_waiters(struct jobq_store *st, const char *const *ids, size_t n,
			   struct jobq_err *err)
{
	int r = 0;

	for (size_t at = 0; r == 0 && at < n; at += JOB_READ_CHUNK) {
		char *arr = jobq_store_uuid_array(
			ids + at, n - at < JOB_READ_CHUNK ? n - at : JOB_READ_CHUNK);
		const char *p[1] = { arr };
		PGresult *res = NULL;

		if (arr == NULL)
			return jobq_err_set(err, JOBQ_ENOMEM, "register waiters: out of memory");
		r = jobq_store_exec(st, "jobq_add_waiters",
				    "INSERT INTO job_waiters (job_id)"
				    " SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING",
				    1, p, &res, "register waiters", err);
		free(arr);
		PQclear(res);
	}
	return r;
}

void jobq_job_end_release(struct jobq_job_end *e)
{
	if (e == NULL)
		return;
	char **strs[] = { &e->result,   &e->error,   &e->cancel_reason, &e->type,
			  &e->queue,    &e->worker,  &e->status_reason, &e->key,
			  &e->progress, &e->payload, &e->metadata,      &e->concurrency_key };

	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
		free(*strs[i]);
		*strs[i] = NULL;
	}
}

int jobq_store_notices(struct jobq_store *st, int64_t timeout_ms, int max, jobq_notice_fn fn,
		       void *arg, struct jobq_err *err)
{
	return jobq_store_notices_or(st, timeout_ms, max, fn, arg, -1, NULL, err);
}

int jobq_store_notices_or(struct jobq_store *st, int64_t timeout_ms, int max, jobq_notice_fn fn,
			  void *arg, int wake_fd, bool *woken, struct jobq_err *err)
{
	PGconn *conn = jobq_store_conn(st);
	int64_t deadline = jobq_monotonic_ms() + (timeout_ms > 0 ? timeout_ms : 0);
	int handed = 0;

	if (woken != NULL)
		*woken = false;
	for (;;) {
		PGnotify *n;
		struct pollfd pfd[2] = { { .fd = PQsocket(conn), .events = POLLIN },
					 { .fd = wake_fd, .events = POLLIN } };
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
		if (poll(pfd, wake_fd >= 0 ? 2 : 1, left > 1000 ? 1000 : (int)left) < 0 &&
		    errno != EINTR)
			return jobq_err_set(err, JOBQ_ESYS, "notifications: poll: %s",
					    strerror(errno));
		if (wake_fd >= 0 && (pfd[1].revents & POLLIN) != 0) {
			uint64_t count;
			ssize_t got = read(wake_fd, &count, sizeof(count));

			(void)got; /* an eventfd: a read drains it; EAGAIN if another did */
			if (woken != NULL)
				*woken = true;
			return 0;
		}
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
