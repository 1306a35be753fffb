/* Configuration: built-in defaults, then one libconfig file (config_file.c), then
 * environment variables, then validation. Every error names where the bad value came from
 * ("FILE:LINE: group.key: ..." or "$VAR: ..."). */
#include <grp.h>
#include <libconfig.h>
#include <limits.h>
#include <pwd.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config_internal.h"
#include "jobq/config.h"
#include "jobq/duration.h"
#include "jobq/parse.h"
#include "jobq/url.h"

#define MIB (1024LL * 1024)
#define WORKER_ID_MAX 128
#define DEFAULT_GRACE_MS 10000
#define DEFAULT_AMQP_URL "amqp://guest:guest@127.0.0.1:5672/"

#define F(field) offsetof(struct jobq_config, field)
#define DMAX JOBQ_DURATION_MAX_MS
const struct cfg_key jobq_cfg_keys[] = {
	{ "amqp", "url", K_AMQP_URL, F(amqp_url), 0, 0, "JOBQ_AMQP_URL", NULL },
	{ "amqp", "urls", K_AMQP_URLS, F(amqp_url), 1, JOBQ_URL_LIST_MAX, NULL, NULL },
	{ "amqp", "heartbeat", K_SECONDS, F(amqp_heartbeat_ms), 1000, 3600000,
	    "JOBQ_AMQP_HEARTBEAT", NULL },
	{ "amqp", "tls_ca", K_PATH, F(amqp_tls_ca), 0, 0, "JOBQ_AMQP_TLS_CA", NULL },
	{ "amqp", "tls_cert", K_PATH, F(amqp_tls_cert), 0, 0, "JOBQ_AMQP_TLS_CERT", NULL },
	{ "amqp", "tls_key", K_PATH, F(amqp_tls_key), 0, 0, "JOBQ_AMQP_TLS_KEY", NULL },
	{ "amqp", "tls_verify", K_BOOL, F(amqp_tls_verify), 0, 1, "JOBQ_AMQP_TLS_VERIFY", NULL },
	{ "database", "url", K_DB_URL, F(database_url), 0, 0, "JOBQ_DATABASE_URL", NULL },
	{ "consumer", "worker_id", K_ID, F(worker_id), 1, WORKER_ID_MAX, "JOBQ_WORKER_ID", NULL },
	{ "consumer", "queues", K_QUEUES, 0, 1, JOBQ_MAX_QUEUES, "JOBQ_QUEUES", NULL },
	{ "consumer", "concurrency", K_INT, F(concurrency), 1, 1024, "JOBQ_CONCURRENCY", NULL },
	{ "consumer", "prefetch", K_INT, F(prefetch), 0, 65535, "JOBQ_PREFETCH", NULL },
	{ "consumer", "heartbeat_interval", K_DURATION, F(heartbeat_interval_ms), 1, DMAX,
	    "HEARTBEAT_INTERVAL", "JOBQ_HEARTBEAT_INTERVAL" },
	{ "consumer", "lease_duration", K_DURATION, F(lease_duration_ms), 1, DMAX,
	    "LEASE_DURATION", "JOBQ_LEASE_DURATION" },
	{ "consumer", "shutdown_timeout", K_DURATION, F(shutdown_timeout_ms), 0, DMAX,
	    "JOBQ_SHUTDOWN_TIMEOUT", NULL },
	{ "consumer", "cancel_grace", K_DURATION, F(cancel_grace_ms), 0, DMAX,
	    "JOBQ_CANCEL_GRACE", NULL },
	{ "consumer", "relay_interval", K_DURATION, F(relay_interval_ms), 1, DMAX,
	    "JOBQ_RELAY_INTERVAL", NULL },
	{ "consumer", "relay_grace", K_DURATION, F(relay_grace_ms), 0, DMAX,
	    "JOBQ_RELAY_GRACE", NULL },
	{ "consumer", "max_payload", K_INT64, F(max_payload_bytes), 1, 64 * MIB,
	    "JOBQ_MAX_PAYLOAD", NULL },
	{ "retry", "base", K_DURATION, F(retry_base_ms), 0, DMAX, "JOBQ_RETRY_BASE", NULL },
	{ "retry", "max", K_DURATION, F(retry_max_ms), 0, DMAX, "JOBQ_RETRY_MAX", NULL },
	{ "metrics", "listen", K_ID, F(metrics_listen), 1, 128, "JOBQ_METRICS_LISTEN", NULL },
	{ "log", "level", K_LEVEL, F(log_level), 0, 0, "JOBQ_LOG_LEVEL", NULL },
	{ "log", "format", K_FORMAT, F(log_format), 0, 0, "JOBQ_LOG_FORMAT", NULL },
};
_Static_assert(sizeof(jobq_cfg_keys) / sizeof(jobq_cfg_keys[0]) == CFG_NKEYS,
    "CFG_NKEYS must count jobq_cfg_keys");
#undef DMAX
#undef F

static const struct cfg_key *
find_key(const char *group, const char *name)
{
	const struct cfg_key *k;

	for (k = jobq_cfg_keys; k < jobq_cfg_keys + CFG_NKEYS; k++)
		if (strcmp(k->group, group) == 0 && strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

static const char *
prefix(const struct cfg_origin *o, const struct cfg_key *k, char *buf, size_t len)
{
	size_t i = (size_t)(k - jobq_cfg_keys);
	char path[PATH_MAX];

	buf[0] = '\0';
	if (o == NULL)
		return buf;
	if (o->env[i] != NULL)
		snprintf(buf, len, "$%s: ", o->env[i]);
	else if (o->line[i] != 0)
		snprintf(buf, len, "%s:%u: ",
		    jobq_cfg_resolve(o->file[i], o->main, path, sizeof(path)), o->line[i]);
	return buf;
}

int
jobq_cfg_range_error(const char *pfx, const char *group, const char *name, const char *shown,
    int64_t min, int64_t max, bool duration, struct jobq_err *err)
{
	char a[32], b[32];

	if (duration) {
		jobq_duration_format(min, a, sizeof(a));
		jobq_duration_format(max, b, sizeof(b));
	} else {
		snprintf(a, sizeof(a), "%lld", (long long)min);
		snprintf(b, sizeof(b), "%lld", (long long)max);
	}
	return jobq_err_set(err, JOBQ_EINVAL, "%s%s%s%s: %s is out of range (%s to %s)", pfx,
	    group != NULL ? group : "", group != NULL ? "." : "", name, shown, a, b);
}

/* Append one queue name to list, rejecting bad names, duplicates and overflow. */
int
jobq_cfg_add_queue(char **list, int *n, const char *name, struct jobq_err *err)
{
	int i;

	if (!jobq_queue_name_valid(name))
		return jobq_err_set(err, JOBQ_EINVAL,
		    "'%s' is not a valid queue name (1 to 64 of A-Z a-z 0-9 _ . -)", name);
	for (i = 0; i < *n; i++)
		if (strcmp(list[i], name) == 0)
			return jobq_err_set(err, JOBQ_EINVAL, "queue '%s' is listed twice", name);
	if (*n >= JOBQ_MAX_QUEUES)
		return jobq_err_set(err, JOBQ_EINVAL, "more than %d queues", JOBQ_MAX_QUEUES);
	if ((list[*n] = strdup(name)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	(*n)++;
	return 0;
}

void
jobq_cfg_free_queues(char **list, int *n)
{
	int i;

	for (i = 0; i < *n; i++) {
		free(list[i]);
		list[i] = NULL;
	}
	*n = 0;
}

void
jobq_cfg_install_queues(struct jobq_config *cfg, char **list, int n)
{
	jobq_cfg_free_queues(cfg->queues, &cfg->nqueues);
	memcpy(cfg->queues, list, (size_t)n * sizeof(*list));
	cfg->nqueues = n;
}

static void
free_strv(char **v)
{
	int i;

	if (v == NULL)
		return;
	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* Rules for one handler entry; pfx locates it ("" when validating a built config).
 * cancel_grace is checked by the caller: while parsing it may still be -1 (inherit). */
int
jobq_cfg_check_handler(const struct jobq_config *cfg, int idx, const char *pfx,
    struct jobq_err *err)
{
	const struct jobq_handler_config *h = &cfg->handlers[idx];
	int i;

	if (h->type == NULL || h->type[0] == '\0')
		return jobq_err_set(err, JOBQ_EINVAL, "%shandlers[%d].type: must not be empty",
		    pfx, idx);
	for (i = 0; i < idx; i++)
		if (cfg->handlers[i].type != NULL && strcmp(cfg->handlers[i].type, h->type) == 0)
			return jobq_err_set(err, JOBQ_EINVAL,
			    "%shandlers[%d].type: '%s' is already handled by handlers[%d]",
			    pfx, idx, h->type, i);
	if (h->argc < 1 || h->argv == NULL || h->argv[0] == NULL || h->argv[0][0] == '\0')
		return jobq_err_set(err, JOBQ_EINVAL,
		    "%shandlers[%d].command: must name a program (a non-empty array of strings)",
		    pfx, idx);
	for (i = 0; i < h->envc; i++) {
		const char *eq = strchr(h->env[i], '=');

		if (eq == NULL || eq == h->env[i])
			return jobq_err_set(err, JOBQ_EINVAL,
			    "%shandlers[%d].env[%d]: '%s' is not NAME=value", pfx, idx, i,
			    h->env[i]);
	}
	if (h->timeout_ms < 0 || h->timeout_ms > JOBQ_DURATION_MAX_MS)
		return jobq_err_set(err, JOBQ_EINVAL, "%shandlers[%d].timeout: out of range", pfx,
		    idx);
	if ((h->user != NULL && h->user[0] == '\0') || (h->group != NULL && h->group[0] == '\0'))
		return jobq_err_set(err, JOBQ_EINVAL, "%shandlers[%d].%s: must not be empty", pfx,
		    idx, h->user != NULL && h->user[0] == '\0' ? "user" : "group");
	return 0;
}

/* The worker's rules for handler users and groups: they exist, and only root may use
 * them. Checked by the worker only (jobq_config_validate): the CLI reads the same file on
 * machines that need not have these accounts. */
static int
check_handler_ids(const struct jobq_config *cfg, struct jobq_err *err)
{
	const struct jobq_handler_config *h;
	int i;

	for (i = 0; i < cfg->nhandlers; i++) {
		h = &cfg->handlers[i];
		if (h->user != NULL && getpwnam(h->user) == NULL)
			return jobq_err_set(err, JOBQ_EINVAL,
			    "handlers[%d].user: no user '%.64s' on this machine", i, h->user);
		if (h->group != NULL && getgrnam(h->group) == NULL)
			return jobq_err_set(err, JOBQ_EINVAL,
			    "handlers[%d].group: no group '%.64s' on this machine", i, h->group);
		if ((h->user != NULL || h->group != NULL) && geteuid() != 0)
			return jobq_err_set(err, JOBQ_EINVAL,
			    "handlers[%d].%s: running a handler as another %s needs a worker "
			    "running as root (this one runs as uid %d)", i,
			    h->user != NULL ? "user" : "group", h->user != NULL ? "user" : "group",
			    (int)geteuid());
	}
	return 0;
}

static int
env_key(struct jobq_config *cfg, const struct cfg_key *k, const char *var, const char *val,
    struct jobq_err *err)
{
	int64_t v;
	int r;

	switch (k->kind) {
	case K_AMQP_URL:
	case K_AMQP_URLS:
	case K_DB_URL:
	case K_ID:
	case K_PATH:
		r = jobq_config_set_str(CFG_FIELD(cfg, k, char *), val, err);
		break;
	case K_BOOL:
		r = 0;
		if (strcmp(val, "true") == 0 || strcmp(val, "1") == 0 || strcmp(val, "yes") == 0)
			*CFG_FIELD(cfg, k, bool) = true;
		else if (strcmp(val, "false") == 0 || strcmp(val, "0") == 0 || strcmp(val, "no") == 0)
			*CFG_FIELD(cfg, k, bool) = false;
		else
			r = jobq_err_set(err, JOBQ_EINVAL, "'%s' is not one of true, false", val);
		break;
	case K_SECONDS:
	case K_DURATION:
		r = jobq_duration_parse(val, CFG_FIELD(cfg, k, int64_t), err);
		break;
	case K_INT:
	case K_INT64:
		if ((r = jobq_parse_int(val, k->min, k->max, NULL, &v, err)) != 0)
			break;
		if (k->kind == K_INT)
			*CFG_FIELD(cfg, k, int) = (int)v;
		else
			*CFG_FIELD(cfg, k, int64_t) = v;
		break;
	case K_QUEUES:
		r = jobq_config_set_queues(cfg, val, err);
		break;
	case K_LEVEL:
		if ((r = jobq_log_level_parse(val, CFG_FIELD(cfg, k, enum jobq_log_level))) != 0)
			jobq_err_set(err, r, "'%s' is not one of debug, info, warn, error", val);
		break;
	case K_FORMAT:
		if ((r = jobq_log_format_parse(val, CFG_FIELD(cfg, k, enum jobq_log_format))) != 0)
			jobq_err_set(err, r, "'%s' is not one of text, json", val);
		break;
	default:
		r = 0;
	}
	if (r != 0)
		jobq_err_prefix(err, "$%s", var);
	return r;
}

/* Environment overrides; an empty variable counts as unset. */
static int
load_env(struct jobq_config *cfg, struct cfg_origin *o, struct jobq_err *err)
{
	const char *vars[2], *val;
	size_t i, j;
	int r;

	for (i = 0; i < CFG_NKEYS; i++) {
		vars[0] = jobq_cfg_keys[i].env;
		vars[1] = jobq_cfg_keys[i].env2;
		for (j = 0; j < 2; j++) {
			if (vars[j] == NULL || (val = getenv(vars[j])) == NULL || val[0] == '\0')
				continue;
			if ((r = env_key(cfg, &jobq_cfg_keys[i], vars[j], val, err)) != 0)
				return r;
			o->env[i] = vars[j];
		}
	}
	return 0;
}

static bool
id_valid(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 1 || n > WORKER_ID_MAX)
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			return false;
	return true;
}

/* A broker URL list: 1 to JOBQ_URL_LIST_MAX comma-separated amqp:// or amqps:// URLs. */
int
jobq_cfg_check_amqp_urls(const char *list, const char *pfx, const char *name,
    struct jobq_err *err)
{
	char url[1024], shown[JOBQ_ERR_MSG_MAX / 2];
	size_t i, n = jobq_url_list_count(list);

	if (n > JOBQ_URL_LIST_MAX)
		return jobq_err_set(err, JOBQ_EINVAL, "%s%s: %zu URLs; at most %d", pfx, name, n,
		    JOBQ_URL_LIST_MAX);
	if (n == 0)	/* no value at all: reported as one empty URL */
		return jobq_err_set(err, JOBQ_EINVAL,
		    "%s%s: '' is not an amqp:// or amqps:// URL", pfx, name);
	for (i = 0; i < n; i++) {
		if (jobq_url_list_get(list, i, url, sizeof(url)) < 0)
			snprintf(url, sizeof(url), "(over 1023 bytes)");
		if (strncmp(url, "amqp://", 7) == 0 || strncmp(url, "amqps://", 8) == 0)
			continue;
		jobq_url_mask_list(url, shown, sizeof(shown));
		if (n <= 1)
			return jobq_err_set(err, JOBQ_EINVAL,
			    "%s%s: '%s' is not an amqp:// or amqps:// URL", pfx, name, shown);
		return jobq_err_set(err, JOBQ_EINVAL,
		    "%s%s: URL %zu of %zu, '%s', is not an amqp:// or amqps:// URL%s", pfx, name,
		    i + 1, n, shown, url[0] == '\0' ? " (an empty element: a stray comma?)" : "");
	}
	return 0;
}

/* Range and shape rules for one key. */
static int
check_key(const struct jobq_config *cfg, const struct cfg_key *k, const char *pfx,
    struct jobq_err *err)
{
	char shown[JOBQ_ERR_MSG_MAX / 2], name[64];
	const char *str;
	int64_t v;
	int i, j;

	snprintf(name, sizeof(name), "%s.%s", k->group, k->name);
	switch (k->kind) {
	case K_AMQP_URL:
		return jobq_cfg_check_amqp_urls(*CFG_CFIELD(cfg, k, char *), pfx, name, err);
	case K_AMQP_URLS:
		return 0;	/* the same field, checked as amqp.url */
	case K_DB_URL:
		return 0;
	case K_ID:
		str = *CFG_CFIELD(cfg, k, char *);
		if (str != NULL && !id_valid(str))
			return jobq_err_set(err, JOBQ_EINVAL,
			    "%s%s: '%.64s' must be 1 to %d characters without spaces or control "
			    "characters", pfx, name, str, WORKER_ID_MAX);
		return 0;
	case K_SECONDS:
	case K_DURATION:
		v = *CFG_CFIELD(cfg, k, int64_t);
		if (v < k->min || v > k->max)
			return jobq_cfg_range_error(pfx, k->group, k->name,
			    jobq_duration_format(v, shown, sizeof(shown)), k->min, k->max, true,
			    err);
		if (k->kind == K_SECONDS && v % 1000 != 0)
			return jobq_err_set(err, JOBQ_EINVAL,
			    "%s%s: %s is not a whole number of seconds", pfx, name,
			    jobq_duration_format(v, shown, sizeof(shown)));
		return 0;
	case K_INT:
	case K_INT64:
		v = k->kind == K_INT ? *CFG_CFIELD(cfg, k, int) : *CFG_CFIELD(cfg, k, int64_t);
		snprintf(shown, sizeof(shown), "%lld", (long long)v);
		if (v < k->min || v > k->max)
			return jobq_cfg_range_error(pfx, k->group, k->name, shown, k->min, k->max,
			    false, err);
		return 0;
	case K_QUEUES:
		if (cfg->nqueues < 1 || cfg->nqueues > JOBQ_MAX_QUEUES)
			return jobq_err_set(err, JOBQ_EINVAL, "%s%s: 1 to %d queues are required",
			    pfx, name, JOBQ_MAX_QUEUES);
		for (i = 0; i < cfg->nqueues; i++) {
			if (!jobq_queue_name_valid(cfg->queues[i]))
				return jobq_err_set(err, JOBQ_EINVAL,
				    "%s%s: '%.64s' is not a valid queue name "
				    "(1 to 64 of A-Z a-z 0-9 _ . -)", pfx, name,
				    cfg->queues[i] != NULL ? cfg->queues[i] : "");
			for (j = 0; j < i; j++)
				if (strcmp(cfg->queues[i], cfg->queues[j]) == 0)
					return jobq_err_set(err, JOBQ_EINVAL,
					    "%s%s: queue '%s' is listed twice", pfx, name,
					    cfg->queues[i]);
		}
		return 0;
	case K_LEVEL:
		if ((int)cfg->log_level < JOBQ_LOG_DEBUG || cfg->log_level > JOBQ_LOG_ERROR)
			return jobq_err_set(err, JOBQ_EINVAL, "%s%s: invalid level", pfx, name);
		return 0;
	case K_FORMAT:
		if (cfg->log_format != JOBQ_LOG_TEXT && cfg->log_format != JOBQ_LOG_JSON)
			return jobq_err_set(err, JOBQ_EINVAL, "%s%s: invalid format", pfx, name);
		return 0;
	case K_PATH:
		str = *CFG_CFIELD(cfg, k, char *);
		if (str != NULL && access(str, R_OK) != 0)
			return jobq_err_set(err, JOBQ_EINVAL, "%s%s: cannot read '%.200s'", pfx, name,
			    str);
		return 0;
	case K_BOOL:
		return 0;
	}
	return 0;
}

/* The prefix for a rule between keys a and b: where a was set, else where b was (a default
 * has no origin; the error must still point at the value that broke the rule). */
static const char *
prefix2(const struct cfg_origin *o, const struct cfg_key *a, const struct cfg_key *b,
    char *buf, size_t len)
{
	if (prefix(o, a, buf, len)[0] == '\0')
		prefix(o, b, buf, len);
	return buf;
}

static int
validate_at(const struct jobq_config *cfg, const struct cfg_origin *o, struct jobq_err *err)
{
	const struct cfg_key *lease = find_key("consumer", "lease_duration");
	const struct cfg_key *heartbeat = find_key("consumer", "heartbeat_interval");
	const struct cfg_key *base = find_key("retry", "base"), *k;
	const struct cfg_key *max = find_key("retry", "max");
	const struct cfg_key *urls = find_key("amqp", "urls");
	char pfx[CFG_PFX_MAX], a[32], b[32];
	size_t i;
	int r;

	for (k = jobq_cfg_keys; k < jobq_cfg_keys + CFG_NKEYS; k++)
		if ((r = check_key(cfg, k, k->kind == K_AMQP_URL ? prefix2(o, k, urls, pfx,
		    sizeof(pfx)) : prefix(o, k, pfx, sizeof(pfx)), err)) != 0)
			return r;
	if (cfg->lease_duration_ms <= cfg->heartbeat_interval_ms)
		return jobq_err_set(err, JOBQ_EINVAL,
		    "%sconsumer.lease_duration (%s) must be longer than "
		    "consumer.heartbeat_interval (%s)",
		    prefix2(o, lease, heartbeat, pfx, sizeof(pfx)),
		    jobq_duration_format(cfg->lease_duration_ms, a, sizeof(a)),
		    jobq_duration_format(cfg->heartbeat_interval_ms, b, sizeof(b)));
	if ((cfg->amqp_tls_cert == NULL) != (cfg->amqp_tls_key == NULL)) {
		k = find_key("amqp", cfg->amqp_tls_cert != NULL ? "tls_cert" : "tls_key");
		return jobq_err_set(err, JOBQ_EINVAL,
		    "%samqp.tls_cert and amqp.tls_key go together: give both or neither",
		    prefix(o, k, pfx, sizeof(pfx)));
	}
	if (cfg->retry_base_ms > cfg->retry_max_ms)
		return jobq_err_set(err, JOBQ_EINVAL,
		    "%sretry.base (%s) must not exceed retry.max (%s)",
		    prefix2(o, base, max, pfx, sizeof(pfx)),
		    jobq_duration_format(cfg->retry_base_ms, a, sizeof(a)),
		    jobq_duration_format(cfg->retry_max_ms, b, sizeof(b)));
	if (cfg->nhandlers > 0 && cfg->handlers == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "handlers: missing");
	for (i = 0; i < (size_t)cfg->nhandlers; i++) {
		if ((r = jobq_cfg_check_handler(cfg, (int)i, "", err)) != 0)
			return r;
		if (cfg->handlers[i].cancel_grace_ms < 0 ||
		    cfg->handlers[i].cancel_grace_ms > JOBQ_DURATION_MAX_MS)
			return jobq_err_set(err, JOBQ_EINVAL,
			    "handlers[%zu].cancel_grace: out of range", i);
	}
	return 0;
}

int
jobq_config_defaults(struct jobq_config *cfg, struct jobq_err *err)
{
	int r;

	memset(cfg, 0, sizeof(*cfg));
	if ((r = jobq_config_set_str(&cfg->amqp_url, DEFAULT_AMQP_URL, err)) != 0 ||
	    (r = jobq_config_set_str(&cfg->queues[0], "default", err)) != 0)
		goto out;
	cfg->nqueues = 1;
	cfg->amqp_heartbeat_ms = 30000;
	cfg->amqp_tls_verify = true;
	cfg->concurrency = 8;
	cfg->heartbeat_interval_ms = 30000;
	cfg->lease_duration_ms = 300000;
	cfg->shutdown_timeout_ms = 30000;
	cfg->cancel_grace_ms = DEFAULT_GRACE_MS;
	cfg->relay_interval_ms = 1000;
	cfg->relay_grace_ms = 5000;
	cfg->max_payload_bytes = MIB;
	cfg->retry_base_ms = 2000;
	cfg->retry_max_ms = 600000;
	cfg->log_level = JOBQ_LOG_INFO;
	cfg->log_format = JOBQ_LOG_TEXT;
out:
	if (r != 0)
		jobq_config_free(cfg);
	return r;
}

/* Pick the file: explicit path, else $JOBQ_CONFIG, else the default path if it exists.
 * *how says where an explicit name came from, for the error message. */
static const char *
choose_file(const char *path, const char **how)
{
	const char *env = getenv("JOBQ_CONFIG");

	*how = NULL;
	if (path != NULL)
		return path;
	if (env != NULL && env[0] != '\0') {
		*how = "$JOBQ_CONFIG: ";
		return env;
	}
	if (access(JOBQ_CONFIG_DEFAULT_PATH, F_OK) == 0)
		return JOBQ_CONFIG_DEFAULT_PATH;
	return NULL;
}

int
jobq_config_load(struct jobq_config *cfg, const char *path, struct jobq_err *err)
{
	struct cfg_origin o;
	const char *file, *how;
	config_t lc;
	bool have_lc = false;
	int i, r;

	memset(&o, 0, sizeof(o));
	if ((r = jobq_config_defaults(cfg, err)) != 0)
		return r;
	if ((file = choose_file(path, &how)) != NULL) {
		config_init(&lc);
		have_lc = true;
		if ((r = jobq_config_set_str(&cfg->source, file, err)) != 0 ||
		    (r = jobq_cfg_read_file(cfg, &lc, file, how, &o, err)) != 0)
			goto out;
	}
	if ((r = load_env(cfg, &o, err)) != 0)
		goto out;
	for (i = 0; i < cfg->nhandlers; i++)
		if (cfg->handlers[i].cancel_grace_ms < 0)
			cfg->handlers[i].cancel_grace_ms = cfg->cancel_grace_ms;
	r = validate_at(cfg, &o, err);
out:
	/* validate_at's messages point into libconfig's file names: destroy only after. */
	if (have_lc)
		config_destroy(&lc);
	if (r != 0)
		jobq_config_free(cfg);
	return r;
}

int
jobq_config_validate(const struct jobq_config *cfg, struct jobq_err *err)
{
	int r;

	if ((r = validate_at(cfg, NULL, err)) != 0)
		return r;
	return check_handler_ids(cfg, err);
}

int
jobq_config_prefetch(const struct jobq_config *cfg)
{
	return cfg->prefetch > cfg->concurrency ? cfg->prefetch : cfg->concurrency;
}

int
jobq_config_set_queues(struct jobq_config *cfg, const char *csv, struct jobq_err *err)
{
	char *copy = NULL, *rest, *tok, *end, *list[JOBQ_MAX_QUEUES] = { NULL };
	int n = 0, r = 0;

	if (csv == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "missing queue list");
	if ((copy = strdup(csv)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	rest = copy;
	while ((tok = strsep(&rest, ",")) != NULL) {
		tok += strspn(tok, " \t");
		end = tok + strlen(tok);
		while (end > tok && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		if (*tok == '\0') {
			r = jobq_err_set(err, JOBQ_EINVAL, "'%s' has an empty queue name", csv);
			goto out;
		}
		if ((r = jobq_cfg_add_queue(list, &n, tok, err)) != 0)
			goto out;
	}
	jobq_cfg_install_queues(cfg, list, n);
	n = 0;
out:
	jobq_cfg_free_queues(list, &n);
	free(copy);
	return r;
}

int
jobq_config_set_str(char **field, const char *value, struct jobq_err *err)
{
	char *copy = NULL;

	if (value != NULL && (copy = strdup(value)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	free(*field);
	*field = copy;
	return 0;
}

const struct jobq_handler_config *
jobq_config_handler(const struct jobq_config *cfg, const char *type)
{
	int i;

	if (cfg == NULL || type == NULL)
		return NULL;
	for (i = 0; i < cfg->nhandlers; i++)
		if (cfg->handlers[i].type != NULL && strcmp(cfg->handlers[i].type, type) == 0)
			return &cfg->handlers[i];
	return NULL;
}

void
jobq_config_free(struct jobq_config *cfg)
{
	int i;

	if (cfg == NULL)
		return;
	free(cfg->source);
	free(cfg->amqp_url);
	free(cfg->metrics_listen);
	free(cfg->amqp_tls_ca);
	free(cfg->amqp_tls_cert);
	free(cfg->amqp_tls_key);
	free(cfg->database_url);
	free(cfg->worker_id);
	jobq_cfg_free_queues(cfg->queues, &cfg->nqueues);
	for (i = 0; i < cfg->nhandlers; i++) {
		free(cfg->handlers[i].type);
		free_strv(cfg->handlers[i].argv);
		free_strv(cfg->handlers[i].env);
		free(cfg->handlers[i].user);
		free(cfg->handlers[i].group);
	}
	free(cfg->handlers);
	memset(cfg, 0, sizeof(*cfg));
}
