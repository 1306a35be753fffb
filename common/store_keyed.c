/* The keyed release (jobq/store_relay.h, jobq_store_relay_key_release): keyed jobs released
 * to their queue's express queue in their keys' turns, within the queue's window and the
 * rooms of their limited scopes (docs/design.md §6 "Keyed release"). */
#include <stdio.h>

#include "store_relay_sql.h"

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
	"WITH RECURSIVE" KEYED_QUEUES ","
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
	return store_relay_window_release(st, "jobq_relay_key_release", sql, "relay: keyed release",
					  grace_ms, window, envs, tokens, max, err);
}
