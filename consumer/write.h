/* The executors' claims and outcomes, combined: each executor hands its write to the
 * consumer's combiner (combine.h), and whichever executor leads a batch runs every waiting
 * claim and finish as one statement and one commit on the consumer's write session. */
#ifndef JOBQ_CONSUMER_WRITE_H
#define JOBQ_CONSUMER_WRITE_H

#include <stdint.h>

#include "executor.h"
#include "jobq/config.h"
#include "jobq/err.h"
#include "jobq/store_jobs.h"

/* A new claim id, remembered in x->sent_claim as the one sent for the delivery at hand:
 * if the claim's reply is lost after its commit, the row carries it and reconcile knows
 * the claim. Never 0. */
int64_t write_next_claim_id(struct executor *x);

/* Claim job_id for this worker under claim_id (write_next_claim_id; a claim sent again
 * keeps the id of its first try), in one statement with whatever other executors of this
 * process are claiming or finishing at the same moment. Returns as jobq_store_claim
 * (0, JOBQ_ECONFLICT when the job is not claimable, JOBQ_EDB...); on success *out is the
 * claim (the caller releases it with jobq_claim_release) and *lease_cfg the configuration
 * whose lease_duration the claim asked for. */
int write_claim(struct executor *x, const char *job_id, int64_t claim_id, struct jobq_claim *out,
		const struct jobq_config **lease_cfg, struct jobq_err *err) JOBQ_WUR;

/* Write an attempt's outcome o, fenced on cl's token, combined with other executors'
 * claims and finishes: 0, JOBQ_ELOST (the lease was lost, nothing written), JOBQ_EINVAL
 * (the server refused the outcome itself) or another error. o's strings are only read. */
int write_finish(struct executor *x, const struct jobq_claim *cl, const struct jobq_outcome *o,
		 struct jobq_err *err) JOBQ_WUR;

/* write_finish() of cl's outcome o together with the claim of next->d's job under claim_id,
 * queued at once
 * so that both usually go out in one statement and one commit (a job's finish and the
 * next job's claim cost one round trip instead of two). Returns the finish's result as
 * write_finish(); the claim's is in next->r (and next->out, next->lease_cfg or
 * next->err). A statement the server refused is tried
 * again one item at a time (write_batch), so each result is the item's own. */
int write_finish_and_claim(struct executor *x, const struct jobq_claim *cl,
			   const struct jobq_outcome *o, struct jobq_err *err, struct ahead *next,
			   int64_t claim_id) JOBQ_WUR;

/* write_finish(), again while the database turns the outcome down for a passing reason
 * (JOBQ_EAGAIN: nothing committed), the lease holds (the keeper keeps extending it while
 * the slot is reserved) and shutdown still waits, at most one lease duration in all. An
 * outcome that did not commit must not be acked: the row would stay running with no
 * message until its lease lapsed. Returns the last result. */
int write_finish_retrying(struct executor *x, const struct jobq_claim *cl,
			  const struct jobq_outcome *o, struct jobq_err *err) JOBQ_WUR;

#endif
