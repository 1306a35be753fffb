/* The monotonic clock for local deadlines. */
#include <time.h>

#include "jobq/clock.h"

int64_t jobq_monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
