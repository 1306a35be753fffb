/* The job message body on the broker: a small JSON envelope {job_id, type, queue}.
 * The payload itself lives in PostgreSQL. Pure logic, no I/O. */
#ifndef JOBQ_ENVELOPE_H
#define JOBQ_ENVELOPE_H

#include <stdbool.h>
#include <stddef.h>
#include "jobq/err.h"
#include "jobq/ids.h"

#define JOBQ_ENVELOPE_MAX_BYTES 4096 /* anything larger is not one of ours */
#define JOBQ_TYPE_NAME_MAX 64

struct jobq_envelope {
	char job_id[JOBQ_ID_BUF];
	char type[JOBQ_TYPE_NAME_MAX + 1];
	char queue[JOBQ_QUEUE_BUF];
	/* 0..9, not part of the JSON body: > 0 routes the message to the queue's express queue
	 * with the AMQP priority property (docs/design.md §5); decode leaves it 0. */
	int priority;
	/* A job with a concurrency key (migration 0024), not part of the JSON body either: the
	 * relay releases it to the express queue whatever its priority (docs/design.md §5);
	 * decode leaves it false. */
	bool keyed;
};

/* Whether env's message goes to its queue's express queue: a priority or a keyed job, which
 * the relay releases and its submitter never publishes (docs/design.md §5-§6). */
bool jobq_envelope_express(const struct jobq_envelope *env);

/* True if text is a valid job type: 1..64 characters of [A-Za-z0-9_.:-]. */
bool jobq_job_type_valid(const char *text);

/* Build the envelope JSON into buf (NUL-terminated). Returns the length, or JOBQ_EINVAL if
 * a field is invalid or buf is too small. */
int jobq_envelope_encode(const struct jobq_envelope *env, char *buf, size_t len,
			 struct jobq_err *err) JOBQ_WUR;

/* Parse and validate a message. body/len is the raw body (not NUL-terminated);
 * message_id (may be NULL or empty when the property was absent) must equal the body's
 * job_id when given (in either case). out->job_id is the id in lower case, however the
 * body spelled it. JOBQ_EINVAL with the reason ("body is not valid JSON (line 1: ...)",
 * "job_id 'x' is not a UUID", "message_id 'a' disagrees with job_id 'b'", "body of
 * 10485760 bytes exceeds 4096") on anything malformed. */
int jobq_envelope_decode(const void *body, size_t len, const char *message_id,
			 struct jobq_envelope *out, struct jobq_err *err) JOBQ_WUR;

#endif
