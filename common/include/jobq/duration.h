/* Durations in milliseconds: parsing "250ms", "30s", "5m", "1h", "2d" or plain seconds,
 * and formatting them back for humans. */
#ifndef JOBQ_DURATION_H
#define JOBQ_DURATION_H

#include <stdint.h>
#include "jobq/err.h"

/* Largest duration accepted: 365 days. Anything larger is an error, not a wrap. */
#define JOBQ_DURATION_MAX_MS (365LL * 24 * 3600 * 1000)

/* Parse text into *out_ms. Accepted: an integer or decimal number followed by an optional
 * unit (ms, s, m, h, d); no unit means seconds ("1.5" = 1500 ms). Leading/trailing spaces,
 * negative values, empty strings, unknown units and values over JOBQ_DURATION_MAX_MS are
 * JOBQ_EINVAL with a message quoting the text. */
int jobq_duration_parse(const char *text, int64_t *out_ms, struct jobq_err *err) JOBQ_WUR;

/* As jobq_duration_parse, but a well-formed value over JOBQ_DURATION_MAX_MS is that
 * maximum instead of an error (a handler's retry_in: "400d" means "as late as allowed"). */
int jobq_duration_parse_clamped(const char *text, int64_t *out_ms, struct jobq_err *err) JOBQ_WUR;

/* Format ms into buf as the shortest exact form ("250ms", "30s", "5m", "1h30m", "1.5s"
 * for 1500). Always NUL-terminates; returns buf. */
char *jobq_duration_format(int64_t ms, char *buf, size_t len);

#endif
