"""Timed apply_async calls of the Celery peer, one after the other (the clients scenario).

Usage: python3 calls.py N GAP_MS [WARMUP]   (environment as for tasks.py)

Connects, makes WARMUP calls (default 5, not timed: the first ones declare the queue), then
N calls of noop.apply_async, sleeping GAP_MS milliseconds after each (0: back to back).
Prints one line per timed call, "call START_NS END_NS" (wall clock just before and just
after apply_async returned), and closes the connection cleanly before exiting, so every
message has reached the broker when the process ends. As in produce.py, messages are
persistent and published without confirms (Celery's defaults).
"""
import sys
import time

from tasks import app, noop


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: calls.py N GAP_MS [WARMUP]")
    n, gap_ms = int(sys.argv[1]), float(sys.argv[2])
    warmup = int(sys.argv[3]) if len(sys.argv) == 4 else 5
    times = []
    with app.producer_or_acquire() as producer:
        producer.connection.ensure_connection(max_retries=3)
        for i in range(warmup):
            noop.apply_async(args=(-1 - i,), producer=producer)
        for i in range(n):
            t0 = time.time_ns()
            noop.apply_async(args=(i,), producer=producer)
            times.append((t0, time.time_ns()))
            if gap_ms > 0:
                time.sleep(gap_ms / 1000.0)
    out = sys.stdout
    for t0, t1 in times:
        out.write("call %d %d\n" % (t0, t1))
    out.flush()


if __name__ == "__main__":
    main()
