/* The broker topology: the exchanges, the dead-letter queue and the job queues with their
 * arguments (quorum or classic, amqp.queue_type), declared (or, for a user without
 * configure rights, checked passively) on a jobq_broker. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "broker_internal.h"
#include "jobq/broker.h"
#include "jobq/parse.h"

/* After the broker refused a declare with 403 (a least-privilege user without configure
 * rights), the channel is closed (close-ok sent): open it again and only check from now
 * on that the objects exist (passive declares need no rights). */
static bool refused_then_reopen(struct jobq_broker *b, const struct jobq_err *err)
{
	if (b->passive || strstr(err->msg, ": 403 ") == NULL)
		return false;
	amqp_channel_open(b->conn, JOBQ_CHANNEL);
	if (amqp_get_rpc_reply(b->conn).reply_type != AMQP_RESPONSE_NORMAL)
		return false;
	b->ok = true;
	b->passive = true;
	b->confirming = false;
	return true;
}

/* The broker's answer to a passive declare of a missing object, in jobq's terms. A 404 to
 * an active declare keeps the broker's text: it is a classic queue whose node is down
 * ("home node ... of durable queue ... is down or inaccessible"). */
static int missing(const struct jobq_broker *b, const char *kind, const char *name, int r,
		   struct jobq_err *err)
{
	if (r != 0 && b->passive && strstr(err->msg, ": 404 ") != NULL &&
	    strstr(err->msg, "is down or inaccessible") == NULL)
		jobq_err_set(err, JOBQ_EBROKER,
			     "%s %s does not exist and this user may not create it: run "
			     "`jobq migrate` (as a user with configure rights) first",
			     kind, name);
	return r;
}

static int declare_exchange(struct jobq_broker *b, const char *name, const char *type,
			    struct jobq_err *err)
{
	char what[128];
	int r;

	snprintf(what, sizeof(what), "declare exchange %s", name);
	amqp_exchange_declare(b->conn, JOBQ_CHANNEL, amqp_cstring_bytes(name),
			      amqp_cstring_bytes(type), b->passive, 1, 0, 0, amqp_empty_table);
	r = jobq_broker_reply_error(b, amqp_get_rpc_reply(b->conn), what, err);
	if (r != 0 && refused_then_reopen(b, err))
		return declare_exchange(b, name, type, err);
	return missing(b, "exchange", name, r, err);
}

static amqp_field_value_t str_value(const char *s)
{
	return (amqp_field_value_t){ .kind = AMQP_FIELD_KIND_UTF8,
				     .value.bytes = amqp_cstring_bytes(s) };
}

/* The arguments of jobq.dead (dead) or of a job queue, as a queue of `type`, in e[0..5).
 * A quorum job queue gets the delivery limit and at-least-once dead-lettering, which needs
 * reject-publish overflow (otherwise the broker silently falls back to at-most-once). A
 * classic queue supports neither: it dead-letters a rejected message at most once. */
static amqp_table_t queue_args(bool dead, enum jobq_queue_type type, amqp_table_entry_t *e)
{
	amqp_table_t args = { 1, e };

	broker_table_entry(&e[0], "x-queue-type", str_value(jobq_queue_type_name(type)));
	if (dead)
		return args;
	broker_table_entry(&e[1], "x-dead-letter-exchange", str_value(JOBQ_EXCHANGE_DEAD));
	args.num_entries = 2;
	if (type != JOBQ_QUEUE_QUORUM)
		return args;
	broker_table_entry(&e[2], "x-delivery-limit",
			   (amqp_field_value_t){ .kind = AMQP_FIELD_KIND_I32,
						 .value.i32 = JOBQ_DELIVERY_LIMIT });
	broker_table_entry(&e[3], "x-dead-letter-strategy", str_value("at-least-once"));
	broker_table_entry(&e[4], "x-overflow", str_value("reject-publish"));
	args.num_entries = 5;
	return args;
}

/* After the broker refused to declare `queue` as b->queue_type with 406 (its channel is
 * closed, close-ok sent): the broker names only the first argument that differs, often
 * not x-queue-type. So declare the queue once more, on a reopened channel, with jobq's
 * arguments for the other type: if that is what it is (a declare with the arguments a
 * queue has changes nothing), err becomes the one line that names the queue, its type
 * and the configured one. Otherwise the queue has arguments of its own and err keeps
 * the broker's text. Returns err's code. b stays marked broken either way. */
static int explain_type(struct jobq_broker *b, const char *queue, bool dead, struct jobq_err *err)
{
	enum jobq_queue_type other =
		b->queue_type == JOBQ_QUEUE_QUORUM ? JOBQ_QUEUE_CLASSIC : JOBQ_QUEUE_QUORUM;
	amqp_table_entry_t e[5];
	struct jobq_err probe = { 0 };

	if (strstr(err->msg, ": 406 ") == NULL)
		return err->code;
	amqp_channel_open(b->conn, JOBQ_CHANNEL);
	if (jobq_broker_reply_error(b, amqp_get_rpc_reply(b->conn), "reopen channel", &probe) != 0)
		return err->code;
	amqp_queue_declare(b->conn, JOBQ_CHANNEL, amqp_cstring_bytes(queue), 0, 1, 0, 0,
			   queue_args(dead, other, e));
	if (jobq_broker_reply_error(b, amqp_get_rpc_reply(b->conn), "declare", &probe) == 0)
		jobq_err_set(err, JOBQ_EINVAL,
			     "queue %s is a %s queue, but amqp.queue_type is %s: set "
			     "amqp.queue_type to %s, or delete the queue so that it is declared "
			     "anew (docs/scaling.md, \"Queue type\")",
			     queue, jobq_queue_type_name(other),
			     jobq_queue_type_name(b->queue_type), jobq_queue_type_name(other));
	b->ok = false;
	return err->code;
}

/* Declare `queue` (jobq.dead when dead, else a job queue) as b->queue_type and bind it to
 * `exchange` with `key`; on a passive connection only check that it exists. */
static int declare_and_bind(struct jobq_broker *b, const char *queue, bool dead,
			    const char *exchange, const char *key, struct jobq_err *err)
{
	amqp_table_entry_t e[5];
	char what[160];
	int r;

	snprintf(what, sizeof(what), "declare queue %s", queue);
	amqp_queue_declare(b->conn, JOBQ_CHANNEL, amqp_cstring_bytes(queue), b->passive, 1, 0, 0,
			   b->passive ? amqp_empty_table : queue_args(dead, b->queue_type, e));
	r = jobq_broker_reply_error(b, amqp_get_rpc_reply(b->conn), what, err);
	if (r != 0 && refused_then_reopen(b, err))
		return declare_and_bind(b, queue, dead, exchange, key, err);
	if (r != 0 && !b->passive)
		r = explain_type(b, queue, dead, err);
	if (r != 0 || b->passive)
		return missing(b, "queue", queue, r, err); /* binding is migrate's job then */
	amqp_queue_bind(b->conn, JOBQ_CHANNEL, amqp_cstring_bytes(queue),
			amqp_cstring_bytes(exchange), amqp_cstring_bytes(key), amqp_empty_table);
	snprintf(what, sizeof(what), "bind queue %s to %s", queue, exchange);
	return jobq_broker_reply_error(b, amqp_get_rpc_reply(b->conn), what, err);
}

void broker_forget_declared(struct jobq_broker *b)
{
	for (int i = 0; i < b->ndeclared; i++)
		free(b->declared[i]);
	b->ndeclared = 0;
}

/* Declare queue "jobq.<key>" bound to jobq.jobs with `key` (a job queue's name, or its
 * express queue's "<name>.express"), unless this connection already did. */
static int declare_job_queue(struct jobq_broker *b, const char *key, struct jobq_err *err)
{
	char queue[160];
	int r;

	for (int i = 0; i < b->ndeclared; i++)
		if (strcmp(b->declared[i], key) == 0)
			return 0;
	snprintf(queue, sizeof(queue), "%s%s", JOBQ_QUEUE_PREFIX, key);
	if ((r = declare_and_bind(b, queue, false, JOBQ_EXCHANGE_JOBS, key, err)) != 0)
		return r;
	if (b->ndeclared < BROKER_MAX_DECLARED && (b->declared[b->ndeclared] = strdup(key)) != NULL)
		b->ndeclared++;
	return 0;
}

int jobq_broker_declare_queue(struct jobq_broker *b, const char *name, struct jobq_err *err)
{
	return declare_job_queue(b, name, err);
}

int jobq_broker_declare_express(struct jobq_broker *b, const char *name, struct jobq_err *err)
{
	char key[JOBQ_QUEUE_BUF + sizeof(JOBQ_EXPRESS_SUFFIX)];

	/* No job queue's name ends in .express: the two never share a cache entry. */
	snprintf(key, sizeof(key), "%s%s", name, JOBQ_EXPRESS_SUFFIX);
	return declare_job_queue(b, key, err);
}

int jobq_broker_express_ready(struct jobq_broker *b, const char *name, uint32_t *ready,
			      struct jobq_err *err)
{
	char queue[JOBQ_QUEUE_BUF + sizeof(JOBQ_QUEUE_PREFIX) + sizeof(JOBQ_EXPRESS_SUFFIX)];
	char what[sizeof(queue) + 16];
	amqp_queue_declare_ok_t *ok;
	int r;

	snprintf(queue, sizeof(queue), "%s%s%s", JOBQ_QUEUE_PREFIX, name, JOBQ_EXPRESS_SUFFIX);
	snprintf(what, sizeof(what), "check queue %s", queue);
	ok = amqp_queue_declare(b->conn, JOBQ_CHANNEL, amqp_cstring_bytes(queue), 1, 0, 0, 0,
				amqp_empty_table);
	if ((r = jobq_broker_reply_error(b, amqp_get_rpc_reply(b->conn), what, err)) != 0)
		return r;
	if (ok == NULL)
		return jobq_err_set(err, JOBQ_EBROKER, "%s: no answer", what);
	*ready = ok->message_count;
	return 0;
}

int jobq_broker_declare_topology(struct jobq_broker *b, char *const *queues, int nqueues,
				 struct jobq_err *err)
{
	int r;

	if ((r = declare_exchange(b, JOBQ_EXCHANGE_JOBS, "direct", err)) != 0 ||
	    (r = declare_exchange(b, JOBQ_EXCHANGE_CANCEL, "fanout", err)) != 0 ||
	    (r = declare_exchange(b, JOBQ_EXCHANGE_DEAD, "fanout", err)) != 0 ||
	    (r = declare_and_bind(b, JOBQ_QUEUE_DEAD, true, JOBQ_EXCHANGE_DEAD, "", err)) != 0)
		return r;
	for (int i = 0; i < nqueues; i++)
		if ((r = jobq_broker_declare_queue(b, queues[i], err)) != 0 ||
		    (r = jobq_broker_declare_express(b, queues[i], err)) != 0)
			return r;
	return 0;
}

int jobq_broker_declare_once(const struct jobq_broker_opts *opts, char *const *queues, int nqueues,
			     struct jobq_err *err)
{
	struct jobq_broker *b = NULL;
	int r;

	if ((r = jobq_broker_connect(opts, &b, err)) == 0)
		r = jobq_broker_declare_topology(b, queues, nqueues, err);
	jobq_broker_free(b);
	return r;
}
