/* Creating jobs (jobq/store_submit.h): the insert of a batch of new jobs as queued or
 * scheduled, with their idempotency keys folded (and taken from jobs whose unique window is
 * over) and their waiters registered, and the publish mark that records the broker's
 * confirm of their messages. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jobq/deps.h"
#include "jobq/store_submit.h"
#include "store_internal.h"

/* Up to SUBMIT_CHUNK jobs per statement: one INSERT, one plan and one firing of the history
 * trigger for the lot. The rows come as one JSON array of {ord, type, payload (JSON text),
 * queue, max_attempts, delay_ms, at_ms, timeout_ms, key, unique_ms,
 * priority (only when not 0), concurrency_key and batch_id (only when set), waiting (only
 * for a job with dependencies: inserted as waiting, migration 0050), dependents (only for a
 * job that later jobs of the batch run after: inserted with has_dependents, so that the
 * link need not update it, migration 0059)}; each row's result
 * comes back with its ord. A new row carries the id made in `s`; a repeated key's row is
 * the existing job (the key is how its ord is found); a key whose job's window is over
 * was taken from that job just before (expire_keys), so its row is new. Keys are unique
 * within a statement (the caller folds repeats), as ON CONFLICT DO UPDATE cannot touch one
 * row twice in a statement, and rows are inserted in key order, so two batches sharing
 * keys wait for each other rather than deadlock. A repeated key's DO UPDATE (a no-op write
 * of the key) rather than DO NOTHING waits for a concurrent insert of that key to commit
 * and then returns its row, where a separate SELECT would not see it. */
#define SUBMIT_CHUNK STORE_SUBMIT_CHUNK
#define SUBMIT_NAME "jobq_submit"

static const char SQL_SUBMIT[] =
	"WITH s AS MATERIALIZED ("
	"  SELECT gen_random_uuid() AS id, s.ord, s.type, s.payload::jsonb AS payload,"
	"         s.queue, s.max_attempts, s.timeout_ms, s.key, s.unique_ms,"
	"         coalesce(s.metadata::jsonb, '{}'::jsonb) AS metadata,"
	"         coalesce(s.priority, 0) AS priority, s.concurrency_key,"
	"         coalesce(s.waiting, false) AS waiting, s.batch_id,"
	"         coalesce(s.dependents, false) AS dependents,"
	"         CASE WHEN s.at_ms > 0 THEN to_timestamp(s.at_ms / 1000.0)"
	"              ELSE now() + make_interval(secs => s.delay_ms / 1000.0) END AS run_after"
	"  FROM jsonb_to_recordset($1::jsonb) AS s(ord int, type text, payload text, queue text,"
	"       max_attempts int, delay_ms bigint, at_ms bigint, timeout_ms bigint, key text,"
	"       metadata text, unique_ms bigint, priority int, concurrency_key text,"
	"       waiting boolean, batch_id uuid, dependents boolean)),"
	" ins AS ("
	"  INSERT INTO jobs (id, type, payload, queue, max_attempts, run_after, status, timeout,"
	"                    idempotency_key, status_reason, publish_after, job_metadata,"
	"                    unique_until, priority, concurrency_key, has_dependencies,"
	"                    batch_id, has_dependents)"
	"  SELECT id, type, payload, queue, max_attempts, run_after,"
	"         CASE WHEN waiting THEN 'waiting'"
	"              WHEN run_after > now() THEN 'scheduled' ELSE 'queued' END,"
	"         CASE WHEN timeout_ms > 0 THEN make_interval(secs => timeout_ms / 1000.0) END,"
	"         key, 'submitted',"
	"         CASE WHEN run_after > now() OR priority > 0"             /* 0018 */
	"                   OR concurrency_key IS NOT NULL THEN run_after" /* 0024 */
	"              ELSE now() + make_interval(secs => $2::bigint / 1000.0) END, metadata,"
	"         CASE WHEN unique_ms > 0 THEN now() + make_interval(secs => unique_ms / 1000.0) "
	"END,"
	"         priority, concurrency_key, waiting, batch_id, dependents" /* 0050, 0051, 0059 */
	"  FROM s ORDER BY key, ord"
	"  ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL"
	"  DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key"
	"  RETURNING id, type, queue, status, xmax <> 0 AS existed,"
	"            published_at IS NOT NULL AS published, idempotency_key, priority,"
	"            concurrency_key IS NOT NULL AS keyed) "
	"SELECT s.ord, i.id, i.type, i.queue, i.status, i.existed, i.published, i.priority,"
	" i.keyed FROM ins i JOIN s ON s.id = i.id WHERE NOT i.existed "
	"UNION ALL "
	"SELECT s.ord, i.id, i.type, i.queue, i.status, i.existed, i.published, i.priority,"
	" i.keyed"
	" FROM ins i JOIN s ON s.key = i.idempotency_key WHERE i.existed "
	"ORDER BY 1";

struct keyed {
	const char *key;
	size_t i;
};

static int by_key(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : (x->i > y->i) - (x->i < y->i);
}

/* first[i] = the earliest job with jobs[i]'s idempotency key (i itself when it is the
 * first or has no key). 0 or JOBQ_ENOMEM. */
static int fold_keys(const struct jobq_new_job *jobs, size_t n, size_t *first)
{
	struct keyed *ix = calloc(n ? n : 1, sizeof(*ix));
	size_t m = 0;

	if (ix == NULL)
		return JOBQ_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		first[i] = i;
		if (jobs[i].key != NULL)
			ix[m++] = (struct keyed){ jobs[i].key, i };
	}
	qsort(ix, m, sizeof(*ix), by_key);
	for (size_t k = 1; k < m; k++)
		if (strcmp(ix[k].key, ix[k - 1].key) == 0)
			first[ix[k].i] = first[ix[k - 1].i];
	free(ix);
	return 0;
}

static bool has_deps(const struct jobq_new_job *j)
{
	return (j->after != NULL && j->after[0] != '\0') ||
	       (j->after_any != NULL && j->after_any[0] != '\0');
}

/* The row of job j for SQL_SUBMIT; dependent: a later job of the batch runs after it. */
static json_t *submit_item(const struct jobq_new_job *j, size_t ord, bool dependent)
{
	json_t *it = json_pack(
		"{s:I, s:s, s:s, s:s, s:i, s:I, s:I, s:I, s:s?, s:s?, s:I}", "ord", (json_int_t)ord,
		"type", j->type, "payload", j->payload != NULL ? j->payload : "{}", "queue",
		j->queue != NULL ? j->queue : "default", "max_attempts",
		j->max_attempts > 0 ? j->max_attempts : 3, "delay_ms", (json_int_t)j->delay_ms,
		"at_ms", (json_int_t)j->at_unix_ms, "timeout_ms", (json_int_t)j->timeout_ms, "key",
		j->key, "metadata", j->metadata, "unique_ms", (json_int_t)j->unique_for_ms);

	/* Only a priority job names its priority, only a keyed one its key: the others' rows
	 * stay as they were. */
	if (it != NULL &&
	    ((j->priority != 0 &&
	      json_object_set_new(it, "priority", json_integer(j->priority)) != 0) ||
	     (j->concurrency_key != NULL &&
	      json_object_set_new(it, "concurrency_key", json_string(j->concurrency_key)) != 0) ||
	     (has_deps(j) && json_object_set_new(it, "waiting", json_true()) != 0) ||
	     (dependent && json_object_set_new(it, "dependents", json_true()) != 0) ||
	     (j->batch_id != NULL &&
	      json_object_set_new(it, "batch_id", json_string(j->batch_id)) != 0))) {
		json_decref(it);
		return NULL;
	}
	return it;
}

/* Take the keys (a JSON array of strings) from the jobs whose unique window is over, so that
 * the insert that follows makes new jobs for them (migration 0016). */
static int expire_keys(struct jobq_store *st, const char *keys, struct jobq_err *err)
{
	const char *p[1] = { keys };
	PGresult *res = NULL;
	int r;

	r = jobq_store_exec(
		st, "jobq_expire_keys",
		"SELECT jobq_expire_keys(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))", 1, p,
		&res, "expire keys", err);
	PQclear(res);
	return r;
}

/* The jobs whose key is their own (first[i] == i), `chunk` per statement, inside the
 * caller's transaction; fills out[] for them. dependent (NULL: none) marks the jobs that
 * later jobs of the batch run after. With chunk 1 an error names its job. */
static int submit_chunks(struct jobq_store *st, const struct jobq_new_job *jobs, size_t n,
			 const size_t *first, const bool *dependent, size_t chunk, bool wait,
			 int64_t relay_grace_ms, struct jobq_submitted *out, struct jobq_err *err)
{
	size_t *map = calloc(chunk, sizeof(*map));
	const char **ids = calloc(chunk, sizeof(*ids));
	enum {
		ID,
		TYPE,
		QUEUE,
		STATUS,
		EXISTED,
		PUBLISHED,
		PRIORITY,
		KEYED,
		NCOLS
	};
	static const char *const names[NCOLS] = { "id",      "type",      "queue",    "status",
						  "existed", "published", "priority", "keyed" };
	char grace[STORE_I64_LEN], *text = NULL, *arr = NULL;
	PGresult *res = NULL;
	int col[NCOLS];
	int r = 0;

	if (map == NULL || ids == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "insert job: out of memory");
		goto out;
	}
	for (size_t at = 0; at < n;) {
		json_t *items = json_array(), *keys = json_array(), *it;
		size_t m = 0;

		if (items == NULL || keys == NULL) {
			json_decref(items);
			json_decref(keys);
			r = jobq_err_set(err, JOBQ_ENOMEM, "insert job: out of memory");
			goto out;
		}
		for (; at < n && m < chunk; at++) {
			if (first[at] != at)
				continue;
			if ((it = submit_item(&jobs[at], m, dependent != NULL && dependent[at])) ==
				    NULL ||
			    json_array_append_new(items, it) != 0 ||
			    (jobs[at].key != NULL &&
			     json_array_append_new(keys, json_string(jobs[at].key)) != 0)) {
				json_decref(items);
				json_decref(keys);
				r = jobq_err_set(err, JOBQ_EINVAL,
						 "insert job: its type, queue, key "
						 "or payload is not valid UTF-8 text");
				if (n > 1)
					jobq_err_prefix(err, "job %zu", at + 1);
				goto out;
			}
			map[m++] = at;
		}
		text = json_dumps(items, JSON_COMPACT);
		json_decref(items);
		if (text != NULL && json_array_size(keys) > 0) {
			char *kt = json_dumps(keys, JSON_COMPACT);

			json_decref(keys);
			keys = NULL;
			if (kt == NULL) {
				r = jobq_err_set(err, JOBQ_ENOMEM, "insert job: out of memory");
				goto out;
			}
			r = expire_keys(st, kt, err);
			free(kt);
			if (r != 0) {
				if (n > 1 && chunk == 1)
					jobq_err_prefix(err, "job %zu", map[0] + 1);
				goto out;
			}
		}
		json_decref(keys);
		if (text == NULL) {
			r = jobq_err_set(err, JOBQ_ENOMEM, "insert job: out of memory");
			goto out;
		}
		if (m == 0)
			break;
		{
			const char *p[2] = { text, store_i64(grace, relay_grace_ms) };

			r = jobq_store_exec(st, SUBMIT_NAME, SQL_SUBMIT, 2, p, &res, "insert job",
					    err);
		}
		free(text);
		text = NULL;
		if (r != 0) {
			if (n > 1 && chunk == 1)
				jobq_err_prefix(err, "job %zu", map[0] + 1);
			goto out;
		}
		if ((size_t)PQntuples(res) != m) {
			r = jobq_err_set(err, JOBQ_EDB, "insert job: %d rows returned for %zu jobs",
					 PQntuples(res), m);
			goto out;
		}
		if ((r = store_columns(res, names, NCOLS, col, "insert job", err)) != 0)
			goto out;
		/* Row k is the job of ord k (the statement orders by ord). */
		for (size_t row = 0; row < m; row++) {
			struct jobq_submitted *o = &out[map[row]];
			int k = (int)row;

			memset(o, 0, sizeof(*o));
			o->same_as = map[row];
			store_copy(o->env.job_id, sizeof(o->env.job_id),
				   PQgetvalue(res, k, col[ID]));
			store_copy(o->env.type, sizeof(o->env.type), PQgetvalue(res, k, col[TYPE]));
			store_copy(o->env.queue, sizeof(o->env.queue),
				   PQgetvalue(res, k, col[QUEUE]));
			store_status(res, k, col[STATUS], &o->status);
			o->existed = store_bool(res, k, col[EXISTED]);
			o->published = store_bool(res, k, col[PUBLISHED]);
			o->env.priority = (int)store_int64(res, k, col[PRIORITY]);
			o->env.keyed = store_bool(res, k, col[KEYED]);
			ids[row] = o->env.job_id;
		}
		PQclear(res);
		res = NULL;
		if (wait) {
			const char *p[1];

			if ((arr = jobq_store_uuid_array(ids, m)) == NULL) {
				r = jobq_err_set(err, JOBQ_ENOMEM,
						 "register waiter: out of memory");
				goto out;
			}
			p[0] = arr;
			if ((r = jobq_store_exec(st, "jobq_add_waiters",
						 "INSERT INTO job_waiters (job_id) "
						 "SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING",
						 1, p, &res, "register waiter", err)) != 0)
				goto out;
			PQclear(res);
			res = NULL;
			free(arr);
			arr = NULL;
		}
	}
out:
	PQclear(res);
	free(arr);
	free(text);
	free(ids);
	free(map);
	return r;
}

int store_submit_deps(const struct jobq_new_job *jobs, size_t n, struct jobq_deps *d,
		      struct jobq_err *err)
{
	for (size_t i = 0; i < n; i++) {
		int r;

		if ((r = jobq_deps_add(d, "after", jobs[i].after, i, false, err)) != 0 ||
		    (r = jobq_deps_add(d, "after_any", jobs[i].after_any, i, true, err)) != 0) {
			if (n > 1)
				jobq_err_prefix(err, "job %zu", i + 1);
			return r;
		}
	}
	return 0;
}

/* Link the new waiting jobs to their dependencies (jobq_link_deps, migration 0050) inside
 * the caller's transaction, once out[] holds every job's id. A job that existed already (a
 * repeated key) gets no edge. */
static int link_deps(struct jobq_store *st, const struct jobq_deps *d,
		     const struct jobq_submitted *out, struct jobq_err *err)
{
	const char **job_ids = calloc(d->n ? d->n : 1, sizeof(*job_ids));
	const char **dep_ids = calloc(d->n ? d->n : 1, sizeof(*dep_ids));
	char *ja = NULL, *da = NULL, *aa = malloc(d->n * 2 + 3);
	PGresult *res = NULL;
	size_t m = 0, at = 0;
	int r;

	if (job_ids == NULL || dep_ids == NULL || aa == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "link dependencies: out of memory");
		goto out;
	}
	aa[at++] = '{';
	for (size_t k = 0; k < d->n; k++) {
		const struct jobq_dep_edge *e = &d->e[k];

		if (out[e->job].existed)
			continue;
		job_ids[m] = out[e->job].env.job_id;
		dep_ids[m] = e->is_ref ? out[e->ref].env.job_id : e->id;
		if (m > 0)
			aa[at++] = ',';
		aa[at++] = e->any_end ? 't' : 'f';
		m++;
	}
	aa[at++] = '}';
	aa[at] = '\0';
	if (m == 0) {
		r = 0;
		goto out;
	}
	if ((ja = jobq_store_uuid_array(job_ids, m)) == NULL ||
	    (da = jobq_store_uuid_array(dep_ids, m)) == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "link dependencies: out of memory");
		goto out;
	}
	{
		const char *p[3] = { ja, da, aa };

		r = jobq_store_exec(st, NULL,
				    "SELECT jobq_link_deps($1::uuid[], $2::uuid[], $3::boolean[])",
				    3, p, &res, "link dependencies", err);
	}
out:
	PQclear(res);
	free(ja);
	free(da);
	free(aa);
	free(job_ids);
	free(dep_ids);
	return r;
}

bool store_deadlocked(int r, const struct jobq_err *err)
{
	return r == JOBQ_EAGAIN && err != NULL &&
	       (strstr(err->msg, "(SQLSTATE 40P01)") != NULL ||
		strstr(err->msg, "(SQLSTATE 40001)") != NULL ||
		strstr(err->msg, "(SQLSTATE 55P03)") != NULL);
}

int store_submit_in(struct jobq_store *st, const struct jobq_new_job *jobs, size_t n,
		    const size_t *first, size_t chunk, const struct jobq_deps *deps, bool wait,
		    int64_t relay_grace_ms, struct jobq_submitted *out, struct jobq_err *err)
{
	bool *dependent = NULL;
	int r;

	/* The jobs of the batch that later ones name by ref (the job a repeated key's line
	 * stands for: its first line's) */
	if (deps != NULL && deps->n > 0) {
		if ((dependent = calloc(n, sizeof(*dependent))) == NULL)
			return jobq_err_set(err, JOBQ_ENOMEM, "insert job: out of memory");
		for (size_t k = 0; k < deps->n; k++)
			if (deps->e[k].is_ref && deps->e[k].ref < n)
				dependent[first[deps->e[k].ref]] = true;
	}
	r = submit_chunks(st, jobs, n, first, dependent, chunk, wait, relay_grace_ms, out, err);
	free(dependent);
	if (r != 0)
		return r;
	/* A key repeated within the batch is the job its first line made. */
	for (size_t i = 0; i < n; i++)
		if (first[i] != i) {
			out[i] = out[first[i]];
			out[i].existed = true;
		}
	return deps != NULL && deps->n > 0 ? link_deps(st, deps, out, err) : 0;
}

size_t *store_submit_fold(const struct jobq_new_job *jobs, size_t n)
{
	size_t *first = calloc(n ? n : 1, sizeof(*first));

	if (first != NULL && fold_keys(jobs, n, first) != 0) {
		free(first);
		first = NULL;
	}
	return first;
}

static int submit_once(struct jobq_store *st, const struct jobq_new_job *jobs, size_t n,
		       const size_t *first, size_t rows, const struct jobq_deps *deps, bool wait,
		       int64_t relay_grace_ms, struct jobq_submitted *out, struct jobq_err *err)
{
	bool alone;
	int r;

	/* Jobs that fit one statement, with no waiter to register, need no transaction
	 * block: the statement is its own transaction (two round trips fewer). Keys add the
	 * statement of expire_keys before it, which then commits on its own: a key it takes
	 * from a job whose window is over is free either way. Dependencies are linked by a
	 * statement of their own, in the insert's transaction. */
	alone = !wait && rows <= SUBMIT_CHUNK && deps->n == 0;
	if (!alone && (r = jobq_store_command(st, "BEGIN", err)) != 0)
		return r;
	r = store_submit_in(st, jobs, n, first, SUBMIT_CHUNK, deps, wait, relay_grace_ms, out, err);
	if (r == JOBQ_EINVAL && n > 1) {
		/* The server refused something in the batch: insert again one job per statement,
		 * so that the message names the job. */
		if (!alone)
			store_rollback(st);
		alone = false;
		if ((r = jobq_store_command(st, "BEGIN", err)) != 0)
			return r;
		r = store_submit_in(st, jobs, n, first, 1, deps, wait, relay_grace_ms, out, err);
	}
	if (r != 0) {
		if (!alone)
			store_rollback(st);
		return r;
	}
	if (!alone)
		r = jobq_store_command(st, "COMMIT", err);
	return r;
}

int jobq_store_submit(struct jobq_store *st, const struct jobq_new_job *jobs, size_t n, bool wait,
		      int64_t relay_grace_ms, struct jobq_submitted *out, struct jobq_err *err)
{
	size_t *first = store_submit_fold(jobs, n), rows = 0;
	struct jobq_deps deps = { 0 };
	int r;

	if (first == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "insert jobs: out of memory");
	if ((r = store_submit_deps(jobs, n, &deps, err)) != 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		rows += first[i] == i;
	r = submit_once(st, jobs, n, first, rows, &deps, wait, relay_grace_ms, out, err);
	/* Linking locks the dependencies' rows, which the ends of jobs lock too: a deadlock,
	 * a serialization failure or the lock timeout rolled everything back, and a second
	 * run usually passes. */
	if (deps.n > 0 && store_deadlocked(r, err))
		r = submit_once(st, jobs, n, first, rows, &deps, wait, relay_grace_ms, out, err);
out:
	jobq_deps_free(&deps);
	free(first);
	return r;
}

int jobq_store_submit_warm(struct jobq_store *st, struct jobq_err *err)
{
	/* No job, so no row and no grace to speak of. */
	const char *p[2] = { "[]", "0" };

	return jobq_store_send_prepared(st, SUBMIT_NAME, SQL_SUBMIT, 2, p, err);
}

/* The publish mark through `fn` (jobq_mark_published for the relay, jobq_cli_mark_published
 * for the CLI): one code path, two functions with the rights of their callers. */
static int mark_published(struct jobq_store *st, const char *fn, const char *const *ids,
			  const int64_t *tokens, size_t n, struct jobq_err *err)
{
	char *arr, *tokmap = NULL, sql[96];
	PGresult *res = NULL;
	int r;

	if (n == 0)
		return 0;
	arr = jobq_store_uuid_array(ids, n);
	if (arr == NULL || (tokmap = store_token_map(ids, tokens, n)) == NULL) {
		free(arr);
		return jobq_err_set(err, JOBQ_ENOMEM, "mark published: out of memory");
	}
	snprintf(sql, sizeof(sql), "SELECT %s($1::uuid[], $2::jsonb)", fn);
	{
		const char *p[2] = { arr, tokmap };
		/* The write is a function of migration 0010, the only right on the publish
		 * mark that the CLI's and the consumer's roles have. Its rows are found by
		 * primary key (= ANY) and locked in id order; joining an unnest() of the ids
		 * instead let a generic plan compare every pair (a batch of 10,000 took 9 s). */
		r = jobq_store_exec(st, fn, sql, 2, p, &res, "mark published", err);
	}
	PQclear(res);
	free(arr);
	free(tokmap);
	return r;
}

int jobq_store_mark_published(struct jobq_store *st, const char *const *ids, const int64_t *tokens,
			      size_t n, struct jobq_err *err)
{
	return mark_published(st, "jobq_mark_published", ids, tokens, n, err);
}

int jobq_store_cli_mark_published(struct jobq_store *st, const char *const *ids,
				  const int64_t *tokens, size_t n, struct jobq_err *err)
{
	return mark_published(st, "jobq_cli_mark_published", ids, tokens, n, err);
}

/* How long the async publish mark waits for a lock (on the old schema, a worker's claim of
 * the row; since migration 0012 the row is skipped and only a table lock, held by
 * maintenance, can make it wait): the next statement of the session waits behind it. */
#define MARK_LOCK_TIMEOUT_MS "20"

int jobq_store_cli_mark_published_async(struct jobq_store *st, const char *const *ids, size_t n,
					struct jobq_err *err)
{
	char *arr = NULL, *tokmap = NULL;
	int r;

	if (n == 0)
		return 0;
	if ((arr = jobq_store_uuid_array(ids, n)) == NULL ||
	    (tokmap = store_token_map(ids, NULL, n)) == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "mark published: out of memory");
		goto out;
	}
	{
		/* One statement, its own transaction, committed without waiting for the disk: a
		 * mark lost in a crash only has the relay publish the job once more. The
		 * settings are made local to that transaction before the function runs. */
		const char *p[2] = { arr, tokmap };

		r = jobq_store_send_unchecked(
			st,
			"SELECT set_config('synchronous_commit', 'off', true),"
			" set_config('lock_timeout', '" MARK_LOCK_TIMEOUT_MS "', true),"
			" jobq_cli_mark_published($1::uuid[], $2::jsonb)",
			2, p, err);
	}
out:
	free(arr);
	free(tokmap);
	return r;
}
