/* Strict parsing of numbers and ids from flags, config values and messages. */
#ifndef JOBQ_PARSE_H
#define JOBQ_PARSE_H

#include <stdbool.h>
#include <stdint.h>
#include "jobq/err.h"

/* Parse a whole decimal integer in [min, max] into *out. `what` names the input in the
 * error ("--max-attempts"). Empty strings, junk ("12x", " 3"), signs where min >= 0 and
 * overflow are JOBQ_EINVAL: "--max-attempts: '12x' is not a whole number from 1 to 1000". */
int jobq_parse_int(const char *text, int64_t min, int64_t max, const char *what, int64_t *out,
		   struct jobq_err *err) JOBQ_WUR;

/* True if text is a canonical UUID: 36 characters, 8-4-4-4-12 hex digits (any case). */
bool jobq_uuid_valid(const char *text);

/* True if text is a valid queue name: 1..64 characters of [A-Za-z0-9_.-]. */
bool jobq_queue_name_valid(const char *text);

/* Parse a point in time for `submit --at`: RFC 3339 / ISO 8601 with a zone
 * ("2026-11-28T12:00:00Z", "2026-11-28 12:00:00+01:00") into Unix milliseconds.
 * A time without a zone is JOBQ_EINVAL (ambiguous). */
int jobq_parse_time(const char *text, int64_t *out_unix_ms, struct jobq_err *err) JOBQ_WUR;

#endif
