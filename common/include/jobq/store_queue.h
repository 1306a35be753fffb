/* Paused queues as the consumer sees them (migration 0017, docs/scheduling.md "Pausing
 * queues"): holding a delivery refused because its queue is paused, and reading which of a
 * worker's queues are paused. The CLI's pause and resume are functions of the migration. */
#ifndef JOBQ_STORE_QUEUE_H
#define JOBQ_STORE_QUEUE_H

#include <stdbool.h>
#include <stddef.h>

#include "jobq/store.h"

/* Hold a delivered job of a paused queue (reconcile's JOBQ_RC_HOLD): in one statement, the
 * row, if it is still queued and its queue still paused, is marked unpublished
 * (published_at NULL, publish_after now()), so that the relay publishes it once the queue is
 * resumed; the caller then acks the message. 0 when held; JOBQ_ECONFLICT when the row is no
 * longer queued or the queue was resumed meanwhile (read it again); JOBQ_EDB on failure. */
int jobq_store_hold(struct jobq_store *st, const char *job_id, struct jobq_err *err) JOBQ_WUR;

/* Which of queues[0..n) are paused: paused[i] is set for queues[i] (false for a queue with no
 * row). 0, or JOBQ_EDB / JOBQ_ENOMEM with err set (paused[] is then all false). */
int jobq_store_queues_paused(struct jobq_store *st, char *const *queues, size_t n, bool *paused,
			     struct jobq_err *err) JOBQ_WUR;

#endif
