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

#define JOBQ_UUID_LEN 36

/* Parse a job id into its canonical form: check that text is a UUID (as jobq_uuid_valid)
 * and write it in lower case to out (JOBQ_UUID_LEN + 1 bytes; may be text itself).
 * PostgreSQL prints ids in lower case and every comparison of ids outside the database is
 * byte for byte, so each id that enters jobq (an argument, a message) goes through here.
 * JOBQ_EINVAL "'xyz' is not a UUID" (the text quoted, cut at 64 bytes); out is then
 * untouched. */
int jobq_parse_uuid(const char *text, char *out, struct jobq_err *err) JOBQ_WUR;

/* True if text is a valid queue name: 1..64 characters of [A-Za-z0-9_.-], not ending in
 * JOBQ_EXPRESS_SUFFIX (kept for the express queues of priority jobs). */
bool jobq_queue_name_valid(const char *text);

/* The suffix of an express queue's name and routing key: jobq.Q.express, bound with key
 * Q.express (docs/design.md §5). */
#define JOBQ_EXPRESS_SUFFIX ".express"

/* True if the NUL-terminated text ends in JOBQ_EXPRESS_SUFFIX. */
bool jobq_queue_name_express(const char *text);

/* Parse a point in time for `submit --at`: RFC 3339 / ISO 8601 with a zone
 * ("2026-11-28T12:00:00Z", "2026-11-28 12:00:00+01:00") into Unix milliseconds.
 * A time without a zone is JOBQ_EINVAL (ambiguous). */
int jobq_parse_time(const char *text, int64_t *out_unix_ms, struct jobq_err *err) JOBQ_WUR;

#endif
