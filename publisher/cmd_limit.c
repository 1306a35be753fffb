/* jobq limit: set, list and remove concurrency limits (migration 0021's functions do the
 * writes; docs/scheduling.md "Concurrency and rate limits"). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_util.h"
#include "jobq/limit.h"
#include "rows.h"

static const char HELP[] =
	"usage: jobq limit set SCOPE --max-running N [--json]\n"
	"       jobq limit list [--json]\n"
	"       jobq limit rm SCOPE [--json]\n"
	"\n"
	"A concurrency limit caps the jobs of a scope running at any instant, across all\n"
	"consumers; it is never exceeded, not even for an instant (the database admits each\n"
	"claim). Jobs over the limit wait unpublished in PostgreSQL, and the consumers' relays\n"
	"release them as running ones end, highest priority first, then oldest.\n"
	"\n"
	"  SCOPE          queue:QUEUE, type:TYPE or key:K (K a job's --concurrency-key)\n"
	"  set SCOPE      create or change the scope's limit\n"
	"  list           every limit, with the scope's running and held jobs\n"
	"  rm SCOPE       remove it; its held jobs are published at once\n"
	"\n"
	"options:\n"
	"  --max-running N  at most N jobs of the scope running (1 to 1000000)\n"
	"  --json           one JSON object (list: an array)\n"
	"\n"
	"exit status: 0 done; 2 usage or invalid input; 3 rm: no such limit;\n"
	"5 database unavailable.\n";

static int set_limit(struct cli *cli, const char *scope, const char *max_running)
{
	struct jobq_store *st = cli_store(cli);
	struct jobq_err err = { 0 };
	const char *p[2] = { scope, max_running };
	PGresult *res;
	int r = CLI_EXIT_OK;

	if (st == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_exec(st, NULL,
			    "SELECT scope, max_running FROM jobq_cli_limit_set($1, $2::int, NULL)",
			    2, p, &res, "set limit", &err) != 0)
		return cli_fail_err(cli, &err);
	if (cli->json)
		r = cmd_print_json(cli, rows_object(res, 0));
	else
		printf("limit %s: at most %s running\n", scope, rows_get(res, 0, "max_running"));
	PQclear(res);
	return r;
}

static int rm_limit(struct cli *cli, const char *scope)
{
	struct jobq_store *st = cli_store(cli);
	struct jobq_err err = { 0 };
	const char *p[1] = { scope };
	PGresult *res;
	bool found;
	int r = CLI_EXIT_OK;

	if (st == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_exec(st, NULL, "SELECT $1 AS scope, jobq_cli_limit_rm($1) AS removed", 1, p,
			    &res, "remove limit", &err) != 0)
		return cli_fail_err(cli, &err);
	found = rows_get(res, 0, "removed")[0] == 't';
	if (cli->json)
		r = cmd_print_json(cli, rows_object(res, 0));
	else if (found)
		printf("limit %s removed\n", scope);
	PQclear(res);
	if (!found && r == CLI_EXIT_OK)
		return cli_fail(cli, CLI_EXIT_NOTFOUND, "no limit on scope '%s'", scope);
	return r;
}

static int list_limits(struct cli *cli)
{
	static const char *const head[] = { "SCOPE", "MAX_RUNNING", "RUNNING", "HELD" };
	struct jobq_store *st = cli_store(cli);
	struct jobq_err err = { 0 };
	struct rows_table t;
	PGresult *res;

	if (st == NULL)
		return CLI_EXIT_UNAVAILABLE;
	/* clang-format off */
	if (jobq_store_exec(st, NULL,
			    "SELECT s.scope, s.max_running,"
			    " (SELECT count(*) FROM jobs r WHERE r.status = 'running' AND s.scope IN"
			    "  ('queue:' || r.queue, 'type:' || r.type, 'key:' || r.concurrency_key))"
			    " AS running,"
			    " (SELECT count(*) FROM jobs h WHERE h.published_at IS NULL"
			    "  AND h.status IN ('scheduled', 'queued')"
			    "  AND h.publish_after = 'infinity' AND s.scope IN"
			    "  ('queue:' || h.queue, 'type:' || h.type, 'key:' || h.concurrency_key))"
			    " AS held"
			    " FROM limits s ORDER BY s.scope",
			    0, NULL, &res, "list limits", &err) != 0)
		return cli_fail_err(cli, &err);
	/* clang-format on */
	if (cli->json) {
		int r = cmd_print_json(cli, rows_array(res));

		PQclear(res);
		return r;
	}
	if (rows_table_init(&t, 4, head) != 0) {
		rows_table_free(&t);
		PQclear(res);
		return cli_fail(cli, 1, "out of memory");
	}
	for (int i = 0; i < PQntuples(res); i++) {
		const char *cells[4] = { rows_get(res, i, "scope"), rows_get(res, i, "max_running"),
					 rows_get(res, i, "running"), rows_get(res, i, "held") };

		if (rows_table_add(&t, cells) != 0)
			break;
	}
	rows_table_print(&t, stdout);
	rows_table_free(&t);
	PQclear(res);
	return CLI_EXIT_OK;
}

int cmd_limit(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { "max-running", required_argument, NULL, 'm' },
					      { NULL, 0, NULL, 0 } };
	const char *max_running = NULL, *sub, *scope;
	struct jobq_err err = { 0 };
	int c, n;

	while ((c = cli_getopt(cli, argc, argv, "", opts, HELP)) != -1) {
		switch (c) {
		case 'h':
			return CLI_EXIT_OK;
		case 'm':
			if (jobq_parse_max_running(optarg, &n, &err) != 0)
				return cli_fail_err(cli, &err);
			max_running = optarg;
			break;
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage(cli, "missing sub-command: set, list or rm");
	sub = argv[optind];
	if (strcmp(sub, "set") == 0) {
		if ((scope = cmd_sub_arg(cli, argc, argv,
					 "limit set takes a scope (queue:Q, type:T or key:K)",
					 jobq_check_limit_scope)) == NULL)
			return CLI_EXIT_USAGE;
		if (max_running == NULL)
			return cli_usage(cli, "limit set needs --max-running N");
		return set_limit(cli, scope, max_running);
	}
	if (max_running != NULL)
		return cli_usage(cli, "--max-running is for limit set only");
	if (strcmp(sub, "list") == 0) {
		if (optind + 1 < argc)
			return cli_usage(cli, "unexpected argument '%s'", argv[optind + 1]);
		return list_limits(cli);
	}
	if (strcmp(sub, "rm") == 0) {
		if ((scope = cmd_sub_arg(cli, argc, argv,
					 "limit rm takes a scope (queue:Q, type:T or key:K)",
					 jobq_check_limit_scope)) == NULL)
			return CLI_EXIT_USAGE;
		return rm_limit(cli, scope);
	}
	return cli_usage(cli, "unknown sub-command '%s' (set, list or rm)", sub);
}
