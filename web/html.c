/* The page buffer and the escaping of every value shown (contract in html.h). */
#include "html.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool grow(struct html *h, size_t more)
{
	size_t cap;
	char *p;

	if (h->failed)
		return false;
	if (h->len + more + 1 <= h->cap)
		return true;
	cap = h->cap ? h->cap : 4096;
	while (cap < h->len + more + 1)
		cap *= 2;
	if ((p = realloc(h->buf, cap)) == NULL) {
		h->failed = true;
		return false;
	}
	h->buf = p;
	h->cap = cap;
	return true;
}

void html_raw(struct html *h, const char *s, size_t n)
{
	if (!grow(h, n))
		return;
	memcpy(h->buf + h->len, s, n);
	h->len += n;
	h->buf[h->len] = '\0';
}

void html_put(struct html *h, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !grow(h, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(h->buf + h->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	h->len += (size_t)n;
}

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0 when it is not one
 * (overlong forms, surrogates and code points past U+10FFFF are not). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, cp = s[0] & 0x1fu;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, cp = s[0] & 0x0fu;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, cp = s[0] & 0x07u;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3fu);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

void html_esc_n(struct html *h, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, run = 0;

	if (text == NULL)
		return;
	if (n == (size_t)-1)
		n = strlen(text);
	/* A text is mostly plain: copy runs of it at once. */
	while (i < n) {
		const char *rep = NULL;
		char code[8];
		size_t len = utf8_len(s + i, n - i);
		unsigned c = s[i];

		if (len == 1) {
			switch (c) {
			case '&':
				rep = "&amp;";
				break;
			case '<':
				rep = "&lt;";
				break;
			case '>':
				rep = "&gt;";
				break;
			case '"':
				rep = "&quot;";
				break;
			case '\'':
				rep = "&#39;";
				break;
			default:
				if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
					snprintf(code, sizeof(code), "\\u%04x", c);
					rep = code;
				}
			}
		} else if (len == 2 && s[i] == 0xc2 && s[i + 1] < 0xa0) { /* C1 controls */
			snprintf(code, sizeof(code), "\\u%04x", s[i + 1]);
			rep = code;
		} else if (len == 0) {
			rep = "\xef\xbf\xbd"; /* U+FFFD */
			len = 1;
		}
		if (rep == NULL) {
			i += len;
			run += len;
			continue;
		}
		html_raw(h, text + i - run, run);
		html_raw(h, rep, strlen(rep));
		run = 0;
		i += len;
	}
	html_raw(h, text + i - run, run);
}

void html_esc(struct html *h, const char *text)
{
	html_esc_n(h, text, (size_t)-1);
}

void html_url(struct html *h, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *s = (const unsigned char *)text; s != NULL && *s; s++) {
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.' || *s == '~') {
			html_raw(h, (const char *)s, 1);
		} else {
			char e[3] = { '%', hex[*s >> 4], hex[*s & 15] };

			html_raw(h, e, 3);
		}
	}
}

char *html_take(struct html *h, size_t *len)
{
	char *p;

	if (h->failed || !grow(h, 0)) {
		html_free(h);
		return NULL;
	}
	p = h->buf;
	*len = h->len;
	*h = (struct html){ 0 };
	return p;
}

void html_free(struct html *h)
{
	free(h->buf);
	*h = (struct html){ 0 };
}
