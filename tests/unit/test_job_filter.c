/* Unit tests for the job filters: metadata pairs, time bounds, cursors
 * (common/job_filter.c) and their SQL (common/store_filter.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "jobq/job.h"
#include "jobq/job_filter.h"
#include "jobq/store_filter.h"

static void test_job_filter_meta_pairs(void **state)
{
	struct jobq_err err;
	json_t *o = NULL;
	char *text;

	(void)state;
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", "tenant=42", &err), 0);
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", "note=a=b", &err), 0);
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", "empty=", &err), 0);
	text = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(text, "{\"empty\":\"\",\"note\":\"a=b\",\"tenant\":\"42\"}");
	free(text);
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", "tenant=43", &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "--meta: key 'tenant' is given twice");
	assert_int_equal(json_object_size(o), 3);
	json_decref(o);
}

static void test_job_filter_meta_rejects(void **state)
{
	char big[JOBQ_META_VALUE_MAX + 8], key[JOBQ_META_KEY_MAX + 4];
	struct jobq_err err;
	json_t *o = NULL;

	(void)state;
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", "novalue", &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "--meta: 'novalue' is not KEY=VALUE");
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", "=v", &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "--meta: '=v' has an empty key");
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", "k=a\nb", &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "control character"));
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", "k=\xff", &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "not valid UTF-8"));
	memset(big, 'v', sizeof(big));
	memcpy(big, "k=", 2);
	big[2 + JOBQ_META_VALUE_MAX + 1] = '\0';
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", big, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "--meta: the value of 'k' is over 1024 bytes");
	big[2 + JOBQ_META_VALUE_MAX] = '\0'; /* exactly the limit */
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", big, &err), 0);
	memset(key, 'k', sizeof(key));
	key[JOBQ_META_KEY_MAX + 1] = '=';
	key[JOBQ_META_KEY_MAX + 2] = '\0';
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", key, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "is over 128 bytes"));
	for (int i = 1; i < JOBQ_META_PAIRS_MAX; i++) {
		char pair[32];

		snprintf(pair, sizeof(pair), "k%d=v", i);
		assert_int_equal(jobq_meta_pair_add(&o, "--meta", pair, &err), 0);
	}
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", "one=more", &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "--meta: more than 32 pairs");
	json_decref(o);
}

static void test_job_filter_time_bounds(void **state)
{
	struct jobq_time_bound b;
	struct jobq_err err;

	(void)state;
	assert_int_equal(jobq_time_bound_parse("--since", "2h", &b, &err), 0);
	assert_true(b.set && b.ago && b.ms == 7200000);
	assert_int_equal(jobq_time_bound_parse("--since", "2026-12-06T09:00:00Z", &b, &err), 0);
	assert_true(b.set && !b.ago && b.ms == 1796547600000LL);
	assert_int_equal(jobq_time_bound_parse("--until", "yesterday", &b, &err), JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "--until: 'yesterday' is neither a duration"));
	assert_int_equal(jobq_time_bound_parse("--until", "2026-12-06T09:00:00", &b, &err),
			 JOBQ_EINVAL);
}

/* Years 0001 to 9999 (PostgreSQL reads "1-01-01" as 2001, and refuses or misreads what
 * strftime wrote for times far out), a duration over the maximum said as such. */
static void test_job_filter_time_range(void **state)
{
	struct jobq_time_bound b;
	struct jobq_err err;
	char ts[48];

	(void)state;
	assert_int_equal(jobq_time_bound_parse("--since", "0001-01-01T00:00:00Z", &b, &err), 0);
	assert_true(b.set && !b.ago && b.ms == JOBQ_TIME_MIN_MS);
	assert_string_equal(jobq_cursor_timestamp(b.ms * 1000, ts, sizeof(ts)),
			    "0001-01-01 00:00:00.000000+00");
	assert_int_equal(jobq_time_bound_parse("--until", "0050-01-01T00:00:00Z", &b, &err), 0);
	assert_string_equal(jobq_cursor_timestamp(b.ms * 1000, ts, sizeof(ts)),
			    "0050-01-01 00:00:00.000000+00");
	assert_int_equal(jobq_time_bound_parse("--until", "9999-12-31T23:59:59.999Z", &b, &err), 0);
	assert_true(b.ms == JOBQ_TIME_MAX_MS - 1);
	assert_string_equal(jobq_cursor_timestamp(b.ms * 1000, ts, sizeof(ts)),
			    "9999-12-31 23:59:59.999000+00");
	/* Year 0, also when an offset moves year 1 into it. */
	assert_int_equal(jobq_time_bound_parse("--since", "0000-06-01T00:00:00Z", &b, &err),
			 JOBQ_EINVAL);
	assert_string_equal(err.msg, "--since: '0000-06-01T00:00:00Z' is out of range (years "
				     "0001 to 9999 UTC)");
	assert_int_equal(jobq_time_bound_parse("--since", "0001-01-01T00:00:00+01:00", &b, &err),
			 JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "out of range"));
	assert_int_equal(jobq_time_bound_parse("--until", "9999-12-31T23:00:00-01:00", &b, &err),
			 JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "out of range"));

	assert_int_equal(jobq_time_bound_parse("--since", "365d", &b, &err), 0);
	assert_int_equal(jobq_time_bound_parse("--since", "400d", &b, &err), JOBQ_EINVAL);
	assert_string_equal(err.msg, "--since: '400d' is over the longest duration, 365d; give a "
				     "time instead (2026-12-06T09:00:00Z)");
}

static void test_job_filter_cursor_range(void **state)
{
	static const char *const bad[] = {
		/* the reviewer's: -290308 years */
		"c800000000000000000000000000000000000000000000000",
		"cff23400100d43fff00000000000000000000000000000000", /* 1 us before year 1 */
		"c0384440ccc73600000000000000000000000000000000000", /* year 10000 */
		"c7fffffffffffffff00000000000000000000000000000000",
	};
	struct jobq_cursor c = { 0 };
	struct jobq_err err;
	char ts[48];

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(jobq_cursor_parse(bad[i], &c, &err), JOBQ_EINVAL);
		assert_non_null(strstr(err.msg, "is not a cursor printed by jobq list"));
		assert_false(c.set);
	}
	assert_int_equal(
		jobq_cursor_parse("cff23400100d4400000000000000000000000000000000001", &c, &err),
		0);
	assert_int_equal(c.created_us, JOBQ_TIME_MIN_MS * 1000);
	assert_string_equal(jobq_cursor_timestamp(c.created_us, ts, sizeof(ts)),
			    "0001-01-01 00:00:00.000000+00");
	assert_int_equal(
		jobq_cursor_parse("c0384440ccc735fff00000000000000000000000000000001", &c, &err),
		0);
	assert_string_equal(jobq_cursor_timestamp(c.created_us, ts, sizeof(ts)),
			    "9999-12-31 23:59:59.999999+00");
}

/* The free text of --worker: 1 to max bytes of UTF-8 without control characters. */
static void test_job_filter_text_valid(void **state)
{
	(void)state;
	assert_true(jobq_filter_text_valid("w1", 255));
	assert_true(jobq_filter_text_valid("h\xC3\xB4te:42:w", 255));
	assert_false(jobq_filter_text_valid("", 255));
	assert_false(jobq_filter_text_valid("\xff", 255));
	assert_false(jobq_filter_text_valid("w\xC3", 255)); /* cut short */
	assert_false(jobq_filter_text_valid("a\tb", 255));
	assert_false(jobq_filter_text_valid("a\x7f", 255));
	assert_true(jobq_filter_text_valid("abc", 3));
	assert_false(jobq_filter_text_valid("abcd", 3));
}

/* An error quotes at most 80 bytes of the text, not splitting a character. */
static void test_job_filter_error_quote_whole_characters(void **state)
{
	char text[128], want[160];
	struct jobq_err err;
	json_t *o = NULL;
	size_t n = 0;

	(void)state;
	text[n++] = 'a';
	for (int i = 0; i < 50; i++) { /* "a" then 50 two-byte characters: byte 80 splits one */
		text[n++] = '\xC3';
		text[n++] = '\xA9';
	}
	text[n] = '\0';
	assert_int_equal(jobq_meta_pair_add(&o, "--meta", text, &err), JOBQ_EINVAL);
	snprintf(want, sizeof(want), "--meta: '%.79s' is not KEY=VALUE", text);
	assert_string_equal(err.msg, want);
	assert_null(o);
}

static void test_job_filter_cursor_round_trip(void **state)
{
	char buf[JOBQ_CURSOR_LEN], ts[48];
	struct jobq_cursor c;
	struct jobq_err err;

	(void)state;
	jobq_cursor_format(1796547600123456LL, "1F9EC2B6-a2a8-443a-83f1-91745cbcb9e5", buf);
	assert_string_equal(buf, "c000661f3558706401f9ec2b6a2a8443a83f191745cbcb9e5");
	assert_int_equal(jobq_cursor_parse(buf, &c, &err), 0);
	assert_true(c.set);
	assert_int_equal(c.created_us, 1796547600123456LL);
	assert_string_equal(c.id, "1f9ec2b6-a2a8-443a-83f1-91745cbcb9e5");
	assert_string_equal(jobq_cursor_timestamp(c.created_us, ts, sizeof(ts)),
			    "2026-12-06 09:00:00.123456+00");
	assert_string_equal(jobq_cursor_timestamp(-1, ts, sizeof(ts)),
			    "1969-12-31 23:59:59.999999+00");
	assert_string_equal(jobq_cursor_format(1, "not-a-uuid", buf), "");
}

static void test_job_filter_cursor_rejects(void **state)
{
	static const char *const bad[] = {
		"",
		"abc",
		"c000661f3558706401f9ec2b6a2a8443a83f191745cbcb9e",   /* one short */
		"c000661f3558706401f9ec2b6a2a8443a83f191745cbcb9e55", /* one long */
		"C000661f3558706401f9ec2b6a2a8443a83f191745cbcb9e5",  /* version */
		"c000661f3558706401F9ec2b6a2a8443a83f191745cbcb9e5",  /* upper case */
		"c000661f3558706401f9ec2b6a2a8443a83f191745cbcb9eg",  /* not hex */
	};
	struct jobq_cursor c = { 0 };
	struct jobq_err err;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(jobq_cursor_parse(bad[i], &c, &err), JOBQ_EINVAL);
		assert_non_null(strstr(err.msg, "is not a cursor printed by jobq list"));
		assert_false(c.set);
	}
}

static void test_job_filter_sql(void **state)
{
	struct jobq_job_filter f = { 0 };
	struct jobq_filter_sql s;
	struct jobq_err err;

	(void)state;
	assert_false(jobq_job_filter_any(&f));
	assert_int_equal(jobq_filter_sql_build(&f, 1, &s, &err), 0);
	assert_string_equal(s.where, "true");
	assert_int_equal(s.nparams, 0);
	jobq_filter_sql_free(&s);

	f.status = "failed";
	f.worker = "w1";
	assert_int_equal(jobq_meta_pair_add(&f.meta, "--meta", "t=1", &err), 0);
	assert_int_equal(jobq_time_bound_parse("--since", "2h", &f.since, &err), 0);
	assert_int_equal(jobq_time_bound_parse("--until", "2026-12-06T09:00:00Z", &f.until, &err),
			 0);
	assert_int_equal(jobq_cursor_parse("c000661f3558706401f9ec2b6a2a8443a83f191745cbcb9e5",
					   &f.after, &err),
			 0);
	assert_true(jobq_job_filter_any(&f));
	assert_int_equal(jobq_filter_sql_build(&f, 3, &s, &err), 0);
	assert_string_equal(
		s.where, "status = $3::text AND worker_id = $4::text AND job_metadata @> $5::jsonb "
			 "AND id IN (SELECT p.job_id FROM job_meta_pairs p WHERE p.meta_key = "
			 "$6::text AND p.meta_value = $7::text) AND created_at >= now() - "
			 "$8::bigint * interval '1 millisecond' AND created_at < $9::timestamptz "
			 "AND (created_at, id) < ($10::timestamptz, $11::uuid)");
	assert_int_equal(s.nparams, 9);
	assert_string_equal(s.params[0], "failed");
	assert_string_equal(s.params[1], "w1");
	assert_string_equal(s.params[2], "{\"t\":\"1\"}");
	assert_string_equal(s.params[3], "t");
	assert_string_equal(s.params[4], "1");
	assert_string_equal(s.params[5], "7200000");
	assert_string_equal(s.params[6], "2026-12-06 09:00:00.000000+00");
	assert_string_equal(s.params[7], "2026-12-06 09:00:00.123456+00");
	assert_string_equal(s.params[8], "1f9ec2b6-a2a8-443a-83f1-91745cbcb9e5");
	/* the same bounds on the pairs' rows, for a page's walk */
	assert_string_equal(s.pair_where,
			    "p.meta_key = $6::text AND p.meta_value = $7::text AND p.created_at >= "
			    "now() - $8::bigint * interval '1 millisecond' AND p.created_at < "
			    "$9::timestamptz AND (p.created_at, p.job_id) < ($10::timestamptz, "
			    "$11::uuid)");
	jobq_filter_sql_free(&s);
	jobq_job_filter_free(&f);
	assert_null(f.meta);
}

static void test_job_filter_page_sql(void **state)
{
	struct jobq_job_filter f = { 0 };
	struct jobq_filter_sql s;
	struct jobq_err err;
	char *sql;

	(void)state;
	/* A branch per state asked for, in the enum's order; the status is a constant. */
	f.type = "t";
	assert_int_equal(jobq_filter_page_sql(&f, 1u << JOBQ_QUEUED | 1u << JOBQ_FAILED, "id",
					      "x = 1", 1, &s, &sql, &err),
			 0);
	assert_string_equal(
		sql, "SELECT id FROM ((SELECT * FROM jobs WHERE status = 'queued' AND type = "
		     "$1::text AND x = 1 ORDER BY created_at DESC, id DESC LIMIT $2::integer) "
		     "UNION ALL (SELECT * FROM jobs WHERE status = 'failed' AND type = $1::text "
		     "AND x = 1 ORDER BY created_at DESC, id DESC LIMIT $2::integer)) AS jobs "
		     "ORDER BY jobs.created_at DESC, jobs.id DESC LIMIT $2::integer");
	assert_int_equal(s.nparams, 1);
	free(sql);
	jobq_filter_sql_free(&s);

	/* --status narrows the states to its own, with no parameter of its own. */
	f.type = NULL;
	f.status = "running";
	assert_int_equal(
		jobq_filter_page_sql(&f, JOBQ_FILTER_STATES_ALL, "id", NULL, 1, &s, &sql, &err), 0);
	assert_string_equal(sql, "SELECT id FROM ((SELECT * FROM jobs WHERE status = 'running' "
				 "AND true ORDER BY created_at DESC, id DESC LIMIT $1::integer)) "
				 "AS jobs ORDER BY jobs.created_at DESC, jobs.id DESC LIMIT "
				 "$1::integer");
	assert_int_equal(s.nparams, 0);
	free(sql);
	jobq_filter_sql_free(&s);

	/* --meta: one walk of the first pair's rows, the states and the rest checked per job. */
	f.status = NULL;
	assert_int_equal(jobq_meta_pair_add(&f.meta, "--meta", "tenant=42", &err), 0);
	assert_int_equal(jobq_filter_page_sql(&f, 1u << JOBQ_QUEUED | 1u << JOBQ_FAILED, "id", NULL,
					      1, &s, &sql, &err),
			 0);
	assert_string_equal(
		sql,
		"SELECT id FROM (SELECT j.* FROM job_meta_pairs p CROSS JOIN LATERAL (SELECT "
		"* FROM jobs WHERE jobs.id = p.job_id AND status IN ('queued', 'failed') AND "
		"job_metadata @> $1::jsonb OFFSET 0) j WHERE p.meta_key = $2::text AND "
		"p.meta_value = "
		"$3::text ORDER BY p.created_at DESC, p.job_id DESC LIMIT $4::integer) AS jobs "
		"ORDER BY jobs.created_at DESC, jobs.id DESC LIMIT $4::integer");
	assert_int_equal(s.nparams, 3);
	free(sql);
	jobq_filter_sql_free(&s);
	/* ... with a type too: branches per state, each asking for the job's pair row */
	f.type = "t";
	assert_int_equal(jobq_filter_page_sql(&f, 1u << JOBQ_FAILED, "id", NULL, 1, &s, &sql, &err),
			 0);
	assert_string_equal(
		sql, "SELECT id FROM ((SELECT * FROM jobs WHERE status = 'failed' AND type = "
		     "$1::text AND job_metadata @> $2::jsonb AND EXISTS (SELECT 1 FROM "
		     "job_meta_pairs p WHERE p.meta_key = $3::text AND p.meta_value = $4::text AND "
		     "p.created_at = jobs.created_at AND p.job_id = jobs.id) ORDER BY created_at "
		     "DESC, id DESC LIMIT $5::integer)) AS jobs ORDER BY jobs.created_at DESC, "
		     "jobs.id DESC LIMIT $5::integer");
	assert_int_equal(s.nparams, 4);
	free(sql);
	jobq_filter_sql_free(&s);
	f.type = NULL;
	jobq_job_filter_free(&f);
	f.status = "running";

	/* A status outside the states asked for: an empty branch, same parameters. */
	assert_int_equal(jobq_filter_page_sql(&f, 1u << JOBQ_FAILED, "id", NULL, 1, &s, &sql, &err),
			 0);
	assert_non_null(strstr(sql, "WHERE false AND true"));
	assert_null(strstr(sql, "status ="));
	free(sql);
	jobq_filter_sql_free(&s);
}

/* A page of no filter reads every state there is: one branch per state of enum
 * jobq_status, so that a state added to it (and to jobq_status_name) is listed by itself. */
static void test_job_filter_page_sql_every_state(void **state)
{
	struct jobq_job_filter f = { 0 };
	struct jobq_filter_sql s;
	struct jobq_err err;
	const char *p;
	char *sql, want[64];
	int branches = 0;

	(void)state;
	assert_int_equal(
		jobq_filter_page_sql(&f, JOBQ_FILTER_STATES_ALL, "id", NULL, 1, &s, &sql, &err), 0);
	for (p = sql; (p = strstr(p, "(SELECT * FROM jobs WHERE status = '")) != NULL; p++)
		branches++;
	assert_int_equal(branches, JOBQ_STATUS_COUNT);
	for (int k = 0; k < JOBQ_STATUS_COUNT; k++) {
		snprintf(want, sizeof(want), "WHERE status = '%s' AND",
			 jobq_status_name((enum jobq_status)k));
		assert_non_null(strstr(sql, want));
	}
	free(sql);
	jobq_filter_sql_free(&s);
}

/* jobq_job_filter_set names the field in its messages and keeps what it accepted;
 * jobq_job_filter_pin fixes the relative bounds and leaves the absolute ones. */
static void test_job_filter_set_and_pin(void **state)
{
	struct jobq_job_filter f = { 0 };
	struct jobq_err err;

	(void)state;
	assert_int_equal(jobq_job_filter_set(&f, JOBQ_FILTER_STATUS, "status", "failed", &err), 0);
	assert_string_equal(f.status, "failed");
	assert_int_equal(jobq_job_filter_set(&f, JOBQ_FILTER_STATUS, "status", "nope", &err),
			 JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "status"));
	assert_string_equal(f.status, "failed");
	assert_int_equal(jobq_job_filter_set(&f, JOBQ_FILTER_TYPE, "--type", "a b", &err),
			 JOBQ_EINVAL);
	assert_non_null(strstr(err.msg, "--type: 'a b'"));
	assert_int_equal(jobq_job_filter_set(&f, JOBQ_FILTER_QUEUE, "queue", "q/1", &err),
			 JOBQ_EINVAL);
	assert_int_equal(jobq_job_filter_set(&f, JOBQ_FILTER_WORKER, "worker", "", &err),
			 JOBQ_EINVAL);
	assert_int_equal(jobq_job_filter_set(&f, JOBQ_FILTER_META, "meta", "k=v", &err), 0);
	assert_int_equal(jobq_job_filter_set(&f, JOBQ_FILTER_META, "meta", "k=w", &err),
			 JOBQ_EINVAL);
	assert_false(jobq_job_filter_relative(&f));
	assert_int_equal(jobq_job_filter_set(&f, JOBQ_FILTER_SINCE, "since", "2h", &err), 0);
	assert_int_equal(
		jobq_job_filter_set(&f, JOBQ_FILTER_UNTIL, "until", "2026-12-06T09:00:00Z", &err),
		0);
	assert_true(jobq_job_filter_relative(&f));
	jobq_job_filter_pin(&f, 10000000);
	assert_false(jobq_job_filter_relative(&f));
	assert_true(f.since.set);
	assert_int_equal(f.since.ms, 10000000 - 7200000);
	assert_int_equal(f.until.ms, 1796547600000LL);
	jobq_job_filter_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_job_filter_meta_pairs),
		cmocka_unit_test(test_job_filter_page_sql),
		cmocka_unit_test(test_job_filter_meta_rejects),
		cmocka_unit_test(test_job_filter_time_bounds),
		cmocka_unit_test(test_job_filter_cursor_round_trip),
		cmocka_unit_test(test_job_filter_cursor_rejects),
		cmocka_unit_test(test_job_filter_sql),
		cmocka_unit_test(test_job_filter_time_range),
		cmocka_unit_test(test_job_filter_cursor_range),
		cmocka_unit_test(test_job_filter_text_valid),
		cmocka_unit_test(test_job_filter_error_quote_whole_characters),
		cmocka_unit_test(test_job_filter_page_sql_every_state),
		cmocka_unit_test(test_job_filter_set_and_pin),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
