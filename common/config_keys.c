/* The table of settings and the rules for their values: names, types, ranges, the
 * environment variables that set them, queue lists, broker URL lists and handler entries.
 * The file reader (config_read.c) and the loader (config.c) apply these rules; this file
 * calls neither. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config_keys.h"
#include "jobq/config.h"
#include "jobq/duration.h"
#include "jobq/parse.h"
#include "jobq/url.h"

#define MIB (1024LL * 1024)

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
	{ "amqp", "queue_type", K_QTYPE, F(amqp_queue_type), 0, 0, "JOBQ_QUEUE_TYPE", NULL },
	{ "database", "url", K_DB_URL, F(database_url), 0, 0, "JOBQ_DATABASE_URL", NULL },
	{ "consumer", "worker_id", K_ID, F(worker_id), 1, JOBQ_WORKER_ID_MAX, "JOBQ_WORKER_ID",
	  NULL },
	{ "consumer", "queues", K_QUEUES, 0, 1, JOBQ_MAX_QUEUES, "JOBQ_QUEUES", NULL },
	{ "consumer", "concurrency", K_INT, F(concurrency), 1, 1024, "JOBQ_CONCURRENCY", NULL },
	{ "consumer", "prefetch", K_INT, F(prefetch), 0, 65535, "JOBQ_PREFETCH", NULL },
	{ "consumer", "heartbeat_interval", K_DURATION, F(heartbeat_interval_ms), 1, DMAX,
	  "JOBQ_HEARTBEAT_INTERVAL", "HEARTBEAT_INTERVAL" },
	{ "consumer", "lease_duration", K_DURATION, F(lease_duration_ms), 1, DMAX,
	  "JOBQ_LEASE_DURATION", "LEASE_DURATION" },
	{ "consumer", "shutdown_timeout", K_DURATION, F(shutdown_timeout_ms), 0, DMAX,
	  "JOBQ_SHUTDOWN_TIMEOUT", NULL },
	{ "consumer", "cancel_grace", K_DURATION, F(cancel_grace_ms), 0, DMAX, "JOBQ_CANCEL_GRACE",
	  NULL },
	{ "consumer", "relay_interval", K_DURATION, F(relay_interval_ms), 1, DMAX,
	  "JOBQ_RELAY_INTERVAL", NULL },
	{ "consumer", "relay_grace", K_DURATION, F(relay_grace_ms), 0, DMAX, "JOBQ_RELAY_GRACE",
	  NULL },
	{ "consumer", "max_payload", K_INT64, F(max_payload_bytes), 1, 64 * MIB, "JOBQ_MAX_PAYLOAD",
	  NULL },
	{ "retry", "base", K_DURATION, F(retry_base_ms), 0, DMAX, "JOBQ_RETRY_BASE", NULL },
	{ "retry", "max", K_DURATION, F(retry_max_ms), 0, DMAX, "JOBQ_RETRY_MAX", NULL },
	{ "retention", "succeeded", K_DURATION, F(retention_succeeded_ms), 0, DMAX,
	  "JOBQ_RETENTION_SUCCEEDED", NULL },
	{ "retention", "failed", K_DURATION, F(retention_failed_ms), 0, DMAX,
	  "JOBQ_RETENTION_FAILED", NULL },
	{ "retention", "cancelled", K_DURATION, F(retention_cancelled_ms), 0, DMAX,
	  "JOBQ_RETENTION_CANCELLED", NULL },
	{ "retention", "dead_letters", K_DURATION, F(retention_dead_letters_ms), 0, DMAX,
	  "JOBQ_RETENTION_DEAD_LETTERS", NULL },
	{ "retention", "batch", K_INT, F(retention_batch), 1, JOBQ_RETENTION_BATCH_MAX,
	  "JOBQ_RETENTION_BATCH", NULL },
	{ "retention", "rate", K_INT, F(retention_rate), 1, 1000000, "JOBQ_RETENTION_RATE", NULL },
	{ "retention", "interval", K_DURATION, F(retention_interval_ms), 1, DMAX,
	  "JOBQ_RETENTION_INTERVAL", NULL },
	{ "metrics", "listen", K_ID, F(metrics_listen), 1, 128, "JOBQ_METRICS_LISTEN", NULL },
	{ "web", "listen", K_ID, F(web_listen), 1, 128, "JOBQ_WEB_LISTEN", NULL },
	{ "web", "port", K_INT, F(web_port), 1, 65535, "JOBQ_WEB_PORT", NULL },
	{ "web", "read_only", K_BOOL, F(web_read_only), 0, 1, "JOBQ_WEB_READ_ONLY", NULL },
	{ "web", "password_hash", K_ID, F(web_password_hash), 1, 128, "JOBQ_WEB_PASSWORD_HASH",
	  NULL },
	{ "web", "token", K_ID, F(web_token), 1, 128, "JOBQ_WEB_TOKEN", NULL },
	{ "web", "session_lifetime", K_DURATION, F(web_session_ms), 60000, 30LL * 86400000,
	  "JOBQ_WEB_SESSION_LIFETIME", NULL },
	{ "web", "secure_cookie", K_BOOL, F(web_secure_cookie), 0, 1, "JOBQ_WEB_SECURE_COOKIE",
	  NULL },
	{ "web", "hosts", K_ID, F(web_hosts), 1, 128, "JOBQ_WEB_HOSTS", NULL },
	{ "log", "level", K_LEVEL, F(log_level), 0, 0, "JOBQ_LOG_LEVEL", NULL },
	{ "log", "format", K_FORMAT, F(log_format), 0, 0, "JOBQ_LOG_FORMAT", NULL },
};
_Static_assert(sizeof(jobq_cfg_keys) / sizeof(jobq_cfg_keys[0]) == CFG_NKEYS,
	       "CFG_NKEYS must count jobq_cfg_keys");
#undef DMAX
#undef F

const struct cfg_key *jobq_cfg_key_find(const char *group, const char *name)
{
	const struct cfg_key *k;

	for (k = jobq_cfg_keys; k < jobq_cfg_keys + CFG_NKEYS; k++)
		if (strcmp(k->group, group) == 0 && strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

int jobq_queue_type_parse(const char *text, enum jobq_queue_type *out)
{
	if (strcmp(text, "quorum") == 0)
		*out = JOBQ_QUEUE_QUORUM;
	else if (strcmp(text, "classic") == 0)
		*out = JOBQ_QUEUE_CLASSIC;
	else
		return JOBQ_EINVAL;
	return 0;
}

const char *jobq_queue_type_name(enum jobq_queue_type type)
{
	switch (type) {
	case JOBQ_QUEUE_QUORUM:
		return "quorum";
	case JOBQ_QUEUE_CLASSIC:
		return "classic";
	}
	return "?";
}

int jobq_cfg_range_error(const char *pfx, const char *group, const char *name, const char *shown,
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
			    group != NULL ? group : "", group != NULL ? "." : "", name, shown, a,
			    b);
}

int jobq_cfg_add_queue(char **list, int *n, const char *name, struct jobq_err *err)
{
	int i;

	if (!jobq_queue_name_valid(name))
		return jobq_err_set(err, JOBQ_EINVAL,
				    "'%s' is not a valid queue name (1 to 64 of A-Z a-z 0-9 _ . -)",
				    name);
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

void jobq_cfg_free_queues(char **list, int *n)
{
	int i;

	for (i = 0; i < *n; i++) {
		free(list[i]);
		list[i] = NULL;
	}
	*n = 0;
}

void jobq_cfg_install_queues(struct jobq_config *cfg, char **list, int n)
{
	jobq_cfg_free_queues(cfg->queues, &cfg->nqueues);
	memcpy(cfg->queues, list, (size_t)n * sizeof(*list));
	cfg->nqueues = n;
}

int jobq_cfg_check_handler(const struct jobq_config *cfg, int idx, const char *pfx,
			   struct jobq_err *err)
{
	const struct jobq_handler_config *h = &cfg->handlers[idx];
	int i;

	if (h->type == NULL || h->type[0] == '\0')
		return jobq_err_set(err, JOBQ_EINVAL, "%shandlers[%d].type: must not be empty", pfx,
				    idx);
	for (i = 0; i < idx; i++)
		if (cfg->handlers[i].type != NULL && strcmp(cfg->handlers[i].type, h->type) == 0)
			return jobq_err_set(
				err, JOBQ_EINVAL,
				"%shandlers[%d].type: '%s' is already handled by handlers[%d]", pfx,
				idx, h->type, i);
	if (h->argc < 1 || h->argv == NULL || h->argv[0] == NULL || h->argv[0][0] == '\0')
		return jobq_err_set(err, JOBQ_EINVAL,
				    "%shandlers[%d].command: must name a program (a non-empty "
				    "array of strings)",
				    pfx, idx);
	for (i = 0; i < h->envc; i++) {
		const char *eq = strchr(h->env[i], '=');

		if (eq == NULL || eq == h->env[i])
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%shandlers[%d].env[%d]: '%s' is not NAME=value", pfx,
					    idx, i, h->env[i]);
	}
	if (h->timeout_ms < 0 || h->timeout_ms > JOBQ_DURATION_MAX_MS)
		return jobq_err_set(err, JOBQ_EINVAL, "%shandlers[%d].timeout: out of range", pfx,
				    idx);
	if (h->persistent &&
	    (h->processes < 0 || h->processes > JOBQ_POOL_MAX_PROCESSES ||
	     h->jobs_per_process < 0 || h->jobs_per_process > JOBQ_POOL_MAX_JOBS_PER_PROCESS ||
	     h->max_jobs < 0 || h->max_jobs > JOBQ_POOL_MAX_JOBS || h->startup_timeout_ms < 0 ||
	     h->startup_timeout_ms > JOBQ_DURATION_MAX_MS))
		return jobq_err_set(err, JOBQ_EINVAL,
				    "%shandlers[%d]: a pool setting (processes, jobs_per_process, "
				    "max_jobs, startup_timeout) is out of range",
				    pfx, idx);
	if (!h->persistent && (h->processes != 0 || h->jobs_per_process > 1 || h->max_jobs != 0))
		return jobq_err_set(err, JOBQ_EINVAL,
				    "%shandlers[%d].%s: only a handler with mode = \"persistent\" "
				    "takes it",
				    pfx, idx,
				    h->processes != 0         ? "processes"
				    : h->jobs_per_process > 1 ? "jobs_per_process"
							      : "max_jobs");
	if ((h->user != NULL && h->user[0] == '\0') || (h->group != NULL && h->group[0] == '\0'))
		return jobq_err_set(err, JOBQ_EINVAL, "%shandlers[%d].%s: must not be empty", pfx,
				    idx, h->user != NULL && h->user[0] == '\0' ? "user" : "group");
	return 0;
}

static bool id_valid(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 1 || n > JOBQ_WORKER_ID_MAX)
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			return false;
	return true;
}

int jobq_cfg_check_amqp_urls(const char *list, const char *pfx, const char *name,
			     struct jobq_err *err)
{
	char url[1024], shown[JOBQ_ERR_MSG_MAX / 2];
	size_t i, n = jobq_url_list_count(list);

	if (n > JOBQ_URL_LIST_MAX)
		return jobq_err_set(err, JOBQ_EINVAL, "%s%s: %zu URLs; at most %d", pfx, name, n,
				    JOBQ_URL_LIST_MAX);
	if (n == 0) /* no value at all: reported as one empty URL */
		return jobq_err_set(err, JOBQ_EINVAL, "%s%s: '' is not an amqp:// or amqps:// URL",
				    pfx, name);
	for (i = 0; i < n; i++) {
		if (jobq_url_list_get(list, i, url, sizeof(url)) < 0)
			snprintf(url, sizeof(url), "(over 1023 bytes)");
		if (strncmp(url, "amqp://", 7) == 0 || strncmp(url, "amqps://", 8) == 0)
			continue;
		jobq_url_mask_list(url, shown, sizeof(shown));
		if (n <= 1)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%s%s: '%s' is not an amqp:// or amqps:// URL", pfx,
					    name, shown);
		return jobq_err_set(
			err, JOBQ_EINVAL,
			"%s%s: URL %zu of %zu, '%s', is not an amqp:// or amqps:// URL%s", pfx,
			name, i + 1, n, shown,
			url[0] == '\0' ? " (an empty element: a stray comma?)" : "");
	}
	return 0;
}

int jobq_cfg_check_key(const struct jobq_config *cfg, const struct cfg_key *k, const char *pfx,
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
		return 0; /* the same field, checked as amqp.url */
	case K_DB_URL:
		return 0;
	case K_ID:
		str = *CFG_CFIELD(cfg, k, char *);
		if (str != NULL && !id_valid(str))
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%s%s: '%.64s' must be 1 to %d characters without "
					    "spaces or control "
					    "characters",
					    pfx, name, str, JOBQ_WORKER_ID_MAX);
		return 0;
	case K_SECONDS:
	case K_DURATION:
		v = *CFG_CFIELD(cfg, k, int64_t);
		if (v < k->min || v > k->max)
			return jobq_cfg_range_error(pfx, k->group, k->name,
						    jobq_duration_format(v, shown, sizeof(shown)),
						    k->min, k->max, true, err);
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
						    "(1 to 64 of A-Z a-z 0-9 _ . -)",
						    pfx, name,
						    cfg->queues[i] != NULL ? cfg->queues[i] : "");
			for (j = 0; j < i; j++)
				if (strcmp(cfg->queues[i], cfg->queues[j]) == 0)
					return jobq_err_set(err, JOBQ_EINVAL,
							    "%s%s: queue '%s' is listed twice", pfx,
							    name, cfg->queues[i]);
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
			return jobq_err_set(err, JOBQ_EINVAL, "%s%s: cannot read '%.200s'", pfx,
					    name, str);
		return 0;
	case K_BOOL:
		return 0;
	case K_QTYPE:
		if (cfg->amqp_queue_type != JOBQ_QUEUE_QUORUM &&
		    cfg->amqp_queue_type != JOBQ_QUEUE_CLASSIC)
			return jobq_err_set(err, JOBQ_EINVAL, "%s%s: invalid queue type", pfx,
					    name);
		return 0;
	}
	return 0;
}

int jobq_config_set_queues(struct jobq_config *cfg, const char *csv, struct jobq_err *err)
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

int jobq_config_set_str(char **field, const char *value, struct jobq_err *err)
{
	char *copy = NULL;

	if (value != NULL && (copy = strdup(value)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	free(*field);
	*field = copy;
	return 0;
}
