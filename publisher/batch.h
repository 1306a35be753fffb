/* The input of `jobq submit`: one job's fields as the user gave them, the checks they must
 * pass before anything is saved, and the reader of a --batch file (JSON lines, one job
 * each). Pure apart from reading the file: nothing here talks to a server. */
#ifndef JOBQ_BATCH_H
#define JOBQ_BATCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "jobq/err.h"
#include "jobq/store_jobs.h"

/* The most jobs one batch may hold. */
#define BATCH_MAX_JOBS 100000

/* Everything one job's input owns: the strings are malloc'd copies (NULL when not given),
 * and job carries the numeric fields (its string pointers are left NULL; the caller points
 * them at these strings when it hands the job to the store). */
struct batch_input {
	char *type;
	char *payload;         /* JSON text; NULL = {} */
	char *queue;           /* NULL = "default" */
	char *key;             /* idempotency key or NULL */
	char *concurrency_key; /* fairness and limit key or NULL */
	char *metadata;        /* JSON object text kept with the job, or NULL ({}) */
	size_t line;           /* its line in the batch file (batch_read_file), else 0 */
	struct jobq_new_job job;
};

/* Free the strings of in (not in itself) and leave them NULL. Accepts NULL and a zeroed
 * input. */
void batch_input_free(struct batch_input *in);

/* Check a payload (jobq_check_payload): valid JSON (any value) of at most max bytes:
 * PostgreSQL stores it as jsonb. Returns 0, or JOBQ_EINVAL with a message that says which
 * rule it broke (the JSON error with its line and column). */
int batch_check_payload(const char *text, size_t len, int64_t max, struct jobq_err *err) JOBQ_WUR;

/* Check the fields every job needs, wherever it came from: a valid type, a valid queue
 * name if one is given, a key of 1 to 255 characters if one is given, a unique window only
 * with a key, a valid concurrency key (jobq_check_concurrency_key) if one is given.
 * Returns 0 or JOBQ_EINVAL naming the field. */
int batch_check_input(const struct batch_input *in, struct jobq_err *err) JOBQ_WUR;

/* Parse one batch line (len bytes, no NUL needed) into in, which it zeroes first: a JSON
 * object with "type" (required), "payload" (any JSON, at most max_payload bytes compact),
 * "queue", "key", "max_attempts" (1..1000), "delay", "timeout" and "unique_for" (a duration
 * string like "30s", or a number of seconds; unique_for above 0 and only with a key),
 * "priority" (0..9), "concurrency_key" (a string), "metadata" (a JSON object, at most
 * JOBQ_METADATA_MAX bytes compact), and no other field or duplicate. Returns 0 with in
 * checked as batch_check_input does, or JOBQ_EINVAL (JOBQ_ENOMEM) with a message naming
 * the field; in either case in owns what it holds and the caller frees it with
 * batch_input_free. */
int batch_parse_line(const char *line, size_t len, int64_t max_payload, struct batch_input *in,
		     struct jobq_err *err) JOBQ_WUR;

/* Read a batch from f, named name in messages: each line is stripped of trailing blanks
 * (space, tab, CR, LF), empty lines are skipped, and every other line is parsed by
 * batch_parse_line. On success *out (malloc'd, the caller frees each entry with
 * batch_input_free and then the array) holds *nout >= 1 inputs in file order. Fails with
 * JOBQ_EINVAL "NAME:LINE: <what batch_parse_line said>", "NAME:LINE: more than
 * BATCH_MAX_JOBS jobs in one batch" or "NAME: no jobs in the batch", or JOBQ_ENOMEM;
 * then *out and *nout are untouched; a read error (getline stops at it as at the end) is
 * JOBQ_EINVAL "NAME:LINE: read error: <strerror>", never a batch cut short. Does not
 * close f. */
int batch_read_file(FILE *f, const char *name, int64_t max_payload, struct batch_input **out,
		    size_t *nout, struct jobq_err *err) JOBQ_WUR;

/* batch_read_file over the file at path ("-" = stdin). Also fails with JOBQ_EINVAL
 * "--batch PATH: <strerror>" when the file cannot be opened. */
int batch_read(const char *path, int64_t max_payload, struct batch_input **out, size_t *nout,
	       struct jobq_err *err) JOBQ_WUR;

#endif
