/* The job statements: submit, claim, fenced finish, heartbeat, relay, reaper, the worker
 * registry and waiting for a job's end. All lease arithmetic happens in SQL on the
 * database clock; every write a worker makes about a job is fenced by worker id and lease
 * token: a number every change of holder raises and nothing lowers (migration 0010), so
 * that no earlier holder, even one at the same attempt number, passes the fence. */
#ifndef JOBQ_STORE_JOBS_H
#define JOBQ_STORE_JOBS_H

#include <stdbool.h>
#include <stdint.h>
#include "jobq/envelope.h"
#include "jobq/job.h"
#include "jobq/store.h"

/* A job to create. Strings are borrowed. */
struct jobq_new_job {
	const char *type;
	const char *payload;	/* JSON text; NULL = {} */
	const char *queue;	/* NULL = "default" */
	int max_attempts;	/* 0 = default (3) */
	int64_t delay_ms;	/* run no earlier than now() + delay */
	int64_t at_unix_ms;	/* or no earlier than this instant (0 = unset) */
	int64_t timeout_ms;	/* runtime limit; 0 = the handler's or none */
	const char *key;	/* idempotency key or NULL */
};

/* What submit made (or found, for a repeated idempotency key). */
struct jobq_submitted {
	struct jobq_envelope env;	/* id, type, queue for publishing */
	enum jobq_status status;
	bool existed;			/* the key matched an earlier job: nothing inserted */
	bool published;			/* an existing job already handed to the broker */
	size_t same_as;			/* i, or the earlier job of this batch with the same key */
};

/* Insert n jobs in one transaction (all or none), as queued, or scheduled when they run
 * later. A queued job is left to its submitter to publish for relay_grace_ms before the
 * relay steps in. With `wait`, also registers this session as a waiter for each job so that its
 * terminal transition notifies channel "jobq_done" (see jobq_store_listen). out[i]
 * describes jobs[i]. JOBQ_EINVAL for bad input (the message names the job index when
 * n > 1), JOBQ_EDB otherwise. */
int jobq_store_submit(struct jobq_store *st, const struct jobq_new_job *jobs, size_t n,
		      bool wait, int64_t relay_grace_ms, struct jobq_submitted *out, struct jobq_err *err) JOBQ_WUR;

/* Record that the broker confirmed these jobs' messages: published_at = now() where the
 * row is still the one that was published — queued, unpublished and at the same lease
 * token (tokens[i], as submit, retry or the relay's take left it; 0 for all when tokens is
 * NULL, a new job's). A job that changed hands meanwhile (claimed and failed, now waiting
 * for its retry; released; taken again by another relay) is left for the relay. The write
 * is the function jobq_mark_published (migrations 0008, 0010), so the consumer's role needs
 * no UPDATE right on the mark. */
int jobq_store_mark_published(struct jobq_store *st, const char *const *ids,
			      const int64_t *tokens, size_t n, struct jobq_err *err) JOBQ_WUR;

/* The CLI's publish mark (jobq submit, jobq retry): as jobq_store_mark_published, through
 * jobq_cli_mark_published (migration 0010), which also requires the job to be still within
 * the relay grace its submit or retry set; a job past it is the relay's to publish. */
int jobq_store_cli_mark_published(struct jobq_store *st, const char *const *ids,
				  const int64_t *tokens, size_t n, struct jobq_err *err) JOBQ_WUR;

/* A claimed job: everything the executor needs to run it. payload is malloc'd. */
struct jobq_claim {
	char id[37];
	char type[JOBQ_TYPE_NAME_MAX + 1];
	char queue[65];
	char *payload;
	int attempt;
	int64_t token;		/* the lease token this claim holds: every later write names it */
	int max_attempts;
	int64_t timeout_ms;	/* 0 = none */
	double wait_s;		/* from due (run_after) to this start, in seconds */
};

/* Conditionally move a queued, due, not-cancelled job to running for worker_id (attempt
 * + 1, lease token + 1, lease = now() + lease_ms), recording claim_id (a value the caller
 * made up for this claim, see jobq_store_claimed). 0 and *out filled when claimed;
 * JOBQ_ECONFLICT when the row is not claimable (the caller reconciles); JOBQ_EDB on
 * failure. */
int jobq_store_claim(struct jobq_store *st, const char *job_id, const char *worker_id,
		     int64_t lease_ms, int64_t claim_id, struct jobq_claim *out,
		     struct jobq_err *err) JOBQ_WUR;

/* Take over a job running under another worker that is known dead (owner_dead) or whose
 * lease expired (re-checked in the UPDATE): fenced on (prev_worker, prev_token), it raises
 * the token and records claim_id as a claim does. Same results as jobq_store_claim. A job
 * with a cancel request is cancelled instead, and one whose attempts are used up fails
 * with a "worker lost" error; both return JOBQ_ECONFLICT, so the caller reads the row
 * again. */
int jobq_store_takeover(struct jobq_store *st, const char *job_id, const char *prev_worker,
			int64_t prev_token, bool owner_dead, const char *worker_id,
			int64_t lease_ms, int64_t claim_id, struct jobq_claim *out,
			struct jobq_err *err) JOBQ_WUR;

/* The claim of job_id that worker_id made with claim_id and that committed although its
 * reply was lost: *out filled as jobq_store_claim would have, and *lease_left_ms set to
 * what remains of its lease by the server's clock (the lease that claim asked for, not the
 * one configured now; negative once it lapsed), if the job still runs under that claim;
 * JOBQ_ECONFLICT if not. */
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
	char worker_id[128];
	int attempt;
	int64_t token;		/* lease_token */
	int64_t claim_id;	/* of the last claim or takeover; 0 when none */
	int max_attempts;
	bool cancel_requested;
	bool due;		/* run_after <= now() */
	bool lease_expired;	/* running and lease_expires_at < now() */
};

/* Read the row for reconciling. found=false for an unknown id (not an error). */
int jobq_store_job_row(struct jobq_store *st, const char *job_id, struct jobq_job_row *out,
		       struct jobq_err *err) JOBQ_WUR;

/* Whether the worker is dead: the session its registry row names no longer holds the
 * row's lock key (its process, hence its database session, is gone), whoever else may hold
 * that key. A worker with no registry row counts as dead. Takes no lock. */
int jobq_store_worker_dead(struct jobq_store *st, const char *worker_id, bool *dead,
			   struct jobq_err *err) JOBQ_WUR;

/* Cancel a job that is not running (design §3: scheduled/queued → cancelled), e.g. when a
 * claim finds the cancel tombstone. JOBQ_ECONFLICT if it was not in such a state. */
int jobq_store_cancel_unstarted(struct jobq_store *st, const char *job_id, const char *reason,
				struct jobq_err *err) JOBQ_WUR;

/* The end of one attempt, written fenced. */
struct jobq_outcome {
	enum jobq_status to;	/* succeeded, failed, cancelled, scheduled (retry) or queued (released) */
	const char *result;	/* JSON text for succeeded, else NULL */
	const char *error;	/* for failed/scheduled/cancelled; may be NULL */
	int64_t retry_delay_ms;	/* for scheduled */
	const char *reason;	/* lands in job_events */
	int64_t release_grace_ms; /* for queued: how long the relay leaves the nacked message be */
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
 * statement ran (each
 * request's r says how it went), else JOBQ_EDB, or JOBQ_EINVAL when the server refused a
 * value (a result jsonb cannot hold), and nothing was written: the statement is all or
 * nothing, so callers retry a refused batch one item at a time. */
int jobq_store_write_many(struct jobq_store *st, const char *worker_id, int64_t lease_ms,
			  struct jobq_claim_req *claims, size_t nc, struct jobq_finish_req *fins,
			  size_t nf, struct jobq_err *err) JOBQ_WUR;

/* One held lease as the heartbeat sees it. */
struct jobq_lease {
	char id[37];
	int64_t token;		/* the lease token the claim holds */
	bool lost;		/* out: the row is no longer ours; stop the job, write nothing */
	bool cancel_requested;	/* out: a cancel is recorded (fallback to the broadcast) */
};

/* Extend every listed lease of worker_id by lease_ms in one statement and refresh the
 * worker's registry heartbeat. Fills lost/cancel_requested for each entry. One round trip
 * in autocommit, so no row stays locked between statements; on a JOBQ_STORE_ASYNC_COMMIT
 * session its commit does not wait for the disk. */
int jobq_store_heartbeat(struct jobq_store *st, const char *worker_id, int64_t lease_ms,
			 struct jobq_lease *leases, size_t n, struct jobq_err *err) JOBQ_WUR;

/* Relay: take up to max rows that are due and unpublished — scheduled rows now due (moved
 * to queued) and queued rows older than grace_ms (their submitter died or the broker was
 * down) — skipping rows other relays hold. Taking raises each row's lease token, so that
 * only this take's mark (jobq_store_mark_published with tokens[i]) can mark it. Fills
 * envs and tokens; returns the count (>= 0). */
int jobq_store_relay_take(struct jobq_store *st, int64_t grace_ms, struct jobq_envelope *envs,
			  int64_t *tokens, int max, struct jobq_err *err);

/* Reaper: move running jobs whose lease expired to queued (unpublished, for the relay), or
 * to failed when their attempts are used up, raising their lease tokens. Returns how many
 * it moved (>= 0). */
int jobq_store_reap(struct jobq_store *st, int max, struct jobq_err *err);

/* At a worker's start, before it runs anything: give back the jobs a previous process
 * with the same worker id left running (the registry row names this session and its random
 * lock key now, so no other worker would ever see that owner as dead: "dead" means the
 * session the row names no longer holds its key). Same outcomes as the reaper. Returns the
 * count. */
int jobq_store_requeue_own(struct jobq_store *st, const char *worker_id, struct jobq_err *err);

/* Relay: push back rows whose publish failed, so the rest of the work goes on. */
int jobq_store_relay_defer(struct jobq_store *st, const char *const *ids, size_t n,
			   int64_t delay_ms, struct jobq_err *err) JOBQ_WUR;

/* A message the broker dead-lettered. */
struct jobq_dead_letter {
	const char *job_id;	/* NULL when the message names no job */
	const char *queue;	/* where it died, from x-death; may be NULL */
	const char *reason;	/* x-death reason: rejected, delivery_limit, expired, ... */
	const void *body;
	size_t body_len;	/* full size; at most 64 KiB of it is kept */
	const char *message_id;
};

/* Record a dead letter and, in the same transaction, fail its job if it is still waiting
 * (scheduled or queued) so that it cannot stay stuck: the database stays the truth. A
 * running job is left to its owner, the reconcile table and the reaper. *failed says
 * whether the job was failed here. */
int jobq_store_dead_letter(struct jobq_store *st, const struct jobq_dead_letter *d,
			   bool *failed, struct jobq_err *err) JOBQ_WUR;

/* Worker registry. */
struct jobq_worker_info {
	const char *id;
	const char *hostname;
	int pid;
	char *const *queues;
	int nqueues;
	int concurrency;
};

/* Take a session-level liveness lock on a fresh random key on this connection and upsert
 * the worker's registry row (state running) with the key and this session's server
 * process. JOBQ_ECONFLICT if the session the existing row names still holds its key (a live
 * process has the id); the new key is then released. JOBQ_ESYS if no random key could be
 * read. */
int jobq_store_worker_register(struct jobq_store *st, const struct jobq_worker_info *w,
			       struct jobq_err *err) JOBQ_WUR;

/* Set the registry state ("running", "draining", "stopped"). */
int jobq_store_worker_state(struct jobq_store *st, const char *worker_id, const char *state,
			    struct jobq_err *err) JOBQ_WUR;

/* LISTEN on channel jobq_done. */
int jobq_store_listen(struct jobq_store *st, struct jobq_err *err) JOBQ_WUR;

/* Register this session as waiting for job_id (committed at once). */
int jobq_store_add_waiter(struct jobq_store *st, const char *job_id, struct jobq_err *err) JOBQ_WUR;

/* Remove this session's waiter rows. */
int jobq_store_drop_waiters(struct jobq_store *st, struct jobq_err *err) JOBQ_WUR;

/* A job's current state for waiters: status, result, error. The read takes a share lock so
 * it waits for an in-flight transition to commit (a waiter registered after a finisher's
 * trigger ran still sees that finisher's result). Strings are malloc'd; NULL when SQL NULL.
 * JOBQ_ENOTFOUND for an unknown id. */
struct jobq_job_end {
	enum jobq_status status;
	int attempt;
	char *result;
	char *error;
	char *cancel_reason;
	bool cancel_requested;
	double stop_ms;		/* cancel_requested_at → finished_at in ms; < 0 when n/a */
};
int jobq_store_job_end(struct jobq_store *st, const char *job_id, struct jobq_job_end *out,
		       struct jobq_err *err) JOBQ_WUR;
void jobq_job_end_release(struct jobq_job_end *e);

/* What a cancel found for one job. */
struct jobq_cancel_result {
	char id[37];
	bool found;
	enum jobq_status before;	/* the state the cancel found */
	bool requested;			/* it was running: the request is recorded, the owner stops it */
};

/* Cancel jobs in one statement (design §7): scheduled or queued → cancelled at once;
 * running → cancel_requested_at and cancel_reason recorded (the tombstone every claim and
 * heartbeat checks); terminal → unchanged. out[i] describes ids[i]. The write is the
 * function jobq_cli_cancel (migration 0008). */
int jobq_store_cancel(struct jobq_store *st, const char *const *ids, size_t n, const char *reason,
		      struct jobq_cancel_result *out, struct jobq_err *err) JOBQ_WUR;

/* Wait up to timeout_ms for a notification on the listened channels; returns 1 if one
 * arrived (its payload copied to job_id if non-NULL), 0 on timeout. */
int jobq_store_wait_notify(struct jobq_store *st, int64_t timeout_ms, char job_id[37],
			   struct jobq_err *err) JOBQ_WUR;

#endif
