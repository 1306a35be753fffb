/* Splitting a byte stream into lines, bounded: what a handler writes on its channel, its
 * control descriptor, or its stdout and stderr when they are logged line by line. Pure: the
 * caller reads, this only buffers and cuts. */
#ifndef JOBQ_CONSUMER_LINES_H
#define JOBQ_CONSUMER_LINES_H

#include <stdbool.h>
#include <stddef.h>

/* Buffer kept between lines; a larger one is freed once no partial line is in it. */
#define LINES_KEEP (64 * 1024)

/* A partial line. Zero-initialise, set max (the longest line kept, its '\n' excluded). */
struct lines {
	char *data;
	size_t len, cap, max;
	bool skipping; /* the rest of a line that was too long (already handed on, cut) */
};

/* Called with each line (NUL-terminated, its '\n' removed, len bytes) in order. cut: the
 * line was longer than max and this is its first max bytes; what follows up to its '\n' is
 * dropped. Returns false to stop feeding (lines_feed then returns at once). */
typedef bool (*lines_fn)(void *arg, const char *line, size_t len, bool cut);

/* Feed p[0..n): every line it completes goes to fn. Returns false when fn asked to stop,
 * true otherwise. A buffer over LINES_KEEP is freed when no partial line is left. When memory runs out the line at hand is dropped (as if cut, with an
 * empty first part not handed on). */
bool lines_feed(struct lines *b, const char *p, size_t n, lines_fn fn, void *arg);

/* End of the stream: a last line without its '\n', if any, goes to fn. */
void lines_end(struct lines *b, lines_fn fn, void *arg);

/* Free the buffer (the struct may be fed again after it is zeroed and max set). */
void lines_free(struct lines *b);

#endif
