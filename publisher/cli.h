/* Shared state and helpers of the jobq CLI's commands: exit statuses, the lazily opened
 * database connection, error reporting and output (text or --json). */
#ifndef JOBQ_CLI_H
#define JOBQ_CLI_H

#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include "jobq/broker.h"
#include "jobq/config.h"
#include "jobq/jobq.h"
#include "jobq/store.h"

/* Exit statuses (docs/design.md §9). */
enum {
	CLI_EXIT_OK = 0,
	CLI_EXIT_JOB_FAILED = 1,  /* job ended failed/cancelled, or a cancel came too late */
	CLI_EXIT_USAGE = 2,       /* usage error or invalid input */
	CLI_EXIT_NOTFOUND = 3,    /* no such job */
	CLI_EXIT_TIMEOUT = 4,     /* timed out waiting */
	CLI_EXIT_UNAVAILABLE = 5, /* broker or database unavailable */
	CLI_EXIT_RELAYED = 6,     /* saved, but no broker node confirmed it: the relay will */
};

/* What a command returns, run by the agent (cli->agent), for a request it leaves to the
 * front end (the full CLI runs it there): a file or stdin to read, or a wait. Returned
 * before anything is printed or done. Never a process exit status. */
#define CLI_AGENT_DECLINE (-1)

struct cli {
	struct jobq_config cfg;
	bool json;                  /* --json: machine-readable output */
	const char *command;        /* the sub-command being run, for messages */
	struct jobq_store *store;   /* opened by cli_store() */
	jobq_client *client;        /* libjobq's handle, opened by cli_client() */
	struct jobq_broker *broker; /* cli_publish's connection, kept for the next call */
	const char *config_path;    /* --config, or NULL */
	bool agent; /* the command runs inside `jobq agent`, for a front end (cmd_agent.c) */
};

/* Parse the global options of argv (argv[0] is the program), load the configuration
 * (unless cli->agent: the agent's stays) and run the command. Returns its exit status, or
 * CLI_AGENT_DECLINE when cli->agent and the request is not one the agent runs (a command
 * other than submit, --config, --help, --version). The caller frees cli (cli_free). */
int cli_run(struct cli *cli, int argc, char **argv);

/* Free what cli holds (connections, configuration); cli is zeroed. */
void cli_free(struct cli *cli);

/* A sub-command: argv[0] is the command name; getopt state is reset before the call.
 * Returns the process exit status. */
typedef int (*cli_command_fn)(struct cli *cli, int argc, char **argv);

/* Open (once) and return the database connection. On failure prints the error and
 * returns NULL; the caller returns CLI_EXIT_UNAVAILABLE. */
struct jobq_store *cli_store(struct cli *cli);

/* Open (once) and return the libjobq handle the job commands run on, configured as the
 * CLI is (cli->config_path, the environment). On failure prints the error and returns
 * NULL with *status set to 5 (the database is unavailable or its URL unusable). */
jobq_client *cli_client(struct cli *cli, int *status);

/* Print "jobq COMMAND: <message>" as one line on stderr and return the exit status for
 * err->code (jobq_err_exit_status). */
int cli_fail_err(struct cli *cli, const struct jobq_err *err);

/* Print "jobq COMMAND: <formatted>" on stderr and return status. */
int cli_fail(struct cli *cli, int status, const char *fmt, ...) JOBQ_PRINTF(3, 4);

/* Print a usage error ("jobq COMMAND: <formatted> (see 'jobq COMMAND --help')") and
 * return CLI_EXIT_USAGE. */
int cli_usage(struct cli *cli, const char *fmt, ...) JOBQ_PRINTF(2, 3);

/* Run getopt_long over argv with the common options added (--help/-h, --json). Returns the
 * option character like getopt_long; handles --help by printing `help` to stdout and
 * returning 'h' (the caller returns CLI_EXIT_OK), --json by setting cli->json and reading
 * on, and an unknown option or missing argument by returning '?' after printing a
 * one-line usage error (the caller returns CLI_EXIT_USAGE). */
int cli_getopt(struct cli *cli, int argc, char **argv, const char *shortopts,
	       const struct option *longopts, const char *help);

/* Print a JSON value to stdout (compact, one line) and decref it. */
void cli_print_json(json_t *v);

/* Parse a job id argument and rewrite it in place in its canonical lower-case form (the
 * form the database prints, which the cancel broadcast and `wait`'s notifications carry);
 * on an invalid UUID prints a usage error naming it and returns false. */
bool cli_job_id(struct cli *cli, char *arg);

/* Parse a duration flag value (`flag` names it in errors). Prints the error and returns
 * false on invalid input. */
bool cli_duration(struct cli *cli, const char *flag, const char *text, int64_t *out_ms);

/* Parse an integer flag value in [min, max]; prints the error and returns false. */
bool cli_int(struct cli *cli, const char *flag, const char *text, int64_t min, int64_t max,
	     int64_t *out);

/* A committed job that still has to be handed to the broker. */
struct cli_job_ref {
	const char *id;
	const char *queue;
	const char *type;
	bool published; /* set by cli_publish: the broker confirmed its message */
	int64_t token;  /* the lease token the row had when it was saved (0: new) */
	int priority;   /* > 0: published to the queue's express queue */
	bool keyed;     /* a concurrency key: published to the express queue too */
};

/* Publish the jobs' messages with publisher confirms (many in flight, then the confirms
 * collected) and set published_at on those confirmed. The URLs of amqp.url are tried in
 * turn: when a node fails or does not confirm, the rest go to the next node, each node
 * once (a warning line names the node used and the ones skipped). Returns 0 when all were
 * confirmed. Otherwise it prints one warning line saying the jobs are saved and the relay
 * of any running consumer will publish them, and returns a negative JOBQ_E*; the jobs are
 * never lost, and callers exit CLI_EXIT_RELAYED. The connection stays open in cli->broker
 * for the next call (a bulk retry publishes many times on one), until cli_free. */
int cli_publish(struct cli *cli, struct cli_job_ref *jobs, size_t n);

/* Commands. */
int cmd_migrate(struct cli *cli, int argc, char **argv);
int cmd_submit(struct cli *cli, int argc, char **argv);
int cmd_wait(struct cli *cli, int argc, char **argv);
int cmd_cancel(struct cli *cli, int argc, char **argv);
int cmd_status(struct cli *cli, int argc, char **argv);
int cmd_list(struct cli *cli, int argc, char **argv);
int cmd_history(struct cli *cli, int argc, char **argv);
int cmd_stats(struct cli *cli, int argc, char **argv);
int cmd_workers(struct cli *cli, int argc, char **argv);
int cmd_retry(struct cli *cli, int argc, char **argv);
int cmd_prune(struct cli *cli, int argc, char **argv);
int cmd_dead(struct cli *cli, int argc, char **argv);
int cmd_agent(struct cli *cli, int argc, char **argv);
int cmd_schedule(struct cli *cli, int argc, char **argv);
int cmd_queue(struct cli *cli, int argc, char **argv);
int cmd_limit(struct cli *cli, int argc, char **argv);
int cmd_batch(struct cli *cli, int argc, char **argv);

#endif
