/* The built-in handlers (noop, echo, sleep, fail) and the handler API they use. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "handler.h"

bool job_should_stop(struct job_ctx *ctx)
{
	return atomic_load(&ctx->exec->cancel) || atomic_load(&ctx->exec->lost) ||
	       atomic_load(&ctx->exec->release);
}

bool job_sleep(struct job_ctx *ctx, int64_t ms)
{
	struct timespec deadline;
	bool stopped;

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += ms / 1000;
	deadline.tv_nsec += (ms % 1000) * 1000000;
	if (deadline.tv_nsec >= 1000000000) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&ctx->c->exec_mu);
	while (!(stopped = job_should_stop(ctx))) {
		if (pthread_cond_timedwait(&ctx->exec->wake, &ctx->c->exec_mu, &deadline) == ETIMEDOUT)
			break;
	}
	stopped = job_should_stop(ctx);
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
