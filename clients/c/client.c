/* libjobq's handle: opening it from URLs or as the CLI is configured, closing it, the lock
 * every call holds, and the per-thread error message (contract in <jobq/jobq.h>). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_internal.h"
#include "jobq/clock.h"
#include "jobq/job.h"
#include "jobq/parse.h"
#include "jobq/store_submit.h"

/* The public codes are the internal ones by number: translation is a check, not a table. */
_Static_assert((int)JOBQ_CLIENT_EINVAL == (int)JOBQ_EINVAL &&
		       (int)JOBQ_CLIENT_ENOTFOUND == (int)JOBQ_ENOTFOUND &&
		       (int)JOBQ_CLIENT_ETIMEDOUT == (int)JOBQ_ETIMEDOUT &&
		       (int)JOBQ_CLIENT_EBROKER == (int)JOBQ_EBROKER &&
		       (int)JOBQ_CLIENT_EDB == (int)JOBQ_EDB &&
		       (int)JOBQ_CLIENT_ENOMEM == (int)JOBQ_ENOMEM &&
		       (int)JOBQ_CLIENT_ESYS == (int)JOBQ_ESYS &&
		       (int)JOBQ_CLIENT_EAGAIN == (int)JOBQ_EAGAIN &&
		       (int)JOBQ_CLIENT_EINTERNAL == (int)JOBQ_EINTERNAL,
	       "public and internal status codes differ");
_Static_assert((int)JOBQ_JOB_SCHEDULED == (int)JOBQ_SCHEDULED &&
		       (int)JOBQ_JOB_QUEUED == (int)JOBQ_QUEUED &&
		       (int)JOBQ_JOB_RUNNING == (int)JOBQ_RUNNING &&
		       (int)JOBQ_JOB_SUCCEEDED == (int)JOBQ_SUCCEEDED &&
		       (int)JOBQ_JOB_FAILED == (int)JOBQ_FAILED &&
		       (int)JOBQ_JOB_CANCELLED == (int)JOBQ_CANCELLED &&
		       (int)JOBQ_JOB_WAITING == (int)JOBQ_WAITING,
	       "public and internal job states differ");

/* The message of the calling thread's last call with a NULL handle (there is no handle to
 * keep it in), and the copy of a handle's message that jobq_client_errmsg returns. */
static _Thread_local char null_msg[JOBQ_CLIENT_ERRMSG_SIZE];
static _Thread_local char msg_copy[JOBQ_CLIENT_ERRMSG_SIZE];

int client_code_of(int code)
{
	switch (code) {
	case JOBQ_OK:
	case JOBQ_CLIENT_RELAYED:
	case JOBQ_EINVAL:
	case JOBQ_ENOTFOUND:
	case JOBQ_ETIMEDOUT:
	case JOBQ_EBROKER:
	case JOBQ_EDB:
	case JOBQ_ENOMEM:
	case JOBQ_ESYS:
	case JOBQ_EAGAIN:
		return code;
	default:
		return JOBQ_CLIENT_EINTERNAL;
	}
}

bool client_enter(jobq_client *c)
{
	if (c == NULL) {
		snprintf(null_msg, sizeof(null_msg), "no client handle (NULL)");
		return false;
	}
	/* An error-checking lock: a call from inside a jobq_client_wait_many callback on the
	 * same handle (its thread holds the lock) is refused, not a deadlock. */
	if (pthread_mutex_lock(&c->lock) != 0) {
		pthread_mutex_lock(&c->msg_lock);
		snprintf(c->msg, sizeof(c->msg),
			 "a call on the handle from inside one of its own calls (a wait's "
			 "callback)");
		pthread_mutex_unlock(&c->msg_lock);
		return false;
	}
	return true;
}

int client_leave_warn(jobq_client *c, int code, const struct jobq_err *err, const char *warning)
{
	client_confirms(c, 0);
	pthread_mutex_lock(&c->msg_lock);
	snprintf(c->msg, sizeof(c->msg), "%s",
		 code != 0 && err != NULL ? err->msg
		 : warning != NULL        ? warning
					  : "");
	pthread_mutex_unlock(&c->msg_lock);
	c->last_call_ms = jobq_monotonic_ms();
	pthread_mutex_unlock(&c->lock);
	return client_code_of(code);
}

int client_leave(jobq_client *c, int code, const struct jobq_err *err)
{
	return client_leave_warn(c, code, err, NULL);
}

int client_new(struct jobq_config *cfg, jobq_client **out, struct jobq_err *err)
{
	jobq_client *c = calloc(1, sizeof(*c));
	pthread_mutexattr_t attr;

	*out = NULL;
	if (c == NULL) {
		jobq_config_free(cfg);
		return jobq_err_set(err, JOBQ_ENOMEM, "open: out of memory");
	}
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&c->lock, &attr);
	pthread_mutexattr_destroy(&attr);
	pthread_mutex_init(&c->msg_lock, NULL);
	c->cfg = *cfg;
	memset(cfg, 0, sizeof(*cfg));
	jobq_broker_opts_from_config(&c->bopts, &c->cfg, "libjobq");
	*out = c;
	return 0;
}

int client_store(jobq_client *c, struct jobq_err *err)
{
	int r;

	if (jobq_store_fresh(c->store, jobq_monotonic_ms() - c->last_call_ms))
		return 0;
	/* A new session: no LISTEN, no prepared statement (prepared again as they run), a
	 * cold start for its first insert. */
	c->listening = false;
	c->warm = false;
	if (c->store == NULL)
		r = jobq_store_connect(c->cfg.database_url, "libjobq", &c->store, err);
	else
		r = jobq_store_reconnect(c->store, err);
	/* The session runs the same few statements for as long as the handle lives: each is
	 * planned once, when it is prepared, rather than at every call (PostgreSQL's default
	 * plans the first five calls, and every call while a custom plan looks cheaper; the
	 * submit's took a millisecond and a half). */
	if (r == 0)
		r = jobq_store_send_unchecked(c->store, "SET plan_cache_mode = force_generic_plan",
					      0, NULL, err);
	/* Sent ahead of the next statement, which reads its result; and a session just
	 * opened needs no check that it is alive before that one. */
	if (r == 0)
		c->last_call_ms = jobq_monotonic_ms();
	return r;
}

int client_broker(jobq_client *c, struct jobq_err *err)
{
	return client_broker_with(c, &c->bopts, err);
}

int client_broker_with(jobq_client *c, const struct jobq_broker_opts *opts, struct jobq_err *err)
{
	struct jobq_err ignored;

	/* An idle connection hears nothing of its heartbeats until it is called: read what
	 * came meanwhile, so that one the broker closed is replaced now rather than failing
	 * the publish. */
	if (c->broker != NULL && jobq_broker_ok(c->broker) &&
	    (c->inflight.n > 0 ? jobq_broker_collect_jobs(c->broker, &c->inflight, 0, &ignored) < 0
			       : jobq_broker_service(c->broker, &ignored) != 0))
		jobq_broker_set_broken(c->broker);
	if (c->broker == NULL || !jobq_broker_ok(c->broker))
		jobq_broker_inflight_clear(&c->inflight);
	return jobq_broker_ensure(&c->broker, opts, err);
}

void client_confirms(jobq_client *c, int timeout_ms)
{
	struct jobq_err ignored;
	const char **ids;
	size_t nids = 0;
	int k;

	if (c->inflight.n == 0)
		return;
	if (c->broker == NULL || !jobq_broker_ok(c->broker)) {
		jobq_broker_inflight_clear(&c->inflight);
		return;
	}
	if ((k = jobq_broker_collect_jobs(c->broker, &c->inflight, timeout_ms, &ignored)) < 0) {
		jobq_broker_set_broken(c->broker);
		return;
	}
	if (k == 0)
		return;
	/* Without memory for the list the jobs stay unmarked: the relay publishes them once
	 * more, which is harmless (the claim is conditional). */
	if ((ids = malloc((size_t)k * sizeof(*ids))) != NULL) {
		for (size_t i = 0; i < (size_t)k; i++)
			if (jobq_broker_inflight_acked(&c->inflight, i))
				ids[nids++] = c->inflight.envs[i].job_id;
		if (nids > 0 && c->store != NULL)
			jobq_ignore(
				jobq_store_cli_mark_published_async(c->store, ids, nids, &ignored));
		free(ids);
	}
	jobq_broker_inflight_drop(&c->inflight, (size_t)k);
}

int client_job_id(const char *id, char out[JOBQ_CLIENT_ID_SIZE], struct jobq_err *err)
{
	if (id == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "missing job id (NULL)");
	return jobq_parse_uuid(id, out, err);
}

/* Open a handle for cfg (taken over) and connect it: the database must answer; the broker,
 * when `broker` says so, is tried too, and one that does not answer is left to the first
 * submit. */
static int open_cfg(struct jobq_config *cfg, bool broker, jobq_client **out,
		    struct jobq_client_error *perr)
{
	struct jobq_err err = { 0 };
	jobq_client *c = NULL;
	int r;

	if (out == NULL) {
		jobq_config_free(cfg);
		r = jobq_err_set(&err, JOBQ_EINVAL, "open: no place for the handle (out is NULL)");
		goto out;
	}
	*out = NULL;
	if ((r = client_new(cfg, &c, &err)) != 0 || (r = client_store(c, &err)) != 0)
		goto out;
	if (broker && (r = jobq_broker_connect(&c->bopts, &c->broker, &err)) == JOBQ_EINVAL)
		goto out;
	r = 0;
	*out = c;
	c = NULL;
out:
	jobq_client_close(c);
	if (perr != NULL) {
		perr->code = client_code_of(r);
		snprintf(perr->message, sizeof(perr->message), "%s", r != 0 ? err.msg : "");
	}
	return client_code_of(r);
}

int jobq_client_open(const char *database_url, const char *amqp_url, jobq_client **out,
		     struct jobq_client_error *err)
{
	struct jobq_config cfg;
	struct jobq_err e = { 0 };
	int r;

	if ((r = jobq_config_defaults(&cfg, &e)) != 0 ||
	    (database_url != NULL && database_url[0] != '\0' &&
	     (r = jobq_config_set_str(&cfg.database_url, database_url, &e)) != 0) ||
	    (amqp_url != NULL && amqp_url[0] != '\0' &&
	     (r = jobq_config_set_str(&cfg.amqp_url, amqp_url, &e)) != 0)) {
		jobq_config_free(&cfg);
		if (out != NULL)
			*out = NULL;
		if (err != NULL) {
			err->code = client_code_of(r);
			snprintf(err->message, sizeof(err->message), "%s", e.msg);
		}
		return client_code_of(r);
	}
	return open_cfg(&cfg, true, out, err);
}

/* Load the configuration (config_path, else as the CLI finds it) and open a handle. */
static int open_loaded(const char *config_path, bool broker, jobq_client **out,
		       struct jobq_client_error *err)
{
	struct jobq_config cfg;
	struct jobq_err e = { 0 };
	int r;

	if ((r = jobq_config_load(&cfg, config_path, &e)) != 0) {
		if (out != NULL)
			*out = NULL;
		if (err != NULL) {
			err->code = client_code_of(r);
			snprintf(err->message, sizeof(err->message), "configuration: %.490s",
				 e.msg);
		}
		return client_code_of(r);
	}
	return open_cfg(&cfg, broker, out, err);
}

int jobq_client_open_env(jobq_client **out, struct jobq_client_error *err)
{
	return open_loaded(NULL, true, out, err);
}

int jobq_client_open_config(const char *config_path, jobq_client **out,
			    struct jobq_client_error *err)
{
	return open_loaded(config_path, false, out, err);
}

void jobq_client_close(jobq_client *c)
{
	if (c == NULL)
		return;
	/* From inside a wait's callback (this thread holds the lock): refused, the handle is
	 * in use. Otherwise no call is running (the contract), and the lock is free. */
	if (pthread_mutex_lock(&c->lock) != 0)
		return;
	pthread_mutex_unlock(&c->lock);
	/* The mark is sent before the session ends, and PostgreSQL runs it before it reads
	 * the goodbye that follows it. */
	client_confirms(c, CLIENT_CLOSE_SETTLE_MS);
	jobq_broker_inflight_free(&c->inflight);
	jobq_broker_free(c->broker);
	jobq_store_free(c->store);
	jobq_config_free(&c->cfg);
	pthread_mutex_destroy(&c->lock);
	pthread_mutex_destroy(&c->msg_lock);
	free(c);
}

const char *jobq_client_errmsg(const jobq_client *c)
{
	/* The mutex is the handle's own (malloc'd, never const): locking it changes nothing
	 * a caller can see. */
	pthread_mutex_t *m = c != NULL ? (pthread_mutex_t *)&c->msg_lock : NULL;

	if (c == NULL)
		return null_msg;
	pthread_mutex_lock(m);
	memcpy(msg_copy, c->msg, sizeof(msg_copy));
	pthread_mutex_unlock(m);
	return msg_copy;
}

const char *jobq_job_state_name(enum jobq_job_state state)
{
	return jobq_status_name((enum jobq_status)state);
}

const char *jobq_client_code_name(int code)
{
	switch (code) {
	case JOBQ_CLIENT_OK:
		return "ok";
	case JOBQ_CLIENT_RELAYED:
		return "saved, left to the relay";
	default:
		return jobq_err_name(client_code_of(code));
	}
}

int jobq_client_broker_node(jobq_client *c, char *node, size_t node_size, char *skipped,
			    size_t skipped_size)
{
	if (node != NULL && node_size > 0)
		node[0] = '\0';
	if (skipped != NULL && skipped_size > 0)
		skipped[0] = '\0';
	if (c == NULL)
		return JOBQ_CLIENT_EINVAL;
	/* Not a call that sets the handle's message: the last one's stays readable. */
	if (pthread_mutex_lock(&c->lock) != 0) /* from inside a wait's callback */
		return JOBQ_CLIENT_EINVAL;
	if (node != NULL && node_size > 0 && c->broker != NULL)
		snprintf(node, node_size, "%s", jobq_broker_node(c->broker));
	if (skipped != NULL && skipped_size > 0)
		snprintf(skipped, skipped_size, "%s", c->skipped);
	pthread_mutex_unlock(&c->lock);
	return JOBQ_CLIENT_OK;
}

const char *jobq_client_version(void)
{
	return JOBQ_VERSION;
}

void jobq_job_info_free(struct jobq_job_info *info)
{
	if (info == NULL)
		return;
	char **strs[] = { &info->result,       &info->error,    &info->cancel_reason,
			  &info->type,         &info->queue,    &info->worker,
			  &info->state_reason, &info->key,      &info->progress,
			  &info->payload,      &info->metadata, &info->concurrency_key };

	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
		free(*strs[i]);
		*strs[i] = NULL;
	}
}
