/* How an attempt ends, decided from what its handler returned, the stop flags its execution
 * was given and the job's retry settings: the outcome to write, the metric it counts
 * under and how the delivery is settled. Pure: the executor loads the flags, draws the
 * jitter, writes and settles (executor.c); nothing here touches a clock, a lock or the
 * database. */
#ifndef JOBQ_CONSUMER_OUTCOME_H
#define JOBQ_CONSUMER_OUTCOME_H

#include <stdbool.h>
#include <stdint.h>

#include "consumer.h"
#include "handler.h"
#include "jobq/err.h"
#include "jobq/store_jobs.h"
#include "metrics.h"

/* The stop flags of one execution (struct execution's atomics), loaded once by the caller. */
struct outcome_flags {
	bool lost;      /* the lease is lost: someone else owns the job */
	bool cancel;    /* a cancel was requested */
	bool release;   /* shutdown gives the job back */
	bool timed_out; /* its runtime limit passed */
};

/* Everything the decision depends on. Strings are borrowed: a plan may point into them. */
struct outcome_facts {
	enum handler_status status;
	const char *result; /* the handler's JSON result; NULL means null */
	const char *error;  /* the handler's error line; NULL: it gave none */
	struct outcome_flags stop;
	int attempt; /* 1-based attempt that ended */
	int max_attempts;
	int64_t limit_ms;      /* the runtime limit, named in a timeout's error */
	int64_t retry_base_ms; /* retry backoff (jobq_failure_plan) */
	int64_t retry_max_ms;
	int64_t relay_grace_ms; /* a released job's grace (jobq_outcome.release_grace_ms) */
	double jitter;          /* in [0, 1): the retry delay's jitter */
	bool retry_in;          /* the handler asked for its next attempt after retry_in_ms */
	int64_t retry_in_ms;
	const char *progress; /* a progress report no heartbeat wrote yet, or NULL */
};

/* A job released by a handler that cannot run here waits this long before it is offered
 * again, so that a broken handler does not spin it through the queue. */
#define OUTCOME_RELEASE_PAUSE_MS 5000

/* Room for the texts a plan makes: a timeout's error, or a refusal quoting a jobq_err. */
#define OUTCOME_TEXT_MAX (JOBQ_ERR_MSG_MAX + 64)

/* The decision. o's strings point into the facts' strings, into text or at constants. */
struct outcome_plan {
	bool abandon;              /* the lease is lost: write nothing, only settle */
	struct jobq_outcome o;     /* the outcome to write, unless abandon */
	enum metric_finish bucket; /* the metric that counts it once written */
	enum settle_kind settle;   /* how the delivery is settled once o is written (or
					 * abandoned) */
	char text[OUTCOME_TEXT_MAX];
};

/* True when the handler must not start at all: the lease was lost, or a cancel or a
 * release came first. The attempt then ends as HANDLER_STOPPED (a lost lease writes
 * nothing, a cancel or a release is recorded as if the handler had stopped at once). */
bool outcome_stopped_early(const struct outcome_flags *stop);

/* Decide how the attempt of f ends into *p:
 * - the lease is lost: abandon, whatever the handler said;
 * - OK: succeeded (its reason says whether a cancel came too late);
 * - STOPPED: cancelled on a cancel; else timed out (when the limit passed) or released
 *   back to the queue (shutdown), the release settled with a requeue;
 * - RETRY, PERMANENT and a timeout: scheduled after jobq_failure_plan's delay (a RETRY's
 *   retry_in instead, when it gave one) while attempts remain and the failure is not
 *   permanent, else failed;
 * - RELEASE: scheduled again after OUTCOME_RELEASE_PAUSE_MS with its attempt not counted,
 *   the handler's error kept as the reason it did not run.
 * Any outcome written carries f->progress.
 * Keep f's strings and *p in place (p->o may point into p->text) until o is written. */
void outcome_decide(const struct outcome_facts *f, struct outcome_plan *p);

/* The database refused p->o itself (JOBQ_EINVAL: a result or an error text it cannot
 * hold, a constraint) with the message msg: p becomes a permanent failure whose error
 * quotes msg (cut to valid UTF-8, since a broken text would be refused too), counted and
 * settled as one. Returns the event to log, "result_refused" or "outcome_refused". */
const char *outcome_refused(struct outcome_plan *p, const char *msg);

#endif
