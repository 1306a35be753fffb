/* The job model: states, the transition table of docs/design.md §3 (every status change
 * the SQL can make; docs/states.md is generated from it), and retry backoff. Pure logic, no
 * I/O. */
#ifndef JOBQ_JOB_H
#define JOBQ_JOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/err.h"

enum jobq_status {
	JOBQ_SCHEDULED,
	JOBQ_QUEUED,
	JOBQ_RUNNING,
	JOBQ_SUCCEEDED,
	JOBQ_FAILED,
	JOBQ_CANCELLED,
	JOBQ_WAITING, /* after dependencies that have not ended (migration 0050); last, so
		       * that the older states keep their numbers (and mask bits) */
	JOBQ_STATUS_COUNT
};

/* Why a transition happens; each allowed (from, to) pair has the causes that may make it.
 * docs/states.md explains each one. */
enum jobq_cause {
	JOBQ_CAUSE_SUBMIT,     /* (new) → queued/scheduled: `jobq submit` */
	JOBQ_CAUSE_DUE,        /* scheduled → queued: run time reached, the relay takes it */
	JOBQ_CAUSE_CLAIM,      /* queued → running: a worker claims it */
	JOBQ_CAUSE_CANCEL,     /* scheduled/queued/running → cancelled */
	JOBQ_CAUSE_SUCCESS,    /* running → succeeded */
	JOBQ_CAUSE_FAILURE,    /* running → scheduled (retry) or failed */
	JOBQ_CAUSE_LEASE_BACK, /* running → queued: owner lost or released at shutdown;
				 * running → failed: owner lost with the attempts used up */
	JOBQ_CAUSE_RETRY,      /* failed/cancelled → queued: `jobq retry`, `jobq dead requeue` */
	JOBQ_CAUSE_TAKEOVER,   /* running → running: another worker takes it over (attempt + 1) */
	JOBQ_CAUSE_DEAD_LETTER, /* scheduled/queued → failed: the broker dead-lettered its message */
	JOBQ_CAUSE_PAYLOAD_CEILING, /* → failed/cancelled: migration 0009 ended an unfinished job
				     * whose payload is over the database's ceiling */
	JOBQ_CAUSE_DEPENDENCY,      /* waiting → queued/scheduled: its dependencies are done;
				* waiting → cancelled: a dependency failed or was cancelled */
	JOBQ_CAUSE_COUNT
};

/* One row of the transition table. */
struct jobq_transition {
	bool initial;          /* the job's creation: there is no `from` (job_events has NULL) */
	enum jobq_status from; /* unused when initial */
	enum jobq_status to;
	enum jobq_cause cause;
};

/* "queued", "running", ...; NULL for an out-of-range value. */
const char *jobq_status_name(enum jobq_status s);

/* Parse a status name. JOBQ_EINVAL (listing the valid names) on anything else. */
int jobq_status_parse(const char *name, enum jobq_status *out, struct jobq_err *err) JOBQ_WUR;

/* True for succeeded, failed and cancelled. */
bool jobq_status_terminal(enum jobq_status s);

/* The states of mask (bits 1 << enum jobq_status), in the enum's order, as SQL literals
 * "'a', 'b'" into buf (of size len; "" when mask has none). The state names are fixed
 * words, never input. A buffer of JOBQ_STATUS_SQL_LIST_LEN holds every state (test_job
 * checks it); a shorter one may cut a literal in two. */
#define JOBQ_STATUS_SQL_LIST_LEN 160
void jobq_status_sql_list(unsigned mask, char *buf, size_t len);

/* "submit", "due", "lease_back", ...; NULL for an out-of-range value. */
const char *jobq_cause_name(enum jobq_cause c);

/* True if the table of docs/design.md §3 allows from → to for this cause. A new job has no
 * `from`: use jobq_transition_initial_ok() for it. */
bool jobq_transition_ok(enum jobq_status from, enum jobq_status to, enum jobq_cause cause);

/* True if a job may be created in state s (queued, scheduled, or waiting). */
bool jobq_transition_initial_ok(enum jobq_status s);

/* The whole table, initial rows first, then by from state: *n rows in static storage that
 * the caller must not free or change. Never NULL. */
const struct jobq_transition *jobq_transition_table(size_t *n);

/* Outcome of a failed attempt: retry (→ scheduled after a delay) or give up (→ failed). */
struct jobq_failure_plan {
	bool retry;
	int64_t delay_ms; /* backoff before the next attempt when retry */
};

/* Decide what a failed attempt leads to. attempt is the 1-based attempt that failed.
 * A permanent failure, or attempt >= max_attempts, gives up. Otherwise the delay is
 * exponential — base * 2^(attempt-1), capped at max — with "equal jitter": a value drawn
 * uniformly from [delay/2, delay] using jitter01 in [0,1). Pure: the caller supplies the
 * randomness. */
struct jobq_failure_plan jobq_failure_plan(int attempt, int max_attempts, bool permanent,
					   int64_t base_ms, int64_t max_ms, double jitter01);

#endif
