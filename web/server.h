/* Starting and stopping the console's HTTP server (server.c), its Host check, and the
 * stylesheet and script it serves (static.c). */
#ifndef JOBQ_WEB_SERVER_H
#define JOBQ_WEB_SERVER_H

#include <stdbool.h>
#include "jobq/err.h"

struct web;

/* Listen on w->listen port w->port and serve until web_stop. 0, JOBQ_EINVAL for an address
 * that is not one, JOBQ_ESYS when it cannot listen. */
int web_start(struct web *w, struct jobq_err *err) JOBQ_WUR;

/* Stop serving and close the database sessions. Accepts a server that never started. */
void web_stop(struct web *w);

/* Whether a request's Host header (NULL: none) names this console: localhost, 127.0.0.1,
 * [::1], the listen address or one of hosts[0..nhosts), with or without a port. Anything
 * else is refused (421), so that a name rebound to 127.0.0.1 (DNS rebinding) cannot
 * reach the console from a page of another site. */
bool web_host_allowed(const char *host, const char *listen, char *const *hosts, int nhosts);

/* /static/app.css and /static/app.js. */
extern const char web_static_css[];
extern const char web_static_js[];

#endif
