/* The relay's statements: taking due, unpublished jobs to publish (scheduled → queued when
 * due), pushing back those whose publish failed, and recording the messages the broker
 * dead-lettered (a waiting job → failed). */
#ifndef JOBQ_STORE_RELAY_H
#define JOBQ_STORE_RELAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/envelope.h"
#include "jobq/store.h"

/* Relay: take up to max rows that are due and unpublished — scheduled rows now due (moved
 * to queued) and queued rows older than grace_ms (their submitter died or the broker was
 * down) — skipping rows other relays hold. Taking raises each row's lease token, so that
 * only this take's mark (jobq_store_mark_published with tokens[i]) can mark it. Fills
 * envs and tokens; returns the count (>= 0), or JOBQ_EDB (JOBQ_EAGAIN) and nothing taken.
 * JOBQ_EINTERNAL when the reply lacks a column: a defect found after the commit, so rows
 * may have been taken and not returned; they are taken again once grace_ms has passed. */
int jobq_store_relay_take(struct jobq_store *st, int64_t grace_ms, struct jobq_envelope *envs,
			  int64_t *tokens, int max, struct jobq_err *err) JOBQ_WUR;

/* Relay: read up to max of the rows that this process's ends handed to its relay
 * (migration 0060): unpublished, queued, priority 0, unkeyed, in a queue that runs, with
 * publish_after one of the n instants `ats` (microseconds since 1970, as
 * jobq_store_write_many_to gave them) and still ahead (a row past it is any relay's take),
 * their tokens as they are: no row is changed (until its instant, no other relay takes
 * it). The rows leave the set as they are marked published (or deferred), so reading again
 * reads the next ones. Fills envs and tokens; returns the count (>= 0), or a negative
 * JOBQ_E* as jobq_store_relay_take. */
int jobq_store_relay_handed(struct jobq_store *st, const int64_t *ats, size_t n,
			    struct jobq_envelope *envs, int64_t *tokens, int max,
			    struct jobq_err *err) JOBQ_WUR;

/* The take leaves priority jobs (priority > 0, no concurrency key) to this release
 * (docs/design.md §6):
 * per queue, at most `window` priority jobs released and not yet claimed (whatever their
 * age: jobq_store_relay_lost frees the lost ones), the room taken from the waiting ones highest
 * priority first, then oldest first, skipping rows other relays hold; max bounds the
 * whole take. Two relays releasing at once may exceed the window a little. Fills envs
 * (with their priority, so that they are published to the express queue) and tokens in
 * release order; returns the count (>= 0), or a negative JOBQ_E* as jobq_store_relay_take. */
int jobq_store_relay_release(struct jobq_store *st, int64_t grace_ms, int window,
			     struct jobq_envelope *envs, int64_t *tokens, int max,
			     struct jobq_err *err) JOBQ_WUR;

/* The take and the priority release leave keyed jobs (a concurrency key, any priority;
 * migration 0024) to this release (docs/design.md §6 "Keyed release"). First, keyed jobs
 * scheduled for later that are due become queued (at most max). Then per queue that is not
 * paused, at most `window` keyed jobs released and not yet claimed (whatever their age);
 * the room is taken round-robin over the queue's keys
 * (each key's first due job, then each key's second, ..., a key with jobs in flight
 * counting them as taken turns), highest priority first, then by turn, within a turn the
 * key released least recently first (key_turns, migration 0027), then oldest; skipping
 * rows other relays hold; max bounds the whole take. The keys are walked from the queue's
 * cursor (key_cursors), at most 4 x room of them, plus those with waiting jobs of priority
 * 1-9. A queue whose window is full costs a count, not a walk over its keys; jobs held by
 * a limit are not read. Limits (migration 0029): the rooms are the limit release's
 * (jobq_limit_rooms: concurrency and rate, less the jobs released and not claimed yet),
 * with the limit rows locked first (to the commit), so that relays take turns; a queue:Q,
 * key:K or type:T limit bounds the queue's, the key's or the type's releases (a key's and a
 * type's across queues), a full
 * type:T limit skips its jobs, and a job released in a limited scope is marked 'released'
 * (in flight until claimed). Two relays releasing at once may exceed the window a little. Fills envs (keyed, with their priority: published
 * to the express queue) and tokens in release order; returns the count (>= 0), or a
 * negative JOBQ_E* as jobq_store_relay_take. */
int jobq_store_relay_key_release(struct jobq_store *st, int64_t grace_ms, int window,
				 struct jobq_envelope *envs, int64_t *tokens, int max,
				 struct jobq_err *err) JOBQ_WUR;

/* The release of jobs held by a limit (migrations 0021, 0023, 0029, docs/design.md §6): per
 * limited scope with held jobs in queues that are not paused, room = the least of
 * max_running less its running jobs and a rate's whole tokens, less its jobs released and
 * not claimed yet; that many held unkeyed jobs are taken, highest priority first, then
 * oldest, skipping rows other relays hold; held keyed jobs of scopes with room are let go to
 * jobq_store_relay_key_release (not returned), which publishes them in their keys' turns
 * within the same room; max bounds the whole take. The scopes' limit rows are locked (to the commit) before the room is
 * counted, so that relays releasing at once take turns. The room is a bound, not the gate
 * (the claim's admission is): a job released beyond it is refused and held again. Fills
 * envs and tokens in release order; returns the count (>= 0), or a negative JOBQ_E* as
 * jobq_store_relay_take. */
int jobq_store_relay_limit_release(struct jobq_store *st, int64_t grace_ms,
				   struct jobq_envelope *envs, int64_t *tokens, int max,
				   struct jobq_err *err) JOBQ_WUR;

/* Whether a row the relay's take or releases would publish waits now (reads of the partial
 * indexes jobs_plain_unpublished_queue, jobs_priority_waiting, jobs_keyed_scheduled,
 * jobs_keyed_waiting and jobs_keyed_released, cheap enough for every pass of the relay's
 * loop): 1 yes, 0 no, or a negative JOBQ_E* code. Keyed jobs count only in a queue whose
 * keyed window (keyed_window released and not claimed) has room; a priority queue whose
 * window is full still counts as waiting (the relay then tries a release each pass); keyed
 * jobs whose limited scopes have no room do not count (migration 0029); held jobs count
 * only when the limit release would let one go (its scope has room, its queue runs and none
 * of its other limited scopes is full: migration 0034), read per queue of the scope after
 * leaving out the paused and full queues, at most 256 rows deep (review R7 finding 2).
 * *limit_wait_ms: the ms until the next token of a rate-limited scope with no room that
 * holds jobs or may hold up keyed jobs is due (at least 100 ms when a claim in flight must
 * take a token first; migrations 0023, 0029; the relay should come back then), or -1 when
 * no scope waits for one. */
int jobq_store_relay_due(struct jobq_store *st, int keyed_window, int64_t *limit_wait_ms,
			 struct jobq_err *err) JOBQ_WUR;

/* The queues (at most max, into queues) with express jobs (priority or keyed) released
 * and not claimed for longer than age_ms: their count, or a negative JOBQ_E* code. */
int jobq_store_relay_old_express(struct jobq_store *st, int64_t age_ms,
				 char (*queues)[JOBQ_QUEUE_BUF], int max,
				 struct jobq_err *err) JOBQ_WUR;

/* Records the job ids (n of ids, each a UUID) of the express deliveries waiting in this
 * worker for an executor and of the jobs its executors hold, as of one second before now
 * (workers.express_waiting, express_waiting_at: migration 0037), so that
 * jobq_store_relay_lost knows which messages wait in this worker's prefetch. requeued_ms
 * >= 0: messages this worker held may come back to the broker until that many ms from now
 * (its broker connection was replaced, or it gave its deliveries back; express_requeued_at
 * is never moved earlier); < 0: none did. 0 or a negative JOBQ_E* code. */
int jobq_store_relay_express_record(struct jobq_store *st, const char *worker_id,
				    const char *const *ids, size_t n, int64_t requeued_ms,
				    struct jobq_err *err) JOBQ_WUR;

/* Queue's express jobs released and not claimed for longer than age_ms, taken as lost: the
 * caller saw the queue's express queue hold no ready message at each of its checks over
 * the last quiet_ms, so such a message, unless lost, was delivered before them. Each live
 * worker serving the queue (running or draining) must have recorded within those quiet_ms
 * (jobq_store_relay_express_record) a list that does not name the job; no worker serving
 * it may have requeued messages since (express_requeued_at), nor died within dead_ms
 * before them (its last heartbeat; its prefetch goes back to the broker once the broker
 * notices). A worker busy with other queues' jobs, or holding another queue's express
 * deliveries, does not hold the job back. Such jobs are unpublished again, due now (a new
 * lease token), so that the priority and keyed releases publish them again in their turn.
 * The count, or a negative JOBQ_E* code. */
int jobq_store_relay_lost(struct jobq_store *st, const char *queue, int64_t age_ms,
			  int64_t quiet_ms, int64_t dead_ms, struct jobq_err *err) JOBQ_WUR;

/* Relay: push back rows whose publish failed, so the rest of the work goes on. */
int jobq_store_relay_defer(struct jobq_store *st, const char *const *ids, size_t n,
			   int64_t delay_ms, struct jobq_err *err) JOBQ_WUR;

/* A message the broker dead-lettered. */
struct jobq_dead_letter {
	const char *job_id; /* NULL when the message names no job */
	const char *queue;  /* where it died, from x-death; may be NULL */
	const char *reason; /* x-death reason: rejected, delivery_limit, expired, ... */
	const void *body;
	size_t body_len; /* full size; at most 64 KiB of it is kept */
	const char *message_id;
};

/* Record a dead letter and, in the same transaction, fail its job if it is still waiting
 * (scheduled or queued) so that it cannot stay stuck: the database stays the truth. A
 * running job is left to its owner, the reconcile table and the reaper. *failed says
 * whether the job was failed here. 0, or JOBQ_EDB (JOBQ_EAGAIN) and nothing recorded;
 * JOBQ_EINTERNAL when the reply lacks a column, a defect found after the commit (the
 * letter is recorded, and recording it again keeps a second row). */
int jobq_store_dead_letter(struct jobq_store *st, const struct jobq_dead_letter *d, bool *failed,
			   struct jobq_err *err) JOBQ_WUR;

#endif
