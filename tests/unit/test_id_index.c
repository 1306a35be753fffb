/* The index over a list of job ids (common/id_index.c): sorted without regard to case, ties
 * in list order, and found by binary search (every place of a repeated id, none of an id
 * that is not there), on an empty list too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "jobq/id_index.h"

#define A "0d4e5f66-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
#define A_UP "0D4E5F66-7A8B-4C9D-8E0F-1A2B3C4D5E6F"
#define B "5a000000-0000-4000-8000-000000000001"
#define C "f0000000-0000-4000-8000-000000000002"
#define MISSING "00000000-0000-4000-8000-000000000000"

static void sorted_with_ties_in_list_order(void **state)
{
	const char *ids[] = { C, A, B, A_UP, A };
	struct jobq_id_ref refs[5];
	const size_t want_idx[] = { 1, 3, 4, 2, 0 }; /* A, A_UP, A (list order), B, C */

	(void)state;
	jobq_id_refs_build(refs, ids, 5);
	for (size_t k = 0; k < 5; k++) {
		assert_int_equal(refs[k].idx, want_idx[k]);
		assert_ptr_equal(refs[k].id, ids[want_idx[k]]);
	}
}

static void finds_every_place_of_an_id(void **state)
{
	const char *ids[] = { C, A, B, A_UP, A };
	struct jobq_id_ref refs[5];
	size_t at, n = 0;

	(void)state;
	jobq_id_refs_build(refs, ids, 5);
	/* a lower-case query finds the upper-case place too, and the first of the three */
	at = jobq_id_refs_find(refs, 5, A);
	assert_int_equal(at, 0);
	for (; at < 5 && strcasecmp(refs[at].id, A) == 0; at++)
		n++;
	assert_int_equal(n, 3);
	assert_int_equal(refs[jobq_id_refs_find(refs, 5, A_UP)].idx, 1);
	assert_int_equal(refs[jobq_id_refs_find(refs, 5, C)].idx, 0);
	assert_int_equal(refs[jobq_id_refs_find(refs, 5, B)].idx, 2);
}

static void absent_ids_and_empty_lists(void **state)
{
	const char *ids[] = { B, C };
	struct jobq_id_ref refs[2], none[1];

	(void)state;
	jobq_id_refs_build(refs, ids, 2);
	assert_int_equal(jobq_id_refs_find(refs, 2, MISSING), 2); /* before the first */
	assert_int_equal(jobq_id_refs_find(refs, 2, A), 2);       /* between */
	assert_int_equal(jobq_id_refs_find(refs, 2, "ffffffff-ffff-4fff-8fff-ffffffffffff"), 2);
	jobq_id_refs_build(none, ids, 0);
	assert_int_equal(jobq_id_refs_find(none, 0, B), 0);
}

static void many_ids(void **state)
{
	enum {
		N = 5000
	};
	static char text[N][37];
	static const char *ids[N];
	static struct jobq_id_ref refs[N];

	(void)state;
	for (size_t i = 0; i < N; i++) { /* a scrambled order: i * 7919 mod N is a permutation */
		snprintf(text[i], sizeof(text[i]), "%08zx-0000-4000-8000-000000000000",
			 (i * 7919) % N);
		ids[i] = text[i];
	}
	jobq_id_refs_build(refs, ids, N);
	for (size_t i = 0; i < N; i++) {
		size_t at = jobq_id_refs_find(refs, N, ids[i]);

		assert_true(at < N);
		assert_int_equal(refs[at].idx, i);
	}
	for (size_t k = 1; k < N; k++)
		assert_true(strcmp(refs[k - 1].id, refs[k].id) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sorted_with_ties_in_list_order),
		cmocka_unit_test(finds_every_place_of_an_id),
		cmocka_unit_test(absent_ids_and_empty_lists),
		cmocka_unit_test(many_ids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
