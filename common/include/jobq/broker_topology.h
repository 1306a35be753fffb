/* The broker topology jobq relies on (docs/design.md §5): the names of its exchanges and queues,
 * the arguments of its job queues (quorum or classic: amqp.queue_type), and the declares
 * that make them exist (or, for a user without configure rights, check that they do). Part
 * of the broker module; the contract of common/broker_topology.c. */
#ifndef JOBQ_BROKER_TOPOLOGY_H
#define JOBQ_BROKER_TOPOLOGY_H

#include <stdint.h>

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
/* Deliveries of one message before the broker dead-letters it (x-delivery-limit; quorum
 * queues only). Worker crashes count too; the database's max_attempts normally ends a job
 * long before. */
#define JOBQ_DELIVERY_LIMIT 20

struct jobq_broker;
struct jobq_broker_opts;

/* Declare exchanges jobq.jobs (direct), jobq.cancel (fanout), jobq.dead (fanout) and queue
 * jobq.dead, then the job queue of each name: queue "jobq.<name>" bound to jobq.jobs with
 * key <name>, and its express queue (jobq_broker_declare_express). The queues are of the type the connection was opened with (opts.queue_type):
 * a quorum job queue has the delivery limit and at-least-once dead-lettering to
 * jobq.dead, a classic one dead-letters to jobq.dead at most once and has no limit. A
 * queue that exists as jobq's queue of the other type fails with JOBQ_EINVAL and one line
 * naming the queue, its type and the configured one; a queue that exists with other
 * arguments fails with JOBQ_EBROKER and the broker's 406 text, which names the queue and
 * the first argument that differs. When the user may not declare (403), the channel is
 * reopened and from then on this connection only checks that the objects exist (whatever
 * their type): a missing one is JOBQ_EBROKER telling to run `jobq migrate` first. */
int jobq_broker_declare_topology(struct jobq_broker *b, char *const *queues, int nqueues,
				 struct jobq_err *err) JOBQ_WUR;

/* Connect with opts, declare the topology of queues[0..nqueues) as above, and close: the
 * check a program makes at start. 0, or the error of jobq_broker_connect or
 * jobq_broker_declare_topology: JOBQ_EINVAL (a URL or TLS file that cannot work, a queue
 * of the other type) is one that no retry mends. */
int jobq_broker_declare_once(const struct jobq_broker_opts *opts, char *const *queues, int nqueues,
			     struct jobq_err *err) JOBQ_WUR;

/* Declare one job queue (as above) unless this connection already did. */
int jobq_broker_declare_queue(struct jobq_broker *b, const char *name,
			      struct jobq_err *err) JOBQ_WUR;

/* Declare the express queue of job queue `name` unless this connection already did:
 * "jobq.<name>.express", with the job queues' arguments, bound to jobq.jobs with key
 * "<name>.express". Priority jobs (priority > 0) are published there by the relay
 * (docs/design.md §5). Errors as jobq_broker_declare_queue. */
/* How many messages wait ready in the express queue of job queue `name` (a passive declare
 * of "jobq.<name>.express": messages delivered and not acked yet are not counted) into
 * *ready. 0, or a negative JOBQ_E* code (a missing queue closes the channel: JOBQ_EBROKER,
 * and the connection needs ensuring again). */
int jobq_broker_express_ready(struct jobq_broker *b, const char *name, uint32_t *ready,
			      struct jobq_err *err) JOBQ_WUR;

int jobq_broker_declare_express(struct jobq_broker *b, const char *name,
				struct jobq_err *err) JOBQ_WUR;

#endif
