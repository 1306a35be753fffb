/* RabbitMQ access over rabbitmq-c 0.11: connecting with jobq's client properties, the
 * topology of design §5, publishing with confirms, and translating library replies into
 * jobq errors. A jobq_broker is used by one thread only (rabbitmq-c is not thread-safe). */
#ifndef JOBQ_BROKER_H
#define JOBQ_BROKER_H

#include <amqp.h>
#include <stdbool.h>
#include <stdint.h>
#include "jobq/envelope.h"
#include "jobq/err.h"

#define JOBQ_EXCHANGE_JOBS "jobq.jobs"
#define JOBQ_EXCHANGE_CANCEL "jobq.cancel"
/* The largest cancel broadcast a consumer parses. jobq sends one message per job, {job_id,
 * reason}: with the 1,000-byte reason `jobq cancel` allows, at most about 6 KiB even if
 * every byte is escaped. A larger body is not ours, and parsing it would cost its parser
 * many times its size in every consumer at once, so it is dropped unread. */
#define JOBQ_CANCEL_MAX_BYTES 16384
#define JOBQ_EXCHANGE_DEAD "jobq.dead"
#define JOBQ_QUEUE_DEAD "jobq.dead"
#define JOBQ_QUEUE_PREFIX "jobq."
/* Deliveries of one message before the broker dead-letters it (x-delivery-limit). Worker
 * crashes count too; the database's max_attempts normally ends a job long before. */
#define JOBQ_DELIVERY_LIMIT 20
#define JOBQ_CHANNEL 1

struct jobq_broker;

struct jobq_broker_opts {
	/* amqp[s]://user:pass@host:port/vhost, or several (one per cluster node) joined by
	 * commas: they are tried in turn, starting at index `first` */
	const char *url;
	size_t first;
	int heartbeat_s;		/* AMQP heartbeat; 0 is refused (it would disable them) */
	const char *connection_name;	/* shown in the management UI */
	int connect_timeout_ms;		/* TCP connect + handshake bound; 0 = 5000 */
	int rpc_timeout_ms;		/* bound on each synchronous RPC; 0 = none */
	/* amqps:// only */
	const char *tls_ca;		/* CA bundle (PEM); NULL = the library's default */
	const char *tls_cert;		/* client certificate and key (PEM), or NULL */
	const char *tls_key;
	bool tls_verify;		/* verify the broker's certificate and host name */
};

struct jobq_config;

/* The CA bundle an amqps:// connection without amqp.tls_ca verifies the broker against:
 * $SSL_CERT_FILE (OpenSSL's own override) when set, else the first readable one of the
 * distributions' bundle paths (/etc/ssl/certs/ca-certificates.crt on Debian), else NULL.
 * The string is static or the environment's. */
const char *jobq_broker_system_ca(void);

/* Fill opts from the configuration: its URL and heartbeat (whole seconds, at least 1), a
 * 5 s connect timeout and a 10 s bound on each RPC. `connection_name` is borrowed. */
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

/* True until a library call on this connection has failed; then the caller reconnects. */
bool jobq_broker_ok(const struct jobq_broker *b);

/* Mark the connection broken (after an error seen by the caller's own amqp_* calls). */
void jobq_broker_set_broken(struct jobq_broker *b);

/* Translate a rabbitmq-c RPC reply into err (JOBQ_EBROKER). For a server-side channel or
 * connection close it answers with close-ok (the library never does) and marks the
 * connection broken. `what` names the operation ("declare queue jobq.default"). */
int jobq_broker_reply_error(struct jobq_broker *b, amqp_rpc_reply_t reply, const char *what,
			    struct jobq_err *err);

/* Declare exchanges jobq.jobs (direct), jobq.cancel (fanout), jobq.dead (fanout) and queue
 * jobq.dead, then the job queue of each name: quorum queue "jobq.<name>" with the delivery
 * limit and at-least-once dead-lettering to jobq.dead, bound to jobq.jobs with key <name>.
 * A queue that exists with other arguments fails with the broker's 406 text, which names
 * the queue and the argument. */
int jobq_broker_declare_topology(struct jobq_broker *b, char *const *queues, int nqueues,
				 struct jobq_err *err) JOBQ_WUR;

/* Declare one job queue (as above) unless this connection already did. */
int jobq_broker_declare_queue(struct jobq_broker *b, const char *name, struct jobq_err *err) JOBQ_WUR;

/* Publish job messages with publisher confirms: persistent, message_id = job id, type =
 * job type, app_id "jobq", mandatory, routed by queue on jobq.jobs. Up to 1000 are in
 * flight before confirms are collected. confirmed[i] is set true for each message the
 * broker acked (and did not return as unroutable). Returns the number confirmed, or a
 * negative JOBQ_EBROKER when the connection failed (confirmed[] then says which made it).
 * timeout_ms bounds the wait for each window's confirms. */
int jobq_broker_publish_jobs(struct jobq_broker *b, const struct jobq_envelope *envs, size_t n,
			     bool *confirmed, int timeout_ms, struct jobq_err *err) JOBQ_WUR;

/* jobq_broker_publish_jobs across a cluster: publish on *b (connecting it with opts
 * first when it is NULL or broken), and when the connection fails, a message is nacked or
 * its confirm does not come, publish the ones not yet confirmed again on the next node of
 * opts->url's list, trying each node at most once. *b may be replaced by a connection to
 * another node, or be NULL when none could be reached; the caller frees it. A message
 * published twice this way is harmless (the claim is conditional). Returns the number
 * confirmed (confirmed[] says which) when all were, else a negative JOBQ_E* naming the
 * last failure. */
int jobq_broker_publish_jobs_failover(struct jobq_broker **b, const struct jobq_broker_opts *opts,
				      const struct jobq_envelope *envs, size_t n, bool *confirmed,
				      int timeout_ms, struct jobq_err *err) JOBQ_WUR;

/* Keep an idle connection alive: read whatever the broker sent without blocking (the
 * library sends and checks heartbeats only inside such calls). A close from the broker is
 * answered and reported as JOBQ_EBROKER. */
int jobq_broker_service(struct jobq_broker *b, struct jobq_err *err) JOBQ_WUR;

/* Take one message from a queue (basic.get, manual ack). *got says whether there was one;
 * when true the caller owns msg (amqp_destroy_message) and settles *tag with
 * jobq_broker_ack. */
int jobq_broker_get(struct jobq_broker *b, const char *queue, amqp_message_t *msg,
		    uint64_t *tag, bool *got, struct jobq_err *err) JOBQ_WUR;

/* Ack one delivery on JOBQ_CHANNEL. */
int jobq_broker_ack(struct jobq_broker *b, uint64_t tag, struct jobq_err *err) JOBQ_WUR;

/* Read the first x-death entry of a dead-lettered message: its reason ("rejected",
 * "delivery_limit", "expired", ...) and the queue it died in. Empty strings when absent. */
void jobq_broker_x_death(const amqp_basic_properties_t *p, char *reason, size_t rlen,
			 char *queue, size_t qlen);

/* Publish n NUL-terminated bodies to an exchange, then collect all their confirms (at most
 * 1000 at once): the cancel broadcasts of one `jobq cancel`. */
int jobq_broker_publish_raws(struct jobq_broker *b, const char *exchange, const char *routing_key,
			     const char *const *bodies, size_t n, int timeout_ms,
			     struct jobq_err *err) JOBQ_WUR;

/* Publish a raw body to an exchange with confirm (used for cancel broadcasts and tests). */
int jobq_broker_publish_raw(struct jobq_broker *b, const char *exchange, const char *routing_key,
			    const void *body, size_t len, int timeout_ms, struct jobq_err *err) JOBQ_WUR;

#endif
