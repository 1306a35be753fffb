/* Cron expressions (jobq/cron.h): five fields or an @ shortcut into sets of values, with
 * errors that name the text and the field. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "jobq/cron.h"

/* How much of the expression an error message quotes. */
#define QUOTE_MAX 80

struct field {
	const char *name;
	int lo, hi;               /* accepted in the text (day-of-week: 0-7) */
	const char *const *names; /* names of lo, lo+1, ... (NULL: numbers only) */
};

static const char *const month_names[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul",
					   "aug", "sep", "oct", "nov", "dec", NULL };
static const char *const day_names[] = { "sun", "mon", "tue", "wed", "thu", "fri", "sat", NULL };

static const struct field fields[5] = {
	{ "minute", 0, 59, NULL },          { "hour", 0, 23, NULL },
	{ "day-of-month", 1, 31, NULL },    { "month", 1, 12, month_names },
	{ "day-of-week", 0, 7, day_names },
};

static const struct {
	const char *name, *expr;
} shortcuts[] = {
	{ "@yearly", "0 0 1 1 *" }, { "@annually", "0 0 1 1 *" }, { "@monthly", "0 0 1 * *" },
	{ "@weekly", "0 0 * * 0" }, { "@daily", "0 0 * * *" },    { "@midnight", "0 0 * * *" },
	{ "@hourly", "0 * * * *" },
};

/* The text as an error quotes it: at most QUOTE_MAX bytes, control characters as '?'. */
struct quoted {
	char s[QUOTE_MAX + 4];
};

static struct quoted quote(const char *text)
{
	struct quoted q;
	size_t i;

	for (i = 0; text[i] != '\0' && i < QUOTE_MAX; i++)
		q.s[i] = ((unsigned char)text[i] < 0x20 || text[i] == 0x7f) ? '?' : text[i];
	if (text[i] != '\0') {
		memcpy(q.s + i, "...", 3);
		i += 3;
	}
	q.s[i] = '\0';
	return q;
}

/* The context of one parse, for messages. */
struct ctx {
	const char *text;
	struct jobq_err *err;
};

static int fail(const struct ctx *x, const char *fmt, ...) JOBQ_PRINTF(2, 3);

static int fail(const struct ctx *x, const char *fmt, ...)
{
	char detail[256];
	struct quoted q = quote(x->text);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	return jobq_err_set(x->err, JOBQ_EINVAL, "cron \"%s\": %s", q.s, detail);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* One value at *p (a number, or a name where the field has names); advances *p. Returns
 * false when there is none. */
static bool value(const struct field *f, const char **p, int *out)
{
	const char *s = *p;

	if (is_digit(*s)) {
		int v = 0;

		while (is_digit(*s)) {
			if (v < 10000)
				v = v * 10 + (*s - '0');
			s++;
		}
		*p = s;
		*out = v;
		return true;
	}
	if (f->names != NULL) {
		for (int i = 0; f->names[i] != NULL; i++) {
			if (strncasecmp(s, f->names[i], 3) == 0) {
				*p = s + 3;
				*out = f->lo + i;
				return true;
			}
		}
	}
	return false;
}

/* One list item (a NUL-terminated copy) into *bits. */
static int item_bits(const struct ctx *x, const struct field *f, const char *item, uint64_t *bits)
{
	const char *p = item;
	int a, b, step = 1;
	bool range = false;

	if (*p == '*') {
		a = f->lo;
		b = f->names == day_names ? 6 : f->hi;
		range = true;
		p++;
	} else {
		if (!value(f, &p, &a))
			return fail(x, "%s '%s' is not a value, range or step", f->name, item);
		b = a;
		if (*p == '-') {
			p++;
			if (!value(f, &p, &b))
				return fail(x, "%s '%s' is not a range", f->name, item);
			range = true;
		}
		if (a < f->lo || a > f->hi || b < f->lo || b > f->hi)
			return fail(x, "%s %d out of range %d-%d", f->name,
				    a < f->lo || a > f->hi ? a : b, f->lo, f->hi);
		if (b < a)
			return fail(x, "%s range '%s' goes backwards", f->name, item);
	}
	if (*p == '/') {
		p++;
		if (!range)
			return fail(x, "%s step '%s' needs a range or '*' before the '/'", f->name,
				    item);
		if (!value(&(struct field){ f->name, 0, 0, NULL }, &p, &step) || step < 1)
			return fail(x, "%s step in '%s' must be a number from 1", f->name, item);
	}
	if (*p != '\0')
		return fail(x, "%s '%s' is not a value, range or step", f->name, item);
	for (int v = a; v <= b; v += step)
		*bits |= 1ULL << (f->names == day_names && v == 7 ? 0 : v);
	return 0;
}

static int field_bits(const struct ctx *x, const struct field *f, const char *text, uint64_t *bits)
{
	char item[JOBQ_CRON_MAX_TEXT + 1];
	const char *p = text;
	int r;

	*bits = 0;
	for (;;) {
		size_t n = strcspn(p, ",");

		if (n == 0)
			return fail(x, "%s has an empty list item", f->name);
		memcpy(item, p, n);
		item[n] = '\0';
		if ((r = item_bits(x, f, item, bits)) != 0)
			return r;
		if (p[n] == '\0')
			return 0;
		p += n + 1;
	}
}

static int days_in(int month)
{
	static const int n[13] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return n[month];
}

/* Some (month, day) of the sets exists in some year (29 feb counts). */
static bool some_day(const struct jobq_cron *c)
{
	for (int m = 1; m <= 12; m++)
		for (int d = 1; (c->months >> m & 1) && d <= days_in(m); d++)
			if (c->days >> d & 1)
				return true;
	return false;
}

int jobq_cron_parse(const char *text, struct jobq_cron *out, struct jobq_err *err)
{
	char buf[JOBQ_CRON_MAX_TEXT + 1], *part[5];
	struct ctx x = { text, err };
	const char *s = text;
	size_t len, nparts = 0;
	uint64_t bits[5];
	int r;

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "cron expression missing");
	s += strspn(s, " \t");
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return fail(&x, "empty expression");
	if (strlen(text) > JOBQ_CRON_MAX_TEXT)
		return fail(&x, "longer than %d bytes", JOBQ_CRON_MAX_TEXT);
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (buf[0] == '@') {
		for (size_t i = 0; i < sizeof(shortcuts) / sizeof(shortcuts[0]); i++)
			if (strcasecmp(buf, shortcuts[i].name) == 0)
				return jobq_cron_parse(shortcuts[i].expr, out, err);
		return fail(&x, "unknown shortcut (use @yearly @annually @monthly @weekly @daily "
				"@midnight or @hourly)");
	}
	for (char *p = buf; *p != '\0';) {
		size_t n = strcspn(p, " \t");

		if (nparts == 5) {
			nparts++;
			break;
		}
		part[nparts++] = p;
		if (p[n] == '\0')
			break;
		p[n] = '\0';
		p += n + 1;
		p += strspn(p, " \t");
	}
	if (nparts != 5)
		return fail(
			&x,
			"expected 5 fields (minute hour day-of-month month day-of-week), got %s",
			nparts > 5 ? "more" : "fewer");
	for (int i = 0; i < 5; i++)
		if ((r = field_bits(&x, &fields[i], part[i], &bits[i])) != 0)
			return r;
	out->minutes = bits[0];
	out->hours = (uint32_t)bits[1];
	out->days = (uint32_t)bits[2];
	out->months = (uint16_t)bits[3];
	out->weekdays = (uint8_t)bits[4];
	out->days_any = part[2][0] == '*';
	out->weekdays_any = part[4][0] == '*';
	/* Both restricted: either matches, so a weekday always does. Otherwise the day of
	 * month must exist in one of the months. */
	if ((out->days_any || out->weekdays_any) && !some_day(out)) {
		memset(out, 0, sizeof(*out));
		return fail(&x, "day-of-month and month never meet (no such date)");
	}
	return 0;
}

bool jobq_cron_matches(const struct jobq_cron *c, int minute, int hour, int day, int month,
		       int weekday)
{
	bool d, w;

	if (minute < 0 || minute > 59 || hour < 0 || hour > 23 || day < 1 || day > 31 ||
	    month < 1 || month > 12 || weekday < 0 || weekday > 6)
		return false;
	if (!(c->minutes >> minute & 1) || !(c->hours >> hour & 1) || !(c->months >> month & 1))
		return false;
	d = c->days >> day & 1;
	w = c->weekdays >> weekday & 1;
	return (c->days_any || c->weekdays_any) ? d && w : d || w;
}

char *jobq_cron_array(uint64_t bits, int lo, int hi, char *buf, size_t len)
{
	size_t at = 0;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	at = (size_t)snprintf(buf, len, "{");
	for (int v = lo; v <= hi && v < 64 && at < len; v++)
		if (bits >> v & 1)
			at += (size_t)snprintf(buf + at, len - at, "%s%d", at > 1 ? "," : "", v);
	if (at < len)
		snprintf(buf + at, len - at, "}");
	return buf;
}
