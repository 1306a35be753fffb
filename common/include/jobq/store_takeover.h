/* Running jobs whose owner is lost: taken over by another worker (running → running under
 * a new owner), or given back by the reaper and by a restarted worker (running → queued,
 * or failed or cancelled when that is where they must end). Each raises the lease token,
 * which refuses every later write of the lost owner. */
#ifndef JOBQ_STORE_TAKEOVER_H
#define JOBQ_STORE_TAKEOVER_H

#include <stdbool.h>
#include <stdint.h>
#include "jobq/store.h"
#include "jobq/store_lease.h"

/* Take over a job running under another worker that is known dead (owner_dead) or whose
 * lease expired (re-checked in the UPDATE): fenced on (prev_worker, prev_token), it raises
 * the token and records claim_id as a claim does. Same results as jobq_store_claim. A job
 * with a cancel request is cancelled instead, and one whose attempts are used up fails
 * with a "worker lost" error; both return JOBQ_ECONFLICT, so the caller reads the row
 * again. JOBQ_EINTERNAL when the reply lacks a column: a defect found after the commit, so
 * the takeover may have happened; the caller reconciles as for a lost reply. */
int jobq_store_takeover(struct jobq_store *st, const char *job_id, const char *prev_worker,
			int64_t prev_token, bool owner_dead, const char *worker_id,
			int64_t lease_ms, int64_t claim_id, struct jobq_claim *out,
			struct jobq_err *err) JOBQ_WUR;

/* Reaper: move up to max running jobs whose lease expired to queued (unpublished, for the
 * relay), to cancelled when a cancel was asked for, or to failed when their attempts are
 * used up, raising their lease tokens. Returns how many it moved (>= 0), or JOBQ_EDB
 * (JOBQ_EAGAIN) and nothing moved. */
int jobq_store_reap(struct jobq_store *st, int max, struct jobq_err *err) JOBQ_WUR;

/* At a worker's start, before it runs anything: give back the jobs a previous process
 * with the same worker id left running (the registry row names this session and its random
 * lock key now, so no other worker would ever see that owner as dead: "dead" means the
 * session the row names no longer holds its key). Same outcomes as the reaper (queued,
 * cancelled or failed). Returns the count (>= 0), or JOBQ_EDB (JOBQ_EAGAIN) and nothing
 * moved. */
int jobq_store_requeue_own(struct jobq_store *st, const char *worker_id,
			   struct jobq_err *err) JOBQ_WUR;

#endif
