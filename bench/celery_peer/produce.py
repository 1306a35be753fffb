"""Publish N tasks to the Celery peer as fast as one producer can.

Usage: python3 produce.py N [START [TASK]]   (environment as for tasks.py)

TASK is noop (the default: noop(i)) or parse (parse(payload(i)), the handlers scenario's
~200-byte object of bench/handlers/work.py).

Connects first, then prints "first_publish_ns <ns>" (wall clock just before the first
apply_async), publishes N tasks with the standard apply_async (persistent messages, Celery's
default: no publisher confirms), and prints "last_publish_ns <ns>" when the last one was
handed to the connection. The connection is closed cleanly before exiting, so every message
has reached the broker when the process ends.
"""
import sys
import time

from tasks import app, noop, parse
from work import payload


def main():
    n = int(sys.argv[1])
    start = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    task = sys.argv[3] if len(sys.argv) > 3 else "noop"
    if task not in ("noop", "parse"):
        sys.exit("produce.py: task %r is not noop or parse" % task)
    with app.producer_or_acquire() as producer:
        producer.connection.ensure_connection(max_retries=3)
        t0 = time.time_ns()
        print("first_publish_ns %d" % t0, flush=True)
        for i in range(start, start + n):
            if task == "parse":
                parse.apply_async(args=(payload(i),), producer=producer)
            else:
                noop.apply_async(args=(i,), producer=producer)
        t1 = time.time_ns()
    print("last_publish_ns %d" % t1, flush=True)
    print("published %d in %.3f s" % (n, (t1 - t0) / 1e9), flush=True)


if __name__ == "__main__":
    main()
