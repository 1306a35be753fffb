/* jobq batch status: a batch's progress (migration 0051, docs/workflows.md "Batches with
 * callbacks"): its jobs by state, how many are left, whether it completed, and its callback
 * jobs with their states. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "jobq/parse.h"
#include "jobq/store_batch.h"

static const char HELP[] =
	"usage: jobq batch status ID [--json]\n"
	"\n"
	"Show the progress of batch ID (made by `jobq submit --batch FILE --on-complete ...`\n"
	"or `--on-success ...`): its jobs by state, the total, how many are unfinished, when\n"
	"it completed (its last job ended), and its callback jobs with their states. A\n"
	"callback job exists once the batch completed (--on-success's only if every job\n"
	"succeeded).\n"
	"\n"
	"options:\n"
	"  --json   one JSON object: {\"id\", \"created_at\", \"completed\", \"completed_at\",\n"
	"           \"total\", \"left\", \"counts\": {STATE: N}, \"callback_queue\",\n"
	"           \"on_complete\", \"on_success\": {\"type\", \"job\", \"state\"} or null}\n"
	"\n"
	"exit status: 0 shown; 2 usage or an id that is not a UUID; 3 no such batch;\n"
	"5 database unavailable.\n";

/* A callback as JSON: null when the batch has none. */
static json_t *callback_json(const struct jobq_batch_callback *cb)
{
	if (cb->type[0] == '\0')
		return json_null();
	return json_pack("{s:s, s:s?, s:s?}", "type", cb->type, "job",
			 cb->job_id[0] != '\0' ? cb->job_id : NULL, "state",
			 cb->state[0] != '\0' ? cb->state : NULL);
}

static void callback_text(const char *name, const struct jobq_batch_callback *cb)
{
	if (cb->type[0] == '\0')
		return;
	if (cb->job_id[0] == '\0')
		printf("%-12s %s: not queued\n", name, cb->type);
	else
		printf("%-12s %s: job %s (%s)\n", name, cb->type, cb->job_id,
		       cb->state[0] != '\0' ? cb->state : "pruned");
}

static int show(struct cli *cli, const struct jobq_batch_status *b)
{
	if (cli->json) {
		json_t *o = json_object(), *counts = json_object();

		for (int s = 0; s < JOBQ_STATUS_COUNT; s++)
			json_object_set_new(counts, jobq_status_name((enum jobq_status)s),
					    json_integer(b->counts[s]));
		json_object_set_new(o, "id", json_string(b->id));
		json_object_set_new(o, "created_at", json_string(b->created_at));
		json_object_set_new(o, "completed", json_boolean(b->completed_at[0] != '\0'));
		json_object_set_new(o, "completed_at",
				    b->completed_at[0] != '\0' ? json_string(b->completed_at)
							       : json_null());
		json_object_set_new(o, "total", json_integer(b->total));
		json_object_set_new(o, "left", json_integer(b->left));
		json_object_set_new(o, "counts", counts);
		json_object_set_new(o, "callback_queue", json_string(b->queue));
		json_object_set_new(o, "on_complete", callback_json(&b->on_complete));
		json_object_set_new(o, "on_success", callback_json(&b->on_success));
		cli_print_json(o);
		return CLI_EXIT_OK;
	}
	printf("batch        %s\n", b->id);
	printf("created      %s\n", b->created_at);
	printf("jobs         %lld total, %lld left\n", (long long)b->total, (long long)b->left);
	printf("states      ");
	for (int s = 0; s < JOBQ_STATUS_COUNT; s++)
		printf(" %s %lld", jobq_status_name((enum jobq_status)s), (long long)b->counts[s]);
	printf("\n");
	if (b->completed_at[0] != '\0')
		printf("completed    %s\n", b->completed_at);
	else
		printf("completed    no\n");
	callback_text("on_complete", &b->on_complete);
	callback_text("on_success", &b->on_success);
	printf("queue        %s\n", b->queue);
	return CLI_EXIT_OK;
}

int cmd_batch(struct cli *cli, int argc, char **argv)
{
	struct jobq_batch_status b;
	struct jobq_err err = { 0 };
	struct jobq_store *st;
	char id[JOBQ_ID_BUF];
	int c;

	while ((c = cli_getopt(cli, argc, argv, "", NULL, HELP)) != -1) {
		if (c == 'h')
			return CLI_EXIT_OK;
		return CLI_EXIT_USAGE;
	}
	if (optind >= argc)
		return cli_usage(cli, "missing subcommand (status)");
	if (strcmp(argv[optind], "status") != 0)
		return cli_usage(cli, "unknown subcommand '%s' (status)", argv[optind]);
	if (optind + 1 >= argc)
		return cli_usage(cli, "status: missing batch ID");
	if (optind + 2 < argc)
		return cli_usage(cli, "status: unexpected argument '%s'", argv[optind + 2]);
	if (jobq_parse_uuid(argv[optind + 1], id, &err) != 0)
		return cli_fail(cli, CLI_EXIT_USAGE, "batch id: %s", err.msg);
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_batch_status(st, id, &b, &err) != 0)
		return cli_fail_err(cli, &err);
	return show(cli, &b);
}
