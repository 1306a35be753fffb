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
	HANDLER_RELEASE, /* could not run here (a broken handler, a missing shim): the job goes
			  * back to the queue for any worker, its attempt not counted */
};

/* What a handler leaves behind. Strings are malloc'd and freed by the executor. */
struct handler_result {
	enum handler_status status;
	char *result; /* JSON text, for HANDLER_OK; NULL means null */
	char *error;  /* one line, for failures and releases */
	/* For HANDLER_RETRY, when retry_in is true: run the next attempt after retry_in_ms
	 * (0 .. JOBQ_RETRY_IN_MAX_MS) instead of the backoff. */
	bool retry_in;
	int64_t retry_in_ms;
};

/* The longest retry_in a handler may ask for: 365 days, the longest run_at. */
#define JOBQ_RETRY_IN_MAX_MS (365LL * 24 * 3600 * 1000)
/* The largest progress (JSON text) a handler may report; larger ones are dropped. */
#define JOBQ_PROGRESS_MAX (64 * 1024)

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

/* Report the job's progress: json is one JSON value as text. The latest report wins; the keeper writes it to jobs.progress with its next
 * heartbeat (no statement per report), and a report still pending when the attempt ends is
 * written with its outcome. Returns 0; JOBQ_EINVAL when json is longer than
 * JOBQ_PROGRESS_MAX or not one JSON value (the report is dropped); JOBQ_ENOMEM. Thread-safe. */
int job_progress(struct job_ctx *ctx, const char *json);

typedef void (*handler_fn)(struct job_ctx *ctx, struct handler_result *out);

/* The built-in handler for type, or NULL: noop, echo, sleep, fail. */
handler_fn handler_builtin(const char *type);

#endif
