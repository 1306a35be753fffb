/* A command handler's control descriptor (docs/handlers.md#the-control-descriptor): the
 * command may write lines of the worker protocol on descriptor 3 (JOBQ_CONTROL_FD) while it
 * runs: progress, log and retry_in, without a job id (the attempt is implied). What it
 * writes there never fails the attempt: a bad line is logged and ignored. */
#ifndef JOBQ_CONSUMER_CONTROL_H
#define JOBQ_CONSUMER_CONTROL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "handler.h"
#include "lines.h"

/* The descriptor number the command finds its control pipe on. */
#define CONTROL_FD 3
/* Longest control line read; a longer one is ignored (with a warning). */
#define CONTROL_LINE_MAX (1024 * 1024)
/* Warnings about bad control lines logged per attempt; later ones are only counted. */
#define CONTROL_WARN_MAX 5
/* Log lines logged per attempt (later ones are only counted), and the longest text kept
 * of each (cut at a character). */
#define CONTROL_LOG_MAX 1000
#define CONTROL_LOG_TEXT_MAX 4096

/* What one attempt's control lines said. */
struct control {
	struct job_ctx *ctx;
	struct lines lines;
	bool retry_in;       /* a retry_in line came: the delay for a retryable failure */
	int64_t retry_in_ms; /* the last one's */
	int warnings;        /* bad lines seen */
	int logs;            /* log lines seen */
};

/* Start reading the control lines of the attempt in ctx. */
void control_init(struct control *k, struct job_ctx *ctx);

/* Act on the bytes p[0..n) the command wrote: each whole line's progress goes to
 * job_progress, a log line to the worker's log (event handler_log, with the job id), a
 * retry_in is kept; a line that is not one of these is logged (at most CONTROL_WARN_MAX a
 * attempt) and ignored. */
void control_feed(struct control *k, const char *p, size_t n);

/* The command closed the descriptor (or ended): a last line without '\n' counts too. Then
 * the counts of bad lines and log lines not logged are logged once, and the buffer is
 * freed. */
void control_end(struct control *k);

#endif
