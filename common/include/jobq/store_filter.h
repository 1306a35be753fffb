/* A job filter (jobq/job_filter.h) as SQL: the WHERE clause and its parameters that
 * `jobq list` pages with, and that commands acting on a set of jobs select with. The
 * indexes that make each filter fast are migration 0045's (docs/design.md). */
#ifndef JOBQ_STORE_FILTER_H
#define JOBQ_STORE_FILTER_H

#include <stddef.h>
#include "jobq/err.h"
#include "jobq/job.h"
#include "jobq/job_filter.h"

#define JOBQ_FILTER_MAX_PARAMS 14

/* A filter's SQL: `where` is a condition on the columns of table `jobs` (unqualified
 * column names), with placeholders $first.. $first+nparams-1; params point into the filter
 * and into this struct (keep both alive while the statement runs). */
struct jobq_filter_sql {
	char where[1536];
	char pair_where
		[512]; /* --meta: the conditions on job_meta_pairs p (jobq_filter_page_sql) */
	const char *params[JOBQ_FILTER_MAX_PARAMS];
	int nparams;
	int pair_key, pair_value; /* --meta: the first pair's placeholders, else 0 */
	char *meta_text;          /* the metadata object as JSON text (owned) */
	char bufs[4][48];         /* numbers and timestamps the params point at */
};

/* Build f's condition with its first placeholder numbered first (so that a caller's own
 * parameters may come before it). A filter with nothing set is "true". The metadata
 * condition is containment (`job_metadata @>`) and, for the first pair, the jobs that
 * job_meta_pairs lists for it (migration 0045). 0, or JOBQ_ENOMEM. Free with
 * jobq_filter_sql_free. For a count; a page is jobq_filter_page_sql's. */
int jobq_filter_sql_build(const struct jobq_job_filter *f, int first, struct jobq_filter_sql *out,
			  struct jobq_err *err) JOBQ_WUR;

/* The job states a page reads: bits 1 << enum jobq_status (jobq/job.h). Every state, from
 * the enum's count, so that a state added to it is listed without a change here. */
#define JOBQ_FILTER_STATES_ALL ((1u << JOBQ_STATUS_COUNT) - 1u)

/* Build into *sql (malloc'd) the page of f: "SELECT cols FROM (...) AS jobs", the newest
 * jobs first ((created_at, id) descending, after f->after), at most $L rows, where $L is
 * placeholder number first + out->nparams, the caller's last parameter (an integer). Only
 * the states in `states` (and f->status's) are read, each in a branch of its own (status =
 * the state, f's other conditions, and cond when not NULL: a condition on the columns of
 * jobs), ordered and limited on its own and merged: migration 0045's indexes start with status
 * and leave running jobs out. With f->meta and no type, queue or worker, one walk of the
 * first pair's rows of job_meta_pairs instead, newest first, each job checked against the
 * states and the rest.
 * cols may name the columns as jobs.col. out holds the parameters (as
 * jobq_filter_sql_build's, without f->status's). 0, or JOBQ_ENOMEM; free *sql, and out with
 * jobq_filter_sql_free. */
int jobq_filter_page_sql(const struct jobq_job_filter *f, unsigned states, const char *cols,
			 const char *cond, int first, struct jobq_filter_sql *out, char **sql,
			 struct jobq_err *err) JOBQ_WUR;

/* Release what out owns. Accepts NULL. */
void jobq_filter_sql_free(struct jobq_filter_sql *out);

#endif
