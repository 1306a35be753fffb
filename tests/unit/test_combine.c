/* consumer/combine.c: every item gets its own result, from one batch, with no item lost
 * or run twice, whichever thread leads. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "combine.h"

#define THREADS 16
#define ROUNDS 200

static atomic_int runs[THREADS * ROUNDS]; /* how often each item was run */
static atomic_int max_batch;

/* Result = item value * 2; a short pause so that batches form. */
static void batch(void *ctx, void **items, int *results, size_t n)
{
	(void)ctx;
	if ((int)n > atomic_load(&max_batch))
		atomic_store(&max_batch, (int)n);
	for (size_t i = 0; i < n; i++) {
		int v = *(int *)items[i];

		atomic_fetch_add(&runs[v], 1);
		results[i] = v * 2;
	}
	usleep(200);
}

struct worker {
	struct combiner *cb;
	int id;
	int wrong;
};

static void *work(void *arg)
{
	struct worker *w = arg;

	for (int r = 0; r < ROUNDS; r++) {
		int v = w->id * ROUNDS + r;

		if (combiner_run(w->cb, &v, batch, NULL) != v * 2)
			w->wrong++;
	}
	return NULL;
}

/* Two items at a time (an outcome and the next claim), rounds 2k and 2k+1. */
static void *work_pairs(void *arg)
{
	struct worker *w = arg;

	for (int r = 0; r < ROUNDS; r += 2) {
		int v[2] = { w->id * ROUNDS + r, w->id * ROUNDS + r + 1 };
		void *items[2] = { &v[0], &v[1] };
		int res[2] = { -1, -1 };

		if (combiner_run_many(w->cb, items, res, 2, batch, NULL) != v[0] * 2 ||
		    res[0] != v[0] * 2 || res[1] != v[1] * 2)
			w->wrong++;
	}
	return NULL;
}

static void test_combine_every_item_once_with_its_result(void **state)
{
	struct combiner cb;
	pthread_t th[THREADS];
	struct worker w[THREADS];

	(void)state;
	for (int i = 0; i < THREADS * ROUNDS; i++)
		atomic_store(&runs[i], 0);
	atomic_store(&max_batch, 0);
	assert_int_equal(combiner_init(&cb, 8), 0);
	for (int i = 0; i < THREADS; i++) {
		w[i] = (struct worker){ &cb, i, 0 };
		assert_int_equal(pthread_create(&th[i], NULL, work, &w[i]), 0);
	}
	for (int i = 0; i < THREADS; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(w[i].wrong, 0);
	}
	for (int i = 0; i < THREADS * ROUNDS; i++)
		assert_int_equal(atomic_load(&runs[i]), 1);
	assert_int_equal(cb.items, THREADS * ROUNDS);
	/* concurrent callers were combined, never beyond the limit */
	assert_true(cb.batches < cb.items);
	assert_true(atomic_load(&max_batch) <= 8);
	combiner_destroy(&cb);
}

/* Threads that queue pairs, beside threads that queue one item, with a batch limit that
 * splits some pairs: every item runs once and each gets its own result. */
static void test_combine_pairs_every_item_once(void **state)
{
	struct combiner cb;
	pthread_t th[THREADS];
	struct worker w[THREADS];

	(void)state;
	for (int i = 0; i < THREADS * ROUNDS; i++)
		atomic_store(&runs[i], 0);
	atomic_store(&max_batch, 0);
	assert_int_equal(combiner_init(&cb, 5), 0);
	for (int i = 0; i < THREADS; i++) {
		w[i] = (struct worker){ &cb, i, 0 };
		assert_int_equal(pthread_create(&th[i], NULL, i % 2 ? work_pairs : work, &w[i]), 0);
	}
	for (int i = 0; i < THREADS; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(w[i].wrong, 0);
	}
	for (int i = 0; i < THREADS * ROUNDS; i++)
		assert_int_equal(atomic_load(&runs[i]), 1);
	assert_int_equal(cb.items, THREADS * ROUNDS);
	assert_true(atomic_load(&max_batch) <= 5);
	combiner_destroy(&cb);
}

/* A pair alone: one batch of two. */
static void test_combine_pair_alone_one_batch(void **state)
{
	struct combiner cb;
	int v[2] = { 5, 7 };
	void *items[2] = { &v[0], &v[1] };
	int res[2];

	(void)state;
	atomic_store(&runs[5], 0);
	atomic_store(&runs[7], 0);
	atomic_store(&max_batch, 0);
	assert_int_equal(combiner_init(&cb, 4), 0);
	assert_int_equal(combiner_run_many(&cb, items, res, 2, batch, NULL), 10);
	assert_int_equal(res[0], 10);
	assert_int_equal(res[1], 14);
	assert_int_equal(cb.batches, 1);
	assert_int_equal(atomic_load(&max_batch), 2);
	combiner_destroy(&cb);
}

static void test_combine_alone_runs_at_once(void **state)
{
	struct combiner cb;
	int v = 21;

	(void)state;
	atomic_store(&max_batch, 0);
	assert_int_equal(combiner_init(&cb, 0), 0); /* 0 means 1 */
	assert_int_equal(combiner_run(&cb, &v, batch, NULL), 42);
	assert_int_equal(cb.batches, 1);
	assert_int_equal(atomic_load(&max_batch), 1);
	combiner_destroy(&cb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_combine_alone_runs_at_once),
		cmocka_unit_test(test_combine_every_item_once_with_its_result),
		cmocka_unit_test(test_combine_pairs_every_item_once),
		cmocka_unit_test(test_combine_pair_alone_one_batch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
