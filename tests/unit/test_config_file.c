/* Unit tests for reading the configuration file (common/config_read.c, through
 * jobq_config_load): every group and key, types, truncated literals, handlers, @include and
 * broker URL lists, with every error naming its file and line. */
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

#include "config_helpers.h"
#include "jobq/config.h"

static void test_config_durations_as_numbers(void **state)
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

static void test_config_database_url_empty_means_libpq_default(void **state)
{
	struct jobq_config cfg;

	(void)state;
	load_ok(&cfg, "database = { url = \"\"; };\n");
	assert_null(cfg.database_url);
	jobq_config_free(&cfg);
}

static void test_config_unknown_key_in_group(void **state)
{
	(void)state;
	load_fails_at("amqp = { url = \"amqp://h/\"; };\n"
		      "consumer = {\n"
		      "  concurrency = 4;\n"
		      "  concurency = 4;\n"
		      "};\n",
		      4, "consumer.concurency: unknown setting");
	load_fails_at("log = { level = \"info\";\n colour = true; };\n", 2,
		      "log.colour: unknown setting");
}

static void test_config_unknown_group(void **state)
{
	(void)state;
	load_fails_at("log = { level = \"info\"; };\n\nbroker = { url = \"x\"; };\n", 3,
		      "broker: unknown setting (expected one of: amqp, database, consumer, retry, "
		      "retention, "
		      "handlers, metrics, web, log)");
	load_fails_at("concurrency = 4;\n", 1, "concurrency: unknown setting");
}

static void test_config_unknown_key_in_handler(void **state)
{
	(void)state;
	load_fails_at("handlers = (\n"
		      "  { type = \"a\"; command = [ \"/bin/a\" ]; },\n"
		      "  { type = \"b\"; command = [ \"/bin/b\" ];\n"
		      "    usr = \"nobody\"; }\n"
		      ");\n",
		      4,
		      "handlers[1].usr: unknown setting (expected one of: type, command, timeout, "
		      "cancel_grace, env, user, group, mode, processes, jobs_per_process, "
		      "max_jobs, startup_timeout)");
}

/* user and group are parsed by every program; only the worker's validation resolves them
 * (the CLI reads the same file on machines without those accounts). */
static void test_config_handler_user_group(void **state)
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
	load_fails_at(
		"handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n group = \"\"; } );\n", 1,
		"handlers[0].group: must not be empty");
}

static void test_config_wrong_types(void **state)
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
	load_fails_at(
		"handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n env = [ 1 ]; } );\n", 2,
		"handlers[0].env[0]: expected a string, got an integer");
	load_fails_at(
		"handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n timeout = \"x\"; } );\n",
		2, "handlers[0].timeout: 'x' is not a duration");
}

static void test_config_int_overflow_is_error(void **state)
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

static void test_config_same_key_twice_on_a_line(void **state)
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
		      " { type = \"b\"; command = [ \"/b\" ]; timeout = 4294967306; } );\n",
		      1, "handlers[1].timeout: 4294967306 seconds is out of range");
}

static void test_config_out_of_range(void **state)
{
	(void)state;
	load_fails_at("consumer = { concurrency = 0; };\n", 1,
		      "consumer.concurrency: 0 is out of range (1 to 1024)");
	load_fails_at("consumer = { concurrency = 1025; };\n", 1,
		      "1025 is out of range (1 to 1024)");
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
	load_fails_at("log = { format = \"xml\"; };\n", 1,
		      "log.format: 'xml' is not one of text, json");
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

static void test_config_syntax_error(void **state)
{
	(void)state;
	load_fails_at("amqp = {\n  url = ;\n};\n", 2, "syntax error");
	load_fails_at("log = { level = \"info\"; };\nlog = { format = \"text\"; };\n", 2,
		      "duplicate setting name");
}

/* mode and the pool settings of a persistent handler: defaults, values, ranges, and the
 * pool keys refused on an exec handler with the key's own line. */
static void test_config_handler_persistent(void **state)
{
	struct jobq_config cfg;

	(void)state;
	load_ok(&cfg, "handlers = ( { type = \"a\"; command = [ \"/a\" ]; },\n"
		      " { type = \"b\"; command = [ \"/b\" ]; mode = \"persistent\"; },\n"
		      " { type = \"c\"; command = [ \"/c\" ]; mode = \"persistent\";\n"
		      "   processes = 3; jobs_per_process = 2; max_jobs = 100;\n"
		      "   startup_timeout = \"2500ms\"; },\n"
		      " { type = \"d\"; command = [ \"/d\" ]; mode = \"exec\"; } );\n");
	assert_false(cfg.handlers[0].persistent);
	assert_true(cfg.handlers[1].persistent);
	assert_int_equal(cfg.handlers[1].processes, 0);
	assert_int_equal(cfg.handlers[1].jobs_per_process, 1);
	assert_int_equal(cfg.handlers[1].max_jobs, 0);
	assert_int_equal(cfg.handlers[1].startup_timeout_ms, 10000);
	assert_int_equal(cfg.handlers[2].processes, 3);
	assert_int_equal(cfg.handlers[2].jobs_per_process, 2);
	assert_int_equal(cfg.handlers[2].max_jobs, 100);
	assert_int_equal(cfg.handlers[2].startup_timeout_ms, 2500);
	assert_false(cfg.handlers[3].persistent);
	jobq_config_free(&cfg);

	load_fails_at(
		"handlers = ( { type = \"a\"; command = [ \"/a\" ];\n mode = \"pool\"; } );\n", 2,
		"handlers[0].mode: 'pool' is not one of exec, persistent");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/a\" ];\n mode = 1; } );\n", 2,
		      "handlers[0].mode: expected a string");
	/* the key's line, whether mode comes before or after it */
	load_fails_at(
		"handlers = ( { type = \"a\"; command = [ \"/a\" ];\n\n processes = 2; } );\n", 3,
		"handlers[0].processes: only a handler with mode = \"persistent\" takes it");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/a\" ];\n max_jobs = 2;\n"
		      " mode = \"exec\"; } );\n",
		      2,
		      "handlers[0].max_jobs: only a handler with mode = \"persistent\" takes it");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/a\" ];\n"
		      " startup_timeout = \"1s\"; } );\n",
		      2,
		      "handlers[0].startup_timeout: only a handler with mode = \"persistent\" "
		      "takes it");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/a\" ]; mode = \"persistent\";\n"
		      " processes = 0; } );\n",
		      2, "handlers[0].processes: 0 is out of range (1 to 1024)");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/a\" ]; mode = \"persistent\";\n"
		      " jobs_per_process = 1025; } );\n",
		      2, "handlers[0].jobs_per_process: 1025 is out of range (1 to 1024)");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/a\" ]; mode = \"persistent\";\n"
		      " max_jobs = -1; } );\n",
		      2, "handlers[0].max_jobs: -1 is out of range (0 to 1000000000)");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/a\" ]; mode = \"persistent\";\n"
		      " processes = \"2\"; } );\n",
		      2, "handlers[0].processes: expected an integer");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/a\" ]; mode = \"persistent\";\n"
		      " startup_timeout = 0; } );\n",
		      2, "handlers[0].startup_timeout: must be more than 0s");
}

static void test_config_handler_errors(void **state)
{
	(void)state;
	load_fails_at("handlers = (\n { command = [ \"/bin/a\" ]; } );\n", 2,
		      "handlers[0]: missing 'type'");
	load_fails_at("handlers = (\n { type = \"a\"; } );\n", 2,
		      "handlers[0] ('a'): missing 'command'");
	load_fails_at("handlers = ( { type = \"a\"; command = [ ]; } );\n", 1,
		      "handlers[0].command: must name a program");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"\" ]; } );\n", 1,
		      "handlers[0].command: must name a program");
	load_fails_at("handlers = ( { type = \"\"; command = [ \"/bin/a\" ]; } );\n", 1,
		      "handlers[0].type: must not be empty");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/bin/a\" ]; },\n"
		      "  { type = \"a\"; command = [ \"/bin/b\" ]; } );\n",
		      2, "handlers[1].type: 'a' is already handled by handlers[0]");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n"
		      "  env = [ \"OK=1\", \"NOEQUALS\" ]; } );\n",
		      1, "handlers[0].env[1]: 'NOEQUALS' is not NAME=value");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n"
		      "  env = [ \"=x\" ]; } );\n",
		      1, "handlers[0].env[0]: '=x' is not NAME=value");
	load_fails_at("handlers = ( { type = \"a\"; command = [ \"/bin/a\" ];\n"
		      "  cancel_grace = -2; } );\n",
		      2, "handlers[0].cancel_grace: -2 seconds is out of range");
}

static void test_config_handler_env_and_argv(void **state)
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

static void test_config_include_relative_to_file(void **state)
{
	char dir[64], main_path[128], inc_path[128], where[160];
	struct jobq_config cfg;
	struct jobq_err err;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/jobq-test-inc-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(main_path, sizeof(main_path), "%s/main.conf", dir);
	snprintf(inc_path, sizeof(inc_path), "%s/inc.conf", dir);
	put(main_path, "log = { level = \"warn\"; };\n@include \"inc.conf\"\n");
	put(inc_path, "consumer = { concurrency = 2; };\n");
	assert_int_equal(jobq_config_load(&cfg, main_path, &err), 0);
	assert_int_equal(cfg.concurrency, 2);
	assert_int_equal(cfg.log_level, JOBQ_LOG_WARN);
	jobq_config_free(&cfg);

	/* An error inside the included file names that file. */
	put(inc_path, "\nconsumer = { concurrency = 4294967304; };\n"); /* wraps to 8 */
	assert_int_equal(jobq_config_load(&cfg, main_path, &err), JOBQ_EINVAL);
	snprintf(where, sizeof(where), "%s:2: consumer.concurrency", inc_path);
	if (strstr(err.msg, where) != err.msg)
		fail_msg("expected '%s...', got '%s'", where, err.msg);
	unlink(inc_path);
	unlink(main_path);
	rmdir(dir);
}

/* libconfig's scanner exit()s on an included directory and blocks on a FIFO: the loader
 * refuses both, at any depth, and only where libconfig would see an @include. */
static void test_config_include_must_be_a_regular_file(void **state)
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

	put(main_path, "@include \"s\\ub\"\n"); /* a lone backslash is dropped */
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
static void test_config_amqp_urls_list(void **state)
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

static void test_config_amqp_urls_errors(void **state)
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

/* amqp.queue_type: quorum by default, classic from the file or $JOBQ_QUEUE_TYPE (which
 * wins); anything else is one line naming where the value came from. */
static void test_config_queue_type(void **state)
{
	struct jobq_config cfg;
	struct jobq_err err;
	char path[64];

	(void)state;
	load_ok(&cfg, "");
	assert_int_equal(cfg.amqp_queue_type, JOBQ_QUEUE_QUORUM);
	assert_string_equal(jobq_queue_type_name(cfg.amqp_queue_type), "quorum");
	jobq_config_free(&cfg);
	load_ok(&cfg, "amqp = { queue_type = \"classic\"; };\n");
	assert_int_equal(cfg.amqp_queue_type, JOBQ_QUEUE_CLASSIC);
	assert_string_equal(jobq_queue_type_name(cfg.amqp_queue_type), "classic");
	jobq_config_free(&cfg);
	setenv("JOBQ_QUEUE_TYPE", "quorum", 1);
	load_ok(&cfg, "amqp = { queue_type = \"classic\"; };\n");
	assert_int_equal(cfg.amqp_queue_type, JOBQ_QUEUE_QUORUM);
	jobq_config_free(&cfg);
	setenv("JOBQ_QUEUE_TYPE", "classic", 1);
	load_ok(&cfg, "");
	assert_int_equal(cfg.amqp_queue_type, JOBQ_QUEUE_CLASSIC);
	jobq_config_free(&cfg);
	setenv("JOBQ_QUEUE_TYPE", "", 1); /* empty counts as unset */
	load_ok(&cfg, "amqp = { queue_type = \"classic\"; };\n");
	assert_int_equal(cfg.amqp_queue_type, JOBQ_QUEUE_CLASSIC);
	jobq_config_free(&cfg);

	setenv("JOBQ_QUEUE_TYPE", "Quorum", 1);
	write_conf(path, "");
	jobq_err_clear(&err);
	assert_int_equal(jobq_config_load(&cfg, path, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "$JOBQ_QUEUE_TYPE: 'Quorum' is not one of quorum, classic");
	assert_freed(&cfg);
	unlink(path);
	unsetenv("JOBQ_QUEUE_TYPE");
	load_fails_at("amqp = {\n queue_type = \"stream\"; };\n", 2,
		      "amqp.queue_type: 'stream' is not one of quorum, classic");
	load_fails_at("amqp = { queue_type = 1; };\n", 1,
		      "amqp.queue_type: expected a string, got an integer");
	load_fails_at("amqp = { queue_type = \"\"; };\n", 1,
		      "amqp.queue_type: '' is not one of quorum, classic");

	/* a built configuration with a value out of the enum */
	assert_int_equal(jobq_config_defaults(&cfg, &err), 0);
	cfg.amqp_queue_type = (enum jobq_queue_type)7;
	assert_int_equal(jobq_config_validate(&cfg, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "amqp.queue_type: invalid queue type");
	assert_string_equal(jobq_queue_type_name(cfg.amqp_queue_type), "?");
	jobq_config_free(&cfg);
}

/* The retention group: unset windows keep rows for ever, set ones are read as durations;
 * 0s, a window under 1m, a batch above the rate and bad values are refused with the key
 * and the line. */
static void test_config_retention(void **state)
{
	struct jobq_config cfg;

	(void)state;
	load_ok(&cfg, "");
	assert_int_equal(cfg.retention_succeeded_ms, 0);
	assert_int_equal(cfg.retention_dead_letters_ms, 0);
	assert_int_equal(cfg.retention_batch, 500);
	assert_int_equal(cfg.retention_rate, 1000);
	assert_int_equal(cfg.retention_interval_ms, 60000);
	jobq_config_free(&cfg);
	load_ok(&cfg, "retention = { succeeded = \"7d\"; failed = \"30d\"; cancelled = \"1h\";\n"
		      " dead_letters = \"2d\"; batch = 100; rate = 100; interval = \"5s\"; };\n");
	assert_int_equal(cfg.retention_succeeded_ms, 7LL * 86400000);
	assert_int_equal(cfg.retention_failed_ms, 30LL * 86400000);
	assert_int_equal(cfg.retention_cancelled_ms, 3600000);
	assert_int_equal(cfg.retention_dead_letters_ms, 2LL * 86400000);
	assert_int_equal(cfg.retention_batch, 100);
	assert_int_equal(cfg.retention_rate, 100);
	assert_int_equal(cfg.retention_interval_ms, 5000);
	jobq_config_free(&cfg);
	setenv("JOBQ_RETENTION_FAILED", "2h", 1);
	load_ok(&cfg, "retention = { failed = \"30d\"; };\n");
	assert_int_equal(cfg.retention_failed_ms, 7200000);
	jobq_config_free(&cfg);
	setenv("JOBQ_RETENTION_FAILED", "0", 1);
	load_fails_env("", "$JOBQ_RETENTION_FAILED: retention.failed: 0s is not a retention");
	unsetenv("JOBQ_RETENTION_FAILED");

	load_fails_at("retention = {\n succeeded = \"0s\"; };\n", 2,
		      "retention.succeeded: 0s is not a retention (1m to 365d); leave it unset");
	load_fails_at("retention = { failed = \"59s\"; };\n", 1,
		      "retention.failed: 59000ms is under the shortest retention (1m to 365d)");
	load_ok(&cfg, "retention = { cancelled = \"1m\"; };\n");
	assert_int_equal(cfg.retention_cancelled_ms, 60000);
	jobq_config_free(&cfg);
	load_fails_at("retention = { cancelled = \"-1s\"; };\n", 1, "retention.cancelled: ");
	load_fails_at("retention = { dead_letters = 5; batch = 0; };\n", 1,
		      "retention.batch: 0 is out of range (1 to 10000)");
	load_fails_at("retention = { rate = 10;\n batch = 11; };\n", 2,
		      "retention.batch (11) must not exceed retention.rate (10)");
	load_fails_at("retention = { rate = \"fast\"; };\n", 1,
		      "retention.rate: expected an integer, got a string");
	load_fails_at("retention = { events = \"1d\"; };\n", 1,
		      "retention.events: unknown setting");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
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
		T(test_config_handler_errors),
		T(test_config_handler_persistent),
		T(test_config_handler_env_and_argv),
		T(test_config_include_relative_to_file),
		T(test_config_include_must_be_a_regular_file),
		T(test_config_amqp_urls_list),
		T(test_config_amqp_urls_errors),
		T(test_config_queue_type),
		T(test_config_retention),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
