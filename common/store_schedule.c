/* Cron schedules' statements (jobq/store_schedule.h): each a call of one of the functions
 * of migrations 0015 and 0019, which hold the logic (the next slot needs the server's time
 * zones). */
#include <stdlib.h>
#include <string.h>

#include "jobq/store_schedule.h"
#include "store_internal.h"

/* A timestamptz as UTC ISO 8601, the form slots print in (jobq_slot_text). */
#define SLOT_TEXT(x) "to_char((" x ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

int jobq_store_schedule_fire(struct jobq_store *st, int budget, int64_t relay_interval_ms,
			     char *problems, size_t len, struct jobq_err *err)
{
	enum {
		FIRED,
		PROBLEMS,
		NCOLS
	};
	static const char *const names[NCOLS] = { "fired", "problems" };
	char b[STORE_I64_LEN], iv[STORE_I64_LEN];
	const char *p[2] = { store_i64(b, budget), store_i64(iv, relay_interval_ms) };
	PGresult *res;
	int col[NCOLS];
	int r = jobq_store_exec(st, "jobq_schedule_fire",
				"SELECT fired, problems FROM jobq_schedule_fire($1::int,"
				" $2::bigint * interval '1 millisecond')",
				2, p, &res, "fire schedules", err);

	if (r != 0)
		return r;
	if ((r = store_columns(res, names, NCOLS, col, "fire schedules", err)) == 0) {
		r = store_int(res, 0, col[FIRED]);
		store_copy(problems, len, PQgetvalue(res, 0, col[PROBLEMS]));
	}
	PQclear(res);
	return r;
}

/* The one text value of a one-row result into out ("none" for NULL); PQclears res. */
static void one_value(PGresult *res, char *out, size_t len)
{
	store_copy(out, len, PQgetisnull(res, 0, 0) ? "none" : PQgetvalue(res, 0, 0));
	PQclear(res);
}

int jobq_store_schedule_add(struct jobq_store *st, const struct jobq_schedule_spec *spec,
			    char next_slot[JOBQ_SLOT_BUF], struct jobq_err *err)
{
	const struct jobq_cron *c = spec->cron;
	char mi[JOBQ_CRON_ARRAY_BUF], ho[JOBQ_CRON_ARRAY_BUF], da[JOBQ_CRON_ARRAY_BUF],
		mo[JOBQ_CRON_ARRAY_BUF], wd[JOBQ_CRON_ARRAY_BUF], att[STORE_I64_LEN];
	const char *p[16] = {
		spec->name,
		spec->expression,
		jobq_cron_array(c->minutes, 0, 59, mi, sizeof(mi)),
		jobq_cron_array(c->hours, 0, 23, ho, sizeof(ho)),
		jobq_cron_array(c->days, 1, 31, da, sizeof(da)),
		jobq_cron_array(c->months, 1, 12, mo, sizeof(mo)),
		jobq_cron_array(c->weekdays, 0, 6, wd, sizeof(wd)),
		c->days_any ? "t" : "f",
		c->weekdays_any ? "t" : "f",
		spec->tz,
		spec->type,
		spec->payload,
		spec->queue,
		spec->max_attempts > 0 ? store_i64(att, spec->max_attempts) : NULL,
		spec->catch_up,
		spec->replace ? "t" : "f",
	};
	PGresult *res;
	int r = jobq_store_exec(
		st, NULL,
		"SELECT " SLOT_TEXT("jobq_cli_schedule_add($1, $2, $3::int[], $4::int[], $5::int[],"
				    " $6::int[], $7::int[], $8::boolean, $9::boolean, $10, $11,"
				    " $12::jsonb, $13, $14::int, $15, $16::boolean)"),
		16, p, &res, "schedule add", err);

	if (r != 0)
		return r;
	one_value(res, next_slot, JOBQ_SLOT_BUF);
	return 0;
}

/* clang-format off */
static const char SQL_SCHEDULE_LIST[] =
	"SELECT name, expression, tz, type, payload, queue, max_attempts, catch_up, paused,"
	" " SLOT_TEXT("next_slot") " AS next_slot, " SLOT_TEXT("last_slot") " AS last_slot,"
	" last_job_id, failures, " SLOT_TEXT("retry_at") " AS retry_at,"
	" " SLOT_TEXT("created_at") " AS created_at"
	" FROM schedules ORDER BY name";
/* clang-format on */

int jobq_store_schedule_list(struct jobq_store *st, PGresult **out, struct jobq_err *err)
{
	return jobq_store_exec(st, NULL, SQL_SCHEDULE_LIST, 0, NULL, out, "schedule list", err);
}

static int not_found(const char *name, struct jobq_err *err)
{
	return jobq_err_set(err, JOBQ_ENOTFOUND, "no schedule '%.80s'", name);
}

int jobq_store_schedule_rm(struct jobq_store *st, const char *name, struct jobq_err *err)
{
	const char *p[1] = { name };
	PGresult *res;
	int r = jobq_store_exec(st, NULL, "SELECT jobq_cli_schedule_rm($1)", 1, p, &res,
				"schedule rm", err);
	bool found;

	if (r != 0)
		return r;
	found = store_bool(res, 0, 0);
	PQclear(res);
	return found ? 0 : not_found(name, err);
}

int jobq_store_schedule_pause(struct jobq_store *st, const char *name, bool pause,
			      char next_slot[JOBQ_SLOT_BUF], struct jobq_err *err)
{
	const char *p[2] = { name, pause ? "t" : "f" };
	PGresult *res;
	int r = jobq_store_exec(
		st, NULL,
		"WITH s AS (SELECT jobq_cli_schedule_pause($1, $2::boolean) AS n) "
		"SELECT s.n IS NOT NULL, CASE WHEN s.n <> 'infinity' THEN " SLOT_TEXT(
			"s.n") " END FROM s",
		2, p, &res, pause ? "schedule pause" : "schedule resume", err);

	if (r != 0)
		return r;
	if (!store_bool(res, 0, 0)) {
		PQclear(res);
		return not_found(name, err);
	}
	store_copy(next_slot, JOBQ_SLOT_BUF,
		   PQgetisnull(res, 0, 1) ? "none" : PQgetvalue(res, 0, 1));
	PQclear(res);
	return 0;
}

int jobq_store_schedule_run(struct jobq_store *st, const char *name, char id[JOBQ_ID_BUF],
			    struct jobq_err *err)
{
	const char *p[1] = { name };
	PGresult *res;
	int r = jobq_store_exec(st, NULL, "SELECT jobq_cli_schedule_run($1)", 1, p, &res,
				"schedule run", err);

	if (r != 0)
		return r;
	if (PQgetisnull(res, 0, 0)) {
		PQclear(res);
		return not_found(name, err);
	}
	one_value(res, id, JOBQ_ID_BUF);
	return 0;
}
