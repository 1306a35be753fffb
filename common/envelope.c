/* Encoding and validation of the job message envelope. */
#include <jansson.h>
#include <string.h>
#include <strings.h>

#include "jobq/envelope.h"
#include "jobq/parse.h"

bool jobq_job_type_valid(const char *text)
{
	size_t n = text != NULL ? strlen(text) : 0;

	if (n == 0 || n > JOBQ_TYPE_NAME_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = text[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '.' || c == ':' || c == '-'))
			return false;
	}
	return true;
}

static int validate(const struct jobq_envelope *env, struct jobq_err *err)
{
	if (!jobq_uuid_valid(env->job_id))
		return jobq_err_set(err, JOBQ_EINVAL, "job_id '%s' is not a UUID", env->job_id);
	if (!jobq_job_type_valid(env->type))
		return jobq_err_set(err, JOBQ_EINVAL, "type '%s' is not a valid job type",
				    env->type);
	if (!jobq_queue_name_valid(env->queue))
		return jobq_err_set(err, JOBQ_EINVAL, "queue '%s' is not a valid queue name",
				    env->queue);
	return 0;
}

bool jobq_envelope_express(const struct jobq_envelope *env)
{
	return env->priority > 0 || env->keyed;
}

int jobq_envelope_encode(const struct jobq_envelope *env, char *buf, size_t len,
			 struct jobq_err *err)
{
	int n, r;

	if ((r = validate(env, err)) != 0)
		return r;
	/* Every field is validated to a character set that needs no JSON escaping. */
	n = snprintf(buf, len, "{\"job_id\":\"%s\",\"type\":\"%s\",\"queue\":\"%s\"}", env->job_id,
		     env->type, env->queue);
	if (n < 0 || (size_t)n >= len)
		return jobq_err_set(err, JOBQ_EINVAL, "envelope does not fit in %zu bytes", len);
	return n;
}

/* Copy a string member into dst (capacity cap incl. NUL); false if absent, not a string,
 * or too long. */
static bool member(json_t *obj, const char *key, char *dst, size_t cap, struct jobq_err *err,
		   int *r)
{
	json_t *v = json_object_get(obj, key);
	const char *s;

	if (v == NULL) {
		*r = jobq_err_set(err, JOBQ_EINVAL, "body has no \"%s\"", key);
		return false;
	}
	if (!json_is_string(v)) {
		*r = jobq_err_set(err, JOBQ_EINVAL, "body's \"%s\" is not a string", key);
		return false;
	}
	s = json_string_value(v);
	if (strlen(s) >= cap || memchr(s, '\0', json_string_length(v)) != NULL) {
		*r = jobq_err_set(err, JOBQ_EINVAL, "body's \"%s\" is too long", key);
		return false;
	}
	memcpy(dst, s, strlen(s) + 1);
	return true;
}

/* Take the literal `lit` at *p, moving past it. */
static bool literal(const char **p, const char *end, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(end - *p) < n || memcmp(*p, lit, n) != 0)
		return false;
	*p += n;
	return true;
}

/* Copy the string value at *p up to its closing quote (not taken) into dst (capacity cap
 * incl. NUL). Only printable ASCII without a backslash: such text means the same to a
 * JSON parser, and anything else (escapes, UTF-8, control characters) is left to one. */
static bool plain(const char **p, const char *end, char *dst, size_t cap)
{
	size_t n = 0;

	for (const char *q = *p; q < end && *q != '"'; q++, n++) {
		unsigned char c = (unsigned char)*q;

		if (n + 1 >= cap || c == '\\' || c < 0x20 || c > 0x7e)
			return false;
	}
	memcpy(dst, *p, n);
	dst[n] = '\0';
	*p += n;
	return true;
}

/* The body exactly as jobq_envelope_encode writes it, read without a parser (and without
 * its allocations): nearly every delivery. False leaves the body to the parser, which
 * then accepts or refuses it with its reason. */
static bool encoded_form(const char *p, size_t len, struct jobq_envelope *out)
{
	const char *end = p + len;

	return literal(&p, end, "{\"job_id\":\"") &&
	       plain(&p, end, out->job_id, sizeof(out->job_id)) &&
	       literal(&p, end, "\",\"type\":\"") && plain(&p, end, out->type, sizeof(out->type)) &&
	       literal(&p, end, "\",\"queue\":\"") &&
	       plain(&p, end, out->queue, sizeof(out->queue)) && literal(&p, end, "\"}") &&
	       p == end;
}

int jobq_envelope_decode(const void *body, size_t len, const char *message_id,
			 struct jobq_envelope *out, struct jobq_err *err)
{
	json_error_t jerr;
	json_t *root = NULL;
	int r = 0;

	memset(out, 0, sizeof(*out));
	if (len > JOBQ_ENVELOPE_MAX_BYTES)
		return jobq_err_set(err, JOBQ_EINVAL, "body of %zu bytes exceeds %d", len,
				    JOBQ_ENVELOPE_MAX_BYTES);
	if (encoded_form(body, len, out))
		goto fields;
	memset(out, 0, sizeof(*out));
	/* jansson rejects invalid UTF-8 and NUL bytes in strings, so neither gets further. */
	root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		r = jobq_err_set(err, JOBQ_EINVAL, "body is not valid JSON (line %d: %s)",
				 jerr.line, jerr.text);
		goto out;
	}
	if (!json_is_object(root)) {
		r = jobq_err_set(err, JOBQ_EINVAL, "body is not a JSON object");
		goto out;
	}
	if (!member(root, "job_id", out->job_id, sizeof(out->job_id), err, &r) ||
	    !member(root, "type", out->type, sizeof(out->type), err, &r) ||
	    !member(root, "queue", out->queue, sizeof(out->queue), err, &r))
		goto out;
fields:
	if ((r = validate(out, err)) != 0)
		goto out;
	/* Its canonical lower-case form: from here on ids are compared byte for byte (with
	 * the database's, with the cancel broadcasts'). */
	if ((r = jobq_parse_uuid(out->job_id, out->job_id, err)) != 0)
		goto out;
	if (message_id != NULL && message_id[0] != '\0' &&
	    strcasecmp(message_id, out->job_id) != 0) {
		r = jobq_err_set(err, JOBQ_EINVAL, "message_id '%.64s' disagrees with job_id '%s'",
				 message_id, out->job_id);
		goto out;
	}
out:
	json_decref(root);
	return r;
}
