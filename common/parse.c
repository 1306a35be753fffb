/* Strict parsing of integers, UUIDs, queue names and RFC 3339 times from flags, config
 * values and messages: the whole text must match, or it is an error quoting it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jobq/ids.h"
#include "jobq/parse.h"

int jobq_parse_int(const char *text, int64_t min, int64_t max, const char *what, int64_t *out,
		   struct jobq_err *err)
{
	const char *sep = what != NULL ? ": " : "";
	char *end;
	long long v;

	if (what == NULL)
		what = "";
	if (text == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "%s%smissing number", what, sep);
	/* strtoll would skip leading spaces and accept '+'; a sign is only allowed for a
	 * range that includes negative numbers. */
	if (!((text[0] >= '0' && text[0] <= '9') || (text[0] == '-' && min < 0)))
		goto bad;
	errno = 0;
	v = strtoll(text, &end, 10);
	if (end == text || *end != '\0' || errno == ERANGE || v < min || v > max)
		goto bad;
	*out = v;
	return 0;
bad:
	return jobq_err_set(err, JOBQ_EINVAL, "%s%s'%s' is not a whole number from %lld to %lld",
			    what, sep, text, (long long)min, (long long)max);
}

static int hexval(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool jobq_uuid_valid(const char *text)
{
	size_t i;

	if (text == NULL || strlen(text) != 36)
		return false;
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (text[i] != '-')
				return false;
		} else if (!hexval(text[i]))
			return false;
	}
	return true;
}

int jobq_parse_uuid(const char *text, char *out, struct jobq_err *err)
{
	size_t i;

	if (!jobq_uuid_valid(text))
		return jobq_err_set(err, JOBQ_EINVAL, "'%.64s' is not a UUID",
				    text != NULL ? text : "");
	for (i = 0; i < JOBQ_UUID_LEN; i++)
		out[i] = (text[i] >= 'A' && text[i] <= 'F') ? (char)(text[i] - 'A' + 'a') : text[i];
	out[JOBQ_UUID_LEN] = '\0';
	return 0;
}

bool jobq_queue_name_valid(const char *text)
{
	size_t i, n;
	char c;

	if (text == NULL)
		return false;
	n = strlen(text);
	if (n < 1 || n > JOBQ_QUEUE_NAME_MAX)
		return false;
	for (i = 0; i < n; i++) {
		c = text[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '.' || c == '-'))
			return false;
	}
	/* Q.express would name Q's express queue (jobq.Q.express, docs/design.md §5). */
	return !jobq_queue_name_express(text);
}

bool jobq_queue_name_express(const char *text)
{
	size_t n = strlen(text), k = strlen(JOBQ_EXPRESS_SUFFIX);

	return n >= k && strcmp(text + n - k, JOBQ_EXPRESS_SUFFIX) == 0;
}

/* Read exactly n digits at *p into *v and advance; 0 on success, -1 otherwise. */
static int digits(const char **p, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return -1;
		*v = *v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return 0;
}

static int days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

int jobq_parse_time(const char *text, int64_t *out_unix_ms, struct jobq_err *err)
{
	const char *p = text;
	int year, mon, day, hour, min, sec, oh = 0, om = 0, sign = 0, ms = 0, scale = 100;
	struct tm tm;
	time_t t;

	if (text == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "missing time");
	if (digits(&p, 4, &year) < 0 || *p++ != '-' || digits(&p, 2, &mon) < 0 || *p++ != '-' ||
	    digits(&p, 2, &day) < 0)
		goto bad;
	if (*p != 'T' && *p != 't' && *p != ' ')
		goto bad;
	p++;
	if (digits(&p, 2, &hour) < 0 || *p++ != ':' || digits(&p, 2, &min) < 0 || *p++ != ':' ||
	    digits(&p, 2, &sec) < 0)
		goto bad;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			goto bad;
		for (; *p >= '0' && *p <= '9'; p++) {
			ms += (*p - '0') * scale; /* truncate to whole milliseconds */
			scale /= 10;
		}
	}
	if (*p == '\0')
		return jobq_err_set(err, JOBQ_EINVAL,
				    "'%s' has no time zone (add Z or an offset such as +01:00)",
				    text);
	if (*p == 'Z' || *p == 'z')
		p++;
	else if (*p == '+' || *p == '-') {
		sign = *p++ == '+' ? 1 : -1;
		if (digits(&p, 2, &oh) < 0 || *p++ != ':' || digits(&p, 2, &om) < 0)
			goto bad;
	} else
		goto bad;
	if (*p != '\0')
		goto bad;
	/* Second 60 is a leap second (RFC 3339); timegm folds it into the next minute. */
	if (mon < 1 || mon > 12 || day < 1 || day > days_in_month(year, mon) || hour > 23 ||
	    min > 59 || sec > 60 || oh > 23 || om > 59)
		goto bad;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = year - 1900;
	tm.tm_mon = mon - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = sec;
	t = timegm(&tm);
	*out_unix_ms = ((int64_t)t - sign * ((int64_t)oh * 3600 + om * 60)) * 1000 + ms;
	return 0;
bad:
	return jobq_err_set(err, JOBQ_EINVAL,
			    "'%s' is not a time (use RFC 3339, e.g. 2026-11-28T12:00:00Z or "
			    "2026-11-28 12:00:00+01:00)",
			    text);
}
