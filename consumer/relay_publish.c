/* The relay's publishing (relay_internal.h): its broker connection, and the rows a take,
 * a release or a hand-off gave it, published queue by queue with confirms (another node
 * takes what one could not), the confirmed ones marked, the rest of a refused queue
 * deferred. */
#include <stdlib.h>
#include <string.h>

#include "relay_internal.h"
#include "jobq/log.h"
#include "jobq/store_relay.h"
#include "jobq/store_submit.h"

/* The relay's broker options; `name` holds the connection name they point to. */
void relay_opts(struct relay *r, struct jobq_broker_opts *opts, char *name, size_t len)
{
	struct consumer *c = r->c;

	snprintf(name, len, "jobq-relay worker=%s host=%s pid=%d", c->worker_id, c->hostname,
		 c->pid);
	jobq_broker_opts_from_config(opts, c->cfg, name);
}

/* Log the node the relay's connection is on whenever it changed. */
void note_node(struct relay *r)
{
	if (r->b == NULL || strcmp(r->node, jobq_broker_node(r->b)) == 0)
		return;
	snprintf(r->node, sizeof(r->node), "%s", jobq_broker_node(r->b));
	jobq_info("relay_broker_connected", "worker", r->c->worker_id, "node", r->node, "skipped",
		  jobq_broker_skipped(r->b));
}

bool ensure_broker(struct relay *r, struct jobq_err *err)
{
	char name[300];
	struct jobq_broker_opts opts;

	relay_opts(r, &opts, name, sizeof(name));
	if (jobq_broker_ensure(&r->b, &opts, err) != 0)
		return false;
	note_node(r);
	return true;
}

/* Publish one queue's share of the rows taken; returns how many were confirmed. Rows that
 * did not make it are deferred. */
static int publish_group(struct relay *r, struct jobq_envelope *envs, const int64_t *tokens,
			 size_t n)
{
	struct consumer *c = r->c;
	bool ok[RELAY_BATCH];
	const char *ids[RELAY_BATCH], *failed[RELAY_BATCH];
	int64_t toks[RELAY_BATCH];
	struct jobq_err err = { 0 };
	size_t nok = 0, nfail = 0;

	memset(ok, 0, sizeof(ok));
	{
		char name[300];
		struct jobq_broker_opts opts;

		/* Another node takes what one could not; on failure ok[] still says which
		 * messages some node confirmed. */
		relay_opts(r, &opts, name, sizeof(name));
		if (jobq_broker_publish_jobs_failover(&r->b, &opts, envs, n, ok, 10000, &err) < 0 &&
		    r->b != NULL)
			jobq_broker_set_broken(r->b);
		note_node(r);
	}
	for (size_t i = 0; i < n; i++) {
		if (ok[i]) {
			toks[nok] = tokens[i];
			ids[nok++] = envs[i].job_id;
		} else
			failed[nfail++] = envs[i].job_id;
	}
	if (nok > 0 && jobq_store_mark_published(r->st, ids, toks, nok, &err) != 0) {
		jobq_warn("relay_mark_failed", "worker", c->worker_id, "error", err.msg);
		r->mark_failed = true;
	}
	if (nfail > 0) {
		char a[24];
		struct jobq_err derr = { 0 };

		jobq_warn("relay_publish_failed", "worker", c->worker_id, "queue", envs[0].queue,
			  "jobs", jobq_log_int(a, (long long)nfail), "error", err.msg);
		if (jobq_store_relay_defer(r->st, failed, nfail, DEFER_MS, &derr) != 0)
			jobq_warn("relay_defer_failed", "worker", c->worker_id, "error", derr.msg);
	}
	return (int)nok;
}

/* A row the relay took, with the lease token its publish is marked for. */
struct taken {
	struct jobq_envelope env;
	int64_t token;
};

/* A row the relay took, with the lease token its publish is marked for, and its place in
 * the take (the release's rows come in the order they are to run). */
struct taken_at {
	struct taken t;
	int at;
};

static int by_queue(const void *a, const void *b)
{
	const struct taken_at *x = a, *y = b;
	int c = strcmp(x->t.env.queue, y->t.env.queue);

	return c != 0 ? c : (x->at > y->at) - (x->at < y->at);
}

/* Publish the n rows taken, queue by queue (so that one queue the broker refuses cannot
 * hold up the others), each queue's in the order taken. Returns how many were
 * confirmed. */
int publish_taken(struct relay *r, struct jobq_envelope *envs, int64_t *tokens, int n)
{
	struct taken_at taken[RELAY_BATCH];
	int published = 0;

	for (int i = 0; i < n; i++)
		taken[i] = (struct taken_at){ { envs[i], tokens[i] }, i };
	qsort(taken, (size_t)n, sizeof(taken[0]), by_queue);
	for (int i = 0; i < n; i++) {
		envs[i] = taken[i].t.env;
		tokens[i] = taken[i].t.token;
	}
	for (int i = 0; i < n;) {
		int j = i + 1;

		while (j < n && strcmp(envs[j].queue, envs[i].queue) == 0)
			j++;
		published += publish_group(r, envs + i, tokens + i, (size_t)(j - i));
		i = j;
	}
	return published;
}
