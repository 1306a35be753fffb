/* Cancelling jobs: the operator's cancel (a job not yet running → cancelled at once, a
 * running one → its cancel request recorded for the owner) and the cancel of a job a claim
 * found with a cancel request before it started. */
#ifndef JOBQ_STORE_CANCEL_H
#define JOBQ_STORE_CANCEL_H

#include <stdbool.h>
#include <stddef.h>
#include "jobq/ids.h"
#include "jobq/job.h"
#include "jobq/store.h"

/* What a cancel found for one job. */
struct jobq_cancel_row {
	char id[JOBQ_ID_BUF];
	bool found;
	enum jobq_status before; /* the state the cancel found */
	bool requested;          /* it was running: the request is recorded, the owner stops it */
};

/* Cancel jobs in one statement (docs/design.md §7): scheduled or queued → cancelled at once;
 * running → cancel_requested_at and cancel_reason recorded (the tombstone every claim and
 * heartbeat checks); terminal → unchanged. out[i] describes ids[i]. The write is the
 * function jobq_cli_cancel (migration 0008). */
int jobq_store_cancel(struct jobq_store *st, const char *const *ids, size_t n, const char *reason,
		      struct jobq_cancel_row *out, struct jobq_err *err) JOBQ_WUR;

/* Cancel a job that is not running (docs/design.md §3: scheduled/queued → cancelled), e.g. when a
 * claim finds the cancel tombstone. JOBQ_ECONFLICT if it was not in such a state. */
int jobq_store_cancel_unstarted(struct jobq_store *st, const char *job_id, const char *reason,
				struct jobq_err *err) JOBQ_WUR;

/* Of the job ids a cancel notification named (migration 0011: a hint that anyone may send),
 * those that really are running under worker_id with a cancel request recorded, copied to
 * out[] (room for n). Returns how many, or a negative JOBQ_E* code. */
int jobq_store_cancel_requested(struct jobq_store *st, const char *worker_id,
				const char *const *ids, size_t n, char (*out)[JOBQ_ID_BUF],
				struct jobq_err *err) JOBQ_WUR;

#endif
