/* Waiting for jobs to end, shared by wait, submit --wait and cancel --wait. */
#ifndef JOBQ_CMD_WAIT_H
#define JOBQ_CMD_WAIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cli.h"
#include "jobq/jobq.h"

/* Called once per job as it ends; prints it and returns the job's exit status. */
typedef int (*cli_end_fn)(struct cli *cli, const char *id, const struct jobq_job_info *e);

/* Block until every job in ids is terminal or timeout_ms passes (0 = no limit), through
 * libjobq (jobq_client_wait_many on cli's handle), handing each job to on_end as it ends
 * (NULL: cli_end_default). Returns the highest status on_end returned, or 3 unknown id,
 * 4 timed out, 5 database unavailable. */
int cli_wait_jobs(struct cli *cli, const char *const *ids, size_t n, int64_t timeout_ms,
		  cli_end_fn on_end);

/* The default end: print it (cli_print_end); 0 for succeeded, 1 otherwise. */
int cli_end_default(struct cli *cli, const char *id, const struct jobq_job_info *e);

/* Print a job's end: the result for succeeded, the error otherwise, or one JSON object
 * with --json. */
void cli_print_end(struct cli *cli, const char *id, const struct jobq_job_info *e);

#endif
