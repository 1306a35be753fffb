/* Dependency lists of a submit read into edges (contract in jobq/deps.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/deps.h"
#include "jobq/parse.h"

void jobq_deps_free(struct jobq_deps *d)
{
	if (d == NULL)
		return;
	free(d->e);
	memset(d, 0, sizeof(*d));
}

/* One item (len bytes at p, blanks trimmed) into e. */
static int parse_item(const char *field, const char *p, size_t len, size_t job,
		      struct jobq_dep_edge *e, struct jobq_err *err)
{
	char item[72];

	while (len > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	if (len == 0)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "%s: an empty item (ids are separated by "
				    "single commas)",
				    field);
	if (len >= sizeof(item))
		return jobq_err_set(err, JOBQ_EINVAL, "%s: '%.40s...' is not a job id", field, p);
	memcpy(item, p, len);
	item[len] = '\0';
	if (item[0] == '#') {
		char *end;
		unsigned long long k;

		errno = 0;
		k = strtoull(item + 1, &end, 10);
		if (item[1] < '0' || item[1] > '9' || *end != '\0' || errno != 0 || k == 0)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%s: '%s' is not #N (a job number from 1)", field,
					    item);
		if (k > job)
			return jobq_err_set(
				err, JOBQ_EINVAL,
				"%s: '%s' is not an earlier job of this submit (job %zu "
				"may only name jobs #1 to #%zu)",
				field, item, job + 1, job);
		e->is_ref = true;
		e->ref = (size_t)(k - 1);
		return 0;
	}
	if (jobq_parse_uuid(item, e->id, err) != 0)
		return jobq_err_prefix(err, "%s", field);
	e->is_ref = false;
	return 0;
}

int jobq_deps_add(struct jobq_deps *d, const char *field, const char *list, size_t job,
		  bool any_end, struct jobq_err *err)
{
	size_t had = d->n;
	const char *p = list;

	if (list == NULL || list[0] == '\0')
		return 0;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		struct jobq_dep_edge e = { .job = job, .any_end = any_end };
		int r;

		if ((r = parse_item(field, p, len, job, &e, err)) != 0) {
			d->n = had;
			return r;
		}
		if (d->n >= JOBQ_DEPS_MAX_EDGES) {
			d->n = had;
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%s: more than %d dependency edges in one submit",
					    field, JOBQ_DEPS_MAX_EDGES);
		}
		if (d->n == d->cap) {
			size_t cap = d->cap ? d->cap * 2 : 16;
			struct jobq_dep_edge *ne = realloc(d->e, cap * sizeof(*ne));

			if (ne == NULL) {
				d->n = had;
				return jobq_err_set(err, JOBQ_ENOMEM, "%s: out of memory", field);
			}
			d->e = ne;
			d->cap = cap;
		}
		d->e[d->n++] = e;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	return 0;
}
