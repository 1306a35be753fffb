/* Batches with callbacks (migration 0051, docs/workflows.md): the submit of a batch of jobs
 * whose last end queues a callback job, and the read of a batch's progress. */
#ifndef JOBQ_STORE_BATCH_H
#define JOBQ_STORE_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/err.h"
#include "jobq/ids.h"
#include "jobq/job.h"
#include "jobq/store.h"
#include "jobq/store_submit.h"

/* The most bytes the callback job's wrapper adds to a callback's payload, in the compact
 * form a submitter measures: {"batch":"<uuid>","total":N,"counts":{"succeeded":N,
 * "failed":N,"cancelled":N},"payload":...} with every N at its largest. A callback payload
 * is checked against the submitter's max payload less this; the database keeps a margin of
 * 256 bytes of its text form (migration 0051's CHECK). */
#define JOBQ_BATCH_WRAP_MAX 192

/* A batch's callbacks. Strings are borrowed; a NULL type means no such callback (at least
 * one is required); a NULL payload is {}. */
struct jobq_batch_callbacks {
	const char *on_complete_type;    /* queued when every job ended, however */
	const char *on_complete_payload; /* JSON text */
	const char *on_success_type;     /* queued when every job succeeded */
	const char *on_success_payload;  /* JSON text */
	const char *queue;               /* the callbacks' queue; NULL = "default" */
};

/* Insert jobs[0..n) as one batch with callbacks cb, in one transaction: the batch is
 * opened (jobq_batch_open), each job inserted naming it (jobs[i].batch_id is ignored and
 * set by this call), and the batch sealed with its count (jobq_batch_seal). out[] as
 * jobq_store_submit; batch_id (JOBQ_ID_BUF bytes) receives the batch's id.
 * Idempotency keys: when every job of the input has a key and the keys are exactly the
 * jobs of one batch with the same callbacks, that batch is the answer (its ids in out[],
 * existed set; nothing is inserted). Any other use of a key that belongs to a job already
 * is JOBQ_EINVAL "job N: key K is job J ..." (N counted from 1, even for one job) naming
 * the batch, if any; *bad (may be NULL) then receives N - 1 (else SIZE_MAX). A submit of
 * the same keys racing this one is waited for and then resolved as above. JOBQ_EINVAL for bad input, JOBQ_EDB
 * otherwise; nothing is saved on error. */
int jobq_store_batch_submit(struct jobq_store *st, const struct jobq_batch_callbacks *cb,
			    const struct jobq_new_job *jobs, size_t n, int64_t relay_grace_ms,
			    struct jobq_submitted *out, char *batch_id, size_t *bad,
			    struct jobq_err *err) JOBQ_WUR;

/* A callback of a batch, as jobq_store_batch_status reads it. */
struct jobq_batch_callback {
	char type[65];            /* "" when the batch has no such callback */
	char job_id[JOBQ_ID_BUF]; /* "" until the batch completed (and, for on_success,
				     * when it did not queue it) */
	char state[16];           /* the callback job's state, "" when none (or pruned) */
};

/* A batch's progress. */
struct jobq_batch_status {
	char id[JOBQ_ID_BUF];
	char created_at[40];   /* ISO 8601, UTC */
	char completed_at[40]; /* "" while not completed */
	int64_t total;
	int64_t counts[JOBQ_STATUS_COUNT]; /* its jobs by state (pruned jobs not counted) */
	int64_t left;                      /* unfinished jobs, as the stripes count them */
	char queue[JOBQ_QUEUE_BUF];        /* the callbacks' queue */
	struct jobq_batch_callback on_complete, on_success;
};

/* Read batch id's progress into *out. 0, JOBQ_ENOTFOUND (no such batch), JOBQ_EINVAL (id
 * is not a UUID) or JOBQ_EDB. */
int jobq_store_batch_status(struct jobq_store *st, const char *id, struct jobq_batch_status *out,
			    struct jobq_err *err) JOBQ_WUR;

#endif
