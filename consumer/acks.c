/* Outstanding deliveries and combined acks (see acks.h). */
#include <stdlib.h>
#include <string.h>

#include "acks.h"

#define ACK_SENT 4 /* settled on its own already; popped when it reaches the front */

static size_t at(const struct ack_tracker *t, size_t i)
{
	return (t->head + i) % t->cap;
}

void acks_reset(struct ack_tracker *t)
{
	t->head = t->len = 0;
}

int acks_add(struct ack_tracker *t, uint64_t tag)
{
	if (t->len == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		uint64_t *tags = malloc(cap * sizeof(*tags));
		uint8_t *state = malloc(cap);

		if (tags == NULL || state == NULL) {
			free(tags);
			free(state);
			return -1;
		}
		for (size_t i = 0; i < t->len; i++) {
			tags[i] = t->tag[at(t, i)];
			state[i] = t->state[at(t, i)];
		}
		free(t->tag);
		free(t->state);
		t->tag = tags;
		t->state = state;
		t->cap = cap;
		t->head = 0;
	}
	if (t->len > 0 && tag <= t->tag[at(t, t->len - 1)])
		return -1; /* out of order: not ours to combine */
	t->tag[at(t, t->len)] = tag;
	t->state[at(t, t->len)] = 0;
	t->len++;
	return 0;
}

bool acks_mark(struct ack_tracker *t, uint64_t tag, enum ack_kind kind)
{
	size_t lo = 0, hi = t->len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint64_t v = t->tag[at(t, mid)];

		if (v == tag) {
			if (t->state[at(t, mid)] != 0)
				return false; /* settled twice: let the broker say so */
			t->state[at(t, mid)] = (uint8_t)kind;
			return true;
		}
		if (v < tag)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

int acks_flush(struct ack_tracker *t, ack_emit_fn emit, void *ctx)
{
	uint64_t run = 0;
	size_t nrun = 0;
	int r;

	/* The front: settled deliveries up to the first pending one. Acks in a row become
	 * one ack with `multiple`; a reject or requeue ends the row and goes alone. */
	while (t->len > 0 && t->state[t->head] != 0) {
		uint8_t s = t->state[t->head];
		uint64_t tag = t->tag[t->head];

		if (s == ACK_ACK) {
			run = tag;
			nrun++;
		} else if (s != ACK_SENT) {
			if (nrun > 0 && (r = emit(ctx, run, ACK_ACK, nrun > 1)) != 0)
				return r;
			nrun = 0;
			if ((r = emit(ctx, tag, (enum ack_kind)s, false)) != 0)
				return r;
		}
		t->head = (t->head + 1) % t->cap;
		t->len--;
	}
	if (nrun > 0 && (r = emit(ctx, run, ACK_ACK, nrun > 1)) != 0)
		return r;
	/* Behind a pending delivery: each goes alone now, and stays in the ring (as sent)
	 * until the front reaches it. */
	for (size_t i = 0; i < t->len; i++) {
		uint8_t *s = &t->state[at(t, i)];

		if (*s == 0 || *s == ACK_SENT)
			continue;
		if ((r = emit(ctx, t->tag[at(t, i)], (enum ack_kind) * s, false)) != 0)
			return r;
		*s = ACK_SENT;
	}
	return 0;
}

size_t acks_outstanding(const struct ack_tracker *t)
{
	return t->len;
}

void acks_free(struct ack_tracker *t)
{
	free(t->tag);
	free(t->state);
	memset(t, 0, sizeof(*t));
}
