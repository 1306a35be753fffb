"""The work of the handlers scenario (bench/README.md, "Handlers"): one function that every
runner calls, and the payload it gets.

work(payload) checks the parsed payload and returns it: the job's cost is then what each
runner adds around it (jobq's persistent pool, an exec command, a Celery task). payload(i)
is the ~200-byte JSON object every job and task carries. Standard library only: the
persistent and exec handlers and the Celery peer import it.
"""


def payload(i):
    """The i-th job's payload: a JSON object of about 200 bytes (compact form)."""
    return {"i": i, "user": "user-%06d@example.com" % i, "action": "resize",
            "size": [640, 480], "quality": 85, "tags": ["bench", "jobq", "handlers"],
            "source": "s3://bench-bucket/images/%08d.jpg" % i, "note": "x" * 25}


def work(p):
    """The handler's body: p parsed back into an object, checked and returned. ValueError
    naming the field when p is not a payload of payload()."""
    if not isinstance(p, dict) or not isinstance(p.get("i"), int):
        raise ValueError("payload: not an object with an integer 'i': %r" % (p,))
    return p
