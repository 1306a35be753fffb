/* Creating jobs: the insert of a batch of new jobs (idempotency keys folded, waiters
 * registered) and the publish mark that records the broker's confirm of their messages. */
#ifndef JOBQ_STORE_SUBMIT_H
#define JOBQ_STORE_SUBMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/envelope.h"
#include "jobq/job.h"
#include "jobq/store.h"

/* A job to create. Strings are borrowed. */
struct jobq_new_job {
	const char *type;
	const char *payload;         /* JSON text; NULL = {} */
	const char *queue;           /* NULL = "default" */
	int max_attempts;            /* 0 = default (3) */
	int64_t delay_ms;            /* run no earlier than now() + delay */
	int64_t at_unix_ms;          /* or no earlier than this instant (0 = unset) */
	int64_t timeout_ms;          /* runtime limit; 0 = the handler's or none */
	const char *key;             /* idempotency key or NULL */
	const char *metadata;        /* JSON object text kept with the job; NULL = {} */
	int64_t unique_for_ms;       /* the key is this job's for this long from its creation, and
				* a submit of it afterwards makes a new job; 0 = for ever */
	int priority;                /* 0..9; > 0: released by the relay, never by the submitter */
	const char *concurrency_key; /* fairness and limit key (migration 0024) or NULL */
	const char *after;     /* run after these succeed: comma-separated job ids or "#N" (job
				* N, from 1, of this submit, earlier than this one); NULL = none */
	const char *after_any; /* as after, any end counting as done (jobq/deps.h) */
	const char *batch_id;  /* the batch the caller's transaction opened (migration
				      * 0051, jobq_store_batch_submit) or NULL */
};

/* What submit made (or found, for a repeated idempotency key). */
struct jobq_submitted {
	struct jobq_envelope env; /* id, type, queue for publishing */
	enum jobq_status status;
	bool existed;   /* the key matched an earlier job: nothing inserted */
	bool published; /* an existing job already handed to the broker */
	size_t same_as; /* i, or the earlier job of this batch with the same key */
	/* jobq_envelope_express(&env): a priority or keyed job, which its submitter must not
	 * publish (the relay releases it; docs/design.md §6) */
};

/* Ready a new session for its first jobq_store_submit, sent without waiting
 * (jobq_store_send_prepared): the insert prepared and run on no jobs, which writes nothing
 * but does what the first insert of a session otherwise does inside its own transaction
 * (parse and plan the statement; load the catalog entries of jobs and job_events, the
 * history trigger's function and its plan). The insert's now() is its jobs' created_at: a
 * caller with other work to do first (connecting to the broker) sends this before it, so
 * that the jobs' time from creation to commit is the insert's own. 0, or JOBQ_EDB when it
 * could not be sent. */
int jobq_store_submit_warm(struct jobq_store *st, struct jobq_err *err) JOBQ_WUR;

/* Insert n jobs in one transaction (all or none; one statement when they fit in one and no
 * waiter is registered and no job has dependencies, else a transaction block), as queued,
 * or scheduled when they run later, or waiting when they have dependencies (after,
 * after_any: linked by jobq_link_deps, migration 0050, in the same transaction; a job
 * whose dependencies all ended already is queued at once, and published by the relay). A
 * repeated key's job gets no new dependency. A transaction with dependencies that meets a
 * deadlock or a serialization failure runs once more. A key already held by a job returns that job, unless that job's unique window is
 * over: the key is then taken from it first (jobq_expire_keys, migration 0016, in a
 * statement of its own before the insert) and a new job is made. A queued job is left to
 * its submitter to publish for relay_grace_ms before the relay steps in; a priority job
 * (priority > 0) or a keyed one (a concurrency key) is left to the relay's release at once,
 * and its commit wakes the relays (migrations 0018, 0024). With `wait`, also registers this session as a waiter for each job so
 * that its terminal transition notifies channel "jobq_done" (see jobq_store_listen). out[i]
 * describes jobs[i]. JOBQ_EINVAL for bad input (the message names the job index when
 * n > 1), JOBQ_EDB otherwise. */
int jobq_store_submit(struct jobq_store *st, const struct jobq_new_job *jobs, size_t n, bool wait,
		      int64_t relay_grace_ms, struct jobq_submitted *out,
		      struct jobq_err *err) JOBQ_WUR;

/* Record that the broker confirmed these jobs' messages: published_at = now() where the
 * row is still the one that was published — queued, unpublished and at the same lease
 * token (tokens[i], as submit, retry or the relay's take left it; 0 for all when tokens is
 * NULL, a new job's). A job that changed hands meanwhile (claimed and failed, now waiting
 * for its retry; released; taken again by another relay) is left for the relay. The write
 * is the function jobq_mark_published (migrations 0008, 0010), so the consumer's role needs
 * no UPDATE right on the mark. */
int jobq_store_mark_published(struct jobq_store *st, const char *const *ids, const int64_t *tokens,
			      size_t n, struct jobq_err *err) JOBQ_WUR;

/* The CLI's publish mark (jobq submit, jobq retry): as jobq_store_mark_published, through
 * jobq_cli_mark_published (migration 0010), which also requires the job to be still within
 * the relay grace its submit or retry set; a job past it is the relay's to publish. */
int jobq_store_cli_mark_published(struct jobq_store *st, const char *const *ids,
				  const int64_t *tokens, size_t n, struct jobq_err *err) JOBQ_WUR;

/* jobq_store_cli_mark_published of new jobs (tokens 0) for a long-lived session
 * (libjobq's): sent with jobq_store_send_unchecked (the session's next statement joins
 * its round trip) and committed without waiting for the disk, so that the submitter waits
 * for neither. It waits for no lock held by another session (a worker claiming the job):
 * such a row is skipped (migration 0012), and any other lock wait ends after
 * MARK_LOCK_TIMEOUT_MS. Its outcome is not reported: a mark that fails, skips its job or
 * is lost leaves the job to the relay, which publishes it once more (harmless: the claim
 * is conditional). 0, or JOBQ_EDB / JOBQ_ENOMEM when it could not be sent. */
int jobq_store_cli_mark_published_async(struct jobq_store *st, const char *const *ids, size_t n,
					struct jobq_err *err) JOBQ_WUR;

#endif
