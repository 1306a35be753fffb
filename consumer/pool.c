/* The pools of persistent handlers: one thread polls every child's channel, stdout,
 * stderr and pidfd, routes answers to the executors waiting for them, dispatches waiting
 * jobs to free slots, and replaces children with backoff; reloads and pool_run. One
 * mutex (pools.mu) guards every pool, child and request; the thread holds it except
 * while it polls. A child's own life is pool_child.c. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "jobq/clock.h"
#include "jobq/log.h"
#include "pool_internal.h"
#include "wire.h"

/* The thread looks at its timers and the fence pages at least this often. */
#define POOL_TICK_MS 100

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

static int processes_of(const struct pools *ps, const struct pool *p)
{
	return p->h->processes > 0 ? p->h->processes : ps->c->cfg->concurrency;
}

static int slots_of(const struct pool *p)
{
	return p->h->jobs_per_process > 0 ? p->h->jobs_per_process : 1;
}

/* ---- requests ---------------------------------------------------------------------- */

/* Waiting jobs go to the slots in the order they came (FIFO): their runtime limits count
 * while they wait, so none may be overtaken for ever. */
static void append_req(struct request **list, struct request *rq)
{
	while (*list != NULL)
		list = &(*list)->next;
	rq->next = NULL;
	*list = rq;
}

static void unlink_req(struct request **list, struct request *rq)
{
	for (struct request **pp = list; *pp != NULL; pp = &(*pp)->next)
		if (*pp == rq) {
			*pp = rq->next;
			return;
		}
}

/* Hand rq back to its executor (which may return from pool_run as soon as mu is free). */
void pool_complete(struct pool *p, struct request *rq, enum handler_status st, char *result,
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

void pool_set_broken(struct pools *ps, struct pool *p, bool broken, const char *why)
{
	if (p->broken == broken)
		return;
	p->broken = broken;
	snprintf(p->why, sizeof(p->why), "%s", why);
	/* Broken: replacements back off further (a reset is the next completed job). */
	jobq_backoff_init(&p->backoff, POOL_RESPAWN_MIN_MS,
			  broken ? POOL_BROKEN_RESPAWN_MAX_MS : POOL_RESPAWN_MAX_MS,
			  p->backoff.seed);
	/* A retiring pool's successor owns the type's health. */
	if (!p->retiring)
		consumer_handler_health(ps->c, p->h->type, broken, broken ? why : NULL);
}

/* A job was answered: the handler works. */
void pool_job_completed(struct pools *ps, struct pool *p)
{
	p->deaths = 0;
	jobq_backoff_reset(&p->backoff);
	pool_set_broken(ps, p, false, "");
}

/* ---- the pool thread's turn -------------------------------------------------------- */

/* Children that count towards `processes`: a dying one is replaced at once. */
static int live_children(const struct pool *p)
{
	int n = 0;

	for (const struct child *ch = p->children; ch != NULL; ch = ch->next)
		n += ch->state != C_CLOSING && !ch->retire && !ch->dying;
	return n;
}

/* The ready child with the fewest jobs and a free slot, or NULL; never one that is
 * dying (killed, or past a cancel's grace: its pidfd may not have told yet). */
static struct child *free_child(struct pool *p)
{
	struct child *best = NULL;

	for (struct child *ch = p->children; ch != NULL; ch = ch->next)
		if (ch->state == C_READY && !ch->retire && !ch->dying && ch->njobs < slots_of(p) &&
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

/* Pending jobs: stopped ones end, the others go to a child with a free slot. A broken
 * handler sends one job at a time (a probe) to a ready child and gives every other job
 * back at once. */
static void dispatch(struct pools *ps, struct pool *p)
{
	struct request *rq = p->pending, *next;
	struct child *ch;

	for (; rq != NULL; rq = next) {
		next = rq->next;
		if (rq->stop != NULL) {
			pool_complete(p, rq, HANDLER_STOPPED, NULL, NULL);
			continue;
		}
		ch = free_child(p);
		if (p->broken && (ch == NULL || busy(p) || p->retiring)) {
			/* Broken: only the one probe runs; every job that cannot be that probe now
			 * goes back (uncounted) instead of holding an executor and its lease
			 * behind it, its runtime limit running. */
			pool_complete(p, rq, HANDLER_RELEASE, NULL, "handler %s is broken: %s",
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
		child_send(ch, rq->line, rq->len);
	}
	(void)ps;
}

/* One pool: jobs out, children in, timers. Returns its next timer. */
static int64_t tend(struct pools *ps, struct pool *p, int64_t now)
{
	int64_t next = INT64_MAX, t;
	struct jobq_err err = { 0 };

	for (struct child *ch = p->children; ch != NULL; ch = ch->next) {
		child_stops(p, ch, now);
		/* A cancel's grace that ran out makes its child dying before any job is handed
		 * out in this pass (the pass after dispatch moves the fence pages). */
		(void)child_timers(ps, ch, now);
	}
	dispatch(ps, p);
	while (!p->retiring && !ps->stopping && live_children(p) < processes_of(ps, p) &&
	       now >= p->next_spawn_ms) {
		if (child_spawn(ps, p, &err) != 0) {
			jobq_error("handler_start_failed", "worker", ps->c->worker_id, "handler",
				   p->h->type, "error", err.msg);
			p->next_spawn_ms = now + jobq_backoff_next(&p->backoff);
			pool_set_broken(ps, p, true, err.msg);
			dispatch(ps, p); /* give back what waits */
			break;
		}
	}
	if (!p->retiring && live_children(p) < processes_of(ps, p) && p->next_spawn_ms > now)
		next = p->next_spawn_ms;
	for (struct child *ch = p->children; ch != NULL; ch = ch->next) {
		if ((t = child_timers(ps, ch, now)) < next)
			next = t;
		child_flush(ch);
	}
	return next;
}

/* Reap ch if its shim has exited. Its group is killed first, while the unreaped shim
 * still holds the group's id: whatever it left goes with it, and no other process can
 * have taken that id. Returns whether ch was reaped (and freed). */
static bool reap_if_exited(struct pools *ps, struct child *ch)
{
	siginfo_t si = { 0 };
	int status;

	if (waitid(P_PID, (id_t)ch->pid, &si, WEXITED | WNOHANG | WNOWAIT) != 0 ||
	    si.si_pid != ch->pid)
		return false;
	kill(-ch->pid, SIGKILL);
	if (waitpid(ch->pid, &status, 0) != ch->pid)
		return false;
	child_reap(ps, ch, status);
	return true;
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
				child_flush(ch);
			if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) &&
			    child_read(ps, ch, *w[i].fd,
				       w[i].stream[0] == 'c'   ? &ch->in
				       : w[i].stream[3] == 'o' ? &ch->lo
							       : &ch->le,
				       w[i].stream) < 0)
				close_fd(w[i].fd);
		}
		for (size_t i = 1; i < n; i++)
			if (fds[i].revents != 0 && w[i].stream == NULL)
				(void)reap_if_exited(ps, w[i].ch);
		/* Children without a pidfd, and an EOF on a channel (the child's way out). */
		for (struct pool *p = ps->list; p != NULL; p = p->next)
			for (struct child *ch = p->children, *nx; ch != NULL; ch = nx) {
				nx = ch->next;
				if (ch->sock < 0 && ch->state != C_CLOSING && ch->why[0] == '\0')
					child_kill(ch, "it closed the protocol channel");
				if (ch->pidfd < 0)
					(void)reap_if_exited(ps, ch);
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

void pools_reload(struct consumer *c, const struct jobq_config *cfg)
{
	struct pools *ps = c->pools;

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
				pool_complete(p, rq, HANDLER_RELEASE, NULL,
					      "handler %s was reloaded", p->h->type);
				continue;
			}
			p->pending = rq->next;
			append_req(&to->pending, rq);
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
	bool asked = false, lost = false, done = false;

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
	append_req(&p->pending, &rq);
	pthread_mutex_unlock(&ps->mu);
	/* From now on each renewal wakes the pool thread, which moves the fence page. */
	pthread_mutex_lock(&ctx->c->exec_mu);
	e->pool_wake = &ps->wake_fd;
	pthread_mutex_unlock(&ctx->c->exec_mu);
	wake(ps);
	for (;;) {
		struct pollfd pfd = { .fd = e->wake_fd, .events = POLLIN };
		int64_t now, timeout = 1000;

		pthread_mutex_lock(&ps->mu);
		done = rq.done;
		pthread_mutex_unlock(&ps->mu);
		if (done)
			break;
		/* A lost lease after another stop (during a cancel's grace) still escalates:
		 * the next owner must find this attempt dead at once. */
		if ((!asked && job_should_stop(ctx)) || (!lost && atomic_load(&e->lost))) {
			lost = atomic_load(&e->lost);
			pthread_mutex_lock(&ps->mu);
			if (rq.stop == NULL)
				rq.stop = reason_of(e);
			rq.lost = lost;
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
	pthread_mutex_lock(&ctx->c->exec_mu);
	e->pool_wake = NULL;
	pthread_mutex_unlock(&ctx->c->exec_mu);
	free(rq.line);
	*out = rq.res;
	if (out->status == HANDLER_RETRY && rq.retry_in_ms >= 0) {
		out->retry_in = true;
		out->retry_in_ms = rq.retry_in_ms;
	}
}
