/* The guard between a configuration file's text and libconfig 1.5: finds @include
 * directives as libconfig's scanner would and refuses those that name something other
 * than a regular file, and finds the source of integer literals that libconfig truncated.
 * Reads files itself; knows nothing of the settings or of libconfig's API. */
#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "config_guard.h"

#define INCLUDE_DEPTH_MAX 10 /* libconfig's MAX_INCLUDE_DEPTH: deeper is its error */

enum lex {
	L_CODE,
	L_STRING,
	L_COMMENT,
	L_INCLUDE
};

void jobq_cfg_lex_init(struct jobq_cfg_lex *lx)
{
	lx->state = L_CODE;
	lx->cut = false;
	lx->line = 0;
	lx->inc_line = 0;
	lx->len = 0;
	lx->name[0] = '\0';
}

/* If text[0..n) opens an @include directive (libconfig sees one only at the start of a
 * line, in code), start reading its name and return the index after the opening quote;
 * else return 0. */
static size_t open_include(struct jobq_cfg_lex *lx, const char *text, size_t n)
{
	static const char kw[] = "@include";
	size_t i = 0;

	while (i < n && (text[i] == ' ' || text[i] == '\t'))
		i++;
	if (n - i <= sizeof(kw) - 1 || memcmp(text + i, kw, sizeof(kw) - 1) != 0)
		return 0;
	i += sizeof(kw) - 1;
	if (text[i] != ' ' && text[i] != '\t')
		return 0;
	while (i < n && (text[i] == ' ' || text[i] == '\t'))
		i++;
	if (i == n || text[i] != '"')
		return 0;
	lx->state = L_INCLUDE;
	lx->len = 0;
	lx->cut = false;
	lx->inc_line = lx->line;
	return i + 1;
}

bool jobq_cfg_lex_line(struct jobq_cfg_lex *lx, const char *text, size_t n)
{
	bool found = false;
	size_t i = 0;

	lx->line++;
	if (lx->state == L_CODE)
		i = open_include(lx, text, n);
	for (; i < n; i++) {
		char c = text[i], next = i + 1 < n ? text[i + 1] : '\0';

		switch (lx->state) {
		case L_CODE:
			if (c == '"')
				lx->state = L_STRING;
			else if (c == '/' && next == '*') {
				lx->state = L_COMMENT;
				i++;
			} else if (c == '#' || (c == '/' && next == '/'))
				i = n; /* a comment to the end of the line */
			break;
		case L_STRING:
			if (c == '\\')
				i++;
			else if (c == '"')
				lx->state = L_CODE;
			break;
		case L_COMMENT:
			if (c == '*' && next == '/') {
				lx->state = L_CODE;
				i++;
			}
			break;
		case L_INCLUDE:
			if (c == '"') {
				lx->state = L_CODE;
				if (lx->len < sizeof(lx->name)) {
					lx->name[lx->len] = '\0';
					found = true;
				}
				break;
			}
			if (c == '\\') {
				lx->cut = false;
				if (next != '\\' && next != '"')
					break;
				c = next;
				i++;
			} else if (c == '\0')
				lx->cut = true; /* libconfig appends a run with strlen */
			if (!lx->cut && lx->len < sizeof(lx->name))
				lx->name[lx->len++] = c;
			break;
		}
	}
	return found;
}

/* Scan file at depth (0 = the main file). Returns 0, 1 once past libconfig's depth limit
 * (it reports that itself: every level stops looking), or a JOBQ_E* error. */
static int scan(const char *file, const char *dir, int depth, struct jobq_err *err)
{
	char path[PATH_MAX * 2], *text = NULL;
	struct jobq_cfg_lex *lx;
	size_t cap = 0;
	struct stat st;
	ssize_t got;
	FILE *fp;
	int r = 0;

	/* Ten nested PATH_MAX names would be a lot of stack. */
	if ((lx = malloc(sizeof(*lx))) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	jobq_cfg_lex_init(lx);
	if ((fp = fopen(file, "re")) == NULL)
		goto out;
	while (r == 0 && (got = getline(&text, &cap, fp)) > 0) {
		if (!jobq_cfg_lex_line(lx, text, (size_t)got))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, lx->name);
		if (stat(path, &st) != 0)
			continue;
		if (!S_ISREG(st.st_mode))
			r = jobq_err_set(err, JOBQ_EINVAL,
					 "%s:%u: @include \"%s\": not a regular file", file,
					 lx->inc_line, lx->name);
		else if (depth + 1 >= INCLUDE_DEPTH_MAX)
			r = 1;
		else
			r = scan(path, dir, depth + 1, err);
	}
	free(text);
	fclose(fp);
out:
	free(lx);
	return r;
}

int jobq_cfg_guard_includes(const char *file, const char *dir, struct jobq_err *err)
{
	int r = scan(file, dir, 0, err);

	return r > 0 ? 0 : r;
}

bool jobq_cfg_wrapped_literal(const char *text, const char *name, int64_t v, char *buf, size_t len)
{
	size_t nlen = strlen(name), n;
	bool found = false, exact = false, wraps;
	char lit[64], *end;
	const char *p, *q;
	unsigned long long u;
	long long x;

	if (nlen == 0)
		return false;
	for (p = text; !exact && (p = strstr(p, name)) != NULL; p += nlen) {
		if (p > text && (isalnum((unsigned char)p[-1]) || strchr("_-*", p[-1]) != NULL))
			continue;
		q = p + nlen;
		q += strspn(q, " \t");
		if (*q != '=' && *q != ':')
			continue;
		q++;
		q += strspn(q, " \t");
		if ((n = strspn(q, "+-0123456789xXabcdefABCDEF")) == 0 || n >= sizeof(lit))
			continue;
		memcpy(lit, q, n);
		lit[n] = '\0';
		/* Mirror the scanner: strtoll/strtoul saturate, then the cast to int truncates. */
		if (lit[0] == '0' && (lit[1] == 'x' || lit[1] == 'X')) {
			u = strtoull(lit, &end, 16);
			wraps = u > UINT_MAX;
			x = (long long)(int)(unsigned)u;
		} else {
			x = strtoll(lit, &end, 10);
			wraps = x < INT_MIN || x > INT_MAX;
			x = (int)x;
		}
		if (*end != '\0' || x != v)
			continue;
		if (!wraps)
			exact = true;
		else if (!found) {
			snprintf(buf, len, "%s", lit);
			found = true;
		}
	}
	return found && !exact;
}

bool jobq_cfg_wrapped_literal_at(const char *file, unsigned line, const char *name, int64_t v,
				 char *buf, size_t len)
{
	char *text = NULL;
	size_t cap = 0;
	unsigned cur = 0;
	bool found = false;
	FILE *fp;

	if (file == NULL || line == 0 || (fp = fopen(file, "re")) == NULL)
		return false;
	while (getline(&text, &cap, fp) != -1)
		if (++cur == line)
			break;
	if (cur == line)
		found = jobq_cfg_wrapped_literal(text, name, v, buf, len);
	free(text);
	fclose(fp);
	return found;
}
