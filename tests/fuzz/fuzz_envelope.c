/* Fuzz target for jobq_envelope_decode (common/envelope.c): any body either decodes to
 * valid fields that re-encode and decode to the same envelope, or fails with a one-line
 * JOBQ_EINVAL; the message_id check is case-insensitive and exact; a decoded job_id is
 * in lower case; the encoder's form, read without the parser, reads as the parser reads it. */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "fuzz.h"
#include "jobq/envelope.h"
#include "jobq/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MESSAGE_ID_MAX 200

static void check_valid(const struct jobq_envelope *env)
{
	FUZZ_CHECK(memchr(env->job_id, '\0', sizeof(env->job_id)) != NULL);
	FUZZ_CHECK(memchr(env->type, '\0', sizeof(env->type)) != NULL);
	FUZZ_CHECK(memchr(env->queue, '\0', sizeof(env->queue)) != NULL);
	FUZZ_CHECK(jobq_uuid_valid(env->job_id));
	for (size_t i = 0; env->job_id[i] != '\0'; i++) /* the canonical lower-case form */
		FUZZ_CHECK(!(env->job_id[i] >= 'A' && env->job_id[i] <= 'F'));
	FUZZ_CHECK(jobq_job_type_valid(env->type));
	FUZZ_CHECK(jobq_queue_name_valid(env->queue));
}

/* A decoded envelope encodes, and the encoding decodes to the same fields (with and without
 * the matching message_id, in either case); a buffer one byte short is refused. */
static void round_trip(const uint8_t *data, size_t size, const struct jobq_envelope *env)
{
	struct jobq_envelope again;
	struct jobq_err err;
	char buf[JOBQ_ENVELOPE_MAX_BYTES + 1], id[sizeof(env->job_id)];
	size_t i;
	int n, r;

	fuzz_err_poison(&err);
	n = jobq_envelope_encode(env, buf, sizeof(buf), &err);
	FUZZ_CHECK(n > 0 && (size_t)n == strlen(buf));
	r = jobq_envelope_decode(buf, (size_t)n, NULL, &again, &err);
	FUZZ_CHECK(r == 0);
	FUZZ_CHECK(memcmp(env, &again, sizeof(again)) == 0);
	r = jobq_envelope_decode(buf, (size_t)n, env->job_id, &again, &err);
	FUZZ_CHECK(r == 0);
	FUZZ_CHECK(memcmp(env, &again, sizeof(again)) == 0);

	for (i = 0; i < sizeof(id); i++)
		id[i] = (char)toupper((unsigned char)env->job_id[i]);
	r = jobq_envelope_decode(data, size, id, &again, &err);
	FUZZ_CHECK(r == 0);
	FUZZ_CHECK(memcmp(env, &again, sizeof(again)) == 0);

	/* Another UUID is refused. */
	id[0] = id[0] == '0' ? '1' : '0';
	fuzz_err_poison(&err);
	r = jobq_envelope_decode(data, size, id, &again, &err);
	fuzz_check_err(&err, r);
	FUZZ_CHECK(r == JOBQ_EINVAL);

	FUZZ_CHECK(jobq_envelope_encode(env, buf, (size_t)n + 1, &err) == n);
	fuzz_err_poison(&err);
	r = jobq_envelope_encode(env, buf, (size_t)n, &err);
	fuzz_check_err(&err, r);
	FUZZ_CHECK(r == JOBQ_EINVAL);
}

/* Fields taken straight from the input: encode accepts them only if they are valid, and
 * then decoding gives them back. */
static void encode_fields(const uint8_t *data, size_t size)
{
	struct jobq_envelope env, again;
	struct jobq_err err;
	char buf[JOBQ_ENVELOPE_MAX_BYTES + 1];
	char *fields[3] = { env.job_id, env.type, env.queue };
	size_t caps[3] = { sizeof(env.job_id), sizeof(env.type), sizeof(env.queue) };
	size_t i, n, off = 0;
	int r;

	memset(&env, 0, sizeof(env));
	for (i = 0; i < 3; i++) {
		const uint8_t *nl = off < size ? memchr(data + off, '\n', size - off) : NULL;

		n = (nl != NULL ? (size_t)(nl - data) : size) - off;
		if (n >= caps[i])
			n = caps[i] - 1;
		n = strnlen((const char *)data + off, n); /* a C string ends at NUL */
		memcpy(fields[i], data + off, n);
		off = nl != NULL ? (size_t)(nl - data) + 1 : size;
	}
	fuzz_err_poison(&err);
	r = jobq_envelope_encode(&env, buf, sizeof(buf), &err);
	if (r < 0) {
		fuzz_check_err(&err, r);
		FUZZ_CHECK(!jobq_uuid_valid(env.job_id) || !jobq_job_type_valid(env.type) ||
			   !jobq_queue_name_valid(env.queue));
		return;
	}
	FUZZ_CHECK(jobq_envelope_decode(buf, (size_t)r, env.job_id, &again, &err) == 0);
	/* The id comes back in lower case, whatever case it was encoded in. */
	FUZZ_CHECK(jobq_parse_uuid(env.job_id, env.job_id, &err) == 0);
	check_valid(&env);
	FUZZ_CHECK(memcmp(&env, &again, sizeof(again)) == 0);
}

/* The encoder's exact form is read without the JSON parser (envelope.c): the same body
 * behind a space, which only the parser reads, decodes to the same fields or fails too. */
static void parser_agrees(const uint8_t *data, size_t size, int r, const struct jobq_envelope *env)
{
	struct jobq_envelope again;
	struct jobq_err err;
	char *spaced;
	int r2;

	if (size >= JOBQ_ENVELOPE_MAX_BYTES)
		return;
	spaced = malloc(size + 1);
	FUZZ_CHECK(spaced != NULL);
	spaced[0] = ' ';
	if (size > 0)
		memcpy(spaced + 1, data, size);
	fuzz_err_poison(&err);
	r2 = jobq_envelope_decode(spaced, size + 1, NULL, &again, &err);
	FUZZ_CHECK(r2 == r);
	if (r == 0)
		FUZZ_CHECK(memcmp(env, &again, sizeof(again)) == 0);
	else
		fuzz_check_err(&err, r2);
	free(spaced);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jobq_envelope env, other;
	struct jobq_err err;
	char *message_id;
	int r, r2;

	fuzz_err_poison(&err);
	r = jobq_envelope_decode(data, size, NULL, &env, &err);
	if (r != 0) {
		fuzz_check_err(&err, r);
		FUZZ_CHECK(r == JOBQ_EINVAL);
	} else {
		FUZZ_CHECK(size <= JOBQ_ENVELOPE_MAX_BYTES);
		check_valid(&env);
		round_trip(data, size, &env);
	}
	parser_agrees(data, size, r, &env);

	/* The input's own text as the message_id: quoted (shortened) in a mismatch error. */
	message_id = fuzz_cstr(data, size < MESSAGE_ID_MAX ? size : MESSAGE_ID_MAX);
	fuzz_err_poison(&err);
	r2 = jobq_envelope_decode(data, size, message_id, &other, &err);
	if (r2 != 0) {
		fuzz_check_err(&err, r2);
		FUZZ_CHECK(r2 == JOBQ_EINVAL);
	} else {
		FUZZ_CHECK(r == 0);
		FUZZ_CHECK(message_id[0] == '\0' || strcasecmp(message_id, env.job_id) == 0);
		FUZZ_CHECK(memcmp(&env, &other, sizeof(other)) == 0);
	}
	free(message_id);

	encode_fields(data, size);
	return 0;
}
