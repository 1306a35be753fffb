/* The relay's statements (jobq/store_relay.h): taking due, unpublished jobs to publish
 * (scheduled → queued when due), releasing priority jobs, and the due probe that says
 * whether a round has work. The keyed release is in store_keyed.c, the limit release in
 * store_held.c, the SQL they share in store_relay_sql.h; the recovery after a publish (lost
 * express messages, failed publishes, dead letters) is in store_recover.c. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_relay_sql.h"

int store_relay_read_taken(PGresult *res, const char *what, struct jobq_envelope *envs,
			   int64_t *tokens, struct jobq_err *err)
{
	enum {
		ID,
		TYPE,
		QUEUE,
		TOKEN,
		NCOLS
	};
	static const char *const names[NCOLS] = { "id", "type", "queue", "lease_token" };
	int col[NCOLS], prio = PQfnumber(res, "priority"), keyed = PQfnumber(res, "keyed");
	int r, n;

	if ((r = store_columns(res, names, NCOLS, col, what, err)) != 0) {
		PQclear(res);
		return r;
	}
	n = PQntuples(res);
	for (int i = 0; i < n; i++) {
		memset(&envs[i], 0, sizeof(envs[i]));
		store_copy(envs[i].job_id, sizeof(envs[i].job_id), PQgetvalue(res, i, col[ID]));
		store_copy(envs[i].type, sizeof(envs[i].type), PQgetvalue(res, i, col[TYPE]));
		store_copy(envs[i].queue, sizeof(envs[i].queue), PQgetvalue(res, i, col[QUEUE]));
		tokens[i] = store_int64(res, i, col[TOKEN]);
		if (prio >= 0)
			envs[i].priority = (int)store_int64(res, i, prio);
		if (keyed >= 0)
			envs[i].keyed = store_bool(res, i, keyed);
	}
	PQclear(res);
	return n;
}

int jobq_store_relay_take(struct jobq_store *st, int64_t grace_ms, struct jobq_envelope *envs,
			  int64_t *tokens, int max, struct jobq_err *err)
{
	char grace[STORE_I64_LEN], lim[STORE_I64_LEN];
	const char *p[2] = { store_i64(grace, grace_ms), store_i64(lim, max) };
	PGresult *res;
	int r;

	/* Pushing publish_after hides a taken row from other relays for grace_ms, long enough
	 * for this one to publish it and mark it published. The candidates are the oldest due
	 * rows of the queues that run (per queue, in publish_after order: a paused queue's
	 * backlog is not read: the queues that run are picked first, OFFSET 0 keeping the planner
	 * from reading a paused queue's rows before its check); those another relay has locked
	 * are skipped (it takes them).
	 * Locked and updated by primary key only (= ANY of an array), and checked again on the
	 * version locked in the select list: a join to the candidates, or RELAY_DUE's status
	 * in the WHERE, let a generic plan made on statistics that saw none of these rows read
	 * the whole table through jobs_pkey, or every waiting row, on every take. */
	/* clang-format off */
	r = jobq_store_exec(
		st, "jobq_relay_take",
		"WITH RECURSIVE" RELAY_PLAIN_QUEUES ","
		" due AS ("
		"  SELECT id, (" RELAY_DUE ") AS ok FROM jobs WHERE id = ANY (ARRAY("
		"   SELECT c.id FROM (SELECT pq.queue FROM pq WHERE " STORE_QUEUE_RUNS("pq")
		"   OFFSET 0) r CROSS JOIN LATERAL ("
		"   SELECT j.id, j.publish_after FROM jobs j WHERE j.queue = r.queue AND"
		RELAY_DUE_ROW("j") " ORDER BY j.publish_after LIMIT $2::int) c"
		"   ORDER BY c.publish_after LIMIT $2::int))"
		"  FOR UPDATE SKIP LOCKED) "
		"UPDATE jobs j SET status = 'queued', updated_at = now(),"
		" lease_token = j.lease_token + 1,"
		" publish_after = now() + make_interval(secs => $1::bigint / 1000.0),"
		" status_reason = CASE WHEN j.status = 'scheduled' THEN 'due' ELSE j.status_reason "
		"END "
		"WHERE j.id = ANY (ARRAY(SELECT due.id FROM due WHERE due.ok))"
		" RETURNING j.id, j.type, j.queue, j.lease_token",
		2, p, &res, "relay", err);
	/* clang-format on */
	if (r != 0)
		return r;
	return store_relay_read_taken(res, "relay", envs, tokens, err);
}

int jobq_store_relay_handed(struct jobq_store *st, const int64_t *ats, size_t n,
			    struct jobq_envelope *envs, int64_t *tokens, int max,
			    struct jobq_err *err)
{
	char lim[STORE_I64_LEN], *arr;
	const char *p[2];
	PGresult *res;
	size_t len = 2;
	int r;

	if (n == 0)
		return 0;
	if ((arr = malloc(n * (STORE_I64_LEN + 1) + 3)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "relay: handed jobs: out of memory");
	arr[0] = '{';
	for (size_t k = 0; k < n; k++)
		len += (size_t)sprintf(arr + len - 1, "%s%lld", k > 0 ? "," : "",
				       (long long)ats[k]);
	memcpy(arr + len - 1, "}", 2);
	p[0] = arr;
	p[1] = store_i64(lim, max);
	/* Per queue that runs (the take's loose scan), the rows of jobs_plain_unpublished_queue
	 * at (queue, each instant): no lock, no write. An instant is microseconds since 1970,
	 * made a timestamp exactly (whole seconds, then microseconds: no factor a double cannot
	 * hold). */
	/* clang-format off */
	r = jobq_store_exec(
		st, "jobq_relay_handed",
		"WITH RECURSIVE" RELAY_PLAIN_QUEUES " "
		"SELECT c.id, c.type, c.queue, c.lease_token"
		" FROM (SELECT pq.queue FROM pq WHERE " STORE_QUEUE_RUNS("pq") " OFFSET 0) r"
		" CROSS JOIN LATERAL (SELECT j.id, j.type, j.queue, j.lease_token FROM jobs j"
		"  WHERE j.queue = r.queue AND" RELAY_PLAIN("j") " AND j.run_after <= now()"
		"  AND j.publish_after = ANY (ARRAY(SELECT timestamptz 'epoch'"
		"   + (a / 1000000) * interval '1 second' + (a % 1000000) * interval '1 microsecond'"
		"   FROM unnest($1::bigint[]) AS a))"
		"  AND j.publish_after > now() LIMIT $2::int) c"
		" LIMIT $2::int",
		2, p, &res, "relay: handed jobs", err);
	/* clang-format on */
	free(arr);
	if (r != 0)
		return r;
	return store_relay_read_taken(res, "relay: handed jobs", envs, tokens, err);
}

/* Per queue, room = the window ($2) less the priority jobs released and not claimed yet,
 * whatever their age (a row whose message was lost is found and released again by
 * jobq_store_relay_lost); the room's worth of waiting ones is taken highest priority
 * first. As in the take, pushing publish_after by the grace ($1) hides a taken row from
 * other relays while this one publishes it. The rows come back in release order. The
 * update finds them by primary key (a join to pick: see the take). */
/* clang-format off */
static const char SQL_RELEASE[] =
	"WITH RECURSIVE" PRIORITY_QUEUES ","
	" room AS (SELECT ps.queue, $2::int - (SELECT count(*) FROM jobs r"
	"   WHERE r.queue = ps.queue AND r.priority > 0 AND r.status = 'queued'"
	"   AND r.published_at IS NOT NULL"
	"   AND r.concurrency_key IS NULL)::int AS n FROM ps),"
	" pick AS (SELECT p.id FROM room CROSS JOIN LATERAL ("
	"   SELECT j.id FROM jobs j WHERE j.queue = room.queue AND" PRIORITY_DUE_ROW("j")
	"   ORDER BY j.priority DESC, j.created_at LIMIT greatest(room.n, 0)"
	"   FOR UPDATE SKIP LOCKED) p LIMIT $3::int),"
	" u AS (UPDATE jobs j SET" RELEASE_SET
	"  WHERE j.id = ANY (ARRAY(SELECT pick.id FROM pick))"
	"  RETURNING j.id, j.type, j.queue, j.lease_token, j.priority, j.created_at) "
	"SELECT id, type, queue, lease_token, priority FROM u ORDER BY priority DESC, created_at";
/* clang-format on */

int store_relay_window_release(struct jobq_store *st, const char *name, const char *sql,
			       const char *what, int64_t grace_ms, int window,
			       struct jobq_envelope *envs, int64_t *tokens, int max,
			       struct jobq_err *err)
{
	char grace[STORE_I64_LEN], win[STORE_I64_LEN], lim[STORE_I64_LEN];
	const char *p[3] = { store_i64(grace, grace_ms), store_i64(win, window),
			     store_i64(lim, max) };
	PGresult *res;
	int r;

	if ((r = jobq_store_exec(st, name, sql, 3, p, &res, what, err)) != 0)
		return r;
	return store_relay_read_taken(res, what, envs, tokens, err);
}

int jobq_store_relay_release(struct jobq_store *st, int64_t grace_ms, int window,
			     struct jobq_envelope *envs, int64_t *tokens, int max,
			     struct jobq_err *err)
{
	return store_relay_window_release(st, "jobq_relay_release", SQL_RELEASE, "relay: release",
					  grace_ms, window, envs, tokens, max, err);
}

/* The due probe: an unkeyed priority-0 job due in a queue that runs (RELAY_DUE, asked per
 * queue: pq is a loose scan of jobs_plain_unpublished_queue over the queues with such jobs,
 * so a paused queue's backlog costs one index descent, not a walk of its rows; migration
 * 0036, review R7 finding 4; each queue asked in index order with LIMIT 1, a lateral the
 * planner cannot flatten: an EXISTS there became a semi-join that hashed every due row of
 * every queue on a plan made on stale statistics, review R9 finding 4), a priority job
 * waiting, a keyed job scheduled for later come due (jobs_keyed_scheduled, in its order: a
 * generic plan made on statistics that saw no scheduled job read every scheduled job
 * through jobs_status_created instead), a queue that
 * runs with waiting keyed jobs, room in its keyed window ($1; one probe per queue of
 * jobs_keyed_waiting and at most a window's entries of jobs_keyed_released: a full window
 * is not work) and, among its first 256 due keyed jobs (a bound: a key:K limit that is full
 * does not make every probe walk that key's backlog; a job further on waits for the relay's
 * tick), one none of whose limited scopes is full, or a held job the limit release would
 * let go (HELD_GOES: its scope has room and none of its other scopes is full; migrations
 * 0021, 0023, 0029, 0034). wait_ms: the ms until the next
 * token of a rated scope that holds jobs or may hold up keyed jobs, when it waits for one.
 * The rooms (LIMIT_ROOM_IN, unlocked) are computed only when a limit exists, and only of the
 * scopes that can matter (migration 0038, review R7 finding 3): lq, the queue:Q of the
 * queues with waiting keyed jobs; kd, per such queue that runs with room in its window and
 * its queue:Q, its first 256 due keyed jobs; lo, the scopes with held jobs (loose scans of
 * the held indexes: every scope of a held job has it held, all HELD_GOES reads) and the
 * type:T and key:K of kd's jobs, less lq's scopes (each room is computed once: review R8
 * finding 5); lr, lq's rows and lo's. A key:K limit whose key has no job there is not
 * counted (1,000 key:K limits, keyed jobs of 5 keys waiting: Costs in docs/scheduling.md). */
/* clang-format off */
static const char SQL_DUE_1[] =
	"WITH RECURSIVE" KEYED_QUEUES ","
	" lq AS MATERIALIZED (" LIMIT_ROOM_IN("false", "true",
		"ARRAY(SELECT 'queue:' || qs.queue FROM qs)") "),"
	" kd AS MATERIALIZED (SELECT qs.queue, j.type, j.concurrency_key FROM qs"
	"  CROSS JOIN LATERAL (SELECT j.type, j.concurrency_key FROM jobs j"
	"   WHERE" KEYED_DUE("j") " AND j.queue = qs.queue LIMIT 256) j"
	"  WHERE " STORE_QUEUE_RUNS("qs")
	"  AND NOT EXISTS (SELECT 1 FROM lq WHERE lq.scope = 'queue:' || qs.queue AND lq.n <= 0)"
	"  AND (SELECT count(*) FROM (SELECT 1 FROM jobs r WHERE r.queue = qs.queue"
	"   AND" KEYED_RELEASED("r") " LIMIT $1::int) w) < $1::int),"
	LOOSE_SCAN("hq", "queue", LIMIT_HELD("j")) ","
	LOOSE_SCAN("ht", "type", LIMIT_HELD("j")) ","
	LOOSE_SCAN("hk", "concurrency_key", LIMIT_HELD("j") " AND j.concurrency_key IS NOT NULL") ","
	" lo AS MATERIALIZED (" LIMIT_ROOM_IN("false", "true",
		"ARRAY(SELECT 'queue:' || hq.v FROM hq UNION SELECT 'type:' || ht.v FROM ht"
		" UNION SELECT 'key:' || hk.v FROM hk UNION SELECT 'type:' || kd.type FROM kd"
		" UNION SELECT 'key:' || kd.concurrency_key FROM kd"
		" EXCEPT SELECT 'queue:' || qs.queue FROM qs)") "),"
	" lr AS (SELECT * FROM lq UNION ALL SELECT * FROM lo),"
	RELAY_PLAIN_QUEUES ",";
/* (in three parts: a C string literal longer than 4,095 characters is not portable) */
static const char SQL_DUE_2[] =
	PRIORITY_QUEUES
	" SELECT EXISTS (SELECT 1 FROM (SELECT pq.queue FROM pq WHERE " STORE_QUEUE_RUNS("pq")
	"  OFFSET 0) r CROSS JOIN LATERAL (SELECT 1 FROM jobs j WHERE j.queue = r.queue AND"
	RELAY_DUE_ROW("j") " ORDER BY j.publish_after LIMIT 1) d)"
	" OR EXISTS (SELECT 1 FROM ps CROSS JOIN LATERAL (SELECT 1 FROM jobs j"
	"  WHERE j.queue = ps.queue AND" PRIORITY_DUE_ROW("j")
	"  ORDER BY j.priority DESC, j.created_at LIMIT 1) d)"
	" OR EXISTS (SELECT 1 FROM jobs d WHERE" KEYED_SCHEDULED("d")
	"  AND d.run_after <= now() AND d.publish_after <= now() ORDER BY d.run_after LIMIT 1)"
	" OR EXISTS (SELECT 1 FROM kd WHERE NOT EXISTS (SELECT 1 FROM lr WHERE lr.n <= 0"
	"  AND lr.scope IN ('type:' || kd.type, 'key:' || kd.concurrency_key)))"
	" OR";
static const char SQL_DUE_3[] =
	HELD_GOES("lr") " AS due,"
	" (SELECT ceil(min(lr.wait_ms))::bigint FROM lr WHERE lr.held"
	"  OR (lr.scope NOT LIKE 'queue:%' AND EXISTS (SELECT 1 FROM qs))"
	"  OR lr.scope IN (SELECT 'queue:' || qs.queue FROM qs)) AS wait_ms";
/* clang-format on */

int jobq_store_relay_due(struct jobq_store *st, int keyed_window, int64_t *limit_wait_ms,
			 struct jobq_err *err)
{
	char win[STORE_I64_LEN];
	const char *p[1] = { store_i64(win, keyed_window) };
	char sql[sizeof(SQL_DUE_1) + sizeof(SQL_DUE_2) + sizeof(SQL_DUE_3)];
	PGresult *res;
	int r;

	snprintf(sql, sizeof(sql), "%s%s%s", SQL_DUE_1, SQL_DUE_2, SQL_DUE_3);
	r = jobq_store_exec(st, "jobq_relay_due", sql, 1, p, &res, "relay", err);
	if (r != 0)
		return r;
	r = store_bool(res, 0, 0) ? 1 : 0;
	*limit_wait_ms = PQgetisnull(res, 0, 1) ? -1 : store_int64(res, 0, 1);
	PQclear(res);
	return r;
}
