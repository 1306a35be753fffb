/* The pools of persistent handlers: one thread polls every child's channel, stdout,
 * stderr and pidfd, routes answers to the executors waiting for them, sends cancels,
 * enforces startup_timeout and cancel_grace, and replaces children with backoff. One
 * mutex (pools.mu) guards every pool, child and request; the thread holds it except
 * while it polls. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "isolate.h"
#include "jobq/backoff.h"
#include "jobq/clock.h"
#include "jobq/log.h"
#include "pool.h"
#include "pool_spawn.h"
#include "wire.h"

/* The thread looks at its timers and the fence pages at least this often. */
#define POOL_TICK_MS 100
#define READ_CHUNK 65536

/* A job on its way through a pool. It lives on the executor's stack (pool_run); the pool
 * thread lets go of it when it sets done. */
struct request {
	struct request *next;
	struct job_ctx *ctx;
	char *line; /* the job line */
	size_t len;
	struct child *child; /* NULL while pending */
	const char *stop;    /* the cancel's reason once the executor asks for a stop */
	bool cancel_sent;
	int64_t term_at; /* when the child gets SIGTERM if this job is still unanswered */
	bool done;
	struct handler_result res;
	int64_t retry_in_ms; /* the child's retry_in, -1: none */
};

struct lbuf {
	char *data;
	size_t len, cap;
	bool skipping; /* the rest of a line that was too long */
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
	int pidfd, sock, out, err, fence_fd;
	_Atomic int64_t *fence;
	struct lbuf in, lo, le;
	char *wbuf; /* unsent bytes of the channel */
	size_t wlen, woff;
	int64_t started_ms, term_at, kill_at; /* term_at/kill_at 0: none */
	struct request *jobs;
	int njobs;
	int64_t served;
	bool retire;        /* take no more jobs; close once idle */
	bool stopped_by_us; /* its end was our doing (a stop, a retirement): no backoff */
	bool unknown_logged;
	char why[160]; /* a death we decided (protocol error, refusal, startup timeout) */
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
	char why[256];
};

struct pools {
	struct consumer *c;
	pthread_mutex_t mu;
	pthread_t thread;
	int wake_fd;
	bool stopping;
	struct pool *list;
};

static void wake(struct pools *ps)
{
	uint64_t one = 1;
	ssize_t n = write(ps->wake_fd, &one, sizeof(one));

	(void)n;
}

static void wake_exec(struct request *rq)
{
	uint64_t one = 1;
	ssize_t n = write(rq->ctx->exec->wake_fd, &one, sizeof(one));

	(void)n;
}

static int64_t grace_of(const struct pool *p)
{
	return p->h->cancel_grace_ms;
}

static int processes_of(const struct pools *ps, const struct pool *p)
{
	return p->h->processes > 0 ? p->h->processes : ps->c->cfg->concurrency;
}

static int slots_of(const struct pool *p)
{
	return p->h->jobs_per_process > 0 ? p->h->jobs_per_process : 1;
}

static int64_t startup_of(const struct pool *p)
{
	return p->h->startup_timeout_ms > 0 ? p->h->startup_timeout_ms
					    : JOBQ_POOL_STARTUP_TIMEOUT_MS;
}

/* ---- requests ---------------------------------------------------------------------- */

static void unlink_req(struct request **list, struct request *rq)
{
	for (struct request **pp = list; *pp != NULL; pp = &(*pp)->next)
		if (*pp == rq) {
			*pp = rq->next;
			return;
		}
}

/* Hand rq back to its executor (which may return from pool_run as soon as mu is free). */
static void complete(struct pool *p, struct request *rq, enum handler_status st, char *result,
		     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void complete(struct pool *p, struct request *rq, enum handler_status st, char *result,
		     const char *fmt, ...)
{
	va_list ap;

	if (rq->child != NULL) {
		unlink_req(&rq->child->jobs, rq);
		rq->child->njobs--;
	} else {
		unlink_req(&p->pending, rq);
	}
	rq->res.status = st;
	rq->res.result = result;
	if (fmt != NULL) {
		va_start(ap, fmt);
		if (vasprintf(&rq->res.error, fmt, ap) < 0)
			rq->res.error = NULL;
		va_end(ap);
	}
	rq->done = true;
	wake_exec(rq);
}

/* ---- health ------------------------------------------------------------------------ */

static void set_broken(struct pools *ps, struct pool *p, bool broken, const char *why)
{
	if (p->broken == broken)
		return;
	p->broken = broken;
	snprintf(p->why, sizeof(p->why), "%s", why);
	/* Broken: replacements back off further (a reset is the next completed job). */
	jobq_backoff_init(&p->backoff, POOL_RESPAWN_MIN_MS,
			  broken ? POOL_BROKEN_RESPAWN_MAX_MS : POOL_RESPAWN_MAX_MS,
			  p->backoff.seed);
	consumer_handler_health(ps->c, p->h->type, broken, broken ? why : NULL);
}

/* A job was answered: the handler works. */
static void job_completed(struct pools *ps, struct pool *p)
{
	p->deaths = 0;
	jobq_backoff_reset(&p->backoff);
	set_broken(ps, p, false, "");
}

/* ---- the channel ------------------------------------------------------------------- */

static void send_line(struct child *ch, const char *line, size_t len)
{
	char *nb;

	if (ch->sock < 0)
		return;
	if (ch->woff > 0 && ch->woff == ch->wlen)
		ch->wlen = ch->woff = 0;
	if ((nb = realloc(ch->wbuf, ch->wlen + len)) == NULL) {
		snprintf(ch->why, sizeof(ch->why), "out of memory for its channel");
		kill(-ch->pid, SIGKILL);
		return;
	}
	ch->wbuf = nb;
	memcpy(ch->wbuf + ch->wlen, line, len);
	ch->wlen += len;
}

static void flush(struct child *ch)
{
	while (ch->sock >= 0 && ch->woff < ch->wlen) {
		ssize_t n = send(ch->sock, ch->wbuf + ch->woff, ch->wlen - ch->woff,
				 MSG_NOSIGNAL | MSG_DONTWAIT);

		if (n > 0) {
			ch->woff += (size_t)n;
			continue;
		}
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return;
		/* The child closed its end: it is on its way out (its pidfd tells). */
		ch->woff = ch->wlen;
		return;
	}
	ch->wlen = ch->woff = 0;
}

/* The cancel reason a stop flag stands for. */
static const char *reason_of(struct execution *e)
{
	if (atomic_load(&e->lost))
		return "lost";
	if (atomic_load(&e->cancel))
		return "cancel";
	if (atomic_load(&e->timed_out))
		return "timeout";
	return "shutdown";
}

static struct request *find_job(struct child *ch, const char *id)
{
	for (struct request *rq = ch->jobs; rq != NULL; rq = rq->next)
		if (id != NULL && strcmp(rq->ctx->job_id, id) == 0)
			return rq;
	return NULL;
}

/* A protocol error or a refusal: the child is killed and replaced. */
static void kill_child(struct child *ch, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void kill_child(struct child *ch, const char *fmt, ...)
{
	va_list ap;

	if (ch->why[0] == '\0') {
		va_start(ap, fmt);
		vsnprintf(ch->why, sizeof(ch->why), fmt, ap);
		va_end(ap);
	}
	kill(-ch->pid, SIGKILL);
}

static void on_ready(struct pools *ps, struct child *ch, struct wire_msg *m)
{
	char pid[24], types[256] = "";

	if (ch->state != C_STARTING)
		return; /* a second ready changes nothing */
	for (int i = 0; i < m->ntypes; i++)
		snprintf(types + strlen(types), sizeof(types) - strlen(types), "%s%s", i ? "," : "",
			 m->types[i]);
	if (m->protocol != WIRE_PROTOCOL) {
		kill_child(ch, "child speaks protocol %d, not %d", m->protocol, WIRE_PROTOCOL);
		return;
	}
	if (!wire_serves(m, ch->pool->h->type)) {
		kill_child(ch, "child serves [%s], not %s", types, ch->pool->h->type);
		return;
	}
	ch->state = C_READY;
	ch->cpid = m->pid;
	jobq_info("handler_ready", "worker", ps->c->worker_id, "handler", ch->pool->h->type, "pid",
		  jobq_log_int(pid, m->pid > 0 ? m->pid : ch->pid), "types", types);
}

static void on_answer(struct pools *ps, struct child *ch, struct wire_msg *m)
{
	struct pool *p = ch->pool;
	struct request *rq = find_job(ch, m->id);
	char pid[24];

	if (rq == NULL) {
		jobq_warn("handler_answer_ignored", "worker", ps->c->worker_id, "handler",
			  p->h->type, "pid", jobq_log_int(pid, ch->cpid ? ch->cpid : ch->pid),
			  "job", m->id, "reason", "no such job runs on this child");
		return;
	}
	job_completed(ps, p);
	if (m->op == WIRE_RESULT) {
		complete(p, rq, HANDLER_OK, m->json, NULL);
		m->json = NULL;
		return;
	}
	if (rq->cancel_sent) {
		complete(p, rq, HANDLER_STOPPED, NULL, NULL);
		return;
	}
	rq->retry_in_ms = m->retry_in_ms;
	complete(p, rq, m->permanent ? HANDLER_PERMANENT : HANDLER_RETRY, NULL, "%s",
		 m->error != NULL ? m->error : "handler gave no error text");
}

/* One line from the channel. */
static void on_line(struct pools *ps, struct child *ch, const char *line, size_t len)
{
	struct wire_msg m;
	struct jobq_err err = { 0 };
	struct request *rq;
	const char *type = ch->pool->h->type;
	char pid[24];

	if (wire_parse(line, len, WIRE_CHILD, &m, &err) != 0) {
		kill_child(ch, "protocol error: %s", err.msg);
		return;
	}
	jobq_log_int(pid, ch->cpid ? ch->cpid : ch->pid);
	if (m.warning != NULL)
		jobq_warn("handler_protocol_warning", "worker", ps->c->worker_id, "handler", type,
			  "pid", pid, "job", m.id, "warning", m.warning);
	if (ch->state == C_STARTING && m.op != WIRE_READY && m.op != WIRE_LOG &&
	    m.op != WIRE_UNKNOWN) {
		kill_child(ch, "protocol error: op '%s' before 'ready'", m.op_name);
		wire_msg_free(&m);
		return;
	}
	switch (m.op) {
	case WIRE_READY:
		on_ready(ps, ch, &m);
		break;
	case WIRE_RESULT:
	case WIRE_ERROR:
		on_answer(ps, ch, &m);
		break;
	case WIRE_PROGRESS:
		if ((rq = find_job(ch, m.id)) != NULL && m.json != NULL &&
		    job_progress(rq->ctx, m.json) != 0)
			jobq_warn("handler_protocol_warning", "worker", ps->c->worker_id, "handler",
				  type, "pid", pid, "job", m.id, "warning", "progress dropped");
		break;
	case WIRE_LOG:
		jobq_log(m.level[0] == 'd'   ? JOBQ_LOG_DEBUG
			 : m.level[0] == 'w' ? JOBQ_LOG_WARN
			 : m.level[0] == 'e' ? JOBQ_LOG_ERROR
					     : JOBQ_LOG_INFO,
			 "handler_log", "worker", ps->c->worker_id, "handler", type, "pid", pid,
			 "job", m.id, "msg", m.msg, (const char *)NULL);
		break;
	case WIRE_RETRY_IN:
	case WIRE_UNKNOWN:
		if (!ch->unknown_logged)
			jobq_warn("handler_unknown_op", "worker", ps->c->worker_id, "handler", type,
				  "pid", pid, "op", m.op_name);
		ch->unknown_logged = true;
		break;
	}
	wire_msg_free(&m);
}

/* A stdout or stderr line: the worker's log, with the job when exactly one runs. */
static void on_output(struct pools *ps, struct child *ch, const char *stream, const char *line,
		      bool cut)
{
	char pid[24];

	const char *job = ch->njobs == 1 ? ch->jobs->ctx->job_id : NULL;

	jobq_log_int(pid, ch->cpid ? ch->cpid : ch->pid);
	/* Only the fields that have a value (a NULL one would print as an empty one): a NULL
	 * key ends the list. */
	if (job != NULL)
		jobq_info("handler_output", "worker", ps->c->worker_id, "handler",
			  ch->pool->h->type, "pid", pid, "stream", stream, "job", job, "line", line,
			  cut ? "cut" : NULL, "true");
	else
		jobq_info("handler_output", "worker", ps->c->worker_id, "handler",
			  ch->pool->h->type, "pid", pid, "stream", stream, "line", line,
			  cut ? "cut" : NULL, "true");
}

static bool lbuf_add(struct lbuf *b, const char *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		char *nd;

		while (cap < b->len + n + 1)
			cap *= 2;
		if ((nd = realloc(b->data, cap)) == NULL)
			return false;
		b->data = nd;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

/* Read what fd has (stream "channel", "stdout" or "stderr") and act on each whole line.
 * Returns 1 when it read something, 0 when nothing is there now, -1 at end of file or on
 * an error: the caller closes fd. */
static int read_lines(struct pools *ps, struct child *ch, int fd, struct lbuf *b,
		      const char *stream)
{
	bool channel = stream[0] == 'c';
	size_t max = channel ? WIRE_LINE_MAX : POOL_OUTPUT_LINE_MAX;
	char chunk[READ_CHUNK];
	ssize_t n = read(fd, chunk, sizeof(chunk));
	const char *p = chunk, *end, *nl;

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	if (n <= 0) {
		if (!channel && b->len > 0)
			on_output(ps, ch, stream, b->data, false);
		b->len = 0;
		return -1;
	}
	end = chunk + n;
	while (p < end) {
		size_t seg;

		nl = memchr(p, '\n', (size_t)(end - p));
		seg = (size_t)((nl != NULL ? nl : end) - p);
		if (!b->skipping && b->len + seg > max) {
			if (channel) {
				kill_child(ch, "protocol error: a line longer than %zu bytes", max);
				b->len = 0;
				b->skipping = true;
				return 1;
			}
			(void)lbuf_add(b, p, max - b->len);
			on_output(ps, ch, stream, b->data, true);
			b->len = 0;
			b->skipping = true;
		} else if (!b->skipping && !lbuf_add(b, p, seg)) {
			b->len = 0;
			b->skipping = true;
		}
		if (nl == NULL)
			break;
		if (!b->skipping) {
			if (channel)
				on_line(ps, ch, b->data != NULL ? b->data : "", b->len);
			else
				on_output(ps, ch, stream, b->data != NULL ? b->data : "", false);
		}
		b->len = 0;
		b->skipping = false;
		p = nl + 1;
	}
	return 1;
}

/* ---- children ---------------------------------------------------------------------- */

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static int spawn_child(struct pools *ps, struct pool *p, struct jobq_err *err)
{
	const struct jobq_handler_config *h = p->h;
	char *extra[] = { "JOBQ_PROTOCOL_FD=3", "JOBQ_PROTOCOL=1", NULL };
	int sv[2] = { -1, -1 }, po[2] = { -1, -1 }, pe[2] = { -1, -1 };
	struct isolate_creds creds;
	struct child *ch = calloc(1, sizeof(*ch));
	char **env = NULL, pid[24];
	void *map = MAP_FAILED;
	int r;

	if (ch == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	ch->pool = p;
	ch->pidfd = ch->sock = ch->out = ch->err = ch->fence_fd = -1;
	if ((r = isolate_creds_resolve(h, &creds, err)) != 0)
		goto out;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0 ||
	    pipe2(po, O_CLOEXEC) != 0 || pipe2(pe, O_CLOEXEC) != 0 ||
	    (ch->fence_fd = memfd_create("jobq-fence", MFD_CLOEXEC)) < 0 ||
	    ftruncate(ch->fence_fd, sizeof(*ch->fence)) != 0 ||
	    (map = mmap(NULL, sizeof(*ch->fence), PROT_READ | PROT_WRITE, MAP_SHARED, ch->fence_fd,
			0)) == MAP_FAILED) {
		r = jobq_err_set(err, JOBQ_ESYS, "handler %s: channel, pipes or fence page: %s",
				 h->type, strerror(errno));
		goto out;
	}
	ch->fence = map;
	atomic_store(ch->fence, INT64_MAX);
	if ((env = isolate_child_env(h, &creds, extra)) == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
		goto out;
	}
	{
		struct pool_spawn_spec s = { .self_exe = ps->c->self_exe,
					     .type = h->type,
					     .argv = h->argv,
					     .env = env,
					     .creds = &creds,
					     .fd_out = po[1],
					     .fd_err = pe[1],
					     .fd_ctl = sv[1],
					     .fence_fd = ch->fence_fd };

		if ((r = pool_spawn(&s, &ch->pid, err)) != 0)
			goto out;
	}
	ch->sock = sv[0];
	ch->out = po[0];
	ch->err = pe[0];
	sv[0] = po[0] = pe[0] = -1;
	fcntl(ch->sock, F_SETFL, O_NONBLOCK);
	fcntl(ch->out, F_SETFL, O_NONBLOCK);
	fcntl(ch->err, F_SETFL, O_NONBLOCK);
	ch->pidfd = (int)syscall(SYS_pidfd_open, ch->pid, 0);
	ch->started_ms = jobq_monotonic_ms();
	ch->state = C_STARTING;
	ch->next = p->children;
	p->children = ch;
	jobq_debug("handler_started", "worker", ps->c->worker_id, "handler", h->type, "shim",
		   jobq_log_int(pid, ch->pid));
	ch = NULL;
out:
	for (int i = 0; i < 2; i++) {
		close_fd(&sv[i]);
		close_fd(&po[i]);
		close_fd(&pe[i]);
	}
	for (char **e = env; e != NULL && *e != NULL; e++)
		free(*e);
	free(env);
	if (ch != NULL) {
		if (map != MAP_FAILED)
			munmap(map, sizeof(*ch->fence));
		close_fd(&ch->fence_fd);
		free(ch);
	}
	return r;
}

static const char *signame(int sig)
{
	static const struct {
		int sig;
		const char *name;
	} names[] = { { SIGKILL, "SIGKILL" }, { SIGTERM, "SIGTERM" }, { SIGSEGV, "SIGSEGV" },
		      { SIGABRT, "SIGABRT" }, { SIGINT, "SIGINT" },   { SIGHUP, "SIGHUP" },
		      { SIGBUS, "SIGBUS" },   { SIGFPE, "SIGFPE" },   { SIGILL, "SIGILL" },
		      { SIGPIPE, "SIGPIPE" }, { SIGQUIT, "SIGQUIT" } };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].sig == sig)
			return names[i].name;
	return "?";
}

/* The child has exited (status from waitpid): finish its jobs, count the death, free it. */
static void reap(struct pools *ps, struct child *ch, int status)
{
	struct pool *p = ch->pool;
	long long pid = ch->cpid ? ch->cpid : ch->pid;
	bool before_ready = ch->state == C_STARTING && !ch->stopped_by_us;
	bool unexpected = !ch->stopped_by_us && ch->state != C_CLOSING;
	char how[256], n[24];

	kill(-ch->pid, SIGKILL); /* whatever it left in its group goes with it */
	/* What the child wrote before it died is logged before its death. */
	while (ch->sock >= 0 && read_lines(ps, ch, ch->sock, &ch->in, "channel") > 0)
		;
	while (ch->out >= 0 && read_lines(ps, ch, ch->out, &ch->lo, "stdout") > 0)
		;
	while (ch->err >= 0 && read_lines(ps, ch, ch->err, &ch->le, "stderr") > 0)
		;
	if (WIFSIGNALED(status))
		snprintf(how, sizeof(how), "handler process %lld killed by signal %d (%s)", pid,
			 WTERMSIG(status), signame(WTERMSIG(status)));
	else
		snprintf(how, sizeof(how), "handler process %lld exited with status %d", pid,
			 WEXITSTATUS(status));
	if (ch->why[0] != '\0')
		snprintf(how + strlen(how), sizeof(how) - strlen(how), ": %s", ch->why);
	if (unexpected) {
		p->deaths++;
		p->next_spawn_ms = jobq_monotonic_ms() + jobq_backoff_next(&p->backoff);
		if (before_ready)
			set_broken(ps, p, true, how);
		else if (p->deaths >= POOL_BROKEN_DEATHS)
			set_broken(ps, p, true, how);
		jobq_warn("handler_died", "worker", ps->c->worker_id, "handler", p->h->type,
			  "error", how, "jobs", jobq_log_int(n, ch->njobs));
	} else {
		jobq_debug("handler_stopped", "worker", ps->c->worker_id, "handler", p->h->type,
			   "status", how);
	}
	while (ch->jobs != NULL) {
		struct request *rq = ch->jobs;

		if (rq->cancel_sent)
			complete(p, rq, HANDLER_STOPPED, NULL, NULL);
		else if (p->broken && unexpected)
			complete(p, rq, HANDLER_RELEASE, NULL, "handler %s is broken: %s",
				 p->h->type, p->why);
		else
			complete(p, rq, HANDLER_RETRY, NULL, "%s", how);
	}
	for (struct child **pp = &p->children; *pp != NULL; pp = &(*pp)->next)
		if (*pp == ch) {
			*pp = ch->next;
			break;
		}
	close_fd(&ch->pidfd);
	close_fd(&ch->sock);
	close_fd(&ch->out);
	close_fd(&ch->err);
	munmap((void *)ch->fence, sizeof(*ch->fence));
	close_fd(&ch->fence_fd);
	free(ch->in.data);
	free(ch->lo.data);
	free(ch->le.data);
	free(ch->wbuf);
	free(ch);
}

/* Close the channel of an idle child that must go: it should exit; SIGTERM after the
 * grace, SIGKILL after another. */
static void retire(struct child *ch, int64_t now, bool hard)
{
	int64_t grace = hard ? 0 : grace_of(ch->pool);

	if (ch->state == C_CLOSING)
		return;
	ch->state = C_CLOSING;
	ch->stopped_by_us = true;
	close_fd(&ch->sock);
	ch->term_at = now + grace;
	ch->kill_at = now + 2 * grace;
	if (hard)
		kill(-ch->pid, SIGKILL);
}

/* ---- the pool thread's turn -------------------------------------------------------- */

static int live_children(const struct pool *p)
{
	int n = 0;

	for (const struct child *ch = p->children; ch != NULL; ch = ch->next)
		n += ch->state != C_CLOSING && !ch->retire;
	return n;
}

static struct child *free_child(struct pool *p)
{
	struct child *best = NULL;

	for (struct child *ch = p->children; ch != NULL; ch = ch->next)
		if (ch->state == C_READY && !ch->retire && ch->njobs < slots_of(p) &&
		    (best == NULL || ch->njobs < best->njobs))
			best = ch;
	return best;
}

static bool busy(const struct pool *p)
{
	for (const struct child *ch = p->children; ch != NULL; ch = ch->next)
		if (ch->njobs > 0)
			return true;
	return false;
}

/* Pending jobs: stopped ones end, the others go to a child with a free slot; a broken
 * handler's are given back, but for one at a time that a ready child tries. */
static void dispatch(struct pools *ps, struct pool *p)
{
	struct request *rq = p->pending, *next;
	struct child *ch;

	for (; rq != NULL; rq = next) {
		next = rq->next;
		if (rq->stop != NULL) {
			complete(p, rq, HANDLER_STOPPED, NULL, NULL);
			continue;
		}
		ch = free_child(p);
		if (p->broken && (ch == NULL || busy(p))) {
			complete(p, rq, HANDLER_RELEASE, NULL, "handler %s is broken: %s",
				 p->h->type, p->why);
			continue;
		}
		if (ch == NULL || p->retiring)
			continue; /* waits for a child (a retiring pool has none to give) */
		unlink_req(&p->pending, rq);
		rq->child = ch;
		rq->next = ch->jobs;
		ch->jobs = rq;
		ch->njobs++;
		ch->served++;
		if (p->h->max_jobs > 0 && ch->served >= p->h->max_jobs)
			ch->retire = true;
		send_line(ch, rq->line, rq->len);
	}
	(void)ps;
}

/* Stops the executors asked for: a cancel line, then the grace. */
static void stops(struct pool *p, struct child *ch, int64_t now)
{
	for (struct request *rq = ch->jobs; rq != NULL; rq = rq->next) {
		char *line;
		size_t len;

		if (rq->stop == NULL || rq->cancel_sent)
			continue;
		rq->cancel_sent = true;
		rq->term_at = now + grace_of(p);
		if ((line = wire_encode_cancel(rq->ctx->job_id, rq->stop, &len)) != NULL)
			send_line(ch, line, len);
		free(line);
		if (strcmp(rq->stop, "lost") == 0) {
			/* The next owner must find this attempt dead: no grace. */
			ch->stopped_by_us = true;
			kill(-ch->pid, SIGKILL);
		}
	}
}

/* Timers of one child; returns the next one that matters (or INT64_MAX). */
static int64_t timers(struct pools *ps, struct child *ch, int64_t now)
{
	struct pool *p = ch->pool;
	int64_t next = INT64_MAX, grace = grace_of(p), fence = INT64_MAX;

	if (ch->state == C_STARTING) {
		if (now - ch->started_ms >= startup_of(p))
			kill_child(ch, "no 'ready' within startup_timeout (%lld ms)",
				   (long long)startup_of(p));
		else
			next = ch->started_ms + startup_of(p);
	}
	for (struct request *rq = ch->jobs; rq != NULL; rq = rq->next) {
		if (rq->cancel_sent && ch->term_at == 0 && now >= rq->term_at) {
			/* No answer to the cancel within the grace. */
			ch->stopped_by_us = true;
			ch->term_at = now;
			ch->kill_at = now + grace;
		} else if (rq->cancel_sent && ch->term_at == 0 && rq->term_at < next) {
			next = rq->term_at;
		}
		pthread_mutex_lock(&ps->c->exec_mu);
		if (rq->ctx->exec->fence_at_ms < fence)
			fence = rq->ctx->exec->fence_at_ms;
		pthread_mutex_unlock(&ps->c->exec_mu);
	}
	atomic_store(ch->fence, fence);
	if ((ch->retire || p->retiring || ps->stopping) && ch->njobs == 0)
		retire(ch, now, consumer_hard_stop(ps->c));
	if (ch->term_at != 0 && now >= ch->term_at && ch->term_at != INT64_MAX) {
		kill(-ch->pid, SIGTERM);
		ch->term_at = INT64_MAX;
	}
	if (ch->kill_at != 0 && now >= ch->kill_at) {
		kill(-ch->pid, SIGKILL);
		ch->kill_at = INT64_MAX;
	}
	if (ch->term_at != 0 && ch->term_at < next)
		next = ch->term_at;
	if (ch->kill_at != 0 && ch->kill_at < next)
		next = ch->kill_at;
	return next;
}

/* One pool: jobs out, children in, timers. Returns its next timer. */
static int64_t tend(struct pools *ps, struct pool *p, int64_t now)
{
	int64_t next = INT64_MAX, t;
	struct jobq_err err = { 0 };

	for (struct child *ch = p->children; ch != NULL; ch = ch->next)
		stops(p, ch, now);
	dispatch(ps, p);
	while (!p->retiring && !ps->stopping && live_children(p) < processes_of(ps, p) &&
	       now >= p->next_spawn_ms) {
		if (spawn_child(ps, p, &err) != 0) {
			jobq_error("handler_start_failed", "worker", ps->c->worker_id, "handler",
				   p->h->type, "error", err.msg);
			p->next_spawn_ms = now + jobq_backoff_next(&p->backoff);
			set_broken(ps, p, true, err.msg);
			dispatch(ps, p); /* give back what waits */
			break;
		}
	}
	if (!p->retiring && live_children(p) < processes_of(ps, p) && p->next_spawn_ms > now)
		next = p->next_spawn_ms;
	for (struct child *ch = p->children; ch != NULL; ch = ch->next) {
		if ((t = timers(ps, ch, now)) < next)
			next = t;
		flush(ch);
	}
	return next;
}

struct watch {
	struct child *ch;
	int *fd;
	const char *stream; /* NULL: the pidfd */
};

static void *pool_thread(void *arg)
{
	struct pools *ps = arg;
	struct pollfd *fds = NULL;
	struct watch *w = NULL;
	size_t cap = 0;

	pthread_mutex_lock(&ps->mu);
	for (;;) {
		int64_t now = jobq_monotonic_ms(), next = now + POOL_TICK_MS, t;
		size_t n = 1, need = 1;
		bool any = false;

		for (struct pool **pp = &ps->list; *pp != NULL;) {
			struct pool *p = *pp;

			if (ps->stopping)
				p->retiring = true;
			if ((t = tend(ps, p, now)) < next)
				next = t;
			if (p->retiring && p->children == NULL && p->pending == NULL) {
				*pp = p->next;
				free(p);
				continue;
			}
			for (struct child *ch = p->children; ch != NULL; ch = ch->next)
				need += 4;
			any = true;
			pp = &p->next;
		}
		if (ps->stopping && !any)
			break;
		if (need > cap) {
			free(fds);
			free(w);
			cap = need * 2;
			fds = calloc(cap, sizeof(*fds));
			w = calloc(cap, sizeof(*w));
			if (fds == NULL || w == NULL) {
				cap = 0;
				pthread_mutex_unlock(&ps->mu);
				usleep(POOL_TICK_MS * 1000);
				pthread_mutex_lock(&ps->mu);
				continue;
			}
		}
		fds[0] = (struct pollfd){ .fd = ps->wake_fd, .events = POLLIN };
		for (struct pool *p = ps->list; p != NULL; p = p->next)
			for (struct child *ch = p->children; ch != NULL; ch = ch->next) {
				/* Output first: a line the child wrote before its answer is
				 * logged with the job it belongs to. */
				struct watch ws[] = { { ch, &ch->out, "stdout" },
						      { ch, &ch->err, "stderr" },
						      { ch, &ch->sock, "channel" },
						      { ch, &ch->pidfd, NULL } };

				for (size_t i = 0; i < 4; i++) {
					if (*ws[i].fd < 0)
						continue;
					w[n] = ws[i];
					fds[n] = (struct pollfd){
						.fd = *ws[i].fd,
						.events = (short)(POLLIN |
								  (i == 2 && ch->wlen > ch->woff
									   ? POLLOUT
									   : 0)),
					};
					n++;
				}
			}
		pthread_mutex_unlock(&ps->mu);
		now = jobq_monotonic_ms();
		if (poll(fds, (nfds_t)n, next <= now ? 0 : (int)(next - now)) < 0 && errno != EINTR)
			usleep(10000);
		pthread_mutex_lock(&ps->mu);
		if (fds[0].revents) {
			uint64_t v;
			ssize_t r = read(ps->wake_fd, &v, sizeof(v));

			(void)r;
		}
		/* Children are freed only here (reap), after every other event of this turn: a
		 * watch never points at a freed child. */
		for (size_t i = 1; i < n; i++) {
			struct child *ch = w[i].ch;

			if (fds[i].revents == 0 || w[i].stream == NULL || *w[i].fd != fds[i].fd)
				continue;
			if (fds[i].revents & POLLOUT)
				flush(ch);
			if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) &&
			    read_lines(ps, ch, *w[i].fd,
				       w[i].stream[0] == 'c'   ? &ch->in
				       : w[i].stream[3] == 'o' ? &ch->lo
							       : &ch->le,
				       w[i].stream) < 0)
				close_fd(w[i].fd);
		}
		for (size_t i = 1; i < n; i++) {
			int status;

			if (fds[i].revents == 0 || w[i].stream != NULL)
				continue;
			if (waitpid(w[i].ch->pid, &status, WNOHANG) == w[i].ch->pid)
				reap(ps, w[i].ch, status);
		}
		/* Children without a pidfd, and an EOF on a channel (the child's way out). */
		for (struct pool *p = ps->list; p != NULL; p = p->next)
			for (struct child *ch = p->children, *nx; ch != NULL; ch = nx) {
				int status;

				nx = ch->next;
				if (ch->sock < 0 && ch->state != C_CLOSING && ch->why[0] == '\0')
					kill_child(ch, "it closed the protocol channel");
				if (ch->pidfd < 0 && waitpid(ch->pid, &status, WNOHANG) == ch->pid)
					reap(ps, ch, status);
			}
	}
	pthread_mutex_unlock(&ps->mu);
	free(fds);
	free(w);
	return NULL;
}

/* ---- pools and reloads ------------------------------------------------------------- */

static struct pool *new_pool(struct pools *ps, const struct jobq_handler_config *h)
{
	struct pool *p = calloc(1, sizeof(*p));

	if (p == NULL)
		return NULL;
	p->h = h;
	jobq_backoff_init(&p->backoff, POOL_RESPAWN_MIN_MS, POOL_RESPAWN_MAX_MS,
			  (unsigned)time(NULL) ^ (unsigned)(uintptr_t)p);
	p->next = ps->list;
	ps->list = p;
	return p;
}

static struct pool *active_pool(struct pools *ps, const char *type)
{
	for (struct pool *p = ps->list; p != NULL; p = p->next)
		if (!p->retiring && strcmp(p->h->type, type) == 0)
			return p;
	return NULL;
}

static bool same_strv(char *const *a, char *const *b)
{
	size_t i = 0;

	for (; a != NULL && b != NULL && a[i] != NULL && b[i] != NULL; i++)
		if (strcmp(a[i], b[i]) != 0)
			return false;
	return (a == NULL || a[i] == NULL) && (b == NULL || b[i] == NULL);
}

static bool same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Whether a pool of a can serve h without new children. */
static bool same_children(const struct jobq_handler_config *a, const struct jobq_handler_config *b)
{
	return same_strv(a->argv, b->argv) && same_strv(a->env, b->env) &&
	       same_str(a->user, b->user) && same_str(a->group, b->group) &&
	       a->processes == b->processes && a->jobs_per_process == b->jobs_per_process &&
	       a->max_jobs == b->max_jobs && a->startup_timeout_ms == b->startup_timeout_ms;
}

int pools_start(struct consumer *c, struct jobq_err *err)
{
	struct pools *ps = calloc(1, sizeof(*ps));
	const struct jobq_config *cfg = c->cfg;

	if (ps == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	ps->c = c;
	pthread_mutex_init(&ps->mu, NULL);
	if ((ps->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) < 0) {
		free(ps);
		return jobq_err_set(err, JOBQ_ESYS, "eventfd: %s", strerror(errno));
	}
	for (int i = 0; i < cfg->nhandlers; i++)
		if (cfg->handlers[i].persistent && new_pool(ps, &cfg->handlers[i]) == NULL)
			return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	if ((errno = pthread_create(&ps->thread, NULL, pool_thread, ps)) != 0)
		return jobq_err_set(err, JOBQ_ESYS, "pool thread: %s", strerror(errno));
	c->pools = ps;
	return 0;
}

void pools_reload(struct consumer *c)
{
	struct pools *ps = c->pools;
	const struct jobq_config *cfg = c->cfg;

	if (ps == NULL)
		return;
	pthread_mutex_lock(&ps->mu);
	for (struct pool *p = ps->list; p != NULL; p = p->next) {
		const struct jobq_handler_config *h = jobq_config_handler(cfg, p->h->type);

		if (p->retiring)
			continue;
		if (h != NULL && h->persistent && same_children(p->h, h)) {
			p->h = h; /* configurations live until exit: the new timeout, grace */
			continue;
		}
		p->retiring = true;
		jobq_info("handler_pool_retired", "worker", c->worker_id, "handler", p->h->type,
			  "reason", h != NULL && h->persistent ? "settings changed" : "removed");
		if (p->broken)
			consumer_handler_health(c, p->h->type, false, NULL);
	}
	for (int i = 0; i < cfg->nhandlers; i++) {
		const struct jobq_handler_config *h = &cfg->handlers[i];

		if (h->persistent && active_pool(ps, h->type) == NULL && new_pool(ps, h) == NULL)
			jobq_error("config_reload_failed", "worker", c->worker_id, "handler",
				   h->type, "error", "out of memory for its pool");
	}
	/* Jobs still waiting in a retired pool go to its successor, or back to the queue. */
	for (struct pool *p = ps->list; p != NULL; p = p->next) {
		struct pool *to = p->retiring ? active_pool(ps, p->h->type) : NULL;

		while (p->retiring && p->pending != NULL) {
			struct request *rq = p->pending;

			if (to == NULL) {
				complete(p, rq, HANDLER_RELEASE, NULL, "handler %s was reloaded",
					 p->h->type);
				continue;
			}
			p->pending = rq->next;
			rq->next = to->pending;
			to->pending = rq;
		}
	}
	pthread_mutex_unlock(&ps->mu);
	wake(ps);
}

void pools_stop(struct consumer *c)
{
	struct pools *ps = c->pools;

	if (ps == NULL)
		return;
	pthread_mutex_lock(&ps->mu);
	ps->stopping = true;
	pthread_mutex_unlock(&ps->mu);
	wake(ps);
	pthread_join(ps->thread, NULL);
	close(ps->wake_fd);
	pthread_mutex_destroy(&ps->mu);
	free(ps);
	c->pools = NULL;
}

/* ---- the executor's side ----------------------------------------------------------- */

/* The job's runtime limit as Unix ms (wall clock), or 0 for none. */
static int64_t deadline_unix_ms(struct execution *e)
{
	struct timespec ts;

	if (e->deadline_ms == 0)
		return 0;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 +
	       (e->deadline_ms - jobq_monotonic_ms());
}

void pool_run(struct job_ctx *ctx, const struct jobq_handler_config *h, struct handler_result *out)
{
	struct pools *ps = ctx->c->pools;
	struct execution *e = ctx->exec;
	struct request rq = { .ctx = ctx, .retry_in_ms = -1 };
	struct pool *p;
	bool asked = false, done = false;

	*out = (struct handler_result){ .status = HANDLER_RETRY };
	rq.line = wire_encode_job(ctx->job_id, ctx->type, ctx->attempt, ctx->max_attempts,
				  ctx->payload, deadline_unix_ms(e), &rq.len);
	if (rq.line == NULL) {
		out->error = strdup("cannot encode the job line (out of memory)");
		return;
	}
	if (ps != NULL)
		pthread_mutex_lock(&ps->mu);
	p = ps != NULL ? active_pool(ps, h->type) : NULL;
	if (p == NULL) {
		/* A reload just made it an exec handler, or took it away: another try finds
		 * what the configuration says now. */
		if (ps != NULL)
			pthread_mutex_unlock(&ps->mu);
		free(rq.line);
		out->status = HANDLER_RELEASE;
		out->error = strdup("no pool for this persistent handler (reloaded)");
		return;
	}
	rq.next = p->pending;
	p->pending = &rq;
	pthread_mutex_unlock(&ps->mu);
	wake(ps);
	for (;;) {
		struct pollfd pfd = { .fd = e->wake_fd, .events = POLLIN };
		int64_t now, timeout = 1000;

		pthread_mutex_lock(&ps->mu);
		done = rq.done;
		pthread_mutex_unlock(&ps->mu);
		if (done)
			break;
		if (!asked && job_should_stop(ctx)) {
			pthread_mutex_lock(&ps->mu);
			rq.stop = reason_of(e);
			pthread_mutex_unlock(&ps->mu);
			wake(ps);
			asked = true;
		}
		now = jobq_monotonic_ms();
		if (!asked && e->deadline_ms != 0)
			timeout = e->deadline_ms - now < 0         ? 0
				  : e->deadline_ms - now < timeout ? e->deadline_ms - now
								   : timeout;
		if (poll(&pfd, 1, (int)timeout) > 0) {
			uint64_t v;
			ssize_t n = read(e->wake_fd, &v, sizeof(v));

			(void)n;
		}
	}
	free(rq.line);
	*out = rq.res;
	if (out->status == HANDLER_RETRY && rq.retry_in_ms >= 0) {
		out->retry_in = true;
		out->retry_in_ms = rq.retry_in_ms;
	}
}
