/* The input of `jobq submit` and its checks, and the parser of --batch files: JSON lines,
 * one job each, read into checked inputs before anything is saved (contract in batch.h). */
#include "batch.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "jobq/duration.h"
#include "jobq/limit.h"
#include "jobq/parse.h"
#include "jobq/submit_check.h"

void batch_input_free(struct batch_input *in)
{
	if (in == NULL)
		return;
	free(in->type);
	free(in->payload);
	free(in->queue);
	free(in->key);
	free(in->concurrency_key);
	free(in->metadata);
	in->type = in->payload = in->queue = in->key = in->concurrency_key = in->metadata = NULL;
}

int batch_check_payload(const char *text, size_t len, int64_t max, struct jobq_err *err)
{
	return jobq_check_payload(text, len, max, err);
}

int batch_check_input(const struct batch_input *in, struct jobq_err *err)
{
	int r = jobq_check_job(in->type, in->queue, in->key, err);

	if (r == 0)
		r = jobq_check_unique_for(in->job.unique_for_ms, in->key, err);
	if (r == 0 && in->concurrency_key != NULL)
		r = jobq_check_concurrency_key(in->concurrency_key, err);
	return r;
}

/* A duration field of a batch line: a string with a unit or a number of seconds. */
static int duration_field(json_t *v, const char *field, int64_t *out, struct jobq_err *err)
{
	if (json_is_string(v))
		return jobq_duration_parse(json_string_value(v), out, err) == 0
			       ? 0
			       : jobq_err_prefix(err, "\"%s\"", field);
	if (json_is_number(v) && json_number_value(v) >= 0 &&
	    json_number_value(v) * 1000 <= (double)JOBQ_DURATION_MAX_MS) {
		*out = (int64_t)(json_number_value(v) * 1000 + 0.5);
		return 0;
	}
	return jobq_err_set(err, JOBQ_EINVAL, "\"%s\" must be a duration like \"30s\" or seconds",
			    field);
}

static char *dup_string(json_t *v)
{
	return json_is_string(v) ? strdup(json_string_value(v)) : NULL;
}

int batch_parse_line(const char *line, size_t len, int64_t max_payload, struct batch_input *in,
		     struct jobq_err *err)
{
	json_error_t jerr;
	json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr), *v;
	const char *k;
	int r = 0;

	memset(in, 0, sizeof(*in));
	if (o == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "not valid JSON: %s (column %d)", jerr.text,
				    jerr.column);
	if (!json_is_object(o)) {
		r = jobq_err_set(err, JOBQ_EINVAL, "expected a JSON object");
		goto out;
	}
	json_object_foreach(o, k, v)
	{
		if (strcmp(k, "type") == 0 || strcmp(k, "queue") == 0 || strcmp(k, "key") == 0 ||
		    strcmp(k, "concurrency_key") == 0) {
			char **dst = k[0] == 't'   ? &in->type
				     : k[0] == 'q' ? &in->queue
				     : k[0] == 'c' ? &in->concurrency_key
						   : &in->key;
			if ((*dst = dup_string(v)) == NULL) {
				r = jobq_err_set(err, JOBQ_EINVAL, "\"%s\" must be a string", k);
				goto out;
			}
		} else if (strcmp(k, "payload") == 0) {
			if ((in->payload = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY)) == NULL) {
				r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
				goto out;
			}
			if ((r = batch_check_payload(in->payload, strlen(in->payload), max_payload,
						     err)) != 0)
				goto out;
		} else if (strcmp(k, "metadata") == 0) {
			/* Any JSON object, as libjobq and the SQL API take it; `--meta` and
			 * `list --meta` deal in string values, which @> matches exactly. */
			if (!json_is_object(v)) {
				r = jobq_err_set(err, JOBQ_EINVAL,
						 "\"metadata\" must be a JSON object");
				goto out;
			}
			if ((in->metadata = json_dumps(v, JSON_COMPACT)) == NULL) {
				r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
				goto out;
			}
			if ((r = jobq_check_metadata(in->metadata, strlen(in->metadata), err)) != 0)
				goto out;
		} else if (strcmp(k, "max_attempts") == 0) {
			if (!json_is_integer(v) || json_integer_value(v) < 1 ||
			    json_integer_value(v) > 1000) {
				r = jobq_err_set(
					err, JOBQ_EINVAL,
					"\"max_attempts\" must be a whole number from 1 to 1000");
				goto out;
			}
			in->job.max_attempts = (int)json_integer_value(v);
		} else if (strcmp(k, "priority") == 0) {
			if (!json_is_integer(v) || json_integer_value(v) < 0 ||
			    json_integer_value(v) > 9) {
				r = jobq_err_set(err, JOBQ_EINVAL,
						 "\"priority\" must be a whole number from 0 to 9");
				goto out;
			}
			in->job.priority = (int)json_integer_value(v);
		} else if (strcmp(k, "delay") == 0) {
			if ((r = duration_field(v, k, &in->job.delay_ms, err)) != 0)
				goto out;
		} else if (strcmp(k, "timeout") == 0) {
			if ((r = duration_field(v, k, &in->job.timeout_ms, err)) != 0)
				goto out;
		} else if (strcmp(k, "unique_for") == 0) {
			if ((r = duration_field(v, k, &in->job.unique_for_ms, err)) != 0)
				goto out;
			if (in->job.unique_for_ms == 0) {
				r = jobq_err_set(err, JOBQ_EINVAL,
						 "\"unique_for\" must be more than 0");
				goto out;
			}
		} else {
			r = jobq_err_set(err, JOBQ_EINVAL, "unknown field \"%s\"", k);
			goto out;
		}
	}
	if (in->type == NULL) {
		r = jobq_err_set(err, JOBQ_EINVAL, "missing \"type\"");
		goto out;
	}
	r = batch_check_input(in, err);
out:
	json_decref(o);
	return r;
}

int batch_read_file(FILE *f, const char *name, int64_t max_payload, struct batch_input **out,
		    size_t *nout, struct jobq_err *err)
{
	struct batch_input *ins = NULL;
	size_t n = 0, cap = 0, lineno = 0, linecap = 0;
	char *line = NULL;
	ssize_t len;
	int r = 0;

	while ((len = getline(&line, &linecap, f)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
				   line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = '\0';
		if (len == 0)
			continue;
		if (n == BATCH_MAX_JOBS) {
			r = jobq_err_set(err, JOBQ_EINVAL, "%s:%zu: more than %d jobs in one batch",
					 name, lineno, BATCH_MAX_JOBS);
			goto out;
		}
		if (n == cap) {
			struct batch_input *ni;
			cap = cap ? cap * 2 : 64;
			if ((ni = realloc(ins, cap * sizeof(*ins))) == NULL) {
				r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
				goto out;
			}
			ins = ni;
		}
		if ((r = batch_parse_line(line, (size_t)len, max_payload, &ins[n], err)) != 0) {
			batch_input_free(&ins[n]);
			jobq_err_prefix(err, "%s:%zu", name, lineno);
			goto out;
		}
		ins[n++].line = lineno;
	}
	if (ferror(f)) /* getline() stops at a read error as at the end: not a whole batch */
		r = jobq_err_set(err, JOBQ_EINVAL, "%s:%zu: read error: %s", name, lineno + 1,
				 strerror(errno));
	else if (n == 0)
		r = jobq_err_set(err, JOBQ_EINVAL, "%s: no jobs in the batch", name);
out:
	free(line);
	if (r != 0) {
		for (size_t i = 0; i < n; i++)
			batch_input_free(&ins[i]);
		free(ins);
		return r;
	}
	*out = ins;
	*nout = n;
	return 0;
}

int batch_read(const char *path, int64_t max_payload, struct batch_input **out, size_t *nout,
	       struct jobq_err *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	int r;

	if (f == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "--batch %s: %s", path, strerror(errno));
	r = batch_read_file(f, path, max_payload, out, nout, err);
	if (f != stdin)
		fclose(f);
	return r;
}
