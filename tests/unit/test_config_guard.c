/* Unit tests for the guard between configuration text and libconfig
 * (common/config_guard.c): the @include lexer line by line, the include walk over files,
 * and finding integer literals that libconfig 1.5 truncated. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_guard.h"
#include "config_helpers.h"

/* Feed text (size bytes, NUL bytes allowed) line by line; return how many includes were
 * found, the last one's name and line in lx. */
static int lex_all(struct jobq_cfg_lex *lx, const char *text, size_t size)
{
	const char *p = text, *end = text + size, *nl;
	int found = 0;

	jobq_cfg_lex_init(lx);
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		nl = nl != NULL ? nl + 1 : end;
		if (jobq_cfg_lex_line(lx, p, (size_t)(nl - p)))
			found++;
		p = nl;
	}
	return found;
}

static void lex_one(const char *text, const char *name, unsigned line)
{
	struct jobq_cfg_lex lx;

	if (lex_all(&lx, text, strlen(text)) != 1)
		fail_msg("expected one @include in '%s'", text);
	assert_string_equal(lx.name, name);
	assert_int_equal(lx.inc_line, line);
}

static void lex_none(const char *text)
{
	struct jobq_cfg_lex lx;

	if (lex_all(&lx, text, strlen(text)) != 0)
		fail_msg("expected no @include in '%s', found \"%s\"", text, lx.name);
}

static void test_config_guard_finds_includes(void **state)
{
	(void)state;
	lex_one("@include \"a.conf\"\n", "a.conf", 1);
	lex_one("log = { level = \"warn\"; };\n \t@include\t \"b\"\n", "b", 2);
	lex_one("@include \"last\"", "last", 1); /* no newline at the end */
	lex_one("@include \"\"\n", "", 1);
	lex_one("@include \"two\nlines\"\n", "two\nlines", 1);
	lex_one("# x\n@include \"x\" # comment\n", "x", 2);
}

static void test_config_guard_escapes(void **state)
{
	struct jobq_cfg_lex lx;

	(void)state;
	lex_one("@include \"s\\ub\"\n", "sub", 1); /* a lone backslash is dropped */
	lex_one("@include \"a\\\\b\"\n", "a\\b", 1);
	lex_one("@include \"a\\\"b\"\n", "a\"b", 1);
	/* What follows a NUL is dropped up to the next backslash. */
	assert_int_equal(lex_all(&lx, "@include \"su\0zz\\\\b\"\n", 20), 1);
	assert_string_equal(lx.name, "su\\b");
}

static void test_config_guard_not_includes(void **state)
{
	(void)state;
	lex_none("/* a\n@include \"sub\"\n*/ # @include \"sub\"\n");
	lex_none("database = { url = \"w\\\"\n@include \"; };\n");
	lex_none("log = { level = \"warn\"; }; @include \"sub\"\n");
	lex_none("@include\"x\"\n"); /* libconfig needs a blank after the keyword */
	lex_none("@include x\n");
	lex_none("@includes \"x\"\n");
	lex_none("// @include \"x\"\n");
	lex_none("@include \"unterminated\n");
	/* After a comment that closes, the next line is code again. */
	lex_one("/* a */\n@include \"y\"\n", "y", 2);
}

static void test_config_guard_name_too_long(void **state)
{
	struct jobq_cfg_lex lx;
	size_t n = PATH_MAX + 16;
	char *text = malloc(n + 16);

	(void)state;
	assert_non_null(text);
	memcpy(text, "@include \"", 10);
	memset(text + 10, 'a', n);
	memcpy(text + 10 + n, "\"\n", 2);
	assert_int_equal(lex_all(&lx, text, n + 12), 0);
	free(text);
}

static void test_config_guard_includes_walk(void **state)
{
	char dir[64], a[128], b[128], sub[128], want[256];
	struct jobq_err err;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/jobq-test-guard-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(a, sizeof(a), "%s/a.conf", dir);
	snprintf(b, sizeof(b), "%s/b.conf", dir);
	snprintf(sub, sizeof(sub), "%s/sub", dir);
	assert_int_equal(mkdir(sub, 0700), 0);

	/* Missing names and unreadable files are libconfig's to report. */
	put(a, "@include \"missing\"\n");
	assert_int_equal(jobq_cfg_guard_includes(a, dir, &err), 0);
	assert_int_equal(jobq_cfg_guard_includes("/nonexistent/x.conf", dir, &err), 0);

	put(a, "\n@include \"b.conf\"\n");
	put(b, "x = 1;\n@include \"sub\"\n");
	jobq_err_clear(&err);
	assert_int_equal(jobq_cfg_guard_includes(a, dir, &err), JOBQ_EINVAL);
	snprintf(want, sizeof(want), "%s:2: @include \"sub\": not a regular file", b);
	assert_string_equal(err.msg, want);

	/* A file that includes itself: the walk stops at libconfig's depth limit. */
	put(a, "@include \"a.conf\"\n");
	assert_int_equal(jobq_cfg_guard_includes(a, dir, &err), 0);

	unlink(a);
	unlink(b);
	rmdir(sub);
	rmdir(dir);
}

static void wrapped(const char *text, const char *name, int64_t v, const char *lit)
{
	char buf[64] = "";

	if (!jobq_cfg_wrapped_literal(text, name, v, buf, sizeof(buf)))
		fail_msg("expected '%s' to be found wrapped in '%s'", lit, text);
	assert_string_equal(buf, lit);
}

static void not_wrapped(const char *text, const char *name, int64_t v)
{
	char buf[64] = "";

	if (jobq_cfg_wrapped_literal(text, name, v, buf, sizeof(buf)))
		fail_msg("'%s' found wrapped in '%s'", buf, text);
}

static void test_config_guard_wrapped_literal(void **state)
{
	char buf[4];

	(void)state;
	wrapped("consumer = { concurrency = 5000000000; };\n", "concurrency", 705032704,
		"5000000000");
	wrapped("  concurrency: 4294967304\n", "concurrency", 8, "4294967304");
	wrapped("concurrency = 0x100000008;", "concurrency", 8, "0x100000008");
	wrapped("concurrency=-4294967295;", "concurrency", 1, "-4294967295");
	not_wrapped("concurrency = 8;", "concurrency", 8);
	not_wrapped("concurrency = 5000000000;", "concurrency", 8); /* not what it read */
	not_wrapped("max_concurrency = 5000000000;", "concurrency", 705032704);
	not_wrapped("concurrency", "concurrency", 0);
	not_wrapped("x = 1;", "", 1);
	/* Twice on a line: a literal read exactly as v wins. */
	not_wrapped("a = { t = 10; }; b = { t = 4294967306; };", "t", 10);
	wrapped("a = { t = 5; }; b = { t = 4294967306; };", "t", 10, "4294967306");
	/* The literal is truncated to the buffer. */
	assert_true(jobq_cfg_wrapped_literal("n = 5000000000;", "n", 705032704, buf, sizeof(buf)));
	assert_string_equal(buf, "500");
}

static void test_config_guard_wrapped_literal_at(void **state)
{
	char path[64], buf[64];
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/jobq-test-guard-XXXXXX");
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	put(path, "consumer = {\n concurrency = 4294967304; };\n");
	assert_true(jobq_cfg_wrapped_literal_at(path, 2, "concurrency", 8, buf, sizeof(buf)));
	assert_string_equal(buf, "4294967304");
	assert_false(jobq_cfg_wrapped_literal_at(path, 1, "concurrency", 8, buf, sizeof(buf)));
	assert_false(jobq_cfg_wrapped_literal_at(path, 3, "concurrency", 8, buf, sizeof(buf)));
	assert_false(jobq_cfg_wrapped_literal_at(path, 0, "concurrency", 8, buf, sizeof(buf)));
	assert_false(jobq_cfg_wrapped_literal_at(NULL, 2, "concurrency", 8, buf, sizeof(buf)));
	unlink(path);
	assert_false(jobq_cfg_wrapped_literal_at(path, 2, "concurrency", 8, buf, sizeof(buf)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_guard_finds_includes),
		cmocka_unit_test(test_config_guard_escapes),
		cmocka_unit_test(test_config_guard_not_includes),
		cmocka_unit_test(test_config_guard_name_too_long),
		cmocka_unit_test(test_config_guard_includes_walk),
		cmocka_unit_test(test_config_guard_wrapped_literal),
		cmocka_unit_test(test_config_guard_wrapped_literal_at),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
