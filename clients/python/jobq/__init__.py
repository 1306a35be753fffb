"""jobq: submit, cancel, inspect and wait for jobq jobs from Python, and write workers.

A thin client of jobq's SQL API (jobq_submit, jobq_submit_many, jobq_cancel, jobq_status,
jobq_watch) over psycopg 3; no AMQP library. Start with ``jobq.Client(dsn)``; see README.md.
``jobq.worker`` (standard library only) runs persistent handlers for jobq-consumer.

The client is imported on first use of ``jobq.Client`` or ``jobq.JobId``, so that a worker
process, which imports ``jobq.worker`` only, does not need psycopg.
"""
from typing import TYPE_CHECKING, Any

from ._convert import Seconds
from .errors import (InvalidArgument, JobCancelled, JobFailed, JobNotFound, JobqError,
                     WaitTimeout)

if TYPE_CHECKING:
    from .client import Client, JobId

__all__ = ["Client", "JobId", "Seconds", "JobqError", "InvalidArgument", "JobNotFound",
           "JobFailed", "JobCancelled", "WaitTimeout"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in ("Client", "JobId"):
        from . import client
        return getattr(client, name)
    raise AttributeError(f"module 'jobq' has no attribute {name!r}")
