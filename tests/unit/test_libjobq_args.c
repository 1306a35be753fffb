/* Unit tests: libjobq's argument checks (clients/c). Each call is made through the public
 * interface on a handle whose database cannot be reached (port 1): a check that ran would
 * answer JOBQ_CLIENT_EINVAL with its message, a check that was missing would reach for the
 * database and answer JOBQ_CLIENT_EDB. No server is needed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_internal.h"

#define UUID "0b9e4a3c-1d2f-4e5a-8b6c-7d8e9f0a1b2c"

static int setup(void **state)
{
	struct jobq_config cfg;
	jobq_client *c;

	if (jobq_config_defaults(&cfg, NULL) != 0 ||
	    jobq_config_set_str(&cfg.database_url,
				"postgresql://nobody@127.0.0.1:1/none?connect_timeout=2",
				NULL) != 0 ||
	    client_new(&cfg, &c, NULL) != 0)
		return -1;
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	jobq_client_close(*state);
	return 0;
}

/* The call answered EINVAL and its message holds `part`. */
static void assert_refused(jobq_client *c, int r, const char *part)
{
	if (r != JOBQ_CLIENT_EINVAL || strstr(jobq_client_errmsg(c), part) == NULL)
		fail_msg("expected EINVAL with \"%s\", got %d \"%s\"", part, r,
			 jobq_client_errmsg(c));
}

static void test_libjobq_null_handle(void **state)
{
	static const char *const ids[] = { UUID };
	struct jobq_job_spec j = { .type = "noop" };
	struct jobq_cancel_result res;
	struct jobq_job_info info;
	char id[JOBQ_CLIENT_ID_SIZE];

	(void)state;
	assert_refused(NULL, jobq_client_submit(NULL, "noop", NULL, NULL, id), "NULL");
	assert_refused(NULL, jobq_client_submit_many(NULL, &j, 1, NULL), "NULL");
	assert_refused(NULL, jobq_client_cancel(NULL, UUID, NULL, NULL), "NULL");
	assert_refused(NULL, jobq_client_status(NULL, UUID, &info), "NULL");
	assert_refused(NULL, jobq_client_wait(NULL, UUID, 0, &info), "NULL");
	assert_refused(NULL, jobq_client_cancel_many(NULL, ids, 1, NULL, &res), "NULL");
	assert_refused(NULL, jobq_client_wait_many(NULL, ids, 1, 0, NULL, NULL, &info), "NULL");
	jobq_client_close(NULL);
	jobq_job_info_free(NULL);
}

static void test_libjobq_bad_type(void **state)
{
	jobq_client *c = *state;

	assert_refused(c, jobq_client_submit(c, "bad type!", NULL, NULL, NULL),
		       "job type 'bad type!' is invalid");
	assert_refused(c, jobq_client_submit(c, NULL, NULL, NULL, NULL), "missing job type");
	assert_refused(c, jobq_client_submit(c, "", NULL, NULL, NULL), "job type '' is invalid");
}

static void test_libjobq_bad_queue(void **state)
{
	struct jobq_submit_opts o = { .queue = "bad q" };
	jobq_client *c = *state;

	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL),
		       "queue 'bad q' is invalid");
}

static void test_libjobq_bad_options(void **state)
{
	jobq_client *c = *state;
	struct jobq_submit_opts o = { .max_attempts = 1001 };

	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL), "max_attempts: 1001");
	o = (struct jobq_submit_opts){ .delay_ms = 1000, .run_at_unix_ms = 1 };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL), "exclude each other");
	o = (struct jobq_submit_opts){ .timeout_ms = -1 };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL), "timeout_ms: -1");
	o = (struct jobq_submit_opts){ .key = "" };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL), "key must be 1 to 255");
	assert_refused(c, jobq_client_submit(c, "noop", "{\"a\":", NULL, NULL),
		       "payload is not valid JSON");
	o = (struct jobq_submit_opts){ .metadata = "[1]" };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL),
		       "metadata must be a JSON object");
	o = (struct jobq_submit_opts){ .metadata = "{\"a\":" };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL),
		       "metadata is not valid JSON");
	o = (struct jobq_submit_opts){ .unique_for_ms = 1000 };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL), "unique_for needs a key");
	o = (struct jobq_submit_opts){ .key = "k", .unique_for_ms = -1 };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL),
		       "unique_for: -1 ms is not from 1 ms to 365 days");
	o = (struct jobq_submit_opts){ .key = "k", .unique_for_ms = 366LL * 86400 * 1000 };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL), "unique_for: ");
	/* the room for later options must stay zero: a later version gives it meaning */
	o = (struct jobq_submit_opts){ .queue = "default" };
	o.reserved[2] = 1;
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL), "reserved[2] is not zero");
	/* dependencies: job ids, or "#N" for an earlier job of the same call */
	o = (struct jobq_submit_opts){ .after = "not-a-uuid" };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL),
		       "'not-a-uuid' is not a UUID");
	o = (struct jobq_submit_opts){ .after_any = "#1" };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL),
		       "after_any: '#1' is not an earlier job of this submit");
	o = (struct jobq_submit_opts){ .after = "00000000-0000-4000-8000-000000000001,," };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL), "after: an empty item");
	o = (struct jobq_submit_opts){ .concurrency_key = "tenant a" };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL),
		       "concurrency key 'tenant a' is invalid (1-128 characters of "
		       "A-Z a-z 0-9 _ . : -)");
	o = (struct jobq_submit_opts){ .concurrency_key = "" };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL), "concurrency key '' is");
	o = (struct jobq_submit_opts){ .priority = 10 };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL),
		       "priority: 10 is not a whole number from 0 to 9");
	o = (struct jobq_submit_opts){ .priority = -1 };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL), "priority: -1");
	o = (struct jobq_submit_opts){ .queue = "q.express" };
	assert_refused(c, jobq_client_submit(c, "noop", NULL, &o, NULL),
		       "ending in .express is kept for express queues");
}

/* A batch is checked whole before anything is sent, and the message names the job. */
static void test_libjobq_many_names_the_job(void **state)
{
	struct jobq_job_spec jobs[3] = { { .type = "noop" },
					 { .type = "noop" },
					 { .type = "noop", .opts = { .queue = "x/y" } } };
	jobq_client *c = *state;

	assert_refused(c, jobq_client_submit_many(c, jobs, 3, NULL), "job 3: queue 'x/y'");
	assert_refused(c, jobq_client_submit_many(c, jobs, 0, NULL), "0 jobs");
	assert_refused(c, jobq_client_submit_many(c, NULL, 2, NULL), "at NULL");
}

static void test_libjobq_bad_id(void **state)
{
	struct jobq_job_info info;
	jobq_client *c = *state;

	assert_refused(c, jobq_client_status(c, "nope", &info), "'nope' is not a UUID");
	assert_refused(c, jobq_client_wait(c, "nope", 0, &info), "'nope' is not a UUID");
	assert_refused(c, jobq_client_cancel(c, NULL, NULL, NULL), "missing job id");
	assert_refused(c, jobq_client_cancel(c, UUID, "", NULL), "reason must be 1 to 1000");
}

/* The many-ids calls check every id first and name the bad one, counted from 1. */
static void test_libjobq_many_ids_name_the_id(void **state)
{
	const char *bad2[] = { UUID, "nope", UUID };
	const char *null1[] = { NULL, UUID };
	struct jobq_cancel_result res[3];
	struct jobq_job_info infos[3];
	jobq_client *c = *state;

	assert_refused(c, jobq_client_cancel_many(c, bad2, 3, NULL, res),
		       "id 2: 'nope' is not a UUID");
	assert_refused(c, jobq_client_cancel_many(c, null1, 2, NULL, res), "id 1: missing job id");
	assert_refused(c, jobq_client_wait_many(c, bad2, 3, 0, NULL, NULL, infos),
		       "id 2: 'nope' is not a UUID");
	assert_refused(c, jobq_client_wait_many(c, null1, 2, 0, NULL, NULL, NULL),
		       "id 1: missing job id");
}

/* 1..JOBQ_CLIENT_MAX_BATCH ids, an id array, and (cancel) a place for the results. The ids
 * past the limit are good ones, so that a missing bound would reach for the database. */
static void test_libjobq_many_ids_bounds(void **state)
{
	size_t n = JOBQ_CLIENT_MAX_BATCH + 1;
	const char **ids = malloc(n * sizeof(*ids));
	struct jobq_cancel_result *res = calloc(n, sizeof(*res));
	jobq_client *c = *state;

	assert_non_null(ids);
	assert_non_null(res);
	for (size_t i = 0; i < n; i++)
		ids[i] = UUID;
	assert_refused(c, jobq_client_cancel_many(c, ids, 0, NULL, res), "ids: give 1 to");
	assert_refused(c, jobq_client_wait_many(c, ids, 0, 0, NULL, NULL, NULL), "ids: give 1 to");
	assert_refused(c, jobq_client_cancel_many(c, ids, n, NULL, res),
		       "wrong number of ids: give 1 to 100000");
	assert_refused(c, jobq_client_wait_many(c, ids, n, 0, NULL, NULL, NULL),
		       "wrong number of ids: give 1 to 100000");
	assert_refused(c, jobq_client_cancel_many(c, NULL, 1, NULL, res), "no ids");
	assert_refused(c, jobq_client_wait_many(c, NULL, 1, 0, NULL, NULL, NULL), "no ids");
	assert_refused(c, jobq_client_cancel_many(c, ids, 1, NULL, NULL),
		       "no place for the results");
	assert_refused(c, jobq_client_cancel_many(c, ids, 1, "", res), "reason must be 1 to 1000");
	free(ids);
	free(res);
}

/* Whether every string of info is NULL (so that jobq_job_info_free on it is safe). */
static bool info_strings_null(const struct jobq_job_info *i)
{
	return i->result == NULL && i->error == NULL && i->cancel_reason == NULL &&
	       i->type == NULL && i->queue == NULL && i->worker == NULL &&
	       i->state_reason == NULL && i->key == NULL && i->progress == NULL &&
	       i->payload == NULL && i->metadata == NULL;
}

/* status and wait zero *out first (jobq.h), whatever they then answer: a caller may free it
 * after a failure without having zeroed it. Garbage stands in for the caller's stack. */
static void test_libjobq_info_zeroed_on_failure(void **state)
{
	struct jobq_job_info info;
	jobq_client *c = *state;

	memset(&info, 0xa5, sizeof(info));
	assert_refused(c, jobq_client_wait(c, "nope", 0, &info), "'nope' is not a UUID");
	assert_true(info_strings_null(&info));
	memset(&info, 0xa5, sizeof(info));
	assert_int_equal(jobq_client_wait(c, UUID, 0, &info), JOBQ_CLIENT_EDB);
	assert_true(info_strings_null(&info));
	memset(&info, 0xa5, sizeof(info));
	assert_int_equal(jobq_client_status(c, UUID, &info), JOBQ_CLIENT_EDB);
	if (!info_strings_null(&info))
		fail_msg("status answered EDB and left *out as it found it, not zeroed");
	memset(&info, 0xa5, sizeof(info));
	assert_refused(c, jobq_client_status(c, "nope", &info), "'nope' is not a UUID");
	if (!info_strings_null(&info))
		fail_msg("status refused a bad id and left *out as it found it, not zeroed");
}

/* Good arguments do reach for the database: the refusals above are the checks' own. */
static void test_libjobq_good_arguments_reach_the_database(void **state)
{
	jobq_client *c = *state;

	assert_int_equal(jobq_client_submit(c, "noop", "{}", NULL, NULL), JOBQ_CLIENT_EDB);
	assert_non_null(strstr(jobq_client_errmsg(c), "127.0.0.1"));
	assert_int_equal(jobq_client_status(c, UUID, &(struct jobq_job_info){ 0 }),
			 JOBQ_CLIENT_EDB);
	/* the many-ids calls at their bounds: 1 and JOBQ_CLIENT_MAX_BATCH ids */
	{
		size_t n = JOBQ_CLIENT_MAX_BATCH;
		const char **ids = malloc(n * sizeof(*ids));
		struct jobq_cancel_result *res = calloc(n, sizeof(*res));

		assert_non_null(ids);
		assert_non_null(res);
		for (size_t i = 0; i < n; i++)
			ids[i] = UUID;
		assert_int_equal(jobq_client_cancel_many(c, ids, 1, NULL, res), JOBQ_CLIENT_EDB);
		assert_int_equal(jobq_client_cancel_many(c, ids, n, "why", res), JOBQ_CLIENT_EDB);
		assert_int_equal(jobq_client_wait_many(c, ids, 1, 0, NULL, NULL, NULL),
				 JOBQ_CLIENT_EDB);
		assert_int_equal(jobq_client_wait_many(c, ids, n, 0, NULL, NULL, NULL),
				 JOBQ_CLIENT_EDB);
		free(ids);
		free(res);
	}
}

/* What other_thread read (its own copy lives in its thread, gone when it ends). */
static char seen_msg[JOBQ_CLIENT_ERRMSG_SIZE];

static void *other_thread(void *arg)
{
	snprintf(seen_msg, sizeof(seen_msg), "%s", jobq_client_errmsg(arg));
	return seen_msg;
}

static void *other_thread_fails(void *arg)
{
	struct jobq_job_info info;

	return (void *)(intptr_t)jobq_client_status(arg, "nope", &info);
}

/* The message belongs to the handle: another thread reads the last call's message on it,
 * and a call that succeeds (here one that fails again, then one refused differently)
 * replaces it for every thread. */
static void test_libjobq_errmsg_is_per_handle(void **state)
{
	jobq_client *c = *state;
	pthread_t t;
	void *seen;

	assert_refused(c, jobq_client_submit(c, "bad type!", NULL, NULL, NULL), "bad type!");
	assert_int_equal(pthread_create(&t, NULL, other_thread, c), 0);
	assert_int_equal(pthread_join(t, &seen), 0);
	assert_non_null(strstr((const char *)seen, "bad type!"));
	assert_non_null(strstr(jobq_client_errmsg(c), "bad type!"));
	/* the other thread's call is the handle's last one now */
	assert_int_equal(pthread_create(&t, NULL, other_thread_fails, c), 0);
	assert_int_equal(pthread_join(t, &seen), 0);
	assert_non_null(strstr(jobq_client_errmsg(c), "'nope' is not a UUID"));
	/* a NULL handle's message is the calling thread's own and touches no handle */
	assert_refused(NULL, jobq_client_status(NULL, UUID, NULL), "NULL");
	assert_non_null(strstr(jobq_client_errmsg(c), "'nope' is not a UUID"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_libjobq_null_handle),
		cmocka_unit_test_setup_teardown(test_libjobq_bad_type, setup, teardown),
		cmocka_unit_test_setup_teardown(test_libjobq_bad_queue, setup, teardown),
		cmocka_unit_test_setup_teardown(test_libjobq_bad_options, setup, teardown),
		cmocka_unit_test_setup_teardown(test_libjobq_many_names_the_job, setup, teardown),
		cmocka_unit_test_setup_teardown(test_libjobq_bad_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_libjobq_many_ids_name_the_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_libjobq_many_ids_bounds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_libjobq_info_zeroed_on_failure, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_libjobq_good_arguments_reach_the_database,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_libjobq_errmsg_is_per_handle, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
