/* The checks of a new job before it is saved (contract in jobq/submit_check.h). */
#include <jansson.h>
#include <stdbool.h>
#include <string.h>

#include "jobq/duration.h"
#include "jobq/envelope.h"
#include "jobq/parse.h"
#include "jobq/submit_check.h"

int jobq_check_queue(const char *queue, struct jobq_err *err)
{
	if (queue != NULL && jobq_queue_name_express(queue))
		return jobq_err_set(
			err, JOBQ_EINVAL,
			"queue '%.80s' is invalid (a name ending in .express is kept for "
			"express queues)",
			queue);
	if (!jobq_queue_name_valid(queue))
		return jobq_err_set(
			err, JOBQ_EINVAL,
			"queue '%.80s' is invalid (1-64 characters of A-Z a-z 0-9 _ . -)",
			queue != NULL ? queue : "");
	return 0;
}

int jobq_check_job(const char *type, const char *queue, const char *key, struct jobq_err *err)
{
	if (type == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "missing job type");
	if (!jobq_job_type_valid(type))
		return jobq_err_set(
			err, JOBQ_EINVAL,
			"job type '%.80s' is invalid (1-64 characters of A-Z a-z 0-9 _ . : -)",
			type);
	if (queue != NULL && jobq_check_queue(queue, err) != 0)
		return JOBQ_EINVAL;
	if (key != NULL && (strlen(key) == 0 || strlen(key) > 255))
		return jobq_err_set(err, JOBQ_EINVAL, "key must be 1 to 255 characters");
	return 0;
}

int jobq_check_unique_for(int64_t ms, const char *key, struct jobq_err *err)
{
	if (ms < 0 || ms > JOBQ_DURATION_MAX_MS)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "unique_for: %lld ms is not from 1 ms to 365 days",
				    (long long)ms);
	if (ms > 0 && key == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "unique_for needs a key");
	return 0;
}

int jobq_check_payload(const char *text, size_t len, int64_t max, struct jobq_err *err)
{
	json_error_t jerr;
	json_t *v;

	if ((int64_t)len > max)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "payload of %zu bytes exceeds the limit of %lld bytes "
				    "(consumer.max_payload)",
				    len, (long long)max);
	v = json_loadb(text, len, JSON_DECODE_ANY, &jerr);
	if (v == NULL)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "payload is not valid JSON: %s at line %d, column %d",
				    jerr.text, jerr.line, jerr.column);
	json_decref(v);
	return 0;
}

int jobq_check_metadata(const char *text, size_t len, struct jobq_err *err)
{
	json_error_t jerr;
	json_t *v;
	bool object;

	if (len > JOBQ_METADATA_MAX)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "metadata of %zu bytes exceeds the limit of %d bytes", len,
				    JOBQ_METADATA_MAX);
	if ((v = json_loadb(text, len, 0, &jerr)) == NULL)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "metadata is not valid JSON: %s at line %d, column %d",
				    jerr.text, jerr.line, jerr.column);
	object = json_is_object(v);
	json_decref(v);
	return object ? 0 : jobq_err_set(err, JOBQ_EINVAL, "metadata must be a JSON object");
}
