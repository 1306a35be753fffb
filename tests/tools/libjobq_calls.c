/* libjobq_calls: drives every call of libjobq against the real servers, for
 * tests/integration/test_libjobq.sh, which builds it against the installed library. The
 * servers come from the environment (JOBQ_DATABASE_URL, JOBQ_AMQP_URL); a consumer must be
 * running. Prints "ok WHAT" or "FAIL WHAT: details" per check, and "id NAME UUID" for the
 * jobs the test then looks at in the database. Exit status: the number of failures.
 *   libjobq_calls reconnect: submit, print "ready", read a line from stdin (meanwhile the
 *   test has the servers close the handle's connections), then submit and read again: a
 *   warm handle whose connections were closed must open them again, not fail.
 *   libjobq_calls lockwait: submit a job to a queue no consumer reads, print "id locked
 *   UUID" and "ready" once its confirm is in, read a line (meanwhile the test holds the
 *   job's row lock), then make three more submits: the first sends its publish mark, which
 *   must not make any of them wait for the lock (each under a second).
 *   libjobq_calls idle: submit a job to a queue no consumer reads and wait 400 ms for it
 *   (its confirm comes during the wait), print "id idle UUID" and "ready", then read a
 *   line before closing: the job must be marked published while the handle sits idle. */
#define _POSIX_C_SOURCE 200809L /* nanosleep, clock_gettime, in a strict -std=c11 build */
#include <jobq/jobq.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static int failures;

static void check(int ok, const char *what, const jobq_client *c)
{
	if (ok)
		printf("ok %s\n", what);
	else
		printf("FAIL %s: %s\n", what, jobq_client_errmsg(c));
	failures += !ok;
}

static void nap_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* A handle from the environment, or NULL with a FAIL line. */
static jobq_client *open_env(void)
{
	struct jobq_client_error oerr;
	jobq_client *c;

	if (jobq_client_open_env(&c, &oerr) != JOBQ_CLIENT_OK) {
		printf("FAIL open_env: %s\n", oerr.message);
		return NULL;
	}
	return c;
}

/* Print "ready" and wait for the test's line on stdin. */
static void pause_for_test(const jobq_client *c)
{
	char line[16];

	puts("ready");
	fflush(stdout);
	if (fgets(line, sizeof(line), stdin) == NULL)
		check(0, "a line on stdin", c);
}

static int reconnect(void)
{
	char id[JOBQ_CLIENT_ID_SIZE];
	struct jobq_job_info info;
	jobq_client *c = open_env();

	if (c == NULL)
		return 1;
	check(jobq_client_submit(c, "noop", NULL, NULL, id) == JOBQ_CLIENT_OK, "submit", c);
	pause_for_test(c);
	check(jobq_client_submit(c, "noop", NULL, NULL, id) == JOBQ_CLIENT_OK,
	      "submit after the servers closed both connections: published, not relayed", c);
	check(jobq_client_status(c, id, &info) == JOBQ_CLIENT_OK, "status after it", c);
	jobq_job_info_free(&info);
	jobq_client_close(c);
	return failures;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int lockwait(void)
{
	struct jobq_submit_opts opts = { .queue = "libjobq-idle" };
	char id[JOBQ_CLIENT_ID_SIZE], what[96];
	jobq_client *c = open_env();

	if (c == NULL)
		return 1;
	check(jobq_client_submit(c, "noop", NULL, &opts, id) == JOBQ_CLIENT_OK, "submit", c);
	printf("id locked %s\n", id);
	nap_ms(300);
	pause_for_test(c);
	for (int i = 1; i <= 3; i++) {
		double t = now_ms();
		int r = jobq_client_submit(c, "noop", NULL, &opts, id);

		t = now_ms() - t;
		snprintf(what, sizeof(what), "submit %d while the row is locked: %.1f ms", i, t);
		check(r == JOBQ_CLIENT_OK && t < 1000, what, c);
	}
	jobq_client_close(c);
	return failures;
}

static int idle(void)
{
	struct jobq_submit_opts opts = { .queue = "libjobq-idle" };
	char id[JOBQ_CLIENT_ID_SIZE];
	struct jobq_job_info info;
	jobq_client *c = open_env();

	if (c == NULL)
		return 1;
	check(jobq_client_submit(c, "noop", NULL, &opts, id) == JOBQ_CLIENT_OK, "submit", c);
	check(jobq_client_wait(c, id, 400, &info) == JOBQ_CLIENT_ETIMEDOUT,
	      "a wait of 400 ms on it times out", c);
	jobq_job_info_free(&info);
	printf("id idle %s\n", id);
	pause_for_test(c);
	jobq_client_close(c);
	return failures;
}

int main(int argc, char **argv)
{
	static const char unknown[] = "00000000-0000-4000-8000-000000000000";
	char id[JOBQ_CLIENT_ID_SIZE], again[JOBQ_CLIENT_ID_SIZE], ids[3][JOBQ_CLIENT_ID_SIZE];
	struct jobq_client_error oerr;
	struct jobq_job_info info = { 0 };
	struct jobq_submit_opts opts;
	enum jobq_job_state was = JOBQ_JOB_QUEUED;
	jobq_client *c, *bad;
	int r;

	if (argc > 1 && strcmp(argv[1], "reconnect") == 0)
		return reconnect();
	if (argc > 1 && strcmp(argv[1], "lockwait") == 0)
		return lockwait();
	if (argc > 1 && strcmp(argv[1], "idle") == 0)
		return idle();
	r = jobq_client_open("postgresql://jobq@127.0.0.1:1/none", NULL, &bad, &oerr);
	check(r == JOBQ_CLIENT_EDB && bad == NULL && oerr.code == JOBQ_CLIENT_EDB &&
		      strstr(oerr.message, "127.0.0.1") != NULL,
	      "open on an unreachable database fails with EDB and a message", NULL);
	if ((c = open_env()) == NULL)
		return 1;
	printf("ok open_env (libjobq %s)\n", jobq_client_version());

	/* submit, wait: the result comes back */
	r = jobq_client_submit(c, "echo", "{\"x\": 1}", NULL, id);
	check(r == JOBQ_CLIENT_OK, "submit echo", c);
	printf("id echo %s\n", id);
	r = jobq_client_wait(c, id, 30000, &info);
	check(r == JOBQ_CLIENT_OK && info.state == JOBQ_JOB_SUCCEEDED && info.result != NULL &&
		      strstr(info.result, "\"x\": 1") != NULL,
	      "wait: the echo job succeeded with its payload as result", c);
	jobq_job_info_free(&info);
	r = jobq_client_status(c, id, &info);
	check(r == JOBQ_CLIENT_OK && info.state == JOBQ_JOB_SUCCEEDED && info.attempt == 1,
	      "status: succeeded after attempt 1", c);
	jobq_job_info_free(&info);

	/* a submit returns before its confirm: a later call on the handle collects it and
	 * marks the job published (on a queue no consumer reads, so that it stays queued) */
	opts = (struct jobq_submit_opts){ .queue = "libjobq-idle" };
	r = jobq_client_submit(c, "noop", NULL, &opts, id);
	check(r == JOBQ_CLIENT_OK, "submit to an idle queue", c);
	printf("id marked %s\n", id);
	nap_ms(300);
	r = jobq_client_status(c, id, &info);
	check(r == JOBQ_CLIENT_OK && info.state == JOBQ_JOB_QUEUED, "status: queued", c);
	jobq_job_info_free(&info);
	/* this call reads the mark's outcome before its own query: the mark is done */
	r = jobq_client_status(c, id, &info);
	check(r == JOBQ_CLIENT_OK, "status again", c);
	jobq_job_info_free(&info);

	/* an idempotency key: the second submit is the first job */
	opts = (struct jobq_submit_opts){ .key = "libjobq-key-1",
					  .queue = "default",
					  .metadata = "{\"tenant\": \"t-1\"}" };
	r = jobq_client_submit(c, "noop", NULL, &opts, id);
	check(r == JOBQ_CLIENT_OK, "submit with a key", c);
	r = jobq_client_submit(c, "noop", NULL, &opts, again);
	check(r == JOBQ_CLIENT_OK && strcmp(id, again) == 0, "the same key gives the same id", c);
	printf("id keyed %s\n", id);

	/* a delayed job: scheduled; a wait of 300 ms times out; cancel acts at once */
	opts = (struct jobq_submit_opts){ .delay_ms = 3600 * 1000,
					  .max_attempts = 5,
					  .timeout_ms = 60000 };
	r = jobq_client_submit(c, "noop", NULL, &opts, id);
	check(r == JOBQ_CLIENT_OK, "submit with a delay of an hour", c);
	printf("id delayed %s\n", id);
	r = jobq_client_wait(c, id, 300, &info);
	check(r == JOBQ_CLIENT_ETIMEDOUT && info.state == JOBQ_JOB_SCHEDULED,
	      "wait 300 ms on it times out, the job scheduled", c);
	jobq_job_info_free(&info);
	r = jobq_client_cancel(c, id, "not needed", &was);
	check(r == JOBQ_CLIENT_OK && was == JOBQ_JOB_SCHEDULED, "cancel finds it scheduled", c);
	r = jobq_client_wait(c, id, 0, &info);
	check(r == JOBQ_CLIENT_OK && info.state == JOBQ_JOB_CANCELLED &&
		      info.cancel_reason != NULL && strcmp(info.cancel_reason, "not needed") == 0,
	      "then it is cancelled, with the reason", c);
	jobq_job_info_free(&info);

	/* a running job: the cancel is a stop request that reaches its worker */
	r = jobq_client_submit(c, "sleep", "{\"seconds\": 60}", NULL, id);
	check(r == JOBQ_CLIENT_OK, "submit sleep 60 s", c);
	printf("id sleeper %s\n", id);
	for (int i = 0; i < 300; i++) {
		if (jobq_client_status(c, id, &info) != JOBQ_CLIENT_OK ||
		    info.state == JOBQ_JOB_RUNNING)
			break;
		jobq_job_info_free(&info);
		nap_ms(100);
	}
	check(info.state == JOBQ_JOB_RUNNING, "the sleeper runs", c);
	jobq_job_info_free(&info);
	r = jobq_client_cancel(c, id, NULL, &was);
	check(r == JOBQ_CLIENT_OK && was == JOBQ_JOB_RUNNING, "cancel finds it running", c);
	r = jobq_client_wait(c, id, 30000, &info);
	check(r == JOBQ_CLIENT_OK && info.state == JOBQ_JOB_CANCELLED && info.cancel_requested,
	      "wait: it stopped, cancelled", c);
	jobq_job_info_free(&info);
	r = jobq_client_cancel(c, id, NULL, &was);
	check(r == JOBQ_CLIENT_OK && was == JOBQ_JOB_CANCELLED,
	      "a second cancel finds it finished and changes nothing", c);

	/* unknown ids */
	check(jobq_client_status(c, unknown, &info) == JOBQ_CLIENT_ENOTFOUND,
	      "status of an unknown id: ENOTFOUND", c);
	check(jobq_client_wait(c, unknown, 100, &info) == JOBQ_CLIENT_ENOTFOUND,
	      "wait on an unknown id: ENOTFOUND", c);
	check(jobq_client_cancel(c, unknown, NULL, NULL) == JOBQ_CLIENT_ENOTFOUND,
	      "cancel of an unknown id: ENOTFOUND", c);

	/* many: all or nothing; a key repeated in the batch is one job */
	{
		struct jobq_job_spec jobs[3] = {
			{ .type = "noop", .opts = { .key = "libjobq-many" } },
			{ .type = "echo", .payload = "[1, 2]" },
			{ .type = "noop", .opts = { .key = "libjobq-many" } },
		};

		r = jobq_client_submit_many(c, jobs, 3, ids);
		check(r == JOBQ_CLIENT_OK && strcmp(ids[0], ids[2]) == 0 && strcmp(ids[0], ids[1]),
		      "submit_many of 3 with a repeated key: 2 jobs, ids in order", c);
		printf("id many0 %s\nid many1 %s\n", ids[0], ids[1]);
		jobs[1].opts.queue = "no such queue";
		jobs[0].opts.key = "libjobq-never";
		r = jobq_client_submit_many(c, jobs, 3, ids);
		check(r == JOBQ_CLIENT_EINVAL &&
			      strstr(jobq_client_errmsg(c), "job 2: queue") != NULL,
		      "a bad job 2 refuses the batch, naming it", c);
	}

	/* results with confirms (the CLI's submit): published when it returns; a key repeated
	 * in the batch and one used before say so; a scheduled job is not published */
	{
		struct jobq_job_spec jobs[4] = {
			{ .type = "noop", .opts = { .queue = "libjobq-idle" } },
			{ .type = "noop", .opts = { .key = "libjobq-results" } },
			{ .type = "noop", .opts = { .key = "libjobq-results" } },
			{ .type = "noop", .opts = { .delay_ms = 3600 * 1000 } },
		};
		struct jobq_submit_result res[4];
		char node[300], skipped[1024] = "unset";

		r = jobq_client_submit_results(c, jobs, 4, JOBQ_SUBMIT_CONFIRM, res);
		check(r == JOBQ_CLIENT_OK && res[0].published && !res[0].existed &&
			      res[0].state == JOBQ_JOB_QUEUED && res[1].published &&
			      strcmp(res[1].id, res[2].id) == 0 && res[2].existed &&
			      res[3].state == JOBQ_JOB_SCHEDULED && !res[3].published,
		      "submit_results with JOBQ_SUBMIT_CONFIRM: published, existed, scheduled", c);
		printf("id confirmed %s\n", res[0].id);
		r = jobq_client_submit_results(c, jobs + 1, 1, JOBQ_SUBMIT_CONFIRM, res);
		check(r == JOBQ_CLIENT_OK && res[0].existed && res[0].published,
		      "a key used before: existed, and published before", c);
		check(jobq_client_broker_node(c, node, sizeof(node), skipped, sizeof(skipped)) ==
				      JOBQ_CLIENT_OK &&
			      node[0] != '\0' && skipped[0] == '\0',
		      "broker_node names the node, with none skipped", c);
		check(jobq_client_submit_results(c, jobs, 1, 0x80, res) == JOBQ_CLIENT_EINVAL &&
			      strstr(jobq_client_errmsg(c), "unknown flags") != NULL,
		      "an unknown flag is refused", c);
		check(jobq_client_submit_results(c, jobs, 1, 0, NULL) == JOBQ_CLIENT_EINVAL,
		      "results are required", c);
	}
	jobq_client_close(c);
	r = jobq_client_open_config("/nonexistent/jobq.conf", &bad, &oerr);
	check(r == JOBQ_CLIENT_EINVAL && bad == NULL &&
		      strstr(oerr.message, "/nonexistent/jobq.conf") != NULL,
	      "open_config of a missing file: EINVAL naming it", NULL);
	return failures;
}
