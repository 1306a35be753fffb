/* A worker's hold on its jobs (jobq/store_lease.h): the claim that moves a queued job to
 * running, the fenced write of each attempt's outcome (running → succeeded, failed,
 * cancelled, scheduled for a retry, or queued when released), both in one statement, the
 * heartbeat that extends leases, and the reads of a lost claim's reply and of a row to
 * reconcile. Every worker write is fenced by (worker_id, lease_token); times come from
 * now(). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include <jansson.h>

#include "jobq/fault.h"
#include "jobq/store_lease.h"
#include "store_internal.h"

void jobq_claim_release(struct jobq_claim *c)
{
	if (c == NULL)
		return;
	free(c->payload);
	c->payload = NULL;
}

/* ---- claim and finish ---------------------------------------------------------------- */

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

/* Claims of deliveries and outcomes of attempts, many of each, in one statement and one
 * commit. Every listed row is locked by `l`, in id order, as every statement here that
 * waits for the locks of several rows takes them (claims, finishes, heartbeats, marks,
 * defers, cancels), so no two of them can deadlock. On the version it locked, l decides
 * what a row is for: a claim takes a queued row with no cancel request that is due, a
 * finish a running row of this worker; a row that is neither is written nothing (and stays
 * locked until the commit). One UPDATE writes both kinds (a row is never both: queued and
 * running exclude each other), so the statement starts one table write, not two. It only
 * joins back to l by id, and repeats the id list, so that any plan, even one made while
 * the table held a few rows, reads the listed rows only. (Not by l's ctid: the version l
 * locked may be newer than the statement's snapshot, after a heartbeat committed, and a
 * TID scan would not see it.) Each outcome is fenced on its own (worker, lease token) and
 * raises the token; each claim raises it too and records its claim id ($6, {"id": claim
 * id}). The outcomes come as one JSON object ($4, see finish_json), in which l looks up
 * each row it locked by id: no join, no table function (progress: JSON text, NULL keeps
 * the row's; uncounted: a scheduled attempt that never ran gives its attempt back). A
 * claim starts with no progress. A claim also requires that the job's queue is not paused
 * (STORE_QUEUE_RUNS: a look-up in the small queues table; migration 0017 says why a
 * pause is exact) and, when limits exist, that the admission lets it start
 * (LIMIT_ADMITS_J). The history trigger fires once, with all the rows. A finished row comes
 * back with its id and claimed false only (no payload). */
#define QUEUE_RUNS_J STORE_QUEUE_RUNS("j")
/* Concurrency limits (migration 0021): only when the limits table has a row and the batch
 * holds claims, `a` asks jobq_limit_admit which candidates may start (NULL: no limits, all
 * may). `a` is a one-row CTE joined to every row l reads, so it is evaluated at the first
 * row, before LockRows locks any job row (a sub-select in the claim expression would be
 * evaluated at the first row that reaches it, possibly after earlier rows were locked, and
 * a claim could then wait for a limit row while holding a job row another claim waits
 * for). The admission locks the scopes' limit rows (to the commit) and counts their running
 * jobs with a fresh snapshot, so no limit is ever exceeded; an installation without limits
 * pays one probe of the empty table's primary key, and a batch of jobs in no limited scope
 * the look-ups of LIMITED_CLAIM and LIMITED_FINISH. When a finished job's concurrency-limited
 * scope has held jobs, `a` also calls jobq_limit_wake (migrations 0023, 0033), which wakes
 * the relays at the commit: the next held job is released within milliseconds, not at the
 * relay's next 100 ms probe. */
#define LIMIT_ADMITS_J "(a.admitted IS NULL OR j.id = ANY (a.admitted))"
/* LIMITED_IN (store_internal.h): whether one of the claims ($1) is in a limited scope,
 * or one of the finishes ($5) in a concurrency-limited scope. */
#define LIMITED_CLAIM LIMITED_IN("$1", "")
#define LIMITED_FINISH LIMITED_IN("$5", " AND ll.max_running IS NOT NULL")
static const char SQL_WRITE[] =
	/* Found by primary key only, and which list a row qualifies for is worked out on the
	 * version that was locked: conditions on status here let a generic plan made while
	 * the table was small walk every queued or running row through another index. */
	/* $7: the grace of the jobs the ends release and hand to this process's relay
	 * (jobq_store_write_many_to), set before the UPDATE fires the trigger that releases
	 * them, for this transaction only. */
	"WITH a AS MATERIALIZED (SELECT set_config('jobq.release_grace_ms',"
	" COALESCE($7::bigint::text, ''), true) AS hand, CASE WHEN cardinality($1::uuid[]) > 0 "
	"AND " STORE_LIMITS_EXIST " AND " LIMITED_CLAIM " THEN jobq_limit_admit($1::uuid[])"
	" END AS admitted,"
	" CASE WHEN cardinality($5::uuid[]) > 0 AND " STORE_LIMITS_EXIST " AND " LIMITED_FINISH
	" THEN jobq_limit_wake($5::uuid[]) END AS woke),"
	" l AS (SELECT j.id AS lid,"
	" j.id = ANY($1::uuid[]) AND j.status = 'queued'"
	" AND j.cancel_requested_at IS NULL AND j.run_after <= now()"
	" AND " QUEUE_RUNS_J " AND " LIMIT_ADMITS_J " AS claim,"
	" j.id = ANY($5::uuid[]) AND j.worker_id = $2 AND j.status = 'running' AS fin,"
	" $4::jsonb -> j.id::text AS o"
	" FROM jobs j CROSS JOIN a WHERE j.id = ANY($1::uuid[] || $5::uuid[])"
	" ORDER BY j.id FOR UPDATE OF j) "
	"UPDATE jobs j SET"
	" status = CASE WHEN l.claim THEN 'running' ELSE l.o ->> 'st' END,"
	" status_reason = CASE WHEN l.claim THEN 'claimed' ELSE l.o ->> 'reason' END,"
	" worker_id = CASE WHEN l.claim THEN $2"
	" WHEN l.o ->> 'st' IN ('scheduled', 'queued') THEN NULL ELSE j.worker_id END,"
	" attempt = CASE WHEN l.claim THEN j.attempt + 1"
	" WHEN l.o ->> 'st' = 'queued' OR (l.o ->> 'uncounted')::boolean"
	" THEN j.attempt - 1 ELSE j.attempt END,"
	" lease_token = j.lease_token + 1,"
	" claim_id = CASE WHEN l.claim THEN ($6::jsonb ->> j.id::text)::bigint ELSE j.claim_id END,"
	" heartbeat_at = CASE WHEN l.claim THEN now() ELSE j.heartbeat_at END,"
	" lease_expires_at = CASE WHEN l.claim"
	" THEN now() + make_interval(secs => $3::bigint / 1000.0) END,"
	" started_at = CASE WHEN l.claim THEN now() ELSE j.started_at END,"
	" updated_at = now(),"
	" error = CASE WHEN l.claim THEN NULL ELSE l.o ->> 'error' END,"
	" progress = CASE WHEN l.claim THEN NULL"
	" ELSE COALESCE((l.o ->> 'progress')::jsonb, j.progress) END,"
	" result = CASE WHEN NOT l.claim AND l.o ->> 'st' = 'succeeded'"
	" THEN (l.o ->> 'result')::jsonb ELSE j.result END,"
	" finished_at = CASE WHEN l.claim THEN j.finished_at"
	" WHEN l.o ->> 'st' IN ('succeeded', 'failed', 'cancelled') THEN now() END,"
	" run_after = CASE WHEN NOT l.claim AND l.o ->> 'st' = 'scheduled'"
	" THEN now() + make_interval(secs => (l.o ->> 'delay')::bigint / 1000.0)"
	" ELSE j.run_after END,"
	/* A retry waits for the relay; a released job is nacked back to the queue, but its
	 * message may already be gone (the connection closed during the drain), so the relay
	 * publishes it again after its grace: a duplicate is harmless, a lost one is not. */
	" published_at = CASE WHEN l.claim THEN COALESCE(j.published_at, now())"
	" WHEN l.o ->> 'st' IN ('scheduled', 'queued') THEN NULL"
	" ELSE j.published_at END,"
	" publish_after = CASE WHEN l.claim THEN j.publish_after"
	" WHEN l.o ->> 'st' = 'scheduled'"
	" THEN now() + make_interval(secs => (l.o ->> 'delay')::bigint / 1000.0)"
	" WHEN l.o ->> 'st' = 'queued'"
	" THEN now() + make_interval(secs => (l.o ->> 'grace')::bigint / 1000.0)"
	" ELSE j.publish_after END "
	"FROM l "
	"WHERE j.id = l.lid AND j.id = ANY($1::uuid[] || $5::uuid[])"
	" AND (l.claim OR (l.fin AND j.lease_token = (l.o ->> 'token')::bigint)) "
	"RETURNING l.claim AS claimed, j.id, j.type, j.queue,"
	" CASE WHEN l.claim THEN j.payload::text END AS payload, j.attempt, j.max_attempts,"
	" COALESCE((extract(epoch FROM j.timeout) * 1000)::bigint, 0) AS timeout_ms, j.status,"
	" extract(epoch FROM now() - j.run_after) AS wait_s, j.lease_token, j.claim_id,"
	/* the instant the jobs this end released were handed with (jobq_deps_queue's), in
	 * microseconds since 1970 */
	" CASE WHEN NOT l.claim AND j.has_dependents AND j.finished_at IS NOT NULL"
	" THEN (extract(epoch FROM now()) * 1e6)::bigint + $7::bigint * 1000 END AS handed_at";

/* The outcomes as one JSON object keyed by job id in lower case (the form j.id::text
 * takes): {"<id>": {token, st, result, error, reason, delay, grace, progress, uncounted}}.
 * Of two outcomes of one job the last counts (an execution finishes once, so a batch
 * never holds two). NULL with err set when out of memory or a text is not UTF-8. */
static char *finish_json(const struct jobq_finish_req *reqs, size_t n, struct jobq_err *err)
{
	json_t *items = json_object();
	char *text = NULL;

	if (items == NULL)
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		const struct jobq_outcome *o = reqs[i].o;
		char id[JOBQ_ID_BUF];
		size_t c;
		json_t *it;

		for (c = 0; c + 1 < sizeof(id) && reqs[i].job_id[c] != '\0'; c++)
			id[c] = (char)tolower((unsigned char)reqs[i].job_id[c]);
		id[c] = '\0';
		it = json_pack("{s:I, s:s, s:s?, s:s?, s:s?, s:I, s:I, s:s?, s:b}", "token",
			       (json_int_t)reqs[i].token, "st", jobq_status_name(o->to), "result",
			       o->result, "error", o->error, "reason", o->reason, "delay",
			       (json_int_t)o->retry_delay_ms, "grace",
			       (json_int_t)o->release_grace_ms, "progress", o->progress,
			       "uncounted", o->uncounted);

		if (it == NULL || json_object_set_new(items, id, it) != 0) {
			json_decref(items);
			jobq_err_set(err, JOBQ_EINVAL,
				     "finish job %s: outcome is not valid UTF-8 text",
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
	return jobq_store_write_many_to(st, worker_id, lease_ms, claims, nc, fins, nf, 0, NULL,
					err);
}

int jobq_store_write_many_to(struct jobq_store *st, const char *worker_id, int64_t lease_ms,
			     struct jobq_claim_req *claims, size_t nc, struct jobq_finish_req *fins,
			     size_t nf, int64_t hand_grace_ms, int64_t *handed_at,
			     struct jobq_err *err)
{
	enum {
		CLAIMED,
		ID,
		CLAIM_ID,
		HANDED_AT,
		NCOLS
	};
	static const char *const names[NCOLS] = { "claimed", "id", "claim_id", "handed_at" };
	const char **ids = calloc(nc + nf ? nc + nf : 1, sizeof(*ids));
	int64_t *cids = calloc(nc ? nc : 1, sizeof(*cids));
	char lease[STORE_I64_LEN], grace[STORE_I64_LEN], *carr = NULL, *farr = NULL, *text = NULL,
							 *cmap = NULL;
	const char *p[7];
	const char *what = nf == 0 ? "claim" : nc == 0 ? "finish job" : "claim and finish jobs";
	struct store_claim_cols cc;
	PGresult *res = NULL;
	int col[NCOLS];
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
	    (cmap = store_token_map(ids, cids, nc)) == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "write jobs: out of memory");
		goto out;
	}
	p[0] = carr;
	p[1] = worker_id;
	p[2] = store_i64(lease, lease_ms);
	p[3] = text;
	p[4] = farr;
	p[5] = cmap;
	p[6] = hand_grace_ms >= 100 && hand_grace_ms <= 60000 ? store_i64(grace, hand_grace_ms)
							      : NULL;
	if (handed_at != NULL)
		*handed_at = 0;
	if ((r = jobq_store_exec(st, "jobq_write", SQL_WRITE, 7, p, &res, what, err)) != 0)
		goto out;
	if (nc > 0 && jobq_fault_once("claim_reply_lost")) {
		/* The statement committed; lose its reply as a connection that drops between
		 * the commit and the answer would (the next statement finds it closed). */
		shutdown(PQsocket(jobq_store_conn(st)), SHUT_RDWR);
		jobq_ignore(jobq_store_command(st, "SELECT 1", err));
		r = jobq_err_set(err, JOBQ_EDB,
				 "claim: connection lost before the reply "
				 "(fault point claim_reply_lost)");
		goto out;
	}
	if ((r = store_columns(res, names, NCOLS, col, what, err)) != 0 ||
	    (r = store_claim_columns(res, &cc, what, err)) != 0)
		goto out;
	for (int row = 0; row < PQntuples(res); row++) {
		const char *id = PQgetvalue(res, row, col[ID]);

		if (handed_at != NULL && !PQgetisnull(res, row, col[HANDED_AT]))
			*handed_at = store_int64(res, row, col[HANDED_AT]);
		if (!store_bool(res, row, col[CLAIMED])) {
			for (size_t i = 0; i < nf; i++)
				if (strcmp(fins[i].job_id, id) == 0)
					fins[i].r = 0;
			continue;
		}
		/* A job delivered twice in one batch is claimed once: the request whose claim id
		 * the row took gets it, the other reconciles (and adopts it). */
		for (size_t i = 0; i < nc; i++)
			if (claims[i].r == JOBQ_ECONFLICT &&
			    strcasecmp(claims[i].job_id, id) == 0 &&
			    claims[i].claim_id == store_int64(res, row, col[CLAIM_ID])) {
				if ((claims[i].r = store_claim_read(res, row, &cc, &claims[i].out,
								    err)) != 0)
					claims[i].r =
						JOBQ_ECONFLICT; /* out of memory: let it reconcile */
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

/* ---- reading a claim and a row --------------------------------------------------------- */

int jobq_store_claimed(struct jobq_store *st, const char *job_id, const char *worker_id,
		       int64_t claim_id, struct jobq_claim *out, int64_t *lease_left_ms,
		       struct jobq_err *err)
{
	static const char *const names[1] = { "lease_left_ms" };
	char cid[STORE_I64_LEN];
	const char *p[3] = { job_id, worker_id, store_i64(cid, claim_id) };
	struct store_claim_cols cc;
	PGresult *res;
	int left, r;

	if ((r = jobq_store_exec(
		     st, "jobq_claimed",
		     "SELECT" STORE_CLAIM_COLUMNS ","
		     " floor(extract(epoch FROM lease_expires_at - now()) * 1000)::bigint"
		     " AS lease_left_ms"
		     " FROM jobs WHERE id = $1 AND status = 'running'"
		     " AND worker_id = $2 AND claim_id = $3::bigint",
		     3, p, &res, "read own claim", err)) != 0)
		return r;
	if (PQntuples(res) != 1)
		r = JOBQ_ECONFLICT;
	else if ((r = store_columns(res, names, 1, &left, "read own claim", err)) == 0 &&
		 (r = store_claim_columns(res, &cc, "read own claim", err)) == 0 &&
		 (r = store_claim_read(res, 0, &cc, out, err)) == 0)
		*lease_left_ms = store_int64(res, 0, left);
	PQclear(res);
	return r;
}

#define QUEUE_RUNS_JOBS STORE_QUEUE_RUNS("jobs")
int jobq_store_job_row(struct jobq_store *st, const char *job_id, struct jobq_job_row *out,
		       struct jobq_err *err)
{
	enum {
		STATUS,
		WORKER,
		ATTEMPT,
		MAX_ATTEMPTS,
		CANCEL,
		DUE,
		EXPIRED,
		TOKEN,
		CLAIM_ID,
		PAUSED,
		LIMITED,
		NCOLS
	};
	static const char *const names[NCOLS] = { "status",        "worker_id",        "attempt",
						  "max_attempts",  "cancel_requested", "due",
						  "lease_expired", "lease_token",      "claim_id",
						  "queue_paused",  "limited" };
	const char *p[1] = { job_id };
	PGresult *res;
	int col[NCOLS];
	int r;

	memset(out, 0, sizeof(*out));
	r = jobq_store_exec(st, "jobq_job_row",
			    "SELECT status, COALESCE(worker_id, '') AS worker_id, attempt,"
			    " max_attempts, cancel_requested_at IS NOT NULL AS cancel_requested,"
			    " run_after <= now() AS due,"
			    " status = 'running' AND lease_expires_at < now() AS lease_expired,"
			    " lease_token, COALESCE(claim_id, 0) AS claim_id,"
			    " NOT " QUEUE_RUNS_JOBS " AS queue_paused,"
			    " " STORE_LIMITS_EXIST " AND jobq_limited(queue, type,"
			    " concurrency_key) AS limited "
			    "FROM jobs WHERE id = $1",
			    1, p, &res, "read job", err);
	if (r != 0)
		return r;
	if (PQntuples(res) == 1 &&
	    (r = store_columns(res, names, NCOLS, col, "read job", err)) == 0) {
		out->found = true;
		store_status(res, 0, col[STATUS], &out->status);
		store_copy(out->worker_id, sizeof(out->worker_id), PQgetvalue(res, 0, col[WORKER]));
		out->attempt = store_int(res, 0, col[ATTEMPT]);
		out->max_attempts = store_int(res, 0, col[MAX_ATTEMPTS]);
		out->cancel_requested = store_bool(res, 0, col[CANCEL]);
		out->due = store_bool(res, 0, col[DUE]);
		out->lease_expired = store_bool(res, 0, col[EXPIRED]);
		out->token = store_int64(res, 0, col[TOKEN]);
		out->claim_id = store_int64(res, 0, col[CLAIM_ID]);
		out->queue_paused = store_bool(res, 0, col[PAUSED]);
		out->limited = store_bool(res, 0, col[LIMITED]);
	}
	PQclear(res);
	return r;
}

/* ---- heartbeat ----------------------------------------------------------------------- */

/* {"<id>": "<progress JSON text>", ...} for the leases that carry a progress ("{}" when
 * none do); NULL when out of memory or a progress is not valid UTF-8. */
static char *progress_map(const struct jobq_lease *leases, size_t n)
{
	json_t *m = json_object();
	char *text = NULL;
	bool ok = m != NULL;

	for (size_t i = 0; ok && i < n; i++)
		if (leases[i].progress != NULL)
			ok = json_object_set_new(m, leases[i].id,
						 json_string(leases[i].progress)) == 0;
	if (ok)
		text = json_dumps(m, JSON_COMPACT);
	json_decref(m);
	return text;
}

int jobq_store_heartbeat(struct jobq_store *st, const char *worker_id, int64_t lease_ms,
			 struct jobq_lease *leases, size_t n, struct jobq_err *err)
{
	enum {
		ID,
		CANCEL,
		RENEWED,
		NCOLS
	};
	static const char *const names[NCOLS] = { "id", "cancel_requested", "renewed" };
	char lease[STORE_I64_LEN];
	const char **idv = calloc(n ? n : 1, sizeof(*idv));
	int64_t *tokv = calloc(n ? n : 1, sizeof(*tokv));
	char *ids = NULL, *tokmap = NULL, *progmap = NULL;
	PGresult *res = NULL;
	int col[NCOLS];
	int r;

	for (size_t i = 0; i < n && idv != NULL && tokv != NULL; i++) {
		idv[i] = leases[i].id;
		tokv[i] = leases[i].token;
		leases[i].lost = true;
		leases[i].busy = false;
		leases[i].cancel_requested = false;
	}
	if (idv == NULL || tokv == NULL || (ids = jobq_store_uuid_array(idv, n)) == NULL ||
	    (tokmap = store_token_map(idv, tokv, n)) == NULL ||
	    (progmap = progress_map(leases, n)) == NULL) {
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
		const char *p[5] = { worker_id, ids, tokmap, store_i64(lease, lease_ms), progmap };

		r = jobq_store_exec(
			st, "jobq_heartbeat",
			"WITH w AS (UPDATE workers SET heartbeat_at = now() WHERE id = $1),"
			" l AS (SELECT id AS lid FROM jobs WHERE id = ANY($2::uuid[]) AND "
			"worker_id = $1"
			"       AND status = 'running' ORDER BY id FOR UPDATE SKIP LOCKED),"
			" u AS (UPDATE jobs j SET heartbeat_at = now(),"
			" lease_expires_at = now() + make_interval(secs => $4::bigint / 1000.0),"
			" progress = COALESCE(($5::jsonb ->> j.id::text)::jsonb, j.progress) "
			"FROM l WHERE j.id = l.lid AND j.lease_token = ($3::jsonb ->> "
			"j.id::text)::bigint "
			"RETURNING j.id, j.cancel_requested_at IS NOT NULL AS cancel_requested) "
			"SELECT id, cancel_requested, true AS renewed FROM u "
			"UNION ALL "
			/* Rows another transaction holds, as last committed: still ours at our
			 * token means busy, not lost. */
			"SELECT j.id, j.cancel_requested_at IS NOT NULL, false FROM jobs j "
			"WHERE j.id = ANY($2::uuid[]) AND j.worker_id = $1 AND j.status = 'running'"
			" AND j.lease_token = ($3::jsonb ->> j.id::text)::bigint"
			" AND j.id NOT IN (SELECT lid FROM l)",
			5, p, &res, "heartbeat", err);
	}
	if (r != 0)
		goto out;
	if (n > 0)
		jobq_fault_stop("heartbeat_after_update");
	if ((r = store_columns(res, names, NCOLS, col, "heartbeat", err)) != 0)
		goto out;
	for (int row = 0; row < PQntuples(res); row++) {
		const char *id = PQgetvalue(res, row, col[ID]);

		for (size_t i = 0; i < n; i++)
			if (strcmp(leases[i].id, id) == 0) {
				leases[i].lost = false;
				leases[i].busy = !store_bool(res, row, col[RENEWED]);
				leases[i].cancel_requested = store_bool(res, row, col[CANCEL]);
			}
	}
out:
	PQclear(res);
	free(ids);
	free(tokmap);
	free(progmap);
	free(idv);
	free(tokv);
	return r;
}
