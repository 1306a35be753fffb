/* URL helpers: masking secrets before a URL is printed or logged, and lists of broker
 * URLs ("amqp://a:5672/,amqp://b:5672/"), one per cluster node. */
#ifndef JOBQ_URL_H
#define JOBQ_URL_H

#include <stddef.h>

/* Copy url into buf with the password of its userinfo ("scheme://user:PASS@host") replaced
 * by "***". Also masks the "password" and "sslpassword" (the client key's passphrase) keys
 * of libpq keyword/value conninfo strings and the query parameters of those names. A URL without a password is copied unchanged. Always
 * NUL-terminates (truncating if needed); returns buf. */
char *jobq_url_mask(const char *url, char *buf, size_t len);

/* Most URLs a broker list may hold (amqp.urls, or commas in JOBQ_AMQP_URL). */
#define JOBQ_URL_LIST_MAX 16

/* Number of comma-separated elements of list (1 when it has no comma; an empty element
 * counts too). 0 for NULL. */
size_t jobq_url_list_count(const char *list);

/* Copy element i of a comma-separated list into buf, without surrounding blanks. Returns
 * its length, or -1 when there is no element i or it does not fit in len - 1 bytes. */
int jobq_url_list_get(const char *list, size_t i, char *buf, size_t len);

/* jobq_url_mask applied to each element of a comma-separated list, rejoined with ",".
 * An element with a ':' in its authority but no '@' and no numeric port after the ':'
 * ("amqp://user:pa" of a password whose unescaped comma split it) is masked after the ':',
 * and one with no scheme but an '@' ("ss@host/", the rest of it) is masked up to the '@'.
 * Always NUL-terminates; returns buf. */
char *jobq_url_mask_list(const char *list, char *buf, size_t len);

#endif
