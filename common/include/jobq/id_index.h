/* An index over a list of job ids: the ids sorted with their places in the list, to find
 * each one's place (or every place of a repeated one) by binary search. For the calls that
 * take tens of thousands of ids at once (cancel, wait) and the rows that answer them. Ids
 * compare without regard to case (a UUID's hex digits). Pure: no I/O behind it. */
#ifndef JOBQ_ID_INDEX_H
#define JOBQ_ID_INDEX_H

#include <stddef.h>

/* One id of the list and its place in it. */
struct jobq_id_ref {
	const char *id; /* borrowed from the list */
	size_t idx;
};

/* refs[i] = { ids[i], i } for i < n, then sorted by id (ties in list order). */
void jobq_id_refs_build(struct jobq_id_ref *refs, const char *const *ids, size_t n);

/* In refs (n entries, as jobq_id_refs_build left them): the position of the first ref
 * whose id is `id`; n when there is none. The refs with that id follow it. */
size_t jobq_id_refs_find(const struct jobq_id_ref *refs, size_t n, const char *id);

#endif
