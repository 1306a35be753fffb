/* The relay thread (docs/design.md §6 "Relay", "Reaper"): with its own PostgreSQL session and
 * its own broker connection, it publishes due jobs that nobody published yet (jobs submitted
 * through the SQL API, a submitter that died, scheduled jobs come due, retries, reaped jobs)
 * and moves expired leases back. Kept apart from the keeper so that a slow broker never
 * delays a heartbeat. Each tick also fires the cron schedules that are due (cron_fire.c),
 * whose jobs the round that follows publishes. Its session listens to the SQL API's channels (migration 0011): a
 * commit of submitted jobs wakes it at once, and a cancel's notification reaches the running
 * job here within milliseconds; the tick is the fallback for what a notification missed.
 * The jobs this consumer's finishes release are handed to it in memory (migration 0060,
 * consumer_hand_released): it publishes them without taking them. Publishing and the
 * broker connection are relay_publish.c's; the state both share is relay_internal.h's. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "consumer.h"
#include "cron_fire.h"
#include "relay_lost.h"
#include "jobq/broker.h"
#include "jobq/clock.h"
#include "jobq/fault.h"
#include "jobq/log.h"
#include "jobq/parse.h"
#include "jobq/store_jobs.h"
#include "jobq/store_queue.h"
#include "jobq/store_wait.h"

#include "relay_internal.h"

/* LISTEN on a new session. A fresh session has missed what was notified meanwhile: the round
 * that follows reads every due job anyway. */
static bool listen_relay(struct relay *r, struct jobq_err *err)
{
	if (jobq_store_listen_relay(r->st, err) != 0)
		return false;
	r->listening = true;
	return true;
}

static bool ensure_db(struct relay *r)
{
	struct jobq_err err = { 0 };
	int64_t now = jobq_monotonic_ms();

	/* A reload may have changed the lease: the session's bound follows it. */
	if (r->st != NULL && jobq_store_ok(r->st) &&
	    jobq_store_set_bound(r->st, fence_session_bound_ms(r->c->cfg), &err) == 0 &&
	    (r->listening || r->draining || listen_relay(r, &err)))
		return true;
	if (now < r->db_retry_at)
		return false;
	r->listening = false;
	if ((r->st == NULL
		     ? jobq_store_connect_bounded(r->c->cfg->database_url, "jobq-consumer relay",
						  JOBQ_STORE_WORKER | JOBQ_STORE_ORDERED,
						  fence_session_bound_ms(r->c->cfg), &r->st, &err)
		     : jobq_store_reconnect(r->st, &err)) == 0 &&
	    (r->draining || listen_relay(r, &err)))
		return true;
	r->db_retry_at = now + 1000 + rand_r(&r->seed) % 1000;
	jobq_warn("relay_db_unavailable", "worker", r->c->worker_id, "error", err.msg);
	return false;
}

/* Release the priority jobs the window has room for (before the round's ordinary take, so
 * that they are in the express queue first), then the keyed jobs (round-robin by key, in
 * their own window), then the jobs held by concurrency limits whose scopes have room.
 * Returns how many were published. */
static int release_round(struct relay *r)
{
	struct consumer *c = r->c;
	struct jobq_envelope envs[RELAY_BATCH];
	int64_t tokens[RELAY_BATCH];
	struct jobq_err err = { 0 };
	int n = jobq_store_relay_release(r->st, c->cfg->relay_grace_ms, PRIORITY_WINDOW, envs,
					 tokens, RELAY_BATCH, &err);

	int published;

	if (n < 0) {
		jobq_warn("relay_release_failed", "worker", c->worker_id, "error", err.msg);
		return 0;
	}
	published = publish_taken(r, envs, tokens, n);
	/* then the keyed jobs, the queue's keys taking turns (migration 0024) */
	n = jobq_store_relay_key_release(r->st, c->cfg->relay_grace_ms, KEYED_WINDOW, envs, tokens,
					 RELAY_BATCH, &err);
	if (n < 0)
		jobq_warn("relay_key_release_failed", "worker", c->worker_id, "error", err.msg);
	else
		published += publish_taken(r, envs, tokens, n);
	/* then the jobs held by a concurrency limit whose scope has room (migration 0021) */
	n = jobq_store_relay_limit_release(r->st, c->cfg->relay_grace_ms, envs, tokens, RELAY_BATCH,
					   &err);
	if (n < 0) {
		jobq_warn("relay_limit_release_failed", "worker", c->worker_id, "error", err.msg);
		return published;
	}
	if (n > 0) /* the next token's time, read soon (due_waiting) */
		r->token_due_ms = jobq_monotonic_ms() + TOKEN_WAIT_MIN_MS;
	return published + publish_taken(r, envs, tokens, n);
}

/* Publish up to RELAY_BATCH of the jobs this consumer's write session handed to this relay
 * (c->handed, consumer_hand_released; migration 0060), of every instant waiting, and mark
 * them: they are not taken (until its instant no other relay publishes one). The instants
 * stay for the next round while a full batch was read and something published; else they
 * are done (what is left, a publish refused or a mark failed, goes to any relay once its
 * instant has passed). A read that failed on the connection keeps them (the next round
 * reads them again, or, past their instant, the take finds them). Returns how many it read
 * (0 with none waiting; < 0 when the read failed). */
static int handed_round(struct relay *r, int *published)
{
	struct consumer *c = r->c;
	struct jobq_envelope envs[RELAY_BATCH];
	int64_t tokens[RELAY_BATCH];
	int64_t ats[CONSUMER_HANDED_MAX];
	struct jobq_err err = { 0 };
	size_t nat;
	int n, ok;

	uint_fast64_t dropped = atomic_exchange(&c->handed_dropped, 0);

	if (dropped > 0) {
		char a[24];

		jobq_warn("relay_handed_dropped", "worker", c->worker_id, "instants",
			  jobq_log_int(a, (long long)dropped), "hint",
			  "their jobs are published once the relay grace has passed");
	}
	pthread_mutex_lock(&c->handed_mu);
	nat = c->nhanded;
	memcpy(ats, c->handed, nat * sizeof(ats[0]));
	c->nhanded = 0;
	pthread_mutex_unlock(&c->handed_mu);
	{
		/* An instant long past (its session down for minutes) is any relay's take
		 * already: not read again (two minutes leave room for clocks that differ). */
		struct timespec ts;
		int64_t old_us;
		size_t k = 0;

		clock_gettime(CLOCK_REALTIME, &ts);
		old_us = (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000 - 120 * 1000000LL;
		for (size_t i = 0; i < nat; i++)
			if (ats[i] >= old_us)
				ats[k++] = ats[i];
		nat = k;
	}
	if (nat == 0)
		return 0;
	jobq_fault("relay_handed"); /* a consumer that dies before it publishes what it released */
	n = jobq_store_relay_handed(r->st, ats, nat, envs, tokens, RELAY_BATCH, &err);
	if (n < 0) {
		jobq_warn("relay_handed_failed", "worker", c->worker_id, "error", err.msg);
		if (!jobq_store_ok(r->st))
			consumer_hand_back(c, ats, nat);
		return n;
	}
	r->mark_failed = false;
	ok = publish_taken(r, envs, tokens, n);
	*published += ok;
	if (n == RELAY_BATCH && ok > 0 && !r->mark_failed)
		consumer_hand_back(c, ats, nat);
	return n;
}

/* One round: publish the jobs handed to this relay, then take up to RELAY_BATCH due rows
 * and publish them. Returns RELAY_BATCH when either was a full batch (another round
 * follows at once), else how many it took (< 0 when the take failed). */
static int relay_round(struct relay *r)
{
	struct consumer *c = r->c;
	struct jobq_envelope envs[RELAY_BATCH];
	int64_t tokens[RELAY_BATCH];
	struct jobq_err err = { 0 };
	int published = release_round(r);
	int nh = handed_round(r, &published);
	int n = jobq_store_relay_take(r->st, c->cfg->relay_grace_ms, envs, tokens, RELAY_BATCH,
				      &err);

	if (n < 0) {
		jobq_warn("relay_failed", "worker", c->worker_id, "error", err.msg);
		return nh == RELAY_BATCH ? nh : n;
	}
	published += publish_taken(r, envs, tokens, n);
	if (published > 0) {
		char count[24];
		jobq_info("relay_published", "worker", c->worker_id, "count",
			  jobq_log_int(count, published));
	}
	return nh == RELAY_BATCH ? nh : n;
}

/* Dead letters: record each message of jobq.dead in the database (failing its job if it
 * was still waiting, so that it cannot stay stuck), then ack it. Any consumer may do this;
 * an ack lost in a crash only records the message twice. */
static void dead_round(struct relay *r)
{
	struct consumer *c = r->c;
	struct jobq_err err = { 0 };

	if (!ensure_broker(r, &err))
		return;
	for (int i = 0; i < DEAD_BATCH; i++) {
		amqp_message_t msg;
		struct jobq_envelope env;
		struct jobq_dead_letter d = { 0 };
		char reason[64], queue[128], mid[80] = "";
		struct jobq_err perr = { 0 };
		uint64_t tag;
		bool got, failed;
		int rc;

		if (jobq_broker_get(r->b, JOBQ_QUEUE_DEAD, &msg, &tag, &got, &err) != 0) {
			jobq_warn("dead_letters_unavailable", "worker", c->worker_id, "error",
				  err.msg);
			return;
		}
		if (!got)
			return;
		jobq_broker_x_death(&msg.properties, reason, sizeof(reason), queue, sizeof(queue));
		if (msg.properties._flags & AMQP_BASIC_MESSAGE_ID_FLAG)
			snprintf(mid, sizeof(mid), "%.*s", (int)msg.properties.message_id.len,
				 (char *)msg.properties.message_id.bytes);
		d.reason = reason[0] ? reason : "unknown";
		d.queue = queue[0] ? queue : NULL;
		d.body = msg.body.bytes;
		d.body_len = msg.body.len;
		d.message_id = mid[0] ? mid : NULL;
		if (jobq_envelope_decode(msg.body.bytes, msg.body.len, NULL, &env, &perr) == 0)
			d.job_id = env.job_id;
		else if (jobq_uuid_valid(mid))
			d.job_id = mid; /* a body we cannot read, but the id is ours */
		rc = jobq_store_dead_letter(r->st, &d, &failed, &err);
		amqp_destroy_message(&msg);
		if (rc != 0) {
			/* Not recorded: leave it unacked; it returns to jobq.dead with the
			 * connection and is tried again. */
			jobq_warn("dead_letter_not_recorded", "worker", c->worker_id, "error",
				  err.msg);
			jobq_broker_set_broken(r->b);
			return;
		}
		atomic_fetch_add(&c->metrics.dead_letters, 1);
		jobq_warn("dead_letter", "worker", c->worker_id, "job", d.job_id, "queue", d.queue,
			  "reason", d.reason, "job_failed", failed ? "true" : "false");
		if (jobq_broker_ack(r->b, tag, &err) != 0)
			return;
	}
}

static void reap_round(struct relay *r)
{
	struct jobq_err err = { 0 };
	int n = jobq_store_reap(r->st, REAP_BATCH, &err);
	char count[24];

	if (n < 0)
		jobq_warn("reaper_failed", "worker", r->c->worker_id, "error", err.msg);
	else if (n > 0)
		jobq_warn("leases_reaped", "worker", r->c->worker_id, "count",
			  jobq_log_int(count, n));
}

/* The relay's broker connection for the lost-message round (relay_lost_round), opened
 * again if it was lost; NULL (err set) if it cannot be. */
static struct jobq_broker *lost_broker(void *arg, struct jobq_err *err)
{
	struct relay *r = arg;

	return ensure_broker(r, err) ? r->b : NULL;
}

/* Stop listening on the relay's session (the drain: r->draining), and drop the
 * notifications libpq read meanwhile. A failed UNLISTEN is tried again at the next call;
 * a session opened again during the drain does not listen (ensure_db). */
static void unlisten(struct relay *r)
{
	struct jobq_err err = { 0 };
	PGnotify *n;

	if (r->st == NULL || !jobq_store_ok(r->st))
		return;
	if (r->listening && jobq_store_command(r->st, "UNLISTEN *", &err) == 0)
		r->listening = false;
	else if (r->listening)
		jobq_warn("relay_unlisten_failed", "worker", r->c->worker_id, "error", err.msg);
	while ((n = PQnotifies(jobq_store_conn(r->st))) != NULL)
		PQfreemem(n);
}

/* The relay's database session for the drain's part of the lost-message round
 * (relay_lost_drain), opened again if it was lost, not listening; NULL if it cannot be. */
static struct jobq_store *lost_store(void *arg)
{
	struct relay *r = arg;

	if (!ensure_db(r))
		return NULL;
	unlisten(r);
	return r->st;
}

/* Which of this worker's queues are paused, for the metrics' jobq_queue_paused gauge: read
 * once a tick (a failed read leaves the gauge as it was). */
static void paused_round(struct relay *r)
{
	struct consumer *c = r->c;
	struct jobq_err err = { 0 };
	bool paused[JOBQ_MAX_QUEUES];
	size_t n = (size_t)c->cfg->nqueues;

	if (jobq_store_queues_paused(r->st, c->cfg->queues, n, paused, &err) != 0) {
		jobq_warn("paused_queues_unread", "worker", c->worker_id, "error", err.msg);
		return;
	}
	for (size_t i = 0; i < n; i++)
		atomic_store(&c->metrics.queue_paused[i], paused[i]);
}

/* A notification on the relay's session: a commit of submitted jobs wakes the relay; a cancel
 * names running jobs (space-separated ids), and those that run here are noted for a check. */
static void on_notice(const char *channel, const char *payload, void *arg)
{
	struct relay *r = arg;

	if (strcmp(channel, "jobq_submitted") == 0) {
		r->woken = true;
	} else if (strcmp(channel, "jobq_cancel") == 0) {
		for (const char *p = payload; *p != '\0' && r->nhints < HINT_MAX;) {
			char id[JOBQ_ID_BUF];
			size_t n = strcspn(p, " ");

			if (n == JOBQ_UUID_LEN) {
				memcpy(id, p, n);
				id[n] = '\0';
				if (jobq_uuid_valid(id) && consumer_runs_job(r->c, id))
					memcpy(r->hints[r->nhints++], id, sizeof(id));
			}
			p += n;
			p += strspn(p, " ");
		}
	}
}

/* Stop the noted jobs that the database says run here with a cancel request: any session
 * may NOTIFY jobq_cancel, and only jobq_cancel's write makes a job stop. */
static void check_cancels(struct relay *r)
{
	const char *ids[HINT_MAX];
	char found[HINT_MAX][JOBQ_ID_BUF];
	struct jobq_err err = { 0 };
	int n;

	for (size_t i = 0; i < r->nhints; i++)
		ids[i] = r->hints[i];
	n = jobq_store_cancel_requested(r->st, r->c->worker_id, ids, r->nhints, found, &err);
	r->nhints = 0;
	if (n < 0) {
		/* the heartbeat brings the request instead */
		jobq_warn("relay_cancel_check_failed", "worker", r->c->worker_id, "error", err.msg);
		return;
	}
	for (int i = 0; i < n; i++)
		consumer_cancel_job(r->c, found[i], "notify");
}

/* Wait up to wait_ms for the relay's notifications and act on them. Returns true when jobs
 * were submitted (the caller reads the due jobs now). */
static bool take_notices(struct relay *r, int64_t wait_ms)
{
	struct jobq_err err = { 0 };
	bool poked = false;

	r->woken = false;
	r->nhints = 0;
	if (wait_ms < 0)
		wait_ms = 0;
	if (r->st == NULL || !r->listening || !jobq_store_ok(r->st)) {
		usleep((useconds_t)wait_ms * 1000);
		return false;
	}
	if (jobq_store_notices_or(r->st, wait_ms, 1000, on_notice, r, r->c->relay_fd, &poked,
				  &err) < 0) {
		jobq_warn("relay_db_lost", "worker", r->c->worker_id, "error", err.msg);
		r->listening = false;
		return false;
	}
	/* the fd also wakes the relay for handed jobs (handed_burst): only a claim's poke
	 * asks for a release */
	if (poked && atomic_exchange(&r->c->release_poke, false))
		r->poke_pending = true;
	if (r->nhints > 0)
		check_cancels(r);
	return r->woken;
}

/* A priority job claimed here freed room in its queue's release window: release the next
 * ones now (the claims of a busy consumer come in bursts: one release per POKE_SPACING_MS
 * at most, so the relay's statements stay few). Returns the ms until a pending release is
 * due, or TICK_MS when none is pending. */
static int64_t release_poked(struct relay *r)
{
	int64_t now = jobq_monotonic_ms();

	if (!r->poke_pending)
		return TICK_MS;
	if (now - r->last_release_ms < POKE_SPACING_MS)
		return POKE_SPACING_MS - (now - r->last_release_ms);
	r->poke_pending = false;
	r->last_release_ms = now;
	if (ensure_db(r))
		(void)release_round(r);
	return TICK_MS;
}

/* Publish what is due now: rounds one after another while each takes a full batch (a large
 * submit), for BURST_MS at most. */
static void relay_burst(struct relay *r)
{
	int64_t until = jobq_monotonic_ms() + BURST_MS;

	while (relay_round(r) == RELAY_BATCH && jobq_monotonic_ms() < until &&
	       !atomic_load(&r->c->draining))
		;
}

/* Publish what this consumer's ends handed to the relay: rounds while each reads a full
 * batch, for BURST_MS at most. */
static void handed_burst(struct relay *r)
{
	struct consumer *c = r->c;
	int64_t until = jobq_monotonic_ms() + BURST_MS;
	int published = 0;

	while (handed_round(r, &published) == RELAY_BATCH && jobq_monotonic_ms() < until &&
	       !atomic_load(&c->draining))
		;
	if (published > 0) {
		char count[24];
		jobq_info("relay_published", "worker", c->worker_id, "count",
			  jobq_log_int(count, published), "handed", "true");
	}
}

/* Whether jobs handed to the relay wait to be published (consumer_hand_released). */
static bool handed_waiting(struct consumer *c)
{
	bool any;

	pthread_mutex_lock(&c->handed_mu);
	any = c->nhanded > 0;
	pthread_mutex_unlock(&c->handed_mu);
	return any;
}

/* Whether a due, unpublished job waits (a read of the relay's partial index, between ticks):
 * a job whose wake-up was missed waits a loop, not a tick. */
static bool due_waiting(struct relay *r)
{
	struct jobq_err err = { 0 };
	int64_t wait_ms = -1;
	int n = jobq_store_relay_due(r->st, KEYED_WINDOW, &wait_ms, &err);

	r->token_due_ms = 0;
	if (n >= 0 && wait_ms >= 0)
		r->token_due_ms = jobq_monotonic_ms() +
				  (wait_ms > TOKEN_WAIT_MIN_MS ? wait_ms : TOKEN_WAIT_MIN_MS);
	return n > 0;
}

void *relay_thread(void *arg)
{
	struct relay r = { .c = arg };
	struct consumer *c = r.c;
	int64_t next = 0, follow_up = 0, last_due = 0, last_handed = 0;

	r.seed = (unsigned int)time(NULL) ^ (unsigned int)c->pid ^ 0x5a5a;
	while (!atomic_load(&c->draining)) {
		int64_t now = jobq_monotonic_ms(), wait;
		bool woken, token_probe = false;

		if (r.b != NULL && jobq_broker_ok(r.b)) {
			struct jobq_err err = { 0 };
			if (jobq_broker_service(r.b, &err) != 0)
				jobq_warn("relay_broker_lost", "worker", c->worker_id, "error",
					  err.msg);
		}
		if (now >= next && ensure_db(&r)) {
			reap_round(&r);
			cron_fire(c, r.st);
			relay_burst(&r);
			dead_round(&r);
			paused_round(&r);
			relay_lost_round(&r.lost, r.c, r.st, lost_broker, &r);
			next = now + c->cfg->relay_interval_ms;
		}
		/* Notifications that arrived during the rounds are handed at once. */
		wait = release_poked(&r);
		if (follow_up > 0 && follow_up - jobq_monotonic_ms() < wait)
			wait = follow_up - jobq_monotonic_ms();
		if (follow_up == 0) { /* the due probe's next turn */
			int64_t left = last_due + TICK_MS - jobq_monotonic_ms();

			if (left > 0 && left < wait)
				wait = left;
		}
		if (r.token_due_ms > 0) { /* once: the probe that follows sets it again */
			int64_t left = r.token_due_ms - jobq_monotonic_ms();

			if (left <= 0)
				r.token_due_ms = 0;
			if (left <= wait) { /* the wait ends for the token: the probe follows */
				wait = left > 0 ? left : 0;
				token_probe = true;
			}
		}
		if (handed_waiting(c)) { /* read them once the spacing has passed */
			int64_t left = last_handed + HANDED_SPACING_MS - jobq_monotonic_ms();

			if (left < wait)
				wait = left > 0 ? left : 0;
		}
		woken = take_notices(&r, wait);
		if (handed_waiting(c) && jobq_monotonic_ms() - last_handed >= HANDED_SPACING_MS) {
			/* the spacing also paces the retries while the session is down */
			last_handed = jobq_monotonic_ms();
			if (ensure_db(&r))
				handed_burst(&r);
		}
		if (woken || (follow_up > 0 && jobq_monotonic_ms() >= follow_up)) {
			if (ensure_db(&r))
				relay_burst(&r);
			follow_up = woken ? jobq_monotonic_ms() + FOLLOW_UP_MS : 0;
		} else if (follow_up == 0 && jobq_monotonic_ms() < next &&
			   (token_probe || jobq_monotonic_ms() - last_due >= TICK_MS) &&
			   ensure_db(&r)) {
			/* once a tick (or when a token is due), not at every wake-up of the event
			 * fd */
			last_due = jobq_monotonic_ms();
			if (due_waiting(&r))
				relay_burst(&r);
		}
	}
	/* Draining: the deliveries waiting here go back now, and the lost-message record
	 * goes on until the I/O thread is done (relay_lost_drain). The session stops
	 * listening: nothing reads the notifications any more, and libpq would keep every
	 * one that arrived for the length of the drain (review R8 #7). */
	if (handed_waiting(c) && ensure_db(&r)) /* what the last finishes handed */
		handed_burst(&r);
	jobq_broker_free(r.b); /* nothing more to publish */
	r.draining = true;
	unlisten(&r);
	while (!atomic_load(&c->io_done)) {
		relay_lost_drain(&r.lost, c, lost_store, &r, false);
		usleep(DRAIN_PASS_MS * 1000);
	}
	relay_lost_drain(&r.lost, c, lost_store, &r, true); /* the requeues of the drain's end */
	jobq_store_free(r.st);
	return NULL;
}
