/* libjobq's calls on existing jobs: cancel (recorded, then broadcast to the workers), read
 * the status, and wait for the end through LISTEN/NOTIFY (contract in <jobq/jobq.h>). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "client_internal.h"
#include "jobq/clock.h"
#include "jobq/store_cancel.h"
#include "jobq/store_wait.h"

/* How long a wait trusts the notification alone before it reads the jobs again. */
#define WAIT_RECHECK_MS 5000
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

/* Tell the workers to stop the running jobs ids[i] with want[i] set, now; best effort (the
 * owner also sees the request at its next heartbeat). Sets results[i].broadcast for those
 * the broker confirmed; false (with warn set) when some were not. */
static bool broadcast(jobq_client *c, const char *const *ids, size_t n, const char *reason,
		      struct jobq_cancel_result *results, struct jobq_err *warn)
{
	char *bodies[JOBQ_BROKER_CONFIRM_WINDOW];
	size_t idx[JOBQ_BROKER_CONFIRM_WINDOW];
	size_t i = 0;
	int r = client_broker(c, warn);

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
				r = jobq_err_set(warn, JOBQ_ENOMEM, "out of memory");
				break;
			}
			idx[k++] = i;
		}
		if (r == 0 && k > 0)
			r = jobq_broker_publish_raws(c->broker, JOBQ_EXCHANGE_CANCEL, "",
						     (const char *const *)bodies, k,
						     CANCEL_BROADCAST_TIMEOUT_MS, warn);
		for (size_t j = 0; j < k; j++) {
			if (r == 0)
				results[idx[j]].broadcast = true;
			free(bodies[j]);
		}
	}
	return r == 0;
}

/* Cancel the n canonical ids; results[i] for ids[i]. A broadcast that failed is not an
 * error: it leaves its message in warn. */
static int cancel_ids(jobq_client *c, const char *const *ids, size_t n, const char *reason,
		      struct jobq_cancel_result *results, struct jobq_err *err,
		      struct jobq_err *warn)
{
	struct jobq_cancel_row *rows;
	struct jobq_err berr = { 0 };
	size_t nrun = 0;
	bool broker_ok;
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
	 * cancel commits, so that the broadcast leaves the moment it does. */
	client_confirms(c, CLIENT_SETTLE_MS);
	broker_ok = client_broker(c, &berr) == 0;
	if ((r = jobq_store_cancel(c->store, ids, n, reason, rows, err)) == 0) {
		for (size_t i = 0; i < n; i++) {
			results[i] = (struct jobq_cancel_result){
				.found = rows[i].found,
				.was = (enum jobq_job_state)rows[i].before,
				.requested = rows[i].requested,
			};
			nrun += rows[i].requested;
		}
		if (nrun > 0 && !(broker_ok && broadcast(c, ids, n, reason, results, &berr)))
			snprintf(warn->msg, sizeof(warn->msg),
				 "warning: the broadcast of %zu stop request(s) failed (%.300s); "
				 "they are recorded, "
				 "and each owner stops its job at its next heartbeat",
				 nrun, berr.msg);
	}
	free(rows);
	return r;
}

int jobq_client_cancel_many(jobq_client *c, const char *const *ids, size_t n, const char *reason,
			    struct jobq_cancel_result *results)
{
	struct jobq_err err = { 0 }, warn = { 0 };
	const char **canon = NULL;
	int r;

	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	if (results == NULL)
		r = jobq_err_set(&err, JOBQ_EINVAL, "cancel: no place for the results (NULL)");
	else if ((r = check_ids(ids, n, &canon, &err)) == 0)
		r = cancel_ids(c, canon, n, reason, results, &err, &warn);
	free(canon);
	return client_leave(c, r, r != 0 ? &err : &warn);
}

int jobq_client_cancel(jobq_client *c, const char *arg, const char *reason,
		       enum jobq_job_state *was)
{
	char id[JOBQ_CLIENT_ID_SIZE];
	const char *ids[1] = { id };
	struct jobq_cancel_result res;
	struct jobq_err err = { 0 }, warn = { 0 };
	int r;

	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	if ((r = client_job_id(arg, id, &err)) == 0 &&
	    (r = cancel_ids(c, ids, 1, reason, &res, &err, &warn)) == 0) {
		if (!res.found)
			r = jobq_err_set(&err, JOBQ_ENOTFOUND, "no job %s", id);
		else if (was != NULL)
			*was = res.was;
	}
	return client_leave(c, r, r != 0 ? &err : &warn);
}

/* ---- status and wait ---- */

/* Read job id (canonical) into *out (zeroed first): `full` with payload and metadata. */
static int read_job(jobq_client *c, const char *id, bool full, struct jobq_job_info *out,
		    struct jobq_err *err)
{
	struct jobq_job_end e;
	int r;

	memset(out, 0, sizeof(*out));
	if ((r = jobq_store_job_end(c->store, id, full, &e, err)) != 0)
		return r;
	/* the strings change hands */
	*out = (struct jobq_job_info){ .state = (enum jobq_job_state)e.status,
				       .attempt = e.attempt,
				       .result = e.result,
				       .error = e.error,
				       .cancel_requested = e.cancel_requested,
				       .cancel_reason = e.cancel_reason,
				       .max_attempts = e.max_attempts,
				       .type = e.type,
				       .queue = e.queue,
				       .worker = e.worker,
				       .state_reason = e.status_reason,
				       .key = e.key,
				       .progress = e.progress,
				       .payload = e.payload,
				       .metadata = e.metadata,
				       .timeout_ms = e.timeout_ms,
				       .stop_ms = e.stop_ms,
				       .read_unix_ms = e.now_ms,
				       .run_after_unix_ms = e.run_after_ms,
				       .created_unix_ms = e.created_ms,
				       .started_unix_ms = e.started_ms,
				       .finished_unix_ms = e.finished_ms,
				       .updated_unix_ms = e.updated_ms,
				       .published_unix_ms = e.published_ms,
				       .heartbeat_unix_ms = e.heartbeat_ms,
				       .lease_expires_unix_ms = e.lease_expires_ms,
				       .cancel_requested_unix_ms = e.cancel_requested_ms };
	return 0;
}

int jobq_client_status(jobq_client *c, const char *arg, struct jobq_job_info *out)
{
	char id[JOBQ_CLIENT_ID_SIZE];
	struct jobq_err err = { 0 };
	int r;

	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	if (out == NULL)
		r = jobq_err_set(&err, JOBQ_EINVAL, "status: no place for the job (out is NULL)");
	else if ((r = client_job_id(arg, id, &err)) == 0 && (r = client_store(c, &err)) == 0) {
		client_confirms(c, 0);
		r = read_job(c, id, true, out, &err);
	}
	return client_leave(c, r, &err);
}

static bool terminal(enum jobq_job_state s)
{
	return s == JOBQ_JOB_SUCCEEDED || s == JOBQ_JOB_FAILED || s == JOBQ_JOB_CANCELLED;
}

/* One wait over n canonical ids: infos[i] holds ids[i]'s last read; done[i] once it was
 * handed to on_end; by_id the indexes sorted by id, to find a notified job's. */
struct waiting {
	jobq_client *c;
	const char *const *ids;
	size_t n, left;
	struct jobq_job_info *infos;
	bool *done;
	size_t *by_id;
	jobq_end_fn on_end;
	void *arg;
};

/* Read ids[i] again; hand it to on_end if it ended. */
static int reread(struct waiting *w, size_t i, struct jobq_err *err)
{
	struct jobq_job_info info;
	int r;

	if (w->done[i])
		return 0;
	if ((r = read_job(w->c, w->ids[i], false, &info, err)) != 0)
		return r;
	jobq_job_info_free(&w->infos[i]);
	w->infos[i] = info;
	if (terminal(info.state)) {
		w->done[i] = true;
		w->left--;
		if (w->on_end != NULL)
			w->on_end(w->arg, i, &w->infos[i]);
	}
	return 0;
}

static int reread_all(struct waiting *w, struct jobq_err *err)
{
	int r = 0;

	for (size_t i = 0; r == 0 && i < w->n; i++)
		r = reread(w, i, err);
	return r;
}

/* qsort has no argument for its comparison: the wait whose by_id it orders, set around
 * the qsort on the calling thread. */
static _Thread_local const struct waiting *sorting;

static int by_id_cmp(const void *a, const void *b)
{
	return strcmp(sorting->ids[*(const size_t *)a], sorting->ids[*(const size_t *)b]);
}

/* Read again the jobs whose id is `id` (a notification's payload). */
static int reread_id(struct waiting *w, const char *id, struct jobq_err *err)
{
	size_t lo = 0, hi = w->n;
	int r = 0;

	while (lo < hi) { /* the first index whose id is >= id */
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(w->ids[w->by_id[mid]], id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; r == 0 && lo < w->n && strcmp(w->ids[w->by_id[lo]], id) == 0; lo++)
		r = reread(w, w->by_id[lo], err);
	return r;
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
	int64_t now = jobq_monotonic_ms();
	/* < 0, or too large to add to the clock without overflow: no deadline */
	int64_t deadline =
		timeout_ms < 0 || timeout_ms > INT64_MAX - now ? INT64_MAX : now + timeout_ms;
	/* A broker connection the handle keeps must hear from it within its heartbeat
	 * timeout, or the broker drops it (and logs the client as lost): waking every half
	 * heartbeat to service it (keep_broker) keeps it, without reading the jobs again. */
	int64_t slice = WAIT_RECHECK_MS, last_all = now;
	bool registered = false;
	int r;

	if (c->broker != NULL && c->bopts.heartbeat_s > 0 && c->bopts.heartbeat_s * 500 < slice)
		slice = c->bopts.heartbeat_s * 500;
	if ((r = client_store(c, err)) != 0)
		return r;
	client_confirms(c, 0);
	/* Every job is read once before any is handed on: an unknown id fails the call first. */
	for (size_t i = 0; i < w->n; i++)
		if ((r = read_job(c, w->ids[i], false, &w->infos[i], err)) != 0)
			return r;
	for (size_t i = 0; i < w->n; i++)
		if (terminal(w->infos[i].state)) {
			w->done[i] = true;
			w->left--;
			if (w->on_end != NULL)
				w->on_end(w->arg, i, &w->infos[i]);
		}
	while (w->left > 0) {
		char woke[JOBQ_ID_BUF] = "";
		int64_t left;

		if ((left = deadline - jobq_monotonic_ms()) <= 0) {
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
		/* Registered after a read that found the jobs unfinished, then read again: an end
		 * after this read notifies us, one before it is seen by the next read. */
		if (!registered) {
			if (!c->listening && (r = jobq_store_listen(c->store, err)) != 0)
				break;
			c->listening = true;
			for (size_t i = 0; r == 0 && i < w->n; i++)
				if (!w->done[i])
					r = jobq_store_add_waiter(c->store, w->ids[i], err);
			registered = true;
			if (r != 0 || (r = reread_all(w, err)) != 0)
				break;
			last_all = jobq_monotonic_ms();
			continue;
		}
		if ((r = jobq_store_wait_notify(c->store, left < slice ? left : slice, woke, err)) <
		    0)
			break;
		keep_broker(c);
		/* A notification names the job that ended: read it alone. One without a name, or
		 * none for WAIT_RECHECK_MS (a safety net for one lost): read them all. */
		if (r > 0 && woke[0] != '\0') {
			r = reread_id(w, woke, err);
		} else if (r > 0 || jobq_monotonic_ms() - last_all >= WAIT_RECHECK_MS) {
			r = reread_all(w, err);
			last_all = jobq_monotonic_ms();
		} else {
			r = 0;
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

/* Wait for the n canonical ids; infos (n entries) receive them. */
static int wait_many(jobq_client *c, const char *const *ids, size_t n, int64_t timeout_ms,
		     jobq_end_fn on_end, void *arg, struct jobq_job_info *infos,
		     struct jobq_err *err)
{
	struct waiting w = {
		.c = c, .ids = ids, .n = n, .left = n, .infos = infos, .on_end = on_end, .arg = arg
	};
	int r;

	w.done = calloc(n, sizeof(*w.done));
	w.by_id = malloc(n * sizeof(*w.by_id));
	if (w.done == NULL || w.by_id == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	} else {
		for (size_t i = 0; i < n; i++)
			w.by_id[i] = i;
		sorting = &w;
		qsort(w.by_id, n, sizeof(*w.by_id), by_id_cmp);
		sorting = NULL;
		r = wait_ids(&w, timeout_ms, err);
	}
	free(w.done);
	free(w.by_id);
	return r;
}

int jobq_client_wait_many(jobq_client *c, const char *const *ids, size_t n, int64_t timeout_ms,
			  jobq_end_fn on_end, void *arg, struct jobq_job_info *infos)
{
	struct jobq_job_info *mine = NULL, *info = infos;
	struct jobq_err err = { 0 };
	const char **canon = NULL;
	int r;

	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	if ((r = check_ids(ids, n, &canon, &err)) == 0) {
		if (info == NULL)
			info = mine = calloc(n, sizeof(*mine));
		else
			memset(info, 0, n * sizeof(*info));
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

	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	memset(info, 0, sizeof(*info));
	if ((r = client_job_id(arg, id, &err)) == 0)
		r = wait_many(c, ids, 1, timeout_ms, NULL, NULL, info, &err);
	jobq_job_info_free(&mine);
	return client_leave(c, r, &err);
}
