/* jobq cancel: record the cancel in the database first (the tombstone), then broadcast
 * it on jobq.cancel so the owner stops the job within milliseconds; optionally wait. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "cmd_wait.h"
#include "jobq/broker.h"
#include "jobq/store_jobs.h"

#define MAX_IDS 10000

static const char HELP[] =
	"usage: jobq cancel [--reason TEXT] [--wait [--timeout DUR]] ID...\n"
	"\n"
	"Cancel jobs. A scheduled or queued job is cancelled at once and never starts. For a\n"
	"running job the request is recorded in the database, then broadcast to the workers;\n"
	"its owner stops it (a command handler's process group gets SIGTERM, then SIGKILL\n"
	"after cancel_grace). If the broadcast is lost, the owner sees the request at its next\n"
	"heartbeat. Several ids are cancelled in one statement.\n"
	"\n"
	"options:\n"
	"  --reason TEXT   recorded with the cancel (default: \"cancelled by user\")\n"
	"  --wait          wait until each running job has stopped; print its final state and\n"
	"                  how long the stop took (from the request to the final state)\n"
	"  --timeout DUR   with --wait, give up after DUR (exit 4)\n"
	"  --json          one JSON object per job\n"
	"\n"
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
		printf("%s %s (%s) in %.1f ms\n", id, outcome, state, stop_ms);
	} else {
		printf("%s %s%s%s%s\n", id, outcome, state ? " (" : "", state ? state : "",
		       state ? ")" : "");
	}
	fflush(stdout);
}

/* --wait: how a cancelled running job ended. */
static int on_end(struct cli *cli, const char *id, const struct jobq_job_end *e)
{
	if (e->status == JOBQ_CANCELLED) {
		print_one(cli, id, "stopped", "cancelled", e->stop_ms);
		return CLI_EXIT_OK;
	}
	/* It finished before the cancel took effect: its real outcome stands. */
	print_one(cli, id, "too late: finished", jobq_status_name(e->status), -1);
	return CLI_EXIT_JOB_FAILED;
}

/* Broadcast the requests on b (already connected, or NULL when the broker was not
 * reachable): all published first, then the confirms collected together, so the last job
 * of a batch stops as soon as the first. A lost broadcast only delays the stop to the
 * owner's next heartbeat. */
static void broadcast(struct cli *cli, struct jobq_broker *b, const char *broker_error,
		      const char *const *ids, size_t n, const char *reason)
{
	struct jobq_err err = { 0 };
	char **bodies = calloc(n, sizeof(*bodies));
	size_t done = 0;
	int r = 0;

	if (b == NULL)
		r = jobq_err_set(&err, JOBQ_EBROKER, "%s", broker_error);
	else if (bodies == NULL)
		r = jobq_err_set(&err, JOBQ_ENOMEM, "out of memory");
	for (size_t i = 0; r == 0 && bodies != NULL && i < n; i++) {
		json_t *o = json_pack("{s:s, s:s}", "job_id", ids[i], "reason", reason);

		if ((bodies[i] = json_dumps(o, JSON_COMPACT)) == NULL)
			r = jobq_err_set(&err, JOBQ_ENOMEM, "out of memory");
		json_decref(o);
	}
	while (r == 0 && done < n) {
		size_t chunk = n - done;

		if (chunk > JOBQ_BROKER_CONFIRM_WINDOW)
			chunk = JOBQ_BROKER_CONFIRM_WINDOW;

		r = jobq_broker_publish_raws(b, JOBQ_EXCHANGE_CANCEL, "",
					     (const char *const *)bodies + done, chunk, 5000, &err);
		done += chunk;
	}
	if (r != 0)
		cli_fail(
			cli, 0,
			"warning: broadcast failed (%s); the cancel is recorded and the owner will "
			"stop the job at its next heartbeat (the workers' heartbeat_interval)",
			err.msg);
	for (size_t i = 0; bodies != NULL && i < n; i++)
		free(bodies[i]);
	free(bodies);
}

int cmd_cancel(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "wait", no_argument, NULL, 'w' },
		{ "timeout", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *reason = "cancelled by user";
	const char **ids = NULL, **running = NULL;
	struct jobq_cancel_result *res = NULL;
	struct jobq_broker *broker = NULL;
	struct jobq_err err = { 0 }, berr = { 0 };
	int64_t timeout_ms = 0;
	bool wait = false;
	size_t n = 0, nrun = 0;
	int c, status = CLI_EXIT_USAGE;

	while ((c = cli_getopt(cli, argc, argv, "", opts, HELP)) != -1) {
		switch (c) {
		case 'h':
			return CLI_EXIT_OK;
		case 'r':
			reason = optarg;
			if (strlen(reason) == 0 || strlen(reason) > 1000)
				return cli_usage(cli, "--reason must be 1 to 1000 characters");
			break;
		case 'w':
			wait = true;
			break;
		case 't':
			if (!cli_duration(cli, "--timeout", optarg, &timeout_ms))
				return CLI_EXIT_USAGE;
			break;
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage(cli, "missing job id");
	if (argc - optind > MAX_IDS)
		return cli_usage(cli, "more than %d ids in one call", MAX_IDS);
	if (timeout_ms > 0 && !wait)
		return cli_usage(cli, "--timeout goes with --wait");
	ids = calloc((size_t)(argc - optind), sizeof(*ids));
	running = calloc((size_t)(argc - optind), sizeof(*running));
	res = calloc((size_t)(argc - optind), sizeof(*res));
	if (ids == NULL || running == NULL || res == NULL) {
		status = cli_fail(cli, 1, "out of memory");
		goto out;
	}
	for (int i = optind; i < argc; i++) {
		bool dup = false;

		if (!cli_job_id(cli, argv[i]))
			goto out;
		for (size_t k = 0; k < n; k++)
			dup |= strcasecmp(ids[k], argv[i]) == 0;
		if (!dup)
			ids[n++] = argv[i];
	}
	if (cli_store(cli) == NULL) {
		status = CLI_EXIT_UNAVAILABLE;
		goto out;
	}
	/* Connect to the broker before recording the cancel, so that the broadcast leaves the
	 * moment the cancel commits. A broker that is down is only reported if a broadcast is
	 * needed. */
	{
		struct jobq_broker_opts bopts;

		jobq_broker_opts_from_config(&bopts, &cli->cfg, "jobq-cli cancel");
		if (jobq_broker_connect(&bopts, &broker, &berr) != 0)
			broker = NULL;
	}
	/* Wait registration comes first, so that no end can slip between cancel and wait. */
	if (wait && (status = cli_wait_prepare(cli, ids, n)) != CLI_EXIT_OK)
		goto out;
	if (jobq_store_cancel(cli->store, ids, n, reason, res, &err) != 0) {
		status = cli_fail_err(cli, &err);
		goto out;
	}
	status = CLI_EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		if (!res[i].found) {
			cli_fail(cli, 0, "no job %s", ids[i]);
			status = CLI_EXIT_NOTFOUND;
		} else if (res[i].requested) {
			running[nrun++] = ids[i];
			if (!wait)
				print_one(cli, ids[i], "cancel requested", "running", -1);
		} else if (jobq_status_terminal(res[i].before)) {
			print_one(cli, ids[i], "already finished", jobq_status_name(res[i].before),
				  -1);
			if (status < CLI_EXIT_JOB_FAILED)
				status = CLI_EXIT_JOB_FAILED;
		} else {
			print_one(cli, ids[i], "cancelled",
				  res[i].before == JOBQ_SCHEDULED ? "was scheduled" : "was queued",
				  -1);
		}
	}
	if (nrun > 0)
		broadcast(cli, broker, berr.msg, running, nrun, reason);
	jobq_broker_free(broker);
	broker = NULL;
	if (wait && nrun > 0) {
		int s = cli_wait_jobs(cli, running, nrun, timeout_ms, true, on_end);
		if (s > status)
			status = s;
	} else if (wait) {
		struct jobq_err ignored;
		jobq_ignore(jobq_store_drop_waiters(cli->store, &ignored));
	}
out:
	jobq_broker_free(broker);
	free(ids);
	free(running);
	free(res);
	return status;
}
