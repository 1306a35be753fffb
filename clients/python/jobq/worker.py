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
# The protocol's line limit (UTF-8 bytes without the newline) and jobq's limit on a progress
# value (larger ones it ignores). Error and log text is cut at _TEXT_MAX bytes: escaped, even
# 6 bytes a character, it still fits a line.
_LINE_MAX = 8 * 1024 * 1024
_PROGRESS_MAX = 64 * 1024
_TEXT_MAX = 1024 * 1024
# What jobq's JSON parser (jansson) refuses in a string: NUL and surrogates (in a Python str
# every surrogate is a lone one: a pair is one astral character).
_BAD_CHAR = re.compile("[\x00\ud800-\udfff]")
# The same in JSON text from _dumps: a raw surrogate, or an escaped NUL (an odd run of
# backslashes before u0000; outside strings JSON has no backslash).
_BAD_JSON = re.compile(r"[\ud800-\udfff]|(?<!\\)(?:\\\\)*\\u0000")
# Integers jansson reads are 64-bit; only a run of 19 digits can leave that range.
_LONG_DIGITS = re.compile(r"[0-9]{19}")
_STRING_OR_NUMBER = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"'  # a string, skipped whole
                               r"|-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_INT64 = range(-(2**63), 2**63)
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


def _text(text: str) -> str:
    """Error or log text as jobq can take it: one line, NUL and lone surrogates as U+FFFD,
    cut to _TEXT_MAX bytes of UTF-8 (with a note of the length it had)."""
    text = _one_line(_BAD_CHAR.sub("\ufffd", text))
    data = text.encode("utf-8")
    if len(data) <= _TEXT_MAX:
        return text
    # "ignore" drops only the character the cut splits: the bytes are valid UTF-8.
    return data[:_TEXT_MAX].decode("utf-8", "ignore") + f" ... (cut: {len(data)} bytes)"


def _shown(e: BaseException) -> str:
    """str(e) as one line (answer_error makes it text jobq can take); a note instead when
    str() itself raises."""
    try:
        return _one_line(str(e))
    except BaseException:  # a broken __str__ must not lose the answer
        return "(its message cannot be shown: str() raised)"


def _dumps(value: Any) -> str:
    """value as compact JSON text, characters beyond ASCII unescaped (a lone surrogate stays
    raw, so that _unreadable sees it). TypeError/ValueError when it is not JSON."""
    return json.dumps(value, allow_nan=False, ensure_ascii=False, separators=(",", ":"))


def _unreadable(text: str, what: str) -> Optional[str]:
    """Why jobq's parser would refuse JSON text from _dumps (one line naming what), or None:
    a lone surrogate or a NUL in a string (keys included), an integer beyond 64 bits."""
    m = _BAD_JSON.search(text)
    if m is not None:
        c = m.group()
        found = (f"a lone surrogate U+{ord(c):04X}" if len(c) == 1
                 else "a NUL character (U+0000)")
        return f"{what} is not valid Unicode: {found} in a string"
    if _LONG_DIGITS.search(text) is None:
        return None
    for m in _STRING_OR_NUMBER.finditer(text):
        tok = m.group()
        if tok[0] != '"' and not any(c in tok for c in ".eE") and int(tok) not in _INT64:
            shown = tok if len(tok) <= 40 else tok[:40] + "..."
            return f"{what} has the integer {shown}, beyond the 64-bit range jobq reads"
    return None


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
        jobs.progress with its next heartbeat. TypeError/ValueError if it is not JSON. A value
        jobq cannot take (over 64 KiB of JSON, a NUL or a lone surrogate in a string, an
        integer beyond 64 bits) is dropped with a warning on stderr; the job goes on."""
        text = _dumps(progress)  # the handler's error, in its thread
        if self._done:
            return
        problem = _unreadable(text, "progress")
        size = len(text.encode("utf-8")) if problem is None else 0
        if size > _PROGRESS_MAX:
            problem = f"progress of {size} bytes exceeds jobq's 64 KiB limit"
        if problem is not None:
            _say(f"job {self.id}: dropped a progress report: {problem}")
            return
        self._channel.send_raw(f'{{"op":"progress","id":{_dumps(self.id)},"progress":{text}}}')

    def log(self, msg: str, level: str = "info") -> None:
        """Write msg to the worker's log (event handler_log) with this job's id. level is
        "debug", "info", "warn" or "error" (ValueError otherwise). The text is sent as one
        line, NUL and lone surrogates as U+FFFD, cut at 1 MiB."""
        if level not in _LEVELS:
            raise ValueError(f"log level {level!r} is not one of {', '.join(_LEVELS)}")
        if not self._done:
            self._channel.send({"op": "log", "id": self.id, "level": level,
                                "msg": _text(str(msg))})

    def __repr__(self) -> str:
        return f"Job(id={self.id!r}, type={self.type!r}, attempt={self.attempt})"


class _Channel:
    """The socket to jobq: one writer at a time (a lock), a broken pipe ends the process.

    Callers send only what jobq can read (texts through _text, values checked by
    _unreadable); send_raw's check of UTF-8 and size is the last guard."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._lock = threading.Lock()

    def send(self, msg: Mapping[str, Any]) -> None:
        self.send_raw(_dumps(msg))

    def send_raw(self, line: str) -> None:
        try:
            data = line.encode("utf-8")
        except UnicodeEncodeError as e:
            _say(f"dropped a line jobq cannot read ({e.reason}): {line[:200]!r}")
            return
        if len(data) > _LINE_MAX:
            _say(f"dropped a line of {len(data)} bytes (over the 8 MiB limit): {line[:200]!r}")
            return
        data += b"\n"
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


def _result_line(job_id: str, result_json: str) -> str:
    """The result answer of job_id, the result given as JSON text (without the newline)."""
    return f'{{"op":"result","id":{_dumps(job_id)},"result":{result_json}}}'


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
                try:
                    outcome = self.run_one(job)
                except BaseException as e:  # whatever fails, the job is answered
                    outcome = {"op": "error",
                               "error": f"jobq.worker could not report the outcome ({_shown(e)})"}
                self.answer(job, outcome)
            finally:
                with self.lock:
                    self.running.pop(job.id, None)

    def run_one(self, job: Job) -> Dict[str, Any]:
        """The handler's outcome as the answer's fields: op "result" with raw (the result's
        JSON text, checked), or op "error" with error (any text) and more."""
        fn = self.handlers[job.type]
        try:
            value = fn(job)
        except Permanent as e:
            return {"op": "error", "error": _shown(e) or "Permanent", "permanent": True}
        except Retry as e:
            out: Dict[str, Any] = {"op": "error", "error": _shown(e) or "Retry"}
            retry_in = getattr(e, "retry_in", None)
            if isinstance(retry_in, (int, float)) and math.isfinite(retry_in):
                out["retry_in"] = retry_in
            return out
        except BaseException as e:  # the job is answered whatever was raised
            try:
                trace = "".join(traceback.format_exception(type(e), e, e.__traceback__))
            except BaseException:  # a broken __str__ or traceback
                trace = "(the traceback cannot be shown)"
            _say(f"handler {job.type!r} raised on job {job.id}:\n{trace.rstrip()}")
            text = _shown(e)
            return {"op": "error", "error": type(e).__name__ + (f": {text}" if text else "")}
        return self.result_of(job, value)

    def result_of(self, job: Job, value: Any) -> Dict[str, Any]:
        """The answer's fields for a handler's return value: the result, or a permanent
        failure when jobq could not read it (not JSON, not valid Unicode, over a line)."""
        try:
            text = _dumps(value)
        except Exception as e:  # TypeError, ValueError, RecursionError, a broken container
            return {"op": "error", "permanent": True,
                    "error": f"handler {job.type!r} returned a result that is not JSON "
                             f"({type(value).__name__}): {_shown(e)}"}
        problem = _unreadable(text, "result")
        if problem is not None:
            return {"op": "error", "permanent": True, "error": problem}
        size = len(text.encode("utf-8"))
        if size + len(_result_line(job.id, "")) > _LINE_MAX:
            return {"op": "error", "permanent": True,
                    "error": f"result of {size} bytes exceeds the 8 MiB line limit"}
        return {"op": "result", "raw": text}

    def answer(self, job: Job, outcome: Dict[str, Any]) -> None:
        job._done = True
        if outcome["op"] == "result":
            self.channel.send_raw(_result_line(job.id, outcome["raw"]))
        else:
            self.answer_error(job.id, outcome)

    def answer_error(self, job_id: str, fields: Dict[str, Any]) -> None:
        """Sends an error answer: fields' error text made one line jobq can take."""
        rest = {k: v for k, v in fields.items() if k not in ("op", "id", "error")}
        self.channel.send({"op": "error", "id": job_id, "error": _text(fields["error"]), **rest})

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
        if _BAD_CHAR.search(job_id) is not None:
            _say(f"ignored a job line whose id has a NUL or a lone surrogate: {raw[:200]!r}")
            return
        if typ not in self.handlers:
            self.answer_error(job_id, {"permanent": True,
                                       "error": f"no handler for job type {typ!r} in this "
                                                f"process (it serves "
                                                f"{', '.join(sorted(self.handlers))})"})
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
        if _BAD_CHAR.search(typ) is not None:
            raise ValueError(f"run: handler key {typ!r} has a NUL or a lone surrogate, "
                             "which jobq cannot read")
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
