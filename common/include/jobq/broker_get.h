/* Taking single messages from a RabbitMQ queue (basic.get with manual ack) and reading
 * why a dead-lettered one died: what the relay needs to drain jobq.dead. Part of the
 * broker module; the contract of common/broker_get.c. */
#ifndef JOBQ_BROKER_GET_H
#define JOBQ_BROKER_GET_H

#include <amqp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/err.h"

struct jobq_broker;

/* Take one message from a queue (basic.get, manual ack). *got says whether there was one;
 * when true the caller owns msg (amqp_destroy_message) and settles *tag with
 * jobq_broker_ack. JOBQ_EBROKER (connection marked broken) when the broker failed. */
int jobq_broker_get(struct jobq_broker *b, const char *queue, amqp_message_t *msg, uint64_t *tag,
		    bool *got, struct jobq_err *err) JOBQ_WUR;

/* Ack one delivery on JOBQ_CHANNEL. JOBQ_EBROKER (connection marked broken) when the
 * frame could not be sent. */
int jobq_broker_ack(struct jobq_broker *b, uint64_t tag, struct jobq_err *err) JOBQ_WUR;

/* Read the first x-death entry of a dead-lettered message: its reason ("rejected",
 * "delivery_limit", "expired", ...) and the queue it died in. Empty strings when absent.
 * Pure: reads p only. */
void jobq_broker_x_death(const amqp_basic_properties_t *p, char *reason, size_t rlen, char *queue,
			 size_t qlen);

#endif
