/* jobq-consumer: parses arguments, loads the configuration and wires the I/O thread,
 * the executors and the keeper together. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "consumer.h"
#include "isolate.h"
#include "jobq/broker.h"
#include "jobq/duration.h"
#include "pool.h"
#include "retention.h"
#include "jobq/log.h"
#include "jobq/parse.h"
#include "jobq/store.h"
#include "jobq/fault.h"
#include "jobq/url.h"
#include "shim_spawn.h"

/* The one mutable global: the signal handler's view of the consumer. */
static struct consumer *volatile signal_target;
/* Signals that came before the consumer existed (during start-up), applied once it does:
 * a SIGHUP then must not kill the process, nor a SIGTERM be forgotten. */
static volatile sig_atomic_t early_stop, early_reload;

static void on_signal(int sig)
{
	struct consumer *c = signal_target;

	if (c == NULL) {
		if (sig == SIGHUP)
			early_reload = 1;
		else
			early_stop = 1;
		return;
	}
	if (sig == SIGHUP)
		atomic_store(&c->reload, true);
	else
		atomic_fetch_add(&c->signals, 1);
	consumer_wake(c);
}

static void usage(FILE *f)
{
	fputs("usage: jobq-consumer [--config FILE] [--queues a,b] [--concurrency N]\n"
	      "                     [--worker-id ID] [--check-config]\n"
	      "\n"
	      "Runs jobs from RabbitMQ queues jobq.<queue>, keeping each job's delivery\n"
	      "unacked while it runs and its lease alive in PostgreSQL.\n"
	      "\n"
	      "options:\n"
	      "  --config FILE      configuration file (else $JOBQ_CONFIG, else "
	      "/etc/jobq/jobq.conf)\n"
	      "  --queues a,b       job queues to consume (default: default)\n"
	      "  --concurrency N    jobs run at once, 1-1024 (default 8)\n"
	      "  --worker-id ID     this worker's id (default: host-pid-random)\n"
	      "  --check-config     validate the configuration, print it (secrets masked), exit\n"
	      "  --metrics ADDR     serve Prometheus metrics on ADDR (host:port, e.g.\n"
	      "                     0.0.0.0:9464; a bare port means 127.0.0.1) at /metrics;\n"
	      "                     default: metrics.listen, off\n"
	      "  --version          print the version\n"
	      "  -h, --help         this help\n"
	      "\n"
	      "signals: SIGTERM or SIGINT drains (no new jobs, running ones get\n"
	      "shutdown_timeout, then are released back to the queue); a second signal\n"
	      "releases at once. SIGHUP reloads the configuration file (an invalid file\n"
	      "keeps the running configuration; URLs, queues, concurrency and the worker\n"
	      "id need a restart).\n"
	      "\n"
	      "exit status: 0 clean stop; 2 invalid configuration or flags; 5 database or\n"
	      "broker unavailable at start; 1 other failures.\n",
	      f);
}

/* A retention window as --check-config shows it: the duration, or "for ever" when unset. */
static const char *keep_text(int64_t ms, char *buf, size_t len)
{
	return ms > 0 ? jobq_duration_format(ms, buf, len) : "for ever";
}

static void print_config(const struct jobq_config *cfg, const char *shim)
{
	char masked[512], d[32];

	printf("config: %s\n", cfg->source ? cfg->source : "(defaults)");
	printf("amqp.url: %s\n", jobq_url_mask_list(cfg->amqp_url, masked, sizeof(masked)));
	printf("amqp.heartbeat: %s\n", jobq_duration_format(cfg->amqp_heartbeat_ms, d, sizeof(d)));
	printf("amqp.queue_type: %s\n", jobq_queue_type_name(cfg->amqp_queue_type));
	printf("database.url: %s\n", jobq_url_mask(cfg->database_url, masked, sizeof(masked)));
	printf("consumer.worker_id: %s\n", cfg->worker_id ? cfg->worker_id : "(generated)");
	printf("consumer.queues:");
	for (int i = 0; i < cfg->nqueues; i++)
		printf(" %s", cfg->queues[i]);
	printf("\nconsumer.concurrency: %d\n", cfg->concurrency);
	printf("consumer.prefetch: %d%s\n", jobq_config_prefetch(cfg),
	       cfg->prefetch > cfg->concurrency ? "" : " (= concurrency)");
	printf("consumer.heartbeat_interval: %s\n",
	       jobq_duration_format(cfg->heartbeat_interval_ms, d, sizeof(d)));
	printf("consumer.lease_duration: %s\n",
	       jobq_duration_format(cfg->lease_duration_ms, d, sizeof(d)));
	printf("consumer.shutdown_timeout: %s\n",
	       jobq_duration_format(cfg->shutdown_timeout_ms, d, sizeof(d)));
	printf("consumer.cancel_grace: %s\n",
	       jobq_duration_format(cfg->cancel_grace_ms, d, sizeof(d)));
	printf("retention: succeeded %s", keep_text(cfg->retention_succeeded_ms, d, sizeof(d)));
	printf(", failed %s", keep_text(cfg->retention_failed_ms, d, sizeof(d)));
	printf(", cancelled %s", keep_text(cfg->retention_cancelled_ms, d, sizeof(d)));
	printf(", dead_letters %s", keep_text(cfg->retention_dead_letters_ms, d, sizeof(d)));
	printf("; batch %d, rate %d/s, interval %s\n", cfg->retention_batch, cfg->retention_rate,
	       jobq_duration_format(cfg->retention_interval_ms, d, sizeof(d)));
	printf("handlers: %d command handler(s)", cfg->nhandlers);
	for (int i = 0; i < cfg->nhandlers; i++)
		printf("%s%s%s", i ? ", " : ": ", cfg->handlers[i].type,
		       cfg->handlers[i].persistent ? " (persistent)" : "");
	if (cfg->nhandlers > 0)
		printf("\nhandlers.shim: %s", shim);
	printf("\nconfig ok\n");
}

/* Declare the topology once before any thread starts: a queue of the other type than
 * amqp.queue_type (or a broker URL or TLS file that cannot work) is a configuration error
 * that no reconnect mends, so it stops the worker here with exit status 2 rather than
 * have the I/O thread retry it forever. A broker that does not answer is not an error
 * here: the I/O thread connects when it can, as always. */
static int check_broker(const struct consumer *c, struct jobq_err *err)
{
	struct jobq_broker_opts opts;
	struct jobq_err e = { 0 };
	char name[400];

	snprintf(name, sizeof(name), "jobq-consumer worker=%s host=%s pid=%d start check",
		 c->worker_id, c->hostname, c->pid);
	jobq_broker_opts_from_config(&opts, c->cfg, name);
	if (jobq_broker_declare_once(&opts, c->cfg->queues, c->cfg->nqueues, &e) != JOBQ_EINVAL)
		return 0;
	return jobq_err_set(err, JOBQ_EINVAL, "%s", e.msg);
}

static int init_consumer(struct consumer *c, struct jobq_config *cfg, const char *config_path,
			 struct jobq_err *err)
{
	pthread_condattr_t ca;

	memset(c, 0, sizeof(*c));
	c->settle_fd = c->relay_fd = -1; /* none yet: free_consumer closes only what was made */
	c->cfg = cfg;
	c->config_path = config_path;
	c->pid = (int)getpid();
	if (gethostname(c->hostname, sizeof(c->hostname) - 1) != 0)
		snprintf(c->hostname, sizeof(c->hostname), "unknown");
	if (cfg->worker_id != NULL) {
		snprintf(c->worker_id, sizeof(c->worker_id), "%s", cfg->worker_id);
	} else {
		/* The random part from the kernel: replicas in containers share a pid (often 1
		 * or 6) and start within one second, so time ^ pid gave them one suffix, and a
		 * replica restarted in its container could get a dead one's id back. */
		uint32_t rnd;

		if (getrandom(&rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd)) {
			unsigned int seed = (unsigned int)time(NULL) ^ (unsigned int)c->pid;

			rnd = (uint32_t)rand_r(&seed);
		}
		snprintf(c->worker_id, sizeof(c->worker_id), "%.60s-%d-%08x", c->hostname, c->pid,
			 (unsigned int)rnd);
	}
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->cv, NULL);
	pthread_mutex_init(&c->settle_mu, NULL);
	pthread_mutex_init(&c->exec_mu, NULL);
	pthread_mutex_init(&c->health_mu, NULL);
	pthread_mutex_init(&c->retention_mu, NULL);
	pthread_mutex_init(&c->handed_mu, NULL);
	/* A batch never needs more than two items per executor (an outcome and the next
	 * claim). */
	if (combiner_init(&c->writes, 2 * (size_t)cfg->concurrency) != 0)
		return jobq_err_set(err, JOBQ_ESYS, "combiner: %s", strerror(errno));
	if ((c->settle_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) < 0)
		return jobq_err_set(err, JOBQ_ESYS, "eventfd: %s", strerror(errno));
	if ((c->relay_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) < 0)
		return jobq_err_set(err, JOBQ_ESYS, "eventfd: %s", strerror(errno));
	c->nexec = 2 * cfg->concurrency;
	if ((c->execs = calloc((size_t)c->nexec, sizeof(*c->execs))) == NULL)
		return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
	/* job_sleep waits on CLOCK_MONOTONIC deadlines. */
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	for (int i = 0; i < c->nexec; i++) {
		pthread_cond_init(&c->execs[i].wake, &ca);
		c->execs[i].wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (c->execs[i].wake_fd < 0) {
			pthread_condattr_destroy(&ca);
			return jobq_err_set(err, JOBQ_ESYS, "eventfd: %s", strerror(errno));
		}
	}
	pthread_condattr_destroy(&ca);
	return 0;
}

static void free_consumer(struct consumer *c)
{
	for (int i = 0; i < c->nexec && c->execs != NULL; i++) {
		pthread_cond_destroy(&c->execs[i].wake);
		if (c->execs[i].wake_fd > 0)
			close(c->execs[i].wake_fd);
	}
	consumer_free_old_configs(c);
	combiner_destroy(&c->writes);
	jobq_store_free(c->write_st);
	free(c->execs);
	free(c->ring);
	free(c->express);
	free(c->settle);
	free(c->health); /* the handler health table (health.c), grown when a handler broke */
	if (c->settle_fd >= 0)
		close(c->settle_fd);
	if (c->relay_fd >= 0)
		close(c->relay_fd);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "queues", required_argument, NULL, 'q' },
		{ "concurrency", required_argument, NULL, 'n' },
		{ "worker-id", required_argument, NULL, 'w' },
		{ "check-config", no_argument, NULL, 'C' },
		{ "metrics", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct jobq_config cfg = { 0 };
	struct jobq_err err = { 0 };
	struct consumer c;
	struct keeper *keeper = NULL;
	struct executor_arg *eargs = NULL;
	pthread_t io, kt, rt, ft, ret, *ex = NULL;
	const char *config_path = NULL, *queues = NULL, *worker_id = NULL, *metrics_addr = NULL;
	char shim[sizeof(c.shim)] = "";
	int64_t concurrency = 0;
	bool check = false;
	struct sigaction sa;
	int opt, status = 1;

	jobq_log_set_program("consumer");
	/* Before anything reads a secret or starts a thread: a handler must find none of the
	 * worker's credentials in /proc/<worker>/environ, nor be able to read its memory. */
	if (isolate_worker(&err) != 0) {
		fprintf(stderr, "jobq-consumer: %s\n", err.msg);
		return 1;
	}
	/* From here on a signal is noted, never fatal: start-up (registration, the first
	 * connections) can take a while, and a supervisor may send SIGHUP or SIGTERM during it. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":c:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'c':
			config_path = optarg;
			break;
		case 'q':
			queues = optarg;
			break;
		case 'n':
			if (jobq_parse_int(optarg, 1, 1024, "--concurrency", &concurrency, &err) !=
			    0) {
				fprintf(stderr, "jobq-consumer: %s\n", err.msg);
				return 2;
			}
			break;
		case 'w':
			worker_id = optarg;
			break;
		case 'C':
			check = true;
			break;
		case 'm':
			metrics_addr = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("jobq-consumer %s\n", JOBQ_VERSION);
			return 0;
		case ':':
			fprintf(stderr, "jobq-consumer: option %s needs a value\n",
				argv[optind - 1]);
			return 2;
		default:
			fprintf(stderr, "jobq-consumer: unknown option '%s' (see --help)\n",
				argv[optind - 1]);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "jobq-consumer: unexpected argument '%s' (see --help)\n",
			argv[optind]);
		return 2;
	}
	if (jobq_config_load(&cfg, config_path, &err) != 0) {
		fprintf(stderr, "jobq-consumer: %s\n", err.msg);
		return 2;
	}
	/* Flags override the file and the environment. */
	if ((queues != NULL && jobq_config_set_queues(&cfg, queues, &err) != 0) ||
	    (worker_id != NULL && jobq_config_set_str(&cfg.worker_id, worker_id, &err) != 0)) {
		fprintf(stderr, "jobq-consumer: %s%s\n", queues ? "--queues: " : "", err.msg);
		status = 2;
		goto out_cfg;
	}
	if (concurrency > 0)
		cfg.concurrency = (int)concurrency;
	if (metrics_addr != NULL &&
	    jobq_config_set_str(&cfg.metrics_listen, metrics_addr, &err) != 0) {
		fprintf(stderr, "jobq-consumer: %s\n", err.msg);
		goto out_cfg;
	}
	if (jobq_config_validate(&cfg, &err) != 0) {
		fprintf(stderr, "jobq-consumer: %s\n", err.msg);
		status = 2;
		goto out_cfg;
	}
	/* Handlers run through jobq-exec-shim: a worker that could run none of them is a
	 * configuration error, seen at start rather than by every job. */
	if (cfg.nhandlers > 0 && shim_find(shim, sizeof(shim), &err) != 0) {
		fprintf(stderr, "jobq-consumer: %s\n", err.msg);
		status = 2;
		goto out_cfg;
	}
	if (check) {
		print_config(&cfg, shim);
		status = 0;
		goto out_cfg;
	}
	jobq_log_setup(cfg.log_level, cfg.log_format);
	if (init_consumer(&c, &cfg, config_path, &err) != 0) {
		jobq_error("start_failed", "error", err.msg);
		goto out_cfg;
	}
	memcpy(c.shim, shim, sizeof(c.shim));
	c.flag_queues = queues != NULL;
	c.flag_concurrency = concurrency > 0;
	c.flag_worker_id = worker_id != NULL;
	jobq_fault_stop("consumer_start");
	if (check_broker(&c, &err) != 0) {
		jobq_error("start_failed", "worker", c.worker_id, "error", err.msg);
		status = 2;
		goto out_consumer;
	}
	if (keeper_open(&c, &keeper, &err) != 0) {
		jobq_error("start_failed", "worker", c.worker_id, "error", err.msg);
		status = err.code == JOBQ_ECONFLICT ? 2 : 5;
		goto out_consumer;
	}
	{
		char pid[24], conc[24], masked[512];
		jobq_info("worker_starting", "worker", c.worker_id, "pid", jobq_log_int(pid, c.pid),
			  "concurrency", jobq_log_int(conc, cfg.concurrency), "amqp",
			  jobq_url_mask_list(cfg.amqp_url, masked, sizeof(masked)));
	}

	if (!cfg.amqp_tls_verify && strstr(cfg.amqp_url, "amqps://") != NULL)
		/* Encrypted but unauthenticated: anyone on the path can be the broker. */
		jobq_warn("tls_unverified", "worker", c.worker_id, "error",
			  "amqp.tls_verify = false: the broker's certificate and host name are NOT "
			  "checked; use it only to debug");
	if (cfg.metrics_listen != NULL && metrics_start(&c, cfg.metrics_listen, &err) != 0) {
		jobq_error("start_failed", "worker", c.worker_id, "error", err.msg);
		status = err.code == JOBQ_EINVAL ? 2 : 1;
		goto out_consumer;
	}
	if (cfg.metrics_listen != NULL)
		jobq_info("metrics_listening", "worker", c.worker_id, "address",
			  cfg.metrics_listen);
	signal_target = &c;
	/* Read after the target is set: a signal from now on reaches c directly. */
	if (early_stop)
		atomic_fetch_add(&c.signals, 1);
	if (early_reload)
		atomic_store(&c.reload, true);

	ex = calloc((size_t)cfg.concurrency, sizeof(*ex));
	eargs = calloc((size_t)cfg.concurrency, sizeof(*eargs));
	if (ex == NULL || eargs == NULL) {
		jobq_error("start_failed", "error", "out of memory");
		goto out_consumer;
	}
	{
		/* The write session too, before any delivery (as each executor's own). If the
		 * database is down now, the first batch connects it. */
		struct jobq_err werr = { 0 };

		if (jobq_store_connect_bounded(cfg.database_url, "jobq-consumer writer",
					       JOBQ_STORE_WORKER, fence_session_bound_ms(&cfg),
					       &c.write_st, &werr) != 0)
			jobq_warn("db_unavailable", "worker", c.worker_id, "thread", "writer",
				  "error", werr.msg);
	}
	/* Persistent handlers' children start now, so the first jobs find them warm. */
	if (pools_start(&c, &err) != 0) {
		jobq_error("start_failed", "worker", c.worker_id, "error", err.msg);
		goto out_consumer;
	}
	for (int i = 0; i < cfg.concurrency; i++) {
		eargs[i] = (struct executor_arg){ &c, i };
		pthread_create(&ex[i], NULL, executor_thread, &eargs[i]);
	}
	pthread_create(&kt, NULL, keeper_thread, keeper);
	pthread_create(&ft, NULL, fence_thread, &c);
	pthread_create(&rt, NULL, relay_thread, &c);
	pthread_create(&ret, NULL, retention_thread, &c);
	pthread_create(&io, NULL, io_thread, &c);
	pthread_join(io, NULL);
	retention_cancel(&c); /* a statement still waiting (on a lock) does not hold the exit */
	pthread_join(rt, NULL);
	pthread_join(ret, NULL);
	for (int i = 0; i < cfg.concurrency; i++)
		pthread_join(ex[i], NULL);
	pools_stop(&c); /* no job runs now: every child is told to go */
	pthread_join(kt, NULL);
	pthread_join(ft, NULL);
	signal_target = NULL;
	jobq_info("worker_stopped", "worker", c.worker_id);
	status = 0;
out_consumer:
	pools_stop(&c);
	metrics_stop(&c);
	free(ex);
	free(eargs);
	free_consumer(&c);
out_cfg:
	jobq_config_free(&cfg);
	return status;
}
