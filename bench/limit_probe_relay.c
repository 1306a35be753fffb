/* bench/limit_probe_relay.c — bench/limit-probe's timer of the relay's own statements, on a
 * worker's session (generic plans, no sequential scan), as the relay runs them:
 *
 *   limit_probe_relay URL WHAT N
 *
 * WHAT: due (jobq_store_relay_due, the due probe), limit-release
 * (jobq_store_relay_limit_release), key-release (jobq_store_relay_key_release) or
 * key-release-undo (the same, and after each call, untimed, the jobs it took are made due
 * and waiting again: status_reason 'submitted', publish_after in the past, so that every
 * call has a full window to fill). Runs the statement N times and prints the median ms per
 * call and the last call's result. A release publishes nothing here: the stages that time
 * one leave it nothing to take, or undo it. It measures, never asserts. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jobq/store.h"
#include "jobq/store_relay.h"

#define BATCH 500
#define KEYED_WINDOW 64
/* key-release-undo's reset: the rows a keyed release took (publish_after = now() + grace)
 * due and waiting again, not in flight */
#define SQL_UNDO                                                                                   \
	"UPDATE jobs SET publish_after = now() - interval '1 s', status_reason = 'submitted'"      \
	" WHERE concurrency_key IS NOT NULL AND status = 'queued' AND published_at IS NULL"        \
	" AND publish_after > now() AND publish_after < 'infinity'"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	static struct jobq_envelope envs[BATCH];
	static int64_t tokens[BATCH];
	struct jobq_store *st = NULL;
	struct jobq_err err = { 0 };
	double *ms;
	char *end;
	long n;
	int r = 0, undo;

	if (argc != 4) {
		fprintf(stderr, "usage: limit_probe_relay URL"
				" due|limit-release|key-release|key-release-undo N\n");
		return 2;
	}
	n = strtol(argv[3], &end, 10);
	if (*end != '\0' || n < 1 || n > 99999) {
		fprintf(stderr, "limit_probe_relay: N '%s' is not 1-99999\n", argv[3]);
		return 2;
	}
	undo = strcmp(argv[2], "key-release-undo") == 0;
	if (strcmp(argv[2], "due") != 0 && strcmp(argv[2], "limit-release") != 0 &&
	    strcmp(argv[2], "key-release") != 0 && !undo) {
		fprintf(stderr,
			"limit_probe_relay: WHAT '%s' is not due, limit-release, key-release or"
			" key-release-undo\n",
			argv[2]);
		return 2;
	}
	if (jobq_store_connect_as(argv[1], "limit-probe", JOBQ_STORE_WORKER, &st, &err) != 0) {
		fprintf(stderr, "limit_probe_relay: %s\n", err.msg);
		return 1;
	}
	if ((ms = calloc((size_t)n, sizeof(*ms))) == NULL) {
		fprintf(stderr, "limit_probe_relay: out of memory for %ld timings\n", n);
		jobq_store_free(st);
		return 1;
	}
	for (long i = 0; i < n && r >= 0; i++) {
		double t0 = now_ms();
		int64_t wait_ms;

		if (argv[2][0] == 'd')
			r = jobq_store_relay_due(st, KEYED_WINDOW, &wait_ms, &err);
		else if (argv[2][0] == 'l')
			r = jobq_store_relay_limit_release(st, 30000, envs, tokens, BATCH, &err);
		else
			r = jobq_store_relay_key_release(st, 30000, KEYED_WINDOW, envs, tokens,
							 BATCH, &err);
		ms[i] = now_ms() - t0;
		if (r >= 0 && undo) {
			PGresult *res = NULL;

			if (jobq_store_exec(st, "limit_probe_undo", SQL_UNDO, 0, NULL, &res,
					    "limit-probe: undo", &err) != 0)
				r = -1;
			PQclear(res);
		}
	}
	if (r < 0) {
		fprintf(stderr, "limit_probe_relay: %s: %s\n", argv[2], err.msg);
	} else {
		qsort(ms, (size_t)n, sizeof(*ms), by_value);
		printf("%.2f %d\n", ms[n / 2], r);
	}
	free(ms);
	jobq_store_free(st);
	return r < 0 ? 1 : 0;
}
