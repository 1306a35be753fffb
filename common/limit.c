/* Concurrency limits' inputs (jobq/limit.h). */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/envelope.h"
#include "jobq/limit.h"
#include "jobq/parse.h"

static bool key_valid(const char *key)
{
	size_t n = key != NULL ? strlen(key) : 0;

	if (n == 0 || n > JOBQ_LIMIT_NAME_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)key[i];

		if (!isalnum(c) && c != '_' && c != '.' && c != ':' && c != '-')
			return false;
	}
	return true;
}

int jobq_check_concurrency_key(const char *key, struct jobq_err *err)
{
	if (!key_valid(key))
		return jobq_err_set(err, JOBQ_EINVAL,
				    "concurrency key '%.80s' is invalid (1-128 characters of "
				    "A-Z a-z 0-9 _ . : -)",
				    key != NULL ? key : "");
	return 0;
}

int jobq_check_limit_scope(const char *scope, struct jobq_err *err)
{
	const char *s = scope != NULL ? scope : "";

	if (strncmp(s, "queue:", 6) == 0 && jobq_queue_name_valid(s + 6))
		return 0;
	if (strncmp(s, "type:", 5) == 0 && jobq_job_type_valid(s + 5))
		return 0;
	if (strncmp(s, "key:", 4) == 0 && key_valid(s + 4))
		return 0;
	return jobq_err_set(err, JOBQ_EINVAL,
			    "scope '%.80s' is invalid (queue:QUEUE, type:TYPE or "
			    "key:CONCURRENCY_KEY)",
			    s);
}

int jobq_parse_max_running(const char *text, int *out, struct jobq_err *err)
{
	const char *t = text != NULL ? text : "";
	char *end;
	long v;

	errno = 0;
	v = isdigit((unsigned char)t[0]) ? strtol(t, &end, 10) : -1;
	if (v < 1 || v > 1000000 || errno != 0 || *end != '\0')
		return jobq_err_set(err, JOBQ_EINVAL,
				    "max running '%.40s' is not a whole number from 1 to 1000000",
				    t);
	*out = (int)v;
	return 0;
}

/* Whether [t, stop) is a plain decimal: digits with at most one dot (a digit on either side
 * of it at least), then optionally e or E, a sign and digits. strtod alone also takes hex
 * (0x10), inf, nan and leading blanks. */
static bool decimal_valid(const char *t, const char *stop)
{
	size_t digits = 0;

	while (t < stop && isdigit((unsigned char)*t)) {
		t++;
		digits++;
	}
	if (t < stop && *t == '.')
		for (t++; t < stop && isdigit((unsigned char)*t); t++)
			digits++;
	if (digits == 0)
		return false;
	if (t < stop && (*t == 'e' || *t == 'E')) {
		t++;
		if (t < stop && (*t == '+' || *t == '-'))
			t++;
		if (t == stop || !isdigit((unsigned char)*t))
			return false;
		while (t < stop && isdigit((unsigned char)*t))
			t++;
	}
	return t == stop;
}

int jobq_parse_rate(const char *text, double *per_s, struct jobq_err *err)
{
	const char *t = text != NULL ? text : "";
	const char *slash = strchr(t, '/');
	char *end = NULL;
	double v = -1;

	errno = 0;
	if (slash != NULL && decimal_valid(t, slash))
		v = strtod(t, &end);
	if (slash == NULL || errno != 0 || end != slash || !(v > 0) ||
	    (strcmp(slash, "/s") != 0 && strcmp(slash, "/m") != 0))
		return jobq_err_set(
			err, JOBQ_EINVAL,
			"rate '%.40s' is invalid (N/s or N/m, N a positive decimal number)", t);
	if (slash[1] == 'm')
		v /= 60.0;
	if (v > 1000000.0)
		return jobq_err_set(err, JOBQ_EINVAL, "rate '%.40s' is over 1000000/s", t);
	/* as the database's jobq_cli_limit_set (migration 0028): a slower rate's wait for its
	 * next token would not fit the relay's millisecond count */
	if (v < 0.0001)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "rate '%.40s' is under 0.0001/s (0.006/m), the slowest rate",
				    t);
	*per_s = v;
	return 0;
}
