/* Unit tests: the consumer's dispatch of deliveries (consumer/queue.c) — express deliveries
 * (priority jobs) are taken before every ordinary one, highest priority first and in
 * arrival order within a priority; a stale connection's deliveries are dropped from both. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consumer.h"

static struct consumer *new_consumer(void)
{
	struct consumer *c = calloc(1, sizeof(*c));

	assert_non_null(c);
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->cv, NULL);
	return c;
}

static void free_consumer(struct consumer *c)
{
	pthread_mutex_destroy(&c->mu);
	pthread_cond_destroy(&c->cv);
	free(c->ring);
	free(c->express);
	free(c);
}

static void push(struct consumer *c, uint64_t tag, uint64_t gen, int priority)
{
	struct delivery d = { .tag = tag, .gen = gen, .priority = priority };

	assert_true(consumer_push(c, &d));
}

static void test_dispatch_express_first_by_priority(void **state)
{
	/* tag: the order of arrival; pushed as ordinary (0) or express (1..9) */
	static const int prio[] = { 0, 3, 0, 9, 3, 1, 0, 9 };
	static const uint64_t want[] = { 4, 8, 2, 5, 6, 1, 3, 7 };
	struct consumer *c = new_consumer();
	struct delivery d;

	(void)state;
	for (size_t i = 0; i < 8; i++)
		push(c, i + 1, 1, prio[i]);
	assert_int_equal(consumer_running(c), 8);
	for (size_t i = 0; i < 8; i++) {
		assert_true(consumer_try_pop(c, &d));
		assert_int_equal(d.tag, want[i]);
	}
	assert_false(consumer_try_pop(c, &d));
	assert_int_equal(consumer_running(c), 8); /* all busy until finished */
	free_consumer(c);
}

/* More express deliveries than the first allocation holds, pushed lowest first: each one
 * goes ahead of all before it. */
static void test_dispatch_express_grows(void **state)
{
	struct consumer *c = new_consumer();
	struct delivery d;

	(void)state;
	for (int i = 0; i < 90; i++)
		push(c, (uint64_t)i, 1, 1 + i / 10);
	for (int i = 0; i < 90; i++) {
		assert_true(consumer_pop(c, &d));
		assert_int_equal(d.priority, 9 - i / 10);
		assert_int_equal(d.tag, (uint64_t)((8 - i / 10) * 10 + i % 10));
	}
	free_consumer(c);
}

static void test_dispatch_drop_stale_express(void **state)
{
	struct consumer *c = new_consumer();
	struct delivery d;

	(void)state;
	push(c, 1, 1, 0);
	push(c, 2, 1, 5);
	push(c, 3, 2, 5);
	push(c, 4, 2, 0);
	assert_int_equal(consumer_drop_stale(c, 2), 2);
	assert_true(consumer_try_pop(c, &d));
	assert_int_equal(d.tag, 3);
	assert_true(consumer_try_pop(c, &d));
	assert_int_equal(d.tag, 4);
	assert_false(consumer_try_pop(c, &d));
	free_consumer(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dispatch_express_first_by_priority),
		cmocka_unit_test(test_dispatch_express_grows),
		cmocka_unit_test(test_dispatch_drop_stale_express),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
