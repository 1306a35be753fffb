/* Making bytes from outside into valid UTF-8 without NUL (jobq/utf8.h). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/utf8.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

static bool cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/* Length of the well-formed sequence starting at p[0..n) (RFC 3629 §4), 0 if none does. */
static size_t sequence(const unsigned char *p, size_t n)
{
	unsigned char b = p[0], lo = 0x80, hi = 0xBF;
	size_t len;

	if (b >= 0x01 && b <= 0x7F)
		return 1;
	if (b >= 0xC2 && b <= 0xDF)
		len = 2;
	else if (b >= 0xE0 && b <= 0xEF)
		len = 3;
	else if (b >= 0xF0 && b <= 0xF4)
		len = 4;
	else
		return 0; /* NUL, a continuation byte, C0/C1 (overlong), F5..FF */
	/* The second byte's range rules out overlong forms, surrogates and > U+10FFFF. */
	if (b == 0xE0)
		lo = 0xA0;
	else if (b == 0xED)
		hi = 0x9F;
	else if (b == 0xF0)
		lo = 0x90;
	else if (b == 0xF4)
		hi = 0x8F;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (!cont(p[i]))
			return 0;
	return len;
}

size_t jobq_utf8_cut_start(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && i < 3 && cont((unsigned char)p[i]))
		i++;
	return i;
}

size_t jobq_utf8_cut_end(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i = n, len;

	while (i > 0 && n - i < 3 && cont(u[i - 1]))
		i--;
	if (i == 0)
		return n;
	/* u[i - 1] begins the last character (or is a stray byte, left as it is). */
	len = u[i - 1] >= 0xF0 ? 4 : u[i - 1] >= 0xE0 ? 3 : u[i - 1] >= 0xC0 ? 2 : 1;
	return n - (i - 1) < len ? i - 1 : n;
}

bool jobq_utf8_valid(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;

	for (size_t i = 0, len; i < n; i += len)
		if ((len = sequence(u + i, n - i)) == 0)
			return false;
	return true;
}

char *jobq_utf8_clean(const char *p, size_t n, size_t *out_len)
{
	const unsigned char *u = (const unsigned char *)p;
	char *out;
	size_t o = 0;

	/* At worst each byte becomes three. */
	if (n > (SIZE_MAX - 1) / 3 || (out = malloc(n * 3 + 1)) == NULL)
		return NULL;
	for (size_t i = 0; i < n;) {
		size_t len = sequence(u + i, n - i);

		if (len == 0) {
			memcpy(out + o, REPLACEMENT, 3);
			o += 3;
			i++;
		} else {
			memcpy(out + o, p + i, len);
			o += len;
			i += len;
		}
	}
	out[o] = '\0';
	if (out_len != NULL)
		*out_len = o;
	return out;
}
