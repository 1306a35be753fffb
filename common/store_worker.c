/* The worker registry (jobq/store_worker.h): a worker's row and the session-level advisory
 * lock on a random key that proves it alive, its state, and the probe that tells a dead
 * owner from a live one. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "jobq/store_worker.h"
#include "store_internal.h"

/* A 64-bit advisory lock key from the kernel's random source. */
static int random_key(int64_t *key, struct jobq_err *err)
{
	uint64_t v;

	if (getrandom(&v, sizeof(v), 0) != (ssize_t)sizeof(v))
		return jobq_err_set(err, JOBQ_ESYS, "register worker: getrandom: %s",
				    strerror(errno));
	*key = (int64_t)v;
	return 0;
}

int jobq_store_worker_register(struct jobq_store *st, const struct jobq_worker_info *w,
			       struct jobq_err *err)
{
	static const char *const names[1] = { "got" };
	char pid[STORE_I64_LEN], conc[STORE_I64_LEN], keytext[STORE_I64_LEN];
	struct store_text qt = { 0 };
	int64_t key = 0;
	char *queues;
	PGresult *res = NULL;
	int r;

	/* A text[] literal; queue names are [A-Za-z0-9_.-], nothing to escape. */
	store_text_add(&qt, "{");
	for (int i = 0; i < w->nqueues; i++)
		store_text_add(&qt, "%s\"%s\"", i ? "," : "", w->queues[i]);
	store_text_add(&qt, "}");
	if ((queues = store_text_take(&qt)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "register worker: out of memory");
	/* A fresh random key, so nobody can hold this worker's lock before it starts. Taken
	 * by a try: another session holding it is a collision of 64-bit random numbers, and
	 * another key will do. */
	for (int tries = 0;; tries++) {
		const char *p[1];
		bool got;
		int col;

		if ((r = random_key(&key, err)) != 0)
			goto out;
		p[0] = store_i64(keytext, key);
		r = jobq_store_exec(st, NULL, "SELECT pg_try_advisory_lock($1::bigint) AS got", 1,
				    p, &res, "take worker liveness lock", err);
		if (r != 0 ||
		    (r = store_columns(res, names, 1, &col, "take worker liveness lock", err)) != 0)
			goto out;
		got = store_bool(res, 0, col);
		PQclear(res);
		res = NULL;
		if (got)
			break;
		if (tries == 3) {
			r = jobq_err_set(
				err, JOBQ_ECONFLICT,
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
		 * committed row and key, and is refused. The lost-message record starts empty
		 * (migration 0037): a worker with a predecessor's id does not inherit the list
		 * its predecessor's relay wrote, and holds its queues' lost jobs back until its
		 * own relay records. A predecessor that did not stop cleanly died with its
		 * prefetch, which the broker gives back once it notices the lost connection
		 * (within two AMQP heartbeats, 30 s each by default): its queues' lost jobs wait
		 * 2 minutes (express_requeued_at), as the dead row would have made them. */
		const char *p[6] = { w->id,
				     w->hostname,
				     store_i64(pid, w->pid),
				     queues,
				     store_i64(conc, w->concurrency),
				     keytext };

		r = jobq_store_exec(
			st, NULL,
			"INSERT INTO workers (id, hostname, pid, queues, concurrency, state, "
			"lock_key,"
			" backend_pid, started_at, heartbeat_at)"
			" VALUES ($1, $2, $3::int, $4::text[], $5::int, 'running', $6::bigint,"
			" pg_backend_pid(), now(), now()) "
			"ON CONFLICT (id) DO UPDATE SET hostname = EXCLUDED.hostname,"
			" pid = EXCLUDED.pid, queues = EXCLUDED.queues,"
			" concurrency = EXCLUDED.concurrency, state = 'running',"
			" lock_key = EXCLUDED.lock_key, backend_pid = EXCLUDED.backend_pid,"
			" started_at = now(), heartbeat_at = now(), stopped_at = NULL,"
			" express_idle_at = NULL, express_waiting = NULL,"
			" express_waiting_at = NULL, express_requeued_at ="
			"  CASE WHEN workers.state = 'stopped' THEN workers.express_requeued_at"
			"  ELSE greatest(workers.express_requeued_at,"
			"                now() + interval '2 minutes') END "
			"WHERE workers.backend_pid IS NOT DISTINCT FROM pg_backend_pid()"
			" OR NOT jobq_lock_holder_alive(workers.lock_key, workers.backend_pid) "
			"RETURNING 1",
			6, p, &res, "register worker", err);
	}
	if (r == 0 && PQntuples(res) == 0) {
		struct jobq_err ignored;
		const char *p[1] = { keytext };
		PGresult *un = NULL;

		r = jobq_err_set(err, JOBQ_ECONFLICT,
				 "worker id '%s' is held by a live worker process", w->id);
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
	int r = jobq_store_exec(
		st, NULL,
		"UPDATE workers SET state = $2, heartbeat_at = now(),"
		" stopped_at = CASE WHEN $2 = 'stopped' THEN now() END WHERE id = $1",
		2, p, &res, "update worker state", err);
	PQclear(res);
	return r;
}

int jobq_store_worker_broken(struct jobq_store *st, const char *worker_id, const char *list,
			     struct jobq_err *err)
{
	const char *p[2] = { worker_id, list };
	PGresult *res;
	int r = jobq_store_exec(st, NULL,
				"UPDATE workers SET broken_handlers = $2::jsonb WHERE id = $1", 2,
				p, &res, "update worker's broken handlers", err);
	PQclear(res);
	return r;
}

int jobq_store_worker_dead(struct jobq_store *st, const char *worker_id, bool *dead,
			   struct jobq_err *err)
{
	static const char *const names[1] = { "dead" };
	const char *p[1] = { worker_id };
	PGresult *res;
	int col, r;

	/* The owner's keeper session holds the row's lock key for the worker's whole life,
	 * and the row names that session's server process: while that process holds the
	 * key, the owner lives. No lock is taken, so probes never see each other, and a key
	 * held by any other session (taken after the owner died) proves nothing. */
	r = jobq_store_exec(
		st, "jobq_worker_dead",
		"SELECT w.id IS NULL OR NOT jobq_lock_holder_alive(w.lock_key, w.backend_pid)"
		" AS dead "
		"FROM (SELECT 1) one LEFT JOIN workers w ON w.id = $1",
		1, p, &res, "probe worker liveness", err);
	if (r != 0)
		return r;
	if ((r = store_columns(res, names, 1, &col, "probe worker liveness", err)) == 0)
		*dead = store_bool(res, 0, col);
	PQclear(res);
	return r;
}
