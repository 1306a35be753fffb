/* Making bytes from outside (a command's stdout and stderr) into text PostgreSQL accepts:
 * valid UTF-8 without NUL. Pure logic, no I/O. */
#ifndef JOBQ_UTF8_H
#define JOBQ_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* The number of bytes (0 to 3) at the start of p[0..n) that continue a character begun
 * before p: where text kept from the end of a longer output should start, so that the cut
 * does not split a character. */
size_t jobq_utf8_cut_start(const char *p, size_t n);

/* The length of p[0..n) without a character cut short at its end (0 to 3 bytes fewer):
 * where text cut to fit a buffer should end, so that the cut does not split a character. */
size_t jobq_utf8_cut_end(const char *p, size_t n);

/* True when p[0..n) is well-formed UTF-8 without NUL (as jobq_utf8_clean would leave it
 * unchanged). */
bool jobq_utf8_valid(const char *p, size_t n);

/* A new NUL-terminated copy of p[0..n) that is valid UTF-8 and holds no NUL: each NUL, and
 * each byte that does not begin a complete, well-formed sequence (a stray continuation
 * byte, an overlong form, a surrogate, a value past U+10FFFF, a sequence cut short),
 * becomes U+FFFD. Its length goes to *out_len if not NULL. The caller frees it; NULL when
 * out of memory. */
char *jobq_utf8_clean(const char *p, size_t n, size_t *out_len);

#endif
