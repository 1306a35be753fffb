/* Metadata pairs, time bounds and page cursors of the job filters (contract in
 * jobq/job_filter.h). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jobq/duration.h"
#include "jobq/envelope.h"
#include "jobq/job.h"
#include "jobq/job_filter.h"
#include "jobq/parse.h"
#include "jobq/utf8.h"

/* How many bytes of text an error message quotes: at most max, not splitting a character
 * (the CLI escapes what is not printable when it prints the message). */
static int quoted(const char *text, size_t max)
{
	size_t n = strnlen(text, max + 1);

	return (int)(n > max ? jobq_utf8_cut_end(text, max) : n);
}

static bool has_control(const char *text)
{
	for (const char *p = text; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return true;
	return false;
}

bool jobq_filter_text_valid(const char *text, size_t max)
{
	size_t n = strnlen(text, max + 1);

	return n > 0 && n <= max && jobq_utf8_valid(text, n) && !has_control(text);
}

int jobq_meta_pair_add(json_t **obj, const char *flag, const char *text, struct jobq_err *err)
{
	const char *eq = strchr(text, '=');
	size_t klen = eq != NULL ? (size_t)(eq - text) : 0, vlen;
	char key[JOBQ_META_KEY_MAX + 1];
	json_t *o = *obj, *v;

	if (eq == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: '%.*s' is not KEY=VALUE", flag,
				    quoted(text, 80), text);
	vlen = strlen(eq + 1);
	if (klen == 0)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: '%.*s' has an empty key", flag,
				    quoted(text, 80), text);
	if (klen > JOBQ_META_KEY_MAX)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: key '%.*s...' is over %d bytes", flag,
				    quoted(text, 40), text, JOBQ_META_KEY_MAX);
	if (vlen > JOBQ_META_VALUE_MAX)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: the value of '%.*s' is over %d bytes",
				    flag, quoted(text, klen < 80 ? klen : 80), text,
				    JOBQ_META_VALUE_MAX);
	if (has_control(text))
		return jobq_err_set(err, JOBQ_EINVAL, "%s: '%.*s' holds a control character", flag,
				    quoted(text, 80), text);
	memcpy(key, text, klen);
	key[klen] = '\0';
	if (!jobq_utf8_valid(text, klen + 1 + vlen))
		return jobq_err_set(err, JOBQ_EINVAL, "%s: '%.*s' is not valid UTF-8", flag,
				    quoted(text, 80), text);
	if (o != NULL && json_object_get(o, key) != NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: key '%s' is given twice", flag, key);
	if (o != NULL && json_object_size(o) >= JOBQ_META_PAIRS_MAX)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: more than %d pairs", flag,
				    JOBQ_META_PAIRS_MAX);
	if ((v = json_stringn(eq + 1, vlen)) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	if (o == NULL && (o = json_object()) == NULL) {
		json_decref(v);
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	}
	if (json_object_set_new(o, key, v) != 0) {
		if (o != *obj)
			json_decref(o);
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	}
	*obj = o;
	return 0;
}

int jobq_time_bound_parse(const char *flag, const char *text, struct jobq_time_bound *out,
			  struct jobq_err *err)
{
	struct jobq_err ignored;
	int64_t ms;

	if (jobq_duration_parse(text, &ms, &ignored) == 0) {
		*out = (struct jobq_time_bound){ .set = true, .ago = true, .ms = ms };
		return 0;
	}
	/* Well formed, but over the maximum: say so rather than "neither". */
	if (jobq_duration_parse_clamped(text, &ms, &ignored) == 0)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "%s: '%.*s' is over the longest duration, 365d; give a time "
				    "instead (2026-12-06T09:00:00Z)",
				    flag, quoted(text, 80), text);
	if (jobq_parse_time(text, &ms, &ignored) == 0) {
		if (ms < JOBQ_TIME_MIN_MS || ms >= JOBQ_TIME_MAX_MS)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%s: '%.*s' is out of range (years 0001 to 9999 UTC)",
					    flag, quoted(text, 80), text);
		*out = (struct jobq_time_bound){ .set = true, .ago = false, .ms = ms };
		return 0;
	}
	return jobq_err_set(err, JOBQ_EINVAL,
			    "%s: '%.*s' is neither a duration (30m, 2h, 7d: that long ago) nor "
			    "an RFC 3339 time with a zone (2026-12-06T09:00:00Z)",
			    flag, quoted(text, 80), text);
}

char *jobq_cursor_format(int64_t created_us, const char *id, char *buf)
{
	size_t n = 0;

	n = (size_t)snprintf(buf, JOBQ_CURSOR_LEN, "c%016" PRIx64, (uint64_t)created_us);
	for (const char *p = id; *p != '\0' && n < JOBQ_CURSOR_LEN - 1; p++) {
		if (*p == '-')
			continue;
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') ||
		      (*p >= 'A' && *p <= 'F')))
			break;
		buf[n++] = (char)(*p | 0x20);
	}
	buf[n] = '\0';
	if (n != JOBQ_CURSOR_LEN - 1)
		buf[0] = '\0';
	return buf;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int jobq_cursor_parse(const char *text, struct jobq_cursor *out, struct jobq_err *err)
{
	static const int dash_after[] = { 8, 12, 16, 20 };
	uint64_t us = 0;
	char id[37];
	size_t n = 0, d = 0;

	if (strlen(text) != JOBQ_CURSOR_LEN - 1 || text[0] != 'c')
		goto bad;
	for (size_t i = 1; i < JOBQ_CURSOR_LEN - 1; i++)
		if (hexval(text[i]) < 0)
			goto bad;
	for (size_t i = 1; i <= 16; i++)
		us = us << 4 | (uint64_t)hexval(text[i]);
	for (size_t i = 0; i < 32; i++) {
		if (d < 4 && (int)i == dash_after[d]) {
			id[n++] = '-';
			d++;
		}
		id[n++] = text[17 + i];
	}
	id[n] = '\0';
	/* A time jobq could not have printed (and PostgreSQL would misread). */
	if ((int64_t)us < JOBQ_TIME_MIN_MS * 1000 || (int64_t)us >= JOBQ_TIME_MAX_MS * 1000)
		goto bad;
	*out = (struct jobq_cursor){ .set = true, .created_us = (int64_t)us };
	memcpy(out->id, id, sizeof(id));
	return 0;
bad:
	return jobq_err_set(err, JOBQ_EINVAL,
			    "--after: '%.*s' is not a cursor printed by jobq list",
			    quoted(text, 64), text);
}

char *jobq_cursor_timestamp(int64_t created_us, char *buf, size_t len)
{
	int64_t secs = created_us / 1000000, frac = created_us % 1000000;
	time_t t;
	struct tm tm;

	if (frac < 0) {
		frac += 1000000;
		secs--;
	}
	t = (time_t)secs;
	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof(tm)); /* cannot happen in the documented range */
	/* The year by hand: strftime's %Y writes year 1 as "1", which PostgreSQL reads as
	 * 2001. */
	snprintf(buf, len, "%04d-%02d-%02d %02d:%02d:%02d.%06" PRId64 "+00", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
	return buf;
}

bool jobq_job_filter_any(const struct jobq_job_filter *f)
{
	return f->status != NULL || f->type != NULL || f->queue != NULL || f->worker != NULL ||
	       f->meta != NULL || f->since.set || f->until.set;
}

void jobq_job_filter_free(struct jobq_job_filter *f)
{
	if (f == NULL)
		return;
	json_decref(f->meta);
	memset(f, 0, sizeof(*f));
}

int jobq_job_filter_set(struct jobq_job_filter *f, enum jobq_filter_field field, const char *name,
			const char *value, struct jobq_err *err)
{
	enum jobq_status st;
	int r = 0;

	switch (field) {
	case JOBQ_FILTER_STATUS:
		if ((r = jobq_status_parse(value, &st, err)) == 0)
			f->status = value;
		else
			(void)jobq_err_prefix(err, "%s", name);
		break;
	case JOBQ_FILTER_TYPE:
		if (jobq_job_type_valid(value))
			f->type = value;
		else
			r = jobq_err_set(err, JOBQ_EINVAL,
					 "%s: '%.80s' is not a job type (1-64 characters of "
					 "A-Z a-z 0-9 _ . : -)",
					 name, value);
		break;
	case JOBQ_FILTER_QUEUE:
		if (jobq_queue_name_valid(value))
			f->queue = value;
		else
			r = jobq_err_set(err, JOBQ_EINVAL,
					 "%s: '%.80s' is not a queue name (1 to 64 of A-Z "
					 "a-z 0-9 _ . -)",
					 name, value);
		break;
	case JOBQ_FILTER_WORKER:
		if (jobq_filter_text_valid(value, 255))
			f->worker = value;
		else if (value[0] == '\0' || strlen(value) > 255)
			r = jobq_err_set(err, JOBQ_EINVAL, "%s: a worker id is 1 to 255 bytes",
					 name);
		else
			r = jobq_err_set(err, JOBQ_EINVAL,
					 "%s: '%s' is not a worker id (valid UTF-8 without "
					 "control characters)",
					 name, value);
		break;
	case JOBQ_FILTER_META:
		r = jobq_meta_pair_add(&f->meta, name, value, err);
		break;
	case JOBQ_FILTER_SINCE:
		r = jobq_time_bound_parse(name, value, &f->since, err);
		break;
	case JOBQ_FILTER_UNTIL:
		r = jobq_time_bound_parse(name, value, &f->until, err);
		break;
	}
	return r;
}

bool jobq_job_filter_relative(const struct jobq_job_filter *f)
{
	return (f->since.set && f->since.ago) || (f->until.set && f->until.ago);
}

void jobq_job_filter_pin(struct jobq_job_filter *f, int64_t now_ms)
{
	struct jobq_time_bound *b[] = { &f->since, &f->until };

	for (size_t i = 0; i < 2; i++)
		if (b[i]->set && b[i]->ago)
			*b[i] = (struct jobq_time_bound){ .set = true, .ms = now_ms - b[i]->ms };
}
