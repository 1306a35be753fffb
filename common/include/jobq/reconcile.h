/* The reconcile table of docs/design.md §6: what a worker does with a delivery whose claim found
 * nothing to claim. Pure logic, no I/O; the executor gathers the facts and acts. */
#ifndef JOBQ_RECONCILE_H
#define JOBQ_RECONCILE_H

#include <stdbool.h>
#include "jobq/job.h"

enum jobq_reconcile_action {
	JOBQ_RC_DEAD_LETTER, /* no such job: dead-letter the message with a reason */
	JOBQ_RC_ACK,         /* duplicate or not due: ack, run nothing */
	JOBQ_RC_CANCEL,      /* cancel requested, not running: mark cancelled, ack */
	JOBQ_RC_CLAIM,       /* queued and due: claim (again) and run */
	JOBQ_RC_RESUME,      /* running under the claim this delivery sent: it committed, its
				 * reply was lost; run it as claimed */
	JOBQ_RC_ADOPT,       /* running under me: my redelivery after a reconnect */
	JOBQ_RC_TAKEOVER,    /* running under a dead owner or an expired lease: take over */
	JOBQ_RC_PROBE_OWNER, /* running under another owner: find out if it is alive first */
	JOBQ_RC_HOLD,        /* queued and due, but its queue is paused: mark it unpublished
				 * (the relay publishes it once resumed), ack */
};

/* The facts about the job's row, as read after the failed claim. */
struct jobq_reconcile_facts {
	bool found;
	enum jobq_status status;
	bool cancel_requested;
	bool due;           /* run_after <= now() */
	bool owner_is_me;   /* running and worker_id is this worker */
	bool own_claim;     /* ... and its claim id is the one this delivery's claim sent */
	bool lease_expired; /* running and lease_expires_at < now() */
	bool owner_probed;  /* owner_dead below is known */
	bool owner_dead;    /* the owner's liveness lock is free */
	bool queue_paused;  /* the job's queue is paused (migration 0017) */
	bool limited;       /* the job is in a scope with a concurrency limit (migration 0021) */
};

/* Decide. For a job running under another owner whose lease has not expired, the answer
 * is JOBQ_RC_PROBE_OWNER until owner_probed is set; then TAKEOVER if the owner is dead,
 * else ACK (the owner finishes, or the reaper recovers the job when its lease expires). */
enum jobq_reconcile_action jobq_reconcile(const struct jobq_reconcile_facts *f);

/* Name of an action for logs ("dead_letter", "ack", ...). */
const char *jobq_reconcile_action_name(enum jobq_reconcile_action a);

#endif
