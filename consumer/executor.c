/* Executor threads: each owns a PostgreSQL connection, claims the jobs it is handed, runs
 * handlers and writes their outcome, fenced, before asking the I/O thread to settle the
 * delivery. A delivery it cannot claim is reconciled in reconcile_run.c, the outcome is
 * decided in outcome.c, claims and outcomes are written combined by write.c, and every
 * other statement runs through outages by exec_db.c. */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "command.h"
#include "exec_db.h"
#include "executor.h"
#include "executor_internal.h"
#include "handler.h"
#include "jobq/clock.h"
#include "jobq/job.h"
#include "jobq/log.h"
#include "jobq/reconcile.h"
#include "jobq/store_jobs.h"
#include "outcome.h"
#include "pool.h"
#include "write.h"

/* A delivery this executor could not settle because the database refused a statement
 * (not an outage) goes back to the queue after this pause, so a persistent error cannot
 * spin. */
#define REQUEUE_PAUSE_MS 1000

/* Reserve slot e of this executor for job_id before claiming it, so that a duplicate
 * delivery of the same job reconciled by another executor of this process meanwhile
 * finds it ("running, owner is me" → adopt) instead of taking it over. */
static void reserve_in(struct executor *x, struct execution *e, const struct delivery *d)
{
	pthread_mutex_lock(&x->c->exec_mu);
	e->active = true;
	memcpy(e->job_id, d->env.job_id, sizeof(e->job_id));
	e->attempt = 0;
	e->token = 0;
	e->tag = d->tag;
	e->gen = d->gen;
	e->deadline_ms = 0;
	e->fence_at_ms = 0;
	atomic_store(&e->cancel, false);
	atomic_store(&e->lost, false);
	atomic_store(&e->release, false);
	atomic_store(&e->timed_out, false);
	pthread_mutex_unlock(&x->c->exec_mu);
}

/* Reserve the slot at hand for d, whose claim is not sent yet. */
static void reserve(struct executor *x, const struct delivery *d)
{
	reserve_in(x, x->exec, d);
	x->sent_claim = 0;
}

/* The claim succeeded: record the attempt and the token (the heartbeat fences on it), the
 * limit, and the fence point of the lease the claim (sent at sent_ms, under lease_cfg)
 * took. */
static void started(struct executor *x, const struct jobq_claim *cl, int64_t limit_ms,
		    int64_t sent_ms, const struct jobq_config *lease_cfg)
{
	pthread_mutex_lock(&x->c->exec_mu);
	/* A claim sent ahead was registered when it returned (finish()), and the keeper may
	 * have renewed its lease since: keep that later fence point. */
	if (x->exec->token != cl->token || x->exec->fence_at_ms == 0)
		fence_renewed(x->exec, sent_ms, lease_cfg);
	x->exec->attempt = cl->attempt;
	x->exec->token = cl->token;
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
void executor_unreserve(struct executor *x, uint64_t *tag, uint64_t *gen)
{
	pthread_mutex_lock(&x->c->exec_mu);
	*tag = x->exec->tag;
	*gen = x->exec->gen;
	x->exec->active = false;
	x->exec->attempt = 0;
	x->exec->token = 0;
	free(x->exec->progress); /* a report of an attempt that wrote nothing */
	x->exec->progress = NULL;
	x->exec->progress_seq = x->exec->progress_sent = 0;
	pthread_mutex_unlock(&x->c->exec_mu);
}

/* The attempt's last progress report (the caller frees it), or NULL: the outcome writes it,
 * whether or not a heartbeat wrote it already (that heartbeat may have lost to the
 * outcome's commit, whose new lease token voids it). */
static char *take_progress(struct executor *x)
{
	char *p;

	pthread_mutex_lock(&x->c->exec_mu);
	p = x->exec->progress;
	x->exec->progress = NULL;
	pthread_mutex_unlock(&x->c->exec_mu);
	return p;
}

/* ADOPT: the job runs here already. A delivery from a newer connection replaces the
 * older one (whose connection is gone, so it can never be acked); a duplicate on the same
 * connection is acked at once. Returns false if no execution here runs it: a previous
 * process with this worker id died. */
bool executor_adopt(struct executor *x, const struct delivery *d)
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

/* Free the slot of delivery d and settle it with kind (after a pause first, when the
 * server refused a statement, so that a lasting error cannot spin). An express delivery
 * given back is flagged first (consumer.express_requeued), while the slot still names its
 * job: its message may reach another worker that recorded before it arrived, while no
 * record of this one names it (review R8 #3). The slot's delivery is the one settled: a
 * duplicate from a newer connection may have been adopted into the slot meanwhile
 * (adopt()), replacing d, whose connection is gone (settling d as well is then harmless:
 * the I/O thread drops a settlement of an older connection). */
/* An express delivery about to go back to the broker, flagged for the worker's next
 * lost-message record (consumer.express_requeued; review R8 #3). */
static void flag_requeue(struct consumer *c, const struct delivery *d)
{
	if (d->express)
		atomic_store(&c->express_requeued, true);
}

void executor_release_slot(struct executor *x, const struct delivery *d, enum settle_kind kind,
			   bool pause)
{
	uint64_t tag, gen;

	if (kind == SETTLE_REQUEUE) /* while the slot still names the job */
		flag_requeue(x->c, d);
	executor_unreserve(x, &tag, &gen);
	if (pause)
		usleep(REQUEUE_PAUSE_MS * 1000);
	consumer_settle(x->c, tag, gen, kind);
	if (tag != d->tag || gen != d->gen)
		consumer_settle(x->c, d->tag, d->gen, kind);
}

/* The runtime limit of a claimed job: its own --timeout, else its command handler's. */
static int64_t limit_of(const struct jobq_claim *cl, const struct jobq_handler_config *h)
{
	if (cl->timeout_ms > 0)
		return cl->timeout_ms;
	return h != NULL ? h->timeout_ms : 0;
}

/* The stop flags of e, each loaded once. */
static struct outcome_flags flags_of(struct execution *e)
{
	return (struct outcome_flags){ .lost = atomic_load(&e->lost),
				       .cancel = atomic_load(&e->cancel),
				       .release = atomic_load(&e->release),
				       .timed_out = atomic_load(&e->timed_out) };
}

/* Run the handler of a claimed job (its command handler cmd, or a built-in one): *hr is
 * what it left, a failure for good when none may run it, or HANDLER_STOPPED when the job
 * was stopped before it started. The strings in *hr are the caller's to free. */
static void run_handler(struct executor *x, const struct jobq_claim *cl,
			const struct jobq_handler_config *cmd, struct handler_result *hr)
{
	struct consumer *c = x->c;
	const struct jobq_config *cfg = c->cfg;
	handler_fn builtin = cmd == NULL ? handler_builtin(cl->type) : NULL;
	struct job_ctx ctx = { c,           x->exec,          cl->id,     cl->type,
			       cl->attempt, cl->max_attempts, cl->payload };
	struct outcome_flags stop = flags_of(x->exec);
	char error[512];

	*hr = (struct handler_result){ .status = HANDLER_PERMANENT };
	if (outcome_stopped_early(&stop)) {
		hr->status = HANDLER_STOPPED;
	} else if ((int64_t)strlen(cl->payload) > cfg->max_payload_bytes) {
		/* A row written past the submitting CLI's check (another client, a larger
		 * max_payload): no handler here gets more than this worker accepts. It fails for
		 * good like an unknown type: running it again would meet the same limit. */
		snprintf(error, sizeof(error), "payload of %zu bytes exceeds max_payload %lld",
			 strlen(cl->payload), (long long)cfg->max_payload_bytes);
		hr->error = strdup(error);
	} else if (cmd != NULL && cmd->persistent) {
		pool_run(&ctx, cmd, hr);
	} else if (cmd != NULL) {
		command_run(&ctx, cmd, hr);
	} else if (builtin != NULL) {
		builtin(&ctx, hr);
	} else {
		snprintf(error, sizeof(error), "no handler for job type '%s' on worker %s",
			 cl->type, c->worker_id);
		hr->error = strdup(error);
	}
}

/* Write the outcome o of the job at hand (claim cl), as write_finish_retrying. When the
 * next delivery already waits (a prefetched one), it is taken now, reserved in the spare
 * slot, and claimed in the same statement and commit as this outcome: one round trip and
 * one commit where a finish and then a claim took two. Its claim's result waits in
 * x->ahead for the executor's loop. The outcome is decided by then: the job at hand runs
 * nothing more, so this worker never runs more handlers than its concurrency. The outcome
 * is queued first: it commits in the claim's statement or in an earlier one. */
static int finish(struct executor *x, const struct jobq_claim *cl, const struct jobq_outcome *o,
		  struct jobq_err *err)
{
	struct consumer *c = x->c;
	struct ahead *a = &x->ahead;
	int r;

	if (a->have || atomic_load(&c->draining) || consumer_hard_stop(c) ||
	    !consumer_try_pop(c, &a->d))
		return write_finish_retrying(x, cl, o, err);
	a->have = true;
	reserve_in(x, x->spare, &a->d);
	a->err = (struct jobq_err){ 0 };
	a->sent_ms = jobq_monotonic_ms();
	/* The claim id of the delivery the loop handles next (the one at hand needs its own
	 * no more: its claim's reply came back). */
	r = write_finish_and_claim(x, cl, o, err, a, write_next_claim_id(x));
	if (a->r == 0) {
		/* The next job is ours from now on: its lease is renewed by the keeper and
		 * watched by the fence thread while the outcome at hand is still being written
		 * (a retry may take a while), not only once its handler starts. */
		pthread_mutex_lock(&c->exec_mu);
		x->spare->attempt = a->out.attempt;
		x->spare->token = a->out.token;
		fence_renewed(x->spare, a->sent_ms, a->lease_cfg);
		pthread_mutex_unlock(&c->exec_mu);
	}
	if (r == JOBQ_EAGAIN) /* nothing committed: the outcome alone, tried again */
		r = write_finish_retrying(x, cl, o, err);
	return r;
}

/* Run a claimed job and write its outcome. The slot is reserved by the caller and freed
 * here. The claim was sent at sent_ms under lease_cfg (started()). */
void executor_run(struct executor *x, struct jobq_claim *cl, bool takeover, int64_t sent_ms,
		  const struct jobq_config *lease_cfg)
{
	struct consumer *c = x->c;
	const struct jobq_config *cfg = c->cfg;
	const struct jobq_handler_config *cmd = jobq_config_handler(cfg, cl->type);
	struct handler_result hr = { .status = HANDLER_PERMANENT };
	char *progress;
	struct outcome_facts f;
	struct outcome_plan p;
	int64_t limit = limit_of(cl, cmd), t0;
	char att[24], ms[24];
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
	run_handler(x, cl, cmd, &hr);
	jobq_log_int(ms, jobq_monotonic_ms() - t0);
	metrics_observe(&c->metrics.duration, (double)(jobq_monotonic_ms() - t0) / 1000.0);

	progress = take_progress(x);
	f = (struct outcome_facts){
		.status = hr.status,
		.result = hr.result,
		.error = hr.error,
		.stop = flags_of(x->exec),
		.attempt = cl->attempt,
		.max_attempts = cl->max_attempts,
		.limit_ms = limit,
		.retry_base_ms = cfg->retry_base_ms,
		.retry_max_ms = cfg->retry_max_ms,
		.relay_grace_ms = cfg->relay_grace_ms,
		.jitter = (double)rand_r(&x->seed) / ((double)RAND_MAX + 1.0),
		.retry_in = hr.retry_in,
		.retry_in_ms = hr.retry_in_ms,
		.progress = progress,
	};
	outcome_decide(&f, &p);
	if (p.abandon) {
		jobq_warn("job_abandoned", "worker", c->worker_id, "job", cl->id, "attempt", att,
			  "reason", "lease lost");
		atomic_fetch_add(&c->metrics.leases_lost, 1);
		executor_unreserve(x, &tag, &gen);
		consumer_settle(c, tag, gen, p.settle);
		goto out;
	}
	r = finish(x, cl, &p.o, &err);
	if (r == JOBQ_EINVAL) {
		/* The server refused the outcome itself: record the attempt as failed for good. */
		jobq_warn(outcome_refused(&p, err.msg), "worker", c->worker_id, "job", cl->id,
			  "error", err.msg);
		r = write_finish_retrying(x, cl, &p.o, &err);
	}
	if (r != 0 && r != JOBQ_ELOST && atomic_load(&x->exec->lost))
		r = JOBQ_ELOST; /* someone else owns it now: whatever we wrote is void */
	executor_unreserve(x, &tag, &gen);
	if (r == 0) {
		char delay[24];

		jobq_info("job_finished", "worker", c->worker_id, "job", cl->id, "type", cl->type,
			  "attempt", att, "status", jobq_status_name(p.o.to), "ms", ms,
			  "retry_in_ms",
			  p.o.to == JOBQ_SCHEDULED ? jobq_log_int(delay, p.o.retry_delay_ms) : NULL,
			  "error", p.o.error);
		consumer_settle(c, tag, gen, p.settle);
		atomic_fetch_add(&c->metrics.finished[p.bucket], 1);
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
		jobq_error("finish_failed", "worker", c->worker_id, "job", cl->id, "error",
			   err.msg);
		if (!consumer_hard_stop(c))
			usleep(REQUEUE_PAUSE_MS * 1000);
		consumer_settle(c, tag, gen, SETTLE_REQUEUE);
	}
out:
	free(hr.result);
	free(hr.error);
	free(progress);
}

/* Claim the delivery at hand (its slot reserved) under claim id cid, or reconcile it; a
 * claim that failed for another reason gives the delivery back after a pause. */
static void claim_and_run(struct executor *x, const struct delivery *d, int64_t cid)
{
	struct jobq_claim cl;
	struct jobq_err err = { 0 };
	const struct jobq_config *lease_cfg = NULL;
	int64_t sent = jobq_monotonic_ms();
	int r;

	r = write_claim(x, d->env.job_id, cid, &cl, &lease_cfg, &err);
	if (r == 0) {
		if (d->express) /* the release window has room again */
			consumer_poke_relay(x->c);
		executor_run(x, &cl, false, sent, lease_cfg);
		jobq_claim_release(&cl);
	} else if (r == JOBQ_ECONFLICT) {
		executor_reconcile(x, d);
	} else {
		jobq_error("claim_failed", "worker", x->c->worker_id, "job", d->env.job_id, "error",
			   err.msg);
		executor_release_slot(x, d, SETTLE_REQUEUE, true);
	}
}

/* One delivery: claim it, or reconcile. */
static void process(struct executor *x, const struct delivery *d)
{
	if (atomic_load(&x->c->draining)) {
		/* Shutting down: give it back untouched (flagged: see release_slot). */
		flag_requeue(x->c, d);
		consumer_settle(x->c, d->tag, d->gen, SETTLE_REQUEUE);
		return;
	}
	reserve(x, d);
	claim_and_run(x, d, write_next_claim_id(x));
}

/* The delivery claimed ahead (finish()): it becomes the one at hand, in the slot reserved
 * for it, and runs as claimed, or reconciles when its claim found the job taken. A claim
 * that did not go through (the statement failed) is sent again under the same claim id,
 * so that a first try which committed after all is known as this delivery's own. */
static void process_ahead(struct executor *x)
{
	struct ahead *a = &x->ahead;
	struct execution *e = x->exec;
	/* Copies: the run may take the next delivery into x->ahead. */
	struct delivery d = a->d;
	struct jobq_claim cl = a->out;

	a->have = false;
	a->out = (struct jobq_claim){ 0 };
	x->exec = x->spare;
	x->spare = e;
	if (a->r == 0) {
		if (d.express) /* the release window has room again */
			consumer_poke_relay(x->c);
		executor_run(x, &cl, false, a->sent_ms, a->lease_cfg);
		jobq_claim_release(&cl);
	} else if (a->r == JOBQ_ECONFLICT) {
		executor_reconcile(x, &d);
	} else {
		jobq_warn("claim_failed", "worker", x->c->worker_id, "job", d.env.job_id, "error",
			  a->err.msg, "then",
			  atomic_load(&x->c->draining) ? "given back" : "sent again");
		if (atomic_load(&x->c->draining))
			executor_release_slot(x, &d, SETTLE_REQUEUE,
					      false); /* as process() would */
		else
			claim_and_run(x, &d, x->sent_claim);
	}
}

void *executor_thread(void *arg)
{
	struct executor_arg *ea = arg;
	struct executor x = { .c = ea->c,
			      .exec = &ea->c->execs[2 * ea->slot],
			      .spare = &ea->c->execs[2 * ea->slot + 1] };
	struct delivery d;

	x.seed = (unsigned int)time(NULL) ^ (unsigned int)(ea->slot * 2654435761u);
	jobq_backoff_init(&x.db_backoff, DB_RETRY_MIN_MS, DB_RETRY_MAX_MS,
			  (unsigned int)rand_r(&x.seed));
	jobq_backoff_init(&x.finish_backoff, FINISH_RETRY_MIN_MS, FINISH_RETRY_MAX_MS,
			  (unsigned int)rand_r(&x.seed));
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
		(void)exec_db_ensure(&x, &x.st, x.name,
				     &err); /* false only at a hard stop: the loop ends then */
	}
	for (;;) {
		if (x.ahead.have)
			process_ahead(&x);
		else if (consumer_pop(x.c, &d))
			process(&x, &d);
		else
			break;
		consumer_finished_one(x.c);
	}
	jobq_store_free(x.st);
	return NULL;
}
