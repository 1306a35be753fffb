/* Executor threads: each owns a PostgreSQL connection, claims the jobs it is handed,
 * reconciles the deliveries it cannot claim, runs handlers and writes their outcome,
 * fenced, before asking the I/O thread to settle the delivery. */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "command.h"
#include "handler.h"
#include "jobq/clock.h"
#include "jobq/duration.h"
#include "jobq/job.h"
#include "jobq/log.h"
#include "jobq/reconcile.h"
#include "jobq/store_jobs.h"
#include "jobq/utf8.h"

/* A delivery this executor could not settle because the database refused a statement
 * (not an outage) goes back to the queue after this pause, so a persistent error cannot
 * spin. */
#define REQUEUE_PAUSE_MS 1000
/* Pauses before each second look at a redelivered job's owner that seemed alive (775 ms in
 * all): the time PostgreSQL may take to end a killed worker's session. */
static const int REPROBE_MS[] = { 25, 50, 100, 200, 400 };
/* Pauses between tries of an outcome the database turned down for a passing reason. */
#define FINISH_RETRY_MIN_MS 50
#define FINISH_RETRY_MAX_MS 2000

struct executor {
	struct consumer *c;
	struct execution *exec;
	struct jobq_store *st;
	unsigned int seed;
	char name[32];
	/* Claim ids: claim_base (random, per executor) + a count, so that no two claims of
	 * any process share one; sent_claim is the id of the last claim or takeover sent for
	 * the delivery at hand (0: none yet). */
	int64_t claim_base;
	int64_t claim_seq;
	int64_t sent_claim;
};

/* Make sure the session *stp (this executor's own, or the consumer's write session while
 * this executor leads a batch) is usable, connecting or reconnecting with backoff and
 * jitter. Returns false only when shutdown stops waiting (second signal or the drain's
 * deadline). */
static bool ensure_store(struct executor *x, struct jobq_store **stp, const char *name,
			 struct jobq_err *err)
{
	int64_t backoff = 100;

	for (;;) {
		/* A reload may have changed the lease: the session's bound follows it. */
		if (*stp != NULL && jobq_store_ok(*stp) &&
		    jobq_store_set_bound(*stp, fence_session_bound_ms(x->c->cfg), err) == 0)
			return true;
		if (*stp == NULL) {
			char app[64];

			snprintf(app, sizeof(app), "jobq-consumer %s", name);
			if (jobq_store_connect_bounded(x->c->cfg->database_url, app, JOBQ_STORE_WORKER,
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
		usleep((useconds_t)(backoff / 2 + rand_r(&x->seed) % (backoff / 2 + 1)) * 1000);
		backoff = backoff * 2 > 5000 ? 5000 : backoff * 2;
	}
}

/* Run a store operation on session *stp, retrying through database outages (not through
 * statements the server refused: those come back as they are). */
#define WITH_STORE(x, stp, name, errp, call)                                              \
	({                                                                                \
		int r_;                                                                   \
		for (;;) {                                                                \
			if (!ensure_store((x), (stp), (name), (errp))) {                  \
				r_ = JOBQ_EDB;                                            \
				break;                                                    \
			}                                                                 \
			r_ = (call);                                                      \
			if (r_ != JOBQ_EDB || jobq_store_ok(*(stp)))                      \
				break;                                                    \
		}                                                                         \
		r_;                                                                       \
	})

/* WITH_STORE on this executor's own session. */
#define WITH_DB(x, errp, call) WITH_STORE((x), &(x)->st, (x)->name, (errp), (call))

/* ---- claims and finishes, combined across executors (combine.h) -------------------- */

/* One executor's write: a claim (out and claim_id set) or an attempt's outcome (o, and
 * the token its claim holds, set; attempt is for messages). */
struct write_item {
	const char *job_id;
	struct jobq_claim *out;
	const struct jobq_config *lease_cfg;	/* set for a claim: the lease it asked for */
	int64_t claim_id;
	int attempt;
	int64_t token;
	const struct jobq_outcome *o;
	struct jobq_err *err;
};

/* The combiner's batch (combine_fn), run by the leading executor on the consumer's write
 * session (one session for every batch: one warm backend, its plans and caches made once,
 * instead of one per executor): every waiting claim and outcome in one statement and one
 * commit. A statement the server refused (not an outage: the connection is still up) is
 * run again one item at a time, so one bad row cannot fail its neighbours. */
static void write_batch(void *ctx, void **items, int *results, size_t n)
{
	struct executor *x = ctx;
	const struct jobq_config *cfg = x->c->cfg;	/* one lease for the whole batch */
	struct jobq_claim_req claims[256];
	struct jobq_finish_req fins[256];
	struct jobq_err err = { 0 };
	size_t step = n, at = 0, m, nc, nf, ix[256];
	int r;

	while (at < n) {
		m = n - at < step ? n - at : step;
		nc = nf = 0;
		for (size_t i = at; i < at + m; i++) {
			struct write_item *it = items[i];

			/* ix: where the item's request sits in claims[] or fins[] */
			if (it->o != NULL) {
				ix[i] = nf;
				fins[nf++] = (struct jobq_finish_req){ .job_id = it->job_id,
								       .token = it->token,
								       .o = it->o };
			} else {
				ix[i] = nc;
				claims[nc++] = (struct jobq_claim_req){ .job_id = it->job_id,
									.claim_id = it->claim_id };
			}
		}
		r = WITH_STORE(x, &x->c->write_st, "writer", &err,
			       jobq_store_write_many(x->c->write_st, x->c->worker_id,
						     cfg->lease_duration_ms, claims, nc,
						     fins, nf, &err));
		if (r != 0 && m > 1 && x->c->write_st != NULL && jobq_store_ok(x->c->write_st)) {
			step = 1;	/* the same items again, one at a time */
			continue;
		}
		if (r == 0) {
			atomic_fetch_add(&x->c->metrics.written[0], nc);
			atomic_fetch_add(&x->c->metrics.written[1], nf);
		}
		for (size_t i = at; i < at + m; i++) {
			struct write_item *it = items[i];

			if (r != 0) {
				*it->err = err;
				results[i] = r;
			} else if (it->o != NULL) {
				if ((results[i] = fins[ix[i]].r) != 0)
					jobq_err_set(it->err, JOBQ_ELOST, "job %s attempt %d: lease lost, "
						     "outcome not written", it->job_id, it->attempt);
			} else if ((results[i] = claims[ix[i]].r) == 0) {
				*it->out = claims[ix[i]].out;
				it->lease_cfg = cfg;
			}
		}
		at += m;
	}
}

/* A new claim id, remembered as the one sent for the delivery at hand: if the claim's
 * reply is lost after its commit, the row carries it and reconcile knows the claim. */
static int64_t next_claim_id(struct executor *x)
{
	int64_t id = (int64_t)((uint64_t)x->claim_base + (uint64_t)++x->claim_seq);

	x->sent_claim = id != 0 ? id : 1;
	return x->sent_claim;
}

/* Claim job_id for this worker, in one statement with whatever other executors of this
 * process are claiming or finishing at the same moment. As jobq_store_claim; on success
 * *lease_cfg is the configuration whose lease_duration the claim asked for. */
static int claim(struct executor *x, const char *job_id, struct jobq_claim *out,
		 const struct jobq_config **lease_cfg, struct jobq_err *err)
{
	struct write_item it = { .job_id = job_id, .out = out, .claim_id = next_claim_id(x),
				 .err = err };
	int r = combiner_run(&x->c->writes, &it, write_batch, x);

	*lease_cfg = it.lease_cfg;
	return r;
}

/* Write an attempt's outcome, fenced on its claim's token, combined with other executors'
 * claims and finishes: 0, JOBQ_ELOST (the lease was lost, nothing written) or an error. */
static int finish(struct executor *x, const struct jobq_claim *cl, const struct jobq_outcome *o,
		  struct jobq_err *err)
{
	struct write_item it = { .job_id = cl->id, .attempt = cl->attempt, .token = cl->token,
				 .o = o, .err = err };

	return combiner_run(&x->c->writes, &it, write_batch, x);
}

/* finish(), again while the database turns the outcome down for a passing reason
 * (JOBQ_EAGAIN: nothing committed), the lease holds (the keeper keeps extending it while
 * the slot is reserved) and shutdown still waits, at most one lease duration in all. An
 * outcome that did not commit must not be acked: the row would stay running with no
 * message until its lease lapsed. Returns the last result. */
static int finish_retrying(struct executor *x, const struct jobq_claim *cl,
			   const struct jobq_outcome *o, struct jobq_err *err)
{
	int64_t until = jobq_monotonic_ms() + x->c->cfg->lease_duration_ms;
	int64_t backoff = FINISH_RETRY_MIN_MS;
	int r;

	for (;;) {
		r = finish(x, cl, o, err);
		if (r != JOBQ_EAGAIN || atomic_load(&x->exec->lost) || consumer_hard_stop(x->c) ||
		    jobq_monotonic_ms() + backoff > until)
			return r;
		jobq_warn("finish_retry", "worker", x->c->worker_id, "job", cl->id, "error", err->msg);
		usleep((useconds_t)(backoff / 2 + rand_r(&x->seed) % (backoff / 2 + 1)) * 1000);
		backoff = backoff * 2 > FINISH_RETRY_MAX_MS ? FINISH_RETRY_MAX_MS : backoff * 2;
	}
}

/* Reserve this executor's slot for job_id before claiming it, so that a duplicate
 * delivery of the same job reconciled by another executor of this process meanwhile
 * finds it ("running, owner is me" → adopt) instead of taking it over. */
static void reserve(struct executor *x, const struct delivery *d)
{
	pthread_mutex_lock(&x->c->exec_mu);
	x->exec->active = true;
	memcpy(x->exec->job_id, d->env.job_id, sizeof(x->exec->job_id));
	x->exec->attempt = 0;
	x->exec->token = 0;
	x->exec->tag = d->tag;
	x->exec->gen = d->gen;
	x->exec->deadline_ms = 0;
	x->exec->fence_at_ms = 0;
	atomic_store(&x->exec->cancel, false);
	atomic_store(&x->exec->lost, false);
	atomic_store(&x->exec->release, false);
	atomic_store(&x->exec->timed_out, false);
	pthread_mutex_unlock(&x->c->exec_mu);
	x->sent_claim = 0;
}

/* The claim succeeded: record the attempt and the token (the heartbeat fences on it), the
 * limit, and the fence point of the lease the claim (sent at sent_ms, under lease_cfg)
 * took. */
static void started(struct executor *x, const struct jobq_claim *cl, int64_t limit_ms,
		    int64_t sent_ms, const struct jobq_config *lease_cfg)
{
	pthread_mutex_lock(&x->c->exec_mu);
	x->exec->attempt = cl->attempt;
	x->exec->token = cl->token;
	fence_renewed(x->exec, sent_ms, lease_cfg);
	x->exec->deadline_ms = limit_ms > 0 ? jobq_monotonic_ms() + limit_ms : 0;
	/* The reply came after the fence point (a slow commit, a reconnect, a resumed claim
	 * whose lease is nearly gone): the lease may lapse before the first heartbeat can
	 * renew it, so the job is not ours to run. */
	if (jobq_monotonic_ms() >= x->exec->fence_at_ms && !atomic_load(&x->exec->lost)) {
		execution_stop(x->exec, STOP_LOST);
		jobq_warn("lease_lost", "worker", x->c->worker_id, "job", cl->id, "detected_by",
			  "claim reply after the fence point");
	}
	/* Shutdown may already have passed its deadline: then release at once. */
	if (consumer_hard_stop(x->c))
		execution_stop(x->exec, STOP_RELEASE);
	pthread_mutex_unlock(&x->c->exec_mu);
}

/* Free the slot; returns the delivery to settle (it may have been adopted meanwhile). */
static void unreserve(struct executor *x, uint64_t *tag, uint64_t *gen)
{
	pthread_mutex_lock(&x->c->exec_mu);
	*tag = x->exec->tag;
	*gen = x->exec->gen;
	x->exec->active = false;
	x->exec->attempt = 0;
	x->exec->token = 0;
	pthread_mutex_unlock(&x->c->exec_mu);
}

/* ADOPT: the job runs here already. A delivery from a newer connection replaces the
 * older one (whose connection is gone, so it can never be acked); a duplicate on the same
 * connection is acked at once. Returns false if no execution here runs it: a previous
 * process with this worker id died. */
static bool adopt(struct executor *x, const struct delivery *d)
{
	struct consumer *c = x->c;
	bool found = false, ack_now = false;

	pthread_mutex_lock(&c->exec_mu);
	for (int i = 0; i < c->nexec; i++) {
		struct execution *e = &c->execs[i];

		if (e == x->exec || !e->active || strcmp(e->job_id, d->env.job_id) != 0)
			continue;
		found = true;
		if (d->gen > e->gen) {
			e->tag = d->tag;
			e->gen = d->gen;
		} else {
			ack_now = true;
		}
	}
	pthread_mutex_unlock(&c->exec_mu);
	if (ack_now)
		consumer_settle(c, d->tag, d->gen, SETTLE_ACK);
	return found;
}

/* Settle a delivery we could not process because the server refused a statement. */
static void requeue_later(struct executor *x, const struct delivery *d)
{
	usleep(REQUEUE_PAUSE_MS * 1000);
	consumer_settle(x->c, d->tag, d->gen, SETTLE_REQUEUE);
}

/* The runtime limit of a claimed job: its own --timeout, else its command handler's. */
static int64_t limit_of(const struct jobq_claim *cl, const struct jobq_handler_config *h)
{
	if (cl->timeout_ms > 0)
		return cl->timeout_ms;
	return h != NULL ? h->timeout_ms : 0;
}

/* Run a claimed job and write its outcome. The slot is reserved by the caller and freed
 * here. The claim was sent at sent_ms under lease_cfg (started()). */
static void run(struct executor *x, struct jobq_claim *cl, bool takeover, int64_t sent_ms,
		const struct jobq_config *lease_cfg)
{
	struct consumer *c = x->c;
	const struct jobq_config *cfg = c->cfg;
	const struct jobq_handler_config *cmd = jobq_config_handler(cfg, cl->type);
	handler_fn builtin = cmd == NULL ? handler_builtin(cl->type) : NULL;
	struct handler_result hr = { .status = HANDLER_PERMANENT };
	char why[JOBQ_ERR_MSG_MAX + 64];	/* the error of a refused result (outlives o) */
	struct job_ctx ctx = { c, x->exec, cl->id, cl->type, cl->attempt, cl->max_attempts,
			       cl->payload };
	struct jobq_outcome o = { 0 };
	int64_t limit = limit_of(cl, cmd), t0;
	char att[24], ms[24], error[512];
	struct jobq_err err = { 0 };
	uint64_t tag, gen;
	int r;

	started(x, cl, limit, sent_ms, lease_cfg);
	atomic_fetch_add(&c->metrics.claimed, 1);
	if (!takeover)
		metrics_observe(&c->metrics.queue_wait, cl->wait_s);
	jobq_info("job_started", "worker", c->worker_id, "job", cl->id, "type", cl->type, "attempt",
		  jobq_log_int(att, cl->attempt));
	t0 = jobq_monotonic_ms();
	if (atomic_load(&x->exec->lost) || atomic_load(&x->exec->cancel) ||
	    atomic_load(&x->exec->release)) {
		/* Stopped before it started: a lost lease writes nothing, a cancel or a release
		 * is recorded as if the handler had stopped at once. */
		hr.status = HANDLER_STOPPED;
	} else if ((int64_t)strlen(cl->payload) > cfg->max_payload_bytes) {
		/* A row written past the submitting CLI's check (another client, a larger
		 * max_payload): no handler here gets more than this worker accepts. It fails for
		 * good like an unknown type: running it again would meet the same limit. */
		snprintf(error, sizeof(error), "payload of %zu bytes exceeds max_payload %lld",
			 strlen(cl->payload), (long long)cfg->max_payload_bytes);
		hr.error = strdup(error);
	} else if (cmd != NULL) {
		command_run(&ctx, cmd, &hr);
	} else if (builtin != NULL) {
		builtin(&ctx, &hr);
	} else {
		snprintf(error, sizeof(error), "no handler for job type '%s' on worker %s", cl->type,
			 c->worker_id);
		hr.error = strdup(error);
	}
	jobq_log_int(ms, jobq_monotonic_ms() - t0);
	metrics_observe(&c->metrics.duration, (double)(jobq_monotonic_ms() - t0) / 1000.0);

	if (atomic_load(&x->exec->lost)) {
		/* Someone else owns the job now: write nothing more about it. */
		jobq_warn("job_abandoned", "worker", c->worker_id, "job", cl->id, "attempt", att,
			  "reason", "lease lost");
		atomic_fetch_add(&c->metrics.leases_lost, 1);
		unreserve(x, &tag, &gen);
		consumer_settle(c, tag, gen, SETTLE_ACK);
		goto out;
	}
	if (hr.status == HANDLER_STOPPED && atomic_load(&x->exec->timed_out) &&
	    !atomic_load(&x->exec->cancel)) {
		char lim[32];

		/* The runtime limit stops a job like a cancel but counts as a failed attempt. */
		snprintf(error, sizeof(error), "timed out after %s",
			 jobq_duration_format(limit, lim, sizeof(lim)));
		free(hr.error);
		hr.error = strdup(error);
		hr.status = HANDLER_RETRY;
	}
	switch (hr.status) {
	case HANDLER_OK:
		o.to = JOBQ_SUCCEEDED;
		o.result = hr.result != NULL ? hr.result : "null";
		o.reason = atomic_load(&x->exec->cancel) ? "succeeded before the cancel took effect"
							  : "handler succeeded";
		break;
	case HANDLER_STOPPED:
		if (atomic_load(&x->exec->cancel)) {
			o.to = JOBQ_CANCELLED;
			o.reason = "cancelled while running";
		} else {
			o.to = JOBQ_QUEUED;
			o.reason = "released at worker shutdown";
			o.release_grace_ms = cfg->relay_grace_ms;
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
	r = finish_retrying(x, cl, &o, &err);
	if (r == JOBQ_EINVAL) {
		bool result = o.to == JOBQ_SUCCEEDED;

		/* The server refused the outcome itself (a result or an error text it cannot
		 * hold, a constraint): record the attempt as failed for good, rather than leave
		 * the row running until its lease lapses and run the job again only to be
		 * refused again. */
		snprintf(why, sizeof(why), "%s refused by the database: %s",
			 result ? "result" : "outcome", err.msg);
		/* err.msg may end in a character cut short (the message was cut to fit): a text
		 * that is not valid UTF-8 would be refused too, leaving the job running. */
		why[jobq_utf8_cut_end(why, strlen(why))] = '\0';
		jobq_warn(result ? "result_refused" : "outcome_refused", "worker", c->worker_id,
			  "job", cl->id, "error", err.msg);
		o = (struct jobq_outcome){ .to = JOBQ_FAILED, .error = why,
					   .reason = result ? "failed permanently: result refused"
							    : "failed permanently: outcome refused" };
		r = finish_retrying(x, cl, &o, &err);
	}
	if (r != 0 && r != JOBQ_ELOST && atomic_load(&x->exec->lost))
		r = JOBQ_ELOST;	/* someone else owns it now: whatever we wrote is void */
	unreserve(x, &tag, &gen);
	if (r == 0) {
		char delay[24];

		jobq_info("job_finished", "worker", c->worker_id, "job", cl->id, "type", cl->type,
			  "attempt", att, "status", jobq_status_name(o.to), "ms", ms, "retry_in_ms",
			  o.to == JOBQ_SCHEDULED ? jobq_log_int(delay, o.retry_delay_ms) : NULL,
			  "error", o.error);
		consumer_settle(c, tag, gen, o.to == JOBQ_QUEUED ? SETTLE_REQUEUE : SETTLE_ACK);
		atomic_fetch_add(&c->metrics.finished[o.to == JOBQ_SUCCEEDED   ? FIN_SUCCEEDED
						     : o.to == JOBQ_FAILED     ? FIN_FAILED
						     : o.to == JOBQ_CANCELLED  ? FIN_CANCELLED
						     : o.to == JOBQ_SCHEDULED  ? FIN_RETRY
									       : FIN_RELEASED],
				 1);
	} else if (r == JOBQ_ELOST) {
		atomic_fetch_add(&c->metrics.leases_lost, 1);
		jobq_warn("job_abandoned", "worker", c->worker_id, "job", cl->id, "attempt", att,
			  "reason", "lease lost before the outcome was written");
		consumer_settle(c, tag, gen, SETTLE_ACK);
	} else {
		/* Nothing committed and the row stays running under us: the delivery goes back
		 * to the queue (after a pause, so a lasting error cannot spin), and whoever
		 * receives it reconciles: this process finds no execution of its own and takes
		 * the job over, another finds the owner gone once this process has exited (a
		 * hard stop). Acking instead would leave the job to the reaper, a lease later. */
		jobq_error("finish_failed", "worker", c->worker_id, "job", cl->id, "error", err.msg);
		if (!consumer_hard_stop(c))
			usleep(REQUEUE_PAUSE_MS * 1000);
		consumer_settle(c, tag, gen, SETTLE_REQUEUE);
	}
out:
	free(hr.result);
	free(hr.error);
}

/* Gather the facts and decide; probes the owner's liveness when the table asks. */
static int decide(struct executor *x, const struct delivery *d, struct jobq_job_row *row,
		  struct jobq_reconcile_facts *f, enum jobq_reconcile_action *a,
		  struct jobq_err *err)
{
	struct consumer *c = x->c;
	int r;

	if ((r = WITH_DB(x, err, jobq_store_job_row(x->st, d->env.job_id, row, err))) != 0)
		return r;
	*f = (struct jobq_reconcile_facts){
		.found = row->found,
		.status = row->status,
		.cancel_requested = row->cancel_requested,
		.due = row->due,
		.owner_is_me = row->status == JOBQ_RUNNING && strcmp(row->worker_id, c->worker_id) == 0,
		.lease_expired = row->lease_expired,
	};
	f->own_claim = f->owner_is_me && x->sent_claim != 0 && row->claim_id == x->sent_claim;
	*a = jobq_reconcile(f);
	if (*a == JOBQ_RC_PROBE_OWNER) {
		if ((r = WITH_DB(x, err, jobq_store_worker_dead(x->st, row->worker_id, &f->owner_dead,
								err))) != 0)
			return r;
		f->owner_probed = true;
		*a = jobq_reconcile(f);
	}
	return 0;
}

/* Reconcile a delivery that could not be claimed (design §6). The slot is reserved. */
static void reconcile(struct executor *x, const struct delivery *d)
{
	struct consumer *c = x->c;
	struct jobq_reconcile_facts f;
	struct jobq_job_row row;
	struct jobq_claim cl;
	struct jobq_err err = { 0 };
	enum jobq_reconcile_action a;
	const struct jobq_config *lease_cfg = c->cfg;
	int64_t sent = 0, left = 0;
	uint64_t tag, gen;
	int64_t cid;
	int r;

	for (int round = 0, reprobe = 0; round < 3; round++) {
		if ((r = decide(x, d, &row, &f, &a, &err)) != 0)
			goto failed;
		/* A redelivery whose owner still looks alive: the broker took the message back
		 * because the owner's connection went, and PostgreSQL may not have ended the
		 * dead owner's session yet (a few ms after a kill -9, longer under load). Look
		 * again a few times before settling for "owner alive", which would leave a
		 * crashed worker's job to the lease expiry. An owner that only lost its broker
		 * connection keeps its job either way. */
		if (a == JOBQ_RC_ACK && f.owner_probed && !f.owner_dead && d->redelivered &&
		    reprobe < (int)(sizeof(REPROBE_MS) / sizeof(REPROBE_MS[0])) &&
		    !consumer_hard_stop(c)) {
			usleep((useconds_t)REPROBE_MS[reprobe++] * 1000);
			round--;	/* a second look, not a changed row */
			continue;
		}
		if (a == JOBQ_RC_ADOPT) {
			if (adopt(x, d)) {
				jobq_info("delivery_adopted", "worker", c->worker_id, "job",
					  d->env.job_id);
				goto done;
			}
			/* Our id but no execution here and not our claim: a previous process with
			 * this id died, or this one could not write an outcome (nothing committed,
			 * the delivery was given back): run it again as a takeover. */
			f.owner_is_me = false;
			f.owner_probed = f.owner_dead = true;
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
			goto done;
		case JOBQ_RC_ACK:
		case JOBQ_RC_ADOPT:
			consumer_settle(c, d->tag, d->gen, SETTLE_ACK);
			goto done;
		case JOBQ_RC_CANCEL:
			r = WITH_DB(x, &err, jobq_store_cancel_unstarted(x->st, d->env.job_id,
									 "cancelled before it started",
									 &err));
			if (r == JOBQ_ECONFLICT)
				continue;	/* it moved on: look again */
			if (r != 0)
				goto failed;
			jobq_info("job_cancelled", "worker", c->worker_id, "job", d->env.job_id,
				  "when", "before start");
			consumer_settle(c, d->tag, d->gen, SETTLE_ACK);
			goto done;
		case JOBQ_RC_RESUME:
			/* Our own claim (or takeover) for this delivery committed but its reply
			 * was lost, and sending it again found the row taken: run it. Its lease
			 * runs from no later than when that claim was sent. */
			/* The lease is the one that claim asked for (under the configuration of
			 * its day, perhaps reloaded since): read what is left of it, and fence
			 * from before the read, the server's now() being later. */
			lease_cfg = c->cfg;
			sent = jobq_monotonic_ms();
			r = WITH_DB(x, &err, jobq_store_claimed(x->st, d->env.job_id, c->worker_id,
								x->sent_claim, &cl, &left, &err));
			if (r == 0) {
				/* started() fences at sent + lease_duration - period: shift sent so
				 * that the fence falls at (before the read) + left - period. */
				sent += left - lease_cfg->lease_duration_ms;
				jobq_info("claim_recovered", "worker", c->worker_id, "job",
					  d->env.job_id);
			}
			break;
		case JOBQ_RC_CLAIM:
			lease_cfg = c->cfg;
			sent = jobq_monotonic_ms();
			/* One claim id for every try: a try whose reply is lost is known by it. */
			cid = next_claim_id(x);
			r = WITH_DB(x, &err, jobq_store_claim(x->st, d->env.job_id, c->worker_id,
							      lease_cfg->lease_duration_ms, cid, &cl,
							      &err));
			break;
		case JOBQ_RC_TAKEOVER:
		case JOBQ_RC_PROBE_OWNER:
			lease_cfg = c->cfg;
			sent = jobq_monotonic_ms();
			cid = next_claim_id(x);
			r = WITH_DB(x, &err,
				    jobq_store_takeover(x->st, d->env.job_id, row.worker_id, row.token,
							f.owner_dead, c->worker_id,
							lease_cfg->lease_duration_ms, cid, &cl, &err));
			if (r == 0) {
				jobq_warn("job_taken_over", "worker", c->worker_id, "job",
					  d->env.job_id, "from", row.worker_id, "reason",
					  f.owner_dead ? "owner's session gone" : "lease expired");
				atomic_fetch_add(&c->metrics.takeovers[f.owner_dead ? TAKE_OWNER_DEAD
										 : TAKE_LEASE_EXPIRED],
						 1);
			}
			break;
		}
		if (r == 0) {
			run(x, &cl, a == JOBQ_RC_TAKEOVER || a == JOBQ_RC_PROBE_OWNER, sent,
			    lease_cfg);
			jobq_claim_release(&cl);
			return;
		}
		if (r != JOBQ_ECONFLICT)
			goto failed;
		/* The row changed under us (or a takeover ended the job): read it again. */
	}
	/* Still moving after three looks: let the broker bring it back later. */
	unreserve(x, &tag, &gen);
	requeue_later(x, d);
	return;
failed:
	jobq_error("reconcile_failed", "worker", c->worker_id, "job", d->env.job_id, "error",
		   err.msg);
	unreserve(x, &tag, &gen);
	requeue_later(x, d);
	return;
done:
	unreserve(x, &tag, &gen);
}

/* One delivery: claim it, or reconcile. */
static void process(struct executor *x, const struct delivery *d)
{
	struct jobq_claim cl;
	struct jobq_err err = { 0 };
	const struct jobq_config *lease_cfg = NULL;
	int64_t sent;
	uint64_t tag, gen;
	int r;

	if (atomic_load(&x->c->draining)) {
		/* Shutting down: give it back untouched. */
		consumer_settle(x->c, d->tag, d->gen, SETTLE_REQUEUE);
		return;
	}
	reserve(x, d);
	sent = jobq_monotonic_ms();
	r = claim(x, d->env.job_id, &cl, &lease_cfg, &err);
	if (r == 0) {
		run(x, &cl, false, sent, lease_cfg);
		jobq_claim_release(&cl);
	} else if (r == JOBQ_ECONFLICT) {
		reconcile(x, d);
	} else {
		jobq_error("claim_failed", "worker", x->c->worker_id, "job", d->env.job_id, "error",
			   err.msg);
		unreserve(x, &tag, &gen);
		requeue_later(x, d);
	}
}

void *executor_thread(void *arg)
{
	struct executor_arg *ea = arg;
	struct executor x = { .c = ea->c, .exec = &ea->c->execs[ea->slot] };
	struct delivery d;

	x.seed = (unsigned int)time(NULL) ^ (unsigned int)(ea->slot * 2654435761u);
	/* Random, so that no process (not even a later one with this worker id) makes the
	 * claim ids of another. */
	if (getrandom(&x.claim_base, sizeof(x.claim_base), 0) != (ssize_t)sizeof(x.claim_base))
		x.claim_base = (int64_t)(((uint64_t)time(NULL) << 32) ^
					 ((uint64_t)(unsigned)x.c->pid << 12) ^ (uint64_t)ea->slot);
	snprintf(x.name, sizeof(x.name), "executor-%d", ea->slot);
	/* Connect before the first delivery: after a crash elsewhere, every redelivery this
	 * worker takes over should cost only its statements, not a connection as well. */
	{
		struct jobq_err err = { 0 };
		(void)ensure_store(&x, &x.st, x.name, &err);	/* false only at a hard stop: the loop ends then */
	}
	while (consumer_pop(x.c, &d)) {
		process(&x, &d);
		consumer_finished_one(x.c);
	}
	jobq_store_free(x.st);
	return NULL;
}
