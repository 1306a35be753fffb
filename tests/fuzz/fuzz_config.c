/* Fuzz target for jobq_config_load (common/config.c, common/config_read.c): the input is
 * written to a file in a private directory and loaded. A load either succeeds with a
 * configuration that validates, or fails with a one-line JOBQ_EINVAL naming the file and
 * leaves the configuration freed-and-empty.
 *
 * @include: libconfig resolves included names against the main file's directory, and ".."
 * leaves it. Inputs whose @include names hold '/' or '\' are skipped, so every include
 * stays within the private directory, which holds the input (jobq.conf), a valid fragment
 * (inc.cfg), a directory (sub) and a FIFO (fifo): the loader must refuse the last two. */
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "jobq/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);
const char *__lsan_default_suppressions(void);

/* libconfig 1.5 leaks a string token's buffer (from strbuf_append, or from its scanner for
 * "") when a syntax error follows it: its grammar frees no discarded token. Not jobq's
 * leak; settings jobq failed to release would still show, allocated by the parser. */
const char *__lsan_default_suppressions(void)
{
	return "leak:strbuf_append\nleak:libconfig_yylex\n";
}

extern char **environ;

static char dir[256], conf[300];

static void put_file(const char *path, const void *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	FUZZ_CHECK(fd >= 0);
	FUZZ_CHECK(write(fd, data, size) == (ssize_t)size);
	FUZZ_CHECK(close(fd) == 0);
}

static void cleanup(void)
{
	char path[300];
	static const char *const names[] = { "jobq.conf", "inc.cfg", "fifo" };
	size_t i;

	if (dir[0] == '\0')
		return;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/sub", dir);
	rmdir(path);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char inc[] = "log = { level = \"debug\"; format = \"json\"; };\n";
	const char *tmp = getenv("TMPDIR");
	char path[300], *names[256];
	size_t i, n = 0;

	(void)argc;
	(void)argv;
	/* The environment overrides the file: clear everything jobq_config_load reads. */
	for (i = 0; environ[i] != NULL && n < sizeof(names) / sizeof(names[0]); i++)
		if (strncmp(environ[i], "JOBQ_", 5) == 0)
			FUZZ_CHECK((names[n++] = strndup(environ[i], strcspn(environ[i], "="))) !=
				   NULL);
	for (i = 0; i < n; i++) {
		unsetenv(names[i]);
		free(names[i]);
	}
	unsetenv("HEARTBEAT_INTERVAL");
	unsetenv("LEASE_DURATION");

	snprintf(dir, sizeof(dir), "%s/jobq-fuzz-config.XXXXXX",
		 tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
	FUZZ_CHECK(mkdtemp(dir) != NULL);
	atexit(cleanup);
	snprintf(conf, sizeof(conf), "%s/jobq.conf", dir);
	snprintf(path, sizeof(path), "%s/inc.cfg", dir);
	put_file(path, inc, sizeof(inc) - 1);
	snprintf(path, sizeof(path), "%s/sub", dir);
	FUZZ_CHECK(mkdir(path, 0700) == 0);
	snprintf(path, sizeof(path), "%s/fifo", dir);
	FUZZ_CHECK(mkfifo(path, 0600) == 0);
	return 0;
}

/* True if some @include in the input names a path with '/' or '\' (which could leave the
 * private directory). Looser than libconfig's scanner: every "@include" counts, wherever
 * it is; the name runs from the next '"' to the one after (or the end). */
static bool escapes(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size, *q;

	while ((p = memmem(p, (size_t)(end - p), "@include", 8)) != NULL) {
		p += 8;
		if ((q = memchr(p, '"', (size_t)(end - p))) == NULL)
			return false;
		for (q++; q < end && *q != '"'; q++)
			if (*q == '/' || *q == '\\')
				return true;
	}
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct jobq_config zero;
	struct jobq_config cfg;
	struct jobq_err err;
	int i, r;

	if (size > 16384 || escapes(data, size))
		return 0;
	put_file(conf, data, size);
	memset(&cfg, 0x5a, sizeof(cfg));
	fuzz_err_poison(&err);
	r = jobq_config_load(&cfg, conf, &err);
	if (r != 0) {
		fuzz_check_err(&err, r);
		FUZZ_CHECK(r == JOBQ_EINVAL);
		/* "FILE:LINE: ..." for the input or a file it included. */
		FUZZ_CHECK(strncmp(err.msg, dir, strlen(dir)) == 0);
		FUZZ_CHECK(memcmp(&cfg, &zero, sizeof(cfg)) == 0);
		return 0;
	}
	FUZZ_CHECK(cfg.source != NULL && strcmp(cfg.source, conf) == 0);
	fuzz_err_poison(&err);
	FUZZ_CHECK(jobq_config_validate(&cfg, &err) == 0);
	FUZZ_CHECK(cfg.nqueues >= 1 && cfg.nqueues <= JOBQ_MAX_QUEUES);
	for (i = 0; i < cfg.nhandlers; i++) {
		const struct jobq_handler_config *h = &cfg.handlers[i];

		FUZZ_CHECK(jobq_config_handler(&cfg, h->type) == h);
		FUZZ_CHECK(h->argc >= 1 && h->argv[h->argc] == NULL);
		FUZZ_CHECK(h->env != NULL && h->env[h->envc] == NULL);
		FUZZ_CHECK(h->cancel_grace_ms >= 0);
	}
	jobq_config_free(&cfg);
	FUZZ_CHECK(memcmp(&cfg, &zero, sizeof(cfg)) == 0);
	jobq_config_free(&cfg);
	return 0;
}
