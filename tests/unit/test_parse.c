/* Unit tests for strict integer, UUID, queue name and time parsing (common/parse.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "jobq/parse.h"

static void test_parse_int_accepts_whole_numbers(void **state)
{
	struct jobq_err err;
	int64_t v;

	(void)state;
	assert_int_equal(jobq_parse_int("1", 1, 1000, "--max-attempts", &v, &err), 0);
	assert_int_equal(v, 1);
	assert_int_equal(jobq_parse_int("1000", 1, 1000, "--max-attempts", &v, &err), 0);
	assert_int_equal(v, 1000);
	assert_int_equal(jobq_parse_int("-5", -10, 10, "x", &v, &err), 0);
	assert_int_equal(v, -5);
	assert_int_equal(jobq_parse_int("9223372036854775807", 0, INT64_MAX, "x", &v, &err), 0);
	assert_int_equal(v, INT64_MAX);
	assert_int_equal(jobq_parse_int("0", 0, 0, NULL, &v, NULL), 0);
}

static void test_parse_int_rejects_junk(void **state)
{
	static const char *const bad[] = { "",    "12x",  " 3",   "3 ",
					   "+3",  "-3",   "0x10", "1.0",
					   "1e3", "1001", "0",    "99999999999999999999",
					   "-" };
	struct jobq_err err;
	int64_t v = 77;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (jobq_parse_int(bad[i], 1, 1000, "--max-attempts", &v, &err) != JOBQ_EINVAL)
			fail_msg("'%s' accepted", bad[i]);
		assert_int_equal(v, 77);
	}
	assert_int_equal(jobq_parse_int("-99999999999999999999", INT64_MIN, 0, "x", &v, &err),
			 JOBQ_EINVAL);
	assert_int_equal(jobq_parse_int(NULL, 0, 1, "x", &v, &err), JOBQ_EINVAL);
}

static void test_parse_int_message_names_input_and_range(void **state)
{
	struct jobq_err err;
	int64_t v;

	(void)state;
	assert_int_equal(jobq_parse_int("12x", 1, 1000, "--max-attempts", &v, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "--max-attempts: '12x' is not a whole number from 1 to 1000");
	assert_int_equal(err.code, JOBQ_EINVAL);
	assert_int_equal(jobq_parse_int("x", 1, 2, NULL, &v, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "'x' is not a whole number from 1 to 2");
}

static void test_parse_uuid_valid(void **state)
{
	(void)state;
	assert_true(jobq_uuid_valid("123e4567-e89b-12d3-a456-426614174000"));
	assert_true(jobq_uuid_valid("123E4567-E89B-12D3-A456-426614174000"));
	assert_false(jobq_uuid_valid(NULL));
	assert_false(jobq_uuid_valid(""));
	assert_false(jobq_uuid_valid("123e4567e89b12d3a456426614174000"));
	assert_false(jobq_uuid_valid("123e4567-e89b-12d3-a456-42661417400"));
	assert_false(jobq_uuid_valid("123e4567-e89b-12d3-a456-4266141740000"));
	assert_false(jobq_uuid_valid("123e4567-e89b-12d3-a456_426614174000"));
	assert_false(jobq_uuid_valid("g23e4567-e89b-12d3-a456-426614174000"));
	assert_false(jobq_uuid_valid("{23e4567-e89b-12d3-a456-426614174000"));
}

static void test_parse_uuid_lowercases(void **state)
{
	struct jobq_err err = { 0 };
	char out[JOBQ_UUID_LEN + 1], buf[] = "123E4567-E89B-12D3-A456-42661417400F";

	(void)state;
	assert_int_equal(jobq_parse_uuid("123E4567-e89B-12d3-A456-42661417400F", out, &err), 0);
	assert_string_equal(out, "123e4567-e89b-12d3-a456-42661417400f");
	assert_int_equal(jobq_parse_uuid(buf, buf, NULL), 0); /* in place */
	assert_string_equal(buf, "123e4567-e89b-12d3-a456-42661417400f");
	memcpy(out, "untouched", 10);
	assert_int_equal(jobq_parse_uuid("123e4567-e89b-12d3-a456-42661417400G", out, &err),
			 JOBQ_EINVAL);
	assert_string_equal(err.msg, "'123e4567-e89b-12d3-a456-42661417400G' is not a UUID");
	assert_string_equal(out, "untouched");
	assert_int_equal(jobq_parse_uuid(NULL, out, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "'' is not a UUID");
}

static void test_parse_queue_name_valid(void **state)
{
	char long_name[66];

	(void)state;
	assert_true(jobq_queue_name_valid("default"));
	assert_true(jobq_queue_name_valid("a.b-c_D9"));
	assert_true(jobq_queue_name_valid("x"));
	memset(long_name, 'q', 64);
	long_name[64] = '\0';
	assert_true(jobq_queue_name_valid(long_name));
	long_name[64] = 'q';
	long_name[65] = '\0';
	assert_false(jobq_queue_name_valid(long_name));
	assert_false(jobq_queue_name_valid(NULL));
	assert_false(jobq_queue_name_valid(""));
	assert_false(jobq_queue_name_valid("a b"));
	assert_false(jobq_queue_name_valid("a/b"));
	assert_false(jobq_queue_name_valid("a,b"));
	assert_false(jobq_queue_name_valid("caf\xc3\xa9"));
	/* kept for express queues: jobq.Q.express is Q's */
	assert_false(jobq_queue_name_valid("q.express"));
	assert_false(jobq_queue_name_valid(".express"));
	assert_true(jobq_queue_name_valid("q.expressway"));
	assert_true(jobq_queue_name_valid("express"));
	assert_true(jobq_queue_name_express("q.express"));
	assert_false(jobq_queue_name_express("q.expres"));
}

static int64_t time_ok(const char *text)
{
	struct jobq_err err;
	int64_t ms = 0;

	if (jobq_parse_time(text, &ms, &err) != 0)
		fail_msg("'%s' rejected: %s", text, err.msg);
	return ms;
}

static void test_parse_time_rfc3339(void **state)
{
	(void)state;
	assert_int_equal(time_ok("1970-01-01T00:00:00Z"), 0);
	/* 2026-11-28T12:00:00Z = 1795867200 */
	assert_int_equal(time_ok("2026-11-28T12:00:00Z"), 1795867200000LL);
	assert_int_equal(time_ok("2026-11-28t12:00:00z"), 1795867200000LL);
	assert_int_equal(time_ok("2026-11-28 13:00:00+01:00"), 1795867200000LL);
	assert_int_equal(time_ok("2026-11-28T07:30:00-04:30"), 1795867200000LL);
	assert_int_equal(time_ok("2026-11-28T12:00:00.123Z"), 1795867200123LL);
	assert_int_equal(time_ok("2026-11-28T12:00:00.5Z"), 1795867200500LL);
	assert_int_equal(time_ok("2026-11-28T12:00:00.123999+00:00"), 1795867200123LL);
	assert_int_equal(time_ok("2024-02-29T00:00:00Z"), 1709164800000LL);
	assert_int_equal(time_ok("2016-12-31T23:59:60Z"), 1483228800000LL);
}

static void test_parse_time_rejects_bad(void **state)
{
	static const char *const bad[] = {
		"",
		"2026-11-28",
		"2026-11-28T12:00",
		"2026-13-01T00:00:00Z",
		"2026-00-01T00:00:00Z",
		"2026-02-29T00:00:00Z",
		"2026-04-31T00:00:00Z",
		"2026-11-28T24:00:00Z",
		"2026-11-28T12:60:00Z",
		"2026-11-28T12:00:61Z",
		"2026-11-28T12:00:00+24:00",
		"2026-11-28T12:00:00+01",
		"2026-11-28T12:00:00+0100",
		"2026-11-28T12:00:00.Z",
		"2026-11-28T12:00:00Z ",
		" 2026-11-28T12:00:00Z",
		"2026-11-28X12:00:00Z",
		"26-11-28T12:00:00Z",
		"2026-11-28T12:00:00UTC",
		"2026/11/28T12:00:00Z",
	};
	struct jobq_err err;
	int64_t ms = 42;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (jobq_parse_time(bad[i], &ms, &err) != JOBQ_EINVAL)
			fail_msg("'%s' accepted", bad[i]);
		assert_non_null(strstr(err.msg, bad[i]));
	}
	assert_int_equal(ms, 42);
	assert_int_equal(jobq_parse_time(NULL, &ms, &err), JOBQ_EINVAL);
}

static void test_parse_time_missing_zone_is_error(void **state)
{
	struct jobq_err err;
	int64_t ms;

	(void)state;
	assert_int_equal(jobq_parse_time("2026-11-28T12:00:00", &ms, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "no time zone"));
	assert_int_equal(jobq_parse_time("2026-11-28 12:00:00.250", &ms, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "no time zone"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_int_accepts_whole_numbers),
		cmocka_unit_test(test_parse_int_rejects_junk),
		cmocka_unit_test(test_parse_int_message_names_input_and_range),
		cmocka_unit_test(test_parse_uuid_valid),
		cmocka_unit_test(test_parse_uuid_lowercases),
		cmocka_unit_test(test_parse_queue_name_valid),
		cmocka_unit_test(test_parse_time_rfc3339),
		cmocka_unit_test(test_parse_time_rejects_bad),
		cmocka_unit_test(test_parse_time_missing_zone_is_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
