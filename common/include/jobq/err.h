/* Error codes and the error buffer every fallible jobq function fills. */
#ifndef JOBQ_ERR_H
#define JOBQ_ERR_H

#include <limits.h>
#include <stddef.h>

#define JOBQ_WUR __attribute__((warn_unused_result))
#define JOBQ_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Status codes: 0 is success, failures are negative. Each maps to a CLI exit status
 * through jobq_err_exit_status(). */
enum {
	JOBQ_OK = 0,
	JOBQ_EINVAL = -1,     /* bad input: flag, config, payload, message, id */
	JOBQ_ENOTFOUND = -2,  /* no such job (or other named object) */
	JOBQ_ETIMEDOUT = -3,  /* a wait ran out of time */
	JOBQ_EBROKER = -4,    /* RabbitMQ unreachable, refused or closed on us */
	JOBQ_EDB = -5,        /* PostgreSQL unreachable or a statement failed */
	JOBQ_ENOMEM = -6,     /* allocation failed */
	JOBQ_ESYS = -7,       /* a system call failed (errno in the message) */
	JOBQ_ECONFLICT = -8,  /* the row was not in a state that allows the change */
	JOBQ_ELOST = -9,      /* a fenced write touched no row: the lease is lost */
	JOBQ_EAGAIN = -10,    /* PostgreSQL gave up on a statement for a passing reason (a
				 * serialization failure, deadlock, cancel, lock or resource
				 * shortage) and it did not commit: it may be run again */
	JOBQ_EINTERNAL = -11, /* jobq disagrees with itself (a statement's result lacks a
				 * column its reader names): a defect, not a passing problem, so
				 * never run again; the statement may have committed */
};

#define JOBQ_ERR_MSG_MAX 512

/* Discard a status on purpose (a best-effort rollback or cleanup); a (void) cast does not
 * silence warn_unused_result in GCC. */
static inline void jobq_ignore(int status)
{
	(void)status;
}

/* Filled at the failure site: code plus a one-line message saying what failed and with
 * which input. Callers may pass NULL where they do not need the detail. */
struct jobq_err {
	int code;
	char msg[JOBQ_ERR_MSG_MAX];
};

/* Set err (if non-NULL) to code and the formatted message, and return code, so that callers
 * can write `return jobq_err_set(err, JOBQ_EINVAL, "...")`. code must be a failure (< 0);
 * one that is not becomes JOBQ_EINTERNAL, so the result is always negative.
 *
 * A macro over jobq_err_fill() and jobq_err_failed(), so that "always negative" is written
 * where the caller's compiler sees it: static analyzers (scan-build, gcc's -fanalyzer) do
 * not look into other files, and without this they follow "error set, returned 0" paths
 * that cannot happen. */
#define jobq_err_set(err, code, ...) jobq_err_failed(jobq_err_fill((err), (code), __VA_ARGS__))

/* What jobq_err_set() does out of line: sets err (if non-NULL) to code, JOBQ_EINTERNAL if
 * code is not negative, and the formatted message; returns that negative code. Call it
 * through jobq_err_set(). */
int jobq_err_fill(struct jobq_err *err, int code, const char *fmt, ...) JOBQ_PRINTF(3, 4);

/* The negative code jobq_err_fill() returned, unchanged (its sign bit is already set),
 * restated so that an analyzer sees the result is negative (jobq_err_set()). Without a
 * branch: clang's analyzer follows only the smallest functions past five nested calls. */
static inline int jobq_err_failed(int code)
{
	return code | INT_MIN;
}

/* Prefix err->msg with "context: " (no-op if err is NULL). Returns err->code or 0. */
int jobq_err_prefix(struct jobq_err *err, const char *fmt, ...) JOBQ_PRINTF(2, 3);

/* Reset err to success with an empty message. Accepts NULL. */
void jobq_err_clear(struct jobq_err *err);

/* Name of a status code ("invalid input", "database error", ...). */
const char *jobq_err_name(int code);

/* CLI exit status for a status code (docs/design.md §9): 2 invalid input, 3 not found,
 * 4 timed out, 5 broker or database unavailable, 1 otherwise. 0 for JOBQ_OK. */
int jobq_err_exit_status(int code);

#endif
