/* Batches with callbacks (jobq/store_batch.h, migration 0051): a batch's submit (open,
 * insert its jobs naming it, seal, in one transaction; a keyed resubmission resolved to
 * its first batch) and the read of its progress. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jobq/store_batch.h"
#include "jobq/deps.h"
#include "store_internal.h"

/* The jobs that already hold the input's keys (ord = the input's index + 1; a key repeated
 * in the input, or none, is NULL), with their batch and whether it has the same callbacks
 * ($2..$6). A key whose unique window is over is free (the insert takes it, 0016). */
static const char SQL_KEYS[] =
	"SELECT k.ord - 1 AS i, k.key, j.id, j.batch_id,"
	" b.id IS NOT NULL"
	" AND b.on_complete_type IS NOT DISTINCT FROM $2::text"
	" AND b.on_complete_payload IS NOT DISTINCT FROM"
	"     CASE WHEN $2::text IS NOT NULL THEN coalesce($3::jsonb, '{}') END"
	" AND b.on_success_type IS NOT DISTINCT FROM $4::text"
	" AND b.on_success_payload IS NOT DISTINCT FROM"
	"     CASE WHEN $4::text IS NOT NULL THEN coalesce($5::jsonb, '{}') END"
	" AND b.callback_queue = coalesce($6::text, 'default') AS same,"
	" coalesce(b.total, 0) AS total "
	"FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS k(key, ord)"
	" JOIN jobs j ON j.idempotency_key = k.key"
	"  AND (j.unique_until IS NULL OR j.unique_until > now())"
	" LEFT JOIN batches b ON b.id = j.batch_id "
	"ORDER BY k.ord";

enum resolve {
	RESOLVE_NEW,
	RESOLVE_SAME,
	RESOLVE_REFUSED
};

/* The keys of jobs as a JSON array, one entry per job: its key where it is the key's first
 * job, else null. NULL when out of memory. */
static char *keys_json(const struct jobq_new_job *jobs, size_t n, const size_t *first)
{
	json_t *a = json_array();
	char *text = NULL;

	if (a == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (json_array_append_new(a, jobs[i].key != NULL && first[i] == i
						     ? json_string(jobs[i].key)
						     : json_null()) != 0)
			goto out;
	text = json_dumps(a, JSON_COMPACT);
out:
	json_decref(a);
	return text;
}

/* Decide from the keys' jobs (res of SQL_KEYS) whether the input is a new batch, the batch
 * those jobs make (its id into batch_id), or refused (err names the job; *bad its index). */
static enum resolve resolve_keys(const PGresult *res, const struct jobq_new_job *jobs, size_t n,
				 const size_t *first, char *batch_id, size_t *bad,
				 struct jobq_err *err)
{
	int rows = PQntuples(res);
	const char *b0;
	size_t keyed = 0, at = 0;

	if (rows == 0)
		return RESOLVE_NEW;
	b0 = PQgetvalue(res, 0, 3);
	for (int k = 0; k < rows; k++) {
		size_t i = (size_t)store_int64(res, k, 0);
		const char *key = PQgetvalue(res, k, 1), *job = PQgetvalue(res, k, 2),
			   *b = PQgetvalue(res, k, 3);

		*bad = i;
		if (PQgetisnull(res, k, 3)) {
			jobq_err_set(err, JOBQ_EINVAL,
				     "key '%.80s' is job %s, which is in no batch (a batch's jobs "
				     "are new jobs)",
				     key, job);
			return RESOLVE_REFUSED;
		}
		if (strcmp(b, b0) != 0) {
			jobq_err_set(err, JOBQ_EINVAL,
				     "key '%.80s' is job %s of batch %s, while other keys are "
				     "batch %s's",
				     key, job, b, b0);
			return RESOLVE_REFUSED;
		}
		if (!store_bool(res, k, 4)) {
			jobq_err_set(err, JOBQ_EINVAL,
				     "key '%.80s' is job %s of batch %s, which has other callbacks",
				     key, job, b);
			return RESOLVE_REFUSED;
		}
	}
	/* Every job keyed, every key one of b0's jobs, and all of them. */
	for (size_t i = 0; i < n; i++) {
		if (jobs[i].key == NULL) {
			*bad = i;
			jobq_err_set(err, JOBQ_EINVAL,
				     "no key, while other keys are jobs of batch %s (a batch "
				     "submitted again must key every job)",
				     b0);
			return RESOLVE_REFUSED;
		}
		if (first[i] != i)
			continue;
		keyed++;
		if (at < (size_t)rows && (size_t)store_int64(res, (int)at, 0) == i) {
			at++;
			continue;
		}
		*bad = i;
		jobq_err_set(err, JOBQ_EINVAL,
			     "key '%.80s' is new, while other keys are jobs of batch %s (a "
			     "batch takes no jobs after its submit)",
			     jobs[i].key, b0);
		return RESOLVE_REFUSED;
	}
	if (store_int64(res, 0, 5) != (int64_t)keyed) {
		*bad = SIZE_MAX;
		jobq_err_set(err, JOBQ_EINVAL,
			     "the keys are %zu of the %lld jobs of batch %s (a batch submitted "
			     "again must hold the same jobs)",
			     keyed, (long long)store_int64(res, 0, 5), b0);
		return RESOLVE_REFUSED;
	}
	store_copy(batch_id, JOBQ_ID_BUF, b0);
	return RESOLVE_SAME;
}

/* One attempt in its own transaction block (the caller rolls back on error). *conflict:
 * a key was taken by a concurrent submit between the look-up and the insert. */
static int attempt(struct jobq_store *st, const struct jobq_batch_callbacks *cb,
		   struct jobq_new_job *jobs, size_t n, const size_t *first, size_t chunk,
		   const struct jobq_deps *deps, int64_t relay_grace_ms, struct jobq_submitted *out,
		   char *batch_id, size_t *bad, bool *conflict, struct jobq_err *err)
{
	const char *cbp[5] = { cb->on_complete_type, cb->on_complete_payload, cb->on_success_type,
			       cb->on_success_payload, cb->queue };
	enum resolve how = RESOLVE_NEW;
	PGresult *res = NULL;
	char *keys = NULL;
	size_t fresh = 0;
	bool any_key = false;
	int r;

	*conflict = false;
	for (size_t i = 0; i < n; i++) {
		jobs[i].batch_id = NULL;
		any_key |= jobs[i].key != NULL;
	}
	if ((r = jobq_store_command(st, "BEGIN", err)) != 0)
		return r;
	if (any_key) {
		const char *p[6] = { NULL, cbp[0], cbp[1], cbp[2], cbp[3], cbp[4] };

		if ((keys = keys_json(jobs, n, first)) == NULL)
			return jobq_err_set(err, JOBQ_ENOMEM, "batch keys: out of memory");
		p[0] = keys;
		r = jobq_store_exec(st, "jobq_batch_keys", SQL_KEYS, 6, p, &res, "batch keys", err);
		free(keys);
		if (r != 0)
			return r;
		how = resolve_keys(res, jobs, n, first, batch_id, bad, err);
		PQclear(res);
		res = NULL;
		if (how == RESOLVE_REFUSED)
			return JOBQ_EINVAL;
	}
	if (how == RESOLVE_NEW) {
		if ((r = jobq_store_exec(st, "jobq_batch_open",
					 "SELECT jobq_batch_open($1::text, $2::jsonb, $3::text,"
					 " $4::jsonb, $5::text)",
					 5, cbp, &res, "open batch", err)) != 0)
			return r;
		store_copy(batch_id, JOBQ_ID_BUF, PQgetvalue(res, 0, 0));
		PQclear(res);
		res = NULL;
		for (size_t i = 0; i < n; i++)
			jobs[i].batch_id = batch_id;
	}
	if ((r = store_submit_in(st, jobs, n, first, chunk, deps, false, relay_grace_ms, out,
				 err)) != 0)
		return r;
	for (size_t i = 0; i < n; i++) {
		if (first[i] != i)
			continue;
		/* a new batch's jobs are all new; a batch found again makes none */
		if (out[i].existed != (how == RESOLVE_SAME)) {
			*conflict = true;
			*bad = i;
			return jobq_err_set(err, JOBQ_EINVAL,
					    "key '%.80s' was taken by another submit meanwhile",
					    jobs[i].key != NULL ? jobs[i].key : "");
		}
		fresh++;
	}
	if (how == RESOLVE_NEW) {
		const char *p[1] = { batch_id };

		if ((r = jobq_store_exec(st, "jobq_batch_seal", "SELECT jobq_batch_seal($1::uuid)",
					 1, p, &res, "seal batch", err)) != 0)
			return r;
		if (store_int64(res, 0, 0) != (int64_t)fresh)
			r = jobq_err_set(err, JOBQ_EDB, "seal batch: %s jobs counted, %zu inserted",
					 PQgetvalue(res, 0, 0), fresh);
		PQclear(res);
		if (r != 0)
			return r;
	}
	return jobq_store_command(st, "COMMIT", err);
}

int jobq_store_batch_submit(struct jobq_store *st, const struct jobq_batch_callbacks *cb,
			    const struct jobq_new_job *jobs, size_t n, int64_t relay_grace_ms,
			    struct jobq_submitted *out, char *batch_id, size_t *bad,
			    struct jobq_err *err)
{
	struct jobq_new_job *copy = NULL;
	struct jobq_deps deps = { 0 };
	size_t *first = NULL, chunk = STORE_SUBMIT_CHUNK, dummy;
	int r = 0;

	if (bad == NULL)
		bad = &dummy;
	*bad = SIZE_MAX;
	if (n == 0)
		return jobq_err_set(err, JOBQ_EINVAL, "a batch needs at least one job");
	if (cb->on_complete_type == NULL && cb->on_success_type == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "a batch needs a callback");
	if ((copy = calloc(n, sizeof(*copy))) == NULL ||
	    (first = store_submit_fold(jobs, n)) == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "insert batch: out of memory");
		goto out;
	}
	memcpy(copy, jobs, n * sizeof(*copy));
	if ((r = store_submit_deps(jobs, n, &deps, err)) != 0)
		goto out;
	/* At most four attempts: the first; one job per statement when the server refused
	 * something (so that the message names the job); once more when a concurrent submit
	 * of the same keys committed first (its batch is then found); once more after a
	 * deadlock or a serialization failure (linking dependencies locks rows that the ends
	 * of jobs lock too). */
	for (int round = 0, conflicts = 0, deadlocks = 0; round < 4; round++) {
		bool conflict = false;

		r = attempt(st, cb, copy, n, first, chunk, &deps, relay_grace_ms, out, batch_id,
			    bad, &conflict, err);
		if (r == 0)
			break;
		store_rollback(st);
		if (conflict && conflicts++ == 0)
			continue;
		if (deps.n > 0 && store_deadlocked(r, err) && deadlocks++ == 0)
			continue;
		if (r == JOBQ_EINVAL && n > 1 && chunk > 1 && *bad == SIZE_MAX) {
			chunk = 1;
			continue;
		}
		if (r == JOBQ_EINVAL && *bad == SIZE_MAX && chunk == 1 &&
		    sscanf(err->msg, "job %zu:", bad) == 1)
			(*bad)--;
		break;
	}
	if (r == 0 || *bad == SIZE_MAX || strncmp(err->msg, "job ", 4) == 0)
		goto out;
	/* Always "job N": a batch's caller maps it to its input (the CLI to FILE:LINE). */
	jobq_err_prefix(err, "job %zu", *bad + 1);
out:
	jobq_deps_free(&deps);
	free(first);
	free(copy);
	return r;
}

int jobq_store_batch_status(struct jobq_store *st, const char *id, struct jobq_batch_status *out,
			    struct jobq_err *err)
{
	static const char sql[] =
		"SELECT b.id, to_char(b.created_at AT TIME ZONE 'UTC',"
		"  'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS created,"
		" to_char(b.completed_at AT TIME ZONE 'UTC',"
		"  'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS completed,"
		" b.total, b.callback_queue,"
		" coalesce(b.on_complete_type, '') AS ct, coalesce(b.on_complete_job::text, '') AS "
		"cj,"
		" coalesce(cj.status, '') AS cs,"
		" coalesce(b.on_success_type, '') AS st, coalesce(b.on_success_job::text, '') AS "
		"sj,"
		" coalesce(sj.status, '') AS ss,"
		/* a completed batch has no job left and its counts of then; an open one: its
		 * unfinished jobs by state, its ended ones from the stripes' tallies (which
		 * pruning cannot change) */
		" CASE WHEN b.completed_at IS NOT NULL THEN 0 ELSE"
		"  (SELECT coalesce(sum(l.jobs_left), 0) FROM batch_left l WHERE l.batch_id = b.id)"
		"  END AS jobs_left,"
		" (SELECT coalesce(jsonb_object_agg(c.status, c.n) FILTER (WHERE c.n > 0), "
		"'{}')::text"
		"  FROM (SELECT j.status, count(*) AS n FROM jobs j WHERE j.batch_id = b.id"
		"    AND b.completed_at IS NULL"
		"    AND j.status NOT IN ('succeeded', 'failed', 'cancelled') GROUP BY j.status"
		"   UNION ALL SELECT x.k, x.v FROM"
		"    (SELECT sum(l.succeeded) AS s, sum(l.failed) AS f, sum(l.cancelled) AS c"
		"     FROM batch_left l WHERE l.batch_id = b.id) t,"
		"    LATERAL (VALUES"
		"     ('succeeded', coalesce(b.succeeded::bigint, t.s::bigint, 0)),"
		"     ('failed', coalesce(b.failed::bigint, t.f::bigint, 0)),"
		"     ('cancelled', coalesce(b.cancelled::bigint, t.c::bigint, 0))) x(k, v)) c)"
		"  AS counts "
		"FROM batches b LEFT JOIN jobs cj ON cj.id = b.on_complete_job"
		" LEFT JOIN jobs sj ON sj.id = b.on_success_job "
		"WHERE b.id = $1::uuid";
	enum {
		ID,
		CREATED,
		COMPLETED,
		TOTAL,
		QUEUE,
		CT,
		CJ,
		CS,
		ST,
		SJ,
		SS,
		LEFT,
		COUNTS,
		NCOLS
	};
	static const char *const names[NCOLS] = {
		"id", "created", "completed", "total", "callback_queue", "ct",    "cj",
		"cs", "st",      "sj",        "ss",    "jobs_left",      "counts"
	};
	const char *p[1] = { id };
	PGresult *res = NULL;
	json_t *counts = NULL, *v;
	const char *k;
	int col[NCOLS];
	int r;

	memset(out, 0, sizeof(*out));
	if ((r = jobq_store_exec(st, "jobq_batch_status", sql, 1, p, &res, "batch status", err)) !=
	    0)
		return r;
	if (PQntuples(res) == 0) {
		r = jobq_err_set(err, JOBQ_ENOTFOUND, "batch %s not found", id);
		goto out;
	}
	if ((r = store_columns(res, names, NCOLS, col, "batch status", err)) != 0)
		goto out;
	store_copy(out->id, sizeof(out->id), PQgetvalue(res, 0, col[ID]));
	store_copy(out->created_at, sizeof(out->created_at), PQgetvalue(res, 0, col[CREATED]));
	store_copy(out->completed_at, sizeof(out->completed_at),
		   PQgetvalue(res, 0, col[COMPLETED]));
	out->total = store_int64(res, 0, col[TOTAL]);
	out->left = store_int64(res, 0, col[LEFT]);
	store_copy(out->queue, sizeof(out->queue), PQgetvalue(res, 0, col[QUEUE]));
	store_copy(out->on_complete.type, sizeof(out->on_complete.type),
		   PQgetvalue(res, 0, col[CT]));
	store_copy(out->on_complete.job_id, sizeof(out->on_complete.job_id),
		   PQgetvalue(res, 0, col[CJ]));
	store_copy(out->on_complete.state, sizeof(out->on_complete.state),
		   PQgetvalue(res, 0, col[CS]));
	store_copy(out->on_success.type, sizeof(out->on_success.type), PQgetvalue(res, 0, col[ST]));
	store_copy(out->on_success.job_id, sizeof(out->on_success.job_id),
		   PQgetvalue(res, 0, col[SJ]));
	store_copy(out->on_success.state, sizeof(out->on_success.state),
		   PQgetvalue(res, 0, col[SS]));
	if ((counts = json_loads(PQgetvalue(res, 0, col[COUNTS]), 0, NULL)) == NULL) {
		r = jobq_err_set(err, JOBQ_EDB, "batch status: counts are not JSON");
		goto out;
	}
	json_object_foreach(counts, k, v)
	{
		enum jobq_status s;
		struct jobq_err ignored = { 0 };

		if (jobq_status_parse(k, &s, &ignored) == 0)
			out->counts[s] = json_integer_value(v);
	}
out:
	json_decref(counts);
	PQclear(res);
	return r;
}
