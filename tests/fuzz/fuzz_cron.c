/* Fuzz target for jobq_cron_parse and jobq_cron_array (common/cron.c): a parsed expression
 * holds only values of its fields' ranges and at least one in each, can match some date,
 * and reads back the same from its value lists; an error leaves the result zeroed and
 * quotes the text; the arrays fit their buffer and list exactly the set bits. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "jobq/cron.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t range_mask(int lo, int hi)
{
	uint64_t m = 0;

	for (int v = lo; v <= hi; v++)
		m |= 1ULL << v;
	return m;
}

/* The values of bits in [lo, hi] as a cron list ("1,5,7"), or "*" for all of them. */
static void list(uint64_t bits, int lo, int hi, char *out, size_t len)
{
	size_t at = 0;

	if (bits == range_mask(lo, hi)) {
		snprintf(out, len, "*");
		return;
	}
	out[0] = '\0';
	for (int v = lo; v <= hi; v++)
		if (bits >> v & 1)
			at += (size_t)snprintf(out + at, len - at, "%s%d", at ? "," : "", v);
}

/* An array literal reads back as exactly bits. */
static void check_array(uint64_t bits, int lo, int hi)
{
	char buf[JOBQ_CRON_ARRAY_BUF], *p;
	uint64_t seen = 0;
	int prev = -1;

	jobq_cron_array(bits, lo, hi, buf, sizeof(buf));
	FUZZ_CHECK(strlen(buf) < sizeof(buf) - 1);
	FUZZ_CHECK(buf[0] == '{' && buf[strlen(buf) - 1] == '}');
	for (p = buf + 1; *p != '}';) {
		long v = strtol(p, &p, 10);

		FUZZ_CHECK(v >= lo && v <= hi && v > prev);
		seen |= 1ULL << v;
		prev = (int)v;
		if (*p == ',')
			p++;
	}
	FUZZ_CHECK(seen == bits);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jobq_cron c, again, zero;
	struct jobq_err err;
	char *text, back[1024], f[5][200];
	bool some = false;
	int r;

	if (size > 4 * JOBQ_CRON_MAX_TEXT)
		return 0;
	text = fuzz_cstr(data, size);
	memset(&zero, 0, sizeof(zero));
	fuzz_err_poison(&err);
	r = jobq_cron_parse(text, &c, &err);
	if (r != 0) {
		fuzz_check_err(&err, r);
		FUZZ_CHECK(r == JOBQ_EINVAL);
		FUZZ_CHECK(strncmp(err.msg, "cron ", 5) == 0);
		FUZZ_CHECK(memcmp(&c, &zero, sizeof(c)) == 0);
		free(text);
		return 0;
	}
	FUZZ_CHECK(c.minutes != 0 && (c.minutes & ~range_mask(0, 59)) == 0);
	FUZZ_CHECK(c.hours != 0 && (c.hours & ~range_mask(0, 23)) == 0);
	FUZZ_CHECK(c.days != 0 && (c.days & ~range_mask(1, 31)) == 0);
	FUZZ_CHECK(c.months != 0 && (c.months & ~range_mask(1, 12)) == 0);
	FUZZ_CHECK(c.weekdays != 0 && (c.weekdays & ~range_mask(0, 6)) == 0);
	/* Some date matches: a (month, day) that exists, on some weekday (every existing
	 * date falls on each weekday in some year). */
	for (int m = 1; m <= 12; m++)
		for (int d = 1; d <= 31; d++)
			for (int w = 0; w < 7; w++)
				if (!(m == 2 && d > 29) &&
				    !((m == 4 || m == 6 || m == 9 || m == 11) && d > 30))
					some = some ||
					       jobq_cron_matches(&c, __builtin_ctzll(c.minutes),
								 __builtin_ctz(c.hours), d, m, w);
	FUZZ_CHECK(some);
	check_array(c.minutes, 0, 59);
	check_array(c.hours, 0, 23);
	check_array(c.days, 1, 31);
	check_array(c.months, 1, 12);
	check_array(c.weekdays, 0, 6);
	/* The value lists read back the same; a day field that began with '*' without being
	 * every day cannot be written as a list, and is left out of the comparison. */
	list(c.minutes, 0, 59, f[0], sizeof(f[0]));
	list(c.hours, 0, 23, f[1], sizeof(f[1]));
	list(c.days, 1, 31, f[2], sizeof(f[2]));
	list(c.months, 1, 12, f[3], sizeof(f[3]));
	list(c.weekdays, 0, 6, f[4], sizeof(f[4]));
	if ((c.days_any == (strcmp(f[2], "*") == 0)) &&
	    (c.weekdays_any == (strcmp(f[4], "*") == 0))) {
		snprintf(back, sizeof(back), "%s %s %s %s %s", f[0], f[1], f[2], f[3], f[4]);
		fuzz_err_poison(&err);
		r = jobq_cron_parse(back, &again, &err);
		if (r != 0)
			fuzz_check_err(&err, r);
		FUZZ_CHECK(r == 0 || strlen(back) > JOBQ_CRON_MAX_TEXT);
		if (r == 0)
			FUZZ_CHECK(memcmp(&c, &again, sizeof(c)) == 0);
	}
	free(text);
	return 0;
}
