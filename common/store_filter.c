/* A job filter as a WHERE clause with parameters, and the page query built on it (contract
 * in jobq/store_filter.h). Each condition is a plain comparison on one column, so that the
 * planner can match it to migration 0045's composite indexes (column, created_at, id) and
 * walk them newest first. Those indexes leave running jobs out (a claim writes none of
 * them) and start with status, so a page is one branch per job state, each ordered and
 * limited on its own, merged in (created_at, id) order: the running jobs through
 * jobs_running_lease, the others through 0045's indexes. A --meta page instead walks one
 * pair's rows of job_meta_pairs newest first (0045: key, value, created_at, job_id), each
 * job then read by primary key and checked against the rest of the filter. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/job.h"
#include "jobq/store_filter.h"

/* Append ' AND ' and the formatted condition to the condition in w (of size len). */
static void vadd_to(char *w, size_t len, const char *fmt, va_list ap)
{
	size_t n = strlen(w);

	if (n > 0 && n < len)
		n += (size_t)snprintf(w + n, len - n, " AND ");
	if (n >= len)
		return; /* cannot happen: the conditions are few and short */
	vsnprintf(w + n, len - n, fmt, ap);
}

/* ... to the filter's condition on jobs. */
static void add(struct jobq_filter_sql *o, const char *fmt, ...) JOBQ_PRINTF(2, 3);
static void add(struct jobq_filter_sql *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd_to(o->where, sizeof(o->where), fmt, ap);
	va_end(ap);
}

/* ... to its condition on the metadata pairs p (the same bounds on p.created_at). */
static void add_pair(struct jobq_filter_sql *o, const char *fmt, ...) JOBQ_PRINTF(2, 3);
static void add_pair(struct jobq_filter_sql *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd_to(o->pair_where, sizeof(o->pair_where), fmt, ap);
	va_end(ap);
}

/* The next placeholder's number, with p as its value. */
static int param(struct jobq_filter_sql *o, int first, const char *p)
{
	o->params[o->nparams] = p;
	return first + o->nparams++;
}

/* created_at OP the bound: an instant as a timestamptz parameter, or a span before now(). */
static void time_cond(struct jobq_filter_sql *o, int first, const char *op,
		      const struct jobq_time_bound *b, char *buf, size_t len)
{
	int n;

	if (b->ago) {
		snprintf(buf, len, "%" PRId64, b->ms);
		n = param(o, first, buf);
		add(o, "created_at %s now() - $%d::bigint * interval '1 millisecond'", op, n);
		add_pair(o, "p.created_at %s now() - $%d::bigint * interval '1 millisecond'", op,
			 n);
	} else {
		jobq_cursor_timestamp(b->ms * 1000, buf, len);
		n = param(o, first, buf);
		add(o, "created_at %s $%d::timestamptz", op, n);
		add_pair(o, "p.created_at %s $%d::timestamptz", op, n);
	}
}

/* How a filter's first --meta pair reaches job_meta_pairs: not at all (containment only),
 * as a condition on jobs' id (a count), or as the rows a page walks. */
enum pairs_use {
	PAIRS_IN,
	PAIRS_EXISTS,
	PAIRS_WALK
};

/* f's conditions into out; the status condition only when with_status. With f->meta, the
 * first pair's key and value become parameters (out->pair_key, pair_value): with PAIRS_IN,
 * the condition names the pair's jobs in job_meta_pairs (a count); with PAIRS_EXISTS, it
 * asks for the job's own row there by its whole key (a branch walking another column's
 * index probes it once a row, or the planner starts from a rare pair's rows); with
 * PAIRS_WALK, out->pair_where holds the conditions of a walk of the pair's rows. */
static int build(const struct jobq_job_filter *f, bool with_status, enum pairs_use use, int first,
		 struct jobq_filter_sql *out, struct jobq_err *err)
{
	memset(out, 0, sizeof(*out));
	if (with_status && f->status != NULL)
		add(out, "status = $%d::text", param(out, first, f->status));
	if (f->type != NULL)
		add(out, "type = $%d::text", param(out, first, f->type));
	if (f->queue != NULL)
		add(out, "queue = $%d::text", param(out, first, f->queue));
	if (f->worker != NULL)
		add(out, "worker_id = $%d::text", param(out, first, f->worker));
	if (f->meta != NULL) {
		if ((out->meta_text = json_dumps(f->meta, JSON_COMPACT)) == NULL)
			return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
		void *it = json_object_iter(f->meta);
		const char *v = it != NULL ? json_string_value(json_object_iter_value(it)) : NULL;

		/* Every pair by containment; the first also through its rows of the pairs
		 * (job_meta_pairs holds string values only, as --meta gives). */
		add(out, "job_metadata @> $%d::jsonb", param(out, first, out->meta_text));
		if (v != NULL) {
			out->pair_key = param(out, first, json_object_iter_key(it));
			out->pair_value = param(out, first, v);
			add_pair(out, "p.meta_key = $%d::text AND p.meta_value = $%d::text",
				 out->pair_key, out->pair_value);
			if (use == PAIRS_IN)
				add(out,
				    "id IN (SELECT p.job_id FROM job_meta_pairs p"
				    " WHERE p.meta_key = $%d::text AND p.meta_value = $%d::text)",
				    out->pair_key, out->pair_value);
			else if (use == PAIRS_EXISTS)
				add(out,
				    "EXISTS (SELECT 1 FROM job_meta_pairs p WHERE p.meta_key = "
				    "$%d::text"
				    " AND p.meta_value = $%d::text AND p.created_at = "
				    "jobs.created_at"
				    " AND p.job_id = jobs.id)",
				    out->pair_key, out->pair_value);
		}
	}
	if (f->since.set)
		time_cond(out, first, ">=", &f->since, out->bufs[0], sizeof(out->bufs[0]));
	if (f->until.set)
		time_cond(out, first, "<", &f->until, out->bufs[1], sizeof(out->bufs[1]));
	if (f->after.set) {
		int ts, id;

		jobq_cursor_timestamp(f->after.created_us, out->bufs[2], sizeof(out->bufs[2]));
		ts = param(out, first, out->bufs[2]);
		id = param(out, first, f->after.id);
		add(out, "(created_at, id) < ($%d::timestamptz, $%d::uuid)", ts, id);
		add_pair(out, "(p.created_at, p.job_id) < ($%d::timestamptz, $%d::uuid)", ts, id);
	}
	if (out->where[0] == '\0')
		add(out, "true");
	return 0;
}

int jobq_filter_sql_build(const struct jobq_job_filter *f, int first, struct jobq_filter_sql *out,
			  struct jobq_err *err)
{
	return build(f, true, PAIRS_IN, first, out, err);
}

/* The states in mask as "status IN ('a', 'b')" into buf (a state of jobs j, or "false"). */
static void states_in(unsigned mask, char *buf, size_t len)
{
	char list[JOBQ_STATUS_SQL_LIST_LEN];

	jobq_status_sql_list(mask, list, sizeof(list));
	if (list[0] == '\0')
		snprintf(buf, len, "false");
	else
		snprintf(buf, len, "status IN (%s)", list);
}

int jobq_filter_page_sql(const struct jobq_job_filter *f, unsigned states, const char *cols,
			 const char *cond, int first, struct jobq_filter_sql *out, char **sql,
			 struct jobq_err *err)
{
	enum jobq_status only;
	struct jobq_err ignored;
	char *s = NULL, *next;
	int r, limit;

	/* The walk of the pairs when no column index serves (see below). */
	bool walk = f->meta != NULL && f->type == NULL && f->queue == NULL && f->worker == NULL;

	*sql = NULL;
	if ((r = build(f, false, walk ? PAIRS_WALK : PAIRS_EXISTS, first, out, err)) != 0)
		return r;
	if (f->status != NULL)
		states &= jobq_status_parse(f->status, &only, &ignored) == 0 ? 1u << only : 0;
	limit = first + out->nparams;
	if (walk && out->pair_key > 0) {
		char in[256];

		/* One walk of the first pair's jobs, newest first: each read by primary key
		 * and checked against the rest (the states, the filter, cond) in a lateral
		 * kept apart (OFFSET 0: flattened into a join, the planner hashed every job
		 * of a rare state and sorted them), so that the walk stops at the page's last
		 * row. With a type, queue or worker too, the branches per state below ask
		 * for the job's pair row by its key (PAIRS_EXISTS), so the planner may walk
		 * that column's index (a rare type in a big tenant: the type's few jobs, not
		 * the tenant's) or start from the pair's rows (a rare tenant of a common
		 * type), by the statistics. */
		states_in(states, in, sizeof(in));
		if (asprintf(sql,
			     "SELECT %s FROM (SELECT j.* FROM job_meta_pairs p CROSS JOIN LATERAL"
			     " (SELECT * FROM jobs WHERE jobs.id = p.job_id AND %s AND %s%s%s"
			     " OFFSET 0) j"
			     " WHERE %s ORDER BY p.created_at DESC, p.job_id DESC"
			     " LIMIT $%d::integer) AS jobs"
			     " ORDER BY jobs.created_at DESC, jobs.id DESC LIMIT $%d::integer",
			     cols, in, out->where, cond != NULL ? " AND " : "",
			     cond != NULL ? cond : "", out->pair_where, limit, limit) < 0) {
			*sql = NULL;
			goto nomem;
		}
		return 0;
	}
	for (int k = 0; k < JOBQ_STATUS_COUNT; k++) {
		if ((states & (1u << k)) == 0)
			continue;
		/* The state as a constant, not a parameter: the planner then sees which
		 * partial indexes hold the branch's rows. */
		if (asprintf(&next,
			     "%s%s(SELECT * FROM jobs WHERE status = '%s' AND %s%s%s"
			     " ORDER BY created_at DESC, id DESC LIMIT $%d::integer)",
			     s != NULL ? s : "", s != NULL ? " UNION ALL " : "",
			     jobq_status_name((enum jobq_status)k), out->where,
			     cond != NULL ? " AND " : "", cond != NULL ? cond : "", limit) < 0)
			goto nomem;
		free(s);
		s = next;
	}
	/* No state can match: one empty branch keeps the statement's shape and parameters. */
	if (s == NULL && asprintf(&s,
				  "(SELECT * FROM jobs WHERE false AND %s"
				  " ORDER BY created_at DESC, id DESC LIMIT $%d::integer)",
				  out->where, limit) < 0) {
		s = NULL;
		goto nomem;
	}
	if (asprintf(sql,
		     "SELECT %s FROM (%s) AS jobs"
		     " ORDER BY jobs.created_at DESC, jobs.id DESC LIMIT $%d::integer",
		     cols, s, limit) < 0) {
		*sql = NULL;
		goto nomem;
	}
	free(s);
	return 0;
nomem:
	free(s);
	jobq_filter_sql_free(out);
	return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
}

void jobq_filter_sql_free(struct jobq_filter_sql *out)
{
	if (out == NULL)
		return;
	free(out->meta_text);
	out->meta_text = NULL;
}
