/* Unit tests: concurrency limits' inputs (jobq/limit.h): scopes, keys, max running, rates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "jobq/limit.h"

static void test_scope_valid(void **state)
{
	(void)state;
	assert_int_equal(jobq_check_limit_scope("queue:work", NULL), 0);
	assert_int_equal(jobq_check_limit_scope("type:img.resize:v2", NULL), 0);
	assert_int_equal(jobq_check_limit_scope("key:tenant-42", NULL), 0);
	assert_int_equal(jobq_check_limit_scope("key:a:b.c_d", NULL), 0);
}

static void test_scope_invalid(void **state)
{
	static const char *const bad[] = { "",          "work",  "queue:", "queue:a b",
					   "queue:a:b", "type:", "key:",   "tenant:x",
					   "Queue:x",   "key:é", ":x",     "queue:work " };
	struct jobq_err err = { 0 };

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(jobq_check_limit_scope(bad[i], &err), JOBQ_EINVAL);
	assert_int_equal(jobq_check_limit_scope(NULL, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "scope '' is invalid"));
}

static void test_scope_lengths(void **state)
{
	char s[200] = "key:";

	(void)state;
	memset(s + 4, 'k', 128);
	s[4 + 128] = '\0';
	assert_int_equal(jobq_check_limit_scope(s, NULL), 0);
	s[4 + 128] = 'k';
	s[4 + 129] = '\0';
	assert_int_equal(jobq_check_limit_scope(s, NULL), JOBQ_EINVAL);
	memcpy(s, "queue:", 6);
	memset(s + 6, 'q', 65);
	s[6 + 65] = '\0';
	assert_int_equal(jobq_check_limit_scope(s, NULL), JOBQ_EINVAL); /* queue names: 64 */
}

static void test_concurrency_key(void **state)
{
	struct jobq_err err = { 0 };

	(void)state;
	assert_int_equal(jobq_check_concurrency_key("tenant-1", NULL), 0);
	assert_int_equal(jobq_check_concurrency_key("", &err), JOBQ_EINVAL);
	assert_int_equal(jobq_check_concurrency_key("a/b", &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "concurrency key 'a/b' is invalid"));
	assert_int_equal(jobq_check_concurrency_key(NULL, &err), JOBQ_EINVAL);
}

static void test_max_running(void **state)
{
	static const char *const bad[] = { "",        "0",   "-1",
					   "1000001", "5x",  " 5",
					   "+5",      "1.5", "99999999999999999999",
					   "0x10",    "1e3" };
	struct jobq_err err = { 0 };
	int n = 0;

	(void)state;
	assert_int_equal(jobq_parse_max_running("5", &n, NULL), 0);
	assert_int_equal(n, 5);
	assert_int_equal(jobq_parse_max_running("1000000", &n, NULL), 0);
	assert_int_equal(n, 1000000);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(jobq_parse_max_running(bad[i], &n, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "is not a whole number from 1 to 1000000"));
}

static void test_rate(void **state)
{
	static const char *const bad[] = { "",       "20",      "20/h",   "/s",      "0/s",
					   "-1/s",   "x/s",     "20/ s",  "20/sec",  "2e7/s",
					   "nan/s",  "20/s/s",  "0x10/s", "0X1p4/s", "inf/s",
					   "1..5/s", "1.2.3/s", "./s",    " 5/s",    "+5/s",
					   "5 /s",   "1e/s",    "1e+/s",  "e5/s",    "5e1.5/s" };
	struct jobq_err err = { 0 };
	double r = 0;

	(void)state;
	assert_int_equal(jobq_parse_rate("20/s", &r, NULL), 0);
	assert_true(r == 20.0);
	assert_int_equal(jobq_parse_rate("30/m", &r, NULL), 0);
	assert_true(r == 0.5);
	assert_int_equal(jobq_parse_rate("0.5/s", &r, NULL), 0);
	assert_true(r == 0.5);
	assert_int_equal(jobq_parse_rate("0.006/m", &r, NULL), 0); /* the slowest rate */
	assert_int_equal(jobq_parse_rate(".5/s", &r, NULL), 0);
	assert_true(r == 0.5);
	assert_int_equal(jobq_parse_rate("5./s", &r, NULL), 0);
	assert_true(r == 5.0);
	assert_int_equal(jobq_parse_rate("1.5e2/m", &r, NULL), 0);
	assert_true(r == 2.5);
	assert_int_equal(jobq_parse_rate("2E-1/s", &r, NULL), 0);
	assert_true(r == 0.2);
	assert_int_equal(jobq_parse_rate("010/s", &r, NULL), 0); /* decimal, not octal */
	assert_true(r == 10.0);
	assert_int_equal(jobq_parse_rate("0x10/s", &r, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "rate '0x10/s' is invalid"));
	assert_int_equal(jobq_parse_rate("0.00001/s", &r, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "the slowest rate"));
	assert_int_equal(jobq_parse_rate("0.000000000000000001/s", &r, &err), JOBQ_EINVAL);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(jobq_parse_rate(bad[i], &r, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "rate '"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scope_valid),   cmocka_unit_test(test_scope_invalid),
		cmocka_unit_test(test_scope_lengths), cmocka_unit_test(test_concurrency_key),
		cmocka_unit_test(test_max_running),   cmocka_unit_test(test_rate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
