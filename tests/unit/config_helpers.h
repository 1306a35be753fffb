/* Shared by the configuration unit tests (test_config.c, test_config_file.c,
 * test_config_guard.c): a clean environment around each test, temporary configuration
 * files, and loads that must succeed or fail with a message that says where. */
#ifndef JOBQ_TEST_CONFIG_HELPERS_H
#define JOBQ_TEST_CONFIG_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jobq/config.h"
#include "config_keys.h" /* jobq_cfg_keys: the variables each setting reads */

/* Unset every variable the configuration reads: $JOBQ_CONFIG and each key's variable and
 * alias, taken from the key table so that a new setting cannot be left out. */
static inline void clear_env(void)
{
	size_t i;

	unsetenv("JOBQ_CONFIG");
	for (i = 0; i < CFG_NKEYS; i++) {
		if (jobq_cfg_keys[i].env != NULL)
			unsetenv(jobq_cfg_keys[i].env);
		if (jobq_cfg_keys[i].alias != NULL)
			unsetenv(jobq_cfg_keys[i].alias);
	}
}

static inline int setup(void **state)
{
	(void)state;
	clear_env();
	return 0;
}

static inline int teardown(void **state)
{
	(void)state;
	clear_env();
	return 0;
}

/* Write text to a new temporary file; path receives its name. */
static inline void write_conf(char path[64], const char *text)
{
	FILE *fp;
	int fd;

	snprintf(path, 64, "/tmp/jobq-test-conf-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	assert_int_equal(fputs(text, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

/* Write text to path (created or truncated). */
static inline void put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	assert_true(fputs(text, fp) >= 0);
	assert_int_equal(fclose(fp), 0);
}

static inline void load_ok(struct jobq_config *cfg, const char *text)
{
	struct jobq_err err;
	char path[64];

	write_conf(path, text);
	jobq_err_clear(&err);
	if (jobq_config_load(cfg, path, &err) != 0)
		fail_msg("load failed: %s", err.msg);
	assert_string_equal(cfg->source, path);
	unlink(path);
}

static inline void assert_freed(const struct jobq_config *cfg)
{
	assert_null(cfg->amqp_url);
	assert_null(cfg->source);
	assert_null(cfg->handlers);
	assert_int_equal(cfg->nqueues, 0);
	assert_int_equal(cfg->nhandlers, 0);
}

/* Loading text must fail with a message that starts "FILE:LINE: " and contains needle. */
static inline void load_fails_at(const char *text, int line, const char *needle)
{
	struct jobq_config cfg;
	struct jobq_err err;
	char path[64], where[96];

	write_conf(path, text);
	jobq_err_clear(&err);
	assert_int_equal(jobq_config_load(&cfg, path, &err), JOBQ_EINVAL);
	assert_int_equal(err.code, JOBQ_EINVAL);
	snprintf(where, sizeof(where), "%s:%d: ", path, line);
	if (strncmp(err.msg, where, strlen(where)) != 0)
		fail_msg("expected '%s...', got '%s'", where, err.msg);
	if (strstr(err.msg, needle) == NULL)
		fail_msg("expected '%s' in '%s'", needle, err.msg);
	assert_freed(&cfg);
	unlink(path);
}

/* Loading (with the environment as it is) must fail with exactly msg (after the file). */
static inline void load_fails_env(const char *text, const char *prefix)
{
	struct jobq_config cfg;
	struct jobq_err err;
	char path[64];

	write_conf(path, text);
	assert_int_equal(jobq_config_load(&cfg, path, &err), JOBQ_EINVAL);
	if (strncmp(err.msg, prefix, strlen(prefix)) != 0)
		fail_msg("expected '%s...', got '%s'", prefix, err.msg);
	assert_freed(&cfg);
	unlink(path);
}

#endif
