/* Logging: one event per line, logfmt-style `key=value` text or one JSON object, written to
 * stderr with a single write(2) under a lock so lines from different threads never mix. */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jobq/log.h"

#define PROG_MAX 64

/* Logging settings are process-wide by nature; the lock guards them and the output. The
 * level is also readable without it, so that a line the level filters out costs no lock. */
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int log_level = JOBQ_LOG_INFO;
static enum jobq_log_format log_format = JOBQ_LOG_TEXT;
static char log_prog[PROG_MAX];
/* The timestamp's whole seconds as last formatted ("2026-11-28T11:07:01"), under the lock:
 * most lines fall in the same second as the one before. */
static time_t ts_sec = (time_t)-1;
static char ts_text[32];

static const char *const level_names[] = { "debug", "info", "warn", "error" };

/* A growable line buffer that starts on the stack (LINE_STACK bytes hold the usual line)
 * and moves to the heap only for a longer one. On allocation failure it stops growing and
 * the line is written truncated rather than lost. */
#define LINE_STACK 512
struct line {
	char *p; /* stack, or a malloc'd copy once the line outgrew it */
	size_t len, cap;
	bool full;
	char stack[LINE_STACK];
};

static void add(struct line *l, const char *s, size_t n)
{
	size_t cap;
	char *np;

	if (l->full)
		return;
	if (l->len + n + 2 > l->cap) { /* room for the newline and a NUL */
		cap = l->cap * 2;
		while (l->len + n + 2 > cap)
			cap *= 2;
		if ((np = l->p == l->stack ? malloc(cap) : realloc(l->p, cap)) == NULL) {
			l->full = true;
			return;
		}
		if (l->p == l->stack)
			memcpy(np, l->stack, l->len);
		l->p = np;
		l->cap = cap;
	}
	memcpy(l->p + l->len, s, n);
	l->len += n;
}

static void adds(struct line *l, const char *s)
{
	add(l, s, strlen(s));
}

static bool is_ctl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* Text value: bare unless it holds a space, '"', '=' or a control character. */
static void add_text_value(struct line *l, const char *v)
{
	const unsigned char *p;
	char hex[5];
	bool quote = false;

	for (p = (const unsigned char *)v; *p != '\0'; p++)
		if (*p == ' ' || *p == '"' || *p == '=' || is_ctl(*p))
			quote = true;
	if (!quote) {
		adds(l, v);
		return;
	}
	add(l, "\"", 1);
	for (p = (const unsigned char *)v; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\') {
			add(l, "\\", 1);
			add(l, (const char *)p, 1);
		} else if (*p == '\n')
			add(l, "\\n", 2);
		else if (*p == '\t')
			add(l, "\\t", 2);
		else if (*p == '\r')
			add(l, "\\r", 2);
		else if (is_ctl(*p)) {
			snprintf(hex, sizeof(hex), "\\x%02x", *p);
			add(l, hex, 4);
		} else
			add(l, (const char *)p, 1);
	}
	add(l, "\"", 1);
}

/* Text key: keys are programmer-chosen names; anything that would break the line shape
 * becomes '_'. */
static void add_text_key(struct line *l, const char *k)
{
	const unsigned char *p;

	for (p = (const unsigned char *)k; *p != '\0'; p++) {
		if (*p == ' ' || *p == '"' || *p == '=' || is_ctl(*p))
			add(l, "_", 1);
		else
			add(l, (const char *)p, 1);
	}
}

/* Length of the well-formed UTF-8 sequence at p, or 0 if it is not one. */
static size_t utf8_len(const unsigned char *p)
{
	size_t n, i;
	unsigned int cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, cp = p[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* JSON string: escapes per RFC 8259; bytes that are not UTF-8 become U+FFFD so the line
 * always parses. */
static void add_json_string(struct line *l, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char esc[7];
	size_t n;

	add(l, "\"", 1);
	while (*p != '\0') {
		if (*p == '"' || *p == '\\') {
			add(l, "\\", 1);
			add(l, (const char *)p, 1);
			p++;
		} else if (*p == '\n') {
			add(l, "\\n", 2);
			p++;
		} else if (*p == '\t') {
			add(l, "\\t", 2);
			p++;
		} else if (*p == '\r') {
			add(l, "\\r", 2);
			p++;
		} else if (*p < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", *p);
			add(l, esc, 6);
			p++;
		} else if ((n = utf8_len(p)) == 0) {
			add(l, "\\ufffd", 6);
			p++;
		} else {
			add(l, (const char *)p, n);
			p += n;
		}
	}
	add(l, "\"", 1);
}

/* Caller holds log_lock (for ts_sec and ts_text). */
static void add_timestamp(struct line *l)
{
	struct timespec ts;
	struct tm tm;
	long ms;
	char frac[6] = ".000Z";

	clock_gettime(CLOCK_REALTIME, &ts);
	if (ts.tv_sec != ts_sec) {
		gmtime_r(&ts.tv_sec, &tm);
		if (strftime(ts_text, sizeof(ts_text), "%Y-%m-%dT%H:%M:%S", &tm) == 0)
			ts_text[0] = '\0';
		ts_sec = ts.tv_sec;
	}
	ms = ts.tv_nsec / 1000000;
	frac[1] = (char)('0' + ms / 100);
	frac[2] = (char)('0' + ms / 10 % 10);
	frac[3] = (char)('0' + ms % 10);
	adds(l, ts_text);
	add(l, frac, 5);
}

static void write_all(const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(STDERR_FILENO, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return; /* nowhere left to report it */
		}
		p += w;
		n -= (size_t)w;
	}
}

void jobq_log_setup(enum jobq_log_level level, enum jobq_log_format format)
{
	pthread_mutex_lock(&log_lock);
	atomic_store(&log_level, (int)level);
	log_format = format;
	pthread_mutex_unlock(&log_lock);
}

int jobq_log_level_parse(const char *s, enum jobq_log_level *out)
{
	int i;

	if (s == NULL)
		return JOBQ_EINVAL;
	for (i = JOBQ_LOG_DEBUG; i <= JOBQ_LOG_ERROR; i++) {
		if (strcmp(s, level_names[i]) == 0) {
			*out = (enum jobq_log_level)i;
			return 0;
		}
	}
	return JOBQ_EINVAL;
}

int jobq_log_format_parse(const char *s, enum jobq_log_format *out)
{
	if (s == NULL)
		return JOBQ_EINVAL;
	if (strcmp(s, "text") == 0)
		*out = JOBQ_LOG_TEXT;
	else if (strcmp(s, "json") == 0)
		*out = JOBQ_LOG_JSON;
	else
		return JOBQ_EINVAL;
	return 0;
}

void jobq_log_set_program(const char *prog)
{
	pthread_mutex_lock(&log_lock);
	snprintf(log_prog, sizeof(log_prog), "%s", prog != NULL ? prog : "");
	pthread_mutex_unlock(&log_lock);
}

const char *jobq_log_int(char buf[24], long long v)
{
	snprintf(buf, 24, "%lld", v);
	return buf;
}

void jobq_log(enum jobq_log_level level, const char *event, ...)
{
	struct line l;
	const char *k, *v;
	const char *lname;
	bool json;
	va_list ap;

	if ((int)level < JOBQ_LOG_DEBUG || level > JOBQ_LOG_ERROR)
		level = JOBQ_LOG_ERROR;
	if ((int)level < atomic_load_explicit(&log_level, memory_order_relaxed))
		return;
	lname = level_names[level];
	if (event == NULL)
		event = "";
	l.p = l.stack;
	l.len = 0;
	l.cap = sizeof(l.stack);
	l.full = false;
	/* Held while formatting too, so timestamps in the output never go backwards. */
	pthread_mutex_lock(&log_lock);
	if ((int)level < atomic_load(&log_level))
		goto out;
	json = log_format == JOBQ_LOG_JSON;
	va_start(ap, event);
	if (json) {
		adds(&l, "{\"ts\":\"");
		add_timestamp(&l);
		adds(&l, "\",\"level\":\"");
		adds(&l, lname);
		adds(&l, "\"");
		if (log_prog[0] != '\0') {
			adds(&l, ",\"prog\":");
			add_json_string(&l, log_prog);
		}
		adds(&l, ",\"event\":");
		add_json_string(&l, event);
		while ((k = va_arg(ap, const char *)) != NULL) {
			v = va_arg(ap, const char *);
			add(&l, ",", 1);
			add_json_string(&l, k);
			add(&l, ":", 1);
			add_json_string(&l, v != NULL ? v : "");
		}
		add(&l, "}", 1);
	} else {
		add_timestamp(&l);
		adds(&l, " level=");
		adds(&l, lname);
		if (log_prog[0] != '\0') {
			adds(&l, " prog=");
			add_text_value(&l, log_prog);
		}
		adds(&l, " event=");
		add_text_value(&l, event);
		while ((k = va_arg(ap, const char *)) != NULL) {
			v = va_arg(ap, const char *);
			add(&l, " ", 1);
			add_text_key(&l, k);
			add(&l, "=", 1);
			add_text_value(&l, v != NULL ? v : "");
		}
	}
	va_end(ap);
	/* add() always leaves room for the newline, even once it has stopped growing. */
	l.p[l.len++] = '\n';
	write_all(l.p, l.len);
out:
	pthread_mutex_unlock(&log_lock);
	if (l.p != l.stack)
		free(l.p);
}
