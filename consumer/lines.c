/* Bounded line splitting (lines.h). */
#include <stdlib.h>
#include <string.h>

#include "lines.h"

/* Append p[0..n) to the partial line; false when memory ran out. */
static bool add(struct lines *b, const char *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		char *nd;

		while (cap < b->len + n + 1)
			cap *= 2;
		if ((nd = realloc(b->data, cap)) == NULL)
			return false;
		b->data = nd;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

bool lines_feed(struct lines *b, const char *p, size_t n, lines_fn fn, void *arg)
{
	const char *end = p + n;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t seg = (size_t)((nl != NULL ? nl : end) - p);

		if (!b->skipping && b->len + seg > b->max) {
			/* Too long: its first max bytes go on now, the rest is dropped. */
			bool go = !add(b, p, b->max - b->len) || fn(arg, b->data, b->len, true);

			b->len = 0;
			b->skipping = true;
			if (!go)
				return false;
		} else if (!b->skipping && !add(b, p, seg)) {
			b->len = 0;
			b->skipping = true;
		}
		if (nl == NULL)
			break;
		if (!b->skipping && !fn(arg, b->data != NULL ? b->data : "", b->len, false)) {
			b->len = 0;
			return false;
		}
		b->len = 0;
		b->skipping = false;
		p = nl + 1;
	}
	/* A long line is gone: its buffer goes too (a child idles with 8 MiB otherwise). */
	if (b->len == 0 && b->cap > LINES_KEEP) {
		free(b->data);
		b->data = NULL;
		b->cap = 0;
	}
	return true;
}

void lines_end(struct lines *b, lines_fn fn, void *arg)
{
	if (!b->skipping && b->len > 0)
		(void)fn(arg, b->data, b->len, false);
	b->len = 0;
	b->skipping = false;
}

void lines_free(struct lines *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->skipping = false;
}
