/* Which of the worker's handlers are broken (their processes die at start or on every
 * job): a small table the pools write and the keeper and the metrics read. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "consumer.h"
#include "jobq/envelope.h"
#include "jobq/log.h"

struct handler_health {
	char type[JOBQ_TYPE_NAME_MAX + 1];
	bool broken;
	char why[256];
	int64_t since_ms; /* Unix ms of the change to broken */
};

static int64_t unix_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The entry for type, added when missing (NULL when out of memory). Caller holds
 * health_mu. */
static struct handler_health *entry(struct consumer *c, const char *type)
{
	struct handler_health *h;

	for (int i = 0; i < c->nhealth; i++)
		if (strcmp(c->health[i].type, type) == 0)
			return &c->health[i];
	h = realloc(c->health, ((size_t)c->nhealth + 1) * sizeof(*h));
	if (h == NULL)
		return NULL;
	c->health = h;
	h = &c->health[c->nhealth++];
	memset(h, 0, sizeof(*h));
	snprintf(h->type, sizeof(h->type), "%s", type);
	return h;
}

void consumer_handler_health(struct consumer *c, const char *type, bool broken, const char *why)
{
	struct handler_health *h;
	bool changed = false;

	pthread_mutex_lock(&c->health_mu);
	if ((h = entry(c, type)) != NULL && h->broken != broken) {
		h->broken = broken;
		snprintf(h->why, sizeof(h->why), "%s", broken && why != NULL ? why : "");
		h->since_ms = unix_ms();
		atomic_fetch_add(&c->health_gen, 1);
		changed = true;
	}
	pthread_mutex_unlock(&c->health_mu);
	if (!changed)
		return;
	if (broken)
		jobq_error("handler_broken", "worker", c->worker_id, "type", type, "error", why,
			   "action", "its jobs are released to the queue, not failed");
	else
		jobq_info("handler_recovered", "worker", c->worker_id, "type", type);
}

char *consumer_broken_json(struct consumer *c, unsigned int *gen)
{
	json_t *list = json_array();
	char *text = NULL;
	bool ok = list != NULL;

	pthread_mutex_lock(&c->health_mu);
	*gen = atomic_load(&c->health_gen);
	for (int i = 0; ok && i < c->nhealth; i++) {
		const struct handler_health *h = &c->health[i];

		if (h->broken)
			ok = json_array_append_new(list, json_pack("{s:s, s:s, s:I}", "type",
								   h->type, "why", h->why, "since",
								   (json_int_t)h->since_ms)) == 0;
	}
	pthread_mutex_unlock(&c->health_mu);
	if (ok)
		text = json_dumps(list, JSON_COMPACT);
	json_decref(list);
	return text;
}

int consumer_broken_count(struct consumer *c, const char *type)
{
	int n = 0;

	pthread_mutex_lock(&c->health_mu);
	for (int i = 0; i < c->nhealth; i++)
		if (c->health[i].broken && (type == NULL || strcmp(c->health[i].type, type) == 0))
			n++;
	pthread_mutex_unlock(&c->health_mu);
	return n;
}
