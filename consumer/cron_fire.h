/* Firing cron schedules from the relay thread (docs/scheduling.md, "Cron schedules"). */
#ifndef JOBQ_CRON_FIRE_H
#define JOBQ_CRON_FIRE_H

#include <stdbool.h>
#include "consumer.h"
#include "jobq/store.h"

/* Fire the due slots of the schedules on the relay's session st: every consumer's relay
 * calls this on each tick, and the database makes each slot fire exactly once among them
 * (jobq_store_schedule_fire). Logs what it fired and any failure (the next tick tries
 * again). Returns true when jobs were inserted: the caller's relay round publishes them
 * now. */
bool cron_fire(struct consumer *c, struct jobq_store *st);

#endif
