/* The inside of a jobq_broker, shared by the files that make up the broker module
 * (broker.c: connecting and translating replies; broker_topology.c; broker_publish.c;
 * broker_get.c) and by nothing else: callers only ever see the opaque handle. */
#ifndef JOBQ_BROKER_INTERNAL_H
#define JOBQ_BROKER_INTERNAL_H

#include <amqp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/broker.h"
#include "jobq/config.h"
#include "jobq/err.h"

/* Job queues one connection remembers having declared; past that it declares again. */
#define BROKER_MAX_DECLARED 64

struct jobq_broker {
	amqp_connection_state_t conn;
	bool ok;
	bool confirming;   /* confirm.select done on the channel */
	bool passive;      /* the user may not declare: only check that objects exist */
	uint64_t next_tag; /* delivery tag of the next publish (confirm mode) */
	char node[300];
	char masked_url[512];
	size_t index, nurls;             /* which URL of the list this connection uses */
	char skipped[JOBQ_ERR_MSG_MAX];  /* nodes tried before it, and why they failed */
	enum jobq_queue_type queue_type; /* what jobq_broker_declare_queue declares */
	char *declared[BROKER_MAX_DECLARED];
	int ndeclared;
};

/* Mark b broken (when not NULL) and fill err with JOBQ_EBROKER "<what>: <the library's
 * text for status>". Returns JOBQ_EBROKER. */
int broker_status_error(struct jobq_broker *b, int status, const char *what, struct jobq_err *err);

/* Forget which queues b declared: a message returned as unroutable means one of them is
 * gone (deleted by an operator), so the next publish declares them again. */
void broker_forget_declared(struct jobq_broker *b);

/* Fill one entry of an AMQP table: `key` is borrowed, so it must outlive the table. */
void broker_table_entry(amqp_table_entry_t *e, const char *key, amqp_field_value_t value);

#endif
