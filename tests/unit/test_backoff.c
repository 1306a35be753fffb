/* Unit tests: backoff with jitter (common/backoff.c): each wait in [cur/2, cur], the step
 * doubling to its cap, a reset starting over, and the jitter spreading the waits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "jobq/backoff.h"

static void test_backoff_waits_within_half_to_whole_step(void **state)
{
	struct jobq_backoff b;

	(void)state;
	jobq_backoff_init(&b, 100, 5000, 42);
	for (int i = 0; i < 1000; i++) {
		int64_t w = jobq_backoff_wait(&b);

		assert_in_range(w, 50, 100);
		assert_int_equal(b.cur, 100); /* a wait alone does not grow the step */
	}
}

static void test_backoff_doubles_to_the_cap(void **state)
{
	static const int64_t steps[] = { 200, 400, 800, 1600, 3200, 6400, 10000, 10000 };
	struct jobq_backoff b;

	(void)state;
	jobq_backoff_init(&b, 200, 10000, 7);
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		int64_t w;

		assert_int_equal(b.cur, steps[i]);
		w = jobq_backoff_next(&b);
		assert_in_range(w, steps[i] / 2, steps[i]);
	}
}

static void test_backoff_cap_not_a_power_of_two_of_min(void **state)
{
	struct jobq_backoff b;

	(void)state;
	jobq_backoff_init(&b, 100, 5000, 1);
	for (int i = 0; i < 6; i++)
		(void)jobq_backoff_next(&b); /* 100 200 400 800 1600 3200 */
	assert_int_equal(b.cur, 5000);
	(void)jobq_backoff_next(&b);
	assert_int_equal(b.cur, 5000);
}

static void test_backoff_reset_starts_over(void **state)
{
	struct jobq_backoff b;

	(void)state;
	jobq_backoff_init(&b, 50, 2000, 3);
	for (int i = 0; i < 10; i++)
		(void)jobq_backoff_next(&b);
	assert_int_equal(b.cur, 2000);
	jobq_backoff_reset(&b);
	assert_int_equal(b.cur, 50);
	assert_in_range(jobq_backoff_next(&b), 25, 50);
	assert_int_equal(b.cur, 100);
}

static void test_backoff_jitter_spreads_the_waits(void **state)
{
	struct jobq_backoff b;
	int64_t lo = 1 << 30, hi = 0;

	(void)state;
	jobq_backoff_init(&b, 1000, 1000, 99);
	for (int i = 0; i < 2000; i++) {
		int64_t w = jobq_backoff_next(&b);

		lo = w < lo ? w : lo;
		hi = w > hi ? w : hi;
	}
	/* Both ends of [500, 1000] are reached, nearly: no fixed wait. */
	assert_true(lo < 520);
	assert_true(hi > 980);
}

static void test_backoff_same_seed_same_waits(void **state)
{
	struct jobq_backoff a, b;

	(void)state;
	jobq_backoff_init(&a, 200, 5000, 1234);
	jobq_backoff_init(&b, 200, 5000, 1234);
	for (int i = 0; i < 20; i++)
		assert_int_equal(jobq_backoff_next(&a), jobq_backoff_next(&b));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backoff_waits_within_half_to_whole_step),
		cmocka_unit_test(test_backoff_doubles_to_the_cap),
		cmocka_unit_test(test_backoff_cap_not_a_power_of_two_of_min),
		cmocka_unit_test(test_backoff_reset_starts_over),
		cmocka_unit_test(test_backoff_jitter_spreads_the_waits),
		cmocka_unit_test(test_backoff_same_seed_same_waits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
