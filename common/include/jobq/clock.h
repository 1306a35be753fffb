/* The monotonic clock used for every local deadline (never for job times, which come from
 * the database's now()). */
#ifndef JOBQ_CLOCK_H
#define JOBQ_CLOCK_H

#include <stdint.h>

/* Milliseconds on CLOCK_MONOTONIC. */
int64_t jobq_monotonic_ms(void);

#endif
