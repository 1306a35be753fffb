/* Paused queues as the consumer sees them (jobq/store_queue.h): the hold of a refused
 * delivery of a paused queue, and which of a worker's queues are paused. */
#include <stdlib.h>
#include <string.h>

#include "jobq/store_queue.h"
#include "store_internal.h"

#define HOLD_QUEUE_RUNS STORE_QUEUE_RUNS("jobs")
int jobq_store_hold(struct jobq_store *st, const char *job_id, struct jobq_err *err)
{
	const char *p[1] = { job_id };
	PGresult *res;
	int r;

	/* The relay takes rows whose publish_after has passed: now() for a paused queue's,
	 * so that a resume finds the row due at once; 'infinity' for one held by a
	 * concurrency limit (migration 0021), out of the relay's due probe until the limit
	 * release takes it (jobq_store_relay_limit_release). A paused queue's hold leaves
	 * the token alone (nothing was handed out; a late publish mark fails anyway, its
	 * publish_after being past). A limit's raises it: its publish_after is in the
	 * future, so the submitter's or relay's mark of the publish that brought this
	 * delivery, if it lands after the hold, would otherwise mark the held row published
	 * and hide it from the release for good. A limit's hold also sets the reason 'held:
	 * limit' (a refused released job kept 'released', and every flight count of its
	 * scopes walked it: migration 0034). */
	/* jobq_limited locks the job's limit rows (KEY SHARE): evaluated first and once (a
	 * materialized CTE, before the row lock), never in the UPDATE's WHERE, which a
	 * concurrent update of the row (the publish mark) has re-evaluated with the job row
	 * locked: waiting there for a limit row that a claim of another delivery of the job
	 * holds while that claim waits for the job row was a deadlock. The row is found by
	 * its primary key only: status IS NOT DISTINCT FROM 'queued' is `=` for a column that
	 * is never NULL, but no index condition, and `status = 'queued'` let a generic plan
	 * made on statistics that saw no queued job read every queued job through
	 * jobs_status_created (every held job, at each hold). */
	r = jobq_store_exec(st, "jobq_hold",
			    "WITH lim AS MATERIALIZED (SELECT j.id, " STORE_LIMITS_EXIST
			    " AND jobq_limited(j.queue, j.type, j.concurrency_key) AS limited"
			    " FROM jobs j WHERE j.id = $1) "
			    "UPDATE jobs SET published_at = NULL,"
			    " publish_after = CASE WHEN NOT " HOLD_QUEUE_RUNS " THEN now()"
			    " ELSE 'infinity' END, updated_at = now(),"
			    " status_reason = CASE WHEN NOT " HOLD_QUEUE_RUNS " THEN status_reason"
			    " ELSE 'held: limit' END,"
			    " lease_token = lease_token + CASE WHEN NOT " HOLD_QUEUE_RUNS
			    " THEN 0 ELSE 1 END "
			    "FROM lim WHERE jobs.id = $1 AND jobs.id = lim.id"
			    " AND jobs.status IS NOT DISTINCT FROM 'queued'"
			    " AND (NOT " HOLD_QUEUE_RUNS " OR lim.limited)",
			    1, p, &res, "hold job", err);
	if (r != 0)
		return r;
	r = PQcmdTuples(res)[0] == '1' ? 0 : JOBQ_ECONFLICT;
	PQclear(res);
	return r;
}

int jobq_store_queues_paused(struct jobq_store *st, char *const *queues, size_t n, bool *paused,
			     struct jobq_err *err)
{
	size_t len = 3;
	char *arr, *w;
	PGresult *res;
	int r;

	memset(paused, 0, n * sizeof(*paused));
	if (n == 0)
		return 0;
	/* Queue names are [A-Za-z0-9_.-]{1,64} (jobq_queue_name_valid): each quoted as it is. */
	for (size_t i = 0; i < n; i++)
		len += strlen(queues[i]) + 3;
	if ((arr = malloc(len)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "paused queues: out of memory");
	w = arr;
	*w++ = '{';
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(queues[i]);

		if (i > 0)
			*w++ = ',';
		*w++ = '"';
		memcpy(w, queues[i], k);
		w += k;
		*w++ = '"';
	}
	*w++ = '}';
	*w = '\0';
	{
		const char *p[1] = { arr };

		r = jobq_store_exec(st, "jobq_queues_paused",
				    "SELECT name FROM queues WHERE name = ANY($1::text[])"
				    " AND paused_at IS NOT NULL",
				    1, p, &res, "read paused queues", err);
	}
	free(arr);
	if (r != 0)
		return r;
	for (int row = 0; row < PQntuples(res); row++)
		for (size_t i = 0; i < n; i++)
			if (strcmp(queues[i], PQgetvalue(res, row, 0)) == 0)
				paused[i] = true;
	PQclear(res);
	return 0;
}
