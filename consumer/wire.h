/* The worker protocol's lines (docs/handlers.md#the-protocol): parsing one JSON line a
 * handler wrote into a struct wire_msg, and encoding the lines jobq sends. Pure: no I/O,
 * no clock. The same parser reads a persistent child's channel (ids required where the
 * protocol says so) and a command's control descriptor (no ids: WIRE_NO_ID). */
#ifndef JOBQ_CONSUMER_WIRE_H
#define JOBQ_CONSUMER_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jobq/err.h"

/* The protocol version this worker speaks. */
#define WIRE_PROTOCOL 1
/* Longest line accepted from a handler, its '\n' excluded. */
#define WIRE_LINE_MAX (8 * 1024 * 1024)
/* Largest progress value kept (its JSON text); a larger one is ignored with a warning. */
#define WIRE_PROGRESS_MAX (64 * 1024)
/* Most types a `ready` line may list. */
#define WIRE_TYPES_MAX 256

enum wire_op {
	WIRE_READY,
	WIRE_RESULT,
	WIRE_ERROR,
	WIRE_PROGRESS,
	WIRE_LOG,
	WIRE_RETRY_IN, /* a command's control descriptor only */
	WIRE_UNKNOWN,  /* an op this worker does not know: logged once, ignored */
};

/* One parsed line. Strings are malloc'd (wire_msg_free); absent ones are NULL. */
struct wire_msg {
	enum wire_op op;
	char *op_name; /* the op as written (for WIRE_UNKNOWN's log line) */
	char *id;      /* the job id, lower case; NULL when absent */
	char *json;    /* result / progress as compact JSON text; NULL: absent (= null) */
	char *error;   /* error's one-line text (newlines and tabs made spaces) */
	bool permanent;
	int64_t retry_in_ms; /* -1: absent; else clamped to 0 .. 365 days */
	char *level;         /* log: "debug", "info", "warn" or "error" */
	char *msg;           /* log's text, one line */
	int protocol;        /* ready */
	int64_t pid;         /* ready's pid; 0 when absent */
	char **types;        /* ready's types, ntypes of them */
	int ntypes;
	/* Something in an otherwise good line was ignored (a bad retry_in, a progress over
	 * WIRE_PROGRESS_MAX, an unknown log level): one line for the worker's log, or NULL. */
	char *warning;
};

/* Where a line comes from: which ops it may carry and whether they name their job. */
enum wire_origin {
	WIRE_CHILD, /* a persistent handler's channel: result/error/progress need an id */
	WIRE_NO_ID, /* a command's control descriptor: progress, log, retry_in; no id */
};

/* Parse line[0..len) (no trailing newline) into *out. Returns 0, or JOBQ_EINVAL with a
 * one-line err naming what is wrong ("line is not JSON: ...", "op 'result' without an
 * id", ...): a protocol error; *out is then empty. An op this worker does not know, or
 * one the origin does not take, is WIRE_UNKNOWN, not an error. A bad optional field is
 * ignored with out->warning set. */
int wire_parse(const char *line, size_t len, enum wire_origin origin, struct wire_msg *out,
	       struct jobq_err *err);

/* Free what *m holds and empty it. Accepts an empty message. */
void wire_msg_free(struct wire_msg *m);

/* The job line (with its '\n'): {"op":"job","id":..,"type":..,"attempt":..,
 * "max_attempts":..,"payload":<payload as JSON>,"deadline":<unix ms or null>}.
 * deadline_unix_ms <= 0 means none. payload is JSON text (a row's jsonb). Returns a
 * malloc'd string, *len its length; NULL if payload is not JSON or memory ran out. */
char *wire_encode_job(const char *id, const char *type, int attempt, int max_attempts,
		      const char *payload, int64_t deadline_unix_ms, size_t *len);

/* The cancel line (with its '\n'); reason is "cancel", "timeout", "shutdown" or "lost".
 * Returns a malloc'd string, *len its length; NULL when out of memory. */
char *wire_encode_cancel(const char *id, const char *reason, size_t *len);

/* Whether types (n of them) include type. */
bool wire_serves(const struct wire_msg *ready, const char *type);

#endif
