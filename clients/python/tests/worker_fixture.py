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


MIB = 1024 * 1024
# Values jobq's parser refuses (jansson: no NUL, no lone surrogate, 64-bit integers), by name.
UNREADABLE = {"surrogate": {"name": "photo-\udc80.jpg"}, "key": {"bad\udcff": 1},
              "nul": ["a\x00b"], "int": {"n": 2**64}, "negative_int": -(2**63) - 1}
READABLE = {"pair": "smile \U0001F600", "int_min": -(2**63), "int_max": 2**63 - 1,
            "escaped": "a\\u0000 and \\udc80 as text", "float": 1e300}


def unicode(job: Job) -> object:
    p = job.payload
    return UNREADABLE[p["bad"]] if "bad" in p else READABLE[p["good"]]


def dirty(job: Job) -> object:
    """Text and progress jobq cannot read: texts are cleaned, progress dropped."""
    job.log("log \udc80 and \x00 end\nsecond line")
    job.progress({"f": "\udc80"})
    job.progress({"n": 2**64})
    job.progress("x" * (64 * 1024))  # 64 KiB + 2 quotes
    job.progress("x" * (64 * 1024 - 2))  # exactly 64 KiB of JSON: kept
    raise Permanent("bad \udc80 name\x00 here\nnext")


def huge(job: Job) -> object:
    """payload: kind (result, line, error, log, progress) and bytes."""
    kind, n = job.payload["kind"], job.payload["bytes"]
    if kind == "line":  # a result whose whole line is n bytes
        return "r" * (n - len(f'{{"op":"result","id":"{job.id}","result":""}}'))
    if kind == "error":
        raise Retry("e" * n)
    if kind == "log":
        job.log("\x01" * n)  # escaped as \u0001: six bytes each
        return "logged"
    if kind == "progress":
        job.progress("p" * n)
        return "progressed"
    return "r" * n


class BadStr(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no text")


class BadStrPermanent(Permanent):
    def __str__(self) -> str:
        raise RuntimeError("no text")


def bad_str(job: Job) -> object:
    raise BadStrPermanent() if job.payload == "permanent" else BadStr()


def deep(job: Job) -> object:
    v: list = []
    for _ in range(100000):
        v = [v]
    return v


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
    "unicode": unicode,
    "dirty": dirty,
    "huge": huge,
    "bad_str": bad_str,
    "deep": deep,
}, concurrency=CONCURRENCY)
