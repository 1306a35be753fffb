/* Private to the configuration code: what config_read.c checks in a configuration file's
 * text because libconfig 1.5 cannot be trusted with it. An @include of anything but a
 * regular file (libconfig's scanner exit()s on a directory and blocks on a FIFO) is refused
 * before libconfig reads the file; an integer literal that libconfig silently truncated is
 * found again on its source line afterwards. Depends on nothing but jobq/err.h. */
#ifndef JOBQ_CONFIG_GUARD_H
#define JOBQ_CONFIG_GUARD_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jobq/err.h"

/* A libconfig 1.5 scanner in miniature: it finds `@include "NAME"` directives the way
 * libconfig does (`^[ \t]*@include[ \t]+"NAME"` outside strings and comments; in NAME `\\`
 * and `\"` are escapes, other backslashes are dropped, and what follows a NUL byte is
 * dropped up to the next backslash). Initialise it with jobq_cfg_lex_init and feed it a
 * file one line at a time. Holds no resources. */
struct jobq_cfg_lex {
	int state;           /* code, string, comment or include name */
	bool cut;            /* after a NUL in an include name */
	unsigned line;       /* lines fed so far */
	unsigned inc_line;   /* the line of the directive being read or last found */
	size_t len;          /* bytes in name; PATH_MAX or more: too long to open */
	char name[PATH_MAX]; /* the include name, NUL-terminated when returned */
};

/* Reset lx to the start of a file. */
void jobq_cfg_lex_init(struct jobq_cfg_lex *lx);

/* Scan the next line of the file: text[0..n), normally ending in '\n' (only the last line
 * may not); NUL bytes are allowed. Returns true if an @include directive ended on this
 * line (at most one can) with a name short enough to open: its name is then in lx->name,
 * NUL-terminated, and the line it started on in lx->inc_line. */
bool jobq_cfg_lex_line(struct jobq_cfg_lex *lx, const char *text, size_t n);

/* Scan file and, recursively, the files it includes (names relative to dir, as libconfig's
 * include directory), to libconfig's depth of 10. Returns 0, or JOBQ_EINVAL with
 * "FILE:LINE: @include \"NAME\": not a regular file" if a name exists and is not a regular
 * file. A file that cannot be opened, a missing name and a name too long to open are left
 * to libconfig to report. */
int jobq_cfg_guard_includes(const char *file, const char *dir, struct jobq_err *err) JOBQ_WUR;

/* libconfig 1.5 stores an integer literal without an L suffix in an int, truncating it
 * silently (5000000000 reads as 705032704, 4294967304 as 8). Look in text, one
 * NUL-terminated source line, for `name = LITERAL` (or `name: LITERAL`) where LITERAL does
 * not fit in an int and truncates to v. libconfig gives no column, so when name appears
 * more than once a literal that reads exactly as v wins (the value is taken as read).
 * Returns true and copies the literal into buf[0..len) (len > 0) if v was truncated. It
 * does not look for an L suffix: call it only for settings that libconfig typed as int. */
bool jobq_cfg_wrapped_literal(const char *text, const char *name, int64_t v, char *buf, size_t len);

/* jobq_cfg_wrapped_literal on line `line` (from 1) of file; false if file is NULL, line is
 * 0, or the file or the line cannot be read. */
bool jobq_cfg_wrapped_literal_at(const char *file, unsigned line, const char *name, int64_t v,
				 char *buf, size_t len);

#endif
