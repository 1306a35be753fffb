/* A job filter (jobq/job_filter.h) as SQL: the WHERE clause and its parameters that
 * `jobq list` pages with, and that commands acting on a set of jobs select with. The
 * indexes that make each filter fast are migration 0032's (docs/design.md). */
#ifndef JOBQ_STORE_FILTER_H
#define JOBQ_STORE_FILTER_H

#include <stddef.h>
#include "jobq/err.h"
#include "jobq/job_filter.h"

#define JOBQ_FILTER_MAX_PARAMS 12

/* A filter's SQL: `where` is a condition on the columns of table `jobs` (unqualified
 * column names), with placeholders $first.. $first+nparams-1; params point into the filter
 * and into this struct (keep both alive while the statement runs). */
struct jobq_filter_sql {
	char where[1536];
	const char *params[JOBQ_FILTER_MAX_PARAMS];
	int nparams;
	char *meta_text;  /* the metadata object as JSON text (owned) */
	char bufs[4][48]; /* numbers and timestamps the params point at */
};

/* Build f's condition with its first placeholder numbered first (so that a caller's own
 * parameters may come before it). A filter without status, type, queue or worker holds
 * "max_attempts >= 1" (always true: the predicate of jobs_created, migration 0032), so a
 * filter with nothing set is just that. The metadata condition also names
 * `job_metadata <> '{}'`, the predicate of the partial GIN index. 0,
 * or JOBQ_ENOMEM. Free with jobq_filter_sql_free. */
int jobq_filter_sql_build(const struct jobq_job_filter *f, int first, struct jobq_filter_sql *out,
			  struct jobq_err *err) JOBQ_WUR;

/* Release what out owns. Accepts NULL. */
void jobq_filter_sql_free(struct jobq_filter_sql *out);

#endif
