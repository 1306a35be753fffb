/* The consumer's thread hand-offs: the dispatch ring, the settlement list and the
 * execution table's bulk operations. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "consumer.h"
#include "jobq/clock.h"
#include "jobq/log.h"

bool consumer_hard_stop(struct consumer *c)
{
	int64_t at = atomic_load(&c->release_at);

	return atomic_load(&c->signals) >= 2 || (at != 0 && jobq_monotonic_ms() >= at);
}

void consumer_wake(struct consumer *c)
{
	uint64_t one = 1;
	ssize_t n = write(c->settle_fd, &one, sizeof(one));

	(void)n; /* a full counter already means "wake up" */
}

void consumer_poke_relay(struct consumer *c)
{
	uint64_t one = 1;
	ssize_t n;

	atomic_store(&c->release_poke, true);
	n = write(c->relay_fd, &one, sizeof(one));
	(void)n; /* a full counter already means "release now" */
}

void consumer_hand_released(struct consumer *c, int64_t at)
{
	uint64_t one = 1;
	bool known = false, first;
	ssize_t n;

	pthread_mutex_lock(&c->handed_mu);
	first = c->nhanded == 0;
	for (size_t i = 0; i < c->nhanded && !known; i++)
		known = c->handed[i] == at;
	if (!known && c->nhanded < CONSUMER_HANDED_MAX)
		c->handed[c->nhanded++] = at;
	else if (!known)
		atomic_fetch_add(&c->handed_dropped, 1);
	pthread_mutex_unlock(&c->handed_mu);
	/* the relay looks at the list before each wait: only the first one need wake it */
	if (first) {
		n = write(c->relay_fd, &one, sizeof(one));
		(void)n; /* a full counter already wakes the relay */
	}
}

void consumer_hand_back(struct consumer *c, const int64_t *ats, size_t n)
{
	int64_t merged[CONSUMER_HANDED_MAX];
	size_t m = 0;

	pthread_mutex_lock(&c->handed_mu);
	for (size_t i = 0; i < n && m < CONSUMER_HANDED_MAX; i++)
		merged[m++] = ats[i];
	for (size_t i = 0; i < c->nhanded; i++) {
		bool known = false;

		for (size_t k = 0; k < n && !known; k++)
			known = ats[k] == c->handed[i];
		if (known)
			continue;
		if (m < CONSUMER_HANDED_MAX)
			merged[m++] = c->handed[i];
		else
			atomic_fetch_add(&c->handed_dropped, 1);
	}
	memcpy(c->handed, merged, m * sizeof(merged[0]));
	c->nhanded = m;
	pthread_mutex_unlock(&c->handed_mu);
}

/* Insert an express delivery behind those of its priority or higher. Caller holds c->mu.
 * The list holds at most the express queues' prefetch, so a shift is cheap. */
static bool push_express_locked(struct consumer *c, const struct delivery *d)
{
	size_t at = c->express_len;

	if (c->express_len == c->express_cap) {
		size_t cap = c->express_cap ? c->express_cap * 2 : 16;
		struct delivery *ne = realloc(c->express, cap * sizeof(*ne));

		if (ne == NULL)
			return false;
		c->express = ne;
		c->express_cap = cap;
	}
	while (at > 0 && c->express[at - 1].priority < d->priority)
		at--;
	memmove(&c->express[at + 1], &c->express[at], (c->express_len - at) * sizeof(*d));
	c->express[at] = *d;
	c->express_len++;
	return true;
}

bool consumer_push(struct consumer *c, const struct delivery *d)
{
	bool ok = false;

	pthread_mutex_lock(&c->mu);
	if (!c->closing && d->priority > 0) {
		if ((ok = push_express_locked(c, d)))
			pthread_cond_signal(&c->cv);
	} else if (!c->closing) {
		if (c->ring_len == c->ring_cap) {
			size_t cap = c->ring_cap ? c->ring_cap * 2 : 64;
			struct delivery *nr = malloc(cap * sizeof(*nr));

			if (nr == NULL)
				goto out;
			for (size_t i = 0; i < c->ring_len; i++)
				nr[i] = c->ring[(c->ring_head + i) % c->ring_cap];
			free(c->ring);
			c->ring = nr;
			c->ring_cap = cap;
			c->ring_head = 0;
		}
		c->ring[(c->ring_head + c->ring_len) % c->ring_cap] = *d;
		c->ring_len++;
		pthread_cond_signal(&c->cv);
		ok = true;
	}
out:
	pthread_mutex_unlock(&c->mu);
	return ok;
}

/* Deliveries waiting for an executor. Caller holds c->mu. */
static size_t waiting_locked(const struct consumer *c)
{
	return c->ring_len + c->express_len;
}

/* Take the first express delivery, else the ring's oldest, into *out, counted busy.
 * Caller holds c->mu and has seen waiting_locked > 0. */
static void take_locked(struct consumer *c, struct delivery *out)
{
	if (c->express_len > 0) {
		*out = c->express[0];
		memmove(&c->express[0], &c->express[1], (c->express_len - 1) * sizeof(*out));
		c->express_len--;
	} else {
		*out = c->ring[c->ring_head];
		c->ring_head = (c->ring_head + 1) % c->ring_cap;
		c->ring_len--;
	}
	c->busy++;
}

bool consumer_pop(struct consumer *c, struct delivery *out)
{
	bool ok;

	pthread_mutex_lock(&c->mu);
	while (waiting_locked(c) == 0 && !c->closing)
		pthread_cond_wait(&c->cv, &c->mu);
	if ((ok = waiting_locked(c) > 0))
		take_locked(c, out);
	pthread_mutex_unlock(&c->mu);
	return ok;
}

bool consumer_try_pop(struct consumer *c, struct delivery *out)
{
	bool ok;

	pthread_mutex_lock(&c->mu);
	if ((ok = waiting_locked(c) > 0 && !c->closing))
		take_locked(c, out);
	pthread_mutex_unlock(&c->mu);
	return ok;
}

size_t consumer_drop_stale(struct consumer *c, uint64_t gen)
{
	size_t kept = 0, dropped;

	pthread_mutex_lock(&c->mu);
	for (size_t i = 0; i < c->ring_len; i++) {
		struct delivery d = c->ring[(c->ring_head + i) % c->ring_cap];
		if (d.gen >= gen)
			c->ring[(c->ring_head + kept++) % c->ring_cap] = d;
	}
	dropped = c->ring_len - kept;
	c->ring_len = kept;
	kept = 0;
	for (size_t i = 0; i < c->express_len; i++)
		if (c->express[i].gen >= gen)
			c->express[kept++] = c->express[i];
	dropped += c->express_len - kept;
	c->express_len = kept;
	pthread_mutex_unlock(&c->mu);
	return dropped;
}

void consumer_settle(struct consumer *c, uint64_t tag, uint64_t gen, enum settle_kind kind)
{
	bool first;

	pthread_mutex_lock(&c->settle_mu);
	if (c->settle_len == c->settle_cap) {
		size_t cap = c->settle_cap ? c->settle_cap * 2 : 64;
		struct settlement *ns = realloc(c->settle, cap * sizeof(*ns));

		if (ns == NULL) {
			/* Unsettled deliveries are redelivered after a reconnect: safe. */
			pthread_mutex_unlock(&c->settle_mu);
			return;
		}
		c->settle = ns;
		c->settle_cap = cap;
	}
	c->settle[c->settle_len++] = (struct settlement){ tag, gen, kind };
	first = c->settle_len == 1;
	pthread_mutex_unlock(&c->settle_mu);
	/* One wake per batch of settlements: the I/O thread reads the eventfd before it takes
	 * the list, so a settlement added to a list that was not empty is taken with the ones
	 * whose wake it answers. */
	if (first)
		consumer_wake(c);
}

size_t consumer_take_settlements(struct consumer *c, struct settlement **out)
{
	size_t n;

	pthread_mutex_lock(&c->settle_mu);
	n = c->settle_len;
	*out = NULL;
	if (n > 0 && (*out = malloc(n * sizeof(**out))) != NULL) {
		memcpy(*out, c->settle, n * sizeof(**out));
		c->settle_len = 0;
	} else if (n > 0) {
		n = 0; /* try again on the next pass: at least every poll interval (io.c) */
	}
	pthread_mutex_unlock(&c->settle_mu);
	return n;
}

void execution_stop(struct execution *e, enum stop_reason why)
{
	uint64_t one = 1;
	ssize_t n;

	switch (why) {
	case STOP_CANCEL:
		atomic_store(&e->cancel, true);
		break;
	case STOP_LOST:
		atomic_store(&e->lost, true);
		break;
	case STOP_RELEASE:
		atomic_store(&e->release, true);
		break;
	case STOP_TIMEOUT:
		atomic_store(&e->timed_out, true);
		break;
	}
	pthread_cond_broadcast(&e->wake);
	n = write(e->wake_fd, &one, sizeof(one));
	(void)n; /* a full counter already wakes the poller */
}

/* The metrics' index of a cancel's path. */
static enum metric_cancel cancel_path(const char *path)
{
	if (strcmp(path, "heartbeat") == 0)
		return CANCEL_HEARTBEAT;
	return strcmp(path, "notify") == 0 ? CANCEL_NOTIFY : CANCEL_BROADCAST;
}

bool consumer_cancel_job(struct consumer *c, const char *job_id, const char *path)
{
	bool found = false;

	pthread_mutex_lock(&c->exec_mu);
	for (int i = 0; i < c->nexec; i++) {
		struct execution *e = &c->execs[i];

		if (e->active && strcmp(e->job_id, job_id) == 0) {
			found = true;
			if (!atomic_load(&e->cancel)) {
				execution_stop(e, STOP_CANCEL);
				atomic_fetch_add(&c->metrics.cancels[cancel_path(path)], 1);
				jobq_info("cancel_received", "worker", c->worker_id, "job", job_id,
					  "path", path);
			}
		}
	}
	pthread_mutex_unlock(&c->exec_mu);
	return found;
}

bool consumer_runs_job(struct consumer *c, const char *job_id)
{
	bool found = false;

	pthread_mutex_lock(&c->exec_mu);
	for (int i = 0; i < c->nexec && !found; i++)
		found = c->execs[i].active && strcmp(c->execs[i].job_id, job_id) == 0;
	pthread_mutex_unlock(&c->exec_mu);
	return found;
}

void consumer_release_all(struct consumer *c)
{
	pthread_mutex_lock(&c->exec_mu);
	for (int i = 0; i < c->nexec; i++)
		if (c->execs[i].active)
			execution_stop(&c->execs[i], STOP_RELEASE);
	pthread_mutex_unlock(&c->exec_mu);
}

int consumer_running(struct consumer *c)
{
	int n = 0;

	pthread_mutex_lock(&c->mu);
	n = c->busy + (int)waiting_locked(c);
	pthread_mutex_unlock(&c->mu);
	return n;
}

void consumer_finished_one(struct consumer *c)
{
	pthread_mutex_lock(&c->mu);
	c->busy--;
	pthread_mutex_unlock(&c->mu);
	/* Only a drain waits for the count to fall (shutdown_step, io.c). The count falls
	 * before draining is read, and the I/O thread sets draining before it reads the
	 * count, so a drain that starts meanwhile still sees this one. */
	if (atomic_load(&c->draining))
		consumer_wake(c);
}
