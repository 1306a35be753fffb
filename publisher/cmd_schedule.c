/* jobq schedule: cron schedules (docs/scheduling.md, "Cron schedules"): add, list, rm,
 * pause, resume and run. The CLI parses the expression (common/cron.c); the database computes
 * the slots in the schedule's time zone and the consumers' relays fire them. */
#include <stdio.h>
#include <string.h>

#include "batch.h"
#include "cli.h"
#include "cmd_util.h"
#include "jobq/cron.h"
#include "jobq/store_schedule.h"
#include "jobq/submit_check.h"
#include "rows.h"

#define NAME_MAX_LEN 64

static const char HELP[] =
	"usage: jobq schedule add NAME CRON TYPE [PAYLOAD] [--queue Q] [--tz ZONE]\n"
	"                         [--max-attempts N] [--catch-up none|last|all] [--replace]\n"
	"       jobq schedule list\n"
	"       jobq schedule rm NAME\n"
	"       jobq schedule pause NAME\n"
	"       jobq schedule resume NAME\n"
	"       jobq schedule run NAME\n"
	"\n"
	"Cron schedules: a job of TYPE on every slot of CRON in a time zone, fired exactly\n"
	"once per slot by the relay of any running jobq-consumer. Each takes --json and\n"
	"--help ('jobq schedule add --help').\n"
	"\n"
	"exit status: 0 done; 2 usage or invalid input (bad cron, time zone, name, payload,\n"
	"a name in use); 3 no such schedule; 5 database unavailable.\n";

static const char ADD_HELP[] =
	"usage: jobq schedule add NAME CRON TYPE [PAYLOAD] [options]\n"
	"\n"
	"Add a schedule: a job of TYPE with PAYLOAD (JSON, default {}) on every slot of CRON.\n"
	"NAME: 1-64 characters of A-Z a-z 0-9 _ . : -. CRON: five fields (minute hour\n"
	"day-of-month month day-of-week) with *, lists, ranges, steps (*/15, 1-30/5), names\n"
	"(jan..dec, sun..sat; 7 is Sunday too), or @yearly @annually @monthly @weekly @daily\n"
	"@midnight @hourly. Quote it: \"*/5 * * * *\".\n"
	"\n"
	"options:\n"
	"  --queue Q          queue of the jobs (default: default)\n"
	"  --tz ZONE          time zone of the slots (default UTC), e.g. Europe/Berlin. A\n"
	"                     local time skipped by a spring-forward change fires at the\n"
	"                     first instant after the gap; one that occurs twice, once\n"
	"  --max-attempts N   attempts per job, 1-1000 (default 3)\n"
	"  --catch-up MODE    slots missed while no consumer ran: none (default: skip them;\n"
	"                     a slot fires up to 60 s, or twice consumer.relay_interval,\n"
	"                     late), last (fire the latest once) or all (fire each, oldest\n"
	"                     first)\n"
	"  --replace          replace a schedule of that name (else a name in use is an error)\n"
	"  --json             print {\"name\", \"next_slot\"}\n";

static const char LIST_HELP[] =
	"usage: jobq schedule list [--json]\n"
	"\n"
	"List the schedules by name: expression, time zone, type, queue, catch-up, state, next\n"
	"and last slot (UTC). The state is active or paused, followed by \"failing (N), retry\n"
	"TIME\" while the schedule's job cannot be inserted (N failures in a row; it is not\n"
	"tried again before TIME). --json prints a JSON array of schedule objects (with\n"
	"\"failures\" and \"retry_at\").\n";

static const char NAME_HELP[] =
	"usage: jobq schedule rm|pause|resume|run NAME [--json]\n"
	"\n"
	"rm      remove the schedule (its jobs stay)\n"
	"pause   fire no more slots until resumed\n"
	"resume  fire again, counting slots from now (the paused ones are not caught up)\n"
	"run     submit the schedule's job now, with a key of its own; the slots are unchanged\n"
	"\n"
	"--json prints one JSON object. exit status: 0 done; 2 usage; 3 no such schedule;\n"
	"5 database unavailable.\n";

/* A valid schedule name, else a usage error naming it. */
static bool name_ok(struct cli *cli, const char *name)
{
	size_t n = strlen(name);

	if (n >= 1 && n <= NAME_MAX_LEN &&
	    strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-") == n)
		return true;
	cli_fail(cli, CLI_EXIT_USAGE,
		 "schedule name '%.80s%s' is invalid (1-%d characters of A-Z a-z 0-9 _ . : -)",
		 name, n > 80 ? "..." : "", NAME_MAX_LEN);
	return false;
}

static int add(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "queue", required_argument, NULL, 'q' },
		{ "tz", required_argument, NULL, 'z' },
		{ "max-attempts", required_argument, NULL, 'm' },
		{ "catch-up", required_argument, NULL, 'c' },
		{ "replace", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct jobq_schedule_spec spec = { .tz = "UTC", .catch_up = "none" };
	struct jobq_cron cron;
	struct jobq_err err = { 0 };
	struct jobq_store *st;
	char next[JOBQ_SLOT_BUF];
	int64_t attempts = 0;
	int c;

	while ((c = cli_getopt(cli, argc, argv, "", opts, ADD_HELP)) != -1) {
		switch (c) {
		case 'q':
			spec.queue = optarg;
			break;
		case 'z':
			spec.tz = optarg;
			break;
		case 'm':
			if (!cli_int(cli, "--max-attempts", optarg, 1, 1000, &attempts))
				return CLI_EXIT_USAGE;
			break;
		case 'c':
			if (strcmp(optarg, "none") != 0 && strcmp(optarg, "last") != 0 &&
			    strcmp(optarg, "all") != 0)
				return cli_usage(cli, "--catch-up '%.80s' is not none, last or all",
						 optarg);
			spec.catch_up = optarg;
			break;
		case 'r':
			spec.replace = true;
			break;
		case 'h':
			return CLI_EXIT_OK;
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if (argc - optind < 3)
		return cli_usage(cli, "schedule add needs NAME CRON TYPE");
	if (argc - optind > 4)
		return cli_usage(cli, "unexpected argument '%s'", argv[optind + 4]);
	spec.name = argv[optind];
	spec.expression = argv[optind + 1];
	spec.type = argv[optind + 2];
	spec.payload = argc - optind == 4 ? argv[optind + 3] : NULL;
	spec.max_attempts = (int)attempts;
	spec.cron = &cron;
	if (!name_ok(cli, spec.name))
		return CLI_EXIT_USAGE;
	if (jobq_cron_parse(spec.expression, &cron, &err) != 0 ||
	    jobq_check_job(spec.type, spec.queue, NULL, &err) != 0 ||
	    (spec.payload != NULL && batch_check_payload(spec.payload, strlen(spec.payload),
							 cli->cfg.max_payload_bytes, &err) != 0))
		return cli_fail_err(cli, &err);
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_schedule_add(st, &spec, next, &err) != 0)
		return cli_fail_err(cli, &err);
	if (cli->json)
		return cmd_print_json(
			cli, json_pack("{s:s, s:s}", "name", spec.name, "next_slot", next));
	printf("added %s, next slot %s\n", spec.name, next);
	return CLI_EXIT_OK;
}

static int list_text(struct cli *cli, const PGresult *res)
{
	static const char *const headers[] = { "NAME",     "CRON",  "TZ",   "TYPE", "QUEUE",
					       "CATCH-UP", "STATE", "NEXT", "LAST" };
	struct rows_table t;
	int r = CLI_EXIT_OK;

	if (PQntuples(res) == 0) {
		printf("no schedules\n");
		return CLI_EXIT_OK;
	}
	if (rows_table_init(&t, 9, headers) != 0)
		goto nomem;
	for (int i = 0; i < PQntuples(res); i++) {
		const char *paused = rows_get(res, i, "paused");
		const char *failures = rows_get(res, i, "failures");
		const char *retry = rows_get(res, i, "retry_at");
		char state[96];
		const char *cells[9] = {
			rows_get(res, i, "name"),
			rows_get(res, i, "expression"),
			rows_get(res, i, "tz"),
			rows_get(res, i, "type"),
			rows_get(res, i, "queue"),
			rows_get(res, i, "catch_up"),
			state,
			rows_get(res, i, "next_slot"),
			rows_get(res, i, "last_slot"),
		};

		/* A schedule that failed to fire is "failing (N)" until it fires again; it is
		 * not tried again before its retry time. */
		if (failures != NULL && strcmp(failures, "0") != 0)
			snprintf(state, sizeof(state), "%s, failing (%s), retry %s",
				 paused != NULL && paused[0] == 't' ? "paused" : "active", failures,
				 retry != NULL ? retry : "-");
		else
			snprintf(state, sizeof(state), "%s",
				 paused != NULL && paused[0] == 't' ? "paused" : "active");
		if (rows_table_add(&t, cells) != 0)
			goto nomem;
	}
	rows_table_print(&t, stdout);
	goto out;
nomem:
	r = cli_fail(cli, CLI_EXIT_JOB_FAILED, "out of memory");
out:
	rows_table_free(&t);
	return r;
}

static int list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct jobq_err err = { 0 };
	struct jobq_store *st;
	PGresult *res;
	int c, r;

	while ((c = cli_getopt(cli, argc, argv, "", opts, LIST_HELP)) != -1)
		return c == 'h' ? CLI_EXIT_OK : CLI_EXIT_USAGE;
	if ((r = cmd_no_args(cli, argc, argv)) != 0)
		return r;
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_schedule_list(st, &res, &err) != 0)
		return cli_fail_err(cli, &err);
	r = cli->json ? cmd_print_json(cli, rows_array(res)) : list_text(cli, res);
	PQclear(res);
	return r;
}

/* rm, pause, resume, run: one NAME. */
static int by_name(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	const char *what = argv[0], *name;
	struct jobq_err err = { 0 };
	struct jobq_store *st;
	char out[JOBQ_SLOT_BUF > JOBQ_ID_BUF ? JOBQ_SLOT_BUF : JOBQ_ID_BUF];
	int c, r;

	while ((c = cli_getopt(cli, argc, argv, "", opts, NAME_HELP)) != -1)
		return c == 'h' ? CLI_EXIT_OK : CLI_EXIT_USAGE;
	if (optind >= argc)
		return cli_usage(cli, "schedule %s needs NAME", what);
	if (optind + 1 < argc)
		return cli_usage(cli, "unexpected argument '%s'", argv[optind + 1]);
	name = argv[optind];
	if (!name_ok(cli, name))
		return CLI_EXIT_USAGE;
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (strcmp(what, "rm") == 0)
		r = jobq_store_schedule_rm(st, name, &err);
	else if (strcmp(what, "run") == 0)
		r = jobq_store_schedule_run(st, name, out, &err);
	else
		r = jobq_store_schedule_pause(st, name, strcmp(what, "pause") == 0, out, &err);
	if (r != 0)
		return cli_fail_err(cli, &err);
	if (strcmp(what, "rm") == 0) {
		if (cli->json)
			return cmd_print_json(cli,
					      json_pack("{s:s, s:b}", "name", name, "removed", 1));
		printf("removed %s\n", name);
	} else if (strcmp(what, "run") == 0) {
		if (cli->json)
			return cmd_print_json(cli,
					      json_pack("{s:s, s:s}", "name", name, "id", out));
		printf("%s\n", out);
	} else {
		bool paused = strcmp(what, "pause") == 0;

		if (cli->json)
			return cmd_print_json(cli, json_pack("{s:s, s:b, s:s}", "name", name,
							     "paused", paused, "next_slot", out));
		printf("%s %s, next slot %s\n", paused ? "paused" : "resumed", name, out);
	}
	return CLI_EXIT_OK;
}

int cmd_schedule(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct cli *, int, char **);
	} subs[] = {
		{ "add", add },       { "list", list },      { "rm", by_name },
		{ "pause", by_name }, { "resume", by_name }, { "run", by_name },
	};

	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(HELP, argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_EXIT_USAGE : CLI_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]); i++) {
		if (strcmp(argv[1], subs[i].name) == 0) {
			optind = 0; /* a full getopt reset for the sub-command's own parse */
			return subs[i].fn(cli, argc - 1, argv + 1);
		}
	}
	return cli_usage(cli,
			 "unknown schedule command '%.80s' (add, list, rm, pause, resume, run)",
			 argv[1]);
}
