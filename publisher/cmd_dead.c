/* jobq dead: inspect the messages the broker dead-lettered (recorded by the consumers in
 * dead_letters) and replay their jobs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_util.h"
#include "jobq/parse.h"
#include "rows.h"

static const char HELP[] =
	"usage: jobq dead list [--limit N] [--json]\n"
	"       jobq dead requeue JOB_ID\n"
	"\n"
	"Messages the broker dead-lettered to jobq.dead (malformed bodies, messages naming no\n"
	"job, messages past the queue's delivery limit) are recorded by the consumers, and a\n"
	"job still waiting behind one is marked failed, so the database stays the truth.\n"
	"\n"
	"  list            newest first: when, reason, queue, job and its state, body size,\n"
	"                  and what jobq made of it\n"
	"  requeue JOB_ID  requeue the failed job behind a dead letter (as `jobq retry`)\n"
	"\n"
	"options:\n"
	"  --limit N   at most N rows (1-10000, default 50)\n"
	"  --json      a JSON array; the kept body (first 64 KiB) is base64 in body_b64\n"
	"\n"
	"exit status: 0 done; 2 usage, or the job is not failed or cancelled; 3 no dead letter\n"
	"for that job; 5 database unavailable; 6 requeued, but no broker node confirmed it: the\n"
	"relay publishes it.\n";

static int list(struct cli *cli, int64_t limit)
{
	char lim[24];
	const char *p[1] = { lim };
	PGresult *res;
	int r = CLI_EXIT_OK;

	snprintf(lim, sizeof(lim), "%lld", (long long)limit);
	/* clang-format off */
	if ((r = cmd_query(cli,
			    "SELECT d.id, " ROWS_TS("d.at", "at") ", d.reason, d.queue, d.job_id,"
			    " j.status AS job_status, d.detail, d.body_bytes, d.message_id,"
			    " translate(encode(d.body, 'base64'), E'\\n', '') AS body_b64"
			    " FROM dead_letters d LEFT JOIN jobs j ON j.id = d.job_id"
			    " ORDER BY d.id DESC LIMIT $1::int", 1, p, "list dead letters", &res)) != CLI_EXIT_OK)
		return r;
	/* clang-format on */
	if (cli->json) {
		r = cmd_print_json(cli, rows_array(res));
	} else {
		static const char *const head[] = { "ID",  "AT",        "REASON", "QUEUE",
						    "JOB", "JOB STATE", "BYTES",  "DETAIL" };
		struct rows_table t;

		if (rows_table_init(&t, 8, head) != 0) {
			rows_table_free(&t);
			PQclear(res);
			return cli_fail(cli, 1, "out of memory");
		}
		for (int i = 0; i < PQntuples(res); i++) {
			const char *cells[8] = {
				rows_get(res, i, "id"),         rows_get(res, i, "at"),
				rows_get(res, i, "reason"),     rows_get(res, i, "queue"),
				rows_get(res, i, "job_id"),     rows_get(res, i, "job_status"),
				rows_get(res, i, "body_bytes"), rows_get(res, i, "detail")
			};
			if (rows_table_add(&t, cells) != 0)
				break;
		}
		rows_table_print(&t, stdout);
		rows_table_free(&t);
	}
	PQclear(res);
	return r;
}

static int requeue(struct cli *cli, const char *id)
{
	const char *p[1] = { id };
	PGresult *res;
	bool known;
	int r;

	if ((r = cmd_query(cli, "SELECT EXISTS (SELECT 1 FROM dead_letters WHERE job_id = $1)", 1,
			   p, "find dead letter", &res)) != CLI_EXIT_OK)
		return r;
	known = PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	if (!known)
		return cli_fail(cli, CLI_EXIT_NOTFOUND, "no dead letter for job %s", id);
	return cli_requeue(cli, id, "requeued from dead letters");
}

int cmd_dead(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { "limit", required_argument, NULL, 'l' },
					      { NULL, 0, NULL, 0 } };
	int64_t limit = 50;
	const char *sub;
	int c;

	while ((c = cli_getopt(cli, argc, argv, "", opts, HELP)) != -1) {
		switch (c) {
		case 'h':
			return CLI_EXIT_OK;
		case 'l':
			if (!cli_int(cli, "--limit", optarg, 1, 10000, &limit))
				return CLI_EXIT_USAGE;
			break;
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage(cli, "missing sub-command: list or requeue");
	sub = argv[optind];
	if (strcmp(sub, "list") == 0) {
		if (optind + 1 < argc)
			return cli_usage(cli, "unexpected argument '%s'", argv[optind + 1]);
		return list(cli, limit);
	}
	if (strcmp(sub, "requeue") == 0) {
		if (optind + 2 != argc)
			return cli_usage(cli, "dead requeue takes one job id");
		if (!cli_job_id(cli, argv[optind + 1]))
			return CLI_EXIT_USAGE;
		return requeue(cli, argv[optind + 1]);
	}
	return cli_usage(cli, "unknown sub-command '%s' (list or requeue)", sub);
}
