/* The worker protocol's lines: one JSON object per line, parsed with jansson into a
 * struct wire_msg, and the job and cancel lines jobq writes. */
#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/duration.h"
#include "wire.h"

static const struct {
	const char *name;
	enum wire_op op;
	bool child, no_id; /* which origins take it */
} ops[] = {
	{ "ready", WIRE_READY, true, false }, { "result", WIRE_RESULT, true, false },
	{ "error", WIRE_ERROR, true, false }, { "progress", WIRE_PROGRESS, true, true },
	{ "log", WIRE_LOG, true, true },      { "retry_in", WIRE_RETRY_IN, false, true },
};

static void one_line(char *s)
{
	for (char *p = s; p != NULL && *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
}

static void warn(struct wire_msg *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(struct wire_msg *m, const char *fmt, ...)
{
	va_list ap;

	if (m->warning != NULL)
		return; /* the first one says enough */
	va_start(ap, fmt);
	if (vasprintf(&m->warning, fmt, ap) < 0)
		m->warning = NULL;
	va_end(ap);
	one_line(m->warning);
}

/* A string member, copied; non-strings are dumped as JSON. NULL when absent or null. */
static char *text_of(json_t *v)
{
	char *s;

	if (v == NULL || json_is_null(v))
		return NULL;
	s = json_is_string(v) ? strdup(json_string_value(v))
			      : json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	one_line(s);
	return s;
}

/* retry_in: seconds as a number, or a duration string. */
static void parse_retry_in(json_t *v, struct wire_msg *m)
{
	struct jobq_err err = { 0 };
	double d;

	m->retry_in_ms = -1;
	if (v == NULL || json_is_null(v))
		return;
	if (json_is_number(v)) {
		d = json_number_value(v) * 1000.0;
		if (!isfinite(d)) {
			warn(m, "'retry_in' is not a finite number: ignored");
			return;
		}
		m->retry_in_ms = d <= 0                              ? 0
				 : d >= (double)JOBQ_DURATION_MAX_MS ? JOBQ_DURATION_MAX_MS
								     : (int64_t)(d + 0.5);
		return;
	}
	if (json_is_string(v)) {
		if (jobq_duration_parse(json_string_value(v), &m->retry_in_ms, &err) == 0)
			return;
		/* Over 365 days clamps as a number does; anything else is not a duration. */
		m->retry_in_ms = -1;
		warn(m, "'retry_in': %s: ignored", err.msg);
		return;
	}
	warn(m, "'retry_in' is neither a number nor a duration string: ignored");
}

static int fail(struct wire_msg *m, struct jobq_err *err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(struct wire_msg *m, struct jobq_err *err, const char *fmt, ...)
{
	char msg[JOBQ_ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	wire_msg_free(m);
	return jobq_err_set(err, JOBQ_EINVAL, "%s", msg);
}

static int parse_ready(json_t *o, struct wire_msg *m, struct jobq_err *err)
{
	json_t *types = json_object_get(o, "types"), *v;
	size_t i;

	v = json_object_get(o, "protocol");
	if (!json_is_integer(v))
		return fail(m, err, "op 'ready' without an integer 'protocol'");
	m->protocol = json_integer_value(v) > 1000000 ? 1000000 : (int)json_integer_value(v);
	v = json_object_get(o, "pid");
	m->pid = json_is_integer(v) ? json_integer_value(v) : 0;
	if (!json_is_array(types) || json_array_size(types) == 0 ||
	    json_array_size(types) > WIRE_TYPES_MAX)
		return fail(m, err, "op 'ready' needs 'types': an array of 1 to %d strings",
			    WIRE_TYPES_MAX);
	if ((m->types = calloc(json_array_size(types), sizeof(*m->types))) == NULL)
		return fail(m, err, "out of memory");
	json_array_foreach(types, i, v)
	{
		if (!json_is_string(v))
			return fail(m, err, "op 'ready': types[%zu] is not a string", i);
		if ((m->types[m->ntypes++] = strdup(json_string_value(v))) == NULL)
			return fail(m, err, "out of memory");
	}
	return 0;
}

int wire_parse(const char *line, size_t len, enum wire_origin origin, struct wire_msg *out,
	       struct jobq_err *err)
{
	json_error_t jerr;
	json_t *o, *v;
	const char *op;
	size_t i;
	int r = 0;

	memset(out, 0, sizeof(*out));
	out->op = WIRE_UNKNOWN;
	out->retry_in_ms = -1;
	if (len > WIRE_LINE_MAX)
		return fail(out, err, "line of %zu bytes exceeds %d", len, WIRE_LINE_MAX);
	o = json_loadb(line, len, JSON_DECODE_ANY, &jerr);
	if (o == NULL)
		return fail(out, err, "line is not JSON: %s (column %d)", jerr.text, jerr.column);
	if (!json_is_object(o)) {
		json_decref(o);
		return fail(out, err, "line is not a JSON object");
	}
	v = json_object_get(o, "op");
	if (!json_is_string(v)) {
		json_decref(o);
		return fail(out, err, "line has no string 'op'");
	}
	op = json_string_value(v);
	if ((out->op_name = strdup(op)) == NULL) {
		json_decref(o);
		return fail(out, err, "out of memory");
	}
	one_line(out->op_name);
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(ops[i].name, op) == 0 &&
		    (origin == WIRE_CHILD ? ops[i].child : ops[i].no_id))
			out->op = ops[i].op;
	v = json_object_get(o, "id");
	if (origin == WIRE_CHILD && json_is_string(v)) {
		if ((out->id = strdup(json_string_value(v))) == NULL) {
			r = fail(out, err, "out of memory");
			goto out;
		}
		for (char *p = out->id; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	} else if (origin == WIRE_CHILD && v != NULL && !json_is_null(v)) {
		r = fail(out, err, "op '%.64s': 'id' is not a string", out->op_name);
		goto out;
	}
	if (origin == WIRE_CHILD && out->id == NULL &&
	    (out->op == WIRE_RESULT || out->op == WIRE_ERROR || out->op == WIRE_PROGRESS)) {
		r = fail(out, err, "op '%s' without an id", op);
		goto out;
	}
	switch (out->op) {
	case WIRE_READY:
		r = parse_ready(o, out, err);
		break;
	case WIRE_RESULT:
	case WIRE_PROGRESS:
		v = json_object_get(o, out->op == WIRE_RESULT ? "result" : "progress");
		if (v != NULL &&
		    (out->json = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY)) == NULL) {
			r = fail(out, err, "out of memory");
			break;
		}
		if (out->op == WIRE_PROGRESS && out->json != NULL &&
		    strlen(out->json) > WIRE_PROGRESS_MAX) {
			warn(out, "progress of %zu bytes exceeds %d: ignored", strlen(out->json),
			     WIRE_PROGRESS_MAX);
			free(out->json);
			out->json = NULL;
		}
		break;
	case WIRE_ERROR:
		out->error = text_of(json_object_get(o, "error"));
		v = json_object_get(o, "permanent");
		out->permanent = json_is_true(v);
		if (!out->permanent)
			parse_retry_in(json_object_get(o, "retry_in"), out);
		break;
	case WIRE_RETRY_IN:
		parse_retry_in(json_object_get(o, "retry_in"), out);
		break;
	case WIRE_LOG:
		v = json_object_get(o, "level");
		op = json_is_string(v) ? json_string_value(v) : "info";
		if (strcmp(op, "debug") != 0 && strcmp(op, "info") != 0 &&
		    strcmp(op, "warn") != 0 && strcmp(op, "error") != 0) {
			warn(out, "log level '%.32s' is not one of debug, info, warn, error: info",
			     op);
			op = "info";
		}
		out->level = strdup(op);
		out->msg = text_of(json_object_get(o, "msg"));
		if (out->msg == NULL)
			out->msg = strdup("");
		if (out->level == NULL || out->msg == NULL)
			r = fail(out, err, "out of memory");
		break;
	case WIRE_UNKNOWN:
		break;
	}
out:
	json_decref(o);
	return r;
}

void wire_msg_free(struct wire_msg *m)
{
	free(m->op_name);
	free(m->id);
	free(m->json);
	free(m->error);
	free(m->level);
	free(m->msg);
	free(m->warning);
	for (int i = 0; i < m->ntypes; i++)
		free(m->types[i]);
	free(m->types);
	memset(m, 0, sizeof(*m));
	m->op = WIRE_UNKNOWN;
	m->retry_in_ms = -1;
}

bool wire_serves(const struct wire_msg *ready, const char *type)
{
	for (int i = 0; i < ready->ntypes; i++)
		if (strcmp(ready->types[i], type) == 0)
			return true;
	return false;
}

/* o as one line with its '\n'; consumes o. */
static char *line_of(json_t *o, size_t *len)
{
	char *s, *l;
	size_t n;

	if (o == NULL)
		return NULL;
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (s == NULL)
		return NULL;
	n = strlen(s);
	if ((l = realloc(s, n + 2)) == NULL) {
		free(s);
		return NULL;
	}
	l[n] = '\n';
	l[n + 1] = '\0';
	*len = n + 1;
	return l;
}

char *wire_encode_job(const char *id, const char *type, int attempt, int max_attempts,
		      const char *payload, int64_t deadline_unix_ms, size_t *len)
{
	json_t *p = json_loads(payload, JSON_DECODE_ANY, NULL);

	if (p == NULL)
		return NULL;
	return line_of(
		json_pack("{s:s, s:s, s:s, s:i, s:i, s:o, s:o}", "op", "job", "id", id, "type",
			  type, "attempt", attempt, "max_attempts", max_attempts, "payload", p,
			  "deadline",
			  deadline_unix_ms > 0 ? json_integer(deadline_unix_ms) : json_null()),
		len);
}

char *wire_encode_cancel(const char *id, const char *reason, size_t *len)
{
	return line_of(json_pack("{s:s, s:s, s:s}", "op", "cancel", "id", id, "reason", reason),
		       len);
}
