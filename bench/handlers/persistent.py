"""The persistent handler of the handlers scenario, written with jobq's Python SDK
(clients/python, `from jobq.worker import run`). One program serves three job types; each
handlers entry (mode = "persistent") names one of them:

  parse  work(payload) (work.py): the payload, parsed by the SDK, checked and returned
  pid    {"i", "pid"} after payload["ms"] milliseconds; first writes the job's id to
         $BENCH_MARK_DIR/<pid>, so the harness knows which job a child is running (faults)
  wait   with payload {"hold": true}, waits on job.cancelled (at most 600 s) and answers
         "cancelled"; else {"pid"} at once (the cancel part's check that the pool serves)

Started by jobq-consumer with PYTHONPATH naming clients/python (the handlers entry's env).
"""
import os
import time

from jobq.worker import Retry, run

from work import work

MARK_DIR = os.environ.get("BENCH_MARK_DIR")


def parse(job):
    return work(job.payload)


def pid(job):
    if MARK_DIR:
        with open(os.path.join(MARK_DIR, str(os.getpid())), "w") as f:
            f.write(job.id)
    time.sleep(job.payload.get("ms", 0) / 1000.0)
    return {"i": job.payload.get("i"), "pid": os.getpid()}


def wait(job):
    if not job.payload.get("hold"):
        return {"pid": os.getpid()}
    if job.cancelled.wait(600):
        raise Retry("cancelled (%s)" % job.cancelled.reason)
    raise Retry("not cancelled within 600 s")


if __name__ == "__main__":
    run({"parse": parse, "pid": pid, "wait": wait})
