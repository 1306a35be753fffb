/* amqp_try: a test tool that connects to RabbitMQ with the given URL and attempts one
 * privileged operation, to show what a least-privilege user may and may not do.
 *
 *   amqp_try URL delete-queue NAME     exit 0 if the broker refused (403), 1 if it deleted
 *   amqp_try URL declare-queue NAME    exit 0 if refused, 1 if it declared
 *   amqp_try URL publish EXCHANGE KEY FILE [MESSAGE_ID]
 *                                      publish FILE's bytes as they are, with a broker
 *                                      confirm (exit 0), e.g. hostile bodies for tests
 *
 * Any other failure (cannot connect, bad usage) exits 2 with one line on stderr. */
#include <amqp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/broker.h"

static int publish(int argc, char **argv)
{
	struct jobq_broker_opts opts = { .url = argv[1],
					 .heartbeat_s = 10,
					 .connection_name = "amqp_try",
					 .rpc_timeout_ms = JOBQ_BROKER_RPC_TIMEOUT_MS };
	struct jobq_broker *b = NULL;
	struct jobq_err err = { 0 };
	amqp_basic_properties_t p = { 0 };
	FILE *f = fopen(argv[5], "rb");
	char *body = NULL;
	long n = 0;
	int r = 2;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (body = malloc((size_t)n + 1)) == NULL ||
	    fread(body, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "amqp_try: cannot read %s\n", argv[5]);
		goto out;
	}
	if (jobq_broker_connect(&opts, &b, &err) != 0) {
		fprintf(stderr, "amqp_try: %s\n", err.msg);
		goto out;
	}
	amqp_confirm_select(jobq_broker_conn(b), JOBQ_CHANNEL);
	p._flags = AMQP_BASIC_DELIVERY_MODE_FLAG;
	p.delivery_mode = AMQP_DELIVERY_PERSISTENT;
	if (argc > 6) {
		p._flags |= AMQP_BASIC_MESSAGE_ID_FLAG;
		p.message_id = amqp_cstring_bytes(argv[6]);
	}
	if (amqp_basic_publish(jobq_broker_conn(b), JOBQ_CHANNEL, amqp_cstring_bytes(argv[3]),
			       amqp_cstring_bytes(argv[4]), 0, 0, &p,
			       (amqp_bytes_t){ (size_t)n, body }) != AMQP_STATUS_OK) {
		fprintf(stderr, "amqp_try: publish failed\n");
		goto out;
	}
	{
		/* Wait for the broker's confirm so the message is surely in the queue. */
		struct timeval tv = { 10, 0 };
		amqp_frame_t fr;

		while (amqp_simple_wait_frame_noblock(jobq_broker_conn(b), &fr, &tv) ==
		       AMQP_STATUS_OK)
			if (fr.frame_type == AMQP_FRAME_METHOD &&
			    fr.payload.method.id == AMQP_BASIC_ACK_METHOD) {
				r = 0;
				break;
			}
	}
	if (r != 0)
		fprintf(stderr, "amqp_try: no confirm\n");
out:
	if (f != NULL)
		fclose(f);
	free(body);
	jobq_broker_free(b);
	return r;
}

int main(int argc, char **argv)
{
	struct jobq_broker_opts opts = { .url = argc > 1 ? argv[1] : NULL,
					 .heartbeat_s = 10,
					 .connection_name = "amqp_try",
					 .rpc_timeout_ms = JOBQ_BROKER_RPC_TIMEOUT_MS };
	struct jobq_broker *b = NULL;
	struct jobq_err err = { 0 };
	amqp_connection_state_t conn;
	int r;

	if (argc >= 6 && strcmp(argv[2], "publish") == 0)
		return publish(argc, argv);
	if (argc != 4 ||
	    (strcmp(argv[2], "delete-queue") != 0 && strcmp(argv[2], "declare-queue") != 0)) {
		fprintf(stderr, "usage: amqp_try URL delete-queue|declare-queue NAME | "
				"publish EXCHANGE KEY FILE [MESSAGE_ID]\n");
		return 2;
	}
	if (jobq_broker_connect(&opts, &b, &err) != 0) {
		fprintf(stderr, "amqp_try: %s\n", err.msg);
		return 2;
	}
	conn = jobq_broker_conn(b);
	if (strcmp(argv[2], "delete-queue") == 0)
		amqp_queue_delete(conn, JOBQ_CHANNEL, amqp_cstring_bytes(argv[3]), 0, 0);
	else
		amqp_queue_declare(conn, JOBQ_CHANNEL, amqp_cstring_bytes(argv[3]), 0, 1, 0, 0,
				   amqp_empty_table);
	r = jobq_broker_reply_error(b, amqp_get_rpc_reply(conn), argv[2], &err);
	jobq_broker_free(b);
	if (r == 0) {
		printf("allowed: %s %s\n", argv[2], argv[3]);
		return 1;
	}
	printf("refused: %s\n", err.msg);
	return strstr(err.msg, " 403 ") != NULL ? 0 : 2;
}
