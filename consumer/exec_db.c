/* An executor's database calls, each run through outages (exec_db.h): connect or
 * reconnect with backoff and jitter, run the call, and run it again if the session was
 * lost under it. */
#include <stdio.h>
#include <unistd.h>

#include "exec_db.h"
#include "jobq/log.h"
#include "jobq/store_queue.h"

bool exec_db_ensure(struct executor *x, struct jobq_store **stp, const char *name,
		    struct jobq_err *err)
{
	jobq_backoff_reset(&x->db_backoff);
	for (;;) {
		/* A reload may have changed the lease: the session's bound follows it. */
		if (*stp != NULL && jobq_store_ok(*stp) &&
		    jobq_store_set_bound(*stp, fence_session_bound_ms(x->c->cfg), err) == 0)
			return true;
		if (*stp == NULL) {
			char app[64];

			snprintf(app, sizeof(app), "jobq-consumer %s", name);
			if (jobq_store_connect_bounded(
				    x->c->cfg->database_url, app, JOBQ_STORE_WORKER,
				    fence_session_bound_ms(x->c->cfg), stp, err) == 0)
				return true;
		} else if (jobq_store_reconnect(*stp, err) == 0) {
			jobq_info("db_reconnected", "worker", x->c->worker_id, "thread", name);
			atomic_fetch_add(&x->c->metrics.reconnects[RECONNECT_DATABASE], 1);
			return true;
		}
		jobq_warn("db_unavailable", "worker", x->c->worker_id, "thread", name, "error",
			  err->msg);
		if (consumer_hard_stop(x->c))
			return false;
		usleep((useconds_t)jobq_backoff_next(&x->db_backoff) * 1000);
	}
}

int exec_db_run(struct executor *x, struct jobq_store **stp, const char *name, exec_db_fn fn,
		void *ctx, struct jobq_err *err)
{
	int r;

	do {
		if (!exec_db_ensure(x, stp, name, err))
			return JOBQ_EDB;
		r = fn(*stp, ctx, err);
	} while (r == JOBQ_EDB && !jobq_store_ok(*stp));
	return r;
}

/* ---- the calls on the executor's own session, each its arguments and an adapter ---- */

struct job_row_call {
	const char *job_id;
	struct jobq_job_row *out;
};

static int job_row(struct jobq_store *st, void *ctx, struct jobq_err *err)
{
	struct job_row_call *a = ctx;

	return jobq_store_job_row(st, a->job_id, a->out, err);
}

int exec_db_job_row(struct executor *x, const char *job_id, struct jobq_job_row *out,
		    struct jobq_err *err)
{
	struct job_row_call a = { job_id, out };

	return exec_db_run(x, &x->st, x->name, job_row, &a, err);
}

struct worker_dead_call {
	const char *worker_id;
	bool *dead;
};

static int worker_dead(struct jobq_store *st, void *ctx, struct jobq_err *err)
{
	struct worker_dead_call *a = ctx;

	return jobq_store_worker_dead(st, a->worker_id, a->dead, err);
}

int exec_db_worker_dead(struct executor *x, const char *worker_id, bool *dead, struct jobq_err *err)
{
	struct worker_dead_call a = { worker_id, dead };

	return exec_db_run(x, &x->st, x->name, worker_dead, &a, err);
}

struct cancel_call {
	const char *job_id;
	const char *reason;
};

static int cancel_unstarted(struct jobq_store *st, void *ctx, struct jobq_err *err)
{
	struct cancel_call *a = ctx;

	return jobq_store_cancel_unstarted(st, a->job_id, a->reason, err);
}

int exec_db_cancel_unstarted(struct executor *x, const char *job_id, const char *reason,
			     struct jobq_err *err)
{
	struct cancel_call a = { job_id, reason };

	return exec_db_run(x, &x->st, x->name, cancel_unstarted, &a, err);
}

static int hold(struct jobq_store *st, void *ctx, struct jobq_err *err)
{
	return jobq_store_hold(st, ctx, err);
}

int exec_db_hold(struct executor *x, const char *job_id, struct jobq_err *err)
{
	return exec_db_run(x, &x->st, x->name, hold, (void *)job_id, err);
}

/* A claim, its recovery and a takeover share their arguments: worker_id is this
 * worker's, and the fields a call does not take stay unused. */
struct claim_call {
	const char *job_id;
	const char *worker_id;
	const char *prev_worker;
	int64_t prev_token;
	bool owner_dead;
	int64_t lease_ms;
	int64_t claim_id;
	struct jobq_claim *out;
	int64_t *lease_left_ms;
};

static int claim(struct jobq_store *st, void *ctx, struct jobq_err *err)
{
	struct claim_call *a = ctx;

	return jobq_store_claim(st, a->job_id, a->worker_id, a->lease_ms, a->claim_id, a->out, err);
}

static int claimed(struct jobq_store *st, void *ctx, struct jobq_err *err)
{
	struct claim_call *a = ctx;

	return jobq_store_claimed(st, a->job_id, a->worker_id, a->claim_id, a->out,
				  a->lease_left_ms, err);
}

static int takeover(struct jobq_store *st, void *ctx, struct jobq_err *err)
{
	struct claim_call *a = ctx;

	return jobq_store_takeover(st, a->job_id, a->prev_worker, a->prev_token, a->owner_dead,
				   a->worker_id, a->lease_ms, a->claim_id, a->out, err);
}

int exec_db_claim(struct executor *x, const char *job_id, int64_t lease_ms, int64_t claim_id,
		  struct jobq_claim *out, struct jobq_err *err)
{
	struct claim_call a = { .job_id = job_id,
				.worker_id = x->c->worker_id,
				.lease_ms = lease_ms,
				.claim_id = claim_id,
				.out = out };

	return exec_db_run(x, &x->st, x->name, claim, &a, err);
}

int exec_db_claimed(struct executor *x, const char *job_id, int64_t claim_id,
		    struct jobq_claim *out, int64_t *lease_left_ms, struct jobq_err *err)
{
	struct claim_call a = { .job_id = job_id,
				.worker_id = x->c->worker_id,
				.claim_id = claim_id,
				.out = out,
				.lease_left_ms = lease_left_ms };

	return exec_db_run(x, &x->st, x->name, claimed, &a, err);
}

int exec_db_takeover(struct executor *x, const char *job_id, const char *prev_worker,
		     int64_t prev_token, bool owner_dead, int64_t lease_ms, int64_t claim_id,
		     struct jobq_claim *out, struct jobq_err *err)
{
	struct claim_call a = { .job_id = job_id,
				.worker_id = x->c->worker_id,
				.prev_worker = prev_worker,
				.prev_token = prev_token,
				.owner_dead = owner_dead,
				.lease_ms = lease_ms,
				.claim_id = claim_id,
				.out = out };

	return exec_db_run(x, &x->st, x->name, takeover, &a, err);
}
