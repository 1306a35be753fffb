/* The input of `jobq submit` and its checks, and the parser of --batch files: JSON lines,
 * one job each, read into checked inputs before anything is saved (contract in batch.h). */
#include "batch.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "jobq/duration.h"
#include "jobq/ids.h"
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
	free(in->ref);
	free(in->after);
	free(in->after_any);
	in->type = in->payload = in->queue = in->key = in->concurrency_key = in->metadata = NULL;
	in->ref = in->after = in->after_any = NULL;
}

/* A batch line's ref: 1-64 characters of A-Z a-z 0-9 _ . : - (no comma, no '#'). */
static bool ref_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && strchr("_.:-", s[i]) == NULL)
			return false;
	return true;
}

/* Append item to the comma-separated *list. 0 or JOBQ_ENOMEM. */
static int list_append(char **list, const char *item, size_t len, struct jobq_err *err)
{
	size_t had = *list != NULL ? strlen(*list) : 0;
	char *nl = realloc(*list, had + len + 2);

	if (nl == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	if (had > 0)
		nl[had++] = ',';
	memcpy(nl + had, item, len);
	nl[had + len] = '\0';
	*list = nl;
	return 0;
}

int batch_add_after(char **list, const char *option, const char *value, struct jobq_err *err)
{
	const char *p = value;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		char id[JOBQ_ID_BUF], item[72];
		int r;

		if (len == 0 || len >= sizeof(item))
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%s: '%.*s' is not a job id (ids are separated by "
					    "single commas)",
					    option, (int)(len < 40 ? len : 40), p);
		memcpy(item, p, len);
		item[len] = '\0';
		if (jobq_parse_uuid(item, id, err) != 0)
			return jobq_err_prefix(err, "%s", option);
		if ((r = list_append(list, id, strlen(id), err)) != 0)
			return r;
		if (comma == NULL)
			return 0;
		p = comma + 1;
	}
}

/* "after" / "after_any" of a batch line: a string or an array of strings, each a job id or
 * a ref (resolved by resolve_refs), kept comma-separated in *list. */
static int after_field(json_t *v, const char *field, char **list, struct jobq_err *err)
{
	size_t i, n = json_is_array(v) ? json_array_size(v) : 1;

	if (!json_is_string(v) && (!json_is_array(v) || n == 0))
		return jobq_err_set(err, JOBQ_EINVAL,
				    "\"%s\" must be a job id or ref, or a non-empty array of them",
				    field);
	for (i = 0; i < n; i++) {
		json_t *it = json_is_array(v) ? json_array_get(v, i) : v;
		const char *t = json_string_value(it);
		int r;

		if (t == NULL || (!jobq_uuid_valid(t) && !ref_valid(t)))
			return jobq_err_set(err, JOBQ_EINVAL,
					    "\"%s\": %s%.64s%s is neither a job id nor a ref (1-64 "
					    "characters of A-Z a-z 0-9 _ . : -)",
					    field, t != NULL ? "'" : "", t != NULL ? t : "an item",
					    t != NULL ? "'" : "");
		if ((r = list_append(list, t, strlen(t), err)) != 0)
			return r;
	}
	return 0;
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
		} else if (strcmp(k, "ref") == 0) {
			if (!json_is_string(v) || !ref_valid(json_string_value(v)) ||
			    jobq_uuid_valid(json_string_value(v))) {
				r = jobq_err_set(err, JOBQ_EINVAL,
						 "\"ref\" must be 1-64 characters of A-Z a-z 0-9 _ "
						 ". : - (and not a job id)");
				goto out;
			}
			if ((in->ref = strdup(json_string_value(v))) == NULL) {
				r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
				goto out;
			}
		} else if (strcmp(k, "after") == 0 || strcmp(k, "after_any") == 0) {
			if ((r = after_field(v, k, k[5] == '\0' ? &in->after : &in->after_any,
					     err)) != 0)
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

struct named {
	const char *ref;
	size_t i;
};

static int by_ref(const void *a, const void *b)
{
	return strcmp(((const struct named *)a)->ref, ((const struct named *)b)->ref);
}

/* *list of input i with its refs replaced by "#N" (N = the named line's job, from 1). */
static int resolve_list(struct batch_input *ins, size_t i, const struct named *ix, size_t m,
			const char *field, char **list, const char *name, struct jobq_err *err)
{
	char *out = NULL, *p = *list;
	int r = 0;

	if (p == NULL)
		return 0;
	for (;;) {
		char *comma = strchr(p, ',');
		size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		char item[72], num[32];
		struct named key = { item, 0 }, *hit;

		memcpy(item, p, len); /* checked by after_field: under 65 characters */
		item[len] = '\0';
		if (jobq_uuid_valid(item)) {
			r = list_append(&out, item, len, err);
		} else if ((hit = bsearch(&key, ix, m, sizeof(*ix), by_ref)) == NULL) {
			r = jobq_err_set(
				err, JOBQ_EINVAL,
				"%s:%zu: \"%s\": '%s' is neither a job id nor the ref of an "
				"earlier line",
				name, ins[i].line, field, item);
		} else if (hit->i >= i) {
			r = jobq_err_set(err, JOBQ_EINVAL,
					 "%s:%zu: \"%s\": '%s' is the ref of line %zu, not of an "
					 "earlier line",
					 name, ins[i].line, field, item, ins[hit->i].line);
		} else {
			snprintf(num, sizeof(num), "#%zu", hit->i + 1);
			r = list_append(&out, num, strlen(num), err);
		}
		if (r != 0 || comma == NULL)
			break;
		p = comma + 1;
	}
	if (r != 0) {
		free(out);
		return r;
	}
	free(*list);
	*list = out;
	return 0;
}

/* The refs of ins[0..n) in "after" / "after_any" as "#N"; a ref given twice is refused. */
static int resolve_refs(struct batch_input *ins, size_t n, const char *name, struct jobq_err *err)
{
	struct named *ix = calloc(n ? n : 1, sizeof(*ix));
	size_t m = 0;
	int r = 0;

	if (ix == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		if (ins[i].ref != NULL)
			ix[m++] = (struct named){ ins[i].ref, i };
	qsort(ix, m, sizeof(*ix), by_ref);
	for (size_t k = 1; k < m && r == 0; k++)
		if (strcmp(ix[k].ref, ix[k - 1].ref) == 0)
			r = jobq_err_set(
				err, JOBQ_EINVAL, "%s:%zu: \"ref\": '%s' is line %zu's too", name,
				ins[ix[k].i > ix[k - 1].i ? ix[k].i : ix[k - 1].i].line, ix[k].ref,
				ins[ix[k].i > ix[k - 1].i ? ix[k - 1].i : ix[k].i].line);
	for (size_t i = 0; i < n && r == 0; i++)
		if ((r = resolve_list(ins, i, ix, m, "after", &ins[i].after, name, err)) == 0)
			r = resolve_list(ins, i, ix, m, "after_any", &ins[i].after_any, name, err);
	free(ix);
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
	else
		r = resolve_refs(ins, n, name, err);
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
