/* The system-wide read commands: stats (counts by state, optionally redrawn with --watch)
 * and workers (the registry). Ages come from the database clock. */
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_util.h"
#include "rows.h"

/* A worker counts as alive while it is running or draining and has heartbeated within
 * this window: four default heartbeat intervals (30 s), so one late beat is not death. */
#define WORKER_ALIVE_SQL                                                                           \
	"(w.state IN ('running', 'draining') AND w.heartbeat_at > now() - interval '2 minutes')"

/* ---- stats ---- */

static const char stats_help[] =
	"usage: jobq stats [--watch [--interval DUR]] [--json]\n"
	"\n"
	"Show the number of jobs in each state (all six, zeros included), the total, the age\n"
	"of the oldest queued job (seconds since it became due), the workers alive (state\n"
	"running or draining and a heartbeat within the last 2 minutes) and the unpublished\n"
	"jobs (scheduled or queued, not yet handed to the broker: the relay's backlog), and\n"
	"the paused queues (jobq queue pause; `jobq queue list` shows them in full), and the\n"
	"consumers' latest retention round.\n"
	"\n"
	"options:\n"
	"  --watch         redraw every interval until interrupted (Ctrl-C or SIGTERM)\n"
	"  --interval DUR  time between redraws with --watch (default 2s)\n"
	"  --json          print one JSON object; with --watch one object per line, each\n"
	"                  with an \"at\" timestamp\n"
	"  -h, --help      show this help\n"
	"\n"
	"exit status: 0 shown (or --watch interrupted); 2 invalid option; 5 database\n"
	"unavailable (with --watch only at start; later failures are reported and retried).\n";

/* clang-format off */
static const char stats_sql[] =
	"SELECT count(*) FILTER (WHERE status = 'waiting') AS waiting,"
	" count(*) FILTER (WHERE status = 'scheduled') AS scheduled,"
	" count(*) FILTER (WHERE status = 'queued') AS queued,"
	" count(*) FILTER (WHERE status = 'running') AS running,"
	" count(*) FILTER (WHERE status = 'succeeded') AS succeeded,"
	" count(*) FILTER (WHERE status = 'failed') AS failed,"
	" count(*) FILTER (WHERE status = 'cancelled') AS cancelled,"
	" count(*) AS total,"
	" CASE WHEN count(*) FILTER (WHERE status = 'queued') > 0 THEN"
	"  greatest(0, floor(extract(epoch FROM now() -"
	"   min(run_after) FILTER (WHERE status = 'queued'))))::bigint"
	" END AS oldest_queued_age_s,"
	" (SELECT count(*) FROM workers w WHERE " WORKER_ALIVE_SQL ") AS workers_alive,"
	" count(*) FILTER (WHERE published_at IS NULL AND run_after <= now()"
	"  AND status IN ('scheduled', 'queued')) AS unpublished,"
	" round(count(*) FILTER (WHERE finished_at > now() - interval '10 seconds') / 10.0, 1)"
	"  AS finished_per_s,"
	" (SELECT COALESCE(json_agg(q.name ORDER BY q.name), '[]'::json) FROM queues q"
	"  WHERE q.paused_at IS NOT NULL) AS paused_queues,"
	" (SELECT string_agg(q.name, ', ' ORDER BY q.name) FROM queues q"
	"  WHERE q.paused_at IS NOT NULL) AS _paused,"
	/* the latest retention round (migration 0041; its primary key's last entry) */
	" (SELECT json_build_object('worker', r.worker_id,"
	"   'finished_at', to_char(r.finished_at AT TIME ZONE 'UTC',"
	"    'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),"
	"   'ms', (extract(epoch FROM r.finished_at - r.started_at) * 1000)::bigint,"
	"   'jobs', r.jobs, 'dead_letters', r.dead_letters)"
	"  FROM retention_rounds r ORDER BY r.id DESC LIMIT 1) AS retention_last,"
	" (SELECT format('%s jobs, %s dead letters deleted in %s ms by %s, %s s ago', r.jobs,"
	"   r.dead_letters, (extract(epoch FROM r.finished_at - r.started_at) * 1000)::bigint,"
	"   r.worker_id, greatest(0, floor(extract(epoch FROM now() - r.finished_at))))"
	"  FROM retention_rounds r ORDER BY r.id DESC LIMIT 1) AS _retention,"
	" " ROWS_TS("now()", "_at")
	" FROM jobs";
/* clang-format on */

static void stats_text(const PGresult *res, bool watch, int64_t interval_ms)
{
	static const char *const counts[] = { "waiting",   "scheduled", "queued",    "running",
					      "succeeded", "failed",    "cancelled", "total" };
	char buf[32];

	if (watch)
		printf("jobq stats at %s (every %s; Ctrl-C to stop)\n\n", rows_get(res, 0, "_at"),
		       rows_span(interval_ms, buf, sizeof(buf)));
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		printf("%-20s %s\n", counts[i], rows_get(res, 0, counts[i]));
	if (rows_get(res, 0, "oldest_queued_age_s") != NULL) {
		int64_t age_s = rows_int(res, 0, "oldest_queued_age_s", 0);

		if (age_s < 60)
			printf("%-20s %" PRId64 "s\n", "oldest queued", age_s);
		else
			printf("%-20s %s\n", "oldest queued",
			       rows_span(age_s * 1000, buf, sizeof(buf)));
	} else
		printf("%-20s -\n", "oldest queued");
	printf("%-20s %s\n", "workers alive", rows_get(res, 0, "workers_alive"));
	printf("%-20s %s\n", "unpublished", rows_get(res, 0, "unpublished"));
	printf("%-20s %s jobs/s (last 10 s)\n", "throughput", rows_get(res, 0, "finished_per_s"));
	printf("%-20s %s\n", "paused queues",
	       rows_get(res, 0, "_paused") != NULL ? rows_get(res, 0, "_paused") : "-");
	printf("%-20s %s\n", "last retention",
	       rows_get(res, 0, "_retention") != NULL ? rows_get(res, 0, "_retention") : "-");
}

/* --watch, text: the longest-running jobs with their owner and heartbeat age. */
static void running_text(struct jobq_store *st)
{
	static const char *const head[] = { "RUNNING JOB", "TYPE", "WORKER",
					    "ATTEMPT",     "FOR",  "HEARTBEAT" };
	struct jobq_err err = { 0 };
	struct rows_table t;
	PGresult *res;

	/* clang-format off */
	if (jobq_store_exec(st, "jobq_stats_running",
			    "SELECT id, type, worker_id, attempt, " ROWS_AGE_MS("started_at", "_for_ms")
			    ", " ROWS_AGE_MS("heartbeat_at", "_hb_ms") ","
			    " cancel_requested_at IS NOT NULL AS cancelling"
			    " FROM jobs WHERE status = 'running' ORDER BY started_at LIMIT 10",
			    0, NULL, &res, "running jobs", &err) != 0)
		return;
	/* clang-format on */
	if (PQntuples(res) > 0 && rows_table_init(&t, 6, head) == 0) {
		for (int i = 0; i < PQntuples(res); i++) {
			char fo[32], hb[32], att[48];
			const char *cells[6];

			snprintf(att, sizeof(att), "%s%s", rows_get(res, i, "attempt"),
				 rows_get(res, i, "cancelling")[0] == 't' ? " (cancelling)" : "");
			cells[0] = rows_get(res, i, "id");
			cells[1] = rows_get(res, i, "type");
			cells[2] = rows_get(res, i, "worker_id");
			cells[3] = att;
			cells[4] = rows_span(rows_int(res, i, "_for_ms", 0), fo, sizeof(fo));
			cells[5] = rows_ago(rows_int(res, i, "_hb_ms", 0), hb, sizeof(hb));
			if (rows_table_add(&t, cells) != 0)
				break;
		}
		putchar('\n');
		rows_table_print(&t, stdout);
	}
	if (PQntuples(res) > 0)
		rows_table_free(&t);
	PQclear(res);
}

/* Run the stats query and print it once. With watch, JSON lines carry the time and the
 * text redraws in place on a terminal. */
static JOBQ_WUR int stats_once(struct cli *cli, struct jobq_store *st, bool watch,
			       int64_t interval_ms, struct jobq_err *err)
{
	PGresult *res = NULL;
	int r;

	if ((r = jobq_store_exec(st, watch ? "jobq_stats" : NULL, stats_sql, 0, NULL, &res,
				 "counting jobs", err)) != 0)
		return r;
	if (cli->json) {
		json_t *obj = rows_object(res, 0);

		if (obj != NULL && watch &&
		    json_object_set_new(obj, "at", json_string(rows_get(res, 0, "_at"))) != 0) {
			json_decref(obj);
			obj = NULL;
		}
		if (obj == NULL)
			r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
		else
			cli_print_json(obj);
	} else {
		if (watch && isatty(STDOUT_FILENO))
			fputs("\033[H\033[2J", stdout); /* home and clear: redraw in place */
		else if (watch)
			putchar('\n');
		stats_text(res, watch, interval_ms);
		if (watch)
			running_text(st);
	}
	fflush(stdout);
	PQclear(res);
	return r;
}

static volatile sig_atomic_t watch_stop;

static void on_stop_signal(int sig)
{
	(void)sig;
	watch_stop = 1;
}

/* Redraw until SIGINT/SIGTERM. The handler is one-shot (SA_RESETHAND): a second signal
 * ends the process even if a query is stuck on a dead database. The signals are blocked
 * between the flag check and ppoll(), which unblocks them atomically, so a signal that
 * arrives just before the sleep still ends it at once. */
static int stats_watch(struct cli *cli, struct jobq_store *st, int64_t interval_ms)
{
	struct sigaction sa;
	sigset_t stop_set, old_set;
	struct jobq_err err;
	bool failing = false;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigemptyset(&stop_set);
	sigaddset(&stop_set, SIGINT);
	sigaddset(&stop_set, SIGTERM);

	while (!watch_stop) {
		struct timespec ts = { .tv_sec = interval_ms / 1000,
				       .tv_nsec = (long)(interval_ms % 1000) * 1000000L };
		int r = 0;

		/* A watch outlives database restarts: report the failure once, reconnect on
		 * the next tick, and say when it works again. */
		if (!jobq_store_ok(st))
			r = jobq_store_reconnect(st, &err);
		if (r == 0)
			r = stats_once(cli, st, true, interval_ms, &err);
		if (r != 0 && !failing) {
			char every[32];

			fprintf(stderr, "jobq %s: %s (retrying every %s)\n", cli->command, err.msg,
				rows_span(interval_ms, every, sizeof(every)));
			failing = true;
		} else if (r == 0 && failing) {
			fprintf(stderr, "jobq %s: database reachable again\n", cli->command);
			failing = false;
		}
		if (r == JOBQ_ENOMEM)
			return cli_fail_err(cli, &err);

		sigprocmask(SIG_BLOCK, &stop_set, &old_set);
		if (!watch_stop)
			ppoll(NULL, 0, &ts, &old_set);
		sigprocmask(SIG_SETMASK, &old_set, NULL);
	}
	return CLI_EXIT_OK;
}

int cmd_stats(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "watch", no_argument, NULL, 'w' },
		{ "interval", required_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 },
	};
	int64_t interval_ms = 2000;
	bool watch = false, interval_set = false;
	struct jobq_store *st;
	struct jobq_err err;
	int c, r;

	while ((c = cli_getopt(cli, argc, argv, "", opts, stats_help)) != -1) {
		switch (c) {
		case 'w':
			watch = true;
			break;
		case 'i':
			if (!cli_duration(cli, "--interval", optarg, &interval_ms))
				return CLI_EXIT_USAGE;
			if (interval_ms <= 0)
				return cli_usage(cli, "--interval must be greater than 0");
			interval_set = true;
			break;
		case 'h':
			return CLI_EXIT_OK;
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if ((r = cmd_no_args(cli, argc, argv)) != 0)
		return r;
	if (interval_set && !watch)
		return cli_usage(cli, "--interval needs --watch");
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (watch)
		return stats_watch(cli, st, interval_ms);
	if (stats_once(cli, st, false, interval_ms, &err) != 0)
		return cli_fail_err(cli, &err);
	return CLI_EXIT_OK;
}

/* ---- workers ---- */

static const char workers_help[] =
	"usage: jobq workers [--all] [--json]\n"
	"\n"
	"Show the worker registry: id, host, pid, queues, concurrency, state, start time,\n"
	"heartbeat age, the number of jobs each is running, and the job types whose handler it\n"
	"found broken (its processes die at start or on every job; their jobs are released to\n"
	"the queue, not failed). A running or draining worker without a heartbeat for 2\n"
	"minutes is shown as \"(stale)\": probably dead.\n"
	"\n"
	"options:\n"
	"  --all       include workers stopped more than an hour ago (hidden by default)\n"
	"  --json      print a JSON array of worker objects\n"
	"  -h, --help  show this help\n"
	"\n"
	"exit status: 0 shown; 2 invalid option; 5 database unavailable.\n";

/* clang-format off */
static const char workers_sql[] =
	"SELECT w.id, w.hostname, w.pid, to_jsonb(w.queues) AS queues, w.concurrency, w.state,"
	" " WORKER_ALIVE_SQL " AS alive,"
	" " ROWS_TS("w.started_at", "started_at") ","
	" " ROWS_TS("w.heartbeat_at", "heartbeat_at") ","
	" " ROWS_TS("w.stopped_at", "stopped_at") ","
	" " ROWS_AGE_MS("w.heartbeat_at", "heartbeat_age_ms") ","
	" (SELECT count(*) FROM jobs j"
	"  WHERE j.status = 'running' AND j.worker_id = w.id) AS running_jobs,"
	" w.broken_handlers,"
	" (SELECT string_agg(b ->> 'type', ',')"
	"  FROM jsonb_array_elements(w.broken_handlers) b) AS _broken,"
	" array_to_string(w.queues, ',') AS _queues,"
	" " ROWS_AGE_MS("w.started_at", "_started_age_ms")
	" FROM workers w"
	" WHERE $1::boolean OR w.state <> 'stopped'"
	"  OR coalesce(w.stopped_at, w.heartbeat_at) > now() - interval '1 hour'"
	" ORDER BY w.state = 'stopped', w.id";
/* clang-format on */

static int workers_text(struct cli *cli, const PGresult *res)
{
	static const char *const headers[] = {
		"ID",    "HOST",    "PID",       "QUEUES",  "CONC",
		"STATE", "STARTED", "HEARTBEAT", "RUNNING", "BROKEN"
	};
	struct rows_table t;
	int r = CLI_EXIT_OK;

	if (PQntuples(res) == 0) {
		printf("no workers\n");
		return CLI_EXIT_OK;
	}
	if (rows_table_init(&t, 10, headers) != 0)
		goto nomem;
	for (int i = 0; i < PQntuples(res); i++) {
		const char *state = rows_get(res, i, "state");
		const char *alive = rows_get(res, i, "alive");
		char shown[32], started[48], beat[48];
		const char *cells[10];

		if (strcmp(state, "stopped") != 0 && alive != NULL && alive[0] != 't')
			snprintf(shown, sizeof(shown), "%s (stale)", state);
		else
			snprintf(shown, sizeof(shown), "%s", state);
		cells[0] = rows_get(res, i, "id");
		cells[1] = rows_get(res, i, "hostname");
		cells[2] = rows_get(res, i, "pid");
		cells[3] = rows_get(res, i, "_queues");
		cells[4] = rows_get(res, i, "concurrency");
		cells[5] = shown;
		cells[6] =
			rows_ago(rows_int(res, i, "_started_age_ms", 0), started, sizeof(started));
		cells[7] = rows_ago(rows_int(res, i, "heartbeat_age_ms", 0), beat, sizeof(beat));
		cells[8] = rows_get(res, i, "running_jobs");
		cells[9] = rows_get(res, i, "_broken") != NULL ? rows_get(res, i, "_broken") : "-";
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

int cmd_workers(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const char *all = "false";
	struct jobq_store *st;
	struct jobq_err err;
	PGresult *res = NULL;
	int c, r;

	while ((c = cli_getopt(cli, argc, argv, "", opts, workers_help)) != -1) {
		switch (c) {
		case 'a':
			all = "true";
			break;
		case 'h':
			return CLI_EXIT_OK;
		default:
			return CLI_EXIT_USAGE;
		}
	}
	if ((r = cmd_no_args(cli, argc, argv)) != 0)
		return r;
	if ((st = cli_store(cli)) == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_exec(st, NULL, workers_sql, 1, &all, &res, "reading the worker registry",
			    &err) != 0)
		return cli_fail_err(cli, &err);
	r = cli->json ? cmd_print_json(cli, rows_array(res)) : workers_text(cli, res);
	PQclear(res);
	return r;
}
