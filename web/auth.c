/* Sessions, CSRF tokens, password checks and the failed-login limit (contract in auth.h). */
#include "auth.h"

#include <crypt.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

void auth_init(struct auth *a, int64_t lifetime_ms)
{
	memset(a->sessions, 0, sizeof(a->sessions));
	memset(a->fails, 0, sizeof(a->fails));
	a->lifetime_ms = lifetime_ms;
	a->global_milli = 0;
	a->global_at_ms = 0;
	pthread_mutex_init(&a->mu, NULL);
	pthread_mutex_init(&a->slow_mu, NULL);
}

void auth_destroy(struct auth *a)
{
	pthread_mutex_destroy(&a->mu);
	pthread_mutex_destroy(&a->slow_mu);
}

int auth_random(char *out, struct jobq_err *err)
{
	unsigned char b[32];
	size_t got = 0;

	while (got < sizeof(b)) {
		ssize_t n = getrandom(b + got, sizeof(b) - got, 0);

		if (n <= 0)
			return jobq_err_set(err, JOBQ_ESYS, "getrandom: no random bytes");
		got += (size_t)n;
	}
	for (size_t i = 0; i < sizeof(b); i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
	return 0;
}

bool auth_equal(const char *a, const char *b)
{
	size_t n;
	unsigned char d = 0;

	if (a == NULL || b == NULL || (n = strlen(a)) != strlen(b))
		return false;
	for (size_t i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

int auth_session_new(struct auth *a, int64_t now_ms, char *id, char *csrf, struct jobq_err *err)
{
	struct auth_session *slot = NULL;
	int r;

	if ((r = auth_random(id, err)) != 0 || (r = auth_random(csrf, err)) != 0)
		return r;
	pthread_mutex_lock(&a->mu);
	/* A free or expired slot, else the one that would expire first. */
	for (size_t i = 0; i < AUTH_MAX_SESSIONS; i++) {
		struct auth_session *s = &a->sessions[i];

		if (s->id[0] == '\0' || s->expires_ms <= now_ms) {
			slot = s;
			break;
		}
		if (slot == NULL || s->expires_ms < slot->expires_ms)
			slot = s;
	}
	memcpy(slot->id, id, AUTH_TOKEN_LEN);
	memcpy(slot->csrf, csrf, AUTH_TOKEN_LEN);
	slot->expires_ms = now_ms + a->lifetime_ms;
	pthread_mutex_unlock(&a->mu);
	return 0;
}

bool auth_session_find(struct auth *a, const char *id, int64_t now_ms, char *csrf)
{
	bool found = false;

	if (id == NULL || strlen(id) != AUTH_TOKEN_LEN - 1)
		return false;
	pthread_mutex_lock(&a->mu);
	for (size_t i = 0; i < AUTH_MAX_SESSIONS; i++) {
		struct auth_session *s = &a->sessions[i];

		if (s->id[0] == '\0' || !auth_equal(s->id, id))
			continue;
		if (s->expires_ms <= now_ms) {
			memset(s, 0, sizeof(*s));
		} else {
			found = true;
			if (csrf != NULL)
				memcpy(csrf, s->csrf, AUTH_TOKEN_LEN);
		}
		break;
	}
	pthread_mutex_unlock(&a->mu);
	return found;
}

void auth_session_end(struct auth *a, const char *id)
{
	if (id == NULL)
		return;
	pthread_mutex_lock(&a->mu);
	for (size_t i = 0; i < AUTH_MAX_SESSIONS; i++)
		if (a->sessions[i].id[0] != '\0' && auth_equal(a->sessions[i].id, id))
			memset(&a->sessions[i], 0, sizeof(a->sessions[i]));
	pthread_mutex_unlock(&a->mu);
}

/* The entry of addr (created when `make`; the oldest window is reused when full), or NULL.
 * Called with the lock held. */
static struct auth_fail *fail_entry(struct auth *a, const char *addr, bool make)
{
	struct auth_fail *free_slot = NULL, *oldest = NULL;

	for (size_t i = 0; i < AUTH_FAIL_ADDRS; i++) {
		struct auth_fail *f = &a->fails[i];

		if (f->addr[0] == '\0') {
			if (free_slot == NULL)
				free_slot = f;
			continue;
		}
		if (strcmp(f->addr, addr) == 0)
			return f;
		if (oldest == NULL || f->since_ms < oldest->since_ms)
			oldest = f;
	}
	if (!make)
		return NULL;
	free_slot = free_slot != NULL ? free_slot : oldest;
	memset(free_slot, 0, sizeof(*free_slot));
	snprintf(free_slot->addr, sizeof(free_slot->addr), "%s", addr);
	return free_slot;
}

/* The failures of all addresses at now_ms, in thousandths, after the leak (a->mu held). */
static int64_t global_level(const struct auth *a, int64_t now_ms)
{
	int64_t gone = now_ms > a->global_at_ms
			       ? (now_ms - a->global_at_ms) * AUTH_GLOBAL_FAIL_MAX * 1000 /
					 AUTH_FAIL_WINDOW_MS
			       : 0;

	return a->global_milli > gone ? a->global_milli - gone : 0;
}

bool auth_login_allowed(struct auth *a, const char *addr, int64_t now_ms)
{
	struct auth_fail *f;
	bool ok = true;

	pthread_mutex_lock(&a->mu);
	if ((f = fail_entry(a, addr, false)) != NULL) {
		if (now_ms - f->since_ms >= AUTH_FAIL_WINDOW_MS)
			memset(f, 0, sizeof(*f));
		else
			ok = f->count < AUTH_FAIL_MAX;
	}
	pthread_mutex_unlock(&a->mu);
	return ok;
}

void auth_login_result(struct auth *a, const char *addr, int64_t now_ms, bool ok)
{
	struct auth_fail *f;

	pthread_mutex_lock(&a->mu);
	if (ok) {
		if ((f = fail_entry(a, addr, false)) != NULL)
			memset(f, 0, sizeof(*f));
	} else {
		f = fail_entry(a, addr, true);
		if (f->count == 0 || now_ms - f->since_ms >= AUTH_FAIL_WINDOW_MS) {
			f->count = 0;
			f->since_ms = now_ms;
		}
		f->count++;
		a->global_milli = global_level(a, now_ms) + 1000;
		a->global_at_ms = now_ms;
	}
	pthread_mutex_unlock(&a->mu);
}

bool auth_login_strained(struct auth *a, int64_t now_ms)
{
	bool strained;

	pthread_mutex_lock(&a->mu);
	strained = global_level(a, now_ms) >= (int64_t)AUTH_GLOBAL_FAIL_MAX * 1000;
	pthread_mutex_unlock(&a->mu);
	return strained;
}

bool auth_password_ok(const char *hash, const char *password)
{
	struct crypt_data cd;
	const char *out;

	if (hash == NULL || password == NULL || hash[0] != '$')
		return false;
	memset(&cd, 0, sizeof(cd));
	out = crypt_r(password, hash, &cd);
	/* A failure gives NULL or a string starting with '*', never equal to a hash. */
	return out != NULL && out[0] != '*' && auth_equal(out, hash);
}

int auth_password_hash(const char *password, char *out, size_t out_len, struct jobq_err *err)
{
	struct crypt_data cd;
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	const char *h;

	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof(salt)) == NULL)
		return jobq_err_set(err, JOBQ_ESYS, "crypt_gensalt: yescrypt is not available");
	memset(&cd, 0, sizeof(cd));
	h = crypt_r(password, salt, &cd);
	if (h == NULL || h[0] == '*' || strlen(h) >= out_len)
		return jobq_err_set(err, JOBQ_ESYS, "crypt: hashing the password failed");
	snprintf(out, out_len, "%s", h);
	return 0;
}
