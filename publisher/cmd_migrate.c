/* jobq migrate: apply pending schema migrations, then declare the broker topology. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "jobq/broker.h"
#include "jobq/migrate.h"

static const char HELP[] =
	"usage: jobq migrate [--dir DIR] [--queues a,b] [--no-broker]\n"
	"\n"
	"Apply pending database migrations in order, each in its own transaction (safe to\n"
	"run again: it applies only what is missing, and refuses to run if an applied\n"
	"migration's file has changed). Then declare the RabbitMQ exchanges jobq.jobs,\n"
	"jobq.cancel and jobq.dead, the dead-letter queue and one queue jobq.<name> per job\n"
	"queue (the configured consumer.queues, or --queues), of amqp.queue_type (quorum by\n"
	"default, or classic).\n"
	"\n"
	"options:\n"
	"  --dir DIR      migrations folder (default: $JOBQ_MIGRATIONS_DIR, the installed\n"
	"                 share/jobq/migrations, or the source tree's migrations/)\n"
	"  --queues a,b   job queues to declare\n"
	"  --no-broker    only migrate the database\n"
	"\n"
	"exit status: 0 done; 2 a migration changed or a queue exists with other\n"
	"arguments; 5 broker or database unavailable.\n";

static void applied_cb(const char *version, void *arg)
{
	struct cli *cli = arg;

	if (!cli->json)
		printf("applied %s\n", version);
}

int cmd_migrate(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dir", required_argument, NULL, 'd' },
		{ "queues", required_argument, NULL, 'q' },
		{ "no-broker", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct jobq_broker_opts bopts;
	struct jobq_broker *b = NULL;
	struct jobq_err err = { 0 };
	const char *dir_flag = NULL;
	char dir[4096];
	bool broker = true;
	int c, applied = 0, total = 0, status;

	while ((c = cli_getopt(cli, argc, argv, "", opts, HELP)) != -1) {
		switch (c) {
		case 'h':
			return CLI_EXIT_OK;
		case 'd':
			dir_flag = optarg;
			break;
		case 'q':
			if (jobq_config_set_queues(&cli->cfg, optarg, &err) != 0)
				return cli_usage(cli, "--queues: %s", err.msg);
			break;
		case 'n':
			broker = false;
			break;
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage(cli, "unexpected argument '%s'", argv[optind]);
	if (jobq_migrate_find_dir(dir_flag, dir, sizeof(dir), &err) != 0)
		return cli_fail(cli, CLI_EXIT_USAGE, "%s", err.msg);
	if (cli_store(cli) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_migrate_run(cli->store, dir, applied_cb, cli, &applied, &total, &err) != 0)
		return cli_fail_err(cli, &err);
	if (!cli->json)
		printf("database: %d migration(s) applied, %d in all, schema up to date\n", applied,
		       total);
	if (broker) {
		jobq_broker_opts_from_config(&bopts, &cli->cfg, "jobq-migrate");
		if (jobq_broker_connect(&bopts, &b, &err) != 0 ||
		    jobq_broker_declare_topology(b, cli->cfg.queues, cli->cfg.nqueues, &err) != 0) {
			status = cli_fail(cli,
					  err.code == JOBQ_EBROKER && strstr(err.msg, ": 406 ")
						  ? CLI_EXIT_USAGE
						  : jobq_err_exit_status(err.code),
					  "broker: %s", err.msg);
			jobq_broker_free(b);
			return status;
		}
		jobq_broker_free(b);
		if (!cli->json) {
			printf("broker: exchanges jobq.jobs, jobq.cancel, jobq.dead and queues");
			for (int i = 0; i < cli->cfg.nqueues; i++)
				printf(" jobq.%s", cli->cfg.queues[i]);
			printf(" declared\n");
		}
	}
	if (cli->json) {
		json_t *o = json_object();
		json_object_set_new(o, "applied", json_integer(applied));
		json_object_set_new(o, "total", json_integer(total));
		json_object_set_new(o, "broker", json_boolean(broker));
		cli_print_json(o);
	}
	return CLI_EXIT_OK;
}
