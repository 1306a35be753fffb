/* Fault points for tests: a build with -DJOBQ_FAULT_POINTS=ON dies abruptly at a named
 * point when $JOBQ_FAULT names it, so a test can show that nothing is lost when a process
 * dies exactly there, stops there when $JOBQ_FAULT_STOP names it, or (jobq_fault_once)
 * plays out a named fault once, such as a reply lost after its commit. In ordinary builds
 * every fault point compiles to nothing. */
#ifndef JOBQ_FAULT_H
#define JOBQ_FAULT_H

#include <stdbool.h>

#ifdef JOBQ_FAULT_POINTS
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline void jobq_fault(const char *point)
{
	const char *want = getenv("JOBQ_FAULT");

	if (want != NULL && strcmp(want, point) == 0)
		_exit(86); /* like a crash: no cleanup, no flushing */
}
/* Stop the whole process (SIGSTOP) at the named point, the first time it is reached while
 * $JOBQ_FAULT_STOP names it: a test can look at what the process holds while it hangs
 * exactly there, then wake it with SIGCONT. */
static inline void jobq_fault_stop(const char *point)
{
	static int done;
	const char *want = getenv("JOBQ_FAULT_STOP");

	if (!done && want != NULL && strcmp(want, point) == 0) {
		done = 1;
		raise(SIGSTOP);
	}
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

static inline void jobq_fault_stop(const char *point)
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
