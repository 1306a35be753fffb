/* The executors' claims and outcomes, combined into shared statements on the consumer's
 * write session (write.h): the batch itself, and the claim and finish that queue for one. */
#include <unistd.h>

#include "exec_db.h"
#include "jobq/clock.h"
#include "jobq/log.h"
#include "write.h"

/* One executor's write: a claim (out and claim_id set) or an attempt's outcome (o, and
 * the token its claim holds, set; attempt is for messages). */
struct write_item {
	const char *job_id;
	struct jobq_claim *out;
	const struct jobq_config *lease_cfg; /* set for a claim: the lease it asked for */
	int64_t claim_id;
	int attempt;
	int64_t token;
	const struct jobq_outcome *o;
	struct jobq_err *err;
};

/* The combined statement's arguments, for exec_db_run. */
struct write_call {
	const char *worker_id;
	int64_t lease_ms;
	struct jobq_claim_req *claims;
	size_t nc;
	struct jobq_finish_req *fins;
	size_t nf;
	int64_t hand_grace_ms; /* jobq_store_write_many_to's; 0: none */
	int64_t handed_at;     /* ... and what it gave back (0: nothing) */
};

static int write_many(struct jobq_store *st, void *ctx, struct jobq_err *err)
{
	struct write_call *a = ctx;

	return jobq_store_write_many_to(st, a->worker_id, a->lease_ms, a->claims, a->nc, a->fins,
					a->nf, a->hand_grace_ms, &a->handed_at, err);
}

/* The combiner's batch (combine_fn), run by the leading executor on the consumer's write
 * session (one session for every batch: one warm backend, its plans and caches made once,
 * instead of one per executor): every waiting claim and outcome in one statement and one
 * commit. A statement the server refused (not an outage: the connection is still up) is
 * run again one item at a time, so one bad row cannot fail its neighbours. */
static void write_batch(void *ctx, void **items, int *results, size_t n)
{
	struct executor *x = ctx;
	const struct jobq_config *cfg = x->c->cfg; /* one lease for the whole batch */
	struct jobq_claim_req claims[COMBINE_BATCH_MAX];
	struct jobq_finish_req fins[COMBINE_BATCH_MAX];
	struct write_call call = { .worker_id = x->c->worker_id,
				   .lease_ms = cfg->lease_duration_ms,
				   .claims = claims,
				   .fins = fins };
	struct jobq_err err = { 0 };
	size_t step = n, at = 0, m, ix[COMBINE_BATCH_MAX];
	int r;

	/* The jobs these ends release go to this consumer's relay (migration 0060), which
	 * publishes them without taking them first; not once the drain began (the relay no
	 * longer publishes: they would wait out the grace). A grace the database does not
	 * take (outside 100 ms to 60 s) hands nothing. */
	if (!atomic_load(&x->c->draining))
		call.hand_grace_ms = cfg->relay_grace_ms;

	while (at < n) {
		m = n - at < step ? n - at : step;
		call.nc = call.nf = 0;
		for (size_t i = at; i < at + m; i++) {
			struct write_item *it = items[i];

			/* ix: where the item's request sits in claims[] or fins[] */
			if (it->o != NULL) {
				ix[i] = call.nf;
				fins[call.nf++] = (struct jobq_finish_req){ .job_id = it->job_id,
									    .token = it->token,
									    .o = it->o };
			} else {
				ix[i] = call.nc;
				claims[call.nc++] =
					(struct jobq_claim_req){ .job_id = it->job_id,
								 .claim_id = it->claim_id };
			}
		}
		r = exec_db_run(x, &x->c->write_st, "writer", write_many, &call, &err);
		if (r != 0 && m > 1 && x->c->write_st != NULL && jobq_store_ok(x->c->write_st)) {
			step = 1; /* the same items again, one at a time */
			continue;
		}
		if (r == 0) {
			atomic_fetch_add(&x->c->metrics.written[0], call.nc);
			atomic_fetch_add(&x->c->metrics.written[1], call.nf);
			if (call.handed_at != 0)
				consumer_hand_released(x->c, call.handed_at);
		}
		for (size_t i = at; i < at + m; i++) {
			struct write_item *it = items[i];

			if (r != 0) {
				*it->err = err;
				results[i] = r;
			} else if (it->o != NULL) {
				if ((results[i] = fins[ix[i]].r) != 0)
					jobq_err_set(it->err, JOBQ_ELOST,
						     "job %s attempt %d: lease lost, "
						     "outcome not written",
						     it->job_id, it->attempt);
			} else if ((results[i] = claims[ix[i]].r) == 0) {
				*it->out = claims[ix[i]].out;
				it->lease_cfg = cfg;
			}
		}
		at += m;
	}
}

int64_t write_next_claim_id(struct executor *x)
{
	int64_t id = (int64_t)((uint64_t)x->claim_base + (uint64_t)++x->claim_seq);

	x->sent_claim = id != 0 ? id : 1;
	return x->sent_claim;
}

int write_claim(struct executor *x, const char *job_id, int64_t claim_id, struct jobq_claim *out,
		const struct jobq_config **lease_cfg, struct jobq_err *err)
{
	struct write_item it = { .job_id = job_id, .out = out, .claim_id = claim_id, .err = err };
	int r = combiner_run(&x->c->writes, &it, write_batch, x);

	*lease_cfg = it.lease_cfg;
	return r;
}

int write_finish(struct executor *x, const struct jobq_claim *cl, const struct jobq_outcome *o,
		 struct jobq_err *err)
{
	struct write_item it = {
		.job_id = cl->id, .attempt = cl->attempt, .token = cl->token, .o = o, .err = err
	};

	return combiner_run(&x->c->writes, &it, write_batch, x);
}

int write_finish_and_claim(struct executor *x, const struct jobq_claim *cl,
			   const struct jobq_outcome *o, struct jobq_err *err, struct ahead *next,
			   int64_t claim_id)
{
	struct write_item fin = {
		.job_id = cl->id, .attempt = cl->attempt, .token = cl->token, .o = o, .err = err
	};
	struct write_item claim = { .job_id = next->d.env.job_id,
				    .out = &next->out,
				    .claim_id = claim_id,
				    .err = &next->err };
	void *items[2] = { &fin, &claim };
	int results[2];

	combiner_run_many(&x->c->writes, items, results, 2, write_batch, x);
	next->r = results[1];
	next->lease_cfg = claim.lease_cfg;
	return results[0];
}

int write_finish_retrying(struct executor *x, const struct jobq_claim *cl,
			  const struct jobq_outcome *o, struct jobq_err *err)
{
	int64_t until = jobq_monotonic_ms() + x->c->cfg->lease_duration_ms;
	int r;

	jobq_backoff_reset(&x->finish_backoff);
	for (;;) {
		r = write_finish(x, cl, o, err);
		if (r != JOBQ_EAGAIN || atomic_load(&x->exec->lost) || consumer_hard_stop(x->c) ||
		    jobq_monotonic_ms() + x->finish_backoff.cur > until)
			return r;
		jobq_warn("finish_retry", "worker", x->c->worker_id, "job", cl->id, "error",
			  err->msg);
		usleep((useconds_t)jobq_backoff_next(&x->finish_backoff) * 1000);
	}
}
