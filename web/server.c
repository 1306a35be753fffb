/* The HTTP side of jobq-web: libmicrohttpd with a thread pool and connection limits, the
 * Host check, logins and CSRF checks, the database session pool, and routing to the pages
 * and actions. Every response carries a strict Content-Security-Policy. */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdarg.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include "jobq/log.h"
#include "server.h"
#include "web.h"

/* Scripts and styles from this server only, no inline code, no frames, forms posting
 * here only: a value that slipped past the escaping still could not run. */
#define CSP                                                                                        \
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "                \
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

/* What a request holds between libmicrohttpd's calls: its POST body so far, and the bytes
 * of its answer counted in web.inflight until it is sent. */
struct upload {
	char *body;
	size_t len;
	bool too_large;
	size_t inflight;
};

/* An open connection: its socket, its client's address, and when it is closed unless it
 * moves on (WEB_HEADERS_MS, WEB_ANSWER_MS; on the monotonic clock). */
struct web_conn {
	int fd;
	int64_t deadline_ms;
	char addr[48];
	struct web_conn *prev, *next;
};

int64_t web_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t web_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- database sessions ---- */

struct jobq_store *web_db(struct req *r, struct jobq_err *err)
{
	struct web *w = r->w;
	struct timespec until;
	struct jobq_store *st;
	int64_t deadline = web_now_ms() + WEB_DB_WAIT_MS;
	int rc = 0;

	if (r->slot >= 0)
		return w->db[r->slot];
	until.tv_sec = (time_t)(deadline / 1000);
	until.tv_nsec = (long)(deadline % 1000) * 1000000;
	pthread_mutex_lock(&w->db_mu);
	for (;;) {
		for (int i = 0; i < WEB_DB_SESSIONS && r->slot < 0; i++)
			if (!w->db_busy[i]) {
				w->db_busy[i] = true;
				r->slot = i;
			}
		if (r->slot >= 0 || rc != 0)
			break;
		rc = pthread_cond_timedwait(&w->db_cv, &w->db_mu, &until);
	}
	pthread_mutex_unlock(&w->db_mu);
	if (r->slot < 0) {
		jobq_err_set(err, JOBQ_EAGAIN, "every database session is busy: try again");
		return NULL;
	}
	st = w->db[r->slot];
	if (st != NULL && !jobq_store_alive(st)) {
		jobq_store_free(st);
		st = w->db[r->slot] = NULL;
	}
	if (st == NULL) {
		if (jobq_store_connect_bounded(w->cfg->database_url, "jobq-web", 0,
					       WEB_STATEMENT_MS, &w->db[r->slot], err) != 0)
			return NULL;
		/* No JIT: the pages' statements are short, and the overview's many bounded
		 * subqueries make an estimate that JIT compilation would cost seconds of. */
		if (jobq_store_command(w->db[r->slot], "SET jit = off", err) != 0) {
			jobq_store_free(w->db[r->slot]);
			w->db[r->slot] = NULL;
			return NULL;
		}
	}
	return w->db[r->slot];
}

/* Give r's session back to the pool. */
static void db_release(struct req *r)
{
	struct web *w = r->w;

	if (r->slot < 0)
		return;
	pthread_mutex_lock(&w->db_mu);
	w->db_busy[r->slot] = false;
	pthread_cond_signal(&w->db_cv);
	pthread_mutex_unlock(&w->db_mu);
	r->slot = -1;
}

int web_sql(struct req *r, const char *sql, int n, const char *const *p, PGresult **res,
	    struct jobq_err *err)
{
	struct jobq_store *st = web_db(r, err);

	*res = NULL;
	if (st == NULL)
		return err->code != 0 ? err->code : JOBQ_EDB;
	return jobq_store_exec(st, NULL, sql, n, p, res, "reading the database", err);
}

/* ---- arguments ---- */

const char *web_query_arg(struct req *r, const char *name)
{
	for (int i = 0; i < r->nquery; i++)
		if (strcmp(r->query[i].name, name) == 0)
			return r->query[i].value;
	return NULL;
}

/* Collect a query argument (MHD_get_connection_values' iterator). */
static enum MHD_Result query_arg(void *cls, enum MHD_ValueKind kind, const char *key,
				 const char *value)
{
	struct req *r = cls;

	(void)kind;
	if (r->nquery < WEB_MAX_ARGS)
		r->query[r->nquery++] = (struct web_arg){ .name = (char *)key,
							  .value = (char *)(value ? value : "") };
	return MHD_YES;
}

const char *web_form(struct req *r, const char *name)
{
	for (int i = 0; i < r->nform; i++)
		if (strcmp(r->form[i].name, name) == 0)
			return r->form[i].value;
	return NULL;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decode application/x-www-form-urlencoded text in place ('+' is a space). */
static void form_decode(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (*s == '+') {
			*o++ = ' ';
		} else if (*s == '%' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
			*o++ = (char)(hexval(s[1]) * 16 + hexval(s[2]));
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

/* Split a form body into r->form (the strings point into body, decoded in place). */
static void form_parse(struct req *r, char *body)
{
	char *save = NULL;

	for (char *kv = strtok_r(body, "&", &save); kv != NULL && r->nform < WEB_MAX_ARGS;
	     kv = strtok_r(NULL, "&", &save)) {
		char *eq = strchr(kv, '=');

		if (eq == NULL)
			continue;
		*eq = '\0';
		form_decode(kv);
		form_decode(eq + 1);
		r->form[r->nform++] = (struct web_arg){ .name = kv, .value = eq + 1 };
	}
}

/* ---- checks ---- */

/* The value of cookie name in the request, into out (len bytes); false when absent. */
static bool cookie(struct req *r, const char *name, char *out, size_t len)
{
	const char *v = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);

	if (v == NULL || strlen(v) >= len)
		return false;
	snprintf(out, len, "%s", v);
	return true;
}

bool web_host_allowed(const char *host, const char *listen, char *const *hosts, int nhosts)
{
	char name[256];
	size_t n;

	if (host == NULL)
		return false;
	if (host[0] == '[') {
		const char *end = strchr(host, ']');

		if (end == NULL)
			return false;
		n = (size_t)(end - host) + 1;
	} else {
		const char *colon = strchr(host, ':');

		n = colon != NULL ? (size_t)(colon - host) : strlen(host);
	}
	if (n == 0 || n >= sizeof(name))
		return false;
	memcpy(name, host, n);
	name[n] = '\0';
	/* The port, when given, must be digits: "localhost:80@evil" is not localhost. */
	for (const char *p = host + n + (host[n] == ':'); host[n] != '\0' && *p; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	if (strcasecmp(name, "localhost") == 0 || strcmp(name, "127.0.0.1") == 0 ||
	    strcmp(name, "[::1]") == 0 || strcasecmp(name, listen) == 0)
		return true;
	if (listen[0] != '[' && strchr(listen, ':') != NULL) { /* a bare IPv6 listen address */
		char br[160];

		snprintf(br, sizeof(br), "[%s]", listen);
		if (strcasecmp(name, br) == 0)
			return true;
	}
	for (int i = 0; i < nhosts; i++)
		if (strcasecmp(name, hosts[i]) == 0)
			return true;
	return false;
}

/* Check a secret (a login form's password or token, or a Bearer token; token_only: not the
 * password) of r's address under the failed-login limits: 429 when the address is over
 * its limit, 503 when the checks are slowed and another waits longer than 2 s; else 0,
 * with *ok set and the result counted. */
static int secret_check(struct req *r, const char *secret, bool token_only, bool *ok)
{
	const struct jobq_config *cfg = r->w->cfg;
	struct auth *a = &r->w->auth;
	int64_t now = web_now_ms();
	bool slow;

	*ok = false;
	if (!auth_login_allowed(a, r->addr, now))
		return 429;
	slow = auth_login_strained(a, now);
	if (slow) {
		int64_t until_ms = now + 2000;
		struct timespec until = { .tv_sec = (time_t)(until_ms / 1000),
					  .tv_nsec = (long)(until_ms % 1000) * 1000000 };
		struct timespec pause = { .tv_sec = AUTH_SLOW_MS / 1000,
					  .tv_nsec = (long)(AUTH_SLOW_MS % 1000) * 1000000 };

		if (pthread_mutex_timedlock(&a->slow_mu, &until) != 0)
			return 503;
		nanosleep(&pause, NULL);
	}
	*ok = secret != NULL && ((cfg->web_token != NULL && auth_equal(secret, cfg->web_token)) ||
				 (!token_only && auth_password_ok(cfg->web_password_hash, secret)));
	auth_login_result(a, r->addr, web_now_ms(), *ok);
	if (slow)
		pthread_mutex_unlock(&a->slow_mu);
	return 0;
}

/* Whether r comes with a live session or the configured token (a Bearer header); a wrong
 * Bearer token counts as a failed login (r->auth_status 429/503 when refused unchecked). */
static void login_state(struct req *r)
{
	const char *authz = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Authorization");
	char sid[AUTH_TOKEN_LEN];
	bool ok;

	if (authz != NULL && strncmp(authz, "Bearer ", 7) == 0) {
		r->auth_status = secret_check(r, authz + 7, true, &ok);
		if (ok) {
			r->logged_in = true;
			r->csrf[0] =
				'\0'; /* no form: a browser never sends this header by itself */
		}
		return;
	}
	if (cookie(r, "jobq_session", sid, sizeof(sid)) &&
	    auth_session_find(&r->w->auth, sid, web_now_ms(), r->csrf))
		r->logged_in = true;
}

/* ---- the login form ---- */

/* The cookie attributes every cookie of the console carries. */
static const char *cookie_attrs(struct req *r)
{
	return r->w->cfg->web_secure_cookie ? "; HttpOnly; SameSite=Strict; Secure"
					    : "; HttpOnly; SameSite=Strict";
}

int page_login(struct req *r, const char *msg)
{
	char token[AUTH_TOKEN_LEN];
	struct jobq_err err;

	/* The form's CSRF token is a cookie of its own (the double-submit pattern): there is
	 * no session yet to hold it. A browser that has one keeps it: a request of its own
	 * sent to /login meanwhile (a favicon, any page asked without a session) must not
	 * change the token under a form already shown. */
	if (!cookie(r, "jobq_login", token, sizeof(token)) || strlen(token) != AUTH_TOKEN_LEN - 1 ||
	    strspn(token, "0123456789abcdef") != AUTH_TOKEN_LEN - 1) {
		if (auth_random(token, &err) != 0)
			return page_error(r, 500, err.msg);
		snprintf(r->cookie, sizeof(r->cookie), "jobq_login=%s; Path=/login%s", token,
			 cookie_attrs(r));
	}
	page_begin(r, "Log in", "login");
	if (msg != NULL) {
		html_put(&r->h, "<p class=\"error\">");
		html_esc(&r->h, msg);
		html_put(&r->h, "</p>\n");
	}
	html_put(&r->h,
		 "<form method=\"post\" action=\"/login\" class=\"login\">\n"
		 "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n"
		 "<label>Password or token <input type=\"password\" name=\"password\" "
		 "autocomplete=\"current-password\" autofocus></label>\n"
		 "<button type=\"submit\">Log in</button>\n</form>\n",
		 token);
	page_end(r, false);
	return msg != NULL ? 403 : 200;
}

/* The answer to a login check refused before it ran (secret_check's 429 or 503). */
static int refused(struct req *r, int status)
{
	return page_error(r, status,
			  status == 429
				  ? "too many failed logins from this address: wait a minute"
				  : "too many failed logins overall: try again in a few seconds");
}

/* POST /login: the password (checked against web.password_hash) or the token. */
static int do_login(struct req *r)
{
	const char *pw = web_form(r, "password"), *csrf = web_form(r, "csrf");
	char want[AUTH_TOKEN_LEN], sid[AUTH_TOKEN_LEN], scsrf[AUTH_TOKEN_LEN];
	struct jobq_err err;
	int64_t now = web_now_ms();
	int status;
	bool ok;

	if (!cookie(r, "jobq_login", want, sizeof(want)) || !auth_equal(csrf, want))
		return page_error(r, 403,
				  "the login form's CSRF token is missing or wrong: "
				  "reload the login page");
	if ((status = secret_check(r, pw, false, &ok)) != 0)
		return refused(r, status);
	if (!ok)
		return page_login(r, "wrong password or token");
	if (auth_session_new(&r->w->auth, now, sid, scsrf, &err) != 0)
		return page_error(r, 500, err.msg);
	snprintf(r->cookie, sizeof(r->cookie), "jobq_session=%s; Path=/%s", sid, cookie_attrs(r));
	snprintf(r->location, sizeof(r->location), "/");
	return 303;
}

/* ---- routing ---- */

/* Whether the GET of r needs a login: on a console with actions, every page but the login
 * form and the static files (the data of the jobs is no less secret than the actions). */
static bool needs_login(const struct req *r)
{
	return !r->w->read_only && !r->logged_in && strcmp(r->url, "/login") != 0 &&
	       strncmp(r->url, "/static/", 8) != 0;
}

/* The answer to a GET that needs a login: 401 to a client that sent credentials (a wrong
 * token), else 303 to the login form. No byte of the page. */
static int login_first(struct req *r)
{
	if (MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Authorization") != NULL)
		return page_error(r, 401, "wrong token: log in first");
	snprintf(r->location, sizeof(r->location), "/login");
	html_put(&r->h, "log in first: /login\n");
	r->content_type = "text/plain; charset=utf-8";
	return 303;
}

static int route_get(struct req *r)
{
	const char *u = r->url;

	if (strcmp(u, "/") == 0)
		return page_overview(r);
	if (strcmp(u, "/jobs") == 0)
		return page_jobs(r);
	if (strncmp(u, "/jobs/", 6) == 0)
		return page_job(r, u + 6);
	if (strcmp(u, "/workers") == 0)
		return page_workers(r);
	if (strcmp(u, "/dead") == 0)
		return page_dead(r);
	if (strcmp(u, "/schedules") == 0)
		return page_schedules(r);
	if (strcmp(u, "/bulk") == 0)
		return page_bulk(r);
	if (strcmp(u, "/login") == 0) {
		if (r->w->read_only)
			return page_error(r, 404, "this console is read-only: there is no login");
		return page_login(r, NULL);
	}
	if (strcmp(u, "/static/app.css") == 0 || strcmp(u, "/static/app.js") == 0) {
		bool css = u[12] == 'c';

		r->content_type =
			css ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
		html_put(&r->h, "%s", css ? web_static_css : web_static_js);
		return 200;
	}
	return page_error(r, 404, "no such page");
}

static int route_post(struct req *r, struct upload *up)
{
	if (r->w->read_only)
		return page_error(r, 403, "this console is read-only: it takes no action");
	if (up->too_large)
		return page_error(r, 413, "the form is too large");
	if (up->body != NULL)
		form_parse(r, up->body);
	if (strcmp(r->url, "/login") == 0)
		return do_login(r);
	if (!r->logged_in)
		return page_error(r, 403, "log in first");
	/* A session's form must carry its token; a request with the Bearer token has none to
	 * carry, and a browser never adds that header on its own. */
	if (r->csrf[0] != '\0' && !auth_equal(web_form(r, "csrf"), r->csrf))
		return page_error(r, 403,
				  "the form's CSRF token is missing or wrong: reload the page");
	if (strcmp(r->url, "/logout") == 0) {
		char sid[AUTH_TOKEN_LEN];

		if (cookie(r, "jobq_session", sid, sizeof(sid)))
			auth_session_end(&r->w->auth, sid);
		snprintf(r->cookie, sizeof(r->cookie), "jobq_session=; Path=/; Max-Age=0%s",
			 cookie_attrs(r));
		snprintf(r->location, sizeof(r->location), "/");
		return 303;
	}
	if (strncmp(r->url, "/actions/", 9) == 0)
		return web_action(r, r->url + 9);
	return page_error(r, 404, "no such action");
}

/* Set the deadline of conn (see struct web_conn). */
static void conn_deadline(struct web *w, struct MHD_Connection *conn, int64_t deadline_ms)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct web_conn *c = ci != NULL ? ci->socket_context : NULL;

	if (c == NULL)
		return;
	pthread_mutex_lock(&w->conn_mu);
	if (c->deadline_ms != INT64_MAX) /* not one already closed */
		c->deadline_ms = deadline_ms;
	pthread_mutex_unlock(&w->conn_mu);
}

static void client_addr(struct MHD_Connection *conn, char *out, size_t len)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci != NULL ? ci->client_addr : NULL;

	snprintf(out, len, "?");
	if (sa != NULL && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
			  (socklen_t)len);
	else if (sa != NULL && sa->sa_family == AF_INET6) {
		struct in6_addr a = ((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr;

		/* One client holds a /64 (2^64 addresses): count it as one. An IPv4-mapped
		 * address stays whole. */
		if (!IN6_IS_ADDR_V4MAPPED(&a)) {
			memset(a.s6_addr + 8, 0, 8);
			inet_ntop(AF_INET6, &a, out, (socklen_t)len);
			if (strlen(out) + 4 < len)
				strcat(out, "/64");
		} else {
			inet_ntop(AF_INET6, &a, out, (socklen_t)len);
		}
	}
}

static enum MHD_Result respond(struct req *r, int status, struct upload *up)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	size_t len = 0;
	char *body = html_take(&r->h, &len);

	/* Clients that do not read their answers hold them in memory: past WEB_INFLIGHT_MAX
	 * bytes of answers not yet sent, a short 503 instead. */
	if (body != NULL &&
	    atomic_fetch_add(&r->w->inflight, (long long)len) + (long long)len > WEB_INFLIGHT_MAX) {
		static const char busy[] = "busy: too many answers not yet read; try again\n";

		atomic_fetch_sub(&r->w->inflight, (long long)len);
		free(body);
		body = NULL; /* not freed again below */
		status = 503;
		r->cookie[0] = '\0';
		r->content_type = "text/plain; charset=utf-8";
		resp = MHD_create_response_from_buffer(sizeof(busy) - 1, (void *)busy,
						       MHD_RESPMEM_PERSISTENT);
	} else if (body == NULL) {
		static const char oom[] = "out of memory\n";

		status = 500;
		resp = MHD_create_response_from_buffer(sizeof(oom) - 1, (void *)oom,
						       MHD_RESPMEM_PERSISTENT);
	} else {
		resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
		if (resp != NULL)
			up->inflight = len;
		else
			atomic_fetch_sub(&r->w->inflight, (long long)len);
	}
	if (resp == NULL) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, "Content-Type",
				r->content_type ? r->content_type : "text/html; charset=utf-8");
	MHD_add_response_header(resp, "Content-Security-Policy", CSP);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	if (r->cookie[0] != '\0')
		MHD_add_response_header(resp, "Set-Cookie", r->cookie);
	if (status == 303)
		MHD_add_response_header(resp, "Location", r->location);
	if (status == 401)
		MHD_add_response_header(resp, "WWW-Authenticate", "Bearer");
	ret = MHD_queue_response(r->conn, (unsigned int)status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn, const char *url,
			      const char *method, const char *version, const char *data,
			      size_t *data_size, void **con_cls)
{
	struct web *w = cls;
	struct upload *up = *con_cls;
	struct req *r;
	enum MHD_Result ret;
	int status;

	(void)version;
	if (up == NULL) { /* the headers are in: the body (if any) comes next */
		conn_deadline(w, conn, web_mono_ms() + WEB_ANSWER_MS);
		if ((up = calloc(1, sizeof(*up))) == NULL)
			return MHD_NO;
		*con_cls = up;
		return MHD_YES;
	}
	if (*data_size > 0) {
		if (!up->too_large && up->len + *data_size <= WEB_BODY_MAX) {
			char *p = realloc(up->body, up->len + *data_size + 1);

			if (p == NULL)
				return MHD_NO;
			up->body = p;
			memcpy(up->body + up->len, data, *data_size);
			up->len += *data_size;
			up->body[up->len] = '\0';
		} else {
			up->too_large = true;
		}
		*data_size = 0;
		return MHD_YES;
	}
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return MHD_NO;
	*r = (struct req){ .w = w, .conn = conn, .method = method, .url = url, .slot = -1 };
	client_addr(conn, r->addr, sizeof(r->addr));
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, query_arg, r);
	if (!web_host_allowed(MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Host"), w->listen,
			      w->hosts, w->nhosts)) {
		status = page_error(r, 421,
				    "this console does not answer to that Host name "
				    "(add it to web.hosts)");
	} else {
		login_state(r);
		if (r->auth_status != 0)
			status = refused(r, r->auth_status);
		else if (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0)
			status = needs_login(r) ? login_first(r) : route_get(r);
		else if (strcmp(method, "POST") == 0)
			status = route_post(r, up);
		else
			status = page_error(r, 405, "only GET and POST");
	}
	db_release(r);
	ret = respond(r, status, up);
	html_free(&r->h);
	free(r);
	return ret;
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls,
		      enum MHD_RequestTerminationCode toe)
{
	struct web *w = cls;
	struct upload *up = *con_cls;

	/* A request that ended badly (a timeout, a client that does not read, a deadline):
	 * the close resets the connection, so that no FIN waits behind bytes the client never
	 * takes and the client sees the end at once. */
	if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK) {
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
		const struct web_conn *c = ci != NULL ? ci->socket_context : NULL;
		struct linger lg = { .l_onoff = 1, .l_linger = 0 };

		if (c != NULL)
			setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	}
	if (up != NULL) {
		atomic_fetch_sub(&w->inflight, (long long)up->inflight);
		free(up->body);
		free(up);
	}
	*con_cls = NULL;
	/* the next request of a kept-alive connection: a silent one is closed by libmicrohttpd
	 * after WEB_IDLE_S; one that starts a request has WEB_HEADERS_MS more for it */
	conn_deadline(w, conn, web_mono_ms() + WEB_IDLE_S * 1000 + WEB_HEADERS_MS);
}

/* End connection c (conn_mu held): a reset, not a FIN that would wait behind the bytes a
 * client does not read; shutdown() wakes the thread serving it, which closes it. */
static void conn_cut(struct web_conn *c)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };

	setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	shutdown(c->fd, SHUT_RDWR);
	c->deadline_ms = INT64_MAX;
}

/* Track connections (MHD_OPTION_NOTIFY_CONNECTION): a new one gets WEB_HEADERS_MS for its
 * request's headers, and is closed at once when the slots left are the reserved ones and
 * its address already holds 2 connections. */
static void conn_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
			enum MHD_ConnectionNotificationCode code)
{
	struct web *w = cls;
	struct web_conn *c = *socket_context;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		int same = 0;

		if (ci == NULL || (c = calloc(1, sizeof(*c))) == NULL)
			return;
		c->fd = ci->connect_fd;
		c->deadline_ms = web_mono_ms() + WEB_HEADERS_MS;
		client_addr(conn, c->addr, sizeof(c->addr));
		pthread_mutex_lock(&w->conn_mu);
		if (w->nconns >= WEB_MAX_CONN - WEB_RESERVED_CONN)
			for (struct web_conn *o = w->conns; o != NULL && same < 2; o = o->next)
				same += strcmp(o->addr, c->addr) == 0;
		if (same >= 2)
			conn_cut(c);
		c->next = w->conns;
		if (w->conns != NULL)
			w->conns->prev = c;
		w->conns = c;
		w->nconns++;
		pthread_mutex_unlock(&w->conn_mu);
		*socket_context = c;
	} else if (code == MHD_CONNECTION_NOTIFY_CLOSED && c != NULL) {
		pthread_mutex_lock(&w->conn_mu);
		if (c->prev != NULL)
			c->prev->next = c->next;
		else
			w->conns = c->next;
		if (c->next != NULL)
			c->next->prev = c->prev;
		w->nconns--;
		pthread_mutex_unlock(&w->conn_mu);
		free(c);
		*socket_context = NULL;
	}
}

/* End, every 250 ms, the connections past their deadline (conn_cut). */
static void *reaper(void *arg)
{
	struct web *w = arg;
	struct timespec tick = { .tv_sec = 0, .tv_nsec = 250 * 1000000L };

	while (!atomic_load(&w->stopping)) {
		int64_t now = web_mono_ms();

		nanosleep(&tick, NULL);
		pthread_mutex_lock(&w->conn_mu);
		for (struct web_conn *c = w->conns; c != NULL; c = c->next)
			if (c->deadline_ms <= now)
				conn_cut(c);
		pthread_mutex_unlock(&w->conn_mu);
	}
	return NULL;
}

/* libmicrohttpd's own error lines (a client that went away, a request too large): one
 * logged event each, through jobq_log, which quotes and escapes control characters, so a
 * percent-decoded URL in the text cannot forge a line or reach a terminal raw. */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	char line[1024];
	size_t n;

	(void)cls;
	vsnprintf(line, sizeof(line), fmt, ap);
	n = strlen(line);
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	jobq_warn("web_http_error", "msg", line);
}

int web_start(struct web *w, struct jobq_err *err)
{
	struct sockaddr_storage ss;
	bool v6 = strchr(w->listen, ':') != NULL;
	char host[128];

	pthread_mutex_init(&w->conn_mu, NULL);
	memset(&ss, 0, sizeof(ss));
	snprintf(host, sizeof(host), "%s", w->listen);
	if (host[0] == '[') { /* "[::1]" */
		memmove(host, host + 1, strlen(host));
		host[strcspn(host, "]")] = '\0';
	}
	if (strcasecmp(host, "localhost") == 0)
		snprintf(host, sizeof(host), "127.0.0.1");
	if (v6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;

		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)w->port);
		if (inet_pton(AF_INET6, host, &a->sin6_addr) != 1)
			goto bad;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;

		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)w->port);
		if (inet_pton(AF_INET, host, &a->sin_addr) != 1)
			goto bad;
	}
	/* A pool of threads, each with its own epoll set; connection limits overall and per
	 * address, an idle timeout, and a cap on the memory a request's headers may take (a
	 * larger request gets 431 and is closed): a client that holds many connections or
	 * sends huge headers cannot stop the console from serving others. */
	w->daemon = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD |
			(MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES ? MHD_USE_EPOLL
										: MHD_USE_POLL) |
			MHD_USE_ERROR_LOG | (v6 ? MHD_USE_IPv6 : 0),
		0, NULL, NULL, answer, w, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss, MHD_OPTION_THREAD_POOL_SIZE,
		(unsigned int)WEB_THREADS, MHD_OPTION_CONNECTION_LIMIT, (unsigned int)WEB_MAX_CONN,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)WEB_MAX_PER_ADDR,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)WEB_IDLE_S,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)WEB_HEADER_BYTES,
		MHD_OPTION_NOTIFY_COMPLETED, completed, w, MHD_OPTION_NOTIFY_CONNECTION,
		conn_notify, w, MHD_OPTION_END);
	if (w->daemon == NULL)
		return jobq_err_set(err, JOBQ_ESYS, "web: cannot listen on %s port %d", w->listen,
				    w->port);
	if (pthread_create(&w->reaper, NULL, reaper, w) != 0)
		return jobq_err_set(err, JOBQ_ESYS, "web: cannot start a thread");
	w->reaper_started = true;
	return 0;
bad:
	return jobq_err_set(err, JOBQ_EINVAL,
			    "web.listen: '%s' is not an IPv4 or IPv6 address (or localhost)",
			    w->listen);
}

void web_stop(struct web *w)
{
	atomic_store(&w->stopping, true);
	if (w->reaper_started)
		pthread_join(w->reaper, NULL);
	w->reaper_started = false;
	if (w->daemon != NULL)
		MHD_stop_daemon(w->daemon);
	w->daemon = NULL;
	pthread_mutex_destroy(&w->conn_mu);
	for (int i = 0; i < WEB_DB_SESSIONS; i++) {
		jobq_store_free(w->db[i]);
		w->db[i] = NULL;
	}
}
