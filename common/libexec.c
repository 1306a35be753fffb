/* Finding jobq's helper programs beside the running one, relative to it, or installed. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jobq/libexec.h"

/* An executable regular file (access alone passes a directory). */
static int runnable(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return -1;
	if (!S_ISREG(st.st_mode)) {
		errno = EACCES;
		return -1;
	}
	return access(path, X_OK);
}

int jobq_libexec_find(const char *name, const char *relpath, const char *abspath, char *out,
		      size_t size)
{
	char self[PATH_MAX], cand[2][2 * PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char *slash;
	int ncand = 0, e;

	if (n > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			snprintf(cand[0], sizeof(cand[0]), "%s/%s", self, name);
			snprintf(cand[1], sizeof(cand[1]), "%s/%s", self, relpath);
			ncand = 2;
		}
	}
	for (int i = 0; i < ncand; i++) {
		if (runnable(cand[i]) == 0) {
			snprintf(out, size, "%s", cand[i]);
			return 0;
		}
	}
	if (runnable(abspath) == 0) {
		snprintf(out, size, "%s", abspath);
		return 0;
	}
	e = errno;
	if (ncand == 2)
		snprintf(out, size, "%s, %s or %s", cand[0], cand[1], abspath);
	else
		snprintf(out, size, "%s", abspath);
	errno = e;
	return -1;
}
