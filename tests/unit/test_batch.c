/* Unit tests: reading a batch file (publisher/batch.c) — a whole file is read, a read
 * error is refused rather than submitted as a batch cut short, and a line's unique window
 * is read and checked. */
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

/* parse LINE: its return and, when it failed, whether the message contains want. */
static int parse(const char *line, struct batch_input *in, const char *want)
{
	struct jobq_err err = { 0 };
	int r = batch_parse_line(line, strlen(line), 1 << 20, in, &err);

	if (r != 0 && strstr(err.msg, want) == NULL)
		fail_msg("\"%s\" not in \"%s\"", want, err.msg);
	batch_input_free(in);
	return r;
}

static void test_batch_unique_for(void **state)
{
	static const char two_hours[] = "{\"type\":\"t\",\"key\":\"k\",\"unique_for\":\"2h\"}";
	struct batch_input in;

	(void)state;
	assert_int_equal(batch_parse_line(two_hours, strlen(two_hours), 1 << 20, &in, NULL), 0);
	assert_int_equal(in.job.unique_for_ms, 2 * 3600 * 1000);
	batch_input_free(&in);
	{ /* with a priority: both kept */
		static const char both[] =
			"{\"type\":\"t\",\"key\":\"k\",\"unique_for\":60,\"priority\":7}";

		assert_int_equal(batch_parse_line(both, strlen(both), 1 << 20, &in, NULL), 0);
		assert_int_equal(in.job.unique_for_ms, 60 * 1000);
		assert_int_equal(in.job.priority, 7);
		batch_input_free(&in);
	}
	assert_int_equal(parse("{\"type\":\"t\",\"key\":\"k\",\"unique_for\":1.5}", &in, ""), 0);
	assert_int_equal(
		parse("{\"type\":\"t\",\"unique_for\":\"1h\"}", &in, "unique_for needs a key"),
		JOBQ_EINVAL);
	assert_int_equal(parse("{\"type\":\"t\",\"key\":\"k\",\"unique_for\":0}", &in,
			       "\"unique_for\" must be more than 0"),
			 JOBQ_EINVAL);
	assert_int_equal(parse("{\"type\":\"t\",\"key\":\"k\",\"unique_for\":-1}", &in,
			       "\"unique_for\" must be a duration"),
			 JOBQ_EINVAL);
	assert_int_equal(parse("{\"type\":\"t\",\"key\":\"k\",\"unique_for\":\"366d\"}", &in,
			       "\"unique_for\""),
			 JOBQ_EINVAL);
	assert_int_equal(parse("{\"type\":\"t\",\"key\":\"k\",\"unique_for\":\"soon\"}", &in,
			       "\"unique_for\""),
			 JOBQ_EINVAL);
}

/* The "concurrency_key" field: a string, checked as the CLI's --concurrency-key; a bad one
 * refused with one line naming it (batch_read_file adds the line's number). */
static void test_batch_concurrency_key_field(void **state)
{
	static const char good[] = "{\"type\":\"noop\",\"concurrency_key\":\"tenant-a:1\"}";
	static const char num[] = "{\"type\":\"noop\",\"concurrency_key\":7}";
	static const char lines[] = "{\"type\":\"noop\"}\n"
				    "{\"type\":\"noop\",\"concurrency_key\":\"a b\"}\n";
	struct batch_input in, *ins = NULL;
	struct jobq_err err = { 0 };
	size_t n = 0;
	FILE *f;

	(void)state;
	assert_int_equal(batch_parse_line(good, strlen(good), 1 << 20, &in, &err), 0);
	assert_string_equal(in.concurrency_key, "tenant-a:1");
	batch_input_free(&in);
	assert_null(in.concurrency_key);
	assert_int_equal(batch_parse_line(num, strlen(num), 1 << 20, &in, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "\"concurrency_key\" must be a string");
	batch_input_free(&in);
	f = fmemopen((void *)lines, strlen(lines), "r");
	assert_non_null(f);
	assert_int_equal(batch_read_file(f, "b.jsonl", 1 << 20, &ins, &n, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "b.jsonl:2: concurrency key 'a b' is invalid (1-128 "
				     "characters of A-Z a-z 0-9 _ . : -)");
	fclose(f);
}

/* "ref", "after" and "after_any": refs of earlier lines become "#N", ids stay as given,
 * and a ref that is unknown, names a later line or is given twice is refused with the
 * line's number. */
static void test_batch_refs(void **state)
{
	static const char ok[] =
		"{\"type\": \"a\", \"ref\": \"root\"}\n"
		"{\"type\": \"b\", \"ref\": \"mid\", \"after\": \"root\"}\n"
		"{\"type\": \"c\", \"after\": [\"mid\", "
		"\"00000000-0000-4000-8000-000000000001\"], \"after_any\": \"root\"}\n";
	static const struct {
		const char *text, *msg;
	} bad[] = {
		{ "{\"type\": \"a\", \"after\": \"nope\"}\n",
		  "b.jsonl:1: \"after\": 'nope' is neither a job id nor the ref of an earlier "
		  "line" },
		{ "{\"type\": \"a\", \"after\": \"x\"}\n{\"type\": \"b\", \"ref\": \"x\"}\n",
		  "b.jsonl:1: \"after\": 'x' is the ref of line 2, not of an earlier line" },
		{ "{\"type\": \"a\", \"ref\": \"x\", \"after_any\": \"x\"}\n",
		  "b.jsonl:1: \"after_any\": 'x' is the ref of line 1" },
		{ "{\"type\": \"a\", \"ref\": \"x\"}\n\n{\"type\": \"b\", \"ref\": \"x\"}\n",
		  "b.jsonl:3: \"ref\": 'x' is line 1's too" },
		{ "{\"type\": \"a\", \"after\": []}\n", "b.jsonl:1: \"after\" must be" },
		{ "{\"type\": \"a\", \"after\": \"a,b\"}\n", "is neither a job id nor a ref" },
		{ "{\"type\": \"a\", \"ref\": \"#1\"}\n", "\"ref\" must be 1-64 characters" },
	};
	struct batch_input *ins = NULL;
	struct jobq_err err = { 0 };
	size_t n = 0;
	FILE *f = fmemopen((void *)ok, strlen(ok), "r");

	(void)state;
	assert_non_null(f);
	assert_int_equal(batch_read_file(f, "b.jsonl", 1 << 20, &ins, &n, &err), 0);
	fclose(f);
	assert_int_equal(n, 3);
	assert_null(ins[0].after);
	assert_string_equal(ins[1].after, "#1");
	assert_string_equal(ins[2].after, "#2,00000000-0000-4000-8000-000000000001");
	assert_string_equal(ins[2].after_any, "#1");
	assert_int_equal(ins[2].line, 3);
	for (size_t i = 0; i < n; i++)
		batch_input_free(&ins[i]);
	free(ins);
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		f = fmemopen((void *)bad[k].text, strlen(bad[k].text), "r");
		assert_non_null(f);
		assert_int_equal(batch_read_file(f, "b.jsonl", 1 << 20, &ins, &n, &err),
				 JOBQ_EINVAL);
		fclose(f);
		if (strstr(err.msg, bad[k].msg) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", k, err.msg, bad[k].msg);
	}
}

/* --after: comma-separated ids, each checked and lower-cased, appended per option. */
static void test_batch_add_after(void **state)
{
	struct jobq_err err = { 0 };
	char *list = NULL;

	(void)state;
	assert_int_equal(
		batch_add_after(&list, "--after", "00000000-0000-4000-8000-00000000000A", &err), 0);
	assert_int_equal(batch_add_after(&list, "--after",
					 "00000000-0000-4000-8000-000000000002,"
					 "00000000-0000-4000-8000-000000000003",
					 &err),
			 0);
	assert_string_equal(list, "00000000-0000-4000-8000-00000000000a,"
				  "00000000-0000-4000-8000-000000000002,"
				  "00000000-0000-4000-8000-000000000003");
	assert_int_equal(batch_add_after(&list, "--after", "x", &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "--after"));
	assert_int_equal(batch_add_after(&list, "--after-any", "", &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "--after-any: '' is not a job id"));
	free(list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_batch_reads_every_line),
		cmocka_unit_test(test_batch_read_error_is_refused),
		cmocka_unit_test(test_batch_priority_field),
		cmocka_unit_test(test_batch_concurrency_key_field),
		cmocka_unit_test(test_batch_unique_for),
		cmocka_unit_test(test_batch_refs),
		cmocka_unit_test(test_batch_add_after),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
