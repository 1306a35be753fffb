/* Unit tests for configuration loading: defaults, the libconfig file, environment
 * overrides and validation, with every error naming its file and line (common/config.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jobq/config.h"

static const char *const env_vars[] = {
	"JOBQ_CONFIG", "JOBQ_AMQP_URL", "JOBQ_AMQP_HEARTBEAT", "JOBQ_DATABASE_URL",
	"HEARTBEAT_INTERVAL", "JOBQ_HEARTBEAT_INTERVAL", "LEASE_DURATION", "JOBQ_LEASE_DURATION",
	"JOBQ_QUEUES", "JOBQ_CONCURRENCY", "JOBQ_WORKER_ID", "JOBQ_SHUTDOWN_TIMEOUT",
	"JOBQ_CANCEL_GRACE", "JOBQ_RELAY_INTERVAL", "JOBQ_RELAY_GRACE", "JOBQ_MAX_PAYLOAD",
	"JOBQ_RETRY_BASE", "JOBQ_RETRY_MAX", "JOBQ_LOG_LEVEL", "JOBQ_LOG_FORMAT",
};

static void
clear_env(void)
{
	size_t i;

	for (i = 0; i < sizeof(env_vars) / sizeof(env_vars[0]); i++)
		unsetenv(env_vars[i]);
}

static int
setup(void **state)
{
	(void)state;
	clear_env();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	clear_env();
	return 0;
}

/* Write text to a new temporary file; path receives its name. */
static void
write_conf(char path[64], const char *text)
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

static void
load_ok(struct jobq_config *cfg, const char *text)
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

static void
assert_freed(const struct jobq_config *cfg)
{
	assert_null(cfg->amqp_url);
	assert_null(cfg->source);
	assert_null(cfg->handlers);
	assert_int_equal(cfg->nqueues, 0);
	assert_int_equal(cfg->nhandlers, 0);
}

/* Loading text must fail with a message that starts "FILE:LINE: " and contains needle. */
static void
load_fails_at(const char *text, int line, const char *needle)
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
static void
load_fails_env(const char *text, const char *prefix)
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

static void
test_config_defaults(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;

	(void)state;
	assert_int_equal(jobq_config_defaults(&cfg, &err), 0);
	assert_null(cfg.source);
	assert_string_equal(cfg.amqp_url, "amqp://guest:guest@127.0.0.1:5672/");
	assert_int_equal(cfg.amqp_heartbeat_ms, 30000);
	assert_null(cfg.database_url);
	assert_null(cfg.worker_id);
	assert_int_equal(cfg.nqueues, 1);
	assert_string_equal(cfg.queues[0], "default");
	assert_int_equal(cfg.concurrency, 8);
	assert_int_equal(cfg.heartbeat_interval_ms, 30000);
	assert_int_equal(cfg.lease_duration_ms, 300000);
	assert_int_equal(cfg.shutdown_timeout_ms, 30000);
	assert_int_equal(cfg.cancel_grace_ms, 10000);
	assert_int_equal(cfg.relay_interval_ms, 1000);
	assert_int_equal(cfg.relay_grace_ms, 5000);
	assert_int_equal(cfg.max_payload_bytes, 1048576);
	assert_int_equal(cfg.retry_base_ms, 2000);
	assert_int_equal(cfg.retry_max_ms, 600000);
	assert_int_equal(cfg.nhandlers, 0);
	assert_int_equal(cfg.log_level, JOBQ_LOG_INFO);
	assert_int_equal(cfg.log_format, JOBQ_LOG_TEXT);
	assert_int_equal(jobq_config_validate(&cfg, &err), 0);
	jobq_config_free(&cfg);
	assert_freed(&cfg);
	jobq_config_free(&cfg);
	jobq_config_free(NULL);
}

static void
test_config_load_without_file_uses_defaults(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;

	(void)state;
	if (access(JOBQ_CONFIG_DEFAULT_PATH, F_OK) == 0)
		skip();
	setenv("JOBQ_CONFIG", "", 1);	/* empty counts as unset */
	assert_int_equal(jobq_config_load(&cfg, NULL, &err), 0);
	assert_null(cfg.source);
	assert_int_equal(cfg.concurrency, 8);
	assert_string_equal(cfg.queues[0], "default");
	jobq_config_free(&cfg);
}

static void
test_config_empty_file_uses_defaults(void **state)
{
	struct jobq_config cfg;

	(void)state;
	load_ok(&cfg, "# nothing here\n");
	assert_int_equal(cfg.lease_duration_ms, 300000);
	assert_int_equal(cfg.nqueues, 1);
	jobq_config_free(&cfg);
}

static const char full_conf[] =
    "amqp     = { url = \"amqp://u:p@mq:5673/vh\"; heartbeat = \"15s\"; };\n"
    "database = { url = \"postgresql://jobq@127.0.0.1:5432/jobq\"; };\n"
    "consumer = { worker_id = \"w1\"; queues = [ \"default\", \"bulk.low\" ];  concurrency = 16;\n"
    "  heartbeat_interval = \"10s\";  lease_duration = \"2m\"; shutdown_timeout = \"45s\";\n"
    "  cancel_grace = \"3s\"; relay_interval = \"250ms\"; relay_grace = 7;\n"
    "  max_payload = 2097152; };\n"
    "retry    = { base = \"1.5s\"; max = \"1h\"; };\n"
    "handlers = ( { type = \"thumbnail\"; command = [ \"/usr/local/bin/thumb\", \"--size\", \"64\" ];\n"
    "    timeout = \"10m\"; cancel_grace = \"5s\"; env = [ \"MAGICK_THREAD_LIMIT=1\" ]; },\n"
    "  { type = \"report\"; command = [ \"/bin/report\" ]; } );\n"
    "log      = { level = \"debug\"; format = \"json\"; };\n";

static void
test_config_full_file(void **state)
{
	const struct jobq_handler_config *h;
	struct jobq_config cfg;

	(void)state;
	load_ok(&cfg, full_conf);
	assert_string_equal(cfg.amqp_url, "amqp://u:p@mq:5673/vh");
	assert_int_equal(cfg.amqp_heartbeat_ms, 15000);
	assert_string_equal(cfg.database_url, "postgresql://jobq@127.0.0.1:5432/jobq");
	assert_string_equal(cfg.worker_id, "w1");
	assert_int_equal(cfg.nqueues, 2);
	assert_string_equal(cfg.queues[0], "default");
	assert_string_equal(cfg.queues[1], "bulk.low");
	assert_int_equal(cfg.concurrency, 16);
	assert_int_equal(cfg.heartbeat_interval_ms, 10000);
	assert_int_equal(cfg.lease_duration_ms, 120000);
	assert_int_equal(cfg.shutdown_timeout_ms, 45000);
	assert_int_equal(cfg.cancel_grace_ms, 3000);
	assert_int_equal(cfg.relay_interval_ms, 250);
	assert_int_equal(cfg.relay_grace_ms, 7000);
	assert_int_equal(cfg.max_payload_bytes, 2097152);
	assert_int_equal(cfg.retry_base_ms, 1500);
	assert_int_equal(cfg.retry_max_ms, 3600000);
	assert_int_equal(cfg.log_level, JOBQ_LOG_DEBUG);
	assert_int_equal(cfg.log_format, JOBQ_LOG_JSON);
	assert_int_equal(cfg.nhandlers, 2);

	h = jobq_config_handler(&cfg, "thumbnail");
	assert_non_null(h);
	assert_int_equal(h->argc, 3);
	assert_string_equal(h->argv[0], "/usr/local/bin/thumb");
	assert_string_equal(h->argv[1], "--size");
	assert_string_equal(h->argv[2], "64");
	assert_null(h->argv[3]);
	assert_int_equal(h->envc, 1);
	assert_string_equal(h->env[0], "MAGICK_THREAD_LIMIT=1");
	assert_null(h->env[1]);
	assert_int_equal(h->timeout_ms, 600000);
	assert_int_equal(h->cancel_grace_ms, 5000);

	h = jobq_config_handler(&cfg, "report");
	assert_non_null(h);
	assert_int_equal(h->argc, 1);
	assert_null(h->argv[1]);
	assert_int_equal(h->envc, 0);
	assert_non_null(h->env);
	assert_null(h->env[0]);
	assert_int_equal(h->timeout_ms, 0);
	assert_int_equal(h->cancel_grace_ms, 3000);	/* inherits consumer.cancel_grace */

	assert_null(jobq_config_handler(&cfg, "nope"));
	assert_null(jobq_config_handler(&cfg, NULL));
	assert_int_equal(jobq_config_validate(&cfg, NULL), 0);
	jobq_config_free(&cfg);
	assert_freed(&cfg);
}

static void
test_config_durations_as_numbers(void **state)
{
	struct jobq_config cfg;

	(void)state;
	load_ok(&cfg, "consumer = { heartbeat_interval = 10; lease_duration = 90.5;\n"
	    "  shutdown_timeout = 0; cancel_grace = 20L; relay_interval = 0.001; };\n"
	    "amqp = { heartbeat = 60; };\n");
	assert_int_equal(cfg.heartbeat_interval_ms, 10000);
	assert_int_equal(cfg.lease_duration_ms, 90500);
	assert_int_equal(cfg.shutdown_timeout_ms, 0);
	assert_int_equal(cfg.cancel_grace_ms, 20000);
	assert_int_equal(cfg.relay_interval_ms, 1);
	assert_int_equal(cfg.amqp_heartbeat_ms, 60000);
	jobq_config_free(&cfg);
}

static void
test_config_database_url_empty_means_libpq_default(void **state)
{
	struct jobq_config cfg;

	(void)state;
	load_ok(&cfg, "database = { url = \"\"; };\n");
	assert_null(cfg.database_url);
	jobq_config_free(&cfg);
}

static void
test_config_unknown_key_in_group(void **state)
{
	(void)state;
	load_fails_at("amqp = { url = \"amqp://h/\"; };\n"
	    "consumer = {\n"
	    "  concurrency = 4;\n"
	    "  concurency = 4;\n"
	    "};\n", 4, "consumer.concurency: unknown setting");
	load_fails_at("log = { level = \"info\";\n colour = true; };\n", 2, "log.colour: unknown setting");
}

static void
test_config_unknown_group(void **state)
{
	(void)state;
	load_fails_at("log = { level = \"info\"; };\n\nbroker = { url = \"x\"; };\n", 3,
	    "broker: unknown setting (expected one of: amqp, database, consumer, retry, "
	    "handlers, metrics, log)");
	load_fails_at("concurrency = 4;\n", 1, "concurrency: unknown setting");
}

static void
test_config_unknown_key_in_handler(void **state)
{
	(void)state;
	load_fails_at("handlers = (\n"
	    "  { type = \"a\"; command = [ \"/bin/a\" ]; },\n"
	    "  { type = \"b\"; command = [ \"/bin/b\" ];\n"
	    "    usr = \"nobody\"; }\n"
	    ");\n", 4, "handlers[1].usr: unknown setting (expected one of: type, command, timeout, "
	    "cancel_grace, env, user, group)");
}

/* user and group are parsed by every program; only the worker's validation resolves them
 * (the CLI reads the same file on machines without those accounts). */
static void
test_config_handler_user_group(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;

	(void)state;
	load_ok(&cfg, "handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n"
	    "  user = \"no_such_user_jq\"; group = \"no_such_group_jq\"; } );\n");
	assert_string_equal(cfg.handlers[0].user, "no_such_user_jq");
	assert_string_equal(cfg.handlers[0].group, "no_such_group_jq");
	jobq_err_clear(&err);
	assert_int_equal(jobq_config_validate(&cfg, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "handlers[0].user: no user 'no_such_user_jq' on this machine");
	jobq_config_free(&cfg);
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n user = 5; } );\n",
	    2, "handlers[0].user: expected a string");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n group = \"\"; } );\n",
	    1, "handlers[0].group: must not be empty");
}

static void
test_config_wrong_types(void **state)
{
	(void)state;
	load_fails_at("\nconsumer = { concurrency = \"8\"; };\n", 2,
	    "consumer.concurrency: expected an integer, got a string");
	load_fails_at("consumer = { max_payload = 1.5; };\n", 1,
	    "consumer.max_payload: expected an integer, got a float");
	load_fails_at("amqp = { url = 5; };\n", 1, "amqp.url: expected a string, got an integer");
	load_fails_at("consumer = {\n heartbeat_interval = true; };\n", 2,
	    "consumer.heartbeat_interval: expected a duration");
	load_fails_at("consumer = { queues = \"default\"; };\n", 1,
	    "consumer.queues: expected an array of strings, got a string");
	load_fails_at("consumer = { queues = [\n 3 ]; };\n", 2,
	    "consumer.queues[0]: expected a string, got an integer");
	load_fails_at("consumer = { queues = (\n \"a\",\n 3 ); };\n", 3,
	    "consumer.queues[1]: expected a string, got an integer");
	load_fails_at("amqp = 5;\n", 1, "amqp: expected a group");
	load_fails_at("handlers = { type = \"x\"; };\n", 1, "handlers: expected a list");
	load_fails_at("handlers = ( \"x\" );\n", 1, "handlers[0]: expected a group, got a string");
	load_fails_at("log = { level = 1; };\n", 1, "log.level: expected a string, got an integer");
	load_fails_at("handlers = ( { type = \"a\"; command = \"/bin/a\"; } );\n", 1,
	    "handlers[0].command: expected an array of strings, got a string");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n env = [ 1 ]; } );\n",
	    2, "handlers[0].env[0]: expected a string, got an integer");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n timeout = \"x\"; } );\n",
	    2, "handlers[0].timeout: 'x' is not a duration");
}

static void
test_config_int_overflow_is_error(void **state)
{
	(void)state;
	/* libconfig 1.5 wraps an unsuffixed 5000000000 to 705032704 and 4294967304 to 8. */
	load_fails_at("consumer = {\n concurrency = 5000000000; };\n", 2,
	    "consumer.concurrency: 5000000000 is out of range (1 to 1024)");
	load_fails_at("consumer = { concurrency = 4294967304; };\n", 1,
	    "consumer.concurrency: 4294967304 is out of range (1 to 1024)");
	load_fails_at("consumer = { concurrency = 5000000000L; };\n", 1,
	    "consumer.concurrency: 5000000000 is out of range (1 to 1024)");
	load_fails_at("consumer = { max_payload = 4294967297; };\n", 1,
	    "consumer.max_payload: 4294967297 is out of range (1 to 67108864)");
	load_fails_at("consumer = { lease_duration = 4294967396; };\n", 1,
	    "consumer.lease_duration: 4294967396 seconds is out of range");
	load_fails_at("consumer = { concurrency = 99999999999999999999; };\n", 1,
	    "consumer.concurrency: 99999999999999999999 is out of range");
	load_fails_at("consumer = { concurrency = 0x100000008; };\n", 1,
	    "consumer.concurrency: 0x100000008 is out of range");
}

static void
test_config_same_key_twice_on_a_line(void **state)
{
	struct jobq_config cfg;

	(void)state;
	/* The overflow check re-reads the source line; equal names on one line must not
	 * confuse it. */
	load_ok(&cfg, "handlers = ( { type = \"a\"; command = [ \"/a\" ]; timeout = 5; },"
	    " { type = \"b\"; command = [ \"/b\" ]; timeout = 10; } );\n"
	    "consumer = { concurrency = 0x10; };\n");
	assert_int_equal(cfg.handlers[0].timeout_ms, 5000);
	assert_int_equal(cfg.handlers[1].timeout_ms, 10000);
	assert_int_equal(cfg.concurrency, 16);
	jobq_config_free(&cfg);
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/a\" ]; timeout = 5; },"
	    " { type = \"b\"; command = [ \"/b\" ]; timeout = 4294967306; } );\n", 1,
	    "handlers[1].timeout: 4294967306 seconds is out of range");
}

static void
test_config_out_of_range(void **state)
{
	(void)state;
	load_fails_at("consumer = { concurrency = 0; };\n", 1,
	    "consumer.concurrency: 0 is out of range (1 to 1024)");
	load_fails_at("consumer = { concurrency = 1025; };\n", 1, "1025 is out of range (1 to 1024)");
	load_fails_at("amqp = {\n heartbeat = \"0s\"; };\n", 2,
	    "amqp.heartbeat: 0s is out of range (1s to 1h)");
	load_fails_at("amqp = { heartbeat = \"2h\"; };\n", 1, "amqp.heartbeat: 2h is out of range");
	load_fails_at("amqp = { heartbeat = \"1.5s\"; };\n", 1,
	    "amqp.heartbeat: 1.5s is not a whole number of seconds");
	load_fails_at("consumer = { max_payload = 0; };\n", 1,
	    "consumer.max_payload: 0 is out of range (1 to 67108864)");
	load_fails_at("consumer = { max_payload = 67108865; };\n", 1, "67108865 is out of range");
	load_fails_at("consumer = { cancel_grace = -1; };\n", 1,
	    "consumer.cancel_grace: -1 seconds is out of range");
	load_fails_at("consumer = { cancel_grace = -0.5; };\n", 1,
	    "consumer.cancel_grace: -0.5 seconds is out of range");
	load_fails_at("consumer = { heartbeat_interval = \"0\"; };\n", 1,
	    "consumer.heartbeat_interval: 0s is out of range (1ms to 365d)");
	load_fails_at("consumer = { lease_duration = \"3x\"; };\n", 1,
	    "consumer.lease_duration: '3x' is not a duration");
	load_fails_at("log = { level = \"verbose\"; };\n", 1,
	    "log.level: 'verbose' is not one of debug, info, warn, error");
	load_fails_at("log = { format = \"xml\"; };\n", 1, "log.format: 'xml' is not one of text, json");
	load_fails_at("consumer = { queues = [ \"ok\",\n \"not ok\" ]; };\n", 2,
	    "consumer.queues: 'not ok' is not a valid queue name");
	load_fails_at("consumer = { queues = [ \"a\", \"a\" ]; };\n", 1,
	    "consumer.queues: queue 'a' is listed twice");
	load_fails_at("consumer = { queues = [ ]; };\n", 1,
	    "consumer.queues: at least one queue is required");
	load_fails_at("consumer = { worker_id = \"w 1\"; };\n", 1, "consumer.worker_id: 'w 1'");
	load_fails_at("amqp = { url = \"http://u:hunter2@h/\"; };\n", 1,
	    "amqp.url: 'http://u:***@h/' is not an amqp:// or amqps:// URL");
}

static void
test_config_syntax_error(void **state)
{
	(void)state;
	load_fails_at("amqp = {\n  url = ;\n};\n", 2, "syntax error");
	load_fails_at("log = { level = \"info\"; };\nlog = { format = \"text\"; };\n", 2,
	    "duplicate setting name");
}

static void
test_config_missing_explicit_file(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;

	(void)state;
	assert_int_equal(jobq_config_load(&cfg, "/nonexistent/jobq.conf", &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "/nonexistent/jobq.conf: cannot read: No such file or directory");
	assert_freed(&cfg);

	setenv("JOBQ_CONFIG", "/nonexistent/env.conf", 1);
	assert_int_equal(jobq_config_load(&cfg, NULL, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg,
	    "$JOBQ_CONFIG: /nonexistent/env.conf: cannot read: No such file or directory");
	assert_freed(&cfg);

	assert_int_equal(jobq_config_load(&cfg, "/tmp", &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "/tmp: cannot read: "));
}

static void
test_config_file_from_env(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;
	char path[64], other[64];

	(void)state;
	write_conf(path, "consumer = { concurrency = 3; };\n");
	write_conf(other, "consumer = { concurrency = 5; };\n");
	setenv("JOBQ_CONFIG", path, 1);
	assert_int_equal(jobq_config_load(&cfg, NULL, &err), 0);
	assert_int_equal(cfg.concurrency, 3);
	assert_string_equal(cfg.source, path);
	jobq_config_free(&cfg);
	/* An explicit path wins over $JOBQ_CONFIG. */
	assert_int_equal(jobq_config_load(&cfg, other, &err), 0);
	assert_int_equal(cfg.concurrency, 5);
	jobq_config_free(&cfg);
	unlink(path);
	unlink(other);
}

static void
test_config_env_overrides(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;
	char path[64];

	(void)state;
	write_conf(path, full_conf);
	setenv("JOBQ_AMQP_URL", "amqps://x:y@broker:5671/", 1);
	setenv("JOBQ_AMQP_HEARTBEAT", "20", 1);
	setenv("JOBQ_DATABASE_URL", "host=db dbname=jobq", 1);
	setenv("HEARTBEAT_INTERVAL", "5s", 1);
	setenv("LEASE_DURATION", "1m", 1);
	setenv("JOBQ_QUEUES", "a, b ,c", 1);
	setenv("JOBQ_CONCURRENCY", "3", 1);
	setenv("JOBQ_WORKER_ID", "host-1", 1);
	setenv("JOBQ_SHUTDOWN_TIMEOUT", "1s", 1);
	setenv("JOBQ_CANCEL_GRACE", "2s", 1);
	setenv("JOBQ_RELAY_INTERVAL", "100ms", 1);
	setenv("JOBQ_RELAY_GRACE", "0", 1);
	setenv("JOBQ_MAX_PAYLOAD", "1024", 1);
	setenv("JOBQ_RETRY_BASE", "100ms", 1);
	setenv("JOBQ_RETRY_MAX", "1s", 1);
	setenv("JOBQ_LOG_LEVEL", "warn", 1);
	setenv("JOBQ_LOG_FORMAT", "", 1);	/* empty counts as unset: the file's json stays */
	assert_int_equal(jobq_config_load(&cfg, path, &err), 0);
	assert_string_equal(cfg.amqp_url, "amqps://x:y@broker:5671/");
	assert_int_equal(cfg.amqp_heartbeat_ms, 20000);
	assert_string_equal(cfg.database_url, "host=db dbname=jobq");
	assert_int_equal(cfg.heartbeat_interval_ms, 5000);
	assert_int_equal(cfg.lease_duration_ms, 60000);
	assert_int_equal(cfg.nqueues, 3);
	assert_string_equal(cfg.queues[0], "a");
	assert_string_equal(cfg.queues[1], "b");
	assert_string_equal(cfg.queues[2], "c");
	assert_int_equal(cfg.concurrency, 3);
	assert_string_equal(cfg.worker_id, "host-1");
	assert_int_equal(cfg.shutdown_timeout_ms, 1000);
	assert_int_equal(cfg.cancel_grace_ms, 2000);
	assert_int_equal(cfg.relay_interval_ms, 100);
	assert_int_equal(cfg.relay_grace_ms, 0);
	assert_int_equal(cfg.max_payload_bytes, 1024);
	assert_int_equal(cfg.retry_base_ms, 100);
	assert_int_equal(cfg.retry_max_ms, 1000);
	assert_int_equal(cfg.log_level, JOBQ_LOG_WARN);
	assert_int_equal(cfg.log_format, JOBQ_LOG_JSON);
	/* A handler without its own cancel_grace follows the overridden consumer value. */
	assert_int_equal(jobq_config_handler(&cfg, "report")->cancel_grace_ms, 2000);
	assert_int_equal(jobq_config_handler(&cfg, "thumbnail")->cancel_grace_ms, 5000);
	jobq_config_free(&cfg);
	unlink(path);
}

static void
test_config_env_prefixed_names(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;
	char path[64];

	(void)state;
	write_conf(path, "");
	setenv("JOBQ_HEARTBEAT_INTERVAL", "7s", 1);
	setenv("JOBQ_LEASE_DURATION", "70s", 1);
	assert_int_equal(jobq_config_load(&cfg, path, &err), 0);
	assert_int_equal(cfg.heartbeat_interval_ms, 7000);
	assert_int_equal(cfg.lease_duration_ms, 70000);
	jobq_config_free(&cfg);
	/* Both set: the JOBQ_ name wins. */
	setenv("HEARTBEAT_INTERVAL", "9s", 1);
	assert_int_equal(jobq_config_load(&cfg, path, &err), 0);
	assert_int_equal(cfg.heartbeat_interval_ms, 7000);
	jobq_config_free(&cfg);
	unlink(path);
}

static void
test_config_env_bad_values(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;
	char path[64];

	(void)state;
	setenv("HEARTBEAT_INTERVAL", "3x", 1);
	load_fails_env("", "$HEARTBEAT_INTERVAL: '3x' is not a duration (");
	clear_env();
	setenv("JOBQ_CONCURRENCY", "0", 1);
	load_fails_env("", "$JOBQ_CONCURRENCY: '0' is not a whole number from 1 to 1024");
	clear_env();
	setenv("JOBQ_CONCURRENCY", "5000000000", 1);
	load_fails_env("", "$JOBQ_CONCURRENCY: '5000000000' is not a whole number");
	clear_env();
	setenv("JOBQ_QUEUES", "a,,b", 1);
	load_fails_env("", "$JOBQ_QUEUES: 'a,,b' has an empty queue name");
	clear_env();
	setenv("JOBQ_QUEUES", "a,b c", 1);
	load_fails_env("", "$JOBQ_QUEUES: 'b c' is not a valid queue name");
	clear_env();
	setenv("JOBQ_LOG_LEVEL", "loud", 1);
	load_fails_env("", "$JOBQ_LOG_LEVEL: 'loud' is not one of debug, info, warn, error");
	clear_env();
	setenv("JOBQ_AMQP_HEARTBEAT", "0", 1);
	load_fails_env("", "$JOBQ_AMQP_HEARTBEAT: amqp.heartbeat: 0s is out of range (1s to 1h)");
	clear_env();
	setenv("JOBQ_MAX_PAYLOAD", "1MiB", 1);
	load_fails_env("", "$JOBQ_MAX_PAYLOAD: '1MiB' is not a whole number from 1 to 67108864");
	clear_env();
	setenv("JOBQ_AMQP_URL", "http://u:hunter2@h/", 1);
	write_conf(path, "");
	assert_int_equal(jobq_config_load(&cfg, path, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg,
	    "$JOBQ_AMQP_URL: amqp.url: 'http://u:***@h/' is not an amqp:// or amqps:// URL");
	assert_null(strstr(err.msg, "hunter2"));
	unlink(path);
}

static void
test_config_lease_must_exceed_heartbeat(void **state)
{
	(void)state;
	load_fails_at("consumer = {\n  heartbeat_interval = \"30s\";\n  lease_duration = 30;\n};\n",
	    3, "consumer.lease_duration (30s) must be longer than consumer.heartbeat_interval (30s)");
	setenv("LEASE_DURATION", "10s", 1);
	load_fails_env("", "$LEASE_DURATION: consumer.lease_duration (10s) must be longer than "
	    "consumer.heartbeat_interval (30s)");
	unsetenv("LEASE_DURATION");
	/* lease_duration left at its default: the error points at heartbeat_interval. */
	load_fails_at("consumer = {\n  heartbeat_interval = \"1h\";\n};\n", 2,
	    "consumer.lease_duration (5m) must be longer than consumer.heartbeat_interval (1h)");
}

static void
test_config_retry_base_must_not_exceed_max(void **state)
{
	(void)state;
	load_fails_at("retry = {\n base = \"1m\";\n max = \"30s\"; };\n", 2,
	    "retry.base (1m) must not exceed retry.max (30s)");
	load_fails_at("retry = {\n\n max = \"1s\"; };\n", 3,
	    "retry.base (2s) must not exceed retry.max (1s)");
}

static void
test_config_handler_errors(void **state)
{
	(void)state;
	load_fails_at("handlers = (\n { command = [ \"/bin/a\" ]; } );\n", 2,
	    "handlers[0]: missing 'type'");
	load_fails_at("handlers = (\n { type = \"a\"; } );\n", 2, "handlers[0] ('a'): missing 'command'");
	load_fails_at("handlers = ( { type = \"a\"; command = [ ]; } );\n", 1,
	    "handlers[0].command: must name a program");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"\" ]; } );\n", 1,
	    "handlers[0].command: must name a program");
	load_fails_at("handlers = ( { type = \"\"; command = [ \"/bin/a\" ]; } );\n", 1,
	    "handlers[0].type: must not be empty");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/bin/a\" ]; },\n"
	    "  { type = \"a\"; command = [ \"/bin/b\" ]; } );\n", 2,
	    "handlers[1].type: 'a' is already handled by handlers[0]");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n"
	    "  env = [ \"OK=1\", \"NOEQUALS\" ]; } );\n", 1, "handlers[0].env[1]: 'NOEQUALS' is not NAME=value");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n"
	    "  env = [ \"=x\" ]; } );\n", 1, "handlers[0].env[0]: '=x' is not NAME=value");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n"
	    "  cancel_grace = -2; } );\n", 2, "handlers[0].cancel_grace: -2 seconds is out of range");
}

static void
test_config_handler_env_and_argv(void **state)
{
	const struct jobq_handler_config *h;
	struct jobq_config cfg;

	(void)state;
	load_ok(&cfg, "handlers = ( { type = \"conv\";\n"
	    "  command = ( \"/usr/bin/convert\", \"-\", \"png:-\" );\n"
	    "  env = [ \"A=1\", \"B=x=y\", \"C=\" ];\n"
	    "  timeout = 90; cancel_grace = \"0\"; } );\n");
	h = jobq_config_handler(&cfg, "conv");
	assert_non_null(h);
	assert_int_equal(h->argc, 3);
	assert_string_equal(h->argv[2], "png:-");
	assert_null(h->argv[3]);
	assert_int_equal(h->envc, 3);
	assert_string_equal(h->env[1], "B=x=y");
	assert_string_equal(h->env[2], "C=");
	assert_null(h->env[3]);
	assert_int_equal(h->timeout_ms, 90000);
	assert_int_equal(h->cancel_grace_ms, 0);
	jobq_config_free(&cfg);
}

static void
test_config_validate_built_config(void **state)
{
	struct jobq_handler_config h[1];
	char *argv[] = { "/bin/true", NULL }, *env[] = { "X", NULL };
	struct jobq_config cfg;
	struct jobq_err err;

	(void)state;
	assert_int_equal(jobq_config_defaults(&cfg, &err), 0);
	cfg.concurrency = 0;
	assert_int_equal(jobq_config_validate(&cfg, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "consumer.concurrency: 0 is out of range (1 to 1024)");
	cfg.concurrency = 4;
	cfg.heartbeat_interval_ms = cfg.lease_duration_ms + 1;
	assert_int_equal(jobq_config_validate(&cfg, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "must be longer than"));
	cfg.heartbeat_interval_ms = 1000;
	assert_int_equal(jobq_config_validate(&cfg, &err), 0);

	memset(h, 0, sizeof(h));
	h[0].type = "t";
	h[0].argv = argv;
	h[0].argc = 1;
	h[0].env = env;
	h[0].envc = 1;
	cfg.handlers = h;
	cfg.nhandlers = 1;
	assert_int_equal(jobq_config_validate(&cfg, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "handlers[0].env[0]: 'X' is not NAME=value");
	h[0].envc = 0;
	h[0].cancel_grace_ms = -1;
	assert_int_equal(jobq_config_validate(&cfg, &err), JOBQ_EINVAL);
	h[0].cancel_grace_ms = 0;
	assert_int_equal(jobq_config_validate(&cfg, &err), 0);
	cfg.handlers = NULL;
	cfg.nhandlers = 0;

	assert_int_equal(jobq_config_set_str(&cfg.amqp_url, "redis://u:pw@h", &err), 0);
	assert_int_equal(jobq_config_validate(&cfg, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "amqp.url: 'redis://u:***@h' is not an amqp:// or amqps:// URL");
	jobq_config_free(&cfg);
}

static void
test_config_set_queues(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;
	char csv[33 * 4];
	int i;

	(void)state;
	assert_int_equal(jobq_config_defaults(&cfg, &err), 0);
	assert_int_equal(jobq_config_set_queues(&cfg, "a,b.c", &err), 0);
	assert_int_equal(cfg.nqueues, 2);
	assert_string_equal(cfg.queues[1], "b.c");
	/* Errors leave the list as it was. */
	assert_int_equal(jobq_config_set_queues(&cfg, "x,y z", &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "'y z' is not a valid queue name"));
	assert_int_equal(jobq_config_set_queues(&cfg, "x,x", &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "queue 'x' is listed twice");
	assert_int_equal(jobq_config_set_queues(&cfg, "", &err), JOBQ_EINVAL);
	assert_int_equal(jobq_config_set_queues(&cfg, "a,", &err), JOBQ_EINVAL);
	csv[0] = '\0';
	for (i = 0; i < 33; i++)
		snprintf(csv + strlen(csv), sizeof(csv) - strlen(csv), "%sq%d", i ? "," : "", i);
	assert_int_equal(jobq_config_set_queues(&cfg, csv, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "more than 32 queues");
	assert_int_equal(cfg.nqueues, 2);
	assert_string_equal(cfg.queues[0], "a");
	assert_int_equal(jobq_config_set_str(&cfg.worker_id, "w9", &err), 0);
	assert_string_equal(cfg.worker_id, "w9");
	assert_int_equal(jobq_config_set_str(&cfg.worker_id, NULL, &err), 0);
	assert_null(cfg.worker_id);
	jobq_config_free(&cfg);
}

static void
test_config_include_relative_to_file(void **state)
{
	char dir[64], main_path[128], inc_path[128], where[160];
	struct jobq_config cfg;
	struct jobq_err err;
	FILE *fp;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/jobq-test-inc-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(main_path, sizeof(main_path), "%s/main.conf", dir);
	snprintf(inc_path, sizeof(inc_path), "%s/inc.conf", dir);
	fp = fopen(main_path, "w");
	assert_non_null(fp);
	fputs("log = { level = \"warn\"; };\n@include \"inc.conf\"\n", fp);
	fclose(fp);
	fp = fopen(inc_path, "w");
	assert_non_null(fp);
	fputs("consumer = { concurrency = 2; };\n", fp);
	fclose(fp);
	assert_int_equal(jobq_config_load(&cfg, main_path, &err), 0);
	assert_int_equal(cfg.concurrency, 2);
	assert_int_equal(cfg.log_level, JOBQ_LOG_WARN);
	jobq_config_free(&cfg);

	/* An error inside the included file names that file. */
	fp = fopen(inc_path, "w");
	assert_non_null(fp);
	fputs("\nconsumer = { concurrency = 4294967304; };\n", fp);	/* wraps to 8 */
	fclose(fp);
	assert_int_equal(jobq_config_load(&cfg, main_path, &err), JOBQ_EINVAL);
	snprintf(where, sizeof(where), "%s:2: consumer.concurrency", inc_path);
	if (strstr(err.msg, where) != err.msg)
		fail_msg("expected '%s...', got '%s'", where, err.msg);
	unlink(inc_path);
	unlink(main_path);
	rmdir(dir);
}

static void
put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	assert_true(fputs(text, fp) >= 0);
	assert_int_equal(fclose(fp), 0);
}

/* libconfig's scanner exit()s on an included directory and blocks on a FIFO: the loader
 * refuses both, at any depth, and only where libconfig would see an @include. */
static void
test_config_include_must_be_a_regular_file(void **state)
{
	char dir[64], main_path[128], inc_path[128], sub[128], fifo[128], odd[128], want[192];
	struct jobq_config cfg;
	struct jobq_err err;
	FILE *fp;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/jobq-test-inc-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(main_path, sizeof(main_path), "%s/main.conf", dir);
	snprintf(inc_path, sizeof(inc_path), "%s/inc.conf", dir);
	snprintf(sub, sizeof(sub), "%s/sub", dir);
	snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(mkfifo(fifo, 0600), 0);

	put(main_path, "log = { level = \"warn\"; };\n  @include\t\"\"\n");
	assert_int_equal(jobq_config_load(&cfg, main_path, &err), JOBQ_EINVAL);
	snprintf(want, sizeof(want), "%s:2: @include \"\": not a regular file", main_path);
	assert_string_equal(err.msg, want);

	put(main_path, "@include \"s\\ub\"\n");	/* a lone backslash is dropped */
	assert_int_equal(jobq_config_load(&cfg, main_path, &err), JOBQ_EINVAL);
	snprintf(want, sizeof(want), "%s:1: @include \"sub\": not a regular file", main_path);
	assert_string_equal(err.msg, want);

	/* libconfig drops what follows a NUL up to the next escape: "su<NUL>zz\\\\b" names
	 * "su\\b". */
	snprintf(odd, sizeof(odd), "%s/su\\b", dir);
	assert_int_equal(mkdir(odd, 0700), 0);
	fp = fopen(main_path, "w");
	assert_non_null(fp);
	assert_int_equal(fwrite("@include \"su\0zz\\\\b\"\n", 1, 20, fp), 20);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(jobq_config_load(&cfg, main_path, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, ":1: @include \"su\\b\": not a regular file"));

	put(main_path, "# x\n@include \"inc.conf\"\n");
	put(inc_path, "\n\n@include \"fifo\"\n");
	assert_int_equal(jobq_config_load(&cfg, main_path, &err), JOBQ_EINVAL);
	snprintf(want, sizeof(want), "%s:3: @include \"fifo\": not a regular file", inc_path);
	assert_string_equal(err.msg, want);

	/* Not includes: in a comment, in a string, not at the start of a line. */
	put(main_path, "/* a\n@include \"sub\"\n*/ # @include \"sub\"\n"
	    "database = { url = \"w\\\"\n@include \"; };\n");
	if (jobq_config_load(&cfg, main_path, &err) != 0)
		fail_msg("load failed: %s", err.msg);
	jobq_config_free(&cfg);
	put(main_path, "log = { level = \"warn\"; }; @include \"sub\"\n");
	assert_int_equal(jobq_config_load(&cfg, main_path, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "syntax error"));

	unlink(main_path);
	unlink(inc_path);
	unlink(fifo);
	rmdir(sub);
	rmdir(odd);
	rmdir(dir);
}

/* amqp.urls: a list of nodes, kept as the comma-joined form JOBQ_AMQP_URL takes. */
static void
test_config_amqp_urls_list(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;

	(void)state;
	load_ok(&cfg, "amqp = { urls = [ \"amqp://u:p@a:5672/\", \"amqps://u:p@b:5671/v\" ]; };\n");
	assert_string_equal(cfg.amqp_url, "amqp://u:p@a:5672/,amqps://u:p@b:5671/v");
	jobq_config_free(&cfg);
	/* the environment's comma-separated list overrides it */
	setenv("JOBQ_AMQP_URL", "amqp://x@n1:1/, amqp://x@n2:2/", 1);
	load_ok(&cfg, "amqp = { urls = [ \"amqp://u:p@a:5672/\" ]; };\n");
	assert_string_equal(cfg.amqp_url, "amqp://x@n1:1/, amqp://x@n2:2/");
	jobq_config_free(&cfg);
	setenv("JOBQ_AMQP_URL", "amqp://x@n1:1/,,amqp://x@n2:2/", 1);
	load_fails_env("", "$JOBQ_AMQP_URL: amqp.url: URL 2 of 3, '', is not an amqp:// or "
	    "amqps:// URL (an empty element");
	setenv("JOBQ_AMQP_URL", "amqp://u:secret@n1/,redis://u:secret@n2/", 1);
	jobq_err_clear(&err);
	{
		char path[64];

		write_conf(path, "");
		assert_int_equal(jobq_config_load(&cfg, path, &err), JOBQ_EINVAL);
		unlink(path);
	}
	assert_non_null(strstr(err.msg, "URL 2 of 2, 'redis://u:***@n2/'"));
	assert_null(strstr(err.msg, "secret"));
	unsetenv("JOBQ_AMQP_URL");
}

static void
test_config_amqp_urls_errors(void **state)
{
	(void)state;
	load_fails_at("amqp = {\n  url = \"amqp://a/\";\n  urls = [ \"amqp://b/\" ];\n};\n", 3,
	    "amqp.urls: amqp.url is set too (line 2); use one of them");
	load_fails_at("amqp = {\n  urls = [ \"amqp://b/\" ];\n  url = \"amqp://a/\";\n};\n", 3,
	    "amqp.url: amqp.urls is set too (line 2)");
	load_fails_at("amqp = { urls = [ ]; };\n", 1, "amqp.urls: 0 URLs; give 1 to 16");
	load_fails_at("amqp = { urls = \"amqp://a/\"; };\n", 1, "amqp.urls");
	load_fails_at("amqp = { urls = [ \"amqp://a/\",\n \"http://b/\" ]; };\n", 2,
	    "amqp.urls[1]: 'http://b/' is not an amqp:// or amqps:// URL");
	load_fails_at("amqp = { urls = [ \"amqp://u:p,w@a/\" ]; };\n", 1,
	    "amqp.urls[0]: one URL per element; a comma in a password is written %2C");
	load_fails_at("amqp = { urls = ( \"amqp://a/\", 5 ); };\n", 1,
	    "amqp.urls[1]: expected a string, got an integer");
	load_fails_at("amqp = { url = \"amqp://a/,b\"; };\n", 1,
	    "amqp.url: URL 2 of 2, 'b', is not an amqp:// or amqps:// URL");
}

static void
test_config_prefetch_at_least_concurrency(void **state)
{
	struct jobq_config cfg;

	(void)state;
	load_ok(&cfg, "consumer = { concurrency = 4; prefetch = 64; };\n");
	assert_int_equal(cfg.prefetch, 64);
	jobq_config_free(&cfg);
	load_ok(&cfg, "consumer = { concurrency = 4; };\n");
	assert_int_equal(cfg.prefetch, 0);
	assert_int_equal(jobq_config_prefetch(&cfg), 4);
	jobq_config_free(&cfg);
	/* Below the concurrency (a --concurrency flag may raise it later): the concurrency. */
	load_ok(&cfg, "consumer = {\n concurrency = 8;\n prefetch = 4; };\n");
	assert_int_equal(jobq_config_prefetch(&cfg), 8);
	cfg.concurrency = 2;
	assert_int_equal(jobq_config_prefetch(&cfg), 4);
	jobq_config_free(&cfg);
	load_ok(&cfg, "consumer = { concurrency = 4; prefetch = 64; };\n");
	assert_int_equal(jobq_config_prefetch(&cfg), 64);
	jobq_config_free(&cfg);
	load_fails_at("consumer = { prefetch = 70000; };\n", 1, "consumer.prefetch: 70000 is out of range");
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_config_defaults),
		T(test_config_load_without_file_uses_defaults),
		T(test_config_empty_file_uses_defaults),
		T(test_config_full_file),
		T(test_config_durations_as_numbers),
		T(test_config_database_url_empty_means_libpq_default),
		T(test_config_unknown_key_in_group),
		T(test_config_unknown_group),
		T(test_config_unknown_key_in_handler),
		T(test_config_handler_user_group),
		T(test_config_wrong_types),
		T(test_config_int_overflow_is_error),
		T(test_config_same_key_twice_on_a_line),
		T(test_config_out_of_range),
		T(test_config_syntax_error),
		T(test_config_missing_explicit_file),
		T(test_config_file_from_env),
		T(test_config_env_overrides),
		T(test_config_env_prefixed_names),
		T(test_config_env_bad_values),
		T(test_config_lease_must_exceed_heartbeat),
		T(test_config_retry_base_must_not_exceed_max),
		T(test_config_handler_errors),
		T(test_config_handler_env_and_argv),
		T(test_config_validate_built_config),
		T(test_config_set_queues),
		T(test_config_include_relative_to_file),
		T(test_config_include_must_be_a_regular_file),
		T(test_config_amqp_urls_list),
		T(test_config_amqp_urls_errors),
		T(test_config_prefetch_at_least_concurrency),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
