/* Unit tests: how an attempt ends (consumer/outcome.c), one test per row of the mapping
 * from a handler's result and the execution's stop flags to the outcome, its metric and
 * the settlement, and the remapping of an outcome the database refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "jobq/utf8.h"
#include "outcome.h"

/* Attempt 1 of 3, retries from 1 s up to 60 s, a 5 s grace, a 90 s limit, no jitter. */
static struct outcome_facts facts(enum handler_status status)
{
	return (struct outcome_facts){ .status = status,
				       .attempt = 1,
				       .max_attempts = 3,
				       .limit_ms = 90000,
				       .retry_base_ms = 1000,
				       .retry_max_ms = 60000,
				       .relay_grace_ms = 5000,
				       .jitter = 0.0 };
}

static void test_outcome_ok_succeeds(void **state)
{
	struct outcome_facts f = facts(HANDLER_OK);
	struct outcome_plan p;

	(void)state;
	f.result = "{\"n\":1}";
	outcome_decide(&f, &p);
	assert_false(p.abandon);
	assert_int_equal(p.o.to, JOBQ_SUCCEEDED);
	assert_string_equal(p.o.result, "{\"n\":1}");
	assert_string_equal(p.o.reason, "handler succeeded");
	assert_null(p.o.error);
	assert_int_equal(p.bucket, FIN_SUCCEEDED);
	assert_int_equal(p.settle, SETTLE_ACK);
}

static void test_outcome_ok_without_result_is_null(void **state)
{
	struct outcome_facts f = facts(HANDLER_OK);
	struct outcome_plan p;

	(void)state;
	outcome_decide(&f, &p);
	assert_string_equal(p.o.result, "null");
}

static void test_outcome_ok_after_cancel_still_succeeds(void **state)
{
	struct outcome_facts f = facts(HANDLER_OK);
	struct outcome_plan p;

	(void)state;
	f.stop.cancel = true;
	outcome_decide(&f, &p);
	assert_int_equal(p.o.to, JOBQ_SUCCEEDED);
	assert_string_equal(p.o.reason, "succeeded before the cancel took effect");
	assert_int_equal(p.bucket, FIN_SUCCEEDED);
	assert_int_equal(p.settle, SETTLE_ACK);
}

static void test_outcome_stopped_by_cancel_is_cancelled(void **state)
{
	struct outcome_facts f = facts(HANDLER_STOPPED);
	struct outcome_plan p;

	(void)state;
	f.stop.cancel = true;
	f.stop.timed_out = true; /* a cancel wins over the limit */
	f.stop.release = true;   /* and over a release */
	outcome_decide(&f, &p);
	assert_int_equal(p.o.to, JOBQ_CANCELLED);
	assert_string_equal(p.o.reason, "cancelled while running");
	assert_null(p.o.error);
	assert_int_equal(p.bucket, FIN_CANCELLED);
	assert_int_equal(p.settle, SETTLE_ACK);
}

static void test_outcome_stopped_by_release_is_requeued(void **state)
{
	struct outcome_facts f = facts(HANDLER_STOPPED);
	struct outcome_plan p;

	(void)state;
	f.stop.release = true;
	outcome_decide(&f, &p);
	assert_int_equal(p.o.to, JOBQ_QUEUED);
	assert_string_equal(p.o.reason, "released at worker shutdown");
	assert_int_equal(p.o.release_grace_ms, 5000);
	assert_int_equal(p.bucket, FIN_RELEASED);
	assert_int_equal(p.settle, SETTLE_REQUEUE);
}

static void test_outcome_timed_out_is_a_failed_attempt(void **state)
{
	struct outcome_facts f = facts(HANDLER_STOPPED);
	struct outcome_plan p;

	(void)state;
	f.stop.timed_out = true;
	f.stop.release = true; /* the limit wins over a release */
	f.error = "stopped";   /* what the stopped handler said does not count */
	outcome_decide(&f, &p);
	assert_int_equal(p.o.to, JOBQ_SCHEDULED);
	assert_string_equal(p.o.error, "timed out after 1m30s");
	assert_string_equal(p.o.reason, "failed, retry scheduled");
	assert_int_equal(p.o.retry_delay_ms, 500);
	assert_int_equal(p.bucket, FIN_RETRY);
	assert_int_equal(p.settle, SETTLE_ACK);

	f.attempt = 3; /* the last attempt: fails for good */
	outcome_decide(&f, &p);
	assert_int_equal(p.o.to, JOBQ_FAILED);
	assert_string_equal(p.o.error, "timed out after 1m30s");
	assert_string_equal(p.o.reason, "failed, attempts used up");
	assert_int_equal(p.bucket, FIN_FAILED);
}

/* The limit only matters to a handler that stopped: one that ended on its own before it
 * noticed keeps its own outcome. */
static void test_outcome_timed_out_keeps_a_handler_end(void **state)
{
	static const struct {
		enum handler_status status;
		enum jobq_status to;
	} rows[] = { { HANDLER_OK, JOBQ_SUCCEEDED },
		     { HANDLER_RETRY, JOBQ_SCHEDULED },
		     { HANDLER_PERMANENT, JOBQ_FAILED } };

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct outcome_facts f = facts(rows[i].status);
		struct outcome_plan p;

		f.stop.timed_out = true;
		f.error = "handler's own error";
		outcome_decide(&f, &p);
		assert_int_equal(p.o.to, rows[i].to);
		if (rows[i].status != HANDLER_OK)
			assert_string_equal(p.o.error, "handler's own error");
	}
}

static void test_outcome_retry_with_attempts_left_is_scheduled(void **state)
{
	struct outcome_facts f = facts(HANDLER_RETRY);
	struct outcome_plan p;

	(void)state;
	f.error = "boom";
	f.attempt = 2;
	f.jitter = 0.5;
	outcome_decide(&f, &p);
	assert_int_equal(p.o.to, JOBQ_SCHEDULED);
	assert_string_equal(p.o.error, "boom");
	assert_string_equal(p.o.reason, "failed, retry scheduled");
	/* base * 2^(attempt-1) = 2000 ms, equal jitter: 1000 + 1000 * 0.5 */
	assert_int_equal(p.o.retry_delay_ms, 1500);
	assert_int_equal(p.bucket, FIN_RETRY);
	assert_int_equal(p.settle, SETTLE_ACK);
}

/* A handler's retry_in replaces the backoff (clamped to 0 .. 365 days), for a retryable
 * failure only: a permanent one, or one on the last attempt, still fails for good. */
static void test_outcome_retry_in_replaces_the_backoff(void **state)
{
	struct outcome_facts f = facts(HANDLER_RETRY);
	struct outcome_plan p;

	(void)state;
	f.attempt = 1;
	f.retry_in = true;
	f.retry_in_ms = 30000;
	outcome_decide(&f, &p);
	assert_int_equal(p.o.to, JOBQ_SCHEDULED);
	assert_int_equal(p.o.retry_delay_ms, 30000);
	f.retry_in_ms = 0;
	outcome_decide(&f, &p);
	assert_int_equal(p.o.retry_delay_ms, 0);
	f.retry_in_ms = -5;
	outcome_decide(&f, &p);
	assert_int_equal(p.o.retry_delay_ms, 0);
	f.retry_in_ms = JOBQ_RETRY_IN_MAX_MS * 2;
	outcome_decide(&f, &p);
	assert_int_equal(p.o.retry_delay_ms, JOBQ_RETRY_IN_MAX_MS);
	f.retry_in_ms = 30000;
	f.attempt = 3;
	outcome_decide(&f, &p);
	assert_int_equal(p.o.to, JOBQ_FAILED);
	f.attempt = 1;
	f.status = HANDLER_PERMANENT;
	outcome_decide(&f, &p);
	assert_int_equal(p.o.to, JOBQ_FAILED);
	assert_string_equal(p.o.reason, "failed permanently");
	/* without the flag the backoff holds, whatever the field says */
	f.status = HANDLER_RETRY;
	f.retry_in = false;
	f.jitter = 0.5;
	outcome_decide(&f, &p);
	assert_int_equal(p.o.retry_delay_ms, 750);
}

/* A release (the handler could not run here) gives the attempt back and waits a pause; a
 * lost lease still wins. Progress rides along with every outcome written. */
static void test_outcome_release_is_uncounted_and_paused(void **state)
{
	struct outcome_facts f = facts(HANDLER_RELEASE);
	struct outcome_plan p;

	(void)state;
	f.error = "handler thumb is broken";
	f.attempt = 3; /* even on the last attempt: it did not run */
	f.progress = "{\"done\":1}";
	outcome_decide(&f, &p);
	assert_false(p.abandon);
	assert_int_equal(p.o.to, JOBQ_SCHEDULED);
	assert_true(p.o.uncounted);
	assert_int_equal(p.o.retry_delay_ms, OUTCOME_RELEASE_PAUSE_MS);
	assert_string_equal(p.o.error, "handler thumb is broken");
	assert_string_equal(p.o.reason, "released: handler could not run");
	assert_string_equal(p.o.progress, "{\"done\":1}");
	assert_int_equal(p.settle, SETTLE_ACK);
	f.status = HANDLER_OK;
	outcome_decide(&f, &p);
	assert_false(p.o.uncounted);
	assert_string_equal(p.o.progress, "{\"done\":1}");
	f.status = HANDLER_RELEASE;
	f.stop.lost = true;
	outcome_decide(&f, &p);
	assert_true(p.abandon);
}

static void test_outcome_retry_attempts_used_up_fails(void **state)
{
	struct outcome_facts f = facts(HANDLER_RETRY);
	struct outcome_plan p;

	(void)state;
	f.attempt = 3;
	outcome_decide(&f, &p);
	assert_int_equal(p.o.to, JOBQ_FAILED);
	assert_string_equal(p.o.error, "handler failed"); /* no error given */
	assert_string_equal(p.o.reason, "failed, attempts used up");
	assert_int_equal(p.o.retry_delay_ms, 0);
	assert_int_equal(p.bucket, FIN_FAILED);
	assert_int_equal(p.settle, SETTLE_ACK);
}

static void test_outcome_permanent_fails_at_once(void **state)
{
	struct outcome_facts f = facts(HANDLER_PERMANENT);
	struct outcome_plan p;

	(void)state;
	f.error = "bad payload";
	outcome_decide(&f, &p);
	assert_int_equal(p.o.to, JOBQ_FAILED);
	assert_string_equal(p.o.error, "bad payload");
	assert_string_equal(p.o.reason, "failed permanently");
	assert_int_equal(p.bucket, FIN_FAILED);
}

static void test_outcome_lost_lease_abandons(void **state)
{
	static const enum handler_status all[] = { HANDLER_OK, HANDLER_RETRY, HANDLER_PERMANENT,
						   HANDLER_STOPPED };
	struct outcome_plan p;

	(void)state;
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		struct outcome_facts f = facts(all[i]);

		f.stop.lost = true;
		f.stop.cancel = true;
		outcome_decide(&f, &p);
		assert_true(p.abandon);
		assert_int_equal(p.settle, SETTLE_ACK);
	}
}

static void test_outcome_stopped_early_on_lost_cancel_or_release(void **state)
{
	(void)state;
	assert_false(outcome_stopped_early(&(struct outcome_flags){ 0 }));
	assert_false(outcome_stopped_early(&(struct outcome_flags){ .timed_out = true }));
	assert_true(outcome_stopped_early(&(struct outcome_flags){ .lost = true }));
	assert_true(outcome_stopped_early(&(struct outcome_flags){ .cancel = true }));
	assert_true(outcome_stopped_early(&(struct outcome_flags){ .release = true }));
}

static void test_outcome_refused_result_fails_for_good(void **state)
{
	struct outcome_facts f = facts(HANDLER_OK);
	struct outcome_plan p;

	(void)state;
	f.result = "{}";
	outcome_decide(&f, &p);
	assert_string_equal(outcome_refused(&p, "invalid input syntax for type json"),
			    "result_refused");
	assert_int_equal(p.o.to, JOBQ_FAILED);
	assert_null(p.o.result);
	assert_string_equal(p.o.error,
			    "result refused by the database: invalid input syntax for type json");
	assert_string_equal(p.o.reason, "failed permanently: result refused");
	assert_int_equal(p.bucket, FIN_FAILED);
	assert_int_equal(p.settle, SETTLE_ACK);
}

static void test_outcome_refused_other_outcome_fails_for_good(void **state)
{
	struct outcome_facts f = facts(HANDLER_STOPPED);
	struct outcome_plan p;

	(void)state;
	f.stop.release = true; /* even a release: the row must not stay running */
	outcome_decide(&f, &p);
	assert_string_equal(outcome_refused(&p, "value too long"), "outcome_refused");
	assert_int_equal(p.o.to, JOBQ_FAILED);
	assert_string_equal(p.o.error, "outcome refused by the database: value too long");
	assert_string_equal(p.o.reason, "failed permanently: outcome refused");
	assert_int_equal(p.o.release_grace_ms, 0);
	assert_int_equal(p.bucket, FIN_FAILED);
	assert_int_equal(p.settle, SETTLE_ACK);
}

/* A timed-out plan's error text lives in the plan itself; the refusal rewrites it from the
 * database's message alone. */
static void test_outcome_refused_after_timeout(void **state)
{
	struct outcome_facts f = facts(HANDLER_STOPPED);
	struct outcome_plan p;

	(void)state;
	f.stop.timed_out = true;
	outcome_decide(&f, &p);
	assert_string_equal(p.o.error, "timed out after 1m30s");
	assert_string_equal(outcome_refused(&p, "value too long"), "outcome_refused");
	assert_int_equal(p.o.to, JOBQ_FAILED);
	assert_string_equal(p.o.error, "outcome refused by the database: value too long");
	assert_int_equal(p.bucket, FIN_FAILED);
}

static void test_outcome_refused_text_is_cut_to_utf8(void **state)
{
	struct outcome_facts f = facts(HANDLER_RETRY);
	struct outcome_plan p;
	char msg[JOBQ_ERR_MSG_MAX];
	size_t n;

	(void)state;
	/* A message cut inside a two-byte character (é = c3 a9), as jobq_err cuts them. */
	memset(msg, 'a', sizeof(msg));
	msg[sizeof(msg) - 2] = '\xc3';
	msg[sizeof(msg) - 1] = '\0';
	outcome_decide(&f, &p);
	(void)outcome_refused(&p, msg);
	n = strlen(p.o.error);
	assert_int_equal(jobq_utf8_cut_end(p.o.error, n), n);
	assert_int_equal(p.o.error[n - 1], 'a');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outcome_ok_succeeds),
		cmocka_unit_test(test_outcome_ok_without_result_is_null),
		cmocka_unit_test(test_outcome_ok_after_cancel_still_succeeds),
		cmocka_unit_test(test_outcome_stopped_by_cancel_is_cancelled),
		cmocka_unit_test(test_outcome_stopped_by_release_is_requeued),
		cmocka_unit_test(test_outcome_timed_out_is_a_failed_attempt),
		cmocka_unit_test(test_outcome_timed_out_keeps_a_handler_end),
		cmocka_unit_test(test_outcome_retry_with_attempts_left_is_scheduled),
		cmocka_unit_test(test_outcome_retry_in_replaces_the_backoff),
		cmocka_unit_test(test_outcome_release_is_uncounted_and_paused),
		cmocka_unit_test(test_outcome_retry_attempts_used_up_fails),
		cmocka_unit_test(test_outcome_permanent_fails_at_once),
		cmocka_unit_test(test_outcome_lost_lease_abandons),
		cmocka_unit_test(test_outcome_stopped_early_on_lost_cancel_or_release),
		cmocka_unit_test(test_outcome_refused_result_fails_for_good),
		cmocka_unit_test(test_outcome_refused_other_outcome_fails_for_good),
		cmocka_unit_test(test_outcome_refused_after_timeout),
		cmocka_unit_test(test_outcome_refused_text_is_cut_to_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
