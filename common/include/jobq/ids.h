/* Buffer sizes for the identifiers jobq passes around as text: a job id (a canonical
 * UUID) and a queue name ([A-Za-z0-9_.-]{1,64}). A buffer that holds one is sized with
 * these names, never with a bare 37 or 65, so that the limit and the buffers agree. */
#ifndef JOBQ_IDS_H
#define JOBQ_IDS_H

#include "jobq/config.h"	/* JOBQ_QUEUE_NAME_MAX */
#include "jobq/parse.h"		/* JOBQ_UUID_LEN */

/* A job id as text and its NUL (jobq_parse_uuid writes this many bytes). */
#define JOBQ_ID_BUF (JOBQ_UUID_LEN + 1)
/* A queue name as jobq_queue_name_valid accepts it, and its NUL. */
#define JOBQ_QUEUE_BUF (JOBQ_QUEUE_NAME_MAX + 1)

#endif
