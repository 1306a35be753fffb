/* Private to the configuration code (config_keys.c, config_read.c, config.c): the table of
 * settings and the rules for their values, which the file reader, the environment and the
 * validator all apply. The bottom of the chain: it knows nothing of libconfig or of where a
 * value came from. */
#ifndef JOBQ_CONFIG_KEYS_H
#define JOBQ_CONFIG_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jobq/config.h"
#include "jobq/err.h"
#include "jobq/ids.h" /* JOBQ_WORKER_ID_MAX */

#define CFG_PFX_MAX 512 /* "FILE:LINE: " or "$VAR: " */
#define CFG_NKEYS 40    /* entries in jobq_cfg_keys (checked in config_keys.c) */

enum cfg_kind {
	K_AMQP_URL,  /* string: one amqp:// or amqps:// URL, or several joined by commas */
	K_AMQP_URLS, /* array of such URLs, stored joined by commas in the K_AMQP_URL field */
	K_DB_URL,    /* string, "" = NULL = libpq's PG* variables */
	K_ID,        /* string or NULL */
	K_SECONDS,   /* duration in whole seconds */
	K_DURATION,  /* duration in ms */
	K_INT,       /* int */
	K_INT64,     /* int64_t */
	K_QUEUES,
	K_LEVEL,
	K_FORMAT,
	K_PATH,  /* string naming a readable file, or NULL */
	K_BOOL,  /* bool */
	K_QTYPE, /* enum jobq_queue_type, written "quorum" or "classic" */
};

/* One setting: where it lives in the file, in struct jobq_config and in the environment. */
struct cfg_key {
	const char *group, *name;
	enum cfg_kind kind;
	size_t off; /* offset in struct jobq_config */
	int64_t min, max;
	const char *env;   /* the variable that sets it, or NULL */
	const char *alias; /* an older name of env, read only when env is unset, or NULL */
};

/* The settings, CFG_NKEYS of them, in the order docs/configuration.md lists them. An index
 * into this table identifies a key (struct cfg_origin in config_read.h is indexed by it). */
extern const struct cfg_key jobq_cfg_keys[];

#define CFG_FIELD(cfg, k, type) ((type *)(void *)((char *)(cfg) + (k)->off))
#define CFG_CFIELD(cfg, k, type) ((const type *)(const void *)((const char *)(cfg) + (k)->off))

/* The key group.name, or NULL if there is none. */
const struct cfg_key *jobq_cfg_key_find(const char *group, const char *name);

/* Set err to "PFX group.name: SHOWN is out of range (MIN to MAX)" (group may be NULL; MIN
 * and MAX formatted as durations if duration) and return JOBQ_EINVAL. */
int jobq_cfg_range_error(const char *pfx, const char *group, const char *name, const char *shown,
			 int64_t min, int64_t max, bool duration, struct jobq_err *err);

/* Append a strdup of name to list[0..*n) and count it. JOBQ_EINVAL on a bad name, a
 * duplicate or more than JOBQ_MAX_QUEUES; JOBQ_ENOMEM. list keeps what it held. */
int jobq_cfg_add_queue(char **list, int *n, const char *name, struct jobq_err *err) JOBQ_WUR;

/* Free list[0..*n) and set *n to 0. */
void jobq_cfg_free_queues(char **list, int *n);

/* Replace cfg's queues by list[0..n), taking ownership of the strings. */
void jobq_cfg_install_queues(struct jobq_config *cfg, char **list, int n);

/* Check a broker URL list (amqp.url's value): 1 to JOBQ_URL_LIST_MAX comma-separated
 * amqp:// or amqps:// URLs. JOBQ_EINVAL with a message that starts "PFX NAME: " and shows
 * the URL masked. */
int jobq_cfg_check_amqp_urls(const char *list, const char *pfx, const char *name,
			     struct jobq_err *err) JOBQ_WUR;

/* Rules for cfg->handlers[idx] alone and against the handlers before it (a type handled
 * twice); pfx locates it ("" when validating a built config). JOBQ_EINVAL naming the field.
 * cancel_grace is checked by the caller: while parsing it may still be -1 (inherit). */
int jobq_cfg_check_handler(const struct jobq_config *cfg, int idx, const char *pfx,
			   struct jobq_err *err) JOBQ_WUR;

/* Range and shape rules for key k's value in cfg (a readable tls_ca, say). JOBQ_EINVAL
 * with a message that starts "PFX group.name: ". */
int jobq_cfg_check_key(const struct jobq_config *cfg, const struct cfg_key *k, const char *pfx,
		       struct jobq_err *err) JOBQ_WUR;

#endif
