/* libjobq_calls: drives every call of libjobq against the real servers, for
 * tests/integration/test_libjobq.sh, which builds it against the installed library. The
 * servers come from the environment (JOBQ_DATABASE_URL, JOBQ_AMQP_URL); a consumer must be
 * running. Prints "ok WHAT" or "FAIL WHAT: details" per check, and "id NAME UUID" for the
 * jobs the test then looks at in the database (and "# ..." lines with a job's fields after a
 * FAIL that is about them). Exit status: the number of failures.
 *   libjobq_calls reconnect: submit, print "ready", read a line from stdin (meanwhile the
 *   test has the servers close the handle's connections), then submit and read again: a
 *   warm handle whose connections were closed must open them again, not fail.
 *   libjobq_calls lockwait: submit a job to a queue no consumer reads, print "id locked
 *   UUID" and "ready" once its confirm is in, read a line (meanwhile the test holds the
 *   job's row lock), then make three more submits: the first sends its publish mark, which
 *   must not make any of them wait for the lock (each under 5 s; the lock is held 60 s).
 *   libjobq_calls idle: submit a job to a queue no consumer reads and wait 3 s for it
 *   (its confirm comes during the wait), print "id idle UUID" and "ready", then read a
 *   line before closing: the job must be marked published while the handle sits idle. */
#define _POSIX_C_SOURCE 200809L /* nanosleep, clock_gettime, in a strict -std=c11 build */
#include <jobq/jobq.h>
#include <stdbool.h>
#include <stdint.h>
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

static const char *nz(const char *s)
{
	return s != NULL ? s : "(null)";
}

static bool streq(const char *s, const char *want)
{
	return s != NULL && strcmp(s, want) == 0;
}

/* Every reserved field is zero, as the library promises. */
static bool reserved_zero(const int64_t *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (r[i] != 0)
			return false;
	return true;
}

/* Print every field of info, after a FAIL about it: the evidence. */
static void show(const struct jobq_job_info *i)
{
	printf("# state=%s attempt=%d max_attempts=%d type=%s queue=%s worker=%s state_reason=%s "
	       "key=%s payload=%s metadata=%s result=%s error=%s progress=%s cancel_requested=%d "
	       "cancel_reason=%s timeout_ms=%lld stop_ms=%.3f\n",
	       nz(jobq_job_state_name(i->state)), i->attempt, i->max_attempts, nz(i->type),
	       nz(i->queue), nz(i->worker), nz(i->state_reason), nz(i->key), nz(i->payload),
	       nz(i->metadata), nz(i->result), nz(i->error), nz(i->progress), i->cancel_requested,
	       nz(i->cancel_reason), (long long)i->timeout_ms, i->stop_ms);
	printf("# read=%lld run_after=%lld created=%lld started=%lld finished=%lld updated=%lld "
	       "published=%lld heartbeat=%lld lease_expires=%lld cancel_requested_at=%lld "
	       "reserved_zero=%d\n",
	       (long long)i->read_unix_ms, (long long)i->run_after_unix_ms,
	       (long long)i->created_unix_ms, (long long)i->started_unix_ms,
	       (long long)i->finished_unix_ms, (long long)i->updated_unix_ms,
	       (long long)i->published_unix_ms, (long long)i->heartbeat_unix_ms,
	       (long long)i->lease_expires_unix_ms, (long long)i->cancel_requested_unix_ms,
	       reserved_zero(i->reserved, sizeof(i->reserved) / sizeof(i->reserved[0])));
}

/* check() for a check about info's fields: a FAIL shows them. */
static void check_info(int ok, const char *what, const jobq_client *c,
		       const struct jobq_job_info *info)
{
	check(ok, what, c);
	if (!ok)
		show(info);
}

/* Whether job id reached running within 30 s (polling its status). */
static bool wait_running(jobq_client *c, const char *id)
{
	struct jobq_job_info info;
	bool running = false;

	for (int i = 0; i < 300 && !running; i++) {
		if (jobq_client_status(c, id, &info) != JOBQ_CLIENT_OK)
			return false;
		running = info.state == JOBQ_JOB_RUNNING;
		jobq_job_info_free(&info);
		if (!running)
			nap_ms(100);
	}
	return running;
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
		check(r == JOBQ_CLIENT_OK && t < 5000, what, c);
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
	check(jobq_client_wait(c, id, 3000, &info) == JOBQ_CLIENT_ETIMEDOUT,
	      "a wait of 3 s on it times out", c);
	jobq_job_info_free(&info);
	printf("id idle %s\n", id);
	pause_for_test(c);
	jobq_client_close(c);
	return failures;
}

/* The database clock (read_unix_ms) is this machine's: the times are ms, not s or us. */
static bool near_now(int64_t unix_ms)
{
	struct timespec ts;
	int64_t now;

	clock_gettime(CLOCK_REALTIME, &ts);
	now = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	return unix_ms > now - 60000 && unix_ms < now + 60000;
}

/* Every field of the status of a succeeded echo job (payload {"x": 1}, default options). */
static void status_succeeded(jobq_client *c, const char *id)
{
	struct jobq_job_info i = { 0 };
	int r = jobq_client_status(c, id, &i);

	check_info(r == JOBQ_CLIENT_OK && i.state == JOBQ_JOB_SUCCEEDED && streq(i.type, "echo") &&
			   streq(i.queue, "default") && i.worker != NULL &&
			   i.state_reason != NULL && i.key == NULL && i.max_attempts == 3 &&
			   i.attempt == 1 && streq(i.result, "{\"x\": 1}") && i.error == NULL &&
			   !i.cancel_requested && i.cancel_reason == NULL && i.timeout_ms == 0 &&
			   i.stop_ms < 0,
		   "status of the echo job: type, queue, worker, state_reason, options, result", c,
		   &i);
	check_info(r == JOBQ_CLIENT_OK && streq(i.payload, "{\"x\": 1}") && streq(i.metadata, "{}"),
		   "status of the echo job: payload and metadata as JSON text", c, &i);
	check_info(r == JOBQ_CLIENT_OK && near_now(i.read_unix_ms) && i.created_unix_ms > 0 &&
			   i.run_after_unix_ms >= i.created_unix_ms &&
			   i.started_unix_ms >= i.run_after_unix_ms &&
			   i.finished_unix_ms >= i.started_unix_ms &&
			   i.updated_unix_ms >= i.finished_unix_ms &&
			   i.read_unix_ms >= i.updated_unix_ms && i.published_unix_ms > 0 &&
			   i.published_unix_ms <= i.started_unix_ms &&
			   i.lease_expires_unix_ms == 0 && i.cancel_requested_unix_ms == 0 &&
			   reserved_zero(i.reserved, sizeof(i.reserved) / sizeof(i.reserved[0])),
		   "status of the echo job: created <= run_after <= started <= finished <= "
		   "updated <= read, published, no lease",
		   c, &i);
	jobq_job_info_free(&i);
}

/* Submit a job scheduled an hour ahead with a key, metadata, a timeout and max_attempts;
 * check its status; its id goes to id (for the cancels that follow). */
static void status_scheduled(jobq_client *c, char *id)
{
	struct jobq_submit_opts opts = { .delay_ms = 3600 * 1000,
					 .key = "libjobq-scheduled",
					 .metadata = "{\"tenant\": \"t-2\"}",
					 .timeout_ms = 90000,
					 .max_attempts = 4 };
	struct jobq_job_info i = { 0 };
	int r;

	check(jobq_client_submit(c, "noop", "[1, 2, 3]", &opts, id) == JOBQ_CLIENT_OK,
	      "submit a scheduled job with key, metadata, timeout", c);
	printf("id scheduled %s\n", id);
	r = jobq_client_status(c, id, &i);
	check_info(r == JOBQ_CLIENT_OK && i.state == JOBQ_JOB_SCHEDULED && streq(i.type, "noop") &&
			   streq(i.queue, "default") && streq(i.key, "libjobq-scheduled") &&
			   streq(i.metadata, "{\"tenant\": \"t-2\"}") &&
			   streq(i.payload, "[1, 2, 3]") && i.timeout_ms == 90000 &&
			   i.max_attempts == 4 && i.attempt == 0 && i.worker == NULL &&
			   i.result == NULL && i.stop_ms < 0,
		   "status of the scheduled job: key, metadata, payload, timeout_ms, max_attempts",
		   c, &i);
	check_info(r == JOBQ_CLIENT_OK && near_now(i.read_unix_ms) &&
			   i.created_unix_ms <= i.read_unix_ms &&
			   i.run_after_unix_ms > i.read_unix_ms + 3500 * 1000 &&
			   i.run_after_unix_ms - i.created_unix_ms >= 3600 * 1000 - 1 &&
			   i.run_after_unix_ms - i.created_unix_ms <= 3600 * 1000 + 1 &&
			   i.published_unix_ms == 0 && i.started_unix_ms == 0 &&
			   i.finished_unix_ms == 0 && i.heartbeat_unix_ms == 0 &&
			   i.lease_expires_unix_ms == 0 &&
			   reserved_zero(i.reserved, sizeof(i.reserved) / sizeof(i.reserved[0])),
		   "status of the scheduled job: run_after an hour after created, in the future of "
		   "read; not published, started or finished",
		   c, &i);
	jobq_job_info_free(&i);
}

/* Submit a sleeper of 60 s and check its status once it runs; its id goes to id. */
static void status_running(jobq_client *c, char *id)
{
	struct jobq_job_info i = { 0 };
	int r;

	check(jobq_client_submit(c, "sleep", "{\"seconds\": 60}", NULL, id) == JOBQ_CLIENT_OK,
	      "submit another sleeper of 60 s", c);
	printf("id runner %s\n", id);
	check(wait_running(c, id), "it runs", c);
	r = jobq_client_status(c, id, &i);
	check_info(r == JOBQ_CLIENT_OK && i.state == JOBQ_JOB_RUNNING && i.attempt == 1 &&
			   i.worker != NULL && i.state_reason != NULL && near_now(i.read_unix_ms) &&
			   i.started_unix_ms > 0 && i.started_unix_ms <= i.read_unix_ms &&
			   i.heartbeat_unix_ms >= i.started_unix_ms &&
			   i.heartbeat_unix_ms <= i.read_unix_ms &&
			   i.lease_expires_unix_ms > i.read_unix_ms && i.finished_unix_ms == 0 &&
			   i.published_unix_ms > 0 && !i.cancel_requested && i.stop_ms < 0,
		   "status of the running sleeper: worker, heartbeat, lease_expires > read", c, &i);
	jobq_job_info_free(&i);
}

/* cancel_many over a scheduled, a running, a finished, an unknown and a repeated id, after
 * the refusals that must cancel nothing. */
static void cancel_many(jobq_client *c, const char *finished)
{
	static const char unknown[] = "00000000-0000-4000-8000-00000000000c";
	char sched[JOBQ_CLIENT_ID_SIZE], run[JOBQ_CLIENT_ID_SIZE];
	struct jobq_cancel_result res[5];
	struct jobq_job_info i = { 0 };
	bool ok;
	int r;

	status_scheduled(c, sched);
	status_running(c, run);
	{
		const char *bad[] = { sched, "not-a-uuid" };

		r = jobq_client_cancel_many(c, bad, 2, NULL, res);
		check(r == JOBQ_CLIENT_EINVAL && strstr(jobq_client_errmsg(c), "id 2: ") != NULL,
		      "cancel_many with a bad id 2: EINVAL naming it", c);
		check(jobq_client_cancel_many(c, bad, 0, NULL, res) == JOBQ_CLIENT_EINVAL,
		      "cancel_many of 0 ids: EINVAL", c);
		check(jobq_client_cancel_many(c, bad, 1, NULL, NULL) == JOBQ_CLIENT_EINVAL,
		      "cancel_many without results: EINVAL", c);
		r = jobq_client_status(c, sched, &i);
		check_info(
			r == JOBQ_CLIENT_OK && i.state == JOBQ_JOB_SCHEDULED && !i.cancel_requested,
			"the refused cancel_many calls cancelled nothing: still scheduled", c, &i);
		jobq_job_info_free(&i);
	}
	{
		const char *ids[5] = { sched, run, finished, unknown, sched };

		memset(res, 0xa5, sizeof(res)); /* every field must be written */
		r = jobq_client_cancel_many(c, ids, 5, "batch cancel", res);
		ok = r == JOBQ_CLIENT_OK;
		check(ok && res[0].found && res[0].was == JOBQ_JOB_SCHEDULED && !res[0].requested &&
			      !res[0].broadcast,
		      "cancel_many: the scheduled job found scheduled, no stop requested", c);
		check(ok && res[1].found && res[1].was == JOBQ_JOB_RUNNING && res[1].requested &&
			      res[1].broadcast,
		      "cancel_many: the running job found running, its stop requested and "
		      "broadcast",
		      c);
		check(ok && res[2].found && res[2].was == JOBQ_JOB_SUCCEEDED && !res[2].requested &&
			      !res[2].broadcast,
		      "cancel_many: the finished job found succeeded, left alone", c);
		check(ok && !res[3].found && !res[3].requested && !res[3].broadcast,
		      "cancel_many: the unknown id not found, not an error", c);
		check(ok && res[4].found && res[4].was == JOBQ_JOB_SCHEDULED && !res[4].requested,
		      "cancel_many: the repeated id gets the same outcome as its first", c);
		ok = ok && jobq_client_errmsg(c)[0] == '\0';
		for (int k = 0; k < 5; k++)
			ok = ok && reserved_zero(res[k].reserved, 4);
		check(ok, "cancel_many: no warning, reserved fields zero", c);
	}
	r = jobq_client_wait(c, run, 30000, &i);
	check_info(r == JOBQ_CLIENT_OK && i.state == JOBQ_JOB_CANCELLED && i.cancel_requested &&
			   streq(i.cancel_reason, "batch cancel") && i.stop_ms >= 0 &&
			   i.payload == NULL && i.metadata == NULL &&
			   i.cancel_requested_unix_ms > 0 &&
			   i.finished_unix_ms >= i.cancel_requested_unix_ms,
		   "wait: the running job stopped, cancelled, stop_ms >= 0, no payload or metadata",
		   c, &i);
	jobq_job_info_free(&i);
	r = jobq_client_wait(c, sched, 0, &i);
	check_info(r == JOBQ_CLIENT_OK && i.state == JOBQ_JOB_CANCELLED &&
			   streq(i.cancel_reason, "batch cancel") && i.payload == NULL &&
			   i.metadata == NULL && streq(i.key, "libjobq-scheduled"),
		   "wait: the scheduled job is cancelled, with the reason", c, &i);
	check_info(r == JOBQ_CLIENT_OK && i.stop_ms < 0,
		   "wait: a job cancelled before it ran has stop_ms < 0 (it never ran)", c, &i);
	jobq_job_info_free(&i);
}

/* What wait_many's on_end saw; with `inside`, it also calls the handle from inside. */
struct ends {
	jobq_client *c;
	const char *other; /* an id for the status called from inside */
	bool inside;
	size_t n;          /* on_end calls */
	size_t order[8];   /* the indexes, in call order */
	int calls[8];      /* calls per index */
	bool all_terminal; /* every info handed was terminal, without payload or metadata */
	int inside_ok;     /* calls from inside that got EINVAL (and a message saying why) */
	int inside_bad;    /* calls from inside that did not */
};

static void on_end(void *arg, size_t index, const struct jobq_job_info *info)
{
	struct ends *e = arg;

	if (e->n < 8)
		e->order[e->n] = index;
	e->n++;
	if (index < 8)
		e->calls[index]++;
	e->all_terminal = e->all_terminal &&
			  (info->state == JOBQ_JOB_SUCCEEDED || info->state == JOBQ_JOB_FAILED ||
			   info->state == JOBQ_JOB_CANCELLED) &&
			  info->payload == NULL && info->metadata == NULL;
	if (e->inside) {
		struct jobq_job_info other = { 0 };
		char node[128];
		int r = jobq_client_status(e->c, e->other, &other);

		if (r == JOBQ_CLIENT_EINVAL && strstr(jobq_client_errmsg(e->c), "inside") != NULL)
			e->inside_ok++;
		else
			e->inside_bad++;
		if (r == JOBQ_CLIENT_OK)
			jobq_job_info_free(&other);
		r = jobq_client_broker_node(e->c, node, sizeof(node), NULL, 0);
		if (r == JOBQ_CLIENT_EINVAL)
			e->inside_ok++;
		else
			e->inside_bad++;
	}
}

static void free_infos(struct jobq_job_info *infos, size_t n)
{
	for (size_t k = 0; k < n; k++)
		jobq_job_info_free(&infos[k]);
}

/* wait_many: the order of on_end, a timeout, an unknown id, calls from inside on_end. */
static void wait_many(jobq_client *c, const char *finished)
{
	static const char unknown[] = "00000000-0000-4000-8000-00000000000d";
	struct jobq_submit_opts idle_q = { .queue = "libjobq-idle" };
	char a[JOBQ_CLIENT_ID_SIZE], b[JOBQ_CLIENT_ID_SIZE], e3[JOBQ_CLIENT_ID_SIZE];
	struct jobq_job_info infos[3] = { 0 };
	struct ends e;
	bool ok;
	int r;

	/* three jobs that end at different times: the echo first, then 3 s, then 8 s (seconds
	 * apart: a loaded machine may start one of them a second or two late) */
	ok = jobq_client_submit(c, "sleep", "{\"seconds\": 3}", NULL, a) == JOBQ_CLIENT_OK &&
	     jobq_client_submit(c, "sleep", "{\"seconds\": 8}", NULL, b) == JOBQ_CLIENT_OK &&
	     jobq_client_submit(c, "echo", "{\"w\": 3}", NULL, e3) == JOBQ_CLIENT_OK;
	check(ok, "submit sleep 3 s, sleep 8 s, echo", c);
	{
		const char *ids[3] = { a, b, e3 };

		e = (struct ends){ .c = c, .all_terminal = true };
		r = jobq_client_wait_many(c, ids, 3, 30000, on_end, &e, infos);
		check(r == JOBQ_CLIENT_OK && e.n == 3 && e.calls[0] == 1 && e.calls[1] == 1 &&
			      e.calls[2] == 1 && e.all_terminal,
		      "wait_many of 3: on_end once each, terminal, no payload or metadata", c);
		check(e.n == 3 && e.order[0] == 2 && e.order[1] == 0 && e.order[2] == 1,
		      "wait_many of 3: on_end in the order they ended (echo, 3 s, 8 s)", c);
		if (e.n == 3 && !(e.order[0] == 2 && e.order[1] == 0 && e.order[2] == 1))
			printf("# on_end order: %zu %zu %zu\n", e.order[0], e.order[1], e.order[2]);
		check(r == JOBQ_CLIENT_OK && infos[0].state == JOBQ_JOB_SUCCEEDED &&
			      infos[1].state == JOBQ_JOB_SUCCEEDED &&
			      infos[2].state == JOBQ_JOB_SUCCEEDED &&
			      streq(infos[2].result, "{\"w\": 3}") && infos[0].payload == NULL &&
			      infos[2].metadata == NULL && infos[2].stop_ms < 0 &&
			      infos[2].finished_unix_ms <= infos[0].finished_unix_ms &&
			      infos[0].finished_unix_ms <= infos[1].finished_unix_ms &&
			      infos[1].finished_unix_ms - infos[0].finished_unix_ms >= 3000,
		      "wait_many of 3: infos filled, finished in that order", c);
		free_infos(infos, 3);
	}
	/* a timeout: the finished job and one that ends during the wait are handed once each;
	 * one on a queue no consumer reads stays queued */
	ok = jobq_client_submit(c, "sleep", "{\"seconds\": 0.3}", NULL, a) == JOBQ_CLIENT_OK &&
	     jobq_client_submit(c, "noop", NULL, &idle_q, b) == JOBQ_CLIENT_OK;
	check(ok, "submit sleep 0.3 s, and noop to an idle queue", c);
	printf("id unfinished %s\n", b);
	{
		const char *ids[3] = { finished, a, b };

		e = (struct ends){ .c = c, .all_terminal = true };
		r = jobq_client_wait_many(c, ids, 3, 10000, on_end, &e, infos);
		check(r == JOBQ_CLIENT_ETIMEDOUT &&
			      strstr(jobq_client_errmsg(c), "1 of 3 jobs still unfinished") != NULL,
		      "wait_many with one that never runs: ETIMEDOUT, 1 of 3 unfinished", c);
		check(e.n == 2 && e.calls[0] == 1 && e.calls[1] == 1 && e.calls[2] == 0 &&
			      e.all_terminal,
		      "wait_many timed out: the two that ended handed to on_end once each", c);
		check(infos[0].state == JOBQ_JOB_SUCCEEDED &&
			      infos[1].state == JOBQ_JOB_SUCCEEDED &&
			      infos[2].state == JOBQ_JOB_QUEUED && infos[2].finished_unix_ms == 0,
		      "wait_many timed out: infos hold the ended and the still queued", c);
		free_infos(infos, 3);
	}
	/* an unknown id fails the call before any job is handed (the first is finished) */
	{
		const char *ids[2] = { finished, unknown };

		e = (struct ends){ .c = c, .all_terminal = true };
		r = jobq_client_wait_many(c, ids, 2, 1000, on_end, &e, NULL);
		check(r == JOBQ_CLIENT_ENOTFOUND && e.n == 0 &&
			      strstr(jobq_client_errmsg(c), unknown) != NULL,
		      "wait_many with an unknown id: ENOTFOUND naming it, before any on_end", c);
	}
	/* calls on the handle from inside on_end are refused, and the wait goes on: for a job
	 * found ended at the first read, and for one that ends during the wait */
	check(jobq_client_submit(c, "sleep", "{\"seconds\": 0.3}", NULL, a) == JOBQ_CLIENT_OK,
	      "submit sleep 0.3 s", c);
	{
		const char *ids[2] = { finished, a };

		e = (struct ends){
			.c = c, .other = finished, .inside = true, .all_terminal = true
		};
		r = jobq_client_wait_many(c, ids, 2, 30000, on_end, &e, infos);
		check(r == JOBQ_CLIENT_OK && e.n == 2 && e.calls[0] == 1 && e.calls[1] == 1 &&
			      infos[1].state == JOBQ_JOB_SUCCEEDED,
		      "wait_many whose on_end calls the handle completes normally", c);
		check(e.inside_ok == 4 && e.inside_bad == 0,
		      "status and broker_node from inside on_end: EINVAL each, no deadlock", c);
		check(r == JOBQ_CLIENT_OK && jobq_client_errmsg(c)[0] == '\0',
		      "the wait's own outcome is the handle's message after it", c);
		free_infos(infos, 2);
		r = jobq_client_status(c, finished, &infos[0]);
		check(r == JOBQ_CLIENT_OK && infos[0].state == JOBQ_JOB_SUCCEEDED,
		      "the handle works after calls refused from inside on_end", c);
		jobq_job_info_free(&infos[0]);
	}
	/* no callback, no infos: a wait on ended jobs returns at its first read */
	{
		const char *ids[2] = { finished, finished };

		check(jobq_client_wait_many(c, ids, 2, 0, NULL, NULL, NULL) == JOBQ_CLIENT_OK,
		      "wait_many without on_end or infos, an id repeated: OK", c);
	}
}

int main(int argc, char **argv)
{
	static const char unknown[] = "00000000-0000-4000-8000-000000000000";
	char id[JOBQ_CLIENT_ID_SIZE], again[JOBQ_CLIENT_ID_SIZE], ids[3][JOBQ_CLIENT_ID_SIZE];
	char echo[JOBQ_CLIENT_ID_SIZE];
	struct jobq_client_error oerr;
	struct jobq_job_info info = { 0 };
	struct jobq_submit_opts opts;
	enum jobq_job_state was = JOBQ_JOB_QUEUED;
	jobq_client *c, *bad;
	int r;

	/* line by line, so that a run killed by the test's timeout (a call that hangs) still
	 * shows how far it got */
	setvbuf(stdout, NULL, _IOLBF, 0);
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
	check_info(r == JOBQ_CLIENT_OK && info.payload == NULL && info.metadata == NULL &&
			   info.stop_ms < 0 && streq(info.type, "echo") && info.worker != NULL,
		   "wait: its info has no payload or metadata, stop_ms < 0", c, &info);
	jobq_job_info_free(&info);
	r = jobq_client_status(c, id, &info);
	check(r == JOBQ_CLIENT_OK && info.state == JOBQ_JOB_SUCCEEDED && info.attempt == 1,
	      "status: succeeded after attempt 1", c);
	jobq_job_info_free(&info);
	status_succeeded(c, id);
	memcpy(echo, id, sizeof(echo));

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

	/* a key with a window of 3 s (scheduled an hour ahead, so that it stays as it is): the
	 * same job within it, a new one after it */
	opts = (struct jobq_submit_opts){ .key = "libjobq-window-1",
					  .unique_for_ms = 3000,
					  .delay_ms = 3600 * 1000 };
	r = jobq_client_submit(c, "noop", NULL, &opts, id);
	check(r == JOBQ_CLIENT_OK, "submit with a key and a window of 3 s", c);
	r = jobq_client_submit(c, "noop", NULL, &opts, again);
	check(r == JOBQ_CLIENT_OK && strcmp(id, again) == 0, "within the window: the same id", c);
	nap_ms(3300);
	r = jobq_client_submit(c, "noop", NULL, &opts, again);
	check(r == JOBQ_CLIENT_OK && strcmp(id, again) != 0, "after the window: a new id", c);
	printf("id window-old %s\nid window-new %s\n", id, again);

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
	check(wait_running(c, id), "the sleeper runs", c);
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

	cancel_many(c, echo);
	wait_many(c, echo);

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

	/* dependencies: job 2 after job 1 ("#1"), job 3 after any end of job 2 and of the echo
	 * job; both wait, unpublished, and run once the jobs before them ended */
	{
		char after_any[2 * JOBQ_CLIENT_ID_SIZE + 8];
		struct jobq_job_spec jobs[3] = {
			{ .type = "sleep", .payload = "{\"seconds\": 0.3}" },
			{ .type = "echo", .payload = "{\"step\": 2}", .opts = { .after = "#1" } },
			{ .type = "noop", .opts = { .after_any = after_any } },
		};
		struct jobq_submit_result res[3];

		snprintf(after_any, sizeof(after_any), "#2,%s", echo);
		r = jobq_client_submit_results(c, jobs, 3, JOBQ_SUBMIT_CONFIRM, res);
		check(r == JOBQ_CLIENT_OK && res[1].state == JOBQ_JOB_WAITING &&
			      res[2].state == JOBQ_JOB_WAITING && !res[1].published,
		      "submit_results with after and after_any: the dependents wait, unpublished",
		      c);
		r = jobq_client_wait(c, res[2].id, 30000, &info);
		check(r == JOBQ_CLIENT_OK && info.state == JOBQ_JOB_SUCCEEDED,
		      "the job after the chain succeeded", c);
		jobq_job_info_free(&info);
		r = jobq_client_status(c, res[1].id, &info);
		check(r == JOBQ_CLIENT_OK && info.state == JOBQ_JOB_SUCCEEDED &&
			      streq(info.result, "{\"step\": 2}"),
		      "the job in the middle succeeded", c);
		jobq_job_info_free(&info);
		printf("id after0 %s\nid after1 %s\nid after2 %s\n", res[0].id, res[1].id,
		       res[2].id);
		jobs[1].opts.after = "#2";
		r = jobq_client_submit_many(c, jobs, 3, ids);
		check(r == JOBQ_CLIENT_EINVAL &&
			      strstr(jobq_client_errmsg(c),
				     "job 2: after: '#2' is not an earlier") != NULL,
		      "a job after itself refuses the batch, naming it", c);
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
	/* a batch with callbacks: its id; no callback, a bad one or reserved set: refused */
	{
		struct jobq_job_spec jobs[2] = {
			{ .type = "noop", .opts = { .delay_ms = 3600 * 1000 } },
			{ .type = "noop", .opts = { .delay_ms = 3600 * 1000 } },
		};
		struct jobq_batch_opts b = { .on_complete_type = "echo",
					     .on_complete_payload = "{\"x\": 1}" };
		struct jobq_submit_result res[2];
		char bid[JOBQ_CLIENT_ID_SIZE] = "";

		r = jobq_client_submit_batch(c, jobs, 2, &b, JOBQ_SUBMIT_CONFIRM, res, bid);
		check(r == JOBQ_CLIENT_OK && strlen(bid) == 36 && strcmp(res[0].id, res[1].id) != 0,
		      "submit_batch: a batch id and its jobs", c);
		printf("id batch %s\n", bid);
		check(jobq_client_submit_batch(c, jobs, 2, NULL, 0, res, NULL) ==
				      JOBQ_CLIENT_EINVAL &&
			      strstr(jobq_client_errmsg(c), "no callback") != NULL,
		      "submit_batch without a callback is refused", c);
		b.on_complete_payload = "{";
		check(jobq_client_submit_batch(c, jobs, 2, &b, 0, res, NULL) ==
				      JOBQ_CLIENT_EINVAL &&
			      strstr(jobq_client_errmsg(c), "on_complete callback") != NULL,
		      "submit_batch with a bad callback payload is refused, naming it", c);
		b.on_complete_payload = NULL;
		b.reserved[0] = 1;
		check(jobq_client_submit_batch(c, jobs, 2, &b, 0, res, NULL) == JOBQ_CLIENT_EINVAL,
		      "submit_batch with reserved set is refused", c);
	}
	jobq_client_close(c);
	r = jobq_client_open_config("/nonexistent/jobq.conf", &bad, &oerr);
	check(r == JOBQ_CLIENT_EINVAL && bad == NULL &&
		      strstr(oerr.message, "/nonexistent/jobq.conf") != NULL,
	      "open_config of a missing file: EINVAL naming it", NULL);
	return failures;
}
