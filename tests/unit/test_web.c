/* The web console's pure parts: the one escaping function every shown value passes
 * through, sessions and their CSRF tokens, the failed-login limit, password hashes and the
 * Host check (web/html.c, web/auth.c, web/server.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "html.h"
#include "server.h"

static char *esc(const char *text, size_t n)
{
	struct html h = { 0 };
	size_t len;

	html_esc_n(&h, text, n);
	html_raw(&h, "", 0); /* an empty text still gives a string */
	return html_take(&h, &len);
}

static void test_html_escape_markup(void **state)
{
	char *s = esc("<script>alert(\"x\")</script> & 'q'", (size_t)-1);

	(void)state;
	assert_string_equal(s,
			    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
	free(s);
	s = esc("plain text, é ü 日本", (size_t)-1);
	assert_string_equal(s, "plain text, é ü 日本");
	free(s);
}

static void test_html_escape_controls(void **state)
{
	/* ESC, BEL, CR, NUL inside the length, DEL and the C1 CSI (U+009B) become visible;
	 * tab and newline stay. */
	static const char in[] = "a\x1b[31m\x07\r\t\n\x7f\xc2\x9b"
				 "b\0c";
	char *s = esc(in, sizeof(in) - 1);

	(void)state;
	assert_string_equal(s, "a\\u001b[31m\\u0007\\u000d\t\n\\u007f\\u009bb\\u0000c");
	free(s);
}

static void test_html_escape_invalid_utf8(void **state)
{
	/* A lone continuation byte, an overlong '<' (0xC0 0xBC), a surrogate, a cut sequence:
	 * each bad byte is U+FFFD, and none can become markup. */
	char *s = esc("x\x80y\xc0\xbcz\xed\xa0\x80w\xe6\x97", (size_t)-1);

	(void)state;
	assert_string_equal(s, "x\xef\xbf\xbdy\xef\xbf\xbd\xef\xbf\xbdz\xef\xbf\xbd\xef\xbf\xbd"
			       "\xef\xbf\xbdw\xef\xbf\xbd\xef\xbf\xbd");
	assert_null(strchr(s, '<'));
	free(s);
}

static void test_html_escape_large(void **state)
{
	size_t n = 1024 * 1024;
	char *big = malloc(n + 1), *s;

	(void)state;
	assert_non_null(big);
	memset(big, '<', n);
	big[n] = '\0';
	s = esc(big, (size_t)-1);
	assert_non_null(s);
	assert_int_equal(strlen(s), 4 * n);
	assert_null(strchr(s, '<'));
	free(s);
	free(big);
}

static void test_html_url(void **state)
{
	struct html h = { 0 };
	size_t len;
	char *s;

	(void)state;
	html_url(&h, "a b&c=\"<d>\"/é");
	s = html_take(&h, &len);
	assert_string_equal(s, "a%20b%26c%3D%22%3Cd%3E%22%2F%C3%A9");
	free(s);
	html_esc(&h, NULL);
	html_put(&h, "%d", 7);
	s = html_take(&h, &len);
	assert_string_equal(s, "7");
	free(s);
}

static void test_auth_equal(void **state)
{
	(void)state;
	assert_true(auth_equal("abc", "abc"));
	assert_false(auth_equal("abc", "abd"));
	assert_false(auth_equal("abc", "abcd"));
	assert_false(auth_equal(NULL, "abc"));
	assert_false(auth_equal("", NULL));
}

static void test_auth_session(void **state)
{
	static struct auth a;
	char id[AUTH_TOKEN_LEN], csrf[AUTH_TOKEN_LEN], got[AUTH_TOKEN_LEN];
	char id2[AUTH_TOKEN_LEN], csrf2[AUTH_TOKEN_LEN];
	struct jobq_err err;

	(void)state;
	auth_init(&a, 1000);
	assert_int_equal(auth_session_new(&a, 5000, id, csrf, &err), 0);
	assert_int_equal(strlen(id), 64);
	assert_int_equal(strlen(csrf), 64);
	assert_string_not_equal(id, csrf);
	assert_true(auth_session_find(&a, id, 5999, got));
	assert_string_equal(got, csrf);
	assert_false(auth_session_find(&a, csrf, 5500, NULL)); /* a CSRF token is no session */
	assert_false(auth_session_find(&a, "short", 5500, NULL));
	assert_false(auth_session_find(&a, NULL, 5500, NULL));
	/* a second session has tokens of its own */
	assert_int_equal(auth_session_new(&a, 5000, id2, csrf2, &err), 0);
	assert_string_not_equal(id, id2);
	assert_string_not_equal(csrf, csrf2);
	auth_session_end(&a, id2);
	assert_false(auth_session_find(&a, id2, 5500, NULL));
	assert_true(auth_session_find(&a, id, 5500, NULL));
	/* expiry: gone at its end, and for good */
	assert_false(auth_session_find(&a, id, 6000, NULL));
	assert_false(auth_session_find(&a, id, 5500, NULL));
	auth_destroy(&a);
}

static void test_auth_sessions_full(void **state)
{
	static struct auth a;
	char id[AUTH_TOKEN_LEN], first[AUTH_TOKEN_LEN], csrf[AUTH_TOKEN_LEN];
	struct jobq_err err;

	(void)state;
	auth_init(&a, 1000);
	/* the table full, a new login ends the session that expires first */
	for (int i = 0; i < AUTH_MAX_SESSIONS; i++) {
		assert_int_equal(auth_session_new(&a, 100 + i, id, csrf, &err), 0);
		if (i == 0)
			memcpy(first, id, sizeof(id));
	}
	assert_true(auth_session_find(&a, first, 500, NULL));
	assert_int_equal(auth_session_new(&a, 500, id, csrf, &err), 0);
	assert_false(auth_session_find(&a, first, 500, NULL));
	assert_true(auth_session_find(&a, id, 500, NULL));
	auth_destroy(&a);
}

static void test_auth_login_limit(void **state)
{
	static struct auth a;

	(void)state;
	auth_init(&a, 1000);
	for (int i = 0; i < AUTH_FAIL_MAX; i++) {
		assert_true(auth_login_allowed(&a, "10.0.0.1", 1000 + i));
		auth_login_result(&a, "10.0.0.1", 1000 + i, false);
	}
	assert_false(auth_login_allowed(&a, "10.0.0.1", 2000));
	/* another address is not locked out */
	assert_true(auth_login_allowed(&a, "10.0.0.2", 2000));
	/* the window passes */
	assert_true(auth_login_allowed(&a, "10.0.0.1", 1000 + AUTH_FAIL_WINDOW_MS));
	/* a success clears the count */
	auth_login_result(&a, "10.0.0.3", 1000, false);
	auth_login_result(&a, "10.0.0.3", 1001, true);
	for (int i = 0; i < AUTH_FAIL_MAX - 1; i++)
		auth_login_result(&a, "10.0.0.3", 1002, false);
	assert_true(auth_login_allowed(&a, "10.0.0.3", 1003));
	/* many addresses: the table reuses the oldest entry, never fails */
	for (int i = 0; i < AUTH_FAIL_ADDRS + 10; i++) {
		char addr[32];

		snprintf(addr, sizeof(addr), "10.1.%d.%d", i / 256, i % 256);
		auth_login_result(&a, addr, 5000 + i, false);
	}
	auth_destroy(&a);
}

/* Failures from all addresses together past AUTH_GLOBAL_FAIL_MAX a minute slow every check;
 * the level leaks at that rate, so it passes without locking anyone out. */
static void test_auth_login_strained(void **state)
{
	static struct auth a;

	(void)state;
	auth_init(&a, 1000);
	for (int i = 0; i < AUTH_GLOBAL_FAIL_MAX - 1; i++) {
		char addr[32];

		snprintf(addr, sizeof(addr), "10.2.%d.%d", i / 256, i % 256);
		auth_login_result(&a, addr, 1000, false);
	}
	assert_false(auth_login_strained(&a, 1000));
	auth_login_result(&a, "10.3.0.1", 1000, false);
	assert_true(auth_login_strained(&a, 1000));
	/* a success does not lower it; the leak does (one failure's worth in 600 ms) */
	auth_login_result(&a, "10.3.0.2", 1000, true);
	assert_true(auth_login_strained(&a, 1000));
	assert_false(auth_login_strained(&a, 1000 + AUTH_FAIL_WINDOW_MS / AUTH_GLOBAL_FAIL_MAX));
	assert_false(auth_login_strained(&a, 1000 + AUTH_FAIL_WINDOW_MS));
	auth_destroy(&a);
}

static void test_auth_password(void **state)
{
	char hash[256];
	struct jobq_err err;

	(void)state;
	assert_int_equal(auth_password_hash("s3cret pass", hash, sizeof(hash), &err), 0);
	assert_memory_equal(hash, "$y$", 3);
	assert_true(auth_password_ok(hash, "s3cret pass"));
	assert_false(auth_password_ok(hash, "s3cret pasS"));
	assert_false(auth_password_ok(hash, ""));
	assert_false(auth_password_ok(NULL, "x"));
	assert_false(auth_password_ok("plain", "plain"));
	assert_false(auth_password_ok("$y$broken", "x"));
}

static void test_host_allowed(void **state)
{
	char *hosts[] = { "console.example" };

	(void)state;
	assert_true(web_host_allowed("localhost", "127.0.0.1", NULL, 0));
	assert_true(web_host_allowed("LOCALHOST:8080", "127.0.0.1", NULL, 0));
	assert_true(web_host_allowed("127.0.0.1:8080", "127.0.0.1", NULL, 0));
	assert_true(web_host_allowed("[::1]:8080", "127.0.0.1", NULL, 0));
	assert_true(web_host_allowed("10.0.0.5:8080", "10.0.0.5", NULL, 0));
	assert_true(web_host_allowed("[fd00::1]:80", "fd00::1", NULL, 0));
	assert_true(web_host_allowed("console.example:443", "127.0.0.1", hosts, 1));
	assert_false(web_host_allowed("evil.example", "127.0.0.1", hosts, 1));
	assert_false(web_host_allowed("localhost.evil.example", "127.0.0.1", hosts, 1));
	assert_false(web_host_allowed("localhost:80@evil", "127.0.0.1", NULL, 0));
	assert_false(web_host_allowed("", "127.0.0.1", NULL, 0));
	assert_false(web_host_allowed(NULL, "127.0.0.1", NULL, 0));
	assert_false(web_host_allowed("[::1", "127.0.0.1", NULL, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_escape_markup),
		cmocka_unit_test(test_html_escape_controls),
		cmocka_unit_test(test_html_escape_invalid_utf8),
		cmocka_unit_test(test_html_escape_large),
		cmocka_unit_test(test_html_url),
		cmocka_unit_test(test_auth_equal),
		cmocka_unit_test(test_auth_session),
		cmocka_unit_test(test_auth_sessions_full),
		cmocka_unit_test(test_auth_login_limit),
		cmocka_unit_test(test_auth_login_strained),
		cmocka_unit_test(test_auth_password),
		cmocka_unit_test(test_host_allowed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
