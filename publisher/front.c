/* jobq: the command's front end. A `jobq submit` goes to the local agent named by
 * $JOBQ_AGENT_SOCKET when one listens there: a warm process that already holds its
 * database and broker connections (docs/agent.md). Everything else, and a submit the agent
 * declines or that finds no agent, runs the full CLI (jobq-cli) in this same process by
 * exec. This file links libc only: loading libpq and librabbitmq alone costs a process
 * about 10 ms, which is the whole budget of a submit through the agent. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "agent_proto.h"
#include "jobq/libexec.h"

#ifndef JOBQ_CLI_PATH
#define JOBQ_CLI_PATH "/usr/local/libexec/jobq/jobq-cli"
#endif
#ifndef JOBQ_CLI_RELPATH
#define JOBQ_CLI_RELPATH "../libexec/jobq/jobq-cli"
#endif

/* The agent starts a request by this long after it is sent (it says so), or the caller runs
 * it itself; once started, it may take this much longer (a submit whose broker does not
 * confirm waits 10 s a node). Past that, or if the agent ends meanwhile, the outcome is
 * unknown. */
#define START_WAIT_MS 30000
#define RUN_WAIT_MS 120000
/* Exit status when the agent took a submit and did not say how it ended. */
#define EXIT_UNKNOWN 7
/* True when argv is a submit the agent may take: global options limited to --json (the
 * agent has its own configuration, so --config runs the full CLI), then `submit`. */
static bool is_submit(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			continue;
		return strcmp(argv[i], "submit") == 0;
	}
	return false;
}

/* Write n bytes to fd, ignoring what cannot be written (a closed stdout). */
static void put(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

/* Whether the process listening on fd may be trusted with a command line: it runs as this
 * user or as root, or as the owner of the socket's folder when that folder is safe (a real
 * folder, not a symbolic link, in a parent only root may change, such as /run/jobq for a
 * service user). A socket created by another user in a folder many can write to (/tmp)
 * may be there to receive the submits: refused, with a warning line, and the submit runs
 * here instead. */
static bool trusted(int fd, const char *path)
{
	struct ucred peer;
	socklen_t len = sizeof(peer);
	char dir[PATH_MAX], parent[PATH_MAX];
	struct stat st, pst;
	char *slash;

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &peer, &len) != 0)
		return false;
	if (peer.uid == geteuid() || peer.uid == 0)
		return true;
	/* The folder as it really is (/var/run is /run), then its checks. */
	if (realpath(path, dir) == NULL) /* path names the socket: take its folder */
		goto refuse;
	slash = strrchr(dir, '/');
	*(slash == dir ? slash + 1 : slash) = '\0';
	memcpy(parent, dir, sizeof(parent));
	slash = strrchr(parent, '/');
	*(slash == parent ? slash + 1 : slash) = '\0';
	if (lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == peer.uid &&
	    strcmp(dir, "/") != 0 && lstat(parent, &pst) == 0 && S_ISDIR(pst.st_mode) &&
	    pst.st_uid == 0 && (pst.st_mode & (S_IWGRP | S_IWOTH)) == 0)
		return true;
refuse:
	fprintf(stderr,
		"jobq: warning: not using the agent at %s: it runs as uid %u, neither you, root "
		"nor the owner of a folder only root controls\n",
		path, (unsigned)peer.uid);
	return false;
}

/* Connect to the agent at path without blocking: a full listen queue (a busy or stopped
 * agent) is no agent. The socket, or -1 (nothing was sent). */
static int connect_agent(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd, err = 0;
	socklen_t len = sizeof(err);

	if (strlen(path) >= sizeof(sa.sun_path))
		return -1;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0)) < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0)
		return fd;
	if (errno == EINPROGRESS) {
		struct pollfd p = { .fd = fd, .events = POLLOUT };

		if (poll(&p, 1, 1000) == 1 &&
		    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0)
			return fd;
	}
	close(fd);
	return -1;
}

/* Ask the agent at path to run argv. The command's exit status when it ran it (its output
 * written here); -1 when it did not and nothing was done (no agent listens, it is not one
 * to trust, or it declined): the caller runs the command itself. */
static int via_agent(const char *path, int argc, char **argv)
{
	char head[48], *body = NULL, *req = NULL, **env = NULL;
	size_t total, len = 0, outlen, nenv = 0;
	int64_t sent;
	const void *part;
	int fd = -1, status = -1, hn;

	if (path[0] != '/') {
		fprintf(stderr,
			"jobq: warning: JOBQ_AGENT_SOCKET must be an absolute path, not "
			"'%s': not using it\n",
			path);
		return -1;
	}
	if ((env = agent_env(NULL, &nenv)) == NULL)
		return -1;
	hn = snprintf(head, sizeof(head), "%lld%c%d%c", (long long)(agent_now_ms() + START_WAIT_MS),
		      '\0', argc - 1, '\0');
	total = (size_t)hn;
	for (int i = 1; i < argc; i++)
		total += strlen(argv[i]) + 1;
	for (size_t i = 0; i < nenv; i++)
		total += strlen(env[i]) + 1;
	if (total > AGENT_MAX_REQUEST || argc - 1 > AGENT_MAX_ARGS ||
	    (size_t)(argc - 1) + nenv > AGENT_MAX_STRINGS || (req = malloc(total)) == NULL)
		goto out;
	/* A relative configuration file names another file in the agent's folder. */
	for (size_t i = 0; i < nenv; i++)
		if (strncmp(env[i], "JOBQ_CONFIG=", 12) == 0 && env[i][12] != '/' &&
		    env[i][12] != '\0')
			goto out;
	memcpy(req, head, (size_t)hn);
	len = (size_t)hn;
	for (int i = 1; i < argc; i++) {
		memcpy(req + len, argv[i], strlen(argv[i]) + 1);
		len += strlen(argv[i]) + 1;
	}
	for (size_t i = 0; i < nenv; i++) {
		memcpy(req + len, env[i], strlen(env[i]) + 1);
		len += strlen(env[i]) + 1;
	}
	if ((fd = connect_agent(path)) < 0 || !trusted(fd, path))
		goto out; /* no agent, or not one to trust: the full CLI runs it */
	part = req;
	sent = agent_now_ms();
	/* The agent acts only on a whole request: one it did not get all of did nothing. */
	if (agent_write_frame(fd, &part, &len, 1, sent + START_WAIT_MS) != 0)
		goto out;
	/* Until the agent says it starts the submit, nothing ran: a stopped, killed or busy
	 * agent leaves the submit to this process. */
	if (agent_read_frame(fd, AGENT_MAX_OUTPUT * 2 + 16, &body, &len,
			     sent + START_WAIT_MS + 1000) != 0 ||
	    len < 1 || body[0] == AGENT_DECLINED ||
	    (body[0] != AGENT_STARTED && (body[0] != AGENT_RAN || len < 6)))
		goto out;
	if (body[0] == AGENT_STARTED) {
		free(body);
		body = NULL;
		if (agent_read_frame(fd, AGENT_MAX_OUTPUT * 2 + 16, &body, &len,
				     agent_now_ms() + RUN_WAIT_MS) != 0 ||
		    len < 1 || (body[0] != AGENT_DECLINED && (body[0] != AGENT_RAN || len < 6))) {
			bool late = errno == ETIMEDOUT;

			fprintf(stderr,
				"jobq submit: the agent at %s %s while it ran the submit; the job "
				"may or may not have been saved: look for it (jobq list) before "
				"submitting it again\n",
				path,
				late ? "gave no answer for 2 minutes" : "ended the connection");
			status = EXIT_UNKNOWN;
			goto out;
		}
		/* The command itself declined (a file, stdin or a wait of the caller's),
		 * before it did anything. */
		if (body[0] == AGENT_DECLINED)
			goto out;
	}
	outlen = agent_get_be32(body + 2);
	if (outlen > len - 6)
		outlen = len - 6;
	put(STDOUT_FILENO, body + 6, outlen);
	put(STDERR_FILENO, body + 6 + outlen, len - 6 - outlen);
	status = (unsigned char)body[1];
out:
	agent_env_free(env);
	free(req);
	free(body);
	if (fd >= 0)
		close(fd);
	return status;
}

/* Run the full CLI in this process (jobq_libexec_find says where it looks). Returns only
 * on failure, with the places looked at in `looked`. */
static void run_cli(char **argv, char *looked, size_t size)
{
	if (jobq_libexec_find("jobq-cli", JOBQ_CLI_RELPATH, JOBQ_CLI_PATH, looked, size) == 0)
		execv(looked, argv);
}

int main(int argc, char **argv)
{
	const char *sock = getenv("JOBQ_AGENT_SOCKET");
	char looked[3 * PATH_MAX];
	int status;

	if (sock != NULL && *sock != '\0' && is_submit(argc, argv) &&
	    (status = via_agent(sock, argc, argv)) >= 0)
		return status;
	run_cli(argv, looked, sizeof(looked));
	fprintf(stderr, "jobq: cannot run the CLI (jobq-cli at %s): %s\n", looked, strerror(errno));
	return 127;
}
