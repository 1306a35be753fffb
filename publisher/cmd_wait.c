/* jobq wait (through libjobq), and the wait shared with submit --wait and cancel --wait:
 * LISTEN/NOTIFY until jobs end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jobq/clock.h"
#include "cli.h"
#include "cmd_wait.h"
#include "rows.h"
#include "jobq/duration.h"
#include "jobq/ids.h"
#include "jobq/store_jobs.h"

/* How long `jobq wait` trusts the notification alone before it reads the jobs again. */
#define WAIT_RECHECK_MS 30000

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

void cli_print_end(struct cli *cli, const char *id, const struct jobq_job_end *e)
{
	char *safe = NULL;

	if (cli->json) {
		json_t *o = json_object();
		json_t *res =
			e->result != NULL ? json_loads(e->result, JSON_DECODE_ANY, NULL) : NULL;

		json_object_set_new(o, "id", json_string(id));
		json_object_set_new(o, "status", json_string(jobq_status_name(e->status)));
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
	switch (e->status) {
	case JOBQ_SUCCEEDED:
		safe = rows_escape(e->result != NULL ? e->result : "null", true);
		puts(safe != NULL ? safe : "(out of memory)");
		break;
	case JOBQ_FAILED:
		safe = rows_escape(e->error != NULL ? e->error : "", true);
		printf("failed after attempt %d: %s\n", e->attempt, safe != NULL ? safe : "");
		break;
	case JOBQ_CANCELLED:
		safe = e->cancel_reason != NULL ? rows_escape(e->cancel_reason, true) : NULL;
		printf("cancelled%s%s\n", safe != NULL ? ": " : "", safe != NULL ? safe : "");
		break;
	default:
		printf("%s\n", jobq_status_name(e->status));
		break;
	}
	free(safe);
	fflush(stdout);
}

int cli_end_default(struct cli *cli, const char *id, const struct jobq_job_end *e)
{
	cli_print_end(cli, id, e);
	return e->status == JOBQ_SUCCEEDED ? CLI_EXIT_OK : CLI_EXIT_JOB_FAILED;
}

int cli_wait_prepare(struct cli *cli, const char *const *ids, size_t n)
{
	struct jobq_store *st = cli_store(cli);
	struct jobq_err err = { 0 };

	if (st == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_listen(st, &err) != 0)
		return cli_fail_err(cli, &err);
	for (size_t i = 0; i < n; i++)
		if (jobq_store_add_waiter(st, ids[i], &err) != 0)
			return cli_fail_err(cli, &err);
	return CLI_EXIT_OK;
}

int cli_wait_jobs(struct cli *cli, const char *const *ids, size_t n, int64_t timeout_ms,
		  bool listening, cli_end_fn on_end)
{
	struct jobq_store *st = cli_store(cli);
	bool *done = calloc(n ? n : 1, sizeof(*done));
	int64_t deadline = timeout_ms > 0 ? jobq_monotonic_ms() + timeout_ms : INT64_MAX;
	struct jobq_err err = { 0 };
	size_t left = n;
	int status = CLI_EXIT_OK, r = 0;

	if (st == NULL) {
		free(done);
		return CLI_EXIT_UNAVAILABLE;
	}
	if (done == NULL) {
		free(done);
		return cli_fail(cli, 1, "out of memory");
	}
	/* Listen and register before reading the state: a job that ends after the read is
	 * then sure to notify us, and one that ended before is seen by the read. */
	if (on_end == NULL)
		on_end = cli_end_default;
	if (!listening && (status = cli_wait_prepare(cli, ids, n)) != CLI_EXIT_OK) {
		free(done);
		return status;
	}
	char woke[JOBQ_ID_BUF] = "";

	for (bool recheck_all = true;;) {
		for (size_t i = 0; i < n; i++) {
			struct jobq_job_end e;

			if (done[i] || (!recheck_all && strcmp(woke, ids[i]) != 0))
				continue;
			if ((r = jobq_store_job_end(st, ids[i], &e, &err)) != 0)
				goto out;
			if (jobq_status_terminal(e.status)) {
				int s = on_end(cli, ids[i], &e);

				done[i] = true;
				left--;
				if (s > status)
					status = s;
			}
			jobq_job_end_release(&e);
		}
		if (left == 0)
			break;
		/* Re-read every 30 s even without a notification: a safety net should one be
		 * lost (a waiter row deleted, a NOTIFY dropped with its connection). */
		int64_t wait =
			deadline == INT64_MAX ? WAIT_RECHECK_MS : deadline - jobq_monotonic_ms();
		if (wait <= 0) {
			char d[32];
			r = jobq_err_set(&err, JOBQ_ETIMEDOUT,
					 "timed out after %s waiting for %zu job(s)%s%s",
					 jobq_duration_format(timeout_ms, d, sizeof(d)), left,
					 n == 1 ? ": " : "", n == 1 ? ids[0] : "");
			goto out;
		}
		if ((r = jobq_store_wait_notify(st, wait < WAIT_RECHECK_MS ? wait : WAIT_RECHECK_MS,
						woke, &err)) < 0)
			goto out;
		r = 0;
		recheck_all = woke[0] == '\0';
	}
out:
	if (jobq_store_ok(st)) {
		struct jobq_err ignored;
		jobq_ignore(jobq_store_drop_waiters(st, &ignored));
	}
	free(done);
	if (r != 0)
		return cli_fail_err(cli, &err);
	return status;
}

/* jobq wait ID, through libjobq (jobq_client_wait: registered before it reads, woken by
 * the job's notification). timeout_ms 0: no limit. */
static int wait_one(struct cli *cli, const char *id, int64_t timeout_ms)
{
	struct jobq_job_info info = { 0 };
	jobq_client *client;
	int status, r;

	if ((client = cli_client(cli, &status)) == NULL)
		return status;
	r = jobq_client_wait(client, id, timeout_ms > 0 ? timeout_ms : -1, &info);
	if (r == JOBQ_CLIENT_OK) {
		struct jobq_job_end e = { .status = (enum jobq_status)info.state,
					  .attempt = info.attempt,
					  .result = info.result,
					  .error = info.error,
					  .cancel_reason = info.cancel_reason,
					  .cancel_requested = info.cancel_requested,
					  .stop_ms = -1 };

		status = cli_end_default(cli, id, &e);
	} else if (r == JOBQ_CLIENT_ETIMEDOUT) {
		char d[32];

		status = cli_fail(cli, CLI_EXIT_TIMEOUT,
				  "timed out after %s waiting for 1 job(s): %s",
				  jobq_duration_format(timeout_ms, d, sizeof(d)), id);
	} else {
		status = cli_fail(cli, jobq_err_exit_status(r), "%s", jobq_client_errmsg(client));
	}
	jobq_job_info_free(&info);
	return status;
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
	return wait_one(cli, argv[optind], timeout_ms);
}
