/* Exponential backoff with jitter, one sequence of retries at a time (jobq/backoff.h). */
#include <stdlib.h>

#include "jobq/backoff.h"

void jobq_backoff_init(struct jobq_backoff *b, int64_t min_ms, int64_t max_ms, unsigned int seed)
{
	b->min_ms = min_ms;
	b->max_ms = max_ms;
	b->cur = min_ms;
	b->seed = seed;
}

void jobq_backoff_reset(struct jobq_backoff *b)
{
	b->cur = b->min_ms;
}

int64_t jobq_backoff_wait(struct jobq_backoff *b)
{
	return b->cur / 2 + rand_r(&b->seed) % (b->cur / 2 + 1);
}

int64_t jobq_backoff_next(struct jobq_backoff *b)
{
	int64_t wait = jobq_backoff_wait(b);

	b->cur = b->cur * 2 > b->max_ms ? b->max_ms : b->cur * 2;
	return wait;
}
