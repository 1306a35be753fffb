/* The per-job read commands: status, list and history. Every age and lease is computed in
 * SQL from the database clock, never the local one. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jobq/job.h"
#include "jobq/parse.h"
#include "cmd_util.h"
#include "rows.h"

/* ---- helpers ---- */

/* One aligned "key: value" line of `status`, value escaped (rows_escape); continuation
 * lines of a multi-line value (an error's stderr tail) are indented under the value. */
static void kv_long(const char *key, const char *value)
{
	char *safe = rows_escape(value, true);
	const char *v = safe != NULL ? safe : "(out of memory)";

	printf("%-15s ", key);
	for (const char *p = v; *p != '\0'; p++) {
		putchar(*p);
		if (*p == '\n' && p[1] != '\0')
			printf("%-15s ", "");
	}
	if (v[0] == '\0' || v[strlen(v) - 1] != '\n')
		putchar('\n');
	free(safe);
}

static void kv(const char *key, const char *fmt, ...) JOBQ_PRINTF(2, 3);
static void kv(const char *key, const char *fmt, ...)
{
	char value[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(value, sizeof(value), fmt, ap);
	va_end(ap);
	kv_long(key, value);
}

/* "2026-11-28T11:07:01.123Z (3m ago)" for timestamp column `col` whose age is `age_col`. */
static void kv_time(const PGresult *res, const char *key, const char *col, const char *age_col)
{
	const char *ts = rows_get(res, 0, col);
	char ago[48];

	if (ts == NULL)
		return;
	kv(key, "%s (%s)", ts, rows_ago(rows_int(res, 0, age_col, 0), ago, sizeof(ago)));
}

/* "running (cancelling)" for a running job with a cancel request, else the status. */
static const char *shown_status(const PGresult *res, int row, char *buf, size_t len)
{
	const char *status = rows_get(res, row, "status");
	const char *cancelling = rows_get(res, row, "cancelling");

	if (status != NULL && strcmp(status, "running") == 0 && cancelling != NULL &&
	    cancelling[0] == 't') {
		snprintf(buf, len, "running (cancelling)");
		return buf;
	}
	return status;
}

/* ---- status ---- */

static const char status_help[] =
	"usage: jobq status [--json] ID\n"
	"\n"
	"Show one job: its state (\"running (cancelling)\" once a cancel was requested),\n"
	"type, queue, attempt, owning worker, heartbeat age and lease left, schedule,\n"
	"times, progress, and its result or error. Ages come from the database clock.\n"
	"\n"
	"options:\n"
	"  --json     print one JSON object with every field (result and progress as JSON)\n"
	"  -h, --help show this help\n"
	"\n"
	"exit status: 0 shown; 2 invalid id or usage; 3 no such job; 5 database unavailable.\n";

/* clang-format off */
static const char status_sql[] =
	"SELECT id, status, cancel_requested_at IS NOT NULL AS cancelling, status_reason,"
	" type, queue, attempt, max_attempts, worker_id,"
	" CASE WHEN status = 'running' THEN"
	"  (extract(epoch FROM now() - heartbeat_at) * 1000)::bigint END AS heartbeat_age_ms,"
	" CASE WHEN status = 'running' THEN"
	"  (extract(epoch FROM lease_expires_at - now()) * 1000)::bigint END AS lease_left_ms,"
	" (extract(epoch FROM timeout) * 1000)::bigint AS timeout_ms,"
	" " ROWS_TS("run_after", "run_after") ","
	" " ROWS_TS("created_at", "created_at") ","
	" " ROWS_TS("started_at", "started_at") ","
	" " ROWS_TS("finished_at", "finished_at") ","
	" " ROWS_TS("updated_at", "updated_at") ","
	" " ROWS_TS("published_at", "published_at") ","
	" " ROWS_TS("heartbeat_at", "heartbeat_at") ","
	" " ROWS_TS("lease_expires_at", "lease_expires_at") ","
	" " ROWS_TS("cancel_requested_at", "cancel_requested_at") ","
	" cancel_reason, idempotency_key, progress, result, error, payload, job_metadata,"
	" " ROWS_AGE_MS("run_after", "_run_after_age_ms") ","
	" " ROWS_AGE_MS("created_at", "_created_age_ms") ","
	" " ROWS_AGE_MS("started_at", "_started_age_ms") ","
	" " ROWS_AGE_MS("finished_at", "_finished_age_ms") ","
	" " ROWS_AGE_MS("cancel_requested_at", "_cancel_age_ms") ","
	" " ROWS_AGE_MS("published_at", "_published_age_ms") ","
	" result::text AS _result, progress::text AS _progress"
	" FROM jobs WHERE id = $1::uuid";
/* clang-format on */

static void status_text(const PGresult *res)
{
	const char *status = rows_get(res, 0, "status");
	const char *v;
	char buf[64], buf2[64];
	bool running = strcmp(status, "running") == 0;

	kv("id:", "%s", rows_get(res, 0, "id"));
	kv("status:", "%s", shown_status(res, 0, buf, sizeof(buf)));
	if ((v = rows_get(res, 0, "status_reason")) != NULL)
		kv("reason:", "%s", v);
	kv("type:", "%s", rows_get(res, 0, "type"));
	kv("queue:", "%s", rows_get(res, 0, "queue"));
	kv("attempt:", "%" PRId64 "/%" PRId64, rows_int(res, 0, "attempt", 0),
	   rows_int(res, 0, "max_attempts", 0));
	if ((v = rows_get(res, 0, "worker_id")) != NULL)
		kv(running ? "owner:" : "last worker:", "%s", v);
	if (running && rows_get(res, 0, "heartbeat_age_ms") != NULL)
		kv("heartbeat:", "%s",
		   rows_ago(rows_int(res, 0, "heartbeat_age_ms", 0), buf, sizeof(buf)));
	if (running && rows_get(res, 0, "lease_left_ms") != NULL) {
		int64_t left = rows_int(res, 0, "lease_left_ms", 0);

		if (left >= 0)
			kv("lease left:", "%s", rows_span(left, buf, sizeof(buf)));
		else
			kv("lease left:", "expired %s ago", rows_span(-left, buf, sizeof(buf)));
	}
	if (strcmp(status, "scheduled") == 0)
		kv_time(res, "run after:", "run_after", "_run_after_age_ms");
	/* A waiting job not yet handed to the broker is the relay's to publish: worth
	 * seeing when a job seems stuck. */
	if (strcmp(status, "scheduled") == 0 || strcmp(status, "queued") == 0) {
		if (rows_get(res, 0, "published_at") != NULL)
			kv_time(res, "published:", "published_at", "_published_age_ms");
		else
			kv("published:", "not yet (a consumer's relay publishes it when due)");
	}
	if (rows_get(res, 0, "timeout_ms") != NULL)
		kv("timeout:", "%s",
		   rows_span(rows_int(res, 0, "timeout_ms", 0), buf2, sizeof(buf2)));
	kv_time(res, "created:", "created_at", "_created_age_ms");
	kv_time(res, "started:", "started_at", "_started_age_ms");
	kv_time(res, "finished:", "finished_at", "_finished_age_ms");
	kv_time(res, "cancel asked:", "cancel_requested_at", "_cancel_age_ms");
	if ((v = rows_get(res, 0, "cancel_reason")) != NULL)
		kv("cancel reason:", "%s", v);
	if ((v = rows_get(res, 0, "idempotency_key")) != NULL)
		kv("key:", "%s", v);
	if ((v = rows_get(res, 0, "_progress")) != NULL)
		kv_long("progress:", v);
	if ((v = rows_get(res, 0, "_result")) != NULL)
		kv_long("result:", v);
	if ((v = rows_get(res, 0, "error")) != NULL)
		kv_long("error:", v);
}

int cmd_status(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct jobq_store *st;
	struct jobq_err err;
	PGresult *res = NULL;
	const char *id;
	int c, r;

	while ((c = cli_getopt(cli, argc, argv, "", opts, status_help)) != -1) {
		if (c == 'h')
			return CLI_EXIT_OK;
		return CLI_EXIT_USAGE;
	}
	if ((id = cmd_job_id_arg(cli, argc, argv)) == NULL)
		return CLI_EXIT_USAGE;
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_exec(st, NULL, status_sql, 1, &id, &res, "reading the job", &err) != 0)
		return cli_fail_err(cli, &err);
	if (PQntuples(res) == 0)
		r = cli_fail(cli, CLI_EXIT_NOTFOUND, "no job %s", id);
	else if (cli->json)
		r = cmd_print_json(cli, rows_object(res, 0));
	else {
		status_text(res);
		r = CLI_EXIT_OK;
	}
	PQclear(res);
	return r;
}

/* ---- list ---- */

static const char list_help[] =
	"usage: jobq list [--status S] [--type T] [--queue Q] [--limit N] [--json]\n"
	"\n"
	"List jobs, newest first: id, status, type, queue, attempt and age.\n"
	"\n"
	"options:\n"
	"  --status S  only jobs in state S (scheduled, queued, running, succeeded,\n"
	"              failed, cancelled)\n"
	"  --type T    only jobs of type T\n"
	"  --queue Q   only jobs on queue Q\n"
	"  --limit N   at most N jobs, 1..10000 (default 50)\n"
	"  --json      print a JSON array of job objects\n"
	"  -h, --help  show this help\n"
	"\n"
	"exit status: 0 listed (even if nothing matched); 2 invalid option; 5 database\n"
	"unavailable.\n";

/* clang-format off */
static const char list_sql[] =
	"SELECT id, status, cancel_requested_at IS NOT NULL AS cancelling, type, queue,"
	" attempt, max_attempts, worker_id,"
	" " ROWS_TS("run_after", "run_after") ","
	" " ROWS_TS("created_at", "created_at") ","
	" " ROWS_TS("finished_at", "finished_at") ","
	" " ROWS_AGE_MS("jobs.created_at", "_age_ms")
	" FROM jobs"
	" WHERE ($1::text IS NULL OR status = $1::text)"
	"   AND ($2::text IS NULL OR type = $2::text)"
	"   AND ($3::text IS NULL OR queue = $3::text)"
	" ORDER BY jobs.created_at DESC, jobs.id DESC"
	" LIMIT $4::integer";
/* clang-format on */

static int list_text(struct cli *cli, const PGresult *res)
{
	static const char *const headers[] = { "ID", "STATUS", "TYPE", "QUEUE", "ATTEMPT", "AGE" };
	struct rows_table t;
	int r = CLI_EXIT_OK;

	if (PQntuples(res) == 0) {
		printf("no jobs\n");
		return CLI_EXIT_OK;
	}
	if (rows_table_init(&t, 6, headers) != 0)
		goto nomem;
	for (int i = 0; i < PQntuples(res); i++) {
		char status[32], attempt[48], age[32];
		const char *cells[6];

		snprintf(attempt, sizeof(attempt), "%" PRId64 "/%" PRId64,
			 rows_int(res, i, "attempt", 0), rows_int(res, i, "max_attempts", 0));
		cells[0] = rows_get(res, i, "id");
		cells[1] = shown_status(res, i, status, sizeof(status));
		cells[2] = rows_get(res, i, "type");
		cells[3] = rows_get(res, i, "queue");
		cells[4] = attempt;
		cells[5] = rows_span(rows_int(res, i, "_age_ms", 0), age, sizeof(age));
		if (rows_table_add(&t, cells) != 0)
			goto nomem;
	}
	rows_table_print(&t, stdout);
	goto out;
nomem:
	r = cli_fail(cli, CLI_EXIT_JOB_FAILED, "out of memory");
out:
	rows_table_free(&t);
	return r;
}

int cmd_list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "status", required_argument, NULL, 's' },
		{ "type", required_argument, NULL, 't' },
		{ "queue", required_argument, NULL, 'q' },
		{ "limit", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	const char *params[4] = { NULL, NULL, NULL, "50" };
	char limit_text[24];
	int64_t limit = 50;
	struct jobq_store *st;
	struct jobq_err err;
	enum jobq_status status;
	PGresult *res = NULL;
	int c, r;

	while ((c = cli_getopt(cli, argc, argv, "", opts, list_help)) != -1) {
		switch (c) {
		case 's':
			if (jobq_status_parse(optarg, &status, &err) != 0)
				return cli_usage(cli, "--status: %s", err.msg);
			params[0] = optarg;
			break;
		case 't':
			params[1] = optarg;
			break;
		case 'q':
			if (!jobq_queue_name_valid(optarg))
				return cli_usage(cli,
						 "--queue: '%s' is not a queue name "
						 "(1 to 64 of A-Z a-z 0-9 _ . -)",
						 optarg);
			params[2] = optarg;
			break;
		case 'l':
			if (!cli_int(cli, "--limit", optarg, 1, 10000, &limit))
				return CLI_EXIT_USAGE;
			break;
		case 'h':
			return CLI_EXIT_OK;
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if ((r = cmd_no_args(cli, argc, argv)) != 0)
		return r;
	snprintf(limit_text, sizeof(limit_text), "%" PRId64, limit);
	params[3] = limit_text;
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_exec(st, NULL, list_sql, 4, params, &res, "listing jobs", &err) != 0)
		return cli_fail_err(cli, &err);
	r = cli->json ? cmd_print_json(cli, rows_array(res)) : list_text(cli, res);
	PQclear(res);
	return r;
}

/* ---- history ---- */

static const char history_help[] =
	"usage: jobq history [--json] ID\n"
	"\n"
	"Show every state transition of a job, oldest first: when, from -> to, the worker,\n"
	"the attempt and the reason. The first line is the job's creation.\n"
	"\n"
	"options:\n"
	"  --json     print a JSON array of transitions\n"
	"  -h, --help show this help\n"
	"\n"
	"exit status: 0 shown; 2 invalid id or usage; 3 no such job; 5 database unavailable.\n";

/* The LEFT JOIN tells an unknown job (no row) from a job without events (one row of
 * NULLs), in one statement. */
/* clang-format off */
static const char history_sql[] =
	"SELECT e.id, " ROWS_TS("e.at", "at") ", e.from_status, e.to_status, e.worker_id,"
	" e.attempt, e.reason"
	" FROM jobs j LEFT JOIN job_events e ON e.job_id = j.id"
	" WHERE j.id = $1::uuid"
	" ORDER BY e.id";
/* clang-format on */

static int history_text(struct cli *cli, const PGresult *res)
{
	static const char *const headers[] = { "AT", "TRANSITION", "WORKER", "ATTEMPT", "REASON" };
	struct rows_table t;
	int r = CLI_EXIT_OK;

	if (rows_table_init(&t, 5, headers) != 0)
		goto nomem;
	for (int i = 0; i < PQntuples(res); i++) {
		const char *from = rows_get(res, i, "from_status");
		char transition[64];
		const char *cells[5];

		if (rows_get(res, i, "id") == NULL)
			continue;
		snprintf(transition, sizeof(transition), "%s → %s", from != NULL ? from : "(new)",
			 rows_get(res, i, "to_status"));
		cells[0] = rows_get(res, i, "at");
		cells[1] = transition;
		cells[2] = rows_get(res, i, "worker_id");
		cells[3] = rows_get(res, i, "attempt");
		cells[4] = rows_get(res, i, "reason");
		if (rows_table_add(&t, cells) != 0)
			goto nomem;
	}
	rows_table_print(&t, stdout);
	goto out;
nomem:
	r = cli_fail(cli, CLI_EXIT_JOB_FAILED, "out of memory");
out:
	rows_table_free(&t);
	return r;
}

int cmd_history(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct jobq_store *st;
	struct jobq_err err;
	PGresult *res = NULL;
	const char *id;
	int c, r;

	while ((c = cli_getopt(cli, argc, argv, "", opts, history_help)) != -1) {
		if (c == 'h')
			return CLI_EXIT_OK;
		return CLI_EXIT_USAGE;
	}
	if ((id = cmd_job_id_arg(cli, argc, argv)) == NULL)
		return CLI_EXIT_USAGE;
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_exec(st, NULL, history_sql, 1, &id, &res, "reading the job's history",
			    &err) != 0)
		return cli_fail_err(cli, &err);
	if (PQntuples(res) == 0) {
		r = cli_fail(cli, CLI_EXIT_NOTFOUND, "no job %s", id);
	} else if (cli->json) {
		json_t *arr = json_array();

		/* Skip the NULL row of a job without events: an empty history. */
		for (int i = 0; arr != NULL && i < PQntuples(res); i++) {
			if (rows_get(res, i, "id") == NULL)
				continue;
			if (json_array_append_new(arr, rows_object(res, i)) != 0) {
				json_decref(arr);
				arr = NULL;
			}
		}
		r = cmd_print_json(cli, arr);
	} else {
		r = history_text(cli, res);
	}
	PQclear(res);
	return r;
}
