"""Puts a Python process that a test started at the test's clock (tests/clock.py).

``tests.processes.environment`` adds this folder to ``PYTHONPATH`` and sets
``SELLERGATE_TEST_CLOCK_OFFSET`` (seconds from the real clock to the test's) when the
test runs at a moved instant. Python imports ``sitecustomize`` at start-up, so every
sellergate process a test starts — and every one those start (the worker's job
processes, ``serve``'s children) — sees the test's date, ticking, without production
code knowing about tests.
"""

import os

_offset = os.environ.get("SELLERGATE_TEST_CLOCK_OFFSET")
if _offset:
    import time

    import time_machine

    time_machine.travel(time.time() + float(_offset), tick=True).start()
