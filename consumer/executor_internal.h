/* What an executor's two files share: the delivery loop and the run (executor.c) and the
 * reconcile of a delivery that could not be claimed (reconcile_run.c). Executor threads
 * only. */
#ifndef JOBQ_CONSUMER_EXECUTOR_INTERNAL_H
#define JOBQ_CONSUMER_EXECUTOR_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "consumer.h"
#include "executor.h"
#include "jobq/config.h"
#include "jobq/store_lease.h"

/* ADOPT: the job runs here already. A delivery from a newer connection replaces the
 * older one; a duplicate on the same connection is acked at once. Returns false if no
 * execution here runs it: a previous process with this worker id died. */
bool executor_adopt(struct executor *x, const struct delivery *d);

/* Free the slot; returns the delivery to settle (it may have been adopted meanwhile). */
void executor_unreserve(struct executor *x, uint64_t *tag, uint64_t *gen);

/* Free the slot of delivery d and settle it with kind, after a pause first when pause (the
 * server refused a statement); an express delivery given back is flagged for the
 * lost-message record first. */
void executor_release_slot(struct executor *x, const struct delivery *d, enum settle_kind kind,
			   bool pause);

/* Run a claimed job and write its outcome. The slot is reserved by the caller and freed
 * here. The claim was sent at sent_ms under lease_cfg. */
void executor_run(struct executor *x, struct jobq_claim *cl, bool takeover, int64_t sent_ms,
		  const struct jobq_config *lease_cfg);

/* Reconcile a delivery that could not be claimed (docs/design.md §6). The slot is
 * reserved. */
void executor_reconcile(struct executor *x, const struct delivery *d);

#endif
