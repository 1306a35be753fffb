/* jobq-cli: the command-line client (the jobq front end runs it). Parses the global
 * options, loads the configuration and hands over to one command; the agent runs submits
 * through the same path (cli_run). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "jobq/log.h"

static const struct {
	const char *name;
	cli_command_fn fn;
	const char *summary;
} commands[] = {
	{ "migrate", cmd_migrate, "apply pending database migrations, declare broker topology" },
	{ "submit", cmd_submit, "submit a job (or --batch FILE of JSON lines); prints the id" },
	{ "status", cmd_status, "show a job's state, attempt, owner, lease, result or error" },
	{ "wait", cmd_wait, "wait until a job ends; the exit status says how" },
	{ "cancel", cmd_cancel, "cancel jobs: queued ones never start, running ones stop" },
	{ "list", cmd_list, "list jobs, newest first" },
	{ "history", cmd_history, "show a job's transitions" },
	{ "stats", cmd_stats, "counts by state, oldest queued age, workers alive" },
	{ "workers", cmd_workers, "show the worker registry" },
	{ "retry", cmd_retry, "requeue a failed or cancelled job" },
	{ "prune", cmd_prune, "delete finished jobs older than a duration" },
	{ "dead", cmd_dead, "list dead-lettered messages, requeue their jobs" },
	{ "agent", cmd_agent, "serve submits from a local socket, connections kept warm" },
	{ "schedule", cmd_schedule, "cron schedules: add, list, rm, pause, resume, run" },
	{ "queue", cmd_queue, "pause or resume a queue; list queues, counts, pause state" },
	{ "limit", cmd_limit, "concurrency limits of a queue, type or key: set, list, rm" },
	{ "batch", cmd_batch, "a batch's progress and callbacks: status ID" },
};

static void usage(FILE *f)
{
	fputs("usage: jobq [--config FILE] [--json] COMMAND [ARGS...]\n"
	      "\n"
	      "jobq submits, waits for and inspects jobs of the jobq job system\n"
	      "(RabbitMQ delivers them, PostgreSQL holds the truth).\n"
	      "\n"
	      "commands:\n",
	      f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fputs("\n"
	      "options:\n"
	      "  --config FILE  configuration file (else $JOBQ_CONFIG, else /etc/jobq/jobq.conf)\n"
	      "  --json         machine-readable output on read commands\n"
	      "  --version      print the version\n"
	      "  -h, --help     this help; 'jobq COMMAND --help' for a command's\n"
	      "\n"
	      "environment: JOBQ_AMQP_URL (one URL, or one per cluster node joined by commas),\n"
	      "JOBQ_DATABASE_URL (else libpq's PG* variables),\n"
	      "JOBQ_CONFIG and the JOBQ_* overrides in docs/configuration.md;\n"
	      "JOBQ_AGENT_SOCKET: submit through a running `jobq agent` (docs/agent.md).\n"
	      "\n"
	      "exit status: 0 success; 1 the job ended failed or cancelled (or a cancel came\n"
	      "too late); 2 usage error or invalid input; 3 no such job; 4 timed out waiting;\n"
	      "5 broker or database unavailable; 6 submit/retry: saved, but no broker node\n"
	      "confirmed it, so a consumer's relay publishes it; 7 submit through jobq agent:\n"
	      "the agent ended mid-submit, the job may have been saved (look before retrying).\n",
	      f);
}

int cli_run(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct jobq_err err = { 0 };
	const char *config_path = NULL;
	int c, status;

	opterr = 0;
	optind = 0; /* a full getopt reset: the agent parses one command line after another */
	/* '+': stop at the command name; its own options are parsed by the command. */
	while ((c = getopt_long(argc, argv, "+:c:h", opts, NULL)) != -1) {
		if (cli->agent && c != 'j')
			return CLI_AGENT_DECLINE;
		switch (c) {
		case 'c':
			config_path = cli->config_path = optarg;
			break;
		case 'j':
			cli->json = true;
			break;
		case 'h':
			usage(stdout);
			return CLI_EXIT_OK;
		case 'V':
			printf("jobq %s\n", JOBQ_VERSION);
			return CLI_EXIT_OK;
		case ':':
			return cli_usage(cli, "option %s needs a value", argv[optind - 1]);
		default:
			return cli_usage(cli, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc) {
		if (cli->agent)
			return CLI_AGENT_DECLINE;
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[optind], commands[i].name) != 0)
			continue;
		if (cli->agent && commands[i].fn != cmd_submit)
			return CLI_AGENT_DECLINE;
		cli->command = commands[i].name;
		if (!cli->agent) {
			if (jobq_config_load(&cli->cfg, config_path, &err) != 0)
				return cli_fail_err(cli, &err);
			jobq_log_setup(cli->cfg.log_level, cli->cfg.log_format);
		}
		int first = optind;

		optind = 0; /* full getopt reset for the command's own parse */
		status = commands[i].fn(cli, argc - first, argv + first);
		return status;
	}
	if (cli->agent)
		return CLI_AGENT_DECLINE;
	return cli_usage(cli, "unknown command '%s'", argv[optind]);
}

void cli_free(struct cli *cli)
{
	jobq_store_free(cli->store);
	jobq_client_close(cli->client);
	jobq_broker_free(cli->broker);
	jobq_config_free(&cli->cfg);
	memset(cli, 0, sizeof(*cli));
}

int main(int argc, char **argv)
{
	struct cli cli;
	int status;

	memset(&cli, 0, sizeof(cli));
	jobq_log_set_program("jobq");
	status = cli_run(&cli, argc, argv);
	cli_free(&cli);
	return status;
}
