/* Outstanding deliveries and combined acks (see acks.h). */
#include <stdlib.h>
#include <string.h>

#include "acks.h"

#define ACK_SENT 4 /* settled on its own already; popped when it reaches the front */

static struct ack_entry *at(const struct ack_tracker *t, size_t i)
{
	return &t->ring[(t->head + i) % t->cap];
}

void acks_reset(struct ack_tracker *t)
{
	t->head = t->len = 0;
	t->untracked = false;
	t->due_us = INT64_MAX;
}

int acks_add(struct ack_tracker *t, uint64_t tag)
{
	if (t->len > 0 && tag <= at(t, t->len - 1)->tag) {
		t->untracked = true; /* not ours to combine */
		return -1;
	}
	if (t->len == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		struct ack_entry *ring = malloc(cap * sizeof(*ring));

		if (ring == NULL) {
			t->untracked = true;
			return -1;
		}
		for (size_t i = 0; i < t->len; i++)
			ring[i] = *at(t, i);
		free(t->ring);
		t->ring = ring;
		t->cap = cap;
		t->head = 0;
	}
	*at(t, t->len) = (struct ack_entry){ .tag = tag };
	t->len++;
	return 0;
}

bool acks_mark(struct ack_tracker *t, uint64_t tag, enum ack_kind kind, int64_t now_us)
{
	size_t lo = 0, hi = t->len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		struct ack_entry *e = at(t, mid);

		if (e->tag == tag) {
			if (e->state != 0)
				return false; /* settled twice: let the broker say so */
			e->state = (uint8_t)kind;
			e->marked_us = now_us;
			return true;
		}
		if (e->tag < tag)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

int acks_flush(struct ack_tracker *t, ack_emit_fn emit, void *ctx, int64_t now_us, int64_t hold_us)
{
	uint64_t run = 0;
	size_t nrun = 0;
	int r;

	/* With a delivery missing from the ring no ack may cover others: each goes alone. */
	if (t->untracked)
		hold_us = 0;
	t->due_us = INT64_MAX;
	/* The front: settled deliveries up to the first pending one. Acks in a row become
	 * one ack with `multiple`; a reject or requeue ends the row and goes alone. */
	while (t->len > 0 && at(t, 0)->state != 0) {
		struct ack_entry e = *at(t, 0);

		if (e.state == ACK_ACK && !t->untracked) {
			run = e.tag;
			nrun++;
		} else if (e.state != ACK_SENT) {
			if (nrun > 0 && (r = emit(ctx, run, ACK_ACK, nrun > 1)) != 0)
				return r;
			nrun = 0;
			if ((r = emit(ctx, e.tag, (enum ack_kind)e.state, false)) != 0)
				return r;
		}
		t->head = (t->head + 1) % t->cap;
		t->len--;
	}
	if (nrun > 0 && (r = emit(ctx, run, ACK_ACK, nrun > 1)) != 0)
		return r;
	/* Behind a pending delivery: rejects and requeues go alone now, acks once held long
	 * enough; each stays in the ring (as sent) until the front reaches it. */
	for (size_t i = 0; i < t->len; i++) {
		struct ack_entry *e = at(t, i);

		if (e->state == 0 || e->state == ACK_SENT)
			continue;
		if (e->state == ACK_ACK && now_us - e->marked_us < hold_us) {
			if (e->marked_us + hold_us < t->due_us)
				t->due_us = e->marked_us + hold_us;
			continue;
		}
		if ((r = emit(ctx, e->tag, (enum ack_kind)e->state, false)) != 0)
			return r;
		e->state = ACK_SENT;
	}
	return 0;
}

int64_t acks_due(const struct ack_tracker *t)
{
	return t->len > 0 ? t->due_us : INT64_MAX;
}

size_t acks_outstanding(const struct ack_tracker *t)
{
	return t->len;
}

void acks_free(struct ack_tracker *t)
{
	free(t->ring);
	memset(t, 0, sizeof(*t));
	t->due_us = INT64_MAX;
}
