/* Starting a handler's process through jobq-exec-shim (consumer/shim.c): one posix_spawn of
 * a small static program, never a fork of the worker. Used for every attempt of a command
 * handler (command.c) and for the children of persistent handler pools. */
#ifndef JOBQ_SHIM_SPAWN_H
#define JOBQ_SHIM_SPAWN_H

#include <stddef.h>
#include <sys/types.h>

#include "isolate.h"
#include "jobq/err.h"

/* What to start. Every descriptor belongs to the caller: shim_spawn duplicates what it
 * needs into the child and closes nothing of the caller's. */
struct shim_spec {
	const char *shim;  /* path of jobq-exec-shim (jobq_libexec_find) */
	char *const *argv; /* the command, NULL-terminated; argv[0] without '/' is looked up
			    * in env's PATH (execvp, a script without #! runs through /bin/sh) */
	char *const *env;  /* NULL-terminated "NAME=value": the whole environment of the
			    * shim and the command (isolate_child_env) */
	const struct isolate_creds *creds; /* NULL or !set: run as the worker */
	int fd_in, fd_out, fd_err;         /* the command's 0, 1 and 2; -1 = /dev/null */
	int fd_ctl;   /* the command's descriptor 3, or -1 for none (3 is then closed) */
	int fence_fd; /* required: a memfd (or file) whose first 8 bytes hold the job's fence
		       * point, an _Atomic int64_t of CLOCK_MONOTONIC ms kept current by the
		       * worker; INT64_MAX for none. The shim maps it and closes it. */
};

/* Start s->shim with s->argv behind it. The shim runs with an empty signal mask, every
 * signal at its default disposition, at the head of a new process group (pgid = its pid,
 * in place before this returns, so the caller may signal -pid at once), with descriptors
 * 0-2, 3 when s->fd_ctl is set, and the fence page on SHIM_FENCE_FD, nothing else. The shim
 * then switches to s->creds, asks for SIGHUP on its parent's death (the calling thread's
 * end: call this from a thread that outlives the command), and runs the command, which gets
 * 0-2 (and 3) only. The shim kills the whole group when the worker dies or the fence point
 * passes, and exits as the command did; 127 (the command's stderr, fd 2, says why) when
 * the fence page cannot be mapped, the credentials cannot be switched or the command
 * cannot be run.
 * On success *pid is the shim's pid (reap it with waitpid) and 0 is returned. Errors:
 * JOBQ_EINVAL for a spec without shim, argv or fence_fd; JOBQ_ENOTFOUND when s->shim cannot
 * be executed (missing, not executable, not a program: err names the path and the reason);
 * JOBQ_ESYS or JOBQ_ENOMEM when the spawn itself failed. Thread-safe. */
int shim_spawn(const struct shim_spec *s, pid_t *pid, struct jobq_err *err) JOBQ_WUR;

/* Find jobq-exec-shim for this program (jobq_libexec_find): beside it (a build tree), in the
 * install's libexec/jobq relative to it, else at the path it was installed to. Returns 0
 * with the path in `path`; JOBQ_ENOTFOUND when none of them is an executable file, with a
 * one-line err naming every path looked at and the reason. */
int shim_find(char *path, size_t size, struct jobq_err *err) JOBQ_WUR;

#endif
