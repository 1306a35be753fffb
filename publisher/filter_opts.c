/* Parsing of the shared filter options into a struct jobq_job_filter (contract in
 * filter_opts.h). */
#include "filter_opts.h"

#include <string.h>

#include "jobq/envelope.h"
#include "jobq/job.h"
#include "jobq/parse.h"

bool filter_opt(struct cli *cli, int c, const char *value, struct jobq_job_filter *f, int *status)
{
	enum jobq_status st;
	struct jobq_err err;
	int r = 0;

	switch (c) {
	case FILTER_OPT_STATUS:
		if ((r = jobq_status_parse(value, &st, &err)) == 0)
			f->status = value;
		else
			(void)jobq_err_prefix(&err, "--status");
		break;
	case FILTER_OPT_TYPE:
		if (jobq_job_type_valid(value))
			f->type = value;
		else
			r = jobq_err_set(&err, JOBQ_EINVAL,
					 "--type: '%.80s' is not a job type (1-64 characters of "
					 "A-Z a-z 0-9 _ . : -)",
					 value);
		break;
	case FILTER_OPT_QUEUE:
		if (jobq_queue_name_valid(value))
			f->queue = value;
		else
			r = jobq_err_set(&err, JOBQ_EINVAL,
					 "--queue: '%.80s' is not a queue name (1 to 64 of A-Z "
					 "a-z 0-9 _ . -)",
					 value);
		break;
	case FILTER_OPT_WORKER:
		if (jobq_filter_text_valid(value, 255))
			f->worker = value;
		else if (value[0] == '\0' || strlen(value) > 255)
			r = jobq_err_set(&err, JOBQ_EINVAL,
					 "--worker: a worker id is 1 to 255 bytes");
		else
			r = jobq_err_set(&err, JOBQ_EINVAL,
					 "--worker: '%s' is not a worker id (valid UTF-8 without "
					 "control characters)",
					 value);
		break;
	case FILTER_OPT_META:
		r = jobq_meta_pair_add(&f->meta, "--meta", value, &err);
		break;
	case FILTER_OPT_SINCE:
		r = jobq_time_bound_parse("--since", value, &f->since, &err);
		break;
	case FILTER_OPT_UNTIL:
		r = jobq_time_bound_parse("--until", value, &f->until, &err);
		break;
	default:
		return false;
	}
	*status = r != 0 ? cli_usage(cli, "%s", err.msg) : 0;
	return true;
}
