/* Flat combining of small database writes across executor threads (see combine.h). */
#include <stdlib.h>

#include "combine.h"

struct combine_req {
	struct combine_req *next;
	void *item;
	pthread_cond_t *wake; /* its thread's: signalled when it is done or may lead */
	int result;
	bool done;
};

int combiner_init(struct combiner *cb, size_t max)
{
	int r;

	*cb = (struct combiner){ .max = max > 0 ? max : 1 };
	if ((r = pthread_mutex_init(&cb->mu, NULL)) != 0)
		return r;
	return 0;
}

void combiner_destroy(struct combiner *cb)
{
	pthread_mutex_destroy(&cb->mu);
}

int combiner_run_many(struct combiner *cb, void **items_in, int *results_out, size_t k,
		      combine_fn fn, void *ctx)
{
	struct combine_req me[COMBINE_MINE_MAX];
	pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
	struct combine_req *batch[COMBINE_BATCH_MAX];
	void *items[COMBINE_BATCH_MAX];
	int results[COMBINE_BATCH_MAX];
	size_t max = cb->max < COMBINE_BATCH_MAX ? cb->max : COMBINE_BATCH_MAX;

	if (k > COMBINE_MINE_MAX)
		k = COMBINE_MINE_MAX;
	pthread_mutex_lock(&cb->mu);
	for (size_t i = 0; i < k; i++) {
		me[i] = (struct combine_req){ .item = items_in[i], .wake = &wake };
		if (cb->tail != NULL)
			cb->tail->next = &me[i];
		else
			cb->head = &me[i];
		cb->tail = &me[i];
	}
	for (;;) {
		size_t n = 0;
		bool done = true;

		for (size_t i = 0; i < k; i++)
			done = done && me[i].done;
		if (done)
			break;
		if (cb->busy) {
			pthread_cond_wait(&wake, &cb->mu);
			continue;
		}
		/* Lead a batch: the oldest waiting items, this thread's among them unless more
		 * than max are ahead of them (then it leads again). */
		cb->busy = true;
		while (cb->head != NULL && n < max) {
			batch[n] = cb->head;
			items[n] = cb->head->item;
			cb->head = cb->head->next;
			n++;
		}
		if (cb->head == NULL)
			cb->tail = NULL;
		pthread_mutex_unlock(&cb->mu);
		fn(ctx, items, results, n);
		pthread_mutex_lock(&cb->mu);
		/* Wake only the threads this batch served, and the one whose item now heads the
		 * queue (it leads next), not every waiter. A thread's own condition variable
		 * stays valid while it waits: it returns only after seeing its items done,
		 * under the lock held here. */
		for (size_t i = 0; i < n; i++) {
			batch[i]->result = results[i];
			batch[i]->done = true;
			if (batch[i]->wake != &wake)
				pthread_cond_signal(batch[i]->wake);
		}
		cb->batches++;
		cb->items += n;
		cb->busy = false;
		if (cb->head != NULL && cb->head->wake != &wake)
			pthread_cond_signal(cb->head->wake);
	}
	pthread_mutex_unlock(&cb->mu);
	pthread_cond_destroy(&wake);
	for (size_t i = 0; i < k; i++)
		results_out[i] = me[i].result;
	return k > 0 ? me[0].result : 0;
}

int combiner_run(struct combiner *cb, void *item, combine_fn fn, void *ctx)
{
	int result;

	return combiner_run_many(cb, &item, &result, 1, fn, ctx);
}
