/* HTML output of the web console: a growing buffer, and the one escaping function every
 * value from the database passes through before it reaches a page. Pure: no I/O. */
#ifndef JOBQ_WEB_HTML_H
#define JOBQ_WEB_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include "jobq/err.h"

/* A page being built. `failed` is set when memory ran out: later appends do nothing and
 * the caller answers 500 instead of a truncated page. */
struct html {
	char *buf;
	size_t len, cap;
	bool failed;
};

/* Append raw bytes (markup the program wrote itself: never a value from outside). */
void html_raw(struct html *h, const char *s, size_t n);

/* Append formatted markup. Arguments are not escaped: use html_esc for values. */
void html_put(struct html *h, const char *fmt, ...) JOBQ_PRINTF(2, 3);

/* Append text as HTML text or as the value of a quoted attribute: & < > " ' become
 * entities, each control character (C0 but tab and newline, DEL, C1) becomes the visible
 * "\u00XX", and a byte that is not part of valid UTF-8 becomes U+FFFD. n bytes of text,
 * or up to its NUL when n is (size_t)-1. NULL appends nothing. */
void html_esc_n(struct html *h, const char *text, size_t n);

/* html_esc_n of a NUL-terminated string. */
void html_esc(struct html *h, const char *text);

/* Append text percent-encoded for a URL's query (everything but A-Z a-z 0-9 - _ . ~). */
void html_url(struct html *h, const char *text);

/* The page and its ownership move to the caller (malloc'd, NUL-terminated); h is emptied.
 * NULL when memory ran out. */
char *html_take(struct html *h, size_t *len);

/* Free what h holds. */
void html_free(struct html *h);

#endif
