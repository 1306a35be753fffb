/* Flat combining: threads that each want one small database write hand it to whichever of
 * them is free to run a batch, so that N concurrent claims and finishes cost one statement
 * and one commit instead of N, with no extra wait when there is nothing to combine. */
#ifndef JOBQ_CONSUMER_COMBINE_H
#define JOBQ_CONSUMER_COMBINE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* Items in one batch at most, whatever max combiner_init was given: a batch function
 * may size its arrays by it. */
#define COMBINE_BATCH_MAX 256
/* Items one thread may queue at once (combiner_run_many). */
#define COMBINE_MINE_MAX 2

struct combine_req;

struct combiner {
	pthread_mutex_t mu;              /* waiters wait on a condition variable of their own */
	struct combine_req *head, *tail; /* items waiting for a batch, oldest first */
	bool busy;                       /* a thread is running a batch */
	size_t max;                      /* items per batch at most */
	unsigned long batches, items;    /* counters, for the metrics */
};

/* Run items[0..n) as one batch and set results[i] for each; called by the thread that
 * leads the batch, with its own resources (ctx, e.g. its database connection). */
typedef void (*combine_fn)(void *ctx, void **items, int *results, size_t n);

/* Initialise with at most max items per batch (at least 1). 0 or an errno value. */
int combiner_init(struct combiner *cb, size_t max);

/* Release what combiner_init made; no thread may be in combiner_run. */
void combiner_destroy(struct combiner *cb);

/* Queue item and return its result once a batch holding it has run: either this thread
 * runs batches with fn(ctx, ...) until its own item is done (taking other threads' items
 * along, oldest first), or another thread's batch takes it while this one waits. */
int combiner_run(struct combiner *cb, void *item, combine_fn fn, void *ctx);

/* combiner_run for k items of one thread at once (k <= COMBINE_MINE_MAX: more are not
 * queued), queued together so that they usually share one batch (they may be split when
 * more than the batch maximum wait ahead of them). Sets results[i] for each item and
 * returns results[0]. */
int combiner_run_many(struct combiner *cb, void **items, int *results, size_t k, combine_fn fn,
		      void *ctx);

#endif
