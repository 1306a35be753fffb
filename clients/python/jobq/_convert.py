"""Pure argument checks and conversions of the jobq client (no I/O): seconds, ids, JSON text,
and the jobs of submit_many as the JSON array jobq_submit_many takes."""
from __future__ import annotations

import datetime as dt
import json
import math
import re
import uuid
from typing import Any, Iterable, Mapping, Optional, Union

from .errors import InvalidArgument

Seconds = Union[int, float, dt.timedelta]
"""A duration: a number of seconds or a datetime.timedelta."""

# The SQL API's limit on how far ahead a job may run and on its timeout; checked here too, so
# that a huge number fails with this message rather than as an interval overflow.
MAX_SECONDS = 365 * 86400


def seconds(name: str, value: Optional[Seconds], *, positive: bool = False) -> Optional[float]:
    """value as a number of seconds (None stays None); InvalidArgument if it is not a finite
    number or timedelta, is negative, (positive=True) is not above zero, or is more than
    365 days."""
    if value is None:
        return None
    if isinstance(value, dt.timedelta):
        s = value.total_seconds()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        s = float(value)
    else:
        raise InvalidArgument(f"{name} must be a number of seconds or a timedelta, "
                              f"not {type(value).__name__}")
    if not math.isfinite(s) or s < 0 or (positive and s == 0):
        raise InvalidArgument(f"{name}: {value!r} is not a number of seconds "
                              f"{'above' if positive else 'of at least'} 0")
    if s > MAX_SECONDS:
        raise InvalidArgument(f"{name}: {value!r} is more than 365 days")
    return s


def run_at(value: Optional[dt.datetime]) -> Optional[dt.datetime]:
    """value checked as an aware datetime (None stays None): a naive one would be read in
    the database session's time zone, so it is refused."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        raise InvalidArgument(f"run_at must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidArgument("run_at must be a timezone-aware datetime "
                              "(e.g. datetime.now(timezone.utc))")
    return value


def job_id(value: Union[str, uuid.UUID]) -> str:
    """A job id as the canonical lower-case UUID text; InvalidArgument if it is not one."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str):
        try:
            return str(uuid.UUID(value))
        except ValueError:
            pass
    raise InvalidArgument(f"job id {value!r} is not a UUID")


def _one_or_many(value: Any, refusal: str) -> list:
    """None as [], one str or uuid.UUID as a list of it, any other iterable as a list, but
    not a mapping or bytes (their keys or ints would pass for ids); InvalidArgument with
    the refusal and the type's name otherwise. Serves job_ids and _deps_field."""
    if value is None:
        return []
    if isinstance(value, (str, uuid.UUID)):
        return [value]
    if not isinstance(value, (Mapping, bytes, bytearray)):
        try:
            return list(value)
        except TypeError:
            pass
    raise InvalidArgument(f"{refusal}, not {type(value).__name__}")


def job_ids(name: str, value: Any) -> list[str]:
    """Dependencies as canonical UUID texts: None is [], a str or uuid.UUID one id, else an
    iterable of them; InvalidArgument names the first that is not a job id."""
    items = _one_or_many(value, f"{name} must be a job id or an iterable of job ids")
    try:
        return [job_id(i) for i in items]
    except InvalidArgument as e:
        raise InvalidArgument(f"{name}: {e}") from None


def _deps_field(name: str, value: Any) -> list[str]:
    """A submit_many job's "after" / "after_any": a job id or ref, or an iterable of them,
    as strings (uuid.UUID as its text); the server tells ids from refs and checks them."""
    items = _one_or_many(value, f'"{name}" must be a job id or ref, or a list of them')
    return [_id_or_ref(i) for i in items]


_DASHED_UUID = re.compile(r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                          r"[0-9a-fA-F]{12}\}?")


def _id_or_ref(item: Any) -> Any:
    """A uuid.UUID, or a string in the dashed UUID form (any case, in braces or not), as the
    canonical text the server takes for a job id; any other value as it is (a ref, which
    may be 32 hex digits or start with urn:, or what the server refuses by name)."""
    if isinstance(item, uuid.UUID):
        return str(item)
    if isinstance(item, str) and _DASHED_UUID.fullmatch(item) and (
            item.startswith("{") == item.endswith("}")):
        return str(uuid.UUID(item))
    return item


def json_text(name: str, value: Any) -> Optional[str]:
    """value as JSON text (None stays None, for the SQL API's defaults); InvalidArgument if
    it cannot be serialised."""
    if value is None:
        return None
    try:
        return json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise InvalidArgument(f"{name}: {e}") from None


def submit_many_json(jobs: Iterable[Mapping[str, Any]]) -> str:
    """The jobs of submit_many as the JSON array text of jobq_submit_many: each a dict with
    submit()'s fields; timedelta durations become seconds, datetimes ISO 8601 text and the
    uuid.UUIDs of "after" / "after_any" UUID text.
    Unknown fields are passed on for the server to name; None fields are left out.
    InvalidArgument names the 1-based job, as the server does."""
    out = []
    for n, job in enumerate(jobs, 1):
        try:
            out.append(_one_job(job))
        except InvalidArgument as e:
            raise InvalidArgument(f"job {n}: {e}") from None
    return json_text("jobs", out) or "[]"


def _one_job(job: Any) -> dict[str, Any]:
    if not isinstance(job, Mapping):
        raise InvalidArgument(f"must be a dict, not {type(job).__name__}")
    if job.get("delay") is not None and job.get("run_at") is not None:
        raise InvalidArgument("delay and run_at are exclusive")
    obj: dict[str, Any] = {}
    for k, v in job.items():
        if v is None:
            continue
        if k in ("delay", "timeout", "unique_for"):
            v = seconds(k, v, positive=(k != "delay"))
        elif k == "run_at":
            v = run_at(v).isoformat()  # type: ignore[union-attr]
        elif k in ("after", "after_any"):
            v = _deps_field(k, v)
        obj[k] = v
    return obj
