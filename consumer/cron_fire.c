/* Firing cron schedules from the relay thread (cron_fire.h): one transaction per tick takes
 * the due schedules no other relay holds and inserts their slots' jobs; the relay's round
 * that follows publishes them like any due, unpublished job. */
#include "cron_fire.h"
#include "jobq/log.h"
#include "jobq/store_schedule.h"

/* At most this many jobs per tick (catch-up all of a long outage goes on at the next). */
#define FIRE_BUDGET 100

bool cron_fire(struct consumer *c, struct jobq_store *st)
{
	struct jobq_err err = { 0 };
	char count[24], problems[JOBQ_ERR_MSG_MAX];
	int n = jobq_store_schedule_fire(st, FIRE_BUDGET, c->cfg->relay_interval_ms, problems,
					 sizeof(problems), &err);

	if (n < 0) {
		jobq_warn("schedules_not_fired", "worker", c->worker_id, "error", err.msg);
		return false;
	}
	if (problems[0] != '\0')
		jobq_warn("schedules_not_fired", "worker", c->worker_id, "error", problems);
	if (n > 0)
		jobq_info("schedules_fired", "worker", c->worker_id, "jobs",
			  jobq_log_int(count, n));
	return n > 0;
}
