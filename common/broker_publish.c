/* Publishing with publisher confirms on rabbitmq-c 0.11, which has no confirm wait of its
 * own: confirm mode, publishing a window of messages, collecting their acks, nacks and
 * returns, and publishing job messages again on the next node of a cluster when a node
 * fails them. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "broker_internal.h"
#include "jobq/broker.h"
#include "jobq/clock.h"
#include "jobq/parse.h"

/* Room for one encoded job envelope: its fields are a UUID, a type and a queue name of at
 * most 64 plain characters each, so it stays far below this. */
#define ENVELOPE_BODY_MAX 512

/* Where one message of a confirm window stands. Publisher confirms settle each delivery
 * tag once, with basic.ack or basic.nack. A mandatory message that no queue takes is
 * first handed back with basic.return, and the broker then acks it all the same: that
 * ack must not count as delivered. A window's states are kept in a uint8_t each, so that
 * a full window of them on the stack is 1 KB, not 4. */
enum confirm_state {
	CONFIRM_PENDING,  /* published, nothing heard yet */
	CONFIRM_ACKED,    /* acked, never returned: the broker has it queued */
	CONFIRM_FAILED,   /* nacked, or returned and then confirmed: not delivered */
	CONFIRM_RETURNED, /* returned as unroutable; its confirm is still to come and
				 * will settle it as CONFIRM_FAILED */
};

static int confirm_select(struct jobq_broker *b, struct jobq_err *err)
{
	if (b->confirming)
		return 0;
	amqp_confirm_select(b->conn, JOBQ_CHANNEL);
	if (jobq_broker_reply_error(b, amqp_get_rpc_reply(b->conn), "confirm.select", err) != 0)
		return JOBQ_EBROKER;
	b->confirming = true;
	b->next_tag = 1;
	return 0;
}

/* Collect confirms until every tag in [first, first + n) is settled, that is state[i] is
 * CONFIRM_ACKED or CONFIRM_FAILED, or timeout_ms passed: JOBQ_EBROKER then, or 0 when
 * partial (a timeout of 0 reads only what already came). A returned message is matched by
 * its message_id to envs[i].job_id; envs is NULL for messages published without one,
 * whose returns then match nothing. */
static int collect_confirms(struct jobq_broker *b, uint64_t first, size_t n, uint8_t *state,
			    const struct jobq_envelope *envs, int timeout_ms, bool partial,
			    struct jobq_err *err)
{
	int64_t deadline = jobq_monotonic_ms() + timeout_ms;
	size_t pending = 0;

	for (size_t i = 0; i < n; i++)
		pending += state[i] == CONFIRM_PENDING || state[i] == CONFIRM_RETURNED;
	while (pending > 0) {
		amqp_frame_t frame;
		int64_t left = deadline - jobq_monotonic_ms();
		struct timeval tv;
		int status;

		if (left < 0)
			left = 0;
		tv.tv_sec = left / 1000;
		tv.tv_usec = (left % 1000) * 1000;
		status = amqp_simple_wait_frame_noblock(b->conn, &frame, &tv);
		if (status == AMQP_STATUS_TIMEOUT) {
			if (jobq_monotonic_ms() < deadline)
				continue;
			if (partial)
				return 0;
			return jobq_err_set(err, JOBQ_EBROKER,
					    "publish: no confirm from the broker within %d ms",
					    timeout_ms);
		}
		if (status != AMQP_STATUS_OK)
			return broker_status_error(b, status, "publish: waiting for confirms", err);
		if (frame.frame_type != AMQP_FRAME_METHOD)
			continue;
		switch (frame.payload.method.id) {
		case AMQP_BASIC_ACK_METHOD:
		case AMQP_BASIC_NACK_METHOD: {
			bool ack = frame.payload.method.id == AMQP_BASIC_ACK_METHOD;
			uint64_t tag;
			bool multiple;

			if (ack) {
				amqp_basic_ack_t *m = frame.payload.method.decoded;
				tag = m->delivery_tag;
				multiple = m->multiple;
			} else {
				amqp_basic_nack_t *m = frame.payload.method.decoded;
				tag = m->delivery_tag;
				multiple = m->multiple;
			}
			for (uint64_t t = multiple ? first : tag; t <= tag; t++) {
				if (t < first || t >= first + n)
					continue;
				if (state[t - first] == CONFIRM_PENDING) {
					state[t - first] = ack ? CONFIRM_ACKED : CONFIRM_FAILED;
					pending--;
				} else if (state[t - first] == CONFIRM_RETURNED) {
					state[t - first] = CONFIRM_FAILED;
					pending--;
				}
			}
			break;
		}
		case AMQP_BASIC_RETURN_METHOD: {
			amqp_message_t msg;
			amqp_rpc_reply_t reply = amqp_read_message(b->conn, frame.channel, &msg, 0);

			broker_forget_declared(b);

			if (reply.reply_type != AMQP_RESPONSE_NORMAL)
				return jobq_broker_reply_error(
					b, reply, "publish: read returned message", err);
			if (envs != NULL && (msg.properties._flags & AMQP_BASIC_MESSAGE_ID_FLAG)) {
				amqp_bytes_t id = msg.properties.message_id;
				for (size_t i = 0; i < n; i++)
					if (state[i] == CONFIRM_PENDING &&
					    id.len == strlen(envs[i].job_id) &&
					    memcmp(id.bytes, envs[i].job_id, id.len) == 0) {
						state[i] = CONFIRM_RETURNED;
						break;
					}
			}
			amqp_destroy_message(&msg);
			break;
		}
		case AMQP_CHANNEL_CLOSE_METHOD:
		case AMQP_CONNECTION_CLOSE_METHOD:
			return jobq_broker_answer_close(b, JOBQ_CHANNEL, &frame.payload.method,
							"publish", err);
		default:
			break;
		}
	}
	return 0;
}

static int publish_one(struct jobq_broker *b, const char *exchange, const char *key,
		       const char *message_id, const char *type, int priority, const void *body,
		       size_t len, struct jobq_err *err)
{
	amqp_basic_properties_t p;
	amqp_bytes_t bytes = { len, (void *)body };
	int status;

	memset(&p, 0, sizeof(p));
	p._flags = AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_CONTENT_TYPE_FLAG |
		   AMQP_BASIC_APP_ID_FLAG;
	p.delivery_mode = AMQP_DELIVERY_PERSISTENT;
	p.content_type = amqp_cstring_bytes("application/json");
	p.app_id = amqp_cstring_bytes("jobq");
	if (message_id != NULL) {
		p._flags |= AMQP_BASIC_MESSAGE_ID_FLAG;
		p.message_id = amqp_cstring_bytes(message_id);
	}
	if (type != NULL) {
		p._flags |= AMQP_BASIC_TYPE_FLAG;
		p.type = amqp_cstring_bytes(type);
	}
	if (priority > 0) {
		/* Quorum queues ignore it: the consumer orders its express deliveries by it. */
		p._flags |= AMQP_BASIC_PRIORITY_FLAG;
		p.priority = (uint8_t)priority;
	}
	status = amqp_basic_publish(b->conn, JOBQ_CHANNEL, amqp_cstring_bytes(exchange),
				    amqp_cstring_bytes(key), 1, 0, &p, bytes);
	if (status != AMQP_STATUS_OK)
		return broker_status_error(b, status, "publish", err);
	b->next_tag++;
	return 0;
}

/* Declare the queues of envs[0..n), put the channel in confirm mode and publish them, the
 * first with delivery tag *first and the others after it. 0 or a negative JOBQ_E*. */
static int send_jobs(struct jobq_broker *b, const struct jobq_envelope *envs, size_t n,
		     uint64_t *first, struct jobq_err *err)
{
	int r;

	/* Declare first: an RPC amid the publishes would queue their confirms. Then confirm
	 * mode: a refused declare (403, a user without configure rights) closes the channel,
	 * and the one it reopens is not in confirm mode yet. */
	for (size_t i = 0; i < n; i++)
		if ((r = jobq_broker_declare_queue(b, envs[i].queue, err)) != 0 ||
		    (jobq_envelope_express(&envs[i]) &&
		     (r = jobq_broker_declare_express(b, envs[i].queue, err)) != 0))
			return r;
	if ((r = confirm_select(b, err)) != 0)
		return r;
	*first = b->next_tag;
	for (size_t i = 0; i < n; i++) {
		char body[ENVELOPE_BODY_MAX], express[JOBQ_QUEUE_BUF + sizeof(JOBQ_EXPRESS_SUFFIX)];
		const char *key = envs[i].queue;
		int len;

		if ((len = jobq_envelope_encode(&envs[i], body, sizeof(body), err)) < 0)
			return len;
		/* A priority or keyed job goes to its queue's express queue (docs/design.md
		 * §5). */
		if (jobq_envelope_express(&envs[i])) {
			snprintf(express, sizeof(express), "%s%s", envs[i].queue,
				 JOBQ_EXPRESS_SUFFIX);
			key = express;
		}
		if ((r = publish_one(b, JOBQ_EXCHANGE_JOBS, key, envs[i].job_id, envs[i].type,
				     envs[i].priority, body, (size_t)len, err)) != 0)
			return r;
	}
	return 0;
}

int jobq_broker_ready_jobs(struct jobq_broker *b, const char *queue, struct jobq_err *err)
{
	int r;

	/* In send_jobs' order: a refused declare reopens the channel out of confirm mode. */
	if ((r = jobq_broker_declare_queue(b, queue, err)) != 0)
		return r;
	return confirm_select(b, err);
}

int jobq_broker_publish_jobs(struct jobq_broker *b, const struct jobq_envelope *envs, size_t n,
			     bool *confirmed, int timeout_ms, struct jobq_err *err)
{
	uint8_t state[JOBQ_BROKER_CONFIRM_WINDOW];
	size_t done = 0;
	int count = 0, r;

	for (size_t i = 0; i < n; i++)
		confirmed[i] = false;
	while (done < n) {
		size_t chunk = n - done < JOBQ_BROKER_CONFIRM_WINDOW ? n - done
								     : JOBQ_BROKER_CONFIRM_WINDOW;
		uint64_t first;

		for (size_t i = 0; i < chunk; i++)
			state[i] = CONFIRM_PENDING;
		if ((r = send_jobs(b, envs + done, chunk, &first, err)) != 0)
			return r;
		r = collect_confirms(b, first, chunk, state, envs + done, timeout_ms, false, err);
		for (size_t i = 0; i < chunk; i++) {
			confirmed[done + i] = state[i] == CONFIRM_ACKED;
			count += state[i] == CONFIRM_ACKED;
		}
		if (r != 0)
			return r;
		done += chunk;
	}
	return count;
}

void jobq_broker_inflight_clear(struct jobq_broker_inflight *in)
{
	in->n = 0;
}

void jobq_broker_inflight_free(struct jobq_broker_inflight *in)
{
	if (in == NULL)
		return;
	free(in->envs);
	free(in->state);
	memset(in, 0, sizeof(*in));
}

/* True when in's messages were published on b as it is now: a connection opened again
 * (or a channel that left confirm mode) numbers its tags from 1 again. */
static bool inflight_current(const struct jobq_broker *b, const struct jobq_broker_inflight *in)
{
	return in->n == 0 || (b->ok && b->confirming && b->next_tag == in->first + in->n);
}

int jobq_broker_send_jobs(struct jobq_broker *b, struct jobq_broker_inflight *in,
			  const struct jobq_envelope *envs, size_t n, struct jobq_err *err)
{
	uint64_t first;
	int r;

	if (!inflight_current(b, in))
		jobq_broker_inflight_clear(in);
	if (in->n + n > in->cap) {
		size_t cap = in->cap ? in->cap : 64;
		struct jobq_envelope *e;
		uint8_t *st;

		while (cap < in->n + n)
			cap *= 2;
		if ((e = realloc(in->envs, cap * sizeof(*e))) != NULL)
			in->envs = e;
		if ((st = realloc(in->state, cap)) != NULL)
			in->state = st;
		if (e == NULL || st == NULL)
			return jobq_err_set(err, JOBQ_ENOMEM, "publish: out of memory");
		in->cap = cap;
	}
	if ((r = send_jobs(b, envs, n, &first, err)) != 0) {
		/* Nothing sent on a failed connection can be confirmed any more. */
		jobq_broker_inflight_clear(in);
		return r;
	}
	if (in->n == 0)
		in->first = first;
	memcpy(in->envs + in->n, envs, n * sizeof(*envs));
	memset(in->state + in->n, CONFIRM_PENDING, n);
	in->n += n;
	return 0;
}

int jobq_broker_collect_jobs(struct jobq_broker *b, struct jobq_broker_inflight *in, int timeout_ms,
			     struct jobq_err *err)
{
	size_t k = 0;
	int r;

	if (!inflight_current(b, in)) {
		jobq_broker_inflight_clear(in);
		return 0;
	}
	amqp_maybe_release_buffers(b->conn);
	if ((r = collect_confirms(b, in->first, in->n, in->state, in->envs, timeout_ms, true,
				  err)) != 0) {
		jobq_broker_inflight_clear(in);
		return r;
	}
	while (k < in->n && (in->state[k] == CONFIRM_ACKED || in->state[k] == CONFIRM_FAILED))
		k++;
	return (int)k;
}

bool jobq_broker_inflight_acked(const struct jobq_broker_inflight *in, size_t i)
{
	return in->state[i] == CONFIRM_ACKED;
}

void jobq_broker_inflight_drop(struct jobq_broker_inflight *in, size_t k)
{
	memmove(in->envs, in->envs + k, (in->n - k) * sizeof(*in->envs));
	memmove(in->state, in->state + k, in->n - k);
	in->n -= k;
	in->first += k;
}

int jobq_broker_publish_jobs_failover(struct jobq_broker **b, const struct jobq_broker_opts *opts,
				      const struct jobq_envelope *envs, size_t n, bool *confirmed,
				      int timeout_ms, struct jobq_err *err)
{
	struct jobq_envelope *sub = NULL;
	size_t *map = NULL, rounds = 0, m, count = 0;
	bool *subok = NULL;
	int r = 0;

	for (size_t i = 0; i < n; i++)
		confirmed[i] = false;
	if (n == 0)
		return 0;
	sub = malloc(n * sizeof(*sub));
	map = malloc(n * sizeof(*map));
	subok = malloc(n * sizeof(*subok));
	if (sub == NULL || map == NULL || subok == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "publish: out of memory");
		goto out;
	}
	for (;;) {
		if ((r = jobq_broker_ensure(b, opts, err)) != 0)
			goto out;
		for (size_t i = m = 0; i < n; i++)
			if (!confirmed[i]) {
				sub[m] = envs[i];
				map[m++] = i;
			}
		r = jobq_broker_publish_jobs(*b, sub, m, subok, timeout_ms, err);
		for (size_t i = 0; i < m; i++)
			if (subok[i]) {
				confirmed[map[i]] = true;
				count++;
			}
		if (count == n) {
			r = 0;
			break;
		}
		/* A failed connection, a nack or a missing confirm: try the rest on the next
		 * node, each node once. */
		if (++rounds >= (*b)->nurls) {
			if (r >= 0)
				r = jobq_err_set(err, JOBQ_EBROKER,
						 "%zu of %zu messages not confirmed by the broker",
						 n - count, n);
			break;
		}
		jobq_broker_set_broken(*b);
	}
out:
	free(sub);
	free(map);
	free(subok);
	return r < 0 ? r : (int)count;
}

/* Publish msgs[0..n) (n <= JOBQ_BROKER_CONFIRM_WINDOW, without message ids) to an
 * exchange and collect their confirms; JOBQ_EBROKER unless the broker acked every one. */
static int publish_confirmed(struct jobq_broker *b, const char *exchange, const char *routing_key,
			     const amqp_bytes_t *msgs, size_t n, int timeout_ms,
			     struct jobq_err *err)
{
	uint8_t state[JOBQ_BROKER_CONFIRM_WINDOW];
	uint64_t first;
	int r;

	for (size_t i = 0; i < n; i++)
		state[i] = CONFIRM_PENDING;
	if ((r = confirm_select(b, err)) != 0)
		return r;
	first = b->next_tag;
	for (size_t i = 0; i < n; i++)
		if ((r = publish_one(b, exchange, routing_key, NULL, NULL, 0, msgs[i].bytes,
				     msgs[i].len, err)) != 0)
			return r;
	/* No message ids: returns cannot be matched, and a fanout exchange never returns. */
	if ((r = collect_confirms(b, first, n, state, NULL, timeout_ms, false, err)) != 0)
		return r;
	for (size_t i = 0; i < n; i++)
		if (state[i] != CONFIRM_ACKED)
			return jobq_err_set(err, JOBQ_EBROKER,
					    "publish to %s: not confirmed by the broker", exchange);
	return 0;
}

int jobq_broker_publish_raws(struct jobq_broker *b, const char *exchange, const char *routing_key,
			     const char *const *bodies, size_t n, int timeout_ms,
			     struct jobq_err *err)
{
	amqp_bytes_t *msgs;
	int r;

	if (n > JOBQ_BROKER_CONFIRM_WINDOW)
		return jobq_err_set(err, JOBQ_EINVAL, "publish: more than %d messages at once",
				    JOBQ_BROKER_CONFIRM_WINDOW);
	/* On the heap: a full window of them is 16 KB. */
	if ((msgs = calloc(n ? n : 1, sizeof(*msgs))) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "publish: out of memory");
	for (size_t i = 0; i < n; i++)
		msgs[i] = amqp_cstring_bytes(bodies[i]);
	r = publish_confirmed(b, exchange, routing_key, msgs, n, timeout_ms, err);
	free(msgs);
	return r;
}

int jobq_broker_publish_raw(struct jobq_broker *b, const char *exchange, const char *routing_key,
			    const void *body, size_t len, int timeout_ms, struct jobq_err *err)
{
	amqp_bytes_t msg = { len, (void *)body };

	return publish_confirmed(b, exchange, routing_key, &msg, 1, timeout_ms, err);
}
