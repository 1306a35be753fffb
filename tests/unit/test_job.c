/* Unit tests: job states, the transition table of docs/design.md §3, retry backoff. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "jobq/job.h"

static void test_job_status_names_round_trip(void **state)
{
	(void)state;
	for (int s = 0; s < JOBQ_STATUS_COUNT; s++) {
		enum jobq_status back;
		assert_int_equal(
			jobq_status_parse(jobq_status_name((enum jobq_status)s), &back, NULL), 0);
		assert_int_equal(back, s);
	}
	assert_null(jobq_status_name(JOBQ_STATUS_COUNT));
}

static void test_job_status_sql_list(void **state)
{
	char buf[200];

	(void)state;
	jobq_status_sql_list(1u << JOBQ_FAILED | 1u << JOBQ_QUEUED, buf, sizeof(buf));
	assert_string_equal(buf, "'queued', 'failed'"); /* the enum's order */
	jobq_status_sql_list(0, buf, sizeof(buf));
	assert_string_equal(buf, "");
	jobq_status_sql_list(1u << JOBQ_CANCELLED, buf, sizeof(buf));
	assert_string_equal(buf, "'cancelled'");
	/* every state fits the callers' JOBQ_STATUS_SQL_LIST_LEN, with room to spare */
	{
		char full[JOBQ_STATUS_SQL_LIST_LEN];
		unsigned all = (1u << JOBQ_STATUS_COUNT) - 1u;
		size_t n;

		jobq_status_sql_list(all, full, sizeof(full));
		n = strlen(full);
		assert_true(n + 1 < sizeof(full));
		for (int k = 0; k < JOBQ_STATUS_COUNT; k++) {
			char lit[40];

			snprintf(lit, sizeof(lit), "'%s'", jobq_status_name((enum jobq_status)k));
			assert_non_null(strstr(full, lit));
		}
	}
}

static void test_job_status_parse_rejects_junk(void **state)
{
	struct jobq_err err;
	enum jobq_status s;

	(void)state;
	assert_int_equal(jobq_status_parse("Queued", &s, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "'Queued' is not a job state"));
	assert_int_equal(jobq_status_parse("", &s, &err), JOBQ_EINVAL);
	assert_int_equal(jobq_status_parse(NULL, &s, &err), JOBQ_EINVAL);
}

static void test_job_terminal_states(void **state)
{
	(void)state;
	assert_true(jobq_status_terminal(JOBQ_SUCCEEDED));
	assert_true(jobq_status_terminal(JOBQ_FAILED));
	assert_true(jobq_status_terminal(JOBQ_CANCELLED));
	assert_false(jobq_status_terminal(JOBQ_SCHEDULED));
	assert_false(jobq_status_terminal(JOBQ_QUEUED));
	assert_false(jobq_status_terminal(JOBQ_RUNNING));
}

static void test_job_transitions_follow_design_table(void **state)
{
	(void)state;
	/* Every row of docs/design.md §3. */
	assert_true(jobq_transition_initial_ok(JOBQ_QUEUED));
	assert_true(jobq_transition_initial_ok(JOBQ_SCHEDULED));
	assert_true(jobq_transition_ok(JOBQ_SCHEDULED, JOBQ_QUEUED, JOBQ_CAUSE_DUE));
	assert_true(jobq_transition_ok(JOBQ_QUEUED, JOBQ_RUNNING, JOBQ_CAUSE_CLAIM));
	assert_true(jobq_transition_ok(JOBQ_SCHEDULED, JOBQ_CANCELLED, JOBQ_CAUSE_CANCEL));
	assert_true(jobq_transition_ok(JOBQ_QUEUED, JOBQ_CANCELLED, JOBQ_CAUSE_CANCEL));
	assert_true(jobq_transition_ok(JOBQ_RUNNING, JOBQ_SUCCEEDED, JOBQ_CAUSE_SUCCESS));
	assert_true(jobq_transition_ok(JOBQ_RUNNING, JOBQ_SCHEDULED, JOBQ_CAUSE_FAILURE));
	assert_true(jobq_transition_ok(JOBQ_RUNNING, JOBQ_FAILED, JOBQ_CAUSE_FAILURE));
	assert_true(jobq_transition_ok(JOBQ_RUNNING, JOBQ_FAILED, JOBQ_CAUSE_LEASE_BACK));
	assert_true(jobq_transition_ok(JOBQ_RUNNING, JOBQ_CANCELLED, JOBQ_CAUSE_CANCEL));
	assert_true(jobq_transition_ok(JOBQ_RUNNING, JOBQ_QUEUED, JOBQ_CAUSE_LEASE_BACK));
	assert_true(jobq_transition_ok(JOBQ_FAILED, JOBQ_QUEUED, JOBQ_CAUSE_RETRY));
	assert_true(jobq_transition_ok(JOBQ_CANCELLED, JOBQ_QUEUED, JOBQ_CAUSE_RETRY));
}

/* The status changes the SQL makes beyond the design's first table: a takeover, dead
 * letters, migration 0009's payload ceiling, and a lost owner's job with a cancel request or
 * no attempts left. */
static void test_job_transitions_cover_every_statement(void **state)
{
	(void)state;
	assert_true(jobq_transition_ok(JOBQ_RUNNING, JOBQ_RUNNING, JOBQ_CAUSE_TAKEOVER));
	assert_true(jobq_transition_ok(JOBQ_SCHEDULED, JOBQ_FAILED, JOBQ_CAUSE_DEAD_LETTER));
	assert_true(jobq_transition_ok(JOBQ_QUEUED, JOBQ_FAILED, JOBQ_CAUSE_DEAD_LETTER));
	assert_true(jobq_transition_ok(JOBQ_SCHEDULED, JOBQ_CANCELLED, JOBQ_CAUSE_PAYLOAD_CEILING));
	assert_true(jobq_transition_ok(JOBQ_QUEUED, JOBQ_CANCELLED, JOBQ_CAUSE_PAYLOAD_CEILING));
	assert_true(jobq_transition_ok(JOBQ_RUNNING, JOBQ_FAILED, JOBQ_CAUSE_PAYLOAD_CEILING));
}

/* Dependencies (migration 0050): a job submitted after others waits, and leaves waiting only
 * when they end (queued or scheduled), when one fails (cancelled), or by a cancel. */
static void test_job_transitions_of_waiting(void **state)
{
	(void)state;
	assert_true(jobq_transition_initial_ok(JOBQ_WAITING));
	assert_true(jobq_transition_ok(JOBQ_WAITING, JOBQ_QUEUED, JOBQ_CAUSE_DEPENDENCY));
	assert_true(jobq_transition_ok(JOBQ_WAITING, JOBQ_SCHEDULED, JOBQ_CAUSE_DEPENDENCY));
	assert_true(jobq_transition_ok(JOBQ_WAITING, JOBQ_CANCELLED, JOBQ_CAUSE_DEPENDENCY));
	assert_true(jobq_transition_ok(JOBQ_WAITING, JOBQ_CANCELLED, JOBQ_CAUSE_CANCEL));
	assert_false(jobq_transition_ok(JOBQ_WAITING, JOBQ_RUNNING, JOBQ_CAUSE_CLAIM));
	assert_false(jobq_transition_ok(JOBQ_WAITING, JOBQ_FAILED, JOBQ_CAUSE_DEAD_LETTER));
	assert_false(jobq_transition_ok(JOBQ_FAILED, JOBQ_WAITING, JOBQ_CAUSE_RETRY));
	assert_false(jobq_status_terminal(JOBQ_WAITING));
}

static void test_job_transitions_reject_the_rest(void **state)
{
	int allowed = 0;

	(void)state;
	assert_false(jobq_transition_initial_ok(JOBQ_RUNNING));
	assert_false(jobq_transition_initial_ok(JOBQ_SUCCEEDED));
	assert_false(jobq_transition_initial_ok(JOBQ_FAILED));
	assert_false(jobq_transition_initial_ok(JOBQ_CANCELLED));
	/* Terminal states are final except for an explicit retry. */
	assert_false(jobq_transition_ok(JOBQ_SUCCEEDED, JOBQ_QUEUED, JOBQ_CAUSE_RETRY));
	assert_false(jobq_transition_ok(JOBQ_SUCCEEDED, JOBQ_FAILED, JOBQ_CAUSE_FAILURE));
	assert_false(jobq_transition_ok(JOBQ_FAILED, JOBQ_SUCCEEDED, JOBQ_CAUSE_SUCCESS));
	assert_false(jobq_transition_ok(JOBQ_FAILED, JOBQ_FAILED, JOBQ_CAUSE_DEAD_LETTER));
	assert_false(jobq_transition_ok(JOBQ_CANCELLED, JOBQ_CANCELLED, JOBQ_CAUSE_CANCEL));
	/* A job is never run without a claim, and never claimed from scheduled. */
	assert_false(jobq_transition_ok(JOBQ_SCHEDULED, JOBQ_RUNNING, JOBQ_CAUSE_CLAIM));
	assert_false(jobq_transition_ok(JOBQ_QUEUED, JOBQ_SUCCEEDED, JOBQ_CAUSE_SUCCESS));
	/* Only a running job is taken over; a dead letter never touches a running job (its
	 * worker or the reaper decides), nor a finished one. */
	assert_false(jobq_transition_ok(JOBQ_QUEUED, JOBQ_QUEUED, JOBQ_CAUSE_TAKEOVER));
	assert_false(jobq_transition_ok(JOBQ_SCHEDULED, JOBQ_SCHEDULED, JOBQ_CAUSE_DUE));
	assert_false(jobq_transition_ok(JOBQ_RUNNING, JOBQ_FAILED, JOBQ_CAUSE_DEAD_LETTER));
	assert_false(jobq_transition_ok(JOBQ_SUCCEEDED, JOBQ_FAILED, JOBQ_CAUSE_DEAD_LETTER));
	/* The payload ceiling ended unfinished jobs only, and never as succeeded. */
	assert_false(jobq_transition_ok(JOBQ_RUNNING, JOBQ_CANCELLED, JOBQ_CAUSE_PAYLOAD_CEILING));
	assert_false(jobq_transition_ok(JOBQ_SUCCEEDED, JOBQ_FAILED, JOBQ_CAUSE_PAYLOAD_CEILING));
	/* The right pair with the wrong cause is refused too. */
	assert_false(jobq_transition_ok(JOBQ_RUNNING, JOBQ_SUCCEEDED, JOBQ_CAUSE_CANCEL));
	assert_false(jobq_transition_ok(JOBQ_RUNNING, JOBQ_RUNNING, JOBQ_CAUSE_CLAIM));
	assert_false(jobq_transition_ok(JOBQ_QUEUED, JOBQ_FAILED, JOBQ_CAUSE_FAILURE));
	/* Exactly the 22 non-initial rows of the table, counted over every combination. */
	for (int f = 0; f < JOBQ_STATUS_COUNT; f++)
		for (int t = 0; t < JOBQ_STATUS_COUNT; t++)
			for (int c = 0; c < JOBQ_CAUSE_COUNT; c++)
				allowed +=
					jobq_transition_ok((enum jobq_status)f, (enum jobq_status)t,
							   (enum jobq_cause)c);
	assert_int_equal(allowed, 22);
}

/* The table as the generator reads it: three initial rows, every row named, no row twice, and
 * each row agrees with jobq_transition_ok / jobq_transition_initial_ok. */
static void test_job_transition_table_is_consistent(void **state)
{
	size_t n, initial = 0;
	const struct jobq_transition *t = jobq_transition_table(&n);

	(void)state;
	assert_int_equal(n, 25);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(jobq_status_name(t[i].to));
		assert_non_null(jobq_cause_name(t[i].cause));
		if (t[i].initial) {
			initial++;
			assert_int_equal(t[i].cause, JOBQ_CAUSE_SUBMIT);
			assert_true(jobq_transition_initial_ok(t[i].to));
		} else {
			assert_non_null(jobq_status_name(t[i].from));
			assert_true(jobq_transition_ok(t[i].from, t[i].to, t[i].cause));
		}
		for (size_t j = 0; j < i; j++)
			assert_false(t[j].initial == t[i].initial && t[j].to == t[i].to &&
				     t[j].cause == t[i].cause &&
				     (t[i].initial || t[j].from == t[i].from));
	}
	assert_int_equal(initial, 3);
	/* Initial rows come first: the generated docs list them first. */
	assert_true(t[0].initial && t[1].initial);
}

static void test_job_cause_names(void **state)
{
	(void)state;
	assert_string_equal(jobq_cause_name(JOBQ_CAUSE_SUBMIT), "submit");
	assert_string_equal(jobq_cause_name(JOBQ_CAUSE_LEASE_BACK), "lease_back");
	assert_string_equal(jobq_cause_name(JOBQ_CAUSE_TAKEOVER), "takeover");
	assert_string_equal(jobq_cause_name(JOBQ_CAUSE_DEAD_LETTER), "dead_letter");
	assert_string_equal(jobq_cause_name(JOBQ_CAUSE_PAYLOAD_CEILING), "payload_ceiling");
	for (int c = 0; c < JOBQ_CAUSE_COUNT; c++)
		assert_non_null(jobq_cause_name((enum jobq_cause)c));
	assert_null(jobq_cause_name(JOBQ_CAUSE_COUNT));
	assert_null(jobq_cause_name((enum jobq_cause) - 1));
}

static void test_job_backoff_doubles_within_jitter(void **state)
{
	(void)state;
	for (int attempt = 1; attempt <= 5; attempt++) {
		int64_t full = 2000LL << (attempt - 1);
		struct jobq_failure_plan lo =
			jobq_failure_plan(attempt, 10, false, 2000, 600000, 0.0);
		struct jobq_failure_plan hi =
			jobq_failure_plan(attempt, 10, false, 2000, 600000, 0.999999);

		assert_true(lo.retry && hi.retry);
		assert_int_equal(lo.delay_ms, full / 2);
		assert_in_range(hi.delay_ms, full - 1, full);
	}
}

static void test_job_backoff_caps_at_max_without_overflow(void **state)
{
	(void)state;
	struct jobq_failure_plan p = jobq_failure_plan(999, 1000, false, 2000, 600000, 0.5);

	assert_true(p.retry);
	assert_in_range(p.delay_ms, 300000, 600000);
	p = jobq_failure_plan(70, 1000, false, INT64_C(1) << 40, INT64_C(1) << 41, 0.999);
	assert_in_range(p.delay_ms, INT64_C(1) << 40, INT64_C(1) << 41);
}

static void test_job_backoff_gives_up(void **state)
{
	(void)state;
	assert_false(jobq_failure_plan(3, 3, false, 2000, 600000, 0.5).retry);
	assert_false(jobq_failure_plan(4, 3, false, 2000, 600000, 0.5).retry);
	assert_false(jobq_failure_plan(1, 5, true, 2000, 600000, 0.5).retry);
	assert_true(jobq_failure_plan(2, 3, false, 2000, 600000, 0.5).retry);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_job_status_names_round_trip),
		cmocka_unit_test(test_job_status_parse_rejects_junk),
		cmocka_unit_test(test_job_status_sql_list),
		cmocka_unit_test(test_job_terminal_states),
		cmocka_unit_test(test_job_transitions_follow_design_table),
		cmocka_unit_test(test_job_transitions_cover_every_statement),
		cmocka_unit_test(test_job_transitions_of_waiting),
		cmocka_unit_test(test_job_transitions_reject_the_rest),
		cmocka_unit_test(test_job_transition_table_is_consistent),
		cmocka_unit_test(test_job_cause_names),
		cmocka_unit_test(test_job_backoff_doubles_within_jitter),
		cmocka_unit_test(test_job_backoff_caps_at_max_without_overflow),
		cmocka_unit_test(test_job_backoff_gives_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
