/* Which jobs a command acts on: the filters of `jobq list` (and of the commands that act on
 * a set of jobs), the metadata pairs `submit --meta` and `list --meta` take, the time
 * bounds of --since/--until and the opaque page cursor. Pure: nothing here talks to a
 * server; common/store_filter.c turns a filter into SQL. */
#ifndef JOBQ_JOB_FILTER_H
#define JOBQ_JOB_FILTER_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "jobq/err.h"

/* Bounds of one `--meta KEY=VALUE` pair: a key of 1 to JOBQ_META_KEY_MAX bytes, a value
 * of 0 to JOBQ_META_VALUE_MAX bytes, both valid UTF-8 without control characters, and at
 * most JOBQ_META_PAIRS_MAX pairs in one command. */
#define JOBQ_META_KEY_MAX 128
#define JOBQ_META_VALUE_MAX 1024
#define JOBQ_META_PAIRS_MAX 32

/* Add the pair "KEY=VALUE" in text (split at the first '=') to the JSON object *obj as a
 * string member, creating the object when *obj is NULL (the caller then owns it and
 * json_decrefs it). flag ("--meta") starts every message. 0, or JOBQ_EINVAL naming the
 * flag and the pair: no '=', an empty or oversized key, an oversized value, invalid UTF-8
 * or a control character, a key given twice, too many pairs; JOBQ_ENOMEM. *obj is left as
 * it was on failure. */
int jobq_meta_pair_add(json_t **obj, const char *flag, const char *text,
		       struct jobq_err *err) JOBQ_WUR;

/* The instants a filter takes (--since, --until, a cursor's position): years 0001 to 9999
 * UTC, as unix ms from JOBQ_TIME_MIN_MS (0001-01-01T00:00:00Z) up to, not including,
 * JOBQ_TIME_MAX_MS (10000-01-01T00:00:00Z). PostgreSQL's timestamptz holds more, but its
 * text input reads a year of fewer than 4 digits otherwise, and jobq writes 4. */
#define JOBQ_TIME_MIN_MS (-62135596800000LL)
#define JOBQ_TIME_MAX_MS 253402300800000LL

/* Whether text is 1 to max bytes of valid UTF-8 without control characters (C0 and DEL):
 * the form of the free-text filter values (--worker). */
bool jobq_filter_text_valid(const char *text, size_t max);

/* A bound of --since/--until: an instant, or a span before the database's now. */
struct jobq_time_bound {
	bool set;
	bool ago;   /* ms is a span before now() (a duration like 2h), else unix ms */
	int64_t ms; /* unix ms of an instant, or the span in ms */
};

/* Parse a --since/--until value: a duration ("90s", "2h", "7d": that long ago, on the
 * database clock; at most 365d) or an RFC 3339 time with a zone ("2026-12-06T09:00:00Z")
 * in years 0001 to 9999 UTC. flag starts the message. 0, or JOBQ_EINVAL saying which: a
 * duration over 365d, a time out of range, or neither form. */
int jobq_time_bound_parse(const char *flag, const char *text, struct jobq_time_bound *out,
			  struct jobq_err *err) JOBQ_WUR;

/* A position in the newest-first order of jobs (created_at DESC, id DESC): the key of the
 * last job of a page. The next page holds the jobs strictly after it. */
struct jobq_cursor {
	bool set;
	int64_t created_us; /* created_at in microseconds since 1970 UTC */
	char id[37];        /* the job id, canonical lower-case form */
};

/* The length of a cursor's text, NUL included. */
#define JOBQ_CURSOR_LEN 50

/* The opaque text of a cursor ("c" then 48 hex digits) into buf (JOBQ_CURSOR_LEN bytes).
 * id is a uuid's text (with or without dashes). Returns buf; "" when id is not a uuid. */
char *jobq_cursor_format(int64_t created_us, const char *id, char *buf);

/* Parse a cursor's text as jobq_cursor_format writes it, for a time in years 0001 to
 * 9999. 0 with *out set, or JOBQ_EINVAL "--after: 'TEXT' is not a cursor printed by jobq
 * list". */
int jobq_cursor_parse(const char *text, struct jobq_cursor *out, struct jobq_err *err) JOBQ_WUR;

/* "2026-12-06 18:40:11.123456+00": created_us as PostgreSQL timestamptz input, in buf of
 * at least 40 bytes, the year always in 4 digits (PostgreSQL misreads or refuses a
 * shorter one: "1-01-01" is 2001). created_us must be in the range of JOBQ_TIME_MIN_MS to JOBQ_TIME_MAX_MS, as
 * jobq_time_bound_parse and jobq_cursor_parse ensure. Returns buf. */
char *jobq_cursor_timestamp(int64_t created_us, char *buf, size_t len);

/* What selects jobs: every field set must hold (AND). Strings are borrowed; meta is owned
 * (free it with jobq_job_filter_free). */
struct jobq_job_filter {
	const char *status; /* a status name (jobq_status_parse) or NULL */
	const char *type;
	const char *queue;
	const char *worker; /* worker_id: the owner of a running job, or the worker of a
			     * finished job's final attempt (NULL once back in scheduled/queued) */
	json_t *meta;       /* a JSON object the job's metadata must contain (@>), or NULL */
	struct jobq_time_bound since, until; /* created_at >= since, created_at < until */
	struct jobq_cursor after;            /* only jobs after this position */
};

/* The fields of a filter that a text value sets (jobq_job_filter_set). */
enum jobq_filter_field {
	JOBQ_FILTER_STATUS,
	JOBQ_FILTER_TYPE,
	JOBQ_FILTER_QUEUE,
	JOBQ_FILTER_WORKER,
	JOBQ_FILTER_META, /* one K=V pair, added to those already set */
	JOBQ_FILTER_SINCE,
	JOBQ_FILTER_UNTIL,
};

/* Set one field of f from its text, as `jobq list --status/--type/...` and the web
 * console's job list read them: value is borrowed (it must outlive f) except for a
 * metadata pair, which f copies. name ("--status", "status") starts every message. 0, or
 * JOBQ_EINVAL with a one-line message naming the field and the value; JOBQ_ENOMEM. */
int jobq_job_filter_set(struct jobq_job_filter *f, enum jobq_filter_field field, const char *name,
			const char *value, struct jobq_err *err) JOBQ_WUR;

/* Whether f's --since or --until is a span before now (it moves with the clock). */
bool jobq_job_filter_relative(const struct jobq_job_filter *f);

/* Fix f's relative --since/--until at now_ms (unix ms, the database's now()): an action
 * that selects batch after batch then selects within one window. */
void jobq_job_filter_pin(struct jobq_job_filter *f, int64_t now_ms);

/* Whether the filter selects anything narrower than every job (the cursor does not count):
 * a bulk action without one must be asked for explicitly. */
bool jobq_job_filter_any(const struct jobq_job_filter *f);

/* Release what f owns (meta) and zero it. Accepts NULL. */
void jobq_job_filter_free(struct jobq_job_filter *f);

#endif
