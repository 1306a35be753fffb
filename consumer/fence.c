/* The fence: stops every job whose lease this worker can no longer vouch for. It runs on a
 * thread of its own that never talks to the database, so a heartbeat that hangs (a stopped
 * backend, a black-holed route) cannot keep a job running past its lease. */
#include <unistd.h>

#include "consumer.h"
#include "jobq/clock.h"
#include "jobq/log.h"

/* How often the fence looks: small against any margin worth configuring. */
#define FENCE_TICK_MS 10

int64_t fence_period_ms(const struct jobq_config *cfg)
{
	int64_t third = cfg->lease_duration_ms / 3;

	/* At least three heartbeats per lease: one may fail and the next still lands before
	 * the fence point. */
	return cfg->heartbeat_interval_ms < third ? cfg->heartbeat_interval_ms
	       : third > 0                        ? third
						  : 1;
}

int64_t fence_keeper_bound_ms(const struct jobq_config *cfg)
{
	int64_t b = cfg->lease_duration_ms - 2 * fence_period_ms(cfg);

	return b > 0 ? b : 1;
}

int64_t fence_session_bound_ms(const struct jobq_config *cfg)
{
	return cfg->lease_duration_ms > 0 ? cfg->lease_duration_ms : 1;
}

void fence_renewed(struct execution *e, int64_t sent_ms, const struct jobq_config *cfg)
{
	/* The database counts the lease from its now(), which is no earlier than sent_ms; the
	 * last renewal replaces the expiry (it sets it, it does not extend it). */
	e->fence_at_ms = sent_ms + cfg->lease_duration_ms - fence_period_ms(cfg);
	if (e->shim_fence != NULL)
		atomic_store(e->shim_fence, e->fence_at_ms);
	if (e->pool_wake != NULL) {
		uint64_t one = 1;
		ssize_t n = write(*e->pool_wake, &one, sizeof(one));

		(void)n; /* a full counter already wakes the thread */
	}
}

void *fence_thread(void *arg)
{
	struct consumer *c = arg;

	while (!atomic_load(&c->io_done)) {
		int64_t now = jobq_monotonic_ms();

		pthread_mutex_lock(&c->exec_mu);
		for (int i = 0; i < c->nexec; i++) {
			struct execution *e = &c->execs[i];

			/* attempt 0: a claim still in flight, no lease of ours yet. */
			if (!e->active || e->attempt == 0 || atomic_load(&e->lost) ||
			    now < e->fence_at_ms)
				continue;
			execution_stop(e, STOP_LOST);
			jobq_warn("lease_lost", "worker", c->worker_id, "job", e->job_id,
				  "detected_by", "no heartbeat within the lease");
		}
		pthread_mutex_unlock(&c->exec_mu);
		usleep(FENCE_TICK_MS * 1000);
	}
	return NULL;
}
