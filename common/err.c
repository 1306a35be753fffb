/* The error buffer every fallible jobq function fills, status names, and the mapping from
 * status codes to CLI exit statuses (docs/design.md §9). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jobq/err.h"

/* Messages are one line (err.h), but they quote input: a value with a newline, a file name
 * with an escape sequence. Spell control characters out ("\n", "\x1b"), truncating at the
 * buffer's end; tab stays. */
static void one_line(char *msg)
{
	char old[JOBQ_ERR_MSG_MAX], esc[5];
	const unsigned char *p;
	size_t used = 0, n;

	for (p = (const unsigned char *)msg; *p != '\0'; p++)
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			break;
	if (*p == '\0')
		return;
	memcpy(old, msg, sizeof(old));
	for (p = (const unsigned char *)old; *p != '\0'; p++) {
		if (*p == '\n')
			n = (size_t)snprintf(esc, sizeof(esc), "\\n");
		else if (*p == '\r')
			n = (size_t)snprintf(esc, sizeof(esc), "\\r");
		else if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			n = (size_t)snprintf(esc, sizeof(esc), "\\x%02x", *p);
		else {
			esc[0] = (char)*p;
			n = 1;
		}
		if (used + n >= JOBQ_ERR_MSG_MAX)
			break;
		memcpy(msg + used, esc, n);
		used += n;
	}
	msg[used] = '\0';
}

int jobq_err_fill(struct jobq_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (code >= 0)
		code = JOBQ_EINTERNAL;
	if (err == NULL)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	one_line(err->msg);
	return code;
}

int jobq_err_prefix(struct jobq_err *err, const char *fmt, ...)
{
	char old[JOBQ_ERR_MSG_MAX];
	size_t used;
	va_list ap;
	int n;

	if (err == NULL)
		return 0;
	memcpy(old, err->msg, sizeof(old));
	old[sizeof(old) - 1] = '\0';
	va_start(ap, fmt);
	n = vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	used = (size_t)n < sizeof(err->msg) ? (size_t)n : sizeof(err->msg) - 1;
	/* Truncation keeps the start of the message, which names the failure. */
	if (snprintf(err->msg + used, sizeof(err->msg) - used, ": %s", old) < 0)
		err->msg[used] = '\0';
	one_line(err->msg);
	return err->code;
}

void jobq_err_clear(struct jobq_err *err)
{
	if (err == NULL)
		return;
	err->code = JOBQ_OK;
	err->msg[0] = '\0';
}

const char *jobq_err_name(int code)
{
	switch (code) {
	case JOBQ_OK:
		return "success";
	case JOBQ_EINVAL:
		return "invalid input";
	case JOBQ_ENOTFOUND:
		return "not found";
	case JOBQ_ETIMEDOUT:
		return "timed out";
	case JOBQ_EBROKER:
		return "broker error";
	case JOBQ_EDB:
		return "database error";
	case JOBQ_ENOMEM:
		return "out of memory";
	case JOBQ_ESYS:
		return "system error";
	case JOBQ_ECONFLICT:
		return "conflict";
	case JOBQ_ELOST:
		return "lease lost";
	case JOBQ_EAGAIN:
		return "database busy";
	case JOBQ_EINTERNAL:
		return "internal error";
	default:
		return "unknown error";
	}
}

int jobq_err_exit_status(int code)
{
	switch (code) {
	case JOBQ_OK:
		return 0;
	case JOBQ_EINVAL:
		return 2;
	case JOBQ_ENOTFOUND:
		return 3;
	case JOBQ_ETIMEDOUT:
		return 4;
	case JOBQ_EBROKER:
	case JOBQ_EDB:
	case JOBQ_EAGAIN:
		return 5;
	default:
		return 1;
	}
}
