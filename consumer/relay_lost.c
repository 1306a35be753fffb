/* The relay's lost-message round (docs/design.md §6 "Keyed release"): express jobs
 * released long ago and never claimed, whose message nothing can deliver any more, are
 * released again. Split from relay.c, which runs it once a tick. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/broker.h"
#include "jobq/clock.h"
#include "jobq/log.h"
#include "jobq/store_relay.h"
#include "relay_lost.h"

/* How long messages a worker held may take to come back to the broker after its
 * connection was replaced or it died: the broker notices a dead connection within two
 * AMQP heartbeats (at least REQUEUE_MIN_MS counted, a heartbeat may be off). */
#define REQUEUE_MIN_MS 60000

/* Job ids held by this worker, for its record (jobq_store_relay_express_record). */
struct held {
	char (*id)[JOBQ_ID_BUF];
	const char **ptr;
	size_t n, cap;
};

/* Append one id; false when out of memory. */
static bool held_add(struct held *h, const char *id)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 64;
		char(*nid)[JOBQ_ID_BUF] = realloc(h->id, cap * sizeof(*nid));

		if (nid == NULL)
			return false;
		h->id = nid;
		h->cap = cap;
	}
	memcpy(h->id[h->n++], id, JOBQ_ID_BUF);
	return true;
}

/* The ids as the array of pointers the store takes (valid until h changes); false when
 * out of memory. */
static bool held_ptrs(struct held *h)
{
	free(h->ptr);
	if ((h->ptr = malloc((h->n ? h->n : 1) * sizeof(*h->ptr))) == NULL)
		return false;
	for (size_t i = 0; i < h->n; i++)
		h->ptr[i] = h->id[i];
	return true;
}

/* Free h's arrays (h itself is the caller's). */
static void held_free(struct held *h)
{
	free(h->id);
	free(h->ptr);
}

/* The job ids of the express deliveries waiting in this consumer for an executor (a
 * priority one in the express list, or a keyed one of priority 0, which waits in the ring
 * with the ordinary deliveries: consumer/queue.c), then of the jobs its executions hold
 * (claimed, or taken for a claim). The lists are read first: an executor takes a delivery
 * from them before it reserves an execution, so a delivery is missed only if taken in
 * between the two reads and reserved after the second. gen: the broker connection
 * generation, read with the lists: the I/O thread drops the deliveries of a replaced
 * connection under the same lock after it moved the generation, so a list read without
 * them comes with the new generation (a requeue). false when out of memory. */
static bool held_ids(struct consumer *c, struct held *h, uint64_t *gen)
{
	bool ok = true;

	pthread_mutex_lock(&c->mu);
	*gen = atomic_load(&c->gen);
	for (size_t i = 0; ok && i < c->express_len; i++)
		ok = held_add(h, c->express[i].env.job_id);
	for (size_t i = 0; ok && i < c->ring_len; i++) {
		const struct delivery *d = &c->ring[(c->ring_head + i) % c->ring_cap];

		if (d->express)
			ok = held_add(h, d->env.job_id);
	}
	pthread_mutex_unlock(&c->mu);
	pthread_mutex_lock(&c->exec_mu);
	for (int i = 0; ok && i < c->nexec; i++)
		if (c->execs[i].active)
			ok = held_add(h, c->execs[i].job_id);
	pthread_mutex_unlock(&c->exec_mu);
	return ok && held_ptrs(h);
}

/* How long after a requeue its messages may still come back, by c's configuration. */
static int64_t requeue_ms(const struct consumer *c)
{
	int64_t ms = 2 * c->cfg->amqp_heartbeat_ms;

	return ms > REQUEUE_MIN_MS ? ms : REQUEUE_MIN_MS;
}

/* Write this worker's record: the ids it holds, and whether messages it held went back to
 * the broker since the last record written: requeued (its drain gave them back), an
 * executor gave an express delivery back (consumer.express_requeued), or its broker
 * connection was replaced (consumer.gen moved; before the first record, past the
 * first connection). 0, or -1 when it could not (logged). */
static int record(struct relay_lost *l, struct consumer *c, struct jobq_store *st, bool requeued)
{
	struct held h = { 0 };
	struct jobq_err err = { 0 };
	uint64_t gen = 0;
	bool executor_requeued = false;
	int r = -1;

	if (!held_ids(c, &h, &gen)) {
		jobq_warn("relay_lost_check_failed", "worker", c->worker_id, "error",
			  "express record: out of memory");
		held_free(&h);
		return -1;
	}
	/* Taken after the lists: a delivery flagged before then is covered by this record's
	 * requeue; one flagged later was still in its slot when the lists were read (listed
	 * here), and the next record carries its requeue. */
	executor_requeued = atomic_exchange(&c->express_requeued, false);
	if (jobq_store_relay_express_record(st, c->worker_id, h.ptr, h.n,
					    requeued || executor_requeued ||
							    (l->gen == 0 ? gen > 1 : gen != l->gen)
						    ? requeue_ms(c)
						    : -1,
					    &err) != 0) {
		jobq_warn("relay_lost_check_failed", "worker", c->worker_id, "error", err.msg);
		if (executor_requeued) /* for the next record */
			atomic_store(&c->express_requeued, true);
	} else {
		l->gen = gen;
		r = 0;
	}
	held_free(&h);
	return r;
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
 * queue had no ready message at this round's check and the previous one's, and which no
 * worker of the queue listed in a record written since the previous check (this relay
 * writes its own worker's first: record), are released again: nothing in the broker can
 * deliver them, and no consumer holds one prefetched behind long jobs (the only place
 * where a delivery waits unstarted), whatever other express deliveries it holds. Queues
 * whose workers requeued or died since are left for later (jobq_store_relay_lost). A queue found quiet for the first time waits for the next round, so a
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
	int64_t dead_ms = c->cfg->heartbeat_interval_ms + requeue_ms(c);
	int n, nq = 0;

	if (now - l->check_ms < LOST_CHECK_MS)
		return;
	l->check_ms = now;
	if (record(l, c, st, false) != 0)
		return;
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
					       jobq_monotonic_ms() - first, dead_ms, &err)) < 0)
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

/* Take every delivery waiting for an executor out of c's lists and give it back to the
 * broker, as an executor does during a drain (executor.c process()); the count. */
static size_t give_back(struct consumer *c)
{
	struct delivery *back;
	size_t n = 0;

	pthread_mutex_lock(&c->mu);
	if (c->express_len + c->ring_len == 0) {
		pthread_mutex_unlock(&c->mu);
		return 0;
	}
	back = malloc((c->express_len + c->ring_len) * sizeof(*back));
	if (back != NULL) {
		for (size_t i = 0; i < c->express_len; i++)
			back[n++] = c->express[i];
		for (size_t i = 0; i < c->ring_len; i++)
			back[n++] = c->ring[(c->ring_head + i) % c->ring_cap];
		c->express_len = 0;
		c->ring_len = 0;
	}
	pthread_mutex_unlock(&c->mu);
	if (back == NULL) /* the executors give them back as they free up */
		return 0;
	for (size_t i = 0; i < n; i++)
		consumer_settle(c, back[i].tag, back[i].gen, SETTLE_REQUEUE);
	free(back);
	return n;
}

void relay_lost_drain(struct relay_lost *l, struct consumer *c, relay_store_fn store, void *arg,
		      bool last)
{
	size_t n = give_back(c);
	int64_t now = jobq_monotonic_ms();
	struct jobq_store *st;
	char count[24];

	if (n > 0) {
		jobq_info("drain_deliveries_given_back", "worker", c->worker_id, "count",
			  jobq_log_int(count, (long long)n));
		l->given_back = true;
	}
	if (!last && !l->given_back && !atomic_load(&c->express_requeued) &&
	    now - l->check_ms < LOST_CHECK_MS / 2)
		return;
	l->check_ms = now;
	if ((st = store(arg)) != NULL && record(l, c, st, l->given_back) == 0)
		l->given_back = false;
}
