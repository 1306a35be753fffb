/* Unit tests: the reconcile table of docs/design.md §6, one test per row. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "jobq/reconcile.h"

static enum jobq_reconcile_action decide(struct jobq_reconcile_facts f)
{
	return jobq_reconcile(&f);
}

static void test_reconcile_no_such_job_dead_letters(void **state)
{
	(void)state;
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = false }),
			 JOBQ_RC_DEAD_LETTER);
}

static void test_reconcile_terminal_is_duplicate(void **state)
{
	(void)state;
	for (enum jobq_status s = JOBQ_SUCCEEDED; s <= JOBQ_CANCELLED; s++) {
		assert_int_equal(
			decide((struct jobq_reconcile_facts){ .found = true, .status = s }),
			JOBQ_RC_ACK);
		/* A cancel request on a finished job changes nothing. */
		assert_int_equal(decide((struct jobq_reconcile_facts){
					 .found = true, .status = s, .cancel_requested = true }),
				 JOBQ_RC_ACK);
	}
}

static void test_reconcile_cancel_requested_not_running_cancels(void **state)
{
	(void)state;
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_QUEUED,
							       .cancel_requested = true,
							       .due = true }),
			 JOBQ_RC_CANCEL);
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_SCHEDULED,
							       .cancel_requested = true }),
			 JOBQ_RC_CANCEL);
}

static void test_reconcile_scheduled_not_due_acks(void **state)
{
	(void)state;
	assert_int_equal(
		decide((struct jobq_reconcile_facts){ .found = true, .status = JOBQ_SCHEDULED }),
		JOBQ_RC_ACK);
	assert_int_equal(decide((struct jobq_reconcile_facts){
				 .found = true, .status = JOBQ_QUEUED, .due = false }),
			 JOBQ_RC_ACK);
}

/* A waiting job is never published (migration 0050): a message naming one (forged, or
 * stale) starts nothing; the job's last dependency queues it and the relay publishes it. */
static void test_reconcile_waiting_acks(void **state)
{
	(void)state;
	assert_int_equal(decide((struct jobq_reconcile_facts){
				 .found = true, .status = JOBQ_WAITING, .due = true }),
			 JOBQ_RC_ACK);
}

static void test_reconcile_queued_due_claims(void **state)
{
	(void)state;
	assert_int_equal(decide((struct jobq_reconcile_facts){
				 .found = true, .status = JOBQ_QUEUED, .due = true }),
			 JOBQ_RC_CLAIM);
}

static void test_reconcile_queued_due_paused_holds(void **state)
{
	(void)state;
	assert_int_equal(
		decide((struct jobq_reconcile_facts){
			.found = true, .status = JOBQ_QUEUED, .due = true, .queue_paused = true }),
		JOBQ_RC_HOLD);
	assert_string_equal(jobq_reconcile_action_name(JOBQ_RC_HOLD), "hold");
}

/* A delivery refused by a concurrency limit (migration 0021) is held for the release; a
 * cancel still wins and a running job's rows are unchanged. */
static void test_reconcile_queued_due_limited_holds(void **state)
{
	(void)state;
	assert_int_equal(
		decide((struct jobq_reconcile_facts){
			.found = true, .status = JOBQ_QUEUED, .due = true, .limited = true }),
		JOBQ_RC_HOLD);
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_QUEUED,
							       .due = true,
							       .cancel_requested = true,
							       .limited = true }),
			 JOBQ_RC_CANCEL);
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_RUNNING,
							       .owner_is_me = true,
							       .own_claim = true,
							       .limited = true }),
			 JOBQ_RC_RESUME);
}

static void test_reconcile_paused_changes_no_other_row(void **state)
{
	(void)state;
	/* A cancel still wins: a paused queue's job can be cancelled. */
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_QUEUED,
							       .due = true,
							       .cancel_requested = true,
							       .queue_paused = true }),
			 JOBQ_RC_CANCEL);
	/* Not due yet, or scheduled: the relay's, as in any queue. */
	assert_int_equal(decide((struct jobq_reconcile_facts){
				 .found = true, .status = JOBQ_QUEUED, .queue_paused = true }),
			 JOBQ_RC_ACK);
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_SCHEDULED,
							       .due = true,
							       .queue_paused = true }),
			 JOBQ_RC_ACK);
	/* Finished: a duplicate. */
	assert_int_equal(decide((struct jobq_reconcile_facts){
				 .found = true, .status = JOBQ_SUCCEEDED, .queue_paused = true }),
			 JOBQ_RC_ACK);
	/* Running: its jobs finish; a lost claim's reply, a redelivery and a dead owner are
	 * handled as in any queue (the takeover statement itself holds a job of a paused
	 * queue instead of running it). */
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_RUNNING,
							       .owner_is_me = true,
							       .own_claim = true,
							       .queue_paused = true }),
			 JOBQ_RC_RESUME);
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_RUNNING,
							       .owner_is_me = true,
							       .queue_paused = true }),
			 JOBQ_RC_ADOPT);
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_RUNNING,
							       .lease_expired = true,
							       .queue_paused = true }),
			 JOBQ_RC_TAKEOVER);
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_RUNNING,
							       .owner_probed = true,
							       .queue_paused = true }),
			 JOBQ_RC_ACK);
}

static void test_reconcile_running_mine_adopts(void **state)
{
	(void)state;
	assert_int_equal(decide((struct jobq_reconcile_facts){
				 .found = true, .status = JOBQ_RUNNING, .owner_is_me = true }),
			 JOBQ_RC_ADOPT);
	/* Even with an expired lease: it is still ours to finish. */
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_RUNNING,
							       .owner_is_me = true,
							       .lease_expired = true }),
			 JOBQ_RC_ADOPT);
}

static void test_reconcile_running_my_lost_claim_resumes(void **state)
{
	(void)state;
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_RUNNING,
							       .owner_is_me = true,
							       .own_claim = true }),
			 JOBQ_RC_RESUME);
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_RUNNING,
							       .owner_is_me = true,
							       .own_claim = true,
							       .lease_expired = true }),
			 JOBQ_RC_RESUME);
	/* A claim id only counts on a row that runs under this worker. */
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_RUNNING,
							       .own_claim = true,
							       .lease_expired = true }),
			 JOBQ_RC_TAKEOVER);
	assert_string_equal(jobq_reconcile_action_name(JOBQ_RC_RESUME), "resume");
}

static void test_reconcile_running_other_lease_expired_takes_over(void **state)
{
	(void)state;
	assert_int_equal(decide((struct jobq_reconcile_facts){
				 .found = true, .status = JOBQ_RUNNING, .lease_expired = true }),
			 JOBQ_RC_TAKEOVER);
}

static void test_reconcile_running_other_session_gone_takes_over(void **state)
{
	(void)state;
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_RUNNING,
							       .owner_probed = true,
							       .owner_dead = true }),
			 JOBQ_RC_TAKEOVER);
}

static void test_reconcile_running_other_alive_acks_duplicate(void **state)
{
	(void)state;
	/* Unknown liveness: probe first, never assume. */
	assert_int_equal(
		decide((struct jobq_reconcile_facts){ .found = true, .status = JOBQ_RUNNING }),
		JOBQ_RC_PROBE_OWNER);
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_RUNNING,
							       .owner_probed = true,
							       .owner_dead = false }),
			 JOBQ_RC_ACK);
	/* A cut-off owner that still heartbeats keeps its job even with a cancel pending. */
	assert_int_equal(decide((struct jobq_reconcile_facts){ .found = true,
							       .status = JOBQ_RUNNING,
							       .cancel_requested = true,
							       .owner_probed = true }),
			 JOBQ_RC_ACK);
}

static void test_reconcile_action_names(void **state)
{
	(void)state;
	assert_string_equal(jobq_reconcile_action_name(JOBQ_RC_TAKEOVER), "takeover");
	assert_string_equal(jobq_reconcile_action_name(JOBQ_RC_DEAD_LETTER), "dead_letter");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reconcile_no_such_job_dead_letters),
		cmocka_unit_test(test_reconcile_terminal_is_duplicate),
		cmocka_unit_test(test_reconcile_cancel_requested_not_running_cancels),
		cmocka_unit_test(test_reconcile_scheduled_not_due_acks),
		cmocka_unit_test(test_reconcile_waiting_acks),
		cmocka_unit_test(test_reconcile_queued_due_claims),
		cmocka_unit_test(test_reconcile_queued_due_paused_holds),
		cmocka_unit_test(test_reconcile_queued_due_limited_holds),
		cmocka_unit_test(test_reconcile_paused_changes_no_other_row),
		cmocka_unit_test(test_reconcile_running_mine_adopts),
		cmocka_unit_test(test_reconcile_running_my_lost_claim_resumes),
		cmocka_unit_test(test_reconcile_running_other_lease_expired_takes_over),
		cmocka_unit_test(test_reconcile_running_other_session_gone_takes_over),
		cmocka_unit_test(test_reconcile_running_other_alive_acks_duplicate),
		cmocka_unit_test(test_reconcile_action_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
