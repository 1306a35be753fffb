/* jobq limit: set, list and remove concurrency and rate limits (migrations 0021 and 0023's
 * functions do the writes; docs/scheduling.md "Concurrency and rate limits"). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_util.h"
#include "jobq/limit.h"
#include "rows.h"

static const char HELP[] =
	"usage: jobq limit set SCOPE [--max-running N|none] [--rate N/s|N/m|none] [--json]\n"
	"       jobq limit list [--json]\n"
	"       jobq limit rm SCOPE [--json]\n"
	"\n"
	"A concurrency limit caps the jobs of a scope running at any instant, across all\n"
	"consumers; it is never exceeded, not even for an instant (the database admits each\n"
	"claim). A rate limit caps the jobs of a scope started per second or minute, across all\n"
	"consumers (a token bucket in the database, its burst half a second of the rate,\n"
	"at least 1). Jobs over a limit wait unpublished in PostgreSQL, and the consumers'\n"
	"relays release them as running ones end and tokens come, highest priority first, then\n"
	"oldest.\n"
	"\n"
	"  SCOPE          queue:QUEUE, type:TYPE or key:K (K a job's --concurrency-key)\n"
	"  set SCOPE      create or change the scope's limit: what it is not given keeps\n"
	"                 its value; 'none' removes that part (not the last one: use rm)\n"
	"  list           every limit, with its tokens and the scope's running and held jobs\n"
	"  rm SCOPE       remove it; its held jobs are published at once\n"
	"\n"
	"options:\n"
	"  --max-running N|none  at most N jobs of the scope running (1 to 1000000)\n"
	"  --rate N/s|N/m|none   at most N jobs of the scope started per second or minute\n"
	"                        (N > 0, decimal digits with an optional dot and\n"
	"                        exponent, as 0.5 or 1e3; at most 1000000/s)\n"
	"  --json                one JSON object (list: an array)\n"
	"\n"
	"exit status: 0 done; 2 usage or invalid input; 3 rm: no such limit;\n"
	"5 database unavailable, or rm gave up waiting (about 10 s) for the limits table.\n";

/* A rate per second as the SQL function takes it: full precision, or -1 for none. */
#define RATE_NONE (-1.0)

/* The limit as `set` prints it: "at most 5 running", "at most 20/s (burst 2)", or both. */
static void print_set(const PGresult *res, const char *scope)
{
	const char *max = rows_get(res, 0, "max_running");
	const char *rate = rows_get(res, 0, "_rate");

	printf("limit %s:", scope);
	if (max != NULL)
		printf(" at most %s running%s", max, rate != NULL ? "," : "");
	if (rate != NULL)
		printf(" at most %s (burst %s)", rate, rows_get(res, 0, "burst"));
	printf("\n");
}

static int set_limit(struct cli *cli, const char *scope, const char *max_running, const char *rate)
{
	const char *p[3] = { scope, max_running, rate };
	PGresult *res;
	int r = CLI_EXIT_OK;

	/* clang-format off */
	if ((r = cmd_query(cli,
			    "SELECT scope, max_running, rate, burst,"
			    " " CMD_RATE_TEXT("rate") " AS _rate"
			    " FROM jobq_cli_limit_set($1, $2::int, $3::numeric)", 3, p, "set limit", &res)) != CLI_EXIT_OK)
		return r;
	/* clang-format on */
	if (cli->json)
		r = cmd_print_json(cli, rows_object(res, 0));
	else
		print_set(res, scope);
	PQclear(res);
	return r;
}

static int rm_limit(struct cli *cli, const char *scope)
{
	const char *p[1] = { scope };
	PGresult *res;
	bool found;
	int r = CLI_EXIT_OK;

	if ((r = cmd_query(cli, "SELECT $1 AS scope, jobq_cli_limit_rm($1) AS removed", 1, p,
			   "remove limit", &res)) != CLI_EXIT_OK)
		return r;
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
	static const char *const head[] = { "SCOPE",  "MAX_RUNNING", "RATE",
					    "TOKENS", "RUNNING",     "HELD" };
	struct rows_table t;
	PGresult *res;
	int r;

	/* The scopes' counts in one pass: the held rows (through the partial indexes of
	 * migration 0029, whose predicate this is) and the running ones (jobs_running_lease)
	 * grouped by (queue, type, key) once, each group counted in its three scopes, then
	 * joined to the limits. Matching each limit against every held row took 69 s with
	 * 1,002 limits and 200,000 held jobs; this takes 0.9 s (bench/limit-list --old). */
	/* clang-format off */
	if ((r = cmd_query(cli,
			    "WITH g AS (SELECT queue, type, concurrency_key, count(*) AS held,"
			    "        0::bigint AS running FROM jobs"
			    "       WHERE published_at IS NULL AND status IN ('scheduled', 'queued')"
			    "        AND publish_after = 'infinity' GROUP BY queue, type, concurrency_key"
			    "       UNION ALL SELECT queue, type, concurrency_key, 0, count(*) FROM jobs"
			    "       WHERE status = 'running' GROUP BY queue, type, concurrency_key),"
			    " c AS (SELECT v.scope, sum(g.held)::bigint AS held,"
			    "        sum(g.running)::bigint AS running"
			    "       FROM g CROSS JOIN LATERAL (VALUES ('queue:' || g.queue),"
			    "        ('type:' || g.type), ('key:' || g.concurrency_key)) v(scope)"
			    "       WHERE v.scope IS NOT NULL GROUP BY v.scope)"
			    "SELECT s.scope, s.max_running, s.rate, "
			    " CASE WHEN s.rate IS NOT NULL THEN jobq_limit_burst(s.rate) END AS burst,"
			    " round(jobq_limit_tokens(s.rate, s.tokens, s.refilled_at,"
			    "  clock_timestamp())::numeric, 2) AS tokens,"
			    " COALESCE(c.running, 0) AS running, COALESCE(c.held, 0) AS held,"
			    " " CMD_RATE_TEXT("s.rate") " AS _rate"
			    " FROM limits s LEFT JOIN c ON c.scope = s.scope ORDER BY s.scope", 0, NULL, "list limits", &res)) != CLI_EXIT_OK)
		return r;
	/* clang-format on */
	if (cli->json) {
		r = cmd_print_json(cli, rows_array(res));

		PQclear(res);
		return r;
	}
	if (rows_table_init(&t, 6, head) != 0) {
		rows_table_free(&t);
		PQclear(res);
		return cli_fail(cli, 1, "out of memory");
	}
	for (int i = 0; i < PQntuples(res); i++) {
		const char *max = rows_get(res, i, "max_running");
		const char *rate = rows_get(res, i, "_rate");
		const char *tokens = rows_get(res, i, "tokens");
		const char *cells[6] = { rows_get(res, i, "scope"),   max != NULL ? max : "-",
					 rate != NULL ? rate : "-",   tokens != NULL ? tokens : "-",
					 rows_get(res, i, "running"), rows_get(res, i, "held") };

		if (rows_table_add(&t, cells) != 0)
			break;
	}
	rows_table_print(&t, stdout);
	rows_table_free(&t);
	PQclear(res);
	return CLI_EXIT_OK;
}

/* --max-running N|none as the SQL function takes it (-1: none); 0 or CLI_EXIT_USAGE. */
static int max_running_arg(struct cli *cli, const char *text, char *out, size_t len)
{
	struct jobq_err err = { 0 };
	int n;

	if (strcmp(text, "none") == 0) {
		snprintf(out, len, "-1");
		return 0;
	}
	if (jobq_parse_max_running(text, &n, &err) != 0)
		return cli_fail(cli, jobq_err_exit_status(err.code), "--max-running: %s", err.msg);
	snprintf(out, len, "%d", n);
	return 0;
}

/* --rate N/s|N/m|none as the SQL function takes it (per second; -1: none); 0 or
 * CLI_EXIT_USAGE. */
static int rate_arg(struct cli *cli, const char *text, char *out, size_t len)
{
	struct jobq_err err = { 0 };
	double per_s = RATE_NONE;

	if (strcmp(text, "none") != 0 && jobq_parse_rate(text, &per_s, &err) != 0)
		return cli_fail(cli, jobq_err_exit_status(err.code), "--rate: %s", err.msg);
	snprintf(out, len, "%.17g", per_s);
	return 0;
}

int cmd_limit(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { "max-running", required_argument, NULL, 'm' },
					      { "rate", required_argument, NULL, 'r' },
					      { NULL, 0, NULL, 0 } };
	char max_buf[24], rate_buf[40];
	const char *max_running = NULL, *rate = NULL, *sub, *scope;
	int c, r;

	while ((c = cli_getopt(cli, argc, argv, "", opts, HELP)) != -1) {
		switch (c) {
		case 'h':
			return CLI_EXIT_OK;
		case 'm':
			if ((r = max_running_arg(cli, optarg, max_buf, sizeof(max_buf))) != 0)
				return r;
			max_running = max_buf;
			break;
		case 'r':
			if ((r = rate_arg(cli, optarg, rate_buf, sizeof(rate_buf))) != 0)
				return r;
			rate = rate_buf;
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
		if (max_running == NULL && rate == NULL)
			return cli_usage(cli, "limit set needs --max-running N or --rate N/s|N/m");
		return set_limit(cli, scope, max_running, rate);
	}
	if (max_running != NULL || rate != NULL)
		return cli_usage(cli, "--%s is for limit set only",
				 max_running != NULL ? "max-running" : "rate");
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
