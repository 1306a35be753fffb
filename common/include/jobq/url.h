/* URL helpers: masking secrets before a URL is printed or logged. */
#ifndef JOBQ_URL_H
#define JOBQ_URL_H

#include <stddef.h>

/* Copy url into buf with the password of its userinfo ("scheme://user:PASS@host") replaced
 * by "***". Also masks a "password=..." key in libpq keyword/value conninfo strings and a
 * "password=" query parameter. A URL without a password is copied unchanged. Always
 * NUL-terminates (truncating if needed); returns buf. */
char *jobq_url_mask(const char *url, char *buf, size_t len);

#endif
