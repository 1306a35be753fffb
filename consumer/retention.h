/* The retention thread (docs/configuration.md#retention): deletes finished jobs and dead
 * letters past their configured age, in small paced batches, one consumer of the
 * installation at a time. */
#ifndef JOBQ_CONSUMER_RETENTION_H
#define JOBQ_CONSUMER_RETENTION_H

#include <stdbool.h>
#include <stdint.h>

#include "jobq/config.h"

/* True when cfg keeps some kind of row for a limited time (a round has work to do). */
bool retention_on(const struct jobq_config *cfg);

/* The pace: how many ms to wait still before the next batch when the last one, which
 * started `elapsed_ms` ago, deleted `deleted` rows, so that no more than `rate` rows a
 * second go (0: go now). Pure. */
int64_t retention_wait_ms(int64_t deleted, int rate, int64_t elapsed_ms);

/* Thread body (arg: the consumer). Every retention.interval, while some window is set, it
 * tries the installation's retention lock on its own PostgreSQL session; the holder
 * deletes what is due, batch by batch at the configured pace, records the round
 * (retention_rounds), logs `retention_round` and counts it in the metrics, then lets go.
 * Returns when the consumer drains. */
void *retention_thread(void *arg);

struct consumer;

/* Cancel the statement the retention session runs now, if any (PQcancel; nothing when the
 * session is idle or closed): main calls it when the drain is over, so that a batch waiting
 * on a lock (an operator's LOCK TABLE, a VACUUM FULL) does not hold up the exit. The thread
 * sees the draining flag after it and ends. Thread-safe. */
void retention_cancel(struct consumer *c);

#endif
