/* Unit tests: the job message envelope — encoding, and rejection of every malformed form. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/envelope.h"

#define ID "0b0e5a5e-4d8c-4f43-9d6e-2a1f3c4b5d6e"

static int decode(const char *body, const char *message_id, struct jobq_envelope *env,
		  struct jobq_err *err)
{
	return jobq_envelope_decode(body, strlen(body), message_id, env, err);
}

static void test_envelope_round_trip(void **state)
{
	struct jobq_envelope in = { ID, "thumbnail.v2", "images", 0, false }, out;
	char buf[256];
	int n;

	(void)state;
	n = jobq_envelope_encode(&in, buf, sizeof(buf), NULL);
	assert_true(n > 0);
	assert_int_equal((size_t)n, strlen(buf));
	assert_int_equal(jobq_envelope_decode(buf, (size_t)n, ID, &out, NULL), 0);
	assert_string_equal(out.job_id, ID);
	assert_string_equal(out.type, "thumbnail.v2");
	assert_string_equal(out.queue, "images");
}

/* An id in upper case is the same job: decoded to its canonical lower-case form, so it
 * matches the database's ids and the cancel broadcasts; message_id may use either case. */
static void test_envelope_decode_lowercases_ids(void **state)
{
	struct jobq_envelope out;
	char body[256];

	(void)state;
	snprintf(body, sizeof(body), "{\"job_id\":\"%s\",\"type\":\"noop\",\"queue\":\"q\"}",
		 "0B0E5A5E-4D8C-4F43-9D6E-2A1F3C4B5D6E");
	assert_int_equal(decode(body, "0B0E5A5E-4D8C-4F43-9D6E-2A1F3C4B5D6E", &out, NULL), 0);
	assert_string_equal(out.job_id, ID);
	assert_int_equal(decode(body, ID, &out, NULL), 0);
	assert_string_equal(out.job_id, ID);
	assert_int_equal(decode(body, NULL, &out, NULL), 0);
	assert_string_equal(out.job_id, ID);
}

static void test_envelope_encode_refuses_bad_fields(void **state)
{
	struct jobq_envelope e = { "not-a-uuid", "noop", "default", 0, false };
	char buf[256];

	(void)state;
	assert_int_equal(jobq_envelope_encode(&e, buf, sizeof(buf), NULL), JOBQ_EINVAL);
	e = (struct jobq_envelope){ ID, "bad type", "default", 0, false };
	assert_int_equal(jobq_envelope_encode(&e, buf, sizeof(buf), NULL), JOBQ_EINVAL);
	e = (struct jobq_envelope){ ID, "noop", "default", 0, false };
	assert_int_equal(jobq_envelope_encode(&e, buf, 10, NULL), JOBQ_EINVAL);
}

static void expect_rejected(const char *body, const char *message_id, const char *needle)
{
	struct jobq_envelope env;
	struct jobq_err err = { 0 };

	assert_int_equal(decode(body, message_id, &env, &err), JOBQ_EINVAL);
	if (strstr(err.msg, needle) == NULL)
		fail_msg("'%s' not in '%s'", needle, err.msg);
}

static void test_envelope_rejects_malformed(void **state)
{
	(void)state;
	expect_rejected("not json", NULL, "not valid JSON");
	expect_rejected("", NULL, "not valid JSON");
	expect_rejected("[1,2]", NULL, "not a JSON object");
	expect_rejected("{\"type\":\"noop\",\"queue\":\"default\"}", NULL, "no \"job_id\"");
	expect_rejected("{\"job_id\":\"x\",\"type\":\"noop\",\"queue\":\"default\"}", NULL,
			"'x' is not a UUID");
	expect_rejected("{\"job_id\":7,\"type\":\"noop\",\"queue\":\"default\"}", NULL,
			"not a string");
	expect_rejected("{\"job_id\":\"" ID "\",\"type\":\"a b\",\"queue\":\"default\"}", NULL,
			"not a valid job type");
	expect_rejected("{\"job_id\":\"" ID "\",\"type\":\"noop\",\"queue\":\"\"}", NULL,
			"not a valid queue name");
	expect_rejected("{\"job_id\":\"" ID "\",\"job_id\":\"" ID
			"\",\"type\":\"noop\",\"queue\":\"q\"}",
			NULL, "not valid JSON");
}

static void test_envelope_rejects_disagreeing_message_id(void **state)
{
	(void)state;
	expect_rejected("{\"job_id\":\"" ID "\",\"type\":\"noop\",\"queue\":\"default\"}",
			"11111111-2222-3333-4444-555555555555", "disagrees");
}

static void test_envelope_accepts_missing_message_id(void **state)
{
	struct jobq_envelope env;

	(void)state;
	assert_int_equal(decode("{\"job_id\":\"" ID "\",\"type\":\"noop\",\"queue\":\"default\"}",
				"", &env, NULL),
			 0);
}

static void test_envelope_rejects_invalid_utf8_and_nul(void **state)
{
	struct jobq_envelope env;
	const char bad_utf8[] = "{\"job_id\":\"" ID "\",\"type\":\"no\xff\xfeop\",\"queue\":\"q\"}";
	const char nul[] = "{\"job_id\":\"" ID "\",\"type\":\"no\\u0000op\",\"queue\":\"q\"}";

	(void)state;
	assert_int_equal(jobq_envelope_decode(bad_utf8, sizeof(bad_utf8) - 1, NULL, &env, NULL),
			 JOBQ_EINVAL);
	assert_int_equal(jobq_envelope_decode(nul, sizeof(nul) - 1, NULL, &env, NULL), JOBQ_EINVAL);
}

static void test_envelope_rejects_oversized_body(void **state)
{
	size_t n = 10 * 1024 * 1024;
	char *big = malloc(n);
	struct jobq_envelope env;
	struct jobq_err err = { 0 };

	(void)state;
	assert_non_null(big);
	memset(big, ' ', n);
	assert_int_equal(jobq_envelope_decode(big, n, NULL, &env, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "exceeds"));
	free(big);
}

/* The encoder's exact form is read without the JSON parser; every other spelling of the
 * same object goes through the parser, and both give the same fields or the same reason. */
static void test_envelope_encoded_form_and_parser_agree(void **state)
{
	static const char *const same[] = {
		"{\"job_id\":\"" ID "\",\"type\":\"noop\",\"queue\":\"q\"}",
		" {\"job_id\":\"" ID "\",\"type\":\"noop\",\"queue\":\"q\"}",
		"{\"job_id\": \"" ID "\", \"type\": \"noop\", \"queue\": \"q\"}\n",
		"{\"queue\":\"q\",\"type\":\"noop\",\"job_id\":\"" ID "\"}",
		"{\"job_id\":\"" ID "\",\"type\":\"no\\u006fp\",\"queue\":\"q\"}",
		"{\"job_id\":\"" ID "\",\"type\":\"noop\",\"queue\":\"q\",\"extra\":1}",
	};
	struct jobq_envelope env;

	(void)state;
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		assert_int_equal(decode(same[i], ID, &env, NULL), 0);
		assert_string_equal(env.job_id, ID);
		assert_string_equal(env.type, "noop");
		assert_string_equal(env.queue, "q");
	}
	/* The encoder's form around a field the parser refuses: the parser's reason. */
	expect_rejected("{\"job_id\":\"" ID "\",\"type\":\"a\\\"b\",\"queue\":\"q\"}", NULL,
			"'a\"b' is not a valid job type");
	expect_rejected(
		"{\"job_id\":\"" ID
		"\",\"type\":\"0123456789012345678901234567890123456789012345678901234567890123X\","
		"\"queue\":\"q\"}",
		NULL, "body's \"type\" is too long");
	expect_rejected("{\"job_id\":\"" ID "\",\"type\":\"noop\",\"queue\":\"q\"}x", NULL,
			"not valid JSON");
	expect_rejected("{\"job_id\":\"" ID "\",\"type\":\"noop\",\"queue\":\"q", NULL,
			"not valid JSON");
	expect_rejected("{\"job_id\":\"" ID "\",\"type\":\"no\top\",\"queue\":\"q\"}", NULL,
			"not valid JSON");
}

static void test_envelope_type_names(void **state)
{
	(void)state;
	assert_true(jobq_job_type_valid("noop"));
	assert_true(jobq_job_type_valid("mail:send.v2-x_y"));
	assert_false(jobq_job_type_valid(""));
	assert_false(jobq_job_type_valid(NULL));
	assert_false(jobq_job_type_valid("a/b"));
	assert_false(jobq_job_type_valid(
		"0123456789012345678901234567890123456789012345678901234567890123X"));
}

/* Priority and keyed jobs go to the express queue; the key is not in the body. */
static void test_envelope_express_routes_priority_and_keyed(void **state)
{
	struct jobq_envelope e = { ID, "noop", "default", 0, false }, out;
	char buf[256];
	int n;

	(void)state;
	assert_false(jobq_envelope_express(&e));
	e.priority = 1;
	assert_true(jobq_envelope_express(&e));
	e.priority = 0;
	e.keyed = true;
	assert_true(jobq_envelope_express(&e));
	n = jobq_envelope_encode(&e, buf, sizeof(buf), NULL);
	assert_true(n > 0);
	assert_int_equal(jobq_envelope_decode(buf, (size_t)n, NULL, &out, NULL), 0);
	assert_false(out.keyed);
	assert_false(jobq_envelope_express(&out));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_envelope_round_trip),
		cmocka_unit_test(test_envelope_express_routes_priority_and_keyed),
		cmocka_unit_test(test_envelope_decode_lowercases_ids),
		cmocka_unit_test(test_envelope_encode_refuses_bad_fields),
		cmocka_unit_test(test_envelope_rejects_malformed),
		cmocka_unit_test(test_envelope_rejects_disagreeing_message_id),
		cmocka_unit_test(test_envelope_accepts_missing_message_id),
		cmocka_unit_test(test_envelope_rejects_invalid_utf8_and_nul),
		cmocka_unit_test(test_envelope_rejects_oversized_body),
		cmocka_unit_test(test_envelope_encoded_form_and_parser_agree),
		cmocka_unit_test(test_envelope_type_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
