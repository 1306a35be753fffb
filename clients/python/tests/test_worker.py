"""Tests of jobq.worker (the Python SDK of persistent handlers) against a fake of the jobq
side: the test plays jobq-consumer over a real AF_UNIX socketpair, the handler process
(worker_fixture.py) runs as jobq would start it (the socket on a descriptor named by
JOBQ_PROTOCOL_FD). No server is needed.
    python3 -m unittest discover -s clients/python/tests -p 'test_worker.py' -v
"""
from __future__ import annotations

import datetime as dt
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import unittest
import uuid
from typing import Any, Dict, List, Optional

import jobq.worker as worker

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "worker_fixture.py")
# The handler process imports the same jobq as this test (the source tree or an install).
PKG_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(worker.__file__)))
WAIT = 60.0  # seconds: the longest any expected line may take (an 8 MiB line, checked
#              strictly, took over 15 s on a loaded machine)
LINE_MAX = 8 * 1024 * 1024  # the protocol's line limit: UTF-8 bytes without the newline
MIB = 1024 * 1024


def strict_problem(line: bytes) -> Optional[str]:
    """Why jobq's parser (jansson, without JSON_ALLOW_NUL) would refuse line, or None: not
    one line of UTF-8 within the limit, not a JSON object, a NUL or a lone surrogate in a
    string or key, an integer beyond 64 bits."""
    if not line.endswith(b"\n") or b"\n" in line[:-1]:
        return "not one line ended by a newline"
    if len(line) - 1 > LINE_MAX:
        return f"a line of {len(line) - 1} bytes"
    try:
        text = line[:-1].decode("utf-8")  # strict: encoded surrogates are refused too
    except UnicodeDecodeError as e:
        return f"not UTF-8: {e}"

    def parse_int(tok: str) -> int:
        if not -(2**63) <= int(tok) < 2**63:
            raise ValueError(f"the integer {tok[:30]} is beyond 64 bits")
        return int(tok)

    try:
        obj = json.loads(text, parse_int=parse_int)
    except ValueError as e:
        return f"not JSON: {e}"
    if not isinstance(obj, dict):
        return "not a JSON object"
    todo: List[Any] = [obj]
    while todo:  # json.loads made escaped pairs one character: a surrogate left is lone
        v = todo.pop()
        items = list(v.items()) if isinstance(v, dict) else v if isinstance(v, list) else [v]
        if not isinstance(v, (dict, list)):
            if isinstance(v, str) and any(c == "\x00" or "\ud800" <= c <= "\udfff" for c in v):
                return f"a NUL or a lone surrogate in {v[:60]!r}"
            continue
        for item in items:
            todo.extend(item if isinstance(v, dict) else [item])
    return None


class FakeJobq:
    """The worker's side of the channel: starts the fixture with the other end of a
    socketpair, sends lines, and collects the child's lines on a reader thread."""

    def __init__(self, concurrency: int = 1) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock = ours
        env = dict(os.environ, JOBQ_PROTOCOL_FD=str(theirs.fileno()), JOBQ_PROTOCOL="1",
                   PYTHONPATH=PKG_PARENT, PYTHONUNBUFFERED="0")
        self.proc = subprocess.Popen([sys.executable, FIXTURE, str(concurrency)],
                                     pass_fds=(theirs.fileno(),), env=env,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        theirs.close()
        self.lines: "queue.Queue[Optional[Dict[str, Any]]]" = queue.Queue()
        self.seen: List[Dict[str, Any]] = []
        self.raw: List[bytes] = []
        self.refused: List[str] = []  # lines jobq would have refused (a protocol error)
        threading.Thread(target=self._read, daemon=True).start()
        self.ready = self.next()

    def _read(self) -> None:
        f = self.sock.makefile("rb")
        for line in f:
            self.raw.append(line)
            problem = strict_problem(line)
            if problem is not None:
                self.refused.append(f"{problem}: {line[:200]!r}")
                break  # jobq would kill the process here
            self.lines.put(json.loads(line))
        self.lines.put(None)

    def next(self, timeout: float = WAIT) -> Dict[str, Any]:
        msg = self.lines.get(timeout=timeout)
        if self.refused:
            raise AssertionError(f"jobq would refuse a line: {self.refused[0]}")
        if msg is None:
            raise AssertionError("the handler process closed the channel")
        self.seen.append(msg)
        return msg

    def send(self, msg: Any) -> None:
        data = msg if isinstance(msg, bytes) else (json.dumps(msg) + "\n").encode()
        self.sock.sendall(data)

    def job(self, typ: str, payload: Any = None, **fields: Any) -> str:
        job_id = str(uuid.uuid4())
        self.send({"op": "job", "id": job_id, "type": typ, "attempt": 1, "max_attempts": 3,
                   "payload": payload, "deadline": None, **fields})
        return job_id

    def answer(self, job_id: str, timeout: float = WAIT) -> Dict[str, Any]:
        """The result or error line of job_id (other lines are kept in self.seen)."""
        end = time.monotonic() + timeout
        for msg in self.seen:
            if msg.get("id") == job_id and msg.get("op") in ("result", "error"):
                return msg
        while True:
            msg = self.next(max(0.01, end - time.monotonic()))
            if msg.get("id") == job_id and msg.get("op") in ("result", "error"):
                return msg

    def run(self, typ: str, payload: Any = None, **fields: Any) -> Dict[str, Any]:
        return self.answer(self.job(typ, payload, **fields))

    def close(self) -> int:
        """Closes the channel (end of file for the child); its exit status."""
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        try:
            return self.proc.wait(timeout=WAIT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read().decode()

    def stdout(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.read().decode()


class ChannelTestCase(unittest.TestCase):
    """A test with a fixture process of concurrency 1 on self.jq; no refused line at the end."""

    def setUp(self) -> None:
        self.jq = FakeJobq()
        self.addCleanup(self._cleanup)

    def _cleanup(self) -> None:
        if self.jq.proc.poll() is None:
            self.jq.close()
        for f in (self.jq.proc.stdout, self.jq.proc.stderr):
            if f is not None:
                f.close()
        self.assertEqual(self.jq.refused, [])


class WorkerProtocolTest(ChannelTestCase):
    def test_handshake(self) -> None:
        r = self.jq.ready
        self.assertEqual(r["op"], "ready")
        self.assertEqual(r["protocol"], 1)
        self.assertEqual(r["pid"], self.jq.proc.pid)
        self.assertEqual(r["types"], sorted(r["types"]))
        self.assertIn("echo", r["types"])
        self.assertIn("wait_cancel", r["types"])
        # One compact JSON object per line, ended by \n, nothing else.
        self.assertTrue(self.jq.raw[0].endswith(b"}\n"))
        self.assertEqual(self.jq.raw[0].count(b"\n"), 1)

    def test_result_and_job_fields(self) -> None:
        payload = {"a": [1, 2, {"b": "é"}], "n": None}
        self.assertEqual(self.jq.run("echo", payload),
                         {"op": "result", "id": self.jq.seen[-1]["id"], "result": payload})
        deadline = 1765000000000
        a = self.jq.run("attrs", {"x": 1}, attempt=2, max_attempts=5, deadline=deadline)
        self.assertEqual(a["op"], "result")
        self.assertEqual(a["result"]["id"], a["id"])
        self.assertEqual(a["result"]["type"], "attrs")
        self.assertEqual((a["result"]["attempt"], a["result"]["max_attempts"]), (2, 5))
        self.assertEqual(a["result"]["payload"], {"x": 1})
        self.assertEqual(a["result"]["deadline"],
                         dt.datetime.fromtimestamp(deadline / 1000, dt.timezone.utc).isoformat())
        self.assertFalse(a["result"]["cancelled"])
        self.assertIsNone(self.jq.run("attrs")["result"]["deadline"])
        none = self.jq.run("none")
        self.assertEqual(none["op"], "result")
        self.assertIsNone(none["result"])

    def test_permanent(self) -> None:
        e = self.jq.run("perm")
        self.assertEqual(e["op"], "error")
        self.assertIs(e["permanent"], True)
        self.assertEqual(e["error"], "bad input: x missing")
        self.assertNotIn("retry_in", e)

    def test_retry_in(self) -> None:
        cases = [({"in": "30s"}, 30.0), ({"in": 1.5}, 1.5), ({"in": "250ms"}, 0.25),
                 ({"in": "2h"}, 7200.0), ({"in": 0}, 0.0), ({"minutes": 2}, 120.0)]
        for payload, want in cases:
            with self.subTest(payload=payload):
                e = self.jq.run("retry", payload)
                self.assertEqual(e["op"], "error")
                self.assertFalse(e.get("permanent", False))
                self.assertEqual(e["error"], "later")
                self.assertEqual(e["retry_in"], want)
        e = self.jq.run("retry", {})
        self.assertEqual(e["error"], "retry requested")
        self.assertNotIn("retry_in", e)
        # A bad delay is the handler's bug: a retryable failure that names it.
        for bad in ("3x", "-1s", " 5s", -2):
            with self.subTest(bad=bad):
                e = self.jq.run("retry", {"in": bad})
                self.assertFalse(e.get("permanent", False))
                self.assertNotIn("retry_in", e)
                self.assertTrue(e["error"].startswith("ValueError: Retry: in_="), e["error"])

    def test_exception_is_retryable_one_line(self) -> None:
        e = self.jq.run("boom")
        self.assertEqual(e["op"], "error")
        self.assertFalse(e.get("permanent", False))
        self.assertEqual(e["error"], "ValueError: bad thing")
        e = self.jq.run("exit")
        self.assertEqual(e["error"], "SystemExit: 3")
        self.assertEqual(self.jq.run("echo", 1)["result"], 1)  # still serving
        self.assertEqual(self.jq.close(), 0)
        err = self.jq.stderr()
        self.assertIn("handler 'boom' raised on job", err)
        self.assertIn("Traceback (most recent call last)", err)

    def test_result_not_json_is_permanent(self) -> None:
        e = self.jq.run("bad_result")
        self.assertEqual(e["op"], "error")
        self.assertIs(e["permanent"], True)
        self.assertIn("not JSON (dict)", e["error"])
        self.assertIn("set", e["error"])
        e = self.jq.run("nan_result")
        self.assertIs(e["permanent"], True)
        self.assertIn("(float)", e["error"])

    def test_progress_and_log(self) -> None:
        job_id = self.jq.job("progress")
        msgs = [self.jq.next() for _ in range(4)]
        self.assertEqual(msgs[0], {"op": "progress", "id": job_id, "progress": {"done": 1, "of": 2}})
        self.assertEqual(msgs[1], {"op": "log", "id": job_id, "level": "warn", "msg": "half way"})
        self.assertEqual(msgs[2], {"op": "log", "id": job_id, "level": "info", "msg": "no id level"})
        self.assertEqual(msgs[3], {"op": "result", "id": job_id, "result": "done"})
        e = self.jq.run("bad_progress")
        self.assertEqual(e["op"], "error")
        self.assertIn("TypeError", e["error"])
        e = self.jq.run("bad_level")
        self.assertIn("ValueError: log level 'loud'", e["error"])
        self.assertEqual(self.jq.close(), 0)
        # print() goes to stdout, which the worker logs
        self.assertIn("printed by the handler\n", self.jq.stdout())

    def test_cancel_sets_the_event(self) -> None:
        job_id = self.jq.job("wait_cancel")
        self.assertEqual(self.jq.next(), {"op": "progress", "id": job_id, "progress": "waiting"})
        self.jq.send({"op": "cancel", "id": str(uuid.uuid4()), "reason": "cancel"})  # not ours
        self.jq.send({"op": "cancel", "id": job_id, "reason": "timeout"})
        r = self.jq.answer(job_id)
        self.assertEqual(r["result"], {"cancelled": True, "reason": "timeout"})
        self.assertEqual(self.jq.run("echo", "after")["result"], "after")

    def test_unknown_type_fails_permanently(self) -> None:
        e = self.jq.run("nosuch")
        self.assertIs(e["permanent"], True)
        self.assertIn("no handler for job type 'nosuch'", e["error"])

    def test_bad_lines_are_ignored(self) -> None:
        for line in (b"garbage\n", b"[1,2]\n", b"\n", b'{"op":"nope","x":1}\n',
                     b'{"op":"job","type":"echo"}\n', b'{"op":"cancel"}\n',
                     b'{"op":"job","id":"x","type":7}\n', b"\xff\xfe\n"):
            self.jq.send(line)
        self.assertEqual(self.jq.run("echo", [1], future_key={"a": 1})["result"], [1])
        self.assertEqual(self.jq.close(), 0)
        err = self.jq.stderr()
        self.assertIn("not JSON", err)
        self.assertIn("not a JSON object", err)
        self.assertIn("without a string id and type", err)
        self.assertNotIn("nope", err)  # an unknown op is ignored silently

    def test_eof_exits_0(self) -> None:
        self.assertEqual(self.jq.close(), 0)

    def test_eof_with_a_running_job_exits_0(self) -> None:
        job_id = self.jq.job("wait_cancel")
        self.assertEqual(self.jq.next()["id"], job_id)
        t0 = time.monotonic()
        self.assertEqual(self.jq.close(), 0)
        self.assertLess(time.monotonic() - t0, 10)


class ReadableLinesTest(ChannelTestCase):
    """Every line is one jobq can read (the fake refuses any other, as jobq's parser does):
    values it cannot take fail the job or are dropped, texts are cleaned and cut."""

    def test_strict_checker_refuses_what_jansson_refuses(self) -> None:
        for bad in (b'{"a":"\\udc80"}\n', b'{"a":"\\u0000"}\n', b'{"\\u0000":1}\n',
                    b'{"a":9223372036854775808}\n', b'{"a":-9223372036854775809}\n',
                    b'{"a":"\xed\xb2\x80"}\n', b'{"a":1}', b"[1]\n",
                    b'{"a":"' + b"x" * LINE_MAX + b'"}\n'):
            with self.subTest(bad=bad[:40]):
                self.assertIsNotNone(strict_problem(bad))
        for good in (b'{"a":"\\ud83d\\ude00"}\n', b'{"a":-9223372036854775808}\n',
                     b'{"a":"\\\\u0000"}\n', b'{"a":1e+300}\n'):
            with self.subTest(good=good):
                self.assertIsNone(strict_problem(good))

    def test_unreadable_result_fails_permanently(self) -> None:
        cases = {"surrogate": "result is not valid Unicode: a lone surrogate U+DC80 in a string",
                 "key": "result is not valid Unicode: a lone surrogate U+DCFF in a string",
                 "nul": "result is not valid Unicode: a NUL character (U+0000) in a string",
                 "int": "result has the integer 18446744073709551616, beyond the 64-bit "
                        "range jobq reads",
                 "negative_int": "result has the integer -9223372036854775809, beyond the "
                                 "64-bit range jobq reads"}
        for bad, text in cases.items():
            with self.subTest(bad=bad):
                e = self.jq.run("unicode", {"bad": bad})
                self.assertEqual((e["op"], e["permanent"], e["error"]), ("error", True, text))
        want = {"pair": "smile \U0001F600", "int_min": -(2**63), "int_max": 2**63 - 1,
                "escaped": "a\\u0000 and \\udc80 as text", "float": 1e300}
        for good, value in want.items():
            with self.subTest(good=good):
                self.assertEqual(self.jq.run("unicode", {"good": good}),
                                 {"op": "result", "id": self.jq.seen[-1]["id"], "result": value})

    def test_dirty_text_is_cleaned_and_progress_dropped(self) -> None:
        job_id = self.jq.job("dirty")
        log = self.jq.next()
        self.assertEqual(log, {"op": "log", "id": job_id, "level": "info",
                               "msg": "log \ufffd and \ufffd end second line"})
        p = self.jq.next()  # only the one of exactly 64 KiB; the job went on
        self.assertEqual((p["op"], len(json.dumps(p["progress"]))), ("progress", 64 * 1024))
        e = self.jq.next()
        self.assertEqual(e, {"op": "error", "id": job_id, "permanent": True,
                             "error": "bad \ufffd name\ufffd here next"})
        self.assertEqual(self.jq.run("echo", 1)["result"], 1)  # still serving
        self.assertEqual(self.jq.close(), 0)
        err = self.jq.stderr()
        self.assertIn(f"job {job_id}: dropped a progress report: progress is not valid Unicode: "
                      "a lone surrogate U+DC80 in a string", err)
        self.assertIn("dropped a progress report: progress has the integer 18446744073709551616",
                      err)
        self.assertIn("dropped a progress report: progress of 65538 bytes exceeds jobq's 64 KiB "
                      "limit", err)

    def test_unknown_type_with_a_nul_is_named_readably(self) -> None:
        e = self.jq.run("no\u0000such")
        self.assertIs(e["permanent"], True)
        self.assertIn("no handler for job type 'no\\x00such'", e["error"])

    def test_line_limit(self) -> None:
        r = self.jq.run("huge", {"kind": "line", "bytes": LINE_MAX})
        self.assertEqual(r["op"], "result")
        self.assertEqual(len(self.jq.raw[-1]), LINE_MAX + 1)  # exactly at the limit: sent
        e = self.jq.run("huge", {"kind": "line", "bytes": LINE_MAX + 1})
        size = LINE_MAX + 1 - len(f'{{"op":"result","id":"{e["id"]}","result":}}')
        self.assertEqual((e["permanent"], e["error"]),
                         (True, f"result of {size} bytes exceeds the 8 MiB line limit"))
        e = self.jq.run("huge", {"kind": "result", "bytes": 9 * MIB})
        self.assertEqual(e["error"], f"result of {9 * MIB + 2} bytes exceeds the 8 MiB line limit")

    def test_long_texts_are_cut_and_big_progress_dropped(self) -> None:
        e = self.jq.run("huge", {"kind": "error", "bytes": 9 * MIB})
        self.assertFalse(e.get("permanent", False))
        self.assertEqual(e["error"], "e" * MIB + f" ... (cut: {9 * MIB} bytes)")
        job_id = self.jq.job("huge", {"kind": "log", "bytes": 9 * MIB})
        log = self.jq.next()
        self.assertEqual(log["msg"], "\x01" * MIB + f" ... (cut: {9 * MIB} bytes)")
        self.assertLess(len(self.jq.raw[-1]), LINE_MAX)
        self.assertEqual(self.jq.answer(job_id)["result"], "logged")
        r = self.jq.run("huge", {"kind": "progress", "bytes": 9 * MIB})
        self.assertEqual(r["result"], "progressed")
        self.assertEqual([m["op"] for m in self.jq.seen if m.get("id") == r["id"]], ["result"])
        self.assertEqual(self.jq.close(), 0)
        self.assertIn(f"progress of {9 * MIB + 2} bytes exceeds jobq's 64 KiB limit",
                      self.jq.stderr())

    def test_exception_whose_str_raises_is_answered(self) -> None:
        e = self.jq.run("bad_str")
        self.assertEqual(e["error"], "BadStr: (its message cannot be shown: str() raised)")
        self.assertFalse(e.get("permanent", False))
        e = self.jq.run("bad_str", "permanent")
        self.assertEqual(e["error"], "(its message cannot be shown: str() raised)")
        self.assertIs(e["permanent"], True)
        e = self.jq.run("deep")  # json.dumps raises RecursionError
        self.assertIs(e["permanent"], True)
        self.assertIn("returned a result that is not JSON (list)", e["error"])
        self.assertEqual(self.jq.run("echo", 2)["result"], 2)  # the thread still serves
        self.assertEqual(self.jq.close(), 0)
        self.assertIn("handler 'bad_str' raised on job", self.jq.stderr())


class ConcurrencyTest(unittest.TestCase):
    def test_jobs_run_at_once(self) -> None:
        jq = FakeJobq(concurrency=3)
        try:
            ids = [jq.job("barrier") for _ in range(3)]
            got = sorted(jq.answer(i)["result"]["index"] for i in ids)
            self.assertEqual(got, [0, 1, 2])  # all three met at the barrier
        finally:
            self.assertEqual(jq.close(), 0)
            for f in (jq.proc.stdout, jq.proc.stderr):
                if f is not None:
                    f.close()

    def test_concurrency_1_runs_one_at_a_time(self) -> None:
        jq = FakeJobq(concurrency=1)
        try:
            first = jq.job("wait_cancel")
            self.assertEqual(jq.next()["op"], "progress")
            second = jq.job("echo", 2)
            jq.send({"op": "cancel", "id": first, "reason": "cancel"})
            self.assertEqual(jq.answer(second)["result"], 2)
            answers = [m["id"] for m in jq.seen if m.get("op") in ("result", "error")]
            self.assertEqual(answers, [first, second])  # the second waited for the first
        finally:
            self.assertEqual(jq.close(), 0)
            for f in (jq.proc.stdout, jq.proc.stderr):
                if f is not None:
                    f.close()


class NotStartedByJobqTest(unittest.TestCase):
    def run_fixture(self, **env: str) -> subprocess.CompletedProcess:
        e = {k: v for k, v in os.environ.items() if not k.startswith("JOBQ_PROTOCOL")}
        e.update(env, PYTHONPATH=PKG_PARENT)
        return subprocess.run([sys.executable, FIXTURE], env=e, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=WAIT)

    def test_without_fd_exits_2_with_one_line(self) -> None:
        p = self.run_fixture()
        self.assertEqual(p.returncode, 2)
        lines = p.stderr.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertIn("JOBQ_PROTOCOL_FD is not set", lines[0])

    def test_bad_fd_exits_2(self) -> None:
        for fd, text in (("x", "not a descriptor number"), ("0", "not a")):
            with self.subTest(fd=fd):
                p = self.run_fixture(JOBQ_PROTOCOL_FD=fd)
                self.assertEqual(p.returncode, 2)
                self.assertEqual(len(p.stderr.decode().splitlines()), 1)
                self.assertIn(text, p.stderr.decode())

    def test_other_protocol_exits_2(self) -> None:
        p = self.run_fixture(JOBQ_PROTOCOL_FD="3", JOBQ_PROTOCOL="2")
        self.assertEqual(p.returncode, 2)
        self.assertIn("protocol 1 only", p.stderr.decode())


class InProcessTest(unittest.TestCase):
    def test_cancellation_flag(self) -> None:
        c = worker.Cancellation()
        self.assertFalse(c)
        self.assertFalse(c.wait(0.01))
        threading.Timer(0.05, c._cancel, args=("cancel",)).start()
        self.assertTrue(c.wait(WAIT))
        self.assertTrue(c)
        self.assertEqual(c.reason, "cancel")
        c._cancel("timeout")  # the first reason stays
        self.assertEqual(c.reason, "cancel")

    def test_retry_delays(self) -> None:
        self.assertEqual(worker.Retry("x", in_="1.5m").retry_in, 90.0)
        self.assertEqual(worker.Retry("x", in_="2d").retry_in, 172800.0)
        self.assertIsNone(worker.Retry("x").retry_in)
        for bad in ("1h30m", "s", "1e3", True, float("inf"), [1]):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                worker.Retry("x", in_=bad)  # type: ignore[arg-type]

    def test_run_refuses_bad_arguments(self) -> None:
        for handlers, conc in (({}, 1), ({"a": 1}, 1), ({"": print}, 1), ({"a": print}, 0),
                               ({"a": print}, True), ({"a\x00": print}, 1),
                               ({"\udc80": print}, 1)):
            with self.subTest(handlers=handlers, conc=conc), self.assertRaises(ValueError):
                worker.run(handlers, concurrency=conc)  # type: ignore[arg-type]


if __name__ == "__main__":
    unittest.main()
