/* Unit tests: the dependency lists of a submit (common/deps.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "jobq/deps.h"

#define ID1 "00000000-0000-4000-8000-000000000001"

static void test_deps_ids_and_refs(void **state)
{
	struct jobq_deps d = { 0 };
	struct jobq_err err = { 0 };

	(void)state;
	assert_int_equal(jobq_deps_add(&d, "after", NULL, 0, false, &err), 0);
	assert_int_equal(jobq_deps_add(&d, "after", "", 0, false, &err), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(jobq_deps_add(&d, "after", " #1 , " ID1, 2, false, &err), 0);
	assert_int_equal(jobq_deps_add(&d, "after_any", "#2", 2, true, &err), 0);
	assert_int_equal(d.n, 3);
	assert_true(d.e[0].is_ref);
	assert_int_equal(d.e[0].ref, 0);
	assert_int_equal(d.e[0].job, 2);
	assert_false(d.e[1].is_ref);
	assert_string_equal(d.e[1].id, ID1);
	assert_false(d.e[1].any_end);
	assert_true(d.e[2].is_ref);
	assert_int_equal(d.e[2].ref, 1);
	assert_true(d.e[2].any_end);
	jobq_deps_free(&d);
	assert_null(d.e);
	jobq_deps_free(NULL);
}

/* A bad item adds nothing of its list and says which item and list. */
static void test_deps_refused(void **state)
{
	static const struct {
		const char *list, *msg;
	} bad[] = {
		{ "#2", "after: '#2' is not an earlier job of this submit (job 2 may only name "
			"jobs #1 to #1)" },
		{ "#0", "after: '#0' is not #N" },
		{ "#x", "after: '#x' is not #N" },
		{ "#1,", "after: an empty item" },
		{ ID1 ",,#1", "after: an empty item" },
		{ "zz", "after" },
	};
	struct jobq_deps d = { 0 };
	struct jobq_err err = { 0 };

	(void)state;
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		assert_int_equal(jobq_deps_add(&d, "after", bad[k].list, 1, false, &err),
				 JOBQ_EINVAL);
		if (strstr(err.msg, bad[k].msg) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", k, err.msg, bad[k].msg);
		assert_int_equal(d.n, 0);
	}
	/* a job of its own submit may not wait for itself */
	assert_int_equal(jobq_deps_add(&d, "after", "#1", 0, false, &err), JOBQ_EINVAL);
	jobq_deps_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deps_ids_and_refs),
		cmocka_unit_test(test_deps_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
