/* An executor's database calls, each run through outages: the session is connected (or
 * reconnected, with backoff and jitter) first, and a call whose session was lost midway
 * runs again on the new one. A statement the server refused (the session still up)
 * comes back as it is. Used by the executor's threads only (executor.h). */
#ifndef JOBQ_CONSUMER_EXEC_DB_H
#define JOBQ_CONSUMER_EXEC_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "executor.h"
#include "jobq/err.h"
#include "jobq/store_jobs.h"

/* Make sure the session *stp (the executor's own, or the consumer's write session while
 * this executor leads a batch) is usable, connecting it (*stp NULL: the new session is
 * stored there, owned by whoever owns *stp) or reconnecting it, named name in
 * pg_stat_activity; a reload's lease bound is applied to it. Waits out outages; returns
 * false only when shutdown stops waiting (a second signal or the drain's deadline), with
 * err saying why the database could not be reached. */
bool exec_db_ensure(struct executor *x, struct jobq_store **stp, const char *name,
		    struct jobq_err *err);

/* One store call on a session: returns what the store function returns. */
typedef int (*exec_db_fn)(struct jobq_store *st, void *ctx, struct jobq_err *err);

/* Run fn(*stp, ctx, err), first making the session usable (exec_db_ensure), and again
 * each time it failed because the session was lost (JOBQ_EDB, the connection gone).
 * Returns fn's result, or JOBQ_EDB when shutdown stopped waiting for the database. */
int exec_db_run(struct executor *x, struct jobq_store **stp, const char *name, exec_db_fn fn,
		void *ctx, struct jobq_err *err) JOBQ_WUR;

/* The store calls reconcile makes, as the jobq_store_* function of the same name but on
 * the executor's own session x->st and through outages (exec_db_run). */
int exec_db_job_row(struct executor *x, const char *job_id, struct jobq_job_row *out,
		    struct jobq_err *err) JOBQ_WUR;
int exec_db_worker_dead(struct executor *x, const char *worker_id, bool *dead,
			struct jobq_err *err) JOBQ_WUR;
int exec_db_cancel_unstarted(struct executor *x, const char *job_id, const char *reason,
			     struct jobq_err *err) JOBQ_WUR;
int exec_db_hold(struct executor *x, const char *job_id, struct jobq_err *err) JOBQ_WUR;
int exec_db_claim(struct executor *x, const char *job_id, int64_t lease_ms, int64_t claim_id,
		  struct jobq_claim *out, struct jobq_err *err) JOBQ_WUR;
int exec_db_claimed(struct executor *x, const char *job_id, int64_t claim_id,
		    struct jobq_claim *out, int64_t *lease_left_ms, struct jobq_err *err) JOBQ_WUR;
int exec_db_takeover(struct executor *x, const char *job_id, const char *prev_worker,
		     int64_t prev_token, bool owner_dead, int64_t lease_ms, int64_t claim_id,
		     struct jobq_claim *out, struct jobq_err *err) JOBQ_WUR;

#endif
