/* common/libexec.c: finding a helper program beside the running one, relative to it, or at
 * its installed path, and saying where it looked when none is there. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "jobq/libexec.h"

/* This test's own folder and file name. */
static void self(char *dir, size_t size, const char **name)
{
	ssize_t n = readlink("/proc/self/exe", dir, size - 1);
	char *slash;

	assert_true(n > 0);
	dir[n] = '\0';
	slash = strrchr(dir, '/');
	assert_non_null(slash);
	*slash = '\0';
	*name = slash + 1;
}

static void test_libexec_beside(void **state)
{
	char dir[PATH_MAX], out[3 * PATH_MAX], want[2 * PATH_MAX];
	const char *name;

	(void)state;
	self(dir, sizeof(dir), &name);
	snprintf(want, sizeof(want), "%s/%s", dir, name);
	assert_int_equal(jobq_libexec_find(name, "nowhere/x", "/nonexistent/x", out, sizeof(out)),
			 0);
	assert_string_equal(out, want);
}

static void test_libexec_relative_then_absolute(void **state)
{
	char dir[PATH_MAX], out[3 * PATH_MAX], want[3 * PATH_MAX], rel[PATH_MAX + 8];
	const char *name;

	(void)state;
	self(dir, sizeof(dir), &name);
	/* "../<this folder's name>/<this program>" from this folder is this program */
	snprintf(rel, sizeof(rel), "../%s/%s", strrchr(dir, '/') + 1, name);
	snprintf(want, sizeof(want), "%s/%s", dir, rel);
	assert_int_equal(
		jobq_libexec_find("jq-no-such-helper", rel, "/nonexistent/x", out, sizeof(out)), 0);
	assert_string_equal(out, want);
	/* the installed path; a folder is no program */
	assert_int_equal(
		jobq_libexec_find("jq-no-such-helper", "nowhere/x", "/bin/sh", out, sizeof(out)),
		0);
	assert_string_equal(out, "/bin/sh");
	assert_int_equal(jobq_libexec_find("jq-no-such-helper", "nowhere/x", "/", out, sizeof(out)),
			 -1);
	assert_int_equal(errno, EACCES);
}

static void test_libexec_not_found(void **state)
{
	char dir[PATH_MAX], out[3 * PATH_MAX], want[3 * PATH_MAX];
	const char *name;

	(void)state;
	self(dir, sizeof(dir), &name);
	snprintf(want, sizeof(want),
		 "%s/jq-no-such-helper, %s/../x/jq-no-such-helper or /nonexistent/jq", dir, dir);
	assert_int_equal(jobq_libexec_find("jq-no-such-helper", "../x/jq-no-such-helper",
					   "/nonexistent/jq", out, sizeof(out)),
			 -1);
	assert_int_equal(errno, ENOENT);
	assert_string_equal(out, want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_libexec_beside),
		cmocka_unit_test(test_libexec_relative_then_absolute),
		cmocka_unit_test(test_libexec_not_found),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
