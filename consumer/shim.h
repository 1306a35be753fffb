/* jobq-exec-shim's command line and descriptors: the contract between the worker, which
 * starts it (shim_spawn.c), and the shim itself (shim.c). libc only: the shim links nothing
 * else. */
#ifndef JOBQ_SHIM_H
#define JOBQ_SHIM_H

#include <stddef.h>

#include "isolate.h"

/* The program's name, beside jobq-consumer or in the install's libexec/jobq. */
#define SHIM_NAME "jobq-exec-shim"

/* The command line: SHIM_NAME WORKER_PID FENCE_FD CREDS -- CMD ARGS...
 * WORKER_PID: the parent the shim must have (else the worker already died); FENCE_FD: the
 * descriptor of the fence page; CREDS: "-" (stay as started) or shim_creds_format's text. */
#define SHIM_ARGC_MIN 6

/* Descriptors of the shim: 0-2 and SHIM_CONTROL_FD are the command's, the fence page is on
 * SHIM_FENCE_FD (closed before the command runs); no other is open. */
#define SHIM_CONTROL_FD 3
#define SHIM_FENCE_FD 4

/* Room for the longest CREDS text: "uid:gid:" and ISOLATE_MAX_GROUPS groups, each at most
 * 10 digits and a comma. */
#define SHIM_CREDS_MAX (2 * 11 + ISOLATE_MAX_GROUPS * 11 + 1)

/* Write cr's uid, gid and groups as "UID:GID:G1,G2,..." (no groups: "UID:GID:") into buf,
 * or "-" when cr is NULL or not set. Returns 0, or -1 when size is too small. */
int shim_creds_format(const struct isolate_creds *cr, char *buf, size_t size);

/* Parse shim_creds_format's text into out (uid, gid, ngroups, groups; `set` true, the
 * names empty); "-" gives out->set false. Returns 0, or -1 for text that is not exactly
 * that form (decimal ids only, at most ISOLATE_MAX_GROUPS groups). */
int shim_creds_parse(const char *s, struct isolate_creds *out);

#endif
