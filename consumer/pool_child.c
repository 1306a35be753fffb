/* One child of a persistent handler's pool: its start behind jobq-exec-shim, its protocol
 * channel and output lines, the stops sent to it, its timers and its end. Called by the
 * pool thread (pool.c) with pools.mu held. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolate.h"
#include "jobq/clock.h"
#include "jobq/log.h"
#include "jobq/utf8.h"
#include "pool_internal.h"
#include "shim_spawn.h"
#include "wire.h"

#define READ_CHUNK 65536

static int64_t grace_of(const struct pool *p)
{
	return p->h->cancel_grace_ms;
}

static int64_t startup_of(const struct pool *p)
{
	return p->h->startup_timeout_ms > 0 ? p->h->startup_timeout_ms
					    : JOBQ_POOL_STARTUP_TIMEOUT_MS;
}

/* ---- the channel ------------------------------------------------------------------- */

void child_send(struct child *ch, const char *line, size_t len)
{
	char *nb;

	if (ch->sock < 0)
		return;
	if (ch->woff > 0 && ch->woff >= ch->wlen / 2) {
		/* Most of it is sent: keep only the rest, so the buffer does not creep. */
		memmove(ch->wbuf, ch->wbuf + ch->woff, ch->wlen - ch->woff);
		ch->wlen -= ch->woff;
		ch->woff = 0;
	}
	if ((nb = realloc(ch->wbuf, ch->wlen + len)) == NULL) {
		child_kill(ch, "out of memory for its channel");
		return;
	}
	ch->wbuf = nb;
	memcpy(ch->wbuf + ch->wlen, line, len);
	ch->wlen += len;
}

void child_flush(struct child *ch)
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
		/* The child closed its end (EPIPE, ECONNRESET): the lines it was sent are lost,
		 * so it cannot go on; it is on its way out anyway. */
		child_kill(ch, "cannot write to the protocol channel: %s",
			   n < 0 ? strerror(errno) : "nothing written");
		ch->woff = ch->wlen;
		break;
	}
	ch->wlen = ch->woff = 0;
}

static struct request *find_job(struct child *ch, const char *id)
{
	for (struct request *rq = ch->jobs; rq != NULL; rq = rq->next)
		if (id != NULL && strcmp(rq->ctx->job_id, id) == 0)
			return rq;
	return NULL;
}

/* SIGKILL to ch's whole group: it takes no more jobs and is replaced at once. */
static void child_sigkill(struct child *ch)
{
	ch->dying = true;
	ch->killed = true;
	if (!ch->reaped) /* once reaped, its group id may be someone else's */
		kill(-ch->pid, SIGKILL);
}

/* A protocol error or a refusal: the child is killed and replaced. */
void child_kill(struct child *ch, const char *fmt, ...)
{
	va_list ap;

	if (ch->why[0] == '\0') {
		va_start(ap, fmt);
		vsnprintf(ch->why, sizeof(ch->why), fmt, ap);
		va_end(ap);
	}
	child_sigkill(ch);
}

/* Log how many of ch's lines were dropped since the last count. */
static void log_dropped(struct pools *ps, struct child *ch, int64_t now)
{
	char n[24], pid[24];

	jobq_warn("handler_output_dropped", "worker", ps->c->worker_id, "handler",
		  ch->pool->h->type, "pid", jobq_log_int(pid, ch->cpid ? ch->cpid : ch->pid),
		  "lines", jobq_log_int(n, ch->log_dropped), "reason", "more than the log budget");
	ch->log_dropped = 0;
	ch->log_told_ms = now;
}

/* Whether ch may log one more line now (a token bucket: POOL_LOG_RATE a second, bursts of
 * POOL_LOG_BURST); a line it may not is counted, and the count logged now and then. */
static bool may_log(struct pools *ps, struct child *ch)
{
	int64_t now = jobq_monotonic_ms(), cap = (int64_t)POOL_LOG_BURST * 1000;

	if (now > ch->log_ms) {
		ch->log_milli += (now - ch->log_ms) * POOL_LOG_RATE;
		if (ch->log_milli > cap)
			ch->log_milli = cap;
		ch->log_ms = now;
	}
	if (ch->log_milli < 1000) {
		ch->log_dropped++;
		return false;
	}
	ch->log_milli -= 1000;
	if (ch->log_dropped > 0 && now - ch->log_told_ms >= POOL_LOG_DROPPED_MS)
		log_dropped(ps, ch, now);
	return true;
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
		child_kill(ch, "child speaks protocol %d, not %d", m->protocol, WIRE_PROTOCOL);
		return;
	}
	if (!wire_serves(m, ch->pool->h->type)) {
		child_kill(ch, "child serves [%s], not %s", types, ch->pool->h->type);
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
		if (may_log(ps, ch))
			jobq_warn("handler_answer_ignored", "worker", ps->c->worker_id, "handler",
				  p->h->type, "pid",
				  jobq_log_int(pid, ch->cpid ? ch->cpid : ch->pid), "job", m->id,
				  "reason", "no such job runs on this child");
		return;
	}
	pool_job_completed(ps, p);
	if (m->op == WIRE_RESULT && m->json != NULL && strlen(m->json) > POOL_RESULT_MAX) {
		pool_complete(p, rq, HANDLER_PERMANENT, NULL, "result exceeds %d bytes",
			      POOL_RESULT_MAX);
		return;
	}
	if (m->op == WIRE_RESULT) {
		pool_complete(p, rq, HANDLER_OK, m->json, NULL);
		m->json = NULL;
		return;
	}
	if (rq->cancel_sent) {
		pool_complete(p, rq, HANDLER_STOPPED, NULL, NULL);
		return;
	}
	/* As a command's stderr tail: the first POOL_ERROR_MAX bytes, cut at a character. */
	if (m->error != NULL && strlen(m->error) > POOL_ERROR_MAX)
		m->error[jobq_utf8_cut_end(m->error, POOL_ERROR_MAX)] = '\0';
	rq->retry_in_ms = m->retry_in_ms;
	pool_complete(p, rq, m->permanent ? HANDLER_PERMANENT : HANDLER_RETRY, NULL, "%s",
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
	bool cut;

	if (wire_parse(line, len, WIRE_CHILD, &m, &err) != 0) {
		child_kill(ch, "protocol error: %s", err.msg);
		return;
	}
	jobq_log_int(pid, ch->cpid ? ch->cpid : ch->pid);
	if (m.warning != NULL && may_log(ps, ch))
		jobq_warn("handler_protocol_warning", "worker", ps->c->worker_id, "handler", type,
			  "pid", pid, "job", m.id, "warning", m.warning);
	if (ch->state == C_STARTING && m.op != WIRE_READY && m.op != WIRE_LOG &&
	    m.op != WIRE_UNKNOWN) {
		child_kill(ch, "protocol error: op '%s' before 'ready'", m.op_name);
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
		    job_progress(rq->ctx, m.json) != 0 && may_log(ps, ch))
			jobq_warn("handler_protocol_warning", "worker", ps->c->worker_id, "handler",
				  type, "pid", pid, "job", m.id, "warning", "progress dropped");
		break;
	case WIRE_LOG:
		if (!may_log(ps, ch))
			break;
		cut = strlen(m.msg) > POOL_OUTPUT_LINE_MAX;
		if (cut)
			m.msg[jobq_utf8_cut_end(m.msg, POOL_OUTPUT_LINE_MAX)] = '\0';
		jobq_log(m.level[0] == 'd'   ? JOBQ_LOG_DEBUG
			 : m.level[0] == 'w' ? JOBQ_LOG_WARN
			 : m.level[0] == 'e' ? JOBQ_LOG_ERROR
					     : JOBQ_LOG_INFO,
			 "handler_log", "worker", ps->c->worker_id, "handler", type, "pid", pid,
			 "job", m.id, "msg", m.msg, cut ? "cut" : NULL, "true", (const char *)NULL);
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

	if (!may_log(ps, ch))
		return;
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

/* Where the lines of one read go (lines_feed's callback). */
struct reading {
	struct pools *ps;
	struct child *ch;
	const char *stream;
	bool channel;
};

static bool one_line(void *arg, const char *line, size_t len, bool cut)
{
	struct reading *r = arg;

	if (r->channel && r->ch->killed)
		return false; /* nothing a killed child wrote after counts */
	if (r->channel && cut) {
		child_kill(r->ch, "protocol error: a line longer than %zu bytes",
			   (size_t)WIRE_LINE_MAX);
		return false;
	}
	if (!r->channel) {
		on_output(r->ps, r->ch, r->stream, line, cut);
		return true;
	}
	on_line(r->ps, r->ch, line, len);
	return !r->ch->killed; /* nothing a killed child wrote after counts */
}

/* Read what fd has (stream "channel", "stdout" or "stderr") and act on each whole line.
 * Returns 1 when it read something, 0 when nothing is there now, -1 at end of file or on
 * an error: the caller closes fd. */
int child_read(struct pools *ps, struct child *ch, int fd, struct lines *b, const char *stream)
{
	struct reading r = { ps, ch, stream, stream[0] == 'c' };
	char chunk[READ_CHUNK];
	ssize_t n = read(fd, chunk, sizeof(chunk));

	b->max = r.channel ? WIRE_LINE_MAX : POOL_OUTPUT_LINE_MAX;
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	if (n <= 0) {
		/* a last line of output without its newline is still logged; a channel's is
		 * not a message */
		if (!r.channel)
			lines_end(b, one_line, &r);
		b->len = 0;
		return -1;
	}
	(void)lines_feed(b, chunk, (size_t)n, one_line, &r);
	return 1;
}

/* ---- children ---------------------------------------------------------------------- */

int child_spawn(struct pools *ps, struct pool *p, struct jobq_err *err)
{
	const struct jobq_handler_config *h = p->h;
	char *extra[] = { "JOBQ_PROTOCOL_FD=3", "JOBQ_PROTOCOL=1", NULL };
	int sv[2] = { -1, -1 }, po[2] = { -1, -1 }, pe[2] = { -1, -1 }, fence_fd = -1;
	struct isolate_creds creds;
	struct shim_spec spec;
	struct child *ch = calloc(1, sizeof(*ch));
	char **env = NULL, pid[24];
	void *map = MAP_FAILED;
	int r;

	if (ch == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	ch->pool = p;
	ch->pidfd = ch->sock = ch->out = ch->err = -1;
	if ((r = isolate_creds_resolve(h, &creds, err)) != 0)
		goto out;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0 ||
	    pipe2(po, O_CLOEXEC) != 0 || pipe2(pe, O_CLOEXEC) != 0 ||
	    (fence_fd = memfd_create("jobq-fence", MFD_CLOEXEC)) < 0 ||
	    ftruncate(fence_fd, sizeof(*ch->fence)) != 0 ||
	    (map = mmap(NULL, sizeof(*ch->fence), PROT_READ | PROT_WRITE, MAP_SHARED, fence_fd,
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
	spec = (struct shim_spec){ .shim = ps->c->shim,
				   .argv = h->argv,
				   .env = env,
				   .creds = &creds,
				   .fd_in = -1,
				   .fd_out = po[1],
				   .fd_err = pe[1],
				   .fd_ctl = sv[1],
				   .fence_fd = fence_fd };
	if ((r = shim_spawn(&spec, &ch->pid, err)) != 0)
		goto out;
	ch->sock = sv[0];
	ch->out = po[0];
	ch->err = pe[0];
	sv[0] = po[0] = pe[0] = -1;
	fcntl(ch->sock, F_SETFL, O_NONBLOCK);
	fcntl(ch->out, F_SETFL, O_NONBLOCK);
	fcntl(ch->err, F_SETFL, O_NONBLOCK);
	ch->pidfd = (int)syscall(SYS_pidfd_open, ch->pid, 0);
	ch->started_ms = ch->log_ms = jobq_monotonic_ms();
	ch->log_milli = (int64_t)POOL_LOG_BURST * 1000;
	ch->state = C_STARTING;
	ch->next = p->children;
	p->children = ch;
	jobq_debug("handler_started", "worker", ps->c->worker_id, "handler", h->type, "shim",
		   jobq_log_int(pid, ch->pid));
	ch = NULL;
out:
	close_fd(&fence_fd); /* the shim has its own; the mapping outlives it */
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

/* The child has exited (status from waitpid; the caller killed its group before it reaped
 * the shim): finish its jobs, count the death, free it. */
void child_reap(struct pools *ps, struct child *ch, int status)
{
	struct pool *p = ch->pool;
	long long pid = ch->cpid ? ch->cpid : ch->pid;
	/* The shim kills its group once the fence page's point passes (a stopped or starved
	 * worker): our doing too, like a lost lease's or a cancel grace's kill. */
	bool ours = ch->stopped_by_us || atomic_load(ch->fence) <= jobq_monotonic_ms();
	bool before_ready = ch->state == C_STARTING && !ours;
	bool unexpected = !ours && ch->state != C_CLOSING;
	char how[256], n[24];

	ch->reaped = true;
	/* What the child wrote before it died is logged before its death; bounded, as a
	 * process outside the group may still hold a pipe and write on. */
	for (int i = 0; i < POOL_DRAIN_READS && ch->sock >= 0 &&
			child_read(ps, ch, ch->sock, &ch->in, "channel") > 0;
	     i++)
		;
	for (int i = 0; i < POOL_DRAIN_READS && ch->out >= 0 &&
			child_read(ps, ch, ch->out, &ch->lo, "stdout") > 0;
	     i++)
		;
	for (int i = 0; i < POOL_DRAIN_READS && ch->err >= 0 &&
			child_read(ps, ch, ch->err, &ch->le, "stderr") > 0;
	     i++)
		;
	if (ch->log_dropped > 0)
		log_dropped(ps, ch, jobq_monotonic_ms());
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
			pool_set_broken(ps, p, true, how);
		else if (p->deaths >= POOL_BROKEN_DEATHS)
			pool_set_broken(ps, p, true, how);
		jobq_warn("handler_died", "worker", ps->c->worker_id, "handler", p->h->type,
			  "error", how, "jobs", jobq_log_int(n, ch->njobs));
	} else {
		jobq_debug("handler_stopped", "worker", ps->c->worker_id, "handler", p->h->type,
			   "status", how);
	}
	while (ch->jobs != NULL) {
		struct request *rq = ch->jobs;

		/* A job that died with a child that had become ready counts its attempt, even
		 * while the handler is broken (a poison job must not be released for ever); a
		 * job on a child we killed for another job's stop does not. */
		if (rq->cancel_sent || rq->stop != NULL)
			pool_complete(p, rq, HANDLER_STOPPED, NULL, NULL);
		else if (ours)
			pool_complete(p, rq, HANDLER_RELEASE, NULL,
				      "handler process %lld killed for another job's stop", pid);
		else
			pool_complete(p, rq, HANDLER_RETRY, NULL, "%s", how);
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
	lines_free(&ch->in);
	lines_free(&ch->lo);
	lines_free(&ch->le);
	free(ch->wbuf);
	free(ch);
}

/* Close the channel of an idle child that must go: it should exit; SIGTERM after the
 * grace, SIGKILL after another. */
static void retire(struct child *ch, int64_t now, bool hard)
{
	int64_t grace = hard ? 0 : grace_of(ch->pool);

	if (ch->state == C_CLOSING || ch->killed)
		return; /* a killed child is on its way out, its death what it was */
	ch->state = C_CLOSING;
	ch->stopped_by_us = true;
	close_fd(&ch->sock);
	/* A child already past a cancel's grace keeps its earlier SIGTERM and SIGKILL. */
	if (ch->term_at == 0)
		ch->term_at = now + grace;
	if (ch->kill_at == 0 || ch->kill_at > now + 2 * grace)
		ch->kill_at = now + 2 * grace;
	if (hard)
		child_sigkill(ch);
}

/* Stops the executors asked for: a cancel line, then the grace; a lost lease (also one
 * that comes during another stop's grace) kills the group at once. */
void child_stops(struct pool *p, struct child *ch, int64_t now)
{
	for (struct request *rq = ch->jobs; rq != NULL; rq = rq->next) {
		char *line;
		size_t len;

		if (rq->stop == NULL)
			continue;
		if (!rq->cancel_sent) {
			rq->cancel_sent = true;
			rq->term_at = now + grace_of(p);
			if ((line = wire_encode_cancel(rq->ctx->job_id, rq->stop, &len)) != NULL)
				child_send(ch, line, len);
			free(line);
		}
		if (rq->lost && !ch->killed) {
			/* The next owner must find this attempt dead: no grace. */
			ch->stopped_by_us = true;
			child_sigkill(ch);
		}
	}
}

/* Timers of one child; returns the next one that matters (or INT64_MAX). */
int64_t child_timers(struct pools *ps, struct child *ch, int64_t now)
{
	struct pool *p = ch->pool;
	int64_t next = INT64_MAX, grace = grace_of(p), fence = INT64_MAX;

	if (ch->state == C_STARTING) {
		if (now - ch->started_ms >= startup_of(p))
			child_kill(ch, "no 'ready' within startup_timeout (%lld ms)",
				   (long long)startup_of(p));
		else
			next = ch->started_ms + startup_of(p);
	}
	for (struct request *rq = ch->jobs; rq != NULL; rq = rq->next) {
		if (rq->cancel_sent && ch->term_at == 0 && now >= rq->term_at) {
			/* No answer to the cancel within the grace: SIGTERM now, SIGKILL after
			 * another grace, and no new job in between (it would die at kill_at). */
			ch->stopped_by_us = true;
			ch->dying = true;
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
	if ((ch->retire || ch->dying || p->retiring || ps->stopping) && ch->njobs == 0)
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
