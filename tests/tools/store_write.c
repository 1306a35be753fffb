/* store_write: one jobq_store_write_many call (the consumer's combined claim and finish
 * statement) on a worker session, for test_store_write.sh, which sets the rows up and checks
 * what the statement made of them.
 *
 *   store_write WORKER LEASE_MS ITEM...      (the database: JOBQ_DATABASE_URL)
 *   ITEM: claim,ID,CLAIM_ID
 *         finish,ID,TOKEN,STATUS,DELAY_MS,GRACE_MS,UNCOUNTED(0|1),PROGRESS(JSON or -)
 *
 * A succeeded outcome carries the result {"from":"store_write"}; failed, scheduled and
 * cancelled the error "error of ID"; every outcome the reason "reason of ID". Prints one line
 * per item in order: "claim ID r=R token=T attempt=A claim_id=C" (token, attempt and the
 * claim id its row took only when R is 0) or "finish ID r=R", R being the item's code
 * (0, or the JOBQ_E* name). Exit 0 when the statement ran, 1 with the error when it did not,
 * 2 on a bad argument. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobq/err.h"
#include "jobq/store.h"
#include "jobq/store_lease.h"

#define MAX_ITEMS 64

static const char *code_name(int r)
{
	switch (r) {
	case 0:
		return "0";
	case JOBQ_ECONFLICT:
		return "ECONFLICT";
	case JOBQ_ELOST:
		return "ELOST";
	default:
		return "OTHER";
	}
}

/* The comma-separated fields of arg, in place: their count, at most max. */
static int split(char *arg, char **f, int max)
{
	int n = 0;

	for (char *p = arg; n < max; n++) {
		f[n] = p;
		if ((p = strchr(p, ',')) == NULL)
			return n + 1;
		*p++ = '\0';
	}
	return max + 1;
}

static int parse_status(const char *s, enum jobq_status *out)
{
	static const struct {
		const char *name;
		enum jobq_status st;
	} names[] = { { "succeeded", JOBQ_SUCCEEDED },
		      { "failed", JOBQ_FAILED },
		      { "cancelled", JOBQ_CANCELLED },
		      { "scheduled", JOBQ_SCHEDULED },
		      { "queued", JOBQ_QUEUED } };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].st;
			return 0;
		}
	return -1;
}

int main(int argc, char **argv)
{
	static struct jobq_claim_req claims[MAX_ITEMS];
	static struct jobq_finish_req fins[MAX_ITEMS];
	static struct jobq_outcome outs[MAX_ITEMS];
	static char texts[MAX_ITEMS][2][128];
	char kind[MAX_ITEMS]; /* 'c' or 'f', per argument, in order */
	size_t nc = 0, nf = 0;
	const char *url = getenv("JOBQ_DATABASE_URL");
	struct jobq_store *st = NULL;
	struct jobq_err err = { 0 };
	int rc = 1;

	if (argc < 4 || argc - 3 > MAX_ITEMS || url == NULL) {
		fprintf(stderr,
			"usage: store_write WORKER LEASE_MS ITEM... (1..%d items, "
			"JOBQ_DATABASE_URL set)\n",
			MAX_ITEMS);
		return 2;
	}
	for (int a = 3; a < argc; a++) {
		char *f[8];
		int n = split(argv[a], f, 8);

		if (n == 3 && strcmp(f[0], "claim") == 0) {
			claims[nc++] =
				(struct jobq_claim_req){ .job_id = f[1], .claim_id = atoll(f[2]) };
			kind[a - 3] = 'c';
		} else if (n == 8 && strcmp(f[0], "finish") == 0 &&
			   parse_status(f[3], &outs[nf].to) == 0) {
			struct jobq_outcome *o = &outs[nf];

			snprintf(texts[nf][0], sizeof(texts[nf][0]), "error of %s", f[1]);
			snprintf(texts[nf][1], sizeof(texts[nf][1]), "reason of %s", f[1]);
			o->result = o->to == JOBQ_SUCCEEDED ? "{\"from\":\"store_write\"}" : NULL;
			o->error = o->to == JOBQ_SUCCEEDED || o->to == JOBQ_QUEUED ? NULL
										   : texts[nf][0];
			o->reason = texts[nf][1];
			o->retry_delay_ms = atoll(f[4]);
			o->release_grace_ms = atoll(f[5]);
			o->uncounted = strcmp(f[6], "1") == 0;
			o->progress = strcmp(f[7], "-") == 0 ? NULL : f[7];
			fins[nf] = (struct jobq_finish_req){ .job_id = f[1],
							     .token = atoll(f[2]),
							     .o = o };
			nf++;
			kind[a - 3] = 'f';
		} else {
			fprintf(stderr,
				"store_write: argument %d ('%s'): not claim,ID,CLAIM_ID or "
				"finish,ID,TOKEN,STATUS,DELAY_MS,GRACE_MS,UNCOUNTED,PROGRESS\n",
				a, argv[a]);
			return 2;
		}
	}
	if (jobq_store_connect_as(url, "store_write", JOBQ_STORE_WORKER, &st, &err) != 0 ||
	    jobq_store_write_many(st, argv[1], atoll(argv[2]), claims, nc, fins, nf, &err) != 0) {
		fprintf(stderr, "store_write: %s\n", err.msg);
		goto out;
	}
	for (int a = 3, ic = 0, jf = 0; a < argc; a++) {
		if (kind[a - 3] == 'c') {
			struct jobq_claim_req *c = &claims[ic++];

			if (c->r == 0)
				printf("claim %s r=0 token=%lld attempt=%d claim_id=%lld\n",
				       c->job_id, (long long)c->out.token, c->out.attempt,
				       (long long)c->claim_id);
			else
				printf("claim %s r=%s\n", c->job_id, code_name(c->r));
			jobq_claim_release(&c->out);
		} else {
			printf("finish %s r=%s\n", fins[jf].job_id, code_name(fins[jf].r));
			jf++;
		}
	}
	rc = 0;
out:
	jobq_store_free(st);
	return rc;
}
