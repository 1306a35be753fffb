/* Unit tests: job states, the transition table of design §3, retry backoff. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "jobq/job.h"

static void test_job_status_names_round_trip(void **state)
{
	(void)state;
	for (int s = 0; s < JOBQ_STATUS_COUNT; s++) {
		enum jobq_status back;
		assert_int_equal(jobq_status_parse(jobq_status_name((enum jobq_status)s), &back, NULL), 0);
		assert_int_equal(back, s);
	}
	assert_null(jobq_status_name(JOBQ_STATUS_COUNT));
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
	/* Every row of design §3. */
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

static void test_job_transitions_reject_the_rest(void **state)
{
	int allowed = 0;

	(void)state;
	assert_false(jobq_transition_initial_ok(JOBQ_RUNNING));
	assert_false(jobq_transition_initial_ok(JOBQ_SUCCEEDED));
	/* Terminal states are final except for an explicit retry. */
	assert_false(jobq_transition_ok(JOBQ_SUCCEEDED, JOBQ_QUEUED, JOBQ_CAUSE_RETRY));
	assert_false(jobq_transition_ok(JOBQ_SUCCEEDED, JOBQ_FAILED, JOBQ_CAUSE_FAILURE));
	assert_false(jobq_transition_ok(JOBQ_FAILED, JOBQ_SUCCEEDED, JOBQ_CAUSE_SUCCESS));
	/* A job is never run without a claim, and never claimed from scheduled. */
	assert_false(jobq_transition_ok(JOBQ_SCHEDULED, JOBQ_RUNNING, JOBQ_CAUSE_CLAIM));
	assert_false(jobq_transition_ok(JOBQ_QUEUED, JOBQ_SUCCEEDED, JOBQ_CAUSE_SUCCESS));
	/* The right pair with the wrong cause is refused too. */
	assert_false(jobq_transition_ok(JOBQ_RUNNING, JOBQ_SUCCEEDED, JOBQ_CAUSE_CANCEL));
	/* Exactly the 12 non-initial rows of the table, counted over every combination. */
	for (int f = 0; f < JOBQ_STATUS_COUNT; f++)
		for (int t = 0; t < JOBQ_STATUS_COUNT; t++)
			for (int c = JOBQ_CAUSE_SUBMIT; c <= JOBQ_CAUSE_RETRY; c++)
				allowed += jobq_transition_ok((enum jobq_status)f, (enum jobq_status)t,
							      (enum jobq_cause)c);
	assert_int_equal(allowed, 12);
}

static void test_job_backoff_doubles_within_jitter(void **state)
{
	(void)state;
	for (int attempt = 1; attempt <= 5; attempt++) {
		int64_t full = 2000LL << (attempt - 1);
		struct jobq_failure_plan lo = jobq_failure_plan(attempt, 10, false, 2000, 600000, 0.0);
		struct jobq_failure_plan hi = jobq_failure_plan(attempt, 10, false, 2000, 600000, 0.999999);

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
		cmocka_unit_test(test_job_terminal_states),
		cmocka_unit_test(test_job_transitions_follow_design_table),
		cmocka_unit_test(test_job_transitions_reject_the_rest),
		cmocka_unit_test(test_job_backoff_doubles_within_jitter),
		cmocka_unit_test(test_job_backoff_caps_at_max_without_overflow),
		cmocka_unit_test(test_job_backoff_gives_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
