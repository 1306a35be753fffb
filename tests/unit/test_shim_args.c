/* consumer/shim_args.c: the CREDS argument the worker writes and jobq-exec-shim reads. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "shim.h"

static void test_shim_args_round_trip(void **state)
{
	struct isolate_creds in, out;
	char buf[SHIM_CREDS_MAX];

	(void)state;
	memset(&in, 0, sizeof(in));
	in.set = true;
	in.uid = 65534;
	in.gid = 65533;
	in.ngroups = 3;
	in.groups[0] = 65533;
	in.groups[1] = 0;
	in.groups[2] = 4294967294u;
	assert_int_equal(shim_creds_format(&in, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "65534:65533:65533,0,4294967294");
	assert_int_equal(shim_creds_parse(buf, &out), 0);
	assert_true(out.set);
	assert_int_equal(out.uid, 65534);
	assert_int_equal(out.gid, 65533);
	assert_int_equal(out.ngroups, 3);
	assert_int_equal(out.groups[2], 4294967294u);

	/* no supplementary group */
	in.ngroups = 0;
	assert_int_equal(shim_creds_format(&in, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "65534:65533:");
	assert_int_equal(shim_creds_parse(buf, &out), 0);
	assert_true(out.set);
	assert_int_equal(out.ngroups, 0);
}

static void test_shim_args_unset(void **state)
{
	struct isolate_creds in, out;
	char buf[8];

	(void)state;
	memset(&in, 0, sizeof(in));
	assert_int_equal(shim_creds_format(&in, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "-");
	assert_int_equal(shim_creds_format(NULL, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "-");
	out.set = true;
	assert_int_equal(shim_creds_parse("-", &out), 0);
	assert_false(out.set);
}

static void test_shim_args_full_and_short_buffer(void **state)
{
	struct isolate_creds in, out;
	char buf[SHIM_CREDS_MAX], small[16];

	(void)state;
	memset(&in, 0, sizeof(in));
	in.set = true;
	in.uid = in.gid = 4294967294u;
	in.ngroups = ISOLATE_MAX_GROUPS;
	for (int i = 0; i < ISOLATE_MAX_GROUPS; i++)
		in.groups[i] = 4294967294u - (gid_t)i;
	assert_int_equal(shim_creds_format(&in, buf, sizeof(buf)), 0);
	assert_int_equal(shim_creds_parse(buf, &out), 0);
	assert_int_equal(out.ngroups, ISOLATE_MAX_GROUPS);
	assert_int_equal(out.groups[ISOLATE_MAX_GROUPS - 1], in.groups[ISOLATE_MAX_GROUPS - 1]);
	assert_int_equal(shim_creds_format(&in, small, sizeof(small)), -1);
}

static void test_shim_args_refused(void **state)
{
	static const char *const bad[] = {
		"",        "0",     "0:",       "0:0",           ":0:",           "a:0:",
		"0:b:",    "0:0:x", "0:0:1,",   "0:0:,1",        "-1:0:",         "+1:0:",
		" 1:0:",   "1 :0:", "0:0:1,,2", "4294967295:0:", "0:4294967295:", "99999999999:0:",
		"0:0:1:2", "--",
	};
	struct isolate_creds out;
	char many[SHIM_CREDS_MAX + 16] = "0:0:";

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (shim_creds_parse(bad[i], &out) != -1)
			fail_msg("accepted '%s'", bad[i]);
	}
	/* one group more than ISOLATE_MAX_GROUPS */
	for (int i = 0; i <= ISOLATE_MAX_GROUPS; i++)
		strcat(many, i ? ",7" : "7");
	assert_int_equal(shim_creds_parse(many, &out), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shim_args_round_trip),
		cmocka_unit_test(test_shim_args_unset),
		cmocka_unit_test(test_shim_args_full_and_short_buffer),
		cmocka_unit_test(test_shim_args_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
