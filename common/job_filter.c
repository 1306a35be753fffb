/* Metadata pairs, time bounds and page cursors of the job filters (contract in
 * jobq/job_filter.h). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jobq/duration.h"
#include "jobq/job_filter.h"
#include "jobq/parse.h"

int jobq_meta_pair_add(json_t **obj, const char *flag, const char *text, struct jobq_err *err)
{
	const char *eq = strchr(text, '=');
	size_t klen = eq != NULL ? (size_t)(eq - text) : 0, vlen;
	char key[JOBQ_META_KEY_MAX + 1];
	json_t *o = *obj, *v;

	if (eq == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: '%.80s' is not KEY=VALUE", flag, text);
	vlen = strlen(eq + 1);
	if (klen == 0)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: '%.80s' has an empty key", flag, text);
	if (klen > JOBQ_META_KEY_MAX)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: key '%.40s...' is over %d bytes", flag,
				    text, JOBQ_META_KEY_MAX);
	if (vlen > JOBQ_META_VALUE_MAX)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: the value of '%.*s' is over %d bytes",
				    flag, (int)klen, text, JOBQ_META_VALUE_MAX);
	for (const char *p = text; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return jobq_err_set(err, JOBQ_EINVAL,
					    "%s: '%.80s' holds a control character", flag, text);
	memcpy(key, text, klen);
	key[klen] = '\0';
	if (o != NULL && json_object_get(o, key) != NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: key '%s' is given twice", flag, key);
	if (o != NULL && json_object_size(o) >= JOBQ_META_PAIRS_MAX)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: more than %d pairs", flag,
				    JOBQ_META_PAIRS_MAX);
	/* jansson takes only UTF-8: a key that is not would fail json_object_set_new too,
	 * without saying why. */
	if ((v = json_stringn(key, klen)) == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: '%.80s' is not valid UTF-8", flag, text);
	json_decref(v);
	if ((v = json_stringn(eq + 1, vlen)) == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "%s: '%.80s' is not valid UTF-8", flag, text);
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
	if (jobq_parse_time(text, &ms, &ignored) == 0) {
		*out = (struct jobq_time_bound){ .set = true, .ago = false, .ms = ms };
		return 0;
	}
	return jobq_err_set(err, JOBQ_EINVAL,
			    "%s: '%.80s' is neither a duration (30m, 2h, 7d: that long ago) nor "
			    "an RFC 3339 time with a zone (2026-12-06T09:00:00Z)",
			    flag, text);
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
	*out = (struct jobq_cursor){ .set = true, .created_us = (int64_t)us };
	memcpy(out->id, id, sizeof(id));
	return 0;
bad:
	return jobq_err_set(err, JOBQ_EINVAL,
			    "--after: '%.64s' is not a cursor printed by jobq list", text);
}

char *jobq_cursor_timestamp(int64_t created_us, char *buf, size_t len)
{
	int64_t secs = created_us / 1000000, frac = created_us % 1000000;
	time_t t;
	struct tm tm;
	char day[32];

	if (frac < 0) {
		frac += 1000000;
		secs--;
	}
	t = (time_t)secs;
	if (gmtime_r(&t, &tm) == NULL || strftime(day, sizeof(day), "%Y-%m-%d %H:%M:%S", &tm) == 0)
		snprintf(day, sizeof(day), "1970-01-01 00:00:00");
	snprintf(buf, len, "%s.%06" PRId64 "+00", day, frac);
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
