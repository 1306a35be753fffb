/* Limits and buffer sizes for the identifiers jobq passes around as text: a job id (a
 * canonical UUID), a queue name ([A-Za-z0-9_.-]{1,64}) and a worker id (1 to 128 bytes). A
 * buffer that holds one is sized with these names, never with a bare 37, 65 or 128, so that
 * the limit and the buffers agree. Pure: no configuration or logging behind it. */
#ifndef JOBQ_IDS_H
#define JOBQ_IDS_H

#include "jobq/parse.h" /* JOBQ_UUID_LEN */

/* A job id as text and its NUL (jobq_parse_uuid writes this many bytes). */
#define JOBQ_ID_BUF (JOBQ_UUID_LEN + 1)

/* The longest queue name jobq_queue_name_valid accepts, and a buffer for one with its NUL. */
#define JOBQ_QUEUE_NAME_MAX 64
#define JOBQ_QUEUE_BUF (JOBQ_QUEUE_NAME_MAX + 1)

/* The longest worker id (consumer.worker_id, JOBQ_WORKER_ID, --worker-id) in bytes, and a
 * buffer for one with its NUL. */
#define JOBQ_WORKER_ID_MAX 128
#define JOBQ_WORKER_ID_BUF (JOBQ_WORKER_ID_MAX + 1)

#endif
