/* libjobq: submit, cancel, wait for and read jobs of the jobq job system from C.
 *
 * This header is the whole public interface and its reference. It needs nothing but the C
 * standard headers; link with `pkg-config --libs jobq` (for libjobq.a: `pkg-config --static
 * --libs jobq` where only the static library is installed, or name it, -l:libjobq.a).
 *
 * Model. A job is saved in PostgreSQL first (committed and flushed to disk: durable, never
 * lost), then its message is sent to RabbitMQ and the submit returns, without waiting for
 * the broker's publisher confirm. The confirms are collected without blocking at the
 * start and at the end of every call on the handle (and by jobq_client_close, which waits
 * a few seconds at most), and the jobs they confirm are then marked published. A job whose
 * confirm never comes (nacked, the connection lost, the program gone) stays saved and
 * unmarked, and the relay of any running jobq-consumer publishes it after its relay grace
 * (5 s by default); so is a job whose mark fails or finds its row locked (a worker
 * claiming it). A submit whose message could not even be sent still succeeds, with
 * JOBQ_CLIENT_RELAYED. What remains: the confirm of a handle's last submit usually comes
 * just after the call returns, so it is collected by the handle's next call; when that
 * comes later than the relay grace (a handle left idle, not closed), the relay publishes
 * the job a second time. The job still runs once (a worker's claim is conditional), at the
 * cost of one extra message; close a handle that goes idle, or keep the grace longer than
 * the pauses between calls, to avoid it.
 *
 * Connections. A handle holds one PostgreSQL session and one RabbitMQ connection, opened
 * by jobq_client_open and kept: a submit on a warm handle is one round trip to PostgreSQL
 * (one statement, its own transaction; the publish mark of the jobs confirmed since the
 * last call travels ahead of it in the same round trip) and one publish, with no connect,
 * declare or prepare. A connection found broken is opened again by the next call (one
 * attempt).
 *
 * Errors. Every fallible call returns a status code: JOBQ_CLIENT_OK (0), a positive
 * warning (JOBQ_CLIENT_RELAYED), or a negative JOBQ_CLIENT_E* code; jobq_client_errmsg
 * then gives a one-line message that says what failed and with which input.
 *
 * Threads. A handle is internally locked: any thread may call any function on it, and
 * calls on one handle run one at a time (a jobq_client_wait holds the handle until it
 * returns). For submits in parallel, open one handle per thread. The error message is
 * kept per handle: jobq_client_errmsg(c) is the message of the last call made on c, by
 * whichever thread (so a thread that shares a handle reads its own call's message only if
 * no other call on c ended in between). Different handles share nothing. A handle must not
 * be used after jobq_client_close.
 *
 * Example:
 *   jobq_client *c;
 *   struct jobq_client_error e;
 *   char id[JOBQ_CLIENT_ID_SIZE];
 *   if (jobq_client_open_env(&c, &e) != JOBQ_CLIENT_OK) { puts(e.message); return 1; }
 *   if (jobq_client_submit(c, "email.send", "{\"to\":\"a@b.c\"}", NULL, id) < 0)
 *           fprintf(stderr, "%s\n", jobq_client_errmsg(c));
 *   jobq_client_close(c);
 */
#ifndef JOBQ_PUBLIC_JOBQ_H
#define JOBQ_PUBLIC_JOBQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A job id as text (a lower-case UUID) and its NUL. */
#define JOBQ_CLIENT_ID_SIZE 37
/* The longest error message and its NUL. */
#define JOBQ_CLIENT_ERRMSG_SIZE 512
/* The most jobs one jobq_client_submit_many call takes. */
#define JOBQ_CLIENT_MAX_BATCH 100000

/* Status codes. */
enum jobq_client_code {
	JOBQ_CLIENT_OK = 0,
	/* submit: every job is saved (committed), but their messages could not be sent to a
	 * broker (or, with JOBQ_SUBMIT_CONFIRM, some were sent and not confirmed); the relay
	 * of a running jobq-consumer publishes them. Never submit again. */
	JOBQ_CLIENT_RELAYED = 1,
	JOBQ_CLIENT_EINVAL = -1,    /* bad argument: type, queue, payload, option, id, handle */
	JOBQ_CLIENT_ENOTFOUND = -2, /* no such job */
	JOBQ_CLIENT_ETIMEDOUT = -3, /* jobq_client_wait: the job did not end in time */
	JOBQ_CLIENT_EBROKER = -4,   /* RabbitMQ unreachable or refused */
	JOBQ_CLIENT_EDB = -5,       /* PostgreSQL unreachable or a statement failed */
	JOBQ_CLIENT_ENOMEM = -6,    /* out of memory */
	JOBQ_CLIENT_ESYS = -7,      /* a system call failed */
	JOBQ_CLIENT_EAGAIN = -10,   /* PostgreSQL gave up for a passing reason (deadlock,
				     * serialization, resources); nothing was saved: try again */
	JOBQ_CLIENT_EINTERNAL = -11 /* jobq disagrees with itself: a defect */
};

/* The states of a job. SUCCEEDED, FAILED and CANCELLED are terminal. */
enum jobq_job_state {
	JOBQ_JOB_SCHEDULED, /* waiting for its run time (or a retry) */
	JOBQ_JOB_QUEUED,    /* waiting for a worker */
	JOBQ_JOB_RUNNING,
	JOBQ_JOB_SUCCEEDED,
	JOBQ_JOB_FAILED,
	JOBQ_JOB_CANCELLED,
	JOBQ_JOB_WAITING /* waiting for its dependencies (opts.after) to end */
};

/* The handle: opaque; open with jobq_client_open*, free with jobq_client_close. */
typedef struct jobq_client jobq_client;

/* Where jobq_client_open* reports a failure (there is no handle yet to ask). */
struct jobq_client_error {
	int code;                              /* a JOBQ_CLIENT_E* code */
	char message[JOBQ_CLIENT_ERRMSG_SIZE]; /* one line */
};

/* Options of one job; a zeroed struct (or a NULL pointer) means every default. Strings
 * are borrowed for the call only. Zero-initialise it (`= { 0 }`, or designated
 * initialisers) and then set the options wanted: `reserved` is room for the options of
 * later versions, each of which will take zero for today's behaviour, so that a program
 * built now keeps its meaning when rebuilt against them. */
struct jobq_submit_opts {
	const char *queue;      /* queue name, [A-Za-z0-9_.-]{1,64}; NULL = "default" */
	int max_attempts;       /* 1..1000; 0 = 3 */
	int64_t delay_ms;       /* run no earlier than now + delay (database clock); 0 = now */
	int64_t run_at_unix_ms; /* or no earlier than this instant (ms since 1970 UTC); 0 =
				 * unset. delay_ms and run_at_unix_ms exclude each other. */
	int64_t timeout_ms;     /* runtime limit of one attempt; 0 = the handler's own */
	const char *key;        /* idempotency key (1..255 bytes): a key used before returns
				 * that job's id and creates nothing; NULL = none */
	const char *metadata;   /* a JSON object kept with the job (at most 64 KiB of
				 * text; jobq status shows it); NULL = {} */
	int64_t unique_for_ms;  /* with key: the key is this job's for this long from its
				 * creation (1 ms to 365 days, database clock); a submit of
				 * it afterwards makes a new job. 0 = the key is the job's
				 * for ever */
	int64_t priority;       /* 0..9; 0 = published at once as ever. A higher one is
				 * released by the consumers' relay, highest first, ahead of
				 * the queue's priority-0 jobs (docs/scheduling.md) */
	union {                 /* one slot of int64_t size wherever a pointer is smaller */
		const char *concurrency_key; /* the job's tenant, [A-Za-z0-9_.:-]{1,128}:
					      * the keys of a queue take turns, and a
					      * limit on key:K caps K's running jobs
					      * (docs/scheduling.md); NULL = none */
		int64_t concurrency_key_slot_;
	};
	union { /* run after these jobs succeed: a comma-separated list of job ids, or of
		 * "#N" for the N-th job (from 1) of this call, which must come earlier in
		 * it. The job waits (JOBQ_JOB_WAITING), never published, until they end;
		 * if one fails for good or is cancelled, it is cancelled too. Each must
		 * exist and not have failed or been cancelled already. NULL = none */
		const char *after;
		int64_t after_slot_;
	};
	union { /* as after, but any end of these jobs (failed and cancelled too) counts
		 * as done. A repeated idempotency key's job is returned as it is: these
		 * options then add nothing to it. NULL = none */
		const char *after_any;
		int64_t after_any_slot_;
	};
	int64_t reserved[3]; /* must be zero (JOBQ_CLIENT_EINVAL otherwise) */
};

/* One job of jobq_client_submit_many. */
struct jobq_job_spec {
	const char *type;    /* the job type, [A-Za-z0-9_.:-]{1,64} */
	const char *payload; /* JSON text (any value); NULL = {} */
	struct jobq_submit_opts opts;
};

/* A job as jobq_client_status, jobq_client_wait and jobq_client_wait_many read it. The
 * strings are owned by the struct (free them with jobq_job_info_free); NULL when the job
 * has none. Times are milliseconds since 1970 UTC on the database's clock, 0 when unset
 * (INT64_MAX / INT64_MIN for a time stored as 'infinity' / '-infinity'); read_unix_ms is
 * that clock at the read, so that an age (read_unix_ms - heartbeat_unix_ms) needs no
 * other clock. */
struct jobq_job_info {
	enum jobq_job_state state;
	int attempt;           /* attempts started so far */
	char *result;          /* JSON text of the handler's result (succeeded), or NULL */
	char *error;           /* the last attempt's error, or NULL */
	bool cancel_requested; /* a cancel was asked for */
	char *cancel_reason;   /* its reason, or NULL */
	int max_attempts;
	char *type;
	char *queue;
	char *worker;       /* the owning worker (running), else the last one, or NULL */
	char *state_reason; /* why the latest transition happened ("retry", ...), or NULL */
	char *key;          /* its idempotency key, or NULL */
	char *progress;     /* JSON text of the handler's last progress report, or NULL */
	char *payload;      /* JSON text (jobq_client_status only; NULL from a wait) */
	char *metadata;     /* JSON text (jobq_client_status only; NULL from a wait) */
	int64_t timeout_ms; /* runtime limit of one attempt; 0 = the handler's own */
	double stop_ms;     /* a job that had started and has ended since a cancel was
			     * requested (whatever its outcome): from the request to its end,
			     * in ms; < 0 otherwise */
	int64_t read_unix_ms;
	int64_t run_after_unix_ms; /* not before then (scheduled, or a retry's backoff) */
	int64_t created_unix_ms;
	int64_t started_unix_ms; /* the last attempt's start */
	int64_t finished_unix_ms;
	int64_t updated_unix_ms;
	int64_t published_unix_ms; /* its message confirmed by the broker; 0 = the relay's to
				    * publish (when due) */
	int64_t heartbeat_unix_ms; /* running: its owner's last heartbeat */
	int64_t lease_expires_unix_ms;
	int64_t cancel_requested_unix_ms;
	int64_t priority;              /* 0..9 (jobq_submit_opts.priority) */
	union {                        /* one slot of int64_t size wherever a pointer is smaller */
		char *concurrency_key; /* jobq_submit_opts.concurrency_key, or NULL */
		int64_t concurrency_key_slot_;
	};
	int64_t reserved[6]; /* room for later fields; set to 0 by the library */
};

/* Open a handle on the database at database_url (a postgresql:// URL or a key=value
 * string; NULL or "" = libpq's PG* environment variables) and the broker at amqp_url
 * (amqp[s]://user:pass@host:port/vhost, or several joined by commas, one per cluster
 * node; NULL or "" = amqp://guest:guest@127.0.0.1:5672/). Every other setting takes its
 * default (docs/configuration.md): no configuration file or JOBQ_* variable is read.
 * Connects to both at once. A broker that cannot be reached is not an error here (the
 * next submit tries again and, failing, leaves its jobs to the relay); a bad URL is.
 * Returns JOBQ_CLIENT_OK with *out set (the caller closes it), or a negative code with
 * *out NULL and err (when not NULL) filled: JOBQ_CLIENT_EINVAL (bad argument or URL),
 * JOBQ_CLIENT_EDB (database unreachable or refused), JOBQ_CLIENT_ENOMEM. */
int jobq_client_open(const char *database_url, const char *amqp_url, jobq_client **out,
		     struct jobq_client_error *err);

/* Open a handle configured as the jobq CLI is: the defaults, then the configuration file
 * ($JOBQ_CONFIG, else /etc/jobq/jobq.conf if it exists), then the environment
 * (JOBQ_DATABASE_URL, JOBQ_AMQP_URL, and the other JOBQ_* variables of
 * docs/configuration.md). Otherwise as jobq_client_open; a bad file or variable is
 * JOBQ_CLIENT_EINVAL naming it. */
int jobq_client_open_env(jobq_client **out, struct jobq_client_error *err);

/* jobq_client_open_env with the configuration file config_path (it must exist and be
 * readable) instead of $JOBQ_CONFIG or /etc/jobq/jobq.conf (NULL: those), and without a
 * broker connection yet: the first submit that publishes opens it (before its insert, so
 * that the jobs' messages leave the moment they commit), or a cancel (which opens it
 * before it records the cancel, so that a stop's broadcast leaves the moment the cancel
 * commits). A program that submits once pays for an unreachable broker once, and
 * one that only schedules and reads jobs not at all. The jobq CLI's handle. */
int jobq_client_open_config(const char *config_path, jobq_client **out,
			    struct jobq_client_error *err);

/* Collect the confirms of the handle's last submits (waiting a few seconds at most) and
 * mark those jobs published, then close both connections and free the handle. Jobs not
 * confirmed by then are published by the relay. Accepts NULL. No other thread may be
 * using the handle; a close from inside a jobq_client_wait_many callback does nothing. */
void jobq_client_close(jobq_client *c);

/* The message of the last call made on c (by any thread) when it failed or warned: one
 * line; "" when that call succeeded or none was made. It is copied, under a lock of the
 * handle's that no call holds for long (this never waits for a call in progress, a
 * jobq_client_wait say), into a buffer of the calling thread's, valid until that thread's
 * next jobq_client_errmsg. For c == NULL: the message of the calling thread's last call
 * made with a NULL handle. */
const char *jobq_client_errmsg(const jobq_client *c);

/* Submit one job: type (required), payload as JSON text (NULL = {}) and opts (NULL = all
 * defaults). Saved and committed (flushed to disk) before the call returns, and its
 * message sent; its confirm is collected by later calls (see Model).
 * id_out (JOBQ_CLIENT_ID_SIZE bytes, may be NULL) receives its id: the existing job's
 * when opts->key was used before. Returns JOBQ_CLIENT_OK, JOBQ_CLIENT_RELAYED (saved, the
 * relay publishes it), JOBQ_CLIENT_EINVAL (a bad argument, named in the message: nothing
 * is saved), JOBQ_CLIENT_EDB (nothing is saved), JOBQ_CLIENT_EAGAIN or ENOMEM. */
int jobq_client_submit(jobq_client *c, const char *type, const char *payload,
		       const struct jobq_submit_opts *opts, char *id_out);

/* Submit n jobs (1..JOBQ_CLIENT_MAX_BATCH) in one transaction: all are saved or none.
 * Then their messages are sent, their confirms collected later (see Model). ids_out (n
 * entries, may be NULL) receives the ids in input order; a key repeated within the batch
 * gives the same id. Every job is checked before anything is sent: a bad one is
 * JOBQ_CLIENT_EINVAL with "job N: ..." (N counted from 1). Otherwise returns as
 * jobq_client_submit. */
int jobq_client_submit_many(jobq_client *c, const struct jobq_job_spec *jobs, size_t n,
			    char (*ids_out)[JOBQ_CLIENT_ID_SIZE]);

/* What jobq_client_submit_results says of each job. */
struct jobq_submit_result {
	char id[JOBQ_CLIENT_ID_SIZE]; /* the job's id: the earlier job's for a key used before */
	enum jobq_job_state state;    /* a new job: QUEUED, or SCHEDULED when it runs later; a
				       * key used before: that job's state now */
	bool existed;                 /* the key was used before: no job was created */
	bool published;               /* the broker has its message: confirmed in this call
				       * (JOBQ_SUBMIT_CONFIRM), or published before */
	int64_t reserved[4];          /* room for later fields; set to 0 by the library */
};

/* Flags of jobq_client_submit_results. */
enum {
	/* Return only when the broker confirmed the messages, waiting up to 10 s a node and
	 * trying the next node of a cluster for what one did not confirm (each node once),
	 * and mark the confirmed jobs published, as the jobq CLI's submit does. The call
	 * then costs a round trip to the broker more, and JOBQ_CLIENT_RELAYED also means that
	 * some messages were sent but not confirmed (their `published` is false: the relay
	 * publishes them). Without it the confirms are collected later (see Model) and a new
	 * job's `published` is false. */
	JOBQ_SUBMIT_CONFIRM = 1
};

/* jobq_client_submit_many with a result per job in results[0..n) (required; in input
 * order) and flags: 0 or JOBQ_SUBMIT_CONFIRM. Returns as jobq_client_submit_many; the
 * results are filled when it returns JOBQ_CLIENT_OK or JOBQ_CLIENT_RELAYED. */
int jobq_client_submit_results(jobq_client *c, const struct jobq_job_spec *jobs, size_t n,
			       unsigned flags, struct jobq_submit_result *results);

/* A batch's callbacks (jobq_client_submit_batch; docs/workflows.md, "Batches with
 * callbacks"). Strings are borrowed; zero-initialise it, then set what you need. */
struct jobq_batch_opts {
	const char *on_complete_type;    /* job queued once every job of the batch ended (NULL:
					  * none) */
	const char *on_complete_payload; /* its payload, JSON text (NULL = {}) */
	const char *on_success_type;     /* job queued once every job succeeded (NULL: none) */
	const char *on_success_payload;  /* its payload, JSON text (NULL = {}) */
	const char *callback_queue;      /* the callbacks' queue (NULL = "default") */
	int64_t reserved[4];             /* zero */
};

/* jobq_client_submit_results for a batch with callbacks: jobs[0..n) are inserted in one
 * transaction as one batch, and once every one of them has ended (succeeded, failed with
 * no attempt left, cancelled) the database queues batch->on_complete_type's job, and
 * batch->on_success_type's if every job succeeded, exactly once, in the transaction of the
 * last end. A callback's payload is {"batch": ID, "total": N, "counts": {"succeeded": N,
 * "failed": N, "cancelled": N}, "payload": <its payload>}; so it must fit the max payload
 * less JOBQ_BATCH_WRAP_BYTES. At least one callback is required. batch_id_out
 * (JOBQ_CLIENT_ID_SIZE bytes, may be NULL) receives the batch's id. When every job has an
 * idempotency key and the keys are exactly the jobs of an earlier batch with the same
 * callbacks, that batch is returned (nothing is inserted); any other key held by a job
 * already is JOBQ_CLIENT_EINVAL "job N: key K is job J ...". Otherwise returns as
 * jobq_client_submit_results. */
int jobq_client_submit_batch(jobq_client *c, const struct jobq_job_spec *jobs, size_t n,
			     const struct jobq_batch_opts *batch, unsigned flags,
			     struct jobq_submit_result *results, char *batch_id_out);

/* Bytes a callback's payload gets around it (the batch id and its counts, compact JSON). */
#define JOBQ_BATCH_WRAP_BYTES 192

/* Copy into node (node_size bytes, may be NULL) the broker node c's connection is on
 * ("host:port"; "" with no connection), and into skipped (skipped_size bytes, may be NULL)
 * the nodes the last submit on c passed over before it, each with why, as the CLI's
 * broker_failover warning shows them ("broker amqp://user:***@host:port/: cannot connect:
 * ...; ..."): "" when that call used the first node it tried, a connection it already
 * had, or no broker at all. Both are cut to fit and NUL-terminated. For programs that
 * report failovers, as the jobq CLI does. JOBQ_CLIENT_OK, or JOBQ_CLIENT_EINVAL for a NULL
 * handle. Does not change jobq_client_errmsg. */
int jobq_client_broker_node(jobq_client *c, char *node, size_t node_size, char *skipped,
			    size_t skipped_size);

/* Cancel job id. A scheduled or queued job is cancelled at once and never starts; for a
 * running one the request is recorded and broadcast to the workers, and its owner stops
 * it; a finished job is left alone. reason: recorded with it (NULL = "cancelled by
 * user", 1..1000 bytes). *was (may be NULL) receives the state the cancel found: queued
 * or scheduled (now cancelled), running (a stop is requested: jobq_client_wait for its
 * end) or a terminal state (nothing changed). Returns JOBQ_CLIENT_OK,
 * JOBQ_CLIENT_ENOTFOUND, JOBQ_CLIENT_EINVAL (bad id or reason) or JOBQ_CLIENT_EDB. A
 * broadcast the broker did not take is not an error: the owner then stops the job at its
 * next heartbeat (jobq_client_errmsg says so). */
int jobq_client_cancel(jobq_client *c, const char *id, const char *reason,
		       enum jobq_job_state *was);

/* What jobq_client_cancel_many says of each job. */
struct jobq_cancel_result {
	bool found;              /* false: no such job (nothing else is set) */
	enum jobq_job_state was; /* the state the cancel found (see jobq_client_cancel) */
	bool requested;          /* it was running: a stop is requested */
	bool broadcast;          /* requested, and the broker confirmed the broadcast */
	int64_t reserved[4];     /* room for later fields; set to 0 by the library */
};

/* Cancel n jobs (1..JOBQ_CLIENT_MAX_BATCH ids; a repeated id is cancelled and broadcast
 * once, and each of its places gets the same result) in one transaction, as
 * jobq_client_cancel does each, then broadcast the stops of the running ones together.
 * results[0..n) (required) receive each id's outcome in input order; an id that names no
 * job is found = false, not an error. Every id is checked first: a bad one
 * is JOBQ_CLIENT_EINVAL with "id N: ..." (N counted from 1) and nothing is cancelled.
 * Returns JOBQ_CLIENT_OK (results filled), JOBQ_CLIENT_EINVAL, JOBQ_CLIENT_EDB or
 * JOBQ_CLIENT_ENOMEM. A broadcast the broker did not take leaves `broadcast` false and a
 * warning in jobq_client_errmsg; those jobs stop at their owner's next heartbeat. */
int jobq_client_cancel_many(jobq_client *c, const char *const *ids, size_t n, const char *reason,
			    struct jobq_cancel_result *results);

/* Read job id now into *out (zeroed first, even when the call fails; free its strings with
 * jobq_job_info_free): all of it, payload and metadata included. A plain read: it takes no
 * lock, so it never waits behind a transaction that holds the job. Returns JOBQ_CLIENT_OK, JOBQ_CLIENT_ENOTFOUND,
 * JOBQ_CLIENT_EINVAL (bad id) or JOBQ_CLIENT_EDB. */
int jobq_client_status(jobq_client *c, const char *id, struct jobq_job_info *out);

/* Wait until job id is terminal (succeeded, failed or cancelled), up to timeout_ms (< 0:
 * no limit; 0: look once), woken by the database's notification of its end (with a
 * re-read every few seconds as a safety net). *out (may be NULL) receives the job as it
 * ended, or as it stood at the timeout (without payload and metadata); free its strings
 * with jobq_job_info_free. Returns JOBQ_CLIENT_OK when it ended (whatever its outcome: see
 * out->state), JOBQ_CLIENT_ETIMEDOUT, JOBQ_CLIENT_ENOTFOUND, JOBQ_CLIENT_EINVAL or
 * JOBQ_CLIENT_EDB. */
int jobq_client_wait(jobq_client *c, const char *id, int64_t timeout_ms, struct jobq_job_info *out);

/* Called by jobq_client_wait_many once for each job as it is seen terminal, in the order
 * they end: index is the job's place in ids, info the job as it ended (valid during the
 * call only). It runs on the waiting thread with the handle locked: it must not use the
 * handle (a jobq_client_* call on it from inside returns JOBQ_CLIENT_EINVAL, and
 * jobq_client_close is not allowed). */
typedef void (*jobq_end_fn)(void *arg, size_t index, const struct jobq_job_info *info);

/* Wait until every one of n jobs (1..JOBQ_CLIENT_MAX_BATCH) is terminal, up to timeout_ms
 * in all (< 0: no limit; 0: look once), as jobq_client_wait does one: the jobs are read
 * 1,000 a statement, and again every 5 s (plus 1 ms a job) as a safety net. on_end (may
 * be NULL) is called for each job as it ends. infos (n entries, may be NULL; zeroed first,
 * even when the call fails) receive each job as it ended, or as it stood at the timeout
 * (free each with jobq_job_info_free). A broker connection the handle holds is kept alive
 * during the wait, and closed after 10 s of it with nothing in flight (the next submit
 * opens another).
 * Every id is checked first (JOBQ_CLIENT_EINVAL "id N: ..."). Returns JOBQ_CLIENT_OK when
 * all ended, JOBQ_CLIENT_ETIMEDOUT (the message says how many are left; the others were
 * handed to on_end), JOBQ_CLIENT_ENOTFOUND (an id that names no job: found by the first
 * read, before any job is handed on; or a job deleted, e.g. pruned, while it was waited
 * for, after the others read with it were handed on), JOBQ_CLIENT_EINVAL, JOBQ_CLIENT_EDB
 * or JOBQ_CLIENT_ENOMEM. */
int jobq_client_wait_many(jobq_client *c, const char *const *ids, size_t n, int64_t timeout_ms,
			  jobq_end_fn on_end, void *arg, struct jobq_job_info *infos);

/* Free the strings of info and set them to NULL (not info itself). Accepts NULL. */
void jobq_job_info_free(struct jobq_job_info *info);

/* "scheduled", "queued", "running", "succeeded", "failed", "cancelled"; NULL for a value
 * out of range. */
const char *jobq_job_state_name(enum jobq_job_state state);

/* The name of a status code: "ok", "saved, left to the relay", "invalid input", "not found",
 * "timed out", "broker error", "database error", ... */
const char *jobq_client_code_name(int code);

/* The library's version, "MAJOR.MINOR.PATCH" (the jobq release it comes from). */
const char *jobq_client_version(void);

#ifdef __cplusplus
}
#endif

#endif
