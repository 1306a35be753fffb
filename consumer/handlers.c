/* The built-in handlers (noop, echo, sleep, fail) and the handler API they use. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "handler.h"
#include "jobq/clock.h"
#include "jobq/err.h"

/* Caller holds exec_mu. Marks the runtime limit as passed when it has. */
static bool stopped_locked(struct execution *e)
{
	if (e->deadline_ms != 0 && !atomic_load(&e->timed_out) &&
	    jobq_monotonic_ms() >= e->deadline_ms)
		execution_stop(e, STOP_TIMEOUT);
	return atomic_load(&e->cancel) || atomic_load(&e->lost) || atomic_load(&e->release) ||
	       atomic_load(&e->timed_out);
}

bool job_should_stop(struct job_ctx *ctx)
{
	bool stopped;

	pthread_mutex_lock(&ctx->c->exec_mu);
	stopped = stopped_locked(ctx->exec);
	pthread_mutex_unlock(&ctx->c->exec_mu);
	return stopped;
}

bool job_sleep(struct job_ctx *ctx, int64_t ms)
{
	struct execution *e = ctx->exec;
	int64_t until = jobq_monotonic_ms() + ms;
	bool stopped;

	/* Wake at the runtime limit too, so that a timeout stops a sleeping job on time. */
	if (e->deadline_ms != 0 && e->deadline_ms < until)
		until = e->deadline_ms;
	pthread_mutex_lock(&ctx->c->exec_mu);
	while (!(stopped = stopped_locked(e))) {
		struct timespec ts = { .tv_sec = until / 1000,
				       .tv_nsec = (until % 1000) * 1000000 };

		if (jobq_monotonic_ms() >= until ||
		    pthread_cond_timedwait(&e->wake, &ctx->c->exec_mu, &ts) == ETIMEDOUT) {
			stopped = stopped_locked(e);
			break;
		}
	}
	pthread_mutex_unlock(&ctx->c->exec_mu);
	return stopped;
}

int job_progress(struct job_ctx *ctx, const char *json)
{
	struct consumer *c = ctx->c;
	json_t *v;
	char *copy;

	if (strlen(json) > JOBQ_PROGRESS_MAX)
		return JOBQ_EINVAL;
	/* Parsed and written again: what reaches jsonb is then one value, valid UTF-8, with no
	 * NUL and no lone surrogate (jsonb refuses both, and a refused progress would cost
	 * the heartbeat that carries it). */
	if ((v = json_loads(json, JSON_DECODE_ANY, NULL)) == NULL)
		return JOBQ_EINVAL;
	copy = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	json_decref(v);
	if (copy == NULL)
		return JOBQ_ENOMEM;
	pthread_mutex_lock(&c->exec_mu);
	free(ctx->exec->progress);
	ctx->exec->progress = copy;
	ctx->exec->progress_seq++;
	pthread_mutex_unlock(&c->exec_mu);
	atomic_store(&c->progress_pending, true);
	return 0;
}

static void fail_with(struct handler_result *out, enum handler_status st, const char *msg)
{
	out->status = st;
	out->error = strdup(msg);
}

static void noop(struct job_ctx *ctx, struct handler_result *out)
{
	(void)ctx;
	out->status = HANDLER_OK;
}

static void echo(struct job_ctx *ctx, struct handler_result *out)
{
	out->status = HANDLER_OK;
	out->result = strdup(ctx->payload);
}

/* {"seconds": N, "progress": bool}: N may be fractional; a cancel wakes it at once. With
 * "progress": true it reports {"slept": S, "of": N} after each whole second (off by
 * default: each report brings a heartbeat forward). */
static void sleep_handler(struct job_ctx *ctx, struct handler_result *out)
{
	json_t *p = json_loads(ctx->payload, JSON_DECODE_ANY, NULL);
	json_t *s = json_is_object(p) ? json_object_get(p, "seconds") : NULL;
	bool report = json_is_object(p) && json_is_true(json_object_get(p, "progress"));
	double secs = json_is_number(s) ? json_number_value(s) : -1;
	int64_t total, done = 0;

	json_decref(p);
	if (secs < 0 || secs > 86400) {
		fail_with(out, HANDLER_PERMANENT,
			  "sleep: payload must be {\"seconds\": N} with 0 <= N <= 86400");
		return;
	}
	total = (int64_t)(secs * 1000 + 0.5);
	while (done < total) {
		int64_t step = !report ? total - done : total - done < 1000 ? total - done : 1000;
		char prog[96];

		if (job_sleep(ctx, step)) {
			out->status = HANDLER_STOPPED;
			return;
		}
		done += step;
		if (report && done < total) {
			snprintf(prog, sizeof(prog), "{\"slept\": %lld, \"of\": %g}",
				 (long long)(done / 1000), secs);
			job_progress(ctx, prog);
		}
	}
	out->status = HANDLER_OK;
}

/* {"message": "...", "permanent": bool, "retry_in": seconds}: always fails; retry_in
 * (0 .. 365 days, may be fractional) asks for the next attempt after that delay. */
static void fail_handler(struct job_ctx *ctx, struct handler_result *out)
{
	json_t *p = json_loads(ctx->payload, JSON_DECODE_ANY, NULL);
	json_t *m = json_is_object(p) ? json_object_get(p, "message") : NULL;
	json_t *perm = json_is_object(p) ? json_object_get(p, "permanent") : NULL;
	json_t *in = json_is_object(p) ? json_object_get(p, "retry_in") : NULL;
	double secs = json_is_number(in) ? json_number_value(in) : -1;

	if (in != NULL && (secs < 0 || secs * 1000 > (double)JOBQ_RETRY_IN_MAX_MS)) {
		fail_with(out, HANDLER_PERMANENT,
			  "fail: payload's retry_in must be a number of seconds, 0 to 365 days");
		json_decref(p);
		return;
	}
	fail_with(out, json_is_true(perm) ? HANDLER_PERMANENT : HANDLER_RETRY,
		  json_is_string(m) ? json_string_value(m) : "fail handler: failed as asked");
	if (in != NULL) {
		out->retry_in = true;
		out->retry_in_ms = (int64_t)(secs * 1000 + 0.5);
	}
	json_decref(p);
}

handler_fn handler_builtin(const char *type)
{
	static const struct {
		const char *type;
		handler_fn fn;
	} table[] = {
		{ "noop", noop },
		{ "echo", echo },
		{ "sleep", sleep_handler },
		{ "fail", fail_handler },
	};

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (strcmp(table[i].type, type) == 0)
			return table[i].fn;
	return NULL;
}
