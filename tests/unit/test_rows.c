/* Unit tests for the CLI's terminal-safe escaping of text (publisher/rows.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "rows.h"

static void check(const char *in, bool multiline, const char *want)
{
	char *got = rows_escape(in, multiline);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_rows_escape_c0_and_del(void **state)
{
	(void)state;
	check("a\x1b]0;pwned\x07"
	      "b",
	      true, "a\\u001b]0;pwned\\u0007b");
	check("\x1b[2J\x1b[31mred", true, "\\u001b[2J\\u001b[31mred");
	check("over\rwrite", true, "over\\u000dwrite");
	check("del\x7f.", true, "del\\u007f.");
	check("\x01\x1f", false, "\\u0001\\u001f");
}

static void test_rows_escape_c1(void **state)
{
	(void)state;
	/* U+009B, the 8-bit CSI, and U+0085 (NEL) */
	check("x\xc2\x9b"
	      "31my",
	      true, "x\\u009b31my");
	check("\xc2\x85", false, "\\u0085");
	/* U+00A0 and U+00E9 are printable: kept */
	check("\xc2\xa0\xc3\xa9", false, "\xc2\xa0\xc3\xa9");
}

static void test_rows_escape_newlines_and_tabs(void **state)
{
	(void)state;
	check("line1\nline2\tx", true, "line1\nline2\tx");
	check("line1\nline2\tx", false, "line1 line2 x");
}

static void test_rows_escape_utf8_kept_invalid_bytes_escaped(void **state)
{
	(void)state;
	check("caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80", false,
	      "caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80");
	check("bad\xff\xfe!", false, "bad\\xff\\xfe!");
	check("cut\xe2\x86", false, "cut\\xe2\\x86"); /* a truncated sequence */
	check("", false, "");
}

static void test_rows_table_cells_escaped(void **state)
{
	const char *const hdr[] = { "a" };
	const char *const row[] = { "x\x1b[2Jy\nz" };
	struct rows_table t = { 0 };

	(void)state;
	assert_int_equal(rows_table_init(&t, 1, hdr), 0);
	assert_int_equal(rows_table_add(&t, row), 0);
	assert_string_equal(t.cells[1], "x\\u001b[2Jy z");
	rows_table_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_escape_c0_and_del),
		cmocka_unit_test(test_rows_escape_c1),
		cmocka_unit_test(test_rows_escape_newlines_and_tabs),
		cmocka_unit_test(test_rows_escape_utf8_kept_invalid_bytes_escaped),
		cmocka_unit_test(test_rows_table_cells_escaped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
