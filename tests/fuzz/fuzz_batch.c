/* Fuzz target for publisher/batch.c: batch_parse_line on the whole input as one line, and
 * batch_read_file on the input as a file of lines. A parsed job must pass the checks the
 * single-job path makes (type, queue, key, payload, ranges); a failure must name the file
 * and line of the first bad line; reading the file must agree with parsing its lines one
 * by one. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "batch.h"
#include "fuzz.h"
#include "jobq/duration.h"
#include "jobq/envelope.h"
#include "jobq/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Small enough that generated payloads cross it. */
#define MAX_PAYLOAD 64

static bool same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* What a successful parse promises. */
static void check_parsed(const struct batch_input *in, int64_t max_payload)
{
	struct jobq_err err;

	FUZZ_CHECK(in->type != NULL && jobq_job_type_valid(in->type));
	FUZZ_CHECK(in->queue == NULL || jobq_queue_name_valid(in->queue));
	FUZZ_CHECK(in->key == NULL || (strlen(in->key) >= 1 && strlen(in->key) <= 255));
	if (in->payload != NULL) {
		fuzz_err_poison(&err);
		FUZZ_CHECK(batch_check_payload(in->payload, strlen(in->payload), max_payload,
					       &err) == 0);
	}
	fuzz_err_poison(&err);
	FUZZ_CHECK(batch_check_input(in, &err) == 0);
	FUZZ_CHECK(in->job.max_attempts >= 0 && in->job.max_attempts <= 1000);
	FUZZ_CHECK(in->job.delay_ms >= 0 && in->job.delay_ms <= JOBQ_DURATION_MAX_MS);
	FUZZ_CHECK(in->job.timeout_ms >= 0 && in->job.timeout_ms <= JOBQ_DURATION_MAX_MS);
	FUZZ_CHECK(in->job.at_unix_ms == 0);
	FUZZ_CHECK(in->job.type == NULL && in->job.payload == NULL && in->job.queue == NULL &&
		   in->job.key == NULL);
}

static bool same_input(const struct batch_input *a, const struct batch_input *b)
{
	return same_str(a->type, b->type) && same_str(a->payload, b->payload) &&
	       same_str(a->queue, b->queue) && same_str(a->key, b->key) &&
	       a->job.max_attempts == b->job.max_attempts && a->job.delay_ms == b->job.delay_ms &&
	       a->job.timeout_ms == b->job.timeout_ms;
}

/* One line, as the reader hands it over (no NUL needed: a copy without one). */
static void check_line(const uint8_t *data, size_t size)
{
	struct batch_input in;
	struct jobq_err err;
	char *copy = malloc(size + 1);
	int r;

	FUZZ_CHECK(copy != NULL);
	if (size > 0)
		memcpy(copy, data, size);
	fuzz_err_poison(&err);
	r = batch_parse_line(copy, size, MAX_PAYLOAD, &in, &err);
	if (r == 0)
		check_parsed(&in, MAX_PAYLOAD);
	else
		fuzz_check_err(&err, r);
	batch_input_free(&in);
	FUZZ_CHECK(in.type == NULL && in.payload == NULL && in.queue == NULL && in.key == NULL);
	free(copy);
}

/* The input as a file: the reader's result must be what parsing each non-blank line
 * (trailing blanks stripped) gives, and an error must name the first bad line. */
static void check_file(const uint8_t *data, size_t size)
{
	struct batch_input *ins = (struct batch_input *)(uintptr_t)1, one;
	struct jobq_err err, lerr;
	size_t n = 12345, k = 0, lineno = 0, i;
	const char *p = (const char *)data, *end = p + size;
	char prefix[64];
	FILE *f;
	int r, lr = 0;

	f = fmemopen((void *)(uintptr_t)data, size, "r");
	if (f == NULL) /* glibc refuses a zero-size buffer */
		return;
	fuzz_err_poison(&err);
	r = batch_read_file(f, "in.jsonl", MAX_PAYLOAD, &ins, &n, &err);
	fclose(f);
	if (r == 0) {
		FUZZ_CHECK(n >= 1 && n <= BATCH_MAX_JOBS);
	} else {
		fuzz_check_err(&err, r);
		FUZZ_CHECK(n == 12345 && ins == (struct batch_input *)(uintptr_t)1);
		FUZZ_CHECK(strncmp(err.msg, "in.jsonl:", 9) == 0);
	}

	/* Walk the lines as the reader does (getline splits at '\n'; a NUL byte inside a
	 * line is part of it). */
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		const char *next = nl != NULL ? nl + 1 : end;

		lineno++;
		while (len > 0 && strchr("\r \t", p[len - 1]) != NULL && p[len - 1] != '\0')
			len--;
		if (len > 0) {
			fuzz_err_poison(&lerr);
			lr = batch_parse_line(p, len, MAX_PAYLOAD, &one, &lerr);
			if (lr != 0) {
				batch_input_free(&one);
				break;
			}
			if (r == 0) {
				FUZZ_CHECK(k < n);
				FUZZ_CHECK(same_input(&ins[k], &one));
			}
			batch_input_free(&one);
			k++;
		}
		p = next;
	}
	if (r == 0) {
		FUZZ_CHECK(lr == 0 && k == n);
	} else if (lr != 0) {
		/* the first bad line, with batch_parse_line's own message */
		size_t plen, m;

		plen = (size_t)snprintf(prefix, sizeof(prefix), "in.jsonl:%zu: ", lineno);
		FUZZ_CHECK(r == lr);
		FUZZ_CHECK(strncmp(err.msg, prefix, plen) == 0);
		/* the line's message, cut only where the buffer ends */
		m = strlen(err.msg + plen);
		FUZZ_CHECK(memcmp(err.msg + plen, lerr.msg, m) == 0);
		FUZZ_CHECK(m == strlen(lerr.msg) || plen + m == sizeof(err.msg) - 1);
	} else if (k == 0) {
		FUZZ_CHECK(strcmp(err.msg, "in.jsonl: no jobs in the batch") == 0);
	} else {
		/* every line parsed alone: a reference across lines is wrong (resolve_refs: an
		 * after naming no earlier line's ref, a ref given twice), named by its line */
		unsigned long ln = 0;
		int off = 0;

		FUZZ_CHECK(r == JOBQ_EINVAL);
		FUZZ_CHECK(sscanf(err.msg, "in.jsonl:%lu: %n", &ln, &off) == 1 && off > 0);
		FUZZ_CHECK(ln >= 1 && ln <= lineno);
		FUZZ_CHECK(strstr(err.msg + off, "ref") != NULL);
	}
	if (r == 0) {
		for (i = 0; i < n; i++)
			batch_input_free(&ins[i]);
		free(ins);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	check_line(data, size);
	check_file(data, size);
	return 0;
}
