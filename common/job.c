/* The job model: state names, the transition table of docs/design.md §3 (the one list of
 * every status change the SQL makes, from which tests/tools/transitions generates
 * docs/states.md), and retry backoff. */
#include <stdio.h>
#include <string.h>

#include "jobq/job.h"

static const char *const names[JOBQ_STATUS_COUNT] = {
	[JOBQ_SCHEDULED] = "scheduled", [JOBQ_QUEUED] = "queued", [JOBQ_RUNNING] = "running",
	[JOBQ_SUCCEEDED] = "succeeded", [JOBQ_FAILED] = "failed", [JOBQ_CANCELLED] = "cancelled",
	[JOBQ_WAITING] = "waiting",
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
			    "'%s' is not a job state (waiting, scheduled, queued, running, "
			    "succeeded, failed, cancelled)",
			    name != NULL ? name : "");
}

bool jobq_status_terminal(enum jobq_status s)
{
	return s == JOBQ_SUCCEEDED || s == JOBQ_FAILED || s == JOBQ_CANCELLED;
}

void jobq_status_sql_list(unsigned mask, char *buf, size_t len)
{
	size_t n = 0;

	if (len == 0)
		return;
	buf[0] = '\0';
	for (int k = 0; k < JOBQ_STATUS_COUNT && n < len; k++)
		if (mask & (1u << k))
			n += (size_t)snprintf(buf + n, len - n, "%s'%s'", n == 0 ? "" : ", ",
					      jobq_status_name((enum jobq_status)k));
}

static const char *const cause_names[JOBQ_CAUSE_COUNT] = {
	[JOBQ_CAUSE_SUBMIT] = "submit",
	[JOBQ_CAUSE_DUE] = "due",
	[JOBQ_CAUSE_CLAIM] = "claim",
	[JOBQ_CAUSE_CANCEL] = "cancel",
	[JOBQ_CAUSE_SUCCESS] = "success",
	[JOBQ_CAUSE_FAILURE] = "failure",
	[JOBQ_CAUSE_LEASE_BACK] = "lease_back",
	[JOBQ_CAUSE_RETRY] = "retry",
	[JOBQ_CAUSE_TAKEOVER] = "takeover",
	[JOBQ_CAUSE_DEAD_LETTER] = "dead_letter",
	[JOBQ_CAUSE_PAYLOAD_CEILING] = "payload_ceiling",
	[JOBQ_CAUSE_DEPENDENCY] = "dependency",
};

const char *jobq_cause_name(enum jobq_cause c)
{
	if ((int)c < 0 || c >= JOBQ_CAUSE_COUNT)
		return NULL;
	return cause_names[c];
}

#define NEW(to_, cause_)                                                                           \
	{                                                                                          \
		.initial = true, .to = (to_), .cause = (cause_)                                    \
	}
#define ROW(from_, to_, cause_)                                                                    \
	{                                                                                          \
		.from = (from_), .to = (to_), .cause = (cause_)                                    \
	}

/* The table of docs/design.md §3, one row per (from, to, cause), each with the statements
 * that make it (store functions, and the SQL functions of migrations/). The history
 * triggers record a row of job_events for each: a status change, or a running job whose
 * attempt changed. A statement that leaves the status as it was (the relay taking a queued
 * row, a defer, a heartbeat, a publish mark) records nothing, and prune deletes a job with
 * its history. tests/integration/test_transitions.sh checks the history of real runs
 * against this table. */
static const struct jobq_transition table[] = {
	NEW(JOBQ_QUEUED, JOBQ_CAUSE_SUBMIT),    /* jobq_store_submit */
	NEW(JOBQ_SCHEDULED, JOBQ_CAUSE_SUBMIT), /* jobq_store_submit: run time ahead */
	NEW(JOBQ_WAITING, JOBQ_CAUSE_SUBMIT),   /* jobq_store_submit: --after (migration 0050) */
	ROW(JOBQ_SCHEDULED, JOBQ_QUEUED, JOBQ_CAUSE_DUE), /* jobq_store_relay_take */
	/* jobq_cli_cancel (jobq_store_cancel), jobq_store_cancel_unstarted */
	ROW(JOBQ_SCHEDULED, JOBQ_CANCELLED, JOBQ_CAUSE_CANCEL),
	ROW(JOBQ_SCHEDULED, JOBQ_FAILED, JOBQ_CAUSE_DEAD_LETTER), /* jobq_store_dead_letter */
	ROW(JOBQ_SCHEDULED, JOBQ_CANCELLED, JOBQ_CAUSE_PAYLOAD_CEILING), /* migration 0009 */
	ROW(JOBQ_QUEUED, JOBQ_RUNNING, JOBQ_CAUSE_CLAIM),                /* jobq_store_write_many */
	ROW(JOBQ_QUEUED, JOBQ_CANCELLED, JOBQ_CAUSE_CANCEL),   /* as scheduled → cancelled */
	ROW(JOBQ_QUEUED, JOBQ_FAILED, JOBQ_CAUSE_DEAD_LETTER), /* jobq_store_dead_letter */
	ROW(JOBQ_QUEUED, JOBQ_CANCELLED, JOBQ_CAUSE_PAYLOAD_CEILING), /* migration 0009 */
	/* The outcomes of an attempt, jobq_store_write_many. */
	ROW(JOBQ_RUNNING, JOBQ_SUCCEEDED, JOBQ_CAUSE_SUCCESS),
	ROW(JOBQ_RUNNING, JOBQ_SCHEDULED, JOBQ_CAUSE_FAILURE),
	ROW(JOBQ_RUNNING, JOBQ_FAILED, JOBQ_CAUSE_FAILURE), /* also a timeout, a refused outcome */
	/* Also jobq_store_takeover, jobq_store_reap and jobq_store_requeue_own on a job whose
	 * cancel was asked for before its owner was lost. */
	ROW(JOBQ_RUNNING, JOBQ_CANCELLED, JOBQ_CAUSE_CANCEL),
	/* Owner lost: jobq_store_reap, jobq_store_requeue_own, and jobq_store_takeover when
	 * the job's queue is paused (held); released at shutdown: jobq_store_write_many. */
	ROW(JOBQ_RUNNING, JOBQ_QUEUED, JOBQ_CAUSE_LEASE_BACK),
	/* Owner lost with the attempts used up: jobq_store_takeover, _reap, _requeue_own. */
	ROW(JOBQ_RUNNING, JOBQ_FAILED, JOBQ_CAUSE_LEASE_BACK),
	ROW(JOBQ_RUNNING, JOBQ_RUNNING, JOBQ_CAUSE_TAKEOVER),       /* jobq_store_takeover */
	ROW(JOBQ_RUNNING, JOBQ_FAILED, JOBQ_CAUSE_PAYLOAD_CEILING), /* migration 0009 */
	/* jobq_cli_retry: `jobq retry`, `jobq dead requeue` */
	ROW(JOBQ_FAILED, JOBQ_QUEUED, JOBQ_CAUSE_RETRY),
	ROW(JOBQ_CANCELLED, JOBQ_QUEUED, JOBQ_CAUSE_RETRY),
	/* jobq_deps_queue (migration 0050): the last dependency ended; scheduled when the run
	 * time is ahead */
	ROW(JOBQ_WAITING, JOBQ_QUEUED, JOBQ_CAUSE_DEPENDENCY),
	ROW(JOBQ_WAITING, JOBQ_SCHEDULED, JOBQ_CAUSE_DEPENDENCY),
	/* jobq_deps_ended (migration 0050): a dependency failed or was cancelled */
	ROW(JOBQ_WAITING, JOBQ_CANCELLED, JOBQ_CAUSE_DEPENDENCY),
	ROW(JOBQ_WAITING, JOBQ_CANCELLED, JOBQ_CAUSE_CANCEL), /* jobq_cli_cancel */
};

#undef NEW
#undef ROW

const struct jobq_transition *jobq_transition_table(size_t *n)
{
	*n = sizeof(table) / sizeof(table[0]);
	return table;
}

bool jobq_transition_initial_ok(enum jobq_status s)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (table[i].initial && table[i].to == s)
			return true;
	return false;
}

bool jobq_transition_ok(enum jobq_status from, enum jobq_status to, enum jobq_cause cause)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (!table[i].initial && table[i].from == from && table[i].to == to &&
		    table[i].cause == cause)
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
