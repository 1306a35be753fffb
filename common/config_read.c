/* Reading one libconfig file into a jobq_config: every group and key is checked against
 * the table of settings (config_keys.c), with errors naming FILE:LINE and the key. The text
 * passes the guard (config_guard.c) before libconfig reads it. */
#include <errno.h>
#include <libconfig.h>
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config_guard.h"
#include "config_keys.h"
#include "config_read.h"
#include "jobq/duration.h"

static const char *const groups[] = { "amqp",     "database", "consumer", "retry", "retention",
				      "handlers", "metrics",  "web",      "log" };
static const char *const handler_keys[] = {
	"type",  "command", "timeout",   "cancel_grace",     "env",      "user",
	"group", "mode",    "processes", "jobs_per_process", "max_jobs", "startup_timeout"
};
/* The keys that only a persistent handler takes (the rest of handler_keys from here). */
#define FIRST_POOL_KEY 8
#define NGROUPS (sizeof(groups) / sizeof(groups[0]))
#define NHANDLER_KEYS (sizeof(handler_keys) / sizeof(handler_keys[0]))

/* libconfig names an @included file as written in the directive, relative to the include
 * directory, which read_file() sets to the main file's directory. Resolve it the same way so
 * that messages and re-reads work from any working directory. */
const char *jobq_cfg_resolve(const char *f, const char *main, char *buf, size_t len)
{
	const char *slash;

	if (f == NULL)
		return main;
	if (f[0] == '/' || strcmp(f, main) == 0 || (slash = strrchr(main, '/')) == NULL)
		return f;
	snprintf(buf, len, "%.*s/%s", (int)(slash - main), main, f);
	return buf;
}

static const char *at(const config_setting_t *s, const char *file, char *buf, size_t len)
{
	char path[PATH_MAX];

	snprintf(buf, len, "%.400s:%u: ",
		 jobq_cfg_resolve(config_setting_source_file(s), file, path, sizeof(path)),
		 config_setting_source_line(s));
	return buf;
}

static const char *type_name(int type)
{
	switch (type) {
	case CONFIG_TYPE_GROUP:
		return "a group";
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		return "an integer";
	case CONFIG_TYPE_FLOAT:
		return "a float";
	case CONFIG_TYPE_STRING:
		return "a string";
	case CONFIG_TYPE_BOOL:
		return "a boolean";
	case CONFIG_TYPE_ARRAY:
		return "an array";
	case CONFIG_TYPE_LIST:
		return "a list";
	default:
		return "nothing";
	}
}

static int wrong_type(const config_setting_t *s, const char *file, const char *name,
		      const char *want, struct jobq_err *err)
{
	char pfx[CFG_PFX_MAX];

	return jobq_err_set(err, JOBQ_EINVAL, "%s%s: expected %s, got %s",
			    at(s, file, pfx, sizeof(pfx)), name, want,
			    type_name(config_setting_type(s)));
}

/* Read an integer setting into *v. *literal receives the text to quote in an out-of-range
 * message. Returns -1 (with the source text in *literal) if libconfig truncated it. */
static int get_int(const config_setting_t *s, const char *file, int64_t *v, char *literal,
		   size_t len)
{
	char path[PATH_MAX];
	const char *src;

	*v = config_setting_get_int64(s);
	snprintf(literal, len, "%lld", (long long)*v);
	if (config_setting_type(s) != CONFIG_TYPE_INT || config_setting_name(s) == NULL)
		return 0;
	src = jobq_cfg_resolve(config_setting_source_file(s), file, path, sizeof(path));
	if (jobq_cfg_wrapped_literal_at(src, config_setting_source_line(s), config_setting_name(s),
					*v, literal, len))
		return -1;
	return 0;
}

/* A duration setting: a string ("30s") or a number of seconds (int or float). */
static int get_duration(const config_setting_t *s, const char *file, const char *name, int64_t *out,
			struct jobq_err *err)
{
	char pfx[CFG_PFX_MAX], lit[64];
	int64_t v;
	double d;
	int r;

	switch (config_setting_type(s)) {
	case CONFIG_TYPE_STRING:
		if ((r = jobq_duration_parse(config_setting_get_string(s), out, err)) != 0)
			jobq_err_prefix(err, "%s%s", at(s, file, pfx, sizeof(pfx)), name);
		return r;
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		if (get_int(s, file, &v, lit, sizeof(lit)) < 0 || v < 0 ||
		    v > JOBQ_DURATION_MAX_MS / 1000)
			break;
		*out = v * 1000;
		return 0;
	case CONFIG_TYPE_FLOAT:
		d = config_setting_get_float(s);
		snprintf(lit, sizeof(lit), "%g", d);
		if (!isfinite(d) || d < 0 || d * 1000 > (double)JOBQ_DURATION_MAX_MS)
			break;
		*out = llround(d * 1000);
		return 0;
	default:
		return wrong_type(s, file, name,
				  "a duration (a string such as \"30s\" or a number of seconds)",
				  err);
	}
	return jobq_err_set(err, JOBQ_EINVAL, "%s%s: %s seconds is out of range (0s to 365d)",
			    at(s, file, pfx, sizeof(pfx)), name, lit);
}

static bool name_in(const char *name, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return true;
	return false;
}

static int unknown(const config_setting_t *s, const char *file, const char *path,
		   const char *const *list, size_t n, struct jobq_err *err)
{
	char pfx[CFG_PFX_MAX], names[256] = "";
	size_t i, used = 0;

	for (i = 0; i < n && used < sizeof(names); i++)
		used += (size_t)snprintf(names + used, sizeof(names) - used, "%s%s",
					 i > 0 ? ", " : "", list[i]);
	return jobq_err_set(err, JOBQ_EINVAL, "%s%s: unknown setting (expected one of: %s)",
			    at(s, file, pfx, sizeof(pfx)), path, names);
}

/* Copy an array or list of strings into a new NULL-terminated vector. */
static int get_strv(const config_setting_t *s, const char *file, const char *name, char ***out,
		    int *outc, struct jobq_err *err)
{
	const config_setting_t *e;
	char pfx[CFG_PFX_MAX], **v = NULL;
	int i, n, r = 0;

	if (config_setting_type(s) != CONFIG_TYPE_ARRAY &&
	    config_setting_type(s) != CONFIG_TYPE_LIST)
		return wrong_type(s, file, name, "an array of strings", err);
	n = config_setting_length(s);
	if ((v = calloc((size_t)n + 1, sizeof(*v))) == NULL) {
		r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
		goto out;
	}
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(s, (unsigned)i);
		if (config_setting_type(e) != CONFIG_TYPE_STRING) {
			r = jobq_err_set(err, JOBQ_EINVAL, "%s%s[%d]: expected a string, got %s",
					 at(e, file, pfx, sizeof(pfx)), name, i,
					 type_name(config_setting_type(e)));
			goto out;
		}
		if ((v[i] = strdup(config_setting_get_string(e))) == NULL) {
			r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
			goto out;
		}
	}
	*out = v;
	*outc = n;
	v = NULL;
out:
	if (v != NULL) {
		for (i = 0; v[i] != NULL; i++)
			free(v[i]);
		free(v);
	}
	return r;
}

/* amqp.urls = [ "amqp://a:5672/", ... ]: each element checked where it stands, then joined
 * with commas into the amqp.url field (the form JOBQ_AMQP_URL takes). */
static int load_urls(struct jobq_config *cfg, const struct cfg_key *k, const config_setting_t *s,
		     const char *file, struct jobq_err *err)
{
	char pfx[CFG_PFX_MAX], name[64], *joined = NULL;
	const config_setting_t *e;
	const char *str;
	size_t len = 0, sl;
	int i, n, r = 0;

	snprintf(name, sizeof(name), "%s.%s", k->group, k->name);
	if (config_setting_type(s) != CONFIG_TYPE_ARRAY &&
	    config_setting_type(s) != CONFIG_TYPE_LIST)
		return wrong_type(s, file, name, "an array of strings", err);
	n = config_setting_length(s);
	if (n < k->min || n > k->max)
		return jobq_err_set(err, JOBQ_EINVAL, "%s%s: %d URLs; give 1 to %lld",
				    at(s, file, pfx, sizeof(pfx)), name, n, (long long)k->max);
	for (i = 0; i < n; i++) {
		char *grown;

		e = config_setting_get_elem(s, (unsigned)i);
		snprintf(name, sizeof(name), "%s.%s[%d]", k->group, k->name, i);
		at(e, file, pfx, sizeof(pfx));
		if (config_setting_type(e) != CONFIG_TYPE_STRING) {
			r = jobq_err_set(err, JOBQ_EINVAL, "%s%s: expected a string, got %s", pfx,
					 name, type_name(config_setting_type(e)));
			goto out;
		}
		str = config_setting_get_string(e);
		if (strchr(str, ',') != NULL) {
			r = jobq_err_set(
				err, JOBQ_EINVAL,
				"%s%s: one URL per element; a comma in a password is written %%2C",
				pfx, name);
			goto out;
		}
		if ((r = jobq_cfg_check_amqp_urls(str, pfx, name, err)) != 0)
			goto out;
		sl = strlen(str);
		if ((grown = realloc(joined, len + sl + 2)) == NULL) {
			r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
			goto out;
		}
		joined = grown;
		if (len > 0)
			joined[len++] = ',';
		memcpy(joined + len, str, sl + 1);
		len += sl;
	}
	r = jobq_config_set_str(CFG_FIELD(cfg, k, char *), joined, err);
out:
	free(joined);
	return r;
}

/* Parse one key of a known group from the file into cfg. */
static int load_key(struct jobq_config *cfg, const struct cfg_key *k, const config_setting_t *s,
		    const char *file, struct jobq_err *err)
{
	char pfx[CFG_PFX_MAX], name[64], lit[64], *list[JOBQ_MAX_QUEUES] = { NULL };
	const config_setting_t *e;
	const char *str;
	int64_t v;
	int i, n = 0, r = 0;

	snprintf(name, sizeof(name), "%s.%s", k->group, k->name);
	at(s, file, pfx, sizeof(pfx));
	switch (k->kind) {
	case K_AMQP_URL:
	case K_DB_URL:
	case K_ID:
	case K_PATH:
		if (config_setting_type(s) != CONFIG_TYPE_STRING)
			return wrong_type(s, file, name, "a string", err);
		str = config_setting_get_string(s);
		if ((k->kind == K_DB_URL || k->kind == K_PATH) && str[0] == '\0')
			str = NULL;
		return jobq_config_set_str(CFG_FIELD(cfg, k, char *), str, err);
	case K_AMQP_URLS:
		return load_urls(cfg, k, s, file, err);
	case K_BOOL:
		if (config_setting_type(s) != CONFIG_TYPE_BOOL)
			return wrong_type(s, file, name, "true or false", err);
		*CFG_FIELD(cfg, k, bool) = config_setting_get_bool(s) != 0;
		return 0;
	case K_SECONDS:
	case K_DURATION:
		return get_duration(s, file, name, CFG_FIELD(cfg, k, int64_t), err);
	case K_INT:
	case K_INT64:
		if (config_setting_type(s) != CONFIG_TYPE_INT &&
		    config_setting_type(s) != CONFIG_TYPE_INT64)
			return wrong_type(s, file, name, "an integer", err);
		if (get_int(s, file, &v, lit, sizeof(lit)) < 0 || v < k->min || v > k->max)
			return jobq_cfg_range_error(pfx, k->group, k->name, lit, k->min, k->max,
						    false, err);
		if (k->kind == K_INT)
			*CFG_FIELD(cfg, k, int) = (int)v;
		else
			*CFG_FIELD(cfg, k, int64_t) = v;
		return 0;
	case K_QUEUES:
		if (config_setting_type(s) != CONFIG_TYPE_ARRAY &&
		    config_setting_type(s) != CONFIG_TYPE_LIST)
			return wrong_type(s, file, name, "an array of strings", err);
		for (i = 0; i < config_setting_length(s); i++) {
			e = config_setting_get_elem(s, (unsigned)i);
			if (config_setting_type(e) != CONFIG_TYPE_STRING) {
				r = jobq_err_set(err, JOBQ_EINVAL,
						 "%s%s[%d]: expected a string, got %s",
						 at(e, file, pfx, sizeof(pfx)), name, i,
						 type_name(config_setting_type(e)));
				goto out;
			}
			str = config_setting_get_string(e);
			if ((r = jobq_cfg_add_queue(list, &n, str, err)) != 0) {
				jobq_err_prefix(err, "%s%s", at(e, file, pfx, sizeof(pfx)), name);
				goto out;
			}
		}
		if (n == 0) {
			r = jobq_err_set(err, JOBQ_EINVAL, "%s%s: at least one queue is required",
					 pfx, name);
			goto out;
		}
		jobq_cfg_install_queues(cfg, list, n);
		n = 0;
		goto out;
	case K_LEVEL:
		if (config_setting_type(s) != CONFIG_TYPE_STRING)
			return wrong_type(s, file, name, "a string", err);
		str = config_setting_get_string(s);
		if (jobq_log_level_parse(str, CFG_FIELD(cfg, k, enum jobq_log_level)) != 0)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%s%s: '%s' is not one of debug, info, warn, error",
					    pfx, name, str);
		return 0;
	case K_FORMAT:
		if (config_setting_type(s) != CONFIG_TYPE_STRING)
			return wrong_type(s, file, name, "a string", err);
		str = config_setting_get_string(s);
		if (jobq_log_format_parse(str, CFG_FIELD(cfg, k, enum jobq_log_format)) != 0)
			return jobq_err_set(err, JOBQ_EINVAL, "%s%s: '%s' is not one of text, json",
					    pfx, name, str);
		return 0;
	case K_QTYPE:
		if (config_setting_type(s) != CONFIG_TYPE_STRING)
			return wrong_type(s, file, name, "a string", err);
		str = config_setting_get_string(s);
		if (jobq_queue_type_parse(str, CFG_FIELD(cfg, k, enum jobq_queue_type)) != 0)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%s%s: '%.64s' is not one of quorum, classic", pfx,
					    name, str);
		return 0;
	}
out:
	jobq_cfg_free_queues(list, &n);
	return r;
}

/* An integer key of a handler entry, within [min, max]. */
static int handler_int(const config_setting_t *s, const char *file, const char *name, int64_t min,
		       int64_t max, int64_t *out, struct jobq_err *err)
{
	char pfx[CFG_PFX_MAX], lit[64];

	if (config_setting_type(s) != CONFIG_TYPE_INT &&
	    config_setting_type(s) != CONFIG_TYPE_INT64)
		return wrong_type(s, file, name, "an integer", err);
	if (get_int(s, file, out, lit, sizeof(lit)) < 0 || *out < min || *out > max)
		return jobq_cfg_range_error(at(s, file, pfx, sizeof(pfx)), NULL, name, lit, min,
					    max, false, err);
	return 0;
}

/* mode and the keys of a persistent handler's pool (handler_keys from FIRST_POOL_KEY - 1). */
static int handler_pool_key(struct jobq_handler_config *h, const char *key,
			    const config_setting_t *s, const char *file, const char *name,
			    struct jobq_err *err)
{
	char pfx[CFG_PFX_MAX];
	const char *str;
	int64_t v;
	int r;

	if (strcmp(key, "mode") == 0) {
		if (config_setting_type(s) != CONFIG_TYPE_STRING)
			return wrong_type(s, file, name, "a string", err);
		str = config_setting_get_string(s);
		if (strcmp(str, "exec") != 0 && strcmp(str, "persistent") != 0)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%s%s: '%s' is not one of exec, persistent",
					    at(s, file, pfx, sizeof(pfx)), name, str);
		h->persistent = str[0] == 'p';
		return 0;
	}
	if (strcmp(key, "startup_timeout") == 0) {
		if ((r = get_duration(s, file, name, &h->startup_timeout_ms, err)) != 0)
			return r;
		if (h->startup_timeout_ms == 0)
			return jobq_err_set(err, JOBQ_EINVAL, "%s%s: must be more than 0s",
					    at(s, file, pfx, sizeof(pfx)), name);
		return 0;
	}
	if (strcmp(key, "max_jobs") == 0)
		return handler_int(s, file, name, 0, JOBQ_POOL_MAX_JOBS, &h->max_jobs, err);
	if (strcmp(key, "processes") == 0) {
		if ((r = handler_int(s, file, name, 1, JOBQ_POOL_MAX_PROCESSES, &v, err)) == 0)
			h->processes = (int)v;
		return r;
	}
	if ((r = handler_int(s, file, name, 1, JOBQ_POOL_MAX_JOBS_PER_PROCESS, &v, err)) == 0)
		h->jobs_per_process = (int)v;
	return r;
}

/* Parse the `handlers` list. A handler without cancel_grace gets -1 here and inherits
 * consumer.cancel_grace once the environment has been applied. A key of the pool
 * (processes, ...) on a handler that is not mode = "persistent" is an error naming it. */
static int load_handlers(struct jobq_config *cfg, const config_setting_t *list, const char *file,
			 struct jobq_err *err)
{
	const config_setting_t *g, *s, *pool_key;
	struct jobq_handler_config *h;
	char pfx[CFG_PFX_MAX], name[64];
	const char *key;
	int i, j, n, r;
	size_t k;

	if (config_setting_type(list) != CONFIG_TYPE_LIST)
		return wrong_type(list, file, "handlers", "a list of groups: ( { ... }, ... )",
				  err);
	n = config_setting_length(list);
	if (n == 0)
		return 0;
	if ((cfg->handlers = calloc((size_t)n, sizeof(*cfg->handlers))) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		g = config_setting_get_elem(list, (unsigned)i);
		snprintf(name, sizeof(name), "handlers[%d]", i);
		if (config_setting_type(g) != CONFIG_TYPE_GROUP)
			return wrong_type(g, file, name, "a group", err);
		h = &cfg->handlers[cfg->nhandlers++];
		h->cancel_grace_ms = -1;
		h->jobs_per_process = 1;
		h->startup_timeout_ms = JOBQ_POOL_STARTUP_TIMEOUT_MS;
		pool_key = NULL;
		for (j = 0; j < config_setting_length(g); j++) {
			s = config_setting_get_elem(g, (unsigned)j);
			key = config_setting_name(s);
			snprintf(name, sizeof(name), "handlers[%d].%s", i, key);
			if (!name_in(key, handler_keys, NHANDLER_KEYS))
				return unknown(s, file, name, handler_keys, NHANDLER_KEYS, err);
			for (k = FIRST_POOL_KEY - 1; k < NHANDLER_KEYS; k++) {
				if (strcmp(key, handler_keys[k]) != 0)
					continue;
				if (k >= FIRST_POOL_KEY && pool_key == NULL)
					pool_key = s;
				if ((r = handler_pool_key(h, key, s, file, name, err)) != 0)
					return r;
				break;
			}
			if (k < NHANDLER_KEYS)
				continue;
			if (strcmp(key, "type") == 0 || strcmp(key, "user") == 0 ||
			    strcmp(key, "group") == 0) {
				if (config_setting_type(s) != CONFIG_TYPE_STRING)
					return wrong_type(s, file, name, "a string", err);
				if ((r = jobq_config_set_str(key[0] == 't'   ? &h->type
							     : key[0] == 'u' ? &h->user
									     : &h->group,
							     config_setting_get_string(s), err)) !=
				    0)
					return r;
			} else if (strcmp(key, "command") == 0) {
				if ((r = get_strv(s, file, name, &h->argv, &h->argc, err)) != 0)
					return r;
			} else if (strcmp(key, "env") == 0) {
				if ((r = get_strv(s, file, name, &h->env, &h->envc, err)) != 0)
					return r;
			} else if (strcmp(key, "timeout") == 0) {
				if ((r = get_duration(s, file, name, &h->timeout_ms, err)) != 0)
					return r;
			} else if ((r = get_duration(s, file, name, &h->cancel_grace_ms, err)) != 0)
				return r;
		}
		if (pool_key != NULL && !h->persistent)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%shandlers[%d].%s: only a handler with mode = "
					    "\"persistent\" takes it",
					    at(pool_key, file, pfx, sizeof(pfx)), i,
					    config_setting_name(pool_key));
		at(g, file, pfx, sizeof(pfx));
		if (h->type == NULL)
			return jobq_err_set(err, JOBQ_EINVAL, "%shandlers[%d]: missing 'type'", pfx,
					    i);
		if (h->argv == NULL)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%shandlers[%d] ('%s'): missing 'command'", pfx, i,
					    h->type);
		if (h->env == NULL && (h->env = calloc(1, sizeof(*h->env))) == NULL)
			return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
		if ((r = jobq_cfg_check_handler(cfg, i, pfx, err)) != 0)
			return r;
	}
	return 0;
}

/* amqp.url and amqp.urls set the same thing: a file may use one of them. */
static int one_of_url_urls(const struct cfg_origin *o, size_t i, const config_setting_t *s,
			   const char *file, struct jobq_err *err)
{
	char pfx[CFG_PFX_MAX];
	size_t j;

	if (jobq_cfg_keys[i].kind != K_AMQP_URL && jobq_cfg_keys[i].kind != K_AMQP_URLS)
		return 0;
	for (j = 0; j < CFG_NKEYS; j++)
		if (j != i && jobq_cfg_keys[j].off == jobq_cfg_keys[i].off && o->line[j] != 0)
			return jobq_err_set(
				err, JOBQ_EINVAL,
				"%samqp.%s: amqp.%s is set too (line %u); use one of them",
				at(s, file, pfx, sizeof(pfx)), jobq_cfg_keys[i].name,
				jobq_cfg_keys[j].name, o->line[j]);
	return 0;
}

static int load_file(struct jobq_config *cfg, config_t *lc, const char *file, struct cfg_origin *o,
		     struct jobq_err *err)
{
	const config_setting_t *root = config_root_setting(lc), *g, *s;
	const char *gname, *kname, *known[CFG_NKEYS];
	const struct cfg_key *k;
	char path[128];
	size_t i, nk;
	int gi, ki, r;

	for (gi = 0; gi < config_setting_length(root); gi++) {
		g = config_setting_get_elem(root, (unsigned)gi);
		gname = config_setting_name(g);
		if (!name_in(gname, groups, NGROUPS))
			return unknown(g, file, gname, groups, NGROUPS, err);
		if (strcmp(gname, "handlers") == 0) {
			if ((r = load_handlers(cfg, g, file, err)) != 0)
				return r;
			continue;
		}
		if (config_setting_type(g) != CONFIG_TYPE_GROUP)
			return wrong_type(g, file, gname, "a group: { ... }", err);
		for (nk = 0, i = 0; i < CFG_NKEYS; i++)
			if (strcmp(jobq_cfg_keys[i].group, gname) == 0)
				known[nk++] = jobq_cfg_keys[i].name;
		for (ki = 0; ki < config_setting_length(g); ki++) {
			s = config_setting_get_elem(g, (unsigned)ki);
			kname = config_setting_name(s);
			for (i = 0; i < CFG_NKEYS; i++) {
				k = &jobq_cfg_keys[i];
				if (strcmp(k->group, gname) == 0 && strcmp(k->name, kname) == 0)
					break;
			}
			if (i == CFG_NKEYS) {
				snprintf(path, sizeof(path), "%s.%s", gname, kname);
				return unknown(s, file, path, known, nk, err);
			}
			if ((r = load_key(cfg, k, s, file, err)) != 0)
				return r;
			o->file[i] = config_setting_source_file(s);
			o->line[i] = config_setting_source_line(s);
			if ((r = one_of_url_urls(o, i, s, file, err)) != 0)
				return r;
		}
	}
	return 0;
}

static int read_file(config_t *lc, const char *file, const char *how, struct jobq_err *err)
{
	char path[PATH_MAX], *copy;
	struct stat st;
	int saved, r;

	/* @include paths are relative to the including file's directory. */
	if ((copy = strdup(file)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	config_set_include_dir(lc, dirname(copy));
	free(copy);
	/* Only a regular file can be read twice (not `--config <(...)`, say). */
	if (stat(file, &st) == 0 && S_ISREG(st.st_mode) &&
	    (r = jobq_cfg_guard_includes(file, config_get_include_dir(lc), err)) != 0)
		return r;
	errno = 0;
	if (config_read_file(lc, file) == CONFIG_TRUE)
		return 0;
	saved = errno;
	if (saved == 0 && stat(file, &st) == 0 && S_ISDIR(st.st_mode))
		saved = EISDIR;
	if (config_error_type(lc) == CONFIG_ERR_FILE_IO || config_error_file(lc) == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "%s%s: cannot read: %s",
				    how != NULL ? how : "", file,
				    saved != 0 ? strerror(saved) : config_error_text(lc));
	return jobq_err_set(err, JOBQ_EINVAL, "%s:%d: %s",
			    jobq_cfg_resolve(config_error_file(lc), file, path, sizeof(path)),
			    config_error_line(lc), config_error_text(lc));
}

int jobq_cfg_read_file(struct jobq_config *cfg, config_t *lc, const char *file, const char *how,
		       struct cfg_origin *o, struct jobq_err *err)
{
	int r;

	if ((r = read_file(lc, file, how, err)) != 0)
		return r;
	o->main = file;
	return load_file(cfg, lc, file, o, err);
}
