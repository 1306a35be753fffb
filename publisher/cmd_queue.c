/* jobq queue: pause and resume a queue (migration 0017's functions do the writes) and list
 * the queues with their job counts, pause state and limits (docs/scheduling.md "Pausing
 * queues", "Concurrency and rate limits"). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_util.h"
#include "jobq/submit_check.h"
#include "rows.h"

#define REASON_MAX 1000

static const char HELP[] =
	"usage: jobq queue pause QUEUE [--reason TEXT] [--json]\n"
	"       jobq queue resume QUEUE [--json]\n"
	"       jobq queue list [--all] [--json]\n"
	"\n"
	"A paused queue starts no job: from the moment `pause` returns, no job of the queue\n"
	"starts on any worker (the database refuses the claim), its messages are held\n"
	"unpublished in PostgreSQL, and its running jobs finish normally. The pause is kept\n"
	"in the database, so it survives consumer restarts; a queue with no jobs yet may be\n"
	"paused too. `resume` wakes the consumers' relays, which publish the held jobs at once.\n"
	"\n"
	"  pause QUEUE    pause it (again: keeps the first pause's time, takes the new reason)\n"
	"  resume QUEUE   resume it\n"
	"  list           every queue that has jobs waiting, scheduled, queued or running, was\n"
	"                 ever paused or has a limit: those counts, whether it is paused,\n"
	"                 since when, and why, its limit (jobq limit set queue:Q) and its jobs\n"
	"                 held by limits. It reads the live jobs only, not the finished\n"
	"                 history.\n"
	"\n"
	"options:\n"
	"  --reason TEXT  why (at most 1000 bytes), shown by list and stats\n"
	"  --all          list: also the queues whose jobs have all finished (reads every\n"
	"                 job, history included: seconds on millions of rows)\n"
	"  --json         one JSON object (list: an array)\n"
	"\n"
	"exit status: 0 done; 2 usage or an invalid queue name; 5 database unavailable.\n";

static int pause_queue(struct cli *cli, const char *queue, const char *reason)
{
	const char *p[2] = { queue, reason };
	PGresult *res;
	int r = CLI_EXIT_OK;

	if ((r = cmd_query(cli,
			   "SELECT name AS queue, true AS paused, " ROWS_TS(
				   "paused_at", "paused_at") ", paused_reason AS reason, was_paused"
							     " FROM jobq_cli_queue_pause($1, $2)",
			   2, p, "pause queue", &res)) != CLI_EXIT_OK)
		return r;
	if (cli->json)
		r = cmd_print_json(cli, rows_object(res, 0));
	else if (rows_get(res, 0, "was_paused")[0] == 't')
		printf("queue %s was already paused (since %s)\n", queue,
		       rows_get(res, 0, "paused_at"));
	else
		printf("queue %s paused at %s\n", queue, rows_get(res, 0, "paused_at"));
	PQclear(res);
	return r;
}

static int resume_queue(struct cli *cli, const char *queue)
{
	const char *p[1] = { queue };
	PGresult *res;
	bool was;
	int r = CLI_EXIT_OK;

	if ((r = cmd_query(
		     cli,
		     "SELECT $1 AS queue, false AS paused, COALESCE(bool_or(was_paused), false)"
		     " AS was_paused, " ROWS_TS("max(paused_at)",
						"paused_since") " FROM jobq_cli_queue_resume($1)",
		     1, p, "resume queue", &res)) != CLI_EXIT_OK)
		return r;
	was = rows_get(res, 0, "was_paused")[0] == 't';
	if (cli->json)
		r = cmd_print_json(cli, rows_object(res, 0));
	else if (was)
		printf("queue %s resumed (paused since %s)\n", queue,
		       rows_get(res, 0, "paused_since"));
	else
		printf("queue %s was not paused\n", queue);
	PQclear(res);
	return r;
}

static int list_queues(struct cli *cli, bool all)
{
	enum {
		NCOLS = 10
	};
	static const char *const head[NCOLS] = { "QUEUE",   "WAITING", "SCHEDULED", "QUEUED",
						 "RUNNING", "PAUSED",  "SINCE",     "REASON",
						 "LIMIT",   "HELD" };
	const char *p[1] = { all ? "true" : "false" };
	struct rows_table t;
	PGresult *res;
	int r;

	/* Counted from the rows of live jobs only, each state through an index that holds
	 * it (waiting, scheduled and queued: jobs_status_created; running: jobs_running_lease, whose
	 * predicate is status = 'running', hence the two branches): a GROUP BY over every
	 * job read the whole history, 1,000,000 finished jobs for a handful of live ones
	 * (docs/cli.md "queue"). A queue whose jobs have all finished is listed with --all
	 * only, which reads the whole table to find it. held: unpublished and due at
	 * 'infinity', the mark of a limit's hold (migration 0021). */
	/* clang-format off */
	if ((r = cmd_query(cli,
			    "WITH c AS (SELECT queue,"
			    "        count(*) FILTER (WHERE status = 'waiting') AS waiting,"
			    "        count(*) FILTER (WHERE status = 'scheduled') AS scheduled,"
			    "        count(*) FILTER (WHERE status = 'queued') AS queued,"
			    "        count(*) FILTER (WHERE status = 'running') AS running,"
			    "        count(*) FILTER (WHERE status IN ('scheduled', 'queued')"
			    "         AND published_at IS NULL AND publish_after = 'infinity') AS held"
			    "       FROM (SELECT queue, status, published_at, publish_after FROM jobs"
			    "             WHERE status IN ('waiting', 'scheduled', 'queued')"
			    "             UNION ALL SELECT queue, status, published_at, publish_after"
			    "             FROM jobs WHERE status = 'running') x"
			    "       GROUP BY queue),"
			    " n AS (SELECT queue AS name FROM c UNION SELECT name FROM queues"
			    "       UNION SELECT substr(scope, 7) FROM limits WHERE scope LIKE 'queue:%'"
			    "       UNION SELECT DISTINCT queue FROM jobs WHERE $1::bool)"
			    "SELECT n.name AS queue, COALESCE(c.waiting, 0) AS waiting,"
			    " COALESCE(c.scheduled, 0) AS scheduled, COALESCE(c.queued, 0) AS queued,"
			    " COALESCE(c.running, 0) AS running,"
			    " COALESCE(q.paused_at IS NOT NULL, false) AS paused,"
			    " " ROWS_TS("q.paused_at", "paused_at") ", q.paused_reason AS reason,"
			    " l.max_running, l.rate, COALESCE(c.held, 0) AS held,"
			    " concat_ws(', ', 'max ' || l.max_running, " CMD_RATE_TEXT("l.rate") ")"
			    "  AS _limit"
			    " FROM n LEFT JOIN c ON c.queue = n.name LEFT JOIN queues q ON q.name = n.name"
			    " LEFT JOIN limits l ON l.scope = 'queue:' || n.name ORDER BY 1", 1, p, "list queues", &res)) != CLI_EXIT_OK)
		return r;
	/* clang-format on */
	if (cli->json) {
		r = cmd_print_json(cli, rows_array(res));

		PQclear(res);
		return r;
	}
	if (rows_table_init(&t, NCOLS, head) != 0) {
		rows_table_free(&t);
		PQclear(res);
		return cli_fail(cli, 1, "out of memory");
	}
	for (int i = 0; i < PQntuples(res); i++) {
		bool paused = rows_get(res, i, "paused")[0] == 't';
		const char *limit = rows_get(res, i, "_limit");
		char why[80];
		const char *cells[NCOLS] = { rows_get(res, i, "queue"),
					     rows_get(res, i, "waiting"),
					     rows_get(res, i, "scheduled"),
					     rows_get(res, i, "queued"),
					     rows_get(res, i, "running"),
					     paused ? "yes" : "no",
					     rows_get(res, i, "paused_at"),
					     rows_cut(rows_get(res, i, "reason"), 60, why,
						      sizeof(why)),
					     limit != NULL && limit[0] != '\0' ? limit : "-",
					     rows_get(res, i, "held") };

		if (rows_table_add(&t, cells) != 0)
			break;
	}
	rows_table_print(&t, stdout);
	rows_table_free(&t);
	PQclear(res);
	return CLI_EXIT_OK;
}

int cmd_queue(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { "reason", required_argument, NULL, 'r' },
					      { "all", no_argument, NULL, 'a' },
					      { NULL, 0, NULL, 0 } };
	const char *reason = NULL, *sub, *queue;
	bool all = false;
	int c;

	while ((c = cli_getopt(cli, argc, argv, "", opts, HELP)) != -1) {
		switch (c) {
		case 'h':
			return CLI_EXIT_OK;
		case 'a':
			all = true;
			break;
		case 'r':
			reason = optarg;
			if (strlen(reason) > REASON_MAX)
				return cli_usage(cli, "--reason is %zu bytes; at most %d",
						 strlen(reason), REASON_MAX);
			break;
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage(cli, "missing sub-command: pause, resume or list");
	sub = argv[optind];
	if (strcmp(sub, "list") == 0) {
		if (reason != NULL)
			return cli_usage(cli, "--reason is for queue pause only");
		if (optind + 1 < argc)
			return cli_usage(cli, "unexpected argument '%s'", argv[optind + 1]);
		return list_queues(cli, all);
	}
	if (all)
		return cli_usage(cli, "--all is for queue list only");
	if (strcmp(sub, "pause") == 0) {
		if ((queue = cmd_sub_arg(cli, argc, argv, "queue pause takes a queue name",
					 jobq_check_queue)) == NULL)
			return CLI_EXIT_USAGE;
		return pause_queue(cli, queue, reason);
	}
	if (strcmp(sub, "resume") == 0) {
		if (reason != NULL)
			return cli_usage(cli, "--reason is for queue pause only");
		if ((queue = cmd_sub_arg(cli, argc, argv, "queue resume takes a queue name",
					 jobq_check_queue)) == NULL)
			return CLI_EXIT_USAGE;
		return resume_queue(cli, queue);
	}
	return cli_usage(cli, "unknown sub-command '%s' (pause, resume or list)", sub);
}
