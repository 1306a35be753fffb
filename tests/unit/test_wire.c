/* The worker protocol's lines (consumer/wire.c): every op from a child and from a
 * command's control descriptor, the protocol errors, the ignored fields, and the job and
 * cancel lines jobq writes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "wire.h"

static void parse_ok(const char *line, enum wire_origin o, struct wire_msg *m)
{
	struct jobq_err err = { 0 };

	if (wire_parse(line, strlen(line), o, m, &err) != 0)
		fail_msg("'%s': %s", line, err.msg);
}

static void parse_fails(const char *line, enum wire_origin o, const char *needle)
{
	struct jobq_err err = { 0 };
	struct wire_msg m;

	assert_int_equal(wire_parse(line, strlen(line), o, &m, &err), JOBQ_EINVAL);
	if (strstr(err.msg, needle) == NULL)
		fail_msg("'%s': expected '%s' in '%s'", line, needle, err.msg);
	assert_null(strchr(err.msg, '\n'));
	assert_null(m.id);
	assert_null(m.op_name);
}

static void test_wire_ready(void **state)
{
	struct wire_msg m;

	(void)state;
	parse_ok("{\"op\":\"ready\",\"protocol\":1,\"types\":[\"resize\",\"thumb\"],\"pid\":123,"
		 "\"future\":{}}",
		 WIRE_CHILD, &m);
	assert_int_equal(m.op, WIRE_READY);
	assert_int_equal(m.protocol, 1);
	assert_int_equal(m.pid, 123);
	assert_int_equal(m.ntypes, 2);
	assert_true(wire_serves(&m, "thumb"));
	assert_false(wire_serves(&m, "thumbs"));
	wire_msg_free(&m);
	parse_fails("{\"op\":\"ready\",\"types\":[\"a\"]}", WIRE_CHILD, "integer 'protocol'");
	parse_fails("{\"op\":\"ready\",\"protocol\":1,\"types\":[]}", WIRE_CHILD, "'types'");
	parse_fails("{\"op\":\"ready\",\"protocol\":1,\"types\":\"a\"}", WIRE_CHILD, "'types'");
	parse_fails("{\"op\":\"ready\",\"protocol\":1,\"types\":[\"a\",2]}", WIRE_CHILD,
		    "types[1] is not a string");
}

static void test_wire_result(void **state)
{
	struct wire_msg m;

	(void)state;
	parse_ok("{\"op\":\"result\",\"id\":\"AB-1\",\"result\":{\"x\": [1, 2]}}", WIRE_CHILD, &m);
	assert_int_equal(m.op, WIRE_RESULT);
	assert_string_equal(m.id, "ab-1"); /* ids compare in lower case */
	assert_string_equal(m.json, "{\"x\":[1,2]}");
	wire_msg_free(&m);
	parse_ok("{\"op\":\"result\",\"id\":\"a\"}", WIRE_CHILD, &m);
	assert_null(m.json); /* absent = null */
	wire_msg_free(&m);
	parse_ok("{\"op\":\"result\",\"id\":\"a\",\"result\":\"s\"}", WIRE_CHILD, &m);
	assert_string_equal(m.json, "\"s\"");
	wire_msg_free(&m);
	parse_fails("{\"op\":\"result\",\"result\":1}", WIRE_CHILD, "op 'result' without an id");
	parse_fails("{\"op\":\"result\",\"id\":7}", WIRE_CHILD, "'id' is not a string");
}

static void test_wire_error(void **state)
{
	struct wire_msg m;

	(void)state;
	parse_ok("{\"op\":\"error\",\"id\":\"a\",\"error\":\"bad\\nthing\"}", WIRE_CHILD, &m);
	assert_int_equal(m.op, WIRE_ERROR);
	assert_string_equal(m.error, "bad thing");
	assert_false(m.permanent);
	assert_int_equal(m.retry_in_ms, -1);
	assert_null(m.warning);
	wire_msg_free(&m);
	parse_ok("{\"op\":\"error\",\"id\":\"a\",\"error\":\"x\",\"retry_in\":1.5}", WIRE_CHILD,
		 &m);
	assert_int_equal(m.retry_in_ms, 1500);
	wire_msg_free(&m);
	parse_ok("{\"op\":\"error\",\"id\":\"a\",\"error\":\"x\",\"retry_in\":\"5m\"}", WIRE_CHILD,
		 &m);
	assert_int_equal(m.retry_in_ms, 300000);
	wire_msg_free(&m);
	parse_ok("{\"op\":\"error\",\"id\":\"a\",\"retry_in\":-3}", WIRE_CHILD, &m);
	assert_int_equal(m.retry_in_ms, 0); /* clamped */
	assert_null(m.error);
	wire_msg_free(&m);
	parse_ok("{\"op\":\"error\",\"id\":\"a\",\"retry_in\":1e12}", WIRE_CHILD, &m);
	assert_int_equal(m.retry_in_ms, 365LL * 24 * 3600 * 1000);
	wire_msg_free(&m);
	/* permanent: retry_in ignored */
	parse_ok("{\"op\":\"error\",\"id\":\"a\",\"error\":{\"k\":1},\"permanent\":true,"
		 "\"retry_in\":30}",
		 WIRE_CHILD, &m);
	assert_true(m.permanent);
	assert_int_equal(m.retry_in_ms, -1);
	assert_string_equal(m.error, "{\"k\":1}");
	wire_msg_free(&m);
	/* a bad retry_in keeps the error, with a warning */
	parse_ok("{\"op\":\"error\",\"id\":\"a\",\"error\":\"x\",\"retry_in\":\"5x\"}", WIRE_CHILD,
		 &m);
	assert_int_equal(m.retry_in_ms, -1);
	assert_non_null(m.warning);
	assert_non_null(strstr(m.warning, "'retry_in'"));
	wire_msg_free(&m);
	parse_ok("{\"op\":\"error\",\"id\":\"a\",\"retry_in\":[1]}", WIRE_CHILD, &m);
	assert_non_null(m.warning);
	wire_msg_free(&m);
}

static void test_wire_progress_log(void **state)
{
	struct wire_msg m;
	char *big;
	size_t n = WIRE_PROGRESS_MAX + 100;

	(void)state;
	parse_ok("{\"op\":\"progress\",\"id\":\"a\",\"progress\":{\"done\":3}}", WIRE_CHILD, &m);
	assert_int_equal(m.op, WIRE_PROGRESS);
	assert_string_equal(m.json, "{\"done\":3}");
	wire_msg_free(&m);
	big = malloc(n + 64);
	assert_non_null(big);
	strcpy(big, "{\"op\":\"progress\",\"id\":\"a\",\"progress\":\"");
	memset(big + strlen(big), 'x', n);
	strcpy(big + strlen("{\"op\":\"progress\",\"id\":\"a\",\"progress\":\"") + n, "\"}");
	parse_ok(big, WIRE_CHILD, &m);
	assert_null(m.json);
	assert_non_null(strstr(m.warning, "exceeds 65536"));
	wire_msg_free(&m);
	free(big);
	parse_fails("{\"op\":\"progress\",\"progress\":1}", WIRE_CHILD, "without an id");

	parse_ok("{\"op\":\"log\",\"level\":\"warn\",\"msg\":\"disk\\tlow\"}", WIRE_CHILD, &m);
	assert_int_equal(m.op, WIRE_LOG);
	assert_null(m.id);
	assert_string_equal(m.level, "warn");
	assert_string_equal(m.msg, "disk low");
	wire_msg_free(&m);
	parse_ok("{\"op\":\"log\",\"id\":\"a\",\"level\":\"loud\"}", WIRE_CHILD, &m);
	assert_string_equal(m.level, "info");
	assert_string_equal(m.msg, "");
	assert_string_equal(m.id, "a");
	assert_non_null(m.warning);
	wire_msg_free(&m);
}

/* A command's control descriptor: progress, log and retry_in without ids. */
static void test_wire_control(void **state)
{
	struct wire_msg m;

	(void)state;
	parse_ok("{\"op\":\"progress\",\"progress\":0.5}", WIRE_NO_ID, &m);
	assert_int_equal(m.op, WIRE_PROGRESS);
	assert_string_equal(m.json, "0.5");
	wire_msg_free(&m);
	parse_ok("{\"op\":\"retry_in\",\"retry_in\":\"30s\"}", WIRE_NO_ID, &m);
	assert_int_equal(m.op, WIRE_RETRY_IN);
	assert_int_equal(m.retry_in_ms, 30000);
	wire_msg_free(&m);
	/* not for this origin: ignored as unknown, not a protocol error */
	parse_ok("{\"op\":\"result\",\"result\":1}", WIRE_NO_ID, &m);
	assert_int_equal(m.op, WIRE_UNKNOWN);
	wire_msg_free(&m);
	parse_ok("{\"op\":\"retry_in\",\"retry_in\":3}", WIRE_CHILD, &m);
	assert_int_equal(m.op, WIRE_UNKNOWN);
	wire_msg_free(&m);
}

static void test_wire_bad_lines(void **state)
{
	struct wire_msg m;

	(void)state;
	parse_fails("", WIRE_CHILD, "line is not JSON");
	parse_fails("{\"op\":", WIRE_CHILD, "line is not JSON");
	parse_fails("{\"op\":\"result\"} {}", WIRE_CHILD, "line is not JSON");
	parse_fails("[1]", WIRE_CHILD, "not a JSON object");
	parse_fails("{\"id\":\"a\"}", WIRE_CHILD, "no string 'op'");
	parse_fails("{\"op\":3}", WIRE_CHILD, "no string 'op'");
	parse_ok("{\"op\":\"hello\",\"x\":1}", WIRE_CHILD, &m);
	assert_int_equal(m.op, WIRE_UNKNOWN);
	assert_string_equal(m.op_name, "hello");
	wire_msg_free(&m);
	wire_msg_free(&m); /* an empty message frees again */
}

static void test_wire_encode(void **state)
{
	size_t len = 0;
	char *l;
	json_t *o;

	(void)state;
	l = wire_encode_job("id-1", "resize", 2, 3, "{\"w\": 64, \"s\": \"\\u00e9\"}",
			    1765000000000, &len);
	assert_non_null(l);
	assert_int_equal(len, strlen(l));
	assert_int_equal(l[len - 1], '\n');
	assert_null(memchr(l, '\n', len - 1));
	assert_string_equal(l, "{\"op\":\"job\",\"id\":\"id-1\",\"type\":\"resize\",\"attempt\":2,"
			       "\"max_attempts\":3,\"payload\":{\"w\":64,\"s\":\"\xc3\xa9\"},"
			       "\"deadline\":1765000000000}\n");
	free(l);
	l = wire_encode_job("id-1", "t", 1, 1, "\"a\\nb\"", 0, &len);
	assert_non_null(l);
	o = json_loads(l, 0, NULL);
	assert_true(json_is_null(json_object_get(o, "deadline")));
	assert_string_equal(json_string_value(json_object_get(o, "payload")), "a\nb");
	assert_null(memchr(l, '\n', len - 1));
	json_decref(o);
	free(l);
	assert_null(wire_encode_job("id-1", "t", 1, 1, "{not json", 0, &len));
	l = wire_encode_cancel("id-2", "timeout", &len);
	assert_string_equal(l, "{\"op\":\"cancel\",\"id\":\"id-2\",\"reason\":\"timeout\"}\n");
	free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wire_ready),   cmocka_unit_test(test_wire_result),
		cmocka_unit_test(test_wire_error),   cmocka_unit_test(test_wire_progress_log),
		cmocka_unit_test(test_wire_control), cmocka_unit_test(test_wire_bad_lines),
		cmocka_unit_test(test_wire_encode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
