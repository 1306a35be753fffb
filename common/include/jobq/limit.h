/* Concurrency limits' inputs (docs/scheduling.md "Concurrency and rate limits", migration
 * 0021): a limit's scope, a rate, a job's concurrency key. Pure: nothing here talks to a
 * server. The messages are the ones the CLI prints. */
#ifndef JOBQ_LIMIT_H
#define JOBQ_LIMIT_H

#include "jobq/err.h"

/* The longest concurrency key, and a scope's name after its prefix. */
#define JOBQ_LIMIT_NAME_MAX 128

/* A valid concurrency key: 1-128 characters of A-Z a-z 0-9 _ . : - (the jobs column's
 * CHECK). 0, or JOBQ_EINVAL naming the value; NULL is invalid. */
int jobq_check_concurrency_key(const char *key, struct jobq_err *err) JOBQ_WUR;

/* A valid limit scope: `queue:Q` (Q a valid queue name), `type:T` (a valid job type) or
 * `key:K` (a valid concurrency key). 0, or JOBQ_EINVAL naming the value and the rule. */
int jobq_check_limit_scope(const char *scope, struct jobq_err *err) JOBQ_WUR;

/* A max-running count: a whole number from 1 to 1000000 in decimal, nothing after it. 0 and
 * *out set, or JOBQ_EINVAL naming the value. */
int jobq_parse_max_running(const char *text, int *out, struct jobq_err *err) JOBQ_WUR;

/* A rate `N/s` or `N/m` (N a positive decimal number, from 0.0001/s to 1000000/s): *per_s set to the
 * jobs per second. 0, or JOBQ_EINVAL naming the value. */
int jobq_parse_rate(const char *text, double *per_s, struct jobq_err *err) JOBQ_WUR;

#endif
