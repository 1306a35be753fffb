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
/* The reply's first byte: the command ran (its exit status and output follow), or the
 * agent declined the request (the front end runs the command itself; nothing was done). */
enum {
	AGENT_RAN = 0,
	AGENT_DECLINED = 1
};

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

/* Split a request body into argv (at most max strings, each ended by a NUL inside body;
 * the pointers point into body). The number of strings, or -1 when the body does not end
 * with a NUL or holds more than max strings. */
int agent_split_args(char *body, size_t len, char **argv, int max);

#endif
