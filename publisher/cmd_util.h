/* Plumbing shared by the command files (cmd_*.c) beyond cli.h: positional argument checks
 * and printing a JSON value that may have failed to build. */
#ifndef JOBQ_CMD_UTIL_H
#define JOBQ_CMD_UTIL_H

#include "cli.h"

/* After option parsing: exactly one positional argument (argv[optind]), a job id. Returns
 * it, or NULL after printing a usage error (missing, extra argument or invalid UUID); the
 * caller returns CLI_EXIT_USAGE. */
const char *cmd_job_id_arg(struct cli *cli, int argc, char **argv) JOBQ_WUR;

/* After option parsing, for a sub-command at argv[optind]: exactly one more argument, which
 * check accepts (0, or JOBQ_EINVAL with a one-line message). Returns it, or NULL after
 * printing `missing` (when absent), the extra argument, or check's message; the caller
 * returns the exit status cli_fail_err or cli_usage set. */
const char *cmd_sub_arg(struct cli *cli, int argc, char **argv, const char *missing,
			int (*check)(const char *, struct jobq_err *)) JOBQ_WUR;

/* After option parsing: no positional argument. 0, or CLI_EXIT_USAGE after printing a
 * usage error naming the first extra argument. */
int cmd_no_args(struct cli *cli, int argc, char **argv) JOBQ_WUR;

/* Run sql (n parameters p) on the CLI's database session into *res (the caller PQclears it);
 * what names the statement in an error. Returns CLI_EXIT_OK, CLI_EXIT_UNAVAILABLE when the
 * session cannot be had (cli_store printed why), or cli_fail_err's status after printing the
 * database's one-line error. */
int cmd_query(struct cli *cli, const char *sql, int n, const char *const *p, const char *what,
	      PGresult **res) JOBQ_WUR;

/* Print v with cli_print_json() and return CLI_EXIT_OK; a NULL v (building it ran out of
 * memory) prints an error and returns CLI_EXIT_JOB_FAILED. */
int cmd_print_json(struct cli *cli, json_t *v) JOBQ_WUR;

/* Requeue a failed or cancelled job as if new (attempt 0, error and owner cleared) with
 * `reason` in its history, publish it and print "requeued ID". Returns the exit status:
 * 0 requeued (also when the broker was unreachable: the relay publishes it), 2 the job is
 * in another state, 3 no such job, 5 database unavailable. */
int cli_requeue(struct cli *cli, const char *id, const char *reason);

/* SQL: a rate per second (numeric r, an expression) as the CLI shows it: "20/s" from 1/s,
 * "30/m" below; NULL for none (jobq limit, jobq queue list). */
#define CMD_RATE_TEXT(r)                                                                           \
	"CASE WHEN " r " >= 1 THEN trim_scale(round(" r ", 6)) || '/s'"                            \
	" WHEN " r " IS NOT NULL THEN trim_scale(round(" r " * 60, 6)) || '/m' END"

#endif
