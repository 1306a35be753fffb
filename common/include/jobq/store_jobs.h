/* The job statements, one header per family, for callers that use several: submit and the
 * publish mark (store_submit.h), claims, outcomes and heartbeats (store_lease.h), takeover
 * and the reaper (store_takeover.h), the relay and dead letters (store_relay.h), the worker
 * registry (store_worker.h), waiting for a job's end (store_wait.h), cancels
 * (store_cancel.h), and the operator's retry and prune (store_admin.h). All lease
 * arithmetic happens in SQL on the database clock; every write a worker makes about a job
 * is fenced by worker id and lease token. */
#ifndef JOBQ_STORE_JOBS_H
#define JOBQ_STORE_JOBS_H

#include "jobq/store_admin.h"
#include "jobq/store_cancel.h"
#include "jobq/store_lease.h"
#include "jobq/store_relay.h"
#include "jobq/store_submit.h"
#include "jobq/store_takeover.h"
#include "jobq/store_wait.h"
#include "jobq/store_worker.h"

#endif
