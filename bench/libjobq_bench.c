/* libjobq_bench: the library's submit figures on one warm handle (issue 16's targets).
 *   libjobq_bench seq N       N sequential jobq_client_submit calls (after 20 to warm up):
 *                             p50/p99 latency of a call and jobs/s
 *   libjobq_bench many N [R]  R rounds (default 3) of one jobq_client_submit_many of N jobs:
 *                             jobs/s of each round and of the best
 * Prints one JSON object. The servers come from the environment (JOBQ_DATABASE_URL,
 * JOBQ_AMQP_URL), as for the jobq CLI. Exit status 0, or 1 with a message on a failure. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, in a strict -std=c11 build */
#include <jobq/jobq.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int seq(jobq_client *c, long n)
{
	double *lat = calloc((size_t)n, sizeof(*lat)), t0;
	char id[JOBQ_CLIENT_ID_SIZE];

	if (lat == NULL)
		return 1;
	for (int i = 0; i < 20; i++)
		if (jobq_client_submit(c, "noop", NULL, NULL, id) != JOBQ_CLIENT_OK)
			goto fail;
	t0 = now_ms();
	for (long i = 0; i < n; i++) {
		double t = now_ms();

		if (jobq_client_submit(c, "noop", NULL, NULL, id) != JOBQ_CLIENT_OK)
			goto fail;
		lat[i] = now_ms() - t;
	}
	t0 = now_ms() - t0;
	qsort(lat, (size_t)n, sizeof(*lat), by_value);
	printf("{\"mode\":\"seq\",\"jobs\":%ld,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"jobs_per_s\":%.0f}"
	       "\n",
	       n, lat[n / 2], lat[n * 99 / 100], n / (t0 / 1e3));
	free(lat);
	return 0;
fail:
	fprintf(stderr, "libjobq_bench: %s\n", jobq_client_errmsg(c));
	free(lat);
	return 1;
}

static int many(jobq_client *c, long n, int rounds)
{
	struct jobq_job_spec *jobs = calloc((size_t)n, sizeof(*jobs));
	char(*ids)[JOBQ_CLIENT_ID_SIZE] = calloc((size_t)n, sizeof(*ids));
	double best = 0;
	int r = 1;

	if (jobs == NULL || ids == NULL)
		goto out;
	for (long i = 0; i < n; i++)
		jobs[i].type = "noop";
	printf("{\"mode\":\"many\",\"jobs\":%ld,\"rounds_jobs_per_s\":[", n);
	for (int k = 0; k < rounds; k++) {
		double t = now_ms(), rate;

		if (jobq_client_submit_many(c, jobs, (size_t)n, ids) != JOBQ_CLIENT_OK) {
			fprintf(stderr, "libjobq_bench: %s\n", jobq_client_errmsg(c));
			goto out;
		}
		rate = n / ((now_ms() - t) / 1e3);
		printf("%s%.0f", k ? "," : "", rate);
		if (rate > best)
			best = rate;
	}
	printf("],\"best_jobs_per_s\":%.0f}\n", best);
	r = 0;
out:
	free(jobs);
	free(ids);
	return r;
}

int main(int argc, char **argv)
{
	struct jobq_client_error e;
	jobq_client *c;
	long n = argc >= 3 ? strtol(argv[2], NULL, 10) : 0;
	int r;

	if (argc < 3 || n < 1 || (strcmp(argv[1], "seq") != 0 && strcmp(argv[1], "many") != 0)) {
		fprintf(stderr, "usage: libjobq_bench seq N | many N [ROUNDS]\n");
		return 2;
	}
	if (jobq_client_open_env(&c, &e) != JOBQ_CLIENT_OK) {
		fprintf(stderr, "libjobq_bench: %s\n", e.message);
		return 1;
	}
	r = strcmp(argv[1], "seq") == 0 ? seq(c, n) : many(c, n, argc >= 4 ? atoi(argv[3]) : 3);
	jobq_client_close(c);
	return r;
}
