/* jobq: the command's front end. A `jobq submit` goes to the local agent named by
 * $JOBQ_AGENT_SOCKET when one listens there: a warm process that already holds its
 * database and broker connections (docs/agent.md). Everything else, and a submit the agent
 * declines or that finds no agent, runs the full CLI (jobq-cli) in this same process by
 * exec. This file links libc only: loading libpq and librabbitmq alone costs a process
 * about 10 ms, which is the whole budget of a submit through the agent. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "agent_proto.h"

#ifndef JOBQ_CLI_PATH
#define JOBQ_CLI_PATH "/usr/local/libexec/jobq/jobq-cli"
#endif
#ifndef JOBQ_CLI_RELPATH
#define JOBQ_CLI_RELPATH "../libexec/jobq/jobq-cli"
#endif

/* How long the front end waits for the agent's answer: longer than any submit takes while
 * the servers answer (the broker's confirm wait is 10 s), short enough not to hang a
 * script forever on an agent that stopped. */
#define ANSWER_WAIT_MS 60000

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
 * user, as root, or as the owner of the socket's folder (an agent run as a service user in
 * a folder of its own, such as /run/jobq). Another user's process in a folder many can
 * write to (/tmp) may have created the socket first to receive the submits: refused, with
 * a warning line, and the submit runs here instead. */
static bool trusted(int fd, const char *path)
{
	struct ucred peer;
	socklen_t len = sizeof(peer);
	char dir[sizeof(((struct sockaddr_un *)0)->sun_path)];
	struct stat st;
	char *slash;

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &peer, &len) != 0)
		return false;
	if (peer.uid == geteuid() || peer.uid == 0)
		return true;
	snprintf(dir, sizeof(dir), "%s", path);
	if ((slash = strrchr(dir, '/')) == NULL)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	if (stat(dir, &st) == 0 && st.st_uid == peer.uid)
		return true;
	fprintf(stderr,
		"jobq: warning: not using the agent at %s: it runs as uid %u, neither you, root "
		"nor the owner of its folder\n",
		path, (unsigned)peer.uid);
	return false;
}

/* Ask the agent at path to run argv. The command's exit status when it ran it (its output
 * written here); -1 when it did not and nothing was done (no agent listens, or it
 * declined): the caller runs the command itself. */
static int via_agent(const char *path, int argc, char **argv)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	size_t total = 0, len = 0, outlen;
	const void *part;
	char *body = NULL, *req = NULL;
	int fd = -1, status = -1;

	for (int i = 1; i < argc; i++)
		total += strlen(argv[i]) + 1;
	if (total > AGENT_MAX_REQUEST || strlen(path) >= sizeof(sa.sun_path))
		return -1;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || !trusted(fd, path))
		goto out; /* no agent, or not one to trust: the full CLI runs it */
	if (fcntl(fd, F_SETFL, O_NONBLOCK) != 0 || (req = malloc(total ? total : 1)) == NULL)
		goto out;
	for (int i = 1; i < argc; i++) {
		size_t n = strlen(argv[i]) + 1;

		memcpy(req + len, argv[i], n);
		len += n;
	}
	part = req;
	/* The agent acts only on a whole request: one it did not get all of did nothing. */
	if (agent_write_frame(fd, &part, &len, 1, agent_now_ms() + ANSWER_WAIT_MS) != 0)
		goto out;
	if (agent_read_frame(fd, AGENT_MAX_OUTPUT * 2 + 16, &body, &len,
			     agent_now_ms() + ANSWER_WAIT_MS) != 0 ||
	    len < 6 || (body[0] != AGENT_RAN && body[0] != AGENT_DECLINED)) {
		fprintf(stderr,
			"jobq submit: the agent at %s ended the connection without answering; "
			"the job may have been saved (jobq list shows it)\n",
			path);
		status = 5;
		goto out;
	}
	if (body[0] == AGENT_DECLINED)
		goto out;
	outlen = (size_t)(unsigned char)body[2] << 24 | (size_t)(unsigned char)body[3] << 16 |
		 (size_t)(unsigned char)body[4] << 8 | (unsigned char)body[5];
	if (outlen > len - 6)
		outlen = len - 6;
	put(STDOUT_FILENO, body + 6, outlen);
	put(STDERR_FILENO, body + 6 + outlen, len - 6 - outlen);
	status = (unsigned char)body[1];
out:
	free(req);
	free(body);
	if (fd >= 0)
		close(fd);
	return status;
}

/* Run the full CLI in this process: jobq-cli beside this program (a build tree), else
 * where `cmake --install` puts it relative to this program (an install tree staged or
 * moved as a whole), else at its installed absolute path. Returns only on failure. */
static void run_cli(char **argv)
{
	static const char *const rel[] = { "jobq-cli", JOBQ_CLI_RELPATH };
	char self[PATH_MAX], path[2 * PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char *slash;

	if (n > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
				snprintf(path, sizeof(path), "%s/%s", self, rel[i]);
				if (access(path, X_OK) == 0)
					execv(path, argv);
			}
		}
	}
	execv(JOBQ_CLI_PATH, argv);
}

int main(int argc, char **argv)
{
	const char *sock = getenv("JOBQ_AGENT_SOCKET");
	int status;

	if (sock != NULL && *sock != '\0' && is_submit(argc, argv) &&
	    (status = via_agent(sock, argc, argv)) >= 0)
		return status;
	run_cli(argv);
	fprintf(stderr, "jobq: cannot run %s: %s\n", JOBQ_CLI_PATH, strerror(errno));
	return 127;
}
