/* Applying numbered SQL migrations with checksums (md5 computed by the server). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jobq/migrate.h"

#define MAX_MIGRATIONS 256
#define MIGRATE_LOCK_KEY "7071655100" /* advisory lock id serialising concurrent runs */

/* Rights of the least-privilege roles, set on every run (idempotent) for whichever of them
 * exist, so that roles created after the schema still get them: each role's rights are
 * revoked and granted again in one transaction, so a run also takes back what an older
 * jobq granted. The CLI writes jobs and workers only through the functions of migration
 * 0008; it inserts jobs with the columns submit sets (a new column submit sets must be
 * added here), and the one column it may update, idempotency_key, is what submit's ON
 * CONFLICT DO UPDATE and `jobq wait`'s FOR SHARE need; a key whose window is over is
 * taken from its old job through jobq_expire_keys (migration 0016). No function of jobq's
 * is for PUBLIC (CREATE FUNCTION grants it EXECUTE): a function dropped and created again
 * by a later migration loses that right here too. The CLI marks a job published through its own
 * function (migration 0010), not the relay's. No role but public's owner may CREATE in
 * public (databases made before PostgreSQL 15 let every role): an object planted there by
 * another role could match a call in a jobq statement more exactly than pg_catalog's and
 * run with the caller's rights. Functions are granted by name where they exist, so a
 * database migrated only part of the way (a test's, or one upgraded in steps) gets the
 * rights its functions allow. jobq_producer (applications, migration 0011) may only call the
 * SQL API's functions. Schedules (0015): the CLI reads them and writes through its
 * jobq_cli_schedule_* functions, the consumer only fires them; the slots fired (0019) are
 * written by the fire function alone and read by the CLI. The queues table (0017) is
 * read by the consumer and the CLI and written by the CLI through its two functions. The
 * limits table (0021, 0023) likewise; the consumer calls the admission, the hold's check,
 * the release's rooms and the finish's wake, the CLI the bucket's two pure functions (for
 * `limit list`). See
 * docs/security.md and docs/clients.md. Several statements, in order: a C string literal
 * longer than 4,095 characters is not portable. */
static const char *const GRANTS[] = {
	"DO $$ DECLARE f regprocedure; fname name; BEGIN"
	" FOR f IN SELECT p.oid FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"
	"  AND p.proname LIKE 'jobq\\_%' LOOP"
	"  EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);"
	" END LOOP;"
	" IF EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = 'public'"
	"  AND pg_has_role(n.nspowner, 'USAGE')) THEN"
	"  REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
	" END IF;"
	" IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_consumer') THEN"
	"  REVOKE ALL ON jobs, workers, dead_letters, job_events, job_waiters FROM jobq_consumer;"
	"  REVOKE ALL ON SEQUENCE dead_letters_id_seq FROM jobq_consumer;"
	"  GRANT SELECT, UPDATE ON jobs TO jobq_consumer;"
	"  GRANT SELECT, INSERT, UPDATE ON workers TO jobq_consumer;"
	"  GRANT SELECT, INSERT ON dead_letters TO jobq_consumer;"
	"  GRANT USAGE ON SEQUENCE dead_letters_id_seq TO jobq_consumer;"
	"  IF to_regclass('public.queues') IS NOT NULL THEN"
	"   REVOKE ALL ON queues FROM jobq_consumer; GRANT SELECT ON queues TO jobq_consumer;"
	"  END IF;"
	"  IF to_regclass('public.limits') IS NOT NULL THEN"
	"   REVOKE ALL ON limits FROM jobq_consumer; GRANT SELECT ON limits TO jobq_consumer;"
	"  END IF;"
	"  FOR f IN SELECT p.oid FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"
	"   AND p.proname IN ('jobq_mark_published', 'jobq_lock_holder_alive',"
	"    'jobq_schedule_fire', 'jobq_limit_admit', 'jobq_limited',"
	"    'jobq_limit_rooms', 'jobq_limit_wake',"
	"    'jobq_limit_takeover') LOOP"
	"   EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO jobq_consumer', f);"
	"  END LOOP;"
	" END IF;"
	" IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_cli') THEN"
	"  REVOKE ALL ON jobs, workers, dead_letters, job_events, job_waiters FROM jobq_cli;"
	"  REVOKE ALL ON SEQUENCE dead_letters_id_seq FROM jobq_cli;"
	"  GRANT SELECT, INSERT (id, type, payload, queue, max_attempts, run_after, status,"
	"   timeout, idempotency_key, status_reason, publish_after, job_metadata)"
	"   ON jobs TO jobq_cli;"
	"  GRANT UPDATE (idempotency_key) ON jobs TO jobq_cli;"
	"  GRANT SELECT ON job_events, workers, dead_letters TO jobq_cli;"
	"  GRANT SELECT, INSERT, DELETE ON job_waiters TO jobq_cli;"
	"  IF to_regclass('public.queues') IS NOT NULL THEN"
	"   REVOKE ALL ON queues FROM jobq_cli; GRANT SELECT ON queues TO jobq_cli;"
	"  END IF;"
	"  IF to_regclass('public.limits') IS NOT NULL THEN"
	"   REVOKE ALL ON limits FROM jobq_cli; GRANT SELECT ON limits TO jobq_cli;"
	"  END IF;"
	"  FOR f, fname IN SELECT p.oid, p.proname FROM pg_proc p"
	"   WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'jobq\\_%' LOOP"
	"   EXECUTE format(CASE WHEN fname IN ('jobq_cli_retry', 'jobq_cli_cancel',"
	"     'jobq_cli_prune_jobs', 'jobq_cli_prune_workers', 'jobq_cli_mark_published',"
	"     'jobq_cli_schedule_add', 'jobq_cli_schedule_rm', 'jobq_cli_schedule_pause',"
	"     'jobq_cli_schedule_run',"
	"     'jobq_cli_queue_pause', 'jobq_cli_queue_resume',"
	"     'jobq_cli_limit_set', 'jobq_cli_limit_rm', 'jobq_limit_burst', 'jobq_limit_tokens',"
	"     'jobq_cli_prune_turns', 'jobq_cli_prune_slots', 'jobq_link_deps')"
	"    THEN 'GRANT EXECUTE ON FUNCTION %s TO jobq_cli'"
	"    ELSE 'REVOKE EXECUTE ON FUNCTION %s FROM jobq_cli' END, f);"
	"  END LOOP;"
	/* a key whose unique window is over is taken from its job (migration 0016) */
	"  IF to_regprocedure('public.jobq_expire_keys(text[])') IS NOT NULL THEN"
	"   GRANT EXECUTE ON FUNCTION jobq_expire_keys(text[]) TO jobq_cli;"
	"  END IF;"
	" END IF;"
	" IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_producer') THEN"
	"  REVOKE ALL ON jobs, workers, dead_letters, job_events, job_waiters FROM jobq_producer;"
	"  REVOKE ALL ON SEQUENCE dead_letters_id_seq FROM jobq_producer;"
	"  IF to_regclass('public.queues') IS NOT NULL THEN"
	"   REVOKE ALL ON queues FROM jobq_producer;"
	"  END IF;"
	"  IF to_regclass('public.limits') IS NOT NULL THEN"
	"   REVOKE ALL ON limits FROM jobq_producer;"
	"  END IF;"
	"  FOR f, fname IN SELECT p.oid, p.proname FROM pg_proc p"
	"   WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'jobq\\_%' LOOP"
	"   EXECUTE format(CASE WHEN fname IN ('jobq_submit', 'jobq_submit_many', 'jobq_cancel',"
	"     'jobq_status', 'jobq_watch', 'jobq_unwatch')"
	"    THEN 'GRANT EXECUTE ON FUNCTION %s TO jobq_producer'"
	"    ELSE 'REVOKE EXECUTE ON FUNCTION %s FROM jobq_producer' END, f);"
	"  END LOOP;"
	" END IF;"
	"END $$",
	/* Retention (migration 0041): the consumer deletes and records rounds only through
	 * jobq_prune_jobs, jobq_prune_dead_letters and jobq_retention_record; the CLI reads
	 * the rounds (jobq stats). */
	"DO $$ DECLARE f regprocedure; BEGIN"
	" IF to_regclass('public.retention_rounds') IS NOT NULL THEN"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_consumer') THEN"
	"   REVOKE ALL ON retention_rounds FROM jobq_consumer;"
	"   FOR f IN SELECT p.oid FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"
	"    AND p.proname IN ('jobq_prune_jobs', 'jobq_prune_dead_letters',"
	"     'jobq_retention_record') LOOP"
	"    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO jobq_consumer', f);"
	"   END LOOP;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_producer') THEN"
	"   REVOKE ALL ON retention_rounds FROM jobq_producer;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_cli') THEN"
	"   REVOKE ALL ON retention_rounds FROM jobq_cli;"
	"   GRANT SELECT ON retention_rounds TO jobq_cli;"
	"  END IF;"
	" END IF;"
	"END $$",
	/* Schedules (migration 0015): the CLI reads them and writes through its functions;
	 * the consumer and applications only fire them (jobq_schedule_fire) or not at all. */
	"DO $$ BEGIN"
	" IF to_regclass('public.schedules') IS NOT NULL THEN"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_consumer') THEN"
	"   REVOKE ALL ON schedules FROM jobq_consumer;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_producer') THEN"
	"   REVOKE ALL ON schedules FROM jobq_producer;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_cli') THEN"
	"   REVOKE ALL ON schedules FROM jobq_cli;"
	"   GRANT SELECT ON schedules TO jobq_cli;"
	"  END IF;"
	" END IF;"
	/* fired slots (migration 0019): written only by jobq_schedule_fire, read by the CLI */
	" IF to_regclass('public.schedule_slots') IS NOT NULL THEN"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_consumer') THEN"
	"   REVOKE ALL ON schedule_slots FROM jobq_consumer;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_producer') THEN"
	"   REVOKE ALL ON schedule_slots FROM jobq_producer;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_cli') THEN"
	"   REVOKE ALL ON schedule_slots FROM jobq_cli;"
	"   GRANT SELECT ON schedule_slots TO jobq_cli;"
	"  END IF;"
	" END IF;"
	"END $$",
	/* The keyed release's memory of turns and its cursors (migration 0027): the relay
	 * reads and writes them, nobody else. */
	"DO $$ BEGIN"
	" IF to_regclass('public.key_turns') IS NOT NULL THEN"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_consumer') THEN"
	"   REVOKE ALL ON key_turns, key_cursors FROM jobq_consumer;"
	"   GRANT SELECT, INSERT, UPDATE ON key_turns, key_cursors TO jobq_consumer;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_cli') THEN"
	"   REVOKE ALL ON key_turns, key_cursors FROM jobq_cli;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_producer') THEN"
	"   REVOKE ALL ON key_turns, key_cursors FROM jobq_producer;"
	"  END IF;"
	" END IF;"
	"END $$",
	/* Columns of jobs that submit sets and a later migration added: unique_until (0016,
	 * submit --unique-for), priority (0018, submit --priority) and concurrency_key (0021,
	 * submit --concurrency-key since 0024). A database migrated
	 * only part of the way lacks them. */
	"DO $$ BEGIN"
	" IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_cli') THEN"
	"  IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'jobs'::regclass"
	"   AND attname = 'unique_until' AND NOT attisdropped) THEN"
	"   GRANT INSERT (unique_until) ON jobs TO jobq_cli;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'jobs'::regclass"
	"   AND attname = 'priority' AND NOT attisdropped) THEN"
	"   GRANT INSERT (priority) ON jobs TO jobq_cli;"
	"  END IF;"
	/* jobs.concurrency_key: migration 0021's column, written by submit since 0024 */
	"  IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'jobs'::regclass"
	"   AND attname = 'concurrency_key' AND NOT attisdropped) THEN"
	"   GRANT INSERT (concurrency_key) ON jobs TO jobq_cli;"
	"  END IF;"
	" END IF;"
	"END $$",
	/* Dependencies (migration 0050): the CLI inserts a waiting job (has_dependencies), and
	 * one that later jobs of its batch run after with has_dependents (0059), links them
	 * through jobq_link_deps, and reads the edges for `jobq status`; the counters are
	 * written by the definer functions alone. */
	"DO $$ BEGIN"
	" IF to_regclass('public.job_deps') IS NOT NULL THEN"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_consumer') THEN"
	"   REVOKE ALL ON job_deps, job_deps_left FROM jobq_consumer;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_producer') THEN"
	"   REVOKE ALL ON job_deps, job_deps_left FROM jobq_producer;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_cli') THEN"
	"   REVOKE ALL ON job_deps, job_deps_left FROM jobq_cli;"
	"   GRANT SELECT ON job_deps TO jobq_cli;"
	"   GRANT INSERT (has_dependencies, has_dependents) ON jobs TO jobq_cli;"
	"  END IF;"
	" END IF;"
	"END $$",
	/* Batches with callbacks (migration 0051): the CLI opens and seals its batch through
	 * jobq_batch_open and jobq_batch_seal, names it in submit's insert (jobs.batch_id,
	 * guarded by a trigger) and reads the batches' progress; the consumer's ends count
	 * through a SECURITY DEFINER trigger and need no right on them. */
	"DO $$ DECLARE f regprocedure; BEGIN"
	" IF to_regclass('public.batches') IS NOT NULL THEN"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_consumer') THEN"
	"   REVOKE ALL ON batches, batch_left FROM jobq_consumer;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_producer') THEN"
	"   REVOKE ALL ON batches, batch_left FROM jobq_producer;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_cli') THEN"
	"   REVOKE ALL ON batches, batch_left FROM jobq_cli;"
	"   GRANT SELECT ON batches, batch_left TO jobq_cli;"
	"   GRANT INSERT (batch_id) ON jobs TO jobq_cli;"
	"   FOR f IN SELECT p.oid FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"
	"    AND p.proname IN ('jobq_batch_open', 'jobq_batch_seal') LOOP"
	"    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO jobq_cli', f);"
	"   END LOOP;"
	"  END IF;"
	" END IF;"
	"END $$",
	/* The metadata pairs (migration 0045): written by the insert trigger alone, read by
	 * the CLI's --meta. */
	"DO $$ BEGIN"
	" IF to_regclass('public.job_meta_pairs') IS NOT NULL THEN"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_consumer') THEN"
	"   REVOKE ALL ON job_meta_pairs FROM jobq_consumer;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_producer') THEN"
	"   REVOKE ALL ON job_meta_pairs FROM jobq_producer;"
	"  END IF;"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_cli') THEN"
	"   REVOKE ALL ON job_meta_pairs FROM jobq_cli;"
	"   GRANT SELECT ON job_meta_pairs TO jobq_cli;"
	"  END IF;"
	" END IF;"
	"END $$",
	/* The web console's role (migration 0052): its rights are the function's to set. */
	"DO $$ BEGIN"
	" IF to_regprocedure('public.jobq_grant_web()') IS NOT NULL THEN"
	"  PERFORM public.jobq_grant_web();"
	" END IF;"
	"END $$",
};

static bool is_dir(const char *path)
{
	struct stat sb;

	return path != NULL && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int jobq_migrate_find_dir(const char *explicit_dir, char *out, size_t len, struct jobq_err *err)
{
	const char *env = getenv("JOBQ_MIGRATIONS_DIR");
	const char *candidates[] = { JOBQ_MIGRATIONS_INSTALL_DIR, JOBQ_MIGRATIONS_SOURCE_DIR };

	if (explicit_dir != NULL) {
		if (!is_dir(explicit_dir))
			return jobq_err_set(err, JOBQ_ENOTFOUND, "migrations folder %s not found",
					    explicit_dir);
		snprintf(out, len, "%s", explicit_dir);
		return 0;
	}
	if (env != NULL && env[0] != '\0') {
		if (!is_dir(env))
			return jobq_err_set(err, JOBQ_ENOTFOUND,
					    "$JOBQ_MIGRATIONS_DIR: folder %s not found", env);
		snprintf(out, len, "%s", env);
		return 0;
	}
	for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++) {
		if (is_dir(candidates[i])) {
			snprintf(out, len, "%s", candidates[i]);
			return 0;
		}
	}
	return jobq_err_set(err, JOBQ_ENOTFOUND,
			    "no migrations folder (tried %s and %s; set JOBQ_MIGRATIONS_DIR)",
			    candidates[0], candidates[1]);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names of the *.sql files in dir, sorted; returns the count or a negative error. The names
 * are the caller's to free, those read before an error included (names starts zeroed). */
static int list_files(const char *dir, char **names, int max, struct jobq_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0, r = 0;

	if (d == NULL)
		return jobq_err_set(err, JOBQ_ESYS, "migrations folder %s: %s", dir,
				    strerror(errno));
	while (r == 0 && (e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);

		if (l < 5 || strcmp(e->d_name + l - 4, ".sql") != 0 || e->d_name[0] == '.')
			continue;
		if (n == max)
			r = jobq_err_set(err, JOBQ_EINVAL, "more than %d migrations in %s", max,
					 dir);
		else if ((names[n] = strndup(e->d_name, l - 4)) == NULL)
			r = jobq_err_set(err, JOBQ_ENOMEM, "migrations: out of memory");
		else
			n++;
	}
	closedir(d);
	if (r != 0)
		return r;
	qsort(names, (size_t)n, sizeof(names[0]), by_name);
	return n;
}

static char *read_file(const char *path, struct jobq_err *err)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (f == NULL) {
		jobq_err_set(err, JOBQ_ESYS, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
	    (buf = malloc((size_t)size + 1)) == NULL ||
	    fread(buf, 1, (size_t)size, f) != (size_t)size) {
		jobq_err_set(err, JOBQ_ESYS, "%s: cannot read", path);
		free(buf);
		buf = NULL;
	} else {
		buf[size] = '\0';
	}
	fclose(f);
	return buf;
}

static void rollback(struct jobq_store *st)
{
	struct jobq_err ignored;

	if (jobq_store_ok(st))
		jobq_ignore(jobq_store_command(st, "ROLLBACK", &ignored));
}

/* Apply one file in its own transaction and record it. */
static int apply(struct jobq_store *st, const char *version, const char *sql, struct jobq_err *err)
{
	PGresult *res;
	const char *p[2] = { version, sql };
	int r;

	if ((r = jobq_store_command(st, "BEGIN", err)) != 0)
		return r;
	/* The simple query protocol runs a file of several statements in one call. */
	res = PQexec(jobq_store_conn(st), sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK) {
		r = jobq_store_result_error(st, res, "apply", err);
		jobq_err_prefix(err, "migration %s.sql", version);
		PQclear(res);
		rollback(st);
		return r;
	}
	PQclear(res);
	r = jobq_store_exec(
		st, NULL, "INSERT INTO schema_migrations (version, checksum) VALUES ($1, md5($2))",
		2, p, &res, "record migration", err);
	PQclear(res);
	if (r != 0) {
		rollback(st);
		return r;
	}
	return jobq_store_command(st, "COMMIT", err);
}

int jobq_migrate_run(struct jobq_store *st, const char *dir, jobq_migrate_cb cb, void *arg,
		     int *applied, int *total, struct jobq_err *err)
{
	char *names[MAX_MIGRATIONS] = { 0 };
	char *sqls[MAX_MIGRATIONS] = { 0 };
	PGresult *res = NULL;
	bool locked = false;
	int n = 0, r;

	*applied = *total = 0;
	if ((n = list_files(dir, names, MAX_MIGRATIONS, err)) < 0) {
		r = n;
		goto out;
	}
	for (int i = 0; i < n; i++) {
		char path[4096];

		snprintf(path, sizeof(path), "%s/%s.sql", dir, names[i]);
		if ((sqls[i] = read_file(path, err)) == NULL) {
			r = err != NULL ? err->code : JOBQ_ESYS;
			goto out;
		}
	}
	if ((r = jobq_store_command(st, "SELECT pg_advisory_lock(" MIGRATE_LOCK_KEY ")", err)) != 0)
		goto out;
	locked = true;
	if ((r = jobq_store_command(st,
				    "CREATE TABLE IF NOT EXISTS schema_migrations ("
				    " version text PRIMARY KEY, checksum text NOT NULL,"
				    " applied_at timestamptz NOT NULL DEFAULT now())",
				    err)) != 0)
		goto out;
	if ((r = jobq_store_exec(st, NULL, "SELECT version, checksum FROM schema_migrations", 0,
				 NULL, &res, "read schema_migrations", err)) != 0)
		goto out;
	/* Verify everything before changing anything. */
	for (int row = 0; row < PQntuples(res); row++) {
		const char *version = PQgetvalue(res, row, 0);
		int i;

		for (i = 0; i < n && strcmp(names[i], version) != 0; i++)
			;
		if (i == n) {
			r = jobq_err_set(err, JOBQ_EINVAL,
					 "database has migration %s, which %s does not have "
					 "(is this jobq older than the database?)",
					 version, dir);
			goto out;
		}
		{
			const char *p[2] = { sqls[i], PQgetvalue(res, row, 1) };
			PGresult *cmp;

			if ((r = jobq_store_exec(st, NULL, "SELECT md5($1) = $2", 2, p, &cmp,
						 "compare checksum", err)) != 0)
				goto out;
			bool same = PQgetvalue(cmp, 0, 0)[0] == 't';
			PQclear(cmp);
			if (!same) {
				r = jobq_err_set(
					err, JOBQ_EINVAL,
					"%s/%s.sql has changed since it was applied; "
					"migrations are forward-only: add a new file instead",
					dir, version);
				goto out;
			}
		}
		free(sqls[i]);
		sqls[i] = NULL; /* applied: nothing to do */
	}
	*total = n;
	for (int i = 0; i < n; i++) {
		if (sqls[i] == NULL)
			continue;
		if ((r = apply(st, names[i], sqls[i], err)) != 0)
			goto out;
		(*applied)++;
		if (cb != NULL)
			cb(names[i], arg);
	}
	r = 0;
	for (size_t g = 0; r == 0 && g < sizeof(GRANTS) / sizeof(GRANTS[0]); g++)
		if ((r = jobq_store_command(st, GRANTS[g], err)) != 0)
			jobq_err_prefix(err, "grant rights to jobq_consumer, jobq_cli, "
					     "jobq_producer and jobq_web");
out:
	PQclear(res);
	if (locked && jobq_store_ok(st)) {
		struct jobq_err ignored;
		jobq_ignore(jobq_store_command(
			st, "SELECT pg_advisory_unlock(" MIGRATE_LOCK_KEY ")", &ignored));
	}
	for (int i = 0; i < MAX_MIGRATIONS; i++) { /* every one: list_files may fail halfway */
		free(names[i]);
		free(sqls[i]);
	}
	return r;
}
