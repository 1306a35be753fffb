/* The helpers the store's statement files share (store_internal.h): columns by name, values
 * out of results, growing text, the lease-token map. No statement of its own, and no call
 * into the session code (store.c), which uses the growing text. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

const char *store_i64(char buf[STORE_I64_LEN], int64_t v)
{
	snprintf(buf, STORE_I64_LEN, "%lld", (long long)v);
	return buf;
}

int store_columns(const PGresult *res, const char *const *names, int n, int *cols, const char *what,
		  struct jobq_err *err)
{
	for (int i = 0; i < n; i++)
		if ((cols[i] = PQfnumber(res, names[i])) < 0)
			return jobq_err_set(err, JOBQ_EINTERNAL,
					    "%s: the result has no column \"%s\"", what, names[i]);
	return 0;
}

bool store_bool(const PGresult *res, int row, int col)
{
	return PQgetvalue(res, row, col)[0] == 't';
}

int store_int(const PGresult *res, int row, int col)
{
	return atoi(PQgetvalue(res, row, col));
}

int64_t store_int64(const PGresult *res, int row, int col)
{
	return strtoll(PQgetvalue(res, row, col), NULL, 10);
}

double store_double(const PGresult *res, int row, int col)
{
	return strtod(PQgetvalue(res, row, col), NULL);
}

void store_status(const PGresult *res, int row, int col, enum jobq_status *out)
{
	struct jobq_err ignored;

	jobq_ignore(jobq_status_parse(PQgetvalue(res, row, col), out, &ignored));
}

char *store_dup(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL : strdup(PQgetvalue(res, row, col));
}

void store_copy(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src != NULL ? src : "");
}

/* Room for need more bytes and a NUL: false (and t failed) when out of memory or when the
 * size would overflow. */
static bool reserve(struct store_text *t, size_t need)
{
	size_t cap = t->cap != 0 ? t->cap : 64;
	char *s;

	if (t->failed)
		return false;
	if (need > SIZE_MAX - 1 - t->len)
		goto fail;
	while (cap < t->len + need + 1) {
		if (cap > SIZE_MAX / 2) {
			cap = t->len + need + 1;
			break;
		}
		cap *= 2;
	}
	if (cap == t->cap)
		return true;
	if ((s = realloc(t->s, cap)) == NULL)
		goto fail;
	t->s = s;
	t->cap = cap;
	return true;
fail:
	t->failed = true;
	return false;
}

void store_text_add(struct store_text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		t->failed = true;
		return;
	}
	if (!reserve(t, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

char *store_text_take(struct store_text *t)
{
	char *s = NULL;

	if (reserve(t, 0)) {
		t->s[t->len] = '\0';
		s = t->s;
	} else {
		free(t->s);
	}
	*t = (struct store_text){ 0 };
	return s;
}

char *store_token_map(const char *const *ids, const int64_t *values, size_t n)
{
	struct store_text t = { 0 };

	store_text_add(&t, "{");
	for (size_t i = n; i-- > 0;) {
		char id[JOBQ_ID_BUF];
		size_t c;

		for (c = 0; c < JOBQ_UUID_LEN && ids[i][c] != '\0'; c++)
			id[c] = (char)tolower((unsigned char)ids[i][c]);
		id[c] = '\0';
		store_text_add(&t, "%s\"%s\":%lld", i + 1 < n ? "," : "", id,
			       values != NULL ? (long long)values[i] : 0LL);
	}
	store_text_add(&t, "}");
	return store_text_take(&t);
}
