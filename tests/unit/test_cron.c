/* Unit tests for cron expressions (common/cron.c): fields, lists, ranges, steps, names,
 * shortcuts, how the two day fields combine, and the one-line errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "jobq/cron.h"

static struct jobq_cron parse_ok(const char *text)
{
	struct jobq_err err;
	struct jobq_cron c;

	jobq_err_clear(&err);
	if (jobq_cron_parse(text, &c, &err) != 0)
		fail_msg("'%s' rejected: %s", text, err.msg);
	return c;
}

/* Rejected with exactly the message want. */
static void parse_bad(const char *text, const char *want)
{
	struct jobq_err err;
	struct jobq_cron c;

	jobq_err_clear(&err);
	if (jobq_cron_parse(text, &c, &err) != JOBQ_EINVAL)
		fail_msg("'%s' accepted", text);
	assert_int_equal(err.code, JOBQ_EINVAL);
	assert_null(strchr(err.msg, '\n'));
	assert_string_equal(err.msg, want);
}

static uint64_t range_bits(int lo, int hi, int step)
{
	uint64_t b = 0;

	for (int v = lo; v <= hi; v += step)
		b |= 1ULL << v;
	return b;
}

static void test_cron_star_is_every_value(void **state)
{
	struct jobq_cron c = parse_ok("* * * * *");

	(void)state;
	assert_true(c.minutes == range_bits(0, 59, 1));
	assert_true(c.hours == range_bits(0, 23, 1));
	assert_true(c.days == range_bits(1, 31, 1));
	assert_true(c.months == range_bits(1, 12, 1));
	assert_true(c.weekdays == range_bits(0, 6, 1));
	assert_true(c.days_any && c.weekdays_any);
}

static void test_cron_lists_ranges_steps(void **state)
{
	struct jobq_cron c = parse_ok("1-30/5 */4 1,15,20-22 */4 1-5");

	(void)state;
	assert_true(c.minutes == range_bits(1, 26, 5));
	assert_true(c.hours == range_bits(0, 20, 4));
	assert_true(c.days == ((1ULL << 1) | (1ULL << 15) | range_bits(20, 22, 1)));
	assert_true(c.months == range_bits(1, 12, 4));
	assert_true(c.weekdays == range_bits(1, 5, 1));
	assert_false(c.days_any);
	assert_false(c.weekdays_any);
	c = parse_ok("  0\t0  *  *  *  ");
	assert_true(c.minutes == 1 && c.hours == 1);
	c = parse_ok("*/15 * * * *");
	assert_true(c.minutes == range_bits(0, 45, 15));
}

static void test_cron_names_any_case(void **state)
{
	struct jobq_cron a = parse_ok("0 0 * JAN-mar,Dec Mon-FRI");
	struct jobq_cron b = parse_ok("0 0 * 1-3,12 1-5");

	(void)state;
	assert_memory_equal(&a, &b, sizeof(a));
	a = parse_ok("0 0 * * sun");
	assert_true(a.weekdays == 1);
}

static void test_cron_seven_is_sunday(void **state)
{
	struct jobq_cron c = parse_ok("0 0 * * 7");

	(void)state;
	assert_true(c.weekdays == 1);
	c = parse_ok("0 0 * * 5-7");
	assert_true(c.weekdays == ((1 << 0) | (1 << 5) | (1 << 6)));
}

static void test_cron_shortcuts(void **state)
{
	static const struct {
		const char *a, *b;
	} same[] = {
		{ "@yearly", "0 0 1 1 *" },  { "@annually", "0 0 1 1 *" },
		{ "@monthly", "0 0 1 * *" }, { "@weekly", "0 0 * * 0" },
		{ "@daily", "0 0 * * *" },   { "@midnight", "0 0 * * *" },
		{ "@HOURLY", "0 * * * *" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		struct jobq_cron a = parse_ok(same[i].a), b = parse_ok(same[i].b);

		assert_memory_equal(&a, &b, sizeof(a));
	}
}

/* Both day fields restricted: either matches; one of them '*' (even stepped): both. */
static void test_cron_day_fields_combine(void **state)
{
	struct jobq_cron c = parse_ok("0 12 1,15 * mon");

	(void)state;
	/* 2026-12-01 is a Tuesday, 2026-12-07 a Monday, 2026-12-08 a Tuesday. */
	assert_true(jobq_cron_matches(&c, 0, 12, 1, 12, 2));
	assert_true(jobq_cron_matches(&c, 0, 12, 7, 12, 1));
	assert_false(jobq_cron_matches(&c, 0, 12, 8, 12, 2));
	assert_false(jobq_cron_matches(&c, 1, 12, 1, 12, 2));
	c = parse_ok("0 12 * * mon");
	assert_false(jobq_cron_matches(&c, 0, 12, 1, 12, 2));
	assert_true(jobq_cron_matches(&c, 0, 12, 7, 12, 1));
	c = parse_ok("0 12 */2 * mon");
	assert_true(jobq_cron_matches(&c, 0, 12, 7, 12, 1));
	assert_false(jobq_cron_matches(&c, 0, 12, 14, 12, 1)); /* even day: not in */
	assert_false(jobq_cron_matches(&c, 0, 12, 9, 12, 3));  /* odd, not Monday */
}

static void test_cron_array(void **state)
{
	char buf[JOBQ_CRON_ARRAY_BUF];
	struct jobq_cron c = parse_ok("* * * * *");

	(void)state;
	assert_string_equal(jobq_cron_array(range_bits(0, 45, 15), 0, 59, buf, sizeof(buf)),
			    "{0,15,30,45}");
	jobq_cron_array(c.minutes, 0, 59, buf, sizeof(buf));
	assert_true(strlen(buf) < sizeof(buf) - 1);
	assert_int_equal(strncmp(buf, "{0,1,2,", 7), 0);
	assert_int_equal(strcmp(buf + strlen(buf) - 4, ",59}"), 0);
}

static void test_cron_errors_name_field_and_text(void **state)
{
	(void)state;
	parse_bad("61 * * * *", "cron \"61 * * * *\": minute 61 out of range 0-59");
	parse_bad("* 24 * * *", "cron \"* 24 * * *\": hour 24 out of range 0-23");
	parse_bad("* * 0 * *", "cron \"* * 0 * *\": day-of-month 0 out of range 1-31");
	parse_bad("* * * 1-13 *", "cron \"* * * 1-13 *\": month 13 out of range 1-12");
	parse_bad("* * * * 8", "cron \"* * * * 8\": day-of-week 8 out of range 0-7");
	parse_bad("* * * *", "cron \"* * * *\": expected 5 fields (minute hour day-of-month "
			     "month day-of-week), got fewer");
	parse_bad("* * * * * *", "cron \"* * * * * *\": expected 5 fields (minute hour "
				 "day-of-month month day-of-week), got more");
	parse_bad("*/0 * * * *", "cron \"*/0 * * * *\": minute step in '*/0' must be a number "
				 "from 1");
	parse_bad("5/15 * * * *", "cron \"5/15 * * * *\": minute step '5/15' needs a range or "
				  "'*' before the '/'");
	parse_bad("1,,2 * * * *", "cron \"1,,2 * * * *\": minute has an empty list item");
	parse_bad("30-10 * * * *", "cron \"30-10 * * * *\": minute range '30-10' goes "
				   "backwards");
	parse_bad("* * * foo *", "cron \"* * * foo *\": month 'foo' is not a value, range or "
				 "step");
	parse_bad("* * * * sunday", "cron \"* * * * sunday\": day-of-week 'sunday' is not a "
				    "value, range or step");
	parse_bad("jan * * * *", "cron \"jan * * * *\": minute 'jan' is not a value, range or "
				 "step");
	parse_bad("1- * * * *", "cron \"1- * * * *\": minute '1-' is not a range");
	parse_bad("0 0 30 feb *", "cron \"0 0 30 feb *\": day-of-month and month never meet "
				  "(no such date)");
	parse_bad("@reboot", "cron \"@reboot\": unknown shortcut (use @yearly @annually "
			     "@monthly @weekly @daily @midnight or @hourly)");
	parse_bad("", "cron \"\": empty expression");
	parse_bad("1\n* * * *", "cron \"1?* * * *\": expected 5 fields (minute hour "
				"day-of-month month day-of-week), got fewer");
}

static void test_cron_leap_day_and_weekday_or(void **state)
{
	struct jobq_cron c = parse_ok("0 0 29 2 *");

	(void)state;
	assert_true(c.days == 1u << 29);
	/* 30 feb or a Monday: every Monday in February. */
	c = parse_ok("0 0 30 2 mon");
	assert_true(jobq_cron_matches(&c, 0, 0, 2, 2, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cron_star_is_every_value),
		cmocka_unit_test(test_cron_lists_ranges_steps),
		cmocka_unit_test(test_cron_names_any_case),
		cmocka_unit_test(test_cron_seven_is_sunday),
		cmocka_unit_test(test_cron_shortcuts),
		cmocka_unit_test(test_cron_day_fields_combine),
		cmocka_unit_test(test_cron_array),
		cmocka_unit_test(test_cron_errors_name_field_and_text),
		cmocka_unit_test(test_cron_leap_day_and_weekday_or),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
