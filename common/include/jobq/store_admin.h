/* The writes on finished jobs: retry (a failed or cancelled job → queued, as if new), prune
 * (finished jobs, stopped workers and stale wait registrations deleted past a retention),
 * and the consumers' retention rounds (finished jobs and dead letters past the windows of
 * the retention settings, a batch at a time, under the installation's retention lock). */
#ifndef JOBQ_STORE_ADMIN_H
#define JOBQ_STORE_ADMIN_H

#include <stdbool.h>
#include <stdint.h>
#include "jobq/envelope.h"
#include "jobq/job.h"
#include "jobq/store.h"

/* What a retry found, and what it requeued. */
struct jobq_retried {
	bool found;               /* false: no job has the id */
	enum jobq_status before;  /* the state the retry found (when found) */
	bool requeued;            /* the job is now queued and unpublished: env, token set */
	struct jobq_envelope env; /* id, type, queue for publishing */
	int64_t token;            /* the new lease token, for the publish mark */
	bool blocked; /* not requeued: a dependency has not succeeded (an --after-any one has
		       * not ended; migration 0050) */
};

/* Requeue a failed or cancelled job as if new, through jobq_cli_retry (migrations 0008,
 * 0010): attempt back to 0, its error, result, progress, owner and cancel request cleared,
 * due at once, its lease token raised (so no write of an execution from before the retry
 * passes the fence of one after it), with `reason` in its history. The caller publishes
 * it; the relay steps in after relay_grace_ms if it does not. 0 with *out filled: found
 * false for an unknown id; requeued false when the job was in another state (before says
 * which; failed or cancelled there means another session changed the row while the
 * statement waited on it). JOBQ_EDB (or JOBQ_EINVAL for an id that is not a UUID) on
 * failure. */
int jobq_store_retry(struct jobq_store *st, const char *job_id, int64_t relay_grace_ms,
		     const char *reason, struct jobq_retried *out, struct jobq_err *err) JOBQ_WUR;

/* Jobs deleted per statement by jobq_store_prune, so no transaction stays open long. */
#define JOBQ_PRUNE_BATCH 1000

/* What a prune deleted (or, on a dry run, would delete). */
struct jobq_pruned {
	int64_t jobs;    /* finished jobs, with their history */
	int64_t workers; /* stopped workers */
	int64_t waiters; /* wait registrations older than a day whose session is gone */
	int64_t turns;   /* key turns of keys idle for a day (migration 0030) */
	int64_t slots;   /* fired schedule slots that guard no fire any more (migration 0030) */
	char cutoff[32]; /* now() - older_ms as ISO 8601 UTC text with milliseconds */
};

/* Delete the jobs that finished (succeeded, failed, cancelled) more than older_ms ago, in
 * batches of JOBQ_PRUNE_BATCH, with their history; then the workers that stopped before
 * the same cutoff, and the stale wait registrations. The cutoff is fixed once, so the
 * batches agree on it however long the run takes. Also the key turns and fired schedule
 * slots that no longer matter (jobq_cli_prune_turns, jobq_cli_prune_slots: migration 0030). Jobs that are not finished, and a job
 * requeued meanwhile, are never deleted. With dry_run, count what would be deleted and
 * delete nothing. On failure (JOBQ_EDB) *out still says what was deleted before it: the
 * batches already deleted stay deleted. */
int jobq_store_prune(struct jobq_store *st, int64_t older_ms, bool dry_run, struct jobq_pruned *out,
		     struct jobq_err *err) JOBQ_WUR;

/* What one retention statement deletes: the finished jobs of one state (with their history),
 * or dead letters (by their own age). */
enum jobq_retention_kind {
	JOBQ_RETAIN_SUCCEEDED,
	JOBQ_RETAIN_FAILED,
	JOBQ_RETAIN_CANCELLED,
	JOBQ_RETAIN_DEAD_LETTERS,
	JOBQ_RETAIN_N
};

/* "succeeded", "failed", "cancelled", "dead_letters"; "?" for any other value. */
const char *jobq_retention_kind_name(enum jobq_retention_kind kind);

/* Try the installation's retention lock (a session-level advisory lock, so only one
 * consumer runs a round at a time and a session that ends lets go of it). 0 with *locked
 * telling whether this session holds it now, and started[0..len) the server's clock time
 * as text (the round's start, for jobq_store_retention_record); JOBQ_EDB on failure. */
int jobq_store_retention_lock(struct jobq_store *st, bool *locked, char *started, size_t len,
			      struct jobq_err *err) JOBQ_WUR;

/* Let go of the retention lock this session holds. 0 or JOBQ_EDB. */
int jobq_store_retention_unlock(struct jobq_store *st, struct jobq_err *err) JOBQ_WUR;

/* Delete one batch of at most `batch` rows of `kind` older than older_ms (> 0): finished
 * jobs of that state by finished_at (jobq_prune_jobs, the function `jobq prune` uses), or
 * dead letters by their `at` (jobq_prune_dead_letters). Rows another session is changing
 * are skipped (SKIP LOCKED), and a job requeued meanwhile is not deleted. One statement,
 * its own transaction. 0 with *deleted set (fewer than batch: nothing more is due now);
 * JOBQ_EINVAL for a bad kind, age or size; JOBQ_EDB. */
int jobq_store_retention_batch(struct jobq_store *st, enum jobq_retention_kind kind,
			       int64_t older_ms, int batch, int64_t *deleted,
			       struct jobq_err *err) JOBQ_WUR;

/* Record a round (retention_rounds: worker, started as jobq_store_retention_lock gave it,
 * its end now, what it deleted); the table keeps the latest 1000. 0 or JOBQ_EDB. */
int jobq_store_retention_record(struct jobq_store *st, const char *worker_id, const char *started,
				int64_t jobs, int64_t dead_letters, struct jobq_err *err) JOBQ_WUR;

#endif
