/* The keeper thread: owns the worker's registry row and liveness lock (one PostgreSQL
 * session for the worker's lifetime) and the batched heartbeat of all running jobs. Each
 * heartbeat that lands moves its jobs' fence points (fence.c) later; the fence itself runs
 * elsewhere, so a heartbeat that hangs here cannot delay it. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "consumer.h"
#include "jobq/backoff.h"
#include "jobq/clock.h"
#include "jobq/log.h"
#include "jobq/store_jobs.h"

#define TICK_MS 50
/* A pending progress report brings the next heartbeat forward, to at most one per this. */
#define PROGRESS_MIN_MS 1000
/* Most progress text one heartbeat carries; further reports wait for the next one. */
#define KEEPER_PROGRESS_BYTES (1024 * 1024)
/* After a failed write of the broken handlers' list, the next try waits this long. */
#define HEALTH_RETRY_MS 60000
/* Pauses between reconnects of the keeper's session during an outage. */
#define RECONNECT_MIN_MS 200
#define RECONNECT_MAX_MS 5000

struct keeper {
	struct consumer *c;
	struct jobq_store *st;
	bool registered;
	int64_t last_ok;         /* monotonic ms when the last heartbeat that committed returned */
	int64_t retry_at;        /* next reconnect attempt (backoff during an outage) */
	int64_t last_sent;       /* monotonic ms when the last heartbeat was sent */
	unsigned int health_gen; /* the consumer's health_gen last written to the workers row */
	bool health_written;
	int64_t health_retry_at; /* after a failed write of the list, not before this */
	bool health_failing;     /* the last write of the list failed (logged once) */
	struct jobq_backoff backoff;
};

static int open_session(struct keeper *k, struct jobq_err *err)
{
	struct consumer *c = k->c;
	struct jobq_worker_info w = { c->worker_id,   c->hostname,     c->pid,
				      c->cfg->queues, c->cfg->nqueues, c->cfg->concurrency };
	int r;

	k->registered = false;
	k->health_written = false; /* a new registration: write the list again */
	if (k->st == NULL)
		r = jobq_store_connect_bounded(c->cfg->database_url, "jobq-consumer keeper",
					       JOBQ_STORE_WORKER | JOBQ_STORE_ASYNC_COMMIT,
					       fence_keeper_bound_ms(c->cfg), &k->st, err);
	else
		r = jobq_store_reconnect(k->st, err);
	if (r != 0)
		return r;
	if ((r = jobq_store_worker_register(k->st, &w, err)) != 0)
		return r;
	k->registered = true;
	jobq_info("worker_registered", "worker", c->worker_id, "host", c->hostname);
	return 0;
}

/* Reconnect (and so re-take the liveness lock) with backoff and jitter. */
static bool ensure_session(struct keeper *k)
{
	struct jobq_err err = { 0 };
	int64_t now = jobq_monotonic_ms();

	/* Checked every tick, not only when a heartbeat fails: the session holds the
	 * liveness lock, and while it is gone a probe would take this live worker's jobs. */
	if (k->st != NULL && k->registered && jobq_store_alive(k->st))
		return true;
	if (now < k->retry_at)
		return false;
	if (open_session(k, &err) == 0) {
		jobq_backoff_reset(&k->backoff);
		atomic_fetch_add(&k->c->metrics.reconnects[RECONNECT_DATABASE], 1);
		return true;
	}
	k->retry_at = now + jobq_backoff_next(&k->backoff);
	jobq_warn("keeper_db_unavailable", "worker", k->c->worker_id, "error", err.msg);
	return false;
}

int keeper_open(struct consumer *c, struct keeper **out, struct jobq_err *err)
{
	struct keeper *k = calloc(1, sizeof(*k));
	int r, n;

	*out = NULL;
	if (k == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	k->c = c;
	jobq_backoff_init(&k->backoff, RECONNECT_MIN_MS, RECONNECT_MAX_MS,
			  (unsigned int)time(NULL) ^ (unsigned int)c->pid);
	if ((r = open_session(k, err)) != 0)
		goto fail;
	/* The workers row names our session now (registration refused it while the session
	 * it named still held its random lock key), so nobody else would ever see a previous
	 * process with this id as dead: give its jobs back before running anything. */
	if ((n = jobq_store_requeue_own(k->st, c->worker_id, err)) < 0) {
		r = n;
		goto fail;
	}
	if (n > 0) {
		char count[24];
		jobq_warn("previous_run_requeued", "worker", c->worker_id, "jobs",
			  jobq_log_int(count, n));
	}
	k->last_ok = jobq_monotonic_ms();
	*out = k;
	return 0;
fail:
	jobq_store_free(k->st);
	free(k);
	return r;
}

/* Free the copies of the reports in leases[0..n), whose report counts are seqs[] (0: none
 * rode along). written: the heartbeat wrote them (or gave up on them), and each execution
 * still running that attempt records the count as written, so only a newer report is sent
 * again. */
static void progress_done(struct consumer *c, struct jobq_lease *leases, const uint64_t *seqs,
			  size_t n, bool written)
{
	pthread_mutex_lock(&c->exec_mu);
	for (size_t j = 0; j < n; j++) {
		if (seqs[j] == 0) /* no report rode along */
			continue;
		/* A busy row was not written: its report goes again with the next heartbeat. */
		if (written && leases[j].busy)
			atomic_store(&c->progress_pending, true);
		for (int i = 0; written && !leases[j].busy && i < c->nexec; i++) {
			struct execution *e = &c->execs[i];

			if (e->active && strcmp(e->job_id, leases[j].id) == 0 &&
			    e->token == leases[j].token && e->progress_sent < seqs[j])
				e->progress_sent = seqs[j];
		}
		free((char *)leases[j].progress);
		leases[j].progress = NULL;
	}
	pthread_mutex_unlock(&c->exec_mu);
}

static void heartbeat(struct keeper *k)
{
	struct consumer *c = k->c;
	const struct jobq_config *cfg = c->cfg; /* the lease this heartbeat asks for */
	int64_t sent;
	struct jobq_lease *leases = calloc((size_t)c->nexec + 1, sizeof(*leases));
	uint64_t *seqs = calloc((size_t)c->nexec + 1, sizeof(*seqs));
	struct jobq_err err = { 0 };
	size_t n = 0, nprog = 0, bytes = 0;
	bool more = false;
	int r;

	if (leases == NULL || seqs == NULL) {
		free(leases);
		free(seqs);
		return;
	}
	atomic_store(&c->progress_pending, false);
	pthread_mutex_lock(&c->exec_mu);
	for (int i = 0; i < c->nexec; i++) {
		/* attempt 0: reserved for a claim still in flight; nothing to extend yet. A lost
		 * execution is being abandoned: renewing its lease would only keep the job from
		 * the reaper for one more lease. */
		if (!c->execs[i].active || c->execs[i].attempt == 0 ||
		    atomic_load(&c->execs[i].lost))
			continue;
		memcpy(leases[n].id, c->execs[i].job_id, sizeof(leases[n].id));
		leases[n].token = c->execs[i].token;
		/* A report not written yet rides along, as a copy: the execution keeps its latest
		 * for the outcome. The reports of one heartbeat are bounded; the rest wait for
		 * the next one, brought forward. */
		if (c->execs[i].progress != NULL &&
		    c->execs[i].progress_seq != c->execs[i].progress_sent) {
			size_t len = strlen(c->execs[i].progress);

			if (bytes + len > KEEPER_PROGRESS_BYTES && nprog > 0) {
				more = true;
			} else if ((leases[n].progress = strdup(c->execs[i].progress)) != NULL) {
				seqs[n] = c->execs[i].progress_seq;
				bytes += len;
				nprog++;
			} else {
				more = true;
			}
		}
		n++;
	}
	pthread_mutex_unlock(&c->exec_mu);
	if (more)
		atomic_store(&c->progress_pending, true);
	/* Taken before the statement goes out: the database's lease runs from its now(),
	 * which is later, so a fence point counted from here is never late. */
	sent = jobq_monotonic_ms();
	k->last_sent = sent;
	r = jobq_store_heartbeat(k->st, c->worker_id, cfg->lease_duration_ms, leases, n, &err);
	if (r != 0 && nprog > 0) {
		/* The leases matter more than the reports: the same heartbeat goes again at once
		 * without them. If that one lands, the reports were the trouble (a value the
		 * database refused, a statement too large or too slow) and are dropped rather
		 * than sent again; the outcome still writes each attempt's last one. */
		struct jobq_err first = err;

		progress_done(c, leases, seqs, n, false);
		sent = jobq_monotonic_ms();
		r = jobq_store_heartbeat(k->st, c->worker_id, cfg->lease_duration_ms, leases, n,
					 &err);
		if (r == 0) {
			jobq_warn("progress_dropped", "worker", c->worker_id, "error", first.msg);
			progress_done(c, leases, seqs, n, true);
		}
	}
	if (r != 0) {
		jobq_warn("heartbeat_failed", "worker", c->worker_id, "error", err.msg);
		progress_done(c, leases, seqs, n, false);
		if (nprog > 0)
			atomic_store(&c->progress_pending, true);
		free(leases);
		free(seqs);
		return;
	}
	progress_done(c, leases, seqs, n, true);
	k->last_ok = jobq_monotonic_ms();
	atomic_store(&c->metrics.last_heartbeat_ms, k->last_ok);
	pthread_mutex_lock(&c->exec_mu);
	for (size_t j = 0; j < n; j++) {
		for (int i = 0; i < c->nexec; i++) {
			struct execution *e = &c->execs[i];

			if (!e->active || strcmp(e->job_id, leases[j].id) != 0 ||
			    e->token != leases[j].token)
				continue;
			/* A busy row (another transaction holds its lock) is still ours but was
			 * not renewed: its fence point stays, so a lock held past the lease
			 * stops that job alone, not every job of this worker. */
			if (!leases[j].lost && !leases[j].busy)
				fence_renewed(e, sent, cfg);
			if (leases[j].lost && !atomic_load(&e->lost)) {
				execution_stop(e, STOP_LOST);
				jobq_warn("lease_lost", "worker", c->worker_id, "job", e->job_id,
					  "detected_by", "heartbeat");
			}
			if (leases[j].cancel_requested && !atomic_load(&e->cancel)) {
				execution_stop(e, STOP_CANCEL);
				atomic_fetch_add(&c->metrics.cancels[CANCEL_HEARTBEAT], 1);
				jobq_info("cancel_received", "worker", c->worker_id, "job",
					  e->job_id, "path", "heartbeat");
			}
		}
	}
	pthread_mutex_unlock(&c->exec_mu);
	free(leases);
	free(seqs);
}

/* Write the list of broken handlers to the workers row when it changed (or was never
 * written since the session opened). */
static void write_health(struct keeper *k)
{
	struct consumer *c = k->c;
	struct jobq_err err = { 0 };
	unsigned int gen;
	char *list;

	if ((k->health_written && atomic_load(&c->health_gen) == k->health_gen) ||
	    jobq_monotonic_ms() < k->health_retry_at)
		return;
	if ((list = consumer_broken_json(c, &gen)) == NULL)
		return;
	if (jobq_store_worker_broken(k->st, c->worker_id, list, &err) == 0) {
		k->health_gen = gen;
		k->health_written = true;
		k->health_failing = false;
	} else {
		/* Once per run of failures (a database not migrated to 0013 fails every time),
		 * then again a minute later: the list is for people, the leases come first. */
		if (!k->health_failing)
			jobq_warn("worker_health_failed", "worker", c->worker_id, "error", err.msg);
		k->health_failing = true;
		k->health_retry_at = jobq_monotonic_ms() + HEALTH_RETRY_MS;
	}
	free(list);
}

void *keeper_thread(void *arg)
{
	struct keeper *k = arg;
	struct consumer *c = k->c;
	struct jobq_err err = { 0 };
	int64_t next_hb = 0;
	bool draining_marked = false;

	while (!atomic_load(&c->io_done)) {
		const struct jobq_config *cfg = c->cfg;
		int64_t now = jobq_monotonic_ms(), period = fence_period_ms(cfg);

		/* A reload may have shortened the period: never wait out the old one. */
		if (next_hb > now + period)
			next_hb = now + period;
		if (ensure_session(k)) {
			if (jobq_store_set_bound(k->st, fence_keeper_bound_ms(cfg), &err) != 0)
				jobq_warn("keeper_bound_failed", "worker", c->worker_id, "error",
					  err.msg);
			if (atomic_load(&c->draining) && !draining_marked &&
			    jobq_store_worker_state(k->st, c->worker_id, "draining", &err) == 0) {
				draining_marked = true;
				jobq_info("worker_draining", "worker", c->worker_id);
			}
			if (now >= next_hb || (atomic_load(&c->progress_pending) &&
					       now - k->last_sent >= PROGRESS_MIN_MS)) {
				heartbeat(k);
				next_hb = now + period;
			}
			write_health(k);
		}
		usleep(TICK_MS * 1000);
	}
	if (ensure_session(k) && jobq_store_worker_state(k->st, c->worker_id, "stopped", &err) != 0)
		jobq_warn("worker_state_failed", "worker", c->worker_id, "error", err.msg);
	jobq_store_free(k->st); /* closing the session releases the liveness lock */
	free(k);
	return NULL;
}
