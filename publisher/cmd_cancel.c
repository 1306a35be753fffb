/* jobq cancel, through libjobq: record the cancel in the database first (the tombstone),
 * then broadcast it on jobq.cancel so the owner stops the job within milliseconds;
 * optionally wait. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "cmd_bulk.h"
#include "filter_opts.h"
#include "cmd_wait.h"
#include "jobq/id_index.h"
#include "jobq/job.h"

#define MAX_IDS 10000

static const char HELP[] =
	"usage: jobq cancel [--reason TEXT] [--wait [--timeout DUR]] ID...\n"
	"       jobq cancel [--reason TEXT] [--dry-run] (FILTERS... | --all)\n"
	"\n"
	"Cancel jobs. A waiting, scheduled or queued job is cancelled at once and never starts\n"
	"(and so are the jobs waiting on it through --after). For a running job the request\n"
	"is recorded in the database, then broadcast to the workers; its owner stops it (a\n"
	"command handler's process group gets SIGTERM, then SIGKILL after cancel_grace). If\n"
	"the broadcast is lost, the owner sees the request at its next heartbeat. Several\n"
	"ids are cancelled in one statement.\n"
	"\n"
	"With filters (those of jobq list) instead of ids, every waiting, scheduled, queued or\n"
	"running job they select is cancelled, 500 per statement (each its own short\n"
	"transaction), running ones through the broadcast as above; the counts are printed at\n"
	"the end.\n"
	"\n"
	"options:\n"
	"  --reason TEXT   recorded with the cancel (default: \"cancelled by user\")\n"
	"  --wait          wait until each running job has stopped; print its final state and\n"
	"                  how long the stop took (from the request to the final state)\n"
	"  --timeout DUR   with --wait, give up after DUR (exit 4)\n"
	"  --json          one JSON object per job (with filters: one object of "
	"counts)\n" FILTER_HELP BULK_HELP "\n"
	"exit status: 0 cancelled (or, without --wait, cancel requested); 1 a job had already\n"
	"finished, or finished before the cancel took effect (\"too late\"); 2 usage; 3 no such\n"
	"job; 4 timed out waiting; 5 database unavailable.\n";

static void print_one(struct cli *cli, const char *id, const char *outcome, const char *state,
		      double stop_ms)
{
	if (cli->json) {
		json_t *o = json_object();

		json_object_set_new(o, "id", json_string(id));
		json_object_set_new(o, "outcome", json_string(outcome));
		/* JSON carries states only: "was queued" is the text form of a cancel at once. */
		if (state != NULL && strncmp(state, "was ", 4) == 0) {
			json_object_set_new(o, "status", json_string("cancelled"));
			json_object_set_new(o, "was", json_string(state + 4));
		} else {
			json_object_set_new(o, "status", state ? json_string(state) : json_null());
		}
		if (stop_ms >= 0)
			json_object_set_new(o, "stop_ms", json_real(stop_ms));
		cli_print_json(o);
	} else if (stop_ms >= 0) {
		/* Half-up to 0.1 ms as the database rounds: stop_ms has microsecond resolution,
		 * and 22.45 held as 22.4499… must print 22.5, not 22.4. */
		long long tenths = (long long)(stop_ms * 10 + 0.5 + 1e-6);

		printf("%s %s (%s) in %lld.%lld ms\n", id, outcome, state, tenths / 10,
		       tenths % 10);
	} else {
		printf("%s %s%s%s%s\n", id, outcome, state ? " (" : "", state ? state : "",
		       state ? ")" : "");
	}
	fflush(stdout);
}

/* --wait: how a cancelled running job ended. */
static int on_end(struct cli *cli, const char *id, const struct jobq_job_info *e)
{
	if (e->state == JOBQ_JOB_CANCELLED) {
		print_one(cli, id, "stopped", "cancelled", e->stop_ms);
		return CLI_EXIT_OK;
	}
	/* It finished before the cancel took effect: its real outcome stands. */
	print_one(cli, id, "too late: finished", jobq_job_state_name(e->state), -1);
	return CLI_EXIT_JOB_FAILED;
}

int cmd_cancel(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "wait", no_argument, NULL, 'w' },
		{ "timeout", required_argument, NULL, 't' },
		FILTER_OPTIONS,
		BULK_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	struct jobq_job_filter filter = { 0 };
	struct bulk_opts bulk = { 0 };
	const char *reason = "cancelled by user";
	const char **ids = NULL, **running = NULL;
	struct jobq_cancel_result *res = NULL;
	jobq_client *client;
	char warning[JOBQ_CLIENT_ERRMSG_SIZE];
	int64_t timeout_ms = 0;
	bool wait = false;
	size_t n = 0, nrun = 0;
	int c, r, status = CLI_EXIT_USAGE;

	while ((c = cli_getopt(cli, argc, argv, "", opts, HELP)) != -1) {
		if (filter_opt(cli, c, optarg, &filter, &r)) {
			if (r != 0)
				goto out;
			continue;
		}
		switch (c) {
		case 'h':
			status = CLI_EXIT_OK;
			goto out;
		case BULK_OPT_ALL:
			bulk.all = true;
			break;
		case BULK_OPT_DRY_RUN:
			bulk.dry_run = true;
			break;
		case 'r':
			reason = optarg;
			if (strlen(reason) == 0 || strlen(reason) > 1000) {
				status = cli_usage(cli, "--reason must be 1 to 1000 characters");
				goto out;
			}
			break;
		case 'w':
			wait = true;
			break;
		case 't':
			if (!cli_duration(cli, "--timeout", optarg, &timeout_ms))
				goto out;
			break;
		default:
			goto out;
		}
	}
	if (bulk_wanted(&filter, &bulk)) {
		if (optind < argc)
			status = cli_usage(cli, "give job ids or filters, not both");
		else if (wait)
			status = cli_usage(cli, "--wait takes job ids, not filters");
		else if (timeout_ms > 0)
			status = cli_usage(cli, "--timeout goes with --wait, which takes job ids, "
						"not filters");
		else
			status = bulk_cancel(cli, &filter,
					     &(struct bulk_opts){ .all = bulk.all,
								  .dry_run = bulk.dry_run,
								  .reason = reason });
		goto out;
	}
	if (optind >= argc) {
		status = cli_usage(cli, "missing job id (or filters: see --help)");
		goto out;
	}
	if (argc - optind > MAX_IDS) {
		status = cli_usage(cli, "more than %d ids in one call", MAX_IDS);
		goto out;
	}
	if (timeout_ms > 0 && !wait) {
		status = cli_usage(cli, "--timeout goes with --wait");
		goto out;
	}
	ids = calloc((size_t)(argc - optind), sizeof(*ids));
	running = calloc((size_t)(argc - optind), sizeof(*running));
	res = calloc((size_t)(argc - optind), sizeof(*res));
	if (ids == NULL || running == NULL || res == NULL) {
		status = cli_fail(cli, 1, "out of memory");
		goto out;
	}
	for (int i = optind; i < argc; i++)
		if (!cli_job_id(cli, argv[i]))
			goto out;
	/* Each id once, in the order given (up to 10,000: by the id index, not pairwise). */
	{
		size_t nargs = (size_t)(argc - optind);
		struct jobq_id_ref *refs = malloc(nargs * sizeof(*refs));
		bool *later = calloc(nargs, sizeof(*later));

		if (refs == NULL || later == NULL) {
			free(refs);
			free(later);
			status = cli_fail(cli, 1, "out of memory");
			goto out;
		}
		jobq_id_refs_build(refs, (const char *const *)argv + optind, nargs);
		for (size_t k = 1; k < nargs; k++) /* ties keep the order given: first is kept */
			later[refs[k].idx] = strcasecmp(refs[k].id, refs[k - 1].id) == 0;
		for (size_t i = 0; i < nargs; i++)
			if (!later[i])
				ids[n++] = argv[optind + (int)i];
		free(refs);
		free(later);
	}
	/* Through libjobq: one statement records every cancel, then the stops of the running
	 * ones are broadcast together, so the last job of a batch stops as soon as the first. A
	 * lost broadcast only delays a stop to the owner's next heartbeat. */
	if ((client = cli_client(cli, &status)) == NULL)
		goto out;
	if ((r = jobq_client_cancel_many(client, ids, n, reason, res)) != JOBQ_CLIENT_OK) {
		status = cli_fail(cli, jobq_err_exit_status(r), "%s", jobq_client_errmsg(client));
		goto out;
	}
	snprintf(warning, sizeof(warning), "%s", jobq_client_errmsg(client));
	status = CLI_EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		if (!res[i].found) {
			cli_fail(cli, 0, "no job %s", ids[i]);
			status = CLI_EXIT_NOTFOUND;
		} else if (res[i].requested) {
			running[nrun++] = ids[i];
			if (!wait)
				print_one(cli, ids[i], "cancel requested", "running", -1);
		} else if (jobq_status_terminal((enum jobq_status)res[i].was)) {
			print_one(cli, ids[i], "already finished", jobq_job_state_name(res[i].was),
				  -1);
			if (status < CLI_EXIT_JOB_FAILED)
				status = CLI_EXIT_JOB_FAILED;
		} else {
			char was[32];

			snprintf(was, sizeof(was), "was %s", jobq_job_state_name(res[i].was));
			print_one(cli, ids[i], "cancelled", was, -1);
		}
	}
	if (warning[0] != '\0') /* a broadcast failed */
		cli_fail(cli, 0, "%s", warning);
	/* The wait reads each job before it registers for its end and reads it again after:
	 * no end can slip between the cancel and the wait. */
	if (wait && nrun > 0) {
		int s = cli_wait_jobs(cli, running, nrun, timeout_ms, on_end);

		if (s > status)
			status = s;
	}
out:
	jobq_job_filter_free(&filter);
	free(ids);
	free(running);
	free(res);
	return status;
}
