/* Starting a persistent handler's child (consumer/pool_spawn.c): behind the exec shim, in
 * a new process group, with the protocol channel on descriptor 3. */
#ifndef JOBQ_CONSUMER_POOL_SPAWN_H
#define JOBQ_CONSUMER_POOL_SPAWN_H

#include <sys/types.h>

#include "isolate.h"
#include "jobq/err.h"

/* What to start. Every descriptor stays the caller's: it is duplicated into the child. */
struct pool_spawn_spec {
	const char *self_exe;              /* this program: the shim is its --exec-shim */
	const char *type;                  /* the handler's job type, for error messages */
	char *const *argv;                 /* the command, NULL-terminated */
	char *const *env;                  /* its whole environment (isolate_child_env) */
	const struct isolate_creds *creds; /* who it runs as */
	int fd_out, fd_err;                /* its stdout and stderr */
	int fd_ctl;                        /* its descriptor 3: the protocol channel */
	int fence_fd; /* a memfd holding the child's fence point (an _Atomic int64_t of
		       * CLOCK_MONOTONIC ms, INT64_MAX when idle); the shim maps it */
};

/* Start the shim with s->argv behind it: stdin /dev/null, stdout and stderr on s's pipes,
 * the channel on 3, nothing else; an empty signal mask and SIGPIPE at its default; a new
 * process group whose id is the returned pid (in place before this returns); s->creds
 * applied before the exec. The shim asks for SIGHUP when the calling thread ends (call
 * this from the pool thread, which outlives its children), kills its group then or once
 * the fence point passes, and exits as the command did. Returns 0 with *pid set, or
 * JOBQ_ESYS / JOBQ_ENOMEM with err naming the handler. */
int pool_spawn(const struct pool_spawn_spec *s, pid_t *pid, struct jobq_err *err) JOBQ_WUR;

#endif
