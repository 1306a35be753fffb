/* `jobq status`'s dependencies: one read of job_deps in both directions (contract in
 * deps_view.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_util.h"
#include "deps_view.h"
#include "jobq/store.h"

/* Each direction is read in id order, at most DEPS_VIEW_MAX rows, so that a job after which
 * (or a sink before which) a million wait is shown in one short read; a last row, dir
 * "count", carries both directions' totals (id: after, status: dependents) so that the view
 * says how many more there are. */
static const char SQL_DEPS[] =
	"(SELECT 'after' AS dir, d.dep_id::text AS id, p.status, d.any_end FROM job_deps d"
	"  JOIN jobs p ON p.id = d.dep_id WHERE d.job_id = $1::uuid ORDER BY d.dep_id"
	"  LIMIT 1000)"
	" UNION ALL "
	"(SELECT 'dependent', d.job_id::text, w.status, d.any_end FROM job_deps d"
	"  JOIN jobs w ON w.id = d.job_id WHERE d.dep_id = $1::uuid ORDER BY d.job_id"
	"  LIMIT 1000)"
	" UNION ALL "
	"SELECT 'count', (SELECT count(*) FROM job_deps WHERE job_id = $1::uuid)::text,"
	" (SELECT count(*) FROM job_deps WHERE dep_id = $1::uuid)::text, false";

_Static_assert(DEPS_VIEW_MAX == 1000, "SQL_DEPS reads DEPS_VIEW_MAX rows per direction");

/* Rows shown per direction in text. */
#define TEXT_MAX 20

int deps_view_read(struct cli *cli, const char *id, PGresult **out)
{
	const char *p[1] = { id };
	struct jobq_store *st;
	struct jobq_err err;

	*out = NULL;
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_exec(st, NULL, SQL_DEPS, 1, p, out, "read dependencies", &err) != 0)
		return cli_fail_err(cli, &err);
	return 0;
}

static bool is_after(const PGresult *res, int i)
{
	return strcmp(PQgetvalue(res, i, 0), "after") == 0;
}

/* The totals of both directions from the "count" row (0 when absent). */
static void totals(const PGresult *res, long long total[2])
{
	int n = PQntuples(res);

	total[0] = total[1] = 0;
	if (n > 0 && strcmp(PQgetvalue(res, n - 1, 0), "count") == 0) {
		total[0] = strtoll(PQgetvalue(res, n - 1, 1), NULL, 10);
		total[1] = strtoll(PQgetvalue(res, n - 1, 2), NULL, 10);
	}
}

void deps_view_text(const PGresult *res)
{
	int n = PQntuples(res), shown[2] = { 0, 0 };
	long long total[2];

	totals(res, total);
	for (int i = 0; i < n; i++) {
		int k = is_after(res, i) ? 0 : 1;

		if (strcmp(PQgetvalue(res, i, 0), "count") == 0 || shown[k] == TEXT_MAX)
			continue;
		printf("%-15s %s %s%s\n",
		       shown[k] > 0 ? ""
		       : k == 0     ? "after:"
				    : "dependents:",
		       PQgetvalue(res, i, 1), PQgetvalue(res, i, 2),
		       PQgetvalue(res, i, 3)[0] == 't' ? " (any end)" : "");
		shown[k]++;
	}
	for (int k = 0; k < 2; k++)
		if (total[k] > shown[k])
			printf("%-15s ... and %lld more\n", "", total[k] - shown[k]);
}

int deps_view_json(const PGresult *res, json_t *o)
{
	json_t *a[2] = { json_array(), json_array() };
	int n = PQntuples(res);
	long long total[2];

	totals(res, total);
	if (a[0] == NULL || a[1] == NULL)
		goto fail;
	for (int i = 0; i < n; i++) {
		int k = is_after(res, i) ? 0 : 1;
		json_t *e;

		if (strcmp(PQgetvalue(res, i, 0), "count") == 0)
			continue;
		e = json_pack("{s:s, s:s, s:b}", "id", PQgetvalue(res, i, 1), "status",
			      PQgetvalue(res, i, 2), "any_end", PQgetvalue(res, i, 3)[0] == 't');
		if (e == NULL || json_array_append_new(a[k], e) != 0)
			goto fail;
	}
	if (json_object_set_new(o, "after", a[0]) != 0) {
		a[0] = NULL;
		goto fail;
	}
	a[0] = NULL;
	if (json_object_set_new(o, "dependents", a[1]) != 0) {
		a[1] = NULL;
		goto fail;
	}
	a[1] = NULL;
	{
		long long more[2] = {
			total[0] - (long long)json_array_size(json_object_get(o, "after")),
			total[1] - (long long)json_array_size(json_object_get(o, "dependents"))
		};

		if (more[0] < 0)
			more[0] = 0;
		if (more[1] < 0)
			more[1] = 0;
		if (json_object_set_new(o, "after_more", json_integer(more[0])) != 0 ||
		    json_object_set_new(o, "dependents_more", json_integer(more[1])) != 0 ||
		    json_object_set_new(o, "dependents_truncated", json_boolean(more[1] > 0)) != 0)
			return -1;
	}
	return 0;
fail:
	json_decref(a[0]);
	json_decref(a[1]);
	return -1;
}
