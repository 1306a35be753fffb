/* The filter options that `jobq list` shares with the commands acting on a set of jobs
 * (--status, --type, --queue, --worker, --meta, --since, --until): their getopt table
 * entries, their help lines and the parsing of each into a struct jobq_job_filter. */
#ifndef JOBQ_FILTER_OPTS_H
#define JOBQ_FILTER_OPTS_H

#include <getopt.h>
#include <stdbool.h>
#include "cli.h"
#include "jobq/job_filter.h"

/* The values getopt_long returns for the filter options: above any character a command
 * uses for its own. */
enum {
	FILTER_OPT_STATUS = 0x200, /* 0x100 is cli_getopt's --json */
	FILTER_OPT_TYPE,
	FILTER_OPT_QUEUE,
	FILTER_OPT_WORKER,
	FILTER_OPT_META,
	FILTER_OPT_SINCE,
	FILTER_OPT_UNTIL,
};

/* The getopt_long entries of the filter options, for the start of a command's table. */
#define FILTER_OPTIONS                                                                             \
	{ "status", required_argument, NULL, FILTER_OPT_STATUS },                                  \
		{ "type", required_argument, NULL, FILTER_OPT_TYPE },                              \
		{ "queue", required_argument, NULL, FILTER_OPT_QUEUE },                            \
		{ "worker", required_argument, NULL, FILTER_OPT_WORKER },                          \
		{ "meta", required_argument, NULL, FILTER_OPT_META },                              \
		{ "since", required_argument, NULL, FILTER_OPT_SINCE },                            \
	{                                                                                          \
		"until", required_argument, NULL, FILTER_OPT_UNTIL                                 \
	}

/* The help lines of the filter options. */
#define FILTER_HELP                                                                                \
	"  --status S      only jobs in state S (waiting, scheduled, queued, running,\n"           \
	"                  succeeded, failed, cancelled)\n"                                        \
	"  --type T        only jobs of type T\n"                                                  \
	"  --queue Q       only jobs on queue Q\n"                                                 \
	"  --worker W      only jobs W is running, or whose final attempt W ran (a job\n"          \
	"                  back in scheduled or queued names no worker)\n"                         \
	"  --meta K=V      only jobs whose metadata has K with the string value V\n"               \
	"                  (repeatable: all must hold)\n"                                          \
	"  --since T       only jobs created at or after T: RFC 3339 with a zone\n"                \
	"                  (2026-12-06T09:00:00Z, years 0001 to 9999) or a duration ago\n"         \
	"                  (30m, 2h, 7d; at most 365d)\n"                                          \
	"  --until T       only jobs created before T (same forms)\n"

/* If c is a filter option, parse its value into f and return true with *status 0, or with
 * *status CLI_EXIT_USAGE after printing a one-line error naming the option and the value.
 * Returns false (*status untouched) for any other option. */
bool filter_opt(struct cli *cli, int c, const char *value, struct jobq_job_filter *f, int *status);

#endif
