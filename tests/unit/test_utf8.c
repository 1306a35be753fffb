/* Unit tests: making outside bytes into valid UTF-8 without NUL (jobq/utf8.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/utf8.h"

#define FFFD "\xEF\xBF\xBD"
/* Clean a string literal, its NUL bytes included (all but the terminating one). */
#define cleans_to(lit, want) clean_n((lit), sizeof(lit) - 1, (want))

/* Clean the n bytes of s and compare with want. */
static void clean_n(const char *s, size_t n, const char *want)
{
	size_t len = 0;
	char *out = jobq_utf8_clean(s, n, &len);

	assert_non_null(out);
	assert_string_equal(out, want);
	assert_int_equal(len, strlen(want));
	free(out);
}

static void test_utf8_clean_keeps_valid_text(void **state)
{
	(void)state;
	cleans_to("", "");
	cleans_to("plain ascii", "plain ascii");
	cleans_to("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
		  "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
	cleans_to("\xED\x9F\xBF \xF4\x8F\xBF\xBF",
		  "\xED\x9F\xBF \xF4\x8F\xBF\xBF"); /* U+D7FF, U+10FFFF */
}

static void test_utf8_clean_replaces_each_bad_byte(void **state)
{
	(void)state;
	cleans_to("bad \xFF\xFE bytes", "bad " FFFD FFFD " bytes");
	cleans_to("a\0b", "a" FFFD "b");                    /* NUL */
	cleans_to("\xA9x", FFFD "x");                       /* stray continuation */
	cleans_to("\xC0\xAF", FFFD FFFD);                   /* overlong '/' */
	cleans_to("\xE0\x80\xAF", FFFD FFFD FFFD);          /* overlong, 3 bytes */
	cleans_to("\xED\xA0\x80", FFFD FFFD FFFD);          /* surrogate U+D800 */
	cleans_to("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD); /* past U+10FFFF */
	cleans_to("\xF5\x80", FFFD FFFD);
	cleans_to("x\xC3", "x" FFFD);          /* cut short at the end */
	cleans_to("\xE2\x82x", FFFD FFFD "x"); /* cut short inside */
}

static void test_utf8_valid_says_what_clean_would_change(void **state)
{
	(void)state;
	assert_true(jobq_utf8_valid("", 0));
	assert_true(jobq_utf8_valid("caf\xC3\xA9 \xF4\x8F\xBF\xBF", 10));
	assert_false(jobq_utf8_valid("\xFF", 1));
	assert_false(jobq_utf8_valid("a\0b", 3));         /* NUL */
	assert_false(jobq_utf8_valid("\xED\xA0\x80", 3)); /* surrogate */
	assert_false(jobq_utf8_valid("x\xC3", 2));        /* cut short */
	assert_true(jobq_utf8_valid("x\xC3", 1));         /* only the x */
}

static void test_utf8_cut_start_skips_a_split_character(void **state)
{
	(void)state;
	assert_int_equal(jobq_utf8_cut_start("\xA9\xC3\xA9", 3), 1);     /* ...é|é */
	assert_int_equal(jobq_utf8_cut_start("\x82\xAC!", 3), 2);        /* ...€ */
	assert_int_equal(jobq_utf8_cut_start("\x9F\x98\x80!", 4), 3);    /* ...😀 */
	assert_int_equal(jobq_utf8_cut_start("\x80\x80\x80\x80", 4), 3); /* at most 3 */
	assert_int_equal(jobq_utf8_cut_start("abc", 3), 0);
	assert_int_equal(jobq_utf8_cut_start("\xC3\xA9", 2), 0);
	assert_int_equal(jobq_utf8_cut_start("\xA9", 1), 1);
	assert_int_equal(jobq_utf8_cut_start("", 0), 0);
}

static void test_utf8_cut_end_drops_a_split_character(void **state)
{
	(void)state;
	assert_int_equal(jobq_utf8_cut_end("ab\xC3", 3), 2);           /* ab|é cut */
	assert_int_equal(jobq_utf8_cut_end("a\xE2\x82", 3), 1);        /* a|€ cut */
	assert_int_equal(jobq_utf8_cut_end("a\xF0\x9F\x98", 4), 1);    /* a|😀 cut */
	assert_int_equal(jobq_utf8_cut_end("a\xC3\xA9", 3), 3);        /* whole é */
	assert_int_equal(jobq_utf8_cut_end("a\xE2\x82\xAC", 4), 4);    /* whole € */
	assert_int_equal(jobq_utf8_cut_end("\xF0\x9F\x98\x80", 4), 4); /* whole 😀 */
	assert_int_equal(jobq_utf8_cut_end("abc", 3), 3);
	assert_int_equal(jobq_utf8_cut_end("\x80\x80\x80\x80", 4), 4); /* no lead: as is */
	assert_int_equal(jobq_utf8_cut_end("", 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_clean_keeps_valid_text),
		cmocka_unit_test(test_utf8_clean_replaces_each_bad_byte),
		cmocka_unit_test(test_utf8_valid_says_what_clean_would_change),
		cmocka_unit_test(test_utf8_cut_start_skips_a_split_character),
		cmocka_unit_test(test_utf8_cut_end_drops_a_split_character),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
