/* Bulk cancel and retry by filter (contract in cmd_bulk.h). The jobs are read a page at a
 * time, newest first and continued after the last one (as `jobq list` pages: no OFFSET,
 * no lock held while reading), and each page is acted on through the single-job paths:
 * the cancel statement and its broadcast, or the retry statement and the publish. */
#include "cmd_bulk.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd_util.h"
#include "jobq/ids.h"
#include "jobq/job.h"
#include "jobq/store_admin.h"
#include "jobq/store_filter.h"
#include "rows.h"

/* The states an action applies to: as bits 1 << enum jobq_status (the states a page reads,
 * a branch each: jobq_filter_page_sql), as a condition on the columns of jobs, and as
 * words for an error ("scheduled, queued or running"). */
struct bulk_states {
	const char *verb; /* "cancel", "retry" */
	unsigned mask;
	char cond[256];
	char names[128];
};

/* The states of mask (except `except`) as SQL literals "'a', 'b'" into in
 * (jobq_status_sql_list), and as words "a, b or c" into names. */
static void state_lists(unsigned mask, unsigned except, char *in, size_t inlen, char *names,
			size_t nlen)
{
	size_t nn = 0;
	int count = 0, seen = 0;

	jobq_status_sql_list(mask & ~except, in, inlen);
	names[0] = '\0';
	for (int k = 0; k < JOBQ_STATUS_COUNT; k++)
		count += (mask >> k & 1u) != 0;
	for (int k = 0; k < JOBQ_STATUS_COUNT; k++) {
		const char *name = jobq_status_name((enum jobq_status)k);

		if ((mask >> k & 1u) == 0)
			continue;
		seen++;
		if (nn < nlen) /* the buffers are sized for every state: a cut is not expected */
			nn += (size_t)snprintf(names + nn, nlen - nn, "%s%s",
					       seen == 1       ? ""
					       : seen == count ? " or "
							       : ", ",
					       name);
	}
}

/* cancel: every state that is not final (a state added to enum jobq_status joins by
 * itself); a running job with a cancel request already recorded is not selected again (its
 * owner is stopping it). */
static void cancel_states(struct bulk_states *s)
{
	char in[JOBQ_STATUS_SQL_LIST_LEN];

	s->verb = "cancel";
	s->mask = 0;
	for (int k = 0; k < JOBQ_STATUS_COUNT; k++)
		if (!jobq_status_terminal((enum jobq_status)k))
			s->mask |= 1u << k;
	state_lists(s->mask, 1u << JOBQ_RUNNING, in, sizeof(in), s->names, sizeof(s->names));
	snprintf(s->cond, sizeof(s->cond),
		 "(status IN (%s) OR (status = 'running' AND cancel_requested_at IS NULL))", in);
}

/* retry: the states jobq_store_retry requeues (migration 0010's jobq_cli_retry). */
static void retry_states(struct bulk_states *s)
{
	char in[JOBQ_STATUS_SQL_LIST_LEN];

	s->verb = "retry";
	s->mask = 1u << JOBQ_FAILED | 1u << JOBQ_CANCELLED;
	state_lists(s->mask, 0, in, sizeof(in), s->names, sizeof(s->names));
	snprintf(s->cond, sizeof(s->cond), "status IN (%s)", in);
}

bool bulk_wanted(const struct jobq_job_filter *f, const struct bulk_opts *o)
{
	return jobq_job_filter_any(f) || o->all || o->dry_run;
}

/* Run "SELECT count(*) AS n FROM jobs WHERE <f> AND <states>" into *res. */
static int count_jobs(struct cli *cli, const struct jobq_job_filter *f, const char *states,
		      PGresult **res)
{
	struct jobq_filter_sql fs;
	struct jobq_err err;
	char *sql = NULL;
	int r;

	if (jobq_filter_sql_build(f, 1, &fs, &err) != 0 ||
	    asprintf(&sql, "SELECT count(*) AS n FROM jobs WHERE %s AND %s", fs.where, states) <
		    0) {
		jobq_filter_sql_free(&fs);
		return cli_fail(cli, CLI_EXIT_JOB_FAILED, "out of memory");
	}
	r = cmd_query(cli, sql, fs.nparams, fs.params, "counting jobs", res);
	free(sql);
	jobq_filter_sql_free(&fs);
	return r;
}

/* A --since/--until given as a span ago becomes an instant, read once from the database
 * clock: every batch then selects within the same window. */
static int pin_bounds(struct cli *cli, struct jobq_job_filter *f)
{
	PGresult *res = NULL;
	int r;

	if (!jobq_job_filter_relative(f))
		return 0;
	if ((r = cmd_query(cli, "SELECT (extract(epoch FROM now()) * 1000)::bigint AS now", 0, NULL,
			   "reading the database clock", &res)) != 0)
		return r;
	jobq_job_filter_pin(f, rows_int(res, 0, "now", 0));
	PQclear(res);
	return 0;
}

/* The newest `limit` jobs of f in states (after f->after) as "id, us" rows into *res. */
static int page_jobs(struct cli *cli, const struct jobq_job_filter *f,
		     const struct bulk_states *states, int limit, const char *cols, PGresult **res)
{
	const char *params[JOBQ_FILTER_MAX_PARAMS + 1];
	struct jobq_filter_sql fs;
	struct jobq_err err;
	char limit_text[24], *sql = NULL;
	int r;

	if (jobq_filter_page_sql(f, states->mask, cols, states->cond, 1, &fs, &sql, &err) != 0)
		return cli_fail(cli, CLI_EXIT_JOB_FAILED, "out of memory");
	memcpy(params, fs.params, sizeof(fs.params[0]) * (size_t)fs.nparams);
	snprintf(limit_text, sizeof(limit_text), "%d", limit);
	params[fs.nparams] = limit_text;
	r = cmd_query(cli, sql, fs.nparams + 1, params, "selecting jobs", res);
	free(sql);
	jobq_filter_sql_free(&fs);
	return r;
}

/* The next page of at most BULK_BATCH ids after f->after, into ids[]; *n = how many (0:
 * done); f->after moves to its last job. */
static int next_page(struct cli *cli, struct jobq_job_filter *f, const struct bulk_states *states,
		     char (*ids)[JOBQ_ID_BUF], size_t *n)
{
	PGresult *res = NULL;
	int r;

	if ((r = page_jobs(cli, f, states, BULK_BATCH,
			   "id, (extract(epoch FROM created_at) * 1000000)::bigint AS us", &res)) !=
	    0)
		return r;
	*n = (size_t)PQntuples(res);
	for (size_t i = 0; i < *n; i++)
		snprintf(ids[i], JOBQ_ID_BUF, "%s", rows_get(res, (int)i, "id"));
	if (*n > 0) {
		f->after.set = true;
		f->after.created_us = rows_int(res, (int)*n - 1, "us", 0);
		snprintf(f->after.id, sizeof(f->after.id), "%s", ids[*n - 1]);
	}
	PQclear(res);
	return 0;
}

/* --dry-run: the count and the newest ten. */
static int dry_run(struct cli *cli, const struct jobq_job_filter *f,
		   const struct bulk_states *states, const char *verb)
{
	static const char *const headers[] = { "ID", "STATUS", "TYPE", "QUEUE", "CREATED" };
	PGresult *count = NULL, *sample = NULL;
	struct rows_table t;
	int64_t n;
	int r;

	if ((r = count_jobs(cli, f, states->cond, &count)) != 0)
		return r;
	n = rows_int(count, 0, "n", 0);
	PQclear(count);
	if ((r = page_jobs(cli, f, states, 10,
			   "id, status, type, queue, " ROWS_TS("created_at", "created_at"),
			   &sample)) != 0)
		return r;
	if (cli->json) {
		r = cmd_print_json(cli, json_pack("{s:b, s:I, s:o}", "dry_run", 1, "matched",
						  (json_int_t)n, "sample", rows_array(sample)));
		PQclear(sample);
		return r;
	}
	printf("would %s %" PRId64 " job%s (dry run: nothing changed)%s\n", verb, n,
	       n == 1 ? "" : "s", n > 0 ? "; the newest:" : "");
	if (n > 0 && rows_table_init(&t, 5, headers) == 0) {
		for (int i = 0; i < PQntuples(sample); i++) {
			const char *cells[5];

			for (int k = 0; k < 5; k++)
				cells[k] = PQgetvalue(sample, i, k);
			if (rows_table_add(&t, cells) != 0)
				break;
		}
		rows_table_print(&t, stdout);
		rows_table_free(&t);
	}
	PQclear(sample);
	return CLI_EXIT_OK;
}

/* The checks and set-up both actions share; 0 to go on, else the exit status. */
static int prepare(struct cli *cli, struct jobq_job_filter *f, const struct bulk_opts *o,
		   const struct bulk_states *states)
{
	enum jobq_status st;
	struct jobq_err err;

	if (!jobq_job_filter_any(f) && !o->all)
		return cli_usage(cli, "give a filter (--status, --type, --queue, --worker, --meta, "
				      "--since, --until) or --all to act on every job");
	if (f->after.set)
		return cli_usage(cli, "--after is for jobq list");
	/* A state the action never applies to would select nothing: say so, not "0 done". */
	if (f->status != NULL && jobq_status_parse(f->status, &st, &err) == 0 &&
	    (states->mask >> st & 1u) == 0)
		return cli_usage(cli, "--status: jobq %s acts on %s jobs, not %s", states->verb,
				 states->names, f->status);
	return pin_bounds(cli, f);
}

/* A batch's buffers (malloc'd: a few tens of KiB). */
struct batch {
	char (*ids)[JOBQ_ID_BUF];
	const char **ptrs;
	struct jobq_cancel_result *cancel;
	struct jobq_retried *retry;
	struct cli_job_ref *refs;
};

static void batch_free(struct batch *b)
{
	free(b->ids);
	free(b->ptrs);
	free(b->cancel);
	free(b->retry);
	free(b->refs);
}

static bool batch_alloc(struct batch *b)
{
	b->ids = calloc(BULK_BATCH, sizeof(*b->ids));
	b->ptrs = calloc(BULK_BATCH, sizeof(*b->ptrs));
	b->cancel = calloc(BULK_BATCH, sizeof(*b->cancel));
	b->retry = calloc(BULK_BATCH, sizeof(*b->retry));
	b->refs = calloc(BULK_BATCH, sizeof(*b->refs));
	return b->ids != NULL && b->ptrs != NULL && b->cancel != NULL && b->retry != NULL &&
	       b->refs != NULL;
}

static int cancel_batches(struct cli *cli, struct jobq_job_filter *f, const struct bulk_opts *o,
			  const struct bulk_states *states, struct batch *b)
{
	int64_t cancelled = 0, requested = 0, finished = 0, missing = 0, batches = 0;
	struct jobq_cancel_result *res = b->cancel;
	const char **ptrs = b->ptrs;
	char(*ids)[JOBQ_ID_BUF] = b->ids;
	jobq_client *client;
	size_t n;
	int r;

	if ((client = cli_client(cli, &r)) == NULL)
		return r;
	for (;;) {
		if ((r = next_page(cli, f, states, ids, &n)) != 0)
			return r;
		if (n == 0)
			break;
		for (size_t i = 0; i < n; i++)
			ptrs[i] = ids[i];
		/* One statement records the batch's cancels (its own transaction: the rows are
		 * locked only while it runs), then the running ones' stops are broadcast. */
		if ((r = jobq_client_cancel_many(client, ptrs, n, o->reason, res)) !=
		    JOBQ_CLIENT_OK)
			return cli_fail(cli, jobq_err_exit_status(r),
					"%s (after %" PRId64 " batches)",
					jobq_client_errmsg(client), batches);
		if (jobq_client_errmsg(client)[0] != '\0') /* a broadcast failed */
			cli_fail(cli, 0, "warning: %s", jobq_client_errmsg(client));
		batches++;
		for (size_t i = 0; i < n; i++) {
			if (!res[i].found)
				missing++; /* deleted meanwhile */
			else if (res[i].requested)
				requested++;
			else if (res[i].was == JOBQ_JOB_SCHEDULED || res[i].was == JOBQ_JOB_QUEUED)
				cancelled++;
			else
				finished++;
		}
	}
	if (cli->json)
		return cmd_print_json(cli, json_pack("{s:I, s:I, s:I, s:I, s:I}", "cancelled",
						     (json_int_t)cancelled, "stop_requested",
						     (json_int_t)requested, "already_finished",
						     (json_int_t)finished, "not_found",
						     (json_int_t)missing, "batches",
						     (json_int_t)batches));
	printf("cancelled %" PRId64 " (scheduled or queued); stop requested for %" PRId64
	       " running; %" PRId64 " had finished meanwhile\n",
	       cancelled, requested, finished + missing);
	return CLI_EXIT_OK;
}

/* Milliseconds on a clock that only moves forward. */
static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Publish the k jobs retried since the last publish; *relayed counts those no broker node
 * confirmed (the relay publishes them). */
static void publish_retried(struct cli *cli, struct cli_job_ref *refs, size_t k, int64_t *relayed)
{
	if (k > 0 && cli_publish(cli, refs, k) != 0)
		for (size_t i = 0; i < k; i++)
			*relayed += !refs[i].published;
}

static int retry_batches(struct cli *cli, struct jobq_job_filter *f, const struct bulk_opts *o,
			 const struct bulk_states *states, struct batch *b)
{
	int64_t requeued = 0, skipped = 0, relayed = 0, batches = 0, since = 0;
	/* Each retried row waits relay_grace for this command's publish before a relay takes
	 * it: publish well within it (every BULK_PUBLISH jobs at least, and before the next
	 * page is read), so that a slow database does not make the relay publish them too. */
	int64_t due_ms = cli->cfg.relay_grace_ms / 2;
	char(*ids)[JOBQ_ID_BUF] = b->ids;
	struct jobq_retried *rt = b->retry;
	struct cli_job_ref *refs = b->refs;
	struct jobq_store *st;
	struct jobq_err err;
	size_t n, k = 0;
	int r = CLI_EXIT_OK;

	(void)o;
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	for (;;) {
		if ((r = next_page(cli, f, states, ids, &n)) != 0)
			break;
		if (n == 0)
			break;
		/* Each retry is its own statement and transaction, as `jobq retry ID`'s. A job
		 * whose state changed since the page was read is left as it is. */
		for (size_t i = 0; i < n; i++) {
			if (jobq_store_retry(st, ids[i], cli->cfg.relay_grace_ms, "retry requested",
					     &rt[k], &err) != 0) {
				r = cli_fail_err(cli, &err);
				break;
			}
			if (!rt[k].requeued) {
				skipped++;
				continue;
			}
			if (k == 0)
				since = mono_ms();
			refs[k] = (struct cli_job_ref){ .id = rt[k].env.job_id,
							.queue = rt[k].env.queue,
							.type = rt[k].env.type,
							.token = rt[k].token,
							.priority = rt[k].env.priority,
							.keyed = rt[k].env.keyed };
			requeued++;
			if (++k == BULK_PUBLISH || mono_ms() - since >= due_ms) {
				publish_retried(cli, refs, k, &relayed);
				k = 0;
			}
		}
		batches++;
		if (r != CLI_EXIT_OK)
			break;
		/* Before the next page's read, which may take a while. */
		publish_retried(cli, refs, k, &relayed);
		k = 0;
	}
	/* Also after a failure: what was committed is published (or left to the relay). */
	publish_retried(cli, refs, k, &relayed);
	if (r != CLI_EXIT_OK)
		return r;
	if (cli->json)
		r = cmd_print_json(
			cli, json_pack("{s:I, s:I, s:I, s:I}", "requeued", (json_int_t)requeued,
				       "left_to_relay", (json_int_t)relayed, "skipped",
				       (json_int_t)skipped, "batches", (json_int_t)batches));
	else
		printf("requeued %" PRId64 "; %" PRId64 " left to the relay to publish; %" PRId64
		       " changed state meanwhile (left as they are)\n",
		       requeued, relayed, skipped);
	return r == CLI_EXIT_OK && relayed > 0 ? CLI_EXIT_RELAYED : r;
}

/* The batches' loop of an action. */
typedef int (*batches_fn)(struct cli *cli, struct jobq_job_filter *f, const struct bulk_opts *o,
			  const struct bulk_states *states, struct batch *b);

/* The checks, then a dry run or the action's batches. */
static int bulk_run(struct cli *cli, struct jobq_job_filter *f, const struct bulk_opts *o,
		    const struct bulk_states *states, batches_fn act)
{
	struct batch b = { 0 };
	int r;

	if ((r = prepare(cli, f, o, states)) != 0)
		return r;
	if (o->dry_run)
		return dry_run(cli, f, states, states->verb);
	r = batch_alloc(&b) ? act(cli, f, o, states, &b)
			    : cli_fail(cli, CLI_EXIT_JOB_FAILED, "out of memory");
	batch_free(&b);
	return r;
}

int bulk_cancel(struct cli *cli, struct jobq_job_filter *f, const struct bulk_opts *o)
{
	struct bulk_states states;

	cancel_states(&states);
	return bulk_run(cli, f, o, &states, cancel_batches);
}

int bulk_retry(struct cli *cli, struct jobq_job_filter *f, const struct bulk_opts *o)
{
	struct bulk_states states;

	retry_states(&states);
	return bulk_run(cli, f, o, &states, retry_batches);
}
