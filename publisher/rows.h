/* Output of query results for the CLI's read commands: rows as JSON objects, aligned text
 * tables, and durations/ages for humans. */
#ifndef JOBQ_ROWS_H
#define JOBQ_ROWS_H

#include <jansson.h>
#include <stdbool.h>
#include <libpq-fe.h>
#include <stdint.h>
#include <stdio.h>
#include "jobq/err.h"

/* SQL fragments: a timestamptz expression as ISO 8601 UTC text with milliseconds
 * ("2026-11-28T11:07:01.123Z"), and the age of one (now() - expr) in whole milliseconds,
 * each named `name`. expr and name must be string literals. */
#define ROWS_TS(expr, name)                                                                        \
	"to_char((" expr ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS " name
#define ROWS_AGE_MS(expr, name) "(extract(epoch FROM now() - (" expr ")) * 1000)::bigint AS " name

/* A row as a JSON object keyed by column name. SQL NULL becomes null; bool, integer and
 * float columns become JSON booleans and numbers; json/jsonb columns are embedded as JSON
 * (not as strings); everything else is a string. Columns whose name starts with '_' are
 * text-output helpers and are left out. Returns a new reference, or NULL when out of
 * memory. */
json_t *rows_object(const PGresult *res, int row);

/* JSON text (a json/jsonb value) as a jansson value; integers beyond int64 become reals
 * rather than fail the document. NULL when it is not JSON. */
json_t *rows_json_text(const char *v, size_t len);

/* "2026-11-28T11:07:01.123Z" for unix_ms (ms since 1970, UTC), as ROWS_TS prints a
 * timestamp; "infinity" / "-infinity" for INT64_MAX / INT64_MIN. Returns buf. */
char *rows_ts(int64_t unix_ms, char *buf, size_t len);

/* All rows as a JSON array of rows_object()s; NULL when out of memory. */
json_t *rows_array(const PGresult *res);

/* The value of column `name` in `row`, or NULL for SQL NULL or a missing column. The
 * string belongs to res. */
const char *rows_get(const PGresult *res, int row, const char *name);

/* An integer column; `dflt` for NULL. */
int64_t rows_int(const PGresult *res, int row, const char *name, int64_t dflt);

/* text cut to at most max bytes (max + 4 < len) at a character boundary, with "..." after
 * a cut; "-" for NULL. Returns buf. */
char *rows_cut(const char *text, size_t max, char *buf, size_t len);

/* Format a non-negative span of milliseconds for a human: "250ms", "4.2s", "3m12s",
 * "2h5m" (precision drops as the span grows). Returns buf. */
char *rows_span(int64_t ms, char *buf, size_t len);

/* Format a time relative to now from its age in ms (now - t): "12s ago" or "in 5m".
 * Returns buf. */
char *rows_ago(int64_t age_ms, char *buf, size_t len);

/* s made safe for a terminal (or `less -R`): every control character, C0 (U+0000 to
 * U+001F), DEL (U+007F) and C1 (U+0080 to U+009F, such as the 8-bit CSI), becomes the JSON
 * escape \u00XX, and a byte that is not UTF-8 becomes \xNN, so that no text a job, a
 * handler or a user controls can move the cursor, retitle the window or hide a line.
 * With multiline, newlines and tabs stay as they are; without, each becomes one space.
 * Inside a JSON text the result is still JSON of the same value. Returns a new string the
 * caller frees, or NULL when out of memory. */
char *rows_escape(const char *s, bool multiline);

/* An aligned text table: a header row, then rows of the same width, printed with two
 * spaces between columns and no trailing blanks. */
struct rows_table {
	int ncols;
	size_t nrows; /* including the header row */
	size_t cap;
	char **cells; /* nrows * ncols copies */
};

/* Start a table with ncols columns named by headers. JOBQ_ENOMEM on failure; the table
 * must be released with rows_table_free() either way. */
int rows_table_init(struct rows_table *t, int ncols, const char *const *headers) JOBQ_WUR;

/* Append a row of ncols cells (copied; NULL prints as "-"; newlines and tabs become
 * spaces, other control characters are escaped as by rows_escape). JOBQ_ENOMEM on
 * failure. */
int rows_table_add(struct rows_table *t, const char *const *cells) JOBQ_WUR;

/* Print the table to out; widths count UTF-8 characters, not bytes. */
void rows_table_print(const struct rows_table *t, FILE *out);

/* Release the cells and zero t. Accepts a zeroed table. */
void rows_table_free(struct rows_table *t);

#endif
