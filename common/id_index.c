/* An index over a list of job ids (jobq/id_index.h). */
#include <stdlib.h>
#include <strings.h>

#include "jobq/id_index.h"

static int ref_cmp(const void *a, const void *b)
{
	const struct jobq_id_ref *x = a, *y = b;
	int c = strcasecmp(x->id, y->id);

	if (c != 0)
		return c;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

void jobq_id_refs_build(struct jobq_id_ref *refs, const char *const *ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		refs[i] = (struct jobq_id_ref){ .id = ids[i], .idx = i };
	qsort(refs, n, sizeof(*refs), ref_cmp);
}

size_t jobq_id_refs_find(const struct jobq_id_ref *refs, size_t n, const char *id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) { /* the first position whose id is >= id */
		size_t mid = lo + (hi - lo) / 2;

		if (strcasecmp(refs[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcasecmp(refs[lo].id, id) == 0 ? lo : n;
}
