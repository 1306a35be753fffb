/* Finding a helper program of jobq's (jobq-cli for the jobq front end, jobq-exec-shim for
 * jobq-consumer) relative to the running program. libc only: the front end links nothing
 * else. */
#ifndef JOBQ_LIBEXEC_H
#define JOBQ_LIBEXEC_H

#include <stddef.h>

/* Find the helper NAME of the running program: beside it (a build tree), else at RELPATH
 * from its folder (an install tree staged or moved as a whole; RELPATH is where `cmake
 * --install` puts NAME relative to the program's bin folder), else at the absolute ABSPATH
 * (where it was installed). A candidate counts when it is an executable regular file.
 * Returns 0 with its path in out; or -1 with errno set by the last look (ENOENT, EACCES,
 * ...) and out holding the places looked at, for an error message: "A, B or C" (cut to
 * size). */
int jobq_libexec_find(const char *name, const char *relpath, const char *abspath, char *out,
		      size_t size);

#endif
