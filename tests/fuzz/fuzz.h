/* Shared by the fuzz targets: invariant checks that abort with a message libFuzzer shows,
 * and the checks every jobq error buffer must pass. */
#ifndef JOBQ_FUZZ_H
#define JOBQ_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/err.h"

/* A violated invariant is a finding like a crash: print it and abort. */
#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "fuzz: invariant violated: %s (%s:%d)\n", #cond, __FILE__, \
				__LINE__);                                                         \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* Poison an error buffer so that an unterminated or unset message shows. */
static inline void fuzz_err_poison(struct jobq_err *err)
{
	memset(err, 'A', sizeof(*err));
}

/* A failure r filled err: same code, a NUL-terminated, non-empty, one-line message. */
static inline void fuzz_check_err(const struct jobq_err *err, int r)
{
	FUZZ_CHECK(r < 0);
	FUZZ_CHECK(err->code == r);
	FUZZ_CHECK(memchr(err->msg, '\0', sizeof(err->msg)) != NULL);
	FUZZ_CHECK(err->msg[0] != '\0');
	FUZZ_CHECK(strchr(err->msg, '\n') == NULL);
	FUZZ_CHECK(strchr(err->msg, '\r') == NULL);
}

/* The input as a C string (it ends at the first NUL byte, as a C caller would see it).
 * The caller frees it. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	FUZZ_CHECK(s != NULL);
	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
