/* One executor thread's state, shared by the files that make up an executor: the
 * delivery loop (executor.c), its database calls retried through outages (exec_db.c) and
 * its combined claims and finishes (write.c). Only executor threads use it. */
#ifndef JOBQ_CONSUMER_EXECUTOR_H
#define JOBQ_CONSUMER_EXECUTOR_H

#include <stdint.h>

#include "consumer.h"
#include "jobq/backoff.h"
#include "jobq/err.h"
#include "jobq/store_lease.h"

struct jobq_store;

/* Pauses between reconnects of a session the database dropped (db_backoff). */
#define DB_RETRY_MIN_MS 100
#define DB_RETRY_MAX_MS 5000
/* Pauses between tries of an outcome the database turned down for a passing reason
 * (finish_backoff). */
#define FINISH_RETRY_MIN_MS 50
#define FINISH_RETRY_MAX_MS 2000

/* The next delivery, popped while the job at hand finished and claimed in the statement
 * that wrote its outcome (executor.c, run()). */
struct ahead {
	bool have;             /* a delivery waits here to be processed next */
	struct delivery d;     /* it (its slot is the executor's spare, reserved) */
	int64_t sent_ms;       /* when its claim was sent (the lease runs from then) */
	int r;                 /* its claim's result, as write_claim's */
	struct jobq_claim out; /* the claim, when r is 0 */
	const struct jobq_config *lease_cfg; /* the lease that claim asked for */
	struct jobq_err err;                 /* why the claim failed, when r is not 0 */
};

struct executor {
	struct consumer *c;
	/* This executor's two slots in c->execs: exec holds the delivery at hand, spare the
	 * next one while the claim of the next is sent with the outcome of the one at hand. */
	struct execution *exec;
	struct execution *spare;
	struct ahead ahead;
	struct jobq_store *st;              /* its own session: reconcile's reads and statements */
	unsigned int seed;                  /* rand_r() state of the retry delays' jitter */
	struct jobq_backoff db_backoff;     /* between reconnects of a session (exec_db.c) */
	struct jobq_backoff finish_backoff; /* between tries of a turned-down outcome */
	char name[32];                      /* "executor-N", its sessions' application name */
	/* Claim ids: claim_base (random, per executor) + a count, so that no two claims of
	 * any process share one; sent_claim is the id of the last claim or takeover sent for
	 * the delivery at hand (0: none yet). */
	int64_t claim_base;
	int64_t claim_seq;
	int64_t sent_claim;
};

#endif
