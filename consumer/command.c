/* Command handlers: a child process per job, fed the payload on stdin, watched through
 * its pipes, a pidfd and the execution's wake eventfd, stopped by signals to its group. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "command.h"
#include "isolate.h"
#include "shim_spawn.h"
#include "jobq/clock.h"
#include "jobq/duration.h"
#include "jobq/log.h"
#include "jobq/utf8.h"

struct buf {
	char *data;
	size_t len, cap, dropped;
};

static void buf_add(struct buf *b, const char *p, size_t n, size_t max, bool keep_tail)
{
	if (keep_tail && b->len + n > max) {
		/* Keep the last `max` bytes: the tail of stderr says why it failed. */
		size_t keep = n >= max ? 0 : max - n;
		if (keep < b->len) {
			memmove(b->data, b->data + b->len - keep, keep);
			b->dropped += b->len - keep;
			b->len = keep;
		}
		if (n > max) {
			b->dropped += n - max;
			p += n - max;
			n = max;
		}
	} else if (b->len + n > max) {
		b->dropped += b->len + n - max;
		n = max - b->len;
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *nd;
		while (cap < b->len + n + 1)
			cap *= 2;
		if ((nd = realloc(b->data, cap)) == NULL)
			return;
		b->data = nd;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* The environment for the child: the allow-listed part of ours, the handler's, then the
 * job's (isolate_child_env). */
static char **child_env(struct job_ctx *ctx, const struct jobq_handler_config *h,
			const struct isolate_creds *cr)
{
	char *extra[4] = { NULL }, **env = NULL;

	/* asprintf leaves its pointer undefined when it fails */
	if (asprintf(&extra[0], "JOBQ_JOB_ID=%s", ctx->job_id) < 0)
		extra[0] = NULL;
	if (asprintf(&extra[1], "JOBQ_ATTEMPT=%d", ctx->attempt) < 0)
		extra[1] = NULL;
	if (asprintf(&extra[2], "JOBQ_TYPE=%s", ctx->type) < 0)
		extra[2] = NULL;
	if (extra[0] != NULL && extra[1] != NULL && extra[2] != NULL)
		env = isolate_child_env(h, cr, extra);
	for (int i = 0; i < 3; i++)
		free(extra[i]);
	return env;
}

static void free_strv(char **v)
{
	for (size_t i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

static void one_line(char *s)
{
	for (char *p = s; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
}

static void set_error(struct handler_result *out, enum handler_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void set_error(struct handler_result *out, enum handler_status st, const char *fmt, ...)
{
	va_list ap;

	out->status = st;
	free(out->error);
	out->error = NULL;
	va_start(ap, fmt);
	if (vasprintf(&out->error, fmt, ap) < 0)
		out->error = NULL;
	va_end(ap);
	if (out->error != NULL)
		one_line(out->error);
}

void command_run(struct job_ctx *ctx, const struct jobq_handler_config *h,
		 struct handler_result *out)
{
	struct consumer *c = ctx->c;
	struct execution *e = ctx->exec;
	int in[2] = { -1, -1 }, so[2] = { -1, -1 }, se[2] = { -1, -1 }, pidfd = -1;
	char **env = NULL;
	struct buf outb = { 0 }, errb = { 0 };
	struct isolate_creds creds;
	struct shim_spec spec;
	struct jobq_err cerr = { 0 };
	size_t payload_len = strlen(ctx->payload), written = 0;
	int64_t kill_at = 0;
	bool exited = false, term_sent = false;
	_Atomic int64_t *fence = NULL;
	int fence_fd = -1;
	void *map = MAP_FAILED;
	pid_t pid = -1;
	int status = 0;

	out->status = HANDLER_RETRY;
	if (pipe2(in, O_CLOEXEC) < 0 || pipe2(so, O_CLOEXEC) < 0 || pipe2(se, O_CLOEXEC) < 0) {
		set_error(out, HANDLER_RETRY, "cannot create pipes: %s", strerror(errno));
		goto out;
	}
	/* The fence point, shared with the shim: it fences the command itself when this whole
	 * process is stopped. */
	fence_fd = memfd_create("jobq-fence", MFD_CLOEXEC);
	if (fence_fd < 0 || ftruncate(fence_fd, sizeof(*fence)) < 0 ||
	    (map = mmap(NULL, sizeof(*fence), PROT_READ | PROT_WRITE, MAP_SHARED, fence_fd, 0)) ==
		    MAP_FAILED) {
		set_error(out, HANDLER_RETRY, "cannot share the fence point with the shim: %s",
			  strerror(errno));
		goto out;
	}
	fence = map;
	pthread_mutex_lock(&c->exec_mu);
	atomic_store(fence, e->fence_at_ms);
	e->shim_fence = fence; /* from now on every renewal reaches the shim (fence_renewed) */
	pthread_mutex_unlock(&c->exec_mu);
	if (isolate_creds_resolve(h, &creds, &cerr) != 0) {
		set_error(out, HANDLER_RETRY, "%s", cerr.msg);
		goto out;
	}
	if ((env = child_env(ctx, h, &creds)) == NULL) {
		set_error(out, HANDLER_RETRY, "out of memory");
		goto out;
	}
	spec = (struct shim_spec){ .shim = c->shim,
				   .argv = h->argv,
				   .env = env,
				   .creds = &creds,
				   .fd_in = in[0],
				   .fd_out = so[1],
				   .fd_err = se[1],
				   .fd_ctl = -1,
				   .fence_fd = fence_fd };
	if (shim_spawn(&spec, &pid, &cerr) != 0) {
		/* The shim gone (or broken) since the worker started: no fault of the job's, which
		 * goes back for a worker that can run it, its attempt not counted. */
		set_error(out, cerr.code == JOBQ_ENOTFOUND ? HANDLER_RELEASE : HANDLER_RETRY, "%s",
			  cerr.msg);
		goto out;
	}
	close(in[0]);
	close(so[1]);
	close(se[1]);
	in[0] = so[1] = se[1] = -1;
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	fcntl(so[0], F_SETFL, O_NONBLOCK);
	fcntl(se[0], F_SETFL, O_NONBLOCK);
	pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (payload_len == 0) {
		close(in[1]);
		in[1] = -1;
	}

	while (!exited || so[0] >= 0 || se[0] >= 0) {
		struct pollfd fds[5];
		int nfds = 0, timeout = 1000, idx_in = -1, idx_out = -1, idx_err = -1, idx_pid = -1;
		int64_t now = jobq_monotonic_ms();
		char chunk[16384];

		if (!exited && !term_sent && job_should_stop(ctx)) {
			/* Cancel, lost lease, release or runtime limit: ask the group first. */
			kill(-pid, SIGTERM);
			term_sent = true;
			kill_at = now + h->cancel_grace_ms;
		}
		/* A lost lease cannot wait out the grace: the lease may expire elsewhere within
		 * the fence period, and the next owner must find this attempt dead. */
		if (!exited && term_sent && kill_at != INT64_MAX && atomic_load(&e->lost))
			kill_at = now;
		if (!exited && term_sent && now >= kill_at) {
			kill(-pid, SIGKILL);
			kill_at = INT64_MAX;
		}
		if (term_sent && kill_at != INT64_MAX)
			timeout = (int)(kill_at - now < 0      ? 0
					: kill_at - now < 1000 ? kill_at - now
							       : 1000);
		else if (e->deadline_ms != 0 && !term_sent)
			timeout = (int)(e->deadline_ms - now < 0      ? 0
					: e->deadline_ms - now < 1000 ? e->deadline_ms - now
								      : 1000);
		fds[nfds] = (struct pollfd){ .fd = e->wake_fd, .events = POLLIN };
		nfds++;
		if (in[1] >= 0) {
			idx_in = nfds;
			fds[nfds++] = (struct pollfd){ .fd = in[1], .events = POLLOUT };
		}
		if (so[0] >= 0) {
			idx_out = nfds;
			fds[nfds++] = (struct pollfd){ .fd = so[0], .events = POLLIN };
		}
		if (se[0] >= 0) {
			idx_err = nfds;
			fds[nfds++] = (struct pollfd){ .fd = se[0], .events = POLLIN };
		}
		if (!exited && pidfd >= 0) {
			idx_pid = nfds;
			fds[nfds++] = (struct pollfd){ .fd = pidfd, .events = POLLIN };
		} else if (!exited) {
			timeout = timeout > 50 ? 50 : timeout; /* no pidfd: check waitpid often */
		}
		if (poll(fds, (nfds_t)nfds, timeout) < 0 && errno != EINTR)
			break;
		if (fds[0].revents & POLLIN) {
			uint64_t v;
			ssize_t n = read(e->wake_fd, &v, sizeof(v));
			(void)n;
		}
		if (idx_in >= 0 && fds[idx_in].revents) {
			ssize_t n = write(in[1], ctx->payload + written, payload_len - written);
			if (n > 0)
				written += (size_t)n;
			if ((n < 0 && errno != EAGAIN) || written == payload_len) {
				close(in[1]); /* EOF: the payload is complete (or unwanted) */
				in[1] = -1;
			}
		}
		if (idx_out >= 0 && fds[idx_out].revents) {
			ssize_t n = read(so[0], chunk, sizeof(chunk));
			if (n > 0)
				buf_add(&outb, chunk, (size_t)n, COMMAND_STDOUT_MAX, false);
			else if (n == 0 || errno != EAGAIN) {
				close(so[0]);
				so[0] = -1;
			}
		}
		if (idx_err >= 0 && fds[idx_err].revents) {
			ssize_t n = read(se[0], chunk, sizeof(chunk));
			if (n > 0)
				buf_add(&errb, chunk, (size_t)n, COMMAND_STDERR_TAIL, true);
			else if (n == 0 || errno != EAGAIN) {
				close(se[0]);
				se[0] = -1;
			}
		}
		if (!exited && (idx_pid < 0 || fds[idx_pid].revents)) {
			if (waitpid(pid, &status, WNOHANG) == pid) {
				exited = true;
				/* Group cleanup: anything the command left behind in its group dies
				 * with it (the shim, its head, has exited). */
				kill(-pid, SIGKILL);
			}
		}
	}
	if (!exited) {
		kill(-pid, SIGKILL);
		waitpid(pid, &status, 0);
	}

	if (job_should_stop(ctx) && term_sent) {
		out->status = HANDLER_STOPPED;
		goto out;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		json_t *v;

		if (outb.dropped > 0) {
			set_error(out, HANDLER_PERMANENT, "stdout exceeded %d bytes (result limit)",
				  COMMAND_STDOUT_MAX);
			goto out;
		}
		/* JSON output is kept as JSON; anything else becomes a JSON string, with U+FFFD
		 * for each NUL and each byte that is not UTF-8: PostgreSQL's jsonb holds neither,
		 * and the outcome would be refused. */
		v = outb.len > 0 ? json_loadb(outb.data, outb.len, JSON_DECODE_ANY, NULL)
				 : json_null();
		if (v == NULL) {
			size_t n;
			char *t = jobq_utf8_clean(outb.data, outb.len, &n);

			v = t != NULL ? json_stringn(t, n) : NULL;
			free(t);
		}
		if (v == NULL)
			v = json_string("(stdout could not be kept: out of memory)");
		out->result = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		json_decref(v);
		out->status = HANDLER_OK;
	} else {
		enum handler_status st =
			WIFEXITED(status) && WEXITSTATUS(status) == COMMAND_EXIT_PERMANENT
				? HANDLER_PERMANENT
				: HANDLER_RETRY;
		char how[64], *tail;
		size_t skip;

		if (WIFEXITED(status))
			snprintf(how, sizeof(how), "exit status %d", WEXITSTATUS(status));
		else
			snprintf(how, sizeof(how), "killed by signal %d", WTERMSIG(status));
		while (errb.len > 0 &&
		       (errb.data[errb.len - 1] == '\n' || errb.data[errb.len - 1] == ' '))
			errb.data[--errb.len] = '\0';
		/* The error is text in PostgreSQL: valid UTF-8, no NUL. A tail kept from a longer
		 * stderr starts at a character, not inside one. */
		skip = errb.dropped > 0 ? jobq_utf8_cut_start(errb.data, errb.len) : 0;
		tail = errb.len > skip ? jobq_utf8_clean(errb.data + skip, errb.len - skip, NULL)
				       : NULL;
		if (tail != NULL)
			set_error(out, st, "%s: %s%s", how, errb.dropped ? "..." : "", tail);
		else
			set_error(out, st, "%s", how);
		free(tail);
	}
out:
	for (int i = 0; i < 2; i++) {
		if (in[i] >= 0)
			close(in[i]);
		if (so[i] >= 0)
			close(so[i]);
		if (se[i] >= 0)
			close(se[i]);
	}
	if (pidfd >= 0)
		close(pidfd);
	if (fence != NULL) {
		pthread_mutex_lock(&c->exec_mu);
		e->shim_fence = NULL;
		pthread_mutex_unlock(&c->exec_mu);
	}
	if (map != MAP_FAILED)
		munmap(map, sizeof(*fence));
	if (fence_fd >= 0)
		close(fence_fd);
	free_strv(env);
	free(outb.data);
	free(errb.data);
}
