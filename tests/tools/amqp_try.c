/* amqp_try: a test tool that connects to RabbitMQ with the given URL and attempts one
 * privileged operation, to show what a least-privilege user may and may not do.
 *
 *   amqp_try URL delete-queue NAME     exit 0 if the broker refused (403), 1 if it deleted
 *   amqp_try URL declare-queue NAME    exit 0 if refused, 1 if it declared
 *
 * Any other failure (cannot connect, bad usage) exits 2 with one line on stderr. */
#include <amqp.h>
#include <stdio.h>
#include <string.h>

#include "jobq/broker.h"

int main(int argc, char **argv)
{
	struct jobq_broker_opts opts = { .url = argc > 1 ? argv[1] : NULL, .heartbeat_s = 10,
					 .connection_name = "amqp_try", .rpc_timeout_ms = 10000 };
	struct jobq_broker *b = NULL;
	struct jobq_err err = { 0 };
	amqp_connection_state_t conn;
	int r;

	if (argc != 4 || (strcmp(argv[2], "delete-queue") != 0 && strcmp(argv[2], "declare-queue") != 0)) {
		fprintf(stderr, "usage: amqp_try URL delete-queue|declare-queue NAME\n");
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
