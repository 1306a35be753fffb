/* Keeping the worker's credentials from its command handlers: the initial environment
 * block scrubbed, a non-dumpable worker, an allow-listed child environment, and a handler's
 * own user and group. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "isolate.h"

extern char **environ;

/* Variables that may hold a credential: jobq's own (JOBQ_AMQP_URL, JOBQ_DATABASE_URL, ...)
 * and libpq's (PGPASSWORD, PGSERVICEFILE, PGSSLKEY, ...). */
static bool secret_name(const char *kv)
{
	return strncmp(kv, "JOBQ_", 5) == 0 || strncmp(kv, "PG", 2) == 0;
}

int isolate_worker(struct jobq_err *err)
{
	for (size_t i = 0; environ != NULL && environ[i] != NULL; i++) {
		char *kv = environ[i], *eq = strchr(kv, '='), *copy;

		if (eq == NULL || !secret_name(kv))
			continue;
		if ((copy = strdup(kv)) == NULL)
			return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
		/* The copy is owned by environ from now on; the original's bytes are in the
		 * block the kernel shows as /proc/PID/environ, so they are wiped, not freed. */
		environ[i] = copy;
		explicit_bzero(eq + 1, strlen(eq + 1));
	}
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
		return jobq_err_set(err, JOBQ_ESYS, "prctl(PR_SET_DUMPABLE): %s", strerror(errno));
	return 0;
}

/* The worker's variables a handler inherits: none of them can hold a secret of jobq's. */
static bool inherited(const char *kv)
{
	static const char *const names[] = {
		"PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TZ", "TMPDIR",
		/* a sanitized build's shim is checked as the worker is */
		"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"
	};
	size_t n = strcspn(kv, "=");

	if (kv[n] != '=' || secret_name(kv))
		return false;
	if (strncmp(kv, "LC_", 3) == 0)
		return true;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == n && memcmp(kv, names[i], n) == 0)
			return true;
	return false;
}

/* Add "NAME=value" (copied) to env[0..*n), replacing an entry of the same name. */
static int env_put(char **env, size_t *n, const char *kv)
{
	size_t len = strcspn(kv, "=");
	char *copy = strdup(kv);

	if (copy == NULL)
		return -1;
	for (size_t i = 0; i < *n; i++) {
		if (strncmp(env[i], kv, len + 1) == 0) {
			free(env[i]);
			env[i] = copy;
			return 0;
		}
	}
	env[(*n)++] = copy;
	return 0;
}

static int env_putf(char **env, size_t *n, const char *name, const char *value)
{
	char *kv;
	int r;

	if (asprintf(&kv, "%s=%s", name, value) < 0)
		return -1;
	r = env_put(env, n, kv);
	free(kv);
	return r;
}

char **isolate_child_env(const struct jobq_handler_config *h, const struct isolate_creds *cr,
			 char *const extra[])
{
	size_t cap = 5, n = 0;
	char **env;
	int r = 0;

	for (size_t i = 0; environ[i] != NULL; i++)
		cap++;
	for (size_t i = 0; extra != NULL && extra[i] != NULL; i++)
		cap++;
	if ((env = calloc(cap + (size_t)h->envc, sizeof(*env))) == NULL)
		return NULL;
	for (size_t i = 0; environ[i] != NULL && r == 0; i++)
		if (inherited(environ[i]))
			r = env_put(env, &n, environ[i]);
	if (r == 0 && cr != NULL && cr->set && cr->user[0] != '\0') {
		/* The worker's HOME is not this user's. */
		r = env_putf(env, &n, "HOME", cr->home) | env_putf(env, &n, "SHELL", cr->shell) |
		    env_putf(env, &n, "USER", cr->user) | env_putf(env, &n, "LOGNAME", cr->user);
	}
	for (int i = 0; i < h->envc && r == 0; i++)
		r = env_put(env, &n, h->env[i]);
	for (size_t i = 0; extra != NULL && extra[i] != NULL && r == 0; i++)
		r = env_put(env, &n, extra[i]);
	if (r != 0) {
		for (size_t i = 0; i < n; i++)
			free(env[i]);
		free(env);
		return NULL;
	}
	return env;
}

int isolate_creds_resolve(const struct jobq_handler_config *h, struct isolate_creds *out,
			  struct jobq_err *err)
{
	char buf[16384];
	struct passwd pw, *pwp = NULL;
	struct group gr, *grp = NULL;
	int r;

	memset(out, 0, sizeof(*out));
	if (h->user == NULL && h->group == NULL)
		return 0;
	out->uid = getuid();
	out->gid = getgid();
	if (h->group != NULL) {
		if ((r = getgrnam_r(h->group, &gr, buf, sizeof(buf), &grp)) != 0)
			return jobq_err_set(err, JOBQ_ESYS, "handler %s: group '%s': %s", h->type,
					    h->group, strerror(r));
		if (grp == NULL)
			return jobq_err_set(err, JOBQ_EINVAL, "handler %s: no group '%s'", h->type,
					    h->group);
		out->gid = grp->gr_gid;
		out->groups[0] = grp->gr_gid;
		out->ngroups = 1;
	}
	if (h->user != NULL) {
		if ((r = getpwnam_r(h->user, &pw, buf, sizeof(buf), &pwp)) != 0)
			return jobq_err_set(err, JOBQ_ESYS, "handler %s: user '%s': %s", h->type,
					    h->user, strerror(r));
		if (pwp == NULL)
			return jobq_err_set(err, JOBQ_EINVAL, "handler %s: no user '%s'", h->type,
					    h->user);
		out->uid = pwp->pw_uid;
		snprintf(out->user, sizeof(out->user), "%s", pwp->pw_name);
		snprintf(out->home, sizeof(out->home), "%s", pwp->pw_dir);
		snprintf(out->shell, sizeof(out->shell), "%s", pwp->pw_shell);
		if (h->group == NULL) {
			/* The user's own groups, as a login would give them. */
			int ng = ISOLATE_MAX_GROUPS;

			out->gid = pwp->pw_gid;
			if (getgrouplist(out->user, out->gid, out->groups, &ng) < 0)
				ng = ISOLATE_MAX_GROUPS; /* truncated: keep the first ones */
			out->ngroups = ng;
		}
	}
	out->set = true;
	return 0;
}
