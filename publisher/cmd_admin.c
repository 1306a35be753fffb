/* The commands that change jobs on an operator's request: retry (requeue a failed or
 * cancelled job) and prune (delete finished jobs past retention). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_util.h"
#include "rows.h"

/* ---- retry ---- */

static const char retry_help[] =
	"usage: jobq retry [--json] ID\n"
	"\n"
	"Requeue a failed or cancelled job as if new: attempt back to 0, its error, result,\n"
	"progress, owner and cancel request cleared, due at once. The job keeps its id, type,\n"
	"queue, payload and history (the retry is a transition in `jobq history`). It is\n"
	"handed to the broker right away (the next node of a URL list if one fails); if no\n"
	"broker node confirms it the job stays saved and a running consumer's relay\n"
	"publishes it later (exit 6).\n"
	"\n"
	"options:\n"
	"  --json     print {\"id\": ID, \"status\": \"queued\", \"published\": BOOL}\n"
	"  -h, --help show this help\n"
	"\n"
	"exit status: 0 requeued and published; 2 invalid id, or the job is not failed or\n"
	"cancelled; 3 no such job; 5 database unavailable; 6 requeued, but no broker node\n"
	"confirmed it: the relay publishes it.\n";

/* jobq_cli_retry (migrations 0008, 0010) requeues only a failed or cancelled job and returns
 * the row's status as it found it, with the requeued id, queue, type and new lease token:
 * no row is an unknown id, a NULL id a job in another state. The attempt count starts
 * again, the lease token goes up, so no write of an execution from before the retry passes
 * the fence of one after it, and the mark of this publish names the new token. */
static const char retry_sql[] =
	"SELECT status, id, queue, type, lease_token"
	" FROM jobq_cli_retry($1::uuid, $2::bigint, $3)";

int cli_requeue(struct cli *cli, const char *id, const char *reason)
{
	struct jobq_store *st;
	struct jobq_err err;
	struct cli_job_ref ref;
	bool relayed = false;
	PGresult *res = NULL;
	const char *status;
	int r;

	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	{
		/* This command publishes the job itself; the relay steps in only after its
		 * grace, if this process dies first. */
		char grace[24];
		const char *params[3] = { id, grace, reason };

		snprintf(grace, sizeof(grace), "%lld", (long long)cli->cfg.relay_grace_ms);
		if (jobq_store_exec(st, NULL, retry_sql, 3, params, &res, "requeueing the job",
				    &err) != 0)
			return cli_fail_err(cli, &err);
	}
	if (PQntuples(res) == 0) {
		r = cli_fail(cli, CLI_EXIT_NOTFOUND, "no job %s", id);
		goto out;
	}
	status = rows_get(res, 0, "status");
	if (rows_get(res, 0, "id") == NULL) {
		if (strcmp(status, "failed") == 0 || strcmp(status, "cancelled") == 0)
			/* Another session changed the row while this statement waited on it. */
			r = cli_fail(cli, CLI_EXIT_USAGE,
				     "job %s changed state during the retry; check it and retry "
				     "again", id);
		else
			r = cli_fail(cli, CLI_EXIT_USAGE,
				     "job %s is %s; only failed or cancelled jobs can be requeued",
				     id, status);
		goto out;
	}

	/* The row is committed as queued and unpublished: if this publish fails, the relay
	 * publishes it (cli_publish printed the warning; the exit status says so). */
	ref.id = rows_get(res, 0, "id");
	ref.queue = rows_get(res, 0, "queue");
	ref.type = rows_get(res, 0, "type");
	ref.token = strtoll(rows_get(res, 0, "lease_token"), NULL, 10);
	relayed = cli_publish(cli, &ref, 1) != 0;

	if (cli->json) {
		r = cmd_print_json(cli, json_pack("{s:s, s:s, s:b}", "id", ref.id, "status", "queued",
						  "published", !relayed));
	} else {
		printf("requeued %s\n", ref.id);
		r = CLI_EXIT_OK;
	}
	if (r == CLI_EXIT_OK && relayed)
		r = CLI_EXIT_RELAYED;
out:
	PQclear(res);
	return r;
}

int cmd_retry(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	const char *id;
	int c;

	while ((c = cli_getopt(cli, argc, argv, "", opts, retry_help)) != -1) {
		if (c == 'h')
			return CLI_EXIT_OK;
		return CLI_EXIT_USAGE;
	}
	if ((id = cmd_job_id_arg(cli, argc, argv)) == NULL)
		return CLI_EXIT_USAGE;
	return cli_requeue(cli, id, "retry requested");
}

/* ---- prune ---- */

static const char prune_help[] =
	"usage: jobq prune --older-than DUR [--dry-run] [--json]\n"
	"\n"
	"Delete finished jobs (succeeded, failed, cancelled) that finished more than DUR ago,\n"
	"with their history, in batches of 1000 so no transaction stays open long. Also\n"
	"deletes workers that stopped before the same cutoff, and wait registrations older\n"
	"than a day whose session is gone. Jobs that are not finished are never touched.\n"
	"\n"
	"options:\n"
	"  --older-than DUR  retention, required: 30d, 12h, 90m, ... (more than 0)\n"
	"  --dry-run         count what would be deleted, delete nothing\n"
	"  --json            print {\"deleted\": N, \"workers\": N, \"waiters\": N}\n"
	"  -h, --help        show this help\n"
	"\n"
	"exit status: 0 done; 2 missing or invalid option; 5 database unavailable.\n";

#define PRUNE_BATCH 1000
#define STR_(x) #x
#define STR(x) STR_(x)

/* The cutoff is fixed once, so batches agree on it however long the run takes. */
static const char cutoff_sql[] =
	"SELECT now() - $1::bigint * interval '1 millisecond' AS cutoff,"
	" " ROWS_TS("now() - $1::bigint * interval '1 millisecond'", "cutoff_text");

/* The deletes of jobs and workers are migration 0008's functions, each returning how many
 * rows it deleted: jobq_cli_prune_jobs skips rows another session is changing (a
 * concurrent retry) and rechecks the status of those it locked, so a job requeued
 * meanwhile is not deleted; job_events rows go with their job (the trigger
 * jobs_history_delete, migration 0005). jobq_cli_prune_workers deletes stopped workers
 * only. */
static const char prune_batch_sql[] =
	"SELECT jobq_cli_prune_jobs($1::timestamptz, " STR(PRUNE_BATCH) ")";

static const char prune_count_sql[] =
	"SELECT (SELECT count(*) FROM jobs WHERE finished_at < $1::timestamptz"
	"   AND status IN ('succeeded', 'failed', 'cancelled')) AS deleted,"
	" (SELECT count(*) FROM workers WHERE state = 'stopped'"
	"   AND coalesce(stopped_at, heartbeat_at) < $1::timestamptz) AS workers,"
	" (SELECT count(*) FROM job_waiters WHERE created_at < now() - interval '1 day'"
	"   AND backend NOT IN (SELECT pid FROM pg_stat_activity)) AS waiters";

static const char prune_workers_sql[] = "SELECT jobq_cli_prune_workers($1::timestamptz)";

/* A waiter row is only stale once its session is gone: deleting a live `jobq wait`'s row
 * would silence the NOTIFY it waits for. */
static const char prune_waiters_sql[] =
	"DELETE FROM job_waiters WHERE created_at < now() - interval '1 day'"
	" AND backend NOT IN (SELECT pid FROM pg_stat_activity)";

struct prune_counts {
	int64_t jobs, workers, waiters;
};

/* Run a statement with the cutoff as its one parameter (none if cutoff is NULL) and add
 * the number of rows it deleted to *n: the count a function returned when the statement
 * returns a row, else the number of rows the statement itself affected. */
static JOBQ_WUR int exec_count(struct jobq_store *st, const char *name, const char *sql,
			       const char *cutoff, int64_t *n, const char *what,
			       struct jobq_err *err)
{
	PGresult *res = NULL;
	int r;

	if ((r = jobq_store_exec(st, name, sql, cutoff != NULL ? 1 : 0,
				 cutoff != NULL ? &cutoff : NULL, &res, what, err)) != 0)
		return r;
	*n += (int64_t)strtoll(PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) : PQcmdTuples(res),
			       NULL, 10);
	PQclear(res);
	return 0;
}

static JOBQ_WUR int prune_delete(struct jobq_store *st, const char *cutoff,
				 struct prune_counts *n, struct jobq_err *err)
{
	int64_t batch;
	int r;

	do {
		batch = 0;
		if ((r = exec_count(st, "jobq_prune_batch", prune_batch_sql, cutoff, &batch,
				    "deleting finished jobs", err)) != 0)
			return r;
		n->jobs += batch;
	} while (batch == PRUNE_BATCH);
	if ((r = exec_count(st, NULL, prune_workers_sql, cutoff, &n->workers,
			    "deleting stopped workers", err)) != 0)
		return r;
	return exec_count(st, NULL, prune_waiters_sql, NULL, &n->waiters,
			  "deleting stale wait registrations", err);
}

static JOBQ_WUR int prune_dry_run(struct jobq_store *st, const char *cutoff,
				  struct prune_counts *n, struct jobq_err *err)
{
	PGresult *res = NULL;
	int r;

	if ((r = jobq_store_exec(st, NULL, prune_count_sql, 1, &cutoff, &res,
				 "counting finished jobs", err)) != 0)
		return r;
	n->jobs = rows_int(res, 0, "deleted", 0);
	n->workers = rows_int(res, 0, "workers", 0);
	n->waiters = rows_int(res, 0, "waiters", 0);
	PQclear(res);
	return 0;
}

int cmd_prune(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "older-than", required_argument, NULL, 'o' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct prune_counts n = { 0, 0, 0 };
	int64_t older_ms = -1;
	bool dry_run = false;
	char ms_text[24];
	const char *param = ms_text, *cutoff;
	struct jobq_store *st;
	struct jobq_err err;
	PGresult *res = NULL;
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
	snprintf(ms_text, sizeof(ms_text), "%" PRId64, older_ms);
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_exec(st, NULL, cutoff_sql, 1, &param, &res, "computing the cutoff",
			    &err) != 0)
		return cli_fail_err(cli, &err);
	cutoff = rows_get(res, 0, "cutoff");
	r = dry_run ? prune_dry_run(st, cutoff, &n, &err) : prune_delete(st, cutoff, &n, &err);
	if (r != 0) {
		/* Batches already deleted stay deleted; say how far it got. */
		if (!dry_run && n.jobs > 0)
			fprintf(stderr, "jobq %s: deleted %" PRId64 " jobs before the error\n",
				cli->command, n.jobs);
		r = cli_fail_err(cli, &err);
		goto out;
	}
	if (cli->json) {
		r = cmd_print_json(cli, json_pack("{s:I, s:I, s:I}", "deleted", (json_int_t)n.jobs,
						  "workers", (json_int_t)n.workers, "waiters",
						  (json_int_t)n.waiters));
	} else {
		printf("%s %" PRId64 " jobs finished before %s, %" PRId64 " stopped workers, "
		       "%" PRId64 " stale wait registrations\n",
		       dry_run ? "would delete" : "deleted", n.jobs,
		       rows_get(res, 0, "cutoff_text"), n.workers, n.waiters);
		r = CLI_EXIT_OK;
	}
out:
	PQclear(res);
	return r;
}
