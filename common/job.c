/* The job model: state names, the allowed transitions of design §3, retry backoff. */
#include <string.h>

#include "jobq/job.h"

static const char *const names[JOBQ_STATUS_COUNT] = {
	[JOBQ_SCHEDULED] = "scheduled", [JOBQ_QUEUED] = "queued",
	[JOBQ_RUNNING] = "running",     [JOBQ_SUCCEEDED] = "succeeded",
	[JOBQ_FAILED] = "failed",       [JOBQ_CANCELLED] = "cancelled",
};

const char *jobq_status_name(enum jobq_status s)
{
	if ((int)s < 0 || s >= JOBQ_STATUS_COUNT)
		return NULL;
	return names[s];
}

int jobq_status_parse(const char *name, enum jobq_status *out, struct jobq_err *err)
{
	for (int i = 0; i < JOBQ_STATUS_COUNT; i++) {
		if (name != NULL && strcmp(name, names[i]) == 0) {
			*out = (enum jobq_status)i;
			return 0;
		}
	}
	return jobq_err_set(err, JOBQ_EINVAL,
			    "'%s' is not a job state (scheduled, queued, running, succeeded, "
			    "failed, cancelled)",
			    name != NULL ? name : "");
}

bool jobq_status_terminal(enum jobq_status s)
{
	return s == JOBQ_SUCCEEDED || s == JOBQ_FAILED || s == JOBQ_CANCELLED;
}

bool jobq_transition_initial_ok(enum jobq_status s)
{
	return s == JOBQ_QUEUED || s == JOBQ_SCHEDULED;
}

/* The table of design §3, one row per (from, to, cause). */
static const struct {
	enum jobq_status from, to;
	enum jobq_cause cause;
} table[] = {
	{ JOBQ_SCHEDULED, JOBQ_QUEUED, JOBQ_CAUSE_DUE },
	{ JOBQ_QUEUED, JOBQ_RUNNING, JOBQ_CAUSE_CLAIM },
	{ JOBQ_SCHEDULED, JOBQ_CANCELLED, JOBQ_CAUSE_CANCEL },
	{ JOBQ_QUEUED, JOBQ_CANCELLED, JOBQ_CAUSE_CANCEL },
	{ JOBQ_RUNNING, JOBQ_SUCCEEDED, JOBQ_CAUSE_SUCCESS },
	{ JOBQ_RUNNING, JOBQ_SCHEDULED, JOBQ_CAUSE_FAILURE },
	{ JOBQ_RUNNING, JOBQ_FAILED, JOBQ_CAUSE_FAILURE },
	{ JOBQ_RUNNING, JOBQ_FAILED, JOBQ_CAUSE_LEASE_BACK },	/* worker lost too often */
	{ JOBQ_RUNNING, JOBQ_CANCELLED, JOBQ_CAUSE_CANCEL },
	{ JOBQ_RUNNING, JOBQ_QUEUED, JOBQ_CAUSE_LEASE_BACK },
	{ JOBQ_FAILED, JOBQ_QUEUED, JOBQ_CAUSE_RETRY },
	{ JOBQ_CANCELLED, JOBQ_QUEUED, JOBQ_CAUSE_RETRY },
};

bool jobq_transition_ok(enum jobq_status from, enum jobq_status to, enum jobq_cause cause)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (table[i].from == from && table[i].to == to && table[i].cause == cause)
			return true;
	return false;
}

struct jobq_failure_plan jobq_failure_plan(int attempt, int max_attempts, bool permanent,
					   int64_t base_ms, int64_t max_ms, double jitter01)
{
	struct jobq_failure_plan plan = { .retry = false, .delay_ms = 0 };
	int64_t delay = base_ms > 0 ? base_ms : 0;

	if (permanent || attempt >= max_attempts)
		return plan;
	plan.retry = true;
	/* Double per attempt without overflowing: stop doubling once past the cap. */
	for (int i = 1; i < attempt && delay < max_ms; i++)
		delay *= 2;
	if (delay > max_ms)
		delay = max_ms;
	if (jitter01 < 0)
		jitter01 = 0;
	if (jitter01 >= 1)
		jitter01 = 0.999999;
	plan.delay_ms = delay / 2 + (int64_t)((double)(delay - delay / 2) * jitter01);
	return plan;
}
