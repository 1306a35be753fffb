/* Masking secrets in URLs and libpq conninfo strings before they are printed or logged.
 * Errs on the side of hiding: when the shape is ambiguous, more is masked, never less. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "jobq/url.h"

#define MASK "***"

/* A bounded appender into the caller's buffer; excess is dropped, the result always ends
 * in NUL. */
struct out {
	char *buf;
	size_t len, used;
};

static void put(struct out *o, const char *s, size_t n)
{
	size_t room = o->len - 1 - o->used;

	if (n > room)
		n = room;
	memcpy(o->buf + o->used, s, n);
	o->used += n;
	o->buf[o->used] = '\0';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* libpq's secret parameters: the password, and the passphrase of the client key. */
static const char *const secret_keys[] = { "password", "sslpassword" };
#define NSECRET_KEYS (sizeof(secret_keys) / sizeof(secret_keys[0]))

/* Length of the "KEY=" that starts the query parameter p[0..n), percent-escapes decoded as
 * libpq decodes them ("pass%77ord="), or 0 if the parameter is not key. */
static size_t key_prefix(const char *p, size_t n, const char *key)
{
	size_t i = 0, k, klen = strlen(key);
	int c;

	for (k = 0; k <= klen; k++) {
		if (i >= n)
			return 0;
		c = (unsigned char)p[i++];
		if (c == '%' && i + 1 < n && hex_digit(p[i]) >= 0 && hex_digit(p[i + 1]) >= 0) {
			c = hex_digit(p[i]) * 16 + hex_digit(p[i + 1]);
			i += 2;
		}
		if (c != (k < klen ? key[k] : '='))
			return 0;
	}
	return i;
}

/* Length of the "password=" or "sslpassword=" that starts the query parameter p[0..n), or
 * 0 if the parameter is another one. */
static size_t password_key(const char *p, size_t n)
{
	size_t i, k;

	for (i = 0; i < NSECRET_KEYS; i++)
		if ((k = key_prefix(p, n, secret_keys[i])) != 0)
			return k;
	return 0;
}

/* Mask the value of every secret parameter in a URL query ("?a=1&password=x#f"). */
static void mask_query(struct out *o, const char *q)
{
	const char *p = q, *end;
	size_t n, k;

	while (*p != '\0') {
		n = strcspn(p, "&#");
		end = p + n;
		if ((k = password_key(p, n)) != 0) {
			put(o, p, k);
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

static void mask_uri(struct out *o, const char *url, const char *sep)
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
	/* The user name ends at the first ':'; one holding a '?' or '#' is no user name but a
	 * query or fragment already ("h/?a=1&password=x&b=c:d@e"), whose parameters are
	 * masked below. */
	if (at != NULL && (colon = memchr(auth, ':', (size_t)(at - auth))) != NULL &&
	    strcspn(auth, "?#") > (size_t)(colon - auth)) {
		put(o, url, (size_t)(colon + 1 - url));
		put(o, MASK, strlen(MASK));
		p = at;
		/* If what was taken for userinfo began the query or fragment ("h:5432/db?user=
		 * a@b&password=x"), the rest is still in it: mask its parameters too. */
		if (strcspn(auth, "?#") < (size_t)(at - auth)) {
			mask_query(o, p);
			return;
		}
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
static void mask_conninfo(struct out *o, const char *s)
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
		secret = false;
		for (size_t i = 0; i < NSECRET_KEYS; i++)
			if ((size_t)(p - kw) == strlen(secret_keys[i]) &&
			    strncmp(kw, secret_keys[i], (size_t)(p - kw)) == 0)
				secret = true;
		while (is_space(*p))
			p++;
		if (*p != '=') {
			/* Not keyword=value (libpq refuses the string, which may still be shown):
			 * copy the word and go on, so that a later password is masked. */
			put(o, kw, (size_t)(p - kw));
			continue;
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

char *jobq_url_mask(const char *url, char *buf, size_t len)
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

size_t jobq_url_list_count(const char *list)
{
	size_t n = 1;

	if (list == NULL)
		return 0;
	for (; *list != '\0'; list++)
		if (*list == ',')
			n++;
	return n;
}

/* Element i of list as [*start, *start + *n), blanks trimmed; false when there is none. */
static bool list_elem(const char *list, size_t i, const char **start, size_t *n)
{
	const char *p = list, *end;

	if (list == NULL)
		return false;
	for (; i > 0; i--) {
		if ((p = strchr(p, ',')) == NULL)
			return false;
		p++;
	}
	end = p + strcspn(p, ",");
	while (p < end && is_space(*p))
		p++;
	while (end > p && is_space(end[-1]))
		end--;
	*start = p;
	*n = (size_t)(end - p);
	return true;
}

int jobq_url_list_get(const char *list, size_t i, char *buf, size_t len)
{
	const char *p;
	size_t n;

	if (!list_elem(list, i, &p, &n) || len == 0 || n > len - 1 || n > INT32_MAX)
		return -1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return (int)n;
}

/* An element like "amqp://user:secr" that lost its '@' to an unescaped comma. */
static bool split_secret(const char *e)
{
	const char *sep = strstr(e, "://"), *auth, *colon;
	size_t alen;

	if (sep == NULL)
		return false;
	auth = sep + 3;
	alen = strcspn(auth, "/?#");
	if (memchr(auth, '@', alen) != NULL || (colon = memchr(auth, ':', alen)) == NULL)
		return false;
	for (const char *p = colon + 1; p < auth + alen; p++)
		if (*p < '0' || *p > '9')
			return true;
	return false;
}

char *jobq_url_mask_list(const char *list, char *buf, size_t len)
{
	struct out o = { buf, len, 0 };
	char elem[1024], masked[1024];
	size_t i, n = jobq_url_list_count(list);

	if (buf == NULL || len == 0)
		return buf;
	buf[0] = '\0';
	if (list == NULL)
		return jobq_url_mask(NULL, buf, len);
	for (i = 0; i < n; i++) {
		if (i > 0)
			put(&o, ",", 1);
		if (jobq_url_list_get(list, i, elem, sizeof(elem)) < 0) {
			put(&o, MASK, strlen(MASK)); /* too long to inspect: hide it */
			continue;
		}
		if (strstr(elem, "://") == NULL && strchr(elem, '@') != NULL) {
			/* the rest of such a password: "cret@host/" */
			put(&o, MASK, strlen(MASK));
			put(&o, strrchr(elem, '@'), strlen(strrchr(elem, '@')));
			continue;
		}
		if (split_secret(elem)) {
			const char *colon = strchr(strstr(elem, "://") + 3, ':');

			put(&o, elem, (size_t)(colon + 1 - elem));
			put(&o, MASK, strlen(MASK));
			continue;
		}
		jobq_url_mask(elem, masked, sizeof(masked));
		put(&o, masked, strlen(masked));
	}
	return buf;
}
