/* Private to the configuration code: reading one libconfig file into a struct jobq_config
 * (config_read.c), and where each value came from, so that errors found later (ranges,
 * rules between keys) still name the file and line or the environment variable. Uses the
 * table of config_keys.h and the guard of config_guard.c; called by config.c only. */
#ifndef JOBQ_CONFIG_READ_H
#define JOBQ_CONFIG_READ_H

#include <libconfig.h>
#include <stddef.h>

#include "config_keys.h"
#include "jobq/config.h"
#include "jobq/err.h"

/* Where each key's value came from, indexed like jobq_cfg_keys. The strings are not owned:
 * main is the caller's, file[] are libconfig's and live as long as its config_t, env[] are
 * the table's variable names. */
struct cfg_origin {
	const char *main;            /* the file jobq_config_load read */
	const char *file[CFG_NKEYS]; /* as libconfig names it; see jobq_cfg_resolve() */
	unsigned line[CFG_NKEYS];    /* 0: not set by the file */
	const char *env[CFG_NKEYS];  /* the variable that set it, or NULL */
};

/* The display name of file f, as libconfig names it (NULL: the main file), read while
 * reading main: an @included name is relative to main's directory. Returns f, main, or buf
 * (filled, truncated to len). */
const char *jobq_cfg_resolve(const char *f, const char *main, char *buf, size_t len);

/* Read file with libconfig into lc (initialised by the caller, who destroys it) and apply
 * its settings to cfg, recording in o where each came from (o->main = file). how prefixes a
 * "cannot read" error ("$JOBQ_CONFIG: "), or NULL. lc must stay alive while o is used.
 * JOBQ_EINVAL with "FILE:LINE: what" for anything wrong in the file, with "FILE: cannot
 * read: why" if it cannot be read; JOBQ_ENOMEM. On error cfg holds what was applied so far
 * (the caller frees it). Handlers without cancel_grace get -1 (the caller fills it in). */
int jobq_cfg_read_file(struct jobq_config *cfg, config_t *lc, const char *file, const char *how,
		       struct cfg_origin *o, struct jobq_err *err) JOBQ_WUR;

#endif
