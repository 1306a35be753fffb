/* The job model: states, the transition table of design §3, and retry backoff.
 * Pure logic, no I/O. */
#ifndef JOBQ_JOB_H
#define JOBQ_JOB_H

#include <stdbool.h>
#include <stdint.h>
#include "jobq/err.h"

enum jobq_status {
	JOBQ_SCHEDULED,
	JOBQ_QUEUED,
	JOBQ_RUNNING,
	JOBQ_SUCCEEDED,
	JOBQ_FAILED,
	JOBQ_CANCELLED,
	JOBQ_STATUS_COUNT
};

/* Why a transition happens; each allowed (from, to) pair has the causes that may make it. */
enum jobq_cause {
	JOBQ_CAUSE_SUBMIT,	/* (new) → queued/scheduled */
	JOBQ_CAUSE_DUE,		/* scheduled → queued: run time reached */
	JOBQ_CAUSE_CLAIM,	/* queued → running */
	JOBQ_CAUSE_CANCEL,	/* scheduled/queued/running → cancelled */
	JOBQ_CAUSE_SUCCESS,	/* running → succeeded */
	JOBQ_CAUSE_FAILURE,	/* running → scheduled (retry) or failed */
	JOBQ_CAUSE_LEASE_BACK,	/* running → queued: owner dead or released at shutdown */
	JOBQ_CAUSE_RETRY,	/* failed/cancelled → queued: `jobq retry` */
};

/* "queued", "running", ...; NULL for an out-of-range value. */
const char *jobq_status_name(enum jobq_status s);

/* Parse a status name. JOBQ_EINVAL (listing the valid names) on anything else. */
int jobq_status_parse(const char *name, enum jobq_status *out, struct jobq_err *err) JOBQ_WUR;

/* True for succeeded, failed and cancelled. */
bool jobq_status_terminal(enum jobq_status s);

/* True if design §3 allows from → to for this cause. A new job has no `from`: use
 * jobq_transition_initial_ok() for it. */
bool jobq_transition_ok(enum jobq_status from, enum jobq_status to, enum jobq_cause cause);

/* True if a job may be created in state s (queued or scheduled). */
bool jobq_transition_initial_ok(enum jobq_status s);

/* Outcome of a failed attempt: retry (→ scheduled after a delay) or give up (→ failed). */
struct jobq_failure_plan {
	bool retry;
	int64_t delay_ms;	/* backoff before the next attempt when retry */
};

/* Decide what a failed attempt leads to. attempt is the 1-based attempt that failed.
 * A permanent failure, or attempt >= max_attempts, gives up. Otherwise the delay is
 * exponential — base * 2^(attempt-1), capped at max — with "equal jitter": a value drawn
 * uniformly from [delay/2, delay] using jitter01 in [0,1). Pure: the caller supplies the
 * randomness. */
struct jobq_failure_plan jobq_failure_plan(int attempt, int max_attempts, bool permanent,
					   int64_t base_ms, int64_t max_ms, double jitter01);

#endif
