/* The error buffer every fallible jobq function fills, status names, and the mapping from
 * status codes to CLI exit statuses (design §9). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jobq/err.h"

int
jobq_err_set(struct jobq_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

int
jobq_err_prefix(struct jobq_err *err, const char *fmt, ...)
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
	return err->code;
}

void
jobq_err_clear(struct jobq_err *err)
{
	if (err == NULL)
		return;
	err->code = JOBQ_OK;
	err->msg[0] = '\0';
}

const char *
jobq_err_name(int code)
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
	default:
		return "unknown error";
	}
}

int
jobq_err_exit_status(int code)
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
		return 5;
	default:
		return 1;
	}
}
