/* The control lines of a command handler (control.h). */
#include <stdio.h>
#include <string.h>

#include "consumer.h"
#include "control.h"
#include "jobq/log.h"
#include "jobq/utf8.h"
#include "wire.h"

void control_init(struct control *k, struct job_ctx *ctx)
{
	memset(k, 0, sizeof(*k));
	k->ctx = ctx;
	k->lines.max = CONTROL_LINE_MAX;
}

static void warn(struct control *k, const char *what)
{
	if (++k->warnings > CONTROL_WARN_MAX)
		return;
	jobq_warn("control_line_ignored", "worker", k->ctx->c->worker_id, "job", k->ctx->job_id,
		  "type", k->ctx->type, "error", what);
}

static enum jobq_log_level level_of(const char *level)
{
	return strcmp(level, "debug") == 0   ? JOBQ_LOG_DEBUG
	       : strcmp(level, "warn") == 0  ? JOBQ_LOG_WARN
	       : strcmp(level, "error") == 0 ? JOBQ_LOG_ERROR
					     : JOBQ_LOG_INFO;
}

static bool on_line(void *arg, const char *line, size_t len, bool cut)
{
	struct control *k = arg;
	struct job_ctx *ctx = k->ctx;
	struct wire_msg m;
	struct jobq_err err = { 0 };
	char what[JOBQ_ERR_MSG_MAX + 64];

	if (cut) {
		snprintf(what, sizeof(what), "control line longer than %d bytes", CONTROL_LINE_MAX);
		warn(k, what);
		return true;
	}
	if (len == 0)
		return true;
	if (wire_parse(line, len, WIRE_NO_ID, &m, &err) != 0) {
		warn(k, err.msg);
		return true;
	}
	if (m.warning != NULL)
		warn(k, m.warning);
	switch (m.op) {
	case WIRE_PROGRESS:
		if (job_progress(ctx, m.json != NULL ? m.json : "null") != 0)
			warn(k, "progress dropped: not one JSON value of at most 64 KiB");
		break;
	case WIRE_LOG:
		/* A command (maybe of another user) must not flood the worker's log. */
		if (++k->logs > CONTROL_LOG_MAX)
			break;
		if (m.msg != NULL && strlen(m.msg) > CONTROL_LOG_TEXT_MAX)
			m.msg[jobq_utf8_cut_end(m.msg, CONTROL_LOG_TEXT_MAX)] = '\0';
		jobq_log(level_of(m.level), "handler_log", "worker", ctx->c->worker_id, "job",
			 ctx->job_id, "type", ctx->type, "msg", m.msg, (const char *)NULL);
		break;
	case WIRE_RETRY_IN:
		if (m.retry_in_ms >= 0) {
			k->retry_in = true;
			k->retry_in_ms = m.retry_in_ms;
		}
		break;
	default:
		snprintf(what, sizeof(what), "op '%.32s' is not one a command may send",
			 m.op_name != NULL ? m.op_name : "?");
		warn(k, what);
		break;
	}
	wire_msg_free(&m);
	return true;
}

void control_feed(struct control *k, const char *p, size_t n)
{
	(void)lines_feed(&k->lines, p, n, on_line, k);
}

void control_end(struct control *k)
{
	char n[24];

	lines_end(&k->lines, on_line, k);
	lines_free(&k->lines);
	if (k->logs > CONTROL_LOG_MAX)
		jobq_warn("control_logs_dropped", "worker", k->ctx->c->worker_id, "job",
			  k->ctx->job_id, "count", jobq_log_int(n, k->logs - CONTROL_LOG_MAX),
			  "error", "more log lines than an attempt may write");
	if (k->warnings > CONTROL_WARN_MAX)
		jobq_warn("control_lines_ignored", "worker", k->ctx->c->worker_id, "job",
			  k->ctx->job_id, "count", jobq_log_int(n, k->warnings - CONTROL_WARN_MAX),
			  "error", "more bad control lines than were logged");
}
