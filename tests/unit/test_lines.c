/* Bounded line splitting (consumer/lines.c): lines across feeds, a line too long handed
 * on cut once and the rest dropped up to its newline, the last line at the end, and a
 * callback that stops the feed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "lines.h"

struct seen {
	char text[512];
	int n, stop_after;
};

static bool collect(void *arg, const char *line, size_t len, bool cut)
{
	struct seen *s = arg;
	size_t at = strlen(s->text);

	assert_int_equal(strlen(line), len);
	snprintf(s->text + at, sizeof(s->text) - at, "[%s%s]", line, cut ? "~" : "");
	return ++s->n != s->stop_after;
}

static void test_lines_across_feeds(void **state)
{
	struct lines b = { .max = 16 };
	struct seen s = { 0 };

	(void)state;
	assert_true(lines_feed(&b, "ab", 2, collect, &s));
	assert_true(lines_feed(&b, "c\nde\n\nf", 7, collect, &s));
	assert_string_equal(s.text, "[abc][de][]");
	lines_end(&b, collect, &s);
	assert_string_equal(s.text, "[abc][de][][f]");
	lines_end(&b, collect, &s); /* nothing left: nothing more */
	assert_int_equal(s.n, 4);
	lines_free(&b);
}

static void test_lines_too_long_cut_once(void **state)
{
	struct lines b = { .max = 4 };
	struct seen s = { 0 };

	(void)state;
	assert_true(lines_feed(&b, "abcdefgh", 8, collect, &s));
	assert_true(lines_feed(&b, "ijk\nxy\n", 7, collect, &s));
	assert_string_equal(s.text, "[abcd~][xy]");
	/* exactly max is not cut */
	assert_true(lines_feed(&b, "wxyz\n", 5, collect, &s));
	assert_string_equal(s.text, "[abcd~][xy][wxyz]");
	/* a cut line's tail without newline is not a line at the end */
	assert_true(lines_feed(&b, "123456", 6, collect, &s));
	lines_end(&b, collect, &s);
	assert_string_equal(s.text, "[abcd~][xy][wxyz][1234~]");
	lines_free(&b);
}

static void test_lines_stop(void **state)
{
	struct lines b = { .max = 16 };
	struct seen s = { .stop_after = 2 };

	(void)state;
	assert_false(lines_feed(&b, "a\nb\nc\n", 6, collect, &s));
	assert_string_equal(s.text, "[a][b]");
	lines_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_across_feeds),
		cmocka_unit_test(test_lines_too_long_cut_once),
		cmocka_unit_test(test_lines_stop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
