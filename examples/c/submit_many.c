/* submit_many: submit N noop jobs through libjobq's many-jobs call and print their ids,
 * one a line. The database and the broker come from the environment as for the jobq CLI
 * (JOBQ_DATABASE_URL, JOBQ_AMQP_URL, JOBQ_CONFIG).
 *
 *   cc -o submit_many submit_many.c $(pkg-config --cflags --libs jobq)
 *   ./submit_many 10000 > ids.txt
 *
 * Exit status: 0 all saved and their messages sent to the broker; 6 saved, but the relay of
 * a running jobq-consumer publishes some of them; 2 bad argument; 1 any other failure. */
#include <jobq/jobq.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	struct jobq_client_error oerr;
	struct jobq_job_spec *jobs;
	char(*ids)[JOBQ_CLIENT_ID_SIZE];
	jobq_client *c;
	char *end;
	long n;
	int r;

	if (argc != 2 || (n = strtol(argv[1], &end, 10)) < 1 || *end != '\0' ||
	    n > JOBQ_CLIENT_MAX_BATCH) {
		fprintf(stderr, "usage: submit_many N   (N jobs, 1 to %d)\n",
			JOBQ_CLIENT_MAX_BATCH);
		return 2;
	}
	jobs = calloc((size_t)n, sizeof(*jobs));
	ids = calloc((size_t)n, sizeof(*ids));
	if (jobs == NULL || ids == NULL) {
		fprintf(stderr, "submit_many: out of memory\n");
		free(jobs);
		free(ids);
		return 1;
	}
	for (long i = 0; i < n; i++)
		jobs[i].type = "noop"; /* payload {}, queue "default", every other default */
	if (jobq_client_open_env(&c, &oerr) != JOBQ_CLIENT_OK) {
		fprintf(stderr, "submit_many: %s\n", oerr.message);
		free(jobs);
		free(ids);
		return 1;
	}
	r = jobq_client_submit_many(c, jobs, (size_t)n, ids);
	if (r < 0) {
		fprintf(stderr, "submit_many: %s\n", jobq_client_errmsg(c));
	} else {
		if (r == JOBQ_CLIENT_RELAYED)
			fprintf(stderr, "submit_many: warning: %s\n", jobq_client_errmsg(c));
		for (long i = 0; i < n; i++)
			puts(ids[i]);
	}
	jobq_client_close(c);
	free(jobs);
	free(ids);
	return r == JOBQ_CLIENT_OK        ? 0
	       : r == JOBQ_CLIENT_RELAYED ? 6
	       : r == JOBQ_CLIENT_EINVAL  ? 2
					  : 1;
}
