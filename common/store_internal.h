/* What the store's statement files (common/store_*.c) share and nobody else needs: result
 * columns resolved by name, values copied out of results, text built in a growing buffer,
 * the lease-token map and the rollback after a failed transaction. Private to common/;
 * the public contracts are the jobq/store_*.h headers. The helpers live in store_util.c,
 * which calls nothing of the session code (store.c: the rollback), and the claim reader in
 * store_claim.c, so that the statement files depend on them and not on one another. */
#ifndef JOBQ_STORE_INTERNAL_H
#define JOBQ_STORE_INTERNAL_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/err.h"
#include "jobq/ids.h"
#include "jobq/job.h"
#include "jobq/store.h"

/* Room for the decimal text of any int64_t and its NUL. */
#define STORE_I64_LEN 24

/* Write v in decimal into buf and return buf: a statement parameter. */
const char *store_i64(char buf[STORE_I64_LEN], int64_t v);

/* Resolve the n column names of res to their numbers, cols[i] for names[i]. Resolve once
 * per result, then read every row through cols. 0, or JOBQ_EINTERNAL naming the first
 * column the result lacks ("what: the result has no column \"x\""): the statement and its
 * reader disagree, a defect that every run of the statement shows. It is found only once
 * the statement has run, so a statement in autocommit has committed by then: callers pass
 * the code on, never as "nothing was written", and nobody runs the statement again for
 * it. */
int store_columns(const PGresult *res, const char *const *names, int n, int *cols, const char *what,
		  struct jobq_err *err) JOBQ_WUR;

/* Values of (row, col). A boolean column is true when its text is "t"; numbers that do
 * not parse read as 0 (the columns come from the statements, not from users). */
bool store_bool(const PGresult *res, int row, int col);
int store_int(const PGresult *res, int row, int col);
int64_t store_int64(const PGresult *res, int row, int col);
double store_double(const PGresult *res, int row, int col);

/* The status named in (row, col) into *out; *out is left as it was for a name that is not
 * a status (the table's CHECK allows none). */
void store_status(const PGresult *res, int row, int col, enum jobq_status *out);

/* A malloc'd copy of (row, col); NULL for SQL NULL or when out of memory. */
char *store_dup(const PGresult *res, int row, int col);

/* Copy src (NULL = "") into dst of cap bytes, truncated and always NUL-terminated. */
void store_copy(char *dst, size_t cap, const char *src);

/* ROLLBACK the session's open transaction, if the connection is still up; errors are
 * ignored (a failed rollback leaves the transaction to die with its session). */
void store_rollback(struct jobq_store *st);

/* Text that grows as it is written; its size is checked for overflow. Start it zeroed. A
 * write that runs out of memory marks the text failed and every later write is a no-op, so
 * a caller checks once, at store_text_take. */
struct store_text {
	char *s;
	size_t len, cap;
	bool failed;
};

/* Append printf-style. */
void store_text_add(struct store_text *t, const char *fmt, ...) JOBQ_PRINTF(2, 3);

/* The text (malloc'd, the caller frees it) and t reset to empty; NULL, with everything
 * freed, when a write failed. An empty text is "". */
char *store_text_take(struct store_text *t);

/* A JSON object {"id": value, ...} of n ids, for a $n::jsonb parameter looked up per row
 * by `->> id::text`: the lease token each row must still hold, or the claim id to record
 * (values NULL: 0 for all). Keys are the ids' first 36 characters in lower case, as
 * id::text is; an id listed twice keeps its first value (jsonb keeps the last of repeated
 * keys, so the pairs are written last to first). malloc'd; NULL when out of memory. */
char *store_token_map(const char *const *ids, const int64_t *values, size_t n);

/* The columns of a job that every statement handing out a claim returns (claim, the reply
 * of a lost claim, takeover), named as store_claim_read reads them. */
#define STORE_CLAIM_COLUMNS                                                                        \
	" id, type, queue, payload::text AS payload, attempt, max_attempts,"                       \
	" COALESCE((extract(epoch FROM timeout) * 1000)::bigint, 0) AS timeout_ms, status,"        \
	" extract(epoch FROM now() - run_after) AS wait_s, lease_token, claim_id"

/* A condition on a job row aliased `alias`: its queue is not paused (migration 0017). A
 * look-up in the small queues table (by its primary key, or one read of the whole table
 * per statement when the planner prefers); every statement that moves a job to running
 * (the claim, the takeover) and the relay's take and probe use it, so that a paused queue
 * starts and publishes nothing. */
#define STORE_QUEUE_RUNS(alias)                                                                    \
	"NOT EXISTS (SELECT 1 FROM queues q WHERE q.name = " alias ".queue"                        \
	" AND q.paused_at IS NOT NULL)"

/* Whether any limit exists (migration 0021). Through the primary key: a worker's session
 * plans with enable_seqscan off, and a sequential scan's penalty cost would make every
 * statement that asks this JIT-compile (hundreds of ms) even with the table empty. */
#define STORE_LIMITS_EXIST "EXISTS (SELECT 1 FROM limits WHERE limits.scope >= '')"

/* Whether one of the jobs `ids` (an SQL uuid[] expression) is in a limited scope whose
 * limit row also meets `which` (SQL appended to the scan of limits: " AND ll.rate IS NOT
 * NULL" for rated scopes). The claims (LIMITED_CLAIM) and finishes (LIMITED_FINISH) of
 * store_lease.c and the takeover (TAKE_RATED, store_takeover.c) read it in the statement
 * (the limits' scopes read once into an array, through the primary key, and each job
 * looked up by its id and matched against it), so that a claim, finish or takeover of jobs
 * in no limited scope calls no PL/pgSQL function (each call sets its search_path and jit,
 * and runs its own queries). Three primary-key probes of `limits` per job instead cost a
 * statement of 16 claims and 16 finishes 7 % more backend CPU once any limit existed; the
 * array, 5 % (bench/sql-cost). Whether such a scope has held jobs is jobq_limit_wake's
 * question: it reads only that scope's index of held jobs (jobq_limit_held, migration
 * 0029). */
#define LIMITED_IN(ids, which)                                                                     \
	"EXISTS (SELECT 1 FROM jobs lj, (SELECT array_agg(ll.scope) AS s FROM limits ll"           \
	" WHERE ll.scope >= ''" which ") ls WHERE lj.id = ANY(" ids "::uuid[])"                    \
	" AND ('queue:' || lj.queue = ANY(ls.s) OR 'type:' || lj.type = ANY(ls.s)"                 \
	" OR 'key:' || lj.concurrency_key = ANY(ls.s)))"

struct jobq_claim;

/* The STORE_CLAIM_COLUMNS of a result, resolved by store_claim_columns. */
struct store_claim_cols {
	int id, type, queue, payload, attempt, max_attempts, timeout_ms, wait_s, token;
};

/* Resolve the claim columns of res: 0, or JOBQ_EINTERNAL as store_columns. */
int store_claim_columns(const PGresult *res, struct store_claim_cols *cols, const char *what,
			struct jobq_err *err) JOBQ_WUR;

/* Fill *out (zeroed first) from row of res. 0, or JOBQ_ENOMEM when the payload could not
 * be copied (*out then holds no allocation). */
int store_claim_read(const PGresult *res, int row, const struct store_claim_cols *cols,
		     struct jobq_claim *out, struct jobq_err *err) JOBQ_WUR;

struct jobq_new_job;
struct jobq_submitted;

/* Jobs per INSERT statement of a submit (common/store_submit.c). */
#define STORE_SUBMIT_CHUNK 1000

/* The keys of jobq_store_submit's jobs folded: first[i] = the earliest job with jobs[i]'s
 * idempotency key (i itself when it is the first or has no key). malloc'd (the caller
 * frees it), NULL when out of memory. */
size_t *store_submit_fold(const struct jobq_new_job *jobs, size_t n);

struct jobq_deps;

/* The dependency edges of jobs[0..n) (their after / after_any lists) into d (jobq/deps.h;
 * the caller frees it with jobq_deps_free). JOBQ_EINVAL naming the job (when n > 1) and
 * the list. */
int store_submit_deps(const struct jobq_new_job *jobs, size_t n, struct jobq_deps *d,
		      struct jobq_err *err) JOBQ_WUR;

/* jobq_store_submit's inserts inside the caller's transaction block, `chunk` jobs per
 * statement (1: an error names its job), with first from store_submit_fold, then the links
 * of deps (from store_submit_deps; NULL or none: no link) to the new jobs; fills out[] as
 * jobq_store_submit does. The caller commits or rolls back. */
int store_submit_in(struct jobq_store *st, const struct jobq_new_job *jobs, size_t n,
		    const size_t *first, size_t chunk, const struct jobq_deps *deps, bool wait,
		    int64_t relay_grace_ms, struct jobq_submitted *out,
		    struct jobq_err *err) JOBQ_WUR;

/* Whether r and err are a deadlock, a serialization failure or a lock timeout (SQLSTATE
 * 40P01, 40001, 55P03: the link's lock timeout, a dependency held by a long cancel): the
 * transaction rolled back, and running it once more usually passes. */
bool store_deadlocked(int r, const struct jobq_err *err);

#endif
