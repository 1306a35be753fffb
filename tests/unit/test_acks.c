/* consumer/acks.c: which frames settle the outstanding deliveries. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "acks.h"

/* The frames emitted, as "ack 3+" (multiple), "ack 5", "reject 2", "requeue 7". */
struct frames {
	char text[512];
	int fail_at; /* 1-based frame that fails; 0 = none */
	int n;
};

static int record(void *ctx, uint64_t tag, enum ack_kind kind, bool multiple)
{
	struct frames *f = ctx;
	const char *what = kind == ACK_ACK ? "ack" : kind == ACK_REJECT ? "reject" : "requeue";
	size_t used = strlen(f->text);

	if (++f->n == f->fail_at)
		return -1;
	snprintf(f->text + used, sizeof(f->text) - used, "%s%s %llu%s", used ? ", " : "", what,
		 (unsigned long long)tag, multiple ? "+" : "");
	return 0;
}

static void add(struct ack_tracker *t, uint64_t from, uint64_t to)
{
	for (uint64_t tag = from; tag <= to; tag++)
		assert_int_equal(acks_add(t, tag), 0);
}

static void test_acks_front_run_is_one_multiple_ack(void **state)
{
	struct ack_tracker t = { 0 };
	struct frames f = { 0 };

	(void)state;
	add(&t, 1, 5);
	for (uint64_t tag = 1; tag <= 4; tag++)
		assert_true(acks_mark(&t, tag, ACK_ACK, 0));
	assert_int_equal(acks_flush(&t, record, &f, 0, 0), 0);
	assert_string_equal(f.text, "ack 4+");
	assert_int_equal(acks_outstanding(&t), 1);
	acks_free(&t);
}

static void test_acks_single_ack_is_not_multiple(void **state)
{
	struct ack_tracker t = { 0 };
	struct frames f = { 0 };

	(void)state;
	add(&t, 7, 8);
	assert_true(acks_mark(&t, 7, ACK_ACK, 0));
	assert_int_equal(acks_flush(&t, record, &f, 0, 0), 0);
	assert_string_equal(f.text, "ack 7");
	acks_free(&t);
}

/* A finished job behind a long-running one is acked at once, on its own, and not again. */
static void test_acks_behind_a_pending_delivery_go_alone(void **state)
{
	struct ack_tracker t = { 0 };
	struct frames f = { 0 };

	(void)state;
	add(&t, 1, 4);
	assert_true(acks_mark(&t, 2, ACK_ACK, 0));
	assert_true(acks_mark(&t, 3, ACK_REQUEUE, 0));
	assert_int_equal(acks_flush(&t, record, &f, 0, 0), 0);
	assert_string_equal(f.text, "ack 2, requeue 3");
	assert_int_equal(acks_outstanding(&t), 4);
	/* the long one ends: the sent ones are skipped, only 1 and 4's run remain */
	memset(&f, 0, sizeof(f));
	assert_true(acks_mark(&t, 1, ACK_ACK, 0));
	assert_true(acks_mark(&t, 4, ACK_ACK, 0));
	assert_int_equal(acks_flush(&t, record, &f, 0, 0), 0);
	assert_string_equal(f.text, "ack 4+");
	assert_int_equal(acks_outstanding(&t), 0);
	acks_free(&t);
}

static void test_acks_reject_splits_the_run(void **state)
{
	struct ack_tracker t = { 0 };
	struct frames f = { 0 };

	(void)state;
	add(&t, 10, 14);
	assert_true(acks_mark(&t, 10, ACK_ACK, 0));
	assert_true(acks_mark(&t, 11, ACK_ACK, 0));
	assert_true(acks_mark(&t, 12, ACK_REJECT, 0));
	assert_true(acks_mark(&t, 13, ACK_ACK, 0));
	assert_int_equal(acks_flush(&t, record, &f, 0, 0), 0);
	assert_string_equal(f.text, "ack 11+, reject 12, ack 13");
	acks_free(&t);
}

static void test_acks_unknown_and_twice_are_refused(void **state)
{
	struct ack_tracker t = { 0 };

	(void)state;
	add(&t, 3, 3);
	assert_false(acks_mark(&t, 2, ACK_ACK, 0));
	assert_false(acks_mark(&t, 4, ACK_ACK, 0));
	assert_true(acks_mark(&t, 3, ACK_ACK, 0));
	assert_false(acks_mark(&t, 3, ACK_ACK, 0));
	/* tags must increase: an older one is not tracked */
	assert_int_equal(acks_add(&t, 2), -1);
	acks_reset(&t);
	assert_int_equal(acks_outstanding(&t), 0);
	assert_false(acks_mark(&t, 3, ACK_ACK, 0));
	acks_free(&t);
}

/* The ring grows and wraps without losing order. */
static void test_acks_ring_wraps_and_grows(void **state)
{
	struct ack_tracker t = { 0 };
	struct frames f = { 0 };
	uint64_t next = 1;

	(void)state;
	for (int round = 0; round < 50; round++) {
		add(&t, next, next + 39);
		for (uint64_t tag = next; tag < next + 30; tag++)
			assert_true(acks_mark(&t, tag, ACK_ACK, 0));
		memset(&f, 0, sizeof(f));
		assert_int_equal(acks_flush(&t, record, &f, 0, 0), 0);
		/* the front run ends at the first pending tag */
		if (round == 0) {
			assert_string_equal(f.text, "ack 30+");
		}
		for (uint64_t tag = next + 30; tag < next + 40; tag++)
			assert_true(acks_mark(&t, tag, ACK_ACK, 0));
		memset(&f, 0, sizeof(f));
		assert_int_equal(acks_flush(&t, record, &f, 0, 0), 0);
		assert_int_equal(acks_outstanding(&t), 0);
		next += 40;
	}
	add(&t, next, next + 200);
	assert_int_equal(acks_outstanding(&t), 201);
	assert_true(acks_mark(&t, next + 200, ACK_ACK, 0));
	memset(&f, 0, sizeof(f));
	assert_int_equal(acks_flush(&t, record, &f, 0, 0), 0);
	char want[64];
	snprintf(want, sizeof(want), "ack %llu", (unsigned long long)(next + 200));
	assert_string_equal(f.text, want);
	acks_free(&t);
}

/* An ack behind a pending delivery waits its hold: when the front settles within it, one
 * ack with `multiple` covers both; acks_due says when the hold ends. */
static void test_acks_held_ack_joins_the_front_run(void **state)
{
	struct ack_tracker t = { 0 };
	struct frames f = { 0 };

	(void)state;
	assert_int_equal(acks_due(&t), INT64_MAX);
	add(&t, 1, 3);
	assert_true(acks_mark(&t, 2, ACK_ACK, 1000));
	assert_int_equal(acks_flush(&t, record, &f, 1000, 500), 0);
	assert_string_equal(f.text, "");
	assert_int_equal(acks_due(&t), 1500);
	assert_true(acks_mark(&t, 1, ACK_ACK, 1200));
	assert_int_equal(acks_flush(&t, record, &f, 1200, 500), 0);
	assert_string_equal(f.text, "ack 2+");
	assert_int_equal(acks_due(&t), INT64_MAX);
	assert_int_equal(acks_outstanding(&t), 1);
	acks_free(&t);
}

/* Past its hold an ack goes alone, and only once; a reject or requeue is never held. */
static void test_acks_hold_ends_and_rejects_are_not_held(void **state)
{
	struct ack_tracker t = { 0 };
	struct frames f = { 0 };

	(void)state;
	add(&t, 1, 4);
	assert_true(acks_mark(&t, 2, ACK_ACK, 1000));
	assert_true(acks_mark(&t, 3, ACK_REJECT, 1000));
	assert_true(acks_mark(&t, 4, ACK_REQUEUE, 1100));
	assert_int_equal(acks_flush(&t, record, &f, 1100, 500), 0);
	assert_string_equal(f.text, "reject 3, requeue 4");
	assert_int_equal(acks_due(&t), 1500);
	memset(&f, 0, sizeof(f));
	assert_int_equal(acks_flush(&t, record, &f, 1499, 500), 0);
	assert_string_equal(f.text, "");
	assert_int_equal(acks_flush(&t, record, &f, 1500, 500), 0);
	assert_string_equal(f.text, "ack 2");
	assert_int_equal(acks_due(&t), INT64_MAX);
	memset(&f, 0, sizeof(f));
	assert_int_equal(acks_flush(&t, record, &f, 9000, 500), 0);
	assert_string_equal(f.text, "");
	assert_true(acks_mark(&t, 1, ACK_ACK, 9000));
	assert_int_equal(acks_flush(&t, record, &f, 9000, 500), 0);
	assert_string_equal(f.text, "ack 1");
	assert_int_equal(acks_outstanding(&t), 0);
	acks_free(&t);
}

/* A delivery the tracker could not take (here: a tag out of order) may lie under any
 * later tag, so until the next connection no ack goes with `multiple`, and none is held. */
static void test_acks_untracked_delivery_stops_multiple(void **state)
{
	struct ack_tracker t = { 0 };
	struct frames f = { 0 };

	(void)state;
	add(&t, 5, 6);
	assert_int_equal(acks_add(&t, 4), -1);
	add(&t, 7, 8);
	assert_true(acks_mark(&t, 5, ACK_ACK, 0));
	assert_true(acks_mark(&t, 6, ACK_ACK, 0));
	assert_true(acks_mark(&t, 8, ACK_ACK, 0));
	assert_int_equal(acks_flush(&t, record, &f, 0, 500), 0);
	assert_string_equal(f.text, "ack 5, ack 6, ack 8");
	acks_reset(&t);
	memset(&f, 0, sizeof(f));
	add(&t, 1, 2);
	assert_true(acks_mark(&t, 1, ACK_ACK, 0));
	assert_true(acks_mark(&t, 2, ACK_ACK, 0));
	assert_int_equal(acks_flush(&t, record, &f, 0, 500), 0);
	assert_string_equal(f.text, "ack 2+");
	acks_free(&t);
}

/* A frame that fails stops the flush; what was not sent stays marked for the caller's
 * reconnect, which resets the tracker. */
static void test_acks_emit_failure_stops(void **state)
{
	struct ack_tracker t = { 0 };
	struct frames f = { .fail_at = 1 };

	(void)state;
	add(&t, 1, 3);
	assert_true(acks_mark(&t, 2, ACK_ACK, 0));
	assert_int_equal(acks_flush(&t, record, &f, 0, 0), -1);
	acks_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_acks_front_run_is_one_multiple_ack),
		cmocka_unit_test(test_acks_single_ack_is_not_multiple),
		cmocka_unit_test(test_acks_behind_a_pending_delivery_go_alone),
		cmocka_unit_test(test_acks_reject_splits_the_run),
		cmocka_unit_test(test_acks_unknown_and_twice_are_refused),
		cmocka_unit_test(test_acks_ring_wraps_and_grows),
		cmocka_unit_test(test_acks_emit_failure_stops),
		cmocka_unit_test(test_acks_held_ack_joins_the_front_run),
		cmocka_unit_test(test_acks_hold_ends_and_rejects_are_not_held),
		cmocka_unit_test(test_acks_untracked_delivery_stops_multiple),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
