/* Fuzz target for common/parse.c (jobq_parse_int, jobq_parse_time) and common/url.c
 * (jobq_url_mask). Both parsers are checked against independent reference implementations;
 * the mask must NUL-terminate in any buffer, truncate to a prefix, and never show a
 * password: the input's pieces are assembled into URLs and conninfo strings around a
 * canary password, which must not appear in the output. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "jobq/parse.h"
#include "jobq/url.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool digit_at(const char *p)
{
	return *p >= '0' && *p <= '9';
}

/* ------------------------------------------------------------------ jobq_parse_int */

/* Reference: [-]DIGITS (a sign only when min < 0), the value within [min, max]. */
static bool ref_int(const char *t, int64_t min, int64_t max, int64_t *out)
{
	const char *p = t;
	bool neg = false;
	uint64_t mag = 0;
	int64_t v;
	size_t n;

	if (*p == '-' && min < 0) {
		neg = true;
		p++;
	}
	n = strspn(p, "0123456789");
	if (n == 0 || p[n] != '\0')
		return false;
	p += strspn(p, "0");
	if (strlen(p) > 19)
		return false;
	for (; *p != '\0'; p++)
		mag = mag * 10 + (uint64_t)(*p - '0'); /* 19 digits fit in uint64 */
	if (neg) {
		if (mag > (uint64_t)INT64_MAX + 1)
			return false;
		v = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
	} else {
		if (mag > (uint64_t)INT64_MAX)
			return false;
		v = (int64_t)mag;
	}
	if (v < min || v > max)
		return false;
	*out = v;
	return true;
}

static void check_int(const char *text)
{
	static const struct {
		int64_t min, max;
		const char *what;
	} ranges[] = {
		{ 0, INT64_MAX, NULL },        { INT64_MIN, INT64_MAX, "--n" },
		{ 1, 1000, "--max-attempts" }, { -5, 5, "x" },
		{ INT64_MIN, -1, NULL },
	};
	struct jobq_err err;
	int64_t v, want;
	size_t i;
	int r;

	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
		fuzz_err_poison(&err);
		v = 12345;
		r = jobq_parse_int(text, ranges[i].min, ranges[i].max, ranges[i].what, &v, &err);
		if (ref_int(text, ranges[i].min, ranges[i].max, &want)) {
			FUZZ_CHECK(r == 0);
			FUZZ_CHECK(v == want);
		} else {
			fuzz_check_err(&err, r);
			FUZZ_CHECK(r == JOBQ_EINVAL);
			FUZZ_CHECK(v == 12345);
			if (ranges[i].what != NULL)
				FUZZ_CHECK(strncmp(err.msg, ranges[i].what,
						   strlen(ranges[i].what)) == 0);
		}
	}
}

/* ------------------------------------------------------------------ jobq_parse_time */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Read exactly n digits. */
static bool num(const char **p, int n, int *v)
{
	*v = 0;
	while (n-- > 0) {
		if (!digit_at(*p))
			return false;
		*v = *v * 10 + (**p - '0');
		(*p)++;
	}
	return true;
}

/* Reference: YYYY-MM-DD(T|t| )hh:mm:ss[.frac](Z|z|(+|-)hh:mm), a real calendar date,
 * hh <= 23, mm <= 59, ss <= 60 (a leap second counts into the next minute), offset
 * hours <= 23; milliseconds truncated. */
static bool ref_time(const char *t, int64_t *out)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	const char *p = t;
	int y, mo, d, h, mi, s, oh = 0, om = 0, ms = 0, nfrac = 0, sign = 0, dim;

	if (!num(&p, 4, &y) || *p++ != '-' || !num(&p, 2, &mo) || *p++ != '-' || !num(&p, 2, &d))
		return false;
	if (*p != 'T' && *p != 't' && *p != ' ')
		return false;
	p++;
	if (!num(&p, 2, &h) || *p++ != ':' || !num(&p, 2, &mi) || *p++ != ':' || !num(&p, 2, &s))
		return false;
	if (*p == '.') {
		p++;
		if (!digit_at(p))
			return false;
		for (; digit_at(p); p++, nfrac++)
			if (nfrac < 3)
				ms = ms * 10 + (*p - '0');
		for (; nfrac < 3; nfrac++)
			ms *= 10;
	}
	if (*p == 'Z' || *p == 'z')
		p++;
	else if (*p == '+' || *p == '-') {
		sign = *p++ == '+' ? 1 : -1;
		if (!num(&p, 2, &oh) || *p++ != ':' || !num(&p, 2, &om))
			return false;
	} else
		return false;
	if (*p != '\0' || mo < 1 || mo > 12)
		return false;
	dim = mdays[mo - 1] + (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	if (d < 1 || d > dim || h > 23 || mi > 59 || s > 60 || oh > 23 || om > 59)
		return false;
	*out = (days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
		sign * (oh * 3600 + om * 60)) *
		       1000 +
	       ms;
	return true;
}

static void check_time(const char *text)
{
	struct jobq_err err;
	int64_t v = 12345, want;
	int r;

	fuzz_err_poison(&err);
	r = jobq_parse_time(text, &v, &err);
	if (ref_time(text, &want)) {
		FUZZ_CHECK(r == 0);
		FUZZ_CHECK(v == want);
	} else {
		fuzz_check_err(&err, r);
		FUZZ_CHECK(r == JOBQ_EINVAL);
		FUZZ_CHECK(v == 12345);
	}
}

/* ------------------------------------------------------------------ jobq_url_mask */

#define CANARY "Zq7CANARYx"
#define CANARY2 "Wk3CANARYy"

/* Mask s into a roomy buffer and into every shorter one: NUL-terminated within the
 * buffer, nothing written past it, each result a prefix of the full one. Returns the full
 * result (the caller frees it). */
static char *mask(const char *s)
{
	size_t cap = strlen(s) * 4 + 32, len, n;
	char *full = malloc(cap), *buf = malloc(cap + 1);

	FUZZ_CHECK(full != NULL && buf != NULL);
	FUZZ_CHECK(jobq_url_mask(s, full, cap) == full);
	n = strlen(full);
	FUZZ_CHECK(n < cap - 1);
	for (len = 1; len <= n + 1; len += len < 80 ? 1 : 37) {
		memset(buf, 'X', len + 1);
		jobq_url_mask(s, buf, len);
		FUZZ_CHECK(memchr(buf, '\0', len) != NULL);
		FUZZ_CHECK(buf[len] == 'X');
		FUZZ_CHECK(strncmp(buf, full, strlen(buf)) == 0);
	}
	free(buf);
	return full;
}

static bool has_any(const char *s, const char *chars)
{
	return s[strcspn(s, chars)] != '\0';
}

static bool scheme_valid(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return false;
	for (i = 1; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      digit_at(&s[i]) || s[i] == '+' || s[i] == '.' || s[i] == '-'))
			return false;
	return true;
}

/* Assemble s into out (NUL-terminated, truncating within cap). */
static void cat(char *out, size_t cap, const char *s)
{
	size_t used = strlen(out);

	snprintf(out + used, cap - used, "%s", s);
}

static void must_hide(const char *url, const char *secret)
{
	char *out = mask(url);

	if (strstr(out, secret) != NULL) {
		fprintf(stderr, "fuzz: jobq_url_mask(\"%s\") = \"%s\" shows the password\n", url,
			out);
		FUZZ_CHECK(strstr(out, secret) == NULL);
	}
	free(out);
}

/* The input split at '|' into up to four pieces A|B|C|D (missing ones empty). */
static void check_mask_canaries(const char *text)
{
	char piece[4][256] = { "", "", "", "" }, url[1400];
	const char *p = text, *bar;
	size_t i, n;

	if (strstr(text, "CANARY") != NULL)
		return;
	for (i = 0; i < 4 && p != NULL; i++) {
		bar = i < 3 ? strchr(p, '|') : NULL;
		n = bar != NULL ? (size_t)(bar - p) : strlen(p);
		if (n >= sizeof(piece[i]))
			n = sizeof(piece[i]) - 1;
		memcpy(piece[i], p, n);
		piece[i][n] = '\0';
		p = bar != NULL ? bar + 1 : NULL;
	}

	/* Userinfo: A://B:<password>@D with a valid scheme A and a user B without the
	 * delimiters a user name would have to escape. The password starts and, if C holds
	 * no '@' (which would end the userinfo early), ends with a canary. */
	if (scheme_valid(piece[0]) && !has_any(piece[1], "@/?#")) {
		url[0] = '\0';
		cat(url, sizeof(url), piece[0]);
		cat(url, sizeof(url), "://");
		cat(url, sizeof(url), piece[1]);
		cat(url, sizeof(url), ":" CANARY);
		cat(url, sizeof(url), piece[2]);
		cat(url, sizeof(url), CANARY2 "@");
		cat(url, sizeof(url), piece[3]);
		must_hide(url, CANARY);
		if (strchr(piece[2], '@') == NULL)
			must_hide(url, CANARY2);
	}

	/* Query: A://D?B&password=<canary>C with D free of '?' and '#', B free of '#'. */
	if (scheme_valid(piece[0]) && !has_any(piece[3], "?#") && !has_any(piece[1], "#")) {
		url[0] = '\0';
		cat(url, sizeof(url), piece[0]);
		cat(url, sizeof(url), "://");
		cat(url, sizeof(url), piece[3]);
		cat(url, sizeof(url), "?");
		cat(url, sizeof(url), piece[1]);
		cat(url, sizeof(url), "&password=" CANARY);
		cat(url, sizeof(url), piece[2]);
		must_hide(url, CANARY);
	}

	/* Conninfo: B password=<canary>C D where B has no "://", no quote or backslash (that
	 * would swallow what follows into a value) and does not end in '='. */
	n = strlen(piece[1]);
	while (n > 0 && strchr(" \t\n\r\f\v", piece[1][n - 1]) != NULL)
		n--;
	if (strstr(piece[1], "://") == NULL && !has_any(piece[1], "'\\") &&
	    (n == 0 || piece[1][n - 1] != '=')) {
		url[0] = '\0';
		cat(url, sizeof(url), piece[1]);
		cat(url, sizeof(url), " password=" CANARY);
		cat(url, sizeof(url), piece[2]);
		cat(url, sizeof(url), " ");
		cat(url, sizeof(url), piece[3]);
		must_hide(url, CANARY);
	}
}

static void check_mask(const char *text)
{
	char *out = mask(text);

	/* Text without a password marker comes back unchanged. */
	if (!has_any(text, ":@") && strstr(text, "password") == NULL)
		FUZZ_CHECK(strcmp(out, text) == 0);
	free(out);
	check_mask_canaries(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;

	if (size > 1024)
		return 0;
	text = fuzz_cstr(data, size);
	check_int(text);
	check_time(text);
	check_mask(text);
	free(text);
	return 0;
}
