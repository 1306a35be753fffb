/* The job pages: the list with the filters and cursor paging of `jobq list` (the same
 * parsing, jobq_job_filter_set, and the same query, jobq_filter_page_sql), one job with its
 * values folded and its history, a value whole (/jobs/ID/raw/NAME), and the job's state as
 * server-sent events for the page's live updates. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/job.h"
#include "jobq/parse.h"
#include "jobq/store_filter.h"
#include "web.h"

#define TS(expr, name) "to_char((" expr ") AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS " name
#define PAGE_DEFAULT 50
#define PAGE_MAX 500

int web_filter(const struct web_arg *args, int n, bool with_cursor, struct jobq_job_filter *f,
	       struct jobq_err *err)
{
	static const struct {
		const char *name;
		enum jobq_filter_field field;
	} map[] = {
		{ "status", JOBQ_FILTER_STATUS }, { "type", JOBQ_FILTER_TYPE },
		{ "queue", JOBQ_FILTER_QUEUE },   { "worker", JOBQ_FILTER_WORKER },
		{ "meta", JOBQ_FILTER_META },     { "since", JOBQ_FILTER_SINCE },
		{ "until", JOBQ_FILTER_UNTIL },
	};
	int r;

	for (int i = 0; i < n; i++) {
		if (args[i].value[0] == '\0')
			continue;
		if (with_cursor && strcmp(args[i].name, "after") == 0) {
			if (jobq_cursor_parse(args[i].value, &f->after, err) != 0)
				return jobq_err_prefix(err, "after");
			continue;
		}
		for (size_t k = 0; k < sizeof(map) / sizeof(map[0]); k++)
			if (strcmp(args[i].name, map[k].name) == 0 &&
			    (r = jobq_job_filter_set(f, map[k].field, map[k].name, args[i].value,
						     err)) != 0)
				return r;
	}
	return 0;
}

/* The filter's fields as a query string ("status=x&amp;queue=y..."), for the next page's
 * link and the bulk forms. */
static void filter_query(struct req *r)
{
	static const char *const names[] = { "status", "type",  "queue", "worker",
					     "meta",   "since", "until" };

	for (int i = 0; i < r->nquery; i++)
		for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (strcmp(r->query[i].name, names[k]) == 0 && r->query[i].value[0]) {
				html_put(&r->h, "%s=", names[k]);
				html_url(&r->h, r->query[i].value);
				html_put(&r->h, "&amp;");
			}
}

/* A text input of the filter form holding the query's value of name. */
static void input(struct req *r, const char *name, const char *label, const char *hint)
{
	const char *v = web_query_arg(r, name);

	html_put(&r->h, "<label>%s <input name=\"%s\" placeholder=\"%s\" value=\"", label, name,
		 hint);
	html_esc(&r->h, v != NULL ? v : "");
	html_put(&r->h, "\"></label>\n");
}

static void filter_form(struct req *r)
{
	const char *st = web_query_arg(r, "status");

	html_put(&r->h, "<form method=\"get\" action=\"/jobs\" class=\"filters\">\n"
			"<label>status <select name=\"status\"><option value=\"\">any</option>");
	for (int k = 0; k < JOBQ_STATUS_COUNT; k++) {
		const char *name = jobq_status_name((enum jobq_status)k);

		html_put(&r->h, "<option%s>%s</option>",
			 st != NULL && strcmp(st, name) == 0 ? " selected" : "", name);
	}
	html_put(&r->h, "</select></label>\n");
	input(r, "type", "type", "");
	input(r, "queue", "queue", "");
	input(r, "worker", "worker", "");
	input(r, "meta", "metadata", "key=value");
	input(r, "since", "since", "2h or 2026-12-06T09:00:00Z");
	input(r, "until", "until", "");
	html_put(&r->h, "<button type=\"submit\">Filter</button> <a href=\"/jobs\">clear</a>"
			"</form>\n");
}

/* clang-format off */
static const char list_cols[] =
	"id, status, cancel_requested_at IS NOT NULL AS _cancelling, type, queue,"
	" attempt || '/' || max_attempts AS attempt, worker_id AS worker,"
	" " TS("created_at", "created") ", " TS("finished_at", "finished") ","
	" (extract(epoch FROM created_at) * 1000000)::bigint AS _cursor_us";
/* clang-format on */

int page_jobs(struct req *r)
{
	const char *params[JOBQ_FILTER_MAX_PARAMS + 1];
	const char *lim = web_query_arg(r, "limit");
	struct jobq_job_filter f = { 0 };
	struct jobq_filter_sql fs = { 0 };
	struct jobq_err err = { 0 };
	PGresult *res = NULL;
	char limit_text[24], cursor[JOBQ_CURSOR_LEN], *sql = NULL;
	long limit = PAGE_DEFAULT;
	int status, shown;

	if (lim != NULL && lim[0] != '\0') {
		char *end;

		limit = strtol(lim, &end, 10);
		if (*end != '\0' || limit < 1 || limit > PAGE_MAX) {
			status = page_error(r, 400, "limit: 1 to 500");
			goto out;
		}
	}
	if (web_filter(r->query, r->nquery, true, &f, &err) != 0) {
		status = page_error(r, 400, err.msg);
		goto out;
	}
	if (jobq_filter_page_sql(&f, JOBQ_FILTER_STATES_ALL, list_cols, NULL, 1, &fs, &sql, &err) !=
	    0) {
		status = page_error(r, 500, "out of memory");
		goto out;
	}
	memcpy(params, fs.params, sizeof(fs.params[0]) * (size_t)fs.nparams);
	snprintf(limit_text, sizeof(limit_text), "%ld", limit + 1);
	params[fs.nparams] = limit_text;
	if (web_sql(r, sql, fs.nparams + 1, params, &res, &err) != 0) {
		status = page_error(r, err.code == JOBQ_EAGAIN ? 503 : 500, err.msg);
		goto out;
	}
	page_begin(r, "Jobs", "jobs");
	filter_form(r);
	shown = PQntuples(res) > limit ? (int)limit : PQntuples(res);
	if (shown == 0) {
		html_put(&r->h, "<p class=\"empty\">No jobs match.</p>\n");
	} else {
		html_put(&r->h, "<table class=\"jobs\">\n<thead><tr><th>id</th><th>status</th>"
				"<th>type</th><th>queue</th><th>attempt</th><th>worker</th>"
				"<th>created</th><th>finished</th></tr></thead>\n<tbody>\n");
		for (int i = 0; i < shown; i++) {
			const char *st = PQgetvalue(res, i, 1);

			html_put(&r->h, "<tr><td>");
			page_id_link(r, PQgetvalue(res, i, 0));
			html_put(&r->h, "</td><td>");
			page_badge(r, st);
			html_put(&r->h, "%s</td>",
				 PQgetvalue(res, i, 2)[0] == 't' ? " <span class=\"badge\">"
								   "cancelling</span>"
								 : "");
			for (int k = 3; k <= 8; k++) {
				html_put(&r->h, "<td>");
				html_esc(&r->h, PQgetvalue(res, i, k));
				html_put(&r->h, "</td>");
			}
			html_put(&r->h, "</tr>\n");
		}
		html_put(&r->h, "</tbody></table>\n");
	}
	if (PQntuples(res) > limit) {
		jobq_cursor_format(strtoll(PQgetvalue(res, shown - 1, 9), NULL, 10),
				   PQgetvalue(res, shown - 1, 0), cursor);
		html_put(&r->h, "<p><a rel=\"next\" href=\"/jobs?");
		filter_query(r);
		html_put(&r->h, "limit=%ld&amp;after=%s\">Next page</a></p>\n", limit, cursor);
	}
	if (!r->w->read_only && r->logged_in && jobq_job_filter_any(&f) && !f.after.set) {
		html_put(&r->h, "<form method=\"get\" action=\"/bulk\" class=\"bulk\">");
		for (int i = 0; i < r->nquery; i++)
			if (strcmp(r->query[i].name, "after") != 0 &&
			    strcmp(r->query[i].name, "limit") != 0 && r->query[i].value[0]) {
				html_put(&r->h, "<input type=\"hidden\" name=\"");
				html_esc(&r->h, r->query[i].name);
				html_put(&r->h, "\" value=\"");
				html_esc(&r->h, r->query[i].value);
				html_put(&r->h, "\">");
			}
		html_put(&r->h, "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel "
				"all matching…</button> <button type=\"submit\" name=\"action\" "
				"value=\"retry\">Retry all matching…</button></form>\n");
	}
	page_end(r, false);
	status = 200;
out:
	PQclear(res);
	free(sql);
	jobq_filter_sql_free(&fs);
	jobq_job_filter_free(&f);
	return status;
}

/* ---- one job ---- */

/* clang-format off */
static const char job_sql[] =
	"SELECT id, status, cancel_requested_at IS NOT NULL AS cancelling, cancel_reason,"
	" status_reason, type, queue, attempt, max_attempts, priority, worker_id,"
	" concurrency_key, idempotency_key,"
	" " TS("created_at", "created") ", " TS("run_after", "run_after") ","
	" " TS("started_at", "started") ", " TS("finished_at", "finished") ","
	" floor(extract(epoch FROM now() - heartbeat_at))::bigint AS heartbeat_age_s,"
	" CASE WHEN status = 'running' THEN"
	"  floor(extract(epoch FROM lease_expires_at - now()))::bigint END AS lease_left_s,"
	" progress::text AS progress, job_metadata::text AS metadata,"
	" octet_length(payload::text) AS payload_bytes, left(payload::text, $2::int) AS payload,"
	" octet_length(result::text) AS result_bytes, left(result::text, $2::int) AS result,"
	" octet_length(error) AS error_bytes, left(error, $2::int) AS error"
	" FROM jobs WHERE id = $1::uuid";

static const char events_sql[] =
	"SELECT " TS("at", "at") ", from_status, to_status, worker_id AS worker, attempt, reason"
	" FROM job_events WHERE job_id = $1::uuid ORDER BY id LIMIT 1000";

/* The values /jobs/ID/raw/NAME serves whole. */
static const char raw_sql[] =
	"SELECT CASE $2 WHEN 'payload' THEN payload::text WHEN 'result' THEN result::text"
	" WHEN 'error' THEN error WHEN 'metadata' THEN job_metadata::text"
	" WHEN 'progress' THEN progress::text END FROM jobs WHERE id = $1::uuid";

/* The job's dependencies and dependents (migration 0050), at most WEB_DEPS_SHOWN + 1 of
 * each (one more than shown: the page says there are more), by primary key and job_deps_job. */
#define WEB_DEPS_SHOWN 100
static const char deps_sql[] =
	"(SELECT 'after' AS side, d.dep_id::text AS id, j.status, d.any_end, j.type"
	"  FROM job_deps d JOIN jobs j ON j.id = d.dep_id WHERE d.job_id = $1::uuid"
	"  ORDER BY d.dep_id LIMIT 101)"
	" UNION ALL"
	" (SELECT 'dependent', d.job_id::text, j.status, d.any_end, j.type"
	"  FROM job_deps d JOIN jobs j ON j.id = d.job_id WHERE d.dep_id = $1::uuid"
	"  ORDER BY d.job_id LIMIT 101)";

/* The job's batch (migration 0051): its size, the jobs left (its stripes, at most 64 rows),
 * whether it completed, and its callback jobs. */
static const char batch_sql[] =
	"SELECT b.id, b.total, CASE WHEN b.completed_at IS NOT NULL THEN 0 ELSE"
	"  (SELECT COALESCE(sum(l.jobs_left), 0) FROM batch_left l"
	"  WHERE l.batch_id = b.id) END AS left_n, " TS("b.completed_at", "completed") ","
	" b.on_complete_job, b.on_success_job"
	" FROM jobs j JOIN batches b ON b.id = j.batch_id WHERE j.id = $1::uuid";

static const char state_sql[] =
	"SELECT json_build_object('status', status, 'cancelling', cancel_requested_at IS NOT NULL,"
	" 'attempt', attempt, 'worker', worker_id, 'progress', progress)::text"
	" FROM jobs WHERE id = $1::uuid";
/* clang-format on */

/* A link to job id (a uuid as the database prints it) with its state and type. */
static void job_link(struct req *r, const char *id, const char *status, const char *type)
{
	page_id_link(r, id);
	html_put(&r->h, " ");
	page_badge(r, status);
	html_put(&r->h, " ");
	html_esc(&r->h, type);
}

/* One side of the dependencies ("after" or "dependent") as a list under heading head. */
static void deps_list(struct req *r, const PGresult *res, const char *side, const char *head)
{
	int n = 0;

	for (int i = 0; i < PQntuples(res); i++) {
		if (strcmp(PQgetvalue(res, i, 0), side) != 0)
			continue;
		if (n == 0)
			html_put(&r->h, "<h3>%s</h3>\n<ul class=\"deps\">\n", head);
		if (++n > WEB_DEPS_SHOWN) {
			html_put(&r->h, "<li>and more (the first %d are shown)</li>\n",
				 WEB_DEPS_SHOWN);
			break;
		}
		html_put(&r->h, "<li>");
		job_link(r, PQgetvalue(res, i, 1), PQgetvalue(res, i, 2), PQgetvalue(res, i, 4));
		if (PQgetvalue(res, i, 3)[0] == 't')
			html_put(&r->h, " (any end)");
		html_put(&r->h, "</li>\n");
	}
	if (n > 0)
		html_put(&r->h, "</ul>\n");
}

/* The job's dependencies, dependents and batch, when it has any (docs/workflows.md). A
 * failed read leaves the section out: the rest of the page stands. */
static void links(struct req *r, const char *id)
{
	const char *p[1] = { id };
	struct jobq_err err = { 0 };
	PGresult *res = NULL;

	if (web_sql(r, deps_sql, 1, p, &res, &err) == 0 && PQntuples(res) > 0) {
		html_put(&r->h, "<h2>Dependencies</h2>\n");
		deps_list(r, res, "after", "Runs after");
		deps_list(r, res, "dependent", "Dependents");
	}
	PQclear(res);
	res = NULL;
	if (web_sql(r, batch_sql, 1, p, &res, &err) == 0 && PQntuples(res) == 1) {
		html_put(&r->h, "<h2>Batch</h2>\n<dl class=\"job\"><dt>batch</dt><dd>");
		html_esc(&r->h, PQgetvalue(res, 0, 0));
		html_put(&r->h, "</dd><dt>jobs</dt><dd>");
		html_esc(&r->h, PQgetvalue(res, 0, 1));
		html_put(&r->h, ", ");
		html_esc(&r->h, PQgetvalue(res, 0, 2));
		html_put(&r->h, " not ended</dd><dt>completed</dt><dd>");
		html_esc(&r->h, PQgetisnull(res, 0, 3) ? "not yet" : PQgetvalue(res, 0, 3));
		html_put(&r->h, "</dd>");
		for (int k = 4; k <= 5; k++)
			if (!PQgetisnull(res, 0, k)) {
				html_put(&r->h, "<dt>%s</dt><dd>",
					 k == 4 ? "on complete" : "on success");
				page_id_link(r, PQgetvalue(res, 0, k));
				html_put(&r->h, "</dd>");
			}
		html_put(&r->h, "</dl>\n");
	}
	PQclear(res);
}

/* One value of the job: its first WEB_FOLD_BYTES bytes (cut at a character's start) and,
 * when longer, a link to all of it. */
static void folded(struct req *r, const char *id, const PGresult *res, const char *name)
{
	char bytes_col[32];
	int col = PQfnumber(res, name);
	long long bytes;
	size_t n;
	const char *v;

	snprintf(bytes_col, sizeof(bytes_col), "%s_bytes", name);
	html_put(&r->h, "<h2>%s</h2>\n", name);
	if (PQgetisnull(res, 0, col)) {
		html_put(&r->h, "<p class=\"empty\">none</p>\n");
		return;
	}
	v = PQgetvalue(res, 0, col);
	bytes = atoll(PQgetvalue(res, 0, PQfnumber(res, bytes_col)));
	n = strlen(v);
	if (n > WEB_FOLD_BYTES) {
		n = WEB_FOLD_BYTES;
		while (n > 0 && ((unsigned char)v[n] & 0xc0) == 0x80)
			n--;
	}
	html_put(&r->h, "<pre class=\"value\" id=\"%s\">", name);
	html_esc_n(&r->h, v, n);
	html_put(&r->h, "</pre>\n");
	if (bytes > (long long)n)
		html_put(&r->h,
			 "<p class=\"fold\">Folded: the first %zu of %lld bytes. "
			 "<a href=\"/jobs/%s/raw/%s\">The whole value</a></p>\n",
			 n, bytes, id, name);
}

/* The fields of a job's page, in order: label, column of job_sql, unit. */
static const struct {
	const char *label, *col, *unit;
} job_fields[] = {
	{ "reason", "status_reason", "" },
	{ "cancel reason", "cancel_reason", "" },
	{ "type", "type", "" },
	{ "queue", "queue", "" },
	{ "priority", "priority", "" },
	{ "worker", "worker_id", "" },
	{ "heartbeat age", "heartbeat_age_s", " s" },
	{ "lease left", "lease_left_s", " s" },
	{ "progress", "progress", "" },
	{ "concurrency key", "concurrency_key", "" },
	{ "key", "idempotency_key", "" },
	{ "created", "created", " UTC" },
	{ "run after", "run_after", " UTC" },
	{ "started", "started", " UTC" },
	{ "finished", "finished", " UTC" },
	{ "metadata", "metadata", "" },
};

/* A definition list entry: label and the escaped value of column col (nothing if NULL). */
static void field(struct req *r, const PGresult *res, const char *label, const char *col,
		  const char *unit)
{
	int k = PQfnumber(res, col);

	if (k < 0 || PQgetisnull(res, 0, k))
		return;
	html_put(&r->h, "<dt>%s</dt><dd id=\"f-%s\">", label, col);
	html_esc(&r->h, PQgetvalue(res, 0, k));
	html_put(&r->h, "%s</dd>\n", unit);
}

/* A form that posts action (cancel, retry) for job id: a button with id = action. */
static void action_button(struct req *r, const char *action, const char *id, const char *label)
{
	html_put(&r->h, "<form method=\"post\" action=\"/actions/%s\">", action);
	page_csrf(r);
	html_put(&r->h,
		 "<input type=\"hidden\" name=\"id\" value=\"%s\">"
		 "<button type=\"submit\" id=\"%s\">%s</button></form>",
		 id, action, label);
}

static int job_raw(struct req *r, const char *id, const char *name)
{
	const char *p[2] = { id, name };
	struct jobq_err err = { 0 };
	PGresult *res = NULL;

	if (strcmp(name, "payload") != 0 && strcmp(name, "result") != 0 &&
	    strcmp(name, "error") != 0 && strcmp(name, "metadata") != 0 &&
	    strcmp(name, "progress") != 0)
		return page_error(r, 404,
				  "no such value: payload, result, error, metadata or "
				  "progress");
	if (web_sql(r, raw_sql, 2, p, &res, &err) != 0)
		return page_error(r, 500, err.msg);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return page_error(r, 404, "no such job");
	}
	/* As text that no browser renders or sniffs (nosniff goes with every response). */
	r->content_type = "text/plain; charset=utf-8";
	html_raw(&r->h, PQgetvalue(res, 0, 0), (size_t)PQgetlength(res, 0, 0));
	PQclear(res);
	return 200;
}

/* The job's state as one server-sent event, then the end of the response: the browser's
 * EventSource opens the next after `retry` ms, so no serving thread is held by a page left
 * open. */
static int job_events(struct req *r, const char *id)
{
	const char *p[1] = { id };
	struct jobq_err err = { 0 };
	PGresult *res = NULL;

	r->content_type = "text/event-stream; charset=utf-8";
	if (web_sql(r, state_sql, 1, p, &res, &err) != 0) {
		html_put(&r->h, "retry: 5000\n\n");
		return 200;
	}
	html_put(&r->h, "retry: 1000\n");
	if (PQntuples(res) == 1) {
		html_put(&r->h, "event: state\ndata: ");
		html_raw(&r->h, PQgetvalue(res, 0, 0), (size_t)PQgetlength(res, 0, 0));
		html_put(&r->h, "\n");
	}
	html_put(&r->h, "\n");
	PQclear(res);
	return 200;
}

int page_job(struct req *r, const char *rest)
{
	char id[37], fold[16];
	const char *p[2] = { id, fold };
	struct jobq_err err = { 0 };
	PGresult *res = NULL, *ev = NULL;
	const char *st, *slash = strchr(rest, '/');
	size_t idlen = slash != NULL ? (size_t)(slash - rest) : strlen(rest);
	bool terminal;

	if (idlen != 36) {
		return page_error(r, 404, "not a job id");
	}
	memcpy(id, rest, 36);
	id[36] = '\0';
	if (!jobq_uuid_valid(id))
		return page_error(r, 404, "not a job id");
	for (char *c = id; *c; c++)
		if (*c >= 'A' && *c <= 'F')
			*c = (char)(*c - 'A' + 'a');
	if (slash != NULL && strncmp(slash, "/raw/", 5) == 0)
		return job_raw(r, id, slash + 5);
	if (slash != NULL && strcmp(slash, "/events") == 0)
		return job_events(r, id);
	if (slash != NULL)
		return page_error(r, 404, "no such page");
	/* One character more than shown: a value cut to bytes never loses a whole character. */
	snprintf(fold, sizeof(fold), "%d", WEB_FOLD_BYTES + 1);
	if (web_sql(r, job_sql, 2, p, &res, &err) != 0 ||
	    web_sql(r, events_sql, 1, p, &ev, &err) != 0) {
		PQclear(res);
		return page_error(r, err.code == JOBQ_EAGAIN ? 503 : 500, err.msg);
	}
	if (PQntuples(res) == 0) {
		PQclear(res);
		PQclear(ev);
		return page_error(r, 404, "no such job");
	}
	st = PQgetvalue(res, 0, 1);
	terminal = strcmp(st, "succeeded") == 0 || strcmp(st, "failed") == 0 ||
		   strcmp(st, "cancelled") == 0;
	page_begin(r, "Job", "jobs");
	/* id is a valid uuid (checked above); st is escaped all the same */
	html_put(&r->h,
		 "<p class=\"id\">%s</p>\n<dl class=\"job\">\n<dt>status</dt>"
		 "<dd><span id=\"state\" class=\"badge ",
		 id);
	html_esc(&r->h, st);
	html_put(&r->h, "\" data-events=\"/jobs/%s/events\">", id);
	html_esc(&r->h, st);
	html_put(&r->h, "%s</span></dd>\n",
		 PQgetvalue(res, 0, 2)[0] == 't' && !terminal ? " (cancelling)" : "");
	for (size_t k = 0; k < sizeof(job_fields) / sizeof(job_fields[0]); k++) {
		if (strcmp(job_fields[k].col, "priority") == 0) /* after type and queue */
			html_put(&r->h, "<dt>attempt</dt><dd id=\"f-attempt\">%s of %s</dd>\n",
				 PQgetvalue(res, 0, 7), PQgetvalue(res, 0, 8));
		field(r, res, job_fields[k].label, job_fields[k].col, job_fields[k].unit);
	}
	html_put(&r->h, "</dl>\n");
	if (!r->w->read_only && r->logged_in) {
		html_put(&r->h, "<div class=\"actions\">");
		if (!terminal)
			action_button(r, "cancel", id, "Cancel");
		if (strcmp(st, "failed") == 0 || strcmp(st, "cancelled") == 0)
			action_button(r, "retry", id, "Retry");
		html_put(&r->h, "</div>\n");
	}
	links(r, id);
	folded(r, id, res, "payload");
	folded(r, id, res, "result");
	folded(r, id, res, "error");
	html_put(&r->h, "<h2>History</h2>\n<ol class=\"timeline\">\n");
	for (int i = 0; i < PQntuples(ev); i++) {
		html_put(&r->h, "<li><time>");
		html_esc(&r->h, PQgetvalue(ev, i, 0));
		html_put(&r->h, "</time> ");
		html_esc(&r->h, PQgetisnull(ev, i, 1) ? "created" : PQgetvalue(ev, i, 1));
		html_put(&r->h, " → ");
		page_badge(r, PQgetvalue(ev, i, 2));
		html_put(&r->h, " attempt ");
		html_esc(&r->h, PQgetvalue(ev, i, 4));
		if (!PQgetisnull(ev, i, 3)) {
			html_put(&r->h, " on ");
			html_esc(&r->h, PQgetvalue(ev, i, 3));
		}
		if (!PQgetisnull(ev, i, 5)) {
			html_put(&r->h, ": ");
			html_esc(&r->h, PQgetvalue(ev, i, 5));
		}
		html_put(&r->h, "</li>\n");
	}
	html_put(&r->h, "</ol>\n");
	PQclear(res);
	PQclear(ev);
	page_end(r, !terminal);
	return 200;
}
