/* jobq submit: validate, then submit through libjobq (insert in one transaction, publish,
 * wait for the confirms, mark published); optionally wait for the jobs to end. The input
 * checks and the batch file parser are in batch.c. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cli.h"
#include "cmd_wait.h"
#include "jobq/job_filter.h"
#include "jobq/log.h"
#include "jobq/parse.h"
#include "jobq/store_jobs.h"

static const char HELP[] =
	"usage: jobq submit [OPTIONS] TYPE [PAYLOAD | -]\n"
	"       jobq submit --batch FILE [--wait]\n"
	"       jobq submit --batch FILE [--on-complete TYPE [PAYLOAD]]\n"
	"                   [--on-success TYPE [PAYLOAD]] [--callback-queue Q]\n"
	"\n"
	"Submit a job and print its id. PAYLOAD is JSON (default {}); '-' reads it from\n"
	"stdin. The job is saved in PostgreSQL first, then published to RabbitMQ with a\n"
	"publisher confirm. With several broker URLs (amqp.urls, or commas in\n"
	"JOBQ_AMQP_URL) a node that fails or does not confirm hands the job to the next.\n"
	"If no node confirms it, the job stays saved, a consumer's relay publishes it,\n"
	"and the exit status is 6.\n"
	"\n"
	"options:\n"
	"  --queue Q            queue name (default: default)\n"
	"  --max-attempts N     attempts before the job fails (1-1000, default 3)\n"
	"  --delay DUR          run no earlier than DUR from now (250ms, 30s, 5m, 1h)\n"
	"  --at TIME            run no earlier than TIME (RFC 3339, e.g. 2026-11-28T12:00:00Z)\n"
	"  --timeout DUR        runtime limit of one attempt\n"
	"  --key KEY            idempotency key: a repeated key returns the first job's id\n"
	"  --unique-for DUR     with --key: the key is this job's for DUR from now (up to\n"
	"                       365d); a submit of it afterwards makes a new job\n"
	"  --priority N         0-9 (default 0); above 0 the consumers' relay releases it,\n"
	"                       highest first, ahead of the queue's priority-0 jobs\n"
	"  --concurrency-key K  the job's tenant (1-128 characters of A-Z a-z 0-9 _ . : -):\n"
	"                       keys of a queue take turns, and `jobq limit set key:K`\n"
	"                       caps K's running jobs\n"
	"  --meta K=V           metadata kept with the job (repeatable): K 1-128 bytes, V\n"
	"                       up to 1024 bytes, at most 32 pairs; `jobq list --meta K=V`\n"
	"                       finds the job by it\n"
	"  --after ID[,ID...]   run after these jobs succeed (repeatable): the job waits\n"
	"                       (state waiting), and is cancelled if one of them fails\n"
	"                       for good or is cancelled (docs/workflows.md)\n"
	"  --after-any ID[,ID...]  run after these jobs end, however they end (repeatable)\n"
	"  --payload-file F     read the payload from file F\n"
	"  --batch FILE         JSON lines, one job each ({\"type\", \"payload\", \"queue\",\n"
	"                       \"max_attempts\", \"delay\", \"timeout\", \"key\",\n"
	"                       \"unique_for\", \"priority\", \"concurrency_key\",\n"
	"                       \"metadata\", \"ref\", \"after\", \"after_any\"}), inserted\n"
	"                       in one transaction; \"after\" and \"after_any\" name job ids\n"
	"                       or the refs of earlier lines; prints the ids in order\n"
	"                       ('-' = stdin)\n"
	"  --on-complete TYPE [PAYLOAD]\n"
	"                       with --batch: once every job of the batch has ended\n"
	"                       (succeeded, failed for good, cancelled), queue one job TYPE\n"
	"                       with payload {\"batch\", \"total\", \"counts\", \"payload\":\n"
	"                       PAYLOAD} (PAYLOAD: JSON, default {}); prints \"batch ID\"\n"
	"                       first (see `jobq batch status`, docs/workflows.md)\n"
	"  --on-success TYPE [PAYLOAD]\n"
	"                       the same, queued only if every job succeeded\n"
	"  --callback-queue Q   the callbacks' queue (default: default)\n"
	"  --wait               wait for the job(s) to end; print the result or the error\n"
	"  --wait-timeout DUR   with --wait, give up after DUR (exit 4)\n"
	"  --json               print {\"id\", \"status\", \"existed\", \"published\"} objects\n"
	"\n"
	"exit status: 0 submitted and published (with --wait: succeeded); 1 with --wait:\n"
	"failed or cancelled; 2 invalid input; 4 --wait timed out; 5 database unavailable\n"
	"(nothing saved); 6 saved but not confirmed by any broker node: the relay\n"
	"publishes it (never submit it again; with --wait the job's end decides); 7 sent\n"
	"to a jobq agent (JOBQ_AGENT_SOCKET) that ended mid-submit: the job may have been\n"
	"saved, look for it before submitting again.\n";

static char *read_stream(FILE *f, int64_t limit, size_t *len, struct jobq_err *err)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);

	if (buf == NULL) {
		jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
		return NULL;
	}
	for (;;) {
		size_t got;

		if (n + 1 >= cap) {
			char *nb;
			if ((int64_t)cap > limit + 1) {
				free(buf);
				jobq_err_set(err, JOBQ_EINVAL, "input exceeds %lld bytes",
					     (long long)limit);
				return NULL;
			}
			if ((nb = realloc(buf, cap * 2)) == NULL) {
				free(buf);
				jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		jobq_err_set(err, JOBQ_ESYS, "read error");
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* A batch's callbacks as given: the flags' values, and the payloads that followed them. */
struct callbacks {
	struct jobq_batch_opts opts;
};

static bool callbacks_given(const struct callbacks *cb)
{
	return cb->opts.on_complete_type != NULL || cb->opts.on_success_type != NULL ||
	       cb->opts.callback_queue != NULL;
}

/* Copy argv into out (argc + 1 entries) without the PAYLOAD that may follow the TYPE of
 * --on-complete or --on-success (an argument of its own, not an option: it does not start
 * with '-'), which goes to cb; getopt then sees the flags with their TYPE only. Returns the
 * new argc. Stops looking at "--". */
static int take_callback_payloads(int argc, char **argv, char **out, struct callbacks *cb)
{
	int m = 0;

	for (int i = 0; i < argc; i++) {
		const char *a = argv[i], **payload = NULL;

		out[m++] = argv[i];
		if (i == 0)
			continue;
		if (strcmp(a, "--") == 0) {
			while (++i < argc)
				out[m++] = argv[i];
			break;
		}
		if (strcmp(a, "--on-complete") == 0 || strncmp(a, "--on-complete=", 14) == 0)
			payload = &cb->opts.on_complete_payload;
		else if (strcmp(a, "--on-success") == 0 || strncmp(a, "--on-success=", 13) == 0)
			payload = &cb->opts.on_success_payload;
		if (payload == NULL)
			continue;
		if (strchr(a, '=') == NULL) { /* the TYPE is the next argument */
			if (i + 1 >= argc)
				continue;
			out[m++] = argv[++i];
		}
		/* a PAYLOAD may be a negative number (-1): a dash then a digit is no flag */
		if (i + 1 < argc &&
		    (argv[i + 1][0] != '-' || isdigit((unsigned char)argv[i + 1][1])))
			*payload = argv[++i];
	}
	out[m] = NULL;
	return m;
}

/* The callbacks' checks, each naming its flag: a valid type and queue, a payload of valid
 * JSON that fits the max payload with the wrapper the callback job gets. CLI_EXIT_OK, or
 * the one-line error's status. */
static int check_callbacks(struct cli *cli, const struct callbacks *cb)
{
	const char *flag[2] = { "--on-complete", "--on-success" };
	const char *type[2] = { cb->opts.on_complete_type, cb->opts.on_success_type };
	const char *payload[2] = { cb->opts.on_complete_payload, cb->opts.on_success_payload };
	struct jobq_err err = { 0 };

	if (type[0] == NULL && type[1] == NULL)
		return cli_usage(cli, "--callback-queue needs --on-complete or --on-success");
	for (int i = 0; i < 2; i++) {
		struct batch_input in = { .type = (char *)type[i],
					  .queue = (char *)cb->opts.callback_queue };

		if (type[i] == NULL)
			continue;
		if (batch_check_input(&in, &err) != 0 ||
		    (payload[i] != NULL &&
		     batch_check_payload(payload[i], strlen(payload[i]),
					 cli->cfg.max_payload_bytes - JOBQ_BATCH_WRAP_BYTES,
					 &err) != 0))
			return cli_fail(cli, CLI_EXIT_USAGE, "%s: %s", flag[i], err.msg);
	}
	return CLI_EXIT_OK;
}

int cmd_submit(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "queue", required_argument, NULL, 'q' },
		{ "max-attempts", required_argument, NULL, 'm' },
		{ "delay", required_argument, NULL, 'd' },
		{ "at", required_argument, NULL, 'a' },
		{ "timeout", required_argument, NULL, 't' },
		{ "key", required_argument, NULL, 'k' },
		{ "unique-for", required_argument, NULL, 'u' },
		{ "payload-file", required_argument, NULL, 'p' },
		{ "batch", required_argument, NULL, 'b' },
		{ "wait", no_argument, NULL, 'w' },
		{ "wait-timeout", required_argument, NULL, 'W' },
		{ "priority", required_argument, NULL, 'P' },
		{ "concurrency-key", required_argument, NULL, 'K' },
		{ "meta", required_argument, NULL, 'M' },
		{ "after", required_argument, NULL, 'F' },
		{ "after-any", required_argument, NULL, 'N' },
		{ "on-complete", required_argument, NULL, 'C' },
		{ "on-success", required_argument, NULL, 'S' },
		{ "callback-queue", required_argument, NULL, 'Q' },
		{ NULL, 0, NULL, 0 },
	};
	struct batch_input single = { 0 }, *ins = NULL;
	struct jobq_job_spec *specs = NULL;
	struct jobq_submit_result *res = NULL;
	const char **ids = NULL;
	char node[300], skipped[1024], batch_id[JOBQ_CLIENT_ID_SIZE] = "";
	const char *payload_file = NULL, *batch = NULL;
	bool wait = false, single_opts = false;
	int64_t wait_timeout = 0, v;
	struct jobq_err err = { 0 };
	json_t *meta = NULL;
	jobq_client *client;
	size_t n = 0;
	int c, r, status = CLI_EXIT_USAGE;
	struct callbacks cbs = { 0 };
	char **args = calloc((size_t)argc + 1, sizeof(*args));

	if (args == NULL)
		return cli_fail(cli, 1, "out of memory");
	argc = take_callback_payloads(argc, argv, args, &cbs);
	argv = args;
	while ((c = cli_getopt(cli, argc, argv, "", opts, HELP)) != -1) {
		single_opts |= strchr("qmdatkpuPKMFN", c) != NULL;
		switch (c) {
		case 'h': /* after --queue or --key, which allocate */
			status = CLI_EXIT_OK;
			goto out;
		case 'q':
			free(single.queue);
			single.queue = strdup(optarg);
			break;
		case 'm':
			if (!cli_int(cli, "--max-attempts", optarg, 1, 1000, &v))
				goto out;
			single.job.max_attempts = (int)v;
			break;
		case 'd':
			if (!cli_duration(cli, "--delay", optarg, &single.job.delay_ms))
				goto out;
			break;
		case 'a':
			if (jobq_parse_time(optarg, &single.job.at_unix_ms, &err) != 0) {
				cli_usage(cli, "--at: %s", err.msg);
				goto out;
			}
			break;
		case 't':
			if (!cli_duration(cli, "--timeout", optarg, &single.job.timeout_ms))
				goto out;
			if (single.job.timeout_ms == 0) {
				cli_usage(cli, "--timeout must be more than 0");
				goto out;
			}
			break;
		case 'k':
			free(single.key);
			single.key = strdup(optarg);
			break;
		case 'u':
			if (!cli_duration(cli, "--unique-for", optarg, &single.job.unique_for_ms))
				goto out;
			if (single.job.unique_for_ms == 0) {
				cli_usage(cli, "--unique-for must be more than 0");
				goto out;
			}
			break;
		case 'p':
			payload_file = optarg;
			break;
		case 'b':
			batch = optarg;
			break;
		case 'w':
			wait = true;
			break;
		case 'W':
			if (!cli_duration(cli, "--wait-timeout", optarg, &wait_timeout))
				goto out;
			break;
		case 'P':
			if (!cli_int(cli, "--priority", optarg, 0, 9, &v))
				goto out;
			single.job.priority = (int)v;
			break;
		case 'K':
			free(single.concurrency_key);
			single.concurrency_key = strdup(optarg);
			break;
		case 'M':
			if (jobq_meta_pair_add(&meta, "--meta", optarg, &err) != 0) {
				status = cli_fail_err(cli, &err);
				goto out;
			}
			break;
		case 'F':
		case 'N':
			if (batch_add_after(c == 'F' ? &single.after : &single.after_any,
					    c == 'F' ? "--after" : "--after-any", optarg,
					    &err) != 0) {
				status = cli_fail_err(cli, &err);
				goto out;
			}
			break;
		case 'C':
		case 'S':
		case 'Q': {
			const char **to = c == 'C'   ? &cbs.opts.on_complete_type
					  : c == 'S' ? &cbs.opts.on_success_type
						     : &cbs.opts.callback_queue;

			if (*to != NULL) {
				cli_usage(cli, "%s given twice",
					  c == 'C'   ? "--on-complete"
					  : c == 'S' ? "--on-success"
						     : "--callback-queue");
				goto out;
			}
			*to = optarg;
			break;
		}
		default:
			goto out;
		}
	}
	/* The agent runs what needs nothing of the caller's: files, stdin and a wait are the
	 * caller's own (its permissions, its terminal), so the full CLI runs those there. */
	if (cli->agent && (batch != NULL || payload_file != NULL || wait ||
			   (argc - optind == 2 && strcmp(argv[optind + 1], "-") == 0))) {
		status = CLI_AGENT_DECLINE;
		goto out;
	}
	if (callbacks_given(&cbs) && batch == NULL) {
		cli_usage(cli, "--on-complete, --on-success and --callback-queue need --batch");
		goto out;
	}
	if (batch != NULL && callbacks_given(&cbs) &&
	    (status = check_callbacks(cli, &cbs)) != CLI_EXIT_OK)
		goto out;
	status = CLI_EXIT_USAGE;
	if (batch != NULL) {
		if (single_opts || optind < argc) {
			cli_usage(cli, "--batch takes no TYPE, PAYLOAD or per-job options "
				       "(put them in the file)");
			goto out;
		}
		if (batch_read(batch, cli->cfg.max_payload_bytes, &ins, &n, &err) != 0) {
			status = cli_fail_err(cli, &err);
			goto out;
		}
	} else {
		const char *arg;
		size_t len = 0;

		if (optind >= argc) {
			cli_usage(cli, "missing job TYPE");
			goto out;
		}
		if (argc - optind > 2) {
			cli_usage(cli, "unexpected argument '%s'", argv[optind + 2]);
			goto out;
		}
		if (single.job.delay_ms > 0 && single.job.at_unix_ms > 0) {
			cli_usage(cli, "--delay and --at exclude each other");
			goto out;
		}
		if (single.job.unique_for_ms > 0 && single.key == NULL) {
			cli_usage(cli, "--unique-for needs --key");
			goto out;
		}
		if (meta != NULL && (single.metadata = json_dumps(meta, JSON_COMPACT)) == NULL) {
			status = cli_fail(cli, 1, "out of memory");
			goto out;
		}
		single.type = strdup(argv[optind]);
		arg = optind + 1 < argc ? argv[optind + 1] : NULL;
		if (arg != NULL && payload_file != NULL) {
			cli_usage(cli,
				  "give the payload either as an argument or with --payload-file");
			goto out;
		}
		if (payload_file != NULL || (arg != NULL && strcmp(arg, "-") == 0)) {
			FILE *f = payload_file != NULL ? fopen(payload_file, "rb") : stdin;
			if (f == NULL) {
				cli_usage(cli, "--payload-file %s: %s", payload_file,
					  strerror(errno));
				goto out;
			}
			single.payload = read_stream(f, cli->cfg.max_payload_bytes, &len, &err);
			if (f != stdin)
				fclose(f);
			if (single.payload == NULL) {
				status = cli_fail(cli, CLI_EXIT_USAGE, "payload from %s: %s",
						  payload_file ? payload_file : "stdin", err.msg);
				goto out;
			}
		} else if (arg != NULL) {
			single.payload = strdup(arg);
			len = strlen(arg);
		}
		if (single.payload != NULL &&
		    batch_check_payload(single.payload, len, cli->cfg.max_payload_bytes, &err) !=
			    0) {
			status = cli_fail_err(cli, &err);
			goto out;
		}
		if (batch_check_input(&single, &err) != 0) {
			status = cli_fail_err(cli, &err);
			goto out;
		}
		ins = &single;
		n = 1;
	}

	specs = calloc(n, sizeof(*specs));
	res = calloc(n, sizeof(*res));
	ids = calloc(n, sizeof(*ids));
	if (specs == NULL || res == NULL || ids == NULL) {
		status = cli_fail(cli, 1, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		specs[i] = (struct jobq_job_spec){
			.type = ins[i].type,
			.payload = ins[i].payload,
			.opts = { .queue = ins[i].queue,
				  .max_attempts = ins[i].job.max_attempts,
				  .delay_ms = ins[i].job.delay_ms,
				  .run_at_unix_ms = ins[i].job.at_unix_ms,
				  .timeout_ms = ins[i].job.timeout_ms,
				  .key = ins[i].key,
				  .unique_for_ms = ins[i].job.unique_for_ms,
				  .priority = ins[i].job.priority,
				  .concurrency_key = ins[i].concurrency_key,
				  .metadata = ins[i].metadata,
				  .after = ins[i].after,
				  .after_any = ins[i].after_any },
		};
	/* Through libjobq, waiting for the broker's confirms: the exit status says whether
	 * the broker has every job (0) or the relay will publish some (6). */
	if ((client = cli_client(cli, &status)) == NULL)
		goto out;
	if (callbacks_given(&cbs))
		r = jobq_client_submit_batch(client, specs, n, &cbs.opts, JOBQ_SUBMIT_CONFIRM, res,
					     batch_id);
	else
		r = jobq_client_submit_results(client, specs, n, JOBQ_SUBMIT_CONFIRM, res);
	if (r < 0) {
		const char *m = jobq_client_errmsg(client);
		size_t job = 0;
		int at = 0;

		/* A batch's error names its job by number: name its line of the file. */
		if (callbacks_given(&cbs) && sscanf(m, "job %zu: %n", &job, &at) == 1 && at > 0 &&
		    job >= 1 && job <= n && ins[job - 1].line > 0)
			status = cli_fail(cli, jobq_err_exit_status(r), "%s:%zu: %s", batch,
					  ins[job - 1].line, m + at);
		else
			status = cli_fail(cli, jobq_err_exit_status(r), "%s", m);
		goto out;
	}
	if (callbacks_given(&cbs)) {
		if (cli->json) {
			json_t *o = json_object();

			json_object_set_new(o, "batch", json_string(batch_id));
			cli_print_json(o);
		} else {
			printf("batch %s\n", batch_id);
		}
	}
	if (r == JOBQ_CLIENT_RELAYED)
		cli_fail(cli, 0, "warning: %s", jobq_client_errmsg(client));
	jobq_ignore(jobq_client_broker_node(client, node, sizeof(node), skipped, sizeof(skipped)));
	if (skipped[0] != '\0')
		jobq_warn("broker_failover", "node", node, "skipped", skipped);
	else if (node[0] != '\0')
		jobq_debug("broker_node", "node", node);
	for (size_t i = 0; i < n; i++) {
		ids[i] = res[i].id;
		if (cli->json) {
			json_t *o = json_object();
			json_object_set_new(o, "id", json_string(res[i].id));
			json_object_set_new(o, "status",
					    json_string(jobq_job_state_name(res[i].state)));
			json_object_set_new(o, "existed", json_boolean(res[i].existed));
			json_object_set_new(o, "published", json_boolean(res[i].published));
			cli_print_json(o);
		} else {
			puts(res[i].id);
		}
	}
	fflush(stdout);
	/* Saved either way; the status says whether the broker has it yet. With --wait the
	 * job's end is what counts. */
	status = r == JOBQ_CLIENT_RELAYED ? CLI_EXIT_RELAYED : CLI_EXIT_OK;
	if (wait)
		status = cli_wait_jobs(cli, ids, n, wait_timeout, NULL);
out:
	if (ins != &single && ins != NULL) {
		for (size_t i = 0; i < n; i++)
			batch_input_free(&ins[i]);
		free(ins);
	}
	batch_input_free(&single);
	json_decref(meta);
	free(args);
	free(specs);
	free(res);
	free(ids);
	return status;
}
