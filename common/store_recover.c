/* The relay's statements for what went wrong after a publish (jobq/store_relay.h): express
 * jobs whose message was lost, released again; publishes that failed, pushed back; and the
 * messages the broker dead-lettered (a job still waiting → failed). Split from
 * store_relay.c, which takes and releases what is due. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/store_relay.h"
#include "store_internal.h"

/* Express jobs (priority or keyed) released and not claimed for longer than $1 ms. */
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

	/* through jobs_keyed_released and jobs_priority_released (queue, ..., published_at) */
	r = jobq_store_exec(st, "jobq_relay_old_express",
			    "SELECT DISTINCT j.queue FROM jobs j WHERE" EXPRESS_OLD(
				    "j") " ORDER BY j.queue LIMIT $2::int",
			    2, p, &res, "relay: old express jobs", err);
	if (r != 0)
		return r;
	n = PQntuples(res);
	for (int i = 0; i < n; i++)
		store_copy(queues[i], JOBQ_QUEUE_BUF, PQgetvalue(res, i, 0));
	PQclear(res);
	return n;
}

/* Whether no live worker that serves queue $2 may hold one of its express messages
 * prefetched and unstarted. A passive declare counts only ready messages, and a consumer
 * whose executors all run long jobs holds up to its prefetch of express messages unacked:
 * those are not lost, only waiting. A consumer hands a delivery to a free executor at
 * once, else keeps it in its express list; its relay records each round when that list is
 * empty (workers.express_idle_at, one second early). A message that was no ready message
 * at each of the caller's checks over the last $3 ms was delivered before them; a worker
 * whose list was empty after they began does not hold it. Whether a worker is full does
 * not matter: one busy with another queue's long jobs held the queue's lost jobs back for
 * as long as it stayed busy (the R6 review). A worker that recorded nothing (of a version
 * before 0035) holds them back. A dead worker's prefetch went back to the broker with its
 * connection (ready again, which the caller sees). */
#define LOST_NOBODY_HOLDS                                                                          \
	"NOT EXISTS (SELECT 1 FROM workers w WHERE w.state IN ('running', 'draining')"             \
	" AND $2 = ANY (w.queues) AND jobq_lock_holder_alive(w.lock_key, w.backend_pid)"           \
	" AND (w.express_idle_at IS NULL"                                                          \
	"      OR w.express_idle_at <= now() - make_interval(secs => $3::bigint / 1000.0)))"

int jobq_store_relay_express_idle(struct jobq_store *st, const char *worker_id,
				  struct jobq_err *err)
{
	const char *p[1] = { worker_id };
	PGresult *res;
	int r = jobq_store_exec(st, "jobq_relay_express_idle",
				"UPDATE workers SET express_idle_at = now() - interval '1 second'"
				" WHERE id = $1",
				1, p, &res, "relay: express idle mark", err);

	PQclear(res);
	return r;
}

int jobq_store_relay_lost(struct jobq_store *st, const char *queue, int64_t age_ms,
			  int64_t quiet_ms, struct jobq_err *err)
{
	char age[STORE_I64_LEN], quiet[STORE_I64_LEN];
	const char *p[3] = { store_i64(age, age_ms), queue, store_i64(quiet, quiet_ms) };
	PGresult *res;
	int r;

	/* Unpublished again, as after a failed publish: the releases take them in their turn
	 * (a new lease token, so that a late mark of the old publish cannot hide them). Only
	 * while no live worker of the queue may hold them (LOST_NOBODY_HOLDS). */
	r = jobq_store_exec(st, "jobq_relay_lost",
			    "UPDATE jobs j SET published_at = NULL, publish_after = now(),"
			    " updated_at = now(), lease_token = j.lease_token + 1"
			    " WHERE j.id = ANY (ARRAY(SELECT o.id FROM jobs o WHERE o.queue = $2 "
			    "AND" EXPRESS_OLD("o") " AND " LOST_NOBODY_HOLDS
						   " ORDER BY o.id FOR UPDATE SKIP LOCKED))"
						   " AND" EXPRESS_OLD("j"),
			    3, p, &res, "relay: lost express jobs", err);
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

		r = jobq_store_exec(
			st, "jobq_relay_defer",
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
