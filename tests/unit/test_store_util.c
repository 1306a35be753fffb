/* Unit tests: the store's shared helpers that need no server — growing text, the lease-token
 * map, the uuid[] literal, and result columns read by name (on a result built in memory). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "jobq/store.h"
#include "store_internal.h"

#define ID_A "0190aaaa-0000-7000-8000-00000000000a"
#define ID_B "0190bbbb-0000-7000-8000-00000000000b"

static void test_store_util_text_grows_past_its_first_block(void **state)
{
	struct store_text t = { 0 };
	char *s, want[1001];

	(void)state;
	for (int i = 0; i < 1000; i++) {
		store_text_add(&t, "%c", 'a' + i % 26);
		want[i] = (char)('a' + i % 26);
	}
	want[1000] = '\0';
	s = store_text_take(&t);
	assert_non_null(s);
	assert_string_equal(s, want);
	assert_null(t.s);
	assert_int_equal(t.len, 0);
	free(s);
}

static void test_store_util_text_empty_is_empty_string(void **state)
{
	struct store_text t = { 0 };
	char *s;

	(void)state;
	s = store_text_take(&t);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
}

static void test_store_util_text_failed_takes_null(void **state)
{
	struct store_text t = { 0 };

	(void)state;
	store_text_add(&t, "some");
	t.failed = true;
	store_text_add(&t, "more");
	assert_null(store_text_take(&t));
	assert_null(t.s);
}

static void test_store_util_token_map_lower_case_first_value_wins(void **state)
{
	const char *ids[3] = { "0190AAAA-0000-7000-8000-00000000000A", ID_B, ID_A };
	const int64_t tokens[3] = { 7, 8, 9 };
	char *m;

	(void)state;
	m = store_token_map(ids, tokens, 3);
	assert_non_null(m);
	/* Written last to first, so jsonb (which keeps a repeated key's last value) keeps the
	 * first listed. */
	assert_string_equal(m, "{\"" ID_A "\":9,\"" ID_B "\":8,\"" ID_A "\":7}");
	free(m);
}

static void test_store_util_token_map_without_values_is_zero(void **state)
{
	const char *ids[1] = { ID_A };
	char *m;

	(void)state;
	m = store_token_map(ids, NULL, 1);
	assert_string_equal(m, "{\"" ID_A "\":0}");
	free(m);
	m = store_token_map(ids, NULL, 0);
	assert_string_equal(m, "{}");
	free(m);
}

static void test_store_util_uuid_array_literal(void **state)
{
	const char *ids[2] = { ID_A, ID_B };
	char *a;

	(void)state;
	a = jobq_store_uuid_array(ids, 2);
	assert_string_equal(a, "{" ID_A "," ID_B "}");
	free(a);
	a = jobq_store_uuid_array(ids, 0);
	assert_string_equal(a, "{}");
	free(a);
}

/* A one-row result with columns id, claimed, lease_token, built without a server. */
static PGresult *result(void)
{
	PGresAttDesc attrs[3] = {
		{ .name = "id", .format = 0, .typid = 25, .typlen = -1, .atttypmod = -1 },
		{ .name = "claimed", .format = 0, .typid = 16, .typlen = 1, .atttypmod = -1 },
		{ .name = "lease_token", .format = 0, .typid = 20, .typlen = 8, .atttypmod = -1 },
	};
	PGresult *res = PQmakeEmptyPGresult(NULL, PGRES_TUPLES_OK);

	assert_non_null(res);
	assert_int_equal(PQsetResultAttrs(res, 3, attrs), 1);
	assert_int_equal(PQsetvalue(res, 0, 0, (char *)ID_A, (int)strlen(ID_A)), 1);
	assert_int_equal(PQsetvalue(res, 0, 1, (char *)"t", 1), 1);
	assert_int_equal(PQsetvalue(res, 0, 2, (char *)"-42", 3), 1);
	return res;
}

static void test_store_util_columns_by_name_in_any_order(void **state)
{
	static const char *const names[3] = { "lease_token", "id", "claimed" };
	PGresult *res = result();
	struct jobq_err err;
	int col[3];

	(void)state;
	assert_int_equal(store_columns(res, names, 3, col, "claim", &err), 0);
	assert_int_equal(store_int64(res, 0, col[0]), -42);
	assert_string_equal(PQgetvalue(res, 0, col[1]), ID_A);
	assert_true(store_bool(res, 0, col[2]));
	PQclear(res);
}

static void test_store_util_columns_missing_fails_naming_it(void **state)
{
	static const char *const names[2] = { "id", "claim_id" };
	PGresult *res = result();
	struct jobq_err err;
	int col[2];

	(void)state;
	assert_int_equal(store_columns(res, names, 2, col, "claim", &err), JOBQ_EINTERNAL);
	assert_int_equal(err.code, JOBQ_EINTERNAL);
	assert_string_equal(err.msg, "claim: the result has no column \"claim_id\"");
	PQclear(res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_store_util_text_grows_past_its_first_block),
		cmocka_unit_test(test_store_util_text_empty_is_empty_string),
		cmocka_unit_test(test_store_util_text_failed_takes_null),
		cmocka_unit_test(test_store_util_token_map_lower_case_first_value_wins),
		cmocka_unit_test(test_store_util_token_map_without_values_is_zero),
		cmocka_unit_test(test_store_util_uuid_array_literal),
		cmocka_unit_test(test_store_util_columns_by_name_in_any_order),
		cmocka_unit_test(test_store_util_columns_missing_fails_naming_it),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
