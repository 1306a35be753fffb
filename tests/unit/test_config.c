/* Unit tests for configuration loading (common/config.c): defaults, choosing the file,
 * environment overrides and their aliases, validation and the rules between keys, and a
 * worker id of the longest length kept whole by the buffers that copy it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config_helpers.h"
#include "consumer.h" /* struct consumer: the running worker's copy of its id */
#include "jobq/config.h"
#include "jobq/ids.h"
#include "jobq/store_lease.h" /* struct jobq_job_row: the reconcile row's copy */
#include "store_internal.h"   /* store_copy, as the store fills that row */

static void test_config_defaults(void **state)
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

static void test_config_load_without_file_uses_defaults(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;

	(void)state;
	if (access(JOBQ_CONFIG_DEFAULT_PATH, F_OK) == 0)
		skip();
	setenv("JOBQ_CONFIG", "", 1); /* empty counts as unset */
	assert_int_equal(jobq_config_load(&cfg, NULL, &err), 0);
	assert_null(cfg.source);
	assert_int_equal(cfg.concurrency, 8);
	assert_string_equal(cfg.queues[0], "default");
	jobq_config_free(&cfg);
}

static void test_config_empty_file_uses_defaults(void **state)
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
	"consumer = { worker_id = \"w1\"; queues = [ \"default\", \"bulk.low\" ];  concurrency = "
	"16;\n"
	"  heartbeat_interval = \"10s\";  lease_duration = \"2m\"; shutdown_timeout = \"45s\";\n"
	"  cancel_grace = \"3s\"; relay_interval = \"250ms\"; relay_grace = 7;\n"
	"  max_payload = 2097152; };\n"
	"retry    = { base = \"1.5s\"; max = \"1h\"; };\n"
	"handlers = ( { type = \"thumbnail\"; command = [ \"/usr/local/bin/thumb\", \"--size\", "
	"\"64\" ];\n"
	"    timeout = \"10m\"; cancel_grace = \"5s\"; env = [ \"MAGICK_THREAD_LIMIT=1\" ]; },\n"
	"  { type = \"report\"; command = [ \"/bin/report\" ]; } );\n"
	"log      = { level = \"debug\"; format = \"json\"; };\n";

static void test_config_full_file(void **state)
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
	assert_int_equal(h->cancel_grace_ms, 3000); /* inherits consumer.cancel_grace */

	assert_null(jobq_config_handler(&cfg, "nope"));
	assert_null(jobq_config_handler(&cfg, NULL));
	assert_int_equal(jobq_config_validate(&cfg, NULL), 0);
	jobq_config_free(&cfg);
	assert_freed(&cfg);
}

static void test_config_missing_explicit_file(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;

	(void)state;
	assert_int_equal(jobq_config_load(&cfg, "/nonexistent/jobq.conf", &err), JOBQ_EINVAL);
	assert_string_equal(err.msg,
			    "/nonexistent/jobq.conf: cannot read: No such file or directory");
	assert_freed(&cfg);

	setenv("JOBQ_CONFIG", "/nonexistent/env.conf", 1);
	assert_int_equal(jobq_config_load(&cfg, NULL, &err), JOBQ_EINVAL);
	assert_string_equal(
		err.msg,
		"$JOBQ_CONFIG: /nonexistent/env.conf: cannot read: No such file or directory");
	assert_freed(&cfg);

	assert_int_equal(jobq_config_load(&cfg, "/tmp", &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "/tmp: cannot read: "));
}

static void test_config_file_from_env(void **state)
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

static void test_config_env_overrides(void **state)
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
	setenv("JOBQ_LOG_FORMAT", "", 1); /* empty counts as unset: the file's json stays */
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

/* Load path with the environment as it is; expect these two durations. */
static void load_durations(const char *path, int64_t heartbeat_ms, int64_t lease_ms)
{
	struct jobq_config cfg;
	struct jobq_err err;

	jobq_err_clear(&err);
	if (jobq_config_load(&cfg, path, &err) != 0)
		fail_msg("load failed: %s", err.msg);
	assert_int_equal(cfg.heartbeat_interval_ms, heartbeat_ms);
	assert_int_equal(cfg.lease_duration_ms, lease_ms);
	jobq_config_free(&cfg);
}

static void test_config_env_prefixed_names(void **state)
{
	char path[64];

	(void)state;
	write_conf(path, "");
	setenv("JOBQ_HEARTBEAT_INTERVAL", "7s", 1);
	setenv("JOBQ_LEASE_DURATION", "70s", 1);
	load_durations(path, 7000, 70000);
	unlink(path);
}

/* The unprefixed names are aliases, still read on their own. */
static void test_config_env_aliases(void **state)
{
	char path[64];

	(void)state;
	write_conf(path, "consumer = { heartbeat_interval = \"1s\"; lease_duration = \"9s\"; };\n");
	setenv("HEARTBEAT_INTERVAL", "2s", 1);
	setenv("LEASE_DURATION", "20s", 1);
	load_durations(path, 2000, 20000);
	/* An empty JOBQ_ name counts as unset: the alias is read. */
	setenv("JOBQ_HEARTBEAT_INTERVAL", "", 1);
	setenv("JOBQ_LEASE_DURATION", "", 1);
	load_durations(path, 2000, 20000);
	unlink(path);
}

/* Both names set: the JOBQ_ name wins, whatever the alias holds, and errors name it. */
static void test_config_env_prefixed_name_wins(void **state)
{
	char path[64];

	(void)state;
	write_conf(path, "");
	setenv("JOBQ_HEARTBEAT_INTERVAL", "7s", 1);
	setenv("HEARTBEAT_INTERVAL", "9s", 1);
	setenv("JOBQ_LEASE_DURATION", "70s", 1);
	setenv("LEASE_DURATION", "90s", 1);
	load_durations(path, 7000, 70000);
	/* A malformed alias is not even read. */
	setenv("HEARTBEAT_INTERVAL", "3x", 1);
	setenv("LEASE_DURATION", "", 1);
	load_durations(path, 7000, 70000);
	unlink(path);
	setenv("JOBQ_HEARTBEAT_INTERVAL", "3y", 1);
	load_fails_env("", "$JOBQ_HEARTBEAT_INTERVAL: '3y' is not a duration (");
	setenv("JOBQ_HEARTBEAT_INTERVAL", "2m", 1);
	setenv("LEASE_DURATION", "5m", 1);
	load_fails_env("", "$JOBQ_LEASE_DURATION: consumer.lease_duration (1m10s) must be longer "
			   "than consumer.heartbeat_interval (2m)");
}

static void test_config_env_bad_values(void **state)
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
	assert_string_equal(
		err.msg,
		"$JOBQ_AMQP_URL: amqp.url: 'http://u:***@h/' is not an amqp:// or amqps:// URL");
	assert_null(strstr(err.msg, "hunter2"));
	unlink(path);
}

static void test_config_lease_must_exceed_heartbeat(void **state)
{
	(void)state;
	load_fails_at("consumer = {\n  heartbeat_interval = \"30s\";\n  lease_duration = 30;\n};\n",
		      3,
		      "consumer.lease_duration (30s) must be longer than "
		      "consumer.heartbeat_interval (30s)");
	setenv("LEASE_DURATION", "10s", 1);
	load_fails_env("", "$LEASE_DURATION: consumer.lease_duration (10s) must be longer than "
			   "consumer.heartbeat_interval (30s)");
	unsetenv("LEASE_DURATION");
	/* lease_duration left at its default: the error points at heartbeat_interval. */
	load_fails_at("consumer = {\n  heartbeat_interval = \"1h\";\n};\n", 2,
		      "consumer.lease_duration (5m) must be longer than "
		      "consumer.heartbeat_interval (1h)");
}

static void test_config_retry_base_must_not_exceed_max(void **state)
{
	(void)state;
	load_fails_at("retry = {\n base = \"1m\";\n max = \"30s\"; };\n", 2,
		      "retry.base (1m) must not exceed retry.max (30s)");
	load_fails_at("retry = {\n\n max = \"1s\"; };\n", 3,
		      "retry.base (2s) must not exceed retry.max (1s)");
}

static void test_config_validate_built_config(void **state)
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
	assert_string_equal(err.msg,
			    "amqp.url: 'redis://u:***@h' is not an amqp:// or amqps:// URL");
	jobq_config_free(&cfg);
}

static void test_config_set_queues(void **state)
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

static void test_config_prefetch_at_least_concurrency(void **state)
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
	load_fails_at("consumer = { prefetch = 70000; };\n", 1,
		      "consumer.prefetch: 70000 is out of range");
}

/* A worker id of JOBQ_WORKER_ID_MAX bytes, the longest the configuration accepts, is kept
 * whole by the configuration, by the consumer's copy (consumer/main.c) and by the reconcile
 * row's (common/store_lease.c); one byte more is refused. */
static void test_config_worker_id_of_max_length_survives(void **state)
{
	char id[JOBQ_WORKER_ID_MAX + 2], text[JOBQ_WORKER_ID_MAX + 64];
	char consumer_copy[sizeof(((struct consumer *)0)->worker_id)];
	struct jobq_job_row row;
	struct jobq_config cfg;

	(void)state;
	memset(id, 'w', JOBQ_WORKER_ID_MAX);
	id[JOBQ_WORKER_ID_MAX] = '\0';
	snprintf(text, sizeof(text), "consumer = { worker_id = \"%s\"; };\n", id);
	load_ok(&cfg, text);
	assert_string_equal(cfg.worker_id, id);
	snprintf(consumer_copy, sizeof(consumer_copy), "%s", cfg.worker_id);
	assert_string_equal(consumer_copy, id);
	store_copy(row.worker_id, sizeof(row.worker_id), cfg.worker_id);
	assert_string_equal(row.worker_id, id);
	jobq_config_free(&cfg);

	setenv("JOBQ_WORKER_ID", id, 1);
	load_ok(&cfg, "");
	assert_string_equal(cfg.worker_id, id);
	jobq_config_free(&cfg);
	unsetenv("JOBQ_WORKER_ID");

	id[JOBQ_WORKER_ID_MAX] = 'w';
	id[JOBQ_WORKER_ID_MAX + 1] = '\0';
	snprintf(text, sizeof(text), "consumer = { worker_id = \"%s\"; };\n", id);
	load_fails_at(text, 1, "must be 1 to 128 characters");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_config_defaults),
		T(test_config_load_without_file_uses_defaults),
		T(test_config_empty_file_uses_defaults),
		T(test_config_full_file),
		T(test_config_missing_explicit_file),
		T(test_config_file_from_env),
		T(test_config_env_overrides),
		T(test_config_env_prefixed_names),
		T(test_config_env_aliases),
		T(test_config_env_prefixed_name_wins),
		T(test_config_env_bad_values),
		T(test_config_lease_must_exceed_heartbeat),
		T(test_config_retry_base_must_not_exceed_max),
		T(test_config_validate_built_config),
		T(test_config_set_queues),
		T(test_config_prefetch_at_least_concurrency),
		T(test_config_worker_id_of_max_length_survives),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
