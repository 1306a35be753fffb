/* `jobq cancel` and `jobq retry` by filter: the jobs a filter selects (the filters of
 * `jobq list`), acted on in batches of BULK_BATCH, each its own short transaction, through
 * the same paths as the commands' single jobs; or, with --dry-run, counted and sampled. */
#ifndef JOBQ_CMD_BULK_H
#define JOBQ_CMD_BULK_H

#include <stdbool.h>
#include "cli.h"
#include "jobq/job_filter.h"

/* Jobs per page read: one cancel statement (and its broadcast), or this many retries. */
#define BULK_BATCH 500

/* A bulk retry publishes the jobs it requeued at least every BULK_PUBLISH of them, within
 * half the relay grace of the first one's commit, and before it reads the next page. */
#define BULK_PUBLISH 100

/* The options of a bulk action besides the filter. */
struct bulk_opts {
	bool all;           /* --all: no filter was needed */
	bool dry_run;       /* count and sample, change nothing */
	const char *reason; /* cancel: recorded with each cancel */
};

/* The extra options of bulk actions, for a command's getopt_long table (after
 * FILTER_OPTIONS): their values. */
enum {
	BULK_OPT_ALL = 0x280,
	BULK_OPT_DRY_RUN
};
#define BULK_OPTIONS                                                                               \
	{ "all", no_argument, NULL, BULK_OPT_ALL },                                                \
	{                                                                                          \
		"dry-run", no_argument, NULL, BULK_OPT_DRY_RUN                                     \
	}

/* The help lines of the bulk options. */
#define BULK_HELP                                                                                  \
	"  --all           act on every job the command applies to (needed when no filter\n"       \
	"                  is given)\n"                                                            \
	"  --dry-run       print how many jobs would be acted on and a sample of them;\n"          \
	"                  change nothing\n"

/* Whether the command was given a bulk selection (a filter, --all or --dry-run). */
bool bulk_wanted(const struct jobq_job_filter *f, const struct bulk_opts *o);

/* Cancel every job f selects that has not finished (scheduled, queued or running: every
 * state that is not final), running ones only without a cancel request yet, newest first,
 * BULK_BATCH at a time through jobq_client_cancel_many (the single cancel's statement and
 * broadcast). Refuses a filter-less run without o->all, and a --status the action never
 * applies to (for cancel a finished one; for retry one that is not failed or cancelled).
 * A relative --since/--until is fixed at the start (the database's now()). Prints the
 * counts at the end (text, or one JSON object). Returns the exit status: 0 done (also when
 * nothing matched); 2 usage; 5 database unavailable. */
int bulk_cancel(struct cli *cli, struct jobq_job_filter *f, const struct bulk_opts *o);

/* Requeue every failed or cancelled job f selects, as `jobq retry ID` does each (one short
 * transaction per job), and publish their messages in groups (BULK_PUBLISH) on one broker
 * connection. Same selection rules, counts and exit statuses as bulk_cancel, and 6 when
 * some were left to the relay. */
int bulk_retry(struct cli *cli, struct jobq_job_filter *f, const struct bulk_opts *o);

#endif
