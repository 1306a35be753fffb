/* jobq-consumer's shared state: the dispatch queue (I/O thread → executors), the
 * settlement queue (executors → I/O thread), and the table of running executions that
 * the keeper heartbeats and the I/O thread signals. */
#ifndef JOBQ_CONSUMER_H
#define JOBQ_CONSUMER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "combine.h"
#include "jobq/config.h"
#include "jobq/envelope.h"
#include "jobq/ids.h"
#include "metrics.h"

/* At most this many instants of released jobs wait for the relay (consumer_hand_released):
 * it reads them all at once, every 20 ms; more gather while it publishes a large release or
 * while its session is down. Past it, the newest are dropped (their jobs wait the grace). */
#define CONSUMER_HANDED_MAX 256

/* One delivery from the broker, tagged with the connection generation it came on: a tag
 * from an earlier connection must never be acked (406 unknown delivery tag). */
struct delivery {
	uint64_t tag;
	uint64_t gen;
	bool redelivered;
	/* From an express queue: a job of the relay's release windows (a priority or keyed
	 * job), whose claim makes room for the next (consumer_poke_relay). */
	bool express;
	/* 1..9: a priority job from an express queue, run before every ordinary delivery; 0:
	 * any other (a keyed job of priority 0 takes its turn with the ordinary ones, in
	 * arrival order, so keyed jobs cannot starve the queue's unkeyed ones) */
	int priority;
	struct jobq_envelope env;
};

/* How the I/O thread settles a delivery. */
enum settle_kind {
	SETTLE_ACK,     /* state change committed */
	SETTLE_REJECT,  /* dead-letter (no requeue) */
	SETTLE_REQUEUE, /* nack with requeue: released at shutdown */
};

struct settlement {
	uint64_t tag;
	uint64_t gen;
	enum settle_kind kind;
};

/* Why a running job must stop. */
enum stop_reason {
	STOP_CANCEL,  /* a cancel was requested */
	STOP_LOST,    /* the lease is lost: stop, write nothing more */
	STOP_RELEASE, /* shutdown: give the job back to the queue */
	STOP_TIMEOUT, /* its runtime limit passed */
};

/* A job running on one executor. Fields other than the atomics are guarded by
 * consumer.exec_mu. The flags are only ever set through execution_stop(). */
struct execution {
	bool active;
	char job_id[JOBQ_ID_BUF];
	int attempt;
	int64_t token; /* the lease token its claim holds: the heartbeat fences on it */
	uint64_t tag;  /* the delivery that will be settled when it ends */
	uint64_t gen;
	int64_t deadline_ms; /* CLOCK_MONOTONIC ms of the runtime limit; 0 = none */
	int64_t fence_at_ms; /* CLOCK_MONOTONIC ms past which the lease may be gone (fence.c) */
	atomic_bool cancel;
	atomic_bool lost;
	atomic_bool release;
	atomic_bool timed_out;
	pthread_cond_t wake; /* in-process handlers wait on this */
	int wake_fd;         /* command handlers poll this eventfd */
	/* A running command's shim reads the fence point here (command.c), so the fence holds
	 * even while this whole process is stopped; NULL when no command runs. */
	_Atomic int64_t *shim_fence;
	/* While a pool runs the job: the pool thread's eventfd, written at each renewal so
	 * that the thread moves the child's fence page at once (pool.c); NULL otherwise. */
	const int *pool_wake;
	/* The latest progress its handler reported in this attempt (JSON text, malloc'd; NULL:
	 * none), kept until the attempt ends, whose outcome writes it. progress_seq counts the
	 * reports, progress_sent is the count the keeper's heartbeats last wrote: the keeper
	 * sends a copy while they differ. */
	char *progress;
	uint64_t progress_seq, progress_sent;
};

/* Set a stop flag and wake the job wherever it waits. Caller holds c->exec_mu (so a
 * handler between its flag check and its wait cannot miss the wake-up). */
void execution_stop(struct execution *e, enum stop_reason why);

/* One handler type's health (health.c): broken when its processes die at start or on every
 * job. Guarded by consumer.health_mu. */
struct handler_health {
	char type[JOBQ_TYPE_NAME_MAX + 1];
	bool broken;
	char why[256];
	int64_t since_ms; /* Unix ms of the change to broken */
};

struct consumer {
	/* The running configuration. SIGHUP swaps in a new one; old ones stay allocated until
	 * exit, so a thread may keep using the pointer it read for the job at hand. */
	struct jobq_config *_Atomic cfg;
	const char *config_path; /* --config, or NULL for $JOBQ_CONFIG / the default */
	struct cfg_old {
		struct jobq_config cfg;
		struct cfg_old *next;
	} * old_cfgs;       /* owned by the I/O thread */
	atomic_bool reload; /* SIGHUP seen */
	/* Settings given as flags: they override every reload silently. */
	bool flag_queues, flag_concurrency, flag_worker_id;
	char worker_id[JOBQ_WORKER_ID_BUF];
	char hostname[128];
	int pid;

	/* dispatch queue: a ring of deliveries waiting for an executor */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct delivery *ring;
	size_t ring_cap, ring_head, ring_len;
	/* express deliveries waiting, highest priority first (then in arrival order): taken
	 * before any of the ring's */
	struct delivery *express;
	size_t express_cap, express_len;
	bool closing; /* no more deliveries will be pushed */
	int busy;     /* executors currently processing a delivery */

	/* settlement queue, drained by the I/O thread when settle_fd (an eventfd) fires */
	pthread_mutex_t settle_mu;
	struct settlement *settle;
	size_t settle_cap, settle_len;
	int settle_fd;
	/* written when a priority job was claimed (release_poke set: its relay releases the
	 * next ones at once, the window of released priority jobs has room again, relay.c) or
	 * when the write session handed released jobs to the relay (consumer_hand_released) */
	int relay_fd;
	atomic_bool release_poke;
	/* The instants (publish_after, microseconds since 1970) of the jobs that the write
	 * session's ends released and handed to this consumer's relay (migration 0060), until
	 * the relay reads them (relay.c, handed_round), each once; those it has still to read
	 * (a full batch, a lost connection) come first. handed_dropped: how many did not fit
	 * (the relay logs them). */
	pthread_mutex_t handed_mu;
	int64_t handed[CONSUMER_HANDED_MAX];
	size_t nhanded;
	atomic_uint_fast64_t handed_dropped;

	/* running executions, two slots per executor (executor.h: the job at hand, and the
	 * next one claimed with its outcome) */
	pthread_mutex_t exec_mu;
	struct execution *execs;
	int nexec;

	/* Executors' claims and finishes, combined into shared statements (combine.h), run on
	 * write_st by whichever executor leads the batch (the combiner lets one lead at a
	 * time, so the session needs no lock of its own). */
	struct combiner writes;
	struct jobq_store *write_st;

	atomic_int signals;   /* SIGTERM/SIGINT count */
	atomic_bool draining; /* first signal seen: take no new jobs */
	atomic_int_fast64_t
		release_at;  /* monotonic ms when running jobs are released; 0 = not draining */
	atomic_bool io_done; /* the I/O thread has settled everything and closed */
	/* The retention session's cancel handle (retention.c), NULL while it has none; main
	 * sends it when the drain is over (retention_cancel). Guarded by retention_mu. */
	pthread_mutex_t retention_mu;
	struct pg_cancel *retention_cancel;
	atomic_uint_fast64_t gen; /* current broker connection generation */
	/* An executor gave an express delivery back to the broker (a claim that failed, a
	 * drain): set before its slot is freed, taken by the relay's next record of what this
	 * worker holds (relay_lost.c), which then records a requeue. */
	atomic_bool express_requeued;
	struct metrics metrics;
	/* A progress report waits in some execution: the keeper heartbeats early (at most
	 * once per PROGRESS_MIN_MS) instead of a period later. */
	atomic_bool progress_pending;
	/* Handlers found broken (health.c): guarded by health_mu; health_gen counts changes,
	 * so the keeper writes the list to the workers row when it moved. */
	pthread_mutex_t health_mu;
	struct handler_health *health;
	int nhealth;
	atomic_uint health_gen;
	struct pools *pools; /* persistent handlers' pools (pool.h); NULL before they start */
	/* jobq-exec-shim, found at start (or by the first reload that brings handlers): empty
	 * while no handler is configured. Set once, before any handler may read it. */
	char shim[4096];
};

/* Record whether the handler for job type `type` is broken (its processes die at start or
 * on every job: docs/handlers.md), with why (one line) when it is. A change is logged
 * (handler_broken / handler_recovered), shown by the metric jobq_handler_broken{type} and
 * written by the keeper to the worker's registry row (`jobq workers`). Thread-safe. */
void consumer_handler_health(struct consumer *c, const char *type, bool broken, const char *why);

/* The types of the handlers now broken, as one JSON array of {"type", "why", "since"}
 * (malloc'd text; "[]" when none), and the health_gen it reflects. NULL when out of memory. */
char *consumer_broken_json(struct consumer *c, unsigned int *gen);

/* How many handlers are broken now: of type `type`, or of any type when it is NULL. */
int consumer_broken_count(struct consumer *c, const char *type);

/* Ask the execution running job_id (if any) to stop for a cancel; `path` ("broadcast",
 * "heartbeat" or "notify": the SQL API's jobq_cancel) is logged and counted. Returns true if a running execution was found. */
bool consumer_cancel_job(struct consumer *c, const char *job_id, const char *path);

/* Whether an execution here runs job_id. */
bool consumer_runs_job(struct consumer *c, const char *job_id);

/* True once shutdown no longer waits for anything: a second signal, or the drain's
 * shutdown_timeout has passed. Loops that retry through outages give up then. */
bool consumer_hard_stop(struct consumer *c);

/* Tell this consumer's relay that a priority or keyed job was claimed, so that it releases the next
 * ones now rather than at its next pass (one write to an eventfd). */
void consumer_poke_relay(struct consumer *c);

/* Hand the jobs that a write's ends released with instant `at` (jobq_store_write_many_to) to this
 * consumer's relay, and wake it. Past CONSUMER_HANDED_MAX instants waiting, the new one is
 * dropped: its jobs go to any relay once the grace has passed. */
void consumer_hand_released(struct consumer *c, int64_t at);

/* Give the relay's n instants back (it has still to read them), ahead of the others; past
 * CONSUMER_HANDED_MAX, the newest others are dropped. */
void consumer_hand_back(struct consumer *c, const int64_t *ats, size_t n);

/* Wake the I/O thread (signal-safe: one write to an eventfd). */
void consumer_wake(struct consumer *c);

/* Queue a delivery for the executors: an express one (priority > 0) before every ordinary
 * one and behind those of its priority or higher. Returns false if the consumer is
 * closing or out of memory. */
bool consumer_push(struct consumer *c, const struct delivery *d);

/* Take the next delivery; blocks. Returns false when closing and the queue is empty. */
bool consumer_pop(struct consumer *c, struct delivery *out);

/* Take the next delivery if one waits (never blocks, and takes none once the consumer
 * is closing). Returns whether it took one; as consumer_pop, it counts as busy until
 * consumer_finished_one. */
bool consumer_try_pop(struct consumer *c, struct delivery *out);

/* An executor finished processing a delivery it popped. */
void consumer_finished_one(struct consumer *c);

/* Drop queued deliveries of generations before gen (their messages come back from the
 * broker); returns how many were dropped. */
size_t consumer_drop_stale(struct consumer *c, uint64_t gen);

/* Hand a settlement to the I/O thread. */
void consumer_settle(struct consumer *c, uint64_t tag, uint64_t gen, enum settle_kind kind);

/* Take all pending settlements into *out (malloc'd array); returns the count. */
size_t consumer_take_settlements(struct consumer *c, struct settlement **out);

/* Mark every running execution for release (shutdown timeout reached). */
void consumer_release_all(struct consumer *c);

/* Count executions still running. */
int consumer_running(struct consumer *c);

struct jobq_err;
struct pools;
struct keeper;

/* The fence (fence.c). The keeper heartbeats every fence_period_ms: heartbeat_interval, or
 * a third of lease_duration if that is shorter. A lease renewed by a write sent at time S
 * (claim or heartbeat) is fenced at S + lease_duration - fence_period_ms, so a stopped job
 * has that period to die before the database's lease can expire. */
int64_t fence_period_ms(const struct jobq_config *cfg);

/* The longest the keeper's session waits on the database (statement_timeout,
 * idle_in_transaction_session_timeout, tcp_user_timeout): lease_duration - 2 periods, so a
 * heartbeat sent one period after the last one that landed ends, landed or not, by the
 * fence point. */
int64_t fence_keeper_bound_ms(const struct jobq_config *cfg);

/* The same bound for the worker's other sessions (executors, writer, relay): one
 * lease_duration. A claim that takes longer has no lease left when it returns; a finish
 * or a relay statement may legitimately take longer than a heartbeat, so a slow database
 * under load does not turn them into failures (and a finished job into a rerun). */
int64_t fence_session_bound_ms(const struct jobq_config *cfg);

/* Record that e's lease was renewed by a write sent at sent_ms (CLOCK_MONOTONIC) that
 * asked for cfg's lease_duration: a running command's shim sees the new fence point at
 * once, a pool's thread is woken to move its child's fence page. Caller holds
 * c->exec_mu. */
void fence_renewed(struct execution *e, int64_t sent_ms, const struct jobq_config *cfg);

/* Open the keeper's session and register the worker (taking its liveness lock) before
 * any thread starts, so a taken worker id or an unreachable database fails fast.
 * JOBQ_ECONFLICT if a live process holds the worker id. keeper_thread takes ownership. */
int keeper_open(struct consumer *c, struct keeper **out, struct jobq_err *err);

/* Reload the configuration file (SIGHUP). Settings that need a restart (URLs, queues,
 * concurrency, worker id) keep their running values, with a warning if the file changed
 * them; an invalid file leaves the running configuration in place and logs the error,
 * which names the file and line. Called by the I/O thread. */
void consumer_reload(struct consumer *c);

/* Free the configurations replaced by reloads (at exit). */
void consumer_free_old_configs(struct consumer *c);

/* Threads. */
void *io_thread(void *arg);
void *executor_thread(void *arg);
void *keeper_thread(void *arg);
void *relay_thread(void *arg);
void *fence_thread(void *arg); /* arg: the consumer */

/* Executor argument: the consumer and the executor's slot. */
struct executor_arg {
	struct consumer *c;
	int slot;
};

#endif
