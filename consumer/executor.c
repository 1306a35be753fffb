/* Executor threads: each owns a PostgreSQL connection, claims the jobs it is handed,
 * reconciles the deliveries it cannot claim, runs handlers and writes their outcome,
 * fenced, before asking the I/O thread to settle the delivery. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "handler.h"
#include "jobq/job.h"
#include "jobq/log.h"
#include "jobq/reconcile.h"
#include "jobq/store_jobs.h"

struct executor {
	struct consumer *c;
	struct execution *exec;
	struct jobq_store *st;
	unsigned int seed;
	char name[32];
};

static bool stopping(struct consumer *c)
{
	return atomic_load(&c->signals) >= 2;
}

/* Make sure the connection is usable, reconnecting with backoff and jitter. Returns false
 * only when the consumer is shutting down hard. */
static bool ensure_db(struct executor *x)
{
	int64_t backoff = 100;

	for (;;) {
		struct jobq_err err = { 0 };

		if (x->st != NULL && jobq_store_ok(x->st))
			return true;
		if (x->st == NULL) {
			char app[64];

			snprintf(app, sizeof(app), "jobq-consumer %s", x->name);
			if (jobq_store_connect(x->c->cfg->database_url, app, &x->st, &err) == 0)
				return true;
		} else if (jobq_store_reconnect(x->st, &err) == 0) {
			jobq_info("db_reconnected", "worker", x->c->worker_id, "thread", x->name);
			return true;
		}
		jobq_warn("db_unavailable", "worker", x->c->worker_id, "thread", x->name, "error",
			  err.msg);
		if (stopping(x->c))
			return false;
		usleep((useconds_t)(backoff / 2 + rand_r(&x->seed) % (backoff / 2 + 1)) * 1000);
		backoff = backoff * 2 > 5000 ? 5000 : backoff * 2;
	}
}

/* Run a store operation, retrying through database outages (not through bad SQL). */
#define WITH_DB(x, call)                                                                  \
	({                                                                                \
		int r_;                                                                   \
		for (;;) {                                                                \
			if (!ensure_db(x)) {                                              \
				r_ = JOBQ_EDB;                                            \
				break;                                                    \
			}                                                                 \
			r_ = (call);                                                      \
			if (r_ != JOBQ_EDB || jobq_store_ok((x)->st))                     \
				break;                                                    \
		}                                                                         \
		r_;                                                                       \
	})

static void set_active(struct executor *x, const struct jobq_claim *cl, const struct delivery *d)
{
	pthread_mutex_lock(&x->c->exec_mu);
	x->exec->active = true;
	snprintf(x->exec->job_id, sizeof(x->exec->job_id), "%s", cl->id);
	x->exec->attempt = cl->attempt;
	x->exec->tag = d->tag;
	x->exec->gen = d->gen;
	atomic_store(&x->exec->cancel, false);
	atomic_store(&x->exec->lost, false);
	atomic_store(&x->exec->release, atomic_load(&x->c->signals) >= 2);
	pthread_mutex_unlock(&x->c->exec_mu);
}

/* Clear the slot; returns the delivery to settle (it may have been adopted meanwhile). */
static void clear_active(struct executor *x, uint64_t *tag, uint64_t *gen)
{
	pthread_mutex_lock(&x->c->exec_mu);
	*tag = x->exec->tag;
	*gen = x->exec->gen;
	x->exec->active = false;
	pthread_mutex_unlock(&x->c->exec_mu);
}

/* ADOPT: the job runs here already under an older delivery; settle the new one when it
 * ends instead. Returns false if no execution here runs it (a previous process with this
 * worker id died: treat as a dead owner). */
static bool adopt(struct consumer *c, const struct delivery *d)
{
	bool found = false;

	pthread_mutex_lock(&c->exec_mu);
	for (int i = 0; i < c->nexec; i++) {
		struct execution *e = &c->execs[i];
		if (e->active && strcmp(e->job_id, d->env.job_id) == 0) {
			/* The older delivery belongs to a closed connection: nothing to settle. */
			e->tag = d->tag;
			e->gen = d->gen;
			found = true;
		}
	}
	pthread_mutex_unlock(&c->exec_mu);
	return found;
}

/* Run a claimed job and write its outcome. */
static void run(struct executor *x, struct jobq_claim *cl, const struct delivery *d)
{
	const struct jobq_config *cfg = x->c->cfg;
	struct handler_result hr = { .status = HANDLER_PERMANENT };
	struct job_ctx ctx = { x->c, x->exec, cl->id, cl->type, cl->attempt, cl->max_attempts,
			       cl->payload };
	struct jobq_outcome o = { 0 };
	handler_fn fn = handler_builtin(cl->type);
	char att[24], ms[24], reason[256];
	struct jobq_err err = { 0 };
	struct timespec t0, t1;
	uint64_t tag, gen;
	int r;

	set_active(x, cl, d);
	jobq_info("job_started", "worker", x->c->worker_id, "job", cl->id, "type", cl->type,
		  "attempt", jobq_log_int(att, cl->attempt));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (fn != NULL) {
		fn(&ctx, &hr);
	} else {
		hr.status = HANDLER_PERMANENT;
		snprintf(reason, sizeof(reason), "no handler for job type '%s' on worker %s",
			 cl->type, x->c->worker_id);
		hr.error = strdup(reason);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	snprintf(ms, sizeof(ms), "%.1f",
		 (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);

	if (atomic_load(&x->exec->lost)) {
		/* Someone else owns the job now: write nothing more about it. */
		jobq_warn("lease_lost", "worker", x->c->worker_id, "job", cl->id, "attempt", att);
		clear_active(x, &tag, &gen);
		consumer_settle(x->c, tag, gen, SETTLE_ACK);
		goto out;
	}
	switch (hr.status) {
	case HANDLER_OK:
		o.to = JOBQ_SUCCEEDED;
		o.result = hr.result != NULL ? hr.result : "null";
		o.reason = "handler succeeded";
		break;
	case HANDLER_STOPPED:
		if (atomic_load(&x->exec->cancel)) {
			o.to = JOBQ_CANCELLED;
			o.reason = "cancelled";
			o.error = "cancelled while running";
		} else {
			o.to = JOBQ_QUEUED;
			o.reason = "released at worker shutdown";
		}
		break;
	case HANDLER_RETRY:
	case HANDLER_PERMANENT: {
		double j = (double)rand_r(&x->seed) / ((double)RAND_MAX + 1.0);
		struct jobq_failure_plan plan =
			jobq_failure_plan(cl->attempt, cl->max_attempts,
					  hr.status == HANDLER_PERMANENT, cfg->retry_base_ms,
					  cfg->retry_max_ms, j);

		o.to = plan.retry ? JOBQ_SCHEDULED : JOBQ_FAILED;
		o.retry_delay_ms = plan.delay_ms;
		o.error = hr.error != NULL ? hr.error : "handler failed";
		o.reason = plan.retry ? "failed, retry scheduled"
				      : hr.status == HANDLER_PERMANENT ? "failed permanently"
								       : "failed, attempts used up";
		break;
	}
	}
	r = WITH_DB(x, jobq_store_finish(x->st, cl->id, x->c->worker_id, cl->attempt, &o, &err));
	clear_active(x, &tag, &gen);
	if (r == 0) {
		char delay[24];

		jobq_info("job_finished", "worker", x->c->worker_id, "job", cl->id, "type", cl->type,
			  "attempt", att, "status", jobq_status_name(o.to), "ms", ms,
			  "retry_in_ms", o.to == JOBQ_SCHEDULED ? jobq_log_int(delay, o.retry_delay_ms)
								  : NULL,
			  "error", o.error);
		consumer_settle(x->c, tag, gen, o.to == JOBQ_QUEUED ? SETTLE_REQUEUE : SETTLE_ACK);
	} else if (r == JOBQ_ELOST) {
		jobq_warn("lease_lost", "worker", x->c->worker_id, "job", cl->id, "attempt", att,
			  "detail", err.msg);
		consumer_settle(x->c, tag, gen, SETTLE_ACK);
	} else {
		/* Not settled: the delivery stays unacked until the connection closes, then
		 * the broker redelivers and reconciliation sorts it out. */
		jobq_error("finish_failed", "worker", x->c->worker_id, "job", cl->id, "error",
			   err.msg);
	}
out:
	free(hr.result);
	free(hr.error);
}

/* Reconcile a delivery that could not be claimed (design §6). */
static void reconcile(struct executor *x, const struct delivery *d)
{
	struct consumer *c = x->c;
	struct jobq_reconcile_facts f = { 0 };
	struct jobq_job_row row;
	struct jobq_claim cl;
	struct jobq_err err = { 0 };
	enum jobq_reconcile_action a;
	int r;

	for (int round = 0; round < 3; round++) {
		if ((r = WITH_DB(x, jobq_store_job_row(x->st, d->env.job_id, &row, &err))) != 0)
			goto db_failed;
		f = (struct jobq_reconcile_facts){
			.found = row.found,
			.status = row.status,
			.cancel_requested = row.cancel_requested,
			.due = row.due,
			.owner_is_me = row.status == JOBQ_RUNNING &&
				       strcmp(row.worker_id, c->worker_id) == 0,
			.lease_expired = row.lease_expired,
		};
		a = jobq_reconcile(&f);
		if (a == JOBQ_RC_PROBE_OWNER) {
			if ((r = WITH_DB(x, jobq_store_worker_dead(x->st, row.worker_id, &f.owner_dead,
								   &err))) != 0)
				goto db_failed;
			f.owner_probed = true;
			a = jobq_reconcile(&f);
		}
		if (a == JOBQ_RC_ADOPT && !adopt(c, d)) {
			/* Our id, but no execution here: the previous process with this id died. */
			f.owner_is_me = false;
			f.owner_probed = true;
			f.owner_dead = true;
			a = JOBQ_RC_TAKEOVER;
		}
		jobq_debug("reconcile", "worker", c->worker_id, "job", d->env.job_id, "action",
			   jobq_reconcile_action_name(a), "status",
			   row.found ? jobq_status_name(row.status) : "missing");
		switch (a) {
		case JOBQ_RC_DEAD_LETTER:
			jobq_warn("message_dead_lettered", "worker", c->worker_id, "job",
				  d->env.job_id, "reason", "no such job");
			consumer_settle(c, d->tag, d->gen, SETTLE_REJECT);
			return;
		case JOBQ_RC_ACK:
			consumer_settle(c, d->tag, d->gen, SETTLE_ACK);
			return;
		case JOBQ_RC_ADOPT:
			jobq_info("delivery_adopted", "worker", c->worker_id, "job", d->env.job_id);
			return;	/* settled when the running execution ends */
		case JOBQ_RC_CANCEL:
			r = WITH_DB(x, jobq_store_cancel_unstarted(x->st, d->env.job_id,
								   "cancelled before it started", &err));
			if (r != 0 && r != JOBQ_ECONFLICT)
				goto db_failed;
			if (r == JOBQ_ECONFLICT)
				continue;	/* it moved on: look again */
			jobq_info("job_cancelled", "worker", c->worker_id, "job", d->env.job_id,
				  "when", "before start");
			consumer_settle(c, d->tag, d->gen, SETTLE_ACK);
			return;
		case JOBQ_RC_CLAIM:
			r = WITH_DB(x, jobq_store_claim(x->st, d->env.job_id, c->worker_id,
							c->cfg->lease_duration_ms, &cl, &err));
			break;
		case JOBQ_RC_TAKEOVER:
		case JOBQ_RC_PROBE_OWNER:
			r = WITH_DB(x, jobq_store_takeover(x->st, d->env.job_id, row.worker_id,
							   row.attempt, c->worker_id,
							   c->cfg->lease_duration_ms,
							   f.owner_dead ? "owner's session gone"
									: "owner's lease expired",
							   &cl, &err));
			if (r == 0)
				jobq_warn("job_taken_over", "worker", c->worker_id, "job",
					  d->env.job_id, "from", row.worker_id, "reason",
					  f.owner_dead ? "owner dead" : "lease expired");
			break;
		}
		if (r == 0) {
			run(x, &cl, d);
			jobq_claim_release(&cl);
			return;
		}
		if (r != JOBQ_ECONFLICT)
			goto db_failed;
		/* The row changed under us: read it again. */
	}
	/* Still moving after three looks: leave it to the redelivery or the relay. */
	consumer_settle(c, d->tag, d->gen, SETTLE_ACK);
	return;
db_failed:
	jobq_error("reconcile_failed", "worker", c->worker_id, "job", d->env.job_id, "error",
		   err.msg);
}

/* One delivery: claim it, or reconcile. */
static void process(struct executor *x, const struct delivery *d)
{
	struct jobq_claim cl;
	struct jobq_err err = { 0 };
	int r;

	if (atomic_load(&x->c->draining)) {
		/* Shutting down: give it back untouched. */
		consumer_settle(x->c, d->tag, d->gen, SETTLE_REQUEUE);
		return;
	}
	r = WITH_DB(x, jobq_store_claim(x->st, d->env.job_id, x->c->worker_id,
					x->c->cfg->lease_duration_ms, &cl, &err));
	if (r == 0) {
		run(x, &cl, d);
		jobq_claim_release(&cl);
	} else if (r == JOBQ_ECONFLICT) {
		reconcile(x, d);
	} else {
		jobq_error("claim_failed", "worker", x->c->worker_id, "job", d->env.job_id, "error",
			   err.msg);
	}
}

void *executor_thread(void *arg)
{
	struct executor_arg *ea = arg;
	struct executor x = { .c = ea->c, .exec = &ea->c->execs[ea->slot] };
	struct delivery d;

	x.seed = (unsigned int)time(NULL) ^ (unsigned int)(ea->slot * 2654435761u);
	snprintf(x.name, sizeof(x.name), "executor-%d", ea->slot);
	while (consumer_pop(x.c, &d)) {
		process(&x, &d);
		consumer_finished_one(x.c);
	}
	jobq_store_free(x.st);
	return NULL;
}
