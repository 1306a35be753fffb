/* Fault points for tests: a build with -DJOBQ_FAULT_POINTS=ON dies abruptly at a named
 * point when $JOBQ_FAULT names it, so a test can show that nothing is lost when a process
 * dies exactly there, or (jobq_fault_once) plays out a named fault once, such as a reply
 * lost after its commit. In ordinary builds every fault point compiles to nothing. */
#ifndef JOBQ_FAULT_H
#define JOBQ_FAULT_H

#include <stdbool.h>

#ifdef JOBQ_FAULT_POINTS
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline void jobq_fault(const char *point)
{
	const char *want = getenv("JOBQ_FAULT");

	if (want != NULL && strcmp(want, point) == 0)
		_exit(86);	/* like a crash: no cleanup, no flushing */
}

/* True the first time this process reaches `point` while $JOBQ_FAULT names it (the caller
 * then plays the fault out), false ever after. One point per process: the first caller
 * whose point matches takes the shot. */
static inline bool jobq_fault_once(const char *point)
{
	static atomic_bool fired;
	const char *want = getenv("JOBQ_FAULT");

	return want != NULL && strcmp(want, point) == 0 && !atomic_exchange(&fired, true);
}
#else
static inline void jobq_fault(const char *point)
{
	(void)point;
}

static inline bool jobq_fault_once(const char *point)
{
	(void)point;
	return false;
}
#endif

#endif
