/* The relay's lost-message round (docs/design.md §6 "Keyed release"): express jobs
 * released long ago and never claimed, whose message nothing can deliver any more, are
 * released again. Split from relay.c, which runs it once a tick. */
#include <pthread.h>
#include <string.h>

#include "jobq/broker.h"
#include "jobq/clock.h"
#include "jobq/log.h"
#include "jobq/store_relay.h"
#include "relay_lost.h"

/* Whether an express delivery waits in this consumer for an executor: a priority one in
 * the express list, or a keyed one of priority 0, which waits in the ring with the
 * ordinary deliveries (consumer/queue.c). */
static bool express_waiting(struct consumer *c)
{
	bool any;

	pthread_mutex_lock(&c->mu);
	any = c->express_len > 0;
	for (size_t i = 0; !any && i < c->ring_len; i++)
		any = c->ring[(c->ring_head + i) % c->ring_cap].express;
	pthread_mutex_unlock(&c->mu);
	return any;
}

/* Since when (monotonic ms) the queue has had no ready express message at each of the
 * previous round's checks, or 0 when it was not found quiet then. */
static int64_t quiet_since(const struct relay_lost *l, const char *queue)
{
	for (int i = 0; i < l->nquiet; i++)
		if (strcmp(l->quiet[i], queue) == 0)
			return l->quiet_since_ms[i];
	return 0;
}

/* Express jobs released LOST_AFTER_MS ago and still not claimed, in a queue whose express
 * queue had no ready message at this round's check and the previous one's, and whose live
 * workers each recorded since the previous check that no express delivery (of any queue)
 * waited in them (this relay records its own worker's first, express_waiting and
 * jobq_store_relay_express_idle): nothing in
 * the broker can deliver them, and no consumer holds one prefetched behind long jobs (the
 * only place where a delivery waits unstarted: jobq_store_relay_lost), so they are
 * released again. A queue found quiet for the first time waits for the next round, so a
 * lost job is released again within LOST_AFTER_MS and about three rounds. At most every
 * LOST_CHECK_MS. */
void relay_lost_round(struct relay_lost *l, struct consumer *c, struct jobq_store *st,
		      relay_broker_fn broker, void *arg)
{
	char queues[LOST_QUEUES][JOBQ_QUEUE_BUF], count[24];
	char quiet[LOST_QUEUES][JOBQ_QUEUE_BUF];
	int64_t since[LOST_QUEUES];
	struct jobq_err err = { 0 };
	int64_t now = jobq_monotonic_ms();
	bool idle;
	int n, nq = 0;

	if (now - l->check_ms < LOST_CHECK_MS)
		return;
	l->check_ms = now;
	idle = !express_waiting(c);
	if (idle && jobq_store_relay_express_idle(st, c->worker_id, &err) != 0) {
		jobq_warn("relay_lost_check_failed", "worker", c->worker_id, "error", err.msg);
		return;
	}
	n = jobq_store_relay_old_express(st, LOST_AFTER_MS, queues, LOST_QUEUES, &err);
	if (n < 0) {
		jobq_warn("relay_lost_check_failed", "worker", c->worker_id, "error", err.msg);
		return;
	}
	for (int i = 0; i < n; i++) {
		uint32_t ready = 0;
		int64_t first;
		int k;

		struct jobq_broker *b = broker(arg, &err);

		if (b == NULL || jobq_broker_express_ready(b, queues[i], &ready, &err) != 0) {
			jobq_warn("relay_lost_check_failed", "worker", c->worker_id, "queue",
				  queues[i], "error", err.msg);
			nq = 0; /* every queue starts again: a check was missed */
			break;
		}
		if (ready > 0)
			continue;
		first = quiet_since(l, queues[i]);
		memcpy(quiet[nq], queues[i], sizeof(quiet[nq]));
		since[nq++] = first > 0 ? first : jobq_monotonic_ms();
		if (first == 0)
			continue;
		if ((k = jobq_store_relay_lost(st, queues[i], LOST_AFTER_MS,
					       jobq_monotonic_ms() - first, &err)) < 0)
			jobq_warn("relay_lost_check_failed", "worker", c->worker_id, "queue",
				  queues[i], "error", err.msg);
		else if (k > 0)
			jobq_warn("express_jobs_released_again", "worker", c->worker_id, "queue",
				  queues[i], "count", jobq_log_int(count, k));
	}
	memcpy(l->quiet, quiet, sizeof(quiet[0]) * (size_t)nq);
	memcpy(l->quiet_since_ms, since, sizeof(since[0]) * (size_t)nq);
	l->nquiet = nq;
}
