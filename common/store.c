/* PostgreSQL connections: connect with jobq's session settings, run parameterised
 * (optionally prepared) statements, and translate libpq failures into jobq errors. */
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/log.h"
#include "jobq/store.h"
#include "jobq/url.h"
#include "store_internal.h"

#define MAX_PREPARED 64

struct jobq_store {
	PGconn *conn;
	char *url;
	char *app_name;
	unsigned flags;  /* JOBQ_STORE_* */
	int64_t wait_ms; /* bound on every wait of the session; 0 = none */
	/* Names prepared in this session; cleared on reconnect (a new session has none). */
	const char *prepared[MAX_PREPARED];
	int nprepared;
	/* Statements jobq_store_send_unchecked sent in pipeline mode, each followed by a sync,
	 * whose results are unread (the session stays in pipeline mode while there are any). */
	int unread;
	/* The name whose prepare jobq_store_send_prepared sent among them, its sync the
	 * (sent_at + 1)-th: it counts as prepared once its result says it worked. */
	const char *sent_prepare;
	int sent_at;
};

/* Read and drop results up to the end of n syncs of the pipeline. False when the session
 * failed, or when libpq has no more results for a sync still counted (which would be a
 * defect: the session is then no longer in step with st). */
static bool drop_syncs(struct jobq_store *st, int n)
{
	int nulls = 0, group = 0;
	bool first = true;

	while (n > 0) {
		PGresult *r = PQgetResult(st->conn);

		if (r == NULL) {
			/* one NULL ends each statement's results; two in a row: nothing comes */
			if (PQstatus(st->conn) != CONNECTION_OK || ++nulls > 1)
				return false;
			continue;
		}
		nulls = 0;
		/* The first result of jobq_store_send_prepared's group is its prepare's. */
		if (first && st->sent_prepare != NULL && group == st->sent_at &&
		    PQresultStatus(r) == PGRES_COMMAND_OK && st->nprepared < MAX_PREPARED)
			st->prepared[st->nprepared++] = st->sent_prepare;
		first = false;
		if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
			n--;
			group++;
			first = true;
		}
		PQclear(r);
	}
	return true;
}

/* Read and drop the results of the statements jobq_store_send_unchecked sent (waiting for
 * them if they are still to come) and leave pipeline mode, so that the session is ready
 * for the next statement. Each ended with a sync, so none left a transaction open. A
 * session that cannot be brought back in step is closed (jobq_store_ok is then false and
 * the caller's reconnect opens a new one). */
static void discard_unread(struct jobq_store *st)
{
	int n = st->unread;
	bool ok;

	if (n == 0 || st->conn == NULL)
		return;
	st->unread = 0;
	ok = drop_syncs(st, n);
	st->sent_prepare = NULL;
	if (!ok || PQexitPipelineMode(st->conn) == 0) {
		PQfinish(st->conn);
		st->conn = NULL;
	}
}

static void notice(void *arg, const char *message)
{
	(void)arg;
	char line[512];
	size_t n = strlen(message);

	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	memcpy(line, message, n);
	line[n] = '\0';
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == ' '))
		line[--n] = '\0';
	jobq_debug("db_notice", "message", line);
}

/* A session bound as the server and libpq take it: milliseconds in an int (about 24 days;
 * a longer one is that), 0 for none. */
static int64_t bound_of(int64_t wait_ms)
{
	return wait_ms <= 0 ? 0 : wait_ms > INT_MAX ? INT_MAX : wait_ms;
}

/* Keepalive probes, in whole seconds: every 10 s and 5 s apart, or sooner on a bounded
 * session (bound w ms) so that a peer gone quiet is found within its bound. */
static void keepalives_of(long long w, long long *idle, long long *ival)
{
	*idle = w > 0 && w / 3000 < 10 ? w / 3000 : 10;
	*ival = w > 0 && w / 6000 < 5 ? w / 6000 : 5;
	if (*idle < 1)
		*idle = 1;
	if (*ival < 1)
		*ival = 1;
}

/* Open a fresh session for st->url. */
static int open_session(struct jobq_store *st, struct jobq_err *err)
{
	long long w = (long long)st->wait_ms, idle, ival;
	char k_idle[24], k_ival[24], user_to[24], server_ka[256], options[640];
	/* jobq's defaults come first and the URL (expanded from dbname) last, so anything the
	 * user's URL sets explicitly wins; an empty URL leaves libpq to its PG* variables. */
	const char *keys[] = { "application_name",
			       "connect_timeout",
			       "keepalives",
			       "keepalives_idle",
			       "keepalives_interval",
			       "keepalives_count",
			       "options",
			       "tcp_user_timeout",
			       "dbname",
			       NULL };
	const char *vals[] = { st->app_name, "5",     "1",     k_idle,  k_ival,
			       "3",          options, user_to, st->url, NULL };
	char masked[512];
	PGconn *conn;
	int r = 0;

	keepalives_of(w, &idle, &ival);
	snprintf(k_idle, sizeof(k_idle), "%lld", idle);
	snprintf(k_ival, sizeof(k_ival), "%lld", ival);
	/* The server's side of the socket too: a session whose client vanished without a
	 * word (a cut network, a host gone) would otherwise keep its backend, and a worker's
	 * liveness lock with it, until the server's OS gives up (two hours by default); the
	 * worker's restart would then find its own old session alive. The same bound on
	 * probes and on unacknowledged data, and a check for a gone client during long
	 * statements (client_connection_check_interval: PostgreSQL 14 or later). */
	server_ka[0] = '\0';
	if (w > 0)
		snprintf(server_ka, sizeof(server_ka),
			 " -c tcp_keepalives_idle=%lld -c tcp_keepalives_interval=%lld"
			 " -c tcp_keepalives_count=3 -c tcp_user_timeout=%lld"
			 " -c client_connection_check_interval=%lld",
			 idle, ival, w, idle * 1000);
	/* A bounded session waits on nothing longer than its bound: not on a statement (a
	 * lock wait included), not on sent data the peer never acknowledges (a black-holed
	 * route), and it holds no transaction open longer either (a worker stopped between
	 * two statements of one must not keep its rows locked). */
	snprintf(user_to, sizeof(user_to), "%lld", w);
	snprintf(options, sizeof(options),
		 "-c timezone=UTC -c statement_timeout=%lld -c "
		 "idle_in_transaction_session_timeout=%lld"
		 /* The release of dependents counts on each statement seeing what committed
		  * before it (migration 0050): jobq's sessions run read committed whatever the
		  * server's default, and the release refuses any other level. */
		 " -c default_transaction_isolation=read\\ committed%s%s%s%s",
		 w, w, server_ka,
		 /* A worker's statements are prepared once per session and take arrays of
		  * ids: a custom plan per execution only costs planning time (it was the
		  * largest cost of a claim or a finish). But a worker's session keeps its
		  * generic plans for hours, and one made while the table held a handful of
		  * rows scanned all of it later (claims on a fresh database slowed as the
		  * table grew): every statement of a worker finds its rows through an index,
		  * so it plans no other access. The CLI runs each statement once: a custom
		  * plan, which sees how many ids the arrays hold, suits it. No JIT either: a
		  * generic plan's estimates (enable_seqscan off adds its penalty to every
		  * scan it cannot avoid) passed jit_above_cost in the relay's due probe, which
		  * then compiled for 1.6-2.8 s at each run (every 100 ms) on a table of 100,000
		  * rows, for a plan that reads a few index entries. */
		 (st->flags & JOBQ_STORE_WORKER)
			 ? " -c plan_cache_mode=force_generic_plan -c enable_seqscan=off -c jit=off"
			 : "",
		 /* Commits that a crash may lose without harm (heartbeats) need not wait for
		  * the disk (docs/design.md §12). */
		 (st->flags & JOBQ_STORE_ASYNC_COMMIT) ? " -c synchronous_commit=off" : "",
		 /* No JIT here either, whatever the other flags: with sorts off, a plan that
		  * cannot avoid one carries sort's disable cost (1e10) and would compile at
		  * every run. */
		 (st->flags & JOBQ_STORE_ORDERED)
			 ? " -c enable_bitmapscan=off -c enable_sort=off -c jit=off"
			 : "");
	if (st->url[0] == '\0') {
		keys[8] = vals[8] = NULL;
	} else {
		/* libpq's parse errors quote the text around the fault, the password included
		 * ("invalid percent-encoded token", "missing \"=\" after ..."): parse first and
		 * name only the masked URL. */
		char *perr = NULL;
		PQconninfoOption *opts = PQconninfoParse(st->url, &perr);

		PQfreemem(perr);
		/* A keyword/value string that does not parse may not even show where its
		 * password ends ("password=a b": is "b" part of it?): not shown at all. */
		if (opts == NULL && strstr(st->url, "://") == NULL)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "database connection string cannot "
					    "be parsed (not shown: it may hold a password)");
		if (opts == NULL)
			return jobq_err_set(err, JOBQ_EINVAL, "database URL cannot be parsed: %s",
					    jobq_url_mask(st->url, masked, sizeof(masked)));
		PQconninfoFree(opts);
	}
	conn = PQconnectdbParams(keys, vals, 1);
	if (conn == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "database: out of memory");
	if (PQstatus(conn) != CONNECTION_OK) {
		char msg[JOBQ_ERR_MSG_MAX];
		size_t n;

		snprintf(msg, sizeof(msg), "%s", PQerrorMessage(conn));
		n = strlen(msg);
		while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
			msg[--n] = '\0';
		/* libpq's message may span lines ("connection to server ... failed: ..."). */
		for (char *p = msg; *p; p++)
			if (*p == '\n')
				*p = ' ';
		r = jobq_err_set(err, JOBQ_EDB, "database %s: %s",
				 jobq_url_mask(st->url, masked, sizeof(masked)), msg);
		PQfinish(conn);
		return r;
	}
	PQsetNoticeProcessor(conn, notice, NULL);
	st->conn = conn;
	st->nprepared = 0;
	return 0;
}

int jobq_store_connect(const char *url, const char *app_name, struct jobq_store **out,
		       struct jobq_err *err)
{
	return jobq_store_connect_as(url, app_name, 0, out, err);
}

int jobq_store_connect_as(const char *url, const char *app_name, unsigned flags,
			  struct jobq_store **out, struct jobq_err *err)
{
	return jobq_store_connect_bounded(url, app_name, flags, 0, out, err);
}

int jobq_store_connect_bounded(const char *url, const char *app_name, unsigned flags,
			       int64_t wait_ms, struct jobq_store **out, struct jobq_err *err)
{
	struct jobq_store *st;
	int r;

	*out = NULL;
	st = calloc(1, sizeof(*st));
	if (st == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "database: out of memory");
	st->url = strdup(url != NULL ? url : "");
	st->app_name = strdup(app_name != NULL ? app_name : "jobq");
	st->flags = flags;
	st->wait_ms = bound_of(wait_ms);
	if (st->url == NULL || st->app_name == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "database: out of memory");
		goto out;
	}
	if ((r = open_session(st, err)) != 0)
		goto out;
	*out = st;
	st = NULL;
out:
	jobq_store_free(st);
	return r;
}

void jobq_store_free(struct jobq_store *st)
{
	if (st == NULL)
		return;
	discard_unread(st); /* the statement runs to its end before the session does */
	if (st->conn != NULL)
		PQfinish(st->conn);
	free(st->url);
	free(st->app_name);
	free(st);
}

PGconn *jobq_store_conn(struct jobq_store *st)
{
	discard_unread(st); /* its user may call anything of libpq's on it */
	return st->conn;
}

bool jobq_store_ok(struct jobq_store *st)
{
	return st != NULL && st->conn != NULL && PQstatus(st->conn) == CONNECTION_OK;
}

bool jobq_store_alive(struct jobq_store *st)
{
	struct pollfd p;

	if (!jobq_store_ok(st))
		return false;
	/* Statements sent unchecked are left in flight (the next one joins their pipeline):
	 * their results are read into libpq's buffer here, and a goodbye after them noticed. */
	p = (struct pollfd){ .fd = PQsocket(st->conn), .events = POLLIN };
	/* Nothing is due on an idle session: anything readable is the server's goodbye (a
	 * FATAL message, then the end of the stream) or a notice. The read that takes the
	 * message still succeeds; the end of the stream is seen by the next one (pg_terminate_
	 * backend: the first PQconsumeInput returned 1 with the status still OK), so read
	 * while the socket stays readable, a few times at most (notices could keep coming). */
	for (int i = 0; i < 4 && poll(&p, 1, 0) > 0; i++)
		if (PQconsumeInput(st->conn) == 0)
			return false;
	return jobq_store_ok(st);
}

bool jobq_store_fresh(struct jobq_store *st, int64_t idle_ms)
{
	struct jobq_err ignored;

	return st != NULL && jobq_store_alive(st) &&
	       (idle_ms < JOBQ_STORE_IDLE_CHECK_MS ||
		jobq_store_command(st, "SELECT 1", &ignored) == 0);
}

int jobq_store_set_bound(struct jobq_store *st, int64_t wait_ms, struct jobq_err *err)
{
	char sql[640];
	int64_t was = st->wait_ms;
	long long w, idle, ival;
	int r;

	wait_ms = bound_of(wait_ms);
	if (wait_ms == was)
		return 0;
	st->wait_ms = wait_ms;
	if (!jobq_store_ok(st))
		return 0; /* the next session opens with it */
	/* The client's tcp_user_timeout and keepalives were fixed when the socket opened:
	 * the server's side of them follows now (as open_session sets it), the client's at
	 * the next reconnect. An unbounded session goes back to the system's defaults (0). */
	w = (long long)wait_ms;
	keepalives_of(w, &idle, &ival);
	snprintf(sql, sizeof(sql),
		 "SELECT set_config('statement_timeout', '%lld', false),"
		 " set_config('idle_in_transaction_session_timeout', '%lld', false),"
		 " set_config('tcp_user_timeout', '%lld', false),"
		 " set_config('tcp_keepalives_idle', '%lld', false),"
		 " set_config('tcp_keepalives_interval', '%lld', false),"
		 " set_config('tcp_keepalives_count', '%d', false),"
		 " set_config('client_connection_check_interval', '%lld', false)",
		 w, w, w, w > 0 ? idle : 0, w > 0 ? ival : 0, w > 0 ? 3 : 0,
		 w > 0 ? idle * 1000 : 0);
	if ((r = jobq_store_command(st, sql, err)) != 0)
		st->wait_ms = was; /* not applied: try again next time */
	return r;
}

int jobq_store_reconnect(struct jobq_store *st, struct jobq_err *err)
{
	st->unread = 0;
	st->sent_prepare = NULL;
	if (st->conn != NULL) {
		PQfinish(st->conn);
		st->conn = NULL;
	}
	return open_session(st, err);
}

int jobq_store_result_error(struct jobq_store *st, const PGresult *res, const char *what,
			    struct jobq_err *err)
{
	const char *state = res != NULL ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res != NULL ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	int code = JOBQ_EDB;

	if (msg == NULL)
		msg = st->conn != NULL ? PQerrorMessage(st->conn) : "no connection";
	if (state != NULL && (strncmp(state, "22", 2) == 0 || strncmp(state, "23", 2) == 0))
		code = JOBQ_EINVAL;
	/* Failures that say nothing about the statement: it did not commit, and the same
	 * statement may well commit when run again. */
	if (state != NULL && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
			      strcmp(state, "53100") == 0 || strcmp(state, "53200") == 0 ||
			      strcmp(state, "53300") == 0 || strcmp(state, "57014") == 0 ||
			      strcmp(state, "55P03") == 0))
		code = JOBQ_EAGAIN;
	if (jobq_store_ok(st) == false)
		code = JOBQ_EDB;
	jobq_err_set(err, code, "%s: %s%s%s%s", what, msg, state != NULL ? " (SQLSTATE " : "",
		     state != NULL ? state : "", state != NULL ? ")" : "");
	/* libpq messages end in a newline; keep the error one line. */
	if (err != NULL)
		for (char *p = err->msg; *p; p++)
			if (*p == '\n')
				*p = (p[1] == '\0') ? '\0' : ' ';
	return code;
}

static bool is_prepared(struct jobq_store *st, const char *name)
{
	for (int i = 0; i < st->nprepared; i++)
		if (st->prepared[i] == name || strcmp(st->prepared[i], name) == 0)
			return true;
	return false;
}

/* The result of one statement of the pipeline: *out when it succeeded, else an error
 * into err. The results that follow it up to its NULL are dropped. */
static int piped_result(struct jobq_store *st, PGresult **out, const char *what,
			struct jobq_err *err)
{
	PGresult *r = PQgetResult(st->conn), *more;
	ExecStatusType status = r != NULL ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	int code = 0;

	if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
		code = jobq_store_result_error(st, status == PGRES_PIPELINE_ABORTED ? NULL : r,
					       what, err);
		PQclear(r);
		r = NULL;
	}
	while (r != NULL && (more = PQgetResult(st->conn)) != NULL)
		PQclear(more);
	if (out != NULL)
		*out = r;
	else
		PQclear(r);
	return code;
}

/* jobq_store_exec on a session with statements in flight (jobq_store_send_unchecked): the
 * statement joins their pipeline, behind its own sync (its own implicit transaction, which
 * their failures do not touch), so that it costs no round trip of its own; their results
 * are then read and dropped, and its own read. The session leaves pipeline mode. */
static int exec_piped(struct jobq_store *st, const char *name, const char *sql, int nparams,
		      const char *const *params, PGresult **res, const char *what,
		      struct jobq_err *err)
{
	bool prepare = name != NULL && st->nprepared < MAX_PREPARED && !is_prepared(st, name);
	bool named = name != NULL && (prepare || is_prepared(st, name));
	int n = st->unread, r = 0, sent;

	if (prepare && PQsendPrepare(st->conn, name, sql, nparams, NULL) == 0)
		sent = 0;
	else if (named)
		sent = PQsendQueryPrepared(st->conn, name, nparams, params, NULL, NULL, 0);
	else
		sent = PQsendQueryParams(st->conn, sql, nparams, NULL, params, NULL, NULL, 0);
	if (sent == 0 || PQpipelineSync(st->conn) == 0) {
		r = jobq_store_result_error(st, NULL, what, err);
		discard_unread(st);
		return r;
	}
	st->unread = 0;
	if (!drop_syncs(st, n)) {
		st->unread = n + 1; /* closes the session: its state is unknown */
		discard_unread(st);
		return jobq_err_set(err, JOBQ_EDB, "%s: database connection lost", what);
	}
	if (prepare) {
		r = piped_result(st, NULL, what, err);
		if (r == 0)
			st->prepared[st->nprepared++] = name;
	}
	{
		struct jobq_err ignored;
		int rr = piped_result(st, res, what, r == 0 ? err : &ignored);

		if (r == 0)
			r = rr;
	}
	st->unread = 1; /* its sync */
	discard_unread(st);
	if (r == 0 && !jobq_store_ok(st)) {
		PQclear(*res);
		*res = NULL;
		r = jobq_err_set(err, JOBQ_EDB, "%s: database connection lost", what);
	}
	return r;
}

int jobq_store_exec(struct jobq_store *st, const char *name, const char *sql, int nparams,
		    const char *const *params, PGresult **res, const char *what,
		    struct jobq_err *err)
{
	PGresult *r = NULL;
	ExecStatusType status;

	*res = NULL;
	/* Whether a prepare sent ahead worked is known once its result is read: before the
	 * statement, which would otherwise prepare the name a second time (42P05) or run a
	 * name that a failed prepare left missing (26000). */
	if (st->sent_prepare != NULL)
		discard_unread(st);
	if (st->unread > 0 && jobq_store_ok(st))
		return exec_piped(st, name, sql, nparams, params, res, what, err);
	discard_unread(st);
	if (st->conn == NULL || PQstatus(st->conn) != CONNECTION_OK)
		return jobq_err_set(err, JOBQ_EDB, "%s: database connection lost", what);
	if (name != NULL && st->nprepared < MAX_PREPARED && !is_prepared(st, name)) {
		r = PQprepare(st->conn, name, sql, nparams, NULL);
		if (r == NULL || PQresultStatus(r) != PGRES_COMMAND_OK) {
			int code = jobq_store_result_error(st, r, what, err);
			PQclear(r);
			return code;
		}
		PQclear(r);
		st->prepared[st->nprepared++] = name;
	}
	if (name != NULL && is_prepared(st, name))
		r = PQexecPrepared(st->conn, name, nparams, params, NULL, NULL, 0);
	else
		r = PQexecParams(st->conn, sql, nparams, NULL, params, NULL, NULL, 0);
	status = r != NULL ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
		int code = jobq_store_result_error(st, r, what, err);
		PQclear(r);
		return code;
	}
	*res = r;
	return 0;
}

int jobq_store_command(struct jobq_store *st, const char *sql, struct jobq_err *err)
{
	PGresult *res;
	int r = jobq_store_exec(st, NULL, sql, 0, NULL, &res, sql, err);

	PQclear(res);
	return r;
}

int jobq_store_send_unchecked(struct jobq_store *st, const char *sql, int nparams,
			      const char *const *params, struct jobq_err *err)
{
	if (!jobq_store_ok(st))
		return jobq_err_set(err, JOBQ_EDB, "send: database connection lost");
	if (st->unread == 0 && PQenterPipelineMode(st->conn) == 0)
		return jobq_store_result_error(st, NULL, "send", err);
	/* Its own sync: its own implicit transaction, whose failure touches nothing after it. */
	if (PQsendQueryParams(st->conn, sql, nparams, NULL, params, NULL, NULL, 0) == 0 ||
	    PQpipelineSync(st->conn) == 0) {
		int r = jobq_store_result_error(st, NULL, "send", err);

		st->unread++; /* whatever was queued: discard_unread closes a session it cannot
			       * bring back in step */
		discard_unread(st);
		return r;
	}
	st->unread++;
	return 0;
}

int jobq_store_send_prepared(struct jobq_store *st, const char *name, const char *sql, int nparams,
			     const char *const *params, struct jobq_err *err)
{
	bool prepare = !is_prepared(st, name);

	/* One prepare in flight at a time, and only with room to record it. */
	if (prepare && (st->sent_prepare != NULL || st->nprepared >= MAX_PREPARED))
		return jobq_store_send_unchecked(st, sql, nparams, params, err);
	if (!jobq_store_ok(st))
		return jobq_err_set(err, JOBQ_EDB, "send: database connection lost");
	if (st->unread == 0 && PQenterPipelineMode(st->conn) == 0)
		return jobq_store_result_error(st, NULL, "send", err);
	if ((prepare && PQsendPrepare(st->conn, name, sql, nparams, NULL) == 0) ||
	    PQsendQueryPrepared(st->conn, name, nparams, params, NULL, NULL, 0) == 0 ||
	    PQpipelineSync(st->conn) == 0) {
		int r = jobq_store_result_error(st, NULL, "send", err);

		st->unread++; /* as jobq_store_send_unchecked */
		discard_unread(st);
		return r;
	}
	if (prepare) {
		st->sent_prepare = name;
		st->sent_at = st->unread;
	}
	st->unread++;
	return 0;
}

void store_rollback(struct jobq_store *st)
{
	struct jobq_err ignored;

	if (jobq_store_ok(st))
		jobq_ignore(jobq_store_command(st, "ROLLBACK", &ignored));
}

char *jobq_store_uuid_array(const char *const *ids, size_t n)
{
	struct store_text t = { 0 };

	store_text_add(&t, "{");
	for (size_t i = 0; i < n; i++)
		store_text_add(&t, "%s%s", i ? "," : "", ids[i]);
	store_text_add(&t, "}");
	return store_text_take(&t);
}
