/* Masking secrets in URLs and libpq conninfo strings before they are printed or logged.
 * Errs on the side of hiding: when the shape is ambiguous, more is masked, never less. */
#include <stdbool.h>
#include <string.h>

#include "jobq/url.h"

#define MASK "***"

/* A bounded appender into the caller's buffer; excess is dropped, the result always ends
 * in NUL. */
struct out {
	char *buf;
	size_t len, used;
};

static void
put(struct out *o, const char *s, size_t n)
{
	size_t room = o->len - 1 - o->used;

	if (n > room)
		n = room;
	memcpy(o->buf + o->used, s, n);
	o->used += n;
	o->buf[o->used] = '\0';
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Mask the value of every "password=" parameter in a URL query ("?a=1&password=x#f"). */
static void
mask_query(struct out *o, const char *q)
{
	const char *p = q, *end;
	size_t n;

	while (*p != '\0') {
		n = strcspn(p, "&#");
		end = p + n;
		if (n >= 9 && strncmp(p, "password=", 9) == 0) {
			put(o, p, 9);
			put(o, MASK, strlen(MASK));
		} else
			put(o, p, n);
		p = end;
		if (*p == '#') {
			put(o, p, strlen(p));
			return;
		}
		if (*p == '&') {
			put(o, p, 1);
			p++;
		}
	}
}

static void
mask_uri(struct out *o, const char *url, const char *sep)
{
	const char *auth = sep + 3, *auth_end, *at = NULL, *colon, *p, *q;

	auth_end = auth + strcspn(auth, "/?#");
	for (p = auth; p < auth_end; p++)
		if (*p == '@')
			at = p;
	if (at == NULL) {
		/* A password holding an unescaped '/', '?' or '#' ends the authority early; if
		 * an '@' follows, assume everything up to it is userinfo. */
		for (p = auth_end; *p != '\0'; p++)
			if (*p == '@')
				at = p;
		if (at != NULL && memchr(auth, ':', (size_t)(at - auth)) == NULL)
			at = NULL;
	}
	if (at != NULL && (colon = memchr(auth, ':', (size_t)(at - auth))) != NULL) {
		put(o, url, (size_t)(colon + 1 - url));
		put(o, MASK, strlen(MASK));
		p = at;
	} else
		p = url;
	q = strchr(p == url ? auth : p, '?');
	if (q != NULL) {
		put(o, p, (size_t)(q + 1 - p));
		mask_query(o, q + 1);
	} else
		put(o, p, strlen(p));
}

/* libpq keyword/value form: "host=x password = 'se cret' dbname=y". */
static void
mask_conninfo(struct out *o, const char *s)
{
	const char *p = s, *kw, *v;
	bool secret;

	while (*p != '\0') {
		while (is_space(*p))
			put(o, p++, 1);
		if (*p == '\0')
			break;
		kw = p;
		while (*p != '\0' && *p != '=' && !is_space(*p))
			p++;
		secret = (size_t)(p - kw) == 8 && strncmp(kw, "password", 8) == 0;
		while (is_space(*p))
			p++;
		if (*p != '=') {
			/* Not keyword=value: copy the rest as is. */
			put(o, kw, strlen(kw));
			return;
		}
		p++;
		while (is_space(*p))
			p++;
		v = p;
		if (*p == '\'') {
			for (p++; *p != '\0' && *p != '\''; p++)
				if (*p == '\\' && p[1] != '\0')
					p++;
			if (*p == '\'')
				p++;
		} else {
			for (; *p != '\0' && !is_space(*p); p++)
				if (*p == '\\' && p[1] != '\0')
					p++;
		}
		if (secret) {
			put(o, kw, (size_t)(v - kw));
			put(o, MASK, strlen(MASK));
		} else
			put(o, kw, (size_t)(p - kw));
	}
}

char *
jobq_url_mask(const char *url, char *buf, size_t len)
{
	struct out o = { buf, len, 0 };
	const char *sep;

	if (buf == NULL || len == 0)
		return buf;
	buf[0] = '\0';
	if (url == NULL) {
		put(&o, "(default)", 9);
		return buf;
	}
	sep = strstr(url, "://");
	if (sep != NULL && strcspn(url, "= \t") > (size_t)(sep - url))
		mask_uri(&o, url, sep);
	else
		mask_conninfo(&o, url);
	return buf;
}
