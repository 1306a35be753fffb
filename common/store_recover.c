/* The relay's statements for what went wrong after a publish (jobq/store_relay.h): express
 * jobs whose message was lost, released again; publishes that failed, pushed back; and the
 * messages the broker dead-lettered (a job still waiting → failed). Split from
 * store_relay.c, which takes and releases what is due. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/store_relay.h"
#include "store_internal.h"

/* Express jobs released and not claimed for longer than $1 ms, as the two branches of a
 * UNION ALL, each exactly the predicate of one partial index (migrations 0018, 0024), so
 * that it reads only released express jobs: the priority ones (jobs_priority_released)
 * and the keyed ones (jobs_keyed_released); column c is j's col. extra: more conditions on
 * j, each followed by AND.
 * A single OR of both (review R8 #1) matches neither index: the relay's session plans
 * generically without bitmap scans (JOBQ_STORE_ORDERED), so it walked every queued job
 * (held, waiting keyed, plain backlog) through jobs_status_created. The ORDER BY of each
 * branch is its index's order, which keeps the choice on stale statistics too. Figures
 * (docs/scheduling.md, "Lost messages"): jobs ANALYZEd empty, then 3,000 held and 2,000
 * backlog rows in one queue, 300 old express rows in another. */
#define EXPRESS_OLD_IN(col, extra)                                                                 \
	"(SELECT c FROM (SELECT j." col " AS c FROM jobs j WHERE " extra "j.priority > 0"          \
	" AND j.status = 'queued' AND j.published_at IS NOT NULL"                                  \
	" AND j.published_at < now() - make_interval(secs => $1::bigint / 1000.0)"                 \
	" ORDER BY j.queue, j.published_at) p UNION ALL SELECT c FROM (SELECT j." col " AS c"      \
	" FROM jobs j WHERE " extra "j.concurrency_key IS NOT NULL"                                \
	" AND j.status = 'queued' AND j.published_at IS NOT NULL"                                  \
	" AND j.published_at < now() - make_interval(secs => $1::bigint / 1000.0)"                 \
	" ORDER BY j.queue, j.concurrency_key, j.published_at) k)"

/* The rest of the condition, checked again on the locked version of a row found by
 * EXPRESS_OLD_IN. */
#define EXPRESS_OLD(j)                                                                             \
	" " j ".status = 'queued' AND " j ".published_at IS NOT NULL"                              \
	" AND " j ".published_at < now() - make_interval(secs => $1::bigint / 1000.0)"             \
	" AND (" j ".concurrency_key IS NOT NULL OR " j ".priority > 0)"

int jobq_store_relay_old_express(struct jobq_store *st, int64_t age_ms,
				 char (*queues)[JOBQ_QUEUE_BUF], int max, struct jobq_err *err)
{
	char age[STORE_I64_LEN], lim[STORE_I64_LEN];
	const char *p[2] = { store_i64(age, age_ms), store_i64(lim, max) };
	PGresult *res;
	int r, n;

	r = jobq_store_exec(st, "jobq_relay_old_express",
			    "SELECT DISTINCT e.c FROM " EXPRESS_OLD_IN(
				    "queue", "") " e ORDER BY e.c LIMIT $2::int",
			    2, p, &res, "relay: old express jobs", err);
	if (r != 0)
		return r;
	n = PQntuples(res);
	for (int i = 0; i < n; i++)
		store_copy(queues[i], JOBQ_QUEUE_BUF, PQgetvalue(res, i, 0));
	PQclear(res);
	return n;
}

/* Whether no worker that serves queue $2 may hold o's message unstarted, or give one back
 * to the broker unseen. A passive declare counts only ready messages, and a consumer whose
 * executors all run long jobs holds up to its prefetch of express messages unacked: those
 * are not lost, only waiting. Each round its relay records the job ids of the express
 * deliveries waiting in it and of the jobs its executors hold (workers.express_waiting, as
 * of express_waiting_at: migration 0037). The caller found the queue with no ready message
 * at each of its checks over the last $3 ms, so a message of the queue that is not lost
 * was delivered before the first: a live worker that recorded after it without o
 * does not hold o's message, whatever else it holds (another queue's express deliveries
 * held a busy worker's every queue back: review R7). Held back by:
 * - a worker that requeued since the first check (express_requeued_at: its broker
 *   connection was replaced, its drain gave its deliveries back, it took the id of a
 *   worker that died): a message ready for a moment between two checks may sit in a
 *   worker that recorded before it arrived, and must not be released twice;
 * - a live worker (running or draining: its relay records through the drain) that
 *   recorded nothing since the first check (NULL: of a version before 0037, or just
 *   registered), or whose list names o;
 * - a worker that died ($4 ms before the first check or later: its last heartbeat, then
 *   the broker's notice of its lost connection): its prefetch goes back to the broker.
 * The workers are read once per statement (w, v: an InitPlan each), not once per candidate
 * job (a pg_locks read per worker and job: review R8 #2): blocked when any of them holds
 * every job back; listed, the ids that live workers recorded. */
#define LOST_WORKERS                                                                               \
	"WITH w AS MATERIALIZED (SELECT w.express_waiting, w.express_waiting_at,"                  \
	"  w.express_requeued_at, w.heartbeat_at, w.state IN ('running', 'draining') AS live,"     \
	"  CASE WHEN w.state IN ('running', 'draining')"                                           \
	"   THEN jobq_lock_holder_alive(w.lock_key, w.backend_pid) END AS alive"                   \
	"  FROM workers w WHERE $2 = ANY (w.queues)),"                                             \
	" v AS MATERIALIZED (SELECT coalesce(bool_or("                                             \
	"   w.express_requeued_at > now() - make_interval(secs => $3::bigint / 1000.0)"            \
	"   OR (w.live AND CASE WHEN w.alive"                                                      \
	"    THEN w.express_waiting_at IS NULL"                                                    \
	"     OR w.express_waiting_at <= now() - make_interval(secs => $3::bigint / 1000.0)"       \
	"    ELSE w.heartbeat_at >"                                                                \
	"     now() - make_interval(secs => ($3::bigint + $4::bigint) / 1000.0) END)), false)"     \
	"   AS blocked,"                                                                           \
	"  coalesce((SELECT array_agg(x) FROM w l, unnest(l.express_waiting) x WHERE l.alive),"    \
	"   '{}') AS listed FROM w) "
#define LOST_NOBODY_HOLDS(o)                                                                       \
	"NOT (SELECT v.blocked FROM v) AND " o ".id <> ALL ((SELECT v.listed FROM v)::uuid[])"

/* The lost-message release: l locks the candidates found by EXPRESS_OLD_IN by primary key
 * and checks o's condition on the version locked, in the select list (in the WHERE, its
 * status = 'queued' let a generic plan made on statistics that saw none of these rows walk
 * every queued job through jobs_status_created); the update finds them by primary key. */
/* clang-format off */
#define SQL_LOST                                                                                   \
	LOST_WORKERS                                                                               \
	", l AS MATERIALIZED (SELECT o.id, (o.queue = $2 AND" EXPRESS_OLD("o") ") AS ok"          \
	"  FROM jobs o WHERE o.id = ANY (ARRAY" EXPRESS_OLD_IN("id", "j.queue = $2 AND ") ")"     \
	"  AND " LOST_NOBODY_HOLDS("o") " ORDER BY o.id FOR UPDATE OF o SKIP LOCKED) "            \
	"UPDATE jobs j SET published_at = NULL, publish_after = now(), updated_at = now(),"        \
	" lease_token = j.lease_token + 1 WHERE j.id = ANY (ARRAY(SELECT l.id FROM l WHERE l.ok))"
/* clang-format on */

int jobq_store_relay_express_record(struct jobq_store *st, const char *worker_id,
				    const char *const *ids, size_t n, int64_t requeued_ms,
				    struct jobq_err *err)
{
	char requeued[STORE_I64_LEN], *arr = jobq_store_uuid_array(ids, n);
	PGresult *res = NULL;
	int r;

	if (arr == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "relay: express record: out of memory");
	{
		const char *p[3] = { worker_id, arr, store_i64(requeued, requeued_ms) };

		/* As of one second before now: the list was read before the statement began. */
		r = jobq_store_exec(
			st, "jobq_relay_express_record",
			"UPDATE workers SET express_waiting = $2::uuid[],"
			" express_waiting_at = now() - interval '1 second',"
			" express_requeued_at = CASE WHEN $3::bigint < 0 THEN express_requeued_at"
			"  ELSE greatest(express_requeued_at,"
			"                now() + make_interval(secs => $3::bigint / 1000.0)) END"
			" WHERE id = $1",
			3, p, &res, "relay: express record", err);
	}
	PQclear(res);
	free(arr);
	return r;
}

int jobq_store_relay_lost(struct jobq_store *st, const char *queue, int64_t age_ms,
			  int64_t quiet_ms, int64_t dead_ms, struct jobq_err *err)
{
	char age[STORE_I64_LEN], quiet[STORE_I64_LEN], dead[STORE_I64_LEN];
	const char *p[4] = { store_i64(age, age_ms), queue, store_i64(quiet, quiet_ms),
			     store_i64(dead, dead_ms) };
	PGresult *res;
	int r;

	/* Unpublished again, as after a failed publish: the releases take them in their turn
	 * (a new lease token, so that a late mark of the old publish cannot hide them). Only
	 * while no worker of the queue may hold them (LOST_NOBODY_HOLDS). The candidates are
	 * read through the released express indexes (EXPRESS_OLD_IN), then found and updated
	 * by primary key, their condition checked on the locked version. */
	r = jobq_store_exec(st, "jobq_relay_lost", SQL_LOST, 4, p, &res, "relay: lost express jobs",
			    err);
	if (r != 0)
		return r;
	r = atoi(PQcmdTuples(res));
	PQclear(res);
	return r;
}

int jobq_store_relay_defer(struct jobq_store *st, const char *const *ids, size_t n,
			   int64_t delay_ms, struct jobq_err *err)
{
	char delay[STORE_I64_LEN], *arr;
	PGresult *res = NULL;
	int r;

	if (n == 0)
		return 0;
	if ((arr = jobq_store_uuid_array(ids, n)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "relay: out of memory");
	{
		const char *p[2] = { arr, store_i64(delay, delay_ms) };

		/* By primary key only, still unpublished checked on the version locked: a
		 * join to l, or published_at in l's WHERE, let a generic plan made on stale
		 * statistics walk the whole table or every unpublished job (review R9 #5). */
		r = jobq_store_exec(
			st, "jobq_relay_defer",
			"WITH l AS MATERIALIZED (SELECT id AS lid, published_at IS NULL AS ok"
			" FROM jobs WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE) "
			"UPDATE jobs SET publish_after = now() +"
			" make_interval(secs => $2::bigint / 1000.0) "
			"WHERE jobs.id = ANY (ARRAY(SELECT l.lid FROM l WHERE l.ok))",
			2, p, &res, "relay: defer", err);
	}
	PQclear(res);
	free(arr);
	return r;
}

#define DEAD_BODY_KEPT 65536

int jobq_store_dead_letter(struct jobq_store *st, const struct jobq_dead_letter *d, bool *failed,
			   struct jobq_err *err)
{
	size_t kept = d->body_len < DEAD_BODY_KEPT ? d->body_len : DEAD_BODY_KEPT;
	static const char *const names[1] = { "failed" };
	char total[STORE_I64_LEN];
	const char *p[6] = {
		d->job_id,    d->queue, d->reason, NULL, store_i64(total, (int64_t)d->body_len),
		d->message_id
	};
	int lengths[6] = { 0, 0, 0, (int)kept, 0, 0 };
	int formats[6] = { 0, 0, 0, 1, 0, 0 };
	PGresult *res;
	int col, r;

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
		"        WHEN NOT EXISTS (SELECT 1 FROM jobs WHERE id = $1::uuid) THEN 'no such "
		"job'"
		"        ELSE 'job left as it was' END,"
		"   $4::bytea, $5::bigint, $6 RETURNING id) "
		"SELECT EXISTS (SELECT 1 FROM f) AS failed, (SELECT id FROM d) AS dead_letter_id",
		6, NULL, p, lengths, formats, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		r = jobq_store_result_error(st, res, "record dead letter", err);
		PQclear(res);
		return r;
	}
	if ((r = store_columns(res, names, 1, &col, "record dead letter", err)) == 0)
		*failed = store_bool(res, 0, col);
	PQclear(res);
	return r;
}
