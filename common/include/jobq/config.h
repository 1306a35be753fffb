/* Configuration shared by jobq and jobq-consumer: defaults, then the libconfig file, then
 * environment variables; programs apply their flags on top (docs/design.md §10). */
#ifndef JOBQ_CONFIG_H
#define JOBQ_CONFIG_H

#include <stdbool.h>
#include <stdint.h>
#include "jobq/err.h"
#include "jobq/log.h"

#define JOBQ_CONFIG_DEFAULT_PATH "/etc/jobq/jobq.conf"
#define JOBQ_MAX_QUEUES 32

/* Bounds of a persistent handler's pool settings (docs/configuration.md#handlers). */
#define JOBQ_POOL_MAX_PROCESSES 1024
#define JOBQ_POOL_MAX_JOBS_PER_PROCESS 1024
#define JOBQ_POOL_MAX_JOBS 1000000000LL
#define JOBQ_POOL_STARTUP_TIMEOUT_MS 10000

/* Most rows one retention statement deletes (retention.batch; the SQL functions cap it too). */
#define JOBQ_RETENTION_BATCH_MAX 10000
/* The shortest retention window: a waiter (`jobq submit --wait`, `jobq wait`) can read a
 * finished job's outcome for at least this long, and jobq_prune_jobs (migration 0041) holds
 * the consumers' cutoff to now() minus this at the latest. */
#define JOBQ_RETENTION_MIN_MS 60000

/* A command handler from the `handlers` list (docs/design.md §8). */
struct jobq_handler_config {
	char *type;
	char **argv; /* NULL-terminated; argv[0] is the program */
	int argc;
	char **env; /* NULL-terminated "NAME=value" entries; may be empty */
	int envc;
	int64_t timeout_ms; /* 0 = no runtime limit */
	int64_t cancel_grace_ms;
	char *user;  /* run the command as this user (worker must be root), or NULL */
	char *group; /* ... and/or with this group as its only group, or NULL */
	/* mode = "persistent": a pool of long-lived children speaking the worker protocol
	 * (docs/handlers.md#persistent-handlers); false = "exec", one process per attempt. The
	 * settings below apply to persistent handlers only. */
	bool persistent;
	int processes;              /* children in the pool; 0 = consumer.concurrency */
	int jobs_per_process;       /* jobs one child may run at once (1..1024; 0 reads as 1) */
	int64_t max_jobs;           /* jobs after which a child is retired; 0 = never */
	int64_t startup_timeout_ms; /* from start to its `ready` line; 0 reads as 10 s */
};

/* The kind of RabbitMQ queue jobq declares for each job queue jobq.<name> and for jobq.dead
 * (amqp.queue_type; docs/scaling.md#queue-type says what each gives and gives up). */
enum jobq_queue_type {
	JOBQ_QUEUE_QUORUM = 0, /* replicated (Raft), with a delivery limit: the default */
	JOBQ_QUEUE_CLASSIC,    /* on one node, no delivery limit: less broker work per job */
};

struct jobq_config {
	char *source; /* file the values came from, or NULL for defaults only */

	/* amqp */
	char *amqp_url;
	int64_t amqp_heartbeat_ms;
	char *amqp_tls_ca;   /* amqps://: CA bundle to verify the broker; NULL = system default */
	char *amqp_tls_cert; /* client certificate (with amqp_tls_key), or NULL */
	char *amqp_tls_key;
	bool amqp_tls_verify; /* verify the broker's certificate and host name (default on) */
	enum jobq_queue_type amqp_queue_type;

	/* database; NULL url = libpq's own PG* environment variables */
	char *database_url;

	/* consumer */
	char *worker_id; /* NULL = generated "host-pid-random" at start */
	char *queues[JOBQ_MAX_QUEUES];
	int nqueues;
	int concurrency;
	int prefetch; /* unacked deliveries this worker may hold; see jobq_config_prefetch */
	int64_t heartbeat_interval_ms;
	int64_t lease_duration_ms;
	int64_t shutdown_timeout_ms;
	int64_t cancel_grace_ms;
	int64_t relay_interval_ms; /* how often the relay and the reaper look for work */
	int64_t relay_grace_ms; /* unpublished rows younger than this are left to their submitter */
	int64_t max_payload_bytes;

	/* retry */
	int64_t retry_base_ms;
	int64_t retry_max_ms;

	/* retention (docs/configuration.md#retention): how long finished jobs of each state
	 * (with their history) and dead letters are kept; 0 = for ever. The consumers apply
	 * it (consumer/retention.c). */
	int64_t retention_succeeded_ms;
	int64_t retention_failed_ms;
	int64_t retention_cancelled_ms;
	int64_t retention_dead_letters_ms;
	int retention_batch;           /* rows per statement */
	int retention_rate;            /* rows deleted per second, at most */
	int64_t retention_interval_ms; /* from the start of one round to the next */

	/* handlers */
	struct jobq_handler_config *handlers;
	int nhandlers;

	/* metrics: "host:port" to serve Prometheus metrics on, or NULL (off) */
	char *metrics_listen;

	/* web (jobq-web, docs/web.md): the console's address and port, whether it is
	 * read-only, its credentials (a crypt(3) hash, a token; NULL = none), how long a login
	 * lasts, whether its cookie is Secure, and the Host names it answers besides its
	 * address and localhost (comma-separated, or NULL) */
	char *web_listen;
	int web_port;
	bool web_read_only;
	char *web_password_hash;
	char *web_token;
	int64_t web_session_ms;
	bool web_secure_cookie;
	char *web_hosts;

	/* log */
	enum jobq_log_level log_level;
	enum jobq_log_format log_format;
};

/* Fill cfg with the built-in defaults (see docs/configuration.md). Returns 0 or
 * JOBQ_ENOMEM. cfg must be released with jobq_config_free(). */
int jobq_config_defaults(struct jobq_config *cfg, struct jobq_err *err) JOBQ_WUR;

/* Load configuration into cfg: defaults, then the file (explicit `path`, else $JOBQ_CONFIG,
 * else JOBQ_CONFIG_DEFAULT_PATH if it exists, else none), then the environment
 * (JOBQ_AMQP_URL, JOBQ_QUEUE_TYPE, JOBQ_DATABASE_URL, JOBQ_HEARTBEAT_INTERVAL,
 * JOBQ_LEASE_DURATION, JOBQ_QUEUES, JOBQ_CONCURRENCY, JOBQ_WORKER_ID, JOBQ_SHUTDOWN_TIMEOUT,
 * JOBQ_CANCEL_GRACE, JOBQ_LOG_LEVEL, JOBQ_LOG_FORMAT, ...). An empty variable counts as unset.
 * HEARTBEAT_INTERVAL and LEASE_DURATION are aliases of JOBQ_HEARTBEAT_INTERVAL and
 * JOBQ_LEASE_DURATION, read only when the JOBQ_ name is unset: if both are set, the JOBQ_
 * name wins and the alias is ignored, even when it differs or is malformed (nothing is
 * reported). An explicitly named file that cannot be read is an error. Every error is
 * JOBQ_EINVAL with "FILE:LINE: what" (or "$VAR: what" for the environment, naming the
 * variable that was read); unknown keys, wrong types and out-of-range values are errors.
 * On error cfg is left freed-and-empty. */
int jobq_config_load(struct jobq_config *cfg, const char *path, struct jobq_err *err) JOBQ_WUR;

/* Check cross-field rules (lease_duration > heartbeat_interval, concurrency 1..1024, queue
 * names [A-Za-z0-9_.-]{1,64}, unique handler types, ...), and the rules that only the
 * worker that runs the handlers can check: every handler `user` and `group` exists, and a
 * process that is not root has none (it could not switch to them). JOBQ_EINVAL naming the
 * field. */
int jobq_config_validate(const struct jobq_config *cfg, struct jobq_err *err) JOBQ_WUR;

/* The prefetch a worker asks the broker for: consumer.prefetch, but never fewer than
 * consumer.concurrency (0, the default, and any smaller value mean the concurrency: a
 * worker must be able to hold a delivery for every executor). Not an error, as a
 * --concurrency flag may raise the concurrency past a configured prefetch. Above the
 * concurrency, deliveries wait in the worker and an executor claims the next one in the
 * statement that writes the outcome of the job it finishes. */
int jobq_config_prefetch(const struct jobq_config *cfg);

/* Replace the queue list from a comma-separated string ("a,b"). JOBQ_EINVAL on a bad name. */
int jobq_config_set_queues(struct jobq_config *cfg, const char *csv, struct jobq_err *err) JOBQ_WUR;

/* Replace a string field, freeing the old value. JOBQ_ENOMEM on failure. */
int jobq_config_set_str(char **field, const char *value, struct jobq_err *err) JOBQ_WUR;

/* Parse "quorum" or "classic" into *out. 0, or JOBQ_EINVAL (err unset: the caller names
 * where the text came from). */
int jobq_queue_type_parse(const char *text, enum jobq_queue_type *out) JOBQ_WUR;

/* "quorum" or "classic" (the broker's own x-queue-type names); "?" for any other value. */
const char *jobq_queue_type_name(enum jobq_queue_type type);

/* Look up a command handler by job type; NULL if none. */
const struct jobq_handler_config *jobq_config_handler(const struct jobq_config *cfg,
						      const char *type);

/* Release everything cfg owns and zero it. Accepts NULL and a zeroed struct. */
void jobq_config_free(struct jobq_config *cfg);

#endif
