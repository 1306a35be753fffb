/* Starting a handler's process: posix_spawn of jobq-exec-shim with exactly the descriptors,
 * signal state and process group the shim's contract (shim.h) gives it. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jobq/libexec.h"
#include "shim.h"
#include "shim_spawn.h"

#ifndef JOBQ_SHIM_PATH
#define JOBQ_SHIM_PATH "/usr/local/libexec/jobq/" SHIM_NAME
#endif
#ifndef JOBQ_SHIM_RELPATH
#define JOBQ_SHIM_RELPATH "../libexec/jobq/" SHIM_NAME
#endif

/* The descriptors the shim gets: 0-2, SHIM_CONTROL_FD, SHIM_FENCE_FD. */
#define NFDS (SHIM_FENCE_FD + 1)

/* Move fd out of 0..NFDS-1, where an earlier dup2 of the spawn could overwrite it before
 * it is copied. *tmp gets the new descriptor (close it after the spawn). */
static int lift(int *fd, int *tmp)
{
	if (*fd < 0 || *fd >= NFDS)
		return 0;
	if ((*tmp = fcntl(*fd, F_DUPFD_CLOEXEC, NFDS)) < 0)
		return -1;
	*fd = *tmp;
	return 0;
}

/* fd onto `to` in the child, or /dev/null when fd is -1. */
static int place(posix_spawn_file_actions_t *fa, int fd, int to)
{
	if (fd < 0)
		return posix_spawn_file_actions_addopen(fa, to, "/dev/null", O_RDWR, 0);
	return posix_spawn_file_actions_adddup2(fa, fd, to);
}

int shim_spawn(const struct shim_spec *s, pid_t *pid, struct jobq_err *err)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, all;
	char wpid[24], ffd[8], creds[SHIM_CREDS_MAX], **argv = NULL;
	int fd[NFDS] = { s->fd_in, s->fd_out, s->fd_err, s->fd_ctl, s->fence_fd };
	int tmp[NFDS] = { -1, -1, -1, -1, -1 };
	int argc = 0, r = 0, e;
	bool fa_ok = false, at_ok = false;

	if (s->shim == NULL || s->argv == NULL || s->argv[0] == NULL || s->fence_fd < 0)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "shim_spawn: a shim, a command and a fence page are required");
	if (shim_creds_format(s->creds, creds, sizeof(creds)) != 0)
		return jobq_err_set(err, JOBQ_EINVAL, "shim_spawn: credentials too long");
	while (s->argv[argc] != NULL)
		argc++;
	if ((argv = calloc((size_t)argc + SHIM_ARGC_MIN, sizeof(*argv))) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	snprintf(wpid, sizeof(wpid), "%d", (int)getpid());
	snprintf(ffd, sizeof(ffd), "%d", SHIM_FENCE_FD);
	argv[0] = (char *)SHIM_NAME;
	argv[1] = wpid;
	argv[2] = ffd;
	argv[3] = creds;
	argv[4] = (char *)"--";
	memcpy(argv + 5, s->argv, (size_t)argc * sizeof(*argv));

	for (int i = 0; i < NFDS; i++) {
		if (lift(&fd[i], &tmp[i]) != 0) {
			r = jobq_err_set(err, JOBQ_ESYS, "shim_spawn: fcntl(F_DUPFD): %s",
					 strerror(errno));
			goto out;
		}
	}
	if ((e = posix_spawn_file_actions_init(&fa)) != 0)
		goto spawn_failed;
	fa_ok = true;
	/* In order: every source is at NFDS or above (lift), so no dup2 overwrites one that is
	 * still to be copied. dup2 clears close-on-exec on the copy. */
	for (int i = 0; i < NFDS && e == 0; i++) {
		if (i == SHIM_CONTROL_FD && fd[i] < 0)
			e = posix_spawn_file_actions_addclose(&fa, i);
		else
			e = place(&fa, fd[i], i);
	}
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
	/* Not every descriptor of the worker is close-on-exec (those it inherited, one opened
	 * by a library), and posix_spawn closes nothing by itself. The shim closes them too
	 * (for an older libc). */
	if (e == 0)
		e = posix_spawn_file_actions_addclosefrom_np(&fa, NFDS);
#endif
	if (e != 0)
		goto spawn_failed;
	if ((e = posix_spawnattr_init(&at)) != 0)
		goto spawn_failed;
	at_ok = true;
	/* An empty mask and every signal at its default: the worker blocks some and ignores
	 * SIGPIPE, and exec keeps both. A group of its own, made before the spawn returns, so
	 * the caller may signal -pid at once. */
	sigemptyset(&none);
	sigfillset(&all);
	if ((e = posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF |
						       POSIX_SPAWN_SETPGROUP)) != 0 ||
	    (e = posix_spawnattr_setsigmask(&at, &none)) != 0 ||
	    (e = posix_spawnattr_setsigdefault(&at, &all)) != 0 ||
	    (e = posix_spawnattr_setpgroup(&at, 0)) != 0)
		goto spawn_failed;
	e = posix_spawn(pid, s->shim, &fa, &at, argv, s->env);
	if (e == ENOENT || e == EACCES || e == ENOEXEC || e == ENOTDIR || e == ELOOP) {
		r = jobq_err_set(err, JOBQ_ENOTFOUND, "cannot start %s: %s", s->shim, strerror(e));
		goto out;
	}
spawn_failed:
	if (e != 0)
		r = jobq_err_set(err, e == ENOMEM ? JOBQ_ENOMEM : JOBQ_ESYS,
				 "cannot start %s: posix_spawn: %s", s->shim, strerror(e));
out:
	if (fa_ok)
		posix_spawn_file_actions_destroy(&fa);
	if (at_ok)
		posix_spawnattr_destroy(&at);
	for (int i = 0; i < NFDS; i++)
		if (tmp[i] >= 0)
			close(tmp[i]);
	free(argv);
	return r;
}

int shim_find(char *path, size_t size, struct jobq_err *err)
{
	if (jobq_libexec_find(SHIM_NAME, JOBQ_SHIM_RELPATH, JOBQ_SHIM_PATH, path, size) == 0)
		return 0;
	return jobq_err_set(err, JOBQ_ENOTFOUND,
			    "command handlers need " SHIM_NAME ", which is not at %s (%s)", path,
			    strerror(errno));
}
