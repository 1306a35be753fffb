/* Unit tests for masking passwords in URLs and conninfo strings (common/url.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "jobq/url.h"

static void check(const char *in, const char *want)
{
	char buf[256];

	assert_string_equal(jobq_url_mask(in, buf, sizeof(buf)), want);
}

static void test_url_mask_userinfo_password(void **state)
{
	(void)state;
	check("amqp://user:secret@host:5672/vh", "amqp://user:***@host:5672/vh");
	check("amqps://guest:guest@127.0.0.1:5671/%2F", "amqps://guest:***@127.0.0.1:5671/%2F");
	check("postgresql://u:p@h/db?sslmode=require", "postgresql://u:***@h/db?sslmode=require");
	check("postgres://u:p%40ss@h1,h2:5433/db", "postgres://u:***@h1,h2:5433/db");
	check("amqp://u:@h/", "amqp://u:***@h/");
	check("amqp://u:pw@h", "amqp://u:***@h");
}

static void test_url_mask_unescaped_specials_in_password(void **state)
{
	(void)state;
	/* An unescaped '/', '?' or '@' in a password must not leak any of it. */
	check("amqp://u:pa/ss@h/v", "amqp://u:***@h/v");
	check("amqp://u:pa?ss@h/v", "amqp://u:***@h/v");
	check("amqp://u:p@ss@h/v", "amqp://u:***@h/v");
}

static void test_url_mask_query_password(void **state)
{
	(void)state;
	check("postgresql://u@h/db?password=secret", "postgresql://u@h/db?password=***");
	check("postgresql://u@h/db?sslmode=x&password=secret&connect_timeout=5",
	      "postgresql://u@h/db?sslmode=x&password=***&connect_timeout=5");
	check("postgresql://u:p@h/db?password=s2", "postgresql://u:***@h/db?password=***");
	check("postgresql:///db?host=/tmp&password=x#frag",
	      "postgresql:///db?host=/tmp&password=***#frag");
	/* libpq decodes percent-escapes in parameter names. */
	check("postgresql://h/db?pass%77ord=secret&x=1", "postgresql://h/db?pass%77ord=***&x=1");
	check("postgresql://h/db?%70%61%73%73%77%6F%72%64=s",
	      "postgresql://h/db?%70%61%73%73%77%6F%72%64=***");
	check("postgresql://h/db?pass%7word=s", "postgresql://h/db?pass%7word=s");
}

static void test_url_mask_at_in_query_after_port(void **state)
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

static void test_url_mask_conninfo(void **state)
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

static void test_url_mask_without_password_unchanged(void **state)
{
	(void)state;
	check("amqp://guest@127.0.0.1:5672/", "amqp://guest@127.0.0.1:5672/");
	check("amqp://127.0.0.1:5672/", "amqp://127.0.0.1:5672/");
	check("postgresql://jobq@127.0.0.1:5432/jobq", "postgresql://jobq@127.0.0.1:5432/jobq");
	check("postgresql:///jobq?host=/tmp", "postgresql:///jobq?host=/tmp");
}

static void test_url_mask_null_is_default(void **state)
{
	(void)state;
	check(NULL, "(default)");
}

static void test_url_mask_truncates(void **state)
{
	char buf[12];

	(void)state;
	jobq_url_mask("amqp://user:secret@host:5672/vh", buf, sizeof(buf));
	assert_string_equal(buf, "amqp://user");
	assert_null(strstr(buf, "secret"));
	jobq_url_mask("amqp://u:secret@h", buf, 1);
	assert_string_equal(buf, "");
}

static void test_url_list_count_and_get(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(jobq_url_list_count(NULL), 0);
	assert_int_equal(jobq_url_list_count("amqp://a/"), 1);
	assert_int_equal(jobq_url_list_count("amqp://a/, amqp://b/,amqp://c/"), 3);
	assert_int_equal(jobq_url_list_count("amqp://a/,"), 2);
	assert_int_equal(jobq_url_list_get("amqp://a/, amqp://b/ ,amqp://c/", 1, buf, sizeof(buf)),
			 9);
	assert_string_equal(buf, "amqp://b/");
	assert_int_equal(jobq_url_list_get("amqp://a/,", 1, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	assert_int_equal(jobq_url_list_get("amqp://a/", 1, buf, sizeof(buf)), -1);
	assert_int_equal(jobq_url_list_get("amqp://abcdef/", 0, buf, 8), -1);
	assert_int_equal(jobq_url_list_get(NULL, 0, buf, sizeof(buf)), -1);
}

static void test_url_mask_list_masks_every_element(void **state)
{
	char buf[256];

	(void)state;
	jobq_url_mask_list("amqp://u:s1@a:5672/,amqp://u:s2@b:5673/v,amqp://c:5674/", buf,
			   sizeof(buf));
	assert_string_equal(buf, "amqp://u:***@a:5672/,amqp://u:***@b:5673/v,amqp://c:5674/");
	/* an unescaped comma in a password splits it: both halves are hidden */
	jobq_url_mask_list("amqp://u:se,cret@a/", buf, sizeof(buf));
	assert_null(strstr(buf, "se"));
	assert_null(strstr(buf, "cret"));
	jobq_url_mask_list(NULL, buf, sizeof(buf));
	assert_string_equal(buf, "(default)");
	jobq_url_mask_list("amqp://u:s1@a/,amqp://u:s2@b/", buf, 20);
	assert_null(strstr(buf, "s1"));
	assert_null(strstr(buf, "s2"));
}

/* libpq's sslpassword (the passphrase of the client key) is a secret like password. */
static void test_url_mask_sslpassword(void **state)
{
	(void)state;
	check("postgresql://u@h/db?sslmode=verify-full&sslpassword=s3&sslkey=/k",
	      "postgresql://u@h/db?sslmode=verify-full&sslpassword=***&sslkey=/k");
	check("postgresql://u:p@h/db?ssl%70assword=s3",
	      "postgresql://u:***@h/db?ssl%70assword=***");
	check("host=x sslpassword='a b' dbname=y", "host=x sslpassword=*** dbname=y");
	check("host=x sslpassword = s3", "host=x sslpassword = ***");
	/* neighbours that only end in "password" are not secrets of libpq's */
	check("host=x nosslpassword=z", "host=x nosslpassword=z");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_mask_userinfo_password),
		cmocka_unit_test(test_url_mask_unescaped_specials_in_password),
		cmocka_unit_test(test_url_mask_query_password),
		cmocka_unit_test(test_url_mask_at_in_query_after_port),
		cmocka_unit_test(test_url_mask_conninfo),
		cmocka_unit_test(test_url_mask_sslpassword),
		cmocka_unit_test(test_url_mask_without_password_unchanged),
		cmocka_unit_test(test_url_mask_null_is_default),
		cmocka_unit_test(test_url_mask_truncates),
		cmocka_unit_test(test_url_list_count_and_get),
		cmocka_unit_test(test_url_mask_list_masks_every_element),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
