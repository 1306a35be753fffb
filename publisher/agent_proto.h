/* The wire format between the jobq front end and a local jobq agent (docs/agent.md): one
 * request and one reply per connection on a Unix stream socket, each a frame of a 4-byte
 * magic, a 4-byte big-endian body length and the body. Depends on libc only: the front end
 * links nothing else. */
#ifndef JOBQ_AGENT_PROTO_H
#define JOBQ_AGENT_PROTO_H

#include <stddef.h>
#include <stdint.h>

#define AGENT_MAGIC "JQA1"
#define AGENT_HEADER_SIZE 8
/* A request is the command line (argv[1..], each string NUL-terminated): a payload given
 * on it is already bounded by the kernel's 128 KiB per argument, so 4 MiB is room for any
 * command line the front end sends (it sends none larger). */
#define AGENT_MAX_REQUEST (4u << 20)
/* A reply carries what the command printed, cut at this size (a submit prints a line). */
#define AGENT_MAX_OUTPUT (1u << 20)
#define AGENT_MAX_ARGS 1024
/* A request's body: the deadline for starting it (CLOCK_MONOTONIC milliseconds, decimal:
 * the agent declines it after that, as the caller may have given up), argc, the argc
 * arguments after the program name, then the caller's agent_env entries; each string
 * NUL-terminated: at most AGENT_MAX_ARGS arguments, and AGENT_MAX_STRINGS strings. */
#define AGENT_MAX_STRINGS (AGENT_MAX_ARGS + 512)
/* The reply's first byte: the command ran (its exit status and output follow), or the
 * agent declined the request (the front end runs the command itself; nothing was done).
 * AGENT_STARTED is a frame of its own, that one byte, sent just before the agent runs the
 * command: its reply (AGENT_RAN) follows. A caller that saw no AGENT_STARTED knows that
 * nothing ran, whatever happened to the connection. */
enum {
	AGENT_RAN = 0,
	AGENT_DECLINED = 1,
	AGENT_STARTED = 2
};
/* At most this many bytes of requests are held at once (64 requests of up to 4 MiB could
 * be); a request that would pass it is declined. */
#define AGENT_MAX_BUFFERED (16u << 20)

/* The 4-byte big-endian number at p (a frame's length, a reply's stdout length). */
uint32_t agent_get_be32(const void *p);

/* Write v at p as 4 bytes, big-endian. */
void agent_put_be32(void *p, uint32_t v);

/* Check a frame's header (AGENT_HEADER_SIZE bytes at h) and put its body's length in
 * *len. 0, or -1 with errno EPROTO (not AGENT_MAGIC) or EMSGSIZE (a body over max). */
int agent_parse_header(const void *h, size_t max, size_t *len);

/* The CLOCK_MONOTONIC time in milliseconds. */
int64_t agent_now_ms(void);

/* Write all n bytes of buf to the non-blocking socket fd before deadline_ms (agent_now_ms
 * time). 0, or -1 with errno set (ETIMEDOUT past the deadline). */
int agent_write_all(int fd, const void *buf, size_t n, int64_t deadline_ms);

/* Read one frame from the non-blocking socket fd before deadline_ms: its body (malloc'd,
 * NUL-terminated past len, the caller frees it) in *body and its length in *len. 0; 1 when
 * the peer closed the connection before the first byte; -1 with errno set: ETIMEDOUT past
 * the deadline, EPROTO on a bad magic or a truncated frame, EMSGSIZE on a body over max,
 * ENOMEM, or the read's error. */
int agent_read_frame(int fd, size_t max, char **body, size_t *len, int64_t deadline_ms);

/* Send a frame whose body is the concatenation of parts[0..nparts) (lengths in lens) on fd
 * before deadline_ms. 0 or -1 with errno set, as agent_write_all. */
int agent_write_frame(int fd, const void *const *parts, const size_t *lens, size_t nparts,
		      int64_t deadline_ms);

/* The environment that decides what a submit does: the JOBQ_* variables (but
 * JOBQ_AGENT_SOCKET) and libpq's PG* ones, as "NAME=value" strings sorted, with
 * JOBQ_CONFIG=config_path in place of any JOBQ_CONFIG when config_path is not NULL (an
 * explicit file wins over the variable). An agent runs a caller's submit only when the
 * caller's equals its own. A malloc'd NULL-terminated array of malloc'd strings (free it
 * with agent_env_free), or NULL when out of memory; *n receives the count. */
char **agent_env(const char *config_path, size_t *n);

/* Free what agent_env returned. Accepts NULL. */
void agent_env_free(char **env);

/* Split a request body into argv (at most max strings, each ended by a NUL inside body;
 * the pointers point into body). The number of strings, or -1 when the body does not end
 * with a NUL or holds more than max strings. */
int agent_split_args(char *body, size_t len, char **argv, int max);

#endif
