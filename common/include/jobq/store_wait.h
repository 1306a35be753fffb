/* Waiting for jobs to end: the waiter registrations whose jobs' terminal transitions
 * notify channel jobq_done, the wait for a notification, and the read of how a job ended. */
#ifndef JOBQ_STORE_WAIT_H
#define JOBQ_STORE_WAIT_H

#include <stdbool.h>
#include <stdint.h>
#include "jobq/ids.h"
#include "jobq/job.h"
#include "jobq/store.h"

/* LISTEN on channel jobq_done. */
int jobq_store_listen(struct jobq_store *st, struct jobq_err *err) JOBQ_WUR;

/* UNLISTEN jobq_done, and drop the notifications libpq holds already: a session that stops
 * waiting should not collect every other waiter's notifications meanwhile. */
int jobq_store_unlisten(struct jobq_store *st, struct jobq_err *err) JOBQ_WUR;

/* LISTEN on the relay's channels (migration 0011): jobq_submitted (a transaction that
 * submitted jobs through the SQL API committed; no payload) and jobq_cancel (a cancel
 * requested through the SQL API; payload: the ids of running jobs, separated by spaces),
 * and jobq_released (migration 0060: an end handed the jobs it released to a relay; payload:
 * the relay's tag and the instant, jobq_store_relay_handed). */
int jobq_store_listen_relay(struct jobq_store *st, struct jobq_err *err) JOBQ_WUR;

/* Register this session as waiting for the n jobs ids (committed at once; 1,000 ids a
 * statement). */
int jobq_store_add_waiters(struct jobq_store *st, const char *const *ids, size_t n,
			   struct jobq_err *err) JOBQ_WUR;

/* Remove this session's waiter rows. */
int jobq_store_drop_waiters(struct jobq_store *st, struct jobq_err *err) JOBQ_WUR;

/* How a job ended, or where it stands, as jobq_store_job_ends reads it: every column of
 * its row that jobq status shows. Strings are malloc'd, NULL when SQL NULL. Times are ms
 * since 1970 on the database clock (floored), 0 when unset, INT64_MAX / INT64_MIN for
 * 'infinity' / '-infinity'; now_ms is the database's clock at the read, so that ages
 * (now_ms - heartbeat_ms) come from one clock. */
struct jobq_job_end {
	bool found; /* false: no such job (nothing else is set) */
	enum jobq_status status;
	int attempt;
	char *result; /* JSON text */
	char *error;
	char *cancel_reason;
	bool cancel_requested;
	double stop_ms; /* a job that had started and has ended since a cancel request:
			 * cancel_requested_at → finished_at in ms; < 0 otherwise */
	int max_attempts;
	char *type;
	char *queue;
	char *worker;        /* worker_id: the owner (running) or the last worker */
	char *status_reason; /* why the latest transition happened */
	char *key;           /* idempotency key */
	char *progress;      /* JSON text */
	char *payload;       /* JSON text; only with JOBQ_READ_FULL */
	char *metadata;      /* JSON text; only with JOBQ_READ_FULL */
	int64_t timeout_ms;  /* runtime limit of one attempt; 0 = the handler's own */
	int64_t now_ms;
	int64_t run_after_ms;
	int64_t created_ms;
	int64_t started_ms;
	int64_t finished_ms;
	int64_t updated_ms;
	int64_t published_ms;
	int64_t heartbeat_ms;
	int64_t lease_expires_ms;
	int64_t cancel_requested_ms;
	int priority;          /* 0..9 (migration 0018) */
	char *concurrency_key; /* fairness and limit key (migrations 0021, 0024) */
};

/* Flags of jobq_store_job_ends. */
enum {
	JOBQ_READ_FULL = 1, /* payload and metadata too (what a waiter does not need) */
	/* FOR SHARE: wait for a transition in flight to commit, then read its result. A
	 * waiter's read right after it registered needs it (a finisher whose trigger ran
	 * before the registration is then still seen); no other read does. It needs UPDATE on
	 * a column of jobs, and a writable session. */
	JOBQ_READ_LOCK = 2
};

/* Read the n jobs ids into out[0..n) (zeroed first; out[i].found false for an id that
 * names no job), 1,000 ids a statement. The caller frees each with jobq_job_end_release.
 * 0, or a JOBQ_E* code with nothing kept. */
int jobq_store_job_ends(struct jobq_store *st, const char *const *ids, size_t n, unsigned flags,
			struct jobq_job_end *out, struct jobq_err *err) JOBQ_WUR;

/* Free a job end's strings and set them to NULL. Accepts NULL. */
void jobq_job_end_release(struct jobq_job_end *e);

/* Called for each notification with its channel and payload (both valid during the call). */
typedef void (*jobq_notice_fn)(const char *channel, const char *payload, void *arg);

/* The notifications of the listened channels: hands up to `max` of those already received
 * to fn, or, when none has, waits up to timeout_ms (0: not at all) for some and hands those.
 * Reads what the socket holds first, so a notification libpq buffered while reading a
 * statement's result (which poll() cannot see) is not missed. Returns how many were handed
 * (0 on timeout); JOBQ_EDB if the connection is lost. */
int jobq_store_notices(struct jobq_store *st, int64_t timeout_ms, int max, jobq_notice_fn fn,
		       void *arg, struct jobq_err *err) JOBQ_WUR;

/* jobq_store_notices that also returns, with 0 and *woken set, as soon as wake_fd (an
 * eventfd, or -1 for none) is readable; it drains it. *woken is false otherwise. */
int jobq_store_notices_or(struct jobq_store *st, int64_t timeout_ms, int max, jobq_notice_fn fn,
			  void *arg, int wake_fd, bool *woken, struct jobq_err *err) JOBQ_WUR;

/* Wait up to timeout_ms for a notification on the listened channels; returns 1 if one
 * arrived (its payload copied to job_id if non-NULL), 0 on timeout. */
int jobq_store_wait_notify(struct jobq_store *st, int64_t timeout_ms, char job_id[JOBQ_ID_BUF],
			   struct jobq_err *err) JOBQ_WUR;

#endif
