/* Running jobs whose owner is lost (jobq/store_takeover.h): the takeover by another worker
 * (running → running under a new owner), and the give-back by the reaper and by a
 * restarted worker (running → queued, or failed or cancelled when that is where they must
 * end). Each raises the lease token, which refuses every later write of the lost owner. */
#include <stdlib.h>
#include <string.h>

#include "jobq/store_takeover.h"
#include "store_internal.h"

/* Taking a job from a dead owner or an expired lease. The UPDATE re-checks what the
 * decision rested on — the owner's lease token and, unless its session is known gone, that
 * the lease is still expired — so an owner whose heartbeat landed meanwhile keeps its job,
 * and raises the token, which refuses every later write of the old owner. A
 * job with a cancel request is cancelled instead of run; one whose attempts are used up
 * fails with "worker lost"; one whose queue is paused is held, since a paused queue starts
 * no job: given back to queued, unpublished (the relay publishes it once the queue is
 * resumed), its lost attempt counted and its started_at kept, as the reaper gives a job
 * back. A new attempt starts with no progress; an end or a hold keeps the last.
 *
 * A new attempt is a start, so a job in a rate-limited scope needs a token, as a claim
 * does (migration 0030): `a` calls jobq_limit_takeover, which locks the job's limit rows
 * in scope order, re-reads the row after those locks and locks it (migrations 0035, 0039: a
 * racing takeover of the same job, or its end, leaves it no token to take; a finish or
 * heartbeat of the old owner waits for this statement's commit) and takes the tokens, before
 * the UPDATE writes the job's row (the admission's lock order: limit rows, then the job's
 * row; `a` is a one-row CTE joined to the row, evaluated before ModifyTable writes it). It
 * is asked only when the row still qualifies and one of the
 * job's scopes is rated, so a takeover outside rated scopes calls no function. Without a
 * token the job is held as a refused claim's is: queued, unpublished, publish_after
 * 'infinity', which the limit release takes when a token is due. */
#define TAKE_ENDS "(cancel_requested_at IS NOT NULL OR attempt >= max_attempts)"
#define TAKE_WAITS "(p.paused OR a.starved)"
#define TAKE_HELD "(" TAKE_WAITS " AND NOT " TAKE_ENDS ")"
#define TAKE_QUEUE_RUNS STORE_QUEUE_RUNS("jobs")
#define TAKE_QUALIFIES                                                                             \
	"status = 'running' AND worker_id = $2 AND lease_token = $3::bigint"                       \
	" AND ($5::bool OR lease_expires_at < now())"
#define TAKE_RATED LIMITED_IN("ARRAY[$1::uuid]", " AND ll.rate IS NOT NULL")
static const char SQL_TAKEOVER[] =
	"WITH p AS (SELECT NOT " TAKE_QUEUE_RUNS " AS paused FROM jobs WHERE id = $1),"
	" a AS MATERIALIZED (SELECT CASE WHEN " STORE_LIMITS_EXIST " AND " TAKE_RATED
	"  AND EXISTS (SELECT 1 FROM jobs WHERE id = $1 AND " TAKE_QUALIFIES ")"
	"  THEN NOT jobq_limit_takeover($1, $2, $3::bigint, $5::bool) ELSE false END AS starved) "
	"UPDATE jobs SET"
	" status = CASE WHEN cancel_requested_at IS NOT NULL THEN 'cancelled'"
	"               WHEN attempt >= max_attempts THEN 'failed'"
	"               WHEN " TAKE_WAITS " THEN 'queued' ELSE 'running' END,"
	" status_reason = CASE WHEN cancel_requested_at IS NOT NULL"
	"                      THEN 'cancelled: owner lost before it stopped'"
	"                      WHEN attempt >= max_attempts THEN 'worker lost; attempts used up'"
	"                      WHEN p.paused THEN 'held: owner lost while its queue is paused'"
	"                      WHEN a.starved THEN 'held: owner lost; no rate token to restart'"
	"                      WHEN $5::bool THEN 'taken over: owner''s session gone'"
	"                      ELSE 'taken over: owner''s lease expired' END,"
	" error = CASE WHEN cancel_requested_at IS NOT NULL THEN error"
	"              ELSE 'worker lost: ' || CASE WHEN $5::bool THEN 'worker ' || worker_id ||"
	"                   ' died' ELSE 'lease of worker ' || worker_id || ' expired' END END,"
	" finished_at = CASE WHEN " TAKE_ENDS " THEN now() END,"
	" worker_id = CASE WHEN " TAKE_ENDS " THEN worker_id WHEN " TAKE_WAITS " THEN NULL"
	"             ELSE $4 END,"
	" attempt = CASE WHEN " TAKE_ENDS " OR " TAKE_WAITS " THEN attempt ELSE attempt + 1 END,"
	" lease_token = lease_token + 1, claim_id = $7::bigint,"
	" heartbeat_at = now(),"
	" lease_expires_at = CASE WHEN " TAKE_ENDS " OR " TAKE_WAITS
	"                    THEN NULL ELSE now() + make_interval(secs => $6::bigint / 1000.0) END,"
	" progress = CASE WHEN " TAKE_ENDS " OR " TAKE_WAITS " THEN progress END,"
	" published_at = CASE WHEN " TAKE_HELD " THEN NULL ELSE published_at END,"
	" publish_after = CASE WHEN " TAKE_HELD " AND p.paused THEN now()"
	"                 WHEN " TAKE_HELD " THEN 'infinity' ELSE publish_after END,"
	" started_at = CASE WHEN " TAKE_HELD " THEN started_at ELSE now() END, updated_at = now() "
	"FROM p, a "
	"WHERE id = $1 AND " TAKE_QUALIFIES " RETURNING" STORE_CLAIM_COLUMNS;

int jobq_store_takeover(struct jobq_store *st, const char *job_id, const char *prev_worker,
			int64_t prev_token, bool owner_dead, const char *worker_id,
			int64_t lease_ms, int64_t claim_id, struct jobq_claim *out,
			struct jobq_err *err)
{
	char tok[STORE_I64_LEN], lease[STORE_I64_LEN], cid[STORE_I64_LEN];
	const char *p[7] = { job_id,
			     prev_worker,
			     store_i64(tok, prev_token),
			     worker_id,
			     owner_dead ? "true" : "false",
			     store_i64(lease, lease_ms),
			     store_i64(cid, claim_id) };
	static const char *const names[1] = { "status" };
	struct store_claim_cols cc;
	PGresult *res;
	int status, r;

	if ((r = jobq_store_exec(st, "jobq_takeover", SQL_TAKEOVER, 7, p, &res, "take over",
				 err)) != 0)
		return r;
	if (PQntuples(res) == 0) {
		r = JOBQ_ECONFLICT;
		goto out;
	}
	if ((r = store_columns(res, names, 1, &status, "take over", err)) != 0 ||
	    (r = store_claim_columns(res, &cc, "take over", err)) != 0)
		goto out;
	/* Cancelled, failed or held instead: the caller reads the row again. */
	if (strcmp(PQgetvalue(res, 0, status), "running") != 0)
		r = JOBQ_ECONFLICT;
	else
		r = store_claim_read(res, 0, &cc, out, err);
out:
	PQclear(res);
	return r;
}

/* Giving a running job back after its owner was lost: cancelled if a cancel was asked
 * for, failed when its attempts are used up (the lost attempt counts), else queued for the
 * relay to publish at once. $2 says how the owner was lost. which (a sub-select of ids)
 * locks the rows; the update finds them by primary key (= ANY of an array): a join to it
 * let a generic plan made on statistics that saw no running job walk the whole primary key
 * and run which once per row (review R9 #2). */
#define SQL_LEASE_BACK(which)                                                                      \
	"UPDATE jobs j SET"                                                                        \
	" status = CASE WHEN j.cancel_requested_at IS NOT NULL THEN 'cancelled'"                   \
	"               WHEN j.attempt >= j.max_attempts THEN 'failed' ELSE 'queued' END,"         \
	" status_reason = CASE WHEN j.cancel_requested_at IS NOT NULL"                             \
	"                 THEN 'cancelled: ' || $2 || ' before it stopped'"                        \
	"                 WHEN j.attempt >= j.max_attempts THEN $2 || '; attempts used up'"        \
	"                 ELSE $2 END,"                                                            \
	" error = CASE WHEN j.cancel_requested_at IS NOT NULL THEN j.error"                        \
	"         ELSE 'worker lost: ' || $2 END,"                                                 \
	" finished_at = CASE WHEN j.cancel_requested_at IS NOT NULL"                               \
	"               OR j.attempt >= j.max_attempts THEN now() END,"                            \
	" worker_id = NULL, lease_expires_at = NULL, published_at = NULL,"                         \
	" lease_token = j.lease_token + 1,"                                                        \
	" publish_after = now(), updated_at = now() "                                              \
	"WHERE j.id = ANY (ARRAY" which ")"

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
	char lim[STORE_I64_LEN];

	return lease_back(st, "jobq_reap",
			  SQL_LEASE_BACK("(SELECT id FROM jobs WHERE status = 'running'"
					 " AND lease_expires_at < now() ORDER BY lease_expires_at"
					 " LIMIT $1::int FOR UPDATE SKIP LOCKED)"),
			  store_i64(lim, max), "lease expired", "reap expired leases", err);
}

int jobq_store_requeue_own(struct jobq_store *st, const char *worker_id, struct jobq_err *err)
{
	return lease_back(st, "jobq_requeue_own",
			  SQL_LEASE_BACK("(SELECT id FROM jobs WHERE status = 'running'"
					 " AND worker_id = $1 ORDER BY id FOR UPDATE)"),
			  worker_id, "its worker restarted", "requeue a previous run's jobs", err);
}
