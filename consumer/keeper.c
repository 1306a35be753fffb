/* The keeper thread: owns the worker's registry row and liveness lock (one PostgreSQL
 * session for the worker's lifetime), the batched heartbeat of all running jobs, the
 * relay (publishing due, unpublished jobs) and the reaper (recovering expired leases). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "consumer.h"
#include "jobq/broker.h"
#include "jobq/log.h"
#include "jobq/store_jobs.h"

#define RELAY_BATCH 500
#define REAP_BATCH 500

struct keeper {
	struct consumer *c;
	struct jobq_store *st;
	struct jobq_broker *b;	/* for the relay's publishes; opened on demand */
	bool registered;
	unsigned int seed;
};

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Connect and register (take the liveness lock). A lost session lost the lock too, so
 * every reconnect registers again. */
static int open_session(struct keeper *k, struct jobq_err *err)
{
	struct consumer *c = k->c;
	struct jobq_worker_info w = { c->worker_id, c->hostname, c->pid, c->cfg->queues,
				      c->cfg->nqueues, c->cfg->concurrency };
	int r;

	k->registered = false;
	if (k->st == NULL)
		r = jobq_store_connect(c->cfg->database_url, "jobq-consumer keeper", &k->st, err);
	else
		r = jobq_store_reconnect(k->st, err);
	if (r != 0)
		return r;
	/* A heartbeat lost in a crash is harmless: this session's commits need not wait for
	 * the disk. Claims and finishes run on the executors' synchronous sessions. */
	if ((r = jobq_store_command(k->st, "SET synchronous_commit = off", err)) != 0 ||
	    (r = jobq_store_worker_register(k->st, &w, err)) != 0)
		return r;
	k->registered = true;
	jobq_info("worker_registered", "worker", c->worker_id, "host", c->hostname);
	return 0;
}

static bool ensure_session(struct keeper *k)
{
	struct jobq_err err = { 0 };

	if (k->st != NULL && jobq_store_ok(k->st) && k->registered)
		return true;
	if (open_session(k, &err) == 0)
		return true;
	jobq_warn("keeper_db_unavailable", "worker", k->c->worker_id, "error", err.msg);
	return false;
}

int keeper_open(struct consumer *c, struct keeper **out, struct jobq_err *err)
{
	struct keeper *k = calloc(1, sizeof(*k));
	int r;

	*out = NULL;
	if (k == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	k->c = c;
	k->seed = (unsigned int)time(NULL) ^ (unsigned int)c->pid;
	if ((r = open_session(k, err)) != 0) {
		jobq_store_free(k->st);
		free(k);
		return r;
	}
	*out = k;
	return 0;
}

static void heartbeat(struct keeper *k)
{
	struct consumer *c = k->c;
	struct jobq_lease *leases = calloc((size_t)c->nexec + 1, sizeof(*leases));
	struct jobq_err err = { 0 };
	size_t n = 0;

	if (leases == NULL)
		return;
	pthread_mutex_lock(&c->exec_mu);
	for (int i = 0; i < c->nexec; i++) {
		if (!c->execs[i].active)
			continue;
		memcpy(leases[n].id, c->execs[i].job_id, sizeof(leases[n].id));
		leases[n].attempt = c->execs[i].attempt;
		n++;
	}
	pthread_mutex_unlock(&c->exec_mu);
	if (jobq_store_heartbeat(k->st, c->worker_id, c->cfg->lease_duration_ms, leases, n, &err) != 0) {
		jobq_warn("heartbeat_failed", "worker", c->worker_id, "error", err.msg);
		free(leases);
		return;
	}
	pthread_mutex_lock(&c->exec_mu);
	for (size_t j = 0; j < n; j++) {
		for (int i = 0; i < c->nexec; i++) {
			struct execution *e = &c->execs[i];

			if (!e->active || strcmp(e->job_id, leases[j].id) != 0 ||
			    e->attempt != leases[j].attempt)
				continue;
			if (leases[j].lost && !atomic_load(&e->lost)) {
				atomic_store(&e->lost, true);
				pthread_cond_broadcast(&e->wake);
				jobq_warn("lease_lost", "worker", c->worker_id, "job", e->job_id,
					  "detected_by", "heartbeat");
			}
			if (leases[j].cancel_requested && !atomic_load(&e->cancel)) {
				atomic_store(&e->cancel, true);
				pthread_cond_broadcast(&e->wake);
				jobq_info("cancel_received", "worker", c->worker_id, "job", e->job_id,
					  "path", "heartbeat");
			}
		}
	}
	pthread_mutex_unlock(&c->exec_mu);
	free(leases);
}

static void relay(struct keeper *k)
{
	struct consumer *c = k->c;
	struct jobq_envelope envs[RELAY_BATCH];
	bool ok[RELAY_BATCH];
	const char *ids[RELAY_BATCH];
	struct jobq_err err = { 0 };
	int n, sent, nok = 0;

	n = jobq_store_relay_take(k->st, c->cfg->relay_grace_ms, envs, RELAY_BATCH, &err);
	if (n < 0) {
		jobq_warn("relay_failed", "worker", c->worker_id, "error", err.msg);
		return;
	}
	if (n == 0)
		return;
	if (k->b == NULL || !jobq_broker_ok(k->b)) {
		char name[300];
		struct jobq_broker_opts opts = {
			.url = c->cfg->amqp_url,
			.heartbeat_s = (int)(c->cfg->amqp_heartbeat_ms / 1000 > 0
						     ? c->cfg->amqp_heartbeat_ms / 1000
						     : 1),
			.connection_name = name,
			.connect_timeout_ms = 5000,
			.rpc_timeout_ms = 10000,
		};

		snprintf(name, sizeof(name), "jobq-relay worker=%s host=%s pid=%d", c->worker_id,
			 c->hostname, c->pid);
		jobq_broker_free(k->b);
		k->b = NULL;
		if (jobq_broker_connect(&opts, &k->b, &err) != 0) {
			/* The rows stay unpublished; the next round (after the grace) retries. */
			jobq_warn("relay_broker_unavailable", "worker", c->worker_id, "error", err.msg);
			return;
		}
	}
	sent = jobq_broker_publish_jobs(k->b, envs, (size_t)n, ok, 10000, &err);
	for (int i = 0; i < n; i++)
		if (ok[i])
			ids[nok++] = envs[i].job_id;
	if (nok > 0 && jobq_store_mark_published(k->st, ids, (size_t)nok, &err) != 0)
		jobq_warn("relay_mark_failed", "worker", c->worker_id, "error", err.msg);
	{
		char a[24], b[24];
		if (sent < 0 || nok < n)
			jobq_warn("relay_partial", "worker", c->worker_id, "taken", jobq_log_int(a, n),
				  "published", jobq_log_int(b, nok), "error", sent < 0 ? err.msg : NULL);
		else
			jobq_info("relay_published", "worker", c->worker_id, "count",
				  jobq_log_int(a, nok));
	}
}

static void reap(struct keeper *k)
{
	struct jobq_err err = { 0 };
	int n = jobq_store_reap(k->st, REAP_BATCH, &err);
	char count[24];

	if (n < 0)
		jobq_warn("reaper_failed", "worker", k->c->worker_id, "error", err.msg);
	else if (n > 0)
		jobq_warn("leases_reaped", "worker", k->c->worker_id, "count", jobq_log_int(count, n));
}

void *keeper_thread(void *arg)
{
	struct keeper *kp = arg, k = *kp;
	struct consumer *c = k.c;
	struct jobq_err err = { 0 };
	int64_t next_hb = 0, next_relay = 0;
	bool draining_marked = false;

	free(kp);
	while (!atomic_load(&c->io_done)) {
		int64_t now = mono_ms();

		if (ensure_session(&k)) {
			if (atomic_load(&c->draining) && !draining_marked) {
				if (jobq_store_worker_state(k.st, c->worker_id, "draining", &err) == 0)
					draining_marked = true;
			}
			if (now >= next_hb) {
				heartbeat(&k);
				next_hb = now + c->cfg->heartbeat_interval_ms;
			}
			if (now >= next_relay && !atomic_load(&c->draining)) {
				reap(&k);
				relay(&k);
				next_relay = now + c->cfg->relay_interval_ms;
			}
		}
		usleep(50000);
	}
	if (ensure_session(&k) && jobq_store_worker_state(k.st, c->worker_id, "stopped", &err) != 0)
		jobq_warn("worker_state_failed", "worker", c->worker_id, "error", err.msg);
	jobq_broker_free(k.b);
	jobq_store_free(k.st);	/* closing the session releases the liveness lock */
	return NULL;
}
