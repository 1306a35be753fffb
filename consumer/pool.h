/* Persistent handlers (docs/handlers.md#persistent-handlers): a pool of long-lived
 * children per `mode = "persistent"` handler, started behind the exec shim and driven over
 * the worker protocol (wire.h) by one pool thread, which owns every child, its channel
 * and its pipes. Executors hand it jobs (pool_run) and wait for the answer. */
#ifndef JOBQ_CONSUMER_POOL_H
#define JOBQ_CONSUMER_POOL_H

#include "handler.h"
#include "jobq/config.h"
#include "jobq/err.h"

/* Deaths in a row, with no job completed in between, that make a handler broken. */
#define POOL_BROKEN_DEATHS 5
/* Backoff between replacements of a child that died: from, to, and the cap once broken. */
#define POOL_RESPAWN_MIN_MS 100
#define POOL_RESPAWN_MAX_MS 10000
#define POOL_BROKEN_RESPAWN_MAX_MS 30000
/* Reads of 64 KiB per stream after a child's death, at most, for what it left. */
#define POOL_DRAIN_READS 16
/* Longest stdout or stderr line, or `log` message, of a child logged whole; longer ones
 * are cut: a `log` message at a character, an output line at this many bytes. */
#define POOL_OUTPUT_LINE_MAX 4096
/* A child's log lines (output, `log`, ignored answers): POOL_LOG_RATE a second on average,
 * bursts of POOL_LOG_BURST; the others are dropped and counted, the count logged at most
 * every POOL_LOG_DROPPED_MS and at the child's end. */
#define POOL_LOG_RATE 100
#define POOL_LOG_BURST 1000
#define POOL_LOG_DROPPED_MS 10000
/* Longest error text kept from a child's `error` (cut at a character), and largest
 * result (its JSON text): a larger one fails the job permanently. As for commands. */
#define POOL_ERROR_MAX 2048
#define POOL_RESULT_MAX (1024 * 1024)

/* Start the pool thread and a pool for each persistent handler of c->cfg (their children
 * start at once, so the first jobs find them warm). Returns 0, or JOBQ_ESYS / JOBQ_ENOMEM
 * (err says which). Called once, before the executors start. */
int pools_start(struct consumer *c, struct jobq_err *err) JOBQ_WUR;

/* A reload, before cfg (the new configuration) is published as c->cfg, so that an
 * executor that reads it finds a pool for each of its persistent handlers: a handler whose pool settings
 * (command, env, user, group, processes, jobs_per_process, max_jobs, startup_timeout)
 * changed gets a new pool, and so does a new persistent handler; the old pool takes no new
 * job and its children retire as they become idle. A pool whose settings did not change
 * keeps its children and takes the new timeout and cancel_grace. Called by the I/O thread. */
void pools_reload(struct consumer *c, const struct jobq_config *cfg);

/* At exit, once no executor runs: every channel is closed (a child must then exit), the
 * children that remain get SIGTERM after their cancel_grace and SIGKILL after another
 * (at once at a hard stop); returns when all have been reaped and the thread has ended.
 * Accepts a consumer whose pools never started. */
void pools_stop(struct consumer *c);

/* Run the job of ctx on the pool of the persistent handler h, from the executor's thread:
 * the job goes to a child with a free slot (jobs_per_process) as soon as one is ready, and
 * *out is its answer: HANDLER_OK with the result, HANDLER_RETRY or HANDLER_PERMANENT with
 * the error (and the child's retry_in), HANDLER_STOPPED when it stopped (or never started) after a
 * cancel, a lost lease, a release or its runtime limit, a retryable failure naming the
 * exit status or signal when its child died, or HANDLER_RELEASE when the handler is
 * broken (the outcome gives the job back for later, its attempt not counted). A stop is sent to the child as a
 * `cancel` line; after cancel_grace with no answer the child gets SIGTERM, SIGKILL after
 * another grace (a lost lease: SIGKILL at once). The strings in *out are the caller's. */
void pool_run(struct job_ctx *ctx, const struct jobq_handler_config *h, struct handler_result *out);

#endif
