/* The reconcile table of docs/design.md §6, as one pure function. */
#include "jobq/reconcile.h"

enum jobq_reconcile_action jobq_reconcile(const struct jobq_reconcile_facts *f)
{
	if (!f->found)
		return JOBQ_RC_DEAD_LETTER;
	if (jobq_status_terminal(f->status))
		return JOBQ_RC_ACK;
	if (f->status != JOBQ_RUNNING) {
		if (f->cancel_requested)
			return JOBQ_RC_CANCEL;
		/* A scheduled job is published again by the relay when due; a queued one that
		 * is not due yet likewise. */
		/* A paused queue starts nothing: its job waits unpublished for the resume. A job
		 * in a limited scope whose claim was refused waits unpublished likewise, for the
		 * relay's release when its scope has room (migration 0021). */
		if (f->status == JOBQ_QUEUED && f->due)
			return f->queue_paused || f->limited ? JOBQ_RC_HOLD : JOBQ_RC_CLAIM;
		return JOBQ_RC_ACK;
	}
	/* The claim id is made up for each claim: only the claim sent for this very delivery
	 * left it there, so no other execution can be running the job. */
	if (f->owner_is_me && f->own_claim)
		return JOBQ_RC_RESUME;
	if (f->owner_is_me)
		return JOBQ_RC_ADOPT;
	if (f->lease_expired)
		return JOBQ_RC_TAKEOVER;
	if (!f->owner_probed)
		return JOBQ_RC_PROBE_OWNER;
	return f->owner_dead ? JOBQ_RC_TAKEOVER : JOBQ_RC_ACK;
}

const char *jobq_reconcile_action_name(enum jobq_reconcile_action a)
{
	switch (a) {
	case JOBQ_RC_DEAD_LETTER:
		return "dead_letter";
	case JOBQ_RC_ACK:
		return "ack";
	case JOBQ_RC_CANCEL:
		return "cancel";
	case JOBQ_RC_CLAIM:
		return "claim";
	case JOBQ_RC_RESUME:
		return "resume";
	case JOBQ_RC_ADOPT:
		return "adopt";
	case JOBQ_RC_TAKEOVER:
		return "takeover";
	case JOBQ_RC_PROBE_OWNER:
		return "probe_owner";
	case JOBQ_RC_HOLD:
		return "hold";
	}
	return "unknown";
}
