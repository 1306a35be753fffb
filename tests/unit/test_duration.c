/* Unit tests for duration parsing and formatting (common/duration.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "jobq/duration.h"

static int64_t parse_ok(const char *text)
{
	struct jobq_err err;
	int64_t ms = -1;

	jobq_err_clear(&err);
	if (jobq_duration_parse(text, &ms, &err) != 0)
		fail_msg("'%s' rejected: %s", text, err.msg);
	return ms;
}

static void parse_bad(const char *text)
{
	struct jobq_err err;
	int64_t ms = 12345;

	jobq_err_clear(&err);
	if (jobq_duration_parse(text, &ms, &err) != JOBQ_EINVAL)
		fail_msg("'%s' accepted as %lld ms", text, (long long)ms);
	assert_int_equal(err.code, JOBQ_EINVAL);
	assert_true(strlen(err.msg) > 0);
	assert_int_equal(ms, 12345); /* untouched on error */
}

static void test_duration_parse_units(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("250ms"), 250);
	assert_int_equal(parse_ok("30s"), 30000);
	assert_int_equal(parse_ok("5m"), 300000);
	assert_int_equal(parse_ok("1h"), 3600000);
	assert_int_equal(parse_ok("2d"), 172800000);
	assert_int_equal(parse_ok("0"), 0);
	assert_int_equal(parse_ok("0s"), 0);
	assert_int_equal(parse_ok("0ms"), 0);
	assert_int_equal(parse_ok("365d"), JOBQ_DURATION_MAX_MS);
}

static void test_duration_parse_plain_seconds(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("30"), 30000);
	assert_int_equal(parse_ok("1.5"), 1500);
	assert_int_equal(parse_ok("0.25"), 250);
}

static void test_duration_parse_fractions_round_to_ms(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("1.5s"), 1500);
	assert_int_equal(parse_ok("0.5m"), 30000);
	assert_int_equal(parse_ok("1.5h"), 5400000);
	assert_int_equal(parse_ok("0.0004s"), 0);
	assert_int_equal(parse_ok("0.0005s"), 1);
	assert_int_equal(parse_ok("1.2345s"), 1235);
	assert_int_equal(parse_ok("2.6ms"), 3);
	assert_int_equal(parse_ok("0.333333333333333s"), 333);
	/* Every fraction digit counts, however many there are: 0.499999999997 ms vs 0.5000000000054 ms. */
	assert_int_equal(parse_ok("0.0000000057870370370d"), 0);
	assert_int_equal(parse_ok("0.0000000057870370371d"), 1);
	assert_int_equal(parse_ok("0.00000000578707037237d"), 1);
	assert_int_equal(parse_ok("0.4999999999999ms"), 0);
	assert_int_equal(parse_ok("0.5000000000000000000001ms"), 1);
	assert_int_equal(parse_ok("2.49999999999999999999ms"), 2);
	assert_int_equal(parse_ok("364.99999999999999999999999999999999d"), 365 * 86400000LL);
}

static void test_duration_parse_rejects_junk(void **state)
{
	static const char *const bad[] = {
		"",   " 5s", "5s ",  "5 s", "-1s",  "+1s",   "5x",   "s",   "ms",  "1e3",
		"1.", ".5",  "1..5", "5S",  "5sec", "1h30m", "0x10", "nan", "inf", "1,5",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		parse_bad(bad[i]);
	parse_bad(NULL);
}

static void test_duration_parse_rejects_overflow(void **state)
{
	(void)state;
	parse_bad("366d");
	parse_bad("31536000001ms");
	parse_bad("99999999999999999999999999s");
	parse_bad("9223372036854775807");
	parse_bad("365.5d");
}

static void test_duration_parse_error_quotes_text(void **state)
{
	struct jobq_err err;
	int64_t ms;

	(void)state;
	assert_int_equal(jobq_duration_parse("3x", &ms, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "'3x' is not a duration"));
}

static void test_duration_format_shortest(void **state)
{
	static const struct {
		int64_t ms;
		const char *text;
	} cases[] = {
		{ 0, "0s" },
		{ 1, "1ms" },
		{ 250, "250ms" },
		{ 1000, "1s" },
		{ 1500, "1.5s" },
		{ 1250, "1.25s" },
		{ 1005, "1.005s" },
		{ 30000, "30s" },
		{ 300000, "5m" },
		{ 5400000, "1h30m" },
		{ 3600000, "1h" },
		{ 86400000, "1d" },
		{ 90061000, "1d1h1m1s" },
		{ 60500, "1m500ms" },
		{ 61500, "1m1.5s" },
		{ -1500, "-1.5s" },
	};
	char buf[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(jobq_duration_format(cases[i].ms, buf, sizeof(buf)),
				    cases[i].text);
	assert_non_null(jobq_duration_format(INT64_MIN, buf, sizeof(buf)));
}

static void test_duration_format_truncates_safely(void **state)
{
	char buf[4];

	(void)state;
	jobq_duration_format(90061000, buf, sizeof(buf));
	assert_true(strlen(buf) < sizeof(buf));
	jobq_duration_format(1500, buf, 1);
	assert_string_equal(buf, "");
}

static void test_duration_format_single_unit_round_trips(void **state)
{
	static const int64_t values[] = {
		0, 7, 999, 1000, 1500, 59999, 60000, 120000, 3600000, 86400000, JOBQ_DURATION_MAX_MS
	};
	char buf[64];
	int64_t back;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		jobq_duration_format(values[i], buf, sizeof(buf));
		assert_int_equal(jobq_duration_parse(buf, &back, NULL), 0);
		assert_int_equal(back, values[i]);
	}
}

/* The clamped parse: a well-formed value over the limit is the limit; anything else is
 * as strict as jobq_duration_parse. */
static void test_duration_parse_clamped(void **state)
{
	struct jobq_err err;
	int64_t ms = 1;

	(void)state;
	assert_int_equal(jobq_duration_parse_clamped("400d", &ms, &err), 0);
	assert_int_equal(ms, JOBQ_DURATION_MAX_MS);
	assert_int_equal(jobq_duration_parse_clamped("99999999999999999999999", &ms, &err), 0);
	assert_int_equal(ms, JOBQ_DURATION_MAX_MS);
	assert_int_equal(jobq_duration_parse_clamped("30s", &ms, &err), 0);
	assert_int_equal(ms, 30000);
	ms = 7;
	assert_int_equal(jobq_duration_parse_clamped("30x", &ms, &err), JOBQ_EINVAL);
	assert_int_equal(jobq_duration_parse_clamped("-1s", &ms, &err), JOBQ_EINVAL);
	assert_int_equal(ms, 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_duration_parse_clamped),
		cmocka_unit_test(test_duration_parse_units),
		cmocka_unit_test(test_duration_parse_plain_seconds),
		cmocka_unit_test(test_duration_parse_fractions_round_to_ms),
		cmocka_unit_test(test_duration_parse_rejects_junk),
		cmocka_unit_test(test_duration_parse_rejects_overflow),
		cmocka_unit_test(test_duration_parse_error_quotes_text),
		cmocka_unit_test(test_duration_format_shortest),
		cmocka_unit_test(test_duration_format_truncates_safely),
		cmocka_unit_test(test_duration_format_single_unit_round_trips),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
