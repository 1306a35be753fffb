/* The deliveries of the current broker connection that are still unacked, and the fewest
 * frames that settle them: a run of acks at the front of the channel's outstanding
 * deliveries goes as one ack with `multiple` (one Raft command at a quorum queue instead of
 * one per job). An ack behind a delivery still pending is held a moment (hold_us) in case
 * the front settles meanwhile and one frame covers them all; past that it goes on its own,
 * so a finished job never waits long behind a long one. A reject or requeue is never held
 * nor combined. Pure bookkeeping: the I/O thread sends what it is told. */
#ifndef JOBQ_CONSUMER_ACKS_H
#define JOBQ_CONSUMER_ACKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What to do with one delivery (the I/O thread's settle kinds). */
enum ack_kind {
	ACK_ACK = 1,
	ACK_REJECT,
	ACK_REQUEUE
};

struct ack_entry {
	uint64_t tag;
	int64_t marked_us; /* when it was marked (the caller's clock) */
	uint8_t state;     /* 0 pending, an ack_kind (to send), or sent on its own */
};

struct ack_tracker {
	struct ack_entry *ring; /* outstanding deliveries, tags increasing */
	size_t head, len, cap;
	/* A delivery of this connection is not in the ring (no memory to track it): no ack
	 * may cover it, so none goes with `multiple` until the next reset. */
	bool untracked;
	int64_t due_us; /* when the earliest held ack must go; INT64_MAX: none held */
};

/* Send one frame: settle `tag` as `kind`, and with `multiple` every outstanding delivery
 * before it too (only for ACK_ACK). 0, or nonzero to stop (the connection failed). */
typedef int (*ack_emit_fn)(void *ctx, uint64_t tag, enum ack_kind kind, bool multiple);

/* Forget everything (a new connection: the old one's tags mean nothing now). */
void acks_reset(struct ack_tracker *t);

/* A delivery was handed out; tags must come in increasing order. 0, or -1 when it cannot
 * be tracked (out of memory, or a tag not above the last one): it is then settled on its
 * own, and no later ack of this connection goes with `multiple`. */
int acks_add(struct ack_tracker *t, uint64_t tag);

/* Record how to settle tag, marked at now_us. False when it is not outstanding here
 * (settle it on its own). */
bool acks_mark(struct ack_tracker *t, uint64_t tag, enum ack_kind kind, int64_t now_us);

/* Emit the frames for the marked deliveries: the front's run of acks as one frame, each
 * reject or requeue at once on its own, and each ack behind a pending delivery on its own
 * once it has waited hold_us (0: at once). Returns 0, or emit's nonzero result. */
int acks_flush(struct ack_tracker *t, ack_emit_fn emit, void *ctx, int64_t now_us, int64_t hold_us);

/* When (the caller's clock) the earliest ack the last flush held must go: INT64_MAX when
 * it held none (or before any flush). */
int64_t acks_due(const struct ack_tracker *t);

/* Number of deliveries still outstanding (pending or marked). */
size_t acks_outstanding(const struct ack_tracker *t);

/* Release the tracker's memory and leave it empty. Accepts a zeroed tracker. */
void acks_free(struct ack_tracker *t);

#endif
