/* RabbitMQ connection, topology and confirmed publishing on rabbitmq-c 0.11. */
#include <amqp_ssl_socket.h>
#include <amqp_tcp_socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "jobq/clock.h"
#include "jobq/broker.h"
#include "jobq/config.h"
#include "jobq/url.h"

#define MAX_DECLARED 64
#define CONFIRM_WINDOW 1000

struct jobq_broker {
	amqp_connection_state_t conn;
	bool ok;
	bool confirming;	/* confirm.select done on the channel */
	bool passive;		/* the user may not declare: only check that objects exist */
	uint64_t next_tag;	/* delivery tag of the next publish (confirm mode) */
	char node[300];
	char masked_url[512];
	size_t index, nurls;		/* which URL of the list this connection uses */
	char skipped[JOBQ_ERR_MSG_MAX];	/* nodes tried before it, and why they failed */
	char *declared[MAX_DECLARED];
	int ndeclared;
};

void jobq_broker_opts_from_config(struct jobq_broker_opts *opts, const struct jobq_config *cfg,
				  const char *connection_name)
{
	int64_t hb = cfg->amqp_heartbeat_ms / 1000;

	*opts = (struct jobq_broker_opts){
		.url = cfg->amqp_url,
		.heartbeat_s = hb > 0 ? (int)hb : 1,
		.connection_name = connection_name,
		.connect_timeout_ms = 5000,
		.rpc_timeout_ms = 10000,
		.tls_ca = cfg->amqp_tls_ca,
		.tls_cert = cfg->amqp_tls_cert,
		.tls_key = cfg->amqp_tls_key,
		.tls_verify = cfg->amqp_tls_verify,
	};
}

const char *jobq_broker_system_ca(void)
{
	/* Debian and Ubuntu, Fedora and RHEL, openSUSE, Alpine and the BSDs. */
	static const char *const paths[] = { "/etc/ssl/certs/ca-certificates.crt",
		"/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/ca-bundle.pem", "/etc/ssl/cert.pem" };
	const char *env = getenv("SSL_CERT_FILE");

	if (env != NULL && env[0] != '\0')
		return env;
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		if (access(paths[i], R_OK) == 0)
			return paths[i];
	return NULL;
}

/* TLS settings for an amqps:// connection. rabbitmq-c 0.11 gives its OpenSSL context no
 * CA at all, so without tls_ca every broker certificate would fail verification: the
 * system's bundle stands in for it. */
static int setup_tls(amqp_socket_t *sock, const struct jobq_broker_opts *opts,
		     struct jobq_err *err)
{
	const char *ca = opts->tls_ca;
	int status;

	amqp_ssl_socket_set_verify_peer(sock, opts->tls_verify);
	amqp_ssl_socket_set_verify_hostname(sock, opts->tls_verify);
	if (ca == NULL && opts->tls_verify && (ca = jobq_broker_system_ca()) == NULL)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "broker TLS: no amqp.tls_ca and no system CA bundle (install "
				    "ca-certificates, or set amqp.tls_ca or $SSL_CERT_FILE)");
	if (ca != NULL && (status = amqp_ssl_socket_set_cacert(sock, ca)) != AMQP_STATUS_OK)
		return jobq_err_set(err, JOBQ_EINVAL, "broker TLS CA %s: %s", ca,
				    amqp_error_string2(status));
	if (opts->tls_cert != NULL && opts->tls_key != NULL &&
	    (status = amqp_ssl_socket_set_key(sock, opts->tls_cert, opts->tls_key)) != AMQP_STATUS_OK)
		return jobq_err_set(err, JOBQ_EINVAL, "broker TLS certificate %s / key %s: %s",
				    opts->tls_cert, opts->tls_key, amqp_error_string2(status));
	return 0;
}

amqp_connection_state_t jobq_broker_conn(struct jobq_broker *b)
{
	return b->conn;
}

const char *jobq_broker_node(const struct jobq_broker *b)
{
	return b->node;
}

const char *jobq_broker_skipped(const struct jobq_broker *b)
{
	return b->skipped;
}

bool jobq_broker_ok(const struct jobq_broker *b)
{
	return b != NULL && b->ok;
}

void jobq_broker_set_broken(struct jobq_broker *b)
{
	b->ok = false;
}

static int status_error(struct jobq_broker *b, int status, const char *what, struct jobq_err *err)
{
	if (b != NULL)
		b->ok = false;
	return jobq_err_set(err, JOBQ_EBROKER, "%s: %s", what, amqp_error_string2(status));
}

int jobq_broker_reply_error(struct jobq_broker *b, amqp_rpc_reply_t reply, const char *what,
			    struct jobq_err *err)
{
	switch (reply.reply_type) {
	case AMQP_RESPONSE_NORMAL:
		return 0;
	case AMQP_RESPONSE_NONE:
		b->ok = false;
		return jobq_err_set(err, JOBQ_EBROKER, "%s: missing RPC reply", what);
	case AMQP_RESPONSE_LIBRARY_EXCEPTION:
		return status_error(b, reply.library_error, what, err);
	case AMQP_RESPONSE_SERVER_EXCEPTION:
		break;
	}
	b->ok = false;
	if (reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD) {
		amqp_channel_close_t *m = reply.reply.decoded;
		amqp_channel_close_ok_t ok = { 0 };

		/* rabbitmq-c never answers a close; without close-ok the broker refuses to
		 * reopen the channel. */
		amqp_send_method(b->conn, JOBQ_CHANNEL, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok);
		return jobq_err_set(err, JOBQ_EBROKER, "%s: %u %.*s", what, m->reply_code,
				    (int)m->reply_text.len, (char *)m->reply_text.bytes);
	}
	if (reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD) {
		amqp_connection_close_t *m = reply.reply.decoded;
		amqp_connection_close_ok_t ok = { 0 };

		amqp_send_method(b->conn, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok);
		return jobq_err_set(err, JOBQ_EBROKER, "%s: connection closed by broker: %u %.*s",
				    what, m->reply_code, (int)m->reply_text.len,
				    (char *)m->reply_text.bytes);
	}
	return jobq_err_set(err, JOBQ_EBROKER, "%s: unexpected server method 0x%08x", what,
			    reply.reply.id);
}

static void add_property(amqp_table_entry_t *e, const char *key, amqp_field_value_t value)
{
	e->key = amqp_cstring_bytes(key);
	e->value = value;
}

/* Connect to the one URL `text` (an element of opts->url). */
static int connect_one(const struct jobq_broker_opts *opts, const char *text,
		       struct jobq_broker **out, struct jobq_err *err)
{
	struct jobq_broker *b = NULL;
	struct amqp_connection_info info;
	amqp_socket_t *sock;
	char *url = NULL;
	struct timeval tv;
	int timeout_ms = opts->connect_timeout_ms > 0 ? opts->connect_timeout_ms : 5000;
	int r = 0, status;

	*out = NULL;
	b = calloc(1, sizeof(*b));
	url = strdup(text);
	if (b == NULL || url == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "broker: out of memory");
		goto out;
	}
	jobq_url_mask(text, b->masked_url, sizeof(b->masked_url));
	amqp_default_connection_info(&info);
	if (amqp_parse_url(url, &info) != AMQP_STATUS_OK) {
		r = jobq_err_set(err, JOBQ_EINVAL, "broker URL '%s' is not an amqp:// URL",
				 b->masked_url);
		goto out;
	}
	/* "amqp://host:5672/" parses as the empty vhost; everyone means the default "/". */
	if (info.vhost == NULL || info.vhost[0] == '\0')
		info.vhost = "/";
	snprintf(b->node, sizeof(b->node), "%s:%d", info.host, info.port);
	if ((b->conn = amqp_new_connection()) == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "broker: out of memory");
		goto out;
	}
	sock = info.ssl ? amqp_ssl_socket_new(b->conn) : amqp_tcp_socket_new(b->conn);
	if (sock == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "broker: cannot create socket");
		goto out;
	}
	if (info.ssl && (r = setup_tls(sock, opts, err)) != 0)
		goto out;
	tv.tv_sec = timeout_ms / 1000;
	tv.tv_usec = (timeout_ms % 1000) * 1000;
	amqp_set_handshake_timeout(b->conn, &tv);
	if ((status = amqp_socket_open_noblock(sock, info.host, info.port, &tv)) != AMQP_STATUS_OK) {
		r = jobq_err_set(err, JOBQ_EBROKER, "broker %s: cannot connect: %s", b->masked_url,
				 amqp_error_string2(status));
		goto out;
	}
	{
		amqp_table_entry_t caps[1], props[2];
		amqp_table_t props_table;

		add_property(&caps[0], "consumer_cancel_notify",
			     (amqp_field_value_t){ .kind = AMQP_FIELD_KIND_BOOLEAN,
						   .value.boolean = 1 });
		add_property(&props[0], "capabilities",
			     (amqp_field_value_t){ .kind = AMQP_FIELD_KIND_TABLE,
						   .value.table = { 1, caps } });
		add_property(&props[1], "connection_name",
			     (amqp_field_value_t){
				     .kind = AMQP_FIELD_KIND_UTF8,
				     .value.bytes = amqp_cstring_bytes(
					     opts->connection_name ? opts->connection_name : "jobq") });
		props_table.num_entries = 2;
		props_table.entries = props;
		amqp_rpc_reply_t reply = amqp_login_with_properties(
			b->conn, info.vhost, 0, 131072, opts->heartbeat_s, &props_table,
			AMQP_SASL_METHOD_PLAIN, info.user, info.password);
		if (reply.reply_type != AMQP_RESPONSE_NORMAL) {
			char what[600];

			snprintf(what, sizeof(what), "broker %s: login", b->masked_url);
			r = jobq_broker_reply_error(b, reply, what, err);
			goto out;
		}
	}
	amqp_channel_open(b->conn, JOBQ_CHANNEL);
	if ((r = jobq_broker_reply_error(b, amqp_get_rpc_reply(b->conn), "broker: open channel",
					 err)) != 0)
		goto out;
	if (opts->rpc_timeout_ms > 0) {
		tv.tv_sec = opts->rpc_timeout_ms / 1000;
		tv.tv_usec = (opts->rpc_timeout_ms % 1000) * 1000;
		amqp_set_rpc_timeout(b->conn, &tv);
	}
	b->ok = true;
	*out = b;
	b = NULL;
out:
	if (b != NULL)
		b->ok = false;
	jobq_broker_free(b);
	free(url);
	return r;
}

int jobq_broker_connect(const struct jobq_broker_opts *opts, struct jobq_broker **out,
			struct jobq_err *err)
{
	const char *list = opts->url != NULL ? opts->url : "";
	size_t n = jobq_url_list_count(list), k, i, used = 0;
	char url[1024], tried[JOBQ_ERR_MSG_MAX];
	struct jobq_err e1 = { 0 };
	int r = 0;

	*out = NULL;
	tried[0] = '\0';
	if (opts->heartbeat_s <= 0)
		return jobq_err_set(err, JOBQ_EINVAL, "broker heartbeat must be positive");
	for (k = 0; k < n; k++) {
		i = (opts->first + k) % n;
		if (jobq_url_list_get(list, i, url, sizeof(url)) < 0)
			return jobq_err_set(err, JOBQ_EINVAL, "broker URL %zu of %zu is too long",
					    i + 1, n);
		if ((r = connect_one(opts, url, out, n > 1 ? &e1 : err)) == 0) {
			(*out)->index = i;
			(*out)->nurls = n;
			snprintf((*out)->skipped, sizeof((*out)->skipped), "%s", tried);
			return 0;
		}
		if (n == 1)
			return r;
		if (r != JOBQ_EBROKER)	/* a URL or TLS setting that can never work */
			return jobq_err_set(err, r, "%s", e1.msg);
		used += (size_t)snprintf(tried + used, used < sizeof(tried) ? sizeof(tried) - used : 0,
					 "%s%s", used > 0 ? "; " : "", e1.msg);
		if (used >= sizeof(tried))
			used = sizeof(tried) - 1;
	}
	return jobq_err_set(err, JOBQ_EBROKER, "no broker node of %zu reachable: %s", n, tried);
}

void jobq_broker_free(struct jobq_broker *b)
{
	if (b == NULL)
		return;
	if (b->conn != NULL) {
		if (b->ok) {
			struct timeval tv = { 1, 0 };

			/* A polite close lets the broker requeue at once and log a clean
			 * disconnect; bounded so a dead peer cannot hold us. */
			amqp_set_rpc_timeout(b->conn, &tv);
			amqp_channel_close(b->conn, JOBQ_CHANNEL, AMQP_REPLY_SUCCESS);
			amqp_connection_close(b->conn, AMQP_REPLY_SUCCESS);
		}
		amqp_destroy_connection(b->conn);
	}
	for (int i = 0; i < b->ndeclared; i++)
		free(b->declared[i]);
	free(b);
}

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
		return missing("queue", queue, r, err);	/* binding is migrate's job then */
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
	add_property(&e[0], "x-queue-type", str_value("quorum"));
	add_property(&e[1], "x-delivery-limit",
		     (amqp_field_value_t){ .kind = AMQP_FIELD_KIND_I32,
					   .value.i32 = JOBQ_DELIVERY_LIMIT });
	add_property(&e[2], "x-dead-letter-exchange", str_value(JOBQ_EXCHANGE_DEAD));
	/* at-least-once dead-lettering needs reject-publish overflow; otherwise the broker
	 * silently falls back to at-most-once. */
	add_property(&e[3], "x-dead-letter-strategy", str_value("at-least-once"));
	add_property(&e[4], "x-overflow", str_value("reject-publish"));
	if ((r = declare_and_bind(b, queue, JOBQ_EXCHANGE_JOBS, name, args, err)) != 0)
		return r;
	if (b->ndeclared < MAX_DECLARED && (b->declared[b->ndeclared] = strdup(name)) != NULL)
		b->ndeclared++;
	return 0;
}

int jobq_broker_declare_topology(struct jobq_broker *b, char *const *queues, int nqueues,
				 struct jobq_err *err)
{
	amqp_table_entry_t e[1];
	amqp_table_t dead_args = { 1, e };
	int r;

	add_property(&e[0], "x-queue-type", str_value("quorum"));
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

/* Collect confirms until every tag in [first, first + n) is settled. state[i]: 0 pending,
 * 1 acked, 2 nacked or returned. Returned messages are matched by message_id = ids[i]. */
static int collect_confirms(struct jobq_broker *b, uint64_t first, size_t n, char *state,
			    const struct jobq_envelope *envs, int timeout_ms, struct jobq_err *err)
{
	int64_t deadline = jobq_monotonic_ms() + timeout_ms;
	size_t pending = n;

	while (pending > 0) {
		amqp_frame_t frame;
		int64_t left = deadline - jobq_monotonic_ms();
		struct timeval tv;
		int status;

		if (left <= 0)
			return jobq_err_set(err, JOBQ_EBROKER,
					    "publish: no confirm from the broker within %d ms",
					    timeout_ms);
		tv.tv_sec = left / 1000;
		tv.tv_usec = (left % 1000) * 1000;
		status = amqp_simple_wait_frame_noblock(b->conn, &frame, &tv);
		if (status == AMQP_STATUS_TIMEOUT)
			continue;
		if (status != AMQP_STATUS_OK)
			return status_error(b, status, "publish: waiting for confirms", err);
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
				if (state[t - first] == 0) {
					state[t - first] = ack ? 1 : 2;
					pending--;
				} else if (state[t - first] == 3) {
					/* returned earlier, now confirmed: settled as failed */
					state[t - first] = 2;
					pending--;
				}
			}
			break;
		}
		case AMQP_BASIC_RETURN_METHOD: {
			amqp_message_t msg;
			amqp_rpc_reply_t reply = amqp_read_message(b->conn, frame.channel, &msg, 0);

			if (reply.reply_type != AMQP_RESPONSE_NORMAL)
				return jobq_broker_reply_error(b, reply, "publish: read returned message",
							       err);
			if (msg.properties._flags & AMQP_BASIC_MESSAGE_ID_FLAG) {
				amqp_bytes_t id = msg.properties.message_id;
				for (size_t i = 0; i < n; i++)
					if (state[i] == 0 && id.len == strlen(envs[i].job_id) &&
					    memcmp(id.bytes, envs[i].job_id, id.len) == 0) {
						state[i] = 3;	/* the ack that follows settles it */
						break;
					}
			}
			amqp_destroy_message(&msg);
			break;
		}
		case AMQP_CHANNEL_CLOSE_METHOD: {
			amqp_channel_close_t *m = frame.payload.method.decoded;
			amqp_channel_close_ok_t ok = { 0 };

			amqp_send_method(b->conn, JOBQ_CHANNEL, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok);
			b->ok = false;
			return jobq_err_set(err, JOBQ_EBROKER, "publish: channel closed: %u %.*s",
					    m->reply_code, (int)m->reply_text.len,
					    (char *)m->reply_text.bytes);
		}
		case AMQP_CONNECTION_CLOSE_METHOD: {
			amqp_connection_close_t *m = frame.payload.method.decoded;
			amqp_connection_close_ok_t ok = { 0 };

			amqp_send_method(b->conn, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok);
			b->ok = false;
			return jobq_err_set(err, JOBQ_EBROKER, "publish: connection closed: %u %.*s",
					    m->reply_code, (int)m->reply_text.len,
					    (char *)m->reply_text.bytes);
		}
		default:
			break;
		}
	}
	return 0;
}

static int publish_one(struct jobq_broker *b, const char *exchange, const char *key,
		       const char *message_id, const char *type, const void *body, size_t len,
		       struct jobq_err *err)
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
	status = amqp_basic_publish(b->conn, JOBQ_CHANNEL, amqp_cstring_bytes(exchange),
				    amqp_cstring_bytes(key), 1, 0, &p, bytes);
	if (status != AMQP_STATUS_OK)
		return status_error(b, status, "publish", err);
	b->next_tag++;
	return 0;
}

int jobq_broker_publish_jobs(struct jobq_broker *b, const struct jobq_envelope *envs, size_t n,
			     bool *confirmed, int timeout_ms, struct jobq_err *err)
{
	char state[CONFIRM_WINDOW];
	size_t done = 0;
	int count = 0, r;

	for (size_t i = 0; i < n; i++)
		confirmed[i] = false;
	while (done < n) {
		size_t chunk = n - done < CONFIRM_WINDOW ? n - done : CONFIRM_WINDOW;
		uint64_t first;

		/* Declare first: an RPC amid the publishes would queue their confirms. Then
		 * confirm mode: a refused declare (403, a user without configure rights) closes
		 * the channel, and the one it reopens is not in confirm mode yet. */
		for (size_t i = 0; i < chunk; i++)
			if ((r = jobq_broker_declare_queue(b, envs[done + i].queue, err)) != 0)
				return r;
		if ((r = confirm_select(b, err)) != 0)
			return r;
		first = b->next_tag;
		for (size_t i = 0; i < chunk; i++) {
			const struct jobq_envelope *e = &envs[done + i];
			char body[512];
			int len;

			state[i] = 0;
			if ((len = jobq_envelope_encode(e, body, sizeof(body), err)) < 0)
				return len;
			if ((r = publish_one(b, JOBQ_EXCHANGE_JOBS, e->queue, e->job_id, e->type, body,
					     (size_t)len, err)) != 0)
				return r;
		}
		r = collect_confirms(b, first, chunk, state, envs + done, timeout_ms, err);
		for (size_t i = 0; i < chunk; i++) {
			confirmed[done + i] = state[i] == 1;
			count += state[i] == 1;
		}
		if (r != 0)
			return r;
		done += chunk;
	}
	return count;
}

size_t jobq_broker_resume_index(const struct jobq_broker *b)
{
	return b->ok ? b->index : b->index + 1;
}

int jobq_broker_ensure(struct jobq_broker **b, const struct jobq_broker_opts *opts,
		       struct jobq_err *err)
{
	struct jobq_broker_opts o = *opts;

	if (*b != NULL && (*b)->ok)
		return 0;
	if (*b != NULL)
		o.first = jobq_broker_resume_index(*b);
	jobq_broker_free(*b);
	*b = NULL;
	return jobq_broker_connect(&o, b, err);
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

int jobq_broker_publish_raws(struct jobq_broker *b, const char *exchange, const char *routing_key,
			     const char *const *bodies, size_t n, int timeout_ms, struct jobq_err *err)
{
	char state[CONFIRM_WINDOW];
	struct jobq_envelope none[1];
	uint64_t first;
	int r;

	if (n > CONFIRM_WINDOW)
		return jobq_err_set(err, JOBQ_EINVAL, "publish: more than %d messages at once",
				    CONFIRM_WINDOW);
	memset(none, 0, sizeof(none));
	memset(state, 0, sizeof(state));
	if ((r = confirm_select(b, err)) != 0)
		return r;
	first = b->next_tag;
	for (size_t i = 0; i < n; i++)
		if ((r = publish_one(b, exchange, routing_key, NULL, NULL, bodies[i], strlen(bodies[i]),
				     err)) != 0)
			return r;
	/* No message ids: returns cannot be matched, and a fanout exchange never returns. */
	if ((r = collect_confirms(b, first, n, state, none, timeout_ms, err)) != 0)
		return r;
	for (size_t i = 0; i < n; i++)
		if (state[i] != 1)
			return jobq_err_set(err, JOBQ_EBROKER, "publish to %s: not confirmed by the broker",
					    exchange);
	return 0;
}

int jobq_broker_publish_raw(struct jobq_broker *b, const char *exchange, const char *routing_key,
			    const void *body, size_t len, int timeout_ms, struct jobq_err *err)
{
	char state[1] = { 0 };
	struct jobq_envelope none;
	uint64_t first;
	int r;

	memset(&none, 0, sizeof(none));
	if ((r = confirm_select(b, err)) != 0)
		return r;
	first = b->next_tag;
	if ((r = publish_one(b, exchange, routing_key, NULL, NULL, body, len, err)) != 0)
		return r;
	if ((r = collect_confirms(b, first, 1, state, &none, timeout_ms, err)) != 0)
		return r;
	if (state[0] != 1)
		return jobq_err_set(err, JOBQ_EBROKER, "publish to %s: not confirmed by the broker",
				    exchange);
	return 0;
}

int jobq_broker_service(struct jobq_broker *b, struct jobq_err *err)
{
	for (int i = 0; i < 64; i++) {
		struct timeval zero = { 0, 0 };
		amqp_frame_t frame;
		int status;

		amqp_maybe_release_buffers(b->conn);
		status = amqp_simple_wait_frame_noblock(b->conn, &frame, &zero);
		if (status == AMQP_STATUS_TIMEOUT)
			return 0;
		if (status != AMQP_STATUS_OK)
			return status_error(b, status, "broker connection", err);
		if (frame.frame_type != AMQP_FRAME_METHOD)
			continue;
		if (frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD ||
		    frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD) {
			bool chan = frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD;

			if (chan) {
				amqp_channel_close_ok_t ok = { 0 };
				amqp_send_method(b->conn, JOBQ_CHANNEL, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok);
			} else {
				amqp_connection_close_ok_t ok = { 0 };
				amqp_send_method(b->conn, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok);
			}
			b->ok = false;
			return jobq_err_set(err, JOBQ_EBROKER, "broker closed the %s",
					    chan ? "channel" : "connection");
		}
	}
	return 0;
}

int jobq_broker_get(struct jobq_broker *b, const char *queue, amqp_message_t *msg,
		    uint64_t *tag, bool *got, struct jobq_err *err)
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

	return status == AMQP_STATUS_OK ? 0 : status_error(b, status, "ack", err);
}

static void copy_bytes(char *dst, size_t cap, amqp_bytes_t v)
{
	snprintf(dst, cap, "%.*s", (int)v.len, (const char *)v.bytes);
}

void jobq_broker_x_death(const amqp_basic_properties_t *p, char *reason, size_t rlen,
			 char *queue, size_t qlen)
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

			if (f->value.kind != AMQP_FIELD_KIND_UTF8 && f->value.kind != AMQP_FIELD_KIND_BYTES)
				continue;
			if (f->key.len == 6 && memcmp(f->key.bytes, "reason", 6) == 0)
				copy_bytes(reason, rlen, f->value.value.bytes);
			else if (f->key.len == 5 && memcmp(f->key.bytes, "queue", 5) == 0)
				copy_bytes(queue, qlen, f->value.value.bytes);
		}
		return;
	}
}
