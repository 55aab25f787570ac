"""``sellergate bulk_job JOB_ID``: process one queued bulk job in this process.

The worker runs each job this way, in a child process of its own whose address space is
capped (``--max-memory-mb``, from SELLERGATE_BULK_JOB_MAX_MEMORY_MB): a file that needs
more memory than that fails with its reason, and the worker, its other tasks and the
machine go on (bulk/tasks.py).
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sellergate.bulk import processing


class Command(BaseCommand):
    help = "Process one queued bulk job (what the worker runs in a child process)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("job_id", type=int)
        parser.add_argument("--max-memory-mb", type=int, default=0)
        parser.add_argument(
            "--worker-pid", type=int, default=0, help="end when this process (the worker) does"
        )

    def handle(
        self, *args: Any, job_id: int, max_memory_mb: int, worker_pid: int, **options: Any
    ) -> None:
        if worker_pid:
            _die_with(worker_pid)
        if max_memory_mb:
            limit = max_memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        job = processing.process(job_id)
        self.stdout.write("skipped" if job is None else job.status)


PR_SET_PDEATHSIG = 1


def _die_with(worker_pid: int) -> None:
    """A worker killed mid-job (SIGKILL, OOM) must take its job's process with it, or the
    job would go on unwatched while the sweep queues it again for another worker."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise CommandError("cannot tie the job's process to the worker (prctl)")
    if os.getppid() != worker_pid:  # the worker ended before the tie was made
        raise CommandError("the worker that started this job has ended")
