/* RabbitMQ access over rabbitmq-c 0.11. This header is the contract of common/broker.c:
 * connecting with jobq's client properties, keeping a connection serviced, answering the
 * broker's closes and translating library replies into jobq errors. It also includes the
 * other parts of the module, so that callers need only this one: the topology of
 * docs/design.md §5 (jobq/broker_topology.h), publishing with confirms (jobq/broker_publish.h)
 * and taking single messages (jobq/broker_get.h). A jobq_broker is used by one thread
 * only (rabbitmq-c is not thread-safe). */
#ifndef JOBQ_BROKER_H
#define JOBQ_BROKER_H

#include <amqp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/broker_get.h"
#include "jobq/broker_publish.h"
#include "jobq/broker_topology.h"
#include "jobq/config.h"
#include "jobq/envelope.h"
#include "jobq/err.h"

/* The one channel jobq opens on each connection. */
#define JOBQ_CHANNEL 1
/* The bound on TCP connect plus the AMQP handshake when opts leave it 0, and the one
 * jobq_broker_opts_from_config sets. */
#define JOBQ_BROKER_CONNECT_TIMEOUT_MS 5000
/* The bound on each synchronous RPC that jobq_broker_opts_from_config sets. */
#define JOBQ_BROKER_RPC_TIMEOUT_MS 10000

struct jobq_broker;

struct jobq_broker_opts {
	/* amqp[s]://user:pass@host:port/vhost, or several (one per cluster node) joined by
	 * commas: they are tried in turn, starting at index `first` */
	const char *url;
	size_t first;
	int heartbeat_s;             /* AMQP heartbeat; 0 is refused (it would disable them) */
	const char *connection_name; /* shown in the management UI */
	int connect_timeout_ms;      /* TCP connect + handshake bound;
					 * 0 = JOBQ_BROKER_CONNECT_TIMEOUT_MS */
	int rpc_timeout_ms;          /* bound on each synchronous RPC; 0 = none */
	/* amqps:// only */
	const char *tls_ca;   /* CA bundle (PEM); NULL = the library's default */
	const char *tls_cert; /* client certificate and key (PEM), or NULL */
	const char *tls_key;
	bool tls_verify; /* verify the broker's certificate and host name */
	/* the type the job queues and jobq.dead are declared with; 0 = quorum */
	enum jobq_queue_type queue_type;
};

struct jobq_config;

/* The CA bundle an amqps:// connection without amqp.tls_ca verifies the broker against:
 * $SSL_CERT_FILE (OpenSSL's own override) when set, else the first readable one of the
 * distributions' bundle paths (/etc/ssl/certs/ca-certificates.crt on Debian), else NULL.
 * The string is static or the environment's. */
const char *jobq_broker_system_ca(void);

/* Fill opts from the configuration: its URL, heartbeat (whole seconds, at least 1) and
 * queue type, a JOBQ_BROKER_CONNECT_TIMEOUT_MS connect timeout and a
 * JOBQ_BROKER_RPC_TIMEOUT_MS bound on each RPC. `connection_name` is borrowed. */
void jobq_broker_opts_from_config(struct jobq_broker_opts *opts, const struct jobq_config *cfg,
				  const char *connection_name);

/* Connect, log in (with `connection_name` and capabilities.consumer_cancel_notify), open
 * channel JOBQ_CHANNEL. With a URL list, each URL is tried once, in list order from
 * opts->first (wrapping), until one works; jobq_broker_node() then names it and
 * jobq_broker_skipped() says why the ones before it failed. *out is owned by the caller.
 * JOBQ_EBROKER naming every masked URL tried and its error when none works; JOBQ_EINVAL for
 * an unparseable URL or TLS file. */
int jobq_broker_connect(const struct jobq_broker_opts *opts, struct jobq_broker **out,
			struct jobq_err *err) JOBQ_WUR;

/* Bound each synchronous RPC on b's connection to ms from now on (0: no bound), in place
 * of the opts->rpc_timeout_ms it connected with (rabbitmq-c keeps the bound per
 * connection): a caller that connected with a short bound restores the normal one. A bound
 * that fires closes the socket (the connection is then broken). */
void jobq_broker_set_rpc_timeout(struct jobq_broker *b, int ms);

/* Close politely when the connection is healthy (channel then connection close, bounded
 * by a short timeout), then free. Accepts NULL. */
void jobq_broker_free(struct jobq_broker *b);

/* The rabbitmq-c connection, for the consumer loop's own amqp_* calls. Owned by b. */
amqp_connection_state_t jobq_broker_conn(struct jobq_broker *b);

/* "host:port" of the node this connection is on. */
const char *jobq_broker_node(const struct jobq_broker *b);

/* Where a new connection should start trying the URL list after b: b's own node when b
 * is healthy (a polite close), the next one when b failed, so that a node that went away
 * is not the first one tried again. */
size_t jobq_broker_resume_index(const struct jobq_broker *b);

/* Make *b a healthy connection: keep it when it is; otherwise free it and connect with
 * opts, starting at jobq_broker_resume_index of the failed one (opts->first when *b is
 * NULL). 0 with *b connected, or jobq_broker_connect's error with *b NULL. */
int jobq_broker_ensure(struct jobq_broker **b, const struct jobq_broker_opts *opts,
		       struct jobq_err *err) JOBQ_WUR;

/* "" when the first URL tried worked; otherwise the nodes tried before it, with their
 * errors ("127.0.0.1:5672: cannot connect: connection refused; ..."). Owned by b. */
const char *jobq_broker_skipped(const struct jobq_broker *b);

/* Make jobq_broker_skipped(b) "" (its nodes were reported; a connection kept for further
 * publishes should not report them again). */
void jobq_broker_forget_skipped(struct jobq_broker *b);

/* True until a library call on this connection has failed; then the caller reconnects. */
bool jobq_broker_ok(const struct jobq_broker *b);

/* Mark the connection broken (after an error seen by the caller's own amqp_* calls). */
void jobq_broker_set_broken(struct jobq_broker *b);

/* Translate a rabbitmq-c RPC reply into err (JOBQ_EBROKER; 0 for a normal reply). A
 * server-side channel or connection close is answered with jobq_broker_answer_close.
 * Any failure marks the connection broken. `what` names the operation ("declare queue
 * jobq.default"). */
int jobq_broker_reply_error(struct jobq_broker *b, amqp_rpc_reply_t reply, const char *what,
			    struct jobq_err *err);

/* Answer a close the broker sent. rabbitmq-c never answers one itself, and without the
 * close-ok the broker refuses to reopen the channel ("504 second 'channel.open' seen")
 * or waits for the connection's. When `method` (a frame's, or an RPC reply's) is
 * channel.close, send channel.close-ok on `channel`; when it is connection.close, send
 * connection.close-ok on channel 0. Either way mark b broken and return JOBQ_EBROKER with
 * err "<what>: channel closed by broker: 406 PRECONDITION_FAILED - ..." (or "connection
 * closed by broker"). Any other method: 0, nothing sent, err untouched. `method` is only
 * read. */
int jobq_broker_answer_close(struct jobq_broker *b, amqp_channel_t channel,
			     const amqp_method_t *method, const char *what,
			     struct jobq_err *err) JOBQ_WUR;

/* Keep an idle connection alive: read whatever the broker sent without blocking (the
 * library sends and checks heartbeats only inside such calls). A close from the broker is
 * answered and reported as JOBQ_EBROKER. */
int jobq_broker_service(struct jobq_broker *b, struct jobq_err *err) JOBQ_WUR;

#endif
