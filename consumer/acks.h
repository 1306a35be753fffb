/* The deliveries of the current broker connection that are still unacked, and the fewest
 * frames that settle them: a run of acks at the front of the channel's outstanding
 * deliveries goes as one ack with `multiple` (one Raft command at a quorum queue instead of
 * one per job); anything else is settled on its own at once, so a finished job never waits
 * behind a long one. Pure bookkeeping: the I/O thread sends what it is told. */
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

struct ack_tracker {
	uint64_t *tag;  /* ring of outstanding delivery tags, increasing */
	uint8_t *state; /* 0 pending, an ack_kind (to send), or ACK_SENT */
	size_t head, len, cap;
};

/* Send one frame: settle `tag` as `kind`, and with `multiple` every outstanding delivery
 * before it too (only for ACK_ACK). 0, or nonzero to stop (the connection failed). */
typedef int (*ack_emit_fn)(void *ctx, uint64_t tag, enum ack_kind kind, bool multiple);

/* Forget everything (a new connection: the old one's tags mean nothing now). */
void acks_reset(struct ack_tracker *t);

/* A delivery was handed out; tags must come in increasing order. 0, or -1 out of memory
 * (the delivery is then settled on its own). */
int acks_add(struct ack_tracker *t, uint64_t tag);

/* Record how to settle tag. False when it is not outstanding here (settle it on its own). */
bool acks_mark(struct ack_tracker *t, uint64_t tag, enum ack_kind kind);

/* Emit the frames for every marked delivery. Returns 0, or emit's nonzero result. */
int acks_flush(struct ack_tracker *t, ack_emit_fn emit, void *ctx);

/* Number of deliveries still outstanding (pending or marked). */
size_t acks_outstanding(const struct ack_tracker *t);

/* Release the tracker's memory. Accepts a zeroed tracker. */
void acks_free(struct ack_tracker *t);

#endif
