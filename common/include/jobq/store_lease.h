/* A worker's hold on its jobs: the claim (queued → running), the fenced write of each
 * attempt's outcome (running → succeeded, failed, cancelled, scheduled for a retry, or
 * queued when released), the heartbeat that extends leases, and the reads of a claim whose
 * reply was lost and of a row to reconcile. Every write a worker makes about a job is
 * fenced by worker id and lease token: a number every change of holder raises and nothing
 * lowers (migration 0010), so that no earlier holder, even one at the same attempt number,
 * passes the fence. */
#ifndef JOBQ_STORE_LEASE_H
#define JOBQ_STORE_LEASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/envelope.h"
#include "jobq/job.h"
#include "jobq/store.h"

/* A claimed job: everything the executor needs to run it. payload is malloc'd. */
struct jobq_claim {
	char id[JOBQ_ID_BUF];
	char type[JOBQ_TYPE_NAME_MAX + 1];
	char queue[JOBQ_QUEUE_BUF];
	char *payload;
	int attempt;
	int64_t token; /* the lease token this claim holds: every later write names it */
	int max_attempts;
	int64_t timeout_ms; /* 0 = none */
	double wait_s;      /* from due (run_after) to this start, in seconds */
};

/* Conditionally move a queued, due, not-cancelled job to running for worker_id (attempt
 * + 1, lease token + 1, lease = now() + lease_ms), recording claim_id (a value the caller
 * made up for this claim, see jobq_store_claimed). 0 and *out filled when claimed;
 * JOBQ_ECONFLICT when the row is not claimable (the caller reconciles); JOBQ_EDB on
 * failure; JOBQ_EINTERNAL as jobq_store_write_many (the claim may have committed). */
int jobq_store_claim(struct jobq_store *st, const char *job_id, const char *worker_id,
		     int64_t lease_ms, int64_t claim_id, struct jobq_claim *out,
		     struct jobq_err *err) JOBQ_WUR;

/* The claim of job_id that worker_id made with claim_id and that committed although its
 * reply was lost: *out filled as jobq_store_claim would have, and *lease_left_ms set to
 * what remains of its lease by the server's clock (the lease that claim asked for, not the
 * one configured now; negative once it lapsed), if the job still runs under that claim;
 * JOBQ_ECONFLICT if not; JOBQ_EDB on failure, JOBQ_EINTERNAL if the reply lacks a column
 * (a defect; this read writes nothing). */
int jobq_store_claimed(struct jobq_store *st, const char *job_id, const char *worker_id,
		       int64_t claim_id, struct jobq_claim *out, int64_t *lease_left_ms,
		       struct jobq_err *err) JOBQ_WUR;

/* One delivery's claim in a batch: job_id and claim_id in; r (0 claimed, JOBQ_ECONFLICT
 * not claimable) and out (when claimed; the caller releases it) set by the call. */
struct jobq_claim_req {
	const char *job_id;
	int64_t claim_id;
	struct jobq_claim out;
	int r;
};

/* Free a claim's allocations. Accepts NULL. */
void jobq_claim_release(struct jobq_claim *c);

/* The facts about a job row that the reconcile table needs. */
struct jobq_job_row {
	bool found;
	enum jobq_status status;
	char worker_id[JOBQ_WORKER_ID_BUF];
	int attempt;
	int64_t token;    /* lease_token */
	int64_t claim_id; /* of the last claim or takeover; 0 when none */
	int max_attempts;
	bool cancel_requested;
	bool due;           /* run_after <= now() */
	bool lease_expired; /* running and lease_expires_at < now() */
	bool queue_paused;  /* its queue is paused (migration 0017) */
	bool limited;       /* it is in a scope with a concurrency limit (migration 0021) */
};

/* Read the row for reconciling. found=false for an unknown id (not an error). JOBQ_EDB on
 * failure, JOBQ_EINTERNAL if the reply lacks a column (a defect; this read writes
 * nothing). */
int jobq_store_job_row(struct jobq_store *st, const char *job_id, struct jobq_job_row *out,
		       struct jobq_err *err) JOBQ_WUR;

/* The end of one attempt, written fenced. */
struct jobq_outcome {
	enum jobq_status
		to; /* succeeded, failed, cancelled, scheduled (retry) or queued (released) */
	const char *result;       /* JSON text for succeeded, else NULL */
	const char *error;        /* for failed/scheduled/cancelled; may be NULL */
	int64_t retry_delay_ms;   /* for scheduled */
	const char *reason;       /* lands in job_events */
	int64_t release_grace_ms; /* for queued: how long the relay leaves the nacked message be */
	bool uncounted;           /* for scheduled: the attempt did not run (not counted) */
	const char *progress;     /* JSON text: the attempt's last progress, or NULL (kept) */
};

/* One attempt's outcome in a batch: job_id, the lease token its claim holds and o in; r
 * (0 written, JOBQ_ELOST lease lost, nothing written) set by the call. */
struct jobq_finish_req {
	const char *job_id;
	int64_t token;
	const struct jobq_outcome *o;
	int r;
};

/* nc claims (each as jobq_store_claim) and nf outcomes of worker_id's attempts, in one
 * statement and one commit, all rows locked in id order. An outcome is written only if
 * (job_id, worker_id, token) still holds the lease (else its r is JOBQ_ELOST), and raises
 * the token; a release (to = queued) does not count the attempt. Returns 0 when the
 * statement ran (each request's r says how it went), else JOBQ_EDB, JOBQ_EAGAIN, or
 * JOBQ_EINVAL when the server refused a value (a result jsonb cannot hold), and nothing was
 * written: the statement is all or nothing, so callers retry a refused batch one item at a
 * time. The one exception is JOBQ_EINTERNAL: the reply lacks a column the reader names, a
 * defect found only after the statement committed, so every request's r is left at its
 * "not written" value (JOBQ_ECONFLICT, JOBQ_ELOST) although the rows may have changed; a
 * caller treats it as a reply it never got (the delivery is reconciled against the row),
 * never as a passing problem to retry. */
int jobq_store_write_many(struct jobq_store *st, const char *worker_id, int64_t lease_ms,
			  struct jobq_claim_req *claims, size_t nc, struct jobq_finish_req *fins,
			  size_t nf, struct jobq_err *err) JOBQ_WUR;

/* jobq_store_write_many whose ends hand the jobs they release to this process's relay
 * (migration 0060): with hand_grace_ms (100 to 60000; else no hand-off), the released jobs
 * the relay's ordinary take would take get publish_after = the statement's now() +
 * hand_grace_ms, as a take gives, and *handed_at (if not NULL) receives that instant in
 * microseconds since 1970 when an outcome ended a job with dependents, else 0 (given
 * whether the end released any or not, and whether the database took the setting or not:
 * a read by it then finds nothing). The relay reads them by it (jobq_store_relay_handed);
 * any relay takes them once it has passed. */
int jobq_store_write_many_to(struct jobq_store *st, const char *worker_id, int64_t lease_ms,
			     struct jobq_claim_req *claims, size_t nc, struct jobq_finish_req *fins,
			     size_t nf, int64_t hand_grace_ms, int64_t *handed_at,
			     struct jobq_err *err) JOBQ_WUR;

/* One held lease as the heartbeat sees it. */
struct jobq_lease {
	char id[JOBQ_ID_BUF];
	int64_t token; /* the lease token the claim holds */
	bool lost;     /* out: the row is no longer ours; stop the job, write nothing */
	bool busy;     /* out: still ours, but another transaction held its lock: not renewed */
	bool cancel_requested; /* out: a cancel is recorded (fallback to the broadcast) */
	const char *progress;  /* in: JSON text written to jobs.progress, or NULL (kept) */
};

/* Extend every listed lease of worker_id by lease_ms in one statement and refresh the
 * worker's registry heartbeat; an entry with a progress writes it to its row (with the
 * lease: a lost lease writes none). Fills lost/busy/cancel_requested for each entry. A row
 * another transaction has locked is skipped, not waited for (an application's open
 * transaction that cancelled one job must not stall every lease of the worker): it comes
 * back busy, judged on its last committed version. One round trip
 * in autocommit, so no row stays locked between statements; on a JOBQ_STORE_ASYNC_COMMIT
 * session its commit does not wait for the disk. 0, or JOBQ_EDB (JOBQ_EAGAIN) when it did
 * not commit; JOBQ_EINTERNAL when the reply lacks a column, a defect found after the
 * commit (the leases may have been extended). On any error the entries say nothing. */
int jobq_store_heartbeat(struct jobq_store *st, const char *worker_id, int64_t lease_ms,
			 struct jobq_lease *leases, size_t n, struct jobq_err *err) JOBQ_WUR;

#endif
