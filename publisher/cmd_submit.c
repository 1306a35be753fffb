/* jobq submit: validate, insert (one transaction for a batch), publish with confirms,
 * mark published; optionally wait for the jobs to end. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_wait.h"
#include "jobq/duration.h"
#include "jobq/envelope.h"
#include "jobq/fault.h"
#include "jobq/parse.h"
#include "jobq/store_jobs.h"

#define MAX_BATCH 100000

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

/* Everything one job's input owns. */
struct input {
	char *type;
	char *payload;
	char *queue;
	char *key;
	struct jobq_new_job job;
};

static void input_free(struct input *in)
{
	free(in->type);
	free(in->payload);
	free(in->queue);
	free(in->key);
}

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

/* Check a payload: valid JSON within the size limit. Re-encodes nothing: PostgreSQL
 * stores it as jsonb. */
static int check_payload(const char *text, size_t len, int64_t max, struct jobq_err *err)
{
	json_error_t jerr;
	json_t *v;

	if ((int64_t)len > max)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "payload of %zu bytes exceeds the limit of %lld bytes "
				    "(consumer.max_payload)",
				    len, (long long)max);
	v = json_loadb(text, len, JSON_DECODE_ANY, &jerr);
	if (v == NULL)
		return jobq_err_set(err, JOBQ_EINVAL,
				    "payload is not valid JSON: %s at line %d, column %d", jerr.text,
				    jerr.line, jerr.column);
	json_decref(v);
	return 0;
}

static int check_common(const struct input *in, struct jobq_err *err)
{
	if (!jobq_job_type_valid(in->type))
		return jobq_err_set(err, JOBQ_EINVAL,
				    "job type '%.80s' is invalid (1-64 characters of A-Z a-z 0-9 _ . : -)",
				    in->type);
	if (in->queue != NULL && !jobq_queue_name_valid(in->queue))
		return jobq_err_set(err, JOBQ_EINVAL,
				    "queue '%.80s' is invalid (1-64 characters of A-Z a-z 0-9 _ . -)",
				    in->queue);
	if (in->key != NULL && (strlen(in->key) == 0 || strlen(in->key) > 255))
		return jobq_err_set(err, JOBQ_EINVAL, "key must be 1 to 255 characters");
	return 0;
}

/* A duration field of a batch line: a string with a unit or a number of seconds. */
static int batch_duration(json_t *v, const char *field, int64_t *out, struct jobq_err *err)
{
	if (json_is_string(v))
		return jobq_duration_parse(json_string_value(v), out, err) == 0
			       ? 0
			       : jobq_err_prefix(err, "\"%s\"", field);
	if (json_is_number(v) && json_number_value(v) >= 0 &&
	    json_number_value(v) * 1000 <= (double)JOBQ_DURATION_MAX_MS) {
		*out = (int64_t)(json_number_value(v) * 1000 + 0.5);
		return 0;
	}
	return jobq_err_set(err, JOBQ_EINVAL, "\"%s\" must be a duration like \"30s\" or seconds",
			    field);
}

static char *dup_string(json_t *v)
{
	return json_is_string(v) ? strdup(json_string_value(v)) : NULL;
}

/* Parse one batch line into in. */
static int parse_line(const char *line, size_t len, int64_t max_payload, struct input *in,
		      struct jobq_err *err)
{
	json_error_t jerr;
	json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr), *v;
	const char *k;
	int r = 0;

	memset(in, 0, sizeof(*in));
	if (o == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "not valid JSON: %s (column %d)", jerr.text,
				    jerr.column);
	if (!json_is_object(o)) {
		r = jobq_err_set(err, JOBQ_EINVAL, "expected a JSON object");
		goto out;
	}
	json_object_foreach(o, k, v) {
		if (strcmp(k, "type") == 0 || strcmp(k, "queue") == 0 || strcmp(k, "key") == 0) {
			char **dst = k[0] == 't' ? &in->type : k[0] == 'q' ? &in->queue : &in->key;
			if ((*dst = dup_string(v)) == NULL) {
				r = jobq_err_set(err, JOBQ_EINVAL, "\"%s\" must be a string", k);
				goto out;
			}
		} else if (strcmp(k, "payload") == 0) {
			if ((in->payload = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY)) == NULL) {
				r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
				goto out;
			}
			if ((r = check_payload(in->payload, strlen(in->payload), max_payload, err)) != 0)
				goto out;
		} else if (strcmp(k, "max_attempts") == 0) {
			if (!json_is_integer(v) || json_integer_value(v) < 1 ||
			    json_integer_value(v) > 1000) {
				r = jobq_err_set(err, JOBQ_EINVAL,
						 "\"max_attempts\" must be a whole number from 1 to 1000");
				goto out;
			}
			in->job.max_attempts = (int)json_integer_value(v);
		} else if (strcmp(k, "delay") == 0) {
			if ((r = batch_duration(v, k, &in->job.delay_ms, err)) != 0)
				goto out;
		} else if (strcmp(k, "timeout") == 0) {
			if ((r = batch_duration(v, k, &in->job.timeout_ms, err)) != 0)
				goto out;
		} else {
			r = jobq_err_set(err, JOBQ_EINVAL, "unknown field \"%s\"", k);
			goto out;
		}
	}
	if (in->type == NULL) {
		r = jobq_err_set(err, JOBQ_EINVAL, "missing \"type\"");
		goto out;
	}
	r = check_common(in, err);
out:
	json_decref(o);
	return r;
}

/* Read a batch file into ins; returns the count or a negative error naming FILE:LINE. */
static int read_batch(const char *path, int64_t max_payload, struct input **out, size_t *nout,
		      struct jobq_err *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	struct input *ins = NULL;
	size_t n = 0, cap = 0, lineno = 0, linecap = 0;
	char *line = NULL;
	ssize_t len;
	int r = 0;

	if (f == NULL)
		return jobq_err_set(err, JOBQ_EINVAL, "--batch %s: %s", path, strerror(errno));
	while ((len = getline(&line, &linecap, f)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
				   line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = '\0';
		if (len == 0)
			continue;
		if (n == MAX_BATCH) {
			r = jobq_err_set(err, JOBQ_EINVAL, "%s:%zu: more than %d jobs in one batch",
					 path, lineno, MAX_BATCH);
			goto out;
		}
		if (n == cap) {
			struct input *ni;
			cap = cap ? cap * 2 : 64;
			if ((ni = realloc(ins, cap * sizeof(*ins))) == NULL) {
				r = jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
				goto out;
			}
			ins = ni;
		}
		if ((r = parse_line(line, (size_t)len, max_payload, &ins[n], err)) != 0) {
			input_free(&ins[n]);
			jobq_err_prefix(err, "%s:%zu", path, lineno);
			goto out;
		}
		n++;
	}
	if (n == 0)
		r = jobq_err_set(err, JOBQ_EINVAL, "%s: no jobs in the batch", path);
out:
	free(line);
	if (f != stdin)
		fclose(f);
	if (r != 0) {
		for (size_t i = 0; i < n; i++)
			input_free(&ins[i]);
		free(ins);
		return r;
	}
	*out = ins;
	*nout = n;
	return 0;
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
	struct input single = { 0 }, *ins = NULL;
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
		case 'h':
			return CLI_EXIT_OK;
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
	if (batch != NULL) {
		if (single_opts || optind < argc) {
			cli_usage(cli, "--batch takes no TYPE, PAYLOAD or per-job options "
				       "(put them in the file)");
			goto out;
		}
		if (read_batch(batch, cli->cfg.max_payload_bytes, &ins, &n, &err) != 0) {
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
			cli_usage(cli, "give the payload either as an argument or with --payload-file");
			goto out;
		}
		if (payload_file != NULL || (arg != NULL && strcmp(arg, "-") == 0)) {
			FILE *f = payload_file != NULL ? fopen(payload_file, "rb") : stdin;
			if (f == NULL) {
				cli_usage(cli, "--payload-file %s: %s", payload_file, strerror(errno));
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
		    check_payload(single.payload, len, cli->cfg.max_payload_bytes, &err) != 0) {
			status = cli_fail_err(cli, &err);
			goto out;
		}
		if (check_common(&single, &err) != 0) {
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
		else if (out[i].same_as != i)	/* a key repeated in the batch: its first job */
			out[i].published = out[out[i].same_as].published;
	}
	for (size_t i = 0; i < n; i++) {
		bool published = out[i].published;

		if (cli->json) {
			json_t *o = json_object();
			json_object_set_new(o, "id", json_string(out[i].env.job_id));
			json_object_set_new(o, "status", json_string(jobq_status_name(out[i].status)));
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
			input_free(&ins[i]);
		free(ins);
	}
	input_free(&single);
	free(jobs);
	free(out);
	free(refs);
	free(ids);
	return status;
}
