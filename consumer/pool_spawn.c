/* Starting one child of a persistent handler's pool behind the exec shim: the one place
 * that knows how a pool child is started (today the worker's own `--exec-shim`, forked
 * from the pool thread), so that moving to another spawner changes this file only. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool_spawn.h"

/* Where the shim finds the fence page: fd 3 is the protocol channel. */
#define SPAWN_FENCE_FD 4
#define SPAWN_FIRST_FREE 5

/* Move fd to a number >= SPAWN_FIRST_FREE (close-on-exec), so that the child's dup2 calls
 * into 0-4 cannot overwrite one another's source. */
static int high(int *fd)
{
	int n;

	if (*fd < 0 || *fd >= SPAWN_FIRST_FREE)
		return 0;
	if ((n = fcntl(*fd, F_DUPFD_CLOEXEC, SPAWN_FIRST_FREE)) < 0)
		return -1;
	close(*fd);
	*fd = n;
	return 0;
}

int pool_spawn(const struct pool_spawn_spec *s, pid_t *pid, struct jobq_err *err)
{
	int in = -1, out = s->fd_out, errfd = s->fd_err, ctl = s->fd_ctl, fence = s->fence_fd;
	int owned[4] = { -1, -1, -1, -1 }, r = 0, argc = 0;
	char **argv = NULL, parent[24], fence_no[8];
	pid_t p;

	/* Private copies, all above 4: the caller's descriptors stay as they are. */
	if ((in = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0 || high(&in) != 0 ||
	    (out = owned[0] = fcntl(out, F_DUPFD_CLOEXEC, SPAWN_FIRST_FREE)) < 0 ||
	    (errfd = owned[1] = fcntl(errfd, F_DUPFD_CLOEXEC, SPAWN_FIRST_FREE)) < 0 ||
	    (ctl = owned[2] = fcntl(ctl, F_DUPFD_CLOEXEC, SPAWN_FIRST_FREE)) < 0 ||
	    (fence = owned[3] = fcntl(fence, F_DUPFD_CLOEXEC, SPAWN_FIRST_FREE)) < 0) {
		r = jobq_err_set(err, JOBQ_ESYS, "handler %s: descriptors for its child: %s",
				 s->type, strerror(errno));
		goto out;
	}
	while (s->argv[argc] != NULL)
		argc++;
	if ((argv = calloc((size_t)argc + 6, sizeof(*argv))) == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
		goto out;
	}
	snprintf(parent, sizeof(parent), "%d", (int)getpid());
	snprintf(fence_no, sizeof(fence_no), "%d", SPAWN_FENCE_FD);
	argv[0] = (char *)s->self_exe;
	argv[1] = (char *)"--exec-shim";
	argv[2] = parent;
	argv[3] = fence_no;
	argv[4] = (char *)"--";
	for (int i = 0; i < argc; i++)
		argv[5 + i] = s->argv[i];
	p = fork();
	if (p < 0) {
		r = jobq_err_set(err, JOBQ_ESYS, "handler %s: fork: %s", s->type, strerror(errno));
		goto out;
	}
	if (p == 0) {
		/* Only async-signal-safe calls until exec (command.c's child does the same). */
		struct sigaction dfl;
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		memset(&dfl, 0, sizeof(dfl));
		dfl.sa_handler = SIG_DFL;
		sigaction(SIGPIPE, &dfl, NULL);
		setpgid(0, 0);
		if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(errfd, 2) < 0 || dup2(ctl, 3) < 0 ||
		    dup2(fence, SPAWN_FENCE_FD) < 0)
			_exit(127);
		if (close_range(SPAWN_FIRST_FREE, ~0U, 0) != 0)
			for (int fd = SPAWN_FIRST_FREE; fd < 65536; fd++)
				close(fd);
		if (isolate_creds_apply(s->creds) != 0) {
			static const char msg[] =
				"jobq: cannot switch to the handler's user or group\n";
			ssize_t n = write(2, msg, sizeof(msg) - 1);

			(void)n;
			_exit(127);
		}
		execve(argv[0], argv, s->env);
		_exit(127);
	}
	setpgid(p, p); /* here too: the group exists before the caller may signal it */
	*pid = p;
out:
	if (in >= 0)
		close(in);
	for (int i = 0; i < 4; i++)
		if (owned[i] >= 0)
			close(owned[i]);
	free(argv);
	return r;
}
