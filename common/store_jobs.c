/* The job statements of design §4 and §6. Every statement is parameterised; every
 * worker write about a job is fenced by (worker_id, lease_token); times come from now(). */
#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "jobq/fault.h"
#include "jobq/store_jobs.h"

#define I64(buf, v) (snprintf((buf), sizeof(buf), "%lld", (long long)(v)), (buf))

static int status_of(const char *name, enum jobq_status *out)
{
	struct jobq_err ignored;

	return jobq_status_parse(name, out, &ignored);
}

static void copy(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src != NULL ? src : "");
}

static char *dup_or_null(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL : strdup(PQgetvalue(res, row, col));
}

static void rollback(struct jobq_store *st)
{
	struct jobq_err ignored;

	if (jobq_store_ok(st))
		jobq_ignore(jobq_store_command(st, "ROLLBACK", &ignored));
}

/* ---- submit ---------------------------------------------------------------------- */

/* Up to SUBMIT_CHUNK jobs per statement: one INSERT, one plan and one firing of the history
 * trigger for the lot. The rows come as one JSON array of {ord, type, payload (JSON text),
 * queue, max_attempts, delay_ms, at_ms, timeout_ms, key}; each row's result comes back with
 * its ord. A new row carries the id made in `s`; a repeated key's row is the existing job
 * (the key is how its ord is found). Keys are unique within a statement (the caller folds
 * repeats), as ON CONFLICT DO UPDATE cannot touch one row twice in a statement, and
 * rows are inserted in key order, so two batches sharing keys wait for each other rather
 * than deadlock. A repeated key's DO UPDATE (a no-op write of the key) rather than DO
 * NOTHING waits for a concurrent insert of that key to commit and then returns its row,
 * where a separate SELECT would not see it. */
#define SUBMIT_CHUNK 1000

static const char SQL_SUBMIT[] =
	"WITH s AS MATERIALIZED ("
	"  SELECT gen_random_uuid() AS id, s.ord, s.type, s.payload::jsonb AS payload,"
	"         s.queue, s.max_attempts, s.timeout_ms, s.key,"
	"         CASE WHEN s.at_ms > 0 THEN to_timestamp(s.at_ms / 1000.0)"
	"              ELSE now() + make_interval(secs => s.delay_ms / 1000.0) END AS run_after"
	"  FROM jsonb_to_recordset($1::jsonb) AS s(ord int, type text, payload text, queue text,"
	"       max_attempts int, delay_ms bigint, at_ms bigint, timeout_ms bigint, key text)),"
	" ins AS ("
	"  INSERT INTO jobs (id, type, payload, queue, max_attempts, run_after, status, timeout,"
	"                    idempotency_key, status_reason, publish_after)"
	"  SELECT id, type, payload, queue, max_attempts, run_after,"
	"         CASE WHEN run_after > now() THEN 'scheduled' ELSE 'queued' END,"
	"         CASE WHEN timeout_ms > 0 THEN make_interval(secs => timeout_ms / 1000.0) END,"
	"         key, 'submitted',"
	"         CASE WHEN run_after > now() THEN run_after"
	"              ELSE now() + make_interval(secs => $2::bigint / 1000.0) END"
	"  FROM s ORDER BY key, ord"
	"  ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL"
	"  DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key"
	"  RETURNING id, type, queue, status, xmax <> 0 AS existed,"
	"            published_at IS NOT NULL AS published, idempotency_key) "
	"SELECT s.ord, i.id, i.type, i.queue, i.status, i.existed, i.published"
	" FROM ins i JOIN s ON s.id = i.id WHERE NOT i.existed "
	"UNION ALL "
	"SELECT s.ord, i.id, i.type, i.queue, i.status, i.existed, i.published"
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
	struct keyed *ix = malloc((n ? n : 1) * sizeof(*ix));
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

static json_t *submit_item(const struct jobq_new_job *j, size_t ord)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:i, s:I, s:I, s:I, s:s?}", "ord", (json_int_t)ord,
			 "type", j->type, "payload", j->payload != NULL ? j->payload : "{}",
			 "queue", j->queue != NULL ? j->queue : "default",
			 "max_attempts", j->max_attempts > 0 ? j->max_attempts : 3,
			 "delay_ms", (json_int_t)j->delay_ms, "at_ms", (json_int_t)j->at_unix_ms,
			 "timeout_ms", (json_int_t)j->timeout_ms, "key", j->key);
}

/* The jobs whose key is their own (first[i] == i), `chunk` per statement, inside the
 * caller's transaction; fills out[] for them. With chunk 1 an error names its job. */
static int submit_chunks(struct jobq_store *st, const struct jobq_new_job *jobs, size_t n,
			 const size_t *first, size_t chunk, bool wait, int64_t relay_grace_ms,
			 struct jobq_submitted *out, struct jobq_err *err)
{
	size_t *map = malloc(chunk * sizeof(*map));
	const char **ids = malloc(chunk * sizeof(*ids));
	char grace[24], *text = NULL, *arr = NULL;
	PGresult *res = NULL;
	int r = 0;

	if (map == NULL || ids == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "insert job: out of memory");
		goto out;
	}
	for (size_t at = 0; at < n;) {
		json_t *items = json_array(), *it;
		size_t m = 0;

		if (items == NULL) {
			r = jobq_err_set(err, JOBQ_ENOMEM, "insert job: out of memory");
			goto out;
		}
		for (; at < n && m < chunk; at++) {
			if (first[at] != at)
				continue;
			if ((it = submit_item(&jobs[at], m)) == NULL ||
			    json_array_append_new(items, it) != 0) {
				json_decref(items);
				r = jobq_err_set(err, JOBQ_EINVAL, "insert job: its type, queue, key "
						 "or payload is not valid UTF-8 text");
				if (n > 1)
					jobq_err_prefix(err, "job %zu", at + 1);
				goto out;
			}
			map[m++] = at;
		}
		text = json_dumps(items, JSON_COMPACT);
		json_decref(items);
		if (text == NULL) {
			r = jobq_err_set(err, JOBQ_ENOMEM, "insert job: out of memory");
			goto out;
		}
		if (m == 0)
			break;
		{
			const char *p[2] = { text, I64(grace, relay_grace_ms) };

			r = jobq_store_exec(st, "jobq_submit", SQL_SUBMIT, 2, p, &res, "insert job",
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
		for (size_t row = 0; row < m; row++) {
			struct jobq_submitted *o = &out[map[row]];

			memset(o, 0, sizeof(*o));
			o->same_as = map[row];
			copy(o->env.job_id, sizeof(o->env.job_id), PQgetvalue(res, (int)row, 1));
			copy(o->env.type, sizeof(o->env.type), PQgetvalue(res, (int)row, 2));
			copy(o->env.queue, sizeof(o->env.queue), PQgetvalue(res, (int)row, 3));
			(void)status_of(PQgetvalue(res, (int)row, 4), &o->status);
			o->existed = PQgetvalue(res, (int)row, 5)[0] == 't';
			o->published = PQgetvalue(res, (int)row, 6)[0] == 't';
			ids[row] = o->env.job_id;
		}
		PQclear(res);
		res = NULL;
		if (wait) {
			const char *p[1];

			if ((arr = jobq_store_uuid_array(ids, m)) == NULL) {
				r = jobq_err_set(err, JOBQ_ENOMEM, "register waiter: out of memory");
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

int jobq_store_submit(struct jobq_store *st, const struct jobq_new_job *jobs, size_t n,
		      bool wait, int64_t relay_grace_ms, struct jobq_submitted *out, struct jobq_err *err)
{
	size_t *first = calloc(n ? n : 1, sizeof(*first));
	int r;

	if (first == NULL || fold_keys(jobs, n, first) != 0) {
		free(first);
		return jobq_err_set(err, JOBQ_ENOMEM, "insert jobs: out of memory");
	}
	if ((r = jobq_store_command(st, "BEGIN", err)) != 0)
		goto out;
	r = submit_chunks(st, jobs, n, first, SUBMIT_CHUNK, wait, relay_grace_ms, out, err);
	if (r == JOBQ_EINVAL && n > 1) {
		/* The server refused something in the batch: insert again one job per statement,
		 * so that the message names the job. */
		rollback(st);
		if ((r = jobq_store_command(st, "BEGIN", err)) != 0)
			goto out;
		r = submit_chunks(st, jobs, n, first, 1, wait, relay_grace_ms, out, err);
	}
	if (r != 0) {
		rollback(st);
		goto out;
	}
	/* A key repeated within the batch is the job its first line made. */
	for (size_t i = 0; i < n; i++)
		if (first[i] != i) {
			out[i] = out[first[i]];
			out[i].existed = true;
		}
	r = jobq_store_command(st, "COMMIT", err);
out:
	free(first);
	return r;
}

/* A JSON object {"id": value, ...}: the lease token each row must still hold (or the
 * claim id to record), looked up per row (jsonb objects are sorted: a binary search), so
 * no plan can turn the match into an n x n join. Keys are lower case, as id::text is; an
 * id listed twice keeps its first value (jsonb keeps the last of repeated keys, so the
 * pairs are written last to first). malloc'd; NULL when out of memory. */
static char *token_map(const char *const *ids, const int64_t *values, size_t n)
{
	char *m = malloc(n * 64 + 3), *w = m;

	if (m == NULL)
		return NULL;
	*w++ = '{';
	for (size_t i = n; i-- > 0;) {
		if (i + 1 < n)
			*w++ = ',';
		*w++ = '"';
		for (size_t c = 0; c < 36 && ids[i][c] != '\0'; c++)
			*w++ = (char)tolower((unsigned char)ids[i][c]);
		w += sprintf(w, "\":%lld", values != NULL ? (long long)values[i] : 0LL);
	}
	strcpy(w, "}");
	return m;
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
	if (arr == NULL || (tokmap = token_map(ids, tokens, n)) == NULL) {
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

int jobq_store_mark_published(struct jobq_store *st, const char *const *ids,
			      const int64_t *tokens, size_t n, struct jobq_err *err)
{
	return mark_published(st, "jobq_mark_published", ids, tokens, n, err);
}

int jobq_store_cli_mark_published(struct jobq_store *st, const char *const *ids,
				  const int64_t *tokens, size_t n, struct jobq_err *err)
{
	return mark_published(st, "jobq_cli_mark_published", ids, tokens, n, err);
}

/* ---- claim and takeover ------------------------------------------------------------ */

#define CLAIM_COLUMNS                                                                     \
	" id, type, queue, payload::text, attempt, max_attempts,"                          \
	" COALESCE((extract(epoch FROM timeout) * 1000)::bigint, 0), status,"            \
	" extract(epoch FROM now() - run_after), lease_token, claim_id"
#define CLAIM_RETURNING " RETURNING" CLAIM_COLUMNS

/* A claim from the CLAIM_RETURNING columns of `row`, starting at column `c`. */
static int fill_claim(PGresult *res, int row, int c, struct jobq_claim *out,
		      struct jobq_err *err)
{
	memset(out, 0, sizeof(*out));
	copy(out->id, sizeof(out->id), PQgetvalue(res, row, c));
	copy(out->type, sizeof(out->type), PQgetvalue(res, row, c + 1));
	copy(out->queue, sizeof(out->queue), PQgetvalue(res, row, c + 2));
	out->attempt = atoi(PQgetvalue(res, row, c + 4));
	out->max_attempts = atoi(PQgetvalue(res, row, c + 5));
	out->timeout_ms = strtoll(PQgetvalue(res, row, c + 6), NULL, 10);
	out->wait_s = strtod(PQgetvalue(res, row, c + 8), NULL);
	out->token = strtoll(PQgetvalue(res, row, c + 9), NULL, 10);
	if ((out->payload = strdup(PQgetvalue(res, row, c + 3))) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "claim: out of memory");
	return 0;
}

int jobq_store_claim(struct jobq_store *st, const char *job_id, const char *worker_id,
		     int64_t lease_ms, int64_t claim_id, struct jobq_claim *out,
		     struct jobq_err *err)
{
	struct jobq_claim_req req = { .job_id = job_id, .claim_id = claim_id };
	int r;

	if ((r = jobq_store_write_many(st, worker_id, lease_ms, &req, 1, NULL, 0, err)) != 0)
		return r;
	*out = req.out;
	return req.r;
}

/* Taking a job from a dead owner or an expired lease. The UPDATE re-checks what the
 * decision rested on — the owner's lease token and, unless its session is known gone, that
 * the lease is still expired — so an owner whose heartbeat landed meanwhile keeps its job,
 * and raises the token, which refuses every later write of the old owner. A
 * job with a cancel request is cancelled instead of run; one whose attempts are used up
 * fails with "worker lost". */
static const char SQL_TAKEOVER[] =
	"UPDATE jobs SET"
	" status = CASE WHEN cancel_requested_at IS NOT NULL THEN 'cancelled'"
	"               WHEN attempt >= max_attempts THEN 'failed' ELSE 'running' END,"
	" status_reason = CASE WHEN cancel_requested_at IS NOT NULL"
	"                      THEN 'cancelled: owner lost before it stopped'"
	"                      WHEN attempt >= max_attempts THEN 'worker lost; attempts used up'"
	"                      WHEN $5::bool THEN 'taken over: owner''s session gone'"
	"                      ELSE 'taken over: owner''s lease expired' END,"
	" error = CASE WHEN cancel_requested_at IS NOT NULL THEN error"
	"              ELSE 'worker lost: ' || CASE WHEN $5::bool THEN 'worker ' || worker_id ||"
	"                   ' died' ELSE 'lease of worker ' || worker_id || ' expired' END END,"
	" finished_at = CASE WHEN cancel_requested_at IS NOT NULL OR attempt >= max_attempts"
	"               THEN now() END,"
	" worker_id = CASE WHEN cancel_requested_at IS NOT NULL OR attempt >= max_attempts"
	"             THEN worker_id ELSE $4 END,"
	" attempt = CASE WHEN cancel_requested_at IS NOT NULL OR attempt >= max_attempts"
	"           THEN attempt ELSE attempt + 1 END,"
	" lease_token = lease_token + 1, claim_id = $7::bigint,"
	" heartbeat_at = now(),"
	" lease_expires_at = CASE WHEN cancel_requested_at IS NOT NULL OR attempt >= max_attempts"
	"                    THEN NULL ELSE now() + make_interval(secs => $6::bigint / 1000.0) END,"
	" started_at = now(), updated_at = now() "
	"WHERE id = $1 AND status = 'running' AND worker_id = $2 AND lease_token = $3::bigint"
	" AND ($5::bool OR lease_expires_at < now())"
	CLAIM_RETURNING;

int jobq_store_takeover(struct jobq_store *st, const char *job_id, const char *prev_worker,
			int64_t prev_token, bool owner_dead, const char *worker_id,
			int64_t lease_ms, int64_t claim_id, struct jobq_claim *out,
			struct jobq_err *err)
{
	char tok[24], lease[24], cid[24];
	const char *p[7] = { job_id, prev_worker, I64(tok, prev_token), worker_id,
			     owner_dead ? "true" : "false", I64(lease, lease_ms), I64(cid, claim_id) };
	PGresult *res;
	int r;

	if ((r = jobq_store_exec(st, "jobq_takeover", SQL_TAKEOVER, 7, p, &res, "take over",
				 err)) != 0)
		return r;
	if (PQntuples(res) == 0 || strcmp(PQgetvalue(res, 0, 7), "running") != 0)
		r = JOBQ_ECONFLICT;
	else
		r = fill_claim(res, 0, 0, out, err);
	PQclear(res);
	return r;
}

int jobq_store_claimed(struct jobq_store *st, const char *job_id, const char *worker_id,
		       int64_t claim_id, struct jobq_claim *out, int64_t *lease_left_ms,
		       struct jobq_err *err)
{
	char cid[24];
	const char *p[3] = { job_id, worker_id, I64(cid, claim_id) };
	PGresult *res;
	int r;

	if ((r = jobq_store_exec(st, "jobq_claimed",
				 "SELECT" CLAIM_COLUMNS ","
				 " floor(extract(epoch FROM lease_expires_at - now()) * 1000)::bigint"
				 " FROM jobs WHERE id = $1 AND status = 'running'"
				 " AND worker_id = $2 AND claim_id = $3::bigint",
				 3, p, &res, "read own claim", err)) != 0)
		return r;
	r = PQntuples(res) == 1 ? fill_claim(res, 0, 0, out, err) : JOBQ_ECONFLICT;
	if (r == 0)
		*lease_left_ms = strtoll(PQgetvalue(res, 0, 11), NULL, 10);
	PQclear(res);
	return r;
}

void jobq_claim_release(struct jobq_claim *c)
{
	if (c == NULL)
		return;
	free(c->payload);
	c->payload = NULL;
}

int jobq_store_job_row(struct jobq_store *st, const char *job_id, struct jobq_job_row *out,
		       struct jobq_err *err)
{
	const char *p[1] = { job_id };
	PGresult *res;
	int r;

	memset(out, 0, sizeof(*out));
	r = jobq_store_exec(st, "jobq_job_row",
			    "SELECT status, COALESCE(worker_id, ''), attempt, max_attempts,"
			    " cancel_requested_at IS NOT NULL, run_after <= now(),"
			    " status = 'running' AND lease_expires_at < now(), lease_token,"
			    " COALESCE(claim_id, 0) "
			    "FROM jobs WHERE id = $1",
			    1, p, &res, "read job", err);
	if (r != 0)
		return r;
	if (PQntuples(res) == 1) {
		out->found = true;
		(void)status_of(PQgetvalue(res, 0, 0), &out->status);
		copy(out->worker_id, sizeof(out->worker_id), PQgetvalue(res, 0, 1));
		out->attempt = atoi(PQgetvalue(res, 0, 2));
		out->max_attempts = atoi(PQgetvalue(res, 0, 3));
		out->cancel_requested = PQgetvalue(res, 0, 4)[0] == 't';
		out->due = PQgetvalue(res, 0, 5)[0] == 't';
		out->lease_expired = PQgetvalue(res, 0, 6)[0] == 't';
		out->token = strtoll(PQgetvalue(res, 0, 7), NULL, 10);
		out->claim_id = strtoll(PQgetvalue(res, 0, 8), NULL, 10);
	}
	PQclear(res);
	return 0;
}

int jobq_store_worker_dead(struct jobq_store *st, const char *worker_id, bool *dead,
			   struct jobq_err *err)
{
	const char *p[1] = { worker_id };
	PGresult *res;
	int r;

	/* The owner's keeper session holds the row's lock key for the worker's whole life,
	 * and the row names that session's server process: while that process holds the
	 * key, the owner lives. No lock is taken, so probes never see each other, and a key
	 * held by any other session (taken after the owner died) proves nothing. */
	r = jobq_store_exec(st, "jobq_worker_dead",
			    "SELECT w.id IS NULL OR NOT jobq_lock_holder_alive(w.lock_key, w.backend_pid) "
			    "FROM (SELECT 1) one LEFT JOIN workers w ON w.id = $1",
			    1, p, &res, "probe worker liveness", err);
	if (r != 0)
		return r;
	*dead = PQgetvalue(res, 0, 0)[0] == 't';
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

/* ---- finish ------------------------------------------------------------------------- */

/* Claims of deliveries and outcomes of attempts, many of each, in one statement and one
 * commit. Every listed row is locked by `l`, in id order, as every statement here that
 * waits for the locks of several rows takes them (claims, finishes, heartbeats, marks,
 * defers, cancels), so no two of them can deadlock. On the version it locked, l decides
 * what a row is for: a claim takes a queued row with no cancel request that is due, a
 * finish a running row of this worker; a row that is neither is written nothing (and stays
 * locked until the commit). The updates only join back to l by id, and repeat the id list,
 * so that any plan, even one made while the table held a few rows, reads the listed rows
 * only. Each
 * outcome is fenced on its own (worker, lease token) and raises the token; each claim
 * raises it too and records its claim id ($6, {"id": claim id}). The outcomes come as one
 * JSON array of {id, token, st, result, error, reason, delay, grace}. Both updates fire
 * the history trigger once, with all their rows. */
static const char SQL_WRITE[] =
	"WITH u AS MATERIALIZED (SELECT * FROM jsonb_to_recordset($4::jsonb) AS u(id uuid,"
	"             token bigint, st text, result text, error text, reason text, delay bigint,"
	"             grace bigint)),"
	/* Found by primary key only, and which list a row qualifies for is worked out on the
	 * version that was locked: conditions on status here let a generic plan made while
	 * the table was small walk every queued or running row through another index. */
	" l AS (SELECT j.id AS lid,"
	"              j.id = ANY($1::uuid[]) AND j.status = 'queued'"
	"              AND j.cancel_requested_at IS NULL AND j.run_after <= now() AS claim,"
	"              j.id = ANY($5::uuid[]) AND j.worker_id = $2 AND j.status = 'running' AS fin"
	"       FROM jobs j WHERE j.id = ANY($1::uuid[] || $5::uuid[])"
	"       ORDER BY j.id FOR UPDATE),"
	" f AS (UPDATE jobs j SET status = u.st, status_reason = u.reason, updated_at = now(),"
	" result = CASE WHEN u.st = 'succeeded' THEN u.result::jsonb ELSE j.result END,"
	" error = u.error,"
	" finished_at = CASE WHEN u.st IN ('succeeded', 'failed', 'cancelled') THEN now() END,"
	" run_after = CASE WHEN u.st = 'scheduled'"
	"             THEN now() + make_interval(secs => u.delay / 1000.0) ELSE j.run_after END,"
	/* A retry waits for the relay; a released job is nacked back to the queue, but its
	 * message may already be gone (the connection closed during the drain), so the relay
	 * publishes it again after its grace: a duplicate is harmless, a lost one is not. */
	" published_at = CASE WHEN u.st IN ('scheduled', 'queued') THEN NULL ELSE j.published_at END,"
	" publish_after = CASE WHEN u.st = 'scheduled'"
	"                 THEN now() + make_interval(secs => u.delay / 1000.0)"
	"                 WHEN u.st = 'queued' THEN now() + make_interval(secs => u.grace / 1000.0)"
	"                 ELSE j.publish_after END,"
	" attempt = CASE WHEN u.st = 'queued' THEN j.attempt - 1 ELSE j.attempt END,"
	" lease_token = j.lease_token + 1,"
	" worker_id = CASE WHEN u.st IN ('scheduled', 'queued') THEN NULL ELSE j.worker_id END,"
	" lease_expires_at = NULL "
	" FROM u, l WHERE j.id = l.lid AND j.id = ANY($5::uuid[]) AND l.fin AND u.id = l.lid"
	" AND j.lease_token = u.token"
	" RETURNING j.id),"
	" c AS (UPDATE jobs SET status = 'running', status_reason = 'claimed', worker_id = $2,"
	" attempt = attempt + 1, lease_token = lease_token + 1,"
	" claim_id = ($6::jsonb ->> jobs.id::text)::bigint, heartbeat_at = now(),"
	" lease_expires_at = now() + make_interval(secs => $3::bigint / 1000.0),"
	" started_at = now(), published_at = COALESCE(published_at, now()), updated_at = now(),"
	" error = NULL "
	" FROM l WHERE jobs.id = l.lid AND jobs.id = ANY($1::uuid[]) AND l.claim" CLAIM_RETURNING ") "
	"SELECT true, * FROM c UNION ALL "
	"SELECT false, id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM f";

static char *finish_json(const struct jobq_finish_req *reqs, size_t n, struct jobq_err *err)
{
	json_t *items = json_array();
	char *text = NULL;

	if (items == NULL)
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		const struct jobq_outcome *o = reqs[i].o;
		json_t *it = json_pack("{s:s, s:I, s:s, s:s?, s:s?, s:s?, s:I, s:I}", "id",
				       reqs[i].job_id, "token", (json_int_t)reqs[i].token, "st",
				       jobq_status_name(o->to), "result", o->result, "error",
				       o->error, "reason", o->reason, "delay",
				       (json_int_t)o->retry_delay_ms, "grace",
				       (json_int_t)o->release_grace_ms);

		if (it == NULL || json_array_append_new(items, it) != 0) {
			json_decref(items);
			jobq_err_set(err, JOBQ_EINVAL, "finish job %s: outcome is not valid UTF-8 text",
				     reqs[i].job_id);
			return NULL;
		}
	}
	if ((text = json_dumps(items, JSON_COMPACT)) == NULL)
		goto nomem;
	json_decref(items);
	return text;
nomem:
	json_decref(items);
	jobq_err_set(err, JOBQ_ENOMEM, "write jobs: out of memory");
	return NULL;
}

int jobq_store_write_many(struct jobq_store *st, const char *worker_id, int64_t lease_ms,
			  struct jobq_claim_req *claims, size_t nc, struct jobq_finish_req *fins,
			  size_t nf, struct jobq_err *err)
{
	const char **ids = malloc((nc + nf ? nc + nf : 1) * sizeof(*ids));
	int64_t *cids = malloc((nc ? nc : 1) * sizeof(*cids));
	char lease[24], *carr = NULL, *farr = NULL, *text = NULL, *cmap = NULL;
	const char *p[6];
	PGresult *res = NULL;
	int r = 0;

	for (size_t i = 0; i < nc; i++)
		claims[i].r = JOBQ_ECONFLICT;
	for (size_t i = 0; i < nf; i++)
		fins[i].r = JOBQ_ELOST;
	if (ids == NULL || cids == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "write jobs: out of memory");
		goto out;
	}
	for (size_t i = 0; i < nc; i++) {
		ids[i] = claims[i].job_id;
		cids[i] = claims[i].claim_id;
	}
	for (size_t i = 0; i < nf; i++)
		ids[nc + i] = fins[i].job_id;
	if ((text = finish_json(fins, nf, err)) == NULL) {
		r = err->code;
		goto out;
	}
	if ((carr = jobq_store_uuid_array(ids, nc)) == NULL ||
	    (farr = jobq_store_uuid_array(ids + nc, nf)) == NULL ||
	    (cmap = token_map(ids, cids, nc)) == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "write jobs: out of memory");
		goto out;
	}
	p[0] = carr;
	p[1] = worker_id;
	p[2] = I64(lease, lease_ms);
	p[3] = text;
	p[4] = farr;
	p[5] = cmap;
	if ((r = jobq_store_exec(st, "jobq_write", SQL_WRITE, 6, p, &res,
				 nf == 0 ? "claim" : nc == 0 ? "finish job" : "claim and finish jobs",
				 err)) != 0)
		goto out;
	if (nc > 0 && jobq_fault_once("claim_reply_lost")) {
		/* The statement committed; lose its reply as a connection that drops between
		 * the commit and the answer would (the next statement finds it closed). */
		shutdown(PQsocket(jobq_store_conn(st)), SHUT_RDWR);
		jobq_ignore(jobq_store_command(st, "SELECT 1", err));
		r = jobq_err_set(err, JOBQ_EDB, "claim: connection lost before the reply "
				 "(fault point claim_reply_lost)");
		goto out;
	}
	for (int row = 0; row < PQntuples(res); row++) {
		const char *id = PQgetvalue(res, row, 1);

		if (PQgetvalue(res, row, 0)[0] != 't') {
			for (size_t i = 0; i < nf; i++)
				if (strcmp(fins[i].job_id, id) == 0)
					fins[i].r = 0;
			continue;
		}
		/* A job delivered twice in one batch is claimed once: the request whose claim id
		 * the row took gets it, the other reconciles (and adopts it). */
		for (size_t i = 0; i < nc; i++)
			if (claims[i].r == JOBQ_ECONFLICT && strcasecmp(claims[i].job_id, id) == 0 &&
			    claims[i].claim_id == strtoll(PQgetvalue(res, row, 11), NULL, 10)) {
				if ((claims[i].r = fill_claim(res, row, 1, &claims[i].out, err)) != 0)
					claims[i].r = JOBQ_ECONFLICT;	/* out of memory: let it reconcile */
				break;
			}
	}
out:
	PQclear(res);
	free(carr);
	free(farr);
	free(cmap);
	free(text);
	free(cids);
	free(ids);
	return r;
}

/* ---- heartbeat, relay, reaper ----------------------------------------------------- */

int jobq_store_heartbeat(struct jobq_store *st, const char *worker_id, int64_t lease_ms,
			 struct jobq_lease *leases, size_t n, struct jobq_err *err)
{
	char lease[24];
	const char **idv = malloc((n ? n : 1) * sizeof(*idv));
	int64_t *tokv = malloc((n ? n : 1) * sizeof(*tokv));
	char *ids = NULL, *tokmap = NULL;
	PGresult *res = NULL;
	int r;

	for (size_t i = 0; i < n && idv != NULL && tokv != NULL; i++) {
		idv[i] = leases[i].id;
		tokv[i] = leases[i].token;
		leases[i].lost = true;
		leases[i].cancel_requested = false;
	}
	if (idv == NULL || tokv == NULL || (ids = jobq_store_uuid_array(idv, n)) == NULL ||
	    (tokmap = token_map(idv, tokv, n)) == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "heartbeat: out of memory");
		goto out;
	}
	{
		/* One statement for all leases plus the registry row: the cost grows with
		 * workers, not with jobs. It runs on its own (autocommit), one round trip: a
		 * worker that stops between round trips of a longer transaction would leave its
		 * rows locked, and the reaper (SKIP LOCKED), takeovers, `jobq cancel` and `jobq
		 * wait` stuck behind them. The keeper's session commits without waiting for the
		 * disk (JOBQ_STORE_ASYNC_COMMIT): a heartbeat lost in a crash is harmless. */
		const char *p[4] = { worker_id, ids, tokmap, I64(lease, lease_ms) };
		r = jobq_store_exec(
			st, "jobq_heartbeat",
			"WITH w AS (UPDATE workers SET heartbeat_at = now() WHERE id = $1),"
			" l AS (SELECT id AS lid FROM jobs WHERE id = ANY($2::uuid[]) AND worker_id = $1"
			"       AND status = 'running' ORDER BY id FOR UPDATE) "
			"UPDATE jobs j SET heartbeat_at = now(),"
			" lease_expires_at = now() + make_interval(secs => $4::bigint / 1000.0) "
			"FROM l WHERE j.id = l.lid AND j.lease_token = ($3::jsonb ->> j.id::text)::bigint "
			"RETURNING j.id, j.cancel_requested_at IS NOT NULL",
			4, p, &res, "heartbeat", err);
	}
	if (r != 0)
		goto out;
	if (n > 0)
		jobq_fault_stop("heartbeat_after_update");
	for (int row = 0; row < PQntuples(res); row++) {
		const char *id = PQgetvalue(res, row, 0);
		for (size_t i = 0; i < n; i++)
			if (strcmp(leases[i].id, id) == 0) {
				leases[i].lost = false;
				leases[i].cancel_requested = PQgetvalue(res, row, 1)[0] == 't';
			}
	}
out:
	PQclear(res);
	free(ids);
	free(tokmap);
	free(idv);
	free(tokv);
	return r;
}

int jobq_store_relay_take(struct jobq_store *st, int64_t grace_ms, struct jobq_envelope *envs,
			  int64_t *tokens, int max, struct jobq_err *err)
{
	char grace[24], lim[24];
	const char *p[2] = { I64(grace, grace_ms), I64(lim, max) };
	PGresult *res;
	int r, n;

	/* Pushing publish_after hides a taken row from other relays for grace_ms, long enough
	 * for this one to publish it and mark it published. */
	r = jobq_store_exec(
		st, "jobq_relay_take",
		"WITH due AS ("
		"  SELECT id FROM jobs"
		"  WHERE published_at IS NULL AND status IN ('scheduled', 'queued')"
		"   AND publish_after <= now() AND run_after <= now()"
		"  ORDER BY publish_after LIMIT $2::int FOR UPDATE SKIP LOCKED) "
		"UPDATE jobs j SET status = 'queued', updated_at = now(),"
		" lease_token = j.lease_token + 1,"
		" publish_after = now() + make_interval(secs => $1::bigint / 1000.0),"
		" status_reason = CASE WHEN j.status = 'scheduled' THEN 'due' ELSE j.status_reason END "
		"FROM due WHERE j.id = due.id RETURNING j.id, j.type, j.queue, j.lease_token",
		2, p, &res, "relay", err);
	if (r != 0)
		return r;
	n = PQntuples(res);
	for (int i = 0; i < n; i++) {
		memset(&envs[i], 0, sizeof(envs[i]));
		copy(envs[i].job_id, sizeof(envs[i].job_id), PQgetvalue(res, i, 0));
		copy(envs[i].type, sizeof(envs[i].type), PQgetvalue(res, i, 1));
		copy(envs[i].queue, sizeof(envs[i].queue), PQgetvalue(res, i, 2));
		tokens[i] = strtoll(PQgetvalue(res, i, 3), NULL, 10);
	}
	PQclear(res);
	return n;
}

/* Giving a running job back after its owner was lost: cancelled if a cancel was asked
 * for, failed when its attempts are used up (the lost attempt counts), else queued for the
 * relay to publish at once. $2 says how the owner was lost. */
#define SQL_LEASE_BACK(which)                                                              \
	"UPDATE jobs j SET"                                                                \
	" status = CASE WHEN j.cancel_requested_at IS NOT NULL THEN 'cancelled'"           \
	"               WHEN j.attempt >= j.max_attempts THEN 'failed' ELSE 'queued' END," \
	" status_reason = CASE WHEN j.cancel_requested_at IS NOT NULL"                    \
	"                 THEN 'cancelled: ' || $2 || ' before it stopped'"                  \
	"                 WHEN j.attempt >= j.max_attempts THEN $2 || '; attempts used up'"  \
	"                 ELSE $2 END,"                                                      \
	" error = CASE WHEN j.cancel_requested_at IS NOT NULL THEN j.error"                \
	"         ELSE 'worker lost: ' || $2 END,"                                           \
	" finished_at = CASE WHEN j.cancel_requested_at IS NOT NULL"                       \
	"               OR j.attempt >= j.max_attempts THEN now() END,"                    \
	" worker_id = NULL, lease_expires_at = NULL, published_at = NULL,"                 \
	" lease_token = j.lease_token + 1,"                                                \
	" publish_after = now(), updated_at = now() "                                      \
	"FROM " which " sel WHERE j.id = sel.id"

static int lease_back(struct jobq_store *st, const char *name, const char *sql, const char *arg,
		      const char *why, const char *what, struct jobq_err *err)
{
	const char *p[2] = { arg, why };
	PGresult *res;
	int r, n;

	if ((r = jobq_store_exec(st, name, sql, 2, p, &res, what, err)) != 0)
		return r;
	n = atoi(PQcmdTuples(res));
	PQclear(res);
	return n;
}

int jobq_store_reap(struct jobq_store *st, int max, struct jobq_err *err)
{
	char lim[24];

	return lease_back(st, "jobq_reap",
			  SQL_LEASE_BACK("(SELECT id FROM jobs WHERE status = 'running'"
					 " AND lease_expires_at < now() ORDER BY lease_expires_at"
					 " LIMIT $1::int FOR UPDATE SKIP LOCKED)"),
			  I64(lim, max), "lease expired", "reap expired leases", err);
}

int jobq_store_requeue_own(struct jobq_store *st, const char *worker_id, struct jobq_err *err)
{
	return lease_back(st, "jobq_requeue_own",
			  SQL_LEASE_BACK("(SELECT id FROM jobs WHERE status = 'running'"
					 " AND worker_id = $1 ORDER BY id FOR UPDATE)"),
			  worker_id, "its worker restarted", "requeue a previous run's jobs", err);
}

int jobq_store_relay_defer(struct jobq_store *st, const char *const *ids, size_t n,
			   int64_t delay_ms, struct jobq_err *err)
{
	char delay[24], *arr;
	PGresult *res = NULL;
	int r;

	if (n == 0)
		return 0;
	if ((arr = jobq_store_uuid_array(ids, n)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "relay: out of memory");
	{
		const char *p[2] = { arr, I64(delay, delay_ms) };
		r = jobq_store_exec(st, "jobq_relay_defer",
				    "WITH l AS (SELECT id AS lid FROM jobs WHERE id = ANY($1::uuid[])"
				    "           AND published_at IS NULL ORDER BY id FOR UPDATE) "
				    "UPDATE jobs SET publish_after = now() +"
				    " make_interval(secs => $2::bigint / 1000.0) "
				    "FROM l WHERE jobs.id = l.lid",
				    2, p, &res, "relay: defer", err);
	}
	PQclear(res);
	free(arr);
	return r;
}

#define DEAD_BODY_KEPT 65536

int jobq_store_dead_letter(struct jobq_store *st, const struct jobq_dead_letter *d,
			   bool *failed, struct jobq_err *err)
{
	size_t kept = d->body_len < DEAD_BODY_KEPT ? d->body_len : DEAD_BODY_KEPT;
	char total[24];
	const char *p[6] = { d->job_id, d->queue, d->reason, NULL, I64(total, d->body_len),
			     d->message_id };
	int lengths[6] = { 0, 0, 0, (int)kept, 0, 0 };
	int formats[6] = { 0, 0, 0, 1, 0, 0 };
	PGresult *res;
	int r;

	*failed = false;
	p[3] = kept > 0 ? d->body : "";
	/* The body is arbitrary bytes: sent as binary bytea, never as text. */
	res = PQexecParams(
		jobq_store_conn(st),
		"WITH f AS ("
		"  UPDATE jobs SET status = 'failed', finished_at = now(), updated_at = now(),"
		"   status_reason = 'dead-lettered: ' || $3,"
		"   error = 'message dead-lettered by the broker (' || $3 ||"
		"           COALESCE(' from ' || $2, '') || ')'"
		"  WHERE id = $1::uuid AND status IN ('scheduled', 'queued') RETURNING id),"
		" d AS (INSERT INTO dead_letters (job_id, queue, reason, detail, body, body_bytes,"
		"       message_id)"
		"  SELECT $1::uuid, $2, $3,"
		"   CASE WHEN $1 IS NULL THEN 'names no job'"
		"        WHEN EXISTS (SELECT 1 FROM f) THEN 'job marked failed'"
		"        WHEN NOT EXISTS (SELECT 1 FROM jobs WHERE id = $1::uuid) THEN 'no such job'"
		"        ELSE 'job left as it was' END,"
		"   $4::bytea, $5::bigint, $6 RETURNING id) "
		"SELECT EXISTS (SELECT 1 FROM f), (SELECT id FROM d)",
		6, NULL, p, lengths, formats, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		r = jobq_store_result_error(st, res, "record dead letter", err);
		PQclear(res);
		return r;
	}
	*failed = PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	return 0;
}

/* ---- workers ------------------------------------------------------------------------- */

/* A 64-bit advisory lock key from the kernel's random source. */
static int random_key(int64_t *key, struct jobq_err *err)
{
	uint64_t v;

	if (getrandom(&v, sizeof(v), 0) != (ssize_t)sizeof(v))
		return jobq_err_set(err, JOBQ_ESYS, "register worker: getrandom: %s", strerror(errno));
	*key = (int64_t)v;
	return 0;
}

int jobq_store_worker_register(struct jobq_store *st, const struct jobq_worker_info *w,
			       struct jobq_err *err)
{
	char pid[24], conc[24], keytext[24];
	int64_t key = 0;
	size_t len = 3;
	char *queues, *q;
	PGresult *res = NULL;
	int r;

	for (int i = 0; i < w->nqueues; i++)
		len += strlen(w->queues[i]) + 3;
	if ((queues = malloc(len)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "register worker: out of memory");
	q = queues;
	*q++ = '{';
	for (int i = 0; i < w->nqueues; i++)
		q += sprintf(q, "%s\"%s\"", i ? "," : "", w->queues[i]);	/* names are [A-Za-z0-9_.-] */
	strcpy(q, "}");
	/* A fresh random key, so nobody can hold this worker's lock before it starts. Taken
	 * by a try: another session holding it is a collision of 64-bit random numbers, and
	 * another key will do. */
	for (int tries = 0;; tries++) {
		const char *p[1];
		bool got;

		if ((r = random_key(&key, err)) != 0)
			goto out;
		p[0] = I64(keytext, key);
		r = jobq_store_exec(st, NULL, "SELECT pg_try_advisory_lock($1::bigint)", 1, p, &res,
				    "take worker liveness lock", err);
		if (r != 0)
			goto out;
		got = PQgetvalue(res, 0, 0)[0] == 't';
		PQclear(res);
		res = NULL;
		if (got)
			break;
		if (tries == 3) {
			r = jobq_err_set(err, JOBQ_ECONFLICT,
					 "register worker: no free advisory lock key after %d tries",
					 tries + 1);
			goto out;
		}
	}
	{
		/* The row is taken over only when the session it names no longer holds its key
		 * (or is this one): a live process with the same worker id keeps it. The
		 * conflict's WHERE is evaluated on the row version locked for the update, so of
		 * two processes starting with one id at once, the later sees the earlier's
		 * committed row and key, and is refused. */
		const char *p[6] = { w->id, w->hostname, I64(pid, w->pid), queues,
				     I64(conc, w->concurrency), keytext };

		r = jobq_store_exec(
			st, NULL,
			"INSERT INTO workers (id, hostname, pid, queues, concurrency, state, lock_key,"
			" backend_pid, started_at, heartbeat_at)"
			" VALUES ($1, $2, $3::int, $4::text[], $5::int, 'running', $6::bigint,"
			" pg_backend_pid(), now(), now()) "
			"ON CONFLICT (id) DO UPDATE SET hostname = EXCLUDED.hostname,"
			" pid = EXCLUDED.pid, queues = EXCLUDED.queues,"
			" concurrency = EXCLUDED.concurrency, state = 'running',"
			" lock_key = EXCLUDED.lock_key, backend_pid = EXCLUDED.backend_pid,"
			" started_at = now(), heartbeat_at = now(), stopped_at = NULL "
			"WHERE workers.backend_pid IS NOT DISTINCT FROM pg_backend_pid()"
			" OR NOT jobq_lock_holder_alive(workers.lock_key, workers.backend_pid) "
			"RETURNING 1",
			6, p, &res, "register worker", err);
	}
	if (r == 0 && PQntuples(res) == 0) {
		struct jobq_err ignored;
		const char *p[1] = { keytext };
		PGresult *un = NULL;

		r = jobq_err_set(err, JOBQ_ECONFLICT, "worker id '%s' is held by a live worker process",
				 w->id);
		if (jobq_store_exec(st, NULL, "SELECT pg_advisory_unlock($1::bigint)", 1, p, &un,
				    "release worker liveness lock", &ignored) == 0)
			PQclear(un);
	}
out:
	PQclear(res);
	free(queues);
	return r;
}

int jobq_store_worker_state(struct jobq_store *st, const char *worker_id, const char *state,
			    struct jobq_err *err)
{
	const char *p[2] = { worker_id, state };
	PGresult *res;
	int r = jobq_store_exec(st, NULL,
				"UPDATE workers SET state = $2, heartbeat_at = now(),"
				" stopped_at = CASE WHEN $2 = 'stopped' THEN now() END WHERE id = $1",
				2, p, &res, "update worker state", err);
	PQclear(res);
	return r;
}

/* ---- waiting ------------------------------------------------------------------------- */

int jobq_store_listen(struct jobq_store *st, struct jobq_err *err)
{
	return jobq_store_command(st, "LISTEN jobq_done", err);
}

int jobq_store_add_waiter(struct jobq_store *st, const char *job_id, struct jobq_err *err)
{
	const char *p[1] = { job_id };
	PGresult *res;
	int r = jobq_store_exec(st, NULL,
				"INSERT INTO job_waiters (job_id) VALUES ($1) ON CONFLICT DO NOTHING",
				1, p, &res, "register waiter", err);
	PQclear(res);
	return r;
}

int jobq_store_drop_waiters(struct jobq_store *st, struct jobq_err *err)
{
	return jobq_store_command(st, "DELETE FROM job_waiters WHERE backend = pg_backend_pid()",
				  err);
}

int jobq_store_job_end(struct jobq_store *st, const char *job_id, struct jobq_job_end *out,
		       struct jobq_err *err)
{
	const char *p[1] = { job_id };
	PGresult *res;
	int r;

	memset(out, 0, sizeof(*out));
	/* FOR SHARE waits for a transition in flight to commit, then reads its result. */
	r = jobq_store_exec(st, "jobq_job_end",
			    "SELECT status, attempt, result::text, error,"
			    " cancel_requested_at IS NOT NULL, cancel_reason,"
			    " COALESCE(extract(epoch FROM finished_at - cancel_requested_at) * 1000, -1)"
			    " FROM jobs WHERE id = $1 FOR SHARE",
			    1, p, &res, "read job", err);
	if (r != 0)
		return r;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return jobq_err_set(err, JOBQ_ENOTFOUND, "no job %s", job_id);
	}
	(void)status_of(PQgetvalue(res, 0, 0), &out->status);
	out->attempt = atoi(PQgetvalue(res, 0, 1));
	out->result = dup_or_null(res, 0, 2);
	out->error = dup_or_null(res, 0, 3);
	out->cancel_requested = PQgetvalue(res, 0, 4)[0] == 't';
	out->cancel_reason = dup_or_null(res, 0, 5);
	out->stop_ms = strtod(PQgetvalue(res, 0, 6), NULL);
	PQclear(res);
	return 0;
}

void jobq_job_end_release(struct jobq_job_end *e)
{
	if (e == NULL)
		return;
	free(e->result);
	free(e->error);
	free(e->cancel_reason);
	e->result = e->error = e->cancel_reason = NULL;
}

int jobq_store_cancel(struct jobq_store *st, const char *const *ids, size_t n, const char *reason,
		      struct jobq_cancel_result *out, struct jobq_err *err)
{
	char *arr = jobq_store_uuid_array(ids, n);
	PGresult *res = NULL;
	int r;

	if (arr == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "cancel: out of memory");
	{
		/* jobq_cli_cancel (migration 0008) locks the rows first, so each row it returns
		 * carries the state its write acted on. */
		const char *p[2] = { arr, reason };
		r = jobq_store_exec(st, NULL,
				    "SELECT id, status FROM jobq_cli_cancel($1::uuid[], $2)",
				    2, p, &res, "cancel", err);
	}
	free(arr);
	if (r != 0)
		return r;
	for (size_t i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		copy(out[i].id, sizeof(out[i].id), ids[i]);
		for (int row = 0; row < PQntuples(res); row++) {
			if (strcasecmp(PQgetvalue(res, row, 0), ids[i]) != 0)
				continue;
			out[i].found = true;
			(void)status_of(PQgetvalue(res, row, 1), &out[i].before);
			out[i].requested = out[i].before == JOBQ_RUNNING;
		}
	}
	PQclear(res);
	return 0;
}

int jobq_store_wait_notify(struct jobq_store *st, int64_t timeout_ms, char job_id[37],
			   struct jobq_err *err)
{
	PGconn *conn = jobq_store_conn(st);
	struct timespec start, now;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		PGnotify *n;
		struct pollfd pfd = { .fd = PQsocket(conn), .events = POLLIN };
		int64_t left;

		if (PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK)
			return jobq_err_set(err, JOBQ_EDB, "wait: database connection lost");
		if ((n = PQnotifies(conn)) != NULL) {
			if (job_id != NULL)
				copy(job_id, 37, n->extra);
			PQfreemem(n);
			return 1;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		left = timeout_ms - ((now.tv_sec - start.tv_sec) * 1000 +
				     (now.tv_nsec - start.tv_nsec) / 1000000);
		if (left <= 0)
			return 0;
		if (poll(&pfd, 1, left > 1000 ? 1000 : (int)left) < 0 && errno != EINTR)
			return jobq_err_set(err, JOBQ_ESYS, "wait: poll: %s", strerror(errno));
	}
}
