/* Cron expressions (docs/scheduling.md, "Cron schedules"): parsing the five fields and the
 * @ shortcuts into sets of minutes, hours, days, months and weekdays. Pure: the next slot
 * in a time zone is computed by PostgreSQL (migration 0015, jobq_cron_next), which has the
 * time zone database; this file only validates and normalises. */
#ifndef JOBQ_CRON_H
#define JOBQ_CRON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/err.h"

/* Longest expression accepted, in bytes. */
#define JOBQ_CRON_MAX_TEXT 200

/* Room for the longest SQL array literal jobq_cron_array writes ("{0,1,...,59}"). */
#define JOBQ_CRON_ARRAY_BUF 200

/* A parsed expression: bit n of a set stands for value n. Every set holds at least one
 * value, and only values of its field's range. */
struct jobq_cron {
	uint64_t minutes;  /* 0-59 */
	uint32_t hours;    /* 0-23 */
	uint32_t days;     /* 1-31, day of month */
	uint16_t months;   /* 1-12 */
	uint8_t weekdays;  /* 0-6, 0 = Sunday (7 in the text is Sunday too) */
	bool days_any;     /* the day-of-month field began with '*' */
	bool weekdays_any; /* the day-of-week field began with '*' */
};

/* Parse text: five fields separated by spaces or tabs (minute hour day-of-month month
 * day-of-week), each a '*' or a list of values and ranges, each with an optional /step
 * after a '*' or a range; months jan..dec and weekdays sun..sat by name in any case; or one
 * of @yearly @annually @monthly @weekly @daily @midnight @hourly. Leading and trailing
 * blanks are ignored. As classic cron: when both day fields are restricted (neither begins
 * with '*'), a day matches if either does, else both must. An expression that can never
 * match (30 feb) is an error. 0 with *out filled, or JOBQ_EINVAL with one line naming the
 * text and the field ("cron \"61 * * * *\": minute 61 out of range 0-59"). */
int jobq_cron_parse(const char *text, struct jobq_cron *out, struct jobq_err *err) JOBQ_WUR;

/* Whether the local time (minute 0-59, hour 0-23, day 1-31, month 1-12, weekday 0-6 with
 * 0 = Sunday) is a slot of c. */
bool jobq_cron_matches(const struct jobq_cron *c, int minute, int hour, int day, int month,
		       int weekday);

/* Write the values of bits in [lo, hi] as a SQL array literal ("{0,15,30,45}") into buf of
 * len bytes (JOBQ_CRON_ARRAY_BUF is enough for any field); returns buf, always
 * NUL-terminated. */
char *jobq_cron_array(uint64_t bits, int lo, int hi, char *buf, size_t len);

#endif
