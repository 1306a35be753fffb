/* Taking single messages with basic.get, acking them, and reading the x-death header the
 * broker adds to a dead-lettered message: the relay's way of draining jobq.dead. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "broker_internal.h"
#include "jobq/broker.h"

int jobq_broker_get(struct jobq_broker *b, const char *queue, amqp_message_t *msg, uint64_t *tag,
		    bool *got, struct jobq_err *err)
{
	amqp_rpc_reply_t reply;
	char what[160];

	*got = false;
	snprintf(what, sizeof(what), "basic.get %s", queue);
	amqp_maybe_release_buffers(b->conn);
	reply = amqp_basic_get(b->conn, JOBQ_CHANNEL, amqp_cstring_bytes(queue), 0);
	if (reply.reply_type != AMQP_RESPONSE_NORMAL)
		return jobq_broker_reply_error(b, reply, what, err);
	if (reply.reply.id == AMQP_BASIC_GET_EMPTY_METHOD)
		return 0;
	*tag = ((amqp_basic_get_ok_t *)reply.reply.decoded)->delivery_tag;
	reply = amqp_read_message(b->conn, JOBQ_CHANNEL, msg, 0);
	if (reply.reply_type != AMQP_RESPONSE_NORMAL)
		return jobq_broker_reply_error(b, reply, what, err);
	*got = true;
	return 0;
}

int jobq_broker_ack(struct jobq_broker *b, uint64_t tag, struct jobq_err *err)
{
	int status = amqp_basic_ack(b->conn, JOBQ_CHANNEL, tag, 0);

	return status == AMQP_STATUS_OK ? 0 : broker_status_error(b, status, "ack", err);
}

static void copy_bytes(char *dst, size_t cap, amqp_bytes_t v)
{
	snprintf(dst, cap, "%.*s", (int)v.len, (const char *)v.bytes);
}

void jobq_broker_x_death(const amqp_basic_properties_t *p, char *reason, size_t rlen, char *queue,
			 size_t qlen)
{
	reason[0] = queue[0] = '\0';
	if (!(p->_flags & AMQP_BASIC_HEADERS_FLAG))
		return;
	for (int i = 0; i < p->headers.num_entries; i++) {
		const amqp_table_entry_t *h = &p->headers.entries[i];
		const amqp_array_t *deaths;

		if (h->key.len != 7 || memcmp(h->key.bytes, "x-death", 7) != 0 ||
		    h->value.kind != AMQP_FIELD_KIND_ARRAY)
			continue;
		deaths = &h->value.value.array;
		/* The newest death comes first. */
		if (deaths->num_entries < 1 || deaths->entries[0].kind != AMQP_FIELD_KIND_TABLE)
			return;
		for (int k = 0; k < deaths->entries[0].value.table.num_entries; k++) {
			const amqp_table_entry_t *f = &deaths->entries[0].value.table.entries[k];

			if (f->value.kind != AMQP_FIELD_KIND_UTF8 &&
			    f->value.kind != AMQP_FIELD_KIND_BYTES)
				continue;
			if (f->key.len == 6 && memcmp(f->key.bytes, "reason", 6) == 0)
				copy_bytes(reason, rlen, f->value.value.bytes);
			else if (f->key.len == 5 && memcmp(f->key.bytes, "queue", 5) == 0)
				copy_bytes(queue, qlen, f->value.value.bytes);
		}
		return;
	}
}
