/* The broker module's core: connecting to RabbitMQ over rabbitmq-c 0.11 (a URL list tried
 * in turn, TLS, jobq's client properties, the timeouts from the configuration), keeping
 * an idle connection serviced, answering the broker's closes, translating library
 * replies and statuses into jobq errors in this one place, and closing. The topology,
 * publishing and basic.get live in broker_topology.c, broker_publish.c and broker_get.c. */
#include <amqp_ssl_socket.h>
#include <amqp_tcp_socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "broker_internal.h"
#include "jobq/broker.h"
#include "jobq/config.h"
#include "jobq/url.h"

/* Frames one jobq_broker_service call reads at most, so that a busy connection cannot
 * hold its caller. */
#define SERVICE_MAX_FRAMES 64
/* The bound on jobq_broker_free's polite close of a healthy connection. */
#define CLOSE_TIMEOUT_S 1

void jobq_broker_opts_from_config(struct jobq_broker_opts *opts, const struct jobq_config *cfg,
				  const char *connection_name)
{
	int64_t hb = cfg->amqp_heartbeat_ms / 1000;

	*opts = (struct jobq_broker_opts){
		.url = cfg->amqp_url,
		.heartbeat_s = hb > 0 ? (int)hb : 1,
		.connection_name = connection_name,
		.connect_timeout_ms = JOBQ_BROKER_CONNECT_TIMEOUT_MS,
		.rpc_timeout_ms = JOBQ_BROKER_RPC_TIMEOUT_MS,
		.tls_ca = cfg->amqp_tls_ca,
		.tls_cert = cfg->amqp_tls_cert,
		.tls_key = cfg->amqp_tls_key,
		.tls_verify = cfg->amqp_tls_verify,
		.queue_type = cfg->amqp_queue_type,
	};
}

const char *jobq_broker_system_ca(void)
{
	/* Debian and Ubuntu, Fedora and RHEL, openSUSE, Alpine and the BSDs. */
	static const char *const paths[] = { "/etc/ssl/certs/ca-certificates.crt",
					     "/etc/pki/tls/certs/ca-bundle.crt",
					     "/etc/ssl/ca-bundle.pem", "/etc/ssl/cert.pem" };
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
static int setup_tls(amqp_socket_t *sock, const struct jobq_broker_opts *opts, struct jobq_err *err)
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
	    (status = amqp_ssl_socket_set_key(sock, opts->tls_cert, opts->tls_key)) !=
		    AMQP_STATUS_OK)
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

void jobq_broker_forget_skipped(struct jobq_broker *b)
{
	b->skipped[0] = '\0';
}

bool jobq_broker_ok(const struct jobq_broker *b)
{
	return b != NULL && b->ok;
}

void jobq_broker_set_broken(struct jobq_broker *b)
{
	b->ok = false;
}

int broker_status_error(struct jobq_broker *b, int status, const char *what, struct jobq_err *err)
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
		return broker_status_error(b, reply.library_error, what, err);
	case AMQP_RESPONSE_SERVER_EXCEPTION:
		break;
	}
	b->ok = false;
	if (jobq_broker_answer_close(b, JOBQ_CHANNEL, &reply.reply, what, err) != 0)
		return JOBQ_EBROKER;
	return jobq_err_set(err, JOBQ_EBROKER, "%s: unexpected server method 0x%08x", what,
			    reply.reply.id);
}

int jobq_broker_answer_close(struct jobq_broker *b, amqp_channel_t channel,
			     const amqp_method_t *method, const char *what, struct jobq_err *err)
{
	const char *closed;
	uint16_t code;
	amqp_bytes_t text;

	if (method->id == AMQP_CHANNEL_CLOSE_METHOD) {
		const amqp_channel_close_t *m = method->decoded;
		amqp_channel_close_ok_t ok = { 0 };

		amqp_send_method(b->conn, channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok);
		closed = "channel";
		code = m->reply_code;
		text = m->reply_text;
	} else if (method->id == AMQP_CONNECTION_CLOSE_METHOD) {
		const amqp_connection_close_t *m = method->decoded;
		amqp_connection_close_ok_t ok = { 0 };

		amqp_send_method(b->conn, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok);
		closed = "connection";
		code = m->reply_code;
		text = m->reply_text;
	} else {
		return 0;
	}
	b->ok = false;
	return jobq_err_set(err, JOBQ_EBROKER, "%s: %s closed by broker: %u %.*s", what, closed,
			    code, (int)text.len, (const char *)text.bytes);
}

void broker_table_entry(amqp_table_entry_t *e, const char *key, amqp_field_value_t value)
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
	int timeout_ms = opts->connect_timeout_ms > 0 ? opts->connect_timeout_ms
						      : JOBQ_BROKER_CONNECT_TIMEOUT_MS;
	int r = 0, status;

	*out = NULL;
	b = calloc(1, sizeof(*b));
	url = strdup(text);
	if (b == NULL || url == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "broker: out of memory");
		goto out;
	}
	jobq_url_mask(text, b->masked_url, sizeof(b->masked_url));
	b->queue_type = opts->queue_type;
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
	if ((status = amqp_socket_open_noblock(sock, info.host, info.port, &tv)) !=
	    AMQP_STATUS_OK) {
		r = jobq_err_set(err, JOBQ_EBROKER, "broker %s: cannot connect: %s", b->masked_url,
				 amqp_error_string2(status));
		goto out;
	}
	{
		amqp_table_entry_t caps[1], props[2];
		amqp_table_t props_table;

		broker_table_entry(&caps[0], "consumer_cancel_notify",
				   (amqp_field_value_t){ .kind = AMQP_FIELD_KIND_BOOLEAN,
							 .value.boolean = 1 });
		broker_table_entry(&props[0], "capabilities",
				   (amqp_field_value_t){ .kind = AMQP_FIELD_KIND_TABLE,
							 .value.table = { 1, caps } });
		broker_table_entry(
			&props[1], "connection_name",
			(amqp_field_value_t){
				.kind = AMQP_FIELD_KIND_UTF8,
				.value.bytes = amqp_cstring_bytes(
					opts->connection_name ? opts->connection_name : "jobq") });
		props_table.num_entries = 2;
		props_table.entries = props;
		amqp_rpc_reply_t reply = amqp_login_with_properties(
			b->conn, info.vhost, 0, AMQP_DEFAULT_FRAME_SIZE, opts->heartbeat_s,
			&props_table, AMQP_SASL_METHOD_PLAIN, info.user, info.password);
		if (reply.reply_type != AMQP_RESPONSE_NORMAL) {
			char what[600];

			snprintf(what, sizeof(what), "broker %s: login", b->masked_url);
			r = jobq_broker_reply_error(b, reply, what, err);
			goto out;
		}
	}
	/* Set before the channel opens, so that its open is bounded too. */
	jobq_broker_set_rpc_timeout(b, opts->rpc_timeout_ms);
	amqp_channel_open(b->conn, JOBQ_CHANNEL);
	if ((r = jobq_broker_reply_error(b, amqp_get_rpc_reply(b->conn), "broker: open channel",
					 err)) != 0)
		goto out;
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
		if (r != JOBQ_EBROKER) /* a URL or TLS setting that can never work */
			return jobq_err_set(err, r, "%s", e1.msg);
		used += (size_t)snprintf(tried + used,
					 used < sizeof(tried) ? sizeof(tried) - used : 0, "%s%s",
					 used > 0 ? "; " : "", e1.msg);
		if (used >= sizeof(tried))
			used = sizeof(tried) - 1;
	}
	return jobq_err_set(err, JOBQ_EBROKER, "no broker node of %zu reachable: %s", n, tried);
}

void jobq_broker_set_rpc_timeout(struct jobq_broker *b, int ms)
{
	struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };

	/* NULL is rabbitmq-c's "no bound". */
	amqp_set_rpc_timeout(b->conn, ms > 0 ? &tv : NULL);
}

void jobq_broker_free(struct jobq_broker *b)
{
	if (b == NULL)
		return;
	if (b->conn != NULL) {
		if (b->ok) {
			struct timeval tv = { CLOSE_TIMEOUT_S, 0 };

			/* A polite close lets the broker requeue at once and log a clean
			 * disconnect; bounded so a dead peer cannot hold us. */
			amqp_set_rpc_timeout(b->conn, &tv);
			amqp_channel_close(b->conn, JOBQ_CHANNEL, AMQP_REPLY_SUCCESS);
			amqp_connection_close(b->conn, AMQP_REPLY_SUCCESS);
		}
		amqp_destroy_connection(b->conn);
	}
	broker_forget_declared(b);
	free(b);
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

int jobq_broker_service(struct jobq_broker *b, struct jobq_err *err)
{
	for (int i = 0; i < SERVICE_MAX_FRAMES; i++) {
		struct timeval zero = { 0, 0 };
		amqp_frame_t frame;
		int status, r;

		amqp_maybe_release_buffers(b->conn);
		status = amqp_simple_wait_frame_noblock(b->conn, &frame, &zero);
		if (status == AMQP_STATUS_TIMEOUT)
			return 0;
		if (status != AMQP_STATUS_OK)
			return broker_status_error(b, status, "broker connection", err);
		if (frame.frame_type != AMQP_FRAME_METHOD)
			continue;
		if ((r = jobq_broker_answer_close(b, JOBQ_CHANNEL, &frame.payload.method,
						  "broker connection", err)) != 0)
			return r;
	}
	return 0;
}
