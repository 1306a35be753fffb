/* The relay's lost-message round (relay_lost.c), run by the relay thread (relay.c). */
#ifndef JOBQ_RELAY_LOST_H
#define JOBQ_RELAY_LOST_H

#include <stdint.h>

#include "consumer.h"

/* The windows count a released job until it is claimed, however long that takes. A job
 * released this long ago and still not claimed, in a queue whose express queue holds no
 * ready message, is taken as lost (its message was, say, purged or lost with a broker
 * node) and released again (docs/design.md §6 "Keyed release"); checked this often. */
#define LOST_AFTER_MS (5 * 60 * 1000)
#define LOST_CHECK_MS 10000
/* Queues checked at most per LOST_CHECK_MS. */
#define LOST_QUEUES 16

/* The round's state, kept by the relay between rounds (zeroed at start). */
struct relay_lost {
	int64_t check_ms; /* when the round last ran (monotonic ms) */
	/* The queues the round last found with old express jobs and no ready message, and
	 * since when (monotonic ms, taken after the first such check) each has had none at
	 * every check: jobq_store_relay_lost's quiet_ms. */
	char quiet[LOST_QUEUES][JOBQ_QUEUE_BUF];
	int64_t quiet_since_ms[LOST_QUEUES];
	int nquiet;
	/* The broker connection generation (consumer.gen) of the last record written; 0
	 * before the first: a change means the messages this worker held went back to the
	 * broker (jobq_store_relay_express_record's requeued_ms). */
	uint64_t gen;
	/* The drain gave deliveries back since the last record written. */
	bool given_back;
};

/* The relay's broker connection, opened again if it was lost; NULL (err set) if it
 * cannot be. */
typedef struct jobq_broker *(*relay_broker_fn)(void *arg, struct jobq_err *err);

/* The relay's database session, opened again if it was lost; NULL if it cannot be. */
typedef struct jobq_store *(*relay_store_fn)(void *arg);

/* Express jobs released LOST_AFTER_MS ago and still not claimed, in a queue whose express
 * queue had no ready message at this round's check and the previous one's, and which no
 * worker of the queue may hold (each live one recorded since the previous check the job
 * ids waiting in it, and none named them; none requeued or died since: c's worker records
 * its own first, jobq_store_relay_express_record), are released again. At most every
 * LOST_CHECK_MS; failures are logged and retried at the next round. */
void relay_lost_round(struct relay_lost *l, struct consumer *c, struct jobq_store *st,
		      relay_broker_fn broker, void *arg);

/* One pass of the drain's part, run by the relay once its consumer drains, until the I/O
 * thread is done, and once more after it (last): every delivery waiting for an executor is
 * given back to the broker now (requeued), not when an executor frees up (all of them may
 * run long jobs), and the worker goes on recording what it holds (at once after a
 * give-back or an executor's requeue, else every LOST_CHECK_MS / 2, and at the last pass),
 * so that a long drain does not hold its queues' lost jobs back. A give-back is recorded
 * as a requeue, and so is an executor's (a claim made ahead that failed: the record takes
 * consumer.express_requeued); the last pass, once every executor is done, records the
 * requeues of the drain's end, which the lost-message check reads once the worker is
 * stopped (review R9 #1). store is called only when a record is due. Failures are logged. */
void relay_lost_drain(struct relay_lost *l, struct consumer *c, relay_store_fn store, void *arg,
		      bool last);

#endif
