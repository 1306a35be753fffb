/* The writes on finished jobs (jobq/store_admin.h): the retry that requeues a failed or
 * cancelled job, the prune that deletes finished jobs past a retention, and the consumers'
 * retention rounds, which delete through the prune's own function (migration 0041). The
 * writes are functions of migrations 0008 (jobq_cli_retry as migration 0010 left it) and
 * 0041, the only rights the CLI's and the consumer's roles have on them. */
#include <stdlib.h>
#include <string.h>

#include "jobq/store_admin.h"
#include "store_internal.h"

/* jobq_cli_retry requeues only a failed or cancelled job and returns the row's status as
 * it found it, with the requeued id, queue, type and new lease token: no row is an unknown
 * id, a NULL id a job in another state. */
/* The priority and the concurrency key are read beside the function's row (they never
 * change; the subquery sees the version from before the retry): a priority or keyed job is
 * published to its express queue. */
/* blocked: a job with dependencies that are not done, which jobq_cli_retry leaves as it is
 * (migration 0050); read after the function, so it sees the state the retry saw or later. */
static const char SQL_RETRY[] =
	"SELECT r.status, r.id, r.queue, r.type, r.lease_token, x.priority, x.keyed,"
	" x.has_dependencies AND r.id IS NULL AND EXISTS (SELECT 1 FROM job_deps d"
	"  JOIN jobs p ON p.id = d.dep_id WHERE d.job_id = $1::uuid AND CASE WHEN d.any_end"
	"  THEN p.status NOT IN ('succeeded', 'failed', 'cancelled')"
	"  ELSE p.status <> 'succeeded' END) AS blocked"
	" FROM jobq_cli_retry($1::uuid, $2::bigint, $3) r LEFT JOIN LATERAL"
	" (SELECT j.priority, j.concurrency_key IS NOT NULL AS keyed, j.has_dependencies"
	"  FROM jobs j WHERE j.id = $1::uuid) x ON true";

int jobq_store_retry(struct jobq_store *st, const char *job_id, int64_t relay_grace_ms,
		     const char *reason, struct jobq_retried *out, struct jobq_err *err)
{
	enum {
		STATUS,
		ID,
		QUEUE,
		TYPE,
		TOKEN,
		PRIORITY,
		KEYED,
		BLOCKED,
		NCOLS
	};
	static const char *const names[NCOLS] = { "status",      "id",       "queue", "type",
						  "lease_token", "priority", "keyed", "blocked" };
	char grace[STORE_I64_LEN];
	const char *p[3] = { job_id, store_i64(grace, relay_grace_ms), reason };
	PGresult *res = NULL;
	int col[NCOLS];
	int r;

	memset(out, 0, sizeof(*out));
	if ((r = jobq_store_exec(st, NULL, SQL_RETRY, 3, p, &res, "requeueing the job", err)) != 0)
		return r;
	if (PQntuples(res) == 0)
		goto out;
	if ((r = store_columns(res, names, NCOLS, col, "requeueing the job", err)) != 0)
		goto out;
	out->found = true;
	store_status(res, 0, col[STATUS], &out->before);
	if (PQgetisnull(res, 0, col[ID])) {
		out->blocked =
			!PQgetisnull(res, 0, col[BLOCKED]) && store_bool(res, 0, col[BLOCKED]);
		goto out;
	}
	out->requeued = true;
	store_copy(out->env.job_id, sizeof(out->env.job_id), PQgetvalue(res, 0, col[ID]));
	store_copy(out->env.queue, sizeof(out->env.queue), PQgetvalue(res, 0, col[QUEUE]));
	store_copy(out->env.type, sizeof(out->env.type), PQgetvalue(res, 0, col[TYPE]));
	out->token = store_int64(res, 0, col[TOKEN]);
	out->env.priority = store_int(res, 0, col[PRIORITY]);
	out->env.keyed = store_bool(res, 0, col[KEYED]);
out:
	PQclear(res);
	return r;
}

/* ---- prune ------------------------------------------------------------------------- */

/* The cutoff, as the statements take it and as a person reads it. */
static const char SQL_PRUNE_CUTOFF[] =
	"SELECT now() - $1::bigint * interval '1 millisecond' AS cutoff,"
	" to_char((now() - $1::bigint * interval '1 millisecond') AT TIME ZONE 'UTC',"
	" 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS cutoff_text";

/* The deletes of jobs and workers are migration 0008's functions, each returning how many
 * rows it deleted: jobq_cli_prune_jobs (since migration 0041 a call of
 * jobq_prune_jobs_before, the consumers' retention's delete too, which dates a job by its
 * finished_at and by its history, written by the server) skips rows another session is changing (a
 * concurrent retry) and rechecks the status of those it locked, so a job requeued
 * meanwhile is not deleted; job_events rows go with their job (the trigger
 * jobs_history_delete, migration 0005). jobq_cli_prune_workers deletes stopped workers
 * only. */
static const char SQL_PRUNE_JOBS[] =
	"SELECT jobq_cli_prune_jobs($1::timestamptz, $2::int) AS deleted";

static const char SQL_PRUNE_WORKERS[] = "SELECT jobq_cli_prune_workers($1::timestamptz) AS deleted";

/* A waiter row is only stale once its session is gone: deleting a live `jobq wait`'s row
 * would silence the NOTIFY it waits for. */
static const char SQL_PRUNE_WAITERS[] =
	"DELETE FROM job_waiters WHERE created_at < now() - interval '1 day'"
	" AND backend NOT IN (SELECT pid FROM pg_stat_activity)";

/* Key turns of idle keys and fired slots that guard nothing (migration 0030): $2 true counts
 * what would go. */
static const char SQL_PRUNE_TURNS[] =
	"SELECT jobq_cli_prune_turns($1::timestamptz, $2::bool) AS deleted";
static const char SQL_PRUNE_SLOTS[] =
	"SELECT jobq_cli_prune_slots($1::timestamptz, $2::bool) AS deleted";

/* --dry-run: "deleted" is jobq_prune_jobs_before's predicate (migration 0041), so that the
 * count is what the prune then deletes. */
static const char SQL_PRUNE_COUNT[] =
	"SELECT (SELECT count(*) FROM jobs j WHERE j.finished_at < $1::timestamptz"
	"   AND j.status IN ('succeeded', 'failed', 'cancelled')"
	"   AND (SELECT e.to_status = j.status FROM job_events e WHERE e.job_id = j.id"
	"     ORDER BY e.id DESC LIMIT 1)"
	"   AND (SELECT max(e.at) FROM job_events e WHERE e.job_id = j.id) < $1::timestamptz)"
	" AS deleted,"
	" (SELECT count(*) FROM workers WHERE state = 'stopped'"
	"   AND coalesce(stopped_at, heartbeat_at) < $1::timestamptz) AS workers,"
	" (SELECT count(*) FROM job_waiters WHERE created_at < now() - interval '1 day'"
	"   AND backend NOT IN (SELECT pid FROM pg_stat_activity)) AS waiters";

/* Run a statement with params p and add how many rows it deleted to *n: the "deleted"
 * column of the row a function returned, else the rows the statement itself affected. */
static JOBQ_WUR int exec_count(struct jobq_store *st, const char *name, const char *sql, int np,
			       const char *const *p, int64_t *n, const char *what,
			       struct jobq_err *err)
{
	static const char *const names[1] = { "deleted" };
	PGresult *res = NULL;
	int col, r;

	if ((r = jobq_store_exec(st, name, sql, np, p, &res, what, err)) != 0)
		return r;
	if (PQntuples(res) == 1) {
		if ((r = store_columns(res, names, 1, &col, what, err)) == 0)
			*n += store_int64(res, 0, col);
	} else {
		*n += strtoll(PQcmdTuples(res), NULL, 10);
	}
	PQclear(res);
	return r;
}

static JOBQ_WUR int prune_turns_slots(struct jobq_store *st, const char *cutoff, bool dry_run,
				      struct jobq_pruned *out, struct jobq_err *err)
{
	const char *p[2] = { cutoff, dry_run ? "true" : "false" };
	int r;

	if ((r = exec_count(st, NULL, SQL_PRUNE_TURNS, 2, p, &out->turns, "deleting idle key turns",
			    err)) != 0)
		return r;
	return exec_count(st, NULL, SQL_PRUNE_SLOTS, 2, p, &out->slots,
			  "deleting old schedule slots", err);
}

static JOBQ_WUR int prune_delete(struct jobq_store *st, const char *cutoff, struct jobq_pruned *out,
				 struct jobq_err *err)
{
	char lim[STORE_I64_LEN];
	const char *p[2] = { cutoff, store_i64(lim, JOBQ_PRUNE_BATCH) };
	int64_t batch;
	int r;

	do {
		batch = 0;
		if ((r = exec_count(st, "jobq_prune_batch", SQL_PRUNE_JOBS, 2, p, &batch,
				    "deleting finished jobs", err)) != 0)
			return r;
		out->jobs += batch;
	} while (batch == JOBQ_PRUNE_BATCH);
	if ((r = exec_count(st, NULL, SQL_PRUNE_WORKERS, 1, p, &out->workers,
			    "deleting stopped workers", err)) != 0)
		return r;
	return exec_count(st, NULL, SQL_PRUNE_WAITERS, 0, NULL, &out->waiters,
			  "deleting stale wait registrations", err);
}

static JOBQ_WUR int prune_count(struct jobq_store *st, const char *cutoff, struct jobq_pruned *out,
				struct jobq_err *err)
{
	enum {
		JOBS,
		WORKERS,
		WAITERS,
		NCOLS
	};
	static const char *const names[NCOLS] = { "deleted", "workers", "waiters" };
	PGresult *res = NULL;
	int col[NCOLS];
	int r;

	if ((r = jobq_store_exec(st, NULL, SQL_PRUNE_COUNT, 1, &cutoff, &res,
				 "counting finished jobs", err)) != 0)
		return r;
	if ((r = store_columns(res, names, NCOLS, col, "counting finished jobs", err)) == 0) {
		out->jobs = store_int64(res, 0, col[JOBS]);
		out->workers = store_int64(res, 0, col[WORKERS]);
		out->waiters = store_int64(res, 0, col[WAITERS]);
	}
	PQclear(res);
	return r;
}

int jobq_store_prune(struct jobq_store *st, int64_t older_ms, bool dry_run, struct jobq_pruned *out,
		     struct jobq_err *err)
{
	enum {
		CUTOFF,
		TEXT,
		NCOLS
	};
	static const char *const names[NCOLS] = { "cutoff", "cutoff_text" };
	char ms[STORE_I64_LEN];
	const char *p[1] = { store_i64(ms, older_ms) };
	PGresult *res = NULL;
	int col[NCOLS];
	int r;

	memset(out, 0, sizeof(*out));
	if ((r = jobq_store_exec(st, NULL, SQL_PRUNE_CUTOFF, 1, p, &res, "computing the cutoff",
				 err)) != 0)
		return r;
	if ((r = store_columns(res, names, NCOLS, col, "computing the cutoff", err)) != 0)
		goto out;
	store_copy(out->cutoff, sizeof(out->cutoff), PQgetvalue(res, 0, col[TEXT]));
	r = dry_run ? prune_count(st, PQgetvalue(res, 0, col[CUTOFF]), out, err)
		    : prune_delete(st, PQgetvalue(res, 0, col[CUTOFF]), out, err);
	if (r == 0)
		r = prune_turns_slots(st, PQgetvalue(res, 0, col[CUTOFF]), dry_run, out, err);
out:
	PQclear(res);
	return r;
}

/* ---- retention (migration 0041) ---------------------------------------------------- */

/* The advisory lock one consumer of the installation holds for a retention round. A
 * session-level lock: a consumer that dies mid-round loses it with its session. */
#define RETENTION_LOCK_KEY "7071655201"

static const char SQL_RETENTION_LOCK[] =
	"SELECT pg_try_advisory_lock(" RETENTION_LOCK_KEY ") AS locked,"
	" clock_timestamp()::text AS started";
static const char SQL_RETENTION_UNLOCK[] = "SELECT pg_advisory_unlock(" RETENTION_LOCK_KEY ")";

/* One batch: jobq_prune_jobs is the function behind jobq_cli_prune_jobs (`jobq prune`),
 * here with one state and that state's cutoff. */
static const char SQL_RETENTION_JOBS[] =
	"SELECT jobq_prune_jobs(ARRAY[$1::text], now() - $2::bigint * interval '1 millisecond',"
	" $3::int) AS deleted";
static const char SQL_RETENTION_DEAD[] =
	"SELECT jobq_prune_dead_letters(now() - $1::bigint * interval '1 millisecond', $2::int)"
	" AS deleted";
static const char SQL_RETENTION_RECORD[] =
	"SELECT jobq_retention_record($1, $2::timestamptz, $3::bigint, $4::bigint)";

static const char *const retention_states[JOBQ_RETAIN_N] = {
	[JOBQ_RETAIN_SUCCEEDED] = "succeeded",
	[JOBQ_RETAIN_FAILED] = "failed",
	[JOBQ_RETAIN_CANCELLED] = "cancelled",
	[JOBQ_RETAIN_DEAD_LETTERS] = "dead_letters",
};

const char *jobq_retention_kind_name(enum jobq_retention_kind kind)
{
	return (unsigned)kind < JOBQ_RETAIN_N ? retention_states[kind] : "?";
}

int jobq_store_retention_lock(struct jobq_store *st, bool *locked, char *started, size_t len,
			      struct jobq_err *err)
{
	enum {
		LOCKED,
		STARTED,
		NCOLS
	};
	static const char *const names[NCOLS] = { "locked", "started" };
	PGresult *res = NULL;
	int col[NCOLS];
	int r;

	*locked = false;
	if ((r = jobq_store_exec(st, NULL, SQL_RETENTION_LOCK, 0, NULL, &res,
				 "taking the retention lock", err)) != 0)
		return r;
	if ((r = store_columns(res, names, NCOLS, col, "taking the retention lock", err)) == 0) {
		*locked = store_bool(res, 0, col[LOCKED]);
		store_copy(started, len, PQgetvalue(res, 0, col[STARTED]));
	}
	PQclear(res);
	return r;
}

int jobq_store_retention_unlock(struct jobq_store *st, struct jobq_err *err)
{
	return jobq_store_command(st, SQL_RETENTION_UNLOCK, err);
}

int jobq_store_retention_batch(struct jobq_store *st, enum jobq_retention_kind kind,
			       int64_t older_ms, int batch, int64_t *deleted, struct jobq_err *err)
{
	char ms[STORE_I64_LEN], lim[STORE_I64_LEN];
	const char *p[3];

	*deleted = 0;
	if ((unsigned)kind >= JOBQ_RETAIN_N || older_ms <= 0 || batch <= 0)
		return jobq_err_set(err, JOBQ_EINVAL, "retention batch: bad kind, age or size");
	p[0] = retention_states[kind];
	p[1] = store_i64(ms, older_ms);
	p[2] = store_i64(lim, batch);
	if (kind == JOBQ_RETAIN_DEAD_LETTERS)
		return exec_count(st, "jobq_retention_dead", SQL_RETENTION_DEAD, 2, p + 1, deleted,
				  "deleting old dead letters", err);
	return exec_count(st, "jobq_retention_jobs", SQL_RETENTION_JOBS, 3, p, deleted,
			  "deleting finished jobs", err);
}

int jobq_store_retention_record(struct jobq_store *st, const char *worker_id, const char *started,
				int64_t jobs, int64_t dead_letters, struct jobq_err *err)
{
	char j[STORE_I64_LEN], d[STORE_I64_LEN];
	const char *p[4] = { worker_id, started, store_i64(j, jobs), store_i64(d, dead_letters) };
	PGresult *res = NULL;
	int r;

	r = jobq_store_exec(st, NULL, SQL_RETENTION_RECORD, 4, p, &res,
			    "recording the retention round", err);
	PQclear(res);
	return r;
}
