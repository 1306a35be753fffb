/* The inside of a libjobq handle, shared by the library's files (client.c: open, close,
 * locking and errors; submit.c; jobs.c: cancel, status, wait) and its unit test, never by
 * its users: they see only the opaque jobq_client of <jobq/jobq.h>. */
#ifndef JOBQ_CLIENT_INTERNAL_H
#define JOBQ_CLIENT_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>

#include "jobq/broker.h"
#include "jobq/broker_publish.h"
#include "jobq/config.h"
#include "jobq/err.h"
#include "jobq/jobq.h"
#include "jobq/store.h"

/* How long a cancel waits for the confirms of the handle's publishes before it publishes
 * its broadcast (whose confirm is collected on its own and would hide theirs), and close
 * for those of its last publishes (a big submit_many's come up to seconds after it
 * returns on a loaded broker). Either returns as soon as all are in; the jobs of those
 * that are not are left to the relay. */
#define CLIENT_SETTLE_MS 1000
#define CLIENT_CLOSE_SETTLE_MS 5000

struct jobq_client {
	pthread_mutex_t lock;                 /* held for the whole of every public call */
	pthread_mutex_t msg_lock;             /* held to write or copy msg, never longer */
	char msg[JOBQ_CLIENT_ERRMSG_SIZE];    /* the last call's message, "" for success */
	struct jobq_config cfg;               /* URLs, relay grace, payload limit, heartbeat, TLS */
	struct jobq_broker_opts bopts;        /* borrows cfg's strings */
	struct jobq_store *store;             /* NULL until connected */
	struct jobq_broker *broker;           /* NULL until connected, or after it failed */
	struct jobq_broker_inflight inflight; /* jobs published on broker, not yet confirmed */
	bool listening;                       /* LISTEN jobq_done done in this session */
	bool warm;                            /* jobq_store_submit_warm sent in this session */
	char skipped[1024];                   /* the nodes the last submit passed over */
	int64_t last_call_ms;                 /* monotonic time the last call ended, or the
					       * session opened */
	int64_t unready_ms;                   /* monotonic time a submit's readying of the
					       * broker before its insert last failed, 0 if
					       * none did */
};

/* A handle for cfg (moved into it: cfg is zeroed) with no connection yet; every call
 * connects what it needs when it finds nothing or a broken connection. 0, or JOBQ_ENOMEM
 * (cfg then freed). */
int client_new(struct jobq_config *cfg, jobq_client **out, struct jobq_err *err) JOBQ_WUR;

/* Lock c for a public call; false (with the calling thread's message for a NULL handle
 * set) when c is NULL. */
bool client_enter(jobq_client *c);

/* End a public call: collect the confirms already in and mark their jobs published
 * (client_confirms without waiting: a job confirmed during the call is marked now, not at
 * the handle's next call, which may come after the relay grace), record the call's message
 * in c (err's when code != 0, else "") and unlock c. Returns the public code for code
 * (jobq_client_code_of). */
int client_leave(jobq_client *c, int code, const struct jobq_err *err);

/* client_leave for a call that may succeed with a warning: when code is 0, warning (NULL
 * or "": none) becomes the call's message. */
int client_leave_warn(jobq_client *c, int code, const struct jobq_err *err, const char *warning);

/* The public code of an internal JOBQ_E* code (JOBQ_CLIENT_EINTERNAL for one it has no
 * name for). */
int client_code_of(int code);

/* Connect the database session when there is none, or open it again when the server
 * ended it (jobq_store_fresh). 0 or JOBQ_EDB / JOBQ_EINVAL (URL) / JOBQ_ENOMEM. */
int client_store(jobq_client *c, struct jobq_err *err) JOBQ_WUR;

/* Make c->broker a healthy connection (reading what the broker sent while the handle was
 * idle first, confirms included, so that a connection it closed is noticed now). 0 or
 * JOBQ_EBROKER / JOBQ_EINVAL. */
int client_broker(jobq_client *c, struct jobq_err *err) JOBQ_WUR;

/* client_broker, connecting (when it must) with opts instead of c->bopts: a caller with a
 * shorter budget than the handle's timeouts. A connection it opens keeps opts'
 * rpc_timeout_ms until the caller sets another (jobq_broker_set_rpc_timeout). */
int client_broker_with(jobq_client *c, const struct jobq_broker_opts *opts,
		       struct jobq_err *err) JOBQ_WUR;

/* Collect the confirms of c's published jobs that came, waiting at most timeout_ms for
 * them all (0: none), and mark those the broker took as published, sent without waiting
 * (the mark is refused past the relay grace). A job nacked, returned, or whose connection
 * failed is forgotten: the relay publishes it. Never fails. */
void client_confirms(jobq_client *c, int timeout_ms);

/* Check a job id argument and write its canonical (lower-case) form to out. 0 or
 * JOBQ_EINVAL. */
int client_job_id(const char *id, char out[JOBQ_CLIENT_ID_SIZE], struct jobq_err *err) JOBQ_WUR;

#endif
