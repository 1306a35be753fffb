/* The relay's statements (jobq/store_relay.h): taking due, unpublished jobs to publish
 * (scheduled → queued when due), and releasing priority, keyed and limit-held jobs; the
 * recovery after a publish (lost express messages, failed publishes, dead letters) is in
 * store_recover.c. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/store_relay.h"
#include "store_internal.h"

/* A job the relay must publish now: unpublished, waiting, due, past its submitter's grace
 * and of a queue that is not paused (a paused queue's jobs are held until it is resumed, and
 * the probe does not report them, so they do not make the relay spin). One text for the
 * take and the probe (RELAY_DUE_ROW and STORE_QUEUE_RUNS; the probe asks the queue per
 * queue), so that the probe never says "nothing" while the take would find rows (both use
 * the partial indexes on unpublished jobs). */
#define RELAY_QUEUE_RUNS STORE_QUEUE_RUNS("jobs")
/* An unpublished, waiting, unkeyed priority-0 job row j (the predicate of the partial
 * indexes jobs_plain_unpublished and jobs_plain_unpublished_queue). */
#define RELAY_PLAIN(j)                                                                             \
	" " j ".published_at IS NULL AND " j ".status IN ('scheduled', 'queued')"                  \
	" AND " j ".priority = 0"            /* priority jobs: jobq_store_relay_release */         \
	" AND " j ".concurrency_key IS NULL" /* keyed jobs: jobq_store_relay_key_release */
/* ... that is due (its queue is checked apart). */
#define RELAY_DUE_ROW(j)                                                                           \
	RELAY_PLAIN(j) " AND " j ".publish_after <= now() AND " j ".run_after <= now()"
#define RELAY_DUE RELAY_DUE_ROW("jobs") " AND " RELAY_QUEUE_RUNS
/* A recursive CTE pq: the queues with unpublished unkeyed priority-0 jobs, a loose scan of
 * jobs_plain_unpublished_queue (one index descent per queue: a paused queue's backlog is
 * skipped, not walked; migration 0036). The statement must be WITH RECURSIVE. */
/* clang-format off */
#define RELAY_PLAIN_QUEUES                                                                         \
	" pq AS ("                                                                                 \
	"  (SELECT j.queue FROM jobs j WHERE" RELAY_PLAIN("j") " ORDER BY j.queue LIMIT 1)"        \
	"  UNION ALL"                                                                              \
	"  SELECT n.queue FROM pq CROSS JOIN LATERAL ("                                            \
	"   SELECT j.queue FROM jobs j WHERE" RELAY_PLAIN("j") " AND j.queue > pq.queue"           \
	"   ORDER BY j.queue LIMIT 1) n)"
/* clang-format on */

/* The rows a take or a release returned (id, type, queue, lease_token, and priority and
 * keyed when the statement names them) into envs and tokens; clears res. The count, or the
 * JOBQ_EINTERNAL of a missing column. */
static int read_taken(PGresult *res, const char *what, struct jobq_envelope *envs, int64_t *tokens,
		      struct jobq_err *err)
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
	 * backlog is not read); those another relay has locked are skipped (it takes them).
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
		"   SELECT c.id FROM pq CROSS JOIN LATERAL ("
		"   SELECT j.id, j.publish_after FROM jobs j WHERE j.queue = pq.queue AND"
		RELAY_DUE_ROW("j") " ORDER BY j.publish_after LIMIT $2::int) c"
		"   WHERE " STORE_QUEUE_RUNS("pq") " ORDER BY c.publish_after LIMIT $2::int))"
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
	return read_taken(res, "relay", envs, tokens, err);
}

/* A priority job waiting for the release (migration 0018): unpublished, waiting, due and of a
 * queue that is not paused (as RELAY_DUE: a paused queue's priority jobs are not released,
 * nor reported by the probe), without a concurrency key (a keyed one is the keyed release's,
 * migration 0024). j is the alias of jobs in the statement. */
#define PRIORITY_DUE(j)                                                                            \
	" " j ".priority > 0 AND " j ".published_at IS NULL"                                       \
	" AND " j ".status IN ('scheduled', 'queued')"                                             \
	" AND " j ".publish_after <= now() AND " j ".run_after <= now()"                           \
	" AND " j ".concurrency_key IS NULL AND " STORE_QUEUE_RUNS(j)

/* What a release does to the rows it takes (jobs aliased j), as the take does: queued (a
 * scheduled row come due says so), a new lease token for the mark, and publish_after pushed
 * by the grace ($1 ms), which hides the row from other relays while this one publishes it.
 * One text for the priority and the keyed release. */
#define RELEASE_TAKE                                                                               \
	" status = 'queued', updated_at = now(), lease_token = j.lease_token + 1,"                 \
	" publish_after = now() + make_interval(secs => $1::bigint / 1000.0),"
#define RELEASE_SET                                                                                \
	RELEASE_TAKE                                                                               \
	" status_reason = CASE WHEN j.status = 'scheduled' THEN 'due' ELSE j.status_reason END"

/* Per queue, room = the window ($2) less the priority jobs released and not claimed yet,
 * whatever their age (a row whose message was lost is found and released again by
 * jobq_store_relay_lost); the room's worth of waiting ones is taken highest priority
 * first. As in the take, pushing publish_after by the grace ($1) hides a taken row from
 * other relays while this one publishes it. The rows come back in release order. The
 * update finds them by primary key (a join to pick: see the take). */
/* clang-format off */
static const char SQL_RELEASE[] =
	"WITH q AS (SELECT DISTINCT queue FROM jobs WHERE" PRIORITY_DUE("jobs") "),"
	" room AS (SELECT q.queue, $2::int - (SELECT count(*) FROM jobs r"
	"   WHERE r.queue = q.queue AND r.priority > 0 AND r.status = 'queued'"
	"   AND r.published_at IS NOT NULL"
	"   AND r.concurrency_key IS NULL)::int AS n FROM q),"
	" pick AS (SELECT p.id FROM room CROSS JOIN LATERAL ("
	"   SELECT j.id FROM jobs j WHERE" PRIORITY_DUE("j") " AND j.queue = room.queue"
	"   ORDER BY j.priority DESC, j.created_at LIMIT greatest(room.n, 0)"
	"   FOR UPDATE SKIP LOCKED) p LIMIT $3::int),"
	" u AS (UPDATE jobs j SET" RELEASE_SET
	"  WHERE j.id = ANY (ARRAY(SELECT pick.id FROM pick))"
	"  RETURNING j.id, j.type, j.queue, j.lease_token, j.priority, j.created_at) "
	"SELECT id, type, queue, lease_token, priority FROM u ORDER BY priority DESC, created_at";
/* clang-format on */

/* A windowed release (sql: $1 the grace, $2 the window, $3 the most rows), prepared as
 * `name`, its rows read into envs and tokens; `what` names it in messages. */
static int window_release(struct jobq_store *st, const char *name, const char *sql,
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
	return read_taken(res, what, envs, tokens, err);
}

int jobq_store_relay_release(struct jobq_store *st, int64_t grace_ms, int window,
			     struct jobq_envelope *envs, int64_t *tokens, int max,
			     struct jobq_err *err)
{
	return window_release(st, "jobq_relay_release", SQL_RELEASE, "relay: release", grace_ms,
			      window, envs, tokens, max, err);
}

/* A keyed job waiting for the keyed release (migrations 0024, 0027): unpublished, queued
 * and not held by a limit (publish_after 'infinity'): the predicate of the index
 * jobs_keyed_waiting, which the loose scans over queues and keys read. */
#define KEYED_WAITING(j)                                                                           \
	" " j ".concurrency_key IS NOT NULL AND " j ".published_at IS NULL"                        \
	" AND " j ".status = 'queued' AND " j ".publish_after < 'infinity'"
/* A keyed job scheduled for later (a run time, a retry's backoff): the predicate of
 * jobs_keyed_scheduled; the release moves it to queued once due. */
#define KEYED_SCHEDULED(j)                                                                         \
	" " j ".concurrency_key IS NOT NULL AND " j ".published_at IS NULL"                        \
	" AND " j ".status = 'scheduled'"
/* ... and due now: not taken by a relay within its grace (nor pushed back after a failed
 * publish). The queue's pause is checked per queue (room). */
#define KEYED_DUE(j)                                                                               \
	KEYED_WAITING(j) " AND " j ".publish_after <= now() AND " j ".run_after <= now()"
/* Keyed jobs released and not claimed yet, whatever their age (jobs_keyed_released; a row
 * whose message was lost is found and released again by jobq_store_relay_lost, so it
 * cannot wedge the window for ever). r is the alias of jobs. */
#define KEYED_RELEASED(r)                                                                          \
	" " r ".concurrency_key IS NOT NULL AND " r ".status = 'queued'"                           \
	" AND " r ".published_at IS NOT NULL"
/* The rooms of the limited scopes (jobq_limit_rooms, migration 0029), read only when a
 * limit exists: with lock, the scopes' limit rows are locked in scope order first, as the
 * claims' admission locks them; with every, all limited scopes, not only those with held
 * jobs. Room = the least of max_running less running jobs and whole tokens, less the jobs
 * released and not claimed yet. One computation for the limit release, the keyed release
 * and the due probe. */
#define LIMIT_ROOM(lock, every)                                                                    \
	"SELECT r.scope, r.n, r.wait_ms, r.held FROM (SELECT 1 WHERE " STORE_LIMITS_EXIST ") g"    \
	" CROSS JOIN LATERAL jobq_limit_rooms(" lock ", " every ") r"
/* ... of the limited scopes named in scopes (a text[] expression) only (migration 0038:
 * with many key:K limits, the rooms of the keys with no job to release are not counted nor
 * locked; review R7 finding 3), with every: all of those, otherwise those with held jobs. */
#define LIMIT_ROOM_IN(lock, every, scopes)                                                         \
	"SELECT r.scope, r.n, r.wait_ms, r.held FROM (SELECT 1 WHERE " STORE_LIMITS_EXIST ") g"    \
	" CROSS JOIN LATERAL jobq_limit_rooms(" lock ", " every ", " scopes ") r"
/* A loose index scan (a recursive CTE name(v): one index descent per value) of the distinct
 * values of column col of the jobs that pass pred (j: jobs), in col order. */
/* clang-format off */
#define LOOSE_SCAN(name, col, pred)                                                                \
	" " name " AS ((SELECT j." col " AS v FROM jobs j WHERE" pred " ORDER BY j." col " LIMIT 1)"\
	"  UNION ALL SELECT n.v FROM " name " CROSS JOIN LATERAL (SELECT j." col " AS v FROM jobs j" \
	"   WHERE" pred " AND j." col " > " name ".v ORDER BY j." col " LIMIT 1) n)"
/* clang-format on */
/* Whether job j is in a scope of room set o (an alias of a LIMIT_ROOM). */
#define LIMIT_OF(o, j)                                                                             \
	" " o ".scope IN ('queue:' || " j ".queue, 'type:' || " j ".type,"                         \
	" 'key:' || " j ".concurrency_key)"
/* The keyed release (docs/design.md §6 "Keyed release"), in steps:
 *  qs    the queues with waiting keyed jobs: a loose index scan of jobs_keyed_waiting
 *        (one probe per queue);
 *  wr    per queue of qs that is not paused: the window ($2) less its released keyed jobs;
 *  kw0   only in queues with room in the window (a full window costs one count per queue,
 *        not a walk over its keys), the keys with waiting jobs in key order from the
 *        queue's cursor (key_cursors: the last key served), wrapping, at most 4 x that room
 *        keys (at least 64): one probe per key, so a release's cost follows its room, not
 *        the keys; read unlocked, before any limit row is locked;
 *  kp0   the keys of the queue's first (window room) waiting jobs of priority 1-9
 *        (jobs_keyed_priority), numbered, which the bounded walk must not delay;
 *  lim   the room of the limited scopes that can matter: the queue:Q of qs, every type:T
 *        and the key:K of kw0 and kp0 only, the keys this release can reach (LIMIT_ROOM_IN,
 *        migrations 0038, 0042: concurrency and rate, their rows locked first in scope
 *        order, as the limit release's; none without limits; review R8 finding 5: not the
 *        key:K of every waiting key);
 *  room  wr's room, no more than the queue's queue:Q limit's room;
 *  kw    kw0's keys within 4 x room (at least 64), in queues with room: kw0 walked the same
 *        keys from the same cursor with a bound at least as large, so these are the keys
 *        a walk bounded by room reaches (a queue:Q limit smaller than the window walks up to
 *        4 x its window room keys, a full queue:Q limit too: the price of one pass);
 *  kp, k kp0's first room keys, and kw's keys;
 *  fl    per queue with room and key, its jobs released and not claimed yet;
 *  cand  per key, its first due jobs (highest priority first, then oldest; at most twice
 *        its even share of the room, never more than the room nor than its key:K limit's
 *        room; none of a type whose type:T limit is full; numbered after the
 *        LIMIT: a row_number ordered by (priority, created_at) read a key's whole group of
 *        jobs sharing a creation time, as a batch's do), each with its turn:
 *        its place in its key's line plus the key's jobs in flight, and the key's last
 *        release (key_turns, migration 0027);
 *  ranked the queue's first room candidates: highest priority first; within a priority by
 *        turn (round-robin: every key's 1st job, then every key's 2nd, ...); within a turn
 *        the key least recently released first (a key never released before all), then
 *        the oldest job. Remembering the last release is what rotates the keys when they
 *        outnumber the room: the keys just served go behind the others;
 *  capped those, at most a type:T limit's room of a type and a key:K limit's room of a
 *        key (across queues: cand's bound on a key is per queue);
 *  pick  those, locked, skipping rows other relays hold ($3 bounds all);
 *  kt    the released keys' last release set to now (in key order, so two relays'
 *        upserts do not deadlock);
 *  kc    the queue's cursor moved to the last walked key that was served.
 * Taken as the priority release's are (RELEASE_TAKE), marked 'released' when in a limited
 * scope (so that they count in flight in its room until claimed), returned in release order.
 * pick and the update find their rows by primary key (= ANY of an array): a join would
 * let the planner, which cannot know how few rows ranked holds, hash the whole table. pick
 * checks KEYED_DUE on the version it locked, in its select list, not in its WHERE: there,
 * status = 'queued' let a generic plan made on statistics that saw no queued job walk every
 * queued row through jobs_status_created instead (300 held jobs read each release). */
/* clang-format off */
static const char SQL_KEY_RELEASE_1[] =
	"WITH RECURSIVE qs AS ("
	"  (SELECT j.queue FROM jobs j WHERE" KEYED_WAITING("j") " ORDER BY j.queue LIMIT 1)"
	"  UNION ALL"
	"  SELECT n.queue FROM qs CROSS JOIN LATERAL ("
	"   SELECT j.queue FROM jobs j WHERE" KEYED_WAITING("j") " AND j.queue > qs.queue"
	"   ORDER BY j.queue LIMIT 1) n),"
	" wr AS (SELECT qs.queue, $2::int - (SELECT count(*) FROM (SELECT 1 FROM jobs r"
	"   WHERE r.queue = qs.queue AND" KEYED_RELEASED("r") " LIMIT $2::int) w)::int AS n"
	"   FROM qs WHERE " STORE_QUEUE_RUNS("qs") "),";
/* (in three parts: a C string literal longer than 4,095 characters is not portable) */
static const char SQL_KEY_RELEASE_2[] =
	" kw0 AS ("
	"  SELECT wr.queue, f.concurrency_key, 1 AS i, false AS wrapped,"
	"   f.concurrency_key AS start, greatest(4 * wr.n, 64) AS bound"
	"  FROM wr LEFT JOIN key_cursors kc ON kc.queue = wr.queue CROSS JOIN LATERAL ("
	"   (SELECT j.concurrency_key FROM jobs j WHERE" KEYED_WAITING("j")
	"    AND j.queue = wr.queue AND j.concurrency_key > coalesce(kc.concurrency_key, '')"
	"    ORDER BY j.concurrency_key LIMIT 1)"
	"   UNION ALL"
	"   (SELECT j.concurrency_key FROM jobs j WHERE" KEYED_WAITING("j")
	"    AND j.queue = wr.queue ORDER BY j.concurrency_key LIMIT 1) LIMIT 1) f"
	"  WHERE wr.n > 0"
	"  UNION ALL"
	"  SELECT k.queue, n.concurrency_key, k.i + 1, k.wrapped OR n.w, k.start, k.bound"
	"  FROM kw0 k CROSS JOIN LATERAL ("
	"   (SELECT j.concurrency_key, false AS w FROM jobs j WHERE" KEYED_WAITING("j")
	"    AND j.queue = k.queue AND j.concurrency_key > k.concurrency_key"
	"    ORDER BY j.concurrency_key LIMIT 1)"
	"   UNION ALL"
	"   (SELECT j.concurrency_key, true FROM jobs j WHERE" KEYED_WAITING("j")
	"    AND j.queue = k.queue AND NOT k.wrapped ORDER BY j.concurrency_key LIMIT 1)"
	"   LIMIT 1) n"
	"  WHERE k.i < k.bound AND NOT ((k.wrapped OR n.w) AND n.concurrency_key >= k.start)),"
	" kp0 AS (SELECT wr.queue, p.concurrency_key, p.r FROM wr CROSS JOIN LATERAL ("
	"   SELECT x.concurrency_key, row_number() OVER () AS r FROM ("
	"    SELECT j.concurrency_key FROM jobs j WHERE" KEYED_DUE("j") " AND j.priority > 0"
	"    AND j.queue = wr.queue ORDER BY j.priority DESC, j.created_at"
	"    LIMIT greatest(wr.n, 0)) x) p),"
	" lim AS MATERIALIZED (" LIMIT_ROOM_IN("true", "true",
		"ARRAY(SELECT 'queue:' || qs.queue FROM qs UNION SELECT l.scope FROM limits l"
		" WHERE l.scope LIKE 'type:%' UNION SELECT 'key:' || kw0.concurrency_key FROM kw0"
		" UNION SELECT 'key:' || kp0.concurrency_key FROM kp0)") "),"
	" room AS (SELECT wr.queue, least(wr.n,"
	"   (SELECT lim.n FROM lim WHERE lim.scope = 'queue:' || wr.queue)) AS n FROM wr),"
	" kw AS (SELECT kw0.queue, kw0.concurrency_key, kw0.i FROM kw0"
	"  JOIN room ON room.queue = kw0.queue"
	"  WHERE room.n > 0 AND kw0.i <= greatest(4 * room.n, 64)),"
	" kp AS (SELECT kp0.queue, kp0.concurrency_key FROM kp0"
	"  JOIN room ON room.queue = kp0.queue WHERE kp0.r <= room.n),"
	" k AS (SELECT kw.queue, kw.concurrency_key FROM kw"
	"  UNION SELECT kp.queue, kp.concurrency_key FROM kp),"
	" kn AS (SELECT k.queue, count(*)::int AS keys FROM k GROUP BY k.queue),"
	" fl AS (SELECT r.queue, r.concurrency_key, count(*)::int AS n FROM jobs r"
	"   WHERE r.queue IN (SELECT kn.queue FROM kn) AND" KEYED_RELEASED("r")
	"   GROUP BY r.queue, r.concurrency_key),";
static const char SQL_KEY_RELEASE_3[] =
	" cand AS (SELECT c.id, c.type, k.concurrency_key, c.priority, c.created_at, k.queue,"
	"   room.n AS room,"
	"   c.rk + coalesce(fl.n, 0) AS turn, t.last_released_at"
	"   FROM k JOIN room ON room.queue = k.queue JOIN kn ON kn.queue = k.queue"
	"   LEFT JOIN fl ON fl.queue = k.queue AND fl.concurrency_key = k.concurrency_key"
	"   LEFT JOIN key_turns t ON t.queue = k.queue AND t.concurrency_key = k.concurrency_key"
	"   CROSS JOIN LATERAL (SELECT l.*, row_number() OVER () AS rk FROM ("
	"     SELECT j.id, j.type, j.priority, j.created_at FROM jobs j WHERE" KEYED_DUE("j")
	"     AND j.queue = k.queue AND j.concurrency_key = k.concurrency_key"
	"     AND NOT EXISTS (SELECT 1 FROM lim WHERE lim.scope = 'type:' || j.type"
	"      AND lim.n <= 0)"
	"     ORDER BY j.priority DESC, j.created_at"
	"     LIMIT greatest(0, least(room.n, 2 * ceil(room.n::numeric / kn.keys)::int,"
	"      (SELECT lim.n FROM lim WHERE lim.scope = 'key:' || k.concurrency_key)))) l) c),"
	" ranked AS (SELECT x.id, x.type, x.concurrency_key, x.pos FROM (SELECT cand.id,"
	"   cand.type, cand.concurrency_key, cand.room,"
	"   row_number() OVER (PARTITION BY cand.queue ORDER BY cand.priority DESC, cand.turn,"
	"   cand.last_released_at NULLS FIRST, cand.created_at) AS pos FROM cand) x"
	"   WHERE x.pos <= x.room),"
	" capped AS (SELECT y.id, y.pos FROM (SELECT ranked.*, row_number() OVER ("
	"   PARTITION BY ranked.type ORDER BY ranked.pos, ranked.id) AS tp, row_number() OVER ("
	"   PARTITION BY ranked.concurrency_key ORDER BY ranked.pos, ranked.id) AS kp"
	"   FROM ranked) y"
	"   WHERE y.tp <= coalesce((SELECT lim.n FROM lim WHERE lim.scope = 'type:' || y.type),"
	"    y.tp)"
	"   AND y.kp <= coalesce((SELECT lim.n FROM lim"
	"    WHERE lim.scope = 'key:' || y.concurrency_key), y.kp)),"
	" pick AS (SELECT x.id FROM (SELECT j.id, (" KEYED_DUE("j") ") AS due"
	"   FROM jobs j JOIN capped r ON r.id = j.id"
	"   WHERE j.id = ANY (ARRAY(SELECT r2.id FROM capped r2))"
	"   ORDER BY r.pos LIMIT $3::int FOR UPDATE OF j SKIP LOCKED) x WHERE x.due),"
	" u AS (UPDATE jobs j SET" RELEASE_TAKE
	"  status_reason = CASE WHEN EXISTS (SELECT 1 FROM lim WHERE" LIMIT_OF("lim", "j") ")"
	"   THEN 'released' ELSE j.status_reason END"
	"  WHERE j.id = ANY (ARRAY(SELECT pick.id FROM pick))"
	"  RETURNING j.id, j.type, j.queue, j.lease_token, j.priority, j.concurrency_key),"
	" kt AS (INSERT INTO key_turns AS t (queue, concurrency_key, last_released_at)"
	"  SELECT DISTINCT u.queue, u.concurrency_key, now() FROM u ORDER BY 1, 2"
	"  ON CONFLICT (queue, concurrency_key) DO UPDATE"
	"  SET last_released_at = excluded.last_released_at),"
	" kc AS (INSERT INTO key_cursors AS c (queue, concurrency_key)"
	"  SELECT DISTINCT ON (k.queue) k.queue, k.concurrency_key FROM kw k"
	"  WHERE EXISTS (SELECT 1 FROM u WHERE u.queue = k.queue"
	"   AND u.concurrency_key = k.concurrency_key)"
	"  ORDER BY k.queue, k.i DESC"
	"  ON CONFLICT (queue) DO UPDATE SET concurrency_key = excluded.concurrency_key) "
	"SELECT u.id, u.type, u.queue, u.lease_token, u.priority, true AS keyed"
	" FROM u JOIN capped r ON r.id = u.id ORDER BY r.pos";
/* clang-format on */

/* Keyed jobs scheduled for later that are due now become queued (as the take does to
 * unkeyed ones: status_reason 'due'), so that the release finds them in jobs_keyed_waiting;
 * $1 bounds the rows, taken by run time, skipping rows others hold. The update finds them
 * by primary key only: they were locked as scheduled, and a status condition there let a
 * generic plan walk every scheduled job through jobs_status_created. */
static const char SQL_KEY_DUE[] =
	"UPDATE jobs j SET status = 'queued', updated_at = now(), status_reason = 'due'"
	" WHERE j.id = ANY (ARRAY(SELECT d.id FROM jobs d WHERE" KEYED_SCHEDULED(
		"d") " AND d.run_after <= now() AND d.publish_after <= now()"
		     " ORDER BY d.run_after LIMIT $1::int FOR UPDATE SKIP LOCKED))";

int jobq_store_relay_key_release(struct jobq_store *st, int64_t grace_ms, int window,
				 struct jobq_envelope *envs, int64_t *tokens, int max,
				 struct jobq_err *err)
{
	char lim[STORE_I64_LEN];
	const char *p[1] = { store_i64(lim, max) };
	PGresult *res = NULL;
	int r = jobq_store_exec(st, "jobq_relay_key_due", SQL_KEY_DUE, 1, p, &res,
				"relay: keyed jobs come due", err);

	char sql[sizeof(SQL_KEY_RELEASE_1) + sizeof(SQL_KEY_RELEASE_2) + sizeof(SQL_KEY_RELEASE_3)];

	PQclear(res);
	if (r != 0)
		return r;
	snprintf(sql, sizeof(sql), "%s%s%s", SQL_KEY_RELEASE_1, SQL_KEY_RELEASE_2,
		 SQL_KEY_RELEASE_3);
	return window_release(st, "jobq_relay_key_release", sql, "relay: keyed release", grace_ms,
			      window, envs, tokens, max, err);
}

/* Held by a limit (migrations 0021, 0023, jobq_store_hold): queued, unpublished, with
 * publish_after 'infinity' (read through the unpublished index, out of RELAY_DUE). */
#define LIMIT_HELD(j)                                                                              \
	" " j ".published_at IS NULL AND " j ".status IN ('scheduled', 'queued')"                  \
	" AND " j ".publish_after = 'infinity'"
/* The paused queues' names (an init plan: read once a statement). */
#define HELD_PAUSED " (ARRAY(SELECT q.name FROM queues q WHERE q.paused_at IS NOT NULL))"
/* The name of scope s.scope, of kind "queue", "type" or "key". */
#define HELD_NAME(kind) " substr(s.scope, length('" kind ":') + 1)"
/* A held job j that may go, with room set o (an alias of a LIMIT_ROOM): its queue runs, and
 * none of its limited scopes is without room (it would be refused, and take the place of one
 * that can start). The limit release lets go only such jobs, and the due probe asks for one
 * (HELD_GOES), so that held jobs all blocked by another full scope make no relay spin. */
#define HELD_MAY_GO_IN(o)                                                                          \
	" j.queue <> ALL" HELD_PAUSED " AND NOT EXISTS (SELECT 1 FROM " o                          \
	" o WHERE o.n <= 0 AND" LIMIT_OF("o", "j") ")"
#define HELD_MAY_GO HELD_MAY_GO_IN("room")
/* Most rows of a scope and queue the due probe reads for one that may go (HELD_PEEK): a job
 * further on, behind held jobs of a full type:T or key:K, waits for the relay's tick, whose
 * limit release reads on. */
#define HELD_SCAN "256"
/* The held jobs (as j; id, priority, created_at) of scope s.scope's column col = val in
 * queue q that pass cond, highest priority first, then oldest, at most lim, then lock (a
 * locking clause or nothing): the limit release's read. */
/* clang-format off */
#define HELD_READ(col, val, q, cond, lim, lock)                                                    \
	" SELECT j.id, j.priority, j.created_at FROM jobs j WHERE j." col " =" val                 \
	"  AND j.queue = " q " AND" LIMIT_HELD("j") " AND " cond                                  \
	"  ORDER BY j.priority DESC, j.created_at LIMIT " lim lock
/* ... the due probe's: one of the first HELD_SCAN (a bound), unlocked. */
#define HELD_PEEK(col, val, q, cond)                                                               \
	" SELECT j.id, j.priority, j.created_at FROM (SELECT j.id, j.queue, j.type,"               \
	"  j.concurrency_key, j.priority, j.created_at FROM jobs j WHERE j." col " =" val          \
	"  AND j.queue = " q " AND" LIMIT_HELD("j") " ORDER BY j.priority DESC, j.created_at"      \
	"  LIMIT " HELD_SCAN ") j WHERE " cond " LIMIT 1"
/* clang-format on */
/* The held jobs of type:T or key:K scope s.scope (kind, its column col, extra: the rest of
 * its index's predicate) read per queue (read: HELD_READ or HELD_PEEK of queue hv.queue),
 * then tail (an order and a limit). The queues are the scope's queues with held jobs, a
 * loose scan of jobs_held_type_queue or jobs_held_key_queue (migration 0034; one index
 * descent per queue), less the paused ones and those whose queue:Q limit in room set o has
 * no room (hv, materialized: left out before any of their rows is read, whatever the
 * plan): a scope whose held jobs are all in paused or full queues costs a descent per
 * queue, not a walk of its held rows on every relay loop (review R7 finding 2). Only the
 * branch of the scope's kind runs (a one-time filter). */
/* clang-format off */
#define HELD_WALK(kind, col, extra, o, read, tail)                                                 \
	" SELECT w.id FROM (WITH RECURSIVE hq AS ("                                                \
	"  (SELECT j.queue FROM jobs j WHERE s.scope LIKE '" kind ":%'"                            \
	"   AND j." col " =" HELD_NAME(kind) " AND" LIMIT_HELD("j") extra                          \
	"   ORDER BY j." col ", j.queue LIMIT 1)"                                                  \
	"  UNION ALL"                                                                              \
	"  SELECT n.queue FROM hq CROSS JOIN LATERAL (SELECT j.queue FROM jobs j"                  \
	"   WHERE j." col " =" HELD_NAME(kind) " AND j.queue > hq.queue AND" LIMIT_HELD("j") extra \
	"   ORDER BY j." col ", j.queue LIMIT 1) n),"                                              \
	"  hv AS MATERIALIZED (SELECT hq.queue FROM hq WHERE hq.queue <> ALL" HELD_PAUSED          \
	"   AND NOT EXISTS (SELECT 1 FROM " o " f WHERE f.scope = 'queue:' || hq.queue"            \
	"    AND f.n <= 0))"                                                                       \
	" SELECT r.id, r.priority, r.created_at FROM hv CROSS JOIN LATERAL (" read ") r"           \
	tail ") w"
/* The held jobs of scope s.scope (a row of room set o) that pass cond, highest priority
 * first, then oldest, at most lim, then lock: queue:Q's in order (jobs_held_queue), a
 * type:T's or key:K's per queue (HELD_WALK). */
#define HELD_OF_L(cond, lim, lock, o)                                                              \
	" SELECT x.id FROM (SELECT j.id FROM jobs j WHERE s.scope LIKE 'queue:%'"                  \
	"  AND j.queue =" HELD_NAME("queue") " AND" LIMIT_HELD("j") " AND " cond                   \
	"  ORDER BY j.priority DESC, j.created_at LIMIT " lim lock ") x"                           \
	" UNION ALL" HELD_WALK("type", "type", "", o,                                              \
		HELD_READ("type", HELD_NAME("type"), "hv.queue", cond, lim, lock),                 \
		" ORDER BY r.priority DESC, r.created_at LIMIT " lim)                              \
	" UNION ALL" HELD_WALK("key", "concurrency_key", " AND j.concurrency_key IS NOT NULL", o,  \
		HELD_READ("concurrency_key", HELD_NAME("key"), "hv.queue", cond, lim, lock),       \
		" ORDER BY r.priority DESC, r.created_at LIMIT " lim)
/* clang-format on */
/* The release's held jobs (locked, skipping rows other relays hold). */
#define HELD_OF(cond, lim) HELD_OF_L(cond, lim, " FOR UPDATE OF j SKIP LOCKED", "room")
/* Whether room set o has a scope with room and a held job that may go (the limit release's
 * question, unlocked), each scope and queue read at most HELD_SCAN rows deep. */
/* clang-format off */
#define HELD_GOES(o)                                                                               \
	" EXISTS (SELECT 1 FROM " o " s CROSS JOIN LATERAL ("                                      \
	"  SELECT x.id FROM (SELECT j.id FROM (SELECT j.id, j.queue, j.type, j.concurrency_key"    \
	"   FROM jobs j WHERE s.scope LIKE 'queue:%' AND j.queue =" HELD_NAME("queue")             \
	"   AND" LIMIT_HELD("j")                                                                   \
	"   ORDER BY j.priority DESC, j.created_at LIMIT " HELD_SCAN ") j"                         \
	"   WHERE" HELD_MAY_GO_IN(o) ") x"                                                         \
	"  UNION ALL" HELD_WALK("type", "type", "", o,                                             \
		HELD_PEEK("type", HELD_NAME("type"), "hv.queue", HELD_MAY_GO_IN(o)), " LIMIT 1")   \
	"  UNION ALL" HELD_WALK("key", "concurrency_key", " AND j.concurrency_key IS NOT NULL", o, \
		HELD_PEEK("concurrency_key", HELD_NAME("key"), "hv.queue", HELD_MAY_GO_IN(o)),     \
		" LIMIT 1")                                                                        \
	" ) p WHERE s.n > 0 AND s.held)"
/* clang-format on */
/* The limit release: per limited scope with held jobs in queues that run (LIMIT_ROOM, locked,
 * first and whole: a materialized set-returning function, so its limit locks are taken
 * before any job row's, in the admission's order, and no deadlock with a claim), the room's
 * worth of its held unkeyed jobs, highest priority first, then oldest, leaving out a job
 * another of whose scopes has no room (it would be refused, and take the place of one that
 * can start); taken as the priority release's are (grace, token) and returned in release
 * order. Held keyed jobs of scopes with room are only let go (publish_after now, not
 * returned, $2 at most): the keyed release, whose room is the same LIMIT_ROOM, publishes
 * them in their keys' turns (migrations 0027, 0029). The claim's admission is the exact
 * gate; a job released beyond the room (one in two scopes) is refused and held again. */
/* clang-format off */
static const char SQL_LIMIT_RELEASE_1[] =
	"WITH room AS MATERIALIZED (" LIMIT_ROOM("true", "false") "),"
	" pick AS (SELECT DISTINCT p.id FROM room s CROSS JOIN LATERAL ("
	HELD_OF("j.concurrency_key IS NULL AND " HELD_MAY_GO, "greatest(s.n, 0)")
	" ) p WHERE s.n > 0 LIMIT $2::int),";
/* (in three parts: a C string literal longer than 4,095 characters is not portable) */
static const char SQL_LIMIT_RELEASE_2[] =
	" free AS (SELECT DISTINCT p.id FROM room s CROSS JOIN LATERAL ("
	HELD_OF("j.concurrency_key IS NOT NULL AND " HELD_MAY_GO, "$2::int")
	" ) p WHERE s.n > 0 LIMIT $2::int),";
static const char SQL_LIMIT_RELEASE_3[] =
	" u AS (UPDATE jobs j SET status = 'queued', updated_at = now(),"
	"  lease_token = j.lease_token + 1, status_reason = 'released',"
	"  publish_after = CASE WHEN j.concurrency_key IS NULL"
	"   THEN now() + make_interval(secs => $1::bigint / 1000.0) ELSE now() END"
	"  WHERE j.id = ANY (ARRAY(SELECT pick.id FROM pick UNION SELECT free.id FROM free))"
	"  RETURNING j.id, j.type, j.queue, j.lease_token, j.priority, j.created_at,"
	"  j.concurrency_key) "
	"SELECT id, type, queue, lease_token, priority FROM u WHERE concurrency_key IS NULL"
	" ORDER BY priority DESC, created_at";
/* clang-format on */

int jobq_store_relay_limit_release(struct jobq_store *st, int64_t grace_ms,
				   struct jobq_envelope *envs, int64_t *tokens, int max,
				   struct jobq_err *err)
{
	char grace[STORE_I64_LEN], lim[STORE_I64_LEN];
	const char *p[2] = { store_i64(grace, grace_ms), store_i64(lim, max) };
	char sql[sizeof(SQL_LIMIT_RELEASE_1) + sizeof(SQL_LIMIT_RELEASE_2) +
		 sizeof(SQL_LIMIT_RELEASE_3)];
	PGresult *res;
	int r;

	snprintf(sql, sizeof(sql), "%s%s%s", SQL_LIMIT_RELEASE_1, SQL_LIMIT_RELEASE_2,
		 SQL_LIMIT_RELEASE_3);
	r = jobq_store_exec(st, "jobq_relay_limit_release", sql, 2, p, &res, "relay: limit release",
			    err);
	if (r != 0)
		return r;
	return read_taken(res, "relay: limit release", envs, tokens, err);
}

/* The due probe: an unkeyed priority-0 job due in a queue that runs (RELAY_DUE, asked per
 * queue: pq is a loose scan of jobs_plain_unpublished_queue over the queues with such jobs,
 * so a paused queue's backlog costs one index descent, not a walk of its rows; migration
 * 0036, review R7 finding 4), a priority job
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
	"WITH RECURSIVE qs AS ("
	"  (SELECT j.queue FROM jobs j WHERE" KEYED_WAITING("j") " ORDER BY j.queue LIMIT 1)"
	"  UNION ALL"
	"  SELECT n.queue FROM qs CROSS JOIN LATERAL ("
	"   SELECT j.queue FROM jobs j WHERE" KEYED_WAITING("j") " AND j.queue > qs.queue"
	"   ORDER BY j.queue LIMIT 1) n),"
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
	RELAY_PLAIN_QUEUES " ";
/* (in three parts: a C string literal longer than 4,095 characters is not portable) */
static const char SQL_DUE_2[] =
	"SELECT EXISTS (SELECT 1 FROM pq WHERE " STORE_QUEUE_RUNS("pq")
	"  AND EXISTS (SELECT 1 FROM jobs j WHERE j.queue = pq.queue AND" RELAY_DUE_ROW("j") "))"
	" OR EXISTS (SELECT 1 FROM jobs WHERE" PRIORITY_DUE("jobs") ")"
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
