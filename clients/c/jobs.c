/* libjobq's calls on existing jobs: cancel (recorded, then broadcast to the workers), read
 * the status, and wait for the end through LISTEN/NOTIFY (contract in <jobq/jobq.h>). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "client_internal.h"
#include "jobq/clock.h"
#include "jobq/store_cancel.h"
#include "jobq/store_wait.h"

/* How long a wait trusts the notification alone before it reads the job again. */
#define WAIT_RECHECK_MS 5000
#define CANCEL_BROADCAST_TIMEOUT_MS 5000

/* Tell the workers to stop a running job now; best effort (the owner also sees the
 * request at its next heartbeat). */
static void broadcast_cancel(jobq_client *c, const char *id, const char *reason)
{
	struct jobq_err ignored;
	json_t *o = json_pack("{s:s, s:s}", "job_id", id, "reason", reason);
	char *body = o != NULL ? json_dumps(o, JSON_COMPACT) : NULL;

	/* The broadcast's confirm is collected on its own, and would hide those of the jobs
	 * still in flight: settle them first. */
	client_confirms(c, CLIENT_SETTLE_MS);
	if (body != NULL && client_broker(c, &ignored) == 0)
		jobq_ignore(jobq_broker_publish_raw(c->broker, JOBQ_EXCHANGE_CANCEL, "", body,
						    strlen(body), CANCEL_BROADCAST_TIMEOUT_MS,
						    &ignored));
	free(body);
	json_decref(o);
}

static int cancel(jobq_client *c, const char *arg, const char *reason, enum jobq_job_state *was,
		  struct jobq_err *err)
{
	char id[JOBQ_CLIENT_ID_SIZE];
	const char *ids[1] = { id };
	struct jobq_cancel_result res;
	int r;

	if ((r = client_job_id(arg, id, err)) != 0)
		return r;
	if (reason == NULL)
		reason = "cancelled by user";
	if (strlen(reason) == 0 || strlen(reason) > 1000)
		return jobq_err_set(err, JOBQ_EINVAL, "reason must be 1 to 1000 characters");
	if ((r = client_store(c, err)) != 0)
		return r;
	client_confirms(c, 0);
	if ((r = jobq_store_cancel(c->store, ids, 1, reason, &res, err)) != 0)
		return r;
	if (!res.found)
		return jobq_err_set(err, JOBQ_ENOTFOUND, "no job %s", id);
	if (res.requested)
		broadcast_cancel(c, id, reason);
	if (was != NULL)
		*was = (enum jobq_job_state)res.before;
	return 0;
}

int jobq_client_cancel(jobq_client *c, const char *id, const char *reason, enum jobq_job_state *was)
{
	struct jobq_err err = { 0 };

	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	return client_leave(c, cancel(c, id, reason, was, &err), &err);
}

/* Read job id (canonical) into *out (zeroed first). */
static int read_job(jobq_client *c, const char *id, struct jobq_job_info *out, struct jobq_err *err)
{
	struct jobq_job_end e;
	int r;

	memset(out, 0, sizeof(*out));
	if ((r = jobq_store_job_end(c->store, id, &e, err)) != 0)
		return r;
	*out = (struct jobq_job_info){ .state = (enum jobq_job_state)e.status,
				       .attempt = e.attempt,
				       .result = e.result,
				       .error = e.error,
				       .cancel_requested = e.cancel_requested,
				       .cancel_reason = e.cancel_reason };
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
		r = read_job(c, id, out, &err);
	}
	return client_leave(c, r, &err);
}

static bool terminal(enum jobq_job_state s)
{
	return s == JOBQ_JOB_SUCCEEDED || s == JOBQ_JOB_FAILED || s == JOBQ_JOB_CANCELLED;
}

/* Wait for job id (canonical) as jobq_client_wait; *out holds the last read. */
static int wait_job(jobq_client *c, const char *id, int64_t timeout_ms, struct jobq_job_info *out,
		    struct jobq_err *err)
{
	int64_t now = jobq_monotonic_ms();
	/* < 0, or too large to add to the clock without overflow: no deadline */
	int64_t deadline =
		timeout_ms < 0 || timeout_ms > INT64_MAX - now ? INT64_MAX : now + timeout_ms;
	bool registered = false;
	int r;

	if ((r = client_store(c, err)) != 0)
		return r;
	client_confirms(c, 0);
	for (;;) {
		int64_t left;

		jobq_job_info_free(out);
		if ((r = read_job(c, id, out, err)) != 0 || terminal(out->state))
			break;
		if ((left = deadline - jobq_monotonic_ms()) <= 0) {
			r = jobq_err_set(err, JOBQ_ETIMEDOUT,
					 "job %s is still %s after %lld ms of waiting", id,
					 jobq_job_state_name(out->state), (long long)timeout_ms);
			break;
		}
		/* Registered after a read that found the job unfinished, then read again: an
		 * end after this read notifies us, one before it is seen by the next read. */
		if (!registered) {
			if (!c->listening && (r = jobq_store_listen(c->store, err)) != 0)
				break;
			c->listening = true;
			if ((r = jobq_store_add_waiter(c->store, id, err)) != 0)
				break;
			registered = true;
			continue;
		}
		if ((r = jobq_store_wait_notify(c->store,
						left < WAIT_RECHECK_MS ? left : WAIT_RECHECK_MS,
						NULL, err)) < 0)
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

int jobq_client_wait(jobq_client *c, const char *arg, int64_t timeout_ms, struct jobq_job_info *out)
{
	char id[JOBQ_CLIENT_ID_SIZE];
	struct jobq_job_info mine = { 0 }, *info = out != NULL ? out : &mine;
	struct jobq_err err = { 0 };
	int r;

	if (!client_enter(c))
		return JOBQ_CLIENT_EINVAL;
	memset(info, 0, sizeof(*info));
	if ((r = client_job_id(arg, id, &err)) == 0)
		r = wait_job(c, id, timeout_ms, info, &err);
	jobq_job_info_free(&mine);
	return client_leave(c, r, &err);
}
