/* Logging: one line per event, `key=value` fields (text) or one JSON object (json),
 * written to stderr under a lock so lines from different threads never interleave. */
#ifndef JOBQ_LOG_H
#define JOBQ_LOG_H

#include "jobq/err.h"

enum jobq_log_level {
	JOBQ_LOG_DEBUG,
	JOBQ_LOG_INFO,
	JOBQ_LOG_WARN,
	JOBQ_LOG_ERROR
};
enum jobq_log_format {
	JOBQ_LOG_TEXT,
	JOBQ_LOG_JSON
};

/* Set the minimum level and the format; thread-safe; default is info/text. */
void jobq_log_setup(enum jobq_log_level level, enum jobq_log_format format);

/* Parse "debug"/"info"/"warn"/"error" and "text"/"json". JOBQ_EINVAL on anything else. */
int jobq_log_level_parse(const char *s, enum jobq_log_level *out) JOBQ_WUR;
int jobq_log_format_parse(const char *s, enum jobq_log_format *out) JOBQ_WUR;

/* Name a component of this process ("consumer", "jobq"); it appears as `prog=`. */
void jobq_log_set_program(const char *prog);

/* Log one event. `event` is a short snake_case name ("job_claimed"). The variadic part is
 * pairs of (const char *key, const char *value), terminated by a NULL key; a NULL value
 * prints as an empty string. Text output:
 *   2026-11-28T11:07:01.123Z level=info prog=consumer event=job_claimed job=... attempt=1
 * Values containing spaces, quotes, '=' or control characters are double-quoted and
 * escaped. JSON output is one object with "ts", "level", "prog", "event" and the pairs. */
void jobq_log(enum jobq_log_level level, const char *event, ...) __attribute__((sentinel));

/* Format a number into a small thread-local-free buffer the caller provides, for use as a
 * value in jobq_log: jobq_log(JOBQ_LOG_INFO, "x", "n", jobq_log_int(buf, n), NULL). */
const char *jobq_log_int(char buf[24], long long v);

#define jobq_debug(...) jobq_log(JOBQ_LOG_DEBUG, __VA_ARGS__, (const char *)NULL)
#define jobq_info(...) jobq_log(JOBQ_LOG_INFO, __VA_ARGS__, (const char *)NULL)
#define jobq_warn(...) jobq_log(JOBQ_LOG_WARN, __VA_ARGS__, (const char *)NULL)
#define jobq_error(...) jobq_log(JOBQ_LOG_ERROR, __VA_ARGS__, (const char *)NULL)

#endif
