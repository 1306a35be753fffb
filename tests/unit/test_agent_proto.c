/* Unit tests: the agent protocol's framing (publisher/agent_proto.c) over a socket pair —
 * a frame goes through whole, and a bad magic, an oversized or cut-short frame, a silent
 * peer and a malformed argument list are refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "agent_proto.h"

static void pair(int sv[2])
{
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	assert_int_equal(fcntl(sv[0], F_SETFL, O_NONBLOCK), 0);
	assert_int_equal(fcntl(sv[1], F_SETFL, O_NONBLOCK), 0);
}

static void test_agent_proto_frame_round_trip(void **state)
{
	const void *parts[2] = { "submit\0", "noop\0" };
	size_t lens[2] = { 7, 5 }, len = 0;
	char *body = NULL, *argv[4];
	int sv[2];

	(void)state;
	pair(sv);
	assert_int_equal(agent_write_frame(sv[0], parts, lens, 2, agent_now_ms() + 1000), 0);
	assert_int_equal(agent_read_frame(sv[1], 100, &body, &len, agent_now_ms() + 1000), 0);
	assert_int_equal(len, 12);
	assert_int_equal(agent_split_args(body, len, argv, 4), 2);
	assert_string_equal(argv[0], "submit");
	assert_string_equal(argv[1], "noop");
	free(body);
	close(sv[0]);
	/* The peer gone before a frame: the end, not an error. */
	assert_int_equal(agent_read_frame(sv[1], 100, &body, &len, agent_now_ms() + 1000), 1);
	close(sv[1]);
}

static void expect_refused(const void *bytes, size_t n, size_t max, int want_errno)
{
	char *body = (char *)"untouched";
	size_t len = 99;
	int sv[2];

	pair(sv);
	assert_int_equal(agent_write_all(sv[0], bytes, n, agent_now_ms() + 1000), 0);
	close(sv[0]);
	errno = 0;
	assert_int_equal(agent_read_frame(sv[1], max, &body, &len, agent_now_ms() + 1000), -1);
	assert_int_equal(errno, want_errno);
	assert_null(body);
	assert_int_equal(len, 0);
	close(sv[1]);
}

static void test_agent_proto_bad_frames_refused(void **state)
{
	(void)state;
	expect_refused("JQA2\0\0\0\1x", 9, 100, EPROTO);  /* another magic */
	expect_refused("JQA1\0\0\1\0", 8, 100, EMSGSIZE); /* 256 bytes, over max */
	expect_refused("JQA1\0\0\0\x10"
		       "abc",
		       11, 100, EPROTO);      /* cut short */
	expect_refused("JQ", 2, 100, EPROTO); /* header cut short */
}

static void test_agent_proto_silent_peer_times_out(void **state)
{
	char *body = NULL;
	size_t len = 0;
	int sv[2];

	(void)state;
	pair(sv);
	assert_int_equal(agent_write_all(sv[0], "JQA1", 4, agent_now_ms() + 1000), 0);
	assert_int_equal(agent_read_frame(sv[1], 100, &body, &len, agent_now_ms() + 50), -1);
	assert_int_equal(errno, ETIMEDOUT);
	close(sv[0]);
	close(sv[1]);
}

static void test_agent_proto_split_args(void **state)
{
	char ok[] = "a\0\0b", bad[] = "abc", many[] = "a\0b\0c";
	char *argv[2];

	(void)state;
	assert_int_equal(agent_split_args(ok, sizeof(ok), argv, 2), -1); /* "a", "", "b": 3 > 2 */
	assert_int_equal(agent_split_args(ok, 2, argv, 2), 1);
	assert_string_equal(argv[0], "a");
	assert_int_equal(agent_split_args(bad, 3, argv, 2), -1);             /* no NUL at the end */
	assert_int_equal(agent_split_args(many, sizeof(many), argv, 2), -1); /* 3 > 2 */
	assert_int_equal(agent_split_args(many, 0, argv, 2), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agent_proto_frame_round_trip),
		cmocka_unit_test(test_agent_proto_bad_frames_refused),
		cmocka_unit_test(test_agent_proto_silent_peer_times_out),
		cmocka_unit_test(test_agent_proto_split_args),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
