/* The relay thread's state and the constants its files share (relay.c: the loop and its
 * rounds; relay_publish.c: the broker connection, and publishing taken rows queue by queue
 * with confirms and their marks). Private to the relay. */
#ifndef JOBQ_RELAY_INTERNAL_H
#define JOBQ_RELAY_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "consumer.h"
#include "relay_lost.h"
#include "jobq/broker.h"
#include "jobq/store.h"

#define RELAY_BATCH 500
#define REAP_BATCH 500
#define TICK_MS 100
/* Releases of priority jobs after claims here, one per this many ms at most. */
#define POKE_SPACING_MS 5
/* A queue whose publishes keep failing is retried this much later each time, so that
 * the rest of the work goes on meanwhile. */
#define DEFER_MS 30000
#define DEAD_BATCH 100
/* After a wake-up, the due jobs are read once more this much later: a submitter that found
 * another one notifying commits at the same moment, and its job may land just after the
 * first read (migration 0011, jobq_wake_relay). */
#define FOLLOW_UP_MS 30
/* At most this many named jobs that run here are checked per batch of notifications (a
 * worker runs at most its concurrency; more are duplicates or noise). */
#define HINT_MAX 256
/* After a wake-up, rounds follow one another while each takes a full batch, for this long
 * at most before the loop services the broker and its tick again. */
#define BURST_MS 1000
/* Per queue, at most this many priority jobs released to the express queue and not yet
 * claimed (docs/design.md §6 "Priority release"): enough to keep 2 × 16 executors fed
 * from the express queue, few enough that a job of a higher priority submitted meanwhile
 * waits behind at most this many. */
#define PRIORITY_WINDOW 64
/* Per queue, at most this many keyed jobs released to the express queue and not yet claimed
 * (docs/design.md §6 "Keyed release"): as many as PRIORITY_WINDOW, for the same reasons;
 * a key that comes with a backlog of other keys' jobs in flight starts behind at most this
 * many of them. */
#define KEYED_WINDOW 64
/* The shortest wait for a rate's next token: the probe and the release that follow take
 * about this long, and a token a little late is not lost (the bucket holds half a second of
 * tokens, migration 0023). */
#define TOKEN_WAIT_MIN_MS 2
/* The jobs handed to the relay (consumer_hand_released) are read at most once every this
 * many ms: a busy consumer's finishes hand instants hundreds of times a second, most of
 * them with nothing released (each end of a fan-in's jobs), and one read takes them all
 * (bench/graph: about 1,000 reads of 0.27 ms each at 10 ms). The relay's rounds after a
 * wake-up or a tick read them too, whatever the spacing. */
#define HANDED_SPACING_MS 20
/* While the consumer drains, the relay gives back the deliveries waiting for an executor
 * this often (relay_lost_drain). */
#define DRAIN_PASS_MS 100

struct relay {
	struct consumer *c;
	struct jobq_store *st;
	struct jobq_broker *b;
	int64_t db_retry_at;
	unsigned int seed;
	bool listening; /* the session LISTENs to the relay's channels */
	bool woken;     /* a notification on jobq_submitted arrived */
	/* A priority job was claimed here (consumer_poke_relay): release the next ones, at
	 * most once every POKE_SPACING_MS (pending until then). */
	bool poke_pending;
	int64_t last_release_ms;
	/* When the next token of a rate-limited scope with held jobs is due (monotonic ms, 0:
	 * none; jobq_store_relay_due): the loop's wait ends then, so that the release follows
	 * the rate, not the tick. */
	int64_t token_due_ms;
	struct relay_lost lost; /* the lost-message round's state (relay_lost.c) */
	bool draining;          /* the drain began: the session no longer listens (unlisten) */
	/* Jobs running here that a jobq_cancel notification named: checked in the database
	 * before they are stopped (anyone may send a notification). */
	char hints[HINT_MAX][JOBQ_ID_BUF];
	size_t nhints;
	bool mark_failed; /* a mark of the round's publish failed (publish_group) */
	char node[300];   /* the node the broker connection was last seen on */
};

/* The relay's broker options; `name` holds the connection name they point to. */
void relay_opts(struct relay *r, struct jobq_broker_opts *opts, char *name, size_t len);

/* Log the node the relay's connection is on whenever it changed. */
void note_node(struct relay *r);

/* The relay's broker connection, opened again if it was lost; false if it cannot be. */
bool ensure_broker(struct relay *r, struct jobq_err *err);

/* Publish the n rows taken (or handed), queue by queue, each queue's in the order taken,
 * and mark the confirmed ones (r->mark_failed set if a mark failed); a queue's refused
 * rows are deferred. Returns how many were confirmed. */
int publish_taken(struct relay *r, struct jobq_envelope *envs, int64_t *tokens, int n);

#endif
