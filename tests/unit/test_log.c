/* Unit tests for log line formatting, quoting and JSON output (common/log.c). stderr is
 * redirected to a temporary file and read back. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jobq/log.h"

struct capture {
	int saved;
	int fd;
	char path[64];
};

static void capture_start(struct capture *c)
{
	snprintf(c->path, sizeof(c->path), "/tmp/jobq-test-log-XXXXXX");
	c->fd = mkstemp(c->path);
	assert_true(c->fd >= 0);
	fflush(stderr);
	c->saved = dup(STDERR_FILENO);
	assert_true(c->saved >= 0);
	assert_true(dup2(c->fd, STDERR_FILENO) >= 0);
}

/* Restore stderr and return everything written meanwhile (caller frees). */
static char *capture_end(struct capture *c)
{
	char *buf;
	off_t size;
	ssize_t n;

	fflush(stderr);
	assert_true(dup2(c->saved, STDERR_FILENO) >= 0);
	close(c->saved);
	size = lseek(c->fd, 0, SEEK_END);
	assert_true(size >= 0);
	buf = calloc(1, (size_t)size + 1);
	assert_non_null(buf);
	n = pread(c->fd, buf, (size_t)size, 0);
	assert_int_equal(n, size);
	close(c->fd);
	unlink(c->path);
	return buf;
}

static int setup(void **state)
{
	(void)state;
	jobq_log_setup(JOBQ_LOG_INFO, JOBQ_LOG_TEXT);
	jobq_log_set_program("consumer");
	return 0;
}

static void test_log_text_line_shape(void **state)
{
	struct capture c;
	char *out, num[24];

	(void)state;
	capture_start(&c);
	jobq_info("job_claimed", "job", "123e4567-e89b-12d3-a456-426614174000", "attempt",
		  jobq_log_int(num, 1));
	out = capture_end(&c);
	/* 2026-11-28T11:07:01.123Z level=info ... */
	assert_true(strlen(out) > 25);
	assert_int_equal(out[4], '-');
	assert_int_equal(out[10], 'T');
	assert_int_equal(out[19], '.');
	assert_int_equal(out[23], 'Z');
	assert_int_equal(out[24], ' ');
	assert_string_equal(out + 25, "level=info prog=consumer event=job_claimed "
				      "job=123e4567-e89b-12d3-a456-426614174000 attempt=1\n");
	free(out);
}

static void test_log_text_quotes_and_escapes(void **state)
{
	struct capture c;
	char *out, *fields;

	(void)state;
	capture_start(&c);
	jobq_warn("odd_values", "space", "a b", "quote", "say \"hi\"", "eq", "k=v", "nl",
		  "line1\nline2\ttab", "ctl", "\x01\x7f", "bs", "a\\b", "empty", "", "null",
		  (const char *)NULL, "utf8", "caf\xc3\xa9");
	out = capture_end(&c);
	fields = strstr(out, " level=");
	assert_non_null(fields);
	assert_string_equal(
		fields,
		" level=warn prog=consumer event=odd_values space=\"a b\" "
		"quote=\"say \\\"hi\\\"\" eq=\"k=v\" nl=\"line1\\nline2\\ttab\" ctl=\"\\x01\\x7f\" "
		"bs=a\\b empty= null= utf8=caf\xc3\xa9\n");
	free(out);
}

static void test_log_level_filter(void **state)
{
	struct capture c;
	char *out;

	(void)state;
	capture_start(&c);
	jobq_debug("hidden");
	jobq_info("shown_info");
	jobq_log_setup(JOBQ_LOG_WARN, JOBQ_LOG_TEXT);
	jobq_info("hidden_too");
	jobq_error("shown_error");
	jobq_log_setup(JOBQ_LOG_DEBUG, JOBQ_LOG_TEXT);
	jobq_debug("shown_debug");
	out = capture_end(&c);
	assert_null(strstr(out, "hidden"));
	assert_non_null(strstr(out, "level=info prog=consumer event=shown_info\n"));
	assert_non_null(strstr(out, "level=error prog=consumer event=shown_error\n"));
	assert_non_null(strstr(out, "level=debug prog=consumer event=shown_debug\n"));
	free(out);
}

static void test_log_json_parses(void **state)
{
	struct capture c;
	json_error_t jerr;
	json_t *obj;
	char *out, num[24];
	const char *key;
	json_t *value;
	size_t i = 0;
	static const char *const order[] = { "ts",      "level", "prog", "event", "job",
					     "attempt", "msg",   "bad",  "none" };

	(void)state;
	jobq_log_setup(JOBQ_LOG_INFO, JOBQ_LOG_JSON);
	capture_start(&c);
	jobq_error("job_failed", "job", "j1", "attempt", jobq_log_int(num, -42), "msg",
		   "tab\there \"q\" \\ \x01 caf\xc3\xa9", "bad", "x\xff\xc3y", "none",
		   (const char *)NULL);
	out = capture_end(&c);
	assert_int_equal(out[strlen(out) - 1], '\n');
	assert_ptr_equal(strchr(out, '\n'), out + strlen(out) - 1); /* one line */
	obj = json_loads(out, 0, &jerr);
	if (obj == NULL)
		fail_msg("not JSON (%s): %s", jerr.text, out);
	assert_string_equal(json_string_value(json_object_get(obj, "level")), "error");
	assert_string_equal(json_string_value(json_object_get(obj, "prog")), "consumer");
	assert_string_equal(json_string_value(json_object_get(obj, "event")), "job_failed");
	assert_string_equal(json_string_value(json_object_get(obj, "job")), "j1");
	assert_string_equal(json_string_value(json_object_get(obj, "attempt")), "-42");
	assert_string_equal(json_string_value(json_object_get(obj, "msg")),
			    "tab\there \"q\" \\ \x01 caf\xc3\xa9");
	assert_string_equal(json_string_value(json_object_get(obj, "bad")),
			    "x\xef\xbf\xbd\xef\xbf\xbdy");
	assert_string_equal(json_string_value(json_object_get(obj, "none")), "");
	assert_int_equal(strlen(json_string_value(json_object_get(obj, "ts"))), 24);
	/* Field order is the order given. */
	json_decref(obj);
	free(out);
	capture_start(&c);
	jobq_error("job_failed", "job", "j1", "attempt", "1", "msg", "m", "bad", "b", "none", "");
	out = capture_end(&c);
	obj = json_loads(out, JSON_PRESERVE_ORDER, &jerr);
	assert_non_null(obj);
	json_object_foreach(obj, key, value)
	{
		assert_true(i < sizeof(order) / sizeof(order[0]));
		assert_string_equal(key, order[i]);
		i++;
	}
	assert_int_equal(i, sizeof(order) / sizeof(order[0]));
	json_decref(obj);
	free(out);
	jobq_log_setup(JOBQ_LOG_INFO, JOBQ_LOG_TEXT);
}

static void test_log_without_program_omits_prog(void **state)
{
	struct capture c;
	char *out;

	(void)state;
	jobq_log_set_program(NULL);
	capture_start(&c);
	jobq_info("started");
	out = capture_end(&c);
	assert_string_equal(strstr(out, " level="), " level=info event=started\n");
	free(out);
	jobq_log_set_program("consumer");
}

static void test_log_parse_names(void **state)
{
	enum jobq_log_level level = JOBQ_LOG_INFO;
	enum jobq_log_format format = JOBQ_LOG_TEXT;

	(void)state;
	assert_int_equal(jobq_log_level_parse("debug", &level), 0);
	assert_int_equal(level, JOBQ_LOG_DEBUG);
	assert_int_equal(jobq_log_level_parse("warn", &level), 0);
	assert_int_equal(level, JOBQ_LOG_WARN);
	assert_int_equal(jobq_log_level_parse("error", &level), 0);
	assert_int_equal(level, JOBQ_LOG_ERROR);
	assert_int_equal(jobq_log_level_parse("INFO", &level), JOBQ_EINVAL);
	assert_int_equal(jobq_log_level_parse("warning", &level), JOBQ_EINVAL);
	assert_int_equal(jobq_log_level_parse(NULL, &level), JOBQ_EINVAL);
	assert_int_equal(jobq_log_format_parse("json", &format), 0);
	assert_int_equal(format, JOBQ_LOG_JSON);
	assert_int_equal(jobq_log_format_parse("text", &format), 0);
	assert_int_equal(format, JOBQ_LOG_TEXT);
	assert_int_equal(jobq_log_format_parse("xml", &format), JOBQ_EINVAL);
}

static void test_log_int_formats(void **state)
{
	char buf[24];

	(void)state;
	assert_string_equal(jobq_log_int(buf, 0), "0");
	assert_string_equal(jobq_log_int(buf, -9223372036854775807LL - 1), "-9223372036854775808");
}

#define THREADS 4
#define LINES 300

static void *writer(void *arg)
{
	char n[24], big[600];
	int i;

	memset(big, 'v', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	for (i = 0; i < LINES; i++)
		jobq_info("tick", "thread", (const char *)arg, "i", jobq_log_int(n, i), "pad", big);
	return NULL;
}

static void test_log_threads_never_interleave(void **state)
{
	static const char *const names[THREADS] = { "a", "b", "c", "d" };
	pthread_t t[THREADS];
	struct capture c;
	json_error_t jerr;
	char *out, *line, *save = NULL;
	int i, n = 0;
	json_t *obj;

	(void)state;
	jobq_log_setup(JOBQ_LOG_INFO, JOBQ_LOG_JSON);
	capture_start(&c);
	for (i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, writer, (void *)names[i]), 0);
	for (i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	out = capture_end(&c);
	for (line = strtok_r(out, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		obj = json_loads(line, 0, &jerr);
		if (obj == NULL)
			fail_msg("line %d is not JSON: %s", n, jerr.text);
		json_decref(obj);
		n++;
	}
	assert_int_equal(n, THREADS * LINES);
	free(out);
	jobq_log_setup(JOBQ_LOG_INFO, JOBQ_LOG_TEXT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_log_text_line_shape, setup),
		cmocka_unit_test_setup(test_log_text_quotes_and_escapes, setup),
		cmocka_unit_test_setup(test_log_level_filter, setup),
		cmocka_unit_test_setup(test_log_json_parses, setup),
		cmocka_unit_test_setup(test_log_without_program_omits_prog, setup),
		cmocka_unit_test(test_log_parse_names),
		cmocka_unit_test(test_log_int_formats),
		cmocka_unit_test_setup(test_log_threads_never_interleave, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
