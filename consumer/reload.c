/* Reloading the configuration on SIGHUP without disturbing running jobs. */
#include <stdlib.h>
#include <string.h>

#include "consumer.h"
#include "jobq/log.h"
#include "pool.h"
#include "shim_spawn.h"

/* Keep a restart-only setting at its running value; warn when the file changed it. */
static void keep_str(struct consumer *c, const char *key, char **fresh, char *const *running,
		     bool pinned)
{
	struct jobq_err err = { 0 };
	bool same = (*fresh == NULL && *running == NULL) ||
		    (*fresh != NULL && *running != NULL && strcmp(*fresh, *running) == 0);

	if (!same && !pinned)
		jobq_warn("config_reload_needs_restart", "worker", c->worker_id, "setting", key);
	if (jobq_config_set_str(fresh, *running, &err) != 0)
		jobq_warn("config_reload_failed", "worker", c->worker_id, "error", err.msg);
}

static void keep_queues(struct consumer *c, struct jobq_config *fresh,
			const struct jobq_config *running)
{
	bool same = fresh->nqueues == running->nqueues;

	for (int i = 0; same && i < fresh->nqueues; i++)
		same = strcmp(fresh->queues[i], running->queues[i]) == 0;
	if (same)
		return;
	if (!c->flag_queues)
		jobq_warn("config_reload_needs_restart", "worker", c->worker_id, "setting",
			  "consumer.queues");
	for (int i = 0; i < fresh->nqueues; i++)
		free(fresh->queues[i]);
	for (int i = 0; i < running->nqueues; i++)
		fresh->queues[i] = strdup(running->queues[i]);
	fresh->nqueues = running->nqueues;
}

void consumer_reload(struct consumer *c)
{
	struct jobq_config *running = c->cfg;
	struct cfg_old *slot = calloc(1, sizeof(*slot));
	struct jobq_err err = { 0 };
	char shim[sizeof(c->shim)];

	if (slot == NULL) {
		jobq_error("config_reload_failed", "worker", c->worker_id, "error",
			   "out of memory");
		return;
	}
	if (jobq_config_load(&slot->cfg, c->config_path, &err) != 0) {
		jobq_error("config_reload_failed", "worker", c->worker_id, "error", err.msg, "kept",
			   "running configuration");
		free(slot);
		return;
	}
	keep_str(c, "amqp.url", &slot->cfg.amqp_url, &running->amqp_url, false);
	keep_str(c, "database.url", &slot->cfg.database_url, &running->database_url, false);
	keep_str(c, "consumer.worker_id", &slot->cfg.worker_id, &running->worker_id,
		 c->flag_worker_id);
	keep_queues(c, &slot->cfg, running);
	if (slot->cfg.concurrency != running->concurrency && !c->flag_concurrency)
		jobq_warn("config_reload_needs_restart", "worker", c->worker_id, "setting",
			  "consumer.concurrency");
	slot->cfg.concurrency = running->concurrency;
	if (slot->cfg.prefetch != running->prefetch)
		jobq_warn("config_reload_needs_restart", "worker", c->worker_id, "setting",
			  "consumer.prefetch");
	slot->cfg.prefetch = running->prefetch;
	if (slot->cfg.amqp_queue_type != running->amqp_queue_type)
		jobq_warn("config_reload_needs_restart", "worker", c->worker_id, "setting",
			  "amqp.queue_type");
	slot->cfg.amqp_queue_type = running->amqp_queue_type;
	slot->cfg.amqp_heartbeat_ms = running->amqp_heartbeat_ms;
	if (jobq_config_validate(&slot->cfg, &err) != 0) {
		jobq_error("config_reload_failed", "worker", c->worker_id, "error", err.msg, "kept",
			   "running configuration");
		jobq_config_free(&slot->cfg);
		free(slot);
		return;
	}
	/* Handlers run through jobq-exec-shim: a reload that brings them to a worker that cannot
	 * find it would fail each of their jobs. */
	if (slot->cfg.nhandlers > 0 && shim_find(shim, sizeof(shim), &err) != 0) {
		jobq_error("config_reload_failed", "worker", c->worker_id, "error", err.msg, "kept",
			   "running configuration");
		jobq_config_free(&slot->cfg);
		free(slot);
		return;
	}
	/* No handler has read c->shim yet when it is empty: the running configuration has
	 * none. Publishing the configuration below publishes it. */
	if (slot->cfg.nhandlers > 0 && c->shim[0] == '\0')
		memcpy(c->shim, shim, sizeof(c->shim));
	/* Publish the new one. Every configuration stays allocated until exit (the list
	 * holds all that reloads made), so a thread may finish with the one it read. */
	slot->next = c->old_cfgs;
	c->old_cfgs = slot;
	/* The pools first: an executor that reads the new configuration finds a pool for
	 * each of its persistent handlers. */
	pools_reload(c, &slot->cfg);
	c->cfg = &slot->cfg;
	jobq_log_setup(slot->cfg.log_level, slot->cfg.log_format);
	if (slot->cfg.heartbeat_interval_ms != running->heartbeat_interval_ms ||
	    slot->cfg.lease_duration_ms != running->lease_duration_ms) {
		int64_t period = fence_period_ms(&slot->cfg);
		char p[24], f[24], b[24];

		/* Both apply together, from now on: the keeper heartbeats at the new period
		 * from its next turn and asks for the new lease; each job keeps the fence point
		 * of the write that last renewed its lease (so it matches the lease the
		 * database holds) until a heartbeat under the new settings moves it; every
		 * worker session takes its new bound before its next statement. */
		jobq_info("lease_settings_applied", "worker", c->worker_id, "heartbeat_period_ms",
			  jobq_log_int(p, period), "fence_after_ms",
			  jobq_log_int(f, slot->cfg.lease_duration_ms - period), "keeper_bound_ms",
			  jobq_log_int(b, fence_keeper_bound_ms(&slot->cfg)));
	}
	{
		char n[24];
		jobq_info("config_reloaded", "worker", c->worker_id, "source",
			  slot->cfg.source ? slot->cfg.source : "(defaults)", "handlers",
			  jobq_log_int(n, slot->cfg.nhandlers));
	}
}

void consumer_free_old_configs(struct consumer *c)
{
	while (c->old_cfgs != NULL) {
		struct cfg_old *next = c->old_cfgs->next;

		jobq_config_free(&c->old_cfgs->cfg);
		free(c->old_cfgs);
		c->old_cfgs = next;
	}
}
