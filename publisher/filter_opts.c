/* Parsing of the shared filter options into a struct jobq_job_filter (contract in
 * filter_opts.h). */
#include "filter_opts.h"

bool filter_opt(struct cli *cli, int c, const char *value, struct jobq_job_filter *f, int *status)
{
	static const struct {
		int opt;
		enum jobq_filter_field field;
		const char *name;
	} map[] = {
		{ FILTER_OPT_STATUS, JOBQ_FILTER_STATUS, "--status" },
		{ FILTER_OPT_TYPE, JOBQ_FILTER_TYPE, "--type" },
		{ FILTER_OPT_QUEUE, JOBQ_FILTER_QUEUE, "--queue" },
		{ FILTER_OPT_WORKER, JOBQ_FILTER_WORKER, "--worker" },
		{ FILTER_OPT_META, JOBQ_FILTER_META, "--meta" },
		{ FILTER_OPT_SINCE, JOBQ_FILTER_SINCE, "--since" },
		{ FILTER_OPT_UNTIL, JOBQ_FILTER_UNTIL, "--until" },
	};
	struct jobq_err err;

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		if (map[i].opt != c)
			continue;
		*status = jobq_job_filter_set(f, map[i].field, map[i].name, value, &err) != 0
				  ? cli_usage(cli, "%s", err.msg)
				  : 0;
		return true;
	}
	return false;
}
