#!/usr/bin/env python3
"""An example persistent handler in Python (jobq.worker), serving two job types:

  parse  payload {"text": "<JSON text>"}: returns the parsed value. A payload without a
         string "text", or a text that is not JSON, fails permanently (retrying cannot help).
  count  payload {"to": N, "step": S}: counts to N (default 10), one step every S seconds
         (default 0.5), reporting progress {"done": i, "of": N} at each step; a cancel stops
         it at the next step. With "unavailable_attempts": K and "retry_in": D, attempts 1..K
         fail as a flaky upstream would, asking for the next attempt after D ("5s", or
         seconds). Returns {"counted": N, "pid": <this process>}.

jobq-consumer starts it once per pool process (jobq.conf next to this file) and sends it
jobs; JOBS_PER_PROCESS (the handlers entry's jobs_per_process) sets how many run at once.
"""
import json
import os

from jobq.worker import Job, Permanent, Retry, run


def parse(job: Job) -> object:
    payload = job.payload
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        raise Permanent('payload must be an object with a string "text"')
    try:
        return json.loads(payload["text"])
    except ValueError as e:
        raise Permanent(f"payload.text is not JSON: {e}") from None


def count(job: Job) -> object:
    p = job.payload if isinstance(job.payload, dict) else {}
    to, step = p.get("to", 10), p.get("step", 0.5)
    if not isinstance(to, int) or isinstance(to, bool) or not 0 <= to <= 100000:
        raise Permanent('payload.to must be an integer from 0 to 100000')
    if not isinstance(step, (int, float)) or isinstance(step, bool) or not 0 <= step <= 3600:
        raise Permanent('payload.step must be a number of seconds from 0 to 3600')
    if job.attempt <= p.get("unavailable_attempts", 0):
        raise Retry(f"upstream unavailable on attempt {job.attempt}", in_=p.get("retry_in"))
    for done in range(to):
        job.progress({"done": done, "of": to})
        # Wakes at once on a cancel: the job then ends as jobq says (cancelled, timed out...).
        if job.cancelled.wait(step):
            job.log(f"stopping at {done} of {to}: {job.cancelled.reason}")
            raise Retry(f"stopped at {done} of {to}")
    job.progress({"done": to, "of": to})
    return {"counted": to, "pid": os.getpid()}


if __name__ == "__main__":
    run({"parse": parse, "count": count},
        concurrency=int(os.environ.get("JOBS_PER_PROCESS", "1")))
