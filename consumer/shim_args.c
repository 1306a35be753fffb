/* The shim's CREDS argument, written by the worker and read by the shim (shim.h). */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"

int shim_creds_format(const struct isolate_creds *cr, char *buf, size_t size)
{
	size_t n;
	int r;

	if (cr == NULL || !cr->set)
		r = snprintf(buf, size, "-");
	else
		r = snprintf(buf, size, "%lu:%lu:", (unsigned long)cr->uid, (unsigned long)cr->gid);
	if (r < 0 || (size_t)r >= size)
		return -1;
	n = (size_t)r;
	for (int i = 0; cr != NULL && cr->set && i < cr->ngroups; i++) {
		r = snprintf(buf + n, size - n, "%s%lu", i ? "," : "",
			     (unsigned long)cr->groups[i]);
		if (r < 0 || (size_t)r >= size - n)
			return -1;
		n += (size_t)r;
	}
	return 0;
}

/* One decimal id (no sign, no space, below 2^32 - 1, which is (uid_t)-1: "no change"),
 * followed by `sep`, or by the end of the text when `last` may be; *s moves past it. */
static int id(const char **s, char sep, bool last, unsigned long *out)
{
	char *end;

	if (**s < '0' || **s > '9')
		return -1;
	errno = 0;
	*out = strtoul(*s, &end, 10);
	if (errno != 0 || *out >= UINT32_MAX)
		return -1;
	if (*end != sep && !(last && *end == '\0'))
		return -1;
	*s = end;
	return 0;
}

int shim_creds_parse(const char *s, struct isolate_creds *out)
{
	unsigned long v;

	memset(out, 0, sizeof(*out));
	if (strcmp(s, "-") == 0)
		return 0;
	if (id(&s, ':', false, &v) != 0)
		return -1;
	out->uid = (uid_t)v;
	s++;
	if (id(&s, ':', false, &v) != 0)
		return -1;
	out->gid = (gid_t)v;
	s++;
	while (*s != '\0') {
		if (out->ngroups == ISOLATE_MAX_GROUPS || id(&s, ',', true, &v) != 0)
			return -1;
		out->groups[out->ngroups++] = (gid_t)v;
		if (*s == ',' && *++s == '\0')
			return -1; /* a trailing comma */
	}
	out->set = true;
	return 0;
}
