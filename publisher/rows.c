/* Output of query results for the CLI's read commands: rows as JSON objects, aligned text
 * tables, and durations/ages for humans. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jobq/utf8.h"
#include "rows.h"

/* Type OIDs from PostgreSQL's catalog (pg_type_d.h is a server header, not libpq's); they
 * are fixed for built-in types. */
enum {
	OID_BOOL = 16,
	OID_INT8 = 20,
	OID_INT2 = 21,
	OID_INT4 = 23,
	OID_JSON = 114,
	OID_FLOAT4 = 700,
	OID_FLOAT8 = 701,
	OID_NUMERIC = 1700,
	OID_JSONB = 3802,
};

/* One non-NULL value as JSON. A value jansson cannot hold (NaN, a number beyond double)
 * falls back to its text so nothing is silently dropped. */
static json_t *value_json(const char *v, int len, Oid type)
{
	json_t *j = NULL;
	char *end;

	switch (type) {
	case OID_BOOL:
		return json_boolean(v[0] == 't');
	case OID_INT2:
	case OID_INT4:
	case OID_INT8: {
		long long n;

		errno = 0;
		n = strtoll(v, &end, 10);
		if (errno == 0 && *end == '\0')
			j = json_integer(n);
		break;
	}
	case OID_FLOAT4:
	case OID_FLOAT8:
	case OID_NUMERIC: {
		double d;

		errno = 0;
		d = strtod(v, &end);
		if (errno == 0 && *end == '\0')
			j = json_real(d); /* NULL for NaN/Infinity: text below */
		break;
	}
	case OID_JSON:
	case OID_JSONB:
		j = rows_json_text(v, (size_t)len);
		break;
	default:
		break;
	}
	return j != NULL ? j : json_stringn(v, (size_t)len);
}

json_t *rows_json_text(const char *v, size_t len)
{
	json_t *j = json_loadb(v, len, JSON_DECODE_ANY, NULL);

	/* jsonb keeps integers beyond int64, which jansson refuses: keep the document JSON
	 * and let only those numbers lose precision. */
	if (j == NULL)
		j = json_loadb(v, len, JSON_DECODE_ANY | JSON_DECODE_INT_AS_REAL, NULL);
	return j;
}

char *rows_cut(const char *text, size_t max, char *buf, size_t len)
{
	size_t n;

	if (text == NULL) {
		snprintf(buf, len, "-");
		return buf;
	}
	n = strlen(text);
	if (n <= max && n < len) {
		memcpy(buf, text, n + 1);
		return buf;
	}
	if (max + 4 > len)
		max = len > 4 ? len - 4 : 0;
	n = jobq_utf8_cut_end(text, max);
	memcpy(buf, text, n);
	memcpy(buf + n, "...", 4);
	return buf;
}

char *rows_ts(int64_t unix_ms, char *buf, size_t len)
{
	int64_t ms;
	time_t sec;
	struct tm tm;
	char day[32];

	if (unix_ms == INT64_MAX || unix_ms == INT64_MIN) {
		snprintf(buf, len, "%s", unix_ms > 0 ? "infinity" : "-infinity");
		return buf;
	}
	/* floored: a time before 1970 keeps its milliseconds positive */
	ms = unix_ms % 1000 < 0 ? unix_ms % 1000 + 1000 : unix_ms % 1000;
	sec = (time_t)(unix_ms / 1000 - (unix_ms % 1000 < 0));
	if (gmtime_r(&sec, &tm) == NULL ||
	    strftime(day, sizeof(day), "%Y-%m-%dT%H:%M:%S", &tm) == 0)
		snprintf(buf, len, "%lld ms", (long long)unix_ms);
	else
		snprintf(buf, len, "%s.%03dZ", day, (int)ms);
	return buf;
}

json_t *rows_object(const PGresult *res, int row)
{
	json_t *obj = json_object();

	if (obj == NULL)
		return NULL;
	for (int c = 0; c < PQnfields(res); c++) {
		const char *name = PQfname(res, c);
		json_t *v;

		if (name[0] == '_')
			continue;
		if (PQgetisnull(res, row, c))
			v = json_null();
		else
			v = value_json(PQgetvalue(res, row, c), PQgetlength(res, row, c),
				       PQftype(res, c));
		if (v == NULL || json_object_set_new(obj, name, v) != 0) {
			json_decref(obj);
			return NULL;
		}
	}
	return obj;
}

json_t *rows_array(const PGresult *res)
{
	json_t *arr = json_array();

	if (arr == NULL)
		return NULL;
	for (int r = 0; r < PQntuples(res); r++) {
		json_t *obj = rows_object(res, r);

		if (obj == NULL || json_array_append_new(arr, obj) != 0) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

const char *rows_get(const PGresult *res, int row, const char *name)
{
	int c = PQfnumber(res, name);

	if (c < 0 || row >= PQntuples(res) || PQgetisnull(res, row, c))
		return NULL;
	return PQgetvalue(res, row, c);
}

int64_t rows_int(const PGresult *res, int row, const char *name, int64_t dflt)
{
	const char *v = rows_get(res, row, name);

	return v != NULL ? (int64_t)strtoll(v, NULL, 10) : dflt;
}

char *rows_span(int64_t ms, char *buf, size_t len)
{
	if (ms < 0)
		ms = 0;
	if (ms < 1000)
		snprintf(buf, len, "%" PRId64 "ms", ms);
	else if (ms < 10000)
		snprintf(buf, len, "%" PRId64 ".%" PRId64 "s", ms / 1000, ms % 1000 / 100);
	else if (ms < 60000)
		snprintf(buf, len, "%" PRId64 "s", ms / 1000);
	else if (ms < 3600000) {
		int64_t s = ms / 1000;

		if (s % 60 == 0)
			snprintf(buf, len, "%" PRId64 "m", s / 60);
		else
			snprintf(buf, len, "%" PRId64 "m%" PRId64 "s", s / 60, s % 60);
	} else if (ms < 86400000) {
		int64_t m = ms / 60000;

		if (m % 60 == 0)
			snprintf(buf, len, "%" PRId64 "h", m / 60);
		else
			snprintf(buf, len, "%" PRId64 "h%" PRId64 "m", m / 60, m % 60);
	} else {
		int64_t h = ms / 3600000;

		if (h % 24 == 0)
			snprintf(buf, len, "%" PRId64 "d", h / 24);
		else
			snprintf(buf, len, "%" PRId64 "d%" PRId64 "h", h / 24, h % 24);
	}
	return buf;
}

char *rows_ago(int64_t age_ms, char *buf, size_t len)
{
	char span[32];

	if (age_ms >= 0)
		snprintf(buf, len, "%s ago", rows_span(age_ms, span, sizeof(span)));
	else
		snprintf(buf, len, "in %s", rows_span(-age_ms, span, sizeof(span)));
	return buf;
}

int rows_table_init(struct rows_table *t, int ncols, const char *const *headers)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	return rows_table_add(t, headers);
}

/* Length of the valid UTF-8 sequence at p (2 to 4), or 0. */
static size_t utf8_len(const unsigned char *p)
{
	size_t n = p[0] >= 0xC2 && p[0] <= 0xDF   ? 2
		   : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
		   : p[0] >= 0xF0 && p[0] <= 0xF4 ? 4
						  : 0;

	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

char *rows_escape(const char *s, bool multiline)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	/* at most 6 bytes out per byte in (\u00XX) */
	char *out = malloc(strlen(s) * 6 + 1), *o = out;
	size_t n;

	if (out == NULL)
		return NULL;
	while (*p != '\0') {
		unsigned int c = *p;

		if (c == '\n' || c == '\t') {
			*o++ = multiline ? (char)c : ' ';
			p++;
		} else if (c < 0x20 || c == 0x7F || (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)) {
			if (c == 0xC2)
				c = *++p;
			memcpy(o, "\\u00", 4);
			o[4] = hex[c >> 4];
			o[5] = hex[c & 15];
			o += 6;
			p++;
		} else if (c < 0x80) {
			*o++ = (char)*p++;
		} else if ((n = utf8_len(p)) != 0) {
			memcpy(o, p, n);
			o += n;
			p += n;
		} else {
			o[0] = '\\';
			o[1] = 'x';
			o[2] = hex[c >> 4];
			o[3] = hex[c & 15];
			o += 4;
			p++;
		}
	}
	*o = '\0';
	return out;
}

int rows_table_add(struct rows_table *t, const char *const *cells)
{
	size_t base = t->nrows * (size_t)t->ncols;

	if (t->nrows == t->cap) {
		size_t cap = t->cap != 0 ? t->cap * 2 : 16;
		char **p = realloc(t->cells, cap * (size_t)t->ncols * sizeof(*p));

		if (p == NULL)
			return JOBQ_ENOMEM;
		t->cells = p;
		t->cap = cap;
	}
	for (int c = 0; c < t->ncols; c++) {
		/* A reason or an error may hold newlines or tabs (one row stays one line) or a
		 * terminal's control sequences (shown, not obeyed). */
		t->cells[base + (size_t)c] = rows_escape(cells[c] != NULL ? cells[c] : "-", false);
		if (t->cells[base + (size_t)c] == NULL) {
			while (c-- > 0)
				free(t->cells[base + (size_t)c]);
			return JOBQ_ENOMEM;
		}
	}
	t->nrows++;
	return 0;
}

/* Display width of a UTF-8 string: continuation bytes take no column. */
static size_t width(const char *s)
{
	size_t w = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

void rows_table_print(const struct rows_table *t, FILE *out)
{
	size_t w[32] = { 0 };
	int ncols = t->ncols < 32 ? t->ncols : 32;

	for (size_t r = 0; r < t->nrows; r++)
		for (int c = 0; c < ncols; c++) {
			size_t n = width(t->cells[r * (size_t)t->ncols + (size_t)c]);

			if (n > w[c])
				w[c] = n;
		}
	for (size_t r = 0; r < t->nrows; r++) {
		for (int c = 0; c < ncols; c++) {
			const char *cell = t->cells[r * (size_t)t->ncols + (size_t)c];

			fputs(cell, out);
			if (c + 1 < ncols)
				fprintf(out, "%*s", (int)(w[c] - width(cell) + 2), "");
		}
		fputc('\n', out);
	}
}

void rows_table_free(struct rows_table *t)
{
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}
