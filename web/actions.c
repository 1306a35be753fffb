/* What a logged-in operator may do from the console: cancel a job (through libjobq's
 * jobq_client_cancel_many, the call `jobq cancel` makes: the cancel recorded, then a
 * running job's stop broadcast), retry one (jobq_store_retry, as `jobq retry`; the relay
 * publishes it), pause and resume a queue (jobq_cli_queue_pause/_resume), and the same
 * cancel and retry for every job a filter selects, after a preview of how many. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/ids.h"
#include "jobq/job.h"
#include "jobq/parse.h"
#include "jobq/store_admin.h"
#include "jobq/store_filter.h"
#include "web.h"

#define REASON "by the web console"
/* Jobs per statement of a bulk action, as `jobq cancel/retry` by filter. */
#define BULK_BATCH 500

/* The states an action applies to, as bits of enum jobq_status and as a condition on jobs:
 * cancel every state that is not final (a running job only once: not while its stop is
 * already requested), retry failed and cancelled jobs (what jobq_cli_retry requeues). */
struct states {
	unsigned mask;
	char cond[256];
};

static void action_states(bool cancel, struct states *s)
{
	char in[JOBQ_STATUS_SQL_LIST_LEN];

	s->mask = 0;
	for (int k = 0; k < JOBQ_STATUS_COUNT; k++)
		if (cancel ? !jobq_status_terminal((enum jobq_status)k)
			   : (k == JOBQ_FAILED || k == JOBQ_CANCELLED))
			s->mask |= 1u << k;
	jobq_status_sql_list(s->mask & ~(cancel ? 1u << JOBQ_RUNNING : 0u), in, sizeof(in));
	if (cancel)
		snprintf(s->cond, sizeof(s->cond),
			 "(status IN (%s) OR (status = 'running' AND cancel_requested_at IS NULL))",
			 in);
	else
		snprintf(s->cond, sizeof(s->cond), "status IN (%s)", in);
}

/* The libjobq handle, opened on first use with the console's configuration; called with
 * client_mu held. NULL with err's message set. */
static jobq_client *client(struct web *w, char *msg, size_t len)
{
	struct jobq_client_error e;

	if (w->client == NULL && jobq_client_open_config(w->config_path, &w->client, &e) != 0) {
		snprintf(msg, len, "%s", e.message);
		return NULL;
	}
	return w->client;
}

/* Cancel ids[0..n) through libjobq into res. 0, or an HTTP status after the error page. */
static int cancel_ids(struct req *r, const char *const *ids, size_t n,
		      struct jobq_cancel_result *res, char *warn, size_t wlen)
{
	char msg[512] = "";
	jobq_client *c;
	int rc = 0;

	pthread_mutex_lock(&r->w->client_mu);
	if ((c = client(r->w, msg, sizeof(msg))) == NULL ||
	    jobq_client_cancel_many(c, ids, n, "cancelled " REASON, res) != JOBQ_CLIENT_OK) {
		if (c != NULL)
			snprintf(msg, sizeof(msg), "%s", jobq_client_errmsg(c));
		rc = 503;
	} else if (warn != NULL) {
		snprintf(warn, wlen, "%s", jobq_client_errmsg(c)); /* a broadcast failed */
	}
	pthread_mutex_unlock(&r->w->client_mu);
	return rc != 0 ? page_error(r, rc, msg) : 0;
}

static bool job_id(const char *v, char *id)
{
	if (v == NULL || !jobq_uuid_valid(v))
		return false;
	for (size_t i = 0; i <= 36; i++)
		id[i] = (char)(v[i] >= 'A' && v[i] <= 'F' ? v[i] - 'A' + 'a' : v[i]);
	return true;
}

static int do_cancel(struct req *r)
{
	struct jobq_cancel_result res = { 0 };
	char id[37];
	const char *ids[1] = { id };
	int s;

	if (!job_id(web_form(r, "id"), id))
		return page_error(r, 400, "id: not a job id");
	if ((s = cancel_ids(r, ids, 1, &res, NULL, 0)) != 0)
		return s;
	if (!res.found)
		return page_error(r, 404, "no such job");
	snprintf(r->location, sizeof(r->location), "/jobs/%s", id);
	return 303;
}

/* Requeue one job; *done says whether it was. 0, or the jobq error code with err set. */
static int retry_one(struct req *r, const char *id, bool *done, enum jobq_status *before,
		     struct jobq_err *err)
{
	struct jobq_store *st = web_db(r, err);
	struct jobq_retried rt = { 0 };
	int rc;

	*done = false;
	if (st == NULL)
		return err->code;
	/* Due for the relay at once (grace 0): the console holds no broker connection of its
	 * own for publishing, and the relay's next pass publishes it. */
	if ((rc = jobq_store_retry(st, id, 0, "retried " REASON, &rt, err)) != 0)
		return rc;
	*done = rt.found && rt.requeued;
	*before = rt.before;
	if (!rt.found)
		return jobq_err_set(err, JOBQ_ENOTFOUND, "no job %s", id);
	return 0;
}

static int do_retry(struct req *r)
{
	struct jobq_err err = { 0 };
	enum jobq_status before = JOBQ_QUEUED;
	char id[37];
	bool done;

	if (!job_id(web_form(r, "id"), id))
		return page_error(r, 400, "id: not a job id");
	if (retry_one(r, id, &done, &before, &err) != 0)
		return page_error(r, err.code == JOBQ_ENOTFOUND ? 404 : 503, err.msg);
	if (!done) {
		char msg[160];

		snprintf(msg, sizeof(msg),
			 "job %s is %s; only failed or cancelled jobs can be retried", id,
			 jobq_status_name(before));
		return page_error(r, 409, msg);
	}
	snprintf(r->location, sizeof(r->location), "/jobs/%s", id);
	return 303;
}

static int do_queue(struct req *r, bool pause)
{
	const char *q = web_form(r, "queue");
	const char *p[2] = { q, "paused " REASON };
	struct jobq_err err = { 0 };
	PGresult *res = NULL;

	if (q == NULL || !jobq_queue_name_valid(q))
		return page_error(r, 400, "queue: not a queue name (1 to 64 of A-Z a-z 0-9 _ . -)");
	if (web_sql(r,
		    pause ? "SELECT was_paused FROM jobq_cli_queue_pause($1, $2)"
			  : "SELECT was_paused FROM jobq_cli_queue_resume($1)",
		    pause ? 2 : 1, p, &res, &err) != 0)
		return page_error(r, 503, err.msg);
	PQclear(res);
	snprintf(r->location, sizeof(r->location), "/");
	return 303;
}

/* ---- bulk ---- */

/* A filter's relative --since/--until as instants on the database clock, so that every
 * batch selects within the same window. */
static int pin_bounds(struct req *r, struct jobq_job_filter *f, struct jobq_err *err)
{
	PGresult *res = NULL;

	if (!jobq_job_filter_relative(f))
		return 0;
	if (web_sql(r, "SELECT (extract(epoch FROM now()) * 1000)::bigint", 0, NULL, &res, err) !=
	    0)
		return err->code;
	jobq_job_filter_pin(f, strtoll(PQgetvalue(res, 0, 0), NULL, 10));
	PQclear(res);
	return 0;
}

/* The newest `limit` jobs of f in the action's states after f->after, with cols. */
static int page_of(struct req *r, const struct jobq_job_filter *f, const struct states *s,
		   int limit, const char *cols, PGresult **res, struct jobq_err *err)
{
	const char *params[JOBQ_FILTER_MAX_PARAMS + 1] = { 0 };
	struct jobq_filter_sql fs = { 0 };
	char lim[16], *sql = NULL;
	int rc;

	if (jobq_filter_page_sql(f, s->mask, cols, s->cond, 1, &fs, &sql, err) != 0)
		return JOBQ_ENOMEM;
	memcpy(params, fs.params, sizeof(fs.params[0]) * (size_t)fs.nparams);
	snprintf(lim, sizeof(lim), "%d", limit);
	params[fs.nparams] = lim;
	rc = web_sql(r, sql, fs.nparams + 1, params, res, err);
	free(sql);
	jobq_filter_sql_free(&fs);
	return rc;
}

/* The filter's fields as hidden inputs (from the query or the form). */
static void hidden_filter(struct req *r, const struct web_arg *a, int n)
{
	static const char *const names[] = { "status", "type",  "queue", "worker",
					     "meta",   "since", "until" };

	for (int i = 0; i < n; i++)
		for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (strcmp(a[i].name, names[k]) == 0 && a[i].value[0] != '\0') {
				html_put(&r->h, "<input type=\"hidden\" name=\"%s\" value=\"",
					 names[k]);
				html_esc(&r->h, a[i].value);
				html_put(&r->h, "\">");
			}
}

/* Parse and check a bulk action's filter; 0 or an HTTP status after the error page. */
static int bulk_filter(struct req *r, const struct web_arg *a, int n, bool cancel,
		       struct jobq_job_filter *f, struct states *s)
{
	struct jobq_err err = { 0 };
	enum jobq_status st;

	if (web_filter(a, n, false, f, &err) != 0)
		return page_error(r, 400, err.msg);
	if (!jobq_job_filter_any(f))
		return page_error(r, 400, "give a filter: the console never acts on every job");
	action_states(cancel, s);
	if (f->status != NULL && jobq_status_parse(f->status, &st, &err) == 0 &&
	    (s->mask >> st & 1u) == 0)
		return page_error(r, 400,
				  cancel ? "status: only jobs that have not finished "
					   "can be cancelled"
					 : "status: only failed or cancelled jobs can be "
					   "retried");
	return 0;
}

/* GET /bulk?action=cancel|retry&FILTERS: how many jobs the action would take (counted up to
 * WEB_COUNT_CAP), the newest ten, and the form that does it. */
int page_bulk(struct req *r)
{
	const char *action = web_query_arg(r, "action");
	struct jobq_job_filter f = { 0 };
	struct jobq_filter_sql fs = { 0 };
	struct jobq_err err = { 0 };
	struct states s = { 0 };
	PGresult *count = NULL, *sample = NULL;
	char *sql = NULL;
	bool cancel;
	int status;

	if (r->w->read_only || !r->logged_in)
		return page_error(r, 403,
				  r->w->read_only ? "this console is read-only" : "log in first");
	if (action == NULL || (strcmp(action, "cancel") != 0 && strcmp(action, "retry") != 0))
		return page_error(r, 400, "action: cancel or retry");
	cancel = action[0] == 'c';
	if ((status = bulk_filter(r, r->query, r->nquery, cancel, &f, &s)) != 0)
		goto out;
	if (jobq_filter_sql_build(&f, 1, &fs, &err) != 0 ||
	    asprintf(&sql, "SELECT count(*) FROM (SELECT 1 FROM jobs WHERE %s AND %s LIMIT %d) x",
		     fs.where, s.cond, WEB_COUNT_CAP + 1) < 0) {
		sql = NULL;
		status = page_error(r, 500, "out of memory");
		goto out;
	}
	if (web_sql(r, sql, fs.nparams, fs.params, &count, &err) != 0 ||
	    page_of(r, &f, &s, 10, "id, status, type, queue", &sample, &err) != 0) {
		status = page_error(r, 503, err.msg);
		goto out;
	}
	page_begin(r, cancel ? "Cancel jobs" : "Retry jobs", "jobs");
	html_put(&r->h, "<p class=\"preview\">This would %s <strong id=\"matched\">", action);
	page_count(r, atoll(PQgetvalue(count, 0, 0)));
	html_put(&r->h, "</strong> jobs (an action handles at most ");
	page_count(r, WEB_BULK_MAX);
	html_put(&r->h, ", newest first: repeat it for more)%s</p>\n",
		 PQntuples(sample) > 0 ? "; the newest:" : ".");
	for (int i = 0; i < PQntuples(sample); i++) {
		html_put(&r->h, "%s", i == 0 ? "<p>" : "");
		page_id_link(r, PQgetvalue(sample, i, 0));
		html_put(&r->h, " ");
		html_esc(&r->h, PQgetvalue(sample, i, 1));
		html_put(&r->h, " ");
		html_esc(&r->h, PQgetvalue(sample, i, 2));
		html_put(&r->h, "<br>");
	}
	if (PQntuples(sample) > 0)
		html_put(&r->h, "</p>\n");
	html_put(&r->h, "<form method=\"post\" action=\"/actions/bulk-%s\">", action);
	page_csrf(r);
	hidden_filter(r, r->query, r->nquery);
	html_put(&r->h,
		 "<button type=\"submit\" id=\"confirm\">%s them</button> "
		 "<a href=\"/jobs\">back</a></form>\n",
		 cancel ? "Cancel" : "Retry");
	page_end(r, false);
	status = 200;
out:
	PQclear(count);
	PQclear(sample);
	free(sql);
	jobq_filter_sql_free(&fs);
	jobq_job_filter_free(&f);
	return status;
}

/* Requeue ids[0..n) (failed or cancelled jobs) in one statement: jobq_cli_retry on each,
 * as retry_one does, in one transaction (one commit for the batch). The requeued into
 * *done, the others (another state, or gone) into *skipped. 0, or the error's code. */
static int retry_batch(struct req *r, const char *const *ids, int n, long long *done,
		       long long *skipped, struct jobq_err *err)
{
	static const char sql[] = "SELECT count(*) FILTER (WHERE r.id IS NOT NULL)"
				  " FROM unnest($1::uuid[]) AS u(id) CROSS JOIN LATERAL"
				  " jobq_cli_retry(u.id, 0::bigint, $2) r";
	struct html arr = { 0 };
	const char *p[2];
	PGresult *res = NULL;
	long long requeued;
	size_t len;
	int rc;

	html_put(&arr, "{");
	for (int i = 0; i < n; i++)
		html_put(&arr, "%s%s", i > 0 ? "," : "", ids[i]);
	html_put(&arr, "}");
	if ((p[0] = html_take(&arr, &len)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	p[1] = "retried " REASON;
	rc = web_sql(r, sql, 2, p, &res, err);
	free((char *)p[0]);
	if (rc != 0)
		return rc;
	requeued = atoll(PQgetvalue(res, 0, 0));
	PQclear(res);
	*done += requeued;
	*skipped += n - requeued;
	return 0;
}

/* POST /actions/bulk-cancel|bulk-retry: the jobs the filter selects, newest first, at most
 * WEB_BULK_MAX, BULK_BATCH at a time (each batch its own statement: no long transaction).
 * It ends between batches when the console is stopping. */
static int do_bulk(struct req *r, bool cancel)
{
	struct jobq_cancel_result *cres = NULL;
	const char **ids = NULL;
	char(*buf)[37] = NULL, warn[512] = "";
	struct jobq_job_filter f = { 0 };
	struct jobq_err err = { 0 };
	struct states s = { 0 };
	PGresult *res = NULL;
	long long done = 0, requested = 0, skipped = 0;
	bool capped = false, stopped = false;
	int status;

	if ((status = bulk_filter(r, r->form, r->nform, cancel, &f, &s)) != 0)
		goto out;
	ids = calloc(BULK_BATCH, sizeof(*ids));
	buf = calloc(BULK_BATCH, sizeof(*buf));
	cres = calloc(BULK_BATCH, sizeof(*cres));
	if (ids == NULL || buf == NULL || cres == NULL) {
		status = page_error(r, 500, "out of memory");
		goto out;
	}
	if (pin_bounds(r, &f, &err) != 0) {
		status = page_error(r, 503, err.msg);
		goto out;
	}
	for (;;) {
		long long left = WEB_BULK_MAX - (done + requested + skipped);
		int n;

		if (left <= 0) {
			capped = true;
			break;
		}
		if (atomic_load(&r->w->stopping)) {
			stopped = true;
			break;
		}
		if (page_of(r, &f, &s, left < BULK_BATCH ? (int)left : BULK_BATCH,
			    "id, (extract(epoch FROM created_at) * 1000000)::bigint AS us", &res,
			    &err) != 0) {
			status = page_error(r, 503, err.msg);
			goto out;
		}
		if ((n = PQntuples(res)) == 0)
			break;
		for (int i = 0; i < n; i++) {
			snprintf(buf[i], sizeof(buf[i]), "%s", PQgetvalue(res, i, 0));
			ids[i] = buf[i];
		}
		f.after.set = true;
		f.after.created_us = strtoll(PQgetvalue(res, n - 1, 1), NULL, 10);
		snprintf(f.after.id, sizeof(f.after.id), "%s", buf[n - 1]);
		PQclear(res);
		res = NULL;
		if (cancel) {
			if ((status = cancel_ids(r, ids, (size_t)n, cres, warn, sizeof(warn))) != 0)
				goto out;
			for (int i = 0; i < n; i++) {
				if (cres[i].requested)
					requested++;
				else if (cres[i].found && (cres[i].was == JOBQ_JOB_SCHEDULED ||
							   cres[i].was == JOBQ_JOB_QUEUED))
					done++;
				else
					skipped++;
			}
			continue;
		}
		if (retry_batch(r, ids, n, &done, &skipped, &err) != 0) {
			status = page_error(r, 503, err.msg);
			goto out;
		}
	}
	page_begin(r, cancel ? "Jobs cancelled" : "Jobs retried", "jobs");
	if (cancel)
		html_put(&r->h,
			 "<p id=\"outcome\">cancelled %lld (scheduled or queued); stop "
			 "requested for %lld running; %lld had finished meanwhile</p>\n",
			 done, requested, skipped);
	else
		html_put(&r->h,
			 "<p id=\"outcome\">requeued %lld; %lld had changed state "
			 "meanwhile</p>\n",
			 done, skipped);
	if (warn[0] != '\0') {
		html_put(&r->h, "<p class=\"error\">");
		html_esc(&r->h, warn);
		html_put(&r->h, "</p>\n");
	}
	if (capped) {
		html_put(&r->h, "<p class=\"error\" id=\"capped\">Stopped at the cap of ");
		page_count(r, WEB_BULK_MAX);
		html_put(&r->h,
			 " jobs an action: do it again for the next ones, or use "
			 "<code>jobq %s</code> with the same filters.</p>\n",
			 cancel ? "cancel" : "retry");
	}
	if (stopped)
		html_put(&r->h, "<p class=\"error\" id=\"stopped\">Stopped: the console is "
				"stopping; the jobs not counted above are as they were.</p>\n");
	html_put(&r->h, "<p><a href=\"/jobs\">Jobs</a></p>\n");
	page_end(r, false);
	status = 200;
out:
	PQclear(res);
	free(ids);
	free(buf);
	free(cres);
	jobq_job_filter_free(&f);
	return status;
}

int web_action(struct req *r, const char *path)
{
	if (strcmp(path, "cancel") == 0)
		return do_cancel(r);
	if (strcmp(path, "retry") == 0)
		return do_retry(r);
	if (strcmp(path, "pause") == 0)
		return do_queue(r, true);
	if (strcmp(path, "resume") == 0)
		return do_queue(r, false);
	if (strcmp(path, "bulk-cancel") == 0)
		return do_bulk(r, true);
	if (strcmp(path, "bulk-retry") == 0)
		return do_bulk(r, false);
	return page_error(r, 404, "no such action");
}
