/* Waiting for jobs to end, shared by wait, submit --wait and (later) cancel --wait. */
#ifndef JOBQ_CMD_WAIT_H
#define JOBQ_CMD_WAIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cli.h"
#include "jobq/store_jobs.h"

/* Block until every job in ids is terminal or timeout_ms passes (0 = no limit), printing
 * each job's end as it comes (cli_print_end). `listening` says the caller has already
 * run LISTEN and registered the waiters on cli's connection (submit does both inside its
 * insert transaction). Returns the exit status: 0 all succeeded, 1 one failed or was
 * cancelled, 3 unknown id, 4 timed out, 5 database unavailable. */
int cli_wait_jobs(struct cli *cli, const char *const *ids, size_t n, int64_t timeout_ms,
		  bool listening);

/* Print a job's end: the result for succeeded, the error otherwise, or one JSON object
 * with --json. */
void cli_print_end(struct cli *cli, const char *id, const struct jobq_job_end *e);

#endif
