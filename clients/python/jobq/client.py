"""jobq.Client: submits, cancels, inspects and waits for jobs through jobq's SQL API
(jobq_submit, jobq_submit_many, jobq_cancel, jobq_status, jobq_watch; docs/clients.md)."""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import selectors
import threading
import time
import uuid
from typing import Any, Callable, Iterable, Iterator, Mapping, Optional, TypeVar, Union

import psycopg
from psycopg.conninfo import conninfo_to_dict

from . import _convert as cv
from .errors import InvalidArgument, JobCancelled, JobFailed, JobNotFound, JobqError, WaitTimeout

JobId = Union[str, uuid.UUID]
"""A job id: UUID text (any case) or a uuid.UUID."""

T = TypeVar("T")

# Positional, in the order of the contract: jobq_submit(type, payload, queue, run_at,
# max_attempts, key, timeout, metadata, unique_for, priority, concurrency_key, after,
# after_any; migration 0054 for the last two). A delay is added to the
# server's clock (not the client's, which may be off), at the time of the call: now() would
# be the start of the application's transaction.
_SUBMIT = """SELECT jobq_submit(%s, %s::jsonb, %s,
    coalesce(%s::timestamptz, clock_timestamp() + %s::float8 * interval '1 second'),
    %s::int, %s, %s::float8 * interval '1 second', %s::jsonb,
    %s::float8 * interval '1 second', coalesce(%s::int, 0), %s,
    %s::text[]::uuid[], %s::text[]::uuid[])::text"""
_SUBMIT_MANY = "SELECT jobq_submit_many(%s::jsonb)::text[]"
_CANCEL = "SELECT id::text, status FROM jobq_cancel(ARRAY[%s]::uuid[], %s)"
_STATUS = "SELECT * FROM jobq_status(%s::uuid)"
_WATCH = "SELECT jobq_watch(ARRAY[%s]::uuid[])"
_UNWATCH = "SELECT jobq_unwatch(ARRAY[%s]::uuid[])"

_TERMINAL = ("succeeded", "failed", "cancelled")
_IDLE_WAITERS = 4  # wait connections kept for reuse; more are closed when their wait ends


@contextlib.contextmanager
def _translated() -> Iterator[None]:
    """Turns the SQL API's refusals (SQLSTATE 22023) into InvalidArgument with the server's
    one-line message. Works with psycopg 3 and psycopg2 exceptions alike (conn= may be
    either); every other error passes unchanged."""
    try:
        yield
    except Exception as e:
        code = getattr(e, "sqlstate", None) or getattr(e, "pgcode", None)
        if code != "22023":
            raise
        diag = getattr(e, "diag", None)
        msg = getattr(diag, "message_primary", None) or str(e).strip().splitlines()[0]
        raise InvalidArgument(msg) from e


def _query(conn: Any, sql: str, params: tuple[Any, ...]) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Runs one statement on a DB-API connection (psycopg 3 or psycopg2) and returns the
    column names and every row."""
    with _translated():
        cur = conn.cursor()
        try:
            cur.execute(sql, params)
            names = [d[0] for d in cur.description]
            return names, list(cur.fetchall())
        finally:
            cur.close()


def _status_row(conn: Any, jid: str) -> Optional[dict[str, Any]]:
    """jobq_status of one job as a dict, with the id as text; None if there is no such job."""
    names, rows = _query(conn, _STATUS, (jid,))
    if not rows:
        return None
    row = dict(zip(names, rows[0]))
    if isinstance(row.get("id"), uuid.UUID):
        row["id"] = str(row["id"])
    return row


class _Waiter:
    """A connection of wait()'s own: in autocommit, LISTENing on jobq_done, noting in ``hits``
    a notification that names the job waited for (``want``), whether it arrives while a
    query runs, through psycopg's handler, or while idle, through wait_for(). Other payloads
    are dropped: any session may notify jobq_done, and a busy system names many jobs."""

    def __init__(self, connect: Callable[[], psycopg.Connection]) -> None:
        self.hits: set[str] = set()
        self.want: Optional[str] = None
        self._connect = connect
        self.conn = self._open()

    def _open(self) -> psycopg.Connection:
        conn = self._connect()
        conn.add_notify_handler(lambda n: self._note(n.payload))
        conn.execute("LISTEN jobq_done")
        return conn

    def _note(self, payload: str) -> None:
        if payload == self.want:
            self.hits.add(payload)

    def reopen(self) -> None:
        """Replaces a lost connection (its LISTEN and watches are gone with it); a failure
        to connect is raised."""
        self.close()
        self.conn = self._open()

    def usable(self) -> bool:
        """Whether the connection is open and not known to be broken."""
        return not (self.conn.closed or self.conn.broken)

    def wait_for(self, jid: str, seconds: float) -> None:
        """Returns when a notification for jid came or after `seconds`, whichever is first."""
        end = time.monotonic() + seconds
        # a selector, not select.select: the application may hold more than 1024 descriptors
        with selectors.DefaultSelector() as sel:
            sel.register(self.conn.fileno(), selectors.EVENT_READ)
            while jid not in self.hits:
                left = end - time.monotonic()
                if left <= 0:
                    return
                if sel.select(left):
                    pg = self.conn.pgconn
                    pg.consume_input()  # OperationalError when the connection is lost
                    while (n := pg.notifies()) is not None:
                        self._note(n.extra.decode())

    def close(self) -> None:
        """Closes the connection (its watches end with the session)."""
        with contextlib.suppress(Exception):
            self.conn.close()


class Client:
    """A connection to jobq's database for submitting, cancelling, inspecting and waiting.

    ``Client(dsn)`` connects at once (a libpq URL or "key=value" string; None: the
    environment's JOBQ_DATABASE_URL, else libpq's PG* variables). The role needs EXECUTE on
    the SQL API, e.g. ``GRANT jobq_producer TO app``. Use it as a context manager or call
    close().

    Thread safety: one Client may be shared by threads. Calls on its own connection are
    serialised by a lock (each is one short autocommit statement); each wait() in progress
    uses a connection of its own, taken from a small pool, so waits do not block each other
    or the other calls. A call with ``conn=`` runs on that connection, which the
    application must not use from two threads at once. A Client is not fork-safe: make one
    per process.

    A broken connection is replaced on the next call; the call that saw it fails with
    psycopg's OperationalError (a submit is never repeated behind your back: use ``key``).
    """

    def __init__(self, dsn: Optional[str] = None, *, poll_interval: float = 1.0) -> None:
        """Connects to the database. ``poll_interval``: the seconds between status reads
        while wait() has no notification (a fallback; notifications end waits at once)."""
        self._dsn = dsn if dsn is not None else os.environ.get("JOBQ_DATABASE_URL", "")
        self._poll = cv.seconds("poll_interval", poll_interval, positive=True) or 1.0
        self._lock = threading.Lock()
        self._idle: list[_Waiter] = []
        self._closed = False
        self._conn = self._connect()

    # A session that waits may sit idle for hours: TCP keepalives find a server or network
    # that went away without closing (~60 s) instead of leaving wait() stuck on a dead
    # socket. The DSN's own settings win.
    _DEFAULTS = {"application_name": "jobq-python", "keepalives": "1", "keepalives_idle": "30",
                 "keepalives_interval": "10", "keepalives_count": "3"}

    def _connect(self) -> psycopg.Connection:
        given = conninfo_to_dict(self._dsn)
        extra = {k: v for k, v in self._DEFAULTS.items() if k not in given}
        return psycopg.connect(self._dsn, autocommit=True, **extra)

    def __enter__(self) -> "Client":
        """Returns the client itself; the with block's end closes it."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Closes the client (close())."""
        self.close()

    def close(self) -> None:
        """Closes the client's connections; waits in progress close theirs when they end.
        Idempotent. Any later call raises JobqError."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            with contextlib.suppress(Exception):
                self._conn.close()
        for w in idle:
            w.close()

    def _with_own(self, fn: Callable[[psycopg.Connection], T]) -> T:
        """fn(the client's connection) under the lock, reconnecting first if it broke."""
        with self._lock:
            if self._closed:
                raise JobqError("the jobq client is closed")
            if self._conn.closed or self._conn.broken:
                self._conn = self._connect()
            return fn(self._conn)

    def _run(self, conn: Any, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        """The rows of one statement on conn (the application's) or else the client's."""
        if conn is not None:
            return _query(conn, sql, params)[1]
        return self._with_own(lambda c: _query(c, sql, params))[1]

    # ------------------------------------------------------------------ submitting
    def submit(self, type: str, payload: Any = None, *, queue: Optional[str] = None,
               delay: Optional[cv.Seconds] = None, run_at: Optional[dt.datetime] = None,
               key: Optional[str] = None, max_attempts: Optional[int] = None,
               timeout: Optional[cv.Seconds] = None, metadata: Optional[Mapping[str, Any]] = None,
               unique_for: Optional[cv.Seconds] = None, priority: Optional[int] = None,
               concurrency_key: Optional[str] = None,
               after: Union[JobId, Iterable[JobId], None] = None,
               after_any: Union[JobId, Iterable[JobId], None] = None,
               conn: Any = None) -> str:
        """Submits one job and returns its id (lower-case UUID text).

        payload: any JSON value (None: {}). queue: None is 'default'. delay (seconds or a
        timedelta, counted from this call on the server's clock) or run_at (an aware
        datetime): when it may run; neither is now. key: an idempotency key: a key already
        used returns that job's id and creates nothing. max_attempts: 1 to 1000 (None: 3).
        timeout: the runtime limit of one attempt (None: the handler's). metadata: a JSON
        object kept with the job. unique_for (seconds or a timedelta, above 0, at most 365
        days; needs key): the key is this job's for that long from its creation, and a
        submit of the key afterwards creates a new job (None: the key is the job's for
        ever). priority: 0 to 9 (None: 0); a higher one runs first among the queue's due
        jobs (docs/scheduling.md, "Priorities"). concurrency_key: the job's tenant (1-128
        of A-Z a-z 0-9 _ . : -; None: none): the keys of a queue take turns, and a limit on
        key:K caps K's running jobs (docs/scheduling.md, "Fairness").

        after, after_any: dependencies (docs/workflows.md): a job id or an iterable of job
        ids of existing jobs. The job is saved 'waiting' and runs only once every `after`
        job has succeeded and every `after_any` job has ended in any way; a failed or
        cancelled `after` job cancels it. A key that returns an existing job links nothing.
        Needs a READ COMMITTED transaction (PostgreSQL's default): in REPEATABLE READ or
        SERIALIZABLE the server refuses it (SQLSTATE 25000, psycopg's own exception).

        conn: the application's own psycopg (3 or 2) connection. The job is inserted in
        ITS current transaction and is not committed by the client: it exists, and runs,
        only if and when the application commits; a rollback leaves no job. A refusal
        (InvalidArgument) aborts that transaction, as any failed statement does.

        Raises InvalidArgument with a one-line message for a bad argument.
        """
        if not isinstance(type, str):
            raise InvalidArgument(f"job type must be a string, not {_tname(type)}")
        if delay is not None and run_at is not None:
            raise InvalidArgument("delay and run_at are exclusive")
        if max_attempts is not None and (not isinstance(max_attempts, int)
                                         or isinstance(max_attempts, bool)):
            raise InvalidArgument(
                f"max_attempts: {max_attempts!r} is not a whole number from 1 to 1000")
        if priority is not None and (not isinstance(priority, int) or isinstance(priority, bool)):
            raise InvalidArgument(f"priority {priority!r} is not a whole number from 0 to 9")
        if concurrency_key is not None and not isinstance(concurrency_key, str):
            raise InvalidArgument(
                f"concurrency_key must be a string, not {_tname(concurrency_key)}")
        params = (type, cv.json_text("payload", payload), queue, cv.run_at(run_at),
                  cv.seconds("delay", delay), max_attempts, key,
                  cv.seconds("timeout", timeout, positive=True),
                  cv.json_text("metadata", metadata),
                  cv.seconds("unique_for", unique_for, positive=True), priority,
                  concurrency_key, cv.job_ids("after", after) or None,
                  cv.job_ids("after_any", after_any) or None)
        return str(self._run(conn, _SUBMIT, params)[0][0])

    def submit_many(self, jobs: Iterable[Mapping[str, Any]], *, conn: Any = None) -> list[str]:
        """Submits several jobs at once, all or none, and returns their ids in input order.

        jobs: dicts with submit()'s fields ('type' required; payload, queue, delay, run_at,
        key, max_attempts, timeout, metadata, unique_for, priority, concurrency_key), and for
        a graph of dependencies (docs/workflows.md): 'ref', a name for the job within this
        call (1-64 of A-Z a-z 0-9 _ . : -, unique in the call), and 'after' / 'after_any',
        each a job id or the ref of an EARLIER job of the list, or a list of them (submit()'s
        after and after_any). The whole graph is linked in the call. A key repeated or
        already used gives the existing job's id (and links nothing for it). conn: as for
        submit(). InvalidArgument names the first bad job (1-based), e.g. ``job 3: unknown
        field "bogus"`` or ``job 2: "after": unknown ref "x"``; nothing is then inserted.
        """
        rows = self._run(conn, _SUBMIT_MANY, (cv.submit_many_json(jobs),))
        return [str(i) for i in rows[0][0]]

    # ------------------------------------------------------------------ cancel, status
    def cancel(self, id: JobId, reason: Optional[str] = None) -> str:
        """Cancels a job and returns its status when the cancel acted: 'scheduled' or
        'queued' (it is now cancelled), 'running' (its worker was asked to stop; wait() then
        raises JobCancelled unless it finished first), or a terminal status (nothing
        changed). Raises JobNotFound for an unknown id."""
        jid = cv.job_id(id)
        rows = self._run(None, _CANCEL, (jid, reason))
        if not rows:
            raise JobNotFound(jid)
        return str(rows[0][1])

    def status(self, id: JobId) -> dict[str, Any]:
        """The job's status row: id, type, queue, status, attempt, max_attempts, payload,
        result, error, progress, metadata, key, run_at, created_at, started_at,
        finished_at, cancel_requested, cancel_reason, status_reason, worker_id (JSON
        columns as Python values, times as aware datetimes). Raises JobNotFound."""
        jid = cv.job_id(id)
        row = self._with_own(lambda c: _status_row(c, jid))
        if row is None:
            raise JobNotFound(jid)
        return row

    # ------------------------------------------------------------------ waiting
    def wait(self, id: JobId, timeout: Optional[cv.Seconds] = None) -> Any:
        """Waits for the job to end and returns its result (the handler's JSON value).

        Raises JobFailed (``.error``: its last error) or JobCancelled if it ended so,
        JobNotFound for an unknown id, and WaitTimeout (a TimeoutError) after ``timeout``
        seconds (None: no limit); the job itself is not touched by a timeout. It is woken
        by the job's notification on channel jobq_done and reads the status every
        poll_interval as a fallback. A lost connection is replaced once per loss; if the
        database cannot be reached, psycopg's OperationalError is raised.
        """
        jid = cv.job_id(id)
        limit = cv.seconds("timeout", timeout)
        deadline = None if limit is None else time.monotonic() + limit
        w = self._take_waiter()
        reusable = False
        try:
            result = self._wait_on(w, jid, limit, deadline)
            reusable = True
            return result
        except JobqError:
            reusable = True  # the job's outcome or a timeout: the connection is fine
            raise
        finally:
            if reusable:
                self._give_back(w, jid)
            else:
                w.close()

    def _wait_on(self, w: _Waiter, jid: str, limit: Optional[float],
                 deadline: Optional[float]) -> Any:
        w.want = jid
        _query(w.conn, _WATCH, (jid,))
        while True:
            w.hits.discard(jid)
            try:
                row = _status_row(w.conn, jid)
            except psycopg.OperationalError:
                if w.usable():
                    raise  # an error of the statement (a timeout, say), not a lost connection
                w.reopen()  # once per loss: a failure to connect is raised
                _query(w.conn, _WATCH, (jid,))
                continue
            if row is None:
                raise JobNotFound(jid)
            if row["status"] in _TERMINAL:
                return _outcome(jid, row)
            left = self._poll
            if deadline is not None:
                left = min(left, deadline - time.monotonic())
                if left <= 0:
                    raise WaitTimeout(jid, limit or 0.0, row["status"])
            try:
                w.wait_for(jid, left)
            except psycopg.OperationalError:
                pass  # the next status read meets the loss and reconnects

    def _take_waiter(self) -> _Waiter:
        with self._lock:
            if self._closed:
                raise JobqError("the jobq client is closed")
            while self._idle:
                w = self._idle.pop()
                if w.usable():
                    return w
                w.close()
        return _Waiter(self._connect)

    def _give_back(self, w: _Waiter, jid: str) -> None:
        """Unwatches jid and keeps the connection for the next wait (or closes it)."""
        if not w.usable():
            w.close()
            return
        try:
            _query(w.conn, _UNWATCH, (jid,))
        except Exception:
            w.close()
            return
        w.hits.clear()
        w.want = None
        with self._lock:
            if not self._closed and len(self._idle) < _IDLE_WAITERS:
                self._idle.append(w)
                return
        w.close()


def _outcome(jid: str, row: dict[str, Any]) -> Any:
    """The result of a terminal status row, or the exception that stands for it."""
    if row["status"] == "succeeded":
        return row["result"]
    if row["status"] == "failed":
        raise JobFailed(jid, row.get("error"), row)
    raise JobCancelled(jid, row.get("cancel_reason"), row)


def _tname(v: object) -> str:
    return type(v).__name__
