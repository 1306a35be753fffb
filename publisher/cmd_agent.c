/* jobq agent: a long-running process that runs `jobq submit` command lines sent by the
 * jobq front end over a Unix socket, on the libjobq handle it keeps open between them
 * (docs/agent.md). Requests are read side by side, and run one at a time: a submit takes
 * milliseconds, and one handle on one pair of connections is what keeps it that cheap. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "agent_proto.h"
#include "cli.h"
#include "jobq/log.h"

static const char HELP[] =
	"usage: jobq agent [--socket PATH] [--mode MODE]\n"
	"\n"
	"Serve `jobq submit` from a Unix socket, with the database and broker connections\n"
	"kept open between submits, so that a submit costs a few milliseconds rather than\n"
	"a process's connection set-up. The jobq command sends its submits here when\n"
	"JOBQ_AGENT_SOCKET names this socket and its JOBQ_* and PG* environment is the\n"
	"agent's (with --config FILE: JOBQ_CONFIG=FILE); it runs anything else itself, and\n"
	"a submit too when no agent listens. A submit that reads a file or stdin, or waits\n"
	"(--payload-file, -, --batch, --wait), runs in the caller. Runs in the foreground\n"
	"until SIGTERM or SIGINT; submits that were waiting are handed back to their callers.\n"
	"\n"
	"options:\n"
	"  --socket PATH   the socket to listen on, an absolute path (default:\n"
	"                  $JOBQ_AGENT_SOCKET); PATH.lock beside it is held while it runs\n"
	"  --mode MODE     its file mode, octal (default 0600: the agent's user only; 0660\n"
	"                  lets its group submit). Whoever can connect can submit jobs.\n"
	"\n"
	"exit status: 0 stopped by a signal; 2 invalid option, or an agent already runs on\n"
	"PATH; 5 the socket could not be set up.\n";

/* How long a connection may take to send its whole request: the front end sends at once. */
#define REQUEST_WAIT_MS 2000
/* How long the agent tries to hand an answer to a connection that does not read it. */
#define ANSWER_WAIT_MS 2000
/* Connections read side by side; one more is refused (its caller then submits itself). */
#define MAX_PENDING 64
#define IDLE_TICK_MS 1000

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

/* A connection whose request is being read. */
struct pending {
	int fd;
	int64_t deadline;
	char head[AGENT_HEADER_SIZE];
	size_t got; /* bytes of header, then of body, read so far */
	char *body; /* NULL until the header is in */
	size_t len; /* the body's length, from the header */
	struct ucred peer;
};

struct agent {
	struct cli *cli;
	const char *path;
	size_t buffered; /* bytes of request bodies held (AGENT_MAX_BUFFERED at most) */
	char **env;      /* agent_env of the agent: what a caller's must equal */
	size_t nenv;
	struct pending pend[MAX_PENDING];
	size_t npend;
};

/* Make fds 0 to 2 open (on /dev/null) when the agent was started with one closed: a socket
 * that took its number would get the agent's log lines, or a reply would be captured. */
static void fill_std_fds(void)
{
	for (int fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF && open("/dev/null", O_RDWR) != fd)
			return;
}

/* Take PATH.lock (held for the agent's life: two agents never set up one socket at once),
 * then listen on path with the given mode. A socket file no process listens on (left by an
 * agent that was killed) is replaced; a live one, one the probe may not reach, or a file
 * that is not a socket is not. The listening fd (*lock_fd set), or -1 after printing why
 * (*status set). */
static int listen_on(struct cli *cli, const char *path, mode_t mode, int *lock_fd, int *status)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char lockpath[sizeof(sa.sun_path) + 8];
	struct stat st;
	mode_t old;
	int fd = -1, lk;

	if (path[0] != '/') {
		*status = cli_usage(cli, "--socket: '%s' is not an absolute path", path);
		return -1;
	}
	if (strlen(path) >= sizeof(sa.sun_path)) {
		*status = cli_usage(cli, "--socket: path of %zu bytes is too long (at most %zu)",
				    strlen(path), sizeof(sa.sun_path) - 1);
		return -1;
	}
	memcpy(sa.sun_path, path, strlen(path) + 1);
	snprintf(lockpath, sizeof(lockpath), "%s.lock", path);
	if ((lk = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)) < 0) {
		*status = cli_fail(cli, CLI_EXIT_UNAVAILABLE, "open %s: %s", lockpath,
				   strerror(errno));
		return -1;
	}
	if (flock(lk, LOCK_EX | LOCK_NB) != 0) {
		*status = cli_usage(cli, "--socket: an agent already runs on %s (it holds %s)",
				    path, lockpath);
		goto fail;
	}
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0)) < 0) {
		*status = cli_fail(cli, CLI_EXIT_UNAVAILABLE, "socket: %s", strerror(errno));
		goto fail;
	}
	if (lstat(path, &st) == 0) {
		int probe, e = 0;

		if (!S_ISSOCK(st.st_mode)) {
			*status = cli_usage(cli, "--socket: %s exists and is not a socket", path);
			goto fail;
		}
		probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
		if (probe < 0 || connect(probe, (struct sockaddr *)&sa, sizeof(sa)) == 0)
			e = probe < 0 ? errno : 0;
		else
			e = errno;
		if (probe >= 0)
			close(probe);
		/* Only a refusal says nobody listens; a socket we may not reach is not ours. */
		if (e != ECONNREFUSED) {
			*status = cli_usage(cli, "--socket: %s is in use%s%s", path,
					    e != 0 ? ": " : " by a listening process",
					    e != 0 ? strerror(e) : "");
			goto fail;
		}
		if (unlink(path) != 0 && errno != ENOENT) {
			*status = cli_fail(cli, CLI_EXIT_UNAVAILABLE, "remove stale socket %s: %s",
					   path, strerror(errno));
			goto fail;
		}
	}
	/* Created with the mode asked for, never wider for a moment (no chmod after: the
	 * name could be another file by then). */
	old = umask(0777 & ~mode);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		int e = errno;

		umask(old);
		*status = e == EADDRINUSE ? cli_usage(cli, "--socket: %s is in use", path)
					  : cli_fail(cli, CLI_EXIT_UNAVAILABLE, "bind %s: %s", path,
						     strerror(e));
		goto fail;
	}
	umask(old);
	if (listen(fd, MAX_PENDING) != 0) {
		*status = cli_fail(cli, CLI_EXIT_UNAVAILABLE, "listen on %s: %s", path,
				   strerror(errno));
		unlink(path);
		goto fail;
	}
	*lock_fd = lk;
	return fd;
fail:
	if (fd >= 0)
		close(fd);
	close(lk);
	return -1;
}

/* Read up to max bytes of the memfd fd from its start into a malloc'd buffer (*len set);
 * NULL when out of memory. */
static char *slurp(int fd, size_t max, size_t *len)
{
	off_t end = lseek(fd, 0, SEEK_END);
	size_t n = end > 0 ? (size_t)end : 0, got = 0;
	char *buf;

	if (n > max)
		n = max;
	if ((buf = malloc(n ? n : 1)) == NULL)
		return NULL;
	while (got < n) {
		ssize_t r = pread(fd, buf + got, n - got, (off_t)got);

		if (r <= 0)
			break;
		got += (size_t)r;
	}
	*len = got;
	return buf;
}

/* Run one command line with the process's stdout and stderr sent to memory files; their
 * text in out/err (malloc'd, the caller frees them). The command's status, or
 * CLI_AGENT_DECLINE when the capture could not be set up (nothing ran: the front end runs
 * the command itself). */
static int run_captured(struct cli *cli, int argc, char **argv, char **out, size_t *outlen,
			char **err, size_t *errlen)
{
	int ofd = memfd_create("jobq-agent-stdout", MFD_CLOEXEC);
	int efd = memfd_create("jobq-agent-stderr", MFD_CLOEXEC);
	int save_out = -1, save_err = -1, status = CLI_AGENT_DECLINE;

	*out = *err = NULL;
	*outlen = *errlen = 0;
	fflush(stdout);
	fflush(stderr);
	if (ofd < 0 || efd < 0 || (save_out = dup(STDOUT_FILENO)) < 0 ||
	    (save_err = dup(STDERR_FILENO)) < 0 || dup2(ofd, STDOUT_FILENO) < 0 ||
	    dup2(efd, STDERR_FILENO) < 0)
		goto out;
	cli->json = false;
	cli->command = NULL;
	cli->agent = true;
	status = cli_run(cli, argc, argv);
	cli->agent = false;
	cli->command = "agent";
	fflush(stdout);
	fflush(stderr);
	*out = slurp(ofd, AGENT_MAX_OUTPUT, outlen);
	*err = slurp(efd, AGENT_MAX_OUTPUT, errlen);
out:
	if (save_out >= 0) {
		dup2(save_out, STDOUT_FILENO);
		close(save_out);
	}
	if (save_err >= 0) {
		dup2(save_err, STDERR_FILENO);
		close(save_err);
	}
	if (ofd >= 0)
		close(ofd);
	if (efd >= 0)
		close(efd);
	return status;
}

/* Send a reply: kind, status, then the command's stdout and stderr. */
static int reply(int fd, int kind, int status, const char *out, size_t outlen, const char *err,
		 size_t errlen)
{
	unsigned char head[6] = { (unsigned char)kind, (unsigned char)status };
	const void *parts[3] = { head, out, err };
	size_t lens[3] = { sizeof(head), out ? outlen : 0, err ? errlen : 0 };

	agent_put_be32(head + 2, (uint32_t)lens[1]);
	return agent_write_frame(fd, parts, lens, 3, agent_now_ms() + ANSWER_WAIT_MS);
}

static void bad_request(struct pending *p, const char *why)
{
	char pidbuf[24], uidbuf[24], msg[200];

	jobq_warn("agent_bad_request", "pid", jobq_log_int(pidbuf, p->peer.pid), "uid",
		  jobq_log_int(uidbuf, p->peer.uid), "reason", why);
	snprintf(msg, sizeof(msg), "jobq agent: bad request: %s\n", why);
	(void)reply(p->fd, AGENT_RAN, CLI_EXIT_USAGE, NULL, 0, msg, strlen(msg));
}

/* Whether the peer of fd is gone (it closed its end): its caller no longer waits. */
static bool peer_gone(int fd)
{
	char c;

	return recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
}

/* Run a whole request (body of len bytes) and answer it. */
static void run_request(struct agent *a, struct pending *p)
{
	char *strs[AGENT_MAX_STRINGS + 4], *out = NULL, *err = NULL, *end;
	size_t outlen = 0, errlen = 0;
	char pidbuf[24], uidbuf[24], sbuf[24], msbuf[24];
	int64_t t0 = agent_now_ms(), deadline;
	long argc;
	int n, status, r;
	bool same;

	n = agent_split_args(p->body, p->len, strs, AGENT_MAX_STRINGS + 2);
	if (n < 2) {
		bad_request(p, n < 0 ? "not a list of NUL-ended strings within the limits"
				     : "no deadline and argument count");
		return;
	}
	errno = 0;
	deadline = strtoll(strs[0], &end, 10);
	if (errno != 0 || *end != '\0' || end == strs[0] ||
	    (argc = strtol(strs[1], &end, 10), *end != '\0') || argc < 0 || argc > n - 2 ||
	    argc > AGENT_MAX_ARGS) {
		bad_request(p, "bad deadline or argument count");
		return;
	}
	/* The caller's environment must be the agent's: otherwise the submit would not be
	 * the one the caller asked for (another database, another log level). */
	same = (size_t)(n - 2 - argc) == a->nenv;
	for (size_t i = 0; same && i < a->nenv; i++)
		same = strcmp(strs[2 + argc + (long)i], a->env[i]) == 0;
	/* A caller that gave up, or one whose time to start has passed, runs it itself. */
	if (!same || t0 > deadline || peer_gone(p->fd)) {
		jobq_debug("agent_request", "pid", jobq_log_int(pidbuf, p->peer.pid), "uid",
			   jobq_log_int(uidbuf, p->peer.uid), "status",
			   !same ? "declined: another environment" : "declined: too late");
		(void)reply(p->fd, AGENT_DECLINED, 0, NULL, 0, NULL, 0);
		return;
	}
	/* From this frame on the caller knows the submit may have run; before it, that it
	 * did not. A caller that cannot take it is gone: nothing is run for it. */
	{
		const unsigned char started = AGENT_STARTED;
		const void *part = &started;
		size_t one = 1;

		if (agent_write_frame(p->fd, &part, &one, 1, agent_now_ms() + ANSWER_WAIT_MS) != 0)
			return;
	}
	/* argv[0] is the program; the arguments follow it in strs (room for the NULL). */
	strs[1] = (char *)"jobq";
	strs[2 + argc] = NULL;
	status = run_captured(a->cli, (int)argc + 1, strs + 1, &out, &outlen, &err, &errlen);
	if (status == CLI_AGENT_DECLINE)
		r = reply(p->fd, AGENT_DECLINED, 0, NULL, 0, NULL, 0);
	else
		r = reply(p->fd, AGENT_RAN, status, out, outlen, err, errlen);
	if (r != 0)
		jobq_warn("agent_reply_failed", "pid", jobq_log_int(pidbuf, p->peer.pid), "uid",
			  jobq_log_int(uidbuf, p->peer.uid), "error", strerror(errno));
	else
		jobq_debug("agent_request", "pid", jobq_log_int(pidbuf, p->peer.pid), "uid",
			   jobq_log_int(uidbuf, p->peer.uid), "status",
			   status == CLI_AGENT_DECLINE ? "declined" : jobq_log_int(sbuf, status),
			   "ms", jobq_log_int(msbuf, agent_now_ms() - t0));
	free(out);
	free(err);
}

static void drop(struct agent *a, size_t i)
{
	char sink[4096];

	if (a->pend[i].body != NULL)
		a->buffered -= a->pend[i].len;
	/* Read what is left of a refused request first: closing with unread bytes resets the
	 * connection, and the reset can destroy the answer before its caller reads it. */
	for (int k = 0; k < 256 && recv(a->pend[i].fd, sink, sizeof(sink), MSG_DONTWAIT) > 0; k++)
		;
	close(a->pend[i].fd);
	free(a->pend[i].body);
	a->pend[i] = a->pend[--a->npend];
}

/* Read what came on pending connection i; run its request when it is whole. Returns true
 * when the connection is done with (answered, refused or gone). */
static bool read_pending(struct agent *a, struct pending *p)
{
	for (;;) {
		bool in_head = p->body == NULL;
		char *dst = in_head ? p->head + p->got : p->body + p->got;
		size_t want = in_head ? AGENT_HEADER_SIZE - p->got : p->len - p->got;
		ssize_t r = want > 0 ? recv(p->fd, dst, want, MSG_DONTWAIT) : 0;

		if (want > 0 && r < 0)
			return !(errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
		if (want > 0 && r == 0)
			return true; /* closed before its request was whole: nothing to do */
		p->got += (size_t)r;
		if (in_head && p->got == AGENT_HEADER_SIZE) {
			if (agent_parse_header(p->head, AGENT_MAX_REQUEST, &p->len) != 0) {
				bad_request(p, errno == EMSGSIZE ? "over the 4 MiB limit"
								 : "not a jobq agent frame");
				return true;
			}
			if (a->buffered + p->len > AGENT_MAX_BUFFERED) {
				/* Too much held already: this caller submits itself. */
				(void)reply(p->fd, AGENT_DECLINED, 0, NULL, 0, NULL, 0);
				return true;
			}
			a->buffered += p->len;
			if ((p->body = malloc(p->len + 1)) == NULL) {
				bad_request(p, "out of memory");
				return true;
			}
			p->body[p->len] = '\0';
			p->got = 0;
		}
		if (p->body != NULL && p->got == p->len) {
			run_request(a, p);
			return true;
		}
	}
}

/* Stop: no new caller can connect (the name goes first), and every one that connected
 * and was not served is told to submit itself. */
static void hand_back(struct agent *a, int lfd, const char *path, const struct stat *mine)
{
	struct stat now;
	int fd;

	if (lstat(path, &now) == 0 && now.st_ino == mine->st_ino && now.st_dev == mine->st_dev)
		unlink(path);
	while ((fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK)) >= 0) {
		(void)reply(fd, AGENT_DECLINED, 0, NULL, 0, NULL, 0);
		close(fd);
	}
	while (a->npend > 0) {
		(void)reply(a->pend[0].fd, AGENT_DECLINED, 0, NULL, 0, NULL, 0);
		drop(a, 0);
	}
	close(lfd);
}

static void accept_all(struct agent *a, int lfd)
{
	int fd;

	while ((fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK)) >= 0) {
		struct pending *p;
		socklen_t plen = sizeof(struct ucred);

		if (a->npend == MAX_PENDING) {
			/* Full: told at once to submit itself, rather than made to wait. */
			(void)reply(fd, AGENT_DECLINED, 0, NULL, 0, NULL, 0);
			close(fd);
			continue;
		}
		p = &a->pend[a->npend++];
		*p = (struct pending){ .fd = fd, .deadline = agent_now_ms() + REQUEST_WAIT_MS };
		getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &p->peer, &plen);
	}
}

static int serve(struct agent *a, int lfd)
{
	while (!stop_flag) {
		struct pollfd pfd[MAX_PENDING + 1];
		int64_t now = agent_now_ms(), wait = IDLE_TICK_MS;
		int n;

		pfd[0] = (struct pollfd){ .fd = lfd, .events = POLLIN };
		for (size_t i = 0; i < a->npend; i++) {
			pfd[i + 1] = (struct pollfd){ .fd = a->pend[i].fd, .events = POLLIN };
			if (a->pend[i].deadline - now < wait)
				wait = a->pend[i].deadline - now;
		}
		n = poll(pfd, a->npend + 1, wait < 0 ? 0 : (int)wait);
		if (n < 0 && errno != EINTR)
			return cli_fail(a->cli, CLI_EXIT_UNAVAILABLE, "poll: %s", strerror(errno));
		/* Requests first (their callers wait), from the end: drop() moves the last. A
		 * stop ends the pass: what is left is handed back. */
		for (size_t i = a->npend; n > 0 && i-- > 0 && !stop_flag;) {
			struct pending *p = &a->pend[i];
			int64_t t = agent_now_ms();

			if (pfd[i + 1].revents == 0 || !read_pending(a, p))
				continue;
			drop(a, i);
			/* The others' time to send ran while this one ran: they get it again. */
			if (agent_now_ms() - t > 100)
				for (size_t k = 0; k < a->npend; k++)
					a->pend[k].deadline = agent_now_ms() + REQUEST_WAIT_MS;
		}
		now = agent_now_ms();
		for (size_t i = a->npend; i-- > 0;)
			if (now > a->pend[i].deadline) {
				(void)reply(a->pend[i].fd, AGENT_DECLINED, 0, NULL, 0, NULL, 0);
				drop(a, i);
			}
		if (n > 0 && (pfd[0].revents & POLLIN))
			accept_all(a, lfd);
	}
	return CLI_EXIT_OK;
}

int cmd_agent(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "socket", required_argument, NULL, 's' },
		{ "mode", required_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	struct agent a = { .cli = cli, .path = getenv("JOBQ_AGENT_SOCKET") };
	struct sigaction sa = { .sa_handler = on_signal };
	int64_t mode = 0600;
	int c, fd, lock_fd = -1, status = CLI_EXIT_OK, ignored;
	char *config_real = NULL;
	struct stat mine = { 0 };

	while ((c = cli_getopt(cli, argc, argv, "", opts, HELP)) != -1) {
		switch (c) {
		case 'h':
			return CLI_EXIT_OK;
		case 's':
			a.path = optarg;
			break;
		case 'm': {
			char *end;

			errno = 0;
			mode = strtol(optarg, &end, 8);
			if (errno != 0 || *optarg == '\0' || *end != '\0' || mode < 0 ||
			    mode > 0777)
				return cli_usage(cli,
						 "--mode: '%s' is not an octal file mode "
						 "(0000 to 0777)",
						 optarg);
			break;
		}
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage(cli, "unexpected argument '%s'", argv[optind]);
	if (a.path == NULL || *a.path == '\0')
		return cli_usage(cli, "no socket: give --socket PATH or set JOBQ_AGENT_SOCKET");
	fill_std_fds();
	if (cli->config_path != NULL && cli->config_path[0] != '/') {
		/* Callers name the file by its absolute path (JOBQ_CONFIG): so does the agent. */
		if ((config_real = realpath(cli->config_path, NULL)) == NULL)
			return cli_usage(cli, "--config %s: %s", cli->config_path, strerror(errno));
		cli->config_path = config_real;
	}
	/* Before the socket exists: a stop request from then on is a clean stop. */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if ((a.env = agent_env(cli->config_path, &a.nenv)) == NULL)
		return cli_fail(cli, 1, "out of memory");
	if ((fd = listen_on(cli, a.path, (mode_t)mode, &lock_fd, &status)) < 0) {
		agent_env_free(a.env);
		if (config_real != NULL)
			cli->config_path = NULL;
		free(config_real);
		return status;
	}
	(void)lstat(a.path, &mine);
	/* The handle now: the configuration is read once, at start (a database that does not
	 * answer yet is tried again by the first submit). */
	if (cli_client(cli, &ignored) == NULL)
		jobq_warn("agent_database_unavailable", "socket", a.path);
	jobq_info("agent_listening", "socket", a.path);
	status = serve(&a, fd);
	hand_back(&a, fd, a.path, &mine);
	close(lock_fd);
	agent_env_free(a.env);
	jobq_info("agent_stopped", "socket", a.path);
	jobq_client_close(cli->client); /* before config_real, which it may name */
	cli->client = NULL;
	if (config_real != NULL)
		cli->config_path = NULL;
	free(config_real);
	return status;
}
