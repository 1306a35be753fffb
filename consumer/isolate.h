/* What a command handler can learn of its worker: the worker's secrets leave its initial
 * environment block, the worker is not dumpable, a handler's child gets an allow-listed
 * environment and, when configured, another user and group (docs/security.md). */
#ifndef JOBQ_ISOLATE_H
#define JOBQ_ISOLATE_H

#include <stdbool.h>
#include <sys/types.h>

#include "jobq/config.h"
#include "jobq/err.h"

/* Most supplementary groups kept for a handler's user. */
#define ISOLATE_MAX_GROUPS 64

/* Who a handler's child runs as: the worker's own identity when `set` is false. */
struct isolate_creds {
	bool set;
	uid_t uid;
	gid_t gid;
	int ngroups;
	gid_t groups[ISOLATE_MAX_GROUPS];
	char home[256], shell[128], user[64]; /* of `user`, for HOME, SHELL, USER, LOGNAME */
};

/* Called once at the start of the worker, before any thread: every JOBQ_* and PG*
 * variable (the broker and database URLs with their passwords, libpq's PGPASSWORD, ...)
 * moves to a heap copy, and its value's bytes in the initial environment block, the one
 * /proc/PID/environ shows, are overwritten. getenv() still finds the copies (a reload and
 * libpq read them again); children never get them (isolate_child_env). Then the process
 * is made non-dumpable: its /proc/PID/{environ,mem,maps} become root's and no process of
 * the same user can ptrace it. Returns 0, or JOBQ_ESYS if prctl failed (err says so). */
int isolate_worker(struct jobq_err *err);

/* The environment of a handler's child (NULL-terminated, heap, free each string and the
 * array): the worker's PATH, HOME, USER, LOGNAME, SHELL, LANG, LANGUAGE, LC_*, TZ, TMPDIR
 * and sanitizer settings; with creds set, HOME, SHELL, USER and LOGNAME of that user; then
 * h->env; then `extra` (NULL-terminated "NAME=value", the job's own variables). A later
 * entry replaces an earlier one of the same name. NULL when out of memory. */
char **isolate_child_env(const struct jobq_handler_config *h, const struct isolate_creds *cr,
			 char *const extra[]);

/* Resolve h->user / h->group into out (out->set false when neither is set): `user` gives
 * its uid, its primary group (unless `group` is set) and its supplementary groups; `group`
 * alone keeps the worker's uid with that one group. Thread-safe. JOBQ_EINVAL for an unknown
 * name, JOBQ_ESYS for a lookup failure; err names the handler key. */
int isolate_creds_resolve(const struct jobq_handler_config *h, struct isolate_creds *out,
			  struct jobq_err *err);

#endif
