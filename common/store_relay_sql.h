/* The relay's SQL, shared by its statements (common/store_relay.c: the take, the priority
 * release and the due probe; store_keyed.c: the keyed release; store_held.c: the limit
 * release): the conditions on rows and the building blocks the statements are made of, and
 * the two helpers that run a release and read what it took. Private to common/. */
#ifndef JOBQ_STORE_RELAY_SQL_H
#define JOBQ_STORE_RELAY_SQL_H

#include <stdint.h>

#include <libpq-fe.h>

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
 * index jobs_plain_unpublished_queue; migration 0049 dropped jobs_plain_unpublished). */
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

/* A priority job waiting for the release (migration 0018): unpublished and waiting (the
 * predicate of jobs_priority_waiting). j is the alias of jobs in the statement. */
#define PRIORITY_WAITING(j)                                                                        \
	" " j ".priority > 0 AND " j ".published_at IS NULL"                                       \
	" AND " j ".status IN ('scheduled', 'queued')"
/* ... due and without a concurrency key (a keyed one is the keyed release's, migration
 * 0024). Its queue must run (a paused queue's priority jobs are not released, nor reported
 * by the probe): that is asked apart, per queue (PRIORITY_QUEUES). */
#define PRIORITY_DUE_ROW(j)                                                                        \
	PRIORITY_WAITING(j)                                                                        \
	" AND " j ".publish_after <= now() AND " j ".run_after <= now()"                           \
	" AND " j ".concurrency_key IS NULL"
/* A recursive CTE ps(queue): the queues that run with waiting priority jobs, a loose scan
 * of jobs_priority_waiting (one index descent per queue), the paused ones left out by name
 * before any of their rows is read: the release and the due probe then ask each queue in
 * the index's order, so a paused queue's priority backlog is skipped, not walked on every
 * pass (as RELAY_PLAIN_QUEUES for priority-0 jobs). The statement must be WITH RECURSIVE. */
/* clang-format off */
#define PRIORITY_QUEUES                                                                            \
	" pw AS ("                                                                                 \
	"  (SELECT j.queue FROM jobs j WHERE" PRIORITY_WAITING("j") " ORDER BY j.queue LIMIT 1)"   \
	"  UNION ALL"                                                                              \
	"  SELECT n.queue FROM pw CROSS JOIN LATERAL ("                                            \
	"   SELECT j.queue FROM jobs j WHERE" PRIORITY_WAITING("j") " AND j.queue > pw.queue"      \
	"   ORDER BY j.queue LIMIT 1) n),"                                                         \
	" ps AS MATERIALIZED (SELECT pw.queue FROM pw WHERE " STORE_QUEUE_RUNS("pw") ")"
/* clang-format on */

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

/* A keyed job waiting for the keyed release (migrations 0024, 0027): unpublished, queued
 * and not held by a limit (publish_after 'infinity'): the predicate of the index
 * jobs_keyed_waiting, which the loose scans over queues and keys read. */
#define KEYED_WAITING(j)                                                                           \
	" " j ".concurrency_key IS NOT NULL AND " j ".published_at IS NULL"                        \
	" AND " j ".status = 'queued' AND " j ".publish_after < 'infinity'"
/* A recursive CTE qs(queue): the queues with keyed jobs waiting for the keyed release, a
 * loose scan of jobs_keyed_waiting (one index descent per queue). One text for the keyed
 * release and the due probe. The statement must be WITH RECURSIVE. */
/* clang-format off */
#define KEYED_QUEUES                                                                               \
	" qs AS ("                                                                                 \
	"  (SELECT j.queue FROM jobs j WHERE" KEYED_WAITING("j") " ORDER BY j.queue LIMIT 1)"      \
	"  UNION ALL"                                                                              \
	"  SELECT n.queue FROM qs CROSS JOIN LATERAL ("                                            \
	"   SELECT j.queue FROM jobs j WHERE" KEYED_WAITING("j") " AND j.queue > qs.queue"         \
	"   ORDER BY j.queue LIMIT 1) n)"
/* clang-format on */
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

/* The rows a take or a release returned (id, type, queue, lease_token, and priority and
 * keyed when the statement names them) into envs and tokens; clears res. The count, or the
 * JOBQ_EINTERNAL of a missing column. */
int store_relay_read_taken(PGresult *res, const char *what, struct jobq_envelope *envs,
			   int64_t *tokens, struct jobq_err *err);

/* A windowed release (sql: $1 the grace, $2 the window, $3 the most rows), prepared as
 * `name`, its rows read into envs and tokens; `what` names it in messages. */
int store_relay_window_release(struct jobq_store *st, const char *name, const char *sql,
			       const char *what, int64_t grace_ms, int window,
			       struct jobq_envelope *envs, int64_t *tokens, int max,
			       struct jobq_err *err);

#endif
