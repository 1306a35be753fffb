/* Prometheus metrics: counters and histograms kept with atomics, and the text exposition
 * served over HTTP by libmicrohttpd's own thread. */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consumer.h"
#include "jobq/clock.h"
#include "jobq/store_admin.h"
#include "metrics.h"

/* Connections served at once from one client address: half of METRICS_MAX_CONN, so one
 * address alone cannot take every slot from a scraper on another address (an exposed
 * listen). It does not help on loopback, where the scraper and a local attacker share
 * 127.0.0.1 (security.md, "Metrics"). */
#define METRICS_MAX_PER_IP 128

/* Bucket bounds in seconds: from a noop job (ms) to long batch jobs (an hour). */
static const double bounds[METRICS_BUCKETS] = { 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
						0.5,   1,     2.5,  5,     10,   60,  3600 };

void metrics_observe(struct histogram *h, double seconds)
{
	int i = 0;

	if (seconds < 0)
		seconds = 0;
	while (i < METRICS_BUCKETS && seconds > bounds[i])
		i++;
	/* The count first: a render that sees the bucket's increment sees the count's. */
	atomic_fetch_add(&h->count, 1);
	if (i < METRICS_BUCKETS)
		atomic_fetch_add(&h->buckets[i], 1);
	atomic_fetch_add(&h->sum_us, (uint_fast64_t)(seconds * 1e6));
}

struct out {
	char *buf;
	size_t len, cap;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(o->buf ? o->buf + o->len : NULL, o->buf ? o->cap - o->len : 0, fmt,
			      ap);
		va_end(ap);
		if (n < 0)
			return;
		if (o->buf != NULL && o->len + (size_t)n < o->cap) {
			o->len += (size_t)n;
			return;
		}
		size_t cap = o->cap ? o->cap * 2 : 8192;
		while (cap < o->len + (size_t)n + 1)
			cap *= 2;
		char *nb = realloc(o->buf, cap);
		if (nb == NULL)
			return;
		o->buf = nb;
		o->cap = cap;
	}
}

static void head(struct out *o, const char *name, const char *type, const char *help)
{
	put(o, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void histogram(struct out *o, const char *name, const char *help, struct histogram *h)
{
	unsigned long long cum = 0, count;

	head(o, name, "histogram", help);
	for (int i = 0; i < METRICS_BUCKETS; i++) {
		cum += (unsigned long long)atomic_load(&h->buckets[i]);
		put(o, "%s_bucket{le=\"%g\"} %llu\n", name, bounds[i], cum);
	}
	/* Loaded after the buckets, so never below their sum. */
	count = (unsigned long long)atomic_load(&h->count);
	put(o, "%s_bucket{le=\"+Inf\"} %llu\n", name, count);
	put(o, "%s_sum %.6f\n", name, (double)atomic_load(&h->sum_us) / 1e6);
	put(o, "%s_count %llu\n", name, count);
}

char *metrics_render(struct consumer *c)
{
	static const char *const fin[FIN_N] = { "succeeded", "failed", "cancelled", "retry",
						"released" };
	static const char *const take[TAKE_N] = { "owner_dead", "lease_expired" };
	static const char *const cancel[CANCEL_N] = { "broadcast", "heartbeat", "notify" };
	static const char *const rec[RECONNECT_N] = { "broker", "database" };
	struct metrics *m = &c->metrics;
	struct out o = { 0 };
	int running = 0;
	int64_t last = atomic_load(&m->last_heartbeat_ms);

	pthread_mutex_lock(&c->exec_mu);
	for (int i = 0; i < c->nexec; i++)
		running += c->execs[i].active && c->execs[i].attempt > 0;
	pthread_mutex_unlock(&c->exec_mu);

	head(&o, "jobq_jobs_claimed_total", "counter", "Jobs this worker claimed (or took over).");
	put(&o, "jobq_jobs_claimed_total %llu\n", (unsigned long long)atomic_load(&m->claimed));
	head(&o, "jobq_jobs_finished_total", "counter",
	     "Attempts ended, by outcome (retry: failed with attempts left; released: given "
	     "back at shutdown).");
	for (int i = 0; i < FIN_N; i++)
		put(&o, "jobq_jobs_finished_total{outcome=\"%s\"} %llu\n", fin[i],
		    (unsigned long long)atomic_load(&m->finished[i]));
	head(&o, "jobq_retries_total", "counter", "Failed attempts scheduled for a retry.");
	put(&o, "jobq_retries_total %llu\n",
	    (unsigned long long)atomic_load(&m->finished[FIN_RETRY]));
	head(&o, "jobq_leases_lost_total", "counter",
	     "Jobs this worker stopped because another owner holds them now.");
	put(&o, "jobq_leases_lost_total %llu\n", (unsigned long long)atomic_load(&m->leases_lost));
	head(&o, "jobq_takeovers_total", "counter",
	     "Jobs taken over from another worker, by reason.");
	for (int i = 0; i < TAKE_N; i++)
		put(&o, "jobq_takeovers_total{reason=\"%s\"} %llu\n", take[i],
		    (unsigned long long)atomic_load(&m->takeovers[i]));
	head(&o, "jobq_cancels_received_total", "counter",
	     "Cancel requests that reached a running job here, by path.");
	for (int i = 0; i < CANCEL_N; i++)
		put(&o, "jobq_cancels_received_total{path=\"%s\"} %llu\n", cancel[i],
		    (unsigned long long)atomic_load(&m->cancels[i]));
	head(&o, "jobq_reconnects_total", "counter", "Connections re-established after a loss.");
	for (int i = 0; i < RECONNECT_N; i++)
		put(&o, "jobq_reconnects_total{target=\"%s\"} %llu\n", rec[i],
		    (unsigned long long)atomic_load(&m->reconnects[i]));
	{
		static const char *const what[2] = { "claim", "finish" };
		unsigned long batches;

		pthread_mutex_lock(&c->writes.mu);
		batches = c->writes.batches;
		pthread_mutex_unlock(&c->writes.mu);
		head(&o, "jobq_write_batches_total", "counter",
		     "Statements (each one commit) that wrote executors' claims and finishes.");
		put(&o, "jobq_write_batches_total %lu\n", batches);
		head(&o, "jobq_write_batch_items_total", "counter",
		     "Claims and finishes written by those statements (items / batches = mean "
		     "batch).");
		for (int i = 0; i < 2; i++)
			put(&o, "jobq_write_batch_items_total{kind=\"%s\"} %llu\n", what[i],
			    (unsigned long long)atomic_load(&m->written[i]));
	}
	head(&o, "jobq_dead_letters_total", "counter",
	     "Dead-lettered messages this worker recorded.");
	put(&o, "jobq_dead_letters_total %llu\n",
	    (unsigned long long)atomic_load(&m->dead_letters));
	head(&o, "jobq_retention_rounds_total", "counter",
	     "Retention rounds this worker ran to their end (it held the installation's retention "
	     "lock).");
	put(&o, "jobq_retention_rounds_total %llu\n",
	    (unsigned long long)atomic_load(&m->retention_rounds));
	head(&o, "jobq_retention_failures_total", "counter",
	     "Retention rounds of this worker that failed (logged as retention_failed).");
	put(&o, "jobq_retention_failures_total %llu\n",
	    (unsigned long long)atomic_load(&m->retention_failures));
	head(&o, "jobq_retention_deleted_total", "counter",
	     "Rows its retention rounds deleted: finished jobs by state, and dead letters.");
	for (int i = 0; i < JOBQ_RETAIN_N; i++)
		put(&o, "jobq_retention_deleted_total{kind=\"%s\"} %llu\n",
		    jobq_retention_kind_name((enum jobq_retention_kind)i),
		    (unsigned long long)atomic_load(&m->retention_deleted[i]));
	head(&o, "jobq_retention_last_round_seconds", "gauge",
	     "Duration of this worker's last retention round (0: none yet).");
	put(&o, "jobq_retention_last_round_seconds %.3f\n",
	    (double)atomic_load(&m->retention_last_ms) / 1000.0);
	histogram(&o, "jobq_job_duration_seconds", "Run time of an attempt.", &m->duration);
	histogram(&o, "jobq_queue_wait_seconds",
		  "Time from when a job was due (submitted, or its retry came due) to its start.",
		  &m->queue_wait);
	head(&o, "jobq_queue_paused", "gauge",
	     "1 while this queue of the worker is paused (jobq queue pause), else 0; read from "
	     "the database every relay interval.");
	for (int i = 0; i < c->cfg->nqueues; i++)
		put(&o, "jobq_queue_paused{queue=\"%s\"} %d\n", c->cfg->queues[i],
		    atomic_load(&m->queue_paused[i]) ? 1 : 0);
	head(&o, "jobq_running_jobs", "gauge", "Jobs running on this worker now.");
	put(&o, "jobq_running_jobs %d\n", running);
	head(&o, "jobq_handlers_broken", "gauge",
	     "Handlers of this worker whose processes die at start or on every job (their jobs "
	     "are released to the queue).");
	put(&o, "jobq_handlers_broken %d\n", consumer_broken_count(c, NULL));
	head(&o, "jobq_handler_broken", "gauge",
	     "1 while the handler of this job type is broken here, 0 once it recovered (types "
	     "never broken are not listed).");
	pthread_mutex_lock(&c->health_mu);
	for (int i = 0; i < c->nhealth; i++)
		put(&o, "jobq_handler_broken{type=\"%s\"} %d\n", c->health[i].type,
		    c->health[i].broken ? 1 : 0);
	pthread_mutex_unlock(&c->health_mu);
	head(&o, "jobq_heartbeat_age_seconds", "gauge",
	     "Seconds since this worker's last heartbeat landed in the database.");
	put(&o, "jobq_heartbeat_age_seconds %.3f\n",
	    last > 0 ? (double)(jobq_monotonic_ms() - last) / 1000.0 : 0.0);
	return o.buf;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn, const char *url,
			      const char *method, const char *version, const char *upload,
			      size_t *upload_size, void **con_cls)
{
	struct consumer *c = cls;
	struct MHD_Response *resp;
	enum MHD_Result ret;
	char *body;

	(void)version;
	(void)upload;
	(void)upload_size;
	(void)con_cls;
	if (strcmp(method, "GET") != 0 || (strcmp(url, "/metrics") != 0 && strcmp(url, "/") != 0)) {
		static const char nf[] = "not found: try /metrics\n";
		resp = MHD_create_response_from_buffer(sizeof(nf) - 1, (void *)nf,
						       MHD_RESPMEM_PERSISTENT);
		ret = MHD_queue_response(conn, MHD_HTTP_NOT_FOUND, resp);
		MHD_destroy_response(resp);
		return ret;
	}
	if ((body = metrics_render(c)) == NULL)
		return MHD_NO;
	resp = MHD_create_response_from_buffer(strlen(body), body, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type", "text/plain; version=0.0.4; charset=utf-8");
	ret = MHD_queue_response(conn, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* Parse "host:port" (or a bare "port", or ":port": loopback) into a sockaddr. */
static int parse_listen(const char *listen, struct sockaddr_storage *ss, struct jobq_err *err)
{
	char host[128];
	const char *colon = strrchr(listen, ':');
	const char *digits = colon != NULL ? colon + 1 : listen;
	size_t hlen = colon != NULL ? (size_t)(colon - listen) : 0;
	char *end;
	long port;

	memset(ss, 0, sizeof(*ss));
	if (hlen >= sizeof(host))
		goto bad;
	memcpy(host, listen, hlen);
	host[hlen] = '\0';
	port = strtol(digits, &end, 10);
	if (*end != '\0' || digits[0] == '\0' || port < 1 || port > 65535)
		goto bad;
	/* No host: loopback. The page tells what the worker runs; exposing it further is a
	 * choice ("0.0.0.0:9464"), not a default. */
	if (strcmp(host, "localhost") == 0 || host[0] == '\0')
		strcpy(host, "127.0.0.1");
	if (host[0] == '[' && host[strlen(host) - 1] == ']') {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;

		host[strlen(host) - 1] = '\0';
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host + 1, &a->sin6_addr) == 1)
			return 0;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)ss;

		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)port);
		if (inet_pton(AF_INET, host, &a->sin_addr) == 1)
			return 0;
	}
bad:
	return jobq_err_set(
		err, JOBQ_EINVAL,
		"metrics.listen: '%.100s' is not host:port or port (e.g. 127.0.0.1:9464)", listen);
}

int metrics_start(struct consumer *c, const char *listen, struct jobq_err *err)
{
	struct sockaddr_storage ss;
	int r;

	if ((r = parse_listen(listen, &ss, err)) != 0)
		return r;
	/* epoll (else poll), never select(): a worker with a high concurrency holds more than
	 * FD_SETSIZE descriptors, and select() cannot watch a socket numbered past it. Idle
	 * connections are dropped after METRICS_IDLE_S and up to METRICS_MAX_CONN are served,
	 * so that a handful of silent sockets cannot blind the scraper; the idle timeout resets
	 * on every byte, so a client that trickles bytes keeps its slots: METRICS_MAX_PER_IP
	 * keeps one address from holding all of them. */
	c->metrics.daemon = MHD_start_daemon(
		(MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES
			 ? MHD_USE_EPOLL_INTERNAL_THREAD
			 : MHD_USE_POLL_INTERNAL_THREAD) |
			MHD_USE_ERROR_LOG | (ss.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0),
		0, NULL, NULL, answer, c, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned int)METRICS_MAX_CONN,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)METRICS_MAX_PER_IP,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)METRICS_IDLE_S, MHD_OPTION_END);
	if (c->metrics.daemon == NULL)
		return jobq_err_set(err, JOBQ_ESYS, "metrics: cannot listen on %s", listen);
	return 0;
}

void metrics_stop(struct consumer *c)
{
	if (c->metrics.daemon != NULL)
		MHD_stop_daemon(c->metrics.daemon);
	c->metrics.daemon = NULL;
}
