/* Cancelling jobs (jobq/store_cancel.h): the operator's cancel (a job not yet running →
 * cancelled at once, a running one → its cancel request recorded for the owner to act on)
 * and the cancel of a job that a claim found with a cancel request before it started. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/id_index.h"
#include "jobq/store_cancel.h"
#include "store_internal.h"

int jobq_store_cancel(struct jobq_store *st, const char *const *ids, size_t n, const char *reason,
		      struct jobq_cancel_row *out, struct jobq_err *err)
{
	enum {
		ID,
		STATUS,
		NCOLS
	};
	static const char *const names[NCOLS] = { "id", "status" };
	char *arr = jobq_store_uuid_array(ids, n);
	PGresult *res = NULL;
	int col[NCOLS];
	int r;

	if (arr == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "cancel: out of memory");
	{
		/* jobq_cli_cancel (migration 0008) locks the rows first, so each row it returns
		 * carries the state its write acted on. */
		const char *p[2] = { arr, reason };

		r = jobq_store_exec(st, NULL,
				    "SELECT id, status FROM jobq_cli_cancel($1::uuid[], $2)", 2, p,
				    &res, "cancel", err);
	}
	free(arr);
	if (r != 0)
		return r;
	if ((r = store_columns(res, names, NCOLS, col, "cancel", err)) != 0) {
		PQclear(res);
		return r;
	}
	/* The rows indexed by id, so that each of the n ids (tens of thousands, maybe)
	 * finds its row by binary search. */
	size_t nrows = (size_t)PQntuples(res);
	const char **rowids = malloc((nrows + 1) * sizeof(*rowids));
	struct jobq_id_ref *refs = malloc((nrows + 1) * sizeof(*refs));

	if (rowids == NULL || refs == NULL) {
		free(rowids);
		free(refs);
		PQclear(res);
		return jobq_err_set(err, JOBQ_ENOMEM, "cancel: out of memory");
	}
	for (size_t row = 0; row < nrows; row++)
		rowids[row] = PQgetvalue(res, (int)row, col[ID]);
	jobq_id_refs_build(refs, rowids, nrows);
	for (size_t i = 0; i < n; i++) {
		size_t at = jobq_id_refs_find(refs, nrows, ids[i]);

		memset(&out[i], 0, sizeof(out[i]));
		store_copy(out[i].id, sizeof(out[i].id), ids[i]);
		if (at < nrows) {
			out[i].found = true;
			store_status(res, (int)refs[at].idx, col[STATUS], &out[i].before);
			out[i].requested = out[i].before == JOBQ_RUNNING;
		}
	}
	free(rowids);
	free(refs);
	PQclear(res);
	return 0;
}

int jobq_store_cancel_unstarted(struct jobq_store *st, const char *job_id, const char *reason,
				struct jobq_err *err)
{
	const char *p[2] = { job_id, reason };
	PGresult *res;
	int r;

	r = jobq_store_exec(st, "jobq_cancel_unstarted",
			    "UPDATE jobs SET status = 'cancelled', status_reason = $2,"
			    " finished_at = now(), updated_at = now(),"
			    " cancel_requested_at = COALESCE(cancel_requested_at, now()) "
			    "WHERE id = $1 AND status IN ('scheduled', 'queued')",
			    2, p, &res, "cancel job", err);
	if (r != 0)
		return r;
	r = PQcmdTuples(res)[0] == '1' ? 0 : JOBQ_ECONFLICT;
	PQclear(res);
	return r;
}

int jobq_store_cancel_requested(struct jobq_store *st, const char *worker_id,
				const char *const *ids, size_t n, char (*out)[JOBQ_ID_BUF],
				struct jobq_err *err)
{
	char *arr;
	PGresult *res;
	int r, rows;

	if (n == 0)
		return 0;
	if ((arr = jobq_store_uuid_array(ids, n)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "cancel requests: out of memory");
	{
		const char *p[2] = { arr, worker_id };

		r = jobq_store_exec(st, "jobq_cancel_requested",
				    "SELECT id FROM jobs WHERE id = ANY($1::uuid[])"
				    " AND status = 'running' AND cancel_requested_at IS NOT NULL"
				    " AND worker_id = $2",
				    2, p, &res, "cancel requests", err);
	}
	free(arr);
	if (r != 0)
		return r;
	rows = PQntuples(res);
	for (int i = 0; i < rows && (size_t)i < n; i++)
		store_copy(out[i], JOBQ_ID_BUF, PQgetvalue(res, i, 0));
	PQclear(res);
	return rows < (int)n ? rows : (int)n;
}
