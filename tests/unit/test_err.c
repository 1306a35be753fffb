/* Unit tests for the error buffer and exit-status mapping (common/err.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "jobq/err.h"

static void test_err_exit_status(void **state)
{
	(void)state;
	assert_int_equal(jobq_err_exit_status(JOBQ_OK), 0);
	assert_int_equal(jobq_err_exit_status(JOBQ_EINVAL), 2);
	assert_int_equal(jobq_err_exit_status(JOBQ_ENOTFOUND), 3);
	assert_int_equal(jobq_err_exit_status(JOBQ_ETIMEDOUT), 4);
	assert_int_equal(jobq_err_exit_status(JOBQ_EBROKER), 5);
	assert_int_equal(jobq_err_exit_status(JOBQ_EDB), 5);
	assert_int_equal(jobq_err_exit_status(JOBQ_ENOMEM), 1);
	assert_int_equal(jobq_err_exit_status(JOBQ_ESYS), 1);
	assert_int_equal(jobq_err_exit_status(JOBQ_ECONFLICT), 1);
	assert_int_equal(jobq_err_exit_status(JOBQ_ELOST), 1);
	assert_int_equal(jobq_err_exit_status(JOBQ_EAGAIN), 5);
	assert_int_equal(jobq_err_exit_status(JOBQ_EINTERNAL), 1);
	assert_int_equal(jobq_err_exit_status(-1000), 1);
}

static void test_err_set_formats_and_returns_code(void **state)
{
	struct jobq_err err;

	(void)state;
	assert_int_equal(jobq_err_set(&err, JOBQ_EDB, "query %s failed: %d", "claim", 7), JOBQ_EDB);
	assert_int_equal(err.code, JOBQ_EDB);
	assert_string_equal(err.msg, "query claim failed: 7");
	assert_int_equal(jobq_err_set(NULL, JOBQ_EINVAL, "ignored"), JOBQ_EINVAL);
}

/* A code that is not a failure still sets a failure: jobq_err_set() never returns 0. */
static void test_err_set_never_returns_success(void **state)
{
	struct jobq_err err;
	int zero = 0;

	(void)state;
	assert_int_equal(jobq_err_set(&err, zero, "not a failure"), JOBQ_EINTERNAL);
	assert_int_equal(err.code, JOBQ_EINTERNAL);
	assert_string_equal(err.msg, "not a failure");
	assert_int_equal(jobq_err_set(NULL, 3, "ignored"), JOBQ_EINTERNAL);
}

static void test_err_set_truncates(void **state)
{
	struct jobq_err err;
	char big[2 * JOBQ_ERR_MSG_MAX];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	jobq_err_set(&err, JOBQ_EINVAL, "%s", big);
	assert_int_equal(strlen(err.msg), JOBQ_ERR_MSG_MAX - 1);
}

static void test_err_prefix_prepends_context(void **state)
{
	struct jobq_err err;
	char big[2 * JOBQ_ERR_MSG_MAX];

	(void)state;
	jobq_err_set(&err, JOBQ_EBROKER, "connection refused");
	assert_int_equal(jobq_err_prefix(&err, "amqp %s", "127.0.0.1:5672"), JOBQ_EBROKER);
	assert_string_equal(err.msg, "amqp 127.0.0.1:5672: connection refused");
	assert_int_equal(jobq_err_prefix(NULL, "x"), 0);

	memset(big, 'p', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	jobq_err_prefix(&err, "%s", big);
	assert_int_equal(strlen(err.msg), JOBQ_ERR_MSG_MAX - 1);
	assert_int_equal(err.code, JOBQ_EBROKER);
}

static void test_err_messages_are_one_line(void **state)
{
	struct jobq_err err;
	char big[2 * JOBQ_ERR_MSG_MAX];

	(void)state;
	jobq_err_set(&err, JOBQ_EINVAL, "'%s' is not a duration", "1\n2\r\x1b[31m\t3\x7f");
	assert_string_equal(err.msg, "'1\\n2\\r\\x1b[31m\t3\\x7f' is not a duration");
	jobq_err_prefix(&err, "%s", "file\nname:1");
	assert_string_equal(err.msg,
			    "file\\nname:1: '1\\n2\\r\\x1b[31m\t3\\x7f' is not a duration");

	/* An escape that does not fit is dropped whole. */
	memset(big, 'x', sizeof(big) - 1);
	big[JOBQ_ERR_MSG_MAX - 3] = '\n';
	big[sizeof(big) - 1] = '\0';
	jobq_err_set(&err, JOBQ_EINVAL, "%s", big);
	assert_int_equal(strlen(err.msg), JOBQ_ERR_MSG_MAX - 1);
	assert_string_equal(err.msg + JOBQ_ERR_MSG_MAX - 4, "x\\n");
	big[JOBQ_ERR_MSG_MAX - 3] = 'x';
	jobq_err_set(&err, JOBQ_EINVAL, "%.*s\n", JOBQ_ERR_MSG_MAX - 2, big);
	assert_int_equal(strlen(err.msg), JOBQ_ERR_MSG_MAX - 2);
	assert_null(strchr(err.msg, '\n'));
}

static void test_err_clear_resets(void **state)
{
	struct jobq_err err;

	(void)state;
	jobq_err_set(&err, JOBQ_EDB, "boom");
	jobq_err_clear(&err);
	assert_int_equal(err.code, JOBQ_OK);
	assert_string_equal(err.msg, "");
	jobq_err_clear(NULL);
}

static void test_err_names(void **state)
{
	(void)state;
	assert_string_equal(jobq_err_name(JOBQ_EINVAL), "invalid input");
	assert_string_equal(jobq_err_name(JOBQ_EDB), "database error");
	assert_string_equal(jobq_err_name(JOBQ_ELOST), "lease lost");
	assert_string_equal(jobq_err_name(JOBQ_EAGAIN), "database busy");
	assert_string_equal(jobq_err_name(JOBQ_EINTERNAL), "internal error");
	assert_non_null(jobq_err_name(12345));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_err_exit_status),
		cmocka_unit_test(test_err_set_formats_and_returns_code),
		cmocka_unit_test(test_err_set_never_returns_success),
		cmocka_unit_test(test_err_set_truncates),
		cmocka_unit_test(test_err_prefix_prepends_context),
		cmocka_unit_test(test_err_messages_are_one_line),
		cmocka_unit_test(test_err_clear_resets),
		cmocka_unit_test(test_err_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
