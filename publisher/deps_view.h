/* `jobq status`'s view of a job's dependencies (migration 0050): the jobs it runs after and
 * the jobs that run after it, each with its state. */
#ifndef JOBQ_DEPS_VIEW_H
#define JOBQ_DEPS_VIEW_H

#include <jansson.h>
#include <libpq-fe.h>

#include "cli.h"

/* The most edges read (and shown) per direction for one job; the view says how many more. */
#define DEPS_VIEW_MAX 1000

/* Read job id's edges into *out (PQclear it; rows: dir "after" or "dependent", id, status,
 * any_end; at most DEPS_VIEW_MAX of each direction, then a row "count" with both totals).
 * 0, or the exit status after printing the failure. */
int deps_view_read(struct cli *cli, const char *id, PGresult **out);

/* Print the view as `status` lines: "after:" and "dependents:" (at most 20 of them, then
 * how many more). Nothing for a job with no edge. */
void deps_view_text(const PGresult *res);

/* Add "after" and "dependents" arrays of {"id", "status", "any_end"} (at most
 * DEPS_VIEW_MAX each) to o, "after_more" and "dependents_more" (how many were left out), and
 * "dependents_truncated" (dependents_more > 0). 0 or -1 (out of memory). */
int deps_view_json(const PGresult *res, json_t *o);

#endif
