/* Logins of the web console: random tokens, the session table (a session cookie and its
 * CSRF token), password and token checks, and the limit on failed logins per address.
 * No I/O but the kernel's random bytes; thread-safe (one lock, held briefly). */
#ifndef JOBQ_WEB_AUTH_H
#define JOBQ_WEB_AUTH_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/err.h"

/* A token's text: 32 random bytes as 64 hex digits, NUL included. */
#define AUTH_TOKEN_LEN 65
/* Sessions held at once: a new login past it ends the one that expires first. */
#define AUTH_MAX_SESSIONS 256
/* Failed logins one address may make per AUTH_FAIL_WINDOW_MS, and addresses tracked. */
#define AUTH_FAIL_MAX 5
#define AUTH_FAIL_WINDOW_MS 60000
#define AUTH_FAIL_ADDRS 1024
/* Failed logins from all addresses together per AUTH_FAIL_WINDOW_MS past which every check
 * (login form or Bearer token) goes one at a time, each after AUTH_SLOW_MS: a guesser
 * spread over many addresses is slowed to one try a second, and nobody is locked out. */
#define AUTH_GLOBAL_FAIL_MAX 100
#define AUTH_SLOW_MS 1000

struct auth_session {
	char id[AUTH_TOKEN_LEN];   /* the cookie's value; "" = free slot */
	char csrf[AUTH_TOKEN_LEN]; /* the token every form of this session carries */
	int64_t expires_ms;        /* on the caller's clock */
};

struct auth_fail {
	char addr[48]; /* "" = free */
	int count;
	int64_t since_ms;
};

struct auth {
	pthread_mutex_t mu;
	int64_t lifetime_ms;
	struct auth_session sessions[AUTH_MAX_SESSIONS];
	struct auth_fail fails[AUTH_FAIL_ADDRS];
	/* failures from all addresses, in thousandths, leaking AUTH_GLOBAL_FAIL_MAX per
	 * AUTH_FAIL_WINDOW_MS since global_at_ms (a rate over the last minute, no window edge) */
	int64_t global_milli;
	int64_t global_at_ms;
	pthread_mutex_t slow_mu; /* held by the one check running while slowed */
};

/* Set up a (zeroed or reused) table whose sessions last lifetime_ms. */
void auth_init(struct auth *a, int64_t lifetime_ms);

/* Release the lock of a. */
void auth_destroy(struct auth *a);

/* Fill out (AUTH_TOKEN_LEN bytes) with a fresh random token. 0, or JOBQ_ESYS when the
 * kernel gave no random bytes. */
int auth_random(char *out, struct jobq_err *err) JOBQ_WUR;

/* Whether a and b are the same string, in a time that depends only on their lengths.
 * NULL equals nothing. */
bool auth_equal(const char *a, const char *b);

/* Start a session at now_ms: its id and CSRF token into id and csrf (AUTH_TOKEN_LEN each).
 * 0, or JOBQ_ESYS (no random bytes). */
int auth_session_new(struct auth *a, int64_t now_ms, char *id, char *csrf,
		     struct jobq_err *err) JOBQ_WUR;

/* Whether id names a session alive at now_ms; its CSRF token into csrf (AUTH_TOKEN_LEN
 * bytes, may be NULL). An expired one is ended. */
bool auth_session_find(struct auth *a, const char *id, int64_t now_ms, char *csrf);

/* End the session id (a logout). Unknown ids are ignored. */
void auth_session_end(struct auth *a, const char *id);

/* Whether addr may try a login at now_ms: fewer than AUTH_FAIL_MAX failures in its
 * current window. Other addresses' failures never count against it, so an attacker
 * elsewhere cannot lock the operator out. */
bool auth_login_allowed(struct auth *a, const char *addr, int64_t now_ms);

/* Record a login of addr at now_ms: a failure counts; a success clears its count. */
void auth_login_result(struct auth *a, const char *addr, int64_t now_ms, bool ok);

/* Whether failures from all addresses reached the rate of AUTH_GLOBAL_FAIL_MAX a minute at now_ms:
 * the caller then runs its check alone (slow_mu) after AUTH_SLOW_MS. */
bool auth_login_strained(struct auth *a, int64_t now_ms);

/* Whether password matches hash (a crypt(3) hash, yescrypt "$y$..." or any method libcrypt
 * knows). False for a NULL or malformed hash. */
bool auth_password_ok(const char *hash, const char *password);

/* A new yescrypt hash of password into out (out_len bytes; 128 suffice). 0, or
 * JOBQ_ESYS naming what failed. */
int auth_password_hash(const char *password, char *out, size_t out_len,
		       struct jobq_err *err) JOBQ_WUR;

#endif
