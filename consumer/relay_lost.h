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
};

/* The relay's broker connection, opened again if it was lost; NULL (err set) if it
 * cannot be. */
typedef struct jobq_broker *(*relay_broker_fn)(void *arg, struct jobq_err *err);

/* Express jobs released LOST_AFTER_MS ago and still not claimed, in a queue whose express
 * queue had no ready message at this round's check and the previous one's, and whose live
 * workers each recorded that no express delivery waited in them, are released again
 * (c's worker records its own first). At most every LOST_CHECK_MS; failures are logged and
 * retried at the next round. */
void relay_lost_round(struct relay_lost *l, struct consumer *c, struct jobq_store *st,
		      relay_broker_fn broker, void *arg);

#endif
