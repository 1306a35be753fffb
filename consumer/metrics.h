/* Prometheus metrics of one consumer: lock-free counters and histograms updated by the
 * threads, rendered in the text exposition format by a small HTTP server (libmicrohttpd)
 * on an opt-in listen address. */
#ifndef JOBQ_METRICS_H
#define JOBQ_METRICS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "jobq/config.h"
#include "jobq/err.h"

#define METRICS_BUCKETS 14
/* Connections the endpoint serves at once, and seconds before an idle one is dropped. */
#define METRICS_MAX_CONN 256
#define METRICS_IDLE_S 5

enum metric_finish {
	FIN_SUCCEEDED,
	FIN_FAILED,
	FIN_CANCELLED,
	FIN_RETRY,
	FIN_RELEASED,
	FIN_N
};
enum metric_takeover {
	TAKE_OWNER_DEAD,
	TAKE_LEASE_EXPIRED,
	TAKE_N
};
enum metric_cancel {
	CANCEL_BROADCAST,
	CANCEL_HEARTBEAT,
	CANCEL_NOTIFY,
	CANCEL_N
};
enum metric_reconnect {
	RECONNECT_BROKER,
	RECONNECT_DATABASE,
	RECONNECT_N
};

/* Observations in seconds. Each observation counts in its one bucket (one atomic add,
 * not one per bucket above it); the render sums them into Prometheus's cumulative ones. */
struct histogram {
	atomic_uint_fast64_t buckets[METRICS_BUCKETS]; /* values in (bound[i-1], bound[i]] */
	atomic_uint_fast64_t count;
	atomic_uint_fast64_t sum_us; /* sum in microseconds */
};

struct metrics {
	atomic_uint_fast64_t claimed;
	atomic_uint_fast64_t finished[FIN_N];
	atomic_uint_fast64_t leases_lost;
	atomic_uint_fast64_t takeovers[TAKE_N];
	atomic_uint_fast64_t cancels[CANCEL_N];
	atomic_uint_fast64_t reconnects[RECONNECT_N];
	atomic_uint_fast64_t dead_letters;
	atomic_uint_fast64_t written[2];       /* claims, finishes written by combined statements */
	struct histogram duration;             /* job run time */
	struct histogram queue_wait;           /* from due (submit or retry time) to start */
	atomic_int_fast64_t last_heartbeat_ms; /* monotonic ms of the last heartbeat that landed */
	atomic_bool queue_paused[JOBQ_MAX_QUEUES]; /* cfg->queues[i] is paused (the relay's tick) */
	/* retention rounds this worker ran to their end (it held the lock), those that failed
	 * (a statement's error, a timeout, a lost session), rows either deleted by kind (enum
	 * jobq_retention_kind), and the last round's duration in ms */
	atomic_uint_fast64_t retention_rounds;
	atomic_uint_fast64_t retention_failures;
	atomic_uint_fast64_t retention_deleted[4];
	atomic_int_fast64_t retention_last_ms;
	void *daemon; /* struct MHD_Daemon */
};

struct consumer;

/* Record one observation of `seconds` (negative values count as 0). */
void metrics_observe(struct histogram *h, double seconds);

/* Serve GET /metrics on listen ("host:port"; host an IPv4 address, "localhost" or
 * "[IPv6]"; a bare "port" or ":port" means 127.0.0.1), from an epoll (else poll) thread
 * that serves METRICS_MAX_CONN connections and drops idle ones after METRICS_IDLE_S. JOBQ_EINVAL for a malformed address, JOBQ_ESYS when it cannot listen. */
int metrics_start(struct consumer *c, const char *listen, struct jobq_err *err) JOBQ_WUR;

/* Stop serving. Accepts a consumer whose metrics never started. */
void metrics_stop(struct consumer *c);

/* Render every metric in the Prometheus text format into a malloc'd string. */
char *metrics_render(struct consumer *c);

#endif
