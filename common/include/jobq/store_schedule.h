/* Cron schedules' statements (migration 0015, docs/scheduling.md): firing due slots (the
 * consumer's relay) and the CLI's add, list, rm, pause, resume and run. Every write is one
 * call of a SECURITY DEFINER function, one transaction. */
#ifndef JOBQ_STORE_SCHEDULE_H
#define JOBQ_STORE_SCHEDULE_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "jobq/cron.h"
#include "jobq/ids.h"
#include "jobq/store.h"

/* Room for a slot as the store prints it ("2026-12-06T13:00:00Z") or "none". */
#define JOBQ_SLOT_BUF 40

/* Fire the due slots of running schedules (jobq_schedule_fire): in one transaction, lock
 * the due rows other sessions do not hold, record each slot in schedule_slots and insert
 * its job (no key; job_metadata {"schedule", "slot"}; due and unpublished: the relay's next
 * take publishes it) and move the schedules past the slots fired, at most `budget` jobs per
 * call. relay_interval_ms is the caller's relay interval: catch-up none fires a slot at
 * most max(60 s, twice that) late. A schedule whose job the database refuses is left as it
 * was (still due, backing off) and named in problems ("schedule NAME not fired: why; ...",
 * "" when none; cut to len). Returns the number of jobs inserted (>= 0), or JOBQ_EDB
 * (JOBQ_EAGAIN) with nothing fired; JOBQ_EINTERNAL when the reply lacks a column (after
 * the commit). */
int jobq_store_schedule_fire(struct jobq_store *st, int budget, int64_t relay_interval_ms,
			     char *problems, size_t len, struct jobq_err *err) JOBQ_WUR;

/* A schedule to add. payload (JSON text) and queue may be NULL (defaults {} and
 * "default"); max_attempts 0 = 3. */
struct jobq_schedule_spec {
	const char *name;
	const char *expression; /* as given; stored for display */
	const struct jobq_cron *cron;
	const char *tz;
	const char *type;
	const char *payload;
	const char *queue;
	int max_attempts;
	const char *catch_up; /* "none", "last" or "all" */
	bool replace;         /* take the place of a schedule of that name */
};

/* Add a schedule; its first slot (UTC, ISO 8601) into next_slot. 0, or JOBQ_EINVAL with the
 * server's one-line message (an unknown time zone, a name in use without replace, a value
 * a table check refuses), JOBQ_EDB. */
int jobq_store_schedule_add(struct jobq_store *st, const struct jobq_schedule_spec *spec,
			    char next_slot[JOBQ_SLOT_BUF], struct jobq_err *err) JOBQ_WUR;

/* Every schedule, by name: a result the caller PQclears, with the columns name,
 * expression, tz, type, payload (jsonb), queue, max_attempts, catch_up, paused (boolean),
 * next_slot, last_slot (UTC ISO 8601, or NULL), last_job_id, failures (fire attempts that
 * failed in a row), retry_at (UTC ISO 8601, or NULL when not failing), created_at. JOBQ_EDB. */
int jobq_store_schedule_list(struct jobq_store *st, PGresult **out, struct jobq_err *err) JOBQ_WUR;

/* Remove a schedule (its jobs stay). 0, JOBQ_ENOTFOUND ("no schedule 'x'"), JOBQ_EDB. */
int jobq_store_schedule_rm(struct jobq_store *st, const char *name, struct jobq_err *err) JOBQ_WUR;

/* Pause (pause true) or resume a schedule; a resumed one counts its slots from now. Its
 * next slot into next_slot ("none" when it has none left). 0, JOBQ_ENOTFOUND, JOBQ_EDB. */
int jobq_store_schedule_pause(struct jobq_store *st, const char *name, bool pause,
			      char next_slot[JOBQ_SLOT_BUF], struct jobq_err *err) JOBQ_WUR;

/* Insert the schedule's job now, with a key of its own, its slots unchanged; the commit
 * wakes the consumers' relays, which publish it. The job id into id. 0, JOBQ_ENOTFOUND,
 * JOBQ_EDB. */
int jobq_store_schedule_run(struct jobq_store *st, const char *name, char id[JOBQ_ID_BUF],
			    struct jobq_err *err) JOBQ_WUR;

#endif
