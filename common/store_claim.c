/* Reading a handed-out claim out of a result (store_internal.h): the STORE_CLAIM_COLUMNS
 * that the claim, the read of a lost claim's reply and the takeover all return, resolved by
 * name and copied into a struct jobq_claim. No statement of its own. */
#include <string.h>

#include "jobq/store_lease.h"
#include "store_internal.h"

int store_claim_columns(const PGresult *res, struct store_claim_cols *cols, const char *what,
			struct jobq_err *err)
{
	static const char *const names[] = { "id",         "type",    "queue",
					     "payload",    "attempt", "max_attempts",
					     "timeout_ms", "wait_s",  "lease_token" };
	int c[sizeof(names) / sizeof(names[0])];
	int r;

	if ((r = store_columns(res, names, (int)(sizeof(names) / sizeof(names[0])), c, what,
			       err)) != 0)
		return r;
	*cols = (struct store_claim_cols){ .id = c[0],
					   .type = c[1],
					   .queue = c[2],
					   .payload = c[3],
					   .attempt = c[4],
					   .max_attempts = c[5],
					   .timeout_ms = c[6],
					   .wait_s = c[7],
					   .token = c[8] };
	return 0;
}

int store_claim_read(const PGresult *res, int row, const struct store_claim_cols *cols,
		     struct jobq_claim *out, struct jobq_err *err)
{
	memset(out, 0, sizeof(*out));
	store_copy(out->id, sizeof(out->id), PQgetvalue(res, row, cols->id));
	store_copy(out->type, sizeof(out->type), PQgetvalue(res, row, cols->type));
	store_copy(out->queue, sizeof(out->queue), PQgetvalue(res, row, cols->queue));
	out->attempt = store_int(res, row, cols->attempt);
	out->max_attempts = store_int(res, row, cols->max_attempts);
	out->timeout_ms = store_int64(res, row, cols->timeout_ms);
	out->wait_s = store_double(res, row, cols->wait_s);
	out->token = store_int64(res, row, cols->token);
	if ((out->payload = strdup(PQgetvalue(res, row, cols->payload))) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "claim: out of memory");
	return 0;
}
