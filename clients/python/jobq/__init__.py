"""jobq: submit, cancel, inspect and wait for jobq jobs from Python.

A thin client of jobq's SQL API (jobq_submit, jobq_submit_many, jobq_cancel, jobq_status,
jobq_watch) over psycopg 3; no AMQP library. Start with ``jobq.Client(dsn)``; see README.md.
"""
from .client import Client, JobId
from ._convert import Seconds
from .errors import (InvalidArgument, JobCancelled, JobFailed, JobNotFound, JobqError,
                     WaitTimeout)

__all__ = ["Client", "JobId", "Seconds", "JobqError", "InvalidArgument", "JobNotFound",
           "JobFailed", "JobCancelled", "WaitTimeout"]
__version__ = "0.1.0"
