"""Tests of the jobq Python client against a real jobq stack (no mocks).

Needs JOBQ_DATABASE_URL (a migrated jobq database, as its owner: the tests read the tables
with it to see what the database really holds), JOBQ_TEST_APP_DSN (the same database as a
login role that is a member of jobq_producer and nothing else: the client and the
application's own connections use it; default: JOBQ_DATABASE_URL) and a running consumer of
queue 'default' with the built-in handlers (echo, fail, sleep; JOBQ_TEST_WORKER: its
worker id). tests/integration/test_client_python.sh provides them and runs:
    python3 -m unittest discover -s clients/python/tests -v
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import threading
import time
import unittest
import uuid

import psycopg

import jobq

OWNER = os.environ.get("JOBQ_DATABASE_URL", "")
DSN = os.environ.get("JOBQ_TEST_APP_DSN") or OWNER
WORKER = os.environ.get("JOBQ_TEST_WORKER", "")
RUN = uuid.uuid4().hex[:8]  # keeps the idempotency keys of two runs apart
WAIT = 30  # seconds: the longest any wait of these tests may take


def key(name: str) -> str:
    return f"pytest-{RUN}-{name}"


def rows(sql: str, *params: object) -> list[tuple]:
    """A query as the table owner, outside the client (what the database really holds)."""
    with psycopg.connect(OWNER, autocommit=True) as c:
        return c.execute(sql, params).fetchall()


class ClientTest(unittest.TestCase):
    def setUp(self) -> None:
        if not DSN:
            self.skipTest("JOBQ_DATABASE_URL is not set")
        self.c = jobq.Client(DSN)
        self.addCleanup(self.c.close)

    def wait_status(self, jid: str, status: str, within: float = WAIT) -> None:
        end = time.monotonic() + within
        while self.c.status(jid)["status"] != status:
            self.assertLess(time.monotonic(), end, f"job {jid} not {status} in {within} s")
            time.sleep(0.05)

    # ------------------------------------------------------------------ submit and wait
    def test_submit_wait_returns_the_result(self) -> None:
        payload = {"n": 1, "text": "héllo", "list": [1, 2.5, None, True]}
        jid = self.c.submit("echo", payload)
        self.assertEqual(str(uuid.UUID(jid)), jid)
        self.assertEqual(self.c.wait(jid, timeout=WAIT), payload)
        self.assertEqual(self.c.status(uuid.UUID(jid))["status"], "succeeded")

    def test_wait_is_woken_by_the_notification(self) -> None:
        # A poll interval of 60 s: only the jobq_done notification can end the wait in time.
        with jobq.Client(DSN, poll_interval=60) as slow:
            jid = slow.submit("sleep", {"seconds": 1})
            t0 = time.monotonic()
            self.assertIsNone(slow.wait(jid, timeout=WAIT))
            self.assertLess(time.monotonic() - t0, 20)

    def test_failure_raises_job_failed(self) -> None:
        jid = self.c.submit("fail", {"message": "boom on purpose", "permanent": True})
        with self.assertRaises(jobq.JobFailed) as cm:
            self.c.wait(jid, timeout=WAIT)
        self.assertIn("boom on purpose", cm.exception.error)
        self.assertEqual(cm.exception.job_id, jid)
        self.assertEqual(cm.exception.status["status"], "failed")
        self.assertIsInstance(cm.exception, jobq.JobqError)

    def test_cancel_of_a_running_job_raises_job_cancelled_in_wait(self) -> None:
        jid = self.c.submit("sleep", {"seconds": 60})
        self.wait_status(jid, "running")
        self.assertEqual(self.c.cancel(jid, reason="test says stop"), "running")
        t0 = time.monotonic()
        with self.assertRaises(jobq.JobCancelled) as cm:
            self.c.wait(jid, timeout=WAIT)
        self.assertLess(time.monotonic() - t0, 10)  # the cancel's NOTIFY, not a heartbeat
        self.assertEqual(cm.exception.reason, "test says stop")
        st = self.c.status(jid)
        self.assertEqual((st["status"], st["cancel_requested"]), ("cancelled", True))
        self.assertEqual(self.c.cancel(jid), "cancelled")  # finished: nothing changes

    def test_cancel_of_a_scheduled_job_and_of_unknown_ids(self) -> None:
        jid = self.c.submit("noop", delay=dt.timedelta(minutes=5))
        self.assertEqual(self.c.status(jid)["status"], "scheduled")
        self.assertEqual(self.c.cancel(jid), "scheduled")
        with self.assertRaises(jobq.JobCancelled) as cm:
            self.c.wait(jid, timeout=5)
        self.assertEqual(cm.exception.reason, "cancelled by user")
        unknown = str(uuid.uuid4())
        for call in (self.c.cancel, self.c.status, self.c.wait):
            with self.assertRaises(jobq.JobNotFound) as nf:
                call(unknown)
            self.assertEqual(nf.exception.job_id, unknown)
        with self.assertRaisesRegex(jobq.InvalidArgument, "^job id 'nope' is not a UUID$"):
            self.c.status("nope")

    def test_wait_timeout(self) -> None:
        jid = self.c.submit("noop", delay=300)
        t0 = time.monotonic()
        with self.assertRaises(TimeoutError) as cm:
            self.c.wait(jid, timeout=0.5)
        took = time.monotonic() - t0
        self.assertTrue(0.5 <= took < 5, took)
        self.assertIsInstance(cm.exception, jobq.WaitTimeout)
        self.assertEqual(cm.exception.last_status, "scheduled")
        self.assertEqual(self.c.status(jid)["status"], "scheduled")  # untouched
        self.c.cancel(jid)

    # ------------------------------------------------------------------ metadata
    def test_metadata_is_found_by_jobq_list(self) -> None:
        """Metadata submitted by the client is found by `jobq list --meta K=V` itself (the
        build's CLI in JOBQ_BIN_DIR, configured by the test's environment), so this follows
        whatever condition the CLI uses."""
        bindir = os.environ.get("JOBQ_BIN_DIR")
        if not bindir:
            self.fail("JOBQ_BIN_DIR is not set: run through tests/integration/test_client_python.sh")

        def listed(*meta: str) -> list[str]:
            args = [f"{bindir}/jobq", "list", "--json"]
            for m in meta:
                args += ["--meta", m]
            out = subprocess.run(args, check=True, capture_output=True, text=True, timeout=30)
            return [j["id"] for j in json.loads(out.stdout)]

        tenant = f"py-{RUN}"
        mine = self.c.submit("noop", metadata={"tenant": tenant, "order": "o-1", "n": 2},
                             delay=3600)
        other = self.c.submit("noop", metadata={"tenant": f"other-{RUN}"}, delay=3600)
        self.addCleanup(self.c.cancel, mine)
        self.addCleanup(self.c.cancel, other)
        self.assertEqual(listed(f"tenant={tenant}", "order=o-1"), [mine])
        self.assertEqual(listed(f"tenant={tenant}", "order=o-2"), [])
        self.assertEqual(listed(f"tenant={tenant}", "n=2"), [])  # a number is not K=V
        self.assertEqual(self.c.status(mine)["metadata"], {"tenant": tenant, "order": "o-1", "n": 2})

    # ------------------------------------------------------------------ status
    def test_status_fields(self) -> None:
        k = key("status")
        before = dt.datetime.now(dt.timezone.utc)
        jid = self.c.submit("echo", {"a": 1}, queue="default", key=k, max_attempts=5,
                            timeout=dt.timedelta(seconds=90), metadata={"team": "x"})
        self.c.wait(jid, timeout=WAIT)
        st = self.c.status(jid)
        self.assertEqual(set(st), {
            "id", "type", "queue", "status", "attempt", "max_attempts", "payload", "result",
            "error", "progress", "metadata", "key", "run_at", "created_at", "started_at",
            "finished_at", "cancel_requested", "cancel_reason", "status_reason", "worker_id"})
        self.assertEqual(
            (st["id"], st["type"], st["queue"], st["status"], st["attempt"],
             st["max_attempts"], st["payload"], st["result"], st["error"], st["metadata"],
             st["key"], st["cancel_requested"], st["cancel_reason"]),
            (jid, "echo", "default", "succeeded", 1, 5, {"a": 1}, {"a": 1}, None,
             {"team": "x"}, k, False, None))
        if WORKER:
            self.assertEqual(st["worker_id"], WORKER)
        created, started, finished = st["created_at"], st["started_at"], st["finished_at"]
        self.assertIsNotNone(created.tzinfo)
        self.assertTrue(before - dt.timedelta(seconds=5) < created <= started <= finished)
        self.assertEqual(rows("SELECT timeout FROM jobs WHERE id = %s", jid),
                         [(dt.timedelta(seconds=90),)])

    def test_delay_and_run_at_schedule_on_the_server_clock(self) -> None:
        jid = self.c.submit("noop", delay=120)
        st = self.c.status(jid)
        self.assertEqual(st["status"], "scheduled")
        ahead = (st["run_at"] - st["created_at"]).total_seconds()
        self.assertTrue(119 < ahead < 125, ahead)
        at = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=2)
        jid2 = self.c.submit("noop", run_at=at)
        self.assertEqual(abs((self.c.status(jid2)["run_at"] - at).total_seconds()) < 0.001, True)
        self.c.cancel(jid)
        self.c.cancel(jid2)

    # ------------------------------------------------------------------ batches and keys
    def test_submit_many_order_and_keys(self) -> None:
        k = key("many")
        ids = self.c.submit_many([
            {"type": "echo", "payload": {"i": 0}, "key": k},
            {"type": "echo", "payload": {"i": 1}, "max_attempts": 2, "timeout": 30},
            {"type": "echo", "payload": {"i": 2}, "key": k},  # the same key: the first job
            {"type": "echo", "payload": {"i": 3}, "metadata": {"m": 3}, "queue": "default"},
            {"type": "noop", "delay": dt.timedelta(minutes=10)},
        ])
        self.assertEqual(len(ids), 5)
        self.assertEqual(ids[0], ids[2])
        self.assertEqual(len(set(ids)), 4)
        for i in (0, 1, 3):
            self.assertEqual(self.c.wait(ids[i], timeout=WAIT), {"i": i})
        self.assertEqual(self.c.status(ids[1])["max_attempts"], 2)
        self.assertEqual(self.c.status(ids[3])["metadata"], {"m": 3})
        self.assertEqual(self.c.status(ids[4])["status"], "scheduled")
        self.c.cancel(ids[4])
        self.assertEqual(self.c.submit_many([]), [])
        self.assertEqual(self.c.submit_many(iter([{"type": "noop", "key": k}])), [ids[0]])

    def test_idempotency_key(self) -> None:
        k = key("idem")
        first = self.c.submit("echo", {"v": "first"}, key=k)
        again = self.c.submit("echo", {"v": "second"}, key=k)
        self.assertEqual(first, again)
        self.assertEqual(self.c.wait(first, timeout=WAIT), {"v": "first"})
        self.assertEqual(rows("SELECT count(*) FROM jobs WHERE idempotency_key = %s", k), [(1,)])

    def test_unique_for_window(self) -> None:
        k = key("window")
        # scheduled an hour ahead, so that the consumer leaves them as they are
        # (a window of 3 s: the second call must come within it on a loaded machine too)
        first = self.c.submit("noop", key=k, unique_for=3, delay=3600)
        self.assertEqual(self.c.submit("noop", key=k, unique_for=3), first)
        expired = "SELECT bool_and(unique_until <= clock_timestamp()) FROM jobs WHERE idempotency_key = %s"
        for _ in range(100):  # the window ends within 10 s
            if rows(expired, k) == [(True,)]:
                break
            time.sleep(0.1)
        self.assertEqual(rows(expired, k), [(True,)])
        new, again = self.c.submit_many([
            {"type": "noop", "key": k, "unique_for": dt.timedelta(hours=1), "delay": 3600},
            {"type": "noop", "key": k}])
        self.assertNotEqual(new, first)
        self.assertEqual(again, new)
        self.assertEqual(rows("SELECT id::text, expired_key, extract(epoch FROM unique_until - created_at)::int"
                              " FROM jobs WHERE %s IN (idempotency_key, expired_key) ORDER BY created_at", k),
                         [(first, k, 3), (new, None, 3600)])
        self.assertEqual(self.c.status(first)["status"], "scheduled")  # the old job is intact
        self.c.cancel(first)
        self.c.cancel(new)

    # ------------------------------------------------------------------ dependencies
    def started_after_finish(self, jid: str, deps: list[str]) -> bool:
        """jid started after every job of deps finished (read as the table owner)."""
        return rows("SELECT j.started_at >= (SELECT max(d.finished_at) FROM jobs d"
                    " WHERE d.id = any(%s::uuid[])) FROM jobs j WHERE j.id = %s",
                    deps, jid) == [(True,)]

    def test_submit_after_waits_for_its_dependency(self) -> None:
        first = self.c.submit("sleep", {"seconds": 2})
        with psycopg.connect(DSN) as app:
            with app.transaction():
                failing = self.c.submit("fail", {"message": "dep fails", "permanent": True},
                                        after=first, conn=app)
                after = self.c.submit("echo", {"after": 1}, after=first, conn=app)
                both = self.c.submit("echo", {"both": 1}, after=[uuid.UUID(first)],
                                     after_any=[failing], conn=app)
                doomed = self.c.submit("noop", after=[failing, first], conn=app)
        self.assertEqual(self.c.status(after)["status"], "waiting")
        self.assertEqual(self.c.status(both)["status"], "waiting")
        self.assertEqual(self.c.wait(after, timeout=WAIT), {"after": 1})
        self.assertTrue(self.started_after_finish(after, [first]))
        self.assertEqual(self.c.wait(both, timeout=WAIT), {"both": 1})
        self.assertTrue(self.started_after_finish(both, [first, failing]))
        with self.assertRaises(jobq.JobCancelled):
            self.c.wait(doomed, timeout=WAIT)
        self.assertEqual(self.c.status(doomed)["status_reason"], f"dependency {failing} failed")
        self.assertEqual(rows("SELECT status FROM jobs WHERE id = %s", failing), [("failed",)])
        with self.assertRaisesRegex(jobq.InvalidArgument, "^after: job id 'nope' is not a UUID$"):
            self.c.submit("noop", after=["nope"])
        with self.assertRaisesRegex(jobq.InvalidArgument, "^after_any: job .* does not exist$"):
            self.c.submit("noop", after_any=str(uuid.uuid4()))
        with self.assertRaisesRegex(jobq.InvalidArgument,
                                    f"^after: job {failing} is failed, so this one could never run"):
            self.c.submit("noop", after=failing)

    def test_submit_many_graph_with_refs(self) -> None:
        root = self.c.submit("sleep", {"seconds": 1})
        ids = self.c.submit_many([
            {"type": "sleep", "payload": {"seconds": 1}, "ref": "a", "after": uuid.UUID(root)},
            {"type": "echo", "payload": "b", "ref": "b", "after": "a"},
            {"type": "echo", "payload": "c", "ref": "c", "after": ["a"]},
            {"type": "echo", "payload": "sink", "after": ["b", "c"], "after_any": [root]},
        ])
        self.assertEqual(len(set(ids)), 4)
        self.assertEqual([self.c.status(i)["status"] for i in ids[1:]], ["waiting"] * 3)
        self.assertEqual(self.c.wait(ids[3], timeout=WAIT), "sink")
        self.assertTrue(self.started_after_finish(ids[0], [root]))
        self.assertTrue(self.started_after_finish(ids[1], [ids[0]]))
        self.assertTrue(self.started_after_finish(ids[2], [ids[0]]))
        self.assertTrue(self.started_after_finish(ids[3], [ids[1], ids[2], root]))
        with self.assertRaisesRegex(jobq.InvalidArgument, '^job 2: "after": unknown ref "zz"$'):
            self.c.submit_many([{"type": "noop", "ref": "a"}, {"type": "noop", "after": "zz"}])
        with self.assertRaisesRegex(jobq.InvalidArgument,
                                    '^job 1: "after": "b" is the ref of job 2, not of an earlier job$'):
            self.c.submit_many([{"type": "noop", "after": "b"}, {"type": "noop", "ref": "b"}])
        with self.assertRaisesRegex(jobq.InvalidArgument,
                                    '^job 1: "after" must be a job id or ref, or a list of them, not dict$'):
            self.c.submit_many([{"type": "noop", "after": {"id": 1}}])
        with self.assertRaisesRegex(jobq.InvalidArgument,
                                    "^after must be a job id or an iterable of job ids, not dict$"):
            self.c.submit("noop", after={root: 1})
        # a UUID in another form than the canonical one is a job id in both calls
        braced = self.c.submit_many([{"type": "noop", "after_any": "{%s}" % root.upper()}])
        self.assertEqual(rows("SELECT dep_id::text FROM job_deps WHERE job_id = %s", braced[0]),
                         [(root,)])

    # ------------------------------------------------------------------ refusals
    def test_bad_input_raises_invalid_argument_with_the_message(self) -> None:
        cases = [
            (lambda: self.c.submit("bad type!"),
             "job type 'bad type!' is invalid (1-64 characters of A-Z a-z 0-9 _ . : -)"),
            (lambda: self.c.submit("noop", queue="bad q"),
             "queue 'bad q' is invalid (1-64 characters of A-Z a-z 0-9 _ . -)"),
            (lambda: self.c.submit("noop", max_attempts=0),
             "max_attempts: 0 is not a whole number from 1 to 1000"),
            (lambda: self.c.submit("noop", key=""), "key must be 1 to 255 characters"),
            (lambda: self.c.submit("noop", metadata=[1]), "metadata must be a JSON object"),
            (lambda: self.c.submit("noop", unique_for=60), "unique_for needs a key"),
            (lambda: self.c.submit("noop", key="k", unique_for=0),
             "unique_for: 0 is not a number of seconds above 0"),
            (lambda: self.c.submit_many([{"type": "noop", "key": "k", "unique_for": -1}]),
             "job 1: unique_for: -1 is not a number of seconds above 0"),
            (lambda: self.c.submit_many([{"type": "noop", "unique_for": 5}]),
             "job 1: unique_for needs a key"),
            (lambda: self.c.submit_many([{"type": "noop"}, {"type": "noop"},
                                         {"type": "noop", "bogus": 1}]),
             'job 3: unknown field "bogus"'),
            # the client's own checks, before any SQL
            (lambda: self.c.submit("noop", delay=5, run_at=dt.datetime.now(dt.timezone.utc)),
             "delay and run_at are exclusive"),
            (lambda: self.c.submit("noop", run_at=dt.datetime(2030, 1, 1)),
             "run_at must be a timezone-aware datetime (e.g. datetime.now(timezone.utc))"),
            (lambda: self.c.submit("noop", delay=-1),
             "delay: -1 is not a number of seconds of at least 0"),
            (lambda: self.c.submit("noop", timeout=0),
             "timeout: 0 is not a number of seconds above 0"),
            (lambda: self.c.submit("noop", delay=1e20), "delay: 1e+20 is more than 365 days"),
            (lambda: self.c.submit("noop", timeout="5"),
             "timeout must be a number of seconds or a timedelta, not str"),
            (lambda: self.c.submit("noop", max_attempts=2.5),
             "max_attempts: 2.5 is not a whole number from 1 to 1000"),
            (lambda: self.c.submit_many([{"type": "noop", "delay": 1, "run_at": "x"}]),
             "job 1: delay and run_at are exclusive"),
            (lambda: self.c.submit("noop", {"s": {1, 2}}),
             "payload: Object of type set is not JSON serializable"),
            (lambda: self.c.submit_many([{"type": "noop"}, "noop"]),
             "job 2: must be a dict, not str"),
        ]
        before = rows("SELECT count(*) FROM jobs")
        for call, message in cases:
            with self.subTest(message=message):
                with self.assertRaises(jobq.InvalidArgument) as cm:
                    call()
                self.assertEqual(str(cm.exception), message)
                self.assertIsInstance(cm.exception, ValueError)
        self.assertEqual(rows("SELECT count(*) FROM jobs"), before)
        # the client's connection is still fine after the refusals
        self.assertEqual(self.c.wait(self.c.submit("echo", 7), timeout=WAIT), 7)

    # ------------------------------------------------------------------ the application's transaction
    def test_rolled_back_transaction_leaves_no_job(self) -> None:
        k = key("rollback")
        with psycopg.connect(DSN) as app:
            app.execute("CREATE TEMP TABLE orders (n int)")
            app.execute("INSERT INTO orders VALUES (1)")
            jid = self.c.submit("echo", {"order": 1}, key=k, conn=app)
            many = self.c.submit_many([{"type": "echo", "payload": {"order": 2}}], conn=app)
            # inside the transaction: there, and only there
            for i in [jid] + many:
                self.assertEqual(app.execute("SELECT status FROM jobq_status(%s)",
                                             (i,)).fetchone(), ("queued",))
            with self.assertRaises(jobq.JobNotFound):
                self.c.status(jid)
            app.rollback()
        for i in [jid] + many:
            with self.assertRaises(jobq.JobNotFound):
                self.c.status(i)
        self.assertEqual(rows("SELECT count(*) FROM jobs WHERE id = ANY(%s) OR idempotency_key = %s",
                              [jid] + many, k), [(0,)])
        # the key was never taken: a new submit with it creates a new job
        again = self.c.submit("echo", {"order": 3}, key=k)
        self.assertNotEqual(again, jid)
        self.assertEqual(self.c.wait(again, timeout=WAIT), {"order": 3})

    def test_committed_transaction_runs_the_job(self) -> None:
        with psycopg.connect(DSN) as app:
            with app.transaction():
                jid = self.c.submit("echo", {"order": 9}, conn=app)
                with self.assertRaises(jobq.JobNotFound):
                    self.c.status(jid)  # not committed by the client
            # the block committed
            self.assertEqual(self.c.wait(jid, timeout=WAIT), {"order": 9})
            self.assertEqual(app.info.transaction_status, psycopg.pq.TransactionStatus.IDLE)

    def test_priority(self) -> None:
        jid = self.c.submit("echo", {"p": 9}, priority=9)
        ids = self.c.submit_many([{"type": "echo", "payload": 3, "priority": 3},
                                  {"type": "echo", "payload": 0}])
        self.assertEqual(self.c.wait(jid, timeout=WAIT), {"p": 9})
        self.assertEqual(self.c.wait(ids[0], timeout=WAIT), 3)
        self.assertEqual(self.c.wait(ids[1], timeout=WAIT), 0)
        self.assertEqual(rows("select priority from jobs where id = any(%s::uuid[]) order by priority desc",
                              [jid] + ids), [(9,), (3,), (0,)])
        with self.assertRaisesRegex(jobq.InvalidArgument, "^priority 10 is not a whole number from 0 to 9$"):
            self.c.submit("noop", priority=10)
        with self.assertRaisesRegex(jobq.InvalidArgument, "^priority '9' is not a whole number"):
            self.c.submit("noop", priority="9")  # type: ignore[arg-type]
        with self.assertRaisesRegex(jobq.InvalidArgument, '^job 1: "priority" must be a whole number'):
            self.c.submit_many([{"type": "noop", "priority": "x"}])

    def test_concurrency_key(self) -> None:
        jid = self.c.submit("echo", {"t": "a"}, concurrency_key="tenant-a")
        ids = self.c.submit_many([{"type": "echo", "payload": "b", "concurrency_key": "tenant-b"},
                                  {"type": "echo", "payload": "n"}])
        self.assertEqual(self.c.wait(jid, timeout=WAIT), {"t": "a"})
        self.assertEqual(self.c.wait(ids[0], timeout=WAIT), "b")
        self.assertEqual(self.c.wait(ids[1], timeout=WAIT), "n")
        self.assertEqual(rows("select concurrency_key from jobs where id = any(%s::uuid[])"
                              " order by concurrency_key nulls last", [jid] + ids),
                         [("tenant-a",), ("tenant-b",), (None,)])
        with self.assertRaisesRegex(jobq.InvalidArgument,
                                    r"^concurrency key 'a b' is invalid \(1-128 characters of "
                                    r"A-Z a-z 0-9 _ \. : -\)$"):
            self.c.submit("noop", concurrency_key="a b")
        with self.assertRaisesRegex(jobq.InvalidArgument, "^concurrency_key must be a string, not int$"):
            self.c.submit("noop", concurrency_key=7)  # type: ignore[arg-type]
        with self.assertRaisesRegex(jobq.InvalidArgument, "^job 2: concurrency key 'x/y' is invalid"):
            self.c.submit_many([{"type": "noop"}, {"type": "noop", "concurrency_key": "x/y"}])

    def test_priority_with_unique_for(self) -> None:
        k = f"prio-unique-{uuid.uuid4()}"
        jid = self.c.submit("noop", key=k, unique_for=3600, priority=4, delay=3600)
        self.assertEqual(self.c.submit("noop", key=k, unique_for=3600, priority=4), jid)
        ids = self.c.submit_many([{"type": "noop", "key": k + "-m", "unique_for": 60,
                                   "priority": 2, "delay": 3600}])
        got = rows("select priority, unique_until - created_at from jobs"
                   " where id = any(%s::uuid[]) order by priority desc", [jid] + ids)
        self.assertEqual(got, [(4, dt.timedelta(hours=1)), (2, dt.timedelta(minutes=1))])
        self.c.cancel(jid)
        self.c.cancel(ids[0])

    def test_refusal_inside_the_application_transaction(self) -> None:
        with psycopg.connect(DSN) as app:
            with self.assertRaisesRegex(jobq.InvalidArgument, "^job type 'x y' is invalid"):
                self.c.submit("x y", conn=app)
            self.assertEqual(app.info.transaction_status, psycopg.pq.TransactionStatus.INERROR)
            app.rollback()

    @unittest.skipUnless(__import__("importlib").util.find_spec("psycopg2"), "no psycopg2")
    def test_psycopg2_application_connection(self) -> None:
        import psycopg2
        app = psycopg2.connect(DSN)
        self.addCleanup(app.close)
        jid = self.c.submit("echo", {"via": "psycopg2"}, conn=app)
        ids = self.c.submit_many([{"type": "echo", "payload": 2}], conn=app)
        with self.assertRaisesRegex(jobq.InvalidArgument, "^max_attempts: 0 is not"):
            self.c.submit("noop", max_attempts=0, conn=app)
        app.rollback()
        with self.assertRaises(jobq.JobNotFound):
            self.c.status(jid)
        jid = self.c.submit("echo", {"via": "psycopg2"}, conn=app)
        ids = self.c.submit_many([{"type": "echo", "payload": 2}], conn=app)
        app.commit()
        self.assertEqual(self.c.wait(jid, timeout=WAIT), {"via": "psycopg2"})
        self.assertEqual(self.c.wait(ids[0], timeout=WAIT), 2)

    # ------------------------------------------------------------------ threads, lifecycle
    def test_one_client_shared_by_threads(self) -> None:
        errors: list[BaseException] = []

        def work(t: int) -> None:
            try:
                for i in range(5):
                    p = {"thread": t, "i": i}
                    self.assertEqual(self.c.wait(self.c.submit("echo", p), timeout=WAIT), p)
            except BaseException as e:  # noqa: BLE001 - reported below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(t,)) for t in range(6)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        self.assertEqual(errors, [])
        self.assertEqual(rows("SELECT count(*) FROM job_waiters"), [(0,)])  # all unwatched

    def test_close_and_reconnect(self) -> None:
        jid = self.c.submit("noop")
        pid = self.c._conn.info.backend_pid
        rows("SELECT pg_terminate_backend(%s)", pid)
        end = time.monotonic() + 10
        while rows("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", pid) != [(0,)]:
            self.assertLess(time.monotonic(), end, "the backend outlived pg_terminate_backend")
            time.sleep(0.05)
        with self.assertRaises(psycopg.OperationalError):
            self.c.status(jid)  # meets the lost connection: not retried behind our back
        self.assertIsNone(self.c.wait(jid, timeout=WAIT))  # a new connection
        self.c.close()
        self.c.close()
        with self.assertRaisesRegex(jobq.JobqError, "closed"):
            self.c.submit("noop")


if __name__ == "__main__":
    unittest.main()
