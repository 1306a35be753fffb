/* The handler API: what a job's code sees while it runs (cancel checks, an interruptible
 * wait), and the table of built-in handlers. */
#ifndef JOBQ_HANDLER_H
#define JOBQ_HANDLER_H

#include <stdbool.h>
#include <stdint.h>

#include "consumer.h"

enum handler_status {
	HANDLER_OK,        /* result is the job's result (JSON text) */
	HANDLER_RETRY,     /* failed; retried while attempts remain */
	HANDLER_PERMANENT, /* failed; never retried */
	HANDLER_STOPPED, /* stopped at a checkpoint because of a cancel, a lost lease or a release */
};

/* What a handler leaves behind. Strings are malloc'd and freed by the executor. */
struct handler_result {
	enum handler_status status;
	char *result; /* JSON text, for HANDLER_OK; NULL means null */
	char *error;  /* one line, for failures */
};

/* The running job as its handler sees it. */
struct job_ctx {
	struct consumer *c;
	struct execution *exec;
	const char *job_id;
	const char *type;
	int attempt;
	int max_attempts;
	const char *payload; /* JSON text */
};

/* True once the job should stop: cancel requested, lease lost or released at shutdown.
 * Handlers call this at their checkpoints. */
bool job_should_stop(struct job_ctx *ctx);

/* Sleep up to ms, returning early (true) as soon as the job should stop; false after the
 * full time. No polling delay: the flags' setter signals the execution's condition. */
bool job_sleep(struct job_ctx *ctx, int64_t ms);

typedef void (*handler_fn)(struct job_ctx *ctx, struct handler_result *out);

/* The built-in handler for type, or NULL: noop, echo, sleep, fail. */
handler_fn handler_builtin(const char *type);

#endif
