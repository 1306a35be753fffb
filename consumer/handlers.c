/* The built-in handlers (noop, echo, sleep, fail) and the handler API they use. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "handler.h"
#include "jobq/clock.h"

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

/* {"seconds": N}: N may be fractional; a cancel wakes it at once. */
static void sleep_handler(struct job_ctx *ctx, struct handler_result *out)
{
	json_t *p = json_loads(ctx->payload, JSON_DECODE_ANY, NULL);
	json_t *s = json_is_object(p) ? json_object_get(p, "seconds") : NULL;
	double secs = json_is_number(s) ? json_number_value(s) : -1;

	json_decref(p);
	if (secs < 0 || secs > 86400) {
		fail_with(out, HANDLER_PERMANENT,
			  "sleep: payload must be {\"seconds\": N} with 0 <= N <= 86400");
		return;
	}
	if (job_sleep(ctx, (int64_t)(secs * 1000 + 0.5))) {
		out->status = HANDLER_STOPPED;
		return;
	}
	out->status = HANDLER_OK;
}

/* {"message": "...", "permanent": bool}: always fails. */
static void fail_handler(struct job_ctx *ctx, struct handler_result *out)
{
	json_t *p = json_loads(ctx->payload, JSON_DECODE_ANY, NULL);
	json_t *m = json_is_object(p) ? json_object_get(p, "message") : NULL;
	json_t *perm = json_is_object(p) ? json_object_get(p, "permanent") : NULL;

	fail_with(out, json_is_true(perm) ? HANDLER_PERMANENT : HANDLER_RETRY,
		  json_is_string(m) ? json_string_value(m) : "fail handler: failed as asked");
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
