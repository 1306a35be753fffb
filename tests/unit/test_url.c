/* Unit tests for masking passwords in URLs and conninfo strings (common/url.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "jobq/url.h"

static void
check(const char *in, const char *want)
{
	char buf[256];

	assert_string_equal(jobq_url_mask(in, buf, sizeof(buf)), want);
}

static void
test_url_mask_userinfo_password(void **state)
{
	(void)state;
	check("amqp://user:secret@host:5672/vh", "amqp://user:***@host:5672/vh");
	check("amqps://guest:guest@127.0.0.1:5671/%2F", "amqps://guest:***@127.0.0.1:5671/%2F");
	check("postgresql://u:p@h/db?sslmode=require", "postgresql://u:***@h/db?sslmode=require");
	check("postgres://u:p%40ss@h1,h2:5433/db", "postgres://u:***@h1,h2:5433/db");
	check("amqp://u:@h/", "amqp://u:***@h/");
	check("amqp://u:pw@h", "amqp://u:***@h");
}

static void
test_url_mask_unescaped_specials_in_password(void **state)
{
	(void)state;
	/* An unescaped '/', '?' or '@' in a password must not leak any of it. */
	check("amqp://u:pa/ss@h/v", "amqp://u:***@h/v");
	check("amqp://u:pa?ss@h/v", "amqp://u:***@h/v");
	check("amqp://u:p@ss@h/v", "amqp://u:***@h/v");
}

static void
test_url_mask_query_password(void **state)
{
	(void)state;
	check("postgresql://u@h/db?password=secret", "postgresql://u@h/db?password=***");
	check("postgresql://u@h/db?sslmode=x&password=secret&connect_timeout=5",
	    "postgresql://u@h/db?sslmode=x&password=***&connect_timeout=5");
	check("postgresql://u:p@h/db?password=s2", "postgresql://u:***@h/db?password=***");
	check("postgresql:///db?host=/tmp&password=x#frag", "postgresql:///db?host=/tmp&password=***#frag");
	/* libpq decodes percent-escapes in parameter names. */
	check("postgresql://h/db?pass%77ord=secret&x=1", "postgresql://h/db?pass%77ord=***&x=1");
	check("postgresql://h/db?%70%61%73%73%77%6F%72%64=s", "postgresql://h/db?%70%61%73%73%77%6F%72%64=***");
	check("postgresql://h/db?pass%7word=s", "postgresql://h/db?pass%7word=s");
}

static void
test_url_mask_at_in_query_after_port(void **state)
{
	(void)state;
	/* A port's ':' and an '@' in the query look like userinfo; a later password in the
	 * query is masked all the same. */
	check("postgresql://db:5432/jobq?user=alice@corp&password=secret",
	    "postgresql://db:***@corp&password=***");
	check("amqp://h:1#a@b&password=x", "amqp://h:***@b&password=***");
	/* A ':' after the query began does not start a password: the query is masked. */
	check("postgresql://h/?password=x&a=b:c@d", "postgresql://h/?password=***&a=b:c@d");
}

static void
test_url_mask_conninfo(void **state)
{
	(void)state;
	check("host=x password=secret dbname=y", "host=x password=*** dbname=y");
	check("password=secret", "password=***");
	check("host=x password = 'se cret\\' x' dbname=y", "host=x password = *** dbname=y");
	check("host=x dbname=y", "host=x dbname=y");
	check("host=x mypassword=z", "host=x mypassword=z");
	/* A word that is not keyword=value does not stop the masking. */
	check("host=db port 5432 password=secret", "host=db port 5432 password=***");
	check("x password = 'a b' y", "x password = *** y");
	check("", "");
}

static void
test_url_mask_without_password_unchanged(void **state)
{
	(void)state;
	check("amqp://guest@127.0.0.1:5672/", "amqp://guest@127.0.0.1:5672/");
	check("amqp://127.0.0.1:5672/", "amqp://127.0.0.1:5672/");
	check("postgresql://jobq@127.0.0.1:5432/jobq", "postgresql://jobq@127.0.0.1:5432/jobq");
	check("postgresql:///jobq?host=/tmp", "postgresql:///jobq?host=/tmp");
}

static void
test_url_mask_null_is_default(void **state)
{
	(void)state;
	check(NULL, "(default)");
}

static void
test_url_mask_truncates(void **state)
{
	char buf[12];

	(void)state;
	jobq_url_mask("amqp://user:secret@host:5672/vh", buf, sizeof(buf));
	assert_string_equal(buf, "amqp://user");
	assert_null(strstr(buf, "secret"));
	jobq_url_mask("amqp://u:secret@h", buf, 1);
	assert_string_equal(buf, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_mask_userinfo_password),
		cmocka_unit_test(test_url_mask_unescaped_specials_in_password),
		cmocka_unit_test(test_url_mask_query_password),
		cmocka_unit_test(test_url_mask_at_in_query_after_port),
		cmocka_unit_test(test_url_mask_conninfo),
		cmocka_unit_test(test_url_mask_without_password_unchanged),
		cmocka_unit_test(test_url_mask_null_is_default),
		cmocka_unit_test(test_url_mask_truncates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
