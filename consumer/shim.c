/* jobq-exec-shim: the small static program between the worker and a handler's command. It
 * holds the command's process group, switches to the handler's user, and kills the group
 * when the worker dies or the job's fence point passes, even with the worker stopped. */
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <poll.h>
#include <unistd.h>

#include "jobq/clock.h"
#include "shim.h"

/* Sleep at most this long between two looks at the fence point. */
#define TICK_MS 10
/* The shim's own failures, before the command runs: as a command that cannot be run. */
#define EXIT_CANNOT_RUN 127

static volatile sig_atomic_t parent_died;

static void shim_on_hup(int sig)
{
	(void)sig;
	parent_died = 1;
}

/* One line on stderr (the command's, kept as the attempt's error): the parts that are not
 * NULL, then a newline; async-signal-safe. */
static void say(const char *a, const char *b, const char *c, const char *d)
{
	const char *part[] = { a, b, c, d, "\n" };
	struct iovec v[5];

	for (int i = 0; i < 5; i++)
		v[i] = (struct iovec){ (void *)part[i], part[i] != NULL ? strlen(part[i]) : 0 };
	if (writev(2, v, 5) < 0) {
		/* nothing to do: the exit status says it failed */
	}
}

/* Kill the whole group (the shim with it) once the worker's fence point has passed: the
 * worker may be stopped or starved and its own fence thread with it, while the lease
 * expires in PostgreSQL and another worker may take the job over. */
static void shim_fence_check(const _Atomic int64_t *fence)
{
	if (jobq_monotonic_ms() < atomic_load(fence))
		return;
	say("jobq: lease fence point passed with no renewal: command killed", NULL, NULL, NULL);
	kill(0, SIGKILL);
	_exit(137);
}

/* Drop to cr: setgroups, setresgid, then setresuid, as raw system calls (the shim has one
 * thread, so they change the whole process, as glibc's wrappers would with more work),
 * then check that no way back is left. Returns 0 or an errno. */
static int creds_apply(const struct isolate_creds *cr)
{
	if (!cr->set)
		return 0;
	/* Groups first: once the uid is dropped, changing them is no longer allowed. */
	if (syscall(SYS_setgroups, (size_t)cr->ngroups, cr->groups) != 0 ||
	    syscall(SYS_setresgid, cr->gid, cr->gid, cr->gid) != 0 ||
	    syscall(SYS_setresuid, cr->uid, cr->uid, cr->uid) != 0)
		return errno;
	if (getuid() != cr->uid || geteuid() != cr->uid || getgid() != cr->gid ||
	    getegid() != cr->gid)
		return EPERM;
	/* a way back would defeat the point */
	if (cr->uid != 0 && syscall(SYS_setresuid, 0, 0, 0) == 0)
		return EPERM;
	return 0;
}

/* The signals below SIGRTMIN that glibc keeps for itself (32, 33) to their default: the
 * worker's posix_spawn leaves them ignored (glibc's does so for every program it starts),
 * glibc's wrappers refuse to touch them, and an ignored signal stays ignored across exec,
 * into the command. The kernel's own call: the generic struct of rt_sigaction (handler,
 * flags, restorer, mask). */
static void internal_signals_default(void)
{
	struct {
		void (*handler)(int);
		unsigned long flags;
		void (*restorer)(void);
		uint64_t mask;
	} dfl = { SIG_DFL, 0, NULL, 0 };

	for (int sig = 32; sig < SIGRTMIN; sig++)
		syscall(SYS_rt_sigaction, sig, &dfl, NULL, sizeof(dfl.mask));
}

/* A decimal argument >= 0 that fits an int, or -1. */
static int number(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0 || v > INT32_MAX)
		return -1;
	return (int)v;
}

/* Start argv with execvp (a file without #! runs through /bin/sh, as from a shell) in a
 * child with an empty signal mask and every signal at its default, those the shim handles
 * or ignores and glibc's internal ones included. fork, not vfork: the shim is small and has
 * one thread, so its fork costs little, and its child may reset what it must freely.
 * Returns the pid, or -1 (errno set). */
static pid_t start(char **argv)
{
	pid_t pid = fork();
	sigset_t none;
	int e;

	if (pid != 0)
		return pid;
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	internal_signals_default();
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execvp(argv[0], argv);
	e = errno;
	say("jobq: cannot run ", argv[0], ": ", strerror(e));
	_exit(EXIT_CANNOT_RUN);
}

int main(int argc, char **argv)
{
	const _Atomic int64_t *fence;
	struct isolate_creds cr;
	struct sigaction sa;
	int status, pidfd, fence_fd, r;
	pid_t parent, child;
	void *map;

	if (argc < SHIM_ARGC_MIN || strcmp(argv[4], "--") != 0 || number(argv[1]) <= 0 ||
	    (fence_fd = number(argv[2])) < 0 || shim_creds_parse(argv[3], &cr) != 0) {
		say(SHIM_NAME ": bad arguments (usage: " SHIM_NAME
			      " WORKER_PID FENCE_FD CREDS -- CMD ARGS...)",
		    NULL, NULL, NULL);
		return EXIT_CANNOT_RUN;
	}
	parent = (pid_t)number(argv[1]);
	/* Only 0-2, the control descriptor and the fence page may be open here: the worker's
	 * spawn closes the rest already, this keeps it so for any other caller. */
	if (fence_fd > SHIM_FENCE_FD)
		close_range(SHIM_FENCE_FD + 1, (unsigned)fence_fd - 1, 0);
	close_range((unsigned)(fence_fd > SHIM_FENCE_FD ? fence_fd : SHIM_FENCE_FD) + 1, ~0U, 0);
	map = mmap(NULL, sizeof(*fence), PROT_READ, MAP_SHARED, fence_fd, 0);
	if (map == MAP_FAILED) {
		/* Never run unfenced. */
		say(SHIM_NAME ": cannot map the fence point (fd ", argv[2], "): ", strerror(errno));
		return EXIT_CANNOT_RUN;
	}
	fence = map;
	close(fence_fd); /* the command must not reach it */
	if ((r = creds_apply(&cr)) != 0) {
		say("jobq: cannot switch to the handler's user or group: ", strerror(r), NULL,
		    NULL);
		return EXIT_CANNOT_RUN;
	}
	setpgid(0, 0); /* the worker's spawn made the group already; any other caller too */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = shim_on_hup;
	sigaction(SIGHUP, &sa, NULL);
	/* Signals aimed at the group (SIGTERM on cancel) are for the command; the shim
	 * stays to report its exit. SIGKILL still takes the shim down with the group. */
	signal(SIGTERM, SIG_IGN);
	signal(SIGINT, SIG_IGN);
	/* After the credentials: a change of uid clears the death signal. */
	prctl(PR_SET_PDEATHSIG, SIGHUP);
	if (getppid() != parent) {
		/* The worker died before the death signal was armed. */
		return 137;
	}
	shim_fence_check(fence);
	if ((child = start(argv + 5)) < 0) {
		say("jobq: cannot start ", argv[5], ": ", strerror(errno));
		return EXIT_CANNOT_RUN;
	}
	pidfd = (int)syscall(SYS_pidfd_open, child, 0);
	for (;;) {
		struct pollfd pfd = { .fd = pidfd, .events = POLLIN };
		int64_t left;
		pid_t w = waitpid(child, &status, WNOHANG);

		if (w == child)
			break;
		if (w < 0 && errno != EINTR)
			return EXIT_CANNOT_RUN;
		if (parent_died) {
			/* The worker is gone: no orphan may keep running after a takeover. */
			kill(0, SIGKILL);
		}
		shim_fence_check(fence);
		left = atomic_load(fence) - jobq_monotonic_ms();
		/* Woken by the child's exit (pidfd), SIGHUP (EINTR), or the next look. */
		poll(&pfd, pidfd >= 0 ? 1 : 0,
		     (int)(left < TICK_MS ? (left > 0 ? left : 0) : TICK_MS));
	}
	if (WIFSIGNALED(status)) {
		/* Report the command's own death the same way. */
		signal(WTERMSIG(status), SIG_DFL);
		kill(getpid(), WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	return WEXITSTATUS(status);
}
