/* An executor's reconcile of a delivery it could not claim (docs/design.md §6, the
 * reconcile table of common/reconcile.c): the job's row and, when the table asks, its
 * owner's liveness decide whether the delivery is acked, dead-lettered, held, adopted,
 * taken over or claimed again; the slot, the run and the settle are executor.c's. */
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

/* Pauses before each second look at a redelivered job's owner that seemed alive (775 ms in
 * all): the time PostgreSQL may take to end a killed worker's session. */
static const int REPROBE_MS[] = { 25, 50, 100, 200, 400 };

/* Gather the facts and decide; probes the owner's liveness when the table asks. */
static int decide(struct executor *x, const struct delivery *d, struct jobq_job_row *row,
		  struct jobq_reconcile_facts *f, enum jobq_reconcile_action *a,
		  struct jobq_err *err)
{
	struct consumer *c = x->c;
	int r;

	if ((r = exec_db_job_row(x, d->env.job_id, row, err)) != 0)
		return r;
	*f = (struct jobq_reconcile_facts){
		.found = row->found,
		.status = row->status,
		.cancel_requested = row->cancel_requested,
		.due = row->due,
		.owner_is_me =
			row->status == JOBQ_RUNNING && strcmp(row->worker_id, c->worker_id) == 0,
		.lease_expired = row->lease_expired,
		.queue_paused = row->queue_paused,
		.limited = row->limited,
	};
	f->own_claim = f->owner_is_me && x->sent_claim != 0 && row->claim_id == x->sent_claim;
	*a = jobq_reconcile(f);
	if (*a == JOBQ_RC_PROBE_OWNER) {
		if ((r = exec_db_worker_dead(x, row->worker_id, &f->owner_dead, err)) != 0)
			return r;
		f->owner_probed = true;
		*a = jobq_reconcile(f);
	}
	return 0;
}

/* Reconcile a delivery that could not be claimed (docs/design.md §6). The slot is reserved. */
void executor_reconcile(struct executor *x, const struct delivery *d)
{
	struct consumer *c = x->c;
	struct jobq_reconcile_facts f;
	struct jobq_job_row row;
	struct jobq_claim cl;
	struct jobq_err err = { 0 };
	enum jobq_reconcile_action a;
	const struct jobq_config *lease_cfg;
	int64_t sent = 0, left = 0;
	uint64_t tag, gen;
	int64_t cid;
	int r;

	for (int round = 0, reprobe = 0; round < 3; round++) {
		if (decide(x, d, &row, &f, &a, &err) != 0)
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
			round--; /* a second look, not a changed row */
			continue;
		}
		if (a == JOBQ_RC_ADOPT) {
			if (executor_adopt(x, d)) {
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
			executor_release_slot(x, d, SETTLE_REJECT, false);
			return;
		case JOBQ_RC_ACK:
		case JOBQ_RC_ADOPT:
			executor_release_slot(x, d, SETTLE_ACK, false);
			return;
		case JOBQ_RC_CANCEL:
			r = exec_db_cancel_unstarted(x, d->env.job_id,
						     "cancelled before it started", &err);
			if (r == JOBQ_ECONFLICT)
				continue; /* it moved on: look again */
			if (r != 0)
				goto failed;
			jobq_info("job_cancelled", "worker", c->worker_id, "job", d->env.job_id,
				  "when", "before start");
			executor_release_slot(x, d, SETTLE_ACK, false);
			return;
		case JOBQ_RC_HOLD:
			/* Its queue is paused: the row waits unpublished for the resume (the relay
			 * publishes it then), and this message goes. */
			r = exec_db_hold(x, d->env.job_id, &err);
			if (r == JOBQ_ECONFLICT)
				continue; /* resumed, or it moved on: look again */
			if (r != 0)
				goto failed;
			jobq_debug("job_held", "worker", c->worker_id, "job", d->env.job_id,
				   "reason", "queue paused");
			executor_release_slot(x, d, SETTLE_ACK, false);
			return;
		case JOBQ_RC_RESUME:
			/* Our own claim (or takeover) for this delivery committed but its reply
			 * was lost, and sending it again found the row taken: run it. Its lease
			 * runs from no later than when that claim was sent. */
			/* The lease is the one that claim asked for (under the configuration of
			 * its day, perhaps reloaded since): read what is left of it, and fence
			 * from before the read, the server's now() being later. */
			lease_cfg = c->cfg;
			sent = jobq_monotonic_ms();
			r = exec_db_claimed(x, d->env.job_id, x->sent_claim, &cl, &left, &err);
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
			cid = write_next_claim_id(x);
			r = exec_db_claim(x, d->env.job_id, lease_cfg->lease_duration_ms, cid, &cl,
					  &err);
			break;
		case JOBQ_RC_TAKEOVER:
		case JOBQ_RC_PROBE_OWNER:
			lease_cfg = c->cfg;
			sent = jobq_monotonic_ms();
			cid = write_next_claim_id(x);
			r = exec_db_takeover(x, d->env.job_id, row.worker_id, row.token,
					     f.owner_dead, lease_cfg->lease_duration_ms, cid, &cl,
					     &err);
			if (r == 0) {
				jobq_warn("job_taken_over", "worker", c->worker_id, "job",
					  d->env.job_id, "from", row.worker_id, "reason",
					  f.owner_dead ? "owner's session gone" : "lease expired");
				atomic_fetch_add(
					&c->metrics.takeovers[f.owner_dead ? TAKE_OWNER_DEAD
									   : TAKE_LEASE_EXPIRED],
					1);
			}
			break;
		}
		if (r == 0) {
			executor_run(x, &cl, a == JOBQ_RC_TAKEOVER || a == JOBQ_RC_PROBE_OWNER,
				     sent, lease_cfg);
			jobq_claim_release(&cl);
			return;
		}
		if (r != JOBQ_ECONFLICT)
			goto failed;
		/* The row changed under us (or a takeover ended the job): read it again. */
	}
	/* Still moving after three looks: let the broker bring it back later. */
	executor_release_slot(x, d, SETTLE_REQUEUE, true);
	return;
failed:
	jobq_error("reconcile_failed", "worker", c->worker_id, "job", d->env.job_id, "error",
		   err.msg);
	executor_release_slot(x, d, SETTLE_REQUEUE, true);
	return;
done:
	/* d went to the execution that runs its job: settle only a delivery adopted into this
	 * slot meanwhile. */
	executor_unreserve(x, &tag, &gen);
	if (tag != d->tag || gen != d->gen)
		consumer_settle(c, tag, gen, SETTLE_ACK);
}
