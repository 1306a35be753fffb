/* Fuzz target for jobq_duration_parse and jobq_duration_format (common/duration.c): the
 * parser agrees with an exact reference (decimal digits times the unit, rounded half up),
 * results stay in [0, JOBQ_DURATION_MAX_MS], and formatting is NUL-terminated, truncates to
 * a prefix, and reads back (component by component) as the same number of milliseconds. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "jobq/duration.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FORMAT_MAX 64

static const struct {
	const char *suffix;
	int64_t ms;
} units[] = { { "", 1000 },   { "ms", 1 },      { "s", 1000 },
	      { "m", 60000 }, { "h", 3600000 }, { "d", 86400000 } };

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reference parser: DIGITS [. DIGITS] [ms|s|m|h|d], value = exactly (W.F) * unit in ms,
 * rounded half up, by long multiplication of the digit string. Returns 1 with *out set,
 * 0 for text that is not a duration, -1 for one over the maximum. */
static int ref_parse(const char *t, int64_t *out)
{
	size_t nw, nf = 0, n, i, top;
	const char *p = t, *f = NULL;
	int64_t unit = -1, v = 0;
	uint8_t *prod;
	uint64_t carry = 0;

	for (nw = 0; digit(p[nw]); nw++)
		;
	if (nw == 0)
		return 0;
	p += nw;
	if (*p == '.') {
		f = p + 1;
		for (nf = 0; digit(f[nf]); nf++)
			;
		if (nf == 0)
			return 0;
		p = f + nf;
	}
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(p, units[i].suffix) == 0)
			unit = units[i].ms;
	if (unit < 0)
		return 0;
	/* prod = digits(W F) * unit, little-endian decimal. */
	n = nw + nf;
	prod = calloc(n + 12, 1);
	FUZZ_CHECK(prod != NULL);
	for (i = 0; i < n; i++) {
		char c = i < nf ? f[nf - 1 - i] : t[nw - 1 - (i - nf)];
		uint64_t x = (uint64_t)(c - '0') * (uint64_t)unit + carry;

		prod[i] = (uint8_t)(x % 10);
		carry = x / 10;
	}
	for (i = n; carry != 0; i++) {
		prod[i] = (uint8_t)(carry % 10);
		carry /= 10;
	}
	top = n + 12;
	while (top > nf && prod[top - 1] == 0)
		top--;
	/* Integer part: digits nf..top-1; more than 12 digits is far over the maximum. */
	if (top > nf && top - nf > 12) {
		free(prod);
		return -1;
	}
	for (i = top; i > nf; i--)
		v = v * 10 + prod[i - 1];
	if (nf > 0 && prod[nf - 1] >= 5)
		v++;
	free(prod);
	if (v > JOBQ_DURATION_MAX_MS)
		return -1;
	*out = v;
	return 1;
}

/* Read a formatted duration back: "1d2h3m4.5s", "250ms", "-1h" are sums of components that
 * each parse on their own. */
static int64_t read_back(const char *s)
{
	char part[FORMAT_MAX];
	const char *p = s;
	int64_t sum = 0, v;
	struct jobq_err err;
	bool neg = false;
	size_t n;

	if (*p == '-') {
		neg = true;
		p++;
	}
	FUZZ_CHECK(*p != '\0');
	while (*p != '\0') {
		n = strspn(p, "0123456789.");
		FUZZ_CHECK(n > 0);
		if (strncmp(p + n, "ms", 2) == 0)
			n += 2;
		else {
			FUZZ_CHECK(p[n] != '\0' && strchr("smhd", p[n]) != NULL);
			n++;
		}
		FUZZ_CHECK(n < sizeof(part));
		memcpy(part, p, n);
		part[n] = '\0';
		FUZZ_CHECK(jobq_duration_parse(part, &v, &err) == 0);
		sum += v;
		p += n;
	}
	return neg ? -sum : sum;
}

/* Format ms in full and into every shorter buffer: always NUL-terminated, a prefix. */
static void check_format(int64_t ms)
{
	char full[FORMAT_MAX], buf[FORMAT_MAX];
	size_t len, n;

	memset(full, 'X', sizeof(full));
	FUZZ_CHECK(jobq_duration_format(ms, full, sizeof(full)) == full);
	FUZZ_CHECK(memchr(full, '\0', sizeof(full)) != NULL);
	n = strlen(full);
	FUZZ_CHECK(n > 0 && n < sizeof(full) - 1);
	for (len = 1; len <= n + 1; len++) {
		memset(buf, 'X', sizeof(buf));
		jobq_duration_format(ms, buf, len);
		FUZZ_CHECK(memchr(buf, '\0', len) != NULL);
		FUZZ_CHECK(strncmp(buf, full, strlen(buf)) == 0);
		FUZZ_CHECK(buf[len] == 'X' || len == sizeof(buf));
	}
	if (ms >= -JOBQ_DURATION_MAX_MS && ms <= JOBQ_DURATION_MAX_MS)
		FUZZ_CHECK(read_back(full) == ms);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jobq_err err;
	char *text = fuzz_cstr(data, size);
	int64_t ms = -1, want = -1, raw;
	int r, ref;

	fuzz_err_poison(&err);
	r = jobq_duration_parse(text, &ms, &err);
	ref = ref_parse(text, &want);
	if (r == 0) {
		FUZZ_CHECK(ref == 1);
		FUZZ_CHECK(ms >= 0 && ms <= JOBQ_DURATION_MAX_MS);
		FUZZ_CHECK(ms == want);
		check_format(ms);
	} else {
		fuzz_check_err(&err, r);
		FUZZ_CHECK(r == JOBQ_EINVAL);
		FUZZ_CHECK(ref != 1);
	}
	free(text);

	/* Any int64 formats safely (negative and out-of-range values included). */
	if (size >= sizeof(raw)) {
		memcpy(&raw, data, sizeof(raw));
		check_format(raw);
		check_format(raw % (JOBQ_DURATION_MAX_MS + 1));
	}
	return 0;
}
