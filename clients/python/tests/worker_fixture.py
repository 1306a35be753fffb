"""A persistent handler for test_worker.py: one job type per behaviour of jobq.worker.

    python3 worker_fixture.py [CONCURRENCY]   (started by the test with JOBQ_PROTOCOL_FD)
"""
import datetime as dt
import sys
import threading

from jobq.worker import Job, Permanent, Retry, run

CONCURRENCY = int(sys.argv[1]) if len(sys.argv) > 1 else 1
# Passed only when CONCURRENCY jobs run at the same time (concurrency test).
gate = threading.Barrier(CONCURRENCY, timeout=10)


def attrs(job: Job) -> object:
    return {"id": job.id, "type": job.type, "attempt": job.attempt,
            "max_attempts": job.max_attempts, "payload": job.payload,
            "deadline": job.deadline.isoformat() if job.deadline else None,
            "cancelled": bool(job.cancelled)}


def retry(job: Job) -> object:
    p = job.payload
    if p.get("minutes") is not None:
        raise Retry("later", in_=dt.timedelta(minutes=p["minutes"]))
    if "in" in p:
        raise Retry(p.get("msg", "later"), in_=p["in"])
    raise Retry()


def boom(job: Job) -> object:
    raise ValueError("bad\nthing")


def progress(job: Job) -> object:
    job.progress({"done": 1, "of": 2})
    job.log("half way", level="warn")
    job.log("no id level")
    print("printed by the handler")
    return "done"


def bad_progress(job: Job) -> object:
    job.progress({1, 2})
    return None


def bad_level(job: Job) -> object:
    job.log("x", level="loud")
    return None


def wait_cancel(job: Job) -> object:
    job.progress("waiting")
    if not job.cancelled.wait(20):
        return {"cancelled": False}
    return {"cancelled": bool(job.cancelled), "reason": job.cancelled.reason}


def barrier(job: Job) -> object:
    return {"index": gate.wait()}


def exit_in_handler(job: Job) -> object:
    sys.exit(3)


run({
    "attrs": attrs,
    "echo": lambda job: job.payload,
    "none": lambda job: None,
    "perm": lambda job: (_ for _ in ()).throw(Permanent("bad input: x\nmissing")),
    "retry": retry,
    "boom": boom,
    "bad_result": lambda job: {"s": {1, 2}},
    "nan_result": lambda job: float("nan"),
    "progress": progress,
    "bad_progress": bad_progress,
    "bad_level": bad_level,
    "wait_cancel": wait_cancel,
    "barrier": barrier,
    "exit": exit_in_handler,
}, concurrency=CONCURRENCY)
