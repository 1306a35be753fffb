/* Fuzz target for the configuration guard (common/config_guard.c): the @include lexer fed
 * the input line by line, and the search for integer literals libconfig truncated, run on
 * each line. Pure text, no files: the loader's walk over included files is left to the
 * `config` target.
 *
 * Lexer invariants: a directive is reported on a line it could end on, with the line it
 * started on, which opens as `[ \t]*@include[ \t]+"`; its name is NUL-terminated and
 * shorter than PATH_MAX. Literal invariants: a literal reported for (name, v) stands in the
 * line, is made of literal characters, does not fit in an int and truncates to v, and a
 * smaller buffer receives a NUL-terminated prefix of it. */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config_guard.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define LIT_CHARS "+-0123456789xXabcdefABCDEF"

/* The line that starts at lines[i] opens an @include directive as libconfig's scanner sees
 * one (whatever came before it). */
static bool opens_include(const char *line, size_t n)
{
	size_t i = 0;

	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (n - i < 8 || memcmp(line + i, "@include", 8) != 0)
		return false;
	i += 8;
	if (i == n || (line[i] != ' ' && line[i] != '\t'))
		return false;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i < n && line[i] == '"';
}

/* What libconfig 1.5 stores for an unsuffixed integer literal, and whether that truncated it
 * (an independent reading of its scanner: saturate, then cast to int). */
static bool truncates(const char *lit, int64_t *stored)
{
	char *end;

	if (lit[0] == '0' && (lit[1] == 'x' || lit[1] == 'X')) {
		unsigned long long u = strtoull(lit, &end, 16);

		*stored = (int)(unsigned)u;
		return *end == '\0' && u > UINT_MAX;
	} else {
		long long x = strtoll(lit, &end, 10);

		*stored = (int)x;
		return *end == '\0' && (x < INT_MIN || x > INT_MAX);
	}
}

static void check_literal(const char *text, const char *name, int64_t v)
{
	char buf[64], small[8];
	int64_t stored;
	size_t len;

	if (!jobq_cfg_wrapped_literal(text, name, v, buf, sizeof(buf))) {
		FUZZ_CHECK(!jobq_cfg_wrapped_literal(text, name, v, small, sizeof(small)));
		return;
	}
	len = strlen(buf);
	FUZZ_CHECK(len > 0 && len < sizeof(buf));
	FUZZ_CHECK(strspn(buf, LIT_CHARS) == len);
	FUZZ_CHECK(strstr(text, buf) != NULL);
	FUZZ_CHECK(truncates(buf, &stored) && stored == v);
	/* A short buffer: the same answer, the literal cut to a NUL-terminated prefix. */
	FUZZ_CHECK(jobq_cfg_wrapped_literal(text, name, v, small, sizeof(small)));
	FUZZ_CHECK(strlen(small) < sizeof(small));
	FUZZ_CHECK(strncmp(small, buf, strlen(small)) == 0);
	FUZZ_CHECK(strlen(small) == (len < sizeof(small) ? len : sizeof(small) - 1));
}

/* Try the first 32 literal-looking runs of the line as v for a few names, among them the word
 * before the line's first '=' or ':'. */
static void fuzz_literals(const char *text)
{
	static const char *const fixed[] = { "concurrency", "t", "a" };
	char name[64], lit[64];
	const char *p = text, *q;
	int64_t stored;
	size_t i, n;
	int runs = 0;

	q = text + strcspn(text, "=:");
	while (q > text && (q[-1] == ' ' || q[-1] == '\t'))
		q--;
	for (p = q; p > text && p[-1] != ' ' && p[-1] != '\t' && p[-1] != '{' && p[-1] != ';';)
		p--;
	n = (size_t)(q - p);
	if (n >= sizeof(name))
		n = 0;
	memcpy(name, p, n);
	name[n] = '\0';
	for (p = text; *p != '\0' && runs<32; p += n> 0 ? n : 1) {
		if ((n = strspn(p, LIT_CHARS)) == 0 || n >= sizeof(lit))
			continue;
		memcpy(lit, p, n);
		lit[n] = '\0';
		runs++;
		(void)truncates(lit, &stored);
		for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
			check_literal(text, fixed[i], stored);
		check_literal(text, name, stored);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text, *p, *end, *nl, *start[4096];
	struct jobq_cfg_lex *lx;
	size_t len[4096];
	unsigned nlines = 0;
	char *line;

	if (size > 16384)
		return 0;
	text = (const char *)data;
	end = text + size;
	FUZZ_CHECK((lx = malloc(sizeof(*lx))) != NULL);
	jobq_cfg_lex_init(lx);
	for (p = text; p < end && nlines < 4096; p = nl) {
		nl = memchr(p, '\n', (size_t)(end - p));
		nl = nl != NULL ? nl + 1 : end;
		start[nlines] = p;
		len[nlines++] = (size_t)(nl - p);
		if (jobq_cfg_lex_line(lx, p, (size_t)(nl - p))) {
			FUZZ_CHECK(lx->line == nlines);
			FUZZ_CHECK(lx->inc_line >= 1 && lx->inc_line <= nlines);
			FUZZ_CHECK(memchr(lx->name, '\0', sizeof(lx->name)) != NULL);
			FUZZ_CHECK(strlen(lx->name) == lx->len && lx->len < sizeof(lx->name));
			FUZZ_CHECK(opens_include(start[lx->inc_line - 1], len[lx->inc_line - 1]));
			/* The closing quote is on this line. */
			FUZZ_CHECK(memchr(p, '"', (size_t)(nl - p)) != NULL);
		}
		/* The line as a C caller would see it (up to its first NUL). */
		line = fuzz_cstr((const uint8_t *)p, (size_t)(nl - p));
		fuzz_literals(line);
		free(line);
	}
	free(lx);
	return 0;
}
