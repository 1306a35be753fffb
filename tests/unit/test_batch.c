/* Unit tests: reading a batch file (publisher/batch.c) — a whole file is read, and a read
 * error is refused rather than submitted as a batch cut short. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"

static void test_batch_reads_every_line(void **state)
{
	static const char text[] =
		"{\"type\": \"noop\"}\n\n{\"type\": \"echo\", \"payload\": {}}\n";
	struct batch_input *ins = NULL;
	struct jobq_err err = { 0 };
	size_t n = 0;
	FILE *f = fmemopen((void *)text, strlen(text), "r");

	(void)state;
	assert_non_null(f);
	assert_int_equal(batch_read_file(f, "jobs.jsonl", 1 << 20, &ins, &n, &err), 0);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++)
		batch_input_free(&ins[i]);
	free(ins);
	fclose(f);
}

/* getline() on a directory fails with EISDIR and sets the stream's error flag, as a read
 * error in the middle of a file would: the read must fail, naming the file and the line. */
static void test_batch_read_error_is_refused(void **state)
{
	struct batch_input *ins = NULL;
	struct jobq_err err = { 0 };
	size_t n = 7;
	FILE *f = fopen("/", "r");

	(void)state;
	assert_non_null(f);
	assert_int_equal(batch_read_file(f, "dir", 1 << 20, &ins, &n, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "dir:1: read error:"));
	assert_null(ins);
	assert_int_equal(n, 7);
	fclose(f);
}

/* The "priority" field: a whole number from 0 to 9, anything else refused with one line. */
static void test_batch_priority_field(void **state)
{
	static const char *const bad[] = { "{\"type\":\"noop\",\"priority\":10}",
					   "{\"type\":\"noop\",\"priority\":-1}",
					   "{\"type\":\"noop\",\"priority\":1.5}",
					   "{\"type\":\"noop\",\"priority\":\"9\"}" };
	static const char good[] = "{\"type\":\"noop\",\"priority\":9}";
	struct batch_input in;
	struct jobq_err err = { 0 };

	(void)state;
	assert_int_equal(batch_parse_line(good, strlen(good), 1 << 20, &in, &err), 0);
	assert_int_equal(in.job.priority, 9);
	batch_input_free(&in);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(batch_parse_line(bad[i], strlen(bad[i]), 1 << 20, &in, &err),
				 JOBQ_EINVAL);
		assert_string_equal(err.msg, "\"priority\" must be a whole number from 0 to 9");
		batch_input_free(&in);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_batch_reads_every_line),
		cmocka_unit_test(test_batch_read_error_is_refused),
		cmocka_unit_test(test_batch_priority_field),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
