/* The limit release (jobq/store_relay.h, jobq_store_relay_limit_release): jobs held by a
 * concurrency or rate limit let go as their scopes' rooms allow (docs/scheduling.md
 * "Concurrency and rate limits"). */
#include <stdio.h>

#include "store_relay_sql.h"

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
	return store_relay_read_taken(res, "relay: limit release", envs, tokens, err);
}
