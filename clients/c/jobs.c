/* libjobq's calls on existing jobs: cancel (recorded, then broadcast to the workers), read
 * the status, and wait for the end through LISTEN/NOTIFY (contract in <jobq/jobq.h>). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "client_internal.h"
#include "jobq/clock.h"
#include "jobq/id_index.h"
#include "jobq/store_cancel.h"
#include "jobq/store_wait.h"

/* How long a wait trusts the notifications alone before it reads the jobs again (plus 1 ms
 * a job), and how long it keeps an idle broker connection open. */
#define WAIT_RECHECK_MS 5000
#define WAIT_KEEP_BROKER_MS 10000
#define CANCEL_BROADCAST_TIMEOUT_MS 5000

/* The n ids checked (1..JOBQ_CLIENT_MAX_BATCH) and canonical: *out (the caller frees it)
 * holds n pointers into one block. 0, JOBQ_EINVAL ("id N: ...") or JOBQ_ENOMEM. */
static int check_ids(const char *const *ids, size_t n, const char ***out, struct jobq_err *err)
{
	const char **p;
	char(*canon)[JOBQ_CLIENT_ID_SIZE];
	int r;

	*out = NULL;
	if (ids == NULL || n == 0 || n > JOBQ_CLIENT_MAX_BATCH)
		return jobq_err_set(err, JOBQ_EINVAL, "%s ids: give 1 to %d",
				    ids == NULL ? "no" : "wrong number of", JOBQ_CLIENT_MAX_BATCH);
	/* one block: the pointers, then the canonical ids they point at */
	if ((p = malloc(n * (sizeof(*p) + sizeof(*canon)))) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	canon = (void *)(p + n);
	for (size_t i = 0; i < n; i++) {
		if ((r = client_job_id(ids[i], canon[i], err)) != 0) {
			char msg[sizeof(err->msg)];

			snprintf(msg, sizeof(msg), "%s", err->msg);
			free(p);
			return jobq_err_set(err, r, "id %zu: %s", i + 1, msg);
		}
		p[i] = canon[i];
	}
	*out = p;
	return 0;
}

/* ---- cancel ---- */

/* Tell the workers to stop the running jobs ids[i] with results[i].requested, now; best
 * effort (the owner also sees the request at its next heartbeat). Sets
 * results[i].broadcast for those the broker confirmed. */
static void broadcast(jobq_client *c, const char *const *ids, size_t n, const char *reason,
		      struct jobq_cancel_result *results, struct jobq_err *err)
{
	char *bodies[JOBQ_BROKER_CONFIRM_WINDOW];
	size_t idx[JOBQ_BROKER_CONFIRM_WINDOW];
	size_t i = 0;
	int r = client_broker(c, err);

	while (r == 0 && i < n) {
		size_t k = 0;

		for (; i < n && k < JOBQ_BROKER_CONFIRM_WINDOW; i++) {
			json_t *o;

			if (!results[i].requested)
				continue;
			o = json_pack("{s:s, s:s}", "job_id", ids[i], "reason", reason);
			bodies[k] = o != NULL ? json_dumps(o, JSON_COMPACT) : NULL;
			json_decref(o);
			if (bodies[k] == NULL) {
				r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
				break;
			}
			idx[k++] = i;
		}
		if (r == 0 && k > 0)
			r = jobq_broker_publish_raws(c->broker, JOBQ_EXCHANGE_CANCEL, "",
						     (const char *const *)bodies, k,
						     CANCEL_BROADCAST_TIMEOUT_MS, err);
		for (size_t j = 0; j < k; j++) {
			if (r == 0)
				results[idx[j]].broadcast = true;
			free(bodies[j]);
		}
	}
}

/* Cancel the n distinct canonical ids; results[i] for ids[i]. A broadcast that failed is
 * not an error: it writes its warning to warn (warn_size bytes). */
static int cancel_ids(jobq_client *c, const char *const *ids, size_t n, const char *reason,
		      struct jobq_cancel_result *results, struct jobq_err *err, char *warn,
		      size_t warn_size)
{
	struct jobq_cancel_row *rows;
	struct jobq_err berr = { 0 };
	size_t nrun = 0, nlost = 0;
	int r;

	if (reason == NULL)
		reason = "cancelled by user";
	if (strlen(reason) == 0 || strlen(reason) > 1000)
		return jobq_err_set(err, JOBQ_EINVAL, "reason must be 1 to 1000 characters");
	if ((r = client_store(c, err)) != 0)
		return r;
	if ((rows = calloc(n, sizeof(*rows))) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	/* A broadcast's confirm is collected on its own, and would hide those of the jobs still
	 * in flight: settle them first. Then have the broker connection ready before the
	 * cancel commits, so that the broadcast leaves the moment it does (a stop in
	 * milliseconds is the point of a broadcast). A broker that cannot be reached is
	 * reported only if some job needs a broadcast. */
	client_confirms(c, CLIENT_SETTLE_MS);
	jobq_ignore(client_broker(c, &berr));
	if ((r = jobq_store_cancel(c->store, ids, n, reason, rows, err)) == 0) {
		for (size_t i = 0; i < n; i++) {
			results[i] = (struct jobq_cancel_result){
				.found = rows[i].found,
				.was = (enum jobq_job_state)rows[i].before,
				.requested = rows[i].requested,
			};
			nrun += rows[i].requested;
		}
		if (nrun > 0 && c->broker != NULL && jobq_broker_ok(c->broker))
			broadcast(c, ids, n, reason, results, &berr);
		for (size_t i = 0; i < n; i++)
			nlost += results[i].requested && !results[i].broadcast;
		if (nlost > 0)
			snprintf(warn, warn_size,
				 "warning: the broadcast of %zu of %zu stop request(s) failed "
				 "(%.300s); they are recorded, and each owner stops its job at its "
				 "next heartbeat",
				 nlost, nrun, berr.msg);
	}
	free(rows);
	return r;
}

/* Cancel the n canonical ids, each distinct one once: results[i] for ids[i] (a repeated
 * id gets its first place's result). */
static int cancel_many(jobq_client *c, const char *const *ids, size_t n, const char *reason,
		       struct jobq_cancel_result *results, struct jobq_err *err, char *warn,
		       size_t warn_size)
{
	struct jobq_id_ref *refs = malloc(n * sizeof(*refs));
	const char **uniq = malloc(n * sizeof(*uniq));
	size_t *slot = malloc(n * sizeof(*slot));
	struct jobq_cancel_result *ures = calloc(n, sizeof(*ures));
	size_t nu = 0;
	int r;

	if (refs == NULL || uniq == NULL || slot == NULL || ures == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
		goto out;
	}
	jobq_id_refs_build(refs, ids, n);
	for (size_t k = 0; k < n; k++) {
		if (k == 0 || strcmp(refs[k].id, refs[k - 1].id) != 0)
			uniq[nu++] = refs[k].id;
		slot[refs[k].idx] = nu - 1;
	}
	if ((r = cancel_ids(c, uniq, nu, reason, ures, err, warn, warn_size)) == 0)
		for (size_t i = 0; i < n; i++)
			results[i] = ures[slot[i]];
out:
	free(refs);
	free(uniq);
	free(slot);
	free(ures);
	return r;
}

int jobq_client_cancel_many(jobq_client *c, const char *const *ids, size_t n, const char *reason,
			    struct jobq_cancel_result *results)
{
	struct jobq_err err = { 0 };
	char warn[JOBQ_CLIENT_ERRMSG_SIZE] = "";
	const char **canon = NULL;
	int r;

	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	if (results == NULL)
		r = jobq_err_set(&err, JOBQ_EINVAL, "cancel: no place for the results (NULL)");
	else if ((r = check_ids(ids, n, &canon, &err)) == 0)
		r = cancel_many(c, canon, n, reason, results, &err, warn, sizeof(warn));
	free(canon);
	return client_leave_warn(c, r, &err, warn);
}

int jobq_client_cancel(jobq_client *c, const char *arg, const char *reason,
		       enum jobq_job_state *was)
{
	char id[JOBQ_CLIENT_ID_SIZE];
	const char *ids[1] = { id };
	struct jobq_cancel_result res;
	struct jobq_err err = { 0 };
	char warn[JOBQ_CLIENT_ERRMSG_SIZE] = "";
	int r;

	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	if ((r = client_job_id(arg, id, &err)) == 0 &&
	    (r = cancel_ids(c, ids, 1, reason, &res, &err, warn, sizeof(warn))) == 0) {
		if (!res.found)
			r = jobq_err_set(&err, JOBQ_ENOTFOUND, "no job %s", id);
		else if (was != NULL)
			*was = res.was;
	}
	return client_leave_warn(c, r, &err, warn);
}

/* ---- status and wait ---- */

/* Move the store's read of a job into *out (its strings change hands; e is left empty). */
static void info_from_end(struct jobq_job_info *out, struct jobq_job_end *e)
{
	*out = (struct jobq_job_info){ .state = (enum jobq_job_state)e->status,
				       .attempt = e->attempt,
				       .result = e->result,
				       .error = e->error,
				       .cancel_requested = e->cancel_requested,
				       .cancel_reason = e->cancel_reason,
				       .max_attempts = e->max_attempts,
				       .priority = e->priority,
				       .concurrency_key = e->concurrency_key,
				       .type = e->type,
				       .queue = e->queue,
				       .worker = e->worker,
				       .state_reason = e->status_reason,
				       .key = e->key,
				       .progress = e->progress,
				       .payload = e->payload,
				       .metadata = e->metadata,
				       .timeout_ms = e->timeout_ms,
				       .stop_ms = e->stop_ms,
				       .read_unix_ms = e->now_ms,
				       .run_after_unix_ms = e->run_after_ms,
				       .created_unix_ms = e->created_ms,
				       .started_unix_ms = e->started_ms,
				       .finished_unix_ms = e->finished_ms,
				       .updated_unix_ms = e->updated_ms,
				       .published_unix_ms = e->published_ms,
				       .heartbeat_unix_ms = e->heartbeat_ms,
				       .lease_expires_unix_ms = e->lease_expires_ms,
				       .cancel_requested_unix_ms = e->cancel_requested_ms };
	memset(e, 0, sizeof(*e));
}

int jobq_client_status(jobq_client *c, const char *arg, struct jobq_job_info *out)
{
	char id[JOBQ_CLIENT_ID_SIZE];
	const char *ids[1] = { id };
	struct jobq_job_end e;
	struct jobq_err err = { 0 };
	int r;

	if (out != NULL) /* zeroed whatever comes, so that the caller may always free it */
		memset(out, 0, sizeof(*out));
	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	if (out == NULL)
		r = jobq_err_set(&err, JOBQ_EINVAL, "status: no place for the job (out is NULL)");
	else if ((r = client_job_id(arg, id, &err)) == 0 && (r = client_store(c, &err)) == 0) {
		client_confirms(c, 0);
		/* A plain read, without a lock: status must not wait behind a transaction that
		 * holds the row, and works for a role that may only read. */
		if ((r = jobq_store_job_ends(c->store, ids, 1, JOBQ_READ_FULL, &e, &err)) == 0) {
			if (e.found)
				info_from_end(out, &e);
			else
				r = jobq_err_set(&err, JOBQ_ENOTFOUND, "no job %s", id);
		}
	}
	return client_leave(c, r, &err);
}

/* One wait over n canonical ids: infos[i] holds ids[i]'s last read; done[i] once it was
 * handed to on_end; refs the ids indexed, to find a notified job's places. */
struct waiting {
	jobq_client *c;
	const char *const *ids;
	size_t n, left;
	struct jobq_job_info *infos;
	bool *done;
	struct jobq_id_ref *refs;
	/* scratch for a read: the places read, their ids, the store's rows */
	size_t *which;
	const char **wids;
	struct jobq_job_end *ends;
	bool first_read; /* the read before any waiting */
	jobq_end_fn on_end;
	void *arg;
};

/* Take the read of place i (the store's row e): keep it, and hand the job to on_end if it
 * ended. */
static void take(struct waiting *w, size_t i, struct jobq_job_end *e)
{
	jobq_job_info_free(&w->infos[i]);
	info_from_end(&w->infos[i], e);
	if (!w->done[i] && jobq_status_terminal((enum jobq_status)w->infos[i].state)) {
		w->done[i] = true;
		w->left--;
		if (w->on_end != NULL)
			w->on_end(w->arg, i, &w->infos[i]);
	}
}

/* Read the places w->which[0..k) (not yet done) in as few statements as may be, and take
 * each. An id that names no job (any more: a prune) is JOBQ_ENOTFOUND. */
static int read_places(struct waiting *w, size_t k, unsigned flags, struct jobq_err *err)
{
	int r;

	if (k == 0)
		return 0;
	for (size_t j = 0; j < k; j++)
		w->wids[j] = w->ids[w->which[j]];
	if ((r = jobq_store_job_ends(w->c->store, w->wids, k, flags, w->ends, err)) != 0)
		return r;
	/* The first read fails on an unknown id before any job is handed on; a job deleted
	 * (pruned) during the wait fails it too, once the others read with it are handed on. */
	for (size_t j = 0; j < k; j++)
		if (!w->ends[j].found && r == 0)
			r = jobq_err_set(err, JOBQ_ENOTFOUND, "no job %s%s", w->wids[j],
					 w->first_read ? "" : " (deleted while waited for)");
	for (size_t j = 0; j < k; j++) {
		if (w->ends[j].found && (r == 0 || !w->first_read))
			take(w, w->which[j], &w->ends[j]);
		jobq_job_end_release(&w->ends[j]);
	}
	return r;
}

/* Read every job not yet done again. */
static int reread_all(struct waiting *w, unsigned flags, struct jobq_err *err)
{
	size_t k = 0;

	for (size_t i = 0; i < w->n; i++)
		if (!w->done[i])
			w->which[k++] = i;
	return read_places(w, k, flags, err);
}

/* Read again the jobs whose id is `id` (a notification's payload), if they are ours. */
static int reread_id(struct waiting *w, const char *id, struct jobq_err *err)
{
	size_t k = 0;

	for (size_t at = jobq_id_refs_find(w->refs, w->n, id);
	     at < w->n && strcasecmp(w->refs[at].id, id) == 0; at++)
		if (!w->done[w->refs[at].idx])
			w->which[k++] = w->refs[at].idx;
	return read_places(w, k, 0, err);
}

/* Read what the handle's broker connection holds (confirms included) and answer its
 * heartbeats; one that fails is marked broken, for the next call to replace. */
static void keep_broker(jobq_client *c)
{
	struct jobq_err ignored;

	client_confirms(c, 0);
	if (c->broker != NULL && jobq_broker_ok(c->broker) && c->inflight.n == 0 &&
	    jobq_broker_service(c->broker, &ignored) != 0)
		jobq_broker_set_broken(c->broker);
}

static int wait_ids(struct waiting *w, int64_t timeout_ms, struct jobq_err *err)
{
	jobq_client *c = w->c;
	int64_t start = jobq_monotonic_ms();
	/* < 0, or too large to add to the clock without overflow: no deadline */
	int64_t deadline =
		timeout_ms < 0 || timeout_ms > INT64_MAX - start ? INT64_MAX : start + timeout_ms;
	/* The safety net's period grows with the jobs a pass reads (1 ms each). */
	int64_t recheck = WAIT_RECHECK_MS + (int64_t)w->n, last_all = start;
	bool registered = false;
	int r, got;

	if ((r = client_store(c, err)) != 0)
		return r;
	client_confirms(c, 0);
	/* Every job is read before any is handed on: an unknown id fails the call first. */
	w->first_read = true;
	r = reread_all(w, 0, err);
	w->first_read = false;
	if (r != 0)
		return r;
	while (w->left > 0) {
		char woke[JOBQ_ID_BUF] = "";
		int64_t now = jobq_monotonic_ms(), left = deadline - now;
		/* sleep no longer than until the next safety-net pass is due */
		int64_t slice = last_all + recheck - now > 0 ? last_all + recheck - now : 0;

		if (left <= 0) {
			size_t first = 0;

			while (w->done[first])
				first++;
			if (w->n == 1)
				r = jobq_err_set(err, JOBQ_ETIMEDOUT,
						 "job %s is still %s after %lld ms of waiting",
						 w->ids[0], jobq_job_state_name(w->infos[0].state),
						 (long long)timeout_ms);
			else
				r = jobq_err_set(
					err, JOBQ_ETIMEDOUT,
					"%zu of %zu jobs still unfinished after %lld ms of "
					"waiting (job %s is %s)",
					w->left, w->n, (long long)timeout_ms, w->ids[first],
					jobq_job_state_name(w->infos[first].state));
			break;
		}
		/* Registered after a read that found the jobs unfinished, then read again under
		 * a share lock: an end after this read notifies us, one before it (its trigger
		 * run, its commit pending) is waited for and seen. */
		if (!registered) {
			size_t k = 0;

			if (!c->listening && (r = jobq_store_listen(c->store, err)) != 0)
				break;
			c->listening = true;
			registered = true;
			for (size_t i = 0; i < w->n; i++)
				if (!w->done[i])
					w->wids[k++] = w->ids[i];
			if ((r = jobq_store_add_waiters(c->store, w->wids, k, err)) != 0 ||
			    (r = reread_all(w, JOBQ_READ_LOCK, err)) != 0)
				break;
			last_all = jobq_monotonic_ms();
			continue;
		}
		/* A broker connection the handle holds must hear from it within its heartbeat
		 * timeout, or the broker drops it: the wait wakes every half heartbeat to answer
		 * it. After WAIT_KEEP_BROKER_MS with nothing in flight it is closed instead (the
		 * next submit opens another), rather than held for as long as the jobs take. */
		if (c->broker != NULL && c->inflight.n == 0 && now - start >= WAIT_KEEP_BROKER_MS) {
			jobq_broker_free(c->broker);
			c->broker = NULL;
		}
		if (c->broker != NULL && c->bopts.heartbeat_s > 0 &&
		    c->bopts.heartbeat_s * 500 < slice)
			slice = c->bopts.heartbeat_s * 500;
		if ((r = jobq_store_wait_notify(c->store, left < slice ? left : slice, woke, err)) <
		    0)
			break;
		keep_broker(c);
		/* A notification names the job that ended: read it alone. One without a name,
		 * or `recheck` since the last full pass (a safety net for a notification lost,
		 * which other jobs' notifications must not put off): read them all. */
		got = r;
		r = got > 0 && woke[0] != '\0' ? reread_id(w, woke, err) : 0;
		if (r == 0 &&
		    ((got > 0 && woke[0] == '\0') || jobq_monotonic_ms() - last_all >= recheck)) {
			r = reread_all(w, 0, err);
			last_all = jobq_monotonic_ms();
		}
		if (r != 0)
			break;
	}
	if (registered && jobq_store_ok(c->store)) {
		struct jobq_err ignored;

		jobq_ignore(jobq_store_drop_waiters(c->store, &ignored));
		/* every waiter's notifications reach a listening session: stop until the next
		 * wait, rather than pile them up while the handle only submits */
		if (jobq_store_unlisten(c->store, &ignored) == 0)
			c->listening = false;
	}
	return r < 0 ? r : 0;
}

/* Wait for the n canonical ids; infos (n entries, zeroed) receive them. */
static int wait_many(jobq_client *c, const char *const *ids, size_t n, int64_t timeout_ms,
		     jobq_end_fn on_end, void *arg, struct jobq_job_info *infos,
		     struct jobq_err *err)
{
	struct waiting w = {
		.c = c, .ids = ids, .n = n, .left = n, .infos = infos, .on_end = on_end, .arg = arg
	};
	int r;

	w.done = calloc(n, sizeof(*w.done));
	w.refs = malloc(n * sizeof(*w.refs));
	w.which = malloc(n * sizeof(*w.which));
	w.wids = malloc(n * sizeof(*w.wids));
	w.ends = calloc(n, sizeof(*w.ends));
	if (w.done == NULL || w.refs == NULL || w.which == NULL || w.wids == NULL ||
	    w.ends == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	} else {
		jobq_id_refs_build(w.refs, ids, n);
		r = wait_ids(&w, timeout_ms, err);
	}
	free(w.done);
	free(w.refs);
	free(w.which);
	free(w.wids);
	free(w.ends);
	return r;
}

int jobq_client_wait_many(jobq_client *c, const char *const *ids, size_t n, int64_t timeout_ms,
			  jobq_end_fn on_end, void *arg, struct jobq_job_info *infos)
{
	struct jobq_job_info *mine = NULL, *info = infos;
	struct jobq_err err = { 0 };
	const char **canon = NULL;
	int r;

	/* zeroed whatever comes (when n is in range), so that the caller may always free it */
	if (infos != NULL && n <= JOBQ_CLIENT_MAX_BATCH)
		memset(infos, 0, n * sizeof(*infos));
	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	if ((r = check_ids(ids, n, &canon, &err)) == 0) {
		if (info == NULL)
			info = mine = calloc(n, sizeof(*mine));
		r = info != NULL ? wait_many(c, canon, n, timeout_ms, on_end, arg, info, &err)
				 : jobq_err_set(&err, JOBQ_ENOMEM, "out of memory");
	}
	for (size_t i = 0; mine != NULL && i < n; i++)
		jobq_job_info_free(&mine[i]);
	free(mine);
	free(canon);
	return client_leave(c, r, &err);
}

int jobq_client_wait(jobq_client *c, const char *arg, int64_t timeout_ms, struct jobq_job_info *out)
{
	char id[JOBQ_CLIENT_ID_SIZE];
	const char *ids[1] = { id };
	struct jobq_job_info mine = { 0 }, *info = out != NULL ? out : &mine;
	struct jobq_err err = { 0 };
	int r;

	memset(info, 0, sizeof(*info));
	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	if ((r = client_job_id(arg, id, &err)) == 0)
		r = wait_many(c, ids, 1, timeout_ms, NULL, NULL, info, &err);
	jobq_job_info_free(&mine);
	return client_leave(c, r, &err);
}
