/* jobq wait (through libjobq), and the wait shared with submit --wait and cancel --wait:
 * LISTEN/NOTIFY until jobs end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_wait.h"
#include "rows.h"
#include "jobq/duration.h"

static const char HELP[] =
	"usage: jobq wait [--timeout DUR] [--json] ID\n"
	"\n"
	"Wait until the job ends (LISTEN/NOTIFY, no polling) and print how: the result for\n"
	"a job that succeeded, the error for one that failed, the reason for a cancel.\n"
	"\n"
	"options:\n"
	"  --timeout DUR  give up after DUR (e.g. 30s, 5m); default: wait for ever\n"
	"  --json         print {\"id\",\"status\",\"attempt\",\"result\",\"error\"}\n"
	"\n"
	"exit status: 0 succeeded; 1 failed or cancelled; 2 usage; 3 no such job;\n"
	"4 timed out; 5 database unavailable.\n";

void cli_print_end(struct cli *cli, const char *id, const struct jobq_job_info *e)
{
	char *safe = NULL;

	if (cli->json) {
		json_t *o = json_object();
		json_t *res =
			e->result != NULL ? rows_json_text(e->result, strlen(e->result)) : NULL;

		json_object_set_new(o, "id", json_string(id));
		json_object_set_new(o, "status", json_string(jobq_job_state_name(e->state)));
		json_object_set_new(o, "attempt", json_integer(e->attempt));
		json_object_set_new(o, "result", res != NULL ? res : json_null());
		json_object_set_new(o, "error",
				    e->error != NULL ? json_string(e->error) : json_null());
		if (e->cancel_requested)
			json_object_set_new(o, "cancel_reason",
					    e->cancel_reason != NULL ? json_string(e->cancel_reason)
								     : json_null());
		cli_print_json(o);
		return;
	}
	/* What the job, its handler or a user wrote is shown escaped, never obeyed by the
	 * terminal (rows_escape); a JSON result stays JSON of the same value. */
	switch (e->state) {
	case JOBQ_JOB_SUCCEEDED:
		safe = rows_escape(e->result != NULL ? e->result : "null", true);
		puts(safe != NULL ? safe : "(out of memory)");
		break;
	case JOBQ_JOB_FAILED:
		safe = rows_escape(e->error != NULL ? e->error : "", true);
		printf("failed after attempt %d: %s\n", e->attempt, safe != NULL ? safe : "");
		break;
	case JOBQ_JOB_CANCELLED:
		safe = e->cancel_reason != NULL ? rows_escape(e->cancel_reason, true) : NULL;
		printf("cancelled%s%s\n", safe != NULL ? ": " : "", safe != NULL ? safe : "");
		break;
	default:
		printf("%s\n", jobq_job_state_name(e->state));
		break;
	}
	free(safe);
	fflush(stdout);
}

int cli_end_default(struct cli *cli, const char *id, const struct jobq_job_info *e)
{
	cli_print_end(cli, id, e);
	return e->state == JOBQ_JOB_SUCCEEDED ? CLI_EXIT_OK : CLI_EXIT_JOB_FAILED;
}

/* jobq_client_wait_many's callback: the CLI's on_end for each job as it ends. */
struct wait_ctx {
	struct cli *cli;
	const char *const *ids;
	cli_end_fn on_end;
	int status; /* the highest on_end returned */
	size_t ended;
};

static void ended(void *arg, size_t i, const struct jobq_job_info *info)
{
	struct wait_ctx *w = arg;
	int s = w->on_end(w->cli, w->ids[i], info);

	if (s > w->status)
		w->status = s;
	w->ended++;
}

int cli_wait_jobs(struct cli *cli, const char *const *ids, size_t n, int64_t timeout_ms,
		  cli_end_fn on_end)
{
	struct wait_ctx w = { .cli = cli,
			      .ids = ids,
			      .on_end = on_end != NULL ? on_end : cli_end_default };
	jobq_client *client;
	int status, r;

	if ((client = cli_client(cli, &status)) == NULL)
		return status;
	r = jobq_client_wait_many(client, ids, n, timeout_ms > 0 ? timeout_ms : -1, ended, &w,
				  NULL);
	if (r == JOBQ_CLIENT_ETIMEDOUT) {
		char d[32];

		return cli_fail(cli, CLI_EXIT_TIMEOUT,
				"timed out after %s waiting for %zu job(s)%s%s",
				jobq_duration_format(timeout_ms, d, sizeof(d)), n - w.ended,
				n == 1 ? ": " : "", n == 1 ? ids[0] : "");
	}
	if (r != JOBQ_CLIENT_OK)
		return cli_fail(cli, jobq_err_exit_status(r), "%s", jobq_client_errmsg(client));
	return w.status;
}

int cmd_wait(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { "timeout", required_argument, NULL, 't' },
					      { NULL, 0, NULL, 0 } };
	int64_t timeout_ms = 0;
	int c;

	while ((c = cli_getopt(cli, argc, argv, "", opts, HELP)) != -1) {
		switch (c) {
		case 'h':
			return CLI_EXIT_OK;
		case 't':
			if (!cli_duration(cli, "--timeout", optarg, &timeout_ms))
				return CLI_EXIT_USAGE;
			break;
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if (optind != argc - 1)
		return cli_usage(cli, optind >= argc ? "missing job id" : "expected one job id");
	if (!cli_job_id(cli, argv[optind]))
		return CLI_EXIT_USAGE;
	{
		const char *ids[1] = { argv[optind] };

		return cli_wait_jobs(cli, ids, 1, timeout_ms, NULL);
	}
}
