/* transitions: prints the job transition table of common/job.c, the one list of every status
 * change the SQL makes, in the forms that the tests and the docs compare with it. It reads
 * the table through jobq_transition_table(), so nothing here repeats it.
 *
 *   transitions [--table]   one row a line, "FROM TO CAUSE"; FROM is "-" for a job's
 *                           creation (job_events has from_status NULL)
 *   transitions --pairs     the distinct "FROM TO" pairs, in table order
 *   transitions --mermaid   the Mermaid stateDiagram-v2 block of docs/states.md
 *   transitions --markdown  the table of docs/states.md
 *
 * Exit 0; 1 if stdout could not be written; 2 with a usage line on stderr. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "jobq/job.h"

static const char *from_name(const struct jobq_transition *t, const char *initial)
{
	return t->initial ? initial : jobq_status_name(t->from);
}

static bool same_pair(const struct jobq_transition *a, const struct jobq_transition *b)
{
	return a->initial == b->initial && a->to == b->to && (a->initial || a->from == b->from);
}

/* True if row i is the first of its (from, to) pair. */
static bool first_of_pair(const struct jobq_transition *t, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (same_pair(&t[j], &t[i]))
			return false;
	return true;
}

static void print_table(const struct jobq_transition *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		printf("%s %s %s\n", from_name(&t[i], "-"), jobq_status_name(t[i].to),
		       jobq_cause_name(t[i].cause));
}

static void print_pairs(const struct jobq_transition *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (first_of_pair(t, i))
			printf("%s %s\n", from_name(&t[i], "-"), jobq_status_name(t[i].to));
}

/* One arrow per (from, to) pair, labelled with every cause of the pair. */
static void print_mermaid(const struct jobq_transition *t, size_t n)
{
	printf("```mermaid\nstateDiagram-v2\n");
	for (size_t i = 0; i < n; i++) {
		const char *sep = ": ";

		if (!first_of_pair(t, i))
			continue;
		printf("    %s --> %s", from_name(&t[i], "[*]"), jobq_status_name(t[i].to));
		for (size_t j = i; j < n; j++)
			if (same_pair(&t[j], &t[i])) {
				printf("%s%s", sep, jobq_cause_name(t[j].cause));
				sep = ", ";
			}
		printf("\n");
	}
	printf("```\n");
}

static void print_markdown(const struct jobq_transition *t, size_t n)
{
	printf("| from | to | cause |\n|---|---|---|\n");
	for (size_t i = 0; i < n; i++)
		printf("| %s | %s | %s |\n", from_name(&t[i], "(new)"), jobq_status_name(t[i].to),
		       jobq_cause_name(t[i].cause));
}

int main(int argc, char **argv)
{
	size_t n;
	const struct jobq_transition *t = jobq_transition_table(&n);
	const char *mode = argc > 1 ? argv[1] : "--table";

	if (argc > 2)
		mode = "";
	if (strcmp(mode, "--table") == 0)
		print_table(t, n);
	else if (strcmp(mode, "--pairs") == 0)
		print_pairs(t, n);
	else if (strcmp(mode, "--mermaid") == 0)
		print_mermaid(t, n);
	else if (strcmp(mode, "--markdown") == 0)
		print_markdown(t, n);
	else {
		fprintf(stderr,
			"usage: transitions [--table | --pairs | --mermaid | --markdown]\n");
		return 2;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
