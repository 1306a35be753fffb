/* The checks a new job passes before anything is saved, wherever it comes from (the CLI's
 * arguments, a --batch line, libjobq): its type, queue and key, and its payload. Pure:
 * nothing here talks to a server. The messages are the ones the CLI prints. */
#ifndef JOBQ_SUBMIT_CHECK_H
#define JOBQ_SUBMIT_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include "jobq/err.h"

/* A valid type (1-64 characters of A-Z a-z 0-9 _ . : -), a valid queue name when queue is
 * not NULL, a key of 1 to 255 bytes when key is not NULL. 0, or JOBQ_EINVAL naming the
 * field and its value ("job type 'x y' is invalid (...)"); a NULL type is invalid. */
int jobq_check_job(const char *type, const char *queue, const char *key,
		   struct jobq_err *err) JOBQ_WUR;

/* A unique window (submit --unique-for, migration 0016) of ms milliseconds: 0 (none: the key
 * is unique for ever), or 1 ms to JOBQ_DURATION_MAX_MS (365 days) with a key, since the
 * window is the key's. 0, or JOBQ_EINVAL ("unique_for needs a key", or the range). */
int jobq_check_unique_for(int64_t ms, const char *key, struct jobq_err *err) JOBQ_WUR;
/* A valid queue name (1-64 characters of A-Z a-z 0-9 _ . -, not ending in .express, which
 * names a queue's express queue), as `submit --queue` and `jobq queue` check it. 0, or
 * JOBQ_EINVAL naming the value ("queue 'a b' is invalid (...)"); NULL is invalid. */
int jobq_check_queue(const char *queue, struct jobq_err *err) JOBQ_WUR;

/* A payload: valid JSON (any value) of at most max bytes. Re-encodes nothing (PostgreSQL
 * stores it as jsonb). 0, or JOBQ_EINVAL saying which rule it broke (the JSON error with
 * its line and column). */
int jobq_check_payload(const char *text, size_t len, int64_t max, struct jobq_err *err) JOBQ_WUR;

/* Metadata kept with a job: a JSON object of at most JOBQ_METADATA_MAX bytes (as the SQL
 * API's jobq_submit requires). 0, or JOBQ_EINVAL with the SQL API's message. */
#define JOBQ_METADATA_MAX 65536
int jobq_check_metadata(const char *text, size_t len, struct jobq_err *err) JOBQ_WUR;

#endif
