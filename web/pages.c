/* The console's frame (head, navigation, errors, counts, result tables) and its pages
 * other than the jobs: overview, workers, dead letters, schedules and limits. Every value
 * read from the database reaches the page through html_esc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/parse.h"
#include "web.h"

/* TS(expr, name): an instant as the CLI shows it, in UTC to the second. */
#define TS(expr, name) "to_char((" expr ") AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS " name
/* AGE(expr, name): whole seconds since expr. */
#define AGE(expr, name) "floor(extract(epoch FROM now() - (" expr ")))::bigint AS " name

void page_begin(struct req *r, const char *title, const char *nav)
{
	static const struct {
		const char *key, *href, *label;
	} items[] = {
		{ "overview", "/", "Overview" },
		{ "jobs", "/jobs", "Jobs" },
		{ "workers", "/workers", "Workers" },
		{ "dead", "/dead", "Dead letters" },
		{ "schedules", "/schedules", "Schedules and limits" },
	};

	html_put(&r->h, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			"<title>");
	html_esc(&r->h, title);
	html_put(&r->h, " · jobq</title>\n<link rel=\"stylesheet\" href=\"/static/app.css\">\n"
			"</head><body>\n<header><nav><span class=\"brand\">jobq</span>\n");
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++)
		html_put(&r->h, "<a href=\"%s\"%s>%s</a>\n", items[i].href,
			 strcmp(nav, items[i].key) == 0 ? " class=\"here\"" : "", items[i].label);
	if (r->w->read_only)
		html_put(&r->h, "<span class=\"mode\">read-only</span>\n");
	else if (r->logged_in && r->csrf[0] != '\0')
		html_put(&r->h,
			 "<form method=\"post\" action=\"/logout\" class=\"logout\">"
			 "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
			 "<button type=\"submit\">Log out</button></form>\n",
			 r->csrf);
	else if (!r->logged_in)
		html_put(&r->h, "<a href=\"/login\" class=\"login%s\">Log in</a>\n",
			 strcmp(nav, "login") == 0 ? " here" : "");
	html_put(&r->h, "</nav></header>\n<main>\n<h1>");
	html_esc(&r->h, title);
	html_put(&r->h, "</h1>\n");
}

void page_end(struct req *r, bool script)
{
	html_put(&r->h, "</main>\n%s</body></html>\n",
		 script ? "<script src=\"/static/app.js\"></script>\n" : "");
}

int page_error(struct req *r, int status, const char *msg)
{
	html_free(&r->h);
	page_begin(r, status == 404 ? "Not found" : "Error", "");
	html_put(&r->h, "<p class=\"error\">");
	html_esc(&r->h, msg);
	html_put(&r->h, "</p>\n");
	page_end(r, false);
	return status;
}

void page_csrf(struct req *r)
{
	html_put(&r->h, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", r->csrf);
}

void page_count(struct req *r, long long n)
{
	char digits[32], out[48];
	size_t len, o = 0;

	if (n > WEB_COUNT_CAP) {
		html_put(&r->h, "≥ %d,%03d", WEB_COUNT_CAP / 1000, WEB_COUNT_CAP % 1000);
		return;
	}
	len = (size_t)snprintf(digits, sizeof(digits), "%lld", n);
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && digits[i - 1] != '-' && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	html_put(&r->h, "%s", out);
}

/* A table of every column of res but those whose name starts with '_'. A column named id
 * or job_id links to the job. */
void page_id_link(struct req *r, const char *id)
{
	if (!jobq_uuid_valid(id)) {
		html_esc(&r->h, id);
		return;
	}
	html_put(&r->h, "<a class=\"id\" href=\"/jobs/");
	html_url(&r->h, id);
	html_put(&r->h, "\">");
	html_esc(&r->h, id);
	html_put(&r->h, "</a>");
}

void page_badge(struct req *r, const char *status)
{
	html_put(&r->h, "<span class=\"badge ");
	html_esc(&r->h, status);
	html_put(&r->h, "\">");
	html_esc(&r->h, status);
	html_put(&r->h, "</span>");
}

static void table(struct req *r, const PGresult *res, const char *empty)
{
	int nf = PQnfields(res);

	if (PQntuples(res) == 0) {
		html_put(&r->h, "<p class=\"empty\">%s</p>\n", empty);
		return;
	}
	html_put(&r->h, "<table>\n<thead><tr>");
	for (int k = 0; k < nf; k++)
		if (PQfname(res, k)[0] != '_') {
			html_put(&r->h, "<th>");
			html_esc(&r->h, PQfname(res, k));
			html_put(&r->h, "</th>");
		}
	html_put(&r->h, "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < PQntuples(res); i++) {
		html_put(&r->h, "<tr>");
		for (int k = 0; k < nf; k++) {
			const char *name = PQfname(res, k), *v = PQgetvalue(res, i, k);
			bool link = (strcmp(name, "id") == 0 || strcmp(name, "job_id") == 0) &&
				    !PQgetisnull(res, i, k);

			if (name[0] == '_')
				continue;
			html_put(&r->h, "<td>");
			if (link)
				page_id_link(r, v);
			else
				html_esc(&r->h, PQgetisnull(res, i, k) ? "" : v);
			html_put(&r->h, "</td>");
		}
		html_put(&r->h, "</tr>\n");
	}
	html_put(&r->h, "</tbody></table>\n");
}

/* Run sql; on failure fill the page with the error and return its status (else 0). */
static int query(struct req *r, const char *sql, int n, const char *const *p, PGresult **res)
{
	struct jobq_err err = { 0 };

	if (web_sql(r, sql, n, p, res, &err) != 0)
		return page_error(r, err.code == JOBQ_EAGAIN ? 503 : 500, err.msg);
	return 0;
}

/* ---- overview ---- */

/* The queues: every queue with a job in any state (a loose scan of migration 0045's
 * (status, queue, created_at, id) index per state: one index probe per queue, not a read
 * of the jobs; that index leaves running jobs out, and the status is a parameter of the
 * scan, so the statement says status <> 'running' for the planner to see it may use it),
 * and those paused or served by a live worker. For each: its waiting (for dependencies,
 * migration 0050), scheduled and queued jobs
 * (each count stopped at WEB_COUNT_CAP + 1 rows of that index) and its running ones (0001's
 * partial index of running jobs); the age of its oldest queued job (one probe); its jobs
 * the relay has not handed to the broker yet, through the relay's own indexes, with their
 * predicates spelled out so that the planner takes them (0036's plain ones, due; 0018's of
 * priorities; 0024's queued keyed ones, not held; each count bounded); and the jobs it finished in
 * each of the last 60 minutes, by outcome (migration 0041's (status, finished_at) index: the
 * last hour's rows, read once for every queue). No count reads the finished jobs of all
 * time: the job list has them, a page at a time. */
/* clang-format off */
static const char overview_sql[] =
	"WITH RECURSIVE st(s) AS (SELECT unnest(ARRAY['waiting', 'scheduled', 'queued',"
	"  'succeeded', 'failed', 'cancelled'])),"
	" loose(s, q) AS ("
	"  SELECT s, (SELECT j.queue FROM jobs j WHERE j.status = st.s AND j.status <> 'running'"
	"   ORDER BY j.queue LIMIT 1)"
	"   FROM st"
	"  UNION ALL"
	"  SELECT l.s, (SELECT j.queue FROM jobs j WHERE j.status = l.s AND j.status <> 'running'"
	"   AND j.queue > l.q"
	"   ORDER BY j.queue LIMIT 1) FROM loose l WHERE l.q IS NOT NULL),"
	" names(q) AS ("
	"  SELECT q FROM loose WHERE q IS NOT NULL"
	"  UNION SELECT queue FROM jobs WHERE status = 'running'"
	"  UNION SELECT name FROM queues"
	"  UNION SELECT unnest(w.queues) FROM workers w WHERE w.state IN ('running', 'draining')"
	"   AND w.heartbeat_at > now() - interval '2 minutes'),"
	" tp AS MATERIALIZED (SELECT queue, status,"
	"   least(59, floor(extract(epoch FROM now() - finished_at) / 60))::int AS m,"
	"   count(*) AS n FROM jobs WHERE status IN ('succeeded', 'failed', 'cancelled')"
	"   AND finished_at > now() - interval '1 hour' GROUP BY 1, 2, 3)"
	" SELECT n.q AS queue, qq.paused_at IS NOT NULL AS paused, qq.paused_reason,"
	"  (SELECT count(*) FROM (SELECT 1 FROM jobs WHERE status = 'waiting' AND queue = n.q"
	"   LIMIT 10001) x) AS waiting,"
	"  (SELECT count(*) FROM (SELECT 1 FROM jobs WHERE status = 'scheduled' AND queue = n.q"
	"   LIMIT 10001) x) AS scheduled,"
	"  (SELECT count(*) FROM (SELECT 1 FROM jobs WHERE status = 'queued' AND queue = n.q"
	"   LIMIT 10001) x) AS queued,"
	"  (SELECT count(*) FROM jobs WHERE status = 'running' AND queue = n.q) AS running,"
	"  (SELECT COALESCE(sum(t.n), 0) FROM tp t WHERE t.queue = n.q AND t.status = 'succeeded')"
	"   AS succeeded,"
	"  (SELECT COALESCE(sum(t.n), 0) FROM tp t WHERE t.queue = n.q AND t.status = 'failed')"
	"   AS failed,"
	"  (SELECT COALESCE(sum(t.n), 0) FROM tp t WHERE t.queue = n.q AND t.status = 'cancelled')"
	"   AS cancelled,"
	"  (SELECT " AGE("j.created_at", "a") " FROM jobs j WHERE j.status = 'queued'"
	"   AND j.queue = n.q ORDER BY j.created_at LIMIT 1) AS oldest_s,"
	"  (SELECT count(*) FROM (SELECT 1 FROM jobs WHERE queue = n.q AND publish_after <= now()"
	"    AND published_at IS NULL AND status IN ('scheduled', 'queued') AND priority = 0"
	"    AND concurrency_key IS NULL LIMIT 10001) x)"
	"  + (SELECT count(*) FROM (SELECT 1 FROM jobs WHERE queue = n.q AND priority > 0"
	"    AND published_at IS NULL AND status IN ('scheduled', 'queued')"
	"    AND publish_after <= now() LIMIT 10001) x)"
	"  + (SELECT count(*) FROM (SELECT 1 FROM jobs WHERE queue = n.q"
	"    AND concurrency_key IS NOT NULL AND published_at IS NULL AND status = 'queued'"
	"    AND publish_after < 'infinity' AND priority = 0 LIMIT 10001) x)"
	"   AS unpublished,"
	"  (SELECT string_agg(COALESCE(t.n, 0)::text, ',' ORDER BY g) FROM generate_series(0, 59) g"
	"   LEFT JOIN (SELECT m, sum(n) AS n FROM tp WHERE queue = n.q GROUP BY m) t ON t.m = g)"
	"   AS last_hour"
	" FROM names n LEFT JOIN queues qq ON qq.name = n.q ORDER BY n.q LIMIT 200";

static const char totals_sql[] =
	"SELECT (SELECT count(*) FROM workers w WHERE w.state IN ('running', 'draining')"
	"  AND w.heartbeat_at > now() - interval '2 minutes') AS workers,"
	" (SELECT count(*) FROM (SELECT 1 FROM dead_letters LIMIT 10001) x) AS dead,"
	" (SELECT count(*) FROM limits) AS limits";
/* clang-format on */

/* The last hour's throughput of one queue as an inline SVG bar chart: counts is "n0,n1,..."
 * with n0 the latest minute, drawn at the right. */
static void sparkline(struct req *r, const char *counts)
{
	long v[60] = { 0 }, max = 0, total = 0;
	const char *p = counts;
	int n = 0;

	while (p != NULL && *p && n < 60) {
		v[n] = strtol(p, NULL, 10);
		total += v[n];
		max = v[n] > max ? v[n] : max;
		n++;
		p = strchr(p, ',');
		p = p != NULL ? p + 1 : NULL;
	}
	html_put(&r->h,
		 "<svg class=\"spark\" width=\"120\" height=\"24\" viewBox=\"0 0 120 24\" "
		 "role=\"img\" aria-label=\"%ld finished in the last hour\"><title>%ld finished in "
		 "the last hour</title>",
		 total, total);
	for (int i = 0; i < n; i++) {
		int hgt = max > 0 ? (int)((v[i] * 22 + max - 1) / max) : 0;

		if (hgt > 0)
			html_put(
				&r->h,
				"<rect x=\"%d\" y=\"%d\" width=\"2\" height=\"%d\" fill=\"#3b7\"/>",
				(59 - i) * 2, 24 - hgt, hgt);
	}
	html_put(&r->h, "</svg>");
}

/* A count cell that links to the jobs of queue q in state s (of the last hour when
 * last_hour). */
static void count_cell(struct req *r, const PGresult *res, int i, const char *col, bool last_hour)
{
	const char *q = PQgetvalue(res, i, PQfnumber(res, "queue"));

	html_put(&r->h, "<td class=\"num\"><a href=\"/jobs?queue=");
	html_url(&r->h, q);
	html_put(&r->h, "&amp;status=%s%s\">", col, last_hour ? "&amp;since=1h" : "");
	page_count(r, atoll(PQgetvalue(res, i, PQfnumber(res, col))));
	html_put(&r->h, "</a></td>");
}

int page_overview(struct req *r)
{
	static const char *const states[] = { "waiting",   "scheduled", "queued",   "running",
					      "succeeded", "failed",    "cancelled" };
	static const char *const heads[] = { "waiting",        "scheduled",       "queued",
					     "running",        "succeeded (1 h)", "failed (1 h)",
					     "cancelled (1 h)" };
	PGresult *res = NULL, *tot = NULL;
	int s;

	if ((s = query(r, totals_sql, 0, NULL, &tot)) != 0 ||
	    (s = query(r, overview_sql, 0, NULL, &res)) != 0) {
		PQclear(tot);
		return s;
	}
	page_begin(r, "Overview", "overview");
	html_put(&r->h,
		 "<p class=\"totals\"><a href=\"/workers\">%s workers alive</a> · "
		 "<a href=\"/dead\">",
		 PQgetvalue(tot, 0, 0));
	page_count(r, atoll(PQgetvalue(tot, 0, 1)));
	html_put(&r->h, " dead letters</a> · <a href=\"/schedules\">%s limits</a></p>\n",
		 PQgetvalue(tot, 0, 2));
	if (PQntuples(res) == 0) {
		html_put(&r->h, "<p class=\"empty\">No queue has jobs or workers yet.</p>\n");
	} else {
		html_put(&r->h, "<table class=\"queues\">\n<thead><tr><th>queue</th>");
		for (size_t k = 0; k < sizeof(heads) / sizeof(heads[0]); k++)
			html_put(&r->h, "<th>%s</th>", heads[k]);
		html_put(&r->h,
			 "<th>oldest queued</th><th>unpublished</th><th>last hour</th>"
			 "%s</tr></thead>\n<tbody>\n",
			 !r->w->read_only && r->logged_in ? "<th></th>" : "");
	}
	for (int i = 0; i < PQntuples(res); i++) {
		const char *q = PQgetvalue(res, i, 0);
		bool paused = PQgetvalue(res, i, 1)[0] == 't';

		html_put(&r->h, "<tr><td class=\"queue\">");
		html_esc(&r->h, q);
		if (paused) {
			html_put(&r->h, " <span class=\"badge paused\" title=\"");
			html_esc(&r->h, PQgetvalue(res, i, 2));
			html_put(&r->h, "\">paused</span>");
		}
		html_put(&r->h, "</td>");
		for (size_t k = 0; k < sizeof(states) / sizeof(states[0]); k++)
			count_cell(r, res, i, states[k], k >= 4);
		html_put(&r->h, "<td class=\"num\">");
		if (!PQgetisnull(res, i, PQfnumber(res, "oldest_s"))) {
			html_esc(&r->h, PQgetvalue(res, i, PQfnumber(res, "oldest_s")));
			html_put(&r->h, " s");
		}
		html_put(&r->h, "</td><td class=\"num\">");
		page_count(r, atoll(PQgetvalue(res, i, PQfnumber(res, "unpublished"))));
		html_put(&r->h, "</td><td>");
		sparkline(r, PQgetvalue(res, i, PQfnumber(res, "last_hour")));
		html_put(&r->h, "</td>");
		if (!r->w->read_only && r->logged_in) {
			html_put(&r->h, "<td><form method=\"post\" action=\"/actions/%s\">",
				 paused ? "resume" : "pause");
			page_csrf(r);
			html_put(&r->h, "<input type=\"hidden\" name=\"queue\" value=\"");
			html_esc(&r->h, q);
			html_put(&r->h, "\"><button type=\"submit\">%s</button></form></td>",
				 paused ? "Resume" : "Pause");
		}
		html_put(&r->h, "</tr>\n");
	}
	if (PQntuples(res) > 0)
		html_put(&r->h,
			 "</tbody></table>\n<p class=\"note\">Counts stop at 10,000. "
			 "Finished jobs: those of the last hour (all of them: the job list). "
			 "Unpublished: due jobs the broker does not have yet (the relay "
			 "publishes them).</p>\n");
	PQclear(res);
	PQclear(tot);
	page_end(r, false);
	return 200;
}

/* ---- workers, dead letters, schedules and limits ---- */

/* clang-format off */
static const char workers_sql[] =
	"SELECT w.id, CASE WHEN w.state IN ('running', 'draining')"
	"  AND w.heartbeat_at > now() - interval '2 minutes' THEN w.state"
	"  WHEN w.state = 'stopped' THEN 'stopped' ELSE 'lost' END AS state,"
	" w.hostname AS host, w.pid, array_to_string(w.queues, ', ') AS queues, w.concurrency,"
	" (SELECT count(*) FROM jobs j WHERE j.status = 'running' AND j.worker_id = w.id)"
	"  AS running_jobs,"
	" " AGE("w.heartbeat_at", "heartbeat_age_s") ","
	" " TS("w.started_at", "started")
	" FROM workers w WHERE w.state <> 'stopped' OR w.stopped_at > now() - interval '1 day'"
	" ORDER BY w.state = 'stopped', w.id LIMIT 500";

static const char dead_sql[] =
	"SELECT d.id AS dead_letter, " TS("d.at", "at") ", d.job_id, d.queue, d.reason, d.detail,"
	" d.body_bytes, encode(substring(d.body FROM 1 FOR 200), 'escape') AS body_start"
	" FROM dead_letters d WHERE ($1::bigint IS NULL OR d.id < $1::bigint)"
	" ORDER BY d.id DESC LIMIT 100";

static const char schedules_sql[] =
	"SELECT s.name, s.expression, s.tz, s.type, s.queue, s.paused, s.catch_up,"
	" " TS("s.next_slot", "next_slot") ", " TS("s.last_slot", "last_slot") ","
	" s.last_job_id AS job_id FROM schedules s ORDER BY s.name LIMIT 1000";

static const char limits_sql[] =
	"SELECT l.scope, l.max_running, l.rate AS rate_per_s,"
	" " TS("l.updated_at", "updated") " FROM limits l ORDER BY l.scope LIMIT 1000";
/* clang-format on */

int page_workers(struct req *r)
{
	PGresult *res = NULL;
	int s;

	if ((s = query(r, workers_sql, 0, NULL, &res)) != 0)
		return s;
	page_begin(r, "Workers", "workers");
	table(r, res, "No worker has registered in the last day.");
	html_put(&r->h,
		 "<p class=\"note\">lost: registered as running, but no heartbeat for "
		 "2 minutes. The jobs a worker runs: <a href=\"/jobs?status=running\">running "
		 "jobs</a>.</p>\n");
	PQclear(res);
	page_end(r, false);
	return 200;
}

int page_dead(struct req *r)
{
	const char *before = web_query_arg(r, "before");
	const char *p[1] = { NULL };
	PGresult *res = NULL;
	char *end = NULL;
	int s;

	if (before != NULL && before[0] != '\0') {
		if (strtoll(before, &end, 10) <= 0 || *end != '\0')
			return page_error(r, 400, "before: not a dead letter number");
		p[0] = before;
	}
	if ((s = query(r, dead_sql, 1, p, &res)) != 0)
		return s;
	page_begin(r, "Dead letters", "dead");
	html_put(&r->h, "<p class=\"note\">Messages the broker dead-lettered, newest first "
			"(the first 200 bytes of each body; see <code>jobq dead</code>).</p>\n");
	table(r, res, "No dead letters.");
	if (PQntuples(res) == 100)
		html_put(&r->h, "<p><a href=\"/dead?before=%s\" rel=\"next\">Older</a></p>\n",
			 PQgetvalue(res, 99, 0));
	PQclear(res);
	page_end(r, false);
	return 200;
}

int page_schedules(struct req *r)
{
	PGresult *sched = NULL, *lim = NULL;
	int s;

	if ((s = query(r, schedules_sql, 0, NULL, &sched)) != 0)
		return s;
	if ((s = query(r, limits_sql, 0, NULL, &lim)) != 0) {
		PQclear(sched);
		return s;
	}
	page_begin(r, "Schedules and limits", "schedules");
	html_put(&r->h, "<h2>Schedules</h2>\n");
	table(r, sched, "No schedules (jobq schedule add).");
	html_put(&r->h, "<h2>Limits</h2>\n");
	table(r, lim, "No limits (jobq limit set).");
	PQclear(sched);
	PQclear(lim);
	page_end(r, false);
	return 200;
}
