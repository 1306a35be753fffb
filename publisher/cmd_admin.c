/* The commands that change jobs on an operator's request: retry (requeue a failed or
 * cancelled job) and prune (delete finished jobs past retention). The statements are the
 * store's (jobq/store_admin.h); this file parses, publishes and prints. */
#include <inttypes.h>
#include <stdio.h>

#include "cli.h"
#include "cmd_bulk.h"
#include "cmd_util.h"
#include "filter_opts.h"
#include "jobq/store_admin.h"

/* ---- retry ---- */

static const char retry_help[] =
	"usage: jobq retry [--json] ID\n"
	"       jobq retry [--json] [--dry-run] (FILTERS... | --all)\n"
	"\n"
	"Requeue a failed or cancelled job as if new: attempt back to 0, its error, result,\n"
	"progress, owner and cancel request cleared, due at once. The job keeps its id, type,\n"
	"queue, payload and history (the retry is a transition in `jobq history`). It is\n"
	"handed to the broker right away (the next node of a URL list if one fails); if no\n"
	"broker node confirms it the job stays saved and a running consumer's relay\n"
	"publishes it later (exit 6).\n"
	"\n"
	"With filters (those of jobq list) instead of an id, every failed or cancelled job\n"
	"they select is requeued so, one short transaction each, their messages published\n"
	"500 at a time; the counts are printed at the end.\n"
	"\n"
	"A job submitted with --after is requeued only when its dependencies succeeded\n"
	"(--after-any: ended); with filters such a job is skipped.\n"
	"\n"
	"options:\n"
	"  --json     print {\"id\": ID, \"status\": \"queued\", \"published\": BOOL}\n"
	"             (with filters: {\"requeued\", \"left_to_relay\", \"skipped\", "
	"\"batches\"})\n" FILTER_HELP BULK_HELP "  -h, --help show this help\n"
	"\n"
	"exit status: 0 requeued and published; 2 invalid id, or the job is not failed or\n"
	"cancelled, or it runs after jobs that have not succeeded; 3 no such job; 5 database\n"
	"unavailable; 6 requeued, but no broker node confirmed it: the relay publishes it.\n";

int cli_requeue(struct cli *cli, const char *id, const char *reason)
{
	struct jobq_store *st;
	struct jobq_err err;
	struct jobq_retried rt;
	struct cli_job_ref ref;
	bool relayed = false;

	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	/* This command publishes the job itself; the relay steps in only after its grace, if
	 * this process dies first. */
	if (jobq_store_retry(st, id, cli->cfg.relay_grace_ms, reason, &rt, &err) != 0)
		return cli_fail_err(cli, &err);
	if (!rt.found)
		return cli_fail(cli, CLI_EXIT_NOTFOUND, "no job %s", id);
	if (!rt.requeued) {
		if (rt.blocked)
			return cli_fail(
				cli, CLI_EXIT_USAGE,
				"job %s runs after jobs that have not succeeded (or, for "
				"--after-any, not ended): retry them first (jobq status %s)",
				id, id);
		if (rt.before == JOBQ_FAILED || rt.before == JOBQ_CANCELLED)
			/* Another session changed the row while the retry waited on it. */
			return cli_fail(cli, CLI_EXIT_USAGE,
					"job %s changed state during the retry; check it and retry "
					"again",
					id);
		return cli_fail(cli, CLI_EXIT_USAGE,
				"job %s is %s; only failed or cancelled jobs can be requeued", id,
				jobq_status_name(rt.before));
	}

	/* The row is committed as queued and unpublished: if this publish fails, the relay
	 * publishes it (cli_publish printed the warning; the exit status says so). */
	ref = (struct cli_job_ref){ .id = rt.env.job_id,
				    .queue = rt.env.queue,
				    .type = rt.env.type,
				    .token = rt.token,
				    .priority = rt.env.priority,
				    .keyed = rt.env.keyed };
	relayed = cli_publish(cli, &ref, 1) != 0;

	if (cli->json) {
		int r = cmd_print_json(cli, json_pack("{s:s, s:s, s:b}", "id", ref.id, "status",
						      "queued", "published", !relayed));

		return r == CLI_EXIT_OK && relayed ? CLI_EXIT_RELAYED : r;
	}
	printf("requeued %s\n", ref.id);
	return relayed ? CLI_EXIT_RELAYED : CLI_EXIT_OK;
}

int cmd_retry(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { FILTER_OPTIONS, BULK_OPTIONS, { NULL, 0, NULL, 0 } };
	struct jobq_job_filter f = { 0 };
	struct bulk_opts bulk = { 0 };
	const char *id;
	int c, r = CLI_EXIT_USAGE;

	while ((c = cli_getopt(cli, argc, argv, "", opts, retry_help)) != -1) {
		if (filter_opt(cli, c, optarg, &f, &r)) {
			if (r != 0)
				goto out;
			continue;
		}
		if (c == BULK_OPT_ALL || c == BULK_OPT_DRY_RUN) {
			*(c == BULK_OPT_ALL ? &bulk.all : &bulk.dry_run) = true;
			continue;
		}
		r = c == 'h' ? CLI_EXIT_OK : CLI_EXIT_USAGE;
		goto out;
	}
	if (bulk_wanted(&f, &bulk)) {
		r = optind < argc ? cli_usage(cli, "give a job id or filters, not both")
				  : bulk_retry(cli, &f, &bulk);
		goto out;
	}
	jobq_job_filter_free(&f);
	if ((id = cmd_job_id_arg(cli, argc, argv)) == NULL)
		return CLI_EXIT_USAGE;
	return cli_requeue(cli, id, "retry requested");
out:
	jobq_job_filter_free(&f);
	return r;
}

/* ---- prune ---- */

static const char prune_help[] =
	"usage: jobq prune --older-than DUR [--dry-run] [--json]\n"
	"\n"
	"Delete finished jobs (succeeded, failed, cancelled) that finished more than DUR ago,\n"
	"with their history, in batches of 1000 so no transaction stays open long. Also\n"
	"deletes workers that stopped before the same cutoff, and wait registrations older\n"
	"than a day whose session is gone, the turns of concurrency keys idle for a day (no\n"
	"job scheduled or queued, none released within the day and the retention), and\n"
	"fired schedule slots older than a day and the retention that guard no future fire\n"
	"(each schedule keeps its latest). Jobs that are not finished are never touched.\n"
	"\n"
	"options:\n"
	"  --older-than DUR  retention, required: 30d, 12h, 90m, ... (more than 0)\n"
	"  --dry-run         count what would be deleted, delete nothing\n"
	"  --json            print {\"deleted\": N, \"workers\": N, \"waiters\": N,\n"
	"                    \"key_turns\": N, \"schedule_slots\": N}\n"
	"  -h, --help        show this help\n"
	"\n"
	"exit status: 0 done; 2 missing or invalid option; 5 database unavailable.\n";

int cmd_prune(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "older-than", required_argument, NULL, 'o' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct jobq_pruned n;
	int64_t older_ms = -1;
	bool dry_run = false;
	struct jobq_store *st;
	struct jobq_err err;
	int c, r;

	while ((c = cli_getopt(cli, argc, argv, "", opts, prune_help)) != -1) {
		switch (c) {
		case 'o':
			if (!cli_duration(cli, "--older-than", optarg, &older_ms))
				return CLI_EXIT_USAGE;
			if (older_ms <= 0)
				return cli_usage(cli, "--older-than must be greater than 0");
			break;
		case 'n':
			dry_run = true;
			break;
		case 'h':
			return CLI_EXIT_OK;
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if ((r = cmd_no_args(cli, argc, argv)) != 0)
		return r;
	if (older_ms < 0)
		return cli_usage(cli, "--older-than DUR is required");
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_prune(st, older_ms, dry_run, &n, &err) != 0) {
		/* Batches already deleted stay deleted; say how far it got. */
		if (!dry_run && n.jobs > 0)
			fprintf(stderr, "jobq %s: deleted %" PRId64 " jobs before the error\n",
				cli->command, n.jobs);
		return cli_fail_err(cli, &err);
	}
	if (cli->json)
		return cmd_print_json(
			cli, json_pack("{s:I, s:I, s:I, s:I, s:I}", "deleted", (json_int_t)n.jobs,
				       "workers", (json_int_t)n.workers, "waiters",
				       (json_int_t)n.waiters, "key_turns", (json_int_t)n.turns,
				       "schedule_slots", (json_int_t)n.slots));
	printf("%s %" PRId64 " jobs finished before %s, %" PRId64 " stopped workers, "
	       "%" PRId64 " stale wait registrations, %" PRId64 " idle key turns, %" PRId64
	       " old schedule slots\n",
	       dry_run ? "would delete" : "deleted", n.jobs, n.cutoff, n.workers, n.waiters,
	       n.turns, n.slots);
	return CLI_EXIT_OK;
}
