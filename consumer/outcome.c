/* How an attempt ends: the pure mapping from a handler's result and its execution's stop
 * flags to the outcome written, its metric and the delivery's settlement (outcome.h). */
#include <stdio.h>
#include <string.h>

#include "jobq/duration.h"
#include "jobq/job.h"
#include "jobq/utf8.h"
#include "outcome.h"

static enum metric_finish bucket_of(enum jobq_status to)
{
	switch (to) {
	case JOBQ_SUCCEEDED:
		return FIN_SUCCEEDED;
	case JOBQ_FAILED:
		return FIN_FAILED;
	case JOBQ_CANCELLED:
		return FIN_CANCELLED;
	case JOBQ_SCHEDULED:
		return FIN_RETRY;
	default:
		return FIN_RELEASED;
	}
}

/* Counted and settled as its to-state says: a release goes back to the queue. */
static void conclude(struct outcome_plan *p)
{
	p->bucket = bucket_of(p->o.to);
	p->settle = p->o.to == JOBQ_QUEUED ? SETTLE_REQUEUE : SETTLE_ACK;
}

bool outcome_stopped_early(const struct outcome_flags *stop)
{
	return stop->lost || stop->cancel || stop->release;
}

/* A failed attempt (permanent or not; a timeout is not): retried or failed for good. */
static void failed(const struct outcome_facts *f, bool permanent, const char *error,
		   struct outcome_plan *p)
{
	struct jobq_failure_plan plan =
		jobq_failure_plan(f->attempt, f->max_attempts, permanent, f->retry_base_ms,
				  f->retry_max_ms, f->jitter);

	p->o.to = plan.retry ? JOBQ_SCHEDULED : JOBQ_FAILED;
	p->o.retry_delay_ms = plan.delay_ms;
	if (plan.retry && !permanent && f->status == HANDLER_RETRY && f->retry_in)
		p->o.retry_delay_ms = f->retry_in_ms < 0 ? 0
				      : f->retry_in_ms < JOBQ_RETRY_IN_MAX_MS
					      ? f->retry_in_ms
					      : JOBQ_RETRY_IN_MAX_MS;
	p->o.error = error != NULL ? error : "handler failed";
	p->o.reason = plan.retry  ? "failed, retry scheduled"
		      : permanent ? "failed permanently"
				  : "failed, attempts used up";
}

void outcome_decide(const struct outcome_facts *f, struct outcome_plan *p)
{
	memset(p, 0, sizeof(*p));
	p->settle = SETTLE_ACK;
	if (f->stop.lost) {
		/* Someone else owns the job now: write nothing more about it. */
		p->abandon = true;
		return;
	}
	switch (f->status) {
	case HANDLER_OK:
		p->o.to = JOBQ_SUCCEEDED;
		p->o.result = f->result != NULL ? f->result : "null";
		p->o.reason = f->stop.cancel ? "succeeded before the cancel took effect"
					     : "handler succeeded";
		break;
	case HANDLER_STOPPED:
		if (f->stop.cancel) {
			p->o.to = JOBQ_CANCELLED;
			p->o.reason = "cancelled while running";
		} else if (f->stop.timed_out) {
			char lim[32];

			/* The runtime limit stops a job like a cancel but counts as a failed
			 * attempt (whatever error the stopped handler gave). */
			snprintf(p->text, sizeof(p->text), "timed out after %s",
				 jobq_duration_format(f->limit_ms, lim, sizeof(lim)));
			failed(f, false, p->text, p);
		} else {
			p->o.to = JOBQ_QUEUED;
			p->o.reason = "released at worker shutdown";
			p->o.release_grace_ms = f->relay_grace_ms;
		}
		break;
	case HANDLER_RETRY:
	case HANDLER_PERMANENT:
		failed(f, f->status == HANDLER_PERMANENT, f->error, p);
		break;
	case HANDLER_RELEASE:
		/* Not the job's fault: it waits a while, then any worker may run it, with the
		 * attempt it would have had. */
		p->o.to = JOBQ_SCHEDULED;
		p->o.uncounted = true;
		p->o.retry_delay_ms = OUTCOME_RELEASE_PAUSE_MS;
		p->o.error = f->error != NULL ? f->error : "handler could not run here";
		p->o.reason = "released: handler could not run";
		break;
	}
	p->o.progress = f->progress;
	conclude(p);
}

const char *outcome_refused(struct outcome_plan *p, const char *msg)
{
	bool result = p->o.to == JOBQ_SUCCEEDED;

	/* Recorded as failed for good, rather than leave the row running until its lease
	 * lapses and run the job again only to be refused again. */
	snprintf(p->text, sizeof(p->text), "%s refused by the database: %s",
		 result ? "result" : "outcome", msg);
	/* msg may end in a character cut short (the message was cut to fit). */
	p->text[jobq_utf8_cut_end(p->text, strlen(p->text))] = '\0';
	p->o = (struct jobq_outcome){ .to = JOBQ_FAILED,
				      .error = p->text,
				      .reason = result ? "failed permanently: result refused"
						       : "failed permanently: outcome refused" };
	conclude(p);
	return result ? "result_refused" : "outcome_refused";
}
