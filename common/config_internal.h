/* Private to config.c and config_file.c: the table of settings, where each value came
 * from, and the rules that both the file reader and the validator apply. */
#ifndef JOBQ_CONFIG_INTERNAL_H
#define JOBQ_CONFIG_INTERNAL_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jobq/config.h"

#define CFG_PFX_MAX 512		/* "FILE:LINE: " or "$VAR: " */
#define CFG_NKEYS 24		/* entries in jobq_cfg_keys (checked in config.c) */

enum cfg_kind {
	K_AMQP_URL,	/* string: one amqp:// or amqps:// URL, or several joined by commas */
	K_AMQP_URLS,	/* array of such URLs, stored joined by commas in the K_AMQP_URL field */
	K_DB_URL,	/* string, "" = NULL = libpq's PG* variables */
	K_ID,		/* string or NULL */
	K_SECONDS,	/* duration in whole seconds */
	K_DURATION,	/* duration in ms */
	K_INT,		/* int */
	K_INT64,	/* int64_t */
	K_QUEUES,
	K_LEVEL,
	K_FORMAT,
	K_PATH,		/* string naming a readable file, or NULL */
	K_BOOL,		/* bool */
};

/* One setting: where it lives in the file, in struct jobq_config and in the environment. */
struct cfg_key {
	const char *group, *name;
	enum cfg_kind kind;
	size_t off;		/* offset in struct jobq_config */
	int64_t min, max;
	const char *env, *env2;	/* env2, when set, wins over env */
};

extern const struct cfg_key jobq_cfg_keys[];

/* Where each key's value came from, so that errors found after parsing (ranges, cross-field
 * rules) still name the file and line or the environment variable. */
struct cfg_origin {
	const char *main;		/* the file jobq_config_load read */
	const char *file[CFG_NKEYS];	/* as libconfig names it; see jobq_cfg_resolve() */
	unsigned line[CFG_NKEYS];
	const char *env[CFG_NKEYS];
};

#define CFG_FIELD(cfg, k, type) ((type *)(void *)((char *)(cfg) + (k)->off))
#define CFG_CFIELD(cfg, k, type) ((const type *)(const void *)((const char *)(cfg) + (k)->off))

/* The display name of a file libconfig read while reading main (see config_file.c). */
const char *jobq_cfg_resolve(const char *f, const char *main, char *buf, size_t len);

/* "PFX group.name: SHOWN is out of range (MIN to MAX)"; durations formatted if duration. */
int jobq_cfg_range_error(const char *pfx, const char *group, const char *name,
    const char *shown, int64_t min, int64_t max, bool duration, struct jobq_err *err);

/* Append a strdup of name to list (JOBQ_EINVAL on a bad name, a duplicate or overflow). */
int jobq_cfg_add_queue(char **list, int *n, const char *name, struct jobq_err *err) JOBQ_WUR;
void jobq_cfg_free_queues(char **list, int *n);
/* Replace cfg's queues by list[0..n), taking ownership of the strings. */
void jobq_cfg_install_queues(struct jobq_config *cfg, char **list, int n);

/* Check a broker URL list (amqp.url's value): 1 to JOBQ_URL_LIST_MAX comma-separated
 * amqp:// or amqps:// URLs. The error starts "PFX NAME: " and shows the URL masked. */
int jobq_cfg_check_amqp_urls(const char *list, const char *pfx, const char *name,
    struct jobq_err *err) JOBQ_WUR;

/* Rules for cfg->handlers[idx]; pfx locates it ("" when validating a built config).
 * cancel_grace is checked by the caller: while parsing it may still be -1 (inherit). */
int jobq_cfg_check_handler(const struct jobq_config *cfg, int idx, const char *pfx,
    struct jobq_err *err) JOBQ_WUR;

/* Read file with libconfig into lc and apply its settings to cfg, recording origins in o.
 * how prefixes a "cannot read" error ("$JOBQ_CONFIG: "). lc must stay alive while o is used. */
int jobq_cfg_read_file(struct jobq_config *cfg, config_t *lc, const char *file, const char *how,
    struct cfg_origin *o, struct jobq_err *err) JOBQ_WUR;

#endif
