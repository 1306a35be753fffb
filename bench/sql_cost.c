/* sql_cost: the database's work per claim and finish (bench/sql-cost compiles and runs it).
 *   sql_cost URL STATEMENTS BATCH
 * On a scratch database that `jobq migrate` made and that holds only what this program
 * inserts, one worker session (JOBQ_STORE_WORKER: generic plans, as jobq-consumer's write
 * session) runs jobq_store_write_many, the consumer's own statement, in three phases:
 *   claim1   STATEMENTS statements of 1 claim each
 *   finish1  STATEMENTS statements of 1 finish (succeeded) each, of the jobs claim1 took
 *   pair     STATEMENTS statements of 1 claim and 1 finish each (the finish of the job the
 *            statement before claimed: a consumer's next claim riding with an outcome)
 *   mixed    STATEMENTS statements of BATCH claims and BATCH finishes each (the finishes
 *            of the jobs the statement before claimed)
 * For each phase it prints one line: the statements, the rows they wrote, the median and
 * mean wall time of a statement (round trip and commit included), the median and mean of
 * the server backend's CPU time per statement (/proc/PID/schedstat of the session's server
 * process, read before and after each: same machine), and the WAL bytes per statement
 * (pg_current_wal_lsn: any session's WAL included). Exit status 0, or 1 with a one-line
 * message naming what failed. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, in a strict -std=c11 build */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jobq/store.h"
#include "jobq/store_lease.h"

#define WORKER "sql-cost-1"
#define LEASE_MS 300000
#define WARMUP 50

struct run {
	struct jobq_store *st;
	char (*ids)[JOBQ_ID_BUF]; /* the queued jobs, in insertion order */
	int64_t *tokens;          /* the lease token each claim returned */
	long n, next;             /* ids held; the next one to claim */
	int pid;                  /* the session's server process */
};

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The CPU time (ns) the server process pid has used, or -1 with a message. */
static long long backend_cpu_ns(int pid)
{
	char path[64];
	long long ns = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/schedstat", pid);
	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "sql_cost: %s: %s (the server must run on this machine)\n", path,
			strerror(errno));
		return -1;
	}
	if (fscanf(f, "%lld", &ns) != 1) {
		fprintf(stderr, "sql_cost: %s: no CPU time in it\n", path);
		ns = -1;
	}
	fclose(f);
	return ns;
}

/* One value of a one-row query on the run's session, as text into buf; 0 or -1. */
static int query1(struct run *rn, const char *sql, char *buf, size_t size)
{
	PGresult *res = PQexec(jobq_store_conn(rn->st), sql);
	int r = -1;

	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1) {
		snprintf(buf, size, "%s", PQgetvalue(res, 0, 0));
		r = 0;
	} else {
		fprintf(stderr, "sql_cost: %s: %s", sql, PQresultErrorMessage(res));
	}
	PQclear(res);
	return r;
}

/* The WAL position in bytes, or -1. */
static long long wal_bytes(struct run *rn)
{
	char v[32];

	if (query1(rn, "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn", v, sizeof(v)) != 0)
		return -1;
	return strtoll(v, NULL, 10);
}

/* n queued, published jobs, as a submit and the relay's mark leave them, and their ids in
 * insertion order. 0 or -1. */
static int make_jobs(struct run *rn, long n)
{
	char sql[512];
	PGconn *conn = jobq_store_conn(rn->st);
	PGresult *res;

	snprintf(sql, sizeof(sql),
		 "WITH i AS (INSERT INTO jobs (type, status, status_reason, published_at)"
		 " SELECT 'noop', 'queued', 'submitted', now() FROM generate_series(1, %ld)"
		 " RETURNING id) SELECT id FROM i",
		 n);
	res = PQexec(conn, sql);
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != n) {
		fprintf(stderr, "sql_cost: inserting %ld jobs: %s", n, PQresultErrorMessage(res));
		PQclear(res);
		return -1;
	}
	rn->ids = calloc((size_t)n, sizeof(*rn->ids));
	rn->tokens = calloc((size_t)n, sizeof(*rn->tokens));
	if (rn->ids == NULL || rn->tokens == NULL) {
		fprintf(stderr, "sql_cost: out of memory for %ld ids\n", n);
		PQclear(res);
		return -1;
	}
	for (long i = 0; i < n; i++)
		snprintf(rn->ids[i], sizeof(rn->ids[i]), "%s", PQgetvalue(res, (int)i, 0));
	rn->n = n;
	PQclear(res);
	res = PQexec(conn, "VACUUM ANALYZE jobs");
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		fprintf(stderr, "sql_cost: VACUUM ANALYZE jobs: %s", PQresultErrorMessage(res));
		PQclear(res);
		return -1;
	}
	PQclear(res);
	return 0;
}

/* One statement: claim the nc jobs from index c0 and finish the nf jobs from index f0.
 * Every one must be written. 0 or -1. */
static int write_one(struct run *rn, long c0, size_t nc, long f0, size_t nf)
{
	static const struct jobq_outcome ok = { .to = JOBQ_SUCCEEDED,
						.result = "null",
						.reason = "handler succeeded" };
	struct jobq_claim_req claims[64];
	struct jobq_finish_req fins[64];
	struct jobq_err err = { 0 };
	int r;

	if (nc > 64 || nf > 64 || c0 + (long)nc > rn->n) {
		fprintf(stderr,
			"sql_cost: a statement of %zu claims from job %ld is out of range\n", nc,
			c0);
		return -1;
	}
	for (size_t i = 0; i < nc; i++)
		claims[i] = (struct jobq_claim_req){ .job_id = rn->ids[c0 + (long)i],
						     .claim_id = c0 + (long)i + 1 };
	for (size_t i = 0; i < nf; i++)
		fins[i] = (struct jobq_finish_req){ .job_id = rn->ids[f0 + (long)i],
						    .token = rn->tokens[f0 + (long)i],
						    .o = &ok };
	r = jobq_store_write_many(rn->st, WORKER, LEASE_MS, claims, nc, fins, nf, &err);
	if (r != 0) {
		fprintf(stderr, "sql_cost: write: %s\n", err.msg);
		return -1;
	}
	for (size_t i = 0; i < nc; i++) {
		if (claims[i].r != 0) {
			fprintf(stderr, "sql_cost: job %s was not claimed (%d)\n", claims[i].job_id,
				claims[i].r);
			r = -1;
		}
		rn->tokens[c0 + (long)i] = claims[i].out.token;
		jobq_claim_release(&claims[i].out);
	}
	for (size_t i = 0; i < nf; i++)
		if (fins[i].r != 0) {
			fprintf(stderr, "sql_cost: job %s was not finished (%d)\n", fins[i].job_id,
				fins[i].r);
			r = -1;
		}
	return r;
}

/* Phase name: `statements` timed statements of nc claims (the next jobs) and nf finishes,
 * statement s finishing the jobs from index fin_from + s * fin_step (claimed before).
 * Prints the phase's line. 0 or -1. */
static int phase(struct run *rn, const char *name, long statements, size_t nc, size_t nf,
		 long fin_from, long fin_step)
{
	double *wall = calloc((size_t)statements, sizeof(*wall));
	double *cpu = calloc((size_t)statements, sizeof(*cpu));
	double wall_sum = 0, cpu_sum = 0;
	long long wal0, wal1;
	int r = -1;

	if (wall == NULL || cpu == NULL) {
		fprintf(stderr, "sql_cost: out of memory\n");
		goto out;
	}
	if ((wal0 = wal_bytes(rn)) < 0)
		goto out;
	for (long s = 0; s < statements; s++) {
		/* The server process sleeps between statements, so its CPU time is up to date
		 * when read here: each statement's own CPU, whose median a busy machine
		 * disturbs less than the total. */
		long long c0 = backend_cpu_ns(rn->pid), c1;
		double t0 = now_us();

		if (c0 < 0 || write_one(rn, rn->next, nc, fin_from + s * fin_step, nf) != 0)
			goto out;
		wall[s] = now_us() - t0;
		if ((c1 = backend_cpu_ns(rn->pid)) < 0)
			goto out;
		cpu[s] = (double)(c1 - c0) / 1e3;
		wall_sum += wall[s];
		cpu_sum += cpu[s];
		rn->next += (long)nc;
	}
	if ((wal1 = wal_bytes(rn)) < 0)
		goto out;
	qsort(wall, (size_t)statements, sizeof(*wall), by_value);
	qsort(cpu, (size_t)statements, sizeof(*cpu), by_value);
	printf("phase=%s statements=%ld claims=%zu finishes=%zu wall_med_us=%.1f "
	       "wall_mean_us=%.1f cpu_med_us=%.1f cpu_us=%.1f wal_bytes=%.0f\n",
	       name, statements, nc, nf, wall[statements / 2], wall_sum / (double)statements,
	       cpu[statements / 2], cpu_sum / (double)statements,
	       (double)(wal1 - wal0) / (double)statements);
	fflush(stdout);
	r = 0;
out:
	free(wall);
	free(cpu);
	return r;
}

int main(int argc, char **argv)
{
	struct run rn = { 0 };
	struct jobq_err err = { 0 };
	long statements, batch, need;
	char *end1 = NULL, *end2 = NULL;
	int rc = 1;

	if (argc != 4) {
		fprintf(stderr, "usage: sql_cost URL STATEMENTS BATCH\n");
		return 2;
	}
	statements = strtol(argv[2], &end1, 10);
	batch = strtol(argv[3], &end2, 10);
	if (*end1 != '\0' || statements < 10 || statements > 1000000) {
		fprintf(stderr,
			"sql_cost: STATEMENTS must be a whole number in 10..1000000, got '%s'\n",
			argv[2]);
		return 2;
	}
	if (*end2 != '\0' || batch < 1 || batch > 64) {
		fprintf(stderr, "sql_cost: BATCH must be a whole number in 1..64, got '%s'\n",
			argv[3]);
		return 2;
	}
	if (jobq_store_connect_as(argv[1], "jobq sql-cost", JOBQ_STORE_WORKER, &rn.st, &err) != 0) {
		fprintf(stderr, "sql_cost: %s\n", err.msg);
		return 1;
	}
	rn.pid = PQbackendPID(jobq_store_conn(rn.st));
	/* warm-up, claim1, pair's claims and the one before it, mixed's claims and the one
	 * batch claimed before mixed */
	need = 2 * WARMUP + statements + statements + 1 + (statements + 1) * batch;
	if (make_jobs(&rn, need) != 0)
		goto out;
	/* Warm-up: the statement prepared and its generic plan made, caches filled. */
	for (long i = 0; i < WARMUP; i++)
		if (write_one(&rn, rn.next++, 1, 0, 0) != 0)
			goto out;
	for (long i = 0; i < WARMUP; i++, rn.next++)
		if (write_one(&rn, rn.next, 1, i, 1) != 0)
			goto out;
	if (write_one(&rn, 0, 0, WARMUP, WARMUP) != 0)
		goto out;
	{
		long c1 = rn.next;

		if (phase(&rn, "claim1", statements, 1, 0, 0, 0) != 0 ||
		    phase(&rn, "finish1", statements, 0, 1, c1, 1) != 0)
			goto out;
	}
	{
		/* As mixed below, with one claim and one finish a statement. */
		long first = rn.next;

		if (write_one(&rn, first, 1, 0, 0) != 0)
			goto out;
		rn.next++;
		if (phase(&rn, "pair", statements, 1, 1, first, 1) != 0 ||
		    write_one(&rn, 0, 0, rn.next - 1, 1) != 0)
			goto out;
	}
	{
		/* One batch claimed untimed, then each timed statement finishes the batch
		 * the statement before claimed; the last batch is finished untimed. */
		long first = rn.next;

		if (write_one(&rn, first, (size_t)batch, 0, 0) != 0)
			goto out;
		rn.next += batch;
		if (phase(&rn, "mixed", statements, (size_t)batch, (size_t)batch, first, batch) !=
			    0 ||
		    write_one(&rn, 0, 0, rn.next - batch, (size_t)batch) != 0)
			goto out;
	}
	rc = 0;
out:
	jobq_store_free(rn.st);
	free(rn.ids);
	free(rn.tokens);
	return rc;
}
