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
#include "deps_view.h"
#include "filter_opts.h"
#include "jobq/store_filter.h"
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

/* a - b without overflow (a time may be INT64_MAX / INT64_MIN for 'infinity'). */
static int64_t ms_between(int64_t a, int64_t b)
{
	int64_t d;

	if (__builtin_sub_overflow(a, b, &d))
		return a > b ? INT64_MAX : INT64_MIN;
	return d;
}

/* Whether t is a time with an age: set, and not 'infinity' / '-infinity'. */
static bool finite_time(int64_t t)
{
	return t != 0 && t != INT64_MAX && t != INT64_MIN;
}

/* "2026-11-28T11:07:01.123Z (3m ago)" for a time (unix ms, 0: none) read at read_ms, both
 * on the database clock. */
static void kv_time(const char *key, int64_t t, int64_t read_ms)
{
	char ts[48], ago[48];

	if (t == 0)
		return;
	if (t == INT64_MAX || t == INT64_MIN) /* 'infinity': no age */
		kv(key, "%s", rows_ts(t, ts, sizeof(ts)));
	else
		kv(key, "%s (%s)", rows_ts(t, ts, sizeof(ts)),
		   rows_ago(ms_between(read_ms, t), ago, sizeof(ago)));
}

/* "running (cancelling)" for a running job with a cancel request, else the status. */
static const char *shown_status(const char *status, bool cancelling)
{
	if (status != NULL && strcmp(status, "running") == 0 && cancelling)
		return "running (cancelling)";
	return status;
}

/* ---- status ---- */

static const char status_help[] =
	"usage: jobq status [--json] ID\n"
	"\n"
	"Show one job: its state (\"running (cancelling)\" once a cancel was requested),\n"
	"type, queue, attempt, owning worker, heartbeat age and lease left, schedule,\n"
	"times, metadata, progress, and its result or error, and its dependencies: the\n"
	"jobs it runs after (after:) and those that run after it (dependents:), each with\n"
	"its state. Ages come from the database clock.\n"
	"\n"
	"options:\n"
	"  --json     print one JSON object with every field (result and progress as JSON;\n"
	"             \"after\" and \"dependents\": arrays of {\"id\", \"status\", \"any_end\"})\n"
	"  -h, --help show this help\n"
	"\n"
	"exit status: 0 shown; 2 invalid id or usage; 3 no such job; 5 database unavailable.\n";

static void status_text(const char *id, const struct jobq_job_info *j)
{
	char buf[64];
	bool running = j->state == JOBQ_JOB_RUNNING;

	kv("id:", "%s", id);
	kv("status:", "%s", shown_status(jobq_job_state_name(j->state), j->cancel_requested));
	if (j->state_reason != NULL)
		kv("reason:", "%s", j->state_reason);
	kv("type:", "%s", j->type);
	kv("queue:", "%s", j->queue);
	kv("attempt:", "%d/%d", j->attempt, j->max_attempts);
	if (j->priority != 0)
		kv("priority:", "%lld", (long long)j->priority);
	if (j->concurrency_key != NULL)
		kv("concurrency key:", "%s", j->concurrency_key);
	if (j->worker != NULL)
		kv(running ? "owner:" : "last worker:", "%s", j->worker);
	if (running && finite_time(j->heartbeat_unix_ms))
		kv("heartbeat:", "%s",
		   rows_ago(ms_between(j->read_unix_ms, j->heartbeat_unix_ms), buf, sizeof(buf)));
	if (running && finite_time(j->lease_expires_unix_ms)) {
		int64_t left = ms_between(j->lease_expires_unix_ms, j->read_unix_ms);

		if (left >= 0)
			kv("lease left:", "%s", rows_span(left, buf, sizeof(buf)));
		else
			kv("lease left:", "expired %s ago",
			   rows_span(left == INT64_MIN ? INT64_MAX : -left, buf, sizeof(buf)));
	}
	if (j->state == JOBQ_JOB_SCHEDULED)
		kv_time("run after:", j->run_after_unix_ms, j->read_unix_ms);
	/* A waiting job not yet handed to the broker is the relay's to publish: worth
	 * seeing when a job seems stuck. */
	if (j->state == JOBQ_JOB_SCHEDULED || j->state == JOBQ_JOB_QUEUED) {
		if (j->published_unix_ms != 0)
			kv_time("published:", j->published_unix_ms, j->read_unix_ms);
		else
			kv("published:", "not yet (a consumer's relay publishes it when due)");
	}
	if (j->timeout_ms != 0)
		kv("timeout:", "%s", rows_span(j->timeout_ms, buf, sizeof(buf)));
	kv_time("created:", j->created_unix_ms, j->read_unix_ms);
	kv_time("started:", j->started_unix_ms, j->read_unix_ms);
	kv_time("finished:", j->finished_unix_ms, j->read_unix_ms);
	kv_time("cancel asked:", j->cancel_requested_unix_ms, j->read_unix_ms);
	if (j->cancel_reason != NULL)
		kv("cancel reason:", "%s", j->cancel_reason);
	if (j->key != NULL)
		kv("key:", "%s", j->key);
	if (j->metadata != NULL && strcmp(j->metadata, "{}") != 0)
		kv_long("metadata:", j->metadata);
	if (j->progress != NULL)
		kv_long("progress:", j->progress);
	if (j->result != NULL)
		kv_long("result:", j->result);
	if (j->error != NULL)
		kv_long("error:", j->error);
}

/* A string field, or null. */
static json_t *json_str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* A JSON text field embedded as JSON (null when absent; a string if it is not JSON). */
static json_t *json_doc_or_null(const char *s)
{
	json_t *v;

	if (s == NULL)
		return json_null();
	return (v = rows_json_text(s, strlen(s))) != NULL ? v : json_string(s);
}

/* A time field as "2026-11-28T11:07:01.123Z", or null. */
static json_t *json_ts_or_null(int64_t t)
{
	char ts[48];

	return t != 0 ? json_string(rows_ts(t, ts, sizeof(ts))) : json_null();
}

/* The --json object: the job's columns, under the names the jobs table gives them. */
static json_t *status_json(const char *id, const struct jobq_job_info *j)
{
	bool running = j->state == JOBQ_JOB_RUNNING;
	json_t *o = json_object();

	if (o == NULL)
		return NULL;
	json_object_set_new(o, "id", json_string(id));
	json_object_set_new(o, "status", json_string(jobq_job_state_name(j->state)));
	json_object_set_new(o, "cancelling", json_boolean(j->cancel_requested));
	json_object_set_new(o, "status_reason", json_str_or_null(j->state_reason));
	json_object_set_new(o, "type", json_str_or_null(j->type));
	json_object_set_new(o, "queue", json_str_or_null(j->queue));
	json_object_set_new(o, "attempt", json_integer(j->attempt));
	json_object_set_new(o, "max_attempts", json_integer(j->max_attempts));
	json_object_set_new(o, "priority", json_integer(j->priority));
	json_object_set_new(o, "concurrency_key", json_str_or_null(j->concurrency_key));
	json_object_set_new(o, "worker_id", json_str_or_null(j->worker));
	json_object_set_new(
		o, "heartbeat_age_ms",
		running && finite_time(j->heartbeat_unix_ms)
			? json_integer(ms_between(j->read_unix_ms, j->heartbeat_unix_ms))
			: json_null());
	json_object_set_new(
		o, "lease_left_ms",
		running && finite_time(j->lease_expires_unix_ms)
			? json_integer(ms_between(j->lease_expires_unix_ms, j->read_unix_ms))
			: json_null());
	json_object_set_new(o, "timeout_ms",
			    j->timeout_ms != 0 ? json_integer(j->timeout_ms) : json_null());
	json_object_set_new(o, "run_after", json_ts_or_null(j->run_after_unix_ms));
	json_object_set_new(o, "created_at", json_ts_or_null(j->created_unix_ms));
	json_object_set_new(o, "started_at", json_ts_or_null(j->started_unix_ms));
	json_object_set_new(o, "finished_at", json_ts_or_null(j->finished_unix_ms));
	json_object_set_new(o, "updated_at", json_ts_or_null(j->updated_unix_ms));
	json_object_set_new(o, "published_at", json_ts_or_null(j->published_unix_ms));
	json_object_set_new(o, "heartbeat_at", json_ts_or_null(j->heartbeat_unix_ms));
	json_object_set_new(o, "lease_expires_at", json_ts_or_null(j->lease_expires_unix_ms));
	json_object_set_new(o, "cancel_requested_at", json_ts_or_null(j->cancel_requested_unix_ms));
	json_object_set_new(o, "cancel_reason", json_str_or_null(j->cancel_reason));
	json_object_set_new(o, "idempotency_key", json_str_or_null(j->key));
	json_object_set_new(o, "progress", json_doc_or_null(j->progress));
	json_object_set_new(o, "result", json_doc_or_null(j->result));
	json_object_set_new(o, "error", json_str_or_null(j->error));
	json_object_set_new(o, "payload", json_doc_or_null(j->payload));
	json_object_set_new(o, "job_metadata", json_doc_or_null(j->metadata));
	return o;
}

int cmd_status(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct jobq_job_info info = { 0 };
	PGresult *deps = NULL;
	jobq_client *client;
	const char *id;
	int c, r;

	while ((c = cli_getopt(cli, argc, argv, "", opts, status_help)) != -1) {
		if (c == 'h')
			return CLI_EXIT_OK;
		return CLI_EXIT_USAGE;
	}
	if ((id = cmd_job_id_arg(cli, argc, argv)) == NULL)
		return CLI_EXIT_USAGE;
	/* Through libjobq: jobq_client_status reads every field shown here. */
	if ((client = cli_client(cli, &r)) == NULL)
		return r;
	if ((r = jobq_client_status(client, id, &info)) != JOBQ_CLIENT_OK)
		return cli_fail(cli, jobq_err_exit_status(r), "%s", jobq_client_errmsg(client));
	/* The dependencies, read after the job: their states are as new as the job's or
	 * newer. */
	if ((r = deps_view_read(cli, id, &deps)) != 0)
		goto out;
	if (cli->json) {
		json_t *o = status_json(id, &info);

		if (o != NULL && deps_view_json(deps, o) != 0) {
			json_decref(o);
			o = NULL;
		}
		r = cmd_print_json(cli, o);
	} else {
		status_text(id, &info);
		deps_view_text(deps);
		r = CLI_EXIT_OK;
	}
out:
	PQclear(deps);
	jobq_job_info_free(&info);
	return r;
}

/* ---- list ---- */

static const char list_help[] =
	"usage: jobq list [FILTERS] [--after CURSOR] [--limit N] [--json]\n"
	"\n"
	"List jobs, newest first: id, status, type, queue, attempt, age and the progress\n"
	"its handler last reported (cut to 40 characters; --json has it whole). Filters\n"
	"combine (all must hold). When more jobs match, the last line is \"next page:\n"
	"--after CURSOR\": the same command with --after CURSOR shows the jobs after the\n"
	"page, never one twice, whatever was submitted in between.\n"
	"\n"
	"options:\n" FILTER_HELP
	"  --after CURSOR  the page after CURSOR (printed by an earlier page; with\n"
	"                  --json, the \"cursor\" of the last job shown)\n"
	"  --limit N       at most N jobs, 1..10000 (default 50)\n"
	"  --json          print a JSON array of job objects, each with the \"cursor\" to\n"
	"                  pass to --after for the jobs after it\n"
	"  -h, --help      show this help\n"
	"\n"
	"exit status: 0 listed (even if nothing matched); 2 invalid option; 5 database\n"
	"unavailable.\n";

/* The page's columns (jobq_filter_page_sql: the filter's parameters $1.., then the LIMIT:
 * one row more than shown, to tell whether there is a next page). _cursor_us is created_at
 * in microseconds (extract gives a numeric: exact), for the cursor. */
/* clang-format off */
static const char list_cols[] =
	"id, status, cancel_requested_at IS NOT NULL AS cancelling, type, queue,"
	" attempt, max_attempts, worker_id, priority, concurrency_key,"
	" " ROWS_TS("run_after", "run_after") ","
	" " ROWS_TS("created_at", "created_at") ","
	" " ROWS_TS("finished_at", "finished_at") ","
	" progress, job_metadata,"
	" (extract(epoch FROM created_at) * 1000000)::bigint AS _cursor_us,"
	" " ROWS_AGE_MS("jobs.created_at", "_age_ms");
/* clang-format on */

/* The cursor after row i, in buf (JOBQ_CURSOR_LEN bytes). */
static const char *row_cursor(const PGresult *res, int i, char *buf)
{
	return jobq_cursor_format(rows_int(res, i, "_cursor_us", 0), rows_get(res, i, "id"), buf);
}

static int list_text(struct cli *cli, const PGresult *res, int shown)
{
	static const char *const headers[] = { "ID",      "STATUS", "TYPE",    "QUEUE",
					       "ATTEMPT", "AGE",    "PROGRESS" };
	char cursor[JOBQ_CURSOR_LEN];
	struct rows_table t;
	int r = CLI_EXIT_OK;

	if (shown == 0) {
		printf("no jobs\n");
		return CLI_EXIT_OK;
	}
	if (rows_table_init(&t, 7, headers) != 0)
		goto nomem;
	for (int i = 0; i < shown; i++) {
		char attempt[48], age[32], progress[48];
		const char *cells[7];

		snprintf(attempt, sizeof(attempt), "%" PRId64 "/%" PRId64,
			 rows_int(res, i, "attempt", 0), rows_int(res, i, "max_attempts", 0));
		cells[0] = rows_get(res, i, "id");
		cells[1] = shown_status(rows_get(res, i, "status"),
					rows_get(res, i, "cancelling") != NULL &&
						rows_get(res, i, "cancelling")[0] == 't');
		cells[2] = rows_get(res, i, "type");
		cells[3] = rows_get(res, i, "queue");
		cells[4] = attempt;
		cells[5] = rows_span(rows_int(res, i, "_age_ms", 0), age, sizeof(age));
		cells[6] = rows_cut(rows_get(res, i, "progress"), 40, progress, sizeof(progress));
		if (rows_table_add(&t, cells) != 0)
			goto nomem;
	}
	rows_table_print(&t, stdout);
	if (PQntuples(res) > shown)
		printf("next page: --after %s\n", row_cursor(res, shown - 1, cursor));
	goto out;
nomem:
	r = cli_fail(cli, CLI_EXIT_JOB_FAILED, "out of memory");
out:
	rows_table_free(&t);
	return r;
}

/* The --json array: each row's object with its "cursor"; NULL when out of memory. */
static json_t *list_json(const PGresult *res, int shown)
{
	char cursor[JOBQ_CURSOR_LEN];
	json_t *arr = json_array();

	for (int i = 0; arr != NULL && i < shown; i++) {
		json_t *o = rows_object(res, i);

		if (o == NULL ||
		    json_object_set_new(o, "cursor", json_string(row_cursor(res, i, cursor))) !=
			    0 ||
		    json_array_append_new(arr, o) != 0) {
			json_decref(arr);
			arr = NULL;
		}
	}
	return arr;
}

int cmd_list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		FILTER_OPTIONS,
		{ "after", required_argument, NULL, 'a' },
		{ "limit", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	struct jobq_job_filter f = { 0 };
	struct jobq_filter_sql fs = { 0 };
	const char *params[JOBQ_FILTER_MAX_PARAMS + 1];
	char limit_text[24], *sql = NULL;
	int64_t limit = 50;
	struct jobq_err err;
	PGresult *res = NULL;
	int c, r = CLI_EXIT_USAGE, shown;

	while ((c = cli_getopt(cli, argc, argv, "", opts, list_help)) != -1) {
		if (filter_opt(cli, c, optarg, &f, &r)) {
			if (r != 0)
				goto out;
			continue;
		}
		switch (c) {
		case 'a':
			if (jobq_cursor_parse(optarg, &f.after, &err) != 0) {
				r = cli_usage(cli, "%s", err.msg);
				goto out;
			}
			break;
		case 'l':
			if (!cli_int(cli, "--limit", optarg, 1, 10000, &limit))
				goto out;
			break;
		case 'h':
			r = CLI_EXIT_OK;
			goto out;
		default:
			r = CLI_EXIT_USAGE;
			goto out;
		}
	}
	if ((r = cmd_no_args(cli, argc, argv)) != 0)
		goto out;
	if (jobq_filter_page_sql(&f, JOBQ_FILTER_STATES_ALL, list_cols, NULL, 1, &fs, &sql, &err) !=
	    0) {
		r = cli_fail(cli, CLI_EXIT_JOB_FAILED, "out of memory");
		goto out;
	}
	memcpy(params, fs.params, sizeof(fs.params[0]) * (size_t)fs.nparams);
	snprintf(limit_text, sizeof(limit_text), "%" PRId64, limit + 1);
	params[fs.nparams] = limit_text;
	if ((r = cmd_query(cli, sql, fs.nparams + 1, params, "listing jobs", &res)) != 0)
		goto out;
	shown = PQntuples(res) > limit ? (int)limit : PQntuples(res);
	r = cli->json ? cmd_print_json(cli, list_json(res, shown)) : list_text(cli, res, shown);
out:
	PQclear(res);
	free(sql);
	jobq_filter_sql_free(&fs);
	jobq_job_filter_free(&f);
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
