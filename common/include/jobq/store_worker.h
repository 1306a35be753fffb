/* The worker registry: a worker's row and the session-level advisory lock that proves it
 * alive, its state, and the probe that tells a dead owner from a live one. */
#ifndef JOBQ_STORE_WORKER_H
#define JOBQ_STORE_WORKER_H

#include <stdbool.h>
#include "jobq/store.h"

/* Worker registry. */
struct jobq_worker_info {
	const char *id;
	const char *hostname;
	int pid;
	char *const *queues;
	int nqueues;
	int concurrency;
};

/* Take a session-level liveness lock on a fresh random key on this connection and upsert
 * the worker's registry row (state running) with the key and this session's server
 * process. JOBQ_ECONFLICT if the session the existing row names still holds its key (a live
 * process has the id); the new key is then released. JOBQ_ESYS if no random key could be
 * read; JOBQ_EDB on failure; JOBQ_EINTERNAL if the lock's reply lacks its column (a defect:
 * the session may hold the key, and the worker must not start). */
int jobq_store_worker_register(struct jobq_store *st, const struct jobq_worker_info *w,
			       struct jobq_err *err) JOBQ_WUR;

/* Set the registry state ("running", "draining", "stopped"). */
int jobq_store_worker_state(struct jobq_store *st, const char *worker_id, const char *state,
			    struct jobq_err *err) JOBQ_WUR;

/* Record the handlers worker_id found broken: list is a JSON array of {"type", "why",
 * "since"} ("[]": none), shown by `jobq workers`. */
int jobq_store_worker_broken(struct jobq_store *st, const char *worker_id, const char *list,
			     struct jobq_err *err) JOBQ_WUR;

/* Whether the worker is dead: the session its registry row names no longer holds the
 * row's lock key (its process, hence its database session, is gone), whoever else may hold
 * that key. A worker with no registry row counts as dead. Takes no lock. */
int jobq_store_worker_dead(struct jobq_store *st, const char *worker_id, bool *dead,
			   struct jobq_err *err) JOBQ_WUR;

#endif
