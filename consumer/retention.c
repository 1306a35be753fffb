/* The retention thread: rounds that delete finished jobs and dead letters past their
 * windows (retention.* settings), on a session of their own, off the executors', the
 * keeper's and the relay's paths. The deletes are the prune's functions (migration 0041);
 * this file decides when and how fast. */
#include <errno.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

#include "consumer.h"
#include "jobq/clock.h"
#include "jobq/log.h"
#include "jobq/store_admin.h"
#include "retention.h"

/* How often the thread looks at the draining flag (and a reload's windows) while it waits. */
#define TICK_MS 100
/* Pause between reconnects of the session during an outage. */
#define RETRY_MS 5000
/* The retention session's lock_timeout: a batch that waits this long for a lock (a LOCK
 * TABLE, a VACUUM FULL, a migration) fails (SQLSTATE 55P03) and the round ends; the next
 * interval tries again. */
#define LOCK_TIMEOUT_MS 5000
/* Its statement_timeout: this plus STMT_MS_PER_ROW per row of a batch (a batch of 10,000
 * rows and their history gets 30 s), at most the workers' session bound (lease_duration). */
#define STMT_BASE_MS 10000
#define STMT_MS_PER_ROW 2

_Static_assert(JOBQ_RETAIN_N == sizeof(((struct metrics *)0)->retention_deleted) /
					sizeof(((struct metrics *)0)->retention_deleted[0]),
	       "metrics.retention_deleted has one counter per kind");

struct retention {
	struct consumer *c;
	struct jobq_store *st;
	int64_t retry_at; /* monotonic ms: no reconnect before */
};

static int64_t window_ms(const struct jobq_config *cfg, enum jobq_retention_kind kind)
{
	switch (kind) {
	case JOBQ_RETAIN_SUCCEEDED:
		return cfg->retention_succeeded_ms;
	case JOBQ_RETAIN_FAILED:
		return cfg->retention_failed_ms;
	case JOBQ_RETAIN_CANCELLED:
		return cfg->retention_cancelled_ms;
	case JOBQ_RETAIN_DEAD_LETTERS:
		return cfg->retention_dead_letters_ms;
	default:
		return 0;
	}
}

bool retention_on(const struct jobq_config *cfg)
{
	for (int k = 0; k < JOBQ_RETAIN_N; k++)
		if (window_ms(cfg, (enum jobq_retention_kind)k) > 0)
			return true;
	return false;
}

int64_t retention_wait_ms(int64_t deleted, int rate, int64_t elapsed_ms)
{
	int64_t due;

	if (rate <= 0 || deleted <= 0)
		return 0;
	due = (deleted * 1000 + rate - 1) / rate; /* the earliest ms the pace allows */
	return due > elapsed_ms ? due - elapsed_ms : 0;
}

/* Sleep ms in ticks; false when the consumer began draining meanwhile. */
static bool nap(struct consumer *c, int64_t ms)
{
	while (ms > 0 && !atomic_load(&c->draining)) {
		int64_t step = ms < TICK_MS ? ms : TICK_MS;
		struct timespec ts = { (time_t)(step / 1000), (long)(step % 1000) * 1000000L };

		nanosleep(&ts, NULL);
		ms -= step;
	}
	return !atomic_load(&c->draining);
}

/* Sleep ms whether or not the consumer drains: the last pace of a round (at most
 * batch / rate, which the config holds to 1 s). */
static void hold_pace(int64_t ms)
{
	if (ms > 1000)
		ms = 1000;
	if (ms > 0) {
		struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };

		while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
			;
	}
}

/* The bound of every wait of the retention session (statement_timeout and the rest,
 * jobq_store_connect_bounded): enough for one batch, never more than a worker session's. */
static int64_t statement_bound_ms(const struct jobq_config *cfg)
{
	int64_t b = STMT_BASE_MS + STMT_MS_PER_ROW * (int64_t)cfg->retention_batch;
	int64_t lease = fence_session_bound_ms(cfg);

	return lease < b ? lease : b;
}

/* Publish the session's cancel handle for retention_cancel (open), or withdraw it. */
static void share_cancel(struct retention *r, bool open)
{
	struct consumer *c = r->c;

	pthread_mutex_lock(&c->retention_mu);
	if (c->retention_cancel != NULL)
		PQfreeCancel(c->retention_cancel);
	c->retention_cancel =
		open && jobq_store_ok(r->st) ? PQgetCancel(jobq_store_conn(r->st)) : NULL;
	pthread_mutex_unlock(&c->retention_mu);
}

void retention_cancel(struct consumer *c)
{
	char why[256];

	pthread_mutex_lock(&c->retention_mu);
	if (c->retention_cancel != NULL && PQcancel(c->retention_cancel, why, sizeof(why)) == 0)
		jobq_warn("retention_cancel_failed", "worker", c->worker_id, "error", why);
	pthread_mutex_unlock(&c->retention_mu);
}

/* A session that can take a round now: the open one if it answers (jobq_store_fresh: a
 * session the server ended while idle, by a restart, pg_terminate_backend or
 * idle_session_timeout, is seen now, not by the round's first statement), else a new one
 * with the bound and lock_timeout set. No reconnect before r->retry_at. */
static bool ensure_db(struct retention *r)
{
	struct jobq_err err = { 0 };
	const struct jobq_config *cfg = r->c->cfg;
	char sql[64];

	if (r->st != NULL && jobq_store_fresh(r->st, JOBQ_STORE_IDLE_CHECK_MS) &&
	    jobq_store_set_bound(r->st, statement_bound_ms(cfg), &err) == 0)
		return true;
	if (jobq_monotonic_ms() < r->retry_at)
		return false;
	share_cancel(r, false);
	snprintf(sql, sizeof(sql), "SET lock_timeout = %d", LOCK_TIMEOUT_MS);
	if ((r->st == NULL ? jobq_store_connect_bounded(
				     cfg->database_url, "jobq-consumer retention",
				     JOBQ_STORE_WORKER, statement_bound_ms(cfg), &r->st, &err)
			   : jobq_store_reconnect(r->st, &err)) == 0 &&
	    jobq_store_set_bound(r->st, statement_bound_ms(cfg), &err) == 0 &&
	    jobq_store_command(r->st, sql, &err) == 0) {
		share_cancel(r, true);
		return true;
	}
	r->retry_at = jobq_monotonic_ms() + RETRY_MS;
	jobq_warn("retention_db_unavailable", "worker", r->c->worker_id, "error", err.msg);
	return false;
}

/* Rows one kind may lose in one round: what the rate allows in an interval, at least one
 * batch. A kind whose rows finish faster than the rate deletes thus ends its turn, so the
 * other kinds still get theirs and the round still ends (and is recorded). */
static int64_t kind_budget(const struct jobq_config *cfg)
{
	int64_t b = (int64_t)cfg->retention_rate * cfg->retention_interval_ms / 1000;

	return b > cfg->retention_batch ? b : cfg->retention_batch;
}

/* Delete what is due, kind by kind, batch by batch, at most cfg->retention_rate rows a
 * second: each batch starts no sooner than the rows of the one before allow (n rows wait
 * n / rate seconds from that batch's start), so any stretch of time sees at most the rate
 * times its length plus one batch, even after a slow statement. A kind's turn ends at a
 * short batch or at its budget (kind_budget); a drain ends the round after the batch at
 * hand, the pace still kept. n[] gets the rows deleted per kind. 0, or the error that
 * ended it. */
static int delete_due(struct retention *r, const struct jobq_config *cfg, int64_t n[JOBQ_RETAIN_N],
		      struct jobq_err *err)
{
	int64_t prev_start = 0, prev_n = 0, budget = kind_budget(cfg);

	for (int k = 0; k < JOBQ_RETAIN_N; k++) {
		enum jobq_retention_kind kind = (enum jobq_retention_kind)k;
		int64_t older = window_ms(cfg, kind), got;
		int rc;

		if (older <= 0)
			continue;
		do {
			if (!nap(r->c, retention_wait_ms(prev_n, cfg->retention_rate,
							 jobq_monotonic_ms() - prev_start)))
				break; /* draining: no more batches, but the pace is kept */
			prev_start = jobq_monotonic_ms();
			if ((rc = jobq_store_retention_batch(r->st, kind, older,
							     cfg->retention_batch, &got, err)) != 0)
				return rc;
			n[k] += got;
			prev_n = got;
		} while (got == cfg->retention_batch && n[k] < budget);
		if (atomic_load(&r->c->draining))
			break;
	}
	/* The lock is kept until the pace allows the next batch, so the next round, of this
	 * consumer or another, cannot go faster than the rate either; a draining consumer
	 * waits too (at most batch / rate <= 1 s, beside its drain): releasing the lock at
	 * once would let another consumer's round delete a batch within the pace (review
	 * F7: once per consumer in a rolling restart). */
	hold_pace(retention_wait_ms(prev_n, cfg->retention_rate, jobq_monotonic_ms() - prev_start));
	return 0;
}

/* Count a round that ran (rc 0) or failed: the rows deleted count either way (their batches
 * committed); a failed round is counted among the failures, not the rounds, and logged by
 * the caller as retention_failed rather than retention_round. */
static void report(struct retention *r, int rc, const int64_t n[JOBQ_RETAIN_N], int64_t ms)
{
	struct metrics *m = &r->c->metrics;
	char b[JOBQ_RETAIN_N][24], t[24], jobs[24];
	int64_t j = n[JOBQ_RETAIN_SUCCEEDED] + n[JOBQ_RETAIN_FAILED] + n[JOBQ_RETAIN_CANCELLED];

	for (int k = 0; k < JOBQ_RETAIN_N; k++) {
		atomic_fetch_add(&m->retention_deleted[k], (uint_fast64_t)n[k]);
		jobq_log_int(b[k], n[k]);
	}
	if (rc != 0) {
		atomic_fetch_add(&m->retention_failures, 1);
		return;
	}
	atomic_fetch_add(&m->retention_rounds, 1);
	atomic_store(&m->retention_last_ms, ms);
	jobq_info("retention_round", "worker", r->c->worker_id, "jobs", jobq_log_int(jobs, j),
		  "succeeded", b[JOBQ_RETAIN_SUCCEEDED], "failed", b[JOBQ_RETAIN_FAILED],
		  "cancelled", b[JOBQ_RETAIN_CANCELLED], "dead_letters",
		  b[JOBQ_RETAIN_DEAD_LETTERS], "ms", jobq_log_int(t, ms));
}

/* One round, if this consumer gets the lock. */
static void round_once(struct retention *r, const struct jobq_config *cfg)
{
	struct jobq_err err = { 0 }, ignored = { 0 };
	int64_t n[JOBQ_RETAIN_N] = { 0 }, t0;
	char started[64];
	bool locked = false;
	int rc;

	if (jobq_store_retention_lock(r->st, &locked, started, sizeof(started), &err) != 0) {
		jobq_warn("retention_failed", "worker", r->c->worker_id, "error", err.msg);
		return;
	}
	if (!locked)
		return;
	t0 = jobq_monotonic_ms();
	rc = delete_due(r, cfg, n, &err);
	if (rc == 0)
		rc = jobq_store_retention_record(r->st, r->c->worker_id, started,
						 n[JOBQ_RETAIN_SUCCEEDED] + n[JOBQ_RETAIN_FAILED] +
							 n[JOBQ_RETAIN_CANCELLED],
						 n[JOBQ_RETAIN_DEAD_LETTERS], &err);
	if (jobq_store_ok(r->st) && jobq_store_retention_unlock(r->st, &ignored) != 0)
		jobq_warn("retention_failed", "worker", r->c->worker_id, "error", ignored.msg);
	report(r, rc, n, jobq_monotonic_ms() - t0);
	if (rc != 0)
		jobq_warn("retention_failed", "worker", r->c->worker_id, "error", err.msg);
}

void *retention_thread(void *arg)
{
	struct retention r = { .c = arg };
	struct consumer *c = r.c;
	int64_t last = 0; /* monotonic ms the latest round was due to start */
	bool ran = false;

	while (!atomic_load(&c->draining)) {
		/* a reload may change the windows and the interval: both are read at every tick,
		 * so a shorter interval applies from the next one, not after the old interval */
		const struct jobq_config *cfg = c->cfg;
		int64_t now = jobq_monotonic_ms();

		if (retention_on(cfg) && (!ran || now - last >= cfg->retention_interval_ms)) {
			last = now;
			ran = true;
			if (ensure_db(&r))
				round_once(&r, cfg);
		}
		nap(c, TICK_MS);
	}
	share_cancel(&r, false);
	jobq_store_free(r.st);
	return NULL;
}
