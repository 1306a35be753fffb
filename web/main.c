/* jobq-web: arguments, configuration and wiring of the web console (docs/web.md). */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "jobq/log.h"
#include "jobq/parse.h"
#include "server.h"
#include "web.h"

static void usage(FILE *f)
{
	fputs("usage: jobq-web [--config FILE] [--listen ADDR] [--port N] [--read-only]\n"
	      "       jobq-web --hash-password\n"
	      "\n"
	      "Serves the jobq web console: queues, jobs (filtered and paged as jobq list),\n"
	      "one job with its values and history, workers, dead letters, schedules and\n"
	      "limits; and, after a login, cancel, retry, bulk cancel/retry by filter and\n"
	      "queue pause/resume. Pages work without JavaScript; a job's page updates live\n"
	      "(server-sent events). See docs/web.md.\n"
	      "\n"
	      "options:\n"
	      "  --config FILE      configuration file (else $JOBQ_CONFIG, else "
	      "/etc/jobq/jobq.conf);\n"
	      "                     the console reads database.url, amqp.url and the web group\n"
	      "  --listen ADDR      the address to listen on: an IPv4 or IPv6 address or\n"
	      "                     localhost (default: web.listen, else 127.0.0.1)\n"
	      "  --port N           the port, 1-65535 (default: web.port, else 8080)\n"
	      "  --read-only        show everything to anyone who reaches the port, offer no\n"
	      "                     action, take no login\n"
	      "                     (default: web.read_only)\n"
	      "  --hash-password    read a password from standard input (one line), print its\n"
	      "                     yescrypt hash for web.password_hash, exit\n"
	      "  --check-config     validate the configuration, print the web settings\n"
	      "                     (secrets masked), exit\n"
	      "  --version          print the version\n"
	      "  -h, --help         this help\n"
	      "\n"
	      "A console that is not read-only needs web.password_hash or web.token (32\n"
	      "characters or more), and a login for every page but /login and /static/.\n"
	      "signals: SIGTERM or SIGINT stops serving and exits.\n"
	      "\n"
	      "exit status: 0 clean stop; 2 invalid configuration or flags; 1 other failures\n"
	      "(cannot listen).\n",
	      f);
}

/* --hash-password: one line from stdin (echo off on a terminal), its hash on stdout. */
static int hash_password(void)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	char line[1024], hash[256];
	struct jobq_err err;
	size_t n;

	if (tty) {
		fputs("password: ", stderr);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	if (fgets(line, sizeof(line), stdin) == NULL)
		line[0] = '\0';
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputs("\n", stderr);
	}
	n = strcspn(line, "\r\n");
	line[n] = '\0';
	if (n == 0) {
		fputs("jobq-web: --hash-password: no password on standard input\n", stderr);
		return 2;
	}
	if (auth_password_hash(line, hash, sizeof(hash), &err) != 0) {
		fprintf(stderr, "jobq-web: %s\n", err.msg);
		return 1;
	}
	explicit_bzero(line, sizeof(line));
	printf("%s\n", hash);
	return 0;
}

/* Split web.hosts ("a.example,b.example") into w->hosts. */
static int split_hosts(struct web *w, const char *list, struct jobq_err *err)
{
	const char *p = list;

	while (p != NULL && *p != '\0') {
		size_t n = strcspn(p, ",");

		if (n > 0) {
			if (w->nhosts == WEB_MAX_HOSTS)
				return jobq_err_set(err, JOBQ_EINVAL,
						    "web.hosts: more than %d names", WEB_MAX_HOSTS);
			if ((w->hosts[w->nhosts++] = strndup(p, n)) == NULL)
				return jobq_err_set(err, JOBQ_ENOMEM, "out of memory");
		}
		p = p[n] == ',' ? p + n + 1 : NULL;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "listen", required_argument, NULL, 'l' },
		{ "port", required_argument, NULL, 'p' },
		{ "read-only", no_argument, NULL, 'r' },
		{ "hash-password", no_argument, NULL, 'H' },
		{ "check-config", no_argument, NULL, 'C' },
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static struct web w; /* large (the session table): not on the stack */
	struct jobq_config cfg;
	const char *config_path = NULL, *listen = NULL;
	struct jobq_err err;
	int64_t port = 0;
	bool read_only = false, check = false;
	sigset_t set;
	int opt, sig, status = 1;

	jobq_log_set_program("web");
	signal(SIGPIPE, SIG_IGN);
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":c:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'c':
			config_path = optarg;
			break;
		case 'l':
			listen = optarg;
			break;
		case 'p':
			if (jobq_parse_int(optarg, 1, 65535, "--port", &port, &err) != 0) {
				fprintf(stderr, "jobq-web: %s\n", err.msg);
				return 2;
			}
			break;
		case 'r':
			read_only = true;
			break;
		case 'H':
			return hash_password();
		case 'C':
			check = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("jobq-web %s\n", JOBQ_VERSION);
			return 0;
		case ':':
			fprintf(stderr, "jobq-web: option %s needs a value\n", argv[optind - 1]);
			return 2;
		default:
			fprintf(stderr, "jobq-web: unknown option '%s' (see --help)\n",
				argv[optind - 1]);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "jobq-web: unexpected argument '%s' (see --help)\n", argv[optind]);
		return 2;
	}
	if (jobq_config_load(&cfg, config_path, &err) != 0) {
		fprintf(stderr, "jobq-web: %s\n", err.msg);
		return 2;
	}
	w.cfg = &cfg;
	w.config_path = config_path;
	snprintf(w.listen, sizeof(w.listen), "%s",
		 listen != NULL           ? listen
		 : cfg.web_listen != NULL ? cfg.web_listen
					  : "127.0.0.1");
	w.port = port > 0 ? (int)port : cfg.web_port;
	w.read_only = read_only || cfg.web_read_only;
	status = 2;
	if (jobq_config_validate(&cfg, &err) != 0 || split_hosts(&w, cfg.web_hosts, &err) != 0) {
		fprintf(stderr, "jobq-web: %s\n", err.msg);
		goto out;
	}
	if (cfg.web_password_hash != NULL && strncmp(cfg.web_password_hash, "$", 1) != 0) {
		fprintf(stderr, "jobq-web: web.password_hash: not a crypt(3) hash (make one with "
				"jobq-web --hash-password)\n");
		goto out;
	}
	if (cfg.web_token != NULL && strlen(cfg.web_token) < 32) {
		fprintf(stderr, "jobq-web: web.token: at least 32 characters\n");
		goto out;
	}
	if (!w.read_only && cfg.web_password_hash == NULL && cfg.web_token == NULL) {
		fprintf(stderr, "jobq-web: set web.password_hash or web.token for the actions, or "
				"web.read_only (--read-only) for a console without them\n");
		goto out;
	}
	if (check) {
		printf("config: %s\nweb.listen: %s\nweb.port: %d\nweb.read_only: %s\n"
		       "web.password_hash: %s\nweb.token: %s\nweb.secure_cookie: %s\n"
		       "web.hosts: %s\nconfig ok\n",
		       cfg.source ? cfg.source : "(defaults)", w.listen, w.port,
		       w.read_only ? "true" : "false", cfg.web_password_hash ? "***" : "(none)",
		       cfg.web_token ? "***" : "(none)", cfg.web_secure_cookie ? "true" : "false",
		       cfg.web_hosts ? cfg.web_hosts : "(none)");
		status = 0;
		goto out;
	}
	jobq_log_setup(cfg.log_level, cfg.log_format);
	/* Signals go to this thread alone (sigwait below), never to the server's threads. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	auth_init(&w.auth, cfg.web_session_ms);
	pthread_mutex_init(&w.db_mu, NULL);
	pthread_cond_init(&w.db_cv, NULL);
	pthread_mutex_init(&w.client_mu, NULL);
	if (web_start(&w, &err) != 0) {
		jobq_error("start_failed", "error", err.msg);
		status = err.code == JOBQ_EINVAL ? 2 : 1;
		goto out_threads;
	}
	{
		char port_text[16];

		snprintf(port_text, sizeof(port_text), "%d", w.port);
		jobq_info("web_listening", "address", w.listen, "port", port_text, "mode",
			  w.read_only ? "read-only" : "actions");
	}
	while (sigwait(&set, &sig) != 0 || (sig != SIGTERM && sig != SIGINT))
		;
	jobq_info("web_stopping", "signal", sig == SIGTERM ? "TERM" : "INT");
	status = 0;
out_threads:
	web_stop(&w);
	jobq_client_close(w.client);
	pthread_mutex_destroy(&w.client_mu);
	pthread_cond_destroy(&w.db_cv);
	pthread_mutex_destroy(&w.db_mu);
	auth_destroy(&w.auth);
out:
	for (int i = 0; i < w.nhosts; i++)
		free(w.hosts[i]);
	jobq_config_free(&cfg);
	return status;
}
