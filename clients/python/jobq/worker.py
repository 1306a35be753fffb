"""jobq.worker: write a persistent handler of jobq-consumer in Python (worker protocol 1).

A handlers entry with mode = "persistent" starts this program once and sends it jobs as JSON
lines over descriptor JOBQ_PROTOCOL_FD; run() answers them with the handlers' results
(docs/handlers.md, "SDKs"). Standard library only.

    from jobq.worker import run, Permanent, Retry

    def resize(job):
        job.progress({"done": 1, "of": 3})
        if job.cancelled:
            raise Retry("stopped")
        return {"ok": True}

    run({"resize": resize})
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
import queue
import re
import socket
import sys
import threading
import traceback
from typing import Any, Callable, Dict, Mapping, NoReturn, Optional, Union

__all__ = ["run", "Job", "Cancellation", "Permanent", "Retry", "Handler", "PROTOCOL"]

PROTOCOL = 1
"""The version of the worker protocol this module speaks."""

Handler = Callable[["Job"], Any]
"""A handler: takes the Job, returns its result (any JSON-serializable value)."""

_LEVELS = ("debug", "info", "warn", "error")
# jobq's duration syntax (docs/configuration.md, "Durations"): a number and an optional unit.
_DURATION = re.compile(r"([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d)?")
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, None: 1.0}


def _duration_seconds(value: Union[int, float, str, dt.timedelta]) -> float:
    """value (seconds, a timedelta or a duration text such as "30s") as seconds; ValueError
    naming the value if it is none of those or is negative."""
    if isinstance(value, dt.timedelta):
        s = value.total_seconds()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        s = float(value)
    elif isinstance(value, str):
        m = _DURATION.fullmatch(value)
        if m is None:
            raise ValueError(f"Retry: in_={value!r} is not a duration "
                             "(use e.g. 250ms, 30s, 5m, 1h, 2d or plain seconds)")
        s = float(m.group(1)) * _UNIT_SECONDS[m.group(2)]
    else:
        raise ValueError(f"Retry: in_ must be seconds, a timedelta or a duration text, "
                         f"not {type(value).__name__}")
    if not math.isfinite(s) or s < 0:
        raise ValueError(f"Retry: in_={value!r} is not a delay of 0 seconds or more")
    return s


def _one_line(text: str) -> str:
    """text with its line breaks and tabs as spaces, trailing blanks dropped (jobq's errors
    are one line)."""
    return " ".join(text.replace("\t", " ").splitlines()).rstrip()


class Permanent(Exception):
    """Raise it in a handler to fail the job permanently (never retried): bad input."""


class Retry(Exception):
    """Raise it in a handler to fail this attempt and ask for the next one after a delay.

    ``in_``: seconds (int or float), a ``datetime.timedelta`` or a duration text of jobq's
    syntax ("250ms", "30s", "5m", "1h", "2d"); None keeps the worker's backoff. jobq clamps
    the delay to 0 .. 365 days and ignores it when the attempts are used up. A bad ``in_``
    raises ValueError here.
    """

    def __init__(self, message: str = "retry requested",
                 in_: Optional[Union[int, float, str, dt.timedelta]] = None) -> None:
        super().__init__(message)
        self.retry_in: Optional[float] = None if in_ is None else _duration_seconds(in_)


class Cancellation(threading.Event):
    """A job's cancel flag: false until jobq asks the job to stop, then true.

    Usable in ``if job.cancelled:`` and as a threading.Event (``job.cancelled.wait(5)``
    returns True as soon as the job is cancelled). ``reason`` is jobq's: "cancel",
    "timeout", "shutdown" or "lost".
    """

    def __init__(self) -> None:
        super().__init__()
        self.reason: Optional[str] = None

    def __bool__(self) -> bool:
        return self.is_set()

    def _cancel(self, reason: str) -> None:
        if self.reason is None:
            self.reason = reason
        self.set()


class Job:
    """One job sent by jobq, handed to its handler.

    Attributes: ``id`` (UUID text), ``type``, ``attempt`` (1 for the first), ``max_attempts``,
    ``payload`` (the parsed JSON), ``deadline`` (an aware UTC datetime: the runtime limit,
    or None) and ``cancelled`` (a Cancellation). progress() and log() may be called from any
    thread while the job runs; after the handler has returned they do nothing.
    """

    def __init__(self, channel: "_Channel", msg: Mapping[str, Any]) -> None:
        self._channel = channel
        self._done = False
        self.id: str = msg["id"]
        self.type: str = msg["type"]
        self.attempt: int = msg.get("attempt") or 1
        self.max_attempts: int = msg.get("max_attempts") or 1
        self.payload: Any = msg.get("payload")
        deadline = msg.get("deadline")
        self.deadline: Optional[dt.datetime] = None
        if isinstance(deadline, (int, float)) and not isinstance(deadline, bool):
            self.deadline = dt.datetime.fromtimestamp(deadline / 1000, dt.timezone.utc)
        self.cancelled = Cancellation()

    def progress(self, progress: Any) -> None:
        """Report progress (any JSON value; the latest one wins): jobq stores it in
        jobs.progress with its next heartbeat. TypeError/ValueError if it is not JSON."""
        text = json.dumps(progress, allow_nan=False, separators=(",", ":"))  # the handler's error, in its thread
        if not self._done:
            self._channel.send_raw(f'{{"op":"progress","id":{json.dumps(self.id)},'
                                   f'"progress":{text}}}')

    def log(self, msg: str, level: str = "info") -> None:
        """Write msg to the worker's log (event handler_log) with this job's id. level is
        "debug", "info", "warn" or "error" (ValueError otherwise)."""
        if level not in _LEVELS:
            raise ValueError(f"log level {level!r} is not one of {', '.join(_LEVELS)}")
        if not self._done:
            self._channel.send({"op": "log", "id": self.id, "level": level, "msg": str(msg)})

    def __repr__(self) -> str:
        return f"Job(id={self.id!r}, type={self.type!r}, attempt={self.attempt})"


class _Channel:
    """The socket to jobq: one writer at a time (a lock), a broken pipe ends the process."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._lock = threading.Lock()

    def send(self, msg: Mapping[str, Any]) -> None:
        self.send_raw(json.dumps(msg, allow_nan=False, separators=(",", ":")))

    def send_raw(self, line: str) -> None:
        data = line.encode("utf-8") + b"\n"
        try:
            with self._lock:
                self._sock.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            _say("the channel to jobq is closed (broken pipe): exiting")
            _exit_now(0)


def _say(text: str) -> None:
    """One line on stderr, which the worker logs as handler_output."""
    try:
        sys.stderr.write(f"jobq.worker: {text}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _exit_now(status: int) -> NoReturn:
    """Exit from any thread, without waiting for running handlers (jobq is gone)."""
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()
        except (OSError, ValueError):
            pass
    os._exit(status)


def _refuse(text: str) -> NoReturn:
    sys.stderr.write(f"jobq.worker: {text}\n")
    sys.stderr.flush()
    sys.exit(2)


def _open_channel() -> socket.socket:
    """The socket named by JOBQ_PROTOCOL_FD; exit 2 with one line on stderr when this process
    was not started by jobq-consumer as a persistent handler."""
    proto = os.environ.get("JOBQ_PROTOCOL")
    fd_text = os.environ.get("JOBQ_PROTOCOL_FD")
    if fd_text is None:
        _refuse("JOBQ_PROTOCOL_FD is not set: this program is a jobq persistent handler, "
                'started by jobq-consumer (a handlers entry with mode = "persistent")')
    if proto is not None and proto != str(PROTOCOL):
        _refuse(f"JOBQ_PROTOCOL={proto!r}: this module speaks protocol {PROTOCOL} only")
    if not fd_text.isdigit():
        _refuse(f"JOBQ_PROTOCOL_FD={fd_text!r} is not a descriptor number")
    try:
        sock = socket.socket(fileno=int(fd_text))
    except OSError as e:
        _refuse(f"JOBQ_PROTOCOL_FD={fd_text}: not a socket from jobq ({e.strerror or e})")
    if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
        _refuse(f"JOBQ_PROTOCOL_FD={fd_text}: not a Unix stream socket")
    return sock


class _Worker:
    """The job table and the handler threads of run()."""

    def __init__(self, channel: _Channel, handlers: Mapping[str, Handler], concurrency: int):
        self.channel = channel
        self.handlers = dict(handlers)
        self.running: Dict[str, Job] = {}
        self.lock = threading.Lock()
        self.todo: "queue.SimpleQueue[Job]" = queue.SimpleQueue()
        for i in range(concurrency):
            # Daemon threads: at the end of the channel the process exits without them.
            threading.Thread(target=self.serve, name=f"jobq-worker-{i + 1}", daemon=True).start()

    def serve(self) -> None:
        while True:
            job = self.todo.get()
            try:
                self.answer(job, self.run_one(job))
            finally:
                with self.lock:
                    self.running.pop(job.id, None)

    def run_one(self, job: Job) -> Dict[str, Any]:
        """The handler's outcome as the answer line's fields (op and more, without id)."""
        fn = self.handlers[job.type]
        try:
            value = fn(job)
        except Permanent as e:
            return {"op": "error", "error": _one_line(str(e)) or "Permanent", "permanent": True}
        except Retry as e:
            out: Dict[str, Any] = {"op": "error", "error": _one_line(str(e)) or "Retry"}
            if e.retry_in is not None:
                out["retry_in"] = e.retry_in
            return out
        except BaseException as e:  # the job is answered whatever the handler raised
            _say(f"handler {job.type!r} raised on job {job.id}:\n"
                 + "".join(traceback.format_exception(type(e), e, e.__traceback__)).rstrip())
            text = _one_line(str(e))
            return {"op": "error", "error": type(e).__name__ + (f": {text}" if text else "")}
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError) as e:
            return {"op": "error", "permanent": True,
                    "error": f"handler {job.type!r} returned a result that is not JSON "
                             f"({type(value).__name__}): {_one_line(str(e))}"}
        return {"op": "result", "result": value}

    def answer(self, job: Job, outcome: Dict[str, Any]) -> None:
        job._done = True
        self.channel.send({"op": outcome.pop("op"), "id": job.id, **outcome})

    def on_line(self, raw: bytes) -> None:
        """One line from jobq: a job starts, a cancel is delivered; anything else is
        ignored (unknown ops silently, malformed lines with one line on stderr)."""
        try:
            msg = json.loads(raw)
        except ValueError as e:
            _say(f"ignored a line from jobq that is not JSON ({e}): {raw[:200]!r}")
            return
        if not isinstance(msg, dict):
            _say(f"ignored a line from jobq that is not a JSON object: {raw[:200]!r}")
            return
        op = msg.get("op")
        if op == "job":
            self.on_job(msg, raw)
        elif op == "cancel":
            job_id = msg.get("id")
            with self.lock:
                job = self.running.get(job_id) if isinstance(job_id, str) else None
            if job is not None:
                reason = msg.get("reason")
                job.cancelled._cancel(reason if isinstance(reason, str) else "cancel")

    def on_job(self, msg: Dict[str, Any], raw: bytes) -> None:
        job_id, typ = msg.get("id"), msg.get("type")
        if not isinstance(job_id, str) or not job_id or not isinstance(typ, str):
            _say(f"ignored a job line without a string id and type: {raw[:200]!r}")
            return
        for key in ("attempt", "max_attempts"):
            v = msg.get(key)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool)):
                msg[key] = None
        if typ not in self.handlers:
            self.channel.send({"op": "error", "id": job_id, "permanent": True,
                               "error": f"no handler for job type {typ!r} in this process "
                                        f"(it serves {', '.join(sorted(self.handlers))})"})
            return
        job = Job(self.channel, msg)
        with self.lock:
            if job_id in self.running:
                _say(f"ignored job {job_id}: it is already running here")
                return
            self.running[job_id] = job
        self.todo.put(job)


def run(handlers: Mapping[str, Handler], *, concurrency: int = 1) -> NoReturn:
    """Serve jobs for jobq-consumer until it closes the channel, then exit 0.

    handlers maps each job type this process serves to its function; they are announced in
    the ready line (the handlers entry's type must be one of them). Up to ``concurrency``
    jobs run at once, each on a thread of its own: set it to the entry's jobs_per_process.
    A handler's return value is the job's result; Permanent fails the job permanently, Retry
    asks for another attempt (after its delay), any other exception is a retryable failure
    "ExceptionType: message" (its traceback goes to stderr). A cancel from jobq sets
    job.cancelled; the handler decides how to stop.

    Exits 2 with one line on stderr when not started by jobq (no JOBQ_PROTOCOL_FD), 0 at the
    end of the channel or on a broken pipe. ValueError for bad handlers or concurrency.
    """
    if not isinstance(handlers, Mapping) or not handlers:
        raise ValueError("run: handlers must be a non-empty mapping of job type to function")
    for typ, fn in handlers.items():
        if not isinstance(typ, str) or not typ:
            raise ValueError(f"run: handler key {typ!r} is not a job type (a non-empty string)")
        if not callable(fn):
            raise ValueError(f"run: the handler of {typ!r} is not callable "
                             f"({type(fn).__name__})")
    if not isinstance(concurrency, int) or isinstance(concurrency, bool) or concurrency < 1:
        raise ValueError(f"run: concurrency={concurrency!r} must be an integer of 1 or more")
    sock = _open_channel()
    # print() in a handler reaches the worker's log line by line, not when a buffer fills.
    try:
        sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        pass
    channel = _Channel(sock)
    worker = _Worker(channel, handlers, concurrency)
    channel.send({"op": "ready", "protocol": PROTOCOL, "types": sorted(worker.handlers),
                  "pid": os.getpid()})
    reader = sock.makefile("rb")
    try:
        while True:
            try:
                raw = reader.readline()
            except ConnectionResetError:
                raw = b""
            if not raw:
                break
            if raw.strip():
                worker.on_line(raw)
    except KeyboardInterrupt:
        _exit_now(130)
    # End of the channel: jobq recycles or retires this process (or is gone): exit at once;
    # handlers still running (daemon threads) end with the process.
    _exit_now(0)
