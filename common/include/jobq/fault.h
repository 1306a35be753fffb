/* Fault points for tests: a build with -DJOBQ_FAULT_POINTS=ON dies abruptly at a named
 * point when $JOBQ_FAULT names it, so a test can show that nothing is lost when a process
 * dies exactly there. In ordinary builds every fault point compiles to nothing. */
#ifndef JOBQ_FAULT_H
#define JOBQ_FAULT_H

#ifdef JOBQ_FAULT_POINTS
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline void jobq_fault(const char *point)
{
	const char *want = getenv("JOBQ_FAULT");

	if (want != NULL && strcmp(want, point) == 0)
		_exit(86);	/* like a crash: no cleanup, no flushing */
}
#else
static inline void jobq_fault(const char *point)
{
	(void)point;
}
#endif

#endif
