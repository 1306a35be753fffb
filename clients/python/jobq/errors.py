"""The exceptions of the jobq client: one base class, JobqError, and one class per outcome."""
from __future__ import annotations

from typing import Any, Optional


class JobqError(Exception):
    """Base class of every error the jobq client raises itself.

    Errors of the database driver other than a refused argument (a lost connection, a
    failed transaction of the application's own) are psycopg's exceptions, unchanged.
    """


class InvalidArgument(JobqError, ValueError):
    """A call was refused because an argument is invalid.

    The message is one line that says which argument and why: the SQL API's own text
    (SQLSTATE 22023, the same as the CLI prints) or the client's for what it checks first.
    """


class JobNotFound(JobqError, LookupError):
    """No job has this id (or it was pruned). ``job_id`` is the id that was asked for."""

    def __init__(self, job_id: str) -> None:
        super().__init__(f"job {job_id} not found")
        self.job_id = job_id


class JobFailed(JobqError):
    """The job ended failed. ``error`` is its last error text, ``status`` its status row."""

    def __init__(self, job_id: str, error: Optional[str], status: dict[str, Any]) -> None:
        super().__init__(f"job {job_id} failed: {error}")
        self.job_id = job_id
        self.error = error
        self.status = status


class JobCancelled(JobqError):
    """The job ended cancelled. ``reason`` is its cancel reason, ``status`` its status row."""

    def __init__(self, job_id: str, reason: Optional[str], status: dict[str, Any]) -> None:
        super().__init__(f"job {job_id} was cancelled" + (f": {reason}" if reason else ""))
        self.job_id = job_id
        self.reason = reason
        self.status = status


class WaitTimeout(JobqError, TimeoutError):
    """wait() gave up before the job ended; the job itself goes on. A TimeoutError."""

    def __init__(self, job_id: str, timeout: float, status: Optional[str]) -> None:
        super().__init__(f"job {job_id} still {status} after {timeout:g} s")
        self.job_id = job_id
        self.timeout = timeout
        self.last_status = status
