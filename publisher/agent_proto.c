/* Framing of the front end <-> agent protocol over a non-blocking Unix stream socket, with
 * deadlines (contract in agent_proto.h). */
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "agent_proto.h"

uint32_t agent_get_be32(const void *p)
{
	const unsigned char *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

void agent_put_be32(void *p, uint32_t v)
{
	unsigned char *b = p;

	b[0] = (unsigned char)(v >> 24);
	b[1] = (unsigned char)(v >> 16);
	b[2] = (unsigned char)(v >> 8);
	b[3] = (unsigned char)v;
}

int agent_parse_header(const void *h, size_t max, size_t *len)
{
	if (memcmp(h, AGENT_MAGIC, 4) != 0) {
		errno = EPROTO;
		return -1;
	}
	*len = agent_get_be32((const unsigned char *)h + 4);
	if (*len > max) {
		errno = EMSGSIZE;
		return -1;
	}
	return 0;
}

int64_t agent_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait until fd is ready for events or the deadline passes. 0, or -1 with errno. */
static int wait_fd(int fd, short events, int64_t deadline_ms)
{
	for (;;) {
		struct pollfd p = { .fd = fd, .events = events };
		int64_t left = deadline_ms - agent_now_ms();
		int n;

		if (left <= 0) {
			errno = ETIMEDOUT;
			return -1;
		}
		n = poll(&p, 1, left > 1000 ? 1000 : (int)left);
		if (n > 0)
			return 0;
		if (n < 0 && errno != EINTR)
			return -1;
	}
}

int agent_write_all(int fd, const void *buf, size_t n, int64_t deadline_ms)
{
	const char *p = buf;

	while (n > 0) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);

		if (w > 0) {
			p += w;
			n -= (size_t)w;
		} else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			if (wait_fd(fd, POLLOUT, deadline_ms) != 0)
				return -1;
		} else if (w < 0 && errno != EINTR) {
			return -1;
		}
	}
	return 0;
}

/* Read exactly n bytes. 0; 1 on end of stream before any byte when at_start; -1 with errno
 * (EPROTO for an end of stream amid the bytes). */
static int read_all(int fd, char *p, size_t n, bool at_start, int64_t deadline_ms)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = recv(fd, p + got, n - got, 0);

		if (r > 0) {
			got += (size_t)r;
		} else if (r == 0) {
			if (at_start && got == 0)
				return 1;
			errno = EPROTO;
			return -1;
		} else if (errno == EAGAIN || errno == EWOULDBLOCK) {
			if (wait_fd(fd, POLLIN, deadline_ms) != 0)
				return -1;
		} else if (errno != EINTR) {
			return -1;
		}
	}
	return 0;
}

int agent_read_frame(int fd, size_t max, char **body, size_t *len, int64_t deadline_ms)
{
	unsigned char h[AGENT_HEADER_SIZE];
	size_t n;
	char *b;
	int r;

	*body = NULL;
	*len = 0;
	if ((r = read_all(fd, (char *)h, sizeof(h), true, deadline_ms)) != 0)
		return r;
	if (agent_parse_header(h, max, &n) != 0)
		return -1;
	if ((b = malloc((size_t)n + 1)) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	if (read_all(fd, b, n, false, deadline_ms) != 0) {
		int e = errno;

		free(b);
		errno = e;
		return -1;
	}
	b[n] = '\0';
	*body = b;
	*len = n;
	return 0;
}

int agent_write_frame(int fd, const void *const *parts, const size_t *lens, size_t nparts,
		      int64_t deadline_ms)
{
	unsigned char h[AGENT_HEADER_SIZE];
	size_t total = 0;

	for (size_t i = 0; i < nparts; i++)
		total += lens[i];
	if (total > UINT32_MAX) {
		errno = EMSGSIZE;
		return -1;
	}
	memcpy(h, AGENT_MAGIC, 4);
	agent_put_be32(h + 4, (uint32_t)total);
	if (agent_write_all(fd, h, sizeof(h), deadline_ms) != 0)
		return -1;
	for (size_t i = 0; i < nparts; i++)
		if (lens[i] > 0 && agent_write_all(fd, parts[i], lens[i], deadline_ms) != 0)
			return -1;
	return 0;
}

int agent_split_args(char *body, size_t len, char **argv, int max)
{
	int n = 0;

	if (len == 0 || body[len - 1] != '\0')
		return len == 0 ? 0 : -1;
	for (size_t i = 0; i < len; i += strlen(body + i) + 1) {
		if (n >= max)
			return -1;
		argv[n++] = body + i;
	}
	return n;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool decides(const char *e)
{
	return (strncmp(e, "JOBQ_", 5) == 0 && strncmp(e, "JOBQ_AGENT_SOCKET=", 18) != 0) ||
	       strncmp(e, "PG", 2) == 0;
}

char **agent_env(const char *config_path, size_t *n)
{
	extern char **environ;
	size_t cap = 1, k = 0;
	char **out;

	for (char **e = environ; *e != NULL; e++)
		cap += decides(*e);
	if ((out = calloc(cap + 1, sizeof(*out))) == NULL)
		return NULL;
	for (char **e = environ; *e != NULL; e++) {
		if (!decides(*e) || (config_path != NULL && strncmp(*e, "JOBQ_CONFIG=", 12) == 0))
			continue;
		if ((out[k] = strdup(*e)) == NULL)
			goto fail;
		k++;
	}
	if (config_path != NULL) {
		if ((out[k] = malloc(strlen(config_path) + 13)) == NULL)
			goto fail;
		memcpy(out[k], "JOBQ_CONFIG=", 12);
		memcpy(out[k] + 12, config_path, strlen(config_path) + 1);
		k++;
	}
	qsort(out, k, sizeof(*out), cmp_str);
	*n = k;
	return out;
fail:
	agent_env_free(out);
	return NULL;
}

void agent_env_free(char **env)
{
	if (env == NULL)
		return;
	for (char **e = env; *e != NULL; e++)
		free(*e);
	free(env);
}
