/* Publishing to RabbitMQ with publisher confirms: job messages (with fail-over across the
 * nodes of a cluster) and raw bodies such as cancel broadcasts. Part of the broker
 * module; the contract of common/broker_publish.c. */
#ifndef JOBQ_BROKER_PUBLISH_H
#define JOBQ_BROKER_PUBLISH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/envelope.h"
#include "jobq/err.h"

/* Messages in flight before their confirms are collected: jobq_broker_publish_jobs works
 * through longer lists window by window; jobq_broker_publish_raws takes at most this. */
#define JOBQ_BROKER_CONFIRM_WINDOW 1000

struct jobq_broker;
struct jobq_broker_opts;

/* Publish job messages with publisher confirms: persistent, message_id = job id, type =
 * job type, app_id "jobq", mandatory, routed by queue on jobq.jobs (each queue declared
 * first, as jobq_broker_declare_queue). Up to JOBQ_BROKER_CONFIRM_WINDOW are in flight
 * before confirms are collected. confirmed[i] is set true for each message the broker
 * acked (and did not return as unroutable). Returns the number confirmed, or a negative
 * JOBQ_EBROKER when the connection failed (confirmed[] then says which made it).
 * timeout_ms bounds the wait for each window's confirms. */
int jobq_broker_publish_jobs(struct jobq_broker *b, const struct jobq_envelope *envs, size_t n,
			     bool *confirmed, int timeout_ms, struct jobq_err *err) JOBQ_WUR;

/* Make b ready to publish job messages to `queue` at once: the queue declared (unless this
 * connection did already, as jobq_broker_declare_queue) and the channel in confirm mode,
 * so that a jobq_broker_publish_jobs or jobq_broker_send_jobs that follows sends its
 * messages with no round trip before them. 0, or the declare's or the confirm.select's
 * JOBQ_EBROKER. */
int jobq_broker_ready_jobs(struct jobq_broker *b, const char *queue, struct jobq_err *err) JOBQ_WUR;

/* Job messages published without waiting for their confirms (jobq_broker_send_jobs),
 * until jobq_broker_collect_jobs settles them: all on one connection, envs[i] with
 * delivery tag first + i. Zero it to start; jobq_broker_inflight_free frees it. */
struct jobq_broker_inflight {
	struct jobq_envelope *envs;
	uint8_t *state; /* where each stands (acked, failed, still to be confirmed) */
	size_t n, cap;
	uint64_t first;
};

/* Publish job messages as jobq_broker_publish_jobs does, but return once they are sent,
 * appending them to in; messages in from an earlier connection are forgotten first (their
 * confirms can no longer come). 0, or a negative JOBQ_E* when they could not all be sent:
 * in is then emptied, since nothing on a failed connection will be confirmed. */
int jobq_broker_send_jobs(struct jobq_broker *b, struct jobq_broker_inflight *in,
			  const struct jobq_envelope *envs, size_t n,
			  struct jobq_err *err) JOBQ_WUR;

/* Read the confirms of in's messages that came, waiting at most timeout_ms for them all
 * (0: only what the connection already has). Returns k >= 0: in->envs[0..k) are settled
 * (jobq_broker_inflight_acked says which the broker took; drop them with
 * jobq_broker_inflight_drop). A failed connection gives a negative JOBQ_EBROKER and
 * empties in. Frames of other kinds are handled as jobq_broker_service does. */
int jobq_broker_collect_jobs(struct jobq_broker *b, struct jobq_broker_inflight *in, int timeout_ms,
			     struct jobq_err *err) JOBQ_WUR;

/* True when the broker acked in->envs[i] (settled) and did not return it unroutable. */
bool jobq_broker_inflight_acked(const struct jobq_broker_inflight *in, size_t i);

/* Forget in->envs[0..k), which jobq_broker_collect_jobs reported settled. */
void jobq_broker_inflight_drop(struct jobq_broker_inflight *in, size_t k);

/* Forget every message of in (left to the relay). */
void jobq_broker_inflight_clear(struct jobq_broker_inflight *in);

/* Free in's arrays and zero it. Accepts NULL. */
void jobq_broker_inflight_free(struct jobq_broker_inflight *in);

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

/* Publish n NUL-terminated bodies to an exchange, then collect all their confirms (at most
 * JOBQ_BROKER_CONFIRM_WINDOW at once, else JOBQ_EINVAL): the cancel broadcasts of one
 * `jobq cancel`. JOBQ_EBROKER unless every one was acked. */
int jobq_broker_publish_raws(struct jobq_broker *b, const char *exchange, const char *routing_key,
			     const char *const *bodies, size_t n, int timeout_ms,
			     struct jobq_err *err) JOBQ_WUR;

/* Publish a raw body to an exchange with confirm (used for cancel broadcasts and tests).
 * JOBQ_EBROKER unless the broker acked it. */
int jobq_broker_publish_raw(struct jobq_broker *b, const char *exchange, const char *routing_key,
			    const void *body, size_t len, int timeout_ms,
			    struct jobq_err *err) JOBQ_WUR;

#endif
