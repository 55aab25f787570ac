"""A task for the scale-out test: notes which worker process ran it, once per run."""

from __future__ import annotations

import os
import time

from django.tasks import task


@task
def note(number: int, path: str) -> None:
    time.sleep(0.05)  # long enough for the other worker to look for work meanwhile
    with open(path, "a") as file:  # one short O_APPEND write per run: lines never mix
        file.write(f"{number} {os.getpid()}\n")
