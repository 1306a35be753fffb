/* The broker topology: the exchanges, the dead-letter queue and the quorum job queues
 * with their arguments, declared (or, for a user without configure rights, checked
 * passively) on a jobq_broker. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "broker_internal.h"
#include "jobq/broker.h"

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

/* The broker's answer to a passive declare of a missing object, in jobq's terms. */
static int missing(const char *kind, const char *name, int r, struct jobq_err *err)
{
	if (r != 0 && strstr(err->msg, ": 404 ") != NULL)
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
	return missing("exchange", name, r, err);
}

static int declare_and_bind(struct jobq_broker *b, const char *queue, const char *exchange,
			    const char *key, amqp_table_t args, struct jobq_err *err)
{
	char what[160];
	int r;

	snprintf(what, sizeof(what), "declare queue %s", queue);
	amqp_queue_declare(b->conn, JOBQ_CHANNEL, amqp_cstring_bytes(queue), b->passive, 1, 0, 0,
			   b->passive ? amqp_empty_table : args);
	r = jobq_broker_reply_error(b, amqp_get_rpc_reply(b->conn), what, err);
	if (r != 0 && refused_then_reopen(b, err))
		return declare_and_bind(b, queue, exchange, key, args, err);
	if (r != 0 || b->passive)
		return missing("queue", queue, r, err); /* binding is migrate's job then */
	amqp_queue_bind(b->conn, JOBQ_CHANNEL, amqp_cstring_bytes(queue),
			amqp_cstring_bytes(exchange), amqp_cstring_bytes(key), amqp_empty_table);
	snprintf(what, sizeof(what), "bind queue %s to %s", queue, exchange);
	return jobq_broker_reply_error(b, amqp_get_rpc_reply(b->conn), what, err);
}

static amqp_field_value_t str_value(const char *s)
{
	return (amqp_field_value_t){ .kind = AMQP_FIELD_KIND_UTF8,
				     .value.bytes = amqp_cstring_bytes(s) };
}

void broker_forget_declared(struct jobq_broker *b)
{
	for (int i = 0; i < b->ndeclared; i++)
		free(b->declared[i]);
	b->ndeclared = 0;
}

int jobq_broker_declare_queue(struct jobq_broker *b, const char *name, struct jobq_err *err)
{
	char queue[128];
	amqp_table_entry_t e[5];
	amqp_table_t args = { 5, e };
	int r;

	for (int i = 0; i < b->ndeclared; i++)
		if (strcmp(b->declared[i], name) == 0)
			return 0;
	snprintf(queue, sizeof(queue), "%s%s", JOBQ_QUEUE_PREFIX, name);
	broker_table_entry(&e[0], "x-queue-type", str_value("quorum"));
	broker_table_entry(&e[1], "x-delivery-limit",
			   (amqp_field_value_t){ .kind = AMQP_FIELD_KIND_I32,
						 .value.i32 = JOBQ_DELIVERY_LIMIT });
	broker_table_entry(&e[2], "x-dead-letter-exchange", str_value(JOBQ_EXCHANGE_DEAD));
	/* at-least-once dead-lettering needs reject-publish overflow; otherwise the broker
	 * silently falls back to at-most-once. */
	broker_table_entry(&e[3], "x-dead-letter-strategy", str_value("at-least-once"));
	broker_table_entry(&e[4], "x-overflow", str_value("reject-publish"));
	if ((r = declare_and_bind(b, queue, JOBQ_EXCHANGE_JOBS, name, args, err)) != 0)
		return r;
	if (b->ndeclared < BROKER_MAX_DECLARED &&
	    (b->declared[b->ndeclared] = strdup(name)) != NULL)
		b->ndeclared++;
	return 0;
}

int jobq_broker_declare_topology(struct jobq_broker *b, char *const *queues, int nqueues,
				 struct jobq_err *err)
{
	amqp_table_entry_t e[1];
	amqp_table_t dead_args = { 1, e };
	int r;

	broker_table_entry(&e[0], "x-queue-type", str_value("quorum"));
	if ((r = declare_exchange(b, JOBQ_EXCHANGE_JOBS, "direct", err)) != 0 ||
	    (r = declare_exchange(b, JOBQ_EXCHANGE_CANCEL, "fanout", err)) != 0 ||
	    (r = declare_exchange(b, JOBQ_EXCHANGE_DEAD, "fanout", err)) != 0 ||
	    (r = declare_and_bind(b, JOBQ_QUEUE_DEAD, JOBQ_EXCHANGE_DEAD, "", dead_args, err)) != 0)
		return r;
	for (int i = 0; i < nqueues; i++)
		if ((r = jobq_broker_declare_queue(b, queues[i], err)) != 0)
			return r;
	return 0;
}
