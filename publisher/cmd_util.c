/* Plumbing shared by the command files (cmd_*.c) beyond cli.h: positional argument checks
 * and printing a JSON value that may have failed to build. */
#include "cmd_util.h"

const char *cmd_job_id_arg(struct cli *cli, int argc, char **argv)
{
	if (optind >= argc) {
		cli_usage(cli, "missing job id");
		return NULL;
	}
	if (optind + 1 < argc) {
		cli_usage(cli, "unexpected argument '%s'", argv[optind + 1]);
		return NULL;
	}
	if (!cli_job_id(cli, argv[optind]))
		return NULL;
	return argv[optind];
}

const char *cmd_sub_arg(struct cli *cli, int argc, char **argv, const char *missing,
			int (*check)(const char *, struct jobq_err *))
{
	struct jobq_err err = { 0 };

	if (optind + 1 >= argc) {
		cli_usage(cli, "%s", missing);
		return NULL;
	}
	if (optind + 2 < argc) {
		cli_usage(cli, "unexpected argument '%s'", argv[optind + 2]);
		return NULL;
	}
	if (check(argv[optind + 1], &err) != 0) {
		cli_fail_err(cli, &err);
		return NULL;
	}
	return argv[optind + 1];
}

int cmd_no_args(struct cli *cli, int argc, char **argv)
{
	if (optind < argc)
		return cli_usage(cli, "unexpected argument '%s'", argv[optind]);
	return 0;
}

int cmd_query(struct cli *cli, const char *sql, int n, const char *const *p, const char *what,
	      PGresult **res)
{
	struct jobq_store *st = cli_store(cli);
	struct jobq_err err = { 0 };

	if (st == NULL)
		return CLI_EXIT_UNAVAILABLE;
	if (jobq_store_exec(st, NULL, sql, n, p, res, what, &err) != 0)
		return cli_fail_err(cli, &err);
	return CLI_EXIT_OK;
}

int cmd_print_json(struct cli *cli, json_t *v)
{
	if (v == NULL)
		return cli_fail(cli, CLI_EXIT_JOB_FAILED, "out of memory");
	cli_print_json(v);
	return CLI_EXIT_OK;
}
