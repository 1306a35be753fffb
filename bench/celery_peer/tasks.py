"""The Celery peer of jobq's benchmark (bench/README.md): a no-op task, and `parse`, which
runs the handlers scenario's work(payload) (bench/handlers/work.py) on its payload.

Configured from the environment by bench/bench.py:
  BENCH_CELERY_BROKER    broker URL (pyamqp://user:pass@127.0.0.1:PORT/VHOST): the same
                         RabbitMQ as jobq, on a vhost of its own
  BENCH_CELERY_PREFETCH  worker_prefetch_multiplier (1 or 16 in the benchmark)
  BENCH_CELERY_DONE_DIR  folder for the completion records (see below)

No result backend: completion is recorded by the task itself. Each worker process opens
one file DONE_DIR/done.<pid> (O_APPEND) the first time it runs a task and appends one
fixed-size record per task: the wall-clock time (ns) at which the task body ran, as 19
digits and a newline. The harness counts records by file size (20 bytes each) and takes the
last timestamp as the moment the last task was done. That costs one write(2) per task, a
few microseconds, against Celery's own per-task work of about a millisecond, and it is
exact to the task body (the late ack follows it by the time Celery takes to send it).
"""
import os
import sys
import time

from celery import Celery

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "handlers"))
from work import work  # noqa: E402  (bench/handlers: the same function as jobq's handlers)

app = Celery("jobq_bench_peer", broker=os.environ.get("BENCH_CELERY_BROKER", "pyamqp://"))
app.conf.update(
    task_acks_late=True,
    worker_prefetch_multiplier=int(os.environ.get("BENCH_CELERY_PREFETCH", "1")),
    task_ignore_result=True,
    result_backend=None,
    task_serializer="json",
    accept_content=["json"],
    task_default_queue="bench",
    worker_send_task_events=False,
    task_send_sent_event=False,
    worker_hijack_root_logger=False,
)

_DONE_DIR = os.environ.get("BENCH_CELERY_DONE_DIR", "/tmp")
_fd = None
_pid = None


def _record():
    """Append this task's completion record to the process's file (see above)."""
    global _fd, _pid
    pid = os.getpid()
    if _fd is None or _pid != pid:
        _fd = os.open(os.path.join(_DONE_DIR, "done.%d" % pid),
                      os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        _pid = pid
    os.write(_fd, b"%019d\n" % time.time_ns())


@app.task(name="noop")
def noop(i=0):
    _record()


@app.task(name="parse")
def parse(payload):
    """The handlers scenario's task: its payload (parsed by Celery's JSON serializer) through
    work(), as jobq's persistent and exec handlers do."""
    out = work(payload)
    _record()
    return out
