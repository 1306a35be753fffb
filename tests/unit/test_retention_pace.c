/* The retention round's pace (consumer/retention.c): the wait before the next batch keeps the
 * rows deleted within the rate, and which settings turn the rounds on. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "retention.h"

static void test_retention_pace_wait(void **state)
{
	(void)state;
	/* nothing deleted yet, or no rate: go now */
	assert_int_equal(retention_wait_ms(0, 100, 0), 0);
	assert_int_equal(retention_wait_ms(50, 0, 0), 0);
	/* 50 rows at 100/s: half a second from the batch's start */
	assert_int_equal(retention_wait_ms(50, 100, 0), 500);
	assert_int_equal(retention_wait_ms(50, 100, 200), 300);
	assert_int_equal(retention_wait_ms(50, 100, 500), 0);
	assert_int_equal(retention_wait_ms(50, 100, 9000), 0);
	/* rounded up: 1 row at 3/s waits 334 ms, never less than a third of a second */
	assert_int_equal(retention_wait_ms(1, 3, 0), 334);
	/* the longest wait the validator allows: a batch as large as the rate, one second */
	assert_int_equal(retention_wait_ms(1000, 1000, 0), 1000);
	assert_int_equal(retention_wait_ms(10000, 10000, 1), 999);
	/* no overflow even past what the validator allows (batch above the rate) */
	assert_int_equal(retention_wait_ms(10000, 1, 0), 10000000);
}

static void test_retention_pace_on(void **state)
{
	struct jobq_config cfg = { 0 };

	(void)state;
	assert_false(retention_on(&cfg));
	cfg.retention_batch = 500;
	cfg.retention_rate = 1000;
	assert_false(retention_on(&cfg)); /* batch and rate alone delete nothing */
	cfg.retention_dead_letters_ms = 1000;
	assert_true(retention_on(&cfg));
	cfg.retention_dead_letters_ms = 0;
	cfg.retention_cancelled_ms = 1;
	assert_true(retention_on(&cfg));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_retention_pace_wait),
		cmocka_unit_test(test_retention_pace_on),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
