/* Schema migrations: numbered forward-only SQL files applied in order, each in its own
 * transaction, recorded with a checksum in schema_migrations. */
#ifndef JOBQ_MIGRATE_H
#define JOBQ_MIGRATE_H

#include <stddef.h>
#include "jobq/store.h"

/* Find the migrations folder: `explicit` if non-NULL, else $JOBQ_MIGRATIONS_DIR, else the
 * installed share/jobq/migrations, else the source tree's migrations/ (for a build
 * tree). Writes the path into out. JOBQ_ENOTFOUND naming the places tried. */
int jobq_migrate_find_dir(const char *explicit_dir, char *out, size_t len,
			  struct jobq_err *err) JOBQ_WUR;

/* Called once per migration applied by jobq_migrate_run. */
typedef void (*jobq_migrate_cb)(const char *version, void *arg);

/* Apply every pending migration from dir, serialised against concurrent runs by an
 * advisory lock. Before applying anything it checks that every applied migration's file
 * is unchanged (same checksum) and that the database knows no migration missing from
 * dir; either mismatch is JOBQ_EINVAL naming the file. *applied and *total receive the
 * counts. Idempotent: a second run applies nothing. */
int jobq_migrate_run(struct jobq_store *st, const char *dir, jobq_migrate_cb cb, void *arg,
		     int *applied, int *total, struct jobq_err *err) JOBQ_WUR;

#endif
