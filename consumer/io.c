/* The I/O thread: owns the AMQP connection and makes every amqp_* call on it. It
 * consumes the job queues, hands deliveries to the executors, settles (acks) them when
 * the executors say so, keeps heartbeats flowing, reconnects with backoff and jitter, and
 * runs the staged shutdown. */
#include <amqp.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jobq/clock.h"
#include "acks.h"
#include "consumer.h"
#include <jansson.h>

#include "jobq/backoff.h"
#include "jobq/broker.h"
#include "jobq/parse.h"
#include "jobq/log.h"

/* How long an ack behind a delivery still pending is held, in case that one settles
 * meanwhile and a single ack with `multiple` covers both (acks.h). Held, it keeps a
 * prefetch slot, so the next delivery, from the executor that finished: ACK_HOLD_US
 * covers the executors of one combined finish, which settle within a few hundred
 * microseconds of each other. While deliveries wait in the dispatch ring (a prefetch
 * above the concurrency) no executor waits for the next one, and an ack is held up to
 * ACK_HOLD_SLACK_US (at 2 x 16 with prefetch 32: 0.41 -> 0.36 ack frames a job, the
 * broker's CPU 112 -> 98 us a job). Held 5 ms even without that slack, acks went in 0.27
 * frames a job, but an executor would wait for its next delivery behind each one held. */
#define ACK_HOLD_US 250
#define ACK_HOLD_SLACK_US 5000

/* Pauses between attempts to connect to the broker while it cannot be reached. */
#define CONNECT_MIN_MS 200
#define CONNECT_MAX_MS 10000

struct io {
	struct consumer *c;
	struct jobq_broker *b;
	uint64_t gen;
	bool consuming;
	struct jobq_backoff backoff; /* between attempts to connect to the broker */
	int64_t drain_deadline;      /* monotonic ms when running jobs get released */
	bool released;
	char cancel_tag[300];    /* consumer tag of the cancel-broadcast queue */
	size_t next_url;         /* index of the broker URL (amqp.url list) to try first */
	struct ack_tracker acks; /* this connection's deliveries not yet settled */
};

static void consumer_tag(struct consumer *c, const char *queue, char *buf, size_t len)
{
	snprintf(buf, len, "%s@%s:%d:%s", c->worker_id, c->hostname, c->pid, queue);
}

/* The name of the i-th queue consumed, i < 2 * nqueues: each job queue, then its express
 * queue (priority jobs, docs/design.md §5). */
#define EXPRESS_NAME_BUF (JOBQ_QUEUE_BUF + sizeof(JOBQ_EXPRESS_SUFFIX))
static void consumed_name(const struct consumer *c, int i, char *buf)
{
	snprintf(buf, EXPRESS_NAME_BUF, "%s%s", c->cfg->queues[i / 2],
		 i % 2 ? JOBQ_EXPRESS_SUFFIX : "");
}

/* Connect, declare, set QoS and consume every job queue. */
static int open_broker(struct io *io, struct jobq_err *err)
{
	struct consumer *c = io->c;
	char name[300];
	struct jobq_broker_opts opts;
	amqp_connection_state_t conn;
	int r;

	snprintf(name, sizeof(name), "jobq-consumer worker=%s host=%s pid=%d", c->worker_id,
		 c->hostname, c->pid);
	jobq_broker_opts_from_config(&opts, c->cfg, name);
	/* No RPC timeout on the long-lived consuming connection: heartbeats bound it, and
	 * the library force-closes the socket when an RPC timeout fires. */
	opts.rpc_timeout_ms = 0;
	opts.first = io->next_url;
	if ((r = jobq_broker_connect(&opts, &io->b, err)) != 0)
		return r;
	if ((r = jobq_broker_declare_topology(io->b, c->cfg->queues, c->cfg->nqueues, err)) != 0)
		return r;
	conn = jobq_broker_conn(io->b);
	/* The cancel broadcast first, so that no job starts here before we would hear of its
	 * cancel (a cancel before the claim is caught by the claim's tombstone check). A
	 * server-named exclusive queue: it goes with this connection and is made anew after
	 * every reconnect. */
	{
		amqp_queue_declare_ok_t *ok = amqp_queue_declare(
			conn, JOBQ_CHANNEL, amqp_empty_bytes, 0, 0, 1, 1, amqp_empty_table);
		amqp_bytes_t qname;

		if ((r = jobq_broker_reply_error(io->b, amqp_get_rpc_reply(conn),
						 "declare cancel queue", err)) != 0)
			return r;
		qname = amqp_bytes_malloc_dup(ok->queue);
		amqp_queue_bind(conn, JOBQ_CHANNEL, qname, amqp_cstring_bytes(JOBQ_EXCHANGE_CANCEL),
				amqp_empty_bytes, amqp_empty_table);
		r = jobq_broker_reply_error(io->b, amqp_get_rpc_reply(conn), "bind cancel queue",
					    err);
		if (r == 0) {
			/* no_ack: a cancel message is only a wake-up; the database holds the cancel. */
			amqp_basic_consume(conn, JOBQ_CHANNEL, qname,
					   amqp_cstring_bytes(io->cancel_tag), 0, 1, 1,
					   amqp_empty_table);
			r = jobq_broker_reply_error(io->b, amqp_get_rpc_reply(conn),
						    "consume cancel queue", err);
		}
		amqp_bytes_free(qname);
		if (r != 0)
			return r;
	}
	/* Per-consumer prefetch (global=0): global QoS is not implemented on quorum queues.
	 * Deliveries beyond the executors wait in the dispatch ring, unclaimed (still queued
	 * in the database), so a finished executor finds its next job without a round trip
	 * to the broker. */
	amqp_basic_qos(conn, JOBQ_CHANNEL, 0, (uint16_t)jobq_config_prefetch(c->cfg), 0);
	if ((r = jobq_broker_reply_error(io->b, amqp_get_rpc_reply(conn), "basic.qos", err)) != 0)
		return r;
	/* Each job queue and its express queue (priority jobs, docs/design.md §5), each with
	 * the prefetch above. */
	for (int i = 0; i < 2 * c->cfg->nqueues; i++) {
		char qname[EXPRESS_NAME_BUF], queue[160], tag[400], what[200];

		consumed_name(c, i, qname);
		snprintf(queue, sizeof(queue), "%s%s", JOBQ_QUEUE_PREFIX, qname);
		consumer_tag(c, qname, tag, sizeof(tag));
		amqp_basic_consume(conn, JOBQ_CHANNEL, amqp_cstring_bytes(queue),
				   amqp_cstring_bytes(tag), 0, 0, 0, amqp_empty_table);
		snprintf(what, sizeof(what), "consume %s", queue);
		if ((r = jobq_broker_reply_error(io->b, amqp_get_rpc_reply(conn), what, err)) != 0)
			return r;
	}
	io->consuming = true;
	return 0;
}

static void close_broker(struct io *io)
{
	if (io->b != NULL)
		io->next_url = jobq_broker_resume_index(io->b);
	jobq_broker_free(io->b);
	io->b = NULL;
	io->consuming = false;
	acks_reset(&io->acks); /* its tags mean nothing on the next connection */
}

/* Stop the job consumers so no new deliveries arrive (first shutdown stage). */
static void cancel_consumers(struct io *io)
{
	struct consumer *c = io->c;
	amqp_connection_state_t conn = jobq_broker_conn(io->b);
	struct jobq_err err = { 0 };

	for (int i = 0; i < 2 * c->cfg->nqueues; i++) {
		char qname[EXPRESS_NAME_BUF], tag[400];

		consumed_name(c, i, qname);
		consumer_tag(c, qname, tag, sizeof(tag));
		amqp_basic_cancel(conn, JOBQ_CHANNEL, amqp_cstring_bytes(tag));
		if (jobq_broker_reply_error(io->b, amqp_get_rpc_reply(conn), "basic.cancel",
					    &err) != 0) {
			jobq_warn("consumer_cancel_failed", "worker", c->worker_id, "error",
				  err.msg);
			return;
		}
	}
	io->consuming = false;
	jobq_info("consumers_cancelled", "worker", c->worker_id);
}

/* A cancel broadcast: {"job_id": ..., "reason": ...}. Stop the job if it runs here. The
 * size is checked before anything is parsed (JOBQ_CANCEL_MAX_BYTES); the id is taken in
 * its lower-case form, the form the executions hold. */
static void handle_cancel(struct io *io, amqp_envelope_t *e)
{
	struct consumer *c = io->c;
	size_t len = e->message.body.len;
	char id[JOBQ_UUID_LEN + 1], bytes[24], too_big[64];
	const char *why = NULL;
	json_t *o = NULL, *v;

	if (len > JOBQ_CANCEL_MAX_BYTES) {
		snprintf(too_big, sizeof(too_big), "body larger than %d bytes, not parsed",
			 JOBQ_CANCEL_MAX_BYTES);
		why = too_big;
	} else {
		o = json_loadb(e->message.body.bytes, len, 0, NULL);
		v = json_is_object(o) ? json_object_get(o, "job_id") : NULL;
		if (!json_is_string(v) || jobq_parse_uuid(json_string_value(v), id, NULL) != 0)
			why = "body is not {\"job_id\": UUID, ...}";
	}
	if (why != NULL)
		jobq_warn("cancel_message_ignored", "worker", c->worker_id, "bytes",
			  jobq_log_int(bytes, (long long)len), "reason", why);
	else if (!consumer_cancel_job(c, id, "broadcast"))
		jobq_debug("cancel_not_here", "worker", c->worker_id, "job", id);
	json_decref(o);
}

static void handle_delivery(struct io *io, amqp_envelope_t *e)
{
	struct consumer *c = io->c;
	struct delivery d = { .tag = e->delivery_tag,
			      .gen = io->gen,
			      .redelivered = e->redelivered != 0 };
	amqp_basic_properties_t *p = &e->message.properties;
	char message_id[80] = "";
	struct jobq_err err = { 0 };

	if (e->consumer_tag.len == strlen(io->cancel_tag) &&
	    memcmp(e->consumer_tag.bytes, io->cancel_tag, e->consumer_tag.len) == 0) {
		handle_cancel(io, e);
		return;
	}

	if ((p->_flags & AMQP_BASIC_MESSAGE_ID_FLAG) && p->message_id.len < sizeof(message_id))
		snprintf(message_id, sizeof(message_id), "%.*s", (int)p->message_id.len,
			 (char *)p->message_id.bytes);
	else if (p->_flags & AMQP_BASIC_MESSAGE_ID_FLAG)
		snprintf(message_id, sizeof(message_id), "(%zu bytes)", p->message_id.len);
	if (jobq_envelope_decode(e->message.body.bytes, e->message.body.len, message_id, &d.env,
				 &err) != 0) {
		char tag[24], len[24], key[80];

		/* Malformed: dead-letter it (reject without requeue) and keep serving. The
		 * library's byte strings are not NUL-terminated. */
		snprintf(key, sizeof(key), "%.*s", (int)e->routing_key.len,
			 (char *)e->routing_key.bytes);
		jobq_warn("message_rejected", "worker", c->worker_id, "routing_key", key,
			  "delivery_tag", jobq_log_int(tag, (long long)d.tag), "bytes",
			  jobq_log_int(len, (long long)e->message.body.len), "message_id",
			  message_id, "reason", err.msg);
		amqp_basic_reject(jobq_broker_conn(io->b), e->channel, e->delivery_tag, 0);
		return;
	}
	/* An express delivery (its consumer tag names the express queue) of a priority job
	 * runs before any ordinary one, highest priority first; a keyed job of priority 0
	 * (no priority property) takes its turn with the ordinary ones (queue.c). */
	if (e->consumer_tag.len > strlen(JOBQ_EXPRESS_SUFFIX) &&
	    memcmp((char *)e->consumer_tag.bytes + e->consumer_tag.len -
			   strlen(JOBQ_EXPRESS_SUFFIX),
		   JOBQ_EXPRESS_SUFFIX, strlen(JOBQ_EXPRESS_SUFFIX)) == 0) {
		d.express = true;
		d.priority = (p->_flags & AMQP_BASIC_PRIORITY_FLAG) && p->priority >= 1 &&
					     p->priority <= 9
				     ? p->priority
				     : 0;
	}
	if (!consumer_push(c, &d))
		amqp_basic_nack(jobq_broker_conn(io->b), e->channel, e->delivery_tag, 0, 1);
	else
		(void)acks_add(&io->acks, d.tag); /* untracked: it is settled on its own */
}

/* Handle a frame that is not a delivery (after AMQP_STATUS_UNEXPECTED_STATE). */
static int handle_frame(struct io *io, struct jobq_err *err)
{
	amqp_connection_state_t conn = jobq_broker_conn(io->b);
	amqp_frame_t frame;
	int status = amqp_simple_wait_frame(conn, &frame);

	if (status != AMQP_STATUS_OK)
		return jobq_err_set(err, JOBQ_EBROKER, "read frame: %s",
				    amqp_error_string2(status));
	if (frame.frame_type != AMQP_FRAME_METHOD)
		return 0;
	switch (frame.payload.method.id) {
	case AMQP_CHANNEL_CLOSE_METHOD: /* e.g. 406 from consumer_timeout */
	case AMQP_CONNECTION_CLOSE_METHOD:
		/* Answer, then reconnect. */
		return jobq_broker_answer_close(io->b, frame.channel, &frame.payload.method,
						"consume", err);
	case AMQP_BASIC_CANCEL_METHOD:
		/* The broker cancelled our consumer (queue deleted, leader moved...): start
		 * over on a fresh connection, which consumes again. */
		return jobq_err_set(err, JOBQ_EBROKER, "consumer cancelled by broker");
	default:
		return 0;
	}
}

/* Read one delivery or frame without blocking. Returns 1 if something was read, 0 if
 * nothing was there, negative on a broken connection. */
static int consume_one(struct io *io, struct jobq_err *err)
{
	amqp_connection_state_t conn = jobq_broker_conn(io->b);
	struct timeval zero = { 0, 0 };
	amqp_envelope_t e;
	amqp_rpc_reply_t reply;

	amqp_maybe_release_buffers(conn);
	reply = amqp_consume_message(conn, &e, &zero, 0);
	if (reply.reply_type == AMQP_RESPONSE_NORMAL) {
		handle_delivery(io, &e);
		amqp_destroy_envelope(&e);
		return 1;
	}
	if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION) {
		if (reply.library_error == AMQP_STATUS_TIMEOUT)
			return 0;
		if (reply.library_error == AMQP_STATUS_UNEXPECTED_STATE) {
			int r = handle_frame(io, err);
			return r < 0 ? r : 1;
		}
		return jobq_err_set(err, JOBQ_EBROKER, "consume: %s",
				    amqp_error_string2(reply.library_error));
	}
	return jobq_broker_reply_error(io->b, reply, "consume", err);
}

/* Microseconds on CLOCK_MONOTONIC: the clock of the acks held (acks.h). */
static int64_t monotonic_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* wait_us, or left_us when that is sooner (0 when it is past). */
static int64_t clamp_wait(int64_t wait_us, int64_t left_us)
{
	return left_us < 0 ? 0 : left_us < wait_us ? left_us : wait_us;
}

/* Send one settlement frame (acks.h's emit). */
static int send_settle(void *ctx, uint64_t tag, enum ack_kind kind, bool multiple)
{
	amqp_connection_state_t conn = jobq_broker_conn(((struct io *)ctx)->b);

	switch (kind) {
	case ACK_ACK:
		return amqp_basic_ack(conn, JOBQ_CHANNEL, tag, multiple);
	case ACK_REJECT:
		return amqp_basic_reject(conn, JOBQ_CHANNEL, tag, 0);
	default:
		return amqp_basic_nack(conn, JOBQ_CHANNEL, tag, 0, 1);
	}
}

/* How long acks may be held now: longer while deliveries wait for an executor. */
static int64_t ack_hold(struct consumer *c)
{
	size_t waiting;

	pthread_mutex_lock(&c->mu);
	waiting = c->ring_len + c->express_len;
	pthread_mutex_unlock(&c->mu);
	return waiting > 0 ? ACK_HOLD_SLACK_US : ACK_HOLD_US;
}

/* Ack/reject/requeue what the executors finished: acks at the front of the outstanding
 * deliveries go as one ack with `multiple`, an ack behind a pending delivery on its own
 * once held `hold` µs, a reject or requeue at once (acks.c). Stale generations are
 * dropped: their messages were requeued when the old connection closed. */
static int settle(struct io *io, int64_t hold, struct jobq_err *err)
{
	struct settlement *s;
	size_t n = consumer_take_settlements(io->c, &s);
	int status = AMQP_STATUS_OK;
	int64_t now = monotonic_us();

	for (size_t i = 0; i < n && status == AMQP_STATUS_OK; i++) {
		enum ack_kind kind = s[i].kind == SETTLE_ACK      ? ACK_ACK
				     : s[i].kind == SETTLE_REJECT ? ACK_REJECT
								  : ACK_REQUEUE;

		if (s[i].gen != io->gen || io->b == NULL || !jobq_broker_ok(io->b))
			continue;
		if (!acks_mark(&io->acks, s[i].tag, kind, now))
			status = send_settle(io, s[i].tag, kind, false);
	}
	free(s);
	if (status == AMQP_STATUS_OK && io->b != NULL && jobq_broker_ok(io->b))
		status = acks_flush(&io->acks, send_settle, io, now, hold);
	if (status != AMQP_STATUS_OK) {
		jobq_broker_set_broken(io->b);
		return jobq_err_set(err, JOBQ_EBROKER, "settle delivery: %s",
				    amqp_error_string2(status));
	}
	return 0;
}

/* Shutdown stages, driven from the loop. Returns true when the thread may exit. */
static bool shutdown_step(struct io *io)
{
	struct consumer *c = io->c;
	int sig = atomic_load(&c->signals);

	if (sig == 0)
		return false;
	if (!atomic_load(&c->draining)) {
		char running[24], timeout[24];

		io->drain_deadline = jobq_monotonic_ms() + c->cfg->shutdown_timeout_ms;
		atomic_store(&c->release_at, io->drain_deadline);
		atomic_store(&c->draining, true);
		jobq_info("shutdown_draining", "worker", c->worker_id, "running",
			  jobq_log_int(running, consumer_running(c)), "timeout_ms",
			  jobq_log_int(timeout, c->cfg->shutdown_timeout_ms));
		if (io->b != NULL && jobq_broker_ok(io->b) && io->consuming)
			cancel_consumers(io);
	}
	if (!io->released && (sig >= 2 || jobq_monotonic_ms() >= io->drain_deadline) &&
	    consumer_running(c) > 0) {
		jobq_info("shutdown_releasing", "worker", c->worker_id, "reason",
			  sig >= 2 ? "second signal" : "shutdown_timeout reached");
		consumer_release_all(c);
		io->released = true;
	}
	return consumer_running(c) == 0;
}

void *io_thread(void *arg)
{
	struct io io = { .c = arg };
	struct consumer *c = io.c;
	struct jobq_err err = { 0 };
	int64_t retry_at = 0, service_at = 0;
	int poll_ms =
		(int)(c->cfg->amqp_heartbeat_ms / 4 > 0 ? c->cfg->amqp_heartbeat_ms / 4 : 250);

	if (poll_ms > 1000)
		poll_ms = 1000;
	pthread_setname_np(pthread_self(), "jobq-io"); /* as top -H and perf show it */
	jobq_backoff_init(&io.backoff, CONNECT_MIN_MS, CONNECT_MAX_MS,
			  (unsigned int)time(NULL) ^ (unsigned int)c->pid);
	consumer_tag(c, "*cancel", io.cancel_tag, sizeof(io.cancel_tag));
	for (;;) {
		struct pollfd fds[2];
		int nfds = 1, r;
		bool readable;
		uint64_t junk;

		if (atomic_exchange(&c->reload, false))
			consumer_reload(c);
		if (shutdown_step(&io)) {
			/* Every delivery is settled; flush the last acks, then close. */
			(void)settle(&io, 0, &err);
			break;
		}
		if (io.b == NULL && !atomic_load(&c->draining) && jobq_monotonic_ms() >= retry_at) {
			io.gen = atomic_fetch_add(&c->gen, 1) + 1;
			acks_reset(&io.acks);
			size_t dropped = consumer_drop_stale(c, io.gen);

			/* Deliveries of the old connection that no executor took yet: the broker
			 * requeued them when it closed, so they come back. */
			if (dropped > 0) {
				char n[24];
				jobq_info("stale_deliveries_dropped", "worker", c->worker_id,
					  "count", jobq_log_int(n, (long long)dropped));
			}
			if (open_broker(&io, &err) == 0) {
				char g[24];
				jobq_info("broker_connected", "worker", c->worker_id, "node",
					  jobq_broker_node(io.b), "generation",
					  jobq_log_int(g, (long long)io.gen), "skipped",
					  jobq_broker_skipped(io.b));
				if (io.gen > 1)
					atomic_fetch_add(&c->metrics.reconnects[RECONNECT_BROKER],
							 1);
				jobq_backoff_reset(&io.backoff);
			} else {
				char ms[24];
				int64_t wait = jobq_backoff_next(&io.backoff);

				jobq_warn("broker_unavailable", "worker", c->worker_id, "error",
					  err.msg, "retry_in_ms", jobq_log_int(ms, wait));
				close_broker(&io);
				retry_at = jobq_monotonic_ms() + wait;
			}
		}
		fds[0] = (struct pollfd){ .fd = c->settle_fd, .events = POLLIN };
		if (io.b != NULL) {
			amqp_connection_state_t conn = jobq_broker_conn(io.b);

			/* Frames the library already buffered are invisible to poll(). */
			for (int i = 0;
			     i < 1024 && (amqp_frames_enqueued(conn) || amqp_data_in_buffer(conn));
			     i++) {
				if ((r = consume_one(&io, &err)) < 0)
					goto broken;
				if (r == 0)
					break;
			}
			fds[1] = (struct pollfd){ .fd = amqp_get_sockfd(conn), .events = POLLIN };
			nfds = 2;
		}
		{
			int64_t wait_us = (int64_t)poll_ms * 1000, now_us = monotonic_us();
			struct timespec ts;

			/* While disconnected, wake for the next reconnect attempt, not a tick later. */
			if (io.b == NULL && !atomic_load(&c->draining))
				wait_us = clamp_wait(wait_us,
						     (retry_at - jobq_monotonic_ms()) * 1000);
			/* And when the earliest held ack is due. */
			wait_us = clamp_wait(wait_us, acks_due(&io.acks) - now_us);
			ts = (struct timespec){ wait_us / 1000000, wait_us % 1000000 * 1000 };
			r = ppoll(fds, (nfds_t)nfds, &ts, NULL);
		}
		/* Read the socket when poll says so, and at least every poll_ms: the library
		 * sends and checks heartbeats only inside its own calls. A wake for settlements
		 * alone costs no read that finds nothing. */
		readable = r < 0 || (nfds == 2 && fds[1].revents != 0);
		if (r < 0 && errno != EINTR) {
			jobq_error("poll_failed", "worker", c->worker_id, "error", strerror(errno));
			usleep(100000);
		}
		if (fds[0].revents & POLLIN) {
			ssize_t n = read(c->settle_fd, &junk, sizeof(junk));
			(void)n;
		}
		if (settle(&io, ack_hold(c), &err) != 0)
			goto broken;
		if (io.b != NULL && (readable || r == 0 || jobq_monotonic_ms() >= service_at)) {
			service_at = jobq_monotonic_ms() + poll_ms;
			for (int i = 0; i < 1024; i++) {
				if ((r = consume_one(&io, &err)) < 0)
					goto broken;
				if (r == 0)
					break;
			}
		}
		continue;
	broken:
		jobq_warn("broker_lost", "worker", c->worker_id, "error", err.msg);
		jobq_broker_set_broken(io.b);
		close_broker(&io);
		/* The step is not grown here: a connection that opened had reset it, so the
		 * first try after a break waits the least. */
		retry_at = jobq_monotonic_ms() + jobq_backoff_wait(&io.backoff);
	}
	close_broker(&io);
	acks_free(&io.acks);
	pthread_mutex_lock(&c->mu);
	c->closing = true;
	pthread_cond_broadcast(&c->cv);
	pthread_mutex_unlock(&c->mu);
	atomic_store(&c->io_done, true);
	jobq_info("broker_closed", "worker", c->worker_id);
	return NULL;
}
