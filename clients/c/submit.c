/* libjobq's submits: every job checked before anything is sent, then insert (one
 * transaction) and commit, then publish without waiting for the confirms, which mark the
 * jobs published when they come; a job no broker confirmed is left to the relay (contract
 * in <jobq/jobq.h>). */
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client_internal.h"
#include "jobq/clock.h"
#include "jobq/deps.h"
#include "jobq/duration.h"
#include "jobq/fault.h"
#include "jobq/limit.h"
#include "jobq/store_batch.h"
#include "jobq/store_submit.h"
#include "jobq/submit_check.h"
#include "jobq/url.h"

/* The options struct keeps its size (ABI): each new option takes one reserved slot. After
 * metadata come eight int64_t slots: unique_for_ms, priority, concurrency_key, after and
 * after_any (pointers in int64_t-sized unions) and reserved[3]. */
#define OPTS_SLOT(f) offsetof(struct jobq_submit_opts, f)
_Static_assert(OPTS_SLOT(priority) == OPTS_SLOT(unique_for_ms) + sizeof(int64_t) &&
		       OPTS_SLOT(concurrency_key) == OPTS_SLOT(priority) + sizeof(int64_t) &&
		       OPTS_SLOT(after) == OPTS_SLOT(concurrency_key) + sizeof(int64_t) &&
		       OPTS_SLOT(after_any) == OPTS_SLOT(after) + sizeof(int64_t) &&
		       OPTS_SLOT(reserved) == OPTS_SLOT(after_any) + sizeof(int64_t),
	       "unique_for_ms, priority, concurrency_key, after, after_any and reserved must "
	       "follow each other");
_Static_assert(sizeof(struct jobq_submit_opts) == OPTS_SLOT(unique_for_ms) + 8 * sizeof(int64_t),
	       "struct jobq_submit_opts changed size: take a reserved slot instead");
#undef OPTS_SLOT

/* One job's arguments, before anything is sent: the CLI's checks, and the options'
 * ranges. 0 or JOBQ_EINVAL naming the field. */
static int check_spec(const struct jobq_job_spec *j, int64_t max_payload, struct jobq_err *err)
{
	const struct jobq_submit_opts *o = &j->opts;
	int r;

	if ((r = jobq_check_job(j->type, o->queue, o->key, err)) != 0 ||
	    (r = jobq_check_unique_for(o->unique_for_ms, o->key, err)) != 0 ||
	    (o->concurrency_key != NULL &&
	     (r = jobq_check_concurrency_key(o->concurrency_key, err)) != 0))
		return r;
	if (j->payload != NULL &&
	    (r = jobq_check_payload(j->payload, strlen(j->payload), max_payload, err)) != 0)
		return r;
	if (o->metadata != NULL &&
	    (r = jobq_check_metadata(o->metadata, strlen(o->metadata), err)) != 0)
		return r;
	if (o->max_attempts < 0 || o->max_attempts > 1000)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "max_attempts: %d is not a whole number from 1 to 1000 "
				    "(or 0 for the default)",
				    o->max_attempts);
	if (o->delay_ms < 0 || o->delay_ms > JOBQ_DURATION_MAX_MS)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "delay_ms: %" PRId64 " is not from 0 to %lld (365 days)",
				    o->delay_ms, JOBQ_DURATION_MAX_MS);
	if (o->run_at_unix_ms < 0)
		return jobq_err_set(err, JOBQ_EINVAL, "run_at_unix_ms: %" PRId64 " is negative",
				    o->run_at_unix_ms);
	if (o->delay_ms > 0 && o->run_at_unix_ms > 0)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "delay_ms and run_at_unix_ms exclude each other");
	for (size_t i = 0; i < sizeof(o->reserved) / sizeof(o->reserved[0]); i++)
		if (o->reserved[i] != 0)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "opts: reserved[%zu] is not zero (zero-initialise "
					    "struct jobq_submit_opts, then set its options)",
					    i);
	if (o->timeout_ms < 0 || o->timeout_ms > JOBQ_DURATION_MAX_MS)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "timeout_ms: %" PRId64 " is not from 0 to %lld (365 days)",
				    o->timeout_ms, JOBQ_DURATION_MAX_MS);
	if (o->priority < 0 || o->priority > 9)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "priority: %" PRId64 " is not a whole number from 0 to 9",
				    o->priority);
	return 0;
}

/* Whether job j may be queued at once, and so published by this call: no delay, no run
 * time after now, no dependency (a job with some waits, and the relay publishes it). The database decides; a wrong guess costs a connection opened for
 * nothing, or one opened after the commit. */
static bool may_queue(const struct jobq_job_spec *j, int64_t now_ms)
{
	return j->opts.delay_ms == 0 && j->opts.run_at_unix_ms <= now_ms && j->opts.priority == 0 &&
	       j->opts.concurrency_key == NULL && (j->opts.after == NULL || !j->opts.after[0]) &&
	       (j->opts.after_any == NULL || !j->opts.after_any[0]);
}

/* The time a submit may spend readying the broker before its insert (ready_broker): the
 * settling of earlier confirms, the connect and its handshake, and each declare are
 * bounded by what is left of it. Past it, or on any failure, the insert goes ahead at once
 * and the publish after the commit connects with the handle's full timeouts: accepting a
 * job waits on PostgreSQL, and on the broker for this long at most. A healthy broker on
 * the same network connects, logs in and declares in a few milliseconds. */
#define PRE_INSERT_BUDGET_MS 250
/* After a readying that failed, the handle's submits go straight to their insert for this
 * long (unless a connection came up since): while the broker is down, an agent or an
 * application's handle does not pay the budget at every submit. */
#define PRE_INSERT_RETRY_MS 5000

/* What is left of the time until monotonic deadline_ms, 0 when it has passed. */
static int left_ms(int64_t deadline_ms)
{
	int64_t left = deadline_ms - jobq_monotonic_ms();

	return left > 0 ? (int)left : 0;
}

/* Try to have the broker connection ready to publish jobs[0..n) before they are inserted,
 * within PRE_INSERT_BUDGET_MS: connected, their queues declared, the channel in confirm
 * mode, and (with JOBQ_SUBMIT_CONFIRM) the confirms of earlier submits that came by then
 * collected. The insert's now() is the jobs' created_at: the time from there to a worker's
 * claim then holds the commit, the publish and the delivery, not a connect and its
 * handshake. Nothing here is an error of the submit: a broker that cannot be reached, that
 * does not answer within the budget, or that refuses a declare leaves no connection (or a
 * broken one), and the publish after the commit connects again with the handle's own
 * timeouts (every node of a cluster). A URL list shares the budget among its nodes. Does
 * nothing when no job is to be published now, or within PRE_INSERT_RETRY_MS of a readying
 * that failed while no connection is up. */
static void ready_broker(jobq_client *c, const struct jobq_job_spec *jobs, size_t n, unsigned flags)
{
	int64_t start = jobq_monotonic_ms(), deadline = start + PRE_INSERT_BUDGET_MS;
	struct jobq_broker_opts o = c->bopts;
	struct jobq_err ignored;
	struct timespec ts;
	int64_t now_ms;
	const char *last = NULL;
	size_t nodes;
	bool any = false;
	int r = 0, share;

	clock_gettime(CLOCK_REALTIME, &ts);
	now_ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	for (size_t i = 0; i < n && !any; i++)
		any = may_queue(&jobs[i], now_ms);
	if (!any)
		return;
	if ((c->broker == NULL || !jobq_broker_ok(c->broker)) && c->unready_ms != 0 &&
	    start - c->unready_ms < PRE_INSERT_RETRY_MS)
		return;
	/* A confirmed submit's wait would read and drop them: those already in are marked
	 * now, the rest after the commit (publish_confirmed). */
	if (flags & JOBQ_SUBMIT_CONFIRM)
		client_confirms(c, left_ms(deadline));
	/* A new session's first insert would load its catalog entries and plan inside its
	 * transaction: the server does that now, while the broker connection opens. One that
	 * cannot be sent leaves it to the insert. */
	if (!c->warm)
		c->warm = jobq_store_submit_warm(c->store, &ignored) == 0;
	/* Each node of a list may take its share of the budget for the TCP connect, the same
	 * for the login and for the channel's open: a node that accepts and never answers
	 * costs its share once. */
	nodes = jobq_url_list_count(o.url != NULL ? o.url : "");
	share = left_ms(deadline) / (int)(nodes > 0 ? nodes : 1);
	o.connect_timeout_ms = o.rpc_timeout_ms = share > 0 ? share : 1;
	if ((r = client_broker_with(c, &o, &ignored)) != 0)
		goto out;
	for (size_t i = 0; i < n && r == 0; i++) {
		const char *q = jobs[i].opts.queue != NULL ? jobs[i].opts.queue : "default";
		int ms;

		/* The connection remembers the queues it declared; this only spares the
		 * lookup for a run of jobs to one queue. */
		if (!may_queue(&jobs[i], now_ms) || (last != NULL && strcmp(q, last) == 0))
			continue;
		/* Out of time: the publish declares the rest. */
		if ((ms = left_ms(deadline)) == 0)
			break;
		jobq_broker_set_rpc_timeout(c->broker, ms);
		r = jobq_broker_ready_jobs(c->broker, q, &ignored);
		last = q;
	}
	if (r != 0)
		jobq_broker_set_broken(c->broker);
	else
		jobq_broker_set_rpc_timeout(c->broker, c->bopts.rpc_timeout_ms);
out:
	c->unready_ms = r != 0 ? jobq_monotonic_ms() : 0;
}

/* Whether out (the i-th job of a submit) is this submitter's to publish: queued and not
 * published yet, not a repeat of an earlier key of the batch (its first job is published),
 * and not a priority or keyed job (the relay releases those, docs/design.md §6). */
static bool submitter_publishes(const struct jobq_submitted *out, size_t i)
{
	return out->status == JOBQ_QUEUED && !out->published && out->same_as == i &&
	       !jobq_envelope_express(&out->env);
}

/* Publish the committed jobs of out[0..n) that are the submitter's to publish, without
 * waiting for the broker's confirms: they are collected at the end of this call
 * (client_leave) and at the start of the handle's next ones, and the jobs they confirm
 * marked published then (client_confirms). 0 when all were sent (the commit made them durable: a job whose
 * confirm never comes is published by the relay), else JOBQ_CLIENT_RELAYED with err
 * saying why they could not even be sent. */
static int publish(jobq_client *c, const struct jobq_submitted *out, size_t n, struct jobq_err *err)
{
	struct jobq_envelope one, *envs = n == 1 ? &one : malloc(n * sizeof(*envs));
	size_t npub = 0;
	int r = 0;

	if (envs == NULL) {
		jobq_err_set(err, JOBQ_ENOMEM, "publish: out of memory");
		r = JOBQ_CLIENT_RELAYED;
		goto out;
	}
	/* Scheduled jobs are the relay's when due; a repeated key's job that was published
	 * needs nothing, nor does a key repeated in the batch (its first job is published). */
	for (size_t i = 0; i < n; i++)
		if (submitter_publishes(&out[i], i))
			envs[npub++] = out[i].env;
	if (npub == 0)
		goto out;
	/* Confirms that never come would pile up: past a batch's worth, the relay has them. */
	if (c->inflight.n > JOBQ_CLIENT_MAX_BATCH)
		jobq_broker_inflight_clear(&c->inflight);
	/* A connection that fails as it sends is replaced once (on the next node of a
	 * cluster); a message sent twice this way is harmless (the claim is conditional). A
	 * connect that failed has tried every node already. */
	for (int attempt = 0; attempt < 2; attempt++) {
		if ((r = client_broker(c, err)) != 0 ||
		    (r = jobq_broker_send_jobs(c->broker, &c->inflight, envs, npub, err)) == 0)
			break;
		jobq_broker_set_broken(c->broker);
	}
	if (r != 0) {
		jobq_err_prefix(err,
				"%zu job(s) are saved but could not be sent to a broker "
				"(the relay of a running jobq-consumer publishes them)",
				npub);
		r = JOBQ_CLIENT_RELAYED;
		goto out;
	}
out:
	if (envs != &one)
		free(envs);
	return r;
}

/* Publish the committed jobs of out[0..n) that are the submitter's to publish and wait for
 * the broker's confirms, on each node of a cluster in turn for what one did not confirm
 * (each node once); mark the confirmed jobs published and set confirmed[i] for them. 0
 * when every one was confirmed, else JOBQ_CLIENT_RELAYED with err saying why the rest
 * were not (the relay publishes them). */
static int publish_confirmed(jobq_client *c, const struct jobq_submitted *out, size_t n,
			     bool *confirmed, struct jobq_err *err)
{
	struct jobq_envelope *envs = malloc(n * sizeof(*envs));
	const char **ids = malloc(n * sizeof(*ids));
	size_t *map = malloc(n * sizeof(*map)), npub = 0, nok = 0;
	bool *ok = malloc(n * sizeof(*ok));
	int r = 0;

	if (envs == NULL || ids == NULL || map == NULL || ok == NULL) {
		jobq_err_set(err, JOBQ_ENOMEM, "publish: out of memory");
		r = JOBQ_CLIENT_RELAYED;
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (submitter_publishes(&out[i], i)) {
			envs[npub] = out[i].env;
			map[npub++] = i;
		}
	if (npub == 0)
		goto out;
	/* Earlier submits' confirms first: this call's wait would read them and drop them
	 * (ready_broker collected those that came within its budget). */
	client_confirms(c, CLIENT_SETTLE_MS);
	jobq_broker_inflight_clear(&c->inflight);
	if ((r = client_broker(c, err)) == 0)
		r = jobq_broker_publish_jobs_failover(&c->broker, &c->bopts, envs, npub, ok, 10000,
						      err);
	else
		memset(ok, 0, npub * sizeof(*ok));
	for (size_t k = 0; k < npub; k++)
		if (ok[k]) {
			confirmed[map[k]] = true;
			ids[nok++] = envs[k].job_id;
		}
	if (nok > 0) {
		struct jobq_err ignored;

		/* Sent, not waited for: its result is read by the handle's next statement (or
		 * its close), so the call does not wait for a second commit. A mark that fails
		 * leaves the job to the relay, which publishes it once more: harmless (the
		 * claim is conditional). */
		jobq_ignore(jobq_store_cli_mark_published_async(c->store, ids, nok, &ignored));
	}
	if (r < 0 || nok < npub) {
		if (r >= 0)
			jobq_err_set(err, JOBQ_EBROKER,
				     "%zu of %zu messages not confirmed by the broker", npub - nok,
				     npub);
		jobq_err_prefix(err,
				"%zu job(s) are saved but not confirmed by a broker (the relay "
				"of a running jobq-consumer publishes them)",
				npub - nok);
		r = JOBQ_CLIENT_RELAYED;
	} else {
		r = 0;
	}
out:
	free(envs);
	free(ids);
	free(map);
	free(ok);
	return r;
}

_Static_assert(JOBQ_BATCH_WRAP_BYTES == JOBQ_BATCH_WRAP_MAX, "one wrapper size");

/* A batch's callbacks, checked as jobs (type, queue, payload within the max payload less
 * the wrapper). 0 or JOBQ_EINVAL naming the callback. */
static int check_batch(const struct jobq_batch_opts *b, int64_t max_payload, struct jobq_err *err)
{
	const char *what[2] = { "on_complete", "on_success" };
	const char *types[2] = { b->on_complete_type, b->on_success_type };
	const char *payloads[2] = { b->on_complete_payload, b->on_success_payload };

	if (b->on_complete_type == NULL && b->on_success_type == NULL)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "batch: no callback (on_complete_type or on_success_type)");
	for (size_t i = 0; i < sizeof(b->reserved) / sizeof(b->reserved[0]); i++)
		if (b->reserved[i] != 0)
			return jobq_err_set(err, JOBQ_EINVAL, "batch: reserved[%zu] is not zero",
					    i);
	for (int i = 0; i < 2; i++) {
		struct jobq_job_spec j = { .type = types[i], .payload = payloads[i] };

		if (types[i] == NULL && payloads[i] == NULL)
			continue;
		j.opts.queue = b->callback_queue;
		if (check_spec(&j, max_payload - JOBQ_BATCH_WRAP_MAX, err) != 0)
			return jobq_err_prefix(err, "%s callback", what[i]);
	}
	return 0;
}

/* Check, insert and publish jobs[0..n) (flags: JOBQ_SUBMIT_CONFIRM); ids_out as
 * jobq_client_submit_many, results (may be NULL) as jobq_client_submit_results; with
 * batch, as one batch with those callbacks (its id into batch_id_out, may be NULL). */
static int submit(jobq_client *c, const struct jobq_job_spec *jobs, size_t n, unsigned flags,
		  char (*ids_out)[JOBQ_CLIENT_ID_SIZE], struct jobq_submit_result *results,
		  const struct jobq_batch_opts *batch, char *batch_id_out, struct jobq_err *err)
{
	struct jobq_new_job one, *nj = n == 1 ? &one : calloc(n, sizeof(*nj));
	struct jobq_submitted one_out, *out = n == 1 ? &one_out : calloc(n, sizeof(*out));
	bool *confirmed = NULL;
	int64_t t0;
	int r;

	c->skipped[0] = '\0'; /* this call's failover, if any, is the one reported */
	if (nj == NULL || out == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "submit: out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const struct jobq_job_spec *j = &jobs[i];
		struct jobq_deps deps = { 0 };

		/* The dependency lists are read again by the insert; here they are checked
		 * before anything is sent. */
		if ((r = check_spec(j, c->cfg.max_payload_bytes, err)) != 0 ||
		    (r = jobq_deps_add(&deps, "after", j->opts.after, i, false, err)) != 0 ||
		    (r = jobq_deps_add(&deps, "after_any", j->opts.after_any, i, true, err)) != 0) {
			jobq_deps_free(&deps);
			if (n > 1)
				jobq_err_prefix(err, "job %zu", i + 1);
			goto out;
		}
		jobq_deps_free(&deps);
		nj[i] = (struct jobq_new_job){ .type = j->type,
					       .payload = j->payload,
					       .queue = j->opts.queue,
					       .max_attempts = j->opts.max_attempts,
					       .delay_ms = j->opts.delay_ms,
					       .at_unix_ms = j->opts.run_at_unix_ms,
					       .timeout_ms = j->opts.timeout_ms,
					       .key = j->opts.key,
					       .metadata = j->opts.metadata,
					       .unique_for_ms = j->opts.unique_for_ms,
					       .priority = (int)j->opts.priority,
					       .concurrency_key = j->opts.concurrency_key,
					       .after = j->opts.after,
					       .after_any = j->opts.after_any };
	}
	if (batch != NULL && (r = check_batch(batch, c->cfg.max_payload_bytes, err)) != 0)
		goto out;
	if ((r = client_store(c, err)) != 0)
		goto out;
	/* The mark of the jobs confirmed since the last call goes ahead of the insert, in
	 * the same round trip (jobq_store_send_unchecked): it costs the submit no wait. */
	client_confirms(c, 0);
	t0 = jobq_monotonic_ms();
	ready_broker(c, jobs, n, flags);
	/* The session's freshness was judged before that wait: one the server ended during
	 * it is opened again now rather than failing the insert. */
	if (jobq_monotonic_ms() - t0 > JOBQ_STORE_IDLE_CHECK_MS && (r = client_store(c, err)) != 0)
		goto out;
	if (batch != NULL) {
		const struct jobq_batch_callbacks cb = {
			.on_complete_type = batch->on_complete_type,
			.on_complete_payload = batch->on_complete_payload,
			.on_success_type = batch->on_success_type,
			.on_success_payload = batch->on_success_payload,
			.queue = batch->callback_queue,
		};
		char bid[JOBQ_ID_BUF];

		if ((r = jobq_store_batch_submit(c->store, &cb, nj, n, c->cfg.relay_grace_ms, out,
						 bid, NULL, err)) != 0)
			goto out;
		if (batch_id_out != NULL)
			memcpy(batch_id_out, bid, JOBQ_CLIENT_ID_SIZE);
	} else if ((r = jobq_store_submit(c->store, nj, n, false, c->cfg.relay_grace_ms, out,
					  err)) != 0) {
		goto out;
	}
	/* Committed, not yet published: a submitter dying here leaves the jobs to the relay. */
	jobq_fault("submit_after_insert");
	for (size_t i = 0; ids_out != NULL && i < n; i++)
		memcpy(ids_out[i], out[i].env.job_id, JOBQ_CLIENT_ID_SIZE);
	if (!(flags & JOBQ_SUBMIT_CONFIRM)) {
		r = publish(c, out, n, err);
	} else if ((confirmed = calloc(n, sizeof(*confirmed))) == NULL) {
		jobq_err_set(err, JOBQ_ENOMEM,
			     "%zu job(s) are saved but not sent: out of memory "
			     "(the relay of a running jobq-consumer publishes them)",
			     n);
		r = JOBQ_CLIENT_RELAYED;
	} else {
		r = publish_confirmed(c, out, n, confirmed, err);
	}
	for (size_t i = 0; results != NULL && i < n; i++) {
		memcpy(results[i].id, out[i].env.job_id, JOBQ_CLIENT_ID_SIZE);
		results[i].state = (enum jobq_job_state)out[i].status;
		results[i].existed = out[i].existed;
		results[i].published = out[i].published || (confirmed != NULL && confirmed[i]);
		memset(results[i].reserved, 0, sizeof(results[i].reserved));
		/* a key repeated in the batch: its first job (published once) */
		if (out[i].same_as != i)
			results[i].published = results[out[i].same_as].published;
	}
out:
	/* Every connection this call made (or the open before it) is reported once, here. */
	if (c->broker != NULL && jobq_broker_skipped(c->broker)[0] != '\0') {
		snprintf(c->skipped, sizeof(c->skipped), "%s", jobq_broker_skipped(c->broker));
		jobq_broker_forget_skipped(c->broker);
	}
	free(confirmed);
	if (nj != &one)
		free(nj);
	if (out != &one_out)
		free(out);
	return r;
}

int jobq_client_submit(jobq_client *c, const char *type, const char *payload,
		       const struct jobq_submit_opts *opts, char *id_out)
{
	struct jobq_job_spec j = { .type = type, .payload = payload };
	struct jobq_err err = { 0 };

	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	if (opts != NULL)
		j.opts = *opts;
	return client_leave(
		c,
		submit(c, &j, 1, 0, (char(*)[JOBQ_CLIENT_ID_SIZE])id_out, NULL, NULL, NULL, &err),
		&err);
}

/* submit_many, submit_results and submit_batch: the batch's bounds, then submit. */
static int submit_checked(jobq_client *c, const char *what, const struct jobq_job_spec *jobs,
			  size_t n, unsigned flags, char (*ids_out)[JOBQ_CLIENT_ID_SIZE],
			  bool want_results, struct jobq_submit_result *results,
			  const struct jobq_batch_opts *batch, char *batch_id_out)
{
	struct jobq_err err = { 0 };
	int r;

	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	if (jobs == NULL || n == 0 || n > JOBQ_CLIENT_MAX_BATCH)
		r = jobq_err_set(&err, JOBQ_EINVAL, "%s: %zu jobs%s (1 to %d per call)", what, n,
				 jobs == NULL ? " at NULL" : "", JOBQ_CLIENT_MAX_BATCH);
	else if (want_results && results == NULL)
		r = jobq_err_set(&err, JOBQ_EINVAL, "%s: no place for the results (NULL)", what);
	else if (flags & ~(unsigned)JOBQ_SUBMIT_CONFIRM)
		r = jobq_err_set(&err, JOBQ_EINVAL, "%s: unknown flags 0x%x", what,
				 flags & ~(unsigned)JOBQ_SUBMIT_CONFIRM);
	else
		r = submit(c, jobs, n, flags, ids_out, results, batch, batch_id_out, &err);
	return client_leave(c, r, &err);
}

int jobq_client_submit_many(jobq_client *c, const struct jobq_job_spec *jobs, size_t n,
			    char (*ids_out)[JOBQ_CLIENT_ID_SIZE])
{
	return submit_checked(c, "submit_many", jobs, n, 0, ids_out, false, NULL, NULL, NULL);
}

int jobq_client_submit_results(jobq_client *c, const struct jobq_job_spec *jobs, size_t n,
			       unsigned flags, struct jobq_submit_result *results)
{
	return submit_checked(c, "submit_results", jobs, n, flags, NULL, true, results, NULL, NULL);
}

int jobq_client_submit_batch(jobq_client *c, const struct jobq_job_spec *jobs, size_t n,
			     const struct jobq_batch_opts *batch, unsigned flags,
			     struct jobq_submit_result *results, char *batch_id_out)
{
	static const struct jobq_batch_opts none = { 0 };

	/* NULL batch: refused by check_batch as a batch without callbacks */
	return submit_checked(c, "submit_batch", jobs, n, flags, NULL, true, results,
			      batch != NULL ? batch : &none, batch_id_out);
}
