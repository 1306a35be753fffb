/* jobq-web, the web console: the server's state shared by its modules, and one request as
 * the page and action handlers see it. */
#ifndef JOBQ_WEB_H
#define JOBQ_WEB_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <libpq-fe.h>

#include "auth.h"
#include "html.h"
#include "jobq/config.h"
#include "jobq/job_filter.h"
#include "jobq/jobq.h"
#include "jobq/store.h"

/* Threads serving requests, database sessions they share, and how long a request waits
 * for a free session before it answers 503. */
#define WEB_THREADS 4
#define WEB_DB_SESSIONS 4
#define WEB_DB_WAIT_MS 5000
/* Every statement's bound (statement_timeout, idle transactions, TCP). */
#define WEB_STATEMENT_MS 5000
/* Connections at once, from one address, seconds before an idle one is dropped, bytes a
 * request's headers may take, and bytes of a form. */
#define WEB_MAX_CONN 1024
#define WEB_MAX_PER_ADDR 16
#define WEB_IDLE_S 15
/* Every connection must send a request's line and headers within WEB_HEADERS_MS of its
 * start (a kept-alive one: WEB_IDLE_S + WEB_HEADERS_MS after its previous answer), and
 * take its answer within
 * WEB_ANSWER_MS of the headers, whatever trickles in or out meanwhile: else it is closed.
 * The last WEB_RESERVED_CONN slots go only to addresses holding fewer than 2 connections. */
#define WEB_HEADERS_MS 10000
#define WEB_ANSWER_MS 30000
#define WEB_RESERVED_CONN 128
/* Bytes of answers built and not yet sent, all connections together: past it, 503. */
#define WEB_INFLIGHT_MAX (64 * 1024 * 1024)
#define WEB_HEADER_BYTES (32 * 1024)
#define WEB_BODY_MAX (64 * 1024)
/* A value longer than this is shown folded: its first bytes and a link to the whole. */
#define WEB_FOLD_BYTES (16 * 1024)
/* Jobs one bulk action handles at most (the page says so: repeat it for more). */
#define WEB_BULK_MAX 10000
/* Counts stop at this many rows ("≥ 10,000"): no count reads the whole table. */
#define WEB_COUNT_CAP 10000
/* Host names the console answers besides its address, localhost and loopback. */
#define WEB_MAX_HOSTS 16

struct web {
	const struct jobq_config *cfg;
	const char *config_path; /* the file cfg came from, or NULL */
	char listen[128];        /* the address it listens on */
	int port;
	bool read_only;
	char *hosts[WEB_MAX_HOSTS]; /* web.hosts, split */
	int nhosts;
	struct auth auth;
	void *daemon;          /* struct MHD_Daemon */
	atomic_bool stopping;  /* set by web_stop first: long handlers end between batches */
	atomic_llong inflight; /* bytes of answers queued and not yet sent (WEB_INFLIGHT_MAX) */

	/* open connections and their deadlines (server.c), and the thread that enforces them */
	pthread_mutex_t conn_mu;
	struct web_conn *conns;
	int nconns;
	pthread_t reaper;
	bool reaper_started;

	/* database sessions: taken by one request at a time */
	pthread_mutex_t db_mu;
	pthread_cond_t db_cv;
	struct jobq_store *db[WEB_DB_SESSIONS];
	bool db_busy[WEB_DB_SESSIONS];

	/* the libjobq handle the cancel goes through (as `jobq cancel`): one call at a time */
	pthread_mutex_t client_mu;
	jobq_client *client;
};

/* A form field or query argument. */
struct web_arg {
	char *name, *value;
};
#define WEB_MAX_ARGS 64

/* One request as the handlers see it. */
struct req {
	struct web *w;
	void *conn; /* struct MHD_Connection */
	const char *method, *url;
	char addr[48];                     /* the client's address (IPv6: its /64) */
	int auth_status;                   /* 429 or 503 when a Bearer check was refused */
	bool logged_in;                    /* a live session cookie (or the token) came with it */
	char csrf[AUTH_TOKEN_LEN];         /* the session's CSRF token when logged in */
	int slot;                          /* the database session taken (db_take), or -1 */
	struct web_arg form[WEB_MAX_ARGS]; /* a POST's fields */
	int nform;
	struct web_arg query[WEB_MAX_ARGS]; /* the URL's query arguments */
	int nquery;
	struct html h;            /* the page */
	const char *content_type; /* of h (NULL: text/html) */
	char location[512];       /* a redirect's target (status 303) */
	char cookie[256];         /* a Set-Cookie value to send, or "" */
};

/* The value of query argument name of r, or NULL. */
const char *web_query_arg(struct req *r, const char *name);

/* The value of form field name of r (a POST), or NULL. */
const char *web_form(struct req *r, const char *name);

/* The filter of the job list and of the bulk actions from args[0..n) (query arguments or
 * form fields status, type, queue, worker, meta (repeatable, K=V), since, until, and after
 * when with_cursor), parsed as `jobq list` parses its options (jobq_job_filter_set);
 * empty values are ignored. 0, or JOBQ_EINVAL with a message naming the field. f borrows
 * the values (free it with jobq_job_filter_free). */
int web_filter(const struct web_arg *args, int n, bool with_cursor, struct jobq_job_filter *f,
	       struct jobq_err *err) JOBQ_WUR;

/* The database session of r, taken from the pool on first use (waiting up to
 * WEB_DB_WAIT_MS, reconnecting one the server ended). NULL with err set when none. */
struct jobq_store *web_db(struct req *r, struct jobq_err *err);

/* Run sql with n text parameters on r's session into *res (PQclear it). 0, or the error's
 * code with err set; a session that broke is reconnected at its next use. */
int web_sql(struct req *r, const char *sql, int n, const char *const *p, PGresult **res,
	    struct jobq_err *err) JOBQ_WUR;

/* Milliseconds on the wall clock and on a clock that only moves forward. */
int64_t web_now_ms(void);
int64_t web_mono_ms(void);

/* ---- pages (pages.c, page_jobs.c): each fills r->h and returns the HTTP status ---- */

/* The start of a page: head, stylesheet, navigation (nav names the current entry). */
void page_begin(struct req *r, const char *title, const char *nav);
/* The end of a page (and the script, for pages that update live). */
void page_end(struct req *r, bool script);
/* A page that says what went wrong (msg escaped) with status `status`. */
int page_error(struct req *r, int status, const char *msg);
/* The hidden CSRF field of a form. */
void page_csrf(struct req *r);
/* A job id as a link to its page (class "id"), escaped; a value that is not a valid uuid
 * is shown as escaped text with no link. */
void page_id_link(struct req *r, const char *id);
/* A state as a badge (its class and its text), escaped. */
void page_badge(struct req *r, const char *status);
/* A count as shown: "1,234", or "≥ 10,000" at the cap. */
void page_count(struct req *r, long long n);

int page_overview(struct req *r);
int page_workers(struct req *r);
int page_dead(struct req *r);
int page_schedules(struct req *r);
int page_jobs(struct req *r);
/* /jobs/ID, /jobs/ID/raw/NAME, /jobs/ID/events (rest is what follows "/jobs/") */
int page_job(struct req *r, const char *rest);
int page_login(struct req *r, const char *msg);
/* GET /bulk: the preview of a bulk cancel or retry (actions.c) */
int page_bulk(struct req *r);

/* ---- actions (actions.c): POSTs; each returns the HTTP status (303 to a page) ---- */

/* The POST of r to path; the caller has checked the login and the CSRF token. */
int web_action(struct req *r, const char *path);

#endif
