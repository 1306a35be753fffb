/* jobq submit: validate, insert (one transaction for a batch), publish with confirms,
 * mark published; optionally wait for the jobs to end. The input checks and the batch
 * file parser are in batch.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cli.h"
#include "cmd_wait.h"
#include "jobq/fault.h"
#include "jobq/parse.h"
#include "jobq/store_jobs.h"

static const char HELP[] =
	"usage: jobq submit [OPTIONS] TYPE [PAYLOAD | -]\n"
	"       jobq submit --batch FILE [--wait]\n"
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
	"  --payload-file F     read the payload from file F\n"
	"  --batch FILE         JSON lines, one job each ({\"type\", \"payload\", \"queue\",\n"
	"                       \"max_attempts\", \"delay\", \"timeout\", \"key\"}), inserted in\n"
	"                       one transaction; prints the ids in order ('-' = stdin)\n"
	"  --wait               wait for the job(s) to end; print the result or the error\n"
	"  --wait-timeout DUR   with --wait, give up after DUR (exit 4)\n"
	"  --json               print {\"id\", \"status\", \"existed\", \"published\"} objects\n"
	"\n"
	"exit status: 0 submitted and published (with --wait: succeeded); 1 with --wait:\n"
	"failed or cancelled; 2 invalid input; 4 --wait timed out; 5 database unavailable\n"
	"(nothing saved); 6 saved but not confirmed by any broker node: the relay\n"
	"publishes it (never submit it again; with --wait the job's end decides).\n";

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

int cmd_submit(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "queue", required_argument, NULL, 'q' },
		{ "max-attempts", required_argument, NULL, 'm' },
		{ "delay", required_argument, NULL, 'd' },
		{ "at", required_argument, NULL, 'a' },
		{ "timeout", required_argument, NULL, 't' },
		{ "key", required_argument, NULL, 'k' },
		{ "payload-file", required_argument, NULL, 'p' },
		{ "batch", required_argument, NULL, 'b' },
		{ "wait", no_argument, NULL, 'w' },
		{ "wait-timeout", required_argument, NULL, 'W' },
		{ NULL, 0, NULL, 0 },
	};
	struct batch_input single = { 0 }, *ins = NULL;
	struct jobq_new_job *jobs = NULL;
	struct jobq_submitted *out = NULL;
	struct cli_job_ref *refs = NULL;
	const char **ids = NULL;
	const char *payload_file = NULL, *batch = NULL;
	bool wait = false, single_opts = false, relayed = false;
	int64_t wait_timeout = 0, v;
	struct jobq_err err = { 0 };
	size_t n = 0, npub = 0;
	int c, status = CLI_EXIT_USAGE;

	while ((c = cli_getopt(cli, argc, argv, "", opts, HELP)) != -1) {
		single_opts |= strchr("qmdatkp", c) != NULL;
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

	jobs = calloc(n, sizeof(*jobs));
	out = calloc(n, sizeof(*out));
	refs = calloc(n, sizeof(*refs));
	ids = calloc(n, sizeof(*ids));
	if (jobs == NULL || out == NULL || refs == NULL || ids == NULL) {
		status = cli_fail(cli, 1, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		jobs[i] = ins[i].job;
		jobs[i].type = ins[i].type;
		jobs[i].payload = ins[i].payload;
		jobs[i].queue = ins[i].queue;
		jobs[i].key = ins[i].key;
	}
	if (cli_store(cli) == NULL) {
		status = CLI_EXIT_UNAVAILABLE;
		goto out;
	}
	if (wait && jobq_store_listen(cli->store, &err) != 0) {
		status = cli_fail_err(cli, &err);
		goto out;
	}
	if (jobq_store_submit(cli->store, jobs, n, wait, cli->cfg.relay_grace_ms, out, &err) != 0) {
		status = cli_fail_err(cli, &err);
		goto out;
	}
	/* Committed, not yet published: a submitter dying here leaves the job to the relay. */
	jobq_fault("submit_after_insert");
	for (size_t i = 0; i < n; i++) {
		ids[i] = out[i].env.job_id;
		/* Scheduled jobs are published by the relay when due; a repeated key's job
		 * that was already published needs nothing more, nor does a key repeated in
		 * the batch (its first job is published once). */
		if (out[i].status == JOBQ_QUEUED && !out[i].published && out[i].same_as == i)
			refs[npub++] = (struct cli_job_ref){ out[i].env.job_id, out[i].env.queue,
							     out[i].env.type, false, 0 };
	}
	if (npub > 0 && cli_publish(cli, refs, npub) != 0)
		relayed = true;
	for (size_t i = 0, k = 0; i < n; i++) {
		if (k < npub && refs[k].id == out[i].env.job_id)
			out[i].published = refs[k++].published;
		else if (out[i].same_as != i) /* a key repeated in the batch: its first job */
			out[i].published = out[out[i].same_as].published;
	}
	for (size_t i = 0; i < n; i++) {
		bool published = out[i].published;

		if (cli->json) {
			json_t *o = json_object();
			json_object_set_new(o, "id", json_string(out[i].env.job_id));
			json_object_set_new(o, "status",
					    json_string(jobq_status_name(out[i].status)));
			json_object_set_new(o, "existed", json_boolean(out[i].existed));
			json_object_set_new(o, "published", json_boolean(published));
			cli_print_json(o);
		} else {
			puts(out[i].env.job_id);
		}
	}
	fflush(stdout);
	/* Saved either way; the status says whether the broker has it yet. With --wait the
	 * job's end is what counts. */
	status = relayed ? CLI_EXIT_RELAYED : CLI_EXIT_OK;
	if (wait)
		status = cli_wait_jobs(cli, ids, n, wait_timeout, true, NULL);
out:
	if (ins != &single && ins != NULL) {
		for (size_t i = 0; i < n; i++)
			batch_input_free(&ins[i]);
		free(ins);
	}
	batch_input_free(&single);
	free(jobs);
	free(out);
	free(refs);
	free(ids);
	return status;
}
