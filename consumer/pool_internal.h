/* The insides of the persistent handlers' pools, shared by pool.c (the pools, the pool
 * thread, dispatch, reloads, pool_run) and pool_child.c (one child: its start behind the
 * shim, its channel and output lines, its timers, its end). Private to those two files.
 * Every field here is guarded by pools.mu; the pool thread holds it except while it polls,
 * and every function below is called with it held. */
#ifndef JOBQ_CONSUMER_POOL_INTERNAL_H
#define JOBQ_CONSUMER_POOL_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <unistd.h>

#include "consumer.h"
#include "jobq/backoff.h"
#include "lines.h"
#include "pool.h"

/* A job on its way through a pool. It lives on the executor's stack (pool_run); the pool
 * thread lets go of it when it sets done. */
struct request {
	struct request *next;
	struct job_ctx *ctx;
	char *line; /* the job line */
	size_t len;
	struct child *child; /* NULL while pending */
	const char *stop;    /* the cancel's reason once the executor asks for a stop */
	bool lost;           /* the lease is lost (also after another stop): SIGKILL at once */
	bool cancel_sent;
	int64_t term_at; /* when the child gets SIGTERM if this job is still unanswered */
	bool done;
	struct handler_result res;
	int64_t retry_in_ms; /* the child's retry_in, -1: none */
};

enum child_state {
	C_STARTING,
	C_READY,
	C_CLOSING
};

struct child {
	struct child *next;
	struct pool *pool;
	enum child_state state;
	pid_t pid;      /* the shim's: the group's id */
	long long cpid; /* the command's own pid, from `ready` (0: not yet) */
	int pidfd, sock, out, err;
	_Atomic int64_t *fence;
	struct lines in, lo, le; /* channel, stdout, stderr */
	char *wbuf;              /* unsent bytes of the channel */
	size_t wlen, woff;
	int64_t started_ms, term_at, kill_at; /* term_at/kill_at 0: none */
	struct request *jobs;
	int njobs;
	int64_t served;
	bool retire;        /* take no more jobs; close once idle */
	bool dying;         /* killed, or past a cancel's grace: no new job; replaced at once */
	bool killed;        /* SIGKILL sent to its group */
	bool reaped;        /* waitpid took it: its group id is no longer ours to signal */
	bool stopped_by_us; /* its end was our doing (a stop, a retirement): no backoff */
	bool unknown_logged;
	int64_t log_milli;   /* log tokens left, in thousandths (POOL_LOG_RATE, _BURST) */
	int64_t log_ms;      /* when they were last refilled */
	int64_t log_dropped; /* lines dropped since the last count logged */
	int64_t log_told_ms; /* when a dropped count was last logged */
	char why[160];       /* a death we decided (protocol error, refusal, startup timeout) */
};

struct pool {
	struct pool *next;
	const struct jobq_handler_config *h;
	bool retiring; /* replaced or removed by a reload, or the worker stops */
	struct child *children;
	struct request *pending;
	struct jobq_backoff backoff;
	int64_t next_spawn_ms;
	int deaths; /* in a row, no job completed in between */
	bool broken;
	char why[JOBQ_ERR_MSG_MAX]; /* the last death or start failure (a jobq_err message at most) */
};

struct pools {
	struct consumer *c;
	pthread_mutex_t mu;
	pthread_t thread;
	int wake_fd;
	bool stopping;
	struct pool *list;
};

static inline void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* ---- pool.c: requests and health ------------------------------------------------------ */

/* Hand rq back to its executor with status st, result (ownership moves to the executor)
 * and, when fmt is not NULL, the error text: rq leaves its child's or the pool's list and
 * the executor may return from pool_run as soon as mu is free. */
void pool_complete(struct pool *p, struct request *rq, enum handler_status st, char *result,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Mark p broken (why: the last death or start failure) or healthy again; a change is
 * reported through consumer_handler_health and changes the respawn backoff's cap. */
void pool_set_broken(struct pools *ps, struct pool *p, bool broken, const char *why);

/* A job of p was answered: its handler works (deaths, backoff and broken reset). */
void pool_job_completed(struct pools *ps, struct pool *p);

/* ---- pool_child.c: one child ---------------------------------------------------------- */

/* Start a child of p behind jobq-exec-shim (shim_spawn: the channel on its fd 3, its
 * stdout and stderr on pipes, a fence page at INT64_MAX) and add it to p->children in
 * C_STARTING. Call from the pool thread (the shim's parent-death signal follows the
 * calling thread). Returns 0, or a negative JOBQ_E* with err naming the handler (the
 * shim's own error when it cannot be started). */
int child_spawn(struct pools *ps, struct pool *p, struct jobq_err *err) JOBQ_WUR;

/* Queue line (len bytes, a whole protocol line) on ch's channel; child_flush sends it. */
void child_send(struct child *ch, const char *line, size_t len);

/* Send what the channel can take now without blocking. */
void child_flush(struct child *ch);

/* Read what fd (ch's channel, stdout or stderr: stream "channel", "stdout", "stderr") has
 * into b and act on each whole line: protocol lines are handled, output lines logged.
 * Returns 1 when it read something, 0 when nothing is there now, -1 at end of file or on
 * an error: the caller closes fd. */
int child_read(struct pools *ps, struct child *ch, int fd, struct lines *b, const char *stream);

/* Kill ch's whole group (it is replaced); the first why given is kept for its death's
 * message. */
void child_kill(struct child *ch, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Send a `cancel` line for each job of ch whose executor asked for a stop, and start its
 * grace (a lost lease: SIGKILL at once). */
void child_stops(struct pool *p, struct child *ch, int64_t now);

/* ch's timers (startup_timeout, cancel grace, TERM and KILL, retirement once idle) and its
 * fence page. Returns when the next of them is due (INT64_MAX: none). */
int64_t child_timers(struct pools *ps, struct child *ch, int64_t now);

/* ch has exited (status from waitpid, reaped after its group was killed): log what it left
 * (bounded), count an unexpected death (maybe breaking the pool), finish its jobs (stopped;
 * released when we killed it for another job's stop or the fence; else retryable), free
 * it. */
void child_reap(struct pools *ps, struct child *ch, int status);

#endif
