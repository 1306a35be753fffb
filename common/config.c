/* Configuration as the programs see it: built-in defaults, then one libconfig file
 * (config_read.c), then environment variables, then validation against the rules of
 * config_keys.c and the rules between keys. Every error names where the bad value came
 * from ("FILE:LINE: group.key: ..." or "$VAR: ..."). The top of the chain: nothing in the
 * files below calls back into this one. */
#include <grp.h>
#include <inttypes.h>
#include <libconfig.h>
#include <limits.h>
#include <pwd.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config_keys.h"
#include "config_read.h"
#include "jobq/config.h"
#include "jobq/duration.h"
#include "jobq/parse.h"

#define MIB (1024LL * 1024)
#define DEFAULT_GRACE_MS 10000
#define DEFAULT_AMQP_URL "amqp://guest:guest@127.0.0.1:5672/"

/* Where key k's value came from, as an error prefix: "$VAR: ", "FILE:LINE: ", or "" for a
 * default (or when there are no origins: validating a built config). */
static const char *prefix(const struct cfg_origin *o, const struct cfg_key *k, char *buf,
			  size_t len)
{
	size_t i = (size_t)(k - jobq_cfg_keys);
	char path[PATH_MAX];

	buf[0] = '\0';
	if (o == NULL)
		return buf;
	if (o->env[i] != NULL)
		snprintf(buf, len, "$%s: ", o->env[i]);
	else if (o->line[i] != 0)
		snprintf(buf, len,
			 "%s:%u: ", jobq_cfg_resolve(o->file[i], o->main, path, sizeof(path)),
			 o->line[i]);
	return buf;
}

static void free_strv(char **v)
{
	int i;

	if (v == NULL)
		return;
	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* The worker's rules for handler users and groups: they exist, and only root may use
 * them. Checked by the worker only (jobq_config_validate): the CLI reads the same file on
 * machines that need not have these accounts. */
static int check_handler_ids(const struct jobq_config *cfg, struct jobq_err *err)
{
	const struct jobq_handler_config *h;
	int i;

	for (i = 0; i < cfg->nhandlers; i++) {
		h = &cfg->handlers[i];
		if (h->user != NULL && getpwnam(h->user) == NULL)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "handlers[%d].user: no user '%.64s' on this machine", i,
					    h->user);
		if (h->group != NULL && getgrnam(h->group) == NULL)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "handlers[%d].group: no group '%.64s' on this machine",
					    i, h->group);
		if ((h->user != NULL || h->group != NULL) && geteuid() != 0)
			return jobq_err_set(
				err, JOBQ_EINVAL,
				"handlers[%d].%s: running a handler as another %s needs a worker "
				"running as root (this one runs as uid %d)",
				i, h->user != NULL ? "user" : "group",
				h->user != NULL ? "user" : "group", (int)geteuid());
	}
	return 0;
}

static int env_key(struct jobq_config *cfg, const struct cfg_key *k, const char *var,
		   const char *val, struct jobq_err *err)
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
		else if (strcmp(val, "false") == 0 || strcmp(val, "0") == 0 ||
			 strcmp(val, "no") == 0)
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
	case K_QTYPE:
		if ((r = jobq_queue_type_parse(val, CFG_FIELD(cfg, k, enum jobq_queue_type))) != 0)
			jobq_err_set(err, r, "'%.64s' is not one of quorum, classic", val);
		break;
	default:
		r = 0;
	}
	if (r != 0)
		jobq_err_prefix(err, "$%s", var);
	return r;
}

/* Environment overrides; an empty variable counts as unset. A key's alias (the older,
 * unprefixed name) is read only when its own variable is unset, so a bad alias next to a
 * good JOBQ_ name is ignored, and errors name the variable that was read. */
static int load_env(struct jobq_config *cfg, struct cfg_origin *o, struct jobq_err *err)
{
	const struct cfg_key *k;
	const char *var, *val;
	size_t i;
	int r;

	for (i = 0; i < CFG_NKEYS; i++) {
		k = &jobq_cfg_keys[i];
		if ((var = k->env) == NULL)
			continue;
		if ((val = getenv(var)) == NULL || val[0] == '\0') {
			if ((var = k->alias) == NULL || (val = getenv(var)) == NULL ||
			    val[0] == '\0')
				continue;
		}
		if ((r = env_key(cfg, k, var, val, err)) != 0)
			return r;
		o->env[i] = var;
	}
	return 0;
}

/* The prefix for a rule between keys a and b: where a was set, else where b was (a default
 * has no origin; the error must still point at the value that broke the rule). */
static const char *prefix2(const struct cfg_origin *o, const struct cfg_key *a,
			   const struct cfg_key *b, char *buf, size_t len)
{
	if (prefix(o, a, buf, len)[0] == '\0')
		prefix(o, b, buf, len);
	return buf;
}

/* The retention windows: unset (0, the default) keeps rows for ever, so a value given as
 * 0s is refused rather than read as either "for ever" or "at once"; a set one is at least
 * JOBQ_RETENTION_MIN_MS. A batch larger than the
 * rate could not keep to the rate within a second. */
static int check_retention(const struct jobq_config *cfg, const struct cfg_origin *o,
			   struct jobq_err *err)
{
	static const char *const windows[] = { "succeeded", "failed", "cancelled", "dead_letters" };
	const struct cfg_key *batch = jobq_cfg_key_find("retention", "batch");
	const struct cfg_key *rate = jobq_cfg_key_find("retention", "rate");
	const struct cfg_key *k;
	char pfx[CFG_PFX_MAX];

	for (size_t i = 0; i < sizeof(windows) / sizeof(windows[0]); i++) {
		k = jobq_cfg_key_find("retention", windows[i]);
		int64_t ms = *CFG_CFIELD(cfg, k, int64_t);

		if (ms == 0 && prefix(o, k, pfx, sizeof(pfx))[0] != '\0')
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%sretention.%s: 0s is not a retention (1m to 365d);"
					    " leave it unset to keep the rows for ever",
					    pfx, windows[i]);
		if (ms > 0 && ms < JOBQ_RETENTION_MIN_MS)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%sretention.%s: %" PRId64 "ms is under the shortest"
					    " retention (1m to 365d)",
					    prefix(o, k, pfx, sizeof(pfx)), windows[i], ms);
	}
	if (cfg->retention_batch > cfg->retention_rate)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "%sretention.batch (%d) must not exceed retention.rate (%d)",
				    prefix2(o, batch, rate, pfx, sizeof(pfx)), cfg->retention_batch,
				    cfg->retention_rate);
	return 0;
}

static int validate_at(const struct jobq_config *cfg, const struct cfg_origin *o,
		       struct jobq_err *err)
{
	const struct cfg_key *lease = jobq_cfg_key_find("consumer", "lease_duration");
	const struct cfg_key *heartbeat = jobq_cfg_key_find("consumer", "heartbeat_interval");
	const struct cfg_key *base = jobq_cfg_key_find("retry", "base"), *k;
	const struct cfg_key *max = jobq_cfg_key_find("retry", "max");
	const struct cfg_key *urls = jobq_cfg_key_find("amqp", "urls");
	char pfx[CFG_PFX_MAX], a[32], b[32];
	size_t i;
	int r;

	for (k = jobq_cfg_keys; k < jobq_cfg_keys + CFG_NKEYS; k++) {
		if (k->kind == K_AMQP_URL) /* amqp.url's value may come from amqp.urls */
			prefix2(o, k, urls, pfx, sizeof(pfx));
		else
			prefix(o, k, pfx, sizeof(pfx));
		if ((r = jobq_cfg_check_key(cfg, k, pfx, err)) != 0)
			return r;
	}
	if (cfg->lease_duration_ms <= cfg->heartbeat_interval_ms)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "%sconsumer.lease_duration (%s) must be longer than "
				    "consumer.heartbeat_interval (%s)",
				    prefix2(o, lease, heartbeat, pfx, sizeof(pfx)),
				    jobq_duration_format(cfg->lease_duration_ms, a, sizeof(a)),
				    jobq_duration_format(cfg->heartbeat_interval_ms, b, sizeof(b)));
	if ((cfg->amqp_tls_cert == NULL) != (cfg->amqp_tls_key == NULL)) {
		k = jobq_cfg_key_find("amqp", cfg->amqp_tls_cert != NULL ? "tls_cert" : "tls_key");
		return jobq_err_set(
			err, JOBQ_EINVAL,
			"%samqp.tls_cert and amqp.tls_key go together: give both or neither",
			prefix(o, k, pfx, sizeof(pfx)));
	}
	if (cfg->retry_base_ms > cfg->retry_max_ms)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "%sretry.base (%s) must not exceed retry.max (%s)",
				    prefix2(o, base, max, pfx, sizeof(pfx)),
				    jobq_duration_format(cfg->retry_base_ms, a, sizeof(a)),
				    jobq_duration_format(cfg->retry_max_ms, b, sizeof(b)));
	if ((r = check_retention(cfg, o, err)) != 0)
		return r;
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

int jobq_config_defaults(struct jobq_config *cfg, struct jobq_err *err)
{
	int r;

	memset(cfg, 0, sizeof(*cfg));
	if ((r = jobq_config_set_str(&cfg->amqp_url, DEFAULT_AMQP_URL, err)) != 0 ||
	    (r = jobq_config_set_str(&cfg->queues[0], "default", err)) != 0)
		goto out;
	cfg->nqueues = 1;
	cfg->amqp_heartbeat_ms = 30000;
	cfg->amqp_tls_verify = true;
	cfg->amqp_queue_type = JOBQ_QUEUE_QUORUM;
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
	cfg->retention_batch = 500;
	cfg->retention_rate = 1000;
	cfg->retention_interval_ms = 60000;
	cfg->web_port = 8080;
	cfg->web_session_ms = 12LL * 3600 * 1000;
	cfg->log_level = JOBQ_LOG_INFO;
	cfg->log_format = JOBQ_LOG_TEXT;
out:
	if (r != 0)
		jobq_config_free(cfg);
	return r;
}

/* Pick the file: explicit path, else $JOBQ_CONFIG, else the default path if it exists.
 * *how says where an explicit name came from, for the error message. */
static const char *choose_file(const char *path, const char **how)
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

int jobq_config_load(struct jobq_config *cfg, const char *path, struct jobq_err *err)
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

int jobq_config_validate(const struct jobq_config *cfg, struct jobq_err *err)
{
	int r;

	if ((r = validate_at(cfg, NULL, err)) != 0)
		return r;
	return check_handler_ids(cfg, err);
}

int jobq_config_prefetch(const struct jobq_config *cfg)
{
	return cfg->prefetch > cfg->concurrency ? cfg->prefetch : cfg->concurrency;
}

const struct jobq_handler_config *jobq_config_handler(const struct jobq_config *cfg,
						      const char *type)
{
	int i;

	if (cfg == NULL || type == NULL)
		return NULL;
	for (i = 0; i < cfg->nhandlers; i++)
		if (cfg->handlers[i].type != NULL && strcmp(cfg->handlers[i].type, type) == 0)
			return &cfg->handlers[i];
	return NULL;
}

void jobq_config_free(struct jobq_config *cfg)
{
	int i;

	if (cfg == NULL)
		return;
	free(cfg->source);
	free(cfg->amqp_url);
	free(cfg->metrics_listen);
	free(cfg->web_listen);
	free(cfg->web_password_hash);
	free(cfg->web_token);
	free(cfg->web_hosts);
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
