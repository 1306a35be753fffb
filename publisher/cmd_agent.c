/* jobq agent: a long-running process that runs `jobq submit` command lines sent by the
 * jobq front end over a Unix socket, on database and broker connections it keeps open
 * between them (docs/agent.md). One request at a time: a submit takes milliseconds. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "agent_proto.h"
#include "cli.h"
#include "jobq/log.h"
#include "jobq/parse.h"

static const char HELP[] =
	"usage: jobq agent [--socket PATH] [--mode MODE]\n"
	"\n"
	"Serve `jobq submit` from a Unix socket, with the database and broker connections\n"
	"kept open between submits, so that a submit costs a few milliseconds rather than\n"
	"a process's connection set-up. The jobq command sends its submits here when\n"
	"JOBQ_AGENT_SOCKET names this socket; it runs anything else itself, and a submit\n"
	"too when no agent listens. The agent's configuration (--config, JOBQ_*) applies\n"
	"to the submits it runs, not the caller's. A submit that reads a file or stdin, or\n"
	"waits (--payload-file, -, --batch, --wait), runs in the caller. Runs in the\n"
	"foreground until SIGTERM or SIGINT.\n"
	"\n"
	"options:\n"
	"  --socket PATH   the socket to listen on (default: $JOBQ_AGENT_SOCKET)\n"
	"  --mode MODE     its file mode, octal (default 0600: the agent's user only; 0660\n"
	"                  lets its group submit). Whoever can connect can submit jobs.\n"
	"\n"
	"exit status: 0 stopped by a signal; 2 invalid option or socket in use; 5 the\n"
	"socket could not be set up.\n";

/* How long a connection may take to send its request, and to take its answer: the front
 * end sends at once; one that does not holds up the requests behind it. */
#define REQUEST_WAIT_MS 2000
/* How often the loop looks at the stop flag when no request comes. */
#define IDLE_TICK_MS 1000

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

/* Listen on path with the given mode. A socket file no process listens on (left by an
 * agent that was killed) is replaced; a live one, or a file that is not a socket, is not.
 * The listening fd, or -1 after printing why (*status set). */
static int listen_on(struct cli *cli, const char *path, mode_t mode, int *status)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct stat st;
	mode_t old;
	int fd;

	if (strlen(path) >= sizeof(sa.sun_path)) {
		*status = cli_usage(cli, "--socket: path of %zu bytes is too long (at most %zu)",
				    strlen(path), sizeof(sa.sun_path) - 1);
		return -1;
	}
	memcpy(sa.sun_path, path, strlen(path) + 1);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0)) < 0) {
		*status = cli_fail(cli, CLI_EXIT_UNAVAILABLE, "socket: %s", strerror(errno));
		return -1;
	}
	if (lstat(path, &st) == 0) {
		int probe;

		if (!S_ISSOCK(st.st_mode)) {
			*status = cli_usage(cli, "--socket: %s exists and is not a socket", path);
			goto fail;
		}
		probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (probe >= 0 && connect(probe, (struct sockaddr *)&sa, sizeof(sa)) == 0) {
			close(probe);
			*status = cli_usage(cli, "--socket: an agent already listens on %s", path);
			goto fail;
		}
		if (probe >= 0)
			close(probe);
		if (unlink(path) != 0 && errno != ENOENT) {
			*status = cli_fail(cli, CLI_EXIT_UNAVAILABLE, "remove stale socket %s: %s",
					   path, strerror(errno));
			goto fail;
		}
	}
	/* Created with the mode asked for, never wider for a moment. */
	old = umask(0777 & ~mode);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		umask(old);
		*status = cli_fail(cli, CLI_EXIT_UNAVAILABLE, "bind %s: %s", path, strerror(errno));
		goto fail;
	}
	umask(old);
	if (chmod(path, mode) != 0 || listen(fd, 64) != 0) {
		*status = cli_fail(cli, CLI_EXIT_UNAVAILABLE, "listen on %s: %s", path,
				   strerror(errno));
		unlink(path);
		goto fail;
	}
	return fd;
fail:
	close(fd);
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
	status = cli_run(cli, argc, argv);
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
	unsigned char head[6] = { (unsigned char)kind,           (unsigned char)status,
				  (unsigned char)(outlen >> 24), (unsigned char)(outlen >> 16),
				  (unsigned char)(outlen >> 8),  (unsigned char)outlen };
	const void *parts[3] = { head, out, err };
	size_t lens[3] = { sizeof(head), out ? outlen : 0, err ? errlen : 0 };

	return agent_write_frame(fd, parts, lens, 3, agent_now_ms() + REQUEST_WAIT_MS);
}

/* Serve one connection: read its request, run it (or decline it), answer. */
static void serve(struct cli *cli, int fd)
{
	char *argv[AGENT_MAX_ARGS + 2], *body = NULL, *out = NULL, *err = NULL;
	size_t len = 0, outlen = 0, errlen = 0;
	struct ucred peer = { 0 };
	socklen_t plen = sizeof(peer);
	char pidbuf[24], uidbuf[24], msg[160];
	int64_t t0 = agent_now_ms();
	int argc, r, status;

	getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &peer, &plen);
	jobq_log_int(pidbuf, peer.pid);
	jobq_log_int(uidbuf, peer.uid);
	r = agent_read_frame(fd, AGENT_MAX_REQUEST, &body, &len, t0 + REQUEST_WAIT_MS);
	if (r == 1)
		return; /* connected and left: nothing asked */
	argv[0] = (char *)"jobq";
	if (r != 0 || (argc = agent_split_args(body, len, argv + 1, AGENT_MAX_ARGS)) < 0) {
		const char *why = r == 0 ? "not a list of at most 1024 NUL-ended arguments"
				  : errno == EMSGSIZE  ? "over the 4 MiB limit"
				  : errno == EPROTO    ? "not a jobq agent frame, or cut short"
				  : errno == ETIMEDOUT ? "not sent within 2 s"
						       : strerror(errno);

		jobq_warn("agent_bad_request", "pid", pidbuf, "uid", uidbuf, "reason", why);
		snprintf(msg, sizeof(msg), "jobq agent: bad request: %s\n", why);
		(void)reply(fd, AGENT_RAN, CLI_EXIT_USAGE, NULL, 0, msg, strlen(msg));
		free(body);
		return;
	}
	argv[argc + 1] = NULL;
	/* libjobq's handle (cli->client) checks its connections before it uses them: one the
	 * servers ended meanwhile is opened again rather than failing this submit. */
	status = run_captured(cli, argc + 1, argv, &out, &outlen, &err, &errlen);
	if (status == CLI_AGENT_DECLINE)
		r = reply(fd, AGENT_DECLINED, 0, NULL, 0, NULL, 0);
	else
		r = reply(fd, AGENT_RAN, status, out, outlen, err, errlen);
	if (r != 0)
		jobq_warn("agent_reply_failed", "pid", pidbuf, "uid", uidbuf, "error",
			  strerror(errno));
	else {
		char sbuf[24], msbuf[24];

		jobq_debug("agent_request", "pid", pidbuf, "uid", uidbuf, "status",
			   status == CLI_AGENT_DECLINE ? "declined" : jobq_log_int(sbuf, status),
			   "ms", jobq_log_int(msbuf, agent_now_ms() - t0));
	}
	free(body);
	free(out);
	free(err);
}

int cmd_agent(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "socket", required_argument, NULL, 's' },
		{ "mode", required_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = getenv("JOBQ_AGENT_SOCKET");
	struct sigaction sa = { .sa_handler = on_signal };
	int64_t mode = 0600;
	int c, fd, status = CLI_EXIT_OK;
	struct stat mine = { 0 }, now;

	while ((c = cli_getopt(cli, argc, argv, "", opts, HELP)) != -1) {
		switch (c) {
		case 'h':
			return CLI_EXIT_OK;
		case 's':
			path = optarg;
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
	if (path == NULL || *path == '\0')
		return cli_usage(cli, "no socket: give --socket PATH or set JOBQ_AGENT_SOCKET");
	if ((fd = listen_on(cli, path, (mode_t)mode, &status)) < 0)
		return status;
	(void)lstat(path, &mine);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	jobq_info("agent_listening", "socket", path);
	while (!stop_flag) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int n = poll(&p, 1, IDLE_TICK_MS), conn;

		if (n <= 0) {
			if (n < 0 && errno != EINTR) {
				status = cli_fail(cli, CLI_EXIT_UNAVAILABLE, "poll: %s",
						  strerror(errno));
				break;
			}
			continue;
		}
		if ((conn = accept4(fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK)) < 0)
			continue;
		cli->agent = true;
		serve(cli, conn);
		cli->agent = false;
		cli->command = "agent";
		close(conn);
	}
	close(fd);
	/* Remove the socket file unless another agent has replaced it meanwhile. */
	if (lstat(path, &now) == 0 && now.st_ino == mine.st_ino && now.st_dev == mine.st_dev)
		unlink(path);
	jobq_info("agent_stopped", "socket", path);
	return status;
}
