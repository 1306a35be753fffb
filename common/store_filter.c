/* A job filter as a WHERE clause with parameters (contract in jobq/store_filter.h). Each
 * condition is a plain comparison on one column, so that the planner can match it to
 * migration 0032's composite indexes (column, created_at, id) and walk them newest first. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/store_filter.h"

/* Append ' AND ' and the formatted condition. */
static void add(struct jobq_filter_sql *o, const char *fmt, ...) JOBQ_PRINTF(2, 3);
static void add(struct jobq_filter_sql *o, const char *fmt, ...)
{
	size_t n = strlen(o->where);
	va_list ap;

	if (n > 0 && n < sizeof(o->where))
		n += (size_t)snprintf(o->where + n, sizeof(o->where) - n, " AND ");
	if (n >= sizeof(o->where))
		return; /* cannot happen: the conditions are few and short */
	va_start(ap, fmt);
	vsnprintf(o->where + n, sizeof(o->where) - n, fmt, ap);
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
	if (b->ago) {
		snprintf(buf, len, "%" PRId64, b->ms);
		add(o, "created_at %s now() - $%d::bigint * interval '1 millisecond'", op,
		    param(o, first, buf));
	} else {
		jobq_cursor_timestamp(b->ms * 1000, buf, len);
		add(o, "created_at %s $%d::timestamptz", op, param(o, first, buf));
	}
}

int jobq_filter_sql_build(const struct jobq_job_filter *f, int first, struct jobq_filter_sql *out,
			  struct jobq_err *err)
{
	memset(out, 0, sizeof(*out));
	if (f->status != NULL)
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
		/* The first condition is the GIN index's predicate (jobs without metadata are
		 * not in it); a containment of a non-empty object implies it anyway. */
		add(out, "job_metadata <> '{}'::jsonb AND job_metadata @> $%d::jsonb",
		    param(out, first, out->meta_text));
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
	}
	/* Always true (CHECK 1..1000), and the predicate of jobs_created (migration 0032): a
	 * filter without an index of its own walks that index newest first; one with (status,
	 * type, queue, worker) must use its own, which the planner would otherwise pass over
	 * for jobs_created and a row-by-row filter, reading every newer job that does not
	 * match. */
	if (f->status == NULL && f->type == NULL && f->queue == NULL && f->worker == NULL)
		add(out, "max_attempts >= 1");
	return 0;
}

void jobq_filter_sql_free(struct jobq_filter_sql *out)
{
	if (out == NULL)
		return;
	free(out->meta_text);
	out->meta_text = NULL;
}
