"""The exec-mode handler of the handlers scenario: `python3 exec_parse.py` reads the payload
on stdin, parses it, and prints work(payload) (work.py) as the result."""
import json
import sys

from work import work

sys.stdout.write(json.dumps(work(json.load(sys.stdin)), separators=(",", ":")))
