/* Command handlers from the configuration (docs/design.md §8): run argv (no shell) in its own
 * process group under jobq-exec-shim (shim_spawn.h), which takes the whole group down if the
 * worker dies or the job's fence point passes. */
#ifndef JOBQ_COMMAND_H
#define JOBQ_COMMAND_H

#include "handler.h"
#include "jobq/config.h"

/* Largest stdout kept as the result, and stderr tail kept as the error. */
#define COMMAND_STDOUT_MAX (1024 * 1024)
#define COMMAND_STDERR_TAIL 2048
/* Exit status of a permanent failure (EX_DATAERR). */
#define COMMAND_EXIT_PERMANENT 65

/* Run handler h for the job in ctx: payload on stdin; an allow-listed environment with
 * h->env and JOBQ_JOB_ID, JOBQ_ATTEMPT and JOBQ_TYPE (isolate_child_env), as h->user and
 * h->group when set (an unknown one fails the attempt, retryable); stdout (bounded) becomes
 * the result (kept as JSON when it is JSON, else as a JSON string), the tail of stderr the
 * error. Exit 0 is success, 65 a permanent failure, anything else retryable. A shim that
 * cannot be started (c->shim gone or not executable since the start) releases the job
 * (HANDLER_RELEASE); another failure to start it is retryable. When the job must stop
 * (cancel, lost lease, release, runtime limit) the group gets SIGTERM, then SIGKILL after
 * h->cancel_grace_ms; whatever is left of the group when the command ends is killed. */
void command_run(struct job_ctx *ctx, const struct jobq_handler_config *h,
		 struct handler_result *out);

#endif
