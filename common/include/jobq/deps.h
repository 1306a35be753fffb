/* Job dependencies as a submit gives them: the lists of `after` / `after_any` (job ids, or
 * "#N" for the N-th job of the same submit) read into edges, checked before anything is
 * sent. Pure: no I/O. The database links and releases them (migration 0050). */
#ifndef JOBQ_DEPS_H
#define JOBQ_DEPS_H

#include <stdbool.h>
#include <stddef.h>
#include "jobq/err.h"
#include "jobq/ids.h"

/* The most dependency edges one submit may hold (migration 0050 refuses more too). */
#define JOBQ_DEPS_MAX_EDGES 1000000

/* One edge: job `job` (an index into the submit's jobs) runs after a dependency that is
 * either job `ref` of the same submit (is_ref; ref < job) or the existing job `id`. */
struct jobq_dep_edge {
	size_t job;
	bool is_ref;
	size_t ref;
	char id[JOBQ_ID_BUF];
	bool any_end; /* any end counts as done (after_any), not only a success */
};

/* A growing array of edges; zero-initialise it, free it with jobq_deps_free. */
struct jobq_deps {
	struct jobq_dep_edge *e;
	size_t n, cap;
};

/* Append the edges of list (comma-separated; each item a job id, or "#N" for job N, from 1,
 * of the submit, which must come before job `job` (0-based)) for job `job`, with any_end.
 * NULL or "" adds nothing. Blanks around an item are ignored. JOBQ_EINVAL naming the item
 * and `field` ("after", "after_any") for an empty item, a malformed id, "#N" out of range
 * or not earlier, or more than JOBQ_DEPS_MAX_EDGES edges in d; JOBQ_ENOMEM. On error d
 * keeps the edges it had. */
int jobq_deps_add(struct jobq_deps *d, const char *field, const char *list, size_t job,
		  bool any_end, struct jobq_err *err) JOBQ_WUR;

/* Free d's edges and zero it. Accepts NULL. */
void jobq_deps_free(struct jobq_deps *d);

#endif
