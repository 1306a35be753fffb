/* Exponential backoff with jitter: the pause before each retry of something that keeps
 * failing (a connection, a statement turned down for a passing reason). Pure: no clock,
 * no sleep; the caller waits as long as it is told. */
#ifndef JOBQ_BACKOFF_H
#define JOBQ_BACKOFF_H

#include <stdint.h>

/* One retry sequence. cur is the step the next wait is drawn from: min after a reset,
 * doubled by every jobq_backoff_next() up to max. Callers may read cur (to ask whether
 * one more wait still fits a deadline) but change it only through the functions below. */
struct jobq_backoff {
	int64_t min_ms;
	int64_t max_ms;
	int64_t cur;
	unsigned int seed; /* rand_r() state of the jitter */
};

/* Set up b for steps from min_ms doubling to max_ms (1 <= min_ms <= max_ms), its jitter
 * drawn from seed; cur starts at min_ms. */
void jobq_backoff_init(struct jobq_backoff *b, int64_t min_ms, int64_t max_ms, unsigned int seed);

/* Start over (the thing retried worked): the next wait is drawn from min_ms again. The
 * jitter's state carries on. */
void jobq_backoff_reset(struct jobq_backoff *b);

/* The wait before the next try, in ms: cur/2 plus a value drawn uniformly from
 * [0, cur/2] ("equal jitter", so that many waiters spread out but none retries at once).
 * cur stays as it is. */
int64_t jobq_backoff_wait(struct jobq_backoff *b);

/* jobq_backoff_wait(), then cur doubles, at most to max_ms: the wait before this try,
 * the next one drawn from twice as much. */
int64_t jobq_backoff_next(struct jobq_backoff *b);

#endif
