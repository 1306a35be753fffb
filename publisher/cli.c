/* Helpers shared by the jobq CLI's commands: errors, option parsing, the database
 * connection, JSON output and confirmed publishing of committed jobs. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jobq/broker.h"
#include "jobq/duration.h"
#include "jobq/log.h"
#include "jobq/parse.h"
#include "jobq/store_jobs.h"
#include "rows.h"

struct jobq_store *cli_store(struct cli *cli)
{
	struct jobq_err err = { 0 };

	if (cli->store != NULL)
		return cli->store;
	if (jobq_store_connect(cli->cfg.database_url, "jobq-cli", &cli->store, &err) != 0) {
		cli_fail_err(cli, &err);
		return NULL;
	}
	return cli->store;
}

jobq_client *cli_client(struct cli *cli, int *status)
{
	struct jobq_client_error e;

	if (cli->client != NULL)
		return cli->client;
	/* The configuration was read and checked before any command ran: what fails here is
	 * the database (unreachable, refused, or a URL libpq cannot parse), exit 5 as
	 * cli_store's and the consumer's. */
	if (jobq_client_open_config(cli->config_path, &cli->client, &e) != JOBQ_CLIENT_OK) {
		*status = cli_fail(cli, CLI_EXIT_UNAVAILABLE, "%s", e.message);
		return NULL;
	}
	return cli->client;
}

static void vfail(struct cli *cli, const char *fmt, va_list ap)
{
	char line[1024], *safe;

	vsnprintf(line, sizeof(line), fmt, ap);
	for (char *p = line; *p; p++) /* errors are one line */
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	/* A message may quote what the user gave (a flag's value): its control characters and
	 * bytes that are not UTF-8 are shown escaped, not sent to the terminal. */
	safe = rows_escape(line, false);
	fprintf(stderr, "jobq%s%s: %s\n", cli->command ? " " : "", cli->command ? cli->command : "",
		safe != NULL ? safe : line);
	free(safe);
}

int cli_fail(struct cli *cli, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(cli, fmt, ap);
	va_end(ap);
	return status;
}

int cli_fail_err(struct cli *cli, const struct jobq_err *err)
{
	return cli_fail(cli, jobq_err_exit_status(err->code), "%s", err->msg);
}

int cli_usage(struct cli *cli, const char *fmt, ...)
{
	char line[900];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (cli->command != NULL)
		return cli_fail(cli, CLI_EXIT_USAGE, "%s (see 'jobq %s --help')", line,
				cli->command);
	return cli_fail(cli, CLI_EXIT_USAGE, "%s (see 'jobq --help')", line);
}

int cli_getopt(struct cli *cli, int argc, char **argv, const char *shortopts,
	       const struct option *longopts, const char *help)
{
	struct option all[48];
	char shorts[128];
	int n = 0, c;

	for (; longopts != NULL && longopts[n].name != NULL && n < 44; n++)
		all[n] = longopts[n];
	all[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	all[n++] = (struct option){ "json", no_argument, NULL, 0x100 };
	all[n] = (struct option){ NULL, 0, NULL, 0 };
	/* Leading ':' : report a missing argument as ':' so we can say which. */
	snprintf(shorts, sizeof(shorts), ":%sh", shortopts != NULL ? shortopts : "");
	for (;;) {
		int idx = 0;

		opterr = 0;
		c = getopt_long(argc, argv, shorts, all, &idx);
		if (c == 0x100) {
			cli->json = true;
			continue;
		}
		if (c == 'h') {
			fputs(help, stdout);
			return 'h';
		}
		if (c == ':') {
			cli_usage(cli, "option %s needs a value", argv[optind - 1]);
			return '?';
		}
		if (c == '?') {
			if (optopt != 0)
				cli_usage(cli, "unknown option '-%c'", optopt);
			else
				cli_usage(cli, "unknown option '%s'", argv[optind - 1]);
			return '?';
		}
		return c;
	}
}

void cli_print_json(json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

	if (s != NULL) {
		puts(s);
		free(s);
	}
	json_decref(v);
}

bool cli_job_id(struct cli *cli, char *arg)
{
	if (jobq_parse_uuid(arg, arg, NULL) == 0)
		return true;
	cli_usage(cli, "'%s' is not a job id (expected a UUID)", arg);
	return false;
}

bool cli_duration(struct cli *cli, const char *flag, const char *text, int64_t *out_ms)
{
	struct jobq_err err = { 0 };

	if (jobq_duration_parse(text, out_ms, &err) == 0)
		return true;
	cli_usage(cli, "%s: %s", flag, err.msg);
	return false;
}

bool cli_int(struct cli *cli, const char *flag, const char *text, int64_t min, int64_t max,
	     int64_t *out)
{
	struct jobq_err err = { 0 };

	if (jobq_parse_int(text, min, max, flag, out, &err) == 0)
		return true;
	cli_usage(cli, "%s", err.msg);
	return false;
}

int cli_publish(struct cli *cli, struct cli_job_ref *jobs, size_t n)
{
	struct jobq_broker_opts opts;
	struct jobq_envelope *envs = calloc(n ? n : 1, sizeof(*envs));
	bool *ok = calloc(n ? n : 1, sizeof(*ok));
	const char **ids = calloc(n ? n : 1, sizeof(*ids));
	int64_t *tokens = calloc(n ? n : 1, sizeof(*tokens));
	struct jobq_err err = { 0 };
	size_t nok = 0;
	int r;

	for (size_t i = 0; i < n; i++)
		jobs[i].published = false;
	if (envs == NULL || ok == NULL || ids == NULL || tokens == NULL) {
		r = jobq_err_set(&err, JOBQ_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		snprintf(envs[i].job_id, sizeof(envs[i].job_id), "%s", jobs[i].id);
		snprintf(envs[i].type, sizeof(envs[i].type), "%s", jobs[i].type);
		snprintf(envs[i].queue, sizeof(envs[i].queue), "%s", jobs[i].queue);
		envs[i].priority = jobs[i].priority;
		envs[i].keyed = jobs[i].keyed;
	}
	jobq_broker_opts_from_config(&opts, &cli->cfg, "jobq-cli");
	/* A node that fails (down, or not confirming) hands the rest to the next one. */
	r = jobq_broker_publish_jobs_failover(&cli->broker, &opts, envs, n, ok, 10000, &err);
	if (cli->broker != NULL) {
		if (jobq_broker_skipped(cli->broker)[0] != '\0')
			jobq_warn("broker_failover", "node", jobq_broker_node(cli->broker),
				  "skipped", jobq_broker_skipped(cli->broker));
		else
			jobq_debug("broker_node", "node", jobq_broker_node(cli->broker));
		if (r < 0) /* the next call connects again (to the first node that answers) */
			jobq_broker_set_broken(cli->broker);
	}
	for (size_t i = 0; i < n; i++)
		if (ok[i]) {
			jobs[i].published = true;
			tokens[nok] = jobs[i].token;
			ids[nok++] = jobs[i].id;
		}
	if (nok > 0 && cli_store(cli) != NULL) {
		struct jobq_err merr = { 0 };

		/* Not fatal: a confirmed message with published_at still NULL is only
		 * published once more by the relay, and the claim is conditional. */
		if (jobq_store_cli_mark_published(cli->store, ids, tokens, nok, &merr) != 0)
			cli_fail(cli, 0, "warning: %s", merr.msg);
	}
	if (r > 0)
		r = 0;
out:
	if (r != 0)
		cli_fail(cli, 0,
			 "warning: %s; %zu job(s) are saved and will be published by the relay of "
			 "a running jobq-consumer",
			 err.msg, n - nok);
	free(envs);
	free(ok);
	free(ids);
	free(tokens);
	return r;
}
