/* Durations in milliseconds: strict parsing of "250ms", "1.5s", "5m", "1h", "2d" or plain
 * seconds, and formatting back to the shortest exact human form. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "jobq/duration.h"

#define MS_SECOND 1000LL
#define MS_MINUTE (60 * MS_SECOND)
#define MS_HOUR (60 * MS_MINUTE)
#define MS_DAY (24 * MS_HOUR)

static const struct {
	const char *suffix;
	int64_t ms;
} units[] = {
	{ "ms", 1 },      { "s", MS_SECOND }, { "m", MS_MINUTE },
	{ "h", MS_HOUR }, { "d", MS_DAY },    { "", MS_SECOND }, /* no unit: seconds */
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int bad(const char *text, struct jobq_err *err)
{
	return jobq_err_set(
		err, JOBQ_EINVAL,
		"'%s' is not a duration (use e.g. 250ms, 30s, 5m, 1h, 2d or plain seconds)", text);
}

/* round(0.DIGITS * unit), half up, exactly for any number of digits: Horner's rule from the
 * last digit, on twice the value so that the half is an integer step. With t the exact
 * tail value, floor((d * 2u + t) / 10) = floor((d * 2u + floor(t)) / 10), so integer
 * division loses nothing, and acc stays below 2u. */
static int64_t frac_ms(const char *digits, size_t n, int64_t unit)
{
	int64_t acc = 0;

	while (n-- > 0)
		acc = ((digits[n] - '0') * 2 * unit + acc) / 10;
	return (acc + 1) / 2;
}

/* jobq_duration_parse; with clamp, a well-formed value over the limit is the limit. */
static int parse(const char *text, int64_t *out_ms, bool clamp, struct jobq_err *err)
{
	const char *p, *frac = NULL;
	int64_t whole = 0, unit = -1, ms;
	size_t i, nfrac = 0;

	if (text == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "missing duration");
	p = text;
	if (!is_digit(*p))
		return bad(text, err);
	for (; is_digit(*p); p++) {
		/* Any whole part above the largest duration in ms is too large in every unit. */
		if (whole > JOBQ_DURATION_MAX_MS)
			goto toolarge;
		whole = whole * 10 + (*p - '0');
	}
	if (*p == '.') {
		frac = ++p;
		if (!is_digit(*p))
			return bad(text, err);
		for (; is_digit(*p); p++)
			nfrac++;
	}
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(p, units[i].suffix) == 0) {
			unit = units[i].ms;
			break;
		}
	}
	if (unit < 0)
		return bad(text, err);
	if (whole > JOBQ_DURATION_MAX_MS / unit)
		goto toolarge;
	ms = whole * unit + frac_ms(frac, nfrac, unit);
	if (ms > JOBQ_DURATION_MAX_MS)
		goto toolarge;
	*out_ms = ms;
	return 0;
toolarge:
	if (clamp) {
		*out_ms = JOBQ_DURATION_MAX_MS;
		return 0;
	}
	return jobq_err_set(err, JOBQ_EINVAL, "'%s' is too long a duration (at most 365d)", text);
}

int jobq_duration_parse(const char *text, int64_t *out_ms, struct jobq_err *err)
{
	return parse(text, out_ms, false, err);
}

int jobq_duration_parse_clamped(const char *text, int64_t *out_ms, struct jobq_err *err)
{
	return parse(text, out_ms, true, err);
}

char *jobq_duration_format(int64_t ms, char *buf, size_t len)
{
	static const struct {
		char suffix;
		int64_t ms;
	} parts[] = { { 'd', MS_DAY }, { 'h', MS_HOUR }, { 'm', MS_MINUTE } };
	uint64_t v, sec, sub;
	size_t i, used = 0;
	int n;

	if (buf == NULL || len == 0)
		return buf;
	buf[0] = '\0';
#define PUT(...)                                                                                   \
	do {                                                                                       \
		n = snprintf(buf + used, len - used, __VA_ARGS__);                                 \
		if (n < 0 || (size_t)n >= len - used)                                              \
			return buf;                                                                \
		used += (size_t)n;                                                                 \
	} while (0)
	if (ms == 0) {
		PUT("0s");
		return buf;
	}
	if (ms < 0) {
		PUT("-");
		v = (uint64_t)0 - (uint64_t)ms; /* well defined even for INT64_MIN */
	} else
		v = (uint64_t)ms;
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (v >= (uint64_t)parts[i].ms) {
			PUT("%llu%c", (unsigned long long)(v / (uint64_t)parts[i].ms),
			    parts[i].suffix);
			v %= (uint64_t)parts[i].ms;
		}
	}
	sec = v / 1000;
	sub = v % 1000;
	if (sec != 0 && sub != 0) {
		/* "1.5s", "1.25s", "1.005s": drop trailing zeros of the fraction. */
		int digits = 3;

		while (sub % 10 == 0) {
			sub /= 10;
			digits--;
		}
		PUT("%llu.%0*llus", (unsigned long long)sec, digits, (unsigned long long)sub);
	} else if (sec != 0)
		PUT("%llus", (unsigned long long)sec);
	else if (sub != 0)
		PUT("%llums", (unsigned long long)sub);
#undef PUT
	return buf;
}
