/* consumer/fence.c: the heartbeat period, fence point and session bound derived from the
 * lease settings, and the fence thread stopping exactly the jobs past their fence point
 * (it needs nothing but the execution table: no database). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "consumer.h"
#include "jobq/clock.h"

/* The real one wakes the handler too; here it records the stop. */
void execution_stop(struct execution *e, enum stop_reason why)
{
	if (why == STOP_LOST)
		atomic_store(&e->lost, true);
}

static struct jobq_config cfg_of(int64_t heartbeat_ms, int64_t lease_ms)
{
	struct jobq_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.heartbeat_interval_ms = heartbeat_ms;
	cfg.lease_duration_ms = lease_ms;
	return cfg;
}

static void test_fence_period_and_bound(void **state)
{
	static const struct {
		int64_t h, l, period, bound;
	} rows[] = {
		{ 30000, 300000, 30000, 240000 }, /* the defaults */
		{ 300, 2000, 300, 1400 },
		{ 30000, 45000, 15000, 15000 }, /* a heartbeat longer than a third */
		{ 1000, 2000, 666, 668 },
		{ 1, 2, 1, 1 }, /* never 0: never a tight loop */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct jobq_config cfg = cfg_of(rows[i].h, rows[i].l);

		assert_int_equal(fence_period_ms(&cfg), rows[i].period);
		assert_int_equal(fence_keeper_bound_ms(&cfg), rows[i].bound);
		assert_int_equal(fence_session_bound_ms(&cfg), rows[i].l);
		/* A heartbeat sent one period after the last one that landed, and cut off by
		 * the bound, ends no later than the fence point. */
		assert_true(fence_period_ms(&cfg) + fence_keeper_bound_ms(&cfg) <=
				    rows[i].l - fence_period_ms(&cfg) ||
			    rows[i].l < 3);
	}
}

static void test_fence_renewed_counts_from_the_send(void **state)
{
	struct jobq_config cfg = cfg_of(300, 2000);
	struct execution e;

	(void)state;
	memset(&e, 0, sizeof(e));
	fence_renewed(&e, 10000, &cfg);
	assert_int_equal(e.fence_at_ms, 10000 + 2000 - 300);
	/* A later renewal under other settings replaces it, even when it is earlier: the
	 * database's lease was set, not extended. */
	cfg = cfg_of(100, 600);
	fence_renewed(&e, 10500, &cfg);
	assert_int_equal(e.fence_at_ms, 10500 + 600 - 100);
}

static void test_fence_thread_stops_only_jobs_past_their_fence(void **state)
{
	struct jobq_config cfg = cfg_of(300, 2000);
	struct execution execs[4];
	struct consumer c;
	pthread_t t;
	int64_t now = jobq_monotonic_ms();

	(void)state;
	memset(&c, 0, sizeof(c));
	memset(execs, 0, sizeof(execs));
	c.cfg = &cfg;
	c.execs = execs;
	c.nexec = 4;
	strcpy(c.worker_id, "w");
	pthread_mutex_init(&c.exec_mu, NULL);
	for (int i = 0; i < 4; i++) {
		snprintf(execs[i].job_id, sizeof(execs[i].job_id), "job-%d", i);
		execs[i].active = true;
		execs[i].attempt = 1;
	}
	execs[0].fence_at_ms = now - 1;     /* past: stopped */
	execs[1].fence_at_ms = now + 60000; /* renewed lately: runs on */
	execs[2].attempt = 0;               /* claim in flight: no lease yet */
	execs[3].active = false;            /* a free slot */
	execs[3].fence_at_ms = now - 1;
	execs[2].fence_at_ms = 0;
	pthread_create(&t, NULL, fence_thread, &c);
	/* Waits are bounded but generous: a loaded machine may start the thread late. */
	for (int i = 0; i < 200 && !atomic_load(&execs[0].lost); i++)
		usleep(10 * 1000);
	pthread_mutex_lock(&c.exec_mu);
	assert_true(atomic_load(&execs[0].lost));
	assert_false(atomic_load(&execs[1].lost));
	execs[1].fence_at_ms = jobq_monotonic_ms(); /* its heartbeats stop landing */
	pthread_mutex_unlock(&c.exec_mu);
	for (int i = 0; i < 200 && !atomic_load(&execs[1].lost); i++)
		usleep(10 * 1000);
	atomic_store(&c.io_done, true);
	pthread_join(t, NULL);
	assert_true(atomic_load(&execs[0].lost));
	assert_true(atomic_load(&execs[1].lost));
	assert_false(atomic_load(&execs[2].lost));
	assert_false(atomic_load(&execs[3].lost));
	pthread_mutex_destroy(&c.exec_mu);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fence_period_and_bound),
		cmocka_unit_test(test_fence_renewed_counts_from_the_send),
		cmocka_unit_test(test_fence_thread_stops_only_jobs_past_their_fence),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
